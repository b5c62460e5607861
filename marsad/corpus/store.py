"""The SQLite store: documents, their extractions, corpus-wide actors, search.

The schema (``docs/schema.md``) is plain SQL that anyone can query or open in
Datasette.  The store never parses text: it writes what the pipeline put in a
:class:`~marsad.document.Document` and reads it back.  The only text work it
does is *indexing*: the full-text index holds the token match forms that the
segmenter already computed (``Token.bare``), so a search for "خامنئي" finds
"الخامنئي" and "الخامنئی".

Writes happen in explicit transactions of a batch of documents; a crash or
Ctrl-C rolls back the open batch only, and re-running an ingest skips what is
already stored (documents are keyed by the hash of their cleaned text).
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from marsad.document import Document
from marsad.text.normalize import fold

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE IF NOT EXISTS documents (
    id          TEXT PRIMARY KEY,          -- sha256 prefix of the cleaned text
    path        TEXT,                      -- file it was read from
    title       TEXT,
    source      TEXT,                      -- outlet
    url         TEXT,
    published   TEXT,                      -- YYYY-MM-DD when known
    language    TEXT NOT NULL DEFAULT 'ar',
    text        TEXT NOT NULL,             -- cleaned display text; all offsets index it
    external_id TEXT,                      -- the publisher's own id, if the input had one
    signoff     TEXT,                      -- closing lines cleaning removed ("/انتهى/"): names the outlet
    ingested_at TEXT NOT NULL,
    extracted   INTEGER NOT NULL DEFAULT 0 -- 1 when extractors ran over it
);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
CREATE INDEX IF NOT EXISTS documents_source ON documents(source);

-- full-text index over match forms (see marsad.text.normalize); rowid = documents.rowid
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, body, alt, tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TABLE IF NOT EXISTS actors (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,      -- what makes two entities one actor
    type        TEXT NOT NULL,             -- PER | ORG | LOC
    name        TEXT NOT NULL,
    name_en     TEXT,
    actor_code  TEXT,                      -- CAMEO-style, e.g. IRNMIL
    country     TEXT,
    sector      TEXT
);
CREATE TABLE IF NOT EXISTS actor_variants (
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    variant  TEXT NOT NULL,                -- as written
    norm     TEXT NOT NULL,                -- match form, for look-ups by any spelling
    count    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (actor_id, variant)
);
CREATE INDEX IF NOT EXISTS actor_variants_norm ON actor_variants(norm);
CREATE TABLE IF NOT EXISTS actor_roles (
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    role     TEXT NOT NULL,
    count    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (actor_id, role)
);
CREATE TABLE IF NOT EXISTS entities (
    doc_id     TEXT NOT NULL REFERENCES documents(id),
    ent_id     TEXT NOT NULL,              -- per-document id, e.g. e1
    actor_id   INTEGER REFERENCES actors(id),
    type       TEXT NOT NULL,
    name       TEXT NOT NULL,
    name_en    TEXT,
    actor_code TEXT,
    roles      TEXT,                       -- JSON list
    PRIMARY KEY (doc_id, ent_id)
);
CREATE INDEX IF NOT EXISTS entities_actor ON entities(actor_id);
CREATE TABLE IF NOT EXISTS mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    ent_id TEXT NOT NULL,
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL,
    text   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc_id, ent_id);
CREATE TABLE IF NOT EXISTS quotes (
    doc_id   TEXT NOT NULL REFERENCES documents(id),
    idx      INTEGER NOT NULL,
    speaker  TEXT,                         -- entity id within the document
    actor_id INTEGER REFERENCES actors(id),
    text     TEXT NOT NULL,
    start    INTEGER,
    end      INTEGER,
    direct   INTEGER,
    cue      TEXT,
    data     TEXT,                         -- the full JSON record
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX IF NOT EXISTS quotes_actor ON quotes(actor_id);
CREATE TABLE IF NOT EXISTS events (
    doc_id          TEXT NOT NULL REFERENCES documents(id),
    idx             INTEGER NOT NULL,
    type            TEXT NOT NULL,         -- PLOVER event type
    cameo           TEXT,
    mode            TEXT,
    source          TEXT,                  -- entity ids within the document
    target          TEXT,
    location        TEXT,
    source_actor_id INTEGER REFERENCES actors(id),
    target_actor_id INTEGER REFERENCES actors(id),
    location_actor_id INTEGER REFERENCES actors(id),
    date            TEXT,
    negated         INTEGER,
    trigger         TEXT,
    sentence        TEXT,
    start           INTEGER,
    end             INTEGER,
    data            TEXT,                  -- the full JSON record
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX IF NOT EXISTS events_type_date ON events(type, date);
CREATE INDEX IF NOT EXISTS events_source ON events(source_actor_id);
CREATE INDEX IF NOT EXISTS events_target ON events(target_actor_id);
CREATE TABLE IF NOT EXISTS frames (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    idx    INTEGER NOT NULL,
    term   TEXT NOT NULL,
    frame  TEXT NOT NULL,
    start  INTEGER,
    end    INTEGER,
    PRIMARY KEY (doc_id, idx)
);
"""


@dataclass
class SearchHit:
    id: str
    title: str | None
    published: str | None
    source: str | None
    path: str | None
    url: str | None
    snippet: str
    score: float


class StoreError(Exception):
    """The database cannot be opened or is not a Marsad store."""


class Store:
    """A Marsad corpus in one SQLite file (WAL mode)."""

    def __init__(self, path: str | Path = "marsad.db") -> None:
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.executescript(SCHEMA)
            columns = {r[1] for r in self.db.execute("PRAGMA table_info(documents)")}
            if "signoff" not in columns:  # a database written before the column existed
                self.db.execute("ALTER TABLE documents ADD COLUMN signoff TEXT")
            self.db.execute(
                "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable Marsad database ({exc})") from exc
        self.db.row_factory = sqlite3.Row

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ---------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside are committed together or not at all."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- documents ------------------------------------------------------------
    def has(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def count(self, table: str = "documents") -> int:
        if table not in {"documents", "entities", "mentions", "quotes", "events", "frames", "actors"}:
            raise ValueError(table)
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def add(self, doc: Document, extracted: bool = True) -> bool:
        """Store one processed document; False if it was already present.

        Call inside :meth:`transaction` for batches; outside one, SQLite's
        autocommit makes each statement its own transaction, so a single add
        is wrapped here.
        """
        if self.db.in_transaction:
            return self._add(doc, extracted)
        with self.transaction():
            return self._add(doc, extracted)

    def _add(self, doc: Document, extracted: bool) -> bool:
        cur = self.db.execute(
            "INSERT OR IGNORE INTO documents(id, path, title, source, url, published, language, text,"
            " external_id, signoff, ingested_at, extracted) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc.id, doc.path, doc.title, doc.source, doc.url, doc.published, doc.language, doc.text,
                _str_or_none(doc.meta.get("external_id")), doc.meta.get("signoff"),
                datetime.now(timezone.utc).isoformat(timespec="seconds"), int(extracted),
            ),
        )
        if cur.rowcount == 0:
            return False
        rowid = cur.lastrowid
        self._index(rowid, doc)
        if extracted:
            self._add_extractions(doc)
        return True

    def _index(self, rowid: int | None, doc: Document) -> None:
        # a worker process may have computed the forms already (marsad ingest --jobs)
        body, alt = doc.meta.pop("index", None) or index_forms(doc)
        title = " ".join(index_forms_of_title(doc.title or ""))
        self.db.execute(
            "INSERT INTO documents_fts(rowid, title, body, alt) VALUES (?,?,?,?)", (rowid, title, body, alt)
        )

    def _add_extractions(self, doc: Document) -> None:
        actor_ids: dict[str, int] = {}
        for ent in doc.entities:
            actor_id = self._upsert_actor(ent)
            actor_ids[ent["id"]] = actor_id
            self.db.execute(
                "INSERT INTO entities(doc_id, ent_id, actor_id, type, name, name_en, actor_code, roles)"
                " VALUES (?,?,?,?,?,?,?,?)",
                (doc.id, ent["id"], actor_id, ent["type"], ent["name"], ent.get("name_en"), ent.get("actor_code"),
                 json.dumps(ent.get("roles") or [], ensure_ascii=False)),
            )
            self.db.executemany(
                "INSERT INTO mentions(doc_id, ent_id, start, end, text) VALUES (?,?,?,?,?)",
                [(doc.id, ent["id"], m["start"], m["end"], m["text"]) for m in ent.get("mentions", [])],
            )
        for i, q in enumerate(doc.quotes):
            self.db.execute(
                "INSERT INTO quotes(doc_id, idx, speaker, actor_id, text, start, end, direct, cue, data)"
                " VALUES (?,?,?,?,?,?,?,?,?,?)",
                (doc.id, i, q.get("speaker"), actor_ids.get(q.get("speaker") or ""), q["text"], q.get("start"),
                 q.get("end"), _bool(q.get("direct")), q.get("cue"), json.dumps(q, ensure_ascii=False)),
            )
        for i, ev in enumerate(doc.events):
            self.db.execute(
                "INSERT INTO events(doc_id, idx, type, cameo, mode, source, target, location, source_actor_id,"
                " target_actor_id, location_actor_id, date, negated, trigger, sentence, start, end, data)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (doc.id, i, ev["type"], ev.get("cameo"), ev.get("mode"), ev.get("source"), ev.get("target"),
                 ev.get("location"), actor_ids.get(ev.get("source") or ""), actor_ids.get(ev.get("target") or ""),
                 actor_ids.get(ev.get("location") or ""), ev.get("date"), _bool(ev.get("negated")),
                 ev.get("trigger"), ev.get("sentence"), ev.get("start"), ev.get("end"),
                 json.dumps(ev, ensure_ascii=False)),
            )
        self.db.executemany(
            "INSERT INTO frames(doc_id, idx, term, frame, start, end) VALUES (?,?,?,?,?,?)",
            [(doc.id, i, f["term"], f["frame"], f.get("start"), f.get("end")) for i, f in enumerate(doc.frames)],
        )

    def _upsert_actor(self, ent: dict[str, Any]) -> int:
        """One row per real-world actor: entities with the same key share it."""
        key = actor_key(ent)
        row = self.db.execute("SELECT id FROM actors WHERE key = ?", (key,)).fetchone()
        if row is None:
            code = ent.get("actor_code")
            cur = self.db.execute(
                "INSERT INTO actors(key, type, name, name_en, actor_code, country, sector) VALUES (?,?,?,?,?,?,?)",
                (key, ent["type"], ent["name"], ent.get("name_en"), code, ent.get("country") or (code or "")[:3] or None,
                 ent.get("sector") or (code or "")[3:6] or None),
            )
            actor_id = int(cur.lastrowid or 0)
        else:
            actor_id = int(row[0])
            if ent.get("name_en") or ent.get("actor_code"):
                self.db.execute(
                    "UPDATE actors SET name_en = coalesce(name_en, ?), actor_code = coalesce(actor_code, ?)"
                    " WHERE id = ?",
                    (ent.get("name_en"), ent.get("actor_code"), actor_id),
                )
        variants: dict[str, int] = {}
        for m in ent.get("mentions", []):
            variants[m["text"]] = variants.get(m["text"], 0) + 1
        variants.setdefault(ent["name"], 0)
        self.db.executemany(
            "INSERT INTO actor_variants(actor_id, variant, norm, count) VALUES (?,?,?,?)"
            " ON CONFLICT(actor_id, variant) DO UPDATE SET count = count + excluded.count",
            [(actor_id, v, fold(v), c) for v, c in variants.items()],
        )
        self.db.executemany(
            "INSERT INTO actor_roles(actor_id, role, count) VALUES (?,?,1)"
            " ON CONFLICT(actor_id, role) DO UPDATE SET count = count + 1",
            [(actor_id, r) for r in ent.get("roles") or []],
        )
        return actor_id

    # -- reading --------------------------------------------------------------
    def document(self, doc_id: str) -> dict[str, Any] | None:
        """A stored document in the JSON contract (DESIGN.md)."""
        row = self.db.execute("SELECT * FROM documents WHERE id = ? OR id LIKE ?", (doc_id, doc_id + "%")).fetchone()
        if row is None:
            return None
        did = row["id"]
        entities = []
        for e in self.db.execute("SELECT * FROM entities WHERE doc_id = ? ORDER BY rowid", (did,)):
            mentions = [
                {"start": m["start"], "end": m["end"], "text": m["text"]}
                for m in self.db.execute(
                    "SELECT start, end, text FROM mentions WHERE doc_id = ? AND ent_id = ? ORDER BY start",
                    (did, e["ent_id"]),
                )
            ]
            entities.append({
                "id": e["ent_id"], "type": e["type"], "name": e["name"], "name_en": e["name_en"],
                "actor_code": e["actor_code"], "roles": json.loads(e["roles"] or "[]"), "mentions": mentions,
                "actor_id": e["actor_id"],
            })
        quotes = [json.loads(r[0]) for r in self.db.execute("SELECT data FROM quotes WHERE doc_id=? ORDER BY idx", (did,))]
        events = [json.loads(r[0]) for r in self.db.execute("SELECT data FROM events WHERE doc_id=? ORDER BY idx", (did,))]
        frames = [
            {"term": r["term"], "frame": r["frame"], "start": r["start"], "end": r["end"]}
            for r in self.db.execute("SELECT * FROM frames WHERE doc_id=? ORDER BY idx", (did,))
        ]
        return {
            "id": did, "path": row["path"], "title": row["title"], "source": row["source"], "url": row["url"],
            "published": row["published"], "language": row["language"], "text": row["text"],
            "entities": entities, "quotes": quotes, "events": events, "frames": frames,
        }

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over match forms; every query word must occur."""
        terms = query_terms(query)
        if not terms:
            return []
        match = " AND ".join(f'"{t}"' for t in terms)
        rows = self.db.execute(
            "SELECT d.id, d.title, d.published, d.source, d.path, d.url, d.text, bm25(documents_fts) AS score"
            " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            " WHERE documents_fts MATCH ? ORDER BY score LIMIT ?",
            (match, limit),
        ).fetchall()
        return [
            SearchHit(r["id"], r["title"], r["published"], r["source"], r["path"], r["url"],
                      snippet(r["text"], terms), float(r["score"]))
            for r in rows
        ]

    def actors(self, type_: str | None = None, limit: int | None = 50) -> list[dict[str, Any]]:
        """Actors with their mention and document counts, most documents first."""
        where = "WHERE a.type = ?" if type_ else ""
        params: list[Any] = [type_] if type_ else []
        rows = self.db.execute(
            f"""SELECT a.*, count(DISTINCT e.doc_id) AS documents,
                (SELECT coalesce(sum(count), 0) FROM actor_variants v WHERE v.actor_id = a.id) AS mentions
                FROM actors a LEFT JOIN entities e ON e.actor_id = a.id {where}
                GROUP BY a.id ORDER BY documents DESC, mentions DESC, a.name LIMIT ?""",
            (*params, -1 if limit is None else limit),
        ).fetchall()
        return [self._actor_summary(r) for r in rows]

    def _actor_summary(self, r: sqlite3.Row) -> dict[str, Any]:
        aid = r["id"]
        return {
            "id": aid, "name": r["name"], "name_en": r["name_en"], "type": r["type"],
            "actor_code": r["actor_code"], "country": r["country"], "sector": r["sector"],
            "documents": r["documents"], "mentions": r["mentions"],
            "variants": [v[0] for v in self.db.execute(
                "SELECT variant FROM actor_variants WHERE actor_id = ? ORDER BY count DESC, variant", (aid,))],
            "roles": [v[0] for v in self.db.execute(
                "SELECT role FROM actor_roles WHERE actor_id = ? ORDER BY count DESC, role", (aid,))],
        }

    def find_actors(self, name: str) -> list[int]:
        """Actor ids whose name, English name, code or any spelling matches ``name``.

        A spelling matches with or without the article ("الحوثيين" finds an
        actor stored as "حوثيين"), and so does any variant the actor
        dictionary lists for a stored dictionary actor, even one the corpus
        never used.
        """
        key = fold(name)
        bare = key[2:] if key.startswith("ال") and len(key) > 4 else key
        forms = sorted({key, bare, "ال" + bare})
        marks = ",".join("?" * len(forms))
        ids = [r[0] for r in self.db.execute(
            f"SELECT DISTINCT actor_id FROM actor_variants WHERE norm IN ({marks}) UNION "
            "SELECT id FROM actors WHERE lower(name_en) = lower(?) OR actor_code = ? OR key = ?",
            (*forms, name.strip(), name.strip(), _dictionary_key(name) or ""))]
        if not ids and len(key) > 2:
            ids = [r[0] for r in self.db.execute(
                "SELECT DISTINCT actor_id FROM actor_variants WHERE norm LIKE ? UNION "
                "SELECT id FROM actors WHERE lower(name_en) LIKE lower(?)", (f"%{key}%", f"%{name.strip()}%"))]
        return ids

    def actor_profile(self, actor_id: int) -> dict[str, Any] | None:
        """Everything the store knows about one actor."""
        r = self.db.execute(
            """SELECT a.*, count(DISTINCT e.doc_id) AS documents,
               (SELECT coalesce(sum(count), 0) FROM actor_variants v WHERE v.actor_id = a.id) AS mentions
               FROM actors a LEFT JOIN entities e ON e.actor_id = a.id WHERE a.id = ? GROUP BY a.id""",
            (actor_id,),
        ).fetchone()
        if r is None:
            return None
        prof = self._actor_summary(r)
        dates = self.db.execute(
            "SELECT min(d.published), max(d.published) FROM entities e JOIN documents d ON d.id = e.doc_id"
            " WHERE e.actor_id = ?", (actor_id,)).fetchone()
        prof["first_seen"], prof["last_seen"] = dates[0], dates[1]
        prof["co_mentioned"] = [
            {"id": x[0], "name": x[1], "name_en": x[2], "documents": x[3]}
            for x in self.db.execute(
                """SELECT a.id, a.name, a.name_en, count(DISTINCT o.doc_id) AS n
                   FROM entities e JOIN entities o ON o.doc_id = e.doc_id AND o.actor_id != e.actor_id
                   JOIN actors a ON a.id = o.actor_id WHERE e.actor_id = ?
                   GROUP BY a.id ORDER BY n DESC, a.name LIMIT 10""", (actor_id,))
        ]
        prof["documents_list"] = [
            {"id": x[0], "title": x[1], "published": x[2], "source": x[3]}
            for x in self.db.execute(
                """SELECT DISTINCT d.id, d.title, d.published, d.source FROM entities e
                   JOIN documents d ON d.id = e.doc_id WHERE e.actor_id = ?
                   ORDER BY d.published DESC, d.id LIMIT 20""", (actor_id,))
        ]
        prof["quotes"] = self.db.execute("SELECT count(*) FROM quotes WHERE actor_id = ?", (actor_id,)).fetchone()[0]
        prof["events_as_source"] = self.db.execute(
            "SELECT count(*) FROM events WHERE source_actor_id = ?", (actor_id,)).fetchone()[0]
        prof["events_as_target"] = self.db.execute(
            "SELECT count(*) FROM events WHERE target_actor_id = ?", (actor_id,)).fetchone()[0]
        return prof

    def documents(self) -> Iterable[sqlite3.Row]:
        return self.db.execute("SELECT id, path, title, source, url, published FROM documents ORDER BY published, id")


def date_range(column: str, since: str | None, until: str | None) -> tuple[list[str], list[Any]]:
    """SQL clauses and parameters for ``since <= column <= until``.

    ``until`` is a prefix, so "2024-03" includes every day of March (and an
    event dated only "2024-03" is inside "until 2024-03-15").
    """
    clauses: list[str] = []
    params: list[Any] = []
    if since:
        clauses.append(f"{column} >= ?")
        params.append(since)
    if until:
        clauses.append(f"substr({column}, 1, ?) <= ?")
        params.extend([len(until), until])
    return clauses, params


def _dictionary_key(name: str) -> str | None:
    """The actor-dictionary key of a name, if the shipped dictionary lists it."""
    try:
        from marsad.extract.entities import load_gazetteer

        actor = load_gazetteer().lookup(name)
    except Exception:  # noqa: BLE001 - a look-up aid only; the store works without it
        return None
    return actor.key if actor is not None else None


def actor_key(ent: dict[str, Any]) -> str:
    """The corpus-wide identity of an entity.

    Dictionary actors carry ``actor_key`` (set by the resolver from the actor
    dictionary), so every spelling of one person lands on one actor; other
    entities are keyed by type and the match form of their canonical name.
    """
    if ent.get("actor_key"):
        return str(ent["actor_key"])
    return f"{ent['type']}:{fold(ent['name'])}"


def index_forms(doc: Document) -> tuple[str, str]:
    """What the full-text index holds for a document's body.

    ``body`` is the sequence of bare match forms (article and the clitics
    before it removed), so phrase search works; ``alt`` adds, for words that
    may carry a single proclitic (و ف ب ل ك) without the article, the form
    without it — "وخامنئي" is indexed as "خامنيي" too.  The forms come from
    the segmenter's tokens, or straight from the text when the document was
    stored without extraction (no tokens were built).
    """
    from marsad.text.segment import word_forms

    if doc.tokens:
        forms = [(t.prefix, t.bare) for t in doc.tokens]
    else:
        forms = word_forms(doc.text)
    body = [bare for _, bare in forms if bare[:1].isalnum()]
    alt: list[str] = []
    for prefix, bare in forms:
        if prefix or len(bare) < 4 or bare[0] not in "وفبلك":
            continue
        rest = bare[1:]
        alt.append(rest)
        if bare[0] in "وف" and rest[0] in "بلك" and len(rest) >= 4:
            alt.append(rest[1:])
    return " ".join(body), " ".join(alt)


def index_forms_of_title(title: str) -> list[str]:
    from marsad.text.segment import word_forms

    return [bare for _, bare in word_forms(title) if bare[:1].isalnum()]


def query_terms(query: str) -> list[str]:
    """The bare match forms of the words of a query (quotes and operators dropped)."""
    from marsad.text.segment import tokenize

    return [t.bare.replace('"', "") for t in tokenize(query) if t.bare[:1].isalnum()]


def snippet(text: str, terms: list[str], width: int = 160) -> str:
    """A window of the display text around the first word whose bare form is a query term."""
    from marsad.text.segment import tokenize

    wanted = set(terms)
    for t in tokenize(text):
        if t.bare in wanted or (len(t.bare) > 3 and t.bare[1:] in wanted):
            s = max(0, t.start - width // 2)
            e = min(len(text), t.end + width // 2)
            frag = text[s:e].replace("\n", " ")
            return ("…" if s else "") + frag + ("…" if e < len(text) else "")
    return text[:width].replace("\n", " ")


def _bool(v: Any) -> int | None:
    return None if v is None else int(bool(v))


def _str_or_none(v: Any) -> str | None:
    return None if v is None else str(v)
