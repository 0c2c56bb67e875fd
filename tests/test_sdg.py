"""SDG mentions (components/sdg.py) and contributesToSDG (relations/sdgs.py), on sentences and
table rows from the seed reports."""
import pytest

from extractors.model import Mention
from extractors.normalise import match_key
from extractors.model import Document
from extractors.pipeline import recognise
from extractors.relations import sdgs as rel


def goals(rows, lang="zh-Hans"):
    ctx = recognise(Document.from_rows(rows if isinstance(rows, list) else [rows], lang))
    return [m.attrs["number"] for m in ctx.mentions if m.type == "SDG"]


@pytest.fixture(scope="module", autouse=True)
def warm():
    goals("SDG 3")


def test_sdg_table_row_numbers_and_titles():
    row = "1. 员工广泛参与的公益活动与创新\t\t\t\t\t 3 良好健康与福祉  4 优质教育  5 性别平等  10 减少不平等  17 促进目标实现的伙伴关系"
    assert goals([(row, "table", "报告指标索引")]) == [3, 4, 5, 10, 17]
    ctx = recognise(Document.from_rows(["8 体面工作和经济增长"], "zh-Hans"))
    [m] = [m for m in ctx.mentions if m.type == "SDG"]
    assert (m.key, m.label, m.text) == ("sdg8", "体面工作和经济增长", "8 体面工作和经济增长")


def test_traditional_label_is_the_official_title():
    ctx = recognise(Document.from_rows(["3 良好健康與福祉"], "zh-Hant"))
    [m] = [m for m in ctx.mentions if m.type == "SDG"]
    assert (m.key, m.label) == ("sdg3", "良好健康與福祉")


@pytest.mark.parametrize("text, expected", [
    ("SDG 3", [3]), ("SDG3", [3]), ("SDGs 3 and 4", [3, 4]), ("SDG 3, 4 and 8", [3, 4, 8]),
    ("可持续发展目标3", [3]), ("联合国可持续发展目标（SDGs）第3项", [3]),
])
def test_goal_numbers(text, expected):
    assert goals(text) == expected


def test_bare_goal_numbers_and_titles_need_an_sdg_context():
    assert goals("Our work supports SDG 12 and Goal 13.", "en") == [12, 13]
    assert goals("Goal 13 of the year was met.", "en") == []
    assert goals("We contribute to the SDGs through Good Health and Well-being programmes.", "en") == [3]
    # 004: a section heading brings the context; the same line elsewhere is a chapter name
    assert goals([("氣候行動", "paragraph", "京東健康聯合國可持續發展目標")], "zh-Hant") == [13]
    assert goals(["氣候行動"], "zh-Hant") == []


def test_common_phrases_counts_and_footnote_marks_are_not_goals():
    assert goals(["醫脈通致力於打造性別平等、多元包容的職場環境，在公司設有母嬰室，"], "zh-Hant") == []
    assert goals(["针对这些巨大和复杂的挑战，全球社会正齐心协力、积极应对。从联合国制定17项可持续发展目标，到中国提出碳达峰碳中和"]) == []
    assert goals(["此外，本報告參考MSCI3、S&P DJSI4 等主流 ESG 評級指數，並結合聯合國可持續發展目標（SDGs5）、"
                  "《國際財務報告可持續披露準則第 2號——氣候相關披露（IFRS S26）》之建議進行編寫。"], "zh-Hant") == []
    assert goals(["5  SDGs，Sustainable Development Goals，即聯合國可持續發展目標，是聯合國制定的 17 個全球發展目標，"
                  "指導 2015-2030 年的全球發展工作。"], "zh-Hant") == []


def contributions(rows, programme=None):
    ctx = recognise(Document.from_rows([(row, "table", "报告指标索引") for row in rows], "zh-Hans"))
    reporter = "阿里巴巴集团控股有限公司"
    ctx.report.publisher = Mention("Company", reporter, match_key(reporter), "zh-Hans", None)
    if programme:
        sent = ctx.sentences[0]
        start = sent.text.index(programme)
        sent.mentions.append(Mention("Programme", programme, match_key(programme), "zh-Hans", None,
                                     start=sent.start + start, end=sent.start + start + len(programme)))
    return sorted((r.subject.type, r.object.key) for r in rel.extract(ctx))


def test_reporter_and_programme_in_the_row_contribute():
    row = "1. 助力发展乡村数字经济\tB8, B8.1\t\t203-1, 203-2; 413-1\t\t 3 良好健康与福祉  4 优质教育"
    assert contributions([row]) == [("Company", "sdg3"), ("Company", "sdg4")]
    assert contributions([row], programme="助力发展乡村数字经济") == [
        ("Company", "sdg3"), ("Company", "sdg4"), ("Programme", "sdg3"), ("Programme", "sdg4")]


def test_no_goal_no_contribution():
    assert contributions(["联合国可持续发展目标指出，创新、基础设施建设和产业发展息息相关。"]) == []


def test_icon_text_spread_over_blocks():
    # 002: each SDG icon's number and title come out as separate lines
    rows = ["6", "清洁饮水和", "卫生设施", "7", "经济适用的", "清洁能源", "13", "气候行动", "8 体面工作和", "经济增长"]
    assert goals(rows) == [6, 7, 13, 8]
    assert goals(["6", "清洁饮水和"]) == []  # half a title is not a goal
    assert goals(["2022", "气候行动"]) == []
