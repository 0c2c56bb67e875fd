"""Board composition: director rows and committee-column tables.

Reports list their directors in tables that PDF extraction spreads over lines: a row is the
person's line with the role lines before it and the lines after it up to the next row
(獨立非執行董事兼薪酬委員會主席 / 李玲 女 / 薪酬委員會主席、審計委員會成員). A composition
table has a header naming committees as columns (in full, wrapped or short), then a row per
director with a mark per column (C/M/–, 主席/成員/–, ✓, or a legend's marks). These functions
read both shapes; ``governance`` turns what they find into chairedBy and memberOf.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..components.base import load_patterns
from ..components.committee import committee_key
from ..components.committee import patterns as committee_patterns
from ..model import Evidence, Mention, Relation
from ..normalise import to_simplified
from ._governance_base import BOARD, _BOARD_CHAIR, _CHAIR_AFTER, _CHAIR_ZH, _DIRECTOR, _Block, _View

_CHAIR_BEFORE_EN = re.compile(r"\b(?:[Cc]hair(?:man|woman|person)?|[Hh]ead)\s+of\s+(?:the\s+)?$")
_DIRECTORS = re.compile(r"董事(?!会|局)|\b[Dd]irectors?\b")  # a table's group line: Executive Directors
# A line that opens a director row with the person's title.
_ROW_START = re.compile(r"\s*(?:独立非执行董事|非执行董事|执行董事|独立董事|董事|主席|副主席|董事长|首席|"
                        r"行政总裁|总裁|Independent|Non-executive|Executive|Chair)")
_GENDER_CELL = re.compile(r"(?:^|\s)[男女](?:\s|$)|\b(?:Male|Female)\b")


@lru_cache(maxsize=1)
def _standard_keys() -> frozenset[str]:
    return frozenset(committee_patterns()["canonical"])


@lru_cache(maxsize=1)
def _standard_bodies() -> re.Pattern:
    names = [n for ns in committee_patterns()["canonical"].values() for n in ns]
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)), re.I)


@dataclass
class _Line:
    """One line of the report as printed (a block may join several: rows the layout
    repair took for a paragraph)."""

    text: str  # folded to Simplified for Chinese
    original: str
    start: int
    line: int
    persons: list[Mention]
    coms: list[Mention]


def _printed_lines(view: _View) -> list[_Line]:
    doc = view.document
    out: list[_Line] = []
    if doc is None:
        return out
    for blk in view.blocks:
        b, text = blk.block, blk.text(view.en)
        end = b.start + len(b.text)
        cuts = sorted({b.start, end, *doc.line_starts[bisect.bisect_right(doc.line_starts, b.start):
                                                   bisect.bisect_left(doc.line_starts, end)]})
        persons, coms = blk.of("Person"), blk.of("Committee")
        for s, e in zip(cuts, cuts[1:]):
            out.append(_Line(text[s - b.start:e - b.start], b.text[s - b.start:e - b.start], s, doc.line_at(s),
                             [m for m in persons if s <= m.start < e], [m for m in coms if s <= m.start < e]))
    return out


@lru_cache(maxsize=1)
def _cells() -> dict[str, str]:
    """Cell text (folded, case-blind) -> "chair" / "member" / "none"."""
    p = load_patterns("persons")["composition_table"]
    return {to_simplified(w).casefold(): kind for kind in ("chair", "member", "none") for w in p[kind]}
_ROW_OPENER = re.compile(r"\s*(?:(?:Mr|Mrs|Ms|Miss|Madam|Dr|Prof|Professor|Sir|Dame)\.?\s+)?")
_LEGEND = re.compile(r"(?<!\S)(\S{1,3})\s*[:：=]\s*(?:the\s+)?(?:committee\s+|委员会)?(?P<role>chair\w*|member|主席|主任|召集人|组长|成员|委员)", re.I)
_COLUMN_HEAD = re.compile(r"\s*(?:(?:Committee|委员会)\s*){2,}")


def _header(lines: list[_Line], i: int, en: bool, by_key: dict[str, Mention],
            cells: dict[str, str]) -> tuple[list[Mention], int]:
    """The bodies a table header at line ``i`` names as its last columns, in order, and the
    line its rows start at: bodies side by side (董事 職位 審核委員會 薪酬委員會 …), names whose
    head word wrapped to the next line (Audit Remuneration Nomination ESG / Committee
    Committee Committee Committee), or short names of the report's bodies over rows with as
    many marks (Director Designation Audit Risk Nomination / Mr. A Chairman – – C)."""
    line = lines[i]
    if _bodies_to_the_end(line.text, line.start, line.coms):
        return [_standard_tail(m, by_key, line) for m in line.coms], i + 1
    if i + 1 >= len(lines):
        return [], i
    if _COLUMN_HEAD.fullmatch(lines[i + 1].text):
        k = lines[i + 1].text.count("Committee" if en else "委员会")
        return _columns(line, k, en, by_key, known_only=False), i + 2
    row = lines[i + 1]
    persons = _row_person(row)
    if persons and not line.persons:
        words = row.text[persons[0].end - row.start:].split()
        k = next((n for n in range(len(words), 0, -1) if all(w.casefold() in cells for w in words[-n:])), 0)
        if k >= 2:
            return _columns(line, k, en, by_key, known_only=True), i + 1
    return [], i


def _columns(line: _Line, k: int, en: bool, by_key: dict[str, Mention], known_only: bool) -> list[Mention]:
    """The last ``k`` columns of a header line as bodies: one to four words each, with the head
    word (Committee, 委員會) the header left out; a column no body of the report fits is a
    new body, or, with ``known_only``, no column at all."""
    head = "Committee" if en else "委员会"
    gap = " " if en else ""
    words = line.text.split()
    columns: list[Mention] = []
    while len(columns) < k and words:
        found = None
        for n in range(min(4, len(words)), 0, -1):
            group = gap.join(words[-n:])
            for name in (group + gap + head, group):
                key = committee_key(name)
                if key in by_key and (name != group or n > 1 or key == BOARD):
                    found = (by_key[key], n)
                    break
            if found:
                break
        if found is None and known_only:
            return []
        body, n = found or (None, 1)
        if body is None:
            name = words[-1] + gap + head
            body = Mention("Committee", name, committee_key(name), "en" if en else "zh",
                           Evidence(line.original.strip(), line.line))
        columns.insert(0, body)
        del words[-n:]
    return columns if len(columns) == k else []


def _bodies_to_the_end(text: str, start: int, coms: list[Mention]) -> bool:
    """Two or more bodies side by side end the line (``text`` at offset ``start``): a table
    header's committee columns."""
    if len(coms) < 2:
        return False
    base = coms[0].start
    rest = list(text[base - start:])
    for m in coms:
        rest[m.start - base:m.end - base] = " " * (m.end - m.start)
    return not "".join(rest).strip()


def _standard_tail(com: Mention, by_key: dict[str, Mention], line: _Line) -> Mention:
    """A header cell's body without the column labels run into it (Name Position Audit
    Committee: the Audit Committee)."""
    m = next((x for x in _standard_bodies().finditer(com.text) if x.end() == len(com.text)), None)
    if m is None or m.start() == 0:
        return com
    key = committee_key(m.group())
    return by_key.get(key) or Mention("Committee", m.group(), key, com.lang, Evidence(line.original.strip(), line.line))


def _row_cells(text: str, k: int, cells: dict[str, str]) -> tuple[str, list[str]] | None:
    """A row's title text and its last ``k`` cells, when these are all marks."""
    words = text.split()
    if len(words) < k or not all(w.casefold() in cells for w in words[len(words) - k:]):
        return None
    marks = [cells[w.casefold()] for w in words[len(words) - k:]]
    return " ".join(words[:len(words) - k]), marks


def _composition_tables(view: _View, board: list[Mention], by_key: dict[str, Mention],
                        done: dict[int, tuple[Mention, str]]) -> Iterator[Relation]:
    """A board composition table: a header naming committees as columns, then a row per
    director (name, titles, then a mark per column: C/M/–, 主席/成員/–, ✓). A chair's mark
    and a member's both make the director a member of that column's body; the chair's also
    its chair. A director is a member of the board, and its chair if the title says so
    (Chairman, 主席; not Vice Chairman, 副主席). ``done`` gets the persons read with their
    titles, so the looser director-row rule leaves them alone."""
    lines = _printed_lines(view)
    legends = [_legend(line.text) for line in lines]
    i = 0
    while i < len(lines):
        cells = dict(_cells())
        for legend in legends[max(0, i - 2):i + 40]:
            cells.update(legend)
        columns, start = _header(lines, i, view.en, by_key, cells)
        if not columns:
            i += 1
            continue
        rows, i = _table_rows(lines, start, len(columns), cells)
        for person, titles, marks, line in rows:
            ev = Evidence(line.original.strip(), line.line)
            done[id(person)] = (person, titles)
            for body, mark in zip(columns, marks):
                if mark == "chair":
                    yield Relation(body, "chairedBy", person, ev)
                if mark in ("chair", "member"):
                    yield Relation(person, "memberOf", body, ev)
            b = _nearest_board(board, person.start)
            if b is not None and _DIRECTORS.search(titles):
                yield Relation(person, "memberOf", b, ev)
                if _BOARD_CHAIR.search(titles):
                    yield Relation(b, "chairedBy", person, ev)
        i = max(i, start)


def _legend(text: str) -> dict[str, str]:
    """The marks a legend under a table names (C: Chairman of the committee, ◎: Committee
    Chairman)."""
    return {m.group(1).casefold(): "chair" if re.match(r"chair|主席|主任|召集人|组长", m.group("role"), re.I) else "member"
            for m in _LEGEND.finditer(text)}


def _table_rows(lines: list[_Line], j: int, k: int,
                cells: dict[str, str]) -> tuple[list[tuple[Mention, str, list[str], _Line]], int]:
    """The rows from line ``j`` on, as (person, titles, marks, line), and where they end.
    A row whose marks wrapped to the next line (鄺詠詩女士 副主席、執行董事兼 / 行政總裁 – –
    – 主席) is read as one; a line naming a group of directors (Executive Directors, 獨立非
    執行董事) gives its title to the rows under it."""
    rows, group = [], ""
    while j < len(lines):
        line = lines[j]
        persons = _row_person(line)
        if not line.persons and len(line.text.strip()) <= 60 and _DIRECTORS.search(line.text) \
                and not _row_cells(line.text, 1, cells):
            group = line.text.strip()
            j += 1
            continue
        if rows and not persons and _table_goes_on(lines, j, k, cells):
            j += 1  # a title's last word wrapped under its row, or a page footer and header
            continue
        if len(persons) != 1:
            break
        own = line.text[persons[0].end - line.start:]
        row = _row_cells(own, k, cells)
        if row is None and j + 1 < len(lines) and not lines[j + 1].persons:
            row = _row_cells(own + " " + lines[j + 1].text, k, cells)
            j += row is not None
        if row is None:
            break
        rows.append((persons[0], f"{group} {row[0]}".strip(), row[1], line))
        j += 1
    return rows, j


def _row_person(line: _Line) -> list[Mention]:
    """The person a line opens with (after an honorific: Professor CHEUNG Siu Ming), if any."""
    return [p for p in line.persons[:1] if _ROW_OPENER.fullmatch(line.text[:p.start - line.start])]


def _table_goes_on(lines: list[_Line], j: int, k: int, cells: dict[str, str]) -> bool:
    """Line ``j`` is short and holds no person and no marks, and a director row follows within
    two more lines: the table goes on past it (Executive / Report 2024 7 / GOVERNANCE)."""
    for line in lines[j:j + 3]:
        if line.persons:
            own = line.text[line.persons[0].end - line.start:]
            return bool(_row_person(line)) and _row_cells(own, k, cells) is not None
        if len(line.text.strip()) > 80 or re.search(r"[.。;；]\s*$", line.text) or _row_cells(line.text, 1, cells):
            return False
    return False


def _nearest_board(board: list[Mention], pos: int) -> Mention | None:
    before = [m for m in board if m.start <= pos]
    return before[-1] if before else (board[0] if board else None)


def _rowish(blk: _Block, en: bool) -> bool:
    """A line short enough to be (part of) a table row and no prose sentence."""
    text = re.sub(r"\b(?:Mr|Ms|Mrs|Dr|Prof)\.", "", blk.block.text)
    return len(text) <= (140 if en else 45) and not re.search(r"[。；！？]|[.;!?](?:\s|$)", text)


def _director_rows(view: _View) -> list[tuple[list[_Block], Mention]]:
    """Table rows holding one person each: the person's line, up to two title lines before
    it, and the lines after it until the next row starts (a title line or another person)."""
    rows: list[list[_Block]] = []
    cur: list[_Block] = []
    has_person = False
    for blk in view.blocks:
        if not _rowish(blk, view.en) or _bodies_to_the_end(blk.text(view.en), blk.block.start, blk.of("Committee")):
            rows.append(cur)
            cur, has_person = [], False
            continue
        persons = blk.of("Person")
        if has_person and (persons or _ROW_START.match(blk.text(view.en))):
            rows.append(cur)
            cur, has_person = [], False
        if not has_person and not persons and len(cur) >= 2:
            cur = cur[-1:]
        cur.append(blk)
        has_person = has_person or bool(persons)
    rows.append(cur)
    out = []
    for row in rows:
        persons = [m for b in row for m in b.of("Person")]
        if len(persons) == 1:
            out.append((row, persons[0]))
    return out


def _row_text(view: _View, row: list[_Block]) -> str:
    """A row's lines joined (without a gap in Chinese: a body's name may wrap)."""
    return ("" if not view.en else " ").join(b.text(view.en) for b in row)


def _row_bodies(text: str, row: list[_Block], en: bool) -> list[tuple[str, int, int]]:
    """(key, start, end) of the bodies a joined row names: the standard board committees by
    name, and the committee mentions of its lines."""
    found = [(committee_key(m.group()), m.start(), m.end()) for m in _standard_bodies().finditer(text)]
    for b in row:
        t = b.text(en)
        for m in b.of("Committee"):
            name = t[m.start - b.block.start:m.end - b.block.start]
            i = text.find(name)
            if i >= 0 and not any(s <= i < e for _, s, e in found):
                found.append((m.key, i, i + len(name)))
    return sorted(found, key=lambda x: x[1])


def _row_titles(text: str, bodies: list[tuple[str, int, int]]) -> str:
    """The person's own titles: the row with its bodies, and their 主席/成員, masked."""
    for _, s, e in bodies:
        text = text[:s] + "#" * (e - s) + text[e:]
    text = re.sub(r"\b(?:[Cc]hair\w*|[Hh]ead|[Mm]ember)\s+of\s+(?:the\s+)?(?=#)", " ", text)
    text = re.sub(rf"#+\s*(?:[（(]\s*)?(?:{_CHAIR_ZH}|成员|委员|[Cc]hair\w*|[Mm]ember)?(?:\s*[)）])?", " ", text)
    return re.sub(r"(?:委员会|委员|小组|[Cc]ommittee)\s*(?:主席|主任|[Cc]hair\w*)", " ", text)


def _row_facts(view: _View, row: list[_Block], person: Mention, board: list[Mention],
               by_key: dict[str, Mention]) -> Iterator[Relation]:
    text = _row_text(view, row)
    ev = next(s for b in row for s in b.sentences if person in s.mentions).evidence()
    bodies = _row_bodies(text, row, view.en)
    titles = _row_titles(text, bodies)
    if not (_DIRECTOR.search(titles) or _BOARD_CHAIR.search(titles) or _GENDER_CELL.search(text)):
        return  # a quote's signature or a caption, not a director row
    chaired_board = False
    for key, s, e in bodies:
        body = by_key.get(key)
        if body is None:
            continue
        after = _CHAIR_AFTER.match(text, e)
        if (after and not re.match(r"\s+of\b", text[after.end():])) or _CHAIR_BEFORE_EN.search(text, 0, s):
            yield Relation(body, "chairedBy", person, ev)
            chaired_board |= key == BOARD
        yield Relation(person, "memberOf", body, ev)
    b = _nearest_board(board, person.start)
    if b is None:
        return
    if _DIRECTOR.search(titles):
        yield Relation(person, "memberOf", b, ev)
    if not chaired_board and _BOARD_CHAIR.search(titles):
        yield Relation(b, "chairedBy", person, ev)
