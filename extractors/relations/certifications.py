"""``holdsCertification``: a company -> a certification it holds.

Reports name certifications for many reasons: held (已獲得ISO 27001認證), required of suppliers
(優先選用具備ISO 14001認證的供應商), followed as a standard (按照ISO 9001要求), planned, or held
by staff (內審員資格認證). A mention counts as held when its sentence (with the part a PDF line
break cut off before it) says so, or when it is an item of a list under a heading or caption
about held certifications (認證情況, 合規資質, "certifications obtained"), as in
``表：信息安全認證情況`` followed by rows of certificate names.

The holder is the reporter, unless the sentence opens with another named company (a table
row ``阿里雲 公安部信息系統三級…備案證明``): then that company. ESG ratings always belong to the
rated reporter, not to the agency named beside them.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..components.base import load_patterns
from ..components.framework import flexible
from ..model import Mention, Relation, Sentence
from ..report import is_reporter_reference
from .frameworks import heading_of, joined

_NOISE = re.compile(r"[\s\d\W_]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LOOKBACK = 8  # list items walked back over
_INTRO_SENTENCES = 2  # prose sentences before a list that may introduce it


@lru_cache(maxsize=1)
def rules() -> dict:
    h = load_patterns("certifications")["holding"]
    return {k: flexible(v) for k, v in h.items() if isinstance(v, str)} | {"rest": int(h["list_item_rest"])}


def is_list_item(sentence: Sentence) -> bool:
    """A short line that is little more than the names it carries (a table row, a bullet)."""
    text = sentence.folded
    for m in sentence.mentions:
        s, e = m.start - sentence.start, m.end - sentence.start
        if 0 <= s < e <= len(text):
            text = text[:s] + " " * (e - s) + text[e:]
    rest = _NOISE.sub("", text)
    return len(rest) <= rules()["rest"] * (1 if _CJK.search(rest) else 3)


def _says_held(text: str) -> bool | None:
    """True/False when the words decide, None when they say nothing either way."""
    r = rules()
    if r["others"].search(text):
        return False
    if r["held"].search(text):
        return True
    if r["followed"].search(text):
        return False
    return None


def in_held_list(sentences: list[Sentence], i: int) -> bool:
    """Whether sentence ``i`` is an item of a list introduced as held certifications: the
    heading says so, or walking back over the list (its items, table rows, headings) reaches a
    caption or introducing sentence that does (a footnote or two may sit in between)."""
    r = rules()
    if not (is_list_item(sentences[i]) or sentences[i].block.kind == "table"):
        return False
    if r["list_headings"].search(heading_of(sentences[i])):
        return True
    items, prose = 0, 0
    for j in range(i - 1, -1, -1):
        prev = sentences[j]
        if r["others"].search(prev.folded):
            return False
        if r["list_headings"].search(prev.folded):
            return True
        if prev.block.kind == "table" or prev.block.kind == "heading":
            continue
        if is_list_item(prev) and items < _LOOKBACK:
            items += 1
            continue
        prose += 1
        if prose > _INTRO_SENTENCES:
            return False
    return False


def is_held(sentences: list[Sentence], i: int, cert: Mention) -> bool:
    text = joined(sentences, i)
    if cert.attrs.get("scheme") == "esg-rating":  # a grade is always someone's: the reporter's
        return not rules()["others"].search(text)
    said = _says_held(text)
    if said is not None:
        return said
    return in_held_list(sentences, i)


def holder(ctx, sentence: Sentence, cert: Mention) -> Mention:
    """The company the sentence says holds ``cert``: the first company named before it."""
    reporter = ctx.reporter
    if cert.attrs.get("scheme") == "esg-rating":
        return reporter
    before = sorted((m for m in sentence.mentions if m.type == "Company" and m.end <= cert.start),
                    key=lambda m: m.start)
    if not before or before[0].key == reporter.key or is_reporter_reference(ctx, before[0].text):
        return reporter
    return before[0]


def extract(ctx) -> Iterator[Relation]:
    if ctx.reporter is None:
        return
    for i, sent in enumerate(ctx.sentences):
        for cert in (m for m in sent.mentions if m.type == "Certification"):
            if is_held(ctx.sentences, i, cert):
                yield Relation(holder(ctx, sent, cert), "holdsCertification", cert, sent.evidence())
