"""Recogniser for reporting frameworks (``ReportingFramework``): the HKEX ESG Guide, GRI, SASB,
TCFD, IFRS S2, the GHG Protocol, ...

Frameworks are a short closed list with many spellings per language, so this is a gazetteer
(``patterns/frameworks.yaml``) with one canonical key per framework: 《環境、社會及管治報告指引》,
HKEX-ESG and "ESG Reporting Guide" all become ``hkex-esg`` and resolve to one entity.
Beyond the list, a guideline or standard the report names by its title where it states its
basis (a quoted 《…指引》 under 編製基準, "the Guidelines to Account for … in Hong Kong" in the
sentence on how emissions are calculated) is a framework keyed by its folded title: national
and regional GHG guidelines are too many to list.

The module also holds the small matching helpers the certification and SDG recognisers share
(whitespace-tolerant Chinese patterns, width folding, labels per script, sentence bounds).
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..normalise import match_key, to_simplified, to_traditional
from .base import add_span, load_patterns, spans_of

_CJK_PAIR = re.compile(r"[\u4e00-\u9fff](?=[\u4e00-\u9fff])")
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_SENT_END = re.compile(r"[。！？!?；;]|\.(?=\s|$)")
_TRAILING_BRACKET = re.compile(r"\s*\([^()]*\)$")  # "(GB 5749-2022)" after a title
_DEFINING = re.compile(r"\s*[》」”\"]?\s*[（(]\s*(?:the\s+)?[「“\"『]?\s*$")  # (the "…") after a name: a short name defined
_DEFINED_END = re.compile(r"\s*[」”\"』]?\s*[）)]")
_ITEM_MARK = re.compile(r"\s*(?:[•·●▪■◆◇○\-–*]|\(?\d{1,2}[.)、）]|[（(][一二三四五六七八九十\d]{1,2}[)）])")


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
    titles = data["titles"]
    return {
        "entries": entries,
        "basis_cues": flexible(data["basis_cues"]),
        "basis_headings": flexible(data["basis_headings"]),
        "basis_planned": flexible(data["basis_planned"]),
        "title_zh": flexible(titles["zh"]),
        "title_en": re.compile(titles["en"]),
        "title_en_head": re.compile(titles["en_head"]),
        "title_en_words": int(titles["en_min_words"]),
        "title_method": flexible(data["title_method"]),
        "title_calc": flexible(data["title_calc"]),
    }


def planned_basis(text: str, pos: int) -> bool:
    """Whether the basis word nearest before ``pos`` in ``text`` is under a plan (我們將按照…,
    "will adopt"): the report will follow what is named there, it does not yet."""
    gaz = gazetteer()
    cues = [m for m in gaz["basis_cues"].finditer(text, 0, pos)]
    if not cues:
        return False
    cue = cues[-1]
    return any(p.start() <= cue.start() < p.end() for p in gaz["basis_planned"].finditer(text, 0, cue.end() + 1))


def _defined_for(text: str, start: int, end: int, ends: list[int]) -> bool:
    """Whether ``[start, end)`` is a short name defined in brackets right after a framework
    named before it (…標準》（「溫室氣體議定書」）, "… Standard (the “GHG Protocol”)")."""
    return any(_DEFINING.fullmatch(text, e0, start) for e0 in ends if e0 <= start) \
        and bool(_DEFINED_END.match(text, end))


def _cut_title(title: str, head: re.Pattern, min_words: int) -> str | None:
    """An English title-case run as a standard's name: whole when it opens with a head word
    (Guidelines to Account for …), else up to its first head word that ends a name rather than
    runs on into one (Standard of the …, not Standards Board), or None."""
    words = title.split()
    if head.search(words[0]):
        name = title
    else:
        name = None
        for i, w in enumerate(words[1:], 1):
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if head.search(w) and not nxt[:1].isupper():
                name = " ".join(words[:i + 1])
                break
        if name is None:
            return None
    capitals = sum(1 for w in name.split() if w[:1].isupper() or w[:1].isdigit())
    return name if capitals >= min_words else None


class FrameworkRecognizer:
    """Adds a ``ReportingFramework`` span for each gazetteer name in the block."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.gaz = gazetteer()

    def _basis_context(self, doc: Doc, text: str, start: int, end: int) -> bool:
        s, e = sentence_bounds(text, start, end)
        if planned_basis(text[s:e], start - s):
            return False
        return bool(self.gaz["basis_cues"].search(text, s, e) or self.gaz["basis_headings"].search(heading(doc)))

    def _titles(self, doc: Doc, text: str, lang: str) -> list[tuple[int, int, object]]:
        """Guideline and standard titles no gazetteer entry knows, where the report names its
        basis: in a basis section, or in a sentence with a basis word about emissions or
        energy (温室氣體排放數據的計算參照…, "emissions are calculated in accordance with")."""
        gaz = self.gaz
        basis_section = bool(gaz["basis_headings"].search(heading(doc)))
        out = []
        if not (basis_section or gaz["basis_cues"].search(text)):
            return out
        rx = gaz["title_en"] if lang == "en" else gaz["title_zh"]
        for m in rx.finditer(text):
            s, e = m.span("title")
            if lang == "en":
                name = _cut_title(m.group("title"), gaz["title_en_head"], gaz["title_en_words"])
                if name is None:
                    continue
                e = s + len(_TRAILING_BRACKET.sub("", name))
            bs, be = sentence_bounds(text, s, e)
            if planned_basis(text[bs:be], s - bs):
                continue
            cue = gaz["basis_cues"].search(text, bs, be)
            if (cue and gaz["title_method"].search(text, bs, be) and gaz["title_calc"].search(text, bs, be)) or (
                    basis_section and (cue or _ITEM_MARK.match(text) or _ITEM_MARK.match(text, bs))):
                out.append((s, e, None))
        return out

    def __call__(self, doc: Doc) -> Doc:
        text = ascii_fold(doc.text)
        lang = doc.user_data.get("lang") or ("en" if self.lang == "en" else "zh-Hans")
        found = []
        for entry in self.gaz["entries"]:
            for rx in entry["compiled"]:
                for m in rx.finditer(text):
                    s, e = trim(text, m.start(), m.end())
                    if e > s:
                        name = " ".join((m.groupdict().get("name") or "").split())
                        found.append((s, e, (entry, name)))
        named: list[tuple[int, str]] = []  # (end, key) of the frameworks named so far
        for s, e, item in pick_longest(found, taken_ranges(doc)):
            entry, name = item
            if entry.get("basis_only") and not self._basis_context(doc, text, s, e):
                continue
            key, label = entry["key"], label_for(entry["label"], lang)
            if name:  # a family member named in the text: SASB Commercial Banks Standard
                key, label = key.format(name=match_key(name)), label.format(name=name)
            if _defined_for(text, s, e, [end for end, k in named if k != key]):
                continue  # 《溫室氣體核算體系：企業…標準》（「溫室氣體議定書」）: the title's short name
            add_span(doc, s, e, "ReportingFramework", key, label)
            named.append((e, key))
        ends = [end for end, _ in named] + [
            sp._.esg_attrs.get("end_char", sp.end_char) if sp._.esg_attrs else sp.end_char
            for sp in spans_of(doc, "Certification")]
        for s, e, _ in pick_longest(self._titles(doc, text, lang), taken_ranges(doc)):
            if any(not text[end:s].strip(" \t\n\u3000《") for end in ends if end <= s):
                continue  # ISO 14064-1:2018《温室气体 第一部分…》: the title of the standard named
            add_span(doc, s, e, "ReportingFramework", match_key(text[s:e]))
        return doc


@Language.factory("esg_framework", default_config={"lang": "zh"})
def make_framework(nlp: Language, name: str, lang: str) -> FrameworkRecognizer:
    return FrameworkRecognizer(lang)
