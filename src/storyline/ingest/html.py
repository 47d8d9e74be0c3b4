"""HTML pages: main text and metadata through trafilatura.

Settings chosen on data (``storyline eval extraction``, article-extraction benchmark): trafilatura with
``favor_precision`` keeps fewer navigation and teaser lines than its defaults; when that leaves a short
text that is less than half of what the default settings find, precision cut into the article, and
the default (recall-leaning) extraction is used instead."""

from __future__ import annotations

import re
from collections.abc import Iterator

import trafilatura

from storyline import settings
from storyline.ingest import metadata, signals
from storyline.ingest.bounds import bound_length
from storyline.ingest.decode import decode, repair
from storyline.ingest.errors import InputError
from storyline.ingest.inputs import InputFile
from storyline.model import Document, ReadError

# trafilatura takes 2.5-10 s per MB of dense markup, and the benchmark's pages are at most 230 KB once
# scripts and styles are gone. Larger pages lose those blocks first; what remains is cut at this many
# characters (the article is at the top). Measured: a 50 MB page reads in 11 s with 230 MB resident.
MAX_HTML_CHARS = 1_000_000
# trafilatura's fallbacks (readability, jusText) grow with the square of the page's blocks: 4,000 blocks
# take 5.6 s with them and 0.4 s without, 16,000 blocks several minutes. The benchmark's pages have at
# most 870; a page with more is read without the fallbacks.
MAX_FALLBACK_BLOCKS = 2000
BLOCK_TAG = re.compile(r"<(?:p|div|li|td|tr|br|h[1-6]|section|article|blockquote|pre|dd|dt)\b", re.IGNORECASE)
SHORT_TEXT_CHARS = 1000  # a precise extraction shorter than this is checked against the default one
NON_TEXT_BLOCKS = re.compile(
    r"<(script|style|svg|noscript|template)\b(?![^>]*ld\+json)[^>]*>.*?</\1\s*>|<!--.*?-->",
    re.IGNORECASE | re.DOTALL,
)


def shrink(html_text: str) -> str:
    """The page cut down to ``MAX_HTML_CHARS``: non-text blocks dropped, then the tail cut at a tag."""
    if len(html_text) <= MAX_HTML_CHARS:
        return html_text
    html_text = NON_TEXT_BLOCKS.sub("", html_text)
    if len(html_text) <= MAX_HTML_CHARS:
        return html_text
    cut = html_text.rfind("<", 0, MAX_HTML_CHARS)
    return html_text[: cut if cut > 0 else MAX_HTML_CHARS]


def extract(html_text: str, url: str | None = None):
    """trafilatura's document (text and metadata) for a page, or None."""
    html_text = shrink(html_text)
    fast = len(BLOCK_TAG.findall(html_text)) > MAX_FALLBACK_BLOCKS
    precise = trafilatura.bare_extraction(html_text, url=url, with_metadata=True, favor_precision=True,
                                          fast=fast)
    precise_text = (precise.text or "") if precise else ""
    if len(precise_text) >= SHORT_TEXT_CHARS:
        return precise
    default = trafilatura.bare_extraction(html_text, url=url, with_metadata=True, fast=fast)
    if default and len(precise_text) < 0.5 * len(default.text or ""):
        return default
    return precise


def to_document(source: str, doc_id: str, html_text: str, url: str | None = None) -> Document:
    html_text = shrink(html_text)  # once, for trafilatura and for the page's signals
    result = extract(html_text, url)
    if result is None or len((result.text or "").strip()) < settings.MIN_TEXT_CHARS:
        raise InputError("no main text found in the HTML page")
    page = signals.parse(html_text, url)
    doc = Document(id=doc_id, source=source, raw_text=repair(result.text),
                   url=url or (page.url if page else None) or result.url)
    found = signals.title(page) if page else None
    if found or result.title:
        doc.title = repair(found.value if found else result.title)
        doc.provenance["title"] = found.provenance if found else "trafilatura"
    found = signals.outlet(page) if page else None
    # trafilatura takes a page's title for its site name on some pages
    sitename = result.sitename if result.sitename and result.sitename != doc.title else None
    if found or sitename or doc.url:
        doc.outlet = found.value if found else sitename or metadata.outlet_of(doc.url)
        doc.provenance["outlet"] = found.provenance if found else "trafilatura" if sitename else "url"
    found = signals.published(page, {"htmldate": result.date}) if page else None
    if found or metadata.iso_date(result.date):
        doc.published = found.value if found else metadata.iso_date(result.date)
        doc.provenance["published"] = found.provenance if found else "htmldate"
    not_people = set().union(*(metadata.site_keys(s) for s in [doc.outlet or "", *signals.site_names(page)]
                               if s)) if page else set()
    found = signals.authors(
        page, lambda names, declared: metadata.person_names(names, not_people, declared)
    ) if page else None
    if found:
        doc.authors, doc.provenance["authors"] = list(found.value), found.provenance
    elif result.author:
        doc.authors = metadata.person_names(result.author.split(";"), not_people)
        doc.provenance["authors"] = "trafilatura"
    bound_length(doc)
    metadata.complete(doc)
    return doc


def read(found: InputFile) -> Iterator[Document | ReadError]:
    notes: list[str] = []
    page = decode(found.data(), repaired=False, lenient=True, notes=notes)
    doc = to_document(found.source, found.stem, page)
    doc.warnings += notes
    yield doc
