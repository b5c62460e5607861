"""The SQLite store: idempotent ingest, consistent batches, search across spellings."""
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import entity_records

from marsad.commands.ingest import ingest
from marsad.corpus.store import Store
from marsad.document import Document
from marsad.ingest import ReadError
from marsad.pipeline import Pipeline

ARTICLES = {
    "a.txt": "المرشد الأعلى علي الخامنئي ينتقد الوجود الأمريكي\n\nانتقد المرشد الإيراني الأعلى علي الخامنئي الوجود الأمريكي في العراق وسوريا، وطالب بمغادرة القوات فوراً.",
    "b.txt": "شمخانی يستقبل وفدا عراقيا\n\nاستقبل أمين المجلس الأعلى للأمن القومي علی شمخانی وفداً عراقياً في طهران ونقل رسالة من خامنئی.",
    "c.txt": "وزير الخارجية التركي يزور دمشق\n\nوصل وزير الخارجية التركي إلى دمشق في زيارة رسمية يبحث خلالها ملف الحدود والعودة الطوعية للاجئين.",
}


def _docs(texts: dict[str, str]):
    for name, text in texts.items():
        yield Document(raw_text=text, path=name)


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "t.db")
    yield s
    s.close()


def test_reingest_is_a_noop(store: Store) -> None:
    pipe = Pipeline(extract=False)
    first = ingest(store, _docs(ARTICLES), pipe, extracted=False, progress=False)
    second = ingest(store, _docs(ARTICLES), pipe, extracted=False, progress=False)
    assert first == {"new": 3, "present": 0, "failed": 0}
    assert second == {"new": 0, "present": 3, "failed": 0}
    assert store.count() == 3
    assert store.db.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == 3


def test_same_content_twice_in_one_batch(store: Store) -> None:
    pipe = Pipeline(extract=False)
    docs = [Document(raw_text=ARTICLES["a.txt"], path="x.txt"), Document(raw_text=ARTICLES["a.txt"] + "\n\n", path="y.txt")]
    counts = ingest(store, iter(docs), pipe, extracted=False, progress=False)
    assert counts == {"new": 1, "present": 1, "failed": 0}


def test_read_errors_are_counted_and_batch_goes_on(store: Store) -> None:
    items = [ReadError("bad.bin", "binary file, not text"), *_docs(ARTICLES)]
    counts = ingest(store, iter(items), Pipeline(extract=False), extracted=False, progress=False)
    assert counts == {"new": 3, "present": 0, "failed": 1}


class Boom:
    name = "boom"

    def __init__(self, on: str) -> None:
        self.on = on

    def __call__(self, doc: Document) -> Document:
        if self.on in doc.text:
            raise ValueError("extractor bug")
        return doc


def test_failing_document_does_not_stop_the_batch(store: Store) -> None:
    pipe = Pipeline(extract=False)
    pipe.add(Boom("شمخانی"))
    counts = ingest(store, _docs(ARTICLES), pipe, extracted=False, progress=False)
    assert counts == {"new": 2, "present": 0, "failed": 1}


def test_interrupt_rolls_back_open_batch_and_rerun_completes(store: Store) -> None:
    class Interrupt:
        name = "interrupt"

        def __call__(self, doc: Document) -> Document:
            if "دمشق" in doc.text:
                raise KeyboardInterrupt
            return doc

    pipe = Pipeline(extract=False)
    pipe.add(Interrupt())
    with pytest.raises(KeyboardInterrupt):
        ingest(store, _docs(ARTICLES), pipe, extracted=False, progress=False)
    # the open batch is rolled back: nothing half-written, FTS and documents agree
    assert store.count() == store.db.execute("SELECT count(*) FROM documents_fts").fetchone()[0]
    counts = ingest(store, _docs(ARTICLES), Pipeline(extract=False), extracted=False, progress=False)
    assert counts["new"] + counts["present"] == 3 and store.count() == 3


def test_search_across_spelling_variants(store: Store) -> None:
    ingest(store, _docs(ARTICLES), Pipeline(extract=False), extracted=False, progress=False)
    for q in ("الخامنئی", "الخامنئي", "خامنئي", "والخامنئي"):
        hits = {h.path for h in store.search(q)}
        assert hits == {"a.txt", "b.txt"}, q
    assert {h.path for h in store.search("شمخاني")} == {"b.txt"}
    assert {h.path for h in store.search("دمشق تركيا")} == set()  # all words must occur
    assert {h.path for h in store.search("دمشق الحدود")} == {"c.txt"}


def test_search_snippet_shows_display_text(store: Store) -> None:
    ingest(store, _docs(ARTICLES), Pipeline(extract=False), extracted=False, progress=False)
    hit = store.search("شمخاني")[0]
    assert "شمخانی" in hit.snippet  # the author's spelling, not the match form


def test_stored_document_round_trips_the_contract(store: Store) -> None:
    doc = Pipeline(extract=False)(Document(raw_text=ARTICLES["c.txt"], path="c.txt"))
    doc.entities = [{"id": "e1", "type": "LOC", "name": "دمشق", "name_en": "Damascus", "actor_code": "SYR",
                     "roles": [], "mentions": [{"start": 28, "end": 32, "text": "دمشق"}]}]
    doc.events = [{"type": "CONSULT", "cameo": "04", "mode": "visit", "source": None, "target": None,
                   "location": "e1", "date": None, "negated": False, "trigger": "زيارة", "sentence": "",
                   "start": 0, "end": 5}]
    assert store.add(doc) is True
    assert store.add(doc) is False
    back = store.document(doc.id)
    assert back["text"] == doc.text and back["events"] == doc.events
    assert back["entities"][0]["mentions"][0]["text"] == "دمشق"
    assert store.count("actors") == 1


def test_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "x.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    from marsad.corpus.store import StoreError

    with pytest.raises(StoreError, match="x.db"):
        Store(bad)


def test_schema_is_plain_sql(store: Store) -> None:
    ingest(store, _docs(ARTICLES), Pipeline(extract=False), extracted=False, progress=False)
    con = sqlite3.connect(store.path)
    row = con.execute("SELECT title FROM documents WHERE text LIKE '%دمشق%'").fetchone()
    assert row[0] == "وزير الخارجية التركي يزور دمشق"


def test_parallel_ingest_matches_serial(tmp_path: Path) -> None:
    from marsad.commands.ingest import ingest_parallel

    par = Store(tmp_path / "par.db")
    counts = ingest_parallel(par, _docs(ARTICLES), {}, jobs=2, progress=False)
    assert counts == {"new": 3, "present": 0, "failed": 0}
    again = ingest_parallel(par, _docs(ARTICLES), {}, jobs=2, progress=False)
    assert again == {"new": 0, "present": 3, "failed": 0}
    ser = Store(tmp_path / "ser.db")
    ingest(ser, _docs(ARTICLES), Pipeline(), progress=False)
    for q in ("خامنئي", "دمشق"):
        assert {h.id for h in par.search(q)} == {h.id for h in ser.search(q)}
    assert par.db.execute("SELECT group_concat(id) FROM (SELECT id FROM documents ORDER BY id)").fetchone() == \
        ser.db.execute("SELECT group_concat(id) FROM (SELECT id FROM documents ORDER BY id)").fetchone()
    par.close()
    ser.close()


def _with_entities(text: str, path: str, ents: list[tuple[str, str, str | None, str | None, list[str]]]) -> Document:
    """A processed document with entities given as (type, name, name_en, code, [mention texts])."""
    doc = Pipeline(extract=False)(Document(raw_text=text, path=path))
    doc.entities = entity_records(doc.text, ents)
    return doc


def test_one_actor_across_documents_and_spellings(store: Store) -> None:
    a = _with_entities("انتقد علي الخامنئي الوجود الأمريكي في العراق.", "a.txt",
                       [("PER", "علي خامنئي", "Ali Khamenei", "IRNGOV", ["علي الخامنئي"]),
                        ("LOC", "العراق", "Iraq", "IRQ", ["العراق"])])
    b = _with_entities("وقال خامنئی إن المنطقة لأهلها، ووصف العراق بالشقيق.", "b.txt",
                       [("PER", "علي خامنئي", "Ali Khamenei", "IRNGOV", ["خامنئی"]),
                        ("LOC", "العراق", "Iraq", "IRQ", ["العراق"])])
    assert store.add(a) and store.add(b)
    rows = store.actors()
    kh = [r for r in rows if r["name_en"] == "Ali Khamenei"]
    assert len(kh) == 1 and kh[0]["documents"] == 2 and kh[0]["mentions"] == 2
    assert set(kh[0]["variants"]) >= {"علي الخامنئي", "خامنئی"}
    # found by any spelling, by English name, by code
    for q in ("خامنئي", "الخامنئي", "علي الخامنئی", "Ali Khamenei"):
        assert store.find_actors(q) == [kh[0]["id"]], q
    prof = store.actor_profile(kh[0]["id"])
    assert prof["co_mentioned"][0]["name"] == "العراق" and prof["co_mentioned"][0]["documents"] == 2
    assert len(prof["documents_list"]) == 2


def test_find_actor_by_dictionary_variant_and_article(store: Store) -> None:
    doc = _with_entities("وقالت جماعة الحوثي إنها استهدفت السفينة.", "h.txt",
                         [("ORG", "أنصار الله", "Ansar Allah (the Houthis)", "YEMREB", ["جماعة الحوثي"])])
    from marsad.extract.entities import load_gazetteer

    doc.entities[0]["actor_key"] = load_gazetteer().lookup("أنصار الله").key
    store.add(doc)
    (aid,) = store.find_actors("جماعة الحوثي")
    # a variant the corpus never used, found through the actor dictionary
    assert store.find_actors("الحوثيون") == [aid]
    assert store.find_actors("YEMREB") == [aid]
