"""Cleaning: keep what a reader needs, drop what the site added.

The cleaned text is the *display text*: every offset Marsad reports indexes
it, and the document id is a hash of it.  Cleaning works line by line and only
removes or trims whole lines, so the author's spelling is never touched:

* boilerplate lines (``lexicons/boilerplate.yaml``: exact lines such as
  "الأكثر قراءة", line prefixes such as "اقرأ أيضا" which also drop the linked
  headline on the next line, and sign-offs such as "/انتهى/");
* a title or lead paragraph repeated at the top (also when the copy differs
  only by Persian letters, diacritics or punctuation — compared in match form);
* markdown and bracket artefacts (``## `` headings, ``[]``, ``**``);
* runs of blank lines collapsed to one, trailing spaces trimmed, CRLF → LF.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from marsad.document import Document, content_id
from marsad.text.normalize import fold

_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
_MD_EMPH = re.compile(r"\*\*|__")
_EMPTY_BRACKETS = re.compile(r"\[\s*\]|\(\s*\)")
_PUNCT = re.compile(r"[^\w\s]|_")


@dataclass
class BoilerplateRules:
    """Line-level boilerplate patterns, loaded from a YAML lexicon."""

    exact: set[str] = field(default_factory=set)
    prefixes: list[str] = field(default_factory=list)
    prefixes_with_next: list[str] = field(default_factory=list)
    patterns: list[re.Pattern[str]] = field(default_factory=list)

    @classmethod
    def from_yaml(cls, text: str) -> "BoilerplateRules":
        data = yaml.safe_load(text) or {}
        return cls(
            exact={_key(x) for x in data.get("exact_lines", [])},
            prefixes=[_key(x) for x in data.get("line_prefixes", [])],
            prefixes_with_next=[_key(x) for x in data.get("line_prefixes_with_next", [])],
            patterns=[re.compile(p) for p in data.get("line_patterns", [])],
        )

    def is_boilerplate(self, line: str) -> bool:
        key = _key(line)
        if not key:
            return False
        if key in self.exact:
            return True
        if any(key.startswith(p) for p in self.prefixes):
            return True
        if any(key.startswith(p) for p in self.prefixes_with_next):
            return True
        return any(p.search(line) for p in self.patterns)

    def drops_next(self, line: str) -> bool:
        """A "read also" line whose linked headline is on the next line."""
        key = _key(line)
        return any(key == p or key.rstrip(":") == p for p in self.prefixes_with_next)


def _key(line: str) -> str:
    """Comparison key of a line: match form, punctuation removed, spaces collapsed."""
    return " ".join(_PUNCT.sub(" ", fold(line)).split())


@lru_cache(maxsize=1)
def default_rules() -> BoilerplateRules:
    text = resources.files("marsad.lexicons").joinpath("boilerplate.yaml").read_text("utf-8")
    return BoilerplateRules.from_yaml(text)


def _strip_artefacts(line: str) -> str:
    line = _MD_HEADING.sub("", line)
    line = _MD_EMPH.sub("", line)
    line = _EMPTY_BRACKETS.sub("", line)
    return line.rstrip()


def clean_text(raw: str, title: str | None = None, rules: BoilerplateRules | None = None) -> str:
    """Return the cleaned display text of ``raw``."""
    rules = rules or default_rules()
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    lines = [_strip_artefacts(x) for x in raw.split("\n")]
    kept: list[str] = []
    skip_next = False
    for line in lines:
        if skip_next and line.strip():
            skip_next = False
            continue
        if rules.is_boilerplate(line):
            skip_next = rules.drops_next(line)
            continue
        kept.append(line)
    kept = _drop_repeats(kept, title)
    out: list[str] = []
    for line in kept:
        if not line.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line.strip())
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)


def _drop_repeats(lines: list[str], title: str | None) -> list[str]:
    """Drop a headline or lead paragraph repeated near the top.

    Sites often print the headline twice (once in Persian letters on Iranian
    outlets) or the lead paragraph both as a teaser (cut with "...") and in
    full.  Only the first few non-empty lines are compared, in match form; a
    line that is a prefix of a later one up to a trailing ellipsis counts as a
    repeat of it.
    """
    seen: list[str] = []
    if title:
        seen.append(_key(title))
    out: list[str] = []
    nonempty = 0
    for line in lines:
        if not line.strip():
            out.append(line)
            continue
        nonempty += 1
        key = _key(line)
        if nonempty <= 6 and key and any(key == s for s in seen) and out_has_text(out, title):
            continue
        if nonempty <= 6 and line.rstrip().endswith(("...", "…")):
            teaser = _key(line.rstrip().rstrip(".…"))
            # a teaser whose full text follows is dropped when the full line comes
            seen.append("teaser:" + teaser)
        if nonempty <= 6 and seen:
            for s in list(seen):
                if s.startswith("teaser:") and key.startswith(s[7:]) and key != s[7:] and len(s) > 30:
                    # replace the earlier teaser by this full paragraph
                    idx = _find_line(out, s[7:])
                    if idx is not None:
                        del out[idx]
                    seen.remove(s)
        seen.append(key)
        out.append(line)
    return out


def out_has_text(out: list[str], title: str | None) -> bool:
    """A repeat is only dropped once the original is kept (or is the title)."""
    return bool(title) or any(x.strip() for x in out)


def _find_line(out: list[str], key: str) -> int | None:
    for i, line in enumerate(out):
        if _key(line.rstrip().rstrip(".…")) == key:
            return i
    return None


class Cleaner:
    """Pipeline component: ``raw_text`` → ``text`` and the content-hash ``id``."""

    name = "clean"

    def __init__(self, rules: BoilerplateRules | None = None) -> None:
        self.rules = rules

    def __call__(self, doc: Document) -> Document:
        doc.text = clean_text(doc.raw_text, None, self.rules)
        if not doc.title:
            doc.title = first_line(doc.text)
        # always the content hash: a reader's own id is kept in doc.meta
        doc.id = content_id(doc.text)
        return doc


def first_line(text: str) -> str | None:
    for line in text.split("\n"):
        if line.strip():
            return line.strip()[:300]
    return None
