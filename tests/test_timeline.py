"""Events and the timeline: by event date, merged across copies, from resolved time expressions."""

from __future__ import annotations

from storyline.annotate import annotate
from storyline.model import Document
from storyline.timeline import build_timeline, events_of


def analysed(nlp, doc_id: str, text: str, published: str):
    doc = Document(id=doc_id, source="", raw_text=text, text=text, published=published)
    parsed = nlp(text)
    annotation = annotate(doc, parsed)
    annotation.events = events_of(parsed, annotation)
    return annotation


def test_events_have_types_actors_and_dates(nlp):
    a = analysed(nlp, "a", "Velmora shipped 40 rockets to the rebels in March. "
                           "The rebels attacked the airport on Tuesday.", "2031-05-08")
    by_type = {e.type: e for e in a.events}
    assert by_type["PROVIDE"].actor == "Velmora" and by_type["PROVIDE"].date == "2031-03"
    assert by_type["PROVIDE"].date_precision == "month"
    assert by_type["ATTACK"].date == "2031-05-06" and by_type["ATTACK"].date_precision == "day"


def test_timeline_is_ordered_by_event_date_and_merges_copies(nlp):
    text = "The rebels attacked the airport on Tuesday. Velmora shipped rockets to the rebels in March."
    first = analysed(nlp, "a", text, "2031-05-08")
    copy = analysed(nlp, "b", text, "2031-05-08")
    entries = build_timeline([first, copy], {("a", 1): ["g1"]}, lambda x, y: x == y)
    assert [e.date for e in entries] == ["2031-03", "2031-05-06"]
    assert entries[0].documents == ["a", "b"] and entries[0].claim_groups == ["g1"]
