"""Shared test helpers: stored documents with hand-made extractions."""
from __future__ import annotations

from typing import Any


def entity_records(text: str, ents: list[tuple[str, str, str | None, str | None, list[str]]]) -> list[dict[str, Any]]:
    """Entity records of the JSON contract from ``(type, name, name_en, code, [mention texts])``.

    Each mention is located at its first occurrence in ``text``; entities
    with a code get a dictionary-style ``actor_key``, so the store merges
    them across documents the way it merges dictionary actors.
    """
    out = []
    for i, (etype, name, en, code, mentions) in enumerate(ents, 1):
        ms = []
        for m in mentions:
            s = text.index(m)
            ms.append({"start": s, "end": s + len(m), "text": m})
        out.append({"id": f"e{i}", "type": etype, "name": name, "name_en": en, "actor_code": code,
                    "roles": [], "mentions": ms, "actor_key": f"{code}:{name}" if code else None})
    return out
