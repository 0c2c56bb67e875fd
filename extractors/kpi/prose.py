"""Figures in sentences: a number with a unit, named by the clause before it."""
from __future__ import annotations

import re

import jieba.posseg
from dataclasses import dataclass

from ..model import Evidence, Observation
from ..normalise import language_of
from .patterns import CJK, LATIN_WORD, NUM, fold, patterns
from .numbers import parse_number
from .lines import looks_like_year
from .periods import figure_period, sentence_years


_ZH_CLAUSE = re.compile(r"[，。；！？：;!?:\n]|,(?!\d{3})")
_EN_CLAUSE = re.compile(r"[;:!?](?=\s|$)|[,.](?=\s|$)|\(|\)")
_STOP = {"the", "and", "our", "its", "their", "was", "were", "with", "for", "from", "that", "this",
         "which", "whom", "had", "has", "have", "more", "than", "total", "over", "about", "during"}


def _trim(text: str, start: int, end: int, rules) -> tuple[int, int]:
    """Narrow [start, end) of ``text`` by trimming lead/tail rule matches until none applies."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start].isspace():
            start += 1
        for rx in rules:
            seg = text[start:end]
            m = rx.search(seg)
            if m and m.group() and (m.start() == 0 or m.end() == len(seg)):
                if m.start() == 0:
                    start += m.end()
                else:
                    end = start + m.start()
                changed = True
    while start < end and text[start] in " 　、的和及与":
        start += 1
    while end > start and text[end - 1] in " 　、":
        end -= 1
    return start, end


@dataclass
class _Figure:
    unit: str
    name_end: int  # where the words naming the figure end (before 萬分之 or the number)
    end: int  # end of number and unit
    metric: str = ""  # set when the phrase itself names the figure ("the number of X was N")
    counted: bool = False  # English: a counted noun follows the number ("600 ... workers")


def _clause_start(f: str, pos: int, delimiters: re.Pattern, after_figures: bool = True) -> int:
    """Start of the clause that ends at ``pos``: after the last delimiter, and after any
    earlier figure in it ("員工參與培訓共3,200人次" names only its own figure)."""
    start = 0
    for m in delimiters.finditer(f, 0, pos):
        start = m.end()
    if after_figures:
        cut = start
        for m in re.finditer(NUM, f[start:pos]):
            end = start + m.end()
            um = patterns().prose_unit.match(f[end:pos])
            if um:
                cut = end + um.end()
        start = cut
    return start


# a number not glued to a word, a code or a range; a currency code may stand right before it (RMB8.46)
_PROSE_NUMBER = re.compile(rf"(?:(?<![A-Za-z0-9_./*×\-~～#])|(?<=RMB)|(?<=HKD)|(?<=USD)|(?<=CNY)|(?<=MOP))"
                           rf"({NUM})(?![\d.,]\d|[\-~～]\d|[A-Za-z])")


def _not_a_figure(f: str, a: int, b: int) -> bool:
    """Numbers of a sentence that are no figure: ordinals (第5份), dates and ages (2022年,
    3月, 50歲), ranges and their bounds (30-50, < 35), section numbers ("3.2 人才發展")."""
    before, after = f[:a], f[b:]
    return bool(
        before.endswith("第")
        or patterns().numbered_words.search(before) or patterns().standard.search(before)
        or re.match(r"\s?(?:年|月|日|号|岁|周岁|届|期)", after)
        or re.search(r"(?:[\-~～]|(?<![降升增减提达直延扩缩跌涨回低高加少长])[至到]|\d\s?[\-~～])\s?$", before)
        or re.search(r"[<>≤≥＜＞]\s?$", before)
        or (a == 0 and re.fullmatch(r"\d{1,2}(?:\.\d{1,2})*", f[a:b]) and re.match(r"\s+[\u4e00-\u9fffA-Z]", after))
    )


# a lower-case plural or an acronym's (318 SMEs, 12 NGOs)
_PLURAL = re.compile(r"^\s(?:[a-z][a-z\-]+\s)?([a-z][a-z\-]{2,}(?<![siu])s|[A-Z]{2,}s)(?![A-Za-z\-])")


def _plural_noun(rest: str) -> re.Match | None:
    """A plural noun right after the number, perhaps behind one modifier ("318 parameters",
    "43 bird species"): what is counted, unless it is a span of time or a part of the
    document (years, chapters)."""
    m = _PLURAL.match(rest)
    if m and m.group(1).lower() not in patterns().uncounted:
        return m
    return None



_CLAUSE_END = re.compile(r"[，。；！？;!?]|,(?!\d{3})|\.(?=\s|$)")
_PERCENT = ("%", "％", "个百分点", "百分点", "percent", "per cent", "percentage points")


def _change(f: str, text: str, end: int, fig) -> str:
    """The change verb trimmed off before a percentage ("排放強度已下降約24%", "fell by 15%"):
    the figure is a change of the metric, not its level, so its name keeps the verb."""
    if fold(fig.unit).lower() not in _PERCENT:
        return ""
    m = patterns().change_verb.search(f, end, fig.name_end)
    return text[m.start():m.end()] if m else ""


def _nameless(metric: str) -> bool:
    """A clause between two figures that names nothing of its own ("降至2023年的", "to")."""
    rest = patterns().link_words.sub(" ", fold(metric))
    return not (len(CJK.findall(rest)) >= 2 or re.search(r"[A-Za-z]{3,}", rest))


def _leading_nouns(seg: str) -> int:
    """Length of the run of nouns (by jieba's tags) that opens ``seg``, if at least two CJK
    characters long and the run is followed by more words (a verb): what a counter counts."""
    n = 0
    for w, tag in jieba.posseg.lcut(seg[:16]):
        if not tag.startswith("n") or not CJK.match(w):
            break
        n += len(w)
    return n if n >= 2 else 0


def _content(words) -> list[str]:
    return [w for w in words if len(w) >= 3 and w.isalpha() and w.lower() not in _STOP]


class ProseReader:
    def __init__(self, ctx, consumed: set[int], default_period: str):
        self.ctx = ctx
        self.consumed = consumed
        self.default_period = default_period
        self.lang = ctx.document.language

    def read(self) -> list[Observation]:
        out: list[Observation] = []
        sents = self.ctx.sentences
        for k, s in enumerate(sents):
            nxt = sents[k + 1].text if k + 1 < len(sents) else ""
            out.extend(self._sentence(s, nxt))
        return out

    def _sentence(self, s, next_text: str) -> list[Observation]:
        text = s.text
        f = fold(text)
        if not re.search(r"\d", f):
            return []
        years = sentence_years(f)
        out = []
        taken_until = 0
        for m in _PROSE_NUMBER.finditer(f):
            a, b = m.span(1)
            value = parse_number(m.group(1))
            if a < taken_until or value is None or _not_a_figure(f, a, b):
                continue
            fig = self._unit(f, text, a, b, next_text)
            if fig is None or self.ctx.document.line_at(s.start + a) in self.consumed:
                continue
            if looks_like_year(value) and not fig.unit:
                continue
            if out and not _CLAUSE_END.search(f, taken_until, a) and _nameless(text[taken_until:fig.name_end]):
                metric = out[-1].metric  # "由12.9%降至11.6%", "from 12.9% to 11.6%": the same metric
            else:
                metric = fig.metric or self._metric(s, f, text, fig)
            if not metric:
                continue
            taken_until = fig.end
            out.append(
                Observation(metric, value, fig.unit,
                            figure_period(years, f, text, a, fig.end, self.lang, self.default_period),
                            language_of(metric, self.lang),
                            Evidence(text.strip(), s.line))
            )
        return out

    def _unit(self, f: str, text: str, a: int, b: int, next_text: str) -> _Figure | None:
        """The unit of the number at [a, b), or None when it has none (then it is no figure)."""
        p = patterns()
        m = p.unit_prefix.search(f[:a])
        if m:
            return _Figure(text[m.start(1):m.end(1)], m.start(1), b)
        after = f[b:]
        m = p.currency_before.search(f[:a])
        if m:  # "RMB8.46 million", "HK$ 3.2 billion": the currency, and the scale after the number
            sm = p.scale_after.match(after)
            unit = text[m.start(1):m.end(1)] + (" " + sm.group(1) if sm else "")
            return _Figure(unit, m.start(1), b + (sm.end() if sm else 0))
        if not after.strip() and next_text:  # "時長為 26.83" + "小時。" on the next line
            nf = fold(next_text)
            um = p.prose_unit.match(nf)
            if um and um.start(1) <= 1 and not re.match(r"[A-Za-z]", nf[um.end():um.end() + 1]):
                return _Figure(next_text[um.start(1):um.end(1)].strip(), a, b)
        um = p.prose_unit.match(after)
        if um:
            unit = text[b + um.start(1):b + um.end(1)].strip()
            if re.fullmatch(r"[A-Za-z$]+", unit) and not re.match(r"\s", after):
                return None
            return _Figure(unit, a, b + um.end(1))
        rm = p.ratio_before.search(f[max(0, a - 40):a])
        if rm and not re.match(r"\s?(?:倍|times|x\b)", after):
            return _Figure("", a, b)  # "平均 PUE 低至 1.247", "a PUE of 1.25": a figure with no unit
        if self.lang == "en":
            sm = re.match(r"\s(million|billion|thousand)(?![A-Za-z])", after, re.I)
            scale = sm.group(1) + " " if sm else ""
            rest = after[sm.end():] if sm else after
            cm = p.count_noun.match(rest) or _plural_noun(rest)
            if cm:
                return _Figure(scale + cm.group(1), a, b + (sm.end() if sm else 0), counted=True)
            if sm:
                return _Figure(sm.group(1), a, b + sm.end())
            pm = p.count_phrase.search(f[max(0, a - 120):a])
            if pm:
                return _Figure("", a, b, "number of " + pm.group(1).strip())
        return None

    def _metric(self, s, f: str, text: str, fig: _Figure) -> str:
        """The clause before the figure, trimmed of time phrases, subjects and verbs."""
        p = patterns()
        start = _clause_start(f, fig.name_end, _ZH_CLAUSE)
        clause = f[start:fig.name_end]
        if self.lang == "en" or (re.search(r"[A-Za-z]{3,}", clause) and not CJK.search(clause)):
            return self._metric_en(f, text, fig)
        # "阿里健康共有員工1,849人": the reporter, the figure's subject, is no part of its name;
        # another company opening the clause is ("高鑫零售对377家店" counts that company's stores)
        reporter = self.ctx.reporter.key if self.ctx.reporter else None
        for mention in s.mentions:
            ms, me = mention.start - s.start, mention.end - s.start
            if mention.key == reporter and ms <= start + 1 < me + 1 and me <= fig.name_end:
                start = me
        st, en = _trim(f, start, fig.name_end, p.lead_trim + p.tail_trim)
        before = re.sub(r"^[\s•●○■◆▪·\-–—*]+", "", text[st:en]).strip()[-24:] + _change(f, text, en, fig)
        # what is counted or measured may follow the unit: "共有221家非經營性採購供應商與...",
        # "提供合共15,600小時安全培訓", "產生18,742噸無害廢棄物"
        after = ""
        stop = _ZH_CLAUSE.search(f, fig.end)
        seg_end = stop.start() if stop else len(f)
        cut = re.search(r"(?<![参给赋])与|[和在为对从向将被把并及较比\d(（]|进行|开展", f[fig.end:seg_end])
        seg_end = fig.end + cut.start() if cut else seg_end
        counted = fig.unit.lstrip("余多万千百亿") in p.counters or fig.unit in p.scales or not before
        if 0 < seg_end - fig.end <= (12 if counted else 10):
            after = text[fig.end:seg_end].strip().lstrip("的")
            if not counted and (len(CJK.findall(after)) < 2 or p.phrase_stop.match(fold(after))):
                after = ""
        elif counted and "的" in f[fig.end:seg_end]:
            # "2,000名持有「國家執業藥師資格證書」的藥師": the head of a long phrase follows its last 的
            head = seg_end - len(f[fig.end:seg_end].rsplit("的", 1)[1])
            if len(CJK.findall(f[head:seg_end])) >= 2 and seg_end - head <= 8:
                after = text[head:seg_end].strip()
        if counted and not after and not before:
            # "共有428名大使完成由…的24小時進階課程": nothing names the count before it and the
            # phrase after is long; the nouns right after the counter are what it counts
            n = _leading_nouns(f[fig.end:seg_end])
            after = text[fig.end:fig.end + n]
        metric = (before + after).strip()
        return metric if len(CJK.findall(metric)) >= 2 or LATIN_WORD.search(metric) else ""

    def _metric_en(self, f: str, text: str, fig: _Figure) -> str:
        """What follows "of" (or the counted noun) names the figure ("353.7 tons of carbon
        dioxide equivalent", "600 Alibaba Health workers participated"); otherwise the clause
        before it does, or the clause before that when its own is bare ("..., totaling 729")."""
        p = patterns()
        rules = p.lead_trim + p.tail_trim
        st, en = _trim(f, _clause_start(f, fig.name_end, _EN_CLAUSE), fig.name_end, rules)
        before = text[st:en].split()[-8:] + _change(f, text, en, fig).split()
        stop = min([m.start() for m in _EN_CLAUSE.finditer(f, fig.end)] + [len(f)])
        tail = text[fig.end:stop]
        cut = re.search(r"\s(?:with|and|through|during|while|which|compared|than|per cent)\s|\d", tail)
        tail = tail[: cut.start()] if cut else tail
        of = re.match(r"\s*of\s+", tail)
        if fig.counted or (of and tail[of.end():].strip()):
            words = before[-3:] + tail[of.end() if of else 0:].split()[:8]
        else:
            words = before
            clause = _clause_start(f, fig.name_end, _EN_CLAUSE, after_figures=False)
            if len(_content(words)) < 2 and clause > 1:
                ps, pe = _trim(f, _clause_start(f, clause - 1, _EN_CLAUSE, after_figures=False), clause - 1, rules)
                prev = [w for w in text[ps:pe].split() if not re.fullmatch(rf"{NUM}%?", w)]
                words = prev[-8:] + words + tail.split()[:4]
        metric = " ".join(words).strip(" ,.;()")
        # leading link words, and the scale word of an earlier figure ("HK$1,260 million of loans to 318 SMEs")
        metric = re.sub(r"^(?:(?:a|an|the|and|of|with|in|to|by|for|at|as|million|billion|thousand)\s+)+", "",
                        metric, flags=re.I)
        metric = re.sub(r"(?<=[a-z])\d$", "", metric)  # footnote mark: "emissions2"
        return metric if _content(metric.split()) else ""
