#!/usr/bin/env python3
"""Decoding-time bias against ``O`` on the models of a ``bench/ner_dev_grid.py`` block run.

Usage::

    python bench/ner_obias.py NAME [0,1,2] [0,0.25,0.5]

Loads ``/tmp/ner/NAME.bK.crfsuite`` for each block K, lowers the score of
``O`` at every token by each bias (numpy decoder only; nothing is retrained)
and prints each block's micro line and the pooled ones.  Screening only: the
shipped decoder has no such knob, and python-crfsuite's own tagger could not
follow one.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ner_dev_grid import _pool  # noqa: E402

from marsad.ner import train as T  # noqa: E402
from marsad.ner.crf import NerTagger  # noqa: E402
from marsad.ner.scoring import Score  # noqa: E402


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    name = argv[0]
    blocks = [int(x) for x in (argv[1] if len(argv) > 1 else "0,1,2").split(",")]
    biases = [float(x) for x in (argv[2] if len(argv) > 2 else "0,0.25,0.5,0.75,1").split(",")]
    aner = T.load_corpus(T.default_data_dir(), "anercorp")
    pooled = {b: Score() for b in biases}
    for blk in blocks:
        _, dev = T.split_anercorp(aner, block=blk)
        tg = NerTagger.load(f"/tmp/ner/{name}.b{blk}.crfsuite", scheme="anercorp")
        fd = tg._fast
        o = fd.labels.index("O")
        base = fd.bias.copy()
        for b in biases:
            fd.bias = base.copy()
            fd.bias[o] -= b
            sc = T.evaluate(tg, dev)
            _pool(pooled[b], sc)
            print(f"block {blk} bias {b}: {sc.table().splitlines()[-2]}", flush=True)
    for b in biases:
        print(f"pooled bias {b}: {pooled[b].table().splitlines()[-2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
