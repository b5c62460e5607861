"""Training the CRF tagger from the public NER corpora (development time only).

``marsad train ner`` calls :func:`train`.  The corpora are read from
``../shared/eval/ner`` (relative to the repository) unless ``--data`` names
another folder; nothing here is needed at run time, and CI never retrains.

Corpora and label mapping (see ``marsad/models/LICENSE-DATA.md``):

* ANERcorp (CAMeL Lab split), train part only: PERS/LOC/ORG/MISC as is.  The
  last :data:`DEV_SENTENCES` sentences of the train file are the development
  set used for tuning; the test file is never read here.
* NewsFANE and WikiFANE: fine classes mapped with :data:`FANE_MAP` (ACE-style
  PER -> PERS except Group (nationality nouns, which ANERcorp leaves O),
  ORG -> ORG, GPE/LOC/FAC -> LOC, VEH/WEA/PRO -> MISC).
* AQMAR (MyNLP split), train and dev parts: PER/ORG/LOC/MIS.

Word representations: k-means clusters over word2vec vectors trained on the
running text of the same CC BY-SA corpora (and, optionally, a news corpus);
frequency bands from wordfreq's Arabic list.  Both are stored in the model's
``.lex.tsv`` table.  gensim, scikit-learn and wordfreq are needed only here.
"""
from __future__ import annotations

import logging
import os
import random
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from marsad.ner.conll import Sentence, read_conll, to_bilou
from marsad.ner.features import FeatureConfig, FeatureExtractor, WordTable
from marsad.text.normalize import normalize

log = logging.getLogger("marsad.ner.train")

#: sentences at the end of the ANERcorp train file held out for tuning
DEV_SENTENCES = 650

#: k-means granularities of the word clusters (coarse to fine). A word shows all of them
#: itself and all but the finest to its neighbors
CLUSTER_KS = (64, 256, 1024)

_PER = ["Politician", "Athlete", "Businessperson", "Artist", "Scientist", "Police", "Religious_PER",
        "Engineer", "Lawyer", "Other_PER"]
_ORG = ["Government", "Non-Governmental", "Commercial", "Educational", "Media", "Religious_ORG",
        "Sports", "Medical-Science", "Entertainment"]
_GPE = ["Continent", "Nation", "State-or-Province", "County-or-District", "Population-Center", "GPE-Cluster"]
_LOC = ["Water-Body", "Land-Region-Natural", "Celestial"]
_FAC = ["Airport", "Building-Grounds", "Path", "Plant", "Subarea-Facility"]
_VEH = ["Air", "Land", "Water"]
_WEA = ["Blunt", "Chemical", "Exploding", "Nuclear", "Projectile", "Sharp", "Shooting"]
_PRO = ["Book", "Movie", "Sound", "Hardware", "Software", "Food", "Drug"]

#: NewsFANE/WikiFANE fine class -> Marsad type (None: not an entity for us)
FANE_MAP: dict[str, str | None] = {
    **dict.fromkeys(_PER, "PERS"),
    "Group": None,
    **dict.fromkeys(_ORG, "ORG"),
    **dict.fromkeys(_GPE, "LOC"),
    **dict.fromkeys(_LOC, "LOC"),
    **dict.fromkeys(_FAC, "LOC"),
    **dict.fromkeys(_VEH, "MISC"),
    **dict.fromkeys(_WEA, "MISC"),
    **dict.fromkeys(_PRO, "MISC"),
}

CORPORA = {
    "anercorp": ["anercorp_camellab/ANERCorp_CamelLab_train.txt"],
    "newsfane": ["newsfane_gold/NewsFANE_Gold_2014_170K.clean.conll"],
    "aqmar": ["aqmar/split_mynlp/train.txt", "aqmar/split_mynlp/dev.txt"],
    "wikifane": ["wikifane_gold/WikiFANE_Gold_2014_500K.clean.part1.conll",
                 "wikifane_gold/WikiFANE_Gold_2014_500K.clean.part2.conll"],
    # its first half (250k tokens): a third training corpus at half the training cost
    "wikifane1": ["wikifane_gold/WikiFANE_Gold_2014_500K.clean.part1.conll"],
}
TYPE_MAPS = {"newsfane": FANE_MAP, "wikifane": FANE_MAP, "wikifane1": FANE_MAP}
ANER_TEST = "anercorp_camellab/ANERCorp_CamelLab_test.txt"


def default_data_dir() -> Path:
    """``../shared/eval/ner`` next to the repository (or ``$MARSAD_EVAL_DIR/ner``)."""
    env = os.environ.get("MARSAD_EVAL_DIR")
    if env:
        return Path(env) / "ner"
    repo = Path(__file__).resolve().parents[2]
    return repo.parent / "shared" / "eval" / "ner"


class DataMissing(FileNotFoundError):
    pass


def load_corpus(data_dir: Path, name: str) -> list[Sentence]:
    out: list[Sentence] = []
    for rel in CORPORA[name]:
        p = Path(data_dir) / rel
        if not p.exists():
            raise DataMissing(f"{p} not found (corpus {name!r}); pass --data DIR pointing at the eval/ner folder")
        out.extend(read_conll(p, TYPE_MAPS.get(name)))
    return out


def split_anercorp(sents: list[Sentence], dev: int = DEV_SENTENCES,
                   block: int = 0) -> tuple[list[Sentence], list[Sentence]]:
    """Sequential split like the CAMeL Lab one: the last ``dev`` sentences are dev.

    ``block`` > 0 holds out the ``block``-th stretch of ``dev`` sentences counted
    from the end instead (1: the stretch just before the usual dev slice), a
    second dev slice for checking that a gain is not noise of one slice.
    """
    end = len(sents) - block * dev
    return sents[:end - dev] + sents[end:], sents[end - dev:end]


def text_key(s: Sentence) -> str:
    """A sentence's normalized text without spaces: the same text tokenized another way
    (NewsFANE splits clitics off) gives the same key."""
    return "".join(normalize(t) for t in s.tokens).replace(" ", "")


def drop_copies(sents: Sequence[Sentence], of: Iterable[Sentence]) -> list[Sentence]:
    """``sents`` without the sentences whose text is that of one of ``of``.

    NewsFANE re-annotates much of the ANERcorp train file (about half its
    sentences, with NewsFANE's conventions; none of the test file): a copy of a
    dev sentence in the training data inflates dev scores, and a copy of a
    training sentence teaches the same words two conventions.
    """
    keys = {text_key(s) for s in of}
    return [s for s in sents if text_key(s) not in keys]


def _word_tags(sents: Iterable[Sentence]) -> dict[str, Counter]:
    out: dict[str, Counter] = {}
    for s in sents:
        for w, t in zip(s.tokens, s.tags):
            out.setdefault(normalize(w), Counter())[t] += 1
    return out


def harmonize(sents: Sequence[Sentence], target: Sequence[Sentence], min_count: int = 3,
              share: float = 0.7, nationalities: set[str] | None = None,
              edges: bool = False) -> tuple[list[Sentence], Counter]:
    """Another corpus's labels moved to the target corpus's conventions, word by word.

    A word that begins a one-type name in ``target`` (``B-X`` for at least
    ``share`` of its ``min_count`` or more occurrences) and that the other
    corpus as a rule leaves untagged (``O`` for ``share`` of its occurrences) or
    tags as another type (``B-Y``) is tagged as in ``target`` where the other
    corpus has it untagged (``B-X``), or as a name of type ``Y`` (the whole name
    becomes ``X``).  NewsFANE leaves currencies, religions and ethnic groups
    untagged where ANERcorp tags them (``دولار``, ``جنيه``, ``الإسلام``: MISC; ``الشيعة``:
    ORG) and calls the Nobel prize a person.  ``nationalities`` (normalized
    nationality adjectives): see :func:`_trim_nationalities`; ``edges``: see
    :func:`_trim_edges`.  Returns the new
    sentences and the changes by ``(old, new)`` tag.
    """
    tgt, own = _word_tags(target), _word_tags(sents)
    rule: dict[str, tuple[str, str]] = {}  # word -> (the other corpus's usual tag, target type)
    for w, c in tgt.items():
        n = sum(c.values())
        tag, k = c.most_common(1)[0]
        if n < min_count or not tag.startswith("B-") or k / n < share:
            continue
        o = own.get(w)
        if not o:
            continue
        otag, ok = o.most_common(1)[0]
        if ok / sum(o.values()) >= share and otag != tag and (otag == "O" or otag.startswith("B-")):
            rule[w] = (otag, tag[2:])
    changes: Counter = Counter()
    out: list[Sentence] = []
    for s in sents:
        tags = list(s.tags)
        for i, w in enumerate(s.tokens):
            r = rule.get(normalize(w))
            if r is None or tags[i] != r[0]:
                continue
            if r[0] == "O":
                new = ["B-" + r[1]]
            else:
                j = i + 1
                while j < len(tags) and tags[j] == "I-" + r[0][2:]:
                    j += 1
                new = ["B-" + r[1]] + ["I-" + r[1]] * (j - i - 1)
            for j, t in enumerate(new, i):
                changes[(tags[j], t)] += 1
                tags[j] = t
        out.append(Sentence(list(s.tokens), tags))
    if nationalities:
        out = _trim_nationalities(out, target, nationalities, share, changes)
    if edges:
        out = _trim_edges(out, target, changes)
    return out, changes


def _trim_edges(sents: list[Sentence], target: Sequence[Sentence], changes: Counter,
                min_count: int = 3, share: float = 0.8) -> list[Sentence]:
    """Words that ``target`` keeps outside names of a type and ``sents`` puts at their
    edge leave the name in ``sents``: NewsFANE's ``مسجد الكوفة``, ``شركة X``,
    ``قطاع غزة``, ``مكة المكرمة``, a closing quote or bracket, where ANERcorp tags
    ``الكوفة``, ``X``, ``غزة``, ``مكة``.

    A word qualifies for one edge (first or last token) and type when ``target``
    has it just outside such names at least ``share`` of the ``min_count`` or more
    times it is at that edge inside or outside, and either never inside or
    ``sents`` has it inside at least 30% of the time (so a name that merely
    ends in a common word, ``... علي``, keeps it).
    """
    from marsad.ner.scoring import spans

    def stats(corpus):
        c = {k: Counter() for k in ("first_in", "before", "last_in", "after")}
        for s in corpus:
            for a, b, t in spans(s.tags):
                if b - a >= 2:
                    c["first_in"][(normalize(s.tokens[a]), t)] += 1
                    c["last_in"][(normalize(s.tokens[b - 1]), t)] += 1
                if a > 0 and s.tags[a - 1] == "O":
                    c["before"][(normalize(s.tokens[a - 1]), t)] += 1
                if b < len(s.tokens) and s.tags[b] == "O":
                    c["after"][(normalize(s.tokens[b]), t)] += 1
        return c

    tg, own = stats(target), stats(sents)
    rules = {}
    for edge, inside, outside in (("first", "first_in", "before"), ("last", "last_in", "after")):
        keys = set()
        for key in own[inside]:
            a_in, a_out = tg[inside][key], tg[outside][key]
            n_in, n_out = own[inside][key], own[outside][key]
            if (a_in + a_out >= min_count and a_out >= share * (a_in + a_out)
                    and (a_in == 0 or n_in >= 0.3 * (n_in + n_out))):
                keys.add(key)
        rules[edge] = keys
    for s in sents:
        for a, b, t in spans(s.tags):
            if b - a < 2:
                continue
            if (normalize(s.tokens[a]), t) in rules["first"]:
                changes[(s.tags[a], "O")] += 1
                s.tags[a] = "O"
                s.tags[a + 1] = "B-" + t
                a += 1
            if b - a >= 2 and (normalize(s.tokens[b - 1]), t) in rules["last"]:
                changes[(s.tags[b - 1], "O")] += 1
                s.tags[b - 1] = "O"
    return sents


def _trim_nationalities(sents: list[Sentence], target: Sequence[Sentence], nat: set[str], share: float,
                        changes: Counter) -> list[Sentence]:
    """Names of a type that ``target`` as a rule ends before a nationality adjective
    (``share`` of the cases; ANERcorp: ``توتال/ORG الفرنسية/O``) lose a final
    nationality adjective in ``sents`` (NewsFANE: ``توتال الفرنسية``, one ORG)."""
    from marsad.ner.scoring import spans

    inside: Counter = Counter()
    after: Counter = Counter()
    for s in target:
        for a, b, t in spans(s.tags):
            if b - a >= 2 and normalize(s.tokens[b - 1]) in nat:
                inside[t] += 1
            if b < len(s.tokens) and normalize(s.tokens[b]) in nat:
                after[t] += 1
    trim = {t for t in after if after[t] >= share * (after[t] + inside[t])}
    for s in sents:
        for a, b, t in spans(s.tags):
            if t in trim and b - a >= 2 and normalize(s.tokens[b - 1]) in nat:
                changes[(s.tags[b - 1], "O")] += 1
                s.tags[b - 1] = "O"
    return sents


# -- word representations ---------------------------------------------------------
def corpus_sentences(data_dir: Path, names: Iterable[str], news_dir: Path | None = None,
                     exclude: Sequence[Sentence] = ()) -> Iterable[list[str]]:
    """Normalized token sequences for unsupervised training (no labels used).

    ``exclude``: sentences left out, and their copies in other corpora (:func:`text_key`).
    """
    skip = {text_key(s) for s in exclude}
    for name in names:
        for s in load_corpus(data_dir, name):
            if not skip or text_key(s) not in skip:
                yield [normalize(t) for t in s.tokens]
    if news_dir is not None:
        import json

        from marsad.text.segment import sentences, tokenize
        for p in sorted(Path(news_dir).glob("*.jsonl")):
            with open(p, encoding="utf-8") as fh:
                for line in fh:
                    text = json.loads(line).get("content") or ""
                    sents = sentences(text)
                    toks = tokenize(text, sents)
                    cur: list[str] = []
                    si = 0
                    for t in toks:
                        if t.sentence != si and cur:
                            yield cur
                            cur = []
                        si = t.sentence
                        cur.append(t.norm)
                    if cur:
                        yield cur


def build_word_table(sentences: list[list[str]], vocab_size: int = 50_000, ks: Sequence[int] = CLUSTER_KS,
                     dim: int = 100, min_count: int = 3, seed: int = 1, workers: int = 2,
                     freq: bool = True, emb_dims: int = 0) -> WordTable:
    """k-means clusters (several granularities) over word2vec vectors, plus wordfreq bands.

    ``emb_dims`` > 0 also keeps that many principal components of each vector
    (:func:`dense_vectors`) for real-valued features."""
    table = WordTable()
    try:
        from gensim.models import Word2Vec
        from sklearn.cluster import MiniBatchKMeans
    except ImportError as exc:  # pragma: no cover - development-time dependency
        raise RuntimeError("training word clusters needs gensim and scikit-learn: pip install gensim scikit-learn") from exc
    t0 = time.time()
    w2v = Word2Vec(sentences, vector_size=dim, window=5, min_count=min_count, sg=1, negative=10,
                   epochs=8, workers=workers, seed=seed, max_final_vocab=vocab_size)
    words = w2v.wv.index_to_key[:vocab_size]
    vecs = w2v.wv[words]
    import numpy as np
    vecs = vecs / np.linalg.norm(vecs, axis=1, keepdims=True).clip(1e-8)
    log.info("word2vec: %d words in %.0fs", len(words), time.time() - t0)
    ids = []
    for k in ks:
        km = MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=3, max_iter=200)
        ids.append(km.fit_predict(vecs))
    for i, w in enumerate(words):
        table.clusters[w] = tuple(str(int(a[i])) for a in ids)
    table.meta["clusters"] = f"kmeans{list(ks)} over word2vec sg dim={dim}, {len(words)} words"
    if emb_dims:
        table.vectors = dense_vectors(words, vecs, emb_dims, seed)
        table.meta["vectors"] = f"{emb_dims} standardized principal components of the unit word2vec vectors"
    if freq:
        add_freq_bands(table)
    return table


def dense_vectors(words: Sequence[str], vecs, dims: int, seed: int = 1) -> dict[str, tuple[float, ...]]:
    """The first ``dims`` principal components of (unit) word vectors, divided by their
    overall standard deviation and rounded to two decimals (as stored)."""
    import numpy as np
    from sklearn.decomposition import PCA

    z = PCA(n_components=dims, random_state=seed).fit_transform(np.asarray(vecs, dtype=np.float64))
    z = np.round(z / z.std(), 2)
    return {w: tuple(float(x) for x in row) for w, row in zip(words, z)}


def add_freq_bands(table: WordTable, top_n: int = 100_000) -> None:
    """Zipf frequency band (wordfreq 'ar') for its ``top_n`` words, by normalized form."""
    try:
        import wordfreq
    except ImportError as exc:  # pragma: no cover
        raise RuntimeError("frequency bands need wordfreq: pip install wordfreq") from exc
    best: dict[str, float] = {}
    for w in wordfreq.top_n_list("ar", top_n):
        n = normalize(w).strip()
        if not n or any(c.isspace() for c in n):
            continue
        z = wordfreq.zipf_frequency(w, "ar")
        if z > best.get(n, 0.0):
            best[n] = z
    for n, z in best.items():
        table.freq[n] = str(min(int(z * 2) / 2, 6.0))  # half-zipf bands, 6+ pooled
    table.meta["freq"] = f"wordfreq {wordfreq.__version__ if hasattr(wordfreq, '__version__') else ''} ar top {top_n}, zipf/0.5 bands"


# -- CRF ---------------------------------------------------------------------------
def train_crf(sents: Sequence[Sentence], fx: FeatureExtractor, model_path: str | os.PathLike,
              c1: float = 0.1, c2: float = 0.05, max_iterations: int = 200, min_freq: int = 1,
              domains: Sequence[str] | None = None, verbose: bool = False, scheme: str = "BIO",
              doc: Sequence[Sequence[Sequence[str]]] | None = None) -> float:
    """Train python-crfsuite (L-BFGS, elastic net).  Returns seconds spent.

    ``doc``: per sentence and token, document attributes (:func:`marsad.ner.doc.doc_attrs`
    over first-pass tags); each sentence is then added twice, without them (the
    first pass) and with them (the second pass).
    """
    import pycrfsuite

    t0 = time.time()
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for i, s in enumerate(sents):
        tags = to_bilou(s.tags) if scheme == "BILOU" else s.tags
        feats = fx.sentence(s.tokens, domains[i] if domains else None)
        trainer.append(fx.items(feats, s.tokens), tags)
        if doc is not None:
            trainer.append(fx.items([a + e for a, e in zip(feats, doc[i])], s.tokens), tags)
    trainer.set_params({
        "c1": c1,
        "c2": c2,
        "max_iterations": max_iterations,
        "feature.minfreq": min_freq,
        "feature.possible_transitions": True,
    })
    trainer.train(str(model_path))
    return time.time() - t0


#: jackknife for the second pass's training data: folds, and sentences per block
#: (blocks alternate between folds, so each fold keeps whole stretches of text)
DOC_FOLDS = 2
DOC_BLOCK = 200


def jackknife_doc_attrs(sents: Sequence[Sentence], doms: Sequence[str], fx: FeatureExtractor, workdir: Path,
                        window: int, folds: int = DOC_FOLDS, block: int = DOC_BLOCK, use_domains: bool = True,
                        **crf) -> list:
    """Document attributes for every training sentence from first-pass tags of a model
    that did not see it (Krishnan & Manning 2006: train the second stage on
    held-out first-stage output).  Windows never cross corpora."""
    from marsad.ner.crf import SCHEMES, NerTagger, lex_path
    from marsad.ner.doc import doc_attrs, word_key

    schemes = {v: k for k, v in SCHEMES.items() if v}
    # position of each sentence within its corpus, and its fold
    index: dict[str, list[int]] = {}
    for i, d in enumerate(doms):
        index.setdefault(d, []).append(i)
    # a sentence listed twice (a corpus weighted double) keeps the fold of its first copy,
    # so that no model tags a sentence it was trained on
    fold_of = [0] * len(sents)
    first: dict[int, int] = {}
    for idx in index.values():
        for r, i in enumerate(idx):
            fold_of[i] = (first.setdefault(id(sents[i]), r) // block) % folds
    tags: list = [None] * len(sents)
    for k in range(folds):
        model = workdir / f"fold{k}.crfsuite"
        fx.table.save(lex_path(model))
        keep = [i for i in range(len(sents)) if fold_of[i] != k]
        secs = train_crf([sents[i] for i in keep], fx, model,
                         domains=[doms[i] for i in keep] if use_domains else None, **crf)
        log.info("second-pass jackknife: fold %d of %d trained in %.0fs", k + 1, folds, secs)
        for d, idx in index.items():
            held = [i for i in idx if fold_of[i] == k]
            tagger = NerTagger.load(model, lexicons=fx.lexicons, scheme=schemes.get(d, "general"))
            for i, t in zip(held, tagger._fast.decode([sents[i].tokens for i in held]) if tagger._fast
                            else tagger.tag_many_crfsuite([sents[i].tokens for i in held])):
                tags[i] = t
    out: list = [None] * len(sents)
    for idx in index.values():
        keys = [[word_key(fx.word_parts(w)[2]) for w in sents[i].tokens] for i in idx]
        for i, a in zip(idx, doc_attrs(keys, [tags[i] for i in idx], window)):
            out[i] = a
    return out


TARGET_DOMAIN = "an"  # ANERcorp: the newswire conventions the tagger is tuned for
DOMAIN_TAGS = {"anercorp": "an", "newsfane": "nf", "aqmar": "aq", "wikifane": "wf", "wikifane1": "wf"}


def train(data_dir: Path, out: Path, corpora: Sequence[str] = ("anercorp", "newsfane"),
          cluster_corpora: Sequence[str] = ("anercorp", "newsfane", "aqmar", "wikifane"),
          news_dir: Path | None = None, lex: Path | None = None, dev: bool = False,
          c1: float = 0.1, c2: float = 0.05, iterations: int = 200, min_freq: int = 1,
          lexicons: bool = True, domains: bool = True, doc_window: int = 0, workers: int = 2,
          features: dict[str, str] | None = None, cluster_ks: Sequence[int] = CLUSTER_KS,
          label_scheme: str = "BIO", dev_block: int = 0, dedup: str = "none",
          harmonized: Sequence[str] = (), trim_nationalities: bool = False, trim_edges: bool = False,
          entity_only: Sequence[str] = ()) -> dict:
    """The reproducible training recipe behind ``marsad train ner``.

    ``dedup``: which ANERcorp sentences the other corpora lose their copies of
    (:func:`drop_copies`): ``"none"`` or ``"dev"`` (the held-out slice only,
    which is always dropped: a dev score with them was 0.812 instead of 0.775),
    or ``"all"`` (the whole ANERcorp train file, dev slice included).
    ``entity_only``: corpora of which only the sentences with at least one name are kept.
    """
    from marsad.ner.crf import NerTagger, lex_path, load_lexicons

    t0 = time.time()
    aner = load_corpus(data_dir, "anercorp")
    train_aner, dev_sents = split_anercorp(aner, block=dev_block) if dev else (aner, [])
    sents: list[Sentence] = []
    doms: list[str] = []
    # copies of the dev slice always go: with them the dev score reads 3-4 points too high
    copies = {"none": dev_sents, "dev": dev_sents, "all": aner}[dedup]
    for name in corpora:
        part = train_aner if name == "anercorp" else load_corpus(data_dir, name)
        if name != "anercorp" and copies:
            n0 = len(part)
            part = drop_copies(part, copies)
            log.info("%s: %d copies of ANERcorp sentences dropped", name, n0 - len(part))
        if name in entity_only:
            n0 = len(part)
            part = [s for s in part if any(t != "O" for t in s.tags)]
            log.info("%s: %d sentences without names dropped", name, n0 - len(part))
        if name in harmonized:
            nat = None
            if trim_nationalities:
                gz = load_lexicons().get("N")
                nat = set(gz.first) if gz is not None else None
            part, changes = harmonize(part, train_aner, nationalities=nat, edges=trim_edges)
            log.info("%s harmonized with ANERcorp: %s", name, dict(changes.most_common()))
        sents.extend(part)
        doms.extend([DOMAIN_TAGS[name]] * len(part))
        log.info("%s: %d sentences", name, len(part))
    if lex is not None:
        table = WordTable.load(lex)
    else:
        log.info("training word clusters on %s%s", ", ".join(cluster_corpora), " + news" if news_dir else "")
        text = list(corpus_sentences(data_dir, cluster_corpora, news_dir, exclude=dev_sents))
        # real-valued features (feat.emb) need the vectors' components in the table
        emb = int((features or {}).get("emb", 0) or 0)
        table = build_word_table(text, ks=cluster_ks, workers=workers, emb_dims=emb)
        sources = ", ".join(cluster_corpora) + (f" + {news_dir.name}" if news_dir else "")
        table.meta["clusters"] += f"; text of {sources}"
    config = FeatureConfig.from_meta({f"feat.{k}": v for k, v in (features or {}).items()})
    if not lexicons:
        config.lexicons = ()
    if not domains:
        config.domain_attrs = ()
    table.meta = {k: v for k, v in table.meta.items() if not k.startswith("feat.") and k != "doc_window"}
    table.meta.update(config.to_meta())
    table.meta["target_domain"] = TARGET_DOMAIN if domains else ""
    table.meta["corpora"] = ",".join(corpora)
    table.meta["domains"] = ",".join(DOMAIN_TAGS[c] for c in corpora) if domains else ""
    out.parent.mkdir(parents=True, exist_ok=True)
    lp = lex_path(out)
    table.save(lp)
    fx = FeatureExtractor(table, load_lexicons() if lexicons else {}, config)
    table.meta["feat.fingerprint"] = fx.fingerprint()
    table.save(lp)
    crf = {"c1": c1, "c2": c2, "max_iterations": iterations, "min_freq": min_freq, "scheme": label_scheme}
    doc = None
    if doc_window > 0:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            doc = jackknife_doc_attrs(sents, doms, fx, Path(tmp), doc_window, use_domains=domains, **crf)
        table.meta["doc_window"] = str(doc_window)
        table.save(lp)
    log.info("training CRF on %d sentences, %d tokens%s", len(sents), sum(map(len, sents)),
             " (each twice: first and second pass)" if doc else "")
    train_crf(sents, fx, out, domains=doms if domains else None, doc=doc, **crf)
    result = {"lex": lp, "seconds": time.time() - t0, "tokens": sum(map(len, sents)), "dev": None}
    if dev_sents:
        result["dev"] = evaluate(NerTagger.load(out, scheme="anercorp"), dev_sents)
    return result


def evaluate(tagger, sents: Sequence[Sentence]):
    from marsad.ner.scoring import Score

    sc = Score()
    for s, pred in zip(sents, tagger.tag_many([s.tokens for s in sents])):
        sc.add(s.tags, pred)
    return sc


def label_stats(sents: Iterable[Sentence]) -> Counter:
    c: Counter = Counter()
    for s in sents:
        c.update(t for t in s.tags if t.startswith("B-"))
    return c


def shuffle(sents: list[Sentence], seed: int = 13) -> list[Sentence]:
    out = list(sents)
    random.Random(seed).shuffle(out)
    return out


__all__ = ["CORPORA", "DEV_SENTENCES", "FANE_MAP", "DataMissing", "build_word_table", "default_data_dir",
           "evaluate", "load_corpus", "split_anercorp", "train_crf", "FeatureConfig"]
