"""Fits the story pair model (``storyline.stories.PAIR_WEIGHTS`` and ``PAIR_BIAS``) on the odd-numbered
events of the giveme5w1h news cluster set and prints the numbers to put there:

    python -m storyline.eval.story_pairs

Pairs are made as the online clusterer sees them: documents arrive in the pipeline's order, each is
compared with the members of every story built so far (with the document frequencies of that moment),
and then joins its true event's story. Copies are left out: they join their original's story without
the pair model.
"""

from __future__ import annotations

import numpy as np

from storyline.copies import CopyDetector
from storyline.eval import default_datasets
from storyline.eval.stories import FOLDER, event_of
from storyline.ingest import read_inputs
from storyline.model import Document, Features
from storyline.pipeline import _original_first, analyse
from storyline.stories import PAIR_FEATURES, StoryClusterer


def pairs(items: list[tuple[Document, Features]], gold: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Similarities and same-story labels of every (new document, earlier story member) pair."""
    detector = CopyDetector([], {})
    clusterer = StoryClusterer({})
    rows, labels = [], []
    for doc, features in sorted(items, key=lambda item: _original_first(item[0])):
        doc.copy_of = doc.copy_kind = doc.story = None
        detector.assign(doc, features)
        item = clusterer.item(doc, features)
        if not doc.copy_of:
            for sid in clusterer.ids:
                members = clusterer.member_items(sid)
                rows.append(clusterer.similarities([item], members)[0])
                labels.extend([sid == f"e{gold[doc.id]}"] * len(members))
        clusterer.add(f"e{gold[doc.id]}", item)
    return np.vstack(rows), np.array(labels)


def fit(items: list[tuple[Document, Features]], gold: dict[str, int]) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    odd = [(doc, features) for doc, features in items if gold[doc.id] % 2 == 1]
    x, y = pairs(odd, gold)
    model = LogisticRegression(max_iter=5000).fit(x, y)
    return model.coef_[0], float(model.intercept_[0])


def main() -> None:
    docs = [r for r in read_inputs([str(default_datasets() / FOLDER)]) if isinstance(r, Document)]
    gold = {doc.id: event_of(doc) for doc in docs}
    analysed, _ = analyse(docs)
    weights, bias = fit([(doc, features) for doc, _, features in analysed], gold)
    width = max(map(len, PAIR_FEATURES)) + 2
    for name, weight in zip(PAIR_FEATURES, weights, strict=True):
        print(f"{name:<{width}}{weight:8.2f}")
    print(f"{'bias':<{width}}{bias:8.2f}")


if __name__ == "__main__":
    main()
