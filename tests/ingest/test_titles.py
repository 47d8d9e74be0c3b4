"""A URL, a file name, a site name or a copy of the first sentence is not a title."""

from __future__ import annotations

import json

import pytest

from storyline.ingest import metadata, read_inputs
from storyline.model import Document

LEAD = ("The port authority voted on Tuesday to expand the eastern harbour, officials said. "
        "Fishing crews had opposed the plan for two years.")


def completed(text: str, title: str | None = None, outlet: str | None = None, url: str | None = None):
    doc = Document(id="t", source="t.txt", raw_text=text, title=title, outlet=outlet, url=url)
    metadata.complete(doc)
    return doc


@pytest.mark.parametrize(
    ("title", "outlet"),
    [
        ("https://www.example-gazette.com/news/2023/03/harbour-vote", None),
        ("http: / / www. example-gazette. com / news / harbour-vote", None),
        ("www.example-gazette.com", None),
        ("IMG_2031.jpg", None),
        ("article.html", None),
        ("doc_123.txt", None),
        ("CNN.com", None),
        ("Reuters", None),
        ("The Guardian", "theguardian.com"),
        ("Example Gazette", "Example Gazette"),
        ("The port authority voted on Tuesday to expand the eastern harbour, officials said.", None),
        ("The port authority voted on Tuesday to expand the eastern harbour...", None),
    ],
)
def test_not_a_title(title, outlet):
    assert completed(LEAD, title=title, outlet=outlet).title is None


@pytest.mark.parametrize(
    "title",
    ["Port authority approves harbour expansion", "Guardian of the harbour retires after 40 years",
     "Storm hits U.S. coast"],
)
def test_a_headline_is_kept(title):
    assert completed(LEAD, title=title, outlet="theguardian.com").title == title


def test_a_headline_on_its_own_first_line_is_the_title():
    assert completed("Harbour vote ends dispute\n\n" + LEAD).title == "Harbour vote ends dispute"
    assert completed("Harbour vote ends dispute\n\n" + LEAD, title="Harbour vote ends dispute").title == (
        "Harbour vote ends dispute")


def test_a_first_line_that_is_a_sentence_or_a_url_is_no_title():
    assert completed("The port authority voted on Tuesday.\n\n" + LEAD).title is None
    assert completed("http: / / www. example-gazette. com / news / harbour\n\n" + LEAD).title is None


def test_readers_drop_such_titles(write):
    record = {"title": "IMG_2031.jpg", "maintext": LEAD * 2, "url": "https://example-gazette.com/a"}
    docs = list(read_inputs([str(write("a.json", json.dumps(record))),
                             str(write("b.txt", "title: example-gazette.com\n\n" + LEAD))]))
    assert [d.title for d in docs] == [None, None]


def test_a_headline_glued_to_the_first_line_is_kept():
    title = "Harbour vote ends two-year dispute with fishing crews"
    assert completed(f"{title} Updated: 2023-03-14 09:40\n{LEAD}", title=title).title == title
