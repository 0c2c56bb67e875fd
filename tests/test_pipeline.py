"""The pipeline frame: sentences, mentions tied to their sentence and original line."""
from pathlib import Path

import pytest

from extractors.pipeline import recognise, split_sentences
from extractors.reading import read_document

REPORTS = Path(__file__).resolve().parent.parent / "examples" / "reports"


def test_english_abbreviations_do_not_end_sentences():
    text = "Mr. Cao Yu, chair of Alibaba Health’s Philanthropy Committee: we grew. Next one."
    assert [text[a:b] for a, b in split_sentences(text, "en")] == [
        "Mr. Cao Yu, chair of Alibaba Health’s Philanthropy Committee: we grew.", "Next one."]


def test_chinese_sentences_end_at_full_stops():
    text = "本報告為年度報告。報告時間跨度為2021年4月1日至2022年3月31日（「報告期」）。"
    assert len(split_sentences(text, "zh-Hant")) == 2


@pytest.fixture(scope="module")
def medlive():
    return recognise(read_document(REPORTS / "003_76d9b93572322dc4.txt"))


def test_mentions_carry_their_sentence_and_line(medlive):
    lines = (REPORTS / "003_76d9b93572322dc4.txt").read_text(encoding="utf-8").splitlines()
    assert len(medlive.mentions) > 100
    for m in medlive.mentions:
        assert m.text.strip() in m.evidence.sentence
        # the mention starts on its evidence line or (wrapped sentences) within the next two
        window = "".join("".join(lines[m.evidence.line - 1:m.evidence.line + 2]).split())
        assert "".join(m.evidence.sentence.split())[:4] in window


def test_surface_is_the_original_text_not_the_folded_one(medlive):
    """Matching runs on Simplified text; the mention keeps what the report printed."""
    text = medlive.document.text
    for m in medlive.mentions:
        assert text[m.start:m.end] == m.text
    assert any(m.text != m.text.translate(str.maketrans("醫脈通會", "医脉通会")) for m in medlive.mentions)
