"""Story clustering: BCubed precision, recall and F1 on the giveme5w1h news-cluster set (69 events).

Documents go through the pipeline's own ingest, clean and feature computation, then reach copy
detection and the online story clusterer one at a time in the pipeline's order (publication date);
a document the pipeline cannot analyse (no story text left) counts as a story of its own. The
clusterer's pair model was fitted on the odd-numbered events (``python -m storyline.eval.story_pairs``)
and its cut is fixed in ``storyline.stories``, so the even-numbered events are held out and reported
apart. Beside it, a plain
TF-IDF + average-linkage (cosine) agglomerative baseline, offline (it sees all documents at once), at
the fixed ``BASELINE_DISTANCE`` (best on the odd events) and at its best distance on the evaluated set.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Hashable
from pathlib import Path

import numpy as np

from storyline.copies import CopyDetector
from storyline.ingest import read_inputs
from storyline.model import Document, Features
from storyline.pipeline import _original_first, analyse
from storyline.stories import StoryClusterer

NAME = "stories"
DESCRIPTION = "online story clustering: BCubed F1 on giveme5w1h news clusters, beside a TF-IDF baseline"
FOLDER = "giveme5w1h-news-cluster"
BASELINE_DISTANCE = 0.88  # cosine distance cut of the baseline, best on the odd-numbered events
BASELINE_SWEEP = np.round(np.arange(0.30, 0.99, 0.02), 2)
QUICK_EVENT_MODULUS = 3  # a quick run evaluates the events whose id is a multiple of this


def bcubed(predicted: dict[str, Hashable], gold: dict[str, Hashable]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 of a clustering (Amigó et al. 2009), averaged over items."""
    members_predicted: dict[Hashable, set[str]] = defaultdict(set)
    members_gold: dict[Hashable, set[str]] = defaultdict(set)
    for item in gold:
        members_predicted[predicted[item]].add(item)
        members_gold[gold[item]].add(item)
    precision = recall = 0.0
    for item in gold:
        shared = len(members_predicted[predicted[item]] & members_gold[gold[item]])
        precision += shared / len(members_predicted[predicted[item]])
        recall += shared / len(members_gold[gold[item]])
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def event_of(doc: Document) -> int:
    return int(json.loads(Path(doc.source).read_text(encoding="utf-8"))["newsCluster"]["EventId"])


def online_stories(items: list[tuple[Document, Features]]) -> dict[str, str]:
    """The story of every document, fed one at a time in the pipeline's order, from an empty state."""
    detector = CopyDetector([], {})
    clusterer = StoryClusterer({})
    story_of: dict[str, str] = {}
    for doc, features in sorted(items, key=lambda item: _original_first(item[0])):
        doc.copy_of = doc.copy_kind = doc.story = None
        detector.assign(doc, features)
        story_of[doc.id] = clusterer.assign(doc, features, story_of)
    return story_of


def baseline_stories(docs: list[Document], distances: np.ndarray) -> dict[float, dict[str, int]]:
    """TF-IDF of title and text, average-linkage agglomerative clustering cut at each cosine distance."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [f"{d.title or ''}\n{d.text}" for d in docs]).toarray()
    found = {}
    for distance in distances:
        labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                         distance_threshold=float(distance)).fit_predict(matrix)
        found[float(distance)] = {d.id: int(label) for d, label in zip(docs, labels, strict=True)}
    return found


def evaluate(items: list[tuple[Document, Features]], lost: list[Document],
             gold: dict[str, int]) -> dict[str, float]:
    story_of = online_stories(items) | {doc.id: f"unanalysed {doc.id}" for doc in lost}
    precision, recall, f1 = bcubed(story_of, gold)
    docs = [doc for doc, _ in items] + lost
    sweep = {t: bcubed(labels, gold)[2] for t, labels in baseline_stories(docs, BASELINE_SWEEP).items()}
    fixed = baseline_stories(docs, np.array([BASELINE_DISTANCE]))[BASELINE_DISTANCE]
    best_distance = max(sweep, key=lambda t: (sweep[t], -t))
    return {"bcubed_precision": precision, "bcubed_recall": recall, "bcubed_f1": f1,
            "stories": len(set(story_of.values())), "events": len(set(gold.values())),
            "baseline_f1": bcubed(fixed, gold)[2], "baseline_best_f1": sweep[best_distance],
            "baseline_best_distance": best_distance}


def run(datasets: Path, quick: bool) -> dict[str, float]:
    docs = [r for r in read_inputs([str(datasets / FOLDER)]) if isinstance(r, Document)]
    gold = {doc.id: event_of(doc) for doc in docs}
    if quick:
        docs = [doc for doc in docs if gold[doc.id] % QUICK_EVENT_MODULUS == 0]
    analysed, _ = analyse(docs)
    items = [(doc, features) for doc, _, features in analysed]
    analysed_ids = {doc.id for doc, _ in items}
    lost = [doc for doc in docs if doc.id not in analysed_ids]
    halves = {"": lambda event: True, "odd_": lambda event: event % 2 == 1,
              "even_": lambda event: event % 2 == 0}
    figures: dict[str, float] = {}
    for prefix, wanted in halves.items():
        subset = [item for item in items if wanted(gold[item[0].id])]
        missing = [doc for doc in lost if wanted(gold[doc.id])]
        subset_gold = {doc.id: gold[doc.id] for doc in [d for d, _ in subset] + missing}
        for key, value in evaluate(subset, missing, subset_gold).items():
            figures[prefix + key] = value
        figures[prefix + "documents"] = len(subset_gold)
    lines = [f"{'events':<14}{'docs':>6}{'stories':>9}{'events':>8}{'P':>8}{'R':>8}{'F1':>8}"
             f"{'base@' + str(BASELINE_DISTANCE):>10}{'base best':>11}"]
    for prefix in halves:
        f = {k[len(prefix):]: v for k, v in figures.items() if k.startswith(prefix) and
             (prefix or not k.startswith(("odd_", "even_")))}
        lines.append(f"{(prefix.rstrip('_') or 'all') + (' (chosen)' if prefix == 'odd_' else ''):<14}"
                     f"{f['documents']:>6.0f}{f['stories']:>9.0f}{f['events']:>8.0f}{f['bcubed_precision']:>8.3f}"
                     f"{f['bcubed_recall']:>8.3f}{f['bcubed_f1']:>8.3f}{f['baseline_f1']:>10.3f}"
                     f"{f['baseline_best_f1']:>7.3f}@{f['baseline_best_distance']:.2f}")
    print("\n".join(lines))
    return figures
