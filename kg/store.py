"""The store: where the graph lives between builds, and what the API reads.

``Store`` is the small interface the rest of esgkg uses; ``OxigraphStore`` is the embedded
default (pyoxigraph on disk). A remote SPARQL 1.1 engine can implement the same interface.

Every query runs with the default graph as the union of all named graphs (the contract's
default graph), unless the caller names the graphs.
"""
from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from .namespaces import ESG, PREFIXES


class StoreError(Exception):
    """A store that cannot be opened or written; the message is for the user."""


class Store(Protocol):
    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> None: ...

    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, ox.NamedNode | ox.Literal] | None = None,
        default_graph: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ): ...

    def report_graphs(self) -> list[str]: ...

    def close(self) -> None: ...


#: File suffix -> RDF format, for ``dump`` and ``esgkg build -o``.
RDF_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
}


class OxigraphStore:
    """Oxigraph on disk (``path``) or in memory (``path=None``).

    Writes are transactional: ``replace_graph`` drops a report's graph and inserts its new
    content in one SPARQL Update, which Oxigraph applies all or nothing.
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                if not self.path.exists():
                    raise StoreError(f"no store at {self.path}: run `esgkg build` first")
                self._store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as e:
            raise StoreError(f"cannot open the store at {self.path}: {e}") from None

    @property
    def raw(self) -> ox.Store:
        """The pyoxigraph store, for code that needs its full API (exports, benchmarks)."""
        return self._store

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        g = ox.NamedNode(graph)
        body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
        self._store.update(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}")

    def load_files(self, paths: Iterable[str | Path], graph: str) -> None:
        """Replace ``graph`` with the content of RDF files (format by extension), e.g. the ontology."""
        g = ox.NamedNode(graph)
        quads = [ox.Quad(t.subject, t.predicate, t.object, g)
                 for path in paths
                 for t in ox.parse(path=str(path), format=ox.RdfFormat.from_extension(Path(path).suffix.lstrip(".")))]
        self.replace_graph(graph, quads)

    def query(self, sparql, *, bindings=None, default_graph=None, named_graphs=None):
        """Run a SPARQL query; ``bindings`` substitute variables by values (never by text).

        Oxigraph substitutes only variables the query projects: name them in SELECT.
        """
        kwargs = {}
        if default_graph:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graph]
        else:
            kwargs["use_default_graph_as_union"] = True
        if named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        if bindings:
            kwargs["substitutions"] = {ox.Variable(k): v for k, v in bindings.items()}
        return self._store.query(sparql, prefixes=PREFIXES, **kwargs)

    def report_graphs(self) -> list[str]:
        rows = self.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g a <{ESG}Report> }} }} ORDER BY ?g")
        return [r["g"].value for r in rows]

    def known_keys(self) -> dict[tuple[str, str], str]:
        """(type, match key) -> IRI for every entity in the store, to seed a Resolver."""
        rows = self.query(
            "SELECT DISTINCT ?e ?t ?k WHERE { GRAPH ?g { ?e a ?t ; esg:matchKey ?k } "
            f"FILTER(STRSTARTS(STR(?t), \"{ESG}\")) }}"
        )
        return {(r["t"].value[len(ESG):], r["k"].value): r["e"].value for r in rows}

    def dump(self, out: str | Path | io.IOBase, fmt_suffix: str, graphs: list[str] | None = None) -> None:
        """Serialise the named ``graphs`` (default: every report graph) to a file."""
        fmt = RDF_FORMATS.get(fmt_suffix)
        if fmt is None:
            raise StoreError(f"unknown RDF format {fmt_suffix!r}: use one of {', '.join(RDF_FORMATS)}")
        graphs = graphs if graphs is not None else self.report_graphs()
        quads = [q for g in graphs for q in self._store.quads_for_pattern(None, None, None, ox.NamedNode(g))]
        if not fmt.supports_datasets:
            quads = [q.triple for q in quads]
        ox.serialize(quads, output=out, format=fmt, prefixes=PREFIXES)

    def flush(self) -> None:
        if self.path is not None and not self.read_only:
            self._store.flush()

    def close(self) -> None:
        self.flush()
        del self._store

