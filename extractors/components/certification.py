"""Recogniser for certifications (``Certification``): ISO management-system standards, China's
Multi-Level Protection Scheme (等保), SOC reports, PCI DSS, ratings with a grade, ...

Every scheme has a key that survives spelling: ISO/IEC 27001:2013, ISO27001 and 信息安全管理
體系認證 ISO 27001 are ``iso27001``; 等保三級, 信息系統三級信息安全等級保護 and MLPS Level 3 are
``mlps3``. The surface text (ISO27000信息安全管理體系認證) is kept as the mention text and the
canonical name (ISO/IEC 27001, 等級保護三級) goes to the label. Guidance standards that no one is
certified against (ISO 26000, ISO 14064 as an accounting method) are left to the framework
recogniser. Whether the reporter *holds* a certification is decided later
(``relations/certifications.py``); here every mention counts.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .base import add_span, load_patterns
from .framework import (ascii_fold, flexible, label_for, pick_longest, sentence_around,
                        sentence_bounds, taken_ranges)

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
_ORDINALS = {"second": 2, "2nd": 2, "two": 2, "third": 3, "3rd": 3, "three": 3, "fourth": 4,
             "4th": 4, "four": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
_NAMED_LEVELS = {"铂金": "platinum", "platinum": "platinum", "金": "gold", "gold": "gold",
                 "银": "silver", "silver": "silver"}
_LEVEL_ZH = {"platinum": "铂金", "gold": "金", "silver": "银"}
_ZH_NUM = "〇一二三四五"

_ISO = re.compile(
    r"(?<![A-Za-z])ISO\s*(?:/\s*IEC\s*)?(?P<num>\d{4,5})(?!\d)(?:\s*[-－—–]\s*\d{1,2}(?!\d))?"
    r"(?:\s*[:：]\s*(?:19|20)\d{2})?", re.IGNORECASE)
_GBT = re.compile(r"GB\s*/?\s*T\s*(?P<num>\d{5})(?:\s*[-—]\s*\d{4})?", re.IGNORECASE)
_ISO_NEXT = re.compile(r"\s*(?:/|、|,|，|及|和|与|&|and)\s*(?:ISO\s*)?(?P<num>\d{4,5})(?!\d)"
                       r"(?:\s*[:：]\s*(?:19|20)\d{2})?", re.IGNORECASE)
_HELD_VERB = re.compile(r"获得|取得|通过|获|obtain|pass|achiev|certified|award", re.IGNORECASE)


def level_number(raw: str) -> int | str:
    """一 / 3 / III / third -> 3; LEED words -> platinum / gold / silver."""
    raw = raw.strip().lower()
    if raw.isdigit():
        return int(raw)
    if raw in _CN_DIGITS:
        return _CN_DIGITS[raw]
    return _ORDINALS.get(raw) or _NAMED_LEVELS.get(raw, raw)


def _format(template: str, level: int | str | None, **extra: str) -> str:
    """Fill a key or label template; without a level its ``{level...}`` part goes."""
    if level is None:
        template = re.sub(r"[-\s]*\{level\w*\}(?:级|級)?", "", template)
        return template.format(**extra)
    zh = _ZH_NUM[level] if isinstance(level, int) and level < len(_ZH_NUM) else _LEVEL_ZH.get(level, str(level))
    en = level.capitalize() if isinstance(level, str) else str(level)
    return template.format(level=level, level_zh=zh, level_en=en, **extra)


def _labels(labels: dict, level, **extra) -> dict:
    return {k: _format(v, level, **extra) for k, v in labels.items()}


@lru_cache(maxsize=1)
def gazetteer() -> dict:
    """certifications.yaml with its patterns compiled."""
    data = load_patterns("certifications")
    iso, mlps = data["iso"], data["mlps"]
    return {
        "iec": {int(n) for n in iso["iec_joint"]},
        "certifiable": {int(n) for n in iso["certifiable"]},
        "not_certifiable": {int(n) for n in iso["not_certifiable"]},
        "gbt": {int(k): int(v) for k, v in iso["gbt_equivalents"].items()},
        "cert_words": flexible(iso["cert_words"]),
        "suffix": re.compile(r"(?:%s|%s)" % (flexible(iso["suffix_zh"]).pattern, iso["suffix_en"]),
                             re.IGNORECASE),
        "verify_words": flexible(iso["verify_words"]),
        "mlps": [flexible(p) for p in mlps["patterns"]],
        "mlps_listed": flexible(mlps["listed"]),
        "mlps_listed_level": flexible(mlps["listed_level"]),
        "mlps_label": mlps["label"],
        "schemes": [{**s, "compiled": [flexible(p) for p in s["patterns"]]} for s in data["schemes"]],
        "ratings": [{**r, "compiled": flexible(r["agency"])} for r in data["ratings"]],
        "rating_anchor": flexible(data["rating_anchor"]),
        "rating_grade": re.compile(data["rating_grade"]),
        "rating_window": int(data["rating_window"]),
        "rating_reverse": [re.compile(data["rating_reverse"] + f"(?:{r['agency']})\\s*(?:ESG)?", re.IGNORECASE)
                           for r in data["ratings"]],
    }


class CertificationRecognizer:
    """Adds a ``Certification`` span for each scheme mention in the block."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.gaz = gazetteer()

    # Each finder yields (start, end, (key, labels, attrs)).
    def _iso(self, text: str) -> Iterator[tuple]:
        g = self.gaz
        for m in _ISO.finditer(text):
            yield from self._iso_number(text, m.start(), m.end(), int(m.group("num")))
            pos = m.end()
            while nxt := _ISO_NEXT.match(text, pos):
                yield from self._iso_number(text, nxt.start("num"), nxt.end(), int(nxt.group("num")))
                pos = nxt.end()
        for m in _GBT.finditer(text):
            num = g["gbt"].get(int(m.group("num")))
            if num:
                yield from self._iso_number(text, m.start(), m.end(), num, check=False)

    def _iso_number(self, text: str, start: int, end: int, num: int, check: bool = True) -> Iterator[tuple]:
        g = self.gaz
        suffix = g["suffix"].match(text, end)
        tail = text[end:end + 12]
        if check and num in g["not_certifiable"]:
            sentence = sentence_around(text, start, end)
            if not (g["verify_words"].search(sentence) and _HELD_VERB.search(sentence)):
                return  # a method or guidance standard: the framework recogniser's
        elif check and num not in g["certifiable"] and not g["cert_words"].search(tail):
            return
        key = f"iso{num}"
        label = f"ISO/IEC {num}" if num in g["iec"] else f"ISO {num}"
        attrs = {"scheme": "iso", "number": str(num), "scheme_key": key}
        yield start, suffix.end() if suffix else end, (key, {"en": label}, attrs)

    def _mlps(self, text: str) -> Iterator[tuple]:
        g = self.gaz
        hits = [(m.start(), m.end(), m.group("level")) for rx in g["mlps"] for m in rx.finditer(text)]
        for m in g["mlps_listed"].finditer(text):
            window_end = sentence_bounds(text, m.start(), m.end())[1]
            item_start = m.start()  # each listed item is its own mention: 公共云（三级）
            for lv in g["mlps_listed_level"].finditer(text, m.end(), min(window_end, m.end() + 80)):
                hits.append((item_start, lv.end(), lv.group("level")))
                item_start = lv.end() + len(text[lv.end():]) - len(text[lv.end():].lstrip())
        for s, e, raw in hits:
            level = level_number(raw)
            if not isinstance(level, int) or not 1 <= level <= 5:
                continue
            key = f"mlps{level}"
            yield s, e, (key, _labels(g["mlps_label"], level),
                         {"scheme": "mlps", "level": level, "scheme_key": key})

    def _schemes(self, text: str) -> Iterator[tuple]:
        for scheme in self.gaz["schemes"]:
            for rx in scheme["compiled"]:
                for m in rx.finditer(text):
                    raw = m.groupdict().get("level")
                    level = level_number(raw) if raw else None
                    key = _format(scheme["key"], level)
                    yield m.start(), m.end(), (key, _labels(scheme["label"], level),
                                               {"scheme": key.rstrip("0123456789"), "scheme_key": key})

    def _ratings(self, text: str) -> Iterator[tuple]:
        g = self.gaz
        for rating, reverse in zip(g["ratings"], g["rating_reverse"]):
            for m in reverse.finditer(text):
                yield m.start(), m.end(), self._rating(rating, m.group("grade"))
            for agency in rating["compiled"].finditer(text):
                anchor = g["rating_anchor"].search(text, agency.end(), agency.end() + 40)
                if not anchor:
                    continue
                sentence_end = sentence_bounds(text, anchor.end(), anchor.end())[1]
                window = (anchor.end(), min(sentence_end, anchor.end() + g["rating_window"]))
                grades = list(g["rating_grade"].finditer(text, *window))
                if not grades:
                    continue
                last = grades[-1]
                end = last.end() + (1 if text[last.end():last.end() + 1] == "级" else 0)
                yield anchor.start(), end, self._rating(rating, last.group("grade"))

    @staticmethod
    def _rating(rating: dict, grade: str) -> tuple:
        grade = grade.upper()
        key = rating["key"].format(grade=grade.lower())
        return key, {k: v.format(grade=grade) for k, v in rating["label"].items()}, \
            {"scheme": "esg-rating", "grade": grade, "scheme_key": key}

    def __call__(self, doc: Doc) -> Doc:
        text = ascii_fold(doc.text)
        lang = doc.user_data.get("lang") or ("en" if self.lang == "en" else "zh-Hans")
        found = [*self._iso(text), *self._mlps(text), *self._schemes(text), *self._ratings(text)]
        for s, e, (key, labels, attrs) in pick_longest(found, taken_ranges(doc)):
            while e > s and text[e - 1].isspace():
                e -= 1
            add_span(doc, s, e, "Certification", key, label_for(labels, lang), attrs)
        return doc


@Language.factory("esg_certification", default_config={"lang": "zh"})
def make_certification(nlp: Language, name: str, lang: str) -> CertificationRecognizer:
    return CertificationRecognizer(lang)
