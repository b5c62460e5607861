"""Web archives (.warc, .warc.gz): each archived HTML page is one document.

Only ``response`` (and ``resource``) records with an HTML content type and a
2xx status are read; requests, metadata, images, redirects are skipped
silently.  The page goes through the HTML reader; the URL is the record's
``WARC-Target-URI`` and the date, when the page has none, the ``WARC-Date``.
A damaged archive gives a ReadError naming the file, after the documents
read before the damage.  The archive is streamed; ``options.max_bytes``
limits each record's payload.
"""
from __future__ import annotations

import contextlib
import io
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad.document import Document
from marsad.ingest import ReadError, ReadOptions
from marsad.ingest.decode import DecodeError
from marsad.ingest.html import NO_TEXT, decode_html, extract_html

__all__ = ["is_warc", "read_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_MB = 1024 * 1024


def is_warc(head: bytes) -> bool:
    """``head`` (a file's first bytes) starts a WARC archive, plain or gzipped."""
    if head.startswith(b"WARC/"):
        return True
    if head.startswith(b"\x1f\x8b"):
        try:
            start = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return False
        return start.startswith(b"WARC/")
    return False


def _archive_iterator(fileobj: Any) -> Any:
    from warcio.archiveiterator import ArchiveIterator

    class _Iterator(ArchiveIterator):  # type: ignore[misc, valid-type]
        """Remembers whether the last gzip member ended cleanly."""

        truncated_gzip = False

        def close(self) -> None:
            d = self.reader.decompressor if self.reader else None
            if d is not None and hasattr(d, "eof") and not d.eof:
                self.truncated_gzip = True
            super().close()

    return _Iterator(fileobj)


def _charset_of(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _truncated(record: Any) -> bool:
    """The record's block ended before its Content-Length."""
    return getattr(getattr(record, "raw_stream", None), "limit", 0) > 0


def _record_to_result(record: Any, name: str, options: ReadOptions) -> Document | ReadError | None:
    if record.rec_type not in ("response", "resource"):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    if record.rec_type == "response":
        http = record.http_headers
        if http is None:
            return None
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = http.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if content_type.split(";")[0].strip().lower() not in _HTML_TYPES:
        return None
    where = uri or record.rec_headers.get_header("WARC-Record-ID") or "record"
    limit = options.max_bytes if options.max_bytes and options.max_bytes > 0 else -1
    payload = record.content_stream().read(limit + 1 if limit > 0 else -1)
    if limit > 0 and len(payload) > limit:
        return ReadError(name, f"{where}: record too large (over limit {limit / _MB:g} MB)")
    if _truncated(record):
        return ReadError(name, f"corrupt WARC archive: truncated record ({where})")
    try:
        html = decode_html(payload, http_charset=_charset_of(content_type))
    except DecodeError as exc:
        return ReadError(name, f"{where}: {exc}")
    found = extract_html(html, url=uri)
    if found is None:
        return ReadError(name, f"{where}: {NO_TEXT}")
    warc_date = record.rec_headers.get_header("WARC-Date") or ""
    meta: dict[str, Any] = {}
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    if record_id:
        meta["warc_record_id"] = record_id
    if found["url"] and found["url"] != uri:
        meta["canonical_url"] = found["url"]
    return Document(
        raw_text=found["text"] or "",
        path=name,
        title=found["title"],
        source=found["source"],
        url=uri or found["url"],
        published=found["published"] or (warc_date[:10] if len(warc_date) >= 10 else None),
        meta=meta,
    )


def read_warc(path: Path, options: ReadOptions) -> Iterator[Document | ReadError]:
    """Each HTML page archived in a WARC file: a Document, or a ReadError for the page or the file."""
    name = str(path)
    with open(path, "rb") as f:
        head = f.read(512)
        if not head:
            yield ReadError(name, "empty file")
            return
        if not is_warc(head):
            yield ReadError(name, "not a WARC archive")
            return
        f.seek(0)
        archive = _archive_iterator(f)
        records = iter(archive)
        previous = None
        warnings = io.StringIO()
        try:
            while True:
                # warcio reports bad record boundaries on stderr; keep them.
                with contextlib.redirect_stderr(warnings):
                    record = next(records, None)
                if previous is not None and _truncated(previous):
                    yield ReadError(name, "corrupt WARC archive: truncated record")
                    return
                if record is None:
                    break
                previous = record
                result = _record_to_result(record, name, options)
                if result is not None:
                    yield result
                    if isinstance(result, ReadError) and result.reason.startswith("corrupt"):
                        return
        except Exception as exc:  # noqa: BLE001 - warcio, zlib, gzip errors
            reason = str(exc).splitlines()[0][:120] if str(exc) else exc.__class__.__name__
            yield ReadError(name, f"corrupt WARC archive: {reason}")
            return
        if archive.truncated_gzip:
            yield ReadError(name, "corrupt WARC archive: truncated gzip data")
        elif archive.err_count or warnings.getvalue():
            yield ReadError(name, "corrupt WARC archive: invalid record boundaries (bad Content-Length?)")

