"""The esgkg command as users run it: a real process, the bundled reports, one-line errors."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "examples" / "reports"
MEDLIVE = REPORTS / "003_76d9b93572322dc4.txt"


def esgkg(*args, env=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd or ROOT, env={**os.environ, **(env or {})}, timeout=300)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    d = tmp_path_factory.mktemp("cli")
    r = esgkg("build", MEDLIVE, "--store", d / "store", "-o", d / "medlive.nq")
    assert r.returncode == 0, r.stderr
    return d


def test_build_writes_the_store_and_the_file(built):
    ds = rdflib.Dataset()
    ds.parse(built / "medlive.nq", format="nquads")
    graphs = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert graphs == {"https://w3id.org/esgkg/id/report/003_76d9b93572322dc4"}


def test_rebuild_replaces_the_report_graph(built, tmp_path):
    q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = json.loads(esgkg("query", q, "--store", built / "store", "--format", "json").stdout)
    assert esgkg("build", MEDLIVE, "--store", built / "store").returncode == 0
    after = json.loads(esgkg("query", q, "--store", built / "store", "--format", "json").stdout)
    assert before == after


def test_store_from_environment(built, tmp_path):
    r = esgkg("query", "SELECT ?f WHERE { ?r esg:sourceFile ?f }", "--format", "csv",
              env={"ESGKG_STORE": str(built / "store")}, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["f", "003_76d9b93572322dc4.txt"]


def test_query_from_file_and_table_output(built, tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT ?label WHERE { ?r esg:publishedBy ?c . ?c rdfs:label ?label }", encoding="utf-8")
    r = esgkg("query", f"@{rq}", "--store", built / "store")
    assert r.returncode == 0, r.stderr
    assert "醫脈通" in r.stdout and "(1 row)" in r.stdout


@pytest.mark.parametrize("args,message", [
    (["build", "no-such-file.txt"], "no-such-file.txt"),
    (["build", MEDLIVE, "-o", "out.xlsx"], "unknown format"),
    (["query", "SELEKT ?x", "--store", "{store}"], "malformed query"),
    (["query", "@missing.rq", "--store", "{store}"], "no such query file"),
    (["query", "no-such-catalogue-entry", "--store", "{store}"], "no catalogue query"),
    (["query", "SELECT * WHERE { ?s ?p ?o }", "--store", "/nonexistent/store"], "esgkg build"),
])
def test_errors_are_one_line_without_traceback(built, tmp_path, args, message):
    args = [str(a).replace("{store}", str(built / "store")) for a in args]
    r = esgkg(*args, cwd=tmp_path)
    assert r.returncode != 0
    assert message in r.stderr
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_a_bad_report_is_skipped_and_stored_graphs_stay(built, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (folder / "empty.txt").write_bytes(b"")
    r = esgkg("build", folder, "--store", built / "store")
    assert r.returncode == 1
    assert "skipped" in r.stderr and "broken.txt" in r.stderr and "Traceback" not in r.stderr
    q = esgkg("query", "SELECT ?f WHERE { ?r esg:sourceFile ?f }", "--store", built / "store", "--format", "csv")
    assert q.stdout.splitlines() == ["f", "003_76d9b93572322dc4.txt"]
