"""Shared fixtures: the real spaCy pipeline and embedding model, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    from storyline.annotate.nlp import spacy_pipeline

    return spacy_pipeline()


@pytest.fixture(scope="session")
def embedder():
    from storyline.embeddings import embedder as load

    return load()


@pytest.fixture
def write(tmp_path):
    """Write a file under tmp_path (text or bytes) and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write
