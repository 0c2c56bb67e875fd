"""``esgkg export``: the graph for visualisation tools (Gephi, Cytoscape, yEd, D3, Neo4j).

The RDF graph (the union of the report graphs; the ontology graph only lends SDG titles) is
projected to a networkx ``MultiDiGraph``:

- nodes are the extracted entities and the reports: id = IRI, ``label`` (one language, with
  fallback; ``labelLang`` says which), ``type`` (contract class), ``label_en`` /
  ``label_zh_Hans`` / ``label_zh_Hant``, ``altLabels``, ``reports`` (the reports it is
  mentioned in), and every other literal the entity carries, by property local name
  (``sdgNumber``, ``schemeKey``, ``sourceFile``, ``periodStart``, ...);
- edges are the relations between them (every ``esg:`` property from one node to another,
  except ``esg:mentionedIn``, which is the ``reports`` attribute): key and ``predicate`` =
  the property's local name; ``reports`` = the reports stating it; ``sentence``, ``line``,
  ``report`` = its first evidence (earliest report, then line). One edge per distinct
  (subject, property, object), however many reports state it;
- evidence nodes are not nodes (they become those edge attributes); observations
  (``esg:Observation``, one per KPI figure, usually more numerous than all entities) are
  left out unless asked for by type (``--types Observation,Company``): then they are nodes
  with ``metric``, ``value``, ``unit``, ``period`` and a ``subject`` edge to the entity.

Subsets: ``report`` (its named graph only), ``types`` (node types kept), ``entity`` + ``hops``
(the neighbourhood, edges taken in either direction; the entity is kept whatever its type),
``lang`` (labels of that language only: ``label`` falls back to another language where the
entity has none in it, so no node is lost).

Formats (``FORMATS``): GraphML; GEXF 1.3 (edge ``kind`` = predicate for Gephi's parallel
edges, ``viz`` colours by type); Cytoscape.js JSON; D3 node-link JSON (``links``); DOT; and
``neo4j``: ``nodes.csv`` + ``edges.csv`` with ``neo4j-admin database import`` headers
(``id:ID``, ``:LABEL``, ``:START_ID``, ``:END_ID``, ``:TYPE``; lists are ``string[]`` with
``;`` between items), in a zip on stdout or ``-o FILE.zip``, else as ``FILE_nodes.csv`` and
``FILE_edges.csv``. Formats that hold only scalars get lists joined with ``|``.
"""
from __future__ import annotations

import csv
import io
import json
import sys
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from xml.etree.ElementTree import tostring

import networkx as nx
import pyoxigraph as ox
from networkx.readwrite.gexf import GEXFWriter

from .namespaces import ESG, ONTOLOGY_GRAPH, RDFS, SKOS

#: node types, in the order that decides an entity's type if it has several
NODE_TYPES = ("Report", "Company", "Committee", "Person", "Programme", "Certification", "SDG",
              "ReportingFramework", "Organization", "Observation")
#: what a whole-graph export holds
DEFAULT_TYPES = tuple(t for t in NODE_TYPES if t != "Observation")
LANGS = ("zh-Hant", "zh-Hans", "en")
#: label fallback when no language (or none of the entity's) is asked for
_FALLBACK = {None: LANGS, "zh-Hant": ("zh-Hans", "en"), "zh-Hans": ("zh-Hant", "en"),
             "en": ("zh-Hant", "zh-Hans")}
#: literals that are labels or matching internals, not attributes
_NOT_ATTRIBUTES = (RDFS + "label", SKOS + "altLabel", ESG + "matchKey")
#: per type, for GEXF viz, DOT fill colours (and the explorer's legend uses the same hues)
TYPE_COLOURS = {
    "Report": "#7f8c8d", "Company": "#2e86de", "Committee": "#8e44ad", "Person": "#e67e22",
    "Programme": "#27ae60", "Certification": "#c0392b", "SDG": "#f1c40f",
    "ReportingFramework": "#16a085", "Organization": "#5d6d7e", "Observation": "#b2bec3",
}
#: types whose colour is too light for white text
_LIGHT_TYPES = {"SDG", "Observation"}
LIST_SEPARATOR = "|"


class ExportError(ValueError):
    """A bad option (format, type, entity, report): the message is the whole story."""


@dataclass(frozen=True)
class Selection:
    lang: str | None = None
    entity: str | None = None
    hops: int = 1
    types: tuple[str, ...] = DEFAULT_TYPES
    report: str | None = None


# ---------------------------------------------------------------- option checks

def check_format(name: str | None) -> "Format":
    fmt = FORMATS.get((name or "").strip().lower())
    if fmt is None:
        raise ExportError(f"unknown format {name!r}: use one of {', '.join(FORMATS)}")
    return fmt


def parse_types(text: str | None) -> tuple[str, ...]:
    """``Company,committee`` -> ('Company', 'Committee'); names are matched ignoring case."""
    if not text or not text.strip():
        return DEFAULT_TYPES
    by_lower = {t.lower(): t for t in NODE_TYPES}
    out = []
    for raw in text.split(","):
        name = raw.strip()
        if not name:
            continue
        t = by_lower.get(name.lower())
        if t is None:
            raise ExportError(f"unknown type {name!r}: use any of {', '.join(NODE_TYPES)}")
        if t not in out:
            out.append(t)
    return tuple(out) or DEFAULT_TYPES


def parse_lang(text: str | None) -> str | None:
    if not text:
        return None
    for lang in LANGS:
        if lang.lower() == text.strip().lower():
            return lang
    raise ExportError(f"unknown label language {text!r}: use one of {', '.join(LANGS)}")


def parse_hops(value) -> int:
    try:
        hops = int(value)
    except (TypeError, ValueError):
        raise ExportError(f"hops must be a whole number, got {value!r}") from None
    if not 0 <= hops <= 10:
        raise ExportError(f"hops must be between 0 and 10, got {hops}")
    return hops


def selection(*, lang=None, entity=None, hops=1, types=None, report=None) -> Selection:
    """A checked ``Selection`` from raw option values (CLI flags or URL parameters)."""
    return Selection(lang=parse_lang(lang), entity=(entity or "").strip() or None,
                     hops=parse_hops(hops), types=parse_types(types),
                     report=(report or "").strip() or None)


# ---------------------------------------------------------------- projection

def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri.rstrip("/").rsplit("/", 1)[-1]


def _lang_key(tag: str) -> str:
    """Oxigraph lower-cases language tags; give back the contract's spelling."""
    for lang in LANGS:
        if lang.lower() == tag.lower():
            return lang
    return tag


def _python_value(lit: ox.Literal):
    dt = _local(lit.datatype.value)
    try:
        if dt in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger"):
            return int(lit.value)
        if dt in ("decimal", "double", "float"):
            return float(lit.value)
        if dt == "boolean":
            return lit.value in ("true", "1")
    except ValueError:
        pass
    return lit.value


def _report_graphs(store, wanted: str | None) -> list[str]:
    rows = store.query("SELECT ?r ?f WHERE { GRAPH ?r { ?r a esg:Report OPTIONAL { ?r esg:sourceFile ?f } } }")
    reports = {r["r"].value: (r["f"].value if r["f"] is not None else "") for r in rows}
    if wanted is None:
        return sorted(reports)
    for iri, source in reports.items():
        if wanted in (iri, source) or (source and wanted == Path(source).stem):
            return [iri]
    known = ", ".join(sorted(Path(f).name for f in reports.values() if f)) or "none"
    raise ExportError(f"no report {wanted!r} in the store (give its IRI or source file name: {known})")


class _Projector:
    """Reads the selected report graphs with a handful of SELECTs and builds the graph."""

    def __init__(self, store, graphs: list[str], sel: Selection) -> None:
        self.store = store
        self.graphs = graphs
        self.sel = sel

    def rows(self, sparql: str):
        if not self.graphs:
            return []
        return self.store.query(sparql, named_graphs=self.graphs)

    def build(self) -> nx.MultiDiGraph:
        types = set(self.sel.types)
        if self.sel.entity:
            types = set(NODE_TYPES)  # filtered after the neighbourhood is known
        values = " ".join(f"esg:{t}" for t in types)
        G = nx.MultiDiGraph(name="esgkg")
        type_of: dict[str, str] = {}
        for r in self.rows(f"SELECT DISTINCT ?e ?t WHERE {{ GRAPH ?g {{ ?e a ?t }} VALUES ?t {{ {values} }} }}"):
            e, t = r["e"].value, _local(r["t"].value)
            if e not in type_of or NODE_TYPES.index(t) < NODE_TYPES.index(type_of[e]):
                type_of[e] = t
        for e in sorted(type_of):
            G.add_node(e, type=type_of[e])
        self._labels(G)
        self._reports(G)
        self._literals(G, values)
        self._edges(G)
        if self.sel.entity:
            G = self._neighbourhood(G)
        self._finish_labels(G)
        return G

    def _labels(self, G: nx.MultiDiGraph) -> None:
        found: dict[str, dict[str, dict[str, dict[str, int]]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(dict)))
        for r in self.rows("SELECT ?e ?p ?l (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?e ?p ?l } "
                           "VALUES ?p { rdfs:label skos:altLabel } FILTER(isLiteral(?l)) } GROUP BY ?e ?p ?l"):
            e = r["e"].value
            if e in G:
                lit = r["l"]
                kind = "label" if r["p"].value == RDFS + "label" else "alt"
                found[e][kind][_lang_key(lit.language or "")][lit.value] = int(r["n"].value)
        # SDGs: the ontology's titles fill languages the reports did not name them in
        sdgs = [n for n, d in G.nodes(data=True) if d["type"] == "SDG"]
        if sdgs:
            for r in self.store.query("SELECT ?e ?l WHERE { ?e skos:prefLabel ?l }", default_graph=[ONTOLOGY_GRAPH]):
                e, lit = r["e"].value, r["l"]
                lang = _lang_key(lit.language or "")
                if e in G and G.nodes[e]["type"] == "SDG" and not found[e]["label"].get(lang):
                    found[e]["label"][lang] = {lit.value: 0}
        for e, kinds in found.items():
            G.nodes[e]["_labels"] = {lang: _best(texts) for lang, texts in kinds["label"].items()}
            alts = {(lang, text) for lang, texts in kinds["alt"].items() for text in texts}
            alts |= {(lang, text) for lang, texts in kinds["label"].items() for text in texts
                     if text != G.nodes[e]["_labels"][lang]}
            G.nodes[e]["_alts"] = sorted(alts)

    def _reports(self, G: nx.MultiDiGraph) -> None:
        reports = defaultdict(set)
        for r in self.rows("SELECT DISTINCT ?e ?r WHERE { GRAPH ?g { ?e esg:mentionedIn ?r } }"):
            reports[r["e"].value].add(r["r"].value)
        for e, d in G.nodes(data=True):
            if d["type"] == "Report":
                reports[e].add(e)
            d["reports"] = sorted(reports.get(e, ()))

    def _literals(self, G: nx.MultiDiGraph, values: str) -> None:
        skip = ", ".join(f"<{p}>" for p in _NOT_ATTRIBUTES)
        attrs = defaultdict(lambda: defaultdict(list))
        for r in self.rows(f"SELECT DISTINCT ?e ?p ?o WHERE {{ GRAPH ?g {{ ?e a ?t ; ?p ?o }} VALUES ?t {{ {values} }} "
                           f"FILTER(isLiteral(?o) && ?p NOT IN ({skip})) }}"):
            e = r["e"].value
            if e in G:
                v = _python_value(r["o"])
                bucket = attrs[e][_local(r["p"].value)]
                if v not in bucket:
                    bucket.append(v)
        for e, props in attrs.items():
            for name, vals in props.items():
                if name in G.nodes[e] or name in ("label", "id"):
                    name = "has_" + name
                vals.sort(key=str)
                G.nodes[e][name] = vals[0] if len(vals) == 1 else vals

    def _edges(self, G: nx.MultiDiGraph) -> None:
        evidence = defaultdict(list)
        for r in self.rows("SELECT ?s ?p ?o ?g ?sentence ?line WHERE { GRAPH ?g { ?ev a esg:Evidence ; "
                           "rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o OPTIONAL { ?ev esg:sentence ?sentence } "
                           "OPTIONAL { ?ev esg:line ?line } FILTER(isIRI(?o)) } }"):
            line = _python_value(r["line"]) if r["line"] is not None else None
            evidence[(r["s"].value, r["p"].value, r["o"].value)].append(
                (r["g"].value, line if isinstance(line, int) else 0, r["sentence"].value if r["sentence"] else ""))
        stated = defaultdict(set)
        for r in self.rows(f"SELECT DISTINCT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(isIRI(?o) && "
                           f"STRSTARTS(STR(?p), \"{ESG}\") && ?p NOT IN (esg:mentionedIn, esg:inReport)) }}"):
            s, o = r["s"].value, r["o"].value
            if s in G and o in G and s != o:
                stated[(s, r["p"].value, o)].add(r["g"].value)
        for (s, p, o) in sorted(stated):
            name = _local(p)
            data = {"predicate": name, "label": name, "reports": sorted(stated[(s, p, o)])}
            ev = sorted(evidence.get((s, p, o), ()))
            if ev:
                data.update(report=ev[0][0], line=ev[0][1], sentence=ev[0][2])
            G.add_edge(s, o, key=name, **data)

    def _neighbourhood(self, G: nx.MultiDiGraph) -> nx.MultiDiGraph:
        centre = self.sel.entity
        if centre not in G:
            where = f" of report {self.sel.report!r}" if self.sel.report else ""
            raise ExportError(f"no entity <{centre}> in the graph{where} (give an entity IRI)")
        keep = set(self.sel.types) | {G.nodes[centre]["type"]}
        typed = G.subgraph(n for n, d in G.nodes(data=True) if d["type"] in keep)
        return nx.MultiDiGraph(nx.ego_graph(typed, centre, radius=self.sel.hops, undirected=True))

    def _finish_labels(self, G: nx.MultiDiGraph) -> None:
        lang = self.sel.lang
        for e, d in G.nodes(data=True):
            labels = d.pop("_labels", {})
            alts = d.pop("_alts", [])
            chosen = None
            for candidate in ((lang,) if lang else ()) + _FALLBACK[lang] + tuple(sorted(labels)):
                if labels.get(candidate):
                    chosen = candidate
                    break
            if d["type"] == "Observation":
                text = f"{d.get('metric', '')}: {d.get('value', '')} {d.get('unit', '')}".strip()
                d["label"], d["labelLang"] = text, ""
            else:
                d["label"] = labels[chosen] if chosen else _local(e)
                d["labelLang"] = chosen or ""
            for code in LANGS:
                if labels.get(code) and (lang is None or code == lang):
                    d["label_" + code.replace("-", "_")] = labels[code]
            d["altLabels"] = [text for code, text in alts if lang is None or code == lang]


def _best(texts: dict[str, int]) -> str:
    """The label most report graphs give, then the shortest (the name, not a description)."""
    return min(texts, key=lambda t: (-texts[t], len(t), t))


def project(store, sel: Selection = Selection()) -> nx.MultiDiGraph:
    """The selected part of ``store`` (a ``kg.store.OxigraphStore``) as a MultiDiGraph."""
    graphs = _report_graphs(store, sel.report)
    return _Projector(store, graphs, sel).build()


# ---------------------------------------------------------------- writers

def scalar_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attribute values are all scalars of one type per attribute name (lists
    joined with ``|``; a name holding mixed types becomes text), as GraphML and GEXF need."""
    H = G.copy()
    for items in (lambda: (d for _, d in H.nodes(data=True)), lambda: (d for *_, d in H.edges(keys=True, data=True))):
        kinds = defaultdict(set)
        for d in items():
            for k, v in list(d.items()):
                if isinstance(v, (list, tuple)):
                    d[k] = v = LIST_SEPARATOR.join(str(x) for x in v)
                kinds[k].add(type(v))
        mixed = {k for k, ts in kinds.items() if len(ts) > 1}
        for d in items():
            for k in mixed & d.keys():
                d[k] = str(d[k])
    return H


def _write_graphml(G: nx.MultiDiGraph, out: BinaryIO) -> None:
    """Edge ids must be unique in GraphML (the predicate, the MultiDiGraph key, is not):
    they become ``e0``, ``e1``, ... and the predicate stays in ``predicate``."""
    S = scalar_graph(G)
    H = nx.MultiDiGraph(**S.graph)
    H.add_nodes_from(S.nodes(data=True))
    H.add_edges_from((u, v, f"e{i}", d) for i, (u, v, d) in enumerate(S.edges(data=True)))
    for line in nx.generate_graphml(H, encoding="utf-8", prettyprint=True, named_key_ids=True):
        out.write((line + "\n").encode("utf-8"))


class _Gexf13Writer(GEXFWriter):
    """networkx's GEXF writer, made valid against the GEXF 1.3 schema: the XML Schema
    instance namespace spelled right (networkx 3.6 drops its ``www.``), no ``name`` on
    ``<graph>`` and no ``mode`` on ``<attributes>`` (1.3 has neither), and the edge ``kind``
    attribute Gephi uses to keep parallel edges of different kinds apart."""

    def set_version(self, version):
        super().set_version(version)
        self.NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"

    def add_attributes(self, node_or_edge, xml_obj, data, default):
        if node_or_edge == "edge" and "kind" in data:
            xml_obj.set("kind", str(data.pop("kind")))
        return super().add_attributes(node_or_edge, xml_obj, data, default)

    def add_graph(self, G):
        super().add_graph(G)
        self.graph_element.attrib.pop("name", None)
        for attributes in self.graph_element.iter("attributes"):
            attributes.attrib.pop("mode", None)


def _rgb(hex_colour: str) -> dict:
    h = hex_colour.lstrip("#")
    return {"r": int(h[0:2], 16), "g": int(h[2:4], 16), "b": int(h[4:6], 16), "a": 1.0}


def _write_gexf(G: nx.MultiDiGraph, out: BinaryIO) -> None:
    H = scalar_graph(G)
    for _, d in H.nodes(data=True):
        d["viz"] = {"color": _rgb(TYPE_COLOURS.get(d["type"], "#999999"))}
    for *_, d in H.edges(keys=True, data=True):
        d["kind"] = d["predicate"]
    writer = _Gexf13Writer(encoding="utf-8", prettyprint=True, version="1.3")
    writer.add_graph(H)
    writer.indent(writer.xml)
    out.write(b'<?xml version="1.0" encoding="utf-8"?>\n')
    out.write(tostring(writer.xml, encoding="utf-8", xml_declaration=False))
    out.write(b"\n")


def _json_dump(data, out: BinaryIO) -> None:
    text = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    json.dump(data, text, ensure_ascii=False, separators=(",", ":"))
    text.write("\n")
    text.flush()
    text.detach()


def _write_cytoscape(G: nx.MultiDiGraph, out: BinaryIO) -> None:
    data = nx.cytoscape_data(G, name="label", ident="id")
    for i, edge in enumerate(data["elements"]["edges"]):
        edge["data"]["id"] = f"e{i}"
    _json_dump(data, out)


def _write_nodelink(G: nx.MultiDiGraph, out: BinaryIO) -> None:
    _json_dump(nx.node_link_data(G, edges="links"), out)


def dot_quote(value) -> str:
    """A DOT double-quoted string: backslashes, quotes and line breaks escaped."""
    s = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + s.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n") + '"'


def _dot_attrs(d: dict) -> str:
    return ", ".join(f"{dot_quote(k)}={dot_quote(v)}" for k, v in d.items())


def _write_dot(G: nx.MultiDiGraph, out: BinaryIO) -> None:
    H = scalar_graph(G)
    w = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    w.write("digraph esgkg {\n  graph [rankdir=LR, overlap=false];\n"
            '  node [shape=box, style="rounded,filled", fontcolor=white, fontname="Noto Sans CJK SC"];\n'
            '  edge [fontsize=9, fontname="Noto Sans CJK SC"];\n')
    for n, d in H.nodes(data=True):
        attrs = dict(d, fillcolor=TYPE_COLOURS.get(d["type"], "#999999"))
        if d["type"] in _LIGHT_TYPES:
            attrs["fontcolor"] = "black"
        w.write(f"  {dot_quote(n)} [{_dot_attrs(attrs)}];\n")
    for u, v, k, d in H.edges(keys=True, data=True):
        w.write(f"  {dot_quote(u)} -> {dot_quote(v)} [{_dot_attrs(dict(d, key=k))}];\n")
    w.write("}\n")
    w.flush()
    w.detach()


_NEO4J_TYPES = {int: "int", float: "double", bool: "boolean", list: "string[]"}


def _neo4j_cell(v) -> str:
    if isinstance(v, list):
        return ";".join(" ".join(str(x).replace(";", ",").split()) for x in v)
    if isinstance(v, bool):
        return "true" if v else "false"
    return " ".join(str(v).split())  # one line per record: no --multiline-fields needed


def _neo4j_columns(records: Iterable[dict], fixed: set[str]) -> list[tuple[str, str]]:
    kinds: dict[str, set] = defaultdict(set)
    for d in records:
        for k, v in d.items():
            if k not in fixed:
                kinds[k].add(type(v))
    cols = []
    for k in sorted(kinds):
        ts = kinds[k]
        kind = _NEO4J_TYPES.get(next(iter(ts))) if len(ts) == 1 else ("string[]" if list in ts else None)
        cols.append((k, f"{k}:{kind}" if kind else k))
    return cols


def neo4j_tables(G: nx.MultiDiGraph) -> tuple[bytes, bytes]:
    """``nodes.csv`` and ``edges.csv`` for ``neo4j-admin database import full``."""
    node_cols = _neo4j_columns((d for _, d in G.nodes(data=True)), {"type"})
    nodes = io.StringIO()
    w = csv.writer(nodes, lineterminator="\n")
    w.writerow(["id:ID", ":LABEL", "type"] + [h for _, h in node_cols])
    for n, d in G.nodes(data=True):
        w.writerow([n, d["type"], d["type"]] + [_neo4j_cell(d[k]) if k in d else "" for k, _ in node_cols])
    edge_cols = _neo4j_columns((d for *_, d in G.edges(keys=True, data=True)), set())
    edges = io.StringIO()
    w = csv.writer(edges, lineterminator="\n")
    w.writerow([":START_ID", ":END_ID", ":TYPE"] + [h for _, h in edge_cols])
    for u, v, k, d in G.edges(keys=True, data=True):
        w.writerow([u, v, k] + [_neo4j_cell(d[c]) if c in d else "" for c, _ in edge_cols])
    return nodes.getvalue().encode("utf-8"), edges.getvalue().encode("utf-8")


def _write_neo4j(G: nx.MultiDiGraph, out: BinaryIO) -> None:
    nodes, edges = neo4j_tables(G)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("nodes.csv", nodes)
        z.writestr("edges.csv", edges)


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    filename: str
    write: Callable[[nx.MultiDiGraph, BinaryIO], None]
    binary: bool = False


FORMATS = {f.name: f for f in (
    Format("graphml", "application/graphml+xml", "esgkg.graphml", _write_graphml),
    Format("gexf", "application/gexf+xml", "esgkg.gexf", _write_gexf),
    Format("cytoscape", "application/json", "esgkg.cyjs", _write_cytoscape),
    Format("nodelink", "application/json", "esgkg.json", _write_nodelink),
    Format("dot", "text/vnd.graphviz", "esgkg.dot", _write_dot),
    Format("neo4j", "application/zip", "esgkg-neo4j.zip", _write_neo4j, binary=True),
)}


def write(G: nx.MultiDiGraph, fmt: str | Format, out: BinaryIO) -> None:
    (fmt if isinstance(fmt, Format) else check_format(fmt)).write(G, out)


# ---------------------------------------------------------------- command

def export_command(args, settings) -> None:
    """``esgkg export``: options are checked before the store is opened."""
    from .store import OxigraphStore

    fmt = check_format(args.format)
    sel = selection(lang=args.lang, entity=args.entity, hops=args.hops, types=args.types, report=args.report)
    output = getattr(args, "output", None)
    if output is None and fmt.binary and sys.stdout.isatty():
        raise ExportError(f"{fmt.name} is a zip: give -o FILE.zip (or FILE for FILE_nodes.csv and "
                          "FILE_edges.csv), or redirect stdout")
    store = OxigraphStore(settings.store, read_only=True)
    G = project(store, sel)
    if output is None:
        fmt.write(G, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    elif fmt.name == "neo4j" and not output.lower().endswith(".zip"):
        base = output[:-4] if output.lower().endswith(".csv") else output
        nodes, edges = neo4j_tables(G)
        Path(base + "_nodes.csv").write_bytes(nodes)
        Path(base + "_edges.csv").write_bytes(edges)
    else:
        with open(output, "wb") as f:
            fmt.write(G, f)
    print(f"exported {G.number_of_nodes()} nodes and {G.number_of_edges()} edges as {fmt.name}"
          + (f" to {output}" if output else ""), file=sys.stderr)
