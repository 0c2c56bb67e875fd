"""Organization mentions (components/organization.py) on sentences from the seed reports."""
import pytest

from extractors.model import Document
from extractors.normalise import to_simplified
from extractors.pipeline import recognise


def document(rows, lang="zh-Hant"):
    return Document.from_rows(rows, lang, "t.txt")


def orgs(text, lang="zh-Hant"):
    ctx = recognise(document([text], lang))
    return [m.text for m in ctx.mentions if m.type == "Organization"]


@pytest.fixture(scope="module", autouse=True)
def warm():
    orgs("聯合北京健康促進會")


def test_co_hosts_listed_with_their_head_words():
    found = orgs("本次活動由國家血液系統疾病臨床醫學研究中心、江蘇省血液研究所、蘇州市紅十字會、蘇州市醫學會、"
                 "蘇州大學附屬第一醫院聯合主辦，醫脈通作為本次峰會協辦方之一榮譽參會。")
    assert found == ["國家血液系統疾病臨床醫學研究中心", "江蘇省血液研究所", "蘇州市紅十字會", "蘇州市醫學會",
                     "蘇州大學附屬第一醫院"]


def test_the_longest_name_wins_over_the_university_inside_it():
    assert orgs("京東健康聯合複旦大學附屬眼耳鼻喉科醫院在全國愛眼日期間共同開展科普及義診活動") == ["複旦大學附屬眼耳鼻喉科醫院"]
    found = orgs("京東健康邀請北京大學第六醫院、首都醫科大學附屬安定醫院、首都醫科大學附屬兒童醫院、南京腦科醫院等41 位知名醫院的知名專家")
    assert found == ["北京大學第六醫院", "首都醫科大學附屬安定醫院", "首都醫科大學附屬兒童醫院", "南京腦科醫院"]


def test_foundations_and_alliances_after_a_partner_cue():
    found = orgs("阿里健康公益聯合阿里巴巴公益基金會，縣域醫院院長聯盟、凌鋒公益基金會等公益愛心組織共同開展")
    assert found == ["阿里巴巴公益基金會", "縣域醫院院長聯盟", "凌鋒公益基金會"]
    assert orgs("我們聯合國家檢科院等四大檢測機構，全面升級燕窩溯源標準") == ["國家檢科院"]


def test_a_government_body_with_its_full_state_prefix():
    assert orgs("然後，通過中華人民共和國國家衛生健康委員會（簡稱「衛健委」）網站予以確認。") == ["中華人民共和國國家衛生健康委員會"]


@pytest.mark.parametrize("text", [
    "京東健康在所有入駐醫生的招聘階段，嚴格執行互聯網醫院入駐審核流程",
    "聯合主流基金會，提供特藥的慈善援助服務；",
    "2020 年 1 月，我們在市場監管部門、公安部門、司法部門等多方見證下，正式推出平台",
    "由京東商家學習中心、京東健康商學堂聯合醫藥部及多名專家，基於醫藥品類特性構建",
    "攜手全國三甲醫院的知名專家",
    "積極貢獻聯合國可持續發展目標（UN SDGS）",
])
def test_descriptions_and_internal_units_are_not_organisations(text):
    assert orgs(text) == []


def test_english_heads_with_their_of_tails():
    text = ("Alibaba Health, joined by Vkan Certification & Testing Co., Ltd (CVC), Shenzhen Academy of Metrology & "
            "Quality Inspection and other institutions, developed technical specifications.")
    assert orgs(text, "en") == ["Shenzhen Academy of Metrology & Quality Inspection"]
    found = orgs("Prof. Ning Guang, Academician of the Chinese Academy of Engineering, Deputy Dean of Ruijin Hospital "
                 "of Shanghai Jiaotong University School of Medicine", "en")
    assert "Ruijin Hospital of Shanghai Jiaotong University School of Medicine" in found
    assert not any(f.startswith("Deputy") for f in found)


def test_english_local_government():
    assert orgs("we work together with Liangshan Prefecture government to develop local food", "en") \
        == ["Liangshan Prefecture government"]


def test_the_exchange_without_the_full_stop_after_it():
    assert orgs("The Company is listed on the Main Board of The Stock Exchange of Hong Kong Limited.", "en") \
        == ["Stock Exchange of Hong Kong Limited"]


@pytest.mark.parametrize("text,want", [
    # 联合 and a bracketed place inside the name (seed 002)
    ("在碳信托的技术支持下，我们和中环联合认证中心共同发布了《范围 3+ 减排：超越价值链的企业气候行动方法学》",
     ["中环联合认证中心"]),
    ("我们积极和市场专业机构达成广泛合作，邀请了来自北京绿色交易所、中国标准化研究院、中环联合（北京）认证中心等行业内的专业机构",
     ["北京绿色交易所", "中国标准化研究院", "中环联合（北京）认证中心"]),
    # a place before a word jieba reads as an adverb (北京|自然|之友)
    ("资助了包括北京自然之友公益基金会、阿拉善生态协会、公众环境研究中心等在内的多家机构", ["北京自然之友公益基金会", "阿拉善生态协会"]),
    # a rare name jieba reads as a verbal noun (民生|通惠)
    ("2018 年，阿里巴巴公益基金会和民生通惠公益基金会共同发起千岛湖水基金", ["阿里巴巴公益基金会", "民生通惠公益基金会"]),
    ("2017 年，阿里巴巴公益基金会携手杭州植物园及桃花源生态保护基金会成立了城市自然体验中心",
     ["阿里巴巴公益基金会", "杭州植物园", "桃花源生态保护基金会"]),
])
def test_names_with_inner_verbs_brackets_and_places(text, want):
    assert orgs(text, "zh-Hans") == want


def test_a_gazetteer_name_that_is_also_a_head_name_is_kept_once():
    assert orgs("京東健康嚴格遵循香港聯合交易所《環境、社會及管治報告指引》的各項要求，建立了完善的 ESG 治理體系。") \
        == ["香港聯合交易所"]


def test_a_weak_head_name_that_is_a_party_of_a_joint_verb():
    # seed 002: 研究中心 needs a qualifier, unless the body acts as a party of 联合
    found = orgs("蔚蓝地图移动应用的 2.0 版本由公众环境研究中心联合阿拉善基金会、阿里巴巴公益基金会共同推出。", "zh-Hans")
    assert found == ["公众环境研究中心", "阿拉善基金会", "阿里巴巴公益基金会"]
    # adapted: a firm's own centre described by common words is no body
    assert orgs("我们的研发中心联合阿拉善基金会共同推出", "zh-Hans") == ["阿拉善基金会"]


def test_international_bodies_by_english_name_and_acronym():
    # seed 001
    found = orgs("Earth Hour is a global environmental movement initiated by the World Wide Fund for Nature (WWF) every "
                 "year, during which it", "en")
    assert found == ["World Wide Fund for Nature", "WWF"]
    # adapted: an acronym inside a longer word is not the body
    assert orgs("The SWWFA team joined the event.", "en") == []


def test_trusts_and_bureaus_with_and_in_their_names():
    # adapted (no seed names such bodies): a qualified trust, a bureau whose name holds "and"
    found = orgs("The project was supported by the Hong Kong Jockey Club Charities Trust and the Environment and "
                 "Ecology Bureau.", "en")
    assert found == ["Hong Kong Jockey Club Charities Trust", "Environment and Ecology Bureau"]
    assert orgs("Our volunteers, supported by the Hong Kong Red Cross, visited elderly homes.", "en") == ["Hong Kong Red Cross"]
    # seed 004: a slogan, not a body
    assert orgs("Health with Trust, Empowering Lives", "en") == []


def test_a_chinese_name_printed_with_an_english_body_name():
    # seed 002
    assert orgs("⁷ 碳信托 (Carbon Trust) 是碳中和领域国际专业机构。", "zh-Hans") == ["碳信托"]
    assert orgs("根据碳信托 (Carbon Trust⁷)《阿里云碳效能报告》", "zh-Hans") == ["碳信托"]


@pytest.mark.parametrize("text,want", [
    # a place folded into common words before a strong head (jieba reads 香港中文 as one word)
    ("本年度，本集團聯同香港中文大學地理與資源管理學系的研究團隊，就主要資產進行氣候情景分析", ["香港中文大學"]),
    # common words only, but a party of 與…合辦; a one-character head jieba reads as a verb
    ("示例建築連續第四年與長者安居協會合辦「暖居行動」", ["長者安居協會"]),
    ("示例酒店推行食物捐贈計劃，與聖雅各福群會「惜食堂」合作，將剩餘食物轉贈有需要人士", ["聖雅各福群會"]),
    # a body's branch and the state in front of a ministry
    ("本集團與世界自然基金會香港分會合辦企業義工計劃", ["世界自然基金會香港分會"]),
    ("電力排放因子採用中國生態環境部公佈的全國電網平均排放因子", ["中國生態環境部"]),
])
def test_bodies_named_by_a_place_a_cue_a_branch_or_the_state(text, want):
    assert orgs(text) == want


@pytest.mark.parametrize("text", ["覆蓋全国三甲醫院的專家", "成為全國一級協會會員"])
def test_a_scope_word_and_a_rank_name_no_body(text):
    assert orgs(text) == []


def test_a_counted_kind_of_school_is_no_name():
    """Sentences of the synthetic dev report education_zh-Hans: 学校 heads a name after a place
    and a trade name, not after a count (四所学校)."""
    from extractors.components.organization import zh_org_names
    text = "广东、江西及贵州三省营运四所学校，即广东明泓理工学院及佛山明泓技工学校。"
    assert [text[s:e] for s, _h, e in zh_org_names(text)] == ["广东明泓理工学院", "佛山明泓技工学校"]


def test_public_bodies_named_as_co_organisers():
    """Sentences of the synthetic dev report resort_zh-Hant: bureaus with names of ordinary
    words, and a federation whose head follows an association's (…會聯合總會)."""
    from extractors.components.organization import zh_joint_orgs
    for text, want in [("瀾庭娛樂與社會工作局合辦「負責任博彩推廣週」社區活動", "社会工作局"),
                       ("本集團與澳門街坊會聯合總會合辦「長者暖心飯堂」計劃", "澳门街坊会联合总会")]:
        folded = to_simplified(text)
        assert [folded[s:e] for s, e in zh_joint_orgs(folded)] == [want]
    folded = to_simplified("我們與員工代表委員會合作改善工作環境")
    assert zh_joint_orgs(folded) == []
