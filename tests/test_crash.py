"""Crashes and concurrent writers: an ingest killed with SIGKILL at several points is completed by the next
run with exactly the documents and stories of a clean run, and a second ingest on a busy store says so in
one line and loses nothing."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from storyline.pipeline import ingest
from storyline.store import Store


def command(corpus: Path, store: Path) -> list[str]:
    return [sys.executable, "-m", "storyline.cli", "ingest", str(corpus), "--store", str(store),
            "--batch", "2"]


def start_ingest(corpus: Path, store: Path) -> subprocess.Popen:
    return subprocess.Popen(command(corpus, store), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wal_size(store: Path) -> int:
    wal = Path(f"{store}.wal")
    return wal.stat().st_size if wal.exists() else 0


def kill_when(process: subprocess.Popen, ready, timeout: float = 300) -> None:
    """SIGKILL the process as soon as ``ready()`` holds (or fail if it ended first)."""
    deadline = time.monotonic() + timeout
    while not ready():
        assert process.poll() is None, process.stderr.read().decode()
        assert time.monotonic() < deadline, "the kill point was never reached"
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()


def document_count(store_path: Path) -> int:
    store = Store(store_path)
    count = store.document_count()
    store.close()
    return count


def contents(store_path: Path) -> tuple[list[str], set[frozenset[str]]]:
    """Document ids (with repeats, if any) and the partition of documents into stories."""
    store = Store(store_path)
    try:
        docs = store.documents(full=False)
        stories: dict[str, set[str]] = {}
        for doc in docs:
            stories.setdefault(doc.story, set()).add(doc.id)
        hashes = store.known_hashes()
        assert len(hashes) == len(docs)
        return sorted(d.id for d in docs), {frozenset(s) for s in stories.values()}
    finally:
        store.close()


def test_killed_ingests_are_completed_by_the_next_run_and_a_concurrent_one_is_refused(tmp_path, two_stories):
    corpus = two_stories
    clean = Store(tmp_path / "clean.duckdb")
    ingest([str(corpus)], clean, batch_documents=2)
    clean.close()
    expected = contents(tmp_path / "clean.duckdb")
    assert len(expected[0]) == 6 and len(expected[1]) == 2

    store = tmp_path / "crashed.duckdb"
    # 1: killed while loading, before any batch
    run = start_ingest(corpus, store)
    kill_when(run, lambda: store.exists())
    stored = [document_count(store)]  # opening replays and checkpoints the write-ahead log
    # 2 and 3: killed just after a batch was committed (the write-ahead log grew), inside the next one
    for _ in range(2):
        before = wal_size(store)
        run = start_ingest(corpus, store)
        kill_when(run, lambda before=before: wal_size(store) > before)
        stored.append(document_count(store))
    # killed before any batch, then when the write-ahead log grew (after a batch; under heavy load the
    # first growth can come earlier): never a partial batch
    assert stored[0] == 0 and stored == sorted(stored) and all(n % 2 == 0 for n in stored)
    # the next run, with a second ingest started on the same store while it works
    first = start_ingest(corpus, store)
    assert b"loading the models" in first.stderr.readline()  # said just before it opens the store
    time.sleep(1.0)
    second = subprocess.run(command(corpus, store), capture_output=True, timeout=300)
    _, err = first.communicate(timeout=600)
    assert first.returncode == 0, err.decode()
    assert second.returncode == 2
    (line,) = second.stderr.decode().strip().splitlines()[1:]  # after "reading 1 input into ..."
    assert line.startswith(f"error: {store}: in use by another process"), line
    assert contents(store) == expected
