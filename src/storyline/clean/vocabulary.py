"""Phrases and patterns of web boilerplate, kept apart from the cleaning logic.

Every pattern is matched against one whole line (``fullmatch``) unless its name says otherwise, so a
story sentence that merely starts like boilerplate ("Related changes to the law ...", "By 2030, ...")
is not taken. Headings and prompts include the common French, German, Spanish and Italian forms."""

from __future__ import annotations

import re

# Characters that mark list items in extracted text; stripped before a line is classified.
BULLETS = "•·●▪■►▸-–—*"

# "More from The Courier", "More in Business:" — short, no sentence punctuation.
RELATED_HEADING_PATTERN = re.compile(
    r"(?i)(more (from|in|on|about)|most read (in|on)|latest from)\s+[^.!?]{1,40}:?"
)
# One-line links: "Related: Title", "Read more: Title", "RELATED: Title".
INLINE_RELATED = re.compile(
    r"(?i)(related|read more|read also|also read|see also|more|watch|listen|lire aussi|à lire aussi|"
    r"lesen sie auch|leer más|lee también|leggi anche)\s*:\s*\S.{0,200}"
)

PROMPT = re.compile(
    r"(?i)(post a comment|leave a (comment|reply)|add a comment|join the (conversation|discussion)|"
    r"comments? (are|is) closed|view comments|show comments|"
    r"share( this( article| story| post)?)?( on \w+| via \w+)?:?|print( this( article| page))?|email|"
    r"twitter|facebook|whatsapp|linkedin|telegram|reddit|pinterest|x|"
    r"like this:|like loading\.*|"
    r"(sign up|subscribe|register) (for|to)\b.{0,80}|click here\b.{0,100}|tap here\b.{0,100}|"
    r"follow us (on|at)\b.{0,80}|download (our|the) app\b.{0,60}|"
    r"commenter|partager|kommentieren|teilen|comentar|compartir|commenta|condividi)[.!]?"
)
NAVIGATION = re.compile(
    r"(?i)((previous|prev|next)\s+(post|article|story|page)(\s+(previous|next)\s+(post|article|story|page))?|"
    r"(previous|next)\s*:\s*.{1,120}|back to top|skip to (main )?content|go to top|home|menu|"
    r"(tags|topics|filed under|categories|category)\s*:\s*.{1,200}|"
    r"(home|news|world)(\s*[>›»/|]\s*[\w'’ -]{1,30}){1,6}|"
    r"article précédent|article suivant|nächster artikel|vorheriger artikel|zurück nach oben)"
)
_DURATION = r"\d+\s*(min|mins|minute|minutes|minuten|minutos|minuti)\.?"
READTIME = re.compile(
    rf"(?i).{{0,60}}?[·•|\s]*({_DURATION}\s+(read|reading|lesezeit|de lectura|de lecture|di lettura)|"
    rf"(reading time|read time|lesezeit|temps de lecture|tiempo de lectura)\s*:?\s*{_DURATION})"
)
COUNTER = re.compile(
    r"(?i)\d{1,7}|\d{1,7}\s*(comments?|shares?|views?|likes?|reactions?|replies)|"
    r"(comments?|shares?|views?|likes?|reactions?|replies)\s*[(:]?\s*\d{1,7}\)?"
)
# A personal name as written in bylines: capitalised or upper-case words, with particles.
_NAME = r"(?:[A-ZÀ-Ý][\w'’.-]*)(?:\s+(?:(?:van|von|de|der|del|da|di|al|bin|le|la)\s+)?[A-ZÀ-Ý][\w'’.-]*){1,3}"
_NAMES = rf"{_NAME}(?:\s*(?:,|\band\b|\bAND\b|&|\bund\b|\bet\b|\by\b|\be\b)\s*{_NAME})*"
BYLINE = re.compile(
    rf"(?:(?:By|BY|Von|Por|Par|Di)\s+{_NAMES}(?:\s*[,|–—-]\s*[\w'’ .&]{{2,60}})?"
    rf"|[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+(?:\s+[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+){{1,3}}"
    rf"(?:\s*(?:,|AND|and|&)\s*[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+(?:\s+[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+){{1,3}})*)"
)
# Wire credit lines: "(Reporting by ...; Editing by ...)".
STAFF_CREDIT = re.compile(
    r"(?i)\(?\s*((additional )?reporting|writing|editing|compiled|translated) by\b[^()]{2,200}\)?\.?"
)
# Photo credits on their own line: "Photo: Name / Agency", "(AP Photo/Name)", "Image credit: ...".
CREDIT = re.compile(
    r"(?i)((photo|image|picture|photograph|foto|bild|video)(\s+credit)?s?\s*(:|by\b)\s*.{2,120}|"
    r"credits?\s*:\s*.{2,120}|"
    r"\(\s*(AP|AFP|Reuters|EPA|Getty|Xinhua|ANP|DPA)?\s*photo\b[^)]{0,120}\)(\s*\([^)]{1,40}\))?|"
    r"[\w .]{0,60}/\s*(getty images|afp|reuters|ap|epa|shutterstock|alamy)( via getty images)?)"
)
# A line that is a caption whatever else it says: "FILE - ...", "FILE PHOTO: ...", or text carrying a credit.
CAPTION_MARKERS = (
    re.compile(r"^(FILE( PHOTO)?|ARCHIVE|ARCHIVO|ARCHIV)\s*[-—–:]\s"),
    re.compile(r"\((AP|AFP|Reuters|EPA)?\s*Photos?\b[^)]*\)|\(Photo by [^)]*\)", re.IGNORECASE),
    re.compile(r"\b(REUTERS|AFP|EPA|AP)/[A-Z][\w .'-]+(/File Photo)?\s*$"),
)
# A date as captions give it: a year, a month or a weekday.
CAPTION_DATE = re.compile(
    r"\b(1[89]\d\d|20\d\d)\b|\b(January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.? \d{1,2}\b|"
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)

# Words that open a sentence and are not capitalised mid-sentence: where a headline glued to the
# front of a sentence ("... chess title The opposition called ...") ends.
SENTENCE_OPENERS = {
    "The", "A", "An", "In", "On", "At", "But", "And", "He", "She", "It", "They", "We", "This", "That",
    "These", "Those", "His", "Her", "Its", "Their", "There", "Meanwhile", "However", "Officials",
    "Der", "Die", "Das", "Le", "La", "Les", "El", "Los", "Las", "Il", "Gli",
}

# Abbreviations after which a period does not end a sentence.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep",
    "st", "jr", "sr", "no", "vs", "etc", "inc", "corp", "ltd", "co", "mt", "ft", "approx", "dept", "est",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "e.g", "i.e", "d.c",
}


# Publisher notices, each matched against one whole sentence: "Copyright 2017 The Courier.",
# "Copyright © 2016 NPR.", "Copyright 1995 - .", "© 2018 Reuters", "All rights reserved.", "This material
# may not be published, broadcast, rewritten or redistributed." The owner must be capitalised words, so
# "Copyright 2018 was a busy year for the courts." is a story sentence.
_YEARS = r"(?:1[89]\d\d|20\d\d)(?:\s*[-–]\s*(?:1[89]\d\d|20\d\d)?)?"
_OWNER = r"[A-Z0-9][\w&'’!.-]*(?:,?\s+(?:of|and|for|the|&|[A-Z0-9][\w&'’!.-]*)){0,7}"
_REPUBLISH = (
    r"(?:published|reproduced|broadcast|rewritten|redistributed|distributed|copied|republished|reprinted|used)"
)
NOTICE = re.compile(
    rf"(?:(?:[Cc]opyright|COPYRIGHT)\s*(?:©|\([Cc]\))?\s*{_YEARS}(?:\s*,?\s*{_OWNER})?"
    rf"|(?:[Cc]opyright|COPYRIGHT)\s*(?:©|\([Cc]\))\s*{_OWNER}|©\s*(?:{_YEARS})?\s*{_OWNER})\s*\.?"
    r"|(?i:(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|"
    r"tutti i diritti riservati)\.?)"
    rf"|(?i:this (?:material|article|content|story|report) (?:may|must|can|shall) not be "
    rf"(?:{_REPUBLISH},?\s+(?:or\s+|and\s+)?)*{_REPUBLISH}"
    r"(?: in (?:whole or in part|any (?:form|medium)))?"
    r"(?: without (?:the )?(?:prior |express )?(?:written )?(?:permission|consent|authori[sz]ation)"
    r"(?: of [^.]{1,40})?)?\.?)"
)
# A print-edition note, with the reprint/subscribe toolbar that may precede it on its line:
# "A version of this article appears in print on May 3, 2017, on Page A14 of the New York edition with
# the headline: ...". Matched against a whole line.
PRINT_EDITION = re.compile(
    r"(?i)(?:(?:order reprints|today['’]s paper|subscribe|share|save)\s*\|?\s*)*"
    r"a version of (?:this|the) (?:article|story|review|column|essay|editorial|report|interview) "
    r"appears? in print on\b.{0,60}?\bpage\b.{0,200}"
)
# A toolbar of reader services: "Order Reprints | Today's Paper | Subscribe".
SERVICE_BAR = re.compile(
    r"(?i)(?:order reprints|reprints|today['’]s paper|subscribe|e-?paper|share|save|print)"
    r"(?:\s*\|\s*(?:order reprints|reprints|today['’]s paper|subscribe|e-?paper|share|save|print)){1,5}"
)
# Phrases of a newsletter sign-up form; a line with two of them is the form, whatever else it says.
SIGNUP_FORM = re.compile(
    r"(?i)newsletter sign[ -]?up|please verify you['’]re not a robot|invalid email|"
    r"you must select a newsletter|thank you for subscribing|could not subscribe|you are already subscribed|"
    r"you agree to receive (?:occasional )?updates|view all [\w’' ]{1,40} newsletters|\* required field"
)
# Sentences of subscription and service promotion, each matched against one whole sentence:
# "You must select a newsletter to subscribe to.", "Get the Morning Briefing by Email", "Chat with us in
# Facebook Messenger.", "Follow The Courier on Twitter.", "Read the original article on The Courier."
PROMO = re.compile(
    r"(?i)(?:newsletter sign[ -]?up\b.*|please verify you['’]re not a robot(?: by clicking the box)?|"
    r"invalid email(?: address)?|please re-?enter|you must select a newsletter to subscribe to|"
    r"thank you for subscribing|could not subscribe\b.{0,40}|"
    r"you are already subscribed(?: to this (?:email|newsletter|list))?|"
    r"view all [\w’' ]{1,40} newsletters|you agree to receive (?:occasional )?updates\b.{0,120}|"
    r"get (?:the|our) [\w#’'&: -]{1,40} (?:newsletter|briefing|digest)(?: by email| in your inbox)?|"
    r"(?:subscribe|sign up)(?: now| today| here| to updates)?|"
    r"chat with us (?:on|in|via) [\w ]{1,30}|"
    r"(?:follow|like) (?:us|[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}) on "
    r"(?:twitter|facebook|instagram|youtube|linkedin|tiktok|threads|bluesky)|"
    r"read the original article (?:on|at) [A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})[.!]?"
)
# The slogan of a service promoted on the same line: a short sentence in the imperative
# ("Find out what's happening in the world as it unfolds.").
TAGLINE = re.compile(
    r"(?i)(?:find out|get|stay|discover|see|watch|join|keep up|never miss|don['’]t miss)\b[^.!?]{0,80}[.!]?"
)
MAX_TAGLINE_WORDS = 12
# BBC-style captions: "Image copyright <credit> Image caption <caption>", "Image caption <caption>",
# and a credit alone: "Image copyright <credit>".
EMBEDDED_CAPTION = re.compile(
    r"(?:(?:Image|Media|Video) copyright\s+.{1,80}?\s+)?(?:Image|Media) caption\s+(?P<caption>\S.*)"
)
EMBEDDED_CREDIT = re.compile(r"(?:Image|Media|Video) copyright\s+(?:(?!\b(?:Image|Media) caption\b).){1,80}")

# Chrome that web extraction glues onto the start or the end of a one-line article: sign-up prompts
# ("Get daily updates directly to your inbox + Subscribe Thank you for subscribing! Invalid Email") and
# video-player controls ("Skip Ad Ad Loading... x Embed x Share", "The video will start in 8 Cancel").
# Strong phrases are boilerplate wherever they stand; weak ones ("Share", "Embed", "Cancel") only next to
# a strong one, so an article that opens "Share prices fell ..." keeps its first word.
CHROME_STRONG = (
    r"get (?:daily|weekly|the latest|breaking)? ?(?:news |updates |headlines )*(?:directly |straight )?"
    r"(?:to|in) your inbox",
    r"thank you for subscribing!?", r"could not subscribe,? try again later", r"invalid email(?: address)?",
    r"(?:sign up|subscribe)(?: now| today| here)? (?:for|to) (?:our|the) [\w ]{1,30}newsletters?",
    r"we use your sign-?up to provide content in ways you['’]ve consented to[^.]{0,120}\.?",
    r"skip ad", r"ad loading\.*", r"advertisement", r"video (?:loading|unavailable)",
    r"(?:click|tap) to play", r"the video will (?:auto-?)?(?:start|play) in \d+(?: seconds?)?",
    r"play now", r"now playing", r"autoplay", r"replay video", r"watch next", r"up next",
    r"this video (?:is no longer available|cannot be played)",
)
CHROME_WEAK = (
    r"share (?:this|the) (?:article|story|video|page)", r"\+? ?subscribe", r"x embed", r"x share", r"embed",
    r"share", r"cancel", r"close", r"loading\.*",
    r"mute", r"unmute", r"full ?screen", r"\d{1,2}:\d{2}", r"x",
)
_SEP = r"[\s!.,:|+]*"
_CHROME_ANY = r"(?:" + "|".join(CHROME_STRONG + CHROME_WEAK) + r")(?![\w'’])"
_CHROME_KEY = r"(?:" + "|".join(CHROME_STRONG) + r")(?![\w'’])"
# A run of chrome phrases at the start of a line, holding at least one strong phrase.
LEADING_CHROME = re.compile(rf"(?i)^(?:{_CHROME_ANY}{_SEP})*?{_CHROME_KEY}{_SEP}(?:{_CHROME_ANY}{_SEP})*")
# The same at the end of a line ("... said on Tuesday. Share x Embed x Share Skip Ad").
TRAILING_CHROME = re.compile(
    rf"(?i)(?<=[.!?\"”’)])\s+(?:{_CHROME_ANY}{_SEP})*?{_CHROME_KEY}{_SEP}(?:{_CHROME_ANY}{_SEP})*$"
)
# Which kind the chrome is: a sign-up prompt, else the controls of a video player.
CHROME_PROMPT = re.compile(r"(?i)inbox|subscri|sign-?up|newsletter|email")

# Clitics that tokenizers split off the word they belong to ("Peru 's", "do n't").
CLITICS = ("n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "’s", "’re", "’ve", "’ll", "’d", "’m", "n’t")
