"""The esgkg ontology files and a loader.

The ontology lives in Turtle (esg.ttl: classes and properties; sdg.ttl: the 17 UN goals;
shapes.ttl: SHACL constraints of a well-formed extracted graph) so that any RDF tool can
read it; this module only tells Python code where the files are, loads them, and runs the
shapes with the settings they need.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import rdflib

ONTOLOGY_DIR: Path = Path(__file__).resolve().parent
ESG_TTL: Path = ONTOLOGY_DIR / "esg.ttl"
SDG_TTL: Path = ONTOLOGY_DIR / "sdg.ttl"
SHAPES_TTL: Path = ONTOLOGY_DIR / "shapes.ttl"

#: The ontology namespace (prefix ``esg:``) and the UN's SDG namespace (prefix ``sdg:``).
ESG_NS = "https://w3id.org/esgkg/ontology#"
SDG_NS = "http://metadata.un.org/sdg/"


@lru_cache(maxsize=None)
def _parsed(path: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(path, format="turtle")


def ontology_graph() -> rdflib.Graph:
    """esg.ttl and sdg.ttl in one fresh graph (the terms plus the 17 esg:SDG instances).

    The files are parsed once per process; each call returns a new graph the caller may change.
    """
    g = rdflib.Graph()
    g += _parsed(ESG_TTL)
    g += _parsed(SDG_TTL)
    g.bind("esg", ESG_NS)
    g.bind("sdg", SDG_NS)
    return g


def validate(data: rdflib.Graph | rdflib.Dataset) -> tuple[bool, rdflib.Graph, str]:
    """Check ``data`` against shapes.ttl: (conforms, results graph, results text).

    The data is validated merged with the ontology (so the SDGs and subclass axioms are known)
    and without inference: RDFS inference would entail the classes the shapes check from the
    properties' ranges and hide wrong links. Needs pyshacl (a test extra, hence imported here).
    """
    import pyshacl

    merged = ontology_graph()
    if isinstance(data, rdflib.Dataset):  # a whole build: every report's named graph
        for s, p, o, _ in data.quads((None, None, None, None)):
            merged.add((s, p, o))
    else:
        merged += data
    return pyshacl.validate(merged, shacl_graph=_parsed(SHAPES_TTL), inference="none")


__all__ = ["ONTOLOGY_DIR", "ESG_TTL", "SDG_TTL", "SHAPES_TTL", "ESG_NS", "SDG_NS", "ontology_graph", "validate"]
