"""How the server shares one store between concurrent requests and with other processes.

DuckDB lets one process write a file and no other process open it meanwhile. The server is that process
for as long as it runs: it holds one connection, gives each request its own cursor (DuckDB connections are
not shared between threads) and serialises writes through one lock, so requests read a consistent store
while a document is added. ``storyline ingest`` on the same file fails with a message naming the file
(and a server started on a file an ingest holds refuses to start the same way): nothing is corrupted and
documents go in through the server's ``POST /api/documents`` meanwhile. Because nobody else writes, what
the server keeps in memory (the story index, the JSON of answers already given) stays true until its own
next write, which drops it.

Stories an ingest left without a dossier section are computed after the server starts listening, one at a
time under the write lock (a 13-document store took 86 s to start when they were computed first): the page
opens at once, lists what is ready and says how many stories are still ``pending``."""

from __future__ import annotations

import contextlib
import copy
import json
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from storyline.serve.config import ServeSettings
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
    """One open store, per-request cursors, one writer at a time, the story index and answers as JSON."""

    def __init__(self, path: Path, settings: ServeSettings):
        self.path = path
        self.settings = settings
        self.store = open_store(path)
        self.write_lock = threading.Lock()
        self._index_lock = threading.Lock()
        self._index: StoryIndex | None = None
        self._answers: dict[tuple[str, ...], bytes] = {}
        self._generation = 0  # writes so far: an answer computed across a write is not kept
        self.pending: set[str] = set(self.store.dirty_stories())  # stories still to compute
        self.stopping = threading.Event()

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
                    self._answers = {}
                    self._generation += 1

    def complete_stories(self) -> None:
        """Compute the pending stories, one per hold of the write lock, so readers see each as soon as it is
        done and an upload waits for one story at most; stops between stories once ``stopping`` is set.
        A story that fails is named on stderr and left pending-free (its documents stay readable)."""
        from storyline.pipeline import build_story

        for story_id in sorted(self.pending):
            if self.stopping.is_set():
                return
            with self.writer() as store:
                if story_id in store.dirty_stories():  # an upload's report may have done it already
                    try:
                        story = build_story(store, story_id)
                        with store.transaction():
                            store.save_story(story)
                    except Exception as exc:  # noqa: BLE001 - one story must not stop the others
                        print(f"error: story {story_id} could not be computed: {type(exc).__name__}: {exc}",
                              file=sys.stderr)
                self.pending.discard(story_id)

    def index(self) -> StoryIndex:
        """Counts and search text of every story, built once per write."""
        with self._index_lock:
            if self._index is None:
                with self.reader() as store:
                    self._index = StoryIndex.build(store)
            return self._index

    def ready_index(self) -> StoryIndex | None:
        """The story index if it is built (the event loop answers from it without waiting)."""
        return self._index

    def cached(self, key: tuple[str, ...]) -> bytes | None:
        return self._answers.get(key)

    def answer(self, key: tuple[str, ...], compute: Callable[[Store], object]) -> bytes:
        """The JSON of ``compute(store)``, kept under ``key`` until the next write: a story's dossier
        is parsed and serialised once, not for every reader."""
        found = self._answers.get(key)
        if found is not None:
            return found
        generation = self._generation
        with self.reader() as store:
            body = json.dumps(compute(store), ensure_ascii=False).encode()
        with self._index_lock:
            if generation == self._generation:
                if len(self._answers) >= self.settings.max_cached_answers:
                    self._answers = {}
                self._answers[key] = body
        return body
