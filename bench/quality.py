"""Extraction quality on every annotated set, in one table.

Each set is built into a fresh store (a reused store keeps IRIs from earlier builds) and scored
by the project's scorer (``../shared/eval/score.py``). Held-out sets print their summary only:
their error lists name gold entries, and reading them would turn them into development sets.

Run: ``python bench/quality.py [--scorer PATH] [--sets seeds,heldout,...]``.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"


@dataclass(frozen=True)
class EvalSet:
    name: str
    role: str  # "tuned" (rules written on it), "dev" (errors read) or "held out"
    reports: list[Path]
    golds: list[Path]


def eval_sets(shared: Path) -> list[EvalSet]:
    """The annotated sets this checkout knows, in the order the README reports them."""
    sets = [EvalSet("seeds (gold)", "tuned", [ROOT / "examples" / "reports"],
                    sorted((shared / "eval" / "gold").glob("*.json")))]
    sets.append(EvalSet("heldout 002 excerpt", "dev", [DATA / "heldout" / "002_excerpt.txt"],
                        [DATA / "heldout" / "002_excerpt.json"]))
    sets.append(EvalSet("heldout2 002 part 2", "held out", [DATA / "heldout2" / "002_part2.txt"],
                        [DATA / "heldout2" / "002_part2.json"]))
    for role, folder in (("dev", "dev"), ("held out", "test")):
        for txt in sorted((DATA / "synthetic" / folder).glob("*.txt")):
            sets.append(EvalSet(f"synthetic {folder}/{txt.stem}", role, [txt], [txt.with_suffix(".json")]))
    return [s for s in sets if all(p.exists() for p in s.reports + s.golds) and s.golds]


_TOTAL = re.compile(r"entity F1 ([\d.]+) relation F1 ([\d.]+) metrics recall ([\d.]+)")
_ROW = re.compile(r"^(publishedBy|period)\s+\d+\s+\d+\s+[\d.]+\s+[\d.]+\s+([\d.]+)", re.M)


def score(s: EvalSet, scorer: Path, work: Path) -> tuple[dict[str, float], float]:
    """Build ``s`` into a fresh store and score it: the figures and the build's seconds."""
    store, trig = work / (re.sub(r"\W", "_", s.name) + "-store"), work / (re.sub(r"\W", "_", s.name) + ".trig")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg.cli", "build", *map(str, s.reports), "--store", str(store),
                    "-o", str(trig)], cwd=ROOT, check=True, capture_output=True)
    seconds = time.perf_counter() - t0
    out = subprocess.run([sys.executable, str(scorer), str(trig), *map(str, s.golds)],
                         cwd=ROOT, check=True, capture_output=True, text=True).stdout
    m = _TOTAL.search(out)
    if not m:
        raise SystemExit(f"unexpected scorer output for {s.name}:\n{out}")
    figures = {"entity F1": float(m[1]), "relation F1": float(m[2]), "metrics": float(m[3])}
    figures.update({k: float(v) for k, v in _ROW.findall(out)})
    return figures, seconds


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                    help="the shared folder holding eval/score.py and eval/gold (default: ../shared)")
    ap.add_argument("--only", default="", help="a word a set's name must contain (e.g. synthetic)")
    args = ap.parse_args(argv)
    scorer = args.shared / "eval" / "score.py"
    if not scorer.exists():
        raise SystemExit(f"no scorer at {scorer}: pass --shared")
    print(f"{'set':40} {'role':9} {'entity':>7} {'relation':>9} {'metrics':>8} {'pub':>4} {'period':>6} {'build s':>8}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for s in eval_sets(args.shared):
            if args.only not in s.name:
                continue
            f, seconds = score(s, scorer, Path(tmp))
            rows.append((s, f))
            print(f"{s.name:40} {s.role:9} {f['entity F1']:7.3f} {f['relation F1']:9.3f} {f['metrics']:8.3f}"
                  f" {f.get('publishedBy', 0):4.2f} {f.get('period', 0):6.2f} {seconds:8.1f}", flush=True)
    unseen = [f for s, f in rows if s.role == "held out"]
    if unseen:
        mean = {k: sum(f[k] for f in unseen) / len(unseen) for k in ("entity F1", "relation F1", "metrics")}
        print(f"{'mean of held-out sets':40} {'':9} {mean['entity F1']:7.3f} {mean['relation F1']:9.3f}"
              f" {mean['metrics']:8.3f}")


if __name__ == "__main__":
    main()
