"""Cleaning on the development corpora: is any article lost, how much text goes, which titles are refused.

Ingest and clean only (no parsing, no story stages), per corpus of ``datasets``:
``giveme5w1h-news-cluster`` (news-please JSON), ``stories-lookalike-dev/docs`` (plain text with headers),
``fnc1-dev/bodies.csv`` (bodies without titles) and ``article-extraction-benchmark/html`` (pages).

Printed per corpus: documents, documents cleaning would have emptied (kept with their raw text and a
warning; goal 0), documents left without text (must be 0), given titles refused and documents without a
title, tokenized texts, words before and after cleaning, and removals by kind.

Off-topic removal by sentence embeddings costs about two CPU seconds a document, an hour for these
corpora on a shared machine: every document is cleaned with the orthographic rules, and a fixed sample
of ``EMBEDDED_SAMPLE`` documents per corpus again with the embedder, so that off-topic removal is
checked too (``<corpus>_embedded_*``, with the pipeline's default word vectors for the off-topic check;
``<corpus>_<kind>_embedded_*`` the same sample with the other kind, in the same run). Gate figures
are shares, so that "value >= floor" holds them:
``<corpus>_kept_share`` (documents with text, floor 1.0), ``<corpus>_not_emptied_share`` (documents
cleaning did not empty) and ``<corpus>_kept_word_share`` (words left after cleaning: a rule that starts
taking article text shows here)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storyline.clean import EMPTIED_WARNING, OfftopicSettings, clean_document
from storyline.clean.offtopic import WORD_VECTORS
from storyline.clean.tokens import is_tokenized
from storyline.eval import SCORING_TOKEN
from storyline.eval.story_corpora import fnc1_documents
from storyline.ingest import metadata, read_file
from storyline.ingest.decode import decode
from storyline.ingest.text import split_header
from storyline.model import Document

NAME = "cleaning"

QUICK_DOCUMENTS = 40  # per corpus
EMBEDDED_SAMPLE = 10  # per corpus, cleaned again with the embedder (every k-th document)


@dataclass
class Tally:
    """Counts of one corpus."""

    documents: int = 0
    read_errors: int = 0
    emptied: int = 0
    without_text: int = 0
    titles_given: int = 0
    titles_refused: Counter[str] = field(default_factory=Counter)
    untitled: int = 0
    tokenized: int = 0
    words_before: int = 0
    words_after: int = 0
    removals: Counter[str] = field(default_factory=Counter)
    removed_words: Counter[str] = field(default_factory=Counter)


def words(text: str) -> int:
    """Word count that detokenizing does not change ("Peru 's" and "Peru's" are two)."""
    return len(SCORING_TOKEN.findall(text))


def given_title(path: Path) -> str | None:
    """The title a file states (news-please ``title``, a ``title`` header line), before any check."""
    if path.suffix == ".json":
        record = json.loads(path.read_text(encoding="utf-8"))
        return record.get("title") if isinstance(record, dict) else None
    if path.suffix == ".txt":
        return split_header(decode(path.read_bytes()))[0].get("title")
    return None


def corpora(datasets: Path) -> dict[str, list[Path] | Path]:
    """The development corpora that are present: file lists, or the FNC-1 bodies file."""
    found: dict[str, list[Path] | Path] = {}
    files = {
        "giveme5w1h": sorted((datasets / "giveme5w1h-news-cluster").glob("*.json")),
        "lookalike": sorted((datasets / "stories-lookalike-dev" / "docs").glob("*.txt")),
        "extraction": sorted((datasets / "article-extraction-benchmark" / "html").glob("*.html.gz")),
    }
    for name in ("giveme5w1h", "lookalike"):
        if files[name]:
            found[name] = files[name]
    if (datasets / "fnc1-dev" / "bodies.csv").is_file():
        found["fnc1"] = datasets / "fnc1-dev" / "bodies.csv"
    if files["extraction"]:
        found["extraction"] = files["extraction"]
    return found


def documents_of(source: list[Path] | Path, tally: Tally, limit: int | None) -> Iterator[Document]:
    """Documents of one corpus, counting read errors and the titles the files gave."""
    if isinstance(source, Path):
        for n, doc in enumerate(fnc1_documents(source)):
            if limit is not None and n >= limit:
                return
            yield doc
        return
    for path in source[:limit]:
        title = given_title(path)
        for item in read_file(str(path)):
            if not isinstance(item, Document):
                tally.read_errors += 1
                continue
            if title and title.strip():
                tally.titles_given += 1
                if item.title is None:
                    reason = metadata.title_problem(title.strip(), metadata.story_text(item.raw_text),
                                                    item.outlet, item.url)
                    tally.titles_refused[reason or "other"] += 1
            yield item


def count(doc: Document, tally: Tally) -> None:
    """Add one cleaned document to the tally."""
    tally.documents += 1
    tally.emptied += any(w.startswith(EMPTIED_WARNING) for w in doc.warnings)
    tally.without_text += not doc.text.strip()
    tally.untitled += doc.title is None
    tally.tokenized += is_tokenized(doc.raw_text)
    tally.words_before += words(doc.raw_text)
    tally.words_after += words(doc.text)
    for removal in doc.removed:
        tally.removals[removal.kind] += 1
        tally.removed_words[removal.kind] += words(removal.text)


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def embedded_figures(prefix: str, embedded: Tally) -> dict[str, float]:
    """Figures of the sample cleaned with the embedder, named ``<prefix>_embedded_*``."""
    return {
        f"{prefix}_embedded_documents": float(embedded.documents),
        f"{prefix}_embedded_kept_share": _share(embedded.documents - embedded.without_text,
                                                embedded.documents),
        f"{prefix}_embedded_not_emptied_share": _share(embedded.documents - embedded.emptied,
                                                       embedded.documents),
        f"{prefix}_embedded_removed_word_share": 1 - _share(embedded.words_after, embedded.words_before),
        f"{prefix}_embedded_offtopic_removals": float(embedded.removals["offtopic"]),
    }


def figures(name: str, tally: Tally, embedded: dict[str, Tally]) -> dict[str, float]:
    """A corpus's figures; ``embedded`` holds the sample's tally by kind of off-topic word vectors."""
    default = OfftopicSettings().word_vectors
    out = {
        f"{name}_documents": float(tally.documents),
        f"{name}_read_errors": float(tally.read_errors),
        f"{name}_emptied": float(tally.emptied),
        f"{name}_without_text": float(tally.without_text),
        f"{name}_kept_share": _share(tally.documents - tally.without_text, tally.documents),
        f"{name}_not_emptied_share": _share(tally.documents - tally.emptied, tally.documents),
        f"{name}_titles_given": float(tally.titles_given),
        f"{name}_titles_refused": float(sum(tally.titles_refused.values())),
        f"{name}_untitled": float(tally.untitled),
        f"{name}_tokenized": float(tally.tokenized),
        f"{name}_words_before": float(tally.words_before),
        f"{name}_words_after": float(tally.words_after),
        f"{name}_removed_word_share": 1 - _share(tally.words_after, tally.words_before),
        f"{name}_kept_word_share": _share(tally.words_after, tally.words_before),
    }
    for kind, sample in embedded.items():
        out.update(embedded_figures(name if kind == default else f"{name}_{kind}", sample))
    refused = tally.titles_refused.items()
    out.update({f"{name}_refused_{reason.replace(' ', '_')}": float(n) for reason, n in refused})
    out.update({f"{name}_removals_{kind}": float(n) for kind, n in sorted(tally.removals.items())})
    out.update({f"{name}_removed_words_{kind}": float(n) for kind, n in sorted(tally.removed_words.items())})
    return out


def run(datasets: Path, quick: bool) -> dict[str, float]:
    """Every present corpus cleaned without the embedder; a sample of each with it (not in quick runs)."""
    found = corpora(datasets)
    if not found:
        raise FileNotFoundError(f"no development corpora in {datasets}")
    model = None
    if not quick:
        from storyline.embeddings import embedder

        model = embedder()
    out: dict[str, float] = {}
    for name, source in found.items():
        tally, embedded = Tally(), {kind: Tally() for kind in WORD_VECTORS}
        docs = list(documents_of(source, tally, QUICK_DOCUMENTS if quick else None))
        step = max(1, len(docs) // EMBEDDED_SAMPLE)
        for n, doc in enumerate(docs):
            clean_document(doc, None)
            count(doc, tally)
            if model is not None and n % step == 0 and n // step < EMBEDDED_SAMPLE:
                for kind, sample in embedded.items():
                    clean_document(doc, model, OfftopicSettings(kind))
                    count(doc, sample)
        out.update(figures(name, tally, embedded))
    return out
