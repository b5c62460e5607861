"""Frames: loaded terms and labels, and the side they signal.

The lexicon ``marsad/lexicons/frames.yaml`` (data, documented there) lists
terms such as "الكيان الصهيوني", "محور المقاومة", "مليشيات المرتزقة",
"الانقلابيين" with the frame each signals (``resistance-axis``,
``hostile-to-iran``, ``hostile-to-houthis`` …).  :class:`FrameTagger` is the
pipeline component (``name = "frames"``) that finds them in a document and
fills ``doc.frames`` with ``{"term", "frame", "start", "end"}``: ``term`` is
the text as written at ``[start, end)`` of ``doc.text``.

Matching works on token match forms (``Token.norm``), whole words only:

* the first word of a term may carry proclitics (و ف ب ل ك) and its article
  is optional — "والشهيد", "بالكيان الصهيوني", "شهيد" all match "الشهيد"
  (``exact: true`` entries keep the article as listed: "احتلال المركز الأول"
  is not "الاحتلال"); the proclitics are left out of the span, the article
  stays in it;
* the other words must follow word for word in the same sentence;
* longest match first, left to right, without overlaps;
* an entry's ``not_after`` words veto a match right after them ("حركة
  المقاومة الإسلامية" is Hamas's name), its ``not_before`` words one of the
  next two words ("استشهد الوزير بآية" means "the minister cited a verse").

Speed: each token costs one dictionary look-up of its match form (the
clitic splits of a form are computed once and cached), so tagging is a few
microseconds per hundred tokens.

>>> from marsad.extract.frames import tag_text
>>> [(f["term"], f["frame"]) for f in tag_text("وأشاد بدور الشهيدين في مواجهة الكيان الصهيوني.")]
[('الشهيدين', 'martyrdom'), ('الكيان الصهيوني', 'resistance-axis')]
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from marsad.document import Document, Token
from marsad.text.normalize import normalize, normalize_with_map
from marsad.text.segment import clitic_forms, tokenize

try:  # the C loader is much faster; fall back when libyaml is missing
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

FRAMES_FILE = Path(__file__).resolve().parent.parent / "lexicons" / "frames.yaml"

_ENTRY_KEYS = frozenset({"terms", "frame", "gloss", "note", "not_after", "not_before", "exact"})
_FRAME_KEYS = frozenset({"label", "description"})


class FrameLexiconError(ValueError):
    """The frames lexicon is malformed (the message names the file and entry)."""


@dataclass(frozen=True)
class FrameInfo:
    """One frame: its id, a short English label and a description."""

    id: str
    label: str
    description: str = ""


@dataclass(frozen=True)
class FrameEntry:
    """One lexicon entry: variants of a loaded term and the frame they signal."""

    term: str  # the first variant: names the entry in reports
    frame: str
    gloss: str
    note: str = ""
    variants: tuple[str, ...] = ()
    not_after: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()
    exact: bool = False  # the article is not optional: match the variants as listed
    source: str = ""


@dataclass(frozen=True)
class FrameMatch:
    """A lexicon term found in a text: offsets into the display text."""

    start: int
    end: int
    entry: FrameEntry

    def to_dict(self, text: str) -> dict[str, Any]:
        return {"term": text[self.start:self.end], "frame": self.entry.frame, "start": self.start, "end": self.end}


def _forms(norm: str) -> set[str]:
    """A word's match form and its clitic-stripped stems (for context checks)."""
    return {stem for _, stem in clitic_forms(norm)} if norm else set()


def _term_tokens(term: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(term) if t.norm.strip())


def _toggle_article(norm: str) -> str | None:
    """The first word of a term with its article removed or added."""
    if norm.startswith("ال") and len(norm) > 3:
        return norm[2:]
    if len(norm) >= 2 and norm[:1].isalpha():
        return "ال" + norm
    return None


class FrameLexicon:
    """Frame ids and entries, indexed by the match forms of their first word."""

    def __init__(self, frames: Iterable[FrameInfo], entries: Iterable[FrameEntry]) -> None:
        self.frames: dict[str, FrameInfo] = {f.id: f for f in frames}
        self.entries: list[FrameEntry] = []
        self.index: dict[tuple[str, ...], FrameEntry] = {}
        self._explicit: dict[tuple[str, ...], FrameEntry] = {}
        self.max_len: dict[str, int] = {}
        #: the first two forms of every key of two words or more (see :meth:`find`)
        self._pairs: set[tuple[str, str]] = set()
        self._cands: dict[str, tuple[tuple[str, str], ...]] = {}
        for e in entries:
            self.add(e)

    # -- building ---------------------------------------------------------------
    def add(self, entry: FrameEntry, replace: bool = False) -> None:
        """Index an entry.  A variant already listed by another entry is an
        error unless ``replace`` (a user file overriding the shipped lexicon)."""
        if entry.frame not in self.frames:
            raise FrameLexiconError(f"{entry.source}: entry {entry.term!r}: unknown frame {entry.frame!r}")
        self.entries.append(entry)
        derived: list[tuple[str, ...]] = []
        for variant in entry.variants:
            key = _term_tokens(variant)
            if not key:
                continue
            other = self._explicit.get(key)
            if other is not None and other is not entry and not replace:
                raise FrameLexiconError(
                    f"{entry.source}: {variant!r} of entry {entry.term!r} is also listed under {other.term!r}"
                )
            self._explicit[key] = entry
            self._put(key, entry)
            alt = None if entry.exact else _toggle_article(key[0])
            if alt:
                derived.append((alt, *key[1:]))
        for key in derived:  # article-toggled forms never displace a listed variant
            if key not in self._explicit and key not in self.index:
                self._put(key, entry)
        self._cands.clear()

    def _put(self, key: tuple[str, ...], entry: FrameEntry) -> None:
        self.index[key] = entry
        self.max_len[key[0]] = max(self.max_len.get(key[0], 0), len(key))
        if len(key) > 1:
            self._pairs.add(key[:2])

    @classmethod
    def from_data(cls, data: Any, source: str = "<data>", base: "FrameLexicon | None" = None) -> "FrameLexicon":
        """Build (or extend ``base``) from the parsed YAML of a frames file."""
        if not isinstance(data, dict):
            raise FrameLexiconError(f"{source}: expected a mapping with 'frames' and 'entries'")
        frames = []
        for fid, info in (data.get("frames") or {}).items():
            if not isinstance(info, dict) or not info.get("label"):
                raise FrameLexiconError(f"{source}: frame {fid!r} needs a label")
            unknown = set(info) - _FRAME_KEYS
            if unknown:
                raise FrameLexiconError(f"{source}: frame {fid!r}: unknown keys {sorted(unknown)}")
            frames.append(FrameInfo(str(fid), str(info["label"]), str(info.get("description") or "").strip()))
        lex = base if base is not None else cls(frames, [])
        if base is not None:
            for f in frames:
                lex.frames[f.id] = f
        entries = data.get("entries") or []
        if not isinstance(entries, list):
            raise FrameLexiconError(f"{source}: 'entries' must be a list")
        own: dict[tuple[str, ...], str] = {}
        for n, raw in enumerate(entries, 1):
            where = f"{source}: entry {n}"
            if not isinstance(raw, dict):
                raise FrameLexiconError(f"{where}: expected a mapping")
            unknown = set(raw) - _ENTRY_KEYS
            if unknown:
                raise FrameLexiconError(f"{where}: unknown keys {sorted(unknown)}")
            terms = raw.get("terms")
            if isinstance(terms, str):
                terms = [terms]
            if not terms or not all(isinstance(t, str) and t.strip() for t in terms):
                raise FrameLexiconError(f"{where}: 'terms' must be a non-empty list of strings")
            if not raw.get("frame") or not raw.get("gloss"):
                raise FrameLexiconError(f"{where} ({terms[0]!r}): 'frame' and 'gloss' are required")
            for t in terms:  # duplicates inside one file are mistakes, across files overrides
                key = _term_tokens(t)
                if key in own and own[key] != terms[0]:
                    raise FrameLexiconError(f"{where}: {t!r} is also listed under {own[key]!r}")
                own[key] = terms[0]
            entry = FrameEntry(
                term=terms[0].strip(), frame=str(raw["frame"]), gloss=str(raw["gloss"]),
                note=str(raw.get("note") or "").strip(), variants=tuple(t.strip() for t in terms),
                not_after=frozenset(normalize(w).strip() for w in raw.get("not_after") or ()),
                not_before=frozenset(normalize(w).strip() for w in raw.get("not_before") or ()),
                exact=bool(raw.get("exact", False)), source=source,
            )
            lex.add(entry, replace=base is not None)
        return lex

    @classmethod
    def load(cls, *paths: str | Path, include_default: bool = True) -> "FrameLexicon":
        """The shipped lexicon, extended or overridden by the user's own files."""
        if include_default and not paths:
            return _default_lexicon()
        lex = cls.from_data(_read(FRAMES_FILE), str(FRAMES_FILE)) if include_default else None
        for p in paths:
            data = _read(Path(p))
            if lex is None:
                lex = cls.from_data(data, str(p))
            else:
                lex = cls.from_data(data, str(p), base=lex)
        if lex is None:
            raise FrameLexiconError("no frames lexicon given")
        return lex

    # -- matching ---------------------------------------------------------------
    def _candidates(self, norm: str) -> tuple[tuple[str, str], ...]:
        """The ``(prefix, stem)`` splits of a token form that start some entry."""
        got = self._cands.get(norm)
        if got is None:
            got = tuple((p, s) for p, s in clitic_forms(norm) if s in self.max_len) if norm else ()
            if len(self._cands) > 100_000:
                self._cands.clear()
            self._cands[norm] = got
        return got

    def find(self, tokens: Sequence[Token]) -> list[FrameMatch]:
        """Longest, leftmost, non-overlapping lexicon matches in ``tokens``."""
        out: list[FrameMatch] = []
        n = len(tokens)
        i = 0
        cands = self._cands
        pairs = self._pairs
        while i < n:
            tok = tokens[i]
            c = cands.get(tok.norm)
            if c is None:
                c = self._candidates(tok.norm)
            if not c:
                i += 1
                continue
            best: tuple[int, FrameEntry, str, str] | None = None
            for prefix, stem in c:
                span = self.max_len[stem]
                if span > 1 and (i + 1 >= n or (stem, tokens[i + 1].norm) not in pairs):
                    span = 1  # no entry of two words or more goes on with the next word
                for length in range(min(span, n - i), 0, -1):
                    if best is not None and length <= best[0]:
                        break
                    last = tokens[i + length - 1]
                    if last.sentence != tok.sentence:
                        continue
                    key = (stem, *(t.norm for t in tokens[i + 1:i + length]))
                    entry = self.index.get(key)
                    if entry is None or not self._context_ok(entry, tokens, i, i + length):
                        continue
                    best = (length, entry, prefix, stem)
                    break
            if best is None:
                i += 1
                continue
            length, entry, prefix, stem = best
            out.append(FrameMatch(tok.start + _prefix_chars(tok, prefix, stem), tokens[i + length - 1].end, entry))
            i += length
        return out

    @staticmethod
    def _context_ok(entry: FrameEntry, tokens: Sequence[Token], first: int, end: int) -> bool:
        if entry.not_after and first > 0 and _forms(tokens[first - 1].norm) & entry.not_after:
            return False
        if entry.not_before:
            # the next two words: Arabic puts the subject between a verb and its
            # object ("استشهد الوزير بآية")
            sent = tokens[end - 1].sentence
            for t in tokens[end:end + 2]:
                if t.sentence != sent:
                    break
                if _forms(t.norm) & entry.not_before:
                    return False
        return True

    def tag(self, text: str) -> list[dict[str, Any]]:
        """Frame records (the JSON contract) for a plain text."""
        return [m.to_dict(text) for m in self.find(tokenize(text))]

    def entry_of(self, term: str) -> FrameEntry | None:
        """The entry a tagged term (as written, clitics and all) belongs to."""
        return _entry_of(self, term)

    def by_frame(self) -> dict[str, list[FrameEntry]]:
        out: dict[str, list[FrameEntry]] = {f: [] for f in self.frames}
        for e in self.entries:
            out.setdefault(e.frame, []).append(e)
        return out


@lru_cache(maxsize=20_000)
def _entry_of(lex: FrameLexicon, term: str) -> FrameEntry | None:
    found = lex.find(tokenize(term))
    return found[0].entry if found else None


def _prefix_chars(tok: Token, prefix: str, stem: str) -> int:
    """Characters of the token's display text taken by the proclitics ``prefix``.

    "للشهيد" is ل + الشهيد with the article's alef elided: the span keeps the
    ل that stands for the article ("للشهيد").
    """
    p = len(prefix)
    if not p:
        return 0
    if not tok.norm[p:].startswith(stem):
        p -= 1
        if not p:
            return 0
    return _surface_len(tok.text, p)


def _surface_len(surface: str, norm_chars: int) -> int:
    """How many characters of ``surface`` produce the first ``norm_chars`` of its match form."""
    _, mapping = normalize_with_map(surface)
    if not mapping:
        return norm_chars
    if norm_chars >= len(mapping):
        return len(surface)
    return mapping[norm_chars]


def _read(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_Loader)
    except OSError as exc:
        raise FrameLexiconError(f"{path}: cannot read ({exc})") from exc
    except yaml.YAMLError as exc:
        raise FrameLexiconError(f"{path}: not valid YAML ({exc})") from exc


@lru_cache(maxsize=1)
def _default_lexicon() -> FrameLexicon:
    return FrameLexicon.from_data(_read(FRAMES_FILE), str(FRAMES_FILE))


def default_lexicon() -> FrameLexicon:
    """The shipped frames lexicon (loaded once)."""
    return _default_lexicon()


def tag_text(text: str, lexicon: FrameLexicon | None = None) -> list[dict[str, Any]]:
    """Frame records for a plain text (no pipeline needed)."""
    return (lexicon or default_lexicon()).tag(text)


class FrameTagger:
    """Pipeline component: fills ``doc.frames`` from the frames lexicon.

    ``frame_lexicon``: a :class:`FrameLexicon`, or paths of the user's own
    frames files (YAML, same format) that extend and override the shipped one.
    """

    name = "frames"
    OPTIONS = ("frame_lexicon",)

    def __init__(self, frame_lexicon: FrameLexicon | str | Path | Sequence[str | Path] | None = None) -> None:
        if frame_lexicon is None:
            self.lexicon = default_lexicon()
        elif isinstance(frame_lexicon, FrameLexicon):
            self.lexicon = frame_lexicon
        elif isinstance(frame_lexicon, (str, Path)):
            self.lexicon = FrameLexicon.load(frame_lexicon)
        else:
            self.lexicon = FrameLexicon.load(*frame_lexicon)

    def __call__(self, doc: Document) -> Document:
        tokens = doc.tokens if doc.tokens or not doc.text else tokenize(doc.text)
        text = doc.text
        doc.frames = [m.to_dict(text) for m in self.lexicon.find(tokens)]
        return doc


__all__ = [
    "FRAMES_FILE", "FrameEntry", "FrameInfo", "FrameLexicon", "FrameLexiconError", "FrameMatch", "FrameTagger",
    "default_lexicon", "tag_text",
]
