"""Words and patterns for metadata: news agencies and the phrases that name whose reporting a text is."""

from __future__ import annotations

import re

AGENCY_NAMES = {
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "cnn": "CNN",
    "bbc": "BBC",
    "upi": "UPI",
    "dpa": "dpa",
    "ansa": "ANSA",
    "efe": "EFE",
    "bloomberg": "Bloomberg",
}

_ORG = r"(?P<org>(?:the\s+)?[A-Z][A-Za-z&.]*(?:\s+[A-Z][A-Za-z&.]*){0,3})"
ORIGIN_PATTERNS = [
    re.compile(r"\btold\s+" + _ORG),
    re.compile(_ORG + r"\s+has\s+(?:contacted|reached\s+out|asked)"),
    re.compile(_ORG + r"\s+(?:first\s+)?reported\b"),
    re.compile(r"\b(?:according\s+to|obtained\s+(?:exclusively\s+)?by)\s+" + _ORG),
]
