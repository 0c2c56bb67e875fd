"""Plain data passed between the extraction stages.

The extractors know nothing of RDF: they turn a report into these dataclasses, and only
``kg.triples`` maps them onto the ontology. That keeps extraction testable on its own and
the modelling in one place.

Flow: ``Document`` (read + repaired text, line map) -> ``Block`` s (paragraphs / table rows)
-> ``Mention`` s found by the recognisers -> ``Relation`` s and ``Observation`` s ->
``Extraction`` (everything one report says).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from decimal import Decimal

#: The entity types of the contract (``esg:`` class local names).
ENTITY_TYPES = (
    "Company",
    "Committee",
    "Programme",
    "Certification",
    "SDG",
    "Person",
    "ReportingFramework",
    "Organization",
)

#: The relation predicates of the contract (``esg:`` property local names).
PREDICATES = (
    "hasCommittee",
    "reportsTo",
    "chairedBy",
    "memberOf",
    "holdsCertification",
    "runsProgramme",
    "contributesToSDG",
    "subsidiaryOf",
    "partnerOf",
    "follows",
)


@dataclass(frozen=True)
class Evidence:
    """Where a statement comes from: the sentence as printed and its original line (1-based)."""

    sentence: str
    line: int


@dataclass
class Block:
    """One paragraph, heading or table row of a report after layout repair.

    ``text`` is in the report's own script; ``start`` is its offset in ``Document.text``.
    ``heading`` is the nearest preceding heading block's text (section context: a bare
    table of certificate names under 合規資質 means "held").
    """

    text: str
    start: int
    line: int
    kind: str = "paragraph"  # "heading" | "paragraph" | "table"
    heading: str = ""


@dataclass
class Document:
    """A report read from disk: repaired text plus a map back to the file's line numbers.

    ``line_starts[i]`` is the offset in ``text`` where repaired text from original line
    ``line_numbers[i]`` begins; ``line_at`` inverts that for provenance.
    """

    source_file: str
    text: str
    language: str  # "zh-Hant" | "zh-Hans" | "en"
    encoding: str
    blocks: list[Block]
    line_starts: list[int] = field(default_factory=list)
    line_numbers: list[int] = field(default_factory=list)

    @classmethod
    def from_rows(cls, rows: list, language: str, source_file: str = "text") -> "Document":
        """A document whose blocks are ``rows`` as given, one per line: each row is a text, or
        a ``(text, kind, heading)`` tuple. For running the pipeline on short texts (tests,
        API filters) without the layout repair a file goes through."""
        blocks, parts, off = [], [], 0
        for i, row in enumerate(rows, 1):
            text, kind, heading = row if isinstance(row, tuple) else (row, "paragraph", "")
            blocks.append(Block(text, off, i, kind, heading))
            parts.append(text)
            off += len(text) + 1
        return cls(source_file, "\n".join(parts), language, "utf-8", blocks,
                   [b.start for b in blocks], [b.line for b in blocks])

    def line_at(self, offset: int) -> int:
        """The original (1-based) line number of the character at ``offset`` of ``text``."""
        if not self.line_starts:
            return 1
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return self.line_numbers[max(i, 0)]


@dataclass
class Mention:
    """One occurrence of a named entity.

    ``key`` is the resolution key: the same real-world thing gives the same key in any
    script and spelling (``iso27001``, ``mlps3``, ``sdg3``, or the folded name). ``label`` is
    a preferred display name when the recogniser knows one (gazetteer entries), else None and
    the surface text is used. ``lang`` is the language tag of the surface text. ``aliases`` are other names the report defines for the same
    thing (a defined short name, the English name printed beside the Chinese one).
    """

    type: str
    text: str
    key: str
    lang: str
    evidence: Evidence
    label: str | None = None
    aliases: tuple[str, ...] = ()
    attrs: dict = field(default_factory=dict)
    start: int = -1  # offset in Document.text, -1 when not tied to one place
    end: int = -1


@dataclass
class Sentence:
    """A sentence (or table row) of a block with the mentions found in it.

    ``folded`` is ``text`` in Simplified script with the same length, for matching.
    """

    text: str
    folded: str
    start: int
    line: int
    block: Block
    mentions: list[Mention] = field(default_factory=list)

    def evidence(self) -> Evidence:
        return Evidence(self.text.strip(), self.line)


@dataclass
class Relation:
    """``subject predicate object``; a subject of None means the report itself (``follows``)."""

    subject: Mention | None
    predicate: str
    object: Mention
    evidence: Evidence


@dataclass
class Observation:
    """One KPI figure: ``value`` in ``unit`` for ``period``, named ``metric`` in the report's words."""

    metric: str
    value: Decimal
    unit: str
    period: str
    lang: str
    evidence: Evidence
    subject: Mention | None = None  # None: the reporting company


@dataclass
class ReportInfo:
    """What the report says about itself."""

    source_file: str
    language: str
    title: str = ""
    publisher: Mention | None = None
    period_start: str | None = None  # ISO date
    period_end: str | None = None


@dataclass
class Extraction:
    """Everything extracted from one report."""

    report: ReportInfo
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
