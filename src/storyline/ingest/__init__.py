"""Read inputs of every supported format into ``Document`` records.

``read_inputs`` walks files, folders (recursively) and ``-`` (stdin); each file goes to the
reader for its format. A file that cannot be read yields a ``ReadError`` naming the file and
the reason, and the batch goes on.
"""

from __future__ import annotations

import gzip
import hashlib
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from storyline import settings
from storyline.ingest import html, jsonrecords, text, warc
from storyline.ingest.errors import InputError
from storyline.model import Document, ReadError

READERS = {
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


def format_of(name: str) -> tuple[str, bool]:
    """The reader key of a file name and whether it is gzip-compressed."""
    suffixes = [s.lower() for s in Path(name).suffixes]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    if compressed:
        suffixes = suffixes[:-1]
    return (suffixes[-1] if suffixes else ""), compressed


def expand(inputs: Iterable[str]) -> Iterator[str | ReadError]:
    """Input paths in a stable order; folders are walked recursively, unknown paths are errors."""
    for item in inputs:
        if item == "-":
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name.startswith(".") or child.name.lower() == "readme.md":
                    continue
                yield str(child)
        elif path.is_file():
            yield str(path)
        elif path.exists():
            yield ReadError(str(path), "not a regular file")
        else:
            yield ReadError(str(path), "no such file or directory")


def read_inputs(inputs: Iterable[str]) -> Iterator[Document | ReadError]:
    """Documents from all inputs, with a ``ReadError`` for each input that could not be read."""
    for item in expand(inputs):
        if isinstance(item, ReadError):
            yield item
            continue
        try:
            yield from read_file(item)
        except InputError as exc:
            yield ReadError(item, str(exc))
        except (OSError, ValueError, UnicodeError) as exc:
            yield ReadError(item, f"{type(exc).__name__}: {exc}")


def read_file(name: str) -> Iterator[Document]:
    """Documents in one file (several for JSONL and WARC)."""
    if name == "-":
        data = sys.stdin.buffer.read()
        kind, compressed = ".txt", False
        stem = "stdin"
    else:
        path = Path(name)
        size = path.stat().st_size
        if size == 0:
            raise InputError("empty file")
        if size > settings.MAX_INPUT_BYTES:
            raise InputError(f"file too large ({size} bytes > {settings.MAX_INPUT_BYTES})")
        kind, compressed = format_of(path.name)
        if kind not in READERS:
            raise InputError(f"unknown format {kind or '(no extension)'!r}; expected one of "
                             + ", ".join(sorted(READERS)))
        data = path.read_bytes()
        stem = path.name.split(".")[0]
    if compressed:
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise InputError(f"corrupt gzip data: {exc}") from exc
    if not data.strip():
        raise InputError("empty file")
    docs = list(READERS[kind](name, stem, data))
    if not docs:
        raise InputError("no document text found")
    for doc in docs:
        doc.content_hash = content_hash(doc)
    return iter(docs)


def content_hash(doc: Document) -> str:
    """Identity of a document: its text and where and when it appeared.

    Reading the same file twice gives the same hash; the same wire text re-published by another
    outlet does not (it is a second document, and an exact copy)."""
    parts = [doc.raw_text, doc.title or "", doc.published or "", doc.outlet or "", doc.url or ""]
    normal = "\x1f".join(" ".join(p.lower().split()) for p in parts)
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()
