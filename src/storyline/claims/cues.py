"""The cue model: how often a verb lemma in a given frame is an attribution cue in PolNeAR's train split.

Rules know the speech verbs; the model knows the rest of what annotators count as attribution ("criticized
the plan", "urged Congress to act", "cited a poll") and how often each verb in each frame is one. It is a
table of counts, ``data/claims/cue_model.json``, written by ``python -m storyline.claims.train_cues``."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from storyline import settings

MODEL_PATH = settings.DATA_DIR / "claims" / "cue_model.json"
OBJECT_DEPS = {"dobj", "xcomp", "prep", "attr", "acomp", "dative", "oprd"}


def frame(verb) -> str:
    """What a verb governs: "clause" (a that-clause or reported clause), "object", or "none"; "noun" for a
    noun ("his call for", "the denial of")."""
    if verb.pos_ == "NOUN":
        return "noun"
    deps = {c.dep_ for c in verb.children}
    if "ccomp" in deps:
        return "clause"
    if deps & OBJECT_DEPS:
        return "object"
    return "none"


@dataclass
class CueModel:
    """Counts (cue, occurrences) per "lemma|frame"; a probability smoothed towards zero for rare verbs."""

    counts: dict[str, tuple[int, int]]
    prior_weight: float = 2.0  # two imaginary non-cue occurrences: a verb seen once as a cue is not trusted

    def probability(self, lemma: str, verb_frame: str, min_cues: int = 0) -> float | None:
        """P(cue | lemma, frame), None for a verb seen as a cue fewer than ``min_cues`` times in train."""
        found = self.counts.get(f"{lemma}|{verb_frame}")
        if found is None or found[0] < min_cues:
            return None
        cues, total = found
        return cues / (total + self.prior_weight)


@functools.cache
def cue_model(path: Path = MODEL_PATH) -> CueModel:
    """The committed model; an empty one when it is missing (the rules alone then)."""
    if not path.exists():
        return CueModel({})
    data = json.loads(path.read_text(encoding="utf-8"))
    return CueModel({k: (int(v[0]), int(v[1])) for k, v in data["counts"].items()})
