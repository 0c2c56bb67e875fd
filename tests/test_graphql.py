"""GraphQL (``/graphql``) over a live ``esgkg serve`` on the seed graph, driven like a client:
JSON posted over HTTP. What a correct extraction of the seed reports must give is asserted
(JD Health's audit committee, Medlive 醫脈通 holding ISO/IEC 27001 and MLPS level 3), and the
API's own behaviour (paging, filters, script-blind search, limits, injection, query counts)
is checked against the SPARQL endpoint's answers on the same store.
"""
from __future__ import annotations

import asyncio
import re
from pathlib import Path

import httpx
import pytest

from extractors.normalise import match_key, to_traditional

REPO = Path(__file__).resolve().parent.parent
REPORTS = REPO / "examples" / "reports"


@pytest.fixture(scope="module")
def gql(live_server):
    client = httpx.Client(base_url=live_server, timeout=60)

    def run(query: str, variables: dict | None = None, *, errors: bool | None = False) -> dict:
        """The response body; ``errors``: must have GraphQL errors (True), must not (False),
        either (None). Never an HTTP error: GraphQL errors travel in a 200 response."""
        r = client.post("/graphql", json={"query": query, "variables": variables or {}})
        assert r.status_code == 200, r.text
        body = r.json()
        if errors is True:
            assert body.get("errors"), body
        elif errors is False:
            assert not body.get("errors"), body["errors"]
        return body

    yield run
    client.close()


@pytest.fixture(scope="module")
def sparql(live_server):
    def run(query: str) -> list[dict]:
        r = httpx.post(f"{live_server}/sparql", data={"query": query},
                       headers={"Accept": "application/sparql-results+json"}, timeout=60)
        assert r.status_code == 200, r.text
        return [{k: v["value"] for k, v in b.items()} for b in r.json()["results"]["bindings"]]

    return run


def _search_one(gql, text: str, typename: str = "Company") -> dict:
    hits = gql("query($t: String!) { search(text: $t) { __typename id label labels { value lang } } }",
               {"t": text})["data"]["search"]
    assert hits, f"search({text!r}) found nothing"
    assert hits[0]["__typename"] == typename, hits[:3]
    return hits[0]


@pytest.fixture(scope="module")
def medlive(gql) -> dict:
    return _search_one(gql, "医脉通")


@pytest.fixture(scope="module")
def jd_health(gql) -> dict:
    return _search_one(gql, "京东健康")


# --- schema ------------------------------------------------------------------------------------

def test_checked_in_sdl_matches_the_code():
    from api.graphql.__main__ import SDL_PATH, sdl

    assert SDL_PATH.read_text(encoding="utf-8") == sdl(), \
        "api/schema.graphql is stale: regenerate it with `python -m api.graphql`"


def test_contract_fields_exist(gql):
    types = gql("""{ __schema { types { name kind fields { name args { name type { name kind ofType { name } } } } } } }""")
    by_name = {t["name"]: t for t in types["data"]["__schema"]["types"]}
    query_fields = {f["name"]: f for f in by_name["Query"]["fields"]}
    assert {"companies", "company", "search", "reports", "sdgs"} <= set(query_fields)
    assert {a["name"] for a in query_fields["companies"]["args"]} >= {"search", "certification", "sdg", "first", "after"}
    company = {f["name"] for f in by_name["Company"]["fields"]}
    assert company >= {"id", "label", "mentionedIn", "committees", "certifications", "programmes", "sdgs",
                       "parent", "subsidiaries"}
    assert by_name["Entity"]["kind"] == "INTERFACE"
    assert {f["name"] for f in by_name["CompanyConnection"]["fields"]} == {"edges", "pageInfo", "totalCount"}
    for name in ("Company", "Committee", "Programme", "Certification", "SDG", "Person",
                 "ReportingFramework", "Organization", "Report", "Observation"):
        assert name in by_name


def test_full_introspection_passes_the_limits(gql):
    """GraphiQL and code generators send the whole introspection query: the depth, token and
    alias limits must let it through."""
    from graphql import get_introspection_query

    body = gql(get_introspection_query(descriptions=True, input_value_deprecation=True))
    assert "Company" in {t["name"] for t in body["data"]["__schema"]["types"]}


# --- companies: paging and filters --------------------------------------------------------------

def test_companies_pages_through_every_company_once(gql, sparql):
    expected = {r["c"] for r in sparql("PREFIX esg: <https://w3id.org/esgkg/ontology#> "
                                       "SELECT DISTINCT ?c WHERE { ?c a esg:Company }")}
    seen, after, pages = [], None, 0
    while True:
        page = gql("""query($after: String) { companies(first: 7, after: $after) {
            totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }""",
                   {"after": after})["data"]["companies"]
        assert page["totalCount"] == len(expected)
        assert page["pageInfo"]["hasPreviousPage"] == (after is not None)
        seen += [e["node"]["id"] for e in page["edges"]]
        assert page["pageInfo"]["endCursor"] == page["edges"][-1]["cursor"]
        pages += 1
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) and set(seen) == expected
    assert pages == -(-len(expected) // 7)


def _company_ids(gql, **filters) -> set[str]:
    args = ", ".join(f"{k}: ${k}" for k in filters)
    decl = ", ".join(f"${k}: {'Int' if isinstance(v, int) else 'String'}" for k, v in filters.items())
    page = gql(f"query({decl}) {{ companies({args}, first: 100) {{ totalCount edges {{ node {{ id }} }} }} }}",
               filters)["data"]["companies"]
    ids = {e["node"]["id"] for e in page["edges"]}
    assert page["totalCount"] == len(ids)
    return ids


def _holders(sparql, scheme_key: str) -> set[str]:
    return {r["c"] for r in sparql(
        "PREFIX esg: <https://w3id.org/esgkg/ontology#> SELECT DISTINCT ?c WHERE { "
        f"?c a esg:Company ; esg:holdsCertification ?x . ?x esg:schemeKey \"{scheme_key}\" }}")}


def test_certification_filter_takes_any_spelling(gql, sparql, medlive):
    iso = [_company_ids(gql, certification=s) for s in ("ISO 27001", "ISO/IEC 27001:2013", "ISO27001", "iso27001")]
    assert all(ids == iso[0] for ids in iso)
    assert iso[0] == _holders(sparql, "iso27001")
    assert medlive["id"] in iso[0]
    mlps = [_company_ids(gql, certification=s) for s in ("等保三級", "等级保护三级", "MLPS level 3", "mlps3")]
    assert all(ids == mlps[0] for ids in mlps)
    assert mlps[0] == _holders(sparql, "mlps3") and medlive["id"] in mlps[0]
    assert _company_ids(gql, certification="https://w3id.org/esgkg/id/certification/iso27001") == iso[0]
    assert _company_ids(gql, certification="ISO 99999") == set()


def test_sdg_filter_counts_direct_and_programme_contributions(gql, sparql):
    for number in (3, 13):
        ids = _company_ids(gql, sdg=number)
        expected = {r["c"] for r in sparql(
            "PREFIX esg: <https://w3id.org/esgkg/ontology#> SELECT DISTINCT ?c WHERE { ?c a esg:Company . "
            "{ ?c esg:contributesToSDG ?g } UNION { ?c esg:runsProgramme/esg:contributesToSDG ?g } "
            f"?g esg:sdgNumber {number} }}")}
        assert ids == expected
        for cid in ids:
            sdgs = gql("query($id: ID!) { company(id: $id) { sdgs(includeProgrammes: true) { number } } }",
                       {"id": cid})["data"]["company"]["sdgs"]
            assert number in [s["number"] for s in sdgs]
    assert _company_ids(gql, sdg=3), "a seed report names SDG 3"


def test_framework_and_report_filters_agree_with_the_reports(gql):
    reports = gql("{ reports { id sourceFile publisher { id } frameworks { id labels { value } } } }")["data"]["reports"]
    assert len(reports) == len(list(REPORTS.glob("*.txt")))
    followers = {r["publisher"]["id"] for r in reports if r["publisher"]
                 and any(f["id"].endswith("/hkex-esg") for f in r["frameworks"])}
    assert followers, "the seed reports follow the HKEX ESG Guide"
    assert _company_ids(gql, framework="環境、社會及管治報告指引") == followers
    assert _company_ids(gql, framework="ESG Reporting Guide") == followers
    one = reports[0]
    by_file = _company_ids(gql, report=one["sourceFile"])
    assert by_file == _company_ids(gql, report=one["id"]) and by_file
    for cid in list(by_file)[:5]:
        mentioned = gql("query($id: ID!) { company(id: $id) { mentionedIn { id } } }", {"id": cid})
        assert one["id"] in [r["id"] for r in mentioned["data"]["company"]["mentionedIn"]]


# --- search ---------------------------------------------------------------------------------------

def test_search_is_script_blind(gql, medlive):
    assert any("醫脈通" in label["value"] for label in medlive["labels"])
    assert _search_one(gql, "醫脈通")["id"] == medlive["id"]
    assert _search_one(gql, "医 脉通")["id"] == medlive["id"]
    # the reverse: a name printed in Simplified only is found from its Traditional spelling
    companies = gql("{ companies(first: 100) { edges { node { id labels { value lang } } } } }")["data"]["companies"]
    simplified_only = [e["node"] for e in companies["edges"]
                       if e["node"]["labels"] and all(lab["lang"] == "zh-hans" for lab in e["node"]["labels"])
                       and to_traditional(e["node"]["labels"][0]["value"]) != e["node"]["labels"][0]["value"]]
    assert simplified_only
    for node in simplified_only[:3]:
        hits = gql("query($t: String!) { search(text: $t) { id } }",
                   {"t": to_traditional(node["labels"][0]["value"])})["data"]["search"]
        assert node["id"] in [h["id"] for h in hits]


def test_search_ranks_the_whole_name_first(gql):
    hit = _search_one(gql, "阿里健康")
    keys = {match_key(label["value"]) for label in hit["labels"]}
    assert any(k.startswith(match_key("阿里健康")) for k in keys)
    reports = gql("query($id: ID!) { company(id: $id) { reports { sourceFile } mentionedIn { id } } }",
                  {"id": hit["id"]})["data"]["company"]
    assert reports["reports"], "the Alibaba Health company publishes a seed report"
    hits = gql('{ search(text: "阿里健康", first: 50) { id label } }')["data"]["search"]
    contains = [h for h in hits if match_key("阿里健康") in match_key(h["label"])]
    assert len(contains) > 1 and hits[0]["id"] == hit["id"]


def test_search_finds_goals_by_title_and_limits_types(gql):
    hits = gql('{ search(text: "good health", types: [SDG]) { __typename ... on SDG { number } } }')["data"]["search"]
    assert hits and hits[0] == {"__typename": "SDG", "number": 3}
    assert gql('{ search(text: "医脉通", types: [PERSON]) { id } }')["data"]["search"] == []


# --- labels, relations, evidence --------------------------------------------------------------

def test_label_prefers_the_language_then_its_family_then_any(gql, medlive):
    goal = gql("""{ sdgs { number en: label(lang: "en") hant: label(lang: "zh-Hant")
                           hans: label(lang: "zh-hans") other: label(lang: "fr") } }""")["data"]["sdgs"]
    assert [g["number"] for g in goal] == list(range(1, 18))
    three = goal[2]
    assert (three["en"], three["hant"], three["hans"]) == ("Good Health and Well-being", "良好健康與福祉", "良好健康与福祉")
    assert three["other"] in (three["en"], three["hant"], three["hans"])
    labels = {lab["lang"]: lab["value"] for lab in medlive["labels"]}
    got = gql("""query($id: ID!) { company(id: $id) { en: label(lang: "en") hant: label(lang: "zh-Hant")
                                                       hans: label(lang: "zh-Hans") } }""",
              {"id": medlive["id"]})["data"]["company"]
    assert got["hant"] == labels.get("zh-hant", got["hant"])
    if "en" not in labels:  # no English name: any label rather than nothing
        assert got["en"] in labels.values()
    if "zh-hans" not in labels and "zh-hant" in labels:  # same script family first
        assert got["hans"] == labels["zh-hant"]


def test_jd_health_audit_committee_both_ways_with_evidence(gql, jd_health):
    company = gql("""query($id: ID!) { company(id: $id) { committeeLinks { node { id label
        company { id } } evidence { sentence line report { sourceFile } } } } }""",
                  {"id": jd_health["id"]})["data"]["company"]
    audit = [link for link in company["committeeLinks"] if "審計委員會" in link["node"]["label"]]
    assert audit, [link["node"]["label"] for link in company["committeeLinks"]]
    link = audit[0]
    assert link["node"]["company"]["id"] == jd_health["id"]
    assert link["evidence"]
    for ev in link["evidence"]:
        assert "審計委員會" in ev["sentence"]
        _assert_sentence_at_line(ev["report"]["sourceFile"], ev["line"], ev["sentence"])


def test_medlive_certifications_both_ways_with_evidence(gql, medlive):
    links = gql("""query($id: ID!) { company(id: $id) { certificationLinks { node { id schemeKey
        holders { id } } evidence { sentence line predicate subject report { sourceFile } } } } }""",
                {"id": medlive["id"]})["data"]["company"]["certificationLinks"]
    by_key = {link["node"]["schemeKey"]: link for link in links}
    assert {"iso27001", "mlps3"} <= set(by_key)
    for key in ("iso27001", "mlps3"):
        link = by_key[key]
        assert medlive["id"] in [h["id"] for h in link["node"]["holders"]]
        ev = link["evidence"][0]
        assert ev["subject"] == medlive["id"] and ev["predicate"].endswith("#holdsCertification")
        _assert_sentence_at_line(ev["report"]["sourceFile"], ev["line"], ev["sentence"])
    assert "27001" in by_key["iso27001"]["evidence"][0]["sentence"]


def test_every_relation_reads_both_ways(gql):
    data = gql("""{ companies(first: 100) { edges { node { id
        committees { id companyLinks { node { id } } }
        certifications { id holders { id } }
        subsidiaries { id parentLinks { node { id } } }
        programmes { id runBy { id } } } } } }""")["data"]["companies"]["edges"]
    pairs = 0
    for node in (e["node"] for e in data):
        for c in node["committees"]:
            assert node["id"] in [x["node"]["id"] for x in c["companyLinks"]]
        for c in node["certifications"]:
            assert node["id"] in [x["id"] for x in c["holders"]]
        for s in node["subsidiaries"]:
            assert node["id"] in [x["node"]["id"] for x in s["parentLinks"]]
        for p in node["programmes"]:
            assert node["id"] in [x["id"] for x in p["runBy"]]
        pairs += len(node["committees"]) + len(node["certifications"]) + len(node["programmes"])
    assert pairs > 50


def _assert_sentence_at_line(source_file: str, line: int, sentence: str) -> None:
    lines = (REPORTS / source_file).read_text(encoding="utf-8").splitlines()
    window = re.sub(r"\s+", "", "".join(lines[line - 1:line + 2]))
    start = re.sub(r"\s+", "", sentence)[:8]
    assert start in window, (source_file, line, sentence[:40], window[:80])


# --- limits and errors ------------------------------------------------------------------------

def test_limits_are_graphql_errors(gql):
    deep = "{ companies { edges { node { committees { members { committees { company { committees " \
           "{ members { committees { company { id } } } } } } } } } } } }"
    assert "depth" in gql(deep, errors=True)["errors"][0]["message"]
    aliases = "{ " + " ".join(f"a{i}: sdgs {{ id }}" for i in range(20)) + " }"
    assert "aliases" in gql(aliases, errors=True)["errors"][0]["message"]
    tokens = "{ sdgs { " + " ".join(["id"] * 2500) + " } }"
    assert "token" in gql(tokens, errors=True)["errors"][0]["message"].lower()
    assert "at most 100" in gql("{ companies(first: 101) { totalCount } }", errors=True)["errors"][0]["message"]
    assert gql("{ companies(first: 100) { totalCount } }")["data"]["companies"]["totalCount"] > 0
    assert "cursor" in gql('{ companies(after: "bm9wZQ==") { totalCount } }', errors=True)["errors"][0]["message"]
    assert gql("{ companies( }", errors=True)["data"] is None


INJECTIONS = [
    '"} ; DROP ALL ; {',
    "' } UNION { ?s ?p ?o } #",
    "} ; DROP ALL",
    '\\" . ?s ?p ?o . FILTER("1',
    "<x> } UNION { ?s ?p ?o",
    "医脉通\" } INSERT DATA { <http://x> <http://y> <http://z> } #",
]


def test_injection_attempts_change_nothing(gql, sparql):
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = sparql(count)[0]["n"]
    for text in INJECTIONS:
        assert gql("query($t: String!) { search(text: $t) { id } }", {"t": text})["data"]["search"] == []
        for arg in ("search", "certification", "framework", "report"):
            body = gql(f"query($t: String) {{ companies({arg}: $t) {{ totalCount }} }}", {"t": text},
                       errors=None)
            assert body.get("errors") or body["data"]["companies"]["totalCount"] == 0, (arg, text, body)
        body = gql("query($t: ID!) { company(id: $t) { id } entity(id: $t) { id } }", {"t": text},
                   errors=None)
        assert not body.get("data") or not any(body["data"].values())
    assert gql('{ company(id: "https://x.org/> } UNION { ?s ?p ?o } #") { id } }', errors=True)
    assert sparql(count)[0]["n"] == before


# --- cost ---------------------------------------------------------------------------------------

NESTED = """{ companies(first: 20) { edges { node { id label
    committees { id label(lang: "en") } certifications { id label schemeKey } sdgs { number label } } } } }"""
#: companies, company nodes, three relations, their nodes: never more, whatever the page size
MAX_QUERIES = 8


def test_nested_query_issues_a_bounded_number_of_store_queries(seed_store_path):
    from api.graphql import GraphQLContext, Loaders, StoreBackend, schema
    from kg.config import Settings
    from kg.store import OxigraphStore

    store = OxigraphStore(seed_store_path, read_only=True)
    calls = []
    original = store.query

    def counting(sparql, **kwargs):
        calls.append(sparql)
        return original(sparql, **kwargs)

    store.query = counting

    def run(query: str):
        ctx = GraphQLContext(Loaders(StoreBackend(store)), Settings())
        calls.clear()
        result = asyncio.run(schema.execute(query, context_value=ctx))
        assert not result.errors, result.errors
        return result.data, len(calls)

    data, n20 = run(NESTED)
    edges = data["companies"]["edges"]
    assert len(edges) == 20 and sum(len(e["node"]["committees"]) for e in edges) > 10
    _, n2 = run(NESTED.replace("first: 20", "first: 2"))
    assert n20 <= MAX_QUERIES and n2 <= MAX_QUERIES, (n2, n20)


def test_store_query_count_is_reported_over_http(gql):
    body = gql(NESTED)
    assert 0 < body["extensions"]["storeQueries"] <= MAX_QUERIES


# --- GraphiQL -----------------------------------------------------------------------------------

def test_graphiql_page_uses_local_assets_only(live_server):
    page = httpx.get(f"{live_server}/graphql", headers={"Accept": "text/html"}, timeout=30)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert not re.search(r"https?://", html), "the page must not load anything from another host"
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert len(urls) == 4 and all(u.startswith("/assets/graphiql/") for u in urls)
    for url in urls:
        asset = httpx.get(live_server + url, timeout=30)
        assert asset.status_code == 200 and len(asset.content) > 1000, url
        assert asset.headers["content-type"].startswith("text/css" if url.endswith(".css") else "text/javascript")
    assert httpx.get(f"{live_server}/assets/graphiql/..%2Fpackage.json", timeout=30).status_code == 404


CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")
def test_graphiql_renders_in_a_browser(live_server, tmp_path):
    """The UMD bundles really run: headless Chromium replaces the page's placeholder by the
    GraphiQL interface."""
    import subprocess

    out = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path}", "--virtual-time-budget=10000", "--dump-dom", f"{live_server}/graphql"],
        capture_output=True, text=True, timeout=90)
    assert "graphiql-container" in out.stdout and "graphiql-session" in out.stdout, out.stderr[-2000:]
    assert "Loading GraphiQL" not in out.stdout
