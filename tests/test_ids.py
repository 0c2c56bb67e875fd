"""IRIs are stable and type-scoped; SDGs use the UN's IRIs."""
from kg.ids import entity_iri, report_iri, slug


def test_same_key_same_iri_any_run():
    assert entity_iri("Company", "阿里健康信息技术有限公司") == entity_iri("Company", "阿里健康信息技术有限公司")
    # stable across processes: a digest, not Python's salted hash()
    assert entity_iri("Company", "阿里健康信息技术有限公司").endswith("/company/h" + __import__("hashlib").sha1(
        "阿里健康信息技术有限公司".encode()).hexdigest()[:15])


def test_ascii_keys_stay_readable():
    assert entity_iri("Certification", "iso27001") == "https://w3id.org/esgkg/id/certification/iso27001"
    assert entity_iri("ReportingFramework", "ifrs-s2") == "https://w3id.org/esgkg/id/framework/ifrs-s2"


def test_sdg_iris_are_the_uns():
    assert entity_iri("SDG", "sdg3") == "http://metadata.un.org/sdg/3"
    assert entity_iri("SDG", "sdg17") == "http://metadata.un.org/sdg/17"


def test_types_do_not_collide():
    assert entity_iri("Company", "board") != entity_iri("Committee", "board")


def test_report_iri_from_file_name_only():
    assert report_iri("000_25f370c629b33344.txt") == report_iri("/any/where/000_25f370c629b33344.txt")
    assert report_iri("000_25f370c629b33344.txt").endswith("/report/000_25f370c629b33344")
    assert slug("ESG 報告 2022").startswith("h")
