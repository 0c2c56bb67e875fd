"""``holdsCertification``: a company -> a certification it holds.

Reports name certifications for many reasons: held (已獲得ISO 27001認證), required of suppliers
(優先選用具備ISO 14001認證的供應商), followed as a standard (按照ISO 9001要求), planned, or held
by staff (內審員資格認證). A mention counts as held when it is a row of a list introduced as
held certifications, or else when its sentence (with the part a PDF line break cut off before
it) says so. A plan or a third party named after the scheme counts only within its clause
(已續獲LEED認證，並正申請WELL預認證: LEED is held).

A list is opened by a heading, caption or introducing sentence about held certifications
(認證情況, 合規資質, 我們的一些合規資質包括, "we hold the following") and runs over its items
(table rows, short lines that are little more than names, or rows led by a scheme name, or by
a holder's name and then a scheme, with a description beside it) until a few sentences of
prose, or a sentence about suppliers, end it. Every scheme in every row counts, whatever the
description column says, unless the row is a plan or names a third party before the scheme.

Who holds it:
- in a list row, the company named before the scheme (the holder cell); a row that opens with
  a scheme continues the holder of the row above (a holder's certificates run over several
  rows); a row that opens with something else (a platform, a system) is the reporter's. The
  company counts only when it is one of the reporter's own units (named in the list's
  introduction, sharing the reporter's brand or short name, or called a subsidiary) or the
  table has a holder column (持有實體, Holder), since a company's certificate table is its own;
- in prose, the subject of the scheme's clause, or of the clause before when it has none: the
  first company named there (not one named as the certifier: 經SGS認證), with the companies
  coordinated with it (翠嶺物業及翠嶺建築均已取得…: both);
- else the reporter. Where a holder-column table gives a scheme to named companies only, a
  prose mention of it that names no holder is taken as the table's summary, not as the
  reporter's own certificate.
Holders are found also where no recogniser named them: a defined short name of a company
(JR Smart Water), or a legal name opening a certificate row. ESG ratings always belong to the
rated reporter, not to the agency named beside them.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..components.base import load_patterns
from ..components.framework import flexible
from ..model import Mention, Relation, Sentence
from ..normalise import language_of, match_key, to_simplified
from ..report import is_reporter_reference
from .frameworks import heading_of, joined

_NOISE = re.compile(r"[\s\d\W_]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LEAD = re.compile(r"[\s\d\W_]*")  # bullets, numbering and spaces before a row's first name
_GAP = re.compile(r"\s*")  # what may stand between a holder cell and its first scheme
_INTRO_SENTENCES = 2  # prose sentences between an introduction (or an item) and the next item
_BRAND_CHARS = 2  # a Chinese brand: the first characters two company names share
_HEADER_CHARS = 40  # a header row naming the holder column is short


@lru_cache(maxsize=1)
def rules() -> dict:
    h = load_patterns("certifications")["holding"]
    return {k: flexible(v) for k, v in h.items() if isinstance(v, str)} | {"rest": int(h["list_item_rest"])}


def _local(sentence: Sentence, m: Mention) -> tuple[int, int]:
    return m.start - sentence.start, m.end - sentence.start


def _blanked(sentence: Sentence, mentions: list[Mention]) -> str:
    """The folded sentence with its mentions blanked out: the words around the names."""
    text = sentence.folded
    for m in mentions:
        s, e = _local(sentence, m)
        if 0 <= s < e <= len(text):
            text = text[:s] + " " * (e - s) + text[e:]
    return text


def _of(mentions: list[Mention], type_: str) -> list[Mention]:
    return [m for m in mentions if m.type == type_]


def _lead(sentence: Sentence) -> int:
    return _LEAD.match(sentence.folded).end()


def _holder_cell(sentence: Sentence, mentions: list[Mention], company: Mention) -> bool:
    """Whether ``company`` is a row's holder cell: it opens the row, or only spaces part it
    from the scheme after it (a row the layout ran into the one above)."""
    s, e = _local(sentence, company)
    if s == _lead(sentence):
        return True
    return any(c.start >= company.end and _GAP.fullmatch(sentence.folded, e, _local(sentence, c)[0])
               for c in _of(mentions, "Certification"))


def is_list_item(sentence: Sentence, mentions: list[Mention]) -> bool:
    """A short line that is little more than the names it carries (a table row, a bullet),
    or a row that opens with a scheme name, or with a holder's name and then a scheme, and
    describes it (``PCI DSS 支付卡行業…``, ``X有限公司 ISO 9001 物業管理服務``)."""
    rest = _NOISE.sub("", _blanked(sentence, mentions))
    if len(rest) <= rules()["rest"] * (1 if _CJK.search(rest) else 3):
        return True
    lead = _lead(sentence)
    for m in sorted(mentions, key=lambda m: m.start):
        if _local(sentence, m)[0] < lead:
            continue
        if m.type == "Certification":
            return _local(sentence, m)[0] == lead
        return m.type == "Company" and _local(sentence, m)[0] == lead and _holder_cell(sentence, mentions, m)
    return False


def _introduces(text: str) -> bool:
    """Whether a heading, caption or sentence introduces certifications the company holds."""
    r = rules()
    return bool(r["list_headings"].search(text)) and not r["others"].search(text) \
        and not r["planned"].search(text)


def held_lists(sentences: list[Sentence], found: list[list[Mention]] | None = None) -> dict[int, tuple[int, ...]]:
    """Items of lists introduced as held certifications: sentence index -> the indices of the
    sentences that introduced its list (captions, introducing prose; none when only the
    section heading does). ``found[i]``: the mentions of sentence ``i`` (its own by default)."""
    r = rules()
    found = found or [s.mentions for s in sentences]
    out: dict[int, tuple[int, ...]] = {}
    intros: tuple[int, ...] | None = None  # None: no list open
    prose = 0
    for i, sent in enumerate(sentences):
        is_item = sent.block.kind == "table" or is_list_item(sent, found[i])
        if _introduces(_blanked(sent, found[i])):  # not the 體系認證 of a certificate's own name
            intros, prose = (*(intros or ()), i), 0
            if sent.block.kind == "heading" or not is_item:
                continue
        if sent.block.kind != "heading" and is_item:
            if intros is None and _introduces(heading_of(sent)):
                intros = ()
            if intros is not None:
                out[i] = intros
                prose = 0
            continue
        if r["others"].search(sent.folded) or r["planned"].search(sent.folded):
            intros = None
        elif intros is not None:
            prose += 1
            if prose > _INTRO_SENTENCES:
                intros = None
    return out


def _says_held(text: str) -> bool | None:
    """True/False when the words decide, None when they say nothing either way."""
    r = rules()
    if r["others"].search(text) or r["planned"].search(text):
        return False
    if r["held"].search(text):
        return True
    if r["followed"].search(text):
        return False
    return None


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the clause of ``text`` holding ``[start, end)``."""
    clause = rules()["clause"]
    left = max((m.end() for m in clause.finditer(text, 0, start)), default=0)
    m = clause.search(text, end)
    return left, m.start() if m else len(text)


def _held_in_prose(text: str, start: int, end: int) -> bool:
    """Whether the sentence ``text`` says the scheme at ``[start, end)`` is held. A plan or a
    third party before the scheme undoes it unless a later clause says held again before the
    scheme; one after it undoes it only within its clause."""
    r = rules()
    negative = [m for rx in (r["others"], r["planned"]) for m in rx.finditer(text)]
    after_end = _clause_bounds(text, start, end)[1]
    if any(end <= m.start() < after_end for m in negative):
        return False
    before = [m for m in negative if m.start() < start]
    if before:
        last = max(m.end() for m in before)
        boundary = r["clause"].search(text, last, start)
        if not (boundary and r["held"].search(text, boundary.end(), start)):
            return False
    if r["held"].search(text):
        return True
    return False


def is_held(sentences: list[Sentence], i: int, cert: Mention, lists: dict) -> bool:
    r = rules()
    text = joined(sentences, i)
    if cert.attrs.get("scheme") == "esg-rating":  # a grade is always someone's: the reporter's
        return not (r["others"].search(text) or r["planned"].search(text))
    sent = sentences[i]
    if i in lists:
        before = sent.folded[:max(_local(sent, cert)[0], 0)]
        return not (r["planned"].search(sent.folded) or r["others"].search(before))
    offset = len(text) - len(sent.folded)
    s, e = _local(sent, cert)
    return _held_in_prose(text, offset + s, offset + e)


def _brand(name: str) -> str:
    """The part of a company name a group's units share: 阿里 of 阿里雲, "alibaba" of
    Alibaba Cloud."""
    if _CJK.match(name):
        k = match_key(name)
        return k[:_BRAND_CHARS] if len(k) > _BRAND_CHARS else ""
    word = re.match(r"[A-Za-z]+", name.strip())
    return word.group(0).casefold() if word and len(word.group(0)) >= 3 else ""


def is_own_unit(ctx, company: Mention, row: Sentence, intro: list[Sentence]) -> bool:
    """Whether ``company`` is presented as one of the reporter's own units: named in the
    list's introduction, called a subsidiary there or in the row, carrying the reporter's
    brand, or the reporter's short name inside its own (Zhaoqing Jade River Water of Jade
    River)."""
    pub = ctx.reporter
    if any(m.type == "Company" and m.key == company.key for s in intro for m in s.mentions):
        return True
    if any(rules()["own_unit"].search(s.folded) for s in (*intro, row)):
        return True
    brand = _brand(company.text)
    if brand and any(_brand(n) == brand for n in (pub.text, *pub.aliases)):
        return True
    key = match_key(company.text)
    return any(len(k) >= 4 and k in key for k in (match_key(a) for a in pub.aliases if not _CJK.search(a)))


# --- holders no recogniser named ------------------------------------------------------------

def _name_index(ctx) -> tuple[re.Pattern | None, dict[str, Mention]]:
    """A pattern over the names and defined short names of the companies the report names
    (folded), and the mention each stands for."""
    forms: dict[str, Mention] = {}
    for m in ctx.mentions:
        if m.type != "Company" or m.key == ctx.reporter.key:
            continue
        for form in (m.text, *m.aliases):
            f = to_simplified(form.strip())
            if len(match_key(f)) >= (3 if _CJK.search(f) else 5) and not is_reporter_reference(ctx, f):
                forms.setdefault(f.casefold(), m)
    if not forms:
        return None, forms
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z0-9])(?:{alts})(?![A-Za-z0-9])", re.IGNORECASE), forms


def _at(sentence: Sentence, s: int, e: int, type_: str, key: str, lang: str,
        like: Mention | None = None) -> Mention:
    """A mention of the words ``[s, e)`` of ``sentence``."""
    text = sentence.text[s:e]
    return Mention(type_, text, key, language_of(text, lang), sentence.evidence(),
                   label=like.label if like else None, start=sentence.start + s, end=sentence.start + e)


def _within(m: Mention, names: list[Mention]) -> bool:
    """Whether company ``m`` is a shorter part of a longer name found (Evermount of Evermount Life)."""
    return m.type == "Company" and any(n.start <= m.start and m.end <= n.end and n.end - n.start > m.end - m.start
                                       for n in names)


def _free(mentions: list[Mention], sentence: Sentence, s: int, e: int) -> bool:
    return not any(a < e and s < b for a, b in (_local(sentence, m) for m in mentions))


def _more_holders(ctx, sentence: Sentence, mentions: list[Mention], names) -> list[Mention]:
    """Companies the recognisers left unnamed in a sentence: short names the report defined
    for a company it names elsewhere, and a legal name in the holder cell before a scheme."""
    rx, forms = names
    lang = ctx.report.language
    out: list[Mention] = []
    if rx is not None:
        for m in rx.finditer(sentence.folded):
            inside = [x for x in mentions if x.type == "Company" and sentence.start + m.start() <= x.start
                      and x.end <= sentence.start + m.end() and x.end - x.start < m.end() - m.start()]
            if _free([x for x in mentions if x not in inside] + out, sentence, m.start(), m.end()):
                src = forms[m.group(0).casefold()]
                out.append(_at(sentence, m.start(), m.end(), "Company", src.key, lang, src))
    certs = _of(mentions, "Certification")
    if certs:
        first = min(_local(sentence, c)[0] for c in certs)
        lead = _lead(sentence)
        cell = rules()["legal_name"].fullmatch(sentence.folded[lead:first].rstrip())
        if cell and first > lead and _free(mentions + out, sentence, lead, first):
            e = lead + cell.end()
            out.append(_at(sentence, lead, e, "Company", match_key(sentence.text[lead:e]), lang))
    return out


def _row_scheme(sentence: Sentence, mentions: list[Mention], lang: str) -> Mention | None:
    """A scheme no gazetteer knows, named by its head word (認證, Certification) at the start
    of a row, or right after the row's holder: 香港綠色機構認證 嶺薈旗下四間酒店."""
    r = rules()
    if _of(mentions, "Certification"):
        return None
    start = _lead(sentence)
    companies = sorted(_of(mentions, "Company"), key=lambda m: m.start)
    if companies and _local(sentence, companies[0])[0] == start:
        start = _LEAD.match(sentence.folded, _local(sentence, companies[0])[1]).end()
    m = r["row_scheme"].match(sentence.folded, start)
    if not m or not re.match(r"\s|$", sentence.folded[m.end():m.end() + 1]):
        return None
    if r["row_scheme_generic"].search(match_key(m.group(0))):
        return None
    s, e = m.span()
    while e > s and sentence.text[e - 1] in "」”\"":
        e -= 1
    while s < e and sentence.text[s] in "「“\"":
        s += 1
    return _at(sentence, s, e, "Certification", match_key(sentence.text[s:e]), lang)


# --- who holds it ---------------------------------------------------------------------------

def _subject_group(sentence: Sentence, companies: list[Mention]) -> list[Mention]:
    """The first company and those coordinated with it (A及B均已取得: A and B)."""
    group = [companies[0]]
    joiner = rules()["coordinator"]
    for m in companies[1:]:
        if not joiner.fullmatch(sentence.folded, _local(sentence, group[-1])[1], _local(sentence, m)[0]):
            break
        group.append(m)
    return group


def _in_proper_name(sentence: Sentence, m: Mention) -> bool:
    """A one-word brand that a capitalised word continues (Evermount Tower): a building or a
    product named after the company, not the company."""
    s, e = _local(sentence, m)
    return " " not in m.text.strip() and bool(re.match(r" [A-Z][a-z]", sentence.text[e:e + 3]))


def _sentence_row(sentence: Sentence, cert: Mention) -> bool:
    """A list item that is a sentence saying who obtained the scheme (X已通过…认证): its
    subject is the holder, as in prose, whatever the list's holder cells."""
    return sentence.block.kind != "table" and bool(
        rules()["held"].search(sentence.folded, _lead(sentence), max(_local(sentence, cert)[0], 0)))


def _is_reporter(ctx, m: Mention) -> bool:
    return m.key == ctx.reporter.key or is_reporter_reference(ctx, m.text)


def prose_holders(ctx, sentence: Sentence, mentions: list[Mention], cert: Mention) -> tuple[list[Mention], bool]:
    """The holders of ``cert`` in prose and whether the sentence names them (False: the
    reporter by default)."""
    r = rules()
    text = sentence.folded
    companies = sorted((m for m in _of(mentions, "Company") if m.end <= cert.start
                        and not r["certifier"].search(text[:max(_local(sentence, m)[0], 0)])
                        and not _in_proper_name(sentence, m)),
                       key=lambda m: m.start)
    cut = _local(sentence, cert)[0]
    seps = list(r["clause"].finditer(text, 0, cut))
    clauses = list(zip([0, *(m.end() for m in seps)], [*(m.start() for m in seps), cut]))
    for start, end in reversed(clauses):
        here = [m for m in companies if start <= _local(sentence, m)[0] < end]
        # the reporter named only as the owner of the unit after it (本集團旗下翠嶺物業)
        while len(here) > 1 and _is_reporter(ctx, here[0]) and r["own_unit"].search(
                text, _local(sentence, here[0])[1], _local(sentence, here[1])[0]):
            here = here[1:]
        if here:
            group = _subject_group(sentence, here)
            if any(_is_reporter(ctx, m) for m in group):
                return [ctx.reporter], True
            return group, True
        if r["reporter_subject"].search(text, start, end):
            return [ctx.reporter], True
    return [ctx.reporter], False


@dataclass
class _Row:
    """What a list remembers from row to row."""

    holder: Mention | None = None  # the holder cell of the last row that had one
    holder_column: bool = False
    holder_after: bool = False  # the holder column comes after the scheme's (Certificate Holder Scope)
    units: bool = False  # the holder column names holding units (持有单位), not certified systems (认证主体)

    def read_header(self, header: str) -> None:
        r = rules()
        self.holder_column = self.holder_column or bool(r["holder_column"].search(header))
        self.holder_after = self.holder_after or _holder_after(header)
        self.units = self.units or bool(r["holding_unit"].search(header))


def _holder_after(header: str) -> bool:
    """Whether a header row names the scheme column before the holder column (a short line
    of column names, not a caption like "Certifications held by our subsidiaries")."""
    r = rules()
    if len(header.strip()) > _HEADER_CHARS or r["list_headings"].search(header):
        return False
    holder = r["holder_column"].search(header)
    return bool(holder and r["scheme_column"].search(header, 0, holder.start()))


def _header(sentence: Sentence, mentions: list[Mention]) -> bool:
    """A short row without schemes naming the holder column (持有實體 認證 涵蓋範圍)."""
    return not _of(mentions, "Certification") and len(sentence.text.strip()) <= _HEADER_CHARS \
        and bool(rules()["holder_column"].search(sentence.folded))


def _as_company(m: Mention) -> Mention:
    return Mention("Company", m.text, m.key, m.lang, m.evidence, label=m.label, aliases=m.aliases,
                   start=m.start, end=m.end)


def holder_after(ctx, sentence: Sentence, mentions: list[Mention], cert: Mention) -> Mention | None:
    """The holder cell after ``cert`` in a row whose holder column follows the scheme's: the
    legal name between the scheme (past its title, "Environmental Management System") and
    the next scheme, with a branch after it; the unit mention it ends with, if any."""
    r = rules()
    text = sentence.folded
    s = _local(sentence, cert)[1]
    e = min((_local(sentence, c)[0] for c in _of(mentions, "Certification") if c.start >= cert.end),
            default=len(text))
    title = r["scheme_title"].match(text, s, e)
    s = title.end() if title else s
    name = r["legal_name"].search(text, s, e)
    if not name or _NOISE.sub("", text[s:name.start()]):
        return None
    end = name.end()
    branch = r["branch"].match(text, end, e)
    end = branch.end() if branch else end
    inside = [m for m in _of(mentions, "Company") if s + sentence.start <= m.start and m.end == sentence.start + end]
    if inside:
        return min(inside, key=lambda m: m.start)
    return _at(sentence, name.start(), end, "Company", match_key(sentence.text[name.start():end]),
               ctx.report.language)


def list_holder(ctx, sentence: Sentence, mentions: list[Mention], cert: Mention, row: _Row,
                intro: list[Sentence]) -> Mention | None:
    """The named holder of ``cert`` in a list row, or None for the reporter by default."""
    r = rules()
    text = sentence.folded
    units = _of(mentions, "Company") + (_of(mentions, "Organization") if row.holder_column else [])
    before = [m for m in units if m.end <= cert.start
              and not r["certifier"].search(text[:max(_local(sentence, m)[0], 0)])]
    if before:
        named = max(before, key=lambda m: m.start)
        if named.type != "Company":  # a school or hospital in the holder column is a unit
            named = _as_company(named)
        if _holder_cell(sentence, mentions, named):
            row.holder = named
    elif _local(sentence, cert)[0] == _lead(sentence) or not _NOISE.sub("", text[:_local(sentence, cert)[0]]) \
            or row.units:  # a scope cell (a system, a platform) under the holding unit above
        named = row.holder
    else:  # a row of a platform or a system
        named = row.holder = None
    if named is None or _is_reporter(ctx, named):
        return named
    if row.holder_column or is_own_unit(ctx, named, sentence, intro):
        return named
    return None


def extract(ctx) -> Iterator[Relation]:
    if ctx.reporter is None:
        return
    reporter = ctx.reporter
    sentences = ctx.sentences
    names = _name_index(ctx)
    lang = ctx.report.language
    found = [list(s.mentions) for s in sentences]
    for i, sent in enumerate(sentences):
        more = _more_holders(ctx, sent, found[i], names)
        found[i] = [m for m in found[i] if not _within(m, more)] + more
    candidates = {}
    for i, sent in enumerate(sentences):
        scheme = _row_scheme(sent, found[i], lang)
        if scheme is not None:
            candidates[i] = scheme
            found[i].append(scheme)
    lists = held_lists(sentences, found)
    for i, scheme in candidates.items():
        if i not in lists or _introduces(sentences[i].folded) or _header(sentences[i], found[i]):
            found[i].remove(scheme)
    edges: list[tuple[Mention, Mention, Sentence, bool]] = []  # holder, cert, evidence, named
    tabled: dict[str, set[str]] = {}  # scheme key -> holders a holder-column table names
    row = _Row()
    for i, sent in enumerate(sentences):
        mentions = found[i]
        if i in lists:
            if i - 1 not in lists:
                row = _Row()
                row.read_header(heading_of(sent))
            if _header(sent, mentions):
                row.read_header(sent.folded)
            lead = [m for m in _of(mentions, "Company") if _local(sent, m)[0] == _lead(sent)]
            if lead and not _of(mentions, "Certification"):
                row.holder = lead[0]  # a holder cell on a line of its own, its schemes below
        for cert in sorted(_of(mentions, "Certification"), key=lambda m: m.start):
            if not is_held(sentences, i, cert, lists):
                continue
            if cert.attrs.get("scheme") == "esg-rating":
                edges.append((reporter, cert, sent, True))
            elif i in lists and not _sentence_row(sent, cert):
                intro = [sentences[k] for j in lists[i] for k in (j - 1, j) if 0 <= k < i]
                opens = any(_local(sent, m)[0] == _lead(sent) for m in _of(mentions, "Company"))
                named = holder_after(ctx, sent, mentions, cert) if row.holder_after and not opens \
                    else list_holder(ctx, sent, mentions, cert, row, intro)
                holder = reporter if named is None or _is_reporter(ctx, named) else named
                edges.append((holder, cert, sent, True))  # a row of a list says whose it is
                if row.holder_column:
                    tabled.setdefault(cert.key, set()).add(holder.key)
            else:
                holders, named = prose_holders(ctx, sent, mentions, cert)
                edges.extend((h, cert, sent, named) for h in holders)
    for holder, cert, sent, named in edges:
        if not named and cert.key in tabled and reporter.key not in tabled[cert.key]:
            continue  # the table says who holds it
        yield Relation(holder, "holdsCertification", cert, sent.evidence())
