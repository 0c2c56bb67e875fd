"""KPI figures read from real seed lines: table rows, rows broken over lines, columns written
one after another, KPI sentences; and what must not become a figure (index codes, pages,
dates, years, standards, numbered legends).

Contexts are built from line ranges of the seed files with their real line numbers (no spaCy:
the KPI reader needs only the document's lines and sentences).
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from extractors.kpi import extract_observations
from extractors.model import Block, Document, ReportInfo, Sentence
from extractors.normalise import to_simplified
from extractors.pipeline import ReportContext, split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "reports"
AH22 = "000_25f370c629b33344.txt"  # Traditional, FY2022 (April-March)
AH18 = "001_2ff9cd499980ebd2.txt"  # English, FY2018
ALI = "002_1fb4b25759a01e1a.txt"  # Simplified
MED = "003_76d9b93572322dc4.txt"  # Traditional, 2022, columns written one after another
JDH = "004_6af22f8d60238e04.txt"  # Traditional, 2024

PERIODS = {AH22: ("2021-04-01", "2022-03-31"), AH18: ("2017-04-01", "2018-03-31"),
           ALI: ("2021-04-01", "2022-03-31"), MED: ("2022-01-01", "2022-12-31"),
           JDH: ("2024-01-01", "2024-12-31")}
LANG = {AH22: "zh-Hant", AH18: "en", ALI: "zh-Hans", MED: "zh-Hant", JDH: "zh-Hant"}


def context(name: str, first: int, last: int) -> ReportContext:
    """A report context over lines first..last of a seed file, one block per line."""
    raw = (SEEDS / name).read_text(encoding="utf-8-sig").splitlines()
    lang = LANG[name]
    parts, blocks, starts, numbers, off = [], [], [], [], 0
    for n in range(first, last + 1):
        line = raw[n - 1].strip()
        if not line:
            continue
        blocks.append(Block(line, off, n))
        starts.append(off)
        numbers.append(n)
        parts.append(line)
        off += len(line) + 1
    doc = Document(name, "\n".join(parts), lang, "utf-8", blocks, starts, numbers)
    sentences = [
        Sentence(b.text[s:e], to_simplified(b.text[s:e]), b.start + s, b.line, b)
        for b in blocks for s, e in split_sentences(b.text, lang)
    ]
    start, end = PERIODS[name]
    return ReportContext(doc, ReportInfo(name, lang, period_start=start, period_end=end), sentences)


DEV = Path(__file__).resolve().parent / "data" / "synthetic" / "dev"
WATER = DEV / "water_services_en.txt"  # English, 2023, tables with scaled units and breakdowns
PROPERTY = DEV / "hk_property_zh-Hant.txt"  # Traditional, FY2023/24, years in Chinese numerals
RESORT = DEV / "resort_zh-Hant.txt"  # Traditional, 2023, Macau patacas
BANK = DEV / "bank_en.txt"  # English, 2024
DEV_PERIODS = {WATER: ("2023-01-01", "2023-12-31"), PROPERTY: ("2023-04-01", "2024-03-31"),
               RESORT: ("2023-01-01", "2023-12-31"), BANK: ("2024-01-01", "2024-12-31")}


@pytest.fixture(scope="module")
def dev_figures():
    """(metric, value, unit, period, line) of a dev report read whole by the real reader (its
    paragraphs joined), keyed by file; the recognisers are not run."""
    from extractors.reading import read_document

    cache = {}

    def read(path: Path, first: int, last: int) -> list[tuple]:
        if path not in cache:
            doc = read_document(str(path))
            sentences = [Sentence(b.text[s:e], to_simplified(b.text[s:e]), b.start + s, b.line, b)
                         for b in doc.blocks for s, e in split_sentences(b.text, doc.language)]
            start, end = DEV_PERIODS[path]
            info = ReportInfo(path.name, doc.language, period_start=start, period_end=end)
            cache[path] = [(o.metric, o.value, o.unit, o.period, o.evidence.line)
                           for o in extract_observations(ReportContext(doc, info, sentences))]
        return [o for o in cache[path] if first <= o[4] <= last]

    return read


def figures(name: str, first: int, last: int) -> list[tuple]:
    """(metric, value, unit, period, line) of every observation read from those lines."""
    return [(o.metric, o.value, o.unit, o.period, o.evidence.line)
            for o in extract_observations(context(name, first, last))]


def rows_figures(lines: list[str], lang: str, start: str, end: str) -> list[tuple]:
    """(metric, value, unit, period) read from lines taken as they are (for layouts no seed has)."""
    ctx = ReportContext(Document.from_rows(lines, lang, "x.txt"),
                        ReportInfo("x.txt", lang, period_start=start, period_end=end), [])
    return [(o.metric, o.value, o.unit, o.period) for o in extract_observations(ctx)]


def find(obs: list[tuple], value: str) -> list[tuple]:
    return [o for o in obs if o[1] == Decimal(value)]


# --- table rows ----------------------------------------------------------------------------


def test_row_with_unit_column_under_a_header_without_years_takes_the_report_year():
    obs = figures(AH22, 807, 821)  # 指標 單位 數量 / 員工總人數 人 1,849 / 男性員工 人 1,053 ...
    assert ("員工總人數", Decimal("1849"), "人", "2022財年", 811) in obs
    assert ("兼職員工", Decimal("20"), "人", "2022財年", 821) in obs
    assert len(obs) == 5


def test_each_year_column_is_one_observation_with_its_period():
    obs = figures(AH22, 1013, 1017)  # 指標 單位 2022年 2021年 2020年 / 因工亡故人數 人 0 0 0
    assert sorted(o[3] for o in obs) == ["2020", "2021", "2022"]
    assert all(o[0] == "因工亡故人數" and o[1] == 0 and o[2] == "人" for o in obs)


def test_footnote_mark_before_the_unit_is_dropped_and_columns_follow_the_header_order():
    obs = figures(JDH, 4617, 4648)  # 指標名稱 單位 2023 年數據 2024 年數據 ... 員工流失比率 17 % 10.04 6.51
    assert ("員工流失比率", Decimal("10.04"), "%", "2023", 4648) in obs
    assert ("員工流失比率", Decimal("6.51"), "%", "2024", 4648) in obs


def test_footnote_glued_to_the_name_and_ratio_units():
    obs = figures(AH22, 1298, 1316)  # 綜合能源消耗量4 噸標煤 43.81 / 人均用電量 千瓦時╱人 192.80
    assert ("綜合能源消耗量", Decimal("43.81"), "噸標煤", "2022財年", 1306) in obs
    assert ("人均用電量", Decimal("192.80"), "千瓦時╱人", "2022財年", 1304) in obs


def test_row_broken_over_lines_with_its_unit_broken_too():
    obs = figures(JDH, 4527, 4606)  # ... 綜合能源消耗密度 / 千克標煤/營業收入 / （萬元） / 0.23 0.16
    hits = [o for o in obs if o[0] == "綜合能源消耗密度"]
    assert {(o[1], o[3]) for o in hits} == {(Decimal("0.23"), "2023"), (Decimal("0.16"), "2024")}
    assert all(o[2] == "千克標煤/營業收入（萬元）" for o in hits)


def test_english_row_with_unit_in_brackets_and_a_unit_after_a_value():
    obs = figures(AH18, 2193, 2201)
    assert ("Electricity", Decimal("350469"), "kWh", "FY2018", 2197) in obs
    assert ("Electricity", Decimal("724.11"), "kWh/person", "FY2018", 2197) in obs
    assert ("Office Paper", Decimal("0.00196"), "tons/person", "FY2018", 2201) in obs


def test_unitless_rows_under_a_caption_keep_their_group_label():
    obs = figures(AH18, 2014, 2042)  # Employee Structure (persons) ... Number of employees by gender / Male 264
    male = find(obs, "264")
    assert male and "Male" in male[0][0] and "gender" in male[0][0]
    assert find(obs, "435") and find(obs, "319")


def test_name_on_two_lines_then_its_value_alone():
    obs = figures(AH18, 1929, 1938)  # Number of Suppliers / Suppliers of principal business / (online and offline) / 463
    assert ("Suppliers of principal business (online and offline)", Decimal("463"), "", "FY2018", 1934) in obs
    assert find(obs, "86")


# --- columns written one after another -----------------------------------------------------


def test_value_column_after_the_rows_and_the_header_after_the_table():
    obs = figures(MED, 2020, 2040)  # three rows with 2021 values, then the 2022 column, then the header
    ghg = [o for o in obs if o[0] == "間接溫室氣體排放量（範疇二）"]
    assert {(o[1], o[3]) for o in ghg} == {(Decimal("67.396"), "2021"), (Decimal("67.758"), "2022")}
    assert ("人均溫室氣體排放量（範疇一和範疇二）", Decimal("0.112"), "噸二氧化碳當量/人", "2022", 2036) in obs


def test_names_then_units_then_each_years_values():
    obs = figures(MED, 2155, 2232)  # 水資源消耗總量 / 人均耗水量 / 噸 / 噸/人 / 1587.000 / 3.161 / 1823.000 / 3.013
    assert ("水資源消耗總量", Decimal("1823.000"), "噸", "2022", 2173) in obs
    assert ("人均耗水量", Decimal("3.161"), "噸/人", "2021", 2171) in obs
    # the next table skips its section label: 員工總數 is the third name of six units
    assert ("員工總數", Decimal("605"), "人", "2022", 2222) in obs
    assert ("女性員工", Decimal("380"), "人", "2022", 2228) in obs


def test_a_column_printed_after_the_next_table_completes_its_own_table():
    obs = figures(MED, 2630, 2760)  # suppliers' 2022 column comes after the customer table
    assert ("供應商總數", Decimal("456"), "家", "2022", 2722) in obs
    assert ("供應商總數", Decimal("278"), "家", "2021", 2656) in obs
    assert ("公益捐贈金額", Decimal("10"), "萬元", "2022", 2716) in obs
    assert not [o for o in obs if o[0] == "客戶滿意度" and o[1] == Decimal("456")]


def test_header_naming_units_per_column():
    obs = figures(MED, 2825, 2897)  # in this report headers follow their tables: 指標 單位（人） 佔比（%）
    assert ("董事會成員數量", Decimal("9"), "人", "2022", 2863) in obs
    assert ("女性董事數量", Decimal("33.33"), "%", "2022", 2889) in obs


def test_simplified_tab_separated_table_with_superscript_footnotes():
    obs = figures(ALI, 3390, 3401)
    assert ("范围 1 排放量", Decimal("926779"), "吨二氧化碳当量", "2022财年", 3395) in obs
    assert ("范围 3 排放强度", Decimal("9.2"), "吨二氧化碳当量 / 百万人民币收入", "2022财年", 3401) in obs


# --- KPI sentences -------------------------------------------------------------------------


def test_chinese_sentence_figures_are_named_by_their_clause():
    obs = figures(AH22, 804, 804)
    assert ("女性員工佔比", Decimal("43.05"), "%", "2022", 804) in obs
    assert find(obs, "1849")
    obs = figures(AH22, 908, 908)
    # without the recognisers the reporter's name (阿里健康) stays in front of the metric
    assert [o[0][-6:] for o in find(obs, "3200")] == ["員工參與培訓"]
    assert ("受訓比例", Decimal("100"), "%", "2022財年", 908) in obs
    assert ("人均培訓時長", Decimal("74"), "小時", "2022財年", 908) in obs


def test_unit_written_before_the_number_and_counted_noun_after_the_counter():
    obs = figures(AH22, 555, 555)  # ...退貨的比例為萬分之0.92。
    ratio = find(obs, "0.92")
    assert ratio[0][0].endswith("產生退貨的比例") and ratio[0][2:] == ("萬分之", "2022財年", 555)
    obs = figures(JDH, 3979, 3980)  # 共計捐贈各類物資超過 153 萬件。
    assert [o[0] for o in find(obs, "153")] == ["捐贈各類物資"]


def test_english_sentence_figures():
    obs = figures(AH18, 1273, 1273)  # ... participated in various charitable activities, totaling to 729 person-times and
    times = find(obs, "729")
    assert times and times[0][2] == "person-times" and "charitable activities" in times[0][0]
    obs = figures(AH18, 1647, 1650)
    complaints = find(obs, "4917")
    assert complaints and "complaints" in complaints[0][0]


# --- not figures ---------------------------------------------------------------------------


@pytest.mark.parametrize("name, first, last", [
    (AH18, 2301, 2301),  # A1.1 The types of emissions and respective emissions data. 37
    (AH18, 2334, 2334),  # A2.2 Water consumption in total and intensity (...). 37
    (ALI, 9, 46),  # the table of contents: 报告说明 003, 033-046
    (AH22, 13, 13),  # 報告時間跨度為2021年4月1日至2022年3月31日
    (ALI, 1, 6),  # a title with its year on a line of its own
    (MED, 350, 415),  # a numbered legend of material topics
    (JDH, 440, 446),  # 榮譽獎項 / 10 11: pages of a spread
])
def test_codes_pages_dates_and_legends_are_not_observations(name, first, last):
    assert figures(name, first, last) == []


def test_no_year_is_read_as_a_value():
    obs = figures(JDH, 4525, 4620)
    assert obs and not [o for o in obs if o[1] in (Decimal("2023"), Decimal("2024"))]


def test_bands_of_a_breakdown_with_empty_value_columns_give_nothing_but_the_total():
    obs = figures(ALI, 3428, 3440)  # 员工总人数 人 254,941 / 按年龄划分的 员工比例 < 35 % / ≥ 50 % ...
    assert [(o[0], o[1], o[2]) for o in obs] == [("员工总人数", Decimal("254941"), "人")]


def test_a_company_opening_the_clause_stays_in_the_metric_name():
    """Only the reporter is cut from a metric's name: another company is what is counted."""
    from extractors.pipeline import recognise

    line = (SEEDS / ALI).read_text(encoding="utf-8").splitlines()[726]
    ctx = recognise(Document.from_rows([line], "zh-Hans", ALI))
    assert any(m.type == "Company" and m.text == "高鑫零售" for m in ctx.mentions)
    stores = [o for o in extract_observations(ctx) if o.value == Decimal("377")]
    assert stores and "高鑫零售" in stores[0].metric


# --- third round: layouts, units and sentences of the synthetic dev reports -------------------


def test_english_header_words_and_units_with_a_scale(dev_figures):
    obs = dev_figures(WATER, 524, 568)  # Indicator Unit 2023 2022 2021 / Wastewater treated million m³ ...
    assert ("Wastewater treated", Decimal("1286.4"), "million m³", "2023", 528) in obs
    assert ("Wastewater treated", Decimal("1137.2"), "million m³", "2021", 528) in obs
    assert ("GHG intensity", Decimal("0.268"), "tCO2e/thousand m³", "2023", 548) in obs
    assert ("Electricity consumption per m³ of wastewater", Decimal("0.305"), "kWh/m³", "2021", 563) in obs
    # 100 100 100: one observation a year
    assert len([o for o in obs if o[0] == "Drinking water quality compliance rate"]) == 3


def test_years_in_chinese_numerals_over_two_calendar_years(dev_figures):
    obs = dev_figures(PROPERTY, 493, 522)  # 指標 單位 二零二三/二四 二零二二/二三 二零二一/二二
    assert ("氮氧化物（NOx）", Decimal("1862"), "千克", "2024財年", 496) in obs
    assert ("氮氧化物（NOx）", Decimal("2108"), "千克", "2022財年", 496) in obs
    # 範圍1及範圍2排放強度⁴ 噸二氧化碳當量/ + 平方米 + the values
    assert ("範圍1及範圍2排放強度", Decimal("0.041"), "噸二氧化碳當量/平方米", "2024財年", 506) in obs


def test_breakdown_rows_take_their_breakdown_and_bands_stay_whole(dev_figures):
    obs = dev_figures(WATER, 580, 619)
    assert ("By gender Female", Decimal("1314"), "persons", "2023", 585) in obs
    assert ("By age Under 30", Decimal("1127"), "persons", "2023", 586) in obs
    assert ("By age 30-50", Decimal("2986"), "persons", "2023", 587) in obs
    assert ("Over 50", Decimal("749"), "persons", "2023", 588) in obs
    assert ("Lost time injury rate", Decimal("0.54"), "per million hours", "2023", 596) in obs
    assert ("Total number of suppliers", Decimal("1376"), "number", "2023", 605) in obs
    assert ("Community investment", Decimal("8.46"), "RMB million", "2023", 614) in obs
    obs = dev_figures(PROPERTY, 524, 553)
    assert ("按性別劃分女性", Decimal("3167"), "人", "2024財年", 530) in obs
    assert ("按年齡組別劃分 30至50歲", Decimal("3906"), "人", "2024財年", 534) in obs
    assert ("損失工時工傷率", Decimal("0.52"), "每200,000工時", "2024財年", 553) in obs


@pytest.mark.parametrize("path, first, last", [
    (WATER, 1, 23),  # CONTENTS / About this Report 3 / 3 Caring for Our People 14
    (WATER, 620, 626),  # ... Section Page / Reporting Principles About this Report 3
    (PROPERTY, 590, 601),  # ... 章節 頁碼 / 匯報原則 關於本報告 3
])
def test_contents_and_index_pages_are_not_observations(dev_figures, path, first, last):
    assert dev_figures(path, first, last) == []


def test_change_column_after_the_years():
    """No seed or dev table has one: the dev table's header and rows with a change column added."""
    lines = ["Indicator Unit 2023 2022 Change (%)",
             "Purchased electricity MWh 421,683 405,117 +4.1",
             "Municipal water consumption m³ 1,126,400* 1,182,900 -4.8%"]
    obs = rows_figures(lines, "en", "2023-01-01", "2023-12-31")
    assert ("Purchased electricity", Decimal("405117"), "MWh", "2022") in obs
    assert ("Purchased electricity Change (%)", Decimal("4.1"), "%", "2023") in obs
    assert ("Municipal water consumption", Decimal("1126400"), "m³", "2023") in obs
    assert ("Municipal water consumption Change (%)", Decimal("-4.8"), "%", "2023") in obs


def test_rows_opened_by_a_disclosure_code_and_a_unit_in_brackets_over_the_values():
    """No seed or dev table has these layouts: rows of the dev tables written so; the content
    index's rows (one page number, no unit) stay out, as the seed index test shows."""
    lines = ["KPI Description Unit 2023 2022",
             "A1.2 Scope 1 GHG emissions tCO2e 214,760 209,115",
             "溫室氣體排放總量（噸二氧化碳當量）",
             "38,415 41,206",
             "A1.1 The types of emissions and respective emissions data Key Performance Indicators 17"]
    obs = rows_figures(lines, "en", "2023-01-01", "2023-12-31")
    assert ("Scope 1 GHG emissions", Decimal("214760"), "tCO2e", "2023") in obs
    assert ("溫室氣體排放總量", Decimal("41206"), "噸二氧化碳當量", "2022") in obs
    assert not find(obs, "17")


def test_a_caption_gives_its_unit_to_the_rows_without_one():
    """No seed or dev table has a unit caption: rows of the dev property table under one."""
    lines = ["單位：港元", "指標 二零二三/二四 二零二二/二三", "社區投資總額 12,480,000 10,960,000",
             "撥款 3,000,000 2,500,000", "義工服務時數 小時 28,350 24,120"]
    obs = rows_figures(lines, "zh-Hant", "2023-04-01", "2024-03-31")
    assert ("社區投資總額", Decimal("10960000"), "港元", "2023財年") in obs
    assert ("義工服務時數", Decimal("28350"), "小時", "2024財年") in obs


def test_chinese_sentences_counters_ratios_and_what_follows_the_unit(dev_figures):
    obs = figures(ALI, 1441, 1441)  # 五年陈戒指总授予量达到6,496枚
    assert [o[:3] for o in find(obs, "6496")] == [("五年陈戒指总授予量", Decimal("6496"), "枚")]
    obs = figures(ALI, 863, 863)  # 中水采购量为 359,252 吨，中水回收量达到 11,899 吨 (达到 is no range)
    assert ("中水回收量", Decimal("11899"), "吨", "2022财年", 863) in obs
    obs = figures(ALI, 833, 833)  # 我们自有数据中心的平均 PUE 低至 1.247 (not 不超过 1.3)
    assert [o[:3] for o in obs] == [("自有数据中心的平均 PUE", Decimal("1.247"), "")]
    obs = dev_figures(PROPERTY, 428, 432)  # 提供合共15,600小時安全培訓
    assert [o[0][-8:] for o in find(obs, "15600")] == ["員工提供安全培訓"]


def test_period_of_a_sentence_figure(dev_figures):
    obs = figures(ALI, 609, 609)  # 2022 财年（覆盖 2021 年 4 月 -2022 年 3 月），...总排放量为 1324.9 万吨
    assert find(obs, "1324.9")[0][3] == "2022财年"
    obs = dev_figures(WATER, 323, 323)  # the non-revenue water rate ... fell from 12.9% in 2022 to 11.6% in 2023
    assert {(o[1], o[3]) for o in obs} == {(Decimal("12.9"), "2022"), (Decimal("11.6"), "2023")}
    assert {o[0] for o in obs} == {"non-revenue water rate of Zhaoqing Water"}
    obs = dev_figures(PROPERTY, 94, 94)  # 與二零一九/二零年度基準相比…已下降約24%，朝着二零三零年下降40%
    assert find(obs, "24")[0][3] == "2024財年" and find(obs, "40")[0][3] == "2030"


def test_a_change_keeps_its_verb_and_a_bare_second_figure_takes_the_first_ones_name():
    obs = figures(AH22, 1224, 1224)  # 照明能耗下降30%: a change of the metric, not its level
    assert [o[0][-6:] for o in find(obs, "30")] == ["照明能耗下降"]
    obs = figures(ALI, 1998, 1998)  # 支付服务费率从 1% 降至 0.6%: two levels of one metric
    assert [o[0] for o in obs] == ["支付服务费率", "支付服务费率"]


def test_what_is_counted_follows_the_counter():
    obs = figures(JDH, 3663, 3663)  # 實戰研討，共計 379 人次參與培訓 (参与 is no conjunction)
    assert [o[0] for o in find(obs, "379")] == ["參與培訓"]
    obs = figures(AH22, 1512, 1512)  # 超過2,000名持有「國家執業藥師資格證書」的藥師
    assert [o[0] for o in find(obs, "2000")] == ["藥師"]


def test_english_sentences_units_currencies_and_counted_nouns(dev_figures):
    obs = dev_figures(WATER, 355, 360)  # bringing total installed capacity to 26.8 MW
    assert [o[2] for o in find(obs, "26.8")] == ["MW"]
    obs = dev_figures(WATER, 498, 502)  # community investment totalled RMB8.46 million
    assert [o[2] for o in find(obs, "8.46")] == ["RMB million"]
    obs = dev_figures(WATER, 296, 300)  # extended to 318 parameters
    assert [o[2] for o in find(obs, "318")] == ["parameters"]
    obs = figures(AH18, 552, 552)  # of nearly 23,000 licensed physicians
    assert [o[2] for o in find(obs, "23000")] == ["physicians"]
    # "Scope 1 emissions consist of ...": a numbered name counts nothing
    obs = dev_figures(WATER, 355, 366)
    assert find(obs, "455246") and not [o for o in obs if o[1] in (1, 2)]


def test_counted_nouns_right_after_the_counter_and_acronym_plurals(dev_figures):
    # 年內共有428名大使完成由…認可導師教授的24小時進階課程: nothing before names the count
    obs = dev_figures(RESORT, 264, 264)
    assert [o[:3] for o in find(obs, "428")] == [("大使", Decimal("428"), "名")]
    # approved HK$1,260 million of loans to 318 SMEs: the earlier figure's scale is no name
    obs = dev_figures(BANK, 330, 345)
    assert [(o[0], o[2]) for o in find(obs, "318")] == [("loans SMEs", "SMEs")]


def test_other_currencies_with_a_scale(dev_figures):
    obs = dev_figures(RESORT, 398, 398)  # 銷售額達2,860萬澳門元
    assert [o[:3] for o in find(obs, "2860")] == [("銷售額", Decimal("2860"), "萬澳門元")]


def test_a_tables_title_before_its_year_columns_is_its_header(dev_figures):
    # Green and Sustainable Finance Portfolio (HK$ million) 2024 2023 2022 / Green loans 24,980 ...
    obs = dev_figures(BANK, 320, 331)
    assert not [o for o in obs if o[1] in (2024, 2023, 2022)]
    assert [(o[1], o[2], o[3]) for o in obs if o[0] == "Green loans"] == [
        (Decimal("24980"), "HK$ million", "2024"), (Decimal("19415"), "HK$ million", "2023"),
        (Decimal("13870"), "HK$ million", "2022")]
    # Financed Emissions2 (tCO2e) 2024 2023 2022 (baseline): a footnote mark in the title
    obs = dev_figures(BANK, 415, 430)
    assert {o[3] for o in obs if o[0] == "Transportation"} == {"2024", "2023", "2022"}
    # Portfolio coverage (% of corporate loans) 72.0 ...: a share, not the title's tCO2e
    assert {o[2] for o in find(obs, "72.0")} == {"%"}


def test_only_consecutive_years_after_a_title_make_a_header():
    rows = ["Green loans 24,980 19,415"]
    assert {o[3] for o in rows_figures(["Social Performance 2024 2023"] + rows, "en", "2024-01-01",
                                       "2024-12-31")} == {"2024", "2023"}
    assert rows_figures(["Social Performance 2024 2021"] + rows, "en", "2024-01-01", "2024-12-31") == []


def test_a_band_word_keeps_its_number_in_the_row_name(dev_figures):
    obs = dev_figures(BANK, 596, 601)  # By age group Under 30 893 874 851 / Over 50 672 656 641
    assert not find(obs, "30") and not find(obs, "50")
    assert [(o[0], o[3]) for o in find(obs, "893")] == [("By age group Under 30", "2024")]


def test_a_shareholding_row_of_a_group_structure_table_is_no_figure(dev_figures):
    obs = dev_figures(RESORT, 128, 137)  # 瀾庭酒店管理有限公司 酒店管理 100%
    assert not find(obs, "100")
    obs = dev_figures(BANK, 150, 160)  # Evermount Bank Limited Retail and commercial banking Hong Kong 100%
    assert not [o for o in find(obs, "100") if o[4] in (156, 158, 159, 160)]
