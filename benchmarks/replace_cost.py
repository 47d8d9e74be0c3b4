"""What a batch holding a changed file's new version costs the ingest besides the analysis, on a copy of a
built store: deleting the earlier version and taking it out of the in-memory corpus (``_Corpus.forget``,
which reads back only the deleted document's copies and story), against reading the whole corpus again
(``_Corpus.load``, what every such batch did before session 9).

    python benchmarks/replace_cost.py --store STORE.duckdb [--documents 5]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from storyline import pipeline
from storyline.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="a built store (left unchanged)")
    parser.add_argument("--documents", type=int, default=5, help="documents replaced, one at a time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        copy = Path(work) / "copy.duckdb"
        shutil.copy(args.store, copy)
        store = Store(copy)
        corpus = pipeline._Corpus.load(store, None)
        every = max(1, store.document_count() // args.documents)
        victims = [d.id for d in store.documents(full=False)][::every][: args.documents]
        deleting = forgetting = 0.0
        for doc_id in victims:
            start = time.perf_counter()
            deleted = pipeline.remove_documents(store, [doc_id])
            deleted_at = time.perf_counter()
            corpus.forget(store, deleted)
            deleting += deleted_at - start
            forgetting += time.perf_counter() - deleted_at
        count = store.document_count()
        start = time.perf_counter()
        pipeline._Corpus.load(store, None)
        reading = time.perf_counter() - start
        store.close()
    print(f"store of {count} documents, {len(victims)} replaced one at a time: deleting "
          f"{deleting / len(victims):.3f} s each; then forgetting it {forgetting / len(victims):.4f} s "
          f"against reading the corpus again {reading:.3f} s (before session 9)")


if __name__ == "__main__":
    main()
