"""Arabic normalization: one *match form* for search and lexicon matching.

The display text keeps the author's spelling; every extractor matches on the
match form and maps its spans back with the offset map.  The rules follow the
CAMeL Tools conventions (``dediac_ar``, ``normalize_alef_ar``,
``normalize_alef_maksura_ar``, ``normalize_teh_marbuta_ar``) plus what news
text from Iranian, Iraqi and Gulf outlets needs:

=====================================  ===========================================
rule                                    why
=====================================  ===========================================
Persian ی ک ە ۀ → ي ك ه ه                 Iranian outlets (IRNA, Tasnim) type Persian
                                        letters: "شمخانی" must match "شمخاني".
Persian پ چ ژ گ → ب ج ز ك                 the letters Arabic lacks, as Arabic outlets
                                        write them: "پزشکیان" = "بزشكيان".
أ إ آ ٱ → ا ; ؤ → و ; ئ → ي              hamza seats are spelled inconsistently
                                        ("الاسد" / "الأسد", "تتجرا" / "تتجرأ").
ى → ي ; ة → ه                           alef maqsura and ta marbuta are routinely
                                        swapped at word ends.
diacritics (harakat, tanwin, shadda,     optional marks; removed.
sukun, dagger alef) removed
tatweel removed *between letters*        "الـــرئيس" = "الرئيس".  The grammatical
                                        tatweel that glues a clitic to a number or
                                        quote ("الـ 13", "بـ”المثالي”") is kept:
                                        it marks a word boundary.
Eastern Arabic / Persian digits → 0-9    "٢٠٢٣" = "2023".
NBSP and other Unicode spaces → " "
zero-width marks (ZWNJ, LRM, RLM, BOM)   invisible, but break matching.
removed
“ ” « » „ ‟ ″ → " ; ‘ ’ ‚ ′ → '         one quote mark per kind.
Latin letters lower-cased                "IRNA" = "irna".
Arabic presentation forms → NFKC         "ﻻ" = "لا".
=====================================  ===========================================

:func:`normalize_with_map` also returns ``norm_map`` where ``norm_map[i]`` is the
index in the input of the character that produced ``norm[i]``.  An empty map
means the identity (the common case: no character was removed or expanded),
which keeps the hot path cheap.
"""
from __future__ import annotations

import re
import unicodedata

_ONE_TO_ONE: dict[int, str] = {}


def _add(chars: str, to: str) -> None:
    for ch in chars:
        _ONE_TO_ONE[ord(ch)] = to


_add("یيىۍێ", "ي")  # Persian/Kurdish ya, alef maqsura
_add("ئ", "ي")
_add("کكگ", "ك")
# Persian letters with no Arabic counterpart, as Arabic outlets render them:
# "پزشکیان" → "بزشكيان", "چابهار" → "جابهار", "ژنرال" → "زنرال"
_add("پ", "ب")
_add("چ", "ج")
_add("ژ", "ز")
_add("ةەۀہھ", "ه")
_add("أإآٱٲٳ", "ا")
_add("ؤ", "و")
_add("“”«»„‟″〝〞＂", '"')
_add("‘’‚‛′`", "'")
for _d in range(10):
    _ONE_TO_ONE[0x0660 + _d] = str(_d)  # Eastern Arabic digits
    _ONE_TO_ONE[0x06F0 + _d] = str(_d)  # Persian digits
for _cp in (0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000):
    _ONE_TO_ONE[_cp] = " "
_ONE_TO_ONE[ord("\t")] = " "
_add("٫", ".")  # Arabic decimal separator
_add("٬", ",")  # Arabic thousands separator
for _c in range(ord("A"), ord("Z") + 1):
    _ONE_TO_ONE[_c] = chr(_c + 32)

#: :data:`_ONE_TO_ONE` as a list indexed by code point, for :meth:`str.translate`:
#: a list is looked up about twice as fast as a dict (no hashing), and the whole
#: text of every document goes through it.  Code points past its end raise
#: IndexError, which ``translate`` takes as "leave unchanged", as the dict does
#: for a code point it does not list.
_TABLE: list[int] = list(range(max(_ONE_TO_ONE) + 1))
for _cp, _to in _ONE_TO_ONE.items():
    _TABLE[_cp] = ord(_to)  # every replacement is one character

#: Characters dropped from the match form.  Tatweel (U+0640) only when it
#: stretches a word, i.e. is followed by a letter, a mark or another tatweel.
_DROP = re.compile(
    "[\u064B-\u065F\u0670\u06D6-\u06ED\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]"
    "|\u0640(?=[\u0621-\u063A\u0641-\u064A\u0640\u064B-\u065F\u0670])"
)
_PRESENTATION = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFF]")


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Return the match form of ``text`` and its offset map (empty = identity)."""
    folded = text.translate(_TABLE)
    if _PRESENTATION.search(folded):
        return _slow(folded)
    if not _DROP.search(folded):
        return folded, []
    out: list[str] = []
    mapping: list[int] = []
    pos = 0
    for m in _DROP.finditer(folded):
        s = m.start()
        if s > pos:
            out.append(folded[pos:s])
            mapping.extend(range(pos, s))
        pos = m.end()
    out.append(folded[pos:])
    mapping.extend(range(pos, len(folded)))
    return "".join(out), mapping


def _slow(folded: str) -> tuple[str, list[int]]:
    """General path: presentation forms may expand to several characters."""
    out: list[str] = []
    mapping: list[int] = []
    drop = {m.start() for m in _DROP.finditer(folded)}
    for i, ch in enumerate(folded):
        if i in drop:
            continue
        if "\uFB50" <= ch <= "\uFDFF" or "\uFE70" <= ch <= "\uFEFF":
            exp = unicodedata.normalize("NFKC", ch).translate(_ONE_TO_ONE)
            exp = _DROP.sub("", exp)
        else:
            exp = ch
        out.append(exp)
        mapping.extend([i] * len(exp))
    return "".join(out), mapping


#: memos of :func:`normalize` and :func:`fold` for words and names (strings of at
#: most _MEMO_LEN characters): the extractors ask for the same words' forms
#: hundreds of times a document, and most of them again in the next one
_MEMO_LEN = 64
_MEMO_MAX = 100_000
_NORM_MEMO: dict[str, str] = {}
_FOLD_MEMO: dict[str, str] = {}


def normalize(text: str) -> str:
    """The match form of ``text`` (for lexicon entries, queries, names)."""
    if len(text) > _MEMO_LEN:
        return normalize_with_map(text)[0]
    got = _NORM_MEMO.get(text)
    if got is None:
        got = normalize_with_map(text)[0]
        if len(_NORM_MEMO) >= _MEMO_MAX:
            _NORM_MEMO.clear()
        _NORM_MEMO[text] = got
    return got


_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Match form with whitespace collapsed and trimmed: the key for names."""
    if len(text) > _MEMO_LEN:
        return _SPACES.sub(" ", normalize(text)).strip()
    got = _FOLD_MEMO.get(text)
    if got is None:
        got = _SPACES.sub(" ", normalize(text)).strip()
        if len(_FOLD_MEMO) >= _MEMO_MAX:
            _FOLD_MEMO.clear()
        _FOLD_MEMO[text] = got
    return got
