#!/usr/bin/env python3
"""Benchmark of the corpus views: stories and the actor network on 10,000 articles.

Usage::

    python bench/corpus_views.py                # 10,000 articles from SaudiNewsNet
    python bench/corpus_views.py --n 3000       # fewer
    python bench/corpus_views.py --json         # machine-readable
    python bench/corpus_views.py --db /tmp/v.db --keep   # keep the database to look at

The store is built from the SaudiNewsNet articles (``content``,
``date_extracted``) as ``marsad ingest --no-extract`` stores them
(:func:`marsad.commands.ingest.ingest` with ``Pipeline(extract=False,
exclude=["segment"])``).  The corpus has ~5,800 distinct articles over four
days; the rest up to ``--n`` are perturbed copies (a sentence dropped, a few
words removed, a closing line added); one in eight keeps its original's date
(a re-post), the others are dated one to seven weeks later, so the corpus
spans two months.  Entities, mentions, quotes and events are
synthetic, written with SQL: 400 actors drawn with a Zipf-like law, 3-8 per
article, 0-3 events and 0-2 quotes per article; a copy carries its original's
events, so the once-per-story counting has work to do.

Timed (one process, wall clock):

* ``stories``: ``assign_stories`` from scratch over every article
* ``stories_incremental``: the next day's news (200 more articles, copies dated
  the day after the last one) ingested, then ``assign_stories`` again
* ``story_events``: unique events over the corpus
* ``list_stories``: every story with its documents and unique events
* ``network``: ``build_network`` (events, co-mentions, quotes) and writing it as GraphML
* ``timeline``: the most frequent actor's timeline

The target is stories and network each under one minute on the 2-core
development machine.  Without the SaudiNewsNet data the script says so and exits.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import sys
import tempfile
import time
import zlib
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "eval" / "news_corpus" / "saudinewsnet" / "jsonl"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/eval/news_corpus/saudinewsnet/jsonl")

EVENT_TYPES = [("AGREE", "03"), ("CONSULT", "04"), ("SUPPORT", "05"), ("COOPERATE", "06"), ("AID", "07"),
               ("REQUEST", "02"), ("ACCUSE", "11"), ("REJECT", "12"), ("THREATEN", "13"), ("PROTEST", "14"),
               ("SANCTION", "16"), ("COERCE", "17"), ("ASSAULT", "18")]


def originals():
    """The SaudiNewsNet articles."""
    from marsad.ingest import ReadError, ReadOptions, read_paths

    opts = ReadOptions(text_field="content", published_field="date_extracted")
    return [d for d in read_paths([CORPUS], opts) if not isinstance(d, ReadError)]


def copies(base, start: int, count: int, rnd: random.Random, day: str | None = None):
    """``count`` perturbed copies; dated ``day`` if given, else one to seven weeks after (or on) the original's date."""
    for k in range(start, start + count):
        yield _perturb(base[k % len(base)], k, rnd, day)


def _perturb(doc, k: int, rnd: random.Random, day: str | None = None):
    from marsad.document import Document

    sentences = [s for s in re.split(r"(?<=[.!؟\n])\s+", doc.raw_text) if s.strip()]
    if len(sentences) > 2:
        sentences.pop(rnd.randrange(len(sentences)))
    words = " ".join(sentences).split(" ")
    for _ in range(max(1, len(words) // 40)):
        if len(words) > 5:
            words.pop(rnd.randrange(len(words)))
    text = " ".join(words) + f"\n\nنشر هذا الخبر في العدد {k} من النشرة."
    published = day
    if doc.published and day is None:
        shift = 7 * (k % 8)  # one copy in eight the same day: a re-post within its story
        published = (date.fromisoformat(doc.published[:10]) + timedelta(days=shift)).isoformat()
    return Document(raw_text=text, path=f"{doc.path}#copy{k}", title=doc.title, source=doc.source,
                    url=None, published=published, meta={"copy_of": doc.meta.get("line")})


def build_store(path: str, n: int, base, rnd: random.Random) -> dict:
    """Ingest the originals, then copies until the store holds ``n`` articles."""
    from marsad.commands.ingest import ingest
    from marsad.corpus.store import Store
    from marsad.pipeline import Pipeline

    store = Store(path)
    pipe = Pipeline(extract=False, exclude=["segment"])
    t = time.perf_counter()
    ingest(store, iter(base[:n]), pipe, extracted=False, progress=False)
    k = 1
    while (have := store.count()) < n:
        need = n - have
        ingest(store, copies(base, k, need, rnd), pipe, extracted=False, progress=False)
        k += need
    took = time.perf_counter() - t
    store.close()
    return {"ingest_s": round(took, 2), "copies": k - 1}


def ingest_more(path: str, base, rnd: random.Random, count: int, day: str) -> int:
    from marsad.commands.ingest import ingest
    from marsad.corpus.store import Store
    from marsad.pipeline import Pipeline

    store = Store(path)
    counts = ingest(store, copies(base, 100_000, count, rnd, day=day), Pipeline(extract=False, exclude=["segment"]),
                    extracted=False, progress=False)
    store.close()
    return counts["new"]


def add_synthetic_extractions(path: str, seed: int = 11) -> dict:
    """Actors, entities, mentions, quotes and events, written with SQL."""
    import sqlite3

    rnd = random.Random(seed)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("BEGIN")
    n_actors = 400
    codes = ["SAU", "IRN", "IRQ", "SYR", "YEM", "USA", "TUR", "EGY", "ARE", "QAT", "LBN", "ISR", "RUS", "FRA"]
    sectors = ["GOV", "MIL", "REB", "BUS", "MED", ""]
    for a in range(1, n_actors + 1):
        code = rnd.choice(codes) + rnd.choice(sectors)
        db.execute(
            "INSERT OR IGNORE INTO actors(id, key, type, name, name_en, actor_code, country, sector)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (a, f"bench:{a}", rnd.choice(["PER", "ORG", "LOC"]), f"فاعل {a}", f"Actor {a}", code, code[:3],
             code[3:] or None),
        )
        db.execute("INSERT OR IGNORE INTO actor_variants(actor_id, variant, norm, count) VALUES (?,?,?,1)",
                   (a, f"فاعل {a}", f"فاعل {a}"))
    weights = [1 / (i ** 0.9) for i in range(1, n_actors + 1)]
    rows = db.execute("SELECT id, text, published, title, source FROM documents ORDER BY rowid").fetchall()
    n_ent = n_ev = n_q = 0
    for doc_id, text, published, title, source in rows:
        # drawn from the title and outlet, so a perturbed copy carries its original's extractions
        r = random.Random(zlib.crc32(f"{title}|{source}".encode("utf-8")) + seed)
        actors = sorted(set(r.choices(range(1, n_actors + 1), weights=weights, k=r.randint(3, 8))))
        events = []
        for _ in range(r.choice([0, 0, 1, 1, 2, 3])):
            if len(actors) >= 2:
                a, b = r.sample(actors, 2)
                events.append((r.choice(EVENT_TYPES), a, b))
        quotes = [r.choice(actors) for _ in range(r.choice([0, 0, 1, 2]))]
        L = max(len(text), 2)
        ent_of = {}
        for i, a in enumerate(actors, 1):
            ent_of[a] = f"e{i}"
            db.execute("INSERT INTO entities(doc_id, ent_id, actor_id, type, name, name_en, actor_code, roles)"
                       " VALUES (?,?,?,?,?,?,?, '[]')", (doc_id, f"e{i}", a, "ORG", f"فاعل {a}", f"Actor {a}", None))
            for _ in range(rnd.randint(1, 3)):
                s = rnd.randrange(L - 1)
                db.execute("INSERT INTO mentions(doc_id, ent_id, start, end, text) VALUES (?,?,?,?,?)",
                           (doc_id, f"e{i}", s, min(s + 8, L), text[s:s + 8]))
            n_ent += 1
        for idx, ((etype, cameo), s, t) in enumerate(events):
            db.execute(
                "INSERT INTO events(doc_id, idx, type, cameo, source, target, source_actor_id, target_actor_id, date,"
                " negated, trigger, sentence, start, end, data) VALUES (?,?,?,?,?,?,?,?,?,0,?,?,?,?,'{}')",
                (doc_id, idx, etype, cameo, ent_of[s], ent_of[t], s, t, published, text[:6], text[:120], 0, 6))
            n_ev += 1
        for idx, speaker in enumerate(quotes):
            s = rnd.randrange(max(L - 200, 1))
            db.execute(
                "INSERT INTO quotes(doc_id, idx, speaker, actor_id, text, start, end, direct, cue, data)"
                " VALUES (?,?,?,?,?,?,?,1,'قال','{}')", (doc_id, idx, ent_of[speaker], speaker, text[s:s + 200], s, s + 200))
            n_q += 1
    db.execute("UPDATE documents SET extracted = 1")
    db.execute("COMMIT")
    db.close()
    return {"actors": n_actors, "entities": n_ent, "events": n_ev, "quotes": n_q}


def timed(fn):
    t = time.perf_counter()
    result = fn()
    return result, round(time.perf_counter() - t, 2)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10_000, help="articles (default 10,000)")
    ap.add_argument("--db", help="database path (default: a temporary file)")
    ap.add_argument("--keep", action="store_true", help="keep the database")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"SaudiNewsNet not found at {CORPUS}; nothing to benchmark", file=sys.stderr)
        return 0
    sys.path.insert(0, str(REPO))
    from marsad.corpus.network import build_network, write_network
    from marsad.corpus.store import Store
    from marsad.corpus.stories import assign_stories, list_stories, story_events
    from marsad.corpus.timeline import actor_timeline

    tmp = None
    if args.db:
        path = args.db
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
    else:
        tmp = tempfile.mkdtemp(prefix="marsad-bench-")
        path = os.path.join(tmp, "views.db")
    res: dict = {"articles_requested": args.n}
    rnd = random.Random(7)
    base = originals()
    res["build"] = build_store(path, args.n, base, rnd)
    res["synthetic"] = add_synthetic_extractions(path)

    store = Store(path)
    res["documents"] = store.count()
    rep, res["stories_s"] = timed(lambda: assign_stories(store))
    res["stories"] = rep.as_dict()
    res["stories"]["total"] = store.db.execute("SELECT count(*) FROM stories").fetchone()[0]
    res["stories"]["multi_document"] = store.db.execute("SELECT count(*) FROM stories WHERE documents > 1").fetchone()[0]
    res["stories"]["largest"] = store.db.execute("SELECT max(documents) FROM stories").fetchone()[0]
    last = store.db.execute("SELECT max(published) FROM documents").fetchone()[0]
    store.close()

    # the next day's news: 200 more articles (copies dated the day after the last one), then the incremental run
    day = (date.fromisoformat(last) + timedelta(days=1)).isoformat()
    res["added"] = ingest_more(path, base, rnd, 200, day)
    store = Store(path)
    rep, res["stories_incremental_s"] = timed(lambda: assign_stories(store))
    res["stories_incremental"] = rep.as_dict()

    evs, res["story_events_s"] = timed(lambda: story_events(store))
    res["unique_events"] = len(evs)
    res["event_records"] = store.count("events")
    listed, res["list_stories_s"] = timed(lambda: list_stories(store))

    def network():
        G = build_network(store)
        buf = io.BytesIO()
        write_network(G, "graphml", buf)
        return G, len(buf.getvalue())

    (G, size), res["network_s"] = timed(network)
    res["network"] = {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "graphml_bytes": size}
    top = store.db.execute("SELECT actor_id FROM entities GROUP BY actor_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    items, res["timeline_s"] = timed(lambda: actor_timeline(store, [top]))
    res["timeline_items"] = len(items)
    store.close()
    if tmp and not args.keep:
        for f in os.listdir(tmp):
            os.remove(os.path.join(tmp, f))
        os.rmdir(tmp)
    elif args.keep:
        res["db"] = path
    if args.json:
        print(json.dumps(res, ensure_ascii=False))
        return 0
    print(f"{res['documents']} documents (ingest --no-extract: {res['build']['ingest_s']} s); synthetic: "
          f"{res['synthetic']['entities']} entities, {res['synthetic']['events']} events, {res['synthetic']['quotes']} quotes")
    s = res["stories"]
    print(f"stories:             {res['stories_s']:6.2f} s  ({s['total']} stories, {s['multi_document']} with 2+ documents,"
          f" largest {s['largest']}; {s['duplicates']} near-duplicates, {s['similar']} similar)")
    print(f"stories, +{res['added']} new:   {res['stories_incremental_s']:6.2f} s  (window {res['stories_incremental']['window']} documents,"
          f" {res['stories_incremental']['new_stories']} new stories)")
    print(f"story_events:        {res['story_events_s']:6.2f} s  ({res['unique_events']} unique of {res['event_records']} records)")
    print(f"list_stories:        {res['list_stories_s']:6.2f} s")
    n = res["network"]
    print(f"network + GraphML:   {res['network_s']:6.2f} s  ({n['nodes']} nodes, {n['edges']} edges, {n['graphml_bytes'] // 1024} KiB)")
    print(f"timeline (top actor): {res['timeline_s']:5.2f} s  ({res['timeline_items']} items)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
