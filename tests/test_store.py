"""The embedded store: graph replacement is all-or-nothing, values are bound, files round-trip."""
import pyoxigraph as ox
import pytest
import rdflib

from kg.store import OxigraphStore, StoreError

G = "https://w3id.org/esgkg/id/report/r1"
ESG = "https://w3id.org/esgkg/ontology#"


def quads(label):
    g = ox.NamedNode(G)
    e = ox.NamedNode("https://w3id.org/esgkg/id/company/x")
    return [
        ox.Quad(g, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(ESG + "Report"), g),
        ox.Quad(e, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal(label, language="zh-Hant"), g),
        ox.Quad(e, ox.NamedNode(ESG + "matchKey"), ox.Literal("key"), g),
        ox.Quad(e, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(ESG + "Company"), g),
    ]


def labels(store):
    return sorted(r["l"].value for r in store.query("SELECT ?l WHERE { ?e rdfs:label ?l }"))


def test_replace_graph_replaces(tmp_path):
    s = OxigraphStore(tmp_path / "s")
    s.replace_graph(G, quads("醫脈通"))
    s.replace_graph(G, quads("京東健康"))
    assert labels(s) == ["京東健康"]
    assert s.report_graphs() == [G]
    assert s.known_keys() == {("Company", "key"): "https://w3id.org/esgkg/id/company/x"}


def test_a_failed_replace_keeps_the_old_graph(tmp_path):
    s = OxigraphStore(tmp_path / "s")
    s.replace_graph(G, quads("醫脈通"))

    class Boom(Exception):
        pass

    def broken():
        yield from quads("half")[:2]
        raise Boom()

    with pytest.raises(Boom):
        s.replace_graph(G, broken())
    assert labels(s) == ["醫脈通"]


def test_bindings_are_values_not_text(tmp_path):
    s = OxigraphStore(tmp_path / "s")
    s.replace_graph(G, quads("醫脈通"))
    q = "SELECT ?e ?name WHERE { ?e rdfs:label ?l FILTER(STR(?l) = STR(?name)) }"
    assert len(list(s.query(q, bindings={"name": ox.Literal("醫脈通")}))) == 1
    evil = ox.Literal('醫脈通") || true || ("')
    assert list(s.query(q, bindings={"name": evil})) == []


def test_reopen_from_disk_read_only(tmp_path):
    s = OxigraphStore(tmp_path / "s")
    s.replace_graph(G, quads("醫脈通"))
    s.close()
    r = OxigraphStore(tmp_path / "s", read_only=True)
    assert labels(r) == ["醫脈通"]


def test_missing_store_read_only_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="esgkg build"):
        OxigraphStore(tmp_path / "nope", read_only=True)


@pytest.mark.parametrize("suffix,fmt", [(".trig", "trig"), (".nq", "nquads"), (".ttl", "turtle"),
                                        (".nt", "nt"), (".jsonld", "json-ld")])
def test_dump_round_trips_through_rdflib(tmp_path, suffix, fmt):
    s = OxigraphStore(tmp_path / "s")
    s.replace_graph(G, quads("醫脈通"))
    out = tmp_path / f"g{suffix}"
    s.dump(out, suffix)
    ds = rdflib.Dataset()
    ds.parse(out, format=fmt)
    assert rdflib.Literal("醫脈通", lang="zh-Hant") in {q[2] for q in ds.quads()}
