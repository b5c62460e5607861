"""``marsad ingest PATH...``: read, extract and store documents."""
from __future__ import annotations

import argparse
import sys

from tqdm import tqdm

from marsad.commands.common import add_read_options, read_options, report
from marsad.corpus.store import Store, StoreError
from marsad.ingest import ReadError, read_paths
from marsad.pipeline import Pipeline

BATCH = 200


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="read files and folders into the database")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (read recursively)")
    p.add_argument("--db", default="marsad.db", help="SQLite database (default: marsad.db)")
    p.add_argument("--no-extract", action="store_true", help="store documents only, without running extractors")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    add_read_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        store = Store(args.db)
    except StoreError as exc:
        report(str(exc))
        return 2
    # without extractors nobody reads tokens: the store indexes words straight from the text
    pipeline = Pipeline(extract=False, exclude=["segment"]) if args.no_extract else Pipeline()
    counts = ingest(store, read_paths(args.paths, read_options(args)), pipeline,
                    extracted=not args.no_extract, progress=not args.quiet)
    store.close()
    print(f"{counts['new']} new, {counts['present']} already present, {counts['failed']} failed")
    return 1 if counts["failed"] else 0


def ingest(store: Store, items, pipeline: Pipeline, extracted: bool = True, progress: bool = True) -> dict[str, int]:
    """Process and store documents in batches of :data:`BATCH` per transaction.

    Cleaning runs first; a document whose cleaned text is already stored is
    counted as present and skips extraction.  One failing document is
    reported and the batch goes on; Ctrl-C loses at most the open batch,
    which the next run picks up.
    """
    counts = {"new": 0, "present": 0, "failed": 0}
    bar = tqdm(desc="ingest", unit="doc", disable=not progress or None, file=sys.stderr)
    first, rest = pipeline.components[:1], pipeline.components[1:]
    pending = 0
    store.db.execute("BEGIN IMMEDIATE")
    try:
        for item in items:
            bar.update(1)
            if isinstance(item, ReadError):
                report(item)
                counts["failed"] += 1
                continue
            try:
                doc = item
                for comp in first:
                    doc = comp(doc)
                if not doc.text.strip():
                    report(f"{item.path}: nothing left after cleaning")
                    counts["failed"] += 1
                    continue
                if store.has(doc.id):
                    counts["present"] += 1
                    continue
                for comp in rest:
                    doc = comp(doc)
                store.add(doc, extracted=extracted)
            except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
                where = item.path + (f":{item.meta['line']}" if item.meta.get("line") else "")
                report(f"{where}: {type(exc).__name__}: {exc}")
                counts["failed"] += 1
                continue
            counts["new"] += 1
            pending += 1
            if pending >= BATCH:
                store.db.execute("COMMIT")
                store.db.execute("BEGIN IMMEDIATE")
                pending = 0
        store.db.execute("COMMIT")
    except BaseException:
        store.db.execute("ROLLBACK")
        counts["new"] -= pending
        bar.close()
        raise
    bar.close()
    return counts
