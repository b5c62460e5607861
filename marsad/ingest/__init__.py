"""Readers: files and folders in, :class:`~marsad.document.Document` objects out.

Every reader yields either a ``Document`` (with ``raw_text`` and whatever
metadata the format carries) or a :class:`ReadError` naming the file (and the
line, for JSON Lines) and why it could not be read.  Readers never raise for
bad input, so one broken file never stops a batch.
"""
from __future__ import annotations

from dataclasses import dataclass

from marsad.document import Document


@dataclass
class ReadError:
    """Why one file (or one line of a JSONL file) could not be read."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


@dataclass
class ReadOptions:
    """How to read: JSONL field names and limits."""

    text_field: str = "text"
    title_field: str = "title"
    url_field: str = "url"
    source_field: str = "source"
    published_field: str = "published"
    id_field: str = "id"
    max_bytes: int = 50 * 1024 * 1024


ReadResult = Document | ReadError

from marsad.ingest.readers import iter_files, read_file, read_paths  # noqa: E402

__all__ = ["ReadError", "ReadOptions", "ReadResult", "iter_files", "read_file", "read_paths"]
