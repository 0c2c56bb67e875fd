"""KPI observations (placeholder: being written)."""


def extract_observations(ctx) -> list:
    return []
