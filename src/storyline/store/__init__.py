"""Persistence of documents, annotations, claims, groups and stories (DuckDB by default)."""

from storyline.store.duck import Store

__all__ = ["Store"]
