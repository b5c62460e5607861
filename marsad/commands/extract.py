"""``marsad extract FILE...``: print what Marsad finds in each document."""
from __future__ import annotations

import argparse
import json
import sys

from marsad.commands.common import add_extract_options, add_read_options, extract_options, read_options, report
from marsad.document import Document
from marsad.ingest import ReadError, read_paths
from marsad.pipeline import Pipeline


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="extract actors, quotes, events from files and print them")
    p.add_argument("files", nargs="+", metavar="FILE", help="files or folders (.txt .html .jsonl .warc .xml/.rss)")
    p.add_argument("--format", choices=["json", "text"], default="text", help="json: one JSON object per line")
    add_read_options(p)
    add_extract_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    pipeline = Pipeline(options=extract_options(args)).load()
    failed = 0
    out = sys.stdout

    def readable():
        nonlocal failed
        for item in read_paths(args.files, read_options(args)):
            if isinstance(item, ReadError):
                report(item)
                failed += 1
                continue
            yield item

    def extraction_failed(item, exc: Exception) -> None:  # one bad document must not stop the batch
        nonlocal failed
        report(f"{item.path}: extraction failed: {exc}")
        failed += 1

    # a few documents at a time (Pipeline.pipe: the tagger decodes them together; same output)
    for doc in pipeline.pipe(readable(), on_error=extraction_failed):
        if args.format == "json":
            out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        else:
            out.write(render_text(doc) + "\n")
    return 1 if failed else 0


def render_text(doc: Document) -> str:
    """A readable summary for a person."""
    lines = [f"# {doc.title or '(untitled)'}"]
    meta = [f"id {doc.id}"]
    for label, value in (("source", doc.source), ("published", doc.published), ("path", doc.path), ("url", doc.url)):
        if value:
            meta.append(f"{label} {value}")
    lines.append("  " + " | ".join(meta))
    lines.append(f"  {len(doc.sentences)} sentences, {len(doc.tokens)} tokens")
    if doc.entities:
        lines.append("Actors:")
        for e in doc.entities:
            en = f" ({e.get('name_en')})" if e.get("name_en") else ""
            code = f" [{e.get('actor_code')}]" if e.get("actor_code") else ""
            roles = f" — {'; '.join(e.get('roles') or [])}" if e.get("roles") else ""
            lines.append(f"  {e['type']:<3} {e['name']}{en}{code}{roles} ×{len(e.get('mentions', []))}")
    names = {e["id"]: e["name"] for e in doc.entities}
    if doc.quotes:
        lines.append("Quotes:")
        for q in doc.quotes:
            who = names.get(q.get("speaker"), "?")
            kind = "«»" if q.get("direct") else "~"
            lines.append(f"  {who} {kind} {q['text'][:160]}")
    if doc.events:
        lines.append("Events:")
        for ev in doc.events:
            src = names.get(ev.get("source"), "?")
            tgt = names.get(ev.get("target"), "-")
            neg = " (negated)" if ev.get("negated") else ""
            date = f" {ev['date']}" if ev.get("date") else ""
            lines.append(f"  {ev['type']:<9} {src} → {tgt}{date}{neg}  [{ev.get('trigger')}]")
    if doc.frames:
        lines.append("Frames: " + ", ".join(sorted({f"{f['term']} ({f['frame']})" for f in doc.frames})))
    return "\n".join(lines)
