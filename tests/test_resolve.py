"""Resolution: one IRI per real-world thing within a report, across reports and scripts."""
from extractors.model import Evidence, Extraction, Mention, Relation, ReportInfo
from extractors.normalise import match_key
from kg.resolve import Resolver

EV = Evidence("…", 1)


def company(text, lang="zh-Hant", key=None, aliases=()):
    return Mention("Company", text, key or match_key(text), lang, EV, aliases=aliases)


def committee(text, key, lang="zh-Hant"):
    return Mention("Committee", text, key, lang, EV)


def extraction(source, mentions, publisher=None, relations=()):
    info = ReportInfo(source, "zh-Hant", publisher=publisher)
    return Extraction(info, list(mentions), list(relations))


def test_names_in_two_scripts_are_one_entity_across_reports():
    r = Resolver()
    a = r.resolve(extraction("a.txt", [company("醫脈通")]))
    b = r.resolve(extraction("b.txt", [company("医脉通", lang="zh-Hans")]))
    assert set(a.entities) == set(b.entities)


def test_defined_alias_joins_the_full_name():
    full = company("阿里健康信息技術有限公司", aliases=("阿里健康",))
    short = company("阿里健康")
    res = Resolver().resolve(extraction("a.txt", [full, short], publisher=full))
    assert len(res.entities) == 1
    (ent,) = res.entities.values()
    labels, alts = ent.labels()
    assert labels == {"zh-Hant": "阿里健康信息技術有限公司"}
    assert ("阿里健康", "zh-Hant") in alts


def test_a_later_report_reuses_earlier_iris_through_the_index():
    first = Resolver().resolve(extraction("a.txt", [company("阿里健康信息技術有限公司", aliases=("阿里健康",))]))
    known = {("Company", k): iri for iri, e in first.entities.items() for k in e.keys}
    later = Resolver(known).resolve(extraction("b.txt", [company("阿里健康")]))
    assert set(later.entities) == set(first.entities)


def test_each_company_has_its_own_board():
    a, b = company("京東健康股份有限公司"), company("醫脈通科技有限公司")
    board_a, board_b = committee("董事會", "board"), committee("董事會", "board")
    x = extraction("a.txt", [a, b, board_a, board_b], publisher=a, relations=[
        Relation(a, "hasCommittee", board_a, EV), Relation(b, "hasCommittee", board_b, EV)])
    res = Resolver().resolve(x)
    assert res.iri(board_a) != res.iri(board_b)


def test_committee_of_the_reporter_merges_across_languages_by_canonical_key():
    r = Resolver()
    zh = company("阿里健康信息技術有限公司", aliases=("Alibaba Health Information Technology Limited",))
    en = company("Alibaba Health Information Technology Limited", lang="en")
    audit_zh, audit_en = committee("審核委員會", "audit-committee"), committee("Audit Committee", "audit-committee", "en")
    a = r.resolve(extraction("a.txt", [zh, audit_zh], publisher=zh))
    b = r.resolve(extraction("b.txt", [en, audit_en], publisher=en))
    assert a.iri(zh) == b.iri(en)
    assert a.iri(audit_zh) == b.iri(audit_en)


def test_types_keep_apart():
    name = "阿里巴巴公益基金會"
    org = Mention("Organization", name, match_key(name), "zh-Hant", EV)
    res = Resolver().resolve(extraction("a.txt", [org, company("阿里巴巴集團控股有限公司")]))
    assert len(res.entities) == 2
