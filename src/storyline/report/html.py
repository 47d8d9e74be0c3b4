"""The dossier as one self-contained HTML page; every piece of article text is escaped."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from storyline.report.chart import timeline_svg
from storyline.report.jsondoc import shown_title
from storyline.report.sections import denials, supporters, timeline_parts, when

STYLE = (Path(__file__).parent / "dossier.css").read_text()


def e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _cite(ids: list[str]) -> str:
    return " ".join(f'<a class="cite" href="#doc-{e(i)}">{e(i)}</a>' for i in ids)


def _story(story: dict[str, Any], docs: dict[str, dict[str, Any]]) -> str:
    claims = {c["id"]: c for c in story["claims"]}
    parts = [
        f'<section class="story" id="story-{e(story["id"])}"><h2>{e(story["title"])}</h2>',
        f'<p class="meta">{len(story["documents"])} documents</p>',
    ]
    if story["summary"]:
        parts.append("<h3>Summary</h3><ul>")
        parts += [
            f"<li>{e(s['text'])} {_cite(s['documents'])}"
            + (f' <span class="{_kind(s)}">{e(s["attribution"])}</span>' if s.get("attribution") else "")
            + "</li>"
            for s in story["summary"]
        ]
        parts.append("</ul>")
    if story["claim_groups"]:
        parts.append(
            "<h3>Claims</h3><table><tr><th>Claim</th><th>Who says it</th><th>Independent sources</th>"
            "<th>Denied by</th><th>Documents</th><th>Notes</th></tr>"
        )
        for g in story["claim_groups"]:
            notes = []
            if g["contested"]:
                notes.append('<span class="contested">contested</span>')
            for d in g["discrepancies"]:
                notes.append(f"{e(d['kind'])}: {e(', '.join(map(str, d['values'])))}")
            parts.append(
                f"<tr><td>{e(g['label'])} <small>{e(g['id'])}</small></td>"
                f"<td>{e(supporters(g, claims))}</td><td class=n>{g['independent_sources']}</td>"
                f"<td>{e(denials(g, claims))}</td><td>{_cite(g['documents'])}</td>"
                f"<td>{'<br>'.join(notes)}</td></tr>"
            )
        parts.append("</table>")
    dated, background, undated = timeline_parts(story["timeline"])
    if dated:
        parts.append("<h3>Timeline</h3>" + timeline_svg(dated))
    for heading, entries in (
        ("Timeline entries", dated),
        ("Background (another story, mentioned as context)", background),
        ("Undated (order unknown)", undated),
    ):
        if entries:
            parts.append(f"<h4>{heading}</h4><ol class=timeline>")
            parts += [_entry(t) for t in entries]
            parts.append("</ol>")
    if story["entities"]:
        parts.append("<h3>Entities</h3><p class=entities>")
        parts += [
            f'<span class="entity {e(x["type"])}" title="{e(", ".join(x["aliases"]))}">{e(x["name"])} '
            f"<small>{e(x['type'])} · {x['mentions']}</small></span>"
            for x in story["entities"][:60]
        ]
        parts.append("</p>")
    parts.append("<h3>Documents</h3>")
    for doc_id in story["documents"]:
        parts.append(_document(docs[doc_id]))
    parts.append("</section>")
    return "\n".join(parts)


def _kind(sentence: dict[str, Any]) -> str:
    return "contested" if sentence.get("contested") else "sources"


def _entry(t: dict[str, Any]) -> str:
    date = f"<time>{e(when(t))}</time> " if t["date"] else ""
    kind = f'<span class="type">{e(t["type"])}</span> ' if t.get("type") else ""
    groups = f" <small>claims {e(', '.join(t['claim_groups']))}</small>" if t["claim_groups"] else ""
    return f"<li>{date}{kind}{e(t['text'])} {_cite(t['documents'])}{groups}</li>"


def _document(d: dict[str, Any]) -> str:
    meta = [
        d["origin"] and f"origin {e(d['origin'])}",
        d["outlet"] and f"outlet {e(d['outlet'])}",
        d["published"] and e(d["published"]),
        d["authors"] and "by " + e(", ".join(d["authors"])),
        d["dateline"] and f"dateline {e(d['dateline'])}",
        d["copy_of"]
        and f'{e(d["copy_kind"])} copy of <a href="#doc-{e(d["copy_of"])}">{e(d["copy_of"])}</a>',
    ]
    removed = "".join(f"<li><b>{e(r['kind'])}</b> {e(r['text'])}</li>" for r in d["removed"])
    paragraphs = "".join(f"<p>{e(p)}</p>" for p in d["text"].split("\n\n"))
    return (
        f'<details class="doc" id="doc-{e(d["id"])}"><summary><b>{e(d["id"])}</b> {e(shown_title(d))}'
        f'<span class="meta"> {" · ".join(m for m in meta if m)}</span></summary>'
        f'<div class="body">{paragraphs}</div>'
        + (
            f'<details class="removed"><summary>{len(d["removed"])} removed</summary>'
            f"<ul>{removed}</ul></details>"
            if removed
            else ""
        )
        + "</details>"
    )


def render(data: dict[str, Any]) -> str:
    docs = {d["id"]: d for d in data["documents"]}
    body = [
        f"<h1>storyline dossier</h1><p class=meta>{len(data['documents'])} documents · "
        f"{len(data['stories'])} stories · {len(data['errors'])} errors · "
        f"{len(data.get('warnings', []))} warnings</p>"
    ]
    if len(data["stories"]) > 1:
        body.append(
            "<nav><ul>"
            + "".join(
                f'<li><a href="#story-{e(s["id"])}">{e(s["title"])}</a> ({len(s["documents"])})</li>'
                for s in data["stories"]
            )
            + "</ul></nav>"
        )
    body += [_story(s, docs) for s in data["stories"]]
    if data["errors"]:
        body.append(
            "<section><h2>Errors</h2><ul>"
            + "".join(f"<li><code>{e(x['source'])}</code>: {e(x['error'])}</li>" for x in data["errors"])
            + "</ul></section>"
        )
    if data.get("warnings"):
        body.append(
            "<section><h2>Warnings</h2><ul>"
            + "".join(f"<li><code>{e(x['source'])}</code>: {e(x['warning'])}</li>" for x in data["warnings"])
            + "</ul></section>"
        )
    return (
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
        "<meta name=viewport content='width=device-width, initial-scale=1'>"
        "<meta http-equiv='Content-Security-Policy' "
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>storyline dossier</title><style>{STYLE}</style></head><body>"
        + "\n".join(body)
        + "</body></html>\n"
    )
