#!/usr/bin/env python3
"""One NER training variant scored on the ANERcorp dev slice (development machines only).

Usage::

    PYTHONHASHSEED=0 python bench/ner_dev_grid.py NAME [key=value ...]

``key=value`` are :func:`marsad.ner.train.train` arguments (``c1``, ``c2``,
``iterations``, ``min_freq``, ``doc_window``, ``corpora``, ``cluster_corpora``,
``cluster_ks``, ``label_scheme``, ``lex``) or feature settings as
``feat.NAME=VALUE`` (:class:`marsad.ner.features.FeatureConfig`).  Defaults:
``dev=True``, one word2vec thread, ``doc_window=0`` (3x faster, for screening
features).  Writes ``/tmp/ner/NAME.crfsuite`` and appends the dev table to
``/tmp/ner/RESULTS.txt``.  Pass ``lex=/tmp/ner/OTHER.lex.tsv`` (a table made
by a dev run, so without the dev sentences) to skip the word clusters.
"""
from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from marsad.ner import train as T
from marsad.ner.features import FeatureConfig

INT = ("doc_window", "iterations", "min_freq")
FLOAT = ("c1", "c2")


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    for noisy in ("gensim", "smart_open"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    if not argv:
        print(__doc__)
        return 2
    name, args = argv[0], argv[1:]
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
        elif k in ("corpora", "cluster_corpora"):
            kw[k] = v.split(",")
        elif k == "cluster_ks":
            kw[k] = tuple(int(x) for x in v.split(","))
        elif k == "label_scheme":
            kw[k] = v
        elif k == "lex":
            kw[k] = Path(v)
        else:
            raise SystemExit(f"unknown argument {k}")
    if feats:
        kw["features"] = feats
    out = Path("/tmp/ner") / f"{name}.crfsuite"
    t0 = time.time()
    result = T.train(T.default_data_dir(), out, **kw)
    table = result["dev"].table()
    print(table)
    with open(out.parent / "RESULTS.txt", "a", encoding="utf-8") as fh:
        fh.write(f"{name}\t{' '.join(args)}\t{time.time() - t0:.0f}s\t{out.stat().st_size / 1e6:.1f}MB\n{table}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
