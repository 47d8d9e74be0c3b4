"""Plain-text documents, with optional leading header lines (``date 2022-10-20``, ``title ...``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from storyline import settings
from storyline.ingest import metadata
from storyline.ingest.decode import decode
from storyline.ingest.errors import InputError
from storyline.ingest.inputs import InputFile
from storyline.model import Document, ReadError

HEADER_KEYS = ("title", "date", "published", "source", "outlet", "url", "author", "authors", "language")
# ``key: value`` in any case, or ``key value`` in lower case: "Title fight ends in a draw" is a body line.
HEADER = re.compile(
    r"^\s*(?:(?i:(?P<key>" + "|".join(HEADER_KEYS) + r"))\s*:|(?P<bare>" + "|".join(HEADER_KEYS) + r")\s)"
    r"\s*(?P<value>\S.*)$"
)
DATE_VALUE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+Z-]*)?\s*(.*)$")


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Leading header lines and the rest of the text.

    A ``date`` header may carry the title on the same line (``date 2022-10-20 Headline``): the
    rest of that line stays as the first line of the text."""
    header: dict[str, str] = {}
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        match = HEADER.match(lines[i])
        if not match:
            break
        key, value = (match.group("key") or match.group("bare")).lower(), match.group("value").strip()
        if key in ("date", "published"):
            dated = DATE_VALUE.match(value)
            if not dated or not metadata.iso_date(dated.group(1)):
                break
            header["date"] = dated.group(1)
            if dated.group(2):
                lines[i] = dated.group(2)
                break
        elif key == "url" and not value.startswith(("http://", "https://")):
            break
        else:
            header[key] = value
        i += 1
    return header, "\n".join(lines[i:]).strip("\n")


def read(found: InputFile) -> Iterator[Document | ReadError]:
    header, body = split_header(decode(found.data()))
    if len(body.strip()) < settings.MIN_TEXT_CHARS:
        raise InputError(f"no document text (fewer than {settings.MIN_TEXT_CHARS} characters)")
    doc = Document(id=found.stem, source=found.source, raw_text=body)
    doc.title = header.get("title")
    doc.published = header.get("date")
    doc.url = header.get("url")
    doc.outlet = header.get("source") or header.get("outlet")
    doc.language = header.get("language")
    authors = header.get("authors") or header.get("author")
    if authors:
        doc.authors = metadata.split_authors(authors)
    metadata.complete(doc)
    yield doc
