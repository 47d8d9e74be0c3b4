"""Limits of the HTTP server, each with the reason for its value."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ServeSettings:
    # A long news article is ~50 kB of HTML; 5 MB takes a JSON Lines batch of ~100 articles in one request
    # while refusing the accidental upload of a video or a database dump.
    max_body_bytes: int = 5 * 1024 * 1024
    page_size: int = 25  # stories per page of the list: one screen
    max_page_size: int = 200  # a script may ask for more, not for the whole corpus at once
    max_entities: int = 50  # entity search answers: enough to pick from, small enough to render
    max_query_chars: int = 200  # a search or claim longer than this is not a search
    max_claim_chars: int = 1000  # a claim to check is one sentence or two, not an article
    # Answers kept as JSON until the next write: a story or document of a 1,000-document store is a few kB,
    # so this bounds the cache to ~100 MB at worst; past it the cache starts again.
    max_cached_answers: int = 20_000
