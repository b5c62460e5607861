"""The Document object that flows through the pipeline.

Like spaCy's ``Doc``, one :class:`Document` is created by a reader and then
each pipeline component reads it and adds to it.  Components never copy the
document; they fill the fields they own:

* readers: ``raw_text``, ``title``, ``source``, ``url``, ``published``, ``path``
* clean: ``text`` (the cleaned display text; every offset indexes it) and ``id``
* normalize: ``norm`` and ``norm_map`` (match form and its way back to ``text``)
* segment: ``sentences`` and ``tokens``
* extractors: ``entities``, ``quotes``, ``events``, ``frames``

:meth:`Document.to_dict` produces the public JSON contract of DESIGN.md.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any


def content_id(text: str) -> str:
    """Stable id of a document: a SHA-256 prefix of its cleaned text.

    Hashing the *cleaned* text (not the raw file) makes re-ingesting the same
    article idempotent even when it arrives wrapped in different HTML.
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Span:
    """A half-open character range ``[start, end)`` into ``Document.text``."""

    start: int
    end: int


@dataclass(slots=True)
class Token:
    """A token of the display text with its match forms.

    ``norm`` is the normalized form; ``bare`` is ``norm`` with proclitics
    (و ف ب ل ك) and the article ال stripped, which is what lexicons match on.
    ``prefix`` is what was stripped (e.g. ``"وال"``).
    """

    start: int
    end: int
    text: str
    norm: str
    bare: str
    prefix: str = ""
    sentence: int = 0


@dataclass
class Document:
    """One article and everything extracted from it."""

    raw_text: str = ""
    text: str = ""
    id: str = ""
    path: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    language: str = "ar"
    norm: str = ""
    norm_map: list[int] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    frames: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The public JSON contract (DESIGN.md).  Field names never change."""
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            "language": self.language,
            "text": self.text,
            "entities": self.entities,
            "quotes": self.quotes,
            "events": self.events,
            "frames": self.frames,
        }

    def sentence_of(self, offset: int) -> Span | None:
        """The sentence containing character ``offset`` of ``text``."""
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def norm_span_to_text(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``norm`` back to a span of ``text``."""
        m = self.norm_map
        if not m:
            return start, end
        s = m[start] if start < len(m) else len(self.text)
        e = m[end - 1] + 1 if 0 < end <= len(m) else s
        return s, e
