"""``marsad ingest PATH...``: read, extract and store documents."""
from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
from typing import Any

from tqdm import tqdm

from marsad.commands.common import add_extract_options, add_read_options, extract_options, read_options, report
from marsad.corpus.store import Store, StoreError
from marsad.ingest import ReadError, read_paths
from marsad.pipeline import Pipeline, raise_young_threshold, young_gc

BATCH = 200
#: documents that go through the extractors together (:meth:`Pipeline.pipe`)
PIPE_BATCH = 16


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="read files and folders into the database")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (read recursively)")
    p.add_argument("--db", default="marsad.db", help="SQLite database (default: marsad.db)")
    p.add_argument("--no-extract", action="store_true", help="store documents only, without running extractors")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    p.add_argument("--jobs", "-j", type=int, default=default_jobs(),
                   help=f"worker processes for extraction (default: {default_jobs()}, the CPU count up to 4)")
    add_read_options(p)
    add_extract_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        store = Store(args.db)
    except StoreError as exc:
        report(str(exc))
        return 2
    # without extractors nobody reads tokens: the store indexes words straight from the text
    spec: dict[str, Any] = ({"extract": False, "exclude": ["segment"]} if args.no_extract
                            else {"options": extract_options(args)})
    items = read_paths(args.paths, read_options(args))
    try:
        # workers pay off only when extractors run; storing alone is bound by the parent
        if args.jobs > 1 and not args.no_extract:
            counts = ingest_parallel(store, items, spec, jobs=args.jobs, progress=not args.quiet)
        else:
            counts = ingest(store, items, Pipeline(**spec).load(), extracted=not args.no_extract, progress=not args.quiet)
    finally:
        store.close()
    print(f"{counts['new']} new, {counts['present']} already present, {counts['failed']} failed")
    return 1 if counts["failed"] else 0


def ingest(store: Store, items, pipeline: Pipeline, extracted: bool = True, progress: bool = True) -> dict[str, int]:
    """Process and store documents in batches of :data:`BATCH` per transaction.

    Cleaning runs first; a document whose cleaned text is already stored is
    counted as present and skips extraction.  The rest of the pipeline runs
    over :data:`PIPE_BATCH` new documents at a time (:meth:`Pipeline.pipe`:
    the tagger decodes them together; same output).  One failing document is
    reported and the batch goes on; Ctrl-C loses at most the open batch,
    which the next run picks up.
    """
    counts = {"new": 0, "present": 0, "failed": 0}
    bar = tqdm(desc="ingest", unit="doc", disable=not progress or None, file=sys.stderr)
    clean, rest = pipeline.components[0], pipeline.components[1:]  # clean gives the content id
    runner = Pipeline(components=rest)
    pending = 0
    chunk: list = []
    chunk_ids: set[str] = set()

    def failed(doc, exc: Exception) -> None:
        report(f"{_where(doc)}: {type(exc).__name__}: {exc}")
        counts["failed"] += 1

    def flush() -> None:
        nonlocal pending
        for doc in runner.pipe(chunk, on_error=failed, batch_size=max(1, len(chunk))):
            try:
                store.add(doc, extracted=extracted)
            except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
                failed(doc, exc)
                continue
            counts["new"] += 1
            pending += 1
            if pending >= BATCH:
                store.db.execute("COMMIT")
                store.db.execute("BEGIN IMMEDIATE")
                pending = 0
        chunk.clear()
        chunk_ids.clear()

    store.db.execute("BEGIN IMMEDIATE")
    try:
        with young_gc():  # for the whole run (see young_gc), not per chunk
            for doc in _fresh(items, clean, counts, store, bar, chunk_ids):
                chunk.append(doc)
                if len(chunk) >= PIPE_BATCH:
                    flush()
            flush()
        store.db.execute("COMMIT")
    except BaseException:
        store.db.execute("ROLLBACK")
        counts["new"] -= pending
        bar.close()
        raise
    bar.close()
    return counts


def _fresh(items, clean, counts: dict[str, int], store: Store, bar, seen: set[str]):
    """The cleaned documents of ``items`` that are neither stored nor already on their way
    (``seen``, which each one joins): a duplicate is counted as present before any
    extraction is spent on it."""
    for item in items:
        bar.update(1)
        doc = _cleaned(item, clean, counts)
        if doc is None:
            continue
        if doc.id in seen or store.has(doc.id):
            counts["present"] += 1
            continue
        seen.add(doc.id)
        yield doc


def default_jobs() -> int:
    return max(1, min(4, os.cpu_count() or 1))


_worker_pipeline: Pipeline | None = None


def _init_worker(spec: dict[str, Any]) -> None:
    global _worker_pipeline
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    raise_young_threshold()  # a worker only runs the pipeline: for its whole life (see young_gc)
    pipe = Pipeline(**spec)
    pipe.components = [c for c in pipe.components if c.name != "clean"]
    try:
        pipe.load()
    except Exception:  # noqa: BLE001 - a worker must start; each document then reports it
        pass
    _worker_pipeline = pipe


def _work(docs):
    """Run the pipeline after cleaning over a few documents at once (batched tagging,
    as :meth:`Pipeline.pipe`); ship back only what the store needs, and each error."""
    from marsad.corpus.store import index_forms

    assert _worker_pipeline is not None
    out = []
    for doc, exc in _worker_pipeline.run_batch(docs):
        if exc is None:
            try:
                doc.meta["index"] = index_forms(doc)
            except Exception as err:  # noqa: BLE001 - reported per document by the parent
                exc = err
        if exc is not None:
            out.append((doc, f"{type(exc).__name__}: {exc}"))
            continue
        doc.tokens, doc.norm, doc.norm_map, doc.raw_text = [], "", [], ""
        out.append((doc, None))
    return out


def ingest_parallel(store: Store, items, spec: dict[str, Any], jobs: int, progress: bool = True) -> dict[str, int]:
    """:func:`ingest` with extraction spread over ``jobs`` worker processes.

    The parent reads, cleans (which gives the content id) and skips what is
    already stored; workers run the rest of the pipeline on a batch while the
    parent prepares the next one; the parent writes each batch in one
    transaction.  Ctrl-C loses at most the batches not yet written.
    """
    from marsad.text.clean import Cleaner

    extracted = spec.get("extract", True)
    cleaner = Cleaner()
    counts = {"new": 0, "present": 0, "failed": 0}
    bar = tqdm(desc="ingest", unit="doc", disable=not progress or None, file=sys.stderr)
    inflight: set[str] = set()

    def write(results) -> None:
        with store.transaction():
            for doc, error in results:
                inflight.discard(doc.id)
                if error:
                    report(f"{_where(doc)}: {error}")
                    counts["failed"] += 1
                elif store.add(doc, extracted=extracted):
                    counts["new"] += 1
                else:
                    counts["present"] += 1

    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(spec,)) as pool:
        pending = None
        batch: list = []

        def submit() -> None:
            nonlocal pending, batch
            chunks = [batch[i:i + PIPE_BATCH] for i in range(0, len(batch), PIPE_BATCH)]
            nxt = pool.map_async(_work, chunks, chunksize=max(1, len(chunks) // (jobs * 4)))
            if pending is not None:
                write(pair for results in pending.get() for pair in results)
            pending, batch = nxt, []

        for doc in _fresh(items, cleaner, counts, store, bar, inflight):
            doc.raw_text = ""
            batch.append(doc)
            if len(batch) >= BATCH:
                submit()
        if batch:
            submit()
        if pending is not None:
            write(pair for results in pending.get() for pair in results)
    bar.close()
    return counts


def _cleaned(item, clean, counts: dict[str, int]):
    """The cleaned document, or None after reporting why there is none.

    A read error, a cleaner failure or a text that cleaning empties each
    count as failed; the batch goes on.
    """
    if isinstance(item, ReadError):
        report(item)
        counts["failed"] += 1
        return None
    try:
        doc = clean(item)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        report(f"{_where(item)}: {type(exc).__name__}: {exc}")
        counts["failed"] += 1
        return None
    if not doc.text.strip():
        report(f"{_where(item)}: nothing left after cleaning")
        counts["failed"] += 1
        return None
    return doc


def _where(doc) -> str:
    line = doc.meta.get("line")
    return f"{doc.path}:{line}" if line else str(doc.path)
