"""Certification mentions (components/certification.py) and holdsCertification
(relations/certifications.py), on sentences from the seed reports.

Sentences marked "adapted" are seed sentences with the scheme's name put in, where the seeds
have the construction but not a scheme this recogniser knows.
"""
import pytest

from extractors.model import Block, Document, Mention
from extractors.normalise import match_key
from extractors.pipeline import recognise
from extractors.relations import certifications as rel


def document(rows, lang="zh-Hant"):
    """A Document of blocks: rows are text, or (text, kind, heading)."""
    blocks, parts, off = [], [], 0
    for i, row in enumerate(rows, 1):
        text, kind, heading = row if isinstance(row, tuple) else (row, "paragraph", "")
        blocks.append(Block(text, off, i, kind, heading))
        parts.append(text)
        off += len(text) + 1
    return Document("t.txt", "\n".join(parts), lang, "utf-8", blocks,
                    [b.start for b in blocks], [b.line for b in blocks])


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


def test_table_rows_after_an_introducing_sentence_are_held():
    # 002: the compliance table follows "我们的一些合规资质包括以下内容。" and a footnote
    head = "成绩与合规"
    rows = [("我们是亚太地区最具权威合规资质的云服务提供商。我们的一些合规资质包括以下内容。", "paragraph", head),
            ("² PIPO 负责监督个人信息处理活动及采取的相应保护措施。", "paragraph", head),
            ("ISO 9001\t欧洲 GDPR EU-US Privacy Shield DPP EU Cloud CoC\t新加坡 MTCS PDPA OSPAR DPTM CBPR/PRP", "table", head),
            ("ISO 27001", "table", head), ("BS 10012", "table", head), ("SOC1/SOC2/SOC3", "table", head)]
    found = held(rows, "zh-Hans", "阿里巴巴集团控股有限公司", ("阿里巴巴",))
    assert [k for _, k in found] == ["bs10012", "iso27001", "iso9001", "soc1", "soc2", "soc3"]
    # the same rows after prose that introduces no list
    rows[0] = ("我们遵守和执行与数据安全和隐私保护相关的国际和国内法律法规，建立内部数据安全控制体系。", "paragraph", head)
    assert held(rows, "zh-Hans", "阿里巴巴集团控股有限公司") == []
