"""``marsad eval KIND ...``: score Marsad against annotated data.

Each kind is its own module listed in :data:`EVAL_COMMANDS`, with
``add_parser(eval_sub)`` registering a sub-subcommand on the ``eval``
parser and setting ``func`` — the same pattern as :mod:`marsad.cli`.  To add
``marsad eval gold`` or ``marsad eval events``, write the module and append
its dotted name here.
"""
from __future__ import annotations

import argparse
import importlib

#: sub-subcommand modules of ``marsad eval``, in help order
EVAL_COMMANDS = [
    "marsad.commands.eval_ner",
    "marsad.commands.eval_gold",
    "marsad.commands.eval_events",
]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="score Marsad against annotated data (ner, ...)")
    eval_sub = p.add_subparsers(dest="eval_command", metavar="KIND")
    for name in EVAL_COMMANDS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # a real import error inside the module: show it
                raise
            continue  # listed but not (yet) present in this checkout
        module.add_parser(eval_sub)
    p.set_defaults(func=lambda args: _usage(p))


def _usage(p: argparse.ArgumentParser) -> int:
    p.print_help()
    return 2
