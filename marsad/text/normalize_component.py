"""Pipeline component wrapping :func:`marsad.text.normalize.normalize_with_map`."""
from __future__ import annotations

from marsad.document import Document
from marsad.text.normalize import normalize_with_map


class Normalizer:
    """Fills ``doc.norm`` and ``doc.norm_map`` from the cleaned ``doc.text``."""

    name = "normalize"

    def __call__(self, doc: Document) -> Document:
        doc.norm, doc.norm_map = normalize_with_map(doc.text)
        return doc
