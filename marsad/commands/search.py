"""``marsad search QUERY``: full-text search across spelling variants."""
from __future__ import annotations

import argparse
import json

from marsad.commands.common import open_store


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="full-text search over stored articles (spelling-variant aware)")
    p.add_argument("query", nargs="+", help="words to find (all must occur)")
    p.add_argument("--db", default="marsad.db", help="SQLite database (default: marsad.db)")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    if store is None:
        return 2
    hits = store.search(" ".join(args.query), limit=args.limit)
    store.close()
    for h in hits:
        if args.format == "json":
            print(json.dumps(h.__dict__, ensure_ascii=False))
            continue
        meta = " | ".join(x for x in (h.published, h.source, h.url or h.path, h.id) if x)
        print(f"{h.title or '(untitled)'}\n  {meta}\n  {h.snippet}\n")
    if not hits and args.format == "text":
        print("no matches")
    return 0
