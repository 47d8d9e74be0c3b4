"""Typed records passed between the pipeline stages.

Every stage takes and returns these records; the store persists them and the report
serialises them. Field names follow the dossier contract (``storyline.dossier/1``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass
class Removal:
    """A piece of text the cleaner took out of a document, and why."""

    text: str
    kind: str  # see clean.KINDS


@dataclass
class ReadError:
    """An input that could not be read; the batch goes on without it."""

    source: str
    error: str


@dataclass
class ReadWarning:
    """A document that was kept but needs a look (its cleaning left nothing, so it keeps its raw text)."""

    source: str
    warning: str
    document: str | None = None


@dataclass
class Document:
    """One news document. Ingest fills the metadata and ``raw_text``; clean fills ``text`` and
    ``removed`` (and ``warnings`` when it had to keep the raw text); copies fills ``copy_of``/``copy_kind``
    and may set ``origin``; stories fills ``story``."""

    id: str
    source: str
    raw_text: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    outlet: str | None = None  # where this copy appeared (site or domain)
    origin: str | None = None  # whose reporting the text carries (AP, CNN, Reuters)
    authors: list[str] = field(default_factory=list)
    dateline: str | None = None
    language: str | None = None
    url: str | None = None
    text: str = ""
    removed: list[Removal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    copy_of: str | None = None
    copy_kind: str | None = None  # exact | near | syndicated | paraphrase
    story: str | None = None
    content_hash: str = ""
    # where title, published, authors and outlet came from: json-ld, meta, time, url, h1, near-h1 (the
    # date line around the headline), label (a date a "Published" label opens), title-tag, htmldate,
    # trafilatura (HTML); header, text, byline
    # (plain text)
    provenance: dict[str, str] = field(default_factory=dict)


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass
class Mention:
    """A named-entity mention; ``key`` is the canonical entity key once entities are linked."""

    text: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, EQUIPMENT, ...
    start: int
    end: int
    sentence: int
    key: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)  # title/role, metonymy target, ...


@dataclass
class TimeExpression:
    """A time expression resolved against a reference date.

    ``value`` is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (or a season such as ``2022-SU``);
    ``inferred`` marks resolutions against an estimated reference date."""

    text: str
    start: int
    end: int
    sentence: int
    value: str | None = None
    precision: str = "unknown"  # day | month | season | year | range | unknown
    inferred: bool = False
    relative: bool = False


@dataclass
class Quantity:
    text: str
    start: int
    end: int
    sentence: int
    value: float | None = None
    unit: str | None = None
    vague: bool = False
    qualifier: str | None = None  # more than, about, at least, ...


@dataclass
class Claim:
    id: str
    document: str
    text: str  # sentence as in the document
    content: str  # what is claimed
    speaker: str | None
    speaker_kind: str  # named_person | organization | anonymous | unattributed
    cue: str | None
    stance: str  # asserts | denies
    hedged: bool
    date: str | None = None
    sentence: int = 0
    speaker_entity: str | None = None


@dataclass
class Event:
    id: str
    date: str | None
    date_precision: str
    type: str
    actor: str | None
    target: str | None
    location: str | None
    text: str
    documents: list[str]
    sentence: int = 0
    action: str | None = None  # the verb (lemma) that told the event
    recipient: str | None = None  # to whom something was given, sent or sold
    inferred: bool = False  # the date was resolved against a reference date borrowed from other documents
    background: bool = False  # an aside about another story, not an event of this one
    time_starts: list[int] = field(default_factory=list)  # time expressions of its clause (to date it again)
    main: bool = True  # what its sentence is about (not an infinitive of purpose or a relative clause)


@dataclass
class ClaimReading:
    """What claim grouping reads of the parse of one claim's content alone, kept at analysis so that a
    report parses nothing: the proposition (entity keys, predicate classes, the negated ones, anaphora,
    refutation) and the role (counted unit, governing word) of each amount the content gives."""

    claim: str  # the claim's id
    entities: list[str] = field(default_factory=list)
    predicates: list[str] = field(default_factory=list)
    negated: list[str] = field(default_factory=list)
    anaphoric: bool = False
    refutes: bool = False
    roles: list[list[str | None]] = field(default_factory=list)  # [unit, governing word] per amount


@dataclass
class Annotation:
    """Everything the per-document stages learn from a cleaned text."""

    document: str
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    reference_date: str | None = None
    reference_inferred: bool = False
    claim_readings: list[ClaimReading] = field(default_factory=list)  # one per claim (an older store: none)


@dataclass
class Features:
    """Vectors the corpus-level stages (copies, stories, grouping) compare documents by."""

    document: str
    doc_vector: Any = None  # np.ndarray (embeddings.DIMENSION,), unit length
    sentence_vectors: Any = None  # np.ndarray (n_sentences, embeddings.DIMENSION), unit length
    minhash: Any = None  # np.ndarray of uint64 hash values
    data: dict[str, Any] = field(default_factory=dict)  # entity keys, dates, ... for stories
    # Embedded once at analysis so that rebuilding a story does not run the model again (float32, in the
    # order of the annotation's claims and events; None in a store written before they were kept).
    claim_vectors: Any = None  # np.ndarray (n_claims, embeddings.DIMENSION) of the claims' contents
    event_vectors: Any = None  # np.ndarray (n_events, embeddings.DIMENSION) of the events' texts


@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    mentions: int = 0
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass
class Discrepancy:
    kind: str  # number | date | other
    values: list[str]
    claims: list[str]


@dataclass
class ClaimGroup:
    id: str
    label: str
    claims: list[str]
    documents: list[str]
    independent_sources: int
    supporting: list[str]
    denying: list[str]
    contested: bool
    discrepancies: list[Discrepancy] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)  # sources of the supporting claims
    denying_sources: int = 0  # distinct sources of the denying claims, counted apart from the supporters


@dataclass
class TimelineEntry:
    """One dated event (or dated claim) of a story. ``date`` is ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``,
    ``YYYY-Www`` (week), ``YYYY-SU`` (season) or ``START/END`` / ``YYYY-Qn`` (range), as ``precision`` says;
    ``start``/``end`` are its first and last day (what the timeline is ordered by); undated entries have
    ``date`` None and precision ``unknown`` and are listed apart."""

    date: str | None
    precision: str
    text: str
    documents: list[str]
    claim_groups: list[str]
    inferred: bool = False
    events: list[str] = field(default_factory=list)
    type: str | None = None
    background: bool = False
    start: str | None = None
    end: str | None = None


@dataclass
class SummarySentence:
    """A sentence of the summary with what backs it: ``independent_sources`` behind its claim groups, and
    when a group is contested, who denies it (``denied_by``) and the attribution to show
    ("US officials say so (2 independent sources); Iran denies it")."""

    text: str
    documents: list[str]
    claim_groups: list[str]
    independent_sources: int = 0
    contested: bool = False
    denied_by: list[str] = field(default_factory=list)
    attribution: str = ""


@dataclass
class Story:
    id: str
    title: str
    documents: list[str]
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    claim_groups: list[ClaimGroup] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)


@dataclass
class Dossier:
    documents: list[Document]
    errors: list[ReadError]
    stories: list[Story]
    warnings: list[ReadWarning] = field(default_factory=list)
    schema: str = "storyline.dossier/1"


def to_dict(record: Any) -> Any:
    """Plain JSON-ready form of a record (or list of records): what ``dataclasses.asdict`` gives for
    them, built about three times faster (it deep-copies every value; records hold only plain values,
    lists, tuples and dicts, which are rebuilt here). A build writes every annotation and story."""
    kind = type(record)
    if kind in _PLAIN:
        return record
    if kind is list or kind is tuple:
        return kind(to_dict(r) for r in record)
    if kind is dict:
        return {to_dict(k): to_dict(v) for k, v in record.items()}
    names = _field_names(kind)
    if names is None:  # any other value is kept as it is
        return record
    return {name: to_dict(getattr(record, name)) for name in names}


_PLAIN = frozenset({str, int, float, bool, type(None)})


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """A dataclass's field names in order; None for any other type."""
    return tuple(f.name for f in fields(cls)) if is_dataclass(cls) else None


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a record from its ``to_dict`` form, including nested records."""
    nested = {
        (Document, "removed"): Removal,
        (Annotation, "sentences"): Sentence,
        (Annotation, "mentions"): Mention,
        (Annotation, "times"): TimeExpression,
        (Annotation, "quantities"): Quantity,
        (Annotation, "claims"): Claim,
        (Annotation, "events"): Event,
        (Annotation, "claim_readings"): ClaimReading,
        (ClaimGroup, "discrepancies"): Discrepancy,
        (Story, "entities"): Entity,
        (Story, "claims"): Claim,
        (Story, "claim_groups"): ClaimGroup,
        (Story, "events"): Event,
        (Story, "timeline"): TimelineEntry,
        (Story, "summary"): SummarySentence,
    }
    kwargs = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name not in data:
            continue
        value = data[f.name]
        inner = nested.get((cls, f.name))
        if inner is not None and value is not None:
            value = [from_dict(inner, v) for v in value]
        kwargs[f.name] = value
    return cls(**kwargs)
