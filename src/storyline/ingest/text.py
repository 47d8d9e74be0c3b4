"""Plain-text documents, with optional leading header lines (``date 2022-10-20``, ``title ...``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from storyline import settings
from storyline.ingest import metadata
from storyline.ingest import vocabulary as vocab
from storyline.ingest.bounds import bound_length
from storyline.ingest.decode import decode
from storyline.ingest.errors import InputError
from storyline.ingest.inputs import InputFile
from storyline.model import Document, ReadError

HEADER_KEYS = ("title", "date", "published", "source", "outlet", "url", "author", "authors", "language")
# ``key: value`` in any case, ``key value`` in lower case or in capitals ("DATE October 20, 2022"):
# "Title fight ends in a draw" is a body line.
HEADER = re.compile(
    r"^\s*(?:(?i:(?P<key>" + "|".join(HEADER_KEYS) + r"))\s*:|(?P<bare>" + "|".join(HEADER_KEYS) + r"|"
    + "|".join(k.upper() for k in HEADER_KEYS) + r")\s)\s*(?P<value>\S.*)$"
)
DATE_VALUE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+Z-]*)?\s*(.*)$")
MAX_DATE_VALUE_WORDS = 8  # "Thursday, October 20, 2022, 13:12 GMT"; a longer value is a sentence
FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\n(?P<body>.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)



def header_date(value: str) -> tuple[str, str] | None:
    """(day, rest of the line) of a date header's value: ISO first, then a written date."""
    dated = DATE_VALUE.match(value)
    if dated:
        found = metadata.iso_date(dated.group(1))
        return (found, dated.group(2)) if found else None
    found = metadata.iso_date(value)
    return (found, "") if found and len(value.split()) <= MAX_DATE_VALUE_WORDS else None


def front_matter(text: str) -> tuple[dict[str, str], str] | None:
    """YAML front matter of a Markdown file (``---`` lines around ``key: value`` and ``- item`` lists)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None
    header: dict[str, str] = {}
    key = None
    for line in match.group("body").splitlines():
        pair = re.match(r"^(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.*)$", line)
        if pair:
            key = vocab.FRONT_MATTER_KEYS.get(pair.group("key").lower())
            value = pair.group("value").strip().strip("\"'")
            if key and value:
                header[key] = value.strip("[]")
        elif key and re.match(r"^\s+-\s+\S", line):  # a list item under the last key
            item = line.strip()[1:].strip().strip("\"'")
            header[key] = f"{header[key]}, {item}" if header.get(key) else item
    if "date" in header:
        dated = header_date(header.pop("date"))
        if dated:
            header["date"] = dated[0]
    return header, text[match.end():].strip("\n")


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Leading header lines (or YAML front matter) and the rest of the text.

    A ``date`` header may carry the title on the same line (``date 2022-10-20 Headline``): the
    rest of that line stays as the first line of the text."""
    found = front_matter(text)
    if found:
        return found
    header: dict[str, str] = {}
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        match = HEADER.match(lines[i])
        if not match:
            break
        key, value = (match.group("key") or match.group("bare")).lower(), match.group("value").strip()
        if key in ("date", "published"):
            dated = header_date(value)
            if not dated:
                break
            header["date"] = dated[0]
            if dated[1]:
                lines[i] = dated[1]
                break
        elif key == "url" and not value.startswith(("http://", "https://")):
            break
        else:
            header[key] = value
        i += 1
    return header, "\n".join(lines[i:]).strip("\n")


def read(found: InputFile) -> Iterator[Document | ReadError]:
    notes: list[str] = []
    header, body = split_header(decode(found.data(), notes=notes))
    if len(body.strip()) < settings.MIN_TEXT_CHARS:
        raise InputError(f"no document text (fewer than {settings.MIN_TEXT_CHARS} characters)")
    doc = Document(id=found.stem, source=found.source, raw_text=body, warnings=notes)
    doc.title = header.get("title")
    doc.published = header.get("date")
    doc.url = header.get("url")
    doc.outlet = header.get("source") or header.get("outlet")
    doc.language = header.get("language")
    authors = header.get("authors") or header.get("author")
    if authors:
        doc.authors = metadata.split_authors(authors)
    given = ("title", "published", "outlet", "authors")
    doc.provenance = {key: "header" for key in given if getattr(doc, key)}
    bound_length(doc)
    metadata.complete(doc)
    yield doc
