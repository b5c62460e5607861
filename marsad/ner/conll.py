"""Read CoNLL-style NER files: one ``token<space or tab>tag`` per line.

* A blank line (or a line holding only whitespace) ends a sentence.
* The token is the first field and the tag the last, so extra middle
  columns (POS, chunk) are ignored; fields may be separated by spaces or tabs.
* ``-DOCSTART-`` lines are skipped (they end the sentence before them).
* A UTF-8 BOM, CRs and zero-width direction marks (LRM/RLM, which NewsFANE puts
  before every token) are removed.
* A line holding a single field is a token tagged ``O`` (some files leave
  the tag off punctuation); a warning count is kept in :class:`ConllStats`.

Tags are BIO over entity types.  :func:`normalize_tag` maps the spellings
different corpora use to Marsad's four types (``PERS LOC ORG MISC``):
``PER -> PERS``, ``MIS/MIS0-3 -> MISC``, ``IOB`` tags ``E-``/``S-`` are
turned into ``I-``/``B-``.  A caller can pass its own ``type_map`` (fine
class -> coarse type, or ``None`` to drop an entity to ``O``).
"""
from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

#: default spellings of the four types
TYPE_ALIASES = {
    "PERS": "PERS",
    "PER": "PERS",
    "PERSON": "PERS",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "GPE": "LOC",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "MISC": "MISC",
    "MIS": "MISC",
    "MIS0": "MISC",
    "MIS1": "MISC",
    "MIS2": "MISC",
    "MIS3": "MISC",
}

_STRIP = dict.fromkeys(map(ord, "\ufeff\u200e\u200f\r"), None)


@dataclass
class Sentence:
    tokens: list[str]
    tags: list[str]

    def __len__(self) -> int:
        return len(self.tokens)


@dataclass
class ConllStats:
    sentences: int = 0
    tokens: int = 0
    untagged_lines: int = 0
    unknown_types: dict[str, int] = field(default_factory=dict)


def normalize_tag(tag: str, type_map: dict[str, str | None] | Callable[[str], str | None] | None = None,
                  stats: ConllStats | None = None) -> str:
    """``"B-PER" -> "B-PERS"``; unknown or unmapped types become ``O``."""
    tag = tag.strip()
    if not tag or tag == "O" or len(tag) < 3 or tag[1] not in "-_":
        return "O"
    prefix, etype = tag[0].upper(), tag[2:]
    if prefix == "S":
        prefix = "B"
    elif prefix in ("E", "M"):
        prefix = "I"
    if prefix not in ("B", "I"):
        return "O"
    if type_map is None:
        coarse = TYPE_ALIASES.get(etype.upper().rstrip("`'"))
    elif callable(type_map):
        coarse = type_map(etype)
    else:
        coarse = type_map.get(etype)
    if coarse is None:
        if stats is not None and type_map is None:
            stats.unknown_types[etype] = stats.unknown_types.get(etype, 0) + 1
        return "O"
    return f"{prefix}-{coarse}"


def iter_conll(source: str | os.PathLike | Iterable[str],
               type_map: dict[str, str | None] | Callable[[str], str | None] | None = None,
               stats: ConllStats | None = None) -> Iterator[Sentence]:
    """Yield :class:`Sentence` objects from a path or an iterable of lines."""
    if isinstance(source, (str, os.PathLike)) and not (isinstance(source, str) and "\n" in source):
        with open(source, encoding="utf-8") as fh:
            yield from iter_conll(fh, type_map, stats)
        return
    if isinstance(source, str):  # literal text
        source = io.StringIO(source)
    stats = stats if stats is not None else ConllStats()
    tokens: list[str] = []
    tags: list[str] = []

    def flush() -> Sentence | None:
        if not tokens:
            return None
        s = Sentence(list(tokens), _repair_bio(tags))
        stats.sentences += 1
        stats.tokens += len(tokens)
        tokens.clear()
        tags.clear()
        return s

    for raw in source:
        line = raw.translate(_STRIP).rstrip("\n")
        fields = line.split()
        if not fields or fields[0] == "-DOCSTART-":
            s = flush()
            if s:
                yield s
            continue
        if len(fields) == 1:
            stats.untagged_lines += 1
            tokens.append(fields[0])
            tags.append("O")
            continue
        tokens.append(fields[0])
        tags.append(normalize_tag(fields[-1], type_map, stats))
    s = flush()
    if s:
        yield s


def read_conll(source: str | os.PathLike | Iterable[str],
               type_map: dict[str, str | None] | Callable[[str], str | None] | None = None,
               stats: ConllStats | None = None) -> list[Sentence]:
    """All sentences of a CoNLL file (see the module docstring for the format)."""
    return list(iter_conll(source, type_map, stats))


def _repair_bio(tags: list[str]) -> list[str]:
    """Mapping fine classes can leave ``I-X`` after ``O``; make such a tag ``B-X``.

    This is how conlleval reads such a sequence anyway, so scores are unchanged;
    it only keeps training labels well-formed.
    """
    out = list(tags)
    prev = "O"
    for i, t in enumerate(out):
        if t.startswith("I-") and (prev == "O" or prev[2:] != t[2:]):
            out[i] = "B-" + t[2:]
        prev = out[i]
    return out


def to_bilou(tags: Sequence[str]) -> list[str]:
    """BIO -> BILOU (``L-`` last token, ``U-`` single-token entity)."""
    out = []
    n = len(tags)
    for i, t in enumerate(tags):
        if t == "O":
            out.append(t)
            continue
        nxt = tags[i + 1] if i + 1 < n else "O"
        cont = nxt == "I-" + t[2:]
        if t[0] == "B":
            out.append(("B-" if cont else "U-") + t[2:])
        else:
            out.append(("I-" if cont else "L-") + t[2:])
    return out


def from_bilou(tags: Sequence[str]) -> list[str]:
    """BILOU (or BIOES) -> BIO."""
    return [t if t == "O" else ("B-" if t[0] in "BUS" else "I-") + t[2:] for t in tags]


def write_conll(sentences: Iterable[tuple[list[str], list[str]]], fh: io.TextIOBase) -> None:
    for tokens, tags in sentences:
        for tok, tag in zip(tokens, tags):
            fh.write(f"{tok} {tag}\n")
        fh.write("\n")


__all__ = ["ConllStats", "Sentence", "TYPE_ALIASES", "from_bilou", "iter_conll", "normalize_tag", "read_conll",
           "to_bilou", "write_conll"]
