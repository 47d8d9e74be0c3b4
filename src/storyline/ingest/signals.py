"""Metadata signals of an HTML page, each found value with where it came from.

A page says its title, date and authors several times, with different care: JSON-LD written for search
engines, Open Graph and other meta tags, microdata and ``<time>`` elements in the article's header,
the byline element, the URL's path, the ``<h1>`` and the ``<title>``. Title and authors take the first
signal, in order of reliability, that gives a usable value; the publication day is voted by all date
signals (one stale JSON-LD date must not outvote the URL, the meta tags and htmldate). The signal's
name is the value's provenance. Orders and weights were chosen on half of the development sets
(``storyline eval metadata``), so that they carry to sites never seen."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlparse

import lxml.html
from lxml import etree

from storyline.ingest import vocabulary as vocab
from storyline.ingest.metadata import iso_date, organisation, site_keys

MIN_YEAR = 1990  # no news page in the sets or in use is older; older years are copyright or birth dates
TEXT_CHARS = 300  # a date or byline element with more text than this is a paragraph, not a label
MIN_H1_WORDS = 2  # a one-word <h1> is a logo or a section name
MAX_SITE_NAME_WORDS = 3  # "Prachatai.com", "国際ニュース：AFPBB News", "The Sun Daily"
MAX_SECTION_WORDS = 3  # a section named beside the site's name in a title: "Politics", "World news"
MIN_HEADLINE_WORDS = 4  # a section is cut only from a headline this long, never to leave a fragment
# An <h1> inside the stated title is the headline when it makes half of it at least; one word of it
# ("Reviews" in "Atkins diet in 14 days - Reviews") is a section's heading. The date line is still
# looked for under such a heading: requiring the share there too lost a page on dates-dev's half b.
HEADLINE_SHARE = 0.5
LABEL_CHARS = 80  # a publication label's text is short ("· Published 21. Juli 2017"), not a sentence
HEADER_CHARS = 300  # visible characters under the headline where its date line stands (byline, teaser, date)
SKIPPED_TAGS = {"script", "style", "noscript", "template", "svg", "title"}
UTF8_PARSER = lxml.html.HTMLParser(encoding="utf-8")


@dataclass(frozen=True)
class Found:
    """A value and the signal it came from (``json-ld``, ``meta``, ``time``, ``url``, ``h1``, ...)."""

    value: str | list[str]
    provenance: str


@dataclass
class Page:
    """A parsed page and its structured data, read once for all extractors."""

    tree: lxml.html.HtmlElement
    objects: list[dict] = field(default_factory=list)  # JSON-LD objects, @graph and lists flattened
    meta: dict[str, list[str]] = field(default_factory=dict)  # lowercased name/property/itemprop -> contents
    url: str | None = None
    zone: dt.tzinfo | None = None  # the page's own time zone, when it writes one (``local_zone``)


def parse(html_text: str, url: str | None = None) -> Page | None:
    """The page's tree, JSON-LD objects and meta values; None when it is no HTML."""
    try:
        # the text is decoded already: a <meta charset> naming another encoding must not be obeyed
        tree = lxml.html.fromstring(html_text.encode("utf-8", "replace"), parser=UTF8_PARSER)
    except (etree.ParserError, ValueError):
        return None
    page = Page(tree=tree, objects=list(json_ld(tree)))
    for element in tree.iter("meta"):
        name = element.get("property") or element.get("name") or element.get("itemprop") or ""
        content = " ".join((element.get("content") or "").split())
        if name and content:
            page.meta.setdefault(name.lower().strip(), []).append(content)
    page.url = url or canonical_url(page)
    page.zone = local_zone(html_text)
    return page


def _flatten(data: object) -> Iterator[dict]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _flatten(data["@graph"])
        main = data.get("mainEntity") or data.get("mainEntityOfPage")
        if isinstance(main, dict) and "@type" in main:
            yield from _flatten(main)


def json_ld(tree: lxml.html.HtmlElement) -> Iterator[dict]:
    """Every JSON-LD object of the page; a script that is no valid JSON is skipped."""
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        text = (script.text or "").strip().removeprefix("<!--").removesuffix("-->").strip()
        try:
            data = json.loads(text, strict=False)
        except ValueError:
            continue
        yield from _flatten(data)


def _types(obj: dict) -> set[str]:
    kinds = obj.get("@type") or []
    return {str(k).lower() for k in (kinds if isinstance(kinds, list) else [kinds])}


def articles(page: Page) -> list[dict]:
    """JSON-LD objects that are the story (NewsArticle, BlogPosting, ...), best first."""
    return [o for o in page.objects if _types(o) & set(vocab.ARTICLE_TYPES)]


def canonical_url(page: Page) -> str | None:
    for link in page.tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and (link.get("href") or "").startswith("http"):
            return link.get("href")
    found = page.meta.get("og:url", [])
    return found[0] if found and found[0].startswith("http") else None


def site_names(page: Page) -> list[str]:
    """Names the site gives itself (og:site_name, the JSON-LD publisher, the host)."""
    names = [v for key in vocab.SITE_NAME_META for v in page.meta.get(key, [])]
    for obj in page.objects:
        publisher = obj.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            names.append(publisher["name"])
        if _types(obj) & {"organization", "newsmediaorganization", "website"} and isinstance(
            obj.get("name"), str
        ):
            names.append(obj["name"])
    if page.url:
        names.append(urlparse(page.url).hostname or "")
    return [n.lstrip("@") for n in names if n]


def outlet(page: Page) -> Found | None:
    """The site's own name: og:site_name and the like, else the JSON-LD publisher."""
    for key in vocab.SITE_NAME_META:
        for value in page.meta.get(key, []):
            if not value.startswith(("http", "@")):
                return Found(value, "meta")
    for obj in articles(page):
        publisher = obj.get("publisher")
        name = publisher.get("name") if isinstance(publisher, dict) else None
        if isinstance(name, str) and name.strip():
            return Found(name.strip(), "json-ld")
    return None


# --- publication day ------------------------------------------------------------------------------

MACHINE_DATE = re.compile(
    r"^\s*(?P<year>\d{4})[-/.]?(?P<month>\d{2})[-/.]?(?P<day>\d{2})(?:$|[T\s_]|\d{2}:?\d{2})"
)
# A one-digit day must end its path segment: "/2023/10/3-fragen-an" is October and a slug "3 questions".
# A date written as one number ("/entlife/20231108/slug") must be the whole segment or open it.
URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d{2})[/_-](?P<month>[01]?\d)[/_-]"
    r"(?:(?P<day>[0-3]\d)(?=/|[_-]|\.html?$|$)|(?P<short_day>[1-9])(?=/|\.html?$|$))"
    r"|/(?P<year8>(?:19|20)\d{2})(?P<month8>[01]\d)(?P<day8>[0-3]\d)(?=/|[_-]|\.html?$|$)"
)
_PAGE_MONTH = "|".join(sorted(vocab.PAGE_MONTHS, key=len, reverse=True))
# Dates the shared reader (metadata.iso_date) leaves, as pages of other languages write them: a month
# name of another language ("20. März 2021") and a day-first dotted date with a two-digit year
# ("10.12.19"; day and month of two digits each, so "1.6.26" and "4.9.13", versions, are no dates).
OTHER_DATE_FORMS = (
    re.compile(rf"(?<![\d.])(?P<day>\d{{1,2}})\.\s?(?P<month>{_PAGE_MONTH})\s+(?P<year>\d{{4}})\b",
               re.IGNORECASE),
    re.compile(r"(?<![\d.])(?P<day>[0-3]\d)\.(?P<month>[01]\d)\.(?P<short_year>\d{2})(?!\.?\d)"),
)
ZONED = re.compile(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})(?![\d:])")


def local_zone(html_text: str) -> dt.tzinfo | None:
    """The page's own time zone: the most frequent non-zero UTC offset among the datetimes it writes.

    Many CMSs write ``datePublished`` in UTC ("2023-11-09T02:11:03+00:00") and the same moment
    elsewhere in the site's zone ("2023-11-08T21:11:03-05:00"); the page's day, as its readers see it
    (and as html-dates-dev's gold takes it: checked on its half a), is the local one."""
    offsets: Counter[dt.timedelta] = Counter()
    for match in ZONED.finditer(html_text):
        moment = _moment(match.group())
        offset = moment.utcoffset() if moment else None
        if offset:
            offsets[offset] += 1
    return dt.timezone(offsets.most_common(1)[0][0]) if offsets else None


def _moment(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text.strip())
    except ValueError:
        return None


def _local_day(value: str, zone: dt.tzinfo | None) -> dt.date | None:
    """The day of a UTC datetime ("...T02:11Z") in the page's own zone; None for any other value."""
    match = ZONED.match(value.strip()) if zone else None
    moment = _moment(match.group()) if match else None
    if moment is None or moment.utcoffset():
        return None
    return moment.astimezone(zone).date()


def written_date(text: str | None) -> str | None:
    """``YYYY-MM-DD`` of the first date written in a page's text: the shared reader's forms, else the
    other languages' forms of ``OTHER_DATE_FORMS``."""
    found = iso_date(text)
    for form in OTHER_DATE_FORMS if text and not found else ():
        match = form.search(text)
        if not match:
            continue
        month, year = match["month"], match.groupdict().get("year") or f"20{match['short_year']}"
        try:
            return dt.date(int(year), int(month) if month.isdigit() else vocab.PAGE_MONTHS[month.lower()],
                           int(match["day"])).isoformat()
        except ValueError:
            continue
    return found


def day(value: str | None, zone: dt.tzinfo | None = None) -> str | None:
    """``YYYY-MM-DD`` of a date value as the page wrote it (its own time zone), when plausible; a
    datetime written in UTC is moved to ``zone``, the page's own zone, when there is one."""
    if not value:
        return None
    match = MACHINE_DATE.match(value)
    found = _local_day(value, zone)
    if match and found is None:
        try:
            found = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
        except ValueError:
            found = None
    if found is None:
        text = written_date(value)
        found = dt.date.fromisoformat(text) if text else None
    if found is None or not MIN_YEAR <= found.year or found > dt.date.today():
        return None
    return found.isoformat()


def published_json_ld(page: Page) -> str | None:
    for obj in articles(page):
        for key in ("datePublished", "dateCreated", "uploadDate"):
            value = obj.get(key)
            if isinstance(value, str) and day(value):
                return value
    return None


def published_meta(page: Page) -> str | None:
    for key in vocab.PUBLISHED_META:
        for value in page.meta.get(key, []):
            if day(value):
                return value
    for element in page.tree.xpath('//*[@itemprop="datePublished"]'):
        value = element.get("datetime") or element.get("content") or element.text_content()
        if day(value):
            return value
    return None


def modified(page: Page) -> str | None:
    """The day the page declares as its last change (JSON-LD ``dateModified``, modified-time meta)."""
    values = [o.get("dateModified") for o in articles(page)]
    values += [v for key in vocab.MODIFIED_META for v in page.meta.get(key, [])]
    return next((found for v in values if isinstance(v, str) and (found := day(v, page.zone))), None)


def _classes(element: lxml.html.HtmlElement) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}".lower()


def _says_update(label: str, classes: str) -> bool:
    """Whether a date's label or its element's class names the last change, not the publication
    ("Updated May 06, 2019", ``<time class="updated">``); WordPress classes an unchanged post's date
    "entry-date published updated": a class that says published too is the publication."""
    label, classes = label.lower(), classes.lower()
    in_class = any(word in classes for word in (*vocab.UPDATE_LABELS, "modif")) and "publish" not in classes
    return in_class or any(word in label for word in (*vocab.UPDATE_LABELS, "modif"))


def _names_update(element: lxml.html.HtmlElement) -> bool:
    return _says_update(element.text_content()[:TEXT_CHARS], _classes(element))


def time_element(page: Page) -> tuple[str, lxml.html.HtmlElement] | None:
    """A ``<time>`` marked as the publication (``pubdate``, a "published" class), else the first
    ``<time>`` of the ``<article>``, else the first short element whose class names a publication
    date; with the value read from it. Updates and other stories' teasers are passed over."""
    times = [t for t in page.tree.xpath("//time") if not _names_update(t) and not _in_aside(t)]
    marked = [
        t
        for t in times
        if t.get("pubdate") is not None
        or any(word in _classes(t) for word in ("publish", "entry-date", "post-date", "created"))
    ]
    in_article = [t for t in times if any(a.tag == "article" for a in t.iterancestors())]
    for element in [*marked, *in_article]:
        for value in (element.get("datetime"), element.text_content()[:TEXT_CHARS]):
            if day(value):
                return value, element
    for element in page.tree.xpath("//*[@class or @id]"):
        if any(word in _classes(element) for word in vocab.DATE_CLASSES) and not (
            _names_update(element) or _in_aside(element)
        ):
            text = _spaced_text(element)
            if len(text) <= TEXT_CHARS and day(text):
                return text, element
    return None


def _spaced_text(element: lxml.html.HtmlElement) -> str:
    """An element's text with its children's texts apart: a calendar badge writes a date in three
    elements (``<span>Feb</span><span>18</span><span>2009</span>``), which ``text_content`` glues
    to "Feb 182009"; a byline its name and its date or agency ("Jeff Foust<br>Monday", "ERIC
    TUCKER<br>Associated Press")."""
    return _clean(" ".join(element.itertext()))


def published_time(page: Page) -> str | None:
    found = time_element(page)
    return found[0] if found else None


def header_node(page: Page) -> etree._ElementUnicodeResult | None:
    """The text node of the first date written just under the headline ("Stand: 28.04.2020",
    "Published 3 May 2021"), else just above it (a kicker line): where readers look for the date,
    before any sidebar or teaser. Only under a heading that a stated title confirms (an ``<h1>``, else
    an ``<h2>``, where a theme keeps ``<h1>`` for its logo): under a logo or a section name the next
    date is a teaser's."""
    stated = stated_titles(page)
    element = headline(page, stated)
    element = headline(page, stated, "h2") if element is None else element
    if element is None:
        return None
    following = element.xpath("following::text()")
    return (_first_date(following) or _first_date(reversed(element.xpath("preceding::text()")))
            or _first_date(following, updates=True))


def _in_aside(element: lxml.html.HtmlElement) -> bool:
    """Whether an element stands in a menu or beside the story ("12M – 12. Mai 2012", a page named
    after an event; a related story's teaser with its own date): a ``<nav>``, or an element whose
    class or id names a menu, a teaser list or a sidebar (``vocab.ASIDE_CLASSES``). A holder of an
    ``<h1>`` holds the story ("single-post right-sidebar" on ``<body>``): the search stops there."""
    return _held_by(element, lambda holder: holder.tag in ("nav", "figure", "figcaption") or any(
        word in _classes(holder) for word in vocab.ASIDE_CLASSES))


def _held_by(element: lxml.html.HtmlElement, test: Callable[[lxml.html.HtmlElement], bool]) -> bool:
    """Whether the element or one of its holders passes ``test``, looking up to the first holder of the
    ``<h1>`` (or ``<body>``), which holds the story itself."""
    for holder in (element, *element.iterancestors()):
        if holder.tag in ("body", "html") or holder.find(".//h1") is not None:
            return False
        if test(holder):
            return True
    return False


def published_header(page: Page) -> str | None:
    node = header_node(page)
    return _clean(str(node)) if node is not None else None


def _first_date(texts: Iterable[etree._ElementUnicodeResult], updates: bool = False,
                ) -> etree._ElementUnicodeResult | None:
    """The first publication date among visible texts, within ``HEADER_CHARS``; a date labelled as an
    update is skipped unless ``updates`` ("Updated" may stand in an element of its own, before its
    date), and so are a forum poster's profile, menus and photo captions (``_in_aside``). A header that
    shows only "Updated May 06, 2019" shows that as the page's date: readers (and html-dates-dev's
    gold, half a) take it so."""
    seen, label = 0, ""
    for node in texts:
        parent = node.getparent()
        if parent is not None and (parent.tag in SKIPPED_TAGS or _in_aside(parent)):
            continue
        text = _clean(str(node))
        if not text:
            continue
        # the label may be the element's class: <time class="updated">9. Februar 2019</time>
        classes = _classes(node.getparent()) if node.getparent() is not None else ""
        updated = _says_update(f"{label} {text}", classes)
        profile = any(word in f"{label} {text}".lower() for word in vocab.PROFILE_LABELS)
        written = written_date(text)
        if written and day(text) and not ((updated and not updates) or profile):
            return node
        seen, label = seen + len(text), "" if written else text
        if seen > HEADER_CHARS:
            break
    return None


def published_label(page: Page) -> str | None:
    """The first date of the page's text that a publication label opens ("Veröffentlicht am
    16.08.2019" in a podcast's file list, "Published 3 May 2021"): the page saying when it appeared,
    wherever its template puts it."""
    return _labelled_date(page, vocab.PUBLISHED_LABELS)


def updated_label(page: Page) -> str | None:
    """The first date of the page's text that a last-change label opens ("Letzte Änderung:
    14.01.2022" at a page's foot): the only date a page without a publication date states of itself."""
    return _labelled_date(page, vocab.UPDATE_LABELS)


def _labelled_date(page: Page, labels: Iterable[str]) -> str | None:
    """The first date that one of ``labels`` opens; the label's text node and the next two are read."""
    texts = [node for node in page.tree.xpath("//body//text()")
             if node.getparent() is None or node.getparent().tag not in SKIPPED_TAGS]
    for i, node in enumerate(texts):
        text = _clean(str(node)).lower()
        opened = any(text.startswith(label) or f" {label}" in text for label in labels)
        if len(text) <= LABEL_CHARS and opened:
            value = _clean(" ".join(str(t) for t in texts[i:i + 3]))[:TEXT_CHARS // 2]
            if day(value, page.zone):
                return value
    return None


def same_element(page: Page) -> bool:
    """Whether the date under the headline is written inside the element the ``time`` signal reads:
    one element is one vote, not two."""
    node, found = header_node(page), time_element(page)
    if node is None or found is None or node.getparent() is None:
        return False
    holder = node.getparent().getparent() if node.is_tail else node.getparent()
    return holder is not None and (holder is found[1] or any(a is found[1] for a in holder.iterancestors()))


def published_url(page: Page) -> str | None:
    match = URL_DATE.search(urlparse(page.url).path) if page.url else None
    if not match:
        return None
    if match["year8"]:
        return f"{match['year8']}-{match['month8']}-{match['day8']}"
    return f"{match['year']}-{int(match['month']):02d}-{int(match['day'] or match['short_day']):02d}"


# The signals vote for a day; ties go to the first in this order. Chosen on half a of html-dates-dev
# (``storyline eval metadata``; half b held out): what the page states outranks what is guessed. A full
# date in the URL's path was right 50 times of 51; the date line around a confirmed headline, what
# readers see, 123 of 128 and 10 of 15 conflicts with htmldate; meta tags and JSON-LD 0.94-0.96;
# htmldate (through trafilatura) and a bare ``<time>`` element 0.91 and 0.87, so they decide only when
# nothing else does or when they agree; between those two alone the page's own element wins the tie
# (half a: one page more right, none lost).
PUBLISHED: tuple[tuple[str, Callable[[Page], str | None]], ...] = (
    ("url", published_url),
    ("near-h1", published_header),
    ("meta", published_meta),
    ("json-ld", published_json_ld),
    ("label", published_label),
    ("time", published_time),
)
VOTE_ORDER = ("url", "near-h1", "meta", "json-ld", "label", "time", "updated", "htmldate")
VOTE_WEIGHTS = {"url": 2.0, "near-h1": 1.5, "meta": 1.0, "json-ld": 1.0, "label": 1.0, "htmldate": 0.5,
                "time": 0.5, "updated": 0.5}


def published(page: Page, others: dict[str, str | None] | None = None) -> Found | None:
    """The day most signals name; ``others`` adds outside voters named in ``VOTE_ORDER`` (htmldate's
    day, as trafilatura gives it)."""
    days = {name: day(extractor(page), page.zone) for name, extractor in PUBLISHED}
    if days["near-h1"] and days["time"] and same_element(page):
        days["time"] = None
    if days["near-h1"]:  # the labelled date is mostly the date line itself: one statement, one vote
        days["label"] = None
    if days["near-h1"] and days["near-h1"] == modified(page):
        # the page shows its last change as its date: the stated publication is one it no longer shows
        days["meta"] = days["json-ld"] = None
    if not any(days.values()):  # no statement of the publication: the stated last change stands for it
        days["updated"] = day(updated_label(page), page.zone)
    days.update({name: day(value) for name, value in (others or {}).items()})
    votes: dict[str, float] = {}
    for name in VOTE_ORDER:
        if days.get(name):
            votes[days[name]] = votes.get(days[name], 0.0) + VOTE_WEIGHTS[name]
    if not votes:
        return None
    best = max(votes.values())
    chosen = next(days[n] for n in VOTE_ORDER if days.get(n) and votes[days[n]] == best)
    # provenance: the page's own signal that names the day, the outside voter only when none does
    own = [n for n, _ in PUBLISHED if days.get(n) == chosen]
    return Found(chosen, own[0] if own else next(n for n in VOTE_ORDER if days.get(n) == chosen))


# --- title ----------------------------------------------------------------------------------------


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def names_site(part: str, keys: set[str]) -> bool:
    """Whether a piece of a title is the site's name ("CNN.com", "ประชาไท Prachatai.com"); a longer
    piece that merely contains it is a headline ("Some News Article Story" on somenews.com)."""
    short = len(part.split()) <= MAX_SITE_NAME_WORDS
    return bool(organisation(part)) or any(
        a == b or (short and len(a) >= 4 and len(b) >= 4 and (a in b or b in a))
        for a in site_keys(part)
        for b in keys
    )


def _site_keys_of(sites: list[str]) -> set[str]:
    return set().union(*(site_keys(s) for s in sites)) if sites else set()


def strip_site(title: str, sites: list[str]) -> str:
    """A title without the site's name around it ("Headline | Site" → "Headline") and without the
    sections the site's template writes beside its name ("Headline | World news | Site"); the
    separators inside what is left stay as written."""
    keys = _site_keys_of(sites)
    pattern = "|".join(re.escape(s) for s in vocab.TITLE_SEPARATORS)
    pieces = re.split(f"({pattern})", title)  # part, separator, part, ...
    while len(pieces) > 2 and names_site(pieces[-1], keys):
        pieces = _without_sections(pieces[:-2], pieces[-2])
    while len(pieces) > 2 and names_site(pieces[0], keys):
        pieces = _without_sections(pieces[2:], pieces[1])
    return "".join(pieces).strip()


def _without_sections(pieces: list[str], separator: str) -> list[str]:
    """Title pieces without the short ones at either end that the site's template joined with the
    ``separator`` it put beside its name: a section ("Politics | Headline", "Headline | Local News").
    A headline's own dashes differ from the template's bar, and a short remainder ("Harbour plan -
    a fight") may be a headline in two parts: both stay."""
    for end in (-1, 0):
        while len(pieces) > 2:
            piece, joint = (pieces[-1], pieces[-2]) if end else (pieces[0], pieces[1])
            rest = pieces[:-2] if end else pieces[2:]
            if (joint != separator or len(piece.split()) > MAX_SECTION_WORDS
                    or len("".join(rest).split()) < MIN_HEADLINE_WORDS):
                break
            pieces = rest
    return pieces


def headlines(page: Page, tag: str = "h1") -> list[lxml.html.HtmlElement]:
    """The page's ``<h1>`` (or ``tag``) elements long enough to be a headline and not the site's name."""
    keys = _site_keys_of(site_names(page))
    found = []
    for element in page.tree.iter(tag):
        text = _clean(element.text_content())
        long_enough = len(text.split()) >= MIN_H1_WORDS or (text and not text.isascii())
        if long_enough and not names_site(text, keys):
            found.append(element)
    return found


def stated_titles(page: Page) -> list[Found]:
    """The titles the page states for search engines and browsers (JSON-LD, meta, ``<title>``), best
    first, with the site's name cut off."""
    sites = site_names(page)
    stated = []
    for obj in articles(page):
        if isinstance(obj.get("headline"), str) and _clean(obj["headline"]):
            stated.append(Found(_clean(obj["headline"]), "json-ld"))
    stated += [
        Found(_clean(v), "meta") for key in vocab.TITLE_META for v in page.meta.get(key, []) if _clean(v)
    ]
    title_tag = page.tree.find(".//title")
    if title_tag is not None and _clean(title_tag.text_content()):
        stated.append(Found(_clean(title_tag.text_content()), "title-tag"))
    keys = _site_keys_of(sites)
    cleaned = [Found(strip_site(f.value, sites), f.provenance) for f in stated if isinstance(f.value, str)]
    return [f for f in cleaned if _key(f.value) and not names_site(f.value, keys)]


def headline(page: Page, stated: list[Found], tag: str = "h1", share: float = 0.0,
             ) -> lxml.html.HtmlElement | None:
    """The ``<h1>`` (or ``tag``) that a stated title confirms (the same words, or inside it, making at
    least ``share`` of its words): the story's own headline, not a logo, a section name or a teaser's
    heading."""
    stated_keys = [_key(str(f.value)) for f in stated]
    for element in headlines(page, tag):
        key = _key(_clean(element.text_content()))
        if key and any(key == other or (f" {key} " in f" {other} "
                                        and len(key.split()) >= share * len(other.split()))
                       for other in stated_keys):
            return element
    return None


def title(page: Page) -> Found | None:
    """The headline: an ``<h1>`` that another signal confirms, else JSON-LD, meta, ``<title>``, ``<h1>``."""
    stated = stated_titles(page)
    element = headline(page, stated, share=HEADLINE_SHARE)
    if element is not None:
        return Found(_clean(element.text_content()), "h1")
    if stated:
        return stated[0]
    h1s = headlines(page)
    return Found(_clean(h1s[0].text_content()), "h1") if h1s else None


# --- authors --------------------------------------------------------------------------------------


def _json_ld_names(value: object, by_id: dict[str, dict]) -> list[str]:
    if isinstance(value, list):
        return [name for item in value for name in _json_ld_names(item, by_id)]
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        if "@id" in value and "name" not in value:
            value = by_id.get(value["@id"], value)
        kinds = _types(value)
        if kinds and not kinds & {"person"}:
            return []
        name = value.get("name")
        if not name:  # schema.org's parts of a name: {"givenName": "Lena", "familyName": "Voss"}
            name = " ".join(str(value.get(part) or "") for part in ("givenName", "familyName")).strip()
        return _json_ld_names(name, by_id) if isinstance(name, (str, list)) and name else []
    return []


def authors_json_ld(page: Page) -> list[str]:
    by_id = {o["@id"]: o for o in page.objects if isinstance(o.get("@id"), str)}
    for obj in articles(page):
        names = _json_ld_names(obj.get("author") or obj.get("creator"), by_id)
        if names:
            return names
    return []


def authors_meta(page: Page) -> list[str]:
    for key in vocab.AUTHOR_META:
        values = [v for v in page.meta.get(key, []) if not v.startswith(("http", "www.", "/"))]
        if values:
            return values
    return []


# Microdata authors: ``itemprop`` holds a list of words ("author creator").
ITEMPROP_AUTHOR = './/*[contains(concat(" ", normalize-space(@itemprop), " "), " author ")]'


def _in_comments(element: lxml.html.HtmlElement) -> bool:
    """Whether an element stands in the readers' comments, whose signatures ("Guest", a reader's name)
    are no author of the story."""
    return _held_by(element, lambda holder: "comment" in _classes(holder))


def _story_scope(page: Page) -> lxml.html.HtmlElement:
    """The first ``<article>`` that holds a byline, else the whole page: teasers of other stories
    carry bylines of their own outside it."""
    for article in page.tree.iter("article"):
        if article.xpath(f'{ITEMPROP_AUTHOR} | .//a[@rel="author"]'):
            return article
    return page.tree


def authors_markup(page: Page) -> list[str]:
    """Names in microdata authors and ``rel=author`` links of the story, not of its comments."""
    scope = _story_scope(page)
    names = []
    for element in scope.xpath(ITEMPROP_AUTHOR):
        if _in_comments(element):
            continue
        inner = element.xpath('.//*[@itemprop="name"]')
        value = inner[0].get("content") or _spaced_text(inner[0]) if inner else element.get("content")
        names.append(value or _spaced_text(element))
    names += [_spaced_text(a) for a in scope.xpath('.//a[@rel="author"]') if not _in_comments(a)]
    return [n for n in (_clean(n) for n in names) if n]


def authors_byline(page: Page) -> list[str]:
    """The text of the first short element whose class names a byline."""
    for element in page.tree.xpath("//*[@class or @id]"):
        if not any(word in _classes(element) for word in vocab.BYLINE_CLASSES) or _in_comments(element):
            continue
        text = _spaced_text(element)
        if 0 < len(text) <= TEXT_CHARS // 2:
            return [text]
    return []


# Signals in order of reliability; ``True`` where the page's markup declares the value a person (a
# one-word name counts there: see ``metadata.person_name``).
AUTHORS: tuple[tuple[str, Callable[[Page], list[str]], bool], ...] = (
    ("json-ld", authors_json_ld, True),
    ("meta", authors_meta, False),
    ("byline", authors_markup, True),
    ("byline", authors_byline, False),
)


def authors(page: Page, clean: Callable[[list[str], bool], list[str]]) -> Found | None:
    """Person names of the first signal that gives any once ``clean`` (given the values and whether
    the markup declares them persons) has dropped what is no person."""
    for provenance, extractor, declared in AUTHORS:
        names = clean(extractor(page), declared)
        if names:
            return Found(names, provenance)
    return None
