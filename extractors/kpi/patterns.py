"""The compiled KPI patterns (units, headers, trims) from patterns/kpi.yaml, and text folding."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..components.base import load_patterns
from ..normalise import to_simplified


_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰⁺"
NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
SENT_PUNCT = re.compile(r"[，。；！？;!?]|,(?!\d)|\.\s*$")


_CN_DIGITS = str.maketrans("零〇一二三四五六七八九", "00123456789")
_CN_YEAR = re.compile(r"(?:一九|二[零〇])[零〇一二三四五六七八九]{2}(?:[/／][零〇一二三四五六七八九]{2})?")


def fold(text: str) -> str:
    """Simplified script, half-width, years in Chinese numerals as digits (二零二三/二四 ->
    2023/24, the way Hong Kong reports head their year columns): same length as ``text``,
    for matching only."""
    f = to_simplified(text).translate(_FULLWIDTH)
    if "零" in f or "〇" in f or "九" in f:
        f = _CN_YEAR.sub(lambda m: m.group().translate(_CN_DIGITS), f)
    return f


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _words(words) -> str:
    """An alternation whose Latin words match whole words only."""
    return "|".join(rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z])" if re.search(r"[A-Za-z]", w) else re.escape(w)
                    for w in sorted(set(words), key=len, reverse=True))


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
    change_words: tuple
    placeholders: frozenset
    toc: re.Pattern
    page_words: frozenset
    index_code: re.Pattern
    standard: re.Pattern
    contact: re.Pattern
    legal_form: re.Pattern  # 有限公司, Limited: a company's name
    numbered_words: re.Pattern
    band_words: re.Pattern
    cues: tuple
    lead_trim: tuple
    tail_trim: tuple
    count_noun: re.Pattern
    currency_before: re.Pattern  # RMB, HK$ written before a number
    scale_after: re.Pattern  # "million" after a number
    change_verb: re.Pattern  # 下降, fell: a percentage after it is a change
    link_words: re.Pattern  # change verbs, years and function words: what names no metric
    phrase_stop: re.Pattern  # a phrase after a unit starting so names nothing (以上, 來自)
    baseline_before: re.Pattern  # a year after these words is a baseline or a start
    baseline_after: re.Pattern  # ... and so is one before these
    ratio_before: re.Pattern  # a ratio's name and its verb before a unitless figure
    uncounted: frozenset
    count_phrase: re.Pattern


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    """The compiled KPI patterns (loaded once)."""
    p = load_patterns("kpi")
    latin = [u for u in p["units"] if not CJK.search(u) and re.search(r"[A-Za-z]", u)]
    cjk = [u for u in p["units"] if u not in latin]
    scale = f"(?:{_alternation(p['counter_scales'])})?"
    counted = f"{scale}(?:{_alternation(p['counters'])})"
    # "million m³", "RMB million", "HK$'000": an English scale word on either side of a unit
    lscale = f"(?:{_alternation(p['latin_scales'])})"
    latin_unit = f"(?:{lscale}\\s?)?(?:{_alternation(latin)})(?:\\s?{lscale})?(?![A-Za-z])"
    core = (
        f"(?:{'|'.join(p['unit_regexes'])}|{scale}(?:{_alternation(cjk)})"
        f"|{counted}|{latin_unit})"
    )
    denominator = (rf"(?:\s?[/／╱]\s?(?:(?:{lscale}\s)?[^\s\d/／╱()（）]{{1,12}}(?:\s{lscale}(?![A-Za-z]))?"
                   rf"(?:\s?[（(][^）)\d]{{1,10}}[）)])?"
                   rf"|[（(][^）)\d]{{1,10}}[）)]))")
    unit = f"{core}{denominator}?"
    prose_cjk = [u for u in cjk if u not in p["table_only_units"]]
    prose_latin = [u for u in latin if u not in p["table_only_units"]]
    prose_core = (
        f"(?:{'|'.join(p['unit_regexes'])}|(?:余|多)?{scale}(?:{_alternation(prose_cjk)})|(?:余|多)?{counted}"
        f"|\\s?(?:{lscale}\\s)?(?:{_alternation(prose_latin)})(?![A-Za-z])"
        f"|(?:{_alternation(p['prose_scale_units'])})(?=[,.;:!?，。；：、\\s)）]|$))"
    )
    return _Patterns(
        unit=re.compile(unit, re.I),
        unit_at_end=re.compile(rf"(?:(?<=\s)|(?<=^))({unit})\s*$", re.I),
        paren_unit_at_end=re.compile(rf"\s?[（(](?:in\s|单位[:：]?\s?)?({unit})[）)]\s*$", re.I),
        prose_unit=re.compile(rf"\s?({prose_core}(?:[/／╱][^\s\d，。；,;、/／╱]{{1,4}})?)", re.I),
        unit_prefix=re.compile(rf"({_alternation(p['unit_prefixes'])})\s?$"),
        counters=frozenset(p["counters"]),
        scales=frozenset(p["prose_scale_units"]),
        year_column=re.compile(rf"(?<!\S){p['year_column']}(?!\S)", re.I),
        header_words=tuple(p["header_words"]),
        header_leads=frozenset(p["header_leads"]),
        column_words=tuple(p["header_column_words"]),
        change_words=tuple(p["change_words"]),
        placeholders=frozenset(p["placeholders"]),
        toc=re.compile("|".join(re.escape(w) for w in p["toc_words"]), re.I),
        page_words=frozenset(p["page_words"]),
        index_code=re.compile("|".join(p["index_codes"]), re.I),
        contact=re.compile(_alternation(p["contact_words"]), re.I),
        legal_form=re.compile(rf"(?:{_alternation(p['legal_forms'])})(?![A-Za-z])", re.I),
        standard=re.compile(rf"(?<![A-Za-z])(?:{_alternation(p['standard_prefixes'])})\s*[:：-]?\s*$", re.I),
        numbered_words=re.compile(rf"(?<![A-Za-z])(?:{_alternation(p['numbered_words'])})\s?$", re.I),
        band_words=re.compile(rf"(?<![A-Za-z])(?:{_alternation(p['band_words'])})\s?$", re.I),
        cues=tuple(p["table_cues"]),
        lead_trim=tuple(re.compile(x, re.I) for x in p["metric_lead_trim"]),
        tail_trim=tuple(re.compile(x, re.I) for x in p["metric_tail_trim"]),
        count_noun=re.compile(
            rf"^\s(?:[A-Za-z’'\-]+\s){{0,3}}?({_alternation(p['count_nouns'])})(?![A-Za-z])", re.I
        ),
        count_phrase=re.compile(p["count_phrase"], re.I),
        uncounted=frozenset(p["uncounted_nouns"]),
        change_verb=re.compile(
            rf"(?:{_words(p['change_verbs'])})(?!\s?(?:from|to)(?![A-Za-z]))(?!\s?[至到])", re.I
        ),
        link_words=re.compile(
            rf"(?:19|20)\d{{2}}\s?(?:财年|财政年度|年度|年)?|fy\s?\d{{2,4}}|[降升增减提]\S?至"
            rf"|{_words(p['change_verbs'] + p['link_words'])}",
            re.I,
        ),
        phrase_stop=re.compile(_alternation(p["phrase_stops"])),
        baseline_before=re.compile(
            rf"(?:{_alternation(p['baseline_before'])})\s?(?:the\s)?(?:fy\s?|fiscal year\s|financial year\s)?$", re.I
        ),
        baseline_after=re.compile(rf"\s?的?(?:{_alternation(p['baseline_after'])})(?![A-Za-z])", re.I),
        currency_before=re.compile(rf"(?<![A-Za-z])({_alternation(p['currency_prefixes'])})\s?$"),
        scale_after=re.compile(rf"\s?({lscale}|{_alternation(p['prose_scale_units'])})(?![A-Za-z])", re.I),
        ratio_before=re.compile(
            rf"(?:{_alternation(p['ratio_heads'])})(?![A-Za-z])\s?(?:{_alternation(p['ratio_verbs'])})\s?$", re.I
        ),
    )


