"""The events component: PLOVER events (who did what to whom) in Arabic news.

Triggers come from the lexicon ``marsad/lexicons/events.yaml`` (format in its
header): verbs, verbal nouns (masdar), circumstantial participles and fixed
words, each with its PLOVER type, CAMEO root code, mode and the prepositions
that mark its target.  Verbs and nouns are conjugated/declined when the
lexicon is loaded; proclitics (و ف س ل ب ك and the article) are stripped when
a word is looked up, and the lookup is memoized per word form, so matching an
article costs one dictionary probe per token.

Reading the arguments follows the grammar of Arabic event reporting:

* **Verb triggers.**  The source is the subject: the noun phrase *before* the
  verb when the clause starts with it (SVO: "مسلحون هاجموا", after إن/أن/و),
  the antecedent of a relative pronoun ("المسلحون الذين هاجموا"), otherwise
  the noun phrase right *after* the verb (VSO: "هاجم مسلحون ..."), skipping
  time words ("أمس", "مساء الجمعة"), or the name before a headline colon
  ("الخامنئي: ينتقد ...") or between commas ("وزير الخارجية، فؤاد حسين، بحث").
  A verb with a first-person ending or after "أنه/أنها" has a pronoun subject
  whose source is carried over (see below); a third-person plural pronoun is
  left unresolved; with an attached object pronoun the noun phrase after the
  verb is its subject ("استهدفه مسلحون").  A verb right after a noun phrase
  it does not start a clause with is a descriptive clause of that noun ("هجوم
  انتحاري استهدف سوقا": no new subject).  The target is the direct object
  after the subject, or the noun phrase after one of the trigger's target
  prepositions ("التقى بـ X", "اعتدى على X", "هدد X").  Noun phrases are read
  with Arabic agreement: a definite head takes definite adjectives, an
  indefinite head a genitive or adjectives agreeing in case ("مسلحون ملثمون |
  صحفيين"); a counted subject of an attack verb is its victims ("قتل 20
  شخصا": unvocalized passive).  ``voice: passive`` triggers (اغتيل، أصيب،
  استشهد) take the noun phrase after them as the target; ``voice: intr`` ones
  (تظاهر، احتج) have no object; ``voice: inst`` ones (انفجر، انفجار) have a
  weapon, not an actor, as subject.
* **Noun triggers (masdar).**  The genitive after the noun is its source or
  its target as the lexicon says (``gen:``): "زيارة باقري لبغداد" (source),
  "اغتيال سليماني" (target).  A transitive masdar with both a genitive and a
  target preposition reads the genitive as the source ("قصف إسرائيل لغزة").
  "من قبل X" / "على يد X" / "بواسطة X" / "برصاص X" always give the source.
  A light verb before the noun gives its subject as the source ("شن مسلحون
  هجوما", "أجرى الوزير اتصالا هاتفيا"); "تعرض X لهجوم" / "قتل X في هجوم" give
  the target.  A nationality adjective after the noun ("غارة أمريكية") gives
  the source's country: ``source_code`` and, when the document names that
  country, ``source``.
* **Location** is a place-name entity after في/بـ/قرب/داخل/أمام... in the same
  clause; a place a visit goes to ("زيارة إلى بغداد", "زار بغداد") is both
  target and location.
* **Negation**: لم/لن/لا/ما/ليس right before a verb, عدم/دون/بدون before a
  noun, and a denial verb (نفى/ينفي) earlier in the clause set ``negated``.
* **Governed actions.**  REQUEST, REJECT, THREATEN, AGREE, ACCUSE and SUPPORT
  triggers govern their complement: an event word that opens it ("طالب
  بانسحاب القوات", "رفض الانسحاب", "هدد بشن هجمات", "وافق على الانسحاب",
  "اتهمه باغتيال", "أشاد بالهجوم") is the demanded / refused / threatened /
  agreed / alleged / praised *action*: it is recorded as ``action`` (its PLOVER
  type) on the governing event, whose target becomes the action's actor if it
  has none, and it is NOT emitted as an event of its own (an attack that is
  condemned was reported when it happened; one that is demanded has not
  happened).  Modal words (ضرورة، يجب، لا بد) turn a governed action into a
  REQUEST of the clause's speaker; irrealis words (قرار، خطة، يسعى، ينوي، لمنع،
  إذا، هل ...) drop it.  So a demand inside a quote, "مطالباً الأميركيين مغادرة
  العراق", is one REQUEST by the speaker toward the Americans with action RETREAT.
* **Reports, not references.**  Event data codes what a sentence reports as
  happening.  Not emitted: future verbs (س، سوف، لن: intentions), the present
  tense of instant types (ASSAULT) without a time word (habitual: "تقتل القاعدة
  الأبرياء"), events in a relative clause about a person or thing ("خليل
  الوزير الذي اغتالته إسرائيل عام 1989"), event words after a background word
  ("بعد اغتيال"، "ذكرى"، "حصيلة التفجير"، "المسؤولية عن الهجوم"), purposes
  ("لتفجير")، event nouns that nothing anchors (no occurrence, light or result
  verb next to them, no time word or date, no place, no casualty) — and a
  definite or named event noun ("الهجوم"، "اغتيال الحريري") needs a verb right
  next to it or a relative clause saying what happened — and events in a side
  clause (فيما، بينما، حيث، عندما ...) of a sentence whose main clause reports
  none.  A verbal "attack" (هاجم/هجوم/ضربة with a person and no weapon,
  casualty or violence word, or "هجوما لاذعا") is ACCUSE.
* **One event per act.**  Events of one type in a sentence that share an actor
  or sit next to each other are merged ("انفجرت سيارة مفخخة"); a casualty word
  (قتل، مقتل، أصيب) next to an attack is its outcome: the attack event carries
  the victims as ``victims_text`` and the attack's mode and CAMEO root.
* **Carried-over source.**  Participles (مطالبا، مشيدا), first-person verbs
  inside quotes, pronoun subjects and modal requests take the source from, in
  order: the speaker of the quote they sit in, the source of the previous
  event in the sentence, the subject of the sentence's speech verb (قال،
  أكد ...), the speaker of the nearest earlier quote, the last named source of
  the previous sentences.  ``source_inferred`` is then true.
* A plain statement (قال، أكد) is a quote, never an event.

Each event is one dict of the JSON contract::

    {"type", "cameo", "mode", "source", "target", "location", "date",
     "negated", "trigger", "sentence", "start", "end"}

``start``/``end`` are the **sentence** span in ``doc.text`` (``sentence`` is
``doc.text[start:end]``); the trigger's own span is ``trigger_start`` /
``trigger_end``.  ``source``/``target``/``location`` are entity ids from
``doc.entities`` or ``None``.  Extension fields: ``trigger_start``,
``trigger_end``, ``quoted`` (the trigger sits inside a quotation), ``speaker``
(the quote's speaker id, when known), ``source_text``/``source_start``/
``source_end`` and the same for ``target`` (the actor phrase as written, also
when it is no named entity: "مسلحون", "المتظاهرين"), ``source_code``/
``target_code`` (CAMEO actor codes from the entity or a nationality
adjective), ``source_inferred``, ``location_text``, ``action`` (the governed
action's PLOVER type), ``action_trigger``, ``victims_text`` and ``date_approx``
(a year or month when that is all the date component resolved).

``date`` is :func:`marsad.extract.dates.date_for_span` of the trigger when that
module is installed and finds a day in the sentence, else ``doc.published``.

``mode`` and ``cameo``: the trigger's own, refined by mode cue words near it
(lexicon ``mode_cues``); for ASSAULT the mode also sets the CAMEO root (air,
drone, missile and artillery attacks are 19, bombings, assassinations,
abductions and beatings 18, massacres 20).

Speed: a trigger is found by one memoized dictionary probe per token; the
argument rules run only around the triggers found.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from marsad.document import Document, Token
from marsad.extract.entities import AFFILIATED
from marsad.text.normalize import fold
from marsad.text.segment import split_article

LEXICON_FILE = Path(__file__).resolve().parents[1] / "lexicons" / "events.yaml"
FILTER_FILE = Path(__file__).resolve().parents[1] / "models" / "events_filter.json"

#: the PLOVER event types Marsad codes (POLECAT's sixteen)
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

_ENTRY_KEYS = frozenset({
    "v", "n", "ap", "p", "pl", "then", "gap", "not_next", "not_prev", "no_article", "mode",
    "cameo", "tgt", "gen", "voice", "loc", "require", "governs", "not_near", "casualty", "verbal",
    "not_forms", "only_forms", "hamza_forms",
})
_KINDS = ("v", "n", "ap", "p")
_MARKERS = frozenset({"obj"} | {fold(w) for w in ("على", "ضد", "مع", "ب", "ل", "إلى", "من", "عن", "بين", "في", "أمام")})
_VOICES = ("active", "passive", "intr", "inst")
#: event types whose counted phrase next to the verb is the victims, never the agent
#: ("قتل 20 شخصا", "واعتقلت 23 شخصا", "ثمانية أشخاص قتلوا")
_COUNTED_VICTIMS = frozenset({"ASSAULT", "COERCE"})
_COMPLEMENTIZERS = frozenset(fold(w) for w in ("إن", "أن", "بأن"))
#: acts two parties do to each other: a coordinated pair is source and target
_MUTUAL_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
_LAM = frozenset(fold(w) for w in ("لم", "ولم", "فلم", "لما"))
_FRONTED_PREPS = frozenset(fold(w) for w in ("وفي", "في", "وعلى", "وفى"))
_QUOTE_MARKS = frozenset('"«»“”„\'')
#: "منذ": a span that runs up to now (a present verb with it is ongoing)
_SINCE = frozenset(fold(w) for w in ("منذ", "ومنذ"))
#: head nouns that alone, with the article, mean a thing as often as a body named
#: before ("الإدارة" = the management, "المكتب" = the office)
_GENERIC_HEADS = frozenset(fold(w) for w in ("إدارة", "مكتب", "مركز", "دائرة"))
#: words that open a clause of its own: a verb after one has its subject after it
_CLAUSE_OPENERS = _COMPLEMENTIZERS | frozenset(fold(w) for w in (
    "الذي", "التي", "الذين", "بعدما", "عندما", "حيث", "فيما", "بينما", "لكن", "كما"))

_MISS = object()  # no entry in a cache
_OBJ_PRONOUNS = ("ه", "ها", "هم", "هما", "هن", "نا")
_POSS_PRONOUNS = ("ه", "ها", "هم", "هما", "هن", "نا", "كم")

#: punctuation that ends a clause
_PUNCT_BREAK = frozenset("،,؛;:.!?؟«»\"“”()[]{}–—…/|")
#: complementizers carrying the subject pronoun: the verb after them has a pronoun subject
_PRONOUN_COMPS = frozenset(
    fold(w) for w in ("أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم", "بأنه", "بأنها", "بأنهم", "لأنه", "لأنها",
                      "أنني", "إنني", "أننا", "إننا", "بأننا", "لأننا", "نحن", "أنا", "فإنه", "فإنها", "فإننا"))
#: head nouns of a role phrase that names a person ("رئيس هيئة الحشد" is no body)
_PERSON_TITLES = tuple(fold(w) for w in ("رئيس", "أمين", "قائد", "مدير", "زعيم", "نائب", "وزير", "سفير",
                                         "مبعوث", "ممثل", "مستشار", "متحدث", "الأمين", "محافظ"))
#: dual subjects that name the two parties of a meeting ("اتفق الجانبان")
_RECIPROCAL = frozenset(split_article(fold(w))[1] for w in (
    "الجانبان", "الطرفان", "البلدان", "الوزيران", "الرئيسان", "الزعيمان", "القائدان", "المسؤولان",
    "الجانبين", "الطرفين"))
#: duals of countries: their parties are no two people
_COUNTRY_DUALS = frozenset(split_article(fold(w))[1] for w in ("البلدان", "البلدين", "الدولتان", "الدولتين"))
_KANA = frozenset(fold(w) for w in ("كان", "وكان", "فكان", "كانت", "وكانت"))
#: "هجوم … تبنته جماعة X": the claim of an attack (تبنى + the attack's pronoun)
_CLAIMED = frozenset(fold(w) for w in ("تبنته", "تبنتها", "تبناه", "تبناها", "تبنوه", "تبنوها"))
#: "أعلنت الحركة مسؤوليتها عن التفجير": the claim names who carried out the act
_RESPONSIBILITY = frozenset(fold(w) for w in ("مسؤولية", "المسؤولية", "مسؤوليته", "مسؤوليتها", "مسؤوليتهم",
                                              "مسئولية", "المسئولية", "مسئوليته", "مسئوليتها", "مسئوليتهم"))
_CLAIM_VERBS = frozenset(fold(w) for w in ("أعلن", "أعلنت", "أعلنوا", "يعلن", "تعلن", "يعلنون",
                                           "تبنى", "تبنت", "تبنوا", "يتبنى", "تتبنى"))
#: "أن بلاده وافقت": the speaker's own country
_OWN_COUNTRY = frozenset(fold(w) for w in ("بلاده", "بلادها", "بلادنا", "وبلاده", "وبلادها"))
#: "كما دعا …": a verb after these continues the sentence's subject, like و
#: words that cannot open a subject right after a conjoined verb ("ورفضت ما وصفته ...")
_ELIDED_NEXT = frozenset(fold(w) for w in ("ما", "أن", "أي", "كل", "جميع", "أيضا", "كذلك"))
#: "اتصال هاتفي"، "مكالمة هاتفية": the adjective that makes a contact a phone call
_PHONE = fold("هاتفي")
_ALSO = frozenset(fold(w) for w in ("كما", "وكما"))
#: "أعرب خلاله عن …": adverbs that refer back to the event just told
_DURING_IT = frozenset(fold(w) for w in ("خلاله", "خلالها", "خلالهما", "فيه", "فيها", "بدوره", "بدورها"))
#: "لقاء جمعه مع X": the meeting that brought him together with X
_JAMA = frozenset(fold(w) for w in ("جمعه", "جمعها", "جمعهما", "جمعهم", "جمعني", "جمعنا"))
#: words that start with و but are no "and": a conjunct test skips them
_WAW_WORDS = tuple(fold(w) for w in ("وزير", "وزارة", "وفد", "وكيل", "وكالة", "والي", "وحدة", "وحدات", "وسط", "وطني", "ولي"))
_MN_COMPOUNDS = frozenset(fold(w) for w in ("أجل", "قبل", "جانب", "خلال", "بين", "جهة", "دون", "ضمن", "حيث", "جديد"))
_MARKS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670\u0640"
_QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"', "„": "”"}
_HARD_STOPS = frozenset(".؛;!?؟")
_QUOTE_OPEN = re.compile('[«“"„]')


class EventLexiconError(ValueError):
    """The trigger lexicon is malformed."""


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry."""

    type: str
    cameo: str
    kind: str  # "v" verb, "n" noun, "ap" participle, "p" literal word
    lemma: str
    mode: str | None = None
    tgt: tuple[str, ...] = ()
    gen: str | None = None
    voice: str = "active"
    loc: bool = False
    require_tgt: bool = False
    require_loc: bool = False
    #: entity types the target must have for the trigger to report an event (``require``:
    #: loc, per, ent); empty: any target
    require_types: frozenset[str] = frozenset()
    governs: bool = False
    no_article: bool = False
    punctual: bool = False
    then: tuple[tuple[str, ...], ...] = ()
    gap: int = 3
    not_next: frozenset[str] = frozenset()
    not_prev: frozenset[str] = frozenset()
    not_near: frozenset[str] = frozenset()
    casualty: bool = False
    verbal: bool = False


@dataclass(frozen=True, slots=True)
class Form:
    """An inflected form of a trigger: person of a verb, attached pronoun."""

    trigger: Trigger
    person: str = "3"  # "3" singular, "3p" plural, "1" first person
    tense: str = ""  # "past" or "pres" for verbs
    pron: str = ""  # attached object/possessive pronoun
    jussive: bool = False  # only after لم/لا ("لم يزر")
    hamza: bool = False  # matched only when written with a hamza ("هنأ", not "هنا" here)


@dataclass(frozen=True, slots=True)
class _Hit:
    form: Form
    clitic: str  # stripped proclitics (normalized), "" if none
    article: bool


@dataclass(slots=True)
class Arg:
    """An actor phrase: its span in ``doc.text``, entity id, actor code."""

    start: int
    end: int
    text: str
    ent: str | None = None
    code: str | None = None
    etype: str | None = None
    t0: int = -1  # first token index
    t1: int = -1  # one past the last token index


# --------------------------------------------------------------------------
# lexicon


#: "بدعوة من X": the caller of a protest (see EventExtractor._called_by)
_CALL_WORDS = frozenset({"بدعوه", "وبدعوه"})
#: "استجابة/تلبية لدعوة X": the protest answers X's call
_ANSWER_CALL_WORDS = frozenset({"لدعوه", "لدعوات", "لنداء"})
#: "لدعوة أطلقها X": the verb between the call and its caller
_CALL_RELAYS = frozenset(fold(w) for w in ("أطلقها", "وجهها", "أطلقتها", "وجهتها", "أطلقوها"))


#: ``require:`` values that ask for a named target of these entity types: a place
#: ("وصل إلى بغداد", not "إلى مستوى"), a person ("أوقفت الشرطة الناشط X", not "أوقفت
#: العمل"), any named actor ("استضافت قطر الرئيس X", not "أكثر من مليون لاجئ")
_REQUIRE_TYPES = {"loc": frozenset({"LOC"}), "per": frozenset({"PER"}),
                  "ent": frozenset({"PER", "ORG", "LOC"})}


def _prep_clitic(clitic: str, article: bool) -> str:
    """The preposition proclitic (ب، ل، ك) among a word's stripped proclitics, "" if none.
    With the article the proclitics end in "ال" ("بالقصف") or are "لل" ("للخطف"), whose
    last letter is the article's, not a preposition ("الدعم" has none)."""
    if article:
        if clitic.endswith("لل"):
            return "ل"
        clitic = clitic[:-2] if clitic.endswith("ال") else clitic
    last = clitic[-1:]
    return last if last in ("ب", "ل", "ك") else ""


def _ba_light(g: "Grammar", n: str, clitic: str, article: bool = False) -> bool:
    """Is the word ``n`` a light verb whose action is the ب-complement (``ba_light_verbs``)
    for a noun trigger with proclitics ``clitic``: "رد الجيش بقصف"، "اكتفت الوزارة بإدانة"."""
    return _prep_clitic(clitic, article) == "ب" and (
        n in g.ba_light_verbs or (n[:1] in "وف" and n[1:] in g.ba_light_verbs))


def _core(word: str) -> str:
    """Comparison key of a lexicon word: folded, article stripped."""
    return split_article(fold(word))[1]


def _words(raw: Any, where: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(x, str) and x.strip() for x in raw):
        raise EventLexiconError(f"{where}: expected a list of words")
    return tuple(raw)


def _verb_forms(past: str, pres: str) -> dict[str, tuple[str, bool, str, str]]:
    """Conjugated forms of a verb -> (person, jussive, tense, attached object pronoun)."""
    out: dict[str, tuple[str, bool, str, str]] = {}
    tense = "past"

    def add(form: str, person: str, jussive: bool = False, pron: str = "") -> None:
        if len(form) >= 2 and form not in out:
            out[form] = (person, jussive, tense, pron)

    if past:
        p = past
        defective = p[-1] in "اي" and len(p) >= 3
        stem = p[:-1] if defective else p
        add(p, "3")
        add(stem + "ت", "3")  # 3fs (and 1s/2s, unvocalized)
        add(stem + "تا", "3p")
        add(stem + "وا", "3p")
        # (the masculine dual "ضربا" is left out: it is the accusative of the masdar of a
        # plain verb; a derived verb's masdar differs, so "اختطفا"، "استهدفا" are duals)
        if len(p) >= 5 and not defective:
            add(p + "ا", "3p")
        if defective:
            add(stem + ("ونا" if p[-1] == "ا" else "ينا"), "1")
        elif len(p) >= 3 and p[-2] == "ا":  # hollow: زار -> زرنا
            add(p[:-2] + p[-1] + "نا", "1")
        else:
            add(p + "نا", "1")
        for suf in _OBJ_PRONOUNS:
            add(p + suf if not defective or p[-1] == "ي" else stem + "ا" + suf, "3", pron=suf)
            add(stem + "ت" + suf, "3", pron=suf)
            add(stem + "و" + suf, "3p", pron=suf)
    if pres:
        tense = "pres"
        s = pres[1:] if pres[0] in "يت" else pres
        defective = s[-1] in "وي" and len(s) >= 3
        hollow = len(s) >= 3 and s[-2] in "ويا" and not defective
        for pre, person in (("ي", "3"), ("ت", "3"), ("ن", "1"), ("ا", "1")):
            base = pre + s
            add(base, person)
            plural_stem = base[:-1] if defective else base
            if pre in "يت":
                add(plural_stem + "ون", "3p")
                add(plural_stem + "وا", "3p")
                add(base + "ان", "3p")
                for suf in _OBJ_PRONOUNS:
                    add(plural_stem + "ون" + suf, "3p", pron=suf)
                    add(plural_stem + "و" + suf, "3p", pron=suf)
            for suf in _OBJ_PRONOUNS:
                add(base + suf, person, pron=suf)
            if defective:
                add(base[:-1], person, True)  # لم يدع
            elif hollow:
                add(base[:-2] + base[-1], person, True)  # لم يزر
    return out


def _noun_forms(noun: str, plurals: tuple[str, ...]) -> dict[str, str]:
    """Declined forms of a noun -> attached pronoun ("" if none)."""
    out: dict[str, str] = {}

    def add(form: str, pron: str = "") -> None:
        if len(form) >= 2 and form not in out:
            out[form] = pron

    add(noun)
    if noun.endswith("ه"):  # ة
        stem = noun[:-1]
        add(stem + "ات")
        add(stem + "تين")
        add(stem + "تان")
        for suf in _POSS_PRONOUNS:
            add(stem + "ت" + suf, suf)
            add(stem + "اته" if suf == "ه" else stem + "ات" + suf, suf)
    elif noun.endswith("ء"):
        stem = noun[:-1]
        add(noun + "ات")
        for suf in _POSS_PRONOUNS:
            add(noun + suf, suf)
            add(stem + "ي" + suf, suf)
            add(stem + "و" + suf, suf)
    else:
        if not noun.endswith("ا"):
            add(noun + "ا")
        add(noun + "ين")
        add(noun + "ان")
        if noun.endswith("ي"):
            add(noun + "ات")
        for suf in _POSS_PRONOUNS:
            add(noun + suf, suf)
    for pl in plurals:
        add(pl)
        if pl.endswith("ات"):
            for suf in _POSS_PRONOUNS:
                add(pl + suf, suf)
        else:
            add(pl + "ا")
            for suf in _POSS_PRONOUNS:
                add(pl + suf, suf)
    return out


def _participle_forms(base: str) -> dict[str, str]:
    """Circumstantial forms of an active participle: -ا, -ين, -ة, -ون, -تين."""
    stem = base.removesuffix("ه")
    out = {}
    for form, person in ((stem + "ا", "3"), (stem + "ين", "3p"), (stem + "ه", "3"), (stem + "ون", "3p"),
                         (stem + "تين", "3p"), (stem + "ان", "3p")):
        out[form] = person
    return out


@dataclass
class Grammar:
    negators: frozenset[str]
    noun_negators: frozenset[str]
    deniers: frozenset[str]
    request_governors: frozenset[str]
    suppress_governors: frozenset[str]
    light_verbs: frozenset[str]
    passive_light: frozenset[str]
    agent_markers: tuple[tuple[str, ...], ...]
    clause_breaks: frozenset[str]
    complementizers: frozenset[str]
    relatives: frozenset[str]
    speech_verbs: frozenset[str]
    prepositions: frozenset[str]
    location_preps: frozenset[str]
    adverbials: frozenset[str]
    stop: frozenset[str]
    numbers: frozenset[str]
    verbs: frozenset[str]
    background: frozenset[str]
    result_verbs: frozenset[str]
    occurrence_verbs: frozenset[str]
    verbal_cues: frozenset[str]
    frame_preps: frozenset[str]
    side_clauses: frozenset[str]
    time_anchors: frozenset[str]
    time_nouns: frozenset[str]
    casualty: frozenset[str]
    protesters: frozenset[str] = frozenset()
    crowds: frozenset[str] = frozenset()
    members: frozenset[str] = frozenset()
    organizers: frozenset[str] = frozenset()
    message_nouns: frozenset[str] = frozenset()
    negation_bridges: frozenset[str] = frozenset()
    background_after: frozenset[str] = frozenset()
    #: light verbs only with a ب-complement ("رد الجيش بقصف")
    ba_light_verbs: frozenset[str] = frozenset()
    exposure_verbs: frozenset[str] = frozenset()
    instrument_markers: frozenset[str] = frozenset()
    stance_verbs: frozenset[str] = frozenset()
    #: head nouns of armed and security forces ("القوات" refers back to the last one named)
    force_heads: frozenset[str] = frozenset()
    #: time words that point ahead ("الأحد المقبل"، "غدا"): a present verb with one is planned
    future_words: frozenset[str] = frozenset()
    #: nouns of a unit of a force ("قوة"، "دورية"): with a nationality, that state's force
    unit_heads: frozenset[str] = frozenset()


class TriggerLexicon:
    """The parsed lexicon: form index, mode cues and grammar words."""

    def __init__(self, data: dict[str, Any], source: str = "events.yaml") -> None:
        if not isinstance(data, dict) or not isinstance(data.get("types"), dict):
            raise EventLexiconError(f"{source}: expected a mapping with a 'types' section")
        self.source = source
        self.triggers: list[Trigger] = []
        self.index: dict[str, list[Form]] = {}
        self._not_forms: frozenset[str] = frozenset()
        self._only_forms: frozenset[str] = frozenset()
        self._hamza_forms: frozenset[str] = frozenset()
        types = data["types"]
        unknown = set(types) - set(PLOVER_TYPES)
        if unknown:
            raise EventLexiconError(f"{source}: unknown PLOVER types {sorted(unknown)}")
        for etype, spec in types.items():
            if not isinstance(spec, dict):
                raise EventLexiconError(f"{source}: {etype} must be a mapping")
            cameo = str(spec.get("cameo", ""))
            if not cameo.isdigit():
                raise EventLexiconError(f"{source}: {etype} needs a CAMEO root code")
            governs = bool(spec.get("governs", False))
            self._punctual = bool(spec.get("punctual", False))
            for n, raw in enumerate(spec.get("triggers") or [], 1):
                self._add(etype, cameo, governs, raw, f"{source}: {etype} trigger {n}")
        self.mode_cues = self._cues(data.get("mode_cues") or {}, source)
        self.cue_cameo: dict[tuple[str, str], str] = {}
        for etype, items in (data.get("mode_cues") or {}).items():
            for it in items:
                if it.get("cameo"):
                    self.cue_cameo[(etype, it["mode"])] = str(it["cameo"])
        for etype, modes in (data.get("mode_cameo") or {}).items():
            for mode, code in (modes or {}).items():
                self.cue_cameo.setdefault((etype, mode), str(code))
        self.grammar = g = self._grammar(data.get("grammar") or {}, source)
        #: words that never start or continue an actor noun phrase
        self.agent_firsts = frozenset(m[0] for m in g.agent_markers)
        self.side_forms = g.side_clauses | {c + w for w in g.side_clauses for c in ("و", "ف")}
        self.function_words = (g.stop | g.prepositions | g.clause_breaks | g.negators | g.speech_verbs
                               | g.relatives | g.complementizers | g.deniers | g.verbs | g.light_verbs
                               | g.passive_light | g.exposure_verbs)

    # -- loading -------------------------------------------------------------
    def _add(self, etype: str, cameo: str, governs: bool, raw: Any, where: str) -> None:
        if not isinstance(raw, dict):
            raise EventLexiconError(f"{where}: must be a mapping")
        bad = set(raw) - _ENTRY_KEYS
        if bad:
            raise EventLexiconError(f"{where}: unknown keys {sorted(bad)}")
        kinds = [k for k in _KINDS if k in raw]
        if len(kinds) != 1:
            raise EventLexiconError(f"{where}: needs exactly one of v, n, ap, p")
        kind = kinds[0]
        lemma = raw[kind]
        if not isinstance(lemma, str) or not lemma.strip():
            raise EventLexiconError(f"{where}: empty {kind}")
        where = f"{where} ({lemma})"
        tgt = tuple(_core(m) if m != "obj" else m for m in _words(raw.get("tgt"), where))
        for m in tgt:
            if m not in _MARKERS:
                raise EventLexiconError(f"{where}: unknown target marker {m!r}")
        gen = raw.get("gen")
        if gen not in (None, "source", "target"):
            raise EventLexiconError(f"{where}: gen must be source or target")
        voice = raw.get("voice", "active")
        if voice not in _VOICES:
            raise EventLexiconError(f"{where}: voice must be one of {_VOICES}")
        require = raw.get("require")
        if require not in (None, "tgt", *_REQUIRE_TYPES):
            raise EventLexiconError(f"{where}: require must be one of tgt, {', '.join(_REQUIRE_TYPES)}")
        then = tuple(tuple(_core(w) for w in phrase.split()) for phrase in _words(raw.get("then"), where))
        trig = Trigger(
            type=etype,
            cameo=str(raw.get("cameo", cameo)),
            kind=kind,
            lemma=lemma.strip(),
            mode=raw.get("mode"),
            tgt=tgt,
            gen=gen,
            voice=voice,
            loc=bool(raw.get("loc", False)),
            require_tgt=require is not None,
            require_loc=require == "loc",
            require_types=_REQUIRE_TYPES.get(require or "", frozenset()),
            governs=bool(raw.get("governs", governs)),
            no_article=bool(raw.get("no_article", kind in ("ap", "v"))),
            punctual=self._punctual,
            then=then,
            gap=int(raw.get("gap", 3)),
            not_next=frozenset(_core(w) for w in _words(raw.get("not_next"), where)),
            not_prev=frozenset(_core(w) for w in _words(raw.get("not_prev"), where)),
            not_near=frozenset(_core(w) for w in _words(raw.get("not_near"), where)),
            casualty=bool(raw.get("casualty", False)),
            verbal=bool(raw.get("verbal", False)),
        )
        self.triggers.append(trig)
        self._not_forms = frozenset(fold(w) for w in _words(raw.get("not_forms"), where))
        self._only_forms = frozenset(fold(w) for w in _words(raw.get("only_forms"), where))
        self._hamza_forms = frozenset(fold(w) for w in _words(raw.get("hamza_forms"), where))
        if kind == "v":
            if lemma.count("/") != 1:
                raise EventLexiconError(f"{where}: a verb is written PAST/PRESENT")
            past, pres = (fold(x) for x in lemma.split("/"))
            first = past.split()[0] if past else ""
            pfirst = pres.split()[0] if pres else ""
            if pfirst and pfirst[0] not in "يت":
                raise EventLexiconError(f"{where}: the present form starts with ي")
            for form, (person, jussive, tense, pron) in _verb_forms(first, pfirst).items():
                self._put(form, Form(trig, person=person, jussive=jussive, tense=tense, pron=pron))
        elif kind == "n":
            plurals = tuple(fold(p) for p in _words(raw.get("pl"), where))
            for form, pron in _noun_forms(fold(lemma), plurals).items():
                self._put(form, Form(trig, person="3", pron=pron))
        elif kind == "ap":
            for form, person in _participle_forms(fold(lemma)).items():
                self._put(form, Form(trig, person=person))
        else:
            self._put(fold(lemma), Form(trig))

    def _put(self, form: str, f: Form) -> None:
        if form in self._not_forms or (self._only_forms and form not in self._only_forms):
            return
        if form in self._hamza_forms:
            f = Form(f.trigger, f.person, f.tense, f.pron, f.jussive, True)
        lst = self.index.setdefault(form, [])
        if all(x.trigger is not f.trigger for x in lst):
            lst.append(f)

    @staticmethod
    def _cues(raw: dict, source: str) -> dict[str, list[tuple[str, frozenset[str], frozenset[str]]]]:
        out: dict[str, list[tuple[str, frozenset[str], frozenset[str]]]] = {}
        for etype, items in raw.items():
            if etype not in PLOVER_TYPES or not isinstance(items, list):
                raise EventLexiconError(f"{source}: mode_cues.{etype}: expected a list under a PLOVER type")
            lst = []
            for it in items:
                if not isinstance(it, dict) or "mode" not in it or "cues" not in it:
                    raise EventLexiconError(f"{source}: mode_cues.{etype}: entries need mode and cues")
                lst.append((it["mode"], frozenset(_core(w) for w in it["cues"]),
                            frozenset(it.get("refines") or ())))
            out[etype] = lst
        return out

    @staticmethod
    def _grammar(raw: dict, source: str) -> Grammar:
        def words(key: str) -> frozenset[str]:
            return frozenset(fold(w) for w in _words(raw.get(key), f"{source}: grammar.{key}"))

        gov = raw.get("governors") or {}
        negators = words("negators")
        markers = raw.get("agent_markers") or []
        return Grammar(
            negators=negators,
            noun_negators=frozenset(w for w in negators if w.endswith(("عدم", "دون")) or w == "غير"),
            deniers=words("deniers"),
            request_governors=frozenset(fold(w) for w in gov.get("request") or ()),
            suppress_governors=frozenset(fold(w) for w in gov.get("suppress") or ()),
            light_verbs=words("light_verbs"),
            ba_light_verbs=words("ba_light_verbs"),
            passive_light=words("passive_light"),
            agent_markers=tuple(tuple(fold(w) for w in m) for m in markers),
            clause_breaks=words("clause_breaks"),
            complementizers=words("complementizers"),
            relatives=words("relatives"),
            speech_verbs=words("speech_verbs"),
            prepositions=words("prepositions"),
            location_preps=words("location_preps"),
            adverbials=words("adverbials"),
            stop=words("stop"),
            numbers=words("numbers"),
            verbs=words("verbs"),
            background=words("background"),
            result_verbs=words("result_verbs"),
            occurrence_verbs=words("occurrence_verbs"),
            frame_preps=words("frame_preps"),
            side_clauses=words("side_clauses"),
            verbal_cues=frozenset(_core(w) for w in _words(raw.get("verbal_cues"), f"{source}: grammar.verbal_cues")),
            time_anchors=words("time_anchors"),
            time_nouns=words("time_nouns"),
            casualty=words("casualty"),
            protesters=frozenset(_core(w) for w in _words(raw.get("protesters"), f"{source}: grammar.protesters")),
            organizers=words("organizers"),
            crowds=words("crowds"),
            members=words("members"),
            message_nouns=words("message_nouns"),
            negation_bridges=words("negation_bridges"),
            background_after=words("background_after"),
            exposure_verbs=words("exposure_verbs"),
            instrument_markers=words("instrument_markers"),
            stance_verbs=words("stance_verbs"),
            force_heads=frozenset(split_article(w)[1] for w in words("force_heads")),
            future_words=frozenset(split_article(w)[1] for w in words("future_words")),
            unit_heads=frozenset(split_article(w)[1] for w in words("unit_heads")),
        )

    # -- queries -------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Number of lexicon entries (lemmas, not inflected forms) per PLOVER type."""
        out = {t: 0 for t in PLOVER_TYPES}
        for t in self.triggers:
            out[t.type] += 1
        return out

    def lookup(self, norm: str) -> tuple[_Hit, ...]:
        """The trigger forms a normalized word can be, proclitics considered."""
        idx = self.index
        got = idx.get(norm)
        if got:
            return tuple(_Hit(f, "", False) for f in got)
        pre, bare = split_article(norm)
        if pre:
            got = idx.get(bare)
            hits = tuple(_Hit(f, pre, True) for f in got or () if f.trigger.kind in ("n", "p") and not f.trigger.no_article)
            if hits or not (norm[:1] in "وف" and norm[1:] in idx):
                return hits
            # "والتقى"، "والتزم": a conjunction on a verb that starts with ال, no article
        out: list[_Hit] = []
        if len(norm) >= 4 and norm[0] in "وفسلبك":
            c1 = norm[0]
            rest = norm[1:]
            for f in idx.get(rest, ()):
                if _clitic_ok(f.trigger.kind, c1, f.tense):
                    out.append(_Hit(f, c1, False))
            if not out and len(rest) >= 4 and c1 in "وف" and rest[0] in "سلبك":
                c2 = c1 + rest[0]
                for f in idx.get(rest[1:], ()):
                    if _clitic_ok(f.trigger.kind, c2, f.tense):
                        out.append(_Hit(f, c2, False))
        return tuple(out)


def _clitic_ok(kind: str, clitics: str, tense: str = "") -> bool:
    last = clitics[-1]
    if kind == "v":
        # س (future) and ل (لِـ + subjunctive) only go with the present tense
        return last in "وف" or (last in "سل" and tense == "pres")
    if kind == "n":
        return last in "وفبلك"
    return last in "وفبل"


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> TriggerLexicon:
    """The trigger lexicon (cached)."""
    p = Path(path) if path else LEXICON_FILE
    try:
        loader = yaml.CSafeLoader  # type: ignore[attr-defined]
    except AttributeError:  # pragma: no cover
        loader = yaml.SafeLoader
    with open(p, encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=loader)
    return TriggerLexicon(data, str(p))


@lru_cache(maxsize=1)
def _nationalities():
    try:
        from marsad.lexicons.loader import load_nationalities

        return load_nationalities()
    except Exception:  # noqa: BLE001 - optional lexicon
        return {}


@lru_cache(maxsize=1)
def _country_keys() -> frozenset[str]:
    """``CODE:folded name`` of the actor dictionary's countries (tag ``country``)."""
    try:
        from marsad.lexicons.loader import load_actors

        return frozenset(f"{e.code}:{fold(e.name)}" for e in load_actors() if "country" in e.tags)
    except Exception:  # noqa: BLE001 - optional lexicon
        return frozenset()


def _date_for_span():
    try:
        from marsad.extract.dates import date_for_span
    except Exception:  # noqa: BLE001 - the dates component is optional
        return None
    return date_for_span


# --------------------------------------------------------------------------
# per-document reading context


@dataclass(slots=True)
class _Cand:
    i: int  # trigger token
    hit: _Hit
    end: int  # one past the last token of the trigger phrase
    then_at: int  # first token of the `then` phrase (== end when none)

    @property
    def trig(self) -> Trigger:
        return self.hit.form.trigger


class _Reader:
    """Everything the argument rules need about one document."""

    def __init__(self, doc: Document, lex: TriggerLexicon, hits) -> None:
        self.doc = doc
        self.lex = lex
        self.hits = hits
        self.g = lex.grammar
        self.toks = doc.tokens
        self.starts = [t.start for t in doc.tokens]
        self._ent_tok: dict[int, tuple[dict, dict]] | None = None
        self._quotes: list[tuple[int, int, str | None]] | None = None
        self.stance_memo: dict[int, tuple[bool, Arg | None, bool]] = {}  # see EventExtractor._stance_subject
        self._date_spans: list[tuple[int, int]] | None = None
        self.entities = {e.get("id"): e for e in doc.entities if isinstance(e, dict)}
        self.last_source: Arg | None = None
        self.last_meeting: tuple[Arg, Arg] | None = None  # (source, target) of the last CONSULT
        self._base: dict[int, str] = {}
        self._stems: dict[int, frozenset[str]] = {}
        self._years: list[int] | None = None
        self.headline_end = _headline_end(doc)
        self.main_verb_arg: Arg | None = None  # a participle's source read off its main verb
        self.signed = False  # an agreement signing was reported earlier in the document
        self._ppl: list[dict] | None = None
        self._sur: list[tuple[dict, frozenset[str]]] | None = None
        self.punct = [len(t.text) == 1 and t.text in _PUNCT_BREAK for t in doc.tokens]
        self._qmarks: dict[int, list[tuple[int, int]]] = {}

    # -- entities ------------------------------------------------------------
    def ent_at(self, k: int) -> tuple[dict, dict] | None:
        if self._ent_tok is None:
            self._ent_tok = {}
            starts = self.starts
            for e in self.doc.entities:
                for m in e.get("mentions") or ():
                    try:
                        ms, me = int(m["start"]), int(m["end"])
                    except (KeyError, TypeError, ValueError):
                        continue
                    a = bisect.bisect_right(starts, ms) - 1
                    a = max(a, 0)
                    while a < len(self.toks) and self.toks[a].start < me:
                        if self.toks[a].end > ms:
                            self._ent_tok.setdefault(a, (e, m))
                        a += 1
        return self._ent_tok.get(k)

    def last_two_people(self, pos: int) -> tuple[Arg, Arg] | None:
        """The last two distinct people named before ``pos`` within the three
        sentences before it, in text order (the parties of "اتفق الوزيران")."""
        sent_starts = [sp.start for sp in self.doc.sentences]
        k = bisect.bisect_right(sent_starts, pos) - 1
        floor = sent_starts[max(0, k - 3)] if k >= 0 else 0
        found: list[tuple[int, dict, dict]] = []
        for e in self.doc.entities:
            if e.get("type") != "PER":
                continue
            last = None
            for m in e.get("mentions") or ():
                if floor <= int(m["start"]) < pos:
                    last = m
            if last is not None:
                found.append((int(last["start"]), e, last))
        if len(found) < 2:
            return None
        found.sort(key=lambda x: x[0])
        first, second = (self.arg_from_entity(bisect.bisect_right(self.starts, s) - 1, (e, m))
                         for s, e, m in found[-2:])
        return first, second

    def country_entity(self, code: str, etype: str | None = None) -> dict | None:
        """The document's entity for the country ``code`` itself (not one of its cities);
        with ``etype`` (the event type), when the country is not named, the state actor
        of that country the document names ("القوات الأمريكية" for "غارة أمريكية"):
        its military for force, its government otherwise."""
        countries = _country_keys()
        for e in self.doc.entities:
            key = e.get("actor_key") or ""
            if e.get("type") == "LOC" and key.startswith(code + ":") and key in countries:
                return e
        if etype is None or len(code) != 3:
            return None
        want = ("MIL", "GOV") if etype in _MATERIAL else ("GOV", "MIL")
        for sector in want:
            for e in self.doc.entities:
                if e.get("type") == "ORG" and (e.get("actor_code") or "") == code + sector:
                    return e
        return None

    def sentence_index(self, pos: int) -> int:
        k = bisect.bisect_right(self.starts, pos) - 1
        return self.toks[k].sentence if 0 <= k < len(self.toks) else 0

    # -- quotes --------------------------------------------------------------
    def quotes(self) -> list[tuple[int, int, str | None]]:
        if self._quotes is None:
            qs: list[tuple[int, int, str | None]] = []
            for q in self.doc.quotes:
                try:
                    qs.append((int(q["start"]), int(q["end"]), q.get("speaker")))
                except (KeyError, TypeError, ValueError):
                    continue
            self._quotes = qs
        return self._quotes

    def quote_of(self, pos: int, sent_start: int, sent_end: int) -> tuple[bool, str | None]:
        for s, e, spk in self.quotes():
            if s <= pos < e:
                return True, spk
        # quotation marks inside the sentence
        spans = self._qmarks.get(sent_start)
        if spans is None:
            spans = []
            text = self.doc.text
            i = sent_start
            while True:
                m = _QUOTE_OPEN.search(text, i, sent_end)
                if m is None:
                    break
                close = _QUOTE_PAIRS[m.group(0)]
                j = text.find(close, m.end(), sent_end)
                if j < 0:
                    j = sent_end
                spans.append((m.start(), j))
                i = j + 1
            self._qmarks[sent_start] = spans
        for qs, qe in spans:
            if qs < pos < qe:
                return True, None
        return False, None

    # -- token classes -------------------------------------------------------
    def base(self, k: int) -> str:
        """Token k's match form, a conjunction (و ف) dropped before a function word."""
        got = self._base.get(k)
        if got is None:
            n = self.toks[k].norm
            if n[:1] in ("و", "ف") and len(n) > 1 and n[1:] in self.lex.function_words:
                n = n[1:]
            self._base[k] = got = n
        return got

    def is_punct(self, k: int) -> bool:
        return self.punct[k]

    def is_break(self, k: int) -> bool:
        if self.is_punct(k):
            return True
        return self.base(k) in self.g.clause_breaks

    def is_prep(self, k: int) -> bool:
        return self.base(k) in self.g.prepositions

    def content(self, k: int) -> bool:
        t = self.toks[k]
        if not (t.text[0].isalpha() or t.text[0].isdigit()):
            return False
        if self.ent_at(k) is not None:
            return True  # "علي" the name, not "على" the preposition
        if self.base(k) in self.lex.function_words:
            return False
        return not self.is_verb(k)

    def is_event_word(self, k: int) -> bool:
        t = self.toks[k]
        return any(h.form.trigger.kind == "n" for h in self.hits(t.norm))

    def is_verb(self, k: int) -> bool:
        """Token k is a trigger verb (bare of the article)."""
        t = self.toks[k]
        if t.prefix:
            return False
        hits = self.hits(t.norm)
        return bool(hits) and all(h.form.trigger.kind == "v" for h in hits)

    def attached_prep(self, k: int) -> str | None:
        """The preposition proclitic of token k (ب or ل), if any."""
        t = self.toks[k]
        p = t.prefix
        if p:
            core = p[1:] if p[0] in "وف" and len(p) > 2 else p
            if core in ("بال", "لل"):
                return core[0]
            if core in ("كال",):
                return "ك"
            return None
        em = self.ent_at(k)
        if em is not None:
            off = int(em[1]["start"]) - t.start
            if 0 < off <= 3:
                pre = fold(self.doc.text[t.start:int(em[1]["start"])]).rstrip("ـ")
                pre = pre[1:] if pre[:1] in ("و", "ف") and len(pre) > 1 else pre
                if pre in ("ب", "ل", "ك"):
                    return pre
        return None

    def marker_prep(self, k: int) -> str | None:
        """Like :meth:`attached_prep`, also reading a bare ب/ل on a word with no
        article as a preposition ("بجهود", "لبغداد") when the word without it is
        the more common word (offline word frequencies), unless a name starts
        there ("بغداد", "لبنان", "باقري")."""
        p = self.attached_prep(k)
        if p is not None:
            return p
        t = self.toks[k]
        n = t.norm
        if t.prefix or len(n) < 4:
            return None
        skip = 1 if n[0] in ("و", "ف") and len(n) >= 5 and n[1] in ("ب", "ل") else 0
        if n[skip] not in ("ب", "ل"):
            return None
        em = self.ent_at(k)
        if em is not None:
            return None  # the entity component already decided where the name starts
        return n[skip] if _prefer_split(t.text[skip:]) else None

    def conj_prefixed(self, k: int) -> bool:
        t = self.toks[k]
        if t.prefix[:1] in ("و", "ف"):
            return True
        em = self.ent_at(k)
        if em is not None:
            off = int(em[1]["start"]) - t.start
            if off > 0 and fold(self.doc.text[t.start:int(em[1]["start"])])[:1] in ("و", "ف"):
                return True
        return False

    def is_number(self, k: int) -> bool:
        t = self.toks[k]
        return t.text[0].isdigit() or t.norm in self.g.numbers or t.bare in self.g.numbers

    @staticmethod
    def definite(t: Token) -> bool:
        return t.prefix.endswith("ال") or t.prefix.endswith("لل")

    @staticmethod
    def nisba(t: Token) -> bool:
        n = t.bare
        return len(n) >= 4 and n.endswith(("ي", "يه", "يون", "يين", "يا", "يان", "يتين", "يتان"))

    def forms_of(self, k: int) -> set[str]:
        """Comparison keys of token k: bare form and proclitic-stripped forms."""
        t = self.toks[k]
        keys = {t.norm, t.bare}
        n = t.norm
        if not t.prefix and len(n) >= 3 and n[0] in "وفبلك":
            keys.add(n[1:])
            keys.add(split_article(n[1:])[1])
            if len(n) >= 4 and n[1] in "بلك":
                keys.add(n[2:])
        return keys

    def year_tokens(self) -> list[int]:
        """Indices of the tokens that are a year (1900-2099), computed once."""
        if self._years is None:
            self._years = [k for k, t in enumerate(self.toks)
                           if t.norm.isdigit() and len(t.norm) == 4 and t.norm[:2] in ("19", "20")]
        return self._years

    def stems(self, k: int) -> frozenset[str]:
        """Keys of token k for closed-class word lists: the forms of :meth:`forms_of`,
        also with the proclitics و ف + ب ل and a possessive suffix dropped
        ("لتورطه" -> "تورط", "بتهمة" -> "تهمة")."""
        got = self._stems.get(k)
        if got is None:
            t = self.toks[k]
            got = self._stems[k] = _stems(t.norm, t.bare, t.prefix)
        return got

    # -- noun phrases --------------------------------------------------------
    def arg_from_entity(self, k: int, em: tuple[dict, dict]) -> Arg:
        e, m = em
        ms, me = int(m["start"]), int(m["end"])
        k1 = k
        while k1 + 1 < len(self.toks) and self.toks[k1 + 1].start < me:
            k1 += 1
        return Arg(ms, me, self.doc.text[ms:me], e.get("id"), e.get("actor_code") or e.get("country"),
                   e.get("type"), k, k1 + 1)

    def np_at(self, j: int, limit: int, skip_adv: bool = True, stem: bool = False) -> Arg | None:
        """The actor noun phrase starting at token j (before ``limit``).

        ``stem``: token j carries a preposition proclitic to strip.
        """
        toks = self.toks
        g = self.g
        if skip_adv:
            while j < limit and (toks[j].norm in g.adverbials or toks[j].bare in g.adverbials):
                j += 1
        if j >= limit or not self.content(j):
            return None
        em = self.ent_at(j)
        if em is not None:
            return self.arg_from_entity(j, em)
        t0 = toks[j]
        if t0.norm in g.time_nouns:
            return None  # "الأسبوع الماضي", "اليوم": a time, not an actor
        definite = self.definite(t0)
        number = self.is_number(j)
        case = _case(t0.bare)
        inner: tuple[dict, dict] | None = None  # an organization or place named inside the phrase
        adjective = False  # an indefinite head took a nationality adjective: no genitive follows
        k = j + 1
        while k < limit and k - j < 8:
            u = toks[k]
            em = self.ent_at(k)
            if em is not None and not self.conj_prefixed(k):
                if em[0].get("type") == "PER":
                    return self.arg_from_entity(k, em)  # "اللواء محمد باقري", "الرئيس بشار الأسد"
                if definite or adjective:
                    break  # a definite noun takes no genitive: "الرئيس السوري | دمشق"
                # "رئيس هيئة الأركان", "قوات الحرس الثوري": a genitive name; read on
                inner = inner or em
                me = int(em[1]["end"])
                while k < limit and toks[k].start < me:
                    k += 1
                definite = True
                continue
            if not self.content(k) or self.conj_prefixed(k):
                break
            if u.norm in self.g.adverbials or u.bare in self.g.adverbials:
                break
            if self.marker_at(k):
                break  # "شاب | برصاص الجيش": an agent phrase ends the noun phrase
            c2 = _case(u.bare)
            if case and c2 != case and not number and not definite:
                break  # "مفجرون انتحاريون | سياسيين", "مسلحون | دورية": an adjective agrees in case
            case = case or c2
            ap = self.attached_prep(k)
            if ap in ("ب", "ك"):
                break
            if definite:
                if k == j + 1 and t0.bare.endswith("ه") and u.bare.endswith(("ين", "ون")) and len(u.bare) > 4 \
                        and self.definite(t0):
                    break  # "وطالبت الشبكة المبعوثين": a masculine plural is no adjective of a feminine singular
                if self.definite(u) or self.is_number(k):
                    k += 1
                    continue
                break
            if self.definite(u):
                definite = True
                k += 1
                continue
            if adjective and self.is_number(k):
                break  # "قوة إسرائيلية | ثلاثة شبان": the object's count
            if self.nisba(u) or number or self.is_number(k) or (c2 and c2 == _case(toks[k - 1].bare)):
                # an adjective: a nisba, a counted noun, or a plural agreeing in case ("مسلحون ملثمون")
                number = self.is_number(k)
                if k == j + 1 and not number and not adjective:
                    nats = _nationalities()
                    adjective = bool(nats) and u.norm in nats  # "قوة إسرائيلية"
                k += 1
                continue
            if adjective:
                break  # "قوة إسرائيلية | بلدة بيتا": after its adjective a head takes no genitive
            if k + 1 < limit and (self.definite(toks[k + 1]) or self.ent_at(k + 1) is not None) \
                    and self.content(k + 1) and not self.conj_prefixed(k + 1) and not _case(toks[k - 1].bare):
                # nested construct: "رئيس هيئة الأركان" (a plural in -ون/-ين keeps its nun
                # only outside a construct: "مسلحون | دورية للجيش")
                k += 1
                continue
            break
        # a title/role phrase right before a person's name: "اللواء محمد باقري",
        # "رئيس هيئة الأركان، اللواء محمد باقري،"
        for m in range(k, min(limit, k + 4)):
            em = self.ent_at(m)
            if em is None and toks[m].text in ("،", ",") and m == k:
                continue
            if em is None and not self.content(m):
                break
            if em is not None:
                if em[0].get("type") == "PER" and self._holds_role(em[0], t0):
                    return self.arg_from_entity(m, em)
                break
        start = t0.start
        if stem or t0.prefix:
            start = _strip_surface(t0, stem)
        end = toks[k - 1].end
        arg = Arg(start, end, self.doc.text[start:end], t0=j, t1=k)
        if inner is not None:
            e = inner[0]
            arg.ent, arg.code, arg.etype = e.get("id"), e.get("actor_code") or e.get("country"), e.get("type")
        else:
            # "طائرات أمريكية", "القوات الإسرائيلية": the actor's country from its adjective
            nats = _nationalities()
            for q in range(j + 1, k):
                code = nats.get(toks[q].norm) if nats else None
                if code:
                    arg.code = code
                    break
        return arg

    def resolve(self, arg: Arg | None) -> Arg | None:
        """The named actor behind an actor phrase that is no entity.

        * a role phrase followed by the person holding it: "وندد المتحدث باسم قسد
          آزاد مستو", "أدان وزير الإعلام في الحكومة اليمنية مروان الأغبري"
          (a person the entity component gave other roles is not taken:
          "التقى الرئيسُ وزيرَ الخارجية فلان" — the minister is the object);
        * a title and a surname: "العماد الحموي" -> "سامر الحموي";
        * a role the entity component recorded for one person only
          ("المتحدث العسكري" -> the spokesman named earlier);
        * a role phrase naming an organization and no person: "الأمانة العامة
          لمجلس التعاون" -> the organization.
        """
        if arg is None or arg.t0 < 0 or self.ent_at(arg.t0) is not None:
            return arg  # a name, or a carried-over actor
        toks = self.toks
        head = toks[arg.t0]
        if self.is_event_word(arg.t0):
            return arg  # "الغارات" is an action, not an actor
        group = self._group_of(arg.t0)
        if group is not None:
            return group
        org: tuple[int, tuple[dict, dict]] | None = None
        n = len(toks)
        m = arg.t0 + 1
        while m < min(n, arg.t0 + 12):
            em = self.ent_at(m)
            if em is not None:
                if em[0].get("type") == "PER":
                    if self.conj_prefixed(m) or not self._holds_role(em[0], head):
                        break
                    a = m
                    while a - 1 > arg.t0 and self.ent_at(a - 1) is not None and self.ent_at(a - 1)[1] is em[1]:
                        a -= 1
                    return self.arg_from_entity(a, em)
                if self.conj_prefixed(m):
                    break
                if org is None and em[0].get("type") == "ORG" and m <= arg.t1 + 1 and (
                        m < arg.t1 or self.attached_prep(m) == "ل" or not self.definite(toks[m - 1])):
                    # (not after a definite phrase, which takes no genitive: "المسؤولون
                    # الباكستانيون | حركة طالبان" is the object)
                    org = (m, em)
                me = int(em[1]["end"])
                while m < n and toks[m].start < me:
                    m += 1
                continue
            t = toks[m]
            if self.is_punct(m):
                if t.text in ("(", ")"):  # "رئيس مكتب حركة ... (حماس) إسماعيل هنية"
                    m += 1
                    continue
                if t.text in ("،", ",") and m + 1 < n and (e2 := self.ent_at(m + 1)) is not None \
                        and e2[0].get("type") == "PER":
                    m += 1
                    continue
                break
            b = self.base(m)
            if self.marker_at(m):
                break  # "شاب برصاص القوات": an agent phrase is no part of a role phrase
            if self.conj_prefixed(m) or self.is_verb(m) or self.is_event_word(m) or b in self.g.verbs \
                    or b in self.g.speech_verbs or b in self.g.complementizers or b in self.g.clause_breaks \
                    or b in self.g.light_verbs:
                break
            m += 1
        ent = self._by_surname(arg) or self._by_role(arg) or self.counterpart(arg) or self._by_head(arg)
        if ent is not None:
            return Arg(arg.start, arg.end, arg.text, ent.get("id"), ent.get("actor_code") or ent.get("country"),
                       ent.get("type"), arg.t0, arg.t1)
        if arg.ent is None and org is not None:
            return self.arg_from_entity(org[0], org[1])
        ent = self._national_force(arg)
        if ent is not None:
            return Arg(arg.start, arg.end, arg.text, ent.get("id"), ent.get("actor_code") or ent.get("country"),
                       ent.get("type"), arg.t0, arg.t1)
        return arg

    def _national_force(self, arg: Arg) -> dict | None:
        """"قوة إسرائيلية"، "دورية تركية": an unnamed unit with a nationality adjective
        is that state's force: its army when the document names it, else the country."""
        head = self.toks[arg.t0].bare
        if head not in self.g.force_heads and head not in self.g.unit_heads:
            return None
        nats = _nationalities()
        for q in range(arg.t0 + 1, min(arg.t1, arg.t0 + 3)):
            code = nats.get(self.toks[q].norm) if nats else None
            if code:
                for e in self.doc.entities:
                    if e.get("type") == "ORG" and (e.get("actor_code") or "") == code + "MIL":
                        return e
                return self.country_entity(code)
        return None

    def _group_of(self, k: int) -> Arg | None:
        """"المئات من أنصار التحالف"، "عناصر من الشرطة الاتحادية"، "أنصار الحزب": a
        crowd or the members of a named group act for that group."""
        g, n = self.g, len(self.toks)
        for off in (1, 2):
            # "قوة تابعة لجهاز الردع", "طائرة مسيرة تابعة لقوات الدفاع": a unit or a
            # weapon affiliated to a body acts for it (one adjective may come between)
            if k + off + 1 < n and self.toks[k + off].bare in AFFILIATED and self.ent_at(k) is None \
                    and all(self.ent_at(x) is None and self.content(x) for x in range(k + 1, k + off)):
                em = self.ent_at(k + off + 1)
                if em is not None and em[0].get("type") in ("ORG", "PER"):
                    return self.arg_from_entity(k + off + 1, em)
        of_crowd = self.base(k) in g.crowds and k + 1 < n and self.base(k + 1) == "من"
        if of_crowd:
            k += 2  # "المئات من …", "مسلحون من حركة الشباب"
        if k < n and self.base(k) in g.members:
            k += 1  # "أنصار التحالف", "عناصر من الشرطة"
            if k < n and self.base(k) == "من":
                k += 1
        elif not of_crowd:
            return None
        em = self.ent_at(k) if k < n else None
        if em is None or em[0].get("type") not in ("ORG", "PER"):
            return None
        return self.arg_from_entity(k, em)

    def partner(self, k: int, limit: int) -> Arg | None:
        """A partner coordinated with a subject ending before token k: "ونظيره السوري
        فلان", "ونظيره الإيراني", "و<name>"."""
        if k >= limit:
            return None
        t = self.toks[k]
        if not self.conj_prefixed(k) and not (t.norm[:1] in ("و", "ف") and t.norm[1:].startswith("نظير")):
            return None
        em = self.ent_at(k)
        if em is not None:
            a = self.arg_from_entity(k, em)
            return a if em[0].get("type") in ("PER", "ORG") else None
        group = self._group_of(k)
        if group is not None:
            return group  # "… ومسلحين من اللواء 444"
        if t.norm[1:].startswith("نظير"):
            arg = self.np_at(k, limit, skip_adv=False)
            return self.resolve(arg)
        return None

    def counterpart(self, arg: Arg) -> dict | None:
        """"نظيره الإيراني": the one named person of that nationality."""
        head = self.toks[arg.t0].norm
        if not (head.startswith("نظير") or head[1:].startswith("نظير")) or arg.t1 - arg.t0 < 2:
            return None
        nats = _nationalities()
        code = None
        for q in range(arg.t0 + 1, arg.t1):
            code = nats.get(self.toks[q].norm) if nats else None
            if code:
                break
        if not code:
            return None
        got = [e for e in self._people() if (e.get("country") or (e.get("actor_code") or "")[:3]) == code]
        return got[0] if len(got) == 1 else None

    @staticmethod
    def _holds_role(e: dict, head: Token) -> bool:
        roles = e.get("roles") or ()
        if not roles:
            return True
        key = head.bare
        return any(key in {split_article(w)[1] for w in fold(r).split()} for r in roles)

    def _people(self) -> list[dict]:
        if self._ppl is None:
            self._ppl = [e for e in self.doc.entities if isinstance(e, dict) and e.get("type") == "PER"]
        return self._ppl

    def _surnames(self) -> list[tuple[dict, frozenset[str]]]:
        if self._sur is None:
            self._sur = [
                (e, frozenset(w[-1] for x in [e.get("name") or ""] + [m.get("text") or "" for m in e.get("mentions") or ()]
                              if len(w := fold(x).split()) >= 2))
                for e in self._people()]
        return self._sur

    def _by_surname(self, arg: Arg) -> dict | None:
        """"العماد الحموي", "النجار": the last word is the surname of one named person."""
        if arg.t1 - arg.t0 > 3:
            return None
        keys = {self.toks[arg.t1 - 1].norm}
        k = arg.t1
        if k < len(self.toks) and self.content(k) and self.attached_prep(k) is None and not self.conj_prefixed(k) \
                and not self.definite(self.toks[k]):
            keys.add(self.toks[k].norm)  # "اللواء باقري": a title, then the surname
        keys = {x for x in keys if len(x) >= 3}
        if not keys:
            return None
        got = [e for e, last in self._surnames() if last & keys]
        return got[0] if len(got) == 1 else None

    def _by_head(self, arg: Arg) -> dict | None:
        """"وقالت الوزارة", "المديرية نشرت تعزيزات": a body's head noun alone, with
        the article, refers back to the last organization named with that head
        ("وزارة الداخلية العراقية", "مديرية الأمن العام")."""
        if arg.t1 - arg.t0 != 1:
            return None
        tok = self.toks[arg.t0]
        if not tok.prefix.endswith("ال"):
            return None
        head = tok.bare
        if head in _GENERIC_HEADS:
            return None
        forces = self.g.force_heads
        generic = head in forces  # "القوات اعتقلت": the force named last
        best, best_end = None, -1
        force, force_end = None, -1
        for e in self.entities.values():
            if e.get("type") != "ORG":
                continue
            for m in e.get("mentions") or []:
                try:
                    end = int(m["end"])
                except (KeyError, TypeError, ValueError):
                    continue
                if end > arg.start:
                    continue
                words = str(m.get("text", "")).split()
                first = split_article(fold(words[0]))[1] if words else ""
                if end > best_end and len(words) >= 2 and first == head:
                    best, best_end = e, end
                if generic and end > force_end and first in forces:
                    force, force_end = e, end
        return best or force

    def _by_role(self, arg: Arg) -> dict | None:
        """An actor phrase that is the recorded role of exactly one person."""
        words = [split_article(fold(w))[1] for w in arg.text.split()]
        if not words:
            return None
        # the words after a shorter recorded role may name the place it is held in:
        # "محافظ القنيطرة" is "المحافظ" when القنيطرة is a place mention
        place_from = len(words)
        if arg.t0 >= 0:
            for q in range(arg.t0 + 1, min(arg.t1, len(self.toks))):
                em = self.ent_at(q)
                if em is not None and em[0].get("type") == "LOC":
                    place_from = q - arg.t0
                    break
        # "الوزير الإيراني" after "وزير الخارجية الإيراني فلان": a bare title and a
        # nationality name the one person of that country holding a role with that title
        nats = _nationalities() if len(words) == 2 else None
        nat = nats.get(fold(arg.text.split()[1])) if nats else None
        got = []
        for e in self._people():
            for r in e.get("roles") or ():
                rw = [split_article(w)[1] for w in fold(r).split()]
                if rw[:len(words)] == words or (place_from < len(words) and rw == words[:place_from]):
                    got.append(e)
                    break
                if nat and len(rw) > 2 and rw[0] == words[0] and (
                        words[1] in rw or (e.get("country") or (e.get("actor_code") or "")[:3]) == nat):
                    got.append(e)
                    break
        return got[0] if len(got) == 1 else None

    def np_before(self, i: int, floor: int) -> Arg | None:
        """An SVO subject ending right before token i, at a clause start.

        Also the antecedent of a relative pronoun ("المسلحون الذين هاجموا") and a
        name in apposition between commas ("وزير الخارجية، فؤاد حسين، بحث").
        """
        toks = self.toks
        g = self.g
        k = i - 1
        pluperfect = False  # "وكان X قد فعل": X is the subject, however long its role phrase
        while k >= floor and (self.base(k) in g.negators or self.base(k) in ("قد", "لقد", "سوف")):
            pluperfect = pluperfect or self.base(k) == "قد"
            k -= 1
        if k < floor:
            return None
        if pluperfect and not self.is_punct(k):
            got = self._named_after_kana(k, floor)
            if got is not None:
                return got
        if self.base(k) in g.relatives:  # "المسلحون الذين هاجموا"
            k -= 1
            em = self.ent_at(k) if k >= floor else None
            if em is not None:
                a = k
                while a - 1 >= floor and self.ent_at(a - 1) is not None and self.ent_at(a - 1)[1] is em[1]:
                    a -= 1
                return self.arg_from_entity(a, em)
            a = k
            while a - 1 >= floor and self.content(a - 1) and k - a < 5 and not self.is_break(a - 1) \
                    and not self.is_prep(a - 1):
                a -= 1
            if a > k:
                return None
            arg = self.np_at(a, k + 1, skip_adv=False)
            if arg is not None and arg.t0 >= 0 and self.is_event_word(arg.t0):
                return None  # "الزيارة التي التقى في مستهلها ...": an event does not act
            return arg
        if toks[k].text == ":" and k - 1 >= floor:
            # a headline "الخامنئي: ينتقد ...": the name before the colon speaks and acts
            em = self.ent_at(k - 1)
            if em is not None and em[0].get("type") in ("PER", "ORG"):
                a = k - 1
                while a - 1 >= floor and self.ent_at(a - 1) is not None and self.ent_at(a - 1)[1] is em[1]:
                    a -= 1
                return self.arg_from_entity(a, em)
            return None
        if toks[k].text in ("،", ",") and k - 1 >= floor:
            em = self.ent_at(k - 1)
            if em is not None and em[0].get("type") in ("PER", "ORG"):
                a = k - 1
                while a - 1 >= floor and self.ent_at(a - 1) is not None and self.ent_at(a - 1)[1] is em[1]:
                    a -= 1
                if a - 1 >= floor and toks[a - 1].text in ("،", ","):
                    return self.arg_from_entity(a, em)
                # "، العقيد أمادو عبد الرحمن، قد اتهم": a rank or title before the name
                for q in (a - 2, a - 3):
                    if q >= floor and toks[q].text in ("،", ",") and all(
                            self.content(x) and self.ent_at(x) is None and not self.is_prep(x)
                            for x in range(q + 1, a)):
                        return self.arg_from_entity(a, em)
            return None
        if not self.content(k):
            return None
        a = k
        while a - 1 >= floor and k - a < 6 and self.content(a - 1) and not self.is_prep(a - 1) \
                and self.base(a - 1) not in g.complementizers:
            a -= 1  # ("وكان الرئيس فلان قد استقبل": "كان" opens the clause, it is no part of the subject)
        if a - 1 >= floor:
            prev = self.base(a - 1)
            if not (self.is_punct(a - 1) or prev in g.complementizers or prev in g.clause_breaks):
                return None
        # the stretch must read as one noun phrase that ends right before the verb
        if self.attached_prep(a) is not None:
            return None
        if toks[a].norm in g.adverbials:
            return None
        arg = self.np_at(a, i, skip_adv=False)
        if arg is None or arg.t1 < 0 and arg.end < toks[k].start:
            return None
        if arg.t1 >= 0 and arg.t1 <= k:
            return None
        return arg

    def holder_after(self, arg: Arg, limit: int) -> Arg | None:
        """"النائب عن محافظة البصرة عدي عواد": a person's title whose phrase stops at a
        preposition is held by the person named a few words on (the place or body
        it is held for between), before any punctuation or verb."""
        if arg.t0 < 0 or arg.t1 <= arg.t0:
            return None
        if not split_article(self.base(arg.t0))[1].startswith(_PERSON_TITLES):
            return None
        if arg.t1 >= limit or not (self.is_prep(arg.t1) or self.attached_prep(arg.t1) is not None):
            return None  # "التقى الرئيس وزير الخارجية فلان": a second title is the object
        for q in range(arg.t1, min(limit, arg.t1 + 7)):
            if q > arg.t1 and split_article(self.base(q))[1] in _PERSON_TITLES:
                return None  # (a second title; "محافظة" is a province here)
            em = self.ent_at(q)
            if em is not None and em[0].get("type") == "PER" and int(em[1]["start"]) >= self.toks[q].start:
                return self.arg_from_entity(q, em)
            if self.is_punct(q) or self.is_verb(q) or self.base(q) in self.g.verbs or self.conj_prefixed(q):
                return None
        return None

    def date_spans(self) -> list[tuple[int, int]]:
        """Character spans of the document's date expressions (``doc.meta["dates"]``), read once."""
        if self._date_spans is None:
            self._date_spans = [(int(d["start"]), int(d["end"])) for d in self.doc.meta.get("dates") or ()
                                if isinstance(d, dict) and "start" in d and "end" in d]
        return self._date_spans

    @staticmethod
    def _country_actor(e: dict) -> bool:
        """A place that acts: a country or a capital standing for its government."""
        return bool(e.get("actor_key") or e.get("actor_code"))

    def _named_after_kana(self, k: int, floor: int) -> Arg | None:
        """"وكان كبير مستشاري الرئيس الأمريكي للشؤون الأفريقية مسعد بولس قد أجرى":
        the person or body named right before قد, in a clause opened by كان (or a
        complementizer), up to twelve words of role phrase back."""
        em = self.ent_at(k)
        if em is None and k - 1 >= floor and self.conj_prefixed(k) and self.definite(self.toks[k]):
            # "وكانت كينشاسا والحركة قد وقعتا": two coordinated parties; the first acts
            # (the second is its partner, see partner())
            k -= 1
            em = self.ent_at(k)
        if em is None or em[0].get("type") not in ("PER", "ORG", "LOC") or int(em[1]["end"]) > self.toks[k].end:
            return None
        if em[0].get("type") == "LOC" and not self._country_actor(em[0]):
            return None
        a = k
        while a - 1 >= floor and self.ent_at(a - 1) is not None and self.ent_at(a - 1)[1] is em[1]:
            a -= 1
        if self.conj_prefixed(a) and a - 1 >= floor and (first := self.ent_at(a - 1)) is not None \
                and first[0].get("type") in ("PER", "ORG") and first[0] is not em[0]:
            # "وكان فلان وفلان قد عقدا": the first of two coordinated names acts (the
            # second is its partner, see partner())
            em = first
            a -= 1
            while a - 1 >= floor and self.ent_at(a - 1) is not None and self.ent_at(a - 1)[1] is em[1]:
                a -= 1
        if em[0].get("type") == "LOC" and not (a - 1 >= floor and self.toks[a - 1].norm in _KANA):
            return None  # "البنك المركزي في عدن قد": a place in the subject's phrase, not the subject
        for q in range(a - 1, max(floor, a - 13) - 1, -1):
            n = self.toks[q].norm
            if n in _KANA or self.base(q) in self.g.complementizers:
                return self.arg_from_entity(a, em)
            if self.is_punct(q) and self.toks[q].text not in ("،", ","):
                return None
        return None

    def apposition_left(self, i: int, floor: int) -> int:
        """Like :meth:`clause_left`, reading across the commas of an apposition
        ("أجرى رئيس الأركان، اللواء محمد باقري، زيارة")."""
        k = i - 1
        while k >= floor and not (self.is_break(k) and self.toks[k].text not in ("،", ",")):
            k -= 1
        return k + 1

    def clause_left(self, i: int, floor: int) -> int:
        k = i - 1
        while k >= floor and not self.is_break(k):
            k -= 1
        return k + 1

    def clause_right(self, i: int, ceil: int) -> int:
        k = i
        while k < ceil and not self.is_break(k):
            k += 1
        return k

    def punct_right(self, i: int, ceil: int) -> int:
        k = i
        while k < ceil and not self.is_punct(k):
            k += 1
        return k

    def find_marker(self, start: int, limit: int, markers: tuple[str, ...]) -> tuple[str, Arg] | None:
        """The first target phrase introduced by one of ``markers`` (in priority order)."""
        found: dict[str, Arg] = {}
        toks = self.toks
        want = set(markers)
        k = start
        while k < limit:
            t = toks[k]
            n = t.norm
            if self.is_punct(k):
                break
            if n in ("بـ", "لـ", "وبـ", "ولـ"):
                m = n.rstrip("ـ")[-1]
                if m in want and m not in found:
                    arg = self.np_at(k + 1, limit, skip_adv=False)
                    if arg is not None:
                        found[m] = arg
                k += 1
                continue
            key = n[1:] if n[:1] in ("و", "ف") and n[1:] in _MARKERS else n
            if key == "من" and k + 1 < limit and toks[k + 1].norm in _MN_COMPOUNDS:
                k += 2  # "من أجل", "من قبل", "من جانب": not a source or target "from"
                continue
            if key in _MARKERS and key != "obj":
                if key in want and key not in found:
                    arg = self.np_at(k + 1, limit, skip_adv=False)
                    if arg is not None:
                        found[key] = arg
                k += 1
                continue
            ap = self.marker_prep(k)
            if ap is not None and ap in want and ap not in found:
                arg = self.np_at(k, limit, skip_adv=False, stem=True)
                if arg is not None:
                    found[ap] = arg
            k += 1
        for m in markers:
            if m in found:
                return m, found[m]
        return None

    def marker_at(self, k: int) -> bool:
        """Does an agent marker ("برصاص"، "على يد"، "من قبل") start at token k?"""
        toks = self.toks
        n0 = toks[k].norm
        if n0 not in self.lex.agent_firsts and n0[1:] not in self.lex.agent_firsts:
            return False
        for marker in self.g.agent_markers:
            n = len(marker)
            if k + n <= len(toks) and all(
                    toks[k + q].norm == marker[q] or (q == 0 and toks[k].norm[1:] == marker[0] and toks[k].norm[0] in "وف")
                    for q in range(n)):
                return True
        return False

    def agent(self, start: int, limit: int) -> Arg | None:
        """"من قبل X" / "على يد X" / "برصاص X" after a trigger."""
        toks = self.toks
        firsts = self.lex.agent_firsts
        for k in range(start, limit):
            if self.is_punct(k):
                return None
            n0 = toks[k].norm
            if n0 not in firsts and n0[1:] not in firsts:
                continue
            for marker in self.g.agent_markers:
                n = len(marker)
                if k + n > limit:
                    continue
                if all(toks[k + q].norm == marker[q] or (q == 0 and toks[k].norm[1:] == marker[0] and toks[k].norm[0] in "وف")
                       for q in range(n)):
                    arg = self.np_at(k + n, limit, skip_adv=False)
                    if arg is not None:
                        return arg
        return None

    def location(self, left: int, right: int, around: int) -> Arg | None:
        """A place-name entity introduced by a locative preposition in [left, right)."""
        best: Arg | None = None
        best_d = 10**9
        toks = self.toks
        for k in range(left, right):
            em = self.ent_at(k)
            if em is None or em[0].get("type") != "LOC":
                continue
            ok = self.attached_prep(k) == "ب"
            if not ok and k - 1 >= left:
                prev = toks[k - 1].norm
                ok = prev in self.g.location_preps or (prev[:1] in ("و", "ف") and prev[1:] in self.g.location_preps)
            if not ok and k - 2 >= left and toks[k - 2].norm in self.g.location_preps and self.content(k - 1):
                ok = True  # "في مدينة البصرة", "في محافظة كركوك"
            if ok:
                d = k - around if k >= around else (around - k) * 2
                if d < best_d:
                    best, best_d = self.arg_from_entity(k, em), d
        return best


_SPLIT_CACHE: dict[str, bool] = {}


@lru_cache(maxsize=100_000)
def _stems(norm: str, bare: str, prefix: str) -> frozenset[str]:
    """See :meth:`_Reader.stems` (memoized per word form)."""
    forms = {norm, bare}
    if not prefix and len(norm) >= 3 and norm[0] in "وفبلك":
        forms.add(norm[1:])
        forms.add(split_article(norm[1:])[1])
        if len(norm) >= 4 and norm[1] in "بلك":
            forms.add(norm[2:])
    got = set()
    for w in forms:
        got.add(w)
        w2 = w[1:] if len(w) >= 4 and w[0] in "وف" else w
        w3 = w2[1:] if len(w2) >= 4 and w2[0] in "بل" else w2
        for x in {w2, w3, split_article(w3)[1]}:
            got.add(x)
            for suf in ("هما", "هم", "ها", "ه"):
                if x.endswith(suf) and len(x) - len(suf) >= 3:
                    got.add(x[:-len(suf)])
                    break
    return frozenset(got)


def _prefer_split(surface: str) -> bool:
    """Is ``surface`` a one-letter proclitic plus a more frequent word?"""
    got = _SPLIT_CACHE.get(surface)
    if got is None:
        try:
            from wordfreq import zipf_frequency
        except ImportError:  # pragma: no cover - then only article-marked words split
            return False
        got = zipf_frequency(surface[1:], "ar") > zipf_frequency(surface, "ar") + 0.3
        if len(_SPLIT_CACHE) > 50_000:
            _SPLIT_CACHE.clear()
        _SPLIT_CACHE[surface] = got
    return got


def _case(word: str) -> str:
    """Nominative/oblique ending of a sound plural or dual, "" if none."""
    if len(word) < 5:
        return ""
    if word.endswith(("ون", "ان")):
        return "nom"
    if word.endswith(("ين",)):
        return "obl"
    return ""


def _strip_surface(t: Token, stem: bool) -> int:
    """Offset where token t's name starts once its proclitics are dropped."""
    p = t.prefix
    if p:
        # keep the article ("بالعراق" -> "العراق"); "للقوات" has lost its alef -> "قوات"
        n = len(p) if p.endswith("لل") else len(p) - 2
        if n <= 0:
            return t.start
    elif stem:
        n = 1
        if t.norm[:1] in ("و", "ف") and len(t.norm) > 3 and t.norm[1] in "بلك":
            n = 2
    else:
        return t.start
    # walk n letters of the surface (skipping marks and tatweel)
    text = t.text
    i = 0
    seen = 0
    while i < len(text) and seen < n:
        if not ("\u064b" <= text[i] <= "\u065f" or text[i] in "\u0670\u0640"):
            seen += 1
        i += 1
    while i < len(text) and ("\u064b" <= text[i] <= "\u065f" or text[i] in "\u0670\u0640"):
        i += 1
    return t.start + i


# --------------------------------------------------------------------------
# the component


_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=100_000)
def _filter_key(word: str) -> str:
    n = fold(word)
    pre, bare = split_article(n)
    if not pre and len(bare) >= 4 and bare[0] in "وفبل":
        bare = bare[1:]
    return bare


@lru_cache(maxsize=1)
def _report_cues() -> dict[str, frozenset[str]]:
    """Closed-class word lists of the default lexicon, as filter keys."""
    g = load_lexicon().grammar

    def keys(words) -> frozenset[str]:
        return frozenset(_filter_key(w) for w in words)

    return {"time": keys(g.time_anchors), "casualty": keys(g.casualty), "speech": keys(g.speech_verbs),
            "background": keys(g.background), "irrealis": keys(g.suppress_governors | g.request_governors),
            "negation": keys(g.negators | g.deniers), "side": keys(g.side_clauses),
            "number": keys(g.numbers)}


def report_features(ev: dict[str, Any], words: bool = False) -> dict[str, float]:
    """Features of an event for the report filter (:class:`ReportFilter`): its
    trigger word, whether it carries the article or a proclitic, which argument
    slots the rules filled, its kind (verb, noun ...), mode and CAMEO root, whether the
    rules could attribute it (:func:`_attributed`), which kinds of closed-class words
    its sentence holds (time, casualty, speech, background, irrealis, negation,
    side-clause words, numbers and digits) and where the trigger sits.  With
    ``words``, also each word of the sentence (``w=`` + its filter key: folded, the
    article and one proclitic off), a bag of words the model weighs with strong
    regularization.  Not the sentence length (how the GSR cut its sentences says
    nothing of an article's).  Training (``tools/train_events_filter.py``) and the
    pipeline use this one function."""
    sent = ev.get("sentence") or ""
    words_ = [_filter_key(w) for w in _WORD_RE.findall(sent)]
    trig = (ev.get("trigger") or "").split()
    first = fold(trig[0]) if trig else ""
    feats: set[str] = {f"tr={_filter_key(trig[0])[:5] if trig else ''}"}
    if first.startswith(("ال", "وال", "بال", "لل", "فال")):
        feats.add("tr_article")
    elif first[:1] in ("و", "ف"):
        feats.add("tr_conj")
    for name, lst in _report_cues().items():
        if lst.intersection(words_):
            feats.add(f"cue={name}")
    if words:
        feats.update(f"w={w}" for w in words_ if len(w) >= 2)
    if any(ch.isdigit() for ch in sent):
        feats.add("cue=digits")
    for k in ("source_text", "target_text", "victims_text", "location", "quoted", "mode", "date"):
        if ev.get(k):
            feats.add(f"has_{k}")
    feats.add(f"kind={ev.get('trigger_kind') or ''}")
    feats.add(f"mode={ev.get('mode') or ''}")
    feats.add(f"cameo={ev.get('cameo') or ''}")
    if not _attributed(ev):
        feats.add("unattributed")
    span = max(1, int(ev.get("end", 0)) - int(ev.get("start", 0)))
    pos = (int(ev.get("trigger_start", 0)) - int(ev.get("start", 0))) / span
    feats.add(f"pos={min(int(pos * 3), 2)}")
    return {f: 1.0 for f in feats}


#: which events the report filter judges (``scope`` of a type in events_filter.json):
#: "actorless-noun" verbal nouns with no source entity and no actor code (the first
#: model), "actorless" any trigger with neither, "unnamed" no source entity, "all"
FILTER_SCOPES = ("actorless-noun", "actorless", "unnamed", "all")


class ReportFilter:
    """Does a sentence report an ASSAULT / PROTEST as news, or only mention one?

    A logistic regression over :func:`report_features`, trained on the dev half
    of the OEDA Arabic event gold standard (MIT; ``tools/train_events_filter.py``,
    weights and attribution in ``marsad/models/events_filter.*``).  Per type, the
    model file says which events it judges (``scope``, :data:`FILTER_SCOPES`) and
    whether it also judges events the rules could not attribute (``unattributed``:
    no actor phrase, target, victims or place; without the filter they go to
    ``doc.meta["unattributed_events"]``).  A judged event is kept when its
    sentence reads as an incident report ("قتل 5 في انفجار سيارة مفخخة"), else it
    goes to the unattributed events with its ``report_score``."""

    def __init__(self, path: str | Path | None = None) -> None:
        import json

        path = Path(path) if path else FILTER_FILE
        self.models: dict[str, tuple[float, float, dict[str, float]]] = {}
        self.scopes: dict[str, tuple[str, bool]] = {}
        self.words: dict[str, bool] = {}  # does the type's model weigh the sentence's words?
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
            for etype, m in (data.get("types") or {}).items():
                self.models[etype] = (float(m["bias"]), float(m["threshold"]),
                                      {k: float(v) for k, v in m["weights"].items()})
                scope = m.get("scope", "actorless-noun")
                if scope not in FILTER_SCOPES:
                    raise ValueError(f"{path}: unknown filter scope {scope!r} for {etype}")
                self.scopes[etype] = (scope, bool(m.get("unattributed", False)))
                self.words[etype] = bool(m.get("words", False))

    def score(self, ev: dict[str, Any]) -> float | None:
        m = self.models.get(ev.get("type"))
        if m is None:
            return None
        import math

        bias, _thr, w = m
        feats = report_features(ev, self.words.get(ev["type"], False))
        z = bias + sum(w.get(f, 0.0) * v for f, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @staticmethod
    def judges(ev: dict[str, Any], scope: str = "actorless-noun", unattributed: bool = False) -> bool:
        """Is ``ev`` an event a filter of this scope judges?  The first model judged
        verbal-noun mentions with no identified actor only: a noun trigger
        ("الهجوم"، "مظاهرة"), no source entity and no actor code ("غارة إسرائيلية"
        names its actor by the adjective).  Negated events are never judged."""
        if ev.get("negated"):
            return False
        if not unattributed and not _attributed(ev):
            return False
        if scope == "all":
            return True
        if ev.get("source") is not None:
            return False
        if scope == "unnamed":
            return True
        if ev.get("source_code"):
            return False
        return scope == "actorless" or ev.get("trigger_kind") == "n"

    def judged(self, ev: dict[str, Any]) -> bool:
        """Does this model judge ``ev`` (its type's scope)?"""
        sc = self.scopes.get(ev.get("type"))
        return sc is not None and self.judges(ev, *sc)

    def keep(self, ev: dict[str, Any]) -> bool:
        """Score ``ev`` (``report_score``) when it is an event the filter judges;
        False for an unattributed event it does not judge."""
        if not self.judged(ev):
            return _attributed(ev)
        p = self.score(ev)
        ev["report_score"] = round(p, 3)
        return p >= self.models[ev["type"]][1]


def _speaker_of_cue(doc: Document, events: list[dict[str, Any]]) -> None:
    """One verb, one subject: an event triggered by the very verb a quote was cued by
    ("ودعت في بيان مجلس النواب إلى …", "وطالب نوروزي الحكومة بـ…") has the quote's
    speaker as its source: the quote component resolves carried, relayed and
    role-named speakers, and reads the subject with the same care whether or not
    the verb also reports an act.  (Taking the speaker only where the event's own
    reading found no source gained about half as much on the development sets.)"""
    speakers = {q["cue_start"]: q["speaker"] for q in doc.quotes
                if q.get("speaker") and q.get("cue_start") is not None}
    if not speakers:
        return
    for ev in events:
        spk = speakers.get(ev.get("trigger_start"))
        if ev.pop("main_verb_source", False) and ev.get("source") is not None:
            continue  # the participle's main verb named its subject ("واعتبر المكتب …، متوعدا")
        if spk is None or ev.get("source") == spk:
            continue
        ev["source"], ev["source_inferred"] = spk, False
        for key in ("source_text", "source_start", "source_end"):
            ev[key] = None
        if ev.get("target") == spk:
            ev["target"] = None


class EventExtractor:
    """Pipeline component: fills ``doc.events`` (see the module docstring)."""

    name = "events"
    OPTIONS = ("event_lexicon", "report_filter")

    def __init__(self, event_lexicon: str | None = None, report_filter: bool | str = True) -> None:
        self.lex = load_lexicon(event_lexicon)
        self._cache: dict[str, tuple[_Hit, ...]] = {}
        self.filter = None
        if report_filter:
            self.filter = ReportFilter(report_filter if isinstance(report_filter, str) else None)
            if not self.filter.models:
                self.filter = None

    # -- matching ------------------------------------------------------------
    def _hits(self, norm: str) -> tuple[_Hit, ...]:
        got = self._cache.get(norm)
        if got is None:
            got = self.lex.lookup(norm)
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[norm] = got
        return got

    def __call__(self, doc: Document) -> Document:
        toks = doc.tokens
        get = self._cache.get
        lookup = self._hits
        # one dictionary probe per token (a word seen before), the lexicon lookup otherwise
        found = [i for i, t in enumerate(toks) if (h := get(t.norm, _MISS)) and (h is not _MISS or lookup(t.norm))]
        if not found:
            doc.events = []
            return doc
        rd = _Reader(doc, self.lex, self._hits)
        events: list[dict[str, Any]] = []
        by_sent: dict[int, list[int]] = {}
        for i in found:
            by_sent.setdefault(toks[i].sentence, []).append(i)
        date_fn = _date_for_span()
        if date_fn is not None and "dates" not in doc.meta:
            # the dates component has not run: find the date expressions once (the same
            # entries it stores), not once per event
            try:
                from marsad.extract.dates import date_expressions

                doc.meta["dates"] = date_expressions(doc)
            except Exception:  # noqa: BLE001 - dates are optional
                date_fn = None
        for si in sorted(by_sent):
            events.extend(self._sentence(rd, si, by_sent[si], date_fn))
        events = _dedupe(events, _headline_end(doc))
        _speaker_of_cue(doc, events)
        for ev in events:
            ev.pop("main_verb_source", None)
        etypes = {e.get("id"): e.get("type") for e in doc.entities}
        for ev in events:
            if ev["type"] == "PROTEST" and ev.get("trigger_kind") == "n" and etypes.get(ev.get("source")) == "LOC":
                # "وقفة احتجاجية في نابلس", "النساء الأفغانيات": a place holds a protest or
                # names its people; it does not stage it
                for key in ("source", "source_text", "source_start", "source_end", "source_code"):
                    ev[key] = None
        kept, loose = [], []
        filt = self.filter
        for ev in events:
            (kept if (_attributed(ev) if filt is None else filt.keep(ev)) else loose).append(ev)
        doc.events = kept
        if loose:
            doc.meta["unattributed_events"] = loose
        else:
            doc.meta.pop("unattributed_events", None)
        return doc

    def _choose(self, rd: _Reader, i: int, a: int, b: int) -> _Cand | None:
        """The best lexicon reading of token i in sentence tokens [a, b)."""
        toks = rd.toks
        best: _Cand | None = None
        best_score = (-1, -1, -1)
        prev_keys = rd.forms_of(i - 1) if i - 1 >= a else set()
        next_keys = rd.forms_of(i + 1) if i + 1 < b else set()
        next_text = toks[i + 1].norm if i + 1 < b else ""
        em = rd.ent_at(i)
        # part of a name ("فالح الفياض" is no "ف + ألح"), unless the name starts after
        # a proclitic on a trigger ("بانسحاب" never is a name)
        if em is not None and int(em[1]["start"]) < toks[i].end and int(em[1]["end"]) > toks[i].start \
                and int(em[1]["start"]) <= toks[i].start + len(self._hits(toks[i].norm)[0].clitic):
            return None
        ta_marbuta = toks[i].text.rstrip(_MARKS)[-1:] == "ة"
        light: bool | None = None  # a light verb and its subject right before (computed once)
        stance: bool | None = None  # a stance verb (and its subject) right before (computed once)
        deferred: list[_Hit] = []
        for h in self._hits(toks[i].norm):
            f = h.form
            tr = f.trigger
            if ta_marbuta and f.pron == "ه":
                continue  # "ضربة" is a strike, not "ضربه" (he hit him / his hitting)
            if f.hamza and not any(ch in toks[i].text for ch in "أإئؤء"):
                continue  # "هنا" (here) is no "هنأ" (congratulated)
            if tr.kind == "v" and not h.clitic and i - 1 >= a and rd.is_prep(i - 1):
                continue  # a preposition governs a noun: "أمام حشد من قوات" is a crowd
            if f.jussive and not (i - 1 >= a and toks[i - 1].norm in ("لم", "ولم", "فلم", "لا", "ولا")):
                continue
            if tr.not_prev and prev_keys & tr.not_prev:
                continue
            if tr.not_next and (next_keys & tr.not_next or any(len(w) == 1 and next_text.startswith(w) for w in tr.not_next)):
                continue
            if tr.not_near and any(rd.forms_of(k) & tr.not_near for k in range(i + 1, min(b, i + 6))
                                   if not rd.is_punct(k)):
                continue
            end = then_at = i + 1
            tlen = 0
            if tr.then:
                m = self._then(rd, i + 1, min(b, i + 1 + tr.gap + 3), tr)
                if m is None and tr.kind == "v" and not h.article:
                    deferred.append(h)  # read past a subject only when nothing else fits
                if m is None:
                    continue
                then_at, end = m
                tlen = end - then_at
            # noun reading after a preposition/article, verb reading elsewhere
            noun_ctx = h.article or h.clitic[-1:] in ("ب", "ك") or (i - 1 >= a and rd.is_prep(i - 1))
            kind_fit = 1 if (tr.kind == "n") == noun_ctx or tr.kind in ("p", "ap") else 0
            if tr.kind in ("n", "v") and not noun_ctx:
                if stance is None:
                    # (only a word read both as a noun and as a verb has a reading to prefer)
                    kinds = {x.form.trigger.kind for x in self._hits(toks[i].norm)}
                    stance = "n" in kinds and "v" in kinds and self._stance_subject(rd, i, a)[0]
                if f.pron and light is None:
                    light = self._light_subject(rd, i, a) is not None
                if stance or (f.pron and light):
                    # "أعلنت الحكومة رفضها القاطع للقرار"، "قررت الحكومة سحب سفيرها": with
                    # its subject, a light or stance verb takes the verbal noun (and its
                    # possessive), not a verb and its object
                    kind_fit = 1 if tr.kind == "n" else 0
            score = (1 if tr.then else 0, tlen, kind_fit)
            if score > best_score:
                best, best_score = _Cand(i, h, end, then_at), score
        if deferred and (best is None or (best.trig.require_types and not best.trig.then)):
            # a bare reading that asks for a named target ("أوقفت الشرطة الناشط X") yields to
            # the entry whose then-phrase lies past the subject ("أوقفت الشرطة خمسة أشخاص")
            for h in deferred:
                m = self._then_past_subject(rd, i + 1, b, h.form.trigger)
                if m is not None:
                    return _Cand(i, h, m[1], m[0])
        return best

    @staticmethod
    def _then(rd: _Reader, start: int, limit: int, tr: Trigger) -> tuple[int, int] | None:
        toks = rd.toks
        best: tuple[int, int] | None = None
        for k in range(start, min(limit, start + tr.gap)):
            if rd.is_punct(k):
                if tr.gap >= 6 and toks[k].text in ("،", ","):
                    continue  # a long-distance then-phrase reads over a fronted adverb in commas
                break
            keys = rd.forms_of(k)
            for phrase in tr.then:
                if phrase[0] not in keys:
                    continue
                n = len(phrase)
                if k + n > len(toks):
                    continue
                if all(phrase[q] in rd.forms_of(k + q) for q in range(1, n)) and \
                        (best is None or n > best[1] - best[0]):
                    best = (k, k + n)
            if best is not None:
                return best
        return best

    def _then_past_subject(self, rd: _Reader, start: int, b: int, tr: Trigger) -> tuple[int, int] | None:
        """The then-phrase of a verb after what Arabic news puts between a verb and its
        object: the subject (verb-subject-object order: "أوقفت الشرطة السورية خمسة
        أشخاص"), for a verb with a direct object also that object ("حملت الوزارة قوات
        الدعم السريع المسؤولية"), and a time phrase, bare or in commas ("أرسلت، الشهر
        الماضي، شحنة").  Each skip is taken at most once, and the phrase must still
        follow within the trigger's own gap."""
        if start >= b or (rd.is_punct(start) and rd.toks[start].text not in ("،", ",")) or rd.is_prep(start):
            return None  # neither a subject nor an aside starts here
        firsts = {phrase[0] for phrase in tr.then}
        if not any(rd.forms_of(q) & firsts for q in range(start, min(b, start + tr.gap + 16))):
            return None  # no word that may begin the phrase anywhere near: nothing to skip to
        k = start
        phrases = 0  # the subject, and for a verb with a direct object that object
        most = 2 if "obj" in tr.tgt else 1
        time_done = aside_done = False
        for _ in range(5):
            moved = False
            if not time_done:
                k2 = self._skip_time(rd, k, b)
                if k2 > k:
                    k, time_done, moved = k2, True, True
            if not moved and not aside_done:
                k2 = self._skip_aside(rd, k, b)
                if k2 > k:
                    k, aside_done, moved = k2, True, True
            if not moved and phrases < most and k < b and not rd.is_punct(k):
                np = rd.np_at(k, b, skip_adv=False)
                if np is None or np.t1 <= k or rd.marker_prep(k) is not None:
                    return None
                k, moved = np.t1, True
                phrases += 1
            if not moved:
                return None
            m = self._then(rd, k, min(b, k + tr.gap + 3), tr)
            if m is not None:
                return m
        return None

    @staticmethod
    def _skip_aside(rd: _Reader, k: int, b: int) -> int:
        """Token index after a prepositional aside in commas starting at k (k itself when
        there is none): "، في بيان،"، "، خلال مؤتمر صحفي مشترك،"، "، بالتنسيق مع …،"
        between a verb's subject and the rest of its clause."""
        toks = rd.toks
        if not (k + 2 < b and toks[k].text in ("،", ",") and (
                rd.is_prep(k + 1) or rd.base(k + 1) in rd.g.frame_preps or rd.attached_prep(k + 1) in ("ب", "ل"))):
            return k
        q = k + 2
        while q < b and q - k <= 8 and not rd.is_punct(q):
            q += 1
        return q + 1 if q < b and toks[q].text in ("،", ",") else k

    @staticmethod
    def _skip_time(rd: _Reader, k: int, b: int) -> int:
        """Token index after a time phrase starting at k (k itself when there is none):
        "، أمس السبت،", "، الشهر الماضي،", "فجر الثلاثاء", "يوم الخميس الماضي"."""
        g = rd.g
        toks = rd.toks
        dated = rd.date_spans()

        def timeish(q: int) -> bool:
            t = toks[q]
            if t.norm in g.time_anchors or t.bare in g.time_anchors or t.norm in g.time_nouns \
                    or t.norm in g.adverbials or t.bare in g.adverbials:
                return True
            return any(s <= t.start and t.end <= e for s, e in dated)  # "12 آذار الماضي"

        if k < b and rd.is_punct(k) and toks[k].text in ("،", ","):
            q = k + 1
            while q < b and q - k <= 6 and not rd.is_punct(q) and timeish(q) and rd.ent_at(q) is None:
                q += 1
            if q < b and q - k > 1 and toks[q].text in ("،", ","):
                return q + 1
            return k
        q = k
        while q < b and q - k < 5 and not rd.is_punct(q) and rd.ent_at(q) is None and timeish(q):
            q += 1
        return q if q > k and any(toks[x].norm not in g.adverbials or toks[x].norm in g.time_anchors
                                  for x in range(k, q)) else k

    # -- one sentence --------------------------------------------------------
    def _sentence(self, rd: _Reader, si: int, idxs: list[int], date_fn) -> list[dict[str, Any]]:
        doc = rd.doc
        toks = rd.toks
        span = doc.sentences[si] if si < len(doc.sentences) else None
        s_start = span.start if span else toks[idxs[0]].start
        s_end = span.end if span else toks[idxs[-1]].end
        a = bisect.bisect_left(rd.starts, s_start)
        b = bisect.bisect_left(rd.starts, s_end)
        cands: list[_Cand] = []
        consumed_until = -1
        for i in idxs:
            if i < consumed_until:
                continue
            c = self._choose(rd, i, a, b)
            if c is None:
                continue
            cands.append(c)
            if c.end > i + 1:
                # the then-phrase is part of this trigger ("فرض عقوبات", "وقف إطلاق النار")
                consumed_until = max(consumed_until, c.end)
                # tokens between trigger and then-phrase stay free, except the phrase
        # drop candidates whose token lies inside an earlier then-phrase
        kept: list[_Cand] = []
        taken: set[int] = set()
        for c in cands:
            if c.i in taken:
                continue
            kept.append(c)
            taken.update(range(c.then_at, c.end))
        sentence_text = doc.text[s_start:s_end]
        out: list[dict[str, Any]] = []
        gov: dict[str, Any] | None = None  # the open governing event
        gov_until = -1
        speech_subject: Arg | None = None
        speech_done = False
        dropped: dict[int, _Cand] = {}  # last token of a trigger not reported -> it
        used: set[int] = set()  # trigger words read as part of another event (an organizer's verb)
        for c in kept:
            tr = c.trig
            i = c.i
            tok = toks[i]
            if i in used:
                continue
            # governed by an earlier REQUEST/REJECT/THREATEN/AGREE trigger?
            if gov is not None and i < gov_until and self._complement(rd, gov, c, a):
                if gov.get("action") is None:
                    gov["action"] = tr.type
                    gov["action_trigger"] = tok.text
                    gov["_action_cand"] = c
                dropped[c.end - 1] = c
                continue
            if self._chained(rd, c, dropped) or self._restates_dropped(rd, c, a, dropped):
                dropped[c.end - 1] = c
                continue
            if self._background(rd, c, a) or self._not_a_report(rd, c, a, b, kept) or self._ongoing(rd, c, a, b) \
                    or self._historical(rd, c, a, b):
                dropped[c.end - 1] = c
                continue
            # modal / irrealis word right before?
            modal = self._modal(rd, i, a)
            if modal is not None and modal[1] == "suppress":
                dropped[c.end - 1] = c
                continue
            if tr.type == "CONSULT" and tr.mode == "mediate" and tr.kind == "n" and c.hit.clitic[-1:] == "ب" \
                    and any(e["type"] == "CONSULT" for e in out):
                dropped[c.end - 1] = c  # "... المفاوضات بوساطة مصرية": the manner of the talks told
                continue
            if tr.type == "COOPERATE" and tr.kind == "n" and _prep_clitic(c.hit.clitic, c.hit.article) == "ب":
                # "نفذت غارة بالتنسيق مع الحكومة"، "بالتعاون مع": the manner of the clause's act
                dropped[c.end - 1] = c
                continue
            if tr.kind == "p" and tr.type == "PROTEST" and self._motive(rd, c, out):
                dropped[c.end - 1] = c
                continue
            if not speech_done:
                speech_subject = self._speech_subject(rd, a, b)
                speech_done = True
            ev = self._event(rd, c, a, b, s_start, s_end, out, speech_subject)
            if ev is None:
                continue
            if modal is not None:  # ضرورة/يجب + action -> REQUEST of the speaker
                mk = modal[0]
                req = self._blank(rd, "REQUEST", "10", "demand", mk, s_start, s_end, sentence_text)
                src = self._carry(rd, mk, s_start, s_end, out, speech_subject)
                self._set_arg(req, "source", src, inferred=True)
                actor = ev.get("_src_arg") or ev.get("_tgt_arg")
                self._set_arg(req, "target", actor)
                req["action"] = ev["type"]
                req["action_trigger"] = ev["trigger"]
                req["negated"] = False
                ev = req
            if ev.get("_require_tgt") and ev.get("target_text") is None:
                continue
            if ev["type"] == "PROTEST" and self._known_protesters(rd, ev):
                dropped[c.end - 1] = c
                continue
            if ev["type"] == "AGREE" and ev.get("mode") == "sign" and c.then_at < c.end:
                if rd.signed and rd.definite(toks[c.then_at]):
                    dropped[c.end - 1] = c  # "ووقع الاتفاقية ...": the signing told before
                    continue
                rd.signed = True
            anchor_date = self._date(doc, date_fn, ev["trigger_start"], ev["trigger_end"], fallback=False)
            if anchor_date and len(anchor_date) != 10:
                ev["date_approx"] = anchor_date  # a year or month only: the contract's date is a day
                anchor_date = None
            if tr.kind == "n" and ev["type"] == tr.type and not self._anchored(rd, c, ev, a, b, anchor_date):
                dropped[c.end - 1] = c
                continue
            ev["date"] = anchor_date or doc.published
            if ev.get("_organizer_tok") is not None:
                used.add(ev["_organizer_tok"])
            out.append(ev)
            also = ev.pop("_also_target", None)
            if also is not None and also.ent != ev.get("target"):
                twin = {k: v for k, v in ev.items() if not k.startswith("_")}
                for k in ("target", "target_text", "target_start", "target_end", "target_code"):
                    twin.pop(k, None)
                self._set_arg(twin, "target", also)
                twin["_src_arg"] = ev.get("_src_arg")
                out.append(twin)
            if tr.governs and ev["type"] == tr.type:
                gov = ev
                gov_until = min(rd.punct_right(c.end, b), c.end + 8)
                gov["_end"] = c.end
            src = ev.get("_src_arg")
            if src is not None and not ev.get("source_inferred"):
                rd.last_source = src
            tga = ev.get("_tgt_arg")
            if ev["type"] == "CONSULT" and src is not None and src.ent is not None and tga is not None \
                    and tga.ent is not None and tga.ent != src.ent and not ev["negated"]:
                rd.last_meeting = (src, tga)
        if speech_subject is not None and not out:
            rd.last_source = speech_subject
        # governed actions: their actor becomes the governor's target
        for ev in out:
            ac = ev.pop("_action_cand", None)
            if ac is not None and ev.get("target_start") is not None and ev["target_start"] >= toks[ac.i].start:
                for k in ("target", "target_text", "target_start", "target_end", "target_code", "_tgt_arg"):
                    ev.pop(k, None)
                ev["target"] = None
                ev["target_text"] = None
            if ac is not None and ev.get("target_text") is None:
                sub = self._event(rd, ac, a, b, s_start, s_end, [], speech_subject, carry=False)
                if sub is not None:
                    actor = sub.get("_src_arg") if not sub.get("source_inferred") else None
                    actor = actor or sub.get("_tgt_arg")
                    if actor is not None and actor.ent is not None and actor.ent == ev.get("source"):
                        actor = None  # "وقعت مصر والأردن مذكرة تفاهم": no actor is its own target
                    self._set_arg(ev, "target", actor)
        harm = [e for e in out if e.get("_casualty")]
        if harm:
            kinds = [e for e in out if e["type"] == "ASSAULT" and not e.get("_casualty") and not e["negated"]]
            if kinds:
                attack = kinds[0]
                for e in harm:
                    if e["type"] != "ASSAULT" or e["negated"]:
                        continue
                    # "قتل 5 في غارة": the killing is the strike's outcome, one event
                    if e.get("target_text") is not None:
                        attack["victims_text"] = e["target_text"]
                        if attack.get("target_text") is None:
                            for k in ("target", "target_text", "target_start", "target_end", "target_code", "_tgt_arg"):
                                if k in e:
                                    attack[k] = e[k]
                    attack["location"] = attack.get("location") or e.get("location")
                    attack["location_text"] = attack.get("location_text") or e.get("location_text")
                    e["_drop"] = True
                out = [e for e in out if not e.get("_drop")]
        out = self._side_clause_filter(rd, out, a, b)
        out = self._merge(out)
        for ev in out:
            for k in [k for k in ev if k.startswith("_")]:
                del ev[k]
        return out

    def _motive(self, rd: _Reader, c: _Cand, out: list[dict[str, Any]]) -> bool:
        """"احتجاجا على ..." after an act told in its clause is that act's motive, not
        a protest of its own: a withdrawal from a session is a walkout (the RETREAT
        becomes a PROTEST), a recalled ambassador stays a SANCTION.  Returns True when
        the adverbial was absorbed this way."""
        start = rd.toks[c.i].start
        prev = [e for e in out if e["trigger_start"] < start and not e.get("negated")]
        if not prev:
            return False
        ev = prev[-1]
        if ev["type"] == "PROTEST":
            return False  # "تظاهر المئات احتجاجا على ...": the same protest, merged later
        if ev["type"] == "RETREAT" and ev.get("mode") == "withdraw":
            ev["type"], ev["cameo"], ev["mode"] = "PROTEST", "14", "boycott"
            tgt = self._target(rd, c.trig, c.end, rd.clause_right(c.end, len(rd.toks)),
                               rd.punct_right(c.end, len(rd.toks)))
            if tgt is not None:
                tgt = rd.resolve(tgt)
                if tgt is not None and tgt.ent is not None:
                    for k in ("target", "target_text", "target_start", "target_end", "target_code", "_tgt_arg"):
                        ev.pop(k, None)
                    self._set_arg(ev, "target", tgt)
        return True

    @staticmethod
    def _clause_subject(rd: _Reader, a: int, i: int) -> Arg | None:
        """The subject after the first verb of the sentence before token i ("جاب عشرات
        من مناصري الحزب الشوارع ... احتجاجا"): a counted subject ("عشرات من X") is X."""
        g = rd.g
        verbs = g.occurrence_verbs | g.light_verbs | g.verbs
        for k in range(a, i):
            if rd.is_punct(k) and rd.toks[k].text not in ("،", ","):
                return None
            if rd.is_verb(k) or rd.base(k) in verbs or (rd.stems(k) & verbs and not rd.toks[k].prefix):
                arg = rd.np_at(k + 1, rd.punct_right(k + 1, i)) if k + 1 < i else None
                if arg is None:
                    return None
                if arg.t0 >= 0 and rd.is_number(arg.t0):
                    q = arg.t1 if arg.t1 > 0 else _tok_after(rd, arg, arg.t0 + 1)
                    if q < i and rd.base(q) == "من":
                        part = rd.np_at(q + 1, rd.punct_right(q + 1, i))
                        if part is not None:
                            arg = part
                return rd.resolve(arg)
        return None

    def _elided_subject(self, rd: _Reader, a: int, i: int) -> Arg | None:
        """The subject a conjoined verb at ``i`` shares with its clause's first verb:
        the phrase before that verb ("إن الشرطة التركية فرقت …") or after it
        ("وفرقت الشرطة التركية …"), when it names an actor."""
        if a < i and rd.toks[a].norm in _COMPLEMENTIZERS:
            a += 1  # "إن الشرطة …"
        np = rd.np_at(a, i) if a < i else None
        if np is not None and 0 < np.t1 < i and (rd.is_verb(np.t1) or np.t0 == a):
            got = self._partitive(rd, rd.resolve(np), i)
            if got is not None:
                return got  # a clause that opens with its subject (also a headline's)
        got = self._partitive(rd, self._clause_subject(rd, a, i), i)
        if got is None and a < i and (rd.is_prep(a) or rd.toks[a].norm in _FRONTED_PREPS):
            # "وفي ريف القنيطرة، توغلت قوة …": past a fronted place phrase, the clause
            for k in range(a + 1, min(i, a + 8)):
                if rd.toks[k].text in ("،", ","):
                    a = k + 1
                    break
                if rd.is_punct(k):
                    break
        if got is None and a + 1 < i and not rd.toks[a].prefix and rd.ent_at(a) is None and not rd.is_prep(a) \
                and not rd.is_punct(a) and rd.toks[a].norm not in _COMPLEMENTIZERS:
            # a first verb no trigger lexicon lists: "توغلت وحدات من الجيش الإسرائيلي …"
            np = rd.np_at(a + 1, i)
            got = self._partitive(rd, rd.resolve(np), i) if np is not None else None
        return got

    @staticmethod
    def _partitive(rd: _Reader, arg: Arg | None, limit: int) -> Arg | None:
        """An actor phrase, or the actor of "وحدات من الجيش الإسرائيلي" (units of
        the army: the army acts); None when neither names an actor."""
        if arg is None:
            return None
        if arg.ent is not None:
            return arg
        q = arg.t1
        if 0 < q < limit - 1 and rd.base(q) == "من":
            part = rd.np_at(q + 1, limit)
            part = rd.resolve(part) if part is not None else None
            if part is not None and part.ent is not None:
                return part
        return None

    @staticmethod
    def _light_object_subject(rd: _Reader, i: int, a: int) -> Arg | None:
        g = rd.g
        for k in range(i - 2, max(a, i - 7) - 1, -1):
            if rd.is_punct(k):
                return None
            if rd.stems(k) & g.light_verbs and not rd.toks[k].prefix:
                pre = rd.np_before(k, a)
                if pre is not None:
                    return pre
                post = rd.np_at(k + 1, i)
                if post is not None and 0 < post.t1 < i - 1:
                    return post
                return None
        return None

    @staticmethod
    def _light_subject(rd: _Reader, i: int, a: int) -> Arg | None:
        g = rd.g
        for k in range(i - 2, max(a, i - 9) - 1, -1):
            if rd.is_punct(k):
                return None
            if rd.stems(k) & g.light_verbs:
                arg = rd.np_at(k + 1, i)
                if arg is not None and (arg.t1 == i or (arg.t1 <= 0 and _tok_after(rd, arg, i) == i)):
                    arg = rd.resolve(arg)
                    return arg if arg is not None and arg.ent is not None else None  # a named actor only
                return None
        return None

    def _organizer(self, rd: _Reader, c: _Cand, b: int) -> tuple[int, Arg] | None:
        """"مظاهرة نظمها حزب البعث"، "الاحتجاجات التي دعت إليها تنسيقية حراك البصرة":
        who organized or called for the protest is its source.  Returns the
        organizing verb's token and the organizer."""
        toks = rd.toks
        k = c.end
        while k < min(b, c.end + 3) and not rd.is_punct(k) and rd.nisba(toks[k]) and rd.ent_at(k) is None:
            k += 1  # adjectives: "مظاهرة احتجاجية نظمها"
        if k < b and rd.base(k) in rd.g.relatives:
            k += 1
        if k >= b:
            return None
        verb = k
        if not (rd.stems(k) & rd.g.organizers):
            return None
        k += 1
        if k < b and rd.base(k) in (fold("إليها"), fold("إليه"), fold("لها"), fold("له")):
            k += 1
        arg = rd.np_at(k, rd.punct_right(k, b)) if k < b else None
        arg = rd.resolve(arg) if arg is not None else None
        return (verb, arg) if arg is not None else None

    @staticmethod
    def _called_by(rd: _Reader, a: int, b: int) -> Arg | None:
        """"نفذ المئات، بدعوة من جمعية صرخة المودعين، اعتصاما": the named actor
        at whose call a protest is held is its source (unnamed crowds are no actor)."""
        toks = rd.toks
        for k in range(a, b - 1):
            n = toks[k].norm
            if n in _CALL_WORDS:
                j = k + 2 if rd.base(k + 1) == "من" else k + 1  # "بدعوة من X", "بدعوة X"
            elif n in _ANSWER_CALL_WORDS:
                # "استجابة لدعوة نقابة المعلمين"، "تلبية لدعوة أطلقها زعيم التيار فلان"
                j = k + 1
                if j < b and toks[j].norm in _CALL_RELAYS:
                    j += 1
            else:
                continue
            if j >= b:
                continue
            arg = rd.np_at(j, rd.punct_right(j, b))
            arg = rd.resolve(arg) if arg is not None else None
            if arg is not None and arg.ent is not None:
                return arg
        return None

    @staticmethod
    def _known_protesters(rd: _Reader, ev: dict[str, Any]) -> bool:
        """"ورشق المتظاهرون ..."، "وقطع المحتجون الطريق": what the protesters (definite:
        the ones the text has told of) do elaborates a protest already reported."""
        text = ev.get("source_text")
        if not text or ev.get("source") is not None or ev.get("source_inferred"):
            return False
        head = fold(text.split()[0])
        head = head[1:] if head[:1] in "وف" and len(head) > 4 else head
        return head.startswith(("ال", "لل")) and split_article(head)[1] in rd.g.protesters

    @staticmethod
    def _historical(rd: _Reader, c: _Cand, a: int, b: int) -> bool:
        """Is the trigger's stretch of the sentence dated to an earlier year ("في
        يوليو 2005"، "عام 1986")?  Then it recalls history; the article reports the
        present.  Years are compared with the publication year; an undated text
        gives no present to compare with, so any stated year counts as history."""
        toks = rd.toks
        years = rd.year_tokens()
        if not years:
            return False
        pub = rd.doc.published
        now = int(pub[:4]) if pub and pub[:4].isdigit() else None
        lo = max(a, c.i - 10)
        for k in range(c.i - 1, lo - 1, -1):
            if toks[k].text in _HARD_STOPS:
                lo = k + 1
                break
        hi = min(b, c.end + 10)
        for k in range(c.end, hi):
            if toks[k].text in _HARD_STOPS:
                hi = k
                break
        for k in years[bisect.bisect_left(years, lo):bisect.bisect_left(years, hi)]:
            if any(toks[q].norm in ("منذ", "ومنذ") for q in range(max(a, k - 4), k)):
                continue  # "منذ عام 2011": a span that runs to the present
            if now is None or int(toks[k].norm) < now:
                return True
        return False

    @staticmethod
    def _chained(rd: _Reader, c: _Cand, dropped: dict[int, _Cand]) -> bool:
        """A verbal noun that continues a trigger word left unreported shares its
        status: a coordinated list ("مسلسل الاغتيالات والتفجيرات"، "أدان القتل
        والخطف"، "أعمال قتل واغتصاب") or its object ("لتفجير سيارات مفخخة")."""
        prev = dropped.get(c.i - 1)
        if prev is None:
            return False
        if c.trig.kind != "n":
            # "قضية خطف الشابين وقتلهما": a word that reads as verb or verbal noun,
            # coordinated with an unreported verbal noun, is the noun
            return prev.trig.kind == "n" and c.hit.clitic[:1] == "و" and rd.is_event_word(c.i)
        return c.hit.clitic[:1] == "و" or (not c.hit.clitic and prev.trig.kind == "n")

    @staticmethod
    def _restates_dropped(rd: _Reader, c: _Cand, a: int, dropped: dict[int, _Cand]) -> bool:
        """A verb in a relative or descriptive clause of an event noun restates that
        event ("التحقيق في التفجير الذي استهدف ..."، "بعد هجوم انتحاري استهدف ..."):
        when the noun is no report, neither is the clause."""
        if c.trig.kind != "v" or not dropped:
            return False
        left = rd.clause_left(c.i, a)
        if left - 1 >= a and rd.base(left - 1) in rd.g.relatives:
            rel = left - 1
        elif not c.hit.clitic and EventExtractor._embedded(rd, c.i, left):
            rel = c.i
        else:
            return False
        return any(rel - 5 <= k < rel and not any(rd.is_punct(q) for q in range(k, rel)) for k in dropped)

    @staticmethod
    def _side_clause_filter(rd: _Reader, out: list[dict[str, Any]], a: int, b: int) -> list[dict[str, Any]]:
        """Drop events told in a side clause ("... فيما قتل ...") when the main
        clause reports no event: the side clause sets the scene of a sentence
        whose report is something else (a statement, a state)."""
        if not out:
            return out
        toks = rd.toks
        side_start = None
        sides = rd.lex.side_forms
        for k in range(a, b):
            if toks[k].norm in sides:
                if k - a <= 1:
                    return out  # a fronted side clause: leave it
                side_start = toks[k].start
                break
        if side_start is None:
            return out
        main = [e for e in out if e["trigger_start"] < side_start]
        if main:
            return out
        return []

    @staticmethod
    def _complement(rd: _Reader, gov: dict[str, Any], c: _Cand, a: int) -> bool:
        """Is trigger c the action a governing trigger takes ("طالب بانسحاب", "رفض
        الانسحاب", "هدد بأن يقصف")?  It must open the governor's complement: right
        after it (or its object), after a preposition or أن, or carry ب/ل/إلى."""
        toks = rd.toks
        i = c.i
        for k in range(gov["_end"], i):
            if rd.is_punct(k) and toks[k].text not in "«»\"“”":
                return False
        h = c.hit
        if h.clitic[-1:] in ("ب", "ل") or (h.article and h.clitic[:-2][-1:] in ("ب", "ل")) or h.clitic.endswith("لل"):
            return True
        k = i - 1
        while k >= gov["_end"] and rd.is_punct(k):
            k -= 1
        if k < gov["_end"]:
            return True  # right after the governor: its object
        b = rd.base(k)
        if b in ("الي", "علي", "عن", "من", "في", "ب", "ل", "بـ", "لـ", "ان", "بان", "لان", "الا", "عدم", "بعدم") or \
                b in rd.g.request_governors:
            return True
        gobj = gov.get("_tgt_arg")
        if gobj is not None and gobj.t0 == i:
            return True  # "رفضت الحكومة انسحاب القوات": the object is the action
        if gobj is not None and gobj.t1 >= 0:
            k = gobj.t1
            while k < i and rd.is_punct(k):
                k += 1
            if k == i:
                return True  # "طالب الحكومة الإفراج عن ...", "مطالباً الأميركيين «مغادرة ...»"
        return False

    @staticmethod
    def _background(rd: _Reader, c: _Cand, a: int) -> bool:
        """Is the trigger a reference to an earlier event or a purpose, not a report?

        "بعد اغتيال ..."، "المسؤولية عن الهجوم"، "حصيلة التفجير" (a background word
        right before the trigger or its preposition), "لتفجير ..." (a masdar with
        the preposition ل is a purpose, unless a result or passive-light verb
        precedes: "أدى لمقتل"، "تعرض للهجوم").
        """
        g = rd.g
        toks = rd.toks
        i = c.i
        k = i - 1
        if k >= a and (rd.base(k) in ("عن", "في", "علي", "من", "ل", "الي") or rd.is_punct(k) and toks[k].text in "«\"“"):
            k -= 1
        # "التحقيقات القضائية والأمنية في التفجير"، "الذكرى الـ12 لمذبحة": adjectives and
        # ordinals of the background noun stand between it and the trigger
        skipped = 0
        while k - 1 >= a and skipped < 2 and not rd.is_punct(k) and (
                rd.is_number(k) or toks[k].text.startswith("الـ") or (rd.nisba(toks[k]) and not rd.is_verb(k)
                                                                       and rd.ent_at(k) is None)) \
                and not (rd.stems(k) & g.background):
            k -= 1
            skipped += 1
        if k >= a:
            if rd.stems(k) & g.background:
                if toks[k].norm in _RESPONSIBILITY and c.trig.kind == "n" \
                        and EventExtractor._stance_subject(rd, i, a)[0]:
                    return False  # "أعلنت الحركة مسؤوليتها عن التفجير": the claim reports the act
                if c.trig.kind == "v" and k == i - 1 and rd.definite(toks[k]) and not c.hit.clitic:
                    # "موظف اللجنة خطف من منزله": a definite noun ends the subject of the
                    # verb after it ("قضية خطف الشابين": an indefinite head takes a noun)
                    return False
                # "عقب لقاء جمعه مع الأسد": a meeting the clause says took place is reported
                return not (c.trig.type == "CONSULT" and c.end < len(toks) and toks[c.end].norm in _JAMA)
        tr = c.trig
        if tr.kind == "n" and g.background_after:
            # "عمليات انتحارية سابقة"، "الهجوم السابق": earlier acts, named by an adjective
            k = c.end
            if k < len(toks) and toks[k].sentence == toks[i].sentence and not rd.is_punct(k) and rd.nisba(toks[k]) \
                    and toks[k].bare not in g.background_after and rd.ent_at(k) is None:
                k += 1  # one adjective of the noun's own ("هجمات صاروخية سابقة")
            if k < len(toks) and toks[k].sentence == toks[i].sentence and toks[k].bare in g.background_after:
                return True
        if tr.kind == "n":
            h = c.hit
            lam = (h.clitic[-1:] == "ل" and not h.article) or (h.article and h.clitic.endswith("لل"))
            if lam:
                p = i - 1
                while p >= a and p >= i - 3 and not rd.is_punct(p):
                    b = rd.base(p)
                    if b in g.passive_light or b in g.result_verbs or b in g.light_verbs:
                        return False
                    p -= 1
                if EventExtractor._exposed(rd, i, a):
                    return False
                return True
        return False

    @staticmethod
    def _exposed(rd: _Reader, i: int, a: int) -> bool:
        """Is the noun at i (after ل) the complement of an exposure verb up to 10 words
        back, over commas ("تعرضت دورية تابعة للجيش لإطلاق نار")?"""
        g = rd.g
        for p in range(i - 1, max(a, i - 10) - 1, -1):
            if rd.is_punct(p) and rd.toks[p].text not in ("،", ","):
                return False
            if rd.base(p) in g.exposure_verbs:
                return True
        return False

    @staticmethod
    def _has_time(rd: _Reader, lo: int, hi: int) -> bool:
        g = rd.g
        for k in range(lo, hi):
            t = rd.toks[k]
            if t.norm in g.time_anchors or t.bare in g.time_anchors or (t.norm[:1] in "وفب" and t.norm[1:] in g.time_anchors):
                return True
        return False

    def _not_a_report(self, rd: _Reader, c: _Cand, a: int, b: int, kept: list[_Cand]) -> bool:
        """Future verbs, habitual present of punctual types, relative-clause background;
        a noun after a light verb in the future ("ستشن هجوما"، "سوف توجه ضربة")."""
        tr = c.trig
        if tr.kind == "n":
            g = rd.g
            for k in range(c.i - 1, max(a, c.i - 6) - 1, -1):
                if rd.is_punct(k):
                    break
                n = rd.toks[k].norm
                core = n[1:] if n[:1] in ("و", "ف") and len(n) > 3 else n
                if core[:1] == "س" and core[1:2] in ("ي", "ت", "ن") and core[1:] in g.light_verbs:
                    return True  # an intention, not an event (yet)
                if core in g.light_verbs and k - 1 >= a and rd.base(k - 1) in ("سوف", "لن"):
                    return True
            return False
        if tr.kind != "v":
            return False
        i = c.i
        form = c.hit.form
        if "س" in c.hit.clitic or (i - 1 >= a and rd.base(i - 1) in ("سوف", "لن")):
            return True  # an intention, not an event (yet)
        if form.tense == "pres" and i - 1 >= a and rd.base(i - 1) == "قد":
            return True  # "قد يقاطعون": a possibility
        left = rd.clause_left(i, a)
        if form.tense == "pres" and tr.punctual and not form.jussive \
                and not self._has_time(rd, left, rd.punct_right(c.end, b)):
            return True
        if form.tense == "pres" and not c.hit.clitic and self._embedded(rd, i, left) \
                and not (form.person == "3p" and not form.pron and rd.toks[i].start < rd.headline_end
                         and self._coordinated_pair(rd, i, a) is not None):
            # (a dual verb after "X وY" in a headline agrees with both: their clause, no
            # description of Y; in the body such a present is mostly a state: "تتقاسمان حدودا")
            if not any(rd.toks[k].norm in _COMPLEMENTIZERS for k in range(max(a, i - 9), i)):
                return True  # (no إن/أن in reach: no reported clause to open; the cheap test first)
            pre = rd.np_before(i, a)
            if pre is None or pre.t0 < 1 or (pre.ent is None and not rd.definite(rd.toks[pre.t0])) \
                    or not self._reported_clause(rd, pre.t0 - 1, a):
                return True  # "متظاهرين يحتجون على ...": a description of the noun, not a report
            # ("إن "الجزائر ترفض …"": a named or definite subject opens a reported clause;
            # a headline in the present tense restates the body's report and stays out)
        # "... خليل الوزير الذي اغتالته اسرائيل عام 1989": a relative clause about a
        # person or thing is background; one about an event noun (right before the
        # relative, adjectives aside) restates that event
        if left - 1 >= a and rd.base(left - 1) in rd.g.relatives:
            rel = left - 1
            if not any(o.trig.kind == "n" and o.i < rel and o.end >= rel - 2 for o in kept):
                return True
        return False

    @staticmethod
    def _coordinated_pair(rd: _Reader, i: int, a: int) -> tuple[Arg, Arg] | None:
        """Two names joined by و right before a dual or plural verb at the start of its
        clause ("مصر والأردن توقعان"، "دمشق و"قسد" تتفقان"): the subject, both parties."""
        toks = rd.toks

        def skip_marks(k: int) -> int:
            while k >= a and toks[k].text in _QUOTE_MARKS:
                k -= 1
            return k

        def name_start(k: int) -> tuple[int, tuple[dict, dict]] | None:
            em = rd.ent_at(k) if k >= a else None
            if em is None or em[0].get("type") not in ("PER", "ORG", "LOC"):
                return None
            while k - 1 >= a and (e2 := rd.ent_at(k - 1)) is not None and e2[1] is em[1]:
                k -= 1
            return k, em

        y = name_start(skip_marks(i - 1))
        if y is None:
            return None
        ys, em_y = y
        if rd.conj_prefixed(ys) and toks[ys].norm[:1] == "و":
            k = skip_marks(ys - 1)
        else:
            k = skip_marks(ys - 1)
            if k < a or toks[k].norm != "و":
                return None
            k = skip_marks(k - 1)
        x = name_start(k)
        if x is None or x[1][0] is em_y[0]:
            return None
        xs, em_x = x
        if xs > a and not rd.is_punct(xs - 1) and toks[xs - 1].norm not in _CLAUSE_OPENERS:
            return None  # not the start of a clause
        return rd.arg_from_entity(xs, em_x), rd.arg_from_entity(ys, em_y)

    @staticmethod
    def _ongoing(rd: _Reader, c: _Cand, a: int, b: int) -> bool:
        """A present-tense verb, or a present light verb before the event noun, with
        "منذ" in its clause tells an ongoing or habitual act, background and no new
        event: "تطالب النقابة منذ سنوات بـ…"، "يفرض التحالف حصارا على الميناء منذ أشهر";
        with a future time word ("المقبل"، "غدا") an intention: "تدخل النقابة في إضراب
        مفتوح الأحد المقبل"."""
        tr = c.trig
        i = c.i
        toks = rd.toks
        lo = rd.clause_left(i, a)
        hi = rd.punct_right(c.end, b)
        fut = rd.g.future_words
        if not any(toks[k].norm in _SINCE or toks[k].bare in fut for k in range(lo, hi)):
            return False
        if tr.kind == "v":
            # (a jussive after لم is a past: "لم يزر دمشق منذ عام 2011" is reported, negated)
            return c.hit.form.tense == "pres" and "س" not in c.hit.clitic and not c.hit.form.jussive \
                and not (i - 1 >= a and rd.base(i - 1) in _LAM)
        if tr.kind != "n":
            return False
        g = rd.g
        for k in range(i - 1, max(lo, i - 6) - 1, -1):
            n = toks[k].norm
            core = n[1:] if n[:1] in ("و", "ف") and n[1:] in g.light_verbs else n
            if core in g.light_verbs:
                # present: يـ/نـ, or تـ with a يـ form ("تفرض"/"يفرض"; not "تبنى")
                return core[:1] in ("ي", "ن") or (core[:1] == "ت" and "ي" + core[1:] in g.light_verbs)
        return False

    @staticmethod
    def _reported_clause(rd: _Reader, k: int, a: int) -> bool:
        """Token k (right before a subject) opens reported speech: إن/أن, or a
        quotation mark after one ("إن "الجزائر ترفض …"")."""
        if k < a:
            return False
        if rd.toks[k].text in ('"', "«", "“") and k - 1 >= a:
            k -= 1
        return rd.toks[k].norm in _COMPLEMENTIZERS

    def _anchored(self, rd: _Reader, c: _Cand, ev: dict, a: int, b: int, date: str | None) -> bool:
        """Does the sentence report the noun trigger's event as happening?

        News introduces a new event with a finite verb or with an indefinite event
        noun that a verb asserts ("وقع هجوم"، "شن مسلحون هجوما"، "قتل 5 في انفجار"،
        "هجوم استهدف ..."), or that a time word or date anchors ("مظاهرات أمس").
        A definite event noun ("الهجوم"، "التعذيب"، "اغتيال الحريري" as a name)
        refers to an event already known or to the kind of act: it is reported
        only when a verb of occurrence is right next to it or a relative clause
        says what happened ("الهجوم الذي نفذته طالبان أمس").
        """
        g = rd.g
        toks = rd.toks
        i = c.i
        left = rd.clause_left(i, a)
        right = rd.punct_right(c.end, b)
        verbs = g.occurrence_verbs | g.light_verbs | g.passive_light | g.result_verbs
        definite = c.hit.article or (c.hit.form.pron != "") or self._named_genitive(rd, c, b)
        span = 3 if definite else 5

        def verb_at(k: int) -> bool:
            n = rd.base(k)
            if n[:1] in "وف" and n[1:] in verbs:
                return True
            for suf in ("", "ه", "ها", "هم", "هما"):  # "مظاهرة نظمها الحزب"، "هجوم نفذه"
                if n.endswith(suf) and n[:len(n) - len(suf)] in verbs:
                    return True
            return False

        for k in list(range(max(a, i - span), i)) + list(range(c.end, min(right, c.end + span))):
            if rd.is_punct(k):
                continue
            if verb_at(k) or (not definite and rd.is_verb(k)):
                return True
        for k in range(i - 1, max(rd.apposition_left(i, a), i - 13) - 1, -1):  # "أجرى الرئيس ... اتصالا"
            n = rd.base(k)
            if n in g.light_verbs or (n[:1] in "وف" and n[1:] in g.light_verbs) \
                    or (len(n) > 3 and n[-1] == "ا" and n[:-1] in g.light_verbs):  # a dual: "عقدا"
                return True
            if _ba_light(g, n, c.hit.clitic, c.hit.article):
                return True
        if self._stance_subject(rd, i, a)[0]:
            return True  # "أعرب الوزير عن دعمه": a stance the subject expresses now
        if _prep_clitic(c.hit.clitic, c.hit.article) == "ل" and self._exposed(rd, i, a):  # "تعرض قيادي في الحركة، ...، للخطف"
            return True
        # "خلال لقائه ..."، "أثناء زيارته": the frame of what the sentence reports
        if i - 1 >= a and rd.base(i - 1) in g.frame_preps:
            return True
        if c.end < b and toks[c.end].norm in _JAMA:  # "لقاء جمعه مع ..."
            return True
        if ev.get("_frame_of"):  # "وصل X إلى الرياض في زيارة"، "وكان في استقباله Y"
            return True
        # "اغتيال ... من قبل أميركا": who did it is spelled out
        if ev.get("_agent"):
            return True
        # "محادثات باقري مع رشيد": talks or an agreement of two named parties
        if c.trig.type in ("CONSULT", "AGREE") and ev.get("source") is not None and ev.get("target") is not None \
                and not ev.get("source_inferred"):
            return True
        # "الهجوم الذي وقع"، "التفجير الذي استهدف"
        for k in range(c.end, min(right, c.end + 4)):
            if rd.base(k) in g.relatives:
                if k + 1 < b and (verb_at(k + 1) or rd.is_verb(k + 1)):
                    return True
                break
        if definite:
            return bool(date) and self._has_time(rd, left, right)
        if date or self._has_time(rd, left, right):
            return True
        if c.trig.type == "ASSAULT":
            for k in range(a, b):
                t = toks[k]
                if t.bare in g.casualty or t.norm in g.casualty or (t.norm[:1] in "وفب" and t.norm[1:] in g.casualty):
                    return True
        return False

    @staticmethod
    def _named_genitive(rd: _Reader, c: _Cand, b: int) -> bool:
        """"اغتيال رفيق الحريري"، "تفجير الماريوت": a masdar in construct with a name or
        a definite noun is definite itself, and names a known event."""
        j = c.end
        if c.hit.article or j >= b or c.trig.gen != "target":
            return False
        return rd.ent_at(j) is not None or (rd.definite(rd.toks[j]) and rd.attached_prep(j) is None)

    def _modal(self, rd: _Reader, i: int, a: int) -> tuple[int, str] | None:
        g = rd.g
        toks = rd.toks
        for k in range(i - 1, max(a, i - 4) - 1, -1):
            if rd.is_punct(k):
                return None
            n = toks[k].norm
            keys = (n, n[1:] if n[:1] in ("و", "ف", "ل", "ب") else n, toks[k].bare)
            if any(x in g.request_governors for x in keys):
                return k, "request"
            if rd.stems(k) & g.suppress_governors:
                return k, "suppress"
        return None

    def _speech_subject(self, rd: _Reader, a: int, b: int) -> Arg | None:
        g = rd.g
        toks = rd.toks
        for k in range(a, b):
            n = toks[k].norm
            if n in g.speech_verbs or (n[:1] in ("و", "ف") and n[1:] in g.speech_verbs):
                right = rd.punct_right(k + 1, b)
                arg = rd.np_at(k + 1, right)
                if arg is None:
                    arg = rd.np_before(k, a)
                if arg is not None:
                    return rd.resolve(arg)
        return None

    def _nearest_speech(self, rd: _Reader, i: int, s_start: int, s_end: int) -> tuple[int, Arg] | None:
        """The finite speech verb nearest before token i in its sentence, outside
        quotations i is not in, with its subject ("واعتبر مكتب X أن …")."""
        g = rd.g
        toks = rd.toks
        a = bisect.bisect_left(rd.starts, s_start)
        in_q = rd.quote_of(toks[i].start, s_start, s_end)[0]
        for k in range(i - 1, a - 1, -1):
            n = toks[k].norm
            v = n[1:] if n[:1] in ("و", "ف") and n[1:] in g.speech_verbs else n
            if v not in g.speech_verbs or (v[:1] == "م" and v[-1:] == "ا"):
                continue  # not a speech verb, or a participle itself ("مؤكدا")
            if not in_q and rd.quote_of(toks[k].start, s_start, s_end)[0]:
                continue
            if k - 1 >= a and (toks[k - 1].norm in _COMPLEMENTIZERS or toks[k - 1].norm in _PRONOUN_COMPS):
                return None  # "أن أعلن …": a reported clause, not the main verb
            right = rd.punct_right(k + 1, bisect.bisect_left(rd.starts, s_end))
            lo, hi = toks[k].end, toks[right - 1].end if right > k + 1 else toks[k].end
            for q in rd.doc.quotes:
                # the quote cued by this verb names its speaker after it ("أكد عضو اللجنة
                # المركزية لحركة فتح فلان أن"): the quote component read the role phrase
                spk = rd.entities.get(q.get("speaker")) if q.get("cue_start") == toks[k].start else None
                if spk is None:
                    continue
                for m in spk.get("mentions") or ():
                    if lo <= int(m.get("start", -1)) < hi:
                        return k, Arg(int(m["start"]), int(m.get("end", m["start"])), spk.get("name") or m.get("text", ""),
                                      q["speaker"], spk.get("actor_code") or spk.get("country"), spk.get("type"))
            arg = rd.np_at(k + 1, right) if k + 1 < right else None
            arg = rd.resolve(arg) if arg is not None else None
            return (k, arg) if arg is not None else None
        return None

    @staticmethod
    def _agrees(rd: _Reader, p: int, v: int) -> bool:
        """Whether participle p ("متوعدا"/"متوعدة") agrees in gender with verb v
        ("اعتبر"/"اعتبرت"، "يرى"/"ترى"); unknown forms agree."""
        g = rd.g
        pn = rd.toks[p].norm
        vn = rd.toks[v].norm
        if vn[:1] in ("و", "ف") and vn[1:] in g.speech_verbs:
            vn = vn[1:]
        p_fem = pn.endswith("ه")  # ة folds to ه
        p_masc = pn.endswith("ا")
        v_fem = (vn.endswith("ت") and vn[:-1] in g.speech_verbs) or (vn[:1] == "ت" and "ي" + vn[1:] in g.speech_verbs)
        if p_fem and not v_fem and (vn + "ت") in g.speech_verbs:
            return False
        if p_masc and v_fem:
            return False
        return True

    def _carry(self, rd: _Reader, i: int, s_start: int, s_end: int, out: list[dict], speech: Arg | None,
               participle: bool = False) -> Arg | None:
        """The source of a participle, pronoun subject or modal request."""
        pos = rd.toks[i].start
        _quoted, spk = rd.quote_of(pos, s_start, s_end)
        if spk is not None:
            e = rd.entities.get(spk)
            if e is not None:
                m = (e.get("mentions") or [{}])[0]
                return Arg(int(m.get("start", 0)), int(m.get("end", 0)), e.get("name") or m.get("text", ""),
                           spk, e.get("actor_code") or e.get("country"), e.get("type"))
        if participle:
            # "رفضت الحكومة …، واعتبر المكتب أن …، متوعدا": a circumstantial participle
            # shares the subject of the nearest main verb before it, here a speech verb
            last_ev = -1
            for ev in out:
                if ev.get("_src_arg") is not None and not ev.get("source_inferred") \
                        and ev["trigger_start"] < pos:
                    last_ev = max(last_ev, ev["trigger_start"])
            near = self._nearest_speech(rd, i, s_start, s_end)
            if near is not None and rd.toks[near[0]].start > last_ev \
                    and self._agrees(rd, i, near[0]):
                rd.main_verb_arg = near[1]
                return near[1]
        for ev in reversed(out):
            src = ev.get("_src_arg")
            if src is not None and not ev.get("source_inferred"):
                return src
        if speech is not None and speech.start < pos:
            return speech
        # the speaker of the nearest quote before, in this sentence or the one before
        best = None
        for qs, qe, qspk in rd.quotes():
            if qspk is not None and qe <= pos and (best is None or qe > best[0]):
                best = (qe, qspk)
        if best is not None and rd.sentence_index(best[0]) >= rd.sentence_index(pos) - 1:
            e = rd.entities.get(best[1])
            if e is not None:
                m = (e.get("mentions") or [{}])[0]
                return Arg(int(m.get("start", 0)), int(m.get("end", 0)), e.get("name") or m.get("text", ""),
                           best[1], e.get("actor_code") or e.get("country"), e.get("type"))
        last = rd.last_source
        return last if last is not None and last.ent is not None else None

    def _negated(self, rd: _Reader, i: int, a: int, kind: str) -> bool:
        g = rd.g
        toks = rd.toks
        k = i - 1
        steps = 0
        while k >= a and steps < 3:
            n = toks[k].norm
            if n in ("قد", "تم", "يتم", "يكن", "تكن", "يعد", "تعد", "سوف", "يكاد", "تكاد", "يكادون"):
                k -= 1
                steps += 1
                continue
            if kind == "n":
                if n in g.noun_negators:
                    return True
                if toks[k].bare in g.negation_bridges and steps < 2:
                    k -= 1  # "عدم حدوث هجوم"
                    steps += 1
                    continue
            elif n in g.negators:
                return True
            break
        # a denial earlier in the sentence: "نفى أن يكون قد التقى ..."
        for k in range(i - 1, max(a, i - 12) - 1, -1):
            n = toks[k].norm
            if n in g.deniers:
                return True
            if rd.is_punct(k) and toks[k].text in ".؛;":
                break
        return False

    @staticmethod
    def _blank(rd: _Reader, etype: str, cameo: str, mode: str | None, k: int, s_start: int, s_end: int,
               sentence_text: str) -> dict[str, Any]:
        t = rd.toks[k]
        return {
            "type": etype, "cameo": cameo, "mode": mode, "source": None, "target": None, "location": None,
            "date": None, "negated": False, "trigger": t.text, "sentence": sentence_text,
            "start": s_start, "end": s_end, "trigger_start": t.start, "trigger_end": t.end,
            "quoted": False, "source_text": None, "target_text": None,
        }

    @staticmethod
    def _set_arg(ev: dict[str, Any], role: str, arg: Arg | None, inferred: bool = False) -> None:
        if arg is None:
            return
        ev[role] = arg.ent
        ev[f"{role}_text"] = arg.text
        ev[f"{role}_start"] = arg.start
        ev[f"{role}_end"] = arg.end
        if arg.code:
            ev[f"{role}_code"] = arg.code
        ev["_src_arg" if role == "source" else "_tgt_arg"] = arg
        if role == "source":
            ev["source_inferred"] = inferred

    def _event(self, rd: _Reader, c: _Cand, a: int, b: int, s_start: int, s_end: int, out: list[dict],
               speech: Arg | None, carry: bool = True) -> dict[str, Any] | None:
        toks = rd.toks
        tr = c.trig
        i = c.i
        tok = toks[i]
        form = c.hit.form
        doc = rd.doc
        left = rd.clause_left(i, a)
        right = rd.clause_right(c.end, b)
        wide_right = rd.punct_right(c.end, b)
        t_end = toks[c.end - 1].end if c.then_at == i + 1 and c.end > i + 1 else tok.end
        ev = self._blank(rd, tr.type, tr.cameo, tr.mode, i, s_start, s_end, doc.text[s_start:s_end])
        ev["trigger"] = doc.text[tok.start:t_end]
        ev["trigger_kind"] = tr.kind
        ev["trigger_end"] = t_end
        src: Arg | None = None
        tgt: Arg | None = None
        inferred = False
        after = c.end if c.then_at == c.end or c.then_at == i + 1 else i + 1
        nat_code: str | None = None

        if tr.kind == "v":
            pronoun_subject = form.person in ("3p", "1") or bool(form.pron)
            prev = rd.base(i - 1) if i - 1 >= a else ""
            if prev in _PRONOUN_COMPS:
                pronoun_subject = True  # "وأضاف أنه زار ..."
            if tr.voice == "passive":
                tgt = rd.np_before(i, a) or rd.np_at(after, right)
            elif tr.voice == "inst":
                # "انفجرت سيارة مفخخة": the subject is the weapon, not an actor
                tgt = self._target(rd, tr, c.end, right, wide_right, allow_obj=False)
            else:
                pre = rd.np_before(i, a)
                pair = None
                if pre is None and form.person == "3p" and not form.pron:
                    # "مصر والأردن توقعان اتفاقية": two coordinated names, a dual verb
                    pair = self._coordinated_pair(rd, i, a)
                    if pair is not None:
                        pre = pair[0]
                        ev["pair_subject"] = True  # (see _dedupe)
                        if tr.type in _MUTUAL_TYPES:
                            tgt = pair[1]  # a reciprocal act: the other party
                position = "initial" if pre is None else "svo"
                if pre is None and not c.hit.clitic[:1] in ("و", "ف") and self._embedded(rd, i, left):
                    position = "embedded"  # "هجوم انتحاري استهدف سوقا": a descriptive clause
                limit = c.then_at if c.then_at > i + 1 else right
                if pre is not None and tr.type in _COUNTED_VICTIMS and rd.is_number(pre.t0 if pre.t0 >= 0 else i - 1):
                    tgt, pre = pre, None  # "ثمانية اشخاص قتلوا": counted victims, unvocalized passive
                    obj_from = after
                if pre is not None:
                    src = pre
                    obj_from = after
                    if pair is not None and tgt is not None and not tr.tgt:
                        tgt = None
                elif tgt is not None:
                    pass
                elif form.pron and form.person != "1":
                    # "استهدفه مسلحون": the object is the pronoun, the NP after is the subject
                    k1 = i + 1
                    if k1 + 1 < limit and rd.base(k1) in rd.g.frame_preps | {"عند", "فور"} \
                            and rd.ent_at(k1 + 1) is None and not rd.is_punct(k1 + 1):
                        k1 += 2  # "واستقبله لدى وصوله الوزير": a time adverbial before the subject
                    src = rd.np_at(k1, limit) if k1 < limit and rd.marker_prep(k1) is None else None
                    obj_from = src.t1 if src is not None and src.t1 > 0 else after
                elif pronoun_subject or position == "embedded":
                    obj_from = after
                else:
                    k1 = i + 1
                    if c.then_at == i + 1 and c.end > i + 1:
                        # "ووقع الاتفاقية عن الجانب الأردني الوزير فلان": the object phrase comes
                        # first; the subject follows it (over one prepositional phrase)
                        k1 = c.end
                        if k1 < limit and rd.is_prep(k1):
                            k1 += 2  # the preposition and its noun, then the noun's adjectives
                            while k1 < limit and rd.nisba(toks[k1]) and rd.ent_at(k1) is None \
                                    and not rd.is_punct(k1):
                                k1 += 1
                    cand = rd.np_at(k1, limit) if k1 < limit and rd.marker_prep(k1) is None else None
                    if cand is not None and c.then_at < c.end and k1 == c.end and rd.ent_at(c.end - 1) is not None \
                            and rd.ent_at(k1) is not None and rd.ent_at(c.end - 1)[1] is rd.ent_at(k1)[1]:
                        cand = None  # "وتغلق معبر عين قزام": the then-word begins the object's name
                    if cand is not None and cand.ent is None:
                        cand = rd.holder_after(cand, limit) or cand
                    if cand is not None and cand.t0 > k1 and rd.marker_prep(cand.t0) is not None:
                        # "يجتمع مساء بوفد إسرائيلي": past an adverb, a phrase with ب/ل is no subject
                        cand = None
                        pronoun_subject = True
                    if cand is None and i + 1 < limit and (rd.attached_prep(i + 1) is not None or (
                            c.hit.clitic[:1] in ("و", "ف") and (rd.marker_prep(i + 1) is not None
                                                                or rd.is_prep(i + 1) or rd.toks[i + 1].norm in _ELIDED_NEXT))):
                        # "وأشاد بالدور ..."، "ورفضت في بيان ..."، "ورفضت ما وصفته ...": no overt
                        # subject; a conjoined verb shares the subject told before
                        pronoun_subject = True
                    if cand is not None and tr.loc and cand.etype == "LOC":
                        cand = None  # "زار بغداد": a place is what is visited
                    if cand is not None and tr.type in _COUNTED_VICTIMS and rd.is_number(cand.t0 if cand.t0 >= 0 else i + 1):
                        # "قتل 20 شخصا", "واعتقلت 23 شخصا": unvocalized passive or an elided
                        # subject; the counted people are the victims, never the agent
                        tgt, cand = cand, None
                        if c.hit.clitic[:1] in ("و", "ف"):
                            # "وفرقت الشرطة التركية تجمعا … واعتقلت 23 شخصا": the subject of the
                            # sentence's first verb goes on (not a speaker whose words these are)
                            first = a
                            for qs, qe, _spk in rd.quotes():
                                if qs <= tok.start < qe:  # reported words: their clause, not the speaker's
                                    while first < i and rd.toks[first].start < qs:
                                        first += 1
                            reported = False
                            for k in range(i - 1, first - 1, -1):
                                if rd.toks[k].norm in _CLAUSE_OPENERS:
                                    first = k + 1  # "قدرت اللجنة … بعد أن أشعل الحوثيون … وقتلت"
                                    reported = rd.toks[k].norm in _COMPLEMENTIZERS
                                    break
                            cand = self._elided_subject(rd, first, i)
                            if cand is None and reported:
                                # "قال الجيش … إن قواته نفذت … وقتلت 22 مسلحا": the speaker's own forces
                                cand = self._carry(rd, i, s_start, s_end, out, speech)
                            inferred = cand is not None
                    shared: Arg | None = None
                    conjoined = c.hit.clitic[:1] in ("و", "ف") or (i - 1 >= a and rd.base(i - 1) in _ALSO)
                    if cand is not None and carry and tr.governs and conjoined \
                            and self._object_of_demand(rd, cand, limit, tr.type) and (
                                (speech is not None and speech.start < tok.start and speech.ent is not None)
                                or any(e.get("source") is not None for e in out)
                                or ((shared := self._elided_subject(rd, a, i)) is not None and shared.ent is not None
                                    and shared.t1 <= cand.t0)):
                        # "أكد الحموي أن ...، وطالب الجانب التركي بسحب قواته": a second verb
                        # of a sentence with an explicit subject keeps it; the noun phrase
                        # before the demanded "بـ/إلى" complement is the addressee ("أعربت
                        # البعثة عن قلقها، وحثت الأطراف على": the first verb's subject)
                        tgt, cand = cand, self._carry(rd, i, s_start, s_end, out, speech)
                        if cand is None and shared is not None and shared.ent is not None:
                            cand = shared
                        inferred = cand is not None
                        obj_from = tgt.t1 if tgt.t1 > 0 else after
                    src = cand
                    if tgt is not None and src is not None and tgt is not src:
                        obj_from = tgt.t1 if tgt.t1 > 0 else after
                    else:
                        obj_from = (src.t1 if src is not None and src.t1 > 0 else _tok_after(rd, src, i + 1))
                        if src is not None and src.ent is not None and 0 < src.t1 == obj_from < limit \
                                and rd.conj_prefixed(obj_from) and (em := rd.ent_at(obj_from)) is not None \
                                and em[0].get("type") in ("PER", "ORG", "LOC"):
                            # "أدانت السعودية والإمارات الهجوم": a name coordinated with the subject
                            # is a second subject, not the object (the object comes after it)
                            co = rd.arg_from_entity(obj_from, em)
                            obj_from = co.t1
                    if c.then_at > i + 1:
                        if tgt is None and "obj" in tr.tgt and src is not None and 0 < src.t1 < c.then_at \
                                and not rd.is_number(src.t1):
                            # "حملت الوزارة قوات الدعم السريع المسؤولية": the object stands
                            # between the subject and the trigger's then-phrase (not "خمسة
                            # أشخاص", whose counted noun is the then-phrase itself)
                            k0 = self._skip_time(rd, src.t1, c.then_at)
                            k0 = self._skip_aside(rd, k0, c.then_at)  # "حذر X، في بيان، Y من مغبة"
                            tgt = rd.np_at(k0, c.then_at) if k0 < c.then_at else None
                        obj_from = c.end
                obj_from = max(obj_from, c.end)
                if tgt is None:
                    tgt = self._target(rd, tr, obj_from, right, wide_right, allow_obj=tr.voice != "intr")
                if tgt is None and tr.tgt:
                    tgt = self._target_past_aside(rd, tr, obj_from, b)
            if src is None and tr.voice not in ("passive", "inst") and tr.kind == "v" and not c.hit.clitic \
                    and self._embedded(rd, i, left):
                # "نفذت قواتها خمس ضربات استهدفت منصات": a clause describing the object of a
                # light verb tells what that verb's subject did
                src = self._light_object_subject(rd, i, a)
            if src is None and tgt is None and not pronoun_subject and not form.pron and tr.voice != "inst":
                # "وأعلنت قيادة العمليات فرض حظر التجول": a verbal noun spelled like the
                # verb, object of a light verb whose subject stands right before it
                src = self._light_subject(rd, i, a)
            if src is None and carry and pronoun_subject and tr.voice not in ("passive", "inst") \
                    and not (form.person == "3p" and not prev in _PRONOUN_COMPS):
                src = self._carry(rd, i, s_start, s_end, out, speech)
                inferred = src is not None
        elif tr.kind == "ap":
            rd.main_verb_arg = None
            src = self._carry(rd, i, s_start, s_end, out, speech, participle=True) if carry else None
            inferred = src is not None
            if src is not None and src is rd.main_verb_arg:
                ev["main_verb_source"] = True  # kept over a quote's speaker (_speaker_of_cue)
            tgt = self._target(rd, tr, c.end, right, wide_right)
        elif tr.kind == "p" and tr.voice == "passive":
            tgt = rd.np_before(i, a) or rd.np_at(after, right)
        elif tr.kind == "p" and tr.type in ("PROTEST", "REQUEST") and not tr.gen:
            # adverbial "احتجاجا على", "داعيا": the main clause's subject
            src = self._clause_subject(rd, a, i) if not out else None
            if src is None:
                src = self._carry(rd, i, s_start, s_end, out, speech) if carry else None
                inferred = src is not None
            tgt = self._target(rd, tr, c.end, right, wide_right)
        else:
            # noun triggers
            src, tgt, nat, inferred = self._noun_args(rd, c, a, left, right, wide_right, s_start, s_end, out,
                                                      speech, carry)
            if nat is not None:
                nat_code, ev["_nat_tok"] = nat
            jama = c.end < b and toks[c.end].norm in _JAMA
            fi = i - 1 >= a and rd.base(i - 1) == "في"
            kana = fi and i - 2 >= a and toks[i - 2].norm in _KANA and c.hit.form.pron
            # (a phone call told as a frame, unless a talks verb already reports it: "بحث X في
            # اتصال هاتفي مع Y")
            phone = (tr.mode == "phone" or (c.end < b and toks[c.end].bare.startswith(_PHONE))) \
                and not any(e["type"] == "CONSULT" for e in out)
            if tr.type == "CONSULT" and kana and carry:
                # "وكان في استقباله لدى وصوله ... نائب الوزير فلان": the host is the one
                # named after, the guest the possessor (the visitor told before)
                for q in range(c.end, min(b, c.end + 16)):
                    em = rd.ent_at(q)
                    if em is not None and em[0].get("type") == "PER":
                        guest = self._carry(rd, i, s_start, s_end, out, speech)
                        src, inferred, tgt = rd.arg_from_entity(q, em), False, guest
                        ev["_frame_of"] = True
                        break
                    if rd.is_punct(q) and toks[q].text not in ("،", ","):
                        break
            elif tr.type == "CONSULT" and i - 1 >= a and (
                    rd.base(i - 1) in rd.g.frame_preps or jama or (fi and (tr.mode == "visit" or phone))) and (
                    src is None or inferred):
                # ("أكد X في اتصال هاتفي مع Y": a phone call frames the clause like a visit)
                # "أكد X، خلال استقبال(ه) Y"، "وخلال لقائه Y ثمن X": the meeting frames the
                # main clause, whose subject is the host / the one who met
                subj = self._frame_subject(rd, i - 1, c.end, a, b)
                if subj is None and src is not None and c.hit.form.pron:
                    subj = src  # "لقائه": the carried possessor
                if subj is not None:
                    if tgt is None and c.end < wide_right and rd.attached_prep(c.end) is None:
                        # "استقباله وزير الخارجية"، "استقبال رئيس مكتب حماس فلان"
                        obj = rd.resolve(rd.np_at(c.end, wide_right, skip_adv=False))
                        if obj is not None and obj.ent is not None and obj.etype in ("PER", "ORG", "LOC"):
                            tgt = obj
                    r = rd.resolve(tgt)
                    if r is not None and r.etype == "ORG" and r.t0 >= 0 and rd.ent_at(r.t0) is None \
                            and split_article(rd.base(r.t0))[1].startswith(_PERSON_TITLES):
                        # "استقبال رئيس هيئة الحشد": a person named by a role, not the body;
                        # no target (a meeting told before with the person is this one)
                        tgt, src, inferred = None, subj, False
                    if tgt is not None:
                        src, inferred = subj, False
                        ev["_frame_of"] = True
                        far = c.end  # the phrase's end, over parentheses: "حركة ... (حماس) فلان"
                        while far < b and not (rd.is_punct(far) and toks[far].text not in ("(", ")")):
                            far += 1
                        far = max(wide_right, far)
                        k2 = tgt.t1 if tgt.t1 > 0 else _tok_after(rd, tgt, far)
                        if k2 < far and (rd.conj_prefixed(k2) or (
                                toks[k2].norm[:1] == "و" and not toks[k2].norm.startswith(_WAW_WORDS))):
                            # "خلال استقباله X وY"، "... وأمين عام حركة Z فلان": one meeting with each
                            second = rd.partner(k2, far)
                            if second is None:
                                for q in range(k2 + 1, min(far, k2 + 10)):
                                    em = rd.ent_at(q)
                                    if em is not None and em[0].get("type") == "PER":
                                        second = rd.arg_from_entity(q, em)
                                        break
                                    if rd.conj_prefixed(q) or rd.is_break(q):
                                        break
                            second = second or rd.resolve(rd.np_at(k2, far))
                            if second is not None and second.ent is not None and second.etype in ("PER", "ORG"):
                                ev["_also_target"] = second
        if tr.type == "CONSULT" and tr.kind == "v" and form.pron and form.pron != "نا" and tgt is None and carry:
            # "واستقبله ... الوزير": the pronoun is the actor told last (the visitor)
            last = rd.last_source
            if last is not None and last.ent is not None and (src is None or last.ent != src.ent):
                tgt = last
        agent = rd.agent(c.end, wide_right)
        if agent is not None and tr.kind == "v" and src is not None and not inferred and src.start < tok.start:
            # "جنديان اختطفا ... على يد مسلحين": an agent phrase makes the unvocalized verb
            # passive; the noun phrase before it is the patient
            if tgt is None:
                tgt = src
            src = None
        elif agent is not None and tr.kind == "v" and tr.type in ("ASSAULT", "COERCE") and not tr.governs \
                and src is not None and not inferred and tok.end <= src.start < agent.start \
                and 0 < agent.t0 <= max(src.t1, src.t0 + 1) + 8 \
                and rd.toks[agent.t0 - 1].bare not in rd.g.instrument_markers \
                and not any(rd.is_event_word(q) and not rd.marker_at(q)
                            for q in range(max(src.t1, src.t0 + 1), agent.t0)):
            # "خطف موظف من منزله على يد مسلحين"، "قتل شاب برصاص الجيش": so is the noun
            # phrase right after an act of force, when the agent phrase follows it closely
            # and belongs to no other event word ("أدان X الاحتلال من قبل ..."); not
            # "بواسطة", an instrument of an active verb
            if tgt is None or (tgt.start < agent.end and agent.start < tgt.end) or tgt.start == agent.start:
                tgt = src
            src = None
        elif agent is not None and tr.kind == "v" and tr.type in ("ASSAULT", "COERCE") and not tr.governs \
                and src is not None and src.start == agent.start and tgt is None \
                and c.end < agent.t0 - 1 <= c.end + 8 and rd.toks[agent.t0 - 1].bare not in rd.g.instrument_markers:
            # "قتل شاب برصاص القوات الأمريكية": the subject was read as the named agent;
            # the noun phrase between the verb and the agent phrase is the patient
            tgt = rd.np_at(c.end, agent.t0 - 1)
        if agent is not None and (src is None or inferred):
            src, inferred = agent, False
            ev["_agent"] = True
        if tr.kind == "n" and (tr.type in ("CONSULT", "AGREE") or "بين" in tr.tgt) and tgt is not None \
                and tgt.ent is not None and (src is None or inferred) and tgt.t0 > 0 \
                and any(rd.base(q) == "بين" for q in range(max(0, tgt.t0 - 3), tgt.t0)):
            # (the party may be a unit of it: "بين قوة تابعة لجهاز الردع و…")
            # "المحادثات بين طهران وواشنطن": talks between two parties, both ways; so are
            # clashes between two forces ("اشتباكات بين الجيش وقوات الدعم السريع")
            other = rd.partner(tgt.t1 if tgt.t1 > 0 else _tok_after(rd, tgt, tgt.t0 + 1), wide_right)
            if other is not None and other.ent is not None and other.ent != tgt.ent:
                src, inferred, tgt = tgt, False, other
                ev["_agent"] = True
        if tr.kind == "n" and i - 1 >= a and rd.stems(i - 1) & rd.g.message_nouns:
            # "نقل رسالة تهنئة من X إلى Y": the sender is the source, the addressee the target
            sender = rd.find_marker(c.end, wide_right, ("من",))
            if sender is not None:
                snd = rd.resolve(sender[1])
                if snd is not None and snd.ent is not None:
                    src, inferred = snd, False
                    ev["_agent"] = True
                    to = rd.find_marker(snd.t1 if snd.t1 > 0 else c.end, wide_right, (fold("إلى"), "ل"))
                    if to is not None:
                        tgt = rd.resolve(to[1])
        if tr.type == "PROTEST" and tr.kind == "n" and (src is None or inferred or rd.resolve(src).ent is None):
            org = self._organizer(rd, c, b)
            if org is not None and (src is None or org[1].ent is not None):
                src, inferred = org[1], False
                ev["_agent"] = True
                ev["_organizer_tok"] = org[0]
        if tr.type == "PROTEST" and (src is None or inferred or rd.resolve(src).ent is None):
            caller = self._called_by(rd, a, b)
            if caller is not None:
                src, inferred = caller, False
                ev["_agent"] = True
        if src is not None and tgt is not None and src.start == tgt.start:
            tgt = None
        for arg in (src, tgt):  # "طائرات أمريكية" act for the United States, "الأميركيين" are it
            if arg is not None and arg.ent is None and arg.code:
                ent = rd.country_entity(arg.code)
                if ent is not None:
                    arg.ent = ent.get("id")
        if not inferred:
            src = rd.resolve(src)
        if src is not None and src.ent is None and not inferred and speech is not None and speech.ent is not None \
                and speech.start < src.start and src.t0 >= 0 and src.t1 - src.t0 <= 2 \
                and rd.toks[src.t0].text.rstrip(_MARKS).endswith(("ها", "هم", "ه")) and rd.toks[src.t0].prefix == "":
            # "أعلنت كتائب القسام أن مقاتليها استهدفوا ...": the possessor is the speaker
            src = Arg(speech.start, speech.end, speech.text, speech.ent, speech.code, speech.etype, speech.t0, speech.t1)
        tgt = rd.resolve(tgt)
        if src is not None and src.ent is None \
                and split_article(fold(src.text.split()[-1] if src.text.split() else ""))[1] in _RECIPROCAL:
            # "واتفق الجانبان"، "وبحث الوزيران": the two parties of the meeting told last,
            # else the last two people named before ("… رياض … مع نظيره عثمان …، واتفق الوزيران")
            dual = split_article(fold(src.text.split()[-1]))[1]
            pair = rd.last_meeting or (rd.last_two_people(src.start) if dual not in _COUNTRY_DUALS else None)
            if pair is not None:
                src, other = pair
                if tgt is None or tgt.ent is None:
                    tgt = other
        if src is not None and tgt is not None and src.ent is not None and src.ent == tgt.ent:
            tgt = None
        if tgt is None and tr.kind == "v" and ("مع" in tr.tgt or "بين" in tr.tgt) and src is not None \
                and src.ent is not None and not inferred and src.t1 > 0:
            # "ووقعت مصر والأردن مذكرة"، "التقى X وY": a reciprocal act (one done "with"
            # someone) of coordinated subjects: each side is the other's target
            other = rd.partner(src.t1, b)
            if other is None and src.t1 < b and rd.conj_prefixed(src.t1) and (em := rd.ent_at(src.t1)) is not None \
                    and rd._country_actor(em[0]):
                other = rd.arg_from_entity(src.t1, em)  # "مصر والأردن": a state is an actor
            if other is not None and other.ent is not None and other.ent != src.ent:
                tgt = other
        if tr.type == "CONSULT" and tgt is not None and tgt.ent is not None and tgt.t1 > 0 \
                and "_also_target" not in ev and carry:
            # "محادثات X مع الرئيس فلان ورئيس الهيئة فلان": one meeting with each guest
            k2 = tgt.t1
            if k2 < wide_right and toks[k2].norm[:1] == "و" and not toks[k2].norm.startswith(_WAW_WORDS):
                for q in range(k2, min(wide_right, k2 + 8)):
                    em = rd.ent_at(q)
                    if em is not None and em[0].get("type") == "PER":
                        if em[0].get("id") not in (tgt.ent, src.ent if src else None):
                            ev["_also_target"] = rd.arg_from_entity(q, em)
                        break
                    if q > k2 and (rd.conj_prefixed(q) or rd.is_break(q)):
                        break  # (an organization inside a role phrase, "رئيس هيئة الحشد", is read over)
        if src is not None and src.ent is None and src.t1 - src.t0 == 1 and rd.toks[src.t0].norm in _OWN_COUNTRY:
            # "وأوضح المسؤول الإيراني أن بلاده وافقت": the speaker's country
            spk = speech
            if spk is None and carry:
                spk = self._carry(rd, i, s_start, s_end, out, speech)
            own = rd.entities.get(spk.ent) if spk is not None and spk.ent else None
            code = (own.get("country") or (own.get("actor_code") or "")[:3]) if own else (spk.code[:3] if spk and spk.code else None)
            ce = rd.country_entity(code) if code else None
            if ce is not None:
                src = Arg(src.start, src.end, src.text, ce.get("id"), ce.get("actor_code") or code, "LOC", src.t0, src.t1)
                inferred = True
        self._set_arg(ev, "source", src, inferred)
        self._set_arg(ev, "target", tgt)
        if src is None and nat_code:
            ev["source_code"] = nat_code
            ent = rd.country_entity(nat_code, tr.type)
            if ent is not None:
                ev["source"] = ent.get("id")
            adj = ev.pop("_nat_tok", None)
            if adj is not None:
                t = rd.toks[adj]
                ev["source_text"], ev["source_start"], ev["source_end"] = t.text, t.start, t.end
                ev["source_inferred"] = False
        # location
        loc = None
        if tr.loc and tgt is not None and tgt.etype == "LOC":
            loc = tgt
        if loc is None:
            loc = rd.location(left, wide_right, i)
            if loc is not None and (src is not None and loc.start == src.start):
                loc = None
        if loc is not None:
            ev["location"] = loc.ent
            ev["location_text"] = loc.text
        # mode from cues
        ev["mode"] = self._mode(rd, tr, i, left, wide_right)
        code = self.lex.cue_cameo.get((tr.type, ev["mode"])) if ev["mode"] else None
        if code:
            ev["cameo"] = code
        if tr.casualty:
            ev["_casualty"] = True
        if tr.verbal and self._verbal(rd, c, ev, a, b, src, tgt):
            ev["type"], ev["cameo"], ev["mode"] = "ACCUSE", "11", "disapprove"
        ev["negated"] = self._negated(rd, i, a, "n" if tr.kind == "n" else "v")
        quoted, spk = rd.quote_of(tok.start, s_start, s_end)
        ev["quoted"] = quoted
        if spk is not None:
            ev["speaker"] = spk
        if tr.require_tgt:
            ev["_require_tgt"] = True
            if tr.require_types and (tgt is None or tgt.ent is None or tgt.etype not in tr.require_types):
                ev["target_text"] = None
        return ev

    def _frame_subject(self, rd: _Reader, k0: int, end: int, a: int, b: int) -> Arg | None:
        """The subject of the main clause around a frame phrase "خلال <masdar> ..."
        (frame preposition at token k0, masdar ending at ``end``): the noun phrase
        after the sentence-initial verb ("أكد X، خلال ..."، "وهنأ X خلال ...") or
        after the first verb past the frame ("وخلال لقائه Y ثمن X")."""
        toks = rd.toks
        g = rd.g

        def subject_after(k: int, limit: int) -> Arg | None:
            arg = rd.np_at(k + 1, limit)
            arg = rd.resolve(arg) if arg is not None else None
            return arg if arg is not None and arg.ent is not None and arg.etype in ("PER", "ORG", "LOC") else None

        if k0 > a:
            # "من جهته، أكد X، خلال لقائه ...": the first verb before the frame
            for k in range(a, k0):
                n = toks[k].norm
                base = n[1:] if n[:1] in ("و", "ف") else n
                if rd.is_verb(k) or n in g.speech_verbs or base in g.speech_verbs:
                    return subject_after(k, k0)
            k = a
            if rd.ent_at(k) is None and not rd.is_prep(k) and not rd.is_punct(k):
                return subject_after(k, k0)
            return None
        k = end
        commas = 0
        while k < b:
            if toks[k].text in ("،", ",") and commas == 0:
                commas += 1  # the frame phrase ends: "وخلال لقائه X في بغداد، أشاد Y"
                k += 1
                continue
            if rd.is_break(k):
                break
            n = toks[k].norm
            base = n[1:] if n[:1] in ("و", "ف") else n
            if rd.is_verb(k) or n in g.speech_verbs or base in g.speech_verbs:
                return subject_after(k, rd.punct_right(k + 1, b))
            k += 1
        return None

    @staticmethod
    def _object_of_demand(rd: _Reader, arg: Arg, limit: int, etype: str = "") -> bool:
        """The noun phrase is followed by the complement of a demand/accusation:
        "طالب X بسحب", "دعا X إلى", "اتهم X بـ", and for a demand "حث X على" (with
        agreement, "وافق X على", the phrase is the subject)."""
        k = arg.t1 if arg.t1 > 0 else _tok_after(rd, arg, arg.t0 + 1)
        if k >= limit:
            return False
        if rd.attached_prep(k) == "ب" or rd.marker_prep(k) == "ب":
            return True
        if rd.base(k) in (fold("إلى"), "ب", "بـ"):
            return True
        if etype == "REQUEST" and rd.base(k) == fold("على"):
            return True
        if rd.base(k) == "في":  # "طالب الحكومة في بغداد بـ«التدخل»": a place phrase first
            for q in range(k + 2, min(limit, k + 4)):
                if rd.attached_prep(q) == "ب" or rd.base(q) in ("ب", "بـ"):
                    return True
                if rd.is_punct(q) and rd.toks[q].text not in "«\"“":
                    break
        return False

    @staticmethod
    def _embedded(rd: _Reader, i: int, left: int) -> bool:
        """The verb continues a noun phrase ("هجوم انتحاري استهدف ..."), not a clause start.

        A verb right after a content word is clause-initial only when that word
        closes a fronted prepositional phrase that itself opens the clause
        ("وفي البصرة تظاهر ...").
        """
        k = i - 1
        if k < left or not rd.content(k):
            return False
        if rd.base(k) in rd.g.adverbials and (k == left or rd.is_punct(k - 1)):
            return False  # "بدوره هنأ ..."، "كذلك أشاد ...": a clause-initial adverb
        a = k
        while a - 1 >= left and rd.content(a - 1) and k - a < 6:
            a -= 1
        if a - 1 >= left and rd.is_prep(a - 1):
            p = a - 1
            if p - 1 < left or rd.is_break(p - 1) or rd.base(p - 1) in rd.g.complementizers:
                return False  # fronted PP
        return True

    def _verbal(self, rd: _Reader, c: _Cand, ev: dict, a: int, b: int, src: Arg | None, tgt: Arg | None) -> bool:
        """Is this "attack" a verbal one (criticism), not violence?"""
        g = rd.g
        lo, hi = max(a, c.i - 3), min(b, c.end + 4)
        keys: set[str] = set()
        for k in range(c.end, hi):
            keys |= rd.forms_of(k)
        if keys & g.verbal_cues:
            return True
        if ev.get("mode"):
            return False  # a weapon or an explosion is named
        for k in range(a, b):
            t = rd.toks[k]
            if t.bare in g.casualty or t.norm in g.casualty:
                return False
        for k in range(lo, rd.punct_right(c.end, b)):
            cues = rd.forms_of(k)
            for _m, words, _r in self.lex.mode_cues.get("ASSAULT", ()):
                if cues & words:
                    return False
        people = [x for x in (src, tgt) if x is not None and x.etype == "PER"]
        return bool(people)

    def _target(self, rd: _Reader, tr: Trigger, start: int, right: int, wide_right: int,
                allow_obj: bool = True) -> Arg | None:
        markers = tr.tgt
        if not markers:
            return None
        for m in markers:
            if m == "obj":
                if not allow_obj:
                    continue
                start = _past_manner(rd, start, right)
                if start < right and rd.marker_prep(start) not in markers and not rd.is_prep(start):
                    arg = rd.np_at(start, right)
                    if arg is not None:
                        return arg
                continue
            got = rd.find_marker(start, wide_right, (m,))
            if got is not None:
                preps = [x for x in markers if x != "obj"]
                if m == "ب" and preps[0] != "ب" and got[1].ent is None:
                    continue  # a second-choice ب phrase (instrument, cause) is a target only when it names someone
                return got[1]
        return None

    def _target_past_aside(self, rd: _Reader, tr: Trigger, k: int, b: int) -> Arg | None:
        """The target of a verb across an aside in commas between the verb (or its
        subject) and the object: a time or place ("استقبل، أمس الثلاثاء في قصر
        الرئاسة، وزير الخارجية"), or the circumstance that holds the partner ("بحث،
        في اتصال هاتفي مع نظيره فلان، تنسيق المواقف").  An aside holds no verb, no
        clause word and no quotation."""
        toks = rd.toks
        if k >= b or toks[k].text not in ("،", ","):
            return None
        close = -1
        for q in range(k + 1, min(b, k + 12)):
            t = toks[q]
            if t.text in ("،", ","):
                close = q
                break
            if rd.is_punct(q) or rd.is_verb(q) or rd.base(q) in rd.g.clause_breaks \
                    or rd.base(q) in rd.g.speech_verbs:
                return None
        if close <= k + 1:
            return None
        preps = tuple(m for m in tr.tgt if m != "obj")
        if preps:
            got = rd.find_marker(k + 1, close, preps)
            if got is not None:
                return got[1]
        if not (rd.is_prep(k + 1) or self._skip_time(rd, k + 1, close) > k + 1):
            return None  # "، وزير الخارجية فلان،": an apposition, not an aside
        right = rd.clause_right(close + 1, b)
        return self._target(rd, tr, close + 1, right, rd.punct_right(close + 1, b), allow_obj=tr.voice != "intr")

    def _noun_args(self, rd: _Reader, c: _Cand, a: int, left: int, right: int, wide_right: int,
                   s_start: int, s_end: int, out: list[dict], speech: Arg | None, carry: bool):
        toks = rd.toks
        tr = c.trig
        i = c.i
        g = rd.g
        nats = _nationalities()
        nat_code = None
        nat_tok = -1
        j = c.end if c.then_at == i + 1 else i + 1
        # skip adjectives: nationality, mode cues, the definite adjectives of a definite noun
        cues = set()
        for _m, words, _r in self.lex.mode_cues.get(tr.type, ()):
            cues |= words
        definite = c.hit.article or bool(c.hit.form.pron)  # "رفضها القاطع": a possessive makes it definite
        while j < wide_right and j - i <= 4:
            t = toks[j]
            code = nats.get(t.norm) if nats else None
            if code:
                if nat_code is None:
                    nat_code, nat_tok = code, j
                j += 1
                continue
            if t.bare in cues or t.norm in cues:
                j += 1
                continue
            if definite and rd.definite(t) and rd.attached_prep(j) is None and rd.ent_at(j) is None:
                j += 1
                continue
            break
        gen: Arg | None = None
        if c.hit.form.pron:
            gen = None
        elif not definite and j < wide_right and rd.attached_prep(j) is None and not rd.is_prep(j) \
                and (rd.definite(toks[j]) or rd.ent_at(j) is not None or rd.is_number(j)):
            # a genitive is definite, a name or a quantity; an indefinite word here is
            # an adjective ("زيارة تفقدية", "مظاهرة سلمية")
            gen = rd.np_at(j, wide_right, skip_adv=False)
        elif definite and j < wide_right and rd.attached_prep(j) == "ل" and tr.gen == "target":
            gen = rd.np_at(j, wide_right, skip_adv=False, stem=True)
        after_gen = gen.t1 if gen is not None and gen.t1 > 0 else (_tok_after(rd, gen, j) if gen else j)
        gen_is_act = gen is not None and gen.ent is None and gen.t0 >= 0 and bool(self._hits(toks[gen.t0].norm))
        marked = self._target(rd, tr, after_gen, right, wide_right) if tr.tgt else None
        if marked is not None and gen is not None and marked.start == gen.start:
            marked = None
        src = tgt = None
        inferred = False
        if tr.voice == "inst":
            gen = None
        if tr.gen == "source":
            # "إدانة الهجوم": an event noun in the genitive is what the act is about
            src, tgt = (None if gen_is_act else gen), marked
        elif tr.gen == "target":
            if gen is not None and marked is not None:
                src, tgt = gen, marked
            elif (agent_obj := self._masdar_agent_object(rd, gen, j, after_gen, wide_right)) is not None:
                src, tgt = agent_obj  # "إيقاف وحدات الحرس الوطني الحكم فلان": agent, then patient
            else:
                tgt = gen or marked
        else:
            tgt = marked
        if src is not None and src.etype == "LOC" and tr.loc:
            tgt, src = src, None  # "زيارة بغداد"
        stance, holder, bare = self._stance_subject(rd, i, a)
        if stance:
            # "أعرب المطيري عن تضامن المجلس الكامل مع الكويت"، "جدد الحزب رفضه": who
            # expresses the stance holds it; a genitive of a "target" noun is its object
            if holder is None and carry and (c.hit.form.pron or bare):
                holder = self._carry(rd, i, s_start, s_end, out, speech)
                inferred = holder is not None
            if holder is not None:
                if tr.gen == "target" and gen is not None and tgt is None:
                    tgt = gen
                src = holder
        # a light verb before the noun: "شن مسلحون هجوما", "أجرى الوزير زيارة"
        if src is None or tgt is None:
            for k in range(i - 1, max(rd.apposition_left(i, a) - 1, i - 22), -1):
                n = toks[k].norm
                ba = _ba_light(g, n, c.hit.clitic, c.hit.article)  # "رد الجيش بقصف"
                if ba:
                    base = n[1:] if n[:1] in ("و", "ف") and n[1:] in g.ba_light_verbs else n
                else:
                    base = n[1:] if n[:1] in ("و", "ف") and n[1:] in g.light_verbs | g.passive_light else n
                    if base not in g.light_verbs and len(base) > 3 and base[-1] == "ا" and base[:-1] in g.light_verbs:
                        base = base[:-1]  # a dual: "عقدا"، "أجريا"، "وقعتا"
                if (base in g.light_verbs or ba) and (src is None or (src is gen and _prep_clitic(c.hit.clitic, c.hit.article) == "ب")) \
                        and base not in g.passive_light:
                    subj = rd.np_before(k, a)
                    if subj is None and k + 1 < i:
                        subj = rd.np_at(k + 1, i)
                    if subj is None and carry and (base.endswith(("وا", "ون", "نا")) or rd.toks[k].norm.endswith("نا")
                                                   or (k - 1 >= a and rd.base(k - 1) in _PRONOUN_COMPS)):
                        # (a pronoun subject: "أعلن الجيش أنه نفذ، أمس، غارة")
                        subj = self._carry(rd, k, s_start, s_end, out, speech)
                        inferred = subj is not None
                    if src is not None:
                        if subj is None:
                            break
                        # "قام الحزب باتهام الحكومة": with the light verb's own subject, the
                        # genitive of its noun is the object
                        tgt = tgt or src
                    src = subj
                    if subj is not None and tgt is not None and tgt.start == subj.start and k + 1 < i:
                        # "اكتفت الوزارة بإدانة الهجوم": the phrase between the light verb
                        # and its noun is the verb's subject, not the noun's object
                        tgt = None
                    if (tgt is None or tgt.etype == "LOC") and subj is not None and 0 < subj.t1 < i:
                        # "عقد الوزير X ونظيره Y اجتماعا", "أجرى X ووزير الخارجية Y محادثات":
                        # the partner is coordinated with the subject
                        tgt = rd.partner(subj.t1, i) or tgt
                    break
                if any(_prep_clitic(h.clitic, h.article) in ("ب", "ل") for h in self._hits(toks[k].norm)) \
                        and base not in g.passive_light:
                    break  # "قامت الوزارة بإدانة الهجوم": the light verb governs the first noun
                if base in g.passive_light and tgt is None:
                    victim = rd.np_before(k, a)
                    if victim is None and k + 1 < i:
                        victim = rd.np_at(k + 1, i)
                    tgt = victim
                    break
                if rd.is_punct(k) and rd.toks[k].text not in ("،", ","):
                    break
        if src is None and j < wide_right and rd.marker_prep(j) == "ب" and not rd.conj_prefixed(j):
            # "هجوم بطائرات مسيرة شنته قوات الدعم السريع": the instrument phrase comes
            # between the noun and the relative clause that names the agent
            q = j + 1
            while q < min(wide_right, j + 4) and rd.content(q) and not rd.is_verb(q) and rd.ent_at(q) is None \
                    and not any(toks[q].norm.endswith(p) and toks[q].norm[:-len(p)] in g.light_verbs
                                for p in ("ها", "ه", "هما", "هم")):
                q += 1
            if q < wide_right:
                j = q
        if src is None and j < wide_right and not rd.conj_prefixed(j):
            # "غارات شنتها طائرات مسيرة تركية": a light verb with the noun's pronoun
            # opens a relative clause whose subject is the agent
            n = toks[j].norm
            if any(n.endswith(p) and n[:-len(p)] in g.light_verbs for p in ("ها", "ه", "هما", "هم")):
                q0 = j + 1
                sb = bisect.bisect_left(rd.starts, s_end)
                if q0 + 1 < sb and toks[q0].text in ('"', "«", "“") and rd.ent_at(q0 + 1) is not None:
                    q0 += 1  # "تبنته "المقاومة الإسلامية في العراق"": a name in quotation marks
                    wide_right = rd.punct_right(q0, sb)
                src = rd.np_at(q0, wide_right)
                if src is not None and src.ent is None and not src.code and src.t1 > 0:
                    # "طائرات مسيرة تركية": the nationality closes a chain of indefinite adjectives
                    nats = _nationalities()
                    for q in range(src.t1, min(src.t1 + 2, wide_right)):
                        if rd.definite(toks[q]) or not rd.content(q):
                            break
                        code = nats.get(toks[q].norm) if nats else None
                        if code:
                            src.code = code
                            break
        if src is None and tr.type == "ASSAULT":
            src = self._claimed_by(rd, c.end, bisect.bisect_left(rd.starts, s_end)) or src
        if c.hit.form.pron and src is None and carry and (tr.gen == "source" or (tgt is not None and tgt is marked)):
            # "زيارته لبغداد", "استهدافنا لقاعدة": the possessive is the agent
            src = self._carry(rd, i, s_start, s_end, out, speech)
            inferred = src is not None
        return src, tgt, (nat_code, nat_tok) if nat_code else None, inferred

    def _masdar_agent_object(self, rd: _Reader, gen: Arg | None, j: int, k: int,
                             limit: int) -> tuple[Arg, Arg] | None:
        """(agent, patient) of a verbal noun followed by a body in the genitive and a named
        person in the accusative: "اعتقال الشرطة الناشط فلان"، "إيقاف وحدات الحرس الوطني
        يوم الخميس الحكم فلان" (a unit of a body is read as the body's phrase)."""
        if gen is None and j + 1 < limit and rd.content(j) and not rd.nisba(rd.toks[j]) \
                and rd.attached_prep(j) is None and rd.ent_at(j) is None \
                and (em := rd.ent_at(j + 1)) is not None and em[0].get("type") == "ORG" and not rd.conj_prefixed(j + 1):
            unit = rd.np_at(j, limit, skip_adv=False)
            if unit is None or unit.t1 <= j + 1:
                return None
            k = unit.t1
            gen = rd.arg_from_entity(j + 1, em)  # the body acts for its unit (no role phrase to resolve)
        if gen is None or gen.ent is None or gen.etype not in ("ORG", "LOC") or gen.t1 <= 0 or k >= limit:
            return None
        k = self._skip_time(rd, k, limit)
        if k >= limit or rd.is_punct(k) or rd.is_prep(k) or rd.attached_prep(k) is not None or rd.conj_prefixed(k):
            return None
        obj = rd.np_at(k, limit, skip_adv=False)
        if obj is None or obj.ent is None or obj.etype != "PER" or obj.t0 - k > 4:
            return None
        return gen, obj

    @staticmethod
    def _stance_subject(rd: _Reader, i: int, a: int) -> tuple[bool, Arg | None, bool]:
        """Is the noun at i the object of a stance verb ("أعرب X عن دعمه"، "أبدت X
        رفضها"، "وجدد دعوته")?  Then also that verb's named subject, if any: the
        phrase between verb and noun, or the one before the verb; and whether the verb
        stands right before the noun (or عن) with no subject of its own ("…، أعرب خلاله
        عن دعم مصر": the sentence's subject goes on)."""
        g = rd.g
        if not g.stance_verbs:
            return False, None, False
        memo = rd.stance_memo
        if i in memo:
            return memo[i]
        memo[i] = got = EventExtractor._stance_scan(rd, i, a)
        return got

    @staticmethod
    def _stance_scan(rd: _Reader, i: int, a: int) -> tuple[bool, Arg | None, bool]:
        g = rd.g
        k0 = i - 1
        verbs = g.stance_verbs
        if k0 >= a and rd.base(k0) == fold("عن"):
            k0 -= 1
            if k0 >= a and rd.toks[k0].norm in _DURING_IT:
                k0 -= 1  # "أعرب خلاله عن": during the call the sentence told
            elif k0 > a and rd.toks[k0].norm in _RESPONSIBILITY:
                # "أعلنت الحركة مسؤوليتها عن التفجير": a claim, by the verb's subject
                k0 -= 1
                verbs = _CLAIM_VERBS
        for k in range(k0, max(a, k0 - 10) - 1, -1):
            if rd.is_punct(k) and rd.toks[k].text not in ("،", ","):
                return False, None, False
            n = rd.toks[k].norm
            if n in verbs or (n[:1] in "وف" and n[1:] in verbs):
                if k == k0:
                    subj = rd.np_before(k, a)
                else:
                    subj = rd.np_at(k + 1, k0 + 1)
                    if subj is None or (subj.t1 > 0 and subj.t1 != k0 + 1):
                        # "أعرب الأمين العام لمجلس التعاون خالد المطيري عن": a role
                        # phrase ends with its holder's name right before عن
                        em = rd.ent_at(k0)
                        if em is None or em[0].get("type") not in ("PER", "ORG") or rd.ent_at(k + 1) is em:
                            return False, None, False  # more than the subject stands between
                        q = k0
                        while q - 1 > k and rd.ent_at(q - 1) is not None and rd.ent_at(q - 1)[1] is em[1]:
                            q -= 1
                        subj = rd.arg_from_entity(q, em)
                subj = rd.resolve(subj) if subj is not None else None
                return True, (subj if subj is not None and subj.ent is not None else None), k == k0
        return False, None, False

    @staticmethod
    def _claimed_by(rd: _Reader, k: int, b: int) -> Arg | None:
        """"… هجوم انتحاري استهدف قافلة …، وتبنته حركة طالبان باكستان": a body that
        claimed the attack later in the sentence (تبنى + the attack's pronoun) made it."""
        toks = rd.toks
        for q in range(k, b - 1):
            if toks[q].text in _HARD_STOPS:
                return None
            n = toks[q].norm
            core = n[1:] if n[:1] in ("و", "ف") else n
            if core in _CLAIMED:
                r = q + 1
                if r < b and toks[r].text in ('"', "«", "“"):
                    r += 1
                em = rd.ent_at(r) if r < b else None
                if em is not None and em[0].get("type") in ("ORG", "PER"):
                    return rd.arg_from_entity(r, em)
                return None
        return None

    def _mode(self, rd: _Reader, tr: Trigger, i: int, left: int, right: int) -> str | None:
        cues = self.lex.mode_cues.get(tr.type)
        if not cues:
            return tr.mode
        lo = max(left, i - 2)
        hi = min(right, i + 7)
        keys: set[str] = set()
        for k in range(lo, hi):
            keys |= rd.forms_of(k)
        for mode, words, refines in cues:
            if tr.mode is not None and tr.mode not in refines:
                continue
            if keys & words:
                return mode
        return tr.mode

    @staticmethod
    def _date(doc: Document, date_fn, start: int, end: int, fallback: bool = True) -> str | None:
        if date_fn is not None:
            try:
                d = date_fn(doc, start, end)
            except Exception:  # noqa: BLE001 - a date is a nicety, never a failure
                d = None
            if d:
                return d
        return doc.published if fallback else None

    @staticmethod
    def _merge(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """One event per (type, source, target) in a sentence: "غارة ... قصفت" is one strike."""
        out: list[dict[str, Any]] = []
        for ev in events:
            twin = None
            for o in out:
                if o["type"] != ev["type"] or o["negated"] != ev["negated"] or o.get("quoted") != ev.get("quoted"):
                    continue
                if o.get("action") != ev.get("action") and o.get("action") and ev.get("action"):
                    continue
                if _compatible(o, ev, "source") and _compatible(o, ev, "target") and _related(o, ev):
                    twin = o
                    break
            if twin is None:
                out.append(ev)
                continue
            for role in ("source", "target"):
                if twin.get(f"{role}_text") is None and ev.get(f"{role}_text") is not None:
                    for k in (role, f"{role}_text", f"{role}_start", f"{role}_end", f"{role}_code"):
                        if k in ev:
                            twin[k] = ev[k]
                    if role == "source":
                        twin["source_inferred"] = ev.get("source_inferred", False)
            for k in ("mode", "location", "location_text", "action", "action_trigger", "source_code"):
                if twin.get(k) is None and ev.get(k) is not None:
                    twin[k] = ev[k]
        return out


def _compatible(a: dict, b: dict, role: str) -> bool:
    ta, tb = a.get(f"{role}_text"), b.get(f"{role}_text")
    if ta is None or tb is None:
        return True
    if a.get(role) is not None and a.get(role) == b.get(role):
        return True
    return a.get(f"{role}_start") == b.get(f"{role}_start")


def _related(a: dict, b: dict) -> bool:
    """Two events of one type in a sentence are one when they share an actor or
    their triggers are next to each other ("انفجرت سيارة مفخخة")."""
    for ra in ("source", "target"):
        for rb in ("source", "target"):
            sa, sb = a.get(f"{ra}_start"), b.get(f"{rb}_start")
            if sa is not None and sa == sb:
                return True
    gap = b["trigger_start"] - a["trigger_end"] if b["trigger_start"] >= a["trigger_end"] else \
        a["trigger_start"] - b["trigger_end"]
    return gap <= 20


#: material events are news with an unidentified actor ("مسلحون مجهولون", "قتل 5 في
#: انفجار"); a verbal or diplomatic act (a meeting, a demand, praise) is nothing
#: without the actor who performed it
_MATERIAL = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE"})


def _attributed(ev: dict[str, Any]) -> bool:
    """Does the event go to ``doc.events``?  Its source is a named entity, or it is
    a material act reported with an actor phrase, its victims, target or place.
    The rest go to ``doc.meta["unattributed_events"]``."""
    if ev.get("source") is not None:
        return True
    if ev["type"] in _MATERIAL:
        return bool(ev.get("source_text") or ev.get("target_text") or ev.get("victims_text") or ev.get("location"))
    return False


def _headline_end(doc: Document) -> int:
    """End of the headline: the first sentence when it is a title line (no final stop)."""
    if not doc.sentences:
        return 0
    first = doc.sentences[0]
    line = doc.text[first.start:first.end].rstrip()
    if doc.title or (line and line[-1] not in ".!؟?" and "\n" in doc.text[first.end:first.end + 3]):
        return first.end
    return 0


def _same_word(a: str, b: str) -> bool:
    """"اللقاء" / "لقاء" / "لقائه": one trigger word (clitics, article, endings aside)."""
    ka, kb = _core(a.split()[0] if a.split() else a), _core(b.split()[0] if b.split() else b)
    ka, kb = ka.lstrip("وفبل"), kb.lstrip("وفبل")
    n = min(len(ka), len(kb), 4)
    return n >= 3 and ka[:n] == kb[:n]


def _dedupe(events: list[dict[str, Any]], headline_end: int = 0) -> list[dict[str, Any]]:
    """One event per act in the document: the headline, the lead and a later
    reference ("خلال اللقاء") that restate one act with the same type, source and
    target are one event, and so are two with no target or one target missing when
    they have the same trigger word or the first is in the headline (text before
    ``headline_end``); the first keeps what the others add."""
    out: list[dict[str, Any]] = []
    told: set[int] = set()
    body = {e["type"] for e in events if e["start"] >= headline_end and e.get("source") is not None
            and not e["negated"]}
    for ev in events:
        if ev.pop("pair_subject", False) and ev["start"] < headline_end and ev["type"] in body:
            # "مصر وتركيا تبحثان …" over a body that tells the talks of their ministers:
            # the headline sums up that act in the two countries' names
            continue
        twin = None
        if ev.get("source") is not None:
            for o in out:
                if o["type"] != ev["type"] or o.get("source") != ev.get("source") or o["negated"] != ev["negated"]:
                    continue
                if o.get("action") and ev.get("action") and o["action"] != ev["action"]:
                    continue
                ta, tb = o.get("target"), ev.get("target")
                if (ta is not None and ta == tb) or ((ta is None or tb is None) and (
                        _same_word(o["trigger"], ev["trigger"]) or (o["start"] < headline_end and id(o) not in told))):
                    twin = o
                    if o["start"] < headline_end:
                        told.add(id(o))  # a headline restates one act of the body
                    break
        if twin is None:
            out.append(ev)
            continue
        if twin.get("target") is None and ev.get("target") is not None:
            for k in ("target", "target_text", "target_start", "target_end", "target_code"):
                if k in ev:
                    twin[k] = ev[k]
        for k in ("location", "location_text", "mode", "action", "action_trigger"):
            if twin.get(k) is None and ev.get(k) is not None:
                twin[k] = ev[k]
        if twin.get("date") is None and ev.get("date") is not None:
            twin["date"] = ev["date"]
    return out


#: "ترفض بشكل قاطع …"، "يدعم بقوة …": manner phrases between a verb and its object
_MANNER_HEADS = frozenset(fold(w) for w in ("شكل", "صورة", "طريقة"))
_MANNER_WORDS = frozenset(fold(w) for w in ("قوة", "حزم", "شدة", "وضوح"))


def _past_manner(rd: _Reader, k: int, right: int) -> int:
    """Token index after a manner phrase at k ("بشكل قاطع", "بقوة"), else k."""
    if k >= right:
        return k
    n = rd.toks[k].norm
    if n[:1] != "ب" or rd.ent_at(k) is not None:
        return k
    core = n[1:]
    if core in _MANNER_HEADS:
        return min(k + 2, right)  # the noun and its adjective
    if core in _MANNER_WORDS:
        return k + 1
    return k


def _tok_after(rd: _Reader, arg: Arg | None, default: int) -> int:
    if arg is None:
        return default
    return bisect.bisect_left(rd.starts, arg.end)


def extract_events(doc: Document, lexicon: str | None = None) -> list[dict[str, Any]]:
    """Run :class:`EventExtractor` on an already segmented document."""
    return EventExtractor(lexicon)(doc).events


__all__ = ["PLOVER_TYPES", "EventExtractor", "ReportFilter", "Trigger", "TriggerLexicon", "extract_events",
           "load_lexicon", "report_features"]
