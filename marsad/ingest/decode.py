"""Bytes to text: BOMs, UTF-8, UTF-16 without a BOM, windows-1256, binary detection.

The order matters and is cheap first:

1. a byte-order mark (UTF-32, UTF-8, UTF-16) decides;
2. known binary signatures (PNG, PDF, ZIP, GZIP, ...) are refused;
3. NUL bytes are either explained by UTF-16 (ASCII spaces and punctuation put
   a NUL in every other byte) or the file is binary;
4. strict UTF-8 (no charset detection runs on text that decodes as UTF-8);
5. the charset the document declares (``<meta charset>``, HTTP header), then
   windows-1256 (old Arabic sites) and charset-normalizer's guess, each
   accepted only if the result looks like text.

Everything that goes wrong raises :class:`DecodeError`, whose message is a
reason a person can read ("binary file, not text", "cannot decode ...").
"""
from __future__ import annotations

import codecs
import re

__all__ = ["DecodeError", "decode_bytes", "sniff_binary", "looks_like_text", "normalize_encoding"]


class DecodeError(ValueError):
    """The bytes are not text, or not in an encoding we could identify."""


BINARY = "binary file, not text"

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Signatures of common non-text files: only unambiguous ones (a short one like
# "MZ" could start a text; such files fail the NUL/control tests anyway).
# GZIP is here too: a gzipped WARC is recognised by its suffix (or by
# sniffing, see readers.py) before decoding.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "GZIP archive"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xfd7zXZ\x00", "XZ archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00\x00\x00\x18ftyp", "MP4 media"),
    (b"\x00\x00\x00\x20ftyp", "MP4 media"),
    (b"\x00asm", "WebAssembly"),
)

# Control characters that do not occur in text (tab, LF, VT, FF, CR do), and
# the replacement character.
_BAD_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffd]")
_LETTER_OR_SPACE = re.compile(r"[^\W\d_]|\s")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_NON_ASCII_LETTER = re.compile(r"[^\x00-\x7f\W\d_]")

_SAMPLE = 65536          # characters / bytes examined by the heuristics
_MAX_BAD_RATIO = 0.02    # control characters tolerated in text
_MIN_LETTER_RATIO = 0.6  # letters + whitespace among all characters, for guessed encodings


def normalize_encoding(name: str | None) -> str | None:
    """Python's canonical codec name for ``name``, or None if unknown."""
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None


def sniff_binary(data: bytes) -> str | None:
    """The kind of binary file ``data`` starts like ("PNG image"), or None."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def looks_like_text(text: str, *, strict: bool = False) -> bool:
    """Few control characters; with ``strict``, also mostly letters and spaces."""
    sample = text[:_SAMPLE]
    if not sample:
        return True
    n = len(sample)
    if len(_BAD_CHARS.findall(sample)) > n * _MAX_BAD_RATIO:
        return False
    if strict:
        letters = len(_LETTER_OR_SPACE.findall(sample))
        if letters < n * _MIN_LETTER_RATIO:
            return False
    return True


def _looks_arabic(text: str) -> bool:
    """Most non-ASCII letters are Arabic: the test for a windows-1256 guess."""
    sample = text[:_SAMPLE]
    non_ascii = len(_NON_ASCII_LETTER.findall(sample))
    if non_ascii == 0:
        return False
    return len(_ARABIC.findall(sample)) >= 0.8 * non_ascii


def _utf16_without_bom(data: bytes) -> str | None:
    """The UTF-16 endianness ``data`` looks like, judged by NULs in alternate bytes.

    ASCII characters (spaces, digits, punctuation, newlines) are a NUL byte
    plus the character in UTF-16, so text in it has NULs in one parity of byte
    positions (odd ones for little-endian) and almost none in the other.
    Arabic letters (U+06xx) add no NULs, but the spaces between words do.
    """
    sample = data[: _SAMPLE * 2]
    if len(sample) < 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    pairs = len(sample) // 2
    if odd >= max(1, pairs // 20) and even <= odd // 20:
        return "utf-16-le"
    if even >= max(1, pairs // 20) and odd <= even // 20:
        return "utf-16-be"
    return None


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _charset_normalizer_guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    best = from_bytes(data[: _SAMPLE * 4]).best()
    return normalize_encoding(best.encoding) if best is not None else None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` to text, or raise :class:`DecodeError` saying why not.

    ``declared`` is the charset the container names (``<meta charset>``, the
    HTTP ``Content-Type``); it is tried after UTF-8, before any guessing.
    A leading BOM is removed.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _try(data[len(bom):], encoding)
            if text is None:
                raise DecodeError(f"cannot decode: starts with a {encoding} byte-order mark but is not {encoding}")
            if not looks_like_text(text):
                raise DecodeError(BINARY)
            return text

    kind = sniff_binary(data)
    if kind:
        raise DecodeError(f"{BINARY} ({kind})")

    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding:
            text = _try(data[: len(data) - len(data) % 2], encoding)
            if text is not None and looks_like_text(text):
                return text
        raise DecodeError(BINARY)

    text = _try(data, "utf-8")
    if text is not None:
        if not looks_like_text(text):
            raise DecodeError(BINARY)
        return text

    tried = ["utf-8"]
    declared = normalize_encoding(declared)
    if declared and declared not in tried:
        tried.append(declared)
        text = _try(data, declared)
        if text is not None and looks_like_text(text):
            return text

    if "cp1256" not in tried:
        tried.append("cp1256")
        text = _try(data, "cp1256")
        if text is not None and looks_like_text(text, strict=True) and _looks_arabic(text):
            return text

    guess = _charset_normalizer_guess(data)
    if guess and guess not in tried:
        tried.append(guess)
        text = _try(data, guess)
        if text is not None and looks_like_text(text, strict=True):
            if guess != "cp1256" or _looks_arabic(text):
                return text

    if not looks_like_text(data[:_SAMPLE].decode("latin-1")):
        raise DecodeError(BINARY)
    names = ", ".join("windows-1256" if t == "cp1256" else t for t in tried)
    raise DecodeError(f"cannot decode: not text in any encoding tried ({names})")
