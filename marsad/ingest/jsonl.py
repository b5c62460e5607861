"""JSON Lines (.jsonl, .ndjson): one article per line; also .json (an object or a list).

Standard fields are ``text``, ``title``, ``url``, ``source``, ``published``
and ``id``; :class:`~marsad.ingest.ReadOptions` maps other names (the
SaudiNewsNet corpus: ``text_field="content"``, ``published_field="date_extracted"``).
A bad line becomes a :class:`~marsad.ingest.ReadError` with its line number
and reading goes on with the next one.  The file is streamed, never read whole.
"""
from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad.document import Document
from marsad.ingest import ReadError, ReadOptions

__all__ = ["normalize_published", "read_json", "read_jsonl", "record_to_document"]

_DATE_PART = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?=$|[T\s])")


def normalize_published(value: Any) -> str | None:
    """``"2015-08-08 12:00:00"`` -> ``"2015-08-08"``; other strings kept as given."""
    if value is None:
        return None
    if not isinstance(value, str):
        value = str(value)
    value = value.strip()
    if not value:
        return None
    m = _DATE_PART.match(value)
    if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    return value


def _optional_str(record: dict[str, Any], field: str) -> str | None:
    value = record.get(field)
    if value is None or isinstance(value, (dict, list)):
        return None
    value = str(value).strip()
    return value or None


def record_to_document(record: Any, options: ReadOptions, path: str, line: int | None = None) -> Document | ReadError:
    """One parsed JSON value as a Document, or a ReadError saying what is wrong with it."""
    if not isinstance(record, dict):
        return ReadError(path, f"not a JSON object (got {type(record).__name__})", line=line)
    field = options.text_field
    if field not in record:
        present = ", ".join(list(record)[:12])
        hint = f"; fields present: {present}" if present else ""
        return ReadError(path, f"missing text field '{field}'{hint} (choose another with --text-field)", line=line)
    text = record[field]
    if not isinstance(text, str):
        if text is None:
            return ReadError(path, f"empty text field '{field}'", line=line)
        return ReadError(path, f"text field '{field}' is not a string (got {type(text).__name__})", line=line)
    if not text.strip():
        return ReadError(path, f"empty text field '{field}'", line=line)
    meta: dict[str, Any] = {}
    if line is not None:
        meta["line"] = line
    external_id = _optional_str(record, options.id_field)
    if external_id is not None:
        meta["external_id"] = external_id
    return Document(
        raw_text=text,
        path=path,
        title=_optional_str(record, options.title_field),
        source=_optional_str(record, options.source_field),
        url=_optional_str(record, options.url_field),
        published=normalize_published(record.get(options.published_field)),
        meta=meta,
    )


_TOO_LARGE = object()
_MB = 1024 * 1024


def _lines(path: Path, max_bytes: int) -> Iterator[tuple[int, Any]]:
    """(line number, text), streaming; text is None for a line that is not
    UTF-8 and ``_TOO_LARGE`` for one over ``max_bytes`` (never held whole)."""
    with open(path, "rb") as f:
        head = f.read(4)
        f.seek(0)
        wide = next(
            (enc for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                                   (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
             if head.startswith(bom)),
            None,
        )
        if wide:  # e.g. PowerShell's "> out.jsonl": UTF-16 with a BOM
            with io.TextIOWrapper(f, encoding=wide, errors="replace", newline=None) as t:
                for n, line in enumerate(t, 1):
                    yield n, line
            return
        limit = max_bytes + 1 if max_bytes and max_bytes > 0 else -1
        readline = f.readline
        n = 0
        while True:
            raw = readline(limit)
            if not raw:
                return
            n += 1
            if limit > 0 and len(raw) >= limit and not raw.endswith(b"\n"):
                while True:  # skip the rest of the oversized line
                    chunk = readline(_MB)
                    if not chunk or chunk.endswith(b"\n"):
                        break
                yield n, _TOO_LARGE
                continue
            if n == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[3:]
            try:
                yield n, raw.decode("utf-8")
            except UnicodeDecodeError:
                yield n, None


def read_jsonl(path: Path, options: ReadOptions) -> Iterator[Document | ReadError]:
    """Each line of a JSON Lines file: a Document or a ReadError naming the line.

    ``options.max_bytes`` limits each line (the file itself is streamed).
    """
    name = str(path)
    loads = json.loads
    for n, line in _lines(path, options.max_bytes):
        if line is None:
            yield ReadError(name, "line is not valid UTF-8", line=n)
            continue
        if line is _TOO_LARGE:
            yield ReadError(name, f"line too large (over limit {options.max_bytes / _MB:g} MB)", line=n)
            continue
        if not line.strip():
            continue
        try:
            record = loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(name, f"bad JSON: {exc.msg} (column {exc.colno})", line=n)
            continue
        except RecursionError:
            yield ReadError(name, "bad JSON: nested too deeply", line=n)
            continue
        yield record_to_document(record, options, name, n)


def read_json(path: Path, data: bytes, options: ReadOptions) -> list[Document | ReadError]:
    """A .json file: one article object, or an array of them (``meta["index"]`` numbers them from 1)."""
    from marsad.ingest.decode import DecodeError, decode_bytes

    name = str(path)
    try:
        value = json.loads(decode_bytes(data))
    except DecodeError as exc:
        return [ReadError(name, str(exc))]
    except json.JSONDecodeError as exc:
        return [ReadError(name, f"bad JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")]
    except RecursionError:
        return [ReadError(name, "bad JSON: nested too deeply")]
    if isinstance(value, dict):
        return [record_to_document(value, options, name)]
    if not isinstance(value, list):
        return [ReadError(name, f"JSON file is neither an article object nor a list of them (got {type(value).__name__})")]
    if not value:
        return [ReadError(name, "empty JSON list")]
    results: list[Document | ReadError] = []
    for i, item in enumerate(value, 1):
        result = record_to_document(item, options, name)
        if isinstance(result, ReadError):
            result.reason = f"item {i}: {result.reason}"
        else:
            result.meta["index"] = i
        results.append(result)
    return results
