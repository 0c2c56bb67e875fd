"""One SPARQL request, start to finish, inside a worker process: refuse what a read-only
public endpoint must not run, evaluate, enforce the result-size cap, serialise.

Runs where the store is open (a worker subprocess, see ``api.worker``), so the answer leaves
the process as bytes ready to send. Nothing here ever calls an update: the store is opened
read-only, and only ``Store.query`` is used.

Result-size policy: an answer with more than ``max_results`` rows (SELECT) or triples
(CONSTRUCT/DESCRIBE) is an error (400) that says to add LIMIT, never a silent truncation:
a researcher counting companies must not get a partial count that looks whole.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.namespaces import PREFIXES

from .formats import GRAPH_FORMATS, RESULT_FORMATS, negotiate, not_acceptable_message

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

READ_ONLY_MESSAGE = ("this endpoint is read-only: SPARQL Update is refused; "
                     "the graph changes only through `esgkg build`")


@dataclass
class Job:
    sparql: str
    bindings: dict[str, ox.NamedNode | ox.Literal] = field(default_factory=dict)
    default_graph: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    accept: str | None = None
    max_results: int = 10000


@dataclass
class Answer:
    status: int
    body: bytes = b""
    content_type: str = "text/plain; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    #: the message of an error answer (status >= 400), for routers that reshape errors
    error: str | None = None


def error(status: int, message: str, **headers: str) -> Answer:
    return Answer(status, message.encode("utf-8") + b"\n", headers=dict(headers), error=message)


# Strings, IRIs and comments hide keywords; blank them before looking for any.
_LEXEMES = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
    r'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
)
_PROLOGUE = re.compile(r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*<>|BASE\s*<>)\s*)*", re.I)
_UPDATE_OPS = {"insert", "delete", "load", "clear", "create", "drop", "copy", "move", "add", "with"}
_SERVICE = re.compile(r"(?<![\w?$:.-])SERVICE(?![\w:.-])", re.I)


def _blank_lexemes(sparql: str) -> str:
    return _LEXEMES.sub(lambda m: "<>" if m.group().startswith("<") else " ", sparql)


def is_update(sparql: str) -> bool:
    """Does the text start (after its prologue) with a SPARQL Update operation?"""
    body = _PROLOGUE.sub("", _blank_lexemes(sparql))
    word = re.match(r"\s*([A-Za-z]+)", body)
    return bool(word) and word.group(1).lower() in _UPDATE_OPS


def uses_service(sparql: str) -> bool:
    """Federated queries would let anyone make this server fetch any URL (and wait on it)."""
    return bool(_SERVICE.search(_blank_lexemes(sparql)))


def execute(store, job: Job) -> Answer:
    """``store`` is a ``kg.store.OxigraphStore`` (read-only)."""
    if uses_service(job.sparql):
        return error(403, "federated queries (SERVICE) are not allowed on this endpoint")
    try:
        result = store.query(job.sparql, bindings=job.bindings or None,
                             default_graph=job.default_graph or None,
                             named_graphs=job.named_graphs or None)
    except SyntaxError as e:
        if is_update(job.sparql):
            return error(403, READ_ONLY_MESSAGE)
        return error(400, f"malformed query: {e}")
    except (RuntimeError, ValueError) as e:
        # e.g. a parameter bound to a variable the query does not project
        return error(400, f"cannot run this query: {e}")

    if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
        offers = RESULT_FORMATS
    else:
        offers = GRAPH_FORMATS
    chosen = negotiate(job.accept, offers)
    if chosen is None:
        return error(406, not_acceptable_message(job.accept, offers))

    if isinstance(result, ox.QueryBoolean):
        body = result.serialize(format=chosen.fmt)
    elif isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        rows = _take(result, job.max_results)
        if rows is None:
            return _too_large(job.max_results, "rows")
        body = _solutions_bytes(names, rows, chosen.fmt)
    else:
        triples = _take(result, job.max_results)
        if triples is None:
            return _too_large(job.max_results, "triples")
        body = ox.serialize(triples, format=chosen.fmt, prefixes=PREFIXES)
    return Answer(200, body, chosen.content_type)


def _take(iterator, limit: int) -> list | None:
    """At most ``limit`` items, or None when there are more (evaluation stops there)."""
    out = []
    for item in iterator:
        if len(out) == limit:
            return None
        out.append(item)
    return out


def _too_large(limit: int, what: str) -> Answer:
    return error(400, f"the answer has more than {limit} {what}, the most this endpoint returns "
                      f"in one response: add LIMIT {limit} (and OFFSET to page through it), "
                      f"or narrow the query", **{"X-Max-Results": str(limit)})


def _term_json(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _term_json(term.subject),
                                            "predicate": _term_json(term.predicate),
                                            "object": _term_json(term.object)}}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def _solutions_bytes(names: list[str], rows: list, fmt: ox.QueryResultsFormat) -> bytes:
    """SPARQL results JSON written here (the rows were counted, so pyoxigraph's own iterator
    is spent); other formats are pyoxigraph's serialisers fed that JSON."""
    bindings = []
    for row in rows:
        bindings.append({n: _term_json(row[n]) for n in names if row[n] is not None})
    data = json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if fmt == ox.QueryResultsFormat.JSON:
        return data
    return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON).serialize(format=fmt)
