"""The statistical NER tagger: a linear-chain CRF (python-crfsuite model).

>>> from marsad.ner.crf import NerTagger
>>> tagger = NerTagger.load()                       # the model shipped in marsad/models
>>> tagger.tag(["قال", "وزير", "الخارجية", "الإيراني", "محمد", "جواد", "ظريف"])  # doctest: +SKIP
['O', 'O', 'O', 'O', 'B-PERS', 'I-PERS', 'I-PERS']

A model is two files with one stem: ``ner.crfsuite`` (the weights) and
``ner.lex.tsv`` (word clusters, frequency bands and the feature settings the
weights were trained with).
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from marsad.ner.features import _PAD as _PAD_ATTRS
from marsad.ner.features import FeatureConfig, FeatureExtractor, Gazetteer, WordTable

DEFAULT_MODEL = "ner.crfsuite"


def lex_path(model_path: str | os.PathLike) -> Path:
    p = Path(model_path)
    return p.with_name(p.name.removesuffix(".crfsuite") + ".lex.tsv")


def default_model_path() -> Path:
    return Path(str(resources.files("marsad.models").joinpath(DEFAULT_MODEL)))


def load_lexicons(extra_actor_files: Sequence[str | os.PathLike] = ()) -> dict[str, Gazetteer]:
    """Gazetteers from Marsad's lexicons; any that cannot be loaded is left out.

    ``G``: actor names and strong variants (types PERS/ORG/LOC);
    ``T``: titles, ranks and epithets (TTL) and role heads/role phrases (ROLE);
    ``N``: nationality adjectives (NAT).
    """
    out: dict[str, Gazetteer] = {}
    try:
        from marsad.lexicons import loader
    except Exception:  # noqa: BLE001 - the lexicons are optional for the tagger
        return out
    types = {"PER": "PERS", "ORG": "ORG", "LOC": "LOC"}
    try:
        g = Gazetteer()
        for a in loader.load_actors(extra_actor_files):
            t = types.get(a.type)
            if t:
                for name in a.names:
                    g.add(name, t)
        out["G"] = g
    except Exception:  # noqa: BLE001
        pass
    try:
        titles = loader.load_titles()
        g = Gazetteer()
        for f in titles.titles:
            g.add(f, "TTL")
        for f in titles.heads:
            g.add(f, "ROLE")
        out["T"] = g
    except Exception:  # noqa: BLE001
        pass
    try:
        g = Gazetteer()
        for form in loader.load_nationalities():
            g.add(form, "NAT")
        out["N"] = g
    except Exception:  # noqa: BLE001
        pass
    return out


@dataclass
class EntitySpan:
    """A tagged entity over document tokens (``start``/``end`` are character offsets)."""

    type: str
    start: int
    end: int
    text: str
    token_start: int
    token_end: int


def read_weights(tagger) -> tuple[list[str], dict[str, dict[str, float]], dict[tuple[str, str], float]]:
    """Labels, state weights (attr -> label -> w) and transitions of an open crfsuite model."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "dump.txt"
        tagger.dump(str(p))
        text = p.read_text(encoding="utf-8")
    labels: list[str] = []
    state: dict[str, dict[str, float]] = {}
    trans: dict[tuple[str, str], float] = {}
    section = ""
    for line in text.splitlines():
        if line.endswith("= {"):
            section = line.split(" ", 1)[0]
            continue
        if line == "}":
            section = ""
            continue
        if section == "LABELS":
            labels.append(line.split(": ", 1)[1])
        elif section in ("STATE_FEATURES", "TRANSITIONS"):
            body = line.split(") ", 1)[1]
            left, _, w = body.rpartition(": ")
            attr, _, label = left.rpartition(" --> ")
            if section == "TRANSITIONS":
                trans[(attr, label)] = float(w)
            else:
                state.setdefault(attr, {})[label] = float(w)
    return labels, state, trans


class _FastDecoder:
    """Viterbi over the model's weights with per-word score vectors cached.

    A token's score vector is the sum of the weights of its attributes.  Word
    features are fixed per (word, window offset), so their sum is computed
    once per word and offset and kept; only the few context attributes are
    looked up per token.  Sentences of a batch are decoded together with
    numpy.  Gives the same tags as crfsuite (up to float rounding on ties).
    """

    def __init__(self, tagger, fx: FeatureExtractor, domain: str | None) -> None:
        import numpy as np

        self.np = np
        self.fx = fx
        self.domain = domain
        labels, state, trans = read_weights(tagger)
        self.labels = labels
        L = len(labels)
        lid = {l: i for i, l in enumerate(labels)}
        self.W: dict[str, object] = {}
        for attr, ws in state.items():
            v = np.zeros(L)
            for l, w in ws.items():
                v[lid[l]] = w
            self.W[attr] = v
        self.T = np.zeros((L, L))
        for (a, b), w in trans.items():
            self.T[lid[a], lid[b]] = w
        self.dp = fx.config.domain_attrs
        self.zero = np.zeros(L)
        offsets = (0, *fx.offsets)
        self.offsets = offsets
        # row 0 of each offset matrix is the padding row (neighbor outside the sentence)
        self.rows: dict[str, int] = {}
        self.bias = self._vec(["bias"])
        self._mats = [[self.zero.copy() if k == 0 else self._vec(_PAD_ATTRS[k])] for k in offsets]
        self._stack = None

    def _vec(self, attrs):
        W = self.W
        v = self.zero.copy()
        d = self.domain
        dp = self.dp
        for a in attrs:
            w = W.get(a)
            if w is not None:
                v += w
            if d and (not dp or a.startswith(dp)):
                w = W.get(f"{d}|{a}")
                if w is not None:
                    v += w
        return v

    def _row(self, word: str) -> int:
        r = self.rows.get(word)
        if r is None:
            local, per_offset, _, _ = self.fx.word_parts(word)
            r = len(self._mats[0])
            for j, k in enumerate(self.offsets):
                self._mats[j].append(self._vec(local) if k == 0 else self._vec(per_offset[k]))
            self.rows[word] = r
            self._stack = None
            if r > 400_000:  # unbounded input: start over rather than grow forever
                self.rows.clear()
                self._mats = [m[:1] for m in self._mats]
                self._stack = None
                return self._row(word)
        return r

    def _matrices(self):
        if self._stack is None:
            self._stack = [self.np.vstack(m) for m in self._mats]
        return self._stack

    def emissions(self, sentences):
        np = self.np
        ids = [[self._row(w) for w in s] for s in sentences]
        mats = self._matrices()
        out = []
        W = self.W
        for s, r in zip(sentences, ids):
            n = len(s)
            r = np.asarray(r, dtype=np.intp)
            e = mats[0][r] + self.bias
            for j, k in enumerate(self.offsets[1:], 1):
                idx = np.zeros(n, dtype=np.intp)
                if k < 0:
                    idx[-k:] = r[:n + k] if n + k > 0 else idx[-k:]
                else:
                    idx[:n - k] = r[k:] if n - k > 0 else idx[:n - k]
                e += mats[j][idx]
            ctx = self.fx.context(s, [self.fx.word_parts(w) for w in s])
            for i, attrs in enumerate(ctx):
                for a in attrs:
                    w = W.get(a)
                    if w is not None:
                        e[i] += w
                    if self.domain and (not self.dp or a.startswith(self.dp)):
                        w = W.get(f"{self.domain}|{a}")
                        if w is not None:
                            e[i] += w
            out.append(e)
        return out

    def decode(self, sentences):
        np = self.np
        ems = self.emissions(sentences)
        res: list[list[str]] = [[] for _ in sentences]
        order = [i for i, e in enumerate(ems) if len(e)]
        if not order:
            return res
        S = len(order)
        Tmax = max(len(ems[i]) for i in order)
        L = len(self.labels)
        E = np.zeros((S, Tmax, L))
        lens = np.zeros(S, dtype=np.intp)
        for b, i in enumerate(order):
            E[b, : len(ems[i])] = ems[i]
            lens[b] = len(ems[i])
        back = np.zeros((S, Tmax, L), dtype=np.intp)
        score = E[:, 0]
        best_final = np.where(lens[:, None] == 1, score, 0.0)
        T = self.T
        for t in range(1, Tmax):
            cand = score[:, :, None] + T[None]
            bp = cand.argmax(1)
            score = np.take_along_axis(cand, bp[:, None, :], 1)[:, 0] + E[:, t]
            back[:, t] = bp
            done = lens == t + 1
            if done.any():
                best_final[done] = score[done]
        labels = self.labels
        for b, i in enumerate(order):
            n = int(lens[b])
            y = int(best_final[b].argmax())
            path = [y]
            bk = back[b]
            for t in range(n - 1, 0, -1):
                y = int(bk[t, y])
                path.append(y)
            res[i] = [labels[y] for y in reversed(path)]
        return res


class NerTagger:
    """A CRF model plus the feature extractor it was trained with.

    ``fast=True`` (the default) decodes with :class:`_FastDecoder` when numpy
    is installed and falls back to python-crfsuite's own tagger otherwise;
    both give the same tags.
    """

    def __init__(self, model_path: str | os.PathLike, extractor: FeatureExtractor,
                 domain: str | None = None, fast: bool = True) -> None:
        import pycrfsuite

        self.model_path = Path(model_path)
        self.fx = extractor
        self.domain = domain
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.model_path))
        self._fast = None
        if fast:
            try:
                self._fast = _FastDecoder(self._tagger, extractor, domain)
            except ImportError:
                self._fast = None

    @classmethod
    def load(cls, path: str | os.PathLike | None = None,
             lexicons: dict[str, Gazetteer] | None = None, fast: bool = True) -> NerTagger:
        """Load a model (default: the one shipped in :mod:`marsad.models`)."""
        path = Path(path) if path is not None else default_model_path()
        if not path.exists():
            raise FileNotFoundError(f"NER model not found: {path}")
        lp = lex_path(path)
        table = WordTable.load(lp) if lp.exists() else WordTable()
        config = FeatureConfig.from_meta(table.meta)
        if lexicons is None:
            lexicons = load_lexicons() if config.lexicons else {}
        fx = FeatureExtractor(table, lexicons, config)
        return cls(path, fx, table.meta.get("target_domain") or None, fast=fast)

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags (``B-PERS`` …) for one sentence's tokens."""
        if not tokens:
            return []
        if self._fast is not None:
            return self._fast.decode([list(tokens)])[0]
        return list(self._tagger.tag(self.fx.sentence(tokens, self.domain)))

    def tag_crfsuite(self, tokens: Sequence[str]) -> list[str]:
        """Reference path: python-crfsuite's own Viterbi (slower)."""
        if not tokens:
            return []
        return list(self._tagger.tag(self.fx.sentence(tokens, self.domain)))

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags for many sentences at once (faster than calling :meth:`tag` on each)."""
        if self._fast is not None:
            return self._fast.decode([list(s) for s in sentences])
        return [self.tag_crfsuite(s) for s in sentences]

    def tag_doc(self, doc) -> list[EntitySpan]:
        """Entity spans over ``doc.tokens`` (from :mod:`marsad.text.segment`), per sentence."""
        from marsad.ner.scoring import spans

        toks = doc.tokens
        bounds: list[tuple[int, int]] = []
        i, n = 0, len(toks)
        while i < n:
            j = i
            si = toks[i].sentence
            while j < n and toks[j].sentence == si:
                j += 1
            bounds.append((i, j))
            i = j
        tagged = self.tag_many([[t.text for t in toks[a:b]] for a, b in bounds])
        out: list[EntitySpan] = []
        for (a, _), tags in zip(bounds, tagged):
            for s, e, etype in spans(tags):
                first, last = toks[a + s], toks[a + e - 1]
                out.append(EntitySpan(etype, first.start, last.end, doc.text[first.start:last.end], a + s, a + e))
        return out


__all__ = ["EntitySpan", "NerTagger", "default_model_path", "load_lexicons"]
