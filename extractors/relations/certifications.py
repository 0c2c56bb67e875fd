"""``holdsCertification``: a company -> a certification it holds.

Reports name certifications for many reasons: held (已獲得ISO 27001認證), required of suppliers
(優先選用具備ISO 14001認證的供應商), followed as a standard (按照ISO 9001要求), planned, or held
by staff (內審員資格認證). A mention counts as held when it is a row of a list introduced as
held certifications, or else when its sentence (with the part a PDF line break cut off before
it) says so.

A list is opened by a heading, caption or introducing sentence about held certifications
(認證情況, 合規資質, 我們的一些合規資質包括, "we hold the following") and runs over its items
(table rows, short lines that are little more than names, or rows led by a scheme name with a
description beside it) until a few sentences of prose, or a sentence about suppliers, end it.
Every scheme in every row counts, whatever the description column says, unless the row is a
plan or names a third party before the scheme.

The holder is the reporter, unless the sentence opens with another named company: in prose,
that company (not one named as the certifier: 經SGS認證); in a list row, that company only when
it is one of the reporter's own units (named in the list's introduction, sharing the reporter's
brand, or called a subsidiary), since a company's certificate table is its own. ESG ratings
always belong to the rated reporter, not to the agency named beside them.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..components.base import load_patterns
from ..components.framework import flexible
from ..model import Mention, Relation, Sentence
from ..normalise import match_key
from ..report import is_reporter_reference
from .frameworks import heading_of, joined

_NOISE = re.compile(r"[\s\d\W_]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LEAD = re.compile(r"[\s\d\W_]*")  # bullets, numbering and spaces before a row's first name
_INTRO_SENTENCES = 2  # prose sentences between an introduction (or an item) and the next item
_BRAND_CHARS = 2  # a Chinese brand: the first characters two company names share


@lru_cache(maxsize=1)
def rules() -> dict:
    h = load_patterns("certifications")["holding"]
    return {k: flexible(v) for k, v in h.items() if isinstance(v, str)} | {"rest": int(h["list_item_rest"])}


def _local(sentence: Sentence, m: Mention) -> tuple[int, int]:
    return m.start - sentence.start, m.end - sentence.start


def _blanked(sentence: Sentence) -> str:
    """The folded sentence with its mentions blanked out: the words around the names."""
    text = sentence.folded
    for m in sentence.mentions:
        s, e = _local(sentence, m)
        if 0 <= s < e <= len(text):
            text = text[:s] + " " * (e - s) + text[e:]
    return text


def is_list_item(sentence: Sentence) -> bool:
    """A short line that is little more than the names it carries (a table row, a bullet),
    or a row that opens with a scheme name and describes it (``PCI DSS 支付卡行業…``)."""
    rest = _NOISE.sub("", _blanked(sentence))
    if len(rest) <= rules()["rest"] * (1 if _CJK.search(rest) else 3):
        return True
    lead = _LEAD.match(sentence.folded).end()
    return any(m.type == "Certification" and _local(sentence, m)[0] == lead for m in sentence.mentions)


def _is_item(sentence: Sentence) -> bool:
    return sentence.block.kind == "table" or is_list_item(sentence)


def _introduces(text: str) -> bool:
    """Whether a heading, caption or sentence introduces certifications the company holds."""
    r = rules()
    return bool(r["list_headings"].search(text)) and not r["others"].search(text) \
        and not r["planned"].search(text)


def held_lists(sentences: list[Sentence]) -> dict[int, tuple[int, ...]]:
    """Items of lists introduced as held certifications: sentence index -> the indices of the
    sentences that introduced its list (captions, introducing prose; none when only the
    section heading does)."""
    r = rules()
    out: dict[int, tuple[int, ...]] = {}
    intros: tuple[int, ...] | None = None  # None: no list open
    prose = 0
    for i, sent in enumerate(sentences):
        if _introduces(_blanked(sent)):  # not the 體系認證 of a certificate's own name
            intros, prose = (*(intros or ()), i), 0
            if sent.block.kind == "heading" or not _is_item(sent):
                continue
        if sent.block.kind != "heading" and _is_item(sent):
            if intros is None and _introduces(heading_of(sent)):
                intros = ()
            if intros is not None:
                out[i] = intros
                prose = 0
            continue
        if r["others"].search(sent.folded) or r["planned"].search(sent.folded):
            intros = None
        elif intros is not None:
            prose += 1
            if prose > _INTRO_SENTENCES:
                intros = None
    return out


def _says_held(text: str) -> bool | None:
    """True/False when the words decide, None when they say nothing either way."""
    r = rules()
    if r["others"].search(text) or r["planned"].search(text):
        return False
    if r["held"].search(text):
        return True
    if r["followed"].search(text):
        return False
    return None


def is_held(sentences: list[Sentence], i: int, cert: Mention, lists: dict[int, int]) -> bool:
    r = rules()
    text = joined(sentences, i)
    if cert.attrs.get("scheme") == "esg-rating":  # a grade is always someone's: the reporter's
        return not (r["others"].search(text) or r["planned"].search(text))
    if i in lists:
        sent = sentences[i]
        before = sent.folded[:max(_local(sent, cert)[0], 0)]
        return not (r["planned"].search(sent.folded) or r["others"].search(before))
    return bool(_says_held(text))


def _brand(name: str) -> str:
    """The part of a company name a group's units share: 阿里 of 阿里雲, "alibaba" of
    Alibaba Cloud."""
    if _CJK.match(name):
        k = match_key(name)
        return k[:_BRAND_CHARS] if len(k) > _BRAND_CHARS else ""
    word = re.match(r"[A-Za-z]+", name.strip())
    return word.group(0).casefold() if word and len(word.group(0)) >= 3 else ""


def is_own_unit(ctx, company: Mention, row: Sentence, intro: list[Sentence]) -> bool:
    """Whether ``company`` is presented as one of the reporter's own units: named in the
    list's introduction, called a subsidiary there or in the row, or carrying the reporter's
    brand."""
    pub = ctx.reporter
    if any(m.type == "Company" and m.key == company.key for s in intro for m in s.mentions):
        return True
    if any(rules()["own_unit"].search(s.folded) for s in (*intro, row)):
        return True
    brand = _brand(company.text)
    return bool(brand) and any(_brand(n) == brand for n in (pub.text, *pub.aliases))


def holder(ctx, sentence: Sentence, cert: Mention, intro: list[Sentence] | None = None) -> Mention:
    """The company that holds ``cert``: the first company named before it in the sentence
    (in a list row only one of the reporter's own units), else the reporter."""
    reporter = ctx.reporter
    if cert.attrs.get("scheme") == "esg-rating":
        return reporter
    certifier = rules()["certifier"]
    before = sorted((m for m in sentence.mentions if m.type == "Company" and m.end <= cert.start
                     and not certifier.search(sentence.folded[:max(_local(sentence, m)[0], 0)])),
                    key=lambda m: m.start)
    if not before or before[0].key == reporter.key or is_reporter_reference(ctx, before[0].text):
        return reporter
    if intro is not None and not is_own_unit(ctx, before[0], sentence, intro):
        return reporter
    return before[0]


def extract(ctx) -> Iterator[Relation]:
    if ctx.reporter is None:
        return
    sentences = ctx.sentences
    lists = held_lists(sentences)
    for i, sent in enumerate(sentences):
        for cert in (m for m in sent.mentions if m.type == "Certification"):
            if not is_held(sentences, i, cert, lists):
                continue
            intro = None
            if i in lists:  # the introducing sentences and the one before each
                intro = [sentences[k] for j in lists[i] for k in (j - 1, j) if 0 <= k < i]
            yield Relation(holder(ctx, sent, cert, intro), "holdsCertification", cert, sent.evidence())
