"""Fit the cue model on PolNeAR's train split:

    python -m storyline.claims.train_cues ../shared/datasets/polnear/train \
        src/storyline/data/claims/cue_model.json [--parses /tmp/polnear-train-fit.spacy]

Every verb, auxiliary and noun of the parsed train texts is an example, a cue when it lies inside an annotated
Cue span of any annotator. One article in ``HOLD_OUT`` is left out of the fit: the cue threshold of
``ClaimSettings`` is chosen on those articles (``python -m storyline.claims.train_cues SPLIT --sweep``
prints their figures at several thresholds), and dev is never read.
An L1-penalised logistic regression keeps few non-zero weights, which keeps the file small. Parsing takes
~10 min on two cores; ``--parses`` keeps the parses in a DocBin file and reads them from there next time."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import numpy as np

from storyline.annotate.nlp import parse, spacy_pipeline
from storyline.claims.cues import candidate, features
from storyline.claims.extract import ClaimSettings
from storyline.eval.claims import Article, ours, read_cues, read_split, score

# (clause cue, object cue) probability bars the sweep scores on the held-out articles
THRESHOLDS = ((0.3, 0.35), (0.3, 0.3), (0.25, 0.3), (0.3, 0.25), (0.25, 0.25), (0.3, 0.2), (0.2, 0.2))
HOLD_OUT = 4  # articles n % 4 == 0 (in name order) are held out of the fit to choose the threshold
MIN_COUNT = 3  # a feature seen fewer times in train gets no weight: an annotator's slip, not a pattern
# Inverse L1 strength (scikit-learn's C): 0.5 keeps 1,894 weights, but "allows ships to dock" and "sent
# trainers" then score above 0.3; 2.0 keeps about 6,800 and the held-out quarter loses 0.01-0.02 of recall.
PENALTY = 2.0


def parses(articles: list[Article], cache: Path | None) -> list:
    """spaCy parses of the articles, from the DocBin ``cache`` when it holds them all, else parsed (and
    written there)."""
    from spacy.tokens import DocBin

    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(spacy_pipeline().vocab))
        if [d.text for d in docs] == [a.text for a in articles]:
            return docs
    docs = list(parse([a.text for a in articles]))
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(cache)
    return docs


def examples(docs, cue_spans: list[list[tuple[int, int]]]) -> tuple[list[list[str]], list[int]]:
    """(features, cue or not) of every candidate token of parsed documents and their cue character spans."""
    rows, labels = [], []
    for doc, spans in zip(docs, cue_spans, strict=True):
        for token in doc:
            if not candidate(token):
                continue
            rows.append(features(token))
            labels.append(int(any(start <= token.idx < end for start, end in spans)))
    return rows, labels


def feature_matrix(rows: list[list[str]], min_count: int):
    """A sparse 0/1 matrix of the features seen at least ``min_count`` times, and their names (columns)."""
    from scipy.sparse import csr_matrix

    counts = Counter(f for row in rows for f in set(row))
    names = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(names)}
    columns = [[index[f] for f in set(row) if f in index] for row in rows]
    matrix = csr_matrix(
        (
            np.ones(sum(len(c) for c in columns)),
            np.concatenate([np.array(c, dtype=np.int64) for c in columns]),
            np.cumsum([0] + [len(c) for c in columns]),
        ),
        shape=(len(rows), len(names)),
    )
    return matrix, names


def fit(rows: list[list[str]], labels: list[int], penalty: float = PENALTY) -> dict[str, float]:
    """Non-zero weights of an L1 logistic regression over the features seen ``MIN_COUNT`` times."""
    from sklearn.linear_model import LogisticRegression

    matrix, names = feature_matrix(rows, MIN_COUNT)
    model = LogisticRegression(
        l1_ratio=1.0, C=penalty, solver="liblinear", fit_intercept=False, max_iter=200, random_state=0
    )
    model.fit(matrix, np.array(labels))
    return {f: round(float(w), 4) for f, w in zip(names, model.coef_[0], strict=True) if abs(w) >= 1e-4}


def held_out(names: list[str]) -> list[bool]:
    """Which articles (in name order) are kept out of the fit."""
    return [n % HOLD_OUT == 0 for n in range(len(names))]


def sweep(split: Path, cache: Path | None) -> None:
    """Attribution figures of the committed model on the held-out train articles at several cue thresholds."""
    articles = read_split(split)
    kept = [a for a, out in zip(articles, held_out([a.name for a in articles]), strict=True) if out]
    docs = parses(kept, cache)
    for clause, other in THRESHOLDS:
        settings = ClaimSettings(cue_probability=clause, object_cue_probability=other)
        figures = score(kept, [ours(d, settings) for d in docs])
        print(clause, other, " ".join(f"{k} {v:.3f}" for k, v in figures.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("split", type=Path, help="a PolNeAR split folder (text/, attributions/)")
    parser.add_argument("out", type=Path, nargs="?", help="where to write the model (JSON)")
    parser.add_argument("--sweep", action="store_true", help="score the committed model's thresholds instead")
    parser.add_argument(
        "--parses", type=Path, help="a DocBin file for the parses read (fitted, or held out with --sweep)"
    )
    args = parser.parse_args()
    if args.sweep or args.out is None:
        sweep(args.split, args.parses)
        return
    articles = read_split(args.split)
    kept = [a for a, out in zip(articles, held_out([a.name for a in articles]), strict=True) if not out]
    docs = parses(kept, args.parses)
    rows, labels = examples(docs, [read_cues(args.split, a.name) for a in kept])
    weights = fit(rows, labels)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    about = {"trained_on": args.split.name, "held_out": f"article n % {HOLD_OUT} == 0", "penalty": PENALTY}
    args.out.write_text(json.dumps({**about, "weights": weights}, indent=0) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights from {len(kept)} articles ({sum(labels)} cues) written to {args.out}")


if __name__ == "__main__":
    main()
