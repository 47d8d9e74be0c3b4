"""Annotation throughput on the FNC-1 training bodies: spaCy parse + entity corrections + annotate, in
words/s, with one and with two spaCy processes; sentence embeddings separately, in sentences/s.

    /work/venv/bin/python benchmarks/annotate_throughput.py [--sample N] [--processes 1,2] [--no-embeddings]
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import time
from pathlib import Path

from storyline import settings
from storyline.annotate import annotate
from storyline.annotate.nlp import spacy_pipeline
from storyline.embeddings import embedder
from storyline.model import Document

BODIES = Path(__file__).resolve().parents[2] / "shared/datasets/fnc1-train-bodies/train_bodies.csv"
EMBEDDED_SENTENCES = 2000  # enough for a stable rate, a small share of the corpus


def read_bodies(path: Path, sample: int | None) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as f:
        bodies = [row["articleBody"] for row in csv.DictReader(f) if row["articleBody"].strip()]
    return bodies[:sample] if sample else bodies


def cpu_seconds() -> float:
    """CPU time of this process and its finished children: a figure that a busy machine distorts less."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def annotate_all(texts: list[str], n_process: int) -> tuple[float, float, int]:
    """Wall and CPU seconds to parse and annotate every text, and the number of sentences found."""
    nlp = spacy_pipeline()
    started, started_cpu = time.perf_counter(), cpu_seconds()
    sentences = 0
    parsed = nlp.pipe(texts, batch_size=settings.SPACY_BATCH_SIZE, n_process=n_process)
    for i, (text, spacy_doc) in enumerate(zip(texts, parsed, strict=True)):
        doc = Document(id=str(i), source="fnc1", raw_text=text, text=text)
        sentences += len(annotate(doc, spacy_doc).sentences)
    return time.perf_counter() - started, cpu_seconds() - started_cpu, sentences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bodies", type=Path, default=BODIES, help="FNC-1 train_bodies.csv")
    parser.add_argument("--sample", type=int, default=None, help="only the first N bodies")
    parser.add_argument("--processes", default="1,2", help="spaCy process counts to compare, e.g. 1,2")
    parser.add_argument("--no-embeddings", action="store_true", help="skip the embedding rate")
    args = parser.parse_args()

    texts = read_bodies(args.bodies, args.sample)
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} bodies, {words} words, batch size {settings.SPACY_BATCH_SIZE}")
    annotate_all(texts[:5], 1)  # load the model and warm up outside the timings
    for n_process in (int(n) for n in args.processes.split(",")):
        seconds, cpu, sentences = annotate_all(texts, n_process)
        print(f"n_process={n_process}: annotate words/s: {words / seconds:.0f} "
              f"({seconds:.1f} s, {len(texts) / seconds:.1f} docs/s, {sentences} sentences; "
              f"{words / cpu:.0f} words per CPU second)")
    if not args.no_embeddings:
        nlp = spacy_pipeline()
        sample = [s.text.strip() for d in nlp.pipe(texts[:200]) for s in d.sents if s.text.strip()]
        sample = list(dict.fromkeys(sample))[:EMBEDDED_SENTENCES]
        model = embedder()
        model.encode(sample[:8])
        started = time.perf_counter()
        started_cpu = cpu_seconds()
        model.encode(sample)
        seconds, cpu = time.perf_counter() - started, cpu_seconds() - started_cpu
        print(f"embed sentences/s: {len(sample) / seconds:.0f} ({len(sample)} sentences, {seconds:.1f} s; "
              f"{cpu:.1f} CPU s on all threads)")


if __name__ == "__main__":
    main()
