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
])
def test_period_forms(rows, lang, want):
    doc = document(rows, lang)
    assert find_period(read_head(doc), "en" if lang == "en" else "zh") == want


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
