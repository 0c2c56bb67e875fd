"""Recogniser for company mentions.

Signals name a company without a gazetteer of companies: a legal form at the end
(有限公司, 集团, Limited, Co., Ltd., Group); a cooperation cue in front (联合X开展,
携手X推出, 与X合作, "in partnership with X"), which is how reports name partners that
print no legal form (a brand or a short name); and business cues around a bare brand
(高鑫零售旗下, 盒马线下门店, 银泰百货, 菜鸟是…的企业之一, 被彭博新能源财经列为, Hema Supermarket
stores). ``document_companies`` then works on the whole report: names listed with a known
company, and every later occurrence of a known name. The hard part in Chinese is the left edge
of a name, since nothing separates words: ``zh_name_start`` walks jieba tokens leftwards and
stops at function words, verbs and punctuation. The report's defined short names (「X」指代
Y) are document-level facts and are resolved by ``extractors.report``.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

import jieba
import jieba.posseg as posseg
from spacy.language import Language
from spacy.tokens import Doc

from ..normalise import language_of, match_key, to_simplified
from .base import add_span, compile_alternation, load_patterns, spans_of

P = load_patterns("companies")

_ZH_HARD = set("，,。；;：:！!？?、「」『』“”\"'‘’《》〈〉【】[]\n\t|•·…—–-/\\~～*#") | {" ", "\u3000"}
_PROPER_TAGS = {"nr", "ns", "nz", "nrt", "nt", "nrfg", "j", "eng"}
_NAME_TAGS = {"nr", "ns", "nrt", "nrfg", "nt"}  # person, place, organisation names
_RARE = 300  # jieba dictionary frequency under which a word reads as a proper name
_COMMON = 50  # frequency over which a word is an ordinary word (for compounds)
_VERB_TAGS = {"v", "vd", "vi", "vg", "vq", "vf", "vx", "vl"}
_DIGITS = re.compile(r"^[0-9０-９.%,]+[年月日号]?$")
_LATIN = re.compile(r"[A-Za-z]")
_NUMERAL = re.compile(r"[0-9０-９.,零〇一二两三四五六七八九十百千万亿几数多余第]+")
_COUNT = re.compile(r"^[0-9一二两三四五六七八九十百千几数多第首]+[家个所位名项批类大]?$")


def _set(key: str) -> frozenset:
    return frozenset(P.get(key, []))


LEFT_STOPS = _set("zh_left_stops")
LEFT_STOP_POS = _set("zh_left_stop_pos")
ACQUISITION = _set("zh_acquisition_verbs")
GENERIC_CORES = _set("zh_generic_cores")
GENERIC_NOUNS = _set("zh_generic_nouns")
GENERIC_STARTS = _set("zh_generic_starts")
QUALIFIERS = _set("zh_qualifiers")
ROLE_ENDINGS = tuple(P["zh_role_endings"])
INNER_WORDS = _set("zh_name_inner_words")
LEGAL_INNER = _set("zh_legal_inner_words")
LEFT_CUES = tuple(P["zh_left_cue_strings"])
NOT_COMPANY_ZH = tuple(P["zh_not_company_words"])
NOT_COMPANY_EN = tuple(P["en_not_company_words"])
SUFFIX_FOLLOWERS = tuple(P["zh_suffix_followers"])


@lru_cache(maxsize=1)
def _jieba_ready() -> None:
    jieba.setLogLevel(60)
    jieba.initialize()


@lru_cache(maxsize=8192)
def zh_tokens(text: str) -> tuple[tuple[str, str, int], ...]:
    """(word, part of speech, start offset) for Simplified Chinese ``text`` (jieba posseg)."""
    _jieba_ready()
    out, off = [], 0
    for w in posseg.cut(text):
        out.append((w.word, w.flag, off))
        off += len(w.word)
    return tuple(out)


def _distinctive(word: str, flag: str) -> bool:
    """A token that reads as part of a proper name: Latin (not a bare acronym such as ESG
    or CRO), a person, place or organisation name, a national qualifier (国家, 中国…), or a
    word jieba does not know or knows as a rare noun, unless it is a compound of common words."""
    if _LATIN.search(word):
        return not re.fullmatch(r"[A-Z]{1,3}", word)
    if word in QUALIFIERS:
        return True
    if len(word) < 2 or _DIGITS.match(word):
        return False
    if flag in _NAME_TAGS and (len(word) <= 3 or flag in ("ns", "nt") or not _compound(word)):
        return True  # 严格执行 is tagged nr, but a 4-character compound is no person's name
    if _compound(word):
        return False
    freq = jieba.dt.FREQ.get(word)
    if not freq:
        return True
    if flag == "m" and word[0] in "万千百亿" and not _NUMERAL.match(word[1:]):
        flag = "n"  # 万方: jieba reads the first syllable as a number
    return (flag.startswith("n") or flag in _PROPER_TAGS or (flag == "vn" and freq < 20)) and freq < _RARE


def _rare_modifier(word: str, flag: str) -> bool:
    """A rare adjective or distinguishing word (明远): name-like before a legal form."""
    return len(word) >= 2 and flag in ("a", "ag", "b") and (jieba.dt.FREQ.get(word) or 0) < 50


def _compound(word: str) -> bool:
    """A word made of two common words of two or more characters (医疗器械, 业务部门,
    网络安全): a compound noun, not a name, however rare jieba says it is."""
    for k in range(2, len(word) - 1):
        a, b = word[:k], word[k:]
        if (jieba.dt.FREQ.get(a) or 0) >= _COMMON and (jieba.dt.FREQ.get(b) or 0) >= _COMMON:
            return True
    return False


def _is_verb(word: str, flag: str) -> bool:
    return flag in _VERB_TAGS and word not in INNER_WORDS


def zh_core_ok(core: str, need_distinctive: bool = True, legal: bool = False) -> bool:
    """Whether ``core`` (a name without its legal form or head word) names something.

    本/子/科技 (本公司, 子公司, 科技公司) and phrases made only of generic words (互联网医疗)
    describe; a name has at least one distinctive token (a rare noun, a place or person
    name, Latin letters) unless the caller has other evidence (收购X公司).
    """
    core = core.strip()
    if len(core) < 2 and not _LATIN.search(core):
        return False
    if core in GENERIC_CORES or core in GENERIC_NOUNS:
        return False
    toks = [(w, f) for w, f, _ in (_merge_unknown_singles(zh_tokens(core)) if legal else zh_tokens(core))
            if w.strip() and w not in "（）()"]
    if not toks:
        return False
    if toks[0][0] in GENERIC_STARTS or toks[0][1] == "r" or _COUNT.match(toks[0][0]):
        return False
    if all(w in GENERIC_CORES or w in GENERIC_NOUNS for w, _ in toks) and not _national_name(toks):
        return False
    return not need_distinctive or any(_distinctive(w, f) or (legal and _rare_modifier(w, f)) for w, f in toks)


def _national_name(toks: list[tuple[str, str]]) -> bool:
    """国家|电力|投资, 中国|石油|天然气: a national qualifier and two or more industry nouns
    name a state-owned group even though every word is common."""
    return (len(toks) >= 3 and toks[0][0] in QUALIFIERS
            and all(f.startswith("n") or f == "vn" for _w, f in toks[1:]))


_SELF_CHARS = set("本该此其子母分我贵")
_BRACKET_TAIL = re.compile(r"[（(][^（）()]{1,8}[）)]$")


def _stops(word: str, flag: str) -> bool:
    return word in LEFT_STOPS or flag in LEFT_STOP_POS or bool(_DIGITS.match(word))


def _merge_unknown_singles(toks: tuple[tuple[str, str, int], ...]) -> list[tuple[str, str, int]]:
    """Runs of one-character nouns or adjectives that jieba split a coined name into
    (宏|曦, 绿|环), joined into one unknown word when its dictionary lacks the whole."""
    out: list[tuple[str, str, int]] = []
    k = 0
    while k < len(toks):
        j = k
        while (j < len(toks) and len(toks[j][0]) == 1 and toks[j][1] in _SINGLE_NAME_TAGS
               and toks[j][0] not in LEFT_STOPS and toks[j][0] not in _ZH_HARD):
            j += 1
        word = "".join(w for w, _f, _o in toks[k:j])
        if j - k >= 2 and not jieba.dt.FREQ.get(word):
            out.append((word, "nz", toks[k][2]))
            k = j
        else:
            out.append(toks[k])
            k += 1
    return out


_SINGLE_NAME_TAGS = frozenset({"n", "nr", "ns", "nz", "ng", "nrfg", "j", "a", "ag", "g", "zg"})


def _left_run(rev: list[tuple[str, str, int]], base: int, legal: bool = False) -> tuple[list[tuple[str, str, int]], str]:
    """The tokens (right to left) up to the word that ends a name on its left, and that word.

    Two stop words sit inside names: 联合/投资 right before the legal form or head (电力|投资|集团)
    or before a part with nothing distinctive outside brackets (中环|联合|（北京）认证中心). A
    place right before a word jieba tags as an adverb joins the name when a stop word stands
    before the place (包括|北京|自然|之友公益基金会). Before a legal form (``legal``) a business
    word (物业|服务|集团有限公司) and a set phrase right at the form (绿环|再生资源|有限公司) are
    part of the name too."""
    run: list[tuple[str, str, int]] = []
    depth, proper = 0, False
    for n, (word, flag, off) in enumerate(rev):
        if word in "）)":
            depth += 1
        elif word in "（(":
            depth -= 1
        elif _stops(word, flag):
            if (word in INNER_WORDS or (legal and word in LEGAL_INNER)) and (not run or not proper):
                pass
            elif legal and not run and flag in ("l", "i") and word not in LEFT_STOPS:
                pass
            elif (proper and flag == "d" and word not in LEFT_STOPS and n + 1 < len(rev) and rev[n + 1][1] == "ns"
                  and len(rev[n + 1][0]) >= 2 and (n + 2 == len(rev) or _stops(*rev[n + 2][:2]))):
                run += [(word, flag, base + off), (rev[n + 1][0], rev[n + 1][1], base + rev[n + 1][2])]
                return run, rev[n + 2][0] if n + 2 < len(rev) else ""
            else:
                return run, word
        elif depth == 0 and _distinctive(word, flag):
            proper = True
        run.append((word, flag, base + off))
    return run, ""


def zh_run_start(text: str, end: int, max_len: int = 12) -> int | None:
    """Where the words before ``end`` begin, back to punctuation or a stop word (联同|香港中文
    -> 香港中文), whatever they are; verbs end the run too. For callers with their own test
    of the words (a place in front of a university)."""
    i = end
    while i > max(0, end - max_len) and text[i - 1] not in _ZH_HARD and text[i - 1] not in "（）()" \
            and not text.endswith(LEFT_CUES, 0, i):
        i -= 1
    run, _stopper = _left_run(list(reversed(zh_tokens(text[i:end]))), i)
    k = 0
    while k < len(run) and not _is_verb(*run[k][:2]):
        k += 1
    return run[k - 1][2] if k else None


def zh_name_start(text: str, end: int, max_len: int = 30, legal: bool = False) -> int | None:
    """Where the Chinese name whose core ends at ``end`` begins, or None when no name fits.

    Walks jieba tokens leftwards from ``end``: common words may sit between the distinctive
    part and the legal form (京东|健康, 熙牛|医疗科技（浙江）), but once a distinctive token
    (a place, a person or brand name, a rare noun) is in, only more of those extend the name
    (用户信任|京东健康 stops at 信任). Punctuation, an unbalanced bracket, stop words (与, 联合,
    收购, 本报告 ...) and function words stop the walk. Without a distinctive token there is no
    name, except right after an acquisition verb (收购|专注创新公司). A cue word jieba does not
    keep whole (伙拍, 联同) stops it too; ``legal`` names (before 有限公司) may hold business words.
    """
    lo, i, depth = max(0, end - max_len), end, 0
    while i > lo:
        ch = text[i - 1]
        if text.endswith(LEFT_CUES, 0, i):
            break
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            if depth == 0:
                break
            depth -= 1
        elif ch in _ZH_HARD:
            break
        i -= 1
    if i >= end:
        return None
    walk_end = end
    tail = _BRACKET_TAIL.search(text, i, end)
    if tail and tail.start() > i:
        walk_end = tail.start()
    toks = zh_tokens(text[i:walk_end])
    run, stopper = _left_run(list(reversed(_merge_unknown_singles(toks) if legal else toks)), i, legal)
    if not run:
        return None
    start, proper, verb_first = walk_end, False, False
    for k, (word, flag, off) in enumerate(run):
        after_inner = k + 1 < len(run) and run[k + 1][0] in INNER_WORDS  # 附属|安定医院
        if _is_verb(word, flag) and not after_inner:
            if proper:
                break  # 用户|提供 京东: a verb ends a name found already
            verb_first = True
        elif _distinctive(word, flag) or (legal and _rare_modifier(word, flag)):
            proper = True
            start = off
    if stopper in ACQUISITION and (verb_first or not proper):
        start = run[-1][2]
        return start if zh_core_ok(text[start:end], need_distinctive=False) else None
    if not proper or (verb_first and not legal):
        return None  # 绿汇|回收|有限公司: a business verb may sit before a legal form
    start = _unglued(text, _rare_char_before(start, run), run)
    return start if zh_core_ok(text[start:end], legal=legal) else None


_GLUE_STOPS = frozenset("由与和及同跟向对在于从将把被给经")


def _rare_char_before(start: int, run: list[tuple[str, str, int]]) -> int:
    """jieba splits a coined name's rare first character off (曜|阳新|能源): a character it
    hardly knows, right before the name's distinctive start, belongs to the name."""
    offs = [o for _w, _f, o in run]
    if start not in offs:
        return start
    k = offs.index(start) + 1
    if k < len(run):
        word, flag, off = run[k]
        if (len(word) == 1 and flag in _SINGLE_NAME_TAGS and word not in LEFT_STOPS
                and word not in _GLUE_STOPS and (jieba.dt.FREQ.get(word) or 0) < _RARE):
            return off
    return start


def _unglued(text: str, start: int, run: list[tuple[str, str, int]]) -> int:
    """jieba glues a function character to an unknown name (由翠岭 read as one person's
    name): the character is not part of the name."""
    first = next((w for w, _f, o in run if o == start), "")
    if len(first) >= 3 and first[0] in _GLUE_STOPS and not jieba.dt.FREQ.get(first):
        return start + 1
    return start


_ZH_SUFFIX = re.compile(
    "(?:" + "|".join(re.escape(x) for x in sorted(P["zh_suffix_parts"], key=len, reverse=True)) + ")*"
    "(?:" + "|".join(re.escape(x) for x in P["zh_suffix_heads"]) + ")"
)


def zh_legal_names(text: str) -> list[tuple[int, int, int]]:
    """(start, core end, end) of every Chinese name with a legal form in Simplified ``text``."""
    out = []
    for m in _ZH_SUFFIX.finditer(text):
        if m.group() in ("公司", "集团") and (
                text.startswith(SUFFIX_FOLLOWERS, m.end()) or text[m.start() - 1:m.start()] in _SELF_CHARS):
            continue  # 公司治理, 本公司, 子集团
        start = zh_name_start(text, m.start(), legal=m.group() not in ("公司", "集团"))
        if start is None:
            continue
        name = text[start:m.end()]
        if any(w in name for w in NOT_COMPANY_ZH):
            continue
        if m.group() == "公司" and all(f == "ns" for _w, f, _o in zh_tokens(text[start:m.start()])):
            continue  # 菲律宾公司: a branch by place, not a name
        out.append((start, m.start(), m.end()))
    return out


# ---- brands: companies printed without a legal form ------------------------------------

_ORG_P = load_patterns("organizations")
_ORG_END = re.compile("(?:" + "|".join(re.escape(h) for h in _ORG_P["zh_heads"]) + ")$")
_ORG_GAZETTEER = frozenset(_ORG_P["zh_gazetteer"])
_INDUSTRY_RE = compile_alternation(P["zh_industry_words"])
_INDUSTRY_BLOCKERS = tuple(P["zh_industry_blockers"])
_FOLLOWER_RE = re.compile(
    "(?:" + "|".join(re.escape(q) for q in P["zh_brand_follower_qualifiers"]) + ")?(?:"
    + "|".join(re.escape(f) for f in sorted(P["zh_brand_followers"], key=len, reverse=True)) + ")")
_CLASSIFIER_RE = re.compile(
    r"(是|作为)[^，。；！？!?：:\n]{0,30}?(?:" + "|".join(
        re.escape(c) for c in sorted(P["zh_business_classifiers"], key=len, reverse=True)) + r")(?:之一)?")
_RATER_PASSIVE = re.compile(
    r"被\s*([^，。；、：:\s被]{2,16}?|[A-Z][A-Za-z&.\- ]{1,30}?)\s*(?:" + "|".join(P["zh_rater_verbs"]) + ")")
_RATER_ACCORDING = re.compile(
    r"根据\s*([A-Z][A-Za-z&.\-]*(?: [A-Z][A-Za-z&.\-]*){0,3}|[\u4e00-\u9fff]{2,12}?)\s*(?=\d{4}\s*年|的)"
    r"[^，。；！？]{0,40}?(?:" + "|".join(P["zh_rater_nouns"]) + ")")
_UNDER_RE = re.compile(r"旗下(?:的)?\s*")
_LEAD_FILLER = re.compile(r"^(?:\d{4}\s*(?:财年|年度|年)?(?:\d{1,2}\s*月)?|其中|此外|同时|目前|如今|在[^，。；]{1,8}?)?$")
_BRAND_TRIM = frozenset(GENERIC_STARTS) | {"全国", "全球", "国内", "海外"}
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z&.\-]*(?: [A-Z][A-Za-z&.\-]*){0,3}")


_NOT_NAME_END = frozenset({"v", "vn", "vd", "vi", "a", "ad", "an", "b", "d"})
_SINGLE_STARTS = frozenset(w for w in GENERIC_STARTS if len(w) == 1)


def _brand_token(word: str, flag: str) -> bool:
    """A token that reads as a brand rather than a word: Latin letters (not a bare acronym)
    or a proper noun jieba tags as a person, organisation or other name and rarely sees
    (智慧 is tagged a person's name but is common); places, national qualifiers and words
    opening with 全/多/各 never do (山东能源, 中国零售, 全量 describe)."""
    if _LATIN.search(word):
        return not re.fullmatch(r"[A-Z]{1,3}", word)
    if len(word) < 2 or word in QUALIFIERS or word[0] in _SINGLE_STARTS or flag in ("ns", "m", "q", "mq"):
        return False
    freq = jieba.dt.FREQ.get(word) or 0
    limit = 500 if flag in ("nr", "nrfg") else 1000  # jieba tags common words as surnames' names (杜绝)
    return flag in ("nr", "nz", "nrt", "nt", "nrfg") and freq < limit and not _compound(word)


def _organisation_name(name: str) -> bool:
    """Names the organisation recogniser owns (…基金会, …研究院, 生态环境部)."""
    return bool(_ORG_END.search(name)) or name in _ORG_GAZETTEER or any(w in name for w in NOT_COMPANY_ZH)


def _trim_front(text: str, start: int, end: int) -> int:
    """Drop description words in front of a brand (全国盒马 -> 盒马)."""
    toks = zh_tokens(text[start:end])
    k = 0
    while k < len(toks) - 1 and toks[k][0] in _BRAND_TRIM:
        k += 1
    return start + toks[k][2] if toks else start


def _brand_ok(name: str, industry: bool = False) -> bool:
    """A brand name: a name by ``zh_core_ok``, not a reporter reference or a generic noun
    at its end (淘宝天猫平台) unless that is its industry word, not an organisation's name."""
    if not zh_core_ok(name) or _organisation_name(name):
        return False
    if industry:
        return True
    toks = zh_tokens(name)
    last, flag = toks[-1][:2] if toks else ("", "")
    if flag in _NOT_NAME_END or last in GENERIC_NOUNS or last in GENERIC_CORES:
        return False  # 京东健康协同|商家, 京东大药房新型|门店, 淘宝天猫平台|商家
    return not name.endswith(ROLE_ENDINGS)


def _industry_word_ends(text: str, end: int) -> bool:
    """An industry word ends the name when no noun follows it (高鑫零售累计…, 银泰百货通过…),
    except a business word (高鑫零售旗下); 医疗物资, 医疗 AI 团队 go on."""
    if _FOLLOWER_RE.match(text, end):
        return True
    nxt = [t for t in zh_tokens(text[end:end + 8]) if t[0].strip()]
    if not nxt:
        return True
    word, flag, _o = nxt[0]
    return not (flag.startswith("n") or flag in ("eng", "vn", "j") or _LATIN.match(word))


def _clause_start(text: str, pos: int) -> int:
    i = pos
    while i > 0 and text[i - 1] not in _ZH_HARD and text[i - 1] not in "（）()":
        i -= 1
    return i


def zh_brand_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, cue) of companies Simplified ``text`` names without a legal form.

    - a business word after the name: its stores, merchants, app or data centres, or what it
      owns (盒马线下门店, 淘宝商家, 高鑫零售旗下, 阿里云数据中心);
    - an industry word ending a brand (银泰百货, 高鑫零售; Lazada物流 gives Lazada);
    - a clause classifying its subject as a business (菜鸟是…的企业之一, 阿里云作为云计算服务商);
    - a rating or ranking firm (被彭博新能源财经列为…, 根据 Gartner 2021 年的…评价).
    """
    out: list[tuple[int, int, str]] = []
    for m in _FOLLOWER_RE.finditer(text):
        start = zh_name_start(text, m.start())
        if start is None:
            continue
        start = _trim_front(text, start, m.start())
        toks = zh_tokens(text[start:m.start()])
        unknown_ok = not m.group().endswith("商家")  # merchants follow verbs too (管控商家)
        if _brand_ok(text[start:m.start()]) and any(
                _brand_token(w, f) or (unknown_ok and len(w) >= 2 and not jieba.dt.FREQ.get(w)) for w, f, _o in toks):
            out.append((start, m.start(), "brand"))
    for m in _INDUSTRY_RE.finditer(text):
        if text.startswith(_INDUSTRY_BLOCKERS, m.end()) or text.startswith(_INDUSTRY_BLOCKERS, m.start() + 1):
            continue
        latin = re.search(r"(?<![A-Za-z])" + _LATIN_NAME.pattern + r" ?$", text[max(0, m.start() - 40):m.start()])
        if latin and not re.fullmatch(r"[A-Z]{1,4}", latin.group().strip()):
            s = m.start() - len(latin.group())
            out.append((s, s + len(latin.group().rstrip()), "brand"))
            continue
        start = zh_name_start(text, m.start())
        if start is None or not _industry_word_ends(text, m.end()):
            continue
        core = zh_tokens(text[start:m.start()])
        if any(_brand_token(w, f) for w, f, _o in core) and _brand_ok(text[start:m.end()], industry=True):
            out.append((start, m.end(), "brand"))
    for m in _CLASSIFIER_RE.finditer(text):
        start = zh_name_start(text, m.start())
        if start is None:
            latin = re.search(_LATIN_NAME.pattern + r"\s*$", text[max(0, m.start() - 40):m.start()])
            if not latin:
                continue
            start = m.start() - len(latin.group())
        cs = _clause_start(text, start)
        name = text[start:m.start()].strip()
        if _LEAD_FILLER.match(text[cs:start].strip()) and (_brand_ok(name) or _LATIN_NAME.fullmatch(name)):
            out.append((start, start + len(name), "brand"))
    for m in _UNDER_RE.finditer(text):  # 旗下的淘宝、天猫等平台
        pos = m.end()
        while True:
            end = _name_after(text, pos)
            if end <= pos or not _list_item_ok(text[pos:end]):
                break
            out.append((pos, end, "brand"))
            sep = _COMMA.match(text, end)
            if not sep:
                break
            pos = sep.end()
    for pattern in (_RATER_PASSIVE, _RATER_ACCORDING):
        for m in pattern.finditer(text):
            name = m.group(1).strip()
            s = m.start(1)
            latin = bool(_LATIN_NAME.fullmatch(name)) and not re.fullmatch(r"[A-Z]{1,3}", name)
            if latin or (zh_name_start(text, m.end(1)) == s and _brand_ok(name)):
                out.append((s, s + len(name), "rater"))
    return out


# ---- English -------------------------------------------------------------------------

_EN_SUFFIX = re.compile(
    r"(?<![A-Za-z])(?:(?:Group|Holdings?|International)\s+)*(?:"
    + "|".join(re.escape(x) for x in sorted(P["en_suffixes"], key=len, reverse=True))
    + r")(?![A-Za-z])"
)
CONNECTORS = _set("en_name_connectors")
_EN_REFS = frozenset(P["reporter_references_en"])
_EN_PLACE_WORDS = frozenset(P["en_place_words"])
EN_STOPS = _set("en_name_stops")
GENERIC_BEFORE_GROUP = _set("en_generic_before_group")


_EN_NUMBER = re.compile(r"[0-9][0-9.,\-]*")


def en_name_start(text: str, end: int, max_words: int = 8) -> int | None:
    """Where the capitalised English name ending at ``end`` begins (connectors allowed inside)."""
    words: list[tuple[int, str]] = []
    pos = end
    while len(words) < max_words:
        m = re.search(r"(\([A-Z][A-Za-z ]+\)|[A-Za-z0-9&'’\-–\.]+)\s*$", text[:pos])
        if not m or (m.end() < pos and text[m.end():pos].strip()):
            break
        w = m.group(1)
        if not (w[0].isupper() or w[0].isdigit() or w[0] == "(" or w in CONNECTORS):
            break
        if w in EN_STOPS:
            break
        words.append((m.start(1), w))
        pos = m.start(1)
    while words and (words[-1][1] in CONNECTORS or words[-1][1][0] == "(" or _EN_NUMBER.fullmatch(words[-1][1])):
        words.pop()  # "Report 2023 of X Limited": a year and "of" open no name
    if not words:
        return None
    return words[-1][0]


#: Legal forms printed after a comma (Example Technology, Ltd. / Example Pharma, Inc.).
_COMMA_FORMS = frozenset({"Ltd.", "Ltd", "Limited", "Inc.", "Inc", "LLC", "L.L.C.", "LLP", "PLC", "plc", "Co., Ltd.",
                          "Co., Ltd", "Co.,Ltd.", "Co. Ltd.", "Corp."})


def en_legal_names(text: str) -> list[tuple[int, int, int]]:
    """(start, core end, end) of every English name with a legal form."""
    out = []
    for m in _EN_SUFFIX.finditer(text):
        comma = re.search(r"(?<=[A-Za-z0-9)]),\s*$", text[max(0, m.start() - 3):m.start()])
        core_end = m.start() - len(comma.group()) if comma and m.group() in _COMMA_FORMS else m.start()
        start = en_name_start(text, core_end)  # Example Network Technology, Ltd.
        if start is None:
            continue
        core = text[start:core_end].strip().rstrip(",")
        if core_end != m.start() and not re.search(r"[A-Z][a-z]", core):
            continue  # "In 2021, Ltd." is no name
        words = core.split()
        if not words or (m.group().startswith("Group") and words[-1] in GENERIC_BEFORE_GROUP):
            continue
        name = text[start:m.end()]
        weak_form = m.group().split()[-1] in ("Group", "Holding", "Holdings")
        if any(re.search(rf"\b{w}\b", name) for w in (NOT_COMPANY_EN if weak_form else NOT_COMPANY_EN[:2])):
            continue  # a legal form makes a hospital a company, never an exchange
        out.append((start, m.start(), m.end()))
    return out


# ---- partners named by a cooperation cue ----------------------------------------------

_ZH_TRIGGERS = tuple(P["zh_partner_triggers"])
_ZH_WEAK = tuple(P["zh_partner_weak_triggers"])
_ZH_COOP = tuple(P["zh_cooperation_words"])
_ZH_RIGHT = _set("zh_partner_right")
_ZH_CLAUSE_END = re.compile(r"[。；;！!？?\n]")
_ORG_ENDING = re.compile(r"(院|会|局|委|所|署|馆|社|台|中心|联盟|组织|政府|部|学系)$")
_ZH_ITEM_SEP = {"、", "和", "及", "与", "以及", "，", ","}
_ORG_TAIL_CHARS = frozenset("会院局署所社")


_ZH_TRIGGER_RE = compile_alternation(_ZH_TRIGGERS + _ZH_WEAK)
_ITEM_STOP_POS = frozenset(P["zh_item_stop_pos"])
_BRIDGE_WORDS = frozenset(w for w in P["zh_cooperation_bridges"] if w.isalnum())
_ORG_HEAD_RE = compile_alternation(load_patterns("organizations")["zh_heads"])
_ZH_BRIDGE = re.compile(
    r"\s*(?:[（(][^（）()]{1,20}[）)]|「[^「」]{1,12}」)?"  # an alias or unit: 国家电力投资集团 (SPIC) 签署…, X「惜食堂」合作
    r"\s*(?:[、和及与][^，。；、]{1,12}?)*\s*(?:等[^，。；、]{0,10}?)?\s*(?:" + "|".join(P["zh_cooperation_bridges"]) + r")?\s*(?:"
    + "|".join(re.escape(c) for c in _ZH_COOP) + ")"
)


def _partner_name_ok(name: str, strong: bool) -> bool:
    """A partner's name, not a description: not generic, not only places (北京、上海), not a
    role (…供应商, …部门), not a bare acronym (POP, CRO). After a weak cue (与, 和) the name
    must also be distinctive; after 联合/携手 the cue itself is evidence enough."""
    if not zh_core_ok(name) and not (strong and _listed_name(name)):
        return False
    if name.endswith(ROLE_ENDINGS):
        return False
    toks = zh_tokens(name)
    if all(f == "ns" and (jieba.dt.FREQ.get(w) or 0) >= 1000 for w, f, _o in toks):
        return False  # places (北京、上海), not partners
    if all(f == "ns" or w in _ADMIN_UNITS for w, f, _o in toks) and name[-1] in _ADMIN_UNITS:
        return False  # 杭州市, 云南省: a government's place, not a firm
    if len(toks) > 1 and not (strong and _listed_name(name)) and not any(
            _distinctive(w, f) and not _common_name_tag(w, f) for w, f, _o in toks):
        return False  # 智慧物流: jieba tags 智慧 a person's name, but here it is a common word
    if any(_is_verb(w, f) and not (k == len(toks) - 1 and w in _ORG_TAIL_CHARS) for k, (w, f, _o) in enumerate(toks)):
        return False  # …福群|会: a one-character head jieba reads as a verb is no verb
    return not re.fullmatch(r"[A-Z]{1,3}|[a-z ]+", name)


_ADMIN_UNITS = frozenset("省市县区州镇乡村盟旗")


def _common_name_tag(word: str, flag: str) -> bool:
    """A common word jieba tags as a person's name (智慧, 杜绝): frequent in its dictionary."""
    return flag in ("nr", "nrfg") and (jieba.dt.FREQ.get(word) or 0) >= 500


def _listed_name(name: str) -> bool:
    """jieba's dictionary lists many firms as rare four-character nouns (a securities house,
    a logistics brand); after 联合/携手 such a word is taken as a name."""
    toks = zh_tokens(name)
    if len(toks) != 1 or len(name) < 4 or name in GENERIC_NOUNS or name in GENERIC_CORES:
        return False
    w, f, _o = toks[0]
    return f.startswith("n") and (jieba.dt.FREQ.get(w) or 0) <= 5


def _item_end(word: str, flag: str) -> bool:
    """Where a partner name stops: a verb or function word, 等, a cue word, punctuation."""
    return (word == "等" or word in _ZH_RIGHT or word in _BRIDGE_WORDS or flag in _ITEM_STOP_POS
            or _is_verb(word, flag) or word in _ZH_HARD or word in "（）()")


@lru_cache(maxsize=256)
def zh_partner_cues(text: str) -> tuple[tuple[int, int, bool], ...]:
    """Cooperation cue words of Simplified ``text`` that stand as words of their own
    (not 联合国, 与会): (start, end, strong). Weak cues (与, 和) need a cooperation word
    later in the clause; whether it follows the list closely is checked by the caller."""
    out = []
    for m in _ZH_TRIGGER_RE.finditer(text):
        word = m.group()
        strong = word in _ZH_TRIGGERS
        end_m = _ZH_CLAUSE_END.search(text, m.end())
        clause_end = end_m.start() if end_m else len(text)
        if not strong and not any(c in text[m.end():clause_end] for c in _ZH_COOP):
            continue
        ws = max(0, m.start() - 3)
        toks = zh_tokens(text[ws:min(clause_end, m.end() + 8)])
        starts = {t[2] for t in toks}
        ends = {t[2] + len(t[0]) for t in toks}
        if m.start() - ws in starts and m.end() - ws in ends:  # a word of its own (伙|拍 too), not 联合国, 与会
            out.append((m.start(), m.end(), strong))
    return tuple(out)


def zh_bridge_follows(text: str, pos: int) -> bool:
    """Whether a cooperation word follows a partner list ending at ``pos`` (等…合作)."""
    return bool(_ZH_BRIDGE.match(text, pos))


@lru_cache(maxsize=256)
def zh_partner_lists(text: str) -> tuple[tuple[int, int, tuple[tuple[int, int], ...]], ...]:
    """Partners named after cooperation cues in Simplified ``text``: (cue start, cue end,
    name ranges).

    联合/携手 X(、Y)… ; 与/和 X(、Y)(等…)合作, where the cooperation word must follow the
    list closely (与员工共同… is no partner; 与X深度合作 is). A name runs over tokens up to a
    verb or function word, 等, or punctuation. Only the clause after a cue is segmented
    (posseg over whole blocks is slow).
    """
    out = []
    for start, end, strong in zh_partner_cues(text):
        end_m = _ZH_CLAUSE_END.search(text, end)
        clause_end = end_m.start() if end_m else len(text)
        toks = [(w, f, o + end) for w, f, o in zh_tokens(text[end:min(clause_end, end + 60)])]
        names: list[tuple[int, int]] = []
        cur: list[tuple[str, str, int]] = []
        list_end = toks[-1][2] + len(toks[-1][0]) if toks else end
        for n, (w, f, o) in enumerate(toks):
            if cur and _ORG_HEAD_RE.match(text, o):
                cur.append((w, f, o))  # 北京健康|促进会: an organisation's head word
                continue
            if cur and w in _ORG_TAIL_CHARS and (n + 1 == len(toks) or _item_end(*toks[n + 1][:2])
                                                 or toks[n + 1][0] in _ZH_COOP):
                cur.append((w, f, o))  # 圣雅各福群|会「惜食堂」合作: a one-character head jieba reads as a verb
                continue
            if w in _ZH_ITEM_SEP or _item_end(w, f):
                if cur:
                    names.append((cur[0][2], cur[-1][2] + len(cur[-1][0])))
                    cur = []
                if w in _ZH_ITEM_SEP and w not in "，,":
                    continue
                list_end = o
                break
            cur.append((w, f, o))
        if cur:
            names.append((cur[0][2], cur[-1][2] + len(cur[-1][0])))
        if not strong and not zh_bridge_follows(text, list_end):
            continue
        names = [(s, e) for s, e in names if 2 <= e - s <= 20 and _partner_name_ok(text[s:e], strong)]
        if names:
            out.append((start, end, tuple(names)))
    return tuple(out)


_EN_CUES = sorted(P["en_partner_cues"], key=len, reverse=True)
_EN_CUE_RE = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in _EN_CUES) + r")\s+(?:the\s+)?", re.I)
_EN_LIST_RE = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in P["en_list_cues"]) + r")\s+", re.I)
_EN_LIST_CONTEXT = tuple(P["en_list_context"])
_EN_UNIT_RE = re.compile(
    r"([A-Za-z0-9])\s*(?:—|–|-|,)\s*(?:a|an|the)\s+(?:wholly[- ]owned\s+)?"
    r"(?:subsidiary|business unit|division|brand|member company)\s+of\b")
_EN_COOP_RE = re.compile(r"(?:" + "|".join(P["en_cooperation_stems"]) + ")", re.I)
_EN_AFTER_RE = re.compile(
    r"(?:,\s+[^,;.]{3,80},)?\s+(?:" + "|".join(re.escape(c) for c in P["en_partner_after"]) + r")(?!\s+by)\b")
_EN_AND_RE = re.compile(r"\s+and\s+(?:the\s+)?(?=[A-Z])")
_EN_AND_VERBS = re.compile(
    r"\s+(?:" + "|".join(re.escape(c) for c in P["en_partner_and_verbs"]) + r")\b")


def _en_name_ok(name: str) -> bool:
    """A capitalised run that can be a partner's name (not 'The Company', not a place)."""
    words = name.split()
    return bool(words) and words[0] not in EN_STOPS and name.lower() not in _EN_REFS


def en_place(name: str) -> bool:
    """Liangshan Prefecture, Hubei Province: a place, not a company."""
    words = name.split()
    return bool(words) and words[-1] in _EN_PLACE_WORDS


_ABBREVIATIONS = {"Co", "Ltd", "Inc", "Corp", "No", "St", "Dr", "Mr", "Ms", "Mrs", "Jr", "Bros", "Int"}


def en_capitalised_run(text: str, start: int) -> int:
    """End of the capitalised name at ``start``: capitalised words, with connectors (of, &)
    and ``(China)`` inside; a full stop after a word that is no abbreviation ends it, and so
    does a possessive (Alibaba Health’s …)."""
    pos, last = start, start
    while True:
        m = re.match(r"\s*(\([A-Z][A-Za-z ]+\)|&|[A-Za-z0-9][A-Za-z0-9&'’\-\.]*)", text[pos:])
        if not m:
            break
        raw = m.group(1)
        w = raw.rstrip(".")
        possessive = re.search(r"['’]s$", w)
        if possessive:
            w = w[: possessive.start()]
        if w and (w[0].isupper() or w[0].isdigit() or w[0] == "("):
            last = pos + m.start(1) + len(w)
        elif w not in CONNECTORS:
            break
        if possessive or (raw.endswith(".") and w not in _ABBREVIATIONS and len(w) > 1):
            break
        pos = pos + m.end()
    return last


def en_name_list(text: str, start: int) -> list[tuple[int, int]]:
    """Names listed from ``start``: 'A, B, and C' (each a capitalised run)."""
    out, pos = [], start
    while True:
        end = en_capitalised_run(text, pos)
        if end <= pos:
            break
        if not _en_name_ok(text[pos:end]):
            break
        out.append((pos, end))
        m = re.match(r"\s*(?:\(“?[^)]{1,20}”?\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?", text[end:])
        if not m:
            break
        pos = end + m.end()
    return out


def en_partner_lists(text: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """English cooperation cues: (cue start, cue end, name ranges). Cues before the names
    ("in partnership with A, B and C", "including A, B" near partner words), after them
    ("Sanofi, the world’s leading …, joined"), and "A and B jointly …"."""
    out = []
    for m in _EN_AFTER_RE.finditer(text):
        start = en_name_start(text, m.start())
        if start is not None and _en_name_ok(text[start:m.start()]):
            out.append((m.start(), m.end(), [(start, m.start())]))
    for m in _EN_AND_RE.finditer(text):
        right_end = en_capitalised_run(text, m.end())
        if right_end <= m.end() or not _EN_AND_VERBS.match(text, right_end):
            continue
        left = en_name_start(text, m.start())
        names = [(s, e) for s, e in ((left, m.start()), (m.end(), right_end))
                 if s is not None and _en_name_ok(text[s:e])]
        if names:
            out.append((m.start(), m.end(), names))
    for m in _EN_CUE_RE.finditer(text):
        names = en_name_list(text, m.end())
        if names:
            out.append((m.start(), m.end(), names))
    cooperative = _EN_COOP_RE.search(text)
    for m in _EN_LIST_RE.finditer(text):
        before = text[max(0, m.start() - 60):m.start()].lower()
        if cooperative and any(c in before for c in _EN_LIST_CONTEXT):
            names = en_name_list(text, m.end())
            if names:
                out.append((m.start(), m.end(), names))
    return out


_EN_FOLLOWER_RE = re.compile(r"(?:['’]s)?\s+(?:" + "|".join(P["en_brand_followers"]) + r")\b")
_EN_CUSTOMER_RE = re.compile(r"\b(?:" + "|".join(P["en_customer_cues"]) + r")\s+(?:the\s+)?(?=[A-Z])")


def en_brand_names(text: str) -> list[tuple[int, int]]:
    """English companies named without a legal form: a name before its stores or merchants
    (Hema Supermarket stores) and a customer after a supply verb (provide Tmall International
    with …)."""
    out = []
    for m in _EN_FOLLOWER_RE.finditer(text):
        start = en_name_start(text, m.start())
        if start is not None and _en_brand_ok(text[start:m.start()], text, start):
            out.append((start, m.start()))
    for m in _EN_CUSTOMER_RE.finditer(text):
        end = en_capitalised_run(text, m.end())
        if end > m.end() and re.match(r"\s+with\b", text[end:]) and _en_brand_ok(text[m.end():end], text, m.end()):
            out.append((m.end(), end))
    return out


def _en_brand_ok(name: str, text: str = "", start: int = 0) -> bool:
    """A brand in English: lower-case letters in it (not SMEs), no organisation word, no
    place; a single word opening a sentence is more likely an ordinary word (Offline stores)."""
    if not (_en_name_ok(name) and re.search(r"[a-z]{2}", name) and not en_place(name)):
        return False
    if any(re.search(rf"\b{w}\b", name) for w in NOT_COMPANY_EN):
        return False
    opening = not text[:start].strip() or text[:start].rstrip()[-1] in ".!?:;"
    return not opening or len(name.split()) >= 2


def _en_org_spans(text: str) -> list[tuple[int, int]]:
    """Spans the organisation recogniser names in English (acronyms of international bodies,
    names ending in an organisation head word), which a partner cue must not make companies."""
    from .organization import acronym_orgs, en_org_names  # organization builds on this module
    return acronym_orgs(text) + [(s, e) for s, _c, e in en_org_names(text)]


def _overlaps(ranges: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s < b and a < e for a, b in ranges)


def _after_claimed(text: str, taken: list[tuple[int, int]], s: int, e: int, lang: str) -> int | None:
    """The start of a name once a span claimed by an earlier recogniser is cut off its
    front ("Board of Directors of XYZ Holdings Limited" -> "XYZ Holdings Limited"); None
    when nothing of a name is left."""
    ends = [b for a, b in taken if a <= s < b < e]
    if not ends:
        return s
    s = max(ends)
    if lang == "en":
        m = re.match(r"\s*(?:of|for|at|in)?\s*(?:the\s+)?", text[s:e])
        s += m.end()
        return s if s < e and text[s].isupper() else None
    return None  # Chinese names do not run on from a claimed span


def taken_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges earlier recognisers claimed (a committee, a certification…)."""
    return [((s._.esg_attrs or {}).get("start_char", s.start_char),
             (s._.esg_attrs or {}).get("end_char", s.end_char)) for s in spans_of(doc)]


_ZH_ALIAS = re.compile(
    r"\s*[（(]\s*(?:以下简称|简称|下称)?[：:]?\s*[「“\"]?\s*([^（）()「」“”\"，。]{2,60}?)\s*[」”\"]?\s*[）)]"
    r"|「([^」]{2,20})」"
    r"|\s*[（(]\s*(?:以下简称|简称|下称)?[：:]?\s*[「“\"]([^（）()「」“”\"，。]{2,30}?)[」”\"]\s*[，,；;][^（）()]{0,40}[）)]"
)
_EN_ALIAS = re.compile(
    r"\*?\s*\((?:hereinafter\s+(?:referred\s+to\s+as|called)\s+)?[“\"']([^”\"']{2,40})[”\"']\)"
)


def alias_after(text: str, end: int, lang: str) -> tuple[int, int] | None:
    """The range of an alias printed right after a name: （English Name）, 「MSCI」, (“CNBG”)."""
    m = (_EN_ALIAS if lang == "en" else _ZH_ALIAS).match(text, end)
    g = next((i for i in range(1, (m.re.groups if m else 0) + 1) if m.group(i)), None)
    if g is None or not m.group(g).strip():
        return None
    return m.start(g), m.end(g)


_REFERENCE_KEYS = frozenset(match_key(x) for x in P["reporter_references_zh"] + P["reporter_references_en"])


class CompanyRecogniser:
    """Adds Company spans: legal-form names and cooperation partners."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        taken = taken_ranges(doc)
        found: list[tuple[int, int, dict]] = []
        if self.lang == "en":
            for s, _c, e in en_legal_names(text):
                found.append((s, e, {"cue": "legal"}))
            for s, e in en_brand_names(text):
                found.append((s, e, {"cue": "brand"}))
            for m in _EN_UNIT_RE.finditer(text):
                start = en_name_start(text, m.end(1))
                if start is not None and _en_name_ok(text[start:m.end(1)]):
                    found.append((start, m.end(1), {"cue": "unit"}))
            org_spans = None
            for _a, _b, names in en_partner_lists(text):
                for s, e in names:
                    name = text[s:e]
                    if en_place(name) or any(re.search(rf"\b{w}\b", name) for w in NOT_COMPANY_EN):
                        continue
                    if org_spans is None:
                        org_spans = _en_org_spans(text)
                    if _overlaps(org_spans, s, e):
                        continue  # UNDP, World Bank: the organisation recogniser's
                    found.append((s, e, {"cue": "partner"}))
        else:
            for s, _c, e in zh_legal_names(text):
                found.append((s, e, {"cue": "legal"}))
            for s, e, cue in zh_brand_names(text):
                found.append((s, e, {"cue": cue}))
            org_names = None
            for _a, _b, names in zh_partner_lists(text):
                for s, e in names:
                    if _LATIN.match(text[s:e]):  # World|Wildlife Fund: a Latin name runs on over spaces
                        e = max(e, en_capitalised_run(text, s))
                        if any(re.search(rf"\b{w}\b", text[s:e]) for w in NOT_COMPANY_EN):
                            continue
                    if _ORG_ENDING.search(text[s:e]) or any(w in text[s:e] for w in NOT_COMPANY_ZH):
                        continue
                    if org_names is None:
                        from .organization import zh_org_names  # organization builds on this module
                        org_names = [(a, c) for a, _b, c in zh_org_names(text)]
                    if _overlaps(org_names, s, e):
                        continue  # 中环 of 中环联合认证中心: the organisation recogniser's
                    found.append((s, e, {"cue": "partner"}))
        found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        for s, e, attrs in found:
            s = _after_claimed(text, taken, s, e, self.lang)
            if s is None or _overlaps(taken, s, e):
                continue
            alias = alias_after(text, e, self.lang)
            if alias and match_key(text[alias[0]:alias[1]]) not in _REFERENCE_KEYS:  # （「本公司」…）
                original = doc.user_data.get("original", text)
                attrs = {**attrs, "aliases": [original[alias[0]:alias[1]].strip()]}
            add_span(doc, s, e, "Company", match_key(text[s:e]), attrs=attrs)
            taken.append((s, e))
        return doc


@Language.factory("esg_company", default_config={"lang": "zh"})
def make_company(nlp: Language, name: str, lang: str) -> CompanyRecogniser:
    return CompanyRecogniser(lang)


# ---- the whole report: lists and repeated names -------------------------------------------

_LIST_SEP = re.compile(r"\s*(?:、|以及|和|及|与)\s*")
_LIST_SEP_BEFORE = re.compile(r"(?:、|以及|和|及|与)\s*$")
_SKIPPABLE_BEFORE = re.compile(r"、[^、，,。；;：:！？!?（）()「」“”\s]{1,8}$")
_SKIPPABLE_AFTER = re.compile(r"[^、，,。；;：:！？!?（）()「」“”\s]{1,8}、")
_COMMA = re.compile(r"\s*、\s*")
_COMMA_BEFORE = re.compile(r"、\s*$")
_DOC_CUES = ("legal", "brand", "rater", "partner", "list", "unit", "repeat")


def _list_item_ok(name: str) -> bool:
    """A bare name in a list of companies: a distinctive core, not a generic or role word."""
    if _LATIN_NAME.fullmatch(name):
        return not re.fullmatch(r"[A-Z]{1,4}", name) and name.lower() not in _EN_REFS
    if not (2 <= len(name) <= 5 and _brand_ok(name)) or _DEPARTMENT_END.search(name):
        return False  # brands are short (青花椒海鲜大咖桶 is a dish); 工程部 is a department
    return any(_distinctive(w, f) and f != "ns" and w not in QUALIFIERS for w, f, _o in zh_tokens(name))


def _name_after(text: str, pos: int) -> int:
    """End of a bare name starting at ``pos``: tokens up to a verb, function word, generic
    noun or punctuation (天猫|和淘宝商家 -> 天猫)."""
    latin = _LATIN_NAME.match(text, pos)
    if latin:
        return latin.end()
    end = pos
    for word, flag, off in zh_tokens(text[pos:pos + 12])[:3]:
        if (word in _ZH_HARD or not word.strip() or _stops(word, flag) or _is_verb(word, flag)
                or word in GENERIC_NOUNS or word in _ZH_ITEM_SEP or word == "等"):
            break
        end = pos + off + len(word)
    return end


def _list_neighbours(text: str, s: int, e: int, comma_only: bool = False) -> list[tuple[int, int]]:
    """Names listed right before or after the name at ``[s, e)`` (淘宝、饿了么、闲鱼、高德、菜鸟);
    with ``comma_only`` only 、 joins (与/和 after the reporter is a cooperation, 京东健康与四川…)."""
    out: list[tuple[int, int]] = []
    pos = s
    before, after = (_COMMA_BEFORE, _COMMA) if comma_only else (_LIST_SEP_BEFORE, _LIST_SEP)
    while True:
        sep = before.search(text, max(0, pos - 3), pos)
        if not sep:
            break
        start = zh_name_start(text, sep.start())
        if start is None:
            latin = re.search(_LATIN_NAME.pattern + r"\s*$", text[max(0, sep.start() - 40):sep.start()])
            start = sep.start() - len(latin.group()) if latin else None
        if start is None or not _list_item_ok(text[start:sep.start()].strip()):
            skip = _SKIPPABLE_BEFORE.search(text, max(0, sep.start() - 9), sep.start())
            if sep.group().startswith("、") and skip:
                pos = skip.start() + 1  # 淘宝、饿了么、闲鱼: an item no rule reads, inside a list
                continue
            break
        out.append((start, start + len(text[start:sep.start()].rstrip())))
        pos = start
    pos = e
    while True:
        sep = after.match(text, pos)
        if not sep or sep.end() == pos:
            break
        end = _name_after(text, sep.end())
        if end <= sep.end() or not _list_item_ok(text[sep.end():end]):
            skip = _SKIPPABLE_AFTER.match(text, sep.end())
            if sep.group().strip() == "、" and skip:
                pos = skip.end() - 1
                continue
            break
        out.append((sep.end(), end))
        pos = end
    return out


def document_companies(ctx) -> None:
    """Report-level company facts a single block cannot see.

    Every further occurrence of a known company's name becomes a mention, so sentence-level
    relation rules see 高鑫零售 where no cue names it; then a name listed with a known company
    is one too (覆盖淘宝、饿了么、闲鱼、高德、菜鸟等场景, 盒马与高鑫零售), and its occurrences are
    mentions in turn. Runs after the report's own names are resolved (``extractors.report``)."""
    en = ctx.document.language == "en"
    _unglue(ctx, en)
    _own_institutions(ctx, en)
    known: dict[str, object] = {}
    for m in ctx.mentions:  # the reporter's own names are extractors.report's
        if m.type == "Company" and m.start >= 0 and (m.attrs or {}).get("cue") in _DOC_CUES:
            known.setdefault(m.text if en else to_simplified(m.text), m)
    defined: dict[str, object] = {}
    legal = [m for m in ctx.mentions if m.type == "Company" and m.start >= 0 and (m.attrs or {}).get("cue") == "legal"]
    for m in legal:  # ("JR Shenzhen"), （「翠嶺物業」）: the short name it defines, wherever it does
        for alias in m.aliases:
            if _short_name_ok(alias, en):
                defined.setdefault(alias if en else to_simplified(alias), m)
                known.setdefault(alias if en else to_simplified(alias), m)
    _longer_known(ctx, defined, en)
    _repeat(ctx, known, en)
    if not en:
        _repeat(ctx, _listed(ctx), en)
    _repeat(ctx, _en_acting(ctx) if en else _acting(ctx), en)


def _longer_known(ctx, defined: dict, en: bool) -> None:
    """A short name that is the start of another company's defined short name (明泓教育 of
    the reporter in 明泓教育投资, the sponsor's): the longer name is meant; the shorter
    mention gives way to it."""
    for sent in ctx.sentences:
        text = sent.text if en else sent.folded
        for m in list(sent.mentions):
            if m.type != "Company" or m.start < 0:
                continue
            s, e = m.start - sent.start, m.end - sent.start
            longer = [n for n, like in defined.items() if len(n) > e - s and like.key != m.key
                      and text.startswith(n, s)]
            if not longer:
                continue
            n = max(longer, key=len)
            if not _free(sent, e, s + len(n)):
                continue
            sent.mentions.remove(m)
            ctx.mentions[:] = [x for x in ctx.mentions if x is not m]
            _add_company(ctx, sent, s, s + len(n), defined[n], "repeat")


_INSTITUTION_HEADS = re.compile("(?:" + "|".join(P["institution_heads"]) + r")$", re.I)


def _trade_names(ctx, en: bool) -> set[str]:
    """The distinctive words of the reporter's name (明泓 in 明泓教育集团控股有限公司,
    Evermount in Evermount Financial Holdings Limited): its trade name."""
    pub = ctx.report.publisher
    if pub is None:
        return set()
    out: set[str] = set()
    for name in {pub.text, pub.label or "", *pub.aliases}:
        if not name or bool(_LATIN.search(name)) != en:
            continue
        if en:
            out |= {w for w in re.findall(r"[A-Z][A-Za-z]{3,}", name) if w not in EN_STOPS
                    and not re.search(P["en_institution_generic"], w)}
        else:
            out |= {w for w, f, _o in zh_tokens(to_simplified(name)) if len(w) >= 2 and _distinctive(w, f)
                    and w not in QUALIFIERS}
    return out


def _own_institutions(ctx, en: bool) -> None:
    """Schools, hospitals and hotels that carry the reporter's trade name (广东明泓理工学院 of
    明泓教育集团) are the group's operating units: they act in the report as its companies
    do (hold certificates, sign co-operations), so they are Companies, not outside bodies."""
    trade = _trade_names(ctx, en)
    if not trade:
        return
    retyped: dict[int, object] = {}
    for m in ctx.mentions:
        name = m.text if en else to_simplified(m.text)
        if m.type == "Organization" and _INSTITUTION_HEADS.search(name) and any(t in name for t in trade):
            retyped[id(m)] = replace(m, type="Company", attrs={**(m.attrs or {}), "cue": "unit"})
    if not retyped:
        return
    ctx.mentions[:] = [retyped.get(id(m), m) for m in ctx.mentions]
    for sent in ctx.sentences:
        sent.mentions[:] = [retyped.get(id(m), m) for m in sent.mentions]


def _short_name_ok(alias: str, en: bool) -> bool:
    """A short name a legal name defines that can stand for it elsewhere: a proper name,
    not a generic word (the Company, 本集团) or a bare one-word acronym."""
    if match_key(alias) in _REFERENCE_KEYS:
        return False
    if en:
        return bool(re.search(r"[A-Z]", alias)) and len(match_key(alias)) >= 4 and alias.split()[0] not in EN_STOPS
    return len(alias) >= 2 and not _LATIN.search(alias) and alias not in GENERIC_NOUNS


def _unglue(ctx, en: bool) -> None:
    """A legal name glued to a word of the text before it in a mashed table row (…in Shenzhen
    and Dongguan Jade River Water (Wuhan) Co., Ltd.) is the shorter legal name the report
    prints on its own elsewhere: the mention is cut back to it."""
    legal = [m for m in ctx.mentions if m.type == "Company" and (m.attrs or {}).get("cue") == "legal" and m.start >= 0]
    count = Counter(m.key for m in legal)
    names = {m.key: m for m in legal}
    for m in legal:
        if count[m.key] > 1:
            continue
        for k, other in names.items():
            if k == m.key or len(k) >= len(m.key) or not m.key.endswith(k):
                continue
            cut = len(m.text) - len(other.text)
            if cut <= 0 or m.text[cut:] != other.text or (en and m.text[cut - 1] != " "):
                continue
            if len(m.text[:cut].split()) > 4:  # a table cell before it (Energy Management System)
                continue
            m.text, m.start, m.key, m.label = other.text, m.start + cut, other.key, other.label
            m.aliases = other.aliases
            break


def _anchor(m) -> bool:
    return (m.attrs or {}).get("cue") in _DOC_CUES or bool((m.attrs or {}).get("reporter"))


def _add_company(ctx, sent, s: int, e: int, like, cue: str):
    """A Company mention for ``sent.text[s:e]``, with the key and label of ``like`` if given."""
    from ..model import Mention  # report-level code; the recogniser itself never needs it

    surface = sent.text[s:e]
    m = Mention(type="Company", text=surface, key=like.key if like else match_key(surface),
                lang=language_of(surface, ctx.document.language), evidence=sent.evidence(),
                label=like.label if like else None, attrs={**((like.attrs or {}) if like else {}), "cue": cue},
                start=sent.start + s, end=sent.start + e)
    sent.mentions.append(m)
    ctx.mentions.append(m)
    return m


def _free(sent, s: int, e: int) -> bool:
    return not any(x.start < sent.start + e and sent.start + s < x.end for x in sent.mentions)


def _listed(ctx) -> dict:
    """Names listed next to a known company (or the reporter, with 、 only), as new mentions."""
    pub = ctx.report.publisher
    found: dict = {}
    for sent in ctx.sentences:
        for a in [m for m in sent.mentions if m.type == "Company" and _anchor(m)]:
            reporter = bool((a.attrs or {}).get("reporter")) or (pub is not None and a.key == pub.key)
            for s, e in _list_neighbours(sent.folded, a.start - sent.start, a.end - sent.start, reporter):
                if _free(sent, s, e) and not _organisation_name(sent.folded[s:e]):
                    found.setdefault(sent.folded[s:e], _add_company(ctx, sent, s, e, None, "list"))
    return found


def zh_word_at(text: str, s: int, e: int) -> bool:
    """Whether jieba reads ``text[s:e]`` as a word of its own, with no name word glued to it."""
    toks = zh_tokens(text[max(0, s - 4):e + 4])
    off = max(0, s - 4)
    starts = {off + o for _w, _f, o in toks}
    ends = {off + o + len(w) for w, _f, o in toks}
    nxt = [(w, f) for w, f, o in toks if off + o == e]
    glued = bool(nxt) and (nxt[0][1] in ("ns", "n", "nz", "nr", "nt", "eng") and len(nxt[0][0]) == 1)
    return s in starts and e in ends and not glued


def _repeat(ctx, known: dict, en: bool) -> None:
    """A mention wherever a known name occurs again and nothing else claimed the place."""
    names = sorted((n for n in known if len(match_key(n)) >= (4 if en else 2)), key=len, reverse=True)
    if not names:
        return
    pattern = re.compile(r"(?<![A-Za-z])(?:" + "|".join(re.escape(n) for n in names) + r")(?![A-Za-z])")
    for sent in ctx.sentences:
        for m in pattern.finditer(sent.text if en else sent.folded):
            if not en and len(m.group()) == 2 and not zh_word_at(sent.folded, m.start(), m.end()):
                continue  # 阿里 in 阿里云
            if _free(sent, m.start(), m.end()):
                like = known[m.group()]
                _add_company(ctx, sent, m.start(), m.end(), like, "repeat")


_EN_ACT_RE = re.compile(r"(?:^|(?<=[.;:!?]\s)|(?<=\n)|(?<=,\s))(?:the\s+)?([A-Z][A-Za-z0-9&\-]*[a-z][A-Za-z0-9&\-]*"
                        r"(?: [A-Z][A-Za-z0-9&\-]*){0,2})\s+(?:" + "|".join(P["en_subject_verbs"]) + r")\b")


def _en_acting(ctx) -> dict:
    """English names that act as business subjects (Cainiao launched …) and that the report
    always capitalises, also inside a sentence, twice or more: a proper name, not a word."""
    text = "\n".join(s.text for s in ctx.sentences)
    found: dict = {}
    for sent in ctx.sentences:
        for m in _EN_ACT_RE.finditer(sent.text):
            s, e = m.start(1), m.end(1)
            name = sent.text[s:e]
            if name in found or not _free(sent, s, e) or not _en_name_ok(name) or en_place(name):
                continue
            if any(re.search(rf"\b{w}\b", name) for w in NOT_COMPANY_EN) or name.split()[0] in EN_STOPS:
                continue
            inside = re.findall(r"(?<=[a-z,] )" + re.escape(name) + r"\b", text)
            if len(inside) >= 1 and text.count(name) >= 2 and not re.search(r"\b" + re.escape(name.lower()) + r"\b", text):
                found[name] = _add_company(ctx, sent, s, e, None, "acting")
    return found


_ADVERBS = "(?:" + "|".join(P["zh_subject_adverbs"]) + ")*"
_ACT_RE = re.compile(
    r"(?:^|(?<=[，,。；;：:！!？?\n]))\s*(?:\d{4}\s*年度?|其中|此外|同时|目前|如今|近年来)?\s*"
    r"([A-Za-z][A-Za-z0-9&.\-]*(?: [A-Z][A-Za-z0-9&.\-]*){0,2}|[\u4e00-\u9fff]{2,8}?)\s*"
    + _ADVERBS + r"(?:" + "|".join(P["zh_subject_verbs"]) + r"|为[^，。；]{1,20}?提供)")
_PLATFORM_RE = re.compile(
    r"通过\s*([A-Za-z][A-Za-z0-9&.\-]*|[\u4e00-\u9fff]{2,6}?)\s*(?:" + "|".join(P["zh_platform_nouns"]) + ")")


_LATIN_PLATFORM_RE = re.compile(  # a Latin brand before its platform in Chinese text (Lazada平台)
    r"(?<![A-Za-z0-9])([A-Z][A-Za-z0-9&\-]*[a-z][A-Za-z0-9&\-]*)\s*(?:" + "|".join(P["zh_platform_nouns"]) + ")")
_PROVIDER_RE = re.compile(  # 由X提供: a firm that supplies a service (a partner)
    r"由\s*([A-Za-z][A-Za-z0-9&\-]*|[\u4e00-\u9fff]{2,6}?)\s*(?:" + "|".join(P["zh_provider_verbs"]) + ")")
_DEPARTMENT_END = re.compile(r"(?:部|处|科|室|组|办|司|局|厅|院|所|中心|团队|委员会|工作组)$")
_QUOTED = re.compile(r"[“「『《\"]\s*([^“”「」『』《》\"\n]{1,12}?)\s*[”」』》\"]")


def _acting_name_ok(name: str) -> bool:
    """A bare name acting in the narrative: Latin letters (not a bare acronym) or a proper
    noun jieba tags as a name (nr, nz, nt, not a place: ns) that is no generic word, role or
    organisation; 智慧物流 and 业务部门 describe."""
    if _LATIN_NAME.fullmatch(name) or re.fullmatch(r"[A-Za-z][A-Za-z0-9&.\-]*", name):
        # SaaS, MaaS, IoT end in a capital: concept acronyms, not brands
        return (bool(re.search(r"[A-Z][a-z]|[a-z][A-Z]|[A-Z0-9]{5}", name)) and not name[-1].isupper()
                and name.lower() not in _EN_REFS
                and not any(re.search(rf"\b{w}\b", name) for w in NOT_COMPANY_EN))
    if name in P["reporter_references_zh"] or name[-1] in "于为的了在将与和及并对向把" or _DEPARTMENT_END.search(name):
        return False  # 人力资源部, 法务处: a department, not a business
    toks = zh_tokens(name)
    if any(f == "ns" for _w, f, _o in toks):
        return False  # 浙江龙泉联合…上线: a place acts through its government
    if (len(toks) == 1 and toks[0][1] in ("a", "vn") and jieba.dt.FREQ.get(name) is None
            and name not in GENERIC_NOUNS and not _organisation_name(name)):
        return True  # a coined word jieba's dictionary lacks (淘特, 优酷)
    return _brand_ok(name) and len(toks) <= 3 and any(_brand_token(w, f) or _rare_noun(w, f) for w, f, _o in toks)


def _rare_noun(word: str, flag: str) -> bool:
    """A noun jieba does not know or hardly sees, not a place: a coined brand (盒马, 闲鱼)."""
    return (len(word) >= 2 and flag.startswith("n") and flag != "ns" and word not in QUALIFIERS
            and (jieba.dt.FREQ.get(word) or 0) < 50 and not _compound(word))


def _acting(ctx) -> dict:
    """Names that act as business subjects (X推出…, X为商家提供…, 通过X平台) and that the
    report prints twice or more: a group's units and brands, named bare. Each is a mention
    where it acts; ``_repeat`` finds the rest."""
    text = "\n".join(s.folded for s in ctx.sentences)
    quoted = set(_QUOTED.findall(text))  # “农智链”, 「X」: a product or programme's title
    found: dict = {}
    for sent in ctx.sentences:
        for rx in (_ACT_RE, _PLATFORM_RE, _LATIN_PLATFORM_RE, _PROVIDER_RE):
            for m in rx.finditer(sent.folded):
                s, e = m.start(1), m.end(1)
                name = sent.folded[s:e]
                if name in found or name in quoted or not _free(sent, s, e) or text.count(name) < 2:
                    continue
                if _acting_name_ok(name) and zh_name_start(sent.folded, e) in (s, None):
                    found[name] = _add_company(ctx, sent, s, e, None, "acting")
    return found
