"""Incremental growth: adding 100 documents to a store of 10,000 should take less than 3 times as long
as building those 100 alone (``pipeline.ingest`` + ``pipeline.report``, each measured in its own process
once the models are loaded).

The 10,000 stored documents are made from the 1,683 FNC-1 training bodies and the 383 giveme5w1h
articles: each text once as itself and, to reach the size, as derived variants a real news pile holds:
re-publications of the same text by other outlets on later days, and excerpts (a trimmed copy: the
leading or trailing paragraphs). FNC-1 bodies carry no date, so they get one spread over two years.
The 100 new documents are held-out FNC-1 bodies that nothing in the store derives from.

    python benchmarks/incremental.py [--docs 10000] [--new 100] [--store /tmp/incremental.duckdb]

The built store is kept at ``--store`` (as ``NAME.DOCS.duckdb``) and reused by the next run with the same
``--docs``, because building 10,000 documents takes about 36 minutes (2026-11-21, shared 2-core machine);
the build prints its progress on stderr (documents so far, rate, time left; stories written). Each
measurement works on a copy of the built store.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from storyline import pipeline
from storyline.eval import default_datasets
from storyline.ingest import read_inputs
from storyline.model import Document
from storyline.store import Store

OUTLETS = ("dailyherald.example", "morningpost.example", "newswire.example", "citytimes.example",
           "globaldesk.example", "valleynews.example")
FIRST_DAY = datetime.date(2016, 1, 1)


def fnc_bodies(datasets: Path) -> list[str]:
    with open(datasets / "fnc1-train-bodies" / "train_bodies.csv", newline="", encoding="utf-8") as f:
        return [row["articleBody"] for row in csv.DictReader(f) if len(row["articleBody"]) > 300]


def giveme_records(datasets: Path) -> list[dict]:
    docs = [r for r in read_inputs([str(datasets / "giveme5w1h-news-cluster")]) if isinstance(r, Document)]
    return [{"title": d.title, "text": d.raw_text, "date_publish": d.published, "url": d.url} for d in docs]


def variants(record: dict, number: int, count: int) -> list[dict]:
    """The record itself, then re-publications and excerpts of it, ``count`` in all."""
    paragraphs = [p for p in record["text"].split("\n") if p.strip()]
    published = datetime.date.fromisoformat(record["date_publish"][:10])
    out = [dict(record, url=f"https://{OUTLETS[0]}/{number}")]
    for k in range(1, count):
        outlet = OUTLETS[k % len(OUTLETS)]
        day = (published + datetime.timedelta(days=k)).isoformat()
        text = record["text"]
        if k % 2 == 0 and len(paragraphs) > 2:
            keep = max(2, len(paragraphs) * 2 // 3)
            text = "\n".join(paragraphs[:keep] if k % 4 == 0 else paragraphs[-keep:])
        out.append({"title": record["title"], "text": text, "date_publish": day,
                    "url": f"https://{outlet}/{number}-{k}", "source_domain": outlet})
    return out


def corpus(datasets: Path, size: int, new: int) -> tuple[list[dict], list[dict]]:
    """``size`` stored records and ``new`` held-out records."""
    bodies = fnc_bodies(datasets)
    held_out, bodies = bodies[:new], bodies[new:]

    def dated(text: str, i: int) -> dict:
        day = FIRST_DAY + datetime.timedelta(days=(i * 7) % 730)
        return {"title": text.split(".")[0][:120], "text": text, "date_publish": day.isoformat()}

    originals = [dated(b, i) for i, b in enumerate(bodies)] + giveme_records(datasets)
    per_original = max(1, -(-size // len(originals)))
    stored = [v for i, r in enumerate(originals) for v in variants(r, i, per_original)]
    stored = sorted(stored, key=lambda r: r["date_publish"])[:size]
    new_records = [dict(dated(b, i), url=f"https://{OUTLETS[1]}/new-{i}",
                        date_publish=(FIRST_DAY + datetime.timedelta(days=740 + i % 20)).isoformat())
                   for i, b in enumerate(held_out)]
    return stored, new_records


def write_jsonl(records: list[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record) + "\n")
    return path


def timed(what: str, action: Callable[[], object]) -> float:
    """Wall seconds of ``action``, printed with its CPU seconds (wall time says little on a busy machine)."""
    start, cpu = time.perf_counter(), time.process_time()
    action()
    seconds = time.perf_counter() - start
    print(f"  {what:<44}{seconds:9.2f} s ({time.process_time() - cpu:.2f} CPU-s)", file=sys.stderr)
    return seconds


class Counter:
    """Progress of the store build on stderr: documents read (with the rate and the time left) and
    stories written."""

    def __init__(self, total: int):
        self.total = total
        self.done = {"documents": 0, "stories": 0}
        self.start = time.perf_counter()

    def __call__(self, what: str, count: int) -> None:
        if what not in self.done:
            return  # a document that could not be read: counted in its batch
        self.done[what] += count
        seconds = time.perf_counter() - self.start
        if what == "documents":
            done = self.done[what]
            rate = done / seconds
            print(f"    {done:>6} of {self.total} documents in {seconds:6.0f} s ({rate:.2f}/s, about "
                  f"{(self.total - done) / rate:.0f} s left)", file=sys.stderr, flush=True)
        elif self.done[what] % 100 == 0:
            print(f"    {self.done[what]:>6} stories written", file=sys.stderr, flush=True)


def add_and_report(store_path: Path, new_file: Path) -> float:
    """Seconds to ingest and report ``new_file`` into the store, measured in a new process with the models
    loaded before the clock starts, so neither run profits from the other's embedding cache."""
    done = subprocess.run([sys.executable, __file__, "--measure", str(store_path), str(new_file)],
                          check=True, stdout=subprocess.PIPE, text=True)
    return float(done.stdout.split()[-1])


def measure(store_path: Path, new_file: Path) -> None:
    pipeline.analyse([Document(id="warm", source="warm", raw_text="Models load once before timing. " * 20)])
    store = Store(store_path)
    seconds = (timed("ingest", lambda: pipeline.ingest([str(new_file)], store))
               + timed("report", lambda: pipeline.report(store)))
    store.close()
    print(seconds)


def profile_stored(store_path: Path) -> None:
    """Time the whole-corpus reads that ingest and report do before and after their own work."""
    from storyline.copies import CopyDetector
    from storyline.stories import StoryClusterer

    store = Store(store_path)
    try:
        print(f"what reading the stored corpus costs ({store.document_count()} documents):", file=sys.stderr)
        docs: list[Document] = []
        timed("store.documents()", lambda: docs.extend(store.documents()))
        features: dict = {}
        timed("store.features()", lambda: features.update(store.features()))
        timed("CopyDetector(stored documents)", lambda: CopyDetector(docs, features))
        timed("store.story_states() + StoryClusterer", lambda: StoryClusterer(store.story_states()))
        timed("store.stories()", store.stories)
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents in the stored corpus")
    parser.add_argument("--new", type=int, default=100, help="documents added to it")
    parser.add_argument("--store", type=Path, help="where the built store is kept",
                        default=Path(tempfile.gettempdir()) / "storyline-incremental.duckdb")
    parser.add_argument("--datasets", type=Path, default=default_datasets())
    parser.add_argument("--measure", nargs=2, type=Path, metavar=("STORE", "NEW"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(*args.measure)
        return
    stored, new_records = corpus(args.datasets, args.docs, args.new)
    built = args.store.with_suffix(f".{args.docs}.duckdb")
    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        new_file = write_jsonl(new_records, work_dir / "new.jsonl")
        if not built.exists():
            print(f"building a store of {len(stored)} documents at {built} (once) ...", file=sys.stderr)
            store = Store(work_dir / "building.duckdb")
            stored_file = write_jsonl(stored, work_dir / "stored.jsonl")
            counter = Counter(len(stored))
            seconds = timed("ingest", lambda: pipeline.ingest([str(stored_file)], store, counter))
            seconds += timed("report", lambda: pipeline.report(store, counter))
            store.close()
            shutil.move(work_dir / "building.duckdb", built)
            print(f"  built in {seconds:.0f} s ({len(stored) / seconds:.1f} documents/s)", file=sys.stderr)
        print(f"{args.new} new documents into an empty store:", file=sys.stderr)
        alone = add_and_report(work_dir / "empty.duckdb", new_file)
        grown = work_dir / "grown.duckdb"
        shutil.copy(built, grown)
        print(f"{args.new} new documents into the store of {len(stored)}:", file=sys.stderr)
        added = add_and_report(grown, new_file)
        profile_stored(grown)
    ratio = added / alone
    print(f"{args.new} documents alone: {alone:.1f} s; into {len(stored)} stored: {added:.1f} s; "
          f"ratio {ratio:.2f} (goal < 3): {'PASS' if ratio < 3 else 'FAIL'}")


if __name__ == "__main__":
    main()
