"""The report's original lines and what each is: a header with years, a unit, values, a name."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from .patterns import CJK, LATIN_WORD, NUM, SENT_PUNCT, SUPERSCRIPTS, fold, patterns
from .numbers import value_token
from .periods import period_label


@dataclass
class Line:
    text: str  # original script, stripped
    folded: str
    start: int  # offset of text[0] in Document.text
    line: int  # original line number
    kind: str = "prose"  # header | row | values | unit | name | prose | held (a shareholding row)
    name: str = ""
    unit: str = ""
    values: list = field(default_factory=list)  # [(Decimal | None, unit)]
    periods: list | None = None  # header: one label per column ("" = not a year)
    col_units: list = field(default_factory=list)  # header: units named per column (佔比（%）)


def document_lines(document) -> list[Line]:
    """The report's non-empty original lines, with offsets into ``Document.text``."""
    text = document.text
    out: list[Line] = []
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
                out.append(Line(stripped, fold(stripped), off + lead, n))
            off += len(part) + 1
    return out


def _power(text: str, m: re.Match) -> bool:
    """The ² or ³ of a unit (m³, km²), not a footnote mark."""
    return m.group() in "²³" and bool(re.search(r"(?:^|[^A-Za-z])[kcKC]?[mM]$", text[: m.start()]))


def clean_name(name: str) -> str:
    """A row's name without bullets, footnote marks and stray spaces."""
    name = re.sub(f"[{SUPERSCRIPTS}]", lambda m: m.group() if _power(name, m) else "", name)
    name = re.sub(r"^[\s•●○■□◆◇▪·\-–—*]+", "", name)
    name = re.sub(r"\s+", " ", name).strip(" ：:")
    p = patterns()
    m = re.search(r"(?<=[\u4e00-\u9fff）)A-Za-z])\s?\d{1,2}$", name)
    head = fold(name[: m.start()]) if m else ""
    if m and not p.numbered_words.search(head) and not p.band_words.search(head):
        name = name[: m.start()].rstrip()
    return name


# the code of an HKEX or GRI disclosure opening a KPI table's row
_LEAD_CODE = re.compile(r"\s*(?:(?:kpi\s*)?[a-d]\d{1,2}(?:\.\d{1,2})?|gri\s*\d{3}-\d{1,2})(?![\d.])\s+", re.I)
_BAND = re.compile(r"\s*[<>≤≥]?\s?\d{1,3}\s?(?:[-–—~～至到]\s?\d{1,3})?\s?\+?\s*")


def _name_like(folded: str) -> bool:
    """Short enough and plain enough to be a table cell, not a sentence."""
    if SENT_PUNCT.search(folded) or re.search(r"https?:|www\.|@", folded):
        return False
    if not (CJK.search(folded) or LATIN_WORD.search(folded)):
        return False
    cjk = len(CJK.findall(folded))
    words = len(re.findall(r"[A-Za-z]+", folded))
    return cjk <= 32 and words <= 12 and len(folded) <= 70


def _header(line: Line, lang: str) -> list | None:
    """Column labels of a header row (a year per column), [] for a header without years."""
    p = patterns()
    f = line.folded
    years = list(p.year_column.finditer(f))
    rest = f
    for m in reversed(years):
        rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end():]
    tokens = rest.split()
    lowered = [t.lower() for t in tokens]

    def known(t: str) -> bool:
        """A header cell: a short header word, perhaps with a unit in brackets (單位（人）)."""
        bare = re.sub(r"[（(][^）)]{1,8}[）)]$", "", t)
        short = len(bare) <= (8 if CJK.search(bare) else 14)
        return short and (not bare or any(w in bare for w in p.header_words + p.column_words))

    if years:
        if (len(tokens) > 5 or not all(known(t) or _change_word(t) for t in lowered)) \
                and not _titled_header(f, years):
            return None
        if len(years) < 2 and not tokens:
            return None
        columns = [(m.start(), period_label(line.text[m.start():m.end()], m.group(1), lang, m.group(2)))
                   for m in years]
        # a change column after the years ("2023 2022 變動(%)") holds values too
        cells = re.finditer(r"\S+(?:\s?[（(][^）)]{1,8}[）)])?", rest)
        columns += [(m.start(), CHANGE + line.text[m.start():m.end()]) for m in cells
                    if m.start() > years[0].start() and _change_word(m.group().lower())]
        return [label for _, label in sorted(columns)]
    if len(tokens) >= 2 and all(known(t) for t in lowered) and any(
        w in f.lower() for w in ("单位", "指标", "unit", "indicator")
    ):
        return []
    if 2 <= len(tokens) <= 8 and lowered[0] in p.header_leads:
        return []  # "Indicator Consumption Density (...)": column names of a table
    return None


def _titled_header(f: str, years: list) -> bool:
    """A table's title before its year columns ("Green Finance Portfolio (HK$ million) 2024 2023
    2022", "Social Performance 2024 2023 2022"): two or more consecutive years close the line
    (perhaps a bracket after them: "2022 (baseline)"), and the title is no sentence."""
    if len(years) < 2 or any(f[a.end():b.start()].strip() for a, b in zip(years, years[1:])):
        return False
    if not re.fullmatch(r"\s*(?:[（(][^）)]{1,12}[）)])?\s*", f[years[-1].end():]):
        return False
    numbers = [int(m.group(1)) for m in years if len(m.group(1)) == 4 and not m.group(2)]
    if len(numbers) != len(years) or any(abs(a - b) != 1 for a, b in zip(numbers, numbers[1:])) \
            or len({a - b for a, b in zip(numbers, numbers[1:])}) != 1:
        return False
    title = f[:years[0].start()].strip()
    # a footnote mark glued to a word may stand in it ("Financed Emissions2"), no other number
    return bool(title) and len(title) <= 60 and not re.search(
        r"[。，；;:：]|[.,](?:\s|$)|(?<![A-Za-z\u4e00-\u9fff])\d", title)


def _title_unit(line: Line) -> str:
    """A unit in brackets in a header's title: "Green Finance Portfolio (HK$ million) 2024 2023"."""
    first = re.search(r"(?:19|20)\d{2}", line.folded)
    for m in re.finditer(r"[（(]([^（()）]{1,20})[）)]", line.folded[:first.start() if first else 0]):
        if patterns().unit.fullmatch(m.group(1).strip()):
            return line.text[m.start(1):m.end(1)].strip()
    return ""


# a table's unit written once for all its figures: 單位：萬元, (Unit: tonnes), (in HK$'000)
_CAPTION_UNIT = re.compile(
    r"[（(]?\s?(?:单位|计量单位|units?|in)\s?[:：]?\s?([^（()）\s]{1,20}(?:\s\S{1,10})?)\s?[）)]?\s*$", re.I)
_CAPTION = re.compile(r"[（(]?\s?(?:单位|计量单位|units?)\s?[:：].{1,24}|[（(]\s?in\s[^（()）]{1,20}[）)]", re.I)


def caption_unit(line: Line) -> str:
    """The unit a table's caption or header gives all its figures, or ""."""
    for m in _CAPTION_UNIT.finditer(line.folded):
        if patterns().unit.fullmatch(m.group(1).strip()) and (":" in m.group() or "：" in m.group() or "(" in m.group()
                                                               or "（" in m.group()):
            return line.text[m.start(1):m.end(1)].strip()
    return ""


CHANGE = "Δ"  # marks a header's change column among its period labels


def _change_word(token: str) -> bool:
    return any(w in token for w in patterns().change_words)


def _column_units(text: str) -> list[str]:
    """Units a header gives its value columns in brackets: "單位（人） 佔比（%）" -> 人, %."""
    units = [m.group(1) for m in re.finditer(r"[（(]([^）)]{1,8})[）)]", text)
             if patterns().unit.fullmatch(fold(m.group(1)))]
    return units if len(units) >= 2 else []



def classify(line: Line, lang: str) -> Line:
    """Set ``line.kind`` (and name, unit, values, periods) from the line's text."""
    p = patterns()
    f = line.folded
    periods = _header(line, lang)
    if periods is not None:
        line.kind, line.periods = "header", periods
        line.col_units = _column_units(line.text)
        line.unit = caption_unit(line) or _title_unit(line)
        return line
    unit = caption_unit(line)
    if unit and _CAPTION.fullmatch(f.strip()):
        line.kind, line.unit = "caption", unit
        return line
    tokens = list(re.finditer(r"\S+", f))
    values: list = []
    k = len(tokens)
    while k > 0:
        tok = tokens[k - 1].group()
        v = value_token(tok) or _glued(tok, line.text[tokens[k - 1].start():tokens[k - 1].end()])
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
        # "1,234 噸", "1,234 噸 1,100 噸": each value with its own unit
        if (k == len(tokens) or (values and values[0][1])) and k >= 2 and p.unit.fullmatch(tok) \
                and value_token(tokens[k - 2].group()):
            v = value_token(tokens[k - 2].group())
            values.insert(0, (v[0], v[1] or line.text[tokens[k - 1].start():tokens[k - 1].end()]))
            k -= 2
            continue
        break
    if k and values and tokens[k - 1].group() in ("<", ">", "≤", "≥", "＜", "＞", "<=", ">="):
        values = []  # "< 35": a band of a breakdown, its value column empty
    elif k and len(values) > 1 and p.band_words.search(f[:tokens[k - 1].end()]):
        values, k = values[1:], k + 1  # "Under 30 893 874 851": the first number is the band's
    prefix_end = tokens[k - 1].end() if k else 0
    prefix = f[:prefix_end]
    if not values:
        if p.unit.fullmatch(f.strip()):
            line.kind, line.unit = "unit", line.text
        elif _name_like(f) and not p.index_code.search(f):
            line.kind, line.name = "name", clean_name(line.text)
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
        elif re.search(r"[（(]\s?[%％]\s?(?:of|占|佔)[^（()）]{1,40}[）)]\s*$", prefix):
            unit = "%"  # "Portfolio coverage (% of corporate loans)": a share, whatever the table's unit
    name_f = f[:name_end]
    if unit and _BAND.fullmatch(name_f):  # "30-50 persons 2,986 2,851": a band of a breakdown
        line.kind, line.name, line.unit, line.values = "row", name_f.strip(), unit, values
        return line
    code = _LEAD_CODE.match(name_f)
    if code and (unit or any(u for _, u in values)) and not p.index_code.search(name_f, code.end()):
        name_f, lead = name_f[code.end():], code.end()  # "A1.2 Scope 1 emissions tCO2e 1,234": a KPI's code
    else:
        lead = 0
    if (not _name_like(name_f) or p.index_code.search(name_f) or p.standard.search(name_f)
            or p.contact.search(name_f)):
        return line
    if len(values) == 1 and not unit and not values[0][1] and looks_like_year(values[0][0]):
        return line  # "阿里健康 ESG報告 2022": a title with its year
    if p.legal_form.search(name_f) and all((u or unit) in ("%", "％") for _, u in values):
        line.kind = "held"  # "瀾庭酒店管理有限公司 酒店管理 100%": a shareholding, no ESG figure
        return line
    line.kind, line.name, line.unit, line.values = "row", clean_name(line.text[lead:name_end]), unit, values
    return line


def _glued(tok: str, original: str) -> tuple | None:
    """A cell with its unit glued on: ``1,234千瓦時``, ``46.2tonnes``."""
    m = re.fullmatch(rf"([-−]?{NUM})([^\d\s,.]\S*)", tok)
    if not m or not patterns().unit.fullmatch(m.group(2)):
        return None
    v = value_token(m.group(1))
    return (v[0], original[m.start(2):]) if v else None


def looks_like_year(v: Decimal | None) -> bool:
    """1950-2050, or a year and month written 2022.06."""
    if v is None or not 1950 <= v < 2051:
        return False
    month = (v - int(v)) * 100
    return v == v.to_integral_value() or (month == month.to_integral_value() and 1 <= month <= 12)


