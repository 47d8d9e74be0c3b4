"""Plain-text documents, with optional leading header lines (``date 2022-10-20``, ``title ...``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from storyline.ingest import metadata
from storyline.ingest.decode import decode
from storyline.ingest.errors import InputError
from storyline.model import Document

HEADER_KEYS = ("title", "date", "published", "source", "outlet", "url", "author", "authors", "language")
HEADER = re.compile(r"^\s*(" + "|".join(HEADER_KEYS) + r")\s*[:\s]\s*(\S.*)$", re.IGNORECASE)
DATE_VALUE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*(.*)$")


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Leading ``key value`` lines and the rest of the text.

    A ``date`` header may carry the title on the same line (``date 2022-10-20 Headline``)."""
    header: dict[str, str] = {}
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        match = HEADER.match(lines[i])
        if not match:
            break
        key, value = match.group(1).lower(), match.group(2).strip()
        if key in ("date", "published"):
            dated = DATE_VALUE.match(value)
            if not dated:
                break
            header["date"] = dated.group(1)
            if dated.group(2) and "title" not in header:
                lines[i] = dated.group(2)
                break
        else:
            header[key] = value
        i += 1
    return header, "\n".join(lines[i:]).strip("\n")


def read(source: str, stem: str, data: bytes) -> Iterator[Document]:
    text = decode(data)
    header, body = split_header(text)
    if len(body.strip()) < 20:
        raise InputError("no document text (fewer than 20 characters)")
    doc = Document(id=stem, source=source, raw_text=body)
    doc.title = header.get("title")
    doc.published = header.get("date")
    doc.url = header.get("url")
    doc.outlet = header.get("source") or header.get("outlet")
    authors = header.get("authors") or header.get("author")
    if authors:
        doc.authors = metadata.split_authors(authors)
    metadata.complete(doc)
    yield doc
