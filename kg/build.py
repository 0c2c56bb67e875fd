"""Reports in, named graphs out: the build job behind ``esgkg build``.

read -> extract -> resolve -> quads -> store, one report at a time, each report's graph
replaced in one transaction so a failed report never leaves half a graph behind.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extractors.pipeline import extract
from extractors.reading import ReportReadError, iter_report_files, read_document
from ontology import ESG_TTL, SDG_TTL

from .namespaces import ONTOLOGY_GRAPH
from .resolve import Resolver
from .store import OxigraphStore
from .triples import report_quads


@dataclass
class BuildResult:
    graphs: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (file, message)
    quads: int = 0
    seconds: float = 0.0


def load_ontology(store: OxigraphStore) -> None:
    """Keep the ontology and the SDG scheme in the store, in a graph of their own."""
    store.load_files((ESG_TTL, SDG_TTL), ONTOLOGY_GRAPH)


def build(
    inputs: Iterable[str | Path],
    store: OxigraphStore,
    progress: Callable[[Iterable], Iterable] | None = None,
) -> BuildResult:
    """Extract every report under ``inputs`` into ``store``.

    A report that cannot be read (or whose extraction fails) is recorded in ``failures``
    and skipped, its old graph left as it was; the others are built. ``progress`` wraps the file iterator (a progress bar in the CLI).
    """
    t0 = time.perf_counter()
    files = iter_report_files(list(inputs))
    load_ontology(store)
    resolver = Resolver(store.known_keys())
    result = BuildResult()
    for path in (progress(files) if progress else files):
        try:
            document = read_document(path)
            extraction = extract(document)
        except ReportReadError as e:
            result.failures.append((str(path), str(e)))
            continue
        except Exception as e:  # an extractor bug must not cost the other reports
            if os.environ.get("ESGKG_DEBUG"):
                raise
            result.failures.append((str(path), f"extraction failed ({type(e).__name__}: {e}); "
                                                "set ESGKG_DEBUG=1 for the traceback"))
            continue
        resolved = resolver.resolve(extraction)
        graph, quads = report_quads(resolved)
        store.replace_graph(graph, quads)
        result.graphs.append(graph)
        result.quads += len(quads)
    store.flush()
    result.seconds = time.perf_counter() - t0
    return result
