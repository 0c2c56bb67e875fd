"""A small pool of worker processes that run SPARQL queries, so a query can really be
stopped.

pyoxigraph evaluates a query in native code that no Python thread can interrupt. Each worker
is a subprocess holding the store open read-only; the server sends it a ``Job`` and waits
at most ``timeout`` seconds for the ``Answer`` (bytes, already serialised). A worker that
overruns is killed and replaced, which stops the query for good, while the other workers
keep serving. Requests wait for a free worker at most ``timeout`` seconds too, then get 503.

A read-only Oxigraph store is a snapshot taken when it is opened; workers reopen it when its
files change (a new ``esgkg build``), so the endpoint serves the latest build.
"""
from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
from multiprocessing.connection import Connection
from pathlib import Path

from .execute import Answer, Job, error, execute

log = logging.getLogger("esgkg.api")

_CTX = multiprocessing.get_context("spawn")  # no fork of a threaded server
_READY = "ready"
#: seconds a new worker may take to start (a loaded machine; the query timeout starts after)
STARTUP_TIMEOUT = 60.0


class _StoreHandle:
    """The read-only store of one worker, reopened when a build has changed its files."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.store = None
        self.signature = None

    def _signature(self):
        try:
            return tuple(sorted(
                (e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(self.path)
                if e.name == "CURRENT" or e.name.startswith("MANIFEST-") or e.name.endswith((".log", ".sst"))
            ))
        except OSError:
            return None

    def get(self, force: bool = False):
        from kg.store import OxigraphStore

        sig = self._signature()
        if force or self.store is None or sig != self.signature:
            self.store = None
            self.store = OxigraphStore(self.path, read_only=True)
            self.signature = sig
        return self.store

    def run(self, job: Job) -> Answer:
        from kg.store import StoreError

        for attempt in (0, 1):
            try:
                return execute(self.get(force=attempt == 1), job)
            except StoreError as e:
                return error(503, str(e))
            except OSError as e:  # files swapped under us by a build: reopen once
                if attempt == 1:
                    return error(500, f"the store could not be read: {e}")
        raise AssertionError("unreachable")


def _worker_main(conn: Connection, store_path: str) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops its workers itself
    handle = _StoreHandle(Path(store_path))
    conn.send(_READY)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer = handle.run(job)
        except Exception as e:  # never let one bad query end the worker silently
            answer = error(500, f"internal error: {type(e).__name__}: {e}")
        conn.send(answer)


class _Worker:
    def __init__(self, store_path: Path) -> None:
        self.conn, child = _CTX.Pipe()
        self.process = _CTX.Process(target=_worker_main, args=(child, str(store_path)),
                                    name="esgkg-query-worker", daemon=True)
        self.process.start()
        child.close()
        self.ready = False

    def exchange(self, job: Job, timeout: float) -> Answer | None:
        """Send a job, wait for its answer; None on timeout. Runs in a thread."""
        try:
            if not self.ready:
                if not self.conn.poll(STARTUP_TIMEOUT) or self.conn.recv() != _READY:
                    return error(500, f"a query worker did not start within {STARTUP_TIMEOUT:g} s")
                self.ready = True
            self.conn.send(job)
            if not self.conn.poll(timeout):
                return None
            return self.conn.recv()
        except (EOFError, OSError):
            return error(500, "the query worker died while running this query "
                              "(out of memory?); add LIMIT or narrow the query")

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class WorkerPool:
    def __init__(self, store_path: Path, size: int = 2, timeout: float = 30.0) -> None:
        self.store_path = Path(store_path)
        self.size = size
        self.timeout = timeout
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: set[_Worker] = set()

    def start(self) -> None:
        self._idle = asyncio.Queue()
        for _ in range(self.size):
            self._add()

    def _add(self) -> None:
        w = _Worker(self.store_path)
        self._all.add(w)
        self._idle.put_nowait(w)

    async def _replace(self, worker: _Worker) -> None:
        self._all.discard(worker)
        await asyncio.to_thread(worker.kill)
        self._add()

    async def run(self, job: Job) -> Answer:
        if self._idle is None:
            raise RuntimeError("WorkerPool.start() was not called")
        try:
            worker = await asyncio.wait_for(self._idle.get(), self.timeout)
        except TimeoutError:
            return error(503, f"all {self.size} query workers stayed busy for {self.timeout:g} s; "
                              "try again shortly", **{"Retry-After": "5"})
        healthy = False
        try:
            answer = await asyncio.to_thread(worker.exchange, job, self.timeout)
            if answer is None:
                log.warning("query stopped after %g s: %.200s", self.timeout, job.sparql)
                return error(504, f"the query ran longer than {self.timeout:g} s and was stopped; "
                                  "add LIMIT, narrow its patterns, or run it on your own copy "
                                  "with `esgkg query`")
            healthy = answer.status != 500 or answer.error.startswith("internal error")
            return answer
        finally:  # also on cancellation: a worker with a job in flight is not reusable
            if healthy:
                self._idle.put_nowait(worker)
            else:
                await self._replace(worker)

    def close(self) -> None:
        for w in list(self._all):
            w.kill()
        self._all.clear()
