"""``marsad eval gold GOLD_DIR DOCS_DIR``: whole-article scores against gold files."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from marsad.commands.common import report


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gold", help="entities/quotes/events P/R/F1 against gold article annotations")
    p.add_argument("gold_dir", type=Path, help="folder of gold .json files (shared/EVAL_FORMAT.md)")
    p.add_argument("docs_dir", type=Path, help="folder holding the articles the gold files name")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--errors", action="store_true",
                   help="also list, per document, what was missed and what was found that the gold lacks")
    p.add_argument("--all-predictions", action="store_true",
                   help="count every quote and event as a prediction, also those with no speaker or source "
                        "entity and negated events (the scoring before 2026-11-23); by default only "
                        "attributed quotes and events with a source count, as the gold annotates only those")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from marsad.evaluation.gold import evaluate

    try:
        score = evaluate(args.gold_dir, args.docs_dir, claims_only=not args.all_predictions)
    except (FileNotFoundError, ValueError) as exc:
        report(str(exc))
        return 2
    if args.json:
        print(json.dumps(score.as_dict(), ensure_ascii=False, indent=1))
    else:
        if args.errors:
            print(error_report(score.per_doc))
        print(score.table())
    return 0


def error_report(per_doc: list[dict]) -> str:
    """Missed and spurious items per document and kind, for reading errors."""
    out: list[str] = []
    for d in per_doc:
        out.append(f"== {d.get('doc')}")
        for kind, errs in d.get("errors", {}).items():
            for label, items in (("missed", errs["missed"]), ("spurious", errs["spurious"])):
                for item in items:
                    out.append(f"  {kind:<9} {label:<9} {item}")
    return "\n".join(out)
