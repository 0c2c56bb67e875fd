"""The programme recogniser on real sentences of the seed reports (examples/reports/)."""
from __future__ import annotations

import pytest
import spacy

from extractors.components import programme  # noqa: F401  (registers esg_programme)
from extractors.components.base import SPAN_KEY, add_span
from extractors.normalise import match_key, to_simplified


def _pipeline(lang: str):
    if lang == "en":
        nlp = spacy.blank("en")
    else:
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("esg_programme", config={"lang": lang})
    return nlp


@pytest.fixture(scope="module")
def zh():
    return _pipeline("zh")


@pytest.fixture(scope="module")
def en():
    return _pipeline("en")


def spans(nlp, text: str, kind: str = "paragraph", heading: str = "") -> list:
    """The Programme spans the component adds to one block of text."""
    folded = text if nlp.lang == "en" else to_simplified(text)
    doc = nlp.make_doc(folded)
    doc.user_data.update({"original": text, "lang": nlp.lang, "kind": kind, "heading": heading})
    doc = nlp(doc)
    return [s for s in doc.spans.get(SPAN_KEY, []) if s.label_ == "Programme"]


def found(nlp, text: str, kind: str = "paragraph", heading: str = "") -> list[str]:
    """Labels of the Programme spans the component adds to one block of text."""
    return [s._.esg_label for s in spans(nlp, text, kind, heading)]


@pytest.mark.parametrize(
    "text, names",
    [
        # a quoted name classified by the noun after it
        ("我們面向全體員工開展「健康學院」線上直播培訓，聚焦行業與用戶洞察", ["健康學院"]),
        ("2024 年，京東健康推出「 過期藥回收」社會公益項目，致力於提升公眾用藥安全與環保意識。", ["過期藥回收"]),
        # a list of quoted names sharing one classifier
        ("支持員工參與集團的培訓活動，例如「三板斧」「俠客行」等基礎管理培訓活動。", ["三板斧", "俠客行"]),
        # launched by the verb before it
        ("京東健康聚焦騎手、快遞小哥等戶外工作者，精心定制 「暖心藥包」，致敬他們的辛勤付出。", ["暖心藥包"]),
        ("聯合博鰲樂城罕見病醫學臨床中心，打造了國內首個「罕見病全球藥物信息平台」，", ["罕見病全球藥物信息平台"]),
        # a head-word inside the quotes, nested quote marks kept
        ("京東健康攜手雅培醫學營養品開展以「營養百歲人生 養老「培」伴計劃」為主題的快閃活動。",
         ["營養百歲人生 養老「培」伴計劃"]),
        # unquoted: after a verb, a case title, a list item, a recurring edition
        ("同時，我們激勵消費者參與循環箱回收計劃，在全國超過300個城市中安排2小時內", ["循環箱回收計劃"]),
        ("案例：菜鳥綠色快遞包裝回收計劃", ["菜鳥綠色快遞包裝回收計劃"]),
        ("小天南星計劃：制定為期三年的培養計劃，通過迎新會使其快速熟悉環境", ["小天南星計劃"]),
        ("2024 年，公司舉辦講武堂第二期培訓活動，以「 拓思路，促增長」為核心理念", ["講武堂"]),
        # dev report hk_property_zh-Hant: a scheme named after its participants (a role-like
        # name and the programme noun after it); a scholarship co-run (合辦); 推行 launches
        ("本集團與世界自然基金會香港分會合辦「翠嶺‧濕地守護者」企業義工計劃，組織員工及家屬到米埔自然保護區",
         ["翠嶺‧濕地守護者"]),
        ("本集團自二零一五年起與香港理工大學合辦「翠苗獎學金」，資助修讀建造、屋宇設備工程及可持續建築的學生",
         ["翠苗獎學金"]),
        ("翠嶺建築自二零一九年起推行「安全嶺先」工地安全運動，內容包括行為安全觀察", ["安全嶺先"]),
    ],
)
def test_zh_programmes(zh, text, names):
    assert found(zh, text) == names


def test_zh_heading_names_a_programme(zh):
    assert found(zh, "阿里健康杭州園區節能技術改造項目", "heading") == ["阿里健康杭州園區節能技術改造項目"]


@pytest.mark.parametrize(
    "text",
    [
        "秉承「綠水青山就是金山銀山」的發展理念，持續關注氣候變化，",  # a slogan
        "嚴格遵守《中華人民共和國個人信息保護法》《中華人民共和國數據安全法》",  # laws
        "阿里雲 彭博新能源財經(BloombergNEF) 2021年「中國綠電採購企業排行榜」",  # a ranking
        "本項目獲選華夏時報社2024（第四屆）華夏公益論壇「年度十大華夏公益項目」",  # an award
        "京東健康員工培訓計劃",  # a table caption that only describes
        "2022年，阿里健康設立行政工程運營中心，集中化、精細化管理全國各個園區",  # 工程 inside a word
        "公司根據國家防疫政策和集團策略，通過實行「園區碼」「城市碼」，對全體員工實現",  # tools
        "2021年，淘宝上线了“找相似”功能，消费者可以在",  # a product feature
        "京東健康積極參與京東集團統一開展的 「員工滿意度和員工士氣」 評分問卷工作",  # a pair of topics
        "本集團與策略夥伴合作發展大型項目，以分擔風險並結合各方專長。",  # 大型項目: a kind of project
        "翠嶺物業的前線員工擔任「社區守望員」，定期探訪在管屋苑及鄰近社區的獨居長者",  # a role they take
    ],
)
def test_zh_not_programmes(zh, text):
    assert found(zh, text) == []


@pytest.mark.parametrize(
    "text, names",
    [
        ("Alibaba Health launched the “Woodpecker” program in 2017, hoping to upgrade the service quality",
         ["Woodpecker"]),
        ("In January 2018, Alibaba Health and MSD China launched a strategic cooperation project called "
         "“Say ‘No’ to Cervical Cancer.”", ["Say ‘No’ to Cervical Cancer"]),
        ("the Company participates in the “Earth Hour” environmental protection movement initiated by the "
         "World Wide Fund for Nature (WWF) every year", ["Earth Hour"]),
        ("On August 15, 2017, “Ruizhi Adult Vaccination Service System” (“Ruizhi Project”) was officially "
         "launched", ["Ruizhi Adult Vaccination Service System", "Ruizhi Project"]),
        ("Alibaba Health’s Health Campaign for Spring Festival – “Health Guarantees Jubilance”",
         ["Health Guarantees Jubilance", "Alibaba Health’s Health Campaign for Spring Festival"]),
        # dev report water_services_en: the copula classifies the quoted name; a list item's
        # gloss restates its head-word
        ("The \"Clear Water Classroom\" is our water science education programme for primary and secondary "
         "school students.", ["Clear Water Classroom"]),
        ("- \"Master Operator Academy\": the Group's internal vocational academy for plant operators and "
         "maintenance technicians.", ["Master Operator Academy"]),
        # dev report bank_en: a list item opening its paragraph, whose gloss classifies it or
        # points back to it; any head-word right after a launching verb; a preposition opening
        # the sentence is no part of the name
        ("Climate Ready Learning Series: an e-learning series on climate risk, green finance and the Hong Kong "
         "Taxonomy, compulsory for all staff since 2023.", ["Climate Ready Learning Series"]),
        ("Warm Meals Together: in partnership with Food Angel, our volunteers cooked and delivered 126,000 meals "
         "to low-income families. This campaign supports SDG 2 Zero Hunger.", ["Warm Meals Together"]),
        ("In March 2024, the Macau Branch launched the Macau Green SME Support Scheme in collaboration with the "
         "Macau Productivity and Technology Transfer Center.", ["Macau Green SME Support Scheme"]),
        ("Under the GoPaperless Initiative, launched by the Group, e-statements are now the default.",
         ["GoPaperless Initiative"]),
        # an event credited to its organiser after a comma
        ("its staff joined colleagues across the Group in switching off non-essential lights for Earth Hour 2024, "
         "organised by WWF-Hong Kong.", ["Earth Hour 2024"]),
    ],
)
def test_en_programmes(en, text, names):
    assert found(en, text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Alibaba Health aims to achieve the ultimate goal of “making pharmaceutical searches easy”.",
        "Kang Hui, the presenter of CCTV “News Simulcast”",
        "Adventures of the Wolfberry, the “Internet Celebrity of the Year”",
        # dev report water_services_en: a product and a service line
        "\"AquaMind\", the Group's smart water platform, which connects over 12,000 online sensors at our plants",
        "can reach us through the 24-hour \"Water Butler\" hotline, our WeChat service account and five service halls.",
        # dev report bank_en: a topic item, and a scheme the company pays into rather than runs
        "Health, Safety and Well-being: there were no work-related fatalities in the past three years.",
        "All employees in Hong Kong are enrolled in the Mandatory Provident Fund Scheme.",
        "The Hong Kong Jockey Club, founded by merchants in 1884, remains a partner of our volunteers.",
    ],
)
def test_en_not_programmes(en, text):
    assert found(en, text) == []


def test_key_is_the_name_without_quotes(zh):
    doc = zh.make_doc(to_simplified("京東健康發起「 坐著洗澡」公益項目，聯合公益組織等多方力量"))
    doc.user_data["original"] = "京東健康發起「 坐著洗澡」公益項目，聯合公益組織等多方力量"
    span = zh(doc).spans[SPAN_KEY][0]
    assert span._.esg_label == "坐著洗澡"
    assert span._.esg_key == match_key("坐著洗澡") == match_key("「 坐著洗澡」")


def test_launched_alliance_is_taken_back_from_organisations(en):
    """An organisation recogniser may read "Alliance" as a body; launched in quotes it is a programme."""
    text = "We established the “Global Pharmaceutical Search Alliance” in partnership with non-profit organizations"
    doc = en.make_doc(text)
    doc.user_data["original"] = text
    start = text.index("Global")
    add_span(doc, start, start + len("Global Pharmaceutical Search Alliance"), "Organization", "gpsa")
    doc = en(doc)
    assert [(s.label_, s.text) for s in doc.spans[SPAN_KEY]] == [
        ("Programme", "Global Pharmaceutical Search Alliance")
    ]


def test_a_company_quoted_as_a_defined_term_stays_a_company(zh):
    text = "阿里健康信息技術有限公司（「阿里健康」）發起「阿里健康」公益項目"
    doc = zh.make_doc(to_simplified(text))
    doc.user_data["original"] = text
    for i in (text.index("阿里健康」"), text.rindex("阿里健康")):
        add_span(doc, i, i + 4, "Company", "阿里健康")
    doc = zh(doc)
    assert [s.label_ for s in doc.spans[SPAN_KEY]] == ["Company", "Company"]


@pytest.mark.parametrize(
    "text, names",
    [
        # a classifier before the quote, with an ESG purpose (children gone missing, low carbon)
        ("2016 年助力开发儿童失踪信息紧急发布平台“团圆系统”，截至 2022 年 5 月 15 日，累计发布过 5,038 名失踪儿童的信息",
         ["团圆系统"]),
        ("2022 年 4 月，阿里巴巴加入倡导低碳技术专利共享的国际平台“低碳专利承诺”，并对外免费开放九项关键的数据中心低碳专利",
         ["低碳专利承诺"]),
        # a charity mechanism named by its own word
        ("2022财年，我们带动超过220万个商家和约5亿用户，通过「公益宝贝」的模式参与捐赠。", ["公益宝贝"]),
        # an unquoted name after an incubating verb and 的, or held up as the example (以X为例)
        ("开展「3小时公益」行动，要求所有员工每年至少为公益贡献3小时，诞生了如达摩院孵化的数字手语翻译项目，帮助听障人士更好地感知世界。",
         ["3小时公益", "数字手语翻译项目"]),
        ("以聚焦技术能力的奇点学堂为例，现有1,321门课程，44条体系化学习路径", ["奇点学堂"]),
        # a platform named for its purpose, and an app named for its cause
        ("通过“人人3小时”平台项目创新，鼓励民众参与针对性的志愿服务活动。", ["人人3小时"]),
        ("阿里健康公益也在特藥與罕見病領域不斷投入，2021年9月份上線了「患者援助」小程序。", ["患者援助"]),
        # a list item whose gloss calls it 該項目
        ("健康知識河圖：覆蓋 10 個內容方向，目前公司內部覆蓋率為 92.06%，人均觀看次數超 20 次。2024 年第四季度，"
         "該項目借助京東整體 AI 數據模型，制作知識管理機器人", ["健康知識河圖"]),
    ],
)
def test_zh_names_without_a_head_word_beside_them(zh, text, names):
    assert found(zh, text) == names


def test_zh_section_defines_its_titled_name(zh):
    text = ("蔚蓝地图是中国首个环境地图，也是目前为止最大的环境信息数据库平台。蔚蓝地图移动应用的 2.0 版本由公众环境研究中心"
            "联合阿拉善基金会、阿里巴巴公益基金会共同推出。")
    assert found(zh, text, heading="蔚蓝地图") == ["蔚蓝地图", "蔚蓝地图"]
    # the same paragraph under another heading, or a heading that only describes, gives nothing
    assert found(zh, text, heading="环境信息网络") == []
    assert found(zh, "环境信息公开是环境监督和公众参与的基础。", heading="环境信息") == []


@pytest.mark.parametrize(
    "text",
    [
        "我们还为平台上的经营者打造了“千牛”一站式商户平台，提供全链路的经营服务",  # a business platform
        # launched, but used by its customers: a product
        "我们于 2014 年推出“生意参谋”，通过数据帮助商家经营店铺。目前，平台上月销售额超过人民币 30 万元的卖家中约有 90% 使用了“生意参谋”。",
        "我们旗下多款 App 也推出“长辈版”，在放大显示字体的基础上，定制长辈专属页面",  # an app version
        "老板电器基于阿里云IoT平台搭建的“九天中枢数字平台”接入了工厂全部284台自动化设备",  # a factory's system
        "为帮助遇到生活较大困难的同学及其家庭，可申请公司彩虹计划“特困援助金”。",  # a benefit inside a plan
        "2021年，我们发起了“寻找远方的美好”，邀请全国超过1,000名设计师和高校设计专业学生成为“公益设计官”",  # a role
        "作為一款免費的智能健康助手，「 康康」通過整合多平台醫療資源，推動「 智慧醫療」服務普惠化",  # an assistant
    ],
)
def test_zh_products_and_roles_are_not_programmes(zh, text):
    names = found(zh, text)
    assert not set(names) & {"千牛", "生意参谋", "长辈版", "九天中枢数字平台", "特困援助金", "公益设计官", "康康"}


def test_english_name_in_brackets_becomes_an_alias(zh):
    text = "从长远来看，我们已经申请加入科学碳目标倡议（SBTi），目标是和社会各界一起"
    [span] = spans(zh, text)
    assert (span._.esg_label, span._.esg_attrs["aliases"]) == ("科学碳目标倡议", ("SBTi",))
    # a place in brackets is no alias
    [span] = spans(zh, "2021 年，阿里巴巴启动“少年云助学计划”（杭州），旨在激发青少年的数字创造力。")
    assert "aliases" not in span._.esg_attrs


@pytest.mark.parametrize(
    "text, names",
    [
        # unquoted, the left edge marked only by the verb before it (posseg left edge)
        ("開展西藏那曲蟲草項目，帶動產區民眾增收致富", ["西藏那曲蟲草項目"]),
        # one coined word names a plan; 公司 before it is no part of the name
        ("為幫助遇到生活較大困難的同學及其家庭，可申請公司彩虹計劃“特困援助金”。", ["彩虹計劃"]),
        # a Latin-script name before a head-word in a Chinese report (alias: the Latin part)
        ("2021 年，Lazada 菲律宾公司支持了 Angels for Angels 项目，旨在助力边缘女性群体制作和销售圣诞装饰",
         ["Angels for Angels 项目"]),
    ],
)
def test_zh_names_whose_edge_only_a_verb_marks(zh, text, names):
    assert found(zh, text) == names


def test_latin_name_keeps_its_latin_part_as_alias(zh):
    text = "2021 年，Lazada 菲律宾公司支持了 Angels for Angels 项目，旨在助力边缘女性群体"
    (span,) = spans(zh, text)
    assert span._.esg_attrs["aliases"] == ("Angels for Angels",)


@pytest.mark.parametrize(
    "text",
    [
        "2022年2月，龍泉市入選浙江省商務廳公佈的商務領域共同富裕試點項目。",  # a category, ranked
        "2021年11月，瀚藍環境位於福建惠安項目的垃圾焚燒",  # a site, placed
        "制定數據安全應急計劃",  # a compound of generic words
    ],
)
def test_zh_descriptions_after_a_verb_are_not_names(zh, text):
    assert found(zh, text) == []


@pytest.mark.parametrize(
    "text, names",
    [
        # a CamelCase name with a cause word, launched
        ("在东南亚，Lazada 于 2022 年 4 月发起了 LazEarth 活动，携手品牌合作伙伴，帮助消费者评估和识别环保产品。",
         ["LazEarth"]),
        # a quoted Title Case name with a cause word
        ("同时，Lazada 与联合利华开启了为期三年的可持续发展战略合作“Easy Green”，让消费者更便捷地购买可持续产品。",
         ["Easy Green"]),
    ],
)
def test_zh_latin_names_for_a_cause(zh, text, names):
    assert found(zh, text) == names


def test_zh_quoted_fund_under_a_plan_is_no_apposition(zh):
    # 计划“X” gives X a type only when the clause before states a purpose
    assert "特困援助金" not in found(zh, "為幫助遇到生活較大困難的同學及其家庭，可申請公司彩虹計劃“特困援助金”。")


def test_award_received_from_its_giver_is_no_programme(zh):
    # 颁发 would make an award the company runs; 获得 in the clause says it was received
    text = "阿里达摩院医疗AI团队，因疫情期间的技术贡献，于2021年12月获得科技部颁发的「全国科技抗疫先进集体奖」。"
    assert found(zh, text) == []
    assert not zh.get_pipe("esg_programme").rules.run_award(
        to_simplified(text), next(programme.ZhRules.QUOTE.finditer(to_simplified(text))))



# Round 4 dev reports (resort_zh-Hant, education_zh-Hans): shapes the seeds lack.
def test_zh_named_plan_award_set_up_after_it_and_a_topic(zh):
    assert found(zh, "我們因此於年內更新了「瀾圖2030」可持續發展藍圖，訂立以二零一九年為基準的減排目標。") == ["瀾圖2030"]
    assert found(zh, "「瀾庭獎學金」由本集團與澳門大學合辦，自二零一三年起每年資助本地學生。") == ["瀾庭獎學金"]
    assert found(zh, "「瀾庭獎學金」獲澳門大學頒發表揚。") == []  # an award it receives is no programme
    assert found(zh, "食品安全管理小組負責制定食品安全計劃及監察供應商。") == []
