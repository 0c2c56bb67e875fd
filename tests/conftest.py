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

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(store: Path, log_dir: Path, ready_within: float = 90.0, **env: str):
    """``esgkg serve`` over ``store`` on a free loopback port; yields its base URL once a
    query worker answers. ``env``: ESGKG_* settings for this server only."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ESGKG_")}
    clean.update(env)
    clean["PYTHONPATH"] = os.pathsep.join([str(REPO), clean.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    log_path = log_dir / f"server-{port}.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--host", "127.0.0.1",
             "--port", str(port)],
            cwd=REPO, env=clean, stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + ready_within
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"the server exited with {proc.returncode}:\n{log_path.read_text()}")
            try:
                if httpx.get(f"{base}/sparql", params={"query": "ASK {}"}, timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server was not ready within {ready_within} s:\n{log_path.read_text()}")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def start_server(tmp_path_factory):
    log_dir = tmp_path_factory.mktemp("server-logs")

    def start(store: Path, **env: str):
        return running_server(store, log_dir, **env)

    return start


@pytest.fixture(scope="session")
def live_server(seed_store_path, start_server) -> str:
    with start_server(seed_store_path) as base:
        yield base
