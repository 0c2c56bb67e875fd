"""Governance structure: hasCommittee, reportsTo, chairedBy, memberOf.

Reports describe their governance in a few recurring shapes; each rule reads one.

- hasCommittee: an ESG report presents the bodies it names as the reporter's own, unless a
  company stands right before one as its owner (京東集團的職業健康安全委員會, the Group's …,
  翠嶺建築設有X, At Evermount Life, the X), opens the sentence that sets it up (瀾庭餐飲的中央廚房
  …，並設有X) or opens its name (廣東明泓理工學院理事會); bodies set up under another company's
  body belong to that company too.
- reportsTo: 董事會下設審核委員會、薪酬委員會及提名委員會 (each body listed after 下設 is under
  the one before it), 該工作小組向董事會匯報 / X reports to the Board (the subject is under
  the addressee; A、B及C均向董事會負責: each of them), 董事會風險管理委員會 / 董事會層面的X /
  董事會轄下的X (a board committee named with its board), org charts flattened to lines (a
  body alone on a line, then lines holding only bodies), and the lines under a board's
  sentence that announces its committees (…設有四個委員會，包括：) when the list itself is lost:
  its items and the notes under it (¹ 薪酬委員會的所有成員…). "It reports to X" is about the
  body the sentence before opened with; "Three specialist committees report to X:" puts the
  bodies listed after the colon under X.
- chairedBy / memberOf: director tables, whose rows PDF extraction spreads over several lines
  (獨立非執行董事兼薪酬委員會主席 / 李玲 女 / 薪酬委員會主席、審計委員會成員): a row is the
  person's line with the role lines before it and the lines after it up to the next row; a
  body it names with 主席 after it is chaired by the person, any body it names has the person
  as member; a director (董事) is a member of the board, and a 主席 that follows no body is
  the board's chair (English rows: Chairman of the Board, Member of the Audit Committee).
  Sentences: 審計委員會主席陳興垚, X主席由Y擔任, 由X擔任主席, A擔任X委員/主席, X由A、B及C組成,
  成員包括/分別為A（主席）、B, X, chair of Y, chaired by (our CEO,) Mr. X, the members of X
  are …, X comprises … namely A (Chairman), B and C; an executive role stands for its one
  holder the report names elsewhere (首席財務官、首席技術官出任風管會委員). A body only "led by"
  someone (首席執行官領導的風險管理委員會, led by) is chaired by them unless the report states
  its chair. A column of bare names in a board section (a flattened director list) are board
  members; a name alone under a chairman's title (a signed letter) chairs it.
  Board composition tables (a header naming committees as columns, in full, wrapped or
  short, then a row per director with a mark per column: C/M/–, 主席/成員/–, ✓, or a legend's
  marks) give each column's chair and members. A sentence opening with "It" / 該委員會 is
  about the body the sentence before was about; in X向Y匯報，由A擔任主席 the clauses after
  are about X. 成員包括各執行董事 / comprises all the executive Directors names the directors
  of that category the tables list. Biographies: Mr. A, aged 58, is the chairman of X and a
  member of Y / He is also … .

  A body a sentence says is chaired or led by a person it names (X is chaired by Mr. A,
  X由A擔任主席, a C in a table) has that person as a member too. A chair given only as a
  person's title (Mr. A, chair of X; 審計委員會主席陳興垚; a signature under 主席) or through
  an executive role named elsewhere (首席執行官領導的X) is not taken to say who sits on the
  body, as the seed golds annotate it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from ..components.base import load_patterns
from ..model import Evidence, Mention, Relation, Sentence
from ..normalise import match_key
from ..report import is_reporter_reference
from ._composition import (_composition_tables, _director_rows, _nearest_board, _row_bodies, _row_facts,
                           _row_text, _row_titles, _standard_keys)
from ._governance_base import BOARD, _BOARD_CHAIR, _CHAIR_AFTER, _CHAIR_ZH, _DIRECTOR, _Block, _View, _of
from ._shared import listed, local_span


_CHAIR_OF_BOARD = re.compile(r"董事[会局]主席|董事长|\b[Cc]hair(?:man|woman|person)? of the [Bb]oard\b")
_ZH_LIST_SEP = re.compile(r"\s*(?:、|和|及|与|以及)\s*")
_ZH_SEP = re.compile(r"\s*(?:[、/,]|和|及|与|以及|暨|and|&)?\s*")
_EN_SEP = re.compile(r"\s*(?:,|and|&|,\s*and)?\s*(?:the\s+)?")

_UNDER_ZH = re.compile(r"下设(?:有|了|的)?|下辖|(?:辖下|属下|下属)的?")
# 董事會層面的可持續發展委員會 / 在董事會層面設立X: a board-level body is under the board.
_BOARD_LEVEL_ZH = re.compile(r"\s*(?:层面|层级|级别|级)?\s*(?:的|之)?\s*(?:设立|成立|设有|设置)?\s*(?:了|的)?\s*")
# 董事會已成立X: a body that sets up another, right before the verb.
_SETS_UP_ZH = re.compile(r"(?:内|之下|下面|下)?(?:(?:已经|已|亦|还|正式|专门|目前|现已|现时|现|共|一共|于[^，。；]{1,10}?)\s*)*"
                         r"(?:成立|设立|设置|组建|设有)(?:了)?(?:专门|专项|一个)?(?:的)?")
# What may stand between 下設/設有 and the list of bodies: a count and a colon
# (下設四個專門委員會：審核委員會、…).
_COUNT_ZH = re.compile(r"\s*(?:设有|设立|成立|设置)?了?\s*(?:[一二三四五六七八九十两\d]+\s*个|以下|下列|如下)?\s*"
                       r"(?:专门|专业|董事会?)?(?:委员会)?\s*(?:[，,]?\s*(?:包括|分别为|分别是|即|如下))?\s*[:：]?\s*"
                       r"(?:由[^，。；]{1,30}?(?:领导|牵头|带领|负责|担任\w{0,3})的\s*)?")
# A sentence that ends by announcing a list of the board's committees (董事會目前設有四個委員會，
# 包括：/ The Board has established the following committees:); the list follows on lines
# of its own, as items or as notes under a chart.
_LIST_INTRO = re.compile(r"(?:设有|下设|设立|成立|组建|包括|如下|以下|下列|established|set\s+up|formed|has|have|maintains?)"
                         r"[^。；.;]*(?:委员会|committees?)[^。；.;]*[:：]\s*$", re.I)
_LIST_ITEM = re.compile(r"\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰*•●·▪■◆\-–]|\(?\d{1,2}[).、]|(?:注|附注|备注|Notes?)\s*\d*\s*[:：.]?)")
# 委員會下設…: the body the sentence before named.
_ANAPHOR_ZH = re.compile(r"\s*(?:该|此|本|其)?(?:委员会|小组|工作组)")
_REPORT_ZH = re.compile(r"(?:向|对)\s*(?:本公司|公司|本集团|集团)?(?P<to>[^，。；]{1,40}?)(?:汇报|报告|负责|述职)")
_REPORT_EN = re.compile(r"\b(?:reports?|reporting|(?:is|are)\s+accountable|(?:is|are)\s+responsible)"
                        r"\s+(?:directly\s+)?to\s+(?:the\s+)?", re.I)
_UNDER_EN = re.compile(r"\s*,?\s*(?:which\s+is\s+|set\s+up\s+|established\s+)?(?:under|of)\s+(?:the\s+)?", re.I)
# A clause after a comma that goes on with the same subject (…成立，並直接向董事會匯報).
_SAME_SUBJECT = re.compile(r"\s*(?:并|并且|且|同时|直接|定期|每年|每季|每半年|每月|亦|也|将|会|需|负责|及时|主要|"
                           r"which\b|and\b|that\b|is\b|are\b|was\b|has\b|also\b)")
# a quarterly climate risk report to X / submits its reports to X: the noun, not the verb
_A_REPORT_EN = re.compile(r"\b(?:a|an|the|its|their|quarterly|annual|monthly|regular|periodic|written|risk|"
                          r"presents?|submits?|provides?|sends?|delivers?)\s+$", re.I)
# Three specialist committees report to X: the bodies the list after the colon names (in the
# sentence, or in the next when the colon ends this one)
_PLURAL_BODIES_EN = r"\b(?:committees|working\s+groups|groups|bodies)\s+"
_BODIES_EN = re.compile(rf"{_PLURAL_BODIES_EN}$", re.I)
_REPORT_LIST_EN = re.compile(rf"{_PLURAL_BODIES_EN}(?:report|reports)\s+(?:directly\s+)?to\s+(?:the\s+)?(?=[^.:;]*:\s*$)",
                             re.I)
# 翠嶺建築設有X / JR Shenzhen has set up a X: the company right before the verb owns the body
_SETS_UP_OWN = re.compile(r"\s*(?:亦|也|还|已|现|另)?\s*(?:设有|设立|成立|组建|设置)(?:了)?\s*(?:一个|专门的)?\s*|"
                          r"\s+(?:has\s+|have\s+)?(?:also\s+)?(?:established|set\s+up|formed)\s+(?:a|an|its)\s+")
# A director's category: the longest of the three (a non-executive director is no executive one)
_CATEGORY = re.compile(r"(?P<independent>独立非执行董事|independent\s+non-executive\s+director)|"
                       r"(?P<non_executive>(?<!独立)非执行董事|(?<!independent )non-executive\s+director)|"
                       r"(?P<executive>(?<!非)执行董事|(?<!non-)executive\s+director)", re.I)
# 成員包括各執行董事 / comprises all the executive Directors
_ALL_OF_CATEGORY = re.compile(r"(?:成员|委员)(?:包括|为|有|由)\s*(?:本公司)?(?:全体|所有|各位|各名|各)\s*(?P<cat>(?:独立)?(?:非)?执行董事)|"
                              r"\b(?:comprises|comprising|consists\s+of|composed\s+of|members\s+(?:are|include))\s+all\s+"
                              r"(?:of\s+)?(?:the\s+|our\s+)?(?P<en>(?:independent\s+)?(?:non-)?executive\s+directors?)", re.I)
# Biographies: Mr. A, aged 58, is the chairman of X and a member of Y and Z / He is also …
_PERSON_OPENS_EN = re.compile(r"\s*(?:(?:Mr|Ms|Mrs|Miss|Madam|Dr|Prof|Professor|Sir|Dame)\.?\s+)?")
_PRONOUN_EN = re.compile(r"\s*(?:He|She)\b")
_HOLDS_ROLE_EN = re.compile(r"(?:\s*,[^,.;]{0,60},)?\s+(?:is|was|has\s+been|serves\s+as|served\s+as|acts\s+as|"
                            r"(?:was|has\s+been)\s+appointed\s+(?:as\s+)?)\s*(?:also\s+)?(?:the\s+|a\s+|an\s+)?"
                            r"(?P<role>chair(?:man|woman|person)?|member|head)\s+of\s+(?:the\s+|our\s+)?$", re.I)
_AND_ROLE_EN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)(?:also\s+)?(?:(?:the|a|an)\s+)?"
                          r"(?:(?P<role>chair(?:man|woman|person)?|member|head)\s+of\s+)?(?:the\s+|our\s+)?$", re.I)
_VERB_AFTER_EN = re.compile(r"\s*,|\s+(?:is|was|has|comprises|consists|reports|oversees|meets|met)\b")
# What may stand before a body that opens a sentence: The / Our / The Group's / 本集團的
_OPENS_SENTENCE = re.compile(r"\s*(?:(?:The|Our|the|our)\s+)?(?:(?:Group|Company)(?:’s|'s)\s+)?|"
                             r"\s*(?:本公司|本集团|公司|集团)?(?:的)?\s*")
_QUALIFIES = re.compile(r"\s*的(?!\s*(?:专门|常设)?(?:委员会|小组|工作组))|(?:’s|'s)\s")
_SET_UP_BEFORE_ZH = re.compile(r"[，,]\s*(?:并|亦|也|另)?\s*(?:设有|设立|成立|组建)了?\s*(?:一个|专门的)?\s*"
                               r"(?:由[^，。；]{1,30}?的)?\s*$")
# It reports to … / …, and it reports to …: the clause's subject is the body named before
_IT_EN = re.compile(r"(?:^|[,;]\s*(?:and\s+)?|\band\s+)\s*(?:it|It)\s+(?:also\s+|directly\s+)?$")
# The Board has established the A, B and C / delegated … to the A: those sit under the Board.
_SETS_UP_EN = re.compile(r"\b(?:has\s+|have\s+)?(?:established|set\s+up|formed|delegated\b[^.;]{0,60}?\bto)"
                         r"\s+(?:the\s+|three\s+|four\s+|five\s+)?(?:(?:board\s+)?committees?\s*(?:[:,]|namely|including)?\s*(?:the\s+)?)?", re.I)

_CHAIRED_BY_ZH = re.compile(rf"由(?P<who>[^，。；]{{1,30}}?)(?:先生|女士|博士)?(?:担任|出任|任)[^，。；]{{0,12}}?(?:{_CHAIR_ZH})")
_LED_BY_ZH = re.compile(r"由(?P<who>[^，。；]{1,30}?)(?:领导|牵头|主持|带领)")
_LEADS_ZH = re.compile(r"(?P<who>[^，。；由]{1,30}?)(?:领导|牵头|主持|带领)的\s*(?:本公司|本集团|公司|集团)?\s*$")
_CHAIRED_BEFORE_ZH = re.compile(rf"由(?P<who>[^，。；由]{{1,30}}?)(?:先生|女士|博士)?\s*(?:担任|出任)(?:{_CHAIR_ZH})的\s*"
                                r"(?:本公司|本集团|公司|集团)?\s*$")
_MEMBERS_ZH = re.compile(r"\s*(?:的)?(?:其他|其余|其)?(?:成员|委员|组员)(?:分别)?(?:包括|为|有|是|：|:)\s*[：:]?")
# …，其中周明為主席: a person of the sentence named the body's chair without naming the body
_PERSON_CHAIR_ZH = re.compile(rf"\s*(?:先生|女士|博士)?\s*(?:为|是|担任|出任|任)\s*(?:该委员会|委员会|小组)?\s*(?:{_CHAIR_ZH})")
_COMPOSED_ZH = re.compile(r"(?:[（(][^）)]*[）)])?[^，。；]{0,12}?[，,]?\s*由(?P<who>[^。；]*?)(?:等)?\s*(?:共同)?组成"
                          r"(?:\s*[，,：:]\s*(?:其中\s*)?(?:分别为|分别是|包括|即|成员为|成员包括)\s*[：:]?(?P<list>[^。；]*))?")
_CHAIR_BY_ZH = re.compile(rf"\s*(?:{_CHAIR_ZH})\s*(?:一职|职务)?\s*由(?P<who>[^，。；]{{1,30}}?)(?:先生|女士|博士)?\s*(?:担任|出任)")
# X由三名獨立董事組成，主任委員由劉曉東先生擔任 / …，其主席為張三: the chair in a later clause
_LATER_CHAIR_ZH = re.compile(rf"[，,]\s*(?:其|该委员会)?(?:{_CHAIR_ZH})(?:委员)?\s*(?:一职|职务)?\s*"
                             rf"(?:由(?P<who>[^，。；]{{1,30}}?)(?:先生|女士|博士)?\s*(?:担任|出任)|(?:为|是)(?P<is>[^，。；]{{1,30}}))")
_LATER_MEMBER_ZH = re.compile(r"[，,]\s*(?P<who>[^，。；]{1,40}?)(?:先生|女士|博士)?\s*(?:担任|出任|任|为)\s*"
                              r"(?:副组长|副主任(?:委员)?|副主席|委员|成员|组员)(?!会)")
# A擔任/出任/為 [the body] 委員/主席: the verb before the body, the role after it.
_TAKES_ROLE_ZH = re.compile(r"(?:先生|女士|博士)?\s*(?:担任|出任|兼任|获委任为|获任命为|当选为?|任|为|是)\s*"
                            r"(?:本公司|本集团|公司|集团)?\s*(?:董事会)?\s*$")
_ROLE_AFTER_ZH = re.compile(rf"\s*(?:(?P<chair>(?<!副)(?:{_CHAIR_ZH}))|副主席|副主任|副组长|委员|成员|组员)(?!会)")
_OWNER_EN = r"(?:(?:[A-Z][\w&.\-]*\s+){0,4}[A-Z][\w&.\-]*(?:’s|'s)\s+)?"
_CHAIR_OF_EN = re.compile(rf"\s*,?\s*(?:the\s+|our\s+)?(?:chair|chairman|chairwoman|chairperson|head|leader)"
                          rf"\s+of\s+(?:the\s+)?{_OWNER_EN}", re.I)
# Y[ at the management level], chaired by / Y is led by / Y, which is headed by
_CHAIRED_BY_EN = re.compile(r"(?:\s*[(（][^)）]{0,30}[)）])?(?:\s+(?:at|of|under|within|in)\s+(?:the\s+)?[a-z][a-z\- ]{0,30}?)?"
                            r"(?:\s*,\s*(?:set\s+up|established|formed|created)\s+in\s+\d{4}\s*(?:,|\band\b))?"
                            r"\s*,?\s*(?:which\s+|that\s+)?(?:is\s+|was\s+)?(?:chaired|led|headed)\s+by\s+", re.I)
# The Nomination Committee is chaired by A, and the Remuneration Committee by B
_GAPPED_BY_EN = re.compile(r"\s+by\s+")
# The members of Y are …, Y comprises / consists of … (namely) …
_MEMBERS_AFTER_EN = re.compile(r"\b(?:comprises|consists\s+of|is\s+composed\s+of|is\s+made\s+up\s+of|"
                               r"(?:whose\s+|its\s+)?(?:other\s+)?members\s+(?:are|include))\b", re.I)
_MEMBERS_BEFORE_EN = re.compile(r"\bmembers\s+of\s+(?:the\s+|our\s+)?$", re.I)
_AND_CHAIRED_BY_EN = re.compile(r"(?:,\s*|\band\s+)(?:is|was)\s+(?:chaired|led|headed)\s+by\s+", re.I)
# chaired by [our Chief Executive Officer,] [Mr.] X
_APPOSITION_EN = re.compile(r"(?:(?:our|the|its|their)\s+[A-Za-z\- ]{2,50}?,\s*)?(?:(?:Mr|Ms|Mrs|Dr|Prof|Professor)\.?\s+)?")
# It is chaired by … / 該委員會由… : a sentence about the body the one before opened with
_ANAPHOR_EN = re.compile(r"\s*(?:Its?|(?:The|This)\s+(?:[Cc]ommittee|[Ww]orking\s+[Gg]roup|[Tt]eam)(?:’s|'s)?)\b")
_TO_ZH = re.compile(r"(?:向|对)\s*(?:本公司|本集团|公司|集团)?\s*$")  # X向Y匯報: Y is only addressed
# 董事會轄下的委員會 / a committee of the Board: the body only qualifies another
_MODIFIER_ZH = re.compile(r"\s*(?:辖下|属下|下属|之下|层面)?\s*(?:的|之)\s*(?:专门|常设|专责)?\s*(?:委员会|小组|工作组|机构)")
_MODIFIER_EN = re.compile(r"\b(?:a|the|one)\s+(?:sub-?)?committee\s+(?:of|under)\s+(?:the\s+)?$", re.I)
_ANAPHOR_ZH_SUBJECT = re.compile(r"\s*(?:(?:该|此|本)(?:委员会|小组|工作组)|其)")
_ARE_EN = re.compile(r"\s+(?:are|include|were)\b", re.I)
# Executive Directors: Mr. A (Chairman), Mr. B and Ms. C / 執行董事：王先生（主席）、李女士
_DIRECTOR_LIST = re.compile(r"(?:独立非执行董事|非执行董事|执行董事|独立董事|(?:Independent\s+)?(?:[Nn]on-)?[Ee]xecutive\s+"
                            r"[Dd]irectors?)\s*(?:[:：]|包括|为|are|include)\s*(?:(?:Mr|Ms|Mrs|Dr|Prof|Professor)\.?\s+)?")
_NOTE = r"\s*(?:先生|女士|博士)?\s*(?:[（(][^）)]{0,40}[）)])?"
# Ms. A, executive Director and Chief Financial Officer, and Dr. B: a title between two names
_APPOSED_EN = (r"(?:\s*,\s*(?:an?\s+|the\s+|our\s+)?[A-Za-z][A-Za-z\- ]{0,60}?\b(?i:director|officer|chairman|chairwoman|"
               r"chairperson|president|manager|secretary|controller|head|partner|founder|member|professor|adviser|advisor)s?)?")
# 執行董事A（主席）、獨立非執行董事B，以及首席財務官C: a title before the next name
_ZH_TITLE = "|".join(["首席[\u4e00-\u9fff]{1,5}?官"] + sorted((re.escape(r) for r in load_patterns("persons")["zh"]["roles"]
                                                            if not r.isascii()), key=len, reverse=True))
# …, Mr. C (Chief Financial Officer), the chief executives of the principal subsidiaries and Ms. D
_OTHER_ITEMS_EN = r"(?:\s*,\s*the\s+[^,;()]{1,80}?(?=\s*(?:,|\band\b)))*"
_PERSON_SEP = re.compile(rf"{_NOTE}{_APPOSED_EN}{_OTHER_ITEMS_EN}\s*(?:[、,，;；]\s*(?:以及|及|和|与)?|和|及|与|以及|,?\s*and)?\s*"
                         rf"(?:(?:Mr|Ms|Mrs|Dr|Prof|Professor)\.?\s+)?(?:(?:{_ZH_TITLE})(?:兼|、)?)*")
_CHAIR_NOTE = re.compile(r"\s*(?:先生|女士|博士)?\s*[（(]\s*(?:主席|董事长|主任|召集人|组长|(?i:chairman|chairwoman|chairperson|chair))\s*[）)]")
_MEMBER_OF_EN = re.compile(rf"\s*,?\s*(?:is|was|as|serves\s+as)?\s*(?:a\s+|the\s+)?members?\s+of\s+(?:the\s+)?{_OWNER_EN}",
                           re.I)


def extract(ctx) -> Iterable[Relation]:
    view = _View.of(ctx)
    edges = [r for r in _reports_to(view) if r.subject.key != r.object.key]
    yield from _has_committee(ctx, view, edges)
    yield from edges
    yield from _chairs_and_members(view)


_local = local_span
_listed = listed


# ---- reportsTo ---------------------------------------------------------------------------------


def _reports_to(view: _View) -> Iterator[Relation]:
    rules = _en_reports_to if view.en else _zh_reports_to
    last: Mention | None = None  # the last body named before this sentence, in its block
    announced: Mention | None = None  # the parent a sentence ending "… report to X:" names
    for i, sent in enumerate(view.sentences):
        if i and sent.block is not view.sentences[i - 1].block:
            last = None
        coms = _of(sent, "Committee")
        # the body "it" stands for: in English the one the sentence before opened with
        antecedent = (_subject(view, view.sentences[i - 1]) if i and last is not None else None) if view.en else last
        if len(coms) >= 2 or (coms and antecedent is not None):
            for child, parent in rules(view.text(sent), sent, coms, antecedent, _subject(view, sent)):
                yield Relation(child, "reportsTo", parent, sent.evidence())
        if announced is not None:  # …report to the Risk Committee: / the A, chaired by …; the B …
            text = view.text(sent)  # a short name in brackets (“ALCO”) is the body before it again
            yield from (Relation(c, "reportsTo", announced, sent.evidence()) for c in coms
                        if c.key != announced.key and not re.search(r"[(（]\s*[“\"「]?$", text[:_local(sent, c)[0]]))
        m = _REPORT_LIST_EN.search(view.text(sent)) if view.en and coms else None
        announced = coms[-1] if m and _local(sent, coms[-1])[0] >= m.end() else None
        last = coms[-1] if coms else last
    yield from _org_charts(view)
    yield from _lists_below(view)


def _zh_reports_to(text: str, sent: Sentence, coms: list[Mention], antecedent: Mention | None = None,
                   opener: Mention | None = None) -> Iterator[tuple[Mention, Mention]]:
    for m in _UNDER_ZH.finditer(text):  # 董事會下設審核委員會、薪酬委員會及提名委員會
        parent = _subject_before(text, sent, coms, m.start())
        if parent is None and _ANAPHOR_ZH.fullmatch(text[:m.start()]):
            parent = antecedent
        if parent is not None:
            for child in _listed(text, sent, coms, _COUNT_ZH.match(text, m.end()).end(), _ZH_SEP):
                yield child, parent
    for m in _SETS_UP_ZH.finditer(text):  # 董事會已成立ESG委員會
        before = [c for c in coms if _local(sent, c)[1] == m.start()]
        if before:
            for child in _listed(text, sent, coms, _COUNT_ZH.match(text, m.end()).end(), _ZH_SEP):
                yield child, before[-1]
    for m in _REPORT_ZH.finditer(text):  # 該工作小組向董事會及高級管理層匯報 / A、B及C均向董事會負責
        subject = _subject_before(text, sent, coms, m.start())
        if subject is None and _ANAPHOR_ZH.match(text) and not re.search(r"[。；;]", text[:m.start()]):
            subject = antecedent  # 該委員會每年…，並向董事會匯報: the body the sentence before named
        if subject is not None:
            for parent in _listed(text, sent, coms, m.start("to"), _ZH_SEP):
                if _local(sent, parent)[1] <= m.end("to"):
                    yield from ((c, parent) for c in _list_ending(text, sent, coms, subject, _ZH_SEP))
    for a, b in zip(coms, coms[1:]):  # 董事會風險管理委員會
        gap = text[_local(sent, a)[1]:_local(sent, b)[0]]
        if a.key == BOARD and (gap == "" or (gap.strip() and _BOARD_LEVEL_ZH.fullmatch(gap))):
            yield b, a


def _en_reports_to(text: str, sent: Sentence, coms: list[Mention], antecedent: Mention | None = None,
                   opener: Mention | None = None) -> Iterator[tuple[Mention, Mention]]:
    for m in _SETS_UP_EN.finditer(text):
        parent = _subject_before(text, sent, coms, m.start())
        if parent is not None:
            for child in _listed(text, sent, coms, m.end(), _EN_SEP):
                yield child, parent
    for m in _REPORT_EN.finditer(text):  # the ESG Working Group reports to the Board
        if _A_REPORT_EN.search(text, 0, m.start()):
            continue  # presents a quarterly report to the Risk Committee: a document, no reporting line
        subject = _subject_before(text, sent, coms, m.start())
        if subject is None and _IT_EN.search(text, 0, m.start()):  # …; it reports to X
            subject = opener or antecedent
        elif subject is None and _ANAPHOR_EN.match(text):  # It reports to X / It is chaired by A and reports to X
            subject = antecedent
        parents = _listed(text, sent, coms, m.end(), _EN_SEP)
        if subject is None and parents and _BODIES_EN.search(text, 0, m.start()):
            # Three specialist committees report to the Risk Committee: the A, …; the B, … and the C
            end = _local(sent, parents[-1])[1]
            if re.match(r"\s*:", text[end:]):
                yield from ((c, p) for c in coms if _local(sent, c)[0] > end for p in parents)
        if subject is not None:
            for parent in parents:
                yield from ((c, parent) for c in _list_ending(text, sent, coms, subject, _EN_SEP))
    for a, b in zip(coms, coms[1:]):
        gap = text[_local(sent, a)[1]:_local(sent, b)[0]]
        if b.key == BOARD and _UNDER_EN.fullmatch(gap):  # the Audit Committee under the Board
            yield a, b
        elif a.key == BOARD and re.fullmatch(r"(?:’s|'s)?\s*", gap):  # the Board ESG Committee
            yield b, a


def _list_ending(text: str, sent: Sentence, coms: list[Mention], last: Mention, sep: re.Pattern) -> list[Mention]:
    """The bodies listed up to ``last`` (審核委員會、薪酬委員會及提名委員會均向…: all three)."""
    out = [last]
    for c in reversed([c for c in coms if c.end <= last.start]):
        if not sep.fullmatch(text[_local(sent, c)[1]:_local(sent, out[-1])[0]]):
            break
        out.append(c)
    return out


def _subject_before(text: str, sent: Sentence, coms: list[Mention], pos: int) -> Mention | None:
    """The body that is the subject of the clause ending at ``pos``: the nearest one before,
    in the same clause or in one a comma joins with the same subject (…成立，並直接向…)."""
    # a body that only qualifies a noun (落實ESG委員會的決議) is no subject
    before = [c for c in coms if _local(sent, c)[1] <= pos and not _QUALIFIES.match(text, _local(sent, c)[1])]
    if not before:
        return None
    gap = text[_local(sent, before[-1])[1]:pos]
    if re.search(r"[。；;]", gap):
        return None
    last = re.split(r"[，,：:]", gap)[-1]
    if last != gap and last.strip() and not _SAME_SUBJECT.match(last):
        return None
    return before[-1]


def _lists_below(view: _View) -> Iterator[Relation]:
    """A sentence of the board's that ends announcing its committees (…設有四個委員會，包括：)
    and the lines under it: list items, notes under a chart the text lost (¹ 薪酬委員會的所有
    成員…) or rows of bodies. The body each line opens with is one of the board's committees."""
    boxes = [_boxes(b) for b in view.blocks]
    for i, blk in enumerate(view.blocks):
        sent = blk.sentences[-1] if blk.sentences else None
        if sent is None or not _LIST_INTRO.search(view.text(sent)):
            continue
        board = [c for c in _of(sent, "Committee") if c.key == BOARD]
        if not board:
            continue
        for j in range(i + 1, min(i + 12, len(view.blocks))):
            below = view.blocks[j]
            coms = [c for c in below.of("Committee") if c.key != BOARD]
            if boxes[j]:
                children = coms
            elif _LIST_ITEM.match(below.block.text) and below.block.kind != "heading":
                children = coms[:1] if coms and coms[0].start - below.block.start <= 6 else []
            else:
                break
            ev = below.sentences[0].evidence()
            yield from (Relation(c, "reportsTo", board[-1], ev) for c in children)


def _boxes(blk: _Block) -> list[Mention]:
    """The bodies of a block that holds nothing else (an org-chart box, or a row of boxes)."""
    coms = blk.of("Committee")
    text, base = blk.block.text, blk.block.start
    rest, pos = [], 0
    for m in coms:
        rest.append(text[pos:m.start - base])
        pos = m.end - base
    rest.append(text[pos:])
    return coms if coms and re.fullmatch(r"[\s:：、,]*", "".join(rest)) else []


def _org_charts(view: _View) -> Iterator[Relation]:
    """A body alone on a line with no box above it, then lines holding only bodies, up to the
    first row of two or more: those sit under it (董事會 / 審核委員會 薪酬委員會 提名委員會).
    The rows below that belong to boxes of the row above, which a flattened chart no longer
    tells apart."""
    boxes = [_boxes(b) for b in view.blocks]
    for i, top in enumerate(boxes):
        if len(top) != 1 or (i and boxes[i - 1]):
            continue
        below: list[list[Mention]] = []
        for row in boxes[i + 1:]:
            if not row or (below and len(below[-1]) >= 2):
                break  # rows under the first full row sit under one of its boxes: which is lost
            below.append(row)
        if below and max(len(r) for r in below) >= 2:
            ev = view.blocks[i].sentences[0].evidence()
            yield from (Relation(child, "reportsTo", top[0], ev) for row in below for child in row)


# ---- hasCommittee ------------------------------------------------------------------------------


def _owner(text: str, sent: Sentence, com: Mention, owners: list[Mention], en: bool) -> Mention | None:
    """A company or organisation named as the body's owner: right before it (with 的/之/'s),
    or after it (Committee of X)."""
    s, e = _local(sent, com)
    for c in owners:
        cs, ce = _local(sent, c)
        if ce <= s and (re.fullmatch(r"\s*(?:的|之|’s|'s)?\s*", text[ce:s]) or _SETS_UP_OWN.fullmatch(text[ce:s])):
            return c
        if en and cs >= e and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[e:cs]):
            return c
        if en and ce <= s and re.fullmatch(r"\s*,\s*(?:the|its)\s+", text[ce:s]) \
                and re.fullmatch(r"\s*(?:At|In|Within)\s+(?:the\s+)?", text[:cs]):  # At Evermount Life, the X
            return c
    # 瀾庭餐飲的中央廚房已取得…認證，並設有由行政總廚擔任組長的X: the company the sentence opens with
    first = owners[0] if owners else None
    if not en and first is not None and not text[:_local(sent, first)[0]].strip() and _SET_UP_BEFORE_ZH.search(text[:s]) \
            and not any(_local(sent, o)[0] > _local(sent, first)[0] and _local(sent, o)[1] <= s for o in owners):
        return first
    return None


def _has_committee(ctx, view: _View, edges: list[Relation]) -> Iterator[Relation]:
    reporter: Mention | None = ctx.reporter
    if reporter is None:
        return
    others: dict[str, Mention] = {}  # committee key -> the other company (or organisation) that owns it
    first: dict[str, tuple[Mention, Sentence]] = {}
    named = {}  # the other companies' names, for bodies named after one (廣東明泓理工學院理事會)
    for m in ctx.mentions:
        if m.type == "Company" and len(m.text) >= (6 if view.en else 3) and not _is_reporter(ctx, m):
            named.setdefault(match_key(m.text), m)
    for sent in view.sentences:
        owners = sorted(_of(sent, "Company") + _of(sent, "Organization"), key=lambda m: m.start)
        for c in _of(sent, "Committee"):
            first.setdefault(c.key, (c, sent))
            owner = _owner(view.text(sent), sent, c, owners, view.en) or _named_after(c, named)
            # a standard body (board, audit committee) every company has: no key-wide owner
            if owner is not None and not _is_reporter(ctx, owner) and c.key not in _standard_keys():
                others.setdefault(c.key, owner)
    changed = True
    while changed:  # bodies under another company's body are that company's
        changed = False
        for r in edges:
            if r.object.key in others and r.subject.key not in others:
                others[r.subject.key] = others[r.object.key]
                changed = True
    # other companies' first: kg gives a key's later mentions the last owner it sees; an
    # organisation's body (a society's committee) is no company's
    for key, (c, sent) in sorted(first.items(), key=lambda kv: kv[0] not in others):
        owner = others.get(key, reporter)
        if owner.type == "Company":
            yield Relation(owner, "hasCommittee", c, sent.evidence())


def _named_after(com: Mention, companies: dict[str, Mention]) -> Mention | None:
    """The company whose name a body's name opens with (廣東明泓理工學院理事會)."""
    k = match_key(com.text)
    return next((m for n, m in companies.items() if k.startswith(n) and len(k) > len(n)), None)


def _is_reporter(ctx, company: Mention) -> bool:
    """The reporter by key, by a name report.py knows, or as the start of its legal name
    (阿里巴巴集團 for 阿里巴巴集團控股有限公司)."""
    pub = ctx.reporter
    if company.key == pub.key or any(is_reporter_reference(ctx, n) for n in (company.text, *company.aliases)):
        return True
    k = match_key(company.text)
    return len(k) >= 4 and any(match_key(n).startswith(k) for n in (pub.text, pub.label or "", *pub.aliases))


# ---- chairedBy / memberOf ------------------------------------------------------------------------


def _chairs_and_members(view: _View) -> Iterator[Relation]:
    board = [m for b in view.blocks for m in b.of("Committee") if m.key == BOARD]
    rows = _director_rows(view)
    holders = _role_holders(view, rows)
    by_key = view.first_of_key()
    stated: set[str] = set()  # bodies whose chair the report states (even by an unknown holder)
    titles: dict[int, tuple[Mention, str]] = {}  # id(person) -> (person, titles) from table rows
    for r in _composition_tables(view, board, by_key, titles):
        if r.predicate == "chairedBy":
            stated.add(r.subject.key)
        yield r
    for row, person in rows:
        if id(person) in titles:
            continue
        text = _row_text(view, row)
        titles[id(person)] = (person, _row_titles(text, _row_bodies(text, row, view.en)))
        for r in _row_facts(view, row, person, board, by_key):
            if r.predicate == "chairedBy":
                stated.add(r.subject.key)
            yield r
    yield from _name_lists(view, board)
    yield from _director_lists(view, board)
    led: list[tuple[Relation, str]] = []
    prev: Sentence | None = None
    topic: Mention | None = None  # the body the last sentence was about (named or "It")
    for sent in view.sentences:
        coms = _of(sent, "Committee")
        same = prev is not None and prev.block is sent.block
        antecedent = topic if same else None
        anaphor = (_ANAPHOR_EN if view.en else _ANAPHOR_ZH_SUBJECT).match(view.text(sent))
        topic = _subject(view, sent) or (antecedent if anaphor else None)
        for r, body, weak in _sentence_roles(view, sent, coms, _of(sent, "Person"), holders, stated, antecedent):
            if weak:
                led.append((r, body))
            else:
                yield r
        if view.en and coms:
            for r in _person_holds_roles(sent, coms, _person_subject(prev) if same else None):
                if r.predicate == "chairedBy":
                    stated.add(r.subject.key)
                yield r
        prev = sent
    # a body led by someone (由CEO直接領導) is chaired by them unless its chair is stated
    yield from (r for r, body in led if body not in stated)
    yield from _category_members(view, titles)


def _director_category(titles: str) -> str | None:
    """independent / non-executive / executive, from a director's titles."""
    m = _CATEGORY.search(titles)
    return None if m is None else next(k for k, v in m.groupdict().items() if v)


def _category_members(view: _View, titles: dict[int, tuple[Mention, str]]) -> Iterator[Relation]:
    """成員包括各執行董事 / comprises all the executive Directors: every director the report's
    tables give that title is a member of the body the sentence is about."""
    by_category: dict[str, dict[str, Mention]] = {}
    for person, t in titles.values():
        cat = _director_category(t)
        if cat:
            by_category.setdefault(cat, {}).setdefault(person.key, person)
    if not by_category:
        return
    for sent in view.sentences:
        text = view.text(sent)
        for m in _ALL_OF_CATEGORY.finditer(text):
            coms = [c for c in _of(sent, "Committee") if _local(sent, c)[1] <= m.start()]
            cat = _director_category(m.group("cat") or m.group("en"))
            if not coms or re.search(r"[。；;]", text[_local(sent, coms[-1])[1]:m.start()]):
                continue
            body = _subject(view, sent) or coms[-1]
            for p in by_category.get(cat, {}).values():
                yield Relation(p, "memberOf", body, sent.evidence())


def _subject(view: _View, sent: Sentence) -> Mention | None:
    """The body a sentence opens with (The ESG Committee is …), which a next sentence's
    "It" / 該委員會 refers to."""
    coms = _of(sent, "Committee")
    text = view.text(sent)
    if view.en:  # "The X is …", maybe after lines the layout ran into the sentence (a heading)
        inner = [c for c in coms if re.search(r"(?:^|\s)The\s+$", text[:_local(sent, c)[0]])
                 and _VERB_AFTER_EN.match(text, _local(sent, c)[1])]
        if inner:
            return inner[-1]
    if coms and _OPENS_SENTENCE.fullmatch(text[:_local(sent, coms[0])[0]]):
        return coms[0]
    return None


def _director_lists(view: _View, board: list[Mention]) -> Iterator[Relation]:
    """Persons listed after a director title are board members; (主席)/(Chairman) after one
    marks the board's chair."""
    for sent in view.sentences:
        persons = _of(sent, "Person")
        if not persons:
            continue
        text = view.text(sent)
        for m in _DIRECTOR_LIST.finditer(text):
            listed = _listed(text, sent, persons, m.end(), _PERSON_SEP)
            b = _nearest_board(board, sent.start + m.start())
            if b is None:
                continue
            for p in listed:
                ev = p.evidence
                yield Relation(p, "memberOf", b, ev)
                if _CHAIR_NOTE.match(text, _local(sent, p)[1]):
                    yield Relation(b, "chairedBy", p, ev)


def _bare_names(blk: _Block) -> bool:
    """A line holding nothing but person names (and notes in brackets)."""
    text, base = blk.block.text, blk.block.start
    persons = blk.of("Person")
    for m in reversed(persons):
        text = text[:m.start - base] + text[m.end - base:]
    rest = re.sub(r"[（(][^）)]*[）)]|\b(?:Mr|Ms|Mrs|Miss|Dr|Prof|Professor)\b\.?|先生|女士|博士", "", text)
    return bool(persons) and not rest.strip(" \t,，、")


def _name_lists(view: _View, board: list[Mention]) -> Iterator[Relation]:
    bare = [_bare_names(b) for b in view.blocks]
    for i, blk in enumerate(view.blocks):
        if not bare[i]:
            continue
        persons = blk.of("Person")
        b = _nearest_board(board, persons[0].start)
        if b is None:
            continue
        ev = blk.sentences[0].evidence()
        lo, hi = max(0, i - 12), i + 40
        column = sum(bare[lo:hi]) >= 3
        if column and _DIRECTOR.search(" ".join(w.text(view.en) for w in view.blocks[lo:hi])):
            yield from (Relation(p, "memberOf", b, ev) for p in persons)
        elif len(persons) == 1 and (title := _signed_as_chair(view, i)):
            yield Relation(b, "chairedBy", persons[0], ev)
            if _CHAIR_OF_BOARD.search(title):  # 董事會主席 names the seat; 阿里健康主席 the company
                yield Relation(persons[0], "memberOf", b, ev)


def _signed_as_chair(view: _View, i: int) -> str:
    """The chairman's title a name is signed under (maybe wrapped: 董事會主席 / 兼首席執行官),
    or over (a line that is just that title)."""
    before = view.blocks[i - 1].text(view.en).rstrip() if i else ""
    if i >= 2 and len(before) <= 20 and view.blocks[i - 2].block.kind != "heading":
        before = view.blocks[i - 2].text(view.en).rstrip() + before
    after = view.blocks[i + 1].text(view.en).strip() if i + 1 < len(view.blocks) else ""
    if _BOARD_CHAIR.search(before[-12:]):
        return before[-40:]
    return after if len(after) <= 30 and _BOARD_CHAIR.match(after) else ""


@lru_cache(maxsize=1)
def _executive_roles() -> dict[str, re.Pattern]:
    roles = load_patterns("persons")["executive_roles"]
    return {r: re.compile("|".join(rf"\b{re.escape(w)}\b" if w.isascii() else re.escape(w) for w in ws))
            for r, ws in roles.items()}


def _role_holders(view: _View, rows: list[tuple[list[_Block], Mention]]) -> dict[str, Mention]:
    """Executive role -> the one person the report names with it: in a director row, right
    after the role in a sentence (首席技術官程立), or under it (a signed letter)."""
    seen: dict[str, dict[str, Mention]] = {}

    def note(text: str, p: Mention) -> None:
        for role, rx in _executive_roles().items():
            if rx.search(text):
                seen.setdefault(role, {})[p.key] = p

    for row, p in rows:
        bodies = _row_bodies(_row_text(view, row), row, view.en)
        note(_row_titles(_row_text(view, row), bodies), p)
    for i, blk in enumerate(view.blocks):
        for sent in blk.sentences:
            text = view.text(sent)
            for p in _of(sent, "Person"):
                s, e = _local(sent, p)
                if view.en:  # our Chief Executive Officer, Mr. X / Mr. X, our Chief Executive Officer
                    before = re.sub(r"\s*,?\s*\b(?:Mr|Ms|Mrs|Dr|Prof)\.?\s*$", "", text[max(0, s - 50):s])
                    note(re.sub(r".*[.;,(]", "", before), p)
                    after = re.match(r"\s*,\s*[^,.;()]{0,50}", text[e:])
                    if after:
                        note(after.group(), p)
                    continue
                note(re.sub(r".*[，。；,;]", "", text[max(0, s - 16):s]).rstrip()[-12:], p)
                if s == 0 and i:
                    note(view.blocks[i - 1].text(view.en).rstrip()[-16:], p)
                if _bare_names(blk) and i + 1 < len(view.blocks) and len(view.blocks[i + 1].block.text) <= 30:
                    note(view.blocks[i + 1].text(view.en), p)
    return {r: next(iter(ps.values())) for r, ps in seen.items() if len(ps) == 1}


def _person_subject(sent: Sentence) -> Mention | None:
    """The person an English sentence opens with (Mr. WANG Jianguo, aged 58, is …), whom the
    next sentence's He / She means."""
    persons = _of(sent, "Person")
    if persons and _PERSON_OPENS_EN.fullmatch(sent.text[:_local(sent, persons[0])[0]]):
        return persons[0]
    return None


def _person_holds_roles(sent: Sentence, coms: list[Mention], antecedent: Mention | None) -> Iterator[Relation]:
    """A person's seats as a biography states them: Mr. A, aged 58, is the chairman of X and
    a member of Y and Z / He is also the chairman of X / Ms. B serves as the chairman of X.
    A chair sits on the body too."""
    text, ev = sent.text, sent.evidence()
    who = _person_subject(sent)
    if who is not None:
        end = _local(sent, who)[1]
    elif antecedent is not None and (m := _PRONOUN_EN.match(text)):
        who, end = antecedent, m.end()
    else:
        return
    role, rx = None, _HOLDS_ROLE_EN
    for c in coms:
        s, e = _local(sent, c)
        if s < end:
            continue
        m = rx.match(text, end, s)
        if m is None or any(end <= _local(sent, p)[0] < s for p in _of(sent, "Person")):
            return
        role = (m.group("role") or role or "").lower()
        if not role.startswith("member"):
            yield Relation(c, "chairedBy", who, ev)
        yield Relation(who, "memberOf", c, ev)
        rx, end = _AND_ROLE_EN, e


def _sentence_roles(view: _View, sent: Sentence, coms: list[Mention], persons: list[Mention],
                    holders: dict[str, Mention], stated: set[str],
                    antecedent: Mention | None = None) -> Iterator[tuple[Relation, str, bool]]:
    """Chairs and members a sentence names, each with the body it is about and whether it is
    only "led by" (weak). Bodies whose chair the sentence states are added to ``stated``.

    A sentence that names no body but opens with "It" / 該委員會 is about ``antecedent``.
    A body the sentence says is chaired or led by a person it names (X is chaired by Mr. A,
    X由A擔任主席) has that person as a member too; a chair given as a person's title (Mr. A,
    chair of X; X主席A) or through an executive role named elsewhere says nothing of the
    composition."""
    rules = _en_roles if view.en else _zh_roles
    text = view.text(sent)
    people = [(p, *_local(sent, p)) for p in persons]
    named = {id(p) for p in persons}
    topics: list[tuple[Mention, tuple[int, int] | None]] = []
    opener = _subject(view, sent)
    for c in coms:
        cs, ce = _local(sent, c)
        m = _MODIFIER_ZH.match(text, ce) if not view.en else None
        addressed = not view.en and _TO_ZH.search(text[:cs])
        if opener is not None and c is not opener and (m or addressed or (view.en and _MODIFIER_EN.search(text[:cs]))):
            # ESG委員會…，為董事會轄下的委員會，由A擔任主席 / X向Y匯報，由A帶領: about the opener
            topics.append((opener, (cs, m.end() if m else ce)))
        else:
            topics.append((c, None))
    anaphor = (_ANAPHOR_EN if view.en else _ANAPHOR_ZH_SUBJECT).match(text)
    if persons and antecedent is not None and anaphor and (not coms or _local(sent, coms[0])[0] >= anaphor.end()):
        topics.insert(0, (antecedent, anaphor.span()))  # It is chaired by A and reports to the Board
    for c, at in topics:
        for r, how in rules(text, sent, c, coms, people, holders, at):
            if how == "stated" or (r.predicate == "chairedBy" and how != "led"):
                stated.add(c.key)
            if r is None:
                continue
            yield r, c.key, how == "led"
            if r.predicate == "chairedBy" and how in ("chair", "led") and id(r.object) in named:
                yield Relation(r.object, "memberOf", c, r.evidence), c.key, how == "led"


def _en_roles(text: str, sent: Sentence, c: Mention, coms: list[Mention], people: list,
              holders: dict[str, Mention], at: tuple[int, int] | None = None) -> Iterator[tuple[Relation | None, str]]:
    s, e = at or _local(sent, c)
    ev = sent.evidence()
    for p, ps, pe in people:
        if pe <= s and _CHAIR_OF_EN.fullmatch(text[pe:s]):  # Mr. X, chair of Y
            yield Relation(c, "chairedBy", p, ev), "title"
        elif pe <= s and _MEMBER_OF_EN.fullmatch(text[pe:s]):  # X is a member of Y
            yield Relation(p, "memberOf", c, ev), "member"
    nxt_com = next((_local(sent, x)[0] for x in coms if _local(sent, x)[0] >= e), len(text))
    m = _CHAIRED_BY_EN.match(text, e)  # Y, chaired by (our CEO,) Mr. X
    if not m and re.fullmatch(r"\s*(?:The|Our|Its|the|our)?\s*", text[:s]):
        m = _AND_CHAIRED_BY_EN.search(text, e)  # Y reports to the Board and is chaired by X
    verb = m.group() if m else ""
    if not m and re.search(r"\band\s+(?:the\s+)?$", text[:s]):  # X is chaired by A, and the Y by B
        earlier = list(re.finditer(r"\b(?:chaired|led|headed)\s+by\b", text[:s], re.I))
        m = _GAPPED_BY_EN.match(text, e) if earlier else None
        verb = earlier[-1].group() if m else ""
    if m:
        how = "chair" if re.search(r"chaired", verb, re.I) else "led"
        nxt = next(((p, ps) for p, ps, _ in people if ps >= m.end()), None)
        if nxt and _APPOSITION_EN.fullmatch(text[m.end():nxt[1]]):
            yield Relation(c, "chairedBy", nxt[0], ev), how
        else:  # chaired by our Chief Executive Officer: the role's one holder
            who = re.match(r"[^,.;()]*", text[m.end():]).group()
            yield from ((r, how) for r in _chair_named(c, who, m.end(), [], holders, ev))
    # The members of Y are A, B and C / Y comprises three directors, namely A (Chairman), B …
    m = _MEMBERS_AFTER_EN.search(text, e, nxt_com)
    if m or (_MEMBERS_BEFORE_EN.search(text[:s]) and (m := _ARE_EN.match(text, e))):
        first = next(((p, ps) for p, ps, _ in people if ps >= m.end()), None)
        if first and first[1] < nxt_com:
            yield from _member_list(text, sent, c, [p for p, _, _ in people], first[1], _PERSON_SEP, ev)


def _zh_roles(text: str, sent: Sentence, c: Mention, coms: list[Mention], people: list,
              holders: dict[str, Mention], at: tuple[int, int] | None = None) -> Iterator[tuple[Relation | None, str]]:
    s, e = at or _local(sent, c)
    ev = sent.evidence()
    m = _CHAIR_BY_ZH.match(text, e)  # 提名委員會主席由董事會主席周建國先生擔任
    if m:
        inside = [p for p, ps, pe in people if m.start("who") <= ps and pe <= m.end("who")]
        if inside:
            yield Relation(c, "chairedBy", inside[-1], ev), "chair"
        else:
            yield from ((r, "chair") for r in _chair_named(c, m.group("who"), m.start("who"), people, holders, ev))
        yield None, "stated"
    m = _CHAIR_AFTER.match(text, e)  # 審計委員會主席陳興垚 / 主席為獨立非執行董事張三
    if m and not _CHAIR_BY_ZH.match(text, e):
        nxt = next(((p, ps) for p, ps, _ in people if ps >= m.end()), None)
        gap = text[m.end():nxt[1]] if nxt else ""
        if nxt and re.fullmatch(r"\s*(?:为|是|：|:|由)?[^，。；、,;]{0,12}", gap) \
                and not any(m.end() <= _local(sent, x)[0] < nxt[1] for x in coms):
            # 主席為張三 states the chair; 審計委員會主席陳興垚 is his title
            yield Relation(c, "chairedBy", nxt[0], ev), "chair" if re.match(r"\s*(?:为|是|：|:)", gap) else "title"
    nxt_com = next((_local(sent, x)[0] for x in coms if _local(sent, x)[0] >= e), len(text))
    after = text[e:nxt_com]
    m = _LATER_CHAIR_ZH.search(after)
    if m and not _CHAIR_BY_ZH.match(text, e):
        part = "who" if m.group("who") else "is"
        yield from ((r, "chair") for r in _chair_named(c, m.group(part), e + m.start(part), people, holders, ev))
        yield None, "stated"
    for m in _LATER_MEMBER_ZH.finditer(after):  # …，總經理李明任副組長 / A和B擔任委員
        for p in _named(m.group("who"), e + m.start("who"), people, holders):
            yield Relation(p, "memberOf", c, ev), "member"
    lead = re.match(r"(?:[（(][^）)]*[）)])?[^，。；]{0,12}?[，,]?\s*(?=由)", after)
    if lead:  # X由Y擔任主席 / X，由Y領導
        m = _CHAIRED_BY_ZH.match(after, lead.end())
        how = "chair" if m else "led"
        m = m or _LED_BY_ZH.match(after, lead.end())
        if m and not re.search(r"委员会|小组", m.group("who")):
            yield from ((r, how) for r in _chair_named(c, m.group("who"), e + m.start("who"), people, holders, ev))
    m = _LEADS_ZH.search(text[:s])  # 首席執行官領導的風險管理委員會
    if m:
        yield from ((r, "led") for r in _chair_named(c, m.group("who"), m.start("who"), people, holders, ev))
    m = _CHAIRED_BEFORE_ZH.search(text[:s])  # 由首席風險官林子健先生擔任主席的風險管理委員會
    if m:
        yield from ((r, "chair") for r in _chair_named(c, m.group("who"), m.start("who"), people, holders, ev))
        yield None, "stated"
    m = _MEMBERS_ZH.search(text, e, nxt_com)  # X…，成員包括A及B
    if m and (m.start() == e or re.match(r"[，,]", text[m.start() - 1:m.start()])):
        for p, ps, pe in people:
            if m.end() <= ps < nxt_com:
                yield Relation(p, "memberOf", c, ev), "member"
                if _CHAIR_NOTE.match(text, pe):
                    yield Relation(c, "chairedBy", p, ev), "chair"
    for p, ps, pe in people:
        if e <= ps < nxt_com and _PERSON_CHAIR_ZH.match(text, pe):
            yield Relation(c, "chairedBy", p, ev), "chair"
    m = _COMPOSED_ZH.match(after)  # X由A、B及C組成 / X由三名董事組成，分別為A（主席）、B及C
    if m:
        for part in ("who", "list"):
            if m.group(part):
                a, b = e + m.start(part), e + m.end(part)
                first = next((ps for _, ps, _ in people if a <= ps < b), None)
                if first is not None:
                    yield from _member_list(text, sent, c, [p for p, _, _ in people], first, _PERSON_SEP, ev)
    # A擔任X委員 / 由首席風險官出任X主席 / A為X及Y成員 (the verb before the list, the role after it)
    chain = _chain(text, sent, coms, c) if at is None else []
    m = _TAKES_ROLE_ZH.search(text[:_local(sent, chain[0])[0] if chain else s])
    r = _ROLE_AFTER_ZH.match(text, _local(sent, chain[-1])[1] if chain else e)
    if m and r:
        clause_start = max(text.rfind(x, 0, m.start()) for x in "，。；：:,;") + 1
        named = _named(text[clause_start:m.start()], clause_start, people, holders)
        if not named:  # 王小明先生，執行董事兼行政總裁，擔任…: the sentence's subject
            named = [p for p, ps, _ in people if ps < clause_start][:1]
        chair = r.group("chair") is not None
        for p in named:
            yield (Relation(c, "chairedBy", p, ev), "chair") if chair else (Relation(p, "memberOf", c, ev), "member")
        if chair:
            yield None, "stated"  # the chair is stated, whoever holds it


def _chain(text: str, sent: Sentence, coms: list[Mention], c: Mention) -> list[Mention]:
    """The bodies listed together with ``c`` (審核委員會及薪酬委員會), in order."""
    i = next(k for k, x in enumerate(coms) if x is c)
    lo = hi = i
    while lo and _ZH_LIST_SEP.fullmatch(text[_local(sent, coms[lo - 1])[1]:_local(sent, coms[lo])[0]]):
        lo -= 1
    while hi + 1 < len(coms) and _ZH_LIST_SEP.fullmatch(text[_local(sent, coms[hi])[1]:_local(sent, coms[hi + 1])[0]]):
        hi += 1
    return coms[lo:hi + 1]


def _member_list(text: str, sent: Sentence, c: Mention, persons: list[Mention], start: int,
                 sep: re.Pattern, ev: Evidence) -> Iterator[tuple[Relation, str]]:
    """The persons listed from ``start`` are members of ``c``; one marked (主席)/(Chairman) chairs it."""
    for p in _listed(text, sent, persons, start, sep):
        yield Relation(p, "memberOf", c, ev), "member"
        if _CHAIR_NOTE.match(text, _local(sent, p)[1]):
            yield Relation(c, "chairedBy", p, ev), "chair"


def _named(who: str, at: int, people: list, holders: dict[str, Mention]) -> list[Mention]:
    """The persons ``who`` (the text at ``at``) names: person mentions in it, and the one
    holder of each executive role it names (首席財務官、首席技術官…出任)."""
    out = {p.key: p for p, ps, pe in people if at <= ps and pe <= at + len(who)}
    for role, rx in _executive_roles().items():
        if rx.search(who) and role in holders:
            out.setdefault(holders[role].key, holders[role])
    return list(out.values())


def _chair_named(com: Mention, who: str, at: int, people: list, holders: dict[str, Mention],
                 ev: Evidence) -> Iterator[Relation]:
    """The chair ``who`` (the text at ``at``) names: a person mention in it, else an
    executive role whose one holder the report names."""
    inside = [p for p, ps, pe in people if at <= ps and pe <= at + len(who)]
    if inside:
        yield Relation(com, "chairedBy", inside[-1], ev)
        return
    for role, rx in _executive_roles().items():
        if rx.search(who) and role in holders:
            yield Relation(com, "chairedBy", holders[role], ev)
            return
