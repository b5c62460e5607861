"""Marsad (مرصد): structured knowledge from Arabic news.

>>> import marsad
>>> doc = marsad.extract("قال وزير الخارجية إن المحادثات كانت مثمرة.")
>>> doc.text
'قال وزير الخارجية إن المحادثات كانت مثمرة.'
"""
from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING  # noqa: E402

from marsad.document import Document  # noqa: E402
from marsad.pipeline import Pipeline  # noqa: E402

if TYPE_CHECKING:  # pragma: no cover
    from marsad.corpus.corpus import Corpus

_default: Pipeline | None = None


def extract_text(text: str, **meta: str | None) -> Document:
    """Run the default pipeline over one text.  ``meta`` sets title, source, url, published."""
    global _default
    if _default is None:
        _default = Pipeline()
    doc = Document(raw_text=text)
    for key, value in meta.items():
        setattr(doc, key, value)
    return _default(doc)


extract = extract_text


def open(path: str = "marsad.db") -> "Corpus":  # noqa: A001 - marsad.open(), like sqlite3.connect
    """Open a stored corpus: ``corpus = marsad.open("marsad.db")``.

    ``corpus.events(actor=..., type=..., since=..., until=...)``, ``corpus.quotes(speaker=...)``,
    ``corpus.actors(type=...)``, ``corpus.stories()`` and ``corpus.documents()`` return lists of
    dataclasses with ``.to_pandas()``; see :mod:`marsad.corpus.corpus`.
    """
    from marsad.corpus.corpus import Corpus

    return Corpus(path)


__all__ = ["Document", "Pipeline", "extract", "extract_text", "__version__"]
