"""Stories: the same event across outlets, and near-duplicate copies, as one story.

Every stored document belongs to exactly one story (most stories have one
document).  :func:`assign_stories` is incremental: it looks only at documents
that have no story yet and attaches each to an existing story or starts a new
one, so ingesting more articles later extends stories without recomputing
them; story ids never change.

Two documents are linked when their ``documents.published`` dates are at most
:data:`WINDOW_DAYS` apart and

* **duplicate**: the Jaccard similarity of their word 3-shingles, estimated
  with MinHash (datasketch, :data:`NUM_PERM` permutations, LSH candidate
  search) is at least :data:`DUP_THRESHOLD`: wire copies, re-posts, lightly
  edited versions; or
* **similar**: the cosine of their TF-IDF vectors (sublinear tf, smooth idf,
  l2) is at least :data:`SIM_THRESHOLD` (:data:`SAME_SOURCE_THRESHOLD` when
  both come from the same outlet: an outlet's own recurring formats, such as
  the weather, market close or wedding notices, look alike without being one
  story), and the document is also close to the story as a whole: cosine to
  the centroid of the story's documents in the window at least
  :data:`CENTROID_THRESHOLD`, which keeps single links from chaining
  unrelated articles into one large story.

A document without a date can be a near-duplicate of any document, but
"similar" only to other undated ones: the same event needs the dates.

Words are the *match forms* the store indexed at ingest (``documents_fts``:
:func:`marsad.text.normalize.fold`, then the article and clitics stripped by the
segmenter, plus the forms without a single proclitic), so nothing is
re-tokenized and the whole state (LSH index, TF-IDF vectors) is rebuilt from
the database on each run, over the new documents and the stored ones within
the date window of them.

Events are counted once per story: :func:`story_events` merges the events of
a story's documents that share (type, source actor, target actor, date).
"""
from __future__ import annotations

import json
import sqlite3
import time
import zlib
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

import numpy as np

from marsad.corpus.store import date_range
from marsad.text.normalize import fold

if TYPE_CHECKING:  # pragma: no cover
    from marsad.corpus.store import Store

#: documents further apart than this many days are never one story
WINDOW_DAYS = 3
#: MinHash-estimated Jaccard of word 3-shingles for a near-duplicate
DUP_THRESHOLD = 0.5
#: TF-IDF cosine for "the same event" told by two outlets ...
SIM_THRESHOLD = 0.3
#: ... when their headlines share weighted words (TF-IDF cosine of the titles) at least this much
TITLE_THRESHOLD = 0.1
#: TF-IDF cosine that links two outlets' articles whatever their headlines
STRONG_THRESHOLD = 0.45
#: TF-IDF cosine for two documents of the same outlet
SAME_SOURCE_THRESHOLD = 0.6
#: TF-IDF cosine to the centroid of the story the document would join
CENTROID_THRESHOLD = 0.25
SHINGLE = 3
#: words of the body that stand in for a missing headline
LEAD = 30
NUM_PERM = 128
#: new documents compared with the window per matrix product (memory: CHUNK x window floats)
CHUNK = 512

SCHEMA = """
CREATE TABLE IF NOT EXISTS stories (
    id         INTEGER PRIMARY KEY,
    title      TEXT,                       -- title of its earliest document
    first_date TEXT,                       -- earliest documents.published
    last_date  TEXT,                       -- latest documents.published
    documents  INTEGER NOT NULL DEFAULT 0,
    sources    INTEGER NOT NULL DEFAULT 0, -- distinct outlets
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS story_documents (
    doc_id      TEXT PRIMARY KEY REFERENCES documents(id),
    story_id    INTEGER NOT NULL REFERENCES stories(id),
    link        TEXT NOT NULL,             -- seed | duplicate | similar
    score       REAL,                      -- Jaccard (duplicate) or cosine (similar) with matched_doc
    matched_doc TEXT,                      -- the document it was linked to
    assigned_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS story_documents_story ON story_documents(story_id);
CREATE INDEX IF NOT EXISTS stories_dates ON stories(first_date, last_date);
"""


def ensure_schema(db: sqlite3.Connection) -> None:
    """Create the ``stories`` and ``story_documents`` tables if missing."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'story_documents'").fetchone():
        return
    db.executescript(SCHEMA)


@dataclass
class StoryParams:
    window_days: int = WINDOW_DAYS
    dup_threshold: float = DUP_THRESHOLD
    sim_threshold: float = SIM_THRESHOLD
    title_threshold: float = TITLE_THRESHOLD
    strong_threshold: float = STRONG_THRESHOLD
    same_source_threshold: float = SAME_SOURCE_THRESHOLD
    centroid_threshold: float = CENTROID_THRESHOLD
    shingle: int = SHINGLE
    num_perm: int = NUM_PERM


@dataclass
class AssignReport:
    """What one :func:`assign_stories` run did."""

    documents: int = 0          # documents that got a story
    new_stories: int = 0
    duplicates: int = 0         # joined a story as a near-duplicate
    similar: int = 0            # joined a story by TF-IDF similarity
    window: int = 0             # documents compared (new + stored in the window)
    seconds: float = 0.0
    stories: list[int] = field(default_factory=list)  # ids of the stories created or extended

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("stories")
        return d


def _day(published: str | None) -> float:
    """Day number of a YYYY-MM-DD date; NaN when unknown."""
    if not published:
        return float("nan")
    try:
        return float(date.fromisoformat(published[:10]).toordinal())
    except ValueError:
        return float("nan")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _words(title: str | None, body: str | None, alt: str | None, text: str | None,
           doc_title: str | None) -> tuple[list[str], list[str], list[str]]:
    """(body words for shingles, all words for TF-IDF, headline words) from the stored index forms.

    A document without a title is given its first :data:`LEAD` words as headline.
    """
    if body is None:  # no index row: fall back to the match form of the text
        words = fold(text or "").split()
        head = fold(doc_title or "").split()
        return words, head + words, head or words[:LEAD]
    words = body.split()
    head = (title or "").split()
    return words, head + words + (alt or "").split(), head or words[:LEAD]


_MASK32 = np.uint64(0xFFFFFFFF)
_MULT = np.uint64(0x9E3779B97F4A7C15)


def _shingle_hashes(words: list[str], k: int, cache: dict[str, int]) -> list[int]:
    """32-bit hashes of the distinct word k-shingles (CRC-32 of each word, combined)."""
    if not words:
        return []
    hw = []
    for w in words:
        h = cache.get(w)
        if h is None:
            h = cache[w] = zlib.crc32(w.encode("utf-8"))
        hw.append(h)
    arr = np.array(hw, dtype=np.uint64)
    m = len(arr) - k + 1
    if m < 1:
        arr, m = np.concatenate([arr, np.zeros(k - len(arr), dtype=np.uint64)]), 1
    with np.errstate(over="ignore"):
        acc = arr[:m].copy()
        for t in range(1, k):
            acc = acc * _MULT + arr[t:t + m]
        acc ^= acc >> np.uint64(29)
    return np.unique(acc & _MASK32).tolist()


def assign_stories(store: "Store", params: StoryParams | None = None, rebuild: bool = False) -> AssignReport:
    """Give every document without a story one: an existing story it matches, or a new one.

    ``rebuild`` forgets all stories first (e.g. after changing thresholds).
    Documents are processed in date order, so a batch of new articles forms
    stories among itself as well as with the stored ones.
    """
    from datasketch import MinHash, MinHashLSH
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    p = params or StoryParams()
    t0 = time.perf_counter()
    db = store.db
    ensure_schema(db)
    report = AssignReport()
    if rebuild:
        with store.transaction():
            db.execute("DELETE FROM story_documents")
            db.execute("DELETE FROM stories")

    new = db.execute(
        "SELECT d.rowid, d.published FROM documents d LEFT JOIN story_documents s ON s.doc_id = d.id"
        " WHERE s.doc_id IS NULL"
    ).fetchall()
    if not new:
        report.seconds = time.perf_counter() - t0
        return report
    new_days = np.array([_day(r[1]) for r in new])
    known = new_days[~np.isnan(new_days)]
    # stored documents that a new one may be linked to: within the window of the new ones' dates,
    # or without a date; when a new document has no date, every stored document is a candidate
    if np.isnan(new_days).any():
        cand_sql, cand_args = "1", ()
    else:
        lo = date.fromordinal(int(known.min()) - p.window_days).isoformat()
        hi = date.fromordinal(int(known.max()) + p.window_days).isoformat()
        cand_sql, cand_args = "(d.published IS NULL OR substr(d.published, 1, 10) BETWEEN ? AND ?)", (lo, hi)
    rows = db.execute(
        "SELECT d.rowid, d.id, d.published, d.source, d.text, f.title, f.body, f.alt, s.story_id, d.title"
        " FROM documents d LEFT JOIN story_documents s ON s.doc_id = d.id"
        " LEFT JOIN documents_fts f ON f.rowid = d.rowid"
        f" WHERE s.doc_id IS NULL OR {cand_sql}",
        cand_args,
    ).fetchall()
    n = len(rows)
    report.window = n
    days = np.array([_day(r[2]) for r in rows])
    story_of = np.array([r[8] if r[8] is not None else -1 for r in rows], dtype=np.int64)
    assigned = story_of >= 0
    sources: dict[str, int] = {}
    src = np.array([sources.setdefault(r[3], len(sources)) if r[3] else -1 for r in rows], dtype=np.int64)

    shingles: list[list[int]] = []
    word_hash: dict[str, int] = {}
    docs_words: list[list[str]] = []
    heads: list[list[str]] = []
    for r in rows:
        body_words, all_words, head = _words(r[5], r[6], r[7], r[4], r[9])
        shingles.append(_shingle_hashes(body_words, p.shingle, word_hash))
        docs_words.append(all_words)
        heads.append(head)

    X = T = None
    if any(docs_words):
        vec = TfidfVectorizer(analyzer=lambda w: w, sublinear_tf=True, lowercase=False, dtype=np.float32)
        X = vec.fit_transform(docs_words).tocsr()
        T = normalize(vec.transform(heads)).tocsr()   # headlines, weighted by the same idf
    del docs_words, heads

    # the shingles are hashed already: datasketch's hash function is the identity
    minhashes = list(MinHash.generator(shingles, num_perm=p.num_perm, hashfunc=int))
    del word_hash
    del shingles
    lsh = MinHashLSH(threshold=p.dup_threshold, num_perm=p.num_perm)
    with lsh.insertion_session() as session:
        for i, m in enumerate(minhashes):
            if not m.is_empty():
                session.insert(i, m, check_duplication=False)

    order = sorted((i for i in range(n) if not assigned[i]),
                   key=lambda i: (np.isnan(days[i]), days[i] if not np.isnan(days[i]) else 0, rows[i][0]))
    members: dict[int, list[int]] = defaultdict(list)   # story -> loaded documents
    for i in np.nonzero(assigned)[0]:
        members[int(story_of[i])].append(int(i))
    sqnorm: dict[int, float] = {}                       # story -> |sum of member vectors|^2
    new_links: list[tuple[int, int, str, float | None, int | None]] = []  # (doc index, story, link, score, matched)
    next_temp = -2                                       # stories created in this run, ids after insert
    created: list[int] = []

    def compatible(i: int, js: np.ndarray, strict: bool) -> np.ndarray:
        """Dates within the window; an undated document is compatible with any date for near-duplicates
        (``strict`` False), only with other undated ones for similar articles (``strict``)."""
        dj = days[js]
        if np.isnan(days[i]):
            return np.isnan(dj) if strict else np.ones(len(js), dtype=bool)
        near = np.abs(dj - days[i]) <= p.window_days
        return near if strict else (near | np.isnan(dj))

    def dot_members(i: int, row: np.ndarray, colmask: np.ndarray, mem: list[int]) -> float:
        """x_i . (sum of the members' vectors), from the row of similarities where it has them."""
        if X is None:
            return 0.0
        idx = np.asarray(mem, dtype=np.int64)
        if colmask[idx].all():
            return float(row[idx].sum())
        return float((X[i] @ X[idx].T).sum())

    for c0 in range(0, len(order), CHUNK):
        chunk = order[c0:c0 + CHUNK]
        # documents are in date order: a chunk only needs the columns within the window of its dates
        cdays = days[chunk]
        if np.isnan(cdays).any():
            colmask = np.ones(n, dtype=bool)
        else:
            colmask = np.isnan(days) | ((days >= cdays.min() - p.window_days) & (days <= cdays.max() + p.window_days))
        cols = np.nonzero(colmask)[0]
        if X is not None and T is not None:
            Xc, Tc = X[cols].T.tocsc(), T[cols].T.tocsc()
            sims = (X[chunk] @ Xc).toarray()
            tsims = (T[chunk] @ Tc).toarray()
        else:
            sims = tsims = np.zeros((len(chunk), len(cols)), dtype=np.float32)

        for k, i in enumerate(chunk):
            row = np.zeros(n, dtype=np.float32)
            row[cols] = sims[k]
            row[i] = 0.0
            trow = np.zeros(n, dtype=np.float32)
            trow[cols] = tsims[k]
            story, link, score, matched = None, "seed", None, None
            # 1. near-duplicates
            if not minhashes[i].is_empty():
                cands = np.array([j for j in lsh.query(minhashes[i]) if j != i and assigned[j]], dtype=np.int64)
                if len(cands):
                    cands = cands[compatible(i, cands, strict=False)]
                    best = None
                    for j in cands:
                        jac = minhashes[i].jaccard(minhashes[j])
                        if jac >= p.dup_threshold and (best is None or jac > best[0] or
                                                       (jac == best[0] and row[j] > row[best[1]])):
                            best = (jac, int(j))
                    if best:
                        story, link, score, matched = int(story_of[best[1]]), "duplicate", float(best[0]), best[1]
            # 2. the same event told by another outlet
            if story is None:
                thr = np.full(n, p.sim_threshold, dtype=np.float32)
                if src[i] >= 0:
                    thr[src == src[i]] = p.same_source_threshold
                # a weaker body match needs the headlines to agree too
                ok = (row >= thr) & ((row >= p.strong_threshold) | (trow >= p.title_threshold))
                cands = np.nonzero(assigned & ok)[0]
                if len(cands):
                    cands = cands[compatible(i, cands, strict=True)]
                best_by_story: dict[int, tuple[float, int]] = {}
                for j in cands:
                    s = int(story_of[j])
                    if s not in best_by_story or row[j] > best_by_story[s][0]:
                        best_by_story[s] = (float(row[j]), int(j))
                for s, (cos, j) in sorted(best_by_story.items(), key=lambda kv: -kv[1][0]):
                    mem = members[s]
                    if s not in sqnorm:
                        block = X[mem]
                        sqnorm[s] = float((block @ block.T).sum())
                    centroid = dot_members(i, row, colmask, mem) / max(np.sqrt(sqnorm[s]), 1e-9)
                    if centroid >= p.centroid_threshold:
                        story, link, score, matched = s, "similar", cos, j
                        break
            if story is None:
                story = next_temp
                next_temp -= 1
                created.append(story)
            if story in sqnorm:
                sqnorm[story] += 2.0 * dot_members(i, row, colmask, members[story]) + 1.0
            members[story].append(i)
            story_of[i] = story
            assigned[i] = True
            new_links.append((i, story, link, score, matched))
            if link == "duplicate":
                report.duplicates += 1
            elif link == "similar":
                report.similar += 1

    now = _now()
    real: dict[int, int] = {}
    with store.transaction():
        for temp in created:
            real[temp] = int(db.execute(
                "INSERT INTO stories(created_at, updated_at) VALUES (?, ?)", (now, now)).lastrowid or 0)
        db.executemany(
            "INSERT INTO story_documents(doc_id, story_id, link, score, matched_doc, assigned_at) VALUES (?,?,?,?,?,?)",
            [(rows[i][1], real.get(s, s), link, None if score is None else round(score, 4),
              None if m is None else rows[m][1], now) for i, s, link, score, m in new_links],
        )
        touched = sorted({real.get(s, s) for _, s, _, _, _ in new_links})
        _refresh(db, touched, now)
    params_json = json.dumps(asdict(p))
    db.execute("INSERT INTO meta(key, value) VALUES ('stories_params', ?)"
               " ON CONFLICT(key) DO UPDATE SET value = excluded.value", (params_json,))
    report.documents = len(new_links)
    report.new_stories = len(created)
    report.stories = touched
    report.seconds = time.perf_counter() - t0
    return report


def _refresh(db: sqlite3.Connection, story_ids: list[int], now: str) -> None:
    """Recompute the summary columns of the given stories."""
    for k in range(0, len(story_ids), 500):
        part = story_ids[k:k + 500]
        marks = ",".join("?" * len(part))
        db.execute(
            f"""UPDATE stories SET
                first_date = (SELECT min(d.published) FROM story_documents sd JOIN documents d ON d.id = sd.doc_id
                              WHERE sd.story_id = stories.id),
                last_date  = (SELECT max(d.published) FROM story_documents sd JOIN documents d ON d.id = sd.doc_id
                              WHERE sd.story_id = stories.id),
                documents  = (SELECT count(*) FROM story_documents sd WHERE sd.story_id = stories.id),
                sources    = (SELECT count(DISTINCT d.source) FROM story_documents sd
                              JOIN documents d ON d.id = sd.doc_id WHERE sd.story_id = stories.id),
                title      = (SELECT d.title FROM story_documents sd JOIN documents d ON d.id = sd.doc_id
                              WHERE sd.story_id = stories.id
                              ORDER BY d.published IS NULL, d.published, d.rowid LIMIT 1),
                updated_at = ?
                WHERE id IN ({marks})""",
            (now, *part),
        )


# -- events, once per story ---------------------------------------------------------------------

def story_events(
    store: "Store",
    story_id: int | None = None,
    *,
    actor_ids: list[int] | None = None,
    since: str | None = None,
    until: str | None = None,
    include_negated: bool = False,
) -> list[dict[str, Any]]:
    """Unique events: those of one story that share (type, source actor, target actor, date) are one.

    A document that has no story yet (``assign_stories`` not run since it was
    stored) counts as a story of its own.  Each event carries the story id, the
    English-labelled record of its earliest report (``doc_id``, ``idx``,
    ``sentence``, ``trigger``, ``cameo``…), ``documents`` (the ids of all the
    documents that report it) and ``reports`` (how many event records were
    merged).  ``actor_ids`` keeps events whose source or target is one of them;
    ``since``/``until`` (YYYY-MM-DD) filter on the event date, else the
    document's date.  Negated events ("did not attack") are left out unless
    ``include_negated``.
    """
    ensure_schema(store.db)
    where = ["1"]
    args: list[Any] = []
    if story_id is not None:
        where.append("sd.story_id = ?")
        args.append(story_id)
    if actor_ids:
        marks = ",".join("?" * len(actor_ids))
        where.append(f"(e.source_actor_id IN ({marks}) OR e.target_actor_id IN ({marks}))")
        args.extend(actor_ids)
        args.extend(actor_ids)
    clauses, params = date_range("coalesce(e.date, d.published)", since, until)
    where.extend(clauses)
    args.extend(params)
    if not include_negated:
        where.append("coalesce(e.negated, 0) = 0")
    rows = store.db.execute(
        f"""SELECT coalesce(sd.story_id, -d.rowid) AS skey, sd.story_id, e.type, e.source_actor_id, e.target_actor_id,
                   e.date, min(coalesce(d.published, '9999') || printf('%012d:%08d', d.rowid, e.idx)) AS first,
                   e.doc_id, e.idx, e.cameo, e.mode, e.trigger, e.sentence, e.negated, e.location_actor_id,
                   d.published, d.source, count(*) AS reports, group_concat(DISTINCT e.doc_id) AS docs
            FROM events e JOIN documents d ON d.id = e.doc_id
            LEFT JOIN story_documents sd ON sd.doc_id = e.doc_id
            WHERE {' AND '.join(where)}
            GROUP BY skey, e.type, e.source_actor_id, e.target_actor_id, e.date, coalesce(e.negated, 0)
            ORDER BY coalesce(e.date, d.published), skey, e.type""",
        args,
    ).fetchall()
    out = []
    for r in rows:
        out.append({
            "story_id": r["story_id"], "type": r["type"], "cameo": r["cameo"], "mode": r["mode"],
            "source_actor_id": r["source_actor_id"], "target_actor_id": r["target_actor_id"],
            "location_actor_id": r["location_actor_id"], "date": r["date"],
            "when": r["date"] or r["published"], "negated": bool(r["negated"]),
            "doc_id": r["doc_id"], "idx": r["idx"], "trigger": r["trigger"], "sentence": r["sentence"],
            "published": r["published"], "source": r["source"],
            "documents": sorted((r["docs"] or "").split(",")) if r["docs"] else [], "reports": r["reports"],
        })
    return out


def event_counts(store: "Store") -> dict[int, int]:
    """Unique events per story id."""
    ensure_schema(store.db)
    rows = store.db.execute(
        """SELECT story_id, count(*) FROM (
               SELECT DISTINCT sd.story_id, e.type, e.source_actor_id, e.target_actor_id, e.date
               FROM events e JOIN story_documents sd ON sd.doc_id = e.doc_id
               WHERE coalesce(e.negated, 0) = 0)
           GROUP BY story_id"""
    ).fetchall()
    return {int(r[0]): int(r[1]) for r in rows}


# -- listing ------------------------------------------------------------------------------------

def list_stories(
    store: "Store", since: str | None = None, min_documents: int = 1, story_ids: list[int] | None = None,
) -> list[dict[str, Any]]:
    """Stories with their documents, oldest first, in the public JSON shape.

    ``since`` keeps stories whose last document is from that date or later
    (stories without any dated document are kept).
    """
    ensure_schema(store.db)
    where = ["documents >= ?"]
    args: list[Any] = [min_documents]
    if since:
        where.append("(last_date IS NULL OR last_date >= ?)")
        args.append(since)
    if story_ids is not None:
        if not story_ids:
            return []
        where.append(f"id IN ({','.join('?' * len(story_ids))})")
        args.extend(story_ids)
    stories = store.db.execute(
        f"SELECT * FROM stories WHERE {' AND '.join(where)} ORDER BY first_date IS NULL, first_date, id", args
    ).fetchall()
    if not stories:
        return []
    wanted = {int(s["id"]) for s in stories}
    docs: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in store.db.execute(
        """SELECT sd.story_id, d.id, d.path, d.url, d.title, d.source, d.published, sd.link, sd.score
           FROM story_documents sd JOIN documents d ON d.id = sd.doc_id
           ORDER BY d.published IS NULL, d.published, d.rowid"""
    ):
        if r[0] in wanted:
            docs[r[0]].append({"id": r[1], "path": r[2], "url": r[3], "title": r[4], "source": r[5],
                               "published": r[6], "link": r[7], "score": r[8]})
    counts = event_counts(store)
    out = []
    for s in stories:
        sid = int(s["id"])
        ds = docs.get(sid, [])
        sources = sorted({d["source"] for d in ds if d["source"]})
        out.append({
            "story_id": sid, "title": s["title"], "first_date": s["first_date"], "last_date": s["last_date"],
            "sources": sources, "documents": ds, "events": counts.get(sid, 0),
        })
    return out
