"""Where a build's time goes, stage by stage, on the bundled reports.

Prints seconds per stage and each stage as a ratio of a baseline measured in the same run:
jieba segmenting the same (Simplified) text, the cheapest thing any Chinese pipeline has to
do. Run: ``python bench/bench_build.py [REPORT_DIR]``.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.kpi import extract_observations  # noqa: E402
from extractors.normalise import to_simplified  # noqa: E402
from extractors.pipeline import build_nlp, recognise  # noqa: E402
from extractors.reading import iter_report_files, read_document  # noqa: E402
from extractors.relations import extract_relations  # noqa: E402
from extractors.report import read_report_facts  # noqa: E402
from extractors.model import Extraction  # noqa: E402
from kg.build import load_ontology  # noqa: E402
from kg.resolve import Resolver  # noqa: E402
from kg.store import OxigraphStore  # noqa: E402
from kg.triples import report_quads  # noqa: E402


def main(folder: str) -> None:
    import jieba

    files = iter_report_files([folder])
    jieba.initialize()
    for lang in ("en", "zh-Hant", "zh-Hans"):
        build_nlp(lang)  # model loading is start-up, not per-report work
    stages = dict.fromkeys(["read", "recognise", "report facts", "relations", "kpi", "resolve",
                            "quads", "store"], 0.0)
    chars = 0
    baseline = 0.0
    resolver = Resolver()
    with tempfile.TemporaryDirectory() as tmp:
        store = OxigraphStore(Path(tmp) / "store")
        load_ontology(store)
        for f in files:
            t = time.perf_counter()
            doc = read_document(f)
            stages["read"] += time.perf_counter() - t
            chars += len(doc.text)

            t = time.perf_counter()
            jieba.lcut(to_simplified(doc.text))
            baseline += time.perf_counter() - t

            t = time.perf_counter()
            ctx = recognise(doc)
            stages["recognise"] += time.perf_counter() - t
            t = time.perf_counter()
            read_report_facts(ctx)
            stages["report facts"] += time.perf_counter() - t
            t = time.perf_counter()
            relations = extract_relations(ctx)
            stages["relations"] += time.perf_counter() - t
            t = time.perf_counter()
            observations = extract_observations(ctx)
            stages["kpi"] += time.perf_counter() - t
            t = time.perf_counter()
            resolved = resolver.resolve(Extraction(ctx.report, ctx.mentions, relations, observations))
            stages["resolve"] += time.perf_counter() - t
            t = time.perf_counter()
            graph, quads = report_quads(resolved)
            stages["quads"] += time.perf_counter() - t
            t = time.perf_counter()
            store.replace_graph(graph, quads)
            stages["store"] += time.perf_counter() - t
        store.close()
    total = sum(stages.values())
    print(f"{len(files)} reports, {chars:,} characters")
    print(f"baseline: jieba.lcut on the same text  {baseline:7.2f} s  ({chars / baseline:,.0f} chars/s)")
    print(f"{'stage':16}{'seconds':>9}{'x baseline':>12}")
    for name, secs in stages.items():
        print(f"{name:16}{secs:9.2f}{secs / baseline:12.2f}")
    print(f"{'total':16}{total:9.2f}{total / baseline:12.2f}   ({chars / total:,.0f} chars/s)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "examples" / "reports"))
