"""``/graphql``: the GraphQL API (strawberry) over the knowledge graph.

``create_router(settings)`` gives the FastAPI router the app includes: POST (and GET with a
``query`` parameter) runs GraphQL; GET from a browser shows GraphiQL served from local files
(``ide.py``). Resolvers reach the store only through the app's worker pool
(``backend.PoolBackend``), with DataLoaders created for each request (``loaders.py``).
"""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from strawberry.fastapi import GraphQLRouter

from kg.config import Settings

from . import ide
from .backend import PoolBackend, StoreBackend
from .loaders import Loaders
from .schema import GraphQLContext, schema

__all__ = ["create_router", "schema", "GraphQLContext", "Loaders", "PoolBackend", "StoreBackend"]


class _Router(GraphQLRouter):
    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        return HTMLResponse(ide.page_html())


def create_router(settings: Settings) -> APIRouter:
    async def context(request: Request) -> GraphQLContext:
        return GraphQLContext(Loaders(PoolBackend(request.app.state.pool)), settings)

    router = APIRouter()
    router.include_router(_Router(schema, path="/graphql", context_getter=context))
    router.include_router(ide.router)
    return router
