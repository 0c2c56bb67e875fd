"""Document -> Extraction: the NLP pipeline and the stages around it.

    read (reading, layout) -> normalise -> recognise (spaCy components) -> report facts
    -> relations -> KPI observations

One spaCy pipeline per language: ``spacy.blank("zh")`` with the jieba segmenter for Chinese
(fed Simplified text, which jieba segments far better), ``spacy.blank("en")`` for English.
Each recogniser is a component of its own (``extractors/components``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401  (registers the component factories)
from .components.base import SPAN_KEY
from .model import Document, Extraction, Mention, ReportInfo, Sentence
from .normalise import language_of, to_simplified

#: Recognisers in the order they run: later ones may read the spans of earlier ones
#: (an organisation recogniser skips what the committee recogniser claimed).
COMPONENTS = (
    "esg_certification",
    "esg_sdg",
    "esg_framework",
    "esg_committee",
    "esg_person",
    "esg_company",
    "esg_organization",
    "esg_programme",
)


@lru_cache(maxsize=None)
def build_nlp(lang: str) -> Language:
    """The spaCy pipeline for a report language (``en``, ``zh-Hans`` or ``zh-Hant``)."""
    if lang == "en":
        nlp = spacy.blank("en")
    else:
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    for name in COMPONENTS:
        nlp.add_pipe(name, config={"lang": "en" if lang == "en" else "zh"})
    return nlp


_ZH_SENT_END = re.compile(r"(?<=[。！？!?；;])")
_EN_SENT_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z“\"(0-9])")
#: Words ending in a full stop that do not end a sentence ("Mr. Wu", "Co., Ltd. was").
_EN_ABBREVIATIONS = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|No|Co|Ltd|Inc|Corp|St|Jr|Sr|vs|etc|e\.g|i\.e|approx)\.$", re.I)


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Character ranges of the sentences of a block."""
    pattern = _EN_SENT_END if lang == "en" else _ZH_SENT_END
    out, start = [], 0
    for m in pattern.finditer(text):
        if lang == "en" and _EN_ABBREVIATIONS.search(text, 0, m.start()):
            continue
        if m.end() > start and text[start:m.start()].strip():
            out.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return out


@dataclass
class ReportContext:
    """What the report-level stages (report facts, relations, KPIs) see."""

    document: Document
    report: ReportInfo
    sentences: list[Sentence]
    mentions: list[Mention] = field(default_factory=list)

    @property
    def reporter(self) -> Mention | None:
        return self.report.publisher


def recognise(document: Document) -> ReportContext:
    """Run the recognisers over every block; mentions land in their sentences."""
    lang = document.language
    nlp = build_nlp(lang)
    docs: list[Doc] = []
    for block in document.blocks:
        folded = block.text if lang == "en" else to_simplified(block.text)
        doc = nlp.make_doc(folded)
        doc.user_data.update(
            {"original": block.text, "lang": lang, "kind": block.kind, "heading": block.heading}
        )
        docs.append(doc)
    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    for block, doc in zip(document.blocks, nlp.pipe(docs, batch_size=256)):
        block_sents = []
        for s, e in split_sentences(block.text, lang):
            off = block.start + s
            block_sents.append(
                Sentence(block.text[s:e], doc.text[s:e], off, document.line_at(off), block)
            )
        sentences.extend(block_sents)
        for span in doc.spans.get(SPAN_KEY, []):
            attrs = dict(span._.esg_attrs or {})
            s, e = attrs.pop("start_char", span.start_char), attrs.pop("end_char", span.end_char)
            aliases = tuple(attrs.pop("aliases", ()))
            surface = block.text[s:e]
            sent = next((x for x in block_sents if x.start <= block.start + s < x.start + len(x.text)), None)
            if sent is None:
                continue
            m = Mention(
                type=span.label_,
                text=surface,
                key=span._.esg_key,
                lang=language_of(surface, lang),
                evidence=sent.evidence(),
                label=span._.esg_label,
                aliases=aliases,
                attrs=attrs,
                start=block.start + s,
                end=block.start + e,
            )
            sent.mentions.append(m)
            mentions.append(m)
    report = ReportInfo(source_file=document.source_file, language=lang)
    return ReportContext(document, report, sentences, mentions)


def extract(document: Document) -> Extraction:
    """Everything esgkg finds in one report."""
    from .kpi import extract_observations
    from .relations import extract_relations
    from .report import read_report_facts

    ctx = recognise(document)
    read_report_facts(ctx)
    relations = extract_relations(ctx)
    observations = extract_observations(ctx)
    return Extraction(ctx.report, ctx.mentions, relations, observations)
