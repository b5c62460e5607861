"""The Python API: marsad.open(path) -> Corpus with typed records and DataFrames."""
import dataclasses
import importlib.util
from pathlib import Path

import pytest

import marsad
from marsad.corpus.corpus import Actor, Corpus, CorpusError, DocumentInfo, Event, Quote, Records, Story
from marsad.corpus.export import COLUMNS
from test_export import build_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = build_corpus(tmp_path_factory.mktemp("api") / "api.db")
    c = marsad.open(str(path))
    yield c
    c.close()


def test_open(corpus: Corpus, tmp_path: Path) -> None:
    assert isinstance(corpus, Corpus) and len(corpus) == 3
    assert "3 documents" in repr(corpus)
    with pytest.raises(FileNotFoundError, match="no such database"):
        marsad.open(str(tmp_path / "typo.db"))
    assert not (tmp_path / "typo.db").exists()


def test_records_match_export_columns() -> None:
    for cls, table in ((Event, "events"), (Quote, "quotes"), (Actor, "actors"), (DocumentInfo, "documents")):
        assert [f.name for f in dataclasses.fields(cls)] == [c for c, _ in COLUMNS[table]]


def test_events(corpus: Corpus) -> None:
    evs = corpus.events()
    assert isinstance(evs, Records) and len(evs) == 4 and all(isinstance(e, Event) for e in evs)
    e = evs[0]
    assert (e.event_type, e.cameo_root, e.source_name_en, e.target_code, e.location_name_en, e.negated) == (
        "CONSULT", "04", "Mohammad Bagheri", "IRQGOV", "Baghdad", False)
    assert [x.event_type for x in corpus.events(actor="باقري")] == ["CONSULT", "CONSULT"]
    assert [x.event_date for x in corpus.events(actor="IRNMIL", since="2024-01-01")] == ["2024-05-01"]
    assert [x.event_type for x in corpus.events(type="assault")] == ["ASSAULT"]
    assert [x.event_date for x in corpus.events(since="2024-03-01", until="2024-03-31")] == ["2024-03-10"] * 2
    assert corpus.events(actor="nobody at all") == []

    df = corpus.events().to_pandas()
    assert list(df.columns) == [c for c, _ in COLUMNS["events"]]
    assert len(df) == 4 and df["source_country"].tolist()[0] == "IRN"
    assert df.groupby("event_type").size().to_dict() == {"ASSAULT": 1, "CONCEDE": 1, "CONSULT": 2}
    empty = corpus.events(type="PROTEST").to_pandas()
    assert len(empty) == 0 and "event_type" in empty.columns


def test_quotes_actors_documents(corpus: Corpus) -> None:
    qs = corpus.quotes()
    assert [type(q) for q in qs] == [Quote, Quote]
    assert [q.text for q in corpus.quotes(speaker="Mohammad Bagheri")] == ["محور المقاومة سيطرد الاحتلال الأمريكي"]
    assert corpus.quotes(since="2024-01-01")[0].speaker_name_en == "Houthis"

    people = corpus.actors(type="PER")
    assert {a.name_en for a in people} == {"Mohammad Bagheri", "Mohammed Shia al-Sudani"}
    bagheri = people[0]
    assert isinstance(bagheri, Actor) and bagheri.documents == 2 and set(bagheri.variants) == {"محمد باقري", "باقري"}
    assert len(corpus.actors()) == 7
    assert corpus.actors().to_pandas().set_index("name_en").loc["Damascus", "code"] == "SYR"

    docs = corpus.documents()
    assert all(isinstance(d, DocumentInfo) for d in docs)
    assert [d.outlet for d in docs[:2]] == ["وكالة المحور", "example-news.org"]
    assert [d.published for d in corpus.documents(actor="Bagheri")] == ["2023-12-04", "2024-05-02"]
    assert corpus.documents().to_pandas()["events"].sum() == 4
    full = corpus.document(docs[0].id[:8])
    assert full["id"] == docs[0].id and full["frames"]


def test_frames_and_sql(corpus: Corpus) -> None:
    prof = {g["outlet"]: g for g in corpus.frames()}
    assert prof["وكالة المحور"]["frames"]["resistance-axis"]["count"] == 2  # محور المقاومة، الاحتلال الأمريكي
    assert corpus.sql("SELECT count(*) AS n FROM events WHERE type = ?", "CONSULT") == [{"n": 2}]


def test_export_from_api(corpus: Corpus, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    assert corpus.export("events", tmp_path / "e.parquet", actor="Houthis") == 2
    assert corpus.export("quotes", tmp_path / "q.csv") == 2


def test_stories(tmp_path: Path, monkeypatch) -> None:
    c = marsad.open(str(build_corpus(tmp_path / "st.db")))
    try:
        if importlib.util.find_spec("marsad.corpus.stories") is not None:
            stories = c.stories()
            assert all(isinstance(s, Story) for s in stories)
            assert sorted(d for s in stories for d in s.documents) == sorted(d.id for d in c.documents())
            assert {e.story_id for e in c.events()} <= {s.story_id for s in stories}
            assert list(stories.to_pandas().columns)[:3] == ["story_id", "title", "size"]
        real = importlib.util.find_spec
        monkeypatch.setattr(importlib.util, "find_spec",
                            lambda name, *a: None if name == "marsad.corpus.stories" else real(name, *a))
        with pytest.raises(CorpusError, match="not available"):
            c.stories()
    finally:
        c.close()


def test_extract_still_returns_a_document() -> None:
    import marsad.extract.frames  # noqa: F401 - importing the package must not hide marsad.extract()

    doc = marsad.extract("قال المتحدث إن الكيان الصهيوني يواصل العدوان.")
    assert isinstance(doc, marsad.Document)
    assert [f["frame"] for f in doc.frames] == ["resistance-axis", "resistance-axis"]
