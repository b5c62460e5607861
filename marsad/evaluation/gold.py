"""Score whole-article extraction against gold files (``shared/EVAL_FORMAT.md``).

Names are compared after normalization (:func:`marsad.text.normalize.fold`:
diacritics, tatweel, alef/hamza/ya/ta-marbuta folding, Persian letters) and
with a leading article ignored, so "الخامنئي" and "خامنئي" are one name.
Matching is one-to-one (greedy, best overlap first):

* entities — same type, and a surface form of the predicted entity (its
  name or any mention) is one of the gold names;
* quotes — the predicted quote's text contains the gold ``contains`` string
  (compared in match form) and its speaker's names meet the gold speaker's
  (a gold speaker or event actor name stands for all names of its gold entity;
  a joint statement's ``speakers`` all count);
* events — same PLOVER type and the source actor's names meet the gold
  source's; the *strict* score also requires the target to match (both
  absent, or names that meet).

Only *claims* count as predictions (``claims_only``, the default): a quote
with a speaker entity and an event with a source entity that is not marked
``negated``.  The gold annotates exactly those ("statements of unnamed
speakers are not annotated", "actions with no named actor on the source side
… are not coded", negated actions did not happen), and the targets are stated
for *attributed* quotes and events with their source actor.  A quote the
extractor leaves without a speaker, or an event without a source, claims no
attribution; it still costs recall when the gold has it.  ``claims_only=False``
(``marsad eval gold --all-predictions``) counts every record, as releases
before 2026-11-23 did.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.ner.scoring import Counts
from marsad.text.normalize import fold


def name_key(name: str) -> str:
    k = fold(name)
    return k[2:] if k.startswith("ال") and len(k) > 4 else k


#: precision/recall/F1 counts, shared with the NER scorer
PRF = Counts


@dataclass
class GoldScore:
    entities: PRF = field(default_factory=PRF)
    entities_by_type: dict[str, PRF] = field(default_factory=dict)
    quotes: PRF = field(default_factory=PRF)
    events: PRF = field(default_factory=PRF)
    events_strict: PRF = field(default_factory=PRF)
    published_right: int = 0
    published_total: int = 0
    documents: int = 0
    per_doc: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "entities": self.entities.as_dict(),
            "entities_by_type": {k: v.as_dict() for k, v in sorted(self.entities_by_type.items())},
            "quotes": self.quotes.as_dict(),
            "events": self.events.as_dict(),
            "events_strict": self.events_strict.as_dict(),
            "published": {"right": self.published_right, "total": self.published_total,
                          "accuracy": round(self.published_right / self.published_total, 4)
                          if self.published_total else None},
            "per_doc": self.per_doc,
        }

    def table(self) -> str:
        rows = [("entities", self.entities)] + [(f"  {k}", v) for k, v in sorted(self.entities_by_type.items())]
        rows += [("quotes", self.quotes), ("events", self.events), ("events (strict)", self.events_strict)]
        out = [f"{'':<17}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
        for label, s in rows:
            out.append(f"{label:<17}{s.p:>7.3f}{s.r:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")
        if self.published_total:
            out.append(f"published date right: {self.published_right}/{self.published_total}")
        out.append(f"documents: {self.documents}")
        return "\n".join(out)


def _matching(pairs: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching over (pred, gold, weight) candidate pairs."""
    used_p: set[int] = set()
    used_g: set[int] = set()
    out: list[tuple[int, int]] = []
    for p, g, _ in sorted(pairs, key=lambda x: -x[2]):
        if p in used_p or g in used_g:
            continue
        used_p.add(p)
        used_g.add(g)
        out.append((p, g))
    return out


def _one_to_one(pairs: list[tuple[int, int, float]]) -> int:
    return len(_matching(pairs))


def _errors(matched: list[tuple[int, int]], n_pred: int, n_gold: int) -> tuple[list[int], list[int]]:
    """(unmatched predictions, unmatched gold items), as indexes."""
    mp = {p for p, _ in matched}
    mg = {g for _, g in matched}
    return [i for i in range(n_pred) if i not in mp], [j for j in range(n_gold) if j not in mg]


def entity_keys(ent: dict[str, Any]) -> set[str]:
    keys = {name_key(ent["name"])}
    keys |= {name_key(m["text"]) for m in ent.get("mentions", [])}
    return keys


def score_document(pred: dict[str, Any], gold: dict[str, Any], score: GoldScore,
                   claims_only: bool = True) -> dict[str, Any]:
    """Add one document's counts to ``score``; return them."""
    ents = pred.get("entities", [])
    ent_keys = {e["id"]: entity_keys(e) for e in ents}
    detail: dict[str, Any] = {"doc": gold.get("doc")}

    # entities
    gold_ents = gold.get("entities", [])
    pairs = []
    for i, e in enumerate(ents):
        for j, g in enumerate(gold_ents):
            if e["type"] != g["type"]:
                continue
            overlap = len(ent_keys[e["id"]] & {name_key(n) for n in g["names"]})
            if overlap:
                pairs.append((i, j, overlap))
    matched = _matching(pairs)
    tp = len(matched)
    score.entities.add(tp, len(ents), len(gold_ents))
    spurious, missed = _errors(matched, len(ents), len(gold_ents))
    errors: dict[str, Any] = {"entities": {
        "spurious": [f"{ents[i]['type']} {ents[i]['name']}" for i in spurious],
        "missed": [f"{gold_ents[j]['type']} {' / '.join(gold_ents[j]['names'])}" for j in missed]}}
    for t in {e["type"] for e in ents} | {g["type"] for g in gold_ents}:
        ps = [(i, j, w) for i, j, w in pairs if ents[i]["type"] == t]
        score.entities_by_type.setdefault(t, PRF()).add(
            _one_to_one(ps), sum(e["type"] == t for e in ents), sum(g["type"] == t for g in gold_ents))
    detail["entities"] = {"tp": tp, "pred": len(ents), "gold": len(gold_ents)}

    def speaker_keys(eid: str | None) -> set[str]:
        return ent_keys.get(eid or "", set())

    # a gold speaker/source name stands for every name of its gold entity
    gold_names: dict[str, set[str]] = {}
    for g in gold_ents:
        keys = {name_key(n) for n in g["names"]}
        for k in keys:
            gold_names.setdefault(k, set()).update(keys)

    def gold_keys(names: list[str] | None) -> set[str]:
        out: set[str] = set()
        for n in names or []:
            k = name_key(n)
            out |= gold_names.get(k, {k})
        return out

    # quotes
    quotes = [q for q in pred.get("quotes", []) if q.get("speaker") or not claims_only]
    gold_q = gold.get("quotes", [])
    pairs = []
    for i, q in enumerate(quotes):
        qtext = fold(q.get("text", ""))
        skeys = speaker_keys(q.get("speaker"))
        for other in q.get("speakers") or ():  # a joint statement ("وأكد الجانبان")
            skeys = skeys | speaker_keys(other)
        for j, g in enumerate(gold_q):
            if fold(g["contains"]) in qtext and skeys & gold_keys(g.get("speaker")):
                pairs.append((i, j, 1.0 / (1 + len(qtext))))  # prefer the tightest span
    matched = _matching(pairs)
    tp = len(matched)
    score.quotes.add(tp, len(quotes), len(gold_q))
    names = {e["id"]: e["name"] for e in ents}
    spurious, missed = _errors(matched, len(quotes), len(gold_q))
    errors["quotes"] = {
        "spurious": [f"{names.get(quotes[i].get('speaker') or '', quotes[i].get('speaker_text') or '-')}: "
                     f"{quotes[i].get('text', '')[:90]}" for i in spurious],
        "missed": [f"{' / '.join(gold_q[j].get('speaker') or [])}: {gold_q[j]['contains']}" for j in missed]}
    detail["quotes"] = {"tp": tp, "pred": len(quotes), "gold": len(gold_q)}

    # events
    events = [ev for ev in pred.get("events", [])
              if not claims_only or (ev.get("source") and not ev.get("negated"))]
    gold_ev = gold.get("events", [])
    loose, strict = [], []
    for i, ev in enumerate(events):
        skeys = speaker_keys(ev.get("source"))
        tkeys = speaker_keys(ev.get("target"))
        for j, g in enumerate(gold_ev):
            if ev["type"] != g["type"] or not skeys & gold_keys(g.get("source")):
                continue
            loose.append((i, j, 1.0))
            gt = g.get("target")
            if (not gt and not ev.get("target")) or (gt and tkeys & gold_keys(gt)):
                strict.append((i, j, 1.0))
    matched = _matching(loose)
    tp = len(matched)
    score.events.add(tp, len(events), len(gold_ev))
    spurious, missed = _errors(matched, len(events), len(gold_ev))

    def actor(eid: str | None) -> str:
        return names.get(eid or "", "-")

    errors["events"] = {
        "spurious": [f"{events[i]['type']} {actor(events[i].get('source'))} -> {actor(events[i].get('target'))}"
                     f" [{events[i].get('trigger', '')}]" for i in spurious],
        "missed": [f"{gold_ev[j]['type']} {' / '.join(gold_ev[j].get('source') or ['-'])} -> "
                   f"{' / '.join(gold_ev[j].get('target') or ['-'])}" for j in missed]}
    detail["errors"] = errors
    score.events_strict.add(_one_to_one(strict), len(events), len(gold_ev))
    detail["events"] = {"tp": tp, "pred": len(events), "gold": len(gold_ev)}

    if gold.get("published"):
        score.published_total += 1
        right = pred.get("published") == gold["published"]
        score.published_right += int(right)
        detail["published"] = {"gold": gold["published"], "pred": pred.get("published")}
    score.documents += 1
    score.per_doc.append(detail)
    return detail


def evaluate(gold_dir: Path, docs_dir: Path, pipeline=None, claims_only: bool = True) -> GoldScore:
    """Run the pipeline over each gold file's document and score it."""
    from marsad.document import Document
    from marsad.ingest import ReadError, read_file
    from marsad.pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    score = GoldScore()
    gold_files = sorted(gold_dir.glob("*.json"))
    if not gold_files:
        raise FileNotFoundError(f"{gold_dir}: no gold .json files")
    for gf in gold_files:
        gold = json.loads(gf.read_text(encoding="utf-8"))
        path = docs_dir / gold.get("doc", gf.with_suffix(".txt").name)
        if not path.exists():
            raise FileNotFoundError(f"{gf}: its document {path} does not exist")
        items = [x for x in read_file(path) if not isinstance(x, ReadError)]
        if not items:
            raise ValueError(f"{path}: could not be read")
        doc: Document = pipeline(items[0])
        score_document(doc.to_dict(), gold, score, claims_only=claims_only)
    return score
