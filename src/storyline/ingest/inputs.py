"""One input to read (a file or stdin): its name, its format, and its bytes, decompressed and capped."""

from __future__ import annotations

import gzip
import io
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from storyline import settings
from storyline.ingest.errors import InputError

GZIP_MAGIC = b"\x1f\x8b"


@dataclass
class InputFile:
    source: str  # the name errors and documents carry: a path, or "-" for stdin
    stem: str  # the document id of a single-document file; records add "-N"
    kind: str  # reader key: ".txt", ".html", ".json", ".warc", ...
    compressed: bool
    path: Path | None = None
    content: bytes | None = None  # stdin, read once

    def open(self) -> BinaryIO:
        """The raw (still compressed) byte stream."""
        if self.content is not None:
            return io.BytesIO(self.content)
        assert self.path is not None
        return self.path.open("rb")

    def data(self) -> bytes:
        """All bytes, decompressed; more than ``MAX_INPUT_BYTES`` is refused (also after gunzip)."""
        limit = settings.MAX_INPUT_BYTES
        with self.open() as raw:
            stream = gzip.GzipFile(fileobj=raw) if self.compressed else raw
            try:
                data = stream.read(limit + 1)
            except (OSError, EOFError, zlib.error) as exc:
                raise InputError(f"corrupt gzip data: {exc}") from exc
        if len(data) > limit:
            after = " after decompression" if self.compressed else ""
            raise InputError(f"too large (more than {limit} bytes{after})")
        if not data.strip():
            raise InputError("empty file")
        return data


def format_of(name: str) -> tuple[str, bool]:
    """The reader key of a file name and whether it is gzip-compressed."""
    suffixes = [s.lower() for s in Path(name).suffixes]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    if compressed:
        suffixes = suffixes[:-1]
    return (suffixes[-1] if suffixes else ""), compressed


def sniff(content: bytes) -> tuple[str, bool]:
    """Format of unnamed bytes (stdin) from how they start: gzip, WARC, HTML, JSON, else text."""
    compressed = content.startswith(GZIP_MAGIC)
    if compressed:
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(content)) as stream:
                content = stream.read(4096)
        except (OSError, EOFError, zlib.error):
            return ".txt", True  # reading it reports the corrupt data
    head = content[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"warc/"):
        return ".warc", compressed
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head or b"<p>" in head:
        return ".html", compressed
    if head.startswith((b"{", b"[")):
        return ".json", compressed
    return ".txt", compressed


def from_path(path: Path) -> InputFile:
    kind, compressed = format_of(path.name)
    return InputFile(str(path), path.name.split(".")[0] or path.name, kind, compressed, path=path)


def from_stdin(content: bytes) -> InputFile:
    kind, compressed = sniff(content)
    return InputFile("-", "stdin", kind, compressed, content=content)
