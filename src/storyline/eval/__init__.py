"""Evaluations over ``../shared/datasets``: one module per stage, each printing its figures.

Every evaluation module defines ``NAME``, ``DESCRIPTION`` and ``run(datasets: Path, quick: bool)
-> dict[str, float]``. The gate compares those figures with the floors pinned in ``floors.json``
and fails when one drops below its floor."""

from __future__ import annotations

import importlib
import json
import os
from pathlib import Path

FLOORS_PATH = Path(__file__).parent / "floors.json"
MODULES = ("extraction", "clean", "cleaning", "tempeval", "stories", "copies", "groups", "stance", "claims")


def default_datasets() -> Path:
    """``$STORYLINE_DATASETS``, else ``../shared/datasets`` from the working directory (``--datasets``
    overrides both)."""
    if os.environ.get("STORYLINE_DATASETS"):
        return Path(os.environ["STORYLINE_DATASETS"])
    return Path.cwd().parent / "shared" / "datasets"


def available() -> dict[str, object]:
    """Evaluation modules by name (a module not written yet is simply absent)."""
    found = {}
    for name in MODULES:
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
