"""Fits the story pair model (``storyline/data/story_pair_model.json``) on development corpora:

    python -m storyline.eval.story_pairs                  # on all three development corpora
    python -m storyline.eval.story_pairs --fit-on lookalike fnc1

Pairs are made as the online clusterer sees them: documents arrive in the pipeline's order, each is
compared with the members of every story built so far (with the document frequencies and the centring
mean of that moment), and then joins its true story. Copies are left out: they join their original's
story without the pair model.
"""

from __future__ import annotations

import argparse
from collections.abc import Hashable
from pathlib import Path

import numpy as np

from storyline.copies import CopyDetector
from storyline.eval import default_datasets
from storyline.eval.story_corpora import CORPORA
from storyline.model import Document, Features
from storyline.pipeline import _original_first, analyse
from storyline.stories import (
    PAIR_FEATURES,
    PAIR_MODEL_PATH,
    Item,
    Member,
    PairModel,
    StoryClusterer,
    StorySettings,
)

REGULARISATION = 1.0  # scikit-learn's default C; the ten features need no tuning of it
CLASS_WEIGHT = None
# Newton steps reach the optimum in about ten iterations; lbfgs at its default tolerance stopped after
# 19 on the three corpora's 3.1 million pairs, far from it (mean log loss 0.00387 against 0.00324), so
# its weights and bias, and the cut that suits them, moved with small changes to the pairs.
SOLVER = "newton-cholesky"


def without_metadata(item: Item) -> tuple[Item, Item]:
    """The document once without its date and once without its title: every corpus then teaches the
    model what a missing date or title says, not only corpora that lack them (a body without a headline,
    a page whose date was not found)."""
    undated = Member(item.member.doc, None, item.member.words, item.member.terms, item.member.titled)
    untitled = Member(item.member.doc, item.member.published, item.member.words,
                      {**item.member.terms, "titles": {}}, False)
    return (Item(undated, item.vector, item.title),
            Item(untitled, item.vector, np.zeros_like(item.title)))


def pairs(items: list[tuple[Document, Features]], gold: dict[str, Hashable],
          settings: StorySettings | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Similarities and same-story labels of every (new document, earlier story member) pair."""
    detector = CopyDetector([], {})
    clusterer = StoryClusterer({}, settings, PairModel(np.zeros(len(PAIR_FEATURES)), 0.0, "unfitted"))
    story = {label: f"s{i}" for i, label in enumerate(dict.fromkeys(gold.values()))}
    rows, labels = [], []
    for doc, features in sorted(items, key=lambda item: _original_first(item[0])):
        doc.copy_of = doc.copy_kind = doc.story = None
        detector.assign(doc, features)
        item = clusterer.item(doc, features)
        if not doc.copy_of and clusterer.ids:
            members = [(sid, m) for sid in clusterer.ids for m in clusterer.member_items(sid)]
            for seen in (item, *without_metadata(item)):
                rows.append(clusterer.similarities([seen], [m for _, m in members])[0])
                labels.extend(sid == story[gold[doc.id]] for sid, _ in members)
        clusterer.add(story[gold[doc.id]], item)
    if not rows:
        return np.zeros((0, len(PAIR_FEATURES))), np.zeros(0, dtype=bool)
    return np.vstack(rows), np.array(labels)


def fit(items: list[tuple[Document, Features]], gold: dict[str, Hashable], fitted_on: str,
        settings: StorySettings | None = None) -> PairModel:
    """The logistic regression over the pairs of one corpus (or of several, given together)."""
    return fit_pairs(*pairs(items, gold, settings), fitted_on)


def fit_pairs(x: np.ndarray, y: np.ndarray, fitted_on: str) -> PairModel:
    """The logistic regression over pair similarities ``x`` and same-story labels ``y``."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=REGULARISATION, class_weight=CLASS_WEIGHT, solver=SOLVER,
                               max_iter=5000).fit(x, y)
    return PairModel(model.coef_[0], float(model.intercept_[0]), fitted_on)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fit-on", nargs="+", choices=sorted(CORPORA), default=sorted(CORPORA))
    parser.add_argument("--out", type=Path, default=PAIR_MODEL_PATH)
    args = parser.parse_args()
    items, gold = [], {}
    for name in args.fit_on:
        docs, labels = CORPORA[name](default_datasets())
        items += [(doc, features) for doc, _, features in analyse(docs)[0]]
        gold |= {doc_id: (name, label) for doc_id, label in labels.items()}
    model = fit(items, gold, "+".join(args.fit_on))
    width = max(map(len, PAIR_FEATURES)) + 2
    for name, weight in zip(PAIR_FEATURES, model.weights, strict=True):
        print(f"{name:<{width}}{weight:8.2f}")
    print(f"{'bias':<{width}}{model.bias:8.2f}")
    model.save(args.out)
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
