"""Where the resolvers' SPARQL goes: the server's worker pool, or a store in this process.

Both backends answer ``select(sparql, bindings)`` with rows of pyoxigraph terms and count
the queries they run, so a response can say how many store queries it cost (the N+1 guard
is measured, not assumed). User values travel only in ``bindings`` (pyoxigraph
substitutions); the query text is built from this package's constants and validated IRIs.
"""
from __future__ import annotations

import asyncio
from collections.abc import Mapping

import pyoxigraph as ox

Row = dict[str, ox.NamedNode | ox.Literal | ox.BlankNode]
Bindings = Mapping[str, ox.NamedNode | ox.Literal]

#: rows one internal query may return; GraphQL's own limits (page size, depth) bound the
#: work, so this only stops a pathological answer from filling memory
MAX_ROWS = 200_000


class ApiError(Exception):
    """An error whose message is meant for the GraphQL client (bad input, store trouble)."""


class Backend:
    def __init__(self) -> None:
        self.count = 0

    async def select(self, sparql: str, bindings: Bindings | None = None) -> list[Row]:
        self.count += 1
        return await self._select(sparql, dict(bindings or {}))

    async def _select(self, sparql: str, bindings: dict) -> list[Row]:
        raise NotImplementedError


def _rows(solutions) -> list[Row]:
    names = [v.value for v in solutions.variables]
    return [{n: sol[n] for n in names if sol[n] is not None} for sol in solutions]


class PoolBackend(Backend):
    """Queries run by the app's worker pool (``api.worker``): the server process never opens
    the store, and a query that overruns the timeout is stopped like any SPARQL query."""

    def __init__(self, pool) -> None:
        super().__init__()
        self.pool = pool

    async def _select(self, sparql: str, bindings: dict) -> list[Row]:
        from ..execute import Job

        job = Job(sparql=sparql, bindings=bindings, accept="application/sparql-results+json",
                  max_results=MAX_ROWS)
        answer = await self.pool.run(job)
        if answer.status != 200:
            raise ApiError(f"the store could not answer ({answer.status}): {answer.error or ''}".strip())
        return _rows(ox.parse_query_results(answer.body, format=ox.QueryResultsFormat.JSON))


class StoreBackend(Backend):
    """A ``kg.store.OxigraphStore`` in this process (tests, scripts); queries run in a thread."""

    def __init__(self, store) -> None:
        super().__init__()
        self.store = store

    async def _select(self, sparql: str, bindings: dict) -> list[Row]:
        def run() -> list[Row]:
            return _rows(self.store.query(sparql, bindings=bindings or None))

        return await asyncio.to_thread(run)
