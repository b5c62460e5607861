"""Which outlet published a document, and how each outlet frames the news.

:func:`outlet_of` names the outlet of a stored document (a row of the
``documents`` table, a dict in the JSON contract, or a
:class:`~marsad.document.Document`), from the evidence listed in
``marsad/lexicons/outlets.yaml``: the ``source`` field, the URL host, a
sign-off or byline in the text ("/انتهى/", "(رويترز)", "(واس)"), and for
plain-text files the sign-off lines that cleaning removed from the stored text.

:func:`frames_profile` sums the ``frames`` table (or re-tags the stored text
with the current lexicon) per outlet or per document: articles, tags per
frame, the rate per article and the most frequent terms.  It reads the store
with SQL and never writes to it.
"""
from __future__ import annotations

import os
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from marsad.corpus.store import date_range
from marsad.text.normalize import normalize

OUTLETS_FILE = Path(__file__).resolve().parent.parent / "lexicons" / "outlets.yaml"

#: characters of the text searched by head / tail rules
HEAD_CHARS = 400
TAIL_CHARS = 300
#: bytes of a raw file read at each end when looking for a removed sign-off
FILE_EDGE_BYTES = 4096
_TEXT_SUFFIXES = {".txt", ".text", ".md", ""}

UNKNOWN = "(unknown)"


class OutletRulesError(ValueError):
    """outlets.yaml is malformed."""


@dataclass(frozen=True)
class SignOff:
    pattern: re.Pattern[str]
    outlet: str
    where: str  # head | tail | any
    note: str = ""


@dataclass(frozen=True)
class OutletRules:
    hosts: dict[str, str]
    signoffs: tuple[SignOff, ...]

    def host_outlet(self, url: str | None) -> str | None:
        """The outlet named by a URL's host (listed parent domain, else the bare host)."""
        if not url or not isinstance(url, str):
            return None
        try:
            host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
        except ValueError:
            return None
        if not host:
            return None
        parts = host.split(".")
        for i in range(len(parts) - 1):
            name = self.hosts.get(".".join(parts[i:]))
            if name:
                return name
        return host[4:] if host.startswith("www.") else host

    def signoff_outlet(self, text: str | None) -> str | None:
        """The outlet named by a sign-off or byline in ``text`` (display or raw)."""
        if not text:
            return None
        head = normalize(text[:HEAD_CHARS])
        tail = normalize(text[-TAIL_CHARS:])
        whole: str | None = None
        for rule in self.signoffs:
            if rule.where == "head":
                hay = head
            elif rule.where == "tail":
                hay = tail
            else:
                if whole is None:
                    whole = normalize(text)
                hay = whole
            if rule.pattern.search(hay):
                return rule.outlet
        return None


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _fold_pattern(pattern: str) -> str:
    """Fold the Arabic of a regex like the text; leave ASCII regex syntax alone."""
    return _NON_ASCII.sub(lambda m: normalize(m.group(0)), pattern)


def load_outlet_rules(path: str | Path | None = None) -> OutletRules:
    """Read outlets.yaml (the shipped one by default; cached)."""
    return _load_rules(str(path or OUTLETS_FILE))


@lru_cache(maxsize=8)
def _load_rules(path: str) -> OutletRules:
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise OutletRulesError(f"{path}: {exc}") from exc
    hosts = {str(k).lower().strip(): str(v) for k, v in (data.get("hosts") or {}).items()}
    rules = []
    for n, r in enumerate(data.get("signoffs") or [], 1):
        if not isinstance(r, dict) or not r.get("pattern") or not r.get("outlet"):
            raise OutletRulesError(f"{path}: signoff {n}: needs 'pattern' and 'outlet'")
        where = r.get("where", "any")
        if where not in ("head", "tail", "any"):
            raise OutletRulesError(f"{path}: signoff {n}: 'where' must be head, tail or any")
        try:
            rx = re.compile(_fold_pattern(str(r["pattern"])), re.MULTILINE)
        except re.error as exc:
            raise OutletRulesError(f"{path}: signoff {n}: bad pattern ({exc})") from exc
        rules.append(SignOff(rx, str(r["outlet"]), where, str(r.get("note") or "")))
    return OutletRules(hosts, tuple(rules))


def _get(doc: Any, key: str) -> Any:
    if isinstance(doc, sqlite3.Row):
        return doc[key] if key in doc.keys() else None
    if isinstance(doc, Mapping):
        return doc.get(key)
    return getattr(doc, key, None)


def _file_edges(path: str) -> str | None:
    """The first and last few KB of a plain-text file (where sign-offs are)."""
    p = Path(path)
    if p.suffix.lower() not in _TEXT_SUFFIXES:
        return None
    try:
        size = p.stat().st_size
        with open(p, "rb") as fh:
            if size <= 2 * FILE_EDGE_BYTES:
                data = fh.read()
            else:
                head = fh.read(FILE_EDGE_BYTES)
                fh.seek(size - FILE_EDGE_BYTES)
                data = head + b"\n" + fh.read()
    except OSError:
        return None
    return data.decode("utf-8", errors="ignore")


def resolve_outlet(doc: Any, rules: OutletRules | None = None, read_files: bool = True) -> tuple[str | None, str | None]:
    """``(outlet, basis)``: basis is ``source``, ``url``, ``signoff``, ``file-signoff`` or None."""
    rules = rules or load_outlet_rules()
    source = _get(doc, "source")
    if isinstance(source, str) and source.strip():
        return source.strip(), "source"
    name = rules.host_outlet(_get(doc, "url"))
    if name:
        return name, "url"
    text = _get(doc, "text") or _get(doc, "raw_text")
    name = rules.signoff_outlet(text if isinstance(text, str) else None)
    if name:
        return name, "signoff"
    signoff = _get(doc, "signoff") or (_get(doc, "meta") or {}).get("signoff")
    if isinstance(signoff, str) and signoff:
        name = rules.signoff_outlet(signoff)
        if name:
            return name, "signoff"
    raw = _get(doc, "raw_text")
    if isinstance(raw, str) and raw and raw != text:
        name = rules.signoff_outlet(raw)
        if name:
            return name, "signoff"
    path = _get(doc, "path")
    if read_files and isinstance(path, str) and path and os.path.isfile(path):
        name = rules.signoff_outlet(_file_edges(path))
        if name:
            return name, "file-signoff"
    return None, None


def outlet_of(document_row: Any, rules: OutletRules | None = None, read_files: bool = True) -> str | None:
    """The outlet of a document: source field, else URL host, else a sign-off.

    ``document_row`` is a row of the ``documents`` table (``sqlite3.Row``), a
    dict in the JSON contract or a :class:`~marsad.document.Document`.  None
    when nothing names the outlet.
    """
    return resolve_outlet(document_row, rules, read_files)[0]


class OutletResolver:
    """Outlets of stored documents by id, looked up once each (exports, profiles)."""

    def __init__(self, db: sqlite3.Connection, rules: OutletRules | None = None, read_files: bool = True) -> None:
        self.db = db
        self.rules = rules or load_outlet_rules()
        self.read_files = read_files
        self._cache: dict[str, str | None] = {}

    def __call__(self, doc_id: str, source: str | None = None, url: str | None = None, path: str | None = None,
                 text: str | None = None) -> str | None:
        if doc_id in self._cache:
            return self._cache[doc_id]
        row: dict[str, Any] = {"source": source, "url": url, "path": path, "text": text}
        if not (source and source.strip()) and not url and text is None:
            got = self.db.execute("SELECT text, path, signoff FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if got is not None:
                row["text"], row["path"], row["signoff"] = got[0], path or got[1], got[2]
        name = outlet_of(row, self.rules, self.read_files)
        self._cache[doc_id] = name
        return name


# ----------------------------------------------------------------------------- profiles

def _date_filter(column: str, since: str | None, until: str | None) -> tuple[str, list[Any]]:
    clauses, params = date_range(column, since, until)
    return " AND ".join(clauses), params


def frames_profile(
    db: sqlite3.Connection,
    by: str = "source",
    retag: bool = False,
    lexicon: Any = None,
    since: str | None = None,
    until: str | None = None,
    top: int = 10,
    read_files: bool = True,
) -> list[dict[str, Any]]:
    """Frame counts per outlet (``by="source"``) or per document (``by="document"``).

    Per outlet: ``outlet``, ``basis`` (how the outlet was known, with counts),
    ``articles``, ``articles_with_frames``, ``tags``, ``quoted`` (tags inside a
    stored quote's span: the speaker's words rather than the outlet's),
    ``frames`` (per frame: ``count``, ``articles``, ``per_article``, ``share``
    of the outlet's tags, ``quoted``),
    ``top_terms`` (``term`` = the lexicon entry, ``frame``, ``count``,
    ``forms`` as written) and ``lean`` (the frame with the highest rate).
    Outlets are sorted by articles, then name.

    ``retag``: tag the stored text with the current lexicon instead of reading
    the ``frames`` table (documents stored before the tagger existed, or after
    editing the lexicon).
    """
    if by not in ("source", "document"):
        raise ValueError(f"by must be 'source' or 'document', not {by!r}")
    from marsad.extract.frames import default_lexicon

    lex = lexicon or default_lexicon()
    where, params = _date_filter("published", since, until)
    sql = ("SELECT id, path, title, source, url, published,"
           " CASE WHEN (source IS NULL OR trim(source) = '') AND (url IS NULL OR url = '') THEN text END AS text,"
           " signoff FROM documents")
    if retag:
        sql = "SELECT id, path, title, source, url, published, text, signoff FROM documents"
    if where:
        sql += " WHERE " + where
    sql += " ORDER BY published, id"
    docs = db.execute(sql, params).fetchall()
    rules = load_outlet_rules()

    wanted = {d[0] for d in docs}
    # quote spans: a tag inside a quotation is the speaker's word, not the outlet's
    quotes: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc_id, qs, qe in db.execute("SELECT doc_id, start, end FROM quotes WHERE start IS NOT NULL AND end > start"):
        if doc_id in wanted:
            quotes[doc_id].append((qs, qe))

    def quoted(doc_id: str, start: Any, end: Any) -> bool:
        return start is not None and any(qs <= start and end <= qe for qs, qe in quotes.get(doc_id, ()))

    tags: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)  # doc id -> [(term, frame, quoted)]
    if retag:
        from marsad.text.segment import tokenize

        for d in docs:
            text = d[6] or ""
            tags[d[0]] = [(text[m.start:m.end], m.entry.frame, quoted(d[0], m.start, m.end))
                          for m in lex.find(tokenize(text))]
    else:
        for doc_id, term, frame, start, end in db.execute(
                "SELECT doc_id, term, frame, start, end FROM frames ORDER BY doc_id, idx"):
            if doc_id in wanted:
                tags[doc_id].append((term, frame, quoted(doc_id, start, end)))

    def row_of(d: Any) -> dict[str, Any]:
        return {"id": d[0], "path": d[1], "title": d[2], "source": d[3], "url": d[4], "published": d[5], "text": d[6],
                "signoff": d[7]}

    if by == "document":
        out = []
        for d in docs:
            outlet, basis = resolve_outlet(row_of(d), rules, read_files)
            counts = Counter(f for _, f, _ in tags.get(d[0], []))
            out.append({
                "id": d[0], "title": d[2], "published": d[5], "outlet": outlet or UNKNOWN, "basis": basis,
                "tags": sum(counts.values()), "quoted": sum(1 for t in tags.get(d[0], []) if t[2]),
                "frames": dict(counts.most_common()),
                "terms": _top_terms(lex, tags.get(d[0], []), top),
            })
        return out

    groups: dict[str, dict[str, Any]] = {}
    for d in docs:
        outlet, basis = resolve_outlet(row_of(d), rules, read_files)
        key = outlet or UNKNOWN
        g = groups.setdefault(key, {"outlet": key, "basis": Counter(), "articles": 0, "articles_with_frames": 0,
                                    "_counts": Counter(), "_quoted": Counter(), "_articles": Counter(), "_terms": []})
        g["basis"][basis or "none"] += 1
        g["articles"] += 1
        doc_tags = tags.get(d[0], [])
        if doc_tags:
            g["articles_with_frames"] += 1
        g["_counts"].update(f for _, f, _ in doc_tags)
        g["_quoted"].update(f for _, f, q in doc_tags if q)
        g["_articles"].update({f for _, f, _ in doc_tags})
        g["_terms"].extend(doc_tags)

    out = []
    for g in groups.values():
        counts: Counter = g.pop("_counts")
        arts: Counter = g.pop("_articles")
        inq: Counter = g.pop("_quoted")
        terms = g.pop("_terms")
        total = sum(counts.values())
        g["basis"] = dict(g["basis"])
        g["tags"] = total
        g["quoted"] = sum(inq.values())
        g["frames"] = {
            f: {"count": c, "articles": arts[f], "per_article": round(c / g["articles"], 3),
                "share": round(c / total, 3) if total else 0.0, "quoted": inq[f]}
            for f, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        }
        g["lean"] = next(iter(g["frames"]), None)
        g["top_terms"] = _top_terms(lex, terms, top)
        out.append(g)
    out.sort(key=lambda g: (g["outlet"] == UNKNOWN, -g["articles"], g["outlet"]))
    return out


def _top_terms(lex: Any, tags: Iterable[tuple[str, str, bool]], top: int) -> list[dict[str, Any]]:
    """Most frequent lexicon entries among ``tags``, with the forms as written."""
    counts: Counter = Counter()
    forms: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for term, frame, _ in tags:
        entry = lex.entry_of(term)
        name = entry.term if entry is not None and entry.frame == frame else term
        counts[(name, frame)] += 1
        forms[(name, frame)][term] += 1
    return [
        {"term": name, "frame": frame, "count": c, "forms": [t for t, _ in forms[(name, frame)].most_common()]}
        for (name, frame), c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    ]


def format_profile(profile: list[dict[str, Any]], frames_order: list[str] | None = None) -> str:
    """A plain-text report of :func:`frames_profile` (by source)."""
    if not profile:
        return "no documents stored"
    present: list[str] = []
    for g in profile:
        for f in g["frames"]:
            if f not in present:
                present.append(f)
    if frames_order:
        present = [f for f in frames_order if f in present] + [f for f in present if f not in frames_order]
    lines = []
    width = max(12, *(min(40, len(g["outlet"])) for g in profile))
    col = max([len(f) for f in present] + [8])
    if present:
        lines.append("tags per article")
        lines.append(f"{'outlet':<{width}}  {'articles':>8}  " + "  ".join(f"{f:>{col}}" for f in present))
        for g in profile:
            cells = "  ".join(f"{g['frames'].get(f, {}).get('per_article', 0):>{col}.2f}" for f in present)
            lines.append(f"{g['outlet'][:40]:<{width}}  {g['articles']:>8}  {cells}")
        lines.append("")
    for g in profile:
        basis = ", ".join(f"{k} {v}" for k, v in g["basis"].items())
        lines.append(f"{g['outlet']}: {g['articles']} articles ({g['articles_with_frames']} with frames), "
                     f"{g['tags']} tags ({g['quoted']} inside quotes)   [outlet from: {basis}]")
        for f, s in g["frames"].items():
            lines.append(f"  {f:<{col}}  {s['count']:>5}  {s['per_article']:>6.2f}/article  "
                         f"in {s['articles']} articles  {100 * s['share']:>5.1f}% of tags  {s['quoted']} quoted")
        if g["top_terms"]:
            lines.append("  top terms: " + "، ".join(f"{t['term']} ×{t['count']} ({t['frame']})" for t in g["top_terms"]))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def format_documents(rows: list[dict[str, Any]]) -> str:
    """A plain-text report of :func:`frames_profile` (by document)."""
    if not rows:
        return "no documents stored\n"
    lines = []
    for r in rows:
        fr = ", ".join(f"{f} {c}" for f, c in r["frames"].items()) or "-"
        lines.append(f"{r['published'] or '????-??-??'}  {r['id']}  {r['outlet']}  {r['title'] or ''}")
        lines.append(f"    {fr}")
        if r["terms"]:
            lines.append("    " + "، ".join(f"{t['term']} ×{t['count']}" for t in r["terms"]))
    return "\n".join(lines) + "\n"


__all__ = [
    "OUTLETS_FILE", "OutletResolver", "OutletRules", "OutletRulesError", "UNKNOWN", "format_documents",
    "format_profile", "frames_profile", "load_outlet_rules", "outlet_of", "resolve_outlet",
]
