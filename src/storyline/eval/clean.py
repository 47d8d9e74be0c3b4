"""Cleaning on the labelled fixture documents in ``data/eval/clean`` (written for the project, shipped
with it).

Each ``NAME.txt`` is a plain-text news copy (first line the title) with ``NAME.labels.json``:
``{"removed": [{"text", "kind"}], "kept": [sentences]}``. Texts are compared case-folded, with bullets
and runs of white space collapsed; a labelled removal is *found* when a removal contains it or lies
inside it (so a teaser removed with its bullet, or a caption removed with its credit, still counts).

* ``removal_precision``: removals that match a labelled removal and swallow no labelled kept sentence;
* ``removal_recall``: labelled removals found; ``offtopic_*``: the same for the ``offtopic`` kind alone;
* ``kind_accuracy``: found removals whose kind is the labelled one;
* ``kept_rate``: labelled story sentences still in the cleaned text.

All counts are pooled over the documents, for the pipeline's default word vectors of the off-topic
check; the same figures with the other kind (the baseline), in the same run, are prefixed with its name
(``contextual_``; its ``cpu_ms_per_document`` leaves out the sentence embeddings, cached by the first pass).
The seed documents are checked by a test instead (``tests/clean/test_seeds.py``), so that no seed
text is stored in the repository."""

from __future__ import annotations

import copy
import json
import re
import time
from pathlib import Path

from storyline.clean import OfftopicSettings, clean_document
from storyline.clean.offtopic import WORD_VECTORS
from storyline.embeddings import embedder
from storyline.model import Document, Removal
from storyline.settings import DATA_DIR

NAME = "clean"

FIXTURES = DATA_DIR / "eval" / "clean"
QUICK_DOCUMENTS = 10


def normal(text: str) -> str:
    return " ".join(re.sub(r"[•·●▪■►▸]", " ", text).casefold().split())


def matches(removal: str, label: str) -> bool:
    return bool(removal) and bool(label) and (label in removal or removal in label)


def fixture_documents(folder: Path = FIXTURES) -> list[tuple[Document, dict]]:
    """Every labelled fixture as a document (id = file stem) and its labels."""
    if not folder.is_dir():
        raise FileNotFoundError(f"no labelled cleaning fixtures at {folder}")
    pairs = []
    for path in sorted(folder.glob("*.txt")):
        labels_path = path.with_name(f"{path.stem}.labels.json")
        if not labels_path.exists():
            continue
        doc = Document(id=path.stem, source=str(path), raw_text=path.read_text(encoding="utf-8"))
        pairs.append((doc, json.loads(labels_path.read_text(encoding="utf-8"))))
    if not pairs:
        raise FileNotFoundError(f"no labelled cleaning fixtures (NAME.txt + NAME.labels.json) in {folder}")
    return pairs


def score_document(removed: list[Removal], text: str, labels: dict) -> dict[str, int]:
    """Counts of one document: correct and total removals, found and total labels, kinds, kept."""
    labelled = [(normal(r["text"]), r["kind"]) for r in labels.get("removed", [])]
    kept = [normal(s) for s in labels.get("kept", [])]
    got = [(normal(r.text), r.kind) for r in removed]
    cleaned = normal(text)
    counts = dict.fromkeys(
        ("removals", "correct", "labels", "found", "kind_right", "kept", "kept_present",
         "offtopic_removals", "offtopic_correct", "offtopic_labels", "offtopic_found"), 0)
    for text_got, kind in got:
        right = any(matches(text_got, t) for t, _ in labelled) and not any(k in text_got for k in kept)
        counts["removals"] += 1
        counts["correct"] += right
        counts["offtopic_removals"] += kind == "offtopic"
        counts["offtopic_correct"] += kind == "offtopic" and right
    for text_label, kind in labelled:
        hits = [k for t, k in got if matches(t, text_label)]
        counts["labels"] += 1
        counts["found"] += bool(hits)
        counts["kind_right"] += kind in hits
        counts["offtopic_labels"] += kind == "offtopic"
        counts["offtopic_found"] += kind == "offtopic" and bool(hits)
    counts["kept"] = len(kept)
    counts["kept_present"] = sum(sentence in cleaned for sentence in kept)
    return counts


def _ratio(hit: int, total: int) -> float:
    return hit / total if total else 1.0


def run(datasets: Path, quick: bool) -> dict[str, float]:
    """``datasets`` is unused: the fixtures live in the repository."""
    pairs = fixture_documents()
    if quick:
        pairs = pairs[:QUICK_DOCUMENTS]
    model = embedder()
    default = OfftopicSettings().word_vectors
    out: dict[str, float] = {"documents": float(len(pairs))}
    for kind in sorted(WORD_VECTORS, key=lambda k: k != default):  # the default first
        settings = OfftopicSettings(kind)
        warm_up = Document(id="warm-up", source="", raw_text=pairs[0][0].raw_text)
        clean_document(warm_up, model, settings)  # load models
        figures = score_all([(copy.deepcopy(doc), labels) for doc, labels in pairs], model, settings)
        out.update({(k if kind == default else f"{kind}_{k}"): v for k, v in figures.items()})
    return out


def score_all(pairs: list[tuple[Document, dict]], model, settings: OfftopicSettings) -> dict[str, float]:
    """Pooled figures of the fixtures cleaned with ``settings``."""
    totals: dict[str, int] = {}
    started = time.process_time()
    for doc, labels in pairs:
        clean_document(doc, model, settings)
        for key, value in score_document(doc.removed, doc.text, labels).items():
            totals[key] = totals.get(key, 0) + value
    seconds = time.process_time() - started
    return {
        "removal_precision": _ratio(totals["correct"], totals["removals"]),
        "removal_recall": _ratio(totals["found"], totals["labels"]),
        "kind_accuracy": _ratio(totals["kind_right"], totals["found"]),
        "kept_rate": _ratio(totals["kept_present"], totals["kept"]),
        "offtopic_precision": _ratio(totals["offtopic_correct"], totals["offtopic_removals"]),
        "offtopic_recall": _ratio(totals["offtopic_found"], totals["offtopic_labels"]),
        "cpu_ms_per_document": 1000 * seconds / len(pairs),
    }
