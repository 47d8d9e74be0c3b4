"""What the Markdown and HTML dossiers both say about a story's timeline and claims, written once."""

from __future__ import annotations

from typing import Any

Entry = dict[str, Any]


def timeline_parts(timeline: list[Entry]) -> tuple[list[Entry], list[Entry], list[Entry]]:
    """The story's dated entries, its background (another story's events mentioned as context) and its
    undated entries, each in timeline order."""
    dated = [t for t in timeline if t["date"] and not t.get("background")]
    background = [t for t in timeline if t.get("background")]
    undated = [t for t in timeline if not t["date"] and not t.get("background")]
    return dated, background, undated


def when(entry: Entry) -> str:
    """A date with its precision when it is not a day, and "inferred" when it was: "2022-06 (month,
    inferred)"."""
    notes = [entry["precision"]] if entry["precision"] not in ("day", "unknown") else []
    if entry.get("inferred"):
        notes.append("inferred")
    return entry["date"] + (f" ({', '.join(notes)})" if notes else "")


def denials(group: dict[str, Any], claims: dict[str, dict[str, Any]]) -> str:
    """Who denies a claim group and how many sources they are: "Valdoria (1 source)"."""
    if not group["denying"]:
        return ""
    names = sorted({claims[c]["speaker"] or "unattributed" for c in group["denying"] if c in claims})
    count = group.get("denying_sources") or len(names)
    return f"{', '.join(names)} ({count} source{'' if count == 1 else 's'})"


def supporters(group: dict[str, Any], claims: dict[str, dict[str, Any]]) -> str:
    return ", ".join(
        sorted({claims[c]["speaker"] or "unattributed" for c in group["supporting"] if c in claims})
    )
