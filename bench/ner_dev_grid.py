#!/usr/bin/env python3
"""One NER training variant scored on the ANERcorp dev slice (development machines only).

Usage::

    PYTHONHASHSEED=0 python bench/ner_dev_grid.py NAME [key=value ...]

``key=value`` are :func:`marsad.ner.train.train` arguments (``c1``, ``c2``,
``iterations``, ``min_freq``, ``doc_window``, ``corpora``, ``cluster_corpora``,
``cluster_ks``, ``label_scheme``, ``lex``, ``dev_block``, ``dedup``,
``harmonized``, ``trim_nationalities``, ``trim_edges``, ``entity_only``) or feature settings as
``feat.NAME=VALUE`` (:class:`marsad.ner.features.FeatureConfig`).  Defaults:
``dev=True``, one word2vec thread, ``doc_window=0`` (3x faster, for screening
features).  Writes ``/tmp/ner/NAME.crfsuite`` and appends the dev table to
``/tmp/ner/RESULTS.txt``.  Pass ``lex=/tmp/ner/OTHER.lex.tsv`` (a table made
by a dev run, so without the dev sentences) to skip the word clusters.

The dev slice is small (one slice moves by 0.3-0.6 F1 between equivalent
models).  ``blocks=0,1,2`` trains once per held-out slice (``dev_block``: 0 the
last 650 sentences of the ANERcorp train file, 1 the 650 before them, ...)
and prints each slice's table and the pooled one (``NAME.bK`` models); the
pooled figure over blocks 0, 1 and 2 is the one to decide on (the shipped
recipe: 81.14 with ``lex=/tmp/ner/base0.lex.tsv``, docs/evaluation.md).
Word-vector features need a table with vectors: leave ``lex`` out with
``feat.emb=N`` (the table is then built with N components).  NewsFANE's
copies of the held-out sentences are always dropped from training
(:func:`marsad.ner.train.drop_copies`).
"""
from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from marsad.ner import train as T
from marsad.ner.features import FeatureConfig
from marsad.ner.scoring import Counts, Score

INT = ("doc_window", "iterations", "min_freq", "dev_block")
FLOAT = ("c1", "c2")


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    for noisy in ("gensim", "smart_open"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    if not argv:
        print(__doc__)
        return 2
    name, args = argv[0], argv[1:]
    blocks: list[int] = []
    kw: dict = {"dev": True, "workers": 1, "doc_window": 0}
    feats: dict[str, str] = {}
    known = FeatureConfig().__dict__
    for a in args:
        k, _, v = a.partition("=")
        if k.startswith("feat."):
            if k[5:] not in known:
                raise SystemExit(f"unknown feature setting {k}")
            feats[k[5:]] = v
        elif k in FLOAT:
            kw[k] = float(v)
        elif k in INT:
            kw[k] = int(v)
        elif k in ("corpora", "cluster_corpora", "harmonized", "entity_only"):
            kw[k] = v.split(",")
        elif k == "cluster_ks":
            kw[k] = tuple(int(x) for x in v.split(","))
        elif k in ("label_scheme", "dedup"):
            kw[k] = v
        elif k in ("trim_nationalities", "trim_edges"):
            kw[k] = v == "1"
        elif k == "lex":
            kw[k] = Path(v)
        elif k == "blocks":
            blocks = [int(x) for x in v.split(",")]
        else:
            raise SystemExit(f"unknown argument {k}")
    if feats:
        kw["features"] = feats
    runs = [(name, kw)] if not blocks else [(f"{name}.b{b}", {**kw, "dev_block": b}) for b in blocks]
    pooled = Score()
    for run_name, run_kw in runs:
        out = Path("/tmp/ner") / f"{run_name}.crfsuite"
        t0 = time.time()
        result = T.train(T.default_data_dir(), out, **run_kw)
        table = result["dev"].table()
        print(run_name)
        print(table)
        _pool(pooled, result["dev"])
        with open(out.parent / "RESULTS.txt", "a", encoding="utf-8") as fh:
            fh.write(f"{run_name}\t{' '.join(args)}\t{time.time() - t0:.0f}s\t{out.stat().st_size / 1e6:.1f}MB\n"
                     f"{table}\n")
    if len(runs) > 1:
        print(f"{name} pooled over blocks {blocks}")
        print(pooled.table())
        with open(Path("/tmp/ner") / "RESULTS.txt", "a", encoding="utf-8") as fh:
            fh.write(f"{name} pooled over blocks {blocks}\t{' '.join(args)}\n{pooled.table()}\n")
    return 0


def _pool(into: Score, s: Score) -> None:
    for k in ("tp", "fp", "fn"):
        setattr(into.micro, k, getattr(into.micro, k) + getattr(s.micro, k))
    for t, c in s.per_type.items():
        d = into.per_type.setdefault(t, Counts())
        for k in ("tp", "fp", "fn"):
            setattr(d, k, getattr(d, k) + getattr(c, k))
    into.tokens += s.tokens
    into.token_correct += s.token_correct


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
