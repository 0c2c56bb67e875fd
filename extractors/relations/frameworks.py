"""``follows``: the report -> the reporting frameworks it is prepared against.

A framework named anywhere is not yet followed (a footnote defines GRI, a peer is said to use
TCFD). It is followed where the report says so: the sentence (or the broken line before it)
has a basis word (依據/參照/遵循…編製, "prepared in accordance with", "with reference to",
對標, 盤查依據, a content index), or it sits under a basis heading (編製依據, Reporting
Guidelines, 內容索引, About this Report), and the basis word is not under a plan (我們將按照…,
"will adopt": a framework to come).

Also the sentence-context helpers the certification and SDG rules share.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..components.framework import gazetteer, planned_basis
from ..model import Mention, Relation, Sentence
from ..normalise import to_simplified

_TERMINAL = re.compile(r"[。！？!?；;.:：]\s*$")


def preceding(sentences: list[Sentence], i: int, back: int = 2) -> list[Sentence]:
    """The sentences a PDF line break cut off before sentence ``i`` (nearest last): earlier
    sentences of the same block, or of the previous block, that do not end a sentence."""
    out: list[Sentence] = []
    j = i - 1
    while j >= 0 and len(out) < back:
        prev = sentences[j]
        if _TERMINAL.search(prev.text) or prev.block.kind == "heading":
            break
        out.insert(0, prev)
        j -= 1
    return out


def joined(sentences: list[Sentence], i: int, back: int = 2) -> str:
    """Sentence ``i`` in folded script with its cut-off beginning (``preceding``) prepended."""
    return "".join(s.folded for s in preceding(sentences, i, back)) + sentences[i].folded


def heading_of(sentence: Sentence) -> str:
    """The section heading of a sentence's block (the block itself when it is a heading),
    folded to Simplified script for matching."""
    block = sentence.block
    return to_simplified(block.text if block.kind == "heading" else (block.heading or ""))


def is_basis(sentences: list[Sentence], i: int) -> bool:
    """Whether sentence ``i`` says the report is prepared against what it names."""
    gaz = gazetteer()
    return bool(gaz["basis_cues"].search(joined(sentences, i))
                or gaz["basis_headings"].search(heading_of(sentences[i])))


def is_planned(sentence: Sentence, m: Mention) -> bool:
    """Whether the framework ``m`` is named as one the report will follow (我們將按照…)."""
    return planned_basis(sentence.folded, m.start - sentence.start)


def extract(ctx) -> Iterator[Relation]:
    for i, sent in enumerate(ctx.sentences):
        frameworks = [m for m in sent.mentions if m.type == "ReportingFramework"]
        if frameworks and is_basis(ctx.sentences, i):
            for m in frameworks:
                if not is_planned(sent, m):
                    yield Relation(None, "follows", m, sent.evidence())
