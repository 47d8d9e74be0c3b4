"""The span model: which words of a cue's sentence are what is said (content) and who says it (source),
learnt on PolNeAR's train split.

The rules of ``extract.py`` know a few shapes ("X said that ...", "..., X said", "according to X"); annotators
also attribute "urged Congress to act", "criticism of the plan", "was first reported by MSNBC", passives and
cues without a subject. For each word of the sentence the model reads where it sits relative to the cue (the
dependency path up from the cue and down to the word, which side of the cue, inside a quotation or not, its
part of speech) and gives the probabilities of none / content / source. It is a multinomial logistic
regression over sparse string features, ``data/claims/span_model.json``, written by
``python -m storyline.claims.train_spans``."""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from storyline import settings
from storyline.claims.cues import frame

MODEL_PATH = settings.DATA_DIR / "claims" / "span_model.json"
LABELS = ("none", "content", "source")
MAX_STEPS = 3  # path features keep the first steps from the cue: deeper words follow their branch
# Words further from the cue than this are not read: a transcript "sentence" can run to a thousand words,
# and every word is read once for each cue of its sentence.
WINDOW = 60
# A word more than this many steps below the common ancestor is just "far": a flat transcript parse can nest
# hundreds deep, and its first steps from the cue are what the features keep anyway.
MAX_DEPTH = 12


def path(cue, token, above: list | None = None) -> list[str]:
    """Dependency steps from the cue to a word of its sentence: "^dep" up to the common ancestor (the
    cue's own relation at each step), then "vdep" down to the word. ``above``: the cue and its ancestors,
    when the caller reads many words for one cue."""
    above = above if above is not None else [cue, *cue.ancestors]
    height = {t.i: n for n, t in enumerate(above)}
    down = []
    node = token
    while node.i not in height:
        down.append(f"v{node.dep_}")
        if node.head.i == node.i or len(down) > MAX_DEPTH:
            return ["x"]
        node = node.head
    return [f"^{t.dep_}" for t in above[: height[node.i]]] + down[::-1]


def features(cue, token, quoted: frozenset[int], above: list | None = None) -> list[str]:
    """The sparse features of one word of a cue's sentence: its dependency path from the cue, side,
    quotation, part of speech, and the cue's frame and word with the first steps."""
    steps = path(cue, token, above)
    if token.i == cue.i:
        return ["bias", "self"]
    p1, p2, p3 = "/".join(steps[:1]), "/".join(steps[:2]), "/".join(steps[:MAX_STEPS])
    ups = sum(s.startswith("^") for s in steps)
    side = "before" if token.i < cue.i else "after"
    inside = f"{token.i in quoted}|{cue.i in quoted}"
    lemma = cue.lemma_.lower()
    cue_frame = frame(cue)
    distance = min(int(math.log2(abs(token.i - cue.i))), 5)
    found = [
        "bias",
        f"p1={p1}",
        f"p2={p2}",
        f"p3={p3}",
        f"n={min(ups, 3)}|{min(len(steps) - ups, 4)}",
        f"s={side}",
        f"p1s={p1}|{side}",
        f"p2s={p2}|{side}",
        f"t={token.pos_}",
        f"td={token.dep_}",
        f"tdp={token.dep_}|{p1}",
        f"f={cue_frame}|{p1}",
        f"f2={cue_frame}|{p2}",
        f"cd={cue.dep_}|{p2}",
        f"cp={cue.pos_}|{p2}|{side}",
        f"l={lemma}|{p1}",
        f"l2={lemma}|{p2}",
        f"q={inside}",
        f"qp={inside}|{p1}",
        f"d={distance}|{side}",
        f"e={token.ent_type_ or '-'}|{p1}",
    ]
    if token.is_punct:
        found.append(f"punct={token.text}|{side}")
    return found


@dataclass
class SpanModel:
    """Per-label weights of a multinomial logistic regression over ``features``."""

    weights: dict[str, dict[str, float]]

    def probabilities(self, cue, quoted: frozenset[int]) -> list[tuple[object, dict[str, float]]]:
        """(token, P(none), P(content), P(source)) of the words of the cue's sentence near the cue; empty
        without a model."""
        if not self.weights:
            return []
        sent = cue.sent
        start, end = max(sent.start, cue.i - WINDOW), min(sent.end, cue.i + WINDOW + 1)
        above = [cue, *cue.ancestors]
        found = []
        for token in cue.doc[start:end]:
            if token.is_space:
                continue
            names = features(cue, token, quoted, above)
            scores = {label: sum(w.get(f, 0.0) for f in names) for label, w in self.weights.items()}
            top = max(scores.values())
            exps = {label: math.exp(s - top) for label, s in scores.items()}
            total = sum(exps.values())
            found.append((token, {label: e / total for label, e in exps.items()}))
        return found


@functools.cache
def span_model(path: Path = MODEL_PATH) -> SpanModel:
    """The committed model; an empty one when it is missing (the rules alone then)."""
    if not path.exists():
        return SpanModel({})
    data = json.loads(path.read_text(encoding="utf-8"))
    return SpanModel({label: {k: float(v) for k, v in data["weights"][label].items()} for label in LABELS})
