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


_VALUE_TOKEN = re.compile(rf"([-−–+↑↓]?)({NUM})(%|％|‰)?")
# a footnote mark glued to a value: 1,849*, 0.16#, 46.2⁽¹⁾, 352(1)
_NOTE_MARK = re.compile(rf"(?:[*#†‡^]+|⁽[{SUPERSCRIPTS}]+⁾|\(\d\)|[{SUPERSCRIPTS}]+)$")


def value_token(tok: str) -> tuple[Decimal, str] | None:
    """A table cell's value and its own unit: ``1,849`` ``-5.2%`` ``+3.1%`` ``↓12%``, with any
    footnote mark glued to it dropped."""
    tok = _NOTE_MARK.sub("", tok.lstrip(SUPERSCRIPTS)) if len(tok) > 1 else tok
    m = _VALUE_TOKEN.fullmatch(tok)
    if not m:
        return None
    v = parse_number(m.group(2))
    if v is None:
        return None
    if m.group(1) and m.group(1) in "-−–↓":
        v = -v
    return v, (m.group(3) or "")


