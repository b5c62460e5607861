"""The entities component: mentions of people, organizations and places.

Three sources of mentions, merged:

1. the actor dictionary (:mod:`marsad.extract.gazetteer`) — precise, with
   English names and actor codes;
2. the statistical tagger (:mod:`marsad.ner.crf`) — finds the names no
   dictionary lists; its spans are trimmed of proclitics and titles;
3. role phrases (:mod:`marsad.extract.roles`) — "رئيس هيئة الأركان … اللواء"
   before a person gives the person a role, a rank, a country and a sector.

Mentions are then resolved into entities (:mod:`marsad.extract.resolve`),
and each entity gets an English name (dictionary, else an offline
romanizer) and a CAMEO-style actor code (dictionary, else country + sector
read from its role phrase).
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

from marsad.document import Document, Token
from marsad.extract.dates import period_phrase_words, weekday_names
from marsad.extract.gazetteer import Actor, Gazetteer, hamza_alef, surface_len
from marsad.extract.resolve import EXACT_WORDS, Entity, Mention, close_enough, resolve
from marsad.extract.roles import RoleLexicon, find_role
from marsad.extract.romanize_best import best_spelling
from marsad.text.normalize import fold
from marsad.text.segment import clitic_forms, split_article

NER_TYPES = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC"}


@lru_cache(maxsize=4)
def load_gazetteer(extra: tuple[str, ...] = ()) -> Gazetteer:
    """The shipped actor dictionary plus user files (user entries win)."""
    from marsad.lexicons.loader import load_actors

    return Gazetteer(Actor.from_entry(e) for e in load_actors([Path(p) for p in extra]))


@lru_cache(maxsize=1)
def load_tagger():
    """The shipped NER model, or None when it is not installed."""
    try:
        from marsad.ner.crf import NerTagger

        return NerTagger.load()
    except (FileNotFoundError, ImportError):
        return None


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Match forms of ``lexicons/function_words.txt``."""
    return _word_list("function_words.txt")


#: words whose match form is a given name ("على" → "علي" = Ali)
_NOT_NAMES = frozenset({"على", "إلى", "الى"})
#: words a person's name never holds: a preposition with a pronoun ("وأشرف عليه
#: المدرب") and the blessings after a ruler's title ("خادم الحرمين حفظه الله",
#: "ولي عهده")
_NEVER_IN_NAMES = frozenset(fold(w) for w in (
    "عليه", "عليها", "عليهم", "له", "لها", "لهم", "منه", "منها", "فيه", "فيها", "به", "بها", "عنه", "عنها",
    "إليه", "إليها", "حفظه", "حفظها", "حفظهم", "رحمه", "رعاه", "وفقه", "أيده", "عهده"))


@lru_cache(maxsize=1)
def _non_names() -> tuple[frozenset[str], frozenset[str]]:
    """Match forms of ``lexicons/non_names.txt``: speech masdars with a possessive
    pronoun ("قوله", "تأكيدها", never a name part) and borrowed common nouns of media
    and devices and currency names ("الفيديو كونفرانس", "الريال", never a place or an
    actor by themselves)."""
    _, keyed = _keyed_list("non_names.txt")
    forms: set[str] = set()
    for stem in keyed.get("masdar", ()):
        base = stem[:-1] + "ت" if stem.endswith("ه") else stem  # "إشارة" -> "إشارته"
        forms.update(base + suffix for suffix in ("ه", "ها", "هم", "هما"))
    return frozenset(forms | _NEVER_IN_NAMES), keyed.get("loanword", frozenset()) | keyed.get("currency", frozenset())


def never_in_names() -> frozenset[str]:
    """Match forms a person's name never holds (``_NEVER_IN_NAMES`` and the speech
    masdars with a pronoun of ``non_names.txt``)."""
    return _non_names()[0]


@lru_cache(maxsize=1)
def _name_index():
    """The romanizer's SQLite index of attested name spellings (or None)."""
    try:
        from arabic_name_romanizer.lookup import lookup_key
    except ImportError:  # pragma: no cover
        return None
    tr = _romanizer()
    if tr is None or getattr(tr, "index", None) is None:
        return None
    return tr.index.conn, lookup_key


@lru_cache(maxsize=1)
def _name_part_counts() -> dict[str, tuple[int, int]] | None:
    """``(given, surname)`` attestations per lookup key of the romanizer's name-part index.

    :func:`name_part` is asked about nearly every word a corpus brings for the
    first time, and one indexed query each cost more than reading these sums
    for the whole table once (~0.1 s, ~5 MB for ~29,000 keys).  The sums are
    the ones the per-word query gave (same rows, same roles).
    """
    idx = _name_index()
    if idx is None:
        return None
    conn, _ = idx
    out: dict[str, tuple[int, int]] = {}
    for key, role, total in conn.execute(
            "SELECT arabic_key, role, sum(count) FROM units WHERE role IN ('given', 'surname') "
            "GROUP BY arabic_key, role"):
        given, surname = out.get(key, (0, 0))
        out[key] = (total, surname) if role == "given" else (given, total)
    return out


@lru_cache(maxsize=1)
def _plain_key_letters() -> frozenset[str]:
    """Characters that the romanizer's ``lookup_key`` keeps as they are in a word made of them only.

    ``lookup_key`` (``arabic_name_romanizer.normalize``) works character by
    character (NFKC; marks, tatweel and invisible characters removed; hamza
    seats, ى and ة folded; punctuation to spaces; spaces trimmed), except that
    NFKC joins a letter with a combining mark after it.  None of it touches a
    basic Arabic letter (U+0621-U+064A) or ASCII digit that it maps to itself,
    so a word of them only is its own key: :func:`name_part` skips the call
    (several µs) for nearly every word it is asked about, which is already a
    match form.  The set is read from ``lookup_key`` itself, and a test checks
    the shortcut against it.
    """
    import unicodedata

    idx = _name_index()
    if idx is None:
        return frozenset()
    key = idx[1]
    candidates = [chr(c) for c in range(0x0621, 0x064B)] + [str(d) for d in range(10)]
    return frozenset(c for c in candidates if key(c) == c and not unicodedata.combining(c))


@lru_cache(maxsize=100_000)
def name_part(word: str, role: str | None = None) -> str | None:
    """"given" or "surname" when ``word`` is an attested name part, else None.

    Given: seen 30+ times as a given name and mostly as one.  Surname: seen as
    a family name at all (asked with ``role="surname"``), or 30+ times as any
    name part otherwise.
    """
    counts = _name_part_counts()
    if counts is None:
        return None
    key = word if _plain_key_letters().issuperset(word) else _name_index()[1](word)
    given, surname = counts.get(key, (0, 0))
    if role == "surname":
        return "surname" if surname >= 2 else None
    if given >= 30 and given >= surname:
        return "given"
    if given + surname >= 30:
        return "surname"
    return None


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    """Match forms of ``lexicons/org_heads.txt``."""
    return _word_list("org_heads.txt")


def company_heads() -> frozenset[str]:
    """Match forms of the "company-head:" lines of ``org_heads.txt`` ("شركة",
    "مجموعة"): the noun before a company's own name, which the name may drop."""
    return _keyed_list("org_heads.txt")[1].get("company-head", frozenset())


@lru_cache(maxsize=1)
def adjective_only_heads() -> frozenset[str]:
    """Heads of ``org_heads.txt`` flagged "adjective-only": they name a body only with an
    institutional adjective, and may be a plain noun inside a name ("وكالة التعاون
    والتنسيق التركية")."""
    return frozenset(w for w, flags in _flagged_list("org_heads.txt")[0].items() if "adjective-only" in flags)


@lru_cache(maxsize=1)
def place_nouns() -> frozenset[str]:
    """Match forms of ``lexicons/place_nouns.txt``."""
    return _word_list("place_nouns.txt")


@lru_cache(maxsize=16)
def _word_list(name: str) -> frozenset[str]:
    return frozenset(_flagged_list(name)[0])


@lru_cache(maxsize=8)
def _flagged_list(name: str) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """A word list whose lines may carry flags after the word ("حكومة person
    definite"), and its "adj: …" lines (``org_heads.txt``)."""
    words, extra = _keyed_list(name)
    return words, extra.get("adj", frozenset())


@lru_cache(maxsize=8)
def _keyed_list(name: str) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Words with flags, and the "key: word" lines grouped by key."""
    from importlib import resources

    text = resources.files("marsad.lexicons").joinpath(name).read_text("utf-8")
    words: dict[str, frozenset[str]] = {}
    extra: dict[str, set[str]] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, colon, rest = line.partition(":")
        if colon and " " not in key:
            extra.setdefault(key, set()).add(fold(rest.strip()))
            continue
        word, *flags = line.split()
        words[fold(word)] = frozenset(flags)
    return words, {k: frozenset(v) for k, v in extra.items()}


@lru_cache(maxsize=1)
def _speech_data() -> dict:
    """``lexicons/speech.yaml`` as read (the entity rules borrow a few of its word lists)."""
    from importlib import resources

    import yaml

    return yaml.safe_load(resources.files("marsad.lexicons").joinpath("speech.yaml").read_text("utf-8")) or {}


@lru_cache(maxsize=1)
def complementizers() -> frozenset[str]:
    """Match forms of ``complementizers`` in ``lexicons/speech.yaml`` (أن، إن، بأن …)."""
    return frozenset(fold(w) for w in _speech_data().get("complementizers") or ())


@lru_cache(maxsize=1)
def kin_nouns() -> frozenset[str]:
    """Bare match forms of ``kin_heads`` in ``lexicons/speech.yaml``: "زوجة
    الهمامي" is the wife of a person, no person's name."""
    return frozenset(split_article(fold(w))[1] for w in _speech_data().get("kin_heads") or ())


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Match forms of the speech verbs and participles in ``lexicons/speech.yaml``
    (read only): "شدد", "أدان" after a role are verbs, not a name."""
    data = _speech_data()
    out: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            for key, val in node.items():
                if key in ("forms", "present") and isinstance(val, list):
                    out.update(fold(v) for v in val if isinstance(v, str))
                else:
                    walk(val)
        elif isinstance(node, list):
            for x in node:
                walk(x)

    walk(data)
    return frozenset(out)


@lru_cache(maxsize=1)
def _place_noun_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Facility nouns (flag "name" in place_nouns.txt), region nouns, and both."""
    facilities = frozenset(w for w, flags in _flagged_list("place_nouns.txt")[0].items() if "name" in flags)
    regions = region_nouns()
    return facilities, regions, facilities | regions


@lru_cache(maxsize=1)
def region_nouns() -> frozenset[str]:
    """Match forms of ``lexicons/region_nouns.txt``."""
    return _word_list("region_nouns.txt")


#: a word rarer than this (wordfreq Zipf) after a place noun is taken for a name;
#: an indefinite word must be rarer still (indefinite adjectives: "منطقة عازلة")
RARE_DEFINITE = 3.6
RARE_INDEFINITE = 3.0
#: after a region noun ("إقليم", "مديرية") a plain word this rare is the region's name
RARE_REGION = 3.8
#: first words of compound place names ("مخيم أبو شوك", "بلدة عين عرب")
_COMPOUND_FIRST = frozenset(fold(w) for w in ("أبو", "أم", "عين", "رأس", "بئر", "تل", "جبل", "دير", "كفر", "بيت", "بني", "ابن"))
#: endings of indefinite words that are no place names (nisba adjectives, pronoun suffixes, plurals)
_NOT_NAME_ENDINGS = ("يه", "ي", "ها", "هم", "هما", "كم", "نا", "ات")
#: dual endings: "الحكومتين", "الطرفين" are no name words
_DUAL_ENDINGS = ("تين", "تان")
#: adjectives that belong to a facility's name ("مطار معيتيقة الدولي")


@lru_cache(maxsize=50_000)
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "ar")


@lru_cache(maxsize=1)
def _romanizer():
    """arabic-name-romanizer with its attested-spelling index and rules only.

    Its neural fallback costs ~10 ms a name (beam search in ONNX Runtime),
    more than the whole rest of the pipeline; attested spellings plus rules
    give a readable English name at ~0.2 ms.
    """
    try:
        from arabic_name_romanizer import Transliterator
    except ImportError:  # pragma: no cover - optional at run time
        return None
    tr = Transliterator(auto_load_model=False)
    if getattr(tr, "index", None) is not None:
        tr.index = _CachedNameIndex(tr.index)
    return tr


class _CachedNameIndex:
    """Memoizes the romanizer's read-only SQLite lookups.

    New names keep arriving in a corpus, but their parts (محمد, عبد الله, ال…)
    repeat: each lookup is a query plus an aggregation, about 0.1 ms, and a name
    costs several. The index is opened read-only, so a lookup is a pure function
    of its arguments; callers get a fresh list each time, so nothing they do
    touches the cache.
    """

    def __init__(self, index) -> None:
        self._index = index
        self._full = lru_cache(maxsize=50_000)(lambda *a: tuple(index.lookup_full(*a)))
        self._unit = lru_cache(maxsize=50_000)(lambda *a: tuple(index.lookup_unit(*a)))

    def lookup_full(self, key: str, country: str | None = None, script: str = "arabic") -> list:
        return list(self._full(key, country, script))

    def lookup_unit(self, key: str, country: str | None = None, role: str | None = None,
                    script: str = "arabic") -> list:
        return list(self._unit(key, country, role, script))

    def __getattr__(self, name: str):
        return getattr(self._index, name)


@lru_cache(maxsize=20_000)
def romanize(name: str) -> str | None:
    """An English spelling for a name no dictionary lists (offline)."""
    tr = _romanizer()
    if tr is None:
        return None
    try:
        out = best_spelling(tr, name)  # tr.transliterate(name) without ranking every combination
    except Exception:  # noqa: BLE001 - romanization is a nicety, never a failure
        return None
    return out if isinstance(out, str) and out.strip() else None


class EntityRecognizer:
    """Pipeline component: fills ``doc.entities`` (the JSON contract's list)."""

    name = "entities"
    #: keyword options that :func:`marsad.extract.default_extractors` passes on
    OPTIONS = ("actors_files", "use_model")

    def __init__(self, actors_files: tuple[str, ...] = (), use_model: bool = True) -> None:
        self.gazetteer = load_gazetteer(tuple(actors_files))
        self.roles = RoleLexicon.load()
        if not EXACT_WORDS:
            EXACT_WORDS.update(split_article(k)[1] for k in self.roles.nationalities)
        self.tagger = load_tagger() if use_model else None
        self._fuzzy_cache: dict[str, Actor | None] = {}
        self._flag_cache: dict[str, int] = {}
        self._flag_version = self.gazetteer.version
        # dictionary names by (first two letters, type), in dictionary order: the names
        # (for rapidfuzz's batch distance in :meth:`_fuzzy`) and their actors, side by side
        self._by_first: dict[tuple[str, str], tuple[list[str], list[Actor]]] = {}
        for key, actor in self.gazetteer.index.items():
            joined = " ".join(key)
            names, actors = self._by_first.setdefault((joined[:2], actor.type), ([], []))
            names.append(joined)
            actors.append(actor)

    def prepare_batch(self, docs: list[Document]) -> None:
        """Tags a batch of documents at once (:meth:`marsad.pipeline.Pipeline.pipe`);
        :meth:`mentions` reads the spans, the same as tagging each alone."""
        if self.tagger is None or len(docs) < 2:
            return
        for d, spans in zip(docs, self.tagger.tag_docs(docs)):
            d._marsad_ner = (d.tokens, spans)  # type: ignore[attr-defined]

    def _model_spans(self, doc: Document):
        got = getattr(doc, "_marsad_ner", None)
        if got is not None:
            del doc._marsad_ner  # type: ignore[attr-defined]
            if got[0] is doc.tokens:  # tagged by prepare_batch, tokens untouched since
                return got[1]
        return self.tagger.tag_doc(doc)

    # -- mentions -------------------------------------------------------------
    def _word_flags(self, doc: Document) -> list[int]:
        """Per token, the word classes (:data:`_TITLE` …) that open the mention passes.

        Each pass looks at every token but acts on few: a title, a role head, a
        given name, a place or organization noun, the first word of a dictionary
        name (for :meth:`Gazetteer.find`).  Whether a word is one depends
        on the word alone, so the tests run once per surface form (cached) and
        once per document (kept on the document, like :func:`doc_starts`);
        each pass then visits only its candidates.
        """
        toks = doc.tokens
        cached = getattr(doc, "_marsad_word_flags", None)
        if cached is not None and cached[0] is toks:  # the same token list, so the same words
            return cached[1]
        cache = self._flag_cache
        if self._flag_version != self.gazetteer.version:  # actors added since: _GAZ may have changed
            cache.clear()
            self._flag_version = self.gazetteer.version
        flags = list(map(cache.get, [t.text for t in toks]))
        if None in flags:
            for i, f in enumerate(flags):
                if f is None:
                    tok = toks[i]
                    f = flags[i] = self._classify(tok)
                    if len(cache) >= 200_000:
                        cache.clear()
                    cache[tok.text] = f
        try:
            doc._marsad_word_flags = (toks, flags)  # type: ignore[attr-defined]
        except AttributeError:  # pragma: no cover - slotted documents
            pass
        return flags

    def _classify(self, tok: Token) -> int:
        """The word classes of one token (its surface form decides them all)."""
        f = 0
        if self.roles.is_title(tok):
            f |= _TITLE
        if self.roles.is_head(tok):
            f |= _HEAD
        if tok.text[0].isalpha() and not tok.prefix and _given_name_forms(tok.norm, tok.text):
            f |= _GIVEN
        if _may_be(tok, _place_noun_sets()[2]):
            f |= _PLACE
        if _may_be(tok, _flagged_list("org_heads.txt")[0]):
            f |= _ORG_HEAD
        if self.gazetteer.begins_name(tok.norm):
            f |= _GAZ
        if _dual_place_noun(tok):
            f |= _DUAL
        return f

    def mentions(self, doc: Document) -> list[Mention]:
        toks = doc.tokens
        taken = [False] * len(toks)
        found: list[Mention] = []
        # dictionary and place mentions by first token: (last token + 1, index in found),
        # which an organization's chain may take in ("غرفة تجارة الأردن")
        spans: dict[int, tuple[int, int]] = {}
        starts = self.roles.body_starts
        for i in range(1, len(toks)):
            if toks[i].bare in starts:
                for k in range(i, i + self.roles.title_body(toks, i)):
                    taken[k] = True  # "رئيس هيئة الأركان العامة ...": part of the title
        begins = [i for i, f in enumerate(self._word_flags(doc)) if f & _GAZ]
        strong = self.gazetteer.find(toks, candidates=begins)
        present = ({m.actor.key for m in strong} | self._bylines(toks) | self._weak_countries(toks, strong)) \
            & self.gazetteer.weak_actors
        matches = self.gazetteer.find(toks, present, candidates=begins) if present else strong
        for m in self._past_titles(toks, matches, taken):
            if self.roles.is_nationality_span(toks[m.first:m.last]) and not self._country_alone(toks, m):
                continue
            for k in range(m.first, m.last):
                taken[k] = True
            if m.actor.sector == "CVL" or (m.last - m.first == 1 and (
                    self._month_name(doc, m) or (m.start > toks[m.first].start and len(fold(doc.text[m.start:m.end])) <= 2))):
                # "الشعب العراقي": an unnamed group; "آب" (August) is not إب (Ibb), nor
                # "باب" (door) ب + إب: a two-letter name is not reached through a clitic
                continue
            start, first = m.start, m.first
            if m.last - m.first == 2 and m.actor.sector == "MED" and toks[m.first + 1].prefix in ("", "ال") \
                    and toks[m.first + 1].bare not in _AGENCY_GENERIC \
                    and _noun_prefix(toks[m.first], _AGENCY_NOUNS) is not None:
                # "وكالة ارنا", "وكالة الأناضول": the agency is named "ارنا", "الأناضول" (its
                # record's name keeps the noun as written); "وكالة الأنباء …" keeps its noun
                start = toks[m.first + 1].start
            if m.actor.type == "LOC" and first > 0 and not taken[first - 1] \
                    and toks[first - 1].sentence == toks[first].sentence:
                pre = _noun_prefix(toks[first - 1], region_nouns())
                if pre is not None and "rare" not in _flagged_list("region_nouns.txt")[0].get(
                        toks[first - 1].norm[len(pre):], ()):
                    # "جمهورية كينيا", "ولاية شمال دارفور": the same place (not "مقاطعة
                    # إسرائيل", boycotting it: such a noun only names a rare word)
                    first -= 1
                    taken[first] = True
                    start = toks[first].start + surface_len(toks[first].text, len(pre))
                    if self._region_direction(toks, first, m.last, taken):
                        # "إقليم جوبا الوسطى": another region than the city the dictionary knows
                        taken[m.last] = True
                        found.append(Mention(start, toks[m.last].end, doc.text[start:toks[m.last].end], "LOC"))
                        spans[first] = (m.last + 1, len(found) - 1)
                        continue
            if m.actor.type == "PER" and m.last - m.first == 2 and toks[m.first].norm in _LINEAGE_KUNYA \
                    and m.last < len(toks) and not taken[m.last] and toks[m.last].sentence == toks[m.first].sentence \
                    and toks[m.last].prefix == "ال" and self.roles.nationality(toks[m.last]):
                # "أبو عبيدة العراقي": a kunya with a nisba after it is another man's nom de
                # guerre, not the dictionary's "أبو عبيدة"
                taken[m.last] = True
                found.append(Mention(start, toks[m.last].end, doc.text[start:toks[m.last].end], "PER"))
                spans[first] = (m.last + 1, len(found) - 1)
                continue
            other = self._other_country_body(toks, m, taken)
            if other is not None:
                # "الهلال الأحمر المصري", "قوات الدفاع الوطني الإثيوبية": a dictionary name
                # with another country's nationality after it is that country's own body
                last = m.last + 1
                taken[m.last] = True
                found.append(Mention(start, toks[m.last].end, doc.text[start:toks[m.last].end], "ORG", country=other))
                spans[first] = (last, len(found) - 1)
                continue
            found.append(Mention(start, m.end, doc.text[start:m.end], m.actor.type, m.actor))
            spans[first] = (m.last, len(found) - 1)
        self._quoted_outlets(doc, taken, spans, found)
        self._places(doc, taken, spans, found)
        for mention in self._after_titles(doc, taken, spans, found):
            found.append(mention)
        self._institution_names(doc, taken, spans, found)
        self._fixed_bodies(doc, taken, spans, found)
        self._org_chains(doc, taken, spans, found)
        found.extend(self._after_roles(doc, taken, spans, found))
        found = [m for m in found if m is not None]
        for mention in self._given_names(doc, taken, found):
            found.append(mention)
        found.extend(self._speech_subjects(doc, taken))
        if self.tagger is not None:
            dropped: set[int] = set()
            for span in self._model_spans(doc):
                etype = NER_TYPES.get(span.type)
                if etype is None:
                    continue
                a, b = span.token_start, span.token_end
                if any(taken[a:b]):
                    if etype == "PER" and not taken[b - 1]:
                        self._person_goes_on(doc, found, taken, a, b)
                    inner = _places_inside(found, toks, taken, a, b) if etype == "ORG" and not taken[a] else None
                    if not inner:
                        continue
                    # "جامعة القصيم", "هيئة قناة بنما": a body named after a place the
                    # dictionary knows; the place is part of its name
                    dropped.update(inner)
                if b - a >= 2 and _noun_prefix(toks[a], _place_noun_sets()[0]) is not None:
                    etype = "LOC"  # "قصر قرطاج", "سوق الجمعة": a facility and its name
                elif etype == "LOC" and b - a >= 2 and toks[a].bare in org_heads() \
                        and toks[a].bare != fold("اتحاد") and _noun_prefix(toks[a], place_nouns()) is None:
                    # "الجيش المالي", "وزارة …": a body's head noun names a body (but "الاتحاد
                    # السوفياتي" is a country, "مركز احتجاز …" a place)
                    etype = "ORG"
                if etype != "PER" and _in_after_conj(toks[a].norm, speech_verbs()):
                    continue  # "أوضحت هولمبرغ": a speech verb and its subject, no place or body
                if etype != "PER" and b - a == 1 and a > 0 and toks[a].prefix == "ال" \
                        and toks[a].norm.endswith(("ي", "يه")) and toks[a - 1].prefix.endswith("ال") \
                        and toks[a - 1].sentence == toks[a].sentence and toks[a - 1].text[-1].isalpha() \
                        and not taken[a - 1] and toks[a - 1].bare not in org_heads():
                    continue  # "بالسلم الأهلي": an adjective agreeing with the noun before it
                mention = self._trim(doc, toks, a, b, etype)
                if mention is not None:
                    mention.source = "model"
                    found.append(mention)
                    for k in range(a, b):
                        taken[k] = True
            if dropped:
                found = [m for m in found if id(m) not in dropped]
        heads = self.roles.heads
        found = [m for m in found if not (m.type == "PER" and m.actor is None and fold(m.text) in heads)]  # "ولي العهد"
        self._companies(found)
        found.sort(key=lambda x: x.start)
        if any(f & _DUAL for f in self._word_flags(doc)):
            found = self._dual_places(doc, found)
        self._extend_people(doc, found)
        self._extend_bodies(doc, found)
        self._purpose_genitives(doc, found)
        self._places_named_after_people(doc, found)
        return found

    def _quoted_outlets(self, doc: Document, taken: list[bool], spans: dict[int, tuple[int, int]],
                        found: list) -> None:
        """"مراسل موقع "مدى مصر"", "صحيفة «الأخبار»": after an outlet noun ("outlet:" lines
        of ``org_heads.txt``) one to four words in quotation marks are the outlet's name,
        whatever words they are; a place the dictionary found inside is part of it."""
        toks = doc.tokens
        n = len(toks)
        outlets = _keyed_list("org_heads.txt")[1].get("outlet", frozenset())
        for i in range(n - 3):
            tok = toks[i]
            if taken[i] or toks[i + 1].text not in _OPEN_QUOTES or not any(
                    stem in outlets and "ال" not in pre for pre, stem in clitic_forms(tok.norm)):
                continue
            close = next((c for c in range(i + 3, min(i + 7, n)) if toks[c].text in _CLOSE_QUOTES), None)
            if close is None or toks[close].sentence != tok.sentence \
                    or not all(t.text[0].isalpha() for t in toks[i + 2:close]):
                continue
            inner = [spans[p] for p in range(i + 2, close) if p in spans]
            if any(taken[p] for p in range(i + 2, close)) and not (
                    inner and all(end <= close and found[j] is not None and found[j].type != "ORG" for end, j in inner)):
                continue  # (a body the dictionary knows keeps its own mention)
            for _, j in inner:
                found[j] = None
            _claim(doc, found, spans, taken, i + 2, close, toks[i + 2].start, "ORG")
            found[-1].source = "fixed"

    @staticmethod
    def _companies(found: list[Mention]) -> None:
        """A name the tagger read as a person's is a company's when it ends with a
        corporate word ("دانة غاز", "بيرل بتروليوم", "كوسموس إنرجي"; the "corporate:"
        lines of ``org_heads.txt``) or when "شركة"/"مجموعة" names it elsewhere in the
        article ("شركة سوناطراك" … "رفضت سوناطراك")."""
        keyed = _keyed_list("org_heads.txt")[1]
        corporate, heads = keyed.get("corporate", frozenset()), company_heads()
        tails = {fold(m.text.split(" ", 1)[1]) for m in found
                 if m.type == "ORG" and " " in m.text and fold(m.text.split(" ", 1)[0]) in heads}
        for m in found:
            if m.type == "PER" and m.actor is None and (
                    fold(m.text) in tails or (" " in m.text and fold(m.text.rsplit(" ", 1)[1]) in corporate)):
                m.type, m.roles = "ORG", []

    def _dual_places(self, doc: Document, found: list[Mention]) -> list[Mention]:
        """"في إقليمي شمال كيفو وجنوب كيفو", "مدينتي غوما وبوكافو", "ولايتي الجزيرة وشمال
        دارفور": the dual of a region or facility noun names two places joined by و.
        The dual noun is no name (nor a person's: "ولايتي"), a span over both places is
        cut at the و, and a person read right after it is a place ("محافظتي نينوى
        وصلاح الدين")."""
        toks = doc.tokens
        flags = self._word_flags(doc)
        starts = doc_starts(doc)
        out = found
        for i in [i for i, f in enumerate(flags) if f & _DUAL]:
            if i + 1 >= len(toks) or toks[i + 1].sentence != toks[i].sentence:
                continue
            tok, nxt = toks[i], toks[i + 1]
            first = next((m for m in out if m.start < tok.end and m.end > tok.start), None)
            if first is not None:
                if first.end <= tok.end:
                    out = [m for m in out if m is not first]  # "ولايتي" alone: the noun, no person
                    first = None
                elif first.start < nxt.start:  # "مدينتي غوما …": the name starts after the noun
                    first.start = nxt.start
                    first.text = doc.text[first.start:first.end]
            if first is None:
                first = next((m for m in out if m.start >= nxt.start), None)
                if first is None or toks[bisect_left(starts, first.start)].sentence != tok.sentence:
                    continue
                a = bisect_left(starts, first.start)
                if a == i + 2 and nxt.norm in _COMPASS:  # "إقليمي | شمال كيفو": the direction is in the name
                    first.start = nxt.start
                    first.text = doc.text[first.start:first.end]
                elif a > i + 1:
                    # "ولايتي الجزيرة | وشمال دارفور": the first place is what stands before the و
                    j = bisect_left(starts, first.start + 1) - 1
                    if j - i > 3 or toks[j].norm[:1] != "و" or any(
                            not t.text[0].isalpha() or t.prefix not in ("", "ال") or t.norm in function_words()
                            for t in toks[i + 1:j]):
                        continue
                    out = sorted([*out, Mention(nxt.start, toks[j - 1].end, doc.text[nxt.start:toks[j - 1].end], "LOC")],
                                 key=lambda x: x.start)
                    if first.type != "LOC":
                        first.type, first.actor = "LOC", None
                    continue
            a = bisect_left(starts, first.start)
            b = bisect_left(starts, first.end)
            # (after the dual noun a word with و inside the span is the conjunction)
            conj = next((k for k in range(a + 1, b) if toks[k].norm[:1] == "و" and len(toks[k].norm) > 3), None)
            second = None
            if conj is not None:
                cut = toks[conj].start + surface_len(toks[conj].text, 1)
                second = Mention(cut, first.end, doc.text[cut:first.end], "LOC")
                first.end = toks[conj - 1].end
                first.text = doc.text[first.start:first.end]
                out = sorted([*out, second], key=lambda x: x.start)
            else:
                after = next((m for m in out if m.start > first.end), None)
                k = bisect_left(starts, first.end)
                if after is not None and k + 1 < len(toks) and toks[k].norm[:1] == "و" \
                        and toks[k].sentence == tok.sentence:
                    if after.start < toks[k].end:
                        second = after
                    elif after.start == toks[k + 1].start and toks[k].norm[1:] in _COMPASS:
                        second = after  # "… وجنوب | كيفو": the direction is in the name
                        second.start = toks[k].start + surface_len(toks[k].text, 1)
                        second.text = doc.text[second.start:second.end]
            for m in (first, second):
                if m is not None and m.type != "LOC":
                    m.type, m.actor = "LOC", None
        return out

    def _person_goes_on(self, doc: Document, found: list, taken: list[bool], a: int, b: int) -> None:
        """A person the rules found, whose name the tagger reads one or two words
        longer: "رئيس الكتلة كاوه محمد | أمين،", "رئيس الجمهورية إسماعيل عمر | جيله
        قد استقبل".  The rules stop at a word that is also a common one or a role
        ("أمين"), the tagger sees the whole name; the words it adds must read as name
        parts (no clitic, function word, title, nationality or verb, and a role word
        only last, before punctuation, a function word or a verb)."""
        toks = doc.tokens
        p = b - 1
        while p >= a and not taken[p]:
            p -= 1
        if p < a or b - p - 1 > 2 or toks[b - 1].sentence != toks[p].sentence:
            return
        m = next((m for m in found if m is not None and m.end == toks[p].end), None)
        if m is None or m.type != "PER" or m.actor is not None or m.start < toks[a].start:
            return
        stops = function_words()
        closes = self._name_closes(toks, b, toks[p].sentence, stops)
        for k in range(p + 1, b):
            t = toks[k]
            # (a role word ends the name only when its complement follows: "… أمين عام")
            if (not t.text[0].isalpha() or len(t.text.replace("ـ", "")) < 2 or t.prefix not in ("", "ال")
                    or strip_len(t) > 0 or t.norm in stops
                    or t.text in _NOT_NAMES or t.norm in never_in_names() or t.norm in _LINKS
                    or self.roles.is_title(t) or (self.roles.is_head(t) and not (k == b - 1 and closes))
                    or self.roles.nationality(t)
                    or _verb_like(t) or _past_verb(t) or _not_name_word(t) or _accusative_noun(t)):
                return
        m.end = toks[b - 1].end
        m.text = doc.text[m.start:m.end]
        for k in range(p + 1, b):
            taken[k] = True

    def _places_named_after_people(self, doc: Document, found: list[Mention]) -> None:
        """A person's name right after a facility noun flagged "name" is the
        place's name: "ساحة محمد علي", "شارع الحبيب بورقيبة" are one LOC each
        (as "مطار الملك خالد" is), not a person."""
        toks = doc.tokens
        if not toks:
            return
        facilities = _place_noun_sets()[0]
        starts = doc_starts(doc)
        for m in found:
            if m.type != "PER" and not (m.type == "LOC" and m.source == "model"):
                continue  # (a tagged place after the noun is the facility's name too: "حي كوت عبدالله")
            k = bisect_left(starts, m.start)
            if k == 0 or k >= len(toks) or toks[k].start != m.start:
                continue
            prev = toks[k - 1]
            if prev.sentence != toks[k].sentence or prev.prefix.endswith("ال") or doc.text[prev.end:m.start].strip():
                continue
            pre = _noun_prefix(prev, facilities)
            if pre is None or any(o is not m and o.start < prev.end and o.end > prev.start for o in found):
                continue
            m.start = prev.start + surface_len(prev.text, len(pre))
            m.text = doc.text[m.start:m.end]
            m.type, m.actor = "LOC", None

    def _extend_bodies(self, doc: Document, found: list[Mention]) -> None:
        """A long official name goes on over the nouns joined to its last part
        with و: "وزارة الموارد المائية والري", "حزب التجمع الوطني للإصلاح
        والتنمية", "بعثة الاتحاد الأفريقي للدعم والاستقرار".  Only names of
        three words or more, only definite common nouns that are no actor,
        mention, nationality or title of their own."""
        toks = doc.tokens
        if not toks:
            return
        starts = doc_starts(doc)
        mention_starts = sorted(m.start for m in found)
        heads = org_heads()
        plain = adjective_only_heads()
        for m in found:
            words = m.text.split()
            if m.type != "ORG" or m.actor is not None or m.source == "fixed" or len(words) < 2 or (
                    len(words) == 2 and split_article(fold(words[0]))[1] not in heads):
                continue  # three words, or two with an organization's head: "جهاز المخابرات والأمن الوطني"
            k = bisect_left(starts, m.end)
            if k == 0 or self.roles.nationality(toks[k - 1]):
                continue  # "وزارة الصحة الفلسطينية": a name closed by its nationality
            end = m.end
            while k < len(toks) and toks[k].sentence == toks[k - 1].sentence:
                t = toks[k]
                if _mention_inside(mention_starts, t) or not t.norm.startswith(("وال", "ولل")) or len(t.norm) < 5:
                    break
                stem = t.norm[1:]
                if (self.gazetteer.index.get((stem,)) is not None or self.roles.nationality(t)
                        or (split_article(stem)[1] in heads and split_article(stem)[1] not in plain)
                        or stem in function_words()
                        or stem in ("الذي", "التي", "الذين", "اللذين", "اللتين")
                        or self.roles.is_title(t) or self.roles.is_head(t) or zipf(t.text[1:]) < 2.0):
                    break
                end, k = t.end, k + 1
                if k < len(toks) and toks[k].prefix == "ال" and (toks[k].norm.endswith(("ي", "يه")) or (
                        t.bare.endswith("ات") and _faila_adjective(toks[k]))) \
                        and toks[k].sentence == t.sentence and not _mention_inside(mention_starts, toks[k]):
                    # its adjective: "والأمن الوطني", "والمركبات الثقيلة"
                    end, k = toks[k].end, k + 1
                    if self.roles.nationality(toks[k - 1]):
                        break  # a nationality closes the name: "مجلس السلم والأمن الأفريقي"
            if end > m.end:
                m.end = end
                m.text = doc.text[m.start:end]

    def _purpose_genitives(self, doc: Document, found: list[Mention]) -> None:
        """A body's name goes on over the ل-genitive that says what it is for or whose
        it is: "بعثة الاتحاد الأوروبي | لمراقبة الانتخابات", "قيادة القوات المشتركة
        للتحالف | لدعم الشرعية في اليمن", "اللجنة المركزية | لحركة فتح", "الحكومة
        المحلية | لسبتة".  Only after a name the rules built (no dictionary name) that
        a nationality adjective does not close; ل + a noun + a definite word, or ل + a
        place or body named."""
        toks = doc.tokens
        if not toks:
            return
        starts = doc_starts(doc)
        by_start = None
        local_heads = _flagged_list("org_heads.txt")[0]
        for m in found:
            if m.type != "ORG" or m.actor is not None or m.source == "fixed":
                continue
            k = bisect_left(starts, m.end)
            if k < 2 or k >= len(toks) or toks[k - 1].end != m.end:
                continue
            if toks[k].norm in _WHERE_TO and k + 2 < len(toks) and toks[k + 1].sentence == toks[k - 1].sentence:
                if by_start is None:
                    by_start = {o.start: o for o in found}
                place = by_start.get(toks[k + 1].start)
                if place is not None and place.type in ("LOC", "ORG"):
                    q = bisect_left(starts, place.end)
                    if (place.type == "LOC" and q + 2 < len(toks) and toks[q].text == "("
                            and ")" in (toks[q + 2].text, toks[min(q + 3, len(toks) - 1)].text)) \
                            or (toks[k].norm == "في"
                                and "local" in local_heads.get(split_article(fold(m.text.split()[0]))[1], ())):
                        # "رابطة صناعة النفط في كردستان (أبيكور)": the short name in brackets
                        # follows the full name, the place included; associations and
                        # committees are named by where they are ("جمعية الصرافين في عدن",
                        # "لجنة العلاقات الخارجية في مجلس الشيوخ")
                        m.end = place.end
                        m.text = doc.text[m.start:m.end]
                        place.type = "_merged"
                continue
            if self.roles.nationality(toks[k - 1]) and self.gazetteer.index.get((toks[k - 2].norm, toks[k - 1].norm)) is None:
                continue  # (the adjective of a name inside goes on: "بعثة الاتحاد الأوروبي | لمراقبة …")
            t = toks[k]
            if t.sentence != toks[k - 1].sentence or t.prefix or t.norm[:1] != "ل" or strip_len(t) != 1 \
                    or len(t.norm) < 4 or t.norm in function_words() or t.norm[1:] in function_words():
                continue
            if by_start is None:
                by_start = {o.start: o for o in found}
            inner = by_start.get(t.start + surface_len(t.text, 1))
            if inner is not None:
                if inner.type not in ("ORG", "LOC") or inner.end < t.end:
                    continue
                end = inner.end  # "لحركة فتح", "لسبتة": the body of that place or group
                found_inner = inner
            else:
                nxt = toks[k + 1] if k + 1 < len(toks) else None
                if nxt is None or nxt.sentence != t.sentence or nxt.prefix != "ال" or not nxt.text[0].isalpha() \
                        or nxt.start in by_start or self.roles.nationality(nxt) or zipf(t.text[1:]) < 3.0:
                    continue
                end, found_inner = nxt.end, None  # "لمراقبة الانتخابات"
                if k + 3 < len(toks) and toks[k + 2].norm in _WHERE_TO and toks[k + 3].sentence == t.sentence:
                    place = by_start.get(toks[k + 3].start)
                    if place is not None and place.type == "LOC":
                        # "لدعم الشرعية في اليمن", "لتقديم المساعدة إلى أفغانستان": where it works
                        end, found_inner = place.end, place
            m.end = end
            m.text = doc.text[m.start:end]
            if found_inner is not None:
                found_inner.type = "_merged"
        if by_start is not None:
            found[:] = [m for m in found if m.type != "_merged"]

    def _extend_people(self, doc: Document, found: list[Mention]) -> None:
        """A person's name goes on over the parts written after it that no rule
        took: a lineage link and the name after it ("جاسم بن حمد المناعي",
        "أحمد سالم ولد بونه"), a rare family name ("خالد ناصر البذالي", "حسن علي
        جيدي").  Never over a common word, a title, a role word, a nationality,
        a function word or another mention."""
        toks = doc.tokens
        if not toks:
            return
        starts = doc_starts(doc)
        stops = function_words()
        taken_at = {m.start for m in found}
        mention_starts = sorted(taken_at)
        for m in found:
            if m.type != "PER" or m.actor is not None:
                continue
            k = bisect_left(starts, m.end)
            if k >= len(toks) or k == 0:
                continue
            sent = toks[k - 1].sentence
            end, added = m.end, 0
            while k < len(toks) and added < 2 and toks[k].sentence == sent:
                t = toks[k]
                if _mention_inside(mention_starts, t):
                    break
                if not t.text[0].isalpha() or t.norm in stops or t.text in _NOT_NAMES or t.norm in never_in_names() \
                        or self.roles.is_title(t) or self.roles.is_head(t) \
                        or (self.roles.nationality(t) and not (k >= 2 and toks[k - 2].norm in _LINEAGE_KUNYA)) \
                        or _verb_like(t) or (t.prefix and t.prefix != "ال") or strip_len(t) > 0 \
                        or (t.norm[0] == "و" and not (name_part(t.norm) or name_part(t.norm, "surname"))):
                    break  # (nor a clitic: "… وتبعدنا", "… بهزيمتين", "… لاستعارة")
                if t.norm in ("بن", "ولد", "ابن") and k + 1 < len(toks) and toks[k + 1].sentence == sent \
                        and toks[k + 1].text[0].isalpha() and toks[k + 1].start not in taken_at \
                        and (name_part(toks[k + 1].norm) or zipf(toks[k + 1].text) < 2.5):
                    end, k, added = toks[k + 1].end, k + 2, added + 1
                    continue
                after = toks[k + 1] if k + 1 < len(toks) and toks[k + 1].sentence == sent else None
                closes = after is None or not after.text[0].isalpha() or after.norm in stops or after.text in _NOT_NAMES \
                    or _verb_like(after) \
                    or self.roles.is_title(after) or self.roles.is_head(after) or _accusative_noun(after)
                if t.norm in _LINKS:
                    break  # "بن", "آل" never end a name ("عبدالعزيز بن عبدالله آل | الشيخ")
                if t.norm.endswith(_DUAL_ENDINGS) and t.prefix:
                    break  # "مراد حمادي الحكومتين": a dual noun
                rare = zipf(t.text) < (2.5 if t.prefix else 2.2) or (closes and zipf(t.text) < 3.0)
                # an attested family name closing the name: "حسن كاظم | الشمري"
                family = closes and name_part(t.norm, "surname") is not None
                if not (rare or family):
                    break
                end, k, added = t.end, k + 1, added + 1
            # and back over "X بن" before it: "جاسم بن | حمد المناعي"
            k = bisect_left(starts, m.start)
            start = m.start
            if k >= 1 and toks[k - 1].sentence == toks[k].sentence and toks[k - 1].end < m.start:
                t = toks[k - 1]  # a first name no index knows: "المتحدثة، جمانة | حسين الغلاي"
                gap = doc.text[t.end:m.start]
                pp0 = toks[k - 2] if k >= 2 and toks[k - 2].sentence == t.sentence else None
                # a title that is also a given name opens the name after a complete role:
                # "المتحدث باسم وزارة الخارجية الإيرانية أمير حسين صادقي"
                given_title = name_part(t.norm) == "given" and pp0 is not None and (
                    (pp0.prefix == "ال" and self.roles.nationality(pp0) is not None)
                    or any(o.start <= pp0.start < o.end and o.type in ("ORG", "LOC") for o in found))
                if (gap.strip() == "" and t.start not in taken_at and t.text[0].isalpha() and not t.prefix
                        and t.norm not in stops and t.text not in _NOT_NAMES
                        and (not (self.roles.is_title(t) or self.roles.is_head(t)) or given_title)
                        and not self.roles.nationality(t) and not _verb_like(t)
                        and strip_len(t) == 0 and not _not_name_word(t, first=True) and not _past_verb(t)
                        and not (t.norm[0] in "يتن" and name_part(t.norm) is None)):  # "يتمسك": a verb
                    pp = toks[k - 2] if k >= 2 and toks[k - 2].sentence == t.sentence else None
                    # after a comma, a title or a role's last word a less rare word still opens the
                    # name: "المتحدثة، جمانة حسين الغلاي", "رئيس تحالف النهج الوطني ليث عبد الكريم …"
                    after_role = pp is None or pp.text in "،," or self.roles.is_title(pp) or self.roles.is_head(pp) \
                        or pp.prefix.endswith("ال")
                    # right after a speech verb the subject begins: "وأضاف هيوا | عبدالله رسول أن"
                    after_verb = pp is not None and _in_after_conj(pp.norm, speech_verbs())
                    if name_part(t.norm) == "given" or zipf(t.text) < (4.0 if after_role else 3.0 if after_verb else 2.0):
                        start, k = t.start, k - 1
            while start == m.start and k >= 2 and toks[k - 1].norm in ("بن", "ولد", "ابن") \
                    and toks[k - 1].sentence == toks[k].sentence:
                t = toks[k - 2]
                if (t.start in taken_at or not t.text[0].isalpha() or t.norm in stops or self.roles.is_title(t)
                        or self.roles.is_head(t) or not (name_part(t.norm) or zipf(t.text) < 2.5)):
                    break
                start, k = t.start, k - 2
            if end > m.end or start < m.start:
                m.start, m.end = start, end
                m.text = doc.text[start:end]

    def _weak_countries(self, toks: list[Token], strong: list) -> set[str]:
        """Countries whose short name is also a common word ("مالي": financial) that the
        document names all the same: it names one of their places ("باماكو"), or the
        word stands joined by و to another country ("السنغال ومالي", "مالي وبوركينا فاسو")."""
        weak_countries = self.gazetteer.weak_countries
        if not weak_countries:
            return set()
        out: set[str] = set()
        weak = self.gazetteer.weak
        n = len(toks)
        for m in strong:
            actor = m.actor
            if actor.type != "LOC" or not actor.code:
                continue
            other = weak_countries.get(actor.code[:3])
            if other is not None and other is not actor and _proper_weak_name(other, self.gazetteer):
                out.add(other.key)  # "باماكو" … "مالي"
            if "country" not in actor.tags:
                continue
            if m.last < n and toks[m.last].norm[:1] == "و" and toks[m.last].sentence == toks[m.first].sentence:
                got = weak.get((toks[m.last].norm[1:],))
                if got is not None and "country" in got.tags and _proper_weak_name(got, self.gazetteer):
                    out.add(got.key)
            if m.first > 0 and toks[m.first].norm[:1] == "و" and toks[m.first - 1].sentence == toks[m.first].sentence:
                got = weak.get((toks[m.first - 1].norm,))
                if got is not None and "country" in got.tags and _proper_weak_name(got, self.gazetteer):
                    out.add(got.key)
        return out

    def _bylines(self, toks: list[Token]) -> set[str]:
        """Agencies credited in parentheses ("(بترا)", "(ومع)", "(العمانية)"): a
        weak variant of a news agency alone between brackets is the agency."""
        out: set[str] = set()
        for i in range(1, len(toks) - 1):
            if toks[i - 1].text == "(" and toks[i + 1].text == ")":
                actor = self.gazetteer.weak.get((toks[i].norm,))
                if actor is not None and actor.sector == "MED":
                    out.add(actor.key)
        return out

    def _past_titles(self, toks: list[Token], matches, taken: list[bool]):
        """Dictionary matches, cut where a title body begins them: after "رئيس"
        the words "هيئة الأركان العامة" are the title, and the name is what follows."""
        for m in matches:
            k = m.first
            while k < m.last and taken[k]:
                k += 1
            if k == m.first:
                yield m
                continue
            for sub in self.gazetteer.find(toks[k:m.last]):
                sub.first += k
                sub.last += k
                yield sub

    @staticmethod
    def _month_name(doc: Document, m) -> bool:
        """A one-word match written as a month name ("آب" folds to إب, the city)."""
        return doc.text[m.start:m.end] in _MONTHS

    def _rare_name(self, toks: list[Token], j: int, taken: list[bool], sent: int,
                   definite_only: bool = False, region: bool = False) -> int:
        """The end of a place name starting at ``j`` after a place noun: one rare word
        ("طريبيل", "الكومة") or أبو/عين/… + a rare word ("أبو شوك"); ``j`` when none.
        After a region noun (``region``) a less rare plain word is a name too ("إقليم
        بلوشستان", "إقليم جدو"), and the name goes on over a direction adjective
        ("شبيلي السفلى", "جوبا الوسطى") or a second rare plain word ("خيبر بختونخوا")."""
        end = self._rare_name_start(toks, j, taken, sent, definite_only, region)
        n = len(toks)
        if end == j + 1 and region and end < n and not taken[end] and toks[end].sentence == sent:
            nxt = toks[end]
            after = toks[end + 1] if end + 1 < n and toks[end + 1].sentence == sent else None
            stops = function_words()
            if self._region_direction(toks, j - 1, end, taken):
                end += 1
            elif not toks[j].prefix and _rare_plain(nxt, stops) and not self.roles.nationality(nxt) \
                    and not self.roles.is_title(nxt) and not self.roles.is_head(nxt) \
                    and name_part(nxt.norm) != "given" and not (
                        after is not None and after.text[0].isalpha() and not after.prefix
                        and (zipf(after.text) < 3.0 or name_part(after.norm, "surname"))):
                end += 1  # "خيبر بختونخوا" (not "بلدة نيونو | آمادو تراوري": a name after it)
        return end

    @staticmethod
    def _region_direction(toks: list[Token], noun: int, k: int, taken: list[bool]) -> bool:
        """Is the word at ``k`` a direction adjective that belongs to the name of the region
        whose noun is at ``noun``?  It does when it does not agree with the noun: "إقليم
        شبيلي السفلى", "ولاية الحوض الشرقي"; "بلدة كفركلا | الجنوبية" describes the town."""
        if k >= len(toks) or taken[k] or toks[k].sentence != toks[noun].sentence:
            return False
        nxt = toks[k]
        if nxt.prefix != "ال" or nxt.norm not in _DIRECTION_ADJECTIVES:
            return False
        return toks[noun].text.endswith(("ة", "ه")) != nxt.text.endswith(("ة", "ه", "ى"))

    def _rare_name_start(self, toks: list[Token], j: int, taken: list[bool], sent: int,
                         definite_only: bool, region: bool) -> int:
        """:meth:`_rare_name` without what may follow the first name word."""
        stops = function_words()

        def ok(t: Token) -> bool:
            return (t.text[0].isalpha() and t.prefix in ("", "ال") and t.norm not in stops
                    and not self.roles.nationality(t) and not self.roles.is_title(t) and not self.roles.is_head(t))

        def rare(t: Token) -> bool:
            if t.prefix == "ال":
                return zipf(t.text) < RARE_DEFINITE
            # indefinite: rarer, and no nisba adjective ("حدودية", "نفطي"), no
            # possessive suffix ("سنداتها") and no feminine plural
            limit = RARE_REGION if region and not t.norm.endswith(("ه", "ي")) and not (
                t.norm[0] == "م" and len(t.norm) >= 5) else RARE_INDEFINITE  # (a participle: "مستقلا")
            return zipf(t.text) < limit and (not t.norm.endswith(_NOT_NAME_ENDINGS) or (
                t.norm.endswith("ي") and not t.norm.endswith("يي") and zipf(t.text) < 2.5)) \
                and not t.text.endswith("ه") and not (
                    t.norm[0] in "وف" and zipf(t.text[1:]) >= max(zipf(t.text) + 0.3, 2.5))  # "وهيكلة": و + a noun

        n = len(toks)
        if j < n and not taken[j] and toks[j].sentence == sent and toks[j].prefix == "و" \
                and toks[j].text[0].isalpha() and zipf(toks[j].text) < 2.5 \
                and not toks[j].norm.endswith(_NOT_NAME_ENDINGS[2:]):
            # no conjunction comes right after a noun in the construct state: the و is the
            # name's own letter ("ولاية وداي", "إقليم واداي")
            return j + 1
        if j >= n or taken[j] or toks[j].sentence != sent or not ok(toks[j]):
            return j
        weak = self.gazetteer.weak.get((toks[j].norm,))
        if weak is not None and weak.type == "LOC" and not definite_only:
            return j + 1  # "مصفاة الزرقاء": the noun settles a place name that is also a common word
        if toks[j].norm in _COMPOUND_FIRST:
            if j + 1 < n and not taken[j + 1] and toks[j + 1].sentence == sent and ok(toks[j + 1]) \
                    and zipf(toks[j + 1].text) < RARE_DEFINITE:
                return j + 2
            return j
        if definite_only and toks[j].prefix != "ال":
            return j
        return j + 1 if rare(toks[j]) else j

    def _plain_name_word(self, t: Token) -> bool:
        """A word that may be a place's name after a facility noun: no clitic or article,
        no function word, nationality, title or role, no plural, possessive or feminine
        ending and no participle ("أدري" may end in ي: the word after it tells)."""
        return (t.text[0].isalpha() and not t.prefix and t.norm not in function_words() and len(t.norm) >= 3
                and not t.norm.endswith(_NOT_NAME_ENDINGS[2:] + ("يه", "ين", "ون"))
                and not (t.norm[0] == "م" and len(t.norm) >= 4)  # a participle: "مخيم مؤقت"
                and not t.text.endswith("ه") and zipf(t.text) < 5.0
                and not self.roles.nationality(t) and not self.roles.is_title(t) and not self.roles.is_head(t)
                and strip_len(t) == 0)

    def _places(self, doc: Document, taken: list[bool], spans: dict[int, tuple[int, int]],
                found: list) -> None:
        """Places named by a noun and a name.

        A facility noun flagged "name" in ``place_nouns.txt`` starts one LOC with
        the name after it — a rare word or a place the dictionary knows, which
        is then only part of the longer name ("مطار مصراتة الدولي"); a region
        noun (``region_nouns.txt``) before a rare word makes that word a place
        ("منطقة الكومة" -> الكومة).
        """
        toks = doc.tokens
        facilities, regions, _ = _place_noun_sets()
        place_flags, place_extra = _keyed_list("place_nouns.txt")
        definite_facilities = {w for w, flags in place_flags.items() if "definite" in flags}
        days = place_extra.get("day", frozenset())
        tails = place_extra.get("tail", frozenset())
        named_by = place_extra.get("named-by", frozenset())
        n = len(toks)
        flags = self._word_flags(doc)
        for i in [i for i, f in enumerate(flags[:-1]) if f & _PLACE]:  # _may_be(tok, both)
            tok = toks[i]
            if taken[i]:
                continue
            sent = tok.sentence
            if tok.prefix.endswith("ال"):
                nxt = toks[i + 1]
                if tok.bare in definite_facilities and not taken[i + 1] and nxt.sentence == sent \
                        and nxt.prefix == "ال" and self.roles.nationality(nxt):
                    # "المستشفى السعودي": a facility named by its nationality
                    _claim(doc, found, spans, taken, i, i + 2,
                           tok.start + surface_len(tok.text, len(tok.prefix) - 2), "LOC")
                continue
            pre = _noun_prefix(tok, facilities)
            if pre is not None:
                j = i + 1
                nested = spans.get(j)
                if nested is not None and found[nested[1]] is not None and found[nested[1]].type == "LOC" \
                        and toks[nested[0] - 1].sentence == sent and not _is_country(found[nested[1]]):
                    k = nested[0]
                    found[nested[1]] = None
                elif j < n and not taken[j] and toks[j].sentence == sent and toks[j].norm in days \
                        and "day" in place_flags.get(tok.norm[len(pre):], ()):
                    k = j + 1  # "سوق الجمعة"
                else:
                    k = self._rare_name(toks, j, taken, sent)
                    if k == j and "street" in place_flags.get(tok.norm[len(pre):], ()) and j < n and not taken[j] \
                            and toks[j].sentence == sent and toks[j].prefix == "ال" and toks[j].text[0].isalpha() \
                            and toks[j].norm not in place_extra.get("generic", frozenset()) \
                            and not self.roles.nationality(toks[j]) and not self.roles.is_head(toks[j]) \
                            and not (self.roles.is_title(toks[j]) and j + 1 < n and toks[j + 1].sentence == sent
                                     and not toks[j + 1].prefix and toks[j + 1].text[0].isalpha()):
                        # (a title before a name is the title rule's: "شارع الأمير سلطان")
                        k = j + 1  # "شارع الرشيد", "جسر الجمهورية": a street's name is often a common word
                        if k < n and not taken[k] and toks[k].sentence == sent and _rare_indefinite(toks[k], function_words()):
                            k += 1  # "شارع الحبيب بورقيبة"
                if k == j and j + 1 < n and not any(taken[j:j + 2]) and toks[j + 1].sentence == sent \
                        and toks[j + 1].norm in named_by and self._plain_name_word(toks[j]):
                    # "مخيم زمزم للنازحين", "معبر أدري الحدودي": what follows shows that the word
                    # after the noun is its name, however common a word it is too
                    k = j + 1
                if k == j:
                    continue
                if k < n and not taken[k] and toks[k].sentence == sent and toks[k].norm in tails:
                    k += 1  # "مطار مصراتة الدولي", "مستشفى طرابلس المركزي"
                _claim(doc, found, spans, taken, i, k, tok.start + surface_len(tok.text, len(pre)), "LOC")
            elif (pre := _noun_prefix(tok, regions)) is not None:
                # a town's own name may lack the article ("بلدة عقربا"); after "دولة"
                # or "منطقة" an indefinite word is an adjective ("منطقة عازلة")
                adj_noun = tok.norm[len(pre):] in _REGION_ADJ_NOUNS
                k = self._rare_name(toks, i + 1, taken, sent, definite_only=adj_noun,
                                    region=not adj_noun and tok.norm[len(pre):] in _SUBNATIONAL)
                if k > i + 1:
                    start, end = toks[i + 1].start, toks[k - 1].end
                    found.append(Mention(start, end, doc.text[start:end], "LOC"))
                    spans[i + 1] = (k, len(found) - 1)
                    for p in range(i + 1, k):
                        taken[p] = True

    def _after_titles(self, doc: Document, taken: list[bool], spans: dict[int, tuple[int, int]] | None = None,
                      found: list | None = None) -> list[Mention]:
        """A name right after a rank or honorific ("اللواء سامر الحموي", "الشيخ نعيم قاسم").

        Two to three words (four with بن/أبو/عبد), stopping at punctuation, a
        function word, another title, a role head or a nationality adjective.
        Marks the tokens it takes, so the tagger does not add them again.
        """
        toks = doc.tokens
        out: list[Mention] = []
        stops = function_words()
        places = place_nouns()
        flags = self._word_flags(doc)
        for i in [i for i, f in enumerate(flags) if f & _TITLE]:  # self.roles.is_title(tok)
            tok = toks[i]
            if taken[i]:
                continue
            if not self.roles.is_whole_title(tok) and not (
                    i + 1 < len(toks) and (self.roles.is_title_tail(toks[i + 1]) or self.roles.is_title(toks[i + 1]))):
                continue  # "دوله أولا": the first word of "دولة الرئيس" alone is no title
            place_prefix = None
            if i > 0 and not taken[i - 1]:
                for pre, stem in clitic_forms(toks[i - 1].norm):
                    if stem in places:
                        place_prefix = pre
                        break
            j = i + 1
            while j < len(toks) and (self.roles.is_title(toks[j]) or self.roles.is_title_tail(toks[j])):
                j += 1
            k = j
            limit = 3
            while k < len(toks) and k - j < limit and not taken[k] and toks[k].sentence == tok.sentence:
                t = toks[k]
                after_link = k > j and toks[k - 1].norm in _LINKS
                if (not t.text[0].isalpha() or len(t.norm) < 2 or t.norm in stops
                        or (not after_link and (self.roles.is_title(t) or self.roles.is_head(t)))
                        or self.roles.nationality(t) or t.text in _NOT_NAMES or _prep_stop(t, stops)
                        or t.prefix not in ("", "ال") or t.norm in never_in_names()
                        or (k > j and t.norm == toks[k - 1].norm)
                        or (k == j and t.norm[:1] == "و" and strip_len(t) > 0)):
                    # "… الإرهابية والتكفيرية": a conjunction and the article start no name;
                    # "أجانب الفريق وأشرف عليه المدرب": nor و + a verb, nor a pronoun after a preposition
                    break
                if t.norm in _LINKS:
                    # "تركي بن محمد بن فهد بن عبدالعزيز": each link takes the word after it
                    limit = max(4, k - j + 2)
                k += 1
            while k - j > 1 and toks[k - 1].norm in _LINKS:
                k -= 1  # the name never ends on بن / أبو
            span = spans.get(k) if spans is not None and k < len(toks) and taken[k] else None
            if span is not None and k - j >= 1 and span[0] == k + 1 and found[span[1]] is not None \
                    and found[span[1]].type == "PER" and place_prefix is None:
                # "السيد فهد بن سالم البوسعيدي": a family name the dictionary lists for
                # someone else ends this person's full name
                found[span[1]] = None
                k += 1
            if place_prefix is not None and k > j and toks[j].prefix and not (
                    name_part(toks[j].norm) or name_part(toks[j].norm, "surname") or zipf(toks[j].text) < 3.6):
                continue  # "معسكر الفريق الخارجي": الفريق is the team here, no rank before a name
            if place_prefix is not None and k > j:
                # "مطار الملك خالد الدولي", "جامعة الشيخ زايد": a place named after a
                # person — one LOC from the place noun, with a trailing definite adjective
                while k < len(toks) and not taken[k] and toks[k].sentence == tok.sentence and \
                        toks[k].prefix in ("ال", "لل") and toks[k].norm not in stops and k - j < 6:
                    k += 1  # "… الرياضية", "مركز الملك سلمان للإغاثة"
                first = toks[i - 1]
                start = first.start + surface_len(first.text, len(place_prefix))
                out.append(Mention(start, toks[k - 1].end, doc.text[start:toks[k - 1].end], "LOC"))
                for p in range(i - 1, k):
                    taken[p] = True
                continue
            # a single word after a title is left to the tagger: alone it is too
            # often a common noun or a surname already linked by resolution
            if k - j >= 2:
                start, end = toks[j].start, toks[k - 1].end
                out.append(Mention(start, end, doc.text[start:end], "PER"))
                for p in range(j, k):
                    taken[p] = True
        return out

    def _after_roles(self, doc: Document, taken: list[bool], spans: dict[int, tuple[int, int]],
                     found: list) -> list[Mention]:
        """A person named right after a role phrase: "وزير الدفاع الإسرائيلي موشيه
        ليفي", "منسقة الطوارئ في المنظمة كلير دوبوا".

        The role runs from a role head over definite words, nationality
        adjectives, names already found and في/لدى/باسم; the two or three words
        after it are a name when none is a common word (wordfreq) and one is an
        attested name part or rare — foreign names no dictionary lists.
        """
        toks = doc.tokens
        n = len(toks)
        stops = function_words()
        out: list[Mention] = []
        links = {fold(w) for w in ("في", "لدى", "باسم", "باسمه", "باسمها", "باسمهم")}
        flags = self._word_flags(doc)
        regions = _place_noun_sets()[1]

        def named_at(p: int) -> bool:
            """Is a place or body named at token ``p``, or after a region noun there
            ("مقاطعة باسكنو": the rule took the name, not the noun)?"""
            if p + 1 < n and not taken[p] and not toks[p].prefix and toks[p].norm in regions:
                p += 1
            return p < n and taken[p] and spans.get(p) is not None

        nxt = 0  # after a name is found, the next head looked at comes after it
        for i in [i for i, f in enumerate(flags) if f & _HEAD]:  # self.roles.is_head(tok)
            tok = toks[i]
            if i < nxt or taken[i]:
                continue
            sent = tok.sentence
            k = i + 1
            body_end = -1  # where the last body or place inside the role ends
            while k < n and k - i <= 10 and toks[k].sentence == sent:
                t = toks[k]
                if taken[k]:
                    span = spans.get(k)
                    if span is None:
                        break
                    k = span[0]
                    inner = found[span[1]]
                    body_end = k if inner is not None and inner.type in ("ORG", "LOC") else -1
                elif t.prefix.endswith(("ال", "لل")) and (name_part(t.norm) != "given" or t.norm.endswith(("ي", "يه"))) \
                        and not hamza_alef(t.text, len(t.prefix) - 2):
                    k += 1  # a definite word of the role ("العربي" is an adjective here, not a name;
                    # "ألبارو" has no article: the article's alef never carries a hamza)
                elif t.norm in links or self.roles.is_head(t) or (t.norm in _ENVOY_TO and named_at(k + 1)):
                    k += 1  # (an envoy "إلى لبنان": only before a place or body named; a deputy
                    # "النائبة عن إسطنبول": also "عن", the constituency or party represented)
                elif not t.prefix and named_at(k) and not taken[k]:
                    k += 1  # "النائب عن مقاطعة | باسكنو": a region noun before the place it names
                else:
                    break
            comma = (k > i + 1 or tok.prefix.endswith("ال")) and k + 1 < n and toks[k].text in ("،", ",") \
                and toks[k + 1].sentence == sent
            if comma:
                k += 1  # "وأضافت المندوبة، كريستينا لوبيث أرياس، أن …": the name after a comma
            j = k
            verbs = speech_verbs()
            common = 0  # words neither attested as name parts nor rare ("كلير")
            limit = 3
            # a role that ends in a body, a place or a nationality is complete: the
            # words after it are its holder's name even when foreign names are not
            # rare words ("المتحدثة باسم وزارة الخارجية الأمريكية كارين ميتشل عن …")
            last = j - 1 if comma else j
            complete = j > i + 1 and (body_end == last or self.roles.nationality(toks[last - 1]) is not None)
            # after a complete role or a comma, a common-looking first word before a rare plain
            # one opens a foreign name: "رئيسة البعثة في ليبيا إلينا موريتي", "المندوبة، كريستينا
            # لوبيث" ("إلينا" = to us, "كريستينا" looks like an adverb in -ا)
            pair = (complete or comma) and j + 1 < n and not taken[j + 1] and toks[j + 1].sentence == sent \
                and _rare_plain(toks[j + 1], stops) and toks[j].text[0].isalpha() and len(toks[j].norm) >= 3 \
                and (not toks[j].prefix or _foreign_el(toks[j])) and toks[j].norm not in stops \
                and not self.roles.is_title(toks[j]) and not self.roles.is_head(toks[j]) \
                and not self.roles.nationality(toks[j]) and not _verb_like(toks[j]) and not _past_verb(toks[j])
            while k < n and k - j < limit and not taken[k] and toks[k].sentence == sent:
                t = toks[k]
                if pair and k == j:
                    k += 1
                    continue
                if k > j and _compound_part(toks[k - 1], t, stops):
                    limit = max(limit, k - j + 2)  # "عادل حسن عبد الغني", "أيمن صلاح الدين البنا"
                    k += 1
                    continue
                if k - j >= 2 and not t.prefix and self.roles.is_head(t) and name_part(t.norm) \
                        and (self._name_closes(toks, k + 1, sent, stops) or (k + 1 < n and toks[k + 1].text in _NOT_NAMES)):
                    k += 1  # a role word that is also a name, last before "قد", a comma …: "آزاد حمه أمين قد"
                    break
                if (not t.text[0].isalpha() or len(t.norm) < 2 or t.norm in stops or t.text in _NOT_NAMES or t.norm in never_in_names()
                        or _not_name_word(t, first=k == j)
                        or (k > j and t.norm == toks[k - 1].norm) or self.roles.is_title(t)
                        or (t.prefix and t.norm.endswith(_DUAL_ENDINGS))  # "الحكومتين"
                        or _dual_noun(t)  # "وزير الخارجية التركي | اتصالين هاتفيين"
                        or self.roles.is_head(t) or self.roles.nationality(t) or t.norm in verbs
                        or ((zipf(t.text) >= 4.5 or (_clitic_inside_name(t, k == j) and not (
                                k == j and self._foreign_pair(toks, k, sent, stops))))
                            and not (name_part(t.norm) or name_part(t.norm, "surname")))
                        or (t.prefix and not t.text.startswith(("أل", "إل"))
                            and not (k == j and t.prefix == "ال" and name_part(t.norm) == "given")
                            and not (k > j and t.prefix == "ال" and zipf(t.text) < (
                                4.0 if name_part(t.norm, "surname") else 3.6)))):
                    break
                if t.norm in _LINKS:
                    limit = max(limit, k - j + 2)  # "خالد بن سلطان بن عبدالعزيز"
                elif t.text.endswith("ه") and zipf(t.text[:-1]) >= 3.5 and not (
                        name_part(t.norm) or name_part(t.norm, "surname")) and not (
                        k - j >= 2 and k + 1 < n and not toks[k + 1].text[0].isalnum()):
                    break  # "ترشحه": a noun with a possessive pronoun (but a third name word
                    # before punctuation is a name: "إسماعيل عمر جيله،")
                elif not (name_part(t.norm) or name_part(t.norm, "surname") or zipf(t.text) < 3.6):
                    if (common or k > j) and not (complete and k == j + 1 and not t.prefix and zipf(t.text) < 4.3
                                                  and self._name_closes(toks, k + 1, sent, stops)):
                        break  # a common word after the name ("… ويستفول أدان")
                    common += 1
                k += 1
            if k > j and k < n and not taken[k] and toks[k].sentence == sent and toks[k].prefix == "ال" \
                    and name_part(toks[k].norm, "surname") and toks[k].norm not in weekday_names() \
                    and zipf(toks[k].text) < 5.0 and (_name_ends_after(toks, k, stops) or (
                        k + 1 < n and toks[k + 1].sentence == sent and (self.roles.is_head(toks[k + 1]) or taken[k + 1]))):
                k += 1  # "محمد فتحي الشريف بالتعديلات": an attested family name that ends the name
            span = spans.get(k) if k < n and taken[k] else None
            if span is not None and k > j and span[0] == k + 1 and found[span[1]] is not None \
                    and found[span[1]].type == "PER" and toks[k].sentence == sent:
                # "رئيس مجلس النواب الأردني أحمد الصفدي": a family name the dictionary
                # gives someone else (أيمن الصفدي) ends this person's name
                found[span[1]] = None
                k += 1
            while k > j and toks[k - 1].norm in _LINKS:
                k -= 1
            words = toks[j:k]
            # a definite head alone is a role too ("طالب النائب | عايد مفلح السرحان"),
            # when every word after it is an attested name part or a rare word
            bare_head = j == i + 1 and tok.prefix.endswith("ال") and not common and name_part(tok.norm) != "given"
            # (not a head that is also a given name inside a name: "محمد الأمين ولد الداه")
            if (j > i + 1 or bare_head) and len(words) >= 2 and not (comma and common):
                start, end = words[0].start, words[-1].end
                out.append(Mention(start, end, doc.text[start:end], "PER"))
                for p in range(j, k):
                    taken[p] = True
                nxt = k
        return out

    def _speech_subjects(self, doc: Document, taken: list[bool]) -> list[Mention]:
        """"وأضاف ذبيح الله مجاهد أن …": the two or three words between a speech verb and
        its complementizer (أن، إن، بأن …) or a colon are the verb's subject; when none is
        a common word, a title, a role word or a nationality and the first is rare or a
        given name, they are a person's name no dictionary lists ("وقال مسؤول أمني إن",
        "وأضاف وزير الخارجية أن" are not)."""
        toks = doc.tokens
        n = len(toks)
        verbs = speech_verbs()
        comps = complementizers()
        stops = function_words()
        out: list[Mention] = []
        for i in range(n - 3):
            tok = toks[i]
            if taken[i] or not _in_after_conj(tok.norm, verbs):
                continue
            sent = tok.sentence
            e = next((e for e in (i + 3, i + 4) if e < n and toks[e].sentence == sent
                      and (toks[e].norm in comps or toks[e].text == ":")), None)
            if e is None or any(taken[i + 1:e]) or any(toks[p].norm in comps for p in range(i + 1, e)):
                continue
            words = toks[i + 1:e]
            first = words[0]
            if not (zipf(first.text) < 3.0 or name_part(first.norm) == "given"):
                continue
            if all(self._subject_name_word(t, p == 0, stops) for p, t in enumerate(words)):
                start, end = first.start, words[-1].end
                out.append(Mention(start, end, doc.text[start:end], "PER"))
                for p in range(i + 1, e):
                    taken[p] = True
        return out

    def _subject_name_word(self, t: Token, first: bool, stops: frozenset[str]) -> bool:
        """A word of a name read between a speech verb and its complementizer: plain
        (the article only in "ذبيح الله", "سيف الدين"), and no function word, title, role
        word, nationality, verb or common word that no name attests."""
        if t.prefix and not (not first and t.norm in _COMPOUND_TAILS):
            return False
        return (t.text[0].isalpha() and len(t.norm) >= 2 and t.norm not in stops and t.text not in _NOT_NAMES
                and t.norm not in never_in_names() and not self.roles.is_title(t) and not self.roles.is_head(t)
                and not self.roles.nationality(t) and not _verb_like(t) and not _past_verb(t)
                and not _not_name_word(t, first=first) and strip_len(t) == 0
                and (t.norm in _COMPOUND_TAILS or zipf(t.text) < 4.0 or name_part(t.norm) is not None
                     or name_part(t.norm, "surname") is not None))

    @staticmethod
    def _foreign_pair(toks: list[Token], k: int, sent: int, stops: frozenset[str]) -> bool:
        """Are the words at ``k`` and ``k + 1`` both rare plain words, a foreign name whose
        first letter only looks like a clitic ("وزير الإدارة الإقليمية | بكاري سانوغو")?"""
        if k + 1 >= len(toks) or toks[k + 1].sentence != sent:
            return False
        nxt = toks[k + 1]
        return zipf(toks[k].text) < 3.0 and zipf(nxt.text) < 3.0 and _foreign_word(nxt, stops) \
            and not nxt.norm.endswith(_NOT_NAME_ENDINGS[2:])

    def _name_closes(self, toks: list[Token], k: int, sent: int, stops: frozenset[str]) -> bool:
        """Does a name end before token ``k``: the sentence's end, punctuation, a
        function word or a speech verb."""
        if k >= len(toks) or toks[k].sentence != sent:
            return True
        t = toks[k]
        return not t.text[0].isalpha() or t.norm in stops or _verb_like(t)

    def _given_names(self, doc: Document, taken: list[bool], found: list | None = None) -> list[Mention]:
        """A person written as given name + family name ("مروان الأغبري", "علي الموسوي").

        The first word must be an attested given name (the romanizer's index of
        name spellings from Wikidata: mostly used as a given name, seen 30+
        times); the next one to three words must be attested name parts or a
        family name with the article, and not function words, titles, role
        heads or nationality adjectives.  "عبد"/"أبو" join the word after them.
        """
        toks = doc.tokens
        stops = function_words()
        out: list[Mention] = []
        n = len(toks)
        flags = self._word_flags(doc)
        nxt = 0  # after a name is found, the next word looked at comes after it
        # (an alphabetic word without the article or clitics that may open a given name)
        for i in [i for i, f in enumerate(flags) if f & _GIVEN]:
            tok = toks[i]
            if i < nxt or taken[i]:
                continue
            prefix = None
            compound = False
            for pre, stem, link, given in _given_name_forms(tok.norm, tok.text):
                if link and i + 1 < n and not taken[i + 1]:
                    # "عبد الكريم", "أبو مهدي": one given name of two words
                    if name_part(f"{stem} {toks[i + 1].norm}") == "given":
                        prefix, compound = pre, True
                        break
                elif given:
                    prefix = pre
                    break
            if prefix is None or (not compound and _in_after_conj(tok.norm, speech_verbs())):
                continue  # ("طالب نوروزي الحكومة": the verb "demanded", not the name Talib)
            k = i + 2 if compound else i + 1
            while k < n and k - i < 4 and not taken[k] and toks[k].sentence == tok.sentence:
                t = toks[k]
                if compound and k == i + 2 and tok.norm[len(prefix):] in _LINEAGE_KUNYA and t.prefix == "ال" \
                        and self.roles.nationality(t):
                    k += 1  # "أبو عبيدة العراقي": a nom de guerre ends with its nisba
                    break
                if k == i + 1 and not compound and t.prefix == "ال" and name_part(t.norm) == "given" \
                        and k + 1 < n and toks[k + 1].norm in _LINEAGE and toks[k + 1].sentence == tok.sentence:
                    k += 1  # "محمد الأمين ولد سيدي": a role word that is a given name before a lineage link
                    continue
                if k >= i + 2 and toks[k - 1].norm in _LINEAGE and t.prefix in ("", "ال") and t.text[0].isalpha() \
                        and self.roles.is_title(t) and t.norm not in stops:
                    k += 1  # "محمد الأمين ولد الشيخ": after ولد/بن a title is the father's name
                    continue
                if (not t.text[0].isalpha() or len(t.norm) < 2 or t.norm in stops or self.roles.is_title(t) or self.roles.is_head(t)
                        or self.roles.nationality(t) or (t.prefix and t.prefix != "ال") or t.text in _NOT_NAMES
                        or _prep_stop(t, stops) or t.norm in never_in_names() or t.norm == toks[k - 1].norm
                        or (k == i + 1 and t.norm == tok.norm[len(prefix):])
                        or (t.norm in speech_verbs() and toks[k - 1].norm not in _LINKS)):
                    break  # (nor "أشرف عليه المدرب", "ولي ولي العهد", "… الكثيري طالب الحكومة";
                    # "أبو طالب" keeps it)
                if name_part(t.norm) is None and not (t.prefix == "ال" and (
                        name_part(t.norm, "surname") or (t.norm.endswith("ي") and zipf(t.text) < 2.0))):
                    break  # (a rare family name with the article is one: "خالد ناصر البذالي")
                k += 1
            if found and k - i >= (3 if compound else 2) and k < n and taken[k] and toks[k].sentence == tok.sentence \
                    and toks[k].prefix == "ال":
                # "حيدر جواد | الخفاجي": a family name the dictionary gives someone else
                # (matched alone) ends this person's name
                m = next((m for m in found if m.start == toks[k].start and m.end == toks[k].end), None)
                if m is not None and m.type == "PER" and m.actor is not None:
                    found.remove(m)
                    k += 1
            if k - i >= (3 if compound else 2):
                start = tok.start + surface_len(tok.text, len(prefix))
                end = toks[k - 1].end
                out.append(Mention(start, end, doc.text[start:end], "PER"))
                for p in range(i, k):
                    taken[p] = True
                nxt = k
        return out

    def _institution_names(self, doc: Document, taken: list[bool], spans: dict[int, tuple[int, int]],
                           found: list) -> None:
        """"الهيئة العامة للاستعلامات", "المركز الوطني لحقوق الإنسان": the usual
        form of a public body's name — a definite head from ``org_heads.txt``,
        one or two adjectives (its "name-adj" lines or a nationality), then what
        the body is for, a genitive with ل ("للنفط", or "لحقوق" + a definite word).
        The ل-genitive is what makes it a name: "الهيئة العامة" alone is none."""
        toks = doc.tokens
        heads, _adjectives = _flagged_list("org_heads.txt")
        extra = _keyed_list("org_heads.txt")[1]
        name_adj, genitives = extra.get("name-adj", frozenset()), extra.get("name-genitive", frozenset())
        n = len(toks)
        for i, tok in enumerate(toks):
            if taken[i] or not tok.prefix.endswith(("ال", "لل")) or tok.bare not in heads:
                continue  # (also "للمجلس الأعلى للتنسيق …": ل + the article with its alef elided)
            sent = tok.sentence

            def free(p: int) -> bool:
                return p < n and not taken[p] and toks[p].sentence == sent

            k = i + 1
            while free(k) and k - i <= 2 and toks[k].prefix == "ال" and (
                    toks[k].norm in name_adj or self.roles.nationality(toks[k]) is not None):
                k += 1
            if k == i + 1 or not free(k):
                continue
            t = toks[k]
            if t.prefix == "لل":
                end = k + 1
                if free(end + 2) and toks[end].norm == "عن" and toks[end + 1].norm in genitives \
                        and toks[end + 2].prefix == "ال":
                    end += 3  # "الرابطة التونسية للدفاع | عن حقوق الإنسان"
            elif not t.prefix and t.norm[:1] == "ل" and t.norm[1:] in genitives and free(k + 1) \
                    and toks[k + 1].prefix == "ال":
                end = k + 2
            else:
                continue
            while free(end) and toks[end].prefix == "ال" and end - i < 8 and (
                    toks[end].norm.endswith(("ي", "يه")) or self.roles.nationality(toks[end]) is not None):
                end += 1  # an adjective: "… لحقوق الإنسان الفلسطيني" (not the object: "… للتعليم | الوزارة")
            cut = len(tok.prefix) - 2 if tok.prefix.endswith("ال") else len(tok.prefix)
            _claim(doc, found, spans, taken, i, end, tok.start + surface_len(tok.text, cut), "ORG")

    def _fixed_bodies(self, doc: Document, taken: list[bool], spans: dict[int, tuple[int, int]],
                      found: list) -> None:
        """"النيابة العامة", "القيادة العامة", "المصرف المركزي", "المحكمة الدستورية":
        a definite head and the one adjective that makes them the country's own body
        (the "fixed:" lines of ``org_heads.txt``), then a nationality or name adjective
        if there is one ("المحكمة الدستورية العليا").  Other adjectives leave the head a
        common noun ("الهيئة العامة", "القيادة الجديدة").  Local bodies ("local-fixed:"
        lines: a court of first instance, a prosecutor's office) take the place they
        serve, with في or ب: "النيابة العامة في أنقرة", "المحكمة الابتدائية بتونس"; a
        country's one body does not ("المحكمة الدستورية | في الكويت"), nor does an
        assembly take its seat ("الجمعية الوطنية | في نواكشوط")."""
        extra = _keyed_list("org_heads.txt")[1]
        local = extra.get("local-fixed", frozenset())
        fixed = extra.get("fixed", frozenset()) | local
        construct = extra.get("construct-fixed", frozenset())
        name_adj = extra.get("name-adj", frozenset())
        toks = doc.tokens
        n = len(toks)
        for i in [i for i, f in enumerate(self._word_flags(doc)) if f & _ORG_HEAD]:
            tok = toks[i]
            if taken[i] or i + 1 >= n or taken[i + 1] or toks[i + 1].sentence != tok.sentence:
                continue
            if not tok.prefix.endswith(("ال", "لل")) and f"{tok.bare} {toks[i + 1].norm}" in construct:
                # "مجلس الوزراء", "مجلس النواب الأردني": complete with a nationality at most
                end = i + 2
                if end < n and not taken[end] and toks[end].sentence == tok.sentence and toks[end].prefix == "ال" \
                        and self.roles.nationality(toks[end]):
                    end += 1
                _claim(doc, found, spans, taken, i, end, tok.start + surface_len(tok.text, len(tok.prefix)), "ORG")
                found[-1].source = "fixed"
                continue
            if not tok.prefix.endswith(("ال", "لل")) or f"{tok.bare} {toks[i + 1].norm}" not in fixed:
                continue
            end = i + 2
            while end < n and end - i < 4 and not taken[end] and toks[end].sentence == tok.sentence \
                    and toks[end].prefix == "ال" and (toks[end].norm in name_adj or self.roles.nationality(toks[end])):
                end += 1  # "النيابة العامة الكويتية", "المحكمة الدستورية العليا"
            nested = None
            if f"{tok.bare} {toks[i + 1].norm}" in local and end < n and toks[end].sentence == tok.sentence:
                at = end + 1 if toks[end].norm == "في" else end
                span = spans.get(at) if at < n and taken[at] else None
                place = found[span[1]] if span is not None else None
                if place is not None and place.type == "LOC" and toks[span[0] - 1].sentence == tok.sentence and (
                        at == end + 1 or (toks[at].norm[:1] == "ب" and place.start > toks[at].start)):
                    nested, end = span[1], span[0]
            cut = len(tok.prefix) - 2 if tok.prefix.endswith("ال") else len(tok.prefix)
            if nested is not None:
                found[nested] = None  # the place is part of the body's name
            _claim(doc, found, spans, taken, i, end, tok.start + surface_len(tok.text, cut), "ORG")
            found[-1].source = "fixed"  # a complete name: no genitive or conjoined noun goes on

    def _org_chains(self, doc: Document, taken: list[bool], spans: dict[int, tuple[int, int]],
                    found: list, max_len: int = 7) -> None:
        """An organization named by a head noun and its genitive chain.

        "وزارة الصحة الفلسطينية", "جهاز الأمن العام", "غرفة تجارة الأردن":
        a head from ``lexicons/org_heads.txt`` in the construct state (no
        article), at most one indefinite word, then the definite words of the
        chain (a nationality adjective included).  A place or organization the
        dictionary knows may be part of the chain (then it is no mention of its
        own); a person only after heads flagged "person" ("حكومة الأسد").
        Function words, punctuation, a conjunction and other taken tokens end it.
        Heads flagged "definite" also name an organization with the article when
        a nationality or institutional adjective follows ("الحكومة الكينية",
        "الحكومة الاتحادية"); "weak" heads need more than one definite word.
        """
        toks = doc.tokens
        heads, adjectives = _flagged_list("org_heads.txt")
        services = _keyed_list("org_heads.txt")[1].get("service", frozenset())
        periods, directions = period_phrase_words()
        joint = _keyed_list("org_heads.txt")[1].get("joint", frozenset())
        national = _keyed_list("org_heads.txt")[1].get("national", frozenset())
        ideologies = _keyed_list("org_heads.txt")[1].get("ideology", frozenset())
        traffic = _keyed_list("org_heads.txt")[1].get("traffic", frozenset())
        stops = function_words()
        n = len(toks)
        word_flags = self._word_flags(doc)
        for i in [i for i, f in enumerate(word_flags) if f & _ORG_HEAD]:  # _may_be(tok, heads)
            tok = toks[i]
            if taken[i]:
                continue
            head_prefix, flags = None, frozenset()
            definite = False
            for pre, stem in clitic_forms(tok.norm):
                if stem not in heads or pre.endswith("لل"):
                    continue
                if "ال" in pre:
                    if pre.endswith("ال") and ("definite" in heads[stem] or "only-definite" in heads[stem]):
                        head_prefix, flags, definite = pre[:-2], heads[stem], True
                        break
                    continue
                if "only-definite" not in heads[stem] and not tok.prefix:
                    head_prefix, flags = pre, heads[stem]
                    break
                if not tok.prefix and i + 1 < n and not taken[i + 1] and toks[i + 1].sentence == tok.sentence \
                        and toks[i + 1].norm in services:
                    # "قوات الدرك", "قوات الأسايش": forces named by their service
                    end = i + 2
                    if end < n and not taken[end] and toks[end].sentence == tok.sentence \
                            and toks[end].prefix == "ال" and self.roles.nationality(toks[end]) is not None:
                        end += 1  # "قوات الدرك الأردنية"
                    _claim(doc, found, spans, taken, i, end, tok.start + surface_len(tok.text, len(pre)), "ORG")
                    break
                if not tok.prefix and "place" in heads[stem] and i + 1 < n and taken[i + 1] \
                        and spans.get(i + 1) is not None and found[spans[i + 1][1]] is not None \
                        and found[spans[i + 1][1]].type == "LOC" and toks[spans[i + 1][0] - 1].sentence == tok.sentence \
                        and found[spans[i + 1][1]].start == toks[i + 1].start:
                    # "شرطة محافظة خوزستان", "قوات جوبالاند": the police or forces of a place
                    end, j = spans[i + 1]
                    found[j] = None
                    _claim(doc, found, spans, taken, i, end, tok.start + surface_len(tok.text, len(pre)), "ORG")
                    break
                if not tok.prefix and "force" in heads[stem]:
                    end = self._force_service(toks, i + 1, taken)
                    if end:
                        # "قوات الأمن الصومالية", "قوات حرس الحدود الأردنية": a service and the
                        # nationality of the country whose forces they are
                        _claim(doc, found, spans, taken, i, end, tok.start + surface_len(tok.text, len(pre)), "ORG")
                        break
            if head_prefix is None:
                continue
            if not definite and "company" in flags and self._company_name(doc, toks, i, taken, spans, found, stops,
                                                                          head_prefix):
                continue
            if not definite and "verbal" in flags and (head_prefix[-1:] == "ل" or (
                    i > 0 and toks[i - 1].sentence == tok.sentence and _in_after_conj(toks[i - 1].norm, _VERBAL_NOUN_PREPS))) \
                    and not (i + 1 < n and taken[i + 1] and not (
                        spans.get(i + 1) is not None and found[spans[i + 1][1]] is not None
                        and found[spans[i + 1][1]].type == "LOC")):
                # "لإدارة الإيرادات", "بشأن إدارة معبر رفح", "لإدارة غزة": managing, no body
                # (but "لإدارة بايدن": a known person's or body's name follows)
                continue
            if not definite and "led" in flags and head_prefix[-1:] == "ب":
                continue  # "بقيادة عبد العزيز الحلو": led by a person, no body
            if definite:
                # "الحكومة الكينية", "الرئاسة الفلسطينية", "الحكومة الاتحادية", and one
                # more adjective before the nationality ("المجلس الوطني الفلسطيني")
                def closes(t: Token) -> bool:
                    return t.prefix == "ال" and (t.norm in adjectives or (
                        "adjective-only" not in flags and (self.roles.nationality(t) is not None or (
                            ("force" in flags or ("nation" in flags and t is toks[i + 1])) and _weak_nationality(t)))))

                k = i + 1
                if "numbered" in flags:
                    # "اللواء 444 قتال", "الفرقة السادسة مشاة": a unit by its number
                    _, extra = _keyed_list("org_heads.txt")
                    if k < n and not taken[k] and toks[k].sentence == tok.sentence and (
                            toks[k].text[0].isdigit() or toks[k].norm in extra.get("ordinal", ())):
                        end = k + 1
                        if end < n and not taken[end] and toks[end].norm in extra.get("unit", ()):
                            end += 1
                        _claim(doc, found, spans, taken, i, end,
                               tok.start + surface_len(tok.text, len(head_prefix)), "ORG")
                        found[-1].source = "fixed"  # complete: "الفرقة السادسة مشاة | والقوة المشتركة"
                    continue
                ok = [p for p in (k, k + 1) if p < n and not any(taken[k:p + 1])
                      and toks[p].sentence == tok.sentence and all(t.prefix == "ال" for t in toks[k:p + 1])]
                end = next((p for p in ok if closes(toks[p]) and (p == k or toks[k].norm not in stops)), None)
                if end is None and "national" in flags and ok and toks[k].norm in national:
                    end = k  # "الحرس الوطني", "الدرك الوطني" (and "الحرس الوطني التونسي", below)
                ideology = ideologies if "ideology" in flags else frozenset()
                while end is not None and end - i < 4 and end + 1 < n and not taken[end + 1] \
                        and toks[end + 1].sentence == tok.sentence and toks[end + 1].prefix == "ال" and ((
                            (toks[end + 1].norm in joint or self.roles.nationality(toks[end + 1]) is not None)
                            and (self.roles.nationality(toks[end]) is not None or toks[end].norm in national
                                 or toks[end].norm in adjectives))
                            or (toks[end + 1].norm in ideology and (
                                self.roles.nationality(toks[end]) is not None or toks[end].norm in ideology))):
                    # "اللجنة العمانية الصومالية المشتركة": a joint body of two countries; an
                    # institutional adjective and the country: "الحكومة الفيدرالية الصومالية";
                    # a party's politics after its country: "الحزب المصري الديمقراطي الاجتماعي"
                    end += 1
                if end is not None:
                    _claim(doc, found, spans, taken, i, end + 1,
                           tok.start + surface_len(tok.text, len(head_prefix)), "ORG")
                continue
            last_definite = -1
            nested: list[int] = []
            nested_end = -1
            definites = 0
            own = 0  # words of the chain outside nested names
            conj = 0  # conjoined parts of a ministry's name
            k = i + 1
            while k < n and k - i <= max_len and toks[k].sentence == tok.sentence:
                t = toks[k]
                if taken[k]:
                    span = spans.get(k)
                    m = found[span[1]] if span is not None else None
                    if m is None or (m.type == "PER" and ("person" not in flags or k != i + 1)) or \
                            toks[span[0] - 1].sentence != tok.sentence or \
                            (last_definite >= 0 and m.start > t.start and t.norm[0] in "وفبك"):
                        break  # "قيادة شرطة البصرة وقوات …", "وزارة الخارجية بالقاهرة": a new phrase
                    nested.append(span[1])
                    last_definite = nested_end = span[0] - 1
                    definites += 2
                    k = span[0]
                    if m.type == "PER":
                        break  # "حكومة الأسد", "إدارة بايدن": the person closes the name
                    continue
                if not t.text[0].isalnum() or t.norm in stops or t.bare in stops or t.text in _NOT_NAMES:
                    break
                if t.prefix == "ال" and t.bare in periods and k + 1 < n and toks[k + 1].norm in directions:
                    break  # "محكمة التمييز | العام الماضي", "هيئة الانتخابات | الشهر المقبل": a time
                if last_definite >= 0 and "conjoined" in flags and conj < 2 and t.norm[:1] == "و" \
                        and t.bare not in heads and t.norm[1:] not in heads and (
                        t.prefix == "وال" or (not t.prefix and k + 1 < n and not taken[k + 1]
                                              and toks[k + 1].sentence == tok.sentence and toks[k + 1].prefix == "ال")):
                    # "وزارة الخارجية وشؤون المغتربين", "وزارة التخطيط والتعاون الدولي"
                    conj += 1
                    step = 1 if t.prefix == "وال" else 2
                    last_definite = k + step - 1
                    own += step
                    k += step
                    continue
                if last_definite >= 0 and t.prefix[:1] in ("و", "ف", "ب", "ك"):
                    break  # "… والكشف", "… بالعاصمة": a conjunction or preposition starts a new phrase
                if nested and nested_end == k - 1 and t.prefix.startswith(("ب", "ك")):
                    break  # "غرفة تجارة الأردن بالاتفاق": a preposition after a name
                if nested and nested_end == k - 1 and t.prefix == "ال" and found[nested[-1]] is not None \
                        and found[nested[-1]].type == "LOC" and not t.bare.endswith(("ي", "يه", "ى")) \
                        and not t.bare.startswith("ا"):
                    # "نقابة أطباء السودان | المجتمع الدولي": after a place only an adjective
                    # goes on ("بنك الكويت الدولي", "بنك الخليج الأول", "أفريقيا الوسطى")
                    break
                if t.bare in AFFILIATED:
                    break  # "مؤسسة الزلاقة | التابعة لـ…": an adjective with its own complement
                if last_definite == k - 1 and t.prefix == "ال" and toks[k - 1].prefix.endswith(("ال", "لل")) and (
                        (_masdar_like(t) and not t.bare.startswith("م")) or _person_starts(toks, k, stops)):
                    # a definite word closes the genitive chain: after it comes only an adjective,
                    # never a verbal noun ("قاطعت كتلة الجيل الجديد | التصويت": the object) nor a
                    # person's name ("وزير الخارجية في حكومة الوحدة الوطنية | الطاهر عبد الرحمن …")
                    break
                if t.prefix.endswith(("ال", "لل")) or t.text[0].isdigit():
                    nationality = t.prefix == "ال" and self.roles.nationality(t) is not None
                    if "short" in flags and last_definite >= 0 and not (nationality or t.norm in _OUTLET_TAILS):
                        break  # "صحيفة الوطن | القريبة من الحكومة": an outlet's name is short
                    if k == i + 2 and own == 1 and t.prefix == "ال" and (nationality or t.bare.endswith(("ي", "يه"))) \
                            and _foreign_word(toks[i + 1], stops):
                        # "شركة إيني الإيطالية", "حزب فوكس اليميني": a foreign name, then what
                        # it is; the adjective describes the body and is no part of its name
                        last_definite = i + 1
                        break
                    if nationality and nested and nested_end == k - 1 and found[nested[-1]] is not None \
                            and found[nested[-1]].actor is None and _foreign_word(toks[k - 1], stops):
                        break  # "هيئة ميناء ديندايال | الهندية": the same after a foreign place name
                    last_definite = k
                    definites += 2 if nationality else 1
                    own += 1
                    if nationality and k + 1 < n and ((toks[k + 1].prefix == "ال" and self.roles.nationality(toks[k + 1]) is None)
                                                       or (taken[k + 1] and not toks[k + 1].norm.startswith("ل"))):
                        k += 1
                        # "وزارة الخارجية اليونانية المباحثات", "وزارة الصحة السودانية قوات الدعم
                        # السريع": the adjective ends the name (a ل-genitive may follow it)
                        break
                elif last_definite >= 0 or k - i > 1:
                    # after the chain closed, or a second indefinite word before any
                    # definite one ("شركة يونانية تنتهك …"): not a name
                    break
                else:
                    own += 1
                k += 1
            while last_definite > max(i, nested_end) and toks[last_definite].prefix and (
                    self.roles.is_whole_title(toks[last_definite]) or self._title_before_name(toks, last_definite, stops)):
                last_definite -= 1  # "حكومة خادم الحرمين الشريفين الملك …": the title is not in the name
                while last_definite > max(i, nested_end) and not toks[last_definite].prefix.endswith(("ال", "لل")):
                    last_definite -= 1
            if last_definite > i + 1 and not nested_end == last_definite and last_definite + 1 < n \
                    and toks[last_definite + 1].norm in _OBJECT_PREPS and _masdar_like(toks[last_definite]):
                # "قرر مجلس الوزراء الموافقة على …": the verbal noun and its preposition
                # are the object of the verb, not a word of the name
                last_definite -= 1
                while last_definite > i and not toks[last_definite].prefix.endswith(("ال", "لل")) \
                        and last_definite != nested_end:
                    last_definite -= 1
            rare_name = False
            if last_definite < 0 and i + 1 < n and not taken[i + 1] and toks[i + 1].sentence == tok.sentence \
                    and _rare_indefinite(toks[i + 1], stops) and "weak" not in flags:
                # "كتلة صادقون", "حزب بيجاك": a head and a rare indefinite word (a name)
                last_definite, own, rare_name = i + 1, 1, True
            if last_definite <= i or ("weak" in flags and definites < 2):
                continue
            if "named" in flags and not nested and not rare_name:
                continue  # "تنظيم الصيد", "تنظيم الملاحة البحرية": organizing, no group
            if "weak" in flags and i + 1 < n and toks[i + 1].norm in traffic:
                continue  # "حركة السفن المتجهة": traffic, no movement
            if own == 0 and "person" not in flags and "place" not in flags and all(
                    found[j].type == "LOC" and found[j].actor is not None for j in nested):
                continue  # "قيادة الولايات المتحدة", "معسكر تركيا": a common noun before a place
                # (a facility named by rule has its own authority: "هيئة ميناء ديندايال")
            end = last_definite + 1
            for j in nested:
                found[j] = None
            _claim(doc, found, spans, taken, i, end, tok.start + surface_len(tok.text, len(head_prefix)), "ORG")

    def _force_service(self, toks: list[Token], j: int, taken: list[bool]) -> int:
        """The end of "الأمن الصومالية", "حرس الحدود الأردنية" after "قوات" at ``j - 1``:
        a service from the "force-service:" lines of ``org_heads.txt`` (one or two
        words), then a nationality adjective; 0 when the words are not that."""
        services = _keyed_list("org_heads.txt")[1].get("force-service", frozenset())
        n, sent = len(toks), toks[j - 1].sentence
        for length in (2, 1):
            end = j + length
            if end >= n or any(taken[j:end + 1]) or toks[end].sentence != sent:
                continue
            if " ".join(t.norm for t in toks[j:end]) not in services:
                continue
            nat = toks[end]
            if nat.prefix == "ال" and (self.roles.nationality(nat) is not None or _weak_nationality(nat)):
                return end + 1
        return 0

    def _company_name(self, doc: Document, toks: list[Token], i: int, taken: list[bool],
                      spans: dict[int, tuple[int, int]], found: list, stops: frozenset[str], head_prefix: str) -> bool:
        """"شركة دانة غاز", "شركة بيرل بتروليوم": a company named by two or three plain
        words (no article, clitic, adjective ending or function word), one of them
        rare.  A nationality adjective after them describes the company."""
        n, sent = len(toks), toks[i].sentence
        k = i + 1
        while k < n and k - i <= 3 and not taken[k] and toks[k].sentence == sent:
            t = toks[k]
            if (not t.text[0].isalpha() or (t.prefix and not _foreign_el(t)) or t.norm in stops or t.text in _NOT_NAMES
                    or t.norm.endswith(_NOT_NAME_ENDINGS) or t.text.endswith("ه") or _verb_like(t)
                    or (self.roles.is_title(t) and k == i + 3) or self.roles.is_head(t) or self.roles.nationality(t)
                    or zipf(t.text) >= 4.6 or (t.norm[0] in "وفبلك" and zipf(t.text[1:]) >= 3.0)
                    or _accusative_noun(t)):
                # (nor a common word, "مجموعة", nor one with a clitic, "بمد", nor the verb's
                # object, "شركة سوناطراك | اتفاقا"; a rank's word may open it: "شركة جنرال إلكتريك")
                break
            k += 1
        if k - i < 3 or not any(zipf(t.text) < 3.1 for t in toks[i + 1:k]):
            return False
        _claim(doc, found, spans, taken, i, k, toks[i].start + surface_len(toks[i].text, len(head_prefix)), "ORG")
        found[-1].source = "fixed"  # complete: "شركة دانة غاز | لتطوير الحقل" is its work, no name part
        return True

    def _other_country_body(self, toks: list[Token], m, taken: list[bool]) -> str | None:
        """The country of a nationality adjective right after a dictionary body that
        belongs to another country or to none ("الهلال الأحمر | المصري", "قوات الدفاع
        الوطني | الإثيوبية"), or None.  Not a word that is also a place's name ("اتهم
        الحوثيون السعودية": the object), nor after a name that ends in a nationality."""
        actor = m.actor
        k = m.last
        if actor.type != "ORG" or k >= len(toks) or taken[k] or toks[k].sentence != toks[k - 1].sentence:
            return None
        t = toks[k]
        if t.prefix != "ال" or self.roles.nationality(toks[k - 1]) is not None:
            return None
        code = self.roles.nationality(t)
        if code is None or code == actor.country or self.gazetteer.index.get((t.norm,)) is not None \
                or self.gazetteer.weak.get((t.norm,)) is not None:
            return None
        return code

    def _country_alone(self, toks: list[Token], m) -> bool:
        """Is a country name that is also a nationality adjective ("السعودية": Saudi
        Arabia, or Saudi) the country here?  It is when no noun stands before it to
        qualify: after a preposition, attached ("بالسعودية") or not ("إلى السعودية"),
        after a verb ("أعلنت السعودية"), punctuation or the start of the sentence."""
        if m.actor is None or m.actor.type != "LOC" or m.last - m.first != 1:
            return False
        tok = toks[m.first]
        clitics = tok.prefix[:-2] if tok.prefix.endswith("ال") else tok.prefix
        if any(c in clitics for c in "بل"):
            return True  # "بالسعودية", "للسعودية"
        if m.first == 0 or toks[m.first - 1].sentence != tok.sentence:
            return True
        prev = toks[m.first - 1]
        return (not prev.text[0].isalnum() or prev.norm in function_words() or prev.text in _NOT_NAMES
                or _past_verb(prev) or _verb_like(prev))

    def _title_before_name(self, toks: list[Token], k: int, stops: frozenset[str]) -> bool:
        """Is the definite word at ``k`` a title or role head that opens the name
        after it ("مجلس المفوضين | القاضي عمر أحمد السعدي", "وزارة الخارجية | السفير
        أسامة نقلي") rather than a word of the body's name?"""
        if k + 1 >= len(toks) or toks[k + 1].sentence != toks[k].sentence:
            return False
        nxt = toks[k + 1]
        return (self.roles.is_title(toks[k]) or self.roles.is_head(toks[k])) and not nxt.prefix \
            and nxt.text[0].isalpha() and nxt.norm not in stops and nxt.text not in _NOT_NAMES \
            and not self.roles.is_title(nxt) and not self.roles.is_head(nxt) \
            and (name_part(nxt.norm) == "given" or zipf(nxt.text) < 3.0)

    def _trim(self, doc: Document, toks: list[Token], a: int, b: int, etype: str) -> Mention | None:
        """Drop titles, nationality adjectives and proclitics from a tagged span."""
        while a < b and (self.roles.is_title(toks[a]) or not toks[a].text[0].isalpha()):
            a += 1
        if etype == "PER" and b - a >= 2 and (toks[a].bare in kin_nouns() or _in_after_conj(toks[a].norm, speech_verbs())):
            a += 1  # "زوجة الهمامي": the kin noun is no part of the name; "طالب نوروزي": a verb
        stops = function_words()
        if etype == "PER" and b - a >= 2 and toks[a].norm in _BLESSING_VERBS and toks[a + 1].norm == "الله":
            return None  # "رضي الله عنه": a blessing, no name
        if etype == "PER":
            for k in range(a + 1, b):
                if toks[k].norm in _non_names()[0] and toks[k].norm not in _NEVER_IN_NAMES:
                    b = k  # "عن العقيد سامر يونس قوله إن": the relayed speech's masdar ends the name
                    break
        if etype == "PER" and any((t.norm in stops and t.text != "علي") or t.text in _NOT_NAMES
                                  or t.norm in never_in_names() for t in toks[a:b]):
            return None  # "على كامل أراضيها", "واحتجاجا على الاقتحام": no name holds a function word
        facility = etype == "LOC" and _noun_prefix(toks[a], _place_noun_sets()[0]) is not None
        for k in range(a + 1, b):
            if facility and k == a + 1:
                continue  # "سوق الجمعة", "سوق الخميس": a facility named by a day
            if toks[k].norm in stops or (etype != "PER" and toks[k].bare in AFFILIATED):
                b = k  # "وكالة الأنباء الجزائرية إن القرار", "مؤسسة الزلاقة التابعة لـ…"
                break
            if etype == "PER" and toks[k].norm in _BLESSING_VERBS and k + 1 < len(toks) and toks[k + 1].norm == "الله":
                b = k  # "عمر رضي الله عنه": a blessing after the name
                break
            if _as_phrase(toks[k]):  # "لصفوف الاتحاد كلاعب آسيوي": "as a player" ends the name
                b = k
                break
            if etype != "LOC" and _not_name_word(toks[k]):  # "الهلالي استعداداته", "دونيس نظرا"
                b = k
                break
            if etype == "PER" and toks[k].norm[:1] == "و" and strip_len(toks[k]) > 0:
                b = k  # "سوناطراك وإيني": two actors joined by و, not one name ("وليد" keeps its و)
                break
            if etype == "ORG" and k >= a + 2 and toks[k - 1].prefix == "ال" and self.roles.nationality(toks[k - 1]) \
                    and not self.roles.nationality(toks[k]) and not toks[k].norm.startswith("ل"):
                b = k  # "قوات الأمن الوطني الفلسطيني | المسيرة مستخدمة …": the nationality closes
                break  # the name; only a ل-genitive goes on ("الوكالة العربية السورية للأنباء")
        # an organization's name keeps its nationality adjective ("وزارة الصحة الفلسطينية");
        # a person's name does not ("الرئيس المصري", "علي خامنئي الإيراني")
        while b > a and ((etype == "PER" and ((self.roles.nationality(toks[b - 1]) and not (
                    b - a >= 3 and toks[b - 3].norm in _LINEAGE_KUNYA))  # "يوسف بن علي الكندي": a family name
                    or _verb_like(toks[b - 1]) or (b - a >= 2 and _past_verb(toks[b - 1]))))  # "كارتر أشاد"
                         or (toks[b - 1].norm in speech_verbs())  # "مندوب الإتحاد الأوربي قال"
                         or len(toks[b - 1].text.replace("ـ", "")) < 2  # "الشباب بـ«…»": a preposition alone
                         or not toks[b - 1].text[-1].isalnum()):
            b -= 1
        if a < b < len(toks) and toks[b - 1].norm in _LINKS and toks[b].sentence == toks[a].sentence \
                and (name_part(toks[b].norm) or name_part(toks[b].norm, "surname")):
            b += 1  # a name never ends on بن/أبو: "مدرسة الحسين بن علي"
        while b > a + 1 and toks[b - 1].norm in _LINKS:
            b -= 1
        if a >= b:
            return None
        if b - a == 1 and (self.roles.nationality(toks[a]) or self.roles.is_title(toks[a])):
            return None
        if etype == "PER" and b - a >= 2 and toks[a + 1].norm not in _LINKS and _past_verb(toks[a]):
            a += 1  # "رفضت سوناطراك", "أشاد أوزتورك": the verb before its subject
        if etype != "LOC" and _not_name_word(toks[a], first=True):
            return None  # "ارتياحهم التام", "تماما": a common word opens no name
        first = toks[a]
        prev = toks[a - 1] if a > 0 and toks[a - 1].sentence == first.sentence else None
        if prev is not None and not first.prefix and _noun_prefix(prev, _place_noun_sets()[2]) is not None:
            cut = 0  # no clitic after a place noun in the construct state: "مدينة فصالة", "منطقة كورما"
        else:
            cut = surface_len(first.text, strip_len(first))
            rest = first.text[cut:]
            if cut and rest[:1] == "ل" and first.text[cut - 1] == "ل" and zipf("ا" + rest) > zipf(rest):
                # "للجيش الوطني" = ل + الجيش with the article's alef elided: the name as
                # written starts after the fused lam ("جيش …"), as the dictionary's does
                cut += 1
        bare_first = fold(first.text[cut:])
        if etype == "PER" and not (name_part(first.norm) or name_part(first.norm, "surname")
                                   or name_part(bare_first) or name_part(bare_first, "surname")) \
                and zipf(first.text[cut:]) >= 4.8:
            return None  # "لمعظم الأزواج", "بواقع نقطة": a very common word opens no person's name
        start = first.start + cut
        text = doc.text[start:toks[b - 1].end]
        if len(fold(text)) < 2:
            return None
        return Mention(start, toks[b - 1].end, text, etype)

    def _org_code(self, doc: Document, m: Mention) -> None:
        """Country and sector of an organization no dictionary lists, from its own
        words: "الحكومة الكينية" -> KEN + GOV, "غرفة تجارة الأردن" -> JOR + BUS."""
        toks = doc.tokens
        lo = bisect_left(doc_starts(doc), m.start)
        span = []
        while lo < len(toks) and toks[lo].start < m.end:
            span.append(toks[lo])
            lo += 1
        for t in span:
            code = self.roles.nationality(t)
            if code is None:
                for _, stem in clitic_forms(t.norm)[:3]:
                    actor = self.gazetteer.index.get((stem,))
                    if actor is not None and actor.country and len(actor.country) == 3 and (
                            actor.type == "LOC" or t is span[-1]):  # "إدارة ترامب": the leader's country
                        code = actor.country
                        break
            if code:
                m.country = code
                break
        m.sector = self.roles.sector_of(span)

    @staticmethod
    def _plausible(ent: Entity) -> bool:
        """Keep a tagger-only entity unless its words read as common Arabic.

        A person none of whose words is an attested name part (the romanizer's
        index) while all are common words ("أولا وأخيرا", "فيروس كورونا"), or one
        common word alone ("عقاب", "صدام" = clash); an organization or place that
        is one very common word ("فتح" = opening, "المدينة" = the city).
        """
        if ent.actor is not None:
            return True
        texts = {m.text for m in ent.mentions}
        if ent.type == "PER" and any(m.source != "model" for m in ent.mentions):
            return not any(_junk_name(t) for t in texts)
        if any(m.source != "model" for m in ent.mentions):
            return True
        words = {w for t in texts for w in t.split()}
        loanwords = _non_names()[1]
        if all(fold(w[2:] if w.startswith("ال") else w) in loanwords for w in words):
            return False  # "عبر تقنية الفيديو كونفرانس": a medium's borrowed name is no actor or place
        if ent.type == "PER":
            if all(len(t.split()) == 1 for t in texts):
                return not all(zipf(w) >= 4.0 and name_part(w) != "given" for w in words)
            if any(_junk_name(t) for t in texts):
                return False
            if any(name_part(w) or name_part(w, "surname") for w in words if len(w) > 2):
                return True
            return not all(zipf(w) >= 4.4 for w in words)
        if ent.type == "LOC" and all(len(t.split()) == 1 for t in texts):
            return not all(zipf(w) >= 5.5 for w in words)  # "المدينة" = the city
        return True

    def _fuzzy(self, m: Mention) -> Actor | None:
        """A dictionary actor one edit away from an unmatched mention (resolve rule 3)."""
        key = fold(m.text)
        if key in self._fuzzy_cache:
            return self._fuzzy_cache[key]
        best = None
        group = (key[:2], m.type)
        if len(key) >= 6 and group in self._by_first:
            names, actors = self._by_first[group]
            # close_enough() allows at most two edits (OSA) over the whole name, so only the
            # names that close are asked, found in one C-level pass; in dictionary order
            near = process.extract(key, names, scorer=OSA.distance, score_cutoff=2, limit=None)
            for i in sorted(i for _, _, i in near):
                if close_enough(key, names[i]):
                    best = actors[i]
                    break
        self._fuzzy_cache[key] = best
        return best

    # -- component ------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        mentions = self.mentions(doc)
        for m in mentions:
            if m.type == "PER":
                role = find_role(doc, m, self.roles)
                if role is not None:
                    m.roles.append(role.text)
                    m.country = role.country
                    m.sector = role.sector
            elif m.type == "ORG" and m.actor is None:
                self._org_code(doc, m)
        entities = resolve(mentions, self._fuzzy)
        entities = [e for e in entities if self._plausible(e)]
        entities = _merge_parentheses(doc.text, entities)
        entities = self._federal_forces(entities)
        self._add_surnames(doc, entities)
        self._repeat_mentions(doc, entities)
        doc.entities = [self._record(i, e, doc.text) for i, e in enumerate(entities, 1)]
        return doc

    def _federal_forces(self, entities: list[Entity]) -> list[Entity]:
        """"القوات الفيدرالية", "القوات الاتحادية" in an article that names one country's
        army ("الجيش الصومالي") are that army: a federal state's forces told by their
        institutional adjective (the gold sets list both forms under one actor)."""
        federal = [e for e in entities if e.type == "ORG" and e.actor is None and all(
            tuple(m.words) in _FEDERAL_FORCES for m in e.mentions)]
        if len(federal) != 1:
            return entities
        armies = {}
        for e in entities:
            if e.type != "ORG" or e is federal[0]:
                continue
            for m in e.mentions:
                words = m.words
                if len(words) >= 2 and words[0] == "جيش":
                    code = self.roles.nationalities.get(words[-1])
                    if code is not None:
                        armies.setdefault(code, []).append(e)
                        break
        if len(armies) != 1 or len(next(iter(armies.values()))) != 1:
            return entities
        army = next(iter(armies.values()))[0]
        army.mentions = sorted(army.mentions + federal[0].mentions, key=lambda m: m.start)
        return [e for e in entities if e is not federal[0]]

    @staticmethod
    def _repeat_mentions(doc: Document, entities: list[Entity]) -> None:
        """Every other occurrence of a name the document already gave an entity
        is a mention of it ("one sense per discourse").

        The rules and the tagger judge each occurrence on its context, and a name
        found in one sentence ("سوناطراك" as the subject of رفضت) is often missed
        where the context says less ("وقعت المجموعة الجزائرية للمحروقات سوناطراك
        …"). Quotes and events need the mention at that place to find their
        actor.  Single words that are common words (wordfreq) and forms two
        entities share are left alone.
        """
        toks = doc.tokens
        if not toks or not entities:
            return
        covered = _coverage(entities, len(doc.text))
        heads = org_heads()
        companies = company_heads()
        owner: dict[tuple[str, ...], Entity | None] = {}
        for ent in entities:
            for m in ent.mentions:
                form = tuple(fold(m.text).split())
                forms = [form]
                if ent.type == "ORG" and len(form) >= 2 and form[0] in heads and not form[1].startswith("ال") and (
                        len(form) == 2 or form[0] in companies):
                    # "شركة بتروناس" is "بتروناس" again later (a name; "مجلس النقابة" is no "النقابة"),
                    # "شركة دانة غاز" is "دانة غاز" ("مجلس محافظة نينوى" is no "محافظة نينوى")
                    forms.append(form[1:])
                for f in forms:
                    if not f or (len(f) == 1 and (len(f[0]) < 3 or zipf(f[0]) >= 4.0)):
                        continue
                    owner[f] = ent if owner.get(f, ent) is ent else None
        index: dict[str, list[tuple[tuple[str, ...], Entity]]] = {}
        for form, ent in owner.items():
            if ent is not None:
                index.setdefault(form[0], []).append((form, ent))
        if not index:
            return
        for cands in index.values():
            cands.sort(key=lambda c: -len(c[0]))
        n = len(toks)
        added: set[int] = set()
        # whatever the test below finds in the index is a suffix of the word's match
        # form, or is the article and one: a C-level test rules out most tokens first
        suffixes = (*index, *(x[2:] for x in index if x.startswith("ال")))
        for i, tok in enumerate(toks):
            if covered[tok.start] or covered[tok.end - 1] or not tok.norm.endswith(suffixes) \
                    or not (_may_be(tok, index) or "ال" + tok.bare in index) or not tok.text[0].isalpha():
                continue
            for prefix, stem in clitic_forms(tok.norm):
                cands = index.get(stem)
                if not cands or prefix.endswith("ال"):
                    continue
                for form, ent in cands:
                    k = i + len(form)
                    if k > n or toks[k - 1].sentence != tok.sentence \
                            or any(toks[i + q].norm != form[q] or covered[toks[i + q].start] for q in range(1, len(form))):
                        continue
                    start = tok.start + surface_len(tok.text, len(prefix))
                    end = toks[k - 1].end
                    ent.mentions.append(Mention(start, end, doc.text[start:end], ent.type, ent.actor))
                    covered[start:end] = b"\x01" * (end - start)
                    added.add(id(ent))
                    break
                break
        for ent in entities:
            if id(ent) in added:
                ent.mentions.sort(key=lambda m: m.start)

    def _add_surnames(self, doc: Document, entities: list[Entity]) -> None:
        """Mentions of a person by family name alone ("ووصف رضائي", "العماد الحموي").

        Once a document names a person in full, a later word equal to that
        person's last name (clitics and article aside) is that person — unless
        two people of the document share it, or the word is common Arabic
        (wordfreq), where the tagger's judgement stands.
        """
        owners: dict[str, Entity | None] = {}
        for ent in entities:
            if ent.type != "PER":
                continue
            for m in ent.mentions:
                words = m.words
                if len(words) >= 2 and len(words[-1]) >= 3:
                    key = words[-1]
                    owners[key] = ent if owners.get(key, ent) is ent else None
        if not owners:
            return
        covered = _coverage(entities, len(doc.text))
        first_start = {id(e): e.mentions[0].start for e in entities if e.mentions}
        # every key a word's splits give is a suffix of its match form: one C-level
        # test rules out nearly every token before its splits are looked at
        suffixes = tuple(owners)
        toks = doc.tokens
        for i, tok in enumerate(toks):
            if not tok.norm.endswith(suffixes) or covered[tok.start] or not tok.text[0].isalpha():
                continue
            # right after a speech verb a common word that is the family name (and
            # attested as one) is the person: "وأدان عون الغارة", "وقال الأحمر لوكالة …"
            after_speech = i > 0 and toks[i - 1].sentence == tok.sentence \
                and _in_after_conj(toks[i - 1].norm, speech_verbs())
            for prefix, art, key in _surname_splits(tok.norm):
                ent = owners.get(key)
                if ent is None:
                    continue
                if self.roles.is_title(tok):
                    break  # "والسيد" is the honorific, even where a family is named السيد
                # the clitics before the article stay out of the mention ("والكناني" -> "الكناني")
                cut = surface_len(tok.text, len(prefix) + (len(art) - 2 if art.endswith("ال") else len(art)))
                if tok.start < first_start[id(ent)] or (zipf(tok.text[cut:]) >= 4.0 and not (
                        after_speech and (name_part(key, "surname") or name_part("ال" + key, "surname")))):
                    break
                start = tok.start + cut
                ent.mentions.append(Mention(start, tok.end, doc.text[start:tok.end], "PER"))
                break
        for ent in entities:
            ent.mentions.sort(key=lambda x: x.start)

    def _record(self, n: int, ent: Entity, text: str) -> dict[str, Any]:
        roles: list[str] = []
        country = sector = None
        for m in ent.mentions:
            for r in m.roles:
                if r not in roles:
                    roles.append(r)
            country = country or m.country
            sector = sector or m.sector
        actor = ent.actor
        if actor is not None:
            code = actor.code
            name_en = actor.name_en
            country = actor.country or country
            sector = actor.sector or sector
        else:
            name_en = romanize(ent.name) if ent.type in ("PER", "LOC") else None
            # a sector alone is no code: "PTY" would read as a country
            code = (country + (sector or "")) if country else None
        name = ent.name
        if actor is not None and actor.sector == "MED":
            # "وكالة تسنيم" as written names the agency whose mentions are "تسنيم" (not the
            # dictionary's "وكالة تسنيم الدولية للأنباء")
            for m in ent.mentions:
                if text[max(0, m.start - 6):m.start] == "وكالة ":
                    name = "وكالة " + m.text
                    break
        if actor is None and ent.type != "PER" and name[:1] == "ل" and name[:2] != "ال" and any(
                m.text == name and m.start > 0 and text[m.start - 1] == "ل" for m in ent.mentions):
            # "للجيش الوطني الصومالي": the mention starts after لـ, the name has its article
            name = "ال" + name[1:]
        elif actor is None and ent.type != "PER" and name[:2] != "ال" and any(
                m.text == name and m.start > 1 and text[m.start - 2:m.start] == "لل" for m in ent.mentions):
            name = "ال" + name  # the same, the mention starting after the fused lam ("جيش …")
        elif ent.type == "LOC" and actor is None and " " not in name and (
                noun := _region_noun_before(text, ent.mentions[0].start)) is not None:
            # "إقليم بلوشستان": a region the rules named after its noun is named with the
            # noun, its mentions without it (both are the text's forms)
            name = f"{noun} {name}"
        elif ent.type == "LOC" and " " in name:
            head, rest = name.split(" ", 1)
            if fold(head) in _SUBNATIONAL and self.gazetteer.index.get(tuple(fold(rest).split())) is None:
                # "مدينة الأبيض", "إقليم جدو": the place is named "الأبيض" (the mention keeps
                # the noun); not where the bare name is another actor's ("مدينة غزة", "مدينة الكويت")
                name = rest
        rec: dict[str, Any] = {
            "id": f"e{n}",
            "type": ent.type,
            "name": name,
            "name_en": name_en,
            "actor_code": code,
            "roles": roles,
            "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in ent.mentions],
            "country": country,
            "sector": sector,
            "origin": "dictionary" if actor is not None else "model",
        }
        if actor is not None:
            rec["actor_key"] = actor.key
        return rec


#: word classes of :meth:`EntityRecognizer._word_flags` (bit flags): a title or rank,
#: a role head, a possible given name, a possible place noun, a possible organization
#: head, a possible first word of a dictionary name
_TITLE, _HEAD, _GIVEN, _PLACE, _ORG_HEAD, _GAZ, _DUAL = 1, 2, 4, 8, 16, 32, 64

#: region nouns of places inside a country, which a place's name may drop ("مدينة الأبيض")
_SUBNATIONAL = frozenset(fold(w) for w in ("مدينة", "محافظة", "ولاية", "إقليم", "منطقة", "بلدة", "قرية",
                                           "مديرية", "ناحية", "قضاء", "مقاطعة"))

#: direction and rank adjectives that end a region's name ("شبيلي السفلى", "جوبا الوسطى")
_DIRECTION_ADJECTIVES = frozenset(fold(w) for w in (
    "السفلى", "العليا", "الوسطى", "الكبرى", "الصغرى", "الشرقي", "الغربي", "الشمالي", "الجنوبي",
    "الشرقية", "الغربية", "الشمالية", "الجنوبية", "الأوسط"))
#: the nouns of provinces and districts, which their names keep in the record
#: ("إقليم جدو", "مديرية حيس"), unlike a town's ("بلدة بيتا" -> "بيتا")
_PROVINCE_NOUNS = frozenset(fold(w) for w in ("إقليم", "ولاية", "مديرية", "ناحية", "مقاطعة", "قضاء", "محافظة"))
#: region nouns after which an indefinite word is an adjective, not a name
_REGION_ADJ_NOUNS = frozenset(fold(w) for w in ("دولة", "منطقة", "جمهورية", "مملكة", "إمارة", "سلطنة"))
#: quotation marks around an outlet's name
_OPEN_QUOTES = frozenset({'"', "«", "“"})
_CLOSE_QUOTES = frozenset({'"', "»", "”"})
#: the second word of a compound given name with the article ("ذبيح الله", "سيف الدين")
_COMPOUND_TAILS = frozenset(fold(w) for w in ("الله", "الدين", "الرحمن", "الرحيم", "الإسلام"))
#: "المبعوثة الفرنسية الخاصة إلى لبنان كلير دوفيلييه": to whom an envoy is sent;
#: "النائبة عن إسطنبول بريتان أوزدمير": whom a deputy represents
_ENVOY_TO = frozenset({fold("إلى"), fold("عن")})
#: "affiliated (to)": an adjective that takes its own ل-complement, never a word of a name
#: (also read by the events extractor: "قوة تابعة لجهاز الردع" acts for that body)
AFFILIATED = frozenset(fold(w) for w in ("تابع", "تابعة", "تابعين", "تابعون", "تابعتين"))
#: verbs of the blessings written after a name ("رضي الله عنه", "صلى الله عليه وسلم")
_BLESSING_VERBS = frozenset(fold(w) for w in ("رضي", "صلى", "رحمه", "حفظه"))
#: words that join the parts of a name ("بن", "أبو", "عبد", "آل")
#: words that join the parts of a name: "بن", "أبو", and the Mauritanian "ولد"/"منت"
#: ("أحمد سالم ولد الشيخ"); the word after one is a name part even when it is a title
_LINKS = frozenset({"بن", "ابو", "عبد", "ابن", "بنت", "ال", "ولد", "منت"})
#: "بن"/"بنت"/"ولد": after "بن X" a nisba is the family name, not a nationality ("يوسف بن علي الكندي")
_LINEAGE = frozenset({"بن", "ابن", "بنت", "ولد"})
#: and a kunya: "أبو عبيدة العراقي", "أبو مصعب السوري" (a nom de guerre ends with its nisba)
_LINEAGE_KUNYA = _LINEAGE | {"ابو", "ام"}
#: prepositions after which a head flagged "verbal" is a verbal noun ("في إدارة …")
#: (not في or من: "في إدارة الرقابة الشاملة", "من إدارة الدفاع المدني" are bodies as often)
_VERBAL_NOUN_PREPS = frozenset(fold(w) for w in ("على", "عن", "بشأن", "حول", "إلى"))
#: "لدعم الشرعية في اليمن": the place a body's purpose is tied to
_WHERE_TO = frozenset(fold(w) for w in ("في", "إلى"))
#: "وكالة X": the noun before an agency's short name is not part of it
_AGENCY_NOUNS = frozenset({fold("وكالة")})
#: "وكالة الأنباء": the common noun after it, no short name
_AGENCY_GENERIC = frozenset(fold(w) for w in ("أنباء", "أخبار", "إعلام", "صحافة"))
#: the adjectives that may close an outlet's name besides a nationality ("إذاعة فرنسا الدولية")
_OUTLET_TAILS = frozenset(fold(w) for w in ("الدولية", "الدولي", "الرسمية", "الرسمي"))
#: month names that fold like a dictionary place ("آب" August ~ "إب" Ibb), as written
_MONTHS = frozenset({"آب"})


def _region_noun_before(text: str, start: int) -> str | None:
    """The province noun written right before ``start`` ("بإقليم" -> "إقليم"), without its
    clitics, or None (a town's or city's noun is not: "بلدة بيتا" is named "بيتا")."""
    before = text[max(0, start - 12):start]
    if not before.endswith(" "):
        return None
    word = before.split()[-1] if before.split() else ""
    for pre, stem in clitic_forms(fold(word)):
        if stem in _PROVINCE_NOUNS and "ال" not in pre:
            return word[surface_len(word, len(pre)):]
    return None


def _rare_plain(tok: Token, stops: frozenset[str]) -> bool:
    """A rare word without article or clitic, no function word: a foreign name's part
    ("لوبيث", "موريتي")."""
    return (tok.text[0].isalpha() and not tok.prefix and tok.norm not in stops and zipf(tok.text) < 3.0
            and len(tok.norm) >= 3 and strip_len(tok) == 0 and not tok.norm.endswith(_NOT_NAME_ENDINGS[2:]))


def _foreign_el(tok: Token) -> bool:
    """A word written with "إل" that the tokenizer read as the article: the article
    is written "ال" (its alef takes no hamza), so "إلكتريك", "إلينا" (Elena) open with
    their own letters."""
    return tok.prefix == "ال" and tok.text.startswith("إل") and len(tok.text) > 4


def _rare_indefinite(tok: Token, stops: frozenset[str]) -> bool:
    """A rare word without the article or clitics that reads as a name, not an
    adjective, plural or possessed noun (see RARE_INDEFINITE)."""
    return _foreign_word(tok, stops) and not tok.norm.endswith(_NOT_NAME_ENDINGS)


def _foreign_word(tok: Token, stops: frozenset[str]) -> bool:
    """A rare word without the article or clitics, as a foreign name is written in
    Arabic ("إيني", "ناتورجي", "فوكس"); unlike :func:`_rare_indefinite` it may end in ي."""
    return (tok.text[0].isalpha() and not tok.prefix and tok.norm not in stops and strip_len(tok) == 0
            and zipf(tok.text) < RARE_INDEFINITE
            and not tok.text.endswith("ه"))  # "أركانه": a possessive pronoun (ة is folded to ه)


def _weak_nationality(tok: Token) -> bool:
    """Is ``tok`` the nisba of a country that is also a common adjective ("المالي",
    "المالية": Malian or financial; ``org_heads.txt`` "weak-nationality:" lines)?
    Only a "force" head makes it the nationality."""
    weak = _keyed_list("org_heads.txt")[1].get("weak-nationality", frozenset())
    bare = tok.bare[:-1] if tok.bare.endswith("ه") else tok.bare
    return bare in weak


def _prep_stop(tok: Token, stops: frozenset[str]) -> bool:
    """A preposition on a function word: "بأن", "لأن", "كما"."""
    return tok.norm[:1] in ("ب", "ل", "ك") and tok.norm[1:] in stops


def _verb_like(tok: Token) -> bool:
    """A speech verb, or a future-tense verb ("سيلتقي", "ستعقد"), that no name part is."""
    n = tok.norm
    if n in speech_verbs():
        return True
    return len(n) >= 5 and n[0] == "س" and n[1] in "يتنا" and not (name_part(n) or name_part(n, "surname"))


def _claim(doc: Document, found: list, spans: dict[int, tuple[int, int]], taken: list[bool],
           first: int, end: int, start: int, etype: str) -> None:
    """Record a mention of ``etype`` from text offset ``start`` to the end of token
    ``end - 1``, found at token ``first``: the rule passes share this bookkeeping (the
    mention, where it ends in ``spans``, its tokens ``taken``)."""
    stop = doc.tokens[end - 1].end
    found.append(Mention(start, stop, doc.text[start:stop], etype))
    spans[first] = (end, len(found) - 1)
    for p in range(first, end):
        taken[p] = True


def _coverage(entities: list[Entity], size: int) -> bytearray:
    """A map of the text's characters: 1 where a mention of an entity lies."""
    covered = bytearray(size + 1)
    for ent in entities:
        for m in ent.mentions:
            covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    return covered


def _in_after_conj(norm: str, words: frozenset[str]) -> bool:
    """Whether a word is one of ``words``, with or without a leading و/ف ("وأضاف")."""
    return norm in words or (norm[:1] in ("و", "ف") and norm[1:] in words)


@lru_cache(maxsize=20_000)
def _given_name_forms(norm: str, text: str) -> tuple[tuple[str, str, bool, bool], ...]:
    """How a word may open a person's name in :meth:`EntityRecognizer._given_names`.

    ``(prefix, stem, link, given)`` for its bare and و/ف-split forms that
    matter: ``link`` for عبد/أبو, which open a compound given name when the
    next word completes one; ``given`` for an attested given name that is no
    function word, place noun or word never read as a name.  Only these
    depend on the word alone, and most words have none; the word-class
    flags ask once per surface form, :meth:`EntityRecognizer._given_names`
    again for the few candidates (the rules are unchanged).
    """
    out = []
    stops = function_words()
    for pre, stem in clitic_forms(norm)[:2]:
        if pre not in ("", "و", "ف"):
            continue
        link = stem in ("عبد", "ابو")
        given = (name_part(stem) == "given" and text[len(pre):] not in _NOT_NAMES and stem not in stops
                 and stem not in _place_noun_sets()[2])
        if link or given:
            out.append((pre, stem, link, given))
    return tuple(out)


@lru_cache(maxsize=100_000)
def _surname_splits(norm: str) -> tuple[tuple[str, str, str], ...]:
    """``(proclitics, article, bare word)`` for each clitic split of a word that
    keeps the article on the stem (see :meth:`EntityRecognizer._add_surnames`)."""
    return tuple((prefix,) + split_article(stem) for prefix, stem in clitic_forms(norm) if not prefix.endswith("ال"))


#: prepositions that take the complement of a verbal noun ("الموافقة على")
_OBJECT_PREPS = frozenset(fold(w) for w in ("على", "عن", "إلى"))


def _masdar_like(tok: Token) -> bool:
    """A definite word shaped like a verbal noun of the derived forms (تفعيل،
    تفاعل، مفاعلة، استفعال، انفعال: "التأكيد"، "الموافقة"، "الاستمرار"), not a
    nisba adjective; used only where a preposition follows."""
    b = tok.bare
    if tok.prefix != "ال":
        return False
    if b in _PREP_MASDARS:
        return True
    if len(b) < 5 or b.endswith(("ي", "يه", "ون", "ين")):
        return False
    # (form IV إفعال: "الإفراج عن"، "الإعلان عن")
    return b.startswith(("ت", "است", "ان")) or (b.startswith("م") and b.endswith("ه") and b[2:3] == "ا") \
        or (len(b) == 5 and b[0] == "ا" and b[3] == "ا")


#: verbal nouns of the simple verb that take their object with a preposition ("أعلنت
#: الوزارة القبض على …", "… الكشف عن"): their shape does not tell them from nouns
_PREP_MASDARS = frozenset(fold(w) for w in (
    "قبض", "رد", "حصول", "عثور", "حفاظ", "كشف", "عفو", "بحث", "سيطرة", "هجوم"))


def _places_inside(found: list[Mention], toks: list[Token], taken: list[bool], a: int, b: int) -> set[int] | None:
    """The ids of the place mentions that cover every taken token of tokens
    ``[a, b)``, when they all lie inside it and the span ends on a free token; else None."""
    lo, hi = toks[a].start, toks[b - 1].end
    places = [m for m in found if m.type == "LOC" and lo <= m.start and m.end <= hi]
    last = toks[b - 1]
    if not places or not (places[-1].end == hi or (
            not taken[b - 1] and last.prefix == "ال" and last.norm.endswith(("ي", "يه")) and places[-1].end == toks[b - 2].end)):
        return None  # the place ends the name, or only an adjective follows it ("… لشبونة البرتغالي")
    out: set[int] = set()
    for k in range(a, b):
        if not taken[k]:
            continue
        t = toks[k]
        m = next((m for m in places if m.start < t.end and t.start < m.end), None)
        if m is None or m.start != t.start:
            return None  # not a place written with a preposition or و ("الشباب بالرياض")
        out.add(id(m))
    return out or None


#: second words of compound given names ("صلاح الدين", "عبد الله" after عبد)
_COMPOUND_TAILS = frozenset(fold(w) for w in ("الدين", "الله"))
_COMPOUND_HEADS = frozenset(fold(w) for w in ("عبد", "أبو"))


def _compound_part(prev: Token, tok: Token, stops: frozenset[str]) -> bool:
    """The second word of a compound name part: after عبد/أبو ("عبد الغني", "أبو
    بكر"), or الدين/الله after a word ("صلاح الدين", "نصر الله")."""
    if not tok.text[0].isalpha() or tok.norm in stops or (tok.prefix and tok.prefix != "ال"):
        return False
    return prev.norm in _COMPOUND_HEADS or (tok.norm in _COMPOUND_TAILS and not prev.prefix)


def _name_ends_after(toks: list[Token], k: int, stops: frozenset[str]) -> bool:
    """Whether no name word can follow token k: end of sentence, punctuation, a
    word with a proclitic, a function word."""
    if k + 1 >= len(toks) or toks[k + 1].sentence != toks[k].sentence:
        return True
    t = toks[k + 1]
    # (not a definite word: "العدوان الأمريكي" is a noun and its adjective)
    return not t.text[0].isalpha() or (bool(t.prefix) and t.prefix != "ال") or t.norm in stops or strip_len(t) > 0


def _accusative_noun(tok: Token) -> bool:
    """A common indefinite noun in the accusative ("اتصالا", "اتفاقا", "بيانا"):
    the object after a subject's name, never a part of it."""
    n = tok.norm
    return (len(n) >= 4 and n.endswith("ا") and not tok.prefix and zipf(tok.text) >= 3.5
            and not (name_part(n) or name_part(n, "surname")))


def _clitic_inside_name(tok: Token, first: bool) -> bool:
    """Whether a word read as part of a name seems to carry a proclitic.

    Any word may, except that a later word of a name starting with ك ("like") is
    read as the name's own letter: "أورهان كايا", "جون كيري" (ب and ل stay
    prepositions: "سانز مورينو بتعزيزات").
    """
    if not first and tok.norm[:1] == "ك":
        return False
    return strip_len(tok) > 0


def _past_verb(tok: Token) -> bool:
    """A past-tense form of an event or speech verb ("رفضت", "أشاد", "واستقبل") that
    is no attested name part: the tagger sometimes opens a name with the verb
    whose subject the name is."""
    from marsad.extract.events import load_lexicon

    n = tok.norm
    if name_part(n) or name_part(n, "surname") or tok.prefix.endswith("ال"):
        return False
    if n in speech_verbs():
        return True
    return any(h.form.trigger.kind == "v" and h.form.tense == "past" for h in load_lexicon().lookup(n))


def _mention_inside(mention_starts: list[int], tok: Token) -> bool:
    """Does a mention (starts sorted) begin inside ``tok``?"""
    j = bisect_left(mention_starts, tok.start)
    return j < len(mention_starts) and mention_starts[j] < tok.end


def _as_phrase(tok: Token) -> bool:
    """ك + a common word ("كلاعب" = as a player, "كعضو"): no name goes on over it.
    Names that begin with the letter ك ("كوريا", "كركوك") are rarer without it."""
    n = tok.norm
    if len(n) < 4 or n[0] != "ك" or n[1:3] == "ال":
        return False
    rest = zipf(tok.text[1:])
    return rest >= 3.5 and rest >= zipf(tok.text) + 1.0


_POSSESSIVE_ENDINGS = ("هم", "هما", "ها", "اته", "يته", "اتها")


def _not_name_word(tok: Token, first: bool = False) -> bool:
    """A common word no person's or organization's name holds: a noun with a
    possessive pronoun ("استعداداته", "ارتياحهم"), an indefinite accusative
    adverb ("نظرا", "تماما"), or و + a common word without the article
    ("وتصريحات").  Attested name parts never count ("رضا", "هيثم")."""
    n = tok.norm
    if len(n) < 4 or name_part(n) or name_part(n, "surname"):
        return False
    if n.endswith(_POSSESSIVE_ENDINGS) and not n.endswith("الله"):
        for suffix in _POSSESSIVE_ENDINGS:
            if n.endswith(suffix):
                stem = tok.text[:len(tok.text) - len(suffix)] + ("ات" if suffix.startswith("ات") else "")
                if zipf(stem) >= 3.0 or zipf(stem + "ة") >= 3.0:
                    return True
                break
    if n.endswith("ا") and not n.endswith(("اا", "يا")) and zipf(tok.text) >= 3.8 and zipf(tok.text[:-1]) >= 3.5:
        return True  # "نظرا", "تماما" ("روسيا", "كوريا" are places: only LOC may end so)
    # inside a name, و + a frequent word starts the next phrase or name ("أبل وتصريحات");
    # the first word of a span may be و + a name ("وأيمن", "وبرشلونة") the tagger kept whole
    return (not first and n[0] == "و" and not tok.prefix and zipf(tok.text[1:]) >= 4.0
            and zipf(tok.text[1:]) > zipf(tok.text) + 1)


def _junk_name(text: str) -> bool:
    """A person's name that reads as a phrase: a later word is و + a common word
    ("أولا وأخيرا", "عز وجل"), or the first opens with a preposition and the
    article ("للجهاد والمقاومة")."""
    ws = text.split()
    for w in ws[1:]:
        if w[0] == "و" and not name_part(w) and zipf(w[1:]) >= 4.0:
            return True
    return fold(ws[0]).startswith(("لل", "بال")) and not name_part(ws[0])


def doc_starts(doc: Document) -> list[int]:
    """Start offsets of the document's tokens (for bisecting), computed once per document."""
    cached = getattr(doc, "_marsad_token_starts", None)
    if cached is None or len(cached) != len(doc.tokens):
        cached = [t.start for t in doc.tokens]
        try:
            doc._marsad_token_starts = cached  # type: ignore[attr-defined]
        except AttributeError:  # pragma: no cover - slotted documents
            pass
    return cached


def _is_country(m: Mention) -> bool:
    """A mention of a country ("معسكر تركيا" is a training camp in Turkey, not a name)."""
    return m.actor is not None and "country" in m.actor.tags


def _may_be(tok: Token, words) -> bool:
    """A cheap test before :func:`clitic_forms`: could ``tok`` be one of ``words``
    after its proclitics (at most two letters, or the article)?"""
    n = tok.norm
    return n in words or tok.bare in words or n[1:] in words or n[2:] in words


def _noun_prefix(tok: Token, nouns: frozenset[str] | set[str]) -> str | None:
    """The proclitics before ``tok`` when its stem is one of ``nouns`` in the
    construct state (no article), else None: "ومطار" -> "و"."""
    for pre, stem in clitic_forms(tok.norm):
        if stem in nouns and "ال" not in pre and not pre.endswith("لل"):
            return pre
    return None


def _merge_parentheses(text: str, entities: list[Entity]) -> list[Entity]:
    """An organization's name followed by another in parentheses is one actor.

    "منظمة الأمم المتحدة للطفولة (يونيسف)", "جهاز الأمن العام (الشاباك)",
    "حركة المقاومة الإسلامية (حماس)": the bracketed name is an acronym or
    short name of the one before it, so the two entities merge (taking the
    dictionary actor of either).  Only ORG with ORG: "الداخلة (المغرب)" puts
    a place inside a country, it does not rename it.
    """
    owner: dict[int, Entity] = {}
    ends: dict[int, Mention] = {}
    for ent in entities:
        if ent.type != "ORG":
            continue
        for m in ent.mentions:
            owner[id(m)] = ent
            ends[m.end] = m
    if not ends:
        return entities
    merged: dict[int, Entity] = {}

    def find(ent: Entity) -> Entity:
        while id(ent) in merged:
            ent = merged[id(ent)]
        return ent

    for ent in entities:
        if ent.type != "ORG":
            continue
        for m in ent.mentions:
            before = text[max(0, m.start - 3):m.start].rstrip()
            if not before.endswith("(") or not text[m.end:m.end + 2].lstrip().startswith(")"):
                continue
            k = m.start - 1
            while k > 0 and text[k - 1] in " (":
                k -= 1
            head = ends.get(k)
            if head is None:
                continue
            a, b = find(owner[id(head)]), find(ent)
            if a is b or (a.actor is not None and b.actor is not None and a.actor.key != b.actor.key):
                continue
            a.mentions.extend(b.mentions)
            a.mentions.sort(key=lambda x: x.start)
            a.actor = a.actor or b.actor
            merged[id(b)] = a
    return [e for e in entities if id(e) not in merged]


def strip_len(tok: Token) -> int:
    """How many normalized characters of proclitics to strip from a tagged token.

    The tagger was trained on text where clitics stay attached ("وبريطانيا"),
    and names may begin with the same letters ("وليد", "بوش"), so a split is
    taken only when the word without the prefix is clearly the more common
    word (wordfreq, offline) — "وبريطانيا" → "بريطانيا", "للأمم" → "الأمم",
    but "وليد" and "بغداد" stay whole.
    """
    forms = clitic_forms(tok.norm)
    if len(forms) == 1:
        return 0
    whole = zipf(tok.text)
    best, best_len = whole + 0.3, 0
    for prefix, stem in forms[1:]:
        if prefix.endswith("ال") or prefix.endswith("لل") and not stem.startswith("ال") or stem == "ال":
            continue  # keep the article on the name ("فال" is no ف + the article alone)
        cut = surface_len(tok.text, len(prefix))
        f = zipf(tok.text[cut:] if not stem.startswith("ال") or prefix != "ل" else "ا" + tok.text[cut:])
        if f > best:
            best, best_len = f, len(prefix)
    return best_len


def _person_starts(toks: list[Token], k: int, stops: frozenset[str]) -> bool:
    """Does a person's name open at the definite given name at ``k`` ("الطاهر عبد
    الرحمن", "الصادق المهدي")?  It does when a name part follows it in the sentence
    (a compound's عبد/أبو, or a word attested as a given name or surname)."""
    if name_part(toks[k].norm) != "given" or k + 1 >= len(toks) or toks[k + 1].sentence != toks[k].sentence:
        return False
    nxt = toks[k + 1]
    if not nxt.text[0].isalpha() or nxt.prefix not in ("", "ال") or nxt.norm in stops or nxt.text in _NOT_NAMES:
        return False
    return nxt.norm in _COMPOUND_HEADS or name_part(nxt.norm) is not None or name_part(nxt.norm, "surname") is not None


#: a federal state's forces by their institutional adjective (bare words, as Mention.words)
_FEDERAL_FORCES = frozenset((fold("قوات"), fold(w)) for w in ("فيدرالية", "اتحادية"))

#: directions that open a region's name ("شمال كيفو", "جنوب دارفور")
_COMPASS = frozenset(fold(w) for w in ("شمال", "جنوب", "شرق", "غرب", "وسط"))


@lru_cache(maxsize=1)
def _dual_nouns() -> frozenset[str]:
    """The construct duals of the region and facility nouns ("إقليمي", "محافظتي",
    "مدينتي", "مخيمي"): the noun that names two places at once."""
    return frozenset(w[:-1] + "تي" if w.endswith("ه") else w + "ي" for w in _place_noun_sets()[2])


def _dual_place_noun(tok: Token) -> bool:
    """Is ``tok`` the construct dual of a region or facility noun (any proclitic but the article)?"""
    duals = _dual_nouns()
    if not _may_be(tok, duals):
        return False
    return any(stem in duals and "ال" not in pre and not pre.endswith("لل") for pre, stem in clitic_forms(tok.norm))


def _faila_adjective(tok: Token) -> bool:
    """A definite feminine adjective of the pattern فعيلة ("الثقيلة", "الخفيفة",
    "الصغيرة"), the adjective of a plural of things ("والمركبات الثقيلة"); the nouns
    of that shape that name places or bodies ("المدينة", "الصحيفة") are not."""
    b = tok.bare
    return len(b) == 5 and b[2] == "ي" and b[4] == "ه" and b not in region_nouns() \
        and b not in org_heads() and b not in place_nouns()


def _proper_weak_name(actor: Actor, gazetteer: Gazetteer) -> bool:
    """Is a country's weak variant its own short name ("مالي", also "financial"),
    rather than a name another actor has ("عمان", Amman) or a common noun that
    refers back to it ("المملكة", the kingdom: left to the document's own usage)?"""
    for variant in actor.weak_variants:
        key = tuple(fold(w) for w in variant.split())
        if gazetteer.index.get(key) is not None or any(split_article(w)[1] in region_nouns() for w in key):
            return False
    return True


def _dual_noun(tok: Token) -> bool:
    """A dual or plural noun in ين that no name holds: a common word + ين ("اتصالين",
    "مواطنين"), or a nisba's ("هاتفيين"); attested name parts ("حسين", "ياسين") never."""
    n = tok.norm
    if tok.prefix or len(n) < 5 or not n.endswith("ين") or name_part(n) or name_part(n, "surname"):
        return False
    # (a stem of four letters or more: "كلاين", "بوتين" are names, not كلا/بوت + ين)
    return n.endswith("يين") or (len(n) >= 6 and zipf(tok.text[:-2]) >= 4.0)
