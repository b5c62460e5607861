"""Resolve mentions to one entity per actor inside a document.

Rules, in order (each is a rule a reader applies too):

1. Mentions of the same dictionary actor are one entity, whatever spelling
   matched ("الخامنئي", "علي خامنئي", "آية الله علي الخامنئي").
2. A mention whose words are all words of a longer person name seen in the
   document is that person ("باقري", "محمد باقري" → "محمد باقري"); the
   longest form becomes the entity's name.
3. A misspelling one edit away from a known name (OSA distance 1 for names
   of 6+ letters, 2 for 10+; "الخامئني" ~ "الخامنئي", "قاسم سليمان" ~
   "قاسم سليماني") is that name — for the dictionary as well as for names
   already seen in the document.
4. An organization or place named by the first two or more words of one
   longer name in the document is that name ("وزارة الكهرباء" →
   "وزارة الكهرباء الاتحادية").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import OSA

from marsad.extract.gazetteer import Actor
from marsad.text.normalize import fold
from marsad.text.segment import split_article


#: words that never take part in a misspelling match (bare match forms):
#: nationality adjectives, filled by the entity extractor from its lexicon
EXACT_WORDS: set[str] = set()


@lru_cache(maxsize=50_000)
def _words(text: str) -> list[str]:
    return [split_article(w)[1] for w in fold(text).split()]


@lru_cache(maxsize=50_000)
def _joined(text: str) -> str:
    """The bare words of a mention's text joined by spaces (what rule 3 compares)."""
    return " ".join(_words(text))


@dataclass
class Mention:
    """One mention before resolution."""

    start: int
    end: int
    text: str
    type: str
    actor: Actor | None = None
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    source: str = "rule"  # "model" for the statistical tagger's spans, "fixed" for a complete fixed name
    own: bool = False  # a family name the document gives its own person: no dictionary lookup

    @property
    def words(self) -> list[str]:
        """Bare match forms of the words (article removed)."""
        return _words(self.text)


@dataclass
class Entity:
    mentions: list[Mention]
    type: str
    actor: Actor | None = None

    @property
    def name(self) -> str:
        if self.actor is not None:
            return self.actor.name
        return max(self.mentions, key=lambda m: (len(m.words), len(m.text), -m.start)).text

    def words(self) -> set[str]:
        return {w for m in self.mentions for w in m.words}


def close_enough(a: str, b: str) -> bool:
    """Misspelling test on bare match forms (see rule 3)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 2:
        return False  # no limit below allows more
    wa, wb = a.split(), b.split()
    if len(wa) == len(wb) and len(wa) > 1:
        # several words: the same words but one, and that one a misspelling by
        # its own length ("قاسم سليمان" ~ "قاسم سليماني"); two words that differ
        # by two letters are two names ("مجلس الوزراء" / "مجلس الخبراء",
        # "الخارجية المصرية" / "الخارجية القطرية")
        diff = [(x, y) for x, y in zip(wa, wb) if x != y]
        if len(diff) != 1 or split_article(diff[0][0])[1] in EXACT_WORDS or split_article(diff[0][1])[1] in EXACT_WORDS:
            return False  # "الحكومة الكينية" is not "الحكومة الصينية"
        return close_enough(*diff[0])
    n = min(len(a), len(b))
    if n < 6 or (n == 6 and len(a) == len(b)):
        return False  # short words one letter apart are other words ("يوناما" / "يونامي")
    limit = 2 if n >= 10 else 1
    return OSA.distance(a, b, score_cutoff=limit) <= limit


def resolve(mentions: list[Mention], fuzzy_lookup=None) -> list[Entity]:
    """Group mentions (in text order) into entities.

    ``fuzzy_lookup(mention) -> Actor | None`` finds a dictionary actor for a
    mention the exact matcher missed (rule 3 against the dictionary).
    """
    entities: list[Entity] = []
    by_actor: dict[str, Entity] = {}
    # a family name the document gives a person it names in full, whom the
    # dictionary does not list, is that person's — not a listed namesake's
    # ("فهد بن سالم البوسعيدي" … "البوسعيدي" is not بدر البوسعيدي)
    own_surnames = {m.words[-1] for m in mentions if m.type == "PER" and m.actor is None and len(m.words) > 1}
    for m in mentions:
        if m.actor is not None and m.type == "PER" and len(m.words) == 1 and m.words[0] in own_surnames:
            m.actor = None
            m.own = True
    # longer names first so that a surname seen before the full name still links to it
    order = sorted(range(len(mentions)), key=lambda i: (-len(mentions[i].words), mentions[i].start))
    for i in order:
        m = mentions[i]
        if m.actor is None and fuzzy_lookup is not None and not m.own:
            m.actor = fuzzy_lookup(m)
        if m.actor is not None:
            ent = by_actor.get(m.actor.key)
            if ent is None:
                ent = _find_by_words(entities, m)
                if ent is not None and ent.actor is None:
                    ent.actor = m.actor
                    by_actor[m.actor.key] = ent
            if ent is None:
                ent = Entity([], m.actor.type, m.actor)
                entities.append(ent)
                by_actor[m.actor.key] = ent
            ent.mentions.append(m)
            continue
        ent = _find_by_words(entities, m)
        if ent is None:
            ent = Entity([], m.type)
            entities.append(ent)
        ent.mentions.append(m)
    for ent in entities:
        ent.mentions.sort(key=lambda x: x.start)
    entities.sort(key=lambda e: e.mentions[0].start)
    return entities


def _find_by_words(entities: list[Entity], m: Mention) -> Entity | None:
    """Rule 2 and 3 against entities already built (same type only)."""
    words = m.words
    if not words:
        return None
    joined = _joined(m.text)
    size = len(joined)
    for ent in entities:
        if ent.type != m.type:
            continue
        for other in ent.mentions:
            o = _joined(other.text)
            # close_enough() rejects a length difference over 2 before anything else
            if abs(len(o) - size) <= 2 and close_enough(joined, o):
                return ent
        if m.type == "PER" and ent.type == "PER":
            known = ent.words()
            # all words of the mention belong to a longer name; a lone first name
            # ("محمد", "علي") is too common to link on, so single words must be a
            # non-initial (family) name word of that entity
            if len(words) > 1 and all(w in known for w in words):
                return ent
            if len(words) == 1 and any(
                len(o.words) > 1 and words[0] in o.words[1:] for o in ent.mentions
            ):
                return ent
            if len(words) == 1 and any(
                len(o.words) > 1 and close_enough(words[0], o.words[-1]) for o in ent.mentions
            ):
                return ent
    if m.type != "PER" and m.actor is None and len(words) >= 2:
        # rule 4: a shortened name of an organization or place named in full
        # ("وزارة الكهرباء" after "وزارة الكهرباء الاتحادية", "مطار معيتيقة" after
        # "مطار معيتيقة الدولي") — when only one entity's name begins so
        n = len(words)
        found = [ent for ent in entities if ent.type == m.type and any(
            len(o.words) > n and o.words[:n] == words for o in ent.mentions)]
        if len(found) == 1:
            return found[0]
    if m.type == "ORG" and m.actor is None:
        # rule 6: a company by its name without the head noun ("دانة غاز" after "شركة
        # دانة غاز"): the head's noun phrase is the only difference
        from marsad.extract.entities import company_heads

        heads = company_heads()
        found = [ent for ent in entities if ent.type == "ORG" and any(
            len(o.words) == len(words) + 1 and o.words[1:] == words and fold(o.text.split(" ", 1)[0]) in heads
            for o in ent.mentions)]
        if len(found) == 1:
            return found[0]
    if m.type == "ORG" and len(words) == 2:
        # rule 5: an organization by its head and last word ("مفوضية الانتخابات" for
        # "المفوضية العليا المستقلة للانتخابات") — when only one entity's name fits; a
        # dictionary body joins a longer name the dictionary does not know ("الحكومة
        # الصومالية" and "الحكومة الفيدرالية الصومالية"), which then takes its actor
        found = [ent for ent in entities if ent.type == "ORG" and (m.actor is None or ent.actor is None) and any(
            len(o.words) > 2 and o.words[0] == words[0] and o.words[-1] == words[-1] for o in ent.mentions)]
        if len(found) == 1:
            return found[0]
    return None
