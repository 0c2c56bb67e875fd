"""What every recogniser component shares: the span group it writes and the span attributes.

A recogniser is a spaCy component (a factory, a config, one ``__call__``). It reads
``doc.text``, which is the block's text folded to Simplified script (same length as the
original, kept in ``doc.user_data["original"]``), and adds spans to ``doc.spans[SPAN_KEY]``
with ``span.label_`` set to the contract type and these extension attributes:

- ``span._.esg_key``: the resolution key (see ``extractors.model.Mention``);
- ``span._.esg_label``: a preferred display label, or None to use the surface text;
- ``span._.esg_attrs``: a dict of extra facts (``{"number": 3}`` for an SDG, ...); its
  ``"aliases"`` entry (other names the text gives for the thing, such as the English name
  in brackets) becomes ``Mention.aliases``.

Other context a component may read from ``doc.user_data``: ``"lang"`` (the report's
language tag), ``"kind"`` (heading/paragraph/table) and ``"heading"`` (the section heading).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span

SPAN_KEY = "esg"

for _name, _default in (("esg_key", None), ("esg_label", None), ("esg_attrs", None)):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)

PATTERNS_DIR = Path(__file__).resolve().parent.parent / "patterns"


def load_patterns(name: str) -> dict:
    """Load ``extractors/patterns/<name>.yaml``."""
    with open(PATTERNS_DIR / f"{name}.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)


def add_span(
    doc: Doc,
    start_char: int,
    end_char: int,
    type_: str,
    key: str,
    label: str | None = None,
    attrs: dict | None = None,
) -> Span | None:
    """Add a mention span covering the characters ``[start_char, end_char)``.

    Token boundaries from jieba rarely agree with a pattern's, so the span is expanded to
    whole tokens for spaCy while the exact character range is kept in ``attrs`` and used
    for the surface text.
    """
    if end_char <= start_char:
        return None
    span = doc.char_span(start_char, end_char, label=type_, alignment_mode="expand")
    if span is None:
        return None
    span._.esg_key = key
    span._.esg_label = label
    span._.esg_attrs = {**(attrs or {}), "start_char": start_char, "end_char": end_char}
    doc.spans.setdefault(SPAN_KEY, [])
    group = doc.spans[SPAN_KEY]
    group.append(span)
    return span


def spans_of(doc: Doc, type_: str | None = None) -> Iterable[Span]:
    """The mention spans already added, optionally of one type (for later components)."""
    if SPAN_KEY not in doc.spans:
        return []
    return [s for s in doc.spans[SPAN_KEY] if type_ is None or s.label_ == type_]


def compile_alternation(words: Iterable[str]) -> re.Pattern:
    """One regex matching any of ``words``, longest first so 審核委員會 beats 委員會."""
    alts = sorted({w for w in words if w}, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in alts))
