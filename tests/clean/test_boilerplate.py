"""Line-level boilerplate: every kind, related blocks and their end, and story lines that only look
like boilerplate."""

from __future__ import annotations

import pytest

from storyline.clean.boilerplate import line_kind, strip_boilerplate

TITLE = "Harbour workers strike over pay in Port Alda"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Post a Comment", "prompt"),
        ("Share this article", "prompt"),
        ("Sign up for the Morning Brief newsletter", "prompt"),
        ("Facebook", "prompt"),
        ("Previous Post Next Post", "navigation"),
        ("Next article", "navigation"),
        ("Tags: Port Alda, strike, unions", "navigation"),
        ("·2 min read", "readtime"),
        ("Updated Tue, October 8, 2024 at 4:10 PM·3 min read", "readtime"),
        ("Reading time: 3 minutes", "readtime"),
        ("56", "counter"),
        ("12 comments", "counter"),
        ("Comments (24)", "counter"),
        ("By TOMAS ERIN", "byline"),
        ("LINA MARSH and OSKAR VEDE", "byline"),
        ("By Sara Lund, Economics Correspondent", "byline"),
        ("Von Anna Berger", "byline"),
        ("(Reporting by Lena Farrow; Editing by Paul Eriksen)", "byline"),
        ("Photo: Lina Ostrova / Getty Images", "credit"),
        ("(AP Photo/Ivo Sandel)", "credit"),
        ("FILE - Dockers march in Port Alda, May 1, 2022. (AP Photo/Ivo Sandel, File)", "caption"),
        ("FILE PHOTO: Cranes at the port, March 8, 2022. REUTERS/Dario Lenz/File Photo", "caption"),
        ("Related: Dockers reject pay offer", "related"),
        ("Read more: Why ports are struggling", "related"),
        ("Lesen Sie auch: Pflegekräfte streiken", "related"),
    ],
)
def test_each_kind_of_boilerplate_line(line, kind):
    assert line_kind(line, None) == kind


@pytest.mark.parametrize(
    "line",
    [
        "By 2030, half of the country's power should come from wind farms, the minister said.",
        "By nightfall, two more ships had been sent to the area.",
        "Related changes to the planning law will be sent to parliament next month, the minister said.",
        "Share prices of shipping companies fell 3% on Tuesday.",
        "Photos released by the navy showed bullet holes in the bridge windows.",
        "Comments from business groups were mixed.",
        "Next year, the authority plans to open two new stations.",
        "Nobody was hurt.",
        "WASHINGTON (AP) — The White House said Thursday that talks would resume.",
    ],
)
def test_story_lines_that_look_like_boilerplate_are_kept(line):
    assert line_kind(line, None) is None


def test_caption_is_the_line_above_a_credit():
    credit = "Photo: Irena Kallas/Reuters"
    assert line_kind("Cranes stand idle at the terminal on Tuesday.", credit) == "caption"
    paragraph = "The strike began on Monday. Cranes have stood idle since."
    assert line_kind(paragraph, credit) is None


def test_related_block_takes_every_teaser_and_ends_at_story_text():
    text = "\n".join([
        TITLE, "",
        "Dockworkers in Port Alda walked out on Monday.", "",
        "Recommended Stories", "",
        "  • Port Alda strike enters second day",
        "    The union said talks had collapsed, and workers in Port Alda stayed home.", "",
        "  • Fuel prices climb for fifth week", "",
        "Ferry fares rise as fuel costs bite",
        "Operators blamed the price of diesel.", "",
        "The union said members had not had a real pay rise in six years.",
    ])
    paragraphs, removed = strip_boilerplate(text, TITLE)
    kinds = [r.kind for r in removed]
    assert kinds == ["related"] + ["teaser"] * 5
    assert "  • Port Alda strike enters second day".strip() in [r.text for r in removed]
    assert paragraphs == [TITLE, "Dockworkers in Port Alda walked out on Monday.",
                          "The union said members had not had a real pay rise in six years."]


def test_repeated_title_goes_but_the_headline_stays():
    text = f"{TITLE}\n\n{TITLE}\n\n128\nANA MERRIT and JONAS PELL\n·2 min read\n\nThe strike began on Monday."
    paragraphs, removed = strip_boilerplate(text, TITLE)
    assert paragraphs == [TITLE, "The strike began on Monday."]
    assert [r.kind for r in removed] == ["title_duplicate", "counter", "byline", "readtime"]


def test_hard_wrapped_paragraph_is_joined_but_not_onto_the_title():
    text = f"{TITLE}\nDockworkers in Port Alda walked out on Monday after talks\nover pay collapsed."
    paragraphs, _ = strip_boilerplate(text, TITLE)
    assert paragraphs == [TITLE, "Dockworkers in Port Alda walked out on Monday after talks over pay "
                                 "collapsed."]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Copyright 2023 The Harbour Courier. All rights reserved. This material may not be published, "
         "broadcast, rewritten or redistributed.", "notice"),
        ("Copyright © 2022 Alda Public Radio. All rights reserved. See our terms of use for details.",
         "notice"),
        ("© 2021 Northern Wire Service", "notice"),
        ("All rights reserved.", "notice"),
        ("Order Reprints | Today's Paper | Subscribe A version of this article appears in print on , on "
         "Page B 3 of the Alda edition with the headline: Dockers Walk Out", "notice"),
        ("Newsletter Sign Up Continue reading the main story The Harbour Brief Port news every morning. "
         "Please verify you're not a robot by clicking the box. Invalid email address. Please re-enter. "
         "You must select a newsletter to subscribe to. View all Harbour Courier newsletters.", "prompt"),
        ("You must select a newsletter to subscribe to.", "prompt"),
        ("You are already subscribed to this email.", "prompt"),
        ("Get the Evening Digest by Email", "prompt"),
        ("Chat with us on Courier Messenger. Find out what happens in the port as it happens.", "prompt"),
        ("Image copyright Alda Press Image caption Dockers gathered at the main gate", "caption"),
        ("Image caption Cranes have stood idle since Monday", "caption"),
        ("Image copyright Getty Images", "credit"),
        ("Order Reprints | Today's Paper | Subscribe", "navigation"),
    ],
)
def test_publisher_notices_sign_up_forms_and_labelled_captions_go_whole(line, kind):
    paragraphs, removed = strip_boilerplate(f"{TITLE}\n\n{line}\n\nThe strike began on Monday.", TITLE)
    assert paragraphs == [TITLE, "The strike began on Monday."]
    assert [(r.kind, r.text) for r in removed] == [(kind, line)]


@pytest.mark.parametrize(
    "line",
    [
        "The company said it would stop its newsletter in March.",
        "Copyright law protects authors for 70 years after their death, the court said.",
        "Copyright 2019 was the busiest year yet for the patent court, its president said.",
        "This material may not be published until the court rules, the judge said.",
        "The label said all rights reserved by the band would pass to the estate.",
        "Readers who subscribe to the paper's newsletter will get the report first.",
        "Follow-up talks are set for Friday.",
        "Find out more at the port authority's website, the union told members.",
        "The photographer said the image caption had been changed without her consent.",
    ],
)
def test_story_sentences_about_copyright_and_newsletters_are_kept(line):
    paragraphs, removed = strip_boilerplate(f"{TITLE}\n\n{line}", TITLE)
    assert paragraphs == [TITLE, line]
    assert removed == []


def test_notice_sentences_leave_the_rest_of_their_line():
    line = ("The strike began on Monday. Follow The Harbour Courier on Twitter. Copyright 2024. "
            "Talks resume on Friday.")
    paragraphs, removed = strip_boilerplate(f"{TITLE}\n\n{line}", TITLE)
    assert paragraphs == [TITLE, "The strike began on Monday. Talks resume on Friday."]
    assert [(r.kind, r.text) for r in removed] == [
        ("prompt", "Follow The Harbour Courier on Twitter."), ("notice", "Copyright 2024.")]


def test_a_labelled_caption_is_not_joined_onto_the_next_line():
    text = "\n".join([TITLE, "Image copyright Alda Press Image caption Dockers gathered at the main gate",
                      "Dockworkers in Port Alda walked out on Monday.",
                      "___ Online: Port Alda authority",
                      "Copyright 2024 The Harbour Courier. All rights reserved."])
    paragraphs, removed = strip_boilerplate(text, TITLE)
    assert paragraphs == [TITLE, "Dockworkers in Port Alda walked out on Monday.",
                          "___ Online: Port Alda authority"]
    assert [r.kind for r in removed] == ["caption", "notice"]


def test_a_labelled_caption_glued_to_a_sentence_is_cut_only_at_a_clear_seam():
    glued = ("Image copyright Alda Press Image caption Dockers gathered at the main gate The union said "
             "talks had collapsed.")
    paragraphs, removed = strip_boilerplate(f"{TITLE}\n\n{glued}", TITLE)
    assert paragraphs == [TITLE, "The union said talks had collapsed."]
    assert [(r.kind, r.text) for r in removed] == [
        ("caption", "Image copyright Alda Press Image caption Dockers gathered at the main gate")]
    unclear = ("Image copyright Alda Press Image caption Dockers gathered at the main gate Union leader "
               "Kasper Lunde said talks had collapsed.")
    paragraphs, removed = strip_boilerplate(f"{TITLE}\n\n{unclear}", TITLE)
    assert paragraphs == [TITLE, unclear]
    assert removed == []
