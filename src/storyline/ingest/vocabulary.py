"""Words and patterns for metadata: news organisations, the phrases that name whose reporting a text
carries, related-link headings that end a story, and date words. Data only; the logic is in metadata.py."""

from __future__ import annotations

# Canonical name → the ways a text writes it (case-sensitive; a leading "the" is optional everywhere).
# Names that are also common words ("Time", "The Hill", "Insider") are left out on purpose.
NEWS_ORGANISATIONS: dict[str, tuple[str, ...]] = {
    # agencies
    "AP": ("AP", "Associated Press", "ASSOCIATED PRESS"),
    "Reuters": ("Reuters", "REUTERS", "Thomson Reuters"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "Bloomberg": ("Bloomberg", "Bloomberg News"),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "ANSA": ("ANSA",),
    "EFE": ("EFE", "Efe"),
    "Europa Press": ("Europa Press",),
    "Xinhua": ("Xinhua", "Xinhua News Agency"),
    "TASS": ("TASS", "Tass"),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "Interfax": ("Interfax", "Interfax-Ukraine"),
    "Ukrinform": ("Ukrinform",),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "Yonhap": ("Yonhap", "Yonhap News Agency"),
    "PTI": ("PTI", "Press Trust of India"),
    "ANI": ("ANI",),
    "UPI": ("UPI", "United Press International"),
    "Anadolu": ("Anadolu", "Anadolu Agency"),
    "IRNA": ("IRNA",),
    "Tasnim": ("Tasnim", "Tasnim News Agency"),
    "Fars": ("Fars News Agency",),
    "PA Media": ("PA Media", "Press Association"),
    "AAP": ("AAP", "Australian Associated Press"),
    "Canadian Press": ("Canadian Press",),
    "Kyiv Independent": ("Kyiv Independent",),
    # broadcasters
    "CNN": ("CNN",),
    "BBC": ("BBC", "BBC News"),
    "NBC News": ("NBC News", "NBC"),
    "CBS News": ("CBS News", "CBS"),
    "ABC News": ("ABC News", "ABC"),
    "Fox News": ("Fox News",),
    "MSNBC": ("MSNBC",),
    "CNBC": ("CNBC",),
    "NPR": ("NPR",),
    "PBS": ("PBS",),
    "Al Jazeera": ("Al Jazeera",),
    "Al Arabiya": ("Al Arabiya",),
    "Sky News": ("Sky News",),
    "ITV News": ("ITV News", "ITV"),
    "Channel 4 News": ("Channel 4 News",),
    "Deutsche Welle": ("Deutsche Welle", "DW"),
    "France 24": ("France 24",),
    "RFI": ("RFI",),
    "Euronews": ("Euronews",),
    "CBC": ("CBC", "CBC News"),
    "CTV": ("CTV", "CTV News"),
    "RT": ("RT",),
    "RFE/RL": ("RFE/RL", "Radio Free Europe", "Radio Liberty"),
    "VOA": ("VOA", "Voice of America"),
    "NHK": ("NHK",),
    # papers and online newsrooms
    "New York Times": ("New York Times", "NYT"),
    "Washington Post": ("Washington Post",),
    "Wall Street Journal": ("Wall Street Journal", "WSJ"),
    "Financial Times": ("Financial Times", "FT"),
    "The Guardian": ("Guardian",),
    "The Times": ("Times of London",),
    "The Telegraph": ("Telegraph", "Daily Telegraph"),
    "Daily Mail": ("Daily Mail", "MailOnline"),
    "Daily Mirror": ("Daily Mirror",),
    "The Independent": ("Independent",),
    "The Economist": ("Economist",),
    "Los Angeles Times": ("Los Angeles Times", "LA Times"),
    "USA Today": ("USA Today", "USA TODAY"),
    "Politico": ("Politico", "POLITICO"),
    "Axios": ("Axios",),
    "Business Insider": ("Business Insider",),
    "Newsweek": ("Newsweek",),
    "ProPublica": ("ProPublica",),
    "Semafor": ("Semafor",),
    "Le Monde": ("Le Monde",),
    "Le Figaro": ("Le Figaro",),
    "Der Spiegel": ("Der Spiegel", "Spiegel"),
    "Bild": ("Bild",),
    "El País": ("El País", "El Pais"),
    "Haaretz": ("Haaretz",),
    "Times of Israel": ("Times of Israel",),
    "South China Morning Post": ("South China Morning Post", "SCMP"),
    "Nikkei": ("Nikkei", "Nikkei Asia"),
    "Ukrainska Pravda": ("Ukrainska Pravda", "UKRAINSKA PRAVDA"),
    "Kommersant": ("Kommersant",),
    "Meduza": ("Meduza",),
}

# News agencies, which sell their copy to other outlets: an agency's own-reporting cue ("told AFP") in a
# newspaper's article is the agency's copy republished, while a broadcaster's or a paper's ("told CBS
# News") is a quotation of their reporting (ingest.metadata.find_origin).
WIRE_AGENCIES = frozenset({
    "AP", "Reuters", "AFP", "Bloomberg", "dpa", "ANSA", "EFE", "Europa Press", "Xinhua", "TASS",
    "RIA Novosti", "Interfax", "Ukrinform", "Kyodo", "Yonhap", "PTI", "ANI", "UPI", "Anadolu", "IRNA",
    "Tasnim", "Fars", "PA Media", "AAP", "Canadian Press",
})

# Cues that a text is the organisation's own reporting ({org} is one of the names above; str.format
# patterns, so a literal brace is doubled). A text that "contacted" or was "told" something is the
# newsroom speaking of itself.
OWN_REPORTING_CUES = (
    r"\btold {org}",
    r"\b(?:said|says) to {org}",
    r"\b(?:[Ss]peaking|[Ss]poke|[Tt]alking) (?:to|with) {org}",
    r"\b(?:interview|statement|email|call) (?:with|to) {org}",
    r"{org} (?:has |have |had )?(?:contacted|reached out|asked|requested|sought|learned|confirmed|obtained|"
    r"reviewed|been told)\b",
    r"{org} (?:could|can|was|has) not (?:independently )?(?:verify|verified|confirm|confirmed|reach|reached)",
    r"\b(?:obtained|seen|reviewed|viewed) (?:exclusively )?by {org}",
    r"{org}(?:'s)? (?:writers?|reporters?|correspondents?|staff|journalists?)\b[^.\n]{{0,120}}\bcontributed",
)
# Cues that a text cites the organisation's reporting: it may be somebody else's scoop, so these
# count only when no own-reporting cue is found.
CITED_REPORTING_CUES = (
    r"\b[Aa]ccording to {org}",
    r"{org} (?:first |previously |earlier |exclusively )?report(?:s|ed)\b",
    r"\b(?:reported|first reported) by {org}",
    r"\b[Aa] {org} report\b",
)

# Weekday abbreviations a date line may use beside the full names ("Tue, 20 Oct 2022").
WEEKDAY_ABBREVIATIONS = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
# Words that may surround a date on a story's own date line ("Published 20 October 2022, 13:12 GMT").
DATE_LINE_WORDS = ("published", "updated", "posted", "last updated", "first published", "on", "at", "am",
                   "pm", "a.m.", "p.m.", "gmt", "utc", "et", "edt", "est", "bst", "cet", "cest", "pt", "pdt")
# Capitalised words that open a caption or a label with a dash, not a dateline ("FILE - ...").
NOT_A_DATELINE = ("file", "update", "updated", "breaking", "watch", "exclusive", "analysis", "opinion",
                  "photo", "video", "live", "story", "editor's note", "correction", "advisory", "note",
                  "listen")
# Lines in a story's header area that are not its byline.
NOT_A_BYLINE = ("min read", "read more", "file photo", "photo", "updated", "published", "share", "comments")

# Extensions of a file name given as a title ("IMG_2031.jpg", "article.html", "doc_123.txt").
FILE_EXTENSIONS = (
    "jpg", "jpeg", "png", "gif", "webp", "svg", "bmp", "tif", "tiff", "heic", "html", "htm", "shtml", "php",
    "asp", "aspx", "jsp", "cms", "txt", "pdf", "doc", "docx", "rtf", "odt", "json", "xml", "md", "csv",
    "mp4", "mov", "mp3", "wav",
)

# --- HTML page signals (signals.py) ---------------------------------------------------------------
# schema.org types of a page's story in JSON-LD; other objects (WebPage, Organization, BreadcrumbList)
# carry dates and names that are not the story's.
ARTICLE_TYPES = (
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting", "posting",
    "socialmediaposting", "liveblogposting", "opinionnewsarticle", "backgroundnewsarticle",
    "reviewnewsarticle", "scholarlyarticle", "techarticle", "report", "videoobject", "creativework",
)
# Meta names and properties (lowercased) that give the publication time, in order of reliability;
# modified/updated names are absent on purpose.
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "article.published", "datepublished",
    "og:published_time", "published_time", "publishdate", "publish-date", "publish_date", "pubdate",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date.created",
    "dcterms.created", "citation_publication_date", "citation_date", "originalpublicationdate",
    "article_date_original", "date_published", "publication_date", "cxenseparse:recs:publishtime", "dc.date",
    "dcterms.date", "date", "afp-publicdate", "og:pubdate", "bt:pubdate", "ga-publishdate",
)
# Meta names and properties (lowercased) that give the time of the last change, in order of reliability:
# read only to tell whether the date a page shows under its headline is its update (signals.modified).
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
                 "last-modified")
TITLE_META = ("og:title", "twitter:title", "parsely-title", "sailthru.title", "dc.title", "citation_title",
              "headline")
AUTHOR_META = (
    "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
    "citation_author", "byl", "og:article:author", "article.author", "cxenseparse:author",
)
SITE_NAME_META = (
    "og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site", "publisher",
    "dc.publisher", "citation_journal_title",
)
# Words that open a byline ("By Jane Doe", "Von Jane Doe", "Par Jeanne Doe", "Por Juana Pérez",
# "Written by Jane Doe", "Analysis by Jane Doe"); the longer first, as the regular expression tries them
# in order.
BY_WORDS = ("written by", "posted by", "reported by", "story by", "words by", "text by", "analysis by",
            "opinion by", "commentary by", "review by", "column by", "essay by", "interview by", "by", "von",
            "par", "por", "door")
# Labels written before a byline's name ("Text: Lena Voss", "Текст: ..."), in the languages of the pages seen.
AUTHOR_LABELS = ("text", "texto", "texte", "текст", "words", "author", "autor", "auteur", "autore",
                 "reporter", "reporting")
# Class or id words of the elements holding a story's byline and its date.
BYLINE_CLASSES = ("byline", "author", "by-line", "writer", "contributor")
DATE_CLASSES = (
    "published", "pubdate", "entry-date", "post-date", "posted-on", "article-date", "date-published",
    "dateline", "timestamp", "meta-date", "post-meta", "entry-meta", "article__date", "story-date",
    "datum",  # German sites' class names ("text_datum", "artikel-datum")
)
# Class or id words of the elements whose dates are not the story's: menus (links to other pages) and photo
# captions (the day a photo was taken). Teaser and sidebar words were tried on half a of html-dates-dev:
# no page more right there, and themes write them on wrappers of the whole page ("right-sidebar").
ASIDE_CLASSES = ("menu", "caption")
# Month names of other languages that page dates are written with ("20. März 2021", "31. Oktober 2023"),
# read only in HTML pages' date signals (signals.py): the shared English table (storyline.vocabulary.MONTHS)
# serves the text's date resolver, where "Mai" or "April" may be a person. German: the misses seen.
PAGE_MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "feber": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5,
    "juni": 6, "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
}
# German weekday names and abbreviations a byline runs into ("Tomas Spahn Fr, 12.03.2021"): an author
# name ends before them only where a date follows or the value ends (metadata.person_name), since
# "Di" and "Do" are name particles and "Freitag", "Montag", "Sonntag" are surnames.
OTHER_WEEKDAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend",
                  "sonntag", "mo", "di", "mi", "do", "fr", "sa", "so")
# Labels of a date line that give the last change, not the publication ("Updated 5 May 2021",
# "Aktualisiert am 19.02.2020"): the day under the headline skips them.
UPDATE_LABELS = ("updated", "update", "modified", "last changed", "aktualisiert", "geändert",
                 "letzte änderung", "mis à jour", "modifié", "actualizado", "aggiornato", "bijgewerkt")
# Labels that open a page's statement of its publication date ("Veröffentlicht am 16.08.2019",
# "Published 3 May 2021"), in the languages of the development pages; lowercased.
PUBLISHED_LABELS = ("published", "posted on", "veröffentlicht", "publiziert", "erschienen", "erstellt am",
                    "publié", "publicado", "pubblicato", "gepubliceerd")
# Labels of dates that are no story's: a forum poster's profile ("Registriert: 18.09.2008", "Joined:").
PROFILE_LABELS = ("registriert", "joined", "member since", "mitglied seit", "inscrit", "registered")
# Separators between a headline and the site's name or a section in <title> ("Headline | Site").
TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " // ", " ~ ", " • ")
# Words of a byline that name a role, a desk or a collective, not a person ("AP Auto Writer", "Staff").
AUTHOR_ROLE_WORDS = frozenset({
    "staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "editor",
    "editors", "desk", "team", "contributor", "contributors", "columnist", "bureau", "chief", "senior",
    "special", "political", "business", "auto", "sports", "science", "health", "technology", "tech", "news",
    "newsroom", "wire", "wires", "services", "service", "press", "agency", "agencies", "media", "online",
    "digital", "ministry", "ministries", "department", "government", "office", "administrator", "admin",
    "guest", "editorial", "board", "published", "updated", "photo", "photos", "video", "report", "reports",
    "newsdesk", "unknown", "anonymous", "redaktion", "redaktionsteam", "autor", "autorin", "gastautor",
    "rédaction", "redacción", "redazione", "redactie", "sponsored", "sponsor", "partner", "advertorial",
    "promoted",
})
# Role words that name a group, not one person's role: a byline ending in one is a desk ("Daily Planet
# Staff"), where "Lena Voss Senior Reporter" is a person and a role.
COLLECTIVE_WORDS = frozenset({
    "staff", "team", "desk", "newsroom", "newsdesk", "editors", "board", "editorial", "writers", "reporters",
    "correspondents", "contributors", "bureau", "services", "service", "wire", "wires", "agency", "agencies",
    "redaktion", "redaktionsteam", "rédaction", "redacción", "redazione", "redactie",
})
# Lowercase words after a byline's name that open its outlet or place ("Lena Voss for the Gazette",
# "Lena Voss in Berlin", "Tobias Kern aus Bonn"): the name ends before them.
BYLINE_TAIL_WORDS = frozenset({
    "for", "in", "at", "from", "reporting", "für", "aus", "pour", "à", "para", "en",
})
# Words after a byline's name, in any case, that open a contact link or its date line ("Lena Voss
# Twitter: @lenavoss", "Lena Voss Published May 3, 2023"): the name ends before them.
BYLINE_END_WORDS = frozenset({
    "twitter", "email", "e-mail", "facebook", "instagram", "linkedin", "bluesky", "follow", "contact",
    "published", "updated", "posted", "veröffentlicht", "aktualisiert", "publié",
})
# Words that open a group of people or an organisation, never a person's name ("The Russian").
NOT_A_NAME_START = frozenset({
    "the", "a", "an", "our", "by", "from", "with", "for", "via", "and", "in", "on", "at", "more", "about",
    "all", "read", "share", "follow", "contact", "view",
})
# Lowercase particles inside person names ("Alejandro de la Garza", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset({
    "de", "la", "le", "del", "della", "van", "von", "der", "den", "da", "di", "du", "al", "el", "bin", "ibn",
    "dos", "das", "ter", "y",
})
# Keys of a Markdown file's YAML front matter → the header field they give.
FRONT_MATTER_KEYS = {"title": "title", "date": "date", "published": "date", "source": "source",
                     "outlet": "outlet", "publisher": "outlet", "url": "url", "link": "url",
                     "author": "author", "authors": "authors", "language": "language", "lang": "language"}
# Second-level labels under a country's domain ("bbc.co.uk", "smh.com.au"): the name is the label before.
SECOND_LEVEL_DOMAINS = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"})
