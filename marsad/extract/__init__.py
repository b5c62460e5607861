"""Extractors: pipeline components that read a Document and add to it.

Order matters: entities first (everything hangs on actors), then dates (the
article date anchors event dates), quotes (speakers are entities), events
(sources and targets are entities; a demand inside a quote is an event of
its speaker) and frames.
"""
from __future__ import annotations

import importlib

#: (module, class) of each default extractor, in pipeline order
EXTRACTORS: list[tuple[str, str]] = [
    # ("marsad.extract.entities", "EntityRecognizer"),  # enabled once the actor lexicons land
]


def default_extractors(**options) -> list:
    """Instantiate the default extractors (``options`` go to those that accept them)."""
    comps = []
    for module, cls in EXTRACTORS:
        klass = getattr(importlib.import_module(module), cls)
        accepted = {k: v for k, v in options.items() if k in getattr(klass, "OPTIONS", ())}
        comps.append(klass(**accepted))
    return comps
