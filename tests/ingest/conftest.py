"""Small invented news texts and pages in the style of wire copy, and helpers to read them."""

from __future__ import annotations

import gzip

import pytest

from storyline.ingest import read_inputs
from storyline.model import Document, ReadError

WIRE_STORY = """\
Port authority approves harbour expansion after long dispute

By MARISOL OKAFOR and TEODOR BRANDT
Published 14 March 2023, 09:40 GMT

OTTAWA (AP) — The port authority voted on Tuesday to expand the eastern harbour, ending a dispute with
fishing crews that had lasted more than two years, officials said.

The expansion will add three berths and deepen the channel, a spokesperson told AP.
"""

ARTICLE_PARAGRAPHS = [
    "The regional council approved the harbour expansion on Tuesday after a debate that lasted all day.",
    "Councillors said the plan would add three berths and deepen the main channel by two metres.",
    "Fishing crews, who had opposed the plan for two years, said they would accept a new compensation fund.",
    "The first construction work is expected to begin in the autumn, according to the council's schedule.",
]


def article_page(title: str = "Council approves harbour plan", extra_head: str = "") -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Example Gazette</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Example Gazette">
<meta name="author" content="Lena Voss">
<meta property="article:published_time" content="2023-03-14T09:40:00Z">
{extra_head}</head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>
{paragraphs}
</article>
<footer>Copyright Example Gazette. All rights reserved.</footer></body></html>
"""


@pytest.fixture
def read_all():
    """Everything read from the given paths, split into documents and errors."""

    def _read(*paths) -> tuple[list[Document], list[ReadError]]:
        items = list(read_inputs([str(p) for p in paths]))
        return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, ReadError)]

    return _read


def gz(text: str | bytes) -> bytes:
    return gzip.compress(text.encode("utf-8") if isinstance(text, str) else text)
