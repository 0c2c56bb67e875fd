"""Recogniser for governance bodies (``Committee``): the board, its committees, management
committees, working and leading groups.

A committee name is a noun phrase ending in a head-word (委员会, 小组, Committee, ...). The
head-word is easy; the work is the left boundary: the name runs left over the modifier until a
verb, determiner, punctuation or another body's name stops it (下设审核委员会、薪酬委员会及提名
委员会 gives three names; 藥事管理與藥物治療學委員會 keeps its 與). Verbs and adverbs are known by
jieba's dictionary tags (持续深化|可持续发展委员会), except the governance functions that name a
body (审核, 提名) and the word right before the head-word. A company's own name before the
modifier (阿里巴巴公益委员会) is its owner, cut from the name and kept as an alias, when the
report also writes it as the start of a company name. Government and international
bodies named like committees (国家卫生健康委员会, CPC Central Committee) are left to the
organisation recogniser. In an org chart flattened to rows of tier label + body (Execution ESG
Working Group), the label is cut when the rest is a name the report uses on its own.

Keys: the standard bodies get canonical keys from a bilingual table (审核委员会 = 审计委员会 =
Audit Committee -> ``audit-committee``), others their folded name. Over a whole report
(``pipe``) a bare 工作小组 takes the key of the report's one named 工作小组, and an owner-prefixed
name (阿里健康董事会风险管理委员会, Alibaba Health Philanthropy Committee) the key of the
shorter name the report also uses; a short name the report defines right after a body's
name (集团风险管理委员会（下称"风管会"）, (the "RMC")) is that body wherever it is used.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import jieba.posseg
from spacy.language import Language
from spacy.tokens import Doc

from ..normalise import match_key
from .base import add_span, compile_alternation, load_patterns, spans_of

_CJK = re.compile(r"[\u3400-\u9fff]")
_ALNUM = re.compile(r"[A-Za-z0-9]")
# CJK words before a Latin acronym that opens the name are not part of it (稳固ESG工作小组).
_LEADING_ACRONYM = re.compile(r"[\u3400-\u9fff]+ ?([A-Z]{2,})")
#: jieba's dictionary part-of-speech tags (word -> tag); the doc's tokens come from jieba too.
_TAGS = jieba.posseg.dt.word_tag_tab


@dataclass
class Found:
    """One committee name found in a doc (offsets in the doc's text)."""

    start: int
    end: int
    name: str  # folded (Simplified) text of the name, owner prefix removed
    head: str
    bare: bool = False  # a head-word alone (工作小组): needs the report to resolve it
    key: str | None = None
    alias_of: "Found | None" = None  # a short name in brackets right after the full one
    label: str | None = None  # the full name when a line break cut the surface text
    aliases: tuple[str, ...] = ()  # the name with its owner's name, as printed
    institution: str = ""  # the school or hospital whose council this is (X学院理事会)


@lru_cache(maxsize=1)
def patterns() -> dict:
    return load_patterns("committees")


@lru_cache(maxsize=1)
def canonical_keys() -> dict[str, str]:
    """match_key(surface) -> canonical key, from the bilingual table."""
    out = {}
    for key, names in patterns()["canonical"].items():
        for n in names:
            out[match_key(n)] = key
    return out


def committee_key(name: str) -> str:
    """The resolution key of a committee name: canonical for standard bodies, else folded."""
    k = match_key(name)
    return canonical_keys().get(k, k)


# ---------------------------------------------------------------- Chinese


class _ZhRules:
    def __init__(self) -> None:
        p = patterns()["zh"]
        self.heads = compile_alternation(p["complete_heads"] + p["heads"] + p["institution_heads"])
        self.institution_heads = set(p["institution_heads"])
        self.institution_suffixes = tuple(p["institution_suffixes"])
        self.complete = set(p["complete_heads"])
        self.fixed = sorted(p["fixed_modifiers"], key=len, reverse=True)
        self.stops = set(p["left_stops"])
        self.stop_tags = set(p["pos_stop_tags"])
        self.name_verbs = set(p["name_verbs"])
        self.conj = set(p["conjunctions"])
        self.unit_end = sorted(set(p["unit_endings"]) | set(p["heads"]) | self.complete, key=len, reverse=True)
        self.owners = sorted(set(p["owner_words"]) | self.complete, key=len, reverse=True)
        self.measure = re.compile("^[0-9一二三四五六七八九十两百千几多数若每]+[" + "".join(p["measure_endings"]) + "]$")
        self.generic_mods = set(p["generic_modifiers"])
        self.right_ex = compile_alternation(p["right_excludes"])
        self.generic = set(p["generic"])
        self.ext_prefix = tuple(sorted(p["external_prefixes"], key=len, reverse=True))
        self.ext_contains = p["external_contains"]
        self.ext_owner = p["external_owner_suffixes"]
        self.resolvable = set(p["resolvable_bare_heads"])
        self.admin = tuple(p["admin_suffixes"])
        self.owner_words = tuple(p["owner_words"])
        self.max_chars = p["max_name_chars"]

    def left_edge(self, text: str, hs: int, token_ends: dict[int, str], inside: dict[int, int]) -> int:
        """Where the name whose head-word starts at ``hs`` begins. ``inside`` maps an offset
        inside a token to the token's start."""
        i = hs
        while i > 0:
            fixed = next((f for f in self.fixed if text.startswith(f, i - len(f))), None)
            if fixed:
                i -= len(fixed)
                if self.glued_stop(text, i, inside):
                    break
                continue
            tok = token_ends.get(i)
            if tok is not None and (tok in self.stops or self.measure.match(tok)
                                    or (i < hs and self.function_word(tok))):
                break
            c = text[i - 1]
            if c in self.conj:
                left = text[:i - 1]
                if not left or any(left.endswith(u) for u in self.unit_end) or not _CJK.match(left[-1]):
                    break
                i -= 1
            elif _CJK.match(c):
                i -= 1
            elif _ALNUM.match(c):
                while i > 0 and _ALNUM.match(text[i - 1]):
                    i -= 1
            elif c == " " and i >= 2 and _ALNUM.match(text[i - 2]):
                i -= 1  # ESG 核心項目組: a space only after a Latin word
            else:
                break
            if hs - i > self.max_chars:
                return -1
        # a conjunction passed just before a stop (碳|中|和工作小组) opens no name; a word that
        # starts with its character does (和谐)
        while i < hs and (text[i] == " " or text[i] in self.conj and inside.get(i + 1) != i):
            i += 1
        return i

    def glued_stop(self, text: str, i: int, inside: dict[int, int]) -> bool:
        """A stop word jieba glued to the first character of a fixed modifier (评估结果|经可|持续
        发展工作小组): the token straddles the name's start and its part on the left stops it."""
        ts = inside.get(i)
        if ts is None:
            return False
        piece = text[ts:i]
        return piece in self.stops or self.function_word(piece)

    def function_word(self, tok: str) -> bool:
        """A verb, adverb, preposition, pronoun... by jieba's dictionary tag, that is not one of
        the governance functions that name a body (审核, 提名) nor a conjunction inside a name."""
        if tok in self.name_verbs or tok in self.conj:
            return False
        return _TAGS.get(tok) in self.stop_tags

    def strip_owner(self, text: str, s: int, hs: int) -> int:
        """Cut the name after the last owner word or board in it (本公司董事会薪酬委员会 ->
        薪酬委员会); may leave the head-word bare."""
        cut = s
        for o in self.owners:
            j = text.rfind(o, s, hs)
            if j >= 0:
                cut = max(cut, j + len(o))
        return cut

    def government(self, name: str, first_token: str) -> bool:
        """A body of a province, city or district (上海市…领导小组, 市安全生产委员会): the name
        opens with a place's administrative name, by jieba's place tag, and names no company."""
        if any(o in name for o in self.owner_words):
            return False
        return first_token in self.admin or (
            first_token.endswith(self.admin) and _TAGS.get(first_token) == "ns")

    def external_body(self, name: str) -> bool:
        """Named like a government, party or international body."""
        return name.startswith(self.ext_prefix) or any(x in name for x in self.ext_contains)

    def external(self, name: str) -> bool:
        return self.external_body(name) or any(name.find(x, 2) >= 0 for x in self.ext_owner)

    def find(self, doc: Doc) -> list[Found]:
        text = doc.text
        token_ends = {t.idx + len(t.text): t.text for t in doc}
        starts = {t.idx: t.text for t in doc}
        inside = {c: t.idx for t in doc for c in range(t.idx + 1, t.idx + len(t.text))}
        out: list[Found] = []
        for m in self.heads.finditer(text):
            hs, he = m.span()
            head = m.group()
            if self.right_ex.match(text, he):
                continue
            if head in self.complete:
                s = hs
            else:
                s = self.left_edge(text, hs, token_ends, inside)
                if s < 0:
                    continue
                raw = text[s:he]
                if head in self.institution_heads:
                    owner = text[s:hs].strip()
                    if owner.endswith(self.institution_suffixes) and not self.external_body(owner):
                        out.append(Found(s, he, text[s:he], head, institution=owner))
                    continue
                if self.external(raw.strip()) or self.government(raw, starts.get(s, "")):
                    continue
                s = self.strip_owner(text, s, hs)
                acro = _LEADING_ACRONYM.match(text, s, hs)
                if acro and text[acro.start(1) - 1] not in self.conj:  # 战略与ESG委员会 stays whole
                    s = acro.start(1)
            name = text[s:he]
            bare = s == hs
            if bare and head not in self.complete and head not in self.resolvable:
                continue
            if not bare and (name in self.generic or self.external(name)
                             or text[s:hs].strip() in self.generic_mods):
                continue
            out.append(Found(s, he, name, head, bare and head not in self.complete))
        return out


# ---------------------------------------------------------------- English



class _EnRules:
    def __init__(self) -> None:
        p = patterns()["en"]
        heads = sorted(p["complete_heads"] + p["heads"], key=len, reverse=True)
        # the multi-word board heads also in lower case (the board of directors of the Company)
        alts = [rf"(?i:{re.escape(h)})" if " of " in h else re.escape(h) for h in heads]
        self.heads = re.compile(r"\b(?:" + "|".join(alts) + r")\b")
        self.complete = {h.lower() for h in p["complete_heads"]}
        self.team_words = set(p["team_words"])
        self.determiners = set(p["determiners"]) | set(p["owner_words"]) | set(p["left_stops"])
        self.external_words = set(p["external_words"])
        self.outside_owner = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w&'’\-]*\s+){0,6}?(?:"
                                        + "|".join(map(re.escape, p["external_owner_heads"])) + r")\b")
        self.generic = {g.lower() for g in p["generic"]}
        self.max_words = p["max_words"]
        # a head's own word never modifies another (a wrapped table header: Committee Committee)
        self.head_words = {h.split()[-1] for h in p["heads"]}

    def left_edge(self, text: str, hs: int) -> int:
        """Start of the Title-case modifier before the head at ``hs`` (possessive owners cut)."""
        words = list(re.finditer(r"[A-Za-z0-9][A-Za-z0-9\-]*(?:[’']s)?|&|,", text[:hs]))
        s, n = hs, 0
        for w in reversed(words):
            if text[w.end():s].strip():
                break
            t = w.group()
            if t.endswith(("’s", "'s")):
                break  # an owner: Alibaba Health's Philanthropy Committee
            if t in ("and", "&", ","):
                if n == 0:
                    break
            elif not (t[0].isupper() or t.isupper()) or t in self.determiners or t in self.head_words:
                break
            if n + 1 > self.max_words:
                break
            s, n = w.start(), n + 1
        while s < hs and text[s] in ", &" or text[s:s + 4] == "and ":
            s += 4 if text[s:s + 4] == "and " else 1
        return s

    def find(self, doc: Doc) -> list[Found]:
        text = doc.text
        out: list[Found] = []
        for m in self.heads.finditer(text):
            hs, he = m.span()
            head = m.group()
            if head.lower() in self.complete:
                if head == "Board" and not re.search(r"\b[Tt]he\s+[\"“]?$", text[max(0, hs - 6):hs]):
                    continue  # "on board", "Board" in other names
                out.append(Found(hs, he, head, head))
                continue
            s = self.left_edge(text, hs)
            mod = text[s:hs].strip()
            words = mod.replace(",", " ").split()
            if not words:
                continue
            if self.external_words & set(words) or re.match(r"\s+(?:on|for)\s+[A-Z]", text[he:]) \
                    or self.outside_owner.match(text, he):
                continue
            if head == "Team" and not self.team_words & set(words):
                continue
            name = text[s:he]
            if name.lower() in self.generic:
                continue
            out.append(Found(s, he, name, head))
        return out


# ---------------------------------------------------------------- the component


_BRACKETED = re.compile(r"\s*[（(]\s*[「“\"]?\s*$")


def _link_aliases(found: list[Found], text: str) -> None:
    """職業健康安全委員會（OHS 委員會）, Environmental ... Committee (the "ESG Committee"):
    the bracketed name is the same body."""
    for a, b in zip(found, found[1:]):
        gap = text[a.end:b.start]
        if _BRACKETED.fullmatch(gap) or re.fullmatch(r"\s*[（(]\s*(?:the\s+)?[“\"]?\s*", gap):
            b.alias_of = a


def _resolve(found: list[list[Found]], texts: list[str], lang: str) -> None:
    """Give keys over the whole report: a bare head joins the report's one named body with
    that head; an English name led by an owner's name (a Title-case phrase the report uses
    often on its own) joins the shorter name the report also uses."""
    names = {f.name for fs in found for f in fs if not f.bare}
    report = "\n".join(texts)
    for fs in found:
        for f in fs:
            if f.bare:
                full = {committee_key(n) for n in names if n.endswith(f.head) and n != f.head}
                if len(full) == 1:
                    f.key = full.pop()
                continue
            base = f.name
            if lang == "en":
                shorter = [n for n in names if n != f.name and f.name.endswith(" " + n)
                           and _owner_prefix(f.name[: -len(n)].strip(), report)]
                base = max(shorter, key=len) if shorter else f.name
            f.key = committee_key(base)
    for fs in found:
        for f in fs:
            if f.alias_of is not None and f.alias_of.key:
                f.key = f.alias_of.key


def _mend_wrapped(docs: list[Doc], found: list[list[Found]]) -> None:
    """A chart box whose name wrapped onto a second line (藥事管理與藥物 / 治療學委員會): a
    name opening a line, whose previous line ends with the rest of a name the report spells
    in full elsewhere, is that full name."""
    names = {f.name for fs in found for f in fs if not f.bare}
    for i in range(1, len(docs)):
        prev = docs[i - 1].text.rstrip()
        for f in found[i]:
            if f.bare or docs[i].text[:f.start].strip():
                continue
            for full in names:
                head = full[: len(full) - len(f.name)]
                if len(full) > len(f.name) and full.endswith(f.name) and prev.endswith(head):
                    original = docs[i - 1].user_data.get("original", prev).rstrip()
                    f.name = full
                    f.label = original[len(original) - len(head):] + docs[i].user_data.get("original", docs[i].text)[f.start:f.end]
                    break


_OWNER_SUFFIX = r"(?:集团|公司|控股|股份|有限|[\u3400-\u9fff]{0,10}?有限公司)"
_WORD_START = r"(?:^|(?<=[^\u3400-\u9fff])|(?<=[的与和及由在]))"


def _cut_owner_names(docs: list[Doc], found: list[list[Found]]) -> None:
    """A company's own name before a body's name (阿里巴巴公益委员会, 京东健康可持续发展委员会)
    is its owner, not part of the name, when the report also writes that name as the start of
    a company name (阿里巴巴集团, 京东健康股份有限公司) and often. The printed name stays as an
    alias."""
    report = "\n".join(d.text for d in docs)
    verdicts: dict[str, bool] = {}

    def owner(p: str) -> bool:
        if p not in verdicts:
            verdicts[p] = report.count(p) >= 3 and re.search(
                _WORD_START + re.escape(p) + _OWNER_SUFFIX, report, re.M) is not None
        return verdicts[p]

    for doc, fs in zip(docs, found):
        tokens = {t.idx: t.text for t in doc}
        for f in fs:
            if f.bare or f.label or f.institution or f.head == f.name or not _proper(tokens.get(f.start, "")):
                continue
            mod_end = f.end - len(f.head)
            for cut in sorted((i for i in tokens if f.start + 2 <= i <= mod_end - 2), reverse=True):
                prefix = doc.text[f.start:cut]
                if _CJK.search(prefix) and owner(prefix):
                    original = doc.user_data.get("original", doc.text)
                    f.aliases = (original[f.start:f.end],)
                    f.start, f.name = cut, doc.text[cut:f.end]
                    break


def _proper(token: str) -> bool:
    """A token that reads as (the start of) a proper name: tagged as a person, place or
    organisation name by jieba's dictionary, or unknown to it (阿里巴巴, 京东, 美团; not 科技)."""
    return bool(_CJK.match(token)) and _TAGS.get(token, "nz") in ("nr", "nrt", "ns", "nt", "nz")


# A short name the report defines for a body right after its full name: （下称"风管会"）,
# (the "RMC").
_DEFINED_ZH = re.compile(r"\s*[（(]\s*(?:(?:以下|下文)?(?:简称|称为|统称|称)|下称)\s*[：:]?\s*[“「\"『]?"
                         r"(?P<x>[^”」\"』）)\s，,、]{2,10}?)[”」\"』]?\s*[）)]"
                         r"|\s*[（(]\s*[“「\"『](?P<q>[^”」\"』）)\s，,、]{2,10})[”」\"』]\s*[）)]")
_DEFINED_EN = re.compile(r"\s*\(\s*(?:the\s+|hereinafter\s+(?:referred\s+to\s+as\s+)?(?:the\s+)?)?[“\"]"
                         r"(?P<x>[A-Z]{2,8})[”\"]\s*\)")


def _defined_short_names(docs: list[Doc], found: list[list[Found]], lang: str) -> None:
    """Every use of a short name the report defines for a body (风管会, RMC) is that body.
    Only a short name shaped like a body's (ending like one, or an acronym) counts."""
    rx = _DEFINED_EN if lang == "en" else _DEFINED_ZH
    generic = set(patterns()["zh"]["generic"])
    defined: dict[str, Found] = {}
    for doc, fs in zip(docs, found):
        for f in fs:
            m = rx.match(doc.text, f.end)
            x = m and (m.group("x") or (m.groupdict().get("q")))
            if x and x not in generic and x != f.name and (
                    re.fullmatch(r"[A-Z]{2,8}", x) or x[-1] in "会组委"):
                defined.setdefault(x, f)
    if not defined:
        return
    alternation = "|".join(re.escape(x) for x in sorted(defined, key=len, reverse=True))
    rx_use = re.compile(rf"(?<![A-Za-z])(?:{alternation})(?![A-Za-z])")
    for doc, fs in zip(docs, found):
        taken = [(f.start, f.end) for f in fs] + [(s.start_char, s.end_char) for s in spans_of(doc)]
        for m in rx_use.finditer(doc.text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                fs.append(Found(m.start(), m.end(), m.group(), m.group(), alias_of=defined[m.group()]))
        fs.sort(key=lambda f: f.start)


def _row_end(doc: Doc, fs: list[Found]) -> Found | None:
    """The body a short line ends with (a row of a flattened chart), if any."""
    return next((f for f in fs if not doc.text[f.end:].strip()), None)


def _cut_chart_labels(docs: list[Doc], found: list[list[Found]]) -> None:
    """An org chart flattened to rows of tier label + body (Decision-making Board of
    Directors / Execution ESG Working Group): a row that is one Title-case name, next to
    another row ending with a body, whose tail is a name the report uses on its own while the
    whole is printed only here, is that tail; the label is no part of the name."""
    report = "\n".join(d.text for d in docs)
    names = {f.name for fs in found for f in fs}
    connectors = set(patterns()["en"]["connectors"])
    for i, (doc, fs) in enumerate(zip(docs, found)):
        f = _row_end(doc, fs)
        if f is None or doc.text[:f.start].strip() or report.count(f.name) > 1:
            continue
        rows = [j for j in (i - 1, i + 1) if 0 <= j < len(docs) and _row_end(docs[j], found[j])]
        if not rows:
            continue
        for m in re.finditer(r"(?<=\s)\S", f.name):
            tail, label = f.name[m.start():], f.name[:m.start()].split()
            if tail != f.head and tail in names and label[-1] not in connectors:
                f.start, f.name = f.start + m.start(), tail
                break


def _own_institutions(found: list[list[Found]], texts: list[str]) -> None:
    """Keep an institution's council (广东X学院理事会) only when the report names that
    institution often: then it is one the group runs, not an outside university's."""
    report = "\n".join(texts)
    least = patterns()["zh"]["institution_min_mentions"]
    for fs in found:
        fs[:] = [f for f in fs if not f.institution or report.count(f.institution) >= least]


def _owner_prefix(prefix: str, report: str) -> bool:
    """Whether an English ``prefix`` before a committee name is its owner's name (Alibaba
    Health) rather than a modifier (Risk): a Title-case phrase frequent in the report."""
    words = prefix.split()
    return bool(words) and all(w[0].isupper() for w in words) and report.count(prefix) >= 10


class CommitteeRecogniser:
    """spaCy component: adds ``Committee`` spans; ``pipe`` resolves keys over a report."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.rules = _EnRules() if lang == "en" else _ZhRules()

    def _find(self, doc: Doc) -> list[Found]:
        taken = [(s.start_char, s.end_char) for s in spans_of(doc)]
        found = [f for f in self.rules.find(doc) if not any(a < f.end and f.start < b for a, b in taken)]
        _link_aliases(found, doc.text)
        return found

    def _add(self, doc: Doc, found: list[Found]) -> None:
        for f in found:
            if f.key is None:
                if f.bare:
                    continue
                f.key = committee_key(f.name)
            add_span(doc, f.start, f.end, "Committee", f.key, label=f.label,
                     attrs={"aliases": f.aliases} if f.aliases else None)

    def __call__(self, doc: Doc) -> Doc:
        found = self._find(doc)
        _own_institutions([found], [doc.text])
        _resolve([found], [doc.text], self.lang)
        self._add(doc, found)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        """One report at a time: keys are resolved over all its blocks."""
        docs = list(docs)
        found = [self._find(d) for d in docs]
        if self.lang != "en":
            _own_institutions(found, [d.text for d in docs])
            _mend_wrapped(docs, found)
            _cut_owner_names(docs, found)
        else:
            _cut_chart_labels(docs, found)
        _defined_short_names(docs, found, self.lang)
        _resolve(found, [d.text for d in docs], self.lang)
        for doc, fs in zip(docs, found):
            self._add(doc, fs)
            yield doc


@Language.factory("esg_committee", default_config={"lang": "zh"})
def make_committee(nlp: Language, name: str, lang: str) -> CommitteeRecogniser:
    return CommitteeRecogniser(lang)
