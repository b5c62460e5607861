"""``marsad eval KIND ...``: score Marsad against annotated data.

Each kind is its own module listed in :data:`EVAL_COMMANDS`, with
``add_parser(eval_sub)`` registering a sub-subcommand on the ``eval``
parser and setting ``func`` — the same pattern as :mod:`marsad.cli`.  To add
``marsad eval gold`` or ``marsad eval events``, write the module and append
its dotted name here.
"""
from __future__ import annotations

import argparse

from marsad.commands.common import add_kinds

#: sub-subcommand modules of ``marsad eval``, in help order
EVAL_COMMANDS = [
    "marsad.commands.eval_ner",
    "marsad.commands.eval_gold",
    "marsad.commands.eval_events",
]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="score Marsad against annotated data (ner, ...)")
    add_kinds(p, "eval_command", EVAL_COMMANDS)
