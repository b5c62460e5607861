"""The quotes component: direct and reported speech with its speaker.

Arabic news reports speech in a few fixed shapes, and this component reads
them as grammar, with the vocabulary in ``lexicons/speech.yaml``:

* a speech verb, its subject, an optional adverbial, then the content:
  "وقال رئيس الأركان اللواء محمد باقري في كلمته إن …", "أكد أن «…»",
  "قال: “…”", "أشار إلى أن …", "شدد على ضرورة …", "ووصف الانتخابات بأنها …";
  the subject may also come first ("مستشار الأمن القومي العراقي وصف …");
* a circumstantial participle adding a statement of the same subject:
  "…، مشدداً على …", "…، لافتاً إلى أن …", "…، واصفاً التنسيق بـ”المثالي”";
* a relay: "نقلت وكالة الأناضول عن مصادر … قولها إن …", "ونقلت عنه توعده …";
* an attribution after the quote: "“…”، حسب قوله", "“…”، قال الوزير",
  "“…”، وفقاً لوكالة ارنا" (the outlet is kept in ``reported_by``), or after a
  clause: "…، بحسب بيان لوزارة الدفاع", "…، وفق ما أفاد به رئيس البلدية فلان";
* a relative clause that quotes: "رفضت ما وصفته بـ«…»" (four words or more);
* a headline "باقري: محور المقاومة سوف …", and a paragraph that is one quote.

The content of reported speech runs from the complementizer (or the object,
or the preposition) to the end of the sentence, or to the next statement of
the sentence ("…، مضيفاً أن …", "… وقال إن …", "…، بحسب ما أفادت …").  The
content of a direct quote is the text between the quotation marks, which may
hold several sentences.  Cue words inside a quotation belong to it.

Speakers, in order:

1. the entity whose mention is the subject of the verb (titles and role words
   may come first: "رئيس اركان القوات المسلحة الايرانية، اللواء محمد باقري"),
   or the antecedent of a relative ("… فالح الفياض الذي أكد …");
2. a role phrase without a name ("مستشار الأمن القومي العراقي") resolved to
   the person who holds the role (``doc.entities[*]["roles"]``, or the words
   written before one of the person's mentions); a continuation verb (أضاف،
   تابع) with an unresolved role keeps the current speaker; otherwise the
   speaker is null and ``speaker_text`` holds the phrase ("مصدر أمني");
3. no subject (pronoun subject, participle, "حسب قوله", an outlet's
   attribution): the current topic — the last speaker, or a later named
   subject of a clause ("وأشاد الفريق ألكسندر بيلوف …، وقال إن …").

Cue words and after-quote phrases are found in one pass over the match forms
of ``doc.tokens`` (set lookups; no per-token loop over the lexicon); after that
only the few tokens around each hit are read, so the component costs a
fraction of a millisecond per article (about 0.2 ms for a 1,700-character
SaudiNewsNet article, 0.4 ms for the speech-dense seeds).

Every record holds the contract fields (``speaker``, ``text``, ``start``,
``end``, ``direct``, ``cue``) and the extensions ``cue_start``/``cue_end``,
``speaker_name``, ``speaker_text`` (the speaker phrase as written when it is
not a name: "مصدر أمني", "مصادر في وزارة الدفاع التركية"), ``reported_by`` /
``reported_by_name`` (the outlet relaying the words) and ``attribution``:
explicit | role | organization | relative | carried | after | headline |
context.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from marsad.document import Document
from marsad.text.normalize import fold
from marsad.text.segment import sentences as split_sentences
from marsad.text.segment import split_article, tokenize

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

SPEECH_FILE = Path(__file__).resolve().parent.parent / "lexicons" / "speech.yaml"

_INTROS = frozenset({"comp", "prep", "object", "comma"})
_CUE_KEYS = frozenset({"forms", "present", "intro", "preps", "continues", "strict", "reporter", "refers",
                       "quoted", "after_comma", "relative", "needs", "note", "only_relative"})
_LIST_SECTIONS = (
    "complementizers", "media_words", "speaker_heads", "titles", "stop_words", "noun_markers",
    "adverbial_starts", "relatives", "clause_openers", "non_subject_nouns", "prepositions", "pronoun_objects",
    "relay_verbs", "recap_openers", "honorific_pronouns", "contrast_openers", "contrast_particles",
    "statement_nouns", "kin_heads", "ma_relatives", "figure_nouns", "meeting_words", "masculine_heads",
    "issuer_words", "document_links", "name_particles",
)


class SpeechLexiconError(ValueError):
    """``speech.yaml`` is malformed."""


@dataclass(frozen=True, slots=True)
class Cue:
    """How a speech verb or participle introduces its content."""

    kind: str  # "verb" | "participle"
    intro: frozenset[str]
    preps: tuple[str, ...] = ()  # folded; "ب" is the attached preposition
    continues: bool = False
    strict: bool = False
    reporter: bool = False
    refers: bool = False
    quoted: bool = False
    after_comma: bool = False
    relative: bool = False  # "ما وصفه بـ«…»": a statement inside a relative clause, when quoted
    needs: frozenset[str] = frozenset()  # a word the content must hold ("حمّله «المسؤولية …»")
    only_relative: bool = False  # "ما سماه بـ«…»": a statement only in a relative clause


@dataclass(frozen=True)
class SpeechLexicon:
    """Everything :class:`QuoteExtractor` reads from ``speech.yaml``, folded."""

    cues: dict[str, Cue]
    after: dict[str, str]  # folded phrase -> "pronoun" | "source"
    complementizers: frozenset[str]
    media_words: frozenset[str]
    speaker_heads: frozenset[str]
    titles: frozenset[str]
    stop_words: frozenset[str]
    noun_markers: frozenset[str]
    adverbial_starts: frozenset[str]
    relatives: frozenset[str]
    clause_openers: frozenset[str]
    non_subject_nouns: frozenset[str]
    prepositions: frozenset[str]
    pronoun_objects: frozenset[str]
    relay_verbs: frozenset[str]
    recap_openers: frozenset[str]
    honorific_pronouns: frozenset[str]
    contrast_openers: frozenset[str]
    contrast_particles: frozenset[str]
    statement_nouns: frozenset[str]
    kin_heads: frozenset[str]
    ma_relatives: frozenset[str]
    figure_nouns: frozenset[str]
    meeting_words: frozenset[str]
    masculine_heads: frozenset[str]
    issuer_words: frozenset[str]
    document_links: frozenset[str]
    name_particles: frozenset[str]
    #: a token's match form -> (proclitic, cue form) for every cue form with
    #: and without و/ف
    cue_tokens: dict[str, tuple[str, str]]
    #: first word of an after-quote phrase (with and without و) ->
    #: [(following words, last word attached, kind)], longest first
    after_first: dict[str, list[tuple[tuple[str, ...], bool, str]]]
    #: every token form that starts something this component looks at
    triggers: frozenset[str]
    #: present-tense cue forms (folded)
    present: frozenset[str]

    @classmethod
    def load(cls, path: Path | str | None = None) -> "SpeechLexicon":
        return _load_lexicon(str(path or SPEECH_FILE))


def _fold_form(form: str) -> str:
    return fold(form.replace("ـ", ""))


@lru_cache(maxsize=4)
def _load_lexicon(path: str) -> SpeechLexicon:
    with open(path, encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=_Loader)
    if not isinstance(data, dict):
        raise SpeechLexiconError(f"{path}: expected a mapping of sections")
    cues: dict[str, Cue] = {}
    present: set[str] = set()
    for section, kind in (("verbs", "verb"), ("participles", "participle")):
        for i, raw in enumerate(data.get(section) or []):
            where = f"{path}: {section} entry {i + 1}"
            if not isinstance(raw, dict) or not raw.get("forms"):
                raise SpeechLexiconError(f"{where}: needs 'forms'")
            bad = set(raw) - _CUE_KEYS
            if bad:
                raise SpeechLexiconError(f"{where}: unknown keys {sorted(bad)}")
            intro = frozenset(raw.get("intro") or ["comp"])
            if not intro <= _INTROS:
                raise SpeechLexiconError(f"{where}: unknown intro {sorted(intro - _INTROS)}")
            preps = tuple(_fold_form(str(p)) for p in raw.get("preps") or [])
            if "prep" in intro and not preps:
                raise SpeechLexiconError(f"{where}: intro 'prep' needs 'preps'")
            cue = Cue(kind, intro, preps, bool(raw.get("continues")), bool(raw.get("strict")),
                      bool(raw.get("reporter")), bool(raw.get("refers")), bool(raw.get("quoted")),
                      bool(raw.get("after_comma")), bool(raw.get("relative")),
                      frozenset(_fold_form(str(w)) for w in raw.get("needs") or []),
                      bool(raw.get("only_relative")))
            pres = [_fold_form(str(f)) for f in raw.get("present") or []]
            present.update(pres)
            for key in [_fold_form(str(f)) for f in raw["forms"]] + pres:
                if key in cues and cues[key] != cue:
                    raise SpeechLexiconError(f"{where}: form {key!r} is listed twice")
                cues[key] = cue
    after: dict[str, str] = {}
    after_first: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}
    for i, raw in enumerate(data.get("after_quote") or []):
        if not isinstance(raw, dict) or not raw.get("phrase") or raw.get("kind") not in ("pronoun", "source"):
            raise SpeechLexiconError(f"{path}: after_quote entry {i + 1}: needs 'phrase' and kind pronoun|source")
        phrase = str(raw["phrase"]).strip()
        key = _fold_form(phrase)
        after[key] = raw["kind"]
        words = key.split()
        entry = (tuple(words[1:]), phrase.endswith("لـ"), raw["kind"])
        for first in (words[0], "و" + words[0]):
            after_first.setdefault(first, []).append(entry)
    for entries in after_first.values():
        entries.sort(key=lambda x: -len(x[0]))
    cue_tokens: dict[str, tuple[str, str]] = {}
    for form in cues:
        for clitic in ("و", "ف"):
            cue_tokens.setdefault(clitic + form, (clitic, form))
    for form in cues:  # the bare form wins: "وصف" is وصف, "ووصف" is و + وصف
        cue_tokens[form] = ("", form)
    lists: dict[str, frozenset[str]] = {}
    for name in _LIST_SECTIONS:
        items = data.get(name) or []
        if not isinstance(items, list):
            raise SpeechLexiconError(f"{path}: {name} must be a list")
        lists[name] = frozenset(_fold_form(str(x)) for x in items)
    # heads and outlets are looked up without the article too
    for name in ("speaker_heads", "media_words"):
        lists[name] = lists[name] | {split_article(h)[1] for h in lists[name]}
    lists["speaker_heads"] = lists["speaker_heads"] | lists["media_words"]  # outlets speak too
    return SpeechLexicon(
        cues=cues,
        after=after,
        cue_tokens=cue_tokens,
        after_first=after_first,
        triggers=frozenset(cue_tokens) | frozenset(after_first) | {'"'}
        | lists["document_links"] | {"و" + w for w in lists["document_links"]},
        present=frozenset(present),
        **lists,
    )


# --------------------------------------------------------------------------

_PUNCT_END = " \t\n\r،,.؛;:!؟?-–—"
_QUOTE_CHARS = frozenset('"“”«»„‟″〝〞＂')
_QUOTE_CLOSERS = {"“": "”“", "«": "»", "»": "«", "„": "“”", '"': '"', "”": "”", "‟": "”", "〝": "〞", "＂": "＂"}
_PRONOUN_AN = {"عنه": "m", "عنها": "f", "عنهم": "p", "عنهما": "p"}
_PRONOUN_ILA = {"اليه": "m", "اليها": "f", "اليهم": "p", "اليهما": "p"}
# "نقل عن X قوله/تأكيده إن …": a verbal noun of speech with the speaker's pronoun
_QAWL = frozenset(fold(w) for w in (
    "قوله", "قولها", "قولهم", "قولهما", "تصريحه", "تصريحها", "تأكيده", "تأكيدها", "تأكيدهم",
    "تشديده", "تشديدها", "إشارته", "إشارتها"))
_COMMAS = frozenset("،,")
_WORDS = re.compile(r"[^\W_]+")
#: a preposition with a pronoun that completes a participle inside a role phrase
_ROLE_LINKS = frozenset(fold(w) for w in ("بها", "به", "بهم", "منه", "منها", "لها", "له", "عليها", "عليه"))
#: dual subjects that name two parties (match form without the article), and the
#: entity types to look for, in order of preference
_DUAL_PARTIES: dict[str, tuple[tuple[str, ...], ...]] = {
    **{fold(w): (("PER",),) for w in ("وزيران", "رئيسان", "زعيمان", "قائدان", "مسؤولان")},
    **{fold(w): (("LOC",),) for w in ("بلدان", "دولتان")},
    **{fold(w): (("PER",), ("ORG", "LOC")) for w in ("جانبان", "طرفان")},
}

Tok = tuple  # (start, end, norm) in doc.text offsets


@dataclass
class _After:
    """An after-quote phrase ("حسب قوله", "وفقاً لوكالة ارنا") and its source."""

    start: int
    end: int  # end of the phrase, then of the source phrase once parsed
    kind: str
    phrase_end: int = -1
    ent: str | None = None
    media: bool = False
    text: str | None = None
    span: tuple[int, int] | None = None
    parsed: bool = False
    used: bool = False


@dataclass
class _Rec:
    cue_s: int  # the cue as written (with its proclitic), offsets into doc.text
    cue_e: int
    cue: Cue | None
    sent: int
    start: int = -1
    end: int = -1
    direct: bool = False
    fixed: bool = False  # the end is the closing quotation mark
    boundary: bool = True  # starts a new statement: ends the content before it
    intro: str = ""
    mode: str = "carry"  # explicit | np | carry | pron
    speaker: str | None = None
    speaker_pos: int = -1
    np: tuple[int, int] | None = None
    speaker_text: str | None = None
    attribution: str = ""
    reported_by: str | None = None
    reported_by_text: str | None = None
    pron: str = ""  # gender of the pronoun in "نقل عنه"
    quote: tuple[int, int] | None = None  # the quotation that is the content
    plural: bool = False
    fem: bool = False
    present: bool = False
    clause_s: int = -1  # where the statement's clause starts ("بينما رأى …")
    speakers: tuple[str, ...] = ()  # a joint statement: "وأكد الجانبان …"


#: heads of speaker phrases that keep their speaker unnamed ("مصدر أمني")
_UNNAMED_SOURCES = frozenset({"مصدر", "مصادر", "مسوولون", "مسوولين", "شهود", "سكان", "مراقبون"})
#: role nouns that refer back to any role in an apposition ("وأوضح المسؤول، فلان")
_GENERIC_ANAPHORS = frozenset({"مسوول"})


class _Doc:
    """One document's text, tokens, sentences, quotations and mentions."""

    def __init__(self, doc: Document, lex: SpeechLexicon) -> None:
        text = self.text = doc.text
        sents = doc.sentences or split_sentences(text)
        self.sents = [(s.start, s.end) for s in sents] or [(0, len(text))]
        self.sent_starts = [s for s, _ in self.sents]
        self.tokens = doc.tokens or tokenize(text, sents)
        self.tstarts = [t.start for t in self.tokens]
        self.ents = {e.get("id"): e for e in doc.entities}
        self.entities = doc.entities
        # one pass over the tokens: quotation marks, cue words, after-quote phrases
        triggers = lex.triggers
        self.hits = [(i, t) for i, t in enumerate(self.tokens) if t.norm in triggers]
        self.pairs: list[tuple[int, int]] = []
        opened, want = -1, ""
        for _i, t in self.hits:
            if t.norm != '"':
                continue
            ch = text[t.start]
            if opened >= 0 and "\n" in text[opened:t.start]:
                opened = -1
            if opened < 0:
                opened, want = t.start, _QUOTE_CLOSERS.get(ch, '"')
            elif ch in want:
                self.pairs.append((opened, t.start))
                opened = -1
        self.pair_starts = [a for a, _ in self.pairs]
        self.open_at = {a: (a, b) for a, b in self.pairs}
        self.close_at = {b: (a, b) for a, b in self.pairs}
        ments = []
        for e in doc.entities:
            for m in e.get("mentions") or ():
                ments.append((m["start"], m["end"], e.get("id"), e.get("type")))
        ments.sort()
        self.ments = ments
        self.ment_starts = [m[0] for m in ments]
        self.cue_starts: set[int] = set()
        self.after_at: dict[int, _After] = {}
        self.role_sources: list | None = None
        self.genders: dict[str, str | None] = {}
        #: sentences that only say where the preceding statements were made
        #: ("جاء ذلك في كلمة له …، وفقاً لوكالة ارنا")
        self.recaps: set[int] = set()
        for si, (ss, se) in enumerate(self.sents):
            i = bisect.bisect_left(self.tstarts, ss)
            two = " ".join(t.norm for t in self.tokens[i:i + 2] if t.start < se)
            if two in lex.recap_openers:
                self.recaps.add(si)

    def sent_of(self, i: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, i) - 1)

    def quote_around(self, i: int) -> tuple[int, int] | None:
        k = bisect.bisect_right(self.pair_starts, i) - 1
        if k >= 0:
            a, b = self.pairs[k]
            if a < i < b:
                return a, b
        return None

    def mention_in(self, s: int, e: int):
        """The first mention starting inside ``[s, e)``."""
        k = bisect.bisect_left(self.ment_starts, s)
        if k < len(self.ments) and self.ments[k][0] < e:
            return self.ments[k]
        return None

    def mention_covering(self, s: int):
        k = bisect.bisect_right(self.ment_starts, s) - 1
        stop = max(-1, k - 6)
        while k > stop:
            m = self.ments[k]
            if m[0] <= s < m[1]:
                return m
            k -= 1
        return None

    def toks(self, a: int, b: int, limit: int = 40) -> list[Tok]:
        i = bisect.bisect_left(self.tstarts, a)
        j = min(bisect.bisect_left(self.tstarts, b, i), i + limit)
        return [(t.start, t.end, t.norm) for t in self.tokens[i:j]]

    def toks_before(self, pos: int, floor: int, limit: int = 12) -> list[Tok]:
        j = bisect.bisect_left(self.tstarts, pos)
        i = max(bisect.bisect_left(self.tstarts, floor, 0, j), j - limit)
        return [(t.start, t.end, t.norm) for t in self.tokens[i:j]]


@lru_cache(maxsize=65536)
def _attached_ba(w: str) -> bool:
    """Is the initial ب of ``w`` the attached preposition?  "بمقتل", "بوقف",
    "بالإفراج" are بـ + noun; "بيان", "برنامج", "بلاده" are words of their own.
    Without the article the word list decides: the rest must be at least as
    common as the whole word (wordfreq, offline)."""
    if w[1:3] == "ال":
        return True
    from wordfreq import zipf_frequency

    return zipf_frequency(w[1:], "ar") >= zipf_frequency(w, "ar")


def _org_heads() -> frozenset[str]:
    """Head nouns of organization names (the entity lexicon ``org_heads.txt``;
    imported late: the entity module is heavy and optional for this one)."""
    from marsad.extract.entities import org_heads

    return org_heads()


@lru_cache(maxsize=1)
def _person_heads() -> frozenset[str]:
    """Head nouns of a person's role (``role_heads`` of ``titles.yaml``: وزير،
    ممثل، المتحدث …), without the bodies, statements and groups that also head
    a speaker phrase in ``speech.yaml``."""
    from marsad.lexicons.loader import load_titles

    forms = {fold(f).split()[0] for f in load_titles().heads}
    return frozenset(forms | {split_article(f)[1] for f in forms})


def _is_word(w: str) -> bool:
    return w[:1].isalnum()


class QuoteExtractor:
    """Pipeline component: fills ``doc.quotes`` (the JSON contract's list).

    Each record holds the contract fields ``speaker`` (entity id or None),
    ``text``, ``start``, ``end`` (the content, offsets into ``doc.text``),
    ``direct`` and ``cue`` (as written), and the extensions ``cue_start`` /
    ``cue_end``, ``speaker_name``, ``speaker_text`` (a speaker phrase that
    names no entity: "مصدر أمني"), ``reported_by`` (entity id of the outlet
    relaying the words) with ``reported_by_name``, and ``attribution``: how the
    speaker was found (explicit | role | relative | carried | after |
    headline | context).
    """

    name = "quotes"
    OPTIONS = ("lexicon", "headlines")

    def __init__(self, lexicon: Path | str | None = None, headlines: bool = True) -> None:
        self.lex = SpeechLexicon.load(lexicon)
        self.headlines = headlines

    # -- word classes -------------------------------------------------------
    @staticmethod
    def _in(w: str, words: frozenset[str]) -> bool:
        return w in words or (len(w) > 2 and w[0] in "وف" and w[1:] in words)

    def _is_head(self, w: str) -> bool:
        heads = self.lex.speaker_heads
        return (w in heads or split_article(w)[1] in heads
                or (len(w) > 3 and w[0] in "وف" and w[1:] in heads)
                # with a possessive pronoun: "ممثلها", "رئيسهم" (ه alone would be ة)
                or (len(w) > 4 and w[-2:] in ("ها", "هم") and w[:-2] in heads))

    def _is_title(self, w: str) -> bool:
        return self._in(w, self.lex.titles)

    def _is_prep(self, w: str, preps: tuple[str, ...]) -> bool:
        for p in preps:
            if p == "ب":
                if len(w) > 2 and w[0] == "ب" and w not in self.lex.complementizers and _attached_ba(w):
                    return True
            elif w == p or (p == "الي" and w == "الى"):
                return True
        return False

    # -- component ----------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        if not doc.text:
            doc.quotes = []
            return doc
        d = _Doc(doc, self.lex)
        doc.quotes = [self._record(d, r) for r in self._find(d)]
        return doc

    def _find(self, d: _Doc) -> list[_Rec]:
        lex = self.lex
        hits = []
        links = []
        toks = d.tokens
        for i, t in d.hits:
            n = t.norm
            if n == '"' or d.quote_around(t.start):
                continue
            if n in lex.document_links or (n[:1] == "و" and n[1:] in lex.document_links):
                links.append(t)
                continue
            cue = lex.cue_tokens.get(n)
            if cue is not None and cue[0] and lex.cues[cue[1]].after_comma and i > 0 \
                    and self._feminine_noun_before(d, toks[i - 1]):
                cue = None  # "جلسة وداعية" (farewell), "زيارة ومؤكدة": an adjective of the noun before it
            if cue is not None:
                hits.append((t.start, t.end, cue[0], cue[1]))
                d.cue_starts.add(t.start)
            for rest, attached, kind in lex.after_first.get(n, ()):
                k = len(rest)
                nxt = toks[i + 1:i + 1 + k]
                if len(nxt) < k:
                    continue
                if attached:
                    ok = all(a.norm == w for a, w in zip(nxt[:-1], rest[:-1])) and \
                        nxt[-1].norm.startswith(rest[-1]) and len(nxt[-1].norm) > len(rest[-1]) + 1
                    if ok:  # "وفقاً لوكالة": the source starts inside the last token
                        pe = nxt[-1].start + len(rest[-1])
                        d.after_at[t.start] = _After(t.start, nxt[-1].start, kind, pe)
                        break
                elif all(a.norm == w for a, w in zip(nxt, rest)):
                    e = nxt[-1].end if nxt else t.end
                    d.after_at[t.start] = _After(t.start, e, kind, e)
                    break
        consumed: set[tuple[int, int]] = set()
        recs: list[_Rec] = []
        for hit in hits:
            r = self._parse_cue(d, hit, consumed)
            if r is not None:
                recs.append(r)
        for t in links:
            r = self._document_quote(d, t, consumed)
            if r is not None:
                recs.append(r)
                d.cue_starts.add(t.start)
        cuts: list[_After] = []
        for a in list(d.after_at.values()):
            self._parse_after(d, a, recs, consumed, cuts)
        self._sentence_quotes(d, recs, consumed)
        if self.headlines:
            self._headline(d, recs)
        recs.sort(key=lambda r: r.cue_s)
        # one word is not a statement: in "أسيرين محررين وطالبا جامعيا، لافتا …"
        # وطالبا is a student, not "the two demanded"; it must not cut the
        # statement before it either
        cue_pos = [r.cue_s for r in recs]
        recs = [r for r in recs if r.fixed or r.start < 0 or self._has_words(d, r, cue_pos)]
        recs = self._ends(d, recs, cuts)
        # an object or a prepositional phrase of fewer than four words is no statement:
        # the object of an act ("أعلنت رفضها القاطع للقرار", "أعربت عن قلق بالغ",
        # "أدان «العدوان الغاشم»"); after a complementizer or a colon two words are
        recs = [r for r in recs if len(_WORDS.findall(d.text[r.start:r.end], 0, 80))
                >= (2 if r.intro in ("comp", "colon", "") or r.cue is None else 4)]
        self._speakers(d, recs)
        return recs

    @staticmethod
    def _feminine_noun_before(d: _Doc, prev) -> bool:
        """An indefinite word in ة right before: a noun the next form may qualify."""
        w = prev.norm
        return _is_word(w) and d.text[prev.end - 1] == "ة" and not split_article(w)[0]

    # -- cues ---------------------------------------------------------------
    def _parse_cue(self, d: _Doc, hit: tuple, consumed: set) -> _Rec | None:
        lex = self.lex
        cs, ce, prefix, form = hit
        cue = lex.cues[form]
        si = d.sent_of(cs)
        ss, se = d.sents[si]
        before = d.toks_before(cs, ss, 3)
        prev = before[-1][2] if before else ""
        # "ما وصفه بـ«…»", "التهمة التي وصفتها الجزائر بأنها «…»": a relative clause
        # that quotes words of its own (checked once the content is read)
        relative = cue.relative and not prefix and (
            prev in lex.ma_relatives or (prev in lex.relatives and self._named_next(d, ce, se)))
        if cue.only_relative and not relative:
            return None  # "وسمى الرئيس فلاناً …" names, it does not say
        if not prefix and not relative and (prev in lex.noun_markers or prev[:1].isdigit()):
            return None  # "في وصف …", "103 طالب": a noun
        if cue.after_comma and not prefix and prev not in _COMMAS:
            return None  # "لافتة", "معلومات مؤكدة": a noun or an adjective
        describes = (form in lex.present and not prefix and prev and _is_word(prev) and prev not in lex.clause_openers
                     and not self._is_head(prev) and not self._is_title(prev)
                     and d.mention_covering(before[-1][0]) is None)
        rec = _Rec(cs, ce, cue, si)
        rec.plural = form.endswith("وا") or form.endswith("ون")
        rec.present = form in lex.present
        rec.fem = self._fem_or_plural(form) and not rec.plural
        if prev in lex.clause_openers and prev not in ("كان", "كانت", "وكان", "وكانت", "قد", "وقد", "فقد"):
            rec.clause_s = before[-1][0]
        rec.boundary = bool(
            cue.kind == "participle" or prefix or not prev or not _is_word(prev)
            or prev in lex.clause_openers or prev in lex.relatives
        )
        toks = d.toks(ce, se, 48)
        if relative:
            return self._relative_quote(d, rec, toks, consumed)
        if prev in lex.relatives and not prefix and len(before) >= 2:
            if before[-2][2] in _COMMAS and len(before) >= 3:
                before = before[:-2] + before[-1:]  # "ماركو فيلاني، الذي أبدى …": the name before the comma
            ant = d.mention_covering(before[-2][0]) or d.mention_in(before[-2][0], before[-2][1])
            if ant is not None and ant[3] in ("PER", "ORG"):
                rec.mode, rec.speaker, rec.speaker_pos, rec.attribution = "explicit", ant[2], ant[0], "relative"
            elif not self._is_head(before[-2][2]):
                return None  # "الاحتجاجات التي دعت إليها …": the clause describes a thing
        if cue.reporter:
            if rec.attribution == "relative":
                # "بيان للمكتب الإعلامي، الذي نقل عن السوداني تأكيده أن …": the antecedent relays
                rec.reported_by, rec.speaker, rec.mode, rec.attribution = rec.speaker, None, "carry", ""
            return self._parse_relay(d, rec, toks, consumed)
        k = 0
        if cue.kind == "verb" and rec.mode == "carry" and not prefix and "object" in cue.intro:
            # "منظمة العفو الدولية اتهمت السلطات المصرية بـ…": a transitive verb whose
            # clause opens with a named subject; the name after it is its object
            self._subject_before(d, rec, ss)
            if rec.mode != "explicit":
                rec.mode, rec.np, rec.speaker_pos = "carry", None, -1
        if cue.kind == "verb" and rec.mode == "carry" and not self._continues_clause(d, rec, prefix, ss):
            k = self._subject(d, rec, toks, 0)
            if rec.mode == "carry" and not prefix:
                self._subject_before(d, rec, ss)
        if cue.kind == "verb" and rec.mode == "carry" and k == 0 and not describes:
            k = self._subject_to_comp(d, rec, toks)
        if self._after_closing_quote(d, rec):
            # "«…»، هكذا أكد الناطق …", "«…»، تقول حليمة …": the quotation before is the content
            got = self._post_quote(d, rec, consumed)
            if got is not None:
                return got
        intro = self._intro(d, rec, toks, k)
        if describes and (intro is None or intro[0] != "comp"):
            return None  # "هتافات تطالب بإقالة الوزير": the verb describes the noun before it
        if intro is None:
            return self._post_quote(d, rec, consumed)
        if not self._content_start(d, rec, toks, intro, consumed):
            return None
        return rec

    def _statement_word(self, w: str) -> bool:
        """A statement noun in any form: "بياناً", "البيان", "بيانها", "رسالتها"."""
        nouns = self.lex.statement_nouns
        bare = split_article(w)[1]
        if bare in nouns or (bare.endswith("ا") and bare[:-1] in nouns):
            return True
        for suffix in ("هم", "ها", "ه"):
            if bare.endswith(suffix) and len(bare) > len(suffix) + 2:
                stem = bare[:-len(suffix)]
                if stem in nouns or (stem.endswith("ت") and stem[:-1] + "ه" in nouns):
                    return True
        return False

    def _document_quote(self, d: _Doc, t, consumed: set) -> _Rec | None:
        """"أصدرت الرئاسة بياناً جاء فيه أن «…»", "وجاء في البيان أن …", "وجاء في
        بيان للوزارة أن …": what a document says is the statement of its issuer,
        named in the document's phrase, else after "باسم" ("بياناً باسم زعيم
        التيار جاء فيه"), else the subject of the clause that issued it (carried)."""
        lex = self.lex
        si = d.sent_of(t.start)
        ss, se = d.sents[si]
        toks = d.toks(t.end, se, 30)
        if len(toks) < 3:
            return None
        rec = _Rec(t.start, t.end, None, si)
        named = None
        if toks[0][2] in ("فيه", "فيها"):
            before = d.toks_before(t.start, ss, 6)
            j = len(before) - 1
            while j >= 0 and not self._statement_word(before[j][2]):
                if not _is_word(before[j][2]) or before[j][0] in d.cue_starts:
                    return None
                j -= 1
            if j < 0:
                return None
            rest = before[j + 1:]
            if rest and rest[0][2] == "باسم" and len(rest) > 1:
                # "بياناً باسم زعيم التيار جاء فيه": the one in whose name it is issued
                named = d.mention_in(rest[1][0], rest[-1][1])
                if named is None:
                    rec.mode, rec.np, rec.speaker_pos = "np", (rest[1][0], rest[-1][1]), rest[1][0]
            k = 1
        elif toks[0][2] == "في" and self._statement_word(toks[1][2]):
            k = 2
            while k < len(toks) and k < 14 and toks[k][2] not in lex.complementizers and toks[k][2] not in ':"':
                s, e, w = toks[k]
                if not _is_word(w) or s in d.cue_starts:
                    return None
                if w in ("الي", "لدي"):
                    named = named or False  # the addressee is no issuer
                ment = d.mention_in(s, e)
                if named is None and ment is not None and ment[0] >= s and ment[3] in ("PER", "ORG"):
                    named = ment
                k = self._skip_to(toks, k + 1, ment[1]) if ment is not None else k + 1
        else:
            return None
        if named:
            rec.mode, rec.speaker, rec.speaker_pos, rec.attribution = "explicit", named[2], named[0], "explicit"
        if k >= len(toks):
            return None
        s, _e, w = toks[k]
        if w in lex.complementizers:
            intro = ("comp", k)
        elif w == ":":
            intro = ("colon", k)
        elif w == '"' and s in d.open_at:
            intro = ("quote", k)
        else:
            return None
        if not self._content_start(d, rec, toks, intro, consumed):
            return None
        return rec

    @staticmethod
    def _named_next(d: _Doc, pos: int, se: int) -> bool:
        """Is the word after ``pos`` a name (the verb's own subject: "التي وصفتها الجزائر")?"""
        nxt = d.toks(pos, se, 1)
        ment = d.mention_in(nxt[0][0], nxt[0][1]) if nxt else None
        return ment is not None and ment[0] == nxt[0][0]

    def _relative_quote(self, d: _Doc, rec: _Rec, toks: list[Tok], consumed: set) -> _Rec | None:
        """"رفضت … ما وصفته بـ«التدخل السافر في الشأن القضائي»", "ما وصفه الكعبي
        بـ"…"", "التي وصفتها الجزائر بأنها "…"": the quotation (four words or more)
        right after بـ or the complementizer is the statement of the verb's subject,
        named after it or the one talked about; without one it only describes."""
        rec.boundary = True
        k = self._subject(d, rec, toks, 0)
        if k < len(toks) and (toks[k][2] in ("ب", "بـ") or toks[k][2] in self.lex.complementizers):
            k += 1
        if k >= len(toks) or toks[k][2] != '"' or toks[k][0] not in d.open_at:
            return None
        q = d.open_at[toks[k][0]]
        if q in consumed or not self._long_quote(d, q, 4):
            return None
        consumed.add(q)
        rec.start, rec.end, rec.direct, rec.fixed, rec.quote = q[0] + 1, q[1], True, True, q
        rec.intro = "quote"
        return rec

    def _continues_clause(self, d: _Doc, rec: _Rec, prefix: str, ss: int) -> bool:
        """"وندد المتحدث … آزاد مستو بالغارات، واتهم أنقرة بـ…": a transitive verb
        joined with و to a sentence whose subject is already named keeps that
        subject; the name after it is its object."""
        cue = rec.cue
        if not prefix or cue is None or "object" not in cue.intro or rec.cue_s <= ss:
            return False
        if self._object_stem(fold(d.text[rec.cue_s:rec.cue_e])[len(prefix):]) is not None:
            return False  # "واعتبره الترهوني …": the verb has its object (ه); the name is its subject
        nxt = d.toks(rec.cue_e, d.sents[rec.sent][1], 1)
        if nxt:
            w = nxt[0][2]
            for suffix in ("ها", "هم", "ه"):
                # "…، واتهم ممثلها لدى الأمم المتحدة …": a role of the one just named
                # ("its representative") is the verb's own subject
                if w.endswith(suffix) and len(w) > len(suffix) + 2 and self._is_head(w[:-len(suffix)]):
                    return False
        k = bisect.bisect_left(d.ment_starts, ss)
        while k < len(d.ments) and d.ments[k][0] < rec.cue_s:
            m = d.ments[k]
            if m[3] in ("PER", "ORG") and not d.quote_around(m[0]) and self._is_subject(d, m):
                # "رفضت الحكومة الإسرائيلية …، واعتبر مكتب رئيس الوزراء …": a verb that
                # disagrees with the subject named before has a subject of its own
                return not self._disagrees(d, cue, rec.fem or rec.plural, m, rec.fem)
            k += 1
        return False

    def _subject(self, d: _Doc, rec: _Rec, toks: list[Tok], k: int) -> int:
        """Parse the subject after a verb at ``toks[k]``; return the index after it.

        A mention right after the verb is the speaker; a role phrase ("رئيس
        اركان القوات المسلحة الايرانية، اللواء محمد باقري") is the role of the
        name that follows it, else a speaker phrase of its own.
        """
        lex = self.lex
        n = len(toks)
        if k >= n:
            return k
        s, e, w = toks[k]
        if w in lex.honorific_pronouns:
            return k + 1  # "وأكد سموه أن …": the person already talked about
        if w in ("هذه", "هذا", "هولاء") and k + 1 < n and self._is_head(toks[k + 1][2]):
            # "واوضحت هذه المصادر أنه …": the speaker already named, by a demonstrative
            end = self._np_end(d, toks, k + 1)
            rec.mode, rec.np, rec.speaker_pos = "np", (s, toks[end - 1][1]), s
            return end
        ment = d.mention_in(s, e)
        if ment is None and w in lex.name_particles and k + 1 < n:
            # "ويشير ولد الداه إلى أن …": a person's name opened by ولد/بن/أبو that the
            # entity step found without its first word
            nm = d.mention_in(toks[k + 1][0], toks[k + 1][1])
            if nm is not None and nm[3] == "PER" and nm[0] == toks[k + 1][0]:
                rec.mode, rec.speaker, rec.speaker_pos, rec.attribution = "explicit", nm[2], s, "explicit"
                return self._skip_to(toks, k + 1, nm[1])
        # a name that starts with the letter ب is not the preposition بـ:
        # "وطالب برنامج الأغذية العالمي …" (the mention starts at the word itself)
        named = ment is not None and ment[0] == s
        if (not _is_word(w) or w in lex.complementizers or self._in(w, lex.stop_words)
                or s in d.cue_starts or s in d.after_at
                or (rec.cue is not None and not named and self._is_prep(w, rec.cue.preps))):
            return k
        if ment is not None:
            if self._object_not_subject(d, rec, ment):
                return k
            if ment[0] > s and any(c in d.text[s:ment[0]] for c in "لبك"):
                # "وقال لوكالة الأنباء الليبية إن …", "وقال لقناة المملكة": a body after an
                # attached preposition is the one spoken to, not the speaker
                return k
            rec.mode, rec.speaker, rec.speaker_pos, rec.attribution = "explicit", ment[2], ment[0], "explicit"
            return self._skip_to(toks, k, ment[1])
        if split_article(w)[0].endswith("ال") and split_article(w)[1] in _DUAL_PARTIES and w.endswith(("ان", "تان")):
            # "وأكد الرئيسان أن …" (a subject is nominative: not "البلدين")
            rec.mode, rec.np, rec.speaker_pos = "np", (s, e), s
            return k + 1
        if not (self._is_head(w) or self._is_title(w)):
            pre, bare = split_article(w)
            if pre.endswith("ال") and bare.endswith("ون") and len(bare) > 4:
                # a sound masculine plural in the nominative is the subject:
                # "وطالب المحتجون بـ…" (the object would be "المحتجين")
                end = self._np_end(d, toks, k)
                rec.mode, rec.np, rec.speaker_pos = "np", (s, toks[end - 1][1]), s
                return end
            if pre.endswith("ال") and rec.present and k + 1 < n and (
                    toks[k + 1][2] in lex.complementizers
                    or (rec.cue is not None and self._is_prep(toks[k + 1][2], rec.cue.preps))):
                # "وتشير التقديرات إلى أن …", "وتقول الرواية الرسمية إن …": a present
                # tense with a definite noun of its own is that noun's, no one's carried
                rec.mode, rec.np, rec.speaker_pos = "np", (s, e), s
                return k + 1
            return k
        end = self._np_end(d, toks, k)
        j = end
        while j < n and j - end < 6:
            w = toks[j][2]
            if w in _COMMAS or (_is_word(w) and self._is_title(w)):
                j += 1
                continue
            if w in ("في", "الي", "لدي") and j + 1 < n:  # "… ورئيس البعثة في ليبيا، ماركو بيلليني"
                ment = d.mention_in(toks[j + 1][0], toks[j + 1][1])
                if ment is not None and ment[3] in ("LOC", "ORG") and ment[0] == toks[j + 1][0]:
                    j = self._skip_to(toks, j + 1, ment[1])
                    continue
            break
        lim = toks[j][1] if j < n else toks[-1][1]
        i = bisect.bisect_left(d.ment_starts, s)
        if self._kin(toks[k][2]) == "genitive":
            # "والد الرهينة توميسلاف سالوبيك": the relative; only a name after a comma speaks
            comma = next((t[1] for t in toks[k:j] if t[2] in _COMMAS), None)
            if comma is None:
                i = len(d.ments)
            else:
                i = bisect.bisect_left(d.ment_starts, comma)
        while i < len(d.ments) and d.ments[i][0] < lim:
            ment = d.ments[i]
            if ment[3] == "PER" and not d.quote_around(ment[0]) \
                    and not (ment[0] > 0 and d.text[ment[0] - 1] == "ل"):
                # (not after an attached ل: "المدير العام لسوناطراك" names the body, not the holder)
                rec.mode, rec.speaker, rec.speaker_pos, rec.attribution = "explicit", ment[2], ment[0], "explicit"
                return self._skip_to(toks, k, ment[1])
            i += 1
        if end > k:
            end = self._name_after(d, toks, end)
            rec.mode, rec.np, rec.speaker_pos = "np", (s, toks[end - 1][1]), s
        return end

    def _subject_to_comp(self, d: _Doc, rec: _Rec, toks: list[Tok], limit: int = 12) -> int:
        """A subject the word lists do not know, closed by the complementizer:
        "أكد المصرفي المعروف إبراهيم السبيعي، أن …".  The words between the
        verb and أن/إن are the subject when they end with a comma or name a
        person or organization, and hold no preposition, particle or cue;
        return the index of the complementizer (0 when there is none)."""
        lex = self.lex
        if (not toks or not _is_word(toks[0][2]) or d.quote_around(toks[0][0])
                or self._in(toks[0][2], lex.stop_words) or self._in(toks[0][2], lex.adverbial_starts)):
            return 0  # "وقال في تصريحات نقلتها وكالة …": an adverbial, not a subject
        for j in range(1, min(limit, len(toks))):
            s, e, w = toks[j]
            if w in lex.complementizers:
                break
            if (s in d.cue_starts or s in d.after_at or (not _is_word(w) and w not in _COMMAS)
                    or self._in(w, lex.stop_words) or w in lex.relatives):
                return 0
        else:
            return 0
        words = toks[:j]
        comma = words[-1][2] in _COMMAS
        while words and words[-1][2] in _COMMAS:
            words = words[:-1]
        if not words or any(t[2] in _COMMAS for t in words):
            return 0
        span = (words[0][0], words[-1][1])
        named = None
        i = bisect.bisect_left(d.ment_starts, span[0])
        while i < len(d.ments) and d.ments[i][0] < span[1]:
            if d.ments[i][3] in ("PER", "ORG") and (named is None or d.ments[i][3] == "PER" != named[3]):
                named = d.ments[i]
            i += 1
        if named is not None:
            rec.mode, rec.speaker, rec.speaker_pos, rec.attribution = "explicit", named[2], named[0], "explicit"
        elif comma and (split_article(words[0][2])[0] == "ال"
                        or any(self._is_head(t[2]) or self._is_title(t[2]) for t in words[1:])):
            # "أكد المصرفي المعروف …، أن", "وأكد علي المهاشير عضو المجلس المحلي، أن"
            rec.mode, rec.np, rec.speaker_pos = "np", span, span[0]
        else:
            return 0
        return j

    def _name_after(self, d: _Doc, toks: list[Tok], j: int) -> int:
        """A name no entity covers, written after a role or title ("وزير الدفاع
        التركي أورهان تكين في …"): one to three plain words ending at a
        preposition, a complementizer or punctuation (or two words before the
        object of the verb)."""
        lex = self.lex
        n = len(toks)
        k = j
        while k < n and k - j < 3:
            s, e, w = toks[k]
            if (not _is_word(w) or w in lex.complementizers or self._in(w, lex.stop_words) or s in d.cue_starts
                    or s in d.after_at or split_article(w)[0] or self._is_head(w) or self._is_title(w)
                    or w[0] in "بل" or d.mention_in(s, e) is not None):
                break  # (a word of another entity is not part of an unknown name: "مطالب واشنطن")
            if d.text[e - 1] == "ة":
                return j  # "ضرورة احترام سيادة …" is an object, not a name
            k += 1
        if k == j or k >= n:
            return j
        w = toks[k][2]
        if (not _is_word(w) or w in lex.complementizers or self._in(w, lex.stop_words) or self._in(w, lex.adverbial_starts)
                or toks[k][0] in d.cue_starts or w[0] in "بل" or (k - j == 2 and split_article(w)[0])):
            return k
        # a family name with the article: "عبدالرحمن الجريسي:", "فهد الحمادي أن"
        if split_article(w)[0] == "ال" and k + 1 < n and not self._is_head(w) and not self._is_title(w):
            nw = toks[k + 1][2]
            if nw in lex.complementizers or nw in _COMMAS or nw == ":" or self._in(nw, lex.prepositions) \
                    or self._in(nw, lex.adverbial_starts):
                return k + 1
        return j

    def _object_stem(self, form: str) -> str | None:
        """The cue a form is with an attached object pronoun ("اعتبرته" is اعتبرت + ه), else None."""
        cues = self.lex.cues
        for suffix in ("هما", "هم", "ها", "ه"):
            if form.endswith(suffix) and form[:-len(suffix)] in cues:
                return form[:-len(suffix)]
        return None

    def _fem_or_plural(self, form: str) -> bool:
        """A feminine or plural verb form ("قالت", "أكدوا", "اعتبرته", "تقول")."""
        form = self._object_stem(form) or form
        return (form.endswith(("ت", "تا", "وا", "ون")) or (form[:1] == "ت" and form in self.lex.present))

    def _object_not_subject(self, d: _Doc, rec: _Rec, ment) -> bool:
        """A verb agrees with a subject that follows it: "واتهم إيران بـ…",
        "وطالب الحكومة الاتحادية بـ…" (a masculine verb, a place or a feminine
        body), "ودعت مجلس النواب إلى …" (a feminine verb, a masculine body) name
        the object; the subject is the one already talked about."""
        return self._disagrees(d, rec.cue, rec.fem or rec.plural, ment, rec.fem)

    def _disagrees(self, d: _Doc, cue: Cue | None, fem_or_plural: bool, ment, fem: bool = False) -> bool:
        if cue is None or "object" not in cue.intro or ment[3] == "PER":
            return False
        if fem_or_plural:
            return fem and self._masculine_body(d, ment)
        if ment[3] == "LOC":
            return True
        first_end = d.text.find(" ", ment[0], ment[1])
        first_end = ment[1] if first_end == -1 else first_end
        return d.text[first_end - 1] == "ة"

    def _subject_before(self, d: _Doc, rec: _Rec, ss: int) -> None:
        """Subject first: "مستشار الأمن القومي العراقي وصف …", "الرئيس الأسد يؤكد أن …",
        also after a contrastive particle ("غير أن ممثلتها في مصر حنان حمدان حذرت …")."""
        if self._subject_after_particle(d, rec, ss):
            return
        toks = d.toks(ss, rec.cue_s, 12)
        if not toks or len(toks) >= 12:
            return
        s, e, w = toks[0]
        ment = d.mention_in(s, e)
        if ment is None and not (self._is_head(w) or self._is_title(w)):
            return
        if ment is None and w.startswith("و"):
            return
        end = self._np_end(d, toks, 0)
        if end != len(toks):
            return
        for ment in d.ments[bisect.bisect_left(d.ment_starts, s):]:
            if ment[0] >= rec.cue_s:
                break
            if ment[3] in ("PER", "ORG"):
                rec.mode, rec.speaker, rec.speaker_pos, rec.attribution = "explicit", ment[2], ment[0], "explicit"
                return
        rec.mode, rec.np, rec.speaker_pos = "np", (s, toks[-1][1]), s

    def _subject_after_particle(self, d: _Doc, rec: _Rec, ss: int) -> bool:
        """"…، غير أن ممثلتها في مصر حنان حمدان حذرت من …", "لكن الوزير X أكد …":
        a contrastive particle (or أن/بأن after a name) opens a new clause whose
        subject comes first; a person or body named right before the verb, with at
        most a short role phrase between the opener and it, is the speaker."""
        toks = d.toks(ss, rec.cue_s, 40)
        j = None
        for i in range(len(toks) - 1, -1, -1):
            w = toks[i][2]
            if w in self.lex.contrast_openers or (
                    w == "ان" and i > 0 and toks[i - 1][2] in self.lex.contrast_particles) or (
                    w in ("بان", "ان") and i > 0 and d.mention_covering(toks[i - 1][0]) is not None):
                # (also after a name: "ذكرت وكالة الأنباء الكويتية أن الوزير X أكد …", an
                # agency's report of a statement, see _ends)
                j = i
                break
        if j is None:
            return False
        seg = toks[j + 1:]
        least = 2
        if len(seg) > 3 and seg[-1][2] in _COMMAS:
            # "غير أن منتدى الإنقاذ، الذي يضم قادة المعارضة، اعتبر …": a relative
            # clause or an acronym between the subject and its verb
            c = next(i for i, t in enumerate(seg) if not _is_word(t[2]))
            if c < len(seg) - 1 and (seg[c][2] == "(" or (seg[c][2] in _COMMAS and seg[c + 1][2] in self.lex.relatives)) \
                    and not any(t[0] in d.cue_starts for t in seg):
                seg, least = seg[:c], 1
        if not least <= len(seg) <= 8:
            return False
        if any(not _is_word(t[2]) or t[0] in d.cue_starts for t in seg):
            return False
        ment = d.mention_covering(seg[-1][0]) or d.mention_in(seg[-1][0], seg[-1][1])
        if ment is None or ment[3] not in ("PER", "ORG") or ment[1] < seg[-1][1]:
            return False
        rec.mode, rec.speaker, rec.speaker_pos, rec.attribution = "explicit", ment[2], ment[0], "explicit"
        return True

    def _np_end(self, d: _Doc, toks: list[Tok], k: int) -> int:
        """End index of a speaker noun phrase that starts at ``toks[k]``: its
        head, genitives, adjectives, titles and the names inside it
        ("المتحدث باسم الخارجية الإيرانية", "مصدر أمني", "رئيس المكتب السياسي
        لحركة "حماس"")."""
        lex = self.lex
        j = k + 1
        construct = not toks[k][2].startswith("ال") and self._is_head(toks[k][2])
        indef = 2 if construct else 0  # "مصدر أمني مطلع", "وسائل إعلام تابعة للحوثيين"
        skip_until = -1
        accredited = False  # after "إلى/لدى X" only a name or a title may follow
        named_place = False  # the last word was a place that closes a construct ("محافظ القنيطرة")
        n = len(toks)
        ment = d.mention_in(toks[k][0], toks[k][1])
        if ment is not None:
            skip_until = ment[1]
        if self._statement_noun(toks[k][2]):
            # "وطالب البيان رئاسة مجلس النواب بـ…": a definite statement noun takes
            # adjectives only ("البيان الختامي"); the next indefinite noun is the object
            while j < n and split_article(toks[j][2])[0] == "ال" and d.mention_in(toks[j][0], toks[j][1]) is None:
                j += 1
            return j
        while j < n and j - k < 20:
            s, e, w = toks[j]
            if s < skip_until:
                j += 1
                continue
            if w in ("في", "من", "داخل", "عن") and j + 1 < n:
                # "مسؤول في البيت الأبيض", "مصادر في وزارة الدفاع", "بيان صادر عن الرئاسة"
                ment = d.mention_in(toks[j + 1][0], toks[j + 1][1])
                if ment is not None and ment[3] == "ORG" and ment[0] == toks[j + 1][0]:
                    skip_until = ment[1]
                    construct = False
                    j += 1
                    continue
                if w == "في" and (split_article(toks[k][2])[1] in _person_heads() or self._is_title(toks[k][2])):
                    # "الباحث في الشؤون الأمنية … محمد الأمين ولد الداه أن": a person's field,
                    # when the role's holder is named after it
                    holder = self._name_ahead(d, toks, j + 1, 10)
                    if holder is not None:
                        j = holder
                        break
            if w == '"' and s in d.open_at:  # a quoted name: لحركة "حماس"
                a, b = d.open_at[s]
                if len(d.toks(a + 1, b, 4)) <= 3:
                    skip_until = b + 1
                    construct = False
                    j += 1
                    continue
                break
            if w == ")":
                j += 1
                break  # "حركة المقاومة الإسلامية (حماس) | السلطة …": the acronym closes the name
            if w == "(" and j + 1 < n:
                j += 1
                continue
            if w.isdigit() and j > k:  # a unit's number: "آمر اللواء 444 قتال", "قائد الفرقة 9"
                construct = True
                j += 1
                continue
            if w in ("الي", "لدي") and j + 1 < n:  # folded إلى, لدى
                # "المبعوث الأممي إلى اليمن", "سفير إيران لدى العراق", "ممثلها لدى الأمم المتحدة"
                ment = d.mention_in(toks[j + 1][0], toks[j + 1][1])
                if ment is not None and ment[3] in ("LOC", "ORG") and ment[0] == toks[j + 1][0]:
                    skip_until = ment[1]
                    construct = False
                    accredited = True
                    j += 1
                    continue
            if accredited and s >= skip_until and not (self._is_title(w) or w in _COMMAS
                                                        or (w[0] == "و" and self._is_head(w))):
                ment = d.mention_in(s, e)
                if ment is None or ment[3] != "PER":
                    break  # "ممثلها لدى الأمم المتحدة | الحكومة المغربية": the object
            if accredited and w[0] == "و" and self._is_head(w):
                accredited = False  # a second role: "… إلى ليبيا ورئيس بعثة …"
            if (not _is_word(w) or w in lex.complementizers or self._in(w, lex.stop_words) or w in lex.relatives
                    or s in d.cue_starts or s in d.after_at or self._in(w, lex.adverbial_starts)
                    or (w[0] == "ل" and split_article(w[1:])[1] in lex.media_words)):
                break
            ment = d.mention_in(s, e)
            pre, _bare = split_article(w)
            after_place, named_place = named_place, False
            if ment is None and pre.startswith("ب") and j > k and split_article(w[1:])[1] in _org_heads():
                # "الباحث في الشؤون الأمنية بالمركز المغاربي للدراسات … محمد الأمين ولد الداه":
                # a workplace with ب inside a role, when the role's holder is named after it
                holder = self._name_ahead(d, toks, j + 1)
                if holder is not None:
                    j = holder
                    break
            if ment is not None and ment[3] in ("ORG", "LOC") and j > k and ment[0] == s and not pre \
                    and split_article(toks[j - 1][2])[0] == "ال" and toks[j - 1][0] >= skip_until:
                break  # "المسؤولون الباكستانيون | حركة طالبان": a definite phrase takes no genitive
            if ment is not None:
                skip_until = ment[1]
                construct = False
                named_place = ment[3] == "LOC" and j > k
            elif pre and "ب" not in pre and "ك" not in pre:
                construct = False
                indef = 0
            elif after_place and not w.startswith("و") and not self._is_title(w):
                break  # "محافظ القنيطرة | قوة الأمم المتحدة …": a new noun after the place is the object
            elif self._is_head(w) or self._is_title(w):
                construct = not w.startswith("ال") and self._is_head(w)
            elif (w[0] == "ل" and len(w) > 3 and not self._in(w, lex.adverbial_starts)
                    and w[1:] not in lex.media_words):
                construct = True
            elif construct:
                construct = False
            elif indef > 0:
                indef -= 1
            else:
                break
            j += 1
        while j > k + 1 and not _is_word(toks[j - 1][2]) and toks[j - 1][2] != '"' and toks[j - 1][2] != ")":
            j -= 1
        return j

    def _name_ahead(self, d: _Doc, toks: list[Tok], j: int, limit: int = 8) -> int | None:
        """Index just past a person's name within ``limit`` words after ``j`` that no
        function word, complementizer or punctuation comes before (the name ends
        the role phrase)."""
        for q in range(j, min(len(toks), j + limit)):
            s, e, w = toks[q]
            ment = d.mention_in(s, e)
            if ment is not None and ment[3] == "PER" and ment[0] == s:
                while q < len(toks) and toks[q][0] < ment[1]:
                    q += 1
                return q
            if not _is_word(w) or w in self.lex.complementizers or self._in(w, self.lex.stop_words) \
                    or s in d.cue_starts:
                return None
        return None

    @staticmethod
    def _surname_entity(d: _Doc, np: tuple[int, int]) -> str | None:
        """A one-word speaker phrase that is the family name of exactly one person of
        the document ("نقل عن السوداني تأكيده" after "محمد شياع السوداني"), where the
        word was no mention (here a nationality adjective)."""
        words = [t[2] for t in d.toks(np[0], np[1], 2) if _is_word(t[2])]
        if len(words) != 1:
            return None
        key = split_article(words[0])[1]
        found = {e["id"] for e in d.entities if e.get("type") == "PER" and len(e.get("name", "").split()) >= 2
                 and split_article(fold(e["name"].split()[-1]))[1] == key}
        return found.pop() if len(found) == 1 else None

    def _holder_in(self, d: _Doc, np: tuple[int, int]) -> str | None:
        """The person whose name ends a role phrase ("منسقة الشؤون الإنسانية للأمم
        المتحدة في السودان ماريا فرنانديز"): the role's holder.  Not a name
        attached with ل ("المدير العام لسوناطراك"): that one is a body."""
        first = d.toks(np[0], np[1], 1)
        if not first or not (split_article(first[0][2])[1] in _person_heads() or self._is_title(first[0][2])):
            return None
        k = bisect.bisect_left(d.ment_starts, np[1]) - 1
        while k >= 0 and d.ments[k][0] > np[0]:
            s, e, eid, etype = d.ments[k]
            if e <= np[1]:
                ok = etype == "PER" and not d.text[e:np[1]].strip() and not d.text[s - 1].isalpha()
                return eid if ok else None
            k -= 1
        return None

    def _kin(self, w: str) -> str | None:
        """"genitive" for a kin noun that takes the relative after it ("زوجة الهمامي"),
        "pronoun" for one with the relative as a suffix ("زوجته", "والدها"): the name
        after that one is the speaker's own."""
        bare = split_article(w)[1]
        if bare in self.lex.kin_heads:
            return "genitive"
        for suffix in ("هما", "هم", "ها", "ه"):
            if bare.endswith(suffix) and len(bare) > len(suffix) + 2:
                stem = bare[:-len(suffix)]
                if stem in self.lex.kin_heads or (stem.endswith("ت") and stem[:-1] + "ه" in self.lex.kin_heads):
                    return "pronoun"
        return None

    def _statement_noun(self, w: str) -> bool:
        """"البيان", "التقرير": a definite statement noun (its issuer is not named in the phrase)."""
        pre, bare = split_article(w)
        return pre.endswith("ال") and bare in self.lex.statement_nouns

    @staticmethod
    def _skip_to(toks: list[Tok], j: int, pos: int) -> int:
        while j < len(toks) and toks[j][0] < pos:
            j += 1
        return j

    def _intro(self, d: _Doc, rec: _Rec, toks: list[Tok], k: int) -> tuple[str, int] | None:
        """How the content starts after the verb and its subject: (kind, token index)."""
        lex = self.lex
        cue = rec.cue
        assert cue is not None
        n = len(toks)
        comma = False
        if k < n and toks[k][2] == "(":  # "حركة المقاومة الإسلامية (حماس) …": the acronym after the name
            close = next((j for j in range(k + 1, min(n, k + 4)) if toks[j][2] == ")"), None)
            if close is not None:
                k = close + 1
        while k < n and (toks[k][2] in _COMMAS or toks[k][0] in d.after_at
                         or (toks[k][2] == "علي" and k + 1 < n and toks[k + 1][2] == "لسان")):
            if toks[k][2] == "علي":  # "أعرب الاتحاد، على لسان رئيس مفوضيته فلان، عن …"
                k = self._on_tongue_of(d, rec, toks, k + 2)
                continue
            if toks[k][0] in d.after_at:  # "وتابع الوزير، بحسب ما نقلته سانا، أن …"
                a = self._source(d, d.after_at[toks[k][0]])
                a.used = True
                if a.kind == "source" and (a.media or a.ent is None):
                    rec.reported_by, rec.reported_by_text = a.ent, a.text
                k = self._skip_to(toks, k, a.end)
                continue
            comma = True
            k += 1
            if k < n and toks[k][2] in lex.relay_verbs and toks[k][2].endswith(("ته", "تها", "ه")):
                # "وذكر بيان للمكتب الإعلامي، نقلته وكالة الأنباء العراقية (واع)، أن …":
                # the agency that relayed the statement, between commas
                j = k + 1
                while j < n and j - k < 12 and toks[j][2] not in _COMMAS and toks[j][2] not in lex.complementizers:
                    j += 1
                if j < n and toks[j][2] in _COMMAS:
                    ment = d.mention_in(toks[k + 1][0], toks[j - 1][1]) if k + 1 < j else None
                    if ment is not None and ment[3] == "ORG" and rec.reported_by is None:
                        rec.reported_by = ment[2]
                    k = j
                    continue
            if k < n and toks[k][2] in lex.relatives:  # "كتلة الوفاء، التي تمثل حزب الله، رفضها …"
                j = k
                while j < n and j - k < 14 and toks[j][2] not in _COMMAS:
                    j += 1
                if j < n:
                    k = j
        if k >= n:
            return None
        s, e, w = toks[k]
        comps = lex.complementizers
        if w in comps:
            return "comp", k
        if w == ":":
            return "colon", k
        if w == '"' and s in d.open_at and self._long_quote(d, d.open_at[s]):
            return "quote", k
        if "prep" in cue.intro and self._is_prep(w, cue.preps):
            return "prep", k
        if cue.strict:
            return None
        plain = self._plain(d, s, w)
        if "object" in cue.intro and plain:
            return "object", k
        # an adverbial first: "قال في كلمته إن …", "قال لمراسلنا إن …", "أكد خلال
        # اللقاء على …", "أعلنت القيادة، فجر اليوم، أن …"
        j = k
        while j < n and j - k < 24:
            s, e, w = toks[j]
            if s in d.cue_starts:
                break
            if w in comps:
                return "comp", j
            if w == ":":
                return "colon", j
            if "prep" in cue.intro and w != "من" and self._is_prep(w, cue.preps) and not w.startswith("ب") \
                    and not (j > k and toks[j - 1][2] in lex.issuer_words):
                # ("أعرب في بيان صادر عن المتحدث باسمه عن ترحيبه": the first عن names the issuer)
                return "prep", j
            if w == '"' and s in d.open_at:
                j = self._skip_to(toks, j, d.open_at[s][1] + 1)
                continue
            if s in d.after_at:
                a = self._source(d, d.after_at[s])
                a.used = True
                if a.kind == "source" and (a.media or a.ent is None):
                    rec.reported_by, rec.reported_by_text = a.ent, a.text
                j = self._skip_to(toks, j + 1, a.end)
                continue
            if w in _COMMAS and "comma" in cue.intro and not comma and j + 1 < n \
                    and self._plain(d, toks[j + 1][0], toks[j + 1][2]):
                comma, k = True, j + 1  # "وتابع الوزير، وبغية …" (unless a complementizer follows)
            j += 1
        if "comma" in cue.intro and comma and _is_word(toks[k][2]) and toks[k][0] not in d.cue_starts:
            return "comma", k  # "وتابع، وبغية اجهاض …"
        s, e, w = toks[k]
        if "object" in cue.intro and _is_word(w) and s not in d.cue_starts and w not in lex.pronoun_objects:
            return "object", k  # "وأعلنت القيادة في بيان إصابة …": the adverbial stays in
        return None

    def _on_tongue_of(self, d: _Doc, rec: _Rec, toks: list[Tok], j: int) -> int:
        """"على لسان رئيس مفوضيته فلان": the person named in the phrase speaks for
        the subject; an unnamed role ("على لسان المتحدث باسمها") leaves the body
        speaking.  Returns the index after the phrase (a comma, a complementizer
        or the verb's preposition ends it)."""
        cue = rec.cue
        n = len(toks)
        who = None
        while j < n and j < 40:
            s, e, w = toks[j]
            if (w in _COMMAS or not _is_word(w) or w in self.lex.complementizers or s in d.cue_starts
                    or (cue is not None and self._is_prep(w, cue.preps) and d.mention_in(s, e) is None)):
                break
            ment = d.mention_in(s, e)
            if ment is not None and ment[3] == "PER" and who is None and d.text[ment[0] - 1] != "ل":
                who = ment
            j = self._skip_to(toks, j + 1, ment[1]) if ment is not None else j + 1
        if who is not None:
            rec.mode, rec.speaker, rec.speaker_pos, rec.attribution = "explicit", who[2], who[0], "explicit"
        return j

    def _plain(self, d: _Doc, s: int, w: str) -> bool:
        """A word that can open an object or a statement (not an adverbial)."""
        lex = self.lex
        return (_is_word(w) and s not in d.cue_starts and s not in d.after_at and w not in lex.complementizers
                and not self._in(w, lex.adverbial_starts) and not self._in(w, lex.prepositions)
                and w not in lex.pronoun_objects and not (w[0] == "ل" and len(w) > 3 and split_article(w)[0] == ""
                                                          and w[:2] != "لا" and w[:3] != "لقد"))

    def _long_quote(self, d: _Doc, q: tuple[int, int], words: int = 3) -> bool:
        return len(d.toks(q[0] + 1, q[1], words)) >= words

    def _content_start(self, d: _Doc, rec: _Rec, toks: list[Tok], intro: tuple[str, int], consumed: set) -> bool:
        kind, j = intro
        rec.intro = kind
        n = len(toks)
        comps = self.lex.complementizers

        def direct_at(i: int) -> bool:
            if i < n and toks[i][2] == '"' and toks[i][0] in d.open_at:
                q = d.open_at[toks[i][0]]
                if q in consumed:
                    return False
                if kind in ("object", "quote") and self._object_then_prep(d, rec, q):
                    # "واتهم «أجهزة أجنبية» بتأجيج …": the quotation is the object, the
                    # statement runs on through the preposition
                    rec.start = toks[i][0]
                    return True
                rec.start, rec.end, rec.direct, rec.fixed, rec.quote = q[0] + 1, q[1], True, True, q
                consumed.add(q)
                return True
            return False

        if kind == "quote":
            return direct_at(j)
        if kind == "colon":
            if direct_at(j + 1):
                return True
            if j + 1 >= n:
                return False
            rec.start = toks[j + 1][0]
            return True
        if kind == "comp":
            if direct_at(j + 1):
                return True
            rec.start = toks[j][0]
            return j + 1 < n
        if kind == "prep":
            if j + 1 < n and toks[j + 1][2] in comps:
                rec.intro = "comp"
                if direct_at(j + 2):
                    return True
                rec.start = toks[j + 1][0]
                return j + 2 < n
            if direct_at(j + 1):
                return True
            rec.start = toks[j][0]
            return True
        if direct_at(j):  # object / comma
            return True
        rec.start = toks[j][0]
        return True

    def _object_then_prep(self, d: _Doc, rec: _Rec, q: tuple[int, int]) -> bool:
        """Is the quotation at ``q`` the verb's object, its content following in
        the verb's preposition ("اتهم «ميليشيات مرتبطة بإيران» بالوقوف وراء …")?"""
        cue = rec.cue
        if cue is None or "prep" not in cue.intro:
            return False
        nxt = d.toks(q[1] + 1, d.sents[rec.sent][1], 1)
        return bool(nxt) and self._is_prep(nxt[0][2], cue.preps)

    def _parse_relay(self, d: _Doc, rec: _Rec, toks: list[Tok], consumed: set) -> _Rec | None:
        """"نقلت وكالة X عن Y قوله إن …", "ونقلت عنه توعده …", "ونسبت الوكالة
        إلى مصدر قوله إن …"."""
        n = len(toks)
        j = 0
        reporter = None
        preps = rec.cue.preps if rec.cue is not None else ("عن",)
        while j < n and j < 10:
            w = toks[j][2]
            if w in preps or w in _PRONOUN_AN or (w[:2] == "ال" and "الي" in preps and w in _PRONOUN_ILA):
                break
            if not _is_word(w) and w not in "،,\"()":
                return None
            ment = d.mention_in(toks[j][0], toks[j][1])
            if ment is not None and reporter is None:
                reporter = ment
            j += 1
        else:
            return None
        if j >= n:
            return None
        if reporter is not None:
            rec.reported_by = reporter[2]
        w = toks[j][2]
        if w in _PRONOUN_AN or w in _PRONOUN_ILA:
            rec.mode, rec.pron = "pron", _PRONOUN_AN.get(w) or _PRONOUN_ILA[w]
            k = j + 1
        else:
            k = self._subject(d, rec, toks, j + 1)
            if rec.mode == "carry":
                # a speaker no entity covers, up to قوله/تأكيده: "نقل عن السوداني تأكيده أن …"
                e = next((x for x in range(j + 1, min(n, j + 5)) if toks[x][2] in _QAWL), None)
                if e is None or e == j + 1 or any(not _is_word(t[2]) for t in toks[j + 1:e]):
                    return None
                rec.mode, rec.np, rec.speaker_pos = "np", (toks[j + 1][0], toks[e - 1][1]), toks[j + 1][0]
                k = e
            if rec.mode == "np":  # "عن مصادر في وزارة الدفاع التركية قولها": up to قولها
                e = j + 1
                while (e < n and e - j < 10 and toks[e][2] not in _QAWL and toks[e][2] not in self.lex.complementizers
                       and toks[e][2] not in "،,:\""):
                    e += 1
                if e < n and toks[e][2] in _QAWL:
                    rec.np = (toks[j + 1][0], toks[e - 1][1])
                    k = e
        while k < n and toks[k][2] in _COMMAS:
            k += 1
        if k < n and toks[k][2] in _QAWL:
            k += 1
        if k >= n:
            return None
        w = toks[k][2]
        if w in self.lex.complementizers:
            intro = ("comp", k)
        elif w == ":":
            intro = ("colon", k)
        elif w == '"' and toks[k][0] in d.open_at:
            intro = ("quote", k)
        elif _is_word(w):
            intro = ("object", k)
        else:
            return None
        if not self._content_start(d, rec, toks, intro, consumed):
            return None
        return rec

    @staticmethod
    def _mark_before(d: _Doc, pos: int, comma: bool) -> int:
        """Where the closing quotation mark before ``pos`` would be: back over
        spaces, "هكذا" and a comma (required when ``comma``); -1 without a comma."""
        text = d.text
        i = pos - 1
        seen = False
        while i >= 0:
            if text[i] in " \t":
                i -= 1
            elif text[i] in "،,":
                seen = True
                i -= 1
            elif i >= 3 and text[i - 3:i + 1] == "هكذا":
                i -= 4
            else:
                break
        return i if seen or not comma else -1

    def _after_closing_quote(self, d: _Doc, rec: _Rec) -> bool:
        """Does the cue follow a closing quotation mark and a comma (or "هكذا")?"""
        return self._mark_before(d, rec.cue_s, comma=True) in d.close_at

    def _post_quote(self, d: _Doc, rec: _Rec, consumed: set) -> _Rec | None:
        """"“…”، قال الوزير" — the verb follows the quotation it attributes."""
        i = self._mark_before(d, rec.cue_s, comma=False)
        q = d.close_at.get(i)
        if q is None or q in consumed or not self._statement_like(d, q):
            return None
        consumed.add(q)
        rec.start, rec.end, rec.direct, rec.fixed, rec.quote = q[0] + 1, q[1], True, True, q
        rec.boundary = True
        rec.attribution = rec.attribution or "after"
        return rec

    def _statement_like(self, d: _Doc, q: tuple[int, int]) -> bool:
        """A quotation that opens its sentence or clause and is long enough to be said."""
        if not self._long_quote(d, q):
            return False
        ss = d.sents[d.sent_of(q[0])][0]
        before = d.toks_before(q[0], ss, 2)
        if not before:
            return True
        w = before[-1][2]
        return w in "،,:؛-–—" or w in ("و", "ف")

    # -- after-quote attributions --------------------------------------------
    def _source(self, d: _Doc, a: _After) -> _After:
        """Read what follows "وفقاً لـ" / "بحسب ما أفادت": the outlet or person named."""
        if a.parsed or a.kind == "pronoun":
            a.parsed = True
            return a
        a.parsed = True
        lex = self.lex
        se = d.sents[d.sent_of(a.start)][1]
        toks = d.toks(a.end, se, 10)
        media = False
        first = None
        for j, (s, e, w) in enumerate(toks):
            if w in "،,.؛:" or (j > 0 and w in lex.complementizers):
                break
            if first is None:
                first = s
            bare = split_article(w[1:] if w[0] in "لب" and len(w) > 3 else w)[1]
            if bare in lex.media_words or split_article(w)[1] in lex.media_words:
                media = True
            ment = d.mention_in(s, e)
            if ment is not None and a.ent is None and ment[3] in ("PER", "ORG") and not d.quote_around(ment[0]) \
                    or ment is not None and a.ent is None and ment[3] == "ORG":
                a.ent = ment[2]
                if (d.ents.get(ment[2]) or {}).get("sector") == "MED":
                    media = True
                if ment[3] == "PER":
                    a.end = ment[1]
                    break
            a.end = e
        a.media = media
        if first is not None and a.phrase_end > first and d.text[a.phrase_end:a.phrase_end + 1] != "ل":
            first = a.phrase_end  # "وفقاً لتقرير …": the source starts after the attached ل
        if first is not None and a.end > first:
            a.span = (first, a.end)
            a.text = d.text[first:a.end]
        return a

    def _parse_after(self, d: _Doc, a: _After, recs: list[_Rec], consumed: set, cuts: list) -> None:
        text = d.text
        self._source(d, a)
        if a.kind == "source" and a.ent is None and not a.media:
            # "بحسب الاتفاق" attributes nothing; "بحسب مصدر أمني" names a speaker
            toks = [t for t in d.toks(a.start, d.sents[d.sent_of(a.start)][1], 5)[1:] if t[2] != "ما"]
            w = toks[0][2] if toks else ""
            if not w or not (self._is_head(w) or (w[0] == "ل" and self._is_head(w[1:]))):
                return
        i = a.start - 1
        while i >= 0 and text[i] in " \t،,":
            i -= 1
        q = d.close_at.get(i)
        if q is not None:
            if q in consumed:
                owner = next((r for r in recs if r.quote == q), None)
                if owner is None:
                    si = d.sent_of(q[0])
                    owner = next((r for r in reversed(recs) if not r.fixed and r.sent == si and 0 <= r.start <= q[0]),
                                 None)
                if owner is not None:
                    self._attach(owner, a)
                return
            if self._statement_like(d, q):
                consumed.add(q)
                rec = _Rec(a.start, a.phrase_end, None, d.sent_of(a.start))
                rec.start, rec.end, rec.direct, rec.fixed, rec.quote = q[0] + 1, q[1], True, True, q
                rec.attribution = "after"
                self._attach(rec, a, new=True)
                recs.append(rec)
                return
        if self._source_first(d, a, recs):
            return
        cuts.append(a)  # inside a clause: "قال إن …، بحسب ما أفادت وكالة سانا" ends the content

    def _source_first(self, d: _Doc, a: _After, recs: list[_Rec]) -> bool:
        """"وبحسب المتحدث العسكري، فإن القوات تقدمت …": the source opens the
        sentence, the statement follows the comma."""
        if a.kind != "source" or a.span is None:
            return False
        si = d.sent_of(a.start)
        ss, se = d.sents[si]
        if d.toks_before(a.start, ss, 2):
            return False
        toks = d.toks(a.span[1], se, 4)
        if not toks or toks[0][2] not in _COMMAS or len(toks) < 3:
            return False
        rec = _Rec(a.start, a.phrase_end, None, si)
        rec.start = toks[1][0]
        rec.attribution = "explicit"
        if a.ent is not None:
            rec.mode, rec.speaker, rec.speaker_pos = "explicit", a.ent, a.span[0]
        else:
            rec.mode, rec.np, rec.speaker_pos = "np", a.span, a.span[0]
        recs.append(rec)
        return True

    def _attach(self, rec: _Rec, a: _After, new: bool = False) -> None:
        if a.kind == "pronoun":
            return
        if a.media or (a.ent is None and a.span is None):
            if rec.reported_by is None and rec.reported_by_text is None:
                rec.reported_by, rec.reported_by_text = a.ent, a.text
            return
        if new or rec.mode == "carry":
            if a.ent is not None:
                rec.mode, rec.speaker, rec.speaker_pos, rec.attribution = "explicit", a.ent, a.span[0] if a.span else a.start, "after"
            elif a.span is not None:
                rec.mode, rec.np, rec.speaker_pos = "np", a.span, a.span[0]

    # -- quotations standing alone --------------------------------------------
    def _sentence_quotes(self, d: _Doc, recs: list[_Rec], consumed: set) -> None:
        """A sentence that is one quotation ("“…”.") continues the speaker."""
        for q in d.pairs:
            if q in consumed:
                continue
            a, b = q
            si = d.sent_of(a)
            ss, se = d.sents[si]
            pre = d.toks_before(a, ss, 2)
            if pre and not (len(pre) == 1 and pre[0][2] in ("و", "-", "–")):
                continue
            if len(d.toks(a + 1, b, 5)) < 5 or len(d.toks(b + 1, se, 3)) > 1:
                continue
            consumed.add(q)
            rec = _Rec(a, a, None, si)
            rec.start, rec.end, rec.direct, rec.fixed, rec.quote = a + 1, b, True, True, q
            rec.attribution = "context"
            rec.boundary = False
            recs.append(rec)

    def _headline(self, d: _Doc, recs: list[_Rec]) -> None:
        """"اللواء باقري: محور المقاومة سوف …" — a name, a colon, a statement."""
        for si, (ss, se) in enumerate(d.sents[:3]):
            toks = d.toks(ss, se, 12)
            j = 0
            while j < len(toks) and not _is_word(toks[j][2]):
                j += 1
            while j < len(toks) and self._is_title(toks[j][2]):
                j += 1
            if j >= len(toks):
                continue
            ment = d.mention_in(toks[j][0], toks[j][1])
            if ment is None or ment[3] not in ("PER", "ORG"):
                continue
            k = self._skip_to(toks, j, ment[1])
            if k >= len(toks) or toks[k][2] != ":" or k + 3 >= len(toks):
                continue
            first = toks[k + 1][2]
            if first[:1] == "ي" or first[:2] == "وي":
                continue  # "الخامنئي: ينتقد …" is a headline verb, not speech
            end = se
            nl = d.text.find("\n", toks[k + 1][0], se)
            if nl != -1:
                end = nl
            rec = _Rec(toks[k][0], toks[k][1], None, si)
            rec.start, rec.end, rec.fixed = toks[k + 1][0], end, True
            rec.mode, rec.speaker, rec.speaker_pos, rec.attribution = "explicit", ment[2], ment[0], "headline"
            rec.boundary = False
            recs.append(rec)

    # -- content ends ------------------------------------------------------
    @staticmethod
    def _has_words(d: _Doc, r: _Rec, cue_pos: list[int], words: int = 2) -> bool:
        """Does the content run for ``words`` words before the sentence or the next cue ends it?"""
        end = d.sents[r.sent][1]
        k = bisect.bisect_right(cue_pos, r.start)
        if k < len(cue_pos) and cue_pos[k] < end:
            end = cue_pos[k]
        return len(_WORDS.findall(d.text[r.start:end])) >= words

    def _ends(self, d: _Doc, recs: list[_Rec], cuts: list[_After]) -> list[_Rec]:
        text = d.text
        bounds = sorted([(r.clause_s if r.clause_s >= 0 else r.cue_s, None) for r in recs
                         if r.boundary and r.attribution != "context"]
                        + [(a.start, a) for a in cuts], key=lambda x: x[0])
        bpos = [b[0] for b in bounds]
        for r in recs:
            if r.fixed:
                continue
            end = d.sents[r.sent][1]
            k = bisect.bisect_right(bpos, r.start)
            if k < len(bounds) and bpos[k] < end:
                end = bpos[k]
                if bounds[k][1] is not None:
                    bounds[k][1].used = True
                    self._attach(r, bounds[k][1])
            r.end = end
        for a in cuts:
            if a.used:
                continue
            si = d.sent_of(a.start)
            if si in d.recaps:  # the outlet of the statements just before
                prev = [r for r in recs if r.sent < si and r.start >= 0]
                if prev and a.kind == "source" and (a.media or (a.ent and (d.ents.get(a.ent) or {}).get("type") == "ORG")):
                    last = max(r.sent for r in prev)
                    for r in prev:
                        if r.sent == last and r.reported_by is None and r.reported_by_text is None:
                            r.reported_by, r.reported_by_text = a.ent, a.text
                continue
            r = self._trailing_source(d, a, recs)
            if r is not None:
                recs.append(r)
        self._merge_referrals(d, recs)
        kept: list[_Rec] = []
        spans: list[tuple[int, int]] = []
        for r in sorted(recs, key=lambda r: (r.start, -r.end)):
            s, e = r.start, r.end
            if s < 0:
                continue
            while e > s and text[e - 1] in _PUNCT_END:
                e -= 1
            while s < e and text[s] in _PUNCT_END:
                s += 1
            if e - s < 2:
                continue
            r.start, r.end = s, e
            near = spans[-6:]
            outer = next((k for k in range(len(kept) - 1, max(-1, len(kept) - 7), -1)
                          if spans[k][0] <= r.cue_s < spans[k][1]), None)
            if outer is not None and not r.fixed and self._relays_statement(d, kept[outer], r):
                # "ذكرت وكالة الأنباء الكويتية أن الوزير X أكد أن …": the agency reports; the
                # person it quotes is the speaker, the agency the source of the report
                r.reported_by = kept[outer].speaker
                del kept[outer], spans[outer]
                near = spans[-6:]
            if not r.fixed and any(a <= r.cue_s < b for a, b in near):
                continue  # a cue inside another statement's content is part of it
            if any(min(e, b) - max(s, a) > 0.5 * min(e - s, b - a) for a, b in near):
                continue
            kept.append(r)
            spans.append((s, e))
        out = []
        for r in kept:
            if r.cue is not None and r.cue.needs and not self._holds_word(d, r, r.cue.needs):
                continue  # "شاحنة محملة بالأدوية", "حمل المتظاهرون لافتات": no responsibility laid
            if r.cue is not None and r.cue.quoted and not r.direct and r.intro != "comp" \
                    and not self._holds_quote(d, r.start, r.end):
                continue  # "توعد بمزيد من العمليات": an act, not words of its own
            if not r.direct:
                k = bisect.bisect_left(d.pair_starts, r.start)
                qchars = 0
                while k < len(d.pairs) and d.pairs[k][1] <= r.end:
                    qchars += d.pairs[k][1] - d.pairs[k][0]
                    k += 1
                r.direct = qchars >= 0.5 * (r.end - r.start)
            out.append(r)
        out.sort(key=lambda r: r.cue_s)
        return out

    @staticmethod
    def _holds_word(d: _Doc, r: _Rec, words: frozenset[str], limit: int = 24) -> bool:
        """Does one of the first ``limit`` tokens of the content (article and
        attached ب/ل aside) belong to ``words``?"""
        for _s, _e, w in d.toks(r.start - 1 if r.direct else r.start, r.end, limit):
            if w in words or split_article(w)[1] in words:
                return True
        return False

    def _relays_statement(self, d: _Doc, outer: _Rec, inner: _Rec) -> bool:
        """Is ``outer`` an outlet's report ("أفادت/ذكرت وكالة X بأن …") whose content is
        the statement ``inner`` of someone it names?"""
        if outer.speaker is None or outer.mode != "explicit" or inner.mode != "explicit" or inner.speaker is None \
                or inner.speaker == outer.speaker or outer.sent != inner.sent:
            return False
        ent = d.ents.get(outer.speaker) or {}
        first = next((m["text"] for m in ent.get("mentions") or () if m.get("start") == outer.speaker_pos),
                     ent.get("name") or "")
        words = _WORDS.findall(fold(first))
        return bool(words) and split_article(words[0])[1] in self.lex.media_words

    def _trailing_source(self, d: _Doc, a: _After, recs: list[_Rec]) -> _Rec | None:
        """"… أسفرت عن مقتل 17 شخصاً، بحسب وزارة الصحة": the clause before the
        attribution is the statement of the organization or person named."""
        if a.kind != "source" or a.ent is None or a.span is None:
            return None
        before = d.toks_before(a.start, 0, 1)
        if not before or before[0][2] not in _COMMAS:
            return None
        # the source is named at the head of its phrase ("وزارة الصحة", "مراسل وكالة سبأ"),
        # not as the distributor of a document ("وفق بيان مشترك وزعته الوزارة")
        lex = self.lex
        toks = d.toks(a.span[0], a.span[1], 8)
        while toks and (toks[0][2] in ("ما", "به", "بها") or toks[0][2] in lex.relay_verbs
                        or toks[0][2] in lex.cue_tokens):
            toks = toks[1:]  # "وفق ما أفاد مراسل وكالة سبأ", "بحسب ما أفاد به …"
        if d.sent_of(a.start) in d.recaps:
            return None
        # before the name: an outlet's words ("مراسل وكالة"), a document or figures of the
        # source ("بيان لوزارة …", "إحصاءات المرصد …", "أرقام هيئة …") or a person's role
        # ("رئيس بلدية بيتا سليم عودة", "الناطق الرسمي باسم المحكمة")
        def named(t: Tok) -> bool:
            return (d.mention_covering(t[0]) or d.mention_in(t[0], t[1])) is not None

        lead, role = 0, False
        while lead < len(toks) and lead < 4 and not named(toks[lead]):
            w = toks[lead][2]
            bare = split_article(w[1:] if w[:1] in "لب" and len(w) > 3 else w)[1]
            if bare in lex.media_words or split_article(w)[1] in lex.media_words \
                    or (lead == 0 and any(b in lex.statement_nouns or b in lex.figure_nouns
                                          for b in (bare, split_article(w)[1]))):
                pass
            elif self._is_head(w) or self._is_title(w) or (role and _is_word(w) and not self._in(w, lex.stop_words)):
                if not role and split_article(w)[1] in _UNNAMED_SOURCES:
                    return None  # "وفق ما أكده مصدر دبلوماسي لوكالة …": unnamed
                role = True  # ("الرسمي" after "الناطق", "بلدية" after "رئيس")
            else:
                return None
            lead += 1
        if lead >= len(toks) or not named(toks[lead]):
            return None
        if role and d.mention_covering(toks[lead][0]) is None and toks[lead][2][:1] == "ل":
            return None  # "… لوكالة الأنباء": the one spoken to
        ent = a.ent
        if role:  # the holder named after the role speaks, not the body in it
            k = bisect.bisect_left(d.ment_starts, a.span[0])
            while k < len(d.ments) and d.ments[k][0] < a.span[1]:
                if d.ments[k][3] == "PER" and d.text[d.ments[k][0] - 1] != "ل":
                    ent = d.ments[k][2]
                    break
                k += 1
        si = d.sent_of(a.start)
        start = d.sents[si][0]
        for r in recs:
            if r.sent == si and 0 <= r.end <= a.start:
                start = max(start, r.end)
        if len(d.toks(start, a.start, 4)) < 4:
            return None
        if any(t[2] in lex.meeting_words for t in d.toks(start, a.start, 60)):
            return None  # "استقبل … وبحث معه …، وفق ما أفادت الرئاسة": talks, an event
        rec = _Rec(a.start, a.phrase_end, None, si)
        rec.start, rec.end, rec.fixed, rec.boundary = start, a.start, True, False
        rec.mode, rec.speaker, rec.speaker_pos, rec.attribution = "explicit", ent, a.span[0], "after"
        return rec

    def _holds_quote(self, d: _Doc, s: int, e: int, words: int = 4) -> bool:
        k = bisect.bisect_left(d.pair_starts, s)
        while k < len(d.pairs) and d.pairs[k][0] < e:
            if d.pairs[k][1] <= e and self._long_quote(d, d.pairs[k], words):
                return True
            k += 1
        return False

    def _merge_referrals(self, d: _Doc, recs: list[_Rec]) -> None:
        """"وأشار إلى قرار البرلمان … وقال إن …": naming the topic, then the
        statement, is one statement of one speaker."""
        by_sent: dict[int, list[_Rec]] = {}
        for r in recs:
            by_sent.setdefault(r.sent, []).append(r)
        for group in by_sent.values():
            if len(group) < 2:
                continue
            group.sort(key=lambda r: r.cue_s)
            for a, b in zip(group, group[1:]):
                if (a.cue is not None and a.cue.refers and a.intro == "prep" and not a.fixed
                        and b.cue is not None and b.cue.kind == "verb" and b.mode == "carry"
                        and a.end == b.cue_s and b.start >= 0):
                    b.start = a.start
                    b.cue_s, b.cue_e = a.cue_s, a.cue_e
                    b.cue, b.mode, b.speaker, b.np, b.speaker_pos = a.cue, a.mode, a.speaker, a.np, a.speaker_pos
                    b.attribution = a.attribution
                    a.start = -1

    # -- speakers ------------------------------------------------------------
    def _speakers(self, d: _Doc, recs: list[_Rec]) -> None:
        spans = sorted((r.start, r.end) for r in recs)
        starts = [s for s, _ in spans]

        def in_content(p: int) -> bool:
            k = bisect.bisect_right(starts, p) - 1
            while k >= 0:
                a, b = spans[k]
                if a <= p < b:
                    return True
                if p - a > 4000:
                    break
                k -= 1
            return False

        topic: tuple[str | None, str | None, str | None] = (None, None, None)  # (id, type, phrase)
        topic_pos = -1
        main: _Rec | None = None  # the last statement of the current sentence outside reported content
        for r in recs:
            pos = r.cue_s
            if main is not None and main.sent != r.sent:
                main = None
            if (r.mode == "carry" and r.cue is not None and r.cue.kind == "participle" and main is not None
                    and (main.speaker or main.speaker_text)):
                # a circumstantial participle ("…، مؤكدا أن …") adds a statement of
                # the subject of its sentence's main verb, whatever was named in between
                # ("قال كوبر في بيان وزعه البيت الأبيض إن …، مؤكدا أن …"), unless a
                # clause with a subject of its own comes in between (below)
                near = self._nearer_subject(d, r, max(main.cue_e, main.start), main.speaker)
                if near is not None:
                    r.speaker, r.speaker_text, r.attribution = near[2], None, r.attribution or "carried"
                    topic, topic_pos = (near[2], near[3], None), max(topic_pos, pos)
                    continue
                r.speaker, r.speaker_text = main.speaker, main.speaker_text
                r.attribution = r.attribution or "carried"
                topic_pos = max(topic_pos, pos)
                continue
            if r.mode == "carry" and r.cue is not None and r.cue.kind == "participle" and main is None:
                got = self._participle_subject(d, r, in_content)
                if got is not None:
                    if got[0] == "ent":
                        r.speaker, r.speaker_text = got[1], None
                        topic_pos = max(topic_pos, got[2])
                    else:
                        r.speaker, r.speaker_text = None, got[1]
                    r.attribution = r.attribution or "carried"
                    topic = (r.speaker, (d.ents.get(r.speaker) or {}).get("type"), r.speaker_text)
                    topic_pos = max(topic_pos, pos)
                    continue
            if r.mode in ("carry", "pron") or (r.mode == "np" and r.cue is not None and r.cue.continues):
                # a subject named since the last statement takes over: first in the
                # statement's own sentence (a name, else a phrase), then before it
                ss = d.sents[r.sent][0]
                subj = self._last_subject(d, pos, max(topic_pos, ss - 1), in_content)
                np = None
                if subj is None and r.mode == "carry":
                    np = self._sentence_np(d, r, topic_pos)
                if subj is None and np is None:
                    subj = self._last_subject(d, pos, topic_pos, in_content)
                if subj is not None:
                    topic, topic_pos = (subj[2], subj[3], None), subj[0]
                    if self._group_verb(d, r):
                        group = self._coordinated(d, subj)
                        if len(group) >= 2:  # "اجتمع قادة حماس والجهاد …، وأكدوا أن …"
                            r.speakers = group
                elif np is not None:
                    r.mode, r.np = "np", np
            if r.mode == "np" and r.np is not None:
                phrase = d.text[r.np[0]:r.np[1]]
                body = self._named_body(d, r, in_content)
                if body is not None:  # "وقالت الحركة في بيان إن …": the movement named before
                    r.mode, r.speaker, r.attribution = "explicit", body, "role"
                    r.speaker_text = phrase
                    topic, topic_pos = (body, "ORG", None), max(topic_pos, pos)
                    if not in_content(r.cue_s):
                        main = r
                    continue
                pair = self._parties(d, r, in_content)
                if pair:
                    r.mode, r.speaker, r.speakers, r.attribution = "explicit", pair[0], pair, "joint"
                    r.speaker_text = phrase
                    topic, topic_pos = (pair[0], (d.ents.get(pair[0]) or {}).get("type"), None), max(topic_pos, pos)
                    if not in_content(r.cue_s):
                        main = r
                    continue
                # a plural verb ("وأكدوا") has a plural subject: no one person's role;
                # a statement ("البيان") is no one's role either
                eid = self._surname_entity(d, r.np)
                if eid is None:
                    eid = None if r.plural or self._statement_noun(phrase.split()[0]) \
                        or self._kin(fold(phrase.split()[0])) is not None \
                        else (self._holder_in(d, r.np)
                              or self._role_entity(d, r.np, r.cue_s))  # (kin: "والد الرهينة" is no role)
                org = self._org_in(d, r.np) if eid is None else None
                if eid is not None:
                    r.mode, r.speaker, r.attribution = "explicit", eid, "role"
                elif org is not None:
                    # "المتحدث باسم وزارة الخارجية", "مصادر في وزارة الدفاع": the body speaks
                    r.mode, r.speaker, r.speaker_text, r.attribution = "explicit", org, phrase, "organization"
                elif r.cue is not None and r.cue.continues and (topic[0] or topic[2]):
                    r.speaker, r.speaker_text, r.attribution = topic[0], topic[2], "carried"
                else:
                    r.speaker, r.speaker_text = None, phrase
                    r.attribution = r.attribution or "explicit"
            elif r.mode in ("carry", "pron"):
                if r.mode == "carry" and topic[1] == "PER" and r.cue is not None and r.cue.kind == "verb":
                    topic = self._agreeing_topic(d, r, topic, in_content)
                if (r.mode == "pron" and r.pron == "m" and topic[1] != "PER") or topic == (None, None, None):
                    per = self._last_mention(d, pos, "PER", in_content)
                    if per is not None:
                        if r.mode == "pron" and topic[1] == "ORG" and r.reported_by is None:
                            r.reported_by = topic[0]  # "ونقلت عنه": the outlet just named relays
                        topic = (per, "PER", None)
                r.speaker, r.speaker_text = topic[0], topic[2]
                r.attribution = r.attribution or "carried"
            if r.speaker is not None:
                topic = (r.speaker, (d.ents.get(r.speaker) or {}).get("type"), None)
            elif r.speaker_text:
                topic = (None, None, r.speaker_text)
            topic_pos = max(topic_pos, pos, r.speaker_pos)
            if not in_content(r.cue_s):
                main = r
        self._named_by_continuation(d, recs)

    def _group_verb(self, d: _Doc, r: _Rec) -> bool:
        """A plural or dual speech verb ("وأكدوا", "وطالبوا", "وأكدا")."""
        if r.plural:
            return True
        form = fold(d.text[r.cue_s:r.cue_e])
        got = self.lex.cue_tokens.get(form)
        return got is not None and got[1].endswith("ا") and got[1][:-1] in self.lex.cues

    @staticmethod
    def _coordinated(d: _Doc, ment) -> tuple[str, ...]:
        """The mention and those joined to it by و ("حركة حماس وحركة الجهاد",
        "كريم ناصر وهدى فاضل"), of the same type, in text order."""
        k = bisect.bisect_left(d.ment_starts, ment[0])
        out = [ment[2]]
        end = ment[1]
        k += 1
        while k < len(d.ments) and len(out) < 6:
            s, e, eid, t = d.ments[k]
            gap = d.text[end:s].strip(" ،,")
            if t != ment[3] or gap not in ("و", ""):
                break
            if gap == "" and "،" not in d.text[end:s] and "," not in d.text[end:s]:
                break
            if eid not in out:
                out.append(eid)
            end = e
            k += 1
        return tuple(out) if len(out) > 1 else ()

    def _participle_subject(self, d: _Doc, r: _Rec, in_content) -> tuple | None:
        """A circumstantial participle ("…، مؤكداً أن …") in a sentence with no
        statement before it adds a statement of the subject of the sentence's
        main verb, whatever that verb is ("رحب X بقرار وزارة الداخلية …، واصفا",
        "وأدانت السعودية التوغل، مؤكدة"): the first person or body of the
        sentence that is a subject and agrees with the participle, not a name
        in between and not the speaker of an earlier sentence.  With no named
        subject, a plural participle ("…، حيث رفع المحتجون لافتات، مؤكدين")
        speaks for the plural subject phrase: ("np", phrase), never for one
        person carried over.  Returns ("ent", id, pos), ("np", phrase) or None."""
        ss = d.sents[r.sent][0]
        form = fold(d.text[r.cue_s:r.cue_e])
        plural = form.endswith(("ين", "ون"))
        fem = form.endswith("ه") and not plural
        k = bisect.bisect_left(d.ment_starts, ss)
        while k < len(d.ments) and d.ments[k][0] < r.cue_s:
            ment = d.ments[k]
            k += 1
            if (ment[3] in ("PER", "ORG") and not d.quote_around(ment[0]) and not in_content(ment[0])
                    and not self._relays(d, ment) and self._is_subject(d, ment)):
                if plural and ment[3] == "PER":
                    continue
                if fem and self._masculine_body(d, ment):
                    continue
                if ment[3] == "ORG":
                    # "رحب المتحدث باسم حكومة الإقليم فلان …", "وأشاد سفير الاتحاد الأوروبي
                    # لدى الأمم المتحدة في جنيف فلان": the body is inside the role of the
                    # person named after it
                    ment = self._holder_after(d, ment, k, r.cue_s) or ment
                return ("ent", ment[2], ment[0])
        if plural:
            np = self._plural_subject(d, ss, r.cue_s)
            return ("np", np) if np else None
        return None

    def _nearer_subject(self, d: _Doc, r: _Rec, lo: int, main_speaker: str | None):
        """"قال X إن …، فيما رفض Y الخطة، مؤكداً أن …": a circumstantial participle
        belongs to the nearest clause before it, so a person or body that is the
        subject of a clause opened after the main statement's verb (after a
        clause opener or a comma, not after a complementizer) and agrees with the
        participle speaks.  Returns that mention or None."""
        form = fold(d.text[r.cue_s:r.cue_e])
        plural = form.endswith(("ين", "ون"))
        fem = form.endswith("ه") and not plural
        k = bisect.bisect_left(d.ment_starts, r.cue_s) - 1
        while k >= 0 and d.ments[k][0] > lo:
            ment = d.ments[k]
            k -= 1
            if ment[3] not in ("PER", "ORG") or ment[2] == main_speaker or d.quote_around(ment[0]) or self._relays(d, ment) \
                    or not self._is_subject(d, ment):
                continue
            if not self._opens_clause(d, ment, lo):
                continue
            if plural and ment[3] == "PER":
                continue
            if ment[3] == "ORG" and fem and self._masculine_body(d, ment):
                continue
            if ment[3] == "PER" and not plural and self._gender(d, ment[2]) not in (None, "f" if fem else "m"):
                continue
            return ment
        return None

    def _opens_clause(self, d: _Doc, ment, lo: int) -> bool:
        """Is the mention the subject of a verb that opens a new clause after a
        clause opener ("فيما رفض النائب فلان", "في حين رحبت الرابطة") or after a
        comma with و ("…، ورفض الحزب …")?  Titles, role words, names and definite
        words may stand between the verb and the mention."""
        lex = self.lex
        toks = d.toks_before(ment[0], lo, 8)
        i = len(toks) - 1
        while i >= 0:
            s, _e, w = toks[i]
            if not (_is_word(w) and (self._is_title(w) or self._is_head(w) or d.mention_covering(s) is not None
                                     or split_article(w)[0] == "ال")):
                break
            i -= 1
        if i < 1:
            return False
        v, prev = toks[i][2], toks[i - 1][2]
        if not _is_word(v) or self._in(v, lex.stop_words) or v in lex.complementizers:
            return False
        return (prev in lex.clause_openers and prev not in ("كان", "كانت", "وكان", "وكانت", "قد", "وقد", "فقد")) \
            or (v[0] == "و" and prev in _COMMAS)

    def _holder_after(self, d: _Doc, ment, k: int, limit: int):
        """The person named after a body in one role phrase: only places, bodies,
        definite adjectives, titles, role heads, commas and the links of a role
        (في، لدى، عن، باسم) between them."""
        end = ment[1]
        while k < len(d.ments) and d.ments[k][0] < limit:
            nxt = d.ments[k]
            k += 1
            gap = d.toks(end, nxt[0], 8)
            if len(gap) >= 8 or not all(
                    t[2] in _COMMAS or t[2] in ("في", "لدي", "عن", "باسم") or self._is_title(t[2])
                    or self._is_head(t[2]) or split_article(t[2])[0] == "ال" for t in gap):
                return None
            if nxt[3] == "PER":
                return nxt
            end = max(end, nxt[1])
        return None

    def _agreeing_topic(self, d: _Doc, r: _Rec, topic: tuple, in_content) -> tuple:
        """"وقالت هند فاضل … وأضاف أن …": a verb with no subject of its own goes
        on with the last person speaking only when it agrees with them in gender;
        else with the last person before it, subject of a clause in this or the
        three sentences before, that agrees, else with no one.  (Not for bodies:
        "وقال الناطق باسم المديرية" speaks for a feminine body with a masculine verb.)"""
        form = fold(d.text[r.cue_s:r.cue_e])
        got = self.lex.cue_tokens.get(form)
        if got is None or r.plural or got[1].endswith("ا"):
            return topic  # (a dual or plural verb: no one person to check)
        want = "f" if r.fem else "m"
        have = self._gender(d, topic[0])
        if have is None or have == want:
            return topic
        floor = d.sents[max(0, r.sent - 3)][0]
        k = bisect.bisect_left(d.ment_starts, r.cue_s) - 1
        while k >= 0 and d.ments[k][0] >= floor:
            ment = d.ments[k]
            k -= 1
            if (ment[3] == "PER" and ment[2] != topic[0] and not d.quote_around(ment[0])
                    and not in_content(ment[0]) and self._gender(d, ment[2]) == want and self._is_subject(d, ment)):
                return (ment[2], ment[3], None)
        return (None, None, None) if want == "m" or have == "m" else topic

    def _gender(self, d: _Doc, eid: str | None) -> str | None:
        """"m" or "f" when the text tells: a body by its head noun ("مجلس" m,
        "وزارة" f); a person by the verb or role word right before the name
        ("قالت …", "المتحدثة باسم …", "الوزيرة") in the majority of mentions."""
        if eid is None:
            return None
        if eid in d.genders:
            return d.genders[eid]
        ent = d.ents.get(eid) or {}
        g = None
        ms = ent.get("mentions") or ()
        if ent.get("type") == "ORG" and ms:
            ment = (ms[0]["start"], ms[0]["end"], eid, "ORG")
            if self._masculine_body(d, ment):
                g = "m"
            else:
                first_end = d.text.find(" ", ment[0], ment[1])
                if d.text[(ment[1] if first_end == -1 else first_end) - 1] == "ة":
                    g = "f"  # "وزارة الخارجية", "حركة حماس"
        elif ent.get("type") == "PER":
            votes = {"m": 0, "f": 0}
            heads = _person_heads()
            for m in ms[:12]:
                for ts, _te, w in reversed(d.toks_before(m["start"], d.sents[d.sent_of(m["start"])][0], 6)):
                    if ts in d.cue_starts:
                        got = self.lex.cue_tokens.get(w)
                        if got is not None and self.lex.cues[got[1]].kind == "verb" and not got[1].endswith(("ا", "وا", "ون")):
                            votes["f" if self._fem_or_plural(got[1]) else "m"] += 1
                        break
                    bare = split_article(w)[1]
                    if bare in heads or (bare.endswith("ه") and bare[:-1] in heads):
                        votes["f" if bare.endswith("ه") and bare[:-1] in heads else "m"] += 1
                        break
                    if not _is_word(w):
                        break
            if votes["f"] > votes["m"]:
                g = "f"
            elif votes["m"] > votes["f"]:
                g = "m"
        d.genders[eid] = g
        return g

    def _masculine_body(self, d: _Doc, ment) -> bool:
        """An organization whose head noun is masculine ("مجلس", "الاتحاد",
        "حزب"): it does not take a feminine participle."""
        if ment[3] != "ORG":
            return False
        first = d.toks(ment[0], ment[1], 1)
        if not first:
            return False
        return split_article(first[0][2])[1] in self.lex.masculine_heads

    def _plural_subject(self, d: _Doc, s: int, e: int) -> str | None:
        """A definite sound masculine plural in the nominative ("المحتجون",
        "المتظاهرون") in ``[s, e)``: the subject a plural participle agrees with."""
        for ts, te, w in d.toks(s, e, 40):
            pre, bare = split_article(w)
            if pre.endswith("ال") and bare.endswith("ون") and len(bare) > 4 and not d.quote_around(ts):
                return d.text[ts:te]
        return None

    def _named_by_continuation(self, d: _Doc, recs: list[_Rec]) -> None:
        """"وقال المتحدث باسم حكومة الإقليم إن … وأضاف هيوا رسول أن …": "أضاف"
        says the same speaker goes on, so the role just before, left unnamed or
        read as its body, is the person this next statement names.  Not after an
        unnamed source ("مصدر أمني") or a plural."""
        for i in range(1, len(recs)):
            r = recs[i]
            if r.cue is None or r.attribution != "explicit" or r.speaker is None \
                    or (d.ents.get(r.speaker) or {}).get("type") != "PER" or not 0 <= r.sent - recs[i - 1].sent <= 1:
                continue
            if not r.cue.continues and not self._introduced_bare(d, r, recs[i - 1]):
                continue
            # the role's own statement and those carried on from it ("وقالت ممثلة المنظمة إن …
            # وأوضحت: «…» وأضافت الدكتورة ماري كلير نغاروم أن …")
            # (a role read as its body carries the body on: "وقال وزير الإعلام في الحكومة
            # الفيدرالية إن …، متهما … وأضاف محمد فارح أن …")
            k = i - 1
            chain = []
            while k >= 0 and recs[k].attribution == "carried" and recs[k].speaker_text is not None \
                    and len(chain) < 4:
                chain.append(recs[k])
                k -= 1
            if k < 0:
                continue
            prev = recs[k]
            if chain and (prev.speaker_text != chain[-1].speaker_text
                          or any(c.speaker != prev.speaker for c in chain)):
                continue
            if prev.plural or prev.np is None or prev.attribution not in ("organization", "explicit") \
                    or (prev.speaker is not None and prev.attribution != "organization"):
                continue
            first = d.toks(prev.np[0], prev.np[1], 1)
            head = self._role_words([t[2] for t in first])
            if not head or head[0] in _UNNAMED_SOURCES or self._statement_noun(first[0][2]):
                continue  # (a statement, "وطالب البيان …", is no person's role)
            prev.speaker, prev.attribution = r.speaker, "role"
            for c in chain:
                c.speaker = r.speaker

    def _introduced_bare(self, d: _Doc, r: _Rec, prev: _Rec) -> bool:
        """Is the person speaking in ``r`` named for the first time, bare, right
        after the cue ("وقال ممثل المفوضية إن … وأوضح باتريك نغويا أن …")?  A
        newcomer with no role of their own, straight after an unnamed role's
        statement, is that role's holder, as after "وأضاف"."""
        if r.speaker_pos < 0 or d.text[r.cue_e:r.speaker_pos].strip() or prev.np is None:
            return False
        first = d.toks(prev.np[0], prev.np[1], 1)
        if not first or split_article(first[0][2])[1] not in _person_heads():
            return False  # a person's role ("ممثل المفوضية"), not "الدراسة", "الأهالي", "عائلة هاموند"
        return all(ms >= prev.cue_e for ms, _me, eid, _t in d.ments if eid == r.speaker)

    def _named_body(self, d: _Doc, r: _Rec, in_content) -> str | None:
        """"وقالت الحركة", "وأضاف الحزب", "وأكدت الوزارة": a definite head noun
        alone refers back to the last organization named with that head
        ("حركة الشباب", "حزب التجمع الوطني …", "وزارة الخارجية")."""
        assert r.np is not None
        words = [t for t in d.toks(r.np[0], r.np[1], 3) if _is_word(t[2])]
        # "وأعربت البعثة الأممية": the head may carry one definite adjective of relation
        if len(words) == 2 and split_article(words[1][2])[0] == "ال" and words[1][2].endswith(("ي", "يه")) \
                and d.mention_in(words[1][0], words[1][1]) is None:
            words = words[:1]
        if len(words) != 1:
            return None
        pre, bare = split_article(words[0][2])
        if not pre.endswith("ال") or bare not in _org_heads():
            return None
        k = bisect.bisect_left(d.ment_starts, r.cue_s) - 1
        while k >= 0:
            s, e, eid, t = d.ments[k]
            if t == "ORG" and not in_content(s) and not d.quote_around(s):
                first = d.toks(s, e, 1)
                if first and split_article(first[0][2])[1] == bare:
                    return eid
            k -= 1
        return None

    def _parties(self, d: _Doc, r: _Rec, in_content) -> tuple[str, ...]:
        """"وأكد الجانبان …", "واتفق الوزيران …": a dual that names the two
        parties told just before — the last two people (the last two countries
        for البلدان, people or else bodies for الجانبان/الطرفان), in the order
        the text names them."""
        assert r.np is not None
        words = [t[2] for t in d.toks(r.np[0], r.np[1], 3)]
        if len(words) != 1:
            return ()
        word = split_article(words[0])[1]
        types = _DUAL_PARTIES.get(word)
        if types is None:
            return ()
        floor = d.sents[max(0, r.sent - 3)][0]
        for etype in types:
            found: list[tuple[int, str]] = []
            k = bisect.bisect_left(d.ment_starts, r.cue_s) - 1
            while k >= 0 and d.ments[k][0] >= floor and len(found) < 2:
                s, _e, eid, t = d.ments[k]
                if t in etype and not in_content(s) and not d.quote_around(s) and eid not in {f[1] for f in found}:
                    found.append((s, eid))
                k -= 1
            if len(found) == 2:
                first = {}
                for s, _e, eid, _t in d.ments:
                    if eid in (found[0][1], found[1][1]) and eid not in first:
                        first[eid] = s
                return tuple(sorted(first, key=first.get))
        return ()

    @staticmethod
    def _org_in(d: _Doc, span: tuple[int, int]) -> str | None:
        """The organization named inside a speaker phrase."""
        k = bisect.bisect_left(d.ment_starts, span[0])
        while k < len(d.ments) and d.ments[k][0] < span[1]:
            if d.ments[k][3] == "ORG":
                before = d.toks_before(d.ments[k][0], span[0], 1)
                # "ممثلها لدى الأمم المتحدة": the body one is accredited to does not speak
                if not (before and before[-1][2] in ("لدي", "الي")):
                    return d.ments[k][2]
            k += 1
        return None

    def _sentence_np(self, d: _Doc, r: _Rec, floor: int) -> tuple[int, int] | None:
        """The subject phrase after the first verb of the sentence, when it names
        no entity: "وقدم قادة المقاومة الفلسطينية عرضاً … واكدوا أن …"."""
        ss = d.sents[r.sent][0]
        if ss <= floor:
            return None
        toks = d.toks(ss, r.cue_s, 12)
        if len(toks) < 3:
            return None
        w0 = toks[0][2]
        if (not _is_word(w0) or self._in(w0, self.lex.stop_words) or self._in(w0, self.lex.adverbial_starts)
                or self._is_head(w0) or d.mention_in(toks[0][0], toks[0][1])):
            return None
        if not (self._is_head(toks[1][2]) or self._is_title(toks[1][2])):
            return None
        end = self._name_after(d, toks, self._np_end(d, toks, 1))
        if end >= len(toks):
            return None
        return toks[1][0], toks[end - 1][1]

    def _last_mention(self, d: _Doc, pos: int, etype: str, in_content) -> str | None:
        k = bisect.bisect_left(d.ment_starts, pos) - 1
        while k >= 0:
            s, e, eid, t = d.ments[k]
            if t == etype and not in_content(s) and not d.quote_around(s):
                return eid
            k -= 1
        return None

    def _last_subject(self, d: _Doc, pos: int, floor: int, in_content):
        """The last mention before ``pos`` (after ``floor``) that is the subject
        of a clause, outside quotations and reported content."""
        k = bisect.bisect_left(d.ment_starts, pos) - 1
        while k >= 0:
            ment = d.ments[k]
            if ment[0] <= floor:
                return None
            if (ment[3] in ("PER", "ORG") and not d.quote_around(ment[0]) and not in_content(ment[0])
                    and not self._relays(d, ment) and self._is_subject(d, ment)):
                return ment
            k -= 1
        return None

    def _relays(self, d: _Doc, ment) -> bool:
        """"… في تصريحات نقلتها وكالة الأنباء الإثيوبية": the agent of a relative
        clause that relays the statement is not the one who speaks."""
        before = d.toks_before(ment[0], d.sents[d.sent_of(ment[0])][0], 1)
        if not before:
            return False
        w = before[-1][2]
        return w in self.lex.relay_verbs and w.endswith(("ه", "ها"))

    def _is_subject(self, d: _Doc, ment) -> bool:
        """Is the mention the subject of its clause?  Walk back over titles,
        role words and other names to the word before them: a speech verb, a
        verb opening its clause ("وأشاد الفريق أول ألكسندر بيلوف", "فيما حمله
        الأسد") or the start of the sentence make it a subject; a preposition,
        a particle, a construct noun ("زيارة باقري") or an attached ب/ل/ك do not."""
        lex = self.lex
        s = ment[0]
        k = bisect.bisect_right(d.tstarts, s) - 1
        if k >= 0 and d.tokens[k].start < s:
            pre = d.text[d.tokens[k].start:s]
            if any(c in pre for c in "بلكو"):
                return False
            s = d.tokens[k].start
        ss = d.sents[d.sent_of(s)][0]
        before = d.toks_before(s, ss, 16)
        for i in range(len(before) - 1, -1, -1):
            bs, be, w = before[i]
            if not _is_word(w):
                if w in "،,()\"'":
                    continue
                return True
            covering = d.mention_covering(bs)
            if covering is not None:
                if i == len(before) - 1 and covering[3] == "PER" and ment[3] == "ORG":
                    return False  # "انتقد … مصطفى كريم السنيد الحكومة العراقية": the object after the subject
                continue
            # inside a long role phrase: "وزير الإعلام في الحكومة اليمنية المعترف بها دوليا"
            if i > 0 and w in _ROLE_LINKS and split_article(before[i - 1][2])[0].endswith("ال"):
                continue  # "المعترف بها", "المقرب منه"
            if w in ("في", "لدي", "الي", "عن") and i + 1 < len(before) and d.mention_covering(before[i + 1][0]) is not None \
                    and (d.mention_covering(before[i + 1][0]) or (0, 0, "", ""))[3] in ("ORG", "LOC") \
                    and any(self._is_head(t[2]) for t in self._words_before(d, before, i, 3)):
                continue  # "وزير الإعلام في الحكومة اليمنية", "سفير المملكة العربية السعودية لدى لبنان",
                # "النائب عن ائتلاف دولة القانون عارف الحمامي"
            if w in ("في", "لدي", "عن") and i + 1 < len(before) and self._inside_role(d, before, i):
                continue  # "سفير الاتحاد الأوروبي لدى الأمم المتحدة في جنيف ماركوس فيلر"
            if i > 1 and len(w) > 4 and w.endswith("يا") and not split_article(w)[0]:
                continue  # an adverb inside the role: "المعترف بها دوليا"
            if bs in d.cue_starts:
                got = lex.cue_tokens.get(w)
                if got is not None and i == len(before) - 1:
                    form = got[1]
                    fp = self._fem_or_plural(form)
                    fem = fp and not (self._object_stem(form) or form).endswith(("وا", "ون"))
                    return not self._disagrees(d, lex.cues[form], fp, ment, fem)
                return True
            kin = self._kin(w)
            if kin == "genitive":
                return False  # "والد الرهينة توميسلاف": the relative spoken of
            if kin == "pronoun":
                continue  # "وأكدت زوجته ميساء غانم": she herself
            if self._is_title(w) or self._is_head(w):
                continue
            if d.text[be - 1] == "ة" and len(w) > 3 and (self._is_head(w[:-1]) or self._is_title(w[:-1])):
                continue  # the feminine of a role: "أستاذة الاقتصاد", "مندوبة"
            apre, _b = split_article(w)
            if apre:
                if "ب" in apre or "ك" in apre:
                    return False
                continue
            if w[0] == "ب" and len(w) >= 6 and w[1] in "اتم" and not w.endswith(("ت", "وا")):
                return False  # a verbal noun after بـ governs the name: "ورد جعجع باتهام حزب الله بـ…"
            if w[0] == "ل" and len(w) > 3 and not self._in(w, lex.stop_words) and not self._in(w, lex.adverbial_starts):
                continue  # a genitive: "عضو المكتب السياسي لأنصار الله ناصر الحمزي"
            if (self._in(w, lex.stop_words) or self._in(w, lex.noun_markers) or w in lex.complementizers
                    or w in lex.relatives or self._in(w, lex.non_subject_nouns) or d.text[be - 1] == "ة"):
                return False
            # a verb-like word: it must open its clause, or follow a fronted
            # adverbial ("وخلال لقائه رئيس الوزراء العراقي ثمن باقري …")
            if i == 0:
                return len(before) < 12
            pw = before[i - 1][2]
            if pw in _COMMAS and i > 1 and (d.mention_covering(before[i - 2][0]) or (0, 0, "", ""))[3] in ("PER", "ORG"):
                return False  # "دولت بهجلي، حليف الرئيس أردوغان،": an apposition to the name before
            if not _is_word(pw) or pw in lex.clause_openers:
                return True
            return len(before) < 12 and self._in(before[0][2], lex.adverbial_starts) and i <= 8
        return len(before) < 12

    def _inside_role(self, d: _Doc, before: list[Tok], i: int) -> bool:
        """Is the preposition at ``before[i]`` a link inside a role phrase: a role
        head before it, reached back over bodies, places, definite words and other
        links only ("المندوب الروسي الدائم لدى المنظمات الدولية في فيينا")?"""
        for k in range(i - 1, max(-1, i - 9), -1):
            bs, _be, w = before[k]
            if self._is_head(w):
                return True
            if d.mention_covering(bs) is not None or w in ("في", "لدي", "عن", "باسم"):
                continue
            if not split_article(w)[0].endswith("ال"):
                return False
        return False

    @staticmethod
    def _words_before(d: _Doc, before: list[Tok], i: int, n: int) -> list[Tok]:
        """The ``n`` tokens before ``before[i]``, a named entity counting as one token."""
        out: list[Tok] = []
        j = i - 1
        while j >= 0 and len(out) < n:
            ment = d.mention_covering(before[j][0])
            out.append(before[j])
            if ment is not None:
                while j > 0 and before[j - 1][0] >= ment[0]:
                    j -= 1
            j -= 1
        return out

    def _role_words(self, ws) -> list[str]:
        """Content words of a role phrase, compared without article, attached
        ل and feminine ending ("للقوات" = "القوات", "الإيرانية" = "الإيراني")."""
        lex = self.lex
        out = []
        for w in ws:
            if not w[:1].isalnum():
                continue
            b = split_article(w)[1]
            if b[:1] == "ل" and len(b) > 3 and w[:1] == "ل":
                b = b[1:]
            if b in lex.stop_words or len(b) < 2:
                continue
            out.append(b[:-1] if b.endswith("ه") else b)
        return out

    def _role_sources(self, d: _Doc) -> list[tuple[str, list[int], list[tuple[set[str], int, int]]]]:
        """Per person: mention starts and the role word sets that describe it
        (its listed roles, and the words written right before each mention)."""
        if d.role_sources is not None:
            return d.role_sources
        lex = self.lex
        out = []
        for e in d.entities:
            if e.get("type") != "PER":
                continue
            sources = [(set(self._role_words(_WORDS.findall(fold(r)))), -1, -1) for r in e.get("roles") or ()
                       if isinstance(r, str)]
            starts = []
            for m in e.get("mentions") or ():
                ms = m["start"]
                starts.append(ms)
                ctx = d.toks_before(ms, d.sents[d.sent_of(ms)][0], 12)
                cut = 0
                for i, t in enumerate(ctx):
                    w = t[2]
                    if (not w[:1].isalnum() and w not in "،,()\"") or t[0] in d.cue_starts \
                            or w in lex.complementizers:
                        cut = i + 1
                ctx = ctx[cut:]
                if ctx:
                    sources.append((set(self._role_words(t[2] for t in ctx)), ctx[0][0], ctx[-1][1]))
            out.append((e.get("id"), starts, sources))
        d.role_sources = out
        return out

    def _role_entity(self, d: _Doc, np: tuple[int, int], pos: int) -> str | None:
        """The person whose role is the phrase at ``np``: a role listed in
        ``doc.entities`` or the role words written before one of the person's
        mentions ("وزير الدفاع التركي أورهان تكين")."""
        toks = d.toks(np[0], np[1], 12)
        phrase = self._role_words(t[2] for t in toks)
        if not phrase:
            return None
        head = phrase[0]
        # the place a role is held in need not be written with the name again:
        # "محافظ جنين" is "المحافظ محمود العتيلي"
        places = set(self._role_words(t[2] for t in toks[1:] if (m := d.mention_in(t[0], t[1])) and m[3] == "LOC"))
        pset = set(phrase) - (places - {head}) or set(phrase)
        in_body = [bool((m := d.mention_in(t[0], t[1]) or d.mention_covering(t[0])) and m[3] == "ORG") for t in toks]
        for i in range(len(toks) - 2, 0, -1):  # "حركة" before "حماس": the body's own head noun
            if in_body[i + 1] and split_article(toks[i][2])[1] in _org_heads():
                in_body[i] = True
        bodies = set(self._role_words(t[2] for t, b in zip(toks[1:], in_body[1:]) if b))
        dropped: set[str] = set()
        if len(pset - bodies) >= 2:
            # "رئيس وفد حركة حماس" is the "رئيس الوفد" named later; a role that only its body
            # tells apart ("المتحدث باسم الجيش") keeps the body
            places |= bodies
            dropped = bodies & pset
            pset -= bodies
        need = 1 if len(pset) == 1 else max(2, -(-3 * len(pset) // 4))
        best, best_key = None, None
        for eid, starts, sources in self._role_sources(d):
            dist = min((abs(pos - ms) for ms in starts), default=10**9)
            for rw, a, b in sources:
                if head not in rw or a <= np[0] < b:
                    continue
                hit = len(pset & rw)
                if hit < need:
                    continue
                if dropped and (rw - pset - places) and not rw & dropped:
                    # "المتحدث باسم وزارة الخارجية" is not "المتحدث باسم الحرس الثوري":
                    # a role that names another body is another person's
                    continue
                # the place, when written with the person too, decides between two governors
                key = (hit / len(pset), len(places & rw), -dist)
                if best_key is None or key > best_key:
                    best, best_key = eid, key
        if best is None:
            best = self._national_of(d, np, pos)
        if best is None:
            best = self._named_after(d, head, np)
        return best

    def _named_after(self, d: _Doc, head: str, np: tuple[int, int]) -> str | None:
        """"وقال قائد المنطقة العسكرية الشرقية إن … وأضاف القائد، العميد زياد
        الخوالدة، أن …": a role no person holds yet is the person named soon
        after in an apposition to the same head noun with the article ("القائد،",
        "المتحدث،") or to "المسؤول،", within the next two sentences."""
        s0 = d.sent_of(np[0])
        generic = _GENERIC_ANAPHORS
        for ms, _me, eid, etype in d.ments[bisect.bisect_left(d.ment_starts, np[1]):]:
            if d.sent_of(ms) - s0 > 2:
                break
            if etype != "PER":
                continue
            ctx = d.toks_before(ms, d.sents[d.sent_of(ms)][0], 6)
            k = len(ctx) - 1
            while k >= 0 and len(ctx) - k <= 3 and ctx[k][2] not in _COMMAS:
                k -= 1  # titles between the comma and the name ("العميد الركن")
            if k < 1 or ctx[k][2] not in _COMMAS:
                continue
            w = ctx[k - 1][2]
            if not w.startswith("ال"):
                continue
            role = self._role_words([w])
            if role and (role[0] == head or role[0] in generic):
                return eid
        return None

    def _national_of(self, d: _Doc, np: tuple[int, int], pos: int) -> str | None:
        """"وقال الوزير الكيني إن …" after "… مع نظيره الكيني صامويل أوتينو": a
        definite title plus a nationality, with no role that matches, refers
        back to the person of that country named last before it."""
        toks = [t for t in d.toks(np[0], np[1], 4) if _is_word(t[2])]
        if len(toks) != 2 or not toks[0][2].startswith("ال") or not self._is_head(toks[0][2]):
            return None
        from marsad.lexicons.loader import load_nationalities

        code = load_nationalities().get(toks[1][2])
        if code is None:
            return None
        best, best_pos = None, -1
        for e in d.entities:
            if e.get("type") != "PER" or e.get("country") != code:
                continue
            for m in e.get("mentions") or ():
                if best_pos < m["start"] < pos:
                    best, best_pos = e.get("id"), m["start"]
        return best

    # -- output --------------------------------------------------------------
    def _record(self, d: _Doc, r: _Rec) -> dict[str, Any]:
        text = d.text
        ent = d.ents.get(r.speaker) if r.speaker else None
        has_cue = r.attribution != "context"
        rec: dict[str, Any] = {
            "speaker": r.speaker,
            "text": text[r.start:r.end],
            "start": r.start,
            "end": r.end,
            "direct": bool(r.direct),
            "cue": text[r.cue_s:r.cue_e] if has_cue else None,
            "cue_start": r.cue_s if has_cue else None,
            "cue_end": r.cue_e if has_cue else None,
            "speaker_name": ent.get("name") if ent else None,
            "attribution": r.attribution or "carried",
        }
        if r.speaker_text:
            rec["speaker_text"] = r.speaker_text
        if r.speakers:
            rec["speakers"] = list(r.speakers)
        if r.reported_by is not None or r.reported_by_text:
            rb = d.ents.get(r.reported_by) if r.reported_by else None
            rec["reported_by"] = r.reported_by
            rec["reported_by_name"] = rb.get("name") if rb else r.reported_by_text
        return rec


__all__ = ["Cue", "QuoteExtractor", "SpeechLexicon", "SpeechLexiconError"]
