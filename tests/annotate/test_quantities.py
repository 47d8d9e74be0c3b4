"""Quantities with unit, vagueness and qualifier, on invented sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.annotate.quantities import find_quantities
from storyline.eval import shared_folder
from storyline.model import Sentence

SEEDS = shared_folder("corpus", "seeds", start=Path(__file__))


def quantities(text: str) -> list[tuple[str, float | None, str | None, bool, str | None]]:
    return [
        (q.text, q.value, q.unit, q.vague, q.qualifier)
        for q in find_quantities([Sentence(0, 0, len(text), text)])
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            'A witness said "dozens" of volunteers had arrived.',
            ('dozens" of volunteers', None, "volunteers", True, None),
        ),
        (
            "The city hired a relatively small number of inspectors.",
            ("a relatively small number of inspectors", None, "inspectors", True, None),
        ),
        ("The warehouse held hundreds of bicycles.", ("hundreds of bicycles", None, "bicycles", True, None)),
        (
            "The pipeline runs more than 1,000 miles.",
            ("more than 1,000 miles", 1000.0, "miles", False, "more than"),
        ),
        (
            "About 7.7 million tourists came.",
            ("About 7.7 million tourists", 7.7e6, "tourists", False, "about"),
        ),
        ("Turnout fell 19% this spring.", ("19%", 19.0, "%", False, None)),
        ("Engineers tested two types of turbines.", ("two types", 2.0, "types", False, None)),
        ("The mine endured an eight-month strike.", ("eight-month", 8.0, "months", False, None)),
        ("A 22-year-old cyclist won.", ("22-year-old", 22.0, "years old", False, None)),
        ("The bridge cost $1.2 billion.", ("$1.2 billion", 1.2e9, "USD", False, None)),
        ("The fund lent 40 million euros.", ("40 million euros", 4e7, "EUR", False, None)),
    ],
)
def test_quantities(sentence, expected):
    assert quantities(sentence) == [expected]


def test_dates_times_ordinals_and_designations_are_not_quantities():
    text = "On May 3, 2021, at 9 a.m., the second Falcon-9 and an MQ-9 flew under Resolution 1441 in 2014."
    assert quantities(text) == []


def test_one_as_a_pronoun_is_not_a_quantity():
    assert quantities("One of them said one ferry sank.") == [("one ferry", 1.0, "ferry", False, None)]


def test_offsets_are_document_offsets():
    text = "Rescuers found 12 hikers."
    [found] = find_quantities([Sentence(2, 50, 50 + len(text), text)])
    assert (found.start, found.end, found.sentence) == (65, 74, 2)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed corpus not available")
def test_seed_quantities():
    text = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    lines = text.splitlines()
    found = find_quantities([Sentence(i, 0, len(line), line) for i, line in enumerate(lines)])
    texts = {q.text: q for q in found}
    assert texts["a “relatively small number” of personnel"].vague
    assert not any("136" in q.text for q in found)
