#!/usr/bin/env python3
"""Speed of the events component alone: milliseconds per article.

Usage::

    python bench/events_speed.py              # examples/ and, when present, SaudiNewsNet
    python bench/events_speed.py --limit 500  # first 500 corpus articles

The documents are run through the rest of the pipeline once (untimed); then
only :class:`marsad.extract.events.EventExtractor` is timed, on one core.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "eval" / "news_corpus" / "saudinewsnet" / "jsonl"


def _corpus(limit: int) -> list[str]:
    texts: list[str] = []
    for f in sorted(CORPUS.glob("*")) if CORPUS.is_dir() else []:
        opener = gzip.open if f.suffix == ".gz" else open
        with opener(f, "rt", encoding="utf-8") as fh:
            for line in itertools.islice(fh, limit - len(texts)):
                texts.append(json.loads(line).get("content") or "")
        if len(texts) >= limit:
            break
    return texts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=300, help="corpus articles to time (default 300)")
    ap.add_argument("--rounds", type=int, default=5, help="timed passes over the documents (default 5)")
    args = ap.parse_args()

    from marsad.extract.events import EventExtractor
    from marsad.pipeline import Pipeline

    pipeline = Pipeline(exclude=["events"])
    events = EventExtractor()
    sets = {"examples": [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob("*.txt"))]}
    corpus = _corpus(args.limit)
    if corpus:
        sets["saudinewsnet"] = corpus
    for name, texts in sets.items():
        docs = [pipeline(t) for t in texts if t.strip()]
        if not docs:
            continue
        for d in docs:
            events(d)
        t0 = time.perf_counter()
        for _ in range(args.rounds):
            for d in docs:
                events(d)
        per = (time.perf_counter() - t0) / (args.rounds * len(docs))
        n_ev = sum(len(d.events) for d in docs) / len(docs)
        n_tok = sum(len(d.tokens) for d in docs) / len(docs)
        print(f"{name:13} {len(docs):5} docs  {per * 1000:6.3f} ms/doc  ({n_tok:.0f} tokens, {n_ev:.1f} events per doc)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
