"""Media types the endpoint speaks and HTTP content negotiation over them.

Why a module of its own: the worker processes pick the format (they alone know whether a
query is a SELECT or a CONSTRUCT once it is parsed), the service description lists the
same formats, and both must agree on one table.
"""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox


@dataclass(frozen=True)
class Format:
    media_type: str  # what a client puts in Accept
    fmt: ox.QueryResultsFormat | ox.RdfFormat

    @property
    def content_type(self) -> str:
        return f"{self.media_type}; charset=utf-8"


_R = ox.QueryResultsFormat
_G = ox.RdfFormat

#: SELECT and ASK answers, the default first; aliases answer under the type asked for.
RESULT_FORMATS: list[Format] = [
    Format("application/sparql-results+json", _R.JSON),
    Format("application/sparql-results+xml", _R.XML),
    Format("text/csv", _R.CSV),
    Format("text/tab-separated-values", _R.TSV),
    Format("application/json", _R.JSON),
    Format("application/xml", _R.XML),
    Format("text/xml", _R.XML),
]

#: CONSTRUCT and DESCRIBE answers (and the service description), the default first.
GRAPH_FORMATS: list[Format] = [
    Format("text/turtle", _G.TURTLE),
    Format("application/n-triples", _G.N_TRIPLES),
    Format("application/ld+json", _G.JSON_LD),
    Format("application/rdf+xml", _G.RDF_XML),
    Format("application/trig", _G.TRIG),
    Format("application/n-quads", _G.N_QUADS),
    Format("text/n3", _G.N3),
    Format("application/x-turtle", _G.TURTLE),
]


def _parse_accept(header: str) -> list[tuple[str, str, float]]:
    """``Accept`` -> (type, subtype, q) per media range; malformed ranges are skipped."""
    ranges = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        if "/" not in fields[0]:
            continue
        main, _, sub = fields[0].lower().partition("/")
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append((main, sub, q))
    return ranges


def _quality(media_type: str, ranges: list[tuple[str, str, float]]) -> float:
    """The q of the most specific range matching ``media_type`` (RFC 9110 §12.5.1)."""
    main, _, sub = media_type.partition("/")
    best, best_rank = 0.0, -1
    for r_main, r_sub, q in ranges:
        if (r_main, r_sub) == (main, sub):
            rank = 2
        elif r_main == main and r_sub == "*":
            rank = 1
        elif (r_main, r_sub) == ("*", "*"):
            rank = 0
        else:
            continue
        if rank > best_rank:
            best, best_rank = q, rank
    return best


def negotiate(accept: str | None, offers: list[Format]) -> Format | None:
    """The offer the client likes best; ties go to the server's order; None when the
    client accepts none of them (-> 406). No or empty Accept means anything."""
    if not accept or not accept.strip():
        return offers[0]
    ranges = _parse_accept(accept)
    if not ranges:
        return offers[0]
    best, best_q = None, 0.0
    for offer in offers:
        q = _quality(offer.media_type, ranges)
        if q > best_q:
            best, best_q = offer, q
    return best


def not_acceptable_message(accept: str | None, offers: list[Format]) -> str:
    return (f"none of the accepted media types ({accept}) fits this answer; "
            f"available: {', '.join(f.media_type for f in offers)}")
