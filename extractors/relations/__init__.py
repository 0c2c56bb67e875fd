"""Relation extraction: each module holds the rules for one family of contract properties.

Every module in this package exposes ``extract(ctx: ReportContext) -> Iterable[Relation]``.
They run after the report facts (publisher, period, defined names) are known, since most
relations hang off the reporter. Modules are discovered, so adding a family is adding a file.
"""
from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from ..model import Relation


@lru_cache(maxsize=1)
def rule_modules() -> tuple:
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))
    return tuple(importlib.import_module(f"{__name__}.{n}") for n in names)


def extract_relations(ctx) -> list[Relation]:
    """All relations of a report, deduplicated on (subject key, predicate, object key)."""
    seen, out = set(), []
    for mod in rule_modules():
        for rel in mod.extract(ctx):
            k = (rel.subject.key if rel.subject else None, rel.predicate, rel.object.key)
            if k not in seen:
                seen.add(k)
                out.append(rel)
    return out
