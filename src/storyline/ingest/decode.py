"""Bytes to text: encoding detection and Unicode repair."""

from __future__ import annotations

import ftfy
from charset_normalizer import from_bytes

from storyline.ingest.errors import InputError


def decode(data: bytes) -> str:
    """Text of ``data``: UTF-8 when valid, else the detected encoding; mojibake repaired.

    Binary data (NUL bytes or no plausible encoding) is an error."""
    if b"\x00" in data[:4096]:
        raise InputError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise InputError("binary or undecodable file (not UTF-8, no encoding detected)") from None
        text = str(best)
    text = ftfy.fix_text(text, normalization="NFC")
    printable = sum(ch.isprintable() or ch.isspace() for ch in text[:4096])
    if text and printable / min(len(text), 4096) < 0.9:
        raise InputError("binary file (mostly unprintable characters)")
    return text
