"""WARC files (Common Crawl news): HTTP responses with HTML bodies."""

from __future__ import annotations

import io
from collections.abc import Iterator

from fastwarc.warc import ArchiveIterator, WarcRecordType

from storyline.ingest import html
from storyline.ingest.errors import InputError
from storyline.model import Document


def read(source: str, stem: str, data: bytes) -> Iterator[Document]:
    found = 0
    for number, record in enumerate(
        ArchiveIterator(io.BytesIO(data), record_types=WarcRecordType.response, parse_http=True), 1
    ):
        content_type = (record.http_headers or {}).get("Content-Type", "") if record.http_headers else ""
        if "html" not in content_type.lower():
            continue
        url = record.headers.get("WARC-Target-URI")
        body = record.reader.read()
        try:
            page = body.decode("utf-8")
        except UnicodeDecodeError:
            page = body.decode("latin-1")
        try:
            yield html.to_document(f"{source}#{number}", f"{stem}-{number}", page, url)
            found += 1
        except InputError:
            continue
    if not found:
        raise InputError("no readable HTML response records in the WARC file")
