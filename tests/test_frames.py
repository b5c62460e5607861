"""Frames: loaded terms tagged with exact offsets; outlets; per-outlet profiles."""
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marsad.corpus.frames_profile import frames_profile, load_outlet_rules, outlet_of, resolve_outlet
from marsad.corpus.store import Store
from marsad.document import Document
from marsad.extract import EXTRACTORS
from marsad.extract.frames import FrameLexicon, FrameLexiconError, FrameTagger, default_lexicon, tag_text
from marsad.pipeline import Pipeline
from marsad.text.segment import tokenize


def _tags(text: str) -> list[tuple[str, str, int, int]]:
    return [(f["term"], f["frame"], f["start"], f["end"]) for f in tag_text(text)]


def _at(text: str, term: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(term, i + 1)
    return i, i + len(term)


# -- tagging ---------------------------------------------------------------------------------

def test_offsets_with_clitics_and_article() -> None:
    text = "وأشاد بالشهيدين وندد بالكيان الصهيوني، وقال إن والشهيد للشهيد كان مع محور المقاومة."
    got = _tags(text)
    expected = [
        ("الشهيدين", "martyrdom", *_at(text, "الشهيدين")),  # ب stripped, article kept
        ("الكيان الصهيوني", "resistance-axis", *_at(text, "الكيان الصهيوني")),  # ب stripped
        ("الشهيد", "martyrdom", *_at(text, "الشهيد", 1)),  # و stripped from "والشهيد"
        ("للشهيد", "martyrdom", *_at(text, "للشهيد")),  # ل + (ا)لشهيد: the elided article stays
        ("محور المقاومة", "resistance-axis", *_at(text, "محور المقاومة")),
    ]
    assert got == expected
    for term, _, s, e in got:
        assert text[s:e] == term


def test_hostile_side_terms() -> None:
    text = "تفقد باقري مليشيات المرتزقة في حلب، وهاجمت أذرع إيران والميليشيات الإيرانية قاعدة أمريكية."
    got = _tags(text)
    assert got == [
        ("مليشيات المرتزقة", "hostile-to-iran", *_at(text, "مليشيات المرتزقة")),
        ("أذرع إيران", "hostile-to-iran", *_at(text, "أذرع إيران")),
        ("الميليشيات الإيرانية", "hostile-to-iran", *_at(text, "الميليشيات الإيرانية")),
    ]


def test_no_tag_inside_a_longer_word() -> None:
    # "العدوانية" (aggressiveness) contains "العدوان"; "استشهادها" is not a listed form;
    # "مقاومات" contains "مقاومة"; none of these is a term
    assert _tags("انتقد العدوانية في الخطاب وقال إن المقاومات الكهربائية تعطلت.") == []
    assert _tags("الكيانات الصهيونية") == []


def test_context_vetoes() -> None:
    # Hamas's formal name, a hospital named after a person, "cited a verse", a square
    assert _tags("رحبت حركة المقاومة الإسلامية بالمبادرة.") == []
    assert _tags("نقل الجرحى إلى مستشفى كمال عدوان.") == []
    assert _tags("استشهد الوزير بآية قرآنية في كلمته.") == []
    assert _tags("تجمع المحتجون في ساحة الشهداء.") == []
    assert _tags("يسعى الفريق إلى احتلال المرتبة الثانية في الدوري.") == []  # "exact": الاحتلال needs its article
    # ... while the same words elsewhere are tagged
    text = "وقالت المقاومة الإسلامية في العراق إن ثلاثة استشهدوا."
    assert [t[0] for t in _tags(text)] == ["المقاومة الإسلامية", "استشهدوا"]


def test_longest_match_and_sentence_boundary() -> None:
    text = "وصف الحرس الثوري الإرهابي. ثم تحدث عن الكيان. الصهيوني لا يقهر"
    got = _tags(text)
    assert got[0] == ("الحرس الثوري الإرهابي", "hostile-to-iran", *_at(text, "الحرس الثوري الإرهابي"))
    # "الكيان" + "." + "الصهيوني": not one term; the bare adjective is tagged alone
    assert [t[0] for t in got[1:]] == ["الصهيوني"]


def test_spelling_variants_fold() -> None:
    text = "أدان الکیان الصهیونی والاحتلال الأميركي، والإرهابِيين."
    assert [(t[0], t[1]) for t in _tags(text)] == [
        ("الکیان الصهیونی", "resistance-axis"),
        ("الاحتلال الأميركي", "resistance-axis"),
        ("الإرهابِيين", "terror-label"),
    ]


def test_frame_tagger_component_fills_doc_frames() -> None:
    assert ("marsad.extract.frames", "FrameTagger") in EXTRACTORS
    pipe = Pipeline(extract=False)
    pipe.add(FrameTagger())
    doc = pipe(Document(raw_text="عنوان\n\nوقال إن الانقلابيين استهدفوا مواقع قوات الاحتلال."))
    assert [set(f) for f in doc.frames] == [{"term", "frame", "start", "end"}] * 2
    assert [(f["term"], f["frame"]) for f in doc.frames] == [
        ("الانقلابيين", "hostile-to-houthis"), ("قوات الاحتلال", "occupation")]
    assert all(doc.text[f["start"]:f["end"]] == f["term"] for f in doc.frames)
    assert doc.to_dict()["frames"] == doc.frames


def test_tagging_is_fast() -> None:
    para = ("وأشار اللواء باقري إلى أن محور المقاومة سيواصل طرد قوات الاحتلال الأمريكي من العراق، وأن الكيان "
            "الصهيوني يعاني من الضعف، فيما قالت مصادر إن مليشيات المرتزقة انسحبت من ريف حلب بعد اشتباكات مع "
            "فصائل المعارضة، وأكد مسؤولون أن الحكومة تتابع تنفيذ القرار بالتنسيق مع الشركاء الإقليميين. ")
    text = "\n\n".join(f"{i}. {para}" for i in range(8))
    doc = Document(text=text, tokens=tokenize(text))
    assert len(doc.tokens) > 400
    tagger = FrameTagger()
    tagger(doc)
    n = 200
    t0 = time.perf_counter()
    for _ in range(n):
        tagger(doc)
    per_doc = (time.perf_counter() - t0) / n
    # a guard against pathological slowness only (typically ~0.2 ms); speed is measured by bench/throughput.py
    assert per_doc < 0.01, f"{per_doc * 1000:.3f} ms per article"


# -- the lexicon -------------------------------------------------------------------------------

def test_lexicon_size_and_documentation() -> None:
    lex = default_lexicon()
    assert 4 <= len(lex.frames) <= 8
    assert len(lex.entries) >= 60
    for fid, info in lex.frames.items():
        assert info.label and info.description, fid
    for e in lex.entries:
        assert e.frame in lex.frames and e.gloss and e.note, e.term
    by = lex.by_frame()
    for fid in ("resistance-axis", "hostile-to-iran", "martyrdom", "hostile-to-houthis", "occupation", "terror-label"):
        assert by[fid], fid
    for term in ("الكيان الصهيوني", "محور المقاومة", "نظام الملالي", "أذرع إيران", "النظام السوري", "الانقلابيين"):
        assert lex.entry_of(term) is not None, term


def test_lexicon_errors_and_user_files(tmp_path: Path) -> None:
    dup = tmp_path / "dup.yaml"
    dup.write_text(
        "frames:\n  x:\n    label: X\nentries:\n"
        "  - {terms: [كلمة أولى], frame: x, gloss: a}\n  - {terms: [كلمة أولى], frame: x, gloss: b}\n",
        encoding="utf-8")
    with pytest.raises(FrameLexiconError, match="also listed"):
        FrameLexicon.load(dup, include_default=False)
    bad = tmp_path / "bad.yaml"
    bad.write_text("frames: {}\nentries:\n  - {terms: [كلمة], frame: nosuch, gloss: a}\n", encoding="utf-8")
    with pytest.raises(FrameLexiconError, match="unknown frame"):
        FrameLexicon.load(bad, include_default=False)
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "frames:\n  pro-kurdish:\n    label: pro-Kurdish\nentries:\n"
        "  - {terms: [الاحتلال التركي], frame: pro-kurdish, gloss: the Turkish occupation}\n",
        encoding="utf-8")
    lex = FrameLexicon.load(mine)
    text = "قصف الاحتلال التركي قرى في محيط الكيان الصهيوني"
    assert [(f["term"], f["frame"]) for f in lex.tag(text)] == [
        ("الاحتلال التركي", "pro-kurdish"), ("الكيان الصهيوني", "resistance-axis")]


# -- outlets ------------------------------------------------------------------------------------

def test_outlet_from_source_url_and_signoff(tmp_path: Path) -> None:
    assert outlet_of({"source": " قناة المثال ", "url": "https://www.irna.ir/x", "text": "(رويترز)"}) == "قناة المثال"
    assert outlet_of({"source": None, "url": "https://ar.irna.ir/news/8512"}) == "IRNA"
    assert outlet_of({"source": "", "url": "https://www.example-news.org/a/1"}) == "example-news.org"
    assert outlet_of({"text": "بيروت (رويترز) - قال مسؤول إن المحادثات مستمرة."}) == "Reuters"
    assert outlet_of({"text": "دبي - (أ ف ب) - أعلنت الشركة عن أرباحها."}) == "AFP"
    assert outlet_of({"text": "الرياض 12 شوال 1445 هـ (واس)\nاستقبل الوزير نظيره."}) == "SPA"
    assert outlet_of({"text": "قال الوزير ذلك.\n// انتهى //"}) == "SPA"
    assert outlet_of({"text": "قال الوزير ذلك.\n/انتهى/"}) == "IRNA-family (Iranian agencies)"
    # an agency cited in the body is not the outlet
    assert outlet_of({"text": "قال الوزير، وفقا لوكالة رويترز، إن المحادثات مستمرة."}) is None
    # the sign-off line is cleaned out of the stored text, but the store keeps it apart
    path = tmp_path / "irna.txt"
    path.write_text("عنوان الخبر\n\nأكد المسؤول أن الزيارة ناجحة.\n\n/انتهى/\n", encoding="utf-8")
    with Store(tmp_path / "o.db") as store:
        doc = Pipeline(extract=False)(Document(raw_text=path.read_text(encoding="utf-8"), path=str(path)))
        assert "انتهى" not in doc.text
        store.add(doc, extracted=False)
        row = store.db.execute("SELECT * FROM documents").fetchone()
        assert row["signoff"] == "/انتهى/"
        assert resolve_outlet(row) == ("IRNA-family (Iranian agencies)", "signoff")
        assert outlet_of(row, read_files=False) == "IRNA-family (Iranian agencies)"
        # a row stored without it (an older database) still finds it in the file
        no_signoff = {k: row[k] for k in row.keys() if k != "signoff"}
        assert resolve_outlet(no_signoff) == ("IRNA-family (Iranian agencies)", "file-signoff")
        assert outlet_of(no_signoff, read_files=False) is None
    assert "irna.ir" in load_outlet_rules().hosts


# -- per-outlet profile ---------------------------------------------------------------------------

AXIS = [
    "عنوان أول\n\nأكد اللواء باقري أن محور المقاومة سيطرد قوات الاحتلال الأمريكي، وحيا ذكرى الشهيدين، "
    "وقال إن الكيان الصهيوني يعاني من الضعف.",
    "عنوان ثان\n\nقالت المقاومة الإسلامية في العراق إنها ردت على العدوان الأمريكي، وإن دماء الشهداء لن تذهب هدرا.",
]
HOSTILE = [
    "عنوان ثالث\n\nتفقد باقري مليشيات المرتزقة الإيرانيين في ريف حلب، وقال معارضون إن نظام الملالي يوسع نفوذه.",
    "عنوان رابع\n\nاتهمت الحكومة أذرع إيران بزعزعة الاستقرار، وطالبت بطرد الميليشيات الإيرانية من المنطقة.",
]


def _profile_db(path: Path, with_frames: bool = True) -> Path:
    pipe = Pipeline(extract=False)
    tagger = FrameTagger()
    with Store(path) as store:
        for outlet, texts in (("وكالة المحور", AXIS), ("قناة الخصم", HOSTILE)):
            for i, text in enumerate(texts):
                doc = pipe(Document(raw_text=text, source=outlet, published=f"2024-03-0{i + 1}"))
                if with_frames:
                    tagger(doc)
                store.add(doc)
    return path


def test_profile_shows_opposite_framing(tmp_path: Path) -> None:
    db = _profile_db(tmp_path / "p.db")
    with Store(db) as store:
        prof = {g["outlet"]: g for g in frames_profile(store.db)}
    axis, hostile = prof["وكالة المحور"], prof["قناة الخصم"]
    assert axis["articles"] == hostile["articles"] == 2
    assert axis["lean"] == "resistance-axis" and hostile["lean"] == "hostile-to-iran"
    assert "hostile-to-iran" not in axis["frames"]
    assert "resistance-axis" not in hostile["frames"] and "martyrdom" not in hostile["frames"]
    assert axis["frames"]["resistance-axis"]["count"] == 5  # محور المقاومة، قوات الاحتلال الأمريكي، الكيان الصهيوني، المقاومة الإسلامية، العدوان الأمريكي
    assert axis["frames"]["resistance-axis"]["per_article"] == 2.5
    assert axis["frames"]["martyrdom"] == {"count": 2, "articles": 2, "per_article": 1.0, "share": round(2 / 7, 3),
                                           "quoted": 0}
    assert hostile["frames"]["hostile-to-iran"]["count"] == 4
    assert {t["term"] for t in hostile["top_terms"]} == {"مليشيات المرتزقة", "نظام الملالي", "أذرع إيران",
                                                          "الميليشيات الإيرانية"}
    assert axis["basis"] == {"source": 2}


def test_profile_counts_tags_inside_quotes_apart(tmp_path: Path) -> None:
    text = "عنوان\n\nوصف التقرير مليشيات المرتزقة بالخطر، وقال باقري إن “الكيان الصهيوني سيزول قريبا”."
    doc = Pipeline(extract=False)(Document(raw_text=text, source="قناة الخصم"))
    FrameTagger()(doc)
    s = doc.text.index("“") + 1
    e = doc.text.index("”")
    doc.quotes = [{"speaker": None, "text": doc.text[s:e], "start": s, "end": e, "direct": True, "cue": "وقال"}]
    with Store(tmp_path / "q.db") as store:
        store.add(doc)
        for retag in (False, True):
            (g,) = frames_profile(store.db, retag=retag)
            assert g["tags"] == 2 and g["quoted"] == 1
            assert g["frames"]["resistance-axis"]["quoted"] == 1 and g["frames"]["hostile-to-iran"]["quoted"] == 0
        (d,) = frames_profile(store.db, by="document")
        assert d["quoted"] == 1


def test_profile_retag_and_by_document(tmp_path: Path) -> None:
    db = _profile_db(tmp_path / "r.db", with_frames=False)
    with Store(db) as store:
        assert store.count("frames") == 0
        assert all(g["tags"] == 0 for g in frames_profile(store.db))
        prof = {g["outlet"]: g for g in frames_profile(store.db, retag=True)}
        assert prof["قناة الخصم"]["lean"] == "hostile-to-iran"
        docs = frames_profile(store.db, by="document", retag=True, since="2024-03-02")
    assert len(docs) == 2 and {d["outlet"] for d in docs} == {"وكالة المحور", "قناة الخصم"}


def _marsad(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], capture_output=True, text=True)


def test_frames_command(tmp_path: Path) -> None:
    db = _profile_db(tmp_path / "c.db")
    r = _marsad("frames", "--db", str(db), "--by", "source", "--format", "json")
    assert r.returncode == 0, r.stderr
    rows = {json.loads(line)["outlet"]: json.loads(line) for line in r.stdout.splitlines()}
    assert rows["وكالة المحور"]["lean"] == "resistance-axis"
    assert rows["قناة الخصم"]["lean"] == "hostile-to-iran"
    r = _marsad("frames", "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert "وكالة المحور" in r.stdout and "قناة الخصم" in r.stdout and "tags per article" in r.stdout
    r = _marsad("frames", "--db", str(tmp_path / "missing.db"))
    assert r.returncode == 2 and "no such database" in r.stderr
