"""Recogniser for certifications (``Certification``): ISO management-system standards, China's
Multi-Level Protection Scheme (等保), and a gazetteer of the other schemes a large company may
hold (cloud and security: CSA STAR, MTCS, C5, 可信云, 密評; privacy: CBPR, DPTM; food, forests,
buildings, data centres, carbon, laboratories), plus ESG ratings with a grade.

Every scheme has a key that survives spelling: ISO/IEC 27001:2013, ISO27001 and 信息安全管理
體系認證 ISO 27001 are ``iso27001``; 等保三級, 信息系統三級信息安全等級保護 and MLPS Level 3 are
``mlps3``. The surface text (ISO27000信息安全管理體系認證) is kept as the mention text and the
canonical name (ISO/IEC 27001, 等級保護三級) goes to the label. Guidance standards that no one is
certified against (ISO 26000, ISO 14064 as an accounting method) are left to the framework
recogniser. Short acronyms that mean other things alone (C5, ENS, GAP, MSC) count only inside a
list of schemes. Laws and regulations (GDPR, HIPAA, 網絡安全法) are never schemes. Whether the
reporter *holds* a certification is decided later (``relations/certifications.py``); here every
mention counts.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

try:  # the regex parser, for the literals a pattern cannot match without (a cheap pre-check)
    from re import _constants as _sre, _parser as _sre_parse
except ImportError:  # Python < 3.11
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

from spacy.language import Language
from spacy.tokens import Doc

from ..normalise import match_key
from .base import add_span, load_patterns
from .framework import (ascii_fold, flexible, label_for, pick_longest, sentence_around,
                        sentence_bounds, taken_ranges)

_ZH_NUM = "〇一二三四五六七"
_ROMAN = ("", "I", "II", "III", "IV", "V")
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")

_ISO = re.compile(
    r"(?<![A-Za-z])ISO\s*(?:/\s*IEC\s*)?(?P<num>\d{4,5})(?!\d)(?:\s*[-－—–]\s*\d{1,2}(?!\d))?"
    r"(?:\s*[:：]\s*(?:19|20)\d{2})?", re.IGNORECASE)
_GBT = re.compile(r"GB\s*/?\s*T\s*(?P<num>\d{5})(?:\s*[-—]\s*\d{4})?", re.IGNORECASE)
_ISO_NEXT = re.compile(r"\s*(?:/|、|,|，|及|和|与|&|and)\s*(?:ISO\s*)?(?P<num>\d{4,5})(?!\d)"
                       r"(?:\s*[:：]\s*(?:19|20)\d{2})?", re.IGNORECASE)
_HELD_VERB = re.compile(r"获得|取得|通过|获|obtain|pass|achiev|certified|award", re.IGNORECASE)
_LIST_BREAK = re.compile(r"[。；;!?！？]|\.(?=\s|$)")
#: Nothing but item separators between two names: a list even across a semicolon (a table
#: cell "CNAS accreditation; CMA").
_SEPARATORS = re.compile(r"[\s,，、;；/&)）]*(?:(?:and|及|和|与|以及)[\s,，、]*)?")


def level_number(raw: str) -> int | str:
    """一 / 3 / III / third -> 3; named levels (金级, Gold, Very Good) -> their key word."""
    raw = " ".join(raw.strip().lower().split())
    if raw.isdigit():
        return int(raw)
    return gazetteer()["level_words"].get(raw, raw.replace(" ", "-"))


def _format(template: str, level: int | str | None, **extra: str) -> str:
    """Fill a key or label template. ``[...]`` parts are kept only with a level; in keys a
    number follows the scheme directly (``mtcs3``) and a named level after a hyphen."""
    if level is None:
        return _OPTIONAL.sub("", template).format(**extra)
    template = _OPTIONAL.sub(r"\1", template)
    names = gazetteer()["level_names"].get(level, {})
    if isinstance(level, int):
        zh, en = (_ZH_NUM[level] if level < len(_ZH_NUM) else str(level)), str(level)
    else:
        zh, en = names.get("zh", level), names.get("en", level.replace("-", " ").title())
    roman = _ROMAN[level] if isinstance(level, int) and level < len(_ROMAN) else str(level)
    return template.format(level=level, level_zh=zh, level_en=en, level_roman=roman, **extra)


def _key(template: str, level: int | str | None) -> str:
    """A key template filled: a number follows the scheme directly (``mtcs3``), a named
    level comes after a hyphen (``leed-gold``); without a level the ``[...]`` part goes."""
    if level is None:
        return _OPTIONAL.sub("", template)
    token = str(level) if isinstance(level, int) else f"-{level}"
    return _OPTIONAL.sub(r"\1", template).format(level=token)


def _is_space(items) -> bool:
    """A repeat of whitespace only (``\\s*``): gone from the squeezed text cues are sought in."""
    return all(op == _sre.IN and all(a == (_sre.CATEGORY, _sre.CATEGORY_SPACE) for a in av)
               or op == _sre.LITERAL and chr(av).isspace() for op, av in items)


def _required(items) -> set[str] | None:
    """Strings (lower case, no whitespace) one of which every match of the parsed pattern
    ``items`` contains; None when no such set is known."""
    found, run = [], ""
    for op, av in items:
        if op == _sre.LITERAL:
            run += "" if chr(av).isspace() else chr(av).lower()
            continue
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT) or (
                op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and _is_space(av[2])):
            continue  # consumes nothing, or only whitespace
        if run:
            found.append({run})
            run = ""
        sub = None
        if op == _sre.SUBPATTERN:
            sub = _required(av[-1])
        elif op == _sre.BRANCH:
            alts = [_required(a) for a in av[1]]
            sub = set().union(*alts) if all(alts) else None
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            sub = _required(av[2])
        if sub:
            found.append(sub)
    if run:
        found.append({run})
    return max(found, key=lambda c: min(map(len, c)), default=None)


def cues(patterns: list[str]) -> frozenset[str] | None:
    """What a text must contain (squeezed, lower case) for any of ``patterns`` to match, or
    None when that cannot be told (then the patterns always run)."""
    out: set[str] = set()
    for p in patterns:
        try:
            req = _required(_sre_parse.parse(p, re.IGNORECASE))
        except Exception:  # an unexpected parse: no shortcut for this scheme
            return None
        if not req:
            return None
        out |= req
    return frozenset(out)


def _labels(labels: dict, level, **extra) -> dict:
    return {k: _format(v, level, **extra) for k, v in labels.items()}


@lru_cache(maxsize=1)
def gazetteer() -> dict:
    """certifications.yaml with its patterns compiled."""
    data = load_patterns("certifications")
    iso, mlps = data["iso"], data["mlps"]
    schemes = [{**s,
                "compiled": [flexible(p) for p in s.get("patterns", [])],
                "listed_rx": [flexible(p) for p in s.get("listed", [])],
                "cues": cues([*s.get("patterns", []), *s.get("listed", [])])} for s in data["schemes"]]
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
        "schemes": schemes,
        "level_words": {str(k).lower(): v for k, v in data["levels"]["words"].items()},
        "level_names": data["levels"]["names"],
        "list_gap": int(data["list_gap"]),
        "named": [flexible(p) for p in data["named"]],
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
        """Every scheme pattern's matches; ``listed`` forms come flagged (kept only in lists)."""
        squeezed = "".join(text.split()).lower()
        for scheme in self.gaz["schemes"]:
            if scheme["cues"] is not None and not any(c in squeezed for c in scheme["cues"]):
                continue  # none of the words it needs: most blocks, most schemes
            for listed, rxs in ((False, scheme["compiled"]), (True, scheme["listed_rx"])):
                for rx in rxs:
                    for m in rx.finditer(text):
                        yield self._scheme_hit(scheme, m, listed)

    @staticmethod
    def _scheme_hit(scheme: dict, m: re.Match, listed: bool) -> tuple:
        raw = next((v for k, v in m.groupdict().items() if k.startswith("level") and v), None)
        level = level_number(raw) if raw else None
        if isinstance(level, int) and not 0 < level < 10:
            level = None
        key = _key(scheme["key"], level)
        labels = scheme.get("label_plain") if level is None and "label_plain" in scheme else scheme["label"]
        attrs = {"scheme": _key(scheme["key"], None), "scheme_key": key}
        if level is not None:
            attrs["level"] = level
        s, e = m.span("name") if m.groupdict().get("name") else m.span()
        return s, e, (key, _labels(labels, level), attrs), listed

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

    def _named(self, text: str, original: str) -> Iterator[tuple]:
        """Schemes no gazetteer entry knows, named as obtained (獲頒「X認證」)."""
        for rx in self.gaz["named"]:
            for m in rx.finditer(text):
                s, e = m.span("name")
                if original[e - 1:e] in "」”\"":
                    e -= 1
                name = original[s:e]
                key = match_key(name)
                yield s, e, (key, {}, {"scheme": key, "scheme_key": key})

    def _in_lists(self, text: str, hits: list[tuple]) -> list[tuple]:
        """Drop the ``listed`` hits that stand alone: a bare C5 or GAP counts only within
        ``list_gap`` characters of another scheme name, with no sentence end between."""
        gap = self.gaz["list_gap"]
        kept = [h[:3] for h in hits if not h[3]]
        waiting = [h[:3] for h in hits if h[3]]
        grew = True
        while waiting and grew:
            grew = False
            for h in list(waiting):
                s, e = h[0], h[1]
                for ks, ke, _ in kept:
                    if ks < e and s < ke:
                        continue  # the same words: no evidence of a list
                    lo, hi = (ke, s) if ke <= s else (e, ks)
                    if hi - lo <= gap and (_SEPARATORS.fullmatch(text, lo, hi)
                                           or not _LIST_BREAK.search(text, lo, hi)):
                        kept.append(h)
                        waiting.remove(h)
                        grew = True
                        break
        return kept

    def __call__(self, doc: Doc) -> Doc:
        text = ascii_fold(doc.text)
        lang = doc.user_data.get("lang") or ("en" if self.lang == "en" else "zh-Hans")
        hits = [(*h, False) for h in (*self._iso(text), *self._mlps(text), *self._ratings(text))]
        found = self._in_lists(text, [*hits, *self._schemes(text)])
        taken = taken_ranges(doc) + [(s, e) for s, e, _ in found]
        found += pick_longest(list(self._named(text, doc.user_data.get("original") or text)), taken)
        for s, e, (key, labels, attrs) in pick_longest(found, taken_ranges(doc)):
            while e > s and text[e - 1].isspace():
                e -= 1
            add_span(doc, s, e, "Certification", key, label_for(labels, lang), attrs)
        return doc


@Language.factory("esg_certification", default_config={"lang": "zh"})
def make_certification(nlp: Language, name: str, lang: str) -> CertificationRecognizer:
    return CertificationRecognizer(lang)
