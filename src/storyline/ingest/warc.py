"""WARC files (Common Crawl news): HTTP responses with HTML bodies.

fastwarc stops at the first malformed record, so the stream is first cut into records at each line
that starts a WARC header, and every record is parsed on its own: a malformed one becomes a
``ReadError`` for that record and the others are still read. The file is streamed (gzip through
``fastwarc.stream_io.GzipReader``), one record in memory at a time."""

from __future__ import annotations

import gzip
import io
import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from fastwarc.stream_io import GzipReader
from fastwarc.warc import ArchiveIterator, WarcRecordType

from storyline.ingest import html
from storyline.ingest.decode import decode
from storyline.ingest.errors import InputError
from storyline.ingest.inputs import InputFile
from storyline.model import Document, ReadError

BLOCK_BYTES = 1 << 20
MAX_RECORD_BYTES = 64 * 1024 * 1024  # a larger record (video, archive) is skipped with an error
RECORD_START = b"\nWARC/1."
CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)


def record_chunks(stream: BinaryIO) -> Iterator[bytes | None]:
    """The bytes of each record in the stream; None for a record too large to keep."""
    buffer = bytearray()
    searched = 0
    oversized = False
    while True:
        block = stream.read(BLOCK_BYTES)
        buffer += block
        while (cut := buffer.find(RECORD_START, max(searched, 1))) != -1:
            if not oversized:
                yield bytes(buffer[: cut + 1])
            oversized = False
            del buffer[: cut + 1]
            searched = 0
        searched = max(0, len(buffer) - len(RECORD_START))
        if len(buffer) > MAX_RECORD_BYTES:
            if not oversized:
                yield None
            oversized = True
            del buffer[: searched - 1]
            searched = 1
        if not block:
            break
    if buffer.strip() and not oversized:
        yield bytes(buffer)


def _page(record) -> tuple[str, str | None] | None:
    """(HTML text, URL) of an HTML response record, or None for any other record."""
    headers = record.http_headers
    if record.record_type != WarcRecordType.response or headers is None:
        return None
    if not 200 <= (headers.status_code or 0) < 300:
        return None
    content_type = headers.get("Content-Type", "") or ""
    if "html" not in content_type.lower():
        return None
    body = record.reader.read()
    if "gzip" in (headers.get("Content-Encoding", "") or "").lower():
        body = gzip.decompress(body)
    declared = CHARSET.search(content_type)
    page = decode(body, declared.group(1) if declared else None, repaired=False, lenient=True)
    return page, record.headers.get("WARC-Target-URI")


def read(found: InputFile) -> Iterator[Document | ReadError]:
    with found.open() as raw:
        stream = GzipReader(raw) if found.compressed else raw
        for number, chunk in enumerate(record_chunks(stream), 1):
            source = f"{found.source}#{number}"
            if chunk is None:
                yield ReadError(source, f"WARC record larger than {MAX_RECORD_BYTES} bytes, skipped")
                continue
            try:
                for record in ArchiveIterator(io.BytesIO(chunk), parse_http=True):
                    page = _page(record)
                    if page:
                        yield html.to_document(source, f"{found.stem}-{number}", page[0], page[1])
            except InputError as exc:
                yield ReadError(source, str(exc))
            except (OSError, EOFError, zlib.error) as exc:
                yield ReadError(source, f"malformed WARC record: {exc}")
