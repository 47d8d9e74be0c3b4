"""Speed and memory of a whole build beside bare spaCy on the same texts (issue 11's measure).

    python benchmarks/build_throughput.py [--docs 300] [--datasets ../shared/datasets]

Takes the first N unique FNC-1 training bodies, then in one run: bare spaCy ``nlp.pipe`` over them (one
process, batch 32: the reference), spaCy again with the build's process count (for reference), and the
whole build (ingest: clean, parse, annotate, claims, features, copies, stories, store; report; dossier
files) of the same bodies written as text files into a fresh store. Models are loaded before any timing.
Prints both times, their ratio (bare spaCy seconds / build seconds: 0.5 means the build takes twice as
long), each stage's share of the build and the peak resident memory of this process plus its largest
child (spaCy's worker processes)."""

from __future__ import annotations

import argparse
import csv
import functools
import os
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

from storyline import pipeline, settings
from storyline.copies import CopyDetector
from storyline.embeddings import Embedder
from storyline.eval import default_datasets
from storyline.report import write_all
from storyline.store import Store
from storyline.stories import StoryClusterer

SPENT: defaultdict[str, float] = defaultdict(float)
CPU: defaultdict[str, float] = defaultdict(float)  # CPU seconds of this process and its reaped children
EMBEDDING = "sentence embeddings, inside the stages above"  # overlaps them: reported apart


def bodies(datasets: Path, count: int) -> list[str]:
    """The first ``count`` distinct FNC-1 training bodies (the file repeats none, but be sure)."""
    csv.field_size_limit(sys.maxsize)
    with open(datasets / "fnc1-train-bodies" / "train_bodies.csv", newline="", encoding="utf-8") as f:
        unique = dict.fromkeys(row["articleBody"] for row in csv.DictReader(f) if row["articleBody"].strip())
    return list(unique)[:count]


def cpu_seconds() -> float:
    """User and system CPU seconds of this process and of its children that ended (spaCy's workers):
    under other jobs' load the wall time stretches, the CPU time much less."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(stage: str, function: Callable) -> Callable:
    """``function`` adding its wall time to ``SPENT[stage]`` and its CPU time to ``CPU[stage]``."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        started, cpu = time.perf_counter(), cpu_seconds()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[stage] += time.perf_counter() - started
            CPU[stage] += cpu_seconds() - cpu

    return wrapper


def timed_generator(stage: str, function: Callable[..., Iterator]) -> Callable[..., Iterator]:
    """A generator ``function`` adding the wall and CPU time of producing each item to ``SPENT[stage]``
    and ``CPU[stage]``."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        items = function(*args, **kwargs)
        while True:
            started, cpu = time.perf_counter(), cpu_seconds()
            item = next(items, None)
            SPENT[stage] += time.perf_counter() - started
            CPU[stage] += cpu_seconds() - cpu
            if item is None:
                return
            yield item

    return wrapper


def instrument() -> None:
    """Time the stages the pipeline calls, by name, without changing what they do."""
    for stage, names in (("clean (off-topic embeddings included)", ["_clean"]),
                         ("annotate, claims, events", ["annotate", "claims_of", "events_of"]),
                         ("document features (embeddings)", ["sentence_features"]),
                         ("claim and event vectors (embeddings)", ["text_vectors"]),
                         ("report: claim groups", ["group_claims"])):
        for name in names:
            setattr(pipeline, name, timed(stage, getattr(pipeline, name)))
    pipeline.parse = timed_generator("parse (spaCy)", pipeline.parse)
    CopyDetector.assign = timed("copies", CopyDetector.assign)
    StoryClusterer.assign = timed("stories", StoryClusterer.assign)
    Store.add_documents = timed("store writes", Store.add_documents)
    Embedder.encode = timed(EMBEDDING, Embedder.encode)


def spacy_seconds(texts: list[str], processes: int) -> tuple[float, float]:
    """Wall and CPU seconds of spaCy's ``nlp.pipe`` over ``texts`` on ``processes`` processes."""
    from storyline.annotate.nlp import spacy_pipeline

    started, cpu = time.perf_counter(), cpu_seconds()
    for _ in spacy_pipeline().pipe(texts, batch_size=settings.SPACY_BATCH_SIZE, n_process=processes):
        pass
    return time.perf_counter() - started, cpu_seconds() - cpu


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + child) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--datasets", type=Path, default=None)
    args = parser.parse_args()
    texts = bodies(args.datasets or default_datasets(), args.docs)
    loads = os.getloadavg()
    words = sum(len(t.split()) for t in texts)
    from storyline.annotate.nlp import spacy_pipeline
    from storyline.embeddings import embedder

    started = time.perf_counter()
    spacy_pipeline()
    embedder().encode(["warm up"])
    loading = time.perf_counter() - started
    bare, bare_cpu = spacy_seconds(texts, 1)
    processes = settings.SPACY_PROCESSES
    parallel, parallel_cpu = spacy_seconds(texts, processes)
    instrument()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"body{i:05d}.txt").write_text(text, encoding="utf-8")
        started, started_cpu = time.perf_counter(), cpu_seconds()
        store = Store(Path(tmp) / "store.duckdb")
        result = pipeline.ingest([str(folder)], store)
        ingested, ingested_cpu = time.perf_counter(), cpu_seconds()
        dossier = pipeline.report(store)
        write_all(dossier, Path(tmp) / "out")
        finished, finished_cpu = time.perf_counter(), cpu_seconds()
    build, build_cpu = finished - started, finished_cpu - started_cpu
    print(f"documents\t{len(result.added)} of {len(texts)} ({len(result.errors)} errors), {words} words, "
          f"{len(dossier.stories)} stories")
    print(f"model loading s\t{loading:.1f} (not counted below)")
    print(f"bare spaCy s\t{bare:.1f} wall, {bare_cpu:.1f} CPU (1 process, batch {settings.SPACY_BATCH_SIZE}; "
          f"{len(texts) / bare:.2f} docs/s)")
    print(f"spaCy s, {processes} processes\t{parallel:.1f} wall, {parallel_cpu:.1f} CPU (for reference)")
    print(f"build s\t{build:.1f} wall, {build_cpu:.1f} CPU ({len(texts) / build:.2f} docs/s, "
          f"{words / build:.0f} words/s)")
    print(f"ratio\t{bare / build:.2f} wall, {bare_cpu / build_cpu:.2f} CPU (bare spaCy time / build time; "
          "goal 0.5 or more)")
    for spent, total, ingest, report in ((SPENT, build, ingested - started, finished - ingested),
                                         (CPU, build_cpu, ingested_cpu - started_cpu,
                                          finished_cpu - ingested_cpu)):
        print("stages, wall s" if spent is SPENT else "stages, CPU s")
        embedding = spent.pop(EMBEDDING, 0.0)
        stages = dict(spent)
        stages["ingest, other (reading, ids, links, ...)"] = ingest - sum(
            v for k, v in spent.items() if not k.startswith("report"))
        stages["report, other (timeline, summary, files)"] = report - spent["report: claim groups"]
        for stage, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
            print(f"  {stage}\t{seconds:.1f} s\t{100 * seconds / total:.0f}%")
        print(f"  {EMBEDDING} s\t{embedding:.1f}\t{100 * embedding / total:.0f}%")
    print(f"peak memory MB\t{peak_mb():.0f} (this process + its largest child)")
    print(f"load average\t{loads[0]:.1f} at the start, {os.getloadavg()[0]:.1f} at the end "
          f"(other jobs on the {os.cpu_count()} cores slow both timings)")


if __name__ == "__main__":
    main()
