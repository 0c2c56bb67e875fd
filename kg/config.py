"""One configuration object, read from CLI flags and the environment, passed down.

Precedence: a flag, then the environment (``ESGKG_*``), then the default.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_STORE = "./esgkg-data"


@dataclass(frozen=True)
class Settings:
    store: Path = field(default_factory=lambda: Path(DEFAULT_STORE))
    #: seconds after which a SPARQL query is stopped
    query_timeout: float = 30.0
    #: the most rows (or triples) one query answer may carry
    max_results: int = 10000
    #: the largest GraphQL page
    max_page_size: int = 100
    host: str = "127.0.0.1"
    port: int = 8000

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides) -> "Settings":
        """Settings from ``ESGKG_STORE``, ``ESGKG_QUERY_TIMEOUT``, ``ESGKG_MAX_RESULTS``,
        ``ESGKG_MAX_PAGE_SIZE``, then ``overrides`` (flags; None means "not given")."""
        env = os.environ if env is None else env
        s = cls()
        values = {
            "store": env.get("ESGKG_STORE"),
            "query_timeout": env.get("ESGKG_QUERY_TIMEOUT"),
            "max_results": env.get("ESGKG_MAX_RESULTS"),
            "max_page_size": env.get("ESGKG_MAX_PAGE_SIZE"),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        typed = {}
        for name, raw in values.items():
            if raw is None or raw == "":
                continue
            kind = type(getattr(s, name))
            try:
                typed[name] = Path(raw) if name == "store" else kind(raw)
            except ValueError:
                raise ValueError(f"{name}: expected a {kind.__name__}, got {raw!r}") from None
        return replace(s, **typed)
