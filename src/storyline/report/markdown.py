"""The dossier as Markdown, for reading in a terminal or a repository."""

from __future__ import annotations

from typing import Any

from storyline.report.jsondoc import shown_title
from storyline.report.sections import denials, supporters, timeline_parts, when


def _md(text: str | None) -> str:
    """Text safe inside Markdown: no raw HTML, no accidental emphasis or table breaks."""
    if not text:
        return ""
    text = " ".join(str(text).split())
    for ch in ("\\", "`", "*", "_", "[", "]", "<", ">", "|", "#"):
        text = text.replace(ch, "\\" + ch)
    return text


def _cite(ids: list[str]) -> str:
    return " ".join(f"[{_md(i)}]" for i in ids)


def _timeline_line(t: dict[str, Any]) -> str:
    date = f"**{_md(when(t))}** " if t["date"] else ""
    kind = f"{t['type']}: " if t.get("type") else ""
    groups = f" (claims {_md(', '.join(t['claim_groups']))})" if t["claim_groups"] else ""
    return f"- {date}{kind}{_md(t['text'])} {_cite(t['documents'])}{groups}"


def render(data: dict[str, Any]) -> str:
    docs = {d["id"]: d for d in data["documents"]}
    out = ["# storyline dossier", ""]
    out.append(
        f"{len(data['documents'])} documents, {len(data['stories'])} stories, {len(data['errors'])} errors, "
        f"{len(data.get('warnings', []))} warnings."
    )
    out.append("")
    for story in data["stories"]:
        claims = {c["id"]: c for c in story["claims"]}
        out += [
            f"## {_md(story['title'])}",
            "",
            f"Story `{story['id']}`: {len(story['documents'])} documents.",
            "",
        ]
        if story["summary"]:
            out += ["### Summary", ""]
            out += [
                f"- {_md(s['text'])} {_cite(s['documents'])}"
                + (f" — {_md(s['attribution'])}" if s.get("attribution") else "")
                + (f" (claims {_md(', '.join(s['claim_groups']))})" if s["claim_groups"] else "")
                for s in story["summary"]
            ]
            out.append("")
        if story["claim_groups"]:
            out += [
                "### Claims",
                "",
                "| id | claim | who says it | independent sources | denied by | discrepancies | documents |",
                "|---|---|---|---|---|---|---|",
            ]
            for g in story["claim_groups"]:
                disc = "; ".join(
                    f"{d['kind']}: {', '.join(map(str, d['values']))}" for d in g["discrepancies"]
                )
                out.append(
                    f"| {_md(g['id'])} | {_md(g['label'])} | {_md(supporters(g, claims))} | "
                    f"{g['independent_sources']} | {_md(denials(g, claims))} | {_md(disc)} | "
                    f"{_cite(g['documents'])} |"
                )
            out.append("")
        dated, background, undated = timeline_parts(story["timeline"])
        for heading, entries in (
            ("Timeline", dated),
            ("Background (another story, mentioned as context)", background),
            ("Undated (order unknown)", undated),
        ):
            if entries:
                out += [f"### {heading}", ""]
                out += [_timeline_line(t) for t in entries]
                out.append("")
        if story["entities"]:
            out += ["### Entities", ""]
            out += [
                f"- {_md(e['name'])} ({e['type']}, {e['mentions']} mentions)"
                + (f": also {_md(', '.join(e['aliases']))}" if e["aliases"] else "")
                for e in story["entities"][:40]
            ]
            out.append("")
        out += ["### Documents", ""]
        for doc_id in story["documents"]:
            d = docs[doc_id]
            copy = f", {d['copy_kind']} copy of [{_md(d['copy_of'])}]" if d["copy_of"] else ""
            out.append(
                f"- [{_md(doc_id)}] {_md(shown_title(d))} "
                f"({_md(d['origin'] or d['outlet'] or 'unknown origin')}, "
                f"{d['published'] or 'undated'}{copy}; {len(d['removed'])} removals)"
            )
        out.append("")
    if data["errors"]:
        out += (
            ["## Errors", ""] + [f"- `{_md(e['source'])}`: {_md(e['error'])}" for e in data["errors"]] + [""]
        )
    if data.get("warnings"):
        out += (
            ["## Warnings", ""]
            + [f"- `{_md(w['source'])}`: {_md(w['warning'])}" for w in data["warnings"]]
            + [""]
        )
    return "\n".join(out)
