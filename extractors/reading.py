"""Reading report files: bytes -> decoded text -> ``Document`` with repaired layout.

Reports reach us as text extracted from PDFs, in whatever encoding the extracting tool or
the publisher used: UTF-8 (with or without BOM), UTF-16, GB18030, Big5. The encoding is
detected from the bytes, never from the file name. GB18030 accepts almost any byte string,
so Big5 text "decodes" as GB18030 into nonsense; the candidates are therefore ranked by
how plausible the decoded Chinese is (the share of characters from the frequent-character
levels of GB2312 and Big5).
"""
from __future__ import annotations

import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from . import layout
from .model import Document
from .normalise import detect_language

#: What a folder is searched for.
REPORT_SUFFIXES = (".txt", ".md")


class ReportReadError(Exception):
    """A report file that cannot be read; the message is one line, fit for the CLI."""


def iter_report_files(inputs: list[str | Path]) -> list[Path]:
    """The report files named by ``inputs``: files as given, folders searched recursively
    (sorted) for .txt and .md reports."""
    out: list[Path] = []
    for item in inputs:
        path = Path(item)
        if not path.exists():
            raise ReportReadError(f"{path}: no such file or folder")
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _is_report(p))
            if not found:
                pdfs = sum(1 for p in path.rglob("*.pdf"))
                hint = f" ({pdfs} PDF file(s) found: {_pdf_unsupported()})" if pdfs else ""
                raise ReportReadError(f"{path}: no .txt or .md reports in this folder{hint}")
            out.extend(found)
        elif path.suffix.lower() == ".pdf" and not _pdf_tool():
            raise ReportReadError(f"{path}: {_pdf_unsupported()}")
        else:
            out.append(path)
    return out


def _is_report(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix in REPORT_SUFFIXES or (suffix == ".pdf" and _pdf_tool() is not None)


def _pdf_unsupported() -> str:
    return "PDF is not supported yet; extract the text first (e.g. pdftotext) and pass the .txt"


@lru_cache(maxsize=1)
def _pdf_tool() -> str | None:
    """``pdftotext`` or ``pypdf`` when installed (neither is a dependency)."""
    if shutil.which("pdftotext"):
        return "pdftotext"
    try:
        import pypdf  # noqa: F401
    except ImportError:
        return None
    return "pypdf"


def _pdf_text(path: Path) -> str:
    tool = _pdf_tool()
    if tool is None:
        raise ReportReadError(f"{path}: {_pdf_unsupported()}")
    try:
        if tool == "pdftotext":
            done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                                  capture_output=True, check=True, timeout=300)
            return done.stdout.decode("utf-8", "replace")
        import pypdf

        return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)
    except Exception as e:  # a broken PDF: report it, one line
        raise ReportReadError(f"{path}: cannot extract text from PDF ({type(e).__name__})") from None


# ---------------------------------------------------------------------------- encodings

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CJK_PUNCT = set("，。、；：？！「」『』（）《》〈〉“”‘’—…・·　【】％")


@lru_cache(maxsize=1)
def _frequent_chars() -> frozenset[str]:
    """Level-1 (most frequent) characters of GB2312 (3,755 Simplified) and Big5 (5,401
    Traditional), read off the code tables themselves."""
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):
        chars.update(bytes([lead, t]).decode("gb2312", "ignore") for t in range(0xA1, 0xFF))
    for lead in range(0xA4, 0xC7):
        for t in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            chars.add(bytes([lead, t]).decode("big5", "ignore"))
    chars.discard("")
    return frozenset(chars | _CJK_PUNCT)


def _plausibility(text: str) -> float:
    """Share of the non-ASCII characters that are frequent Chinese characters/punctuation."""
    wide = [c for c in text if ord(c) > 0x7F]
    if not wide:
        return 1.0
    frequent = _frequent_chars()
    return sum(c in frequent for c in wide) / len(wide)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 byte order from its NUL bytes: ASCII characters (newlines, spaces, digits)
    have a NUL high byte, on odd positions for little-endian and even ones for big-endian;
    the other positions hold NULs only where a character's low byte is 0 (一 is U+4E00)."""
    if len(data) % 2 or b"\x00" not in data[:65536]:
        return None
    sample = data[:65536]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 2 * even:
        return "utf-16-le"
    if even >= 2 * odd:
        return "utf-16-be"
    return None


def _looks_like_text(text: str) -> bool:
    sample = text[:65536]
    return len(_CONTROL.findall(sample)) <= 0.01 * len(sample)


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding.replace("-sig", ""))
            except UnicodeDecodeError:
                raise ReportReadError(f"{name}: not valid {encoding} text despite its byte-order mark") from None
            return text, encoding
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            pass
        else:
            if _looks_like_text(text) and _plausibility(text) >= 0.6:
                return text, utf16
    if b"\x00" in data[:8192]:
        raise ReportReadError(f"{name}: binary file, not a text report")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text = data.decode("utf-8", "replace")
        if text.count("\ufffd") <= max(3, len(text) // 2000):
            return text, "utf-8"  # UTF-8 with a few damaged bytes (a truncated character)
    best: tuple[float, str, str] | None = None
    for encoding in ("gb18030", "big5", "big5hkscs"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text)
        if best is None or score > best[0] + 1e-9:
            best = (score, text, encoding)
    if best and best[0] >= 0.6:
        return best[1], best[2]
    return _fallback(data, name, best)


def _fallback(data: bytes, name: str, best: tuple[float, str, str] | None) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    if match is not None:
        return str(match), match.encoding
    if best:
        return best[1], best[2]
    raise ReportReadError(f"{name}: unknown text encoding (not UTF-8/16, GB18030 or Big5)")


def read_text(path: str | Path) -> tuple[str, str]:
    """The decoded text of a report file (newlines normalised) and its encoding's name."""
    path = Path(path)
    if path.is_dir():
        raise ReportReadError(f"{path}: is a folder, not a report file")
    if path.suffix.lower() == ".pdf":
        return _pdf_text(path), "pdf"
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReportReadError(f"{path}: no such file") from None
    except OSError as e:
        raise ReportReadError(f"{path}: cannot read ({e.strerror or type(e).__name__})") from None
    if data.startswith(b"%PDF"):
        raise ReportReadError(f"{path}: a PDF file; {_pdf_unsupported()}")
    if not data.strip():
        raise ReportReadError(f"{path}: empty file")
    text, encoding = _decode(data, str(path))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _looks_like_text(text):
        raise ReportReadError(f"{path}: binary file, not a text report")
    if not text.strip():
        raise ReportReadError(f"{path}: empty file")
    return text, encoding


def read_document(path: str | Path) -> Document:
    """Read a report file into a ``Document``: repaired text, blocks, and the line map."""
    path = Path(path)
    text, encoding = read_text(path)
    raw_lines = text.split("\n")
    laid = layout.repair(raw_lines, markdown=path.suffix.lower() == ".md")
    if not laid.blocks:
        raise ReportReadError(f"{path}: no text in this file")
    return Document(
        source_file=path.name,
        text=laid.text,
        language=detect_language(laid.text),
        encoding=encoding,
        blocks=laid.blocks,
        line_starts=laid.line_starts,
        line_numbers=laid.line_numbers,
    )
