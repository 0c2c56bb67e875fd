"""The query catalogue (queries/*.rq): well-formed headers, parameters bound as values, the
real answers on the seed graph, the same answers over HTTP, and injection attempts."""
from __future__ import annotations

import re
import subprocess
import sys
from decimal import Decimal

import httpx
import pytest

from api.catalogue import entries
from extractors.model import Evidence, Extraction, Mention, Relation, ReportInfo
from extractors.normalise import match_key
from kg.build import load_ontology
from kg.query import run_query, to_term
from kg.resolve import Resolver
from kg.store import OxigraphStore
from kg.triples import report_quads
from conftest import REPO, SEED_REPORTS

CATALOGUE = entries()
INJECTION = 'x" } ; DROP ALL ; #'


def _rows(store, name: str, **params) -> list[dict]:
    result = run_query(store, CATALOGUE[name].sparql, {k: to_term(str(v)) for k, v in params.items()})
    return [{v: (t.value if t is not None else None) for v, t in zip(result.variables, row)}
            for row in result.rows]


def _labels(rows: list[dict], column: str) -> set[str]:
    return {r[column] for r in rows if r.get(column)}


def _has(labels: set[str], text: str) -> bool:
    return any(text in label for label in labels)


@pytest.fixture(scope="module")
def seeds(seed_store_path):
    store = OxigraphStore(seed_store_path, read_only=True)
    yield store
    del store


# ---- the files themselves -----------------------------------------------------------------


def test_at_least_twelve_documented_queries():
    assert len(CATALOGUE) >= 12
    for q in CATALOGUE.values():
        assert q.title and q.question.endswith(("?", ".")), q.name
        for p in q.params:
            assert p.description, f"{q.name}: parameter {p.name} is not described"


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_parameters_are_projected_and_defaults_agree(name):
    """Substitution needs the variable in the projection; the header's default must be the
    one the query applies (COALESCE), so people read what the query does."""
    q = CATALOGUE[name]
    head = q.sparql[q.sparql.index("SELECT"):q.sparql.index("WHERE")]
    applied = {m.group(1): m.group(2).strip('"').removeprefix("esg:")
               for m in re.finditer(r'COALESCE\(\?(\w+),\s*("[^"]*"|\d+|esg:\w+)\)', q.sparql)}
    for p in q.params:
        assert re.search(rf"\?{p.name}\b", head), f"{name}: ?{p.name} is not projected"
        if p.default is not None:
            assert applied.get(p.name) == p.default, f"{name}: header default of {p.name} differs"
        else:
            assert applied.get(p.name) == "", f"{name}: optional {p.name} lacks its COALESCE guard"


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_explicit_defaults_give_the_default_answer(seeds, name):
    q = CATALOGUE[name]
    defaults = {p.name: p.default for p in q.params if p.default is not None}
    implicit = _rows(seeds, name)
    explicit = _rows(seeds, name, **defaults)
    strip = lambda rows: sorted(tuple(sorted((k, v or "") for k, v in r.items() if k not in defaults)) for r in rows)
    assert strip(implicit) == strip(explicit)


# ---- real answers on the seed graph ------------------------------------------------------


def test_holders_of_iso27001(seeds):
    rows = _rows(seeds, "holders-of-certification")
    companies = _labels(rows, "companyLabel")
    assert _has(companies, "京東健康") and _has(companies, "醫脈通")
    assert not _has(companies, "阿里健康"), "Alibaba Health reports ISO27000, not ISO 27001"
    same = _rows(seeds, "holders-of-certification", certification="ISO/IEC 27001")
    assert {r["companyIri"] for r in same} == {r["companyIri"] for r in rows}


def test_holders_of_mlps_level_3(seeds):
    by_key = _labels(_rows(seeds, "holders-of-certification", certification="mlps3"), "companyLabel")
    by_level = _rows(seeds, "holders-of-mlps-level")
    assert _has(by_key, "醫脈通") and _has(by_key, "阿里健康")
    assert _labels(by_level, "companyLabel") == by_key
    assert _rows(seeds, "holders-of-mlps-level", level=5) == []


def test_certifications_of_medlive(seeds):
    rows = _rows(seeds, "certifications-per-company", company="醫脈通")
    assert {"iso27001", "iso9001", "iso45001", "mlps3"} <= _labels(rows, "schemeKey")
    assert _labels(rows, "companyLabel") and all("醫脈通" in r["companyLabel"] for r in rows)


def test_jd_health_names_its_audit_committee(seeds):
    committees = _labels(_rows(seeds, "committees-per-company", company="京東健康"), "committeeLabel")
    assert {"審計委員會", "薪酬委員會", "提名委員會"} <= {c for label in committees for c in label.split(" / ")}


def test_committees_reporting_to_the_board(seeds):
    rows = _rows(seeds, "committees-reporting-to-board", company="京東健康")
    assert _has(_labels(rows, "committeeLabel"), "審計委員會")
    assert all("董事會" in r["boardLabel"] for r in rows)


def test_companies_following_tcfd_and_ifrs_s2(seeds):
    assert _has(_labels(_rows(seeds, "companies-following-framework"), "companyLabel"), "京東健康")
    ifrs = _rows(seeds, "companies-following-framework", framework="IFRS S2")
    assert _has(_labels(ifrs, "companyLabel"), "京東健康")
    assert {r["file"] for r in ifrs} == {"004_6af22f8d60238e04.txt"}
    gri = _labels(_rows(seeds, "companies-following-framework", framework="GRI"), "companyLabel")
    assert _has(gri, "京東健康") and _has(gri, "醫脈通")


def test_programmes_of_jd_health(seeds):
    rows = _rows(seeds, "programmes-per-company", company="京東健康")
    assert _has(_labels(rows, "programmeLabel"), "罕見病關愛計劃")
    assert all("京東健康" in r["companyLabel"] for r in rows)


def test_sdg_answers_are_goals_with_titles(seeds):
    for r in _rows(seeds, "sdgs-per-company"):
        assert 1 <= int(r["sdgNumber"]) <= 17 and r["sdgIri"].endswith(f"/{r['sdgNumber']}")
        assert r["sdgTitle"]
    for r in _rows(seeds, "programmes-per-sdg", sdg=3):
        assert r["sdgNumber"] == "3"


def test_greenhouse_gas_figures_across_companies(seeds):
    rows = _rows(seeds, "kpi-values")
    values = {(r["file"], Decimal(r["value"])) for r in rows}
    assert ("004_6af22f8d60238e04.txt", Decimal("68.13")) in values  # scope 1, 2024
    assert ("003_76d9b93572322dc4.txt", Decimal("67.758")) in values  # scope 2, 2022
    assert all("溫室氣體" in r["metricName"] for r in rows)
    assert len({r["period"] for r in rows if r["file"].startswith("004")}) >= 2  # several years


def test_entities_in_several_reports(seeds):
    rows = _rows(seeds, "entities-in-several-reports")
    assert rows and all(int(r["reportCount"]) >= 2 for r in rows)
    companies = [r for r in rows if "Company" in r["types"]]
    assert _has(_labels(companies, "label"), "阿里巴巴")
    certs = _rows(seeds, "entities-in-several-reports", type="Certification")
    assert "https://w3id.org/esgkg/id/certification/iso27001" in {r["entity"] for r in certs}
    assert all(int(r["reportCount"]) >= 3 for r in _rows(seeds, "entities-in-several-reports", min_reports=3))


def test_evidence_sentences_point_at_their_lines(seeds):
    rows = _rows(seeds, "evidence-for-relation")
    assert rows
    texts = {p.name: p.read_text(encoding="utf-8").splitlines() for p in SEED_REPORTS.glob("*.txt")}
    squash = lambda s: re.sub(r"\s+", "", s)
    for r in rows:
        line = int(r["line"])
        around = squash("".join(texts[r["file"]][max(line - 3, 0):line + 3]))
        assert squash(r["sentence"])[:8] in around, (r["file"], line, r["sentence"][:40])
    jd = [r for r in rows if "京東健康" in (r["subjectLabel"] or "") and "27001" in r["objectLabel"]]
    assert jd and "27001" in jd[0]["sentence"]


def test_report_overview(seeds):
    rows = {r["file"]: r for r in _rows(seeds, "report-overview")}
    assert set(rows) == {p.name for p in SEED_REPORTS.glob("*.txt")}
    jd = rows["004_6af22f8d60238e04.txt"]
    assert "京東健康" in jd["publisher"] and "TCFD" in jd["frameworks"]
    assert (jd["periodStart"], jd["periodEnd"]) == ("2024-01-01", "2024-12-31")
    assert (rows["001_2ff9cd499980ebd2.txt"]["periodStart"], rows["001_2ff9cd499980ebd2.txt"]["periodEnd"]) \
        == ("2017-04-01", "2018-03-31")
    assert all(int(r["entities"]) > 0 for r in rows.values())


def test_people_and_their_committee_roles(seeds):
    rows = _rows(seeds, "people-committee-roles", company="京東健康")
    chairs = {(r["personLabel"], r["committeeLabel"]) for r in rows if "chair" in r["roles"]}
    assert any("劉強東" in p and "董事會" in c for p, c in chairs)


def test_partners_of_medlive(seeds):
    assert _has(_labels(_rows(seeds, "partners-of-company", company="醫脈通"), "partnerLabel"), "阿斯利康")


def test_jd_health_is_a_subsidiary_of_jd_group(seeds):
    rows = _rows(seeds, "subsidiaries", company="京東集團")
    assert _has(_labels(rows, "subsidiaryLabel"), "京東健康")


# ---- query logic on a tiny graph written by kg's own writer ------------------------------


@pytest.fixture(scope="module")
def mini():
    """One report: a company runs a programme that serves SDG 3 (sentence from 004, line 476)."""
    ev = Evidence("為回應《聯合國 2030 可持續發展目標（SDGs）》，京東健康將生態環境保護與健康保障作為業務發展的重要基石。", 476)

    def mention(type_, text, key=None, **attrs):
        return Mention(type_, text, key or match_key(text), "zh-Hant", ev, attrs=attrs)

    company = mention("Company", "京東健康")
    programme = mention("Programme", "過期藥回收")
    goal = mention("SDG", "SDG 3", "sdg3", number=3)
    x = Extraction(ReportInfo("mini.txt", "zh-Hant", publisher=company), [company, programme, goal],
                   [Relation(company, "runsProgramme", programme, ev),
                    Relation(programme, "contributesToSDG", goal, ev)])
    store = OxigraphStore()
    load_ontology(store)
    graph, quads = report_quads(Resolver().resolve(x))
    store.replace_graph(graph, quads)
    return store


def test_sdg_queries_follow_programmes(mini):
    per_company = _rows(mini, "sdgs-per-company", company="京东健康")  # Simplified finds Traditional
    assert [(r["sdgNumber"], r["viaProgrammes"]) for r in per_company] == [("3", "過期藥回收")]
    assert per_company[0]["sdgTitle"] == "Good Health and Well-being"
    assert _rows(mini, "sdgs-per-company", lang="zh-Hant")[0]["sdgTitle"] == "良好健康與福祉"
    per_programme = _rows(mini, "sdgs-per-programme")
    assert [(r["programmeLabel"], r["runBy"], r["sdgNumber"]) for r in per_programme] == [("過期藥回收", "京東健康", "3")]
    assert [r["programmeLabel"] for r in _rows(mini, "programmes-per-sdg", sdg=3)] == ["過期藥回收"]
    assert [r["programmeLabel"] for r in _rows(mini, "programmes-per-sdg", sdg="http://metadata.un.org/sdg/3")] == ["過期藥回收"]
    assert _rows(mini, "programmes-per-sdg", sdg=4) == []
    assert _rows(mini, "sdgs-per-company", company="阿里健康") == []


# ---- over HTTP and from the command line --------------------------------------------------


def _quad_count(base: str) -> int:
    r = httpx.get(f"{base}/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"})
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def test_http_lists_the_catalogue(live_server):
    listing = httpx.get(f"{live_server}/queries").json()
    assert {q["name"] for q in listing} == set(CATALOGUE)
    cert = next(q for q in listing if q["name"] == "holders-of-certification")
    assert cert["title"] and cert["url"].endswith("/queries/holders-of-certification")
    assert cert["params"] == [{"name": "certification", "default": "iso27001",
                               "description": CATALOGUE["holders-of-certification"].params[0].description}]
    text = httpx.get(f"{live_server}/queries/holders-of-certification.rq")
    assert text.text == CATALOGUE["holders-of-certification"].sparql


def test_http_runs_a_query_with_bound_parameters(live_server, seeds):
    r = httpx.get(f"{live_server}/queries/holders-of-certification", params={"certification": "mlps3"}, timeout=60)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/sparql-results+json")
    over_http = {b["companyIri"]["value"] for b in r.json()["results"]["bindings"]}
    assert over_http == {row["companyIri"] for row in _rows(seeds, "holders-of-certification", certification="mlps3")}
    csv = httpx.get(f"{live_server}/queries/report-overview", headers={"Accept": "text/csv"}, timeout=60)
    assert csv.headers["content-type"].startswith("text/csv") and len(csv.text.strip().splitlines()) == 6


def test_http_catalogue_errors(live_server):
    r = httpx.get(f"{live_server}/queries/no-such-query")
    assert r.status_code == 404 and "holders-of-certification" in r.json()["known"]
    r = httpx.get(f"{live_server}/queries/holders-of-certification", params={"cert": "iso27001"})
    assert r.status_code == 400 and r.json()["parameters"] == ["certification"]
    r = httpx.get(f"{live_server}/queries/subsidiaries", params={"company": "http://x>"})
    assert r.status_code == 400


@pytest.mark.parametrize("name, param", [("holders-of-certification", "certification"),
                                         ("committees-per-company", "company"),
                                         ("kpi-values", "metric"),
                                         ("evidence-for-relation", "predicate"),
                                         ("holders-of-mlps-level", "level")])
def test_injection_through_parameters_changes_nothing(live_server, name, param):
    before = _quad_count(live_server)
    r = httpx.get(f"{live_server}/queries/{name}", params={param: INJECTION}, timeout=60)
    assert r.status_code == 200, r.text
    assert r.json()["results"]["bindings"] == []
    assert _quad_count(live_server) == before


def test_cli_binds_parameters_like_http(seed_store_path, seeds):
    out = subprocess.run([sys.executable, "-m", "kg.cli", "query", "holders-of-certification",
                          "--param", "certification=mlps3", "--format", "csv", "--store", str(seed_store_path)],
                         cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    iris = {line.split(",")[1] for line in out.stdout.strip().splitlines()[1:]}
    assert iris == {row["companyIri"] for row in _rows(seeds, "holders-of-certification", certification="mlps3")}
