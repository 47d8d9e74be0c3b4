"""What exact copies in a later batch cost, with and without the parses the engine keeps between batches.

    python benchmarks/exact_copies.py [--docs 40] [--datasets ../shared/datasets]

The first N FNC-1 training bodies as JSON records of one outlet and date, then the same texts again as
another outlet's a week later (a wire service's reports re-published), one batch each: in one process,
the originals alone, then originals and copies without the engine's ``AnalysisMemory`` and with it (the
embedders' caches emptied before each build), twice. Prints wall and CPU seconds of each build (ingest
and report) and whether the dossiers with and without the memory are the same."""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from build_throughput import bodies, cpu_seconds

from storyline import pipeline
from storyline.annotate.nlp import ParseMemory, spacy_pipeline
from storyline.embeddings import embedder, static_embedder
from storyline.eval import default_datasets
from storyline.report.jsondoc import to_json
from storyline.store import Store


def records(texts: list[str], outlet: str, published: str) -> list[str]:
    return [json.dumps({"text": t, "title": f"Report {i}", "outlet": outlet, "published": published})
            for i, t in enumerate(texts)]


def build(lines: list[str], batch: int, folder: Path,
          memory: pipeline.AnalysisMemory) -> tuple[float, float, dict]:
    """Wall and CPU seconds of ingesting ``lines``, ``batch`` a batch, and reporting; and the dossier."""
    embedder()._cache.clear()
    static_embedder()._cache.clear()
    source = folder / "wire.jsonl"  # the same path in every build: documents' sources are compared
    source.write_text("\n".join(lines), encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "store.duckdb")
        started, cpu = time.perf_counter(), cpu_seconds()
        engine = pipeline.LocalEngine(memory=memory)
        pipeline.ingest([str(source)], store, batch_documents=batch, engine=engine)
        dossier = pipeline.report(store)
        seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
        store.close()
    return seconds, cpu, to_json(dossier)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=40)
    parser.add_argument("--datasets", type=Path, default=None)
    args = parser.parse_args()
    texts = bodies(args.datasets or default_datasets(), args.docs)
    spacy_pipeline()
    embedder().encode(["warm up"])
    originals, copies = records(texts, "Wire", "2016-05-02"), records(texts, "Daily", "2016-05-09")
    forgetting = pipeline.AnalysisMemory(ParseMemory(0), ParseMemory(0))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        alone, alone_cpu, _ = build(originals, len(texts), folder, forgetting)
        print(f"{len(texts)} originals alone\t{alone:.1f} s wall, {alone_cpu:.1f} CPU-s")
        dossiers = {}
        for run in (1, 2):
            for name, memory in (("without memory", forgetting), ("with memory", pipeline.AnalysisMemory())):
                seconds, cpu, dossiers[name] = build(originals + copies, len(texts), folder, memory)
                print(f"run {run}, {len(texts)} originals + {len(texts)} exact copies, {name}\t"
                      f"{seconds:.1f} s wall, {cpu:.1f} CPU-s (copies {cpu - alone_cpu:.1f} CPU-s)")
    same = dossiers["with memory"] == dossiers["without memory"]
    print(f"dossiers the same with and without memory\t{same}")


if __name__ == "__main__":
    main()
