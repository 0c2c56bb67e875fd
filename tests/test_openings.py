"""Publisher and period on 24 synthetic report openings (tests/data/openings/).

The openings were written by someone who never saw the rules; each is built around a trap
(a parent or listed subsidiary with a look-alike name, the exchange named first, a former
name, a name broken across lines or printed only in upper case, periods in Chinese numerals
or as a financial year). Run this file as a script for the accuracy table and the failures:
``python tests/test_openings.py``.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractors.pipeline import recognise  # noqa: E402
from extractors.reading import read_document  # noqa: E402
from extractors.report import read_report_facts  # noqa: E402
from extractors.normalise import to_simplified  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "openings"
GOLD = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
_PUNCT = re.compile(r"[\s\u3000「」『』“”\"'‘’《》〈〉()（）\[\]【】<>·・•,，、.。:：;；!！?？\-—–_/\\|&＆+＋╱®™©～~*#＃]+")

# files whose publisher or period the rules cannot get yet: {file: (field, reason)}
KNOWN_FAILURES: dict[str, tuple[str, str]] = {}


def norm(text: str) -> str:
    """The scorer's name key (eval/score.py norm): NFKC, Simplified, case-folded, no punctuation."""
    return _PUNCT.sub("", to_simplified(unicodedata.normalize("NFKC", text or "")).casefold())


@lru_cache(maxsize=None)
def facts(name: str) -> tuple[str, str | None, str | None, tuple[str, ...]]:
    """(publisher label, period start, period end, publisher aliases) read from one opening."""
    ctx = recognise(read_document(DATA / name))
    read_report_facts(ctx)
    r = ctx.report
    pub = r.publisher
    label = (pub.label or pub.text) if pub else ""
    return label, r.period_start, r.period_end, tuple(pub.aliases) if pub else ()


def check(gold: dict) -> tuple[bool, bool, tuple]:
    got = facts(gold["file"])
    pub_ok = norm(got[0]) == norm(gold["publisher"])
    period_ok = (got[1], got[2]) == (gold["period_start"], gold["period_end"])
    return pub_ok, period_ok, got


def _xfail(gold: dict, field: str):
    known = KNOWN_FAILURES.get(gold["file"])
    if known and known[0] in (field, "both"):
        return pytest.param(gold, marks=pytest.mark.xfail(strict=True, reason=known[1]), id=gold["file"])
    return pytest.param(gold, id=gold["file"])


@pytest.mark.parametrize("gold", [_xfail(g, "publisher") for g in GOLD])
def test_publisher(gold):
    pub_ok, _p, got = check(gold)
    assert pub_ok, f"publisher {got[0]!r}, want {gold['publisher']!r}"


@pytest.mark.parametrize("gold", [_xfail(g, "period") for g in GOLD])
def test_period(gold):
    _pub, period_ok, got = check(gold)
    assert period_ok, f"period {got[1:3]}, want {(gold['period_start'], gold['period_end'])}"


def main() -> None:
    rows = {}
    for g in GOLD:
        pub_ok, period_ok, got = check(g)
        rows[g["file"]] = (g, pub_ok, period_ok, got)
    langs = ["zh-Hant", "zh-Hans", "en"]
    print(f"{'language':10} {'publisher':>10} {'period':>10}")
    for lang in langs + ["all"]:
        sel = [r for r in rows.values() if lang in ("all", r[0]["language"])]
        print(f"{lang:10} {sum(r[1] for r in sel):>6}/{len(sel):<3} {sum(r[2] for r in sel):>6}/{len(sel):<3}")
    for f, (g, pub_ok, period_ok, got) in rows.items():
        if not pub_ok:
            print(f"{f}: publisher {got[0]!r} want {g['publisher']!r}")
        if not period_ok:
            print(f"{f}: period {got[1]}..{got[2]} want {g['period_start']}..{g['period_end']}")


if __name__ == "__main__":
    main()
