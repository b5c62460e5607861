"""``marsad stories``: group stored articles into stories (near-duplicates, the same event across outlets)."""
from __future__ import annotations

import argparse
import json
import sys

from marsad.commands.common import open_store


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "stories",
        help="group articles into stories (near-duplicates and the same event told by several outlets)",
        description="Assign the documents that have no story yet (incrementally: existing stories keep their ids "
                    "and grow), then list the stories with their documents. Events are counted once per story.",
    )
    p.add_argument("--db", default="marsad.db", help="SQLite database (default: marsad.db)")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="only stories with a document from this date on")
    p.add_argument("--min-docs", type=int, default=1, metavar="N",
                   help="only stories with at least N documents (default 1: all)")
    p.add_argument("--rebuild", action="store_true", help="forget all stories and group every document again")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from marsad.corpus.stories import assign_stories, list_stories

    store = open_store(args.db)
    if store is None:
        return 2
    try:
        done = assign_stories(store, rebuild=args.rebuild)
        if done.documents:
            print(f"marsad: {done.documents} documents assigned: {done.new_stories} new stories, "
                  f"{done.duplicates} near-duplicates and {done.similar} similar articles joined stories "
                  f"({done.seconds:.1f} s)", file=sys.stderr)
        stories = list_stories(store, since=args.since, min_documents=args.min_docs)
    finally:
        store.close()
    if args.format == "json":
        for s in stories:
            s = dict(s, documents=[{k: d[k] for k in ("id", "path", "url", "title", "source", "published")}
                                   for d in s["documents"]])
            print(json.dumps(s, ensure_ascii=False))
        return 0
    for s in stories:
        span = s["first_date"] or "????-??-??"
        if s["last_date"] and s["last_date"] != s["first_date"]:
            span += f" … {s['last_date']}"
        n = len(s["documents"])
        print(f"story {s['story_id']}  {span}  {n} document{'s' if n != 1 else ''}, "
              f"{len(s['sources'])} source{'s' if len(s['sources']) != 1 else ''}, "
              f"{s['events']} event{'s' if s['events'] != 1 else ''}")
        print(f"  {s['title'] or '(untitled)'}")
        for d in s["documents"]:
            where = d["url"] or d["path"] or ""
            print(f"  · {d['id'][:12]}  {d['published'] or '????-??-??'}  {d['source'] or '-'}  "
                  f"{d['title'] or '(untitled)'}  {where}")
        print()
    if not stories:
        print("no stories")
    return 0
