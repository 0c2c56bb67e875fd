"""The report's facts about itself (placeholder: being written)."""


def read_report_facts(ctx) -> None:
    return None
