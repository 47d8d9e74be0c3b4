"""Fit the span model on PolNeAR's train split:

    python -m storyline.claims.train_spans ../shared/datasets/polnear/train \
        src/storyline/data/claims/span_model.json [--parses /tmp/polnear-train.spacy]

Every annotated attribution with a cue gives one example per word of its cue's sentence: content when the word
lies in the attribution's Content span, source in its Source span, none otherwise. The articles n % 4 == 0 (in
name order, the cue model's held-out quarter) are left out of the fit; ``--sweep`` prints the attribution
figures on them at several content and source bars, which is where ``ClaimSettings``' bars were chosen. Dev is
never read. ``--parses`` keeps the spaCy parses of the split in a DocBin file (parsing 840 articles takes ~15
min on two cores) and reads them from there when it exists."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import numpy as np

from storyline.claims.cues import candidate
from storyline.claims.extract import ClaimSettings, quote_regions
from storyline.claims.spans import LABELS, Cue, Words, features
from storyline.claims.train_cues import feature_matrix, held_out, parses
from storyline.eval.claims import Article, Ranges, ours, read_split, score

MIN_COUNT = 20  # a feature seen fewer times gets no weight: too rare to carry to new text
PENALTY = 0.5  # inverse L2 strength (scikit-learn's C)
MIN_SPEAKER_COUNT = 5  # a noun heading fewer gold sources is a one-off or a mis-lemma ("sander")
MIN_WEIGHT = 0.05  # smaller weights are left out of the file: they move no probability across a bar
# (content bar, source bar) pairs the sweep scores on the held-out articles
BARS = ((0.2, 0.2), (0.2, 0.3), (0.3, 0.2), (0.3, 0.3), (0.4, 0.4), (0.5, 0.3), (0.5, 0.5), (0.6, 0.5))


def _inside(token, ranges: Ranges | None) -> bool:
    return bool(ranges) and any(start <= token.idx < end for start, end in ranges)


def anchor(doc, cue: Ranges):
    """The word of a gold cue span the extractor would take for the cue: a verb or noun whose head lies
    outside the span ("’s been ratcheting up his critique of": ratcheting), else the span's first word."""
    words = [t for t in doc if _inside(t, cue) and not t.is_space]
    if not words:
        return None
    inside = {t.i for t in words}
    tops = [t for t in words if candidate(t) and (t.head.i not in inside or t.head is t)]
    return (tops or [t for t in words if candidate(t)] or words)[0]


def examples(articles: list[Article], docs) -> tuple[list[list[str]], list[int]]:
    """(features, label index) of every word of every gold cue's sentence."""
    rows, labels = [], []
    for article, doc in zip(articles, docs, strict=True):
        quoted = frozenset(i for start, end in quote_regions(doc) for i in range(start, end))
        words = Words.of(doc, quoted)
        for golds in article.annotators:
            for gold in golds:
                cue = anchor(doc, gold.cue) if gold.cue else None
                if cue is None:
                    continue
                read = Cue.of(cue)
                for token in cue.sent:
                    if token.is_space:
                        continue
                    label = "none"  # the cue's own words too
                    if _inside(token, gold.cue):
                        pass
                    elif _inside(token, gold.content):
                        label = "content"
                    elif _inside(token, gold.source):
                        label = "source"
                    rows.append(features(words, read, token.i))
                    labels.append(LABELS.index(label))
    return rows, labels


def speaker_nouns(articles: list[Article], docs) -> list[str]:
    """Lemmas of the common nouns that head at least ``MIN_SPEAKER_COUNT`` gold sources: the word of the
    source span whose head lies outside it."""
    counts: Counter[str] = Counter()
    for article, doc in zip(articles, docs, strict=True):
        for gold in (g for golds in article.annotators for g in golds if g.source):
            words = [t for t in doc if _inside(t, gold.source) and not t.is_space]
            inside = {t.i for t in words}
            heads = [t for t in words if t.head.i not in inside or t.head.i == t.i]
            if heads and heads[0].pos_ == "NOUN":
                counts[heads[0].lemma_.lower()] += 1
    return sorted(n for n, c in counts.items() if c >= MIN_SPEAKER_COUNT)


def fit(rows: list[list[str]], labels: list[int]) -> dict[str, dict[str, float]]:
    """Per-label weights of a multinomial logistic regression, relative to "none" (whose weights are 0,
    which leaves the probabilities unchanged), over the features seen ``MIN_COUNT`` times."""
    from sklearn.linear_model import LogisticRegression

    matrix, names = feature_matrix(rows, MIN_COUNT)
    model = LogisticRegression(C=PENALTY, fit_intercept=False, max_iter=500)
    model.fit(matrix, np.array(labels))
    relative = model.coef_ - model.coef_[list(model.classes_).index(0)]
    weights: dict[str, dict[str, float]] = {}
    for row, label in zip(relative, (LABELS[c] for c in model.classes_), strict=True):
        weights[label] = {
            f: round(float(w), 3) for f, w in zip(names, row, strict=True) if abs(w) >= MIN_WEIGHT
        }
    return weights


def sweep(articles: list[Article], docs) -> None:
    """Attribution figures on the held-out articles: rules alone, then rules with the span model at
    several bars."""
    print("rules alone", _figures(articles, docs, ClaimSettings(learned_spans=False)))
    for content, source in BARS:
        settings = ClaimSettings(learned_spans=True, content_probability=content, source_probability=source)
        print(content, source, _figures(articles, docs, settings))


def _figures(articles: list[Article], docs, settings: ClaimSettings) -> str:
    figures = score(articles, [ours(d, settings) for d in docs])
    return " ".join(f"{k} {v:.3f}" for k, v in figures.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("split", type=Path, help="a PolNeAR split folder (text/, attributions/)")
    parser.add_argument("out", type=Path, nargs="?", help="where to write the model (JSON)")
    parser.add_argument("--parses", type=Path, help="a DocBin file to keep the split's parses in")
    parser.add_argument("--sweep", action="store_true", help="score the committed model's bars instead")
    args = parser.parse_args()
    articles = read_split(args.split)
    docs = parses(articles, args.parses)
    out = held_out([a.name for a in articles])
    if args.sweep or args.out is None:
        sweep(
            [a for a, o in zip(articles, out, strict=True) if o],
            [d for d, o in zip(docs, out, strict=True) if o],
        )
        return
    kept = [(a, d) for a, d, o in zip(articles, docs, out, strict=True) if not o]
    rows, labels = examples([a for a, _ in kept], [d for _, d in kept])
    weights = fit(rows, labels)
    nouns = speaker_nouns([a for a, _ in kept], [d for _, d in kept])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    about = {"trained_on": args.split.name, "held_out": "article n % 4 == 0", "penalty": PENALTY}
    stored = {**about, "speaker_nouns": nouns, "weights": weights}
    args.out.write_text(json.dumps(stored, indent=0) + "\n", encoding="utf-8")
    counts = Counter(labels)
    print(
        f"{sum(len(w) for w in weights.values())} weights from {len(kept)} articles "
        f"({len(rows)} words: {counts[1]} content, {counts[2]} source) and {len(nouns)} speaker nouns "
        f"written to {args.out}"
    )


if __name__ == "__main__":
    main()
