#!/usr/bin/env python3
"""Train the events report filter (``marsad/models/events_filter.json``).

The filter (:class:`marsad.extract.events.ReportFilter`) decides, for an ASSAULT
or PROTEST verbal-noun mention that the rules could not tie to an actor, whether
its sentence reports the act as news or only mentions it.  It is a logistic
regression over :func:`marsad.extract.events.report_features`, trained here on
the **dev half only** of the OEDA Arabic event gold standard
(``openeventdata/arabic_event_gsr``, MIT license; halves as in ``marsad eval
events``: md5 of the sentence id even = dev).  The test half is never read.

Usage::

    .venv/bin/python tools/train_events_filter.py [--data DIR] [--out FILE] [--C 0.1]

Each dev sentence is run through the default pipeline with the filter off;
every non-negated event of the type becomes one training row labelled by the
sentence ("yes" = 1; "easy no" / "difficult no" = 0; "ambiguous" left out).
The decision threshold is chosen by 5-fold cross-validation over sentences, for
sentence-level F1 with the filter applied the way the pipeline applies it (to
events judged by ``ReportFilter.judges`` only).  Only weights of feature names
(trigger words and flags) are written, no sentence of the data.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

TYPES = ("ASSAULT", "PROTEST")


def collect(data: Path, limit: int | None = None) -> dict[str, list[tuple[str, bool, list[dict]]]]:
    """Per type: (sentence id, gold, events of the type) for the dev half."""
    from marsad.commands.eval_events import NEGATIVE, POSITIVE, read_gsr, split_of
    from marsad.extract import default_extractors
    from marsad.pipeline import Pipeline, _text_components

    pipeline = Pipeline(_text_components() + default_extractors(report_filter=False))
    out: dict[str, list[tuple[str, bool, list[dict]]]] = {}
    for etype in TYPES:
        path = data / f"{etype.lower()}_gsr.csv"
        if not path.is_file():
            continue
        rows = []
        for row in read_gsr(path, limit):
            label = (row.get("label") or "").strip().lower()
            if label != POSITIVE and label not in NEGATIVE:
                continue
            sid = row["id"].strip()
            if split_of(sid) != "dev":
                continue
            doc = pipeline(row["text"])
            evs = [e for e in doc.events if e.get("type") == etype and not e.get("negated")]
            rows.append((sid, label == POSITIVE, evs))
        out[etype] = rows
    return out


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def train(rows: list[tuple[str, bool, list[dict]]], C: float, min_df: int = 2, folds: int = 5):
    import hashlib

    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from marsad.extract.events import ReportFilter, report_features

    feats = [[report_features(e) for e in evs] for _sid, _g, evs in rows]
    df: dict[str, int] = {}
    for fs in feats:
        for f in {x for ev in fs for x in ev}:
            df[f] = df.get(f, 0) + 1
    vocab = {f for f, n in df.items() if n >= min_df}

    def fit(idx):
        X = [{f: v for f, v in ev.items() if f in vocab} for i in idx for ev in feats[i]]
        y = [rows[i][1] for i in idx for _ev in feats[i]]
        if len(set(y)) < 2:
            return None
        dv = DictVectorizer()
        model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(dv.fit_transform(X), y)
        w = dict(zip(dv.get_feature_names_out(), model.coef_[0]))
        return float(model.intercept_[0]), w

    def prob(m, ev_feats):
        b, w = m
        z = b + sum(w.get(f, 0.0) * v for f, v in ev_feats.items())
        return 1 / (1 + np.exp(-z))

    fold_of = [int(hashlib.md5(sid.encode()).hexdigest()[:8], 16) % folds for sid, _g, _e in rows]
    thresholds = [round(t, 2) for t in np.arange(0.2, 0.81, 0.05)]
    counts = {t: [0, 0, 0] for t in thresholds}
    for k in range(folds):
        m = fit([i for i in range(len(rows)) if fold_of[i] != k])
        if m is None:
            continue
        for i in (i for i in range(len(rows)) if fold_of[i] == k):
            _sid, gold, evs = rows[i]
            ps = [prob(m, feats[i][j]) if ReportFilter.judges(ev) else None for j, ev in enumerate(evs)]
            for t in thresholds:
                pred = any(p is None or p >= t for p in ps)
                c = counts[t]
                if pred and gold:
                    c[0] += 1
                elif pred:
                    c[1] += 1
                elif gold:
                    c[2] += 1
    best = max(thresholds, key=lambda t: (_f1(*counts[t]), -abs(t - 0.5)))
    final = fit(list(range(len(rows))))
    bias, w = final
    weights = {f: round(float(v), 4) for f, v in sorted(w.items()) if abs(v) >= 1e-3}
    return {"bias": round(bias, 4), "threshold": best, "cv_f1": round(_f1(*counts[best]), 4),
            "training_rows": sum(len(e) for e in feats), "weights": weights}


def main() -> int:
    from marsad.commands.eval_events import find_data

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=None, help="folder of the OEDA GSR files")
    ap.add_argument("--out", type=Path, default=REPO / "marsad" / "models" / "events_filter.json")
    ap.add_argument("--C", type=float, default=0.1, help="inverse L2 regularization strength (default 0.1)")
    ap.add_argument("--limit", type=int, default=None, help="first N rows of each file (for tests)")
    args = ap.parse_args()
    data = find_data(args.data)
    per_type = collect(data, args.limit)
    model = {
        "about": "Report filter of marsad.extract.events (ReportFilter): logistic regression weights over "
                 "report_features(); see events_filter.md for the data and its license.",
        "trained_on": "OEDA arabic_event_gsr, dev half only (md5(id) even), labels yes vs easy/difficult no",
        "C": args.C,
        "types": {},
    }
    for etype, rows in per_type.items():
        m = train(rows, args.C)
        model["types"][etype] = m
        print(f"{etype}: {m['training_rows']} events from {len(rows)} dev sentences; "
              f"threshold {m['threshold']} (5-fold CV sentence F1 {m['cv_f1']}); {len(m['weights'])} weights")
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
