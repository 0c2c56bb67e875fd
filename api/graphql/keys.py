"""Any spelling of a certification or framework -> the key the graph stores for it.

The recognisers own the gazetteers (``extractors/patterns/certifications.yaml``,
``frameworks.yaml``); this module runs one recogniser component over the filter text, the way
the pipeline runs it over a report block, so "ISO/IEC 27001:2013", "ISO 27001" and
"ISO27001" all give ``iso27001``, and "等保三級" and "MLPS level 3" give ``mlps3``.
"""
from __future__ import annotations

import threading
from functools import lru_cache

from extractors.normalise import match_key, to_simplified

_LOCK = threading.Lock()  # a spaCy pipeline is not meant for concurrent calls


@lru_cache(maxsize=None)
def _pipeline(component: str):
    import spacy

    from extractors import components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("en")  # whitespace tokens; spans expand to them, keys are unaffected
    nlp.add_pipe(component, config={"lang": "zh"})
    return nlp


@lru_cache(maxsize=1024)
def _recognised(component: str, text: str) -> tuple[str, ...]:
    from extractors.components.base import SPAN_KEY

    with _LOCK:
        doc = _pipeline(component)(to_simplified(text))
    return tuple(dict.fromkeys(span._.esg_key for span in doc.spans.get(SPAN_KEY, []) if span._.esg_key))


def _keys(component: str, text: str) -> list[str]:
    """The keys the recogniser finds in ``text``; when it finds none, the text's own match key
    and its case-folded form (a key typed as such: ``mlps3``, ``hkex-esg``)."""
    text = text.strip()[:200]
    if not text:
        return []
    found = list(_recognised(component, text))
    if found:
        return found
    return list(dict.fromkeys(k for k in (match_key(text), text.casefold()) if k))


def certification_keys(text: str) -> list[str]:
    """Scheme keys for a certification filter, best first."""
    return _keys("esg_certification", text)


def framework_keys(text: str) -> list[str]:
    """Framework keys for a framework filter, best first."""
    return _keys("esg_framework", text)
