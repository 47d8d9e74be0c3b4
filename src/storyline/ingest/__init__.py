"""Read inputs of every supported format into ``Document`` records.

``read_inputs`` walks files, folders (recursively) and ``-`` (stdin); each file goes to the
reader for its format. Readers yield documents and, for a record they cannot use inside a
multi-record file (a JSON line, a WARC record), a ``ReadError`` naming that record; a file that
cannot be read at all yields one ``ReadError`` naming the file and the reason. The batch goes on.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from storyline import settings
from storyline.ingest import html, jsonrecords, text, warc
from storyline.ingest.errors import InputError
from storyline.ingest.inputs import InputFile, from_path, from_stdin
from storyline.model import Document, ReadError

Reader = Callable[[InputFile], Iterator[Document | ReadError]]

READERS: dict[str, Reader] = {
    ".txt": text.read,
    ".text": text.read,
    ".md": text.read,
    ".html": html.read,
    ".htm": html.read,
    ".json": jsonrecords.read,
    ".jsonl": jsonrecords.read,
    ".ndjson": jsonrecords.read,
    ".warc": warc.read,
}
SKIPPED_NAMES = {"readme.md", "license", "license.txt"}  # folder housekeeping, not news


def expand(inputs: Iterable[str], exclude: Iterable[str | Path] = ()) -> Iterator[str | ReadError]:
    """Input paths in a stable order; folders are walked recursively (symbolic links followed, each folder
    once), and a folder that cannot be listed, a broken link and an unknown path are errors. ``exclude``
    (the output folder, the store and its write-ahead log) is never read."""
    excluded = {Path(os.path.realpath(p)) for p in exclude}
    for item in inputs:
        if item == "-":
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            yield from _walk(path, excluded)
        elif _excluded(path, excluded):
            continue
        else:
            yield _file_or_error(path)


def _file_or_error(path: Path) -> str | ReadError:
    """The path of a regular file, or why it is none."""
    if path.is_file():
        return str(path)
    if path.is_symlink():
        return ReadError(str(path), "broken symbolic link or link loop")
    if path.exists():
        return ReadError(str(path), "not a regular file")
    return ReadError(str(path), "no such file or directory")


def _excluded(path: Path, excluded: set[Path]) -> bool:
    if not excluded:
        return False
    resolved = Path(os.path.realpath(path))  # unlike Path.resolve, never raises on a link loop
    return any(resolved == e or e in resolved.parents for e in excluded)


def _walk(folder: Path, excluded: set[Path]) -> Iterator[str | ReadError]:
    """Files under ``folder``, sorted; errors for what cannot be listed or followed."""
    failures: list[OSError] = []
    visited: set[Path] = set()
    found: list[Path] = []
    for top, dirs, files in os.walk(folder, onerror=failures.append, followlinks=True):
        real = Path(os.path.realpath(top))
        if real in visited or _excluded(real, excluded):
            dirs[:] = []  # a link back up the tree (a loop) or to a folder already read
            continue
        visited.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(top) / f for f in files)
    for error in failures:
        yield ReadError(str(error.filename), f"cannot read folder: {error.strerror or error}")
    for child in sorted(found):
        if child.name.startswith(".") or child.name.lower() in SKIPPED_NAMES or _excluded(child, excluded):
            continue
        yield _file_or_error(child)


def read_inputs(inputs: Iterable[str | InputFile], exclude: Iterable[str | Path] = (),
                seconds: float = settings.READ_SECONDS) -> Iterator[Document | ReadError]:
    """Documents from all inputs, with a ``ReadError`` for each input or record that could not be read
    (or took more than ``seconds`` to read); paths in or under ``exclude`` are left out.

    An ``InputFile`` (bytes already in memory, such as an upload to ``storyline serve``) is read as it is,
    without touching the file system."""
    for given in inputs:
        if isinstance(given, InputFile):
            yield from read_input(given.source, lambda found=given: found, seconds)
            continue
        for item in expand([given], exclude):
            if isinstance(item, ReadError):
                yield item
            else:
                yield from read_file(item, seconds)


def read_file(name: str, seconds: float = settings.READ_SECONDS) -> Iterator[Document | ReadError]:
    """Documents in one file (several for JSON records and WARC); never raises for bad input."""
    return read_input(name, lambda: from_stdin(sys.stdin.buffer.read()) if name == "-"
                      else from_path(Path(name)), seconds)


def read_input(source: str, open_input: Callable[[], InputFile],
               seconds: float = settings.READ_SECONDS) -> Iterator[Document | ReadError]:
    """Documents of one input that ``open_input`` finds; any failure, opening included, is a ``ReadError``,
    and so is a reader that takes more than ``seconds`` for a document (only its own time counts)."""
    try:
        found = open_input()
        reader = READERS.get(found.kind)
        if reader is None:
            raise InputError(f"unknown format {found.kind or '(no extension)'!r}; expected one of "
                             + ", ".join(sorted(READERS)))
        read_any = False
        items = reader(found)
        while True:
            started = time.monotonic()
            with time_limit(seconds):
                item = next(items, None)
            if item is None:
                break
            if time.monotonic() - started > seconds:  # the reader's library swallowed the timer's error
                raise InputError(f"reading took more than {seconds:g} s: stopped")
            read_any = True
            if isinstance(item, Document):
                item.content_hash = content_hash(item)
            yield item
        if not read_any:
            raise InputError("no document text found")
    except InputError as exc:
        yield ReadError(source, str(exc))
    except (OSError, ValueError) as exc:
        yield ReadError(source, f"{type(exc).__name__}: {exc}")
    except Exception as exc:  # noqa: BLE001 - a reader's failure on odd input must not stop the batch
        yield ReadError(source, f"could not be read ({type(exc).__name__}: {exc})")


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``InputError`` in the block after ``seconds`` (a timer signal; in the main thread only, the
    only one signals reach: elsewhere, as in the web server's workers, the block runs unbounded)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signal, _frame):
        raise InputError(f"reading took more than {seconds:g} s: stopped")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def content_hash(doc: Document) -> str:
    """Identity of a document: its text and where and when it appeared.

    Reading the same file twice gives the same hash; the same wire text re-published by another
    outlet does not (it is a second document, and an exact copy)."""
    parts = [doc.raw_text, doc.title or "", doc.published or "", doc.outlet or "", doc.url or ""]
    normal = "\x1f".join(" ".join(p.lower().split()) for p in parts)
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()
