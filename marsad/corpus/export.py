"""Flat tables out of the store: events, quotes, actors, documents.

One row per record with fixed columns (:data:`COLUMNS`), for spreadsheets,
pandas, R, and event-data tooling.  The events table follows the POLECAT /
ICEWS layout: one row per event with the source and target actors' names,
English names, CAMEO-style codes, country and sector side by side, the PLOVER
type and mode, the CAMEO root code, date, place, negation, the trigger and
the sentence it came from, and links back to the article (``doc_id``,
``url``, ``source_outlet``) and to its story cluster (``story_id``, when the
``story_documents`` table exists).

The same row functions feed ``marsad export`` and the Python API
(:mod:`marsad.corpus.corpus`), so both always agree.  The store is read with
SQL only.
"""
from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any

from marsad.corpus.frames_profile import OutletResolver
from marsad.corpus.store import date_range

if TYPE_CHECKING:
    from marsad.corpus.store import Store

#: column name -> type (``str``, ``int``, ``bool``) of each exported table, in order
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "events": [
        ("event_id", "str"), ("event_date", "str"), ("event_type", "str"), ("mode", "str"), ("cameo_root", "str"),
        ("source_name", "str"), ("source_name_en", "str"), ("source_code", "str"), ("source_country", "str"),
        ("source_sector", "str"),
        ("target_name", "str"), ("target_name_en", "str"), ("target_code", "str"), ("target_country", "str"),
        ("target_sector", "str"),
        ("location_name", "str"), ("location_name_en", "str"), ("negated", "bool"), ("trigger", "str"),
        ("story_id", "int"), ("doc_id", "str"), ("url", "str"), ("source_outlet", "str"), ("sentence", "str"),
    ],
    "quotes": [
        ("quote_id", "str"), ("date", "str"), ("speaker_name", "str"), ("speaker_name_en", "str"),
        ("speaker_code", "str"), ("text", "str"), ("direct", "bool"), ("cue", "str"), ("doc_id", "str"),
        ("url", "str"), ("source_outlet", "str"),
    ],
    "actors": [
        ("id", "int"), ("name", "str"), ("name_en", "str"), ("type", "str"), ("code", "str"), ("country", "str"),
        ("sector", "str"), ("documents", "int"), ("mentions", "int"), ("variants", "str"), ("roles", "str"),
    ],
    "documents": [
        ("id", "str"), ("path", "str"), ("url", "str"), ("title", "str"), ("source", "str"), ("published", "str"),
        ("outlet", "str"), ("story_id", "int"), ("entities", "int"), ("quotes", "int"), ("events", "int"),
        ("frames", "int"),
    ],
}
TABLES = tuple(COLUMNS)
FORMATS = ("jsonl", "csv", "parquet")

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


class ExportError(ValueError):
    """A bad export request (unknown table or format, bad date, missing pyarrow)."""


def check_date(value: str | None, name: str = "date") -> str | None:
    """Accept YYYY-MM-DD, YYYY-MM or YYYY; raise :class:`ExportError` otherwise."""
    if value is None or value == "":
        return None
    value = str(value).strip()
    if not _DATE.match(value):
        raise ExportError(f"{name} {value!r}: expected YYYY-MM-DD (or YYYY-MM, YYYY)")
    return value


def _dates(column: str, since: str | None, until: str | None) -> tuple[list[str], list[Any]]:
    return date_range(column, check_date(since, "since"), check_date(until, "until"))


def _in(ids: Sequence[int]) -> str:
    return "(" + ",".join(str(int(i)) for i in ids) + ")"


def has_stories(db: sqlite3.Connection) -> bool:
    """True when the store has the story tables (marsad.corpus.stories)."""
    return db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'story_documents'").fetchone() is not None


def _story_map(db: sqlite3.Connection) -> dict[str, int]:
    """doc id -> story id, from marsad.corpus.stories' tables (empty when they do not exist)."""
    if not has_stories(db):
        return {}
    out: dict[str, int] = {}
    for story_id, doc_id in db.execute("SELECT story_id, doc_id FROM story_documents ORDER BY story_id"):
        if story_id is not None:
            out.setdefault(str(doc_id), int(story_id))
    return out


def _bool(v: Any) -> bool | None:
    return None if v is None else bool(v)


def _cameo_root(code: Any) -> str | None:
    if code is None or code == "":
        return None
    s = str(code).strip()
    if s.isdigit() and len(s) == 1:
        s = "0" + s
    return s[:2] or None


# ----------------------------------------------------------------------------- rows



def event_rows(db: sqlite3.Connection, since: str | None = None, until: str | None = None,
               actor_ids: Sequence[int] | None = None, type: str | None = None) -> Iterator[dict[str, Any]]:
    """One POLECAT-style row per stored event, oldest first.

    ``event_date`` is the event's own date, else the article's publication
    date.  ``actor_ids`` keeps events whose source or target is one of them.
    """
    where, params = _dates("coalesce(e.date, d.published)", since, until)
    if actor_ids is not None:
        ids = _in(actor_ids) if actor_ids else "(NULL)"
        where.append(f"(e.source_actor_id IN {ids} OR e.target_actor_id IN {ids})")
    if type:
        where.append("upper(e.type) = upper(?)")
        params.append(type)
    sql = f"""
        SELECT e.doc_id, e.idx, coalesce(e.date, d.published) AS event_date, e.type, e.mode, e.cameo,
               e.negated, e.trigger, e.sentence, d.url, d.source AS doc_source, d.path,
               coalesce(sa.name, se.name) AS s_name, coalesce(sa.name_en, se.name_en) AS s_en,
               coalesce(sa.actor_code, se.actor_code) AS s_code, sa.country AS s_country, sa.sector AS s_sector,
               coalesce(ta.name, te.name) AS t_name, coalesce(ta.name_en, te.name_en) AS t_en,
               coalesce(ta.actor_code, te.actor_code) AS t_code, ta.country AS t_country, ta.sector AS t_sector,
               coalesce(la.name, le.name) AS l_name, coalesce(la.name_en, le.name_en) AS l_en
        FROM events e JOIN documents d ON d.id = e.doc_id
        LEFT JOIN actors sa ON sa.id = e.source_actor_id
        LEFT JOIN entities se ON se.doc_id = e.doc_id AND se.ent_id = e.source
        LEFT JOIN actors ta ON ta.id = e.target_actor_id
        LEFT JOIN entities te ON te.doc_id = e.doc_id AND te.ent_id = e.target
        LEFT JOIN actors la ON la.id = e.location_actor_id
        LEFT JOIN entities le ON le.doc_id = e.doc_id AND le.ent_id = e.location
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY event_date IS NULL, event_date, e.doc_id, e.idx"""
    stories = _story_map(db)
    outlet = OutletResolver(db)
    for r in db.execute(sql, params).fetchall():
        yield {
            "event_id": f"{r['doc_id']}:{r['idx']}", "event_date": r["event_date"], "event_type": r["type"],
            "mode": r["mode"], "cameo_root": _cameo_root(r["cameo"]),
            "source_name": r["s_name"], "source_name_en": r["s_en"], "source_code": r["s_code"],
            "source_country": r["s_country"], "source_sector": r["s_sector"],
            "target_name": r["t_name"], "target_name_en": r["t_en"], "target_code": r["t_code"],
            "target_country": r["t_country"], "target_sector": r["t_sector"],
            "location_name": r["l_name"], "location_name_en": r["l_en"], "negated": _bool(r["negated"]),
            "trigger": r["trigger"], "story_id": stories.get(r["doc_id"]), "doc_id": r["doc_id"], "url": r["url"],
            "source_outlet": outlet(r["doc_id"], r["doc_source"], r["url"], r["path"]), "sentence": r["sentence"],
        }


def quote_rows(db: sqlite3.Connection, since: str | None = None, until: str | None = None,
               actor_ids: Sequence[int] | None = None) -> Iterator[dict[str, Any]]:
    """One row per quote; ``date`` is the quote's own date if it has one, else the article's."""
    date = "coalesce(json_extract(q.data, '$.date'), d.published)"
    where, params = _dates(date, since, until)
    if actor_ids is not None:
        where.append(f"q.actor_id IN {_in(actor_ids) if actor_ids else '(NULL)'}")
    sql = f"""
        SELECT q.doc_id, q.idx, {date} AS date, q.text, q.direct, q.cue, d.url, d.source AS doc_source, d.path,
               coalesce(a.name, en.name) AS name, coalesce(a.name_en, en.name_en) AS name_en,
               coalesce(a.actor_code, en.actor_code) AS code
        FROM quotes q JOIN documents d ON d.id = q.doc_id
        LEFT JOIN actors a ON a.id = q.actor_id
        LEFT JOIN entities en ON en.doc_id = q.doc_id AND en.ent_id = q.speaker
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY date IS NULL, date, q.doc_id, q.idx"""
    outlet = OutletResolver(db)
    for r in db.execute(sql, params).fetchall():
        yield {
            "quote_id": f"{r['doc_id']}:{r['idx']}", "date": r["date"], "speaker_name": r["name"],
            "speaker_name_en": r["name_en"], "speaker_code": r["code"], "text": r["text"],
            "direct": _bool(r["direct"]), "cue": r["cue"], "doc_id": r["doc_id"], "url": r["url"],
            "source_outlet": outlet(r["doc_id"], r["doc_source"], r["url"], r["path"]),
        }


def actor_rows(db: sqlite3.Connection, since: str | None = None, until: str | None = None,
               actor_ids: Sequence[int] | None = None, type: str | None = None) -> Iterator[dict[str, Any]]:
    """One row per corpus-wide actor, most documents first.

    With ``since``/``until`` only actors named in documents published in that
    window are kept, and their ``documents``/``mentions`` count that window.
    """
    where, params = _dates("d.published", since, until)
    if actor_ids is not None:
        where.append(f"a.id IN {_in(actor_ids) if actor_ids else '(NULL)'}")
    if type:
        where.append("a.type = ?")
        params.append(type.upper())
    join = "JOIN" if since or until else "LEFT JOIN"
    sql = f"""
        SELECT a.id, a.name, a.name_en, a.type, a.actor_code, a.country, a.sector,
               count(DISTINCT e.doc_id) AS documents
        FROM actors a {join} entities e ON e.actor_id = a.id {join} documents d ON d.id = e.doc_id
        {"WHERE " + " AND ".join(where) if where else ""}
        GROUP BY a.id ORDER BY documents DESC, a.name"""
    rows = db.execute(sql, params).fetchall()
    for r in rows:
        aid = r["id"]
        mparams: list[Any] = [aid]
        mwhere, mp = _dates("d.published", since, until)
        mparams.extend(mp)
        mentions = db.execute(
            "SELECT count(*) FROM entities e JOIN mentions m ON m.doc_id = e.doc_id AND m.ent_id = e.ent_id"
            " JOIN documents d ON d.id = e.doc_id WHERE e.actor_id = ?"
            + "".join(" AND " + w for w in mwhere), mparams).fetchone()[0]
        variants = [v[0] for v in db.execute(
            "SELECT variant FROM actor_variants WHERE actor_id = ? ORDER BY count DESC, variant", (aid,))]
        roles = [v[0] for v in db.execute(
            "SELECT role FROM actor_roles WHERE actor_id = ? ORDER BY count DESC, role", (aid,))]
        yield {
            "id": aid, "name": r["name"], "name_en": r["name_en"], "type": r["type"], "code": r["actor_code"],
            "country": r["country"], "sector": r["sector"], "documents": r["documents"], "mentions": mentions,
            "variants": "|".join(variants), "roles": "|".join(roles),
        }


def document_rows(db: sqlite3.Connection, since: str | None = None, until: str | None = None,
                  actor_ids: Sequence[int] | None = None) -> Iterator[dict[str, Any]]:
    """One row per stored document with its outlet, story and extraction counts."""
    where, params = _dates("d.published", since, until)
    if actor_ids is not None:
        where.append(f"d.id IN (SELECT doc_id FROM entities WHERE actor_id IN {_in(actor_ids) if actor_ids else '(NULL)'})")
    sql = f"""
        SELECT d.id, d.path, d.url, d.title, d.source, d.published,
               (SELECT count(*) FROM entities x WHERE x.doc_id = d.id) AS n_entities,
               (SELECT count(*) FROM quotes x WHERE x.doc_id = d.id) AS n_quotes,
               (SELECT count(*) FROM events x WHERE x.doc_id = d.id) AS n_events,
               (SELECT count(*) FROM frames x WHERE x.doc_id = d.id) AS n_frames
        FROM documents d {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY d.published IS NULL, d.published, d.id"""
    stories = _story_map(db)
    outlet = OutletResolver(db)
    for r in db.execute(sql, params).fetchall():
        yield {
            "id": r["id"], "path": r["path"], "url": r["url"], "title": r["title"], "source": r["source"],
            "published": r["published"], "outlet": outlet(r["id"], r["source"], r["url"], r["path"]),
            "story_id": stories.get(r["id"]), "entities": r["n_entities"], "quotes": r["n_quotes"],
            "events": r["n_events"], "frames": r["n_frames"],
        }


def rows(store: "Store", table: str, since: str | None = None, actor: str | None = None,
         until: str | None = None) -> Iterator[dict[str, Any]]:
    """Rows of one export table.

    ``actor`` is a name in any spelling, an English name or a code, looked up
    with :meth:`Store.find_actors`; when it matches no actor there are no rows.
    """
    if table not in COLUMNS:
        raise ExportError(f"unknown table {table!r} (one of {', '.join(TABLES)})")
    check_date(since, "since"), check_date(until, "until")
    ids = store.find_actors(actor) if actor else None
    fn = {"events": event_rows, "quotes": quote_rows, "actors": actor_rows, "documents": document_rows}[table]
    return fn(store.db, since=since, until=until, actor_ids=ids)


# ----------------------------------------------------------------------------- writers

def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    return n


def _csv_value(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return v


def write_csv(records: Iterable[dict[str, Any]], out: IO[str], table: str) -> int:
    names = [c for c, _ in COLUMNS[table]]
    w = csv.writer(out, lineterminator="\n")
    w.writerow(names)
    n = 0
    for r in records:
        w.writerow([_csv_value(r.get(c)) for c in names])
        n += 1
    return n


def arrow_schema(table: str):
    """The pyarrow schema of an export table."""
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "bool": pa.bool_()}
    return pa.schema([(c, types[t]) for c, t in COLUMNS[table]])


def write_parquet(records: Iterable[dict[str, Any]], path: str, table: str) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ExportError("Parquet export needs pyarrow: pip install pyarrow") from exc
    names = [c for c, _ in COLUMNS[table]]
    data = [{c: r.get(c) for c in names} for r in records]
    pq.write_table(pa.Table.from_pylist(data, schema=arrow_schema(table)), path)
    return len(data)


def export(store: "Store", table: str, fmt: str, out: str | IO[str] | None = None,
           since: str | None = None, actor: str | None = None, until: str | None = None) -> int:
    """Write one table in ``fmt`` to ``out`` (a path, a text stream, or stdout); return the row count."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if table not in COLUMNS:
        raise ExportError(f"unknown table {table!r} (one of {', '.join(TABLES)})")
    if fmt == "parquet":
        if not isinstance(out, str) or out in ("", "-"):
            raise ExportError("Parquet is a binary format: give an output file with -o FILE.parquet")
        try:
            import pyarrow  # noqa: F401
        except ImportError as exc:
            raise ExportError("Parquet export needs pyarrow: pip install pyarrow") from exc
        return write_parquet(rows(store, table, since, actor, until), out, table)
    records = rows(store, table, since, actor, until)
    if out is None or out == "-":
        stream: IO[str] = sys.stdout
        return _write(records, fmt, stream, table)
    if isinstance(out, str):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            return _write(records, fmt, fh, table)
    return _write(records, fmt, out, table)


def _write(records: Iterable[dict[str, Any]], fmt: str, out: IO[str], table: str) -> int:
    if fmt == "jsonl":
        return write_jsonl(records, out)
    return write_csv(records, out, table)


def to_csv_string(records: Iterable[dict[str, Any]], table: str) -> str:
    buf = io.StringIO()
    write_csv(records, buf, table)
    return buf.getvalue()


__all__ = [
    "COLUMNS", "ExportError", "FORMATS", "TABLES", "actor_rows", "arrow_schema", "check_date", "document_rows",
    "event_rows", "export", "has_stories", "quote_rows", "rows", "write_csv", "write_jsonl",
    "write_parquet",
]
