"""Readers: every format in, Documents (or ReadErrors naming the file) out."""
from __future__ import annotations

import gzip
import io
import json
import os
import random
import time
from pathlib import Path

import pytest

from marsad.document import Document
from marsad.ingest import ReadError, ReadOptions, iter_files, read_file, read_paths
from marsad.ingest.decode import DecodeError, decode_bytes
from marsad.ingest.jsonl import normalize_published

SAUDINEWSNET = Path("/work/shared/eval/news_corpus/saudinewsnet/jsonl")

# A short article written for these tests, in the style of Arabic wire copy.
ARTICLE = (
    "استقبل وزير الخارجية العراقي فؤاد حسين في بغداد يوم الأحد نظيره الإيراني، "
    "وبحث الجانبان العلاقات الثنائية وسبل تعزيز التعاون الاقتصادي بين البلدين.\n"
    "وقال الوزير العراقي في مؤتمر صحفي مشترك إن «العراق حريص على علاقات متوازنة مع جميع جيرانه»، "
    "مضيفا أن الزيارة تأتي في إطار التشاور المستمر بين الحكومتين.\n"
    "من جانبه، أكد الوزير الإيراني أن بلاده تدعم استقرار العراق وسيادته، "
    "داعيا إلى انسحاب القوات الأجنبية من المنطقة.\n"
)
LEAD = "استقبل وزير الخارجية العراقي فؤاد حسين في بغداد"
SECOND = "وقال الوزير العراقي في مؤتمر صحفي مشترك"
TITLE = "وزير الخارجية العراقي يستقبل نظيره الإيراني في بغداد"
OTHER = (
    "أعلنت وزارة الصحة السعودية اليوم عن افتتاح مستشفى جديد في الرياض بسعة خمسمئة سرير، "
    "وقال المتحدث باسم الوزارة إن المشروع يأتي ضمن خطة لتطوير الخدمات الصحية في المملكة."
)


def docs(results: list) -> list[Document]:
    return [r for r in results if isinstance(r, Document)]


def errors(results: list) -> list[ReadError]:
    return [r for r in results if isinstance(r, ReadError)]


def read(path: Path, **options) -> list:
    return list(read_file(path, ReadOptions(**options)))


def only_doc(path: Path, **options) -> Document:
    results = read(path, **options)
    assert len(results) == 1, results
    assert isinstance(results[0], Document), str(results[0])
    return results[0]


def only_error(path: Path, **options) -> ReadError:
    results = read(path, **options)
    assert len(results) == 1, results
    assert isinstance(results[0], ReadError), results[0]
    assert str(path) in str(results[0])
    return results[0]


def html_page(body: str = ARTICLE, charset: str = "utf-8", date: str | None = "2023-12-04") -> str:
    paragraphs = "".join(f"<p>{line}</p>\n" for line in body.splitlines() if line.strip())
    date_meta = f'<meta property="article:published_time" content="{date}T10:30:00+03:00">' if date else ""
    # htmldate also reads a date out of the URL, so a page without one has a plain URL.
    canonical = "https://news.example.iq/politics/2023/12/04/visit" if date else "https://news.example.iq/politics/visit"
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="{charset}">
<title>{TITLE} - وكالة الأنباء</title>
<meta property="og:site_name" content="وكالة الأنباء العراقية">
{date_meta}
<link rel="canonical" href="{canonical}">
</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li>
<li><a href="/economy">اقتصاد</a></li><li><a href="/sport">رياضة</a></li></ul></nav>
<div class="share">شارك الخبر</div>
<article><h1>{TITLE}</h1>
{paragraphs}</article>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/a">خبر آخر</a></li></ul></aside>
<footer>جميع الحقوق محفوظة © 2023</footer>
</body></html>
"""


# --------------------------------------------------------------------- decoding


class TestDecode:
    def test_utf8_and_boms(self):
        for encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-32"):
            assert decode_bytes(ARTICLE.encode(encoding)) == ARTICLE

    def test_utf16_without_bom(self):
        assert decode_bytes(ARTICLE.encode("utf-16-le")) == ARTICLE
        assert decode_bytes(ARTICLE.encode("utf-16-be")) == ARTICLE

    def test_windows_1256(self):
        assert decode_bytes(ARTICLE.encode("cp1256")) == ARTICLE

    def test_declared_charset_is_tried(self):
        assert decode_bytes("Ünïcödé façade".encode("latin-1"), declared="iso-8859-1") == "Ünïcödé façade"

    def test_binary(self):
        rng = random.Random(1)
        noise = bytes(rng.randrange(256) for _ in range(4000))
        for data in (b"\x89PNG\r\n\x1a\n" + noise, b"%PDF-1.7\n" + noise, noise, b"abc\x00\x01\x02\x03" * 50):
            with pytest.raises(DecodeError, match="binary file, not text"):
                decode_bytes(data)

    def test_normalize_published(self):
        assert normalize_published("2015-08-08 12:00:00") == "2015-08-08"
        assert normalize_published("2015-08-08T12:00:00Z") == "2015-08-08"
        assert normalize_published("2015-08-08") == "2015-08-08"
        assert normalize_published("الأحد 4 ديسمبر 2023") == "الأحد 4 ديسمبر 2023"
        assert normalize_published("") is None
        assert normalize_published(None) is None


# ------------------------------------------------------------------------- text


class TestText:
    def test_utf8(self, tmp_path):
        f = tmp_path / "a.txt"
        f.write_text(ARTICLE, encoding="utf-8")
        d = only_doc(f)
        assert d.raw_text == ARTICLE
        assert d.path == str(f)

    def test_windows_1256(self, tmp_path):
        f = tmp_path / "old.txt"
        f.write_bytes(ARTICLE.encode("cp1256"))
        assert only_doc(f).raw_text == ARTICLE

    @pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"])
    def test_unicode_encodings(self, tmp_path, encoding):
        f = tmp_path / "u.txt"
        f.write_bytes(ARTICLE.encode(encoding))
        assert only_doc(f).raw_text == ARTICLE

    def test_empty(self, tmp_path):
        for name, data in (("empty.txt", b""), ("blank.txt", b"  \n\t\n"), ("bom.txt", "\ufeff \n".encode())):
            f = tmp_path / name
            f.write_bytes(data)
            assert "empty file" in only_error(f).reason

    def test_binary(self, tmp_path):
        f = tmp_path / "image.txt"
        f.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2048))
        assert "binary file, not text" in only_error(f).reason

    def test_too_large(self, tmp_path):
        f = tmp_path / "big.txt"
        f.write_text(ARTICLE * 20, encoding="utf-8")
        e = only_error(f, max_bytes=1000)
        assert "file too large" in e.reason and "limit" in e.reason
        assert only_doc(f, max_bytes=1_000_000).raw_text == ARTICLE * 20

    def test_missing(self, tmp_path):
        missing = tmp_path / "nope.txt"
        e = only_error(missing)
        assert e.reason == "no such file"
        results = list(read_paths([missing, tmp_path / "nodir"]))
        assert [r.reason for r in results] == ["no such file", "no such file"]

    def test_unknown_suffix(self, tmp_path):
        f = tmp_path / "article.md"
        f.write_text(ARTICLE, encoding="utf-8")
        assert only_doc(f).raw_text == ARTICLE
        b = tmp_path / "blob.bin"
        b.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(512))
        assert "unsupported file type" in only_error(b).reason


# ------------------------------------------------------------------------- HTML


class TestHtml:
    def test_main_text_and_metadata(self, tmp_path):
        f = tmp_path / "page.html"
        f.write_text(html_page(), encoding="utf-8")
        d = only_doc(f)
        assert LEAD in d.raw_text and SECOND in d.raw_text
        assert "الرئيسية" not in d.raw_text and "جميع الحقوق" not in d.raw_text
        assert d.title and TITLE in d.title
        assert d.published == "2023-12-04"
        assert d.url == "https://news.example.iq/politics/2023/12/04/visit"
        assert d.source == "وكالة الأنباء العراقية"
        assert d.path == str(f)

    def test_windows_1256_page(self, tmp_path):
        f = tmp_path / "old.htm"
        f.write_bytes(html_page(charset="windows-1256").replace("©", "").encode("cp1256"))
        d = only_doc(f)
        assert LEAD in d.raw_text
        assert d.title and TITLE in d.title

    def test_http_equiv_charset(self, tmp_path):
        page = html_page().replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">')
        f = tmp_path / "equiv.html"
        f.write_bytes(page.replace("©", "").encode("cp1256"))
        assert LEAD in only_doc(f).raw_text

    def test_truncated(self, tmp_path):
        page = html_page()
        f = tmp_path / "cut.html"
        f.write_text(page[: page.index("من جانبه") + 12], encoding="utf-8")
        d = only_doc(f)
        assert LEAD in d.raw_text and SECOND in d.raw_text

    def test_broken_markup(self, tmp_path):
        f = tmp_path / "broken.html"
        f.write_text("<html><body><div><p>" + ARTICLE.replace("\n", "<p>") + "</div></span></b>", encoding="utf-8")
        assert LEAD in only_doc(f).raw_text

    def test_no_article_text(self, tmp_path):
        f = tmp_path / "nav.html"
        f.write_text(
            "<html><head><title>الرئيسية</title></head><body><nav><ul><li><a href='/'>الرئيسية</a></li>"
            "<li><a href='/p'>سياسة</a></li></ul></nav><footer>اتصل بنا</footer></body></html>",
            encoding="utf-8",
        )
        assert only_error(f).reason == "no article text found in HTML"

    def test_no_date(self, tmp_path):
        f = tmp_path / "nodate.html"
        f.write_text(html_page(date=None), encoding="utf-8")
        assert only_doc(f).published is None


# ------------------------------------------------------------------------ JSONL


def write_jsonl(path: Path, rows: list) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write((row if isinstance(row, str) else json.dumps(row, ensure_ascii=False)) + "\n")


class TestJsonl:
    def test_standard_fields(self, tmp_path):
        f = tmp_path / "a.jsonl"
        write_jsonl(f, [
            {"id": "ina-1", "text": ARTICLE, "title": TITLE, "url": "https://ina.iq/1", "source": "INA",
             "published": "2023-12-04 09:15:00"},
            {"id": 2, "text": OTHER, "published": "4 ديسمبر"},
        ])
        a, b = read(f)
        assert a.raw_text == ARTICLE and a.title == TITLE and a.url == "https://ina.iq/1" and a.source == "INA"
        assert a.published == "2023-12-04"
        assert a.meta == {"line": 1, "external_id": "ina-1"}
        assert a.path == str(f)
        assert b.raw_text == OTHER and b.meta == {"line": 2, "external_id": "2"} and b.published == "4 ديسمبر"
        assert b.title is None and b.url is None

    def test_field_mapping(self, tmp_path):
        f = tmp_path / "corpus.ndjson"
        write_jsonl(f, [{"source": "sabq", "content": ARTICLE, "date_extracted": "2015-08-08 06:30:06", "title": TITLE}])
        d = only_doc(f, text_field="content", published_field="date_extracted")
        assert d.raw_text == ARTICLE and d.published == "2015-08-08" and d.source == "sabq"
        e = only_error(f)  # default text field "text" is missing: the error says which fields exist
        assert e.line == 1 and "missing text field 'text'" in e.reason and "content" in e.reason

    def test_bad_lines_reported_and_skipped(self, tmp_path):
        f = tmp_path / "mixed.jsonl"
        write_jsonl(f, [
            {"text": ARTICLE},
            '{"text": "مقطوع',
            "",
            ["not", "an", "object"],
            {"text": "   "},
            {"title": "بلا نص"},
            {"text": OTHER},
        ])
        results = read(f)
        assert [d.raw_text for d in docs(results)] == [ARTICLE, OTHER]
        assert [d.meta["line"] for d in docs(results)] == [1, 7]
        errs = errors(results)
        assert [e.line for e in errs] == [2, 4, 5, 6]
        assert str(errs[0]).startswith(f"{f}:2: bad JSON")
        assert "not a JSON object" in errs[1].reason
        assert "empty text field 'text'" in errs[2].reason
        assert "missing text field 'text'" in errs[3].reason

    def test_invalid_utf8_line(self, tmp_path):
        f = tmp_path / "bytes.jsonl"
        f.write_bytes(json.dumps({"text": OTHER}).encode() + b"\n" + b'{"text": "\xff\xfe"}\n')
        results = read(f)
        assert len(docs(results)) == 1 and errors(results)[0].line == 2

    def test_line_too_large(self, tmp_path):
        f = tmp_path / "long.jsonl"
        write_jsonl(f, [{"text": ARTICLE * 50}, {"text": OTHER}])
        results = read(f, max_bytes=2000)
        assert errors(results)[0].line == 1 and "too large" in errors(results)[0].reason
        assert [d.raw_text for d in docs(results)] == [OTHER]

    def test_json_array(self, tmp_path):
        f = tmp_path / "list.json"
        f.write_text(json.dumps([{"text": ARTICLE}, {"text": ""}], ensure_ascii=False), encoding="utf-8")
        results = read(f)
        assert docs(results)[0].raw_text == ARTICLE and "item 2" in errors(results)[0].reason

    def test_speed(self, tmp_path):
        f = tmp_path / "many.jsonl"
        write_jsonl(f, [{"id": i, "text": ARTICLE, "title": TITLE, "published": "2023-12-04 10:00:00"} for i in range(5000)])
        start = time.perf_counter()
        n = len(docs(read(f)))
        elapsed = time.perf_counter() - start
        assert n == 5000
        assert n / elapsed > 2000, f"{n / elapsed:.0f} docs/s"


@pytest.mark.skipif(not SAUDINEWSNET.is_dir(), reason="SaudiNewsNet corpus not available")
def test_saudinewsnet_part():
    part = sorted(SAUDINEWSNET.glob("*.jsonl"))[0]
    results = read(part, text_field="content", published_field="date_extracted")
    good = docs(results)
    assert len(good) >= 300
    arabic = [d for d in good if sum("\u0600" <= c <= "\u06ff" for c in d.raw_text) > 20]
    assert len(arabic) >= 0.9 * len(good)
    assert all(d.published and len(d.published) == 10 for d in good)
    for e in errors(results):
        assert str(part) in str(e) and e.line


# ------------------------------------------------------------------------- WARC


def make_warc(path: Path, pages: list[tuple[str, str, bytes]], gz: bool = True) -> None:
    """pages: (uri, content type, body); plus a request and a metadata record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gz)
        for uri, ctype, body in pages:
            req = writer.create_warc_record(
                uri, "request", payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders(f"GET {uri} HTTP/1.1", [("Host", "ex.iq")], is_http_request=True),
            )
            writer.write_record(req)
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2023-12-05T08:00:00Z"},
            )
            writer.write_record(rec)
        meta = writer.create_warc_record("metadata:crawl", "metadata", payload=io.BytesIO(b"crawler: test"),
                                         warc_content_type="text/plain")
        writer.write_record(meta)


class TestWarc:
    def test_html_response_and_skips(self, tmp_path):
        f = tmp_path / "crawl.warc.gz"
        make_warc(f, [
            ("https://news.example.iq/a", "text/html; charset=utf-8", html_page().encode()),
            ("https://news.example.iq/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + os.urandom(64)),
            ("https://news.example.iq/b", "text/html; charset=windows-1256",
             html_page(OTHER, charset="windows-1256", date=None).replace("©", "").encode("cp1256")),
        ])
        a, b = read(f)
        assert LEAD in a.raw_text and a.url == "https://news.example.iq/a" and a.published == "2023-12-04"
        assert a.title and TITLE in a.title and a.path == str(f)
        assert "مستشفى جديد" in b.raw_text and b.url == "https://news.example.iq/b"
        assert b.published == "2023-12-05"  # from WARC-Date

    def test_uncompressed(self, tmp_path):
        f = tmp_path / "crawl.warc"
        make_warc(f, [("https://news.example.iq/a", "text/html", html_page().encode())], gz=False)
        assert LEAD in only_doc(f).raw_text

    @pytest.mark.parametrize("gz", [True, False])
    def test_truncated(self, tmp_path, gz):
        f = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
        make_warc(f, [
            ("https://news.example.iq/a", "text/html", html_page().encode()),
            ("https://news.example.iq/b", "text/html", html_page(OTHER).encode()),
        ], gz=gz)
        data = f.read_bytes()
        f.write_bytes(data[: int(len(data) * 0.75)])
        results = read(f)
        assert LEAD in docs(results)[0].raw_text
        assert len(errors(results)) == 1
        e = errors(results)[-1]
        assert "corrupt WARC archive" in e.reason and str(f) in str(e)

    def test_garbage(self, tmp_path):
        f = tmp_path / "junk.warc.gz"
        f.write_bytes(gzip.compress(b"this is not a warc file\n" * 20))
        assert "not a WARC archive" in only_error(f).reason
        g = tmp_path / "junk.warc"
        g.write_bytes(os.urandom(300))
        assert "not a WARC archive" in only_error(g).reason


# ------------------------------------------------------------------------- feeds


RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>وكالة الأنباء العراقية</title><link>https://ina.example.iq</link><description>أخبار</description>
<item><title>{TITLE}</title><link>https://ina.example.iq/1</link>
<pubDate>Mon, 04 Dec 2023 10:00:00 +0300</pubDate><guid>ina-1</guid>
<description><![CDATA[<p>{ARTICLE.splitlines()[0]}</p><p>{ARTICLE.splitlines()[1]}</p>]]></description></item>
<item><title>افتتاح مستشفى</title><link>https://ina.example.iq/2</link>
<pubDate>Tue, 05 Dec 2023 09:00:00 +0300</pubDate><description>{OTHER}</description></item>
<item><title>بلا نص</title><link>https://ina.example.iq/3</link></item>
</channel></rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>قناة الأخبار</title><id>urn:feed</id><updated>2023-12-04T12:00:00Z</updated>
<entry><title>{TITLE}</title><id>urn:1</id><link href="https://tv.example/1"/>
<published>2023-12-04T10:00:00Z</published><updated>2023-12-04T11:00:00Z</updated>
<summary>ملخص قصير</summary>
<content type="html">&lt;p&gt;{ARTICLE.splitlines()[0]}&lt;/p&gt;&lt;p&gt;{ARTICLE.splitlines()[2]}&lt;/p&gt;</content></entry>
<entry><title>خبر</title><id>urn:2</id><link href="https://tv.example/2"/><updated>2023-12-06T08:00:00Z</updated>
<summary>{OTHER}</summary></entry>
</feed>
"""


class TestFeeds:
    def test_rss(self, tmp_path):
        f = tmp_path / "feed.rss"
        f.write_text(RSS, encoding="utf-8")
        results = read(f)
        a, b = docs(results)
        assert a.raw_text.splitlines() == ARTICLE.splitlines()[:2]
        assert "<p>" not in a.raw_text
        assert (a.title, a.url, a.published, a.source) == (TITLE, "https://ina.example.iq/1", "2023-12-04", "وكالة الأنباء العراقية")
        assert a.meta["external_id"] == "ina-1"
        assert b.raw_text == OTHER and b.published == "2023-12-05"
        (e,) = errors(results)
        assert "entry 3" in e.reason and str(f) in str(e)

    def test_atom_as_xml(self, tmp_path):
        f = tmp_path / "feed.xml"
        f.write_text(ATOM, encoding="utf-8")
        a, b = read(f)
        assert LEAD in a.raw_text and "داعيا إلى انسحاب" in a.raw_text and "ملخص" not in a.raw_text
        assert (a.url, a.published, a.source) == ("https://tv.example/1", "2023-12-04", "قناة الأخبار")
        assert b.raw_text == OTHER and b.published == "2023-12-06"

    def test_xml_not_a_feed(self, tmp_path):
        f = tmp_path / "sitemap.xml"
        f.write_text('<?xml version="1.0"?><urlset><url><loc>https://ex.iq/</loc></url></urlset>', encoding="utf-8")
        assert only_error(f).reason == "not an RSS/Atom feed"


# ------------------------------------------------------------------------ folders


def test_folder_of_everything(tmp_path):
    root = tmp_path / "in"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    good = {
        root / "a.txt": ARTICLE.encode(),
        root / "b_cp1256.txt": OTHER.encode("cp1256"),
        root / "sub" / "c.html": html_page().encode(),
        root / "sub" / "d.rss": RSS.encode(),
        root / "sub" / "deeper" / "e.jsonl": (json.dumps({"text": OTHER}, ensure_ascii=False) + "\n{oops\n").encode(),
    }
    bad = {
        root / "empty.txt": b"",
        root / "image.txt": b"\x89PNG\r\n\x1a\n" + os.urandom(256),
        root / "sub" / "nav.html": b"<html><body><nav><a href='/'>x</a></nav></body></html>",
        root / "sub" / "sitemap.xml": b"<?xml version='1.0'?><urlset/>",
    }
    for path, data in {**good, **bad}.items():
        path.write_bytes(data)
    make_warc(root / "sub" / "f.warc.gz", [("https://ex.iq/f", "text/html", html_page(OTHER).encode())])
    (root / ".hidden" / "secret.txt").write_text(ARTICLE, encoding="utf-8")
    (root / ".dotfile.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "notes.docx").write_bytes(b"PK\x03\x04" + os.urandom(64))

    files = list(iter_files([root]))
    assert files == sorted(files)
    assert not any(".hidden" in str(p) or ".dotfile" in str(p) or p.suffix == ".docx" for p in files)
    assert len(files) == len(good) + len(bad) + 1

    results = list(read_paths([root, tmp_path / "missing.txt"], ReadOptions(max_bytes=1_000_000)))
    good_docs = docs(results)
    texts = [d.raw_text for d in good_docs]
    assert sum(LEAD in t for t in texts) >= 3  # txt, html, rss
    assert sum("مستشفى جديد" in t for t in texts) >= 4  # cp1256 txt, rss, jsonl, warc
    assert len(good_docs) == 7
    assert {d.path for d in good_docs} == {str(p) for p in good} | {str(root / "sub" / "f.warc.gz")}
    errs = errors(results)
    named = {e.path for e in errs}
    also_bad = {root / "sub" / "deeper" / "e.jsonl", root / "sub" / "d.rss", tmp_path / "missing.txt"}  # a bad line, an empty entry
    assert named == {str(p) for p in bad} | {str(p) for p in also_bad}
    for e in errs:
        assert str(e).startswith(e.path)


def test_readers_never_raise(tmp_path):
    rng = random.Random(7)
    for i, suffix in enumerate([".txt", ".html", ".jsonl", ".json", ".warc", ".warc.gz", ".rss", ".xml", ".htm", ""]):
        f = tmp_path / f"junk{i}{suffix}"
        f.write_bytes(bytes(rng.randrange(256) for _ in range(3000)))
        results = read(f)
        assert results and all(isinstance(r, ReadError) and str(f) in str(r) for r in results), results
    d = tmp_path / "folder"
    d.mkdir()
    (d / "x.txt").write_text(OTHER, encoding="utf-8")
    assert [r.raw_text for r in read(d)] == [OTHER]
