"""Growth: time and peak memory per document as one store grows to each size (default 1,000, 4,000 and 16,000
documents: FNC-1 training bodies and giveme5w1h articles, plus generated re-publications and excerpts, as in
``incremental.py``), and the cost of adding ``--new`` held-out documents to the largest store against building
them alone (the plain baseline, same run).

    python benchmarks/growth.py [--sizes 1000 4000 16000] [--new 100] [--engine local|ray] [--keep PATH]
    python benchmarks/growth.py --store-from PATH [--new 100]

``--keep PATH`` copies the store grown to the largest size to PATH; ``--store-from PATH`` skips the growth and
times only the addition of the ``--new`` documents to a copy of that kept store (minutes instead of the 40 a
16,000-document build takes). The kept store must come from the same datasets and ``--new``, so that the new
documents are held out of it.

The store grows step by step: the documents up to the first size, then the next ones up to the second
size, and so on; each step (ingest, then report of the stories it changed) runs in a new process whose
models load before the clock starts, and prints its seconds per document and its peak resident memory.
Flat growth: the seconds per document of the later steps stay near the first step's, and so does memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from incremental import add_and_report, corpus, write_jsonl

from storyline import pipeline
from storyline.engine import make_engine
from storyline.eval import default_datasets
from storyline.model import Document
from storyline.store import Store


def step(store_path: Path, records: Path, engine: str) -> None:
    """Ingest and report ``records`` into the store; print one JSON line of seconds and peak memory."""
    pipeline.analyse([Document(id="warm", source="warm", raw_text="Models load once before timing. " * 20)])
    analyser = make_engine(engine)
    store = Store(store_path)
    start = time.perf_counter()
    result = pipeline.ingest([str(records)], store, engine=analyser)
    ingested = time.perf_counter()
    pipeline.report(store)
    reported = time.perf_counter()
    figures = {"added": len(result.added), "stored": store.document_count(), "ingest": ingested - start,
               "report": reported - ingested,
               "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    store.close()
    print(json.dumps(figures))


def run_step(store_path: Path, records: Path, engine: str) -> dict:
    done = subprocess.run([sys.executable, __file__, "--step", str(store_path), str(records), engine],
                          check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 4_000, 16_000])
    parser.add_argument("--new", type=int, default=100, help="documents added to the largest store")
    parser.add_argument("--engine", choices=("local", "ray"), default="local")
    parser.add_argument("--datasets", type=Path, default=default_datasets())
    parser.add_argument("--keep", type=Path, help="copy the grown store of the largest size here")
    parser.add_argument("--store-from", type=Path, help="time only the addition, to a copy of this store")
    parser.add_argument("--step", nargs=3, metavar=("STORE", "RECORDS", "ENGINE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        step(Path(args.step[0]), Path(args.step[1]), args.step[2])
        return
    sizes = sorted(args.sizes)
    stored, new_records = corpus(args.datasets, sizes[-1], args.new)
    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        if args.store_from:
            store_path = work_dir / "kept.duckdb"
            shutil.copy(args.store_from, store_path)
        else:
            store_path = grow(stored, sizes, work_dir, args.engine)
            if args.keep:
                shutil.copy(store_path, args.keep)
        addition(store_path, new_records, work_dir)


def grow(stored: list[dict], sizes: list[int], work_dir: Path, engine: str) -> Path:
    """Grow one store through ``sizes``, a step per size, printing a row of figures per step; its path."""
    print(f"{'stored':>8} {'added':>6} {'ingest s/doc':>13} {'report s/doc':>13} {'peak MB':>8}")
    store_path, done = work_dir / "growing.duckdb", 0
    for size in sizes:
        records = write_jsonl(stored[done:size], work_dir / f"to-{size}.jsonl")
        figures = run_step(store_path, records, engine)
        added = max(figures["added"], 1)
        print(f"{figures['stored']:>8} {figures['added']:>6} {figures['ingest'] / added:>13.3f} "
              f"{figures['report'] / added:>13.3f} {figures['peak_mb']:>8.0f}", flush=True)
        done = size
    return store_path


def addition(store_path: Path, new_records: list[dict], work_dir: Path) -> None:
    """Time adding ``new_records`` to a copy of the store against building them alone (the baseline)."""
    new_file = write_jsonl(new_records, work_dir / "new.jsonl")
    alone = add_and_report(work_dir / "alone.duckdb", new_file)
    grown = work_dir / "grown.duckdb"
    shutil.copy(store_path, grown)
    stored = Store(grown)
    size = stored.document_count()
    stored.close()
    added = add_and_report(grown, new_file)
    print(f"{len(new_records)} new documents built alone (baseline): {alone:.1f} s; added to the store of "
          f"{size}: {added:.1f} s; ratio {added / alone:.2f} (goal at most 3)")

if __name__ == "__main__":
    main()
