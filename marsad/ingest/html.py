"""HTML pages: decode (respecting the declared charset), extract the main text.

Main-text extraction is trafilatura's (offline: no fetching), which also gives
the title, publication date, canonical URL and site name.  Navigation, menus
and footers are left out; a page with nothing but those is an error.
"""
from __future__ import annotations

import re
from pathlib import Path

from marsad.document import Document
from marsad.ingest import ReadError, ReadOptions
from marsad.ingest.decode import DecodeError, decode_bytes

__all__ = [
    "NO_TEXT",
    "declared_charset",
    "decode_html",
    "extract_html",
    "html_to_text",
    "looks_like_html",
    "read_html",
]

NO_TEXT = "no article text found in HTML"

# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">,
# and <?xml ... encoding="x"?> (XHTML).
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])", re.IGNORECASE | re.DOTALL)
_WORD = re.compile(r"\w+")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_MIN_SENTENCE_WORDS = 5
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first few KB, if any."""
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return m.group(1).decode("ascii") if m else None


def looks_like_html(data: bytes) -> bool:
    """Starts like an HTML document (doctype, <html> or <head>)."""
    return bool(_HTML_START.match(data[:2048].lstrip(b"\xef\xbb\xbf")))


def decode_html(data: bytes, http_charset: str | None = None) -> str:
    """Decode an HTML page: BOM, UTF-8, the HTTP header's then the page's charset, then guesses."""
    declared = http_charset or declared_charset(data)
    return decode_bytes(data, declared=declared)


def _has_sentence(text: str) -> bool:
    """At least one line reads like prose, not a menu of one- or two-word links."""
    return any(len(_WORD.findall(line)) >= _MIN_SENTENCE_WORDS for line in text.splitlines())


def _drop_headline(text: str, title: str | None) -> str:
    """trafilatura puts the page's <h1> first; it duplicates ``title``, so drop it."""
    if not title:
        return text
    first, sep, rest = text.partition("\n")
    if sep and first.strip() == title.strip() and rest.strip():
        return rest.lstrip("\n")
    return text


def extract_html(html: str, url: str | None = None) -> dict[str, str | None] | None:
    """Main text and metadata of an HTML page, or None if it has no article text.

    Returns ``{"text", "title", "published", "url", "source"}``; ``published``
    is ``YYYY-MM-DD``.  Never fetches anything.
    """
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            # Only dates the page states (meta tags, markup, URL); htmldate's
            # extensive search would guess "2023-01-01" from a "© 2023" footer.
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception:  # noqa: BLE001 - trafilatura/lxml on hostile input
        result = None
    text = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if not text or not _has_sentence(text):
        return None
    title = (getattr(result, "title", None) or "").strip() or None
    date = getattr(result, "date", None) or None
    if date and not _DATE.match(date):
        date = None
    return {
        "text": _drop_headline(text, title),
        "title": title,
        "published": date[:10] if date else None,
        "url": (getattr(result, "url", None) or "").strip() or url or None,
        "source": (getattr(result, "sitename", None) or "").strip() or None,
    }


def read_html(path: Path, data: bytes, options: ReadOptions) -> list[Document | ReadError]:
    """One HTML file: a Document with its main text, or a ReadError."""
    name = str(path)
    try:
        html = decode_html(data)
    except DecodeError as exc:
        return [ReadError(name, str(exc))]
    if not html.strip():
        return [ReadError(name, "empty file")]
    found = extract_html(html)
    if found is None:
        return [ReadError(name, NO_TEXT)]
    return [
        Document(
            raw_text=found["text"] or "",
            path=name,
            title=found["title"],
            source=found["source"],
            url=found["url"],
            published=found["published"],
        )
    ]


_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): tags out, blocks on their own lines."""
    if "<" not in fragment:
        import html as _html

        return _html.unescape(fragment).strip()
    try:
        import lxml.html
        from lxml import etree

        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # noqa: BLE001 - unparseable fragment: strip tags crudely
        import html as _html

        return _html.unescape(re.sub(r"<[^>]*>", " ", fragment)).strip()
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("script", "style", "noscript", "template"):
            if el.tail:
                parts.append(el.tail)
            return
        block = tag.lower() in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    lines = (re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
