"""Recogniser for people with a governance role (``Person``).

Not every surname character followed by two more characters is a name, so a name is only
taken where the report puts it in a governance context:

- a director-table row: ``主席 劉強東 男 提名委員會主席``, ``陳興垚 男 審計委員會主席``,
  ``非執行董事 Qingqing Yi 男`` (a name cell beside a gender cell or after a role cell), and
  under a header naming committees a row of a name and its marks (``LEE Ka Ho C M M``);
- a title right before or after it: ``首席技術官程立領導``, ``張勇先生``, ``Mr. Cao Yu``,
  ``chaired by ...``, ``Cao Yu, chair of ...``;
- a list of a body's members: ``成員包括A、B及C``, ``由A、B及C組成``, ``the members of X are A,
  B and C``, ``comprises ... namely A, B and C`` (every item a plausible name, or none);
- over the whole report (``pipe``): a line holding only a name under a line ending with a
  role (the signature under a letter: ``阿里健康主席兼首席執行官`` / ``朱順炎``), or a column of
  bare names in a board section (a flattened director table); and every other use of a name
  found so, where it stands as a word of its own (其中周明為主席).

Chinese names need a surname from the gazetteer and must not be an ordinary word of jieba's
dictionary; the key is the folded name, so 劉強東 and 刘强东 are one person. English names
take the Hong Kong shapes too (Mr. WANG Jianguo, Kenneth LAU, CHAN Tai-man; LAU Chi Keung,
Andrew also goes by Andrew LAU); a word opening an organisation's name in the report
(Alibaba Health …Limited) makes no name.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import jieba
from spacy.language import Language
from spacy.tokens import Doc

from ..normalise import match_key
from .base import add_span, compile_alternation, load_patterns, spans_of

_CJK = "\u3400-\u9fff"
_PUNCT_END = " \t，,。.：:；;、"
#: Parts of a Latin personal name: a given name or Title Case surname (Jianguo, Tai-man,
#: O'Brien) and a surname in capitals (WANG, AU-YEUNG).
_GIVEN = r"(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*"
_UPPER_WORD = re.compile(r"[A-Z]{2,}(?:-[A-Z]{2,})?")
_SP = r"[ \t]+"
#: A Latin personal name: a capitalised surname and given names (WANG Jianguo, LAU Wai Ling),
#: given names and a capitalised surname (Kenneth LAU), or two or three Title Case words,
#: maybe with a middle initial (Qingqing Yi, Chan Mei Ling, John A. Smith).
_LATIN_NAME = (rf"(?:{_UPPER_WORD.pattern}(?:{_SP}{_GIVEN}){{1,3}}"
               rf"|{_GIVEN}(?:{_SP}{_GIVEN})?{_SP}{_UPPER_WORD.pattern}(?:{_SP}{_GIVEN}){{0,2}}"
               rf"|{_GIVEN}(?:{_SP}[A-Z]\.)?(?:{_SP}{_GIVEN}){{1,2}})")


@lru_cache(maxsize=1)
def patterns() -> dict:
    return load_patterns("persons")


def _marks(*kinds: str) -> str:
    """One cell of a board composition table's committee columns (C, M, –, 主席, 成員, ✓)."""
    t = patterns()["composition_table"]
    cells = {w for kind in kinds for w in t[kind]}
    return "|".join(re.escape(w) for w in sorted(cells, key=len, reverse=True))


def _before_marks(name: str, honorifics: str) -> re.Pattern:
    """A row that is a name (maybe with an honorific or a note in brackets) and two or more
    marks, one of them a seat: a director's row of a composition table whose titles are a
    group line above it (a row of dashes alone may be any table's)."""
    any_mark, seat = _marks("chair", "member", "none"), _marks("chair", "member")
    return re.compile(rf"^\s*(?:(?:{honorifics})\.?\s*)?({name})\s*(?:{honorifics})?\s*(?:[（(][^）)]{{0,30}}[）)])?"
                      rf"(?=(?:\s+(?:{any_mark}))*\s+(?:{seat})(?!\S))(?:\s+(?:{any_mark})){{2,}}\s*$")


def _common_word(word: str, min_freq: int = 30) -> bool:
    """An ordinary word of jieba's dictionary (金融, 方面), so not a name."""
    jieba.dt.check_initialized()
    return (jieba.dt.FREQ.get(word) or 0) >= min_freq


def _known_name(word: str) -> bool:
    """A word jieba's dictionary tags as a person's name (nr). The tag table loads on first
    use (about 0.7 s), so only names before an honorific ask."""
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab.get(word) == "nr"


class _ZhNames:
    """Chinese name shapes and the in-sentence contexts that make them names."""

    def __init__(self) -> None:
        p = patterns()["zh"]
        self.surnames = set(p["surnames"])
        self.compound = sorted(p["compound_surnames"], key=len, reverse=True)
        # any chief officer (首席醫學官, 首席科學官), then the listed titles, longest first
        self.roles = re.compile(rf"首席[{_CJK}]{{1,5}}?官|{compile_alternation(p['roles']).pattern}")
        self.role_list = sorted(p["roles"], key=len, reverse=True)
        self.honorifics = compile_alternation(p["honorifics"])
        self.right = sorted(p["right_boundaries"], key=len, reverse=True)
        self.gender = "".join(p["gender_cells"])
        self.function_chars = set(p["left_function_chars"])
        self.not_given = set(p["not_in_given_names"])
        self.column_context = p["column_context"]
        cell = rf"[{_CJK}]{{2,4}}|{_LATIN_NAME}"
        self.before_gender = re.compile(rf"(?:^|(?<=\s))({cell})\s+[{self.gender}](?=\s|$)")
        roles = "|".join(re.escape(r) for r in self.role_list)
        self.after_role_cell = re.compile(rf"(?:{roles})\s+({cell})(?=\s+\S|\s*$)")
        # a role cell, not the board (董事會聲明 opens no director's title)
        self.before_role_cell = re.compile(rf"^\s*({cell})\s+(?=(?:{roles})(?!会|局))")
        self.before_marks = _before_marks(cell, "|".join(p["honorifics"]))
        self.glued_role_cell = re.compile(rf"^\s*([{_CJK}]{{2,4}}?)(?:{'|'.join(p['honorifics'])})?(?=(?:{roles})(?!会|局))")
        cues = "|".join(re.escape(c) for c in p["member_list_cues"])
        self.list_cue = re.compile(rf"(?P<strong>(?:{cues})\s*[:：]?)\s*|(?P<by>由)(?=[^，。；]{{2,40}}?(?:组成|担任|出任))")
        hon = "|".join(p["honorifics"])
        note = r"(?:[（(][^）)]{0,20}[）)])?"
        self.item_end = re.compile(rf"\s*(?:{hon})?\s*{note}\s*(?:[、，,和及与]|以及|等|共同|组成|担任|出任|[。；;）)]|\s|$)")
        self.item_sep = re.compile(rf"\s*(?:{hon})?\s*{note}\s*(?:[、，,和及与]|以及)\s*")
        self.list_close = re.compile(rf"\s*(?:{hon})?\s*{note}\s*(?:等\s*)?(?:共同)?(?:组成|(?P<one>担任|出任))")

    def surname_len(self, name: str) -> int:
        for c in self.compound:
            if name.startswith(c):
                return len(c)
        return 1 if name[:1] in self.surnames else 0

    def valid(self, name: str, strict: bool = True, titled: bool = False) -> bool:
        """A plausible Chinese personal name: a surname and one or two given characters.
        ``titled``: 先生/女士/博士 follows, so a name jieba knows as one (王曉東) is taken too."""
        if not re.fullmatch(rf"[{_CJK}]{{2,4}}", name):
            return False
        n = self.surname_len(name)
        if not n or not 1 <= len(name) - n <= (2 if strict else 3) or self.not_given & set(name[n:]):
            return False
        given = name[n:]
        # a very common word as the given name (由部門) is no name; 建國, 志強 are
        return not (_common_word(name) and not (titled and _known_name(name))) \
            and not (len(given) > 1 and _common_word(given, 5000)) and not self.roles.search(name) \
            and not (len(given) == 3 and _common_word(given[1:], 100))  # 管治架構: 管 + 治 + 架構

    def ends_with_role(self, text: str) -> bool:
        text = text.rstrip(_PUNCT_END)
        return any(text.endswith(r) for r in self.role_list)

    def is_title_line(self, text: str) -> bool:
        """A short line that is only a title (主席, 執行董事兼首席執行官)."""
        return len(text.strip()) <= 20 and self.ends_with_role(text) and bool(self.roles.match(text.strip()))

    def at_right_boundary(self, text: str, i: int) -> bool:
        if i >= len(text) or not re.match(rf"[{_CJK}A-Za-z0-9]", text[i]):
            return True
        return any(text.startswith(w, i) for w in self.right)

    def ends_cleanly(self, text: str, s: int, e: int) -> bool:
        """A name ``text[s:e]`` at a right boundary that no boundary word straddles
        (王芳担任: 王芳, not 王芳担 before 任)."""
        if not self.at_right_boundary(text, e):
            return False
        return not any(text.startswith(w, k) for k in range(s + 2, e) for w in self.right
                       if len(w) > 1 and k + len(w) > e)

    def after_title(self, text: str) -> Iterator[tuple[int, int]]:
        """Names right after a role word (首席技術官程立領導, 主席兼首席執行官張勇在此)."""
        for m in self.roles.finditer(text):
            s = m.end()
            for n in (4, 3, 2):
                name = text[s:s + n]
                if len(name) == n and self.valid(name) and self.ends_cleanly(text, s, s + n):
                    yield s, s + n
                    break

    def before_honorific(self, text: str, word_starts: set[int]) -> Iterator[tuple[int, int]]:
        """Names right before 先生/女士/博士 with a clean left edge: a word boundary, a
        function character or a title (由李玲女士: 李玲; not 浙江大學教授: 江大學)."""
        for m in self.honorifics.finditer(text):
            e = m.start()
            for n in (4, 3, 2):
                s = e - n
                if s < 0 or not self.valid(text[s:e], titled=True):
                    continue
                if n > 2 and text[s] in self.function_chars and self.valid(text[s + 1:e]):
                    continue
                if s == 0 or s in word_starts or not re.match(rf"[{_CJK}]", text[s - 1]) \
                        or text[s - 1] in self.function_chars or self.ends_with_role(text[:s]):
                    yield s, e
                    break

    def standalone(self, text: str, s: int, e: int) -> bool:
        """``text[s:e]`` stands as a word: a clean left edge (start, no CJK, a function
        character or a title before it) and a clean right one."""
        left = s == 0 or not re.match(rf"[{_CJK}A-Za-z]", text[s - 1]) \
            or text[s - 1] in self.function_chars or self.ends_with_role(text[:s])
        return left and self.ends_cleanly(text, s, e)

    def in_cells(self, text: str) -> Iterator[tuple[int, int]]:
        """Names in a director-table row: before a gender cell, after a role cell, or opening
        a row whose next cell is a role."""
        for rx in (self.before_gender, self.after_role_cell, self.before_role_cell):
            for m in rx.finditer(text):
                name = m.group(1)
                if re.fullmatch(_LATIN_NAME, name) or self.valid(name, strict=False):
                    yield m.span(1)

    def marked_row(self, text: str) -> list[tuple[int, int]]:
        """The name opening a row of committee marks (王建國 – M C), or a row whose cells lost
        their spaces (黃蘊華執行董事、首席財務官女 — — — —)."""
        m = self.before_marks.match(text) or self.glued_role_cell.match(text)
        name = m.group(1) if m else ""
        return [m.span(1)] if m and (re.fullmatch(_LATIN_NAME, name) or self.valid(name, strict=False)) else []

    def member_lists(self, text: str) -> Iterator[tuple[int, int]]:
        """Names listed as a body's members: 成員包括A、B及C, 分別為A、B, 由A、B及C組成,
        由A擔任. Every item must be a plausible name, or none is taken."""
        for m in self.list_cue.finditer(text):
            items, i = [], m.end()
            while True:
                item = next(((i, i + n) for n in (2, 3, 4) if self.valid(text[i:i + n])
                             and self.item_end.match(text, i + n)), None)
                if item is None:
                    break
                items.append(item)
                sep = self.item_sep.match(text, item[1])
                if not sep:
                    break
                i = sep.end()
            closer = self.list_close.match(text, items[-1][1]) if items else None
            if m.group("by") and not closer:
                continue  # 由… must end in 組成/擔任/出任
            if items and (len(items) >= 2 or m.group("strong") or (closer and closer.group("one"))):
                yield from items

    def find(self, text: str, word_starts: set[int] | None = None) -> list[tuple[int, int]]:
        found = set(self.in_cells(text)) | set(self.after_title(text))
        found |= set(self.before_honorific(text, word_starts or set()))
        found |= set(self.member_lists(text))
        return _drop_nested(found)

    def bare(self, text: str) -> list[tuple[int, int]]:
        """The names a block consists of, one or several, each maybe with a note in
        brackets (``李卓霖（其辭任於2023年4月14日生效）金色一賢（…）葉霖``)."""
        out, i = [], 0
        for m in _BARE_ITEM.finditer(text):
            if m.start() != i or not (m.group(2) or m.end() == len(text) or text[m.end() - 1].isspace()):
                return []
            out.append(m.span(1))
            i = m.end()
        return out if i == len(text) else []


#: LAU Chi Keung, Andrew: an English given name after a Hong Kong style name and a comma
_ENGLISH_NAME_AFTER = re.compile(r",[ \t]*([A-Z][a-z]+)(?![\w-])(?:[ \t]+([A-Z][\w-]*))?")
_HEAD_WORDS = re.compile(r"\s*(?:(?:Committee|委员会)\s*){2,}")
_BARE_ITEM = re.compile(rf"\s*([{_CJK}]{{2,4}})(\s*[（(][^）)]*[）)])?\s*")


class _EnNames:
    """English name shapes and contexts.

    Hong Kong reports print the surname in capitals (Mr. WANG Jianguo, Ms. LAU Wai Ling,
    Dr. CHAN Tai-man, Mr. Kenneth LAU); others print Title Case (Ms. Chan Mei Ling, John A.
    Smith). A capitalised word is only taken as a surname after an honorific or when it is a
    common romanised Chinese surname, so ESG Committee or JR Wuhan in a list is no name.
    """

    def __init__(self) -> None:
        p = patterns()["en"]
        self.not_names = set(p["not_names"])
        self.surnames = {w.casefold() for w in p["romanised_surnames"]}
        self.role_list = sorted(p["roles"], key=len, reverse=True)
        hon = "|".join(re.escape(h) for h in p["honorifics"])
        self.honorific_words = set(p["honorifics"])
        self.after_honorific = re.compile(rf"\b(?:{hon})\.?[ \t]+$")
        self.honorific = re.compile(rf"\b(?:{hon})\.?\s+({_LATIN_NAME})")
        roles = "|".join(re.escape(r) for r in self.role_list)
        self.chaired_by = re.compile(rf"\b(?:chaired|led|headed) by\s+(?:(?:{hon})\.?\s+)?({_LATIN_NAME})")
        self.name_role = re.compile(rf"\b({_LATIN_NAME}),\s+(?i:(?:the\s+|our\s+)?(?:{roles}|chair|chairman|chairperson|director|founder))\b")
        # a table row opening with the name, then the title or gender cell, or only marks
        self.row_start = re.compile(rf"^\s*({_LATIN_NAME})\s+(?=(?i:{roles}|male|female)\b)")
        self.before_marks = _before_marks(_LATIN_NAME, hon)
        self.list_cue = re.compile(r"\b(?:members?\s+(?:of\s+[^.;]{0,60}?\s+)?(?:are|is|include|includes)|"
                                   r"comprises?|consists?\s+of|(?:is|are)\s+composed\s+of|namely)\s*:?\s*")
        self.list_item = re.compile(rf"(?:(?:{hon})\.?\s+)?({_LATIN_NAME})(?:\s*\([^)]{{0,30}}\))?")
        self.list_sep = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|;\s*)")
        heads = "|".join(re.escape(h) for h in p["organisation_heads"])
        self.org_tail = re.compile(rf"((?:[ \t]+(?:[A-Z][\w&.\-]*|of|and|&)){{0,4}})[ \t]+(?:{heads})\b")

    def valid(self, name: str, strict: bool = True, titled: bool = False) -> bool:
        """A name of the shapes above with no word that is never a name's; ``titled``: an
        honorific stands before it, so a capitalised surname needs no gazetteer."""
        if not re.fullmatch(_LATIN_NAME, name):
            return False
        words = name.split()
        if any(w in self.not_names or w in self.honorific_words for w in words):
            return False
        caps = [w for w in words if _UPPER_WORD.fullmatch(w)]
        return titled or all(w.casefold() in self.surnames for w in caps)

    def titled(self, text: str, s: int) -> bool:
        """An honorific right before ``text[s:]``."""
        return bool(self.after_honorific.search(text, 0, s))

    def ends_with_role(self, text: str) -> bool:
        text = text.rstrip(_PUNCT_END)
        return any(text.endswith(r) for r in self.role_list)

    def is_title_line(self, text: str) -> bool:
        """A short line that is only a title (Chairman, Chief Executive Officer)."""
        t = text.strip().rstrip(_PUNCT_END)
        return len(t) <= 40 and any(t == r or t.startswith(r + " ") or t.startswith(r + " and") for r in self.role_list)

    def trimmed(self, text: str, s: int, e: int) -> tuple[int, int] | None:
        """The name at ``text[s:e]``, without the title words a table row runs into it
        (Mr. Zhang Wei Executive Director: Zhang Wei), and with the capitalised surname a
        pattern starting mid-name left out (CHEUNG Mei Ling, not Mei Ling)."""
        before = re.search(rf"(?<![\w.])({_UPPER_WORD.pattern})[ \t]+$", text[max(0, s - 20):s])
        if before and self.valid(text[s - len(before.group()):e], titled=self.titled(text, s - len(before.group()))):
            s -= len(before.group())
        titled = self.titled(text, s)
        while not self.valid(text[s:e], titled=titled):
            cut = text.rfind(" ", s, e)
            if cut < 0:
                return None
            e = cut
        return s, e

    def member_lists(self, text: str) -> Iterator[tuple[int, int]]:
        """Names listed after "the members of X are", "comprises", "namely" (two or more)."""
        for m in self.list_cue.finditer(text):
            items, i = [], m.end()
            while (item := self.list_item.match(text, i)) and self.valid(item.group(1), titled=self.titled(text, item.start(1))):
                items.append(item.span(1))
                sep = self.list_sep.match(text, item.end())
                if not sep:
                    break
                i = sep.end()
            if len(items) >= 2:
                yield from items

    def find(self, text: str, word_starts: set[int] | None = None) -> list[tuple[int, int]]:
        found = set(self.member_lists(text))
        for rx in (self.honorific, self.chaired_by, self.name_role, self.row_start):
            for m in rx.finditer(text):
                span = self.trimmed(text, *m.span(1))
                if span:
                    found.add(span)
        return _drop_nested(found)

    def marked_row(self, text: str) -> list[tuple[int, int]]:
        """The name opening a row of committee marks (LEE Ka Ho C M M)."""
        m = self.before_marks.match(text)
        span = self.trimmed(text, *m.span(1)) if m else None
        return [span] if span else []

    def aliases(self, text: str, s: int, e: int) -> list[str]:
        """Other names a Hong Kong style name gives itself: the English given name after it
        (LAU Chi Keung, Andrew: Andrew LAU)."""
        words = text[s:e].split()
        m = _ENGLISH_NAME_AFTER.match(text, e)
        if not (m and _UPPER_WORD.fullmatch(words[0])) or m.group(1) in self.not_names | self.honorific_words \
                or (m.group(2) and m.group(2) not in self.not_names):  # a place or a body goes on: Hong Kong
            return []
        return [f"{m.group(1)} {words[0]}"]

    def organisation_words(self, text: str, name: str) -> bool:
        """``name`` opens an organisation's name somewhere in ``text`` (Alibaba Health in
        Alibaba Health Information Technology Limited): a company, not a person."""
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}", text):
            tail = self.org_tail.match(text, m.end())
            if tail and not any(w in self.not_names for w in tail.group(1).split()):
                return True
        return False

    def standalone(self, text: str, s: int, e: int) -> bool:
        return not re.match(r"[A-Za-z]", text[s - 1:s]) and not re.match(r"[A-Za-z]", text[e:e + 1])

    def bare(self, text: str) -> list[tuple[int, int]]:
        m = re.fullmatch(rf"\s*({_LATIN_NAME})\s*", text)
        return [m.span(1)] if m and self.valid(m.group(1)) else []


def _drop_nested(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep the longest of overlapping spans."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):
        if out and s < out[-1][1]:
            continue
        out.append((s, e))
    return out


class PersonRecogniser:
    """spaCy component: adds ``Person`` spans; ``pipe`` also reads signatures and columns."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.names = _EnNames() if lang == "en" else _ZhNames()

    def _add(self, doc: Doc, spans: Iterable[tuple[int, int]]) -> None:
        taken = [(s.start_char, s.end_char) for s in spans_of(doc)]
        for s, e in spans:
            if any(a < e and s < b for a, b in taken):
                continue
            aliases = self.names.aliases(doc.text, s, e) if self.lang == "en" else []
            add_span(doc, s, e, "Person", match_key(doc.text[s:e]), attrs={"aliases": aliases} if aliases else None)
            taken.append((s, e))

    def _word_starts(self, doc: Doc) -> set[int] | None:
        """Where jieba's words start (a Chinese name needs a clean left edge); English has spaces."""
        return None if self.lang == "en" else {t.idx for t in doc}

    def __call__(self, doc: Doc) -> Doc:
        self._add(doc, self.names.find(doc.text, self._word_starts(doc)))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        """One report at a time, so a bare name can be read with the lines around it."""
        docs = list(docs)
        texts = [d.text for d in docs]  # Doc.text joins the tokens on every call
        bare = [self.names.bare(t) for t in texts]
        extra: dict[int, list[tuple[int, int]]] = {}
        for i, spans in enumerate(bare):
            if len(spans) == 1 and self.names.valid(texts[i][slice(*spans[0])]) and (
                    (i and self.names.ends_with_role(texts[i - 1]))
                    or (i + 1 < len(docs) and self.names.is_title_line(texts[i + 1]))):
                extra[i] = spans  # a signature: the name under or over its title
        signatures = dict(extra)
        if self.lang != "en":
            extra.update(self._name_columns(docs, texts, bare))
        for i in self._under_committee_heads(docs, texts):
            extra.setdefault(i, []).extend(self.names.marked_row(texts[i]))
        found = [self.names.find(texts[i], self._word_starts(doc)) + extra.get(i, []) for i, doc in enumerate(docs)]
        if self.lang == "en":
            found = self._not_companies(texts, found, signatures)
        again = self._known_again(texts, found)
        for doc, spans, more in zip(docs, found, again):
            self._add(doc, spans + more)
            yield doc

    @staticmethod
    def _under_committee_heads(docs: list[Doc], texts: list[str], reach: int = 30) -> Iterator[int]:
        """The lines under a table header that names two or more committees (or whose head
        words wrapped to a line of their own: Committee Committee Committee)."""
        last = -reach - 1
        for i, doc in enumerate(docs):
            if i - last <= reach:
                yield i
            if len(spans_of(doc, "Committee")) >= 2 or _HEAD_WORDS.fullmatch(texts[i]):
                last = i

    def _not_companies(self, texts: list[str], found: list[list[tuple[int, int]]],
                       signatures: dict[int, list[tuple[int, int]]]) -> list[list[tuple[int, int]]]:
        """English names with no honorific, less those that are a company's: the words that
        open an organisation's name elsewhere in the report, or the line over a signature
        (Alibaba Health CEO / Shen Difan: the title line names the company)."""
        report = "\n".join(texts)
        out = []
        for i, (text, spans) in enumerate(zip(texts, found)):
            keep = []
            for s, e in spans:
                if not self.names.titled(text, s) and (
                        (i + 1 in signatures and i not in signatures)
                        or self.names.organisation_words(report, text[s:e])):
                    continue
                keep.append((s, e))
            out.append(keep)
        return out

    def _known_again(self, texts: list[str], found: list[list[tuple[int, int]]]) -> list[list[tuple[int, int]]]:
        """Other uses of a name the report gives a governance context somewhere (其中周明為主席
        after 成員為周明、林華及何芳), where the name stands on its own: not inside a longer word."""
        names = {t[s:e] for t, spans in zip(texts, found) for s, e in spans}
        names = {n for n in names if self.names.valid(n)}
        if not names:
            return [[] for _ in texts]
        rx = compile_alternation(names)
        out = []
        for text, spans in zip(texts, found):
            more = []
            for m in rx.finditer(text):
                s, e = m.span()
                if any(a < e and s < b for a, b in spans) or not self.names.standalone(text, s, e):
                    continue
                more.append((s, e))
            out.append(more)
        return out

    def _name_columns(self, docs: list[Doc], texts: list[str], bare: list) -> dict[int, list[tuple[int, int]]]:
        """Runs of three or more bare names, most of them plain Chinese names, in a board
        section (a director table flattened one cell per line)."""
        out: dict[int, list[tuple[int, int]]] = {}
        i = 0
        while i < len(docs):
            j = i
            while j < len(docs) and bare[j]:
                j += 1
            names = [texts[k][s:e] for k in range(i, j) for s, e in bare[k]]
            if len(names) >= 3:
                good = sum(self.names.valid(n) for n in names)
                around = " ".join(texts[max(0, i - 3):i] + texts[j:j + 30])
                heading = docs[i].user_data.get("heading", "")
                if good >= 0.6 * len(names) and any(w in around or w in heading for w in self.names.column_context):
                    out.update({k: bare[k] for k in range(i, j)})
            i = max(j, i + 1)
        return out


@Language.factory("esg_person", default_config={"lang": "zh"})
def make_person(nlp: Language, name: str, lang: str) -> PersonRecogniser:
    return PersonRecogniser(lang)
