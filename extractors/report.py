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
from .components import organization as org
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


_ZH_FORMS = ("股份有限公司", "有限责任公司", "有限公司")
_EN_FORM_START = re.compile(r"(?:(?:Group|Holdings?)\s+)?(?:Limited|Ltd\b|Co\.,?\s*Ltd|Company\s+Limited|Inc\b|"
                            r"Corporation|Corp\.|PLC\b)", re.I)


def _breaks_legal_form(prev: str, nxt: str, en: bool) -> bool:
    """Whether a line break falls inside a company name's legal form: 某某集團有 / 限公司,
    a cover's 某某集團 / 有限公司, Example Lighting / Co., Ltd."""
    if en:
        m = _EN_FORM_START.match(nxt)
        return bool(m) and bool(re.search(r"[A-Z][A-Za-z&.\-]*$", prev)) and (
            m.end() == len(nxt.rstrip(". ")) or bool(re.match(r"\.?\s*[(（]", nxt[m.end():])))
    a, b = to_simplified(prev[-5:]), to_simplified(nxt[:6])
    for form in _ZH_FORMS:
        for k in range(len(form)):
            if a.endswith(form[:k]) and b.startswith(form[k:]) and (k or nxt.strip() == nxt[:len(form)]):
                return True
    return False


def _runs_on(prev, block, en: bool) -> bool:
    """Whether ``block`` continues ``prev``'s sentence: a paragraph carried over a page break
    (both paragraphs, ``prev`` longer than a line and not ended), or a name whose legal form
    a line break cuts. Anything else (cover lines, headings, table rows) stands on its own
    line, so no name runs across it."""
    p = prev.text.rstrip()
    if _breaks_legal_form(p, block.text.strip(), en):
        return True
    return (prev.kind == block.kind == "paragraph" and len(p) >= 40
            and p[-1] not in "。！？!?.:：;；）)”\"」")


def read_head(document, max_blocks: int = HEAD_BLOCKS, max_chars: int = HEAD_CHARS) -> Head:
    en = document.language == "en"
    parts: list[str] = []
    offsets: list[int] = []
    prev = None
    for block in document.blocks[:max_blocks]:
        if len(parts) >= max_chars:
            break
        text = block.text.strip()
        if not text:
            continue
        if parts:
            sep = (" " if en else "") if _runs_on(prev, block, en) else "\n"
            for ch in sep:
                parts.append(ch)
                offsets.append(block.start)
        start = document.text.find(text, block.start)
        start = block.start if start < 0 else start
        for i, ch in enumerate(text):
            parts.append(ch)
            offsets.append(start + i)
        prev = block
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
_ZH_NAME_STOP = re.compile(rf"[，,。；;、\n{_Q_CLOSE}（(]|连同|及其|和其|与其|之合称|的合称|等|在内")

_EN_QUOTED = re.compile(r"[“\"'‘]\s*([^”\"'’]{1,40}?)\s*[”\"'’]")
_EN_ALIAS_LIST = r"(?:(?:the\s+)?[“\"'‘][^”\"'’]{1,40}?[”\"'’]\s*(?:,|or|and)?\s*(?:and|or)?\s*)+"
_EN_EXPR = re.compile(
    rf"\s+(?:may|will|shall|can|is|are)?\s*(?:also\s+)?(?:be\s+)?(?:hereinafter\s+)?"
    rf"(?:expressed|referred\s+to|called|abbreviated|known)\s+as\s+({_EN_ALIAS_LIST})"
)
# (hereinafter referred to as “X”), (the “Company”, together with its subsidiaries, the “Group”)
_EN_AFTER = re.compile(r"\*?\s*\(([^()\n]{0,60}?[“\"'‘][^()\n]{0,120}?)\)")
# “X”, the “Company” and “we” refer to / are to Y
_EN_BEFORE = re.compile(rf"({_EN_ALIAS_LIST})\s*(?:refers?\s+to|means|denotes|(?:are|is)\s+to)\s+")
# X在本报告中以“Y”、“本行”或“我们”表示
_ZH_EXPR = re.compile(rf"(?:在|于)?(?:本报告|报告)中?\s*以\s*({_ZH_ALIAS_LIST})\s*(?:表示|指代|代称|称呼|简称)")


def _split_aliases(raw: str, quoted: re.Pattern) -> tuple[list[str], list[str]]:
    names, refs = [], []
    for m in quoted.finditer(raw):
        alias = m.group(1).strip().rstrip(",，;；").strip()
        if not alias:
            continue
        k = match_key(re.sub(r"^the\s+", "", alias, flags=re.I))
        (refs if k in _REFS or match_key(alias) in _REFS else names).append(alias)
    return names, refs


def _sentence_at(text: str, pos: int) -> str:
    s = max(text.rfind(c, 0, pos) for c in "。！？\n") + 1
    ends = [i for i in (text.find(c, pos) for c in "。！？\n") if i >= 0]
    return text[s:(min(ends) + 1 if ends else len(text))].strip()


_ASIDE = re.compile(r"[（(][^（）()\n]{1,60}[）)]\s*$")  # (stock code: …), （前稱…）, (incorporated in …)
_ZH_FORM_END = re.compile("(?:" + "|".join(_ZH_FORMS) + ")$")
_ZH_BOUND = re.compile(r"[，,。；;：:！!？?、「」『』“”\"'‘’《》〈〉【】\[\]\n\t|•·…/\\~～*#\s\u3000]")
# Function words that open a clause before a name (本报告由|某某有限公司, 以|某某有限公司为主体).
_ZH_LEAD_INS = frozenset({"本报告", "报告", "由", "是", "为", "乃", "系", "以", "及", "和", "与", "或", "于",
                          "在", "对", "向", "将", "把", "被", "经", "即", "之", "的", "从", "自", "根据",
                          "按照", "依据", "委聘", "聘请", "透过", "通过", "连同", "联同", "本", "该", "其"})


def _zh_bounded_start(folded: str, end: int) -> int | None:
    """Start of a name ending in a legal form (有限公司) at ``end`` when the recogniser knows
    none (a coined name jieba splits into single characters): the name runs left to
    punctuation, an open bracket or a clause-opening function word (本报告由|…有限公司)."""
    if not _ZH_FORM_END.search(folded, 0, end):
        return None
    seg = folded[max(0, end - 40):end]
    flat = re.sub(r"[（(][^（）()]*[）)]", lambda b: "x" * len(b.group()), seg)  # （開曼） stays inside
    i = end - len(seg) + max((b.end() for b in re.finditer(r"[（(]|" + _ZH_BOUND.pattern, flat)), default=0)
    form = _ZH_FORM_END.search(folded, i, end)
    start = i
    for word, _f, off in co.zh_tokens(folded[i:end]):
        if i + off >= form.start() - 1:
            break
        if word in _ZH_LEAD_INS:
            start = i + off + len(word)
    core = folded[start:form.start()]
    if len(core) < 2 or core[0] in "本该此其" or re.fullmatch(r"[\d\s]+", core):
        return None
    return start


def _zh_name_before(folded: str, end: int) -> tuple[int, int] | None:
    """(start, end) of the company or organisation name printed right before ``end``, past
    asides in brackets between them (a stock code, a former name, the place of incorporation)."""
    for _ in range(3):
        while end > 0 and folded[end - 1] in " *＊\u3000":  # 某某有限公司*（「本公司」）
            end -= 1
        window_start = max(0, end - 40)
        window = folded[window_start:end]
        for s, _c, e in co.zh_legal_names(window) + org.zh_org_names(window):
            if e == len(window):
                return window_start + s, end
        start = _zh_bounded_start(folded, end)
        if start is not None:
            return start, end
        aside = _ASIDE.search(folded, max(0, end - 70), end)
        if not aside:
            return None
        end = aside.start()
    return None


_EN_ABBREVIATIONS = frozenset({"Co", "Ltd", "Inc", "Corp", "Bros", "Int", "No", "St"})  # full stops inside names


def _after_full_stop(window: str, start: int) -> int:
    """``start`` moved past a sentence's full stop inside the name (of the Company. Apex …);
    the full stop of an abbreviation (Co., Inc.) stays inside."""
    stops = [start + m.end() for m in re.finditer(r"([A-Za-z]{2,})\.\s+(?=[A-Z])", window[start:])
             if m.group(1) not in _EN_ABBREVIATIONS]
    return stops[-1] if stops else start


def _en_name_end(text: str, start: int, legal_only: bool = False) -> int:
    """End of the name at ``start``: the first legal name the capitalised run there begins
    with (… are to X Inc., its subsidiaries; … by X Inc. Unless …), else the whole run."""
    end = co.en_capitalised_run(text, start)
    window = text[start:end + (text[end:end + 1] == ".")]
    legal = [e for s, _c, e in co.en_legal_names(window) if s == 0]
    if legal:
        return start + min(legal)
    return start if legal_only else end


def _en_name_before(text: str, end: int) -> tuple[int, int] | None:
    """(start, end) of the English name printed right before ``end`` (past asides), never
    running back over a line of its own (a heading, a table of contents row)."""
    for _ in range(3):
        while end > 0 and text[end - 1] in " *":
            end -= 1
        window_start = max(0, end - 160, text.rfind("\n", 0, end) + 1)
        window = text[window_start:end]
        for s, _c, e in co.en_legal_names(window) + org.en_org_names(window):
            if e == len(window):
                return window_start + _after_full_stop(window, s), end
        aside = _ASIDE.search(text, max(0, end - 70), end)
        if not aside:
            return None
        end = aside.start()
    return None


def find_definitions(head: Head, lang: str) -> list[Definition]:
    """Every "full name -> short names" definition in ``head``."""
    out: list[Definition] = []
    if lang == "en":
        text = head.original
        for pat in (_EN_EXPR, _EN_AFTER):
            for m in pat.finditer(text):
                span = _en_name_before(text, m.start())
                if span is None:
                    continue
                names, refs = _split_aliases(m.group(1), _EN_QUOTED)
                name = text[span[0]:span[1]].strip().rstrip("*").strip()
                out.append(Definition(name, span[0], names, refs, _sentence_at(text, m.start())))
        for m in _EN_BEFORE.finditer(text):
            end = _en_name_end(text, m.end())
            if end > m.end():
                names, refs = _split_aliases(m.group(1), _EN_QUOTED)
                out.append(Definition(text[m.end():end], m.end(), names, refs, _sentence_at(text, m.start())))
        return sorted(out, key=lambda d: d.start)
    text = head.folded
    for m in [*_ZH_AFTER.finditer(text), *_ZH_EXPR.finditer(text)]:
        span = _zh_name_before(text, m.start())
        if span is None:
            continue
        names, refs = _split_aliases(head.original[m.start(1):m.end(1)], _ZH_QUOTED)
        if not names and not refs:
            continue
        name = head.original[span[0]:span[1]].strip()
        out.append(Definition(name, span[0], names, refs, _sentence_at(head.original, m.start())))
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


# ---- the cover --------------------------------------------------------------------------

@dataclass
class Cover:
    """What the cover prints before the contents: legal names on lines of their own (the
    issuer, often in two scripts) and short names or brands (永澤能源, NOVAQUILL, the lead of
    a title line 某某集團 2023年度環境、社會及管治報告)."""

    names: list[str] = field(default_factory=list)
    brands: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)  # calendar years printed (2023, 二〇二三年), not 2023/24 or FY


_CONTENTS = re.compile(r"^(?:目录|目錄|contents|tableofcontents)$", re.I)
_TITLE_START = re.compile(
    r"(?:\d{4}|FY\s*\d|[〇零○一二三四五六七八九]{4}|环境|環境|可持续|可持續|社会责任|社會責任|ESG|年报|年報|报告|報告|"
    r"管治|治理|annual|sustainability|environmental|social|governance|report|corporate\s+social)", re.I)


def _whole_legal_name(line: str, en: bool) -> bool:
    """Whether a cover line is one company name with its legal form and nothing else."""
    if en:
        probe = line.title() if line.isupper() else line
        return any(s == 0 and e == len(probe) for s, _c, e in co.en_legal_names(probe))
    f = to_simplified(line)
    if not re.fullmatch(r"[^\s，,。；;：:、「」“”《》]{4,40}", f) or f[0] in "（(":
        return False
    return any(s == 0 and e == len(f) for s, _c, e in co.zh_legal_names(f)) or _zh_bounded_start(f, len(f)) == 0


_ABOUT = re.compile(r"^(?:关于本报告|關於本報告|报告说明|報告說明|about\s+(?:this|the)\s+report)", re.I)
_TITLE_SPLIT = re.compile(r"(?<=报告|報告)|(?<=\breport\b)\s*", re.I)


def read_cover(document, max_blocks: int = 12) -> Cover:
    """The cover: the first lines before the table of contents, the "about this report"
    section or prose. A title and a name the reader ran together into one block
    (2024年環境、社會及管治報告某某股份有限公司) are split after the title's 報告/Report."""
    en = document.language == "en"
    lines: list[str] = []
    for block in document.blocks[:max_blocks]:
        t = block.text.strip()
        if len(t) > 120 or _ABOUT.match(t):
            break
        for piece in (p.strip() for p in _TITLE_SPLIT.split(t)):
            if _CONTENTS.match(re.sub(r"\s+", "", piece)) or _ABOUT.match(piece):
                return _cover_of(lines)
            if lines and _breaks_legal_form(lines[-1], piece, en):
                lines[-1] += (" " if en else "") + piece
            elif piece:
                lines.append(piece)
    return _cover_of(lines)


_COVER_YEAR = re.compile(r"(?<![\d/／])(?<!FY)(?<!FY )(\d{4}|[〇零○一二三四五六七八九]{4})(?![\d/／])(?!\s*(?:财|財))")


def _cover_of(lines: list[str]) -> Cover:
    """Sort cover lines into names, brands and years; a labelled line (股份代號：2736,
    Stock Code: 1987) is none of them."""
    cover = Cover()
    for line in lines:
        while _ASIDE.search(line) and not line.lstrip().startswith(("（", "(")):
            line = _ASIDE.sub("", line)  # 某某有限公司 (Stock Code: 1987)
        line = line.strip().rstrip("*").strip()
        if re.search(r"[：:]", line):
            continue
        cover.years += [y for y in (_zh_int(m.group(1)) for m in _COVER_YEAR.finditer(line)) if 1990 <= y <= 2100]
        if _whole_legal_name(line, not re.search(r"[\u4e00-\u9fff]", line)):
            if not _is_exchange(line):
                cover.names.append(line)
            continue
        m = _TITLE_START.search(line)
        brand = (line[:m.start()] if m else line).strip(" |-–—")
        if 2 <= len(brand) <= 30 and not re.search(r"[\d，,。（(）)/|]", brand):
            cover.brands.append(brand)
    return cover


def _cover_score(name: str, cover: Cover) -> int:
    """How well the cover backs ``name``: printed whole on it (100), else the length of the
    longest cover brand (or its short form) the name begins with."""
    k = match_key(name)
    if any(match_key(c) == k for c in cover.names):
        return 100
    forms = [f for b in cover.brands for f in (b, *short_forms(b))]
    return max((len(match_key(f)) for f in forms if len(match_key(f)) >= 2 and k.startswith(match_key(f))), default=0)


# ---- publisher --------------------------------------------------------------------------

_NOT_PUBLISHER_ZH = ("交易所", "结算所", "证监会", "监督管理委员会")
_NOT_PUBLISHER_EN = ("Exchange", "Clearing", "Commission")
_ZH_ISSUER = r"([^，。；「」“”\n]{2,40}?)"
_ZH_ISSUED = (
    # 本报告为/由/是 X（首次）发布, 本报告以 X 为报告主体
    re.compile(r"(?:本报告|报告)(?:是|为|由|乃)(?:[^，。；]{0,12}?，\s*是)?" + _ZH_ISSUER
               + r"(?:[（(][^（）()]{0,80}[）)])?(?:(?:及|连同|与)其?(?:附属公司|子公司)(?:[（(][^（）()]{0,80}[）)])?)?"
                 r"(?:连续|首次|第[一二三四五六七八九十\d]+次|编制及|编制并|独立|正式)?"
                 r"(?:发布|发佈|编制|出具|披露|刊发|提呈|呈报|呈列)"),
    re.compile(r"以" + _ZH_ISSUER + r"为(?:报告)?主体"),
    # …，X（欣然/现）刊发本年度…报告
    re.compile(r"(?:^|(?<=[，。；\n]))" + _ZH_ISSUER + r"(?:欣然|谨|现|特此)?(?:刊发|发布|发佈|提呈|呈报|呈列)"
               r"[^，。；\n]{0,30}?报告"),
)
_EN_ISSUED = re.compile(r"\breport\b[^.]{0,120}?\b(?:issued|published|prepared|released|presented)\s+by\s+(?:the\s+)?", re.I)
_EN_PRESENTS = re.compile(r"\s+(?:is|are)\s+(?:pleased|delighted)\s+to\s+(?:present|publish)|\s+presents\s+(?:its|this)\b")
_FORMER = re.compile(r"(?:前称|前身为|前身是|原名|原称|formerly\s+known\s+as|formerly|former\s+name)[\s「“\"]*$", re.I)
# A name in another body's slot: a parent, shareholder, subsidiary, venture, adviser or former self.
_ZH_SUBORDINATE = re.compile(r"(?:控股股东|股东|母公司|母集团|附属公司|子公司|合营|联营|合资|顾问|核数师|会计师|前称|前身|原名|"
                             r"成员企业|分拆)[^，。；\n]{0,8}$")
_EN_SUBORDINATE = re.compile(r"(?:subsidiary|subsidiaries|division|parent|shareholder|joint\s+venture|associate|"
                             r"consultant|adviser|advisor|auditor|formerly|former|spin-off|member)\b[^.;\n]{0,25}$", re.I)


def _is_exchange(name: str) -> bool:
    return any(w in to_simplified(name) for w in _NOT_PUBLISHER_ZH) or any(
        re.search(rf"\b{w}\b", name) for w in _NOT_PUBLISHER_EN)


def _is_former(text: str, start: int) -> bool:
    return bool(_FORMER.search(text, max(0, start - 20), start))


def _legal_names(text: str, lang: str) -> list[tuple[int, int, int]]:
    """Legal names line by line, so none runs across a heading or cover line."""
    out, pos = [], 0
    for line in text.split("\n"):
        found = co.en_legal_names(line) if lang == "en" else co.zh_legal_names(line)
        out += [(pos + s, pos + c, pos + e) for s, c, e in found]
        pos += len(line) + 1
    return out


def _zh_issuer(head: Head, m: re.Match) -> Definition | None:
    """The legal name a Chinese issuer phrase ends its name slot with (本报告由|X|发布)."""
    slot = head.folded[m.start(1):m.end(1)].rstrip()
    found = [s for s, _c, e in co.zh_legal_names(slot) if e == len(slot)]
    start = found[0] if found else _zh_bounded_start(slot, len(slot))
    if start is None:
        return None
    s = m.start(1) + start
    return Definition(head.original[s:m.start(1) + len(slot)], s, sentence=_sentence_at(head.original, m.start(1)))


def _en_issuer_after(text: str, start: int) -> Definition | None:
    """The legal name at ``start`` (… published by X Inc. Unless …)."""
    end = _en_name_end(text, start, legal_only=True)
    return Definition(text[start:end], start, sentence=_sentence_at(text, start)) if end > start else None


def _issuers(head: Head, lang: str) -> list[Definition]:
    """Companies the report says issue it (本报告由X发布, X欣然提呈, published by X,
    X is pleased to present)."""
    out: list[Definition] = []
    if lang == "en":
        text = head.original
        for m in _EN_ISSUED.finditer(text):
            d = _en_issuer_after(text, m.end())
            if d:
                out.append(d)
        for m in _EN_PRESENTS.finditer(text):
            span = _en_name_before(text, m.start())
            if span and co.en_legal_names(text[span[0]:span[1]]):
                out.append(Definition(text[span[0]:span[1]], span[0], sentence=_sentence_at(text, m.start())))
    else:
        for pat in _ZH_ISSUED:
            for m in pat.finditer(head.folded):
                d = _zh_issuer(head, m)
                if d:
                    out.append(d)
    return sorted(out, key=lambda d: d.start)


# What follows the issuer's own name: "and its subsidiaries", or its place of incorporation
_EN_SCOPE = re.compile(r"\s*(?:\([^()]{0,80}\)\s*)?,?\s*(?:(?:and|together\s+with)\s+its\s+subsidiaries|"
                       r"\(?(?:a\s+company\s+)?incorporated\s+in\b)", re.I)
_ZH_SCOPE = re.compile(r"\s*(?:[（(][^（）()]{0,80}[）)])?\s*(?:(?:及|连同|与|和)其?(?:附属公司|子公司|附属企业)|"
                       r"[（(，,]\s*(?:一家)?于[^（）()，。]{1,20}注册成立)")
_ZH_FORMS_RE = re.compile("|".join(_ZH_FORMS))


def _frequent(head: Head, lang: str, known: list[str], cover: Cover) -> Definition | None:
    """The legal name printed most often in the head outside another body's slot (a parent's,
    an adviser's, a former name), counting twice where it stands with "and its subsidiaries"
    or its place of incorporation (the issuer's formulas); the cover breaks ties."""
    text = head.original if lang == "en" else head.folded
    spans = [(s, e) for s, _c, e in _legal_names(text, lang)]
    if lang != "en":  # coined names the recogniser misses, when the cover's brand backs them
        for m in _ZH_FORMS_RE.finditer(text):
            start = _zh_bounded_start(text, m.end())
            if start is not None and _cover_score(text[start:m.end()], cover):
                spans.append((start, m.end()))
    for name in known:  # names the head defines or the cover prints
        probe = name if lang == "en" else to_simplified(name)
        spans += [(m.start(), m.end()) for m in re.finditer(re.escape(probe), text)]
    spans = [(s, e) for s, e in set(spans)
             if not any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2 in spans)]
    slot, scope = (_EN_SUBORDINATE, _EN_SCOPE) if lang == "en" else (_ZH_SUBORDINATE, _ZH_SCOPE)
    counts: Counter = Counter()
    first: dict[str, tuple[int, int]] = {}
    for s, e in sorted(spans):
        name = head.original[s:e]
        if _is_exchange(name) or _is_former(text, s):
            continue
        k = match_key(name)
        first.setdefault(k, (s, e))
        if not slot.search(text, max(0, s - 30), s):
            counts[k] += 2 if scope.match(text, e) else 1
    if not counts:
        return None
    k = max(counts, key=lambda k: (counts[k], _cover_score(head.original[slice(*first[k])], cover), -first[k][0]))
    s, e = first[k]
    return Definition(head.original[s:e], s, sentence=_sentence_at(head.original, s))


def choose_publisher(head: Head, defs: list[Definition], lang: str, cover: Cover | None = None) -> Definition | None:
    """The reporter, by the strength of what says so: a definition that also names
    公司/我們/the Company; else a phrase saying who issues the report; else a legal name
    printed as a cover line in the report's script; else the legal name printed most often
    up front. The cover breaks ties inside each; the exchange and former names never count."""
    cover = cover or Cover()
    text = head.original if lang == "en" else head.folded

    def eligible(d: Definition) -> bool:
        return not _is_exchange(d.name) and not _is_former(text, d.start)

    def best(cands: list[Definition]) -> Definition:
        return min(cands, key=lambda d: (-_cover_score(d.name, cover), d.start))

    own = [d for d in defs if d.references and eligible(d)]
    legal = [d for d in own if _legal_names(d.name if lang == "en" else to_simplified(d.name), lang)
             or (lang != "en" and _ZH_FORM_END.search(to_simplified(d.name)))]
    if own:
        pub = best(legal or own)
        keys = {match_key(pub.name), *(match_key(a) for a in pub.aliases)}
        for d in own:
            if d is not pub and match_key(d.name) in keys:
                pub.references = list(dict.fromkeys(pub.references + d.references))
        return pub
    issuers = [d for d in _issuers(head, lang) if eligible(d)]
    if issuers:
        return best(issuers)
    script = [n for n in cover.names if (lang == "en") == (not re.search(r"[\u4e00-\u9fff]", n))]
    for name in script:
        return _at_first(head, lang, name)
    found = _frequent(head, lang, [d.name for d in defs] + script, cover)
    if found is None or (cover.names and (lang == "en") == bool(re.search(r"[\u4e00-\u9fff]", found.name))):
        return _at_first(head, lang, cover.names[0]) if cover.names else found
    return found


def _at_first(head: Head, lang: str, name: str) -> Definition:
    """``name`` where the head first prints it."""
    pos = max((head.original if lang == "en" else head.folded).find(name if lang == "en" else to_simplified(name)), 0)
    return Definition(name, pos, sentence=_sentence_at(head.original, pos))


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
# a year names a calendar year; 2023财年 does not (financial years end in March, June …)
_ZH_YEAR_ONLY = re.compile(rf"(?:报告期|时间范围|报告期间|报告周期|时间跨度)[^。；\n]{{0,12}}?({_ZH_NUM}{{4}})\s*(?:年度|年)")
_ZH_FY_END = re.compile(rf"(?:截至|截止)?\s*{_ZH_DATE}\s*止\s*(?:的)?\s*(?:财政|财务)?\s*(?:年度|十二个月|12\s*个月|一年)")
_EN_FY_END = re.compile(r"(?:financial\s+|fiscal\s+)?(?:year|twelve\s+months|12\s+months|twelve-month\s+period)\s+"
                        r"ended\s+(?:on\s+)?" + _EN_DATE, re.I)


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


def _year_before(end: date) -> tuple[str, str]:
    start = (end.replace(year=end.year - 1) if not (end.month == 2 and end.day == 29)
             else end - timedelta(days=365)) + timedelta(days=1)
    return start.isoformat(), end.isoformat()


def find_period(head: Head, lang: str, cover: Cover | None = None) -> tuple[str, str] | None:
    """The reporting period as ISO dates, by how plainly the report says it: a date range
    about a year long near a period cue; else the end of a financial year (for the year
    ended 30 June 2024, 截至2024年3月31日止十二個月); else any other range; else a year
    (报告期为2022年度); else the one calendar year the cover prints (二零二三年 above the
    title)."""
    text = head.original if lang == "en" else head.folded
    ranges = [(p, a, b) for p, a, b in _ranges(text, lang) if a < b]
    cued = [r for r in ranges if _PERIOD_CUES.search(text[max(0, r[0] - 60):r[0]])]
    for _p, a, b in cued:
        if 300 <= (b - a).days <= 400:
            return a.isoformat(), b.isoformat()
    for m in (_EN_FY_END if lang == "en" else _ZH_FY_END).finditer(text):
        end = _en_date(m.groups()[:6]) if lang == "en" else _date(*(_zh_int(g) for g in m.groups()[:3]))
        if end:
            return _year_before(end)
    for pool in (cued, ranges):
        for lo, hi in ((300, 400), (28, 800)):
            for _p, a, b in pool:
                if lo <= (b - a).days <= hi:
                    return a.isoformat(), b.isoformat()
    m = _ZH_YEAR_ONLY.search(text) if lang != "en" else None
    if m:
        y = _zh_int(m.group(1))
        return f"{y}-01-01", f"{y}-12-31"
    years = set(cover.years) if cover else set()
    if len(years) == 1:
        y = years.pop()
        return f"{y}-01-01", f"{y}-12-31"
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

    cover = read_cover(document)
    pub = choose_publisher(head, defs, lang, cover)
    if pub is not None:
        pub.name = _mixed_case(pub.name, head)
        pub.aliases.extend(n for n in other_language_names(head, pub.name, lang) if n not in pub.aliases)
        ctx.report.publisher = _publisher_mention(ctx, head, pub)
    period = find_period(head, lang, cover)
    if period:
        ctx.report.period_start, ctx.report.period_end = period
    ctx.report.title = find_title(document, ctx.report.publisher, ctx.report.period_end)
    _apply_aliases(ctx, defs)
    if ctx.report.publisher is not None:
        _add_reporter_mentions(ctx)
    co.document_companies(ctx)


def _legal_name_pattern(lang: str) -> str:
    """A legal name in ``lang`` ending in one of the legal forms companies.yaml lists
    (Chinese in Simplified script: it is matched on folded text)."""
    if lang == "zh":
        ends = "|".join(map(re.escape, sorted(P["zh_suffix_heads"], key=len, reverse=True)))
        return rf"[\u3400-\u9fff][\u3400-\u9fff（）()]{{1,30}}?(?:{ends})"
    ends = "|".join(map(re.escape, sorted(P["en_suffixes"], key=len, reverse=True)))
    return rf"[A-Z][A-Za-z0-9&.,'’ ()\-]{{2,80}}?\b(?:{ends})(?![A-Za-z])"


def other_language_names(head: Head, name: str, lang: str) -> list[str]:
    """The publisher's legal name in the other language, where the report prints the two
    together: "X Holdings Limited (碧川環境控股有限公司, the "Company")", 翠嶺置業控股有限公司
    (Tsui Ling Holdings Limited), or a bilingual cover printing one name under the other. This
    is what lets an English and a Chinese report of one company share an IRI."""
    other = _legal_name_pattern("zh" if lang == "en" else "en")
    hay = to_simplified(head.original)  # same length: spans hold for the original
    pattern = r"\s*".join(re.escape(ch) for ch in to_simplified(name) if not ch.isspace())
    found: list[str] = []
    for m in re.finditer(pattern, hay):
        after = re.compile(rf"\s*\*?\s*[（(]\s*({other})\s*[，,;；）)]").match(hay, m.end())
        # a bilingual cover: the other name on the line right after or before
        line_after = re.compile(rf"[ \t]*\n\s*({other})[ \t]*(?:\n|$)").match(hay, m.end())
        before = re.compile(rf"(?:^|\n)\s*({other})[ \t]*\n[ \t]*$").search(hay, max(0, m.start() - 120), m.start())
        for hit in (after, line_after, before):
            if hit:
                text = head.original[hit.start(1):hit.end(1)].strip()
                if text not in found:
                    found.append(text)
    return found


def _mixed_case(name: str, head: Head) -> str:
    """An English name printed in capitals on the cover, as the text prints it in mixed case
    (HARBOURLINE HOLDINGS LIMITED -> Harbourline Holdings Limited), when it does."""
    if not name.isupper() or not re.search(r"[A-Z]{2}", name):
        return name
    pattern = r"\s+".join(re.escape(w) for w in name.split())
    for m in re.finditer(pattern, head.original, re.I):
        if not m.group().isupper():
            return re.sub(r"\s+", " ", m.group())
    return name


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
_ZH_SELF = re.compile(r"我们|我司|本公司|本集团|本行|我行|公司(?!治理|章程)|集团")
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
            if not en and len(name) == 2 and not co.zh_word_at(hay, m.start(), m.end()):
                continue  # 阿里 in 阿里云
            if free(m.start(), m.end(), frozenset({"Company"})):
                out.append((m.start(), m.end()))
    for m in (_EN_SELF if en else _ZH_SELF).finditer(hay):
        if free(m.start(), m.end(), _NAMED_TYPES):
            out.append((m.start(), m.end()))
    return sorted(out)


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
            if not en and len(m.group()) == 2 and not co.zh_word_at(hay, m.start(), m.end()):
                continue
            surface = sent.text[m.start():m.end()]
            mention = Mention(
                type="Company", text=surface, key=pub.key, lang=language_of(surface, ctx.document.language),
                evidence=sent.evidence(), label=pub.label, aliases=(), attrs={"reporter": True}, start=s, end=e)
            sent.mentions.append(mention)
            ctx.mentions.append(mention)
