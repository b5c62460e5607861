"""The ``marsad`` command line.

Each subcommand lives in its own module under :mod:`marsad.commands` with two
functions: ``add_parser(subparsers)`` registers it and sets ``func`` on the
parser; ``func(args) -> int`` runs it and returns the exit status.
"""
from __future__ import annotations

import argparse
import importlib
import sys

#: subcommand modules, in the order ``marsad --help`` lists them
COMMANDS = [
    "extract",
    "ingest",
    "search",
    "actors",
    "eval",
    "stories",
    "network",
    "timeline",
    "frames",
    "export",
    "train",
]


def build_parser() -> argparse.ArgumentParser:
    from marsad import __version__

    parser = argparse.ArgumentParser(
        prog="marsad",
        description="Marsad: structured knowledge from Arabic news (actors, quotes, events, dates, frames).",
    )
    parser.add_argument("--version", action="version", version=f"marsad {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"marsad.commands.{name}").add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("marsad: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
