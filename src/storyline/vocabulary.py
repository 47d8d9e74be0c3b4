"""Words more than one stage needs: month names, related-links headings and stop words, kept once.

A stage's own vocabulary stays in its folder (``clean/vocabulary.py``, ``annotate/time_vocabulary.py``,
...); what two stages would otherwise copy, and let drift apart, lives here."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Headings that open a block of links or teasers to other articles: the story's own text ends there
# (ingest, when it finds the header area) and every teaser under them goes (clean).
RELATED_HEADINGS = frozenset({
    "recommended stories", "recommended", "recommended for you", "related stories", "related articles",
    "related coverage", "related content", "related news", "related", "read more", "read next",
    "more stories", "more news", "more to read", "more from", "more on this story", "you may also like",
    "you might also like", "you may be interested in", "most read", "most popular", "most viewed",
    "trending", "trending now", "top stories", "latest stories", "latest news", "editor's picks",
    "editors' picks", "also read", "see also", "further reading", "what to read next", "don't miss",
    "popular now", "in other news", "sponsored stories", "around the web", "from our partners",
    "lire aussi", "à lire aussi", "sur le même sujet", "lesen sie auch", "mehr zum thema",
    "das könnte sie auch interessieren",
    "leer más", "te puede interesar", "noticias relacionadas", "leggi anche", "articoli correlati",
})

# Words that say nothing about what a text is about: function words, reporting verbs and calendar words.
# Comparing texts by their remaining words (stories, off-topic sentences, claim groups, stance) is
# comparing what they report.
STOPWORDS = frozenset(
    """a about above across after afterwards again against all almost alone along already also although
    always am among amongst an and another any anyhow anyone anything anyway anywhere are around as at
    back be became because become becomes been before beforehand behind being below beside besides between
    beyond both but by can cannot could did do does doing done down due during each either else elsewhere
    enough etc even ever every everyone everything everywhere except few for former formerly from further
    get gets got had has have having he hence her here hereby herein hers herself him himself his how
    however i ie if in indeed into is it its itself just last latter least less many may me meanwhile
    might mine more moreover most mostly much must my myself namely neither never nevertheless next no
    nobody none noone nor not nothing now nowhere of off often on once one only onto or other others
    otherwise our ours ourselves out over own per perhaps rather re s same she should since so some
    somehow someone something sometime sometimes somewhere still such t than that the their theirs them
    themselves then thence there thereafter thereby therefore therein thereupon these they this those
    though through throughout thru thus to together too toward towards two under until up upon us very
    via was we well were what whatever when whence whenever where whereafter whereas whereby wherein
    whereupon wherever whether which while whither who whoever whole whom whose why will with within
    without would yet you your yours yourself yourselves
    said says say saying told tell tells according added adding
    year years week weeks month months day days time today yesterday tomorrow new first
    monday tuesday wednesday thursday friday saturday sunday""".split()
)

# A word: letters, then letters, digits, apostrophes or hyphens ("it's", "Shahed-136", "al-Assad").
WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")


def content_words(text: str, min_length: int = 3, stopwords: frozenset[str] = STOPWORDS) -> list[str]:
    """Lower-cased words of ``min_length`` letters or more that are not ``stopwords``, in text order."""
    return [w for w in WORD.findall(text.lower()) if len(w) >= min_length and w not in stopwords]
