"""Exact-span NER scoring with conlleval semantics.

A chunk starts at ``B-X``, at ``I-X`` after ``O`` or after a chunk of another
type, and runs over the ``I-X`` tags that follow.  A predicted chunk counts
as correct only if a gold chunk has the same start, end and type; a boundary
error therefore counts once as a false positive (the predicted span) and once
as a false negative (the gold span).  Micro scores pool all types.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


def spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` chunks, end exclusive, conlleval-style."""
    out: list[tuple[int, int, str]] = []
    start = -1
    cur = ""
    for i, tag in enumerate(tags):
        if tag == "O" or len(tag) < 3:
            if cur:
                out.append((start, i, cur))
            cur = ""
            continue
        prefix, etype = tag[0], tag[2:]
        if prefix == "B" or prefix == "S" or etype != cur:
            if cur:
                out.append((start, i, cur))
            start, cur = i, etype
    if cur:
        out.append((start, len(tags), cur))
    return out


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, n_pred: int, n_gold: int) -> None:
        """Count ``tp`` matches among ``n_pred`` predictions and ``n_gold`` gold items."""
        self.tp += tp
        self.fp += n_pred - tp
        self.fn += n_gold - tp

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn, "gold": self.tp + self.fn, "pred": self.tp + self.fp}


@dataclass
class Score:
    micro: Counts = field(default_factory=Counts)
    per_type: dict[str, Counts] = field(default_factory=dict)
    tokens: int = 0
    token_correct: int = 0

    def add(self, gold: Sequence[str], pred: Sequence[str]) -> None:
        if len(gold) != len(pred):
            raise ValueError(f"gold has {len(gold)} tags, prediction {len(pred)}")
        g = set(spans(gold))
        p = set(spans(pred))
        for s in g | p:
            c = self.per_type.setdefault(s[2], Counts())
            if s in g and s in p:
                c.tp += 1
                self.micro.tp += 1
            elif s in p:
                c.fp += 1
                self.micro.fp += 1
            else:
                c.fn += 1
                self.micro.fn += 1
        self.tokens += len(gold)
        self.token_correct += sum(a == b for a, b in zip(gold, pred))

    def as_dict(self) -> dict:
        return {
            "micro": self.micro.as_dict(),
            "per_type": {t: self.per_type[t].as_dict() for t in sorted(self.per_type)},
            "tokens": self.tokens,
            "token_accuracy": round(self.token_correct / self.tokens, 4) if self.tokens else 0.0,
        }

    def table(self) -> str:
        rows = [f"{'type':<6} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6} {'pred':>6} {'TP':>6}"]
        for name, c in [*sorted(self.per_type.items()), ("micro", self.micro)]:
            rows.append(f"{name:<6} {100 * c.p:7.2f} {100 * c.r:7.2f} {100 * c.f1:7.2f} "
                        f"{c.tp + c.fn:6d} {c.tp + c.fp:6d} {c.tp:6d}")
        acc = 100 * self.token_correct / self.tokens if self.tokens else 0.0
        rows.append(f"{self.tokens} tokens, token accuracy {acc:.2f}%")
        return "\n".join(rows)


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> Score:
    """Score parallel sequences of BIO tag sequences."""
    s = Score()
    for g, p in zip(gold, pred, strict=True):
        s.add(g, p)
    return s


__all__ = ["Counts", "Score", "score", "spans"]
