"""``esgkg export`` and ``GET /export`` on the seed graph: every format is read back with
networkx and compared with what SPARQL says the store holds (nodes, typed edges), subsets
are checked against their own SPARQL, and the GEXF is checked against the GEXF 1.3 schema's
rules (the XSD is not on this machine: its constraints are written out as assertions)."""
from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from xml.etree import ElementTree as ET

import httpx
import networkx as nx
import pyoxigraph as ox
import pytest

from kg import export as ex
from kg.cli import main
from kg.namespaces import ESG
from kg.store import OxigraphStore

RELATIONS = ("follows", "publishedBy", "hasCommittee", "reportsTo", "chairedBy", "memberOf",
             "holdsCertification", "runsProgramme", "contributesToSDG", "subsidiaryOf", "partnerOf")
FORMATS = ("graphml", "gexf", "cytoscape", "nodelink", "dot", "neo4j")


@pytest.fixture(scope="module")
def store(seed_store_path):
    s = OxigraphStore(seed_store_path, read_only=True)
    yield s
    del s


def _types(types) -> str:
    return " ".join(f"esg:{t}" for t in types)


def sparql_nodes(store, types=ex.DEFAULT_TYPES, graph_filter: str = "") -> set[str]:
    rows = store.query(f"SELECT DISTINCT ?e WHERE {{ GRAPH ?g {{ ?g a esg:Report . ?e a ?t }} "
                       f"VALUES ?t {{ {_types(types)} }} {graph_filter} }}")
    return {r["e"].value for r in rows}


def sparql_edges(store, nodes: set[str], graph_filter: str = "") -> set[tuple[str, str, str]]:
    """(subject, contract property, object) between exported nodes, however many reports say it."""
    rows = store.query(f"SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?g a esg:Report . ?s ?p ?o }} "
                       f"VALUES ?p {{ {' '.join('esg:' + p for p in RELATIONS)} }} {graph_filter} }}")
    return {(r["s"].value, r["p"].value[len(ESG):], r["o"].value) for r in rows
            if r["s"].value in nodes and r["o"].value in nodes and r["s"] != r["o"]}


@pytest.fixture(scope="module")
def expected(store):
    nodes = sparql_nodes(store)
    return nodes, sparql_edges(store, nodes)


def triples(G: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return {(u, d["predicate"], v) for u, v, d in G.edges(data=True)}


# ---------------------------------------------------------------- reading each format back

def parse_dot(text: str) -> nx.MultiDiGraph:
    """Enough of the DOT grammar for what the exporter writes: quoted IDs with escapes, node
    and edge statements with attribute lists, and default-attribute statements."""
    token = re.compile(r'\s*(?:"((?:[^"\\]|\\.)*)"|(->|[\[\]{};=,])|([A-Za-z_][\w.]*|-?\d+(?:\.\d+)?))', re.S)
    toks, pos = [], 0
    while pos < len(text.rstrip()):
        m = token.match(text, pos)
        assert m, f"cannot read DOT at {text[pos:pos + 40]!r}"
        quoted, punct, bare = m.groups()
        if quoted is not None:
            toks.append(("id", re.sub(r"\\(.)", lambda x: "\n" if x.group(1) == "n" else x.group(1), quoted)))
        else:
            toks.append(("p", punct) if punct else ("id", bare))
        pos = m.end()
    assert toks[:3] == [("id", "digraph"), ("id", "esgkg"), ("p", "{")] and toks[-1] == ("p", "}")
    G, i = nx.MultiDiGraph(), 3

    def attrs(i):
        out = {}
        assert toks[i] == ("p", "[")
        i += 1
        while toks[i] != ("p", "]"):
            (k0, key), eq, (k1, value) = toks[i:i + 3]
            assert k0 == k1 == "id" and eq == ("p", "=")
            out[key] = value
            i += 3
            if toks[i] == ("p", ","):
                i += 1
        return out, i + 1

    while toks[i] != ("p", "}"):
        kind, name = toks[i]
        assert kind == "id"
        if toks[i + 1] == ("p", "->"):
            target = toks[i + 2][1]
            data, i = attrs(i + 3)
            G.add_edge(name, target, key=data.pop("key"), **data)
        else:
            data, i = attrs(i + 1)
            if name not in ("graph", "node", "edge"):
                G.add_node(name, **data)
        assert toks[i] == ("p", ";")
        i += 1
    return G


def neo4j_graph(nodes_csv: str, edges_csv: str) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for row in csv.DictReader(io.StringIO(nodes_csv)):
        n, label = row.pop("id:ID"), row.pop(":LABEL")
        G.add_node(n, **{k.split(":")[0]: v for k, v in row.items() if v})
        assert label == G.nodes[n]["type"]
    for row in csv.DictReader(io.StringIO(edges_csv)):
        u, v, t = row.pop(":START_ID"), row.pop(":END_ID"), row.pop(":TYPE")
        assert u in G and v in G, "an edge to a node the nodes file lacks"
        G.add_edge(u, v, key=t, **{k.split(":")[0]: v for k, v in row.items() if v})
    return G


def read_back(fmt: str, data: bytes) -> nx.MultiDiGraph:
    if fmt == "graphml":
        return nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    if fmt == "gexf":
        return nx.read_gexf(io.BytesIO(data), version="1.3")
    if fmt == "cytoscape":
        return nx.cytoscape_graph(json.loads(data), name="label", ident="id")
    if fmt == "nodelink":
        return nx.node_link_graph(json.loads(data), edges="links")
    if fmt == "dot":
        return parse_dot(data.decode("utf-8"))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        G = neo4j_graph(z.read("nodes.csv").decode("utf-8"), z.read("edges.csv").decode("utf-8"))
    return G


@pytest.fixture(scope="module")
def exported(seed_store_path, tmp_path_factory) -> dict[str, bytes]:
    """Every format written by the command itself (``esgkg export -o``)."""
    out = tmp_path_factory.mktemp("exports")
    files = {}
    for fmt in FORMATS:
        path = out / f"whole.{fmt}.{'zip' if fmt == 'neo4j' else 'out'}"
        assert main(["export", "--format", fmt, "--store", str(seed_store_path), "-o", str(path)]) == 0
        files[fmt] = path.read_bytes()
    return files


@pytest.fixture(scope="module")
def read(exported):
    """Each exported file read back once (DOT parsing is the slow one)."""
    cache = {}

    def get(fmt: str) -> nx.MultiDiGraph:
        if fmt not in cache:
            cache[fmt] = read_back(fmt, exported[fmt])
        return cache[fmt]
    return get


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_reads_back_with_the_store_s_nodes_and_edges(fmt, read, expected):
    nodes, edges = expected
    G = read(fmt)
    assert G.is_directed()
    assert set(G.nodes) == nodes
    assert G.number_of_edges() == len(edges)
    assert triples(G) == edges
    assert len(nodes) > 100 and len(edges) > 100  # the seeds really are in it


@pytest.mark.parametrize("fmt", FORMATS)
def test_labels_types_and_reports_survive_each_format(fmt, read, store):
    G = read(fmt)
    rows = store.query("SELECT ?e ?l ?r WHERE { GRAPH ?g { ?g a esg:Report . ?e a esg:Company ; rdfs:label ?l ; "
                       "esg:mentionedIn ?r } }")
    labels, reports = {}, {}
    for r in rows:
        labels.setdefault(r["e"].value, set()).add(r["l"].value)
        reports.setdefault(r["e"].value, set()).add(r["r"].value)
    for e in labels:
        d = G.nodes[e]
        assert d["type"] == "Company"
        assert d["label"] in labels[e]
        got = d["reports"] if isinstance(d["reports"], list) else re.split(r"[|;]", d["reports"])
        assert set(got) == reports[e]


def test_neo4j_pair_of_files_and_headers(seed_store_path, tmp_path, expected):
    base = tmp_path / "graph"
    assert main(["export", "--format", "neo4j", "--store", str(seed_store_path), "-o", str(base)]) == 0
    nodes_csv = (tmp_path / "graph_nodes.csv").read_text(encoding="utf-8")
    edges_csv = (tmp_path / "graph_edges.csv").read_text(encoding="utf-8")
    header = nodes_csv.splitlines()[0].split(",")
    assert header[:2] == ["id:ID", ":LABEL"] and "reports:string[]" in header and "sdgNumber:int" in header
    assert edges_csv.splitlines()[0].split(",")[:3] == [":START_ID", ":END_ID", ":TYPE"]
    G = neo4j_graph(nodes_csv, edges_csv)
    assert set(G.nodes) == expected[0] and G.number_of_edges() == len(expected[1])
    assert all("\n" not in field for row in csv.reader(io.StringIO(edges_csv)) for field in row)
    assert len(edges_csv.splitlines()) == len(expected[1]) + 1


def test_edges_carry_a_sentence_of_their_own_evidence(store):
    G = ex.project(store)
    rows = store.query("SELECT ?s ?p ?o ?sentence ?line WHERE { GRAPH ?g { ?ev a esg:Evidence ; rdf:subject ?s ; "
                       "rdf:predicate ?p ; rdf:object ?o ; esg:sentence ?sentence ; esg:line ?line } }")
    said = {}
    for r in rows:
        said.setdefault((r["s"].value, r["p"].value[len(ESG):], r["o"].value), set()).add(
            (r["sentence"].value, int(r["line"].value)))
    with_evidence = 0
    for u, v, k, d in G.edges(keys=True, data=True):
        assert k == d["predicate"] == d["label"]
        if "sentence" in d:
            assert (d["sentence"], d["line"]) in said[(u, k, v)]
            assert d["report"] in d["reports"]
            with_evidence += 1
    assert with_evidence >= 0.9 * G.number_of_edges()


# ---------------------------------------------------------------- GEXF 1.3

GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"
XSI = "{http://www.w3.org/2001/XMLSchema-instance}"
ATTR_TYPES = {"integer", "long", "double", "float", "boolean", "bigdecimal", "biginteger", "byte", "char",
              "short", "liststring", "listboolean", "listinteger", "listlong", "listfloat", "listdouble",
              "listbyte", "listshort", "listbigdecimal", "listbiginteger", "listchar", "string", "anyURI"}
TIME_ATTRS = {"start", "end", "timestamp", "intervals", "timestamps"}


def assert_gexf13(data: bytes) -> tuple[int, int]:
    """The constraints of the GEXF 1.3 schema (gexf.rnc + dynamics.rnc) on what a static
    graph can contain; returns (nodes, edges)."""
    root = ET.fromstring(data)
    assert root.tag == GEXF + "gexf" and root.get("version") == "1.3"
    assert set(root.attrib) <= {"version", "variant", XSI + "schemaLocation"}
    assert root.get(XSI + "schemaLocation", "http://gexf.net/1.3 x").split()[0] == "http://gexf.net/1.3"
    children = list(root)
    assert [c.tag for c in children] in ([GEXF + "graph"], [GEXF + "meta", GEXF + "graph"])
    if children[0].tag == GEXF + "meta":
        meta = children[0]
        assert set(meta.attrib) <= {"lastmodifieddate"}
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta.get("lastmodifieddate", "2000-01-01"))
        assert {c.tag for c in meta} <= {GEXF + t for t in ("creator", "keywords", "description")}
    graph = children[-1]
    assert set(graph.attrib) <= {"defaultedgetype", "idtype", "timeformat", "mode", "timerepresentation",
                                 "timezone"} | TIME_ATTRS
    assert graph.get("defaultedgetype", "undirected") in ("directed", "undirected", "mutual")
    assert graph.get("mode", "static") in ("static", "dynamic", "slice")
    tags = [c.tag for c in graph]
    assert tags == [GEXF + "attributes"] * (len(tags) - 2) + [GEXF + "nodes", GEXF + "edges"]
    declared = {"node": {}, "edge": {}}
    for attributes in graph.findall(GEXF + "attributes"):
        assert set(attributes.attrib) == {"class"} and attributes.get("class") in declared
        for a in attributes:
            assert a.tag == GEXF + "attribute" and set(a.attrib) == {"id", "title", "type"}
            assert a.get("type") in ATTR_TYPES
            assert {c.tag for c in a} <= {GEXF + "default", GEXF + "options"}
            declared[attributes.get("class")][a.get("id")] = a.get("type")

    def check_attvalues(element, cls):
        for av in element.findall(GEXF + "attvalues/" + GEXF + "attvalue"):
            assert set(av.attrib) - TIME_ATTRS == {"for", "value"}
            kind = declared[cls][av.get("for")]  # KeyError: a value for an undeclared attribute
            value = av.get("value")
            if kind in ("integer", "long", "short", "byte", "biginteger"):
                int(value)
            elif kind in ("double", "float", "bigdecimal"):
                float(value)
            elif kind == "boolean":
                assert value in ("true", "false", "1", "0")

    node_ids = set()
    nodes = graph.find(GEXF + "nodes")
    assert set(nodes.attrib) <= {"count"}
    for node in nodes:
        assert node.tag == GEXF + "node"
        assert set(node.attrib) <= {"id", "label", "pid"} | TIME_ATTRS and "id" in node.attrib
        assert node.get("id") not in node_ids
        node_ids.add(node.get("id"))
        for child in node:
            assert child.tag in {GEXF + t for t in ("attvalues", "spells", "parents", "nodes", "edges")} \
                or child.tag.startswith(VIZ)
            if child.tag == VIZ + "color":
                assert all(0 <= int(child.get(c)) <= 255 for c in "rgb") and 0 <= float(child.get("a", 1)) <= 1
        check_attvalues(node, "node")
    edge_ids = set()
    edges = graph.find(GEXF + "edges")
    for edge in edges:
        assert edge.tag == GEXF + "edge"
        assert set(edge.attrib) <= {"id", "type", "label", "source", "target", "weight", "kind"} | TIME_ATTRS
        assert edge.get("source") in node_ids and edge.get("target") in node_ids
        assert edge.get("type", "directed") in ("directed", "undirected", "mutual")
        float(edge.get("weight", "1.0"))
        if edge.get("id") is not None:
            assert edge.get("id") not in edge_ids
            edge_ids.add(edge.get("id"))
        check_attvalues(edge, "edge")
    return len(node_ids), len(edges)


def test_gexf_follows_the_gexf_1_3_schema_with_kinds_for_parallel_edges(exported, expected):
    n, e = assert_gexf13(exported["gexf"])
    assert (n, e) == (len(expected[0]), len(expected[1]))
    root = ET.fromstring(exported["gexf"])
    kinds = {edge.get("kind") for edge in root.iter(GEXF + "edge")}
    assert kinds == {p for _, p, _ in expected[1]}
    assert all(edge.get("label") == edge.get("kind") for edge in root.iter(GEXF + "edge"))


def test_gexf_checker_rejects_what_networkx_writes_for_1_3_unpatched(store):
    """networkx 3.6's own 1.3 output misspells the XSI namespace and writes attributes 1.3
    dropped; the checker must catch that, or it checks nothing."""
    G = ex.scalar_graph(ex.project(store, ex.selection(types="SDG,Company")))
    buf = io.BytesIO()
    nx.write_gexf(G, buf, version="1.3")
    with pytest.raises(AssertionError):
        assert_gexf13(buf.getvalue())


# ---------------------------------------------------------------- subsets

def company_iri(store, name: str) -> str:
    rows = store.query(f"SELECT DISTINCT ?e WHERE {{ ?e a esg:Company ; rdfs:label ?l FILTER(STR(?l) = {ox.Literal(name)}) }}")
    hits = sorted(r["e"].value for r in rows)
    assert hits, name
    return hits[0]


def test_neighbourhood_of_a_company_matches_its_relations(store):
    centre = company_iri(store, "阿里健康")
    nodes = sparql_nodes(store)
    edges = sparql_edges(store, nodes)
    neighbours = {centre} | {o for s, _, o in edges if s == centre} | {s for s, _, o in edges if o == centre}
    G = ex.project(store, ex.selection(entity=centre, hops=1))
    assert set(G.nodes) == neighbours and len(neighbours) > 10
    assert triples(G) == {t for t in edges if t[0] in neighbours and t[2] in neighbours}
    assert set(ex.project(store, ex.selection(entity=centre, hops=0)).nodes) == {centre}
    two = ex.project(store, ex.selection(entity=centre, hops=2))
    assert set(two.nodes) > neighbours


def test_types_subset_keeps_those_types_and_their_edges_only(store):
    G = ex.project(store, ex.selection(types="company, COMMITTEE"))
    nodes = sparql_nodes(store, ("Company", "Committee"))
    assert set(G.nodes) == nodes
    assert {d["type"] for _, d in G.nodes(data=True)} == {"Company", "Committee"}
    assert triples(G) == sparql_edges(store, nodes)
    assert "hasCommittee" in {p for _, p, _ in triples(G)}


def test_report_subset_is_that_report_s_graph(store):
    report = store.report_graphs()[0]
    source = next(iter(store.query(f"SELECT ?f WHERE {{ <{report}> esg:sourceFile ?f }}")))["f"].value
    only = f"FILTER(?g = <{report}>)"
    nodes = sparql_nodes(store, graph_filter=only)
    for wanted in (report, source):
        G = ex.project(store, ex.selection(report=wanted))
        assert set(G.nodes) == nodes
        assert triples(G) == sparql_edges(store, nodes, graph_filter=only)
        assert all(d["reports"] == [report] for _, d in G.nodes(data=True))


def test_observations_only_when_asked_with_their_figures(store):
    assert "Observation" not in {d["type"] for _, d in ex.project(store).nodes(data=True)}
    G = ex.project(store, ex.selection(types="Observation,Company"))
    obs = [(n, d) for n, d in G.nodes(data=True) if d["type"] == "Observation"]
    count = next(iter(store.query("SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { GRAPH ?g { ?o a esg:Observation } }")))
    assert len(obs) == int(count["n"].value) > 0
    assert all(isinstance(d["value"], float) and "metric" in d for _, d in obs)
    subject_edges = [(u, v) for u, v, k in G.edges(keys=True) if k == "subject"]
    assert subject_edges and all(G.nodes[v]["type"] == "Company" for _, v in subject_edges)


def test_label_language_choice_and_fallback(store):
    both = ex.project(store)
    en = ex.project(store, ex.selection(lang="en"))
    hant = ex.project(store, ex.selection(lang="zh-hant"))
    assert set(en.nodes) == set(both.nodes) == set(hant.nodes)
    with_en = [n for n, d in both.nodes(data=True) if "label_en" in d]
    only_zh = [n for n, d in both.nodes(data=True) if "label_en" not in d and d.get("label_zh_Hant")]
    assert with_en and only_zh
    for n in with_en:
        assert en.nodes[n]["label"] == both.nodes[n]["label_en"] and en.nodes[n]["labelLang"] == "en"
    for n in only_zh:
        assert en.nodes[n]["label"] == both.nodes[n]["label_zh_Hant"] and "label_en" not in en.nodes[n]
    assert not any(k.startswith("label_") and k != "label_en" for _, d in en.nodes(data=True) for k in d)
    for n, d in hant.nodes(data=True):
        if "label_zh_Hant" in both.nodes[n]:
            assert d["labelLang"] == "zh-Hant" and d["label"] == both.nodes[n]["label_zh_Hant"]
    # SDGs take the ontology's titles where the reports gave no label in that language
    sdg = [d for _, d in en.nodes(data=True) if d["type"] == "SDG"]
    assert sdg and all(d["labelLang"] == "en" for d in sdg)


def test_dot_quoting_survives_quotes_backslashes_and_line_breaks():
    G = nx.MultiDiGraph()
    tricky = 'a "quoted" \\ back\nslash'
    G.add_node("n1", type="Company", label=tricky, reports=["r1", "r2"])
    G.add_node("n 2", type="Person", label="x", reports=[])
    G.add_edge("n1", "n 2", key="chairedBy", predicate="chairedBy", label="chairedBy", sentence='他說"是"')
    buf = io.BytesIO()
    ex.write(G, "dot", buf)
    back = parse_dot(buf.getvalue().decode("utf-8"))
    assert back.nodes["n1"]["label"] == tricky and back.nodes["n1"]["reports"] == "r1|r2"
    assert back.edges["n1", "n 2", "chairedBy"]["sentence"] == '他說"是"'


# ---------------------------------------------------------------- errors

@pytest.mark.parametrize("argv, message", [
    (["--format", "svg"], "unknown format 'svg'"),
    (["--format", "dot", "--types", "Company,Board"], "unknown type 'Board'"),
    (["--format", "dot", "--entity", "https://w3id.org/esgkg/id/company/none"], "no entity"),
    (["--format", "dot", "--report", "nothing.txt"], "no report 'nothing.txt'"),
    (["--format", "dot", "--lang", "fr"], "unknown label language 'fr'"),
    (["--format", "dot", "--hops", "-1"], "hops must be between 0 and 10"),
])
def test_bad_options_are_one_line_errors(argv, message, seed_store_path, capsys):
    assert main(["export", *argv, "--store", str(seed_store_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err and "Traceback" not in err


# ---------------------------------------------------------------- HTTP

@pytest.mark.parametrize("fmt", FORMATS)
def test_http_export_streams_each_format(fmt, live_server, exported, expected):
    with httpx.stream("GET", f"{live_server}/export", params={"format": fmt}, timeout=120) as r:
        assert r.status_code == 200, r.read()
        assert "content-length" not in r.headers  # streamed, not buffered whole
        body = r.read()
    assert r.headers["content-type"].split(";")[0] == ex.FORMATS[fmt].media_type
    assert r.headers["content-disposition"] == f'attachment; filename="{ex.FORMATS[fmt].filename}"'
    G = read_back(fmt, body)
    assert set(G.nodes) == expected[0] and triples(G) == expected[1]


def test_http_export_subset_matches_the_command(live_server, store):
    centre = company_iri(store, "阿里健康")
    r = httpx.get(f"{live_server}/export", params={"format": "nodelink", "entity": centre, "hops": "1",
                                                    "types": "Company,Committee,Programme", "lang": "en"}, timeout=120)
    assert r.status_code == 200, r.text
    G = read_back("nodelink", r.content)
    direct = ex.project(store, ex.selection(entity=centre, hops=1, types="Company,Committee,Programme", lang="en"))
    assert set(G.nodes) == set(direct.nodes) and triples(G) == triples(direct)
    assert {d["type"] for _, d in G.nodes(data=True)} <= {"Company", "Committee", "Programme"}


@pytest.mark.parametrize("params, message", [
    ({}, "give format="),
    ({"format": "pdf"}, "unknown format 'pdf'"),
    ({"format": "dot", "types": "Planet"}, "unknown type 'Planet'"),
    ({"format": "dot", "hops": "two"}, "hops must be a whole number"),
    ({"format": "dot", "entity": "https://w3id.org/esgkg/id/company/none"}, "no entity"),
    ({"format": "dot", "report": "nothing.txt"}, "no report 'nothing.txt'"),
    ({"format": "dot", "colour": "red"}, "unknown parameter 'colour'"),
    ({"format": "dot", "entity": "--store=/elsewhere"}, "no entity <--store=/elsewhere>"),  # a value, not a flag
])
def test_http_export_errors_are_400_with_one_line(params, message, live_server):
    r = httpx.get(f"{live_server}/export", params=params, timeout=60)
    assert r.status_code == 400
    assert message in r.text and r.text.count("\n") == 1


def test_http_export_that_writes_nothing_in_time_is_stopped(start_server, seed_store_path):
    with start_server(seed_store_path, ESGKG_QUERY_TIMEOUT="0.05") as base:
        r = httpx.get(f"{base}/export", params={"format": "graphml"}, timeout=60)
    assert r.status_code == 504 and "wrote nothing within 0.05 s" in r.text
