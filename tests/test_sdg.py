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
    ("对应联合国可持续发展目标第7项及第13项", [7, 13]),
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


# Layouts of the dev reports in tests/data/synthetic/dev/ (fictitious companies).
def mapped(rows, lang="zh-Hant", reporter="翠嶺置業控股有限公司"):
    """(subject, goal number) pairs for rows given as text or (text, kind, heading)."""
    ctx = recognise(Document.from_rows(rows, lang))
    ctx.report.publisher = Mention("Company", reporter, match_key(reporter), lang, None)
    return sorted({(r.subject.text if r.subject.type == "Programme" else "REPORTER", r.object.attrs["number"])
                   for r in rel.extract(ctx)})


def test_icon_strip_beside_an_sdg_caption():
    caption = "「嶺動2030」可持續發展藍圖於二零二一年推出，並與聯合國可持續發展目標（SDGs）相互呼應。"
    assert goals([caption, ("3 4 5 6 7 8 9 11 12 13 17", "table", "")], "zh-Hant") == [3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 17]
    assert goals(["OUR CONTRIBUTION TO THE UN SUSTAINABLE DEVELOPMENT GOALS", "3 4 6 7 8 11 12 13 15"], "en") == [
        3, 4, 6, 7, 8, 11, 12, 13, 15]
    # a chapter's strip alone, numbers out of order, numbers past 17: not goals
    assert goals(["3 CARING FOR OUR PEOPLE", "3 4 8"], "en") == []
    assert goals(["OUR CONTRIBUTION TO THE UN SUSTAINABLE DEVELOPMENT GOALS", "8 4 6"], "en") == []
    assert goals(["OUR CONTRIBUTION TO THE UN SUSTAINABLE DEVELOPMENT GOALS", "12 15 18"], "en") == []


def test_goal_keyed_rows_run_together():
    # 168-169 of water_services_en: rows "SDG | what contributed" extracted as one paragraph
    row = ('SDG 3 Good Health and Well-being Safe drinking water for 3.8 million residents; "Spring Light Rural Water '
           'Project"; "Zero Harm Action Plan" SDG 4 Quality Education "Clear Water Classroom"; "Seedling Programme"')
    assert mapped([row], "en", "Jade River Environmental Holdings Limited") == [
        ("Clear Water Classroom", 4), ("REPORTER", 3), ("REPORTER", 4), ("Seedling Programme", 4),
        ("Spring Light Rural Water Project", 3), ("Zero Harm Action Plan", 3)]


def test_goals_named_after_the_programme_in_its_own_paragraph():
    rows = ["翠嶺建築自二零一九年起推行「安全嶺先」工地安全運動，內容包括行為安全觀察。"
            "本運動對應SDG 3「良好健康與福祉」及SDG 8「體面工作和經濟增長」。"]
    assert mapped(rows) == [("安全嶺先", 3), ("安全嶺先", 8)]
    # a goal in brackets ends the paragraph of the programme named before it
    rows = ["本集團自二零一五年起與香港理工大學合辦「翠苗獎學金」，資助修讀建造的學生。本年度共頒發48個獎學金。"
            "（SDG 4 優質教育）案例：「翠嶺‧濕地守護者」企業義工計劃"]
    assert mapped(rows) == [("翠苗獎學金", 4)]
    # a bare line of goals after a lead-in ending in a colon, in the programme's case box
    title = "案例：「嶺光計劃」"
    rows = [(title, "heading", ""), ("「嶺光計劃」於二零二一年推出，在本集團物業的天台及外牆安裝光伏系統。", "paragraph", title),
            ("對應聯合國可持續發展目標：", "paragraph", title), ("SDG 7 經濟適用的清潔能源 SDG 13 氣候行動", "paragraph", title)]
    assert mapped(rows) == [("嶺光計劃", 7), ("嶺光計劃", 13)]


def test_a_bracketed_goal_inside_a_paragraph_is_the_reporters():
    # only a note ending the paragraph (or standing alone) goes to the paragraph's programme
    rows = ["「嶺光計劃」於二零二一年推出，在本集團物業的天台及外牆安裝光伏系統。"
            "本集團亦推動可再生能源的使用（SDG 7），並透過上網電價計劃將電力售予電網。"]
    assert mapped(rows) == [("REPORTER", 7)]


def test_the_programme_a_section_is_titled_with():
    title = '"Clear Water Classroom"'
    rows = [(title, "heading", ""),
            ('The "Clear Water Classroom" is our water science education programme for school students.',
             "paragraph", title),
            ("In 2023, we held 86 sessions for 13,600 students. The programme contributes to SDG 4 Quality Education "
             "and SDG 6.", "paragraph", title)]
    assert mapped(rows, "en", "Jade River Environmental Holdings Limited") == [
        ("Clear Water Classroom", 4), ("Clear Water Classroom", 6)]


def test_a_goal_the_report_maps_itself_onto_stays_the_reporters():
    rows = ["We regard SDG 6 Clean Water and Sanitation as the heart of our sustainability strategy."]
    assert mapped(rows, "en", "Jade River Environmental Holdings Limited") == [("REPORTER", 6)]


def test_a_list_of_goals_wrapped_onto_the_next_row():
    # 282-283 of hk_property_zh-Hant: the SDG column's cell wraps, its rest ends the next line
    rows = [("以人為本 職安健、培訓、多元共融 維持零死亡事故；僱員平均 SDG 3、4、", "table", ""),
            ("受訓時數達24小時 5、8", "table", "")]
    assert goals(rows, "zh-Hant") == [3, 4, 5, 8]
    # a line that does not leave a list open continues none
    rows[0] = ("以人為本 職安健、培訓、多元共融 維持零死亡事故；僱員平均 SDG 3、4", "table", "")
    assert goals(rows, "zh-Hant") == [3, 4]


def test_a_programme_the_report_named_before_counts_where_a_table_repeats_it():
    named = '- "Master Operator Academy": the Group\'s internal vocational academy for plant operators.'
    row = 'SDG 4 Quality Education "Master Operator Academy"; "Seedling Programme"'
    assert mapped([named, row], "en", "Jade River Environmental Holdings Limited") == [
        ("Master Operator Academy", 4), ("REPORTER", 4), ("Seedling Programme", 4)]


def test_a_strip_under_a_pillar_table_whose_last_column_is_sdgs():
    # bank_en: the header names the SDGs column, each pillar row is a block, the icons' strip follows
    rows = [("Pillar Focus areas 2030 targets SDGs Financing the Transition Green and sustainable finance, "
             "HK$60 billion of green and sustainable finance 7, 9, 11, 13", "paragraph", "OUR SUSTAINABILITY STRATEGY"),
            ("Empowering People and Financial inclusion, talent, 40% women in senior management; 4, 5, 8, 10",
             "paragraph", "OUR SUSTAINABILITY STRATEGY"),
            ("Governing with Integrity Ethics, data security, Zero material data breaches 16, 17", "paragraph",
             "OUR SUSTAINABILITY STRATEGY"),
            ("4 5 7 8 9 10 11 13 14 15 16 17", "table", "OUR SUSTAINABILITY STRATEGY")]
    strip = [4, 5, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17]
    assert goals(rows, "en") == strip
    # a dozen goals in the report's own strip map the reporter; all 17 describe the SDGs
    assert mapped(rows, "en", "Evermount Financial Holdings Limited") == [("REPORTER", n) for n in strip]
    rows[-1] = ("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17", "table", "OUR SUSTAINABILITY STRATEGY")
    assert mapped(rows, "en", "Evermount Financial Holdings Limited") == []
    # the header too far back, or in another section: no strip
    far = [rows[0]] + [("Progress against the main targets was as follows.", "paragraph", "OUR SUSTAINABILITY STRATEGY")] * 4
    assert goals(far + [("4 5 7 8", "table", "OUR SUSTAINABILITY STRATEGY")], "en") == []
    assert goals([rows[0], ("4 5 7 8", "table", "GREEN FINANCE")], "en") == []


def test_a_bare_programme_noun_opening_the_mapping_sentence_points_back():
    rows = ["「惜食瀾庭」廚餘減量計劃由瀾庭餐飲推行，透過優化自助餐備餐量減少廚餘。"
            "計劃對應SDG 2「零飢餓」及SDG 12「負責任消費和生產」。"]
    assert mapped(rows, reporter="瀾庭國際娛樂控股有限公司") == [("惜食瀾庭", 2), ("惜食瀾庭", 12)]
    # the noun inside the sentence is no pointer
    rows = ["「惜食瀾庭」廚餘減量計劃由瀾庭餐飲推行。集團的減碳計劃對應SDG 13。"]
    assert mapped(rows, reporter="瀾庭國際娛樂控股有限公司") == [("REPORTER", 13)]
