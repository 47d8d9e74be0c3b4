"""The pipeline: ingest → clean → annotate (entities, dates, quantities, claims, events) → copies →
stories, stored batch by batch; then per story: entities, claim groups, timeline and summary."""

from __future__ import annotations

import itertools
import re
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from storyline import settings
from storyline.annotate import annotate, dates
from storyline.annotate.entities import canonical_entities, link_speakers
from storyline.annotate.nlp import ParseMemory, parse
from storyline.claims.extract import claims_of
from storyline.claims.groups import group_claims, read_claims, sentence_support
from storyline.clean import Draft, draft, finish
from storyline.copies import CopyDetector, minhash_of
from storyline.embeddings import Embedder, embedder, sentence_features, stored_or_encoded, text_vectors
from storyline.events import events_of, redate_events
from storyline.ingest import read_inputs
from storyline.model import Annotation, Document, Dossier, Features, ReadError, ReadWarning, Story
from storyline.store import Store
from storyline.stories import StoryClusterer, StorySettings, story_title, without_documents
from storyline.summarize import summarize, summary_candidates
from storyline.timeline import build_timeline, story_events

Progress = Callable[[str, int], None]  # (what happened, how many)


@dataclass
class IngestResult:
    added: list[str] = field(default_factory=list)
    skipped: int = 0
    replaced: list[str] = field(default_factory=list)  # earlier versions of sources read again, deleted
    hashes: set[str] = field(default_factory=set)  # content of every document read, new or already stored
    errors: list[ReadError] = field(default_factory=list)
    warnings: list[ReadWarning] = field(default_factory=list)


def _noop(_: str, __: int) -> None:
    pass


Analysed = tuple[list[tuple[Document, Annotation, Features]], list[ReadError]]


@dataclass
class AnalysisMemory:
    """Parses an analysing process keeps between batches, so that an exact copy of a document analysed
    earlier (the same cleaned text: a wire report re-published in a later batch) is parsed neither whole
    nor claim by claim (the embedder keeps vectors by text, so it is not embedded again either). Its
    annotation is still made from the parse, with its own id and publication date ("on Thursday")."""

    # about one batch of documents (a 600-word parse holds ~0.35 MB: ~70 MB), and of their claim
    # contents (about 10 a document, ~10 KB each)
    documents: ParseMemory = field(default_factory=lambda: ParseMemory(settings.BATCH_DOCUMENTS))
    contents: ParseMemory = field(default_factory=lambda: ParseMemory(10 * settings.BATCH_DOCUMENTS))


def analyse(docs: list[Document], processes: int = settings.SPACY_PROCESSES,
            memory: AnalysisMemory | None = None) -> Analysed:
    """Clean, parse and annotate a batch of documents and compute their features: the per-document work,
    which needs nothing of the corpus (engines run it where they like; the store sees only the results).

    A document that fails becomes a ``ReadError``; one that cleaning would empty keeps its raw text with a
    warning (``Document.warnings``), so only a document without any text is an error here. ``processes``:
    spaCy processes for the parse; ``memory``: parses kept from earlier batches (none: parse all)."""
    memory = memory or AnalysisMemory(ParseMemory(0), ParseMemory(0))
    model = embedder()
    errors: list[ReadError] = []
    cleaned = _clean(docs, model, errors)
    annotated: list[tuple[Document, Annotation]] = []
    parsed = parse([d.text for d in cleaned], processes=processes, memory=memory.documents)
    for doc, spacy_doc in zip(cleaned, parsed, strict=True):
        try:
            annotation = annotate(doc, spacy_doc)
            annotation.claims = claims_of(spacy_doc, annotation)
            annotation.events = events_of(spacy_doc, annotation)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
            errors.append(ReadError(doc.source, f"annotation failed: {type(exc).__name__}: {exc}"))
            continue
        annotated.append((doc, annotation))
    _read_claims([a for _, a in annotated], memory.contents)
    vectors = sentence_features([[s.text for s in a.sentences] for _, a in annotated],
                                [doc.title or doc.text[:200] for doc, _ in annotated], model)
    # claim contents are embedded when a story's grouping first compares them (``build_story``)
    event_vectors = text_vectors([[e.text for e in a.events] for _, a in annotated], model)
    out = []
    for (doc, annotation), (doc_vector, sentence_vectors), told in zip(
            annotated, vectors, event_vectors, strict=True):
        features = Features(
            document=doc.id,
            doc_vector=doc_vector,
            sentence_vectors=sentence_vectors,
            event_vectors=told,
            minhash=minhash_of(doc.text),
            data={"entities": sorted({m.attributes.get("canonical", m.text) for m in annotation.mentions}),
                  "published": doc.published},
        )
        out.append((doc, annotation, features))
    return out, errors


def _read_claims(annotations: list[Annotation], memory: ParseMemory) -> None:
    """Each annotation's ``claim_readings``: the batch's claim contents parsed in one call (a story
    rebuilt later reads them instead of parsing them again)."""
    readings = iter(read_claims([c for a in annotations for c in a.claims], memory=memory))
    for annotation in annotations:
        annotation.claim_readings = list(itertools.islice(readings, len(annotation.claims)))


def _clean(docs: list[Document], model: Embedder, errors: list[ReadError]) -> list[Document]:
    """The documents cleaned, those that fail or have no text as ``errors``. The sentences every
    document's off-topic check compares are embedded in one call first: sorted by length across the
    batch, they pad less than document by document (about 20% less CPU on FNC-1 bodies)."""
    drafts: list[Draft] = []
    for doc in docs:
        try:
            drafts.append(draft(doc))
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
            errors.append(ReadError(doc.source, f"cleaning failed: {type(exc).__name__}: {exc}"))
    model.encode([t for d in drafts for t in d.coherence_texts()])  # into the cache, for ``finish``
    cleaned: list[Document] = []
    for drafted in drafts:
        doc = drafted.doc
        try:
            finish(drafted, model)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
            errors.append(ReadError(doc.source, f"cleaning failed: {type(exc).__name__}: {exc}"))
            continue
        if not doc.text.strip():
            errors.append(ReadError(doc.source, "no text"))
            continue
        cleaned.append(doc)
    return cleaned


def _original_first(doc: Document) -> tuple:
    """Order in which copies are detected: earliest, then most complete, then the origin's own copy."""
    republished = bool(doc.outlet and doc.origin and doc.origin.lower() not in doc.outlet.lower())
    return (doc.published is None, doc.published or "", -len(doc.text), republished)


def _unique_id(doc: Document, taken: set[str]) -> None:
    if doc.id in taken:
        doc.id = f"{doc.id}-{doc.content_hash[:8]}"
    taken.add(doc.id)


@dataclass
class _Corpus:
    """What ingest keeps in memory of the stored corpus: content and ids taken, the copy index, the story
    clusterer and every document's story."""

    hashes: set[str]
    ids: set[str]
    detector: CopyDetector
    clusterer: StoryClusterer
    known: dict[str, Document]
    story_of: dict[str, str]

    @classmethod
    def load(cls, store: Store, story_settings: StorySettings | None) -> _Corpus:
        stored = store.documents(full=False)
        return cls(store.known_hashes(), store.known_ids(), CopyDetector.from_store(store, stored),
                   StoryClusterer(store.story_states(), story_settings), {d.id: d for d in stored},
                   {d.id: d.story for d in stored if d.story})

    def forget(self, store: Store, ids: Iterable[str]) -> None:
        """Take documents just deleted from the store out, in place: their content and ids become free,
        and only what their deletion changed is read back (their copies' links, their stories' states),
        so the cost follows what was deleted, not the size of the store."""
        gone = [self.known.pop(i) for i in ids if i in self.known]
        self.hashes.difference_update(d.content_hash for d in gone)
        self.ids.difference_update(d.id for d in gone)
        for doc in gone:
            self.story_of.pop(doc.id, None)
        self.detector.forget([d.id for d in gone], lambda orphans: {
            d.id: (d.copy_of, d.copy_kind) for d in store.documents(orphans, full=False)})
        stories = {d.story for d in gone if d.story}
        self.clusterer.reread(stories, store.story_states(stories))


class Engine(Protocol):
    """Where the per-document work (``analyse``) runs. Ingest streams it the batches as they are read and
    stores each result, in order, from this process (the store's one writer); an engine may analyse
    later batches while an earlier one is stored."""

    where: str  # where the work runs, said to the user

    def analyse_stream(self, batches: Iterable[list[Document]]) -> Iterator[Analysed]: ...


@dataclass
class LocalEngine:
    """This process, one batch at a time (spaCy forks its own processes for a large batch)."""

    where: str = "this process"
    memory: AnalysisMemory = field(default_factory=AnalysisMemory)

    def analyse_stream(self, batches: Iterable[list[Document]]) -> Iterator[Analysed]:
        return (analyse(batch, memory=self.memory) for batch in batches)


@dataclass
class _Batch:
    """One batch of records as read: its read errors, its new documents and how many records it held."""

    errors: list[ReadError]
    fresh: list[Document]
    size: int


def _followed_file(source: str) -> str | None:
    """The file a document was read from (``FILE#N`` is a record of FILE); None for stdin and uploads,
    which have no later version to follow."""
    file = re.sub(r"#\d+$", "", source)
    return None if file == "-" or file.startswith("upload:") else file


def ingest(inputs: Iterable[str], store: Store, progress: Progress = _noop,
           story_settings: StorySettings | None = None,
           batch_documents: int = settings.BATCH_DOCUMENTS, exclude: Iterable[str] = (),
           engine: Engine | None = None) -> IngestResult:
    """Read inputs into the store, ``batch_documents`` per transaction; content already stored is skipped.
    The store's own files and the paths in ``exclude`` (the output folder) are never read as news.
    ``engine`` analyses the new documents (default: this process); copies and stories are assigned here.

    The store follows its files: a file whose content changed replaces its earlier version (deleted with
    its claims, story links and timeline entries before the new one is added), and records a re-read file
    no longer holds are deleted at the end."""
    engine = engine or LocalEngine()
    result = IngestResult()
    corpus = _Corpus.load(store, story_settings)
    read: dict[str, set[str]] = {}  # file -> content hashes read from it in this run
    records = read_inputs(inputs, [*exclude, *store.files()])
    sent: deque[_Batch] = deque()  # batches handed to the engine and not stored yet, in order

    def fresh_documents() -> Iterator[list[Document]]:
        for batch in _read_batches(records, store, corpus, result, read, batch_documents, progress):
            sent.append(batch)
            yield batch.fresh

    for analysed, failed in engine.analyse_stream(fresh_documents()):
        batch = sent.popleft()
        _store_batch(store, corpus, batch, analysed, batch.errors + failed, result, progress)
    read.pop("", None)
    gone = [i for i, source, content in store.documents_of_files(read)
            if content not in read.get(_followed_file(source) or "", ())]
    if gone:
        result.replaced += _replace(store, gone, progress)
    return result


def _read_batches(records: Iterable[Document | ReadError], store: Store, corpus: _Corpus,
                  result: IngestResult, read: dict[str, set[str]], batch_documents: int,
                  progress: Progress) -> Iterator[_Batch]:
    """Batches of records with the documents to analyse: content not stored nor read before in this run,
    each with an id of its own. Earlier versions of changed files are deleted here, before their new
    versions are analysed."""
    while batch := list(itertools.islice(records, batch_documents)):
        errors = [r for r in batch if isinstance(r, ReadError)]
        docs = [r for r in batch if isinstance(r, Document)]
        for doc in docs:
            read.setdefault(_followed_file(doc.source) or "", set()).add(doc.content_hash)
            result.hashes.add(doc.content_hash)
        # a file of one document that changed: its earlier version goes first, so the new one takes its id
        # and is not taken for its copy (records are matched by content at the end: their numbers shift)
        changed = {d.source for d in docs
                   if d.content_hash not in corpus.hashes and _followed_file(d.source) == d.source}
        earlier = [i for i, _, _ in store.documents_of_sources(changed)]
        if earlier:
            replaced = _replace(store, earlier, progress)
            result.replaced += replaced
            corpus.forget(store, replaced)
        fresh: list[Document] = []
        for doc in docs:
            if doc.content_hash in corpus.hashes:
                result.skipped += 1
                continue
            corpus.hashes.add(doc.content_hash)
            _unique_id(doc, corpus.ids)
            fresh.append(doc)
        yield _Batch(errors, fresh, len(batch))


def _store_batch(store: Store, corpus: _Corpus, batch: _Batch,
                 analysed: list[tuple[Document, Annotation, Features]], errors: list[ReadError],
                 result: IngestResult, progress: Progress) -> None:
    """Say a batch's errors and warnings, and store it with its copies and stories."""
    for error in errors:
        progress(f"error: {error.source}: {error.error}", 0)
    warnings = [ReadWarning(d.source, w, d.id) for d, _, _ in analysed for w in d.warnings]
    for warning in warnings:
        progress(f"warning: {warning.source}: {warning.warning}", 0)
    _add_batch(store, corpus, analysed, errors)
    result.added.extend(d.id for d, _, _ in analysed)
    result.errors.extend(errors)
    result.warnings.extend(warnings)
    progress("documents", batch.size)


def _replace(store: Store, ids: list[str], progress: Progress) -> list[str]:
    """Delete earlier versions of sources read again (before their new versions are added)."""
    removed = remove_documents(store, ids)
    for doc_id in removed:
        progress(f"replaced: {doc_id} (its source changed)", 0)
    return removed


def _add_batch(store: Store, corpus: _Corpus, analysed: list[tuple[Document, Annotation, Features]],
               errors: list[ReadError]) -> None:
    """Copies and stories of a batch's new documents, stored in one transaction."""
    analysed.sort(key=lambda item: _original_first(item[0]))
    relinked: dict[str, Document] = {}  # stored documents whose copy root, origin or story changed
    corpus.detector.read_batch_candidates(f for _, _, f in analysed)
    for doc, _, features in analysed:
        relinked.update((d.id, d) for d in corpus.detector.assign(doc, features))
        corpus.clusterer.assign(doc, features, corpus.story_of)
        corpus.known[doc.id] = doc
    changes = corpus.clusterer.take_changes()
    for doc_id, story in changes.moved.items():  # earlier documents the story re-clustering moved
        corpus.known[doc_id].story = story
        relinked[doc_id] = corpus.known[doc_id]
    batch_ids = {d.id for d, _, _ in analysed}
    with store.transaction():
        store.add_documents(analysed)
        store.update_links(d for d in relinked.values() if d.id not in batch_ids)
        store.save_story_states(changes.states, changes.states)
        store.remove_stories(changes.removed)
        store.record_errors(errors)
        store.clear_errors({d.source for d, _, _ in analysed})


def remove_documents(store: Store, ids: Iterable[str]) -> list[str]:
    """Delete stored documents with their claims, copy links and story memberships, in one transaction;
    their stories are recomputed at the next report, or deleted when left empty. Returns the ids deleted
    (unknown ids are ignored)."""
    docs = store.documents(sorted(set(ids)), full=False)
    deleted = {d.id for d in docs}
    per_story = Counter(d.story for d in docs if d.story)
    states = store.story_states(per_story)
    with store.transaction():
        store.delete_documents(deleted)
        store.save_story_states({sid: without_documents(*states[sid], per_story[sid], deleted)
                                 for sid in per_story if sid in states}, per_story)
        store.remove_stories(store.empty_stories())
    return [d.id for d in docs]


@dataclass
class StoryInputs:
    """What building stories reads of the store (their documents, annotations and features), read for
    several stories in one query per table: DuckDB answers a lookup of a few ids by scanning the whole
    table, so reading story by story re-read the store once per story."""

    members: dict[str, list[str]]  # story -> its document ids, in ingest order
    docs: dict[str, Document]
    annotations: dict[str, Annotation]
    features: dict[str, Features]

    @classmethod
    def read(cls, store: Store, members: dict[str, list[str]]) -> StoryInputs:
        doc_ids = [d for ids in members.values() for d in ids]
        return cls(members, {d.id: d for d in store.documents(doc_ids)}, store.annotations(doc_ids),
                   store.features(doc_ids))


def build_story(store: Store, story_id: str, inputs: StoryInputs | None = None) -> Story:
    """The dossier section of one story from its stored documents and annotations (``inputs``: read
    beforehand with other stories'; default: read here)."""
    inputs = inputs or StoryInputs.read(store, store.story_members([story_id]))
    doc_ids = inputs.members[story_id]
    docs = {d: inputs.docs[d] for d in doc_ids}
    annotations = {d: inputs.annotations[d] for d in doc_ids if d in inputs.annotations}
    dates.infer_references([docs[d] for d in doc_ids], annotations)
    for annotation in annotations.values():
        if annotation.reference_inferred:
            redate_events(annotation)
    ordered = [annotations[d] for d in doc_ids]
    entities = canonical_entities(ordered)
    claims = [c for a in ordered for c in a.claims]
    link_speakers(claims, ordered, entities)
    model = embedder()
    features = {d: inputs.features[d] for d in doc_ids if d in inputs.features}
    stored = [features.get(d, Features(d)) for d in doc_ids]
    embedded: dict[str, dict[int, np.ndarray]] = {}  # what the model embedded here, to store

    def claim_vectors() -> np.ndarray:
        vectors, embedded["claim_vectors"] = stored_or_encoded(
            [[c.content for c in a.claims] for a in ordered], [f.claim_vectors for f in stored], model)
        return vectors

    groups = group_claims(claims, claim_vectors, docs, annotations)
    support = sentence_support(groups, claims)
    event_vectors, embedded["event_vectors"] = stored_or_encoded(
        [[e.text for e in a.events] for a in ordered], [f.event_vectors for f in stored], model)
    if any(embedded.values()):
        with store.transaction():
            store.save_text_vectors({column: {doc_ids[k]: v for k, v in fresh.items()}
                                     for column, fresh in embedded.items()})
    events, told = story_events([e for a in ordered for e in a.events], docs, event_vectors)
    timeline = build_timeline(events, told, {k: g for k, (g, _) in support.items()})
    candidates, vectors = summary_candidates(ordered, docs, features, model)
    summary = summarize(candidates, vectors, groups, claims, support)
    title = story_title([docs[d] for d in doc_ids]) or _text_start(docs[doc_ids[0]].text) or story_id
    return Story(id=story_id, title=title, documents=doc_ids, entities=entities, claims=claims,
                 claim_groups=groups, events=events, timeline=timeline, summary=summary)


def _text_start(text: str, words: int = 12) -> str:
    """A label for a story none of whose documents has a title: the start of a text, in quotes."""
    found = text.split()
    return "“" + " ".join(found[:words]) + ("…”" if len(found) > words else "”") if found else ""


def _embed_compared_claims(inputs: StoryInputs) -> None:
    """The claim contents the stories of several documents will compare and have no stored vectors for,
    embedded in one call into the embedder's cache: sorted by length across all those stories, they pad
    less than story by story."""
    doc_ids = [d for docs in inputs.members.values() if len(docs) > 1 for d in docs]
    missing = [d for d in doc_ids if d not in inputs.features or inputs.features[d].claim_vectors is None]
    embedder().encode([c.content for d in missing if d in inputs.annotations
                       for c in inputs.annotations[d].claims])


def _passes(members: dict[str, list[str]], documents: int) -> Iterator[dict[str, list[str]]]:
    """The stories in groups of about ``documents`` documents (a larger story alone), in order."""
    group: dict[str, list[str]] = {}
    for story_id, doc_ids in members.items():
        if group and sum(map(len, group.values())) + len(doc_ids) > documents:
            yield group
            group = {}
        group[story_id] = doc_ids
    if group:
        yield group


def report(store: Store, progress: Progress = _noop,
           read_documents: int = settings.REPORT_READ_DOCUMENTS) -> Dossier:
    """The dossier of everything in the store; only stories that changed are recomputed, their inputs read
    ``read_documents`` documents per pass."""
    dirty = store.dirty_stories()
    members = store.story_members(dirty)
    for group in _passes({sid: members.get(sid, []) for sid in dirty}, read_documents):
        inputs = StoryInputs.read(store, group)
        _embed_compared_claims(inputs)
        for story_id in group:
            story = build_story(store, story_id, inputs)
            with store.transaction():
                store.save_story(story)
            progress("stories", 1)
    return Dossier(documents=store.documents(), errors=store.errors(), stories=store.stories(),
                   warnings=store.warnings())
