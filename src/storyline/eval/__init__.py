"""Evaluations over ``../shared/datasets``: one module per stage, each printing its figures.

Every evaluation module defines ``NAME`` and ``run(datasets: Path, quick: bool) -> dict[str, float]``
and is listed, with what it prints, in ``EVALUATIONS``. The gate compares those figures with the floors
pinned in ``floors.json`` and fails when one drops below its floor."""

from __future__ import annotations

import importlib
import json
import os
import re
from pathlib import Path

FLOORS_PATH = Path(__file__).parent / "floors.json"
# A scoring token: a run of word characters, as the benchmarks' own scorers split text (the scrapinghub
# ``evaluate.py``, FNC-1's baseline, html-metadata-dev's ``score.py``), so every evaluation counts words alike
# and none depends on how our stages tokenize.
SCORING_TOKEN = re.compile(r"\w+")
# Every evaluation and what it prints, listed here so that the command line can offer them without
# importing them (each module loads models and libraries of its own).
EVALUATIONS = {
    "extraction": "HTML main text: token precision/recall/F1 of our HTML reader vs trafilatura (181 pages).",
    "clean": "Boilerplate and off-topic removal: precision/recall on the labelled fixture documents.",
    "cleaning": "Cleaning on the development corpora: articles lost or emptied, words and titles removed",
    "tempeval": "TimeBank/AQUAINT DATE values: resolution accuracy, detection P/R and TempEval-3 value F1",
    "stories": "online story clustering: BCubed F1 on three development corpora, beside a TF-IDF baseline",
    "copies": "copy detection P/R per kind on synthetic copies of FNC-1 bodies; false positives, giveme5w1h",
    "groups": "Emergent headlines: claim grouping BCubed F1 and for/against/observing, beside baselines",
    "stance": "FNC-1 stance, claim-disjoint split of fnc1-dev: ours vs the official baseline features + GBM",
    "claims": "PolNeAR dev: claim content recall, source-correct recall, precision beside a speech-verb rule",
    "timeline": "TempEval-3 TLINKs: event dates from their own clause vs the publication date for all events",
    "metadata": "HTML title, publication day, authors on two dev sets: ours vs trafilatura and htmldate",
}


def shared_folder(*parts: str, start: Path | None = None) -> Path:
    """``shared/PARTS`` in the nearest folder above ``start`` (the working directory by default) that
    has it, so that a checkout beside ``shared`` and a git worktree one level deeper both find it;
    ``../shared/PARTS`` when none has (absent on a fresh clone: callers check it exists)."""
    here = (start or Path.cwd()).resolve()
    for folder in here.parents if here.is_file() else (here, *here.parents):
        if (folder / "shared" / Path(*parts)).is_dir():
            return folder / "shared" / Path(*parts)
    return Path.cwd().parent / "shared" / Path(*parts)


def default_datasets() -> Path:
    """``$STORYLINE_DATASETS``, else the nearest ``shared/datasets`` above the working directory
    (``--datasets`` overrides both)."""
    if os.environ.get("STORYLINE_DATASETS"):
        return Path(os.environ["STORYLINE_DATASETS"])
    return shared_folder("datasets")


def available() -> dict[str, object]:
    """Evaluation modules by name (a module not written yet is simply absent)."""
    found = {}
    for name in EVALUATIONS:
        try:
            module = importlib.import_module(f"storyline.eval.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"storyline.eval.{name}":
                continue
            raise
        found[module.NAME] = module
    return found


def floors() -> dict[str, dict[str, float]]:
    return json.loads(FLOORS_PATH.read_text()) if FLOORS_PATH.exists() else {}


def check(name: str, figures: dict[str, float]) -> list[str]:
    """Failures of one evaluation's figures against its pinned floors."""
    failures = []
    for key, floor in floors().get(name, {}).items():
        value = figures.get(key)
        if value is None:
            failures.append(f"{name}.{key}: missing (floor {floor})")
        elif value < floor:
            failures.append(f"{name}.{key}: {value:.4f} < floor {floor}")
    return failures
