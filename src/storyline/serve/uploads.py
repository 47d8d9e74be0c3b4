"""Request bodies of ``POST /api/documents`` as ingest inputs, in memory: a name given by the client
becomes the document's id and source label, never a path."""

from __future__ import annotations

import re

from storyline.ingest import READERS
from storyline.ingest.inputs import InputFile, format_of, sniff

MEDIA_KINDS = {  # media type of a request body -> reader
    "text/plain": ".txt",
    "text/markdown": ".txt",
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/json": ".json",
    "application/x-ndjson": ".jsonl",
    "application/jsonl": ".jsonl",
}
UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
MAX_NAME = 60


class UnsupportedUpload(Exception):
    """A body or file of a type no reader takes (HTTP 415)."""


def safe_name(name: str | None, default: str = "upload") -> str:
    """A document id from a client's name: letters, digits, '-' and '_' only."""
    cleaned = UNSAFE.sub("-", name or "").strip("-_")[:MAX_NAME]
    return cleaned or default


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


def from_body(content: bytes, content_type: str | None, name: str | None) -> InputFile:
    """A raw request body; its media type picks the reader (``text/plain`` is sniffed: a curl default)."""
    kind = MEDIA_KINDS.get(media_type(content_type))
    if kind is None:
        raise UnsupportedUpload(
            f"unsupported Content-Type {media_type(content_type) or '(none)'!r}; send one of "
            + ", ".join(sorted(MEDIA_KINDS)) + " or multipart/form-data with a file"
        )
    compressed = False
    if kind == ".txt":
        kind, compressed = sniff(content)
    stem = safe_name(name)
    return InputFile(f"upload:{stem}", stem, kind, compressed, content=content)


def from_file(content: bytes, filename: str | None) -> InputFile:
    """An uploaded file; its extension picks the reader, as for a file on the command line."""
    base = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    kind, compressed = format_of(base)
    if kind not in READERS:
        raise UnsupportedUpload(
            f"unsupported file type {kind or '(no extension)'!r} for {base!r}; expected one of "
            + ", ".join(sorted(READERS))
        )
    stem = safe_name(base.split(".")[0])
    return InputFile(f"upload:{stem}{kind}", stem, kind, compressed, content=content)
