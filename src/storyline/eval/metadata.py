"""HTML metadata: title, publication day and authors of our HTML reader beside trafilatura and htmldate.

Two development sets: ``html-metadata-dev`` (36 pages, gold title/published/authors) and
``html-dates-dev`` (744 pages, gold publication day). Each page is read as a user's file would be
(``ingest.read_file``, no URL given), and the same page goes to ``trafilatura.extract_metadata`` and to
``htmldate.find_date(original_date=True, extensive_search=True)`` in the same run.

Scoring follows ``html-metadata-dev/score.py``: published is the same ``YYYY-MM-DD``; a title matches
when the gold's ``\\w+`` tokens (lowercased) equal the prediction's or run inside them (``title_alt``
counts too); authors match when every token of every gold name is among the predicted names' tokens.

Each set is split in two halves by a stable hash of the page's name: rules were chosen looking at half
``a`` only (the development half); half ``b`` is held out, and both halves and the whole are printed."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from storyline.eval import SCORING_TOKEN

NAME = "metadata"

SETS = {"meta": "html-metadata-dev", "dates": "html-dates-dev"}
FIELDS = ("published", "title", "authors")
IGNORED_TOKENS = {"by", "and"}
QUICK_DATE_PAGES = 120
SHOWN_FAILURES = 12
DEVELOPMENT_HALF = "a"  # the half whose failures are read; rules are chosen on it alone


@dataclass
class Page:
    """One page of a development set with its gold values (``None`` where unknown)."""

    corpus: str
    key: str
    path: Path
    gold: dict
    half: str = field(init=False)

    def __post_init__(self) -> None:
        self.half = "a" if hashlib.sha1(self.key.encode()).digest()[0] % 2 == 0 else "b"


Meta = dict[str, object]  # field -> predicted value (title str, published str, authors list[str])


def _tokens(text: str | None) -> str:
    return " ".join(SCORING_TOKEN.findall((text or "").lower()))


def title_ok(gold: dict, predicted: object) -> bool:
    found = f" {_tokens(predicted if isinstance(predicted, str) else '')} "
    return any(f" {_tokens(t)} " in found for t in [gold["title"], *gold.get("title_alt", [])])


def authors_ok(gold: dict, predicted: object) -> bool:
    names = predicted if isinstance(predicted, list) else []
    found = set(_tokens(" ".join(names)).split()) - IGNORED_TOKENS
    return all(set(_tokens(name).split()) - IGNORED_TOKENS <= found for name in gold["authors"])


def published_ok(gold: dict, predicted: object) -> bool:
    return str(predicted or "")[:10] == gold["published"]


CHECKS: dict[str, Callable[[dict, object], bool]] = {
    "published": published_ok,
    "title": title_ok,
    "authors": authors_ok,
}


def pages(datasets: Path, quick: bool) -> list[Page]:
    found = []
    for corpus, folder in SETS.items():
        root = datasets / folder
        gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
        keys = sorted(gold)
        if quick and corpus == "dates":
            keys = [k for k in keys if hashlib.sha1(k.encode()).digest()[1] % 6 == 0][:QUICK_DATE_PAGES]
        for key in keys:
            path = root / "docs" / f"{key}.html"
            found.append(
                Page(corpus, key, path if path.exists() else path.with_suffix(".html.gz"), gold[key])
            )
    return found


def page_html(path: Path) -> str:
    data = path.read_bytes()
    return (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", "replace")


def ours(page: Page) -> Meta:
    from storyline.ingest import read_file
    from storyline.model import Document

    doc = next((d for d in read_file(str(page.path)) if isinstance(d, Document)), None)
    if doc is None:
        return {}
    return {"title": doc.title, "published": doc.published, "authors": doc.authors}


def trafilatura_meta(page: Page) -> Meta:
    import trafilatura

    found = trafilatura.extract_metadata(page_html(page.path))
    authors = [a.strip() for a in (found.author or "").split(";") if a.strip()]
    return {"title": found.title, "published": found.date, "authors": authors}


def htmldate_meta(page: Page) -> Meta:
    from htmldate import find_date

    return {"published": find_date(page_html(page.path), original_date=True, extensive_search=True)}


SYSTEMS: dict[str, Callable[[Page], Meta]] = {
    "ours": ours,
    "trafilatura": trafilatura_meta,
    "htmldate": htmldate_meta,
}


def score(found: list[tuple[Page, dict[str, Meta]]], corpus: str, half: str | None) -> dict[str, float]:
    """Share of right values per system and field on one set (one half, or the whole when None)."""
    figures: dict[str, float] = {}
    chosen = [(p, m) for p, m in found if p.corpus == corpus and half in (None, p.half)]
    for name_field in FIELDS:
        scored = [(p, m) for p, m in chosen if p.gold.get(name_field) is not None]
        if not scored:
            continue
        figures[f"{name_field}_pages"] = float(len(scored))
        for system in SYSTEMS:
            if not any(name_field in m[system] for _, m in scored):
                continue
            hits = sum(CHECKS[name_field](p.gold, m[system].get(name_field)) for p, m in scored)
            figures[f"{name_field}_{system}"] = hits / len(scored)
    return figures


def failures(found: list[tuple[Page, dict[str, Meta]]]) -> list[str]:
    """Our misses where a baseline was right first (the worst), then the others."""
    lines = []
    for page, meta in found:
        for name_field in FIELDS:
            gold = page.gold.get(name_field)
            if gold is None or CHECKS[name_field](page.gold, meta["ours"].get(name_field)):
                continue
            beaten = any(
                CHECKS[name_field](page.gold, meta[s].get(name_field))
                for s in SYSTEMS
                if s != "ours" and name_field in meta[s]
            )
            lines.append(
                (
                    not beaten,
                    f"{page.corpus}/{page.half} {page.key} {name_field}: gold "
                    f"{json.dumps(gold, ensure_ascii=False)} | ours "
                    f"{json.dumps(meta['ours'].get(name_field), ensure_ascii=False)}"
                    + (" (a baseline was right)" if beaten else ""),
                )
            )
    return [line for _, line in sorted(lines, key=lambda item: item[0])]


def run(datasets: Path, quick: bool) -> dict[str, float]:
    found = [
        (page, {name: system(page) for name, system in SYSTEMS.items()}) for page in pages(datasets, quick)
    ]
    figures: dict[str, float] = {}
    print("rules were developed on half a; half b is held out")
    for corpus in SETS:
        for half in ("a", "b", None):
            part = score(found, corpus, half)
            label = f"{corpus}.{half or 'all'}"
            print(
                f"{label:<10}"
                + "  ".join(
                    f"{f}: ours {part.get(f'{f}_ours', 0):.3f} traf {part.get(f'{f}_trafilatura', 0):.3f}"
                    + (f" htmldate {part[f'{f}_htmldate']:.3f}" if f"{f}_htmldate" in part else "")
                    + f" (n={part[f'{f}_pages']:.0f})"
                    for f in FIELDS
                    if f"{f}_pages" in part
                )
            )
            figures.update({f"{label}.{k}": v for k, v in part.items()})
    for corpus in SETS:
        for name_field in FIELDS:
            key = f"{corpus}.all.{name_field}"
            if f"{key}_ours" in figures:
                best = max(figures.get(f"{key}_{s}", 0.0) for s in SYSTEMS if s != "ours")
                figures[f"{key}_margin"] = figures[f"{key}_ours"] - best
    shown = failures([(page, meta) for page, meta in found if page.half == DEVELOPMENT_HALF])
    print(f"\n{len(shown)} misses of ours on half {DEVELOPMENT_HALF} (half b's stay unread: it is held out); "
          f"the first {min(SHOWN_FAILURES, len(shown))}:")
    print("\n".join(shown[:SHOWN_FAILURES]))
    return figures
