"""The table reader: rows, rows broken over lines, and columns printed one after another."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .patterns import CJK, fold, patterns
from .lines import Line, clean_name, looks_like_year


@dataclass
class _Table:
    rows: list  # [(metric, unit, Line)]
    periods: list  # header labels, [] when the table has no year header
    filled: int  # columns read so far
    values: dict = field(default_factory=dict)  # (row, col) -> (Decimal, unit, Line)
    col_units: list = field(default_factory=list)
    unit: str = ""  # the unit a caption gives the table's figures without their own


class TableReader:
    """Walks the classified lines once, collecting the tables' figures."""

    def __init__(self, lines: list[Line], lang: str, default_period: str):
        self.lines = lines
        self.lang = lang
        self.default_period = default_period
        self.pending: list[_Table] = []
        self.tables: list[_Table] = []
        # a shareholding row is read by no one, neither as a table row nor as a sentence
        self.consumed: set[int] = {x.line for x in lines if x.kind == "held"}
        self._headers = [i for i, x in enumerate(lines) if x.kind == "header"]
        self._units = [i for i, x in enumerate(lines) if x.kind == "unit" or (x.kind == "row" and x.unit)]
        self.headers_follow = self._headers_follow()
        self._repeats = Counter(_running_key(x) for x in lines if x.kind == "row")
        self._toc = [i for i, x in enumerate(lines) if _toc_line(x)]

    # -- context -------------------------------------------------------------------------------
    def header_for(self, first: int, last: int) -> Line | None:
        """Labels of the nearest header row, looked for first on the side where this
        document puts its headers (``_headers_follow``), without crossing prose."""
        before = self._header_near(range(first - 1, max(-1, first - 60), -1))
        after = self._header_near(range(last + 1, min(len(self.lines), last + 40)))
        first_choice, second = (after, before) if self.headers_follow else (before, after)
        return first_choice if first_choice is not None else second

    def new_table(self, first: int, last: int) -> _Table:
        header = self.header_for(first, last)
        table = _Table([], header.periods if header else [], 0, col_units=header.col_units if header else [])
        table.unit = header.unit if header else ""
        for k in range(first - 1, max(-1, first - 8), -1):  # a caption above: 單位：萬元
            if self.lines[k].kind == "prose":
                break
            if self.lines[k].kind == "caption":
                table.unit = self.lines[k].unit
                break
        return table

    def _header_near(self, indices) -> Line | None:
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
        if any(first - 80 <= t <= first for t in self._toc):
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
        breakdown = ""  # "By gender" of a row "By gender Male": the label of the rows under it
        first = i
        while i < len(lines):
            x = lines[i]
            if x.kind == "row":
                rows.append((self._metric(x.name, breakdown or group), x.unit, x))
                labels = []
                breakdown = _breakdown(x.name) or (breakdown if _generic(x.name) else "")
            elif x.kind == "name" and self._starts_rows(i):
                # a label broken over lines ("按性別劃分的員" + "工流失比率") is joined
                joins = labels and (_continues(x.name) or _broken_cjk(labels[-1], x.name))
                labels = labels + [x.name] if joins else [x.name]
                group, breakdown = _join(labels, self.lang), ""
            else:
                break
            i += 1
        last = i - 1
        if not rows or any(first - 3 <= t <= first for t in self._toc):
            return i  # the entries of a table of contents, with their pages
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
        if names and units:
            _unit_from_name(names[-1], units)
        # a unit broken over lines: "千克標煤/營業收入" + "（萬元）"
        if (units and i + 1 < len(lines) and lines[i].kind == "name" and len(lines[i].text) <= 8
                and lines[i + 1].kind == "values" and re.search(r"[/／╱]", units[-1].text)):
            units[-1] = Line(units[-1].text + lines[i].text, "", units[-1].start, units[-1].line, "unit")
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
            or all(looks_like_year(v) for v in values)  # "January" + "2018"
            or (len(vlines) == 1 and _page_spread(vlines[0].values))  # "榮譽獎項" + "10 11"
            or (len(vlines) == 1 and not self._next_to_rows(first, end))  # a lone icon number
            or _enumeration(values)  # a numbered legend of topics
            or len(names[-1].name) < 2  # letters of vertical text
        )

    def _broken_row(self, table: _Table, names: list, units: list, vline: Line) -> None:
        """One row: its name (perhaps on two lines), its unit, its values on a line."""
        used = names[-2:] if _continues(names[-1].text) and len(names) > 1 else names[-1:]
        name = _join([n.name for n in used], self.lang)
        unit = units[0].text if units else ""
        if not unit:  # "溫室氣體排放總量（噸二氧化碳當量）" over its values
            name, unit = _paren_unit(name)
        table.rows.append((name, unit, vline))
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
        for k, (x, u) in enumerate(zip(rows, row_units)):
            name, u = _paren_unit(x.name) if not u else (x.name, u)
            row_units[k] = u
            table.rows.append((name, u, x))
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
        return _join([group, name], self.lang) if group and _generic(name) else name


def _generic(name: str) -> bool:
    """A row name too short to stand alone: an item of a breakdown (男性, Female, 30-50)."""
    if CJK.search(name):
        return len(CJK.findall(name)) <= 3 and len(name.split()) <= 2
    return len(name.split()) <= 1


_BREAKDOWN = re.compile(r"(按\S{1,8})\s+\S|([Bb]y(?:\s[a-z][\w\-]*){1,3})\s+[A-Z0-9<>≤≥]")


def _breakdown(name: str) -> str:
    """The breakdown a row name opens with ("按性別劃分 男性", "By age Under 30")."""
    m = _BREAKDOWN.match(name)
    return (m.group(1) or m.group(2)) if m else ""


def _paren_unit(name: str) -> tuple[str, str]:
    """A name with its unit in brackets at its end: ("溫室氣體排放總量", "噸二氧化碳當量")."""
    m = patterns().paren_unit_at_end.search(fold(name))
    if m and m.start() > 0:
        return name[: m.start()].rstrip(), name[m.start(1):m.end(1)]
    return name, ""


def _toc_line(line: Line) -> bool:
    """A table of contents' title (目錄, CONTENTS), or the header of an index whose last
    column gives pages ("... Section Page", "章節 頁碼"): the numbers under it are pages."""
    p = patterns()
    low = line.folded.strip().lower()
    if p.toc.fullmatch(low) or p.toc.fullmatch(low.replace(" ", "")):
        return True
    words = low.split()
    return 2 <= len(words) <= 16 and words[-1] in p.page_words


def _unit_from_name(name: Line, units: list) -> None:
    """A unit broken after its slash, its start left on the name line: "排放強度 噸二氧化碳當量/"
    + "平方米" is the name 排放強度 and the unit 噸二氧化碳當量/平方米."""
    m = re.search(r"(?<=\s)(\S+[/／╱])$", name.text)
    if not m:
        return
    head = m.group(1)
    whole = head + units[0].text
    if patterns().unit.fullmatch(fold(whole)):
        units[0] = Line(whole, fold(whole), units[0].start, units[0].line, "unit", unit=whole)
        name.name = clean_name(name.text[: m.start()])


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


def _running_key(line: Line) -> str:
    """A line without its trailing number: the same for every page of a running header."""
    return re.sub(r"[\s\d]+$", "", line.folded)


def _broken_cjk(prev: str, cur: str) -> bool:
    """A Chinese label cut by the column width: a long line, then a short rest
    ("按性別劃分的員" + "工流失比率"); short labels ("環境", "廢氣排放物") are whole."""
    return bool(CJK.match(cur)) and len(prev) >= 6 and len(cur) <= 8


def _continues(text: str) -> bool:
    """A name line that carries on the one before: "(online and offline)", "工流失比率"."""
    return bool(re.match(r"[（(a-z]", text))


def _join(parts: list[str], lang: str) -> str:
    out = ""
    for p in (x for x in parts if x):
        if out and not (CJK.match(p[0]) and CJK.search(out[-1])):
            out += " "
        out += p
    return out


