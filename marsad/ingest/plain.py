"""Plain-text files: decode, refuse empty ones."""
from __future__ import annotations

from pathlib import Path

from marsad.document import Document
from marsad.ingest import ReadError, ReadOptions
from marsad.ingest.decode import DecodeError, decode_bytes

__all__ = ["read_text"]


def read_text(path: Path, data: bytes, options: ReadOptions) -> list[Document | ReadError]:
    """One text file as one Document (any of the encodings :func:`decode_bytes` knows)."""
    name = str(path)
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        return [ReadError(name, str(exc))]
    if not text.strip():
        return [ReadError(name, "empty file")]
    return [Document(raw_text=text, path=name)]
