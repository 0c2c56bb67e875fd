"""Numbers as printed in reports: thousands separators, percent signs, superscript notes."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from .patterns import NUM, SUPERSCRIPTS


def parse_number(text: str) -> Decimal | None:
    """``1,849`` -> 1849; None for page-like tokens with leading zeros (``003``)."""
    t = text.replace(",", "")
    if len(t) > 1 and t[0] == "0" and t[1].isdigit():
        return None
    try:
        return Decimal(t)
    except InvalidOperation:
        return None


_VALUE_TOKEN = re.compile(rf"([-−]?{NUM})(%|％|‰)?")


def value_token(tok: str) -> tuple[Decimal, str] | None:
    m = _VALUE_TOKEN.fullmatch(tok.strip(SUPERSCRIPTS))
    if not m:
        return None
    v = parse_number(m.group(1).replace("−", "-").lstrip("-"))
    if v is None:
        return None
    if m.group(1)[0] in "-−":
        v = -v
    return v, (m.group(2) or "")


