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
