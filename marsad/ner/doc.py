"""Second pass: document-level label consistency (Krishnan & Manning 2006).

A name is usually tagged the same way every time it recurs in an article,
and a first pass that misses one mention of it often gets another right
(Krishnan & Manning 2006, "An effective two-stage model for exploiting
non-local dependencies in named entity recognition", COLING/ACL).  The
second pass adds, per token, attributes saying what the first pass said
about the *same word* elsewhere in the nearby text (the other mentions'
majority entity type and how many of them were entities, alone and with the
token's own first-pass label) and whether the token starts or continues a
*name tagged in another sentence* there (longest match of those names).
"Nearby text" is :data:`WINDOW` sentences either side, so a document tagged
with :meth:`marsad.ner.crf.NerTagger.tag_doc` is usually one window.

One CRF serves both passes: it is trained on every sentence twice, once
plain and once with these attributes computed from first-pass tags of a
model that did not see the sentence (two-fold jackknife,
:func:`marsad.ner.train.jackknife_doc_attrs`).  At run time the first pass
is the plain decode; the second adds the attributes' weights to the same
score vectors and runs Viterbi again, so it costs no second feature
extraction.  A model whose word table has no ``doc_window`` runs one pass.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from marsad.text.segment import split_article

#: sentences either side whose first-pass tags a sentence's second pass sees
WINDOW = 10
#: longest name (in tokens) matched against names tagged elsewhere
MAX_NAME = 6
TYPES = ("PERS", "LOC", "ORG", "MISC")


def word_key(norm: str) -> str | None:
    """The form mentions of a word are matched by: normalized, article dropped."""
    bare = split_article(norm)[1]
    if len(bare) < 2 or not any(c.isalpha() for c in bare):
        return None
    return bare


def _bucket(x: float) -> str:
    if x <= 0:
        return "0"
    if x >= 1:
        return "1"
    return "lo" if x < 0.5 else "hi"


def _entities(keys: Sequence[str | None], types: Sequence[str], begins: Sequence[bool]) -> list[tuple[tuple, str]]:
    out = []
    i, n = 0, len(types)
    while i < n:
        t = types[i]
        if not t:
            i += 1
            continue
        j = i + 1
        while j < n and types[j] == t and not begins[j]:
            j += 1
        k = tuple(keys[i:j])
        if j - i <= MAX_NAME and all(k):
            out.append((k, t))
        i = j
    return out


def doc_attrs(keys: Sequence[Sequence[str | None]], labels: Sequence[Sequence[str]],
              window: int = WINDOW) -> list[list[list[str]]]:
    """Document-level attributes per sentence and token.

    ``keys``: :func:`word_key` of each token; ``labels``: first-pass BIO (or
    BILOU) labels.  Sentences are taken to be in text order.
    """
    S = len(keys)
    types = [[lab[2:] if lab != "O" else "" for lab in sl] for sl in labels]
    begins = [[lab[:1] in "BUS" for lab in sl] for sl in labels]
    # per sentence: word key -> Counter(type or ""), and names tagged there
    words = []
    for ks, ts in zip(keys, types):
        c: dict[str, Counter] = {}
        for k, t in zip(ks, ts):
            if k:
                c.setdefault(k, Counter())[t] += 1
        words.append(c)
    names = [_entities(ks, ts, bs) for ks, ts, bs in zip(keys, types, begins)]
    wcount: dict[str, Counter] = {}
    ncount: dict[tuple, Counter] = {}

    def add(s: int, sign: int) -> None:
        for k, c in words[s].items():
            acc = wcount.setdefault(k, Counter())
            for t, v in c.items():
                acc[t] += sign * v
        for k, t in names[s]:
            ncount.setdefault(k, Counter())[t] += sign

    lo = hi = 0  # current window [lo, hi)
    out: list[list[list[str]]] = []
    for s in range(S):
        a, b = max(0, s - window), min(S, s + window + 1)
        while hi < b:
            add(hi, 1)
            hi += 1
        while lo < a:
            add(lo, -1)
            lo += 1
        ks, ts = keys[s], types[s]
        n = len(ks)
        feats: list[list[str]] = [[] for _ in range(n)]
        # the same word elsewhere (the token itself left out)
        for i, k in enumerate(ks):
            if not k:
                continue
            c = wcount.get(k)
            own = ts[i]
            total = sum(c.values()) - 1 if c else 0
            if total <= 0:
                feats[i].append("dn")
                continue
            ents = {t: c[t] - (1 if t == own else 0) for t in TYPES}
            ne = sum(ents.values())
            fr = _bucket(ne / total)
            feats[i].append(f"dr={fr}")
            if ne:
                best = max(TYPES, key=lambda t: ents[t])
                feats[i].append(f"dt={best}")
                feats[i].append(f"dt={best}|{own or 'O'}")
                feats[i].append(f"dtr={best}|{fr}")
        # names tagged in other sentences of the window
        if ncount and n:
            mine = Counter(names[s])
            i = 0
            while i < n:
                hit = None
                for m in range(min(MAX_NAME, n - i), 0, -1):
                    k = tuple(ks[i:i + m])
                    if not all(k):
                        continue
                    c = ncount.get(k)
                    if not c:
                        continue
                    c = Counter({t: v - mine.get((k, t), 0) for t, v in c.items()})
                    c = +c
                    if c:
                        hit = (m, c.most_common(1)[0][0])
                        break
                if hit is None:
                    i += 1
                    continue
                m, t = hit
                tag = "1" if m == 1 else "m"
                feats[i].append(f"de=B-{t}")
                feats[i].append(f"de{tag}=B-{t}|{ts[i] or 'O'}")
                for j in range(i + 1, i + m):
                    feats[j].append(f"de=I-{t}")
                    feats[j].append(f"de{tag}=I-{t}|{ts[j] or 'O'}")
                i += m
        out.append(feats)
    return out


__all__ = ["MAX_NAME", "WINDOW", "doc_attrs", "word_key"]
