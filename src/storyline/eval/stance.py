"""Stance toward a claim on FNC-1: ours beside the official baseline's features + gradient boosting.

In the gate (``run``) both are fitted on the training part of a claim-disjoint split of fnc1-dev
(connected components of related headline-body pairs, a seeded 22% of components held out, see
``stance.claim_disjoint_split``) and scored on the held-out part: no validation headline or body is
seen through a related pair in training, as with new claims. With ``--bodies/--pairs`` the shipped
model (fitted on all of fnc1-dev by ``python -m storyline.claims.stance``) labels the given pairs.

FNC-1 relative score: +0.25 when related/unrelated is right, +0.75 more when a related pair's stance
is right, over the best possible sum, in percent. Macro-F1 is over the four classes."""

from __future__ import annotations

import csv
import random
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as BASELINE_STOPWORDS  # as the baseline

from storyline.claims import stance as st
from storyline.claims.stance_vocabulary import BASELINE_REFUTING
from storyline.eval import SCORING_TOKEN

NAME = "stance"

QUICK_BODY_SHARE = 0.4  # a quick run keeps pairs whose body is in this seeded share of bodies
BASELINE_TREES = 200  # as the official baseline
BASELINE_SEED = 14128
LEAD_CHARS = 255  # the baseline counts hits in the body's opening characters apart
CHAR_GRAMS = (2, 4, 8, 16)
WORD_GRAMS = (2, 3, 4, 5, 6)


def relative_score(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """FNC-1 score over the best possible score, in percent."""
    got = best = 0.0
    for g, p in zip(gold, predicted, strict=True):
        best += 0.25 if g == "unrelated" else 1.0
        if (g == "unrelated") == (p == "unrelated"):
            got += 0.25
            if g != "unrelated" and g == p:
                got += 0.75
    return 100 * got / best if best else 0.0


def class_f1(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    """F1 of each of the four stances (0 for a class neither predicted nor present)."""
    scores = {}
    for label in st.STANCES:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        scores[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return scores


def figures_of(gold: Sequence[str], predicted: Sequence[str], prefix: str) -> dict[str, float]:
    f1 = class_f1(gold, predicted)
    out = {f"{prefix}relative_score": relative_score(gold, predicted),
           f"{prefix}macro_f1": sum(f1.values()) / len(f1)}
    out.update({f"{prefix}f1_{label}": value for label, value in f1.items()})
    return out


# --- the official FNC-1 baseline, written from its description -----------------------------


def _baseline_tokens(text: str) -> list[str]:
    return SCORING_TOKEN.findall(text.lower())


def _grams(items: Sequence, n: int) -> list:
    return [items[i: i + n] for i in range(len(items) - n + 1)]


def baseline_features(headline: str, body: str) -> list[float]:
    """Word overlap, refuting words, polarity and n-gram hits of the headline in the body and its lead.

    As the baseline's ``hand_features``: a headline word hits when it occurs in the cleaned body text (a
    substring), and the stop-word counts drop scikit-learn's English stop words."""
    h_tokens, b_tokens = _baseline_tokens(headline), _baseline_tokens(body)
    h_set, b_set = set(h_tokens), set(b_tokens)
    overlap = len(h_set & b_set) / len(h_set | b_set) if h_set | b_set else 0.0
    refuting = [float(word in h_set) for word in BASELINE_REFUTING]
    polarity = [sum(w in BASELINE_REFUTING for w in tokens) % 2 for tokens in (h_tokens, b_tokens)]
    h_clean, b_clean = " ".join(h_tokens), " ".join(b_tokens)
    lead = b_clean[:LEAD_CHARS]
    hits = [
        sum(t in b_clean for t in h_tokens),
        sum(t in lead for t in h_tokens),
        sum(t in b_clean for t in h_tokens if t not in BASELINE_STOPWORDS),
        sum(t in lead for t in h_tokens if t not in BASELINE_STOPWORDS),
    ]
    for n in CHAR_GRAMS:
        grams = _grams(h_clean, n)
        hits += [sum(g in b_clean for g in grams), sum(g in lead for g in grams)]
    for n in WORD_GRAMS:
        grams = [" ".join(g) for g in _grams(h_tokens, n)]
        hits += [sum(g in b_clean for g in grams), sum(g in lead for g in grams)]
    return [overlap, *refuting, *polarity, *hits]


def baseline_predictions(data: st.FncData, train: Sequence[int], valid: Sequence[int]) -> list[str]:
    """The baseline's gradient boosting fitted on ``train`` pairs, labelling ``valid`` pairs."""
    from sklearn.ensemble import GradientBoostingClassifier

    def matrix(rows: Sequence[int]) -> np.ndarray:
        return np.array([baseline_features(data.pairs[i][0], data.bodies[data.pairs[i][1]]) for i in rows])

    assert data.labels is not None
    model = GradientBoostingClassifier(n_estimators=BASELINE_TREES, random_state=BASELINE_SEED)
    model.fit(matrix(train), [data.labels[i] for i in train])
    return list(model.predict(matrix(valid)))


# --- the gate run and the file run ----------------------------------------------------------


def _quick_subset(data: st.FncData, settings: st.StanceSettings) -> st.FncData:
    bodies = sorted(set(data.bodies))
    kept = set(random.Random(settings.seed).sample(bodies, round(QUICK_BODY_SHARE * len(bodies))))
    rows = [i for i, (_, b) in enumerate(data.pairs) if b in kept]
    labels = [data.labels[i] for i in rows] if data.labels is not None else None
    return st.FncData({b: data.bodies[b] for b in kept}, [data.pairs[i] for i in rows], labels)


def _print_table(rows: dict[str, dict[str, float]]) -> None:
    keys = ["relative_score", "macro_f1", *(f"f1_{label}" for label in st.STANCES)]
    print(f"{'':10}" + "".join(f"{k:>18}" for k in keys))
    for name, figures in rows.items():
        print(f"{name:10}" + "".join(f"{figures[k]:>18.4f}" for k in keys))


def run(datasets: Path, quick: bool) -> dict[str, float]:
    """Ours and the baseline, both fitted on the training components, scored on the held-out ones."""
    folder = datasets / "fnc1-dev"
    settings = st.StanceSettings()
    data = st.read_fnc(folder / "bodies.csv", folder / "stances.csv")
    if quick:
        data = _quick_subset(data, settings)
    train, valid = st.claim_disjoint_split(data, settings)
    assert data.labels is not None
    gold = [data.labels[i] for i in valid]
    prepared = st.prepare(data, settings)
    ours = st.predict_prepared(st.fit_prepared(prepared, train, settings), prepared, valid)
    baseline = baseline_predictions(data, train, valid)
    ours_figures, base_figures = figures_of(gold, ours, ""), figures_of(gold, baseline, "")
    print(f"fnc1-dev claim-disjoint split: {len(train)} training pairs, {len(valid)} held-out pairs "
          f"(fitted on training components, scored on held-out ones)")
    _print_table({"ours": ours_figures, "baseline": base_figures})
    figures = {f"ours_{k}": v for k, v in ours_figures.items()}
    figures.update({f"baseline_{k}": v for k, v in base_figures.items()})
    figures["relative_score_margin"] = ours_figures["relative_score"] - base_figures["relative_score"]
    figures["validation_pairs"] = float(len(valid))
    return figures


def label_file(bodies: Path, pairs: Path, out: Path, model_path: Path = st.MODEL_PATH) -> dict[str, float]:
    """Label FNC-1 pairs with the shipped model, write Headline, Body ID, Stance; score if gold is given."""
    model = st.StanceModel.load(model_path)
    data = st.read_fnc(bodies, pairs)
    prepared = st.prepare(data, model.settings)
    predicted = st.predict_prepared(model, prepared, range(len(data.pairs)))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["Headline", "Body ID", "Stance"])
        writer.writerows((h, b, label) for (h, b), label in zip(data.pairs, predicted, strict=True))
    if data.labels is None:
        return {"pairs": float(len(data.pairs))}
    figures = figures_of(data.labels, predicted, "")
    _print_table({"ours": figures})
    return figures
