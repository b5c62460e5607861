"""Dispatch files to the reader for their format.  (Minimal: .txt only so far.)"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.document import Document
from marsad.ingest import ReadError, ReadOptions, ReadResult

SUFFIXES = (".txt",)


def iter_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files named, and files of known formats under folders (recursively, sorted)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.name.lower().endswith(SUFFIXES):
                    yield f
        else:
            yield path


def read_file(path: Path, options: ReadOptions | None = None) -> Iterator[ReadResult]:
    options = options or ReadOptions()
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield ReadError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        yield ReadError(str(path), "not UTF-8 text")
        return
    if not text.strip():
        yield ReadError(str(path), "empty file")
        return
    yield Document(raw_text=text, path=str(path))


def read_paths(paths: Iterable[str | os.PathLike[str]], options: ReadOptions | None = None) -> Iterator[ReadResult]:
    for f in iter_files(paths):
        yield from read_file(f, options)
