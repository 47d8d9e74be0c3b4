"""Story clustering: BCubed precision, recall and F1 on three development corpora, each beside a plain
baseline computed in the same run on the same documents.

Documents go through the pipeline's own ingest, clean and feature computation, then reach copy
detection and the online story clusterer one at a time in the pipeline's order (publication date). A
document the pipeline cannot analyse counts as a story of its own.

For every corpus these figures of ours are printed: the shipped pair model (``data/story_pair_model.json``,
fitted on the corpus it names: on that corpus the figure is a development figure, on the others a held-out
one); the pair model fitted on the *other* corpora in this run (leave one corpus out: held out by
construction), once at the shipped join cut and once at the cut it chose itself, by its mean F1 over its
two training corpora only (``JOIN_GRID``): the fair protocol, where nothing of the held-out corpus chose
anything; and beside them TF-IDF + average-linkage (cosine) agglomerative clustering, offline (it sees all
documents at once), at a fixed cut and at its best cut on that corpus (an oracle choice).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Hashable, Sequence
from pathlib import Path

import numpy as np

from storyline.copies import CopyDetector
from storyline.eval.story_corpora import CORPORA
from storyline.eval.story_pairs import fit
from storyline.model import Document, Features
from storyline.pipeline import _original_first, analyse
from storyline.stories import PairModel, StoryClusterer, StorySettings, default_pair_model

NAME = "stories"
# Cosine distance cut of the baseline: the middle of its best cuts on the three corpora (0.76-0.92).
BASELINE_DISTANCE = 0.84
BASELINE_SWEEP = np.round(np.arange(0.30, 0.99, 0.02), 2)
QUICK_SHARE = 3  # a quick run evaluates every third event of each corpus
# Join cuts a LOCO fit chooses its own from, on its training corpora (session 12 chose 0.4 / 0.3 / 0.2).
JOIN_GRID = (0.2, 0.25, 0.3, 0.4, 0.5)

Analysed = list[tuple[Document, Features]]
Corpus = tuple[Analysed, list[Document], dict[str, Hashable]]  # analysed, lost by the pipeline, gold
ByCut = dict[float, dict[str, dict[str, float]]]  # join cut -> corpus -> figures


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


def online_stories(items: Analysed, model: PairModel,
                   settings: StorySettings | None = None) -> dict[str, str]:
    """The story of every document, fed one at a time in the pipeline's order, from an empty state."""
    detector = CopyDetector([], {})
    clusterer = StoryClusterer({}, settings, model)
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
        [f"{d.title or ''}\n{d.text or d.raw_text}" for d in docs]).toarray()
    found = {}
    for distance in distances:
        labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                         distance_threshold=float(distance)).fit_predict(matrix)
        found[float(distance)] = {d.id: int(label) for d, label in zip(docs, labels, strict=True)}
    return found


def evaluate(items: Analysed, lost: list[Document], gold: dict[str, Hashable],
             models: dict[str, PairModel], settings: StorySettings | None = None,
             baseline: bool = True) -> dict[str, float]:
    """Our figures with each model, and the baseline's at its fixed and at its best cut."""
    figures: dict[str, float] = {"documents": len(gold), "events": len(set(gold.values())),
                                 "lost": len(lost)}
    unanalysed = {doc.id: f"unanalysed {doc.id}" for doc in lost}
    for prefix, model in models.items():
        story_of = online_stories(items, model, settings) | unanalysed
        precision, recall, f1 = bcubed(story_of, gold)
        figures |= {f"{prefix}bcubed_precision": precision, f"{prefix}bcubed_recall": recall,
                    f"{prefix}bcubed_f1": f1, f"{prefix}stories": len(set(story_of.values()))}
    if not baseline:
        return figures
    docs = [doc for doc, _ in items] + lost
    sweep = {t: bcubed(labels, gold)[2] for t, labels in baseline_stories(docs, BASELINE_SWEEP).items()}
    best = max(sweep, key=lambda t: (sweep[t], -t))
    figures |= {"baseline_f1": sweep.get(BASELINE_DISTANCE, 0.0), "baseline_best_f1": sweep[best],
                "baseline_best_distance": best}
    if "bcubed_f1" in figures:
        figures["margin_over_baseline_best"] = figures["bcubed_f1"] - sweep[best]
    return figures


def figures_by_cut(model: PairModel, corpora: dict[str, Corpus], names: list[str],
                   grid: Sequence[float], settings: StorySettings) -> ByCut:
    """Our figures with ``model`` on each named corpus at each join cut of ``grid`` (no baseline)."""
    return {join: {name: evaluate(*corpora[name], {"": model},
                                  dataclasses.replace(settings, join_probability=join), baseline=False)
                   for name in names}
            for join in grid}


def best_cut(by_cut: ByCut) -> float:
    """The cut with the best mean F1 over the corpora it was measured on (a tie goes to the lower cut)."""
    return max(by_cut, key=lambda join: (sum(f["bcubed_f1"] for f in by_cut[join].values())
                                         / len(by_cut[join]), -join))


def _quick(docs: list[Document], gold: dict[str, Hashable]) -> list[Document]:
    events = sorted(set(gold.values()), key=str)[::QUICK_SHARE]
    wanted = set(events)
    return [doc for doc in docs if gold[doc.id] in wanted]


def run(datasets: Path, quick: bool) -> dict[str, float]:
    shipped, settings = default_pair_model(), StorySettings()
    analysed: dict[str, Corpus] = {}
    for name, load in CORPORA.items():
        docs, gold = load(datasets)
        if quick:
            docs = _quick(docs, gold)
        items = [(doc, features) for doc, _, features in analyse(docs)[0]]
        ids = {doc.id for doc, _ in items}
        analysed[name] = (items, [d for d in docs if d.id not in ids], {d.id: gold[d.id] for d in docs})
    figures: dict[str, float] = {}
    lines = [f"shipped pair model fitted on {shipped.fitted_on}: a development figure on those corpora; "
             f"LOCO: fitted in this run on the other corpora, held out, at the shipped cut "
             f"{settings.join_probability} and at the cut it chose on its training corpora from {JOIN_GRID}; "
             "baseline: TF-IDF + average linkage, offline",
             f"{'corpus':<12}{'docs':>6}{'events':>7}{'stories':>8}{'P':>7}{'R':>7}{'F1':>7}{'role':>10}"
             f"{'F1 LOCO':>9}{'own cut':>14}{'base@' + str(BASELINE_DISTANCE):>10}{'base best':>15}"]
    for name, (items, lost, gold) in analysed.items():
        others = [n for n in analysed if n != name]
        loco = fit([i for n in others for i in analysed[n][0]],
                   {k: (n, v) for n in others for k, v in analysed[n][2].items()}, "+".join(others))
        join = best_cut(figures_by_cut(loco, analysed, others, JOIN_GRID, settings))
        f = evaluate(items, lost, gold, {"": shipped, "loco_": loco}, settings)
        own_cut = evaluate(items, lost, gold, {"loco_own_cut_": loco},
                           dataclasses.replace(settings, join_probability=join), baseline=False)
        f |= {key: value for key, value in own_cut.items() if key.startswith("loco_own_cut_")}
        f["loco_own_cut"] = join
        figures |= {f"{name}_{key}": value for key, value in f.items()}
        role = "dev" if name in shipped.fitted_on.split("+") else "held out"
        lines.append(f"{name:<12}{f['documents']:>6.0f}{f['events']:>7.0f}{f['stories']:>8.0f}"
                     f"{f['bcubed_precision']:>7.3f}{f['bcubed_recall']:>7.3f}{f['bcubed_f1']:>7.3f}{role:>10}"
                     f"{f['loco_bcubed_f1']:>9.3f}{f['loco_own_cut_bcubed_f1']:>9.3f}@{join:<4}"
                     f"{f['baseline_f1']:>10.3f}{f['baseline_best_f1']:>9.3f}@{f['baseline_best_distance']:.2f}")
    print("\n".join(lines))
    return figures
