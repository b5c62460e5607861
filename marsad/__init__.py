"""Marsad (مرصد): structured knowledge from Arabic news.

>>> import marsad
>>> doc = marsad.extract("قال وزير الخارجية إن المحادثات كانت مثمرة.")
>>> doc.text
'قال وزير الخارجية إن المحادثات كانت مثمرة.'
"""
from __future__ import annotations

__version__ = "0.1.0"

from marsad.document import Document  # noqa: E402
from marsad.pipeline import Pipeline  # noqa: E402

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


__all__ = ["Document", "Pipeline", "extract", "extract_text", "__version__"]
