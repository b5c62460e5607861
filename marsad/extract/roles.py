"""Titles, ranks and role phrases around person names.

"صرح رئيس الأركان العامة للقوات المسلحة الإيرانية اللواء محمد باقري" gives
the person the role "رئيس الأركان العامة للقوات المسلحة الإيرانية", the rank
"اللواء", the country IRN (from the nationality adjective) and the sector MIL
(from "الأركان"/"القوات المسلحة").  A role may also follow the name after a
comma ("علي شمخاني، أمين المجلس الأعلى للأمن القومي").

A role phrase starts at a role head noun (رئيس، وزير، أمين، مستشار، قائد،
نظير …, from ``lexicons/titles.yaml``) — the head *nearest* the name, extended
left over heads that stack ("نائب رئيس الوزراء") — and runs up to the name,
inside one clause: it never crosses sentence punctuation.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from marsad.document import Document, Token
from marsad.text.normalize import fold
from marsad.text.segment import clitic_forms, split_article

#: sector precedence when a role phrase holds words of several sectors
SECTOR_ORDER = ["MIL", "SPY", "COP", "JUD", "LEG", "REB", "PTY", "MED", "REL", "GOV", "BUS", "EDU", "NGO", "IGO"]
_CLAUSE_BREAKS = set('.!?؟:؛;"“”«»()[]')
#: prepositions inside a role phrase before its complement ("النائب عن محافظة البصرة")
_ROLE_PREPS = frozenset({fold("عن"), fold("في")})


@dataclass
class Role:
    text: str
    start: int
    end: int
    rank: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass
class RoleLexicon:
    """Word lists that role finding reads (all keys in bare match form)."""

    titles: set[str] = field(default_factory=set)  # ranks and honorifics: اللواء، الشيخ، آية الله
    title_tails: set[str] = field(default_factory=set)  # later words of multiword titles: أول، الركن، الله
    whole_titles: set[str] = field(default_factory=set)  # one-word titles (not first words of longer ones)
    heads: set[str] = field(default_factory=set)  # role head nouns: رئيس، وزير، أمين
    sectors: dict[str, str] = field(default_factory=dict)  # word -> sector
    nationalities: dict[str, str] = field(default_factory=dict)  # adjective -> country code
    bodies: set[tuple[str, ...]] = field(default_factory=set)  # title bodies, as bare word tuples
    body_starts: set[str] = field(default_factory=set)
    _head_cache: dict[tuple[str, str], bool] = field(default_factory=dict, repr=False)
    _title_cache: dict[tuple[str, str], bool] = field(default_factory=dict, repr=False)
    _nat_cache: dict[str, str | None] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls) -> "RoleLexicon":
        return _load_default()

    def _bare(self, tok: Token) -> str:
        return tok.bare

    def is_title(self, tok: Token) -> bool:
        key = (tok.norm, tok.bare)
        hit = self._title_cache.get(key)
        if hit is None:
            hit = tok.norm in self.titles or tok.bare in self.titles or any(
                stem in self.titles for _, stem in clitic_forms(tok.norm)[1:2]
            )
            if len(self._title_cache) < 200_000:
                self._title_cache[key] = hit
        return hit

    def is_whole_title(self, tok: Token) -> bool:
        """A title on its own, not only the first word of a longer one ("الفريق"
        is a rank; "دولة" is a title only in "دولة الرئيس")."""
        return tok.norm in self.whole_titles or tok.bare in self.whole_titles or any(
            stem in self.whole_titles for _, stem in clitic_forms(tok.norm)[1:2]
        )

    def is_title_tail(self, tok: Token) -> bool:
        """A word that continues a title just before it ("الفريق أول", "العميد الركن")."""
        return tok.norm in self.title_tails

    def is_head(self, tok: Token) -> bool:
        key = (tok.norm, tok.bare)
        hit = self._head_cache.get(key)
        if hit is None:
            hit = not self.heads.isdisjoint([stem for _, stem in clitic_forms(tok.norm)]) or tok.bare in self.heads
            if not hit and len(tok.bare) >= 6 and tok.bare.endswith(("ها", "هم")):
                # "ممثلها لدى الأمم المتحدة": a head with a possessive suffix
                hit = tok.bare[:-2] in self.heads
            if len(self._head_cache) < 200_000:
                self._head_cache[key] = hit
        return hit

    def nationality(self, tok: Token) -> str | None:
        cache = self._nat_cache
        if tok.norm in cache:
            return cache[tok.norm]
        found = None
        for _, stem in clitic_forms(tok.norm):
            code = self.nationalities.get(stem) or self.nationalities.get(split_article(stem)[1])
            if code:
                found = code
                break
        if len(cache) < 200_000:
            cache[tok.norm] = found
        return found

    def title_body(self, toks: list[Token], i: int) -> int:
        """How many tokens from ``i`` name a body that belongs to the role head
        just before it ("رئيس هيئة الأركان العامة"); 0 when none does."""
        if i == 0 or toks[i].bare not in self.body_starts or not (
                self.is_head(toks[i - 1]) or toks[i - 1].norm == "باسم"):  # "المتحدث باسم هيئة الأركان"
            return 0
        for length in (3, 2, 1):
            if i + length <= len(toks) and tuple(t.bare for t in toks[i:i + length]) in self.bodies:
                return length
        return 0

    def is_nationality_span(self, toks: list[Token]) -> bool:
        return len(toks) == 1 and self.nationality(toks[0]) is not None and toks[0].bare not in self.heads

    def sector_of(self, toks: list[Token]) -> str | None:
        """The sector a role phrase implies, from its words and two- to four-word
        phrases ("القوات المسلحة", "المدعي العام", "رجل الدين")."""
        found = set()
        for i, t in enumerate(toks):
            for _, stem in clitic_forms(t.norm):
                s = self.sectors.get(stem) or self.sectors.get(split_article(stem)[1])
                if s:
                    found.add(s)
                phrase = stem
                for nxt in toks[i + 1:i + 4]:
                    phrase = f"{phrase} {nxt.norm}"
                    s = self.sectors.get(phrase) or self.sectors.get(split_article(phrase)[1])
                    if s:
                        found.add(s)
        for s in SECTOR_ORDER:
            if s in found:
                return s
        return next(iter(found), None)


def _token_index(doc: Document, offset: int) -> int:
    lo, hi = 0, len(doc.tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc.tokens[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def find_role(doc: Document, mention, lex: RoleLexicon, window: int = 12) -> Role | None:
    """The role phrase (and rank) of the person mentioned at ``mention``."""
    toks = doc.tokens
    i = _token_index(doc, mention.start)
    if i >= len(toks):
        return None
    sent = toks[i].sentence
    j = i - 1
    rank = None
    while j >= 0 and toks[j].sentence == sent and (
            toks[j].text in ",،" or lex.is_title(toks[j]) or lex.is_title_tail(toks[j])):
        if toks[j].text not in ",،":
            rank = toks[j].text if rank is None else f"{toks[j].text} {rank}"
        j -= 1
    role = _role_before(doc, j, sent, lex, window)
    if role is None:
        last = _token_index(doc, mention.end - 1)
        role = _role_after(doc, last + 1, sent, lex, window)
    if role is None:
        if rank is None:
            return None
        return Role(rank, 0, 0, rank=rank, sector=lex.sector_of([t for t in toks[j + 1:i]]))
    role.rank = rank
    return role


def _role_before(doc: Document, j: int, sent: int, lex: RoleLexicon, window: int) -> Role | None:
    toks = doc.tokens
    head = None
    k = j
    while k >= 0 and j - k < window and toks[k].sentence == sent and toks[k].text not in _CLAUSE_BREAKS:
        if toks[k].text in ",،" and k != j:
            break
        if lex.is_head(toks[k]):
            head = k
            if k > 0 and toks[k - 1].sentence == sent and toks[k - 1].norm in _ROLE_PREPS:
                # "النائب عن | محافظة البصرة": a head after عن/في is the object of an outer
                # role's preposition (here the constituency, not a governor): look on
                k -= 2
                continue
            break
        k -= 1
    if head is None:
        return None
    while head > 0 and toks[head - 1].sentence == sent and lex.is_head(toks[head - 1]):
        head -= 1
    end = j
    while end > head and toks[end].text in ",،":
        end -= 1
    return _make_role(doc, head, end, lex)


def _role_after(doc: Document, k: int, sent: int, lex: RoleLexicon, window: int) -> Role | None:
    """"… علي شمخاني، أمين المجلس الأعلى للأمن القومي، …": an appositive after the name."""
    toks = doc.tokens
    if k >= len(toks) or toks[k].text not in ",،" or k + 1 >= len(toks) or not lex.is_head(toks[k + 1]):
        return None
    head = k + 1
    end = head
    while (end + 1 < len(toks) and end + 1 - head < window and toks[end + 1].sentence == sent
           and toks[end + 1].text not in _CLAUSE_BREAKS and toks[end + 1].text not in ",،"):
        end += 1
    return _make_role(doc, head, end, lex)


def _make_role(doc: Document, head: int, end: int, lex: RoleLexicon) -> Role:
    toks = doc.tokens[head:end + 1]
    start = toks[0].start
    # the head may carry a conjunction ("ورئيس"): the role starts at the noun
    for prefix, stem in clitic_forms(toks[0].norm):
        if stem in lex.heads and prefix and not prefix.endswith("ال"):
            from marsad.extract.gazetteer import surface_len

            start += surface_len(toks[0].text, len(prefix))
            break
    country = None
    for t in toks:
        country = lex.nationality(t)
        if country:
            break
    return Role(doc.text[start:toks[-1].end], start, toks[-1].end, country=country, sector=lex.sector_of(toks))


@lru_cache(maxsize=1)
def _load_default() -> RoleLexicon:
    from marsad.lexicons import loader

    titles = loader.load_titles()
    nationalities = loader.load_nationalities()
    lex = RoleLexicon()
    lex.titles = {fold(x) for x in titles.titles}
    lex.title_tails = {w for x in lex.titles for w in x.split()[1:]}
    lex.whole_titles = {x for x in lex.titles if " " not in x}
    lex.whole_titles |= {split_article(x)[1] for x in lex.whole_titles}
    lex.titles = {x for x in lex.titles if " " not in x} | {x.split()[0] for x in lex.titles}
    lex.heads = {split_article(fold(x))[1] for x in titles.heads} | {fold(x) for x in titles.heads}
    lex.bodies = {tuple(split_article(w)[1] for w in fold(b).split()) for b in titles.bodies}
    lex.body_starts = {b[0] for b in lex.bodies}
    lex.sectors = {}
    for word, sector in titles.sectors.items():
        f = fold(word)
        lex.sectors[f] = sector
        lex.sectors[split_article(f)[1]] = sector
    lex.nationalities = {}
    for form, code in nationalities.items():
        f = fold(form)
        lex.nationalities[f] = code
        lex.nationalities[split_article(f)[1]] = code
    return lex
