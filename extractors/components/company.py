"""Recogniser for company mentions.

Two signals name a company without a gazetteer of companies: a legal form at the end
(有限公司, 集团, Limited, Co., Ltd., Group) and a cooperation cue in front (联合X开展,
携手X推出, 与X合作, "in partnership with X"), which is how reports name partners that
print no legal form (a brand or a short name). The hard part in Chinese is the left edge
of a name, since nothing separates words: ``zh_name_start`` walks jieba tokens leftwards and
stops at function words, verbs and punctuation. The report's defined short names (「X」指代
Y) are document-level facts and are resolved by ``extractors.report``.
"""
from __future__ import annotations

import re
from functools import lru_cache

import jieba
import jieba.posseg as posseg
from spacy.language import Language
from spacy.tokens import Doc

from ..normalise import match_key
from .base import add_span, compile_alternation, load_patterns, spans_of

P = load_patterns("companies")

_ZH_HARD = set("，,。；;：:！!？?、「」『』“”\"'‘’《》〈〉【】[]\n\t|•·…—–-/\\~～*#") | {" ", "\u3000"}
_PROPER_TAGS = {"nr", "ns", "nz", "nrt", "nt", "nrfg", "j", "eng"}
_RARE = 300  # jieba dictionary frequency under which a word reads as a proper name
_DIGITS = re.compile(r"^[0-9０-９.%,]+[年月日号]?$")
_LATIN = re.compile(r"[A-Za-z]")
_COUNT = re.compile(r"^[0-9一二两三四五六七八九十百千几数多第首]+[家个所位名项批类大]?$")


def _set(key: str) -> frozenset:
    return frozenset(P.get(key, []))


LEFT_STOPS = _set("zh_left_stops")
LEFT_STOP_POS = _set("zh_left_stop_pos")
ACQUISITION = _set("zh_acquisition_verbs")
GENERIC_CORES = _set("zh_generic_cores")
GENERIC_NOUNS = _set("zh_generic_nouns")
GENERIC_STARTS = _set("zh_generic_starts")
NOT_COMPANY_ZH = tuple(P["zh_not_company_words"])
NOT_COMPANY_EN = tuple(P["en_not_company_words"])
SUFFIX_FOLLOWERS = tuple(P["zh_suffix_followers"])


@lru_cache(maxsize=1)
def _jieba_ready() -> None:
    jieba.setLogLevel(60)
    jieba.initialize()


@lru_cache(maxsize=8192)
def zh_tokens(text: str) -> tuple[tuple[str, str, int], ...]:
    """(word, part of speech, start offset) for Simplified Chinese ``text`` (jieba posseg)."""
    _jieba_ready()
    out, off = [], 0
    for w in posseg.cut(text):
        out.append((w.word, w.flag, off))
        off += len(w.word)
    return tuple(out)


def _distinctive(word: str, flag: str) -> bool:
    """A token that reads as part of a proper name: Latin, a name tag, or a rare word."""
    if _LATIN.search(word):
        return True
    if flag in _PROPER_TAGS:
        return True
    freq = jieba.dt.FREQ.get(word)
    return not freq or freq < _RARE


def zh_core_ok(core: str, need_distinctive: bool = True) -> bool:
    """Whether ``core`` (a name without its legal form or head word) names something.

    本/子/科技 (本公司, 子公司, 科技公司) and phrases made only of generic words (互联网医疗)
    describe; a name has at least one distinctive token (a rare word, a place or person
    name, Latin letters) unless the caller has other evidence (收购X公司).
    """
    core = core.strip()
    if len(core) < 2 and not _LATIN.search(core):
        return False
    if core in GENERIC_CORES or core in GENERIC_NOUNS:
        return False
    toks = [(w, f) for w, f, _ in zh_tokens(core) if w.strip() and w not in "（）()"]
    if not toks:
        return False
    if toks[0][0] in GENERIC_STARTS or toks[0][1] == "r" or _COUNT.match(toks[0][0]):
        return False
    if all(w in GENERIC_CORES or w in GENERIC_NOUNS for w, _ in toks):
        return False
    return not need_distinctive or any(_distinctive(w, f) for w, f in toks)


def zh_name_start(text: str, end: int, max_len: int = 30) -> int | None:
    """Where the Chinese name whose core ends at ``end`` begins, or None when no name fits.

    Walks jieba tokens leftwards from ``end`` and stops at punctuation, an unbalanced
    bracket, a stop word (与, 联合, 收购, 本报告 ...) or a function word by part of speech. A
    verb stops the walk only once the core so far is a name (旨在展示|京东健康 stops at 展示;
    收购|专注创新 does not stop at 创新, which leaves no name).
    """
    lo, i, depth = max(0, end - max_len), end, 0
    while i > lo:
        ch = text[i - 1]
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            if depth == 0:
                break
            depth -= 1
        elif ch in _ZH_HARD:
            break
        i -= 1
    if i >= end:
        return None
    toks = zh_tokens(text[i:end])
    start, stopper = end, ""
    for word, flag, off in reversed(toks):
        if word in LEFT_STOPS or flag in LEFT_STOP_POS or _DIGITS.match(word):
            stopper = word
            break
        if flag.startswith("v") and start < end and zh_core_ok(text[start:end]):
            stopper = word
            break
        start = i + off
    if start >= end:
        return None
    core = text[start:end]
    if stopper in ACQUISITION:
        return start if zh_core_ok(core, need_distinctive=False) else None
    return start if zh_core_ok(core) else None


_ZH_SUFFIX = re.compile(
    "(?:" + "|".join(re.escape(x) for x in sorted(P["zh_suffix_parts"], key=len, reverse=True)) + ")*"
    "(?:" + "|".join(re.escape(x) for x in P["zh_suffix_heads"]) + ")"
)


def zh_legal_names(text: str) -> list[tuple[int, int, int]]:
    """(start, core end, end) of every Chinese name with a legal form in Simplified ``text``."""
    out = []
    for m in _ZH_SUFFIX.finditer(text):
        if m.group() in ("公司", "集团") and text.startswith(SUFFIX_FOLLOWERS, m.end()):
            continue
        start = zh_name_start(text, m.start())
        if start is None:
            continue
        name = text[start:m.end()]
        if any(w in name for w in NOT_COMPANY_ZH):
            continue
        out.append((start, m.start(), m.end()))
    return out


# ---- English -------------------------------------------------------------------------

_EN_SUFFIX = re.compile(
    r"(?:(?:Group|Holdings?|International)\s+)*(?:"
    + "|".join(re.escape(x) for x in sorted(P["en_suffixes"], key=len, reverse=True))
    + r")(?![A-Za-z])"
)
_EN_WORD = re.compile(r"[A-Z0-9][A-Za-z0-9&'’\-\.]*|\([A-Z][A-Za-z ]+\)")
CONNECTORS = _set("en_name_connectors")
EN_STOPS = _set("en_name_stops")
GENERIC_BEFORE_GROUP = _set("en_generic_before_group")


def en_name_start(text: str, end: int, max_words: int = 8) -> int | None:
    """Where the capitalised English name ending at ``end`` begins (connectors allowed inside)."""
    words: list[tuple[int, str]] = []
    pos = end
    while len(words) < max_words:
        m = re.search(r"(\([A-Z][A-Za-z ]+\)|[A-Za-z0-9&'’\-\.]+)\s*$", text[:pos])
        if not m or (m.end() < pos and text[m.end():pos].strip()):
            break
        w = m.group(1)
        if not (w[0].isupper() or w[0].isdigit() or w[0] == "(" or w in CONNECTORS):
            break
        if w in EN_STOPS:
            break
        words.append((m.start(1), w))
        pos = m.start(1)
    while words and (words[-1][1] in CONNECTORS or words[-1][1][0] == "("):
        words.pop()
    if not words:
        return None
    return words[-1][0]


def en_legal_names(text: str) -> list[tuple[int, int, int]]:
    """(start, core end, end) of every English name with a legal form."""
    out = []
    for m in _EN_SUFFIX.finditer(text):
        start = en_name_start(text, m.start())
        if start is None:
            continue
        core = text[start:m.start()].strip().rstrip(",")
        words = core.split()
        if not words or (m.group().startswith("Group") and words[-1] in GENERIC_BEFORE_GROUP):
            continue
        name = text[start:m.end()]
        if any(re.search(rf"\b{w}\b", name) for w in NOT_COMPANY_EN):
            continue
        out.append((start, m.start(), m.end()))
    return out


# ---- partners named by a cooperation cue ----------------------------------------------

_ZH_TRIGGERS = tuple(P["zh_partner_triggers"])
_ZH_WEAK = tuple(P["zh_partner_weak_triggers"])
_ZH_COOP = tuple(P["zh_cooperation_words"])
_ZH_RIGHT = _set("zh_partner_right")
_ZH_CLAUSE_END = re.compile(r"[。；;！!？?\n]")
_ORG_ENDING = re.compile(r"(院|会|局|委|所|中心|联盟|组织|政府|部)$")
_ZH_ITEM_SEP = {"、", "和", "及", "与", "以及", "，", ","}


_ZH_TRIGGER_RE = compile_alternation(_ZH_TRIGGERS + _ZH_WEAK)


@lru_cache(maxsize=256)
def zh_partner_lists(text: str) -> tuple[tuple[int, int, tuple[tuple[int, int], ...]], ...]:
    """Cooperation cues in Simplified ``text``: (trigger start, trigger end, name ranges).

    联合/携手 X … ; 与/和 X(、Y)(等…)合作. A name runs over tokens up to a verb such as 开展
    or 推出, 等, or punctuation; generic words (合作伙伴, 多家医院) are not names. Only the
    clause after a trigger is segmented (posseg over whole blocks is slow).
    """
    out = []
    for m in _ZH_TRIGGER_RE.finditer(text):
        word = m.group()
        end_m = _ZH_CLAUSE_END.search(text, m.end())
        clause_end = end_m.start() if end_m else len(text)
        if word in _ZH_WEAK and not any(c in text[m.end():clause_end] for c in _ZH_COOP):
            continue
        ws = max(0, m.start() - 3)
        toks = zh_tokens(text[ws:min(clause_end, m.end() + 60)])
        idx = next((i for i, t in enumerate(toks) if t[2] == m.start() - ws and t[0] == word), None)
        if idx is None:
            continue  # the trigger is part of a longer word (联合国, 与会)
        names: list[tuple[int, int]] = []
        cur: list[tuple[str, str, int]] = []
        for w, f, o in toks[idx + 1:]:
            o += ws
            if w in _ZH_ITEM_SEP or w == "等" or w in _ZH_RIGHT or (w in _ZH_HARD and w not in "（）()"):
                if cur:
                    names.append((cur[0][2], cur[-1][2] + len(cur[-1][0])))
                    cur = []
                if w in _ZH_ITEM_SEP and w not in "，,":
                    continue
                break
            cur.append((w, f, o))
        if cur:
            names.append((cur[0][2], cur[-1][2] + len(cur[-1][0])))
        names = [(s, e) for s, e in names if 2 <= e - s <= 20 and zh_core_ok(text[s:e])]
        if names:
            out.append((m.start(), m.end(), tuple(names)))
    return tuple(out)


_EN_CUES = sorted(P["en_partner_cues"], key=len, reverse=True)
_EN_CUE_RE = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in _EN_CUES) + r")\s+(?:the\s+)?", re.I)
_EN_LIST_RE = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in P["en_list_cues"]) + r")\s+", re.I)
_EN_LIST_CONTEXT = tuple(P["en_list_context"])
_EN_AFTER_RE = re.compile(r"\s+(?:" + "|".join(re.escape(c) for c in P["en_partner_after"]) + r")\b")
_EN_AND_RE = re.compile(r"\s+and\s+(?:the\s+)?")


def en_capitalised_run(text: str, start: int) -> int:
    """End of the capitalised name (connectors and ``(China)`` allowed inside) at ``start``."""
    pos, last = start, start
    while True:
        m = re.match(r"\s*(\([A-Z][A-Za-z ]+\)|[A-Za-z0-9][A-Za-z0-9&'’\-\.]*)", text[pos:])
        if not m:
            break
        w = m.group(1).rstrip(".")
        if w[0].isupper() or w[0].isdigit() or w[0] == "(":
            last = pos + m.start(1) + len(w)
        elif w not in CONNECTORS or w == "the":
            break
        pos = pos + m.end()
    return last


def en_name_list(text: str, start: int) -> list[tuple[int, int]]:
    """Names listed from ``start``: 'A, B, and C' (each a capitalised run)."""
    out, pos = [], start
    while True:
        end = en_capitalised_run(text, pos)
        if end <= pos:
            break
        name = text[pos:end]
        first = name.split()[0]
        if first in EN_STOPS:
            break
        out.append((pos, end))
        m = re.match(r"\s*(?:\(“?[^)]{1,20}”?\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?", text[end:])
        if not m:
            break
        pos = end + m.end()
    return out


def en_partner_lists(text: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """English cooperation cues: (cue start, cue end, name ranges)."""
    out = []
    for m in _EN_CUE_RE.finditer(text):
        names = en_name_list(text, m.end())
        if names:
            out.append((m.start(), m.end(), names))
    for m in _EN_LIST_RE.finditer(text):
        before = text[max(0, m.start() - 120):m.start()].lower()
        if any(c in before for c in _EN_LIST_CONTEXT):
            names = en_name_list(text, m.end())
            if names:
                out.append((m.start(), m.end(), names))
    return out


def _overlaps(ranges: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s < b and a < e for a, b in ranges)


_ZH_ALIAS = re.compile(
    r"\s*[（(]\s*(?:以下简称|简称|下称)?[：:]?\s*[「“\"]?\s*([^（）()「」“”\"，。]{2,60}?)\s*[」”\"]?\s*[）)]"
    r"|「([^」]{2,20})」"
)
_EN_ALIAS = re.compile(
    r"\*?\s*\((?:hereinafter\s+(?:referred\s+to\s+as|called)\s+)?[“\"']([^”\"']{2,40})[”\"']\)"
)


def alias_after(text: str, end: int, lang: str) -> tuple[int, int] | None:
    """The range of an alias printed right after a name: （English Name）, 「MSCI」, (“CNBG”)."""
    m = (_EN_ALIAS if lang == "en" else _ZH_ALIAS).match(text, end)
    if not m:
        return None
    g = 1 if m.group(1) else 2
    if m.group(g) is None or not m.group(g).strip():
        return None
    return m.start(g), m.end(g)


class CompanyRecogniser:
    """Adds Company spans: legal-form names and cooperation partners."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        taken = [((s._.esg_attrs or {}).get("start_char", s.start_char),
                  (s._.esg_attrs or {}).get("end_char", s.end_char)) for s in spans_of(doc)]
        found: list[tuple[int, int, dict]] = []
        if self.lang == "en":
            for s, _c, e in en_legal_names(text):
                found.append((s, e, {"cue": "legal"}))
            for _a, _b, names in en_partner_lists(text):
                for s, e in names:
                    name = text[s:e]
                    if any(re.search(rf"\b{w}\b", name) for w in NOT_COMPANY_EN):
                        continue
                    found.append((s, e, {"cue": "partner"}))
        else:
            for s, _c, e in zh_legal_names(text):
                found.append((s, e, {"cue": "legal"}))
            for _a, _b, names in zh_partner_lists(text):
                for s, e in names:
                    if _ORG_ENDING.search(text[s:e]) or any(w in text[s:e] for w in NOT_COMPANY_ZH):
                        continue
                    found.append((s, e, {"cue": "partner"}))
        found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        for s, e, attrs in found:
            if _overlaps(taken, s, e):
                continue
            alias = alias_after(text, e, self.lang)
            if alias:
                original = doc.user_data.get("original", text)
                attrs = {**attrs, "aliases": [original[alias[0]:alias[1]].strip()]}
            add_span(doc, s, e, "Company", match_key(text[s:e]), attrs=attrs)
            taken.append((s, e))
        return doc


@Language.factory("esg_company", default_config={"lang": "zh"})
def make_company(nlp: Language, name: str, lang: str) -> CompanyRecogniser:
    return CompanyRecogniser(lang)
