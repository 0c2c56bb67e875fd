"""Recogniser for organisations that are not companies: regulators, government bodies, NGOs,
foundations, hospitals, universities, associations and alliances.

A name is a distinctive part followed by a head noun (…基金會, …協會, …醫院, …大學;
Foundation, University, "Hospital of …"). Heads that also name a firm's own units (中心,
實驗室, Center, Office) need a qualifier in front (國家, a place name, National). A small
gazetteer holds the central government bodies that carry no head noun (公安部, 商務部) and
international bodies known by acronym (UNDP, WWF). A weak head is enough for a party of
联合/携手, and a Chinese name printed with an English body name (碳信托 (Carbon Trust)) is one.
Organisations only ever cost precision in the evaluation, so the rules are strict.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..normalise import match_key
from .base import add_span, compile_alternation, load_patterns
from .company import P as COMPANY_PATTERNS
from .company import (
    en_name_start,
    zh_run_start,
    taken_ranges,
    zh_core_ok,
    zh_name_start,
    zh_partner_lists,
    zh_tokens,
)

P = load_patterns("organizations")

_HEADS = compile_alternation(P["zh_heads"])
_WEAK = frozenset(P["zh_weak_heads"])
_QUALIFIERS = tuple(P["zh_qualifiers"])
_PLACES = tuple(P["zh_place_names"])
_GENERIC = frozenset(P["zh_generic_cores"])
_GAZETTEER = compile_alternation(P["zh_gazetteer"])
_FOLLOWERS = tuple(P["zh_head_followers"])
_PARTNER_ORG_END = re.compile(r"(?:院|局|委|所|署|馆|中心|联盟|组织|政府|会|报社|出版社|电视台)$")
_LATIN = re.compile(r"[A-Za-z]")
# A weak head (…研究中心) still names a body when the name acts as a party to a joint verb
# (由X研究中心联合…, 携手X中心): an internal unit is not written as a co-operating party.
_ZH_JOINT_AFTER = re.compile(r"\s*(?:[（(][^（）()]{1,20}[）)])?\s*(?:联合|携手|联手)")
_ZH_JOINT_BEFORE = re.compile(r"(?:联合|携手|联手|联同|伙拍)\s*$")
_ZH_WEAK_BEFORE = re.compile(r"(?:与|和|同)\s*$")
_ZH_COOP_AFTER = re.compile(r"\s*(?:「[^「」]{1,12}」)?\s*(?:合办|合作|协办|共同|联合|携手|签署|签订)")
# 在X的技术支持下 / 在X指导下: X supports the work, a partner; only names ending like a body
SUPPORTED = re.compile(
    r"在\s*([^\s，。；、的在]{2,20}?)\s*(?:的)?\s*(?:大力|鼎力|全力|悉心|专业|技术|学术)?(?:支持|指导|协助)(?:和指导|与指导)?下")
_ACRONYMS = compile_alternation(P["acronyms"])
_EN_GAZETTEER = compile_alternation(P["en_gazetteer"])


def _zh_qualified(core: str) -> bool:
    """A place, 国家/中国 or Latin letters in front of a weak head (国家…中心, 上海…实验室)."""
    if _LATIN.search(core) or core.startswith(_QUALIFIERS):
        return True
    toks = zh_tokens(core)
    return bool(toks) and toks[0][1] == "ns"


_COUNTED = re.compile(r"(?:[0-9０-９]+|[一二两三四五六七八九十百几数多]+)[所家个间座]$")


def zh_org_core_ok(core: str, head: str) -> bool:
    """Whether ``core`` + ``head`` names one organisation rather than a kind of one."""
    if core in _GENERIC or not core.strip() or _COUNTED.search(core):
        return False  # …营运四所学校: a count of a kind, not a name
    toks = [w for w, _f, _o in zh_tokens(core)]
    if all(w in _GENERIC for w in toks):
        return False
    if head in _WEAK and not _zh_qualified(core):
        return False
    return zh_core_ok(core) or _zh_qualified(core)


def zh_org_names(text: str) -> list[tuple[int, int, int]]:
    """(start, head start, end) of organisation names in Simplified ``text``; a name that
    sits inside a longer one (浙江大学 in 浙江大学医学院附属第一医院) is dropped."""
    cands = []
    for m in _GAZETTEER.finditer(text):
        if not text.startswith(_FOLLOWERS, m.end()):
            q = _NATION_BEFORE.search(text, max(0, m.start() - 9), m.start())  # 中国|生态环境部
            cands.append((q.start() if q else m.start(), m.start(), _branch_end(text, m.end())))
    for m in _HEADS.finditer(text):
        if text.startswith(_FOLLOWERS, m.end()):
            continue  # 公安部门, 政府间
        start = zh_name_start(text, m.start())
        if start is None:
            start = _joint_start(text, m.start(), m.end())
        if start is None and m.group() not in _WEAK:
            start = _place_start(text, m.start())
        if start is None:
            # the name may have a legal form after the head (香港交易及结算所有限公司)
            continue
        core = text[start:m.start()]
        if core[:1] in "（(":
            continue
        if not zh_org_core_ok(core, m.group()) and not _joint_party(text, start, m.end(), core):
            continue
        end = m.end()
        tail = re.match(r"有限公司|有限责任公司", text[end:])
        if tail and m.group() in ("交易所", "结算所"):
            end += tail.end()
        cands.append((start, m.start(), _branch_end(text, end)))
    cands = sorted(set(cands), key=lambda c: (c[0], -(c[2] - c[0]), c[1]))
    out = []
    for c in cands:
        if any(o[0] <= c[0] and c[2] <= o[2] and (o[0], o[2]) != (c[0], c[2]) for o in cands):
            continue
        if any(c[0] < o[2] and o[0] < c[2] for o in out):
            continue
        out.append(c)
    return out


_NATION_BEFORE = re.compile(r"(?:中华人民共和国|中国)$")
_BRANCH = re.compile(r"([\u4e00-\u9fff]{0,4}?)(?:" + "|".join(P["zh_branch_heads"]) + ")")


def _branch_end(text: str, end: int) -> int:
    """世界自然基金会|香港分会: a body's branch in a place is named with the body."""
    m = _BRANCH.match(text, end)
    if m and all(f == "ns" for _w, f, _o in zh_tokens(m.group(1))):
        return m.end()
    return end


def _place_start(text: str, head: int) -> int | None:
    """A place and common words before a strong head (香港中文|大学): the place makes the
    words a name. Only the words back to a stop word, with no verb among them; a scope word
    (全国, 国际) is no place, and a rank or kind after the place (三甲, 一级) names no one body."""
    start = zh_run_start(text, head)
    if start is None or head - start < 3:
        return None
    core = text[start:head]
    place = next((q for q in _PLACES if core.startswith(q)), None)
    if place is None:
        toks = zh_tokens(core)
        place = toks[0][0] if toks and toks[0][1] == "ns" and len(toks[0][0]) >= 2 else None
    rest = core[len(place):] if place else ""
    if not rest or rest in _GENERIC or re.match(r"[一二三四五六七八九十两0-9]", rest):
        return None
    return start


def _party(text: str, start: int, end: int) -> bool:
    """The name stands as a party to a joint act: 联合/携手/联同 X, X联合…, or 与X(「…」)合办/合作."""
    return bool(_ZH_JOINT_AFTER.match(text, end) or _ZH_JOINT_BEFORE.search(text, 0, start)
                or (_ZH_WEAK_BEFORE.search(text, 0, start) and _ZH_COOP_AFTER.match(text, end)))


def _joint_party(text: str, start: int, end: int, core: str) -> bool:
    """A weak-head or common-word name standing as a party of 联合/携手 (由公众环境研究中心联合…,
    与长者安居协会合办)."""
    if core in _GENERIC or not _party(text, start, end):
        return False
    toks = [w for w, _f, _o in zh_tokens(core)]
    return len(core) >= 2 and not any(w in _GENERIC for w in toks[:1]) and not all(w in _GENERIC for w in toks)


_ZH_CORE_RUN = re.compile(r"[\u4e00-\u9fff]{2,10}$")
_ZH_CORE_STOP = re.compile(r".*[由与和及在将的对向]")


def _joint_start(text: str, head: int, end: int) -> int | None:
    """The start of a name with common words only (公众环境|研究中心) when it is a party of
    联合/携手 (or 与X合办): the Chinese run before the head, after its last function character."""
    run = _ZH_CORE_RUN.search(text, max(0, head - 10), head)
    if run is None:
        return None
    stop = _ZH_CORE_STOP.match(run.group())
    start = run.start() + (stop.end() if stop else 0)
    return start if head - start >= 2 and _party(text, start, end) else None


def acronym_orgs(text: str) -> list[tuple[int, int]]:
    """Well-known international bodies written as acronyms (UNDP, WWF) or English names
    (World Bank), in either language's text; uppercase only, not inside a longer word."""
    out = []
    for rx in (_ACRONYMS, _EN_GAZETTEER):
        for m in rx.finditer(text):
            if re.match(r"[A-Za-z0-9]", text[m.end():m.end() + 1]) or re.search(r"[A-Za-z0-9]$", text[:m.start()]):
                continue
            out.append((m.start(), m.end()))
    return out


_ZH_EN_NAMED = re.compile(
    r"([\u4e00-\u9fff]{2,12})\s*[（(]\s*((?:[A-Z][A-Za-z&'’\-]*\s+){1,6}(?:" + "|".join(P["en_heads"]) + r"))[^\sA-Za-z（）()]{0,2}\s*[）)]")
_ZH_NAME_STOP_POS = ("p", "v", "r", "c", "u", "d", "m", "q")


def zh_english_named(text: str) -> list[tuple[int, int, str]]:
    """碳信托 (Carbon Trust): a Chinese name printed with an English one that ends in an
    organisation head word names that organisation; (start, end, English name)."""
    out = []
    for m in _ZH_EN_NAMED.finditer(text):
        if m.group(2).split()[-1] in _EN_NEVER:
            continue
        toks = zh_tokens(m.group(1))
        keep = len(toks)
        while keep and not toks[keep - 1][1].startswith(_ZH_NAME_STOP_POS) and toks[keep - 1][0] not in "由与和及在将的对向":
            keep -= 1
        start = m.start(1) + (toks[keep][2] if keep < len(toks) else len(m.group(1)))
        if m.end(1) - start >= 2 and text[start:m.end(1)] not in _GENERIC:
            out.append((start, m.end(1), m.group(2).strip()))
    return out


def zh_supporters(text: str) -> list[tuple[int, int]]:
    """在X的技术支持下: X when it ends like an organisation (…研究院, …中心, …协会)."""
    out = []
    for m in SUPPORTED.finditer(text):
        name = m.group(1)
        if _PARTNER_ORG_END.search(name) and not name.endswith(("社会", "都会", "机会")) and zh_core_ok(name[:-1]):
            out.append(m.span(1))
    return out


_JOINT = re.compile(r"(?:与|和|同)([\u4e00-\u9fff]{3,16}?(?:" + "|".join(P["zh_joint_party_heads"]) + r"))"
                    r"(?=" + "|".join(P["zh_joint_verbs"]) + r")")


def zh_joint_orgs(text: str) -> list[tuple[int, int]]:
    """与X合办/合作 where X ends like a public body (社会工作局, 经济及科技发展局, …联合总会):
    a body named as a co-organiser is one, even when its name is all ordinary words, as
    government bureaus' names are."""
    out = []
    for m in _JOINT.finditer(text):
        name = m.group(1)
        toks = [w for w, _f, _o in zh_tokens(name)]
        if any(w in name for w in P["zh_joint_internal_words"]):
            continue  # 员工代表委员会: an internal body
        if toks and toks[0] not in _GENERIC and not toks[0].startswith(("我", "本", "各", "其", "该", "相关")):
            out.append(m.span(1))
    return out


def zh_partner_orgs(text: str) -> list[tuple[int, int]]:
    """Partners named after a cooperation cue that end like an organisation (…院, …会,
    …中心): 联合国家检科院 names an institute even with no full head noun."""
    out = []
    for _a, _b, names in zh_partner_lists(text):
        for s, e in names:
            name = text[s:e]
            if _PARTNER_ORG_END.search(name) and not name.endswith(("社会", "都会", "机会")):
                out.append((s, e))
    return out


# ---- English -------------------------------------------------------------------------

_EN_HEADS = P["en_heads"]
_EN_HEAD_RE = re.compile(r"\b(?:" + "|".join(_EN_HEADS) + r")\b")
_EN_WEAK = frozenset(P["en_weak_heads"])
_EN_QUAL = tuple(P["en_qualifiers"])
_EN_NEVER = frozenset(P["en_never"])
_EN_GENERIC_FIRST = frozenset(P["en_generic_first"])
_EN_TAIL = re.compile(
    r"(?:\s+(?:of|for|on)\s+(?:the\s+)?(?:[A-Z][A-Za-z'’\-\.]*|&)(?:\s+(?:[A-Z][A-Za-z'’\-\.]*|&|and))*)+"
    r"(?:\s+(?:Limited|Ltd\.?))?"
)


_EN_GOV_HEADS = frozenset(P["en_government_heads"])
_EN_INNER_AND = re.compile(r"\b[Tt]he\s+([A-Z][a-z]+)\s+and\s+$")
_EN_LOCAL_GOV = re.compile(
    r"\b((?:[A-Z][a-z]+\s+)+(?:" + "|".join(COMPANY_PATTERNS["en_place_words"]) + r")\s+)[Gg]overnment\b")


def en_org_names(text: str) -> list[tuple[int, int, int]]:
    """(start, head start, end) of English organisation names, with local governments
    (Liangshan Prefecture government)."""
    out = [(m.start(), m.end(1), m.end()) for m in _EN_LOCAL_GOV.finditer(text)
           if m.group(1).split()[0] not in _EN_GENERIC_FIRST]
    for m in _EN_HEAD_RE.finditer(text):
        head = m.group()
        if head in _EN_NEVER:
            continue
        start = en_name_start(text, m.start())
        if start is not None and head in _EN_GOV_HEADS:
            inner = _EN_INNER_AND.search(text, 0, start)
            if inner:  # the Environment and Ecology Bureau: "and" inside a body's name
                start = inner.start(1)
        tail = _EN_TAIL.match(text, m.end())
        end = m.end()
        if tail:
            end = tail.end()
            # "…and" at the end of a tail is a list conjunction, not part of the name
            end = m.end() + len(re.sub(r"\s+(?:and|&)$", "", text[m.end():end]))
        if start is None:
            if not tail:
                continue
            start = m.start()
        words = text[start:m.start()].split()
        if words and words[0] in _EN_GENERIC_FIRST:
            start += len(words[0]) + 1
            words = words[1:]
        if not words and not tail:
            continue
        if head in _EN_WEAK and not tail and not (words and words[0].startswith(_EN_QUAL)):
            continue
        if words and words[0][0].islower():
            continue
        if text[end - 1:end] == "." and not re.search(r"\b(?:Ltd|Inc|Co|Corp)\.$", text[start:end]):
            end -= 1  # a full stop after the name, not part of it
        out.append((start, m.start(), end))
    cleaned = []
    for c in sorted(out, key=lambda c: (c[0], -(c[2] - c[0]))):
        if any(c[0] < o[2] and o[0] < c[2] for o in cleaned):
            continue
        cleaned.append(c)
    return cleaned


class OrganizationRecogniser:
    """Adds Organization spans for named bodies that are not companies."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        taken = taken_ranges(doc)
        if self.lang == "en":
            found = [(s, e) for s, _h, e in en_org_names(text)] + acronym_orgs(text)
        else:
            found = [(s, e) for s, _h, e in zh_org_names(text)] + zh_partner_orgs(text) + zh_supporters(text)
            found += zh_joint_orgs(text)
            found += acronym_orgs(text)
        english = {} if self.lang == "en" else {(s, e): en for s, e, en in zh_english_named(text)}
        for s, e in sorted(set(found) | set(english), key=lambda r: (r[0], -r[1])):
            if any(s < b and a < e for a, b in taken):
                continue
            attrs = {"cue": "legal", "aliases": [english[(s, e)]]} if (s, e) in english else {"cue": "legal"}
            add_span(doc, s, e, "Organization", match_key(text[s:e]), attrs=attrs)
            taken.append((s, e))
        return doc


@Language.factory("esg_organization", default_config={"lang": "zh"})
def make_organization(nlp: Language, name: str, lang: str) -> OrganizationRecogniser:
    return OrganizationRecogniser(lang)
