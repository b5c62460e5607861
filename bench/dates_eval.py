#!/usr/bin/env python3
"""Publication-date accuracy and cost of :class:`marsad.extract.dates.DateExtractor`.

Usage::

    python bench/dates_eval.py                  # seeds, examples, SaudiNewsNet (all)
    python bench/dates_eval.py --limit 2000     # first 2,000 corpus articles
    python bench/dates_eval.py --timing 500     # ms/article over 500 corpus articles
    python bench/dates_eval.py --show-errors

Three sets, each read without any metadata date, so the date must come from
the text:

* **seeds** (``../shared/seeds``): only 001 states a date ("الثلاثاء ٠٥ ديسمبر
  ٢٠٢٣"); the others have none and must get ``None``, not a date from their
  body ("(11 آذار 2021)", "يوم أمس الجمعة").
* **examples** (``examples/``): each opens with a dateline.  The expected date
  comes from ``tests/gold/examples/<name>.json`` ("published") when such a
  file exists, else from the table below (read off each dateline by hand).
* **SaudiNewsNet** (``../shared/eval/news_corpus/saudinewsnet/jsonl``):
  ``date_extracted`` (crawl time; the README says it is the authoring date
  for articles crawled after 2015-08-01) is compared with the extracted date
  only for articles whose text states a date on a date line.  How many
  articles have one is reported, with a rough independent count of articles
  that state a full date anywhere in their first three lines, so a missed
  dateline shows up.

Nothing from the corpus is written anywhere.
"""
from __future__ import annotations

import argparse
import glob
import json
import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "eval" / "news_corpus" / "saudinewsnet" / "jsonl"
EXAMPLES = REPO / "examples"
GOLD_EXAMPLES = REPO / "tests" / "gold" / "examples"

#: seed file prefix -> publication date stated in its text (None: states none)
SEED_GOLD = {"000": None, "001": "2023-12-05", "002": None, "003": None, "004": None}

#: example file prefix -> the date on its dateline (used when no gold JSON has one)
EXAMPLE_GOLD = {
    "01": "2024-02-14",  # الأربعاء ١٤ فبراير ٢٠٢٤
    "02": "2024-01-28",  # القاهرة - 28 كانون الثاني/يناير 2024
    "03": "2024-03-10",  # الأحد 10 مارس 2024
    "04": "2025-09-16",  # بيروت (16 أيلول 2025)
    "05": "2024-04-21",  # الرياض 12 شوال 1445 هـ الموافق 21 أبريل 2024 م (واس)
    "06": "2024-07-14",  # البصرة - 14 تموز/يوليو 2024
    "07": "2024-03-10",  # صنعاء - الأحد 29 شعبان 1445هـ الموافق 10 مارس 2024م
}

# a loose, independent "states a full date" test for the first lines of an article
_LOOSE = re.compile(
    r"\d{1,2} *(?:من +)?[^\W\d_]+(?: +[^\W\d_]+)? *(?:[/(]? *[^\W\d_]+ *\)?)? *[،,]? *\d{4}"
    r"|\d{4} *[/\-.] *\d{1,2} *[/\-.] *\d{1,2}|\d{1,2} *[/\-.] *\d{1,2} *[/\-.] *\d{4}"
)


def _pipeline():
    from marsad.extract.dates import DateExtractor
    from marsad.pipeline import Pipeline

    return Pipeline(extract=False), DateExtractor()


def _extract(text_steps, dates, text: str):
    from marsad.document import Document

    doc = text_steps(Document(raw_text=text))
    return dates(doc)


def _gold_for_example(path: Path) -> str | None:
    gold = GOLD_EXAMPLES / (path.stem + ".json")
    if gold.exists():
        try:
            data = json.loads(gold.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("published"):
                return str(data["published"])[:10]
        except (OSError, ValueError):
            pass
    return EXAMPLE_GOLD.get(path.name[:2])


def eval_files(label: str, files: list[tuple[Path, str | None]], show: bool) -> dict:
    text_steps, dates = _pipeline()
    c = Counter()
    for path, gold in files:
        doc = _extract(text_steps, dates, path.read_text(encoding="utf-8"))
        got = doc.published
        c["articles"] += 1
        c["with_date" if gold else "without_date"] += 1
        ok = got == gold
        c["correct"] += ok
        if gold and got == gold:
            c["found_correct"] += 1
        if not ok and show:
            print(f"  {label} {path.name}: expected {gold}, got {got}")
    acc = c["correct"] / c["articles"] if c["articles"] else 0.0
    print(f"{label}: {c['articles']} articles ({c['with_date']} state a date, {c['without_date']} do not); "
          f"correct {c['correct']}/{c['articles']} = {acc:.1%}")
    return dict(c)


def corpus_records(limit: int | None):
    n = 0
    for f in sorted(glob.glob(str(CORPUS / "*.jsonl"))):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                if limit is not None and n >= limit:
                    return
                rec = json.loads(line)
                if not (rec.get("content") or "").strip():
                    continue
                n += 1
                yield rec


def eval_corpus(limit: int | None, show: bool) -> dict:
    text_steps, dates = _pipeline()
    c = Counter()
    by_source = Counter()
    shown = 0
    for rec in corpus_records(limit):
        c["articles"] += 1
        content = rec["content"]
        first3 = [ln for ln in content.split("\n") if ln.strip()][:3]
        from marsad.text.normalize import normalize

        if _LOOSE.search(normalize("\n".join(first3))):
            c["loose_date_in_first_3_lines"] += 1
        doc = _extract(text_steps, dates, content)
        if not doc.published:
            continue
        c["dateline"] += 1
        by_source[rec.get("source")] += 1
        truth = (rec.get("date_extracted") or "")[:10]
        if not truth:
            continue
        c["compared"] += 1
        delta = abs((date.fromisoformat(doc.published) - date.fromisoformat(truth)).days)
        c["exact"] += delta == 0
        c["within_1_day"] += delta <= 1
        if delta > 1 and show and shown < 30:
            shown += 1
            s, e = doc.meta.get("published_span", (0, 0))
            print(f"  corpus {rec.get('source')}: crawled {truth}, got {doc.published} from {doc.text[s:e]!r}")
    n = c["compared"] or 1
    print(f"SaudiNewsNet: {c['articles']} articles; {c['dateline']} have a date line "
          f"({c['loose_date_in_first_3_lines']} mention some full date in their first 3 lines, "
          f"mostly inside body sentences); "
          f"compared {c['compared']}: exact {c['exact']} = {c['exact'] / n:.1%}, "
          f"within 1 day {c['within_1_day']} = {c['within_1_day'] / n:.1%}")
    if by_source:
        print("  date lines by source: " + ", ".join(f"{k} {v}" for k, v in by_source.most_common()))
    return dict(c)


def timing(n: int) -> dict:
    """ms/article of the dates component alone over ``n`` corpus articles (one core)."""
    from marsad.document import Document

    text_steps, dates = _pipeline()
    docs = [text_steps(Document(raw_text=r["content"])) for r in corpus_records(n)]
    if not docs:
        return {}
    for d in docs[:20]:  # warm the lexicon and caches
        dates(d)
    best = None
    for _ in range(3):
        for d in docs:
            d.published = None
            d.meta.clear()
        t0 = time.perf_counter()
        for d in docs:
            dates(d)
        el = time.perf_counter() - t0
        best = el if best is None else min(best, el)
    chars = sum(len(d.text) for d in docs) / len(docs)
    exprs = sum(len(d.meta["dates"]) for d in docs) / len(docs)
    ms = best * 1000 / len(docs)
    print(f"timing: dates component {ms:.3f} ms/article over {len(docs)} SaudiNewsNet articles "
          f"(avg {chars:.0f} chars, {exprs:.1f} date expressions each; best of 3)")
    return {"ms_per_article": ms, "articles": len(docs)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="corpus articles to evaluate (default all)")
    ap.add_argument("--timing", type=int, default=500, help="corpus articles to time (0: skip)")
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON at the end")
    args = ap.parse_args(argv)

    report = {}
    if SEEDS.is_dir():
        files = [(p, SEED_GOLD.get(p.name[:3])) for p in sorted(SEEDS.glob("*.txt"))]
        report["seeds"] = eval_files("seeds", files, args.show_errors)
    else:
        print("seeds: not found, skipped")
    ex = sorted(EXAMPLES.glob("*.txt"))
    if ex:
        report["examples"] = eval_files("examples", [(p, _gold_for_example(p)) for p in ex], args.show_errors)
    else:
        print("examples: none yet, skipped")
    if CORPUS.is_dir():
        report["saudinewsnet"] = eval_corpus(args.limit, args.show_errors)
        if args.timing:
            report["timing"] = timing(args.timing)
    else:
        print("SaudiNewsNet: not found, skipped")
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
