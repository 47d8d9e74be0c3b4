"""The pipeline: ingest → clean → annotate (entities, dates, quantities, claims, events) → copies →
stories, stored batch by batch; then per story: entities, claim groups, timeline and summary."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np

from storyline import settings
from storyline.annotate import annotate, dates
from storyline.annotate.entities import canonical_entities, link_speakers
from storyline.annotate.nlp import parse
from storyline.claims.extract import claims_of
from storyline.claims.groups import group_claims, sentence_support
from storyline.clean import clean_document
from storyline.copies import CopyDetector, minhash_of
from storyline.embeddings import DIMENSION, Embedder, embedder, sentence_features, unit
from storyline.events import events_of, redate_events
from storyline.ingest import read_inputs
from storyline.model import Annotation, Document, Dossier, Features, ReadError, ReadWarning, Story
from storyline.store import Store
from storyline.stories import StoryClusterer, StorySettings, story_title
from storyline.summarize import Candidate, is_body_sentence, summarize
from storyline.timeline import build_timeline, story_events

Progress = Callable[[str, int], None]  # (what happened, how many)


@dataclass
class IngestResult:
    added: list[str] = field(default_factory=list)
    skipped: int = 0
    errors: list[ReadError] = field(default_factory=list)
    warnings: list[ReadWarning] = field(default_factory=list)


def _noop(_: str, __: int) -> None:
    pass


def analyse(docs: list[Document]) -> tuple[list[tuple[Document, Annotation, Features]], list[ReadError]]:
    """Clean, parse and annotate a batch of documents and compute their features.

    A document that fails becomes a ``ReadError``; one that cleaning would empty keeps its raw text with a
    warning (``Document.warnings``), so only a document without any text is an error here."""
    model = embedder()
    errors: list[ReadError] = []
    cleaned: list[Document] = []
    for doc in docs:
        try:
            clean_document(doc, model)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
            errors.append(ReadError(doc.source, f"cleaning failed: {type(exc).__name__}: {exc}"))
            continue
        if not doc.text.strip():
            errors.append(ReadError(doc.source, "no text"))
            continue
        cleaned.append(doc)
    annotated: list[tuple[Document, Annotation]] = []
    for doc, spacy_doc in zip(cleaned, parse([d.text for d in cleaned]), strict=True):
        try:
            annotation = annotate(doc, spacy_doc)
            annotation.claims = claims_of(spacy_doc, annotation)
            annotation.events = events_of(spacy_doc, annotation)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
            errors.append(ReadError(doc.source, f"annotation failed: {type(exc).__name__}: {exc}"))
            continue
        annotated.append((doc, annotation))
    vectors = sentence_features([[s.text for s in a.sentences] for _, a in annotated],
                                [doc.title or doc.text[:200] for doc, _ in annotated], model)
    out = []
    for (doc, annotation), (doc_vector, sentence_vectors) in zip(annotated, vectors, strict=True):
        features = Features(
            document=doc.id,
            doc_vector=doc_vector,
            sentence_vectors=sentence_vectors,
            minhash=minhash_of(doc.text),
            data={"entities": sorted({m.attributes.get("canonical", m.text) for m in annotation.mentions}),
                  "published": doc.published},
        )
        out.append((doc, annotation, features))
    return out, errors


def _original_first(doc: Document) -> tuple:
    """Order in which copies are detected: earliest, then most complete, then the origin's own copy."""
    republished = bool(doc.outlet and doc.origin and doc.origin.lower() not in doc.outlet.lower())
    return (doc.published is None, doc.published or "", -len(doc.text), republished)


def _unique_id(doc: Document, taken: set[str]) -> None:
    if doc.id in taken:
        doc.id = f"{doc.id}-{doc.content_hash[:8]}"
    taken.add(doc.id)


def ingest(inputs: Iterable[str], store: Store, progress: Progress = _noop,
           story_settings: StorySettings | None = None,
           batch_documents: int = settings.BATCH_DOCUMENTS) -> IngestResult:
    """Read inputs into the store, ``batch_documents`` per transaction; content already stored is skipped."""
    result = IngestResult()
    known_hashes = store.known_hashes()
    taken_ids = store.known_ids()
    stored = store.documents(full=False)
    detector = CopyDetector.from_store(store, stored)
    clusterer = StoryClusterer(store.story_states(), story_settings)
    story_of = {d.id: d.story for d in stored if d.story}
    known = {d.id: d for d in stored}
    records = read_inputs(inputs)
    while batch := list(itertools.islice(records, batch_documents)):
        errors = [r for r in batch if isinstance(r, ReadError)]
        fresh: list[Document] = []
        for doc in (r for r in batch if isinstance(r, Document)):
            if doc.content_hash in known_hashes:
                result.skipped += 1
                continue
            known_hashes.add(doc.content_hash)
            _unique_id(doc, taken_ids)
            fresh.append(doc)
        analysed, failed = analyse(fresh)
        errors += failed
        for error in errors:
            progress(f"error: {error.source}: {error.error}", 0)
        warnings = [ReadWarning(d.source, w, d.id) for d, _, _ in analysed for w in d.warnings]
        for warning in warnings:
            progress(f"warning: {warning.source}: {warning.warning}", 0)
        analysed.sort(key=lambda item: _original_first(item[0]))
        relinked: dict[str, Document] = {}  # stored documents whose copy root, origin or story changed
        for doc, _, features in analysed:
            relinked.update((d.id, d) for d in detector.assign(doc, features))
            clusterer.assign(doc, features, story_of)
            known[doc.id] = doc
        changes = clusterer.take_changes()
        for doc_id, story in changes.moved.items():  # earlier documents the story re-clustering moved
            known[doc_id].story = story
            relinked[doc_id] = known[doc_id]
        batch_ids = {d.id for d, _, _ in analysed}
        with store.transaction():
            store.add_documents(analysed)
            store.update_links(d for d in relinked.values() if d.id not in batch_ids)
            store.save_story_states(changes.states, changes.states)
            store.remove_stories(changes.removed)
            store.record_errors(errors)
            store.clear_errors({d.source for d, _, _ in analysed})
        result.added.extend(d.id for d, _, _ in analysed)
        result.errors.extend(errors)
        result.warnings.extend(warnings)
        progress("documents", len(batch))
    return result


def build_story(store: Store, story_id: str) -> Story:
    """The dossier section of one story from its stored documents and annotations."""
    doc_ids = store.story_documents(story_id)
    docs = {d.id: d for d in store.documents(doc_ids)}
    annotations = store.annotations(doc_ids)
    dates.infer_references([docs[d] for d in doc_ids], annotations)
    for annotation in annotations.values():
        if annotation.reference_inferred:
            redate_events(annotation)
    ordered = [annotations[d] for d in doc_ids]
    entities = canonical_entities(ordered)
    claims = [c for a in ordered for c in a.claims]
    link_speakers(claims, ordered, entities)
    model = embedder()
    groups = group_claims(claims, model.encode([c.content for c in claims]), docs, annotations)
    support = sentence_support(groups, claims)
    events, told = story_events([e for a in ordered for e in a.events], docs, model.encode)
    timeline = build_timeline(events, told, {k: g for k, (g, _) in support.items()})
    candidates, vectors = summary_candidates(ordered, docs, store.features(doc_ids), model)
    summary = summarize(candidates, vectors, groups, claims, support)
    title = story_title([docs[d] for d in doc_ids]) or _text_start(docs[doc_ids[0]].text) or story_id
    return Story(id=story_id, title=title, documents=doc_ids, entities=entities, claims=claims,
                 claim_groups=groups, events=events, timeline=timeline, summary=summary)


def summary_candidates(annotations: list[Annotation], docs: dict[str, Document],
                       features: dict[str, Features], model: Embedder) -> tuple[list[Candidate], np.ndarray]:
    """The body sentences of a story's originals (copies only repeat them) with their unit vectors: the
    ones the build stored, embedded again only for a document stored without them."""
    candidates: list[Candidate] = []
    vectors: list[np.ndarray | None] = []
    for a in annotations:
        doc = docs[a.document]
        if doc.copy_of:
            continue
        stored = features[a.document].sentence_vectors if a.document in features else None
        stored = stored if stored is not None and len(stored) == len(a.sentences) else None
        for position, s in enumerate(a.sentences):
            if is_body_sentence(s.text, doc):
                candidates.append((a.document, s.index, s.text))
                vectors.append(None if stored is None else stored[position])
    missing = [k for k, v in enumerate(vectors) if v is None]
    for k, vector in zip(missing, model.encode([candidates[k][2] for k in missing]), strict=True):
        vectors[k] = vector
    return candidates, (unit(np.stack(vectors).astype(np.float32)) if vectors
                        else np.zeros((0, DIMENSION), dtype=np.float32))


def _text_start(text: str, words: int = 12) -> str:
    """A label for a story none of whose documents has a title: the start of a text, in quotes."""
    found = text.split()
    return "“" + " ".join(found[:words]) + ("…”" if len(found) > words else "”") if found else ""


def report(store: Store, progress: Progress = _noop) -> Dossier:
    """The dossier of everything in the store; only stories that changed are recomputed."""
    for story_id in store.dirty_stories():
        story = build_story(store, story_id)
        with store.transaction():
            store.save_story(story)
        progress("stories", 1)
    return Dossier(documents=store.documents(), errors=store.errors(), stories=store.stories(),
                   warnings=store.warnings())
