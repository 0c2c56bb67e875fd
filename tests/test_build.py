"""The whole pipeline on the five bundled reports: graphs, types, provenance, shapes, identity."""
from pathlib import Path

import pytest
import rdflib

from extractors.model import ENTITY_TYPES
from kg.build import build
from kg.store import OxigraphStore
from ontology import validate

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "examples" / "reports"
ESG = rdflib.Namespace("https://w3id.org/esgkg/ontology#")


@pytest.fixture(scope="module")
def store(seed_store_path):
    s = OxigraphStore(seed_store_path, read_only=True)
    yield s
    s.close()


@pytest.fixture(scope="module")
def dataset(store, tmp_path_factory):
    out = tmp_path_factory.mktemp("build") / "seeds.trig"
    store.dump(out, ".trig")
    ds = rdflib.Dataset(default_union=True)
    ds.parse(out, format="trig")
    return ds


def rows(store, q, **bindings):
    return [[t.value if t is not None else None for t in r] for r in store.query(q, bindings=bindings)]


def test_one_named_graph_per_report(store):
    got = rows(store, "SELECT ?g ?f WHERE { GRAPH ?g { ?g a esg:Report ; esg:sourceFile ?f } } ORDER BY ?f")
    assert [f for _, f in got] == sorted(p.name for p in REPORTS.glob("*.txt"))
    assert len({g for g, _ in got}) == 5


@pytest.mark.parametrize("cls", [*ENTITY_TYPES, "Observation", "Report"])
def test_every_contract_type_has_instances(store, cls):
    (n,) = rows(store, f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a esg:{cls} }}")[0]
    assert int(n) > 0, cls


def test_the_graph_conforms_to_the_shapes(dataset):
    conforms, _, text = validate(dataset)
    assert conforms, text[:3000]


def test_every_entity_is_mentioned_in_a_report_of_its_graph(store):
    orphans = rows(store, """SELECT ?e WHERE { GRAPH ?g { ?g a esg:Report .
        ?e a ?t FILTER(STRSTARTS(STR(?t), STR(esg:)))
        FILTER(?t NOT IN (esg:Report, esg:Evidence))
        FILTER NOT EXISTS { ?e esg:mentionedIn ?g } } } LIMIT 5""")
    assert orphans == []


def test_evidence_points_at_the_line_it_came_from(store):
    """Every relation has evidence, and the sentence really is on (or starts at) its line."""
    got = rows(store, """SELECT ?f ?line ?sentence WHERE { GRAPH ?g {
        ?s ?p ?o . ?g esg:sourceFile ?f .
        FILTER(?p IN (esg:hasCommittee, esg:reportsTo, esg:chairedBy, esg:memberOf, esg:holdsCertification,
                      esg:runsProgramme, esg:contributesToSDG, esg:subsidiaryOf, esg:partnerOf, esg:follows))
        ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; esg:line ?line ; esg:sentence ?sentence } }""")
    assert len(got) > 50
    lines = {f: (REPORTS / f).read_text(encoding="utf-8").splitlines() for f in {r[0] for r in got}}
    for f, line, sentence in got:
        first = "".join(sentence.split())[:6]
        # a sentence may start at the end of its line and go on in the next
        here_and_next = "".join("".join(lines[f][int(line) - 1:int(line) + 2]).split())
        assert first in here_and_next, (f, line, sentence)


def test_one_iri_across_reports_and_scripts(store):
    """Alibaba Group is named in Traditional (000) and Simplified (002) Chinese: one IRI."""
    got = rows(store, """SELECT ?e (COUNT(DISTINCT ?r) AS ?n) WHERE {
        ?e a esg:Company ; esg:mentionedIn ?r ; esg:matchKey "阿里巴巴集团" } GROUP BY ?e""")
    assert len(got) == 1 and int(got[0][1]) >= 2


def test_rebuilding_gives_the_same_iris(tmp_path):
    reports = [REPORTS / "003_76d9b93572322dc4.txt"]
    iris = []
    for run in ("a", "b"):
        s = OxigraphStore(tmp_path / run)
        build(reports, s)
        iris.append({r["e"].value for r in s.query(
            "SELECT DISTINCT ?e WHERE { GRAPH ?g { ?g a esg:Report . ?e ?p ?o } }")})
        s.close()
    assert iris[0] == iris[1] and len(iris[0]) > 20
