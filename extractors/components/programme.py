"""Recogniser for programmes: named ESG initiatives, projects, campaigns and plans.

Programme names are coined by each company (「坐著洗澡」, "Woodpecker"), so no gazetteer can
list them; what marks them is how reports print them. A quoted name is a programme when a
programme head-word ends it (「熊貓守望者關愛計劃」), when the noun after it classifies it
(「俠客行」領導力提升培訓, the "Three Axes" training) or when a launching verb governs it
(發起「X」, launched the "X"), when a naming verb or an ESG classifier stands before it (名為「X」,
儿童失踪信息紧急发布平台「团圆系统」), when its own words are charity words (「公益宝贝」), when a
copula classifies it ("X" is our education programme) or when it opens a list item whose gloss
classifies it or restates its head-word ("X Academy": the Group's academy). A name that ends
like a role (「濕地守護者」) is a scheme named after its participants only when a programme noun
follows the quotes (「X守護者」義工計劃).
Unquoted names are taken only in shapes that leave no doubt about their left edge: a case-study
title (案例：X項目), a list item (X計劃：..., or X：... whose gloss calls it 該項目), a name right
after a launching verb (參與X計劃, 孵化的X項目), a held-up example (以……的X學堂為例), a recurring
edition (舉辦X第二期), a section titled with the name it then defines as an ESG platform, a
Title Case English name ending in a head-word. Laws, policies, awards, roles and reports share
the quote marks and are told apart by their own words (法, 政策, 獎, 官, 報告 ...). Products
are told apart by use: a platform without an ESG purpose (一站式商户平台), a name customers use,
download or version (使用了「X」, 「X」App).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import jieba
import jieba.posseg as pseg
from spacy.language import Language
from spacy.tokens import Doc

from ..normalise import match_key, to_simplified
from .base import SPAN_KEY, add_span, compile_alternation, load_patterns, spans_of

TYPE = "Programme"
#: Rules that see a quoted name launched or classified as a programme: strong enough to take
#: it back from the organisation recogniser ("We established the “X Alliance”").
_LAUNCHED = frozenset({"quote-before", "quote-after", "quote-head", "quote-list", "quote-item",
                       "quote-named", "quote-passive", "quote-titled", "quote-alias", "quote-copula"})
_CJK = r"\u4e00-\u9fff"
_BREAK = re.compile(r"[，,。；;！!？?：:、+＋=＝＞<>/|#＃@\n-]")


@dataclass(frozen=True)
class Candidate:
    """A programme name found at ``[start, end)`` of the block, with the rule that found it."""

    start: int
    end: int
    rule: str
    alias: str = ""


def _alt(words) -> str:
    return compile_alternation(words).pattern


class ZhRules:
    """The Chinese (and Chinese-script) shapes of a programme name, on Simplified text."""

    QUOTE = re.compile(r"([「『“《])\s*((?:[^「」『』“”《》\n]|「[^「」\n]*」)+?)\s*([」』”》])")
    PAIRS = {"「": "」", "『": "』", "“": "”", "《": "》"}
    ORDINAL = r"第[一二三四五六七八九十百\d]+"

    def __init__(self, p: dict) -> None:
        self.heads = tuple(sorted(p["head_words"], key=len, reverse=True))
        self.bare_heads = tuple(sorted(p["bare_head_words"], key=len, reverse=True))
        self.generic = frozenset(p["generic_words"])
        self.stops = frozenset(p["left_stops"])
        self.reject_contains = tuple(p["reject_contains"])
        self.reject_endings = tuple(p["reject_endings"])
        self.role_endings = tuple(p["role_endings"])
        self.role_noun = re.compile(
            rf"\s*(?:的)?\s*[{_CJK}A-Za-z]{{0,8}}?(?:{_alt(p['role_programme_nouns'])})"
        )
        self.defined = frozenset(p["defined_terms"])
        self.official = tuple(p["official_markers"])
        self.followers = frozenset(p["name_followers"])
        verbs, fillers = _alt(p["launch_verbs"]), _alt(p["launch_fillers"])
        self.after = re.compile(
            rf"\s*(?:等|的)?\s*(?P<mod>[{_CJK}A-Za-z]{{0,8}}?)(?P<noun>{_alt(p['type_nouns'])})"
        )
        self.before = re.compile(
            rf"(?:{verbs})(?:了|的)?\s*(?:{fillers}|\d+\s*[场次期个项届])*\s*$"
        )
        bare = _alt(self.bare_heads)
        name = rf"[{_CJK}A-Za-z0-9]{{2,16}}?(?:{bare})"
        self.case = re.compile(rf"^\s*(?:{_alt(p['case_markers'])})\s*[:：]?\s*(?P<name>{name})\s*$")
        self.item = re.compile(rf"^\s*(?P<name>[{_CJK}A-Za-z0-9]{{2,10}}?(?:{bare}))\s*[:：]")
        self.after_verb = re.compile(rf"(?:{verbs})(?:了|的)?(?P<name>{name})")
        self.episode = re.compile(
            rf"(?:{verbs})(?:了)?(?P<name>[{_CJK}]{{2,8}}?){self.ORDINAL}[{''.join(p['episode_units'])}]"
        )
        self.heading = re.compile(rf"^\s*(?P<name>[{_CJK}A-Za-z0-9]{{4,22}}(?:{bare}))\s*$")
        self.product = re.compile(rf"\s*(?:{_alt(p['product_nouns'])})")
        self.vehicle = re.compile(rf"\s*(?:{_alt(p['vehicle_nouns'])})")
        self.mod_break = re.compile(r"[为是在和与及并将从对由以把被让使已于]")
        self.purpose = compile_alternation(p["purpose_words"])
        self.platforms = tuple(p["platform_nouns"])
        self.cause = compile_alternation(p["cause_words"])
        self.naming = re.compile(rf"(?:{_alt(p['naming_verbs'])})\s*$")
        self.appos_nouns = tuple(p["apposition_nouns"])
        self.appos = re.compile(
            rf"(?P<desc>[{_CJK}A-Za-z0-9]{{0,14}})(?P<noun>{_alt(self.appos_nouns)})\s*$"
        )
        self.used_before = re.compile(rf"(?:{_alt(p['product_before'])})\s*(?:了|的|上|中|内)?\s*$")
        self.used_after = re.compile(rf"\s*(?:{_alt(p['product_after'])})")
        self.example = re.compile(
            rf"以(?:[^，,。；;]{{0,20}}的)?(?P<name>[{_CJK}A-Za-z0-9]{{2,16}}?(?:{bare}))为例"
        )
        self.self_ref = compile_alternation(p["anaphors"])
        self.descriptive = frozenset(p["descriptive_words"])
        self.award_words = tuple(p["award_words"])
        self.award_run = compile_alternation(p["award_run_verbs"])
        self.award_got = compile_alternation(p["award_receive_verbs"])
        self.edge_head = re.compile(_alt(p["edge_heads"]))
        self.coined_heads = frozenset(p["coined_heads"])
        self.rare = p["rare_word_frequency"]
        self.left_not = frozenset(p["edge_left_not"])
        self.edge_tags = frozenset(p["edge_name_tags"])
        self.proper_tags = frozenset(p["edge_proper_tags"])
        self.left_tags = frozenset(p["edge_left_tags"])
        self.latin_purpose = re.compile(rf"\b(?:{_alt(p['latin_purpose_words'])})\b", re.I)
        latin = r"[A-Za-z][A-Za-z0-9&’'+.-]*(?:[ ]+[A-Za-z0-9&’'+.-]+){0,5}"
        self.latin_head = re.compile(rf"(?<![A-Za-z0-9])(?P<name>{latin})[ ]*(?P<head>{_alt(p['edge_heads'])})")
        self.latin_launched = re.compile(rf"(?:{verbs})(?:了)?[ ]*(?P<name>{latin})")
        self.defining = re.compile(r"\s*(?:是|为)")
        self.alias = re.compile(
            rf"\s*[（(]\s*(?P<mark>(?:以下)?简称|下称|英文名?)?\s*[:：]?\s*(?:(?P<q>[「“\"])?"
            rf"(?P<alias>[A-Za-z][A-Za-z0-9 .&+’'-]{{1,50}}|[{_CJK}A-Za-z0-9]{{2,12}}))[」”\"]?\s*[）)]"
        )

    # -- name tests -------------------------------------------------------------------
    def is_name(self, name: str, roles: bool = False) -> bool:
        """A plausible name at all: short, no clause punctuation, not a law/award/defined term,
        nor a role or title (「安全大使」) unless ``roles`` lets one through."""
        flat = re.sub(r"\s+", "", name)
        if not roles and flat.endswith(self.role_endings):
            return False
        if not 2 <= len(flat) <= 30 or _BREAK.search(flat) or flat in self.defined:
            return False
        if len(re.findall(rf"[{_CJK}]", flat)) < 2 and not re.search(r"[A-Za-z]{2}", flat):
            return False
        if any(w in flat for w in self.reject_contains):
            return False
        return not flat.endswith(self.reject_endings)

    def head_of(self, name: str, heads: tuple[str, ...]) -> str | None:
        """The head-word ending ``name``; a platform (平台) only with an ESG purpose in the name:
        儿童重疾救助平台 is an initiative, 数字平台 a product."""
        head = next((h for h in heads if name.endswith(h)), None)
        if head in self.platforms and not self.purpose.search(name):
            return None
        return head

    def is_generic(self, stem: str) -> bool:
        """True when the words only describe (员工培训 before 计划): no word of a name."""
        tokens = [t for t in _words(stem) if not re.fullmatch(r"[\d\s年月日.]+", t)]
        return all(t in self.generic or t in self.stops for t in tokens)

    def specific(self, name: str, heads: tuple[str, ...]) -> bool:
        """Ends in a head-word and has a specific part before it (循環箱回收 + 計劃)."""
        head = self.head_of(name, heads)
        if not head or not self.is_name(name):
            return False
        return not self.is_generic(name[: -len(head)])

    def ends_name(self, text: str, end: int) -> bool:
        """An unquoted name ends here only if the next character cannot continue the word."""
        nxt = text[end:end + 1]
        return not re.match(rf"[{_CJK}]", nxt) or nxt in self.followers

    def paired(self, name: str) -> bool:
        """Two topics joined by 和/與/及 (「員工滿意度和員工士氣」) name a subject, not a programme."""
        return any(t in ("和", "与", "及", "以及") for t in _words(name))

    def clean_left(self, name: str) -> bool:
        """No verb, particle or conjunction inside an unquoted name (its left edge is sure)."""
        return not any(t in self.stops for t in _words(name))

    def used_as_product(self, text: str, name: str) -> bool:
        """Somewhere in the block the name is used, downloaded or versioned like a product
        (使用了「生意参谋」, 「X」App, 「X」2.0 版本): customers use products, not programmes."""
        for occ in re.finditer(re.escape(name), text):
            s, e = occ.span()
            s -= 1 if text[s - 1:s] in self.PAIRS else 0
            e += 1 if text[e:e + 1] in self.PAIRS.values() else 0
            if self.used_before.search(text[max(0, s - 8):s]) or self.used_after.match(text, e):
                return True
        return False

    def platform_ok(self, noun: str, words: str) -> bool:
        """A classifier such as 平台/系统 makes a programme only beside an ESG purpose word
        (「人人3小时」公益平台, 「X」平台项目); 「千牛」一站式商户平台 is a business tool."""
        if noun not in self.platforms:
            return True
        tail = words[-2:]
        return bool(self.purpose.search(words)) or (tail in self.appos_nouns and tail not in self.platforms)

    # -- finders ----------------------------------------------------------------------
    def find(self, text: str, bounds: set[int], others: list[tuple[int, int]],
             heading: str = "") -> list[Candidate]:
        out = self.quoted(text)
        taken = [(c.start, c.end) for c in out]
        for cand in self.unquoted(text, bounds, others, heading):
            if not any(s < cand.end and cand.start < e for s, e in taken):
                out.append(cand)
                taken.append((cand.start, cand.end))
        return out

    def quoted(self, text: str) -> list[Candidate]:
        quotes = [m for m in self.QUOTE.finditer(text) if self.PAIRS[m.group(1)] == m.group(3)]
        verdict: list[str | None] = []
        for m in quotes:
            name, opener = m.group(2), m.group(1)
            if self.run_award(text, m):
                verdict.append("award")
            elif not self.is_name(name):
                # 「翠嶺‧濕地守護者」企業義工計劃: a scheme named after its participants
                role = (opener != "《" and self.is_name(name, roles=True) and not self.is_generic(name)
                        and self.role_noun.match(text, m.end()))
                verdict.append("after" if role else None)
            elif opener == "《":
                official = any(w in name for w in self.official)
                verdict.append("head" if self.specific(name, self.heads) and not official else None)
            else:
                verdict.append(self.judge(text, m))
        # 「三板斧」「俠客行」等培訓活動: a classifier or verb for the list covers every item.
        for i in range(len(quotes)):
            j = i
            while j + 1 < len(quotes) and re.fullmatch(
                r"\s*[、，,和与及或]?\s*", text[quotes[j].end():quotes[j + 1].start()]
            ):
                j += 1
            chain = range(i, j + 1)
            if j > i and any(verdict[k] in ("after", "before") for k in chain):
                for k in chain:
                    if verdict[k] is None and self.is_name(quotes[k].group(2)) and quotes[k].group(1) != "《":
                        verdict[k] = "list"
        return [
            Candidate(m.start(2), m.end(2), f"quote-{v}")
            for m, v in zip(quotes, verdict)
            if v
        ]

    def run_award(self, text: str, m: re.Match) -> bool:
        """A quoted award the company sets up (设立「X奖学金」), not one it receives: a running
        verb in the clause before and no verb of receiving anywhere in the clause."""
        name = m.group(2)
        if not name.endswith(self.award_words) or m.group(1) == "《" or not 3 <= len(name) <= 20:
            return False
        if any(w in name for w in self.reject_contains if w != "奖"):
            return False
        before = self.clause_before(text, m.start())
        after = re.split(r"[，,。；;]", text[m.end():m.end() + 30])[0]
        clause = before + text[m.start():m.end()] + after
        # 設立「X獎學金」, or 「X獎學金」由本集團與Y合辦: who sets it up, before it or after 由
        run = self.award_run.search(before) or re.search(rf"由.*(?:{self.award_run.pattern})", after)
        return bool(run) and not self.award_got.search(clause)

    def judge(self, text: str, m: re.Match) -> str | None:
        """Why a quoted name is a programme, or None."""
        name = m.group(2)
        head = self.head_of(name, self.heads)
        specific = bool(head) and not self.is_generic(name[: -len(head)])
        if not specific and (self.paired(name) or self.is_generic(name)):
            return None  # 「A和B」, 「合規」培訓: a topic, a subject
        if not specific and not self.purpose.search(name):
            if self.product.match(text, m.end()) or self.used_as_product(text, name):
                return None  # 「找相似」功能, 使用了「生意参谋」: a feature, a product
        elif not specific and self.vehicle.match(text, m.end()):
            return "after"  # 「患者援助」小程序: an app named for its cause
        after = self.after.match(text, m.end())
        if after and not self.mod_break.search(after.group("mod")):
            # the clause before counts: 志愿者借助“X”系统寻找… is a system for a cause
            words = self.clause_before(text, m.start()) + name + after.group("mod") + text[after.end():after.end() + 2]
            if self.platform_ok(after.group("noun"), words):
                return "after"
            if not specific:
                return None  # 「千牛」一站式商户平台: a business platform
        window = text[max(0, m.start() - 20):m.start()]
        if self.before.search(window[-16:]):
            return "before"
        if text[max(0, m.start() - 1):m.start()] == "以" and text[m.end():m.end() + 3] == "为主题":
            return "before"
        if self.naming.search(window):
            return "named"  # 名为「X」
        appos = self.appos.search(window)
        if appos and self.purpose.search(self.clause_before(text, m.start())):
            return "apposition"  # 儿童失踪信息紧急发布平台「团圆系统」, 公益平台上的「X」
        if specific:
            return "head"
        if self.cause.search(name) and not self.is_generic(name):
            return "cause"  # 「公益宝贝」: a charity mechanism by its own word
        if self.latin_cause(name) and not self.product.match(text, m.end()) and not self.used_as_product(text, name):
            return "latin"  # “Tech for Good”, “GreenEarth”: a coined English name for a cause
        if not text[:m.start()].strip() and re.match(r"\s*[:：]", text[m.end():]):
            gloss = re.split(r"[。；;]", text[m.end():])[0][:40]
            if re.search(r"培训|课程|项目|活动|计划|行动|培养", gloss):
                return "item"
        return None

    def unquoted(self, text: str, bounds: set[int], others: list[tuple[int, int]],
                 heading: str = "") -> list[Candidate]:
        out = []
        for rule, pattern in (("case", self.case), ("item", self.item), ("heading", self.heading)):
            m = pattern.match(text)
            if not m or not self.specific(m.group("name"), self.bare_heads):
                continue
            if rule != "heading" or self.bare_ok(text, m.start("name"), m.end("name"), others):
                out.append(Candidate(m.start("name"), m.end("name"), rule))
        for m in self.after_verb.finditer(text):
            s, e = m.span("name")
            if s in bounds and self.ends_name(text, e) and self.bare_ok(text, s, e, others):
                out.append(Candidate(s, e, "verb"))
        for m in self.episode.finditer(text):
            s, e, name = m.start("name"), m.end("name"), m.group("name")
            if s in bounds and self.clean_left(name) and self.is_name(name) and not self.is_generic(name):
                out.append(Candidate(s, e, "episode"))
        for m in self.example.finditer(text):
            s, e = m.span("name")
            if s in bounds and self.example_ok(text, m):
                out.append(Candidate(s, e, "example"))
        out += self.plain_item(text)
        out += self.defined_by_heading(text, heading, others)
        out += self.latin_names(text)
        out += self.edge_names(text)
        return out

    def latin_like(self, name: str) -> bool:
        """A coined Latin-script name (iHelp, Tech for Good, Green Planet): lower-case letters
        (no bare acronym such as ESG), and CamelCase, two Title Case words or a cause word."""
        words = name.split()
        if not re.search(r"[a-z]", name) or len(words) > 6:
            return False
        camel = any(re.search(r"[a-z][A-Z]", w) for w in words)
        titled = sum(w[:1].isupper() for w in words) >= 2
        return camel or titled or bool(self.latin_purpose.search(name))

    def latin_cause(self, name: str) -> bool:
        """A Latin-script name (CamelCase split into words) that carries a cause word."""
        if re.search(rf"[{_CJK}]", name) or not self.latin_like(name):
            return False
        return bool(self.latin_purpose.search(re.sub(r"([a-z])([A-Z])", r"\1 \2", name)))

    def clause_before(self, text: str, pos: int) -> str:
        """The words of the clause up to ``pos`` (back to the last clause punctuation)."""
        return re.split(r"[，,。；;：:！!？?\n]", text[max(0, pos - 30):pos])[-1]

    def latin_names(self, text: str) -> list[Candidate]:
        """Latin-script names in a Chinese report: one right before a head-word (Green Planet
        计划, kept with its head and the Latin part as alias), or one a launching verb governs
        that carries a cause word (发起Tech for Good)."""
        out = []
        for m in self.latin_head.finditer(text):
            name = m.group("name").strip()
            if self.latin_like(name) and self.ends_name(text, m.end()):
                out.append(Candidate(m.start("name"), m.end(), "latin-head", name))
        for m in self.latin_launched.finditer(text):
            name = m.group("name").rstrip(" .-")
            if self.latin_cause(name):
                s = m.start("name")
                out.append(Candidate(s, s + len(name), "latin-verb"))
        return out

    def edge_names(self, text: str) -> list[Candidate]:
        """Unquoted names whose left edge only a verb or particle marks (参与绿网计划): the
        maximal run of noun-like words (by jieba.posseg) before the head-word, taken only when
        a verb, particle or preposition stands before it and the run is specific."""
        out = []
        for m in self.edge_head.finditer(text):
            if not self.ends_name(text, m.end()):
                continue
            left = re.split(r"[，,。；;：:、\n「」『』“”《》（）()]", text[max(0, m.start() - 24):m.start()])[-1]
            if not left.strip() or left != left.rstrip():
                continue
            run = self.edge_run(tuple(pseg.cut(left)))
            if run is None:
                continue
            stem = left[len(left) - len(run[0]):] if run[0] else ""
            name = stem + m.group()
            if stem and self.edge_specific(stem, run[1], m.group()) and self.is_name(name):
                out.append(Candidate(m.start() - len(stem), m.end(), "edge"))
        return out

    def edge_run(self, toks: tuple) -> tuple[str, tuple] | None:
        """The run of name-like tokens ending the clause, or None when no verb, particle or
        preposition marks where it starts (the clause start is no sure edge)."""
        i = len(toks) - 1
        while i >= 0 and (toks[i].flag in self.edge_tags or (
                not toks[i].word.strip() and i > 0 and toks[i - 1].flag == "eng")):
            i -= 1
        run = [t for t in toks[i + 1:]]
        while run and (run[0].flag == "m" or not run[0].word.strip() or run[0].word in self.stops):
            run.pop(0)  # a year or count before the name (2024 年, 多个) is no part of it
        if i < 0 or toks[i].flag not in self.left_tags or toks[i].word in self.left_not or not run:
            return None
        return "".join(t.word for t in run), tuple((t.word, t.flag) for t in run)

    def describes(self, word: str) -> bool:
        """A generic or descriptive word, or a compound of them (数据安全, 系统升级)."""
        bad = self.generic | self.descriptive
        if word in bad:
            return True
        parts = [w for w in jieba.cut_for_search(word) if w != word]
        return bool(parts) and all(w in bad for w in parts)

    def edge_specific(self, stem: str, tokens: tuple, head: str) -> bool:
        """A proper noun (place, name, Latin word) or two words that neither describe (试点,
        合作) nor only state a purpose (助学, 低碳): 西藏那曲虫草, not 优质公益 or 抗疫. A plan or
        campaign (not a 项目) may be named by one coined word: a word rare in jieba's general
        dictionary (绿网, 繁星), where common words (合作, 检测, 福利) only describe."""
        if self.describes(tokens[-1][0]) or tokens[-1][1] == "b" or any(w in stem for w in self.official):
            return False  # the word next to the head classifies (试点项目, 公益项目, 大型项目)
        content = [(w, f) for w, f in tokens if not self.describes(w) and w not in self.stops
                   and not re.fullmatch(r"[\d.]+", w) and (f != "eng" or self.latin_like(w))]
        if any(f in self.proper_tags and (f != "eng" or self.latin_like(w)) for w, f in content):
            return True
        named = [w for w, _ in content if not self.purpose.fullmatch(w)]
        if len(named) >= 2:
            return True
        return (len(content) == 1 == len(named) and head in self.coined_heads and len(named[0]) >= 2
                and jieba.dt.FREQ.get(named[0], 0) < self.rare)

    def example_ok(self, text: str, m: re.Match) -> bool:
        """以X为例 holds up a named instance: after a 的-clause one specific word is enough
        (以聚焦技术能力的奇点学堂为例), without one the name must stand on its own."""
        s, e = m.span("name")
        if text[s - 1:s] != "的":
            return self.bare_ok(text, s, e, [])
        name = m.group("name")
        return self.clean_left(name) and self.specific(name, self.bare_heads)

    def plain_item(self, text: str) -> list[Candidate]:
        """An unquoted list item without a head-word (健康知识河图：...) is a programme when its
        gloss calls it 该项目. A heading of programmes above the list is not enough: items of
        such lists are as often topics (环境方面：, 心理咨询：)."""
        m = re.match(rf"^\s*(?P<name>[{_CJK}A-Za-z0-9]{{3,10}})\s*[:：]", text)
        if not m or self.head_of(m.group("name"), self.bare_heads):
            return []
        name = m.group("name")
        if not self.is_name(name) or not self.clean_left(name) or self.is_generic(name) or len(_words(name)) < 2:
            return []
        if self.self_ref.search(text, m.end()):
            return [Candidate(m.start("name"), m.end("name"), "item-plain")]
        return []

    def defined_by_heading(self, text: str, heading: str, others: list[tuple[int, int]]) -> list[Candidate]:
        """A section titled with a bare name whose first sentence defines it as an ESG platform
        or project (蔚蓝地图 / 蔚蓝地图是中国首个环境地图，……环境信息数据库平台): every mention of
        the name in the paragraph is the programme."""
        name = heading.strip()
        if not name or not text.startswith(name) or not self.defining.match(text, len(name)):
            return []
        if not 2 <= len(name) <= 12 or not self.is_name(name) or self.is_generic(name):
            return []
        if any(a <= 0 and len(name) <= b for a, b in others):
            return []  # a company or organisation described in its own section
        first = re.split(r"[。；;]", text, maxsplit=1)[0]
        classes = [n for n in self.appos_nouns if n in first[len(name):]]
        if not classes or not any(self.platform_ok(n, first) for n in classes):
            return []
        return [Candidate(o.start(), o.end(), "defined") for o in re.finditer(re.escape(name), text)]

    def bare_ok(self, text: str, s: int, e: int, others: list[tuple[int, int]]) -> bool:
        """An unquoted name in running text or a heading: specific beyond a company prefix
        (京東健康員工培訓計劃 describes, 循環箱回收計劃 names), and no descriptive training."""
        name = text[s:e]
        head = self.head_of(name, self.bare_heads)
        if not head or not self.is_name(name) or not self.clean_left(name):
            return False
        prefix = max((b for a, b in others if a == s and b < e), default=s)
        stem = text[prefix:e - len(head)]
        if stem.endswith("培训") or re.match(r"[\d一二两三四五六七八九十几多]", stem):
            return False
        return sum(t not in self.generic for t in _words(stem)) >= 2


class EnRules:
    """English shapes: quoted names with their context, and Title Case names with a head-word."""

    QUOTE = re.compile(r"([“\"])\s*((?:[^“”\"\n]){2,90}?)\s*([”\"])")

    def __init__(self, p: dict) -> None:
        self.heads = tuple(p["head_words"])
        self.small = frozenset(p["small_words"])
        self.generic = frozenset(p["generic_words"])
        self.defined = frozenset(p["defined_terms"])
        self.reject = re.compile(rf"\b(?:{_alt(p['reject_words'])})\b")
        nouns = _alt(p["type_nouns"])
        self.product = re.compile(rf"\s*(?:{_alt(p['product_nouns'])})\b")
        # the noun may be capitalised as part of the title ("X" Programme)
        self.after = re.compile(rf"[\s.,]*(?:[a-z][\w-]*\s+){{0,2}}(?i:{nouns})\b")
        self.before = re.compile(
            rf"\b(?:{_alt(p['launch_verbs'])})\s+(?:(?:the|a|an|its|our|their)\s+)?"
            rf"(?:[\w’'-]+\s+){{0,4}}$"
        )
        self.passive = re.compile(
            rf"\s*(?:\([^)]*\)\s*)?(?:was|were|has been|have been)\s+(?:officially\s+|jointly\s+)?"
            rf"(?:{_alt(p['passive_verbs'])})\b"
        )
        # "X" is our water science education programme: the copula classifies it
        self.copula = re.compile(
            rf"\s*(?:is|was|has\s+been|remains)\s+(?:(?:a|an|the|our|its|their)\s+|the\s+(?:Group|Company)[’']s\s+)"
            rf"(?:[\w’'-]+\s+){{0,4}}?(?:{nouns})\b"
        )
        # - "X": the Group's internal vocational academy ...: a list item and its gloss
        self.bullet = re.compile(r"\s*(?:[-–•·*▪●○]\s*)?")
        self.gloss = re.compile(r"\s*[:：–—]\s*(?P<gloss>(?:[^\s.;:]+\s+){0,9}[^\s.;:]+)")
        self.nouns = re.compile(rf"\b(?:{nouns})\b", re.I)
        self.titled = re.compile(
            rf"\b(?:{_alt(self.heads)})\b[\w\s’'-]{{0,40}}[–—:-]\s*$"
        )
        self.alias = re.compile(r"\s*\(\s*[“\"]([^”\"]{2,60})[”\"]\s*\)")
        word = r"[A-Z][A-Za-z0-9’'&-]*"
        self.bare = re.compile(
            rf"\b((?:{word}\s+(?:(?:of|for|and|on|to)\s+)?(?:the\s+)?){{1,6}}(?:{_alt(p['bare_head_words'])}))\b"
            rf"(?:\s+(?:for|on|of)\s+{word}(?:\s+{word}){{0,3}})?"
        )
        # Any head-word (Scheme, Scholarship, Fund) carries an unquoted name right after a verb
        # that launches it (launched the X Scheme); alone, "the Mandatory Provident Fund
        # Scheme" is a scheme the company pays into, not one it runs.
        self.headed = re.compile(rf"\b((?:{word}\s+(?:(?:of|for|and|on|to)\s+)?){{1,6}}(?:{_alt(self.heads)}))\b")
        self.launched = re.compile(
            rf"\b(?:{_alt(p['passive_verbs'])})\s+(?:(?:the|a|an|its|our|their)\s+)?$")
        # A list item opening its block: "X Y Z: a 24-month programme ..." / "... This campaign"
        self.item = re.compile(rf"\s*(?:[-–•·*▪●○]\s*)?(?P<name>{word}(?:\s+(?:{word}|of|for|and|on|to|the)){{1,7}})\s*:\s")
        self.pointer = re.compile(rf"\b(?:the|this|these)\s+(?:[\w-]+\s+)?(?:{nouns})\b", re.I)
        self.lead = re.compile(rf"(?:(?:{_alt(p['lead_words'])})\s+)+")
        # An event named and then credited to its organiser: Earth Hour 2024, organised by WWF
        self.credited = re.compile(
            rf"(?P<name>{word}(?:\s+(?:{word}|of|for|and|the)){{1,5}}(?:\s+(?:19|20)\d\d)?)"
            rf",\s*(?:{_alt(p['credit_verbs'])})\s+by\b")

    def is_name(self, name: str) -> bool:
        words = re.sub(r"[’']s\b", "", name).replace("‘", " ").replace("’", " ").split()
        if not words or len(words) > 12 or name in self.defined or self.reject.search(name):
            return False
        if not name[0].isupper() and not name[0].isdigit():
            return False
        if all(w.lower() in self.generic or w.lower() in self.small for w in words):
            return False  # "Anti-corruption" training: a subject, not a name
        return all(w[0].isupper() or w[0].isdigit() or w.lower() in self.small for w in words)

    def find(self, text: str, bounds: set[int], others: list[tuple[int, int]],
             heading: str = "") -> list[Candidate]:
        out: list[Candidate] = []
        for m in self.QUOTE.finditer(text):
            name = m.group(2).rstrip(".,;:!? ")
            s, e = m.start(2), m.start(2) + len(name)
            if not self.is_name(name):
                continue
            rule = self.judge(text, m, name)
            if rule:
                out.append(Candidate(s, e, rule))
                alias = self.alias.match(text, m.end())
                if alias and self.is_name(alias.group(1)):
                    a = text.index(alias.group(1), alias.start())
                    out.append(Candidate(a, a + len(alias.group(1)), "quote-alias"))
        for m in self.bare.finditer(text):
            s, e = m.span()
            lead = self.lead.match(text, s, e)
            s = lead.end() if lead else s
            name = text[s:e]
            if len(name.split()) < 2 or not self.is_name(name) or text[:s].rstrip().endswith(")"):
                continue
            if not any(a <= s < b or a < e <= b for a, b, *_ in ((c.start, c.end) for c in out)):
                out.append(Candidate(s, e, "title"))
        credited = [Candidate(m.start("name") + len(lead.group()) if (lead := self.lead.match(m.group("name"))) else m.start("name"),
                              m.end("name"), "title-credited") for m in self.credited.finditer(text)]
        credited = [c for c in credited if len(text[c.start:c.end].split()) >= 2 and self.is_name(text[c.start:c.end])]
        for cand in [*self.launched_names(text), *self.item_name(text), *credited]:
            if not any(c.start < cand.end and cand.start < c.end for c in out):
                out.append(cand)
        return out

    def launched_names(self, text: str) -> list[Candidate]:
        """Title Case names ending in any head-word right after a launching verb
        (the Macau Branch launched the X Scheme)."""
        out = []
        for m in self.headed.finditer(text):
            s, e = m.span()
            lead = self.lead.match(text, s, e)
            s = lead.end() if lead else s
            if self.launched.search(text, max(0, s - 40), s) and len(text[s:e].split()) >= 2 and self.is_name(text[s:e]):
                out.append(Candidate(s, e, "title-launched"))
        return out

    def item_name(self, text: str) -> list[Candidate]:
        """A block opening with a Title Case name and a colon whose gloss classifies it or
        points back to it (X: a nine-month programme ...; X: ... This campaign supports ...):
        a list of the report's programmes, one a paragraph."""
        m = self.item.match(text)
        if not m:
            return []
        name = m.group("name")
        first = re.split(r"(?<=[.;])\s", text[m.end():], maxsplit=1)[0]
        if not self.is_name(name) or not (self.nouns.search(" ".join(first.split()[:6])) or self.pointer.search(text, m.end())):
            return []
        return [Candidate(m.start("name"), m.end("name"), "item-title")]

    def judge(self, text: str, m: re.Match, name: str) -> str | None:
        last = name.split()[-1]
        if last in self.heads:
            return "quote-head"
        if self.product.match(text, m.end()):
            return None
        if self.after.match(text, m.end()):
            return "quote-after"
        if self.passive.match(text, m.end()):
            return "quote-passive"
        if self.copula.match(text, m.end()):
            return "quote-copula"
        window = text[max(0, m.start() - 60):m.start()]
        if self.before.search(window):
            return "quote-before"
        if self.titled.search(window):
            return "quote-titled"
        if self.bullet.fullmatch(text, 0, m.start()):
            gloss = self.gloss.match(text, m.end())
            # the gloss classifies it, or restates its own head-word (Academy: ... academy)
            if gloss and (self.nouns.search(gloss.group("gloss")) or re.search(
                    rf"\b{re.escape(last.lower())}\b", gloss.group("gloss").lower())):
                return "quote-item"
        return None


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in jieba.lcut(text) if w.strip())


@lru_cache(maxsize=2)
def _rules(lang: str):
    patterns = load_patterns("programmes")
    return EnRules(patterns["en"]) if lang == "en" else ZhRules(patterns["zh"])


class ProgrammeRecogniser:
    """spaCy component: adds Programme spans (name without its quote marks) to the doc."""

    def __init__(self, lang: str) -> None:
        self.rules = _rules("en" if lang == "en" else "zh")
        self.org_endings = tuple(load_patterns("programmes")["org_endings"])

    def __call__(self, doc: Doc) -> Doc:
        original = doc.user_data.get("original", doc.text)
        heading = to_simplified(doc.user_data.get("heading") or "")
        others = [(_chars(s), s) for s in spans_of(doc) if s.label_ != TYPE]
        bounds = {t.idx for t in doc} | {t.idx + len(t) for t in doc}
        done: set[tuple[int, int]] = set()
        for cand in self.rules.find(doc.text, bounds, [c for c, _ in others], heading):
            if (cand.start, cand.end) in done:
                continue
            done.add((cand.start, cand.end))
            label = re.sub(r"\s+", " ", original[cand.start:cand.end]).strip()
            claimed = [sp for (s, e), sp in others if s <= cand.start and cand.end <= e]
            if claimed and not self.reclaims(cand, claimed, label):
                continue  # 「阿里健康」: another recogniser's name, quoted as a defined term
            key = match_key(label)
            if key:
                attrs = {"rule": cand.rule}
                alias = cand.alias or self.alias_after(doc.text, original, cand.end)
                if alias and match_key(alias) != key:
                    attrs["aliases"] = (alias,)
                add_span(doc, cand.start, cand.end, TYPE, key, label, attrs)
        return doc

    def alias_after(self, text: str, original: str, end: int) -> str | None:
        """The other name printed in brackets right after a programme name: an English name
        or acronym (科学碳目标倡议（SBTi）), or a short name the report defines (简称「X」)."""
        rules = self.rules
        if not isinstance(rules, ZhRules):
            return None
        pos = end + (1 if text[end:end + 1] in rules.PAIRS.values() else 0)
        m = rules.alias.match(text, pos)
        if not m:
            return None
        alias = original[m.start("alias"):m.end("alias")].strip()
        latin = re.match(r"[A-Za-z]", alias)
        if not latin and (not (m.group("mark") or m.group("q")) or alias.startswith(("本", "该", "該", "此"))):
            return None  # （北京）, （以下简称「本计划」）: a place, a gloss, a pointer
        if latin and not re.search(r"[A-Za-z]{2}", alias):
            return None
        return alias

    def reclaims(self, cand: Candidate, claimed: list, label: str) -> bool:
        """A quoted name launched as a programme (We established the "X Alliance") is the
        programme, not an organisation, unless its own last word names a body (基金會)."""
        if cand.rule not in _LAUNCHED or label.endswith(self.org_endings):
            return False
        if any(sp.label_ != "Organization" or _chars(sp) != (cand.start, cand.end) for sp in claimed):
            return False
        doc = claimed[0].doc
        drop = {(_chars(sp), sp.label_) for sp in claimed}
        doc.spans[SPAN_KEY] = [sp for sp in doc.spans[SPAN_KEY] if (_chars(sp), sp.label_) not in drop]
        return True


def _chars(span) -> tuple[int, int]:
    attrs = span._.esg_attrs or {}
    return attrs.get("start_char", span.start_char), attrs.get("end_char", span.end_char)


@Language.factory("esg_programme", default_config={"lang": "zh"})
def make_programme(nlp: Language, name: str, lang: str) -> ProgrammeRecogniser:
    return ProgrammeRecogniser(lang)
