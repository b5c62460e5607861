"""``marsad eval ner CONLL_FILE``: exact-span P/R/F1 of the NER tagger."""
from __future__ import annotations

import argparse
import json
import sys
import time


def add_parser(eval_sub: argparse._SubParsersAction) -> None:
    p = eval_sub.add_parser(
        "ner",
        help="score the NER tagger on a CoNLL file (exact spans, conlleval semantics)",
        description="Read CONLL_FILE (token<space or tab>tag per line, blank line between sentences, "
        "BIO tags over PERS/LOC/ORG/MISC; PER is read as PERS), tag its token sequences and print "
        "exact-span precision, recall and F1 per type and micro-averaged.",
    )
    p.add_argument("conll", metavar="CONLL_FILE", help="gold file")
    p.add_argument("--json", action="store_true", help='print {"micro": {...}, "per_type": {...}} as JSON')
    p.add_argument("--model", metavar="PATH", default=None, help="a .crfsuite model (default: the shipped one)")
    p.add_argument("--scheme", choices=["anercorp", "newsfane", "general"], default="anercorp",
                   help="annotation conventions to tag with (default anercorp, the conventions of ANERcorp-style "
                   "CoNLL benchmarks; the pipeline itself uses newsfane, where ministries and agencies are ORG)")
    p.add_argument("--predictions", metavar="PATH", default=None,
                   help="also write token gold predicted lines (CoNLL) to PATH")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from marsad.ner.conll import ConllStats, read_conll
    from marsad.ner.crf import NerTagger
    from marsad.ner.scoring import Score

    stats = ConllStats()
    try:
        sents = read_conll(args.conll, stats=stats)
    except OSError as exc:
        print(f"marsad: {args.conll}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except UnicodeDecodeError as exc:
        print(f"marsad: {args.conll}: not UTF-8 text ({exc.reason})", file=sys.stderr)
        return 1
    try:
        tagger = NerTagger.load(args.model, scheme=args.scheme)
    except (OSError, ValueError) as exc:
        print(f"marsad: cannot load NER model: {exc}", file=sys.stderr)
        return 1
    score = Score()
    t0 = time.perf_counter()
    preds = tagger.tag_many([s.tokens for s in sents])
    for s, pred in zip(sents, preds):
        score.add(s.tags, pred)
    secs = time.perf_counter() - t0
    if args.predictions:
        with open(args.predictions, "w", encoding="utf-8") as fh:
            for s, pred in zip(sents, preds):
                for tok, g, p in zip(s.tokens, s.tags, pred):
                    fh.write(f"{tok} {g} {p}\n")
                fh.write("\n")
    if args.json:
        out = score.as_dict()
        out["sentences"] = len(sents)
        out["model"] = str(tagger.model_path)
        out["scheme"] = tagger.scheme
        print(json.dumps(out, ensure_ascii=False))
    else:
        print(f"{args.conll}: {len(sents)} sentences, {score.tokens} tokens, scheme {tagger.scheme} "
              f"({score.tokens / secs:,.0f} tokens/s)" if secs > 0 else args.conll)
        if stats.unknown_types:
            print("types read as O: " + ", ".join(f"{k} ({v})" for k, v in sorted(stats.unknown_types.items())))
        print(score.table())
    return 0
