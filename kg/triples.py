"""Resolved extraction -> quads in the report's named graph.

The only module that knows how extraction results map onto the ontology. Per report graph:

- the report: ``a esg:Report``, ``esg:sourceFile``, ``dcterms:title``, ``dcterms:language``,
  ``esg:publishedBy``, ``esg:periodStart``/``End``, ``esg:follows``;
- each entity: ``rdf:type`` (the contract class), ``rdfs:label`` (one per language),
  ``skos:altLabel`` (every other surface form), ``esg:matchKey`` (folded keys, for
  script-blind search and cross-report identity), ``esg:mentionedIn`` the report;
- each relation and each entity's type assertion: an ``esg:Evidence`` node (a reified
  ``rdf:Statement``) with the sentence (``esg:sentence``) and line (``esg:line``);
- each KPI figure: an ``esg:Observation``.

An entity found in several reports has its description repeated in each report's graph, so
every named graph stands alone and dropping one report leaves the others whole.
"""
from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Quad

from extractors.model import Evidence
from extractors.normalise import language_of

from .ids import evidence_iri, observation_iri, report_iri
from .namespaces import DCTERMS, ESG, RDF, RDFS, SKOS, XSD
from .resolve import ResolvedReport

_TYPE = NamedNode(RDF + "type")
_LABEL = NamedNode(RDFS + "label")
_ALT = NamedNode(SKOS + "altLabel")
_DATE = NamedNode(XSD + "date")
_DECIMAL = NamedNode(XSD + "decimal")
_INTEGER = NamedNode(XSD + "integer")


def esg(local: str) -> NamedNode:
    return NamedNode(ESG + local)


class _Writer:
    """Collects the quads of one report graph."""

    def __init__(self, graph: NamedNode, lang: str) -> None:
        self.graph = graph
        self.lang = lang
        self.quads: list[Quad] = []

    def add(self, s, p, o) -> None:
        self.quads.append(Quad(s, p, o, self.graph))

    def text(self, value: str) -> Literal:
        return Literal(value, language=language_of(value, self.lang))

    def evidence(self, s: NamedNode, p: NamedNode, o, ev: Evidence | None) -> None:
        if ev is None:
            return
        node = NamedNode(evidence_iri(self.graph.value, s.value, p.value, str(o)))
        self.add(node, _TYPE, esg("Evidence"))
        self.add(node, NamedNode(RDF + "subject"), s)
        self.add(node, NamedNode(RDF + "predicate"), p)
        self.add(node, NamedNode(RDF + "object"), o)
        self.add(node, esg("sentence"), self.text(ev.sentence))
        self.add(node, esg("line"), Literal(str(ev.line), datatype=_INTEGER))
        self.add(node, esg("inReport"), self.graph)


def report_quads(resolved: ResolvedReport) -> tuple[str, list[Quad]]:
    """The report's IRI (= its named graph) and every quad of that graph."""
    x = resolved.extraction
    info = x.report
    report = NamedNode(report_iri(info.source_file))
    w = _Writer(report, info.language)

    w.add(report, _TYPE, esg("Report"))
    w.add(report, esg("sourceFile"), Literal(info.source_file))
    w.add(report, NamedNode(DCTERMS + "language"), Literal(info.language))
    if info.title:
        w.add(report, NamedNode(DCTERMS + "title"), w.text(info.title))
    for prop, value in (("periodStart", info.period_start), ("periodEnd", info.period_end)):
        if value:
            w.add(report, esg(prop), Literal(value, datatype=_DATE))
    publisher = resolved.iri(info.publisher)
    if publisher:
        w.add(report, esg("publishedBy"), NamedNode(publisher))
        w.evidence(report, esg("publishedBy"), NamedNode(publisher), info.publisher.evidence)

    for ent in resolved.entities.values():
        node = NamedNode(ent.iri)
        cls = esg(ent.type)
        w.add(node, _TYPE, cls)
        w.evidence(node, _TYPE, cls, ent.evidence)
        w.add(node, esg("mentionedIn"), report)
        labels, alts = ent.labels()
        for lang, text in labels.items():
            w.add(node, _LABEL, Literal(text, language=lang))
        for text, lang in alts:
            w.add(node, _ALT, Literal(text, language=lang))
        for key in sorted(ent.keys):
            w.add(node, esg("matchKey"), Literal(key.rsplit("#", 1)[-1]))
        _write_attributes(w, node, ent.type, ent.attrs)

    for rel in x.relations:
        s = NamedNode(resolved.iri(rel.subject)) if rel.subject is not None else report
        o_iri = resolved.iri(rel.object)
        if o_iri is None or (rel.subject is not None and resolved.iri(rel.subject) is None):
            continue
        p, o = esg(rel.predicate), NamedNode(o_iri)
        if s == o:
            continue
        w.add(s, p, o)
        w.evidence(s, p, o, rel.evidence)

    for obs in x.observations:
        _write_observation(w, resolved, obs, publisher)
    return report.value, w.quads


def _write_attributes(w: _Writer, node: NamedNode, type_: str, attrs: dict) -> None:
    """Typed facts recognisers attach: SDG numbers, certification scheme keys, MLPS levels."""
    if type_ == "SDG" and "number" in attrs:
        w.add(node, esg("sdgNumber"), Literal(str(int(attrs["number"])), datatype=_INTEGER))
    if type_ == "Certification":
        if attrs.get("scheme_key"):
            w.add(node, esg("schemeKey"), Literal(str(attrs["scheme_key"])))
        if attrs.get("level") and attrs.get("scheme") == "mlps":
            w.add(node, esg("mlpsLevel"), Literal(str(int(attrs["level"])), datatype=_INTEGER))


def _write_observation(w: _Writer, resolved: ResolvedReport, obs, publisher: str | None) -> None:
    g = w.graph
    subject = resolved.iri(obs.subject) or publisher
    node = NamedNode(observation_iri(g.value, obs.metric, str(obs.value), obs.unit, obs.period,
                                     str(obs.evidence.line)))
    value = Literal(format(obs.value, "f"), datatype=_DECIMAL)
    w.add(node, _TYPE, esg("Observation"))
    w.add(node, esg("metric"), Literal(obs.metric, language=obs.lang))
    w.add(node, esg("value"), value)
    w.add(node, esg("unit"), Literal(obs.unit or ""))
    if obs.period:
        w.add(node, esg("period"), Literal(obs.period))
    if subject:
        w.add(node, esg("subject"), NamedNode(subject))
    w.add(node, esg("mentionedIn"), g)
    w.evidence(node, esg("value"), value, obs.evidence)
