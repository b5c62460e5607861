#!/usr/bin/env python3
"""NER tagging speed on news articles: tokens/s and articles/s, one core.

Usage::

    python bench/ner_speed.py                  # first 2,000 SaudiNewsNet articles
    python bench/ner_speed.py --limit 500 --crfsuite   # also time python-crfsuite's own tagger

Times :meth:`marsad.ner.crf.NerTagger.tag_doc` only (the text steps run
before the clock starts).  "cold" is the first pass, when every word's
features are computed; "warm" is a second pass over the same articles, when
the per-word cache is full (the steady state of a long ingest).  Without the
corpus it falls back to the articles in examples/.
"""
from __future__ import annotations

import argparse
import glob
import json
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "eval" / "news_corpus" / "saudinewsnet" / "jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--model", default=None)
    ap.add_argument("--scheme", default=None)
    ap.add_argument("--crfsuite", action="store_true", help="also time the python-crfsuite path")
    ap.add_argument("--no-second-pass", action="store_true", help="skip the model's document-level second pass")
    args = ap.parse_args()

    from marsad.document import Document
    from marsad.ner.crf import NerTagger
    from marsad.pipeline import Pipeline

    texts: list[str] = []
    for p in sorted(glob.glob(str(CORPUS / "*.jsonl"))):
        with open(p, encoding="utf-8") as fh:
            texts.extend(json.loads(line).get("content") or "" for line in fh)
    if not texts:
        texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").rglob("*.txt"))]
    texts = texts[: args.limit]
    pipe = Pipeline(extract=False)
    docs = [pipe(Document(raw_text=t)) for t in texts]
    ntok = sum(len(d.tokens) for d in docs)
    t0 = time.perf_counter()
    tagger = NerTagger.load(args.model, scheme=args.scheme, second_pass=not args.no_second_pass)
    print(f"model load {time.perf_counter() - t0:.2f}s; decoder: {'numpy' if tagger._fast else 'crfsuite'}; "
          f"second pass: {'whole document' if tagger.doc_window else 'none'}")
    print(f"{len(docs)} articles, {ntok:,} tokens ({ntok / max(len(docs), 1):.0f} per article)")
    for label in ("cold", "warm"):
        t0 = time.perf_counter()
        n = sum(len(tagger.tag_doc(d)) for d in docs)
        secs = time.perf_counter() - t0
        print(f"{label}: {ntok / secs:,.0f} tokens/s, {len(docs) / secs:,.0f} articles/s, {n} entities")
    if args.crfsuite:
        tagger._fast = None
        t0 = time.perf_counter()
        for d in docs:
            tagger.tag_doc(d)
        secs = time.perf_counter() - t0
        print(f"python-crfsuite path (warm features): {ntok / secs:,.0f} tokens/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
