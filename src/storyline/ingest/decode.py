"""Bytes to text: encoding detection and Unicode repair.

Text in UTF-8, or in an encoding the producer declared, or in one charset-normalizer detects with
little mess (cp1252, latin-1, Shift JIS, ...) is read and its mojibake repaired by ftfy. Data that
decodes only into a mess of symbols and control characters is refused as undecodable."""

from __future__ import annotations

import codecs
import re

import ftfy
from charset_normalizer import from_bytes

from storyline.ingest.errors import InputError

SAMPLE_CHARS = 20_000
MIN_UTF8_SHARE = 0.6  # random bytes form valid UTF-8 pairs too, but only for a small share of them
# A UTF-8 encoded non-ASCII character: a file with these and invalid bytes is broken UTF-8, not a
# legacy encoding (whose text would almost never form valid UTF-8 sequences).
VALID_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
MAX_MESS = 0.2  # charset-normalizer's chaos ratio above which a decoding is garbage
MIN_TEXT_SHARE = 0.85  # share of letters, digits, spaces and common punctuation in readable text
COMMON_PUNCTUATION = set(".,;:!?'\"()-–—’“”‘/&%$@#*+=<>[]{}_|")
MESS_TOLERANCE = 0.05  # a web encoding this close to the least messy candidate is preferred to it
# Short texts fit many single-byte encodings equally well; web pages that are not UTF-8 are mostly
# windows-1252 (WHATWG decodes "latin-1" as it), and DOS or Mac code pages are rare on the web.
UNLIKELY_ENCODINGS = ("mac_", "cp4", "cp7", "cp8", "cp1006", "cp1125", "cp273", "cp037", "cp5", "hp_", "ptcp")


def _declared(data: bytes, declared: str | None) -> str | None:
    if not declared:
        return None
    try:
        codecs.lookup(declared)
        return data.decode(declared)
    except (LookupError, UnicodeDecodeError):
        return None


def _text_share(text: str) -> float:
    sample = text[:SAMPLE_CHARS]
    readable = sum(ch.isalnum() or ch.isspace() or ch in COMMON_PUNCTUATION for ch in sample)
    return readable / len(sample) if sample else 1.0


def _detected_encoding(data: bytes) -> str:
    candidates = [m for m in from_bytes(data[: 4 * SAMPLE_CHARS]) if m.chaos <= MAX_MESS]
    if not candidates:
        raise InputError("undecodable data (not UTF-8 and no encoding fits)")
    least = min(m.chaos for m in candidates)
    close = [m.encoding for m in candidates if m.chaos <= least + MESS_TOLERANCE]
    likely = [e for e in close if not e.startswith(UNLIKELY_ENCODINGS)] or close
    return "cp1252" if "cp1252" in likely else likely[0]


def _mostly_utf8(data: bytes) -> bool:
    """Whether most non-ASCII bytes form valid UTF-8 sequences: then the invalid rest is damage."""
    high = sum(1 for b in data if b >= 0x80)
    in_sequences = sum(len(m) for m in VALID_UTF8_MULTIBYTE.findall(data))
    return high > 0 and in_sequences / high >= MIN_UTF8_SHARE


def repair(text: str) -> str:
    """Mojibake and odd Unicode fixed, curly quotes kept (they are the text as published); pure ASCII
    cannot hold mojibake and is returned as is (ftfy takes about a second per megabyte)."""
    return text if text.isascii() else ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False)


def decode(data: bytes, declared: str | None = None, repaired: bool = True, lenient: bool = False,
           notes: list[str] | None = None) -> str:
    """Text of ``data``: UTF-8 when valid, else the declared or detected encoding; mojibake repaired
    unless ``repaired`` is False (HTML: only the extracted text is repaired, not the whole page).

    A file that is UTF-8 but for a few broken bytes is refused, unless ``lenient``: web pages are read
    as browsers read them, the broken bytes replaced (2 of the 744 pages of html-dates-dev). A guessed
    encoding and replaced bytes are said in ``notes`` (the document's warnings)."""
    notes = [] if notes is None else notes
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("invalid UTF-16 data") from None
    elif b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes)")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            text = _declared(data, declared)
            if text is None:
                if _mostly_utf8(data) and lenient:
                    text = data.decode("utf-8", errors="replace")
                    notes.append(f"invalid UTF-8 at byte {exc.start}: broken bytes replaced")
                elif _mostly_utf8(data):
                    raise InputError(
                        f"invalid UTF-8 at byte {exc.start} in a file that is otherwise UTF-8"
                    ) from None
                else:
                    guessed = _detected_encoding(data)
                    text = data.decode(guessed, errors="replace")
                    notes.append(f"not UTF-8 (invalid at byte {exc.start}) and no encoding declared: "
                                 f"decoded as {guessed}, a guess")
    if _text_share(text) < MIN_TEXT_SHARE:
        raise InputError("binary or undecodable data (mostly symbols and control characters)")
    return repair(text) if repaired else text
