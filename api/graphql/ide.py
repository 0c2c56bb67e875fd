"""GraphiQL at ``GET /graphql`` (a browser's ``Accept: text/html``), from local files only.

strawberry's own page loads React and GraphiQL from unpkg.com, which these machines cannot
reach. Here the page is ``api/static/graphiql/index.html`` and its scripts come from the npm
packages installed at the repository root (``package.json`` + ``package-lock.json``;
``npm ci``), served under ``/assets/graphiql/``. Only the four files below are served: the
URL names an entry of this table, never a path.
"""
from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, PlainTextResponse

REPO = Path(__file__).resolve().parents[2]
PAGE = REPO / "api" / "static" / "graphiql" / "index.html"
ASSET_PREFIX = "/assets/graphiql"

#: URL name -> (file under node_modules, media type)
ASSETS = {
    "react.production.min.js": ("react/umd/react.production.min.js", "text/javascript"),
    "react-dom.production.min.js": ("react-dom/umd/react-dom.production.min.js", "text/javascript"),
    "graphiql.min.js": ("graphiql/graphiql.min.js", "text/javascript"),
    "graphiql.min.css": ("graphiql/graphiql.min.css", "text/css"),
}

_MISSING = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>esgkg GraphQL</title></head>
<body style="font-family: sans-serif; margin: 2em">
<h1>GraphiQL is not installed</h1>
<p>The GraphiQL page needs the npm packages of this repository: run <code>npm ci</code> in
{root} and reload. GraphQL itself works: POST <code>application/json</code> to
<code>/graphql</code>.</p>
<p>Missing: {missing}</p>
</body></html>
"""


def node_modules() -> Path:
    """The repository's node_modules (where ``npm ci`` puts it)."""
    return REPO / "node_modules"


def missing_assets() -> list[str]:
    root = node_modules()
    return [rel for rel, _ in ASSETS.values() if not (root / rel).is_file()]


def page_html() -> str:
    missing = missing_assets()
    if missing:
        return _MISSING.format(root=REPO, missing=", ".join(missing))
    return PAGE.read_text(encoding="utf-8").replace("{{ASSETS}}", ASSET_PREFIX)


router = APIRouter()


@router.get(ASSET_PREFIX + "/{name}", include_in_schema=False)
async def asset(name: str):
    entry = ASSETS.get(name)
    if entry is None:
        return PlainTextResponse(f"no asset named {name!r}", status_code=404)
    path = node_modules() / entry[0]
    if not path.is_file():
        return PlainTextResponse(f"{entry[0]} is not installed: run `npm ci` in {REPO}", status_code=404)
    return FileResponse(path, media_type=entry[1], headers={"Cache-Control": "public, max-age=86400"})
