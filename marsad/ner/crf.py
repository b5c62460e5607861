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

from marsad.ner.conll import from_bilou
from marsad.ner.features import _PAD as _PAD_ATTRS
from marsad.ner.features import FeatureConfig, FeatureExtractor, Gazetteer, WordTable

DEFAULT_MODEL = "ner.crfsuite"

#: annotation conventions the shipped model can tag with -> the training corpus
#: whose per-domain feature copies give them (None: shared weights only)
SCHEMES = {"newsfane": "nf", "anercorp": "an", "general": None}
#: the pipeline's default: ACE-like, so ministries, agencies and armed-forces
#: bodies ("وزارة الخارجية", "هيئة الأركان العامة …") are ORG mentions
DEFAULT_SCHEME = "newsfane"


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
        # attribute -> row of the weight matrix; row 0 is all zeros (unknown attribute)
        self.aidx: dict[str, int] = {}
        rows = [np.zeros(L)]
        for attr, ws in state.items():
            v = np.zeros(L)
            for l, w in ws.items():
                v[lid[l]] = w
            self.aidx[attr] = len(rows)
            rows.append(v)
        self.Wm = np.vstack(rows)
        self.T = np.zeros((L, L))
        for (a, b), w in trans.items():
            self.T[lid[a], lid[b]] = w
        self.dp = fx.config.domain_attrs
        self.L = L
        offsets = (0, *fx.offsets)
        self.offsets = offsets
        self.bias = self._vec(["bias"])
        # per window offset, a matrix of per-word score vectors; row 0 is the
        # padding row (neighbor outside the sentence), rows grow by doubling
        self.rows: dict[str, int] = {}
        self._n = 1
        self._mats = [np.zeros((1024, L)) for _ in offsets]
        for j, k in enumerate(offsets):
            if k:
                self._mats[j][0] = self._vec(_PAD_ATTRS[k])

    def _ids(self, attrs) -> list[int]:
        get = self.aidx.get
        ids = [get(a, 0) for a in attrs]
        d = self.domain
        if d:
            dp = self.dp
            ids += [get(f"{d}|{a}", 0) for a in attrs if not dp or a.startswith(dp)]
        return ids

    def _vec(self, attrs):
        return self.Wm[self._ids(attrs)].sum(0)

    def _row(self, word: str) -> int:
        r = self.rows.get(word)
        if r is not None:
            return r
        if self._n >= 500_000:  # unbounded input: start over rather than grow forever
            self.rows.clear()
            self._n = 1
        r = self._n
        if r >= len(self._mats[0]):
            self._mats = [self.np.concatenate([m, self.np.zeros_like(m)]) for m in self._mats]
        local, per_offset = self.fx.word_parts(word)[:2]
        ids: list[int] = []
        starts: list[int] = []
        for k in self.offsets:
            starts.append(len(ids))
            ids.extend(self._ids(local if k == 0 else per_offset[k]))
            ids.append(0)  # keeps every segment non-empty for reduceat
        sums = self.np.add.reduceat(self.Wm[ids], starts, axis=0)
        for j in range(len(self.offsets)):
            self._mats[j][r] = sums[j]
        self._n = r + 1
        self.rows[word] = r
        return r

    def emissions(self, sentences):
        """Score vectors of all tokens of a batch: ``(E, sent_index, position)``."""
        np = self.np
        fx = self.fx
        flat_rows: list[int] = []
        sid: list[int] = []
        pos: list[int] = []
        ctx_pos: list[int] = []
        ctx_idx: list[int] = []
        get = self.aidx.get
        d, dp = self.domain, self.dp
        base = 0
        for b, s in enumerate(sentences):
            n = len(s)
            flat_rows.extend(self._row(w) for w in s)
            sid.extend([b] * n)
            pos.extend(range(n))
            for i, attrs in enumerate(fx.context(s, [fx.word_parts(w) for w in s])):
                for a in attrs:
                    j = get(a)
                    if j:
                        ctx_pos.append(base + i)
                        ctx_idx.append(j)
                    if d and (not dp or a.startswith(dp)):
                        j = get(f"{d}|{a}")
                        if j:
                            ctx_pos.append(base + i)
                            ctx_idx.append(j)
            base += n
        N = len(flat_rows)
        r = np.asarray(flat_rows, dtype=np.intp)
        sid_a = np.asarray(sid, dtype=np.intp)
        pos_a = np.asarray(pos, dtype=np.intp)
        mats = self._mats
        E = mats[0][r] + self.bias
        ar = np.arange(N)
        for j, k in enumerate(self.offsets[1:], 1):
            src = np.clip(ar + k, 0, max(N - 1, 0))
            ok = sid_a[src] == sid_a
            if k < 0:
                ok &= pos_a + k >= 0
            else:
                ok &= ar + k < N
            E += mats[j][np.where(ok, r[src], 0)]
        if ctx_idx:
            np.add.at(E, ctx_pos, self.Wm[ctx_idx])
        return E, sid_a, pos_a

    def decode(self, sentences):
        np = self.np
        res: list[list[str]] = [[] for _ in sentences]
        order = [i for i, s in enumerate(sentences) if len(s)]
        if not order:
            return res
        batch = [sentences[i] for i in order]
        flat, sid, pos = self.emissions(batch)
        S = len(batch)
        lens = np.asarray([len(x) for x in batch], dtype=np.intp)
        Tmax = int(lens.max())
        L = len(self.labels)
        E = np.zeros((S, Tmax, L))
        E[sid, pos] = flat
        back = np.zeros((S, Tmax, L), dtype=np.intp)
        score = E[:, 0]
        best_final = np.where(lens[:, None] == 1, score, 0.0)
        T = self.T[None]
        for t in range(1, Tmax):
            cand = score[:, :, None] + T
            back[:, t] = cand.argmax(1)
            score = cand.max(1) + E[:, t]
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
            res[i] = from_bilou([labels[y] for y in reversed(path)])
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
        self.scheme = {v: k for k, v in SCHEMES.items()}.get(domain, "general")
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
             lexicons: dict[str, Gazetteer] | None = None, fast: bool = True,
             scheme: str | None = None) -> NerTagger:
        """Load a model (default: the one shipped in :mod:`marsad.models`).

        ``scheme`` picks the annotation conventions to tag with (see
        :data:`SCHEMES`): ``"newsfane"`` (default) tags government bodies
        such as "وزارة الخارجية" as ORG and leaves currencies alone;
        ``"anercorp"`` follows the ANERcorp benchmark, where ministries and
        descriptor words ("شركة", "حركة", "قطاع") stay outside names and
        currencies are MISC; ``"general"`` uses the shared weights only.
        """
        path = Path(path) if path is not None else default_model_path()
        if not path.exists():
            raise FileNotFoundError(f"NER model not found: {path}")
        lp = lex_path(path)
        table = WordTable.load(lp) if lp.exists() else WordTable()
        config = FeatureConfig.from_meta(table.meta)
        if lexicons is None:
            lexicons = load_lexicons() if config.lexicons else {}
        fx = FeatureExtractor(table, lexicons, config)
        scheme = scheme or DEFAULT_SCHEME
        if scheme not in SCHEMES:
            raise ValueError(f"unknown NER scheme {scheme!r}; choose from {', '.join(SCHEMES)}")
        domain = SCHEMES[scheme]
        trained = {d.strip() for d in table.meta.get("domains", "").split(",") if d.strip()}
        if domain not in trained:
            domain = table.meta.get("target_domain") or None
            scheme = "anercorp" if domain == "an" else "general"
        tagger = cls(path, fx, domain, fast=fast)
        tagger.scheme = scheme
        return tagger

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags (``B-PERS`` …) for one sentence's tokens."""
        if not tokens:
            return []
        if self._fast is not None:
            return self._fast.decode([list(tokens)])[0]
        return self.tag_crfsuite(tokens)

    def tag_crfsuite(self, tokens: Sequence[str]) -> list[str]:
        """Reference path: python-crfsuite's own Viterbi (slower)."""
        if not tokens:
            return []
        return from_bilou(self._tagger.tag(self.fx.sentence(tokens, self.domain)))

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
            bounds.extend(_chunks(toks, i, j))
            i = j
        tagged = self.tag_many([[t.text for t in toks[a:b]] for a, b in bounds])
        out: list[EntitySpan] = []
        for (a, _), tags in zip(bounds, tagged):
            for s, e, etype in spans(tags):
                first, last = toks[a + s], toks[a + e - 1]
                out.append(EntitySpan(etype, first.start, last.end, doc.text[first.start:last.end], a + s, a + e))
        return out


#: longest token run decoded at once; Viterbi over a batch costs one numpy step
#: per position of its longest sentence, and Arabic news chains whole paragraphs
#: with commas into one sentence
MAX_CHUNK = 40


def _chunks(toks, a: int, b: int) -> list[tuple[int, int]]:
    """Split a long sentence at the comma nearest its middle (or at MAX_CHUNK)."""
    if b - a <= MAX_CHUNK:
        return [(a, b)]
    mid = (a + b) // 2
    commas = [k for k in range(a + 8, b - 8) if toks[k].text in ("،", ",", "؛", ";")]
    cut = min(commas, key=lambda k: abs(k - mid)) + 1 if commas else a + MAX_CHUNK
    return _chunks(toks, a, cut) + _chunks(toks, cut, b)


__all__ = ["EntitySpan", "NerTagger", "default_model_path", "load_lexicons"]
