"""JSON and JSON Lines records: news-please fields, or a plain ``{"text": ...}``.

A file may hold one object, an array of objects, or one object per line. A record that cannot be
used (invalid JSON, a field of the wrong type, no text) is a ``ReadError`` of its own: the other
records of the file are still read."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from storyline import settings
from storyline.ingest import metadata
from storyline.ingest.bounds import bound_length
from storyline.ingest.decode import decode
from storyline.ingest.errors import InputError
from storyline.ingest.inputs import InputFile
from storyline.model import Document, ReadError

TEXT_FIELDS = ("maintext", "text", "body", "content", "articleBody")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date_publish", "published", "date", "datePublished", "publish_date")
URL_FIELDS = ("url", "link")
OUTLET_FIELDS = ("source_domain", "outlet", "source", "site")


def _string(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    """The first non-empty string among ``names``; a value of another type is an error (null is absent)."""
    for name in names:
        value = record.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(f"field {name!r} is {type(value).__name__}, expected a string")
        if value.strip():
            return value.strip()
    return None


def _authors(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return metadata.split_authors(value)
    if isinstance(value, list) and all(isinstance(a, str) for a in value):
        return [metadata.name_case(a) for a in value if a.strip()]
    raise InputError("field 'authors' must be a string or a list of strings")


def to_document(source: str, doc_id: str, record: Any) -> Document:
    if not isinstance(record, dict):
        raise InputError(f"record is a {type(record).__name__}, expected an object")
    text = _string(record, TEXT_FIELDS)
    if not text or len(text) < settings.MIN_TEXT_CHARS:
        raise InputError("record has no text (fields " + ", ".join(TEXT_FIELDS) + ")")
    doc = Document(id=doc_id, source=source, raw_text=text)
    doc.title = _string(record, TITLE_FIELDS)
    doc.published = metadata.iso_date(_string(record, DATE_FIELDS))
    doc.url = _string(record, URL_FIELDS)
    doc.outlet = _string(record, OUTLET_FIELDS) or metadata.outlet_of(doc.url)
    doc.authors = _authors(record.get("authors"))
    doc.language = _string(record, ("language",))
    bound_length(doc)
    metadata.complete(doc)
    return doc


def _records(text: str) -> Iterator[tuple[str, int, Any]]:
    """("record"/"line", its number, the parsed value or the ``InputError`` of that record)."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        pass  # not one JSON document: JSON Lines, or broken
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply") from None
    else:
        for number, record in enumerate(value if isinstance(value, list) else [value], 1):
            yield "record", number, record
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield "line", number, json.loads(line)
        except json.JSONDecodeError as exc:
            yield "line", number, InputError(f"invalid JSON: {exc}")
        except RecursionError:
            yield "line", number, InputError("invalid JSON: nested too deeply")


def read(found: InputFile) -> Iterator[Document | ReadError]:
    notes: list[str] = []
    records = list(_records(decode(found.data(), notes=notes)))
    single = len(records) == 1
    for unit, number, record in records:
        source = found.source if single else f"{found.source}#{number}"
        doc_id = found.stem if single else f"{found.stem}-{number}"
        try:
            if isinstance(record, InputError):
                raise record
            doc = to_document(source, doc_id, record)
            doc.warnings += notes
            yield doc
        except InputError as exc:
            if single:
                raise
            yield ReadError(source, f"{unit} {number}: {exc}")
