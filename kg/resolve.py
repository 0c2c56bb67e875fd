"""Mentions -> entities: one IRI per real-world thing, within a report and across reports.

Two mentions of one type are the same entity when they share a key: their resolution key
(``Mention.key``: a scheme key such as ``iso27001``, a canonical id such as ``gri``, or the
script-folded name) or the folded form of any name they carry (surface text, label, defined
aliases). Keys are script-blind, so 醫脈通 and 医脉通 meet. Committees are different things in
different companies (every company has a board), so their keys are scoped by the owning
company's IRI.

The ``Resolver`` keeps a key index over the whole build, seeded from the store, so a report
built later reuses the IRIs that earlier reports gave.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from extractors.model import Evidence, Extraction, Mention
from extractors.normalise import language_of, match_key

from .ids import entity_iri

#: Types whose surface names identify them; others (SDG, Certification, ReportingFramework)
#: are identified by their gazetteer key alone, since a surface like "ISO 27001認證" says more
#: than the scheme.
_NAME_KEYED = {"Company", "Committee", "Programme", "Person", "Organization"}

#: Resolution order: committees need their owners' IRIs.
_ORDER = ("Company", "Organization", "Person", "Programme", "Certification", "SDG",
          "ReportingFramework", "Committee")


@dataclass
class Entity:
    """One resolved entity as seen in one report."""

    iri: str
    type: str
    keys: set[str] = field(default_factory=set)
    names: Counter = field(default_factory=Counter)  # (text, lang) -> count
    preferred: Counter = field(default_factory=Counter)  # gazetteer labels: (text, lang) -> count
    evidence: Evidence | None = None
    attrs: dict = field(default_factory=dict)

    def labels(self) -> tuple[dict[str, str], list[tuple[str, str]]]:
        """One ``rdfs:label`` per language and the other names as ``skos:altLabel``.

        Gazetteer labels win; otherwise the longest name, as reports define the full name
        once and use the short one after.
        """
        ranked = sorted(self.preferred.items(), key=lambda kv: (-kv[1], kv[0])) + sorted(
            self.names.items(), key=lambda kv: (-len(kv[0][0]), -kv[1], kv[0])
        )
        label: dict[str, str] = {}
        for (text, lang), _ in ranked:
            label.setdefault(lang, text)
        alts = sorted({tl for tl in (*self.preferred, *self.names) if label.get(tl[1]) != tl[0]})
        return label, alts


@dataclass
class ResolvedReport:
    extraction: Extraction
    entities: dict[str, Entity]
    iri_of: dict[int, str]  # id(mention) -> IRI

    def iri(self, mention: Mention | None) -> str | None:
        return None if mention is None else self.iri_of.get(id(mention))


class Resolver:
    """Resolves the extractions of a build; one instance per build."""

    def __init__(self, known: dict[tuple[str, str], str] | None = None) -> None:
        self.index: dict[tuple[str, str], str] = dict(known or {})

    def resolve(self, extraction: Extraction) -> ResolvedReport:
        mentions = _all_mentions(extraction)
        owner_of = _committee_owners(extraction)
        entities: dict[str, Entity] = {}
        iri_of: dict[int, str] = {}
        for type_ in _ORDER:
            group = [m for m in mentions if m.type == type_]
            if not group:
                continue
            scope = {}
            if type_ == "Committee":
                reporter = iri_of.get(id(extraction.report.publisher)) if extraction.report.publisher else None
                for m in group:
                    owner = owner_of.get(id(m))
                    scope[id(m)] = (iri_of.get(id(owner)) if owner is not None else None) or reporter or ""
            for cluster in _clusters(group, scope):
                iri = self._iri_for(type_, cluster, scope)
                ent = entities.get(iri) or entities.setdefault(iri, Entity(iri, type_))
                for m, keys in cluster:
                    iri_of[id(m)] = iri
                    ent.keys |= keys
                    ent.names[(m.text.strip(), m.lang)] += 1
                    if m.label:
                        ent.preferred[(m.label, language_of(m.label, m.lang))] += 1
                    for a in m.aliases:
                        ent.names[(a, language_of(a, m.lang))] += 1
                    ent.attrs.update(m.attrs)
                    if ent.evidence is None:
                        ent.evidence = m.evidence
                for k in ent.keys:
                    self.index.setdefault((type_, k), iri)
        return ResolvedReport(extraction, entities, iri_of)

    def _iri_for(self, type_: str, cluster: list[tuple[Mention, set[str]]], scope: dict) -> str:
        primary = Counter(_scoped(m.key, scope.get(id(m))) for m, _ in cluster)
        ranked = [k for k, _ in sorted(primary.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))]
        for k in ranked + sorted(set().union(*(ks for _, ks in cluster)) - set(ranked)):
            if (type_, k) in self.index:
                return self.index[(type_, k)]
        return entity_iri(type_, ranked[0])


def _scoped(key: str, scope: str | None) -> str:
    return f"{scope}#{key}" if scope else key


def _keys(m: Mention, scope: str | None) -> set[str]:
    keys = {m.key}
    if m.type in _NAME_KEYED:
        keys |= {match_key(x) for x in (m.text, m.label or "", *m.aliases)}
    return {_scoped(k, scope) for k in keys if k}


def _clusters(group: list[Mention], scope: dict) -> list[list[tuple[Mention, set[str]]]]:
    """Union-find over mentions that share a key."""
    parent = list(range(len(group)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    keyed = [(m, _keys(m, scope.get(id(m)))) for m in group]
    first: dict[str, int] = {}
    for i, (_, keys) in enumerate(keyed):
        for k in keys:
            if k in first:
                parent[find(i)] = find(first[k])
            else:
                first[k] = i
    out: dict[int, list] = {}
    for i, item in enumerate(keyed):
        out.setdefault(find(i), []).append(item)
    return list(out.values())


def _all_mentions(x: Extraction) -> list[Mention]:
    """Every mention the extraction refers to, once (relations may carry their own)."""
    seen, out = set(), []
    ends = [x.report.publisher] + [m for r in x.relations for m in (r.subject, r.object)]
    ends += [o.subject for o in x.observations]
    for m in [*x.mentions, *ends]:
        if m is not None and id(m) not in seen:
            seen.add(id(m))
            out.append(m)
    return out


def _committee_owners(x: Extraction) -> dict[int, Mention]:
    """Committee mention -> the company that has it, from the hasCommittee relations.

    A mention that is the object of a hasCommittee relation gets that relation's subject;
    other mentions of a committee with the same key get the owner found for any of them.
    """
    owned = [(r.object, r.subject) for r in x.relations
             if r.predicate == "hasCommittee" and r.subject is not None]
    by_mention = {id(c): owner for c, owner in owned}
    by_key = {c.key: owner for c, owner in owned}
    return {id(m): by_mention.get(id(m), by_key.get(m.key)) for m in _all_mentions(x)
            if m.type == "Committee" and (id(m) in by_mention or m.key in by_key)}
