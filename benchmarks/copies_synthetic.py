"""Copy detection: quality and speed on synthetic copies, and the cost of the detector over a large store.

    python benchmarks/copies_synthetic.py [--quick] [--stored 10000] [--new 1000] [--skip-quality]

1. Quality: ``storyline eval copies`` (synthetic copies of FNC-1 bodies + giveme5w1h hard negatives):
   precision/recall per kind and detector time per 1,000 documents.
2. Scale: a DuckDB store holding ``--stored`` documents (random texts and vectors, 20 sentences each);
   prints the time to rebuild the detector from it, the time per 1,000 new documents of which half
   are semantically close to a stored one (so their sentence vectors are read from the store), and
   the resident memory.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

import numpy as np

from storyline.copies import CopyDetector, minhash_of
from storyline.embeddings import DIMENSION
from storyline.eval import copies as evaluation
from storyline.eval import default_datasets
from storyline.model import Annotation, Document, Features
from storyline.store import Store

SENTENCES = 20
WORDS = 300
VOCABULARY = [f"w{i}" for i in range(20_000)]


def random_document(doc_id: str, rng: random.Random, np_rng: np.random.Generator,
                    near: np.ndarray | None = None) -> tuple[Document, Features]:
    """A document of random words; with ``near``, its vectors are a noisy copy of those sentence vectors."""
    text = " ".join(rng.choices(VOCABULARY, k=WORDS))
    if near is None:
        sentences = np_rng.standard_normal((SENTENCES, DIMENSION)).astype(np.float32)
    else:
        sentences = near.astype(np.float32) + 0.6 * np_rng.standard_normal(near.shape).astype(np.float32) / 20
    sentences /= np.linalg.norm(sentences, axis=1, keepdims=True)
    vector = sentences.mean(axis=0)
    vector /= np.linalg.norm(vector)
    doc = Document(id=doc_id, source=doc_id, raw_text=text, text=text, published="2024-01-01",
                   content_hash=doc_id)
    return doc, Features(doc_id, vector.astype(np.float32), sentences.astype(np.float16), minhash_of(text))


def scale(stored: int, new: int) -> None:
    rng, np_rng = random.Random(1), np.random.default_rng(1)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "bench.duckdb")
        started = time.perf_counter()
        batch = []
        for i in range(stored):
            doc, features = random_document(f"s{i}", rng, np_rng)
            batch.append((doc, Annotation(document=doc.id), features))
            if len(batch) == 500 or i == stored - 1:
                with store.transaction():
                    store.add_documents(batch)
                batch = []
        print(f"filled a store with {stored} documents in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        documents = store.documents()
        loaded = time.perf_counter() - started
        started = time.perf_counter()
        detector = CopyDetector.from_store(store, documents)
        rebuilt = time.perf_counter() - started
        print(f"store.documents(): {loaded:.2f} s; CopyDetector.from_store: {rebuilt:.2f} s")
        samples = store.features([f"s{rng.randrange(stored)}" for _ in range(new // 2)])
        nears = list(samples.values())

        def near_vectors(i: int) -> np.ndarray | None:
            return nears[i % len(nears)].sentence_vectors if i % 2 else None

        fresh = [random_document(f"n{i}", rng, np_rng, near_vectors(i))
                 for i in range(new)]
        started = time.perf_counter()
        for doc, features in fresh:
            detector.assign(doc, features)
        elapsed = time.perf_counter() - started
        linked = sum(1 for doc, _ in fresh if doc.copy_of)
        print(f"{new} new documents ({linked} linked as paraphrases): {1000 * elapsed / new:.2f} s per 1,000")
        print(f"max resident memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller quality sample")
    parser.add_argument("--stored", type=int, default=10_000, help="documents in the store for the scale run")
    parser.add_argument("--new", type=int, default=1_000, help="new documents for the scale run")
    parser.add_argument("--skip-quality", action="store_true", help="only the scale run")
    args = parser.parse_args()
    if not args.skip_quality:
        figures = evaluation.run(default_datasets(), args.quick)
        for key, value in figures.items():
            print(f"{key}: {value:.4f}")
    scale(args.stored, args.new)


if __name__ == "__main__":
    main()
