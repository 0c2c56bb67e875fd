"""Stable IRIs: the same canonical key gives the same IRI in any run, on any machine.

Readable slugs where the key is plain ASCII (``certification/iso27001``, ``framework/gri``),
a short hash otherwise: IRIs with CJK characters are legal, but clients percent-encode them
inconsistently, which breaks exact matches in queries.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import PurePath

from .namespaces import ESGR, SDG

_SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")

#: Path segment of each entity type's IRIs.
TYPE_SEGMENT = {
    "Company": "company",
    "Committee": "committee",
    "Programme": "programme",
    "Certification": "certification",
    "SDG": "sdg",
    "Person": "person",
    "ReportingFramework": "framework",
    "Organization": "organization",
}


def digest(*parts: str, length: int = 16) -> str:
    """A short, stable hex digest of the parts (joined unambiguously)."""
    h = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:length]


def slug(key: str) -> str:
    """The key itself when it is a safe ASCII slug, else a digest of it."""
    k = key.strip().lower().replace(" ", "-")
    return k if _SLUG.match(k) else "h" + digest(key, length=15)


def entity_iri(type_: str, key: str) -> str:
    """The IRI of the entity of ``type_`` with canonical ``key``; SDGs use the UN's IRIs."""
    if type_ == "SDG":
        m = re.search(r"(\d+)$", key)
        if m:
            return f"{SDG}{int(m.group(1))}"
    return f"{ESGR}{TYPE_SEGMENT[type_]}/{slug(key)}"


def report_iri(source_file: str) -> str:
    """A report is identified by its file's base name: rebuilding it replaces its graph."""
    stem = PurePath(source_file).name
    return f"{ESGR}report/{slug(stem.rsplit('.', 1)[0])}"


def evidence_iri(report: str, s: str, p: str, o: str) -> str:
    return f"{ESGR}evidence/{digest(report, s, p, o)}"


def observation_iri(report: str, *parts: str) -> str:
    return f"{ESGR}observation/{digest(report, *parts)}"
