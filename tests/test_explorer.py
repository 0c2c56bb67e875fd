"""The explorer page on a live server over the seed graph: its files come from this server
only, its script talks only to /graphql, and in headless Chromium (Debian's, driven by
``tests/explorer.mjs`` with playwright-core) a user can search 阿里健康 (also typed in
Simplified), open the company, click a node on the canvas and read that link's evidence.
The screenshot lands in ``test-artifacts/explorer.png``."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from kg import export as ex
from kg.store import OxigraphStore

REPO = Path(__file__).resolve().parent.parent
STATIC = REPO / "api" / "static" / "explorer"
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts"
QUERY = "阿里健康"
#: the company's registered name typed in Simplified script; the report prints it in Traditional
SIMPLIFIED = "阿里健康信息技术"


def _missing() -> list[str]:
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} (apt-get install chromium)")
    if shutil.which("node") is None:
        missing.append("node")
    for package in ("playwright-core", "cytoscape"):
        if not (REPO / "node_modules" / package / "package.json").exists():
            missing.append(f"node_modules/{package} (npm ci)")
    return missing


def test_page_and_its_assets_come_from_this_server(live_server):
    for path in ("/", "/explore"):
        r = httpx.get(live_server + path, timeout=30)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    refs = re.findall(r'(?:src|href)="([^"]+)"', r.text)
    scripts = re.findall(r'<script src="([^"]+)"', r.text)
    assert "/assets/cytoscape/cytoscape.min.js" in scripts
    for ref in refs:
        assert ref.startswith("/") and not ref.startswith("//") or ref.startswith("data:"), ref
    for ref in [x for x in refs if x.startswith(("/explorer/", "/assets/"))]:
        got = httpx.get(live_server + ref, timeout=30)
        assert got.status_code == 200, ref
        assert got.headers["content-type"].split(";")[0] in ("text/javascript", "text/css"), ref
    cy = httpx.get(live_server + "/assets/cytoscape/cytoscape.min.js", timeout=30)
    assert cy.content == (REPO / "node_modules/cytoscape/dist/cytoscape.min.js").read_bytes()
    for bad in ("/explorer/index.html.bak", "/explorer/..%2Fexplorer.py", "/assets/cytoscape/package.json"):
        assert httpx.get(live_server + bad, timeout=30).status_code == 404, bad


def test_page_script_reads_only_the_graphql_api():
    js = (STATIC / "explorer.js").read_text(encoding="utf-8")
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    assert re.findall(r"fetch\(([^,)]+)", js) == ['"/graphql"']
    assert not re.search(r"XMLHttpRequest|WebSocket|EventSource|importScripts|https?://", js)
    assert not re.search(r"https?://", html)


def _store_evidence(store: OxigraphStore, a: str, b: str) -> set[str]:
    """Sentences the store gives as evidence of any statement between a and b."""
    x, y = ox.NamedNode(a), ox.NamedNode(b)
    rows = store.query("SELECT ?sentence WHERE { ?ev a esg:Evidence ; rdf:subject ?s ; rdf:object ?o ; "
                       f"esg:sentence ?sentence . VALUES (?s ?o) {{ ({x} {y}) ({y} {x}) }} }}")
    return {r["sentence"].value for r in rows}


@pytest.mark.skipif(bool(_missing()), reason="the browser test needs " + ", ".join(_missing()))
def test_search_open_a_company_click_a_node_and_read_its_evidence(live_server, seed_store_path):
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "explorer.png"
    shot.unlink(missing_ok=True)
    run = subprocess.run(["node", str(REPO / "tests" / "explorer.mjs"), live_server, str(shot), QUERY, SIMPLIFIED],
                         cwd=REPO, capture_output=True, text=True, timeout=180)
    assert run.stdout.strip(), run.stderr
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen["ok"], seen.get("error")
    assert run.returncode == 0
    assert seen["console"] == []
    # nothing but this server's own files and its GraphQL API
    assert all(r.split(" ", 1)[1].startswith("/") for r in seen["requests"]), seen["requests"]
    assert {r for r in seen["requests"] if r.startswith("POST")} == {"POST /graphql"}

    store = OxigraphStore(seed_store_path, read_only=True)
    centre = seen["centre"]
    labels = {r["l"].value for r in store.query(f"SELECT ?l WHERE {{ {ox.NamedNode(centre)} a esg:Company ; rdfs:label ?l }}")}
    assert any(QUERY in label for label in labels)
    # script-blind: the Simplified spelling found the same company
    assert centre in {r["id"] for r in seen["simplifiedResults"]}

    # the neighbourhood drawn from GraphQL is the one the export computes from SPARQL
    drawn = {n["id"] for n in seen["graph"]["nodes"]}
    projected = ex.project(store, ex.selection(entity=centre, hops=1))
    assert drawn == set(projected.nodes) and len(drawn) > 10
    drawn_edges = {(e["source"], e["predicate"], e["target"]) for e in seen["graph"]["edges"]}
    assert drawn_edges == {(u, k, v) for u, v, k in projected.edges(keys=True) if centre in (u, v)}
    types = {n["id"]: n["type"] for n in seen["graph"]["nodes"]}
    assert all(types[n] == d["type"] for n, d in projected.nodes(data=True))

    # the click selected the node, and the panel shows its evidence from the store
    clicked, details = seen["clicked"], seen["details"]
    assert seen["selected"] == [clicked["id"]]
    assert details["title"] == clicked["label"] and details["type"] == clicked["type"]
    assert details["evidence"], "no evidence shown"
    store_sentences = _store_evidence(store, centre, clicked["id"])
    assert {ev["sentence"] for ev in details["evidence"]} <= store_sentences
    files = {r["f"].value for r in store.query(
        f"SELECT DISTINCT ?f WHERE {{ {ox.NamedNode(clicked['id'])} esg:mentionedIn ?r . ?r esg:sourceFile ?f }}")}
    assert files and len(details["reports"]) == len(files)
    assert {line.split(" — ")[0] for line in details["reports"]} == files
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 30_000
