"""``marsad eval events [--data DIR]``: event detection against the OEDA Arabic GSR.

The Open Event Data Alliance's Arabic event gold standard
(``openeventdata/arabic_event_gsr``) labels news sentences for two PLOVER
types, ASSAULT and PROTEST (``assault_gsr.csv``, ``protest_gsr.csv``: columns
``id``, ``text``, ``label`` = yes / easy no / difficult no / ambiguous), and
gives the consensus source/verb/target tokens of the positive sentences
(``*_spans.json``: ``source`` = sentence id, ``source_gold``, ``target_gold``).

Scoring:

* **detection** — each sentence is run through the whole pipeline as a
  document of its own; it is predicted positive for a type when the pipeline
  emits a non-negated event of that type.  Gold "yes" is positive, "easy no"
  and "difficult no" are negative, "ambiguous" is left out.  Precision, recall
  and F1 per type.
* **false positives by label** — ``fp_by_label``: how many false positives the
  annotators split on ("difficult no": at least one accepted the sentence) and how
  many they rejected unanimously ("easy no").
* **source / target agreement** — on gold-positive sentences whose consensus
  source (target) is non-empty: the fraction where one of our events of that
  type has a source (target) phrase sharing a word with the gold tokens
  (words compared after normalization, proclitics and article dropped); an
  attack's ``victims_text`` ("قتل 5 في غارة على موقع") counts as its target side.
  ``agree`` counts only sentences where we found an event of the type;
  ``recall`` counts all of them.

The sentences are split in two halves by a hash of their id (``dev``: even
MD5, ``test``: odd); scores are printed for each half and for all.  Lexicon
work should look at ``dev`` errors only (``--errors FILE --split dev``) and
report ``test`` as the held-out figure.  The events report filter
(``marsad/models/events_filter.json``) was trained on the dev half, so with it
on the ``dev`` scores are fit, not generalization; ``--no-filter`` scores the
rules alone.
"""
from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

TYPES = ("ASSAULT", "PROTEST")
POSITIVE = "yes"
NEGATIVE = ("easy no", "difficult no")
DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "events" / "arabic_event_gsr"


def add_parser(eval_sub: argparse._SubParsersAction) -> None:
    p = eval_sub.add_parser(
        "events",
        help="ASSAULT/PROTEST sentence detection and source/target agreement on the OEDA Arabic event GSR",
        description="Run the pipeline on each sentence of the OEDA Arabic event gold standard "
        "(assault_gsr.csv, protest_gsr.csv and their *_spans.json) and print precision, recall and F1 "
        "of sentence-level ASSAULT and PROTEST detection, and how often our event's source/target "
        "overlaps the consensus source/target, for the dev and test halves.",
    )
    p.add_argument("--data", metavar="DIR", type=Path, default=None,
                   help=f"folder with *_gsr.csv and *_spans.json (default: {DEFAULT_DATA})")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--split", choices=("all", "dev", "test"), default="all",
                   help="score only this half (default: both halves and all)")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="first N sentences of each file only")
    p.add_argument("--errors", metavar="FILE", type=Path, default=None,
                   help="write false positives/negatives (TSV: type, split, kind, id, triggers, text) to FILE; "
                        "keep it outside the repository, the sentences are the GSR's")
    p.add_argument("--no-model", action="store_true", help="entities from the dictionary only (faster)")
    p.add_argument("--no-filter", action="store_true",
                   help="rules only: turn off the events report filter (marsad/models/events_filter.json, "
                        "trained on the dev half)")
    p.add_argument("--cameo18", action="store_true",
                   help="count only ASSAULT events with CAMEO root 18: the GSR was coded in the 2018 PLOVER, "
                        "where conventional military force (CAMEO 19-20: air strikes, shelling, clashes) was FIGHT")
    p.set_defaults(func=run)


def split_of(sid: str) -> str:
    """``dev`` or ``test``: a stable half of the data by the sentence id."""
    return "dev" if int(hashlib.md5(sid.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "test"


def find_data(path: Path | None) -> Path:
    """The folder holding the GSR files (``path`` may also be its ``eval`` ancestor)."""
    base = path or DEFAULT_DATA
    for cand in (base, base / "arabic_event_gsr", base / "events" / "arabic_event_gsr"):
        if cand.is_dir() and any((cand / f"{t.lower()}_gsr.csv").is_file() for t in TYPES):
            return cand
    raise FileNotFoundError(
        f"no OEDA event gold standard under {base} (expected assault_gsr.csv / protest_gsr.csv; "
        "get openeventdata/arabic_event_gsr and pass --data DIR)")


def read_gsr(path: Path, limit: int | None = None) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = []
        for row in csv.DictReader(fh):
            if "text" not in row or "label" not in row or "id" not in row:
                raise ValueError(f"{path}: expected columns id, text, label")
            rows.append(row)
            if limit is not None and len(rows) >= limit:
                break
    return rows


def read_spans(path: Path) -> dict[str, dict[str, Any]]:
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    out = {}
    for rec in data if isinstance(data, list) else []:
        sid = rec.get("source") or rec.get("id")
        if sid:
            out[str(sid)] = rec
    return out


def _keys(word: str) -> set[str]:
    from marsad.text.normalize import fold
    from marsad.text.segment import split_article

    n = fold(word)
    keys = {n, split_article(n)[1]}
    if len(n) >= 4 and n[0] in "وفبلك":
        keys.add(n[1:])
        keys.add(split_article(n[1:])[1])
    return {k for k in keys if len(k) >= 2}


def overlaps(ours: str | None, gold: str) -> bool:
    """Do two phrases share a word (after normalization and clitic stripping)?"""
    if not ours or not gold:
        return False
    import re

    split = re.compile(r"[^\w\u0600-\u06FF]+")
    mine: set[str] = set()
    for w in split.split(ours):
        if w:
            mine |= _keys(w)
    for w in split.split(gold):
        if w and _keys(w) & mine:
            return True
    return False


class _Counts:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = self.tn = 0
        self.fp_by_label: dict[str, int] = {}
        self.src_n = self.src_found = self.src_ok = 0
        self.tgt_n = self.tgt_found = self.tgt_ok = 0

    def as_dict(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "gold_positive": self.tp + self.fn, "gold_negative": self.fp + self.tn,
            "tp": self.tp, "fp": self.fp, "fn": self.fn, "fp_by_label": dict(sorted(self.fp_by_label.items())),
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "source": {"gold": self.src_n, "detected": self.src_found, "overlap": self.src_ok,
                       "agree": round(self.src_ok / self.src_found, 4) if self.src_found else None,
                       "recall": round(self.src_ok / self.src_n, 4) if self.src_n else None},
            "target": {"gold": self.tgt_n, "detected": self.tgt_found, "overlap": self.tgt_ok,
                       "agree": round(self.tgt_ok / self.tgt_found, 4) if self.tgt_found else None,
                       "recall": round(self.tgt_ok / self.tgt_n, 4) if self.tgt_n else None},
        }


def evaluate(data: Path, split: str = "all", limit: int | None = None, errors=None,
             pipeline=None, cameo18: bool = False) -> dict[str, Any]:
    """Score the pipeline on the GSR folder ``data``; see the module docstring."""
    if pipeline is None:
        from marsad.pipeline import Pipeline

        pipeline = Pipeline()
    cache: dict[str, list[dict[str, Any]]] = {}
    result: dict[str, Any] = {"data": str(data), "split_rule": "md5(id) even = dev, odd = test",
                              "assault": "CAMEO 18 only" if cameo18 else "any ASSAULT event", "types": {}}
    n_docs = 0
    t0 = time.perf_counter()
    for etype in TYPES:
        csv_path = data / f"{etype.lower()}_gsr.csv"
        if not csv_path.is_file():
            continue
        rows = read_gsr(csv_path, limit)
        spans = read_spans(data / f"{etype.lower()}_spans.json")
        counts = {"dev": _Counts(), "test": _Counts(), "all": _Counts()}
        skipped = 0
        for row in rows:
            label = (row.get("label") or "").strip().lower()
            if label == POSITIVE:
                gold = True
            elif label in NEGATIVE:
                gold = False
            else:
                skipped += 1
                continue
            sid = row["id"].strip()
            half = split_of(sid)
            if split != "all" and half != split:
                continue
            text = row["text"]
            events = cache.get(text)
            if events is None:
                doc = pipeline(text)
                events = doc.events
                cache[text] = events
                n_docs += 1
            mine = [e for e in events if e.get("type") == etype and not e.get("negated")
                    and (etype != "ASSAULT" or not cameo18 or str(e.get("cameo", "18")).startswith("18"))]
            pred = bool(mine)
            span = spans.get(sid) if gold else None
            for key in (half, "all"):
                c = counts[key]
                if gold and pred:
                    c.tp += 1
                elif gold:
                    c.fn += 1
                elif pred:
                    c.fp += 1
                    c.fp_by_label[label] = c.fp_by_label.get(label, 0) + 1
                else:
                    c.tn += 1
                if span is not None:
                    for role, attr in (("source", "src"), ("target", "tgt")):
                        g = (span.get(f"{role}_gold") or "").strip()
                        if not g:
                            continue
                        setattr(c, f"{attr}_n", getattr(c, f"{attr}_n") + 1)
                        if pred:
                            setattr(c, f"{attr}_found", getattr(c, f"{attr}_found") + 1)
                            if any(overlaps(e.get(f"{role}_text"), g)
                                   or (role == "target" and overlaps(e.get("victims_text"), g)) for e in mine):
                                setattr(c, f"{attr}_ok", getattr(c, f"{attr}_ok") + 1)
            if errors is not None and gold != pred:
                kind = "FN" if gold else "FP"
                trig = "|".join(e.get("trigger", "") for e in mine)
                errors.write(f"{etype}\t{half}\t{kind}\t{sid}\t{trig}\t{' '.join(text.split())}\n")
        halves = ("dev", "test", "all") if split == "all" else (split,)
        result["types"][etype] = {h: counts[h].as_dict() for h in halves}
        result["types"][etype]["ambiguous_left_out"] = skipped
    secs = time.perf_counter() - t0
    result["documents"] = n_docs
    result["seconds"] = round(secs, 2)
    return result


def table(result: dict[str, Any]) -> str:
    lines = [f"OEDA Arabic event GSR: {result['data']}",
             (f"{result['documents']} sentences run through the pipeline in {result['seconds']} s; "
             f"halves by {result['split_rule']}; ASSAULT = {result['assault']}"),
             "",
             (f"{'type':<8} {'half':<5} {'gold+':>5} {'gold-':>5} {'TP':>4} {'FP':>4} {'FN':>4} "
             f"{'P':>6} {'R':>6} {'F1':>6}   {'source agree/recall (n)':<26} {'target agree/recall (n)':<26} "
             f"{'FP difficult/easy no':<20}")]

    def fmt(x):
        return "  -  " if x is None else f"{x:.3f}"

    for etype, per in result["types"].items():
        for half, d in per.items():
            if not isinstance(d, dict):
                continue
            s, t = d["source"], d["target"]
            lines.append(
                f"{etype:<8} {half:<5} {d['gold_positive']:>5} {d['gold_negative']:>5} {d['tp']:>4} {d['fp']:>4} "
                f"{d['fn']:>4} {d['precision']:>6.3f} {d['recall']:>6.3f} {d['f1']:>6.3f}   "
                f"{fmt(s['agree'])}/{fmt(s['recall'])} ({s['gold']:>3}){'':<9} "
                f"{fmt(t['agree'])}/{fmt(t['recall'])} ({t['gold']:>3}){'':<9} "
                f"{d['fp_by_label'].get('difficult no', 0)}/{d['fp_by_label'].get('easy no', 0)}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    try:
        data = find_data(args.data)
    except FileNotFoundError as exc:
        print(f"marsad: {exc}", file=sys.stderr)
        return 2
    from marsad.pipeline import Pipeline

    pipeline = None
    if args.no_model or args.no_filter:
        from marsad.extract import default_extractors
        from marsad.pipeline import _text_components

        opts = {}
        if args.no_model:
            opts["use_model"] = False
        if args.no_filter:
            opts["report_filter"] = False
        pipeline = Pipeline(_text_components() + default_extractors(**opts))
    else:
        pipeline = Pipeline()
    try:
        with contextlib.ExitStack() as stack:
            err = stack.enter_context(open(args.errors, "w", encoding="utf-8")) if args.errors else None
            result = evaluate(data, args.split, args.limit, err, pipeline, cameo18=args.cameo18)
    except (OSError, ValueError) as exc:
        print(f"marsad: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print(table(result))
    return 0
