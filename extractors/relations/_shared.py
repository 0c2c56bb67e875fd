"""Helpers the relation rule families share (not a rule family: discovery skips ``_`` names)."""
from __future__ import annotations

import re

from ..model import Mention, Sentence


def local_span(sent: Sentence, m: Mention) -> tuple[int, int]:
    """The mention's character range inside its sentence."""
    return m.start - sent.start, m.end - sent.start


def listed(text: str, sent: Sentence, items: list[Mention], start: int, sep: re.Pattern) -> list[Mention]:
    """The mentions listed from ``start`` on: the first right there, each next one after a
    list separator (``sep`` must match the whole gap: 、 和 及 and ...). ``items`` in text order."""
    out: list[Mention] = []
    pos = start
    for m in items:
        s, e = local_span(sent, m)
        if s < pos:
            continue
        if not sep.fullmatch(text[pos:s]):
            break
        out.append(m)
        pos = e
    return out
