"""The namespaces of the contract and the vocabularies the ontology aligns with."""
from __future__ import annotations

ESG = "https://w3id.org/esgkg/ontology#"
ESGR = "https://w3id.org/esgkg/id/"
SDG = "http://metadata.un.org/sdg/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCTERMS = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"

#: The graph that holds the ontology and the SDG concept scheme inside a store.
ONTOLOGY_GRAPH = "https://w3id.org/esgkg/ontology"

#: Prefixes for serialisers and for queries run through ``esgkg query`` and the API.
PREFIXES = {
    "esg": ESG,
    "esgr": ESGR,
    "sdg": SDG,
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "xsd": XSD,
    "dcterms": DCTERMS,
    "prov": PROV,
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "foaf": "http://xmlns.com/foaf/0.1/",
}

SPARQL_PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
