"""Certification mentions (components/certification.py) and holdsCertification
(relations/certifications.py), on sentences from the seed reports.

Sentences marked "adapted" are seed sentences with the scheme's name put in, where the seeds
have the construction but not a scheme this recogniser knows.
"""
import pytest

from extractors.model import Document, Mention
from extractors.normalise import match_key
from extractors.pipeline import recognise
from extractors.relations import certifications as rel


def document(rows, lang="zh-Hant"):
    return Document.from_rows(rows, lang, "t.txt")


def certs(text, lang="zh-Hant"):
    ctx = recognise(document([text], lang))
    return [m for m in ctx.mentions if m.type == "Certification"]


def held(rows, lang="zh-Hant", reporter="醫脈通科技有限公司", aliases=("醫脈通",), extra=()):
    """(holder text, certification key) pairs the relation rule finds."""
    ctx = recognise(document(rows, lang))
    ctx.report.publisher = Mention("Company", reporter, match_key(reporter), lang, None,
                                   aliases=tuple(aliases))
    for line, mention in extra:  # mentions another recogniser would add
        ctx.sentences[line].mentions.append(mention)
    return sorted((r.subject.text, r.object.key) for r in rel.extract(ctx))


@pytest.fixture(scope="module", autouse=True)
def warm():
    certs("ISO 9001")


def test_iso_with_its_descriptor_keeps_the_surface_and_gets_the_scheme_key():
    [m] = certs("醫脈通信息安全管理體系和隱私信息管理體系已獲得ISO/IEC 27001信息安全管理體系認證")
    assert (m.key, m.label, m.text) == ("iso27001", "ISO/IEC 27001", "ISO/IEC 27001信息安全管理體系認證")
    assert m.attrs["scheme"] == "iso" and m.attrs["number"] == "27001"


def test_iso_lists_give_one_mention_per_standard():
    found = certs("截至報告期末，京東健康已獲得ISO 27001、ISO 27701 及ISO 27799 證書，認證範圍已覆蓋公司超過 80%的業務。")
    assert [m.key for m in found] == ["iso27001", "iso27701", "iso27799"]
    assert [m.key for m in certs("SOC1/SOC2/SOC3")] == ["soc1", "soc2", "soc3"]


def test_english_report():
    found = certs("It has achieved ISO27000 information security management system certification and "
                  "ISO9000 quality management system certification.", "en")
    assert [(m.key, m.text) for m in found] == [
        ("iso27000", "ISO27000 information security management system certification"),
        ("iso9000", "ISO9000 quality management system certification")]


@pytest.mark.parametrize("text", [
    "碼上放心平台 公安部信息系統三級信息安全等級保護認證",
    "醫脈通平台獲公安部信息安全等級保護三級測評及認證",
    "等保三級", "等級保護三級", "網絡安全等級保護三級認證", "等保2.0三級", "三級等保",
    "國家信息安全等級保護三級",
])
def test_mlps_spellings_are_level_3(text):
    [m] = certs(text)
    assert (m.key, m.label, m.attrs["level"]) == ("mlps3", "等級保護三級", 3)


@pytest.mark.parametrize("text", ["MLPS Level 3", "Multi-Level Protection Scheme level 3",
                                  "Classified Protection of Cybersecurity Level 3"])
def test_mlps_in_english(text):
    [m] = certs(f"The platform passed {text} assessment.", "en")
    assert (m.key, m.label) == ("mlps3", "MLPS Level 3")


def test_mlps_levels_listed_after_the_scheme():
    found = certs("网络安全等级保护： 金融云（四级） 公共云（IaaS/PaaS/SaaS，三级） 电子政务云（三级）", "zh-Hans")
    assert [m.key for m in found] == ["mlps4", "mlps3", "mlps3"]


def test_esg_rating_grade_is_the_final_one():
    [m] = certs("明晟公司「MSCI」對阿里健康的ESG評級由BBB級提升至A級，這是對我們長期以來ESG工作的肯定")
    assert (m.key, m.label) == ("msci-esg-a", "MSCI ESG評級A級")


def test_regulations_and_method_standards_are_not_certifications():
    assert [m.key for m in certs("ISO 9001	欧洲 GDPR EU-US Privacy Shield DPP EU Cloud CoC", "zh-Hans")] == ["iso9001"]
    assert certs("盘查按照 ISO14064、IPCC 指南及其他适用的法律法规作为盘查依据，详细如下：", "zh-Hans") == []
    assert certs("依據《藥品經營質量管理規範》（GSP）要求，按標準抽檢比例對採購藥品進行驗收") == []


def test_obtained_certification_is_held_by_the_reporter():
    assert held(["2022年6月，本公司獲得ISO45001職業健康安全管理體系認證。"]) == [
        ("醫脈通科技有限公司", "iso45001")]


def test_sentence_cut_by_a_line_break_still_counts():
    rows = ["Alibaba Health attaches great importance to network security and information protection. It has achieved",
            "ISO27000 information security management system certification."]
    assert held(rows, "en", "Alibaba Health Information Technology Limited", ("Alibaba Health",)) == [
        ("Alibaba Health Information Technology Limited", "iso27000")]


def test_rows_under_a_certification_caption_are_held():
    caption = "表：阿里健康信息安全認證情況"
    rows = [(caption, "heading", ""), ("認證主體 認證體系", "table", caption),
            ("碼上放心平台 公安部信息系統三級信息安全等級保護認證", "table", caption),
            ("ISO9000質量管理體系認證", "paragraph", caption)]
    assert held(rows, reporter="阿里健康信息技術有限公司", aliases=("阿里健康",)) == [
        ("阿里健康信息技術有限公司", "iso9000"), ("阿里健康信息技術有限公司", "mlps3")]
    # the same row without the caption says nothing about holding
    assert held(["ISO9000質量管理體系認證"]) == []


def test_a_named_subsidiary_in_the_row_holds_it():
    caption = "表：阿里健康信息安全認證情況"
    row = "阿里雲 公安部信息系統三級信息安全等級保護備案證明"
    cloud = Mention("Company", "阿里雲", "阿里云", "zh-Hant", None, start=0, end=3)
    rows = [(caption, "heading", ""), (row, "table", caption)]
    found = held(rows, reporter="阿里健康信息技術有限公司", extra=[(1, cloud)])
    assert found == [("阿里雲", "mlps3")]


def test_staff_qualifications_plans_and_suppliers_are_not_held():
    assert held(["此外，我們專項開展雙體系內審員資質培訓項目，合規團隊全員獲得 ISO 9001 與 ISO 13485 雙體系內審員資格認證。"]) == []
    assert held(["所有新建自有园区都将达到 LEED（金级）认证和中国绿色建筑标准。"], "zh-Hans") == []
    # adapted: 003 line 1976 and 004 line 3501 with an ISO scheme named
    assert held(["優先考慮優先選用具備ISO 14001環境管理體系認證的供應商。"]) == []
    assert held(["2024 年，多家餐飲供應商成功獲得ISO 22000 認證。"]) == []


def test_no_reporter_no_relation():
    ctx = recognise(document(["2022年6月，本公司獲得ISO45001職業健康安全管理體系認證。"]))
    assert list(rel.extract(ctx)) == []


# 002 lines 3356-3386: the compliance table of Alibaba Group, after its introducing paragraph
# and a footnote; a regulator column on the left of the Chinese part.
COMPLIANCE_HEAD = "成绩与合规"
COMPLIANCE_INTRO = ("我们遵守和执行与数据安全和隐私保护相关的国际和国内法律法规，建立内部数据安全控制体系，"
                    "并在各个市场得到广泛认可，特别是在平台数据控制和客户数据保护领域。"
                    "我们是亚太地区最具权威合规资质的云服务提供商。我们的一些合规资质包括以下内容。")
COMPLIANCE_ROWS = [
    "中国\t\t",
    "网信办\t云计算服务安全评估： 电子政务云（增强级） 金融云（增强级）\t",
    "公安部\t网络安全等级保护： 金融云（四级） 公共云（IaaS/PaaS/SaaS，三级） 电子政务云（三级） 安全产品销售许可证\t",
    "工信部\t信通院 可信云安全评估 大数据安全评估\t",
    "国家市场监督管理总局\t中国网络安全审查技术与认证中心 安全产品认证\t",
    "国家密码管理局\t密码应用安全能力评估 公共云云产品和服务 专有云（三级）\t",
    "全球通用\t\t境外区域及行业",
    "ISO 9001\t欧洲 GDPR EU-US Privacy Shield DPP EU Cloud CoC\t新加坡 MTCS PDPA OSPAR DPTM CBPR/PRP",
    "ISO 27001\t\t", "ISO 27017\t\t",
    "ISO 27701\t美国 GxP HIPAA/HITECH MPAA CIS Benchmark SEC Rule 17a-4(f) NIST 800-53/CSF\t迪拜 NESPA/ISR",
    "BS 10012\t\t", "CSA STAR\t\t", "PCI DSS\t\t", "TRUSTe\t\t", "SOC1/SOC2/SOC3\t\t",
    "\t德国 C5 Trusted Cloud TISAX\t中国香港 HKMA HKIA SFC SRAA PDPO",
]
COMPLIANCE_KEYS = {
    "cloud-service-security-assessment", "mlps4", "mlps3", "trusted-cloud", "big-data-security-assessment",
    "cybersecurity-product-cert", "crypto-assessment", "iso9001", "mtcs", "ospar", "dptm", "apec-cbpr",
    "apec-prp", "iso27001", "iso27017", "iso27701", "bs10012", "csa-star", "pci-dss", "truste", "soc1",
    "soc2", "soc3", "c5", "trusted-cloud-de", "tisax"}


def compliance_rows(intro=COMPLIANCE_INTRO):
    head = COMPLIANCE_HEAD
    return [(head, "heading", ""), (intro, "paragraph", head),
            ("² PIPO 负责监督个人信息处理活动及采取的相应保护措施。", "paragraph", head),
            *((row, "table", head) for row in COMPLIANCE_ROWS)]


def test_compliance_table_schemes_are_recognised_and_laws_are_not():
    ctx = recognise(document([row for row, _, _ in compliance_rows()], "zh-Hans"))
    found = [m for m in ctx.mentions if m.type == "Certification"]
    assert {m.key for m in found} == COMPLIANCE_KEYS
    surfaces = {m.text for m in found}
    for law in ("GDPR", "PDPA", "HIPAA/HITECH", "PDPO", "HKMA", "安全产品销售许可证", "EU Cloud CoC"):
        assert not any(law in s for s in surfaces)
    assert "新加坡" not in surfaces and "德国 C5" not in surfaces  # country words stay out


def test_every_scheme_of_the_compliance_table_is_held_by_the_reporter():
    found = held(compliance_rows(), "zh-Hans", "阿里巴巴集团控股有限公司", ("阿里巴巴",))
    assert {h for h, _ in found} == {"阿里巴巴集团控股有限公司"}
    assert {k for _, k in found} == COMPLIANCE_KEYS
    # the same rows after prose that introduces no list
    rows = compliance_rows("我们遵守和执行与数据安全和隐私保护相关的国际和国内法律法规，建立内部数据安全控制体系。")
    assert held(rows, "zh-Hans", "阿里巴巴集团控股有限公司") == []


def test_a_listed_acronym_needs_a_list():
    # adapted: the C5, PRP and ENS of a compliance list are other things on their own
    assert certs("The C5 model launched in 2023 and won design awards.", "en") == []
    assert certs("The PRP team met twice.", "en") == []
    assert [m.key for m in certs("德国 C5 Trusted Cloud TISAX", "zh-Hans")] == ["c5", "trusted-cloud-de", "tisax"]
    assert [m.key for m in certs("Alibaba Cloud obtained the Trusted Cloud certification from CAICT.", "en")] == [
        "trusted-cloud"]


def test_two_column_rows_name_and_description_are_held():
    # adapted: a certificate table with a description column under a qualifications heading;
    # the description's 服务商 / 要求 describe the scheme and do not undo the list
    head = "资质认证"
    rows = [(head, "heading", ""),
            ("ISO 27001\t信息安全管理体系国际标准，要求组织持续改进信息安全管理。", "table", head),
            ("PCI DSS\t支付卡行业数据安全标准，适用于处理银行卡数据的商家和服务商。", "table", head),
            ("TISAX\t德国汽车工业协会的信息安全评估交换机制。", "table", head)]
    found = held(rows, "zh-Hans", "阿里巴巴集团控股有限公司", ("阿里巴巴",))
    assert {k for _, k in found} == {"iso27001", "pci-dss", "tisax"}


def test_a_long_flattened_list_after_an_introduction_is_held_to_its_end():
    # 003 line 945 introduces a list; adapted with more items than a walk back would reach
    items = ["ISO 9001", "ISO 14001", "ISO 45001", "ISO 50001", "ISO 27001", "ISO 27701", "ISO 22301",
             "ISO 20000-1", "CMMI 5級", "PCI DSS", "CSA STAR", "SOC 2"]
    prose = ["阿里健康開展各類信息安全與數據安全應急演練與培訓。",  # 000 line 724, then adapted
             "根據公司制定的數據安全應急計劃與演練，公司設計了多種場景。",
             "我們持續完善信息安全管理體系，定期檢視各項制度的執行情況。"]
    rows = ["醫脈通獲得多項相關標準認證，包括：", *items, *prose, "ISO 37001"]
    keys = [k for _, k in held(rows)]
    assert len(keys) == len(items) and "iso37001" not in keys  # prose ended the list


def test_a_company_leading_a_row_holds_it_only_when_it_is_the_reporters_own():
    intro = "我们的一些合规资质包括以下内容。"
    rows = [(intro, "paragraph", "成绩与合规"), ("阿里云\tISO 27001", "table", "成绩与合规"),
            ("腾讯云\tISO 9001", "table", "成绩与合规")]
    start1 = len(intro) + 1
    start2 = start1 + len(rows[1][0]) + 1
    own = Mention("Company", "阿里云", "阿里云", "zh-Hans", None, start=start1, end=start1 + 3)
    other = Mention("Company", "腾讯云", "腾讯云", "zh-Hans", None, start=start2, end=start2 + 3)
    found = held(rows, "zh-Hans", "阿里巴巴集团控股有限公司", ("阿里巴巴",), extra=[(1, own), (2, other)])
    assert found == [("阿里云", "iso27001"), ("阿里巴巴集团控股有限公司", "iso9001")]


def test_a_certifier_named_in_prose_is_not_the_holder():
    # adapted: 002 line 611 (本次盘查由中环联合（北京）认证中心完成) with a certificate obtained
    text = "经必维国际检验集团审核，本公司获得ISO 14001环境管理体系认证。"
    bv = Mention("Company", "必维国际检验集团", "必维国际检验集团", "zh-Hans", None, start=1, end=9)
    assert held([text], "zh-Hans", "阿里巴巴集团控股有限公司", extra=[(0, bv)]) == [
        ("阿里巴巴集团控股有限公司", "iso14001")]


def test_a_building_rating_is_the_scheme_with_its_grade_as_an_attribute():
    # synthetic dev report hk_property_zh-Hant line 152
    [m] = certs("所有合營項目均須遵守本集團《可持續發展建築設計指引》，並以取得BEAM Plus金級或以上評級為目標。")
    assert (m.key, m.text, m.attrs["level"]) == ("beam-plus", "BEAM Plus金級", "gold")


def test_an_honour_list_is_not_a_certification():
    assert certs("入選「2021年國家綠色數據中心」 名單") == []  # 000 line 1154
    assert [m.key for m in certs("張北數據中心獲評國家綠色數據中心稱號")] == ["national-green-data-centre"]


# Gazetteer coverage: schemes absent from the seeds, in short realistic sentences (not seed text).
@pytest.mark.parametrize("text, lang, keys", [
    ("本集團的雲平台已通過新加坡MTCS第三級認證及OSPAR審計。", "zh-Hant", ["mtcs3", "ospar"]),
    ("阿里雲獲得德國C5認證、TISAX評估標籤及日本ISMAP註冊。", "zh-Hant", ["c5", "tisax", "ismap"]),
    ("Our cloud services hold MTCS Level 3, IRAP PROTECTED, K-ISMS, ISMS-P, ENS High and HDS certification.", "en",
     ["mtcs3", "irap", "k-isms", "isms-p", "ens", "hds"]),
    ("The platform is FedRAMP High authorised and HITRUST CSF certified, with SOC 2 Type II reports.", "en",
     ["fedramp-high", "hitrust", "soc2"]),
    ("我们通过了PCI 3DS认证及CSA STAR金级认证。", "zh-Hans", ["pci-3ds", "csa-star-gold"]),
    ("公司已取得CMMI 5级认证、ITSS运维三级证书及信息安全服务资质（安全集成二级）。", "zh-Hans",
     ["cmmi5", "itss3", "info-security-service2"]),
    ("本公司獲得商用密碼應用安全性評估（密評）及網絡安全等級保護三級備案。", "zh-Hant", ["crypto-assessment", "mlps3"]),
    ("公司取得涉密信息系统集成乙级资质和数据安全能力成熟度（DSMM）三级认证。", "zh-Hans",
     ["classified-si-qualification", "dsmm3"]),
    ("我们获得可信云云主机服务评估及云计算服务安全评估。", "zh-Hans", ["trusted-cloud", "cloud-service-security-assessment"]),
    ("我们的App通过了App安全认证和个人信息保护认证。", "zh-Hans", ["app-security-cert", "pi-protection-cert"]),
    ("We were certified under APEC CBPR and PRP, Singapore DPTM and Europrivacy.", "en",
     ["apec-cbpr", "apec-prp", "dptm", "europrivacy"]),
    ("獲得Cyber Essentials Plus認證及英國BS 10012個人信息管理體系認證。", "zh-Hant", ["cyber-essentials-plus", "bs10012"]),
    ("本公司已取得ISO 37001反賄賂管理體系認證及ISO 37301合規管理體系認證。", "zh-Hant", ["iso37001", "iso37301"]),
    ("The Group holds OHSAS 18001, SA8000 and IATF 16949 certificates.", "en", ["ohsas18001", "sa8000", "iatf16949"]),
    ("工厂通过FSSC 22000、BRCGS、HACCP及GLOBALG.A.P.认证，并获得MSC及ASC认证。", "zh-Hans",
     ["fssc22000", "brcgs", "haccp", "globalgap", "msc", "asc"]),
    ("Our paper is FSC-certified and PEFC certified; our coffee is Rainforest Alliance Certified and Fairtrade.", "en",
     ["fsc", "pefc", "rainforest-alliance", "fairtrade"]),
    ("生产基地通过GMP认证和GSP认证，并取得清真认证。", "zh-Hans", ["gmp", "gsp", "halal"]),
    ("本公司於2023年成為香港首家獲B Corp認證的上市公司。", "zh-Hant", ["b-corp"]),
    ("Our products carry ENERGY STAR and EPEAT labels.", "en", ["energy-star", "epeat"]),
    ("The headquarters achieved LEED Platinum, BREEAM Excellent, WELL Gold and BEAM Plus Platinum.", "en",
     ["leed", "breeam", "well", "beam-plus"]),
    ("總部大樓獲得綠建環評金級認證及中國三星級綠色建築標識。", "zh-Hant", ["beam-plus", "green-building"]),
    ("翠嶺中心（灣仔） 寫字樓 LEED v4.1營運及維護 金級", "zh-Hant", ["leed"]),
    ("嶺薈旗下四間酒店均已獲頒「香港綠色機構認證」。", "zh-Hant", ["hk-green-organisation"]),
    ("The headquarters is designed to achieve the Three-Star Green Building Label.", "en", ["green-building"]),
    ("张北数据中心获得Uptime Tier IV认证。", "zh-Hans", ["uptime-tier4"]),
    ("本公司已通過PAS 2060碳中和認證及碳信托標準認證，並完成ISO 14064溫室氣體核查。", "zh-Hant",
     ["pas2060", "carbon-trust-standard", "iso14064"]),
    ("實驗室獲得CNAS認可及CMA資質認定，符合ISO/IEC 17025要求。", "zh-Hant", ["cnas", "cma", "iso17025"]),
    ('The laboratories hold the Inspection Body and Laboratory Mandatory Approval ("CMA") qualification.', "en",
     ["cma", "cma"]),
    ("Jade River Testing Technology (Changsha) Co., Ltd. CNAS accreditation (ISO/IEC 17025:2017); CMA", "en",
     ["cnas", "iso17025", "cma"]),
    ("该产品获得CC EAL4+认证和FIPS 140-2验证。", "zh-Hans", ["cc-eal4", "fips140"]),
])
def test_gazetteer_coverage(text, lang, keys):
    assert [m.key for m in certs(text, lang)] == keys


@pytest.mark.parametrize("text, lang", [
    ("We comply with GDPR, HIPAA, CCPA, PDPO and the Cybersecurity Law.", "en"),
    ("我們遵守《網絡安全法》、《數據安全法》及《個人信息保護法》。", "zh-Hant"),
    ("The OSPAR Convention protects the North-East Atlantic.", "en"),
    ("The gender pay gap narrowed while ENS and MSC students joined.", "en"),
    ("Two staff members passed the LEED AP examination.", "en"),
])
def test_laws_and_lookalikes_are_not_certifications(text, lang):
    assert certs(text, lang) == []


# Holders other than the reporter. Rows and sentences from the synthetic dev reports
# (tests/data/synthetic/dev: hk_property_zh-Hant lines 301-330, water_services_en lines 296-331).
HK_REPORTER = ("翠嶺置業控股有限公司", ("翠嶺置業",))
HK_HEAD = "環境管理"
HK_SUMMARY = "嶺薈旗下四間酒店均已獲頒「香港綠色機構認證」，酒店餐飲部門亦已實施HACCP食物安全管理體系並獲得認證。"
HK_TABLE = [(row, kind, HK_HEAD) for row, kind in [
    ("主要管理體系認證", "paragraph"), ("持有實體 認證 涵蓋範圍", "table"),
    ("翠嶺物業服務集團有限公司 ISO 9001:2015 香港在管物業之物業管理服務", "paragraph"),
    ("ISO 14001:2015 香港在管物業之物業管理服務", "paragraph"),
    ("ISO 50001:2018 總部及十二個商業物業", "paragraph"),
    ("翠嶺建築工程有限公司 ISO 9001:2015 樓宇建造、裝修及維修保養工程", "paragraph"),
    ("ISO 45001:2018 樓宇建造、裝修及維修保養工程", "paragraph"),
    ("翠嶺酒店管理有限公司 HACCP 嶺薈酒店餐飲服務", "paragraph"),
    ("香港綠色機構認證 嶺薈旗下四間酒店", "table")]]


def company_at(rows, line, name, lang="zh-Hant"):
    """A Company mention of ``name`` in row ``line`` (as the company recogniser would add)."""
    texts = [r[0] if isinstance(r, tuple) else r for r in rows]
    start = sum(len(t) + 1 for t in texts[:line]) + texts[line].index(name)
    return line, Mention("Company", name, match_key(name), lang, None, start=start, end=start + len(name))


def test_a_holder_table_gives_each_holder_its_rows():
    property_co, building_co, hotel_co = "翠嶺物業服務集團有限公司", "翠嶺建築工程有限公司", "翠嶺酒店管理有限公司"
    assert held(HK_TABLE, "zh-Hant", *HK_REPORTER) == sorted([
        (property_co, "iso9001"), (property_co, "iso14001"), (property_co, "iso50001"),
        (building_co, "iso9001"), (building_co, "iso45001"),
        (hotel_co, "haccp"), (hotel_co, "hk-green-organisation")])


def test_prose_naming_no_holder_defers_to_a_holder_table():
    assert held([(HK_SUMMARY, "paragraph", HK_HEAD)], "zh-Hant", *HK_REPORTER) == [
        ("翠嶺置業控股有限公司", "haccp"), ("翠嶺置業控股有限公司", "hk-green-organisation")]
    found = held([(HK_SUMMARY, "paragraph", HK_HEAD), *HK_TABLE], "zh-Hant", *HK_REPORTER)
    assert not any(h == "翠嶺置業控股有限公司" for h, _ in found)


def test_english_holder_rows_split_at_semicolons_keep_their_holder():
    head = "Holder Certification / Accreditation Scope"
    rows = [("Certifications Held by the Group (as at 31 December 2023)", "paragraph", "1.3 Management Systems"),
            (head, "heading", "1.3 Management Systems"),
            ("Jade River Environmental Holdings Limited ISO 9001:2015; ISO 14001:2015", "paragraph", head),
            ("Zhaoqing Jade River Municipal Water Co., Ltd. ISO 9001; ISO 14001; ISO 45001 Water supply and "
             "distribution in Zhaoqing", "paragraph", head),
            ("Jade River Testing Technology (Changsha) Co., Ltd. CNAS accreditation (ISO/IEC 17025:2017); CMA "
             "Three laboratories", "paragraph", head),
            ("Jade River Smart Water Technology (Guangzhou) Co., Ltd. ISO/IEC 27001:2022; MLPS Level 3 AquaMind "
             "smart water platform", "paragraph", head)]
    found = held(rows, "en", "Jade River Environmental Holdings Limited", ("Jade River",))
    by_holder = {}
    for holder, key in found:
        by_holder.setdefault(holder, set()).add(key)
    assert by_holder == {
        "Jade River Environmental Holdings Limited": {"iso9001", "iso14001"},
        "Zhaoqing Jade River Municipal Water Co., Ltd.": {"iso9001", "iso14001", "iso45001"},
        "Jade River Testing Technology (Changsha) Co., Ltd.": {"cnas", "iso17025", "cma"},
        "Jade River Smart Water Technology (Guangzhou) Co., Ltd.": {"iso27001", "mlps3"}}


def test_coordinated_subjects_both_hold_and_a_clause_without_one_keeps_it():
    both = "主要附屬公司已建立經認證的管理體系：翠嶺物業及翠嶺建築均已取得ISO 9001質量管理體系及ISO 14001環境管理體系認證；"
    rows = [both]
    found = held(rows, "zh-Hant", *HK_REPORTER, extra=[company_at(rows, 0, "翠嶺物業"), company_at(rows, 0, "翠嶺建築")])
    assert found == [("翠嶺建築", "iso14001"), ("翠嶺建築", "iso9001"), ("翠嶺物業", "iso14001"), ("翠嶺物業", "iso9001")]
    rows = ["翠嶺物業更為其總部及十二個在管商業物業取得ISO 50001能源管理體系認證，並為「嶺里通」智慧物業平台取得ISO/IEC "
            "27001資訊安全管理體系認證。"]
    assert held(rows, "zh-Hant", *HK_REPORTER, extra=[company_at(rows, 0, "翠嶺物業")]) == [
        ("翠嶺物業", "iso27001"), ("翠嶺物業", "iso50001")]


def test_a_plan_in_a_later_clause_leaves_the_held_scheme_before_it():
    assert held(["總部大樓翠嶺中心已續獲LEED v4.1營運及維護金級認證，並正申請WELL健康建築標準預認證。"],
                "zh-Hant", *HK_REPORTER) == [("翠嶺置業控股有限公司", "leed")]
    rows = ["JR Shenzhen additionally holds ISO 50001 energy management system certification for its six plants, "
            "and we plan to extend ISO 50001 certification to the plants of JR Wuhan by the end of 2025."]
    found = held(rows, "en", "Jade River Environmental Holdings Limited", ("Jade River",),
                 extra=[company_at(rows, 0, "JR Shenzhen", "en")])
    assert found == [("JR Shenzhen", "iso50001")]


def test_a_defined_short_name_is_found_as_the_holder():
    rows = ['Jade River Smart Water Technology (Guangzhou) Co., Ltd. ("JR Smart Water") runs the AquaMind platform.',
            "JR Smart Water holds ISO/IEC 27001 certification, and the platform has completed its filing."]
    ctx = recognise(document(rows, "en"))
    ctx.report.publisher = Mention("Company", "Jade River Environmental Holdings Limited",
                                   "jaderiverenvironmentalholdingslimited", "en", None, aliases=("Jade River",))
    _, unit = company_at(rows, 0, "Jade River Smart Water Technology (Guangzhou) Co., Ltd.", "en")
    unit.aliases = ("JR Smart Water",)
    ctx.mentions.append(unit)
    [rel_] = rel.extract(ctx)
    assert (rel_.subject.text, rel_.subject.key, rel_.object.key) == ("JR Smart Water", unit.key, "iso27001")


def test_targets_and_subcontractors_requirements_are_not_held():
    assert held(["所有合營項目均須遵守本集團《可持續發展建築設計指引》，並以取得BEAM Plus金級或以上評級為目標。"],
                "zh-Hant", *HK_REPORTER) == []
    assert held(["本集團要求主要建築分判商持有ISO 9001、ISO 14001及ISO 45001認證，所採購的木材須具備FSC或PEFC認證。"],
                "zh-Hant", *HK_REPORTER) == []
    assert held(["The Group's new headquarters building, scheduled for completion in 2025, is designed to achieve "
                 "LEED Gold certification and the Three-Star Green Building Label."], "en",
                "Jade River Environmental Holdings Limited", ("Jade River",)) == []


def test_an_unknown_scheme_named_by_its_head_word_in_a_holder_row():
    # adapted: the last row of the hk_property_zh-Hant table with a scheme no gazetteer lists
    rows = [*HK_TABLE[:-1], ("綠色辦公室認證 嶺薈旗下四間酒店", "table", HK_HEAD)]
    found = held(rows, "zh-Hant", *HK_REPORTER)
    assert ("翠嶺酒店管理有限公司", match_key("綠色辦公室認證")) in found
    # the same words in prose are no certificate of anyone
    assert held(["綠色辦公室認證 嶺薈旗下四間酒店"], "zh-Hant", *HK_REPORTER) == []


@pytest.mark.parametrize("text, lang, surface", [
    # adapted: hk_property_zh-Hant line 306 with schemes no gazetteer lists
    ("本集團旗下兩間寫字樓已獲頒「綠色辦公室」認證。", "zh-Hant", "「綠色辦公室」認證"),
    ("嶺薈旗下四間酒店均已獲頒「優質旅遊服務計劃認證」。", "zh-Hant", "優質旅遊服務計劃認證"),
    ("The hotels obtained the Green Hotel Certification in 2023.", "en", "Green Hotel Certification"),
])
def test_a_scheme_named_as_obtained_is_a_certification(text, lang, surface):
    [m] = certs(text, lang)
    assert (m.text, m.key) == (surface, match_key(surface))


def test_a_quoted_name_without_obtaining_or_a_head_word_is_none():
    assert certs("我們推出「綠色辦公室」計劃，鼓勵員工節約用電。") == []
    assert certs("The Group Certification Team met twice.", "en") == []


def test_a_holder_cell_on_its_own_line_holds_the_rows_below():
    # adapted: the hk_property_zh-Hant table with the holder's name wrapped onto a line of its own
    rows = [*HK_TABLE[:2], ("翠嶺物業服務集團有限公司", "table", HK_HEAD),
            ("ISO 14001:2015 香港在管物業之物業管理服務", "table", HK_HEAD)]
    extra = [company_at(rows, 2, "翠嶺物業服務集團有限公司")]
    assert held(rows, "zh-Hant", *HK_REPORTER, extra=extra) == [("翠嶺物業服務集團有限公司", "iso14001")]


# --- round 4: holder after the scheme, holding-unit tables, sentence rows (dev reports) -------

BANK_HEAD = "Certificate Holder Scope"
BANK_ROWS = [
    ("Management System Certifications Held", "paragraph", "Waste and Water"),
    (BANK_HEAD, "heading", "Waste and Water"),
    ("ISO/IEC 27001:2022 Information Security Management System Evermount Bank Limited Core banking, digital "
     "channels, data centre ISO 22301:2019 Business Continuity Management System Evermount Bank Limited Critical "
     "banking services PCI DSS v4.0 Evermount Bank Limited Card issuing and acquiring systems", "paragraph", BANK_HEAD),
    ("ISO/IEC 27001:2022 Information Security Management System Evermount Securities Limited EverTrade online "
     "trading platform Hong Kong Green Organisation Certification Evermount Life Insurance Company Limited Head "
     "office", "paragraph", BANK_HEAD)]


def test_a_holder_column_after_the_scheme_column_gives_the_name_after_each_scheme():
    found = held(BANK_ROWS, "en", "Evermount Financial Holdings Limited", ("Evermount",))
    assert found == sorted([
        ("Evermount Bank Limited", "iso27001"), ("Evermount Bank Limited", "iso22301"),
        ("Evermount Bank Limited", "pci-dss"), ("Evermount Securities Limited", "iso27001"),
        ("Evermount Life Insurance Company Limited", "hk-green-organisation")])


EDU_HEAD = "绿色校园认证"
EDU_ROWS = [("表7：主要认证一览", "paragraph", EDU_HEAD),
            ("持有单位 认证 / 评价", "table", EDU_HEAD),
            ("广东明泓理工学院 ISO 21001:2018教育组织管理体系认证", "paragraph", EDU_HEAD),
            ("教务管理系统 网络安全等级保护三级", "table", EDU_HEAD),
            ("江西明泓职业技术学院 ISO 9001:2015质量管理体系认证", "paragraph", EDU_HEAD),
            ("校园一卡通系统 网络安全等级保护二级", "table", EDU_HEAD)]


def test_a_system_row_under_a_holding_unit_is_that_units():
    found = held(EDU_ROWS, "zh-Hans", "明泓教育集团控股有限公司", ("明泓教育",))
    assert found == sorted([("广东明泓理工学院", "iso21001"), ("广东明泓理工学院", "mlps3"),
                            ("江西明泓职业技术学院", "iso9001"), ("江西明泓职业技术学院", "mlps2")])


def test_a_platform_in_a_certified_subject_column_is_the_reporters():
    rows = [("表：阿里健康信息安全認證情況", "paragraph", "信息安全"), ("認證主體 認證體系", "table", "信息安全"),
            ("阿里健康 ISO27000信息安全管理體系認證", "table", "信息安全"),
            ("碼上放心平台 公安部信息系統三級信息安全等級保護認證", "table", "信息安全")]
    found = held(rows, "zh-Hant", "阿里健康信息技術有限公司", ("阿里健康",))
    assert ("阿里健康信息技術有限公司", "mlps3") in found and len(found) == 2


def test_a_list_item_that_is_a_sentence_takes_its_subject_as_holder():
    rows = [("本集团旗下学校均已通过相关体系认证。", "paragraph", "信息安全"),
            ("广东明泓理工学院的教务管理系统亦完成等保三级备案；", "paragraph", "信息安全"),
            ("江西明泓职业技术学院及贵州明泓职业技术学院的校园一卡通系统已完成网络安全等级保护二级备案。", "paragraph", "信息安全")]
    schools = [company_at(rows, 1, "广东明泓理工学院", "zh-Hans"), company_at(rows, 2, "江西明泓职业技术学院", "zh-Hans"),
               company_at(rows, 2, "贵州明泓职业技术学院", "zh-Hans")]  # the company recogniser's units
    found = held(rows, "zh-Hans", "明泓教育集团控股有限公司", ("明泓教育",), extra=schools)
    assert found == sorted([("广东明泓理工学院", "mlps3"), ("江西明泓职业技术学院", "mlps2"),
                            ("贵州明泓职业技术学院", "mlps2")])


def test_a_brand_inside_a_building_name_is_not_the_holder():
    tower = "In 2024, Evermount Tower retained its BEAM Plus Existing Buildings V2.0 Gold rating."
    acting = "In 2024, Evermount retained its BEAM Plus Existing Buildings V2.0 Gold rating."
    for text, inside in ((tower, True), (acting, False)):
        ctx = recognise(document([text], "en"))
        sent = ctx.sentences[0]
        start = sent.start + text.index("Evermount")
        brand = Mention("Company", "Evermount", "evermount", "en", None, start=start, end=start + len("Evermount"))
        assert rel._in_proper_name(sent, brand) is inside


@pytest.mark.parametrize("text, lang, key, surface", [
    ("该校亦于2024年5月获评二星级绿色校园", "zh-Hans", "green-campus2", "二星级绿色校园"),
    ("瀾庭娛樂於年內取得RG Check負責任博彩認證", "zh-Hant", "rg-check", "RG Check負責任博彩認證"),
    ("瀾庭酒店管理有限公司 澳門綠色酒店獎（金獎） 瀾庭酒店", "zh-Hant", "macao-green-hotel-award", "澳門綠色酒店獎（金獎）")])
def test_national_and_industry_schemes(text, lang, key, surface):
    assert [(m.key, m.text) for m in certs(text, lang)] == [(key, surface)]


def test_green_campus_without_a_star_level_is_a_goal_not_a_scheme():
    assert certs("绿色校园 气候行动", "zh-Hans") == []
    assert certs("在学生就业、建设绿色校园及回馈社会等方面取得了新的进展。", "zh-Hans") == []


def test_a_caption_naming_holders_is_no_header_and_holder_first_rows_keep_their_holder():
    head = "Certifications held by our subsidiaries"
    rows = [(head, "heading", head),
            ("Jade River Testing Technology (Changsha) Co., Ltd. ISO 9001 Three laboratories", "paragraph", head)]
    assert not rel._holder_after(head) and rel._holder_after("Certificate Holder Scope")
    found = held(rows, "en", "Jade River Environmental Holdings Limited", ("Jade River",))
    assert found == [("Jade River Testing Technology (Changsha) Co., Ltd.", "iso9001")]
