"""The SPARQL endpoint over HTTP, driven by real clients (SPARQLWrapper, rdflib's SPARQLStore,
httpx) against ``esgkg serve`` running on the seed graph."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import threading
import time
import urllib.error

import httpx
import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TSV, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from api.execute import Job, is_update, uses_service
from api.formats import GRAPH_FORMATS, RESULT_FORMATS, negotiate
from api.worker import _StoreHandle
from conftest import REPO, SEED_REPORTS

N_REPORTS = len(list(SEED_REPORTS.glob("*.txt")))
REPORTS = "SELECT ?r ?file WHERE { ?r a esg:Report ; esg:sourceFile ?file } ORDER BY ?file"
COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
REPORT_TRIPLES = "CONSTRUCT { ?r a esg:Report ; esg:sourceFile ?f } WHERE { ?r a esg:Report ; esg:sourceFile ?f }"
# three-way cross join over every triple: minutes of work, no answer rows to stream early
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _wrapper(base: str, query: str, fmt=JSON) -> SPARQLWrapper:
    w = SPARQLWrapper(f"{base}/sparql")
    w.setQuery(query)
    w.setReturnFormat(fmt)
    return w


def _get(base: str, query: str, accept: str | None = None, **params) -> httpx.Response:
    headers = {"Accept": accept} if accept else {}
    return httpx.get(f"{base}/sparql", params={"query": query, **params}, headers=headers, timeout=60)


def _quad_count(base: str) -> int:
    r = _get(base, COUNT_QUADS)
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


# ---- protocol: methods and result formats ---------------------------------------------


def test_get_select_json_with_sparqlwrapper(live_server):
    res = _wrapper(live_server, REPORTS).query()
    assert res.response.headers["Content-Type"].startswith("application/sparql-results+json")
    rows = res.convert()["results"]["bindings"]
    assert sorted(r["file"]["value"] for r in rows) == sorted(p.name for p in SEED_REPORTS.glob("*.txt"))


def test_post_form_xml_with_sparqlwrapper(live_server):
    w = _wrapper(live_server, REPORTS, XML)
    w.setMethod(POST)
    doc = w.query().convert()  # an xml.dom Document
    assert len(doc.getElementsByTagName("result")) == N_REPORTS


def test_post_sparql_query_body_with_sparqlwrapper(live_server):
    w = _wrapper(live_server, "ASK { ?r a esg:Report }")
    w.setMethod(POST)
    w.setRequestMethod(POSTDIRECTLY)
    assert w.query().convert()["boolean"] is True


@pytest.mark.parametrize("fmt, delimiter", [(CSV, ","), (TSV, "\t")])
def test_csv_and_tsv_parse_back(live_server, fmt, delimiter):
    raw = _wrapper(live_server, REPORTS, fmt).query().convert()
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8")), delimiter=delimiter))
    assert [h.lstrip("?") for h in rows[0]] == ["r", "file"]
    files = [r[1].strip('"') for r in rows[1:]]
    assert sorted(files) == sorted(p.name for p in SEED_REPORTS.glob("*.txt"))


@pytest.mark.parametrize("accept, rdflib_format", [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
    ("application/rdf+xml", "xml"), ("application/trig", "trig"),
])
def test_construct_formats_parse_with_rdflib(live_server, accept, rdflib_format):
    r = _get(live_server, REPORT_TRIPLES, accept)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == f"{accept}; charset=utf-8"
    g = rdflib.Dataset() if rdflib_format == "trig" else rdflib.Graph()
    g.parse(data=r.text, format=rdflib_format)
    esg = rdflib.Namespace("https://w3id.org/esgkg/ontology#")
    assert len(set(g.subjects(rdflib.RDF.type, esg.Report))) == N_REPORTS
    assert len(set(g.objects(None, esg.sourceFile))) == N_REPORTS


def test_describe_answers_turtle_by_default(live_server):
    r = _get(live_server, "DESCRIBE ?r WHERE { ?r a esg:Report } LIMIT 1")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    assert len(rdflib.Graph().parse(data=r.text, format="turtle")) > 0


def test_rdflib_sparqlstore_reads_the_endpoint(live_server):
    g = rdflib.Graph(store=SPARQLStore(query_endpoint=f"{live_server}/sparql", returnFormat="json"))
    rows = list(g.query("PREFIX esg: <https://w3id.org/esgkg/ontology#> "
                        "SELECT ?file WHERE { ?r a esg:Report ; esg:sourceFile ?file }"))
    assert len(rows) == N_REPORTS


def test_default_and_named_graph_parameters(live_server):
    graphs = [b["r"]["value"] for b in _get(live_server, REPORTS).json()["results"]["bindings"]]
    one = graphs[0]
    r = _get(live_server, "SELECT DISTINCT ?r WHERE { ?r a esg:Report }", **{"default-graph-uri": one})
    assert [b["r"]["value"] for b in r.json()["results"]["bindings"]] == [one]
    r = httpx.post(f"{live_server}/sparql", timeout=60, data={
        "query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s a esg:Report } }",
        "named-graph-uri": graphs[:2]})
    assert sorted(b["g"]["value"] for b in r.json()["results"]["bindings"]) == sorted(graphs[:2])


# ---- content negotiation ----------------------------------------------------------------


def test_q_values_pick_the_preferred_format(live_server):
    r = _get(live_server, REPORTS, "text/csv;q=0.2, text/tab-separated-values;q=0.9, */*;q=0.1")
    assert r.headers["content-type"] == "text/tab-separated-values; charset=utf-8"
    r = _get(live_server, REPORTS, "application/sparql-results+xml;q=0, */*;q=0.5")
    assert r.headers["content-type"].startswith("application/sparql-results+json")


def test_nothing_acceptable_is_406(live_server):
    r = _get(live_server, REPORTS, "image/png")
    assert r.status_code == 406
    assert "application/sparql-results+json" in r.text
    assert _get(live_server, REPORT_TRIPLES, "application/sparql-results+json").status_code == 406


def test_negotiate_rules():
    assert negotiate(None, RESULT_FORMATS).media_type == "application/sparql-results+json"
    assert negotiate("text/*", RESULT_FORMATS).media_type == "text/csv"
    assert negotiate("text/*;q=0.5, text/tab-separated-values", RESULT_FORMATS).media_type == "text/tab-separated-values"
    assert negotiate("application/json", RESULT_FORMATS).media_type == "application/json"
    assert negotiate("text/turtle;q=0", GRAPH_FORMATS + []) is None
    assert negotiate("*/*;q=0.1, application/rdf+xml", GRAPH_FORMATS).media_type == "application/rdf+xml"


# ---- errors and refusals ----------------------------------------------------------------


def test_malformed_query_is_400_with_the_parser_message(live_server):
    with pytest.raises(QueryBadFormed) as err:
        _wrapper(live_server, "SELECT ?s WHERE { ?s ?p }").query()
    assert "malformed query" in str(err.value)
    r = _get(live_server, "SELECT ?s WHERE { ?s ?p }")
    assert r.status_code == 400 and "error at 1:" in r.text


def test_updates_are_refused_and_change_nothing(live_server):
    before = _quad_count(live_server)
    url = f"{live_server}/sparql"
    attempts = [
        httpx.post(url, data={"update": "DROP ALL"}),
        httpx.post(url, content="CLEAR ALL", headers={"Content-Type": "application/sparql-update"}),
        httpx.post(url, data={"query": "PREFIX x: <http://x/> INSERT DATA { x:a x:b x:c }"}),
        httpx.get(url, params={"query": "# comment\nDELETE WHERE { ?s ?p ?o }"}),
        httpx.get(url, params={"update": "DROP ALL"}),
    ]
    for r in attempts:
        assert r.status_code == 403, r.text
        assert "read-only" in r.text
    w = SPARQLWrapper(url)  # a client that sends updates its own way
    w.setMethod(POST)
    w.setQuery("DELETE WHERE { GRAPH ?g { ?s ?p ?o } }")
    with pytest.raises(urllib.error.HTTPError) as err:
        w.query()
    assert err.value.code == 403
    assert _quad_count(live_server) == before > 0


def test_federated_queries_are_refused(live_server):
    r = _get(live_server, "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }")
    assert r.status_code == 403 and "SERVICE" in r.text


def test_update_and_service_detection_ignores_strings_and_comments():
    assert is_update("PREFIX esg: <https://w3id.org/esgkg/ontology#>\n insert data { }")
    assert not is_update('SELECT ?x WHERE { BIND("DROP ALL" AS ?x) } # DELETE')
    assert uses_service("SELECT * { service <http://x> { ?s ?p ?o } }")
    assert not uses_service('SELECT ?service WHERE { ?service ?p "SERVICE" } # SERVICE <x>')


def test_missing_store_is_a_clear_error(tmp_path):
    missing = tmp_path / "nowhere"
    answer = _StoreHandle(missing).run(Job("ASK {}"))
    assert answer.status == 503 and f"no store at {missing}" in answer.error
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "serve", "--store", str(missing)],
                          cwd=REPO, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "run `esgkg build` first" in proc.stderr and "Traceback" not in proc.stderr


# ---- browser tools and self-description ---------------------------------------------------


def test_cors_for_browser_tools(live_server):
    r = httpx.get(f"{live_server}/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://yasgui.example"})
    assert r.headers["access-control-allow-origin"] == "*"
    pre = httpx.options(f"{live_server}/sparql", headers={
        "Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert pre.status_code == 200 and "POST" in pre.headers["access-control-allow-methods"]


def test_service_description_parses_as_turtle(live_server):
    r = httpx.get(f"{live_server}/sparql", headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=r.text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    service = g.value(predicate=rdflib.RDF.type, object=sd.Service)
    assert g.value(service, sd.endpoint) == rdflib.URIRef(f"{live_server}/sparql")
    assert (service, sd.supportedLanguage, sd.SPARQL11Query) in g
    names = set(g.objects(None, sd.name))
    graphs = {rdflib.URIRef(b["r"]["value"]) for b in _get(live_server, REPORTS).json()["results"]["bindings"]}
    assert graphs <= names


# ---- limits: timeout and result size (a server of their own) ------------------------------


@pytest.fixture(scope="module")
def strict_server(seed_store_path, start_server):
    with start_server(seed_store_path, ESGKG_QUERY_TIMEOUT="1", ESGKG_MAX_RESULTS="50") as base:
        yield base


def test_slow_query_is_stopped_and_others_are_served(strict_server):
    slow: dict = {}

    def run_slow():
        t0 = time.monotonic()
        slow["response"] = _get(strict_server, SLOW)
        slow["seconds"] = time.monotonic() - t0

    thread = threading.Thread(target=run_slow)
    thread.start()
    time.sleep(0.3)
    meanwhile = _get(strict_server, "ASK { ?r a esg:Report }")
    assert meanwhile.status_code == 200 and meanwhile.json()["boolean"] is True
    assert "response" not in slow, "the simple query waited behind the slow one"
    thread.join(30)
    r = slow["response"]
    assert r.status_code == 504 and "stopped" in r.text
    assert 0.9 < slow["seconds"] < 5.0
    after = _get(strict_server, REPORTS)  # the killed worker was replaced
    assert after.status_code == 200 and len(after.json()["results"]["bindings"]) == N_REPORTS


def test_result_size_cap_says_add_limit(strict_server):
    r = _get(strict_server, "SELECT * WHERE { ?s ?p ?o }")
    assert r.status_code == 400 and "LIMIT 50" in r.text
    assert r.headers["x-max-results"] == "50"
    r = _get(strict_server, "SELECT * WHERE { ?s ?p ?o } LIMIT 50", "text/csv")
    assert r.status_code == 200 and len(r.text.strip().splitlines()) == 51
    r = _get(strict_server, "CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples")
    assert r.status_code == 400 and "triples" in r.text


def test_json_answers_are_valid_sparql_results(live_server):
    r = _get(live_server, "SELECT ?r ?title WHERE { ?r a esg:Report OPTIONAL { ?r dcterms:title ?title } }")
    body = json.loads(r.text)
    assert body["head"]["vars"] == ["r", "title"]
    assert all(b["r"]["type"] == "uri" for b in body["results"]["bindings"])


@pytest.mark.skipif(not __import__("shutil").which("curl"), reason="curl is not installed")
def test_curl_posts_a_form_and_gets_csv(live_server):
    """The way most people first try an endpoint: curl with --data-urlencode."""
    query = "SELECT ?file WHERE { ?r a esg:Report ; esg:sourceFile ?file } ORDER BY ?file"
    r = subprocess.run(["curl", "-sS", "-H", "Accept: text/csv", "--data-urlencode", f"query=PREFIX esg: <https://w3id.org/esgkg/ontology#> {query}",
                        f"{live_server}/sparql"], capture_output=True, text=True, timeout=60)
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert rows[0] == ["file"]
    assert [x[0] for x in rows[1:]] == sorted(p.name for p in SEED_REPORTS.glob("*.txt"))
