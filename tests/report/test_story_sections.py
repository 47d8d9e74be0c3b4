"""The Markdown and HTML dossiers show a story's summary with its sources and denials, its timeline (an
inline SVG chart in HTML) with precision, inferred dates, background and undated entries apart, and who
denies each claim (a hand-written dossier, no pipeline run)."""

from __future__ import annotations

import re

from storyline.report import html, markdown


def entry(date, precision, text, start=None, end=None, **extra):
    return {
        "date": date,
        "precision": precision,
        "inferred": False,
        "text": text,
        "documents": ["w"],
        "claim_groups": ["g1"],
        "events": [],
        "type": "PROVIDE",
        "background": False,
        "start": start,
        "end": end,
        **extra,
    }


STORY = {
    "id": "s1",
    "title": "Velmora ships rockets",
    "documents": ["w", "d"],
    "entities": [],
    "claims": [
        {"id": "c1", "document": "w", "speaker": "officials", "stance": "asserts"},
        {"id": "c2", "document": "d", "speaker": "Velmora", "stance": "denies"},
    ],
    "claim_groups": [
        {
            "id": "g1",
            "label": "Velmora shipped rockets",
            "claims": ["c1", "c2"],
            "documents": ["w", "d"],
            "independent_sources": 2,
            "supporting": ["c1"],
            "denying": ["c2"],
            "contested": True,
            "denying_sources": 1,
            "discrepancies": [{"kind": "number", "values": ["40", "120"], "claims": ["c1"]}],
        }
    ],
    "events": [],
    "timeline": [
        entry(
            "2031-03", "month", "Velmora shipped rockets in March", "2031-03-01", "2031-03-31", inferred=True
        ),
        entry(
            "2031-05-06", "day", "Orsk fired rockets on Tuesday", "2031-05-06", "2031-05-06", type="ATTACK"
        ),
        entry("1998", "year", "A singer died in 1998", "1998-01-01", "1998-12-31", background=True),
        entry(None, "unknown", "Orsk moved its launchers"),
    ],
    "summary": [
        {
            "text": "Velmora shipped forty rockets, officials said.",
            "documents": ["w"],
            "claim_groups": ["g1"],
            "independent_sources": 2,
            "contested": True,
            "denied_by": ["Velmora"],
            "attribution": "officials say so (2 independent sources); Velmora denies it",
        }
    ],
}
DOSSIER = {
    "schema": "storyline.dossier/1",
    "errors": [],
    "warnings": [],
    "stories": [STORY],
    "documents": [
        {
            "id": i,
            "title": None,
            "text": "text",
            "origin": None,
            "outlet": None,
            "published": None,
            "authors": [],
            "dateline": None,
            "copy_of": None,
            "copy_kind": None,
            "removed": [],
        }
        for i in ("w", "d")
    ],
}


def test_markdown_story_sections():
    text = markdown.render(DOSSIER)
    assert "Velmora denies it" in text and "2 independent sources" in text
    assert "| Velmora (1 source) |" in text  # who denies the claim group
    assert "**2031-03 (month, inferred)**" in text
    timeline = text[text.index("### Timeline") :]
    assert timeline.index("2031-03") < timeline.index("2031-05-06") < timeline.index("### Background")
    assert timeline.index("A singer died") > timeline.index("### Background")
    assert timeline.index("Orsk moved") > timeline.index("### Undated")


def test_html_timeline_chart_is_inline_svg_of_the_dated_entries():
    page = html.render(DOSSIER)
    [svg] = re.findall(r"<svg.*?</svg>", page, re.S)
    assert svg.count("<rect") == 2  # the background and undated entries are not drawn
    assert "stroke-dasharray" in svg  # the inferred date
    assert "Mar 2031" in svg and not re.search(r"(src|href)=", svg)
    assert "Velmora (1 source)" in page and "Velmora denies it" in page
