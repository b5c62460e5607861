#!/usr/bin/env python3
"""Throughput benchmark: documents/second and peak memory for extract and ingest.

Usage::

    python bench/throughput.py                 # examples/ and, when present, SaudiNewsNet
    python bench/throughput.py --limit 2000    # first 2,000 corpus articles only
    python bench/throughput.py --json          # machine-readable

Runs on one core (a single process).  Each measurement runs in a fresh
subprocess so peak memory (ru_maxrss) belongs to that measurement alone.
Building the pipeline and loading its lexicons and models (:meth:`Pipeline.load`,
as the command-line tools do) is timed apart and reported as ``load``; documents/second
counts the processing of the documents from the first to the last.
Scenarios:

* ``extract``  — read + full pipeline (all extractors), no storage
* ``text``     — read + clean/normalize/segment only
* ``ingest``   — read + full pipeline + SQLite store
* ``ingest-no-extract`` — read + text steps + SQLite store (``marsad ingest --no-extract``)
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "eval" / "news_corpus" / "saudinewsnet" / "jsonl"
CORPUS_FIELDS = ["--text-field", "content", "--published-field", "date_extracted"]


def _measure(scenario: str, paths: list[str], fields: list[str], limit: int | None) -> dict:
    """Run one scenario in this process (called in a subprocess)."""
    import resource

    from marsad.commands.common import ReadOptions
    from marsad.commands.ingest import ingest
    from marsad.corpus.store import Store
    from marsad.document import Document
    from marsad.ingest import ReadError, read_paths
    from marsad.pipeline import Pipeline

    opts = ReadOptions()
    for flag, value in zip(fields[::2], fields[1::2]):
        setattr(opts, flag.lstrip("-").replace("-", "_"), value)

    def items():
        n = 0
        for it in read_paths(paths, opts):
            if limit is not None and n >= limit:
                return
            n += 1
            yield it

    # read once up front (reading is timed apart), keeping only the raw fields so that
    # processed documents are not all held in memory, as in a real streaming run
    raw = [(d.raw_text, d.path, d.title, d.source, d.url, d.published)
           for d in items() if not isinstance(d, ReadError)]
    extract = scenario in ("extract", "ingest")
    t_load = time.perf_counter()
    pipe = Pipeline(extract=extract, exclude=["segment"] if scenario == "ingest-no-extract" else ())
    pipe.load()  # as the command-line tools do: lexicons and models load before the first document
    t_load = time.perf_counter() - t_load

    def fresh():
        for text, path, title, source, url, published in raw:
            yield Document(raw_text=text, path=path, title=title, source=source, url=url, published=published)

    ok = raw
    chars = sum(len(r[0]) for r in raw)
    t0 = time.perf_counter()
    if scenario in ("extract", "text"):
        # as `marsad extract` runs it: a few documents at a time (Pipeline.pipe)
        for _ in pipe.pipe(fresh()):
            pass
    else:
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(os.path.join(tmp, "bench.db"))
            ingest(store, fresh(), pipe, extracted=extract, progress=False)
            store.close()
    dt = time.perf_counter() - t0
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "scenario": scenario, "docs": len(ok), "seconds": round(dt, 3),
        "docs_per_s": round(len(ok) / dt, 1) if dt else None,
        "chars_per_doc": round(chars / max(1, len(ok))), "peak_mb": round(peak_kb / 1024, 1),
        "load_s": round(t_load, 2),
    }


def _read_speed(paths: list[str], fields: list[str], limit: int | None) -> dict:
    from marsad.commands.common import ReadOptions
    from marsad.ingest import read_paths

    opts = ReadOptions()
    for flag, value in zip(fields[::2], fields[1::2]):
        setattr(opts, flag.lstrip("-").replace("-", "_"), value)
    t0 = time.perf_counter()
    n = 0
    for _ in read_paths(paths, opts):
        n += 1
        if limit is not None and n >= limit:
            break
    dt = time.perf_counter() - t0
    return {"scenario": "read", "docs": n, "seconds": round(dt, 3), "docs_per_s": round(n / dt, 1) if dt else None}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="at most this many corpus documents")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--scenarios", default="read,text,extract,ingest-no-extract,ingest")
    ap.add_argument("--_child", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args._child:
        spec = json.loads(args._child)
        fn = _read_speed if spec["scenario"] == "read" else None
        result = fn(spec["paths"], spec["fields"], spec["limit"]) if fn else _measure(
            spec["scenario"], spec["paths"], spec["fields"], spec["limit"])
        print(json.dumps(result))
        return 0

    sets = [("examples", [str(REPO / "examples")], [], None)]
    if CORPUS.exists():
        sets.append(("saudinewsnet", [str(CORPUS)], CORPUS_FIELDS, args.limit))
    else:
        print(f"(corpus not found at {CORPUS}: examples only)", file=sys.stderr)
    results = []
    for name, paths, fields, limit in sets:
        for scenario in args.scenarios.split(","):
            spec = {"scenario": scenario, "paths": paths, "fields": fields, "limit": limit}
            out = subprocess.run([sys.executable, __file__, "--_child", json.dumps(spec)],
                                 capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
            if out.returncode != 0:
                print(out.stderr, file=sys.stderr)
                return 1
            r = json.loads(out.stdout.strip().splitlines()[-1])
            r["set"] = name
            results.append(r)
            if not args.json:
                extra = (f", {r['chars_per_doc']} chars/doc, peak {r['peak_mb']} MB, load {r['load_s']} s"
                         if "peak_mb" in r else "")
                print(f"{name:<13} {scenario:<18} {r['docs']:>6} docs  {r['seconds']:>8.2f} s  "
                      f"{r['docs_per_s']:>8} docs/s{extra}", flush=True)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
