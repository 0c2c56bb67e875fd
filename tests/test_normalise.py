"""Script folding keeps offsets and makes spellings meet; language detection on the seeds."""
from pathlib import Path

import pytest

from extractors.normalise import detect_language, match_key, to_simplified

REPORTS = Path(__file__).resolve().parent.parent / "examples" / "reports"


def test_same_name_any_script():
    assert match_key("醫脈通") == match_key("医脉通")
    assert match_key("ISO/IEC 27001：2013") == match_key("iso iec 27001 2013")
    assert match_key("「阿里健康」") == match_key("阿里健康")


@pytest.mark.parametrize("name,lang", [
    ("000_25f370c629b33344.txt", "zh-Hant"),
    ("001_2ff9cd499980ebd2.txt", "en"),
    ("002_1fb4b25759a01e1a.txt", "zh-Hans"),
    ("003_76d9b93572322dc4.txt", "zh-Hant"),
    ("004_6af22f8d60238e04.txt", "zh-Hant"),
])
def test_language_of_each_seed(name, lang):
    assert detect_language((REPORTS / name).read_text(encoding="utf-8")) == lang


def test_simplified_keeps_every_line_length_of_the_seeds():
    for path in sorted(REPORTS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert len(to_simplified(line)) == len(line)
    assert to_simplified("環境、社會及管治報告") == "环境、社会及管治报告"
