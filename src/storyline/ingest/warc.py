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
CONTENT_LENGTH = re.compile(rb"(?im)^content-length:[ \t]*(\d+)[ \t]*\r?$")
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


def length_fault(chunk: bytes) -> str | None:
    """What is wrong with a record's declared ``Content-Length``, if anything: a record cut short (a
    truncated download) or followed by data its header does not count."""
    head_end = chunk.find(b"\r\n\r\n")
    declared = CONTENT_LENGTH.search(chunk[: head_end if head_end != -1 else len(chunk)])
    if head_end == -1 or declared is None:
        return None  # fastwarc reports a record without a complete header
    body, length = chunk[head_end + 4 :], int(declared.group(1))
    if length > len(body):
        return f"cut short: Content-Length {length} but {len(body)} bytes"
    if body[length:].strip():
        return f"{len(body[length:].rstrip())} bytes after its Content-Length {length}"
    return None


def _page(record, notes: list[str]) -> tuple[str, str | None] | None:
    """(HTML text, URL) of an HTML response record, or None for any other record; how its bytes were
    decoded, when it was a guess, goes to ``notes``."""
    if record.record_type == WarcRecordType.no_type:
        raise InputError("malformed WARC record: no WARC-Type")
    headers = record.http_headers
    if record.record_type != WarcRecordType.response or headers is None:
        return None
    if headers.status_code is None:
        raise InputError(f"malformed WARC record: bad HTTP status line {(headers.status_line or '')[:40]!r}")
    if not 200 <= headers.status_code < 300:
        return None
    content_type = headers.get("Content-Type", "") or ""
    if "html" not in content_type.lower():
        return None
    body = record.reader.read()
    if "gzip" in (headers.get("Content-Encoding", "") or "").lower():
        body = gzip.decompress(body)
    declared = CHARSET.search(content_type)
    page = decode(body, declared.group(1) if declared else None, repaired=False, lenient=True, notes=notes)
    return page, record.headers.get("WARC-Target-URI")


def read(found: InputFile) -> Iterator[Document | ReadError]:
    """Documents of the HTML responses; a record that cannot be read is an error of its own, and one read
    despite a wrong length a document with a warning. Records are numbered as found (a damaged record
    boundary can put two in one chunk), so each number is reported once."""
    number = 0
    with found.open() as raw:
        stream = GzipReader(raw) if found.compressed else raw
        for chunk in record_chunks(stream):
            number += 1
            if chunk is None:
                yield ReadError(f"{found.source}#{number}",
                                f"WARC record larger than {MAX_RECORD_BYTES} bytes, skipped")
                continue
            fault = length_fault(chunk)
            records = 0
            try:
                for record in ArchiveIterator(io.BytesIO(chunk), parse_http=True):
                    records += 1
                    notes = [f"malformed WARC record, read anyway: {fault}"] if fault else []
                    page = _page(record, notes)
                    if page:
                        doc = html.to_document(f"{found.source}#{number}", f"{found.stem}-{number}", *page)
                        doc.warnings += notes
                        yield doc
                if not records:
                    raise InputError("malformed WARC record: no record found")
            except InputError as exc:  # about the record being read
                yield ReadError(f"{found.source}#{number}", str(exc))
            except (OSError, EOFError, zlib.error) as exc:
                yield ReadError(f"{found.source}#{number}", f"malformed WARC record: {exc}")
