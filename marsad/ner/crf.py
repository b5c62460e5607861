"""The statistical NER tagger: a linear-chain CRF (python-crfsuite model).

>>> from marsad.ner.crf import NerTagger
>>> tagger = NerTagger.load()                       # the model shipped in marsad/models
>>> tagger.tag(["قال", "وزير", "الخارجية", "الإيراني", "محمد", "جواد", "ظريف"])  # doctest: +SKIP
['O', 'O', 'O', 'O', 'B-PERS', 'I-PERS', 'I-PERS']

A model is two files with one stem: ``ner.crfsuite`` (the weights) and
``ner.lex.tsv`` (word clusters, frequency bands and the feature settings the
weights were trained with).  A model whose table sets ``doc_window`` tags in
two passes, the second seeing the first's tags of the same words elsewhere in
the document (:mod:`marsad.ner.doc`).
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import repeat
from pathlib import Path

from marsad.ner.conll import from_bilou
from marsad.ner.doc import TYPES, doc_attrs, name_attrs, word_attrs, word_key
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
    """The shipped model, or ``$MARSAD_NER_MODEL`` if set (to compare a candidate model end to end)."""
    env = os.environ.get("MARSAD_NER_MODEL")
    if env:
        return Path(env)
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
    """Viterbi over the model's weights, with per-word score vectors cached.

    A token's score vector is the sum of the weights of its attributes.  Word
    features are fixed per (word, window offset), so their sums are computed
    once per word and kept as rows of one matrix per offset; a word's cache
    entry is only its row number.  What the context features need of a word is
    kept per row in numpy arrays (its bigram-vocabulary id, its document key
    id, whether it may begin a lexicon entry) and, for the few sentences with a
    possible lexicon match, in a list of the strings the gazetteers read.  So
    a batch costs one dict lookup a token in Python; the rest (BOS/EOS,
    bigrams, the gathers of the score rows) is numpy over the whole batch.
    The sentences of a batch are scored and decoded together with numpy
    (backtracking too).  Gives the same tags as crfsuite (up to float
    rounding on ties).
    """

    #: cached words before the cache starts over (unbounded input)
    MAX_WORDS = 300_000

    def __init__(self, tagger, fx: FeatureExtractor, domain: str | None) -> None:
        import numpy as np

        self.np = np
        self.fx = fx
        self.domain = domain
        labels, state, trans = read_weights(tagger)
        self.labels = labels
        self.bio = from_bilou(labels)
        L = len(labels)
        lid = {l: i for i, l in enumerate(labels)}
        # attribute -> row of the weight matrix; row 0 is all zeros (unknown attribute)
        self.aidx: dict[str, int] = {}
        W = np.zeros((len(state) + 1, L))
        for r, (attr, ws) in enumerate(state.items(), 1):
            for l, w in ws.items():
                W[r, lid[l]] = w
            self.aidx[attr] = r
        self.Wm = W
        self.T = np.zeros((L, L))
        for (a, b), w in trans.items():
            self.T[lid[a], lid[b]] = w
        self.dp = fx.config.domain_attrs
        self.L = L
        offsets = (0, *fx.offsets)
        self.offsets = offsets
        self.bias = self._vec(["bias"])
        self.bos = self._vec(["BOS"])
        self.eos = self._vec(["EOS"])
        self._bigram_tables()
        self._word_tables()
        self._dense_tables()
        self._doc_ids: dict[tuple, int] = {}
        self._doc_rows = [np.zeros(L)]
        self._doc_W = None
        self._lab_tid = None
        self._doc_code_rows = np.full(1 + 4 * 25, -1, dtype=np.intp)
        self._ctx_ids: dict[str, tuple[int, ...]] = {}
        #: (lexicon key, type) -> weight rows of its B-, I-, typed, +1 and -1 attributes
        self._lex_rows: dict[tuple[str, str], tuple[tuple[int, ...], ...]] = {}
        self._kcount = None
        # word -> row.  Per row: the score vectors at each window offset (one matrix per
        # offset), the bigram-vocabulary id of the word's normal form (-1: in no bigram),
        # the id of its document key (0: none; ids from _key_ids), whether one of its
        # forms begins a lexicon entry, and (norm, stems, lexicon keys) for the
        # gazetteers.  Row 0 is the padding row (neighbor outside the sentence); rows
        # grow by doubling
        self.words: dict[str, int] = {}
        self._key_ids: dict[str, int] = {}
        self._n = 1
        self._mats = [np.zeros((1024, L)) for _ in offsets]
        for j, k in enumerate(offsets):
            if k:
                self._mats[j][0] = self._vec(_PAD_ATTRS[k])
        self._nid = np.full(1024, -1, dtype=np.int64)
        self._kid = np.zeros(1024, dtype=np.intp)
        self._lexf = np.zeros(1024, dtype=bool)
        self._lexinfo: list[tuple | None] = [None] * 1024

    def _copied(self, attr: str) -> bool:
        return bool(self.domain) and (not self.dp or attr.startswith(self.dp))

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

    def _bigram_tables(self) -> None:
        """``(prev, cur)`` -> row of :attr:`Wbg` for the bg-/bg+ attributes of the model."""
        np = self.np
        d = self.domain
        names = {a for a in self.aidx if a.startswith(("bg-=", "bg+="))}
        if d:
            pre = f"{d}|"
            names |= {a[len(pre):] for a in self.aidx
                      if a.startswith((pre + "bg-=", pre + "bg+=")) and self._copied(a[len(pre):])}
        self.bgm: dict[tuple[str, str], int] = {}
        self.bgp: dict[tuple[str, str], int] = {}
        rows = [np.zeros(self.L)]
        for a in sorted(names):
            v = self._vec([a])
            if not v.any():
                continue
            table = self.bgm if a[2] == "-" else self.bgp
            body = a[4:]
            # the pair is joined with "|", which a word may contain: keep every split
            k = body.find("|")
            while k >= 0:
                table[(body[:k], body[k + 1:])] = len(rows)
                k = body.find("|", k + 1)
            rows.append(v)
        self.Wbg = np.vstack(rows)
        # the same tables over integer ids, so that a batch is looked up with numpy:
        # every string of a listed pair gets an id, the pair (a, b) the code a * V + b
        vocab: dict[str, int] = {}
        for table in (self.bgm, self.bgp):
            for a, b in table:
                vocab.setdefault(a, len(vocab))
                vocab.setdefault(b, len(vocab))
        self._bg_vocab = vocab
        self._bg_size = max(len(vocab), 1)
        self._bg_bos = vocab.get("<s>", -1)
        self._bg_eos = vocab.get("</s>", -1)
        self._bgm_coded = self._coded(self.bgm)
        self._bgp_coded = self._coded(self.bgp)

    def _coded(self, table: dict[tuple[str, str], int]):
        """``(sorted pair codes, their Wbg rows)`` of one bigram table."""
        np = self.np
        vocab, V = self._bg_vocab, self._bg_size
        codes = np.fromiter((vocab[a] * V + vocab[b] for a, b in table), dtype=np.int64, count=len(table))
        rows = np.fromiter(table.values(), dtype=np.intp, count=len(table))
        order = np.argsort(codes, kind="stable")
        return codes[order], rows[order]

    def _bigram_rows(self, coded, left, right):
        """Rows of :attr:`Wbg` for the pairs ``(left[i], right[i])`` of vocabulary ids (0: not listed)."""
        np = self.np
        codes, rows = coded
        out = np.zeros(len(left), dtype=np.intp)
        ok = (left >= 0) & (right >= 0)
        if len(codes) and ok.any():
            c = left[ok] * self._bg_size + right[ok]
            pos = np.minimum(codes.searchsorted(c), len(codes) - 1)
            out[ok] = np.where(codes[pos] == c, rows[pos], 0)
        return out

    def _word_tables(self) -> None:
        """Weights by the attribute strings a word analysis yields, domain copies folded in.

        ``lidx``/``Wl``: a word's own attributes; ``nidx``/``Wn``: the
        attributes it shows its neighbors, keyed without the offset prefix,
        one row holding the weights at every offset (``-2``, ``-1``, ``1``, ``2``).
        """
        np = self.np
        L = self.L
        d = self.domain
        plain = [a for a in self.aidx if not (d and a.startswith(f"{d}|"))]
        if d:
            pre = f"{d}|"
            seen = set(plain)
            plain += [a[len(pre):] for a in self.aidx if a.startswith(pre) and a[len(pre):] not in seen
                      and self._copied(a[len(pre):])]
        offs = self.offsets[1:]
        prefixes = {str(k): j for j, k in enumerate(offs)}
        self.lidx: dict[str, int] = {}
        lrows: list[list[int]] = [[0]]
        self.nidx: dict[str, int] = {}
        nrows: list[list[list[int]]] = [[[0] for _ in offs]]
        for a in plain:
            ids = [i for i in self._ids((a,)) if i]
            if not ids:
                continue
            m = a[:2] if a[:1] == "-" else a[:1]
            j = prefixes.get(m)
            if j is not None and len(a) > len(m):
                base = a[len(m):]
                r = self.nidx.get(base)
                if r is None:
                    r = self.nidx[base] = len(nrows)
                    nrows.append([[0] for _ in offs])
                nrows[r][j] = ids
            else:
                self.lidx[a] = len(lrows)
                lrows.append(ids)
        W = self.Wm
        self.Wl = np.vstack([W[ids].sum(0) for ids in lrows]) if lrows else np.zeros((1, L))
        self.Wn = np.vstack([np.concatenate([W[ids].sum(0) for ids in r]) for r in nrows])

    def _dense_tables(self) -> None:
        """For dense features (:attr:`FeatureConfig.emb`): per window offset, the
        ``(emb, L)`` weights of the components of the word there (``e3``, ``-1e3`` ...),
        so that a word's score rows get its vector times them."""
        np = self.np
        cfg = self.fx.config
        self._emb: list[tuple[int, object]] = []
        if not cfg.emb:
            return
        for j, k in enumerate(self.offsets):
            if abs(k) > cfg.emb_window:
                continue
            pre = f"{k}e" if k else "e"
            M = np.vstack([self._vec([f"{pre}{c}"]) for c in range(cfg.emb)])
            if M.any():
                self._emb.append((j, M))

    def _grow(self, need: int) -> None:
        """Make room for ``need`` rows in the per-row tables (doubling)."""
        np = self.np
        size = len(self._mats[0])
        if need <= size:
            return
        while size < need:
            size *= 2
        r0 = self._n
        grown = []
        for m in self._mats:
            g = np.zeros((size, self.L))
            g[:r0] = m[:r0]
            grown.append(g)
        self._mats = grown
        for name, fill in (("_nid", -1), ("_kid", 0), ("_lexf", False)):
            old = getattr(self, name)
            new = np.full(size, fill, dtype=old.dtype)
            new[:r0] = old[:r0]
            setattr(self, name, new)
        self._lexinfo.extend([None] * (size - len(self._lexinfo)))

    def _add_words(self, new: list[str]) -> None:
        """Cache entries for words not seen before, their score rows summed in one go."""
        np = self.np
        r0 = self._n
        self._grow(r0 + len(new))
        lg, ng = self.lidx.get, self.nidx.get
        zeros = repeat(0)  # the default of each lookup: unknown attributes have weight row 0
        analyze = self.fx.analyze_base
        words = self.words
        vocab = self._bg_vocab
        key_ids = self._key_ids
        lexinfo = self._lexinfo
        lids: list[int] = []
        lst: list[int] = []
        nids: list[int] = []
        nst: list[int] = []
        bg: list[int] = []
        kids: list[int] = []
        lexf: list[bool] = []
        r = r0
        for w in new:
            local, nb, norm, stems, lexhits = analyze(w)
            lst.append(len(lids))
            lids.extend(map(lg, local, zeros))
            lids.append(0)  # keeps every segment non-empty for reduceat
            nst.append(len(nids))
            nids.extend(map(ng, nb, zeros))
            nids.append(0)
            words[w] = r
            bg.append(vocab.get(norm, -1))
            key = word_key(norm)
            kids.append(0 if key is None else key_ids.setdefault(key, len(key_ids) + 1))
            lexf.append(bool(lexhits))
            lexinfo[r] = (norm, stems, lexhits)
            r += 1
        mats = self._mats
        mats[0][r0:r] = np.add.reduceat(self.Wl[lids], lst, axis=0)
        nv = np.add.reduceat(self.Wn[nids], nst, axis=0)
        L = self.L
        for j in range(1, len(self.offsets)):
            mats[j][r0:r] = nv[:, (j - 1) * L:j * L]
        if self._emb:
            V = np.zeros((r - r0, self.fx.config.emb))
            vector = self.fx.vector
            for i, w in enumerate(new):
                v = vector(w)
                if v is not None:
                    V[i, :len(v)] = v
            for j, M in self._emb:
                mats[j][r0:r] += V @ M
        self._nid[r0:r] = bg
        self._kid[r0:r] = kids
        self._lexf[r0:r] = lexf
        self._n = r

    def _rows(self, flat: list[str]) -> list[int]:
        """Cache rows of the words of a batch (text order), analyzing words not seen before."""
        words = self.words
        if self._n + len(flat) > self.MAX_WORDS:
            # unbounded input: start over rather than grow forever (never within a batch,
            # whose rows must stay valid until it is scored)
            words.clear()
            self._key_ids.clear()
            self._n = 1
        get = words.get
        rows = list(map(get, flat))
        if None in rows:
            self._add_words(list(dict.fromkeys(w for w in flat if w not in words)))
            rows = list(map(get, flat))
        return rows

    def _row(self, word: str) -> int:
        """The cache row of a word (computed on first sight)."""
        return self._rows([word])[0]

    def emissions(self, sentences):
        """Score vectors of all tokens of a batch: ``(E, sent_index, position, keys)``.

        ``keys`` are the ids of the tokens' :func:`marsad.ner.doc.word_key`
        (0 for none; flat, text order), which the second pass needs.
        """
        np = self.np
        flat = [w for s in sentences for w in s]
        N = len(flat)
        rows = self._rows(flat)
        S = len(sentences)
        lens = np.fromiter((len(s) for s in sentences), dtype=np.intp, count=S)
        ends = lens.cumsum()
        starts = ends - lens
        sid_a = np.arange(S).repeat(lens)
        ar = np.arange(N)
        pos_a = ar - starts[sid_a]
        Rt = np.asarray(rows, dtype=np.intp)
        # rows laid out with `w` padding rows (row 0) before every sentence and after the
        # last, so that every window offset is one slice: a neighbor outside the sentence
        # lands on padding, whose row holds the padding attributes' weights
        w = max((abs(k) for k in self.offsets), default=0)
        P = N + w * (S + 1)
        R = np.zeros(P, dtype=np.intp)
        R[ar + w * (sid_a + 1)] = Rt
        mats = self._mats
        Ep = mats[0][R[w:P - w]]
        for j, k in enumerate(self.offsets[1:], 1):
            Ep += mats[j][R[w + k:P - w + k]]
        E = Ep[ar + w * sid_a] + self.bias
        nonempty = lens > 0
        first, last = starts[nonempty], ends[nonempty] - 1
        E[first] += self.bos
        E[last] += self.eos
        if self.fx.config.bigrams and N:
            # the pairs (previous, this) and (this, next) of normal forms, "<s>"/"</s>"
            # at sentence edges, as vocabulary ids
            nid = self._nid[Rt]
            prev = np.empty(N, dtype=np.int64)
            prev[1:] = nid[:-1]
            prev[0] = self._bg_bos
            prev[first] = self._bg_bos
            nxt = np.empty(N, dtype=np.int64)
            nxt[:-1] = nid[1:]
            nxt[-1] = self._bg_eos
            nxt[last] = self._bg_eos
            E += self.Wbg[self._bigram_rows(self._bgm_coded, prev, nid)]
            E += self.Wbg[self._bigram_rows(self._bgp_coded, nid, nxt)]
        if self.fx.lexicons:
            ctx_pos: list[int] = []
            ctx_idx: list[int] = []
            info = self._lexinfo
            bounds = list(zip(starts.tolist(), ends.tolist()))
            # only sentences where some word's form begins a lexicon entry, in text order
            for s in np.bincount(sid_a[self._lexf[Rt]], minlength=S).nonzero()[0].tolist():
                a, b = bounds[s]
                norms, stems, hits = zip(*[info[r] for r in rows[a:b]])
                self._lexicon_rows(norms, stems, hits, a, ctx_pos, ctx_idx)
            if ctx_idx:
                np.add.at(E, ctx_pos, self.Wm[ctx_idx])
        return E, sid_a, pos_a, self._kid[Rt]

    def _lexicon_rows(self, norms, stems, hits, offset: int, pos: list[int], idx: list[int]) -> None:
        """The gazetteer attributes of one sentence as ``(position + offset, weight row)`` pairs,
        appended to ``pos``/``idx`` in the order of
        :meth:`marsad.ner.features.FeatureExtractor.lexicon_attrs` (so the sums come out
        bit for bit the same), without building the attribute names of every match."""
        n = len(norms)
        rows_of = self._lex_rows
        for key, gz in self.fx.lexicons.items():
            first_words = [i for i, h in enumerate(hits) if key in h]
            if not first_words:
                continue
            for first, m, t in gz.spans(norms, stems, first_words):
                got = rows_of.get((key, t))
                if got is None:
                    ids_of = self._context_ids
                    got = rows_of[(key, t)] = (ids_of(f"{key}=B-{t}"), ids_of(f"{key}=I-{t}"), ids_of(f"{key}={t}"),
                                               ids_of(f"+1{key}={t}"), ids_of(f"-1{key}={t}"))
                begin, inside, typed, to_prev, to_next = got
                for i in range(first, first + m):
                    p = offset + i
                    for j in (begin if i == first else inside):
                        pos.append(p)
                        idx.append(j)
                    for j in typed:
                        pos.append(p)
                        idx.append(j)
                    if i > 0:
                        for j in to_prev:
                            pos.append(p - 1)
                            idx.append(j)
                    if i + 1 < n:
                        for j in to_next:
                            pos.append(p + 1)
                            idx.append(j)

    def _context_ids(self, attr: str) -> tuple[int, ...]:
        """Weight rows of a context attribute and its domain copy (known ones only), memoized:
        the gazetteer attributes are a few dozen strings."""
        ids = self._ctx_ids.get(attr)
        if ids is None:
            ids = self._ctx_ids[attr] = tuple(j for j in self._ids((attr,)) if j)
        return ids

    def first_pass(self, batch):
        """Scores ``(S, Tmax, L)``, Viterbi label indices ``(S, Tmax)``, lengths of non-empty
        sentences and the tokens' word keys (flat, for the second pass)."""
        np = self.np
        flat, sid, pos, keys = self.emissions(batch)
        S = len(batch)
        lens = np.fromiter((len(x) for x in batch), dtype=np.intp, count=S)
        E = np.zeros((S, int(lens.max()), self.L))
        E[sid, pos] = flat
        return E, viterbi(np, E, lens, self.T), lens, keys

    def decode(self, sentences, window: int = 0):
        """BIO tags per sentence; ``window`` > 0 runs the document-level second pass."""
        res: list[list[str]] = [[] for _ in sentences]
        order = [i for i, s in enumerate(sentences) if len(s)]
        if not order:
            return res
        batch = [sentences[i] for i in order]
        E, path, lens, keys = self.first_pass(batch)
        if window > 0:
            E = self.add_doc_scores(batch, E, path, lens, window, keys)
            path = viterbi(self.np, E, lens, self.T)
        for i, tags in zip(order, _per_sentence(self.np, self.bio, path, lens)):
            res[i] = tags
        return res

    def add_doc_scores(self, batch, E, path, lens, window: int, kid=None):
        """First-pass scores plus the weights of the document attributes (:mod:`marsad.ner.doc`).

        ``kid``: the ids of the tokens' word keys in text order, as
        :meth:`first_pass` returns them (looked up here when not given).  The
        attributes compare keys only for equality (and 0 for none, like None
        for :func:`word_key`), so ids stand for the strings.
        """
        np = self.np
        labels = self.labels
        if kid is None:
            kid = self._kid[np.asarray(self._rows([w for s in batch for w in s]), dtype=np.intp)]
        flat_keys = kid.tolist()
        bounds = lens.cumsum().tolist()
        keys = [flat_keys[a:b] for a, b in zip([0, *bounds], bounds)]
        first = _per_sentence(np, labels, path, lens)
        mask = np.arange(E.shape[1])[None, :] < lens[:, None]
        E = E.copy()
        if len(batch) <= window + 1:
            # every window holds every sentence (a document): same-word counts with numpy
            E[mask] += self._doc_word_scores(kid, path[mask])
            for (b, t), attrs in name_attrs(keys, first).items():
                E[b, t] += self._doc_vec(attrs)
            return E
        ids = [self._doc_row(fs) for feats in doc_attrs(keys, first, window) for fs in feats]
        E[mask] += self._doc_rows_matrix()[ids]
        return E

    def _doc_row(self, attrs) -> int:
        k = tuple(attrs)
        j = self._doc_ids.get(k)
        if j is None:
            v = self._vec(k)
            j = self._doc_ids[k] = len(self._doc_rows) if v.any() else 0
            if j:
                self._doc_rows.append(v)
                self._doc_W = None
        return j

    def _doc_rows_matrix(self):
        if self._doc_W is None:
            self._doc_W = self.np.vstack(self._doc_rows)
        return self._doc_W

    def _doc_vec(self, attrs):
        j = self._doc_row(attrs)
        return self._doc_rows_matrix()[j]

    def _doc_word_scores(self, keys, path):
        """Weights of :func:`marsad.ner.doc.word_attrs` for every token (``keys``: word key ids, 0 for none, text order)."""
        np = self.np
        if self._lab_tid is None:
            self._lab_tid = np.asarray([TYPES.index(l[2:]) + 1 if l != "O" else 0 for l in self.labels])
        N = len(keys)
        out = np.zeros((N, self.L))
        has = keys > 0
        if not has.any():
            return out
        kid = keys[has]
        own = self._lab_tid[path[has]]
        # counts [O, PERS, LOC, ORG, MISC] per key, in a zeroed scratch table indexed by
        # key id (no sort), left zeroed again
        C = self._key_counts(int(kid.max()) + 1)
        np.add.at(C, (kid, own), 1)
        c = C[kid].astype(np.intp)
        C[kid] = 0
        total = c.sum(1) - 1
        ents = c[:, 1:].copy()
        ents[np.arange(len(own)), np.maximum(own - 1, 0)] -= own > 0
        ne = ents.sum(1)
        fb = np.where(ne <= 0, 0, np.where(ne >= total, 1, np.where(2 * ne < total, 2, 3)))
        best = np.where(ne > 0, ents.argmax(1) + 1, 0)
        code = np.where(total <= 0, 0, 1 + fb * 25 + best * 5 + own)
        rows = self._doc_code_rows
        unseen = rows[code] < 0
        if unseen.any():  # codes met for the first time, in ascending order
            for u in np.unique(code[unseen]).tolist():
                i = int(np.flatnonzero(code == u)[0])
                rows[u] = self._doc_row(word_attrs(c[i].tolist(), int(own[i])))
        out[has] = self._doc_rows_matrix()[rows[code]]
        return out

    def _key_counts(self, n: int):
        """A zeroed ``(>= n, 5)`` count table (grown by doubling, kept between documents)."""
        np = self.np
        C = self._kcount
        if C is None or len(C) < n:
            size = max(1024, len(C) if C is not None else 0)
            while size < n:
                size *= 2
            C = self._kcount = np.zeros((size, 5), dtype=np.int32)
        return C


def _per_sentence(np, names: list[str], path, lens) -> list[list[str]]:
    """``names`` of the label indices of each sentence's path (one ``tolist`` for the batch)."""
    flat = [names[k] for k in path[np.arange(path.shape[1]) < lens[:, None]].tolist()]
    out = []
    a = 0
    for n in lens.tolist():
        out.append(flat[a:a + n])
        a += n
    return out


def viterbi(np, E, lens, T):
    """Best label indices ``(S, Tmax)`` for score vectors ``E`` ``(S, Tmax, L)`` of sentences of ``lens``.

    The forward pass keeps only the best scores; back-pointers are
    recomputed along the best path only.  A batch is a handful of sentences
    and ``L`` is small, so the cost is the number of numpy calls per
    position, not arithmetic: scores are laid out position-major and the
    candidates of a step as ``(previous label, sentence, label)``, whose max
    over the first axis is a fast elementwise reduction (a max over a middle
    or last axis this short is several times slower).  The sums and maxima
    are the same floating-point operations in the same order as the plain
    recurrence, so the path is too (ties go to the lowest label index).
    """
    S, Tmax, L = E.shape
    Et = np.ascontiguousarray(E.transpose(1, 0, 2))
    scores = np.empty((Tmax, S, L))
    scores[0] = Et[0]
    # prev[t][j, s, 0] = scores[t, s, j]: one indexing a step instead of three views
    prev = scores.transpose(0, 2, 1)[..., None]
    cand = np.empty((L, S, L))
    Tc = T[:, None, :]
    best = np.maximum.reduce
    add = np.add
    for t in range(1, Tmax):
        # cand[j, s, k] = score of label j at t - 1 in sentence s + transition j -> k
        add(prev[t - 1], Tc, out=cand)
        cur = scores[t]
        best(cand, axis=0, out=cur)
        cur += Et[t]
    last = lens - 1
    y = scores[last, np.arange(S)].argmax(1)
    path = np.zeros((Tmax, S), dtype=np.intp)
    TT = T.T
    # a sentence ending before t keeps its last label until its end is reached
    alive = last[None, :] >= np.arange(Tmax)[:, None] if bool((last < Tmax - 1).any()) else None
    prev_scores = np.empty((S, L))
    for t in range(Tmax - 1, 0, -1):
        path[t] = y
        add(scores[t - 1], TT[y], out=prev_scores)
        back = prev_scores.argmax(1)
        y = back if alive is None else np.where(alive[t], back, y)
    path[0] = y
    return path.T


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
             scheme: str | None = None, second_pass: bool = True) -> NerTagger:
        """Load a model (default: the one shipped in :mod:`marsad.models`).

        ``scheme`` picks the annotation conventions to tag with (see
        :data:`SCHEMES`): ``"newsfane"`` (default) tags government bodies
        such as "وزارة الخارجية" as ORG and leaves currencies alone;
        ``"anercorp"`` follows the ANERcorp benchmark, where ministries and
        descriptor words ("شركة", "حركة", "قطاع") stay outside names and
        currencies are MISC; ``"general"`` uses the shared weights only.
        ``second_pass=False`` skips the document-level second pass of a model
        that has one (:mod:`marsad.ner.doc`): faster, a little less accurate.
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
        tagger.second_pass = second_pass
        return tagger

    #: run the model's document-level second pass, if it has one
    second_pass = True

    @property
    def doc_window(self) -> int:
        """Sentences either side the second pass looks at (0: the model has no second pass)."""
        if not self.second_pass:
            return 0
        return int(self.fx.table.meta.get("doc_window") or 0)

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags (``B-PERS`` …) for one sentence's tokens."""
        if not tokens:
            return []
        return self.tag_many([tokens])[0]

    def tag_crfsuite(self, tokens: Sequence[str]) -> list[str]:
        """Reference path: python-crfsuite's own Viterbi (slower)."""
        if not tokens:
            return []
        return self.tag_many_crfsuite([tokens])[0]

    def tag_many_crfsuite(self, sentences: Sequence[Sequence[str]], window: int | None = None) -> list[list[str]]:
        """Reference path for :meth:`tag_many`: python-crfsuite's Viterbi, both passes."""
        sentences = [list(s) for s in sentences]
        feats = [self.fx.sentence(s, self.domain) for s in sentences]
        first = [self._tagger.tag(self.fx.items(f, s)) if f else [] for f, s in zip(feats, sentences)]
        w = self._window(window)
        if w <= 0:
            return [from_bilou(t) for t in first]
        # the fast decoder leaves empty sentences out of the windows: so does this
        live = [i for i, s in enumerate(sentences) if s]
        keys = [[word_key(self.fx.word_parts(x)[2]) for x in sentences[i]] for i in live]
        extra = doc_attrs(keys, [first[i] for i in live], w)
        out: list[list[str]] = [[] for _ in sentences]
        for i, x in zip(live, extra):
            out[i] = from_bilou(self._tagger.tag(self.fx.items([a + e for a, e in zip(feats[i], x)], sentences[i])))
        return out

    def _window(self, window: int | None) -> int:
        if self.doc_window <= 0:
            return 0
        return self.doc_window if window is None else window

    def tag_many(self, sentences: Sequence[Sequence[str]], window: int | None = None) -> list[list[str]]:
        """Tags for many sentences at once (faster than calling :meth:`tag` on each).

        Sentences are taken to be in text order: with a second pass (see
        :mod:`marsad.ner.doc`), each sentence sees the first-pass tags of
        its neighbors: :attr:`doc_window` sentences either side, or ``window``.
        """
        if self._fast is not None:
            return self._fast.decode([list(s) for s in sentences], self._window(window))
        return self.tag_many_crfsuite(sentences, window)

    def tag_doc(self, doc) -> list[EntitySpan]:
        """Entity spans over ``doc.tokens`` (from :mod:`marsad.text.segment`), per sentence."""
        bounds = _doc_bounds(doc.tokens)
        # the second pass sees the whole document (if it has one)
        tagged = self.tag_many([[t.text for t in doc.tokens[a:b]] for a, b in bounds], max(len(bounds), 1))
        return _doc_spans(doc, bounds, tagged)

    def tag_docs(self, docs) -> list[list[EntitySpan]]:
        """:meth:`tag_doc` of each document, the same spans, decoded together.

        Viterbi and the emission scores cost a fixed number of numpy calls per
        position of the longest sentence of a batch, so the sentences of a few
        documents decode in one batch for little more than one document's
        cost.  Every sentence is scored and decoded on its own row, and the
        second pass adds each document's own attributes (its window is the
        document, as in :meth:`tag_doc`), so the tags are the same.
        """
        if self._fast is None or len(docs) < 2:
            return [self.tag_doc(d) for d in docs]
        fast = self._fast
        np = fast.np
        per_doc = [_doc_bounds(d.tokens) for d in docs]
        sentences = [[t.text for t in d.tokens[a:b]] for d, bounds in zip(docs, per_doc) for a, b in bounds]
        if not sentences:
            return [[] for _ in docs]
        window = self._window(None)
        E, path, lens, keys = fast.first_pass(sentences)
        if window > 0:
            E2 = np.empty_like(E)
            r = k = 0
            for bounds in per_doc:
                n = len(bounds)
                if n:
                    ntok = int(lens[r:r + n].sum())
                    # tag_doc's window: the whole document (max(len(bounds), 1) sentences)
                    E2[r:r + n] = fast.add_doc_scores(sentences[r:r + n], E[r:r + n], path[r:r + n], lens[r:r + n],
                                                      max(n, 1), keys[k:k + ntok])
                    r, k = r + n, k + ntok
            path = viterbi(np, E2, lens, fast.T)
        tags = _per_sentence(np, fast.bio, path, lens)
        out = []
        r = 0
        for d, bounds in zip(docs, per_doc):
            out.append(_doc_spans(d, bounds, tags[r:r + len(bounds)]))
            r += len(bounds)
        return out


def _doc_bounds(toks) -> list[tuple[int, int]]:
    """Token ranges decoded as one sentence: the document's sentences, long ones cut (:func:`_chunks`)."""
    bounds: list[tuple[int, int]] = []
    i, n = 0, len(toks)
    while i < n:
        j = i
        si = toks[i].sentence
        while j < n and toks[j].sentence == si:
            j += 1
        bounds.extend(_chunks(toks, i, j))
        i = j
    return bounds


def _doc_spans(doc, bounds, tagged) -> list[EntitySpan]:
    """Entity spans of a document from the BIO tags of its token ranges."""
    from marsad.ner.scoring import spans

    toks = doc.tokens
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
