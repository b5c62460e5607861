"""``marsad network``: the actor network (events, co-mentions, quotes) as GraphML, GEXF or JSON."""
from __future__ import annotations

import argparse
import sqlite3
import sys

from marsad.commands.common import open_store, report


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "network",
        help="export the actor network (events, co-mentions, quotes) as GraphML, GEXF or JSON",
        description="Directed event edges (source actor -> target actor, one per event type and date, weight = "
                    "unique events: once per story), co-mention edges (weight = documents; undirected, stored "
                    "once) and quote edges (speaker -> actors mentioned inside the quote). GraphML and GEXF open "
                    "in Gephi and Cytoscape; JSON is networkx node-link data.",
    )
    p.add_argument("--db", default="marsad.db", help="SQLite database (default: marsad.db)")
    p.add_argument("--actor", action="append", metavar="NAME",
                   help="only edges touching this actor (any spelling, English name or code; repeatable)")
    p.add_argument("--type", action="append", metavar="TYPE",
                   help="only these edges: a PLOVER event type (e.g. ASSAULT), 'comention' or 'quote' "
                        "(repeatable or comma-separated; default: all)")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="only edges dated from this day on")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="only edges dated up to this day (or month: 2024-03)")
    p.add_argument("--negated", action="store_true", help="include negated events ('did not attack')")
    p.add_argument("--format", choices=["graphml", "gexf", "json"], default="graphml",
                   help="output format (default: graphml)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from marsad.corpus.network import build_network, parse_types, write_network
    from marsad.corpus.stories import assign_stories

    store = open_store(args.db)
    if store is None:
        return 2
    try:
        actor_ids = None
        if args.actor:
            actor_ids = []
            for name in args.actor:
                found = store.find_actors(name)
                if not found:
                    report(f"no actor matches {name!r}")
                    return 1
                actor_ids.extend(found)
        try:
            assign_stories(store)  # counts: events once per story
        except sqlite3.OperationalError as exc:  # e.g. a read-only database: documents without a story count alone
            report(f"{args.db}: stories not updated ({exc})")
        kinds, event_types = parse_types(args.type)
        G = build_network(store, actor_ids=actor_ids, kinds=kinds, event_types=event_types,
                          since=args.since, until=args.until, include_negated=args.negated)
    finally:
        store.close()
    if args.output:
        with open(args.output, "wb") as f:
            write_network(G, args.format, f)
        print(f"marsad: {G.number_of_nodes()} actors, {G.number_of_edges()} edges -> {args.output}", file=sys.stderr)
    else:
        write_network(G, args.format, sys.stdout.buffer)
        sys.stdout.flush()
    return 0
