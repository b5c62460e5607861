"""``marsad timeline ACTOR``: an actor's events and quotes by date, optionally plotted."""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys

from marsad.commands.common import open_store, report


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "timeline",
        help="an actor's events (as source or target) and quotes by date",
        description="Events are listed once per story (however many outlets report them), dated by the event "
                    "date, else the article's date. --plot draws a PNG whose labels are English names and "
                    "event types (matplotlib does not shape Arabic).",
    )
    p.add_argument("actor", nargs="+", help="the actor: any spelling, English name or actor code")
    p.add_argument("--db", default="marsad.db", help="SQLite database (default: marsad.db)")
    p.add_argument("--with", dest="other", metavar="OTHER",
                   help="only events between the two actors and quotes by one about the other")
    p.add_argument("--since", metavar="YYYY-MM-DD")
    p.add_argument("--until", metavar="YYYY-MM-DD")
    p.add_argument("--no-quotes", action="store_true", help="events only")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--plot", metavar="FILE.png", help="also draw the timeline into this PNG file")
    p.set_defaults(func=run)


def _name(actor: dict | None) -> str:
    if not actor:
        return "?"
    return actor["name"] + (f" ({actor['name_en']})" if actor.get("name_en") else "")


def run(args: argparse.Namespace) -> int:
    from marsad.corpus.stories import assign_stories
    from marsad.corpus.timeline import actor_timeline, english_label, plot_timeline

    store = open_store(args.db)
    if store is None:
        return 2
    name = " ".join(args.actor)
    try:
        ids = store.find_actors(name)
        if not ids:
            report(f"no actor matches {name!r}")
            return 1
        other_ids = None
        if args.other:
            other_ids = store.find_actors(args.other)
            if not other_ids:
                report(f"no actor matches {args.other!r}")
                return 1
        try:
            assign_stories(store)  # counts: events once per story
        except sqlite3.OperationalError as exc:  # e.g. a read-only database: documents without a story count alone
            report(f"{args.db}: stories not updated ({exc})")
        profiles = [p for p in (store.actor_profile(i) for i in ids) if p]
        items = actor_timeline(store, ids, other_ids, since=args.since, until=args.until, quotes=not args.no_quotes)
    finally:
        store.close()
    main = max(profiles, key=lambda p: p["documents"]) if profiles else {"id": ids[0], "name": name, "name_en": None}
    if args.plot:
        label = english_label(main)
        if args.other:
            label += f" with {args.other if args.other.isascii() else 'actor ' + str(other_ids[0])}"
        plot_timeline(items, args.plot, f"Marsad timeline: {label}")
    if args.format == "json":
        for it in items:
            print(json.dumps(it, ensure_ascii=False))
    else:
        heads = ", ".join(_name(p) for p in profiles) or name
        events = sum(1 for it in items if it["kind"] == "event")
        quotes = len(items) - events
        print(f"{heads}: {events} event{'s' if events != 1 else ''}, {quotes} quote{'s' if quotes != 1 else ''}")
        for it in items:
            when = it["date"] or "????-??-??"
            docs = len(it["documents"])
            where = f"[{it['doc_id'][:12]}" + (f" +{docs - 1}" if docs > 1 else "") + "]"
            if it["kind"] == "event":
                neg = " (negated)" if it["negated"] else ""
                print(f"{when}  {it['type']:<10} {_name(it['source_actor'])} → {_name(it['target_actor'])}{neg}  {where}")
            else:
                about = "، ".join(_name(a) for a in it["about"])
                print(f"{when}  {'QUOTE':<10} {_name(it['speaker'])}" + (f" about {about}" if about else "") + f"  {where}")
            text = " ".join((it["text"] or "").split())
            if text:
                print(f"            {text[:300]}{'…' if len(text) > 300 else ''}")
    if args.plot:
        print(f"marsad: timeline plot -> {args.plot}", file=sys.stderr)
    return 0
