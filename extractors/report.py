"""The report's facts about itself: publisher, period, title and the short names it defines.

Reports say who they are about in their opening "about this report" notes, in definitions
(「阿里健康」「公司」「我們」均指代…, …有限公司（以下簡稱「…」）, "X may be expressed as
“Y”, “the Company”"). The definition that also gives the generic words (公司, 我們, the
Company) names the reporter; the stock exchange named in a disclaimer never does. The
other definitions (「Y集團」指代Y集團控股有限公司) are aliases: every mention of a defined
short name, or of a full name with its legal form stripped, takes the full name's key, so
kg resolves them to one IRI.

Relation rules hang off ``ctx.report.publisher``; ``is_reporter_reference`` and
``reporter_spans`` tell them where a sentence names the reporter (by name or as 我們/本公司).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from .components import company as co
from .components.base import load_patterns
from .model import Evidence, Mention
from .normalise import language_of, match_key, to_simplified

P = load_patterns("companies")
HEAD_BLOCKS = 120  # the "about this report" notes sit in the first pages
HEAD_CHARS = 12000

_REFS = {match_key(x) for x in P["reporter_references_zh"] + P["reporter_references_en"]}
_ZH_STRIP = sorted(P["zh_strippable"], key=len)
_EN_STRIP = sorted(P["en_strippable"], key=len)
_LEGAL_FIRST = ("股份有限公司", "有限责任公司", "有限公司", "公司")  # stripped whole, before the rest


# ---- the head of the report as one string ---------------------------------------------

@dataclass
class Head:
    """The first blocks joined (no line breaks inside sentences), in both scripts, with a map
    from each character back to its offset in ``Document.text``."""

    original: str
    folded: str
    offsets: list[int]


def read_head(document, max_blocks: int = HEAD_BLOCKS, max_chars: int = HEAD_CHARS) -> Head:
    en = document.language == "en"
    parts: list[str] = []
    offsets: list[int] = []
    for block in document.blocks[:max_blocks]:
        if len(parts) >= max_chars:
            break
        text = block.text.strip()
        if not text:
            continue
        if parts:
            prev = parts[-1]
            sep = " " if en else ("\n" if prev in "。！？!?" or block.kind == "heading" else "")
            for ch in sep:
                parts.append(ch)
                offsets.append(block.start)
        start = document.text.find(text, block.start)
        start = block.start if start < 0 else start
        for i, ch in enumerate(text):
            parts.append(ch)
            offsets.append(start + i)
    original = "".join(parts)
    folded = original if en else to_simplified(original)
    return Head(original, folded, offsets)


# ---- definitions ----------------------------------------------------------------------

@dataclass
class Definition:
    """A full name and the short names the report defines for it."""

    name: str                      # report script
    start: int                     # offset in the head
    aliases: list[str] = field(default_factory=list)      # proper short names
    references: list[str] = field(default_factory=list)   # generic words (公司, 我們, the Company)
    sentence: str = ""


_Q_OPEN, _Q_CLOSE = "「“\"『‘'", "」”\"』’'"
_ZH_QUOTED = re.compile(rf"[{_Q_OPEN}]\s*([^{_Q_CLOSE}\n]{{1,30}}?)\s*[{_Q_CLOSE}]")
_ZH_ALIAS_LIST = rf"(?:[{_Q_OPEN}][^{_Q_CLOSE}\n]{{1,30}}?[{_Q_CLOSE}]\s*(?:[、，,]|或|及|和|与|以及)?\s*)+"
_ZH_BEFORE = re.compile(
    rf"({_ZH_ALIAS_LIST})\s*(?:均|皆|都|主要|统一|则|一般|皆可)?\s*(?:指代|是指|指的是|指|代表|代指)\s*[{_Q_OPEN}]?"
)
# （以下簡稱「X」或「我們」）, （「本公司」，連同其附屬公司統稱「本集團」）
_ZH_AFTER = re.compile(rf"[（(]([^（）()\n]{{0,40}}?[{_Q_OPEN}][^（）()\n]{{0,80}}?)[）)]")
_STOCK_CODE = re.compile(r"[（(][^（）()]{0,12}(?:股份代号|股票代码|股份代码|stock code)[^（）()]{0,20}[）)]\s*$", re.I)
_ZH_NAME_STOP = re.compile(rf"[，,。；;、\n{_Q_CLOSE}（(]|连同|及其|和其|与其|之合称|的合称|等|在内")

_EN_QUOTED = re.compile(r"[“\"'‘]\s*([^”\"'’]{1,40}?)\s*[”\"'’]")
_EN_ALIAS_LIST = r"(?:(?:the\s+)?[“\"'‘][^”\"'’]{1,40}?[”\"'’]\s*(?:,|or|and)?\s*(?:and|or)?\s*)+"
_EN_EXPR = re.compile(
    rf"\s+(?:may|will|shall|can|is|are)?\s*(?:also\s+)?(?:be\s+)?(?:hereinafter\s+)?"
    rf"(?:expressed|referred\s+to|called|abbreviated|known)\s+as\s+({_EN_ALIAS_LIST})"
)
# (hereinafter referred to as “X”), (the “Company”, together with its subsidiaries, the “Group”)
_EN_AFTER = re.compile(r"\*?\s*\(([^()\n]{0,60}?[“\"'‘][^()\n]{0,120}?)\)")
_EN_BEFORE = re.compile(rf"({_EN_ALIAS_LIST})\s*(?:refers?\s+to|means|denotes)\s+")


def _split_aliases(raw: str, quoted: re.Pattern) -> tuple[list[str], list[str]]:
    names, refs = [], []
    for m in quoted.finditer(raw):
        alias = m.group(1).strip()
        if not alias:
            continue
        k = match_key(re.sub(r"^the\s+", "", alias, flags=re.I))
        (refs if k in _REFS or match_key(alias) in _REFS else names).append(alias)
    return names, refs


def _sentence_at(text: str, pos: int) -> str:
    s = max(text.rfind(c, 0, pos) for c in "。！？\n") + 1
    ends = [i for i in (text.find(c, pos) for c in "。！？\n") if i >= 0]
    return text[s:(min(ends) + 1 if ends else len(text))].strip()


def _zh_name_before(folded: str, end: int) -> int | None:
    """Start of a company or organisation name that ends at ``end`` (or before a stock code
    printed there)."""
    from .components import organization as org

    code = _STOCK_CODE.search(folded, max(0, end - 40), end)
    if code:
        end = code.start()
    window_start = max(0, end - 40)
    window = folded[window_start:end]
    for s, _c, e in co.zh_legal_names(window) + org.zh_org_names(window):
        if e == len(window):
            return window_start + s
    return None


def _en_name_before(text: str, end: int) -> int | None:
    from .components import organization as org

    code = _STOCK_CODE.search(text, max(0, end - 40), end)
    if code:
        end = code.start()
    window_start = max(0, end - 160)
    window = text[window_start:end].rstrip(" *")
    for s, _c, e in co.en_legal_names(window) + org.en_org_names(window):
        if e == len(window):
            return window_start + s
    return None


def find_definitions(head: Head, lang: str) -> list[Definition]:
    """Every "full name -> short names" definition in ``head``."""
    out: list[Definition] = []
    if lang == "en":
        text = head.original
        for pat in (_EN_EXPR, _EN_AFTER):
            for m in pat.finditer(text):
                start = _en_name_before(text, m.start())
                if start is None:
                    continue
                names, refs = _split_aliases(m.group(1), _EN_QUOTED)
                name = _STOCK_CODE.sub("", text[start:m.start()]).strip().rstrip("*").strip()
                out.append(Definition(name, start, names, refs, _sentence_at(text, m.start())))
        for m in _EN_BEFORE.finditer(text):
            end = co.en_capitalised_run(text, m.end())
            if end > m.end():
                names, refs = _split_aliases(m.group(1), _EN_QUOTED)
                out.append(Definition(text[m.end():end], m.end(), names, refs, _sentence_at(text, m.start())))
        return sorted(out, key=lambda d: d.start)
    text = head.folded
    for m in _ZH_AFTER.finditer(text):
        start = _zh_name_before(text, m.start())
        if start is None:
            continue
        names, refs = _split_aliases(head.original[m.start(1):m.end(1)], _ZH_QUOTED)
        if not names and not refs:
            continue
        name = head.original[start:m.start()]
        code = _STOCK_CODE.search(to_simplified(name))
        name = name[:code.start()] if code else name
        out.append(Definition(name, start, names, refs, _sentence_at(head.original, m.start())))
    for m in _ZH_BEFORE.finditer(text):
        stop = _ZH_NAME_STOP.search(text, m.end())
        end = stop.start() if stop else min(len(text), m.end() + 40)
        if end - m.end() > 40 or end <= m.end():
            continue
        legal = [e for _s, _c, e in co.zh_legal_names(text[m.end():end])]
        names, refs = _split_aliases(head.original[m.start(1):m.end(1)], _ZH_QUOTED)
        if legal:
            end = m.end() + max(legal)
        elif not refs:
            continue  # 「元」指「人民幣」: a definition, but not of a name
        out.append(Definition(head.original[m.end():end], m.end(), names, refs, _sentence_at(head.original, m.start())))
    return sorted(out, key=lambda d: d.start)


# ---- publisher --------------------------------------------------------------------------

_NOT_PUBLISHER_ZH = ("交易所", "结算所", "证监会", "监督管理委员会")
_NOT_PUBLISHER_EN = ("Exchange", "Clearing", "Commission")
_ZH_ISSUED = re.compile(r"(?:本报告|报告)(?:是|为|由)(?:[^，。；]{0,12}?，\s*是)?([^，。；「」]{2,40}?)(?:连续|首次|第[一二三四五六七八九十\d]+次)?(?:发布|发佈|编制|出具|披露)")
_EN_ISSUED = re.compile(r"\breport\b[^.]{0,120}?\b(?:issued|published|prepared|released)\s+by\s+(?:the\s+)?", re.I)


def _is_exchange(name: str) -> bool:
    return any(w in to_simplified(name) for w in _NOT_PUBLISHER_ZH) or any(
        re.search(rf"\b{w}\b", name) for w in _NOT_PUBLISHER_EN)


def _legal_names(text: str, lang: str) -> list[tuple[int, int, int]]:
    return co.en_legal_names(text) if lang == "en" else co.zh_legal_names(text)


def choose_publisher(head: Head, defs: list[Definition], lang: str) -> Definition | None:
    """The reporter: the definition that also names 公司/我們/the Company, else the company the
    report says issued it, else the company with a legal form named most often up front."""
    text = head.original if lang == "en" else head.folded
    own = [d for d in defs if d.references and not _is_exchange(d.name)]
    legal = [d for d in own if _legal_names(d.name if lang == "en" else to_simplified(d.name), lang)]
    if own:
        pub = (legal or own)[0]
        keys = {match_key(pub.name), *(match_key(a) for a in pub.aliases)}
        for d in own:
            if d is not pub and match_key(d.name) in keys:
                pub.references = list(dict.fromkeys(pub.references + d.references))
        return pub
    if lang == "en":
        for m in _EN_ISSUED.finditer(text):
            end = co.en_capitalised_run(text, m.end())
            name = text[m.end():end]
            if end > m.end() and not _is_exchange(name) and co.en_legal_names(name):
                return Definition(name, m.end(), sentence=_sentence_at(text, m.start()))
    else:
        for m in _ZH_ISSUED.finditer(text):
            found = co.zh_legal_names(m.group(1))
            if found:
                s, _c, e = found[-1]
                name = head.original[m.start(1) + s:m.start(1) + e]
                if not _is_exchange(name):
                    return Definition(name, m.start(1) + s, sentence=_sentence_at(head.original, m.start()))
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for s, _c, e in _legal_names(text, lang):
        name = head.original[s:e]
        if _is_exchange(name):
            continue
        k = match_key(name)
        counts[k] += 1
        first.setdefault(k, s)
    if counts:
        k, _n = counts.most_common(1)[0]
        s = first[k]
        e = s + next(e - s0 for s0, _c, e in _legal_names(text, lang) if s0 == s)
        return Definition(head.original[s:e], s, sentence=_sentence_at(head.original, s))
    return None


def short_forms(name: str) -> list[str]:
    """The name with legal forms and industry words stripped from its end, one short ending
    at a time so every step is kept (某某集团控股有限公司 -> 某某集团控股 -> 某某集团 -> 某某);
    Simplified for Chinese."""
    en = not re.search(r"[\u4e00-\u9fff]", name)
    cur = name.strip().rstrip("*").strip() if en else to_simplified(name.strip())
    strip = _EN_STRIP if en else _ZH_STRIP
    out = []
    for legal in _LEGAL_FIRST if not en else ():
        if cur.endswith(legal) and len(cur) > len(legal):
            cur = cur[: -len(legal)]
            out.append(cur)
            break
    while True:
        for suffix in strip:
            if cur.endswith(suffix) and len(cur) > len(suffix):
                cur = cur[: -len(suffix)].rstrip(" ,.")
                break
        else:
            break
        if (len(cur) >= 2 if not en else len(cur) >= 3) and match_key(cur) not in _REFS:
            out.append(cur)
        else:
            break
    return [f for f in out if len(match_key(f)) >= 2 and match_key(f) not in _REFS]


# ---- period ----------------------------------------------------------------------------

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_ZH_NUM = r"[0-9０-９〇零○一二三四五六七八九十]"
_ZH_DATE = rf"({_ZH_NUM}{{4}})\s*年\s*({_ZH_NUM}{{1,3}})\s*月\s*({_ZH_NUM}{{1,3}})\s*日"
_ZH_RANGE = re.compile(
    _ZH_DATE + r"\s*(?:起)?\s*(?:至|到|-|—|–|~|～|止至|起至)\s*"
    rf"(?:({_ZH_NUM}{{4}})\s*年\s*)?({_ZH_NUM}{{1,3}})\s*月\s*({_ZH_NUM}{{1,3}})\s*日"
)
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"])}
_MON = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
_EN_DATE = rf"(?:{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})|(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON},?\s+(\d{{4}}))"
_EN_RANGE = re.compile(_EN_DATE + r"\s*(?:to|until|till|through|-|–|—|and)\s*" + _EN_DATE, re.I)
_PERIOD_CUES = re.compile(r"报告期|报告时间|时间范围|报告期间|报告周期|时间跨度|涵盖|覆盖|reporting period|period|covers|covering|from", re.I)
_ZH_YEAR_ONLY = re.compile(rf"(?:报告期|时间范围|报告期间|报告周期|时间跨度)[^。；\n]{{0,12}}?({_ZH_NUM}{{4}})\s*(?:年度|财年|财政年度|年)")
_ZH_FY_END = re.compile(rf"截至{_ZH_DATE}止(?:的)?(?:财政)?年度")
_EN_FY_END = re.compile(r"(?:financial\s+|fiscal\s+)?year\s+ended\s+" + _EN_DATE, re.I)


def _zh_int(s: str) -> int:
    s = s.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if s.isdigit():
        return int(s)
    if "十" in s:
        a, _, b = s.partition("十")
        return (_CN_DIGITS.get(a, 1) if a else 1) * 10 + (_CN_DIGITS.get(b, 0) if b else 0)
    return int("".join(str(_CN_DIGITS.get(c, 0)) for c in s))


def _date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _en_date(groups: tuple) -> date | None:
    mon, d, y, d2, mon2, y2 = groups
    if mon:
        return _date(int(y), _MONTHS[mon.lower()], int(d))
    return _date(int(y2), _MONTHS[mon2.lower()], int(d2))


def _ranges(text: str, lang: str) -> list[tuple[int, date, date]]:
    out = []
    if lang == "en":
        for m in _EN_RANGE.finditer(text):
            a, b = _en_date(m.groups()[:6]), _en_date(m.groups()[6:])
            if a and b:
                out.append((m.start(), a, b))
        return out
    for m in _ZH_RANGE.finditer(text):
        y1, m1, d1, y2, m2, d2 = m.groups()
        a = _date(_zh_int(y1), _zh_int(m1), _zh_int(d1))
        year2 = _zh_int(y2) if y2 else (a.year if a and _zh_int(m2) >= a.month else (a.year + 1 if a else 0))
        b = _date(year2, _zh_int(m2), _zh_int(d2)) if a else None
        if a and b:
            out.append((m.start(), a, b))
    return out


def find_period(head: Head, lang: str) -> tuple[str, str] | None:
    """The reporting period as ISO dates: a date range near a period cue, preferring one
    about a year long; else a year (报告期为2022年度) or a financial year end."""
    text = head.original if lang == "en" else head.folded
    ranges = [(p, a, b) for p, a, b in _ranges(text, lang) if a < b]
    cued = [r for r in ranges if _PERIOD_CUES.search(text[max(0, r[0] - 60):r[0]])]
    for pool in (cued, ranges):
        for lo, hi in ((300, 400), (28, 800)):
            for _p, a, b in pool:
                if lo <= (b - a).days <= hi:
                    return a.isoformat(), b.isoformat()
    m = _ZH_YEAR_ONLY.search(text) if lang != "en" else None
    if m:
        y = _zh_int(m.group(1))
        return f"{y}-01-01", f"{y}-12-31"
    m = (_EN_FY_END if lang == "en" else _ZH_FY_END).search(text)
    if m:
        end = _en_date(m.groups()[:6]) if lang == "en" else _date(*(_zh_int(g) for g in m.groups()[:3]))
        if end:
            start = (end.replace(year=end.year - 1) if not (end.month == 2 and end.day == 29) else end - timedelta(days=365)) + timedelta(days=1)
            return start.isoformat(), end.isoformat()
    return None


# ---- title -----------------------------------------------------------------------------

_TITLE_END = re.compile(r"(?:报告|報告|report|reports)$", re.I)
_TITLE_TOPIC = re.compile(r"ESG|环境|環境|可持续|可持續|永续|永續|社会责任|社會責任|sustainab|environmental|responsib", re.I)
_NOT_TITLE = re.compile(r"指引|索引|守则|守則|guide|index|[《》“”「」。，；,;:：•]", re.I)


def find_title(document, publisher: Mention | None = None, period_end: str | None = None) -> str:
    """The report's title: a (repeated) line ending in 报告/Report with an ESG topic word,
    preferring one naming the publisher; else publisher + year + "ESG report"; else the
    file name."""
    counts: Counter = Counter()
    order: list[str] = []
    for block in document.blocks:
        t = re.sub(r"^\d{1,3}\s+|\s+\d{1,3}$", "", block.text.strip())
        if 6 <= len(t) <= 60 and _TITLE_END.search(t) and _TITLE_TOPIC.search(t[-16:]) and not _NOT_TITLE.search(t):
            if t not in counts:
                order.append(t)
            counts[t] += 1
    if counts:
        names = [match_key(n) for n in ([publisher.text, *publisher.aliases] if publisher else [])]
        named = [t for t in order if any(n and n in match_key(t) for n in names)]
        pool = named or order
        return max(pool, key=lambda t: (counts[t], -order.index(t)))
    if publisher is not None:
        year = period_end[:4] if period_end else ""
        name = publisher.label or publisher.text
        if document.language == "en":
            return f"{name} {year} ESG Report".replace("  ", " ")
        topic = "環境、社會及管治報告" if document.language == "zh-Hant" else "环境、社会及管治报告"
        return f"{name} {year}年{topic}" if year else f"{name} {topic}"
    return re.sub(r"\.[A-Za-z0-9]+$", "", document.source_file)


# ---- the stage -------------------------------------------------------------------------

def read_report_facts(ctx) -> None:
    """Set ``ctx.report`` publisher, period and title, and give every mention of a defined
    short name the key of the full name it stands for."""
    document = ctx.document
    lang = "en" if document.language == "en" else "zh"
    head = read_head(document)
    defs = find_definitions(head, lang)

    pub = choose_publisher(head, defs, lang)
    if pub is not None:
        ctx.report.publisher = _publisher_mention(ctx, head, pub)
    period = find_period(head, lang)
    if period:
        ctx.report.period_start, ctx.report.period_end = period
    ctx.report.title = find_title(document, ctx.report.publisher, ctx.report.period_end)
    _apply_aliases(ctx, defs)
    if ctx.report.publisher is not None:
        _add_reporter_mentions(ctx)
    co.document_companies(ctx)


def _publisher_mention(ctx, head: Head, pub: Definition) -> Mention:
    key = match_key(pub.name)
    offset = head.offsets[pub.start] if pub.start < len(head.offsets) else 0
    evidence = Evidence(pub.sentence or pub.name, ctx.document.line_at(offset))
    forms = [pub.name[:len(f)] for f in short_forms(pub.name) if _occurs(ctx, f, pub.name)]
    aliases = list(dict.fromkeys([*pub.aliases, *forms]))
    lang = language_of(pub.name, ctx.document.language)
    refs = sorted({match_key(r) for r in pub.references} | _REFS)
    existing = [m for m in ctx.mentions if m.type == "Company" and m.key == key]
    for m in existing:
        aliases.extend(a for a in m.aliases if a not in aliases)
    mention = existing[0] if existing else Mention(
        type="Company", text=pub.name, key=key, lang=lang, evidence=evidence, start=offset,
        end=offset + len(pub.name))
    mention.label = pub.name
    mention.aliases = tuple(a for a in dict.fromkeys(aliases) if match_key(a) != key)
    mention.attrs = {**mention.attrs, "reporter": True, "references": refs}
    if not existing:
        ctx.mentions.append(mention)
    for m in existing[1:]:
        m.label = pub.name
    return mention


def _occurs(ctx, form: str, full: str) -> bool:
    """Whether a short form is used on its own in the report (at least twice)."""
    k, fk = match_key(form), match_key(full)
    if len(k) < 2:
        return False
    n = 0
    for s in ctx.sentences:
        hay = match_key(s.folded)
        n += hay.count(k) - hay.count(fk)
        if n >= 2:
            return True
    return False


def _apply_aliases(ctx, defs: list[Definition]) -> None:
    """Re-key mentions of defined short names, and of full names stripped of their legal
    form, to the full name's key (when that short form is not shared by two full names)."""
    defined: dict[str, set[str]] = {}   # short names the report itself defines
    inferred: dict[str, set[str]] = {}  # full names with their legal form stripped
    names: dict[str, str] = {}
    for d in defs:
        if _is_exchange(d.name) and not d.aliases:
            continue
        k = match_key(d.name)
        names[k] = d.name
        for a in d.aliases:
            defined.setdefault(match_key(a), set()).add(k)
    full = {m.key: m.text for m in ctx.mentions if m.type in ("Company", "Organization")
            and (m.attrs or {}).get("cue") == "legal"}
    pub = ctx.report.publisher
    if pub is not None:
        full[pub.key] = pub.text
        for a in pub.aliases:
            defined.setdefault(match_key(a), set()).add(pub.key)
    for k, name in full.items():
        for form in short_forms(name):
            inferred.setdefault(match_key(form), set()).add(k)
    extra_aliases: dict[str, list[str]] = {}
    for m in ctx.mentions:
        if m.type not in ("Company", "Organization"):
            continue
        mk = match_key(m.text)
        targets = (defined.get(mk) or inferred.get(mk, set())) - {m.key}
        if len(targets) == 1 and (m.key not in full or len(next(iter(targets))) > len(m.key)):
            target = next(iter(targets))
            extra_aliases.setdefault(target, []).append(m.text)
            m.aliases = tuple(dict.fromkeys([*m.aliases, *([names[target]] if target in names else [])]))
            if pub is not None and target == pub.key:
                m.type = "Company"
            m.key = target
    for m in ctx.mentions:
        if m.key in extra_aliases and m.type in ("Company", "Organization"):
            m.aliases = tuple(a for a in dict.fromkeys([*m.aliases, *extra_aliases[m.key]]) if match_key(a) != m.key)


def reporter_names(ctx) -> list[str]:
    """The reporter's proper names (full, defined short names, short forms), longest first,
    in the matching script (Simplified for Chinese reports)."""
    pub = ctx.report.publisher
    if pub is None:
        return []
    forms = {pub.text, pub.label or pub.text, *pub.aliases}
    en = ctx.document.language == "en"
    return sorted({f if en else to_simplified(f) for f in forms if len(match_key(f)) >= 2}, key=len, reverse=True)


def is_reporter_reference(ctx, text: str) -> bool:
    """Whether ``text`` names the reporter: one of its names, or 我們/本公司/the Company."""
    k = match_key(text)
    pub = ctx.report.publisher
    if not k or pub is None:
        return False
    return k in _REFS or k == pub.key or k in {match_key(a) for a in pub.aliases}


_NAMED_TYPES = frozenset({"Company", "Organization", "Committee", "Programme"})
_ZH_SELF = re.compile(r"我们|我司|本公司|本集团|公司(?!治理|章程)|集团")
_EN_SELF = re.compile(r"\b(?:we|our|us|the company|the group)\b", re.I)


def reporter_spans(ctx, sentence) -> list[tuple[int, int]]:
    """Character ranges in ``sentence.text`` that refer to the reporter, by name or as a
    generic self-reference (我們, 本公司, we, the Company).

    Part of another company's name is not the reporter (阿里 in 阿里云, 京东 in 京东集团), nor
    is a self-word inside any other name (公司 in 某某有限公司). The reporter's name inside its
    own foundation or committee still counts: those act for it."""
    pub = ctx.report.publisher
    if pub is None:
        return []
    en = ctx.document.language == "en"
    hay = sentence.text if en else sentence.folded
    named = [(m.start - sentence.start, m.end - sentence.start, m.type) for m in sentence.mentions
             if m.key != pub.key and m.type in _NAMED_TYPES and m.start >= sentence.start]
    out: list[tuple[int, int]] = []

    def free(s: int, e: int, blocking: frozenset[str]) -> bool:
        return (not any(s < oe and os < e for os, oe in out)
                and not any(ns <= s and e <= ne and t in blocking for ns, ne, t in named))

    for name in reporter_names(ctx):
        for m in re.finditer(re.escape(name), hay):
            if not en and len(name) == 2 and not _word_at(hay, m.start(), m.end()):
                continue  # 阿里 in 阿里云
            if free(m.start(), m.end(), frozenset({"Company"})):
                out.append((m.start(), m.end()))
    for m in (_EN_SELF if en else _ZH_SELF).finditer(hay):
        if free(m.start(), m.end(), _NAMED_TYPES):
            out.append((m.start(), m.end()))
    return sorted(out)


def _word_at(text: str, s: int, e: int) -> bool:
    """Whether jieba reads ``text[s:e]`` as a word of its own, with no name word glued to it."""
    toks = co.zh_tokens(text[max(0, s - 4):e + 4])
    off = max(0, s - 4)
    starts = {off + o for _w, _f, o in toks}
    ends = {off + o + len(w) for w, _f, o in toks}
    nxt = [(w, f) for w, f, o in toks if off + o == e]
    glued = bool(nxt) and (nxt[0][1] in ("ns", "n", "nz", "nr", "nt", "eng") and len(nxt[0][0]) == 1)
    return s in starts and e in ends and not glued


def _add_reporter_mentions(ctx) -> None:
    """A Company mention (the reporter's key) wherever a sentence names the reporter, so
    per-sentence relation rules see it; generic words (我們, the Company) are not mentions."""
    pub = ctx.report.publisher
    en = ctx.document.language == "en"
    names = [n for n in reporter_names(ctx) if len(n) >= (4 if en else 2)]
    if not names:
        return
    alternation = "|".join(re.escape(n) for n in names)
    pattern = re.compile(rf"\b(?:{alternation})\b" if en else alternation)
    for sent in ctx.sentences:
        hay = sent.text if en else sent.folded
        for m in pattern.finditer(hay):
            s, e = sent.start + m.start(), sent.start + m.end()
            if any(x.start < e and s < x.end for x in sent.mentions):
                continue
            if not en and len(m.group()) == 2 and not _word_at(hay, m.start(), m.end()):
                continue
            surface = sent.text[m.start():m.end()]
            mention = Mention(
                type="Company", text=surface, key=pub.key, lang=language_of(surface, ctx.document.language),
                evidence=sent.evidence(), label=pub.label, aliases=(), attrs={"reporter": True}, start=s, end=e)
            sent.mentions.append(mention)
            ctx.mentions.append(mention)
