"""runsProgramme rules on real sentences of the seed reports.

The mentions are placed by hand where the recognisers put them, so these tests pin the
relation rules alone, whatever the recognisers' current recall.
"""
from __future__ import annotations

from types import SimpleNamespace

from extractors.model import Block, Evidence, Mention, Sentence
from extractors.normalise import match_key, to_simplified
from extractors.relations import programmes

REPORTERS = {"京東健康": "京东健康", "阿里健康": "阿里健康", "醫脈通": "医脉通", "Alibaba Health": "alibabahealth"}
# short names the report defines, keyed as their full names (集團 = 阿里巴巴集團 in 000)
DEFINED = {"集團": "阿里巴巴集團"}


def sentence(text: str, companies: list[str], programme_names: list[str], orgs: list[str] = ()) -> Sentence:
    """A sentence with mentions at the last occurrence of each name (``name@1`` for the first)."""
    sent = Sentence(text, to_simplified(text), 0, 1, Block(text, 0, 1))
    for type_, names in (("Company", companies), ("Organization", orgs), ("Programme", programme_names)):
        for spec in names:
            name, _, first = spec.partition("@")
            i = text.index(name) if first else text.rindex(name)
            key = REPORTERS.get(name, match_key(DEFINED.get(name, name)))
            sent.mentions.append(Mention(type_, name, key, "zh", Evidence(text, 1), start=i, end=i + len(name)))
    return sent


def runs(sent: Sentence, reporter: str = "京東健康") -> set[tuple[str, str]]:
    pub = Mention("Company", reporter, REPORTERS[reporter], "zh", Evidence("", 1))
    ctx = SimpleNamespace(reporter=pub, sentences=[sent], mentions=sent.mentions)
    return {(r.subject.text, r.object.text) for r in programmes.extract(ctx)}


def test_reporter_launches_its_programme():
    s = sentence("2024 年，京東健康推出「 過期藥回收」社會公益項目，致力於提升公眾用藥安全與環保意識。",
                 ["京東健康"], ["過期藥回收"])
    assert runs(s) == {("京東健康", "過期藥回收")}


def test_reporter_is_the_default_runner():
    s = sentence("同時，我們激勵消費者參與循環箱回收計劃，在全國超過300個城市中安排2小時內", [], ["循環箱回收計劃"])
    assert runs(s, "阿里健康") == {("阿里健康", "循環箱回收計劃")}


def test_partner_company_runs_it_with_the_reporter():
    s = sentence("京東健康攜手雅培醫學營養品開展以「營養百歲人生 養老「培」伴計劃」為主題的快閃活動。",
                 ["京東健康", "雅培醫學營養品"], ["營養百歲人生 養老「培」伴計劃"])
    assert runs(s) == {("京東健康", "營養百歲人生 養老「培」伴計劃"), ("雅培醫學營養品", "營養百歲人生 養老「培」伴計劃")}


def test_partner_foundation_gets_no_edge():
    s = sentence("京東健康聯合白求恩公益基金會共同發起「2024 年青海省黃南州公益暖冬行動」，聯動多方愛心機構",
                 ["京東健康"], ["2024 年青海省黃南州公益暖冬行動"], ["白求恩公益基金會"])
    assert runs(s) == {("京東健康", "2024 年青海省黃南州公益暖冬行動")}


def test_group_led_programme_belongs_to_the_group():
    s = sentence("後浪項目：由京東集團主導，重點培養入職 3 - 5 年的初級員工，為集團高層培養人才。",
                 ["京東集團"], ["後浪項目"])
    assert runs(s) == {("京東集團", "後浪項目")}
    s = sentence("宿遷七日集訓：京東集團組織全體新員工參加宿遷七天集中培訓，覆蓋京東健康全體新入職員工。",
                 ["京東集團", "京東健康"], ["宿遷七日集訓"])
    assert runs(s) == {("京東集團", "宿遷七日集訓")}


def test_company_named_in_the_programme_runs_it():
    s = sentence("案例：菜鳥綠色快遞包裝回收計劃", ["菜鳥"], ["菜鳥綠色快遞包裝回收計劃"])
    assert runs(s, "阿里健康") == {("菜鳥", "菜鳥綠色快遞包裝回收計劃")}


def test_owner_before_the_programme():
    s = sentence("公司依靠阿里巴巴集團的培訓體系，支持員工參與集團的培訓活動，例如「三板斧」「俠客行」等基礎管理培訓活動，",
                 ["阿里巴巴集團", "集團"], ["三板斧", "俠客行"])
    assert runs(s, "阿里健康") == {("集團", "三板斧"), ("集團", "俠客行")}


def test_co_organised_by_the_reporter_despite_a_host():
    s = sentence("2022年4月，醫脈通公益協辦了「稽質」臨床研究培訓，該培訓由中國醫學科學院腫瘤醫院、北京腫瘤學會臨床研究專委會主辦，",
                 ["醫脈通"], ["稽質"])
    assert runs(s, "醫脈通") == {("醫脈通", "稽質")}


def test_english_co_launchers():
    s = sentence("On March 13, 2018, Alibaba Health and Guangzhou Pharmaceutical Group initiated the first nation-wide "
                 "“National Household Expired Drug Collection Alliance” in partnership with Cainiao Network and "
                 "domestic leading enterprises", ["Alibaba Health", "Guangzhou Pharmaceutical Group", "Cainiao Network"],
                 ["National Household Expired Drug Collection Alliance"])
    assert {c for c, _ in runs(s, "Alibaba Health")} == {"Alibaba Health", "Guangzhou Pharmaceutical Group"}
    s = sentence("On November 28, 2017, Sanofi, the world’s leading biopharmaceutical company, joined Alibaba Health "
                 "to launch the “Safety at Your Fingertips” project on safe drug use", ["Sanofi", "Alibaba Health"],
                 ["Safety at Your Fingertips"])
    assert {c for c, _ in runs(s, "Alibaba Health")} == {"Alibaba Health", "Sanofi"}


def test_another_company_launching_it_runs_it_alone():
    s = sentence("京東健康積極參與京東集團統一開展的 「員工士氣」 評分問卷工作，每日向全體員工推送問卷",
                 ["京東健康", "京東集團"], ["員工士氣"])
    assert runs(s) == {("京東集團", "員工士氣")}
    s = sentence("公司通過積極參與京東集團全員合規培訓與開展「 健康合規有我」等培訓，推動全體員工將合規意識融入日常工作。",
                 ["京東集團"], ["健康合規有我"])
    assert runs(s) == {("京東健康", "健康合規有我")}


def test_programme_initiated_by_an_ngo_is_not_run():
    s = sentence("the Company participates in the “Earth Hour” environmental protection movement initiated by the "
                 "World Wide Fund for Nature (WWF) every year", [], ["Earth Hour"], ["World Wide Fund for Nature"])
    assert runs(s, "Alibaba Health") == set()
    # the same sentence as the PDF text prints it, words split by stray spaces
    s = sentence("the Company part icipates in the “Earth Hour” environmental protection movement init iated by the "
                 "World Wide Fund for Nature (WWF) every year", [], ["Earth Hour"], ["World Wide Fund for Nature"])
    assert runs(s, "Alibaba Health") == set()


def test_no_reporter_no_relation():
    s = sentence("京東健康發起「 坐著洗澡」公益項目，聯合公益組織等多方力量", ["京東健康"], ["坐著洗澡"])
    assert list(programmes.extract(SimpleNamespace(reporter=None, sentences=[s], mentions=s.mentions))) == []
