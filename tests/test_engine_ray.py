"""``--engine ray`` (a pool of Ray actors, a local Ray of one CPU) builds the demo and the seeds into the same
dossier as the local engine. Both builds run at once, each as a user runs it, so the test takes about one
build. An actor that dies stops the ingest with one line naming the batch it was analysing."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import ray

from storyline import settings
from storyline.engine import EngineFailed, RaySettings, make_engine
from storyline.eval import shared_folder
from storyline.model import Document

SEEDS = shared_folder("corpus", "seeds", start=Path(__file__))  # absent on a fresh clone


def _build(out: Path, *options: str) -> subprocess.Popen:
    inputs = [str(settings.DEMO_DIR), *([str(SEEDS)] if SEEDS.is_dir() else [])]
    return subprocess.Popen([sys.executable, "-m", "storyline.cli", "build", *inputs, "--out", str(out),
                             *options], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, tuple[dict, str]]:
    """Each engine's dossier and stderr."""
    root = tmp_path_factory.mktemp("engines")
    runs = {"local": _build(root / "local"),
            "ray": _build(root / "ray", "--engine", "ray", "--ray-cpus", "1")}
    found = {}
    for engine, run in runs.items():
        _, stderr = run.communicate(timeout=900)
        assert run.returncode == 0, stderr.decode()
        found[engine] = (json.loads((root / engine / "dossier.json").read_text()), stderr.decode())
    return found


def test_ray_analysed_the_documents(builds):
    dossier, stderr = builds["ray"]
    assert "analysing on a Ray started on this machine (1 CPU)" in stderr
    assert len(dossier["documents"]) == 13 + (3 if SEEDS.is_dir() else 0) and dossier["errors"] == []
    assert "Traceback" not in stderr and "WARNING" not in stderr  # Ray's own notices stay quiet


def test_ray_and_local_give_the_same_dossier(builds):
    (ray, _), (local, _) = builds["ray"], builds["local"]
    assert [d["id"] for d in ray["documents"]] == [d["id"] for d in local["documents"]]
    assert [s["documents"] for s in ray["stories"]] == [s["documents"] for s in local["stories"]]
    assert ray == local  # no timings or output paths in a dossier: every field must agree


def test_an_unknown_engine_is_one_line_and_makes_no_store(tmp_path):
    run = subprocess.run([sys.executable, "-m", "storyline.cli", "build", str(settings.DEMO_DIR), "--out",
                          str(tmp_path / "out"), "--engine", "spark"], capture_output=True, timeout=120)
    assert run.returncode == 2
    last = run.stderr.decode().strip().splitlines()[-1]
    assert last == "error: unknown engine 'spark' (choose local or ray)"
    assert not (tmp_path / "out").exists()


def test_a_cluster_that_does_not_answer_is_one_line_at_once(tmp_path):
    with socket.socket() as unused:  # a port nothing listens on
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    address = f"127.0.0.1:{port}"
    run = subprocess.run([sys.executable, "-m", "storyline.cli", "ingest", str(settings.DEMO_DIR), "--store",
                          str(tmp_path / "s.duckdb"), "--engine", "ray", "--ray-address", address],
                         capture_output=True, timeout=120)  # Ray alone retries for minutes
    assert run.returncode == 2
    last = run.stderr.decode().strip().splitlines()[-1]
    assert last == f"error: no Ray cluster answers at {address}: Connection refused"
    assert not (tmp_path / "s.duckdb").exists()


def test_a_dead_actor_is_one_line_naming_its_batch():
    engine = make_engine("ray", RaySettings(cpus=1))  # a Ray in this process
    text = "The council met on Monday. It approved the budget for the new bridge. " * 3

    def batches():
        yield [Document(id="a", source="news/a.txt", raw_text=text),
               Document(id="b", source="news/b.txt", raw_text=text + "More.")]
        for actor in engine.pool:  # the actor analysing the first batch dies (as when its node is lost)
            ray.kill(actor)
        yield [Document(id="c", source="news/c.txt", raw_text=text)]

    try:
        with pytest.raises(EngineFailed) as failed:
            list(engine.analyse_stream(batches()))
    finally:
        ray.shutdown()
    message = str(failed.value)
    assert message.startswith("batch 1 (2 documents: news/a.txt … news/b.txt) was not analysed: its Ray "
                              "actor died"), message
    assert message.endswith("run the same command again to add the rest") and "\n" not in message
