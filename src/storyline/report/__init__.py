"""The dossier as JSON (with its JSON Schema), Markdown and one self-contained HTML page."""

from __future__ import annotations

from pathlib import Path

from storyline.model import Dossier
from storyline.report import html, jsondoc, markdown


def write_all(dossier: Dossier, out: Path) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = {"json": out / "dossier.json", "md": out / "dossier.md", "html": out / "dossier.html"}
    data = jsondoc.to_json(dossier)
    paths["json"].write_text(jsondoc.dumps(data), encoding="utf-8")
    paths["md"].write_text(markdown.render(data), encoding="utf-8")
    paths["html"].write_text(html.render(data), encoding="utf-8")
    return paths
