"""The committee recogniser on real lines of the seed reports: where a name starts, which
bodies are not the company's (government, standard setters), and the keys that make one body
one entity across scripts, languages and a report's wrapped lines."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors.components.committee import committee_key
from extractors.model import Block, Document
from extractors.pipeline import recognise
from extractors.reading import read_document

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "reports"


def lines_document(lines: list[str], lang: str = "zh-Hant") -> Document:
    """A report of ``lines``, one block per line (also used by test_person, test_governance)."""
    blocks, starts, off = [], [], 0
    for i, line in enumerate(lines, 1):
        blocks.append(Block(line, off, i))
        starts.append(off)
        off += len(line) + 1
    return Document("t.txt", "\n".join(lines), lang, "utf-8", blocks, starts, list(range(1, len(lines) + 1)))


def read_lines(lines: list[str], lang: str = "zh-Hant") -> list:
    """The Committee mentions the pipeline finds in ``lines``."""
    return [m for m in recognise(lines_document(lines, lang)).mentions if m.type == "Committee"]


def names(lines: list[str], lang: str = "zh-Hant") -> list[str]:
    return [m.text for m in read_lines(lines, lang)]


def test_a_list_after_xia_she_gives_each_name():
    found = read_lines(["董事會是公司的最高決策機構，下設有審核委員會、薪酬委員會、提名委員會。"])
    assert [(m.text, m.key) for m in found] == [
        ("董事會", "board"), ("審核委員會", "audit-committee"),
        ("薪酬委員會", "remuneration-committee"), ("提名委員會", "nomination-committee")]


def test_an_org_chart_row_of_names():
    assert names(["審核委員會 薪酬委員會 提名委員會"]) == ["審核委員會", "薪酬委員會", "提名委員會"]


def test_conjunctions_inside_a_name_stay_and_generic_mentions_go():
    line = ("公司建立了完善的風險管理架構，以首席執行官領導的風險管理委員會為核心，下設數據安全委員會、藥事管理與藥物"
            "治療學委員會、醫院醫療器械和醫用耗材管理委員會、健康專家委員會，各委員會之間協同合作，提升風險管理水平。")
    assert names([line]) == ["風險管理委員會", "數據安全委員會", "藥事管理與藥物治療學委員會",
                             "醫院醫療器械和醫用耗材管理委員會", "健康專家委員會"]


def test_two_bodies_joined_by_he_are_two_names():
    assert names(["風險匯報是向本集團的管理層、董事會及其下設的審核委員會和風險管理委員會，上報風險管理和內部控制系統的設計及實施的有效性。"]) \
        == ["董事會", "審核委員會", "風險管理委員會"]


def test_a_board_that_owns_a_committee_is_cut_from_its_name():
    found = read_lines(["阿里健康董事會風險管理委員會負責公司的信息安全，參與公司數據安全的監督與最高決策工作。"])
    assert [(m.text, m.key) for m in found] == [("董事會", "board"), ("風險管理委員會", "risk-management-committee")]


def test_the_bracketed_short_name_is_the_same_body():
    found = read_lines(["京東集團的職業健康安全委員會（OHS 委員會）作為職業健康安全領域的最高管理機構"])
    assert [m.text for m in found] == ["職業健康安全委員會", "OHS 委員會"]
    assert found[0].key == found[1].key


def test_a_bare_head_word_takes_the_reports_one_named_body():
    found = read_lines(["為確保 ESG 工作的順利推進，公司成立了 ESG 統籌管理小組和領導小組，負責 ESG 事項的執行、報告等相關工作。",
                        "ESG 領導小組由各部門和業務線負責人組成，負責推進 ESG 工作落地。"])
    keys = {m.text: m.key for m in found}
    assert keys["領導小組"] == keys["ESG 領導小組"] != keys["ESG 統籌管理小組"]


def test_a_chart_box_wrapped_over_two_lines_takes_the_full_name():
    found = read_lines(["下設數據安全委員會、藥事管理與藥物治療學委員會、健康專家委員會。", "藥事管理與藥物", "治療學委員會"])
    wrapped = [m for m in found if m.text == "治療學委員會"]
    assert wrapped and wrapped[0].label == "藥事管理與藥物治療學委員會"
    assert wrapped[0].key == committee_key("藥事管理與藥物治療學委員會")


@pytest.mark.parametrize("line", [
    "有關從業人員資質信息均可在中華人民共和國國家衛生健康委員會（簡稱「衛健委」）網站予以確認。",
    "兒童保健等工作，推進健康社區和村（居）民委員會下屬公共衛生委員會建設。",
    "董事會及其各專業委員會主要負責確定公司戰略方向及整體策略，監督管理層的工作和業務表現。",
])
def test_government_and_generic_bodies_are_not_committees(line):
    assert names([line]) in ([], ["董事會"])


def test_simplified_reports_too():
    assert names(["阿里巴巴集团董事会可持续发展委员会负责整体领导和监督集团包括气候和碳中和目标规划在内的 ESG 战略及行动的实施。"],
                 "zh-Hans") == ["董事会", "可持续发展委员会"]
    assert names(["董事会成员中 58% 为独立董事。目前四个委员会中，三个由独立董事担任主席。"], "zh-Hans") == ["董事会"]
    assert names(["其中包括阿里巴巴年报及其他向美国证券交易委员会递交的申报文件"], "zh-Hans") == []


def test_english_names_and_owners():
    """In the whole English seed report: "Alibaba Health" is an owner's name the report uses
    on its own, so the Philanthropy Committee is one body however it is named."""
    ctx = recognise(read_document(SEEDS / "001_2ff9cd499980ebd2.txt"))
    found = [m for m in ctx.mentions if m.type == "Committee"]
    assert {m.text for m in found} == {"Alibaba Health Philanthropy Committee", "Philanthropy Committee",
                                       "Alibaba Health Integrity Team"}
    assert len({m.key for m in found if "Philanthropy" in m.text}) == 1


@pytest.mark.parametrize("line", [
    "The project is headed by the National Technical Committee of Standardization of Information Security.",
    "Alibaba Health actively responds to the strategic decision made by the Fifth Plenary Session of the 18th CPC Central Committee",
    "A quality inspection team conducts service quality inspections of service personnel",
])
def test_english_outside_bodies_and_plain_teams_are_not_committees(line):
    assert names([line], "en") == []


def test_standard_bodies_share_a_key_across_scripts_and_languages():
    assert committee_key("審核委員會") == committee_key("审计委员会") == committee_key("Audit Committee") == "audit-committee"
    assert committee_key("環境、社會及管治委員會") == committee_key("ESG Committee") == "esg-committee"
    assert committee_key("董事會") == committee_key("Board of Directors") == "board"
    assert committee_key("紀律管理委員會") == "纪律管理委员会"


def test_an_owners_name_before_a_body_is_cut_and_kept_as_an_alias():
    """阿里巴巴 starts a company name the report writes (阿里巴巴集团…) and is used often, so it
    owns the body; 科技 is an ordinary word and stays in 科技伦理治理委员会."""
    found = read_lines(["我们支持员工主动发起公益行动，形成了独特的由员工领导、选举的阿里巴巴公益委员会。",
                        "阿里巴巴集团董事会可持续发展委员会负责整体领导和监督集团包括气候风险治理和碳中和目标规划在内的 ESG 战略及行动的实施。",
                        "阿里巴巴集团董事会主席",
                        "今年我们成立了科技伦理治理委员会，由集团首席技术官程立领导。"], "zh-Hans")
    by_text = {m.text: m for m in found}
    assert by_text["公益委员会"].aliases == ("阿里巴巴公益委员会",)
    assert "科技伦理治理委员会" in by_text


def test_without_evidence_of_a_company_the_prefix_stays():
    assert names(["我们支持员工主动发起公益行动，形成了独特的由员工领导、选举的阿里巴巴公益委员会。"], "zh-Hans") \
        == ["阿里巴巴公益委员会"]


def test_a_defined_short_name_is_the_body_wherever_it_is_used():
    found = read_lines(["集团风险管理委员会（下称“风管会”）",
                        "- 风管会由集团 CEO 直接领导，是集团风险管理组织体系的最高控制和决策机构。"], "zh-Hans")
    assert [(m.text, m.key) for m in found] == [("风险管理委员会", "risk-management-committee"),
                                                ("风管会", "risk-management-committee"),
                                                ("风管会", "risk-management-committee")]


# Not from the seeds: short realistic sentences for boundaries the seeds do not exercise.
@pytest.mark.parametrize("line, expected", [
    ("我们持续深化可持续发展委员会的职能，公司积极推动ESG委员会履职。", ["可持续发展委员会", "ESG委员会"]),
    ("集团不断加快推进安全生产委员会的建设。", ["安全生产委员会"]),
    ("公司设立ESG推进委员会及内部审计委员会。", ["ESG推进委员会", "内部审计委员会"]),
])
def test_verbs_and_adverbs_by_their_part_of_speech_end_a_name(line, expected):
    assert names([line], "zh-Hans") == expected


def test_english_defined_acronym():
    """Not from the seeds: (the "RMC") after a body's name."""
    found = read_lines(['The Risk Management Committee (the "RMC") oversees the risk management system.',
                        "The RMC meets quarterly."], "en")
    assert [m.key for m in found] == ["risk-management-committee"] * 3


# From the synthetic dev reports (tests/data/synthetic/dev/): boundaries the seeds do not exercise.
DEV = Path(__file__).resolve().parent / "data" / "synthetic" / "dev"


def test_a_stop_word_glued_to_a_fixed_modifier_ends_the_name():
    """jieba cuts 評估結果|經可|持續發展: the 經 before 可持續發展 still ends the name on its
    left, and the bare 工作小組 then joins the report's one named working group."""
    found = read_lines(["認：評估結果經可持續發展工作小組討論後，由ESG委員會審閱及確認。",
                        "工作小組向ESG委員會匯報，負責落實可持續發展策略。"])
    assert [m.text for m in found] == ["可持續發展工作小組", "ESG委員會", "工作小組", "ESG委員會"]
    assert found[0].key == found[2].key


@pytest.mark.parametrize("line, expected", [
    ("我們設立了碳中和工作小組及綠色建築專責小組。", ["碳中和工作小組", "綠色建築專責小組"]),
    ("本集團成立了由行政總裁領導的氣候變化專責小組。", ["氣候變化專責小組"]),
    ("公司成立疫情防控工作領導小組，全面部署防疫工作。", ["疫情防控工作領導小組"]),
])
def test_task_forces_and_leading_groups(line, expected):
    """Not from the seeds: 碳中和 keeps its 和; 專責小組 and 領導小組 names."""
    assert names([line]) == expected


def test_a_bare_task_force_is_the_reports_one_named_task_force():
    found = read_lines(["工作小組轄下設有氣候風險專責小組，負責識別及評估氣候相關實體風險與轉型風險。",
                        "該專責小組每半年向工作小組匯報。"])
    keys = {m.text: m.key for m in found}
    assert keys["專責小組"] == keys["氣候風險專責小組"]


def test_a_wrapped_table_header_repeats_no_name():
    assert names(["Director Designation Audit Remuneration Nomination ESG",
                  "Committee Committee Committee Committee"], "en") == []


def test_a_flattened_chart_rows_tier_label_is_no_part_of_the_name():
    lines = (DEV / "water_services_en.txt").read_text(encoding="utf-8").splitlines()
    chart = lines[lines.index("ESG Governance Structure"):][:6]
    found = read_lines(chart + ["The ESG Working Group reports to the ESG Committee on a quarterly basis."], "en")
    assert [m.text for m in found] == ["Board of Directors", "ESG Committee", "ESG Working Group",
                                       "ESG Committee", "ESG Working Group", "ESG Committee"]


def test_a_name_the_report_prints_in_full_elsewhere_keeps_its_first_word():
    """Not from the seeds: Risk is no tier label when the report writes the whole name again."""
    found = names(["Board of Directors", "Risk Management Committee", "Audit Committee",
                   "The Management Committee meets monthly.",
                   "The Risk Management Committee reports to the Audit Committee."], "en")
    assert found.count("Risk Management Committee") == 2


@pytest.mark.parametrize("line, expected", [
    ("The Safety Production Committee, chaired by Mr. ZHAO Lixin, is the highest management body for production",
     ["Safety Production Committee"]),
    ("that hit Shenzhen in September 2023, the Group's Emergency Response Leading Group, headed by Mr. ZHAO Lixin,",
     ["Emergency Response Leading Group"]),
])
def test_english_management_bodies(line, expected):
    assert names([line], "en") == expected


@pytest.mark.parametrize("line, expected", [
    # 負責任 is read 負責|任 by jieba: the stop verb must not cut the adjective off the name
    ("負責任博彩工作小組同樣向可持續發展委員會匯報，由營運總裁擔任組長。", ["負責任博彩工作小組", "可持續發展委員會"]),
    ("可持續發展工作小組下設由設施工程總監領導的能源專責組，負責節能項目的評估。", ["可持續發展工作小組", "能源專責組"]),
    # 管理層委員會 says at what level a body sits, it names none
    ("風險管理委員會屬管理層委員會，向審核委員會匯報。", ["風險管理委員會", "審核委員會"]),
])
def test_responsible_task_groups_and_a_bodys_level(line, expected):
    """Adapted from the resort dev report (made-up wording around the heads)."""
    assert names([line]) == expected


def test_the_council_of_the_groups_own_college_is_a_body_an_outside_ones_is_not():
    """Adapted from the education dev report (made-up names): the college the report names
    again and again is the group's; a university named once is an outside institution."""
    lines = ["本集团旗下的江南明德理工学院为民办普通本科高校。", "江南明德理工学院实行理事会领导下的校长负责制。",
             "江南明德理工学院理事会由举办者代表、校长及外部专家组成。",
             "华南师范大学理事会亦来访交流。", "国际可持续准则理事会（ISSB）发布的准则。"]
    assert names(lines, "zh-Hans") == ["江南明德理工学院理事会"]


@pytest.mark.parametrize("line, expected", [
    # made-up sentences in the seeds' style: bodies of a city, a province or the party are
    # the government's; a policy word (振兴) and a conjunction before an acronym stay in a name
    ("本集团响应上海市节能减排工作领导小组的部署，并成立了乡村振兴工作领导小组。", ["乡村振兴工作领导小组"]),
    ("广东省教育厅及中共广东省委教育工作委员会的要求。市安全生产委员会组织检查。", []),
    ("公司董事会下设战略与ESG委员会。", ["董事会", "战略与ESG委员会"]),
])
def test_government_bodies_and_whole_names(line, expected):
    assert names([line], "zh-Hans") == expected


def test_an_english_body_of_an_outside_organisation():
    line = ("We joined the Climate Change Committee of the Hong Kong General Chamber of Commerce; "
            "the Audit Committee of the Board reviewed it.")
    assert names([line], "en") == ["Audit Committee", "Board"]
