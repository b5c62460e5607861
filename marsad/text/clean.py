"""Cleaning: keep what a reader needs, drop what the site added.

The cleaned text is the *display text*: every offset Marsad reports indexes
it, and the document id is a hash of it.  Cleaning removes or trims whole lines
and strips a few artefacts; it never rewrites the author's spelling:

* boilerplate lines, from the data file ``lexicons/boilerplate.yaml`` (mined
  from thousands of articles with ``tools/mine_boilerplate.py``): exact lines
  ("/انتهى/", "الأكثر قراءة"), line starts ("الأكثر قراءة الأخبار ايران",
  "رابط الخبر ..."), list headers that also take their list ("اقرأ أيضا" + the
  linked headline, "أقسام" + section names), share/menu strips ("شارك على
  فيسبوك"), narrow regular expressions (sign-offs, e-mail lines, photo
  credits) and tag lists glued to the last line ("... سمات ايران تركيا");
* a headline or lead paragraph repeated near the top — also when the copy
  differs only in Persian letters, diacritics or punctuation — and a teaser
  ("...") whose full paragraph follows; the first / full copy is kept;
* markdown and bracket artefacts: a leading ``## ``, ``**``, empty ``[]`` and
  ``()`` (real brackets such as "(ص)" stay);
* spaces and invisible marks at line ends trimmed, runs of blank lines
  collapsed to one, CRLF → LF.

Lines are compared by their *key*: match form (:mod:`marsad.text.normalize`)
with punctuation removed and spaces collapsed.  Only short lines
(``max_words``) are ever tested against the lexicon, so a news paragraph that
merely contains a boilerplate word is never touched.

Speed (about 10,000 SaudiNewsNet articles a second on one core): one
normalize call per text covers every short line whole and only the first
characters of each paragraph (see :class:`_Keys`); a short line then costs a
set lookup, one anchored regex for all prefixes and one for all patterns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from marsad.document import Document, content_id
from marsad.text.normalize import normalize, normalize_with_map

_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
#: markdown bold: a pair around text, or a marker at a line end.  A lone " ** "
#: inside a line stays: Arabic verse uses it between the two half-lines.
_MD_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_MD_EDGE = re.compile(r"^\s*(?:\*\*\s*)+|(?:\s*\*\*)+\s*$")
_EMPTY_BRACKETS = re.compile(r"[ \t]*(?:\[\s*\]|\(\s*\))")
_PUNCT = re.compile(r"[^\w\s]|_")
#: characters trimmed at both ends of a line: whitespace and invisible marks
_EDGE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"  # what str.isspace() accepts
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)
#: a line ending like this is a sentence, not a headline or a menu item
_SENTENCE_END = (".", "!", "؟", "?", ":", "؛")
#: a listed headline may end in "؟" or "!" ("… هل اقترب موعد القمة؟"); only these end a real sentence
_ITEM_END = (".", ":", "؛")
_ELLIPSIS = ("..", "…")
_NOTHING = re.compile(r"(?!)")


def _key(line: str) -> str:
    """Comparison key of a line: match form, punctuation removed, spaces collapsed."""
    return " ".join(_PUNCT.sub(" ", normalize(line)).split())


def _prefix_regex(keys: list[str]) -> re.Pattern[str]:
    """One anchored regex for many whole-word line starts (longest first)."""
    keys = sorted({k for k in keys if k}, key=len, reverse=True)
    if not keys:
        return _NOTHING
    return re.compile("^(?:" + "|".join(re.escape(k) for k in keys) + ")(?= |$)")


def _glued_regex(keys: list[str]) -> re.Pattern[str]:
    keys = sorted({k for k in keys if k}, key=len, reverse=True)
    if not keys:
        return _NOTHING
    return re.compile("^(?:" + "|".join(re.escape(k) for k in keys) + ")")


@dataclass
class BoilerplateRules:
    """Line-level boilerplate rules, compiled from a YAML lexicon.

    See ``marsad/lexicons/boilerplate.yaml`` for what each field means.
    """

    exact: frozenset[str] = frozenset()
    prefixes: re.Pattern[str] = _NOTHING
    #: prefixes that count only on a line not ending like a sentence
    sections: re.Pattern[str] = _NOTHING
    #: character prefixes tested on lines of any length
    glued: re.Pattern[str] = _NOTHING
    #: header key -> (max_lines, item_max_words) for headers that take a list
    lists: dict[str, tuple[int, int]] = field(default_factory=dict)
    patterns: re.Pattern[str] = _NOTHING
    menu_words: frozenset[str] = frozenset()
    menu_glue: frozenset[str] = frozenset()
    tags: re.Pattern[str] = _NOTHING
    tag_max_words: int = 20
    max_words: int = 20
    repeat_window: int = 8
    repeat_min_words: int = 4
    teaser_min_chars: int = 30

    @classmethod
    def from_yaml(cls, text: str) -> "BoilerplateRules":
        data = yaml.safe_load(text) or {}
        item_default = int(data.get("list_item_max_words", 15))
        lists: dict[str, tuple[int, int]] = {}
        prefixes = [_key(x) for x in data.get("line_prefixes", [])]
        for entry in data.get("line_prefixes_with_next", []):
            if isinstance(entry, str):
                entry = {"prefix": entry}
            header = _key(entry["prefix"])
            lists[header] = (int(entry.get("max_lines", 1)), int(entry.get("item_max_words", item_default)))
            if entry.get("same_line", True):
                prefixes.append(header)
        patterns = [p for p in data.get("line_patterns", []) if p]
        markers = sorted({_key(x) for x in data.get("trailing_tag_markers", [])} - {""}, key=len, reverse=True)
        tags = _NOTHING
        n = int(data.get("tag_max_words", 20))
        if markers:
            # marker at the line start or after a sentence end, then only words
            tags = re.compile(
                r"(?<=[\n.!?؟\"'»)])\s*(?:" + "|".join(re.escape(m) for m in markers)
                + r")\s*:?(?:\s+[^\W_]+){1,%d}\s*$" % n
            )
        return cls(
            exact=frozenset(_key(x) for x in data.get("exact_lines", [])) - {""},
            prefixes=_prefix_regex(prefixes),
            sections=_prefix_regex([_key(x) for x in data.get("section_prefixes", [])]),
            glued=_glued_regex([_key(x) for x in data.get("glued_prefixes", [])]),
            lists=lists,
            patterns=re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else _NOTHING,
            menu_words=frozenset(w for x in data.get("menu_words", []) for w in _key(x).split()),
            menu_glue=frozenset(w for x in data.get("menu_glue", []) for w in _key(str(x)).split()),
            tags=tags,
            tag_max_words=n,
            max_words=int(data.get("max_words", 20)),
            repeat_window=int(data.get("repeat_window", 8)),
            repeat_min_words=int(data.get("repeat_min_words", 4)),
            teaser_min_chars=int(data.get("teaser_min_chars", 30)),
        )

    def verdict(self, key: str, folded: str) -> tuple[int, int] | bool:
        """Is a (short) line boilerplate?  ``(max_lines, item_max_words)`` for a
        list header whose following lines go too, else True / False.

        ``key`` is the line's key, ``folded`` its match form with punctuation.
        """
        if key in self.lists:
            return self.lists[key]
        if key in self.exact or self.prefixes.match(key) or self.glued.match(key) or self.patterns.search(folded):
            return True
        if self.sections.match(key) and not folded.endswith(_SENTENCE_END):
            return True
        return self._is_menu(key)

    def _is_menu(self, key: str) -> bool:
        strong = False
        for w in key.split():
            if w in self.menu_words or (w[0] == "و" and w[1:] in self.menu_words):
                strong = True
            elif not (w in self.menu_glue or w.isdigit()):
                return False
        return strong

    def is_boilerplate(self, line: str) -> bool:
        """Would ``line`` on its own be dropped as boilerplate?"""
        line = _strip_artefacts(line).strip(_EDGE)
        key = _key(line)
        if not key:
            return False
        if key.count(" ") >= self.max_words:
            return bool(self.glued.match(key))
        return bool(self.verdict(key, normalize(line).strip()))


@lru_cache(maxsize=1)
def default_rules() -> BoilerplateRules:
    text = resources.files("marsad.lexicons").joinpath("boilerplate.yaml").read_text("utf-8")
    return BoilerplateRules.from_yaml(text)


def _strip_artefacts(line: str) -> str:
    if "#" in line:
        line = _MD_HEADING.sub("", line)
    if "**" in line:
        line = _MD_EDGE.sub("", _MD_BOLD.sub(r"\1", line))
    if "[" in line or "(" in line:
        line = _EMPTY_BRACKETS.sub("", line)
    return line


def clean_text(raw: str, title: str | None = None, rules: BoilerplateRules | None = None) -> str:
    """Return the cleaned display text of ``raw``.

    ``title`` (the headline from metadata, if any) is accepted for API
    compatibility but does not remove anything: the text's own first copy of
    the headline is kept so that the display text reads as the article, and
    later copies go like any repeat.
    """
    rules = rules or default_rules()
    lines = [_strip_artefacts(x).strip(_EDGE) for x in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    # a line of max_words + 10 space-separated tokens or more is a paragraph: its
    # key has fewer words only if 10 tokens are bare punctuation (it is kept then)
    keys = _Keys(lines, rules.max_words + 10)
    keep = _drop_boilerplate(lines, keys, rules)
    _drop_repeats(lines, keys, keep, rules)
    out: list[str] = []
    for line, k in zip(lines, keep):
        if not k:
            continue
        if line:
            out.append(line)
        elif out and out[-1]:
            out.append("")
    if out:
        out[-1] = _cut_tags(out[-1], rules)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


class _Keys:
    """Line keys for one text, computed with as little normalizing as possible.

    Normalizing is the costly step, and most of a text is paragraphs far
    longer than any boilerplate line (``long_tokens`` space-separated tokens
    or more).  One call normalizes every short line whole and only the first
    ``HEAD`` characters of each long one: all that any rule needs from it (a
    glued list's start, a repeat signature).  A long line is normalized in
    full only when a repeat candidate or a teaser needs its whole key.
    """

    HEAD = 64

    def __init__(self, lines: list[str], long_tokens: int) -> None:
        self.lines = lines
        self.whole = [x.count(" ") < long_tokens for x in lines]
        heads = [x if w else x[: self.HEAD] for x, w in zip(lines, self.whole)]
        joined = normalize("\n".join(heads))
        folded = joined.split("\n")
        if len(folded) != len(lines):  # cannot happen with the current rules; stay safe
            joined = "\n".join(normalize(x) for x in heads)
            folded = joined.split("\n")
        self._head = folded
        self._unpunct = _PUNCT.sub(" ", joined).split("\n")  # keys before space collapsing
        self._keys: dict[int, str] = {}

    def folded(self, i: int) -> str:
        """Match form of line ``i`` (punctuation kept)."""
        return self._head[i] if self.whole[i] else normalize(self.lines[i])

    def __getitem__(self, i: int) -> str:
        """The key of line ``i``."""
        k = self._keys.get(i)
        if k is None:
            text = self._unpunct[i] if self.whole[i] else _PUNCT.sub(" ", self.folded(i))
            k = self._keys[i] = " ".join(text.split())
        return k

    def head(self, i: int) -> str:
        """The key of the line's first HEAD characters (its last word may be cut)."""
        if self.whole[i]:
            return self[i]
        return " ".join(self._unpunct[i].split())

    def signature(self, i: int) -> str:
        """The key's first 4 words: equal keys have equal signatures."""
        words = self.head(i).split()
        if len(words) > 4 or self.whole[i]:  # then the first 4 are whole words
            return " ".join(words[:4])
        return " ".join(self[i].split()[:4])


def _drop_boilerplate(lines: list[str], keys: _Keys, rules: BoilerplateRules) -> list[bool]:
    """Which lines to keep (blank lines are kept; the output collapses them)."""
    keep = [True] * len(lines)
    list_left = 0  # lines a list header may still take
    item_max = 0
    taken = 0
    for i, line in enumerate(lines):
        if not line:
            if taken:  # a blank line ends a list once it has items
                list_left = 0
            continue
        if not keys.whole[i]:
            list_left = 0
            if rules.glued.match(keys.head(i)):
                keep[i] = False
            continue
        key = keys[i]
        if not key:  # punctuation only ("***", "|", "...")
            keep[i] = False
            continue
        words = key.count(" ") + 1
        if list_left:
            if words <= item_max and not line.endswith(_ITEM_END):
                keep[i] = False
                list_left -= 1
                taken += 1
                continue
            list_left = 0
        if words > rules.max_words:
            if rules.glued.match(key):
                keep[i] = False
            continue
        verdict = rules.verdict(key, keys.folded(i).strip())
        if verdict:
            keep[i] = False
            if verdict is not True:
                list_left, item_max = verdict
                taken = 0
    return keep


def _drop_repeats(lines: list[str], keys: _Keys, keep: list[bool], rules: BoilerplateRules) -> None:
    """Drop a headline / lead paragraph repeated near the top, and a teaser.

    Among the first ``repeat_window`` kept non-empty lines: a line whose key
    equals an earlier one's (and has ``repeat_min_words`` words or more) is a
    repeat; a line ending in an ellipsis whose key is a prefix of a later
    line's key is a teaser of that paragraph.  The first / full copy stays.
    """
    head = [i for i, line in enumerate(lines) if line and keep[i]][: rules.repeat_window]
    seen: dict[str, list[int]] = {}  # signature -> earlier kept head lines
    for pos, i in enumerate(head):
        sig = keys.signature(i)
        earlier = seen.setdefault(sig, [])
        if earlier and any(keys[j] == keys[i] for j in earlier) and keys[i].count(" ") + 1 >= rules.repeat_min_words:
            keep[i] = False
            continue
        if lines[i].endswith(_ELLIPSIS) and len(keys[i]) >= rules.teaser_min_chars:
            key = keys[i]
            if any(len(keys[j]) > len(key) and keys[j].startswith(key) for j in head[pos + 1 :]):
                keep[i] = False
                continue
        earlier.append(i)


#: the last punctuation mark of a line and the words after it (invisible marks
#: and Arabic diacritics count as neither)
_SOFT = "\u064b-\u065f\u0670\u06d6-\u06ed\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad"
_TAIL = re.compile(rf"[^\w\s{_SOFT}][\w\s{_SOFT}]*$")


def _cut_tags(line: str, rules: BoilerplateRules) -> str:
    """Cut a tag list glued to the end of the last line ("... تلك. سمات ايران تركيا").

    A tag list holds words only, so it lies after the line's last punctuation
    mark: only that tail is normalized, with a "\n" standing for the line start
    when the line has no punctuation at all.
    """
    m = _TAIL.search(line)
    cut = m.start() if m else 0
    tail = line[cut:]
    if tail.count(" ") > rules.tag_max_words + 3:
        return line
    norm, mapping = normalize_with_map(tail)
    if not m:
        norm = "\n" + norm
    found = rules.tags.search(norm)
    if not found:
        return line
    pos = found.start() - (0 if m else 1)
    start = cut + (mapping[pos] if mapping else pos)
    return line[:start].rstrip(_EDGE)


class Cleaner:
    """Pipeline component: ``raw_text`` → ``text`` and the content-hash ``id``."""

    name = "clean"

    def __init__(self, rules: BoilerplateRules | None = None) -> None:
        self.rules = rules

    def __call__(self, doc: Document) -> Document:
        doc.text = clean_text(doc.raw_text, None, self.rules)
        signoff = removed_tail(doc.raw_text, doc.text)
        if signoff:
            doc.meta["signoff"] = signoff
        if not doc.title:
            doc.title = first_line(doc.text)
        # always the content hash: a reader's own id is kept in doc.meta
        doc.id = content_id(doc.text)
        return doc


def removed_tail(raw: str, text: str, lines: int = 4) -> str | None:
    """The last lines of ``raw`` that cleaning removed ("/انتهى/", "(واس)").

    A sign-off is boilerplate for the reader but names the outlet whose copy
    this is; the store keeps it (``documents.signoff``) for outlet profiles.
    """
    tail = [x.strip() for x in raw[-2000:].splitlines() if x.strip()][-lines:]
    gone = [x for x in tail if x not in text]
    return "\n".join(gone) if gone else None


def first_line(text: str) -> str | None:
    for line in text.split("\n"):
        if line.strip():
            return line.strip()[:300]
    return None
