"""The period a figure covers: a table column's year, or the year a sentence gives its figure."""
from __future__ import annotations

import re

from .patterns import patterns


def period_label(text: str, year: str, lang: str, end: str | None = None) -> str:
    """``2022財年``, ``FY2018`` or ``2024`` from a header's or sentence's year words. A year
    written over two calendar years (2023/24) is the financial year named by its end, as
    the report's own period is."""
    if len(year) == 2:  # FY23
        year = "20" + year
    if end:
        last = year[:4 - len(end)] + end
        if int(last) == int(year) + 1:
            if lang == "en":
                return "FY" + last
            return last + ("財年" if lang == "zh-Hant" else "财年")
    if re.search(r"財年|财年|財政年度|财政年度", text):
        return year + ("財年" if "財" in text else "财年")
    if re.search(r"fy|fiscal|financial", text, re.I):
        return "FY" + year
    return year


_YEAR = re.compile(r"(?:fy|fiscal year|financial year|(?<![a-z])in|during|for)\s?((?:19|20)\d{2})(?:[/／\-](\d{2}))?(?!\d)"
                   r"|((?:19|20)\d{2})(?:[/／\-](\d{2}))?\s?(?:财年|财政年度|年度|年)", re.I)


def sentence_years(f: str) -> list[re.Match]:
    """The years a (folded) sentence names: ``2022财年``, ``in 2023``, ``2023/24年度``."""
    return list(_YEAR.finditer(f))


def figure_period(years: list, f: str, text: str, a: int, b: int, lang: str, default: str) -> str:
    """The year of the figure at [a, b): one written right after it ("12.9% in 2022", "11.6%
    （2023年）"), else the nearest one before it that is no baseline or starting point
    ("較二零一九/二零年度", "since 2012", "與…年度基準相比"), else the report's own."""
    p = patterns()
    for m in years:
        if b <= m.start() <= b + 3 and re.fullmatch(r"\s?[（(]?\s?", f[b:m.start()]):
            return _label(m, text, lang)
    for m in reversed([m for m in years if m.end() <= a]):
        if re.fullmatch(r"\s?的?\s?", f[m.end():a]):
            return _label(m, text, lang)  # "由2022年的12.9%": the year of this very figure
        if not (p.baseline_before.search(f[max(0, m.start() - 16):m.start()]) or p.baseline_after.match(f, m.end())
                or _in_brackets(f, m.start(), a)):
            return _label(m, text, lang)
    return default


def _label(m: re.Match, text: str, lang: str) -> str:
    return period_label(text[m.start():m.end()], m.group(1) or m.group(3), lang, m.group(2) or m.group(4))


def _in_brackets(f: str, pos: int, end: int) -> bool:
    """Whether ``pos`` sits in brackets closed before ``end``: an aside ("（覆蓋 2021 年 4 月
    -2022 年 3 月）") names no figure's period."""
    opened = max(f.rfind("(", 0, pos), f.rfind("（", 0, pos))
    closed = max(f.rfind(")", 0, pos), f.rfind("）", 0, pos))
    return opened > closed and bool(re.search(r"[)）]", f[pos:end]))
