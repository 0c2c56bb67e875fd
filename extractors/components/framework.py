"""Recogniser for reporting frameworks (``ReportingFramework``): the HKEX ESG Guide, GRI, SASB,
TCFD, IFRS S2, the GHG Protocol, ...

Frameworks are a short closed list with many spellings per language, so this is a gazetteer
(``patterns/frameworks.yaml``) with one canonical key per framework: 《環境、社會及管治報告指引》,
HKEX-ESG and "ESG Reporting Guide" all become ``hkex-esg`` and resolve to one entity.

The module also holds the small matching helpers the certification and SDG recognisers share
(whitespace-tolerant Chinese patterns, width folding, labels per script, sentence bounds).
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..normalise import to_simplified, to_traditional
from .base import add_span, load_patterns, spans_of

_CJK_PAIR = re.compile(r"[\u4e00-\u9fff](?=[\u4e00-\u9fff])")
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_SENT_END = re.compile(r"[。！？!?；;]|\.(?=\s|$)")


def flexible(pattern: str) -> re.Pattern:
    """Compile ``pattern`` case-insensitively, letting whitespace sit between two Chinese
    characters (PDF extraction breaks lines and pads words: 溫室氣\\n體核算體系).

    Characters inside ``[...]`` classes and look-behinds (which must keep a fixed width) are
    left alone.
    """
    out, i, in_class, groups = [], 0, False, []
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            groups.append(pattern.startswith(("(?<=", "(?<!"), i))
        elif ch == ")" and groups:
            groups.pop()
        out.append(ch)
        if not in_class and not any(groups) and _CJK_PAIR.match(pattern, i):
            out.append(r"\s*")
        i += 1
    return re.compile("".join(out), re.IGNORECASE)


def ascii_fold(text: str) -> str:
    """Full-width Latin letters, digits and signs to ASCII (ＩＳＯ９００１ -> ISO9001), same length."""
    return text.translate(_FULLWIDTH)


def label_for(labels: dict, lang: str) -> str | None:
    """The label for the report's script: ``zh-Hant``/``zh-Hans``/``en``, falling back to the
    other Chinese script (converted) and then to English."""
    if lang == "en":
        return labels.get("en") or labels.get("zh-Hant") or labels.get("zh-Hans")
    if lang == "zh-Hant" and not labels.get("zh-Hant") and labels.get("zh-Hans"):
        return to_traditional(labels["zh-Hans"])
    return labels.get(lang) or labels.get("zh-Hans") or labels.get("en")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence of ``text`` holding ``[start, end)``."""
    left = max((m.end() for m in _SENT_END.finditer(text, 0, start)), default=0)
    m = _SENT_END.search(text, end)
    return left, m.start() if m else len(text)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` holding ``[start, end)``."""
    s, e = sentence_bounds(text, start, end)
    return text[s:e]


def heading(doc: Doc) -> str:
    """The block's section heading, folded to Simplified script for matching."""
    return ascii_fold(to_simplified(doc.user_data.get("heading") or ""))


def taken_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges already claimed by earlier recognisers."""
    out = []
    for span in spans_of(doc):
        attrs = span._.esg_attrs or {}
        out.append((attrs.get("start_char", span.start_char), attrs.get("end_char", span.end_char)))
    return out


def pick_longest(found: list[tuple[int, int, object]], taken: list[tuple[int, int]]) -> list:
    """Non-overlapping matches, longer first; none overlapping ``taken``."""
    chosen: list[tuple[int, int, object]] = []
    blocked = list(taken)
    for s, e, item in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if any(s < te and ts < e for ts, te in blocked):
            continue
        chosen.append((s, e, item))
        blocked.append((s, e))
    return sorted(chosen, key=lambda f: f[0])


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a match off surrounding spaces and title marks (《》, quotes)."""
    edge = " \t\n\u3000《》「」“”\"'"
    while start < end and text[start] in edge:
        start += 1
    while end > start and text[end - 1] in edge:
        end -= 1
    return start, end


@lru_cache(maxsize=1)
def gazetteer() -> dict:
    """frameworks.yaml with its patterns compiled."""
    data = load_patterns("frameworks")
    entries = []
    for entry in data["frameworks"]:
        entries.append({**entry, "compiled": [flexible(p) for p in entry["patterns"]]})
    return {
        "entries": entries,
        "basis_cues": flexible(data["basis_cues"]),
        "basis_headings": flexible(data["basis_headings"]),
    }


class FrameworkRecognizer:
    """Adds a ``ReportingFramework`` span for each gazetteer name in the block."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.gaz = gazetteer()

    def _basis_context(self, doc: Doc, text: str, start: int, end: int) -> bool:
        return bool(self.gaz["basis_cues"].search(sentence_around(text, start, end))
                    or self.gaz["basis_headings"].search(heading(doc)))

    def __call__(self, doc: Doc) -> Doc:
        text = ascii_fold(doc.text)
        lang = doc.user_data.get("lang") or ("en" if self.lang == "en" else "zh-Hans")
        found = []
        for entry in self.gaz["entries"]:
            for rx in entry["compiled"]:
                for m in rx.finditer(text):
                    s, e = trim(text, m.start(), m.end())
                    if e > s:
                        found.append((s, e, entry))
        for s, e, entry in pick_longest(found, taken_ranges(doc)):
            if entry.get("basis_only") and not self._basis_context(doc, text, s, e):
                continue
            add_span(doc, s, e, "ReportingFramework", entry["key"], label_for(entry["label"], lang))
        return doc


@Language.factory("esg_framework", default_config={"lang": "zh"})
def make_framework(nlp: Language, name: str, lang: str) -> FrameworkRecognizer:
    return FrameworkRecognizer(lang)
