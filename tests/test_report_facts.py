"""The report's own facts (extractors/report.py): publisher, period, title, defined names.

Publisher and period are read from the opening pages of the seed reports themselves (only
their first blocks are recognised, to keep this fast); the edge cases use seed sentences.
"""
from dataclasses import replace
from pathlib import Path

import pytest

from extractors.model import Document
from extractors.normalise import match_key
from extractors.pipeline import recognise
from extractors.reading import read_document
from extractors.report import (
    find_period,
    is_reporter_reference,
    read_cover,
    read_head,
    read_report_facts,
    reporter_spans,
    short_forms,
)

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "reports"


def head_ctx(prefix: str, blocks: int = 150):
    [path] = SEEDS.glob(prefix + "_*.txt")
    doc = read_document(path)
    ctx = recognise(replace(doc, blocks=doc.blocks[:blocks]))
    read_report_facts(ctx)
    return ctx


def document(rows, lang="zh-Hant"):
    return Document.from_rows(rows, lang, "t.txt")


@pytest.fixture(scope="module")
def seeds():
    return {p: head_ctx(p) for p in ("000", "001", "002", "003", "004")}


@pytest.mark.parametrize("prefix,publisher,start,end", [
    ("000", "阿里健康信息技術有限公司", "2021-04-01", "2022-03-31"),
    ("001", "Alibaba Health Information Technology Limited", "2017-04-01", "2018-03-31"),
    ("002", "阿里巴巴集团控股有限公司", "2021-04-01", "2022-03-31"),
    ("003", "醫脈通科技有限公司", "2022-01-01", "2022-12-31"),
    ("004", "京東健康股份有限公司", "2024-01-01", "2024-12-31"),
])
def test_publisher_and_period_of_each_seed(seeds, prefix, publisher, start, end):
    report = seeds[prefix].report
    assert report.publisher.label == publisher
    assert report.publisher.key == match_key(publisher)
    assert (report.period_start, report.period_end) == (start, end)


def test_defined_short_names_become_aliases_and_keys(seeds):
    ctx = seeds["000"]
    pub = ctx.report.publisher
    assert "阿里健康" in pub.aliases
    assert "公司" not in pub.aliases and "我們" not in pub.aliases
    # 「阿里巴巴集團」指代阿里巴巴集團控股有限公司: the short name takes the full name's key
    group = [m for m in ctx.mentions if m.text == "阿里巴巴集團"]
    assert group and {m.key for m in group} == {match_key("阿里巴巴集團控股有限公司")}
    # the reporter's short name is a mention with the reporter's key wherever it is used
    short = [m for m in ctx.mentions if m.text == "阿里健康"]
    assert len(short) > 5 and {m.key for m in short} == {pub.key}


def test_generic_self_references_are_not_mentions_but_refer_to_the_reporter(seeds):
    ctx = seeds["003"]
    assert not [m for m in ctx.mentions if m.type == "Company" and m.text in ("本公司", "我們", "公司")]
    assert is_reporter_reference(ctx, "本公司") and is_reporter_reference(ctx, "醫脈通")
    assert not is_reporter_reference(ctx, "香港聯合交易所有限公司")
    sent = next(s for s in ctx.sentences if "我們" in s.text)
    assert any(sent.text[a:b] == "我們" for a, b in reporter_spans(ctx, sent))


def test_the_exchange_in_a_disclaimer_is_never_the_publisher():
    rows = [
        "本報告編制遵循香港交易及結算所有限公司（簡稱「 聯交所」）發佈的主板上市規則附錄 C2《環境、社會及管治報告守則》",
        "本報告可在香港聯合交易所有限公司網站及本公司網站下載瀏覽。",
        "本報告為京東健康發佈的第 5 份環境、社會及管治報告，旨在展示京東健康股份有限公司（以下簡稱「公司」「京東健康」或「我們」）在環境、社會及管治的策略、管理和實踐情況。",
    ]
    ctx = recognise(document(rows))
    read_report_facts(ctx)
    assert ctx.report.publisher.label == "京東健康股份有限公司"
    assert ctx.report.publisher.evidence.line == 3


@pytest.mark.parametrize("rows,lang,want", [
    # adapted: the usual HKEX formulas with a stock code and the group defined beside the company
    (["本報告由醫脈通科技有限公司（股份代號：2192）（「本公司」，連同其附屬公司統稱「本集團」）發佈。"], "zh-Hant",
     "醫脈通科技有限公司"),
    (["This report is published by Alibaba Health Information Technology Limited (the “Company”, together with "
      "its subsidiaries, the “Group”)."], "en", "Alibaba Health Information Technology Limited"),
])
def test_publisher_defined_with_the_group_in_one_parenthesis(rows, lang, want):
    ctx = recognise(document(rows, lang))
    read_report_facts(ctx)
    assert ctx.report.publisher.label == want
    assert is_reporter_reference(ctx, "本集團" if lang != "en" else "the Group")


def test_publisher_named_as_the_issuer_without_a_definition():
    rows = ["In its 2017 annual report, Alibaba Health Information Technology Limited disclosed its environmental, "
            "social and governance information for the first time. This report is the second environmental, social "
            "and governance (ESG) report issued by Alibaba Health Information Technology Limited."]
    ctx = recognise(document(rows, "en"))
    read_report_facts(ctx)
    assert ctx.report.publisher.label == "Alibaba Health Information Technology Limited"


def publisher(rows, lang="zh-Hant"):
    ctx = recognise(document(rows, lang))
    read_report_facts(ctx)
    return ctx.report.publisher.label if ctx.report.publisher else None


# The cases below are adapted from tests/data/openings/ (synthetic openings of fictitious
# companies); tests/test_openings.py runs the whole files.

def test_a_coined_name_jieba_splits_is_still_the_defined_publisher():
    # jieba reads 星|澔 and 晟|达 as single characters: the name runs back to the clause word 由/是
    assert publisher([
        "本報告由星澔教育集團有限公司（「本公司」，連同其附屬公司及綜合聯屬實體，統稱「本集團」、「星澔教育」或「我們」）編製及發佈。",
        "由於中國法律法規之限制，本集團透過合約安排控制深圳市星澔教育投資有限公司（「深圳星澔」）及其舉辦之學校。",
    ]) == "星澔教育集團有限公司"
    assert publisher(["本报告是岭南晟达燃气股份有限公司（以下简称“本公司”，与其附属公司合称“本集团”）编制并发布的第六份报告。"],
                     "zh-Hans") == "岭南晟达燃气股份有限公司"


def test_a_legal_form_broken_over_a_line_read_as_a_heading_runs_on():
    rows = [("本報告為匯譽餐飲集團有", "heading", ""),
            "限公司（「本公司」，連同其附屬公司，統稱「本集團」、「匯譽」或「我們」）刊發之年度環境、社會及管治報告。"]
    assert publisher(rows) == "匯譽餐飲集團有限公司"


def test_a_former_name_in_brackets_is_skipped_to_the_current_name():
    assert publisher(["本報告由瑞晉醫療科技控股有限公司（前稱「瑞晉國際投資有限公司」）（「本公司」，連同其附屬公司統稱「本集團」）編製。"]
                     ) == "瑞晉醫療科技控股有限公司"
    assert publisher(["Kowloon Crest Properties Limited (formerly known as Crest Enterprises Limited) (the “Company”) and "
                      "its subsidiaries (collectively, the “Group”) are pleased to present this Sustainability Report."],
                     "en") == "Kowloon Crest Properties Limited"


def test_an_english_name_never_runs_back_over_a_heading():
    rows = [("ESG Reporting Code Index                   33", "table", ""), ("ABOUT THIS REPORT", "heading", ""),
            "Goldleaf Pastoral Holdings Limited (the “Company”) is pleased to present its Environmental, Social and "
            "Governance report."]
    assert publisher(rows, "en") == "Goldleaf Pastoral Holdings Limited"


def test_references_are_to_the_company_and_the_issuer_name_ends_at_its_legal_form():
    rows = ["This is the fourth annual Environmental, Social and Governance report published by Novaquill Technology "
            "Inc. Unless the context otherwise requires, references in this report to “Novaquill,” the “Company,” "
            "“we,” “us” and “our” are to Novaquill Technology Inc., its subsidiaries and its consolidated affiliated "
            "entities."]
    ctx = recognise(document(rows, "en"))
    read_report_facts(ctx)
    assert ctx.report.publisher.label == "Novaquill Technology Inc."
    assert "Novaquill" in ctx.report.publisher.aliases


def test_a_consultant_helping_to_prepare_the_report_is_not_its_issuer():
    assert publisher(["本報告由北京易和致遠諮詢有限公司提供第三方編制諮詢服務。",
                      "根據香港聯合交易所有限公司《證券上市規則》附錄C2之規定，永澤能源有限公司現刊發本年度環境、社會及管治報告。"]
                     ) == "永澤能源有限公司"


def test_the_cover_names_the_issuer_in_both_scripts_and_upper_case():
    rows = ["GOLDLEAF PASTORAL HOLDINGS LIMITED", "金葉牧業控股有限公司", "(Incorporated in Bermuda with limited liability)",
            "(Stock Code: 1175)", "ENVIRONMENTAL, SOCIAL AND GOVERNANCE REPORT", "FY2024", "CONTENTS", "About this Report 2"]
    cover = read_cover(document(rows, "en"))
    assert cover.names == ["GOLDLEAF PASTORAL HOLDINGS LIMITED", "金葉牧業控股有限公司"] and cover.years == []
    # a name the cover breaks before its legal form, and a title run into the name
    cover = read_cover(document(["匯譽餐飲集團", "有限公司", "股份代號：1489", "目錄"]))
    assert cover.names == ["匯譽餐飲集團有限公司"]
    cover = read_cover(document(["云栖生物", "2024年环境、社会及管治报告四川云栖生物医药股份有限公司", "目录"], "zh-Hans"))
    assert cover.names == ["四川云栖生物医药股份有限公司"] and cover.brands == ["云栖生物"] and cover.years == [2024]


def test_without_a_definition_the_cover_beats_a_parent_named_more_often():
    rows = ["Orchid Bay Healthcare Ltd.", "蘭灣醫療有限公司", "Stock Code: 2385", "Contents",
            "Our clinic network was operated for more than a decade as the healthcare division of Meridian Orient "
            "Holdings Limited. Following a distribution in specie by Meridian Orient Holdings Limited, we have "
            "operated as a stand-alone group. Meridian Orient Holdings Limited retained no shareholding in us."]
    assert publisher(rows, "en") == "Orchid Bay Healthcare Ltd."
    # a cover in capitals beats the auditor, and the label takes the text's mixed case
    rows = ["TSING YI MARINE SERVICES GROUP LIMITED", "Stock Code: 8163", "CONTENTS",
            "This report, for which the directors of Tsing Yi Marine Services Group Limited accept full "
            "responsibility, includes particulars given in compliance with the GEM Listing Rules.",
            "The Group’s auditor, HLB Hodgson Impey Cheng Limited, has not performed any assurance work.",
            "HLB Hodgson Impey Cheng Limited is an independent auditor."]
    assert publisher(rows, "en") == "Tsing Yi Marine Services Group Limited"


def test_without_definition_or_cover_the_issuers_formula_outweighs_a_shareholder():
    # the controlling shareholder is named twice, once in its slot; the issuer once, "and its subsidiaries"
    assert publisher(["於本報告日期，本公司之控股股東為翠朗發展有限公司。",
                      "翠朗發展有限公司之ESG表現載於其自行刊發之可持續發展報告。",
                      "本報告涵蓋翠朗地產集團有限公司及其附屬公司於香港及中國內地之物業發展業務。"]) == "翠朗地產集團有限公司"


@pytest.mark.parametrize("rows,lang,want", [
    (["報告時間跨度為2021年4月1日至2022年3月31日（「報告期」）。"], "zh-Hant", ("2021-04-01", "2022-03-31")),
    (["The reporting period is the financial year of Alibaba Health, starting from April 1, 2017 to March 31, 2018."],
     "en", ("2017-04-01", "2018-03-31")),
    (["時間範圍覆蓋 2024 年 1 月 1 日至 2024 年 12 月 31", "日（以下簡稱「報告期」「本年度」「2024 年」）。"],
     "zh-Hant", ("2024-01-01", "2024-12-31")),
    # adapted: the year-only form and the financial-year end the brief names
    (["本報告的報告期為2022年度。"], "zh-Hant", ("2022-01-01", "2022-12-31")),
    (["This report covers the financial year ended 31 March 2022."], "en", ("2021-04-01", "2022-03-31")),
    (["本報告涵蓋截至2023年12月31日止年度的表現。"], "zh-Hant", ("2023-01-01", "2023-12-31")),
    # from tests/data/openings: twelve months ended, a 財年 with only its end date, a broken date
    (["This report covers FY2024, i.e. the twelve months ended 31 December 2024."], "en",
     ("2024-01-01", "2024-12-31")),
    (["本报告涵盖本公司2024财年，即截至2024年3月31日止十二个月（“报告期”），与本公司年度报告的财政年度一致。"],
     "zh-Hans", ("2023-04-01", "2024-03-31")),
    (["本报告期间为二零二三年一月一日至二零二三年十二月三十一日。"], "zh-Hant", ("2023-01-01", "2023-12-31")),
    # a year-long range named as the period wins over a later comparative financial year end
    (["Unless otherwise stated, this Report covers the period from 1 April 2023 to 31 March 2024.",
      "Comparative figures relate to FY2023, the year ended 31 March 2023."], "en", ("2023-04-01", "2024-03-31")),
])
def test_period_forms(rows, lang, want):
    doc = document(rows, lang)
    assert find_period(read_head(doc), "en" if lang == "en" else "zh") == want


def test_a_financial_year_without_dates_is_no_calendar_year():
    # 2024財年 may end in March or June: without its dates the period stays unknown
    assert find_period(read_head(document(["報告期為2024財年。"])), "zh") is None


def test_the_cover_year_is_the_last_resort_for_the_period():
    # adapted from tests/data/openings/05: the title year and 「本年度一月至十二月」, no dates
    ctx = recognise(document(["永澤能源", "二零二三年", "環境、社會及管治報告", "目錄",
                              "本報告之匯報期間與公司年報之財政年度相同。"]))
    read_report_facts(ctx)
    assert (ctx.report.period_start, ctx.report.period_end) == ("2023-01-01", "2023-12-31")
    # a split year (2023/24) or a financial year (FY2024) on the cover gives none
    ctx = recognise(document(["2023/24", "環境、社會及管治報告", "FY2024", "目錄", "本報告以繁體中文編製。"]))
    read_report_facts(ctx)
    assert ctx.report.period_start is None



def test_short_forms_strip_one_legal_ending_at_a_time():
    assert short_forms("阿里巴巴集團控股有限公司") == ["阿里巴巴集团控股", "阿里巴巴集团", "阿里巴巴"]
    assert short_forms("Alibaba Group Holding Limited")[-2:] == ["Alibaba Group", "Alibaba"]


def test_title_is_read_or_built_from_the_publisher(seeds):
    assert "環境、社會及管治報告" in seeds["003"].report.title
    assert seeds["001"].report.title.endswith("ESG Report")


def test_a_two_character_short_name_is_the_reporter_only_where_it_is_a_word():
    ctx = recognise(document([
        "报告中“阿里巴巴”、“阿里”、“我们”、“集团”主要指“阿里巴巴集团控股有限公司”。",
        "2021 年，全国共有 7,023 个淘宝村和 2,171 个淘宝镇，在阿里平台的年交易额达 1.3 万亿元。",
        "阿里云为全球 400万 企业提供服务，助力上千万中小微企业使用云计算。",
    ], "zh-Hans"))
    read_report_facts(ctx)
    pub = ctx.report.publisher
    lines = [m.evidence.line for m in ctx.mentions if m.key == pub.key and m.text == "阿里"]
    assert 2 in lines and 3 not in lines


def test_part_of_another_company_name_is_not_the_reporter():
    ctx = recognise(document([
        "报告中“阿里巴巴”、“阿里”、“我们”、“集团”主要指“阿里巴巴集团控股有限公司”。",
        "2015年，阿里云发起国内首个《数据保护倡议》，围绕三条原则保护用户的隐私和安全。",
        "我们与阿里巴巴公益基金会携手杭州植物园成立了城市自然体验中心。",
        "京东集团是我们的控股股东。",
    ], "zh-Hans"))
    read_report_facts(ctx)
    by_line = {s.evidence().line: s for s in ctx.sentences}
    assert reporter_spans(ctx, by_line[2]) == []
    # the reporter's name inside its own foundation still speaks for it
    spans = [by_line[3].text[a:b] for a, b in reporter_spans(ctx, by_line[3])]
    assert spans == ["我们", "阿里巴巴"]
    # 集团 inside another group's name is not a self-reference
    spans = [by_line[4].text[a:b] for a, b in reporter_spans(ctx, by_line[4])]
    assert spans == ["我们"]


def test_the_publishers_name_in_the_other_language_is_an_alias():
    """An English report printing the Chinese legal name beside the English one (and the
    reverse, on a bilingual cover) gives the reporter both, so reports in either language
    resolve to one company."""
    path = Path(__file__).resolve().parent / "data" / "synthetic" / "dev" / "water_services_en.txt"
    doc = read_document(path)
    ctx = recognise(replace(doc, blocks=doc.blocks[:60]))
    read_report_facts(ctx)
    assert ctx.report.publisher.label == "Jade River Environmental Holdings Limited"
    assert "碧川環境控股有限公司" in ctx.report.publisher.aliases
    ctx = recognise(document([
        "翠嶺置業控股有限公司",
        "Tsui Ling Holdings Limited",
        "二零二三/二四年度環境、社會及管治報告",
        "本報告由翠嶺置業控股有限公司（「本公司」，連同其附屬公司統稱「本集團」）編製。",
    ]))
    read_report_facts(ctx)
    assert ctx.report.publisher.label == "翠嶺置業控股有限公司"
    assert "Tsui Ling Holdings Limited" in ctx.report.publisher.aliases
