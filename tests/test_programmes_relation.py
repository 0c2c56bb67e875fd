"""runsProgramme rules on real sentences of the seed reports.

The mentions are placed by hand where the recognisers put them, so these tests pin the
relation rules alone, whatever the recognisers' current recall.
"""
from __future__ import annotations

from types import SimpleNamespace

from extractors.model import Block, Evidence, Mention, Sentence
from extractors.normalise import match_key, to_simplified
from extractors.relations import programmes

REPORTERS = {"京東健康": "京东健康", "阿里健康": "阿里健康", "醫脈通": "医脉通", "Alibaba Health": "alibabahealth",
             "阿里巴巴": "阿里巴巴"}
# short names the report defines, keyed as their full names (集團 = 阿里巴巴集團 in 000)
DEFINED = {"集團": "阿里巴巴集團"}


def sentence(text: str, companies: list[str], programme_names: list[str], orgs: list[str] = (),
             block: Block | None = None) -> Sentence:
    """A sentence with mentions at the last occurrence of each name (``name@1`` for the first)."""
    sent = Sentence(text, to_simplified(text), 0, 1, block or Block(text, 0, 1))
    for type_, names in (("Company", companies), ("Organization", orgs), ("Programme", programme_names)):
        for spec in names:
            name, _, first = spec.partition("@")
            i = text.index(name) if first else text.rindex(name)
            key = REPORTERS.get(name, match_key(DEFINED.get(name, name)))
            sent.mentions.append(Mention(type_, name, key, "zh", Evidence(text, 1), start=i, end=i + len(name)))
    return sent


def runs(sent: Sentence | list[Sentence], reporter: str = "京東健康") -> set[tuple[str, str]]:
    """(runner, programme) pairs the relation gives for one sentence or a run of sentences."""
    sents = sent if isinstance(sent, list) else [sent]
    pub = Mention("Company", reporter, REPORTERS[reporter], "zh", Evidence("", 1))
    ctx = SimpleNamespace(reporter=pub, sentences=sents, mentions=[m for x in sents for m in x.mentions])
    return {(r.subject.text, r.object.text) for r in programmes.extract(ctx)}


def test_reporter_launches_its_programme():
    s = sentence("2024 年，京東健康推出「 過期藥回收」社會公益項目，致力於提升公眾用藥安全與環保意識。",
                 ["京東健康"], ["過期藥回收"])
    assert runs(s) == {("京東健康", "過期藥回收")}


def test_reporter_is_the_default_runner():
    s = sentence("同時，我們激勵消費者參與循環箱回收計劃，在全國超過300個城市中安排2小時內", [], ["循環箱回收計劃"])
    assert runs(s, "阿里健康") == {("阿里健康", "循環箱回收計劃")}


def test_partner_company_runs_it_with_the_reporter():
    s = sentence("京東健康攜手雅培醫學營養品開展以「營養百歲人生 養老「培」伴計劃」為主題的快閃活動。",
                 ["京東健康", "雅培醫學營養品"], ["營養百歲人生 養老「培」伴計劃"])
    assert runs(s) == {("京東健康", "營養百歲人生 養老「培」伴計劃"), ("雅培醫學營養品", "營養百歲人生 養老「培」伴計劃")}


def test_partner_foundation_gets_no_edge():
    s = sentence("京東健康聯合白求恩公益基金會共同發起「2024 年青海省黃南州公益暖冬行動」，聯動多方愛心機構",
                 ["京東健康"], ["2024 年青海省黃南州公益暖冬行動"], ["白求恩公益基金會"])
    assert runs(s) == {("京東健康", "2024 年青海省黃南州公益暖冬行動")}


def test_group_led_programme_belongs_to_the_group():
    s = sentence("後浪項目：由京東集團主導，重點培養入職 3 - 5 年的初級員工，為集團高層培養人才。",
                 ["京東集團"], ["後浪項目"])
    assert runs(s) == {("京東集團", "後浪項目")}
    s = sentence("宿遷七日集訓：京東集團組織全體新員工參加宿遷七天集中培訓，覆蓋京東健康全體新入職員工。",
                 ["京東集團", "京東健康"], ["宿遷七日集訓"])
    assert runs(s) == {("京東集團", "宿遷七日集訓")}
    # 001: "the Group" whose group the sentence names only later
    s = sentence("Based on their needs, employees can participate in the Group’s “Three Axes” training activities, "
                 "and can also use the Alibaba Group’s online learning platform for self-learning.",
                 ["Alibaba Group"], ["Three Axes"])
    assert runs(s, "Alibaba Health") == {("Alibaba Group", "Three Axes")}


def test_company_named_in_the_programme_runs_it():
    s = sentence("案例：菜鳥綠色快遞包裝回收計劃", ["菜鳥"], ["菜鳥綠色快遞包裝回收計劃"])
    assert runs(s, "阿里健康") == {("菜鳥", "菜鳥綠色快遞包裝回收計劃")}


def test_owner_before_the_programme():
    s = sentence("公司依靠阿里巴巴集團的培訓體系，支持員工參與集團的培訓活動，例如「三板斧」「俠客行」等基礎管理培訓活動，",
                 ["阿里巴巴集團", "集團"], ["三板斧", "俠客行"])
    assert runs(s, "阿里健康") == {("集團", "三板斧"), ("集團", "俠客行")}


def test_co_organised_by_the_reporter_despite_a_host():
    s = sentence("2022年4月，醫脈通公益協辦了「稽質」臨床研究培訓，該培訓由中國醫學科學院腫瘤醫院、北京腫瘤學會臨床研究專委會主辦，",
                 ["醫脈通"], ["稽質"])
    assert runs(s, "醫脈通") == {("醫脈通", "稽質")}


def test_english_co_launchers():
    s = sentence("On March 13, 2018, Alibaba Health and Guangzhou Pharmaceutical Group initiated the first nation-wide "
                 "“National Household Expired Drug Collection Alliance” in partnership with Cainiao Network and "
                 "domestic leading enterprises", ["Alibaba Health", "Guangzhou Pharmaceutical Group", "Cainiao Network"],
                 ["National Household Expired Drug Collection Alliance"])
    assert {c for c, _ in runs(s, "Alibaba Health")} == {"Alibaba Health", "Guangzhou Pharmaceutical Group"}
    s = sentence("On November 28, 2017, Sanofi, the world’s leading biopharmaceutical company, joined Alibaba Health "
                 "to launch the “Safety at Your Fingertips” project on safe drug use", ["Sanofi", "Alibaba Health"],
                 ["Safety at Your Fingertips"])
    assert {c for c, _ in runs(s, "Alibaba Health")} == {"Alibaba Health", "Sanofi"}


def test_another_company_launching_it_runs_it_alone():
    s = sentence("京東健康積極參與京東集團統一開展的 「員工士氣」 評分問卷工作，每日向全體員工推送問卷",
                 ["京東健康", "京東集團"], ["員工士氣"])
    assert runs(s) == {("京東集團", "員工士氣")}
    s = sentence("公司通過積極參與京東集團全員合規培訓與開展「 健康合規有我」等培訓，推動全體員工將合規意識融入日常工作。",
                 ["京東集團"], ["健康合規有我"])
    assert runs(s) == {("京東健康", "健康合規有我")}


def test_programme_initiated_by_an_ngo_is_not_run():
    s = sentence("the Company participates in the “Earth Hour” environmental protection movement initiated by the "
                 "World Wide Fund for Nature (WWF) every year", [], ["Earth Hour"], ["World Wide Fund for Nature"])
    assert runs(s, "Alibaba Health") == set()
    # the same sentence as the PDF text prints it, words split by stray spaces
    s = sentence("the Company part icipates in the “Earth Hour” environmental protection movement init iated by the "
                 "World Wide Fund for Nature (WWF) every year", [], ["Earth Hour"], ["World Wide Fund for Nature"])
    assert runs(s, "Alibaba Health") == set()


def test_no_reporter_no_relation():
    s = sentence("京東健康發起「 坐著洗澡」公益項目，聯合公益組織等多方力量", ["京東健康"], ["坐著洗澡"])
    assert list(programmes.extract(SimpleNamespace(reporter=None, sentences=[s], mentions=s.mentions))) == []


def test_case_titled_with_a_companys_programme_gives_its_section_to_that_company():
    title = "案例：菜鳥綠色快遞包裝回收計劃"
    head = sentence(title, ["菜鳥"], ["菜鳥綠色快遞包裝回收計劃"], block=Block(title, 0, 1281, "heading"))
    text = ("2021年雙十一活動期間，為鼓勵消費者積極參與快遞箱回收計劃，在全國300多個城市8.7萬家菜鳥驛站投入"
            "到了「快遞包裝回收換雞蛋」的活動，每天準備新鮮雞蛋送給參與快遞箱回收的環保人群。")
    body = sentence(text, [], ["快遞箱回收計劃", "快遞包裝回收換雞蛋"], block=Block(text, 0, 1283, heading=title))
    assert runs([head, body], "阿里健康") == {
        ("菜鳥", "菜鳥綠色快遞包裝回收計劃"), ("菜鳥", "快遞箱回收計劃"), ("菜鳥", "快遞包裝回收換雞蛋")}
    # under a heading that names no company's programme, the reporter runs them
    body = sentence(text, [], ["快遞箱回收計劃", "快遞包裝回收換雞蛋"], block=Block(text, 0, 1283, heading="齊心抗疫"))
    assert runs([body], "阿里健康") == {("阿里健康", "快遞箱回收計劃"), ("阿里健康", "快遞包裝回收換雞蛋")}


def test_company_printed_before_the_quoted_name_owns_it():
    named = sentence("2022 年，我们建立了“88 碳账户”体系，覆盖淘宝、饿了么、闲鱼、高德、菜鸟等多种场景", ["淘宝", "菜鸟"], [])
    s = sentence("鼓励绿色消费和商业行为等。其中，菜鸟「纸箱回收计划」已在315个城市开展。", [], ["纸箱回收计划"])
    assert runs([named, s], "阿里巴巴") == {("菜鸟", "纸箱回收计划")}
    # 通过淘宝「X」: the company is where the programme is used, not who runs it
    s = sentence("消费者在线下发现疑似侵权线索时，可通过淘宝“3 小时公益”，选择平台并上传图片", [], ["3 小时公益"])
    assert runs([named, s], "阿里巴巴") == {("阿里巴巴", "3 小时公益")}


def test_campaign_launched_in_the_paragraph_after_its_title():
    title = "Alibaba Health’s Health Campaign for Spring Festival – “Health Guarantees Jubilance”"
    text = ("For the 2018 Spring Festival, Alibaba Health joined by Taobao and Tmall launched a health campaign "
            "for people across the country.")
    head = sentence(title, [], ["Health Guarantees Jubilance"], block=Block(title, 0, 1138))
    body = sentence(text, ["Alibaba Health", "Taobao", "Tmall"], [], block=Block(text, 0, 1141))
    assert runs([head, body], "Alibaba Health") == {
        ("Alibaba Health", "Health Guarantees Jubilance"), ("Taobao", "Health Guarantees Jubilance"),
        ("Tmall", "Health Guarantees Jubilance")}
    # inside one paragraph "a health campaign" may be another one: no edges for the partners
    one = Block(title + " " + text, 0, 1138)
    head = sentence(title, [], ["Health Guarantees Jubilance"], block=one)
    body = sentence(text, ["Alibaba Health", "Taobao", "Tmall"], [], block=one)
    assert runs([head, body], "Alibaba Health") == {("Alibaba Health", "Health Guarantees Jubilance")}


def test_business_unit_opening_the_sentence_runs_it():
    # the unit is the subject though 公司 of its own name and a date stand before the verb
    s = sentence("2021 年，Lazada 菲律宾公司支持了 Angels for Angels 项目，旨在助力边缘女性群体制作和销售圣诞装饰",
                 ["Lazada@1"], ["Angels for Angels 项目"])
    assert runs(s, "阿里巴巴") == {("Lazada", "Angels for Angels 项目")}
    s = sentence("在东南亚，Lazada 于 2022 年 4 月发起了 LazEarth 活动，携手品牌合作伙伴，帮助消费者评估和识别环保产品。",
                 ["Lazada"], ["LazEarth"])
    assert runs(s, "阿里巴巴") == {("Lazada", "LazEarth")}


def test_a_platform_as_a_place_is_no_subject():
    s = sentence("2022 财年，淘宝天猫平台上 超 220 万 商家和约 5 亿 消费者，通过“公益宝贝”参与公益捐赠。",
                 ["淘宝天猫"], ["公益宝贝"])
    assert runs(s, "阿里巴巴") == {("阿里巴巴", "公益宝贝")}


def test_section_titled_with_a_business_unit_gives_it_its_programmes():
    head = "Lazada 在东南亚推广负责任的消费"
    title = sentence(head, ["Lazada"], [], block=Block(head, 0, 1, kind="heading"))
    text = "目前已经开始试行“Easy Green”标签，重点关注可生物降解、可再生、采用“更好、更少或无塑料”包装或减少温室气体影响的环保产品。"
    s = sentence(text, [], ["Easy Green"], block=Block(text, 40, 3, heading=head))
    assert runs([title, s], "阿里巴巴") == {("Lazada", "Easy Green")}


# The dev reports of tests/data/synthetic/dev/ (fictitious companies of other industries).
REPORTERS.update({"翠嶺置業": "翠岭置业", "Jade River": "jaderiver"})


def test_a_case_title_leaves_the_runner_to_the_case_text():
    title = "案例：「暖居行動」"
    head = sentence(title, [], ["暖居行動"], block=Block(title, 0, 486, "heading"))
    text = "翠嶺建築連續第四年與長者安居協會合辦「暖居行動」，由翠嶺建築的工程人員以義工身份為獨居長者進行家居維修及無障礙改裝。"
    body = sentence(text, ["翠嶺建築@1"], ["暖居行動"], ["長者安居協會"], block=Block(text, 0, 487, heading=title))
    assert runs([head, body], "翠嶺置業") == {("翠嶺建築", "暖居行動")}
    # a title whose case text names no runner stays the reporter's
    text = "「嶺光計劃」於二零二一年推出，在本集團物業的天台及外牆安裝光伏系統。"
    body = sentence(text, [], ["嶺光計劃"], block=Block(text, 0, 371, heading=title))
    head = sentence("案例：「嶺光計劃」", [], ["嶺光計劃"], block=Block("案例：「嶺光計劃」", 0, 370, "heading"))
    assert runs([head, body], "翠嶺置業") == {("翠嶺置業", "嶺光計劃")}


def test_a_subject_left_out_is_the_reporter_launching_it():
    # 000: 開展「俠客行」 keeps the reporter though the group runs 俠客行 too
    group = sentence("支持員工參與集團的培訓活動，例如「三板斧」「俠客行」等基礎管理培訓活動。", ["集團"], ["三板斧", "俠客行"])
    own = sentence("• 開展「俠客行」領導力提升培訓，提升中層管理者的領導力。", [], ["俠客行"])
    assert runs([group, own], "阿里健康") == {("集團", "三板斧"), ("集團", "俠客行"), ("阿里健康", "俠客行")}


def test_a_possessive_after_the_programme_names_whose_it_is():
    text = "In our offices we promote paperless approval, and we take part in the \"Earth Hour\" campaign of WWF every year."
    s = sentence(text, [], ["Earth Hour"], ["WWF"])
    assert runs(s, "Jade River") == set()
    full = "Jade River Sludge Resources (Foshan) Co., Ltd. (\"JR Foshan\") operates the sludge plant."
    named = sentence(full, ["Jade River Sludge Resources (Foshan) Co., Ltd."], [])
    named.mentions[0].aliases = ("JR Foshan",)
    text = "The \"Sludge-to-Energy Demonstration Project\" of JR Foshan combines thermal hydrolysis and drying."
    s = sentence(text, [], ["Sludge-to-Energy Demonstration Project"])
    assert runs([named, s], "Jade River") == {
        ("Jade River Sludge Resources (Foshan) Co., Ltd.", "Sludge-to-Energy Demonstration Project")}


def test_a_company_under_its_defined_short_name_launches_it():
    full = "本公司之上市附屬公司翠嶺物業服務集團有限公司（「翠嶺物業」，股份代號：6839）經營物業管理業務。"
    named = sentence(full, ["翠嶺物業服務集團有限公司"], [])
    named.mentions[0].aliases = ("翠嶺物業",)
    text = "翠嶺物業於二零二二年推出「零廢嶺先」回收計劃，夥拍綠環再生資源有限公司在在管屋苑設置廚餘收集機。"
    s = sentence(text, [], ["零廢嶺先"])
    assert runs([named, s], "翠嶺置業") == {("翠嶺物業服務集團有限公司", "零廢嶺先")}


def test_a_brand_a_company_holds_acts_as_that_company():
    text = "翠嶺酒店管理有限公司旗下嶺薈酒店推行「愛心餐盒」食物捐贈計劃，與聖雅各福群會「惜食堂」合作。"
    held = sentence(text, ["翠嶺酒店管理有限公司"], ["愛心餐盒"], ["聖雅各福群會"])
    s = sentence("嶺薈酒店推出「綠悠住」綠色住宿計劃，鼓勵連住賓客選擇減少更換床單及毛巾。", [], ["綠悠住"])
    assert runs([s, held], "翠嶺置業") == {("翠嶺酒店管理有限公司", "愛心餐盒"), ("翠嶺酒店管理有限公司", "綠悠住")}


# Round 4 dev reports (education, resort, bank); names changed, phrasing kept.
REPORTERS.update({"瀾庭": "澜庭", "明泓教育": "明泓教育", "Evermount": "evermount"})


def test_an_agent_after_the_programme_runs_it():
    text = "「惜食瀾庭」廚餘減量計劃由瀾庭餐飲推行，透過優化自助餐備餐量、設置廚餘分析系統及捐贈剩餘食物減少廚餘。"
    assert runs(sentence(text, ["瀾庭餐飲"], ["惜食瀾庭"]), "瀾庭") == {("瀾庭餐飲", "惜食瀾庭")}
    text = "「綠瀾行動」節能減碳計劃是本集團實現二零三零年減排目標的核心措施，由瀾庭設施負責執行，涵蓋冷水機組更換。"
    assert runs(sentence(text, ["瀾庭設施"], ["綠瀾行動"]), "瀾庭") == {("瀾庭設施", "綠瀾行動")}
    # the reporter in its own words as the agent
    text = "「瀾庭獎學金」由本集團與澳門大學合辦，自二零一三年起每年資助澳門大學修讀酒店管理的本地學生。"
    assert runs(sentence(text, [], ["瀾庭獎學金"], ["澳門大學"]), "瀾庭") == {("瀾庭", "瀾庭獎學金")}


def test_the_first_of_a_joined_subject_runs_it_the_others_are_partners():
    text = "贵州明泓职业技术学院联合仁和康养集团有限公司在清镇市开办「银龄学堂」，为社区长者提供智能手机使用课程。"
    s = sentence(text, ["贵州明泓职业技术学院", "仁和康养集团有限公司"], ["银龄学堂"])
    assert runs(s, "明泓教育") == {("贵州明泓职业技术学院", "银龄学堂")}


def test_an_overview_we_gives_way_to_the_unit_a_section_names():
    over = sentence("我們亦與經濟及科技發展局合辦「老店新生」計劃，讓澳門特色老店在社區旅遊中重現活力。", [], ["老店新生"])
    text = "「老店新生」計劃由瀾庭娛樂與經濟及科技發展局合辦，為特色老店提供店舖翻新資助。"
    unit = sentence(text, ["瀾庭娛樂"], ["老店新生"], block=Block(text, 0, 400))
    assert runs([over, unit], "瀾庭") == {("瀾庭娛樂", "老店新生")}
    # the reporter by its own name keeps its edge
    named = sentence("本集團與經濟及科技發展局合辦「老店新生」計劃。", [], ["老店新生"])
    assert runs([named, unit], "瀾庭") == {("瀾庭", "老店新生"), ("瀾庭娛樂", "老店新生")}


def test_a_list_items_gloss_names_its_runner():
    text = ("CareFirst Cancer Support Fund: Evermount Life established the fund with the Hong Kong Cancer Fund to "
            "give financial support to cancer patients from low-income families.")
    s = sentence(text, ["Evermount Life"], ["CareFirst Cancer Support Fund"], ["Hong Kong Cancer Fund"])
    assert runs(s, "Evermount") == {("Evermount Life", "CareFirst Cancer Support Fund")}


def test_a_heading_programme_goes_to_the_company_its_paragraph_opens_with():
    title = "「泓农优品」助农项目"
    head = sentence(title, [], ["泓农优品"], block=Block(title, 0, 467, "heading"))
    text = "江西明泓职业技术学院电子商务专业师生依托校内直播实训基地，为当地农户提供农产品直播带货及品牌策划服务。"
    body = sentence(text, ["江西明泓职业技术学院"], [], block=Block(text, 0, 468, heading=title))
    assert runs([head, body], "明泓教育") == {("江西明泓职业技术学院", "泓农优品")}
    # a unit under the reporter's own name speaks for the reporter
    text = "明泓教育公益联合多家机构共同开展乡村教师培训。"
    body = sentence(text, ["明泓教育公益"], [], block=Block(text, 0, 468, heading=title))
    assert runs([head, body], "明泓教育") == {("明泓教育", "泓农优品")}


def test_a_subsidiarys_defined_short_name_runs_its_programme():
    define = "the Company and its principal operating subsidiaries, namely Evermount Bank Limited (the “Bank”)."
    d = sentence(define, ["Evermount Bank Limited"], [])
    text = "The Silver Wise Financial Literacy Project, run by the Bank with The Hong Kong Council of Social Service."
    s = sentence(text, [], ["Silver Wise Financial Literacy Project"], block=Block(text, 0, 2))
    assert ("Evermount Bank Limited", "Silver Wise Financial Literacy Project") in runs([d, s], "Evermount")
    assert ("Evermount", "Silver Wise Financial Literacy Project") not in runs([d, s], "Evermount")


def test_an_english_sentence_subject_whose_verbs_run_on_to_the_launch():
    text = ("Evermount Securities added ESG ratings to the research reports on the EverTrade platform and, with the "
            "Investor and Financial Education Council (“IFEC”), organised “Smart Investing 101”, an investor "
            "education series of 12 online seminars.")
    s = sentence(text, ["Evermount Securities"], ["Smart Investing 101"], ["Investor and Financial Education Council"])
    assert runs(s, "Evermount") == {("Evermount Securities", "Smart Investing 101")}
    # a company that is not the sentence's subject leaves the programme to the reporter
    text = "Customers of Evermount Securities attended “Smart Investing 101”, which we organised in 2024."
    s = sentence(text, ["Evermount Securities"], ["Smart Investing 101"])
    assert runs(s, "Evermount") == {("Evermount", "Smart Investing 101")}
