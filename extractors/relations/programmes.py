"""runsProgramme: which companies run the programmes a report names.

An ESG report presents the programmes it names as the reporter's own work (開展「X」, we
launched the "X"), so the reporter runs a programme unless its sentence gives it to someone
else: a company whose name starts the programme's name (菜鳥綠色快遞包裝回收計劃), an owner
right before it (集團的「X」, the Group's "X"), or an agent after it (由X主導, initiated by
WWF) when the reporter only takes part. A company that launches the programme together with
the reporter (A與B共同發起, A and B launched, B joined A to launch, cooperation between A and B)
runs it too. Only companies run programmes in the contract: a programme driven by an NGO or
a government body gets no edge.

Reports also say it across sentences: a case titled with a company's programme (案例：菜鳥X計劃)
gives that company the programmes its section describes without naming a runner; a company
printed right before a quoted name as its clause's subject owns it (其中，菜鸟「X计划」); and a
sentence that launches "the campaign" or 该项目 with partners gives them the programme the
sentence before, or the one-line title before the paragraph, named. A possessive after the
name says whose it is (the "X" project of JR Foshan; the "X" campaign of WWF: no edge).
Companies count under the short names the report defines for them (翠嶺物業, JR Foshan) and
through the brands and units they hold (X旗下嶺薈酒店推出「Y」: X runs Y).

The reporter as mere fallback (a case title or table cell naming no runner) gives way to the
company the report says runs the programme elsewhere (案例：「X」 / 翠嶺建築推行「X」).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ..model import Mention, Relation, Sentence
from ..components.base import load_patterns
from ..normalise import fold, match_key

PREDICATE = "runsProgramme"

_P = load_patterns("programmes")["runs"]
_EN_WORD = re.compile(r"[A-Za-z]")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


def _words(words: list[str], stems: bool = False) -> str:
    """An alternation; Latin words get word boundaries (a stem only a leading one)."""
    out = []
    for w in sorted(words, key=len, reverse=True):
        esc = re.escape(w)
        tail = "" if stems else r"\b"
        out.append(r"\b" + esc + tail if _EN_WORD.match(w) else esc)
    return "|".join(out)


# The reporter in its own words (the company recogniser may not mark these).
_SELF = re.compile(_words(_P["self_words"]))
# The reporter itself launches it: 我們開展「X」, 公司聯合公益機構發起的「X」, Alibaba Health launched.
_LAUNCH = re.compile(f"{_words(_P['launch_zh'])}|{_words(_P['launch_en'], stems=True)}")
# Words between a subject and its verb that show the subject belongs to another clause.
_GAP_BREAK = re.compile(r"[与和及、,，]|参与|参加|\band\b")
# Joins two companies into one subject: 阿里健康聯合菜鳥, A and B, A joined by B.
_CO = re.compile(rf"\s*(?:[、,，]|{_words(_P['joiners'])})\s*")
# B, a leading company, joined A (to launch ...): B co-runs with A.
_JOINED = re.compile(r"[^。；;]{0,70}\bjoined\s*$")
# The company before owns it: 集團的培訓活動，例如「X」, the Group's "X".
_OWNER = re.compile(r"\s*(?:的|’s|'s)[^。；;.]{0,14}$")
# A brand or unit a company holds (X旗下的Y): the name up to its verb or a clause mark.
_UNDER = re.compile(rf"\s*旗下(?:的)?\s*(?P<unit>[\u4e00-\u9fffA-Za-z]{{3,10}}?)(?={_words(_P['launch_zh'])}|[，,。；;、（(]|的)")
# A possessive after it: the "X" (campaign) of WWF.
_OF = re.compile(r"[”\"’']?\s*(?:[a-z][\w-]*\s+){0,2}?of\s+(?:the\s+)?")
# A body's own programme: 世界自然基金会的「X」.
_BODY_OWNER = re.compile(r"\s*的\s*[「『“\"]?")
# Someone else drives it: 由X主導, X組織 (after the programme), initiated by X.
_AGENT_ZH = re.compile(rf"(?:由|^\s*[：:]\s*)(?P<who>[^，。；,：:]{{2,40}}?)(?:{_words(_P['agent_zh'])})")
_AGENT_EN = re.compile(rf"(?:{_words(_P['agent_en'])})\s+by\s+")
# The same with the spaces squeezed out, for words the PDF text split (init iated by).
_AGENT_EN_SQUEEZED = re.compile(rf"(?:{'|'.join(map(re.escape, _P['agent_en']))})by(?:the)?")
# Where a clause's subject may start: after punctuation or a linking adverb.
_CLAUSE_START = re.compile(r"(?:^|[，,。；;：:、!！?？\s]|其中|此外|同时|另外|并且)\s*$")
# Time phrases a subject may stand apart from its verb by (于 2022 年 4 月, 自 2019 年起).
_TIME = re.compile(r"\s+|(?:于|在|自|从)?\s*[\d０-９]+\s*(?:年|月|日|号)(?:起|以来|底|初)?")
# The report speaking as "we".
_WE = re.compile(_words(_P["we_words"]), re.I)
# A list item's name and the colon before its gloss (X Fund: ...).
_GLOSS = re.compile(r"[”\"」』]?\s*[:：]\s*")
# A company's defined short name the company recogniser may leave out: X Bank Limited (the “Bank”).
_DEFINED = re.compile(r"\s*[(（]\s*(?P<the>the\s+)?[“\"「]\s*(?P<name>[^”\"」()（）]{2,30}?)\s*[”\"」]\s*[)）]")
# A programme referred back to: 该项目, 此次活动, the project, a health campaign.
_ANAPHOR = re.compile(
    rf"(?:{_words(_P['anaphors_zh'])})"
    rf"|\b(?:a|an|the|this|that)\s+(?:[\w-]+\s+){{0,2}}?(?:{_words(_P['anaphors_en'])})"
)


def extract(ctx) -> Iterable[Relation]:
    """Each programme's runners; the reporter as mere fallback (a title line, a table cell that
    names no runner) is dropped for a programme the report gives another company elsewhere
    (案例：「X」 / 翠嶺建築推行「X」) and never says the reporter runs itself."""
    reporter: Mention | None = ctx.reporter
    if reporter is None:
        return
    found = list(_attributions(ctx, reporter))
    others = {r.object.key for r, said in found if said and r.subject.key != reporter.key}
    own = {r.object.key for r, said in found if said and r.subject.key == reporter.key and _by_name(r, reporter)}
    for rel, said in found:
        if rel.subject.key != reporter.key or rel.object.key not in others - own:
            yield rel


def _by_name(rel: Relation, reporter: Mention) -> bool:
    """Whether the sentence gives the programme to the reporter other than as "we" (我們亦與X
    合辦「Y」): an overview's "we" is the group at large, and gives way to the unit a section
    says runs the programme; its name (瀾庭, 本集團) or a left-out subject (開展「X」) does not."""
    text = fold(rel.evidence.sentence)
    if not _WE.search(text):
        return True
    names = (reporter.text, reporter.label or "", *reporter.aliases, *_P["group_words"])
    return any(len(n) >= 2 and fold(n) in text for n in names)


def _attributions(ctx, reporter: Mention) -> Iterable[tuple[Relation, bool]]:
    """Every (runner -> programme) the sentences give, and whether the sentence says so itself."""
    names = _company_names(ctx, reporter)
    own_keys = {reporter.key, *(match_key(n) for n in (reporter.text, reporter.label or "", *reporter.aliases))}
    owners: dict[str, Mention] = {}  # section heading -> the company whose programme it titles
    antecedents: list[Mention] = []  # the programmes "this project" / "the campaign" may refer to
    titled = False  # whether they come from a title line rather than the sentence before
    block_sents: list[Sentence] = []
    untold: dict[str, list[Mention]] = {}  # heading -> the programmes it names without a runner
    for sent in ctx.sentences:
        if not block_sents or sent.block is not block_sents[-1].block:
            antecedents, titled = _title_programmes(block_sents), True
            block_sents = []
            first = True
        else:
            first = False
        block_sents.append(sent)
        programmes = [m for m in sent.mentions if m.type == "Programme"]
        companies = sorted((m for m in sent.mentions if m.type == "Company"), key=lambda m: m.start)
        # the reporter under a short name (Alibaba Health) is the reporter
        companies = [_as(reporter, c) if c.key in own_keys or match_key(c.text) in own_keys else c
                     for c in companies]
        named = _named_companies(sent, names, reporter)
        companies = sorted([c for c in companies if not any(
            n.start <= c.start and c.end <= n.end and n.end - n.start > c.end - c.start for n in named)] + named,
            key=lambda m: m.start)
        if sent.block.kind == "heading":
            owner = _section_owner(sent, programmes, companies, reporter, names)
            if owner is not None:
                owners[sent.block.text] = owner
        default = None
        if sent.block.kind != "heading":
            default = owners.get(sent.block.heading) or _heading_company(sent.block.heading, names, reporter)
        orgs = [m for m in sent.mentions if m.type == "Organization"]
        for prog in programmes:
            who, said = _decide(sent.folded, prog.start - sent.start, prog.end - sent.start, fold(prog.text),
                                reporter, companies, sent.start, names, default, orgs)
            if not said:
                who, said = _glossed(sent, prog, reporter, companies, names) or (who, said)
            for runner in who:
                yield Relation(runner, PREDICATE, prog, sent.evidence()), said
            if sent.block.kind == "heading" and not said:
                untold.setdefault(sent.block.text, []).append(prog)
        if first and not programmes and sent.block.kind != "heading":
            opener = _opener(sent, companies, reporter)
            for prog in untold.pop(sent.block.heading or "", []) if opener else []:
                yield Relation(opener, PREDICATE, prog, sent.evidence()), True
        if programmes:
            antecedents, titled = programmes, False
        elif antecedents:
            for rel in _anaphora(sent, antecedents, titled, reporter, companies, names):
                yield rel, True


def _opener(sent: Sentence, companies: list[Mention], reporter: Mention) -> Mention | None:
    """The company a paragraph opens with as its subject: under a heading that names a
    programme and no runner (「泓农优品」助农项目), the one whose work the paragraph describes."""
    lead = len(sent.text) - len(sent.text.lstrip())
    c = next((c for c in companies if c.start - sent.start == lead), None)
    if c is None or c.key == reporter.key:
        return None
    # a unit under the reporter's own name (阿里健康公益) speaks for the reporter
    own = [fold(n) for n in (reporter.text, reporter.label or "", *reporter.aliases) if len(n) >= 2]
    return None if fold(c.text).startswith(tuple(own)) else c


def _glossed(sent: Sentence, prog: Mention, reporter: Mention, companies: list[Mention],
             names: dict[str, Mention]) -> tuple[list[Mention], bool] | None:
    """A list item's gloss names its runner where it points back to the item (CareFirst Fund:
    X Life established the fund ...): the launcher of "the fund" runs the programme."""
    gloss = _GLOSS.match(sent.folded, prog.end - sent.start)
    m = _ANAPHOR.search(sent.folded, gloss.end()) if gloss else None
    if m is None:
        return None
    who, said = _decide(sent.folded, m.start(), m.end(), "", reporter, companies, sent.start, names, None)
    return (who, True) if said else None


def _title_programmes(block_sents: list[Sentence]) -> list[Mention]:
    """The programmes a block's first sentence may call "the campaign": those of the block
    right before it when that block is a one-line title (“X” – the "Y" campaign)."""
    if len(block_sents) != 1 or len(block_sents[0].text) > 160 or block_sents[0].text.rstrip()[-1:] in "。.!?！？":
        return []  # a sentence of its own, not a title
    return [m for m in block_sents[0].mentions if m.type == "Programme"]


def _section_owner(sent: Sentence, programmes: list[Mention], companies: list[Mention],
                   reporter: Mention, names: dict[str, Mention]) -> Mention | None:
    """The company a heading presents a programme of (案例：菜鳥綠色快遞包裝回收計劃): the
    programmes its section describes without naming a runner are that company's."""
    for prog in programmes:
        own = [c for c in companies if c.start == prog.start and c.end < prog.end] or _named_in(fold(prog.text), names)
        if own and own[0].key != reporter.key:
            return own[0]
    return None


def _anaphora(sent: Sentence, antecedents: list[Mention], titled: bool, reporter: Mention,
              companies: list[Mention], names: dict[str, Mention]) -> Iterable[Relation]:
    """A sentence that launches "the campaign" / 该项目 without naming it: its launchers run
    the programmes the sentence before named, or the title right before its paragraph (only
    there may "a health campaign" be the titled one)."""
    m = _ANAPHOR.search(sent.folded)
    if not m or (not titled and m.group(0)[:2].lower() in ("a ", "an")):
        return
    who, explicit = _decide(sent.folded, m.start(), m.end(), "", reporter, companies, sent.start, names, None)
    if not explicit:
        return
    for prog in antecedents:
        for runner in who:
            yield Relation(runner, PREDICATE, prog, sent.evidence())


def _named_companies(sent: Sentence, names: dict[str, Mention], reporter: Mention) -> list[Mention]:
    """Other companies printed in the sentence under a name the report gave them elsewhere
    (a defined short name such as JR Foshan or 翠嶺物業) where no mention marks them here."""
    out: list[Mention] = []
    taken = [(m.start - sent.start, m.end - sent.start) for m in sent.mentions]
    text = fold(sent.text)
    if len(text) != len(sent.text):  # NFKC expanded a character: keep offsets true
        text = sent.folded.casefold()
    for name, company in names.items():
        if company.key == reporter.key or len(name) < (3 if _CJK_CHAR.match(name) else 4):
            continue
        for hit in re.finditer(re.escape(name), text):
            s, e = hit.span()
            if _EN_WORD.match(name) and (text[s - 1:s].isalnum() or text[e:e + 1].isalnum()):
                continue
            if any(a < e and s < b and not (s <= a and b <= e and (a, b) != (s, e)) for a, b in taken):
                continue  # (a longer name over a shorter mark stands: Evermount Life over Evermount)
            taken.append((s, e))
            # placed here under the name it is known by (a brand is no name of the company)
            out.append(replace(company, start=sent.start + s, end=sent.start + e))
    return out


def _as(reporter: Mention, m: Mention) -> Mention:
    """``reporter`` placed where ``m`` stands in the text."""
    return replace(reporter, text=m.text, start=m.start, end=m.end)


def _company_names(ctx, reporter: Mention) -> dict[str, Mention]:
    """Every company name the report uses (folded), its defined short names (JR Foshan)
    included, the reporter's own names mapped to it."""
    out = {}
    for m in ctx.mentions:
        if m.type == "Company":
            for name in (m.text, *m.aliases):
                if len(name) >= 2:
                    out.setdefault(fold(name), m)
    for sent in ctx.sentences:
        for m in sent.mentions:
            unit = _UNDER.match(sent.folded, m.end - sent.start) if m.type == "Company" else None
            if unit:  # 翠嶺酒店管理有限公司旗下嶺薈酒店: the hotels act as the company
                out.setdefault(fold(unit.group("unit")), m)
            short = _DEFINED.match(sent.text, m.end - sent.start) if m.type == "Company" and m.key != reporter.key else None
            if short:  # the “Bank”: known by "the Bank" only, so the word alone is no name
                out.setdefault(fold((short.group("the") or "") + short.group("name")), m)
    for name in (reporter.text, reporter.label or "", *reporter.aliases):
        if len(name) >= 2:
            out[fold(name)] = reporter
    return {k: (reporter if m.key == reporter.key else m) for k, m in out.items()}


def runners(sent: Sentence, prog: Mention, reporter: Mention, companies: list[Mention],
            names: dict[str, Mention] | None = None, default: Mention | None = None) -> list[Mention]:
    """The companies that run ``prog`` according to its sentence: the reporter by default, or
    ``default`` (the company whose programme titles the section) where the sentence names none."""
    return _decide(sent.folded, prog.start - sent.start, prog.end - sent.start, fold(prog.text),
                   reporter, companies, sent.start, names or {}, default)[0]


def _decide(text: str, p0: int, p1: int, name: str, reporter: Mention, companies: list[Mention],
            offset: int, names: dict[str, Mention], default: Mention | None,
            orgs: list[Mention] = ()) -> tuple[list[Mention], bool]:
    """The runners of whatever stands at ``[p0, p1)`` of ``text``, and whether the sentence
    says so itself (False when only the default applies)."""
    spans = [(c, c.start - offset, c.end - offset) for c in companies]
    bodies = [(o, o.start - offset, o.end - offset) for o in orgs]
    own = ([c for c, s, e in spans if s == p0 and e < p1] or (_named_in(name, names) if name else [])
           or _adjacent(text, p0, names))
    if own:  # 菜鳥綠色快遞包裝回收計劃, 菜鸟「纸箱回收计划」: the name says whose it is
        return [reporter if own[0].key == reporter.key else own[0]], True
    outside = [(c, s, e) for c, s, e in spans if e <= p0 or s >= p1]
    partners = co_runners(text, reporter, outside)
    subject = _launcher(text, p0, reporter, outside)
    if subject is None:
        owner = _owner(text, p0, reporter, outside)
        if owner is not None:
            return [owner], True
        holder = _holder(text, p0, p1, spans, bodies, names)
        if holder is not False:  # the "X" campaign of WWF, 世界自然基金会的「X」
            return ([reporter if holder.key == reporter.key else holder] if holder else []), True
        agent = _agent(text, p1, outside, reporter)
        if agent is not False:  # 由A與B合辦: both run it
            return ([agent] if agent is not None else []), True
        speaks = any(c.key == reporter.key for c, _, _ in outside) or _SELF.search(text)
        # 公司 inside a unit's own name (Lazada 菲律宾公司) is no word of the reporter's
        own_words = [m for m in _SELF.finditer(text) if not any(s <= m.start() < e for _, s, e in spans)
                     and not (m.group() == "公司" and re.search(r"[\u4e00-\u9fffA-Za-z]\s*$", text[:m.start()])
                              and not text[:m.start()].endswith(("本", "该")))]
        unit = None if any(c.key == reporter.key for c, _, _ in outside) or own_words else (
            _clause_subject(text, p0, outside) or _opening_subject(text, p0, outside))
        if unit is not None:
            return [unit], True
        if default is not None and not speaks:
            return [default], False
        # 開展「X」 with the subject left out: the report's own voice launches it
        launched = bool(_LAUNCH.search(text, max((m.end() for m in re.finditer(r"[。；;]", text[:p0])), default=0), p0))
        return [reporter, *partners], bool(partners) or launched
    if subject.key != reporter.key and all(subject.key != c.key for c in partners):
        # 京東集團統一開展的「X」: someone else launches it; of a joined subject (A與B聯合舉辦)
        # the first is the one whose work it is, the others its partners
        return [_chain_head(text, subject, outside)], True
    return [reporter, *partners], True


def _heading_company(heading: str | None, names: dict[str, Mention], reporter: Mention) -> Mention | None:
    """The business unit a section is titled with (阿里云 / 菜鸟绿色物流): the default runner of
    the programmes its paragraphs name without a runner of their own."""
    head = fold(heading or "").strip()
    hits = [n for n in names if len(n) >= 2 and head.startswith(n)]
    if not hits:
        return None
    who = names[max(hits, key=len)]
    return None if who.key == reporter.key else who


def _clause_subject(text: str, p0: int, spans: list) -> Mention | None:
    """A company that opens the sentence (after a time or place phrase) and is the only one
    before the programme: its subject (Lazada 菲律宾公司支持了 X 项目), the one that runs it."""
    before = [(c, s, e) for c, s, e in spans if e <= p0]
    if len(before) != 1 or re.search(r"[。；;]", text[:p0]):
        return None
    c, s, e = before[0]
    if re.search(r"[，,：:]", text[e:p0]) or re.match(r"\s*(?:平台|网站|App)?\s*[上中内里]", text[e:p0]):
        return None  # another clause, or a place (淘宝天猫平台上……商家): not the subject
    lead = _TIME.sub("", text[:s])
    if re.fullmatch(r"(?:[^，,]{0,8}[，,])?\s*", lead) is None:
        return None  # something else stands before it: not the subject
    return c


def _opening_subject(text: str, p0: int, spans: list) -> Mention | None:
    """An English sentence's subject, the only company before the programme, whose verbs run
    on to launching it (X Securities added … and, with IFEC, organised "Y")."""
    before = [(c, s, e) for c, s, e in spans if e <= p0]
    if len(before) != 1 or re.search(r"[;；。]", text[:p0]):
        return None
    c, s, e = before[0]
    if not re.fullmatch(r"\s*(?:(?:In|On|During|Since|By)\s+[^,]{1,30},\s*)?", text[:s]):
        return None
    return c if re.match(r"\s+[a-z]", text[e:]) and _LAUNCH.search(text, e, p0) else None


def _adjacent(text: str, p0: int, names: dict[str, Mention]) -> list[Mention]:
    """A company the report names elsewhere printed right before the quoted name (菜鸟「X」)."""
    if p0 == 0 or text[p0 - 1] not in "「『“\"":
        return []
    before = fold(text[:p0 - 1].rstrip())
    hits = [n for n in names if before.endswith(n)]
    if not hits:
        return []
    n = max(hits, key=len)
    # only as the clause's subject (其中，菜鸟「X」已在……): 通过淘宝「X」 is a channel, not an owner
    if not _CLAUSE_START.search(before[:len(before) - len(n)]):
        return []
    return [names[n]]


def _named_in(name: str, names: dict[str, Mention]) -> list[Mention]:
    hits = [n for n in names if name.startswith(n) and len(n) < len(name)]
    return [names[max(hits, key=len)]] if hits else []


def _launcher(text: str, p0: int, reporter: Mention, spans: list) -> Mention | None:
    """The company (or the reporter as 我們/the Company) nearest before the last launching
    verb of the programme's clause: who launches it. None when no verb or no subject."""
    clause_start = max((m.end() for m in re.finditer(r"[。；;]", text[:p0])), default=0)
    verbs = list(_LAUNCH.finditer(text, clause_start, p0))
    if not verbs:
        return None
    v = verbs[-1].start()
    subjects = [(e, c) for c, s, e in spans if clause_start <= s and e <= v]
    subjects += [(clause_start + m.end(), reporter) for m in _SELF.finditer(text[clause_start:v])]
    # the subject stands close before its verb, with no other clause between
    # (公司通過參與京東集團全員合規培訓與開展「X」: 京東集團 is the object of 參與)
    near = [(e, c) for e, c in subjects
            if len(_TIME.sub("", text[e:v])) <= 12 and not _GAP_BREAK.search(text[e:v])]
    return max(near, key=lambda x: x[0])[1] if near else None


def _owner(text: str, p0: int, reporter: Mention, spans: list) -> Mention | None:
    """The company right before the programme that owns it: 集團的「X」, the Group's "X";
    a bare 集團 / the Group there means the last group named before it in the sentence."""
    before = [(c, s, e) for c, s, e in spans if e <= p0]
    owner = [c for c, s, e in before if _OWNER.fullmatch(text[e:p0])]
    if owner:
        return owner[-1] if owner[-1].key != reporter.key else None
    m = re.search(r"(?:集团|\bthe Group)(?=\s*(?:的|’s|'s)[^。；;.]{0,14}$)", text[:p0])
    if m:
        groups = [c for c, s, e in before if e <= m.start() and re.search(r"集团$|Group$", text[s:e])]
        # none before: the group the sentence names later (the Group’s “X” …, the Alibaba Group’s Y)
        later = [c for c, s, e in spans if s >= p0 and re.search(r"集团$|Group$", text[s:e])]
        groups = groups or later[:1]
        if groups and groups[-1].key != reporter.key:
            return groups[-1]
    return None


def _holder(text: str, p0: int, p1: int, spans: list, bodies: list, names: dict[str, Mention]):
    """Whose programme it is by a possessive the words around it give: a company or body
    after "of" (the "X" project of JR Foshan, the "X" campaign of WWF) or a body before 的
    (世界自然基金会的「X」). A company Mention, None for a body that is no company (no edge),
    False when there is none."""
    of = _OF.match(text, p1)
    if of:
        at = of.end()
        hit = next((c for c, s, e in spans if s == at), None) or next((o for o, s, e in bodies if s == at), False)
        if hit is False:
            rest = fold(text[at:at + 60])
            n = max((n for n in names if rest.startswith(n) and not rest[len(n):len(n) + 1].isalnum()),
                    key=len, default=None)
            hit = names[n] if n else False
        if hit is not False:
            return hit if hit.type == "Company" else None
    if any(_BODY_OWNER.fullmatch(text[e:p0]) for _, s, e in bodies if e <= p0):
        return None
    return False


def _agent(text: str, p1: int, spans: list, reporter: Mention | None = None):
    """Who drives the programme according to the words after it: a company Mention (the
    reporter for 由本集團…推行), None for someone who is not a company, False when the sentence
    names no agent."""
    tail = text[p1:]
    m = _AGENT_ZH.search(tail) or _AGENT_EN.search(tail)
    if m and m.start() <= (40 if m.re is _AGENT_ZH else 80) and not re.search(r"[。；;]", tail[:m.start()]):
        who = p1 + (m.start("who") if "who" in m.groupdict() else m.end())
        comp = next((c for c, s, e in spans if 0 <= s - who <= 4), None)
        if comp is None and reporter is not None and _SELF.match(text, who):
            return reporter
        if comp is None and not m.group(0).lstrip().startswith(("由", "by")) and "by" not in m.group(0):
            return False  # 小天南星計劃：制定……組織: a gloss, not an agent
        return comp
    # PDF text splits words ("init iated by"): look again with the spaces taken out
    squeezed = re.sub(r"\s+", "", tail[:100])
    m = _AGENT_EN_SQUEEZED.search(squeezed)
    if not m:
        return False
    for c, s, e in spans:
        if s >= p1 and m.end() <= len(re.sub(r"\s+", "", text[p1:s])) <= m.end() + 4:
            return c
    return None


def _chain_head(text: str, subject: Mention, spans: list) -> Mention:
    """The first company of the joined subject ``subject`` ends (A與B / A联合B: A)."""
    order = sorted(spans, key=lambda x: x[1])
    i = next((k for k, (c, _, _) in enumerate(order) if c is subject), None)
    while i and _CO.fullmatch(text[order[i - 1][2]:order[i][1]]):
        i -= 1
    return order[i][0] if i is not None else subject


def co_runners(text: str, reporter: Mention, spans: list) -> list[Mention]:
    """Companies joined to the reporter as one subject (A與B, A and B, B joined A, between A and B)."""
    order = sorted(spans, key=lambda x: x[1])
    out: list[Mention] = []
    for i, (c, s, e) in enumerate(order):
        if c.key != reporter.key:
            continue
        j = i + 1  # forwards along A, B and C
        while j < len(order) and _CO.fullmatch(text[order[j - 1][2]:order[j][1]]):
            out.append(order[j][0])
            j += 1
        j = i - 1  # backwards: B and A, B (a leader in ...) joined A
        while j >= 0 and (_CO.fullmatch(text[order[j][2]:order[j + 1][1]])
                          or (j == i - 1 and _JOINED.fullmatch(text[order[j][2]:s]))):
            out.append(order[j][0])
            j -= 1
    unique = {c.key: c for c in reversed(out) if c.key != reporter.key}
    return list(unique.values())
