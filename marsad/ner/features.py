"""Token features for the CRF tagger.

Every feature is a binary attribute string.  They come in two kinds:

* **word features** depend only on one word's spelling (normalized form,
  clitic-stripped stems, affixes, shape, frequency band, word-cluster ids,
  title flag).  A word's features at each window offset (-2..+2) are computed
  once and kept in a cache, so a document costs one dict lookup per token and
  offset, not a re-analysis of the word.
* **context features** depend on the sentence (gazetteer matches over several
  tokens, bigrams, sentence boundaries).

:meth:`FeatureExtractor.sentence` produces the full attribute lists for
training and for python-crfsuite; :mod:`marsad.ner.crf` uses the same pieces
(:meth:`FeatureExtractor.word_parts` and :meth:`FeatureExtractor.context`)
to score documents fast.  Both paths must stay in step: the tests check that
they tag identically.

The word-representation table (cluster ids and frequency bands) is part of
the model: :class:`WordTable` is saved next to the weights (``*.lex.tsv``) so
that run time never needs the corpus, wordfreq or gensim.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from marsad.text.normalize import normalize
from marsad.text.segment import clitic_forms, split_article, surface_forms

#: window offsets whose word features a token sees (0 = itself)
OFFSETS = (-2, -1, 1, 2)

_ARABIC = re.compile(r"^[\u0621-\u064A\u0660-\u0669\u066E-\u06D3\u06FA-\u06FF]+$")
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F]+$")
_DIGITS = re.compile(r"^[0-9\u0660-\u0669\u06F0-\u06F9]+$")
_HAS_DIGIT = re.compile(r"[0-9\u0660-\u0669\u06F0-\u06F9]")
_PUNCT = re.compile(r"^[^\w\s]+$")


def shape(word: str) -> str:
    if _ARABIC.match(word):
        return "A"
    if _DIGITS.match(word):
        return "D" if len(word) != 4 else "D4"
    if _LATIN.match(word):
        if word.isupper():
            return "LU"
        return "Lc" if word[:1].isupper() else "L"
    if _PUNCT.match(word):
        return "P"
    if _HAS_DIGIT.search(word):
        return "xD"
    return "x"


@dataclass
class WordTable:
    """Word -> cluster ids (one per granularity), frequency band and, optionally,
    a dense vector (standardized principal components of the word2vec vector,
    for real-valued features: :attr:`FeatureConfig.emb`).

    Keys are normalized forms (:func:`marsad.text.normalize.normalize`).
    """

    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    freq: dict[str, str] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)
    vectors: dict[str, tuple[float, ...]] = field(default_factory=dict)

    def save(self, path: str | os.PathLike) -> None:
        words = sorted(set(self.clusters) | set(self.freq) | set(self.vectors))
        with open(path, "w", encoding="utf-8") as fh:
            for k, v in sorted(self.meta.items()):
                fh.write(f"#{k}\t{v}\n")
            for w in words:
                cl = ",".join(self.clusters.get(w, ()))
                if self.vectors:
                    vec = " ".join(f"{x:.2f}" for x in self.vectors.get(w, ()))
                    fh.write(f"{w}\t{self.freq.get(w, '')}\t{cl}\t{vec}\n")
                else:
                    fh.write(f"{w}\t{self.freq.get(w, '')}\t{cl}\n")

    @classmethod
    def load(cls, path: str | os.PathLike) -> WordTable:
        t = cls()
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                line = line.rstrip("\n")
                if line.startswith("#"):
                    k, _, v = line[1:].partition("\t")
                    t.meta[k] = v
                    continue
                w, fq, cl, *vec = line.split("\t")
                if fq:
                    t.freq[w] = fq
                if cl:
                    t.clusters[w] = tuple(cl.split(","))
                if vec and vec[0]:
                    t.vectors[w] = tuple(map(float, vec[0].split()))
        return t


class Gazetteer:
    """Multiword names -> type, matched on normalized tokens.

    The first token may carry proclitics or the article (``والعراق``,
    ``لوزارة``): each token is looked up by its normalized form and its
    clitic-stripped stems.
    """

    def __init__(self, names: Iterable[tuple[str, str]] = ()) -> None:
        self.first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.size = 0
        #: first token -> (one-token types, {second token: entries of 2+ tokens}), built lazily
        self._index: dict[str, tuple[list[str], dict[str, list[tuple[tuple[str, ...], str, int]]]]] | None = None
        for name, etype in names:
            self.add(name, etype)

    def add(self, name: str, etype: str) -> None:
        toks = tuple(normalize(name).split())
        if not toks or not etype:
            return
        entries = self.first.setdefault(toks[0], [])
        if (toks, etype) not in entries:
            entries.append((toks, etype))
            entries.sort(key=lambda e: -len(e[0]))
            self.size += 1
            self._index = None

    def __len__(self) -> int:
        return self.size

    def _build_index(self) -> dict:
        index = {}
        for tok, entries in self.first.items():
            singles = [e for toks, e in entries if len(toks) == 1]
            longer: dict[str, list] = {}
            for pos, (toks, etype) in enumerate(entries):  # longest first, then first added
                if len(toks) > 1:
                    longer.setdefault(toks[1], []).append((toks, etype, pos))
            index[tok] = (singles, longer)
        self._index = index
        return index

    def match(self, norms: Sequence[str], stems: Sequence[Sequence[str]],
              starts: Sequence[int] | None = None) -> list[str]:
        """Per token: ``""`` or ``"B-TYPE"``/``"I-TYPE"`` of the longest match.

        ``stems[i]`` lists the forms token ``i`` may be looked up by (its
        normalized form first, then clitic-stripped stems).  ``starts``, if
        given, lists (ascending) the only positions where a match may begin.
        For each form of the first token the longest matching entry counts
        (the first added among equally long ones); a later form's match
        replaces it only if longer.
        """
        out = [""] * len(norms)
        for i, m, etype in self.spans(norms, stems, starts):
            out[i] = "B-" + etype
            for j in range(i + 1, i + m):
                out[j] = "I-" + etype
        return out

    def spans(self, norms: Sequence[str], stems: Sequence[Sequence[str]],
              starts: Sequence[int] | None = None) -> list[tuple[int, int, str]]:
        """The matches of :meth:`match` as ``(first token, length, type)``, in text order."""
        found: list[tuple[int, int, str]] = []
        n = len(norms)
        index = self._index if self._index is not None else self._build_index()
        todo = range(n) if starts is None else starts
        nxt = 0
        for i in todo:
            if i < nxt:
                continue
            best = None  # (length, type)
            for form in stems[i]:
                hit = index.get(form)
                if hit is None:
                    continue
                singles, longer = hit
                cand = None
                if longer and i + 1 < n:
                    seconds = stems[i + 1]
                    nx = norms[i + 1]
                    keys = seconds if nx in seconds else (nx, *seconds)
                    for k2 in keys:
                        for toks, etype, pos in longer.get(k2, ()):
                            m = len(toks)
                            if cand is not None and (m < cand[0] or (m == cand[0] and pos > cand[2])):
                                break  # entries are longest first, then first added
                            if i + m <= n and all(
                                toks[j] == norms[i + j] or toks[j] in stems[i + j] for j in range(2, m)
                            ):
                                cand = (m, etype, pos)
                                break
                if cand is None and singles:
                    cand = (1, singles[0], 0)
                if cand is not None and (best is None or cand[0] > best[0]):
                    best = cand
            if best is None:
                continue
            found.append((i, best[0], best[1]))
            nxt = i + best[0]
        return found


@dataclass
class FeatureConfig:
    window: int = 2
    affixes: int = 4
    clusters: bool = True
    freq: bool = True
    #: lexicon features used: G actor names, T titles/role heads, N nationality adjectives
    lexicons: tuple = ("G", "T", "N")
    bigrams: bool = True
    neighbor_clusters: bool = True
    #: clusters of the clitic-stripped stem too ("والعراق" -> "العراق"), as sc*=
    stem_clusters: bool = False
    #: character n-grams of the bare form (0: none)
    char_ngrams: int = 0
    #: attribute prefixes copied per domain (empty: all)
    domain_attrs: tuple = ("bias", "n=", "b=", "cs=")
    #: word classes shown by a word and to its neighbors (see :func:`word_classes`):
    #: oh organization head nouns, pn place nouns, np given names and surnames
    word_classes: tuple = ()
    #: real-valued features: the first ``emb`` components of the word's vector
    #: (:attr:`WordTable.vectors`) times ``emb_scale``, for the word itself and its
    #: neighbors up to ``emb_window`` tokens away (0: none)
    emb: int = 0
    emb_scale: float = 0.1
    emb_window: int = 1

    @classmethod
    def from_meta(cls, meta: dict[str, str]) -> FeatureConfig:
        c = cls()
        for k, v in meta.items():
            if k.startswith("feat."):
                name = k[5:]
                cur = getattr(c, name, None)
                if cur is None:
                    continue
                if isinstance(cur, bool):
                    setattr(c, name, v == "1")
                elif isinstance(cur, tuple):
                    setattr(c, name, tuple(x for x in v.split("|") if x))
                else:
                    setattr(c, name, type(cur)(v))
        return c

    def to_meta(self) -> dict[str, str]:
        out = {}
        for k, v in self.__dict__.items():
            if isinstance(v, bool):
                out[f"feat.{k}"] = "1" if v else "0"
            elif isinstance(v, tuple):
                out[f"feat.{k}"] = "|".join(v)
            else:
                out[f"feat.{k}"] = str(v)
        return out


def word_classes(stems: Sequence[str], wanted: Sequence[str]) -> list[str]:
    """Classes of a word from Marsad's word lists, looked up by its normalized
    form and clitic-stripped stems (``stems``, the form itself first), each
    without the article: ``oh`` an organization head noun (``lexicons/org_heads.txt``:
    وزارة، شركة، حزب ...), ``pn`` a place noun (``place_nouns.txt``: مطار، جامعة ...),
    ``ng``/``ns`` an attested given name / surname (the romanizer's name-part index,
    :func:`marsad.extract.entities.name_part`), for the first stem that has one."""
    from marsad.extract.entities import name_part, org_heads, place_nouns

    out: list[str] = []
    bare = [s[2:] if s.startswith("ال") and len(s) > 3 else s for s in stems]
    if "oh" in wanted and any(b in org_heads() for b in bare):
        out.append("oh")
    if "pn" in wanted and any(b in place_nouns() for b in bare):
        out.append("pn")
    if "np" in wanted:
        for s in stems:
            part = name_part(s)
            if part is not None:
                out.append("ng" if part == "given" else "ns")
                break
    return out


_PAD = {k: [f"{k}n=<pad>"] for k in OFFSETS}
_PROBE = ("وقال", "الرئيس", "الإيراني", "حسن", "روحاني", "لوكالة", "Reuters", "إن", "والعراق",
          "سيدفع", "1,5", "مليار", "دولار", "في", "2015", "«", "بالكامل", "»", ".")


class FeatureExtractor:
    """Turns token sequences into CRF attribute lists (see module docstring)."""

    def __init__(self, table: WordTable | None = None, lexicons: dict[str, Gazetteer] | None = None,
                 config: FeatureConfig | None = None) -> None:
        self.table = table or WordTable()
        self.config = config or FeatureConfig()
        #: prefix -> gazetteer, only those the config names (G actors, T titles, N nationalities)
        self.lexicons = {k: g for k, g in (lexicons or {}).items() if k in self.config.lexicons and len(g)}
        self._cache: dict[str, tuple] = {}
        self._vcache: dict[str, tuple[float, ...] | None] = {}
        self.offsets = tuple(k for k in OFFSETS if abs(k) <= self.config.window)

    # -- word level -----------------------------------------------------------------
    def word_parts(self, word: str) -> tuple:
        """``(local, {offset: attrs}, norm, stems, lexicon keys)`` for one word, cached.

        The last item names the lexicons in which one of the word's forms
        begins an entry, so sentences without such words skip matching.
        """
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        hit = self._analyze(word)
        if len(self._cache) > 500_000:
            self._cache.clear()
        self._cache[word] = hit
        return hit

    def _analyze(self, word: str) -> tuple:
        f, nb, n, stems, lexhits = self.analyze_base(word)
        per_offset = {k: [f"{k}{a}" for a in nb] for k in self.offsets}
        return f, per_offset, n, stems, lexhits

    def analyze_base(self, word: str) -> tuple:
        """``(local, neighbor, norm, stems, lexicon keys)``, not cached.

        ``neighbor`` lists the attributes a word shows to the tokens around
        it, without the window-offset prefix that :meth:`word_parts` adds.
        """
        cfg = self.config
        n, art, bare = surface_forms(word)  # normalize(word) and its article split, cached
        if not n:
            n = word
            art, bare = split_article(n)
        forms = clitic_forms(n)
        stems = tuple(dict.fromkeys(f for _, f in forms))
        f = [f"n={n}"]
        if bare != n:
            f.append(f"b={bare}")
            f.append(f"a={art}")
        for pre, stem in forms[1:]:
            f.append(f"cs={stem}")
            f.append(f"cp={pre}")
        for k in range(1, cfg.affixes + 1):
            if len(bare) > k:
                f.append(f"p{k}={bare[:k]}")
                f.append(f"s{k}={bare[-k:]}")
        cn = cfg.char_ngrams
        if cn and len(bare) > cn:
            f.extend(dict.fromkeys(f"g={bare[i:i + cn]}" for i in range(len(bare) - cn + 1)))
        sh = shape(word)
        f.append(f"sh={sh}")
        f.append(f"ln={min(len(bare), 8)}")
        nb = [f"n={n}", f"b={bare}", f"sh={sh}"]
        if art:
            nb.append("a")
        if cfg.freq:
            fq = self.table.freq.get(n)
            if fq is None and bare != n:
                fq = self.table.freq.get("ال" + bare) or self.table.freq.get(bare)
            f.append(f"fq={fq or 0}")
            nb.append(f"fq={fq or 0}")
        if cfg.clusters:
            cl = self.table.clusters.get(n)
            if cl is None:
                for stem in stems[1:]:
                    cl = self.table.clusters.get(stem)
                    if cl is not None:
                        f.append("cl=stem")
                        break
            if cl is None:
                f.append("cl=none")
                if cfg.neighbor_clusters:
                    nb.append("cl=none")
            else:
                for j, cid in enumerate(cl):
                    f.append(f"c{j}={cid}")
                if cfg.neighbor_clusters:
                    for j, cid in enumerate(cl[:-1] if len(cl) > 1 else cl):
                        nb.append(f"c{j}={cid}")
            if cfg.stem_clusters:
                for stem in stems[1:]:
                    sc = self.table.clusters.get(stem)
                    if sc is not None:
                        f.extend(f"sc{j}={cid}" for j, cid in enumerate(sc))
                        break
        if cfg.word_classes:
            for c in word_classes(stems, cfg.word_classes):
                f.append(f"wc={c}")
                nb.append(f"wc={c}")
        lexhits = tuple(key for key, gz in self.lexicons.items() if not gz.first.keys().isdisjoint(stems))
        return f, nb, n, stems, lexhits

    # -- sentence level -------------------------------------------------------------
    def context(self, words: Sequence[str], parts: Sequence[tuple]) -> list[list[str]]:
        """Features that depend on more than one word, per token."""
        n = len(words)
        out: list[list[str]] = [[] for _ in range(n)]
        if n:
            out[0].append("BOS")
            out[-1].append("EOS")
        if self.lexicons:
            for i, a in self.lexicon_attrs([p[2] for p in parts], [p[3] for p in parts], [p[4] for p in parts]):
                out[i].append(a)
        if self.config.bigrams:
            prev = "<s>"
            for i, p in enumerate(parts):
                cur = p[2]
                out[i].append(f"bg-={prev}|{cur}")
                if i > 0:
                    out[i - 1].append(f"bg+={prev}|{cur}")
                prev = cur
            if n:
                out[-1].append(f"bg+={prev}|</s>")
        return out

    def lexicon_attrs(self, norms: Sequence[str], stems: Sequence[Sequence[str]],
                      hits: Sequence[Sequence[str]]) -> list[tuple[int, str]]:
        """``(position, attribute)`` pairs of the gazetteer features of one sentence.

        ``hits[i]`` names the lexicons in which a form of token ``i`` begins
        an entry (the last item of :meth:`word_parts`).
        """
        out: list[tuple[int, str]] = []
        n = len(norms)
        for key, gz in self.lexicons.items():
            starts = [i for i, h in enumerate(hits) if key in h]
            if not starts:
                continue
            # the tokens of each match, in text order (as a walk over match() would give them)
            for first, m, t in gz.spans(norms, stems, starts):
                for i in range(first, first + m):
                    g = ("B-" if i == first else "I-") + t
                    out.append((i, f"{key}={g}"))
                    out.append((i, f"{key}={t}"))
                    if i > 0:
                        out.append((i - 1, f"+1{key}={t}"))
                    if i + 1 < n:
                        out.append((i + 1, f"-1{key}={t}"))
        return out

    def fingerprint(self) -> str:
        """A hash of the features of a fixed probe sentence (lexicons left out).

        Training stores it with the model; a test recomputes it, so a change
        to the feature code that would silently mismatch the shipped weights
        fails loudly instead.
        """
        import hashlib

        probe = FeatureExtractor(self.table, {}, self.config)
        feats = probe.sentence(_PROBE, "an")
        return hashlib.sha1("\n".join("\t".join(f) for f in feats).encode("utf-8")).hexdigest()[:16]

    def vector(self, word: str) -> tuple[float, ...] | None:
        """The scaled dense features of one word (its table vector, else the first
        clitic-stripped stem's), or None; cached with the word."""
        hit = self._vcache.get(word)
        if hit is not None or word in self._vcache:
            return hit
        _, _, n, stems, _ = self.word_parts(word)
        vecs = self.table.vectors
        v = vecs.get(n)
        if v is None:
            for stem in stems[1:]:
                v = vecs.get(stem)
                if v is not None:
                    break
        if v is not None:
            sc = self.config.emb_scale
            v = tuple(x * sc for x in v[:self.config.emb])
        if len(self._vcache) > 500_000:
            self._vcache.clear()
        self._vcache[word] = v
        return v

    def items(self, feats: list[list[str]], words: Sequence[str]) -> list:
        """What python-crfsuite is given for a sentence: ``feats`` as they are, or,
        with dense features (``emb`` > 0), one ``{attribute: value}`` dict a token
        (binary attributes count their repeats, as crfsuite does with a list)."""
        if not self.config.emb:
            return feats
        n = len(words)
        vecs = [self.vector(w) for w in words]
        win = self.config.emb_window
        out = []
        for i, f in enumerate(feats):
            d: dict[str, float] = {}
            for a in f:
                d[a] = d.get(a, 0.0) + 1.0
            for k in range(-win, win + 1):
                j = i + k
                if 0 <= j < n and vecs[j] is not None:
                    pre = f"{k}e" if k else "e"
                    for c, x in enumerate(vecs[j]):
                        d[f"{pre}{c}"] = x
            out.append(d)
        return out

    def sentence(self, words: Sequence[str], domain: str | None = None) -> list[list[str]]:
        """Attribute lists for every token of one sentence.

        ``domain`` (training only, or the target domain at tagging time)
        adds a copy of every attribute prefixed with the domain name: the
        "frustratingly easy" domain adaptation of Daumé (2007), which lets
        corpora with different annotation conventions share what they agree
        on and keep the target corpus's conventions apart.
        """
        parts = [self.word_parts(w) for w in words]
        ctx = self.context(words, parts)
        n = len(words)
        feats = []
        for i in range(n):
            f = ["bias", *parts[i][0], *ctx[i]]
            for k in self.offsets:
                j = i + k
                f.extend(parts[j][1][k] if 0 <= j < n else _PAD[k])
            if domain:
                dp = self.config.domain_attrs
                f.extend([f"{domain}|{a}" for a in f if not dp or a.startswith(dp)])
            feats.append(f)
        return feats


__all__ = ["FeatureConfig", "FeatureExtractor", "Gazetteer", "OFFSETS", "WordTable", "shape"]
