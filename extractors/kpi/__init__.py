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

Header cells name a column's year however the report writes it (``2023``, ``FY23``, ``2023/24``,
``二零二三/二四``), or a change column (``變動(%)``); a caption (``單位：萬元``) gives the rows without
a unit theirs. A figure in a sentence takes the year written by it or the nearest one before it
that is no baseline.

Modules: ``patterns`` (compiled from patterns/kpi.yaml), ``numbers``, ``lines`` (what each
original line is), ``tables`` (the table reader), ``prose`` (figures in sentences), ``periods``
(the year a column or a sentence gives a figure).

Units, header words and the phrases trimmed off metric names are data (patterns/kpi.yaml).
Matching runs on text folded to Simplified script with the same length, so a match's offsets
slice the original text for labels in the report's own script.
"""
from __future__ import annotations

import re

from ..model import Evidence, Observation
from ..normalise import language_of
from .lines import CHANGE, classify, document_lines
from .tables import TableReader
from .prose import ProseReader
from .patterns import CJK


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


def _join_words(metric: str, label: str) -> str:
    sep = "" if CJK.search(metric[-1:]) and CJK.search(label[:1]) else " "
    return metric + sep + label


def _change_unit(label: str, unit: str, table, r: int, c: int) -> str:
    """A change column's unit: its own (-5.2%), or % when its header says so, else the row's."""
    own = table.values[(r, c)][1] if (r, c) in table.values else ""
    if own in ("%", "％", "‰"):
        return own
    if re.search(r"[%％]|百分比|percent", label, re.I):
        return "%"
    return unit


def extract_observations(ctx) -> list[Observation]:
    """Every KPI figure the report prints in its tables and KPI sentences."""
    lang = ctx.document.language
    period = default_period(ctx.report, lang)
    lines = [classify(x, lang) for x in document_lines(ctx.document)]
    reader = TableReader(lines, lang, period)
    out: list[Observation] = []
    for table in reader.read():
        for (r, c), (v, unit, vline) in sorted(table.values.items()):
            metric, _, row_line = table.rows[r]
            if not metric:
                continue
            label = table.periods[c] if c < len(table.periods) else ""
            unit = unit or (table.col_units[c] if c < len(table.col_units) else "") or table.unit
            if label.startswith(CHANGE):  # "變動(%)": the change of the metric over the latest year
                metric, unit = _join_words(metric, label[1:]), _change_unit(label, unit, table, r, c)
                label = next((x for x in table.periods if x and not x.startswith(CHANGE)), "")
            sentence = row_line.text if vline is row_line else f"{row_line.text} {vline.text}"
            out.append(Observation(metric, v, unit, label or period, language_of(metric, lang),
                                   Evidence(sentence, vline.line)))
    out.extend(ProseReader(ctx, reader.consumed, period).read())
    seen, unique = set(), []
    for o in out:
        key = (o.metric, o.value, o.period, o.evidence.line)
        if key not in seen:
            seen.add(key)
            unique.append(o)
    return unique
