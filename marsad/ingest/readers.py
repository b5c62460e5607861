"""Dispatch files to the reader for their format, and walk folders.

=================  ===========================================  ==============
suffix             reader                                       read how
=================  ===========================================  ==============
.txt               :func:`marsad.ingest.plain.read_text`        whole file
.html .htm .xhtml  :func:`marsad.ingest.html.read_html`         whole file
.jsonl .ndjson     :func:`marsad.ingest.jsonl.read_jsonl`       line by line
.json              :func:`marsad.ingest.jsonl.read_json`        whole file
.warc .warc.gz     :func:`marsad.ingest.warc.read_warc`         record by record
.rss .atom .xml    :func:`marsad.ingest.feed.read_feed`         whole file
=================  ===========================================  ==============

``options.max_bytes`` refuses a file read whole that is larger (checked on its
size, before reading); for the streamed formats it limits each line / record.
An explicitly named file with another suffix is sniffed (WARC, HTML, feed)
and otherwise read as text if it decodes as text.  Nothing here raises for bad
input: every problem is a :class:`~marsad.ingest.ReadError` naming the file.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from marsad.ingest import ReadError, ReadOptions, ReadResult
from marsad.ingest.decode import DecodeError, decode_bytes, sniff_binary
from marsad.ingest.feed import parse_feed, read_feed
from marsad.ingest.html import looks_like_html, read_html
from marsad.ingest.jsonl import read_json, read_jsonl
from marsad.ingest.plain import read_text
from marsad.ingest.warc import is_warc, read_warc

__all__ = ["SUFFIXES", "format_of", "iter_files", "read_file", "read_paths"]

WholeReader = Callable[[Path, bytes, ReadOptions], list[ReadResult]]
StreamReader = Callable[[Path, ReadOptions], Iterator[ReadResult]]

_WHOLE: dict[str, WholeReader] = {
    "txt": read_text,
    "html": read_html,
    "json": read_json,
    "feed": read_feed,
}
_STREAMED: dict[str, StreamReader] = {
    "jsonl": read_jsonl,
    "warc": read_warc,
}
_SUFFIX_FORMAT: tuple[tuple[str, str], ...] = (
    (".warc.gz", "warc"),
    (".warc", "warc"),
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".json", "json"),
    (".html", "html"),
    (".htm", "html"),
    (".xhtml", "html"),
    (".rss", "feed"),
    (".atom", "feed"),
    (".xml", "feed"),
    (".txt", "txt"),
)
#: Suffixes picked up when walking a folder.
SUFFIXES: tuple[str, ...] = tuple(s for s, _ in _SUFFIX_FORMAT)

_MB = 1024 * 1024


def format_of(path: str | os.PathLike[str]) -> str | None:
    """The format a file name says (``"html"``, ``"jsonl"``, ...), or None."""
    name = os.fspath(path).lower()
    for suffix, fmt in _SUFFIX_FORMAT:
        if name.endswith(suffix):
            return fmt
    return None


def _size(n: int) -> str:
    return f"{n / _MB:.1f} MB" if n >= _MB // 10 else f"{n:,} bytes"


def iter_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files named, and files of known formats under folders (recursively, sorted).

    Hidden files and folders (starting with ".") inside a folder are skipped;
    a path named explicitly is always yielded, even if it does not exist, so
    that :func:`read_file` reports it.
    """
    for p in paths:
        path = Path(p)
        if not path.is_dir():
            yield path
            continue
        found: list[Path] = []
        for root, dirs, files in os.walk(path, onerror=None, followlinks=False):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for f in files:
                if not f.startswith(".") and format_of(f) is not None:
                    found.append(Path(root, f))
        yield from sorted(found)


def _read_whole(path: Path, max_bytes: int) -> bytes | ReadError:
    name = str(path)
    try:
        size = path.stat().st_size
        if max_bytes and max_bytes > 0 and size > max_bytes:
            return ReadError(name, f"file too large ({_size(size)} > limit {_size(max_bytes)})")
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1) if max_bytes and max_bytes > 0 else f.read()
    except OSError as exc:
        return ReadError(name, f"cannot read: {exc.strerror or exc}")
    if max_bytes and max_bytes > 0 and len(data) > max_bytes:  # grew since stat()
        return ReadError(name, f"file too large (> limit {_size(max_bytes)})")
    return data


def _sniff(data: bytes) -> str:
    """The format of a file whose name does not say: warc, html, feed or txt."""
    if is_warc(data[:512]):
        return "warc"
    if looks_like_html(data):
        return "html"
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and parse_feed(data) is not None:
        return "feed"
    return "txt"


def _read(path: Path, options: ReadOptions) -> Iterator[ReadResult]:
    name = str(path)
    if not os.path.lexists(path):
        yield ReadError(name, "no such file")
        return
    if path.is_dir():
        yield from read_paths([path], options)
        return
    if not path.exists():
        yield ReadError(name, "broken symbolic link")
        return
    if not path.is_file():
        yield ReadError(name, "not a regular file")
        return
    fmt = format_of(path)
    if fmt in _STREAMED:
        try:
            if path.stat().st_size == 0:
                yield ReadError(name, "empty file")
                return
        except OSError as exc:
            yield ReadError(name, f"cannot read: {exc.strerror or exc}")
            return
        yield from _STREAMED[fmt](path, options)
        return
    data = _read_whole(path, options.max_bytes)
    if isinstance(data, ReadError):
        yield data
        return
    if not data.strip():
        yield ReadError(name, "empty file")
        return
    if fmt is None:
        fmt = _sniff(data)
        if fmt == "warc":
            yield from read_warc(path, options)
            return
        if fmt == "txt":
            try:
                decode_bytes(data)
            except DecodeError as exc:
                kind = sniff_binary(data)
                detail = kind or str(exc)
                suffix = path.suffix or "no suffix"
                yield ReadError(name, f"unsupported file type ({suffix}: {detail})")
                return
    yield from _WHOLE[fmt](path, data, options)


def read_file(path: str | os.PathLike[str], options: ReadOptions | None = None) -> Iterator[ReadResult]:
    """Documents (or ReadErrors) from one file; never raises for bad input."""
    options = options or ReadOptions()
    path = Path(path)
    try:
        yield from _read(path, options)
    except Exception as exc:  # noqa: BLE001 - last resort: one bad file never stops a batch
        yield ReadError(str(path), f"unexpected error while reading: {exc.__class__.__name__}: {exc}")


def read_paths(paths: Iterable[str | os.PathLike[str]], options: ReadOptions | None = None) -> Iterator[ReadResult]:
    """Documents (or ReadErrors) from files and folders, in :func:`iter_files` order."""
    options = options or ReadOptions()
    for f in iter_files(paths):
        yield from read_file(f, options)
