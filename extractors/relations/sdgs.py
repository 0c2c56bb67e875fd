"""``contributesToSDG``: the reporter, or a programme, -> a goal it works towards.

The SDG recogniser only keeps goals named in an SDG context (a number, or a title beside its
number or under SDG words), and a report names goals to map its work onto them. Where a goal
goes depends on how the report lays the mapping out:

- a table row, or a line of goals (a strip, a pillar table), is the reporter's own mapping:
  reporter -> goal, and any programme in the same row -> goal too;
- a block that opens with a goal and lists what serves it (SDG 3 Good Health … "X"; "Y"
  SDG 4 …) is a goal-keyed table whose rows PDF extraction ran together: each goal, or list
  of goals, takes the programmes printed after it up to the next goal;
- in prose, a goal belongs to the programme its sentence names (before a goal in brackets),
  or, where the sentence names none, to the programme its paragraph or section describes when
  the sentence points back to it (本计划回应SDG 12, The programme supports SDG 6), ends the
  paragraph in brackets (…（SDG 15）) or is a bare list of goals after a lead-in
  (对应联合国可持续发展目标： / SDG 7 … SDG 13 …). A programme's own goal is not the reporter's:
  the reporter's goals are those it maps itself onto.

Programme names the recogniser found elsewhere in the report count where the mapping prints
them again without the words that marked them (a table cell "Clear Water Classroom"). A unit
naming (nearly) all 17 goals describes the SDGs themselves and maps nothing.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ..components.base import load_patterns
from ..model import Block, Evidence, Mention, Relation, Sentence
from ..normalise import match_key, to_simplified

PREDICATE = "contributesToSDG"
_ALL_GOALS = 12  # naming this many distinct goals at once is a description of the SDGs

_P = load_patterns("sdgs")["relations"]
_ANAPHOR = re.compile(f"{_P['anaphor_zh']}|{_P['anaphor_en']}", re.I)
_LEAD_IN = re.compile(_P["lead_in"], re.I)
_FILLERS = re.compile(_P["lead_in_fillers"], re.I)
# What may stand between two goals of one list (SDG 3、SDG 11; SDGs 6 and 11).
_LIST_GAP = re.compile(r"(?:[\s、,，;；/&]|and|及|和|与|以及)*", re.I)
# What is left of a line that only lists goals once the goals and lead-in words are gone.
_PUNCT = re.compile(r"[\s、,，;；/&:：()（）。.\-–—「」“”\"]+")
_OPEN = re.compile(r"[（(][^（()）]{0,12}$")
_CLOSE = re.compile(r"[^（()）]{0,6}[）)]")
_ENDS = re.compile(r"[^（()）。.；;]{0,6}[）)][\s。.；;]*")
_QUOTED = re.compile(r"[「『“\"]([^「」『』“”\"\n]{2,80})[」』”\"]")


@dataclass
class Unit:
    """The text goals are mapped within: a sentence, or a whole table row."""

    text: str
    start: int
    line: int
    block: Block
    mentions: list[Mention] = field(default_factory=list)

    @property
    def folded(self) -> str:
        """The text in Simplified script (same length), for the patterns."""
        return to_simplified(self.text)

    def of(self, type_: str) -> list[Mention]:
        return sorted((m for m in self.mentions if m.type == type_), key=lambda m: m.start)

    def evidence(self) -> Evidence:
        return Evidence(self.text.strip(), self.line)


def extract(ctx) -> Iterator[Relation]:
    reporter = ctx.reporter
    known = _known_programmes(ctx.mentions)
    headings: dict[str, list[Mention]] = {}  # heading text -> the programmes it names
    here = Context()
    for block, sents in _blocks(ctx.sentences):
        units = [_unit(sents)] if block.kind == "table" else [_unit([s]) for s in sents]
        for m in _reprinted(_unit(sents), known):
            next(u for u in reversed(units) if u.start <= m.start).mentions.append(m)
        if block.kind == "heading":
            headings[block.text] = [m for u in units for m in u.of("Programme")]
        elif block.heading != here.heading:
            titled = headings.get(block.heading) or _by_name(block.heading, known)
            here = Context(block.heading, titled, titled)
        here.block = []
        keyed = _goal_keyed(block, units)
        if keyed is not None:
            yield from _keyed(keyed, reporter)
            here.named(keyed.of("Programme"))
        else:
            for u in units:
                yield from _mapped(u, reporter, here)
                here.named(u.of("Programme"))
        here.previous = block.text


@dataclass
class Context:
    """Which programmes a goal without one of its own may belong to."""

    heading: str | None = None
    titled: list[Mention] = field(default_factory=list)  # the programme the section is titled with
    recent: list[Mention] = field(default_factory=list)  # those the section named last
    block: list[Mention] = field(default_factory=list)  # those the block named last
    previous: str = ""  # the text of the block before

    def named(self, programmes: list[Mention]) -> None:
        if programmes:
            self.recent = self.block = programmes


def _blocks(sentences: list[Sentence]) -> Iterator[tuple[Block, list[Sentence]]]:
    run: list[Sentence] = []
    for sent in sentences:
        if run and sent.block is not run[0].block:
            yield run[0].block, run
            run = []
        run.append(sent)
    if run:
        yield run[0].block, run


def _unit(sents: list[Sentence]) -> Unit:
    first, last = sents[0], sents[-1]
    block = first.block
    text = block.text[first.start - block.start:last.start - block.start + len(last.text)]
    return Unit(text, first.start, first.line, block, [m for s in sents for m in s.mentions])


def _known_programmes(mentions: list[Mention]) -> dict[str, Mention]:
    """The report's programmes by the folded form of each name it printed for them."""
    out: dict[str, Mention] = {}
    for m in mentions:
        if m.type == "Programme":
            for name in (m.text, m.label or "", *m.aliases):
                if len(match_key(name)) >= 4:
                    out.setdefault(match_key(name), m)
    return out


def _by_name(text: str, known: dict[str, Mention]) -> list[Mention]:
    """The programme a heading is, when the heading is only its name ("Clear Water Classroom")."""
    hit = known.get(match_key(text))
    return [hit] if hit else []


def _reprinted(u: Unit, known: dict[str, Mention]) -> list[Mention]:
    """Quoted names of programmes named elsewhere in the report, where no mention marks them
    here (a mapping table repeats names without the words that marked them)."""
    if not any(m.type == "SDG" for m in u.mentions):
        return []
    out = []
    for q in _QUOTED.finditer(u.text):
        m = known.get(match_key(q.group(1)))
        s, e = u.start + q.start(1), u.start + q.end(1)
        if m is None or any(x.start < e and s < x.end for x in u.mentions if x.type in ("Programme", "SDG")):
            continue  # (an organisation's span there is the programme's name taken for a body)
        out.append(replace(m, text=q.group(1), start=s, end=e, evidence=u.evidence(), aliases=()))
    return out


def _groups(u: Unit) -> list[list[Mention]]:
    """The unit's goals, those listed together (SDG 3、SDG 11) in one group."""
    groups: list[list[Mention]] = []
    for g in u.of("SDG"):
        if groups and _LIST_GAP.fullmatch(u.text[groups[-1][-1].end - u.start:g.start - u.start]):
            groups[-1].append(g)
        else:
            groups.append([g])
    return groups


def _all_goals(groups: list[list[Mention]]) -> bool:
    """Whether the goals describe the SDGs themselves rather than map anything: nearly all 17
    named at once, or all 17 in a strip of icon numbers (a report's own strip picks its goals
    and may well hold a dozen)."""
    goals = [g for grp in groups for g in grp]
    strip = all(g.attrs.get("strip") for g in goals)
    return len({g.key for g in goals}) >= (17 if strip else _ALL_GOALS)


def _goal_keyed(block: Block, units: list[Unit]) -> Unit | None:
    """The block as one unit when it opens with a goal and names programmes after it."""
    whole = Unit(block.text, block.start, units[0].line, block, [m for u in units for m in u.mentions])
    goals, progs = whole.of("SDG"), whole.of("Programme")
    if not goals or not progs or block.text[:goals[0].start - block.start].strip(" -–•·*▪●\t"):
        return None
    return whole if progs[-1].start > goals[0].end else None


def _keyed(u: Unit, reporter: Mention | None) -> Iterator[Relation]:
    """Goal-keyed rows: each group of goals takes the programmes up to the next group."""
    groups = _groups(u)
    if _all_goals(groups):
        return
    progs = u.of("Programme")
    for i, grp in enumerate(groups):
        end = groups[i + 1][0].start if i + 1 < len(groups) else u.start + len(u.text)
        row = [p for p in progs if grp[-1].end <= p.start < end]
        for goal in grp:
            if reporter is not None:
                yield Relation(reporter, PREDICATE, goal, u.evidence())
            for p in row:
                yield Relation(p, PREDICATE, goal, u.evidence())


def _mapped(u: Unit, reporter: Mention | None, here: Context) -> Iterator[Relation]:
    """The goals of a sentence or table row, to the programmes they serve or the reporter."""
    groups = _groups(u)
    if not groups or _all_goals(groups):
        return
    progs = u.of("Programme")
    table = u.block.kind in ("table", "heading")
    for grp in groups:
        before = u.text[:grp[0].start - u.start]
        paren = bool(_OPEN.search(before)) and bool(_CLOSE.match(u.text, grp[-1].end - u.start))
        targets = [p for p in progs if p.end <= grp[0].start] if paren and not table else progs
        pointer = _ANAPHOR.search(u.folded)
        if targets or table:
            pass
        elif pointer or _goal_line(u, here.previous):
            # the programme this section is about: the one its last sentence naming programmes
            # named first, or all of them after a plural (these projects)
            plural = pointer is not None and re.search(r"(?:s|these)\b", pointer.group(), re.I)
            targets = here.recent if plural else here.recent[:1]
        elif paren and (_ENDS.fullmatch(u.block.text, grp[-1].end - u.block.start) or not before.rstrip("（( ")):
            # a bracketed note ending the paragraph, or standing alone: the paragraph's programme
            targets = (here.block or here.titled)[:1]
        for goal in grp:
            if reporter is not None and (table or not targets):
                yield Relation(reporter, PREDICATE, goal, u.evidence())
            for p in targets:
                yield Relation(p, PREDICATE, goal, u.evidence())


def _goal_line(u: Unit, previous: str) -> bool:
    """A line that only lists goals after a lead-in, in itself (对应可持续发展目标：SDG 7) or
    in the block before it ending in a colon."""
    rest = u.folded
    for g in sorted(u.of("SDG"), key=lambda m: -m.start):
        rest = rest[:g.start - u.start] + " " + rest[g.end - u.start:]
    led = bool(_LEAD_IN.search(rest)) or previous.rstrip().endswith((":", "："))
    return led and not _PUNCT.sub("", _FILLERS.sub("", _LEAD_IN.sub("", rest)))
