"""Extractors: pipeline components that read a Document and add to it.

Order matters: entities first (everything hangs on actors), then dates (the
article date anchors event dates), quotes (speakers are entities), events
(sources and targets are entities; a demand inside a quote is an event of
its speaker) and frames.
"""
from __future__ import annotations

import importlib
import sys
import types

#: (module, class) of each default extractor, in pipeline order
EXTRACTORS: list[tuple[str, str]] = [
    ("marsad.extract.entities", "EntityRecognizer"),
    ("marsad.extract.dates", "DateExtractor"),
    ("marsad.extract.quotes", "QuoteExtractor"),
    ("marsad.extract.frames", "FrameTagger"),
    ("marsad.extract.events", "EventExtractor"),
]


def default_extractors(**options) -> list:
    """Instantiate the default extractors (``options`` go to those that accept them)."""
    comps = []
    for module, cls in EXTRACTORS:
        klass = getattr(importlib.import_module(module), cls)
        accepted = {k: v for k, v in options.items() if k in getattr(klass, "OPTIONS", ())}
        comps.append(klass(**accepted))
    return comps


class _CallableModule(types.ModuleType):
    """``marsad.extract`` is both this package and the API function.

    Importing a submodule (``marsad.extract.entities``) rebinds the attribute
    ``extract`` of the ``marsad`` package to this package, which would hide
    the function ``marsad.extract(text)``; making the package callable keeps
    ``marsad.extract(text)`` working whatever was imported first.
    """

    def __call__(self, text: str, **meta):
        from marsad import extract_text

        return extract_text(text, **meta)


sys.modules[__name__].__class__ = _CallableModule
