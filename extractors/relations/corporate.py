"""``subsidiaryOf`` and ``partnerOf``: how the reporter stands to other companies.

partnerOf (reporter -> company or organisation): the partners a sentence names right after a
cooperation cue (阿里健康聯合菜鳥開展…, 攜手X推出, 與X、Y等…合作, "in partnership with X",
"X joined Alibaba Health", "Alibaba Health and X jointly …"). A list continues over 、，和
while the next item is a named mention. Chinese sentences often drop their subject, so the
reporter is the partner unless another company stands right before the cue.

subsidiaryOf: the reporter under its parent (作為X在…的旗艦平台, 作為X旗下…的子集團, "flagship
platform of X", 控股股東X, "X is a subsidiary of Y") and companies under the reporter (收購X
60%股權, 附屬公司X, "its subsidiary X", "Alibaba Health established X Co., Ltd.", the legal
entities a data-scope note lists).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..components import company as co
from ..model import Mention, Relation, Sentence
from ..report import reporter_spans

PARTIES = ("Company", "Organization")
_SEPARATORS = re.compile(
    r"^[\s、，,和及与以及&]*$|^\*?\s*(?:\([^()]{1,20}\))?\s*(?:and|,\s*and|,)\s*(?:the\s+)?$", re.I)


def _rel(m: Mention, s: Sentence) -> tuple[int, int]:
    return m.start - s.start, m.end - s.start


def _parties(ctx, sent: Sentence) -> list[Mention]:
    return sorted((m for m in sent.mentions if m.type in PARTIES and m.start >= 0), key=lambda m: m.start)


def _is_reporter(ctx, m: Mention) -> bool:
    return ctx.report.publisher is not None and m.key == ctx.report.publisher.key


def _list_after(text: str, sent: Sentence, parties: list[Mention], pos: int) -> list[Mention]:
    """Mentions listed from ``pos``: the first starts there, the next follow separators."""
    out: list[Mention] = []
    for m in parties:
        s, e = _rel(m, sent)
        if s < pos:
            continue
        if not _SEPARATORS.match(text[pos:s]):
            break
        out.append(m)
        pos = e
    return out


# ---- partnerOf ---------------------------------------------------------------------------

_ZH_CLAUSE_START = re.compile(r"[，,。；;：:！？!?）)」”]")
_ZH_FILLER = re.compile(
    r"\d+\s*年(?:\s*\d+\s*月)?(?:\s*\d+\s*日)?(?:起|以来|期间|内|上半年|下半年|底|初)?|自|从|在|于|同时|此外|"
    r"另外|并且|并|还|也|已|曾|先后|积极|持续|进一步|主动|正式|共同|通过|报告期内|本年度|年内|期间|[\d.\s/\-—–•·]")


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
    return len(rest) < 2


def partners(ctx, sent: Sentence) -> Iterator[Mention]:
    """The partners the reporter cooperates with in ``sent``."""
    parties = _parties(ctx, sent)
    if not parties:
        return
    if ctx.document.language == "en":
        if not reporter_spans(ctx, sent):
            return
        for _cs, _ce, names in co.en_partner_lists(sent.text):
            listed = [m for m in parties for s, e in names
                      if _rel(m, sent)[0] < e and s < _rel(m, sent)[1]]
            if listed:
                listed += _list_after(sent.text, sent, parties, _rel(listed[-1], sent)[1])
            yield from (m for m in listed if not _is_reporter(ctx, m))
        return
    text = sent.folded
    for start, end, strong in co.zh_partner_cues(text):
        if not _subject_ok(ctx, sent, parties, start):
            continue
        pos = end
        while pos < len(text) and text[pos] in " 「“":
            pos += 1
        listed = _list_after(text, sent, parties, pos)
        if not listed or (not strong and not co.zh_bridge_follows(text, _rel(listed[-1], sent)[1])):
            continue
        yield from (m for m in listed if not _is_reporter(ctx, m))


# ---- subsidiaryOf --------------------------------------------------------------------------

_ZH_PARENT_AS = re.compile(r"作为$")
_ZH_PARENT_TAIL = re.compile(
    r"^\s*(?:在[^，。；]{0,20}?)?(?:的|旗下)?[^，。；]{0,24}?(?:旗舰|子公司|附属公司|子集团|成员|一员|板块|业务单元|控股)")
_ZH_IS_SUB = re.compile(r"(?:是|为|系)$")
_ZH_SUB_TAIL = re.compile(r"\s*(?:的|之|旗下的?)?\s*(?:全资|控股|非全资)?(?:附属公司|子公司|子集团|成员企业)")
_ZH_CONTROLLER = re.compile(r"(?:控股股东|母公司|最终控股公司)(?:为|是)?\s*$")
_ZH_ACQUIRE = re.compile(r"(?:收购|并购|购入|取得)$")
_ZH_STAKE = re.compile(r"^\s*(?:公司)?\s*(\d+(?:\.\d+)?)\s*[%％]\s*(?:的)?\s*(?:股权|股份|权益)")
_ZH_SUB_BEFORE = re.compile(r"(?:本集团|本公司|公司|我们)?(?:的|之)?(?:全资|控股|非全资)?(?:附属公司|子公司)(?:包括|有|如)?\s*$")
_ZH_OWN_SUB = re.compile(r"\s*(?:是|为|系)(?:本集团|本公司|我们|公司)(?:的|之)?\s*(?:全资|控股|非全资)?(?:附属公司|子公司)")
_EN_OWN_SUB = re.compile(
    r"\*?\s*,?\s*(?:is|was|being|,)?\s*(?:a|an)\s+(?:wholly[- ]owned\s+|indirect\s+|direct\s+|non-wholly[- ]owned\s+)?"
    r"subsidiary\s+of\s+(?:the\s+)?(?:Company|Group)\b", re.I)
_ZH_UNDER = re.compile(r"旗下(?:的)?$")

_EN_SUB_OF = re.compile(
    r"(?:,|—|–|-|\bis|\bwas|\bbecame|\bhas been|\bas)\s*\s*(?:,\s*)?(?:a|an|the|its|our)?\s*(?:wholly[- ]owned\s+|non-wholly[- ]owned\s+|indirect\s+|direct\s+)?"
    r"(?:subsidiary|business unit|division|member company|flagship platform|healthcare flagship platform|[a-z]+ flagship platform|unit)\s+of\s+(?:the\s+)?$",
    re.I)
_EN_ITS_SUB = re.compile(r"(?:its|our|the Company’s|the Company's|the Group’s|the Group's)\s+(?:wholly[- ]owned\s+)?subsidiar(?:y|ies)\s*,?\s*(?:including\s+)?$", re.I)
_EN_PARENT = re.compile(r"(?:our|its)\s+(?:parent company|controlling shareholder|ultimate holding company)\s*,?\s*$", re.I)
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
            if not own and _EN_OWN_SUB.match(after):
                yield m, pub
            if not own and _EN_PARENT.search(before):
                yield pub, m
            if not own and _legal(m) and (_EN_ITS_SUB.search(before) or _EN_ESTABLISHED.search(before)) and has_reporter:
                yield m, pub
            continue
        if not own and _ZH_PARENT_AS.search(before) and _ZH_PARENT_TAIL.match(after) and has_reporter:
            yield pub, m
        if not own and _ZH_CONTROLLER.search(before):
            yield pub, m
        if not own and _ZH_ACQUIRE.search(before):
            stake = _ZH_STAKE.match(after)
            if stake is None or float(stake.group(1)) >= 50:
                yield m, pub
        if not own and _ZH_SUB_BEFORE.search(before) and re.search(r"(?:本集团|本公司|公司|我们)", before[-12:]):
            yield m, pub
        if not own and _ZH_OWN_SUB.match(after):  # X为本公司之全资附属公司
            yield m, pub
        if _ZH_IS_SUB.match(after[:1]):  # X是Y的附属公司
            nxt = [p for p in parties[i + 1:] if _rel(p, sent)[0] - e <= 2]
            if nxt and nxt[0].key != m.key and _ZH_SUB_TAIL.match(text, _rel(nxt[0], sent)[1]):
                yield m, nxt[0]
        if _ZH_UNDER.match(after[:3]) and not own:
            nxt = [p for p in parties[i + 1:] if 0 <= _rel(p, sent)[0] - e <= 3]
            if nxt and not _is_reporter(ctx, nxt[0]):
                yield nxt[0], m
    if _SCOPE.search(text) and _SCOPE_TOPIC.search(text) and has_reporter:
        scoped = [m for m in parties if _legal(m) and not _is_reporter(ctx, m)]
        if len(scoped) >= 2 or (scoped and re.search(r"includes only|covers only|仅包括|仅涵盖", text, re.I)):
            for m in scoped:
                yield m, pub


def _parents_of_reporter(rels: list[Relation], pub: Mention) -> set[str]:
    return {r.object.key for r in rels if r.predicate == "subsidiaryOf" and r.subject.key == pub.key}


def extract(ctx) -> Iterator[Relation]:
    pub = ctx.report.publisher
    if pub is None:
        return
    subs: list[Relation] = []
    for sent in ctx.sentences:
        for child, parent in subsidiaries(ctx, sent):
            if child.key != parent.key:
                subs.append(Relation(child, "subsidiaryOf", parent, sent.evidence()))
    parents = _parents_of_reporter(subs, pub)
    # a scope note never makes the reporter's parent its subsidiary
    subs = [r for r in subs if not (r.object.key == pub.key and r.subject.key in parents)]
    yield from subs
    for sent in ctx.sentences:
        for m in partners(ctx, sent):
            if m.key != pub.key and m.key not in parents:
                yield Relation(pub, "partnerOf", m, sent.evidence())
