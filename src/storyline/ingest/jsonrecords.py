"""JSON and JSON Lines records: news-please fields, or a plain ``{"text": ...}``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from storyline.ingest import metadata
from storyline.ingest.decode import decode
from storyline.ingest.errors import InputError
from storyline.model import Document

TEXT_FIELDS = ("maintext", "text", "body", "content", "articleBody")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date_publish", "published", "date", "datePublished", "publish_date")


def _string(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def to_document(source: str, doc_id: str, record: Any) -> Document:
    if not isinstance(record, dict):
        raise InputError(f"record is a {type(record).__name__}, expected an object")
    text = _string(record, TEXT_FIELDS)
    if not text:
        raise InputError("record has no text field (" + ", ".join(TEXT_FIELDS) + ")")
    doc = Document(id=doc_id, source=source, raw_text=text)
    doc.title = _string(record, TITLE_FIELDS)
    date = _string(record, DATE_FIELDS)
    doc.published = date[:10] if date and date[:4].isdigit() else None
    doc.url = _string(record, ("url", "link"))
    doc.outlet = _string(record, ("source_domain", "outlet", "source", "site")) or metadata.outlet_of(doc.url)
    authors = record.get("authors")
    if isinstance(authors, list):
        doc.authors = [metadata.name_case(a) for a in authors if isinstance(a, str) and a.strip()]
    elif isinstance(authors, str):
        doc.authors = metadata.split_authors(authors)
    language = record.get("language")
    doc.language = language if isinstance(language, str) else None
    metadata.complete(doc)
    return doc


def read(source: str, stem: str, data: bytes) -> Iterator[Document]:
    text = decode(data)
    stripped = text.lstrip()
    if stripped.startswith("[") or (stripped.startswith("{") and source.endswith((".json", ".json.gz"))):
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON: {exc}") from exc
        records = value if isinstance(value, list) else [value]
        for i, record in enumerate(records):
            yield to_document(source, stem if len(records) == 1 else f"{stem}-{i + 1}", record)
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {number}: invalid JSON: {exc}") from exc
        yield to_document(source, f"{stem}-{number}", record)
