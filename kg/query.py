"""Running SPARQL for ``esgkg query``: where the query text comes from, values bound to its
variables (never pasted into its text), and the table/json/csv renderings."""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

CATALOGUE_DIR = Path(__file__).resolve().parent.parent / "queries"
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class QueryError(Exception):
    """A query that cannot be found, parsed or run; the message is for the user."""


def catalogue() -> dict[str, Path]:
    """Catalogue query name -> file."""
    return {p.stem: p for p in sorted(CATALOGUE_DIR.glob("*.rq"))}


def load_query(spec: str) -> str:
    """Inline SPARQL, ``@path/to/file.rq``, or the name of a catalogue query."""
    if spec.startswith("@"):
        path = Path(spec[1:])
        if not path.is_file():
            raise QueryError(f"no such query file: {path}")
        return path.read_text(encoding="utf-8")
    if _NAME.match(spec):
        queries = catalogue()
        if spec not in queries:
            raise QueryError(f"no catalogue query named {spec!r} (known: {', '.join(queries) or 'none'})")
        return queries[spec].read_text(encoding="utf-8")
    return spec


def parse_params(pairs: list[str]) -> dict[str, ox.NamedNode | ox.Literal]:
    """``name=value`` pairs -> variable bindings: IRIs for http(s) values, integers for
    digits, plain strings otherwise."""
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not re.match(r"^\w+$", name.lstrip("?$")):
            raise QueryError(f"--param wants NAME=VALUE, got {pair!r}")
        out[name.lstrip("?$")] = to_term(value)
    return out


def to_term(value: str) -> ox.NamedNode | ox.Literal:
    if re.match(r"^https?://\S+$", value):
        return ox.NamedNode(value)
    if re.match(r"^-?\d+$", value):
        return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return ox.Literal(value)


@dataclass
class Result:
    kind: str  # "select" | "ask" | "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)  # pyoxigraph terms or None
    boolean: bool | None = None
    triples: list = field(default_factory=list)


def run_query(store, sparql: str, bindings=None, limit: int | None = None) -> Result:
    try:
        res = store.query(sparql, bindings=bindings)
    except SyntaxError as e:
        raise QueryError(f"malformed query: {e}") from None
    except OSError as e:
        raise QueryError(str(e)) from None
    if isinstance(res, ox.QueryBoolean):
        return Result("ask", boolean=bool(res))
    if isinstance(res, ox.QuerySolutions):
        names = [v.value for v in res.variables]
        rows = []
        for sol in res:
            rows.append([sol[n] for n in names])
            if limit is not None and len(rows) >= limit:
                break
        return Result("select", variables=names, rows=rows)
    return Result("graph", triples=list(res))


def _plain(term) -> str:
    if term is None:
        return ""
    return term.value if hasattr(term, "value") else str(term)


def _json_term(term):
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def format_result(result: Result, fmt: str) -> str:
    """Render for the terminal (``table``), for programs (``json``: SPARQL results JSON for
    SELECT/ASK, N-Triples lines for graphs) or for spreadsheets (``csv``)."""
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if result.kind == "graph":
        return "".join(f"{t.subject} {t.predicate} {t.object} .\n" for t in result.triples)
    if fmt == "json":
        bindings = [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows]
        return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(result.variables)
        w.writerows([[_plain(t) for t in row] for row in result.rows])
        return buf.getvalue()
    return _table(result.variables, [[_plain(t) for t in row] for row in result.rows])


def _width(s: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if "\u1100" <= ch and (ch <= "\u115f" or "\u2e80" <= ch <= "\ua4cf" or "\uac00" <= ch <= "\ud7a3"
                                         or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uff60") else 1 for ch in s)


def _table(headers: list[str], rows: list[list[str]], max_col: int = 60) -> str:
    cut = [[c if len(c) <= max_col else c[: max_col - 1] + "…" for c in r] for r in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cut]) for i, h in enumerate(headers)]

    def line(cells):
        return " | ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()

    out = [line(headers), "-+-".join("-" * w for w in widths)] + [line(r) for r in cut]
    return "\n".join(out) + f"\n({len(rows)} row{'s' if len(rows) != 1 else ''})\n"
