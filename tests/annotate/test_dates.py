"""Time expressions resolved against a publication date, on invented sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.annotate.dates import contract_date, estimate_reference, find_times, infer_references
from storyline.eval import shared_folder
from storyline.model import Annotation, Document, Sentence

REFERENCE = "2023-03-16"  # a Thursday
SEEDS = shared_folder("corpus", "seeds", start=Path(__file__))


def sentences(*texts: str) -> list[Sentence]:
    found, start = [], 0
    for index, text in enumerate(texts):
        found.append(Sentence(index, start, start + len(text), text))
        start += len(text) + 1
    return found


def resolved(text: str, reference: str | None = REFERENCE) -> list[tuple[str, str | None, str]]:
    return [(t.text, t.value, t.precision) for t in find_times(sentences(text), reference)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The mayor said Thursday that the bridge would reopen.", ("Thursday", "2023-03-16", "day")),
        ("The mayor said Tuesday that the bridge was closed.", ("Tuesday", "2023-03-14", "day")),
        ("Council members on Monday plan to discuss the budget.", ("Monday", "2023-03-20", "day")),
        ("The union will meet on Wednesday.", ("Wednesday", "2023-03-22", "day")),
        ("The harbour flooded last Thursday.", ("last Thursday", "2023-03-09", "day")),
        ("The factory closed in January.", ("January", "2023-01", "month")),
        ("The factory closed in November.", ("November", "2022-11", "month")),
        ("The festival will return in November.", ("November", "2023-11", "month")),
        ("Ticket sales dropped last month.", ("last month", "2023-02", "month")),
        ("The orchestra toured this summer.", ("this summer", "2023-SU", "season")),
        ("The charter was signed on July 4, 2019.", ("July 4, 2019", "2019-07-04", "day")),
        ("The ferry sank on Feb. 3.", ("Feb. 3", "2023-02-03", "day")),
        ("Shares are payable April 2.", ("April 2", "2023-04-02", "day")),
        ("The province joined the federation in 1998.", ("1998", "1998", "year")),
        ("Two days ago the minister resigned.", ("Two days ago", "2023-03-14", "day")),
        ("Earlier this week the senate voted.", ("Earlier this week", "2023-W11", "week")),
        ("Exports grew last year.", ("last year", "2022", "year")),
        ("The talks are expected to resume in mid-April.", ("mid-April", "2023-04", "month")),
        ("Rents have risen since June.", ("June", "2022-06", "month")),
        ("This year has been wet.", ("This year", "2023", "year")),
        ("Profits fell in the third quarter.", ("the third quarter", "2022-Q3", "quarter")),
        ("Exports rose in the 1990s.", ("the 1990s", "199", "decade")),
    ],
)
def test_resolves_against_the_publication_date(sentence, expected):
    assert resolved(sentence) == [expected]


def test_ranges_run_up_to_the_reference_date():
    assert resolved("Protests have spread in recent weeks.") == [
        ("in recent weeks", "2023-02-16/2023-03-16", "range")
    ]
    assert resolved("Prices climbed over the past month.") == [
        ("the past month", "2023-02-14/2023-03-16", "range")
    ]


def test_references_without_a_calendar_period_have_no_value():
    assert resolved("The river is now higher than it was recently.") == [
        ("now", None, "unknown"),
        ("recently", None, "unknown"),
    ]


def test_relative_expressions_stay_unresolved_without_a_reference():
    assert resolved("The mayor said Thursday the charter dates from May 2, 2001.", None) == [
        ("Thursday", None, "unknown"),
        ("May 2, 2001", "2001-05-02", "day"),
    ]


def test_may_the_verb_and_model_numbers_are_not_dates():
    assert resolved("Officials may approve 2000 permits for the Airbus-2024 fleet.") == []


def test_a_year_earlier_refers_to_the_quarter_under_discussion():
    times = find_times(
        sentences(
            "The bakery earned $3 million in the second quarter.", "It earned $2 million a year earlier."
        ),
        REFERENCE,
    )
    assert [(t.text, t.value) for t in times] == [
        ("the second quarter", "2022-Q2"),
        ("a year earlier", "2021-Q2"),
    ]


def test_days_later_after_a_month_stays_in_that_month():
    times = find_times(
        sentences("The ferry ran aground last month.", "Its captain resigned three days later."), REFERENCE
    )
    assert [(t.value, t.precision) for t in times] == [("2023-02", "month"), ("2023-02", "month")]


def test_offsets_are_document_offsets():
    text = "The storm hit on Sunday."
    [time] = find_times([Sentence(3, 100, 100 + len(text), text)], REFERENCE)
    assert (time.start, time.end, time.sentence) == (117, 123, 3)


def test_contract_dates_are_day_month_or_year():
    [week, season, quarter] = find_times(
        sentences("Earlier this week the harvest of this summer beat the first quarter."), REFERENCE
    )
    assert contract_date(week) == ("2023-03", "month")
    assert contract_date(season) == ("2023", "year")
    assert contract_date(quarter) == ("2023", "year")


def test_estimated_reference_is_a_peer_date_not_before_the_texts_own_dates():
    own = find_times(sentences("The dam was finished on May 2, 2022."), None)
    assert estimate_reference(["2021-01-10", "2022-06-01", "2022-06-03"], own) == "2022-06-01"
    assert estimate_reference([], own) == "2022-05-02"
    assert estimate_reference([], find_times(sentences("It rained on Tuesday."), None)) is None


def test_undated_documents_are_resolved_against_their_story_and_marked_inferred():
    text = "The mayor said Tuesday that the dam held."
    docs = [
        Document(id="dated", source="a", raw_text="", published="2023-03-16"),
        Document(id="undated", source="b", raw_text=text),
    ]
    undated = Annotation(document="undated", sentences=sentences(text))
    undated.times = find_times(undated.sentences, None)
    annotations = {"dated": Annotation(document="dated"), "undated": undated}
    infer_references(docs, annotations)
    assert (undated.reference_date, undated.reference_inferred) == ("2023-03-16", True)
    [time] = undated.times
    assert (time.value, time.inferred) == ("2023-03-14", True)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed corpus not available")
def test_seed_dates():
    text = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    values = {t.text: t.value for t in find_times(sentences(*text.splitlines()), "2022-10-20")}
    assert values["Thursday"] == "2022-10-20"
    assert values["August"] == "2022-08"
    assert values["this summer"] == "2022-SU"
