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


def _names(keys: Sequence[str | None], labels: Sequence[str]) -> list[tuple[tuple, str]]:
    """Names tagged in one sentence: ``(word keys, type)``, up to :data:`MAX_NAME` tokens."""
    out = []
    n = len(labels)
    nxt = 0  # after a name, the next label looked at is the one after it
    for i in [i for i, lab in enumerate(labels) if lab != "O"]:
        if i < nxt:
            continue
        t = labels[i][2:]
        j = i + 1
        while j < n and labels[j] != "O" and labels[j][2:] == t and labels[j][:1] not in "BUS":
            j += 1
        k = tuple(keys[i:j])
        if j - i <= MAX_NAME and all(k):
            out.append((k, t))
        nxt = j
    return out


_TID = {t: i for i, t in enumerate(TYPES, 1)}


def word_attrs(c: list[int], own: int) -> tuple[str, ...]:
    """Attributes of a token from its key's counts ``[O, PERS, LOC, ORG, MISC]`` (itself included)."""
    total = c[0] + c[1] + c[2] + c[3] + c[4] - 1
    if total <= 0:
        return ("dn",)
    ents = c[1:]
    if own:
        ents = list(ents)
        ents[own - 1] -= 1
    ne = sum(ents)
    fr = _bucket(ne / total)
    if not ne:
        return (f"dr={fr}",)
    best = TYPES[max(range(4), key=lambda j: ents[j])]
    o = TYPES[own - 1] if own else "O"
    return (f"dr={fr}", f"dt={best}", f"dt={best}|{o}", f"dtr={best}|{fr}")


def _match_names(ks, ts, mine_names, ncount, nfirst, feats) -> None:
    """Adds ``de…`` attributes to ``feats[i]`` where a name tagged in another sentence of the window starts."""
    n = len(ks)
    mine: dict[tuple, int] = {}
    for nk, t in mine_names:
        mine[(nk, t)] = mine.get((nk, t), 0) + 1
    nxt = 0  # after a name, the next token looked at is the one after it
    # only the tokens whose key begins some name are looked at (most begin none)
    for i in [i for i, k in enumerate(ks) if k and k in nfirst]:
        if i < nxt:
            continue
        lens = nfirst[ks[i]]
        hit = None
        if lens:
            for m in sorted((x for x, v in lens.items() if v > 0 and x <= n - i), reverse=True):
                k = tuple(ks[i:i + m])
                if not all(k):
                    continue
                c = {t: v - mine.get((k, t), 0) for t, v in ncount.get(k, {}).items()}
                c = {t: v for t, v in c.items() if v > 0}
                if c:
                    best = max(c.values())
                    # the most frequent type; ties: the type first tagged in the window
                    hit = (m, next(t for t, v in c.items() if v == best))
                    break
        if hit is None:
            continue
        m, t = hit
        tag = "1" if m == 1 else "m"
        o = TYPES[ts[i] - 1] if ts[i] else "O"
        feats[i].append(f"de=B-{t}")
        feats[i].append(f"de{tag}=B-{t}|{o}")
        for j in range(i + 1, i + m):
            o = TYPES[ts[j] - 1] if ts[j] else "O"
            feats[j].append(f"de=I-{t}")
            feats[j].append(f"de{tag}=I-{t}|{o}")
        nxt = i + m


def name_attrs(keys: Sequence[Sequence[str | None]], labels: Sequence[Sequence[str]]) -> dict[tuple[int, int], list[str]]:
    """The ``de…`` attributes of :func:`doc_attrs` when one window holds every sentence.

    Returns ``{(sentence, token): attributes}`` for the tokens that have any.
    """
    names = [_names(ks, ls) for ks, ls in zip(keys, labels)]
    ncount: dict[tuple, dict[str, int]] = {}
    nfirst: dict[str, dict[int, int]] = {}
    for ns in names:
        for k, t in ns:
            c = ncount.setdefault(k, {})
            c[t] = c.get(t, 0) + 1
            f = nfirst.setdefault(k[0], {})
            f[len(k)] = f.get(len(k), 0) + 1
    out: dict[tuple[int, int], list[str]] = {}
    if not nfirst:
        return out
    for s, ks in enumerate(keys):
        if nfirst.keys().isdisjoint(ks):  # (a name's first key is never None)
            continue
        ts = [_TID.get(lab[2:], 0) if lab != "O" else 0 for lab in labels[s]]
        feats: list[list[str]] = [[] for _ in ks]
        _match_names(ks, ts, names[s], ncount, nfirst, feats)
        for i, f in enumerate(feats):
            if f:
                out[(s, i)] = f
    return out


def doc_attrs(keys: Sequence[Sequence[str | None]], labels: Sequence[Sequence[str]],
              window: int = WINDOW) -> list[list[list[str]]]:
    """Document-level attributes per sentence and token.

    ``keys``: :func:`word_key` of each token; ``labels``: first-pass BIO (or
    BILOU) labels.  Sentences are taken to be in text order.
    """
    S = len(keys)
    tids = [[_TID.get(lab[2:], 0) if lab != "O" else 0 for lab in sl] for sl in labels]
    names = [_names(ks, ls) for ks, ls in zip(keys, labels)]
    wcount: dict[str, list[int]] = {}
    ncount: dict[tuple, dict[str, int]] = {}
    nfirst: dict[str, dict[int, int]] = {}  # first key -> name length -> names in the window

    def add(s: int, sign: int) -> None:
        for k, t in zip(keys[s], tids[s]):
            if k:
                c = wcount.get(k)
                if c is None:
                    c = wcount[k] = [0, 0, 0, 0, 0]
                c[t] += sign
        for k, t in names[s]:
            c = ncount.setdefault(k, {})
            c[t] = c.get(t, 0) + sign
            f = nfirst.setdefault(k[0], {})
            f[len(k)] = f.get(len(k), 0) + sign

    lo = hi = 0  # current window [lo, hi)
    memo: dict[tuple, tuple[str, ...]] = {}
    out: list[list[list[str]]] = []
    for s in range(S):
        a, b = max(0, s - window), min(S, s + window + 1)
        while hi < b:
            add(hi, 1)
            hi += 1
        while lo < a:
            add(lo, -1)
            lo += 1
        ks, ts = keys[s], tids[s]
        n = len(ks)
        feats: list[list[str]] = []
        # the same word elsewhere (the token itself left out)
        for k, t in zip(ks, ts):
            if not k:
                feats.append([])
                continue
            c = wcount[k]
            mk = (*c, t)
            got = memo.get(mk)
            if got is None:
                got = memo[mk] = word_attrs(c, t)
            feats.append(list(got))
        # names tagged in other sentences of the window
        if nfirst and n:
            _match_names(ks, ts, names[s], ncount, nfirst, feats)
        out.append(feats)
    return out


__all__ = ["MAX_NAME", "TYPES", "WINDOW", "doc_attrs", "name_attrs", "word_attrs", "word_key"]
