"""``marsad export``: events, quotes, actors or documents as JSON Lines, CSV or Parquet."""
from __future__ import annotations

import argparse
import os
import sys

from marsad.commands.common import open_store, report


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        help="export events (POLECAT-style), quotes, actors or documents as jsonl, csv or parquet",
        description=(
            "Write one flat table of the stored corpus. The events table has one row per event with "
            "POLECAT/ICEWS-style columns (event_id, event_date, event_type, mode, cameo_root, source_*/target_* "
            "name, name_en, code, country, sector, location, negated, trigger, story_id, doc_id, url, "
            "source_outlet, sentence). JSON Lines and CSV go to stdout unless -o is given; Parquet needs -o."
        ),
    )
    p.add_argument("--table", required=True, choices=["events", "quotes", "actors", "documents"])
    p.add_argument("--format", choices=["jsonl", "csv", "parquet"], default=None,
                   help="output format (default: from the -o extension, else jsonl)")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="only records dated on or after this day")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="only records dated on or before this day")
    p.add_argument("--actor", metavar="NAME",
                   help="only records of this actor (any spelling, English name or code): events where it is "
                        "source or target, its quotes, the documents naming it, or its own actor row")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("--db", default="marsad.db", help="SQLite database (default: marsad.db)")
    p.set_defaults(func=run)


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    ext = os.path.splitext(args.output or "")[1].lower()
    return {".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}.get(ext, "jsonl")


def run(args: argparse.Namespace) -> int:
    from marsad.corpus.export import ExportError, check_date, export

    fmt = _format(args)
    try:
        check_date(args.since, "--since")
        check_date(args.until, "--until")
    except ExportError as exc:
        report(str(exc))
        return 2
    if fmt == "parquet" and not args.output:
        report("Parquet is a binary format and is not written to a terminal: give an output file, "
               "e.g. -o events.parquet")
        return 2
    store = open_store(args.db)
    if store is None:
        return 2
    try:
        if args.actor and not store.find_actors(args.actor):
            report(f"no actor matches {args.actor!r}")
            return 1
        n = export(store, args.table, fmt, args.output, since=args.since, actor=args.actor, until=args.until)
    except ExportError as exc:
        report(str(exc))
        return 2
    except BrokenPipeError:
        raise
    except OSError as exc:
        report(f"{args.output or 'stdout'}: {exc.strerror or exc}")
        return 2
    finally:
        store.close()
    if args.output:
        print(f"marsad: {n} {args.table} rows written to {args.output}", file=sys.stderr)
    return 0
