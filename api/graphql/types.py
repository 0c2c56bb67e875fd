"""The GraphQL object types (strawberry) of the ESG knowledge graph.

Every entity is identified by its IRI (``id``). Objects carry only that IRI; each field asks
the request's loaders (``loaders.py``), so fields that are not selected cost nothing and a
list of objects costs one query per field and level, not one per object.

Relations are readable both ways (``Company.committees`` / ``Committee.company``), and each
relation field ``xs`` has an ``xLinks`` twin whose items carry the related ``node`` and the
``evidence`` (sentence, line, report) behind the statement, for provenance-minded frontends.
"""
from __future__ import annotations

import datetime
import re
from enum import Enum
from typing import Generic, TypeVar

import strawberry
from strawberry.fastapi import BaseContext
from strawberry.types import Info

from extractors.normalise import match_key
from kg.config import Settings
from kg.namespaces import DCTERMS, ESG, RDF, RDFS, SKOS

from . import queries
from .loaders import EvidenceRow, Loaders, Node


class GraphQLContext(BaseContext):
    """What resolvers share within one request: its loaders and the server's settings."""

    def __init__(self, loaders: Loaders, settings: Settings) -> None:
        super().__init__()
        self.loaders = loaders
        self.settings = settings


def _loaders(info: Info) -> Loaders:
    return info.context.loaders


async def _node(info: Info, iri: str) -> Node:
    return await _loaders(info).node.load(iri)


# --- labels -----------------------------------------------------------------------------

#: without a requested language: Traditional Chinese (the reports' usual script), then
#: Simplified, then English, then anything else
_DEFAULT_ORDER = {"zh-hant": 0, "zh-hans": 1, "en": 2}
_LABEL_SOURCES = (RDFS + "label", SKOS + "prefLabel", SKOS + "altLabel", DCTERMS + "title")


def pick_text(values, lang: str | None) -> str | None:
    """The value in ``lang`` (zh-Hant, zh-Hans, en; any case), else one of the same language
    family (zh-Hans for zh-Hant), else any: a frontend always gets a name."""
    if not values:
        return None
    ordered = sorted(values, key=lambda v: (_DEFAULT_ORDER.get((v.language or "").lower(), 9), v.value))
    if lang:
        want = lang.lower()
        for match in (lambda tag: tag == want, lambda tag: tag.split("-")[0] == want.split("-")[0]):
            hit = next((v for v in ordered if match((v.language or "").lower())), None)
            if hit is not None:
                return hit.value
    return ordered[0].value


def node_label(node: Node, lang: str | None) -> str:
    for source in _LABEL_SOURCES:
        text = pick_text(node.values(source), lang)
        if text:
            return text
    source_file = node.first(ESG + "sourceFile")
    if source_file is not None:
        return source_file.value
    return re.split(r"[/#]", node.iri.rstrip("/#"))[-1]


@strawberry.type(description="A text with its language tag (zh-Hant, zh-Hans, en, ...).")
class LangString:
    value: str
    lang: str | None


def _lang_strings(values) -> list[LangString]:
    return [LangString(value=v.value, lang=v.language or None)
            for v in sorted(values, key=lambda v: ((v.language or ""), v.value))]


# --- evidence and links -------------------------------------------------------------------

@strawberry.type(description="Where a statement comes from: the sentence of the report that "
                             "states it and its line in the report's text.")
class Evidence:
    sentence: str = strawberry.field(description="The sentence as printed in the report.")
    line: int = strawberry.field(description="The 1-based line of the report's text file where the sentence starts.")
    subject: strawberry.ID = strawberry.field(description="IRI of the statement's subject.")
    predicate: str = strawberry.field(description="IRI of the statement's property.")
    object: str = strawberry.field(description="IRI (or literal value) of the statement's object.")
    report_iri: strawberry.Private[str | None]

    @strawberry.field(description="The report the sentence is in.")
    async def report(self, info: Info) -> Report | None:
        return Report(id=self.report_iri) if self.report_iri else None


def _evidence(rows: list[EvidenceRow], object_iri: str | None = None) -> list[Evidence]:
    return [Evidence(sentence=r.sentence, line=r.line, subject=strawberry.ID(r.subject),
                     predicate=r.predicate, object=r.object.value, report_iri=r.report)
            for r in rows if object_iri is None or r.object.value == object_iri]


T = TypeVar("T")


@strawberry.type(description="A relation to another node together with its provenance: `node` "
                             "is the node at the other end, `evidence` the sentences that state "
                             "the relation (empty when the graph holds none).")
class Link(Generic[T]):
    node: T
    predicate: str = strawberry.field(description="IRI of the property, e.g. https://w3id.org/esgkg/ontology#hasCommittee.")
    inverse: bool = strawberry.field(description="True when `node` is the subject of the statement "
                                                 "(the relation read backwards).")
    subject_iri: strawberry.Private[str]
    object_iri: strawberry.Private[str]

    @strawberry.field(description="Sentences (with line and report) that state this relation.")
    async def evidence(self, info: Info) -> list[Evidence]:
        rows = await _loaders(info).evidence.load((self.subject_iri, self.predicate))
        return _evidence(rows, self.object_iri)


# --- typed access to related nodes ----------------------------------------------------------

def _classes() -> dict[str, type]:
    return {"Company": Company, "Committee": Committee, "Programme": Programme,
            "Certification": Certification, "SDG": SDG, "Person": Person,
            "ReportingFramework": ReportingFramework, "Organization": Organization}


async def typed(info: Info, iris: list[str], allowed: tuple[str, ...] | None = None) -> list:
    """GraphQL objects for entity IRIs, of the type their rdf:type says; IRIs that are not
    entities (or not of an ``allowed`` class) are left out."""
    classes = _classes()
    out = []
    for node in await _loaders(info).node.load_many(iris):
        cls = node.entity_class()
        if cls is not None and (allowed is None or cls in allowed):
            out.append(classes[cls](id=strawberry.ID(node.iri)))
    return out


async def related(info: Info, iri: str, predicate: str, allowed: tuple[str, ...] | None,
                  inverse: bool = False) -> list:
    return await typed(info, await _loaders(info).related(iri, predicate, inverse), allowed)


async def links(info: Info, iri: str, predicate: str, allowed: tuple[str, ...] | None,
                inverse: bool = False) -> list[Link]:
    p = ESG + predicate
    return [Link(node=obj, predicate=p, inverse=inverse,
                 subject_iri=obj.id if inverse else iri, object_iri=iri if inverse else obj.id)
            for obj in await related(info, iri, predicate, allowed, inverse)]


async def reports_of(info: Info, iris: list[str]) -> list[Report]:
    return [Report(id=strawberry.ID(i)) for i in sorted(set(iris))]


def _predicate_iri(predicate: str) -> str:
    if predicate in ("type", "a"):
        return RDF + "type"
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", predicate):
        return ESG + predicate
    return queries.to_iri(predicate, "predicate").value


_COMPANY = ("Company",)
_PARTY = ("Company", "Organization")


def relation_nodes(predicate: str, target: str, description: str, *, inverse: bool = False,
                   sort_sdgs: bool = False):
    """A field listing the ``target`` objects related by ``predicate`` (read backwards when
    ``inverse``); objects of other classes are left out."""
    allowed = (target,)

    async def nodes(self, info: Info):
        found = await related(info, self.id, predicate, allowed, inverse)
        return await _sorted_sdgs(info, found) if sort_sdgs else found

    nodes.__annotations__["return"] = f"list[{target}]"
    return strawberry.field(resolver=nodes, description=description)


def relation_links(predicate: str, target: str, *, inverse: bool = False, description: str | None = None):
    """The same relation as links carrying the evidence of each statement."""
    allowed = (target,)

    async def with_evidence(self, info: Info):
        return await links(info, self.id, predicate, allowed, inverse)

    with_evidence.__annotations__["return"] = f"list[Link[{target}]]"
    text = description or (f"Every esg:{predicate} link{' (read backwards)' if inverse else ''} to a "
                           f"{target}, with the evidence (sentence, line, report) of each.")
    return strawberry.field(resolver=with_evidence, description=text)


def relation_first(predicate: str, target: str, description: str, *, inverse: bool = False):
    """A field with one related object (the first by IRI) where the contract wants one."""
    allowed = (target,)

    async def first(self, info: Info):
        found = await related(info, self.id, predicate, allowed, inverse)
        return found[0] if found else None

    first.__annotations__["return"] = f"{target} | None"
    return strawberry.field(resolver=first, description=description)


def relation(predicate: str, target: str, description: str, *, inverse: bool = False,
             sort_sdgs: bool = False) -> tuple:
    """Both fields of a relation: ``committees`` and ``committeeLinks``."""
    return (relation_nodes(predicate, target, description, inverse=inverse, sort_sdgs=sort_sdgs),
            relation_links(predicate, target, inverse=inverse))


# --- entities ------------------------------------------------------------------------------

@strawberry.interface(description="Anything extracted from the reports that has a name: companies, "
                                  "committees, programmes, certifications, SDGs, persons, "
                                  "reporting frameworks and other organisations.")
class Entity:
    id: strawberry.ID = strawberry.field(description="The entity's IRI.")

    @strawberry.field(description="The name in `lang` (zh-Hant, zh-Hans or en). Falls back to the "
                                  "same language family (zh-Hans for zh-Hant), then to any label; "
                                  "without `lang`: zh-Hant, then zh-Hans, then en.")
    async def label(self, info: Info, lang: str | None = None) -> str:
        return node_label(await _node(info, self.id), lang)

    @strawberry.field(description="Every rdfs:label, one per language.")
    async def labels(self, info: Info) -> list[LangString]:
        return _lang_strings((await _node(info, self.id)).values(RDFS + "label"))

    @strawberry.field(description="Other spellings of the name seen in the reports (skos:altLabel).")
    async def alt_labels(self, info: Info) -> list[LangString]:
        return _lang_strings((await _node(info, self.id)).values(SKOS + "altLabel"))

    @strawberry.field(description="The reports the entity is found in.")
    async def mentioned_in(self, info: Info) -> list[Report]:
        return await reports_of(info, (await _node(info, self.id)).reports)

    @strawberry.field(description="Evidence for this entity's own statements with `predicate` (a "
                                  "property of the ontology by local name, e.g. hasCommittee, "
                                  "holdsCertification, or `type` for why it is of its class; or a "
                                  "full IRI), optionally only those whose object is `object`.")
    async def evidence(self, info: Info, predicate: str, object: strawberry.ID | None = None) -> list[Evidence]:
        p = _predicate_iri(predicate)
        rows = await _loaders(info).evidence.load((self.id, p))
        return _evidence(rows, object)


@strawberry.type(description="A business enterprise: a reporter, its parent, subsidiaries, "
                             "business units, partner companies.")
class Company(Entity):
    committees, committee_links = relation(
        "hasCommittee", "Committee", "Governance bodies of the company (esg:hasCommittee).")
    certifications, certification_links = relation(
        "holdsCertification", "Certification", "Certifications the company holds (esg:holdsCertification).")
    programmes, programme_links = relation(
        "runsProgramme", "Programme", "ESG programmes the company runs (esg:runsProgramme).")

    @strawberry.field(description="SDGs the company says it contributes to (esg:contributesToSDG); "
                                  "with `includeProgrammes`, also those of the programmes it runs.")
    async def sdgs(self, info: Info, include_programmes: bool = False) -> list[SDG]:
        goals = await related(info, self.id, "contributesToSDG", ("SDG",))
        if include_programmes:
            for programme in await related(info, self.id, "runsProgramme", ("Programme",)):
                goals += await related(info, programme.id, "contributesToSDG", ("SDG",))
        return await _sorted_sdgs(info, goals)

    sdg_links = relation_links("contributesToSDG", "SDG")

    parent = relation_first("subsidiaryOf", "Company", "The company this one is a subsidiary of "
                            "(esg:subsidiaryOf); the first by IRI when the reports name several.")
    parent_links = relation_links("subsidiaryOf", "Company")
    subsidiaries, subsidiary_links = relation("subsidiaryOf", "Company", "Companies that are subsidiaries "
                                              "of this one (esg:subsidiaryOf, read backwards).", inverse=True)

    @strawberry.field(description="Partner companies and organisations (esg:partnerOf, either direction).")
    async def partners(self, info: Info) -> list[Entity]:
        return await _partners(info, self.id)

    @strawberry.field(description="`partners` with the evidence of each link.")
    async def partner_links(self, info: Info) -> list[Link[Entity]]:
        return await _partner_links(info, self.id)

    @strawberry.field(description="Reports this company published (esg:publishedBy, read backwards).")
    async def reports(self, info: Info) -> list[Report]:
        return await reports_of(info, await _loaders(info).related(self.id, "publishedBy", inverse=True))

    @strawberry.field(description="Reporting frameworks the company's own reports follow.")
    async def frameworks(self, info: Info) -> list[ReportingFramework]:
        out: dict[str, ReportingFramework] = {}
        for report in await _loaders(info).related(self.id, "publishedBy", inverse=True):
            for fw in await related(info, report, "follows", ("ReportingFramework",)):
                out[fw.id] = fw
        return [out[k] for k in sorted(out)]

    @strawberry.field(description="KPI figures about this company (esg:subject, read backwards); "
                                  "`metric` keeps those whose metric name contains it (any script).")
    async def observations(self, info: Info, metric: str | None = None) -> list[Observation]:
        return await _observations(info, await _loaders(info).related(self.id, "subject", inverse=True), metric)


@strawberry.type(description="A governance body: the board, its committees, management "
                             "committees, working groups, leading groups.")
class Committee(Entity):
    company = relation_first("hasCommittee", "Company", "The company the body belongs to (esg:hasCommittee, "
                             "read backwards; every owner in `companyLinks`).", inverse=True)
    company_links = relation_links("hasCommittee", "Company", inverse=True)
    reports_to, reports_to_links = relation("reportsTo", "Committee", "Bodies this one reports to (esg:reportsTo).")
    sub_committees, sub_committee_links = relation(
        "reportsTo", "Committee", "Bodies that report to this one (esg:reportsTo, read backwards).", inverse=True)
    chair = relation_first("chairedBy", "Person", "Who chairs the body (esg:chairedBy); the first by IRI "
                           "when several (every chair in `chairLinks`).")
    chair_links = relation_links("chairedBy", "Person")
    members, member_links = relation("memberOf", "Person", "Members of the body (esg:memberOf, read backwards).",
                                     inverse=True)


@strawberry.type(description="A named ESG initiative, project, campaign or plan.")
class Programme(Entity):
    run_by, run_by_links = relation("runsProgramme", "Company", "Companies running the programme "
                                    "(esg:runsProgramme, read backwards).", inverse=True)
    sdgs, sdg_links = relation("contributesToSDG", "SDG", "SDGs the programme contributes to "
                               "(esg:contributesToSDG).", sort_sdgs=True)


@strawberry.type(description="A certification, accreditation or attested compliance scheme "
                             "(ISO/IEC 27001, 等保三級 = MLPS level 3, SOC 2, ...).")
class Certification(Entity):
    holders, holder_links = relation("holdsCertification", "Company", "Companies holding it "
                                     "(esg:holdsCertification, read backwards).", inverse=True)

    @strawberry.field(description="The scheme key every spelling shares: iso27001, mlps3, soc2, ...")
    async def scheme_key(self, info: Info) -> str | None:
        value = (await _node(info, self.id)).first(ESG + "schemeKey")
        return value.value if value is not None else None

    @strawberry.field(description="The MLPS (等級保護) level, for MLPS certifications.")
    async def mlps_level(self, info: Info) -> int | None:
        value = (await _node(info, self.id)).first(ESG + "mlpsLevel")
        return int(value.value) if value is not None else None


@strawberry.type(description="One of the 17 UN Sustainable Development Goals (id "
                             "http://metadata.un.org/sdg/N); `label` is its short title.")
class SDG(Entity):
    company_links = relation_links("contributesToSDG", "Company", inverse=True)
    programmes, programme_links = relation("contributesToSDG", "Programme", "Programmes contributing to "
                                           "the goal (esg:contributesToSDG, read backwards).", inverse=True)

    @strawberry.field(description="The goal's number, 1 to 17.")
    async def number(self, info: Info) -> int:
        value = (await _node(info, self.id)).first(ESG + "sdgNumber")
        return int(value.value) if value is not None else int(self.id.rstrip("/").rsplit("/", 1)[-1])

    @strawberry.field(description="Companies contributing to the goal (esg:contributesToSDG, read "
                                  "backwards); with `includeProgrammes`, also those running a "
                                  "programme that contributes to it.")
    async def companies(self, info: Info, include_programmes: bool = False) -> list[Company]:
        found = await related(info, self.id, "contributesToSDG", _COMPANY, inverse=True)
        if include_programmes:
            for programme in await related(info, self.id, "contributesToSDG", ("Programme",), inverse=True):
                found += await related(info, programme.id, "runsProgramme", _COMPANY, inverse=True)
        return list({c.id: c for c in sorted(found, key=lambda c: c.id)}.values())


@strawberry.type(description="A person with a governance role.")
class Person(Entity):
    committees, committee_links = relation("memberOf", "Committee", "Bodies the person is a member of "
                                           "(esg:memberOf).")
    chairs, chair_links = relation("chairedBy", "Committee", "Bodies the person chairs (esg:chairedBy, "
                                   "read backwards).", inverse=True)


@strawberry.type(description="A reporting framework or standard a report follows (HKEX ESG Guide, "
                             "GRI, SASB, TCFD, IFRS S2, ...).")
class ReportingFramework(Entity):
    @strawberry.field(description="Reports following it (esg:follows, read backwards).")
    async def reports(self, info: Info) -> list[Report]:
        return await reports_of(info, await _loaders(info).related(self.id, "follows", inverse=True))

    @strawberry.field(description="Publishers of the reports following it.")
    async def companies(self, info: Info) -> list[Company]:
        found: dict[str, Company] = {}
        for report in await _loaders(info).related(self.id, "follows", inverse=True):
            for company in await related(info, report, "publishedBy", _COMPANY):
                found[company.id] = company
        return [found[k] for k in sorted(found)]


@strawberry.type(description="Any other named organisation: regulator, NGO, hospital, university, association.")
class Organization(Entity):
    @strawberry.field(description="Partners (esg:partnerOf, either direction).")
    async def partners(self, info: Info) -> list[Entity]:
        return await _partners(info, self.id)

    @strawberry.field(description="`partners` with the evidence of each link.")
    async def partner_links(self, info: Info) -> list[Link[Entity]]:
        return await _partner_links(info, self.id)


async def _partners(info: Info, iri: str) -> list:
    found = await related(info, iri, "partnerOf", _PARTY) + await related(info, iri, "partnerOf", _PARTY, inverse=True)
    return list({e.id: e for e in sorted(found, key=lambda e: e.id)}.values())


async def _partner_links(info: Info, iri: str) -> list[Link]:
    return await links(info, iri, "partnerOf", _PARTY) + await links(info, iri, "partnerOf", _PARTY, inverse=True)


async def _sorted_sdgs(info: Info, goals: list) -> list:
    unique = {g.id: g for g in goals}
    nodes = await _loaders(info).node.load_many(list(unique))
    number = {n.iri: int(n.first(ESG + "sdgNumber").value) if n.first(ESG + "sdgNumber") else 99 for n in nodes}
    return sorted(unique.values(), key=lambda g: (number[g.id], g.id))


# --- reports and observations ----------------------------------------------------------------

def _date(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value.value[:10]) if value is not None else None
    except ValueError:
        return None


@strawberry.type(description="One ESG report document; its IRI is also the named graph holding "
                             "what was extracted from it.")
class Report:
    id: strawberry.ID = strawberry.field(description="The report's IRI (= its named graph).")

    @strawberry.field(description="The input file's base name.")
    async def source_file(self, info: Info) -> str | None:
        value = (await _node(info, self.id)).first(ESG + "sourceFile")
        return value.value if value is not None else None

    @strawberry.field(description="The report's title, in `lang` when there is one, else as printed.")
    async def title(self, info: Info, lang: str | None = None) -> str | None:
        return pick_text((await _node(info, self.id)).values(DCTERMS + "title"), lang)

    @strawberry.field(description="The report's language: zh-Hant, zh-Hans or en.")
    async def language(self, info: Info) -> str | None:
        value = (await _node(info, self.id)).first(DCTERMS + "language")
        return value.value if value is not None else None

    @strawberry.field(description="First day of the reporting period.")
    async def period_start(self, info: Info) -> datetime.date | None:
        return _date((await _node(info, self.id)).first(ESG + "periodStart"))

    @strawberry.field(description="Last day of the reporting period.")
    async def period_end(self, info: Info) -> datetime.date | None:
        return _date((await _node(info, self.id)).first(ESG + "periodEnd"))

    publisher = relation_first("publishedBy", "Company", "The company that published the report (esg:publishedBy).")
    publisher_links = relation_links("publishedBy", "Company")
    frameworks, framework_links = relation("follows", "ReportingFramework", "Reporting frameworks the report "
                                           "follows (esg:follows).")

    @strawberry.field(description="Entities found in the report, optionally only of some types.")
    async def entities(self, info: Info, types: list[EntityType] | None = None) -> list[Entity]:
        allowed = tuple(t.value for t in types) if types else None
        return await related(info, self.id, "mentionedIn", allowed, inverse=True)

    @strawberry.field(description="KPI figures read from the report; `metric` keeps those whose "
                                  "metric name contains it (any script).")
    async def observations(self, info: Info, metric: str | None = None) -> list[Observation]:
        return await _observations(info, await _loaders(info).related(self.id, "mentionedIn", inverse=True), metric)


@strawberry.type(description="One quantitative ESG fact (a KPI value) read from a report.")
class Observation:
    id: strawberry.ID = strawberry.field(description="The observation's IRI.")

    @strawberry.field(description="What is measured, as the report names it.")
    async def metric(self, info: Info, lang: str | None = None) -> str:
        return pick_text((await _node(info, self.id)).values(ESG + "metric"), lang) or ""

    @strawberry.field(description="The value as a number.")
    async def value(self, info: Info) -> float | None:
        text = await self._text(info, "value")
        return float(text) if text is not None else None

    @strawberry.field(description="The value exactly as stored (xsd:decimal lexical form).")
    async def value_text(self, info: Info) -> str | None:
        return await self._text(info, "value")

    @strawberry.field(description="The unit as printed (empty when the figure has none).")
    async def unit(self, info: Info) -> str | None:
        return await self._text(info, "unit")

    @strawberry.field(description="The year or financial year the figure covers.")
    async def period(self, info: Info) -> str | None:
        return await self._text(info, "period")

    @strawberry.field(description="The entity the figure is about (esg:subject).")
    async def subject(self, info: Info) -> Entity | None:
        found = await related(info, self.id, "subject", None)
        return found[0] if found else None

    @strawberry.field(description="The report the figure is read from.")
    async def report(self, info: Info) -> Report | None:
        reports = (await _node(info, self.id)).reports
        return Report(id=strawberry.ID(reports[0])) if reports else None

    @strawberry.field(description="The sentence or table row the figure comes from.")
    async def evidence(self, info: Info) -> list[Evidence]:
        return _evidence(await _loaders(info).evidence.load((self.id, ESG + "value")))

    async def _text(self, info: Info, local: str) -> str | None:
        value = (await _node(info, self.id)).first(ESG + local)
        return value.value if value is not None else None


async def _observations(info: Info, iris: list[str], metric: str | None) -> list[Observation]:
    nodes = await _loaders(info).node.load_many(iris)
    want = match_key(metric) if metric else ""
    out = []
    for node in nodes:
        if "Observation" not in node.types:
            continue
        if want and not any(want in match_key(m.value) for m in node.values(ESG + "metric")):
            continue
        out.append(Observation(id=strawberry.ID(node.iri)))
    return out


@strawberry.enum(description="The entity classes of the contract.")
class EntityType(Enum):
    COMPANY = "Company"
    COMMITTEE = "Committee"
    PROGRAMME = "Programme"
    CERTIFICATION = "Certification"
    SDG = "SDG"
    PERSON = "Person"
    REPORTING_FRAMEWORK = "ReportingFramework"
    ORGANIZATION = "Organization"


