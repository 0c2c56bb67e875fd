"""Recogniser for the UN Sustainable Development Goals (``SDG``).

A goal is named by its number (SDG 3, SDGs 3 and 4, 可持續發展目標3, 目標3, Goal 12) or by its
title in any of three languages (良好健康與福祉, Good Health and Well-being). Titles are also
common phrases (氣候行動, gender equality), and "目標3"/"Goal 3" are also a company's own
targets, so those count only in an SDG context: the sentence, the block or its section heading
speaks of the SDGs, or the title is printed right after its own number (SDG tables: "3 良好健康
與福祉"). Key ``sdg<n>``, attrs ``{"number": n}``, label the official title in the report's
script.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from .base import add_span, load_patterns, spans_of
from .framework import ascii_fold, flexible, heading, pick_longest, sentence_around, taken_ranges

_JOINERS = re.compile(r"[\s\-、,，]+")
_LEADING_NUMBER = re.compile(r"(\d{1,2})[.:：]?")
_LONGEST_FRAGMENT = 12
#: A list of goals a line ends in the middle of (SDG 3、4、) and the rest of it ending the next.
_OPEN_LIST = re.compile(r"(?:SDGs?|目标)\s*\d{1,2}(?:\s*[、,，]\s*\d{1,2})*\s*[、,，]\s*$")
_LIST_TAIL = re.compile(r"(?<=\s)\d{1,2}(?:\s*[、,，]\s*\d{1,2})*\s*$")
#: A strip of icon numbers: three or more numbers of one or two digits and nothing else.
_STRIP = re.compile(r"\s*\d{1,2}(?:\s+\d{1,2}){2,16}\s*")  # title characters an icon's number block may carry
_STRIP_REACH = 4  # how many blocks before a strip its table's header may stand
_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def chinese_number(text: str) -> int:
    """一 .. 十七 -> 1 .. 17 (0 when it is not a number up to 99)."""
    if not text or any(c not in _CN for c in text):
        return 0
    if "十" not in text:
        return _CN[text] if len(text) == 1 else 0
    tens, _, units = text.partition("十")
    return (_CN.get(tens, 0) if tens else 1) * 10 + (_CN.get(units, 0) if units else 0)


def _title_regex(title: str) -> str:
    """A title as a regex: spaces and 、 may be missing or doubled, line breaks may sit anywhere."""
    parts = [re.escape(w) for w in re.split(r"\s+", title.strip())]
    return r"\s+".join(parts).replace(r"\-", r"[-\s]?").replace("、", r"[、,，\s]?")


def _squeeze(text: str) -> str:
    """Lower-cased, without the spaces and joiners a title regex lets vary (a cheap pre-check)."""
    return _JOINERS.sub("", text).lower()


@lru_cache(maxsize=1)
def gazetteer() -> dict:
    """sdgs.yaml with its patterns compiled."""
    data = load_patterns("sdgs")
    goals = {int(n): g for n, g in data["goals"].items()}
    titles = []
    for n, g in goals.items():
        for title in [*g["en"], *g["zh-Hant"], *g["zh"]]:
            titles.append((n, title))
    alternation = "|".join(f"(?P<g{n}_{i}>{_title_regex(t)})" for i, (n, t) in enumerate(titles))
    nums = data["numbers"]
    return {
        "goals": goals,
        "titles": flexible(alternation),
        "squeezed_titles": sorted({_squeeze(t) for _, t in titles}),
        "title_by_squeeze": {_squeeze(t): n for n, t in titles},
        "context": flexible(data["context"]),
        "explicit": [flexible(p) for p in nums["explicit"]],
        "contextual": [flexible(p) for p in nums["contextual"]],
        "list_next": flexible(nums["list_next"]),
        "before_title": re.compile(nums["before_title"] + r"$"),
    }


class SDGRecognizer:
    """Adds an ``SDG`` span for each goal named in the block."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.gaz = gazetteer()

    def _label(self, n: int, lang: str) -> str:
        goal = self.gaz["goals"][n]
        if lang == "en":
            return goal["en"][0]
        return goal["zh-Hant"][0] if lang == "zh-Hant" else goal["zh"][0]

    def _in_context(self, doc: Doc, text: str, start: int, end: int) -> bool:
        ctx = self.gaz["context"]
        return bool(ctx.search(sentence_around(text, start, end)) or ctx.search(text)
                    or ctx.search(heading(doc)))

    def _numbers(self, doc: Doc, text: str) -> Iterator[tuple[int, int, int]]:
        rules = [(rx, False) for rx in self.gaz["explicit"]] + [(rx, True) for rx in self.gaz["contextual"]]
        for rx, needs_context in rules:
            for m in rx.finditer(text):
                if needs_context and not self._in_context(doc, text, m.start(), m.end()):
                    continue
                yield m.start(), m.end(), int(m.group("n")) if m.group("n") else chinese_number(m.group("cn"))
                pos = m.end()
                while nxt := self.gaz["list_next"].match(text, pos):
                    yield nxt.start("n"), nxt.end(), int(nxt.group("n"))
                    pos = nxt.end()

    def _titles(self, doc: Doc, text: str) -> Iterator[tuple[int, int, int]]:
        squeezed = _squeeze(text)
        if not any(t in squeezed for t in self.gaz["squeezed_titles"]):
            return  # the title regex is slow; most blocks name no goal at all
        for m in self.gaz["titles"].finditer(text):
            n = int(m.lastgroup[1:].split("_")[0])
            before = self.gaz["before_title"].search(text, max(0, m.start() - 14), m.start())
            if before and int(before.group("n")) == n:
                yield before.start(), m.end(), n
            elif self._in_context(doc, text, m.start(), m.end()):
                yield m.start(), m.end(), n

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """As ``__call__``, and goals whose icon text PDF extraction spread over consecutive
        blocks ("6" / "清洁饮水和" / "卫生设施") are found across them, and so are strips of
        bare icon numbers beside an SDG heading or caption."""
        last: list[Doc] = []  # the block before the batch, for a strip that opens it
        for batch in minibatch(stream, size=batch_size):
            for doc in batch:
                self(doc)
            self._across_blocks(batch)
            self._strips(last + batch)
            self._wrapped_lists(last + batch)
            last = batch[-1:]
            yield from batch

    def _wrapped_lists(self, docs: list[Doc]) -> None:
        """A table cell's list of goals wrapped onto the next line ends that line as a cell of
        its own: "僱員平均 SDG 3、4、" / "受訓時數達24小時 5、8" (5 and 8 are goals too)."""
        for prev, doc in zip(docs, docs[1:]):
            if not _OPEN_LIST.search(prev.text) or not any(s.label_ == "SDG" for s in spans_of(prev)):
                continue
            tail = _LIST_TAIL.search(doc.text)
            if not tail:
                continue
            numbers = [(m.start(), m.end(), int(m.group())) for m in re.finditer(r"\d+", doc.text[tail.start():])]
            if any(n > 17 or n < 1 for _, _, n in numbers):
                continue
            lang = doc.user_data.get("lang") or "zh-Hans"
            for s, e, n in numbers:
                add_span(doc, tail.start() + s, tail.start() + e, "SDG", f"sdg{n}", self._label(n, lang), {"number": n})

    def _strips(self, docs: list[Doc]) -> None:
        """A block of bare goal numbers in rising order ("3 4 5 6 7 8 9 11 12 13 17") is the
        strip of SDG icons a report prints where it maps itself to the goals; it counts when
        the block before or after it, or its section heading, speaks of the SDGs (a chapter's
        strip of numbers alone is no sure sign: page and table numbers look the same)."""
        ctx = self.gaz["context"]
        for i, doc in enumerate(docs):
            if not _STRIP.fullmatch(doc.text) or any(s.label_ == "SDG" for s in spans_of(doc)):
                continue
            numbers = [(m.start(), m.end(), int(m.group())) for m in re.finditer(r"\d+", doc.text)]
            values = [n for _, _, n in numbers]
            if values != sorted(set(values)) or not 1 <= values[0] or values[-1] > 17:
                continue
            if not any(ctx.search(t) for t in [*_near(docs, i), heading(doc)]):
                continue
            lang = doc.user_data.get("lang") or "zh-Hans"
            for s, e, n in numbers:
                add_span(doc, s, e, "SDG", f"sdg{n}", self._label(n, lang), {"number": n, "strip": True})

    def _across_blocks(self, docs: list[Doc]) -> None:
        squeezed = [_squeeze(ascii_fold(d.text)) for d in docs]
        titles = self.gaz["title_by_squeeze"]
        for i, doc in enumerate(docs):
            m = _LEADING_NUMBER.match(squeezed[i])
            if not m or len(squeezed[i]) > m.end() + _LONGEST_FRAGMENT:
                continue
            n = int(m.group(1))
            joined = squeezed[i][m.end():]
            for j in range(i + 1, min(i + 4, len(docs))):
                joined += squeezed[j]
                if titles.get(joined) == n:
                    target = next(d for d in docs[i:j + 1] if _squeeze(d.text).strip("0123456789.:："))
                    if not any(s.label_ == "SDG" for s in spans_of(target)):
                        lang = target.user_data.get("lang") or "zh-Hans"
                        start = len(target.text) - len(target.text.lstrip())
                        add_span(target, start, len(target.text.rstrip()), "SDG", f"sdg{n}",
                                 self._label(n, lang), {"number": n})
                    break
                if len(joined) > _LONGEST_FRAGMENT * 2:
                    break

    def __call__(self, doc: Doc) -> Doc:
        text = ascii_fold(doc.text)
        lang = doc.user_data.get("lang") or ("en" if self.lang == "en" else "zh-Hans")
        found = [(s, e, n) for s, e, n in [*self._titles(doc, text), *self._numbers(doc, text)]
                 if 1 <= n <= 17]
        for s, e, n in pick_longest(found, taken_ranges(doc)):
            add_span(doc, s, e, "SDG", f"sdg{n}", self._label(n, lang), {"number": n})
        return doc


def _near(docs: list[Doc], i: int) -> list[str]:
    """The texts a strip's SDG words may stand in: the block after it, and the blocks before it
    back to the table's header (a pillar table whose last column is "SDGs" prints its rows as
    blocks of their own, the strip of icons under them)."""
    out = [docs[i + 1].text] if i + 1 < len(docs) else []
    for d in reversed(docs[max(0, i - _STRIP_REACH):i]):
        if heading(d) != heading(docs[i]):
            break
        out.append(d.text)
    return out


@Language.factory("esg_sdg", default_config={"lang": "zh"})
def make_sdg(nlp: Language, name: str, lang: str) -> SDGRecognizer:
    return SDGRecognizer(lang)
