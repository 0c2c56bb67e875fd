"""The person recogniser on real lines of the seed reports: names only where the report gives
them a governance context (director rows, titles, signatures, columns of directors), and
nothing from the many surname-shaped strings of running text."""
from __future__ import annotations

import pytest

from extractors.pipeline import recognise
from test_committee import lines_document


def persons(lines: list[str], lang: str = "zh-Hant") -> list[str]:
    """The Person mentions the pipeline finds in ``lines`` (one block per line)."""
    return [m.text for m in recognise(lines_document(lines, lang)).mentions if m.type == "Person"]


@pytest.mark.parametrize("row, name", [
    ("主席 劉強東 男 提名委員會主席 有 有 有", "劉強東"),
    ("執行董事兼首席執行官 金恩林 男 薪酬委員會 有 有 有", "金恩林"),
    ("非執行董事 Qingqing Yi 男 - 有 有 有", "Qingqing Yi"),
    ("陳興垚 男 審計委員會主席 無 有 有", "陳興垚"),
    ("李玲 女", "李玲"),
    ("獨立非執行董事 廖家傑 男 - 有 無 無", "廖家傑"),
])
def test_director_table_rows(row, name):
    assert persons([row]) == [name]


def test_titles_right_before_a_name():
    assert persons(["今年我们成立了科技伦理治理委员会，由集团首席技术官程立领导。"], "zh-Hans") == ["程立"]
    assert persons(["——阿里巴巴集团首席风险官 郑俊芳"], "zh-Hans") == ["郑俊芳"]


def test_signatures_under_a_title():
    assert persons(["阿里健康主席兼首席執行官", "朱順炎", "2022年5月25日"]) == ["朱順炎"]
    assert persons(["Alibaba Health CEO", "Shen Difan"], "en") == ["Shen Difan"]


def test_a_flattened_column_of_directors():
    lines = ["董事會多元化", "田立平", "田立新", "田立軍", "周欣", "槌屋英二", "李卓霖（其辭任於2023年4月14日生效）",
             "金色一賢（其委任於2023年4月14日生效）", "葉霖", "馬軍", "王珊", "女", "男", "姓名 性別 年齡 職務", "執行董事"]
    assert persons(lines) == ["田立平", "田立新", "田立軍", "周欣", "槌屋英二", "李卓霖", "金色一賢", "葉霖", "馬軍", "王珊"]


def test_a_column_of_section_labels_is_not_a_list_of_names():
    assert persons(["管治", "反貪腐", "廉潔培訓", "廉潔培訓總小時數 小時 6,099.4 7,537", "董事會成員數量"]) == []


def test_english_honorifics():
    assert persons(["Mr. Cao Yu, chair of Alibaba Health’s Philanthropy Committee:"], "en") == ["Cao Yu"]


@pytest.mark.parametrize("line", [
    "為拓展基層醫生獲取權威醫學訊息和臨床指南的渠道，醫脈通在與中華醫學會、萬方醫學數據庫等平台合作的基礎上達成了戰略合作。",
    "此外，阿里健康支持核心員工進行專業學習，2022年公司邀請浙江大學教授開展藥學通識培訓，共計21課時。",
    "本公司的醫生用戶參與度持續提高將使得醫生用戶對定制內容的潛在點擊次數增加。",
    "我們重視藥師和醫生的專業成長，開展了多項針對性培訓。",
    "醫脈通平台對制藥及醫療器械公司客戶的吸引力由其醫生用戶的參與度所推動。",
    "——联合国世界粮食计划署执行副总干事 阿米尔·阿卜杜拉先生",
])
def test_surname_shaped_text_is_not_a_person(line):
    assert persons([line]) == []


# Not from the seeds (they name members only in director tables): short realistic sentences.
@pytest.mark.parametrize("line, lang, expected", [
    ("提名委員會由張偉、劉洋及趙敏組成。", "zh-Hant", ["張偉", "劉洋", "趙敏"]),
    ("提名委員會成員為周明、林華及何芳，其中周明為主席。", "zh-Hant", ["周明", "林華", "何芳", "周明"]),
    ("独立非执行董事王芳担任ESG委员会成员。", "zh-Hans", ["王芳"]),
    ("The members of the Audit Committee are Li Ming, Wang Fang and Chen Qiang.", "en",
     ["Li Ming", "Wang Fang", "Chen Qiang"]),
    ("Mr. Zhang Wei Executive Director Chairman of the Board", "en", ["Zhang Wei"]),
    ("Ms. Wang Fang Independent Non-executive Director Audit Committee Chairman", "en", ["Wang Fang"]),
])
def test_member_lists_and_name_edges(line, lang, expected):
    assert persons([line], lang) == expected


@pytest.mark.parametrize("line", [
    "工作組由安全、環境及質量部門組成，定期向管理層匯報。",
    "ESG工作小組成員包括各業務部門負責人。",
    "該委員會由本公司董事長、總工程師、法務負責人及各一線負責人等組成",  # seed 003
])
def test_a_list_of_departments_or_roles_is_no_list_of_names(line):
    assert persons([line]) == []


# Hong Kong style English names (the synthetic dev report water_services_en, and the shapes
# HKEX reports print): the capitalised surname first or last, given names with hyphens.
@pytest.mark.parametrize("line, expected", [
    ("Mr. WANG Jianguo Chairman and executive Director – M C –", ["WANG Jianguo"]),
    ("Dr. CHEUNG Mei Ling Independent non-executive Director – – M M", ["CHEUNG Mei Ling"]),
    ("The Remuneration Committee, chaired by Mr. HO Chun Kit, makes recommendations to the Board.", ["HO Chun Kit"]),
    ("The Audit Committee is chaired by Dr. CHAN Tai-man.", ["CHAN Tai-man"]),
    ("Mr. Kenneth LAU, our Chief Financial Officer, joined the Group in 2015.", ["Kenneth LAU"]),
    ("The members of the Nomination Committee are Ms. Chan Mei Ling, Mr. John A. Smith and Ms. Mary O'Brien.",
     ["Chan Mei Ling", "John A. Smith", "Mary O'Brien"]),
])
def test_hong_kong_style_english_names(line, expected):
    assert persons([line], "en") == expected


def test_an_unknown_capitalised_word_needs_an_honorific_to_be_a_surname():
    # JR is no surname: a list after "namely" of short company names is no list of people
    assert persons(["The working group comprises the general managers of two subsidiaries, namely JR Shenzhen and "
                    "JR Wuhan."], "en") == []
    assert persons(["It comprises three members, namely CHAN Wai Man and LEE Ka Ho."], "en") == ["CHAN Wai Man", "LEE Ka Ho"]


def test_the_start_of_a_company_name_is_no_person():
    # seed 001: "Alibaba Health" opens the company's legal name, so a title after it is no director row
    assert persons(["In its 2017 annual report, Alibaba Health Information Technology Limited disclosed its",
                    "Alibaba Health Chairman and Chief Executive Officer"], "en") == []


def test_a_row_of_committee_marks_under_a_header_names_a_director():
    # a director table grouped under title lines: the row is only the name and its marks
    lines = ["Directors Audit Committee Remuneration Committee Nomination Committee", "Executive Directors",
             "WONG Kwok Wai (Chairman) – – C", "LEE Ka Ho C M M", "Total Energy – – –"]
    assert persons(lines, "en") == ["WONG Kwok Wai", "LEE Ka Ho"]
    assert persons(lines[1:], "en") == []  # no header naming committees above: any table's row


def test_names_after_any_chief_officer_title_and_known_names_before_an_honorific():
    # 首席醫學官 is no listed title, but any 首席…官 is one; 王曉東 is in jieba's dictionary as a name
    assert persons(["可持續發展委員會成員包括首席財務官李嘉欣女士及首席醫學官陳浩然博士。"]) == ["李嘉欣", "陳浩然"]
    assert persons(["包括執行董事張志明博士（主席）及王曉東博士。"]) == ["張志明", "王曉東"]


def test_an_english_given_name_after_a_hong_kong_name_is_an_alias():
    found = [m for m in recognise(lines_document(["Mr. LAU Chi Keung, Andrew Independent Non-executive Director C M – M –",
                                                  "Mr. WANG Jianguo, Chairman of the Board"], "en")).mentions
             if m.type == "Person"]
    assert [(m.text, m.aliases) for m in found] == [("LAU Chi Keung", ("Andrew LAU",)), ("WANG Jianguo", ())]
    assert persons(["It is chaired by Professor CHEUNG Siu Ming, an independent non-executive Director."], "en") \
        == ["CHEUNG Siu Ming"]
