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
}
TYPE_MAPS = {"newsfane": FANE_MAP, "wikifane": FANE_MAP}
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


def split_anercorp(sents: list[Sentence], dev: int = DEV_SENTENCES) -> tuple[list[Sentence], list[Sentence]]:
    """Sequential split like the CAMeL Lab one: the last ``dev`` sentences are dev."""
    return sents[:-dev], sents[-dev:]


# -- word representations ---------------------------------------------------------
def corpus_sentences(data_dir: Path, names: Iterable[str], news_dir: Path | None = None,
                     exclude: Sequence[Sentence] = ()) -> Iterable[list[str]]:
    """Normalized token sequences for unsupervised training (no labels used)."""
    skip = {id(s) for s in exclude}
    for name in names:
        for s in load_corpus(data_dir, name):
            if id(s) not in skip:
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
                     freq: bool = True) -> WordTable:
    """k-means clusters (several granularities) over word2vec vectors, plus wordfreq bands."""
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
    if freq:
        add_freq_bands(table)
    return table


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
        trainer.append(feats, tags)
        if doc is not None:
            trainer.append([a + e for a, e in zip(feats, doc[i])], tags)
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
DOMAIN_TAGS = {"anercorp": "an", "newsfane": "nf", "aqmar": "aq", "wikifane": "wf"}


def train(data_dir: Path, out: Path, corpora: Sequence[str] = ("anercorp", "newsfane"),
          cluster_corpora: Sequence[str] = ("anercorp", "newsfane", "aqmar", "wikifane"),
          news_dir: Path | None = None, lex: Path | None = None, dev: bool = False,
          c1: float = 0.1, c2: float = 0.05, iterations: int = 200, min_freq: int = 1,
          lexicons: bool = True, domains: bool = True, doc_window: int = 0, workers: int = 2,
          features: dict[str, str] | None = None, cluster_ks: Sequence[int] = CLUSTER_KS,
          label_scheme: str = "BIO") -> dict:
    """The reproducible training recipe behind ``marsad train ner``."""
    from marsad.ner.crf import NerTagger, lex_path, load_lexicons

    t0 = time.time()
    aner = load_corpus(data_dir, "anercorp")
    train_aner, dev_sents = split_anercorp(aner) if dev else (aner, [])
    sents: list[Sentence] = []
    doms: list[str] = []
    for name in corpora:
        part = train_aner if name == "anercorp" else load_corpus(data_dir, name)
        sents.extend(part)
        doms.extend([DOMAIN_TAGS[name]] * len(part))
        log.info("%s: %d sentences", name, len(part))
    if lex is not None:
        table = WordTable.load(lex)
    else:
        log.info("training word clusters on %s%s", ", ".join(cluster_corpora), " + news" if news_dir else "")
        text = list(corpus_sentences(data_dir, cluster_corpora, news_dir, exclude=dev_sents))
        table = build_word_table(text, ks=cluster_ks, workers=workers)
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
