"""Cutting a long text where it least hurts: at a paragraph break, else a line break, else a sentence end,
else a space. Parsing long documents in pieces (annotate) and bounding a document's length (ingest) both
cut here, so a piece never ends inside a word when the text offers anything better."""

from __future__ import annotations

# Where to cut, best first; a cut keeps the separator with the piece before it.
SEPARATORS = ("\n\n", "\n", ". ", "? ", "! ", " ")


def cut_point(text: str, start: int, size: int) -> int:
    """The end of the piece of at most ``size`` characters that starts at ``start``: after the last
    separator of the best kind found in its second half, else exactly ``size`` characters on."""
    end = start + size
    if end >= len(text):
        return len(text)
    for separator in SEPARATORS:
        found = text.rfind(separator, start + size // 2, end - len(separator) + 1)
        if found != -1:
            return found + len(separator)
    return end


def pieces(text: str, size: int) -> list[str]:
    """``text`` in consecutive pieces of at most ``size`` characters; joined, they give ``text`` back."""
    out: list[str] = []
    start = 0
    while start < len(text):
        end = cut_point(text, start, size)
        out.append(text[start:end])
        start = end
    return out or [text]
