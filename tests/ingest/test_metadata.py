"""Metadata from the text of invented wire copy: datelines, origins, bylines, dates, and the traps."""

from pathlib import Path

import pytest

from storyline.ingest import metadata
from storyline.model import Document

from .conftest import WIRE_STORY

SEEDS = Path("/work/shared/corpus/seeds")


def completed(text: str) -> Document:
    doc = Document(id="t", source="t.txt", raw_text=text)
    metadata.complete(doc)
    return doc


@pytest.mark.parametrize(
    ("lead", "place", "origin"),
    [
        ("OTTAWA (AP) — The port authority voted on Tuesday.", "Ottawa", "AP"),
        ("NAIROBI, Kenya (AP) — The port authority voted on Tuesday.", "Nairobi", "AP"),
        ("LISBON, March 14 (Reuters) - The port authority voted on Tuesday.", "Lisbon", "Reuters"),
        ("RIO DE JANEIRO (AFP) – The port authority voted on Tuesday.", "Rio De Janeiro", "AFP"),
        ("Ottawa (CNN)The port authority voted on Tuesday.", "Ottawa", "CNN"),
        ("(Reuters) - The port authority voted on Tuesday.", None, "Reuters"),
        ("HALIFAX — The port authority voted on Tuesday.", "Halifax", None),
        ("SPRINGVALE (Harbour News Service) — The port authority voted on Tuesday.", "Springvale",
         "Harbour News Service"),
    ],
)
def test_dateline_forms(lead, place, origin):
    assert metadata.find_dateline("Harbour vote\n\n" + lead) == (place, origin)


@pytest.mark.parametrize(
    "line",
    ["FILE - A crane at the eastern harbour, March 2, 2023. (AP Photo/Jo Tan, File)",
     "MARISOL OKAFOR - TUESDAY, 14 MARCH 2023, 09:40 The port authority voted.",
     "The minister (left) - pictured in March - said nothing."],
)
def test_captions_labels_and_bylines_are_not_datelines(line):
    assert metadata.find_dateline("Harbour vote\n\n" + line) == (None, None)


@pytest.mark.parametrize(
    ("body", "origin"),
    [
        ("A port official told CNN the berths would open in May.", "CNN"),
        ("CNN has contacted the port authority for comment.", "CNN"),
        ("The BBC has reached out to the ministry.", "BBC"),
        ("The plan was first reported by the Financial Times in January.", "Financial Times"),
        ("According to the BBC, the plan will cost more than expected.", "BBC"),
        ("The memo, obtained exclusively by Reuters, sets out the timetable.", "Reuters"),
        ("Speaking to Al Jazeera, the minister defended the plan.", "Al Jazeera"),
        ("Associated Press writer Dev Anand in Halifax contributed to this report.", "AP"),
        ("The berths will open in May, according to two sources familiar with the plan.", None),
        ("The berths will open in May, according to Transport Minister Ana Ruiz.", None),
        ("The minister told reporters the berths would open in May.", None),
    ],
)
def test_origin_cues(body, origin):
    assert metadata.find_origin("Harbour vote\n\nThe port authority voted on Tuesday. " + body) == origin


def test_own_reporting_cue_naming_an_outlet_unknown_to_the_vocabulary():
    text = "Harbour vote\n\nThe port authority voted. An official told KBX the berths would open in May."
    assert metadata.find_origin(text, outlet="KBX Radio") == "KBX Radio"
    assert metadata.find_origin(text) is None


def test_own_reporting_outweighs_a_cited_scoop():
    text = ("Harbour vote\n\nThe Daily Mirror first reported the plan. CNN has contacted the ministry. "
            "A port official told CNN the berths would open in May.")
    assert metadata.find_origin(text) == "CNN"


def test_dateline_agency_wins_over_a_cue_in_the_body():
    text = "Harbour vote\n\nOTTAWA (AP) — The port authority voted.\n\nAn official told CNN it was final."
    assert metadata.find_origin(text) == "AP"


def test_teasers_after_a_related_heading_do_not_count():
    text = ("Harbour vote\n\nThe port authority voted on Tuesday, officials said.\n\nRecommended Stories\n\n"
            "  • Storm closes ferry routes\n\n    LISBON (Reuters) -The ferry operator said on Tuesday.\n\n"
            "  • Minister resigns\n\n    He told BBC News on Wednesday evening that he would go.")
    doc = completed(text)
    assert (doc.origin, doc.dateline) == (None, None)


def test_wire_story_metadata():
    doc = completed(WIRE_STORY)
    assert doc.title == "Port authority approves harbour expansion after long dispute"
    assert doc.authors == ["Marisol Okafor", "Teodor Brandt"]
    assert doc.published == "2023-03-14"
    assert (doc.origin, doc.dateline, doc.language) == ("AP", "Ottawa", "en")


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Marisol Okafor, Reuters", ["Marisol Okafor"]),
        ("By Marisol Okafor and Dev Anand | Example Gazette", ["Marisol Okafor", "Dev Anand"]),
        ("MARISOL OKAFOR, DEV ANAND and LI WEI", ["Marisol Okafor", "Dev Anand", "Li Wei"]),
        ("SEAN O'MALLEY and ANNE-MARIE DUBOIS", ["Sean O'Malley", "Anne-Marie Dubois"]),
        ("MARISOL OKAFOR - TUESDAY, 14 MARCH 2023, 09:40", ["Marisol Okafor"]),
        ("Storm Closes Ferry Routes", []),
        ("HARBOUR PLAN APPROVED AFTER VOTE", []),
        ("·2 min read", []),
    ],
)
def test_bylines(line, authors):
    assert metadata.find_byline("Harbour vote\n" + line + "\n\nThe port authority voted.") == authors


def test_date_line_in_the_header_but_not_a_caption_date():
    caption = ("A crane lifts a container at the eastern harbour in Ottawa, March 2, 2023, before the "
               "vote on the expansion plan. (Photo: Jo Tan)")
    assert metadata.find_published("Harbour vote\n" + caption + "\n\nThe port authority voted.") is None
    updated = "Harbour vote\nUpdated: Mar. 14, 2023 9:40 a.m. ET\n\nText."
    assert metadata.find_published(updated) == "2023-03-14"


def test_a_date_deep_in_the_body_is_not_the_publication_date():
    body = "\n".join(f"Paragraph {i} about the harbour vote and its long history." for i in range(12))
    assert metadata.find_published("Harbour vote\n" + body + "\nTuesday, 14 March 2023") is None


def test_iso_date_forms():
    assert metadata.iso_date("2023-03-14T09:40:00Z") == "2023-03-14"
    assert metadata.iso_date("Tuesday, March 14th, 2023") == "2023-03-14"
    assert metadata.iso_date("14 Sept 2023") == "2023-09-14"
    assert metadata.iso_date("2023-02-30") is None


def test_language_of_another_language():
    doc = completed("Le port\n\nLe conseil municipal a approuvé mardi l'agrandissement du port.")
    assert doc.language == "fr"


def test_long_first_line_gives_no_title():
    """Its first sentence would be a copy of the lead, not a headline."""
    lead = "The port authority voted on Tuesday to expand the eastern harbour. " + "More words here. " * 20
    assert completed(lead).title is None


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seed corpus not present")
def test_seed_documents(read_all):
    docs, errors = read_all(SEEDS)
    assert errors == []
    by_number = {d.id[:3]: d for d in docs}
    wire = by_number["002"]
    assert (wire.published, wire.origin, wire.dateline) == ("2022-10-20", "AP", "Washington")
    assert len(wire.authors) == 2 and all(" " in name and not name.isupper() for name in wire.authors)
    assert by_number["000"].origin == by_number["003"].origin == "CNN"
    for doc in docs:
        first_line = next(line.strip() for line in doc.raw_text.splitlines() if line.strip())
        assert doc.title == first_line


def test_told_another_outlet_mid_article_is_not_the_origin_of_a_known_outlet():
    text = ("Harbour vote\n\nThe port authority voted on Tuesday. " + "The vote was close. " * 30
            + "A port official told CBS News the berths would open in May. According to Business Insider, "
            "the cost has doubled.")
    assert metadata.find_origin(text, outlet="gazette.example") is None
    assert metadata.find_origin(text, outlet="cbsnews.com") == "CBS News"
    assert metadata.find_origin(text) == "CBS News"  # no outlet: the text's own cue is all there is


def test_an_unknown_acronym_needs_two_own_reporting_cues():
    once = "Harbour vote\n\nThe port authority voted. An official told KBX the berths would open in May."
    twice = once + " KBX has contacted the ministry for comment."
    assert metadata.find_origin(once) is None
    assert metadata.find_origin(twice) == "KBX"


def test_a_paper_calling_itself_by_its_last_word():
    text = "Harbour vote\n\nThe port authority voted. The Gazette could not independently verify the figures."
    assert metadata.find_origin(text, outlet="The Harbour Gazette") == "The Harbour Gazette"


@pytest.mark.parametrize(
    ("line", "authors", "origin"),
    [
        ("By Tom Okoro, AP Auto Writer", ["Tom Okoro"], "AP"),
        ("By LENA VOSS and PETER HOLM Associated Press", ["Lena Voss", "Peter Holm"], "AP"),
        ("By Lena Voss, Reuters", ["Lena Voss"], "Reuters"),
        ("By Lena Voss", ["Lena Voss"], None),
    ],
)
def test_byline_roles_and_agencies(line, authors, origin):
    text = f"Harbour vote\n\n{line}\n\nThe port authority voted on Tuesday to expand the eastern harbour."
    doc = completed(text)
    assert (doc.authors, doc.origin) == (authors, origin)
    assert doc.provenance["authors"] == "byline"


def test_byline_right_after_a_title_given_in_a_header():
    doc = Document(id="t", source="t.txt", raw_text="By Lena Voss\n\nThe port authority voted on Tuesday.",
                   title="Harbour vote")
    metadata.complete(doc)
    assert doc.authors == ["Lena Voss"]
