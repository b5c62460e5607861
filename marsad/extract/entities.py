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

from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.document import Document, Token
from marsad.extract.gazetteer import Actor, Gazetteer, surface_len
from marsad.extract.resolve import Entity, Mention, close_enough, resolve
from marsad.extract.roles import RoleLexicon, find_role
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


@lru_cache(maxsize=100_000)
def name_part(word: str, role: str | None = None) -> str | None:
    """"given" or "surname" when ``word`` is an attested name part, else None.

    Given: seen 30+ times as a given name and mostly as one.  Surname: seen as
    a family name at all (asked with ``role="surname"``), or 30+ times as any
    name part otherwise.
    """
    idx = _name_index()
    if idx is None:
        return None
    conn, key = idx
    counts = dict(conn.execute(
        "SELECT role, sum(count) FROM units WHERE arabic_key = ? GROUP BY role", (key(word),)).fetchall())
    given, surname = counts.get("given", 0), counts.get("surname", 0)
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


@lru_cache(maxsize=1)
def place_nouns() -> frozenset[str]:
    """Match forms of ``lexicons/place_nouns.txt``."""
    return _word_list("place_nouns.txt")


def _word_list(name: str) -> frozenset[str]:
    from importlib import resources

    text = resources.files("marsad.lexicons").joinpath(name).read_text("utf-8")
    return frozenset(fold(x) for x in text.splitlines() if x.strip() and not x.startswith("#"))


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
    return Transliterator(auto_load_model=False)


@lru_cache(maxsize=20_000)
def romanize(name: str) -> str | None:
    """An English spelling for a name no dictionary lists (offline)."""
    tr = _romanizer()
    if tr is None:
        return None
    try:
        out = tr.transliterate(name)
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
        self.tagger = load_tagger() if use_model else None
        self._fuzzy_cache: dict[str, Actor | None] = {}
        self._by_first: dict[str, list[tuple[str, Actor]]] = {}
        for key, actor in self.gazetteer.index.items():
            joined = " ".join(key)
            self._by_first.setdefault(joined[:2], []).append((joined, actor))

    # -- mentions -------------------------------------------------------------
    def mentions(self, doc: Document) -> list[Mention]:
        toks = doc.tokens
        taken = [False] * len(toks)
        found: list[Mention] = []
        strong = self.gazetteer.find(toks)
        present = {m.actor.key for m in strong} & self.gazetteer.weak_actors
        matches = self.gazetteer.find(toks, present) if present else strong
        for m in matches:
            if self.roles.is_nationality_span(toks[m.first:m.last]):
                continue
            found.append(Mention(m.start, m.end, doc.text[m.start:m.end], m.actor.type, m.actor))
            for k in range(m.first, m.last):
                taken[k] = True
        for mention in self._after_titles(doc, taken):
            found.append(mention)
        for mention in self._org_chains(doc, taken):
            found.append(mention)
        for mention in self._given_names(doc, taken):
            found.append(mention)
        if self.tagger is not None:
            for span in self.tagger.tag_doc(doc):
                etype = NER_TYPES.get(span.type)
                if etype is None:
                    continue
                a, b = span.token_start, span.token_end
                if any(taken[a:b]):
                    continue
                mention = self._trim(doc, toks, a, b, etype)
                if mention is not None:
                    found.append(mention)
        found.sort(key=lambda x: x.start)
        return found

    def _after_titles(self, doc: Document, taken: list[bool]) -> list[Mention]:
        """A name right after a rank or honorific ("اللواء سامر الحموي", "الشيخ نعيم قاسم").

        Two to three words (four with بن/أبو/عبد), stopping at punctuation, a
        function word, another title, a role head or a nationality adjective.
        Marks the tokens it takes, so the tagger does not add them again.
        """
        toks = doc.tokens
        out: list[Mention] = []
        stops = function_words()
        places = place_nouns()
        for i, tok in enumerate(toks):
            if taken[i] or not self.roles.is_title(tok):
                continue
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
                if (not t.text[0].isalpha() or t.norm in stops or self.roles.is_title(t) or self.roles.is_head(t)
                        or self.roles.nationality(t)):
                    break
                if t.norm in ("بن", "ابو", "عبد", "ابن", "بنت", "ال"):
                    limit = 4
                k += 1
            if place_prefix is not None and k > j:
                # "مطار الملك خالد الدولي", "جامعة الشيخ زايد": a place named after a
                # person — one LOC from the place noun, with a trailing definite adjective
                while k < len(toks) and not taken[k] and toks[k].sentence == tok.sentence and \
                        toks[k].prefix == "ال" and toks[k].norm not in stops and k - j < 5:
                    k += 1
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

    def _given_names(self, doc: Document, taken: list[bool]) -> list[Mention]:
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
        i = 0
        while i < n:
            tok = toks[i]
            if taken[i] or not tok.text[0].isalpha() or tok.prefix:
                i += 1
                continue
            prefix = None
            compound = False
            for pre, stem in clitic_forms(tok.norm)[:2]:
                if pre not in ("", "و", "ف"):
                    continue
                if stem in ("عبد", "ابو") and i + 1 < n and not taken[i + 1]:
                    # "عبد الكريم", "أبو مهدي": one given name of two words
                    if name_part(f"{stem} {toks[i + 1].norm}") == "given":
                        prefix, compound = pre, True
                        break
                elif name_part(stem) == "given" and tok.text[len(pre):] not in _NOT_NAMES:
                    prefix = pre
                    break
            if prefix is None:
                i += 1
                continue
            k = i + 2 if compound else i + 1
            while k < n and k - i < 4 and not taken[k] and toks[k].sentence == tok.sentence:
                t = toks[k]
                if (not t.text[0].isalpha() or t.norm in stops or self.roles.is_title(t) or self.roles.is_head(t)
                        or self.roles.nationality(t) or (t.prefix and t.prefix != "ال")):
                    break
                if name_part(t.norm) is None and not (t.prefix == "ال" and name_part(t.norm, "surname")):
                    break
                k += 1
            if k - i >= (3 if compound else 2):
                start = tok.start + surface_len(tok.text, len(prefix))
                end = toks[k - 1].end
                out.append(Mention(start, end, doc.text[start:end], "PER"))
                for p in range(i, k):
                    taken[p] = True
                i = k
            else:
                i += 1
        return out

    def _org_chains(self, doc: Document, taken: list[bool], max_len: int = 7) -> list[Mention]:
        """An organization named by a head noun and its genitive chain.

        "وزارة الصحة الفلسطينية", "جهاز الأمن العام", "غرفة تجارة الأردن":
        a head from ``lexicons/org_heads.txt`` in the construct state (no
        article), at most one indefinite word, then the definite words of the
        chain (a nationality adjective included).  Function words,
        punctuation, a conjunction and a token already taken end it.
        """
        toks = doc.tokens
        heads = org_heads()
        stops = function_words()
        out: list[Mention] = []
        n = len(toks)
        for i, tok in enumerate(toks):
            if taken[i] or tok.prefix:
                continue
            head_prefix = ""
            for pre, stem in clitic_forms(tok.norm):
                if stem in heads and "ال" not in pre and not pre.endswith("لل"):
                    head_prefix = pre
                    break
            else:
                continue
            last_definite = -1
            k = i + 1
            while k < n and k - i <= max_len and not taken[k] and toks[k].sentence == tok.sentence:
                t = toks[k]
                if not t.text[0].isalnum() or t.norm in stops or t.bare in stops:
                    break
                if last_definite >= 0 and t.prefix.startswith(("و", "ف")):
                    break  # "… والكشف": a conjunction starts a new phrase
                if t.prefix.endswith(("ال", "لل")) or t.text[0].isdigit():
                    last_definite = k
                elif last_definite >= 0 or k - i > 1:
                    # after the chain closed, or a second indefinite word before any
                    # definite one ("شركة يونانية تنتهك …"): not a name
                    break
                k += 1
            if last_definite < 0:
                continue
            end = last_definite + 1
            start = tok.start + surface_len(tok.text, len(head_prefix))
            out.append(Mention(start, toks[end - 1].end, doc.text[start:toks[end - 1].end], "ORG"))
            for p in range(i, end):
                taken[p] = True
        return out

    def _trim(self, doc: Document, toks: list[Token], a: int, b: int, etype: str) -> Mention | None:
        """Drop titles, nationality adjectives and proclitics from a tagged span."""
        while a < b and (self.roles.is_title(toks[a]) or not toks[a].text[0].isalpha()):
            a += 1
        stops = function_words()
        for k in range(a + 1, b):
            if toks[k].norm in stops:  # "وكالة الأنباء الجزائرية إن القرار": the name ends before إن
                b = k
                break
        # an organization's name keeps its nationality adjective ("وزارة الصحة الفلسطينية");
        # a person's name does not ("الرئيس المصري", "علي خامنئي الإيراني")
        while b > a and ((etype == "PER" and self.roles.nationality(toks[b - 1]))
                         or not toks[b - 1].text[-1].isalnum()):
            b -= 1
        if a >= b:
            return None
        if b - a == 1 and (self.roles.nationality(toks[a]) or self.roles.is_title(toks[a])):
            return None
        first = toks[a]
        start = first.start + surface_len(first.text, strip_len(first))
        text = doc.text[start:toks[b - 1].end]
        if len(fold(text)) < 2:
            return None
        return Mention(start, toks[b - 1].end, text, etype)

    def _fuzzy(self, m: Mention) -> Actor | None:
        """A dictionary actor one edit away from an unmatched mention (resolve rule 3)."""
        key = fold(m.text)
        if key in self._fuzzy_cache:
            return self._fuzzy_cache[key]
        best = None
        if len(key) >= 6:
            for joined, actor in self._by_first.get(key[:2], ()):
                if actor.type == m.type and close_enough(key, joined):
                    best = actor
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
        entities = resolve(mentions, self._fuzzy)
        entities = _merge_parentheses(doc.text, entities)
        self._add_surnames(doc, entities)
        doc.entities = [self._record(i, e) for i, e in enumerate(entities, 1)]
        return doc

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
        covered = [False] * (len(doc.text) + 1)
        for ent in entities:
            for m in ent.mentions:
                for k in range(m.start, m.end):
                    covered[k] = True
        first_start = {id(e): e.mentions[0].start for e in entities if e.mentions}
        for tok in doc.tokens:
            if covered[tok.start] or not tok.text[0].isalpha():
                continue
            for prefix, stem in clitic_forms(tok.norm):
                key = split_article(stem)[1]
                ent = owners.get(key)
                if ent is None or prefix.endswith("ال"):
                    continue
                if tok.start < first_start[id(ent)] or zipf(tok.text[surface_len(tok.text, len(prefix)):]) >= 4.0:
                    break
                start = tok.start + surface_len(tok.text, len(prefix))
                ent.mentions.append(Mention(start, tok.end, doc.text[start:tok.end], "PER"))
                break
        for ent in entities:
            ent.mentions.sort(key=lambda x: x.start)

    def _record(self, n: int, ent: Entity) -> dict[str, Any]:
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
            code = (country or "") + (sector or "") or None
        rec: dict[str, Any] = {
            "id": f"e{n}",
            "type": ent.type,
            "name": ent.name,
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
        if prefix.endswith("ال") or prefix.endswith("لل") and not stem.startswith("ال"):
            continue  # keep the article on the name
        cut = surface_len(tok.text, len(prefix))
        f = zipf(tok.text[cut:] if not stem.startswith("ال") or prefix != "ل" else "ا" + tok.text[cut:])
        if f > best:
            best, best_len = f, len(prefix)
    return best_len
