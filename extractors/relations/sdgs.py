"""``contributesToSDG``: the reporter, or a programme, -> a goal it works towards.

The SDG recogniser only keeps goals named in an SDG context (a number, or a title beside its
number or under SDG words), and a report names goals to map its own work onto them: so each
goal mention gives reporter -> goal. A programme named in the same sentence, or anywhere in
the same table row, contributes to the goals of that sentence or row. A sentence naming
(nearly) all 17 goals describes the SDGs themselves and maps nothing.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..model import Evidence, Relation, Sentence

_ALL_GOALS = 12  # naming this many distinct goals at once is a description of the SDGs


def _units(sentences: list[Sentence]) -> Iterator[list[Sentence]]:
    """Sentences, except that a table row (one block) is one unit whatever its punctuation."""
    row: list[Sentence] = []
    for sent in sentences:
        if row and (sent.block is not row[0].block or sent.block.kind != "table"):
            yield row
            row = []
        row.append(sent)
    if row:
        yield row


def extract(ctx) -> Iterator[Relation]:
    reporter = ctx.reporter
    for unit in _units(ctx.sentences):
        mentions = [m for s in unit for m in s.mentions]
        goals = [m for m in mentions if m.type == "SDG"]
        if not goals or len({m.key for m in goals}) >= _ALL_GOALS:
            continue
        programmes = [m for m in mentions if m.type == "Programme"]
        evidence = Evidence(" ".join(s.text.strip() for s in unit), unit[0].line)
        for goal in goals:
            if reporter is not None:
                yield Relation(reporter, "contributesToSDG", goal, evidence)
            for programme in programmes:
                yield Relation(programme, "contributesToSDG", goal, evidence)
