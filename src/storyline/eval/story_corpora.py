"""The development corpora of story clustering, each read into documents and their gold story labels.

- ``giveme5w1h``: 383 news-please JSON articles on 69 events (``newsCluster.EventId``): mixed world news.
- ``lookalike``: ``stories-lookalike-dev``, 604 articles on 247 look-alike events (242 different US
  shootings, 5 Reuters crises of 1997 in tokenised text).
- ``fnc1``: the 502 ``fnc1-dev`` bodies (no titles, no dates) grouped by claim: the connected components
  of the related (headline, body) pairs, so bodies that a headline of one claim relates to are one story.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Hashable, Iterator
from pathlib import Path

from storyline.ingest import content_hash, metadata, read_inputs
from storyline.model import Document

Corpus = tuple[list[Document], dict[str, Hashable]]


def giveme5w1h(datasets: Path) -> Corpus:
    docs = _documents(datasets / "giveme5w1h-news-cluster")
    return docs, {d.id: json.loads(Path(d.source).read_text(encoding="utf-8"))["newsCluster"]["EventId"]
                  for d in docs}


def lookalike(datasets: Path) -> Corpus:
    folder = datasets / "stories-lookalike-dev"
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    docs = [d for d in _documents(folder / "docs") if d.id in labels]
    return docs, {d.id: labels[d.id] for d in docs}


def fnc1(datasets: Path) -> Corpus:
    folder = datasets / "fnc1-dev"
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    with (folder / "stances.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["Stance"] != "unrelated":
                parent[root("headline " + row["Headline"])] = root("body " + row["Body ID"])
    docs = list(fnc1_documents(folder / "bodies.csv"))
    return docs, {doc.id: root("body " + doc.id.removeprefix("fnc1_")) for doc in docs}


def fnc1_documents(bodies: Path) -> Iterator[Document]:
    """FNC-1 bodies as documents: no title, no date, no outlet."""
    with bodies.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            doc = Document(id=f"fnc1_{row['Body ID']}", source=f"{bodies}#{row['Body ID']}",
                           raw_text=row["articleBody"])
            metadata.complete(doc)
            doc.content_hash = content_hash(doc)
            yield doc


def _documents(folder: Path) -> list[Document]:
    return [r for r in read_inputs([str(folder)]) if isinstance(r, Document)]


CORPORA: dict[str, Callable[[Path], Corpus]] = {
    "giveme5w1h": giveme5w1h, "lookalike": lookalike, "fnc1": fnc1}
