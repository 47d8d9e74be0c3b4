"""Reporting verbs, denial cues, hedges and anonymous-source words, kept apart from the parsing logic."""

from __future__ import annotations

REPORTING_VERBS = {
    "say", "tell", "state", "announce", "claim", "report", "add", "note", "confirm", "insist", "warn",
    "argue", "believe", "accuse", "allege", "assert", "acknowledge", "admit", "explain", "estimate",
    "suggest", "indicate", "reveal", "disclose", "show", "write", "conclude", "testify", "declare",
    "deny", "reject", "dismiss", "refute", "dispute", "contend", "maintain", "think", "assess", "fear",
    "charge", "predict", "caution", "stress", "emphasize", "describe", "call",
}
DENIAL_VERBS = {"deny", "reject", "dismiss", "refute", "dispute"}
HEDGE_WORDS = {
    "may", "might", "could", "possibly", "reportedly", "allegedly", "apparently", "likely", "probably",
    "believe", "believes", "believed", "suggest", "suggests", "appear", "appears", "seem", "seems",
    "estimate", "assess", "unclear", "purportedly",
}
HEDGE_CUES = {"believe", "think", "estimate", "suggest", "assess", "fear", "allege"}
ANONYMOUS_HEADS = {
    "source", "sources", "official", "officials", "person", "people", "diplomat", "diplomats",
    "aide", "aides", "insider", "insiders", "analyst", "analysts", "observer", "observers",
    "spokesman", "spokeswoman", "spokesperson", "administration", "intelligence", "leader", "leaders",
    "witness", "witnesses", "resident", "residents", "expert", "experts", "member", "members", "someone",
    "individual", "individuals",
}
ACCORDING_TO = ("according to",)
