"""Reading report files: encodings detected from the bytes, documents with a line map,
and one-line errors for files that are not reports."""
from pathlib import Path
import re

import pytest

from extractors.model import Document
from extractors.reading import ReportReadError, iter_report_files, read_document, read_text

REPORTS = Path(__file__).resolve().parent.parent / "examples" / "reports"
DATA = Path(__file__).resolve().parent / "data" / "reading"


def seed_text(prefix: str, lines: int = 400) -> str:
    path = next(REPORTS.glob(f"{prefix}_*.txt"))
    return "\n".join(path.read_text(encoding="utf-8").split("\n")[:lines])


def encodable(text: str, encoding: str) -> str:
    """The lines of ``text`` that ``encoding`` can represent (Big5 lacks a few symbols)."""
    out = []
    for line in text.split("\n"):
        try:
            line.encode(encoding)
        except UnicodeEncodeError:
            continue
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("prefix,encoding", [
    ("000", "big5"),
    ("000", "gb18030"),
    ("002", "gb18030"),
    ("003", "big5"),
])
def test_chinese_legacy_encodings_are_detected_from_the_bytes(tmp_path, prefix, encoding):
    text = encodable(seed_text(prefix), encoding)
    assert len(text) > 5000
    path = tmp_path / "report-utf8.txt"  # the name says nothing true
    path.write_bytes(text.encode(encoding))
    assert read_text(path) == (text, encoding)


@pytest.mark.parametrize("encoding,bom,expected", [
    ("utf-16-le", b"\xff\xfe", "utf-16-le"),
    ("utf-16-be", b"\xfe\xff", "utf-16-be"),
    ("utf-16-le", b"", "utf-16-le"),
    ("utf-16-be", b"", "utf-16-be"),
    ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
])
def test_unicode_encodings_with_and_without_bom(tmp_path, encoding, bom, expected):
    text = seed_text("001")
    path = tmp_path / "r.txt"
    path.write_bytes(bom + text.encode(encoding))
    assert read_text(path) == (text, expected)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_chinese_without_ascii(tmp_path, encoding):
    # only newlines give NUL bytes here, and 一 (U+4E00) puts NULs on the other side
    lines = [ln for ln in seed_text("002", 3000).split("\n") if ln and not re.search("[ -~]", ln)]
    text = "\n".join(lines)
    assert "一" in text and len(text) > 10000
    path = tmp_path / "r.txt"
    path.write_bytes(text.encode(encoding))
    assert read_text(path) == (text, encoding)


def test_windows_line_ends(tmp_path):
    text = seed_text("003", 60)
    path = tmp_path / "r.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    assert read_text(path)[0] == text


def test_big5_document_equals_the_utf8_one(tmp_path):
    text = encodable(seed_text("000"), "big5")
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(text.encode("utf-8"))
    b.write_bytes(text.encode("big5"))
    da, db = read_document(a), read_document(b)
    assert (db.text, db.encoding, db.language) == (da.text, "big5", "zh-Hant")
    assert [x.line for x in db.blocks] == [x.line for x in da.blocks]


@pytest.fixture(scope="module")
def seeds() -> dict[str, Document]:
    return {p.name[:3]: read_document(p) for p in sorted(REPORTS.glob("*.txt"))}


@pytest.mark.parametrize("prefix,language", [
    ("000", "zh-Hant"), ("001", "en"), ("002", "zh-Hans"), ("003", "zh-Hant"), ("004", "zh-Hant"),
])
def test_seed_documents(seeds, prefix, language):
    doc = seeds[prefix]
    assert doc.source_file.startswith(prefix) and "/" not in doc.source_file
    assert (doc.language, doc.encoding) == (language, "utf-8")
    raw = (REPORTS / doc.source_file).read_text(encoding="utf-8").split("\n")
    for block in doc.blocks:
        assert doc.text[block.start:block.start + len(block.text)] == block.text
        assert doc.line_at(block.start) == block.line
        first = next(ch for ch in block.text if not ch.isspace())
        assert first in raw[block.line - 1]


def test_line_at_points_into_the_original_lines(seeds):
    doc = seeds["000"]
    off = doc.text.index("「阿里巴巴集團」指代阿里巴巴集團控股有限公司")
    assert doc.line_at(off) == 23
    assert doc.line_at(doc.text.index("「本集團」指代阿里健康")) == 21
    doc = seeds["001"]
    assert doc.line_at(doc.text.index("Chengdu Kanghua Biological")) == 986
    assert doc.line_at(doc.text.index("(hereinafter referred to as “Kanghua")) == 987


def test_markdown_headings_and_tables():
    doc = read_document(DATA / "sample.md")
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert ("heading", "關於本報告") in kinds and ("heading", "指代說明") in kinds
    assert ("table", "員工總人數\t人\t1,849") in kinds
    para = next(b for b in doc.blocks if b.text.startswith("為便於表述"))
    assert "連同其附屬公司，「阿里巴巴集團」" in para.text and para.heading == "指代說明"
    assert doc.line_at(doc.text.index("公司，「阿里巴巴集團」")) == 8
    last = doc.blocks[-1]
    assert "（HKEX-ESG）編製。詳見香港聯合交易所網站。" in last.text  # emphasis and link markup gone
    assert "#" not in doc.text and "|" not in doc.text and "**" not in doc.text


def one_line_error(call, *args) -> str:
    with pytest.raises(ReportReadError) as e:
        call(*args)
    msg = str(e.value)
    assert msg and "\n" not in msg
    return msg


def test_bad_inputs_raise_clear_errors(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    assert "binary" in one_line_error(read_document, binary)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert "empty" in one_line_error(read_document, empty)
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"\n  \n\t\n")
    assert "empty" in one_line_error(read_document, blank)
    assert "no such file" in one_line_error(read_document, tmp_path / "missing.txt")
    assert "folder" in one_line_error(read_document, tmp_path)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    assert "PDF is not supported" in one_line_error(read_document, pdf)
    disguised = tmp_path / "report.txt"
    disguised.write_bytes(pdf.read_bytes())
    assert "PDF" in one_line_error(read_document, disguised)


def test_iter_report_files(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/2.txt", "1.md", "b/a.TXT", "notes.docx", "b/c.pdf"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = iter_report_files([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["1.md", "b/2.txt", "b/a.TXT"]
    assert iter_report_files([tmp_path / "notes.docx"]) == [tmp_path / "notes.docx"]
    assert "PDF is not supported" in one_line_error(iter_report_files, [tmp_path / "b" / "c.pdf"])
    assert "no such file" in one_line_error(iter_report_files, [tmp_path / "nope"])
    (tmp_path / "none").mkdir()
    (tmp_path / "none" / "x.pdf").write_bytes(b"%PDF")
    msg = one_line_error(iter_report_files, [tmp_path / "none"])
    assert "no .txt or .md reports" in msg and "PDF" in msg
