"""``marsad train KIND ...``: rebuild a shipped model from public data.

Each kind is its own module listed in :data:`TRAIN_COMMANDS`, with
``add_parser(train_sub)`` registering a sub-subcommand and setting ``func``.
Training is a development-time step: it needs the corpora under
``../shared/eval`` and extra packages (see each kind's help); Marsad never
trains at run time and CI never retrains.
"""
from __future__ import annotations

import argparse

from marsad.commands.common import add_kinds

#: sub-subcommand modules of ``marsad train``, in help order
TRAIN_COMMANDS = [
    "marsad.commands.train_ner",
]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train", help="retrain a shipped model from public data (ner, ...)")
    add_kinds(p, "train_command", TRAIN_COMMANDS)
