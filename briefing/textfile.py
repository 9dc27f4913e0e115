"""Bytes of a text file → str, whatever the encoding a copy-paste, export or scraper left."""

from __future__ import annotations

import codecs

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Bytes Windows-1252 leaves undefined; text that has them is not cp1252.
_CP1252_HOLES = frozenset(b"\x81\x8d\x8f\x90\x9d")


def looks_binary(data: bytes) -> bool:
    """NUL bytes mean a binary file, unless a UTF-16/32 byte order mark explains them."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    return b"\x00" in data[:8192]


def decode(data: bytes) -> str:
    """Byte order mark, then UTF-8, then the detected legacy encoding, then Windows-1252.

    Never returns U+FFFD for bytes that some encoding explains: smart quotes saved by Word
    as cp1252 come back as smart quotes.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if not _CP1252_HOLES.intersection(data):
        # Western text is by far the most common non-UTF-8 input; detectors often
        # mistake short cp1252 text for other code pages.
        return data.decode("cp1252")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    return data.decode("latin-1")
