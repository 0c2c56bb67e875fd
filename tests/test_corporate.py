"""subsidiaryOf and partnerOf (extractors/relations/corporate.py) on seed sentences.

Each case opens with the report's own definition sentence, so the reporter comes from
read_report_facts as in a real build.
"""
import pytest

from extractors.model import Block, Document
from extractors.pipeline import recognise
from extractors.relations import corporate
from extractors.report import read_report_facts

ALIHEALTH_ZH = "為便於表述，報告中「阿里健康」「公司」「我們」均指代阿里健康信息技術有限公司。"
MEDLIVE = "本報告是醫脈通科技有限公司（以下簡稱「醫脈通」或「我們」或「本公司」）發布的第二份環境、社會及管治報告。"
JDH = "旨在展示京東健康股份有限公司（以下簡稱「公司」「京東健康」或「我們」）在環境、社會及管治的策略、管理和實踐情況。"
ALIHEALTH_EN = ("For convenience, Alibaba Health Information Technology Limited may be expressed as “Alibaba Health”, "
                "“the Company”, and “We”.")


def document(rows, lang):
    blocks, parts, off = [], [], 0
    for i, text in enumerate(rows, 1):
        blocks.append(Block(text, off, i))
        parts.append(text)
        off += len(text) + 1
    return Document("t.txt", "\n".join(parts), lang, "utf-8", blocks,
                    [b.start for b in blocks], [b.line for b in blocks])


def relations(definition, text, lang="zh-Hant", predicate=None):
    ctx = recognise(document([definition, text], lang))
    read_report_facts(ctx)
    return sorted((r.subject.text if r.subject.key != ctx.report.publisher.key else "REPORTER",
                   r.predicate, r.object.text if r.object.key != ctx.report.publisher.key else "REPORTER")
                  for r in corporate.extract(ctx) if predicate in (None, r.predicate))


@pytest.fixture(scope="module", autouse=True)
def warm():
    relations(ALIHEALTH_ZH, "阿里健康聯合菜鳥開展低碳供應鏈減排項目")


@pytest.mark.parametrize("definition,text,partners", [
    (ALIHEALTH_ZH, "阿里健康聯合菜鳥開展低碳供應鏈減排項目", ["菜鳥"]),
    (ALIHEALTH_ZH, "由阿里健康聯合熙牛醫療科技（浙江）有限公司共同打造的「未來醫院」信息系統", ["熙牛醫療科技（浙江）有限公司"]),
    (ALIHEALTH_ZH, "阿里健康公益聯合阿里巴巴公益基金會，縣域醫院院長聯盟、凌鋒公益基金會等公益愛心組織共同開展基層醫生培訓公益項目",
     ["凌鋒公益基金會", "縣域醫院院長聯盟", "阿里巴巴公益基金會"]),
    (ALIHEALTH_ZH, "同時，聯合北京健康促進會，設計開發了「用藥費用計算器」", ["北京健康促進會"]),
    (ALIHEALTH_ZH, "我們聯合國家檢科院等四大檢測機構，全面升級燕窩溯源標準", ["國家檢科院"]),
    (MEDLIVE, "2022.08        與阿斯利康正式簽署戰略合作，獲「阿斯利康最佳業務合作夥伴獎」", ["阿斯利康"]),
    (MEDLIVE, "醫脈通在與中華醫學會、萬方醫學數據庫等平台合作的過程中", ["中華醫學會", "萬方醫學數據庫"]),
    (JDH, "公司鼓勵員工綠色出行，與滴滴、曹操等網約車平台深度合作，為員工提供便攜通勤方式", ["曹操", "滴滴"]),
    (JDH, "在物流環節，我們與京東物流合作，推進使用「 循環利用的中轉袋」", ["京東物流"]),
])
def test_partners_of_the_reporter(definition, text, partners):
    assert relations(definition, text, predicate="partnerOf") == [("REPORTER", "partnerOf", p) for p in partners]


@pytest.mark.parametrize("definition,text", [
    # someone else cooperates (adapted from the 002 report: the subject is another firm)
    (ALIHEALTH_ZH, "老板電器與阿里雲等科技公司合作建設的智能工廠，整體生產效率較過去提高了45%"),
    (JDH, "公司以醫藥及健康產品供應鏈為核心，與產業鏈上下游緊密合作，致力於打造更完整的大健康生態體系"),
    (MEDLIVE, "醫脈通將供應商視為公司重要的合作夥伴，通過與供應商在產品、技術、數據上深度合作"),
    (ALIHEALTH_ZH, "「讓天下人健康生活120年」是阿里健康一直所秉承的企業使命"),
])
def test_no_partner(definition, text):
    assert relations(definition, text, predicate="partnerOf") == []


def test_english_partners():
    found = relations(ALIHEALTH_EN, "On March 13, 2018, Alibaba Health and Guangzhou Pharmaceutical Group initiated the "
                      "first nation-wide alliance in partnership with Cainiao Network and domestic leading enterprises "
                      "in the pharmaceutical industry including Yibao Quanxin Pharmacy, Jianmin, Caizhilin and Qianjin.",
                      "en", "partnerOf")
    partners = {o for _s, _p, o in found}
    assert {"Guangzhou Pharmaceutical Group", "Cainiao Network", "Yibao Quanxin Pharmacy", "Qianjin"} <= partners
    found = relations(ALIHEALTH_EN, "Alibaba Health, joined by Vkan Certification & Testing Co., Ltd (CVC), Shenzhen "
                      "Academy of Metrology & Quality Inspection and other institutions, developed specifications.",
                      "en", "partnerOf")
    assert {o for _s, _p, o in found} == {"Vkan Certification & Testing Co., Ltd",
                                         "Shenzhen Academy of Metrology & Quality Inspection"}


def test_reporter_under_its_parent():
    assert relations(ALIHEALTH_ZH, "作為阿里巴巴集團在大健康領域的旗艦平台，阿里健康秉承「讓天下人健康生活120年」的使命",
                     predicate="subsidiaryOf") == [("REPORTER", "subsidiaryOf", "阿里巴巴集團")]
    assert relations(JDH, "作為京東集團旗下專注於醫療健康業務的子集團，京東健康是新型醫療健康服務企業的典範",
                     predicate="subsidiaryOf") == [("REPORTER", "subsidiaryOf", "京東集團")]
    assert relations(ALIHEALTH_EN, "Alibaba Health is the healthcare flagship platform of Alibaba Group Holding Limited.",
                     "en", "subsidiaryOf") == [("REPORTER", "subsidiaryOf", "Alibaba Group Holding Limited")]


def test_companies_under_the_reporter():
    assert relations(MEDLIVE, "2022.06        收購專注創新公司60%股權", predicate="subsidiaryOf") \
        == [("專注創新公司", "subsidiaryOf", "REPORTER")]
    found = relations(ALIHEALTH_EN, "1 The scope of electricity, water and office paper consumption includes only "
                      "Alibaba Health Information Technology (China) Limited, CITIC 21CN Company Limited and Alibaba "
                      "Health Pharmaceutical Limited.", "en", "subsidiaryOf")
    assert found == [(c, "subsidiaryOf", "REPORTER") for c in sorted([
        "Alibaba Health Information Technology (China) Limited", "CITIC 21CN Company Limited",
        "Alibaba Health Pharmaceutical Limited"])]


def test_a_business_unit_of_another_company():
    found = relations(ALIHEALTH_EN, "the Company follows the management practices for quality control of physical goods "
                      "of Tmall — a business unit of Alibaba Group — and supervises the admission of sellers.",
                      "en", "subsidiaryOf")
    assert found == [("Tmall", "subsidiaryOf", "Alibaba Group")]


def test_a_minority_stake_is_no_subsidiary():
    # adapted from 003: the same sentence with a 30% stake
    assert relations(MEDLIVE, "2022.06        收購專注創新公司30%股權", predicate="subsidiaryOf") == []


EXAMPLE = "本報告是示例控股有限公司（以下簡稱「示例控股」或「本公司」）發布的環境、社會及管治報告。"


@pytest.mark.parametrize("definition,text,lang,want", [
    # adapted: the usual HKEX phrasings, with made-up names
    (EXAMPLE, "示例控股是示例集團有限公司的附屬公司。", "zh-Hant", [("REPORTER", "subsidiaryOf", "示例集團有限公司")]),
    (EXAMPLE, "本公司的控股股東為示例集團有限公司。", "zh-Hant", [("REPORTER", "subsidiaryOf", "示例集團有限公司")]),
    (EXAMPLE, "示例科技（深圳）有限公司為本公司之全資附屬公司。", "zh-Hant",
     [("示例科技（深圳）有限公司", "subsidiaryOf", "REPORTER")]),
    (EXAMPLE, "本公司之全資附屬公司示例科技（深圳）有限公司於年內獲得認證。", "zh-Hant",
     [("示例科技（深圳）有限公司", "subsidiaryOf", "REPORTER")]),
    (ALIHEALTH_EN, "Alibaba Health Pharmaceutical Limited, a wholly-owned subsidiary of the Company, operates the "
     "pharmacy.", "en", [("Alibaba Health Pharmaceutical Limited", "subsidiaryOf", "REPORTER")]),
])
def test_subsidiary_phrasings(definition, text, lang, want):
    assert relations(definition, text, lang, "subsidiaryOf") == want
