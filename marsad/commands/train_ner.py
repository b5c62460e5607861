"""``marsad train ner``: rebuild the shipped NER model from the public corpora.

Development-time only: it reads ``../shared/eval/ner`` (or ``--data DIR``)
and needs gensim, scikit-learn and wordfreq besides python-crfsuite::

    pip install gensim scikit-learn wordfreq
    PYTHONHASHSEED=0 marsad train ner            # writes marsad/models/ner.crfsuite + ner.lex.tsv
    PYTHONHASHSEED=0 marsad train ner --dev      # hold out the ANERcorp dev part and score it

The ANERcorp *test* file is never read here; score it with ``marsad eval ner``.

By default the model gets a document-level second pass (``--doc-window``,
see :mod:`marsad.ner.doc`): two extra models are trained on halves of the
data to produce held-out first-pass tags (jackknife), and the final model is
trained on every sentence twice, so training takes about three times as long
as with ``--doc-window 0``.
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path


def _default_out() -> Path:
    import marsad.models

    return Path(marsad.models.__file__).resolve().parent / "ner.crfsuite"


def _doc_window() -> int:
    from marsad.ner.doc import WINDOW

    return WINDOW


def add_parser(train_sub: argparse._SubParsersAction) -> None:
    p = train_sub.add_parser(
        "ner",
        help="train the CRF named-entity tagger (development time; needs the eval corpora)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--data", metavar="DIR", default=None,
                   help="folder holding anercorp_camellab/, newsfane_gold/, aqmar/, wikifane_gold/ "
                   "(default: ../shared/eval/ner next to the repository)")
    p.add_argument("--out", metavar="PATH", default=None,
                   help="model file to write (default: marsad/models/ner.crfsuite); the word table "
                   "goes next to it as NAME.lex.tsv")
    p.add_argument("--corpora", default="anercorp,newsfane",
                   help="labelled corpora to train on, comma-separated, from anercorp, newsfane, aqmar, "
                   "wikifane (default: anercorp,newsfane)")
    p.add_argument("--cluster-corpora", default="anercorp,newsfane,aqmar,wikifane",
                   help="corpora whose running text (labels unused) trains the word clusters")
    p.add_argument("--news", metavar="DIR", default=None,
                   help="extra unlabelled JSONL articles (field 'content') for the word clusters; "
                   "mind the license of that text: the cluster table ships inside the model")
    p.add_argument("--lex", metavar="PATH", default=None,
                   help="reuse this word table (.lex.tsv) instead of training clusters")
    p.add_argument("--dev", action="store_true",
                   help="hold out the last sentences of the ANERcorp train file as dev and print its score")
    p.add_argument("--c1", type=float, default=0.1, help="L1 penalty (default 0.1; prunes features)")
    p.add_argument("--c2", type=float, default=0.05, help="L2 penalty (default 0.05)")
    p.add_argument("--iterations", type=int, default=200, help="L-BFGS iterations (default 200)")
    p.add_argument("--min-freq", type=int, default=1, help="drop attributes seen fewer times (default 1)")
    p.add_argument("--no-lexicons", action="store_true", help="train without the actor/title/nationality features")
    p.add_argument("--no-domains", action="store_true", help="no per-corpus feature copies (domain adaptation)")
    p.add_argument("--doc-window", type=int, default=None, metavar="N",
                   help="train the document-level second pass, which sees the first-pass tags of N sentences "
                   "either side (default %d; 0: no second pass). Costs two extra trainings (jackknife) and "
                   "doubles the last one" % _doc_window())
    p.add_argument("--workers", type=int, default=2,
                   help="word2vec threads (default 2). With 1 (and PYTHONHASHSEED=0) the word clusters, and so "
                   "the model, come out the same on every run; with more they vary with thread scheduling, "
                   "which moves dev F1 by about half a point")
    p.add_argument("--dedup", choices=("none", "dev", "all"), default="none",
                   help="drop the other corpora's copies of ANERcorp sentences (NewsFANE re-annotates about "
                   "half of the ANERcorp train file): 'dev' the held-out slice only, 'all' the whole train "
                   "file (default none)")
    p.add_argument("--harmonize", default="", metavar="CORPORA",
                   help="comma-separated corpora whose labels are moved to ANERcorp's conventions word by "
                   "word (currencies, religions, ...; see marsad.ner.train.harmonize)")
    p.add_argument("--trim-nationalities", action="store_true",
                   help="with --harmonize: names of a type that ANERcorp ends before a nationality adjective "
                   "(ORG) lose a final one in the harmonized corpora")
    p.add_argument("--trim-edges", action="store_true",
                   help="with --harmonize: words that ANERcorp keeps outside names (مسجد, شركة, قطاع, a closing "
                   "quote, ...) leave the names' edges in the harmonized corpora")
    p.add_argument("-q", "--quiet", action="store_true")
    p.set_defaults(func=run)


def _names(text: str) -> list[str]:
    """The corpus names of a comma-separated option ("anercorp,newsfane")."""
    return [c.strip() for c in text.split(",") if c.strip()]


def run(args: argparse.Namespace) -> int:
    from marsad.ner import train as T

    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO,
                        format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    for noisy in ("gensim", "smart_open"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    data = Path(args.data) if args.data else T.default_data_dir()
    out = Path(args.out) if args.out else _default_out()
    if not data.is_dir():
        print(f"marsad: NER training data not found at {data}; pass --data DIR "
              "(the folder with anercorp_camellab/, newsfane_gold/, …)", file=sys.stderr)
        return 2
    corpora, clusters, harm = _names(args.corpora), _names(args.cluster_corpora), _names(args.harmonize)
    bad = [c for c in corpora + clusters + harm if c not in T.CORPORA]
    if bad:
        print(f"marsad: unknown corpus {bad[0]!r}; known: {', '.join(T.CORPORA)}", file=sys.stderr)
        return 2
    try:
        result = T.train(
            data, out, corpora=corpora, cluster_corpora=clusters,
            news_dir=Path(args.news) if args.news else None,
            lex=Path(args.lex) if args.lex else None, dev=args.dev,
            c1=args.c1, c2=args.c2, iterations=args.iterations, min_freq=args.min_freq,
            lexicons=not args.no_lexicons, domains=not args.no_domains,
            doc_window=_doc_window() if args.doc_window is None else args.doc_window,
            workers=args.workers, dedup=args.dedup,
            harmonized=harm,
            trim_nationalities=args.trim_nationalities, trim_edges=args.trim_edges,
        )
    except T.DataMissing as exc:
        print(f"marsad: {exc}", file=sys.stderr)
        return 2
    except RuntimeError as exc:
        print(f"marsad: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB) and {result['lex']} "
          f"in {result['seconds'] / 60:.1f} min; {result['tokens']:,} training tokens")
    if result.get("dev") is not None:
        print("ANERcorp dev (held out):")
        print(result["dev"].table())
    return 0

