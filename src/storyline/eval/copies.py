"""Copy detection on synthetic copies of real articles; independent reports of one event as hard negatives.

Originals are FNC-1 training bodies that share no text with any other body (so the only copies are the
ones made here). Each original gets up to two copies, made deterministically (seeded):

* ``exact``: the same body re-published;
* ``near``: a word changed, dropped or mistyped about every hundred words, maybe a boilerplate line added;
* ``syndicated``: a new headline line (and sometimes a byline), the last 1-3 paragraphs cut;
* ``paraphrase``: a spun copy: synonym swaps, clauses swapped around a comma, neighbouring sentences
  swapped, sentences and a paragraph dropped;

and some copies are copied again (a copy of a copy must point to the root). Hard negatives are the
giveme5w1h articles: several outlets' independent reports of each of 69 events; those that share half
their text with another article there (real wire re-publications) are left out of the false-positive
count. Everything goes through one ``CopyDetector`` in publication order, as in the pipeline.

Features are built as ``pipeline.analyse`` builds them (sentence vectors of all-MiniLM-L6-v2, document
vector = normalised mean, MinHash of the text) except that sentences are split by a regular expression
instead of spaCy, which keeps the run within minutes. A detected copy is right when ``copy_of`` points to
any member of its true copy family. Per kind: precision by the kind the detector gave, recall by the
true kind, and kind accuracy (detected kind = true kind) over correctly linked first-generation copies.
"""

from __future__ import annotations

import csv
import json
import random
import re
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from storyline.copies import CopyDetector, CopySettings, minhash_of, shingles
from storyline.model import Document, Features

NAME = "copies"

KINDS = ("exact", "near", "syndicated", "paraphrase")
ORIGINALS = 300
ORIGINALS_QUICK = 80
QUICK_EVENTS = 20  # giveme5w1h events in a quick run
SEED = 5
MIN_ORIGINAL_WORDS = 120
MIN_ORIGINAL_SENTENCES = 5
FOREIGN_CONTAINMENT = 0.2  # an FNC body sharing this much text with another body is not a clean original
SHARED_TEXT_CONTAINMENT = 0.5  # a giveme5w1h article sharing this much with another is a re-publication

SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "officials": "authorities",
    "official": "representative", "people": "individuals", "help": "assist", "helped": "assisted",
    "show": "demonstrate", "showed": "demonstrated", "shows": "demonstrates", "big": "large",
    "buy": "purchase", "bought": "purchased", "start": "begin", "started": "began", "about": "around",
    "many": "numerous", "also": "additionally", "but": "however", "because": "since", "want": "wish",
    "wanted": "wished", "need": "require", "needed": "required", "use": "utilize", "used": "utilized",
    "get": "obtain", "got": "obtained", "make": "create", "made": "created", "important": "significant",
    "try": "attempt", "tried": "attempted", "reported": "stated", "report": "account", "increase": "rise",
    "asked": "requested", "killed": "slain", "found": "discovered", "near": "close to", "country": "nation",
    "video": "footage", "week": "seven days", "group": "organisation", "company": "firm", "car": "vehicle",
    "children": "kids", "home": "house", "believe": "think", "believed": "thought", "claimed": "alleged",
    "claims": "allegations", "claim": "allegation", "attack": "assault", "recently": "lately",
    "however": "nevertheless", "before": "prior to", "after": "following", "during": "throughout",
    "woman": "lady", "man": "gentleman", "news": "information", "according": "as per", "later": "afterwards",
    "received": "got", "continue": "carry on", "also,": "moreover,", "first": "initial", "last": "final",
    "new": "brand-new", "old": "aged", "small": "little", "large": "huge", "several": "a number of",
    "police": "law enforcement", "government": "administration", "president": "head of state",
    "city": "town", "area": "region", "years": "many years", "year": "twelve months", "day": "24 hours",
    "died": "passed away", "death": "passing", "dead": "deceased", "posted": "published", "photo": "picture",
    "photos": "pictures", "image": "picture", "images": "pictures", "social": "societal", "media": "press",
    "online": "on the internet", "website": "web site", "statement": "declaration", "confirmed": "verified",
    "announced": "declared", "revealed": "disclosed", "added": "included", "explained": "described",
    "described": "characterised", "called": "referred to as", "known": "recognised", "began": "commenced",
    "went": "headed", "came": "arrived", "left": "departed", "saw": "witnessed", "seen": "witnessed",
    "took": "had taken", "gave": "offered", "give": "offer", "keep": "maintain", "kept": "maintained",
    "local": "regional", "world": "globe", "public": "general public", "family": "relatives",
    "friends": "pals", "friend": "pal", "leader": "head", "leaders": "heads", "members": "participants",
    "member": "participant", "military": "armed forces", "forces": "troops", "fighters": "militants",
    "town": "township", "house": "residence", "money": "cash", "quickly": "rapidly",
    "very": "extremely", "really": "truly", "just": "merely", "only": "solely", "still": "nonetheless",
    "while": "whilst", "although": "even though", "despite": "in spite of", "around": "approximately",
    "nearly": "almost", "almost": "practically", "across": "throughout", "between": "amongst",
    "against": "versus", "without": "with no", "within": "inside", "since": "considering that",
}
BOILERPLATE = (
    "Follow us on Twitter and Facebook for the latest updates.",
    "This article has been updated.",
    "Copyright 2015 The Example Press. All rights reserved.",
    "Click here to sign up for our daily newsletter.",
)
OPENERS = ("In fact, ", "Apparently, ", "Notably, ", "As it turns out, ")
TYPOS = ("teh", "recieve", "goverment", "alot", "untill", "wich")
SENTENCE_BREAK = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’')]))\s+(?=[\"“‘'(]?[A-Z0-9])")


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n+", text) if p.strip()]


def split_sentences(text: str) -> list[str]:
    """Sentences by a regular expression, paragraph by paragraph (the benchmark's stand-in for spaCy)."""
    return [s.strip() for p in paragraphs(text) for s in SENTENCE_BREAK.split(p) if s.strip()]


def _match_case(word: str, replacement: str) -> str:
    return replacement[0].upper() + replacement[1:] if word[0].isupper() else replacement


def near_copy(text: str, rng: random.Random) -> str:
    """The same text with a word changed, dropped or mistyped about every hundred words."""
    words = text.split(" ")
    for _ in range(max(1, len(words) // 100)):
        i = rng.randrange(len(words))
        edit = rng.choice(("typo", "drop", "synonym"))
        if edit == "drop" and len(words) > 1:
            del words[i]
        elif edit == "synonym" and words[i].lower() in SYNONYMS:
            words[i] = _match_case(words[i], SYNONYMS[words[i].lower()])
        else:
            words[i] = rng.choice(TYPOS)
    edited = " ".join(words)
    if rng.random() < 0.6:
        line = rng.choice(BOILERPLATE)
        edited = f"{line}\n{edited}" if rng.random() < 0.5 else f"{edited}\n{line}"
    return edited


def syndicated_copy(text: str, rng: random.Random) -> str:
    """A new headline (sometimes a byline) on the text with its last 1-3 paragraphs cut."""
    units = paragraphs(text)
    if len(units) < 3:
        units = split_sentences(text)
    keep = max(2, len(units) - rng.randint(1, 3))
    content = [w for w in re.findall(r"[A-Za-z]{4,}", text)]
    headline = " ".join(w.capitalize() for w in rng.sample(content, min(7, len(content))))
    lines = [headline] + (["By Staff Writer, Wire Services"] if rng.random() < 0.5 else []) + units[:keep]
    return "\n\n".join(lines)


def _swap_clauses(sentence: str) -> str:
    """``A, B.`` becomes ``B, a.``: the clumsy reordering of article spinners."""
    head, sep, tail = sentence.partition(", ")
    if not sep or len(head.split()) < 4 or len(tail.split()) < 4 or not tail.endswith("."):
        return sentence
    return f"{tail[0].upper()}{tail[1:-1]}, {head[0].lower()}{head[1:]}."


def _open(sentence: str, rng: random.Random) -> str:
    """A filler opener, as spinners add them."""
    return rng.choice(OPENERS) + sentence[0].lower() + sentence[1:] if sentence[:1].isupper() else sentence


def _spin_words(sentence: str, rng: random.Random) -> str:
    def swap(match: re.Match) -> str:
        word = match.group(0)
        synonym = SYNONYMS.get(word.lower())
        return _match_case(word, synonym) if synonym and rng.random() < 0.8 else word

    return re.sub(r"[A-Za-z]+", swap, sentence)


def paraphrase_copy(text: str, rng: random.Random) -> str:
    """A spun copy: synonyms, swapped clauses and neighbouring sentences, dropped sentences and paragraph."""
    paras = [SENTENCE_BREAK.split(p) for p in paragraphs(text)]
    if len(paras) >= 4 and rng.random() < 0.5:
        del paras[rng.randrange(1, len(paras))]
    spun = []
    for sentences in paras:
        sentences = [s for s in sentences if rng.random() >= 0.08] or sentences[:1]
        i = 0
        while i < len(sentences) - 1:
            if rng.random() < 0.15:
                sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
                i += 1
            i += 1
        sentences = [_swap_clauses(s) if rng.random() < 0.3 else s for s in sentences]
        sentences = [_open(s, rng) if rng.random() < 0.15 else s for s in sentences]
        spun.append(" ".join(_spin_words(s, rng) for s in sentences))
    return "\n\n".join(spun)


MAKE_COPY = {"exact": lambda text, rng: text, "near": near_copy, "syndicated": syndicated_copy,
             "paraphrase": paraphrase_copy}


@dataclass
class Item:
    """One document of the benchmark and what it truly is."""

    doc: Document
    family: str | None = None  # id of the original of its copy family (None for hard negatives)
    kind: str | None = None  # true copy kind; None for originals and hard negatives
    generation: int = 0  # 0 original, 1 copy, 2 copy of a copy
    independent: bool = True  # for hard negatives: shares no long text with another article


def clean_originals(datasets: Path) -> list[str]:
    """FNC-1 bodies long enough and sharing no text with any other body, in file order."""
    path = datasets / "fnc1-train-bodies" / "train_bodies.csv"
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", newline="") as f:
        bodies = [row["articleBody"] for row in csv.DictReader(f)]
    sets = [shingles(b) for b in bodies]
    owners: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(sets):
        for shingle in s:
            owners[shingle].append(i)
    shared: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for ids in owners.values():
        if 1 < len(ids) < 50:  # shingles in fifty bodies are stock phrases, not shared text
            for a in ids:
                for b in ids:
                    if a != b:
                        shared[a][b] += 1
    clean = []
    for i, body in enumerate(bodies):
        foreign = max((n / min(len(sets[i]), len(sets[j])) for j, n in shared[i].items()), default=0.0)
        if foreign < FOREIGN_CONTAINMENT and len(body.split()) >= MIN_ORIGINAL_WORDS \
                and len(split_sentences(body)) >= MIN_ORIGINAL_SENTENCES:
            clean.append(body)
    return clean


def synthetic_corpus(datasets: Path, originals: int, rng: random.Random) -> list[Item]:
    """Originals with their copies (and copies of copies), dated so that copies come later."""
    corpus: list[Item] = []
    start = date(2015, 1, 1)
    for n, body in enumerate(rng.sample(clean_originals(datasets), originals)):
        day = start + timedelta(days=rng.randrange(365))
        doc = Document(id=f"o{n}", source="fnc1", raw_text=body, text=body, published=day.isoformat(),
                       outlet=f"outlet-o{n}")
        original = Item(doc, family=doc.id)
        corpus.append(original)
        for c, kind in enumerate(rng.sample(KINDS, rng.choice((0, 1, 1, 2)))):
            copy = _copy_item(original, kind, f"o{n}c{c}", rng)
            corpus.append(copy)
            if rng.random() < 0.2:
                corpus.append(_copy_item(copy, rng.choice(KINDS), f"o{n}c{c}c", rng))
    return corpus


def _copy_item(parent: Item, kind: str, doc_id: str, rng: random.Random) -> Item:
    text = MAKE_COPY[kind](parent.doc.text, rng)
    day = date.fromisoformat(parent.doc.published) + timedelta(days=rng.randint(1, 5))
    doc = Document(id=doc_id, source="synthetic", raw_text=text, text=text, published=day.isoformat(),
                   outlet=f"outlet-{doc_id}")
    return Item(doc, family=parent.family, kind=kind, generation=parent.generation + 1)


def hard_negatives(datasets: Path, quick: bool) -> list[Item]:
    """giveme5w1h articles; those sharing half their text with another article are not independent."""
    records = []
    for path in sorted((datasets / "giveme5w1h-news-cluster").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        cluster = record["newsCluster"]
        if isinstance(cluster, str):
            cluster = {"EventId": int(re.search(r"'EventId': (\d+)", cluster)[1])}
        event = cluster["EventId"]
        records.append((event, record))
    if quick:
        events = sorted({e for e, _ in records})[:QUICK_EVENTS]
        records = [(e, r) for e, r in records if e in events]
    sets = [shingles(r["text"]) for _, r in records]
    items = []
    for i, (event, record) in enumerate(records):
        shared = max((len(sets[i] & sets[j]) / min(len(sets[i]), len(sets[j]))
                      for j in range(len(records)) if j != i), default=0.0)
        published = (record.get("date_publish") or "")[:10]
        text = record["text"]
        doc = Document(id=f"g{record['dId'][:12]}", source="giveme5w1h", raw_text=text, text=text,
                       published=published if re.fullmatch(r"\d{4}-\d\d-\d\d", published) else None,
                       outlet=record.get("source_domain"))
        items.append(Item(doc, family=f"event{event}", independent=shared < SHARED_TEXT_CONTAINMENT))
    return items


def features_of(docs: list[Document]) -> dict[str, Features]:
    """Features as ``pipeline.analyse`` computes them, with regex sentences."""
    from storyline.embeddings import sentence_features

    sentences = [split_sentences(d.text) for d in docs]
    vectors = sentence_features(sentences, [d.text[:200] for d in docs])
    return {doc.id: Features(doc.id, doc_vector, sentence_vectors, minhash_of(doc.text))
            for doc, (doc_vector, sentence_vectors) in zip(docs, vectors, strict=True)}


def detect(items: list[Item], features: dict[str, Features], settings: CopySettings | None = None) -> float:
    """Run one detector over the items in the pipeline's order; returns the seconds it took."""
    ordered = sorted(items, key=lambda it: (it.doc.published is None, it.doc.published or "",
                                            -len(it.doc.text)))
    detector = CopyDetector([], {}, settings=settings)
    started = time.perf_counter()
    for item in ordered:
        detector.assign(item.doc, features[item.doc.id])
    return time.perf_counter() - started


def score(items: list[Item]) -> dict[str, float]:
    """Precision (by detected kind), recall and kind accuracy (by true kind) of the links; false positives."""
    family_of = {it.doc.id: it.family for it in items}
    synthetic = [it for it in items if it.doc.source != "giveme5w1h"]
    figures: dict[str, float] = {}
    right = [it for it in synthetic if it.kind and it.doc.copy_of and family_of[it.doc.copy_of] == it.family]
    flagged = [it for it in items if it.doc.copy_kind]
    for kind in KINDS:
        detected = [it for it in flagged if it.doc.copy_kind == kind and it.doc.source != "giveme5w1h"]
        true = [it for it in synthetic if it.kind == kind]
        first = [it for it in right if it.kind == kind and it.generation == 1]
        figures[f"{kind}_precision"] = _share([it for it in detected if it in right], detected)
        figures[f"{kind}_recall"] = _share([it for it in true if it in right], true)
        figures[f"{kind}_kind_accuracy"] = _share([it for it in first if it.doc.copy_kind == kind], first)
        figures[f"{kind}_copies"] = float(len(true))
    copies = [it for it in synthetic if it.kind]
    figures["precision"] = _share(right, [it for it in flagged if it.doc.source != "giveme5w1h"])
    figures["recall"] = _share(right, copies)
    originals = [it for it in synthetic if not it.kind]
    figures["original_false_positive_rate"] = _share([it for it in originals if it.doc.copy_of], originals)
    negatives = [it for it in items if it.doc.source == "giveme5w1h" and it.independent]
    false = [it for it in negatives if it.doc.copy_of]
    figures["hard_negatives"] = float(len(negatives))
    figures["hard_negative_false_positive_rate"] = _share(false, negatives)
    figures["hard_negative_specificity"] = 1.0 - figures["hard_negative_false_positive_rate"]
    return figures


def _share(part: list, whole: list) -> float:
    return len(part) / len(whole) if whole else 1.0


def run(datasets: Path, quick: bool) -> dict[str, float]:
    rng = random.Random(SEED)
    corpus = synthetic_corpus(datasets, ORIGINALS_QUICK if quick else ORIGINALS, rng)
    items = corpus + hard_negatives(datasets, quick)
    started = time.perf_counter()
    features = features_of([it.doc for it in items])
    embedding_seconds = time.perf_counter() - started
    detector_seconds = detect(items, features)
    figures = score(items)
    figures["documents"] = float(len(items))
    figures["detector_seconds_per_1000_documents"] = 1000 * detector_seconds / len(items)
    figures["embedding_seconds_per_1000_documents"] = 1000 * embedding_seconds / len(items)
    return figures
