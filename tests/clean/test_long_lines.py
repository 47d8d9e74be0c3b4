"""One-line articles (as some extractors give them) keep their story: only the prompt or player chrome
glued to their ends, and sentences that are boilerplate on their own, are removed."""

from __future__ import annotations

import pytest

from storyline.clean import EMPTIED_WARNING, clean_document
from storyline.clean.boilerplate import strip_boilerplate
from storyline.model import Document

STORY = (
    "The harbour authority of Port Alda said on Tuesday that cargo traffic fell for a third month in a row. "
    "Dockworkers at the northern terminal have been on strike since early March over pay and shift rotas. "
    "A spokeswoman for the authority said talks with the union would resume on Thursday in the town hall. "
    "Shipping lines have begun to divert container vessels to the southern port of Merrow, officials said. "
    "The union said its members would not return to work until a written offer was put to a vote."
)
SUBSCRIBE = ("Get daily updates directly to your inbox + Subscribe Thank you for subscribing! "
             "Could not subscribe, try again later Invalid Email")
PLAYER = "Skip Ad Ad Loading... x Embed x Share"


def cleaned(raw: str, title: str | None = None) -> Document:
    return clean_document(Document(id="t", source="t.txt", raw_text=raw, title=title))


@pytest.mark.parametrize(("prefix", "kind"), [(SUBSCRIBE, "prompt"), (PLAYER, "navigation")])
def test_one_line_article_keeps_its_story_and_loses_only_the_prefix(prefix, kind):
    doc = cleaned(f"{prefix} {STORY}")
    assert doc.text == STORY
    assert [(r.text, r.kind) for r in doc.removed] == [(prefix, kind)]
    assert doc.warnings == []


def test_chrome_at_the_end_of_a_one_line_article_goes_too():
    paragraphs, removed = strip_boilerplate(f"{STORY} Share this article x Embed Skip Ad", None)
    assert paragraphs == [STORY]
    assert [r.kind for r in removed] == ["navigation"]


def test_an_article_opening_with_a_weak_chrome_word_keeps_it():
    text = "Share prices in Port Alda fell on Tuesday. " + STORY
    paragraphs, removed = strip_boilerplate(text, None)
    assert paragraphs == [text] and removed == []


def test_a_long_sign_up_form_is_still_removed_whole():
    form = ("Newsletter Sign Up Continue reading the main story The Harbour Letter Port news every weekday. "
            "Please verify you're not a robot by clicking the box. Invalid email address. Please re-enter. "
            "You must select a newsletter to subscribe to. Sign Up You will receive emails from the Courier. "
            "Thank you for subscribing. View all Courier newsletters.")
    paragraphs, removed = strip_boilerplate(f"{form}\n\n{STORY}", None)
    assert paragraphs == [STORY]
    assert [r.kind for r in removed] == ["prompt"]


def test_story_paragraphs_end_a_related_block_without_blank_lines():
    """news-please text separates paragraphs by single line breaks: a "Read more" link line must not take
    the rest of the article with it."""
    raw = ("Port Alda strike enters third month\n" + STORY + "\nRead more\n"
           "Merrow port braces for diverted ships\n" + STORY.replace("Tuesday", "Wednesday"))
    paragraphs, removed = strip_boilerplate(raw, "Port Alda strike enters third month")
    assert [r.kind for r in removed] == ["related", "teaser"]
    assert paragraphs[-1] == STORY.replace("Tuesday", "Wednesday")


def test_a_document_cleaning_would_empty_keeps_its_text_with_a_warning():
    raw = "Chat with us in Facebook Messenger.   Find out what's happening in the world as it unfolds."
    doc = cleaned(raw, title="Harbour strike")
    assert doc.text == " ".join(raw.split())
    assert doc.removed == []
    assert len(doc.warnings) == 1 and doc.warnings[0].startswith(EMPTIED_WARNING)


def test_a_headline_alone_is_no_story_either():
    doc = cleaned("Harbour strike\n\nSubscribe", title="Harbour strike")
    assert doc.text == "Harbour strike\n\nSubscribe"
    assert doc.warnings


def test_cleaning_twice_gives_one_warning():
    doc = cleaned("Share this article\n\nSubscribe", title="Harbour strike")
    clean_document(doc)
    assert len(doc.warnings) == 1


def test_a_headline_only_page_that_lost_nothing_has_no_warning():
    headline = "Harbour strike talks resume in Port Alda"
    doc = cleaned(headline, title=headline)
    assert doc.text == headline and doc.warnings == []
