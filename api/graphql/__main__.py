"""``python -m api.graphql``: write the schema's SDL to ``api/schema.graphql`` (the checked-in
copy frontends and code generators read; ``tests/test_graphql.py`` fails when it is stale)."""
from __future__ import annotations

from pathlib import Path

SDL_PATH = Path(__file__).resolve().parent.parent / "schema.graphql"


def sdl() -> str:
    from .schema import schema

    return str(schema).rstrip("\n") + "\n"


if __name__ == "__main__":
    SDL_PATH.write_text(sdl(), encoding="utf-8")
    print(f"wrote {SDL_PATH}")
