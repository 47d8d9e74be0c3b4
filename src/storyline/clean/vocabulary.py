"""Phrases and patterns of web boilerplate, kept apart from the cleaning logic."""

from __future__ import annotations

import re

RELATED_HEADINGS = {
    "recommended stories",
    "related stories",
    "related articles",
    "related",
    "read more",
    "more stories",
    "you may also like",
    "most read",
    "trending now",
}

LINE_PATTERNS = [
    ("prompt", re.compile(r"(?i)(post a comment|leave a (comment|reply)|share this( article| story)?|"
                          r"sign up for .*newsletter.*|click here to .*|comments?)\.?")),
    ("navigation", re.compile(r"(?i)(previous post\s*next post|previous post|next post|"
                              r"previous article|next article|back to top|skip to content)")),
    ("readtime", re.compile(r"(?i)[·•\s]*\d+\s*(min|minute)s?\s*read")),
    ("counter", re.compile(r"\d{1,6}(\s*(comments?|shares?|views?))?", re.IGNORECASE)),
    ("byline", re.compile(r"(?:By\s+)?[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+)+"
                          r"(?:\s*(?:,|and|AND|&)\s*[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+)+)*")),
]

CAPTION_PATTERNS = [
    re.compile(r"^FILE\s*[-—–]"),
    re.compile(r"\((?:AP|Reuters|AFP|Getty)?\s*Photo(?:/[^)]*)?\)"),
    re.compile(r"(?i)\bphoto(?:graph)?:\s"),
]
