"""Event records from the parse: typed, with participants that are phrases of the clause and the date of
the event's own clause (invented wire-style texts)."""

from __future__ import annotations

import pytest

from storyline import event_vocabulary as vocabulary
from storyline.annotate import annotate
from storyline.annotate.dates import find_times
from storyline.events import events_of, redate_events
from storyline.model import Document
from storyline.report.chart import COLOURS


def events(nlp, text: str, published: str | None = "2031-05-07"):
    doc = Document(id="a", source="", raw_text=text, text=text, published=published)
    parsed = nlp(text)
    annotation = annotate(doc, parsed)
    annotation.events = events_of(parsed, annotation)
    return annotation


def one(annotation, event_type: str):
    [event] = [e for e in annotation.events if e.type == event_type]
    return event


def test_types_participants_and_dates(nlp):
    a = events(
        nlp, "Velmora shipped 40 rockets to the rebels in March. The rebels attacked the airport on Tuesday."
    )
    provide = one(a, "PROVIDE")
    assert (provide.actor, provide.target, provide.recipient) == ("Velmora", "40 rockets", "the rebels")
    assert (provide.date, provide.date_precision, provide.action) == ("2031-03", "month", "ship")
    attack = one(a, "ATTACK")
    assert (attack.actor, attack.target, attack.date, attack.date_precision) == (
        "The rebels",
        "the airport",
        "2031-05-06",
        "day",
    )


def test_a_dateline_is_not_the_actor(nlp):
    a = events(nlp, "TAVRIN (Kestpress) — Kestria's air force said on Monday it had shot down 31 drones.")
    statement = one(a, "STATEMENT")
    assert statement.actor == "Kestria's air force"
    assert "TAVRIN" not in statement.text and "Kestpress" not in statement.text


def test_a_relative_pronoun_is_not_a_target_and_a_person_not_a_location(nlp):
    a = events(
        nlp, "Technicians are repairing drones which Morvanian crews launch at cities, Strand said on Friday."
    )
    attack = one(a, "ATTACK")
    assert attack.target == "drones" and attack.actor == "Morvanian crews"
    assert all(e.location != "Strand" for e in a.events)


def test_a_date_in_an_aside_is_not_the_date_of_the_event(nlp):
    a = events(
        nlp,
        "Halvard told reporters on Thursday that Orsk has sent engineers to Telmar, a region Velmora "
        "annexed in 2014, to help its army.",
    )
    dates = {e.type: e.date for e in a.events}
    assert dates["STATEMENT"] == "2031-05-01"
    assert "2014" not in {e.date for e in a.events}


def test_what_was_denied_or_asked_about_did_not_happen(nlp):
    a = events(
        nlp, "Orsk denied sending drones to Velmora. Nobody said whether Halden had exported any drones."
    )
    assert [e.type for e in a.events if e.type != "STATEMENT"] == ["DENY"]


def test_a_future_weekday_goes_forward():
    [time] = find_times(_sentences("Officials said the river was expected to peak on Friday."), "2031-05-07")
    assert time.value == "2031-05-09"  # 2031-05-07 is a Wednesday


@pytest.mark.parametrize(
    "text, date, precision",
    [
        ("Velmora has shipped rockets to the rebels since this summer.", "2031-SU", "season"),
        ("The council will meet next week to discuss the shipments.", "2031-W20", "week"),
        ("The rebels have attacked the airport in recent weeks.", "2031-04-09/2031-05-07", "range"),
    ],
)
def test_seasons_weeks_and_ranges_keep_their_precision(nlp, text, date, precision):
    a = events(nlp, text)
    assert (a.events[0].date, a.events[0].date_precision) == (date, precision)


def test_relative_dates_resolved_later_are_marked_inferred(nlp):
    a = events(nlp, "The rebels attacked the airport on Tuesday.", published=None)
    assert a.events[0].date is None
    a.times = find_times(a.sentences, "2031-05-08", inferred=True)
    redate_events(a)
    assert (a.events[0].date, a.events[0].inferred) == ("2031-05-06", True)


def _sentences(text: str):
    from storyline.model import Sentence

    return [Sentence(0, 0, len(text), text)]


def test_every_lexicon_entry_has_a_documented_type():
    lexicons = (
        vocabulary.EVENT_VERBS,
        vocabulary.EVENT_NOUNS,
        vocabulary.INTRANSITIVE_TYPES,
        vocabulary.PASSIVE_TYPES,
    )
    used = {kind for lexicon in lexicons for kind in lexicon.values()}
    assert used | set(COLOURS) <= set(vocabulary.EVENT_TYPES)
