"""Can a static embedding model stand in for all-MiniLM-L6-v2 (issue 11)? Speed and quality per consumer
of the vectors, each static model beside MiniLM in the same run.

model2vec is not a dependency of storyline (only this measurement needs it), and its distillation needs
an older transformers than the venv's: install that beside the venv, not into it, then distil from the
local MiniLM weights (no hub call, nothing downloaded) and measure:

    pip install model2vec   # inference only: fits the venv
    pip install --target /tmp/m2v-distill --no-deps transformers==5.3.0 tokenizers==0.22.2 \
        huggingface-hub==1.33.0 skeletoken==0.6.1
    PYTHONPATH=/tmp/m2v-distill:src python benchmarks/static_models.py distill --out /tmp/m2v-256 [--dims 0]
    python benchmarks/static_models.py measure --model /tmp/m2v-256 [/tmp/m2v-384] [--quick] \
        [--parts speed groups copies offtopic]

(``pip install model2vec[distill]`` into the venv would downgrade its transformers to 5.3.) ``distill``
prints the CPU and wall seconds of the distillation (256 PCA dimensions unless ``--dims``; 0 keeps the
384; model2vec's default SIF weighting). ``measure`` prints, for MiniLM (torch, one thread), our
``StaticEmbedder`` table and each model2vec model:

- speed: texts per CPU second (``time.process_time``) on FNC-1 sentences picked as
  ``embedding_backends.py`` picks them;
- agreement: Spearman correlation of each static model's cosines with MiniLM's on random sentence pairs;
- claim contents: Emergent grouping BCubed F1 on the report half (``storyline eval groups``' halves),
  with the settings MiniLM chose on the fit half, and with the static model's own choice on the fit half;
- copies: ``storyline eval copies``' corpus (FNC-1 synthetic copies, giveme5w1h hard negatives), all of
  it at the product's cosine cuts; then halves A/B by copy family and event: the cuts that clear the
  copies floors by most on A, scored on B (MiniLM at the product's cuts on B beside it);
- off-topic removal with each model's sentence vectors (the words on the pipeline's default word vectors):
  ``storyline eval clean``'s labelled fixtures, all of them at the product's cut, then halves A/B (every
  other fixture by name): the cut that clears the clean floors by most on A, scored on B; and ``storyline
  eval cleaning``'s embedded sample (every k-th document of each development corpus, ``EMBEDDED_SAMPLE``
  per corpus), with how many sentences each model removes that MiniLM keeps and the reverse. The lead
  rule's cosine cuts (``offtopic.LEAD_TITLE_MAX``, ``LEAD_MARGIN``) stay as set on MiniLM.

Each run of the copy detector gets its cosine cuts as ``CopySettings``. Static vectors (256 dimensions)
are padded with zeros to the detector's 384 (cosines unchanged)."""

from __future__ import annotations

import argparse
import copy
import json
import random
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from embedding_backends import sentences  # this folder is on the path when the script runs
from scipy.stats import spearmanr

from storyline.claims.groups import GroupSettings, propositions
from storyline.clean import OfftopicSettings, clean_document
from storyline.copies import CopySettings, minhash_of
from storyline.embeddings import (
    DIMENSION,
    Embedder,
    EmbeddingSettings,
    StaticEmbedder,
    _model_path,
    sentence_features,
    unit,
)
from storyline.eval import clean as clean_eval
from storyline.eval import cleaning as cleaning_eval
from storyline.eval import copies as copies_eval
from storyline.eval import default_datasets
from storyline.eval import groups as groups_eval
from storyline.model import Features

FLOORS = Path(__file__).resolve().parents[1] / "src" / "storyline" / "eval" / "floors.json"
PAIRS = 2000
SEED = 11
SENTENCE_CUTS = (0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
DOC_CUTS = (0.6, 0.7, 0.75, 0.8, 0.85)
OFFTOPIC_CUTS = tuple(round(c, 2) for c in np.arange(0.2, 1.41, 0.02))  # static cosines run higher
PARTS = ("speed", "groups", "copies", "offtopic")
COPY_FIGURES = ("near_precision", "near_recall", "syndicated_precision", "syndicated_recall",
                "paraphrase_precision", "paraphrase_recall", "hard_negative_specificity")

Encode = Callable[[Sequence[str]], np.ndarray]


class Padded:
    """An encoder with the ``encode`` of ``Embedder``, its vectors padded with zeros to ``DIMENSION``."""

    def __init__(self, encode: Encode):
        self._encode = encode

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self._encode(list(texts)) if texts else np.zeros((0, DIMENSION), dtype=np.float32)
        return np.pad(vectors, ((0, 0), (0, DIMENSION - vectors.shape[1])))


def model2vec_encoder(folder: Path) -> Encode:
    from model2vec import StaticModel

    model = StaticModel.from_pretrained(str(folder))
    return lambda texts: unit(model.encode(list(texts)).astype(np.float32))


def distill(out: Path, dims: int | None) -> None:
    """model2vec's distillation of the local MiniLM weights (``dims`` PCA dimensions; None keeps the 384),
    default SIF weighting."""
    from model2vec.distill import distill as m2v_distill

    cpu, wall = time.process_time(), time.perf_counter()
    model = m2v_distill(model_name=str(_model_path()), pca_dims=dims)
    print(f"distilled {model.embedding.shape} in CPU {time.process_time() - cpu:.1f} s, "
          f"wall {time.perf_counter() - wall:.1f} s")
    model.save_pretrained(str(out))


def speed(encoders: dict[str, Encode], texts: list[str]) -> dict[str, np.ndarray]:
    """Texts per CPU second of each encoder on ``texts`` (after a warm-up); their vectors."""
    out = {}
    for name, encode in encoders.items():
        encode(["A warm-up sentence, not one of the measured."])
        cpu = time.process_time()
        out[name] = encode(texts)
        seconds = time.process_time() - cpu
        print(f"  {name:<24} {len(texts) / seconds:10.0f} texts per CPU second ({seconds:.2f} CPU s)")
    return out


def agreement(vectors: dict[str, np.ndarray], reference: str) -> None:
    """Spearman correlation of cosines with the reference's on random sentence pairs."""
    rng = np.random.default_rng(SEED)
    count = len(vectors[reference])
    left, right = rng.integers(0, count, PAIRS), rng.integers(0, count, PAIRS)
    keep = left != right
    left, right = left[keep], right[keep]

    def cosines(name: str) -> np.ndarray:
        return (vectors[name][left] * vectors[name][right]).sum(axis=1)

    for name in vectors:
        if name != reference:
            rho = spearmanr(cosines(name), cosines(reference)).statistic
            print(f"  {name:<24} Spearman {rho:.3f} on {keep.sum()} pairs")


def groups(encoders: dict[str, Encode], datasets: Path, quick: bool, reference: str) -> None:
    """Emergent grouping BCubed F1 (report half) at MiniLM's fit-half settings and at each model's own."""
    fit, report = groups_eval.split(groups_eval.read(datasets), quick)
    parts = {}
    for name, rows in (("fit", fit), ("report", report)):
        claims, _ = groups_eval.headline_claims(rows)
        parts[name] = (rows, claims, propositions([c.content for c in claims]))
    grid = [GroupSettings(same_claim=cut, conflict=conflict)
            for cut in groups_eval.CUTS for conflict in groups_eval.CONFLICTS]

    def score(encode: Encode, part: str, settings: GroupSettings) -> float:
        rows, claims, props = parts[part]
        return groups_eval.ours(rows, claims, props, vectors[(encode, part)], settings)

    vectors = {(e, part): e([c.content for c in parts[part][1]])
               for e in encoders.values() for part in parts}
    chosen = {name: max(grid, key=lambda s, e=encode: score(e, "fit", s))
              for name, encode in encoders.items()}
    print(f"  {len(fit)} fit / {len(report)} report headlines; report-half BCubed F1")
    for name, encode in encoders.items():
        own, theirs = chosen[name], chosen[reference]
        print(f"  {name:<24} own fit-half choice (cut {own.same_claim}, conflict {own.conflict}) "
              f"{score(encode, 'report', own):.3f}   {reference}'s choice "
              f"{score(encode, 'report', theirs):.3f}"
              f"   defaults {score(encode, 'report', GroupSettings()):.3f}")


def copy_figures(items: list, features: dict, sentence: float, document: float) -> dict[str, float]:
    """``storyline eval copies``' figures of one detector run over fresh copies of ``items``."""
    fresh = copy.deepcopy(items)
    copies_eval.detect(fresh, features, CopySettings(paraphrase_sentence_similarity=sentence,
                                                     candidate_doc_similarity=document))
    return copies_eval.score(fresh)


def margin(figures: dict[str, float], floors: dict[str, float]) -> float:
    """The worst distance above its floor of the copies figures that have one."""
    return min(figures[k] - floors[k] for k in COPY_FIGURES if k in floors)


def halves(items: list) -> tuple[list, list]:
    """Halves A and B by copy family (synthetic) and by event (giveme5w1h), fixed seed."""
    families = sorted({it.family for it in items})
    random.Random(SEED).shuffle(families)
    half_a = set(families[: len(families) // 2])
    return [it for it in items if it.family in half_a], [it for it in items if it.family not in half_a]


def line(name: str, figures: dict[str, float]) -> str:
    return f"  {name:<24} " + "  ".join(f"{k.replace('_precision', ' P').replace('_recall', ' R')} "
                                        f"{figures[k]:.3f}" for k in COPY_FIGURES)


def copies(encoders: dict[str, Encode], datasets: Path, quick: bool, reference: str) -> None:
    """Copy figures per encoder: all items at the product's cuts; own cuts fitted on half A, scored on B."""
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["copies"]
    rng = random.Random(copies_eval.SEED)
    corpus = copies_eval.synthetic_corpus(
        datasets, copies_eval.ORIGINALS_QUICK if quick else copies_eval.ORIGINALS, rng)
    items = corpus + copies_eval.hard_negatives(datasets, quick)
    docs = [it.doc for it in items]
    split = [copies_eval.split_sentences(d.text) for d in docs]
    product = CopySettings.paraphrase_sentence_similarity, CopySettings.candidate_doc_similarity
    half_a, half_b = halves(items)
    print(f"  {len(items)} documents; half A {len(half_a)}, half B {len(half_b)}; product cuts: sentence "
          f"{product[0]}, document {product[1]}")
    for name, encode in encoders.items():
        model = Padded(encode)
        vectors = sentence_features(split, [d.text[:200] for d in docs], model)
        features = {d.id: Features(d.id, doc_vector, sentence_vectors, minhash_of(d.text))
                    for d, (doc_vector, sentence_vectors) in zip(docs, vectors, strict=True)}
        print(line(f"{name} all, product", copy_figures(items, features, *product)))
        if name == reference:
            print(line(f"{name} B, product", copy_figures(half_b, features, *product)))
            continue
        grid = [(s, d) for s in SENTENCE_CUTS for d in DOC_CUTS]
        best = max(grid, key=lambda c: margin(copy_figures(half_a, features, *c), floors))
        print(f"  {name}: cuts best on A: sentence {best[0]}, document {best[1]}")
        print(line(f"{name} B, own A cuts", copy_figures(half_b, features, *best)))


def fixture_figures(pairs: list, model: Padded, settings: OfftopicSettings) -> dict[str, float]:
    """``storyline eval clean``'s figures of fresh copies of the labelled fixtures ``pairs``."""
    return clean_eval.score_all([(copy.deepcopy(doc), labels) for doc, labels in pairs], model, settings)


def clean_line(name: str, figures: dict[str, float]) -> str:
    return f"  {name:<28} " + "  ".join(f"{k} {figures[k]:.3f}" for k in
                                        ("removal_precision", "removal_recall", "kept_rate",
                                         "offtopic_precision", "offtopic_recall"))


def fitness(figures: dict[str, float], floors: dict[str, float]) -> tuple[bool, float]:
    """How good a cut is on the fixtures: first that it removes no kept sentence and keeps the precision
    floor, then the recall of all removals plus that of off-topic ones."""
    safe = figures["kept_rate"] >= floors["kept_rate"] and figures["removal_precision"] >= floors[
        "removal_precision"]
    return safe, figures["removal_recall"] + figures["offtopic_recall"]


def offtopic(encoders: dict[str, Encode], datasets: Path, reference: str) -> None:
    """Off-topic removal with each encoder's sentence vectors: the labelled fixtures at the product's cut,
    the cut fitted on half A (``fitness``; the lowest of equally good ones: the fewest removals) scored on
    half B; then
    ``eval cleaning``'s embedded sample at the product's cut."""
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["clean"]
    pairs = clean_eval.fixture_documents()
    half_a, half_b = pairs[::2], pairs[1::2]
    product = OfftopicSettings()
    print(f"  {len(pairs)} labelled fixtures; half A {len(half_a)}, half B {len(half_b)}; product cut "
          f"{product.score_cut} ({product.word_vectors} word vectors)")
    for name, encode in encoders.items():
        model = Padded(encode)
        print(clean_line(f"{name} all, product", fixture_figures(pairs, model, product)))
        if name == reference:
            print(clean_line(f"{name} B, product", fixture_figures(half_b, model, product)))
            continue
        best = max(OFFTOPIC_CUTS, key=lambda c, m=model: fitness(
            fixture_figures(half_a, m, OfftopicSettings(cut=c)), floors))
        print(f"  {name}: cut best on A {best}")
        print(clean_line(f"{name} B, own A cut", fixture_figures(half_b, model, OfftopicSettings(cut=best))))
    for corpus, source in cleaning_eval.corpora(datasets).items():
        docs = list(cleaning_eval.documents_of(source, cleaning_eval.Tally(), None))
        sample = docs[:: max(1, len(docs) // cleaning_eval.EMBEDDED_SAMPLE)][: cleaning_eval.EMBEDDED_SAMPLE]
        removed: dict[str, set[tuple[str, str]]] = {}
        for name, encode in encoders.items():
            tally, removed[name] = cleaning_eval.Tally(), set()
            for doc in copy.deepcopy(sample):
                clean_document(doc, Padded(encode))
                cleaning_eval.count(doc, tally)
                removed[name] |= {(doc.id, r.text) for r in doc.removed if r.kind == "offtopic"}
            figures = cleaning_eval.embedded_figures(corpus, tally)
            print(f"  {corpus} sample, {name:<24} " + "  ".join(
                f"{k.removeprefix(corpus + '_embedded_')} {v:.3f}" for k, v in figures.items())
                + f"  off-topic only here {len(removed[name] - removed[reference])}, "
                  f"only {reference} {len(removed[reference] - removed[name])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    distilling = commands.add_parser("distill")
    distilling.add_argument("--out", type=Path, required=True)
    distilling.add_argument("--dims", type=int, default=256, help="PCA dimensions; 0 keeps all 384")
    measure = commands.add_parser("measure")
    measure.add_argument("--model", type=Path, nargs="+", required=True, help="folders distill wrote")
    measure.add_argument("--parts", nargs="+", choices=PARTS, default=list(PARTS))
    measure.add_argument("--sentences", type=int, default=1000)
    measure.add_argument("--docs", type=int, default=80)
    measure.add_argument("--quick", action="store_true", help="40+40 Emergent claims, 80 copy originals")
    measure.add_argument("--datasets", type=Path, default=None)
    args = parser.parse_args()
    if args.command == "distill":
        distill(args.out, args.dims or None)
        return
    reference = "MiniLM (torch)"
    encoders: dict[str, Encode] = {reference: Embedder(EmbeddingSettings(threads=1)).encode,
                                   "StaticEmbedder (ours)": StaticEmbedder().encode}
    encoders |= {f"model2vec {folder.name}": model2vec_encoder(folder) for folder in args.model}
    datasets = args.datasets or default_datasets()
    if "speed" in args.parts:
        texts = sentences(datasets, args.docs, args.sentences)
        print(f"speed: {len(texts)} sentences of {args.docs} FNC-1 bodies")
        vectors = speed(encoders, texts)
        print("agreement with MiniLM's cosines")
        agreement(vectors, reference)
    if "groups" in args.parts:
        print("claim contents: Emergent grouping")
        groups(encoders, datasets, args.quick, reference)
    if "copies" in args.parts:
        print("copies (P precision, R recall)")
        copies(encoders, datasets, args.quick, reference)
    if "offtopic" in args.parts:
        print("off-topic removal (sentence vectors of each model)")
        offtopic(encoders, datasets, reference)


if __name__ == "__main__":
    main()
