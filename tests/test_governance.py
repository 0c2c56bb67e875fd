"""Governance relations (hasCommittee, reportsTo, chairedBy, memberOf) on real lines of the
seed reports. Committees and persons come from the recognisers; the reporter (and another
company where a rule needs one) is placed by hand, so the rules are tested alone."""
from __future__ import annotations

from extractors.model import Block, Document, Evidence, Mention
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


# Seed 002 (Alibaba Group, Simplified): governance the first rules missed.
RISK_COMMITTEE = [
    "阿里巴巴集团董事会主席", "兼首席执行官", "张勇",
    "集团风险管理委员会（下称“风管会”）",
    "- 风管会由集团 CEO 直接领导，是集团风险管理组织体系的最高控制和决策机构。根据集团 CEO 决议，由首席风险官出任风管会主席，"
    "首席法务官出任风管会副主席，首席财务官、首席技术官、廉政合规总裁、公共事务线总裁、公众与客户沟通线总裁出任风管会委员。",
    "今年我们成立了科技伦理治理委员会，由集团首席技术官程立领导。",
]


def test_a_signature_under_the_boards_chair_title_sits_on_the_board():
    # seed 002: the title names the board (董事会主席); seed 000's 阿里健康主席 names the company
    ctx = context(["董事会是公司的最高决策机构。", *RISK_COMMITTEE[:3]], "zh-Hans", "阿里巴巴")
    assert facts(ctx, "chairedBy") == {("董事会", "张勇")}
    assert facts(ctx, "memberOf") == {("张勇", "董事会")}


def test_a_role_listed_as_members_stands_for_its_one_holder():
    ctx = context(RISK_COMMITTEE, "zh-Hans", "阿里巴巴")
    assert ("程立", "风管会") in facts(ctx, "memberOf")


def test_a_stated_chair_outranks_the_executive_who_leads_the_body():
    """风管会 is led by the CEO (张勇) but its chair is the CRO, whom the report does not
    name: no chair; 程立 leads 科技伦理治理委员会, whose chair is not stated otherwise."""
    ctx = context(RISK_COMMITTEE, "zh-Hans", "阿里巴巴")
    chairs = facts(ctx, "chairedBy")
    assert not {c for c, _ in chairs} & {"风管会", "风险管理委员会"}
    assert ("科技伦理治理委员会", "程立") in chairs
    # a body said to be led by a person it names has that person as a member; a body led by
    # an executive role (风管会由集团 CEO 直接领导) says nothing of who sits on it
    members = facts(ctx, "memberOf")
    assert ("程立", "科技伦理治理委员会") in members and ("张勇", "风管会") not in members


def test_a_note_under_the_boards_lost_list_of_committees():
    ctx = context(["董事会运行的有效性、独立性、多元化和专业性，是我们力求达到的目标。在此目标的驱动下，"
                   "阿里巴巴集团董事会目前设有四个委员会，包括：",
                   "¹ 薪酬委员会的所有成员即将是独立董事",
                   "阿里巴巴合伙人制度"], "zh-Hans", "阿里巴巴")
    assert facts(ctx, "reportsTo") == {("薪酬委员会", "董事会")}


def test_a_body_at_board_level_is_under_the_board():
    ctx = context(["2021 年设立可持续发展治理三层架构：董事会层面的可持续发展委员会、执行层面的可持续发展管理委员会和 ESG 工作组。"],
                  "zh-Hans", "阿里巴巴")
    assert facts(ctx, "reportsTo") == {("可持续发展委员会", "董事会")}


def test_an_unrelated_line_after_a_list_intro_ends_it():
    ctx = context(["阿里巴巴集团董事会目前设有四个委员会，包括：", "我们历经多年探索，于 2010 年正式建立了阿里巴巴合伙人制度。",
                   "¹ 薪酬委员会的所有成员即将是独立董事"], "zh-Hans", "阿里巴巴")
    assert facts(ctx, "reportsTo") == set()


# Not from the seeds: short realistic sentences in the shapes other reports use.
def test_chinese_member_and_chair_statements():
    ctx = context(["審核委員會由三名獨立非執行董事組成，即張志強先生（主席）、劉德明先生及黃麗華女士。",
                   "提名委員會主席由董事會主席周建國先生擔任。",
                   "王小明先生，執行董事兼行政總裁，擔任ESG委員會主席。",
                   "李文華女士擔任薪酬委員會委員。",
                   "提名委員會成員為周明、林華及何芳，其中周明為主席。"])
    # a stated chair sits on the body (周建國, 王小明); a chair named as a title does not say so
    assert facts(ctx, "memberOf") == {("張志強", "審核委員會"), ("劉德明", "審核委員會"), ("黃麗華", "審核委員會"),
                                      ("李文華", "薪酬委員會"), ("周明", "提名委員會"), ("林華", "提名委員會"),
                                      ("何芳", "提名委員會"), ("周建國", "提名委員會"), ("王小明", "ESG委員會")}
    assert facts(ctx, "chairedBy") == {("審核委員會", "張志強"), ("提名委員會", "周建國"), ("董事會", "周建國"),
                                       ("ESG委員會", "王小明"), ("提名委員會", "周明")}


def test_chinese_reporting_lines():
    ctx = context(["董事會下設四個專門委員會：審核委員會、薪酬委員會、提名委員會及ESG委員會。",
                   "注：審核委員會、薪酬委員會及提名委員會均向董事會負責。",
                   "於報告期內，董事會轄下的風險管理委員會共召開四次會議。"])
    assert facts(ctx, "reportsTo") == {(c, "董事會") for c in ("審核委員會", "薪酬委員會", "提名委員會", "ESG委員會",
                                                              "風險管理委員會")}


def test_english_governance_prose():
    ctx = context([
        "The Board has established three committees: the Audit Committee, the Remuneration Committee and the "
        "Nomination Committee.",
        "The ESG Committee reports to the Board and is chaired by our CEO, Mr. Zhang Wei.",
        "The members of the Remuneration Committee are Mr. Li Ming, Ms. Wang Fang and Mr. Chen Qiang.",
        "The Audit Committee comprises three independent non-executive Directors, namely Mr. Cheung Chi Keung "
        "(chairman), Mr. Lau Tak Ming and Ms. Wong Lai Wah."], "en", "Company X")
    assert facts(ctx, "reportsTo") == {(c, "Board") for c in ("Audit Committee", "Remuneration Committee",
                                                             "Nomination Committee", "ESG Committee")}
    assert facts(ctx, "chairedBy") == {("ESG Committee", "Zhang Wei"), ("Audit Committee", "Cheung Chi Keung")}
    assert facts(ctx, "memberOf") == {(p, "Remuneration Committee") for p in ("Li Ming", "Wang Fang", "Chen Qiang")} \
        | {(p, "Audit Committee") for p in ("Cheung Chi Keung", "Lau Tak Ming", "Wong Lai Wah")} \
        | {("Zhang Wei", "ESG Committee")}


def test_english_director_rows():
    ctx = context(["Board of Directors",
                   "Mr. Zhang Wei Executive Director Chairman of the Board Member of the Nomination Committee",
                   "Li Ming Independent Non-executive Director Chairman of Audit Committee, Member of Remuneration Committee"],
                  "en", "Company X")
    assert facts(ctx, "chairedBy") == {("Board of Directors", "Zhang Wei"), ("Audit Committee", "Li Ming")}
    members = facts(ctx, "memberOf")
    assert {c for p, c in members if p == "Zhang Wei"} == {"Board of Directors", "Nomination Committee"}
    assert {c for p, c in members if p == "Li Ming"} >= {"Audit Committee", "Remuneration Committee"}


def test_english_chair_by_role_holder():
    ctx = context(["Mr. Zhang Wei, our Chief Executive Officer, joined the Group in 2010.",
                   "The ESG Committee is chaired by our Chief Executive Officer."], "en", "Company X")
    assert facts(ctx, "chairedBy") == {("ESG Committee", "Zhang Wei")}


# Board composition tables: a header naming the committees as columns, a row per director
# with a mark per column. From the synthetic dev reports (tests/data/synthetic/dev/).
EN_TABLE = [
    "Board and Board Committee Composition",
    "Director Designation Audit Remuneration Nomination ESG",
    "Committee Committee Committee Committee",
    "Mr. WANG Jianguo Chairman and executive Director – M C –",
    "Mr. ZHAO Lixin Executive Director and Chief Executive Officer – – – C",
    "Mr. CHEN Haoran Non-executive Director M – – –",
    "Ms. LAU Wai Ling Independent non-executive Director C M M –",
    "C: Chairman of the committee M: Member of the committee",
]


def printed_as_one_block(lines: list[str], lang: str) -> Document:
    """``lines`` as one block, as the layout repair may join table rows into a paragraph,
    with each printed line's start kept in the line map."""
    starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]
    text = " ".join(lines)
    return Document("t.txt", text, lang, "utf-8", [Block(text, 0, 1)], starts, list(range(1, len(lines) + 1)))


def composition(ctx) -> tuple[set, set]:
    return facts(ctx, "chairedBy"), facts(ctx, "memberOf")


EN_CHAIRS = {("Board", "WANG Jianguo"), ("Nomination Committee", "WANG Jianguo"), ("ESG Committee", "ZHAO Lixin"),
             ("Audit Committee", "LAU Wai Ling")}
EN_MEMBERS = {("WANG Jianguo", "Remuneration Committee"), ("WANG Jianguo", "Nomination Committee"),
              ("ZHAO Lixin", "ESG Committee"), ("CHEN Haoran", "Audit Committee"), ("LAU Wai Ling", "Audit Committee"),
              ("LAU Wai Ling", "Remuneration Committee"), ("LAU Wai Ling", "Nomination Committee")} \
    | {(p, "Board") for p in ("WANG Jianguo", "ZHAO Lixin", "CHEN Haoran", "LAU Wai Ling")}


def test_an_english_composition_table_with_wrapped_column_heads():
    lines = ["The Board has established the Audit Committee, the Remuneration Committee, the Nomination Committee "
             "and the ESG Committee.", *EN_TABLE]
    chairs, members = composition(context(lines, "en", "Jade River"))
    assert chairs == EN_CHAIRS and members == EN_MEMBERS
    # the same rows joined into one paragraph by the layout repair
    ctx = recognise(printed_as_one_block(lines, "en"))
    assert composition(ctx) == (EN_CHAIRS, EN_MEMBERS)


def test_a_chinese_composition_table_with_a_wrapped_row():
    ctx = context([
        "董事會轄下設有審核委員會、薪酬委員會、提名委員會及ESG委員會，各委員會均有書面職權範圍。",
        "董事 職位 審核委員會 薪酬委員會 提名委員會 ESG委員會",
        "鄺志遠先生 主席兼執行董事 – – 主席 –",
        "鄺詠詩女士 副主席、執行董事兼",
        "行政總裁 – – – 主席",
        "曾慧敏女士 非執行董事 成員 – – –",
        "陳美玲女士 獨立非執行董事 主席 成員 成員 –"], reporter="翠嶺置業")
    chairs, members = composition(ctx)
    assert chairs == {("董事會", "鄺志遠"), ("提名委員會", "鄺志遠"), ("ESG委員會", "鄺詠詩"), ("審核委員會", "陳美玲")}
    assert members == {(p, "董事會") for p in ("鄺志遠", "鄺詠詩", "曾慧敏", "陳美玲")} | {
        ("鄺志遠", "提名委員會"), ("鄺詠詩", "ESG委員會"), ("曾慧敏", "審核委員會"), ("陳美玲", "審核委員會"),
        ("陳美玲", "薪酬委員會"), ("陳美玲", "提名委員會")}


def test_a_legend_names_the_marks():
    # Not from the dev set: ticks for members and a legend for the chair's mark
    ctx = context(["Board of Directors",
                   "Name Position Audit Committee Risk Committee",
                   "Mr. LEE Ka Ho Independent Non-executive Director ✓ ◎",
                   "Ms. Helen CHOW Independent Non-executive Director ◎ ✓",
                   "◎: Committee Chairman ✓: Committee Member"], "en", "Company X")
    chairs, members = composition(ctx)
    assert chairs == {("Risk Committee", "LEE Ka Ho"), ("Audit Committee", "Helen CHOW")}
    assert {(p, c) for p, c in members if c != "Board of Directors"} == {
        ("LEE Ka Ho", "Audit Committee"), ("LEE Ka Ho", "Risk Committee"),
        ("Helen CHOW", "Audit Committee"), ("Helen CHOW", "Risk Committee")}


def test_a_table_grouped_under_director_titles():
    # Not from the dev set: the other common HKEX shape, committees named in full on the header
    # line and rows grouped under a title line, names without an honorific
    ctx = context(["Board of Directors",
                   "Directors Audit Committee Remuneration Committee Nomination Committee",
                   "Executive Directors",
                   "WONG Kwok Wai (Chairman) – – C",
                   "Independent Non-executive Directors",
                   "LEE Ka Ho C M M",
                   "Notes: all Directors attended the meetings."], "en", "Company X")
    chairs, members = composition(ctx)
    assert chairs == {("Board of Directors", "WONG Kwok Wai"), ("Nomination Committee", "WONG Kwok Wai"),
                      ("Audit Committee", "LEE Ka Ho")}
    assert members == {("WONG Kwok Wai", "Board of Directors"), ("WONG Kwok Wai", "Nomination Committee"),
                       ("LEE Ka Ho", "Board of Directors"), ("LEE Ka Ho", "Audit Committee"),
                       ("LEE Ka Ho", "Remuneration Committee"), ("LEE Ka Ho", "Nomination Committee")}


def test_it_is_chaired_by_and_its_other_members_are():
    ctx = context(["The ESG Committee is a committee of the Board. It is chaired by Mr. ZHAO Lixin, executive Director "
                   "and Chief Executive Officer, and its other members are Ms. LIU Fang, executive Director and Chief "
                   "Financial Officer, and Dr. CHEUNG Mei Ling, independent non-executive Director."], "en", "Jade River")
    assert facts(ctx, "chairedBy") == {("ESG Committee", "ZHAO Lixin")}
    assert facts(ctx, "memberOf") == {(p, "ESG Committee") for p in ("ZHAO Lixin", "LIU Fang", "CHEUNG Mei Ling")}


def test_english_chairs_in_prose_sit_on_their_bodies():
    ctx = context(["The Risk Management and Internal Control Committee at the management level, chaired by Ms. LIU "
                   "Fang, identifies and evaluates major risks across the Group, including ESG risks, and reports to the "
                   "Audit Committee twice a year.",
                   "During the rainstorm, the Group's Emergency Response Leading Group, headed by Mr. ZHAO Lixin, "
                   "activated the Level II emergency response.",
                   "The Safety Production Committee, chaired by Mr. ZHAO Lixin, is the highest management body for "
                   "production safety. Its members include the Vice Presidents in charge of operations, and it reports "
                   "to the ESG Committee quarterly."], "en", "Jade River")
    assert facts(ctx, "chairedBy") == {("Risk Management and Internal Control Committee", "LIU Fang"),
                                       ("Emergency Response Leading Group", "ZHAO Lixin"),
                                       ("Safety Production Committee", "ZHAO Lixin")}
    assert facts(ctx, "memberOf") == {(p, c) for c, p in facts(ctx, "chairedBy")}
    assert facts(ctx, "reportsTo") == {("Risk Management and Internal Control Committee", "Audit Committee"),
                                       ("Safety Production Committee", "ESG Committee")}


def test_a_chair_clause_after_a_board_that_only_qualifies_the_subject():
    ctx = context(["ESG委員會於二零二一年成立，為董事會轄下的委員會，由副主席兼行政總裁鄺詠詩女士擔任主席，成員包括"
                   "執行董事何俊賢先生及譚家豪先生。"], reporter="翠嶺置業")
    assert facts(ctx, "chairedBy") == {("ESG委員會", "鄺詠詩")}
    assert facts(ctx, "memberOf") == {(p, "ESG委員會") for p in ("鄺詠詩", "何俊賢", "譚家豪")}


def test_members_named_by_their_director_category():
    ctx = context(["董事 職位 審核委員會 薪酬委員會",
                   "鄺志遠先生 主席兼執行董事 – –",
                   "何俊賢先生 執行董事兼財務總監 – –",
                   "曾慧敏女士 非執行董事 成員 –",
                   "執行委員會由行政總裁鄺詠詩女士擔任主席，成員包括各執行董事及主要附屬公司的行政主管，負責日常營運管理。"],
                  reporter="翠嶺置業")
    members = {p for p, c in facts(ctx, "memberOf") if c == "執行委員會"}
    assert members == {"鄺詠詩", "鄺志遠", "何俊賢"}


def test_a_company_that_sets_up_a_body_owns_it():
    line = "翠嶺建築設有職業安全健康委員會，由董事總經理譚家豪先生擔任主席，並每季向ESG委員會匯報工地安全表現。"
    ctx = context([line], reporter="翠嶺置業")
    sent = ctx.sentences[0]
    sent.mentions[:] = [m for m in sent.mentions if m.type != "Company"]
    sent.mentions.append(Mention("Company", "翠嶺建築", "翠岭建筑", "zh-Hant", sent.evidence(), start=0, end=4))
    assert ("翠嶺建築", "職業安全健康委員會") in facts(ctx, "hasCommittee")
    assert ("職業安全健康委員會", "ESG委員會") in facts(ctx, "reportsTo")


def test_only_the_first_full_row_of_a_chart_sits_under_its_top_box():
    ctx = context(["董事會", "審核委員會 薪酬委員會 提名委員會 ESG委員會", "風險管理委員會 執行委員會 可持續發展工作小組"])
    assert facts(ctx, "reportsTo") == {(c, "董事會") for c in ("審核委員會", "薪酬委員會", "提名委員會", "ESG委員會")}


# Not from the dev set: the shapes of A+H share (Simplified) reports.
def test_a_share_chair_titles_and_member_lists():
    ctx = context(["审计委员会由三名独立董事组成，主任委员由独立董事刘晓东先生担任。",
                   "战略委员会委员：王建国（召集人）、李明、陈红。"], "zh-Hans", "X")
    assert facts(ctx, "chairedBy") == {("审计委员会", "刘晓东"), ("战略委员会", "王建国")}
    assert facts(ctx, "memberOf") == {("刘晓东", "审计委员会")} | {(p, "战略委员会") for p in ("王建国", "李明", "陈红")}


def test_a_share_composition_table_with_chief_member_marks():
    ctx = context(["董事会", "姓名 职务 战略委员会 审计委员会 提名委员会",
                   "王建国 董事长 主任委员 – 委员", "刘晓东 独立董事 – 主任委员 委员"], "zh-Hans", "X")
    chairs, members = composition(ctx)
    assert chairs == {("董事会", "王建国"), ("战略委员会", "王建国"), ("审计委员会", "刘晓东")}
    assert members == {("王建国", "董事会"), ("王建国", "战略委员会"), ("王建国", "提名委员会"),
                       ("刘晓东", "董事会"), ("刘晓东", "审计委员会"), ("刘晓东", "提名委员会")}


def test_other_members_and_a_body_reporting_as_that_committee():
    ctx = context(["可持續發展委員會由本公司主席兼執行董事陳大文先生擔任主席，其他成員包括獨立非執行董事李小明先生及執行董事"
                   "黃美玲女士。該委員會每年至少召開兩次會議，並向董事會匯報。"])
    assert facts(ctx, "memberOf") == {(p, "可持續發展委員會") for p in ("陳大文", "李小明", "黃美玲")}
    assert facts(ctx, "reportsTo") == {("可持續發展委員會", "董事會")}


# Not from the dev set: directors' biographies state their seats.
def test_english_biographies():
    ctx = context(["Mr. WANG Jianguo, aged 58, is the Chairman of the Board and an executive Director. He is also the "
                   "chairman of the Nomination Committee and a member of the Remuneration Committee.",
                   "Dr. CHAN Tai-man is a member of the ESG Committee and the Audit Committee."], "en", "X")
    assert facts(ctx, "chairedBy") == {("Board", "WANG Jianguo"), ("Nomination Committee", "WANG Jianguo")}
    assert facts(ctx, "memberOf") == {("WANG Jianguo", c) for c in ("Board", "Nomination Committee", "Remuneration Committee")} \
        | {("CHAN Tai-man", c) for c in ("ESG Committee", "Audit Committee")}


def test_a_role_after_a_list_of_bodies_holds_for_each():
    ctx = context(["李小明先生為審核委員會及薪酬委員會成員。"])
    assert facts(ctx, "memberOf") == {("李小明", "審核委員會"), ("李小明", "薪酬委員會")}


def test_members_named_in_later_clauses_and_lists_with_titles():
    ctx = context(["公司成立ESG领导小组，由董事长王建国任组长，总经理李明任副组长，成员包括各部门负责人。",
                   "董事长王建国先生担任ESG委员会主任委员，独立董事刘晓东先生和陈红女士担任委员。"], "zh-Hans", "X")
    assert facts(ctx, "chairedBy") == {("ESG领导小组", "王建国"), ("ESG委员会", "王建国")}
    assert facts(ctx, "memberOf") == {("王建国", "ESG领导小组"), ("李明", "ESG领导小组")} \
        | {(p, "ESG委员会") for p in ("王建国", "刘晓东", "陈红")}
    ctx = context(["本公司董事會由七名董事組成，包括執行董事張志明博士（主席）及王曉東博士，非執行董事劉芳女士，以及獨立非執行"
                   "董事黃偉強先生、陳家明先生及李嘉欣女士。"], reporter="X")
    assert facts(ctx, "memberOf") == {(p, "董事會") for p in ("張志明", "王曉東", "劉芳", "黃偉強", "陳家明", "李嘉欣")}
    assert facts(ctx, "chairedBy") == {("董事會", "張志明")}


def test_a_sentence_about_the_body_the_one_before_opened_with():
    ctx = context(["可持續發展委員會於2021年成立。該委員會由陳大文先生擔任主席，並向董事會匯報。其成員包括陳大文先生及李小明先生。"])
    assert facts(ctx, "chairedBy") == {("可持續發展委員會", "陳大文")}
    assert facts(ctx, "memberOf") == {("陳大文", "可持續發展委員會"), ("李小明", "可持續發展委員會")}
    assert facts(ctx, "reportsTo") == {("可持續發展委員會", "董事會")}
    ctx = context(["The Group’s Sustainability Committee was set up in 2021. It is chaired by Mr. LEE Ka Ho and reports "
                   "to the Board."], "en", "X")
    assert facts(ctx, "chairedBy") == {("Sustainability Committee", "LEE Ka Ho")}
    assert facts(ctx, "reportsTo") == {("Sustainability Committee", "Board")}


# The synthetic dev report bank_en: short column names, a table broken by a page footer,
# names with an English given name after them.
BANK_TABLE = [
    "The Board has established five committees: the Audit Committee, the Risk Committee, the Nomination "
    "Committee, the Remuneration Committee and the Sustainability Committee.",
    "Director Designation Audit Risk Nomination Remuneration Sustainability",
    "Mr. ZHOU Weiming Chairman and Non-executive Director – – C – –",
    "Mr. LEUNG Ka Chun Executive Director and Chief – M – – M",
    "Executive",
    "Professor CHEUNG Siu Ming Independent Non-executive Director – M M – C",
    "Environmental, Social and Governance Report 2024 7",
    "SUSTAINABILITY GOVERNANCE",
    "Mr. LAU Chi Keung, Andrew Independent Non-executive Director C M – M –",
    "C: Chairman of the committee M: Member of the committee",
    "The Audit Committee, chaired by Mr. Andrew LAU, oversees financial reporting.",
]


def test_a_table_whose_header_names_the_committees_short():
    chairs, members = composition(context(BANK_TABLE, "en", "Evermount"))
    assert chairs == {("Board", "ZHOU Weiming"), ("Nomination Committee", "ZHOU Weiming"),
                      ("Sustainability Committee", "CHEUNG Siu Ming"), ("Audit Committee", "LAU Chi Keung"),
                      ("Audit Committee", "Andrew LAU")}
    assert {c for p, c in members if p == "LAU Chi Keung"} == {"Board", "Audit Committee", "Risk Committee",
                                                               "Remuneration Committee"}
    assert {c for p, c in members if p == "LEUNG Ka Chun"} == {"Board", "Risk Committee", "Sustainability Committee"}


def test_english_prose_of_management_committees():
    ctx = context([
        "The Climate Risk Working Group, set up in 2021 and chaired by Mr. NG Kwok Wai, brings together risk "
        "management and credit. It reports to the ESG Steering Group and presents a quarterly climate risk report to "
        "the Risk Committee. The Green Finance Working Group, led by Mr. CHOW Tsz Hin, is responsible for the green "
        "bond framework; it reports to the ESG Steering Group.",
        "Management Committees The Executive Committee, chaired by Mr. LEUNG Ka Chun, is the Group's most senior "
        "management committee and reports to the Board. Its members are Ms. HO Wing Sze, Mr. KWOK Chi Fai and "
        "Ms. LO Pui Shan, Chief Executive of Evermount Life. Three specialist committees report to the Risk Committee:",
        "the Credit Committee, chaired by Ms. HO Wing Sze; the Asset and Liability Committee (“ALCO”), chaired by Mr. "
        "CHOW Tsz Hin; and the Operational Risk and Compliance Committee, chaired by Mr. NG Kwok Wai.",
        "The Nomination Committee is chaired by the Chairman of the Board, Mr. ZHOU Weiming, and the Remuneration "
        "Committee by Dr. YIP Mei Ling."], "en", "Evermount")
    assert facts(ctx, "reportsTo") == {("Climate Risk Working Group", "ESG Steering Group"),
                                       ("Green Finance Working Group", "ESG Steering Group"),
                                       ("Executive Committee", "Board"), ("Credit Committee", "Risk Committee"),
                                       ("Asset and Liability Committee", "Risk Committee"),
                                       ("Operational Risk and Compliance Committee", "Risk Committee")}
    assert facts(ctx, "chairedBy") == {
        ("Climate Risk Working Group", "NG Kwok Wai"), ("Green Finance Working Group", "CHOW Tsz Hin"),
        ("Executive Committee", "LEUNG Ka Chun"), ("Credit Committee", "HO Wing Sze"),
        ("Asset and Liability Committee", "CHOW Tsz Hin"), ("Operational Risk and Compliance Committee", "NG Kwok Wai"),
        ("Nomination Committee", "ZHOU Weiming"), ("Remuneration Committee", "YIP Mei Ling")}
    assert {p for p, c in facts(ctx, "memberOf") if c == "Executive Committee"} == {
        "LEUNG Ka Chun", "HO Wing Sze", "KWOK Chi Fai", "LO Pui Shan"}


# The synthetic dev reports education_zh-Hans and resort_zh-Hant.
def test_a_body_reporting_to_another_is_the_subject_of_the_clauses_after():
    ctx = context(["可持續發展委員會直接向董事會負責，由獨立非執行董事梁詠詩女士擔任主席，成員包括鄭卓賢先生、盧家豪先生及馬慧敏女士。",
                   "負責任博彩工作小組同樣向可持續發展委員會匯報，由瀾庭娛樂度假村營運總裁歐陽俊傑先生擔任組長。",
                   "由首席風險官林子健先生擔任主席的風險管理委員會屬管理層委員會，向審核委員會匯報。"])
    assert facts(ctx, "chairedBy") == {("可持續發展委員會", "梁詠詩"), ("負責任博彩工作小組", "歐陽俊傑"),
                                       ("風險管理委員會", "林子健")}
    assert facts(ctx, "reportsTo") == {("可持續發展委員會", "董事會"), ("負責任博彩工作小組", "可持續發展委員會"),
                                       ("風險管理委員會", "審核委員會")}


def test_committees_listed_after_a_count_and_one_led_by_a_role():
    ctx = context(["董事會轄下設有五個董事委員會，分別為審核委員會、薪酬委員會、提名委員會、可持續發展委員會及合規委員會。",
                   "可持續發展工作小組下設由瀾庭設施工程總監領導的能源專責組，負責節能項目的評估。"])
    assert facts(ctx, "reportsTo") == {(c, "董事會") for c in ("審核委員會", "薪酬委員會", "提名委員會", "可持續發展委員會",
                                                              "合規委員會")} | {("能源專責組", "可持續發展工作小組")}


def test_a_body_that_only_qualifies_a_noun_is_no_subject():
    ctx = context(["ESG执行小组负责落实ESG委员会的决议，统筹ESG数据收集及报告编制，并每半年向ESG委员会汇报工作进展。"],
                  "zh-Hans", "X")
    assert facts(ctx, "reportsTo") == {("ESG执行小组", "ESG委员会")}


def test_a_composition_row_whose_cells_lost_their_spaces():
    ctx = context(["姓名 职务 性别 审核委员会 薪酬委员会", "陈明远 董事会主席、执行董事 男 — 主席", "黄蕴华执行董事、首席财务官女 — —",
                   "何志恒 独立非执行董事 男 主席 成员"], "zh-Hans", "X")
    assert {p for p, c in facts(ctx, "memberOf")} == {"陈明远", "黄蕴华", "何志恒"}
    assert facts(ctx, "chairedBy") == {("董事会", "陈明远"), ("薪酬委员会", "陈明远"), ("审核委员会", "何志恒")}


def test_the_company_a_sentence_opens_with_owns_the_body_it_sets_up():
    line = "瀾庭餐飲的中央廚房已取得ISO 22000:2018認證，並設有由行政總廚擔任組長的食品安全管理小組，負責制定食品安全計劃。"
    ctx = context([line], reporter="瀾庭國際")
    sent = ctx.sentences[0]
    sent.mentions[:] = [m for m in sent.mentions if m.type != "Company"]
    sent.mentions.append(Mention("Company", "瀾庭餐飲", "澜庭餐饮", "zh-Hant", sent.evidence(), start=0, end=4))
    assert facts(ctx, "hasCommittee") == {("瀾庭餐飲", "食品安全管理小組")}


def test_a_body_named_after_another_company_is_its_own():
    # (the dev report's 廣東明泓理工學院理事會, in a shape the committee recogniser reads alone)
    ctx = context(["瀾庭娛樂職業健康及安全委員會每月召開會議，並每季向可持續發展工作小組匯報。"], reporter="瀾庭國際")
    ctx.mentions.append(Mention("Company", "瀾庭娛樂", "澜庭娱乐", "zh-Hant", ctx.sentences[0].evidence(), start=100, end=104))
    assert ("瀾庭娛樂", "瀾庭娛樂職業健康及安全委員會") in facts(ctx, "hasCommittee")
