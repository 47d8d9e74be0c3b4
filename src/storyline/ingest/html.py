"""HTML pages: main text and metadata through trafilatura."""

from __future__ import annotations

from collections.abc import Iterator

import trafilatura

from storyline.ingest import metadata
from storyline.ingest.decode import decode
from storyline.ingest.errors import InputError
from storyline.model import Document


def extract(html_text: str, url: str | None = None):
    """trafilatura's document (text and metadata) for a page, or None."""
    return trafilatura.bare_extraction(
        html_text, url=url, include_comments=False, include_tables=False, with_metadata=True
    )


def to_document(source: str, doc_id: str, html_text: str, url: str | None = None) -> Document:
    result = extract(html_text, url)
    if result is None or not (result.text or "").strip():
        raise InputError("no main text found in the HTML page")
    doc = Document(id=doc_id, source=source, raw_text=result.text, url=url or result.url)
    doc.title = result.title
    doc.published = (result.date or None) and result.date[:10]
    doc.outlet = result.sitename or metadata.outlet_of(doc.url)
    if result.author:
        doc.authors = metadata.split_authors(result.author.replace(";", ","))
    metadata.complete(doc)
    return doc


def read(source: str, stem: str, data: bytes) -> Iterator[Document]:
    yield to_document(source, stem, decode(data))
