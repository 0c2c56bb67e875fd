"""Layout repair on the seed reports: broken sentences joined, running headers dropped,
table rows kept whole, and every character traceable to its original line."""
from collections import Counter
from pathlib import Path
import random
import re

import pytest

from extractors import layout
from extractors.reading import read_text

REPORTS = Path(__file__).resolve().parent.parent / "examples" / "reports"
SEEDS = sorted(REPORTS.glob("*.txt"))


@pytest.fixture(scope="module")
def laid() -> dict[str, tuple[list[str], layout.Layout]]:
    out = {}
    for path in SEEDS:
        raw = read_text(path)[0].split("\n")
        out[path.name[:3]] = (raw, layout.repair(raw))
    return out


def block_at_line(lay: layout.Layout, line: int):
    """The block holding text from original line ``line``."""
    for i, no in enumerate(lay.line_numbers):
        if no == line:
            off = lay.line_starts[i]
            return next(b for b in lay.blocks if b.start <= off < b.start + len(b.text) + 1)
    raise AssertionError(f"line {line} is not in the repaired text")


def test_chinese_sentence_broken_over_blank_separated_lines_is_one_block(laid):
    raw, lay = laid["000"]
    block = block_at_line(lay, 21)
    assert block is block_at_line(lay, 23)
    assert "「本集團」指代阿里健康連同其附屬公司，「阿里巴巴集團」指代" in block.text
    # the heading before it stays apart and becomes the block's section
    assert block.heading == "指代說明"


def test_chinese_paragraph_joins_across_a_dropped_page_header(laid):
    raw, lay = laid["000"]
    assert raw[86] == " 高管致辭"  # printed again at the top of the letter's second page
    assert 87 in lay.dropped and 36 not in lay.dropped
    assert block_at_line(lay, 36).kind == "heading"


def test_narrow_column_lines_join_without_space(laid):
    raw, lay = laid["003"]
    block = block_at_line(lay, 1671)  # a 13-character column of a risk-process chart
    assert block.text == "法務部組織相關部門建立風險評估工作標準、程式和方法，制定公司風險評估計畫，組織協調和指導各部門開展風險評估工作。"


def test_english_wrapped_lines_join_with_spaces(laid):
    raw, lay = laid["001"]
    block = block_at_line(lay, 2)
    assert block is block_at_line(lay, 6)
    assert "disclosed its environmental, social and governance information" in block.text
    assert "basis in the future." in block.text
    # the unmarked break after a heading is kept
    assert block_at_line(lay, 1).text == "About This Report"
    assert block_at_line(lay, 1).kind == "heading"


def test_english_compound_keeps_its_hyphen_and_abbreviation_does_not_end_sentence(laid):
    raw, lay = laid["001"]
    assert raw[853].rstrip().endswith("third-")
    assert "combines third-party" in block_at_line(lay, 854).text.replace("  ", " ")
    block = block_at_line(lay, 985)
    assert "Chengdu Kanghua Biological Products Co., Ltd. (hereinafter referred to as" in block.text


def test_words_split_at_narrow_letters_are_rejoined(laid):
    raw, lay = laid["001"]
    assert "Al ibaba Health" in raw[2209]
    text = block_at_line(lay, 2210).text
    assert "Alibaba Health produced a total" in text
    assert "During the reporting period" in text


def test_short_word_piece_is_rejoined_without_other_evidence(laid):
    raw, lay = laid["001"]
    assert "5 ki lograms" in raw[2206]
    assert "a total of 5 kilograms of discarded drugs" in block_at_line(lay, 2207).text
    # function words next to a narrow letter stay words
    assert "Alibaba Health is the healthcare flagship platform" in block_at_line(lay, 112).text


def test_label_wrapped_in_a_chart_box_is_one_block(laid):
    raw, lay = laid["004"]
    assert (raw[1539], raw[1540]) == ("藥事管理與藥物", "治療學委員會")
    assert block_at_line(lay, 1540).text == "藥事管理與藥物治療學委員會"
    assert block_at_line(lay, 1543).text == "醫院醫療器械和醫用耗材管理委員會"
    # items of a list printed on adjacent lines are not a label
    raw, lay = laid["000"]
    assert (raw[375], raw[376]) == ("支持經濟發展", "依法納稅")
    assert block_at_line(lay, 376).text == "支持經濟發展"


def test_dehyphenation_uses_the_documents_own_spelling():
    raw = [
        "Our environmental policy covers all offices and warehouses of the Group in China ",
        "and we publish our environ-",
        "mental data every year together with third-",
        "party assurance of the figures.",
    ]
    text = layout.repair(raw).text
    assert "our environmental data" in text
    assert "third-party assurance" in text


def test_running_headers_and_footers_are_dropped(laid):
    raw, lay = laid["003"]
    # the section name printed at the foot of its pages
    assert raw[27] == "關於本報告" and 28 in lay.dropped
    assert 1 not in lay.dropped and block_at_line(lay, 1).kind == "heading"
    raw, lay = laid["004"]
    # navigation bars, and the page number printed next to one
    assert raw[46].strip().startswith("2024環境、社會及管治報告京東健康股份有限公司 公司簡介")
    assert {1, 47, 180, 182} <= set(lay.dropped)
    raw, lay = laid["000"]
    # the report title with the page number at the foot of a page
    assert raw[198].endswith("二零二二年環境、社會及管治報告 09") and 199 in lay.dropped


def test_running_title_repeated_on_every_page_is_dropped(laid):
    raw, _ = laid["000"]
    lines = raw[:1200]
    title = "阿里健康信息技術有限公司環境、社會及管治報告"
    paged: list[str] = []
    for no, line in enumerate(lines, 1):
        if no % 40 == 22:  # a page break inside the sentence of lines 21-23, and so on
            paged += [str(no // 40 + 1), title]
        paged.append(line)
    lay = layout.repair(paged)
    assert title not in lay.text
    assert "「本集團」指代阿里健康連同其附屬公司，「阿里巴巴集團」" in lay.text
    assert not any(b.text.isdigit() and int(b.text) <= 31 for b in lay.blocks)
    # printed on the cover too: that one is the report's title and stays
    lay = layout.repair([title, ""] + paged)
    assert lay.text.count(title) == 1 and lay.blocks[0].text == title


def test_numbered_running_title_with_commas_is_dropped(laid):
    """English report titles hold commas (Environmental, Social and Governance Report); the
    page number beside them still marks them as running headers, before or after."""
    raw, _ = laid["001"]
    lines = raw[:1500]
    title = "Environmental, Social and Governance Report 2018 Alibaba Health Information Technology Limited"
    paged: list[str] = []
    for no, line in enumerate(lines, 1):
        if no % 50 == 0:
            page = no // 50 + 1
            paged.append(f"{page} {title}" if page % 2 == 0 else f"{title} {page}")
        paged.append(line)
    lay = layout.repair(paged)
    assert "Governance Report 2018 Alibaba Health" not in lay.text
    assert not any(b.text.startswith(("2 Environmental", "4 Environmental")) for b in lay.blocks)


def test_content_that_repeats_is_not_a_running_header(laid):
    raw, lay = laid["003"]
    # 關鍵績效 / 指標A1.1: an index table's wrapped cell, printed 35 times in one section
    assert raw[3007] == "關鍵績效" and 3008 not in lay.dropped
    assert "指標 單位 2021年數據 2022年數據" in lay.text
    raw, lay = laid["004"]
    assert raw[2452] == "應對氣候變化" and 2453 not in lay.dropped  # a real section heading


def test_table_rows_stay_rows(laid):
    raw, lay = laid["004"]
    for line, text in ((1309, "審計委員會 薪酬委員會 提名委員會"), (1348, "主席 劉強東 男 提名委員會主席 有 有 有")):
        block = block_at_line(lay, line)
        assert block.kind == "table" and block.text == text
    raw, lay = laid["000"]
    block = block_at_line(lay, 811)
    assert block.kind == "table" and block.text == "員工總人數 人 1,849"
    assert block_at_line(lay, 814).text == "男性員工 人 1,053"


@pytest.mark.parametrize("text,strength", [
    ("員工總人數 人 1,849", 2),
    ("審計委員會 薪酬委員會 提名委員會", 2),
    ("男性 % 16.43", 2),
    ("按性別劃分 員工流失率", 1),
    ("報告期內開展的 ISO 9001 或ISO 13485 質量管理體系認證", 0),
    ("Electricity (kWh) 350,469 724.11 kWh/person", 2),
    ("指标\t单位\t2022 财年", 2),
    ("本報告已於 2025 年 3 月 20 日董事會審議批准。本報告提供簡體中文、繁體中文、英文三種版本，可在香港聯合交易所", 0),
    ("道、銷售規模最大的線上醫療器械零售商、特醫食品品", 0),
    ("核心城市、超 1.5 億人，已成為檢測項目最全、覆蓋範", 0),
    ("The reporting period is the financial year of Alibaba Health, starting from April 1, 2017 to March 31, 2018. Some contents", 0),
])
def test_table_strength(text, strength):
    assert layout.table_strength(text) == strength


def test_headings(laid):
    raw, lay = laid["000"]
    assert block_at_line(lay, 314).text == "1.3 廉正管理"
    assert block_at_line(lay, 314).kind == "heading"
    assert block_at_line(lay, 316).heading == "1.3 廉正管理"
    raw, lay = laid["001"]
    assert block_at_line(lay, 108).text == "Introducing Alibaba Health"
    assert block_at_line(lay, 108).kind == "heading"


def test_vertical_text_joins_but_a_column_of_cells_does_not():
    lay = layout.repair(["治", "", "理", "", "層", "", "風險管理委員會 審核委員會"])
    assert lay.blocks[0].text == "治理層"
    lay = layout.repair(["女", "", "男", "", "男", "", "女"])
    assert [b.text for b in lay.blocks] == ["女", "男", "男", "女"]


def test_letter_spaced_text_is_closed_up():
    lay = layout.repair(["• 通 過 與 阿 里 巴 巴 集 團 共 享 專 家 庫"])
    assert lay.blocks[0].text == "• 通過與阿里巴巴集團共享專家庫"
    assert lay.blocks[0].kind == "paragraph"


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_every_character_maps_to_its_original_line(laid, seed):
    raw, lay = laid[seed]
    starts, numbers = lay.line_starts, lay.line_numbers
    assert starts == sorted(starts)
    rng = random.Random(seed)
    import bisect

    for off in rng.sample(range(len(lay.text)), 400):
        ch = lay.text[off]
        if ch.isspace():
            continue
        line = numbers[bisect.bisect_right(starts, off) - 1]
        assert ch in raw[line - 1], (off, ch, line)


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_no_character_is_lost_or_invented(laid, seed):
    raw, lay = laid[seed]
    dropped = set(lay.dropped)
    expected = Counter(
        ch for no, line in enumerate(raw, 1) if no not in dropped
        for ch in line.replace("**", "") if not ch.isspace()
    )
    got = Counter(ch for ch in lay.text if not ch.isspace())
    assert not got - expected
    lost = expected - got
    # only line-end hyphens of words the document spells whole elsewhere
    assert set(lost) <= {"-"}
    assert lost["-"] <= sum(1 for line in raw if re.search(r"[A-Za-z]-\s*$", line))


def test_blocks_sit_at_their_offsets(laid):
    for raw, lay in laid.values():
        for block in lay.blocks:
            assert lay.text[block.start:block.start + len(block.text)] == block.text
            assert block.kind in ("heading", "paragraph", "table")


def test_latin_word_wrapped_inside_a_chinese_line_is_one_word():
    """Chinese lines wrap at any character, English words inside them too."""
    path = REPORTS.parent.parent / "tests" / "data" / "synthetic" / "dev" / "hk_property_zh-Hant.txt"
    raw = read_text(path)[0].split("\n")
    assert raw[95].endswith("BEAM Plu")
    text = layout.repair(raw).text
    assert "頒發BEAM Plus新建建築" in text and "Plu s" not in text
    # a word the document never spells whole keeps its space
    lay = layout.repair(["本集團於年內推行Green", "team活動，鼓勵員工參與環保。"])
    assert "Green team" in lay.text


def test_a_table_of_capitalised_names_is_not_a_navigation_bar():
    """Certificate rows (scheme, holder, scope) repeat the same capitalised words row after
    row; a navigation bar is printed once per page, not in a run of rows."""
    path = REPORTS.parent.parent / "tests" / "data" / "synthetic" / "dev" / "bank_en.txt"
    raw = read_text(path)[0].split("\n")
    assert raw[473].startswith("ISO 9001:2015 Quality Management System")
    lay = layout.repair(raw)
    assert 474 not in lay.dropped and 478 in lay.dropped  # the row stays, the page footer goes
