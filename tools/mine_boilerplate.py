#!/usr/bin/env python3
"""Mine candidate boilerplate lines from a news corpus, for a maintainer to review.

Site boilerplate ("اقرأ أيضا", "/انتهى/", share bars, "الأكثر قراءة", tag lists)
is text that recurs across *many* articles, usually of one outlet, usually as a
short line near the end.  This tool counts, over a corpus:

* whole lines (in match form, digits masked to ``0`` so "10:17 ت م" and
  "11:02 ت م" count together);
* line prefixes (the first 1–3 words of a line), also reported at any line
  length when they sit at the end of the article (footers, glued link lists);
* line suffixes (the last 1–2 words; tag lists glued to the last paragraph);

and reports those that occur in at least ``--min-docs`` distinct articles, with the
number of outlets, the count per outlet, the mean length in words of the lines
carrying them, how many *different* lines share a prefix (a prefix such as
"اقرأ أيضا" is followed by many headlines; a prefix such as "وقال" too, but on
long lines — that is news, not boilerplate) and where in the article they sit.

Nothing is written into the project: the output is a review list.  Reviewed,
general patterns go by hand into ``marsad/lexicons/boilerplate.yaml``.

Usage::

    python tools/mine_boilerplate.py                       # SaudiNewsNet default
    python tools/mine_boilerplate.py --jsonl DIR_OR_FILE --txt FOLDER --min-docs 5
    python tools/mine_boilerplate.py --json > candidates.json

Inputs: JSON Lines files with a ``content`` (or ``text``) field and an optional
``source`` (outlet) field, and/or folders of ``.txt`` files (the outlet is then
the parent folder name).  Articles with identical content are counted once.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

try:
    from marsad.text.normalize import fold
except ImportError:  # run from a checkout without the package installed
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from marsad.text.normalize import fold

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared/eval/news_corpus/saudinewsnet/jsonl"

_PUNCT = re.compile(r"[^\w\s]|_")
_DIGITS = re.compile(r"\d+")


def line_key(line: str) -> str:
    """Match form, punctuation removed, digit runs masked, spaces collapsed."""
    return " ".join(_DIGITS.sub("0", _PUNCT.sub(" ", fold(line))).split())


@dataclass
class Stat:
    docs: int = 0
    outlets: Counter = field(default_factory=Counter)
    words: int = 0           # total words of the lines that carry it
    lines: int = 0
    variants: set = field(default_factory=set)  # distinct full lines (capped)
    tail: int = 0            # occurrences in the last 3 non-empty lines
    head: int = 0            # occurrences in the first 2 non-empty lines
    example: str = ""

    def add(self, outlet: str, key: str, raw: str, pos: int, n: int) -> None:
        self.lines += 1
        self.words += len(key.split())
        if len(self.variants) < 200:
            self.variants.add(key)
        if pos >= n - 3:
            self.tail += 1
        if pos < 2:
            self.head += 1
        if not self.example:
            self.example = raw.strip()[:120]


def iter_articles(jsonl: list[Path], txt: list[Path]) -> Iterator[tuple[str, str]]:
    """(outlet, content) pairs."""
    for p in jsonl:
        files = sorted(p.glob("*.jsonl")) if p.is_dir() else [p]
        for f in files:
            with f.open(encoding="utf-8") as fh:
                for line in fh:
                    if not line.strip():
                        continue
                    rec = json.loads(line)
                    content = rec.get("content") or rec.get("text") or ""
                    yield (rec.get("source") or f.stem), content
    for p in txt:
        files = sorted(p.rglob("*.txt")) if p.is_dir() else [p]
        for f in files:
            yield f.parent.name, f.read_text(encoding="utf-8", errors="replace")


def mine(articles, max_words: int = 12) -> tuple[dict, dict, dict, Counter, int]:
    """Count lines, prefixes and suffixes per distinct article."""
    lines: dict[str, Stat] = defaultdict(Stat)
    prefixes: dict[str, Stat] = defaultdict(Stat)
    suffixes: dict[str, Stat] = defaultdict(Stat)
    outlets: Counter = Counter()
    seen: set[bytes] = set()
    n_docs = 0
    for outlet, content in articles:
        h = hashlib.blake2b(content.encode("utf-8"), digest_size=12).digest()
        if h in seen or not content.strip():
            continue
        seen.add(h)
        n_docs += 1
        outlets[outlet] += 1
        raw_lines = [x for x in content.replace("\r", "\n").split("\n") if x.strip()]
        n = len(raw_lines)
        done_l: set[str] = set()
        done_p: set[str] = set()
        done_s: set[str] = set()
        for pos, raw in enumerate(raw_lines):
            key = line_key(raw)
            if not key:
                continue
            words = key.split()
            if len(words) <= max_words and key not in done_l:
                done_l.add(key)
                st = lines[key]
                st.docs += 1
                st.outlets[outlet] += 1
                st.add(outlet, key, raw, pos, n)
            for k in (1, 2, 3):
                if len(words) > k:
                    p = " ".join(words[:k])
                    if p not in done_p:
                        done_p.add(p)
                        st = prefixes[p]
                        st.docs += 1
                        st.outlets[outlet] += 1
                        st.add(outlet, key, raw, pos, n)
            if pos >= n - 2:  # suffixes only on the last lines: glued tag lists
                for k in (1, 2):
                    if len(words) > k:
                        s = " ".join(words[-k:])
                        if s not in done_s:
                            done_s.add(s)
                            st = suffixes[s]
                            st.docs += 1
                            st.outlets[outlet] += 1
                            st.add(outlet, key, raw, pos, n)
    return lines, prefixes, suffixes, outlets, n_docs


def rank(stats: dict[str, Stat], min_docs: int, max_mean_words: float, min_share: float,
         outlets: Counter, top: int) -> list[dict]:
    """Candidates: frequent, short on average, and concentrated in some outlet.

    ``min_share``: the share of an outlet's articles that must carry the item in
    that outlet (boilerplate is systematic per site; ordinary words are spread thin).
    """
    rows = []
    for key, st in stats.items():
        if st.docs < min_docs:
            continue
        mean_words = st.words / max(st.lines, 1)
        if mean_words > max_mean_words:
            continue
        best_outlet, best = st.outlets.most_common(1)[0]
        share = best / max(outlets[best_outlet], 1)
        if share < min_share:
            continue
        rows.append({
            "key": key,
            "docs": st.docs,
            "n_outlets": len(st.outlets),
            "per_outlet": dict(st.outlets.most_common()),
            "top_outlet_share": round(share, 3),
            "mean_words": round(mean_words, 1),
            "variants": len(st.variants),
            "tail_share": round(st.tail / max(st.lines, 1), 2),
            "head_share": round(st.head / max(st.lines, 1), 2),
            "example": st.example,
        })
    rows.sort(key=lambda r: (-r["n_outlets"], -r["docs"]))
    return rows[:top]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jsonl", action="append", type=Path, default=[],
                    help="JSONL file or folder (default: the SaudiNewsNet corpus)")
    ap.add_argument("--txt", action="append", type=Path, default=[], help="folder of .txt articles")
    ap.add_argument("--min-docs", type=int, default=8, help="minimum distinct articles (default 8)")
    ap.add_argument("--min-share", type=float, default=0.02,
                    help="minimum share of its top outlet's articles (default 0.02)")
    ap.add_argument("--max-words", type=float, default=8.0,
                    help="maximum mean words of the lines carrying a prefix/suffix (default 8)")
    ap.add_argument("--top", type=int, default=60)
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = ap.parse_args(argv)

    jsonl = args.jsonl or ([] if args.txt else [DEFAULT_CORPUS])
    for p in jsonl + args.txt:
        if not p.exists():
            ap.error(f"not found: {p}")
    lines, prefixes, suffixes, outlets, n_docs = mine(iter_articles(jsonl, args.txt))
    tail_prefixes = {k: st for k, st in prefixes.items() if st.tail >= 0.8 * st.lines}
    report = {
        "articles": n_docs,
        "outlets": dict(outlets.most_common()),
        "lines": rank(lines, args.min_docs, 99, args.min_share, outlets, args.top),
        "prefixes": rank(prefixes, args.min_docs, args.max_words, args.min_share, outlets, args.top),
        # any length, but nearly always on the last lines: footers, glued link lists
        "tail_prefixes": rank(tail_prefixes, args.min_docs, 999, args.min_share, outlets, args.top),
        "suffixes": rank(suffixes, args.min_docs, 99, args.min_share, outlets, args.top),
    }
    if args.json:
        json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print(f"{n_docs} distinct articles from {len(outlets)} outlets: "
          + ", ".join(f"{k} {v}" for k, v in outlets.most_common()))
    for section in ("lines", "prefixes", "tail_prefixes", "suffixes"):
        print(f"\n== recurring {section} (docs, outlets, mean words, variants, tail/head share)")
        for r in report[section]:
            per = " ".join(f"{k}:{v}" for k, v in list(r["per_outlet"].items())[:4])
            print(f"{r['docs']:5d} {r['n_outlets']:2d}o {r['mean_words']:5.1f}w {r['variants']:4d}v "
                  f"t{r['tail_share']:.2f} h{r['head_share']:.2f}  {r['key'][:60]:<60}  [{per}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
