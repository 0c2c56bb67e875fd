"""The SPARQL the GraphQL resolvers run, and the only place that writes query text.

Two rules keep user input out of the text:

- IRIs of batch loads go into ``VALUES`` as pyoxigraph ``NamedNode`` terms: the constructor
  refuses anything that is not an IRI (``<``, ``>``, spaces, braces), and ``str(term)``
  writes the one serialisation Oxigraph parses back;
- every other value a client sends (search text, filter values) is a *binding*: a variable
  of the query that the store substitutes by a term (``Store.query(bindings=...)``). Oxigraph
  substitutes only projected variables, so each list query projects (and groups by) them.

The query text itself is assembled from the constant fragments below; page sizes are Python
integers validated by the schema before they are formatted into ``LIMIT``.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.namespaces import ESG, RDF, SPARQL_PROLOGUE

from .backend import ApiError

XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")

#: the contract's entity classes, in the order that decides an entity's GraphQL type when
#: it has several (a company also typed as an organisation is a Company)
ENTITY_CLASSES = ("Company", "Committee", "Programme", "Certification", "SDG", "Person",
                  "ReportingFramework", "Organization")


def to_iri(value: str, what: str = "id") -> ox.NamedNode:
    """A client-supplied IRI as a term, or an ApiError the client can read."""
    try:
        node = ox.NamedNode(value)
    except ValueError as e:
        raise ApiError(f"{what} must be an absolute IRI (e.g. https://w3id.org/esgkg/id/...): {e}") from None
    if not node.value.lower().startswith(("http://", "https://", "urn:")):
        raise ApiError(f"{what} must be an http(s) IRI")
    return node


def esg(local: str) -> ox.NamedNode:
    return ox.NamedNode(ESG + local)


def _values(var: str, iris: Iterable[str]) -> str:
    return f"VALUES ?{var} {{ {' '.join(str(ox.NamedNode(i)) for i in iris)} }}"


def node_data(iris: list[str]) -> str:
    """Every literal, type and report of the nodes: labels, keys, report and observation
    fields all come from this one query per batch."""
    return SPARQL_PROLOGUE + f"""SELECT DISTINCT ?s ?p ?o WHERE {{
  {_values("s", iris)}
  ?s ?p ?o .
  FILTER(isLiteral(?o) || ?p = rdf:type || ?p = esg:mentionedIn)
}}"""


def edges(predicate: str, iris: list[str], inverse: bool) -> str:
    """``?s <predicate> ?o`` for the given subjects (or objects, when ``inverse``)."""
    p = str(ox.NamedNode(predicate))
    known = "o" if inverse else "s"
    other = "s" if inverse else "o"
    return SPARQL_PROLOGUE + f"""SELECT DISTINCT ?s ?o WHERE {{
  {_values(known, iris)}
  ?s {p} ?o .
  FILTER(isIRI(?{other}))
}}"""


def evidence(pairs: list[tuple[str, str]]) -> str:
    """The evidence nodes of statements with the given (subject, predicate) pairs."""
    rows = " ".join(f"({ox.NamedNode(s)} {ox.NamedNode(p)})" for s, p in pairs)
    return SPARQL_PROLOGUE + f"""SELECT DISTINCT ?s ?p ?o ?sentence ?line ?report WHERE {{
  VALUES (?s ?p) {{ {rows} }}
  ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; esg:sentence ?sentence ; esg:line ?line .
  OPTIONAL {{ ?ev esg:inReport ?report }}
}}"""


SDGS = SPARQL_PROLOGUE + """SELECT DISTINCT ?e ?n WHERE { ?e a esg:SDG ; esg:sdgNumber ?n } ORDER BY ?n ?e"""
REPORTS = SPARQL_PROLOGUE + """SELECT ?e (MIN(STR(?f)) AS ?file) WHERE {
  ?e a esg:Report . OPTIONAL { ?e esg:sourceFile ?f }
} GROUP BY ?e ORDER BY ?file ?e"""

# A name matches when its folded form contains the folded search text (bound as ?q): the
# entity's match keys (script-folded by kg at build time, so 醫脈通 and 医脉通 meet) or any of
# its labels with case, spaces and punctuation removed (titles of goals nobody mentioned).
# Rank: 0 = the whole name, 1 = a prefix, 2 = anywhere inside. A subquery, so the matching
# runs over names alone before any join.
_MATCH = r"""{ SELECT ?e ?q (MIN(?r) AS ?rank) WHERE {
    { ?e esg:matchKey ?key }
    UNION { ?e rdfs:label|skos:altLabel|skos:prefLabel ?name
            BIND(LCASE(REPLACE(STR(?name), "[\\s\\p{P}\\p{S}]", "")) AS ?key) }
    FILTER(CONTAINS(?key, ?q))
    BIND(IF(?key = ?q, 0, IF(STRSTARTS(?key, ?q), 1, 2)) AS ?r)
  } GROUP BY ?e ?q }"""

_RANKED_TAIL = """  OPTIONAL { ?e esg:mentionedIn ?rep }
  OPTIONAL { ?e rdfs:label ?l }"""

@dataclass
class Filters:
    """What a list of entities may be narrowed by; every value is bound, never pasted."""
    search: str | None = None  # already folded with match_key
    certification_keys: list[str] = field(default_factory=list)
    certification: ox.NamedNode | None = None
    sdg: int | None = None
    framework_keys: list[str] = field(default_factory=list)
    framework: ox.NamedNode | None = None
    report: ox.NamedNode | None = None
    report_file: str | None = None


def ranked_list(classes: Iterable[str], f: Filters, limit: int | None = None) -> tuple[str, dict]:
    """Entities of ``classes`` passing the filters, best first: search rank, then the number
    of reports naming them, then label. Returns the query and its bindings."""
    bindings: dict[str, ox.NamedNode | ox.Literal] = {}
    parts: list[str] = []

    def bind(name: str, term) -> str:
        bindings[name] = term
        return "?" + name

    if f.search is not None:
        bind("q", ox.Literal(f.search))
        parts.append(_MATCH)
    else:
        parts.append("BIND(0 AS ?rank)")
    parts += [f"VALUES ?t {{ {' '.join(str(esg(c)) for c in classes)} }}", "?e a ?t ."]
    if f.certification is not None:
        parts.append(f"?e esg:holdsCertification {bind('certification', f.certification)} .")
    elif f.certification_keys:
        names = ", ".join(bind(f"certKey{i}", ox.Literal(k)) for i, k in enumerate(f.certification_keys))
        parts.append("?e esg:holdsCertification ?cert . { ?cert esg:schemeKey ?certKey } "
                     f"UNION {{ ?cert esg:matchKey ?certKey }} FILTER(?certKey IN ({names}))")
    if f.sdg is not None:
        num = bind("sdgNumber", ox.Literal(str(f.sdg), datatype=XSD_INTEGER))
        parts.append("{ ?e esg:contributesToSDG ?goal } UNION "
                     "{ ?e esg:runsProgramme ?viaProgramme . ?viaProgramme esg:contributesToSDG ?goal } "
                     f"?goal esg:sdgNumber {num} .")
    if f.framework is not None or f.framework_keys:
        parts.append("?followingReport esg:publishedBy ?e ; esg:follows ?fw .")
        if f.framework is not None:
            parts.append(f"FILTER(?fw = {bind('framework', f.framework)})")
        else:
            names = ", ".join(bind(f"fwKey{i}", ox.Literal(k)) for i, k in enumerate(f.framework_keys))
            parts.append(f"?fw esg:matchKey ?fwKey . FILTER(?fwKey IN ({names}))")
    if f.report is not None:
        parts.append(f"?e esg:mentionedIn {bind('report', f.report)} .")
    elif f.report_file is not None:
        parts.append(f"?e esg:mentionedIn ?inReport . ?inReport esg:sourceFile {bind('reportFile', ox.Literal(f.report_file))} .")

    bound = " ".join("?" + n for n in bindings)
    body = "\n  ".join(parts)
    text = SPARQL_PROLOGUE + f"""SELECT ?e ?rank (COUNT(DISTINCT ?rep) AS ?reports) (MIN(STR(?l)) AS ?sortLabel) {bound} WHERE {{
  {body}
{_RANKED_TAIL}
}}
GROUP BY ?e ?rank {bound}
ORDER BY ?rank DESC(?reports) ?sortLabel ?e"""
    if limit is not None:
        text += f"\nLIMIT {int(limit)}"
    return text, bindings


RDF_TYPE = RDF + "type"
