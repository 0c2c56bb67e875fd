"""Governance relations (hasCommittee, reportsTo, chairedBy, memberOf) on real lines of the
seed reports. Committees and persons come from the recognisers; the reporter (and another
company where a rule needs one) is placed by hand, so the rules are tested alone."""
from __future__ import annotations

from extractors.model import Evidence, Mention
from extractors.normalise import match_key
from extractors.pipeline import recognise
from extractors.relations import governance
from test_committee import lines_document


def context(lines: list[str], lang: str = "zh-Hant", reporter: str | None = "京東健康"):
    """The report context of ``lines`` (one block each) with ``reporter`` as publisher."""
    ctx = recognise(lines_document(lines, lang))
    if reporter:
        ctx.report.publisher = Mention("Company", reporter, match_key(reporter), lang, Evidence("", 1))
    return ctx


def facts(ctx, predicate: str) -> set[tuple[str, str]]:
    return {(r.subject.text if r.subject else None, r.object.text)
            for r in governance.extract(ctx) if r.predicate == predicate}


def test_bodies_listed_after_xia_she_report_to_the_body_before():
    ctx = context(["董事會是公司的最高決策機構，下設有審核委員會、薪酬委員會、提名委員會。"])
    assert facts(ctx, "reportsTo") == {("審核委員會", "董事會"), ("薪酬委員會", "董事會"), ("提名委員會", "董事會")}
    assert facts(ctx, "hasCommittee") == {("京東健康", n) for n in ("董事會", "審核委員會", "薪酬委員會", "提名委員會")}


def test_a_risk_committee_at_the_core_and_its_chair_named_by_role():
    ctx = context([
        "執行董事兼首席執行官 金恩林 男 薪酬委員會 有 有 有",
        "公司建立了完善的風險管理架構，以首席執行官領導的風險管理委員會為核心，下設數據安全委員會、藥事管理與藥物"
        "治療學委員會、醫院醫療器械和醫用耗材管理委員會、健康專家委員會，各委員會之間協同合作，提升風險管理水平。"])
    under = {c for c, p in facts(ctx, "reportsTo") if p == "風險管理委員會"}
    assert under == {"數據安全委員會", "藥事管理與藥物治療學委員會", "醫院醫療器械和醫用耗材管理委員會", "健康專家委員會"}
    assert ("風險管理委員會", "金恩林") in facts(ctx, "chairedBy")


def test_a_working_group_that_reports_to_the_board():
    ctx = context(["公司設有由董事會辦公室、人力資源部、行政部、財務部、法務部等部門主要負責人參與的ESG工作小組，"
                   "該工作小組向董事會及高級管理層匯報，以幫助其評估ESG風險。"])
    assert facts(ctx, "reportsTo") == {("工作小組", "董事會")}


def test_handing_a_report_to_the_board_is_not_reporting_to_it():
    ctx = context(["審核委員會 • 在向董事會提交半年及年度財務報表前先審閱該等財務報表等。"])
    assert facts(ctx, "reportsTo") == set()


def test_an_org_chart_flattened_to_lines():
    ctx = context(["董事會", "審核委員會 薪酬委員會 提名委員會", "委員會 主要職責"])
    assert facts(ctx, "reportsTo") == {("審核委員會", "董事會"), ("薪酬委員會", "董事會"), ("提名委員會", "董事會")}


def test_a_chain_of_single_boxes_is_not_read_as_a_hierarchy():
    ctx = context(["日常管理和執行工作", "ESG核心項目組", "ESG領導小組", "京東健康氣候變化風險識別及應對舉措"])
    assert facts(ctx, "reportsTo") == set()


def test_another_companys_committee_and_the_bodies_under_it_are_its_own():
    line = ("京東健康遵循京東集團的要求統一開展職業健康安全管理工作，京東集團的職業健康安全委員會（OHS 委員會）"
            "作為職業健康安全領域的最高管理機構。職業健康安全委員會下設職業健康安全工作組以及BGBU專項執行小組。")
    ctx = context([line, "該架構以董事會為最高治理層級。"])
    i = line.index("京東集團的職業")
    sent = next(s for s in ctx.sentences if s.start <= i < s.start + len(s.text))
    sent.mentions[:] = [m for m in sent.mentions if m.type != "Company"]
    sent.mentions.append(Mention("Company", "京東集團", "京东集团", "zh-Hant", sent.evidence(), start=i, end=i + 4))
    owners = facts(ctx, "hasCommittee")
    assert {c for o, c in owners if o == "京東集團"} == {"職業健康安全委員會", "職業健康安全工作組", "BGBU專項執行小組"}
    assert ("京東健康", "董事會") in owners
    assert ("職業健康安全工作組", "職業健康安全委員會") in facts(ctx, "reportsTo")


def test_no_reporter_no_has_committee():
    ctx = context(["董事會是公司的最高決策機構，下設有審核委員會、薪酬委員會、提名委員會。"], reporter=None)
    assert facts(ctx, "hasCommittee") == set()
    assert len(facts(ctx, "reportsTo")) == 3


DIRECTORS = [
    "職位 姓名 性別 參與委員會 行業經驗 金融經驗 風險管控",
    "非執行董事兼董事會",
    "主席 劉強東 男 提名委員會主席 有 有 有",
    "非執行董事 Qingqing Yi 男 - 有 有 有",
    "獨立非執行董事兼審計",
    "委員會主席",
    "陳興垚 男 審計委員會主席 無 有 有",
    "獨立非執行董事兼薪酬委員會主席",
    "李玲 女",
    "薪酬委員會主席、審計",
    "委員會成員",
    "有 有 有",
    "獨立非執行董事兼提名委員會成員",
    "吳鷹 男",
    "提名委員會、薪酬委員",
    "會成員",
    "無 無 有",
]


def test_director_rows_spread_over_lines():
    ctx = context(["該架構以董事會為最高治理層級，下設審計委員會、薪酬委員會及提名委員會。", *DIRECTORS])
    assert facts(ctx, "chairedBy") == {("董事會", "劉強東"), ("提名委員會", "劉強東"), ("審計委員會", "陳興垚"),
                                       ("薪酬委員會", "李玲")}
    members = facts(ctx, "memberOf")
    assert {c for p, c in members if p == "李玲"} == {"董事會", "薪酬委員會", "審計委員會"}
    assert {c for p, c in members if p == "吳鷹"} == {"董事會", "提名委員會", "薪酬委員會"}
    assert {c for p, c in members if p == "Qingqing Yi"} == {"董事會"}


def test_a_column_of_directors_are_board_members_and_a_signature_chairs_the_board():
    ctx = context(["董事會多元化", "田立平", "田立新", "周欣", "槌屋英二", "李卓霖（其辭任於2023年4月14日生效）", "王珊", "女",
                   "姓名 性別 年齡 職務", "執行董事", "執行董事"])
    assert facts(ctx, "memberOf") == {(n, "董事會") for n in ("田立平", "田立新", "周欣", "槌屋英二", "李卓霖", "王珊")}
    ctx = context(["董事會作為公司ESG事務最高負責及決策機構。", "阿里健康主席兼首席執行官", "朱順炎", "2022年5月25日"])
    assert facts(ctx, "chairedBy") == {("董事會", "朱順炎")}
    assert facts(ctx, "memberOf") == set()


def test_english_chair_of_a_committee():
    ctx = context(["Mr. Cao Yu, chair of Alibaba Health’s Philanthropy Committee:"], "en", "Alibaba Health")
    assert facts(ctx, "chairedBy") == {("Philanthropy Committee", "Cao Yu")}
    assert facts(ctx, "hasCommittee") == {("Alibaba Health", "Philanthropy Committee")}


def test_simplified_led_by_a_named_person_and_by_a_role():
    ctx = context(["——阿里巴巴集团首席风险官 郑俊芳",
                   "同时，由首席风险官领导的集团风险管理委员会，将持续把气候变化风险纳入到公司的整体风险评估和管理体系中。",
                   "今年我们成立了科技伦理治理委员会，由集团首席技术官程立领导。"], "zh-Hans", "阿里巴巴")
    assert facts(ctx, "chairedBy") == {("风险管理委员会", "郑俊芳"), ("科技伦理治理委员会", "程立")}
