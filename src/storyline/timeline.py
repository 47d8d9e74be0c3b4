"""A story's events and timeline: one event however many documents tell it, ordered by event date.

Copies add their document to their original's events and nothing of their own; documents that tell the
same event (same type, overlapping dates, close wording) share one event; an event far from the story's
centre whose participants no other document names is background (another story mentioned as context)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from storyline.annotate.dates import date_span
from storyline.model import Document, Event, TimelineEntry

SentenceKey = tuple[str, int]  # (document, sentence index)
NAME = re.compile(r"\b[A-Z][\w-]{2,}")


@dataclass(frozen=True)
class TimelineSettings:
    """Thresholds of the story-level event stage (chosen on the demo and seed stories: development data)."""

    same_event: float = 0.7  # cosine of two event clauses of one type and overlapping dates: the same event
    copy_event: float = 0.6  # a copy's event this close to one of its original's is that event (paraphrases)
    # Cosine to the story's other events under which an event none of whose names another document has is
    # background: the seeds' asides about another story score 0.15-0.16, the demo's events 0.10-0.55.
    background: float = 0.2


@dataclass
class _Told:
    """An event with every (document, sentence) that tells it and its clause vector."""

    event: Event
    keys: set[SentenceKey]
    vector: np.ndarray
    dates_inferred: list[bool] = field(default_factory=list)


def story_events(
    events: list[Event],
    docs: dict[str, Document],
    vectors: np.ndarray,
    settings: TimelineSettings = TimelineSettings(),
) -> tuple[list[Event], dict[str, set[SentenceKey]]]:
    """The story's events, merged across copies and documents, with background marked; and for each
    event id the sentences that tell it. ``vectors``: the events' text embeddings, in their order."""
    if not events:
        return [], {}
    root = {d: _root(d, docs) for d in docs}
    told: list[_Told] = []
    copies: list[tuple[Event, np.ndarray]] = []
    for event, vector in zip(events, vectors, strict=True):
        doc = event.documents[0]
        if root[doc] != doc:
            copies.append((event, vector))
            continue
        same = next((t for t in told if _same_event(t, event, vector, settings.same_event)), None)
        if same is None:
            told.append(_Told(event, {(doc, event.sentence)}, vector, [event.inferred]))
        else:
            same.event.documents = sorted(set(same.event.documents) | {doc})
            same.keys.add((doc, event.sentence))
            same.dates_inferred.append(event.inferred)
    for event, vector in copies:  # a copy only confirms what its original tells
        doc = event.documents[0]
        originals = [t for t in told if root[doc] in t.event.documents and t.event.type == event.type]
        best = max(originals, key=lambda t: float(t.vector @ vector), default=None)
        if best is not None and float(best.vector @ vector) >= settings.copy_event:
            best.event.documents = sorted(set(best.event.documents) | {doc})
            best.keys.add((doc, event.sentence))
    _mark_background(told, docs, root, settings.background)
    for t in told:
        t.event.inferred = t.event.date is not None and all(t.dates_inferred)
    return [t.event for t in told], {t.event.id: t.keys for t in told}


def _root(doc_id: str, docs: dict[str, Document]) -> str:
    """The original a copy was made from, followed through copies of copies, within the story."""
    seen = {doc_id}
    while docs[doc_id].copy_of in docs and docs[doc_id].copy_of not in seen:
        doc_id = docs[doc_id].copy_of
        seen.add(doc_id)
    return doc_id


def _same_event(told: _Told, event: Event, vector: np.ndarray, cut: float) -> bool:
    first = told.event
    if first.type != event.type or (first.date is None) != (event.date is None):
        return False
    if first.date is not None and not _overlap(first, event):
        return False
    return float(told.vector @ vector) >= cut


def _overlap(a: Event, b: Event) -> bool:
    a_start, a_end = date_span(a.date, a.date_precision)
    b_start, b_end = date_span(b.date, b.date_precision)
    return a_start <= b_end and b_start <= a_end


def _mark_background(told: list[_Told], docs: dict[str, Document], root: dict[str, str], cut: float) -> None:
    """Background: far from the centre of the story's events and none of its names in another original."""
    if len(told) < 3 or len({root[d] for d in docs}) < 2:
        return
    total = np.sum([t.vector for t in told], axis=0)
    for t in told:
        centre = total - t.vector  # the other events: an aside must not pull the centre towards itself
        if float(t.vector @ centre) / (np.linalg.norm(centre) or 1.0) >= cut:
            continue
        names = {
            n
            for part in (t.event.actor, t.event.target, t.event.recipient, t.event.location)
            if part
            for n in NAME.findall(part)
        }
        others = [docs[d].text for d in docs if root[d] == d and d not in t.event.documents]
        t.event.background = bool(names) and not any(
            re.search(rf"\b{re.escape(n)}\b", text) for n in names for text in others
        )


def build_timeline(
    events: list[Event], keys: dict[str, set[SentenceKey]], support: dict[SentenceKey, list[str]]
) -> list[TimelineEntry]:
    """Entries ordered by the first day of their date, then the narrower first: the dated events, those of
    one sentence and date in one entry (told by the sentence's main event), each with the claim groups of
    its sentences; then, listed apart with ``date`` None, the undated main events other than statements."""
    entries: dict[tuple, TimelineEntry] = {}
    for event in sorted(events, key=_telling, reverse=True):
        groups = sorted({g for k in keys[event.id] for g in support.get(k, [])})
        undated = event.date is None
        if undated and (event.type == "STATEMENT" or not event.main or event.background):
            continue
        key = (min(keys[event.id]), event.date)
        entry = entries.get(key)
        if entry is not None:
            entry.events.append(event.id)
            entry.documents = sorted(set(entry.documents) | set(event.documents))
            entry.claim_groups = sorted(set(entry.claim_groups) | set(groups))
            entry.background = entry.background and event.background
            continue
        start, end = (
            (None, None) if undated else (d.isoformat() for d in date_span(event.date, event.date_precision))
        )
        entries[key] = TimelineEntry(
            date=event.date,
            precision=event.date_precision,
            text=event.text,
            documents=list(event.documents),
            claim_groups=groups,
            inferred=event.inferred,
            events=[event.id],
            type=event.type,
            background=event.background,
            start=start,
            end=end,
        )
    dated = sorted((e for e in entries.values() if e.date), key=lambda e: (e.start, e.end, e.documents[0]))
    return dated + [e for e in entries.values() if not e.date]


def _telling(event: Event) -> tuple[bool, bool, int]:
    """Which of a sentence's events tells its entry: the main one, not a statement, the longest."""
    return event.main, event.type != "STATEMENT", len(event.text)
