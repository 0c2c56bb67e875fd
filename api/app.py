"""The HTTP API behind ``esgkg serve``: one FastAPI app over the store.

The app never opens the store itself: queries run in a pool of worker processes
(``api.worker``) that open it read-only, so a runaway query can be killed without taking
the server down. CORS is open (any origin, GET/POST) so browser tools such as YASGUI can
query the endpoint directly.
"""
from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from kg.config import Settings
from kg.store import StoreError

from . import catalogue, sparql
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
    # GraphQL: app.include_router(graphql_router, prefix="/graphql")  (added by the GraphQL work)

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
