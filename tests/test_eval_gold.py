"""The whole-article scorer (marsad eval gold), on hand-made predictions."""
import json
import subprocess
import sys
from pathlib import Path

from marsad.evaluation.gold import GoldScore, name_key, score_document

GOLD = {
    "doc": "x.txt",
    "published": "2023-12-05",
    "entities": [
        {"type": "PER", "names": ["علي الخامنئي", "الخامنئي", "الخامئني"]},
        {"type": "LOC", "names": ["العراق"]},
        {"type": "ORG", "names": ["الحشد الشعبي"]},
    ],
    "quotes": [
        {"speaker": ["علي الخامنئي", "الخامنئي"], "contains": "تواجد ايران في سوريا والعراق", "direct": True},
        {"speaker": ["الخامنئي"], "contains": "الاعداء يعارضون الاسلام السياسي", "direct": True},
    ],
    "events": [
        {"type": "REQUEST", "source": ["الخامنئي"], "target": ["الولايات المتحدة"], "date": None},
        {"type": "CONSULT", "source": ["العراق"], "target": None, "date": None},
    ],
}


def pred(**over):
    base = {
        "published": "2023-12-05",
        "entities": [
            {"id": "e1", "type": "PER", "name": "علي خامنئي",
             "mentions": [{"text": "علي الخامنئي"}, {"text": "الخامئني"}]},
            {"id": "e2", "type": "LOC", "name": "العراق", "mentions": [{"text": "العراق"}]},
            {"id": "e3", "type": "LOC", "name": "سوريا", "mentions": [{"text": "سوريا"}]},
        ],
        "quotes": [
            {"speaker": "e1", "text": "إن تواجد إيران في سوريا والعراق هو حضور استشاري"},
            {"speaker": "e2", "text": "الاعداء يعارضون الاسلام السياسي الذي يدير الدولة"},
        ],
        "events": [
            {"type": "REQUEST", "source": "e1", "target": None},
            {"type": "ASSAULT", "source": "e2", "target": None},
        ],
    }
    base.update(over)
    return base


def test_name_key_folds_spelling_and_article() -> None:
    assert name_key("الخامنئي") == name_key("خامنئي") == name_key("خامنئی")
    assert name_key("إيران") == name_key("ايران")


def test_scores_entities_quotes_events() -> None:
    s = GoldScore()
    score_document(pred(), GOLD, s)
    # entities: PER and LOC right, سوريا spurious, الحشد missed
    assert (s.entities.tp, s.entities.fp, s.entities.fn) == (2, 1, 1)
    # quotes: the first matches (spelling-insensitive contains, right speaker); the second has the wrong speaker
    assert (s.quotes.tp, s.quotes.fp, s.quotes.fn) == (1, 1, 1)
    # events: REQUEST by Khamenei matches loosely; strictly it lacks the target
    assert s.events.tp == 1 and s.events_strict.tp == 0
    assert s.published_right == 1 and s.published_total == 1


def test_one_to_one_matching() -> None:
    s = GoldScore()
    dup = pred(entities=pred()["entities"] + [
        {"id": "e4", "type": "PER", "name": "الخامنئي", "mentions": [{"text": "الخامنئي"}]}])
    score_document(dup, GOLD, s)
    assert s.entities.tp == 2 and s.entities.fp == 2  # a split actor counts once


def test_only_claims_count_as_predictions() -> None:
    events = pred()["events"] + [{"type": "CONSULT", "source": "e2", "target": None, "negated": True},
                                 {"type": "PROTEST", "source": None, "target": None}]
    quotes = pred()["quotes"] + [{"speaker": None, "text": "مصادر محلية قالت إن الطريق مغلق"}]
    s = GoldScore()
    score_document(pred(events=events, quotes=quotes), GOLD, s)
    # "لم يلتق …" claims no action, an event with no source and a quote with no speaker
    # claim no actor: none is a match or a spurious prediction
    assert (s.events.tp, s.events.fp, s.events.fn) == (1, 1, 1)
    assert (s.quotes.tp, s.quotes.fp, s.quotes.fn) == (1, 1, 1)
    s = GoldScore()
    score_document(pred(events=events, quotes=quotes), GOLD, s, claims_only=False)
    assert (s.events.tp, s.events.fp) == (2, 2) and s.quotes.fp == 2  # --all-predictions: as before


def test_cli_on_a_folder(tmp_path: Path) -> None:
    docs, gold = tmp_path / "docs", tmp_path / "gold"
    docs.mkdir()
    gold.mkdir()
    (docs / "a.txt").write_text("قال وزير الخارجية إن المحادثات مثمرة.", encoding="utf-8")
    (gold / "a.json").write_text(json.dumps({"doc": "a.txt", "published": None, "entities": [],
                                             "quotes": [], "events": []}), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "marsad.cli", "eval", "gold", str(gold), str(docs), "--json"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["documents"] == 1 and "entities" in out and "quotes" in out and "events_strict" in out
    r = subprocess.run([sys.executable, "-m", "marsad.cli", "eval", "gold", str(gold), str(tmp_path / "none")],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "none" in r.stderr


def test_errors_name_what_was_missed_and_what_is_spurious() -> None:
    s = GoldScore()
    detail = score_document(pred(), GOLD, s)
    errs = detail["errors"]
    assert errs["entities"]["spurious"] == ["LOC سوريا"]
    assert errs["entities"]["missed"] == ["ORG الحشد الشعبي"]
    # the second quote has the wrong speaker: missed, and spurious under the predicted speaker
    assert errs["quotes"]["missed"] == ["الخامنئي: الاعداء يعارضون الاسلام السياسي"]
    assert errs["quotes"]["spurious"][0].startswith("العراق: الاعداء")
    assert errs["events"]["missed"] == ["CONSULT العراق -> -"]
    assert errs["events"]["spurious"][0].startswith("ASSAULT العراق")

    from marsad.commands.eval_gold import error_report
    report = error_report(s.per_doc)
    assert "== x.txt" in report and "quotes    missed    الخامنئي" in report
