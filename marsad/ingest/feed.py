"""RSS and Atom feeds (.rss, .atom, and .xml files that are feeds): one document per entry.

The entry's text is its content (or, failing that, its summary) with the HTML
stripped; title, link and date come from the entry, the source from the feed's
title.  feedparser is given bytes, so nothing is ever fetched.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from marsad.document import Document
from marsad.ingest import ReadError, ReadOptions
from marsad.ingest.html import html_to_text

__all__ = ["NOT_A_FEED", "parse_feed", "read_feed"]

NOT_A_FEED = "not an RSS/Atom feed"


def parse_feed(data: bytes) -> Any | None:
    """The feedparser result if ``data`` is an RSS/Atom feed, else None."""
    import feedparser

    try:
        parsed = feedparser.parse(data)
    except Exception:  # noqa: BLE001 - feedparser on hostile input
        return None
    return parsed if parsed.get("version") else None


def _entry_text(entry: Any) -> str:
    candidates = [c.get("value") or "" for c in entry.get("content") or []]
    text = max((html_to_text(c) for c in candidates if c.strip()), key=len, default="")
    if not text:
        summary = entry.get("summary") or entry.get("description") or ""
        text = html_to_text(summary) if summary.strip() else ""
    return text


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return time.strftime("%Y-%m-%d", parsed)
            except (TypeError, ValueError):
                continue
    return None


def read_feed(path: Path, data: bytes, options: ReadOptions) -> list[Document | ReadError]:
    """Every entry of a feed: a Document, or a ReadError naming the entry."""
    name = str(path)
    parsed = parse_feed(data)
    if parsed is None:
        return [ReadError(name, NOT_A_FEED)]
    feed_title = html_to_text(parsed.feed.get("title") or "") or None
    results: list[Document | ReadError] = []
    if not parsed.entries:
        return [ReadError(name, "feed has no entries")]
    for n, entry in enumerate(parsed.entries, 1):
        link = entry.get("link") or None
        text = _entry_text(entry)
        if not text:
            results.append(ReadError(name, f"entry {n}{f' ({link})' if link else ''}: no text in entry"))
            continue
        meta: dict[str, Any] = {"entry": n}
        if entry.get("id"):
            meta["external_id"] = entry["id"]
        results.append(
            Document(
                raw_text=text,
                path=name,
                title=html_to_text(entry.get("title") or "") or None,
                source=feed_title,
                url=link,
                published=_entry_date(entry),
                meta=meta,
            )
        )
    return results
