"""How the server shares one store between concurrent requests and with other processes.

DuckDB lets one process write a file and no other process open it meanwhile. The server is that process
for as long as it runs: it holds one connection, gives each request its own cursor (DuckDB connections are
not shared between threads) and serialises writes through one lock, so requests read a consistent store
while a document is added. ``storyline ingest`` on the same file fails with a message naming the file
(and a server started on a file an ingest holds refuses to start the same way): nothing is corrupted and
documents go in through the server's ``POST /api/documents`` meanwhile. Because nobody else writes, the
story index kept in memory stays true until the server's own next write."""

from __future__ import annotations

import contextlib
import copy
import threading
from collections.abc import Iterator
from pathlib import Path

from storyline.serve.index import StoryIndex
from storyline.store import Store


class StoreBusy(Exception):
    """The store file is held by another process."""


def open_store(path: Path) -> Store:
    """The store at ``path``; a file another process holds is a ``StoreBusy`` that names the file."""
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such store (make one: storyline ingest FILES --store {path})")
    try:
        return Store(path)
    except ValueError as exc:
        if "lock" in str(exc).lower():
            raise StoreBusy(
                f"store {path} is in use by another process (a running `storyline ingest` or `storyline "
                "serve`?): wait for it to finish or stop it, then start again"
            ) from exc
        raise


class StoreAccess:
    """One open store, per-request cursors, one writer at a time, and the story index."""

    def __init__(self, path: Path):
        self.path = path
        self.store = open_store(path)
        self.write_lock = threading.Lock()
        self._index_lock = threading.Lock()
        self._index: StoryIndex | None = None

    def close(self) -> None:
        self.store.close()

    @contextlib.contextmanager
    def reader(self) -> Iterator[Store]:
        """A store on a cursor of its own, for one request's thread."""
        view = copy.copy(self.store)  # the Store's only state is its connection, replaced here
        view.db = self.store.db.cursor()
        try:
            yield view
        finally:
            view.db.close()

    @contextlib.contextmanager
    def writer(self) -> Iterator[Store]:
        """The store for a write; writes wait for each other and reset the story index."""
        with self.write_lock, self.reader() as store:
            try:
                yield store
            finally:
                with self._index_lock:
                    self._index = None

    def index(self) -> StoryIndex:
        """Counts and search text of every story, built once per write."""
        with self._index_lock:
            if self._index is None:
                with self.reader() as store:
                    self._index = StoryIndex.build(store)
            return self._index
