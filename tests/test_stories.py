"""Stories: near-duplicates and the same event across outlets, incremental, events once per story."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from marsad.commands.ingest import ingest
from marsad.corpus.store import Store
from marsad.corpus.stories import assign_stories, list_stories, story_events
from marsad.document import Document
from marsad.ingest import read_paths
from marsad.pipeline import Pipeline

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# -- a hand-made corpus in the JSON contract (shared with test_network and test_timeline) ------------

STRIKE = (
    "شنت طائرات حربية إسرائيلية فجر اليوم الأربعاء سلسلة غارات على مواقع تابعة لحزب الله في بلدات عيتا الشعب "
    "وكفركلا والخيام جنوب لبنان، ما أدى إلى تدمير مخازن ومنصات لإطلاق الصواريخ بحسب بيان للجيش الإسرائيلي. "
    "وقال الجيش الإسرائيلي في بيانه إن \"الغارات جاءت ردا على إطلاق صواريخ من لبنان باتجاه الجليل الأعلى مساء أمس\". "
    "وأفادت مصادر محلية بأن الغارات استهدفت أيضا طريقا زراعيا قرب الحدود، فيما حلقت طائرات مسيرة على علو منخفض "
    "فوق قرى القطاع الأوسط طوال ساعات الصباح. ودعت الحكومة اللبنانية مجلس الأمن الدولي إلى التحرك لوقف الاعتداءات "
    "المتكررة على السيادة اللبنانية، فيما لم يصدر عن حزب الله أي تعليق رسمي حتى ساعة إعداد هذا الخبر."
)
STRIKE_B = (STRIKE.replace("فجر اليوم الأربعاء", "فجر الأربعاء").replace("بحسب بيان", "وفق بيان")
            + " وكانت المنطقة قد شهدت تصعيدا مماثلا الأسبوع الماضي.")
STRIKE_C = (STRIKE.replace("طائرات حربية إسرائيلية", "مقاتلات إسرائيلية").replace("مصادر محلية", "مصادر أمنية")
            + " /انتهى/")
FISHERIES = (
    "وقع المغرب وموريتانيا اليوم الخميس في نواكشوط اتفاقية جديدة للتعاون في مجال الصيد البحري تمتد خمس سنوات، "
    "تسمح لسفن الصيد المغربية بالعمل في المياه الموريتانية مقابل دعم مالي وتقني لتطوير موانئ الصيد التقليدي. "
    "وتنص الاتفاقية على إنشاء لجنة مشتركة تجتمع مرتين في السنة لمتابعة الحصص وحماية المخزون السمكي من الاستنزاف، "
    "إضافة إلى برامج لتدريب البحارة وتبادل الخبرات في مجال البحث العلمي البحري وتربية الأحياء المائية."
)
FLOODS = (
    "غمرت سيول جارفة أحياء واسعة في مدينة البصرة بعد أمطار غزيرة هطلت طوال ليلة أمس، ما أدى إلى انقطاع الطرق "
    "الرئيسية وتعطل الدوام في المدارس والدوائر الحكومية. وأعلنت مديرية الدفاع المدني أن فرقها أخلت عشرات العائلات "
    "من المنازل المتضررة، فيما دعت دائرة الأنواء الجوية المواطنين إلى الابتعاد عن مجاري الوديان حتى نهاية الأسبوع."
)
THREAT = (
    "هدد حزب الله في بيان مساء السبت بالرد على أي اعتداء إسرائيلي يطال المدنيين في القرى الحدودية، مؤكدا أن "
    "المقاومة سترد على الجيش الإسرائيلي بالمثل إذا استمر استهداف المنازل والأراضي الزراعية في الجنوب."
)

ISRAEL = ("ORG", "الجيش الإسرائيلي", "Israeli Defense Forces", "ISRMIL")
HEZBOLLAH = ("ORG", "حزب الله", "Hezbollah", "LBNREB")
LEBANON = ("LOC", "لبنان", "Lebanon", "LBN")
MOROCCO = ("LOC", "المغرب", "Morocco", "MAR")
MAURITANIA = ("LOC", "موريتانيا", "Mauritania", "MRT")
BASRA = ("LOC", "البصرة", "Basra", "IRQ")


def make_doc(text: str, title: str, source: str, published: str | None, path: str,
             entities: list[tuple[tuple[str, str, str, str], list[str]]],
             events: list[dict[str, Any]] = (), quotes: list[dict[str, Any]] = ()) -> Document:
    """A processed document with hand-made entities/events/quotes in the JSON contract.

    Entities are (actor, [mention texts]); a mention written "X@Y" is the first X after Y.
    Events and quotes name entities by their position (0 -> "e1"); a quote's span is
    the first occurrence of its ``text``.
    """
    doc = Pipeline(extract=False)(Document(raw_text=text, title=title, source=source, published=published, path=path))
    doc.entities = []
    for i, ((etype, name, en, code), mentions) in enumerate(entities, 1):
        ms = []
        for m in mentions:
            m, _, after = m.partition("@")
            s = doc.text.index(m, doc.text.index(after) if after else 0)
            ms.append({"start": s, "end": s + len(m), "text": m})
        doc.entities.append({"id": f"e{i}", "type": etype, "name": name, "name_en": en, "actor_code": code,
                             "roles": [], "mentions": ms, "actor_key": f"{code}:{name}"})
    doc.events = []
    for ev in events:
        s = doc.text.index(ev["trigger"])
        doc.events.append({"type": ev["type"], "cameo": ev.get("cameo"), "mode": None,
                           "source": f"e{ev['source'] + 1}", "target": f"e{ev['target'] + 1}", "location": None,
                           "date": ev.get("date"), "negated": ev.get("negated", False), "trigger": ev["trigger"],
                           "sentence": ev.get("sentence", doc.text[s:s + 80]), "start": s, "end": s + len(ev["trigger"])})
    doc.quotes = []
    for q in quotes:
        s = doc.text.index(q["text"])
        doc.quotes.append({"speaker": f"e{q['speaker'] + 1}", "text": q["text"], "start": s, "end": s + len(q["text"]),
                           "direct": True, "cue": q.get("cue", "قال")})
    return doc


QUOTE = "الغارات جاءت ردا على إطلاق صواريخ من لبنان باتجاه الجليل الأعلى مساء أمس"
STRIKE_ENTS = [(ISRAEL, ["الجيش الإسرائيلي"]), (HEZBOLLAH, ["حزب الله"]), (LEBANON, ["لبنان@" + QUOTE[:20]])]
STRIKE_EVENT = {"type": "ASSAULT", "cameo": "19", "source": 0, "target": 1, "date": "2024-05-01", "trigger": "غارات"}
STRIKE_QUOTE = {"speaker": 0, "text": QUOTE}


def strike(text: str, title: str, source: str, path: str, published: str = "2024-05-01") -> Document:
    return make_doc(text, title, source, published, path, STRIKE_ENTS, [STRIKE_EVENT], [STRIKE_QUOTE])


def hand_made() -> dict[str, Document]:
    return {
        "strike_a": strike(STRIKE, "غارات إسرائيلية على مواقع لحزب الله في جنوب لبنان", "وكالة الشمال", "strike_a.txt"),
        "strike_b": strike(STRIKE_B, "طيران الاحتلال يقصف مواقع للمقاومة جنوب لبنان", "صحيفة الجنوب", "strike_b.txt"),
        "fisheries": make_doc(FISHERIES, "المغرب وموريتانيا يوقعان اتفاقية للصيد البحري", "وكالة الشمال", "2024-05-02",
                              "fisheries.txt", [(MOROCCO, ["المغرب"]), (MAURITANIA, ["موريتانيا"])],
                              [{"type": "AGREE", "cameo": "057", "source": 0, "target": 1, "date": "2024-05-02",
                                "trigger": "وقع"}]),
        "floods": make_doc(FLOODS, "سيول تغمر أحياء في البصرة", "صحيفة الجنوب", "2024-05-02", "floods.txt",
                           [(BASRA, ["البصرة"])]),
        "threat": make_doc(THREAT, "حزب الله يهدد بالرد على استهداف المدنيين", "صحيفة الجنوب", "2024-04-20",
                           "threat.txt", [(HEZBOLLAH, ["حزب الله"]), (ISRAEL, ["الجيش الإسرائيلي"])],
                           [{"type": "THREATEN", "cameo": "13", "source": 0, "target": 1, "date": "2024-04-20",
                             "trigger": "هدد"}]),
    }


def late_duplicate() -> Document:
    return strike(STRIKE_C, "مقاتلات إسرائيلية تقصف بلدات في جنوب لبنان", "قناة الساحل", "strike_c.txt",
                  published="2024-05-02")


def build_corpus(path: Path) -> tuple[Store, dict[str, Document]]:
    """The examples (if present) plus the hand-made documents, stored."""
    store = Store(path)
    if EXAMPLES.exists():
        ingest(store, read_paths([EXAMPLES]), Pipeline(extract=False), extracted=False, progress=False)
    docs = hand_made()
    for doc in docs.values():
        assert store.add(doc)
    return store, docs


@pytest.fixture()
def corpus(tmp_path: Path):
    store, docs = build_corpus(tmp_path / "c.db")
    yield store, docs
    store.close()


def story_of(store: Store, doc_id: str) -> int:
    return store.db.execute("SELECT story_id FROM story_documents WHERE doc_id = ?", (doc_id,)).fetchone()[0]


def test_near_duplicates_from_two_outlets_share_a_story(corpus) -> None:
    store, docs = corpus
    done = assign_stories(store)
    assert done.documents == store.count()
    a, b = story_of(store, docs["strike_a"].id), story_of(store, docs["strike_b"].id)
    assert a == b
    link = store.db.execute("SELECT link, score FROM story_documents WHERE doc_id = ?", (docs["strike_b"].id,)).fetchone()
    assert link[0] == "duplicate" and link[1] >= 0.5
    # unrelated stories stay apart, and so does an older story about the same actors
    others = {story_of(store, docs[k].id) for k in ("fisheries", "floods", "threat")}
    assert len(others) == 3 and a not in others


@pytest.mark.skipif(not EXAMPLES.exists(), reason="examples/ not present")
def test_examples_red_sea_pair_and_unrelated_examples(corpus) -> None:
    store, _ = corpus
    assign_stories(store)
    rows = store.db.execute(
        "SELECT d.path, d.source, d.title, sd.story_id FROM documents d JOIN story_documents sd ON sd.doc_id = d.id"
    ).fetchall()
    red = {r[3] for r in rows if (r[2] or "").startswith(("مليشيات الحوثي", "القوات المسلحة اليمنية"))}
    assert len(red) == 1  # 03 and 07, from two outlets (and their .txt copies) are one story
    red_story = red.pop()
    members = [r for r in rows if r[3] == red_story]
    assert {"قناة الخليج المثال", "وكالة صنعاء المثال"} <= {r[1] for r in members}
    assert len(members) == 4
    # the other examples are not in it, and are not merged with each other
    singles = [r for r in rows if r[0] and r[0].endswith(("01_turkey_syria_border.txt", "04_lebanon_cabinet_crisis.txt",
                                                          "05_saudi_iran_visit.txt", "06_basra_electricity_protests.txt"))]
    assert len({r[3] for r in singles}) == 4 and red_story not in {r[3] for r in singles}


def test_incremental_assignment_keeps_ids_and_extends_stories(corpus) -> None:
    store, docs = corpus
    assign_stories(store)
    before = dict(store.db.execute("SELECT doc_id, story_id FROM story_documents").fetchall())
    n_stories = store.db.execute("SELECT count(*) FROM stories").fetchone()[0]
    assert assign_stories(store).documents == 0  # nothing new: nothing to do
    late = late_duplicate()
    store.add(late)
    done = assign_stories(store)
    assert done.documents == 1 and done.new_stories == 0 and done.window < store.count()
    after = dict(store.db.execute("SELECT doc_id, story_id FROM story_documents").fetchall())
    assert {k: after[k] for k in before} == before
    assert after[late.id] == before[docs["strike_a"].id]
    assert store.db.execute("SELECT count(*) FROM stories").fetchone()[0] == n_stories
    s = list_stories(store, story_ids=[after[late.id]])[0]
    assert s["sources"] == sorted(["وكالة الشمال", "صحيفة الجنوب", "قناة الساحل"])
    assert s["first_date"] == "2024-05-01" and s["last_date"] == "2024-05-02"


def test_events_counted_once_per_story(corpus) -> None:
    store, docs = corpus
    store.add(late_duplicate())
    assign_stories(store)
    assert store.count("events") == 5  # three reports of the strike, the agreement, the threat
    evs = story_events(store)
    assaults = [e for e in evs if e["type"] == "ASSAULT"]
    assert len(assaults) == 1
    assert assaults[0]["reports"] == 3 and len(assaults[0]["documents"]) == 3
    assert assaults[0]["doc_id"] == docs["strike_a"].id  # the earliest report speaks for it
    assert len(evs) == 3
    sid = story_of(store, docs["strike_a"].id)
    assert list_stories(store, story_ids=[sid])[0]["events"] == 1
    # before stories exist, every document counts as its own story
    store.db.execute("DELETE FROM story_documents")
    assert len([e for e in story_events(store) if e["type"] == "ASSAULT"]) == 3


def test_rebuild_gives_the_same_grouping(corpus) -> None:
    store, _ = corpus
    assign_stories(store)
    groups = lambda: sorted(sorted(g.split(",")) for (g,) in store.db.execute(  # noqa: E731
        "SELECT group_concat(doc_id) FROM story_documents GROUP BY story_id"))
    first = groups()
    assign_stories(store, rebuild=True)
    assert groups() == first


def marsad(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], capture_output=True, text=True)


def test_cli_stories_json_and_text(corpus) -> None:
    store, docs = corpus
    db = store.path
    r = marsad("stories", "--db", db, "--format", "json")
    assert r.returncode == 0, r.stderr
    stories = [json.loads(line) for line in r.stdout.splitlines()]
    pair = next(s for s in stories if any(d["id"] == docs["strike_a"].id for d in s["documents"]))
    assert set(pair) == {"story_id", "title", "first_date", "last_date", "sources", "documents", "events"}
    assert {d["id"] for d in pair["documents"]} == {docs["strike_a"].id, docs["strike_b"].id}
    assert set(pair["documents"][0]) == {"id", "path", "url", "title", "source", "published"}
    assert pair["sources"] == sorted(["وكالة الشمال", "صحيفة الجنوب"]) and pair["events"] == 1
    assert pair["title"] == "غارات إسرائيلية على مواقع لحزب الله في جنوب لبنان"
    r = marsad("stories", "--db", db, "--since", "2024-05-01", "--min-docs", "2")
    assert r.returncode == 0, r.stderr
    assert f"story {pair['story_id']}" in r.stdout and "2 documents, 2 sources, 1 event" in r.stdout
    assert "سيول تغمر" not in r.stdout
    assert marsad("stories", "--db", str(Path(db).with_name("missing.db"))).returncode == 2
