"""The story's events and timeline: one event however many documents tell it, copies folded into their
original, background apart, entries ordered by event date with their precision (invented stories)."""

from __future__ import annotations

from storyline.model import Document, Event
from storyline.timeline import build_timeline, story_events


def event(
    doc: str,
    sentence: int,
    kind: str,
    text: str,
    date: str | None,
    precision: str = "unknown",
    actor: str | None = None,
    main: bool = True,
) -> Event:
    return Event(
        id=f"{doc}:v{sentence}",
        date=date,
        date_precision=precision,
        type=kind,
        actor=actor,
        target=None,
        location=None,
        text=text,
        documents=[doc],
        sentence=sentence,
        main=main,
    )


DOCS = {
    "wire": Document(
        id="wire", source="", raw_text="", text="Velmora shipped rockets to Orsk. Orsk fired them."
    ),
    "copy": Document(id="copy", source="", raw_text="", text="...", copy_of="wire", copy_kind="paraphrase"),
    "tv": Document(id="tv", source="", raw_text="", text="Velmora sent rockets to Orsk in March."),
}


def test_copies_and_retellings_are_one_event_and_background_is_marked(embedder):
    events = [
        event(
            "wire",
            0,
            "PROVIDE",
            "Velmora shipped forty rockets to Orsk in March",
            "2031-03",
            "month",
            "Velmora",
        ),
        event(
            "wire",
            1,
            "ATTACK",
            "Orsk fired the rockets at the airport on Tuesday",
            "2031-05-06",
            "day",
            "Orsk",
        ),
        event(
            "wire",
            2,
            "DIE",
            "Singer Amaro Quell died in a Lisvane hospital in 1998",
            "1998",
            "year",
            "Amaro Quell",
        ),
        event(
            "copy", 0, "PROVIDE", "Forty rockets were shipped by Velmora to Orsk in March", "2031-03", "month"
        ),
        event("copy", 3, "ATTACK", "The paraphrase adds a strike of its own on Monday", "2031-05-05", "day"),
        event(
            "tv", 0, "PROVIDE", "Velmora sent forty rockets to Orsk in March", "2031-03", "month", "Velmora"
        ),
    ]
    merged, told = story_events(events, DOCS, embedder.encode([e.text for e in events]))
    provide = next(e for e in merged if e.type == "PROVIDE")
    assert provide.documents == ["copy", "tv", "wire"]
    assert told[provide.id] == {("wire", 0), ("copy", 0), ("tv", 0)}
    assert not any("paraphrase" in e.text for e in merged)  # a copy only confirms what its original tells
    assert [e.background for e in merged] == [False, False, True]


def test_entries_are_ordered_by_event_date_with_their_precision_and_undated_ones_apart():
    events = [
        event("wire", 0, "ATTACK", "Orsk fired rockets on Tuesday", "2031-05-06", "day"),
        event("wire", 1, "PROVIDE", "Velmora shipped rockets this summer", "2030-SU", "season"),
        event("wire", 2, "MEET", "The council met in recent weeks", "2031-04-09/2031-05-07", "range"),
        event("wire", 3, "STATEMENT", "Velmora said it shipped nothing", None),
        event("wire", 4, "DEPLOY", "Orsk moved its launchers", None),
        event("wire", 5, "TRAIN", "To train the crews", None, main=False),
    ]
    told = {e.id: {(e.documents[0], e.sentence)} for e in events}
    timeline = build_timeline(events, told, {("wire", 0): ["g1"]})
    assert [(t.date, t.precision) for t in timeline] == [
        ("2030-SU", "season"),
        ("2031-04-09/2031-05-07", "range"),
        ("2031-05-06", "day"),
        (None, "unknown"),
    ]
    assert timeline[0].start == "2030-06-01" and timeline[0].end == "2030-08-31"
    assert timeline[2].claim_groups == ["g1"] and timeline[2].type == "ATTACK"
    assert timeline[3].text == "Orsk moved its launchers"
