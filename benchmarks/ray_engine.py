"""The Ray engine on the demo and the seeds (and ``--bodies`` FNC-1 training bodies): seconds of the ingest
and how many times the models were loaded (one load per Ray actor that analysed documents: each actor
loads spaCy and the embedding model when it starts). Small ``--batch`` sizes give a small input the many
batches of a large ingest.

    python benchmarks/ray_engine.py [--batch 200] [--cpus 2] [--bodies 0]

It also prints where the Ray workers import storyline from, so that a run from a working copy is known to
measure that copy's code (workers inherit PYTHONPATH from the Ray this script starts).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import ray
from incremental import fnc_bodies, write_jsonl

import storyline
from storyline import pipeline, settings
from storyline.engine import RaySettings, make_engine
from storyline.eval import default_datasets
from storyline.store import Store


@ray.remote
def _worker_package() -> str:
    return storyline.__file__


def model_loads() -> int:
    """Analyser actors started in this Ray session (dead ones included): each loaded the models once."""
    return sum("_Analyser" in actor["ActorClassName"] for actor in ray._private.state.actors().values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--batch", type=int, default=settings.BATCH_DOCUMENTS, help="documents per batch")
    parser.add_argument("--cpus", type=int, default=2, help="CPUs of the local Ray")
    parser.add_argument("--bodies", type=int, default=0, help="FNC-1 training bodies added to the input")
    parser.add_argument("--datasets", type=Path, default=default_datasets())
    args = parser.parse_args()
    seeds = args.datasets.parent / "corpus" / "seeds"  # ../shared/corpus/seeds beside the datasets
    with tempfile.TemporaryDirectory() as work:
        inputs = [str(settings.DEMO_DIR), *([str(seeds)] if seeds.is_dir() else [])]
        if args.bodies:
            records = [{"text": body} for body in fnc_bodies(args.datasets)[: args.bodies]]
            inputs.append(str(write_jsonl(records, Path(work) / "bodies.jsonl")))
        engine = make_engine("ray", RaySettings(cpus=args.cpus))
        print(f"workers import storyline from {ray.get(_worker_package.remote())}")
        store = Store(Path(work) / "ray.duckdb")
        start = time.perf_counter()
        result = pipeline.ingest(inputs, store, batch_documents=args.batch, engine=engine)
        seconds = time.perf_counter() - start
        store.close()
    print(json.dumps({"inputs": inputs[:2], "bodies": args.bodies, "batch": args.batch, "cpus": args.cpus,
                      "added": len(result.added), "errors": len(result.errors), "ingest_s": round(seconds, 1),
                      "model_loads": model_loads()}))


if __name__ == "__main__":
    main()
