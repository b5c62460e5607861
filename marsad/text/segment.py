"""Sentences and tokens for Arabic news text, with clitic-aware match forms.

Sentences end at ``. ! ? ؟``, an ellipsis, or a line break, never inside an
open quotation (“…”, «…», "…") unless a line break closes the paragraph.
The Arabic comma ``،`` and semicolon ``؛`` separate clauses, not sentences:
Arabic news writes "وقال، إن ..." and chains whole paragraphs with commas, so
splitting there would cut a quote from its speaker.

Tokens are words (Arabic letters with their marks and tatweel), numbers,
Latin words and single punctuation marks.  Each carries its normalized form
and a *bare* form with the article and the proclitics attached to it removed
(وال، فال، بال، كال، لل، ال) — those splits are unambiguous.  A bare single
proclitic (و ف ب ل ك) is ambiguous ("وزير" is not و+زير), so
:func:`clitic_forms` lists every plausible split and the lexicon that looks a
token up decides which one exists.
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.document import Document, Span, Token
from marsad.text.normalize import normalize

_WORD = re.compile(
    r"[\u0621-\u063A\u0640-\u065F\u0670-\u06D3\u06D5-\u06ED\u06FA-\u06FF]+"  # Arabic word
    r"|[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[.,٫٬:/][0-9\u0660-\u0669\u06F0-\u06F9]+)*"  # numbers
    r"|[A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z]+)?"  # Latin
    r"|[^\s\w]|_",  # one punctuation mark
)

_OPEN_CLOSE = {"“": "”", "«": "»", "„": "”", "‹": "›"}
_CLOSERS = set(_OPEN_CLOSE.values())
_ENDERS = set(".!?؟…")
_TRAILERS = set("\"'”»’)]")

#: article-bearing prefixes, longest first: these splits are safe.
_ARTICLE = re.compile(r"^(?:(?:[وف])?(?:[بك])?ال|(?:[وف])?لل)(?=...)")
_PROCLITIC = "وفبلك"


def split_article(norm: str) -> tuple[str, str]:
    """Split the article and clitics before it: ``"والحكومه" -> ("وال", "حكومه")``."""
    m = _ARTICLE.match(norm)
    if not m:
        return "", norm
    return m.group(0), norm[m.end():]


@lru_cache(maxsize=200_000)
def clitic_forms(norm: str) -> tuple[tuple[str, str], ...]:
    """Every plausible ``(prefix, stem)`` split of a normalized word.

    The unsplit word comes first, then splits with a single conjunction
    (و ف), a preposition (ب ل ك), both, and the article.  Stems shorter than
    two letters are not offered.
    """
    forms = [("", norm)]
    seen = {norm}

    def add(prefix: str, stem: str) -> None:
        if len(stem) >= 2 and stem not in seen:
            seen.add(stem)
            forms.append((prefix, stem))

    conj = norm[0] if norm[:1] in ("و", "ف") else ""
    after_conj = norm[len(conj):]
    if conj:
        add(conj, after_conj)
    prep = after_conj[0] if after_conj[:1] in ("ب", "ل", "ك") else ""
    if prep:
        add(conj + prep, after_conj[1:])
    art_prefix, art_stem = split_article(norm)
    if art_prefix:
        # keep the article on the stem too: names like "العراق" are listed with it
        clitics = art_prefix[:-2] if art_prefix.endswith("ال") else art_prefix[:-1]
        add(clitics, "ال" + art_stem)
        add(art_prefix, art_stem)
    return tuple(forms)


_INTERESTING = re.compile(r'[\n“”«»„‹›".!?؟…]')


def sentences(text: str) -> list[Span]:
    """Split display text into sentence spans (whitespace trimmed)."""
    spans: list[Span] = []
    n = len(text)
    start = 0
    open_quote: str | None = None  # the closer we wait for
    ascii_open = False
    skip_to = 0

    def close(begin: int, end: int) -> None:
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if end > begin:
            spans.append(Span(begin, end))

    for m in _INTERESTING.finditer(text):
        i = m.start()
        if i < skip_to:
            continue
        ch = text[i]
        if ch == "\n":
            close(start, i)
            start = i + 1
            open_quote, ascii_open = None, False
        elif ch in _OPEN_CLOSE and open_quote is None and not ascii_open:
            open_quote = _OPEN_CLOSE[ch]
        elif (open_quote is not None and ch == open_quote) or (ch == '"' and ascii_open):
            open_quote, ascii_open = None, False
            if i > 0 and text[i - 1] in _ENDERS:  # “… انتهى.” ends the sentence after the quote
                close(start, i + 1)
                start = i + 1
        elif ch == '"':
            ascii_open = open_quote is None
        elif ch in _ENDERS and open_quote is None and not ascii_open:
            # a dot between digits ("3.5") is not an end
            if ch == "." and 0 < i < n - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
                continue
            j = i + 1
            while j < n and text[j] in _ENDERS:
                j += 1
            while j < n and text[j] in _TRAILERS and text[j] != '"':
                j += 1
            close(start, j)
            start = skip_to = j
    close(start, n)
    return spans


_FORMS: dict[str, tuple[str, str, str]] = {}
_FORMS_MAX = 200_000


def surface_forms(surface: str) -> tuple[str, str, str]:
    """``(norm, prefix, bare)`` of a word, memoized: news vocabulary repeats a lot.

    ``norm`` is :func:`normalize` of the word and ``(prefix, bare)``
    :func:`split_article` of ``norm``.  The NER features ask the same of every
    token that :func:`tokenize` just asked, so they read this cache too.
    """
    got = _FORMS.get(surface)
    if got is None:
        norm = normalize(surface)
        prefix, bare = split_article(norm)
        got = (norm, prefix, bare)
        if len(_FORMS) >= _FORMS_MAX:
            _FORMS.clear()
        _FORMS[surface] = got
    return got


_forms = surface_forms


def tokenize(text: str, sents: list[Span] | None = None) -> list[Token]:
    """Tokens of ``text`` with normalized and bare forms and sentence index."""
    sents = sents if sents is not None else sentences(text)
    tokens: list[Token] = []
    append = tokens.append
    known = _FORMS.get  # the cache of surface_forms, read inline: ~2M tokens per 6,000 articles
    si = 0
    last = len(sents) - 1
    bound = sents[0].end if sents else 0
    for m in _WORD.finditer(text):
        s, e = m.span()
        while si < last and s >= bound:
            si += 1
            bound = sents[si].end
        surface = m.group()
        forms = known(surface)
        if forms is None:
            forms = _forms(surface)
        norm, prefix, bare = forms
        append(Token(s, e, surface, norm, bare, prefix, si))
    return tokens


def word_forms(text: str) -> list[tuple[str, str]]:
    """``(prefix, bare)`` of every word of ``text``, without building tokens.

    The fast path for indexing documents that no extractor will read.
    """
    forms = _forms
    return [forms(w)[1:] for w in _WORD.findall(text)]


class Segmenter:
    """Pipeline component: fills ``doc.sentences`` and ``doc.tokens``."""

    name = "segment"

    def __call__(self, doc: Document) -> Document:
        doc.sentences = sentences(doc.text)
        doc.tokens = tokenize(doc.text, doc.sentences)
        return doc


__all__ = ["Segmenter", "clitic_forms", "sentences", "split_article", "surface_forms", "tokenize", "word_forms"]
