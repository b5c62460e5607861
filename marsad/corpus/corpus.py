"""The Python API over a stored corpus: typed records and DataFrames.

>>> import marsad
>>> corpus = marsad.open("marsad.db")                       # doctest: +SKIP
>>> corpus.events(actor="باقري", since="2023-01-01")         # doctest: +SKIP
[Event(event_id='3f2a…:0', event_date='2023-12-04', event_type='CONSULT', …), …]
>>> corpus.events(type="ASSAULT").to_pandas()               # doctest: +SKIP

Every method returns a :class:`Records` list of dataclasses whose fields are
the columns of ``marsad export`` (the same row functions feed both), and
``.to_pandas()`` turns it into a DataFrame (pandas is imported only then).
"""
from __future__ import annotations

import importlib.util
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Generic, TypeVar

from marsad.corpus import export as _export
from marsad.corpus.store import Store

T = TypeVar("T")


class CorpusError(RuntimeError):
    """The corpus cannot answer (missing database, no stories built …)."""


class Records(list, Generic[T]):
    """A list of records with :meth:`to_pandas`."""

    def __init__(self, items: Any = (), type: type | None = None) -> None:
        super().__init__(items)
        self.type = type

    def to_pandas(self):
        """A DataFrame with one row per record and one column per field (empty: the columns only)."""
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the installation
            raise ImportError("to_pandas() needs pandas: pip install pandas") from exc
        cls = self.type or (type(self[0]) if self else None)
        columns = [f.name for f in fields(cls)] if cls is not None else None
        return pd.DataFrame([asdict(r) for r in self], columns=columns)

    def to_dicts(self) -> list[dict[str, Any]]:
        return [asdict(r) for r in self]


@dataclass
class Event:
    """One event, POLECAT/ICEWS-style (the columns of ``marsad export --table events``)."""

    event_id: str
    event_date: str | None
    event_type: str
    mode: str | None
    cameo_root: str | None
    source_name: str | None
    source_name_en: str | None
    source_code: str | None
    source_country: str | None
    source_sector: str | None
    target_name: str | None
    target_name_en: str | None
    target_code: str | None
    target_country: str | None
    target_sector: str | None
    location_name: str | None
    location_name_en: str | None
    negated: bool | None
    trigger: str | None
    story_id: int | None
    doc_id: str
    url: str | None
    source_outlet: str | None
    sentence: str | None


@dataclass
class Quote:
    """One quote with its speaker (the columns of ``marsad export --table quotes``)."""

    quote_id: str
    date: str | None
    speaker_name: str | None
    speaker_name_en: str | None
    speaker_code: str | None
    text: str
    direct: bool | None
    cue: str | None
    doc_id: str
    url: str | None
    source_outlet: str | None


@dataclass
class Actor:
    """A corpus-wide actor; ``variants`` and ``roles`` most frequent first."""

    id: int
    name: str
    name_en: str | None
    type: str
    code: str | None
    country: str | None
    sector: str | None
    documents: int
    mentions: int
    variants: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)


@dataclass
class DocumentInfo:
    """A stored article without its text (``corpus.document(id)`` has everything)."""

    id: str
    path: str | None
    url: str | None
    title: str | None
    source: str | None
    published: str | None
    outlet: str | None
    story_id: int | None
    entities: int
    quotes: int
    events: int
    frames: int


@dataclass
class Story:
    """A story cluster: near-duplicates and the same event across outlets (marsad.corpus.stories)."""

    story_id: int
    title: str | None
    size: int  # documents
    first_date: str | None
    last_date: str | None
    events: int  # distinct events (counted once per story)
    outlets: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # document ids, oldest first


class Corpus:
    """A stored Marsad corpus (one SQLite file written by ``marsad ingest``)."""

    def __init__(self, path: str | os.PathLike[str] = "marsad.db") -> None:
        path = os.fspath(path)
        if not os.path.exists(path):
            raise FileNotFoundError(f"{path}: no such database (create one with 'marsad ingest FILES --db {path}')")
        self.path = path
        self.store = Store(path)

    # -- plumbing ---------------------------------------------------------------
    @property
    def db(self):
        """The sqlite3 connection, for your own SQL (see docs/schema.md)."""
        return self.store.db

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        try:
            n = self.store.count()
        except Exception:  # noqa: BLE001 - closed
            return f"<Corpus {self.path} (closed)>"
        return f"<Corpus {self.path}: {n} documents>"

    def __len__(self) -> int:
        return self.store.count()

    def _actor_ids(self, name: str | None) -> list[int] | None:
        return None if not name else self.store.find_actors(name)

    # -- records ----------------------------------------------------------------
    def events(self, actor: str | None = None, type: str | None = None, since: str | None = None,
               until: str | None = None) -> Records[Event]:
        """Events, oldest first.  ``actor``: source or target, by any spelling, English name or code;
        ``type``: a PLOVER type (ASSAULT, CONSULT …); ``since``/``until``: YYYY-MM-DD (inclusive)."""
        ids = self._actor_ids(actor)
        rows = _export.event_rows(self.db, since=since, until=until, actor_ids=ids, type=type)
        return Records((Event(**r) for r in rows), Event)

    def quotes(self, speaker: str | None = None, since: str | None = None, until: str | None = None) -> Records[Quote]:
        """Quotes, oldest first; ``speaker`` by any spelling, English name or code."""
        rows = _export.quote_rows(self.db, since=since, until=until, actor_ids=self._actor_ids(speaker))
        return Records((Quote(**r) for r in rows), Quote)

    def actors(self, type: str | None = None, since: str | None = None, until: str | None = None) -> Records[Actor]:
        """Actors, most documents first; ``type``: PER, ORG or LOC."""
        out = Records(type=Actor)
        for r in _export.actor_rows(self.db, since=since, until=until, type=type):
            r = dict(r)
            r["variants"] = [v for v in r["variants"].split("|") if v]
            r["roles"] = [v for v in r["roles"].split("|") if v]
            out.append(Actor(**r))
        return out

    def actor(self, name: str) -> dict[str, Any] | None:
        """The profile of the best-matching actor (``marsad actor NAME``), or None."""
        profiles = [p for p in (self.store.actor_profile(i) for i in self.store.find_actors(name)) if p]
        return max(profiles, key=lambda p: p["documents"]) if profiles else None

    def documents(self, since: str | None = None, until: str | None = None,
                  actor: str | None = None) -> Records[DocumentInfo]:
        """Stored documents with outlet, story and extraction counts, oldest first."""
        rows = _export.document_rows(self.db, since=since, until=until, actor_ids=self._actor_ids(actor))
        return Records((DocumentInfo(**r) for r in rows), DocumentInfo)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """One stored document in the JSON contract (an id prefix is enough)."""
        return self.store.document(doc_id)

    def stories(self, assign: bool = True, since: str | None = None, min_documents: int = 1) -> Records[Story]:
        """Story clusters (the same event across outlets), oldest first.

        Needs :mod:`marsad.corpus.stories`.  With ``assign`` (the default, as
        ``marsad stories`` does) documents that have no story yet are grouped
        first, incrementally: existing stories keep their ids.
        """
        if importlib.util.find_spec("marsad.corpus.stories") is None:
            raise CorpusError("stories are not available: this installation has no story clustering "
                              "(marsad.corpus.stories)")
        from marsad.corpus import stories as _stories

        if assign and hasattr(_stories, "assign_stories"):
            _stories.assign_stories(self.store)
        elif not _export.has_stories(self.db):
            raise CorpusError(f"{self.path} has no stories yet: run 'marsad stories --db {self.path}' "
                              "or corpus.stories(assign=True)")
        from marsad.corpus.frames_profile import OutletResolver

        outlet = OutletResolver(self.db)
        out = Records(type=Story)
        for s in _stories.list_stories(self.store, since=since, min_documents=min_documents):
            docs = s.get("documents") or []
            outlets: list[str] = []
            for d in docs:
                o = outlet(d["id"], d.get("source"), d.get("url"), d.get("path"))
                if o and o not in outlets:
                    outlets.append(o)
            out.append(Story(
                story_id=s["story_id"], title=s.get("title"), size=len(docs), first_date=s.get("first_date"),
                last_date=s.get("last_date"), events=int(s.get("events") or 0), outlets=outlets,
                documents=[d["id"] for d in docs],
            ))
        return out

    # -- analyses and output ----------------------------------------------------
    def frames(self, by: str = "source", since: str | None = None, until: str | None = None,
               retag: bool = False) -> list[dict[str, Any]]:
        """The framing profile per outlet or per document (``marsad frames``)."""
        from marsad.corpus.frames_profile import frames_profile

        return frames_profile(self.db, by=by, since=since, until=until, retag=retag)

    def search(self, query: str, limit: int = 20):
        """Full-text search across spellings (``marsad search``)."""
        return self.store.search(query, limit)

    def export(self, table: str, path: str | Path, format: str | None = None, since: str | None = None,
               actor: str | None = None, until: str | None = None) -> int:
        """Write a table to a file (format from the extension unless given); returns the row count."""
        path = os.fspath(path)
        fmt = format or {".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}.get(
            os.path.splitext(path)[1].lower(), "jsonl")
        return _export.export(self.store, table, fmt, path, since=since, actor=actor, until=until)

    def sql(self, query: str, *params: Any) -> list[dict[str, Any]]:
        """Run your own read query; rows as dicts."""
        return [dict(r) for r in self.db.execute(query, params)]


def open_corpus(path: str | os.PathLike[str] = "marsad.db") -> Corpus:
    return Corpus(path)


__all__ = ["Actor", "Corpus", "CorpusError", "DocumentInfo", "Event", "Quote", "Records", "Story", "open_corpus"]
