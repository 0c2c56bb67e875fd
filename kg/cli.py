"""``esgkg``: build | query | serve | export.

Errors a user can cause (a missing file, a bad query, a locked store) end in one line on
stderr and a non-zero exit, never a traceback.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .config import Settings


class CliError(Exception):
    """An error whose message is the whole story for the user."""


def _store_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", help="store folder (default: $ESGKG_STORE, else ./esgkg-data)")


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="esgkg", description="ESG knowledge graph: build, query, serve, export.")
    sub = ap.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="extract reports (files or folders) into the store")
    b.add_argument("inputs", nargs="+", metavar="INPUT")
    b.add_argument("-o", "--output", help="also write these reports' graphs to FILE (.ttl .trig .nq .nt .jsonld)")
    b.add_argument("--quiet", action="store_true", help="no progress bar")
    _store_arg(b)

    q = sub.add_parser("query", help="run SPARQL: inline text, @file.rq, or a catalogue name")
    q.add_argument("sparql")
    q.add_argument("--format", choices=("table", "json", "csv"), default="table")
    q.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="bind a query variable to a value (repeatable)")
    _store_arg(q)

    s = sub.add_parser("serve", help="serve the HTTP API (SPARQL, GraphQL, exports) over the store")
    s.add_argument("--host")
    s.add_argument("--port", type=int)
    s.add_argument("--query-timeout", type=float, help="seconds before a SPARQL query is stopped (default 30)")
    s.add_argument("--max-results", type=int, help="most rows or triples one answer may carry (default 10000)")
    _store_arg(s)

    e = sub.add_parser("export", help="write the graph for visualisation tools")
    e.add_argument("--format", required=True)
    e.add_argument("-o", "--output", help="file to write (default: stdout)")
    e.add_argument("--lang", help="label language: zh-Hant, zh-Hans or en")
    e.add_argument("--entity", help="only this entity's neighbourhood (IRI)")
    e.add_argument("--hops", type=int, default=1)
    e.add_argument("--types", help="comma-separated entity types to keep")
    e.add_argument("--report", help="only this report (IRI or source file name)")
    _store_arg(e)
    return ap


def cmd_build(args, settings: Settings) -> int:
    from extractors.reading import ReportReadError

    from .build import build
    from .store import RDF_FORMATS, OxigraphStore

    suffix = Path(args.output).suffix.lower() if args.output else None
    if suffix and suffix not in RDF_FORMATS:
        raise CliError(f"-o {args.output}: unknown format {suffix!r} (use {' '.join(RDF_FORMATS)})")
    progress = None
    if not args.quiet and sys.stderr.isatty():
        from functools import partial

        from tqdm import tqdm

        progress = partial(tqdm, desc="reports", unit="report", file=sys.stderr)

    store = OxigraphStore(settings.store)
    try:
        try:
            result = build(args.inputs, store, progress=progress)
        except ReportReadError as e:
            raise CliError(str(e)) from None
        for f, msg in result.failures:
            print(f"esgkg: skipped {f}: {msg}", file=sys.stderr)
        if args.output and result.graphs:
            store.dump(args.output, suffix, result.graphs)
    finally:
        store.close()
    print(f"built {len(result.graphs)} report(s), {result.quads} quads, in {result.seconds:.1f} s "
          f"into {settings.store}" + (f"; wrote {args.output}" if args.output and result.graphs else ""),
          file=sys.stderr)
    return 1 if result.failures or not result.graphs else 0


def cmd_query(args, settings: Settings) -> int:
    from .query import format_result, load_query, parse_params, run_query
    from .store import OxigraphStore

    sparql = load_query(args.sparql)
    store = OxigraphStore(settings.store, read_only=True)
    result = run_query(store, sparql, parse_params(args.param))
    sys.stdout.write(format_result(result, args.format))
    return 0


def cmd_serve(args, settings: Settings) -> int:
    try:
        from api.app import serve
    except ImportError as e:
        raise CliError(f"the HTTP API is not available: {e}") from None
    serve(settings)
    return 0


def cmd_export(args, settings: Settings) -> int:
    try:
        from .export import export_command
    except ImportError as e:
        raise CliError(f"export is not available: {e}") from None
    export_command(args, settings)
    return 0


COMMANDS = {"build": cmd_build, "query": cmd_query, "serve": cmd_serve, "export": cmd_export}


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    from .query import QueryError
    from .store import StoreError

    try:
        settings = Settings.from_env(
            store=getattr(args, "store", None),
            host=getattr(args, "host", None),
            port=getattr(args, "port", None),
            query_timeout=getattr(args, "query_timeout", None),
            max_results=getattr(args, "max_results", None),
        )
        return COMMANDS[args.command](args, settings)
    except (CliError, StoreError, QueryError, ValueError, OSError) as e:
        print(f"esgkg {args.command}: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
