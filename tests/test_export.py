"""marsad export: events (POLECAT-style), quotes, actors, documents as JSONL, CSV, Parquet."""
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import entity_records

from marsad.corpus.export import COLUMNS, ExportError, export, rows
from marsad.corpus.store import Store
from marsad.document import Document
from marsad.pipeline import Pipeline

# (text, meta, entities as (type, name, name_en, code, [mention texts]), events, quotes)
ARTICLES = [
    (
        "باقري في بغداد\n\nوصل رئيس الأركان الإيراني اللواء محمد باقري إلى بغداد والتقى رئيس الوزراء محمد شياع "
        "السوداني. وقال باقري إن “محور المقاومة سيطرد الاحتلال الأمريكي”.",
        {"source": "وكالة المحور", "published": "2023-12-04", "path": "a.txt"},
        [("PER", "محمد باقري", "Mohammad Bagheri", "IRNMIL", ["محمد باقري", "باقري"]),
         ("PER", "محمد شياع السوداني", "Mohammed Shia al-Sudani", "IRQGOV", ["محمد شياع السوداني"]),
         ("LOC", "بغداد", "Baghdad", "IRQ", ["بغداد"])],
        [{"type": "CONSULT", "cameo": "043", "mode": "visit", "source": "e1", "target": "e2", "location": "e3",
          "date": "2023-12-04", "negated": False, "trigger": "والتقى", "sentence": "SENT0"}],
        [{"speaker": "e1", "text": "محور المقاومة سيطرد الاحتلال الأمريكي", "direct": True, "cue": "وقال"}],
    ),
    (
        "غارات على الحديدة\n\nشنت القوات الأمريكية غارات على مواقع الحوثيين في الحديدة. ونفى الحوثيون وقوع "
        "خسائر، وقال المتحدث إن الرد قادم.",
        {"url": "https://www.example-news.org/ye/1", "published": "2024-03-10", "path": "b.txt"},
        [("ORG", "القوات الأمريكية", "US forces", "USAMIL", ["القوات الأمريكية"]),
         ("ORG", "الحوثيون", "Houthis", "YEMREB", ["الحوثيين", "الحوثيون"]),
         ("LOC", "الحديدة", "Hodeidah", "YEM", ["الحديدة"])],
        [{"type": "ASSAULT", "cameo": "19", "mode": "airstrike", "source": "e1", "target": "e2", "location": "e3",
          "date": None, "negated": False, "trigger": "غارات", "sentence": "SENT1"},
         {"type": "CONCEDE", "cameo": "0", "mode": None, "source": "e2", "target": None, "location": None,
          "date": "2024-03-10", "negated": True, "trigger": "ونفى", "sentence": "SENT2"}],
        [{"speaker": "e2", "text": "الرد قادم", "direct": False, "cue": "وقال"}],
    ),
    (
        "باقري يزور دمشق\n\nوصل باقري إلى دمشق في زيارة رسمية.\n\n/انتهى/",
        {"published": "2024-05-02", "path": "c.txt"},
        [("PER", "محمد باقري", "Mohammad Bagheri", "IRNMIL", ["باقري"]),
         ("LOC", "دمشق", "Damascus", "SYR", ["دمشق"])],
        [{"type": "CONSULT", "cameo": "042", "mode": "visit", "source": "e1", "target": None, "location": "e2",
          "date": "2024-05-01", "negated": False, "trigger": "زيارة", "sentence": "SENT3"}],
        [],
    ),
]


def make_doc(text: str, meta: dict, ents: list, events: list, quotes: list) -> Document:
    doc = Pipeline(extract=False)(Document(raw_text=text, **meta))
    doc.entities = entity_records(doc.text, ents)
    doc.events = [dict(e) for e in events]
    doc.quotes = [dict(q) for q in quotes]
    from marsad.extract.frames import FrameTagger

    FrameTagger()(doc)
    return doc


def build_corpus(path: Path) -> Path:
    """A three-article store: two outlets by source field / URL, one by the file's sign-off."""
    with Store(path) as store:
        for text, meta, ents, events, quotes in ARTICLES:
            assert store.add(make_doc(text, meta, ents, events, quotes))
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("export") / "x.db")


def marsad(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], capture_output=True, text=True)


def test_events_csv_has_polecat_columns(db: Path) -> None:
    r = marsad("export", "--db", str(db), "--table", "events", "--format", "csv")
    assert r.returncode == 0, r.stderr
    reader = csv.DictReader(io.StringIO(r.stdout))
    assert reader.fieldnames == [c for c, _ in COLUMNS["events"]]
    got = list(reader)
    assert len(got) == 4
    first = got[0]
    assert first["event_id"].endswith(":0") and first["event_date"] == "2023-12-04"
    assert (first["event_type"], first["mode"], first["cameo_root"]) == ("CONSULT", "visit", "04")
    assert (first["source_name"], first["source_name_en"], first["source_code"]) == (
        "محمد باقري", "Mohammad Bagheri", "IRNMIL")
    assert (first["source_country"], first["source_sector"]) == ("IRN", "MIL")
    assert (first["target_name_en"], first["target_country"], first["target_sector"]) == (
        "Mohammed Shia al-Sudani", "IRQ", "GOV")
    assert (first["location_name"], first["location_name_en"]) == ("بغداد", "Baghdad")
    assert first["negated"] == "false" and first["trigger"] == "والتقى" and first["sentence"] == "SENT0"
    assert first["source_outlet"] == "وكالة المحور" and first["story_id"] == ""
    # the strike has no date of its own: the article's date stands in
    strike = next(x for x in got if x["event_type"] == "ASSAULT")
    assert strike["event_date"] == "2024-03-10" and strike["cameo_root"] == "19"
    assert strike["source_outlet"] == "example-news.org" and strike["url"] == "https://www.example-news.org/ye/1"
    denial = next(x for x in got if x["event_type"] == "CONCEDE")
    assert denial["negated"] == "true" and denial["cameo_root"] == "00" and denial["target_name"] == ""
    damascus = got[-1]  # the event's own date, not the article's (2024-05-02)
    assert damascus["event_date"] == "2024-05-01" and damascus["target_name"] == ""


def test_events_jsonl_and_filters(db: Path) -> None:
    r = marsad("export", "--db", str(db), "--table", "events", "--since", "2024-01-01")
    assert r.returncode == 0, r.stderr
    got = [json.loads(line) for line in r.stdout.splitlines()]
    assert [g["event_type"] for g in got] == ["ASSAULT", "CONCEDE", "CONSULT"]
    assert got[0]["negated"] is False and got[1]["negated"] is True
    r = marsad("export", "--db", str(db), "--table", "events", "--actor", "باقري", "--format", "jsonl")
    got = [json.loads(line) for line in r.stdout.splitlines()]
    assert [g["event_date"] for g in got] == ["2023-12-04", "2024-05-01"]
    assert all(g["source_name_en"] == "Mohammad Bagheri" for g in got)
    # by English name and by the target side; --since and --actor together
    with Store(db) as store:
        assert [g["event_type"] for g in rows(store, "events", actor="Houthis")] == ["ASSAULT", "CONCEDE"]
        assert [g["event_type"] for g in rows(store, "events", actor="Bagheri", since="2024")] == ["CONSULT"]
        assert list(rows(store, "events", until="2023-12")) and not list(rows(store, "events", until="2023-11"))


def test_quotes_actors_documents_tables(db: Path) -> None:
    r = marsad("export", "--db", str(db), "--table", "quotes", "--format", "csv")
    assert r.returncode == 0, r.stderr
    got = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [c for c, _ in COLUMNS["quotes"]] == list(got[0])
    assert [(q["speaker_name_en"], q["speaker_code"], q["direct"], q["cue"]) for q in got] == [
        ("Mohammad Bagheri", "IRNMIL", "true", "وقال"), ("Houthis", "YEMREB", "false", "وقال")]
    assert got[0]["date"] == "2023-12-04" and got[0]["quote_id"].endswith(":0")

    r = marsad("export", "--db", str(db), "--table", "quotes", "--actor", "Mohammad Bagheri")
    assert [json.loads(x)["text"] for x in r.stdout.splitlines()] == ["محور المقاومة سيطرد الاحتلال الأمريكي"]

    r = marsad("export", "--db", str(db), "--table", "actors", "--format", "csv")
    actors = {a["name_en"]: a for a in csv.DictReader(io.StringIO(r.stdout))}
    bagheri = actors["Mohammad Bagheri"]
    assert (bagheri["documents"], bagheri["mentions"], bagheri["type"], bagheri["code"]) == ("2", "3", "PER", "IRNMIL")
    assert set(bagheri["variants"].split("|")) == {"محمد باقري", "باقري"}
    assert (bagheri["country"], bagheri["sector"]) == ("IRN", "MIL")
    r = marsad("export", "--db", str(db), "--table", "actors", "--since", "2024-01-01", "--format", "jsonl")
    later = {json.loads(x)["name_en"]: json.loads(x) for x in r.stdout.splitlines()}
    assert "Baghdad" not in later and later["Mohammad Bagheri"]["documents"] == 1
    assert later["Mohammad Bagheri"]["mentions"] == 1

    r = marsad("export", "--db", str(db), "--table", "documents", "--format", "csv")
    docs = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [c for c, _ in COLUMNS["documents"]] == list(docs[0])
    # c.txt does not exist here, but its removed sign-off was stored with it
    assert [d["outlet"] for d in docs] == ["وكالة المحور", "example-news.org", "IRNA-family (Iranian agencies)"]
    assert [(d["entities"], d["events"], d["quotes"]) for d in docs] == [("3", "1", "1"), ("3", "2", "1"), ("2", "1", "0")]
    assert int(docs[0]["frames"]) >= 2
    r = marsad("export", "--db", str(db), "--table", "documents", "--actor", "Damascus")
    assert [json.loads(x)["published"] for x in r.stdout.splitlines()] == ["2024-05-02"]


def test_parquet(db: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "events.parquet"
    r = marsad("export", "--db", str(db), "--table", "events", "--format", "parquet", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert "4 events rows" in r.stderr
    table = pq.read_table(out)
    for col in ("event_id", "event_date", "event_type", "mode", "cameo_root", "source_name", "source_name_en",
                "source_code", "source_country", "source_sector", "target_name", "target_code", "target_country",
                "location_name", "negated", "trigger", "story_id", "doc_id", "url", "source_outlet", "sentence"):
        assert col in table.column_names
    assert str(table.schema.field("negated").type) == "bool"
    assert table.num_rows == 4
    assert table.column("source_code").to_pylist()[0] == "IRNMIL"
    # the format follows the extension; every table writes
    for t in ("quotes", "actors", "documents"):
        p = tmp_path / f"{t}.parquet"
        assert marsad("export", "--db", str(db), "--table", t, "-o", str(p)).returncode == 0
        assert pq.read_table(p).column_names == [c for c, _ in COLUMNS[t]]


def test_errors(db: Path, tmp_path: Path) -> None:
    r = marsad("export", "--db", str(db), "--table", "events", "--format", "parquet")
    assert r.returncode == 2 and "-o" in r.stderr and not r.stdout
    r = marsad("export", "--db", str(db), "--table", "events", "--since", "last week")
    assert r.returncode == 2 and "YYYY-MM-DD" in r.stderr
    r = marsad("export", "--db", str(db), "--table", "events", "--actor", "لا أحد بهذا الاسم")
    assert r.returncode == 1 and "no actor matches" in r.stderr
    r = marsad("export", "--db", str(tmp_path / "none.db"), "--table", "events")
    assert r.returncode == 2 and "no such database" in r.stderr
    with Store(db) as store, pytest.raises(ExportError):
        export(store, "events", "xlsx", str(tmp_path / "x.xlsx"))


def test_story_ids_when_stories_exist(tmp_path: Path) -> None:
    path = build_corpus(tmp_path / "s.db")
    with Store(path) as store:
        ids = [r[0] for r in store.db.execute("SELECT id FROM documents ORDER BY published")]
        # the tables of marsad.corpus.stories (only the columns the export reads)
        store.db.execute("CREATE TABLE story_documents (doc_id TEXT PRIMARY KEY, story_id INTEGER NOT NULL)")
        store.db.executemany("INSERT INTO story_documents VALUES (?, ?)", [(ids[0], 7), (ids[1], 7), (ids[2], 9)])
        buf = io.StringIO()
        export(store, "events", "csv", buf)
        assert [r["story_id"] for r in csv.DictReader(io.StringIO(buf.getvalue()))] == ["7", "7", "7", "9"]
        assert [d["story_id"] for d in rows(store, "documents")] == [7, 7, 9]
