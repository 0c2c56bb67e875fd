"""The GraphQL schema: the root ``Query`` (lists as Relay connections, lookups, search),
the document limits and the strawberry ``Schema`` object.

Limits a public endpoint needs: depth, tokens and aliases per document (strawberry's
validators), a page-size cap (``Settings.max_page_size``), bounded filter texts. Every
failure is a GraphQL error in a 200 response; unexpected exceptions are masked
(``internal error``) and logged.
"""
from __future__ import annotations

import base64
import logging
import re
from typing import Annotated, Generic, TypeVar

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (MaskErrors, MaxAliasesLimiter, MaxTokensLimiter,
                                   QueryDepthLimiter, SchemaExtension)
from strawberry.types import Info

from extractors.normalise import match_key

from . import queries
from .backend import ApiError
from .keys import certification_keys, framework_keys
from .types import (SDG, Certification, Committee, Company, Entity, EntityType, GraphQLContext,
                    Organization, Person, Programme, Report, ReportingFramework, _classes,
                    _COMPANY, _loaders, _node, typed)

log = logging.getLogger("esgkg.graphql")

#: limits on one GraphQL document (introspection fields do not count towards the depth)
MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_TOKENS = 2000
#: the page size when a client does not give one
DEFAULT_PAGE = 20
#: the longest search or filter text accepted
MAX_TEXT = 200

T = TypeVar("T")

__all__ = ["schema", "GraphQLContext"]


# --- connections -------------------------------------------------------------------------------

@strawberry.type(description="Relay page information.")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type(description="One item of a page, with the cursor to continue after it.")
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type(description="A page of a ranked list (Relay connection): pass a page's "
                             "`pageInfo.endCursor` as `after` to get the next page.")
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    total_count: int = strawberry.field(description="How many items the whole list has.")


_CURSOR_PREFIX = "esgkg:offset:"


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{offset}".encode()).decode()


def decode_cursor(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor.encode("ascii")).decode("ascii")
        if not text.startswith(_CURSOR_PREFIX):
            raise ValueError
        offset = int(text[len(_CURSOR_PREFIX):])
        if offset < 0:
            raise ValueError
        return offset
    except (ValueError, UnicodeError):
        raise ApiError(f"not a cursor of this API: {cursor[:40]!r}") from None


def check_first(info: Info, first: int | None) -> int:
    cap = info.context.settings.max_page_size
    if first is None:
        first = DEFAULT_PAGE
    if first < 0:
        raise ApiError("`first` must not be negative")
    if first > cap:
        raise ApiError(f"`first` must be at most {cap} (the largest page this server returns)")
    return first


def check_text(value: str, what: str) -> str:
    if len(value) > MAX_TEXT:
        raise ApiError(f"`{what}` is longer than {MAX_TEXT} characters")
    return value


def search_key(text: str) -> str:
    """The form names are compared in: match_key (script, case, width, punctuation folded)."""
    return match_key(text) or text.strip().casefold()


async def page(info: Info, cls: str, filters: queries.Filters, first: int | None, after: str | None) -> Connection:
    first = check_first(info, first)
    start = decode_cursor(after) + 1 if after else 0
    sparql, bindings = queries.ranked_list((cls,), filters)
    iris = [row["e"].value for row in await _loaders(info).select(sparql, bindings)]
    make = _classes()[cls]
    chunk = iris[start:start + first]
    edges = [Edge(cursor=encode_cursor(start + i), node=make(id=strawberry.ID(iri))) for i, iri in enumerate(chunk)]
    return Connection(
        edges=edges,
        page_info=PageInfo(has_next_page=start + len(chunk) < len(iris), has_previous_page=start > 0,
                           start_cursor=edges[0].cursor if edges else None,
                           end_cursor=edges[-1].cursor if edges else None),
        total_count=len(iris),
    )


def _iri_or_keys(value: str, what: str, keys) -> tuple:
    check_text(value, what)
    if re.match(r"^(https?|urn):", value.strip(), re.IGNORECASE):
        return queries.to_iri(value.strip(), what), []
    return None, keys(value)


def company_filters(search, certification, sdg, framework, report) -> queries.Filters:
    f = queries.Filters()
    if search is not None and search.strip():
        f.search = search_key(check_text(search, "search"))
    if certification is not None and certification.strip():
        f.certification, f.certification_keys = _iri_or_keys(certification, "certification", certification_keys)
    if sdg is not None:
        if not 1 <= sdg <= 17:
            raise ApiError("`sdg` is a goal number from 1 to 17")
        f.sdg = sdg
    if framework is not None and framework.strip():
        f.framework, f.framework_keys = _iri_or_keys(framework, "framework", framework_keys)
    if report is not None and report.strip():
        iri, _ = _iri_or_keys(report, "report", lambda v: [])
        f.report, f.report_file = (iri, None) if iri is not None else (None, report.strip())
    return f


def _search_filters(search: str | None) -> queries.Filters:
    return company_filters(search, None, None, None, None)


# --- the root -----------------------------------------------------------------------------------

First = Annotated[int | None, strawberry.argument(description="Page size (at most the server's max page size, 100 by default).")]
After = Annotated[str | None, strawberry.argument(description="The `endCursor` of the previous page.")]
Search = Annotated[str | None, strawberry.argument(description="Part of the name in any script or spelling: 医脉通 finds 醫脈通.")]


@strawberry.type
class Query:
    @strawberry.field(description="Companies, best first: search rank, then the number of reports "
                                  "naming them, then name. Filters combine (AND).")
    async def companies(
        self, info: Info,
        search: Search = None,
        certification: Annotated[str | None, strawberry.argument(
            description="Any spelling of a certification (\"ISO 27001\", "
                                      "\"ISO/IEC 27001:2013\", \"等保三級\", \"MLPS level 3\"), its "
                                      "scheme key (iso27001) or its IRI: holders of it.")] = None,
        sdg: Annotated[int | None, strawberry.argument(
            description="A goal number (1-17): companies contributing to it directly "
                                      "or through a programme they run.")] = None,
        framework: Annotated[str | None, strawberry.argument(
            description="Any spelling of a reporting framework (TCFD, \"GRI Standards\", "
                                      "環境、社會及管治報告指引), its key or IRI: companies whose reports follow it.")] = None,
        report: Annotated[str | None, strawberry.argument(
            description="A report IRI or source file name: companies found in it.")] = None,
        first: First = 20,
        after: After = None,
    ) -> Connection[Company]:
        filters = company_filters(search, certification, sdg, framework, report)
        return await page(info, "Company", filters, first, after)

    @strawberry.field(description="A company by IRI; null when the IRI is not a company.")
    async def company(self, info: Info, id: strawberry.ID) -> Company | None:
        found = await typed(info, [queries.to_iri(id).value], _COMPANY)
        return found[0] if found else None

    @strawberry.field(description="Any entity by IRI, typed by its class; null when unknown.")
    async def entity(self, info: Info, id: strawberry.ID) -> Entity | None:
        found = await typed(info, [queries.to_iri(id).value])
        return found[0] if found else None

    @strawberry.field(description="Entities of every type whose name matches `text` in any script "
                                  "or spelling (医脉通 finds 醫脈通, and the reverse), best first: the "
                                  "whole name, then a prefix, then anywhere inside; ties by number "
                                  "of reports, then name.")
    async def search(self, info: Info, text: str, first: First = 20,
                     types: list[EntityType] | None = None) -> list[Entity]:
        check_first(info, first)
        key = search_key(check_text(text, "text"))
        if not key:
            return []
        classes = tuple(t.value for t in types) if types else queries.ENTITY_CLASSES
        sparql, bindings = queries.ranked_list(classes, queries.Filters(search=key), limit=first)
        rows = await _loaders(info).select(sparql, bindings)
        return await typed(info, [row["e"].value for row in rows], classes)

    @strawberry.field(description="Every report, by source file.")
    async def reports(self, info: Info) -> list[Report]:
        rows = await _loaders(info).select(queries.REPORTS)
        return [Report(id=strawberry.ID(row["e"].value)) for row in rows]

    @strawberry.field(description="A report by IRI; null when unknown.")
    async def report(self, info: Info, id: strawberry.ID) -> Report | None:
        node = await _node(info, queries.to_iri(id).value)
        return Report(id=id) if "Report" in node.types else None

    @strawberry.field(description="The 17 UN Sustainable Development Goals, by number.")
    async def sdgs(self, info: Info) -> list[SDG]:
        rows = await _loaders(info).select(queries.SDGS)
        return [SDG(id=strawberry.ID(iri)) for iri in dict.fromkeys(row["e"].value for row in rows)]

    @strawberry.field(description="Governance bodies, best first (search rank, reports, name).")
    async def committees(self, info: Info, search: Search = None, first: First = 20,
                         after: After = None) -> Connection[Committee]:
        return await page(info, "Committee", _search_filters(search), first, after)

    @strawberry.field(description="ESG programmes, best first.")
    async def programmes(self, info: Info, search: Search = None, first: First = 20,
                         after: After = None) -> Connection[Programme]:
        return await page(info, "Programme", _search_filters(search), first, after)

    @strawberry.field(description="Certifications, best first.")
    async def certifications(self, info: Info, search: Search = None, first: First = 20,
                             after: After = None) -> Connection[Certification]:
        return await page(info, "Certification", _search_filters(search), first, after)

    @strawberry.field(description="Reporting frameworks, best first.")
    async def frameworks(self, info: Info, search: Search = None, first: First = 20,
                         after: After = None) -> Connection[ReportingFramework]:
        return await page(info, "ReportingFramework", _search_filters(search), first, after)

    @strawberry.field(description="Persons with a governance role, best first.")
    async def persons(self, info: Info, search: Search = None, first: First = 20,
                      after: After = None) -> Connection[Person]:
        return await page(info, "Person", _search_filters(search), first, after)

    @strawberry.field(description="Other organisations, best first.")
    async def organizations(self, info: Info, search: Search = None, first: First = 20,
                            after: After = None) -> Connection[Organization]:
        return await page(info, "Organization", _search_filters(search), first, after)


# --- extensions and the schema ------------------------------------------------------------------

class StoreQueryCount(SchemaExtension):
    """Reports in ``extensions.storeQueries`` how many store queries the request ran."""

    def get_results(self) -> dict:
        loaders = getattr(self.execution_context.context, "loaders", None)
        return {"storeQueries": loaders.backend.count} if loaders is not None else {}


def _mask(error: GraphQLError) -> bool:
    """Hide the text of unexpected exceptions (bugs, internals); keep ours and GraphQL's."""
    original = error.original_error
    if original is None or isinstance(original, (ApiError, GraphQLError)):
        return False
    log.error("GraphQL resolver failed", exc_info=original)
    return True


schema = strawberry.Schema(
    query=Query,
    types=[Company, Committee, Programme, Certification, SDG, Person, ReportingFramework, Organization],
    extensions=[
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        lambda: MaskErrors(should_mask_error=_mask, error_message="internal error"),
        StoreQueryCount,
    ],
)
