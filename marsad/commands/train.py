"""``marsad train KIND ...``: rebuild a shipped model from public data.

Each kind is its own module listed in :data:`TRAIN_COMMANDS`, with
``add_parser(train_sub)`` registering a sub-subcommand and setting ``func``.
Training is a development-time step: it needs the corpora under
``../shared/eval`` and extra packages (see each kind's help); Marsad never
trains at run time and CI never retrains.
"""
from __future__ import annotations

import argparse
import importlib

#: sub-subcommand modules of ``marsad train``, in help order
TRAIN_COMMANDS = [
    "marsad.commands.train_ner",
]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train", help="retrain a shipped model from public data (ner, ...)")
    train_sub = p.add_subparsers(dest="train_command", metavar="KIND")
    for name in TRAIN_COMMANDS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # a real import error inside the module: show it
                raise
            continue  # listed but not (yet) present in this checkout
        module.add_parser(train_sub)
    p.set_defaults(func=lambda args: _usage(p))


def _usage(p: argparse.ArgumentParser) -> int:
    p.print_help()
    return 2
