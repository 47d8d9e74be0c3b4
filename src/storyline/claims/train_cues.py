"""Fit the cue model on PolNeAR's train split:

    python -m storyline.claims.train_cues ../shared/datasets/polnear/train \
        src/storyline/data/claims/cue_model.json

Every verb and noun of the parsed train texts is counted under its lemma and frame, as a cue when it lies
inside an annotated Cue span of any annotator. Only lemma-frame pairs seen as a cue at least ``MIN_CUES``
times are kept (the others would score near zero anyway), which keeps the file small. Parsing takes
~10 min."""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from storyline.annotate.nlp import parse
from storyline.claims.cues import frame
from storyline.eval.claims import read_cues, read_split

MIN_CUES = 3  # a verb annotated as a cue once or twice in 840 articles is more likely an annotator's slip


def count_cues(docs, cue_spans: list[list[tuple[int, int]]]) -> dict[str, list[int]]:
    """[cue, occurrences] per "lemma|frame" over parsed documents and their cue character spans."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for doc, spans in zip(docs, cue_spans, strict=True):
        for token in doc:
            if token.pos_ not in ("VERB", "NOUN"):
                continue
            key = f"{token.lemma_.lower()}|{frame(token)}"
            counts[key][0] += any(start <= token.idx < end for start, end in spans)
            counts[key][1] += 1
    return {k: v for k, v in sorted(counts.items()) if v[0] >= MIN_CUES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("split", type=Path, help="a PolNeAR split folder (text/, attributions/)")
    parser.add_argument("out", type=Path, help="where to write the model (JSON)")
    args = parser.parse_args()
    articles = read_split(args.split)
    docs = list(parse([a.text for a in articles]))
    spans = [read_cues(args.split, a.name) for a in articles]
    counts = count_cues(docs, spans)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps({"trained_on": str(args.split.name), "min_cues": MIN_CUES, "counts": counts}, indent=0)
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(counts)} lemma-frame pairs from {len(articles)} articles written to {args.out}")


if __name__ == "__main__":
    main()
