"""The HTTP API behind ``esgkg serve``: one FastAPI app over the store.

The app never opens the store itself: queries run in a pool of worker processes
(``api.worker``) that open it read-only, so a runaway query can be killed without taking
the server down. CORS is open (any origin, GET/POST) so browser tools such as YASGUI can
query the endpoint directly.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from kg.config import Settings
from kg.store import StoreError

from . import catalogue, explorer, export, sparql
from .graphql import create_router as graphql_router
from .worker import WorkerPool

#: query worker processes; one stuck on a slow query leaves the others serving
POOL_SIZE = 2


def missing_store_message(settings: Settings) -> str | None:
    if not settings.store.exists():
        return f"no store at {settings.store}: run `esgkg build` first"
    return None


def create_app(settings: Settings, pool_size: int = POOL_SIZE) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.pool.start()
        try:
            yield
        finally:
            app.state.pool.close()

    app = FastAPI(title="esgkg", summary="ESG knowledge graph: SPARQL, GraphQL and a query catalogue",
                  lifespan=lifespan)
    app.state.settings = settings
    app.state.pool = WorkerPool(settings.store, size=pool_size, timeout=settings.query_timeout)
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                       allow_headers=["*"], expose_headers=["Retry-After", "X-Max-Results"], max_age=3600)

    app.include_router(sparql.router)
    app.include_router(catalogue.router)
    app.include_router(export.router)
    app.include_router(explorer.router)
    app.include_router(graphql_router(settings))

    @app.get("/health")
    async def health() -> JSONResponse:
        problem = missing_store_message(settings)
        body = {"status": "no store" if problem else "ok", "store": str(settings.store)}
        if problem:
            body["error"] = problem
        return JSONResponse(body, status_code=503 if problem else 200)

    return app


def serve(settings: Settings) -> None:
    """Run the API with uvicorn until interrupted; a missing store is a one-line error."""
    import uvicorn

    problem = missing_store_message(settings)
    if problem:
        raise StoreError(problem)
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info")


@contextmanager
def serve_in_subprocess(store: Path, log_path: Path, ready_within: float = 90.0, **env: str):
    """``esgkg serve`` over ``store`` in a child process on a free loopback port, for tests
    and benchmarks that need a real server; yields its base URL once a query worker answers.
    ``env``: ESGKG_* settings for this server only (the caller's ESGKG_* are not inherited)."""
    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    root = Path(__file__).resolve().parent.parent
    child_env = {k: v for k, v in os.environ.items() if not k.startswith("ESGKG_")}
    child_env.update(env)
    child_env["PYTHONPATH"] = os.pathsep.join(p for p in (str(root), child_env.get("PYTHONPATH")) if p)
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--host", "127.0.0.1", "--port", str(port)],
            cwd=root, env=child_env, stdout=log, stderr=subprocess.STDOUT,
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
