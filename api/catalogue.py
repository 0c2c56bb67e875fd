"""``/queries``: the query catalogue (``queries/*.rq``) over HTTP.

- ``GET /queries``: name, title, question and parameters (with defaults) of every query.
- ``GET /queries/{name}?param=value``: runs it; answers negotiated like ``/sparql``.
- ``GET /queries/{name}.rq``: its SPARQL text, to copy into a SPARQL client.

Parameters are bound to the query's variables as values (pyoxigraph substitutions, via
``kg.query.to_term``), never pasted into the text. Defaults live in the query itself
(``COALESCE(?param, default)``) so ``esgkg query NAME`` and HTTP agree; the header repeats
them for people. Header format, at the top of each file::

    # title: Companies holding a certification
    # question: Which companies hold a given certification?
    # param: certification = iso27001 | a scheme key or part of the name
    # param: company | an IRI or part of a name; every company when not given
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from kg.query import catalogue, to_term

from .execute import Job
from .sparql import run_job, to_response

router = APIRouter()


@dataclass
class Param:
    name: str
    default: str | None
    description: str


@dataclass
class CatalogueQuery:
    name: str
    title: str
    question: str
    params: list[Param] = field(default_factory=list)
    sparql: str = ""

    def summary(self) -> dict:
        out = asdict(self)
        del out["sparql"]
        return out


_FIELD = re.compile(r"^#\s*(title|question|param)\s*:\s*(.*)$")
_PARAM = re.compile(r"^(\w+)\s*(?:=\s*([^|]*?))?\s*(?:\|\s*(.*))?$")


def describe(name: str, path: Path) -> CatalogueQuery:
    """A catalogue query with what its header comment says."""
    text = path.read_text(encoding="utf-8")
    fields: list[list[str]] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        m = _FIELD.match(line)
        if m:
            fields.append([m.group(1), m.group(2).strip()])
        elif fields and line[1:].strip():  # a continuation of the field above
            fields[-1][1] += " " + line[1:].strip()
    q = CatalogueQuery(name, "", "", sparql=text)
    for key, value in fields:
        if key == "param":
            m = _PARAM.match(value)
            if not m:
                raise ValueError(f"{path.name}: cannot read parameter line {value!r}")
            default = m.group(2) if m.group(2) else None
            q.params.append(Param(m.group(1), default, (m.group(3) or "").strip()))
        else:
            setattr(q, key, value)
    return q


_cache: tuple[tuple, dict[str, CatalogueQuery]] = ((), {})


def entries() -> dict[str, CatalogueQuery]:
    """The catalogue, read again only when a file was added, removed or edited."""
    global _cache
    files = catalogue()
    stamp = tuple((name, path.stat().st_mtime_ns) for name, path in files.items())
    if stamp != _cache[0]:
        _cache = (stamp, {name: describe(name, path) for name, path in files.items()})
    return _cache[1]


def _json_error(status: int, message: str, headers: dict | None = None, **extra) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status, headers=headers)


@router.get("/queries")
async def list_queries(request: Request) -> JSONResponse:
    base = str(request.url_for("list_queries")).rstrip("/")
    return JSONResponse([{**q.summary(), "url": f"{base}/{q.name}"} for q in entries().values()])


@router.get("/queries/{name}")
async def run_catalogue_query(name: str, request: Request) -> Response:
    text_only = name.endswith(".rq")
    name = name.removesuffix(".rq")
    known = entries()
    if name not in known:
        return _json_error(404, f"no catalogue query named {name!r}", known=sorted(known))
    q = known[name]
    if text_only:
        return Response(q.sparql, media_type="application/sparql-query; charset=utf-8")
    declared = {p.name for p in q.params}
    bindings = {}
    for key, value in request.query_params.multi_items():
        if key not in declared:
            return _json_error(400, f"{name} has no parameter {key!r}", parameters=sorted(declared))
        if key in bindings:
            return _json_error(400, f"parameter {key!r} given twice")
        try:
            bindings[key] = to_term(value)
        except ValueError as e:  # e.g. an http(s) value that is not a valid IRI
            return _json_error(400, f"parameter {key!r}: {e}")
    job = Job(sparql=q.sparql, bindings=bindings, accept=request.headers.get("accept"),
              max_results=request.app.state.settings.max_results)
    answer = await run_job(request, job)
    if answer.error is not None:
        return _json_error(answer.status, answer.error, answer.headers)
    return to_response(answer)
