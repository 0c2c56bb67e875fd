"""Layout repair: text extracted from a PDF -> paragraphs, headings and table rows.

PDF text extraction breaks sentences at the printed line width, mashes table columns into
one line, and repeats page headers and footers. These pure functions undo that on a list of
original lines and keep, for every character of the repaired text, the file line it came
from (provenance for evidence).

The rules are layout rules, not report rules:

- a line is joined to the next when it does not end a sentence and either the extractor
  marked the wrap (trailing space, hyphen, comma) or the line is as wide as its column
  (as wide as the widest nearby paragraph line, or as its neighbours in a narrow column);
  a label wrapped in a chart box (two adjacent short lines) and vertically printed text
  (one character per line) are joined too;
- a line of several short cells (cells of Han text separated by spaces, tab or double-space
  gaps, label + numbers) is a table row and is never joined to its neighbours;
- a short unpunctuated line is a heading when it is indented (extractors print page-top
  section titles that way), numbered, or introduces a paragraph;
- running headers/footers are dropped: a page-top title repeated on later pages, the section
  name printed at the foot of each page, a short line repeated evenly through the whole
  document, navigation bars (long lines of the same section names), and a bare page number
  next to any of these.

Text inside a line is repaired only by removing spaces: letter-spaced text ("通 過 與",
"b u s i n e s s") and Latin words split at narrow glyphs ("Al ibaba", "off ice", checked
against the document's own vocabulary). Line-end hyphens are kept ("third-party") unless
the document spells the word without one.

Widths are display widths (a Han character counts 2), so mixed Latin/Chinese lines of one
column compare fairly.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from .model import Block

#: How far (in lines) a section title printed again is still the running header of its
#: section, rather than a later reference to it (an index table naming the chapter).
SECTION_SPAN = 400

#: Shortest line (display width) that width evidence may call "full": ten Han characters.
MIN_FULL = 20

_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
                   r"\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LETTER = re.compile(r"[A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_TWO_LETTERS = re.compile(_LETTER.pattern + ".*?" + _LETTER.pattern)
_CLOSERS = "」』”’\"'）)]】》〉›»*¹²³⁴⁵⁶⁷⁸⁹⁰"  # and footnote marks
_SENT_END = set("。！？；：.!?;:…")
_CONT_END = set("，、,（(「『“《〈【-–—/&")
# punctuation that marks a line as prose (a sentence), not a title or a table row
_PROSE_PUNCT = re.compile(r"[，。；！？]|[,.;!?](?:\s|$)")
_BULLET = re.compile(r"^(?:[•●○◆◇■□▪▫►▶✓✔√※·・\-–—]\s*|\*\s)")
_NUMBERED_ITEM = re.compile(
    r"^(?:\(?\d{1,2}[)）]|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)]|[（(][a-zA-Z][）)]|[a-zA-Z][.)]\s"
    r"|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]"
    r"|第[一二三四五六七八九十百\d]+[章節节部篇]|[A-D]\d{1,2}(?:\.\d{1,2})?(?![\d%]))"
)
_NUMBERED_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\s*(?![年月日個个份項项次名家人萬万億亿餘余多%\d.,])\S")
_NUMBER = re.compile(r"^[-+(（]?[\d,]*\d(?:\.\d+)?%?[)）]?$|^[%/–\-]$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_UNIT_AFTER_NUMBER = re.compile(r"^[年月日時时個个份項项次名家人萬万億亿餘余多號号倍歲岁]")
_PAGE_NUMBER = re.compile(r"^\d{1,4}$")
_WORD = re.compile(r"[A-Za-z]+")
_DIGIT = re.compile(r"\d")
_CELL_GAP = re.compile(r" {2,}|\u3000+")
_LATIN_END = re.compile(r"[A-Za-z0-9,]$")
_HYPHEN_END = re.compile(r"[A-Za-z]-$")
_SPLIT_LATIN = re.compile(r"[A-Za-z] [A-Za-z]")
_ABBREVIATION = re.compile(r"(?:^|\s|\()(?:(Mr|Mrs|Ms|Dr|Prof|No|Nos)|Co|Ltd|Inc|Corp|Bros|e\.g|i\.e|etc|approx)\.$")
_HYPHENATED = re.compile(r"[A-Za-z]+-[A-Za-z]+")
#: English function words: two of them side by side are two words ("in to"), not a split one.
_FUNCTION_WORDS = frozenset(
    "a an the and or of in on at to by for with from as is it its be we i if so no not up out "
    "into onto upon within can will all any one some off per via my me he she his her our "
    "us they them their you your this that these those there here who what which than then also "
    "just only very do did has had have was were are been".split()
)


def display_width(text: str) -> int:
    """Printed width: Han and full-width characters count 2, everything else 1."""
    if text.isascii():
        return len(text)
    return 2 * len(text) - len(_WIDE.sub("", text))


def _is_wide(ch: str) -> bool:
    return bool(_WIDE.match(ch))


def _core_end(text: str) -> str:
    """The text without trailing closing quotes/brackets (。」 ends a sentence like 。)."""
    return text.rstrip().rstrip(_CLOSERS).rstrip()


def ends_sentence(text: str, following: str = "") -> bool:
    """Whether the line ends a sentence. An abbreviation's full stop does not (Mr. Dr. No.),
    nor does that of Co./Ltd./Inc. when the next line continues in lower case or a bracket."""
    core = _core_end(text)
    if not core or core[-1] not in _SENT_END:
        return False
    m = _ABBREVIATION.search(core)
    if m and (m.group(1) or following[:1].islower() or following[:1] in ("(", "（")):
        return False
    return True


def starts_item(text: str) -> bool:
    """A bullet or an enumerator (1. (a) 一、 （一） A1.2 ...): a new item starts here."""
    return bool(_BULLET.match(text) or _NUMBERED_ITEM.match(text))


def _is_number(token: str) -> bool:
    return bool(_NUMBER.match(token))


def table_strength(text: str) -> int:
    """2 = certainly a table row, 1 = looks like one (a label and a figure), 0 = prose.

    Chinese prose never puts a space between two Han characters, so such gaps are cell
    boundaries; a number followed by 年/月/個 is prose ("2025 年 3 月"), not a cell.
    """
    t = text.strip()
    if "\t" in t:
        return 2
    cells = [c for c in _CELL_GAP.split(t) if c]
    if len(cells) >= 2 and all(display_width(c) <= 30 for c in cells) and not _PROSE_PUNCT.search(t):
        return 2
    tokens = t.split()
    if len(tokens) < 2:
        return 0
    if _HAN.search(t):
        if re.search("[，。；！？]", t):
            return 0
        han_gaps = sum(
            1 for a, b in zip(tokens, tokens[1:])
            if (_HAN.match(a[-1]) or a[-1] in "）)」") and (_HAN.match(b[0]) or b[0] in "（(「")
        )
        values = sum(
            1 for i, tok in enumerate(tokens)
            if _is_number(tok)
            and not (i + 1 < len(tokens) and _UNIT_AFTER_NUMBER.match(tokens[i + 1]))  # 2025 年
            and not (i and tokens[i - 1][-1:].isascii() and tokens[i - 1][-1:].isalpha())  # ISO 9001
        )
        if han_gaps >= 2 or (han_gaps >= 1 and values >= 1) or values >= 2:
            return 2
        if han_gaps == 1 or (values and _is_number(tokens[-1])):
            return 1
        return 0
    values = sum(1 for tok in tokens if _is_number(tok) and not _YEAR.match(tok))
    if values >= 2 and values * 4 >= len(tokens):
        return 2
    if (values and _is_number(tokens[-1]) and not _YEAR.match(tokens[-1]) and len(tokens) <= 8
            and not _PROSE_PUNCT.search(t)):
        return 1
    return 0


def _title_like(text: str, width: int | None = None) -> bool:
    """Short, unpunctuated, with letters: shaped like a heading or a running header."""
    if not 0 < (display_width(text) if width is None else width) <= 50:
        return False
    core = _core_end(text)
    return (
        bool(_TWO_LETTERS.search(text))
        and not _PROSE_PUNCT.search(text)
        and not (core and core[-1] in _SENT_END)
    )


@dataclass
class Line:
    """One non-blank original line."""

    no: int  # 1-based line number in the file
    text: str  # without surrounding whitespace
    indent: bool  # printed with leading whitespace
    wrapped: bool  # trailing whitespace: where extractors wrapped a running line
    width: int
    kind: str = ""  # a kind fixed by markup (markdown "#" headings, "|" tables)
    table: int = 0  # table_strength
    lead: int = 0  # leading whitespace characters
    joins_prev: bool = False  # markdown: a soft line break inside a paragraph
    title: bool = False  # _title_like
    prose: bool = False  # has sentence punctuation

    def __post_init__(self) -> None:
        self.title = _title_like(self.text, self.width)
        self.prose = bool(_PROSE_PUNCT.search(self.text))

    @property
    def titled(self) -> bool:
        """Printed like a section title: slightly indented (one or two spaces; deeper
        indents are list items whose bullet glyph was lost), short and unpunctuated."""
        return 1 <= self.lead <= 2 and self.title


@dataclass
class Layout:
    """The repaired text with its blocks and the map back to original lines."""

    text: str
    blocks: list[Block]
    line_starts: list[int] = field(default_factory=list)
    line_numbers: list[int] = field(default_factory=list)
    dropped: list[int] = field(default_factory=list)  # line numbers of dropped headers/footers


_SPACED_HAN = re.compile(r"(?<=[\u3400-\u9fff\uff01-\uff5e，、。：；]) (?=[\u3400-\u9fff\uff01-\uff5e，、。：；])")


def _unspace_han(text: str) -> str:
    """ "通 過 與 阿 里 巴 巴" -> "通過與阿里巴巴" (letter-spaced Chinese, printed justified)."""
    tokens = text.split()
    if len(tokens) >= 6 and sum(len(t) == 1 for t in tokens) >= 0.7 * len(tokens) and _HAN.search(text):
        return _SPACED_HAN.sub("", text)
    return text


def text_lines(raw_lines: list[str]) -> list[Line]:
    """The non-blank lines of a plain-text report."""
    out = []
    for no, raw in enumerate(raw_lines, 1):
        text = raw.strip()
        if "**" in text:
            text = text.replace("**", "").strip()  # stray bold markup
        if text.count(" ") >= 5:
            text = _unspace_han(text)
        if not text:
            continue
        lead = len(raw) - len(raw.lstrip())
        line = Line(no, text, lead > 0, raw[-1:] == " ", display_width(text), lead=lead)
        if "\t" in raw.strip(" "):
            line.kind = "table"  # tab-separated cells, even where only the first is filled
        out.append(line)
    return out


_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPH = re.compile(r"(\*\*|__|`)")


def markdown_lines(raw_lines: list[str]) -> list[Line]:
    """The non-blank lines of a markdown report, with heading and table markup removed."""
    out = []
    prev_plain = False
    for no, raw in enumerate(raw_lines, 1):
        if not raw.strip() or _MD_RULE.match(raw):
            prev_plain = False
            continue
        kind = ""
        text = raw.strip()
        m = _MD_HEADING.match(raw)
        if m:
            kind, text = "heading", m.group(2)
        elif text.startswith("|") and text.count("|") >= 2:
            kind = "table"
            text = "\t".join(c.strip() for c in text.strip("|").split("|") if c.strip())
        text = _MD_EMPH.sub("", _MD_LINK.sub(r"\1", text)).strip()
        if text:
            out.append(Line(no, text, False, raw[-1:] == " ", display_width(text), kind,
                            joins_prev=prev_plain and not kind))
        prev_plain = bool(text) and not kind
    return out


def _key(text: str) -> str:
    return "".join(text.split())


def running_lines(lines: list[Line], total_lines: int) -> set[int]:
    """Indexes (into ``lines``) of running headers, footers, navigation bars and page numbers."""
    drop: set[int] = set()
    last_seen: dict[str, int] = {}  # title -> line number where it was last printed
    for i, ln in enumerate(lines):
        if ln.kind or not ln.title or ln.table:
            continue
        key = _key(ln.text)
        if len(key) < 3:
            continue  # a label (案例, Note) repeats for its own reasons
        seen = last_seen.get(key)
        if seen is not None and ln.no - seen <= SECTION_SPAN and (ln.lead == 1 or ln.lead == 0):
            drop.add(i)
            last_seen[key] = ln.no
        elif ln.lead == 1:
            last_seen[key] = ln.no
    # short lines repeated evenly through the whole document (a running title)
    by_key: dict[str, list[int]] = {}
    for i, ln in enumerate(lines):
        if not ln.kind and ln.title and ln.table < 2:
            by_key.setdefault(_key(ln.text), []).append(i)
    need = max(4, len(lines) // 120)
    for idx in by_key.values():
        if len(idx) >= need and len({lines[i].no * 10 // (total_lines + 1) for i in idx}) >= 6:
            on_cover = idx[0] < 8  # the report title on the cover page stays
            drop.update(idx[1:] if on_cover else idx)
    drop |= _navigation_bars(lines)
    drop |= _numbered_page_lines(lines)
    # a bare page number printed next to a running header
    for i in sorted(drop):
        for j in (i - 1, i + 1):
            if 0 <= j < len(lines) and j not in drop and _PAGE_NUMBER.match(lines[j].text):
                other = lines[2 * j - i] if 0 <= 2 * j - i < len(lines) else None
                if other is None or not _is_number(other.text):
                    drop.add(j)
    return drop


_PAGE_NUMBERED = re.compile(r"^(\d{1,3})\s+(\S.*)$|^(.*\S)\s+(\d{1,3})$")


def _numbered_page_lines(lines: list[Line]) -> set[int]:
    """A header/footer that carries the page number: the same text (the report title)
    three or more times with a number before or after it that grows through the document."""
    seen: dict[str, list[tuple[int, int]]] = {}
    for i, ln in enumerate(lines):
        m = _PAGE_NUMBERED.match(ln.text)
        if not m:
            continue
        number, rest = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        # no prose test: a title may hold commas (Environmental, Social and Governance Report),
        # and a sentence is never printed three times with a growing number
        if display_width(rest) >= 16 and len(_LETTER.findall(rest)) >= 6:
            seen.setdefault(_key(rest), []).append((i, int(number)))
    out: set[int] = set()
    for hits in seen.values():
        numbers = [n for _, n in hits]
        if len(hits) >= 3 and all(a < b for a, b in zip(numbers, numbers[1:])):
            out.update(i for i, _ in hits)
    return out


_NAME_TOKEN = re.compile(r"[\u3400-\u9fff]{2}|[A-Z][A-Za-z]")


def _navigation_bars(lines: list[Line]) -> set[int]:
    """Long lines made of the same section names again and again (a page's navigation bar)."""
    cands = {}
    for i, ln in enumerate(lines):
        tokens = ln.text.split()
        names = [w for w in tokens if _NAME_TOKEN.match(w)]
        if len(names) >= 6 and len(names) >= 0.7 * len(tokens) and not ln.prose:
            cands[i] = set(names)
    # three or more rows in a row are a table of capitalised names (a certificate list), not
    # a bar printed once per page
    cands = {i: ws for i, ws in cands.items()
             if not ({i - 1, i + 1} <= cands.keys() or {i - 2, i - 1} <= cands.keys() or {i + 1, i + 2} <= cands.keys())}
    if len(cands) < 3:
        return set()
    df = Counter(w for ws in cands.values() for w in ws)
    return {i for i, ws in cands.items() if sum(df[w] >= 3 for w in ws) >= 0.7 * len(ws)}


def _local_max(lines: list[Line], radius: int = 3) -> list[float]:
    """Per line: the widest other prose line nearby, an estimate of the column's full width
    (infinite where no prose is near: no evidence that a line is full)."""
    prose = [ln.width if ln.prose else 0 for ln in lines]
    out: list[float] = []
    for i in range(len(lines)):
        window = prose[max(0, i - radius): i] + prose[i + 1: i + radius + 1]
        best = max(window, default=0)
        out.append(max(best, lines[i].width) if best else float("inf"))
    return out


def _latin_end(text: str) -> bool:
    return bool(_LATIN_END.search(text))


def _same_width(a: int, b: int, latin: bool) -> bool:
    return abs(a - b) <= (max(4, 0.15 * max(a, b)) if latin else max(2, 0.1 * max(a, b)))


def _boxed_label(lines: list[Line], i: int) -> bool:
    """Lines i and i+1 are the two lines of one short label: printed on adjacent lines with
    blank lines around the pair, no punctuation or figures, the first at least as wide."""
    a, b = lines[i], lines[i + 1]
    if b.no != a.no + 1 or (i > 0 and lines[i - 1].no == a.no - 1):
        return False
    if i + 2 < len(lines) and lines[i + 2].no == b.no + 1:
        return False
    return (
        12 <= a.width < 2 * MIN_FULL and b.width <= a.width
        and not (a.prose or b.prose or a.titled or a.table or b.table)
        and bool(_HAN.search(a.text[-1]) and _HAN.search(b.text))
        and not _DIGIT.search(a.text + b.text)
    )


def _continues(lines: list[Line], i: int, joined_prev: bool, wide: list[int], markers: bool) -> bool:
    """Whether line i runs on into line i+1."""
    a, b = lines[i], lines[i + 1]
    if a.kind or b.kind or b.indent or a.table == 2 or b.table == 2:
        return False
    if starts_item(b.text):
        return False
    if b.joins_prev:
        return True
    if ends_sentence(a.text, b.text):
        return False
    if b.title and _NUMBERED_HEADING.match(b.text):
        return False
    latin = _latin_end(a.text)
    if a.wrapped and not (a.titled and not latin):
        return True
    if _HYPHEN_END.search(a.text) and b.text[:1].islower():
        return True
    if a.table == 1 and not (joined_prev or _long_last_cell(a.text)):
        return False
    if a.text[-1] in _CONT_END and a.width >= MIN_FULL // 2:
        return True
    if (not latin and ends_sentence(b.text) and b.width < a.width and a.width >= 0.6 * wide[i]
            and a.width >= MIN_FULL and not a.titled):
        return True  # a run-on line and the short last line of its sentence
    if latin and markers:
        return False  # this extractor marks its wraps; an unmarked break is a real one
    if _boxed_label(lines, i):
        return True  # a label wrapped inside a chart box: "藥事管理與藥物" / "治療學委員會"
    if a.width < MIN_FULL or (a.titled and not _same_width(a.width, b.width, latin)):
        return False
    if latin and b.text[:1].islower():
        return True
    column = (_same_width(a.width, b.width, latin) and " " not in a.text and " " not in b.text
              and a.text[-1] not in "》」』）)”")  # not a list of equal-length titles
    if not (a.prose or b.prose or joined_prev or column or a.width >= 3 * MIN_FULL):
        return False  # two unpunctuated short lines: labels of a chart, items of a list
    shaped = a.prose or b.prose or (" " not in a.text and " " not in b.text)
    full = (
        a.width >= (0.75 if latin else 0.8) * wide[i]
        or (shaped and _same_width(a.width, b.width, latin))
        or (i > 0 and lines[i - 1].width >= MIN_FULL and _same_width(a.width, lines[i - 1].width, latin)
            and (joined_prev or lines[i - 1].table == 0) and (a.prose or lines[i - 1].prose))
    )
    return full


def _long_last_cell(text: str) -> bool:
    last = text.split()[-1]
    return not _is_number(last) and display_width(last) >= 16


def _uses_wrap_markers(lines: list[Line]) -> bool:
    """Whether this extractor leaves a trailing space where it wrapped Latin text."""
    latin = [ln for ln in lines if _latin_end(ln.text)]
    return len(latin) >= 20 and sum(ln.wrapped for ln in latin) >= 0.5 * len(latin)


def _vertical_text(lines: list[Line]) -> set[int]:
    """Lines i that continue into i+1 as vertically printed text: runs of three or more
    one-character lines with no character repeated (a table column of 男/女 repeats)."""
    out: set[int] = set()
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and len(lines[j].text) == 1 and _HAN.match(lines[j].text):
            j += 1
        if j - i >= 3:
            run = [ln.text for ln in lines[i:j]]
            if len(set(run)) == len(run):
                out.update(range(i, j - 1))
        i = max(j, i + 1)
    return out


def group_lines(lines: list[Line]) -> list[list[Line]]:
    """Runs of lines that belong to one paragraph (or a lone heading / table row)."""
    if not lines:
        return []
    wide = _local_max(lines)
    markers = _uses_wrap_markers(lines)
    vertical = _vertical_text(lines)
    groups = [[lines[0]]]
    joined = False
    for i in range(len(lines) - 1):
        joined = i in vertical or _continues(lines, i, joined, wide, markers)
        if joined:
            groups[-1].append(lines[i + 1])
        else:
            groups.append([lines[i + 1]])
    return groups


class Vocabulary:
    """The Latin words of one document, for repairing words its extractor split
    (computed on first use: most Chinese reports never need it)."""

    def __init__(self, lines: list[Line]) -> None:
        self._lines = lines

    @cached_property
    def counts(self) -> Counter:
        return Counter(w.lower() for ln in self._lines for w in _WORD.findall(ln.text))

    @cached_property
    def prefixes(self) -> set[str]:
        return {w[:i] for w, n in self.counts.items() if n >= 2 for i in range(1, len(w) + 1)}

    @cached_property
    def hyphenated(self) -> set[str]:
        return {w.lower() for ln in self._lines for w in _HYPHENATED.findall(ln.text)}


_NARROW = set("iljftIL")
_PUNCT_EDGES = "\"'“”‘’()[]{}<>,.;:!?*–—-/"


def _merge_split_words(text: str, vocab: Vocabulary) -> str:
    """Re-join words a PDF extractor split at narrow glyphs ("Al ibaba", "off ice").

    Pieces are merged only when the whole word occurs (twice) elsewhere in the same
    document, every split sits next to a narrow letter, and the pieces are not all function
    words ("in to" stays two words).
    """
    toks = text.split(" ")
    out: list[str] = []
    k, n = 0, len(toks)
    while k < n:
        tok = toks[k]
        step = 1
        if k + 1 < n and tok and toks[k + 1] and (tok[-1] in _NARROW or toks[k + 1][0] in _NARROW):
            step = _merge_at(toks, k, vocab)
        out.append("".join(toks[k:k + step]))
        k += step
    return " ".join(out)


def _merge_at(toks: list[str], k: int, vocab: Vocabulary) -> int:
    """How many tokens from ``toks[k]`` make one split word (1: none)."""
    head = toks[k].lstrip(_PUNCT_EDGES)
    if not (head and head.isascii() and head.isalpha()):
        return 1
    if len(head) <= 2 and _stray_piece(head, toks[k + 1], vocab):
        return 2
    pieces = [head]
    cur = head.lower()
    step = 1
    for m in range(k + 1, min(k + 5, len(toks))):
        nxt = toks[m]
        core = nxt.rstrip(_PUNCT_EDGES)
        if not (core and core.isascii() and core.isalpha()):
            break
        if not (pieces[-1][-1] in _NARROW or core[0] in _NARROW):
            break
        cur += core.lower()
        if cur not in vocab.prefixes:
            break
        pieces.append(core)
        if vocab.counts.get(cur, 0) >= 2 and not all(p.lower() in _FUNCTION_WORDS for p in pieces):
            step = m - k + 1
        if core != nxt:
            break
    return step


def _stray_piece(left: str, right: str, vocab: Vocabulary) -> bool:
    """A lower-case word split after its first one or two letters, before a rest that is no
    word of the document ("ki lograms"), at a narrow letter. Function words ("a", "of") stay."""
    core = right.rstrip(_PUNCT_EDGES)
    if not (core and core.isascii() and core.isalpha() and left.islower() and core.islower()):
        return False
    if not (left[-1] in _NARROW or core[0] in _NARROW):
        return False
    return len(left) <= 2 and left not in _FUNCTION_WORDS and vocab.counts.get(core, 0) < 2


def _unspace_letters(text: str) -> str:
    """ "b u s i n e s s  c o v e r s" -> "business covers" (letter-spaced justified text)."""
    words = text.split()
    if len(words) < 6 or "  " not in text or sum(len(t) == 1 for t in words) < 0.6 * len(words):
        return text
    return " ".join(w.replace(" ", "") for w in re.split(r" {2,}", text))


def _clean(text: str, vocab: Vocabulary) -> str:
    if not _SPLIT_LATIN.search(text):
        return text
    return _merge_split_words(_unspace_letters(text), vocab)


def _split_in_han(text: str, part: str, vocab: Vocabulary) -> bool:
    """A Latin word broken at the end of a Chinese line ("…頒發BEAM Plu" + "s新建建築"):
    Chinese lines wrap at any character, so the pieces join without a space when the
    document spells the whole word elsewhere."""
    last = re.search(r"(?<![A-Za-z])([A-Za-z]+)$", text)
    first = re.match(r"[a-z]+", part)
    if not (last and first) or not _HAN.search(text[-12:]):
        return False
    return vocab.counts.get((last.group(1) + first.group(0)).lower(), 0) >= 2


def _join(parts: list[tuple[int, str]], vocab: Vocabulary) -> tuple[str, list[tuple[int, int]]]:
    """Glue a paragraph's lines: no space around Han text, one space between Latin words,
    a line-end hyphen kept (compounds: "third-party") unless the document spells the word
    without it elsewhere ("environ-mental")."""
    text = ""
    segs: list[tuple[int, int]] = []
    for no, part in parts:
        part = _clean(part, vocab)
        if text:
            prev, nxt = text[-1], part[0]
            if _HYPHEN_END.search(text) and nxt.islower():
                last = re.search(r"([A-Za-z]+)-$", text).group(1)
                first = re.match(r"[A-Za-z]*", part).group(0)
                word = (last + first).lower()
                if vocab.counts.get(word, 0) and f"{last}-{first}".lower() not in vocab.hyphenated:
                    text = text[:-1]
            elif _split_in_han(text, part, vocab):
                pass  # BEAM Plu|s wrapped inside a Chinese paragraph: one word
            elif not (_is_wide(prev) or _is_wide(nxt)):
                text += " "
        segs.append((len(text), no))
        text += part
    return text, segs


def _kind(group: list[Line], nxt: list[Line] | None) -> str:
    first = group[0]
    if first.kind:
        return first.kind
    if len(group) == 1 and first.table:
        return "table"
    if len(group) > 3 or sum(ln.width for ln in group) > 80 or not all(ln.title for ln in group):
        return "paragraph"
    text = " ".join(ln.text for ln in group)
    if not _title_like(text) or display_width(text) > (80 if not _HAN.search(text) else 50):
        return "paragraph"
    if re.fullmatch(r"[\d\s年月日./\-–]+", text) or starts_item(text) and not _NUMBERED_ITEM.match(text):
        return "paragraph"
    if first.titled or (_NUMBERED_HEADING.match(text) and not _PAGE_NUMBER.match(text)):
        return "heading"
    if nxt and not nxt[0].indent and not nxt[0].table:
        nwidth = sum(ln.width for ln in nxt)
        if len(nxt) > 1 or (nwidth >= max(MIN_FULL * 2, 2 * display_width(text)) and _PROSE_PUNCT.search(nxt[0].text)):
            return "heading"
    return "paragraph"


def lay_out(lines: list[Line], total_lines: int) -> Layout:
    """Repair the layout of a report's non-blank lines (from ``text_lines``/``markdown_lines``)."""
    for ln in lines:
        if not ln.kind:
            ln.table = table_strength(ln.text)
    drop = running_lines(lines, total_lines)
    kept = [ln for i, ln in enumerate(lines) if i not in drop]
    vocab = Vocabulary(kept)
    groups = group_lines(kept)
    blocks: list[Block] = []
    starts: list[int] = []
    numbers: list[int] = []
    offset = 0
    heading = ""
    for g, group in enumerate(groups):
        kind = _kind(group, groups[g + 1] if g + 1 < len(groups) else None)
        text, segs = _join([(ln.no, ln.text) for ln in group], vocab)
        blocks.append(Block(text, offset, group[0].no, kind, heading))
        for off, no in segs:
            starts.append(offset + off)
            numbers.append(no)
        if kind == "heading":
            heading = text
        offset += len(text) + 1
    text = "\n".join(b.text for b in blocks)
    return Layout(text, blocks, starts, numbers, sorted(lines[i].no for i in drop))


def repair(raw_lines: list[str], markdown: bool = False) -> Layout:
    """Original lines (without line ends) -> repaired ``Layout``."""
    lines = markdown_lines(raw_lines) if markdown else text_lines(raw_lines)
    return lay_out(lines, len(raw_lines))
