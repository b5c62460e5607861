"""Find actor-dictionary names in a document's tokens.

Names are matched on token match forms, so spelling variants that
normalization folds (Persian letters, hamza seats, ة/ه …) need no entry of
their own.  The first token of a name may carry proclitics (و ف ب ل ك, and
ال when the name is listed without it): those are tried through
:func:`marsad.text.segment.clitic_forms` and excluded from the mention span.
Longest match wins.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from marsad.document import Token
from marsad.text.normalize import fold, normalize_with_map
from marsad.text.segment import clitic_forms, tokenize


@dataclass
class Actor:
    """An actor-dictionary entry, as the extractors use it."""

    key: str
    name: str
    name_en: str | None
    type: str
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    variants: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    weak_variants: list[str] = field(default_factory=list)
    tags: tuple[str, ...] = ()

    @classmethod
    def from_entry(cls, e: Any) -> "Actor":
        """Adapt a lexicon entry (object or dict) from :mod:`marsad.lexicons.loader`."""
        get = (lambda k, d=None: e.get(k, d)) if isinstance(e, dict) else (lambda k, d=None: getattr(e, k, d))
        roles = []
        for r in get("roles") or []:
            roles.append(r.get("role") if isinstance(r, dict) else getattr(r, "role", r))
        code = get("code")
        return cls(
            key=get("key") or f"{code or get('type')}:{fold(get('name'))}",
            name=get("name"), name_en=get("name_en"), type=get("type"), code=code,
            country=get("country") or (code[:3] if code else None),
            sector=get("sector") or (code[3:6] if code and len(code) >= 6 else None),
            variants=list(get("variants") or []), roles=[r for r in roles if r],
            weak_variants=list(get("weak_variants") or []),
            tags=tuple(get("tags") or ()),
        )


@dataclass
class Match:
    """A dictionary name found in a document."""

    start: int  # offsets into doc.text, clitics excluded
    end: int
    first: int  # token indices [first, last)
    last: int
    actor: Actor


def name_keys(name: str, type_: str) -> set[tuple[str, ...]]:
    """The token-form tuples under which a name is indexed.

    A person's family name is written with or without the article
    ("علي الخامنئي" / "علي خامنئي"), so for a PER full name both forms are
    indexed.
    """
    toks = tuple(t.norm for t in tokenize(name) if t.norm.strip())
    if not toks:
        return set()
    keys = {toks}
    # only for full names: a lone surname with the article toggled is too often
    # a common word ("مودي" → "المودي" = "المؤدي", "رشق" → "الرشق")
    if type_ == "PER" and len(toks) > 1:
        last = toks[-1]
        alt = last[2:] if last.startswith("ال") and len(last) > 4 else "ال" + last
        keys.add(toks[:-1] + (alt,))
    return keys


class Gazetteer:
    """An index of actor names over token match forms.

    *Weak* variants — forms that are also common words or shared by several
    actors ("الأسد", "عون") — live in a second index, which
    :meth:`find` consults only for actors the caller already knows are in
    the document.
    """

    def __init__(self, actors: Iterable[Actor]) -> None:
        self.index: dict[tuple[str, ...], Actor] = {}
        self.weak: dict[tuple[str, ...], Actor] = {}
        self.weak_actors: set[str] = set()
        #: countries with weak variants ("مالي", also "financial"), by code
        self.weak_countries: dict[str, Actor] = {}
        self.max_len: dict[str, int] = {}
        #: the first two forms of every key of two words or more (strong and weak): when a
        #: word and the next are no such pair, only one-word names can start at the word
        self.pairs: set[tuple[str, str]] = set()
        self.actors: list[Actor] = []
        #: per word form, the splits of it that begin a name (see :meth:`_starts_of`)
        self._starts: dict[str, tuple[tuple[str, str, int], ...]] = {}
        #: changes whenever an actor is added (for callers that cache :meth:`begins_name`)
        self.version = 0
        for actor in actors:
            self.add(actor)

    def add(self, actor: Actor) -> None:
        """Index an actor; a later entry with the same name form wins (user files come last)."""
        self._starts.clear()
        self.version += 1
        self.actors.append(actor)
        for variant in [actor.name, *actor.variants]:
            for key in name_keys(variant, actor.type):
                self.index[key] = actor
                self._note(key)
        if "country" in actor.tags and actor.code and actor.weak_variants:
            self.weak_countries[actor.code] = actor
        for variant in actor.weak_variants:
            self.weak_actors.add(actor.key)
            for key in name_keys(variant, "weak"):
                self.weak.setdefault(key, actor)
                self._note(key)

    def _note(self, key: tuple[str, ...]) -> None:
        """What :meth:`find` knows of an indexed key before looking it up: its length and
        its first two forms."""
        self.max_len[key[0]] = max(self.max_len.get(key[0], 0), len(key))
        if len(key) > 1:
            self.pairs.add(key[:2])

    def _starts_of(self, norm: str) -> tuple[tuple[str, str, int], ...]:
        """The ``(prefix, stem, longest key)`` splits of a word that begin some name.

        Memoized per word form: most words begin no name, and news vocabulary
        repeats, so :meth:`find` mostly pays one dict lookup a token.
        """
        max_len = self.max_len
        got = tuple((prefix, stem, max_len[stem]) for prefix, stem in clitic_forms(norm)
                    if max_len.get(stem))
        if len(self._starts) >= 200_000:
            self._starts.clear()
        self._starts[norm] = got
        return got

    def begins_name(self, norm: str) -> bool:
        """Whether a word (match form) may begin a dictionary name (one of its splits does)."""
        got = self._starts.get(norm)
        return bool(got if got is not None else self._starts_of(norm))

    def lookup(self, name: str) -> Actor | None:
        toks = tuple(t.norm for t in tokenize(name))
        return self.index.get(toks)

    def find(self, tokens: list[Token], present: set[str] | None = None,
             candidates: Sequence[int] | None = None) -> list[Match]:
        """Longest, leftmost, non-overlapping dictionary matches.

        With ``present`` (actor keys already found in the document), weak
        variants of those actors match too.  ``candidates``, if given, lists
        (ascending) the tokens whose word may begin a name (:meth:`begins_name`),
        which a caller that has classified its words already knows: only these
        are looked at.
        """
        matches: list[Match] = []
        n = len(tokens)
        starts = self._starts
        pairs = self.pairs
        norms = [t.norm for t in tokens]
        if candidates is None:
            # the splits that begin a name, per token (one C-level pass over the cache;
            # most tokens begin none and are never looked at again)
            found = list(map(starts.get, norms))
            if None in found:
                found = [self._starts_of(norm) if c is None else c for norm, c in zip(norms, found)]
            candidates = [i for i, c in enumerate(found) if c]
        nxt = 0  # after a match, the next token looked at is the one after it
        for i in candidates:
            if i < nxt:
                continue
            cands = starts.get(tokens[i].norm)
            if cands is None:
                cands = self._starts_of(tokens[i].norm)
            best: tuple[int, Actor, str, str] | None = None
            for prefix, stem, span in cands:
                if prefix.endswith("ال") and ("أل" in tokens[i].text or "إل" in tokens[i].text) \
                        and hamza_alef(tokens[i].text, len(prefix) - 2):
                    continue  # "ألباريس" (Albares) is no article + باريس: the article has no hamza
                if span > 1 and (i + 1 >= n or (stem, norms[i + 1]) not in pairs):
                    span = 1  # no name of two words or more goes on with the next word
                for length in range(min(span, n - i), 0, -1):
                    if length > 1 and tokens[i + length - 1].sentence != tokens[i].sentence:
                        continue
                    key = (stem, *norms[i + 1:i + length])
                    actor = self.index.get(key)
                    if present:
                        # a weak variant of an actor the document names outright wins over
                        # another actor's strong one: "عمان" is Oman in an article that names
                        # "سلطنة عمان", Amman (عمّان) elsewhere (one sense per discourse)
                        weak = self.weak.get(key)
                        if weak is not None and weak.key in present:
                            actor = weak
                    if actor is not None and actor.type == "PER" and prefix.endswith(("ال", "لل")):
                        # names of people are listed as written: stripping an article to
                        # reach one turns common words into names ("المؤدي" → "مودي")
                        actor = None
                    if actor is not None and length == 1 and actor.type == "PER" \
                            and _hamza_clash(tokens[i].text, len(prefix), actor, stem):
                        actor = None
                    if actor is not None:
                        if best is None or length > best[0]:
                            best = (length, actor, prefix, stem)
                        break
            if best is None:
                continue
            length, actor, prefix, stem = best
            cut = len(prefix)
            if prefix.endswith("ل") and stem.startswith("ال") and not tokens[i].norm.startswith(prefix + "ال"):
                # "للحوثيين" = ل + الحوثيين with the article's alef elided: the name
                # as written starts after the fused lam ("حوثيين"; "لليبيا" is ل + ليبيا)
                cut += 1
            start = tokens[i].start + surface_len(tokens[i].text, cut)
            matches.append(Match(start, tokens[i + length - 1].end, i, i + length, actor))
            nxt = i + length
        return matches


_HAMZAS = frozenset("أإؤئء")


def _hamza_clash(surface: str, cut: int, actor: Actor, key: str) -> bool:
    """Does a one-word name written with a hamza inside ("ترأس", presided) meet a
    dictionary name spelled without any ("تراس", Truss)?  Folding makes them one match
    form, but a hamza the text writes inside a word is deliberate: a different word."""
    stem = surface[surface_len(surface, cut):]
    if not any(c in _HAMZAS for c in stem[1:]):
        return False
    spellings = [v for v in (actor.name, *actor.variants) if " " not in v.strip() and fold(v) == key]
    return bool(spellings) and not any(c in _HAMZAS for v in spellings for c in v)


def hamza_alef(surface: str, norm_index: int) -> bool:
    """Whether the match-form letter at ``norm_index`` is written أ/إ/آ in ``surface``."""
    k = surface_len(surface, norm_index)
    return surface[k:k + 1] in ("أ", "إ", "آ")


def surface_len(surface: str, norm_chars: int) -> int:
    """How many characters of ``surface`` produce the first ``norm_chars`` of its match form."""
    if norm_chars <= 0:
        return 0
    norm, mapping = normalize_with_map(surface)
    if not mapping:
        return norm_chars
    if norm_chars >= len(mapping):
        return len(surface)
    return mapping[norm_chars]
