"""Speed and memory of a whole build (ingest, clean, annotate, copies, stories, report) on FNC-1 bodies.

    python benchmarks/build_throughput.py [--docs 200] [--datasets ../shared/datasets]

Prints documents/s, words/s, the time of each phase and the peak resident memory."""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import tempfile
import time
from pathlib import Path

from storyline import pipeline
from storyline.eval import default_datasets
from storyline.report import write_all
from storyline.store import Store


def bodies(datasets: Path, count: int) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    with open(datasets / "fnc1-train-bodies" / "train_bodies.csv", newline="", encoding="utf-8") as f:
        return [row["articleBody"] for _, row in zip(range(count), csv.DictReader(f), strict=False)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--datasets", type=Path, default=None)
    args = parser.parse_args()
    texts = bodies(args.datasets or default_datasets(), args.docs)
    words = sum(len(t.split()) for t in texts)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"body{i:05d}.txt").write_text(text, encoding="utf-8")
        from storyline.annotate.nlp import embedder, spacy_pipeline

        started = time.perf_counter()
        spacy_pipeline()
        embedder().encode(["warm up"])
        loaded = time.perf_counter()
        store = Store(Path(tmp) / "store.duckdb")
        result = pipeline.ingest([str(folder)], store)
        ingested = time.perf_counter()
        dossier = pipeline.report(store)
        write_all(dossier, Path(tmp) / "out")
        reported = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    build = reported - loaded
    print(f"documents\t{len(result.added)} ({len(result.errors)} errors), {words} words")
    print(f"model loading s\t{loaded - started:.1f}")
    print(f"ingest s\t{ingested - loaded:.1f}")
    print(f"report s\t{reported - ingested:.1f}")
    print(f"build documents/s\t{len(texts) / build:.2f}")
    print(f"build words/s\t{words / build:.0f}")
    print(f"peak memory MB\t{peak_mb:.0f}")


if __name__ == "__main__":
    main()
