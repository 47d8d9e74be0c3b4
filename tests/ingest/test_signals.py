"""Metadata signals of invented HTML pages: each signal, its provenance, and the traps (modified vs
published, copyright year, site name in the title, bylines with roles, a sidebar date)."""

from __future__ import annotations

import json

import pytest

from storyline.ingest import metadata, signals

from .conftest import ARTICLE_PARAGRAPHS

BODY = "\n".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)


def page(head: str = "", body: str = "", title: str = "Harbour plan wins approval | Example Gazette") -> str:
    return (
        f"<html><head><title>{title}</title>{head}</head><body>{body}"
        f"<article>{BODY}</article><footer>© 2009 Example Gazette</footer></body></html>"
    )


def found(html_text: str, url: str | None = None, field: str = "published", **others):
    parsed = signals.parse(html_text, url)
    if field == "published":
        return signals.published(parsed, others or None)
    if field == "title":
        return signals.title(parsed)
    return signals.authors(parsed, lambda names, declared: metadata.person_names(names, declared=declared))


def ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def test_json_ld_article_in_a_graph_with_a_linked_author():
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": "#page", "datePublished": "2019-01-01T00:00:00+01:00"},
            {
                "@type": "NewsArticle",
                "headline": "Harbour plan wins approval",
                "datePublished": "2023-03-14T09:40:00+01:00",
                "dateModified": "2023-03-20T10:00:00+01:00",
                "author": [{"@id": "#lena"}, {"@type": "Organization", "name": "Example Gazette"}],
            },
            {"@type": "Person", "@id": "#lena", "name": "Lena Voss"},
        ],
    }
    html_text = page(ld(graph))
    assert found(html_text) == signals.Found("2023-03-14", "json-ld")
    assert found(html_text, field="authors") == signals.Found(["Lena Voss"], "json-ld")


def test_json_ld_list_of_objects():
    html_text = page(
        ld(
            [
                {"@type": "BreadcrumbList"},
                {
                    "@type": ["NewsArticle"],
                    "datePublished": "2021-06-02",
                    "author": {"@type": "Person", "name": "ARVO PELT"},
                },
            ]
        )
    )
    assert found(html_text).value == "2021-06-02"
    assert found(html_text, field="authors").value == ["Arvo Pelt"]


def test_json_ld_author_with_the_parts_of_a_name():
    html_text = page(ld({"@type": "NewsArticle", "author": [
        {"@type": "Person", "givenName": "Lena", "familyName": "Voss"},
        {"@type": "Person", "name": "By Peter Holm"},
    ]}))
    assert found(html_text, field="authors").value == ["Lena Voss", "Peter Holm"]


def test_published_meta_not_the_modified_one():
    head = (
        '<meta property="article:modified_time" content="2023-04-02T08:00:00+02:00">'
        '<meta property="article:published_time" content="2023-03-14T21:40:00+01:00">'
    )
    assert found(page(head)) == signals.Found("2023-03-14", "meta")


def test_the_day_is_the_page_s_own_not_converted_to_utc():
    assert (
        found(page('<meta name="parsely-pub-date" content="2023-03-14T23:30:00-05:00">')).value
        == "2023-03-14"
    )


def test_time_element_of_the_article_not_a_sidebar_or_copyright_date():
    body = (
        '<aside><time datetime="2020-02-02">Older story</time></aside>'
        '<header><time class="entry-date published" datetime="2022-11-05T10:00:00">5 Nov</time></header>'
    )
    assert found(page(body=body)) == signals.Found("2022-11-05", "time")
    assert found(page()) is None  # only a copyright year: no day at all


def test_date_in_the_url_path_and_the_vote():
    url = "https://gazette.example/news/2022/05/17/harbour-plan"
    assert found(page(), url) == signals.Found("2022-05-17", "url")
    assert found(page(), "https://gazette.example/news/2022/05/harbour-plan") is None
    stale = page(ld({"@type": "NewsArticle", "datePublished": "2021-01-01"}))
    assert found(stale, url, htmldate="2022-05-17").value == "2022-05-17"  # two signals against one


def test_a_utc_datetime_takes_the_day_of_the_page_s_own_zone():
    """A late-evening story in Boston stamped in UTC: the page writes the same moment in its zone
    elsewhere (a video's uploadDate), and the reader's day is that one."""
    head = (
        '<meta property="article:published_time" content="2023-11-09T02:11:03+00:00">'
        + ld({"@type": "VideoObject", "uploadDate": "2023-11-08T21:11:03-05:00"})
    )
    assert found(page(head)).value == "2023-11-08"
    alone = '<meta property="article:published_time" content="2023-11-09T02:11:03+00:00">'
    assert found(page(alone)).value == "2023-11-09"  # no zone on the page: the day as written


def test_a_one_digit_day_in_the_url_must_end_its_path_segment():
    assert found(page(), "https://blog.example/2023/10/3-questions-for-the-harbour-board/") is None
    assert found(page(), "https://blog.example/2023/10/3/harbour-board").value == "2023-10-03"
    assert found(page(), "https://blog.example/2023-10-31-harbour-board").value == "2023-10-31"


def test_the_date_line_under_the_headline_outranks_a_stale_machine_date():
    body = (
        "<h1>Harbour plan wins approval</h1><p class='meta'>By Lena Voss</p>"
        "<p><span>Aktualisiert am 19.02.2024</span> <span>Stand: 28.04.2023 18:00 Uhr</span></p>"
        "<aside><p>Most read</p><p>Ferry strike ends, 02.05.2023</p></aside>"
    )
    stale = ld({"@type": "NewsArticle", "datePublished": "2021-01-01"})
    result = found(page(stale, body=body))
    assert result == signals.Found("2023-04-28", "near-h1")  # not the update, not the stale JSON-LD
    # a header showing only its update shows that as the page's date, over an older stated publication
    updated_only = "<h1>Harbour plan wins approval</h1><p><span>Updated</span> <span>May 6, 2023</span></p>"
    assert found(page(stale, body=updated_only)) == signals.Found("2023-05-06", "near-h1")
    kicker = "<p>Harbour, 12 June 2023</p><h1>Harbour plan wins approval</h1><p>By Lena Voss</p>"
    assert found(page(body=kicker)) == signals.Found("2023-06-12", "near-h1")
    teaser = "<h1>Most read this week</h1><p>Ferry strike ends</p><p>2 May 2023</p>"
    assert found(page(body=teaser)) is None  # an <h1> no stated title confirms is no headline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20. März 2021 - 15:00 Uhr", "2021-03-20"),
        ("Mittwoch, 1. November 2023", "2023-11-01"),
        ("31. Oktober 2023.", "2023-10-31"),
        ("Erstellt am 10.12.19 um 12:44", "2019-12-10"),
        ("Version 1.6.26", None),  # a version number, not a date with a two-digit year
        ("Mai 2021", None),  # no day
    ],
)
def test_page_dates_in_german_and_with_two_digit_years(text, expected):
    assert signals.written_date(text) == expected


def test_german_month_names_stay_out_of_the_english_month_table():
    assert metadata.iso_date("20. März 2021") is None  # the text's date reader is English: "Mai" is a name


def test_a_german_date_line_under_the_headline_outranks_the_machine_date():
    body = (
        "<h1>Hafen erhält neue Fähre</h1><p>Bildunterschrift: Die Fähre im Hafen.</p>"
        "<p>20. März 2021 - 15:00 Uhr</p>"
    )
    stale = ld({"@type": "NewsArticle", "datePublished": "2021-03-16T16:16:10Z"})
    html_text = page(stale, body=body, title="Hafen erhält neue Fähre | Beispielblatt")
    assert found(html_text, htmldate="2021-03-16") == signals.Found("2021-03-20", "near-h1")


def test_an_updated_time_element_and_a_menu_are_no_date_line():
    updated = (
        "<p>Veröffentlicht am <time class='updated' datetime='2019-02-09'>9. Februar 2019</time></p>"
        "<h1>Harbour plan wins approval</h1>"
    )
    assert signals.published_header(signals.parse(page(body=updated))) is None
    menu = (
        "<h1>Harbour plan wins approval</h1>"
        "<ul class='menu'><li><a href='/12m'>12M – 12. Mai 2012</a></li></ul><p>Posted 13 January 2014</p>"
    )
    assert signals.published_header(signals.parse(page(body=menu))) == "Posted 13 January 2014"


def test_one_element_read_by_the_date_line_and_the_time_signal_votes_once():
    body = "<h1>Harbour plan wins approval</h1><p><time class='entry-date'>June 12, 2023</time></p>"
    parsed = signals.parse(page(body=body))
    assert signals.published_header(parsed) == signals.published_time(parsed) == "June 12, 2023"
    assert signals.same_element(parsed)
    # counted once (1.5, not 1.5 + 0.5 winning the tie), the date line loses to meta and JSON-LD (1.0 + 1.0)
    meta = '<meta property="article:published_time" content="2023-06-11T09:00:00+02:00">'
    stated = meta + ld({"@type": "NewsArticle", "datePublished": "2023-06-11"})
    assert found(page(stated, body=body)) == signals.Found("2023-06-11", "meta")
    apart = "<h1>Harbour plan wins approval</h1><p>June 12, 2023</p><p><time pubdate>June 12, 2023</time></p>"
    assert not signals.same_element(signals.parse(page(body=apart)))


def test_a_future_or_ancient_date_is_no_publication_day():
    assert signals.day("2999-01-01") is None and signals.day("1970-01-01") is None
    assert signals.day("2023/02/21 21:20") == "2023-02-21" and signals.day("20190820") == "2019-08-20"
    assert signals.day("Stand: 28.04.2020 18:00 Uhr") == "2020-04-28"
    assert signals.day("Version 1.2.2019.4") is None


@pytest.mark.parametrize(
    ("title", "head", "h1", "expected"),
    [
        ("Harbour plan wins approval | Example Gazette", "", "", ("Harbour plan wins approval", "title-tag")),
        (
            "Harbour plan wins approval - News Nation",
            '<meta property="og:site_name" content="News Nation">',
            "",
            ("Harbour plan wins approval", "title-tag"),
        ),
        (
            "Politics: Harbour plan wins approval after a long fight - Gazette.example",
            "",
            "<h1>Harbour plan wins approval after a long fight</h1>",
            ("Harbour plan wins approval after a long fight", "h1"),
        ),
        (
            "Example Gazette",
            '<meta property="og:title" content="Harbour plan wins approval">',
            "<h1>Example Gazette</h1>",
            ("Harbour plan wins approval", "meta"),
        ),
        ("Harbour plan - a fight - and a vote", "", "", ("Harbour plan - a fight - and a vote", "title-tag")),
    ],
)
def test_titles_without_the_site_name(title, head, h1, expected):
    head += '<meta property="og:site_name" content="Example Gazette">' if "og:site_name" not in head else ""
    result = found(page(head, body=h1, title=title), "https://gazette.example/a", field="title")
    assert (result.value, result.provenance) == expected


def test_an_unconfirmed_h1_loses_to_the_stated_headline():
    html_text = page(
        '<meta property="og:title" content="Harbour plan wins approval">',
        body="<h1>Most read this week</h1>",
        title="Harbour plan wins approval",
    )
    assert found(html_text, field="title").value == "Harbour plan wins approval"


def test_a_section_heading_inside_the_stated_title_is_no_headline():
    headline = "Harbour plan wins approval after long debate. Reader reviews"
    stated = f'<meta property="og:title" content="{headline}">'
    body = "<h1>Reader reviews</h1>"
    result = found(page(stated, body=body, title="Harbour"), field="title")
    assert result == signals.Found(headline, "meta")
    part = "<h1>Harbour plan wins approval after long debate</h1>"  # most of the stated title: the headline
    assert found(page(stated, body=part, title="Harbour"), field="title").provenance == "h1"


@pytest.mark.parametrize(
    ("values", "names"),
    [
        (["By Tom Okoro, AP Auto Writer"], ["Tom Okoro"]),
        (["Staff"], []),
        (["The Russian"], []),
        (["Syrian defense ministries"], []),
        (["Futurism"], []),
        (["@lenavoss"], []),
        (["Example Gazette"], []),
        (["LENA VOSS and PETER HOLM"], ["Lena Voss", "Peter Holm"]),
        (["Ana de la Cruz; Chien-Ming Wu"], ["Ana de la Cruz", "Chien-Ming Wu"]),
        (['Amira "Mira" Saleh'], ['Amira "Mira" Saleh']),
        (["Peter Holm Tuesday, Aug. 17, 2010"], ["Peter Holm"]),
        (["Tobias Kern Fr"], ["Tobias Kern"]),  # a German weekday abbreviation the byline ran into
        (["Tobias Kern Freitag, 12.03.2021"], ["Tobias Kern"]),
        (["Jonas Freitag"], ["Jonas Freitag"]),  # a surname that is a weekday
        (["Carla Di Marco"], ["Carla Di Marco"]),  # "Di" inside a name is its particle
        (["https://www.facebook.com/gazette"], []),
    ],
)
def test_author_values_become_person_names(values, names):
    assert metadata.person_names(values, metadata.site_keys("Example Gazette")) == names


@pytest.mark.parametrize(
    ("values", "names"),
    [
        (["Von Tobias Kern"], ["Tobias Kern"]),
        (["Par Jeanne Morel et Luc Girard"], ["Jeanne Morel", "Luc Girard"]),
        (["von Redaktion"], []),
        (["Newsdesk"], []),
    ],
)
def test_bylines_in_other_languages(values, names):
    assert metadata.person_names(values, declared=True) == names


def test_a_one_word_author_counts_only_where_the_markup_declares_a_person():
    person = ld({"@type": "BlogPosting", "author": {"@type": "Person", "name": "Steffi"}})
    assert found(page(person), field="authors") == signals.Found(["Steffi"], "json-ld")
    for account in ("admin", "Campact-Team", "gazette.example"):
        declared = ld({"@type": "BlogPosting", "author": {"@type": "Person", "name": account}})
        assert found(page(declared), field="authors") is None
    assert found(page('<meta name="author" content="Gazette">'), field="authors") is None
    link = '<article><p>By <a rel="author" href="/u/hansg">HansG</a></p></article>'
    assert found(page(body=link), field="authors") == signals.Found(["HansG"], "byline")


def test_readers_comments_sign_no_author_of_the_story():
    comments = (
        '<section class="comments"><div class="comment-author vcard"><b class="fn">Mira Katz</b></div>'
        '<span itemprop="author">Guest</span></section>'
    )
    article = '<div class="article-info"><span itemprop="author creator">Text: Lena Voss</span></div>'
    assert found(page(body=comments), field="authors") is None
    assert found(page(body=comments + article), field="authors") == signals.Found(["Lena Voss"], "byline")


def test_initials_and_the_site_signing_as_itself_are_no_authors():
    initials = ld({"@type": "BlogPosting", "author": {"@type": "Person", "name": "AS"}})
    assert found(page(initials), field="authors") is None
    site = '<span itemprop="author">| BY: <span itemprop="name">Harbourwatch</span></span>'
    parsed = signals.parse(page(body=site), "https://harbourwatchdaily.example/blog/plan")
    keys = metadata.site_keys("harbourwatchdaily.example")
    def clean(names, declared):
        return metadata.person_names(names, keys, declared)

    assert signals.authors(parsed, clean) is None
    assert metadata.person_names(["BY: Lena Voss"], keys) == ["Lena Voss"]


def test_byline_element_when_no_structured_author():
    body = '<div class="byline">By <a rel="author" href="/staff/holm">PETER HOLM</a></div>'
    assert found(page(body=body), field="authors") == signals.Found(["Peter Holm"], "byline")


def test_a_byline_element_s_lines_are_read_apart():
    body = "<h3 class='byline'>by Lena Voss<br><span>Monday, November 18, 2023</span></h3>"
    assert found(page(body=body), field="authors") == signals.Found(["Lena Voss"], "byline")
    agency = "<p class='byline'>PETER HOLM<br>Associated Press</p>"
    assert found(page(body=agency), field="authors") == signals.Found(["Peter Holm"], "byline")


def test_meta_author_that_is_a_url_is_skipped():
    head = '<meta property="article:author" content="https://www.facebook.com/gazette">'
    assert found(page(head), field="authors") is None


def test_page_read_through_the_html_reader_carries_provenance(write, read_all):
    head = '<meta property="og:site_name" content="Example Gazette">' + ld(
        {
            "@type": "NewsArticle",
            "headline": "Harbour plan wins approval",
            "datePublished": "2023-03-14",
            "author": {"@type": "Person", "name": "Lena Voss"},
        }
    )
    (doc,), errors = read_all(write("p.html", page(head, body="<h1>Harbour plan wins approval</h1>")))
    assert errors == []
    assert (doc.title, doc.published, doc.authors, doc.outlet) == (
        "Harbour plan wins approval",
        "2023-03-14",
        ["Lena Voss"],
        "Example Gazette",
    )
    assert doc.provenance == {"title": "h1", "published": "json-ld", "authors": "json-ld", "outlet": "meta"}


def test_bylines_of_teasers_outside_the_article_are_not_its_authors():
    teasers = '<aside><a rel="author" href="/staff/roe">Jana Roe</a></aside>'
    article = '<article><span itemprop="author"><span itemprop="name">Peter Holm</span></span></article>'
    assert found(page(body=teasers + article), field="authors").value == ["Peter Holm"]


def test_a_headline_containing_the_site_name_is_kept():
    html_text = page('<meta property="og:title" content="Harbour Gazette staff vote to strike">',
                     title="Harbour Gazette staff vote to strike | Harbour Gazette")
    result = found(html_text, "https://harbourgazette.example/a", field="title")
    assert result.value == "Harbour Gazette staff vote to strike"


def test_a_date_written_as_one_number_in_the_url():
    assert found(page(), "https://gazette.example/life/20231108/harbour-plan").value == "2023-11-08"
    assert found(page(), "https://gazette.example/life/20231108-harbour-plan").value == "2023-11-08"
    assert found(page(), "https://gazette.example/story/2023110812345/harbour-plan") is None  # an id


def test_an_update_is_no_publication_but_an_unchanged_wordpress_post_is():
    updated = "<article><div class='timestamp published-date'>Updated May 06, 2019</div></article>"
    assert signals.published_time(signals.parse(page(body=updated))) is None
    changed = "<article><time class='updated' datetime='2019-05-06'>May 6</time></article>"
    assert signals.published_time(signals.parse(page(body=changed))) is None
    unchanged = (
        "<h1>Harbour plan wins approval</h1>"
        "<p><time class='entry-date published updated' datetime='2019-04-30'>April 30, 2019</time></p>"
    )
    parsed = signals.parse(page(body=unchanged))
    assert signals.published_time(parsed) == "2019-04-30"
    assert signals.published_header(parsed) == "April 30, 2019"


def test_a_photo_caption_under_the_headline_is_no_date_line():
    body = (
        "<h1>Harbour plan wins approval</h1>"
        "<figure><img src='a.jpg'><figcaption>Dock workers on Nov. 3, 2023.</figcaption></figure>"
        "<p class='wp-caption-text'>The harbour on Nov. 2, 2023.</p><p>Posted Nov. 8, 2023</p>"
    )
    assert signals.published_header(signals.parse(page(body=body))) == "Posted Nov. 8, 2023"


def test_a_menu_class_on_the_page_s_wrapper_does_not_hide_the_date_line():
    body = (
        "<div class='single-post has-menu'><h1>Harbour plan wins approval</h1>"
        "<p><span class='posted-on'>June 12, 2023</span></p></div>"
    )
    assert signals.published_header(signals.parse(page(body=body))) == "June 12, 2023"


def test_the_head_s_title_is_not_read_as_a_date_line():
    html_text = page(title="Minutes of the board meeting of 10 October 2019",
                     body="<h1>Minutes of the board meeting of 10 October 2019</h1>")
    assert signals.published_header(signals.parse(html_text)) is None


def test_the_page_s_own_date_element_wins_a_tie_with_htmldate():
    body = "<p><span class='text_datum'>31. Oktober 2023.</span> Harbour plan wins approval.</p>"
    assert found(page(body=body), htmldate="2023-11-01") == signals.Found("2023-10-31", "time")


@pytest.mark.parametrize(
    ("value", "declared", "names"),
    [
        ("Lena Voss Senior Reporter", False, ["Lena Voss"]),
        ("Lena Voss Contributor", False, ["Lena Voss"]),
        ("Lena Voss for Example Gazette", False, ["Lena Voss"]),
        ("Tobias Kern aus Bonn", False, ["Tobias Kern"]),
        ("Lena Voss reporting from Kyiv", False, ["Lena Voss"]),
        ("Daily Planet Staff", False, []),  # a desk, not "Daily Planet" the person
        ("Daily Planet Sports Desk", False, []),
        ("Staff Writer", False, []),
        ("Lena Voss Staff Writer", False, ["Lena Voss"]),  # "Staff" inside a role, not a desk
        ("By Lena Voss Senior Staff Writer", False, ["Lena Voss"]),
        ("Daily Planet Staff Writers", False, []),
        ("Lena Voss - Example Gazette", False, ["Lena Voss"]),  # the outlet after a spaced dash
        ("Anne-Marie Holm", False, ["Anne-Marie Holm"]),  # a hyphen inside a name is no separator
        ("Lena Voss Twitter: @lenavoss", False, ["Lena Voss"]),
        ("Lena Voss Published May 3, 2023", False, ["Lena Voss"]),
        ("Written by Lena Voss", False, ["Lena Voss"]),
        ("Analysis by Lena Voss, Gazette Editor-at-large", False, ["Lena Voss"]),  # the kind of piece first
        ("Sponsored Content", True, []),
        ("lena voss", True, ["Lena Voss"]),  # a CMS account's name, cased
        ("lena voss", False, []),  # a bare lowercase meta value may be anything
        ("Ana de la Cruz", False, ["Ana de la Cruz"]),
        ("Lena Voss. Example Wire Service", False, ["Lena Voss"]),  # a sentence's end closes the name
        ("Lena Voss Jr.", False, ["Lena Voss Jr."]),
        ("Lena Voss November 18, 2023", False, ["Lena Voss"]),  # the date line it runs into
        ("Lena Voss November", False, ["Lena Voss"]),
        ("Peter Holm May", False, ["Peter Holm May"]),  # "May" is a name too, a month only before a day
        ("AP National Security", False, []),  # an agency's desk
        ("Lena Voss Example Gazette", False, ["Lena Voss"]),  # the site's own name after the person
    ],
)
def test_a_byline_s_role_outlet_or_place_after_the_name(value, declared, names):
    assert metadata.person_names([value], metadata.site_keys("Example Gazette"), declared) == names


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Example Gazette | Harbour plan wins approval", "Harbour plan wins approval"),
        ("Harbour plan wins approval – Example Gazette", "Harbour plan wins approval"),
        ("Harbour plan wins approval :: gazette.example", "Harbour plan wins approval"),
        ("Harbour plan wins approval | Local News | Example Gazette", "Harbour plan wins approval"),
        ("Politics | Harbour plan wins approval | Example Gazette", "Harbour plan wins approval"),
        ("Example Gazette - World - Harbour plan wins approval", "Harbour plan wins approval"),
        # a headline's own dash is not the template's bar, and a short remainder is no headline cut
        ("Harbour plan wins - a fight | Example Gazette", "Harbour plan wins - a fight"),
        ("Brexit | What it means | Example Gazette", "Brexit | What it means"),
    ],
)
def test_the_site_name_is_cut_on_either_side(title, expected):
    result = found(page('<meta property="og:site_name" content="Example Gazette">', title=title),
                   "https://gazette.example/a", field="title")
    assert result.value == expected


def test_a_date_line_showing_the_declared_update_outranks_the_stated_publication():
    body = "<h1>Harbour plan wins approval</h1><p>12.01.2024</p>"
    stated = (
        '<meta property="article:published_time" content="2023-11-29T14:13:37+00:00">'
        + ld({"@type": "NewsArticle", "datePublished": "2023-11-29T14:13:37+00:00",
              "dateModified": "2024-01-12T14:27:30+00:00"})
    )
    assert found(page(stated, body=body)) == signals.Found("2024-01-12", "near-h1")
    other = body.replace("12.01.2024", "14.01.2024")  # a date line that is not the update: outvoted
    assert found(page(stated, body=other)) == signals.Found("2023-11-29", "meta")


def test_the_date_line_under_an_h2_headline_when_the_h1_is_the_logo():
    body = (
        "<h1>Example Gazette</h1><nav><a href='/'>News</a></nav>"
        "<h2>Harbour plan wins approval</h2><p><span class='date'>27.01.2024</span></p>"
    )
    site = '<meta property="og:site_name" content="Example Gazette">'
    assert found(page(site, body=body)) == signals.Found("2024-01-27", "near-h1")
    teaser = "<h1>Example Gazette</h1><h2>Most read this week</h2><p>27.01.2024</p>"
    assert found(page(site, body=teaser)) is None  # an <h2> no stated title confirms is no headline


def test_a_forum_poster_s_profile_date_is_no_date_line():
    body = (
        "<h1>Harbour plan wins approval</h1>"
        "<dl><dd><strong>Registriert:</strong> 18.09.2021, 05:56</dd></dl><p>von r23 » 21.01.2024, 05:42</p>"
    )
    assert found(page(body=body)) == signals.Found("2024-01-21", "near-h1")


def test_a_labelled_publication_date_outranks_a_bare_time_element_and_htmldate():
    body = (
        "<div class='player'><p>Download: opus (16 MB)</p>"
        "<p>Veröffentlicht am 16.08.2023<br>Dauer: 1 Stunde</p></div>"
        "<p><time datetime='2023-08-24T03:36:11+02:00'>24.08.2023</time></p>"
    )
    assert found(page(body=body), htmldate="2023-08-24") == signals.Found("2023-08-16", "label")
    sentence = "<p>The study was published in a journal in 2019 and on 3 May 2021 the council voted.</p>"
    assert signals.published_label(signals.parse(page(body=sentence))) is None  # no label opens it


def test_a_date_written_in_a_calendar_badge_of_three_elements():
    badge = ("<div class='datum'><span class='monat'>Mar</span> <span class='tag'>14</span>"
             "<span class='jahr'>2023</span></div>")
    assert found(page(body=badge), htmldate="2019-01-01") == signals.Found("2023-03-14", "time")


def test_a_stated_last_change_stands_for_a_page_without_a_publication_date():
    foot = "<div><label>Letzte Änderung:</label><div>14.01.2023 um 09:25</div></div>"
    assert found(page(body=foot), htmldate="2016-03-09") == signals.Found("2023-01-14", "updated")
    stated = ld({"@type": "NewsArticle", "datePublished": "2022-12-01"})
    # a stated publication outranks it
    assert found(page(stated, body=foot), htmldate="2016-03-09").value == "2022-12-01"
