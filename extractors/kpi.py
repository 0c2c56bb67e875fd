"""KPI figures (``Observation``) from a report's key-performance tables and KPI sentences.

PDF text keeps a table in one of three shapes, and the table reader knows all three:

- rows: ``員工總人數 人 1,849`` or ``總耗水量 噸 46,375.82 34,650.89`` (a value per column);
- rows broken over lines: a name (perhaps on two lines), its unit, then its values on a line of
  their own;
- columns written one after another: every name, then every unit, then the first column's
  values, then the next column's (and a column may turn up after the next table).

The reader works on the report's original lines (the ``Document`` line map), because table
structure is a matter of lines whatever layout repair made of paragraphs. Columns take their
period from the nearest header row with years (``指標 單位 2022年 2021年``, ``FY2018``).

Sentences give the rest: a number with a unit, named by the clause before it
(``其中女性員工佔比43.05%``, ``a total of 353.7 tons of ...``).

Units, header words and the phrases trimmed off metric names are data (patterns/kpi.yaml).
Matching runs on text folded to Simplified script with the same length, so a match's offsets
slice the original text for labels in the report's own script.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .components.base import load_patterns
from .model import Evidence, Observation
from .normalise import language_of, to_simplified

_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰⁺"
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_SENT_PUNCT = re.compile(r"[，。；！？;!?]|,(?!\d)|\.\s*$")


def fold(text: str) -> str:
    """Simplified script, half-width: same length as ``text``, for matching only."""
    return to_simplified(text).translate(_FULLWIDTH)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    unit: re.Pattern  # a whole unit expression: 噸, 千瓦時╱人, 噸/營業收入（萬元）, kWh/person
    unit_at_end: re.Pattern  # a unit column at the end of a row's name part
    paren_unit_at_end: re.Pattern  # "Electricity (kWh)"
    prose_unit: re.Pattern  # a unit right after a number in a sentence
    unit_prefix: re.Pattern  # 萬分之 before a number
    counters: frozenset
    scales: frozenset
    year_column: re.Pattern
    header_words: tuple
    header_leads: frozenset
    column_words: tuple
    placeholders: frozenset
    toc: re.Pattern
    index_code: re.Pattern
    standard: re.Pattern
    contact: re.Pattern
    numbered_words: re.Pattern
    cues: tuple
    lead_trim: tuple
    tail_trim: tuple
    count_noun: re.Pattern
    count_phrase: re.Pattern


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    """The compiled KPI patterns (loaded once)."""
    p = load_patterns("kpi")
    latin = [u for u in p["units"] if not _CJK.search(u) and re.search(r"[A-Za-z]", u)]
    cjk = [u for u in p["units"] if u not in latin]
    scale = f"(?:{_alternation(p['counter_scales'])})?"
    counted = f"{scale}(?:{_alternation(p['counters'])})"
    core = (
        f"(?:{'|'.join(p['unit_regexes'])}|{scale}(?:{_alternation(cjk)})"
        f"|{counted}|(?:{_alternation(latin)})(?![A-Za-z]))"
    )
    denominator = r"(?:\s?[/／╱]\s?(?:[^\s\d/／╱()（）]{1,12}(?:\s?[（(][^）)\d]{1,10}[）)])?|[（(][^）)\d]{1,10}[）)]))"
    unit = f"{core}{denominator}?"
    prose_cjk = [u for u in cjk if u not in p["table_only_units"]]
    prose_latin = [u for u in latin if u not in p["table_only_units"]]
    prose_core = (
        f"(?:{'|'.join(p['unit_regexes'])}|(?:余|多)?{scale}(?:{_alternation(prose_cjk)})|(?:余|多)?{counted}"
        f"|\\s?(?:{_alternation(prose_latin)})(?![A-Za-z])"
        f"|(?:{_alternation(p['prose_scale_units'])})(?=[,.;:!?，。；：、\\s)）]|$))"
    )
    return _Patterns(
        unit=re.compile(unit, re.I),
        unit_at_end=re.compile(rf"(?:(?<=\s)|(?<=^))({unit})\s*$", re.I),
        paren_unit_at_end=re.compile(rf"\s?[（(]({unit})[）)]\s*$", re.I),
        prose_unit=re.compile(rf"\s?({prose_core}(?:[/／╱][^\s\d，。；,;、/／╱]{{1,4}})?)", re.I),
        unit_prefix=re.compile(rf"({_alternation(p['unit_prefixes'])})\s?$"),
        counters=frozenset(p["counters"]),
        scales=frozenset(p["prose_scale_units"]),
        year_column=re.compile(rf"(?<!\S){p['year_column']}(?!\S)", re.I),
        header_words=tuple(p["header_words"]),
        header_leads=frozenset(p["header_leads"]),
        column_words=tuple(p["header_column_words"]),
        placeholders=frozenset(p["placeholders"]),
        toc=re.compile("|".join(re.escape(w) for w in p["toc_words"]), re.I),
        index_code=re.compile("|".join(p["index_codes"]), re.I),
        contact=re.compile(_alternation(p["contact_words"]), re.I),
        standard=re.compile(rf"(?<![A-Za-z])(?:{_alternation(p['standard_prefixes'])})\s*[:：-]?\s*$", re.I),
        numbered_words=re.compile(rf"(?:{_alternation(p['numbered_words'])})\s?$", re.I),
        cues=tuple(p["table_cues"]),
        lead_trim=tuple(re.compile(x, re.I) for x in p["metric_lead_trim"]),
        tail_trim=tuple(re.compile(x, re.I) for x in p["metric_tail_trim"]),
        count_noun=re.compile(
            rf"^\s(?:[A-Za-z’'\-]+\s){{0,3}}?({_alternation(p['count_nouns'])})(?![A-Za-z])", re.I
        ),
        count_phrase=re.compile(p["count_phrase"], re.I),
    )


# ---------------------------------------------------------------------------------------------
# numbers


def parse_number(text: str) -> Decimal | None:
    """``1,849`` -> 1849; None for page-like tokens with leading zeros (``003``)."""
    t = text.replace(",", "")
    if len(t) > 1 and t[0] == "0" and t[1].isdigit():
        return None
    try:
        return Decimal(t)
    except InvalidOperation:
        return None


_VALUE_TOKEN = re.compile(rf"([-−]?{_NUM})(%|％|‰)?")


def _value_token(tok: str) -> tuple[Decimal, str] | None:
    m = _VALUE_TOKEN.fullmatch(tok.strip(_SUPERSCRIPTS))
    if not m:
        return None
    v = parse_number(m.group(1).replace("−", "-").lstrip("-"))
    if v is None:
        return None
    if m.group(1)[0] in "-−":
        v = -v
    return v, (m.group(2) or "")


# ---------------------------------------------------------------------------------------------
# lines and what each is


@dataclass
class _Line:
    text: str  # original script, stripped
    folded: str
    start: int  # offset of text[0] in Document.text
    line: int  # original line number
    kind: str = "prose"  # header | row | values | unit | name | prose
    name: str = ""
    unit: str = ""
    values: list = field(default_factory=list)  # [(Decimal | None, unit)]
    periods: list | None = None  # header: one label per column ("" = not a year)
    col_units: list = field(default_factory=list)  # header: units named per column (佔比（%）)


def document_lines(document) -> list[_Line]:
    """The report's non-empty original lines, with offsets into ``Document.text``."""
    text = document.text
    out: list[_Line] = []
    if document.line_starts:
        bounds = list(document.line_starts) + [len(text)]
        pieces = [(bounds[i], bounds[i + 1], n) for i, n in enumerate(document.line_numbers)]
    else:
        pieces = [(b.start, b.start + len(b.text), b.line) for b in document.blocks]
    for s, e, n in pieces:
        off = s
        for part in text[s:e].split("\n"):
            stripped = part.strip()
            if stripped:
                lead = len(part) - len(part.lstrip())
                out.append(_Line(stripped, fold(stripped), off + lead, n))
            off += len(part) + 1
    return out


def _clean_name(name: str) -> str:
    """A row's name without bullets, footnote marks and stray spaces."""
    name = re.sub(f"[{_SUPERSCRIPTS}]", "", name)
    name = re.sub(r"^[\s•●○■□◆◇▪·\-–—*]+", "", name)
    name = re.sub(r"\s+", " ", name).strip(" ：:")
    p = patterns()
    m = re.search(r"(?<=[\u4e00-\u9fff）)A-Za-z])\s?\d{1,2}$", name)
    if m and not p.numbered_words.search(fold(name[: m.start()])):
        name = name[: m.start()].rstrip()
    return name


def _name_like(folded: str) -> bool:
    """Short enough and plain enough to be a table cell, not a sentence."""
    if _SENT_PUNCT.search(folded) or re.search(r"https?:|www\.|@", folded):
        return False
    if not (_CJK.search(folded) or _LATIN_WORD.search(folded)):
        return False
    cjk = len(_CJK.findall(folded))
    words = len(re.findall(r"[A-Za-z]+", folded))
    return cjk <= 32 and words <= 12 and len(folded) <= 70


def _header(line: _Line, lang: str) -> list | None:
    """Column labels of a header row (a year per column), [] for a header without years."""
    p = patterns()
    f = line.folded
    years = list(p.year_column.finditer(f))
    rest = f
    for m in reversed(years):
        rest = rest[: m.start()] + " " + rest[m.end():]
    tokens = rest.split()
    lowered = [t.lower() for t in tokens]

    def known(t: str) -> bool:
        """A header cell: a short header word, perhaps with a unit in brackets (單位（人）)."""
        bare = re.sub(r"[（(][^）)]{1,8}[）)]$", "", t)
        return len(bare) <= 8 and (not bare or any(w in bare for w in p.header_words + p.column_words))

    if years:
        if len(tokens) > 5 or not all(known(t) for t in lowered):
            return None
        if len(years) < 2 and not tokens:
            return None
        return [_period_label(line.text[m.start():m.end()], m.group(1), lang) for m in years]
    if len(tokens) >= 2 and all(known(t) for t in lowered) and any(
        w in f.lower() for w in ("单位", "指标", "unit", "indicator")
    ):
        return []
    if 2 <= len(tokens) <= 8 and lowered[0] in p.header_leads:
        return []  # "Indicator Consumption Density (...)": column names of a table
    return None


def _column_units(text: str) -> list[str]:
    """Units a header gives its value columns in brackets: "單位（人） 佔比（%）" -> 人, %."""
    units = [m.group(1) for m in re.finditer(r"[（(]([^）)]{1,8})[）)]", text)
             if patterns().unit.fullmatch(fold(m.group(1)))]
    return units if len(units) >= 2 else []


def _period_label(text: str, year: str, lang: str) -> str:
    """``2022財年``, ``FY2018`` or ``2024`` from a header's or sentence's year words."""
    if re.search(r"財年|财年|財政年度|财政年度", text):
        return year + ("財年" if "財" in text else "财年")
    if re.search(r"fy|fiscal|financial", text, re.I):
        return "FY" + year
    return year


def classify(line: _Line, lang: str) -> _Line:
    """Set ``line.kind`` (and name, unit, values, periods) from the line's text."""
    p = patterns()
    f = line.folded
    periods = _header(line, lang)
    if periods is not None:
        line.kind, line.periods = "header", periods
        line.col_units = _column_units(line.text)
        return line
    tokens = list(re.finditer(r"\S+", f))
    values: list = []
    k = len(tokens)
    while k > 0:
        tok = tokens[k - 1].group()
        v = _value_token(tok)
        if v is not None:
            values.insert(0, v)
            k -= 1
            continue
        if tok.lower() in p.placeholders and (values or k == len(tokens)) and k > 1 or (
            tok.lower() in p.placeholders and len(tokens) == 1
        ):
            values.insert(0, (None, ""))
            k -= 1
            continue
        if k == len(tokens) and k >= 2 and p.unit.fullmatch(tok) and _value_token(tokens[k - 2].group()):
            v = _value_token(tokens[k - 2].group())
            values.insert(0, (v[0], v[1] or line.text[tokens[k - 1].start():tokens[k - 1].end()]))
            k -= 2
            continue
        break
    if k and values and tokens[k - 1].group() in ("<", ">", "≤", "≥", "＜", "＞", "<=", ">="):
        values = []  # "< 35": a band of a breakdown, its value column empty
    prefix_end = tokens[k - 1].end() if k else 0
    prefix = f[:prefix_end]
    if not values:
        if p.unit.fullmatch(f.strip()):
            line.kind, line.unit = "unit", line.text
        elif _name_like(f) and not p.index_code.search(f):
            line.kind, line.name = "name", _clean_name(line.text)
        return line
    if not prefix.strip():
        line.kind, line.values = "values", values
        return line
    unit = ""
    name_end = prefix_end
    m = p.unit_at_end.search(prefix)
    if m and prefix[: m.start(1)].strip():
        unit, name_end = line.text[m.start(1):m.end(1)].strip(), m.start(1)
    else:
        m = p.paren_unit_at_end.search(prefix)
        if m and prefix[: m.start()].strip():
            unit, name_end = line.text[m.start(1):m.end(1)].strip(), m.start()
    name_f = f[:name_end]
    if (not _name_like(name_f) or p.index_code.search(name_f) or p.standard.search(name_f)
            or p.contact.search(name_f)):
        return line
    if len(values) == 1 and not unit and not values[0][1] and _looks_like_year(values[0][0]):
        return line  # "阿里健康 ESG報告 2022": a title with its year
    line.kind, line.name, line.unit, line.values = "row", _clean_name(line.text[:name_end]), unit, values
    return line


def _looks_like_year(v: Decimal | None) -> bool:
    """1950-2050, or a year and month written 2022.06."""
    if v is None or not 1950 <= v < 2051:
        return False
    month = (v - int(v)) * 100
    return v == v.to_integral_value() or (month == month.to_integral_value() and 1 <= month <= 12)


# ---------------------------------------------------------------------------------------------
# tables


@dataclass
class _Table:
    rows: list  # [(metric, unit, _Line)]
    periods: list  # header labels, [] when the table has no year header
    filled: int  # columns read so far
    values: dict = field(default_factory=dict)  # (row, col) -> (Decimal, unit, _Line)
    col_units: list = field(default_factory=list)


class _TableReader:
    """Walks the classified lines once, collecting the tables' figures."""

    def __init__(self, lines: list[_Line], lang: str, default_period: str):
        self.lines = lines
        self.lang = lang
        self.default_period = default_period
        self.pending: list[_Table] = []
        self.tables: list[_Table] = []
        self.consumed: set[int] = set()
        self._headers = [i for i, x in enumerate(lines) if x.kind == "header"]
        self._units = [i for i, x in enumerate(lines) if x.kind == "unit" or (x.kind == "row" and x.unit)]
        self.headers_follow = self._headers_follow()
        self._repeats = Counter(_running_key(x) for x in lines if x.kind == "row")
        self._toc = [i for i, x in enumerate(lines) if patterns().toc.fullmatch(x.folded.strip().lower().replace(" ", ""))
                     or patterns().toc.fullmatch(x.folded.strip().lower())]

    # -- context -------------------------------------------------------------------------------
    def header_for(self, first: int, last: int) -> _Line | None:
        """Labels of the nearest header row, looked for first on the side where this
        document puts its headers (``_headers_follow``), without crossing prose."""
        before = self._header_near(range(first - 1, max(-1, first - 60), -1))
        after = self._header_near(range(last + 1, min(len(self.lines), last + 40)))
        first_choice, second = (after, before) if self.headers_follow else (before, after)
        return first_choice if first_choice is not None else second

    def new_table(self, first: int, last: int) -> _Table:
        header = self.header_for(first, last)
        return _Table([], header.periods if header else [], 0, col_units=header.col_units if header else [])

    def _header_near(self, indices) -> _Line | None:
        prose = 0
        for i in indices:
            x = self.lines[i]
            if x.kind == "header":
                return x
            prose = prose + 1 if x.kind == "prose" else 0
            if prose >= 3:
                return None
        return None

    def _headers_follow(self) -> bool:
        """Whether this document prints a table's header row after it (PDF text of some
        layouts does): the first header of most table sections comes after figures."""
        after = before = 0
        prose, figures, voted = 3, False, False
        for x in self.lines:
            if x.kind == "prose":
                prose += 1
                if prose >= 3:
                    figures, voted = False, False
                continue
            prose = 0
            if x.kind == "header" and not voted:
                after, before = after + figures, before + (not figures)
                voted = True
            elif x.kind in ("row", "values"):
                figures = True
        return after > before

    def in_table(self, first: int, last: int) -> bool:
        """Whether unitless figures here sit in a table (a header, units or a caption near)."""
        if any(first - 80 <= t < first for t in self._toc):
            return False
        if any(first - 40 <= h <= last + 15 for h in self._headers):
            return True
        if any(first - 10 <= u <= last + 10 for u in self._units):
            return True
        cues = patterns().cues
        for i in range(max(0, first - 8), last + 1):
            low = self.lines[i].folded.lower()
            if self.lines[i].kind != "prose" and any(c in low for c in cues):
                return True
        return False

    # -- walking -------------------------------------------------------------------------------
    def read(self) -> list[_Table]:
        lines, i = self.lines, 0
        while i < len(lines):
            kind = lines[i].kind
            if kind == "row" or (kind == "name" and self._starts_rows(i)):
                i = self._rows(i)
            elif kind in ("name", "unit"):
                i = self._block(i)
            elif kind == "values":
                i = self._orphans(i)
            else:
                i += 1
        return self.tables

    def _starts_rows(self, i: int) -> bool:
        """A run of name lines (group labels) that leads into rows."""
        j = i
        while j < len(self.lines) and self.lines[j].kind == "name" and j - i < 3:
            j += 1
        return j < len(self.lines) and self.lines[j].kind == "row"

    def _rows(self, i: int) -> int:
        """Consecutive rows, with name lines between them as group labels."""
        lines, rows, group, labels = self.lines, [], "", []
        first = i
        while i < len(lines):
            x = lines[i]
            if x.kind == "row":
                rows.append((self._metric(x.name, group), x.unit, x))
                labels = []
            elif x.kind == "name" and self._starts_rows(i):
                # a label broken over lines ("按性別劃分的員" + "工流失比率") is joined
                joins = labels and (_continues(x.name) or _broken_cjk(labels[-1], x.name))
                labels = labels + [x.name] if joins else [x.name]
                group = _join(labels, self.lang)
            else:
                break
            i += 1
        last = i - 1
        if not rows:
            return i
        table = self.new_table(first, last)
        unitless_ok = (self.in_table(first, last) and (len(rows) > 1 or len(rows[0][2].values) > 1)
                       and not _enumeration([v for _, u, x in rows if not u for v, _ in x.values]))
        for metric, unit, x in rows:
            unitless = not unit and not any(u for _, u in x.values)
            if unitless and (not unitless_ok or self._repeats[_running_key(x)] >= 3 or len(x.name.strip()) < 2):
                continue  # not in a table, or a running page header with its page number
            r = len(table.rows)
            table.rows.append((metric, unit, x))
            for c, (v, u) in enumerate(x.values):
                if v is not None:
                    table.values[(r, c)] = (v, u or unit, x)
            table.filled = max(table.filled, len(x.values))
            self.consumed.add(x.line)
        if table.rows:
            self._keep(table)
        return i

    def _block(self, i: int) -> int:
        """Names, then units, then values: one row broken over lines, or columns in series."""
        first = i
        names, units, vlines, i = self._collect_block(i)
        if not vlines or not names:
            return max(i, first + 1)
        if not units and self._not_a_table(names, vlines, first, i):
            return i
        table = self.new_table(first, i - 1)
        if len(vlines) == 1 and len(units) <= 1:
            self._broken_row(table, names, units, vlines[0])
        else:
            self._series(table, names, units, vlines)
        if table.rows:
            self._keep(table)
        return i

    def _collect_block(self, i: int) -> tuple[list, list, list, int]:
        lines = self.lines
        names, units, vlines = [], [], []
        while i < len(lines) and lines[i].kind == "name":
            names.append(lines[i])
            i += 1
        while i < len(lines) and lines[i].kind == "unit":
            units.append(lines[i])
            i += 1
        # a unit broken over lines: "千克標煤/營業收入" + "（萬元）"
        if (units and i + 1 < len(lines) and lines[i].kind == "name" and len(lines[i].text) <= 8
                and lines[i + 1].kind == "values" and re.search(r"[/／╱]", units[-1].text)):
            units[-1] = _Line(units[-1].text + lines[i].text, "", units[-1].start, units[-1].line, "unit")
            i += 1
        while i < len(lines) and lines[i].kind == "values":
            vlines.append(lines[i])
            i += 1
        return names, units, vlines, i

    def _not_a_table(self, names: list, vlines: list, first: int, end: int) -> bool:
        """Names and numbers with no unit that are something else than a table."""
        values = [v for vl in vlines for v, _ in vl.values]
        return (
            not self.in_table(first, end - 1)
            or all(_looks_like_year(v) for v in values)  # "January" + "2018"
            or (len(vlines) == 1 and _page_spread(vlines[0].values))  # "榮譽獎項" + "10 11"
            or (len(vlines) == 1 and not self._next_to_rows(first, end))  # a lone icon number
            or _enumeration(values)  # a numbered legend of topics
            or len(names[-1].name) < 2  # letters of vertical text
        )

    def _broken_row(self, table: _Table, names: list, units: list, vline: _Line) -> None:
        """One row: its name (perhaps on two lines), its unit, its values on a line."""
        used = names[-2:] if _continues(names[-1].text) and len(names) > 1 else names[-1:]
        unit = units[0].text if units else ""
        table.rows.append((_join([n.name for n in used], self.lang), unit, vline))
        for c, (v, u) in enumerate(vline.values):
            if v is not None:
                table.values[(0, c)] = (v, u or unit, vline)
        table.filled = len(vline.values)
        self.consumed.update(x.line for x in used + units + [vline])

    def _series(self, table: _Table, names: list, units: list, vlines: list) -> None:
        """Rows whose names, units and values each come as a run of lines. With one unit
        per row, the names before the rows' own are section labels and are dropped."""
        rows = names[-len(units):] if units and len(units) <= len(names) else names
        row_units = [u.text for u in units[-len(rows):]] if units else []
        row_units = [""] * (len(rows) - len(row_units)) + row_units
        for x, u in zip(rows, row_units):
            table.rows.append((x.name, u, x))
        widths = {len(v.values) for v in vlines}
        if len(vlines) == len(rows) and len(widths) == 1 and widths.pop() > 1:  # values row-wise
            for r, vl in enumerate(vlines):
                for c, (v, u) in enumerate(vl.values):
                    if v is not None:
                        table.values[(r, c)] = (v, u or row_units[r], vl)
            table.filled = len(vlines[0].values)
        else:  # a column after another
            flat = [(v, u, vl) for vl in vlines for v, u in vl.values]
            cols = len(flat) // len(rows)
            if table.periods:
                cols = min(cols, len(table.periods))
            if cols == 0:
                table.rows.clear()
                return
            self._fill(table, flat[: cols * len(rows)], cols)
            if flat[cols * len(rows):]:
                self._fill_pending(flat[cols * len(rows):])
        self.consumed.update(x.line for x in rows + units + vlines)

    def _next_to_rows(self, first: int, end: int) -> bool:
        """Whether a row sits right before ``first`` or right at ``end``."""
        near = [self.lines[k] for k in (first - 1, end) if 0 <= k < len(self.lines)]
        return any(x.kind == "row" for x in near)

    def _orphans(self, i: int) -> int:
        """Values with no names before them: the missing column of an earlier table."""
        lines, flat, used = self.lines, [], []
        while i < len(lines) and lines[i].kind == "values":
            flat.extend((v, u, lines[i]) for v, u in lines[i].values)
            used.append(lines[i])
            i += 1
        if self._fill_pending(flat):
            self.consumed.update(x.line for x in used)
        return i

    def _fill(self, table: _Table, flat: list, cols: int) -> None:
        n = len(table.rows)
        for c in range(cols):
            for r in range(n):
                v, u, vl = flat[c * n + r]
                if v is not None:
                    table.values[(r, table.filled + c)] = (v, u or table.rows[r][1], vl)
        table.filled += cols

    def _fill_pending(self, flat: list) -> bool:
        for table in reversed(self.pending[-4:]):
            n = len(table.rows)
            missing = len(table.periods) - table.filled
            if n and len(flat) % n == 0 and 0 < len(flat) // n <= missing:
                self._fill(table, flat, len(flat) // n)
                if table.filled >= len(table.periods):
                    self.pending.remove(table)
                return True
        return False

    def _keep(self, table: _Table) -> None:
        self.tables.append(table)
        if len(table.periods) > table.filled:
            self.pending.append(table)

    def _metric(self, name: str, group: str) -> str:
        """A short generic row name (男性, Male) is read with its group label."""
        generic = len(_CJK.findall(name)) <= 3 and len(name.split()) <= 2 if _CJK.search(name) else len(name.split()) <= 1
        return _join([group, name], self.lang) if group and generic else name


def _enumeration(nums: list) -> bool:
    """Items numbered 1, 2, 3 (a list of topics or a matrix legend), not figures."""
    if len(nums) < 3:
        return False
    steps = sum(1 for a, b in zip(nums, nums[1:]) if a is not None and b is not None and b == a + 1)
    return steps >= len(nums) - 2


def _page_spread(values: list) -> bool:
    """Two facing page numbers ("10 11")."""
    if len(values) != 2 or any(v is None or u for v, u in values):
        return False
    a, b = (v for v, _ in values)
    return a == a.to_integral_value() and b == a + 1


def _running_key(line: _Line) -> str:
    """A line without its trailing number: the same for every page of a running header."""
    return re.sub(r"[\s\d]+$", "", line.folded)


def _broken_cjk(prev: str, cur: str) -> bool:
    """A Chinese label cut by the column width: a long line, then a short rest
    ("按性別劃分的員" + "工流失比率"); short labels ("環境", "廢氣排放物") are whole."""
    return bool(_CJK.match(cur)) and len(prev) >= 6 and len(cur) <= 8


def _continues(text: str) -> bool:
    """A name line that carries on the one before: "(online and offline)", "工流失比率"."""
    return bool(re.match(r"[（(a-z]", text))


def _join(parts: list[str], lang: str) -> str:
    out = ""
    for p in (x for x in parts if x):
        if out and not (_CJK.match(p[0]) and _CJK.search(out[-1])):
            out += " "
        out += p
    return out


# ---------------------------------------------------------------------------------------------
# sentences


_ZH_CLAUSE = re.compile(r"[，。；！？：;!?:\n]|,(?!\d{3})")
_EN_CLAUSE = re.compile(r"[;:!?](?=\s|$)|[,.](?=\s|$)|\(|\)")
_STOP = {"the", "and", "our", "its", "their", "was", "were", "with", "for", "from", "that", "this",
         "which", "whom", "had", "has", "have", "more", "than", "total", "over", "about", "during"}


def _trim(text: str, start: int, end: int, rules) -> tuple[int, int]:
    """Narrow [start, end) of ``text`` by trimming lead/tail rule matches until none applies."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start].isspace():
            start += 1
        for rx in rules:
            seg = text[start:end]
            m = rx.search(seg)
            if m and m.group() and (m.start() == 0 or m.end() == len(seg)):
                if m.start() == 0:
                    start += m.end()
                else:
                    end = start + m.start()
                changed = True
    while start < end and text[start] in " 　、的和及与":
        start += 1
    while end > start and text[end - 1] in " 　、":
        end -= 1
    return start, end


@dataclass
class _Figure:
    unit: str
    name_end: int  # where the words naming the figure end (before 萬分之 or the number)
    end: int  # end of number and unit
    metric: str = ""  # set when the phrase itself names the figure ("the number of X was N")
    counted: bool = False  # English: a counted noun follows the number ("600 ... workers")


def _clause_start(f: str, pos: int, delimiters: re.Pattern, after_figures: bool = True) -> int:
    """Start of the clause that ends at ``pos``: after the last delimiter, and after any
    earlier figure in it ("員工參與培訓共3,200人次" names only its own figure)."""
    start = 0
    for m in delimiters.finditer(f, 0, pos):
        start = m.end()
    if after_figures:
        cut = start
        for m in re.finditer(_NUM, f[start:pos]):
            end = start + m.end()
            um = patterns().prose_unit.match(f[end:pos])
            if um:
                cut = end + um.end()
        start = cut
    return start


_PROSE_NUMBER = re.compile(rf"(?<![A-Za-z0-9_./*×\-~～#])({_NUM})(?![\d.,]\d|[\-~～]\d|[A-Za-z])")


def _not_a_figure(f: str, a: int, b: int) -> bool:
    """Numbers of a sentence that are no figure: ordinals (第5份), dates and ages (2022年,
    3月, 50歲), ranges and their bounds (30-50, < 35), section numbers ("3.2 人才發展")."""
    before, after = f[:a], f[b:]
    return bool(
        before.endswith("第")
        or re.match(r"\s?(?:年|月|日|号|岁|周岁|届|期)", after)
        or re.search(r"(?:[\-~～至到]|\d\s?[\-~～])\s?$", before)
        or re.search(r"[<>≤≥＜＞]\s?$", before)
        or (a == 0 and re.fullmatch(r"\d{1,2}(?:\.\d{1,2})*", f[a:b]) and re.match(r"\s+[\u4e00-\u9fffA-Z]", after))
    )


def _content(words) -> list[str]:
    return [w for w in words if len(w) >= 3 and w.isalpha() and w.lower() not in _STOP]


class _ProseReader:
    def __init__(self, ctx, consumed: set[int], default_period: str):
        self.ctx = ctx
        self.consumed = consumed
        self.default_period = default_period
        self.lang = ctx.document.language

    def read(self) -> list[Observation]:
        out: list[Observation] = []
        sents = self.ctx.sentences
        for k, s in enumerate(sents):
            nxt = sents[k + 1].text if k + 1 < len(sents) else ""
            out.extend(self._sentence(s, nxt))
        return out

    def _sentence(self, s, next_text: str) -> list[Observation]:
        text = s.text
        f = fold(text)
        if not re.search(r"\d", f):
            return []
        period = self._period(f, text)
        out = []
        taken_until = 0
        for m in _PROSE_NUMBER.finditer(f):
            a, b = m.span(1)
            value = parse_number(m.group(1))
            if a < taken_until or value is None or _not_a_figure(f, a, b):
                continue
            fig = self._unit(f, text, a, b, next_text)
            if fig is None or self.ctx.document.line_at(s.start + a) in self.consumed:
                continue
            if _looks_like_year(value) and not fig.unit:
                continue
            metric = fig.metric or self._metric(s, f, text, fig)
            if not metric:
                continue
            taken_until = fig.end
            out.append(
                Observation(metric, value, fig.unit, period, language_of(metric, self.lang),
                            Evidence(text.strip(), s.line))
            )
        return out

    def _unit(self, f: str, text: str, a: int, b: int, next_text: str) -> _Figure | None:
        """The unit of the number at [a, b), or None when it has none (then it is no figure)."""
        p = patterns()
        m = p.unit_prefix.search(f[:a])
        if m:
            return _Figure(text[m.start(1):m.end(1)], m.start(1), b)
        after = f[b:]
        if not after.strip() and next_text:  # "時長為 26.83" + "小時。" on the next line
            nf = fold(next_text)
            um = p.prose_unit.match(nf)
            if um and um.start(1) <= 1 and not re.match(r"[A-Za-z]", nf[um.end():um.end() + 1]):
                return _Figure(next_text[um.start(1):um.end(1)].strip(), a, b)
        um = p.prose_unit.match(after)
        if um:
            unit = text[b + um.start(1):b + um.end(1)].strip()
            if re.fullmatch(r"[A-Za-z$]+", unit) and not re.match(r"\s", after):
                return None
            return _Figure(unit, a, b + um.end(1))
        if self.lang == "en":
            sm = re.match(r"\s(million|billion|thousand)(?![A-Za-z])", after, re.I)
            scale = sm.group(1) + " " if sm else ""
            rest = after[sm.end():] if sm else after
            cm = p.count_noun.match(rest)
            if cm:
                return _Figure(scale + cm.group(1), a, b + (sm.end() if sm else 0), counted=True)
            if sm:
                return _Figure(sm.group(1), a, b + sm.end())
            pm = p.count_phrase.search(f[max(0, a - 120):a])
            if pm:
                return _Figure("", a, b, "number of " + pm.group(1).strip())
        return None

    def _metric(self, s, f: str, text: str, fig: _Figure) -> str:
        """The clause before the figure, trimmed of time phrases, subjects and verbs."""
        p = patterns()
        start = _clause_start(f, fig.name_end, _ZH_CLAUSE)
        clause = f[start:fig.name_end]
        if self.lang == "en" or (re.search(r"[A-Za-z]{3,}", clause) and not _CJK.search(clause)):
            return self._metric_en(f, text, fig)
        for mention in s.mentions:  # "阿里健康共有員工1,849人": the reporter is no part of the name
            ms, me = mention.start - s.start, mention.end - s.start
            if mention.type in ("Company", "Organization") and ms <= start + 1 < me + 1 and me <= fig.name_end:
                start = me
        st, en = _trim(f, start, fig.name_end, p.lead_trim + p.tail_trim)
        before = re.sub(r"^[\s•●○■◆▪·\-–—*]+", "", text[st:en]).strip()[-24:]
        after = ""
        if fig.unit.lstrip("余多万千百亿") in p.counters or fig.unit in p.scales or not before:
            # "共有221家非經營性採購供應商與...": what is counted follows the counter
            stop = _ZH_CLAUSE.search(f, fig.end)
            seg_end = stop.start() if stop else len(f)
            cut = re.search(r"[与和在为对从向将被把并及\d]|进行|开展", f[fig.end:seg_end])
            seg_end = fig.end + cut.start() if cut else seg_end
            if 0 < seg_end - fig.end <= 12:
                after = text[fig.end:seg_end].strip().lstrip("的")
        metric = (before + after).strip()
        return metric if len(_CJK.findall(metric)) >= 2 or _LATIN_WORD.search(metric) else ""

    def _metric_en(self, f: str, text: str, fig: _Figure) -> str:
        """What follows "of" (or the counted noun) names the figure ("353.7 tons of carbon
        dioxide equivalent", "600 Alibaba Health workers participated"); otherwise the clause
        before it does, or the clause before that when its own is bare ("..., totaling 729")."""
        p = patterns()
        rules = p.lead_trim + p.tail_trim
        st, en = _trim(f, _clause_start(f, fig.name_end, _EN_CLAUSE), fig.name_end, rules)
        before = text[st:en].split()
        stop = min([m.start() for m in _EN_CLAUSE.finditer(f, fig.end)] + [len(f)])
        tail = text[fig.end:stop]
        cut = re.search(r"\s(?:with|and|through|during|while|which|compared|than|per cent)\s|\d", tail)
        tail = tail[: cut.start()] if cut else tail
        of = re.match(r"\s*of\s+", tail)
        if fig.counted or (of and tail[of.end():].strip()):
            words = before[-3:] + tail[of.end() if of else 0:].split()[:8]
        else:
            words = before[-8:]
            clause = _clause_start(f, fig.name_end, _EN_CLAUSE, after_figures=False)
            if len(_content(words)) < 2 and clause > 1:
                ps, pe = _trim(f, _clause_start(f, clause - 1, _EN_CLAUSE, after_figures=False), clause - 1, rules)
                prev = [w for w in text[ps:pe].split() if not re.fullmatch(rf"{_NUM}%?", w)]
                words = prev[-8:] + words + tail.split()[:4]
        metric = " ".join(words).strip(" ,.;()")
        metric = re.sub(r"^(?:(?:a|an|the|and|of|with|in|to|by|for|at|as)\s+)+", "", metric, flags=re.I)
        metric = re.sub(r"(?<=[a-z])\d$", "", metric)  # footnote mark: "emissions2"
        return metric if _content(metric.split()) else ""

    def _period(self, f: str, text: str) -> str:
        m = re.search(r"(?:fy|fiscal year|financial year|in)\s?((?:19|20)\d{2})|((?:19|20)\d{2})\s?(?:财年|年度|年)", f, re.I)
        if not m:
            return self.default_period
        year = m.group(1) or m.group(2)
        return _period_label(text[m.start():m.end()], year, self.lang)


# ---------------------------------------------------------------------------------------------


def default_period(report, lang: str) -> str:
    """The report's own year: ``2022財年`` when its period is a financial year, else ``2022``."""
    end = report.period_end or ""
    if not end[:4].isdigit():
        return ""
    year = end[:4]
    start = report.period_start or ""
    if start[:4].isdigit() and start[:4] != year:
        return "FY" + year if lang == "en" else year + ("財年" if lang == "zh-Hant" else "财年")
    return year


def extract_observations(ctx) -> list[Observation]:
    """Every KPI figure the report prints in its tables and KPI sentences."""
    lang = ctx.document.language
    period = default_period(ctx.report, lang)
    lines = [classify(x, lang) for x in document_lines(ctx.document)]
    reader = _TableReader(lines, lang, period)
    out: list[Observation] = []
    for table in reader.read():
        for (r, c), (v, unit, vline) in sorted(table.values.items()):
            metric, _, row_line = table.rows[r]
            if not metric:
                continue
            label = table.periods[c] if c < len(table.periods) else ""
            unit = unit or (table.col_units[c] if c < len(table.col_units) else "")
            sentence = row_line.text if vline is row_line else f"{row_line.text} {vline.text}"
            out.append(Observation(metric, v, unit, label or period, language_of(metric, lang),
                                   Evidence(sentence, vline.line)))
    out.extend(_ProseReader(ctx, reader.consumed, period).read())
    seen, unique = set(), []
    for o in out:
        key = (o.metric, o.value, o.period, o.evidence.line)
        if key not in seen:
            seen.add(key)
            unique.append(o)
    return unique
