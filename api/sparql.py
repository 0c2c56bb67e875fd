"""``/sparql``: the SPARQL 1.1 Protocol (query operation only) and a service description.

- GET ``?query=``, POST form (``query=``), POST ``application/sparql-query``;
  ``default-graph-uri`` / ``named-graph-uri`` repeatable; without them the default graph
  is the union of the store's named graphs (every report graph, and the ontology graph).
- Content negotiation by Accept (``api.formats``); 406 when nothing fits.
- Read-only: ``update=``, ``application/sparql-update`` and update text given as a query are
  refused with 403; nothing but ``Store.query`` ever reaches the store.
- Errors are ``text/plain`` with one message (what SPARQL clients print).
- GET without ``query``: an ``sd:Service`` description (Turtle by default).
"""
from __future__ import annotations

from urllib.parse import parse_qsl

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import Response

from kg.namespaces import ESG, ONTOLOGY_GRAPH

from .execute import READ_ONLY_MESSAGE, Answer, Job, error
from .formats import GRAPH_FORMATS, negotiate, not_acceptable_message

router = APIRouter()

#: the longest query text accepted (a query, not a data upload)
MAX_QUERY_CHARS = 100_000


def to_response(answer: Answer) -> Response:
    headers = {"Vary": "Accept", **answer.headers}
    return Response(answer.body, status_code=answer.status, media_type=answer.content_type,
                    headers=headers)


def plain_error(status: int, message: str) -> Response:
    return to_response(error(status, message))


async def run_job(request: Request, job: Job) -> Answer:
    """The one way a request reaches the store: through the app's worker pool."""
    return await request.app.state.pool.run(job)


async def _params(request: Request) -> tuple[list[tuple[str, str]], str | None] | Response:
    """All protocol parameters (URL and form body) and a query sent as the body."""
    params = list(request.query_params.multi_items())
    if request.method != "POST":
        return params, None
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = (await request.body()).decode("utf-8", errors="replace")
    if ctype == "application/x-www-form-urlencoded":
        return params + parse_qsl(body, keep_blank_values=True), None
    if ctype == "application/sparql-query":
        return params, body
    if ctype == "application/sparql-update":
        return plain_error(403, READ_ONLY_MESSAGE)
    return plain_error(415, f"unsupported Content-Type {ctype or '(none)'}: send "
                            "application/sparql-query or application/x-www-form-urlencoded")


@router.api_route("/sparql", methods=["GET", "POST"], name="sparql")
async def sparql(request: Request) -> Response:
    got = await _params(request)
    if isinstance(got, Response):
        return got
    params, body_query = got
    if any(name in ("update", "using-graph-uri", "using-named-graph-uri") for name, _ in params):
        return plain_error(403, READ_ONLY_MESSAGE)
    queries = [v for n, v in params if n == "query"] + ([body_query] if body_query is not None else [])
    if not queries:
        return await service_description(request)
    if len(queries) > 1:
        return plain_error(400, "give exactly one query")
    if len(queries[0]) > MAX_QUERY_CHARS:
        return plain_error(413, f"the query text is longer than {MAX_QUERY_CHARS} characters")
    settings = request.app.state.settings
    job = Job(
        sparql=queries[0],
        default_graph=[v for n, v in params if n == "default-graph-uri"],
        named_graphs=[v for n, v in params if n == "named-graph-uri"],
        accept=request.headers.get("accept"),
        max_results=settings.max_results,
    )
    return to_response(await run_job(request, job))


_SD = "http://www.w3.org/ns/sparql-service-description#"
_FORMATS_NS = "http://www.w3.org/ns/formats/"
_RESULT_FORMAT_IRIS = ["SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                       "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG",
                       "N-Quads", "N3"]


async def service_description(request: Request) -> Response:
    """What this endpoint is (SPARQL 1.1 Service Description), for clients and catalogues."""
    accept = request.headers.get("accept")
    chosen = negotiate(accept, GRAPH_FORMATS)
    if chosen is None:
        return plain_error(406, not_acceptable_message(accept, GRAPH_FORMATS))
    graphs = await _named_graphs(request)

    def sd(local: str) -> ox.NamedNode:
        return ox.NamedNode(_SD + local)

    a = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    service = ox.NamedNode(str(request.url_for("sparql")))
    dataset, default = ox.BlankNode(), ox.BlankNode()
    triples = [
        ox.Triple(service, a, sd("Service")),
        ox.Triple(service, sd("endpoint"), service),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        ox.Triple(service, sd("defaultEntailmentRegime"), ox.NamedNode("http://www.w3.org/ns/entailment/Simple")),
        ox.Triple(service, sd("defaultDataset"), dataset),
        ox.Triple(dataset, a, sd("Dataset")),
        ox.Triple(dataset, sd("defaultGraph"), default),
        ox.Triple(default, a, sd("Graph")),
        ox.Triple(default, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment"),
                  ox.Literal("the union of all named graphs: every report graph and the ontology")),
    ]
    triples += [ox.Triple(service, sd("resultFormat"), ox.NamedNode(_FORMATS_NS + f)) for f in _RESULT_FORMAT_IRIS]
    for g in graphs:
        node = ox.BlankNode()
        triples += [ox.Triple(dataset, sd("namedGraph"), node), ox.Triple(node, a, sd("NamedGraph")),
                    ox.Triple(node, sd("name"), ox.NamedNode(g))]
    body = ox.serialize(triples, format=chosen.fmt, prefixes={"sd": _SD, "formats": _FORMATS_NS})
    return Response(body, media_type=chosen.content_type, headers={"Vary": "Accept"})


async def _named_graphs(request: Request) -> list[str]:
    """The report graphs and the ontology graph (empty when the store cannot answer)."""
    job = Job(
        sparql=f"SELECT ?g WHERE {{ {{ SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g a <{ESG}Report> }} }} }} "
               f"UNION {{ BIND(<{ONTOLOGY_GRAPH}> AS ?g) FILTER EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} }} }} }}",
        accept="text/tab-separated-values",
        max_results=request.app.state.settings.max_results,
    )
    answer = await run_job(request, job)
    if answer.status != 200:
        return []
    return [line.strip()[1:-1] for line in answer.body.decode("utf-8").splitlines()[1:] if line.strip()]
