"""Helpers shared by subcommands: reading options, error reporting."""
from __future__ import annotations

import argparse
import sys

from marsad.ingest import ReadError, ReadOptions


def add_read_options(p: argparse.ArgumentParser) -> None:
    """Options naming JSONL fields and limits, shared by extract and ingest."""
    g = p.add_argument_group("reading")
    g.add_argument("--text-field", default="text", help="JSONL field holding the article text (default: text)")
    g.add_argument("--title-field", default="title", help="JSONL field holding the title")
    g.add_argument("--url-field", default="url", help="JSONL field holding the URL")
    g.add_argument("--source-field", default="source", help="JSONL field holding the outlet name")
    g.add_argument("--published-field", default="published", help="JSONL field holding the publication date")
    g.add_argument("--id-field", default="id", help="JSONL field holding the publisher's own id")
    g.add_argument("--max-size", type=float, default=50.0, metavar="MB", help="skip files larger than this (default 50 MB)")


def add_extract_options(p: argparse.ArgumentParser) -> None:
    """Options of the extractors, shared by extract and ingest."""
    g = p.add_argument_group("extraction")
    g.add_argument("--actors", action="append", default=[], metavar="FILE",
                   help="your own actor dictionary (YAML or TSV, see marsad/lexicons/README.md); "
                        "its entries win over the shipped ones; repeatable")
    g.add_argument("--no-model", action="store_true",
                   help="dictionary and rules only, without the statistical tagger (faster, finds fewer unknown names)")


def extract_options(args: argparse.Namespace) -> dict:
    """Pipeline options from the command line, checked up front so a typo fails fast."""
    from pathlib import Path

    from marsad.lexicons.loader import LexiconError, load_actors

    for f in args.actors:
        if not Path(f).is_file():
            raise SystemExit(f"marsad: {f}: no such actor file")
    try:
        # a bad entry or encoding: one line naming the file, no traceback; the entries are
        # memoized, so the pipeline's own load reads them from here
        if args.actors:
            load_actors([Path(f) for f in args.actors])
    except LexiconError as exc:
        raise SystemExit(f"marsad: {exc}") from None
    return {"actors_files": tuple(args.actors), "use_model": not args.no_model}


def read_options(args: argparse.Namespace) -> ReadOptions:
    return ReadOptions(
        text_field=args.text_field,
        title_field=args.title_field,
        url_field=args.url_field,
        source_field=args.source_field,
        published_field=args.published_field,
        id_field=args.id_field,
        max_bytes=int(args.max_size * 1024 * 1024),
    )


def add_kinds(p: argparse.ArgumentParser, dest: str, modules: list[str]) -> None:
    """Register ``marsad COMMAND KIND`` sub-subcommands from their modules.

    Each module has ``add_parser(kind_sub)``, the pattern of :mod:`marsad.cli`.
    A listed module missing from the checkout is skipped; an import error
    inside a module that exists is shown.
    """
    import importlib

    kind_sub = p.add_subparsers(dest=dest, metavar="KIND")
    for name in modules:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.add_parser(kind_sub)

    def usage(args: argparse.Namespace) -> int:
        p.print_help()
        return 2

    p.set_defaults(func=usage)


def open_store(path: str):
    """Open an existing database for reading commands, or report why not (then None).

    Reading commands never create a database: a mistyped ``--db`` should say
    so, not print an empty result.
    """
    import os

    from marsad.corpus.store import Store, StoreError

    if not os.path.exists(path):
        report(f"{path}: no such database (run 'marsad ingest' first)")
        return None
    try:
        return Store(path)
    except StoreError as exc:
        report(str(exc))
        return None


def report(error: ReadError | str) -> None:
    """One line on stderr per failure, naming the file."""
    print(f"marsad: {error}", file=sys.stderr)
