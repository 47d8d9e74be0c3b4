"""The three seed documents, when present beside the repository: every boilerplate line, teaser,
caption and glued-in sentence is removed, and nothing else.

No seed text is stored here: the expected removals are pinned by their kinds and a digest of the
sorted ``kind<TAB>text`` lines (a failure prints the removals to compare by eye)."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest

from storyline.clean import clean_document
from storyline.clean.sentences import split_pieces
from storyline.eval import shared_folder
from storyline.ingest import read_inputs

SEEDS = shared_folder("corpus", "seeds", start=Path(__file__))

EXPECTED = {
    "000_6b0fa71b5a767233.txt": ({"prompt": 1, "navigation": 1, "offtopic": 1}, "07dc70d32029642d"),
    "002_522a1ffb40483018.txt": (
        {"caption": 1, "counter": 1, "byline": 1, "readtime": 1, "related": 1, "teaser": 40},
        "4dc0d955ed856990",
    ),
    "003_003b86de54895832.txt": ({"title_duplicate": 1, "caption": 1, "offtopic": 1}, "95f1007e69d4fe63"),
}

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="seed documents not present")


def digest(removed) -> str:
    lines = sorted(f"{r.kind}\t{' '.join(r.text.split())}" for r in removed)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_is_cleaned_exactly(name, embedder):
    doc = next(read_inputs([str(SEEDS / name)]))
    clean_document(doc, embedder)
    kinds, expected_digest = EXPECTED[name]
    shown = "\n".join(f"{r.kind}: {r.text}" for r in doc.removed)
    assert dict(Counter(r.kind for r in doc.removed)) == kinds, shown
    assert digest(doc.removed) == expected_digest, shown


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_nothing_is_lost_silently(name, embedder):
    doc = next(read_inputs([str(SEEDS / name)]))
    clean_document(doc, embedder)
    text = " ".join(doc.text.split())
    removed = [" ".join(r.text.split()) for r in doc.removed]
    for line in doc.raw_text.splitlines():
        for piece in split_pieces(" ".join(line.split())):
            assert piece.text in text or any(piece.text in r or r in piece.text for r in removed), piece.text
