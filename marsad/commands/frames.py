"""``marsad frames``: how each outlet frames the news (loaded terms per frame)."""
from __future__ import annotations

import argparse
import json
import re

from marsad.commands.common import open_store, report

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "frames",
        help="framing profile: loaded terms per frame, per outlet or per document",
        description=(
            "Sum the frame tags of a stored corpus (lexicon: marsad/lexicons/frames.yaml) per outlet or per "
            "document. Outlets come from the source field, else the URL host, else sign-offs and bylines "
            "(marsad/lexicons/outlets.yaml)."
        ),
    )
    p.add_argument("--db", default="marsad.db", help="SQLite database (default: marsad.db)")
    p.add_argument("--by", choices=["source", "document"], default="source",
                   help="one summary per outlet (source, default) or per document")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="only documents published on or after this date")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="only documents published on or before this date")
    p.add_argument("--top", type=int, default=10, help="top terms shown per outlet (default 10)")
    p.add_argument("--retag", action="store_true",
                   help="tag the stored text with the current lexicon instead of reading the frames table")
    p.add_argument("--lexicon", action="append", metavar="FILE",
                   help="your own frames YAML, extending the shipped lexicon (implies --retag; repeatable)")
    p.add_argument("--list", action="store_true", help="print the frames lexicon (frames, terms, glosses) and exit")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from marsad.corpus.frames_profile import format_documents, format_profile, frames_profile
    from marsad.extract.frames import FrameLexicon, FrameLexiconError

    try:
        lexicon = FrameLexicon.load(*(args.lexicon or []))
    except FrameLexiconError as exc:
        report(str(exc))
        return 2
    if args.list:
        return _print_lexicon(lexicon, args.format)
    for name in ("since", "until"):
        value = getattr(args, name)
        if value and not _DATE.match(value):
            report(f"--{name} {value!r}: expected YYYY-MM-DD (or YYYY-MM, YYYY)")
            return 2
    store = open_store(args.db)
    if store is None:
        return 2
    try:
        rows = frames_profile(store.db, by=args.by, retag=args.retag or bool(args.lexicon), lexicon=lexicon,
                              since=args.since, until=args.until, top=args.top)
    finally:
        store.close()
    if args.format == "json":
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
        return 0
    if args.by == "document":
        print(format_documents(rows), end="")
    else:
        print(format_profile(rows, list(lexicon.frames)), end="")
    return 0


def _print_lexicon(lexicon, fmt: str) -> int:
    by_frame = lexicon.by_frame()
    if fmt == "json":
        for fid, info in lexicon.frames.items():
            print(json.dumps({
                "frame": fid, "label": info.label, "description": info.description,
                "entries": [{"terms": list(e.variants), "gloss": e.gloss, "note": e.note} for e in by_frame.get(fid, [])],
            }, ensure_ascii=False))
        return 0
    for fid, info in lexicon.frames.items():
        entries = by_frame.get(fid, [])
        print(f"{fid}: {info.label}  ({len(entries)} entries, {sum(len(e.variants) for e in entries)} variants)")
        for e in entries:
            print(f"  {e.term} — {e.gloss}")
        print()
    return 0
