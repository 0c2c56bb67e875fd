"""Shared fixtures: the five bundled seed reports built into a store once per session, and
a real HTTP server (``esgkg serve`` in a subprocess) over it.

- ``seed_store_path``: a store folder holding the seeds' graphs (closed, so servers and
  read-only opens can use it).
- ``start_server``: a context manager factory, ``with start_server(store, ESGKG_QUERY_TIMEOUT="1")
  as base_url: ...``, for tests that need other settings.
- ``live_server``: the base URL (``http://127.0.0.1:PORT``) of a server over the seed store
  with default settings, shared by the whole session.
"""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from api.app import serve_in_subprocess

REPO = Path(__file__).resolve().parent.parent
SEED_REPORTS = REPO / "examples" / "reports"


@pytest.fixture(scope="session")
def seed_store_path(tmp_path_factory) -> Path:
    from kg.build import build
    from kg.store import OxigraphStore

    path = tmp_path_factory.mktemp("seeds") / "store"
    store = OxigraphStore(path)
    try:
        result = build([SEED_REPORTS], store)
    finally:
        store.close()
    assert not result.failures, result.failures
    assert len(result.graphs) == len(list(SEED_REPORTS.glob("*.txt")))
    return path


@pytest.fixture(scope="session")
def start_server(tmp_path_factory):
    log_dir = tmp_path_factory.mktemp("server-logs")
    counter = itertools.count()

    def start(store: Path, **env: str):
        return serve_in_subprocess(store, log_dir / f"server-{next(counter)}.log", **env)

    return start


@pytest.fixture(scope="session")
def live_server(seed_store_path, start_server) -> str:
    with start_server(seed_store_path) as base:
        yield base
