"""``marsad actors`` and ``marsad actor NAME``: the actors of a stored corpus."""
from __future__ import annotations

import argparse
import json

from marsad.commands.common import open_store, report


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("actors", help="list the actors of the corpus with counts, variants, roles, codes")
    p.add_argument("--db", default="marsad.db", help="SQLite database (default: marsad.db)")
    p.add_argument("--type", choices=["PER", "ORG", "LOC"], help="only actors of this type")
    p.add_argument("--limit", type=int, default=50, help="at most this many (default 50; 0 = all)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=run_list)

    q = sub.add_parser("actor", help="one actor's profile (by any spelling, English name or code)")
    q.add_argument("name", nargs="+", help="the actor's name as written in any variant, or its English name")
    q.add_argument("--db", default="marsad.db", help="SQLite database (default: marsad.db)")
    q.add_argument("--format", choices=["text", "json"], default="text")
    q.set_defaults(func=run_one)


def run_list(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    if store is None:
        return 2
    rows = store.actors(args.type, limit=args.limit or None)
    store.close()
    if args.format == "json":
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
        return 0
    for r in rows:
        code = r["actor_code"] or "-"
        en = r["name_en"] or ""
        print(f"{r['type']:<3} {code:<8} {r['name']} {('(' + en + ')') if en else ''}"
              f"  docs {r['documents']}  mentions {r['mentions']}")
        others = [v for v in r["variants"] if v != r["name"]]
        if others:
            print(f"    variants: {'، '.join(others[:8])}")
        if r["roles"]:
            print(f"    roles: {'؛ '.join(r['roles'][:3])}")
    if not rows:
        print("no actors stored")
    return 0


def run_one(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    if store is None:
        return 2
    name = " ".join(args.name)
    ids = store.find_actors(name)
    if not ids:
        store.close()
        report(f"no actor matches {name!r}")
        return 1
    profiles = [p for p in (store.actor_profile(i) for i in ids) if p]
    store.close()
    profiles.sort(key=lambda p: -p["documents"])
    if args.format == "json":
        for p in profiles:
            print(json.dumps(p, ensure_ascii=False))
        return 0
    for p in profiles:
        print(f"{p['name']}" + (f" — {p['name_en']}" if p["name_en"] else ""))
        print(f"  type {p['type']}  code {p['actor_code'] or '-'}  country {p['country'] or '-'}  sector {p['sector'] or '-'}")
        print(f"  {p['documents']} documents, {p['mentions']} mentions"
              + (f", seen {p['first_seen']} … {p['last_seen']}" if p["first_seen"] else ""))
        print(f"  {p['quotes']} quotes, {p['events_as_source']} events as source, {p['events_as_target']} as target")
        if p["variants"]:
            print(f"  variants: {'، '.join(p['variants'])}")
        for role in p["roles"][:5]:
            print(f"  role: {role}")
        if p["co_mentioned"]:
            print("  appears with: " + "، ".join(f"{c['name']} ({c['documents']})" for c in p["co_mentioned"]))
        for d in p["documents_list"][:10]:
            print(f"  · {d['published'] or '????-??-??'} {d['title']}")
        print()
    return 0
