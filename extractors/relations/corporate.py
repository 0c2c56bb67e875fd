"""``subsidiaryOf`` and ``partnerOf``: how the reporter stands to other companies.

partnerOf (reporter -> company or organisation): the partners a sentence names right after a
cooperation cue (阿里健康聯合菜鳥開展…, 攜手X推出, 與X、Y等…合作, "in partnership with X",
"X joined Alibaba Health", "Alibaba Health and X jointly …"). A list continues over 、，和
while the next item is a named mention. Chinese sentences often drop their subject, so the
reporter is the partner unless another company stands right before the cue.

Other co-operations of the reporter's side: its own project or foundation as the subject
(“急救侠”项目联合A、B), parties listed with it before a joint verb (A和阿里巴巴公益基金会共同发起),
parties it invited and then worked with (邀请了A、B…，就…进行合作研究), bodies that support its
work (在X的技术支持下，我们…, "with the support of X"; funding or joining is no partnership,
as in the gold). A partnership of one of the reporter's own units (高德地图与X合作, X与菜鸟…合作,
阿里健康从…入手，联合A、B) is an edge from the unit, not from the reporter.

subsidiaryOf: the reporter under its parent (作為X在…的旗艦平台, 作為X旗下…的子集團, "flagship
platform of X", 控股股東X, "X is a subsidiary of Y") and companies under the reporter (收購X
60%股權, 附屬公司X, "its subsidiary X", "Alibaba Health established X Co., Ltd.", the legal
entities a data-scope note lists), the units a group calls its own (我们旗下的X, X是集团的…业务,
"our X business") and, in a group's report, the brands that act in its narrative (see ``units``).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import replace

from ..components import company as co
from ..components import organization as org
from ..model import Mention, Relation, Sentence
from ..normalise import match_key, to_simplified
from ..components.base import load_patterns
from ..report import reporter_names, reporter_spans
from ._shared import listed, local_span

P_CO = load_patterns("companies")
PARTIES = ("Company", "Organization")
_SEPARATORS = re.compile(
    r"^[\s、，,和及与以及&]*(?:[A-Z][A-Za-z0-9&\-]{1,11}\s*[（(])?$|^\*?\s*(?:\([^()]{1,20}\))?\s*(?:and|,\s*and|,)\s*(?:the\s+)?$", re.I)


def _rel(m: Mention, s: Sentence) -> tuple[int, int]:
    return local_span(s, m)


def _parties(ctx, sent: Sentence) -> list[Mention]:
    return sorted((m for m in sent.mentions if m.type in PARTIES and m.start >= 0), key=lambda m: m.start)


def _is_reporter(ctx, m: Mention) -> bool:
    return ctx.report.publisher is not None and m.key == ctx.report.publisher.key


def _list_after(text: str, sent: Sentence, parties: list[Mention], pos: int) -> list[Mention]:
    """Mentions listed from ``pos``: the first starts there, the next follow separators."""
    return listed(text, sent, parties, pos, _SEPARATORS)


# ---- partnerOf ---------------------------------------------------------------------------

_ZH_CLAUSE_START = re.compile(r"[，,。；;：:！？!?）)」”]")
_ZH_FILLER = re.compile(
    r"\d+\s*年(?:\s*\d+\s*月)?(?:\s*\d+\s*日)?(?:起|以来|期间|内|上半年|下半年|底|初)?|自|从|在|于|同时|此外|"
    r"另外|并且|并|以及|及|亦|又|还|也|已|曾|先后|积极|持续|进一步|主动|正式|共同|通过|报告期内|本年度|年内|期间|"
    r"连续(?:第)?[\d一二三四五六七八九十]+年|[\d.\s/\-—–•·]")


_PROJECT_WORDS = frozenset({"项目", "计划", "活动", "行动", "倡议"})


def _subject_ok(ctx, sent: Sentence, parties: list[Mention], cue_start: int) -> bool:
    """The cue's subject is the reporter: the reporter (by name or as 我們) in the clause
    before the cue, or no subject at all (a dropped one: 同時，聯合X…). A clause naming
    someone else (老板电器与阿里云…合作, 由公众环境研究中心联合…) is another party's cooperation."""
    text = sent.folded
    starts = [m.end() for m in _ZH_CLAUSE_START.finditer(text, 0, cue_start)]
    clause_start = starts[-1] if starts else 0
    for s, e in reporter_spans(ctx, sent):
        if clause_start <= s < cue_start:
            return True
    before = [m for m in parties if clause_start <= _rel(m, sent)[0] and _rel(m, sent)[1] <= cue_start]
    if any(not _is_reporter(ctx, m) for m in before):
        return False
    rest = _ZH_FILLER.sub("", text[clause_start:cue_start])
    rest = re.sub(r"^由|由$", "", rest)
    if rest in _PROJECT_WORDS and text[clause_start - 1:clause_start] in "”」\"』":
        return True  # “急救侠”项目联合A、B: the reporter's own project cooperates
    return len(rest) < 2


def partners(ctx, sent: Sentence) -> Iterator[Mention]:
    """The partners the reporter cooperates with in ``sent``, each once."""
    seen: set[str] = set()
    for m in _partners(ctx, sent):
        if m.key not in seen:
            seen.add(m.key)
            yield m


def _partners(ctx, sent: Sentence) -> Iterator[Mention]:
    parties = _parties(ctx, sent)
    if not parties:
        return
    if ctx.document.language == "en":
        yield from _en_partners(ctx, sent, parties)
        return
    for start, named in _cue_lists(sent, parties):
        if _subject_ok(ctx, sent, parties, start):
            yield from (m for m in named if not _reporter_side(ctx, m))
    yield from _named_partners(ctx, sent, parties)
    yield from _co_parties(ctx, sent, parties)
    yield from _invited(ctx, sent, parties)
    yield from _supporters(ctx, sent, parties)


_EN_JV = re.compile(r"\bjoint[- ]venture\b", re.I)
_EN_CO_OWNER = re.compile(r"\b\d{1,3}(?:\.\d+)?\s*%\s+by\s+(?:the\s+)?$")
_EN_WITH = re.compile(r"(\w+)\s+with\s+(?:the\s+)?$", re.I)
_EN_NOT_WITH = frozenset(w.lower() for w in P_CO["en_with_not_partner"])
_EN_UNDER_AGREEMENT = re.compile(
    r"^\s*(?:\([^()]{1,40}\))?\s*,?\s*under\s+(?:a|an|the|its|our)\s+(?:[\w\-]+\s+){0,4}?(?:"
    + "|".join(P_CO["en_agreement_words"]) + r")\b", re.I)


_EN_OUR_PARTNER_AFTER = re.compile(r"^\s*(?:\([^()]{1,40}\))?\s*,\s*(?:our|the\s+Group[’']s|the\s+Company[’']s)\s+"
                                   r"(?:[a-z\-]+\s+){0,2}partner\b")


def _en_partners(ctx, sent: Sentence, parties: list[Mention]) -> Iterator[Mention]:
    """English cooperation: the cue lists of ``company.en_partner_lists`` in a sentence that
    names the reporter, or with nobody before the cue (the subject is the report's own:
    "a programme … delivered in cooperation with X"); "with the support of X"; the co-owners
    of a joint venture ("51% by the Group and 49% by X"); a company an agreement binds ("X
    under a long-term co-processing agreement"); and a legal-form company the reporter's side
    acts with ("completed a pilot … with X AB"), unless the verb is no joint act (comply with)."""
    text = sent.text
    named = bool(reporter_spans(ctx, sent))
    others = [m for m in parties if not _is_reporter(ctx, m)]

    def nobody_before(pos: int) -> bool:
        return not any(_rel(m, sent)[0] < pos for m in others)

    for cs, ce, names in co.en_partner_lists(text):
        if not named and not (names and names[0][0] >= ce and nobody_before(cs)):
            continue
        listed = [m for m in parties for s, e in names if _rel(m, sent)[0] < e and s < _rel(m, sent)[1]]
        if listed:
            listed += _list_after(text, sent, parties, _rel(listed[-1], sent)[1])
        yield from (m for m in listed if not _is_reporter(ctx, m))
    if named:
        for m in _EN_SUPPORTED.finditer(text):
            yield from (p for p in _list_after(text, sent, parties, m.end()) if not _is_reporter(ctx, p))
    yield from _named_partners(ctx, sent, parties)
    jv = _EN_JV.search(text)
    for m in others:
        s, e = _rel(m, sent)
        if jv and _EN_CO_OWNER.search(text, max(0, s - 30), s):
            yield m
        elif _EN_OUR_PARTNER_AFTER.match(text[e:]):
            yield m  # X, our joint venture partner since 2019
        elif _legal(m) and _EN_UNDER_AGREEMENT.match(text[e:]):
            yield m
        else:
            w = _EN_WITH.search(text, max(0, s - 40), s)
            if w and _legal(m) and w.group(1).lower() not in _EN_NOT_WITH and (named or nobody_before(s)):
                yield m


def _cue_lists(sent: Sentence, parties: list[Mention]) -> Iterator[tuple[int, list[Mention]]]:
    """(cue start, parties listed after it) for each cooperation cue of a Chinese sentence:
    联合/携手 A、B、C…, or 与/和 A、B等…合作 when a cooperation word follows the list."""
    text = sent.folded
    for start, end, strong in co.zh_partner_cues(text):
        listed = _list_after(text, sent, parties, _past_description(text, sent, parties, end))
        if listed and (strong or co.zh_bridge_follows(text, _rel(listed[-1], sent)[1])):
            yield start, listed


_ZH_AT = re.compile(r"在\s*$")
_ZH_SUPPORT_TAIL = re.compile(
    r"\s*(?:的)?\s*(?:大力|鼎力|全力|悉心|专业|技术|学术)?(?:支持|指导|协助)(?:和指导|与指导)?下\s*[，,]?")
_EN_SUPPORTED = re.compile(
    r"\b(?:with the (?:\w+\s+){0,2}(?:support|guidance) of|(?:technically\s+)?supported by)"
    r"\s+(?:the\s+)?", re.I)


def _named_before(ctx, sent: Sentence, parties: list[Mention]) -> list[Mention]:
    """在X的支持下 where X is no mention here but a body the report named before (碳信托
    (Carbon Trust) in a footnote): X as a mention of this sentence."""
    out = []
    for m in org.SUPPORTED.finditer(sent.folded):
        s, e = m.span(1)
        if any(_rel(p, sent)[0] < e and s < _rel(p, sent)[1] for p in parties):
            continue
        known = next((k for k in ctx.mentions if k.type in PARTIES and to_simplified(k.text) == m.group(1)), None)
        if known is not None:
            out.append(replace(known, text=sent.text[s:e], evidence=sent.evidence(),
                               start=sent.start + s, end=sent.start + e))
    return out


def _supporters(ctx, sent: Sentence, parties: list[Mention]) -> Iterator[Mention]:
    """在X的技术支持下，我们… / "with the support of X": a body that supports the reporter's
    work is its partner (the main clause must be the reporter's, not another party's)."""
    text = sent.folded
    if "下" in text:
        parties = sorted(parties + _named_before(ctx, sent, parties), key=lambda m: m.start)
    for m in parties:
        s, e = _rel(m, sent)
        if _reporter_side(ctx, m) or not _ZH_AT.search(text, max(0, s - 3), s):
            continue
        tail = _ZH_SUPPORT_TAIL.match(text, e)
        if tail is None or not _subject_ok(ctx, sent, parties, s - 1):
            continue
        nxt = next((p for p in parties if _rel(p, sent)[0] >= tail.end()), None)
        if nxt is not None and not _reporter_side(ctx, nxt) and \
                len(_ZH_FILLER.sub("", text[tail.end():_rel(nxt, sent)[0]])) < 2:
            continue  # 在X的支持下，Y完成…: Y's support
        yield m


_ZH_DESCRIPTION = re.compile(r"[^，。；;、「」“”]{1,30}?的\s*$")


def _past_description(text: str, sent: Sentence, parties: list[Mention], pos: int) -> int:
    """Where the partner list starts after a cue: past quotes, and past a description that
    ends in 的 (与全世界最大的清洁能源提供商之一的国家电力投资集团)."""
    while pos < len(text) and text[pos] in " 「“":
        pos += 1
    nxt = next((m for m in parties if _rel(m, sent)[0] >= pos), None)
    if nxt is not None and _rel(nxt, sent)[0] > pos and _ZH_DESCRIPTION.fullmatch(text, pos, _rel(nxt, sent)[0]):
        return _rel(nxt, sent)[0]
    return pos


def _reporter_side(ctx, m: Mention) -> bool:
    """The reporter, or a body named after it (阿里巴巴公益基金会 in Alibaba's report): its
    cooperation is the reporter's, and it is no partner of the reporter."""
    if _is_reporter(ctx, m):
        return True
    if m.type != "Organization":
        return False
    folded = to_simplified(m.text)
    return any(folded.startswith(n) and len(n) >= 2 for n in reporter_names(ctx))


_ZH_AND_US = re.compile(r"\s*(?:和|与|及|、|以及)\s*(?:我们|我司|本集团|本公司)")
_ZH_JOINT_SEP = re.compile(r"^[\s、，,和及与]*(?:以及|联合|携手|联手)?[\s、，,和及与]*$")


_ZH_PARTNER_WORD = re.compile(r"(?:合作|策略|战略|长期|业务|合营|合资)?伙伴(?:包括|如|为|有|是)?\s*[：:]?\s*$")
_EN_PARTNER_WORD = re.compile(r"\b(?:our|its|the\s+Group[’']s)\s+(?:[a-z\-]+\s+){0,2}partners?\s*,?\s*(?:is\s+|are\s+|include\s+|including\s+)?$", re.I)


def _named_partners(ctx, sent: Sentence, parties: list[Mention]) -> Iterator[Mention]:
    """The parties the text calls partners right before their names (合作伙伴X、Y; "our
    logistics partner X"), in a clause that is the reporter's."""
    en = ctx.document.language == "en"
    text = sent.text if en else sent.folded
    for k, m in enumerate(parties):
        s, _e = _rel(m, sent)
        cue = (_EN_PARTNER_WORD if en else _ZH_PARTNER_WORD).search(text, max(0, s - 30), s)
        if cue is None or _reporter_side(ctx, m) or (k and _SEPARATORS.match(text[_rel(parties[k - 1], sent)[1]:s])):
            continue
        if not en and not re.match(r"合营|合资", cue.group()) and not _subject_ok(ctx, sent, parties, cue.start()):
            continue  # a joint venture's partner (X由合营伙伴Y营运) is the group's whoever opens the clause
        listed = [m] + _list_after(text, sent, parties[k + 1:], _rel(m, sent)[1])
        yield from (p for p in listed if not _reporter_side(ctx, p))


def _co_parties(ctx, sent: Sentence, parties: list[Mention]) -> Iterator[Mention]:
    """Parties listed before a joint verb, one of them the reporter's side (由公众环境研究中心
    联合阿拉善基金会、阿里巴巴公益基金会共同推出): the others are its partners."""
    text = sent.folded
    run: list[Mention] = []
    for m in parties + [None]:
        if m is not None and (not run or _ZH_JOINT_SEP.match(text[_rel(run[-1], sent)[1]:_rel(m, sent)[0]])):
            run.append(m)
            continue
        if run:
            end = _rel(run[-1], sent)[1]
            us = _ZH_AND_US.match(text, end)  # X、Y与我们共同主办
            joined = any(_reporter_side(ctx, p) for p in run) and len(run) >= 2
            if (joined or us) and co.zh_bridge_follows(text, us.end() if us else end):
                yield from (p for p in run if not _reporter_side(ctx, p))
        run = [m] if m is not None else []


_ZH_INVITED = re.compile(r"邀请(?:了)?\s*(?:来自)?\s*")
_ZH_COOPERATED = re.compile(r"合作|共同|联合|携手")


def _invited(ctx, sent: Sentence, parties: list[Mention]) -> Iterator[Mention]:
    """邀请了来自A、B、C等…机构，就…进行合作研究: invited parties the sentence says the
    reporter then worked with (invited speakers or experts with no cooperation are not)."""
    text = sent.folded
    for m in _ZH_INVITED.finditer(text):
        if not _subject_ok(ctx, sent, parties, m.start()):
            continue
        listed = _list_after(text, sent, parties, m.end())
        if listed and _ZH_COOPERATED.search(text, _rel(listed[-1], sent)[1]):
            yield from (p for p in listed if not _reporter_side(ctx, p))


def unit_partners(ctx, sent: Sentence, own: set[str]) -> Iterator[tuple[Mention, Mention]]:
    """(unit, partner): one of the reporter's own units opens the clause of a cooperation cue
    (高德与北京交通委合作, 菜鸟联合A、B推出…), or is named after the cue of another party's
    clause (老板电器与阿里云合作); the partnership is the unit's, an edge from it."""
    if ctx.document.language == "en" or not own:
        return
    parties = _parties(ctx, sent)
    if not any(m.key in own for m in parties):
        return
    subjects = [m for m in clause_subjects(ctx, sent) if m.key in own]
    text = sent.folded
    for start, named in _cue_lists(sent, parties):
        starts = [x.end() for x in _ZH_CLAUSE_START.finditer(text, 0, start)]
        clause_start = starts[-1] if starts else 0
        before = [m for m in parties if clause_start <= _rel(m, sent)[0] and _rel(m, sent)[1] <= start]
        if len(before) == 1 and _opens(text, sent, before[0], clause_start, start) and before[0].key not in own:
            if not _reporter_side(ctx, before[0]):  # 老板电器与阿里云合作
                yield from ((u, before[0]) for u in named if u.key in own)
            continue
        if before:
            unit = before[-1]
            if len(before) > 1 or unit not in subjects or len(_ZH_FILLER.sub("", text[_rel(unit, sent)[1]:start])) >= 2:
                continue
        else:
            unit = _earlier_subject(ctx, sent, parties, subjects, clause_start, start)
            if unit is None:
                continue
        yield from ((unit, m) for m in named if m.key != unit.key and not _reporter_side(ctx, m) and m.key not in own)


def _opens(text: str, sent: Sentence, m: Mention, clause_start: int, cue: int) -> bool:
    """``m`` is the clause's subject right before the cue: only time words or adverbs around it."""
    s, e = _rel(m, sent)
    return len(_ZH_FILLER.sub("", text[clause_start:s])) < 2 and len(_ZH_FILLER.sub("", text[e:cue])) < 2


def _earlier_subject(ctx, sent: Sentence, parties: list[Mention], subjects: list[Mention],
                     clause_start: int, cue: int) -> Mention | None:
    """阿里健康从…入手，联合A、B…: a cue with no subject of its own continues the subject of
    an earlier clause of the sentence; that subject when it is a unit (and the reporter is
    not named in between)."""
    if not _subject_ok(ctx, sent, parties, cue) or any(clause_start <= s < cue for s, _e in reporter_spans(ctx, sent)):
        return None
    earlier = [m for m in clause_subjects(ctx, sent) if _rel(m, sent)[1] <= clause_start]
    if not earlier or earlier[-1] not in subjects:
        return None
    last = earlier[-1]
    if any(_rel(last, sent)[1] <= s < cue for s, _e in reporter_spans(ctx, sent)):
        return None
    return last


# ---- subsidiaryOf --------------------------------------------------------------------------

_ZH_PARENT_AS = re.compile(r"作为$")
_ZH_PARENT_TAIL = re.compile(
    r"^\s*(?:在[^，。；]{0,20}?)?(?:的|旗下)?[^，。；]{0,24}?(?:旗舰|子公司|附属公司|子集团|成员|一员|板块|业务单元|控股)")
_ZH_IS_SUB = re.compile(r"(?:是|为|系)$")
_ZH_SUB_TAIL = re.compile(r"\s*(?:的|之|旗下的?)?\s*(?:全资|控股|非全资)?(?:附属公司|子公司|子集团|成员企业)"
                          r"|\s*(?:的|之|旗下的?)[^，。；]{0,12}?(?:业务|平台|品牌|板块|业务单元)(?:之一)?(?:[，。；]|$)")
_ZH_CONTROLLER = re.compile(r"(?:控股股东|母公司|最终控股公司)(?:为|是)?\s*$")
_ZH_ACQUIRE = re.compile(r"(?:收购|并购|购入|取得)$")
_ZH_STAKE = re.compile(r"^\s*(?:公司)?\s*(\d+(?:\.\d+)?)\s*[%％]\s*(?:的)?\s*(?:股权|股份|权益)")
_ZH_SUB_BEFORE = re.compile(
    r"(?:本集团|本公司|公司|我们|其)?(?:的|之)?(?:上市|主要|直接|间接)?(?:全资|控股|非全资)?(?:附属公司|子公司)(?:包括|有|如)?\s*$")
_ZH_ITS_SUB = re.compile(r"其(?:的|之)?(?:上市|主要|直接|间接)?(?:全资|控股|非全资)?(?:附属公司|子公司)\s*$")
_ZH_OWN_SUB = re.compile(r"\s*(?:[（(][^（）()]{1,30}[）)])?\s*(?:是|为|系)(?:本集团|本公司|我们|公司)(?:的|之)?\s*"
                         r"(?:上市|主要|直接|间接)?(?:全资|控股|非全资)?(?:附属公司|子公司)"
                         r"|\s*(?:是|为|系)(?:本集团|我们|集团)(?:的|之|旗下的?)[^，。；]{0,12}?(?:业务|平台|品牌|板块|业务单元)(?:之一)?(?:[，。；]|$)")
# 我们旗下的X, 集团的X、Y等业务: the reporter's own businesses named after it
_ZH_OWN_BEFORE = re.compile(r"(?:我们|本集团|集团|本公司)(?:的|之)?旗下(?:的)?\s*$|(?:我们|本集团|集团)的\s*$")
_ZH_OWN_AFTER = re.compile(r"\s*(?:等)?(?:核心|主要)?(?:业务|平台|品牌|板块|业务单元)")
_EN_OUR_UNIT = re.compile(r"\b(?:our|the Group[’']s)\s+$", re.I)
_EN_UNIT_AFTER = re.compile(r"\s+(?:business(?:es)?|platforms?|brands?|segments?)\b", re.I)
_EN_OWN_SUB = re.compile(
    r"\*?\s*,?\s*(?:is|was|being|,)?\s*(?:a|an)\s+(?:wholly[- ]owned\s+|indirect\s+|direct\s+|non-wholly[- ]owned\s+)?"
    r"subsidiary\s+of\s+(?:the\s+)?(?:Company|Group)\b", re.I)
_ZH_UNDER = re.compile(r"旗下(?:的)?$")

_EN_SUB_OF = re.compile(
    r"(?:,|—|–|-|\bis|\bwas|\bbecame|\bhas been|\bas)\s*\s*(?:,\s*)?(?:a|an|the|its|our)?\s*(?:wholly[- ]owned\s+|non-wholly[- ]owned\s+|indirect\s+|direct\s+)?"
    r"(?:subsidiary|business unit|division|member company|flagship platform|healthcare flagship platform|[a-z]+ flagship platform|unit)\s+of\s+(?:the\s+)?$",
    re.I)
_EN_ITS_SUB = re.compile(r"(?:its|our|the Company’s|the Company's|the Group’s|the Group's)\s+(?:wholly[- ]owned\s+)?subsidiar(?:y|ies)\s*,?\s*(?:including\s+)?$", re.I)
_EN_PARENT_WORD = r"(?:ultimate\s+|immediate\s+)?(?:parent company|controlling shareholder|holding company|parent)"
_EN_PARENT = re.compile(
    rf"(?:(?:our|its|the\s+Company[’']s|the\s+Group[’']s)\s+{_EN_PARENT_WORD}\s*,?\s*(?:is|was)?"
    rf"|{_EN_PARENT_WORD}\s+of\s+the\s+(?:Company|Group)\s*(?:is|was|,))\s*$", re.I)
_EN_IS_PARENT = re.compile(
    rf"^\s*(?:\([^()]{{1,40}}\))?\s*(?:,\s*(?:which\s+is\s+)?|\s+is\s+|\s+was\s+)(?:the|our|its)\s+{_EN_PARENT_WORD}"
    r"(?:\s+of\s+the\s+(?:Company|Group)\b|(?!\s+of\b))", re.I)
# X ("JR Membrane"), a non-wholly owned subsidiary whose …: a subsidiary, of the reporter
_EN_APPOSITIVE_SUB = re.compile(
    r"^\s*\*?\s*(?:\([^()]{1,40}\))?\s*,\s*(?:a|an|our|its)\s+(?:(?:(?:wholly|non-wholly|majority|\d+(?:\.\d+)?%)"
    r"[- ]owned|listed|principal|indirect|direct|operating|key|major)\s+)*subsidiar(?:y|ies)\b"
    r"(?!\s+of\s+(?!the\s+(?:Company|Group)\b))", re.I)
_EN_ESTABLISHED = re.compile(r"\b(?:established|set up|founded|incorporated)\s+$", re.I)
# A data-scope note: "The scope of … consumption includes only A Limited, B Limited", 报告范围涵盖…
_SCOPE = re.compile(r"scope|boundary|includes only|covers only|范围|边界|仅包括|仅涵盖", re.I)
_SCOPE_TOPIC = re.compile(r"report|data|consumption|emission|statistic|报告|数据|统计|排放|能耗|能源", re.I)


def _legal(m: Mention) -> bool:
    return (m.attrs or {}).get("cue") == "legal" and m.type == "Company"


def subsidiaries(ctx, sent: Sentence) -> Iterator[tuple[Mention, Mention]]:
    """(child, parent) pairs stated in ``sent``; the reporter is one side of most."""
    pub = ctx.report.publisher
    parties = [m for m in _parties(ctx, sent) if m.type == "Company"]
    if pub is None or not parties:
        return
    en = ctx.document.language == "en"
    text = sent.text if en else sent.folded
    has_reporter = bool(reporter_spans(ctx, sent))
    for i, m in enumerate(parties):
        s, e = _rel(m, sent)
        before, after = text[max(0, s - 40):s], text[e:e + 60]
        own = _is_reporter(ctx, m)
        if en:
            if not own and _EN_SUB_OF.search(text[max(0, s - 60):s]):
                prev = [p for p in parties[:i] if _rel(p, sent)[1] <= s]
                child = prev[-1] if prev else (pub if has_reporter else None)
                if child is not None and child.key != m.key:
                    yield child, m
            if not own and (_EN_OWN_SUB.match(after) or _EN_APPOSITIVE_SUB.match(after)):
                yield m, pub
            if not own and (_EN_PARENT.search(text, max(0, s - 80), s) or _EN_IS_PARENT.match(after)):
                yield pub, m
            if not own and has_reporter and (_EN_ITS_SUB.search(before) or (_legal(m) and _EN_ESTABLISHED.search(before))):
                yield m, pub  # our subsidiary JR Testing, its subsidiary X Limited
            if not own and _EN_OUR_UNIT.search(before) and _EN_UNIT_AFTER.match(after):  # our Tmall business
                yield m, pub
            if not own and _EN_HOLDS_OUR_SHARES.match(text[e:]) and _majority(_EN_HOLDS_OUR_SHARES.match(text[e:]).group(1)):
                yield pub, m  # Hengxin Group held approximately 64.18% of the issued shares of the Company
            yield from _en_described_parent(ctx, sent, parties, i, text)
            continue
        if not own and _ZH_PARENT_AS.search(before) and _ZH_PARENT_TAIL.match(after) and has_reporter:
            yield pub, m
        if not own and _ZH_CONTROLLER.search(before):
            yield pub, m
        if not own and _ZH_ACQUIRE.search(before):
            stake = _ZH_STAKE.match(after)
            if stake is None or float(stake.group(1)) >= 50:
                yield m, (_clause_subject(ctx, sent, parties, s) or pub)
        if not own and _ZH_ITS_SUB.search(before):  # X连同其全资附属公司Y
            prev = [p for p in parties[:i] if _rel(p, sent)[1] <= s]
            if prev and prev[-1].key != m.key:
                yield m, prev[-1]
        elif not own and _ZH_SUB_BEFORE.search(before) and re.search(r"(?:本集团|本公司|公司|我们)", before[-12:]):
            yield m, pub
        if not own and _ZH_OWN_SUB.match(after):  # X为本公司之全资附属公司
            yield m, pub
        if _ZH_IS_SUB.match(after[:1]):  # X是Y的附属公司
            nxt = [p for p in parties[i + 1:] if _rel(p, sent)[0] - e <= 2]
            if nxt and nxt[0].key != m.key and _ZH_SUB_TAIL.match(text, _rel(nxt[0], sent)[1]):
                yield m, nxt[0]
        if _ZH_UNDER.match(after[:3]):
            nxt = [p for p in parties[i + 1:] if 0 <= _rel(p, sent)[0] - e <= 3]
            if nxt and not _is_reporter(ctx, nxt[0]):
                yield nxt[0], (pub if own else m)
        if not own:
            yield from ((x, pub) for x in _own_listed(ctx, sent, parties, i))
    yield from _stakes(ctx, sent, parties, text)
    if not en:
        yield from _listed_subsidiaries(ctx, sent, parties, text)
        yield from _held_by_company(ctx, sent, parties, text)
        yield from _sponsored(ctx, sent, parties, text)
        yield from _contract_controlled(ctx, sent, parties, text)
    if _SCOPE.search(text) and _SCOPE_TOPIC.search(text) and not _SCOPE_EXCLUDED.search(text):  # a data scope lists the group's own members
        scoped = [m for m in parties if _legal(m) and not _is_reporter(ctx, m)]
        if len(scoped) >= 2 or (scoped and re.search(r"includes only|covers only|仅包括|仅涵盖", text, re.I)):
            for m in scoped:
                yield m, pub


_EN_HOLDS_OUR_SHARES = re.compile(
    r"^\s*(?:\([^()]{1,40}\)\s*)?(?:held|holds|owned|owns|had|has)\s+(?:approximately\s+|about\s+|around\s+|over\s+)?(\d{1,3}(?:\.\d+)?)\s*%\s+of\s+the\s+(?:issued\s+|total\s+|outstanding\s+)*"
    r"(?:shares|share capital|equity)\s+(?:of|in)\s+the\s+Company\b", re.I)
_EN_SUB_OF_THE = re.compile(
    r"^\s*(?:\([^()]{1,40}\))?\s*,\s*(?:a|an)\s+(?:wholly[- ]owned\s+|non-wholly[- ]owned\s+|indirect\s+|direct\s+)?"
    r"subsidiary\s+of\s+the\s+([A-Z][a-z]+)\b")
_EN_ITS_SUB_OPENS = re.compile(r"^\s*Its\s+(?:wholly[- ]owned\s+|non-wholly[- ]owned\s+)?subsidiary\s*,?\s*$")
_EN_BRANCH = re.compile(r"^(.+?\b(?:Limited|Ltd\.?|Inc\.?|Corporation|Company))\s*,\s*(?:[A-Z][a-z]+\s+){1,3}Branch$")


_EN_POSSESSOR = re.compile(r"\b[Tt]he\s+([A-Z][a-z]+)[’']s\s+$")


def _described(ctx, word: str, child: Mention) -> Mention | None:
    """The group company "the Bank" (a description by its business word) means: the shortest
    legal name with that word, other than the company described."""
    if word in ("Company", "Group"):
        return None
    pattern = re.compile(rf"\b{word}\b")
    named = [x for x in ctx.mentions if _legal(x) and x.key != child.key and pattern.search(x.text)]
    return min(named, key=lambda x: len(x.text)) if named else None


def _en_described_parent(ctx, sent: Sentence, parties: list[Mention], i: int, text: str) -> Iterator[tuple[Mention, Mention]]:
    """English parents named by description: "X, a wholly-owned subsidiary of the Bank" (the
    group's company named for that word), "Its wholly-owned subsidiary, X" opening a sentence
    (the company the sentence before opened with), "X Limited, Macau Branch" (a branch of X)."""
    m = parties[i]
    s, e = _rel(m, sent)
    d = _EN_SUB_OF_THE.match(text[e:])
    parent = _described(ctx, d.group(1), m) if d else None
    if parent is not None:
        yield m, parent
    own = _EN_POSSESSOR.search(text, max(0, s - 30), s)
    if own and m.text.endswith("Branch"):  # the Bank's Macau Branch
        parent = _described(ctx, own.group(1), m)
        if parent is not None:
            yield m, parent
    if i == 0 and _EN_ITS_SUB_OPENS.match(text[:s]):
        k = next((n for n, x in enumerate(ctx.sentences) if x is sent), 0)
        prev = ctx.sentences[k - 1] if k else None
        if prev is not None and prev.block is sent.block:
            first = [x for x in _parties(ctx, prev) if x.type == "Company"]
            if first and first[0].key != m.key:
                yield m, first[0]
    b = _EN_BRANCH.match(m.text)
    if b:
        head = match_key(b.group(1))
        owner = next((x for x in ctx.mentions if x.type == "Company" and x.key == head), None)
        if owner is not None:
            yield m, owner


def _clause_subject(ctx, sent: Sentence, parties: list[Mention], pos: int) -> Mention | None:
    """The company other than the reporter that opens the clause before ``pos`` (明泓教育投资
    完成收购X: the buyer is that company, not the reporter)."""
    text = sent.folded
    starts = [x.end() for x in _ZH_CLAUSE_START.finditer(text, 0, pos)]
    cs = starts[-1] if starts else 0
    before = [m for m in parties if cs <= _rel(m, sent)[0] and _rel(m, sent)[1] <= pos]
    if before and not _is_reporter(ctx, before[0]) and _opens(text, sent, before[0], cs, _rel(before[0], sent)[1]):
        return before[0]
    return None


# X持有Y的全部股权 / X持有Y 70%股权: a company of the group holding another
_ZH_CO_HOLDS = re.compile(r"^\s*(?:[（(][^（）()]{1,30}[）)])?\s*(?:现时|目前|间接|直接|合共|共)*(?:持有|拥有)\s*")
_ZH_ALL_HELD = re.compile(r"^\s*(?:[（(][^（）()]{1,30}[）)])?\s*(?:的)?\s*(?:全部|全数|100\s*[%％])\s*(?:的)?\s*(?:权益|股权|股份|已发行股份)")
# X为A、B及C的举办者 / A的举办者为X: a private school's sponsor owns it
_ZH_SPONSOR_IS = re.compile(r"^\s*(?:[（(][^（）()]{1,30}[）)])?\s*(?:为|是|系)\s*")
_ZH_SPONSOR_TAIL = re.compile(r"^\s*(?:等)?(?:\d+所学校)?\s*的\s*(?:唯一)?(?:举办者|举办人|出资人)")
_ZH_SPONSOR_OF = re.compile(r"^\s*的\s*(?:唯一)?(?:举办者|举办人|出资人)\s*(?:为|是)\s*")
_ZH_LATTER = re.compile(r"后者\s*(?:为|是|系)\s*$")
# 合并联属实体 / VIE: entities the listed company controls by contract, consolidated as its own
_ZH_VIE = re.compile("|".join(P_CO["contract_control_words"]))
_ZH_CONTROL_OVER = re.compile(r"对\s*$")
_ZH_CONTROL_TAIL = re.compile(r"^[^。；]{0,40}?(?:实施|拥有|行使|取得|实现)?(?:有效|实际)?控制")


_ZH_LIST_GAP = re.compile(r"^\s*(?:[（(][^（）()]{1,30}[）)])?\s*(?:、|，|,|和|及|与|以及)\s*$")
_ZH_ALL_ARE = re.compile(r"^\s*(?:[（(][^（）()]{1,30}[）)])?\s*(?:均|皆|都|亦|也|同)*\s*(?:为|是|系)\s*$")


def _listed_subsidiaries(ctx, sent: Sentence, parties: list[Mention], text: str) -> Iterator[tuple[Mention, Mention]]:
    """(child, parent) for each company of a list said to be another's subsidiaries: X（「x」）及
    Y（「y」）均为Z的全资附属公司 (a short name in brackets is the same company)."""
    outer = [m for m in parties if not any(_rel(o, sent)[0] < _rel(m, sent)[0] and _rel(m, sent)[1] <= _rel(o, sent)[1] + 8
                                             and text[_rel(o, sent)[1]:_rel(m, sent)[0]].strip("（(「“ ") == "" for o in parties if o is not m)]
    k = 0
    while k < len(outer):
        group = [outer[k]]
        while k + 1 < len(outer) and _ZH_LIST_GAP.match(text[_rel(outer[k], sent)[1]:_rel(outer[k + 1], sent)[0]]):
            k += 1
            group.append(outer[k])
        k += 1
        if len(group) < 2 or k >= len(outer):
            continue
        parent = outer[k]
        if _ZH_ALL_ARE.match(text[_rel(group[-1], sent)[1]:_rel(parent, sent)[0]]) and _ZH_SUB_TAIL.match(text, _rel(parent, sent)[1]):
            yield from ((c, parent) for c in group if c.key != parent.key)


def _held_by_company(ctx, sent: Sentence, parties: list[Mention], text: str) -> Iterator[tuple[Mention, Mention]]:
    """(held, holder): 本公司透过全资附属公司X持有Y的全部股权 -> Y under X."""
    for i, p in enumerate(parties[:-1]):
        e = _rel(p, sent)[1]
        h = _ZH_CO_HOLDS.match(text[e:])
        if not h or _is_reporter(ctx, p):
            continue
        q = parties[i + 1]
        qs, qe = _rel(q, sent)
        if qs != e + h.end():
            continue
        pct = _ZH_HELD_PCT.match(text[qe:])
        if _ZH_ALL_HELD.match(text[qe:]) or (pct and _majority(pct.group(1))):
            yield q, p


def _sponsored(ctx, sent: Sentence, parties: list[Mention], text: str) -> Iterator[tuple[Mention, Mention]]:
    """(school, sponsor): X为A、B及C的举办者, 后者为A的举办者 (X named just before), A的举办者为X.
    A private school belongs to its sponsor (举办者) as a subsidiary to its parent."""
    for i, p in enumerate(parties):
        s, e = _rel(p, sent)
        is_ = _ZH_SPONSOR_IS.match(text[e:])
        latter = _ZH_LATTER.search(text, max(0, s - 6), s)
        if is_ or latter:
            start = e + is_.end() if is_ else s
            schools = _list_after(text, sent, parties[i + 1:] if is_ else parties[i:], start)
            if schools and _ZH_SPONSOR_TAIL.match(text[_rel(schools[-1], sent)[1]:]):
                sponsor = p if is_ else next((q for q in reversed(parties[:i]) if _rel(q, sent)[1] <= s), None)
                yield from ((c, sponsor) for c in schools if sponsor is not None and c.key != sponsor.key)
        of = _ZH_SPONSOR_OF.match(text[e:])
        if of:
            nxt = next((q for q in parties[i + 1:] if _rel(q, sent)[0] == e + of.end()), None)
            if nxt is not None:
                yield p, nxt


def _contract_controlled(ctx, sent: Sentence, parties: list[Mention], text: str) -> Iterator[tuple[Mention, Mention]]:
    """(entity, reporter): the sentence that defines the contract-controlled entities (合并联属实体,
    VIE) and says the group controls X (使本集团能够对X及其举办的学校实施有效控制)."""
    pub = ctx.report.publisher
    if not _ZH_VIE.search(text):
        return
    for p in parties:
        s, e = _rel(p, sent)
        if not _is_reporter(ctx, p) and _ZH_CONTROL_OVER.search(text, max(0, s - 2), s) and _ZH_CONTROL_TAIL.match(text[e:]):
            yield p, pub


# ---- ownership stakes -------------------------------------------------------------------

_PCT = r"(?:approximately\s+|about\s+|around\s+|over\s+|约|逾|超过|合共|共)?(\d{1,3}(?:\.\d+)?)\s*[%％]"
_US_EN = r"(?:the\s+)?(?:Group|Company)\b|\bus\b"
# X … (is) owned as to 58.30% by the Group; X, 65%-owned by the Company
_EN_OWNED_BY = re.compile(rf"\bowned\s+(?:as\s+to\s+)?{_PCT}\s+by\s+(?:{_US_EN})|{_PCT}[- ]owned\s+by\s+(?:{_US_EN})", re.I)
# the Group holds 70% of / a 70% equity interest in X
_EN_HOLDS = re.compile(
    rf"\b(?:the\s+Group|the\s+Company|we)\s+(?:also\s+|currently\s+|indirectly\s+|directly\s+)*"
    rf"(?:holds?|held|owns?|owned|has|had)\s+(?:an?\s+)?{_PCT}\s+(?:equity\s+|shareholding\s+)?"
    r"(?:interests?\s+|stake\s+|of\s+the\s+(?:equity\s+interests?|shares|issued\s+shares)\s+)?(?:of|in)\s+(?:the\s+)?$", re.I)
# X, in which the Group holds a 60% interest
_EN_IN_WHICH = re.compile(
    rf"^\s*(?:\([^()]{{1,40}}\))?\s*,?\s*(?:in|of)\s+which\s+(?:the\s+Group|the\s+Company|we)\s+(?:\w+\s+)?"
    rf"(?:holds?|held|owns?|owned|has|had)\s+(?:an?\s+)?{_PCT}", re.I)
# 本公司现时持有其约68.2%权益 / 本集团持有X 70%股权 / X由本集团持有约60%
_ZH_US = r"(?:本集团|本公司|我们|公司)"
_ZH_HOLDS = re.compile(rf"{_ZH_US}(?:现时|目前|现|间接|直接|合共|共)*(?:持有|拥有)(其)?\s*")
_ZH_HELD_PCT = re.compile(rf"^\s*(?:[（(][^（）()]{{1,30}}[）)])?\s*{_PCT}\s*(?:的)?\s*(?:权益|股权|股份|已发行股份)")
_ZH_HELD_BY = re.compile(rf"^\s*(?:[（(][^（）()]{{1,30}}[）)])?\s*由{_ZH_US}(?:现时|目前|间接|直接)*持有\s*{_PCT}")
# 透过X经营…: the group runs a business through X, its own entity
_ZH_THROUGH = re.compile(r"(?:透过|通过)\s*$")
_ZH_THROUGH_AFTER = re.compile(r"^\s*(?:[（(][^（）()]{1,30}[）)])?\s*(?:经营|营运|运营|持有|开展|从事)")


def _majority(value: str) -> bool:
    """More than half the equity: control (50:50 is a joint venture, less an associate)."""
    return float(value) > 50


def _stakes(ctx, sent: Sentence, parties: list[Mention], text: str) -> Iterator[tuple[Mention, Mention]]:
    """(child, reporter) for companies the sentence says the reporter holds a majority of:
    "X is owned as to 58.30% by the Group", "the Group holds 70% of X", 本公司持有其约68.2%权益
    (其: the company the sentence named first), X由本集团持有60%; and 透过X经营… (the group runs
    a business through X)."""
    pub = ctx.report.publisher
    others = [m for m in parties if not _is_reporter(ctx, m)]
    if not others:
        return
    if ctx.document.language == "en":
        for m in _EN_OWNED_BY.finditer(text):
            before = [p for p in others if _rel(p, sent)[1] <= m.start()]
            if before and _majority(m.group(1) or m.group(2)):
                yield before[-1], pub
        for p in others:
            s, e = _rel(p, sent)
            h = _EN_HOLDS.search(text, max(0, s - 120), s) or _EN_IN_WHICH.match(text[e:])
            if h and _majority(h.group(1)):
                yield p, pub
        return
    for p in others:
        s, e = _rel(p, sent)
        held = _ZH_HELD_BY.match(text[e:])
        if held and _majority(held.group(1)):
            yield p, pub
        if _ZH_THROUGH.search(text, max(0, s - 3), s) and _ZH_THROUGH_AFTER.match(text[e:]) and _legal(p):
            starts = [x.end() for x in _ZH_CLAUSE_START.finditer(text, 0, s)]
            if not [q for q in others if (starts[-1] if starts else 0) <= _rel(q, sent)[0] < s]:
                yield p, pub
    for h in _ZH_HOLDS.finditer(text):
        if h.group(1):  # 持有其…: the company named before in the sentence
            target = next((p for p in reversed(others) if _rel(p, sent)[1] <= h.start()), None)
            pct = _ZH_HELD_PCT.match(text[h.end():])
        else:
            target = next((p for p in others if _rel(p, sent)[0] == h.end()), None)
            pct = _ZH_HELD_PCT.match(text[_rel(target, sent)[1]:]) if target else None
        if target is not None and pct and _majority(pct.group(1)):
            yield target, pub


def _own_listed(ctx, sent: Sentence, parties: list[Mention], i: int) -> list[Mention]:
    """我们旗下的X、Y / 集团的X、Y等业务 starting at ``parties[i]``: the reporter's own units."""
    text = sent.folded
    s, _e = _rel(parties[i], sent)
    if i and _SEPARATORS.match(text[_rel(parties[i - 1], sent)[1]:s]):
        return []  # inside a list: its first item decides
    own_before = _ZH_OWN_BEFORE.search(text[max(0, s - 8):s])
    if not own_before:
        return []
    listed = [parties[i]] + _list_after(text, sent, parties[i + 1:], _rel(parties[i], sent)[1])
    listed = [m for m in listed if not _is_reporter(ctx, m)]
    if "旗下" in own_before.group() or _ZH_OWN_AFTER.match(text, _rel(listed[-1], sent)[1]):
        return listed
    return []


# ---- group structure printed as a chart, a table or a scope note ------------------------

_PCT_ROW = re.compile(r"^\s*(?:\d{1,3}(?:\.\d+)?\s*[%％]\s*)+$")
_PCT_VALUE = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*[%％]")
_ENTITY_TABLE = re.compile("|".join(P_CO["entity_table_words"]), re.I)
_NOT_ENTITY_TABLE = re.compile("|".join(P_CO["entity_table_exclusions"]), re.I)
_SCOPE_HEADING = re.compile("|".join(P_CO["scope_headings"]), re.I)
_SCOPE_EXCLUDED = re.compile("|".join(P_CO["scope_exclusions"]), re.I)
_OWNER_COLUMN = re.compile("|".join(P_CO["owner_columns"]), re.I)


_SENTENCE_MARK = re.compile(r"[。，；！？]|[.;!?,](?:\s|$)")


def _blocks(ctx) -> list[tuple[object, list[Sentence]]]:
    """The report's blocks in order, each with its sentences."""
    by_block: dict[int, list[Sentence]] = defaultdict(list)
    for sent in ctx.sentences:
        by_block[id(sent.block)].append(sent)
    return [(b, by_block.get(id(b), [])) for b in ctx.document.blocks]


def _companies_in(sents: list[Sentence]) -> list[tuple[Mention, Sentence]]:
    return sorted(((m, x) for x in sents for m in x.mentions if m.type == "Company" and m.start >= 0),
                  key=lambda t: t[0].start)


def structure(ctx) -> Iterator[Relation]:
    """subsidiaryOf from the group structure as laid out, not said in a sentence:
    - a shareholding chart: an owner, a row of percentages, then the owned on the next row
      (matched by position; more than 50% is control);
    - a table of the group's operating entities or subsidiaries (主要营运实体, principal
      subsidiaries): the legal names in its rows;
    - the paragraph under a reporting-scope heading: the legal entities whose operations the
      report covers (not those it says it leaves out)."""
    pub = ctx.report.publisher
    blocks = _blocks(ctx)
    in_table = owner_table = False
    for k, (block, sents) in enumerate(blocks):
        text = block.text.strip()
        if _PCT_ROW.match(text) and 0 < k < len(blocks) - 1:
            yield from _chart_row(ctx, blocks[k - 1][1], [float(v) for v in _PCT_VALUE.findall(text)], blocks[k + 1])
        folded = to_simplified(text)
        row = block.kind == "table" or (len(text) <= 40 and not _SENTENCE_MARK.search(text))
        if row and _OWNER_COLUMN.search(folded) and not _companies_in(sents):
            owner_table = True  # a header row with an owner column (学校 … 举办者 …)
            continue
        if owner_table and row and block.kind != "heading":
            named = _companies_in(sents)
            if len(named) >= 2 and named[0][0].key != named[-1][0].key:
                yield Relation(named[0][0], "subsidiaryOf", named[-1][0], named[0][1].evidence())
            continue
        owner_table = False
        if row and _ENTITY_TABLE.search(folded) and not _NOT_ENTITY_TABLE.search(folded):
            in_table = True  # the table's title or header row
            continue
        if in_table and block.kind != "heading" and row:
            values = [float(v) for v in _PCT_VALUE.findall(text)]
            if not values or max(values) > 50:
                for m, sent in _companies_in(sents):
                    if _legal(m) and not _is_reporter(ctx, m):
                        yield Relation(m, "subsidiaryOf", pub, sent.evidence())
            continue
        in_table = False
        if block.kind != "heading" and _SCOPE_HEADING.search(to_simplified(block.heading or "")):
            for m, sent in _companies_in(sents):
                if _legal(m) and not _is_reporter(ctx, m) and not _SCOPE_EXCLUDED.search(sent.folded):
                    yield Relation(m, "subsidiaryOf", pub, sent.evidence())


def _chart_row(ctx, above: list[Sentence], values: list[float], below) -> Iterator[Relation]:
    """Owner (the one company on the row above), percentages, owned companies (the row below,
    named one after another from its start)."""
    owners = {m.key: m for m, _s in _companies_in(above)}
    if len(owners) != 1:
        return
    owner = next(iter(owners.values()))
    block, sents = below
    pos = block.start + len(block.text) - len(block.text.lstrip())
    for (m, sent), value in zip(_companies_in(sents), values):
        if ctx.document.text[pos:m.start].strip():
            break  # a name no rule read: the positions no longer match
        if value > 50 and m.key != owner.key:
            yield Relation(m, "subsidiaryOf", owner, sent.evidence())
        pos = m.end


def _parents_of_reporter(rels: list[Relation], pub: Mention) -> set[str]:
    return {r.object.key for r in rels if r.predicate == "subsidiaryOf" and r.subject.key == pub.key}


# ---- the reporter's own business units --------------------------------------------------

_UNIT_CUES = frozenset({"brand", "list", "repeat", "unit"})
_GROUP_WORDS = re.compile(r"集团|集團|控股|Group|Holdings?\b", re.I)


def _is_group(ctx) -> bool:
    """A holding company or group (…集团控股有限公司, … Holdings Limited) reports on its
    business units as its own operations."""
    pub = ctx.report.publisher
    return any(_GROUP_WORDS.search(n) for n in (pub.text, pub.label or ""))


def clause_subjects(ctx, sent: Sentence) -> list[Mention]:
    """Companies that open a clause (菜鸟通过…, 2022财年，淘宝为…, 在东南亚，Lazada正在…,
    盒马与高鑫零售积极…), possibly after a time or place phrase and other listed companies."""
    text = sent.folded
    out: list[Mention] = []
    parties = [m for m in _parties(ctx, sent) if m.type == "Company"]
    for m in parties:
        s, _e = _rel(m, sent)
        starts = [x.end() for x in _ZH_CLAUSE_START.finditer(text, 0, s)]
        cs = starts[-1] if starts else 0
        rest = text[cs:s]
        for p in parties:
            ps, pe = _rel(p, sent)
            if cs <= ps and pe <= s:
                rest = rest.replace(text[ps:pe], "")
        if text[cs - 1:cs] in "」”\"』" and cs:  # 「老店新生」计划由X与Y合办: the project's runner
            rest = re.sub(r"^(?:" + "|".join(_PROJECT_WORDS) + r")由", "", rest)
        if not _ZH_FILLER.sub("", rest).strip(" 、和与及其中此外目前如今由"):
            out.append(m)
    return out


def units(ctx, subs: list[Relation], partner_rels: list[Relation]) -> Iterator[Relation]:
    """The reporter's business units: companies named without a legal form (by a brand cue,
    in a list with one, or again) that open clauses of the report's narrative, when the
    reporter is a group with no parent of its own (a group member's report names its
    siblings, which are the parent's). A company the reporter works with needs to act in
    more clauses than it is named a partner in; legal-form names and rating firms never are."""
    pub = ctx.report.publisher
    if ctx.document.language == "en" or not _is_group(ctx) or _parents_of_reporter(subs, pub):
        return
    cues: dict[str, set] = defaultdict(set)
    for m in ctx.mentions:
        if m.type == "Company":
            cues[m.key].add((m.attrs or {}).get("cue"))
    partnered = Counter(r.object.key for r in partner_rels)
    named = {r.subject.key for r in subs}
    acting: dict[str, list[tuple[Mention, Sentence]]] = defaultdict(list)
    for sent in ctx.sentences:
        for m in clause_subjects(ctx, sent):
            if not _is_reporter(ctx, m):
                acting[m.key].append((m, sent))
    for key, seen in acting.items():
        kinds = cues[key]
        if key in named or not kinds & _UNIT_CUES or kinds & {"legal", "rater"}:
            continue
        if (partnered[key] or "partner" in kinds) and len(seen) < max(3, partnered[key] + 1):
            continue
        m, sent = next(((m, x) for m, x in seen if len(x.text.strip()) > len(m.text) + 4), seen[0])
        yield Relation(m, "subsidiaryOf", pub, sent.evidence())


def _direct_parents(subs: list[Relation], pub: Mention) -> list[Relation]:
    """A company the report puts under another member of the group (均为瀾庭娛樂的全资附属公司)
    is that member's subsidiary; the group's table that lists it under the reporter only says
    the group holds it in the end."""
    members = _group_members(subs, pub)
    nearer = {r.subject.key for r in subs if r.object.key in members and r.object.key != r.subject.key}
    return [r for r in subs if not (r.object.key == pub.key and r.subject.key in nearer)]


def _group_members(subs: list[Relation], pub: Mention) -> set[str]:
    """Every company under the reporter, directly or through its subsidiaries (a school under
    the sponsor under the reporter): the units whose co-operations are their own."""
    own = {pub.key}
    grew = True
    while grew:
        before = len(own)
        own |= {r.subject.key for r in subs if r.object.key in own}
        grew = len(own) > before
    own.discard(pub.key)
    return own


def extract(ctx) -> Iterator[Relation]:
    pub = ctx.report.publisher
    if pub is None:
        return
    subs: list[Relation] = []
    for sent in ctx.sentences:
        for child, parent in subsidiaries(ctx, sent):
            if child.key != parent.key:
                subs.append(Relation(child, "subsidiaryOf", parent, sent.evidence()))
    subs += [r for r in structure(ctx) if r.subject.key != r.object.key]
    parents = _parents_of_reporter(subs, pub)
    # a scope note never makes the reporter's parent its subsidiary
    subs = [r for r in subs if not (r.object.key == pub.key and r.subject.key in parents)]
    subs = _direct_parents(subs, pub)
    found = [(sent, m) for sent in ctx.sentences
             for m in partners(ctx, sent) if m.key != pub.key and m.key not in parents]
    partner_rels = [Relation(pub, "partnerOf", m, sent.evidence()) for sent, m in found]
    subs += units(ctx, subs, partner_rels)
    own = _group_members(subs, pub)
    yield from subs
    of_units = [(sent, u, m) for sent in ctx.sentences for u, m in unit_partners(ctx, sent, own)]
    claimed = {(id(sent), m.key) for sent, _u, m in of_units}
    yield from (Relation(pub, "partnerOf", m, sent.evidence()) for sent, m in found
                if m.key not in own and (id(sent), m.key) not in claimed)  # no partner of its own units
    yield from (Relation(u, "partnerOf", m, sent.evidence()) for sent, u, m in of_units)
