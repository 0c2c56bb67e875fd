"""The graph explorer: ``GET /`` (and ``/explore``) serves a page that searches entities,
draws an entity's neighbourhood with Cytoscape.js and shows labels, reports and evidence
sentences on a click. The page reads only ``/graphql``.

Served from local files only (no CDN): the page, its script and style from
``api/static/explorer/``, Cytoscape.js from the npm package installed at the repository root
(``package.json`` + ``package-lock.json``; ``npm ci``) under ``/assets/cytoscape/``. URLs
name entries of the tables below, never paths.
"""
from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, PlainTextResponse, Response

REPO = Path(__file__).resolve().parent.parent
STATIC = REPO / "api" / "static" / "explorer"
ASSET_PREFIX = "/assets/cytoscape"

#: page files: URL name -> media type
FILES = {"explorer.js": "text/javascript", "explorer.css": "text/css"}
#: npm files: URL name -> (path under node_modules, media type)
ASSETS = {"cytoscape.min.js": ("cytoscape/dist/cytoscape.min.js", "text/javascript")}

router = APIRouter()


@router.get("/", include_in_schema=False)
@router.get("/explore", include_in_schema=False)
async def page() -> Response:
    return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8",
                        headers={"Cache-Control": "no-cache"})


@router.get("/explorer/{name}", include_in_schema=False)
async def page_file(name: str) -> Response:
    media = FILES.get(name)
    if media is None:
        return PlainTextResponse(f"no file named {name!r}", status_code=404)
    return FileResponse(STATIC / name, media_type=media, headers={"Cache-Control": "no-cache"})


@router.get(ASSET_PREFIX + "/{name}", include_in_schema=False)
async def asset(name: str) -> Response:
    entry = ASSETS.get(name)
    if entry is None:
        return PlainTextResponse(f"no asset named {name!r}", status_code=404)
    path = REPO / "node_modules" / entry[0]
    if not path.is_file():
        return PlainTextResponse(f"{entry[0]} is not installed: run `npm ci` in {REPO}", status_code=404)
    return FileResponse(path, media_type=entry[1], headers={"Cache-Control": "public, max-age=86400"})
