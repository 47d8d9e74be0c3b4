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

import numpy as np

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


@dataclass(frozen=True)
class Words:
    """The attributes of a parse's words the features read, as plain lists taken once per parse: every word
    is read once for each cue of its sentence, and spaCy builds a new Token object on each access."""

    heads: list[int]
    deps: list[str]
    pos: list[str]
    ents: list[str]
    texts: list[str]
    punct: list[bool]
    space: list[bool]
    quoted: frozenset[int]

    @classmethod
    def of(cls, doc, quoted: frozenset[int]) -> Words:
        tokens = list(doc)
        return cls(
            [t.head.i for t in tokens],
            [t.dep_ for t in tokens],
            [t.pos_ for t in tokens],
            [t.ent_type_ for t in tokens],
            [t.text for t in tokens],
            [t.is_punct for t in tokens],
            [t.is_space for t in tokens],
            quoted,
        )


@dataclass(frozen=True)
class Cue:
    """What the features read of the cue itself, taken once per cue: its position, its ancestors (itself
    first), relation, part of speech, lemma and frame."""

    i: int
    above: list[int]
    dep: str
    pos: str
    lemma: str
    frame: str

    @classmethod
    def of(cls, token) -> Cue:
        return cls(
            token.i,
            [token.i, *(t.i for t in token.ancestors)],
            token.dep_,
            token.pos_,
            token.lemma_.lower(),
            frame(token),
        )


def path(words: Words, cue: Cue, i: int) -> list[str]:
    """Dependency steps from the cue to word ``i`` of its sentence: "^dep" up to the common ancestor (the
    cue's own relation at each step), then "vdep" down to the word."""
    height = {t: n for n, t in enumerate(cue.above)}
    down = []
    node = i
    while node not in height:
        down.append(f"v{words.deps[node]}")
        if words.heads[node] == node or len(down) > MAX_DEPTH:
            return ["x"]
        node = words.heads[node]
    return [f"^{words.deps[t]}" for t in cue.above[: height[node]]] + down[::-1]


def features(words: Words, cue: Cue, i: int) -> list[str]:
    """The sparse features of word ``i`` of a cue's sentence: its dependency path from the cue, side,
    quotation, part of speech, and the cue's frame and word with the first steps."""
    if i == cue.i:
        return ["bias", "self"]
    steps = path(words, cue, i)
    p1, p2, p3 = "/".join(steps[:1]), "/".join(steps[:2]), "/".join(steps[:MAX_STEPS])
    ups = sum(s.startswith("^") for s in steps)
    side = "before" if i < cue.i else "after"
    inside = f"{i in words.quoted}|{cue.i in words.quoted}"
    dep = words.deps[i]
    found = [
        "bias",
        f"p1={p1}",
        f"p2={p2}",
        f"p3={p3}",
        f"n={min(ups, 3)}|{min(len(steps) - ups, 4)}",
        f"s={side}",
        f"p1s={p1}|{side}",
        f"p2s={p2}|{side}",
        f"t={words.pos[i]}",
        f"td={dep}",
        f"tdp={dep}|{p1}",
        f"f={cue.frame}|{p1}",
        f"f2={cue.frame}|{p2}",
        f"cd={cue.dep}|{p2}",
        f"cp={cue.pos}|{p2}|{side}",
        f"l={cue.lemma}|{p1}",
        f"l2={cue.lemma}|{p2}",
        f"q={inside}",
        f"qp={inside}|{p1}",
        f"d={min(int(math.log2(abs(i - cue.i))), 5)}|{side}",
        f"e={words.ents[i] or '-'}|{p1}",
    ]
    if words.punct[i]:
        found.append(f"punct={words.texts[i]}|{side}")
    return found


@dataclass
class SpanModel:
    """A multinomial logistic regression over ``features``: one column of weights per label of ``LABELS``."""

    index: dict[str, int]
    weights: np.ndarray  # features x labels
    # common nouns that head annotated sources in train ("the poll", "critics", "the campaign"): said by one
    # of them, a verb with an object may be a statement; "the terminal allows ships to dock" is not
    speaker_nouns: frozenset[str] = frozenset()

    def probabilities(self, words: Words, cue, sentence: tuple[int, int]) -> tuple[list[int], np.ndarray]:
        """The positions of the words of the cue's sentence (start, end) near the cue, and their
        probabilities of each label (one row per word, columns as ``LABELS``); nothing without a model."""
        if not self.index:
            return [], np.zeros((0, len(LABELS)))
        start, end = max(sentence[0], cue.i - WINDOW), min(sentence[1], cue.i + WINDOW + 1)
        read = Cue.of(cue)
        positions = [i for i in range(start, end) if not words.space[i]]
        rows, columns = [], []
        for row, i in enumerate(positions):
            found = [self.index[f] for f in features(words, read, i) if f in self.index]
            rows += [row] * len(found)
            columns += found
        scores = np.zeros((len(positions), len(LABELS)))
        np.add.at(scores, rows, self.weights[columns])
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        return positions, scores / scores.sum(axis=1, keepdims=True)


@functools.cache
def span_model(path: Path = MODEL_PATH) -> SpanModel:
    """The committed model; an empty one when it is missing (the rules alone then)."""
    if not path.exists():
        return SpanModel({}, np.zeros((0, len(LABELS))))
    stored = json.loads(path.read_text(encoding="utf-8"))
    data = stored["weights"]
    names = sorted({f for label in LABELS for f in data[label]})
    weights = np.array([[float(data[label].get(f, 0.0)) for label in LABELS] for f in names]).reshape(
        len(names), len(LABELS)
    )
    return SpanModel(
        {f: n for n, f in enumerate(names)}, weights, frozenset(stored.get("speaker_nouns", ()))
    )
