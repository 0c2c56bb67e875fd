"""Reporting-framework mentions (components/framework.py) and follows (relations/frameworks.py),
on sentences from the seed reports."""
import pytest

from extractors.components.framework import flexible
from extractors.model import Document
from extractors.normalise import match_key
from extractors.pipeline import recognise
from extractors.relations import frameworks as rel


def frameworks(rows, lang="zh-Hant"):
    ctx = recognise(Document.from_rows(rows if isinstance(rows, list) else [rows], lang))
    return [m for m in ctx.mentions if m.type == "ReportingFramework"]


def followed(rows, lang="zh-Hant"):
    ctx = recognise(Document.from_rows(rows if isinstance(rows, list) else [rows], lang))
    return sorted({r.object.key for r in rel.extract(ctx) if r.subject is None})


@pytest.fixture(scope="module", autouse=True)
def warm():
    frameworks("GRI")


BASIS_000 = "本報告基於香港聯交所「上市規則指引」—附錄二十七《環境、社會及管治報告指引》（HKEX-ESG）編製。"
BASIS_001 = ("This report is prepared in accordance with the Environmental, Social and Governance Reporting "
             "Guide of the Stock Exchange of Hong Kong Limited (HKEX), and also meets the requirements of the "
             "Chinese Corporate Social Responsibility Report Preparation Guide issued by the Chinese Academy of "
             "Social Sciences and the ISO 26000: Guidance on Social Responsibility (2010) issued by the "
             "International Organization for Standardization.")


def test_hkex_guide_spellings_share_one_key_and_label():
    found = frameworks(BASIS_000)
    assert [(m.key, m.text, m.label) for m in found] == [
        ("hkex-esg", "環境、社會及管治報告指引", "環境、社會及管治報告指引"),
        ("hkex-esg", "HKEX-ESG", "環境、社會及管治報告指引")]
    code = frameworks("本報告編制遵循香港交易及結算所有限公司（簡稱「 聯交所」）發佈的主板上市規則附錄 C2《環境、社會及管治報告守則》（簡稱「 聯交所ESG守則」）")
    assert [m.key for m in code] == ["hkex-esg", "hkex-esg"]


def test_english_basis_names_three_frameworks():
    found = frameworks(BASIS_001, "en")
    assert [m.key for m in found] == ["hkex-esg", "cass-csr", "iso26000"]
    assert found[1].label == "Chinese Corporate Social Responsibility Report Preparation Guide"


def test_gri_title_and_acronym_are_separate_surfaces_of_one_framework():
    found = frameworks("本報告依據全球永續標準理事會（GSSB）發布的《可持續發展報告標準（GRI STANDARDS）》")
    assert [(m.key, m.text) for m in found] == [("gri", "可持續發展報告標準"), ("gri", "GRI STANDARDS")]


def test_ghg_accounting_standards_across_a_line_break():
    text = ("3. 2024 年，京東健康溫室氣體盤查依據包括：ISO 14064-1：2018 溫室氣體 - 部分 1：組織層面溫室氣體排放和移除的"
            "量化和報告的要求及指南、溫室氣\n體核算體系 - 企業核算與報告標準、溫室氣體核算體系 - 企業價值鏈（範圍三）核算與報告標準。")
    assert [m.key for m in frameworks(text)] == ["iso14064-1", "ghg-protocol-corporate", "ghg-protocol-scope3"]
    assert followed(text) == ["ghg-protocol-corporate", "ghg-protocol-scope3", "iso14064-1"]


def test_ifrs_s2_with_a_footnote_mark_and_sdgs_as_a_reference():
    text = ("此外，本報告參考MSCI3、S&P DJSI4 等主流 ESG 評級指數，並結合聯合國可持續發展目標（SDGs5）、"
            "《國際財務報告可持續披露準則第 2號——氣候相關披露（IFRS S26）》之建議進行編寫。")
    assert [m.key for m in frameworks(text)] == ["un-sdgs", "ifrs-s2", "ifrs-s2"]


def test_sdgs_outside_the_reporting_basis_are_no_framework():
    assert frameworks(["联合国可持续发展目标指出，创新、基础设施建设和产业发展息息相关。"], "zh-Hans") == []


def test_follows_needs_a_basis_word_or_heading():
    assert followed(BASIS_000) == ["hkex-esg"]
    assert followed(BASIS_001, "en") == ["cass-csr", "hkex-esg", "iso26000"]
    assert followed("香港聯交所《環境、社會及管治報告指引》內容索引") == ["hkex-esg"]
    # a footnote defining GRI, an item in a list of issue sources
    assert followed("2  GRI，Global Reporting Initiative，即全球報告倡議組織。") == []
    assert followed([("• HKEX ESG Reporting Guide", "paragraph", "Identifying issues")], "en") == []
    assert followed([("• HKEX ESG Reporting Guide", "paragraph", "Reporting Guidelines")], "en") == ["hkex-esg"]


def test_flexible_patterns_tolerate_breaks_between_chinese_characters_only():
    rx = flexible("温室气体核算体系|(?<=对应)目标[一二]")
    assert rx.search("温室气\n体核算 体系") and rx.search("对应目标一")
    assert not rx.search("对应 目标一") and not rx.search("目标 \n二")


# Guideline titles no gazetteer entry lists, where the report states its basis. Sentences from the
# synthetic dev reports (tests/data/synthetic/dev) and seed 004.
HK_BASIS = "編製基準"


def test_a_quoted_guideline_in_the_basis_section_is_a_followed_framework():
    title = "香港建築物（商業、住宅或公共用途）的溫室氣體排放及減除的審計和報告指引"
    rows = [("溫室氣體排放數據的計算參照以下標準及指引：", "paragraph", HK_BASIS),
            ("•  ISO 14064-1:2018；", "paragraph", HK_BASIS),
            (f"•  《{title}》（香港環境保護署及機電工程署發佈）。", "paragraph", HK_BASIS)]
    found = frameworks(rows)
    assert [(m.key, m.text) for m in found] == [("iso14064-1", "ISO 14064-1:2018"), (match_key(title), title)]
    assert followed(rows) == sorted(["iso14064-1", match_key(title)])


def test_an_english_guideline_title_in_the_emissions_method_sentence():
    # adapted: water_services_en line 54 with Hong Kong's buildings guideline as the basis
    title = ("Guidelines to Account for and Report on Greenhouse Gas Emissions and Removals for Buildings "
             "(Commercial, Residential or Institutional Purposes) in Hong Kong")
    text = f"Greenhouse gas emissions are quantified in accordance with the {title} issued by the EMSD and the EPD."
    assert [m.text for m in frameworks(text, "en")] == [title]


def test_an_english_title_ends_at_its_head_word_not_in_a_body_name():
    text = ("The Report has also been prepared with reference to the GRI Standards (2021) issued by the Global "
            "Sustainability Standards Board, and the Water Utilities & Services Sustainability Accounting "
            "Standard of the Sustainability Accounting Standards Board (\"SASB\").")
    found = frameworks([(text, "paragraph", "Basis of Preparation")], "en")
    assert [m.text for m in sorted(found, key=lambda m: m.start)] == [
        "GRI Standards", "Water Utilities & Services Sustainability Accounting Standard", "SASB"]


def test_discharge_standards_complied_with_are_no_framework():
    assert frameworks("我們在廢水排放過程中嚴格遵守《污水綜合排放標準》的有關要求，確保污水達標排放。") == []  # 004 l. 2819
    text = ("In 2023, all of our water supply plants met the new national Standards for Drinking Water Quality "
            "(GB 5749-2022) in full.")
    assert frameworks([(text, "paragraph", "Reporting Principles")], "en") == []


def test_a_framework_the_report_will_follow_is_not_followed():
    future = "我們將按照ISSB準則及聯交所新氣候相關披露要求，進一步完善氣候風險管理。"  # hk_property_zh-Hant l. 111
    assert frameworks(future) == []
    assert followed("本報告參考ISSB準則編製。") == ["issb"]
    assert followed("本報告按照《GRI標準》編製，並將參照TCFD的建議完善氣候披露。") == ["gri"]


def test_numbered_basis_items_name_their_guidelines():
    # tests/data/openings/10_zh-Hans lines 35-39: a numbered list under 编制依据
    head = "编制依据"
    rows = [(row, "paragraph", head) for row in (
        "1. 香港联合交易所有限公司《证券上市规则》附录C2《环境、社会及管治报告守则》",
        "2. 原中国银行保险监督管理委员会《银行业保险业绿色金融指引》",
        "3. 中国银行业协会《中国银行业金融机构企业社会责任指引》")]
    assert [m.text for m in frameworks(rows, "zh-Hans")] == [
        "环境、社会及管治报告守则", "银行业保险业绿色金融指引", "中国银行业金融机构企业社会责任指引"]


# --- round 4 (dev reports) -------------------------------------------------------------------

def test_sasb_industry_standards_named_in_english_are_one_framework_each():
    found = frameworks("The report also considers metrics from the SASB Commercial Banks Standard and the SASB "
                       "Insurance Standard.", "en")
    assert [(m.key, m.label) for m in found] == [
        ("sasb-commercialbanks", "SASB Commercial Banks Standard"), ("sasb-insurance", "SASB Insurance Standard")]
    assert [m.key for m in frameworks("We considered the SASB standards for commercial banks.", "en")] == ["sasb"]


def test_the_pcaf_standard_broken_over_a_line():
    found = frameworks("Financed emissions are estimated in accordance with The Global GHG Accounting and\n"
                       "Reporting Standard for the Financial Industry, developed by the Partnership for Carbon "
                       "Accounting Financials (the “PCAF Standard”).", "en")
    assert {m.key for m in found} == {"pcaf-standard"}
    assert found[0].text.split() == "The Global GHG Accounting and Reporting Standard for the Financial Industry".split()


def test_a_short_name_defined_after_a_title_is_that_title_not_another_framework():
    row = "•  世界資源研究所及世界可持續發展工商理事會發佈的《溫室氣體核算體系：企業核算與報告標準》（「溫室氣\n體議定書」）；"
    assert [m.key for m in frameworks([(row, "paragraph", "匯報基準")])] == ["ghg-protocol-corporate"]


def test_a_title_printed_after_a_named_standard_is_its_title():
    rows = [("溫室氣體排放數據參照以下標準計算：", "paragraph", "匯報基準"),
            ("•  ISO 14064-1:2018《組織層面溫室氣體排放和移除的量化和報告的規範及指南》。", "paragraph", "匯報基準")]
    assert [m.key for m in frameworks(rows)] == ["iso14064-1"]


def test_a_title_broken_over_a_line_with_a_trial_mark_is_one_framework():
    rows = [("温室气体排放数据参照以下标准计算：", "paragraph", "汇报基准"),
            ("•  国家发展和改革委员会发布的《公共建筑运营单位（企业）温室气体排放核算方法和报告指\n南（试行）》。",
             "paragraph", "汇报基准")]
    [m] = frameworks(rows, "zh-Hans")
    assert m.key == match_key("公共建筑运营单位（企业）温室气体排放核算方法和报告指南（试行）")
