"""The ontology files: every contract term defined and labelled, the 17 SDGs, the SHACL shapes.

The shapes are exercised on a small hand-written graph built from real lines of a seed report
(003, 醫脈通): it must conform, and each single breakage must give exactly the expected
violations, so a shape that stops checking (or starts over-checking) fails here.
"""
from __future__ import annotations

import re
from pathlib import Path

import opencc
import pyshacl
import pytest
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SH, SKOS, XSD

import ontology

ESG = Namespace(ontology.ESG_NS)
SDG = Namespace(ontology.SDG_NS)
ESGR = Namespace("https://w3id.org/esgkg/id/")
SCHEMA = Namespace("http://schema.org/")  # rdflib's SDO is https://schema.org/
ONTOLOGY_IRI = URIRef("https://w3id.org/esgkg/ontology")
LANGS = {"en", "zh-Hans", "zh-Hant"}

# The contract's terms, hard-coded so these tests fail even without ../shared/CONTRACT.md.
CONTRACT_CLASSES = ["Report", "Company", "Committee", "Programme", "Certification", "SDG", "Person",
                    "ReportingFramework", "Organization", "Observation"]
CONTRACT_PROPERTIES = ["mentionedIn", "sourceFile", "publishedBy", "periodStart", "periodEnd", "follows",
                       "hasCommittee", "reportsTo", "chairedBy", "memberOf", "holdsCertification",
                       "runsProgramme", "contributesToSDG", "sdgNumber", "subsidiaryOf", "partnerOf",
                       "subject", "metric", "value", "unit", "period"]
# Terms the RDF writer (kg/triples.py) uses beyond the contract.
PROJECT_CLASSES = ["Evidence", "Entity"]
PROJECT_PROPERTIES = ["sentence", "line", "inReport", "matchKey", "unitOfMeasure", "schemeKey", "mlpsLevel",
                      "standardNumber"]
CONTRACT_MD = [Path(__file__).resolve().parents[1].parent / "shared" / "CONTRACT.md",
               Path("/work/shared/CONTRACT.md")]


@pytest.fixture(scope="module")
def esg() -> Graph:
    return Graph().parse(ontology.ESG_TTL, format="turtle")


@pytest.fixture(scope="module")
def onto() -> Graph:
    return ontology.ontology_graph()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ontology.SHAPES_TTL, format="turtle")


def esg_terms(g: Graph) -> set[URIRef]:
    return {s for s in g.subjects() if isinstance(s, URIRef) and s.startswith(str(ESG))}


def langs(g: Graph, s, p=RDFS.label) -> set[str]:
    return {o.language for o in g.objects(s, p) if isinstance(o, Literal) and o.language}


# --- the files and the module -------------------------------------------------------------

def test_module_paths_and_loader():
    for path in (ontology.ESG_TTL, ontology.SDG_TTL, ontology.SHAPES_TTL):
        assert path.is_file() and path.parent == ontology.ONTOLOGY_DIR
    g = ontology.ontology_graph()
    assert (ESG.Company, RDF.type, OWL.Class) in g
    assert (SDG["3"], ESG.sdgNumber, Literal(3)) in g


def test_ontology_header_like_w3c_org(esg):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in esg
    assert langs(esg, ONTOLOGY_IRI, DCTERMS.title) == LANGS
    assert esg.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    description = str(esg.value(ONTOLOGY_IRI, DCTERMS.description))
    assert "GRAPH ?report" in description and "esg:Evidence" in description


# --- contract terms ---------------------------------------------------------------------

def contract_md_terms() -> set[str]:
    for path in CONTRACT_MD:
        if path.is_file():
            return set(re.findall(r"`esg:(\w+)`", path.read_text(encoding="utf-8")))
    pytest.skip("CONTRACT.md not found beside the repository")


def test_contract_md_terms_are_defined(esg):
    terms = contract_md_terms()
    assert len(terms) >= 30  # the parse found the tables, not nothing
    missing = [t for t in terms if (ESG[t], RDFS.isDefinedBy, ONTOLOGY_IRI) not in esg]
    assert not missing


def test_hard_coded_contract_list_matches_contract_md():
    assert contract_md_terms() <= set(CONTRACT_CLASSES) | set(CONTRACT_PROPERTIES)


@pytest.mark.parametrize("name", CONTRACT_CLASSES + PROJECT_CLASSES)
def test_classes_are_owl_classes(esg, name):
    assert (ESG[name], RDF.type, OWL.Class) in esg


@pytest.mark.parametrize("name", CONTRACT_PROPERTIES + PROJECT_PROPERTIES)
def test_properties_typed_with_domain_and_range(esg, name):
    p = ESG[name]
    kinds = set(esg.objects(p, RDF.type)) & {OWL.ObjectProperty, OWL.DatatypeProperty}
    assert len(kinds) == 1
    rng = esg.value(p, RDFS.range)
    assert esg.value(p, RDFS.domain) is not None and rng is not None
    literal_range = str(rng).startswith(str(XSD)) or rng == RDF.langString
    assert literal_range == (kinds == {OWL.DatatypeProperty})


def test_every_esg_term_has_three_labels_and_a_comment(esg):
    terms = esg_terms(esg)
    assert len(terms) >= len(CONTRACT_CLASSES) + len(CONTRACT_PROPERTIES) + len(PROJECT_CLASSES + PROJECT_PROPERTIES)
    for t in terms:
        assert langs(esg, t) == LANGS, t
        assert "en" in langs(esg, t, RDFS.comment), t
        assert (t, RDFS.isDefinedBy, ONTOLOGY_IRI) in esg, t


def test_files_use_only_defined_esg_terms(esg, shapes):
    """A typo (esg:hasComittee) in the SDG file or the shapes would silently check nothing."""
    defined = esg_terms(esg)
    sdg = Graph().parse(ontology.SDG_TTL, format="turtle")
    for g in (sdg, shapes):
        used = {n for triple in g for n in triple if isinstance(n, URIRef) and n.startswith(str(ESG))}
        assert used and used <= defined, used - defined


@pytest.mark.parametrize("child, parent", [
    ("Company", ORG.FormalOrganization), ("Company", SCHEMA.Corporation),
    ("Organization", ORG.Organization), ("Organization", FOAF.Organization),
    ("Committee", ORG.OrganizationalUnit), ("Person", FOAF.Person), ("Person", SCHEMA.Person),
    ("Programme", SCHEMA.Project), ("Programme", PROV.Activity),
    ("Certification", SCHEMA.Certification), ("SDG", SKOS.Concept), ("ReportingFramework", SKOS.Concept),
    ("Report", PROV.Entity), ("Report", FOAF.Document), ("Report", SCHEMA.Report),
    ("Observation", PROV.Entity), ("Evidence", RDF.Statement), ("Evidence", PROV.Entity),
])
def test_class_alignment(esg, child, parent):
    assert (ESG[child], RDFS.subClassOf, parent) in esg


@pytest.mark.parametrize("child, parent", [
    ("hasCommittee", ORG.hasUnit), ("memberOf", ORG.memberOf), ("subsidiaryOf", ORG.subOrganizationOf),
    ("publishedBy", DCTERMS.publisher), ("follows", DCTERMS.conformsTo), ("reportsTo", ORG.reportsTo),
    ("inReport", PROV.wasDerivedFrom),
])
def test_property_alignment(esg, child, parent):
    assert (ESG[child], RDFS.subPropertyOf, parent) in esg


def test_no_contract_class_is_under_another(esg):
    """The scorer counts instances of subclasses as the class: Company must not be an esg:Organization."""
    for c in CONTRACT_CLASSES:
        supers = set(esg.transitive_objects(ESG[c], RDFS.subClassOf)) - {ESG[c]}
        assert not supers & {ESG[x] for x in CONTRACT_CLASSES}, c


def union_members(g: Graph, node) -> set:
    return set(g.items(g.value(node, OWL.unionOf)))


def test_union_domains_and_ranges(esg):
    assert union_members(esg, esg.value(ESG.contributesToSDG, RDFS.domain)) == {ESG.Company, ESG.Programme}
    assert union_members(esg, esg.value(ESG.partnerOf, RDFS.range)) == {ESG.Company, ESG.Organization}
    entity = esg.value(ESG.Entity, OWL.equivalentClass)
    assert union_members(esg, entity) == {ESG[c] for c in CONTRACT_CLASSES} - {ESG.Report, ESG.Observation}


def test_description_sparql_example_finds_evidence(esg):
    """The query printed in the ontology description runs and returns the evidence sentence."""
    text = str(esg.value(ONTOLOGY_IRI, DCTERMS.description))
    query = text[text.index("PREFIX rdf:"):]
    ds = Dataset()
    report, company, cert = ESGR["report/003"], ESGR["company/x"], ESGR["cert/iso27001"]
    g = ds.graph(report)
    g.add((company, ESG.holdsCertification, cert))
    ev = BNode()
    for p, o in [(RDF.type, ESG.Evidence), (RDF.subject, company), (RDF.predicate, ESG.holdsCertification),
                 (RDF.object, cert), (ESG.sentence, Literal("醫脈通…已獲得ISO/IEC 27001信息安全管理體系認證", lang="zh-Hant")),
                 (ESG.line, Literal(948))]:
        g.add((ev, p, o))
    rows = list(ds.query(query))
    assert len(rows) == 1 and rows[0].line.toPython() == 948 and rows[0].report == report


# --- SDGs -----------------------------------------------------------------------------

def test_seventeen_sdgs(onto):
    sdgs = set(onto.subjects(RDF.type, ESG.SDG))
    assert sdgs == {SDG[str(n)] for n in range(1, 18)}
    t2s = opencc.OpenCC("s2t")
    for n in range(1, 18):
        s = SDG[str(n)]
        assert onto.value(s, ESG.sdgNumber) == Literal(n, datatype=XSD.integer)
        assert str(onto.value(s, SKOS.notation)) == str(n)
        assert (s, RDF.type, SKOS.Concept) in onto
        assert langs(onto, s) == langs(onto, s, SKOS.prefLabel) == LANGS
        assert set(onto.objects(s, RDFS.label)) == set(onto.objects(s, SKOS.prefLabel))
        hans = next(o for o in onto.objects(s, RDFS.label) if o.language == "zh-Hans")
        hant = next(o for o in onto.objects(s, RDFS.label) if o.language == "zh-Hant")
        assert str(hant) == t2s.convert(str(hans))
        scheme = onto.value(s, SKOS.inScheme)
        assert (scheme, RDF.type, SKOS.ConceptScheme) in onto and (s, SKOS.topConceptOf, scheme) in onto


@pytest.mark.parametrize("n, en, hans, hant", [
    (1, "No Poverty", "无贫穷", "無貧窮"),
    (3, "Good Health and Well-being", "良好健康与福祉", "良好健康與福祉"),
    (17, "Partnerships for the Goals", "促进目标实现的伙伴关系", "促進目標實現的夥伴關係"),
])
def test_sdg_official_titles(onto, n, en, hans, hant):
    labels = set(onto.objects(SDG[str(n)], SKOS.prefLabel))
    assert labels == {Literal(en, lang="en"), Literal(hans, lang="zh-Hans"), Literal(hant, lang="zh-Hant")}


# --- SHACL ------------------------------------------------------------------------------

GOOD = """
@prefix esg: <https://w3id.org/esgkg/ontology#> .
@prefix esgr: <https://w3id.org/esgkg/id/> .
@prefix sdg: <http://metadata.un.org/sdg/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix unit: <http://qudt.org/vocab/unit/> .

esgr:r a esg:Report ; esg:sourceFile "003_76d9b93572322dc4.txt" ;
    dcterms:title "環境、社會及管治報告"@zh-Hant ; dcterms:language "zh-Hant" ;
    esg:publishedBy esgr:ymt ; esg:follows esgr:gri ;
    esg:periodStart "2022-01-01"^^xsd:date ; esg:periodEnd "2022-12-31"^^xsd:date .
esgr:ymt a esg:Company ; rdfs:label "醫脈通科技有限公司"@zh-Hant ; skos:altLabel "醫脈通"@zh-Hant ;
    esg:matchKey "医脉通科技有限公司" , "医脉通" ; esg:mentionedIn esgr:r ;
    esg:hasCommittee esgr:board ; esg:holdsCertification esgr:iso27001 , esgr:mlps3 ;
    esg:runsProgramme esgr:prog ; esg:contributesToSDG sdg:3 ; esg:subsidiaryOf esgr:parent ;
    esg:partnerOf esgr:hkex , esgr:parent .
esgr:parent a esg:Company ; rdfs:label "Parent Holdings Limited"@en ; esg:mentionedIn esgr:r .
esgr:board a esg:Committee ; rdfs:label "董事會"@zh-Hant ; esg:mentionedIn esgr:r ; esg:chairedBy esgr:chair .
esgr:esgc a esg:Committee ; rdfs:label "ESG工作小組"@zh-Hant ; esg:mentionedIn esgr:r ; esg:reportsTo esgr:board .
esgr:chair a esg:Person ; rdfs:label "主席"@zh-Hant ; esg:mentionedIn esgr:r ; esg:memberOf esgr:board .
esgr:iso27001 a esg:Certification ; rdfs:label "ISO/IEC 27001信息安全管理體系認證"@zh-Hant ;
    esg:mentionedIn esgr:r ; esg:schemeKey "iso27001" ; esg:standardNumber "ISO/IEC 27001" .
esgr:mlps3 a esg:Certification ; rdfs:label "公安部信息安全等級保護三級"@zh-Hant ;
    esg:mentionedIn esgr:r ; esg:schemeKey "mlps3" ; esg:mlpsLevel 3 .
esgr:prog a esg:Programme ; rdfs:label "醫生公益計劃"@zh-Hant ; esg:mentionedIn esgr:r ;
    esg:contributesToSDG sdg:4 .
esgr:gri a esg:ReportingFramework ; rdfs:label "可持續發展報告標準（GRI STANDARDS）"@zh-Hant ; esg:mentionedIn esgr:r .
esgr:hkex a esg:Organization ; rdfs:label "香港聯合交易所有限公司"@zh-Hant ; esg:mentionedIn esgr:r .
esgr:obs a esg:Observation ; esg:subject esgr:ymt ; esg:metric "佔中國總執業醫生的比例"@zh-Hant ;
    esg:value 82.0 ; esg:unit "%" ; esg:unitOfMeasure unit:PERCENT ; esg:period "2022" ; esg:mentionedIn esgr:r .
esgr:ev a esg:Evidence ; rdf:subject esgr:ymt ; rdf:predicate esg:holdsCertification ; rdf:object esgr:iso27001 ;
    esg:sentence "醫脈通信息安全管理體系和隱私信息管理體系已獲得ISO/IEC 27001信息安全管理體系認證"@zh-Hant ;
    esg:line 948 ; esg:inReport esgr:r .
"""


def violations(results: Graph) -> set[tuple]:
    """(focus node, path, constraint component name) of each result."""
    found = set()
    for r in results.subjects(RDF.type, SH.ValidationResult):
        comp = results.value(r, SH.sourceConstraintComponent)
        found.add((results.value(r, SH.focusNode), results.value(r, SH.resultPath), comp.split("#")[-1]))
    return found


def test_good_graph_conforms():
    conforms, results, _ = ontology.validate(Graph().parse(data=GOOD, format="turtle"))
    assert conforms and not violations(results)


def test_good_graph_conforms_as_a_dataset_of_report_graphs():
    ds = Dataset()
    ds.graph(ESGR.r).parse(data=GOOD, format="turtle")
    assert ontology.validate(ds)[0]


def test_plain_pyshacl_with_ont_graph_and_why_no_inference(onto, shapes):
    """The recipe in shapes.ttl works; with RDFS inference the range of esg:hasCommittee would
    make the wrongly linked person a Committee and the violation would vanish."""
    data = Graph().parse(data=GOOD, format="turtle")
    assert pyshacl.validate(data, shacl_graph=shapes, ont_graph=onto, inference="none")[0]
    data.add((ESGR.ymt, ESG.hasCommittee, ESGR.chair))
    assert not pyshacl.validate(data, shacl_graph=shapes, ont_graph=onto, inference="none")[0]
    assert pyshacl.validate(data, shacl_graph=shapes, ont_graph=onto, inference="rdfs")[0]


def _set(s, p, o):
    return lambda g: g.set((s, p, o))


def _remove(s, p):
    return lambda g: g.remove((s, p, None))


def _add(s, p, o):
    return lambda g: g.add((s, p, o))


BREAKAGES = {
    "observation without value": (
        _remove(ESGR.obs, ESG.value), {(ESGR.obs, ESG.value, "MinCountConstraintComponent")}),
    "value not a decimal": (
        _set(ESGR.obs, ESG.value, Literal("82%")), {(ESGR.obs, ESG.value, "DatatypeConstraintComponent")}),
    "metric without language": (
        _set(ESGR.obs, ESG.metric, Literal("比例")), {(ESGR.obs, ESG.metric, "DatatypeConstraintComponent")}),
    "hasCommittee to a person": (
        _add(ESGR.ymt, ESG.hasCommittee, ESGR.chair), {(ESGR.ymt, ESG.hasCommittee, "ClassConstraintComponent")}),
    "label without language tag": (
        _set(ESGR.board, RDFS.label, Literal("董事會")),
        {(ESGR.board, RDFS.label, "DatatypeConstraintComponent"),
         (ESGR.board, RDFS.label, "LanguageInConstraintComponent")}),
    "label in an unknown language": (
        _set(ESGR.board, RDFS.label, Literal("董事會", lang="zh")),
        {(ESGR.board, RDFS.label, "LanguageInConstraintComponent")}),
    "entity without label": (
        _remove(ESGR.prog, RDFS.label), {(ESGR.prog, RDFS.label, "MinCountConstraintComponent")}),
    "entity mentioned in no report": (
        _remove(ESGR.hkex, ESG.mentionedIn), {(ESGR.hkex, ESG.mentionedIn, "MinCountConstraintComponent")}),
    "report with two source files": (
        _add(ESGR.r, ESG.sourceFile, Literal("other.txt")), {(ESGR.r, ESG.sourceFile, "MaxCountConstraintComponent")}),
    "period as a string": (
        _set(ESGR.r, ESG.periodEnd, Literal("2022-12-31")),
        {(ESGR.r, ESG.periodEnd, "DatatypeConstraintComponent"),
         (ESGR.r, ESG.periodStart, "LessThanOrEqualsConstraintComponent")}),
    "period end before start": (
        _set(ESGR.r, ESG.periodEnd, Literal("2021-12-31", datatype=XSD.date)),
        {(ESGR.r, ESG.periodStart, "LessThanOrEqualsConstraintComponent")}),
    "published by an organisation": (
        _set(ESGR.r, ESG.publishedBy, ESGR.hkex), {(ESGR.r, ESG.publishedBy, "ClassConstraintComponent")}),
    "partner that is a committee": (
        _add(ESGR.ymt, ESG.partnerOf, ESGR.esgc), {(ESGR.ymt, ESG.partnerOf, "OrConstraintComponent")}),
    "sdg link to a programme": (
        _add(ESGR.ymt, ESG.contributesToSDG, ESGR.prog),
        {(ESGR.ymt, ESG.contributesToSDG, "ClassConstraintComponent")}),
    "committee contributing to an sdg": (
        _add(ESGR.board, ESG.contributesToSDG, SDG["5"]), {(ESGR.board, None, "OrConstraintComponent")}),
    "programme holding a certification": (
        _add(ESGR.prog, ESG.holdsCertification, ESGR.iso27001), {(ESGR.prog, None, "ClassConstraintComponent")}),
    "chair that is a committee": (
        _set(ESGR.board, ESG.chairedBy, ESGR.esgc), {(ESGR.board, ESG.chairedBy, "ClassConstraintComponent")}),
    "evidence line zero": (
        _set(ESGR.ev, ESG.line, Literal(0)), {(ESGR.ev, ESG.line, "MinInclusiveConstraintComponent")}),
    "evidence without object": (
        _remove(ESGR.ev, RDF.object), {(ESGR.ev, RDF.object, "MinCountConstraintComponent")}),
    "sdg number out of range": (
        _add(SDG["3"], ESG.sdgNumber, Literal(18)),
        {(SDG["3"], ESG.sdgNumber, "MaxCountConstraintComponent"),
         (SDG["3"], ESG.sdgNumber, "MaxInclusiveConstraintComponent")}),
    "made-up sdg": (
        lambda g: [g.add((SDG["18"], p, o)) for p, o in [(RDF.type, ESG.SDG), (ESG.sdgNumber, Literal(18)),
                                                         (RDFS.label, Literal("Goal 18", lang="en"))]],
        {(SDG["18"], None, "PatternConstraintComponent"),
         (SDG["18"], ESG.sdgNumber, "MaxInclusiveConstraintComponent")}),
    "mlps level six": (
        _set(ESGR.mlps3, ESG.mlpsLevel, Literal(6)), {(ESGR.mlps3, ESG.mlpsLevel, "MaxInclusiveConstraintComponent")}),
    "unit that is not qudt": (
        _set(ESGR.obs, ESG.unitOfMeasure, URIRef("http://example.org/percent")),
        {(ESGR.obs, ESG.unitOfMeasure, "PatternConstraintComponent")}),
}


@pytest.mark.parametrize("name", BREAKAGES)
def test_broken_graph_fails_with_expected_violations(name):
    breakage, expected = BREAKAGES[name]
    data = Graph().parse(data=GOOD, format="turtle")
    breakage(data)
    conforms, results, _ = ontology.validate(data)
    assert not conforms
    assert violations(results) == expected
