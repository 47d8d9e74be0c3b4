"""Stance of a text toward a claim (agree, disagree, discuss, unrelated), FNC-1 style.

Features carry to claims never seen in training: how close the body's best-matching sentences are to
the claim (MiniLM cosine, TF-IDF cosine, shared words, names and numbers), and which cues those
sentences carry (denials, hedges, confirmations, negations, questions, quotes). Two small networks
read them: one says related or not, the other agree, disagree or discuss for related pairs. Their
weights are plain arrays in a JSON file, trained by ``python -m storyline.claims.stance``."""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from storyline.claims import stance_vocabulary as vocab
from storyline.vocabulary import content_words

STANCES = ("agree", "disagree", "discuss", "unrelated")
RELATED = ("agree", "disagree", "discuss")
MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "stance_model.json"
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zA-Z]+")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")
QUOTE = re.compile(r"[\"“”]")


@dataclass(frozen=True)
class StanceSettings:
    """Thresholds and sizes of the stance features and their training."""

    top_sentences: int = 5  # body sentences closest to the claim whose cues count (5 beat 3 on 4 splits)
    lead_sentences: int = 3  # the lead says what a body is about: overlap with it counts apart
    max_sentences: int = 60  # longer bodies are cut here: later sentences rarely change the stance
    min_sentence_chars: int = 20  # shorter pieces are bylines, captions or glue, not statements
    min_document_frequency: int = 2  # words seen in one body only stay out of the IDF table
    related_hidden: int = 16  # hidden units of the related-or-not network
    stance_hidden: int = 32  # hidden units of the agree/disagree/discuss network
    class_weight_power: float = 0.5  # 1 balances the classes, 0 ignores their sizes; halfway keeps the
    # rare disagree learnt without trading away the common discuss the FNC-1 score weighs by frequency
    alpha: float = 3.0  # L2 penalty of both networks: 65 claims overfit easily (3 beat 0.01-1 and 10)
    max_iter: int = 400
    seed: int = 13
    validation_share: float = 0.22  # share of claim components held out (about a fifth, as asked)
    evidence_sentences: int = 3  # at most this many sentences shown as a stance's evidence


@dataclass
class Body:
    """A body cut into sentences with their embeddings and word sets, prepared once for all claims."""

    sentences: list[str]
    vectors: np.ndarray
    words: list[set[str]]
    cues: list[dict[str, int]]
    counts: Counter


@dataclass
class Claim:
    """A claim (or headline) with its embedding, content words, names and numbers."""

    text: str
    vector: np.ndarray
    words: set[str]
    names: set[str]
    numbers: set[str]


@dataclass
class Stance:
    """One text's stance toward one claim, with the probabilities and evidence sentence indices."""

    label: str
    probabilities: dict[str, float]
    evidence: list[int] = field(default_factory=list)


def words_of(text: str) -> list[str]:
    """Lowercased content words: the units both TF-IDF and overlap features count."""
    return content_words(text, min_length=2, stopwords=vocab.STOPWORDS)


def split_sentences(text: str, settings: StanceSettings) -> list[str]:
    """Sentences of a body by punctuation and line breaks; fragments too short to state anything go."""
    pieces = (p.strip() for p in SENTENCE_END.split(text))
    kept = [p for p in pieces if len(p) >= settings.min_sentence_chars]
    return (kept or [text.strip()])[: settings.max_sentences]


def _cue_pattern(cues: Iterable[str]) -> re.Pattern:
    ordered = sorted(cues, key=len, reverse=True)
    return re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(c) for c in ordered) + r")(?![a-z])")


CUES = {
    "refute": _cue_pattern(vocab.REFUTING),
    "hedge": _cue_pattern(vocab.HEDGING),
    "confirm": _cue_pattern(vocab.CONFIRMING),
    "negation": _cue_pattern(vocab.NEGATIONS),
}


def cue_counts(text: str) -> dict[str, int]:
    """How often each kind of cue occurs in ``text``, plus question marks and quotation marks."""
    lowered = text.lower().replace("’", "'")
    counts = {kind: len(pattern.findall(lowered)) for kind, pattern in CUES.items()}
    counts["question"] = text.count("?")
    counts["quote"] = len(QUOTE.findall(text)) // 2
    return counts


CUE_KINDS = ("refute", "hedge", "confirm", "negation", "question", "quote")


def embed(texts: Sequence[str]) -> np.ndarray:
    from storyline.embeddings import embedder

    return embedder().encode(list(texts))


def prepare_bodies(texts: Sequence[str], settings: StanceSettings) -> list[Body]:
    """Bodies split and embedded in one batch (the costly step, done once per body)."""
    split = [split_sentences(t, settings) for t in texts]
    flat = [s for sentences in split for s in sentences]
    vectors = embed(flat)
    bodies, start = [], 0
    for sentences, text in zip(split, texts, strict=True):
        end = start + len(sentences)
        bodies.append(Body(sentences, vectors[start:end], [set(words_of(s)) for s in sentences],
                           [cue_counts(s) for s in sentences], Counter(words_of(text))))
        start = end
    return bodies


def prepare_claims(texts: Sequence[str]) -> list[Claim]:
    vectors = embed(texts)
    return [
        Claim(t, v, set(words_of(t)), {n.lower() for n in NAME.findall(t)}, set(NUMBER.findall(t)))
        for t, v in zip(texts, vectors, strict=True)
    ]


def document_frequencies(bodies: Iterable[Body], settings: StanceSettings) -> dict[str, float]:
    """Smoothed IDF of each word over the training bodies (rare words dropped to keep the model small)."""
    bodies = list(bodies)
    df = Counter(w for body in bodies for w in body.counts)
    n = len(bodies)
    return {w: round(math.log((1 + n) / (1 + c)) + 1, 4) for w, c in df.items()
            if c >= settings.min_document_frequency}


def _tfidf_cosine(a: Counter, b: Counter, idf: dict[str, float], unseen: float) -> float:
    """Cosine of sublinear TF-IDF vectors; a word missing from the table weighs as the rarest do."""
    def weights(counts: Counter) -> dict[str, float]:
        return {w: (1 + math.log(c)) * idf.get(w, unseen) for w, c in counts.items()}

    wa, wb = weights(a), weights(b)
    dot = sum(v * wb[w] for w, v in wa.items() if w in wb)
    norm = math.sqrt(sum(v * v for v in wa.values())) * math.sqrt(sum(v * v for v in wb.values()))
    return dot / norm if norm else 0.0


def _max_where(cosines: np.ndarray, mask: list[bool]) -> float:
    """The best cosine among sentences of one kind (-1 when the body has none): whether the closest
    statement of the claim is hedged, denied or plain tells discuss, disagree and agree apart."""
    chosen = cosines[np.array(mask, dtype=bool)]
    return float(chosen.max()) if len(chosen) else -1.0


def _share(part: set[str], whole: set[str]) -> float:
    return len(part & whole) / len(part) if part else 0.0


FEATURE_NAMES = (
    "tfidf_cosine", "max_cosine", "top_cosine", "mean_cosine", "lead_cosine", "word_share",
    "idf_word_share", "lead_word_share", "top_word_share", "name_share", "has_names", "number_share",
    "has_numbers", "log_sentences",
    *(f"claim_{k}" for k in CUE_KINDS),
    *(f"top_{k}" for k in CUE_KINDS),
    *(f"body_{k}" for k in CUE_KINDS),
    *(f"weighted_{k}" for k in CUE_KINDS),
    "top_negated_match",
    *(f"lead_{k}" for k in CUE_KINDS),
    "max_cosine_plain", "max_cosine_hedged", "max_cosine_refuting", "max_cosine_confirming",
)


def top_sentences(claim: Claim, body: Body, settings: StanceSettings) -> tuple[np.ndarray, np.ndarray]:
    """Cosines of the claim to every body sentence, and the indices of the best ``top_sentences``."""
    cosines = body.vectors @ claim.vector
    order = np.argsort(-cosines)[: settings.top_sentences]
    return cosines, order


def pair_features(
    claim: Claim, body: Body, idf: dict[str, float], unseen: float, settings: StanceSettings
) -> np.ndarray:
    """The feature vector of one claim and one body, in ``FEATURE_NAMES`` order (``unseen``: the IDF
    of a word missing from the table)."""
    cosines, top = top_sentences(claim, body, settings)
    body_words = set(body.counts)
    lead_words = set().union(*body.words[: settings.lead_sentences])
    top_words = set().union(*(body.words[i] for i in top))
    idf_total = sum(idf.get(w, unseen) for w in claim.words)
    idf_shared = sum(idf.get(w, unseen) for w in claim.words & body_words)
    text = " ".join(body.sentences)
    lowered = text.lower()
    lead_vector = body.vectors[: settings.lead_sentences].mean(axis=0)
    claim_cues = cue_counts(claim.text)
    sentence_cues = body.cues
    top_cues = [sentence_cues[i] for i in top]
    lead_cues = sentence_cues[: settings.lead_sentences]
    weights = np.clip(cosines, 0, None) + 1e-6
    weights = weights / weights.sum()
    n = len(body.sentences)
    negated_match = max(
        (1.0 for i in top if sentence_cues[i]["negation"] and body.words[i] & claim.words), default=0.0
    )
    return np.array(
        [
            _tfidf_cosine(Counter(words_of(claim.text)), body.counts, idf, unseen),
            float(cosines.max()),
            float(cosines[top].mean()),
            float(cosines.mean()),
            float(claim.vector @ lead_vector / (np.linalg.norm(lead_vector) + 1e-9)),
            _share(claim.words, body_words),
            idf_shared / idf_total if idf_total else 0.0,
            _share(claim.words, lead_words),
            _share(claim.words, top_words),
            float(np.mean([n_ in lowered for n_ in claim.names])) if claim.names else 0.0,
            float(bool(claim.names)),
            float(np.mean([n_ in text for n_ in claim.numbers])) if claim.numbers else 0.0,
            float(bool(claim.numbers)),
            math.log1p(n),
            *(min(claim_cues[k], 3) for k in CUE_KINDS),
            *(sum(min(c[k], 3) for c in top_cues) / len(top_cues) for k in CUE_KINDS),
            *(sum(min(c[k], 3) for c in sentence_cues) / n for k in CUE_KINDS),
            *(float(sum(w * min(c[k], 3) for w, c in zip(weights, sentence_cues, strict=True)))
              for k in CUE_KINDS),
            negated_match,
            *(sum(min(c[k], 3) for c in lead_cues) / len(lead_cues) for k in CUE_KINDS),
            _max_where(cosines, [not (c["hedge"] or c["refute"] or c["question"]) for c in sentence_cues]),
            _max_where(cosines, [bool(c["hedge"] or c["question"]) for c in sentence_cues]),
            _max_where(cosines, [bool(c["refute"]) for c in sentence_cues]),
            _max_where(cosines, [bool(c["confirm"]) for c in sentence_cues]),
        ],
        dtype=np.float32,
    )


def feature_matrix(
    pairs: Sequence[tuple[int, int]], claims: Sequence[Claim], bodies: Sequence[Body],
    idf: dict[str, float], settings: StanceSettings,
) -> np.ndarray:
    """Features of (claim index, body index) pairs, one row each."""
    if not pairs:
        return np.zeros((0, len(FEATURE_NAMES)), dtype=np.float32)
    unseen = max(idf.values(), default=1.0)
    return np.stack([pair_features(claims[c], bodies[b], idf, unseen, settings) for c, b in pairs])


def _relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(x, 0)


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


@dataclass
class Network:
    """A one-hidden-layer network read from arrays: standardise, ReLU layer, softmax over ``classes``."""

    classes: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    layers: list[tuple[np.ndarray, np.ndarray]]

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        h = (x - self.mean) / self.scale
        for i, (w, b) in enumerate(self.layers):
            h = h @ w + b
            if i < len(self.layers) - 1:
                h = _relu(h)
        if h.shape[1] == 1:  # a binary network keeps one logit for the second class
            p = 1 / (1 + np.exp(-h[:, 0]))
            return np.stack([1 - p, p], axis=1)
        return _softmax(h)

    def to_json(self) -> dict:
        return {
            "classes": list(self.classes),
            "mean": self.mean.round(6).tolist(),
            "scale": self.scale.round(6).tolist(),
            "layers": [{"weights": w.round(6).tolist(), "bias": b.round(6).tolist()} for w, b in self.layers],
        }

    @classmethod
    def from_json(cls, data: dict) -> Network:
        return cls(
            tuple(data["classes"]),
            np.array(data["mean"], dtype=np.float32),
            np.array(data["scale"], dtype=np.float32),
            [(np.array(layer["weights"], dtype=np.float32), np.array(layer["bias"], dtype=np.float32))
             for layer in data["layers"]],
        )


def fit_network(x: np.ndarray, labels: Sequence[str], hidden: int, settings: StanceSettings) -> Network:
    """An MLP fitted with class weights (disagree is rare and must still be learnt)."""
    from sklearn.neural_network import MLPClassifier

    y = np.array(labels)
    classes, counts = np.unique(y, return_counts=True)
    weight_of = {c: (len(y) / (len(classes) * n)) ** settings.class_weight_power
                 for c, n in zip(classes, counts, strict=True)}
    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-6
    mlp = MLPClassifier(hidden_layer_sizes=(hidden,), alpha=settings.alpha, max_iter=settings.max_iter,
                        random_state=settings.seed)
    mlp.fit((x - mean) / scale, y, sample_weight=np.array([weight_of[c] for c in y]))
    layers = list(zip(mlp.coefs_, mlp.intercepts_, strict=True))
    return Network(tuple(mlp.classes_), mean.astype(np.float32), scale.astype(np.float32), layers)


@dataclass
class StanceModel:
    """The IDF table and the two networks: related-or-not, then agree/disagree/discuss."""

    idf: dict[str, float]
    related: Network
    stance: Network
    settings: StanceSettings = field(default_factory=StanceSettings)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """P(stance) in ``STANCES`` order: P(related) times the stance network's split of it."""
        related = self.related.probabilities(x)[:, list(self.related.classes).index("related")]
        split = self.stance.probabilities(x)
        out = np.zeros((len(x), len(STANCES)), dtype=np.float32)
        for j, label in enumerate(self.stance.classes):
            out[:, STANCES.index(label)] = related * split[:, j]
        out[:, STANCES.index("unrelated")] = 1 - related
        return out

    def predict(self, x: np.ndarray) -> list[str]:
        """Unrelated when P(related) < 1/2, else the likeliest related stance."""
        p = self.probabilities(x)
        unrelated = p[:, STANCES.index("unrelated")] >= 0.5
        related_best = np.argmax(p[:, :3], axis=1)
        return ["unrelated" if u else RELATED[j] for u, j in zip(unrelated, related_best, strict=True)]

    def save(self, path: Path = MODEL_PATH) -> None:
        data = {"features": list(FEATURE_NAMES), "idf": dict(sorted(self.idf.items())),
                "related": self.related.to_json(), "stance": self.stance.to_json()}
        path.write_text(json.dumps(data, separators=(",", ":")) + "\n")

    @classmethod
    def load(cls, path: Path = MODEL_PATH, settings: StanceSettings | None = None) -> StanceModel:
        data = json.loads(path.read_text())
        if tuple(data["features"]) != FEATURE_NAMES:
            raise ValueError(f"{path}: trained on other features; retrain: python -m storyline.claims.stance")
        return cls(data["idf"], Network.from_json(data["related"]), Network.from_json(data["stance"]),
                   settings or StanceSettings())


def fit(
    pairs: Sequence[tuple[int, int]], labels: Sequence[str], claims: Sequence[Claim], bodies: Sequence[Body],
    settings: StanceSettings,
) -> tuple[StanceModel, np.ndarray]:
    """A stance model fitted on labelled pairs; the IDF comes from the bodies those pairs use."""
    idf = document_frequencies((bodies[b] for b in sorted({b for _, b in pairs})), settings)
    x = feature_matrix(pairs, claims, bodies, idf, settings)
    related = fit_network(x, ["unrelated" if y == "unrelated" else "related" for y in labels],
                          settings.related_hidden, settings)
    keep = [i for i, y in enumerate(labels) if y != "unrelated"]
    stance = fit_network(x[keep], [labels[i] for i in keep], settings.stance_hidden, settings)
    return StanceModel(idf, related, stance, settings), x


def evidence(claim: Claim, body: Body, label: str, settings: StanceSettings) -> list[int]:
    """Sentence indices behind a stance: the closest to the claim, those with the stance's cue first."""
    cosines, _ = top_sentences(claim, body, settings)
    cue = {"disagree": ("refute", "negation"), "discuss": ("hedge", "question"), "agree": ("confirm",)}
    wanted = cue.get(label, ())
    candidates = np.argsort(-cosines)[: 2 * settings.evidence_sentences]

    def key(i: int) -> tuple[bool, float]:
        return (not any(body.cues[i][k] for k in wanted), -float(cosines[i]))

    return sorted((int(i) for i in candidates), key=key)[: settings.evidence_sentences]


# --- FNC-1 files and the claim-disjoint split -------------------------------------------------


@dataclass
class FncData:
    """FNC-1 pairs: headlines, body texts by id, (headline, body id) pairs and their stance if known."""

    bodies: dict[str, str]
    pairs: list[tuple[str, str]]
    labels: list[str] | None


def read_fnc(bodies_csv: Path, pairs_csv: Path) -> FncData:
    """FNC-1 bodies (Body ID, articleBody) and pairs (Headline, Body ID[, Stance])."""
    with bodies_csv.open(encoding="utf-8", newline="") as f:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(f)}
    with pairs_csv.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    pairs = [(row["Headline"], row["Body ID"]) for row in rows]
    missing = {b for _, b in pairs if b not in bodies}
    if missing:
        raise ValueError(f"{pairs_csv}: body ids not in {bodies_csv}: {sorted(missing)[:5]}")
    labels = [row["Stance"] for row in rows] if rows and "Stance" in rows[0] else None
    return FncData(bodies, pairs, labels)


def claim_components(data: FncData) -> list[int]:
    """Each pair's component in the graph of headlines and bodies joined by related pairs.

    A validation component shares no headline and no body (through a related pair) with training:
    as new claims would. Unrelated pairs follow their headline's component."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def root(node: tuple[str, str]) -> tuple[str, str]:
        while parent.setdefault(node, node) != node:
            parent[node] = parent.get(parent[node], parent[node])
            node = parent[node]
        return node

    assert data.labels is not None
    for (headline, body), label in zip(data.pairs, data.labels, strict=True):
        if label != "unrelated":
            parent[root(("h", headline))] = root(("b", body))
    roots = [root(("h", h)) for h, _ in data.pairs]
    index = {r: i for i, r in enumerate(dict.fromkeys(roots))}
    return [index[r] for r in roots]


def claim_disjoint_split(data: FncData, settings: StanceSettings) -> tuple[list[int], list[int]]:
    """Indices of training and validation pairs: a seeded ``validation_share`` of the components."""
    components = claim_components(data)
    ids = sorted(set(components))
    random.Random(settings.seed).shuffle(ids)
    held = set(ids[: round(settings.validation_share * len(ids))])
    train = [i for i, c in enumerate(components) if c not in held]
    valid = [i for i, c in enumerate(components) if c in held]
    return train, valid


@dataclass
class Prepared:
    """FNC-1 data with its claims and bodies embedded, and pairs as (claim index, body index)."""

    data: FncData
    claims: list[Claim]
    bodies: list[Body]
    pairs: list[tuple[int, int]]


def prepare(data: FncData, settings: StanceSettings) -> Prepared:
    headlines = list(dict.fromkeys(h for h, _ in data.pairs))
    body_ids = list(dict.fromkeys(b for _, b in data.pairs))
    claims = prepare_claims(headlines)
    bodies = prepare_bodies([data.bodies[b] for b in body_ids], settings)
    h_index = {h: i for i, h in enumerate(headlines)}
    b_index = {b: i for i, b in enumerate(body_ids)}
    return Prepared(data, claims, bodies, [(h_index[h], b_index[b]) for h, b in data.pairs])


def fit_prepared(prepared: Prepared, rows: Sequence[int], settings: StanceSettings) -> StanceModel:
    assert prepared.data.labels is not None
    pairs = [prepared.pairs[i] for i in rows]
    labels = [prepared.data.labels[i] for i in rows]
    model, _ = fit(pairs, labels, prepared.claims, prepared.bodies, settings)
    return model


def predict_prepared(model: StanceModel, prepared: Prepared, rows: Sequence[int]) -> list[str]:
    pairs = [prepared.pairs[i] for i in rows]
    return model.predict(feature_matrix(pairs, prepared.claims, prepared.bodies, model.idf, model.settings))


def main(argv: Sequence[str] | None = None) -> None:
    """Train the shipped model on all of fnc1-dev and write it to ``MODEL_PATH``."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("fnc1_dev", type=Path, help="folder with bodies.csv and stances.csv")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    settings = StanceSettings()
    data = read_fnc(args.fnc1_dev / "bodies.csv", args.fnc1_dev / "stances.csv")
    prepared = prepare(data, settings)
    model = fit_prepared(prepared, range(len(data.pairs)), settings)
    model.save(args.out)
    print(f"stance model trained on {len(data.pairs)} pairs → {args.out}")


if __name__ == "__main__":
    main()
