"""Per-request DataLoaders: every field that needs the store asks a loader, and a loader
answers all the keys requested in the same event-loop tick with one query.

- ``node``: an IRI's literals (labels, keys, report and observation fields), types and
  reports: one query per batch of nodes of any type;
- ``edges(predicate, inverse)``: the IRIs an IRI points to (or is pointed at from) by one
  predicate;
- ``evidence``: the sentences behind the statements of a (subject, predicate) pair.

A nested query (20 companies -> committees -> labels) therefore costs a fixed number of
queries per level of the selection, whatever the number of companies. Loaders are created
for each request (``context_getter``), so nothing is cached between requests or users.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox
from strawberry.dataloader import DataLoader

from kg.namespaces import ESG, RDF

from . import queries
from .backend import Backend

#: IRIs per VALUES block; larger batches are split by the DataLoader
MAX_BATCH = 500


@dataclass
class Node:
    iri: str
    types: list[str] = field(default_factory=list)  # local names of esg: classes
    literals: dict[str, list[ox.Literal]] = field(default_factory=lambda: defaultdict(list))
    reports: list[str] = field(default_factory=list)

    @property
    def exists(self) -> bool:
        return bool(self.types or self.literals or self.reports)

    def values(self, predicate: str) -> list[ox.Literal]:
        return self.literals.get(predicate, [])

    def first(self, predicate: str) -> ox.Literal | None:
        values = self.values(predicate)
        return min(values, key=lambda v: v.value) if values else None

    def entity_class(self) -> str | None:
        """The contract class that decides the GraphQL type."""
        return next((c for c in queries.ENTITY_CLASSES if c in self.types), None)


@dataclass(frozen=True)
class EvidenceRow:
    subject: str
    predicate: str
    object: ox.NamedNode | ox.Literal
    sentence: str
    line: int
    report: str | None


class Loaders:
    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.node: DataLoader[str, Node] = DataLoader(load_fn=self._nodes, max_batch_size=MAX_BATCH)
        self.evidence: DataLoader[tuple[str, str], list[EvidenceRow]] = DataLoader(
            load_fn=self._evidence, max_batch_size=MAX_BATCH)
        self._edges: dict[tuple[str, bool], DataLoader[str, list[str]]] = {}

    async def _nodes(self, iris: list[str]) -> list[Node]:
        nodes = {i: Node(i) for i in iris}
        for row in await self.backend.select(queries.node_data(iris)):
            node, p, o = nodes.get(row["s"].value), row["p"].value, row["o"]
            if node is None:
                continue
            if p == RDF + "type":
                if o.value.startswith(ESG):
                    node.types.append(o.value[len(ESG):])
            elif p == ESG + "mentionedIn":
                node.reports.append(o.value)
            elif isinstance(o, ox.Literal):
                node.literals[p].append(o)
        for node in nodes.values():
            node.reports.sort()
        return [nodes[i] for i in iris]

    def edges(self, predicate: str, inverse: bool = False) -> DataLoader[str, list[str]]:
        key = (predicate, inverse)
        if key not in self._edges:
            async def load(iris: list[str]) -> list[list[str]]:
                found: dict[str, set[str]] = defaultdict(set)
                for row in await self.backend.select(queries.edges(predicate, iris, inverse)):
                    s, o = row["s"].value, row["o"].value
                    if inverse:
                        found[o].add(s)
                    else:
                        found[s].add(o)
                return [sorted(found.get(i, ())) for i in iris]

            self._edges[key] = DataLoader(load_fn=load, max_batch_size=MAX_BATCH)
        return self._edges[key]

    async def related(self, iri: str, predicate: str, inverse: bool = False) -> list[str]:
        return await self.edges(ESG + predicate if "/" not in predicate else predicate, inverse).load(iri)

    async def _evidence(self, pairs: list[tuple[str, str]]) -> list[list[EvidenceRow]]:
        found: dict[tuple[str, str], list[EvidenceRow]] = defaultdict(list)
        for row in await self.backend.select(queries.evidence(pairs)):
            report = row.get("report")
            ev = EvidenceRow(row["s"].value, row["p"].value, row["o"], row["sentence"].value,
                             int(row["line"].value), report.value if report is not None else None)
            found[(ev.subject, ev.predicate)].append(ev)
        for rows in found.values():
            rows.sort(key=lambda e: (e.report or "", e.line, e.sentence))
        return [found.get(pair, []) for pair in pairs]

    async def select(self, sparql: str, bindings=None):
        return await self.backend.select(sparql, bindings)
