"""PLOVER events: the trigger lexicon, the reading rules and ``marsad eval events``.

Every sentence here is written for these tests.  Entities are built by hand
(``doc_with``) so that the event rules are pinned independently of the entity
recognizer; one test runs the whole default pipeline.
"""
from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marsad.document import Document
from marsad.extract.events import (
    PLOVER_TYPES,
    EventExtractor,
    EventLexiconError,
    TriggerLexicon,
    load_lexicon,
)
from marsad.pipeline import Pipeline

TEXT = Pipeline(extract=False)
EXTRACTOR = EventExtractor()
GSR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "events" / "arabic_event_gsr"

# entity name -> (type, actor code, country)
ACTORS = {
    "عباس عراقجي": ("PER", "IRNGOV"),
    "عراقجي": ("PER", "IRNGOV"),
    "محمد شياع السوداني": ("PER", "IRQGOV"),
    "عبد اللطيف رشيد": ("PER", "IRQGOV"),
    "مسعود بزشكيان": ("PER", "IRNGOV"),
    "قاسم سليماني": ("PER", "IRNMIL"),
    "علي خامنئي": ("PER", "IRNGOV"),
    "خامنئي": ("PER", "IRNGOV"),
    "محمد باقري": ("PER", "IRNMIL"),
    "الحشد الشعبي": ("ORG", "IRQMIL"),
    "حركة النجباء": ("ORG", "IRQREB"),
    "الحرس الثوري": ("ORG", "IRNMIL"),
    "الحكومة العراقية": ("ORG", "IRQGOV"),
    "وزارة الخزانة الأمريكية": ("ORG", "USAGOV"),
    "القوات الأمريكية": ("ORG", "USAMIL"),
    "بغداد": ("LOC", "IRQ"),
    "البصرة": ("LOC", "IRQ"),
    "كركوك": ("LOC", "IRQ"),
    "دمشق": ("LOC", "SYR"),
    "بيروت": ("LOC", "LBN"),
    "مطار بغداد": ("LOC", "IRQ"),
    "العراق": ("LOC", "IRQ"),
    "الولايات المتحدة": ("LOC", "USA"),
}
COUNTRIES = {"العراق": "IRQ:العراق", "الولايات المتحدة": "USA:الولايات المتحده"}


def doc_with(text: str, names: list[str], published: str | None = "2024-01-10", quotes=()) -> Document:
    """Segment ``text``, add hand-made entities for ``names``, run the event extractor."""
    doc = TEXT(Document(raw_text=text, published=published))
    ents = []
    taken: list[tuple[int, int]] = []
    for name in sorted(names, key=len, reverse=True):  # longest names first
        mentions = []
        for m in re.finditer(re.escape(name), doc.text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            mentions.append({"start": m.start(), "end": m.end(), "text": name})
        etype, code = ACTORS[name]
        ent = {"id": f"e{len(ents) + 1}", "type": etype, "name": name, "roles": [], "mentions": mentions,
               "actor_code": code, "country": code[:3]}
        if name in COUNTRIES:
            ent["actor_key"] = COUNTRIES[name]
        ents.append(ent)
    doc.entities = ents
    doc.quotes = list(quotes)
    return EXTRACTOR(doc)


def ent_id(doc: Document, name: str) -> str:
    return next(e["id"] for e in doc.entities if e["name"] == name)


def candidates(doc: Document) -> list[dict]:
    """Every event read, attributed (``doc.events``) or not (``meta["unattributed_events"]``)."""
    return sorted(doc.events + doc.meta.get("unattributed_events", []), key=lambda e: e["trigger_start"])


def only(doc: Document, etype: str) -> dict:
    got = [e for e in candidates(doc) if e["type"] == etype]
    assert len(got) == 1, candidates(doc)
    return got[0]


_PIPELINE: Pipeline | None = None


def type_and_source(text: str, target: bool = False) -> list[tuple]:
    """(type, source name[, target name]) of each attributed event the default pipeline
    reads in ``text`` (one pipeline, built once, for the sentence-level tests)."""
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline()
    d = _PIPELINE(text).to_dict()
    names = {e["id"]: e["name"] for e in d["entities"]}
    if target:
        return [(e["type"], names.get(e["source"]), names.get(e["target"])) for e in d["events"]]
    return [(e["type"], names.get(e["source"])) for e in d["events"]]


# --------------------------------------------------------------------------
# the lexicon


def test_lexicon_has_twenty_triggers_per_plover_type() -> None:
    counts = load_lexicon().counts()
    assert set(counts) == set(PLOVER_TYPES)
    for etype, n in counts.items():
        assert n >= 20, (etype, n)


def test_lexicon_entries_carry_cameo_modes_and_target_prepositions() -> None:
    lex = load_lexicon()
    by_lemma = {(t.type, t.lemma): t for t in lex.triggers}
    visit = by_lemma[("CONSULT", "زيارة")]
    assert visit.cameo == "04" and visit.mode == "visit" and visit.gen == "source"
    assert by_lemma[("CONSULT", "التقى/يلتقي")].tgt == ("obj", "ب", "مع")
    assert by_lemma[("ASSAULT", "غارة")].mode == "aerial"
    assert by_lemma[("ASSAULT", "اغتيال")].gen == "target"
    assert by_lemma[("RETREAT", "انسحاب")].mode == "withdraw"
    assert by_lemma[("PROTEST", "اعتصام")].mode == "sit-in"
    assert by_lemma[("REQUEST", "دعا/يدعو")].cameo == "02"  # an appeal, CAMEO 02
    # conjugated and declined forms are indexed by their match form
    for form in ("زاروا", "يزورون", "زرنا", "وزيارته", "لقاءات", "غارات", "اغتيالات"):
        assert lex.lookup(form), form


@pytest.mark.parametrize("raw, message", [
    ({"types": {"FIGHT": {"cameo": "19", "triggers": []}}}, "unknown PLOVER types"),
    ({"types": {"ASSAULT": {"cameo": "18", "triggers": [{"n": "هجوم", "tgt": ["نحو"]}]}}}, "target marker"),
    ({"types": {"ASSAULT": {"cameo": "18", "triggers": [{"n": "هجوم", "v": "هاجم/يهاجم"}]}}}, "exactly one"),
    ({"types": {"ASSAULT": {"cameo": "18", "triggers": [{"v": "هاجم"}]}}}, "PAST/PRESENT"),
    ({"types": {"ASSAULT": {"cameo": "18", "triggers": [{"n": "هجوم", "colour": "red"}]}}}, "unknown keys"),
])
def test_lexicon_errors_name_the_entry(raw: dict, message: str) -> None:
    with pytest.raises(EventLexiconError, match=message):
        TriggerLexicon(raw, "test.yaml")


# --------------------------------------------------------------------------
# consult


def test_visit_masdar_with_light_verb_source_target_and_location() -> None:
    doc = doc_with("أجرى وزير الخارجية الإيراني عباس عراقجي أمس زيارة إلى بغداد.", ["عباس عراقجي", "بغداد"])
    ev = only(doc, "CONSULT")
    assert (ev["mode"], ev["cameo"], ev["trigger"]) == ("visit", "04", "زيارة")
    assert ev["source"] == ent_id(doc, "عباس عراقجي")
    assert ev["target"] == ev["location"] == ent_id(doc, "بغداد")
    assert ev["date"] == "2024-01-09"  # "أمس" before the publication date
    assert ev["sentence"] == doc.text[ev["start"]:ev["end"]]
    assert doc.text[ev["trigger_start"]:ev["trigger_end"]] == "زيارة"


def test_visit_masdar_genitive_is_the_visitor() -> None:
    doc = doc_with("وتستمر زيارة عراقجي لبغداد يومين.", ["عراقجي", "بغداد"])
    ev = only(doc, "CONSULT")
    assert ev["source"] == ent_id(doc, "عراقجي")
    assert ev["target"] == ev["location"] == ent_id(doc, "بغداد")


def test_visit_verb_takes_the_place_as_object() -> None:
    doc = doc_with("وزار عراقجي بغداد الأسبوع الماضي.", ["عراقجي", "بغداد"])
    ev = only(doc, "CONSULT")
    assert ev["mode"] == "visit"
    assert ev["source"] == ent_id(doc, "عراقجي") and ev["target"] == ent_id(doc, "بغداد")


def test_meeting_with_bi() -> None:
    doc = doc_with("التقى رئيس الوزراء محمد شياع السوداني بوزير الخارجية الإيراني عباس عراقجي في بغداد.",
                   ["محمد شياع السوداني", "عباس عراقجي", "بغداد"])
    ev = only(doc, "CONSULT")
    assert ev["mode"] == "meet"
    assert ev["source"] == ent_id(doc, "محمد شياع السوداني")
    assert ev["target"] == ent_id(doc, "عباس عراقجي")
    assert ev["location"] == ent_id(doc, "بغداد")


def test_phone_call() -> None:
    doc = doc_with("أجرى الرئيس العراقي عبد اللطيف رشيد اتصالا هاتفيا مع الرئيس الإيراني مسعود بزشكيان.",
                   ["عبد اللطيف رشيد", "مسعود بزشكيان"])
    ev = only(doc, "CONSULT")
    assert ev["mode"] == "phone"
    assert ev["source"] == ent_id(doc, "عبد اللطيف رشيد")
    assert ev["target"] == ent_id(doc, "مسعود بزشكيان")


# --------------------------------------------------------------------------
# assault


def test_airstrike_nationality_adjective_is_the_source() -> None:
    doc = doc_with("قتل خمسة مقاتلين في غارة أمريكية على موقع للحشد الشعبي شمالي كركوك. "
                   "ولم تعلق الولايات المتحدة على الغارة.", ["الحشد الشعبي", "كركوك", "الولايات المتحدة"])
    first = [e for e in doc.events if e["trigger_start"] < doc.text.index(".")]
    assert len(first) == 1, doc.events  # the killing is the strike's outcome: one event
    ev = first[0]
    assert (ev["type"], ev["mode"], ev["cameo"]) == ("ASSAULT", "aerial", "19")
    assert ev["source_code"] == "USA"
    assert ev["source"] == ent_id(doc, "الولايات المتحدة")
    assert ev["target_text"].startswith("موقع")
    assert ev["location"] == ent_id(doc, "كركوك")
    assert ev["victims_text"] == "خمسة مقاتلين"


def test_assassination_from_qibal_gives_source_and_target() -> None:
    doc = doc_with("جرى اغتيال قاسم سليماني من قبل الولايات المتحدة في محيط مطار بغداد.",
                   ["قاسم سليماني", "الولايات المتحدة", "مطار بغداد"])
    ev = only(doc, "ASSAULT")
    assert (ev["mode"], ev["cameo"]) == ("targeted", "18")
    assert ev["source"] == ent_id(doc, "الولايات المتحدة")
    assert ev["target"] == ent_id(doc, "قاسم سليماني")
    assert ev["location"] == ent_id(doc, "مطار بغداد")


def test_attack_vso_subject_and_object_split_at_case() -> None:
    doc = doc_with("هاجم مسلحون ملثمون صحفيين أمس في البصرة.", ["البصرة"])
    ev = only(doc, "ASSAULT")
    assert ev["source_text"] == "مسلحون ملثمون"
    assert ev["target_text"] == "صحفيين"
    assert ev["location"] == ent_id(doc, "البصرة")


def test_counted_victims_of_an_unvocalized_passive() -> None:
    doc = doc_with("قتل عشرون شخصا في انفجار سيارة مفخخة في بغداد أمس.", ["بغداد"])
    ev = only(doc, "ASSAULT")
    assert ev["mode"] == "bombing"
    assert ev["source"] is None
    assert "عشرون شخصا" in (ev.get("victims_text") or ev["target_text"])


def test_a_verbal_attack_is_criticism() -> None:
    doc = doc_with("وشن عراقجي هجوما لاذعا على السياسة الأمريكية.", ["عراقجي"])
    assert [e["type"] for e in doc.events] == ["ACCUSE"]


def test_a_named_past_event_is_a_reference_not_a_report() -> None:
    doc = doc_with("وتحدث الوزير عن ذكرى اغتيال قاسم سليماني.", ["قاسم سليماني"])
    assert not [e for e in doc.events if e["type"] == "ASSAULT"]


# --------------------------------------------------------------------------
# demands, governed actions, negation


def test_withdrawal_demand_inside_a_quote_is_a_request_of_the_speaker() -> None:
    text = "وقال المرشد علي خامنئي: «نطالب بانسحاب القوات الأمريكية من العراق فورا»."
    doc = doc_with(text, ["علي خامنئي", "العراق"])
    assert [e["type"] for e in doc.events] == ["REQUEST"]  # no RETREAT "happened"
    ev = doc.events[0]
    assert ev["source"] == ent_id(doc, "علي خامنئي")
    assert ev["quoted"] is True
    assert ev["action"] == "RETREAT"
    assert ev["target_text"] == "القوات الأمريكية"


def test_demand_with_speaker_from_the_quote_component() -> None:
    text = "وتحدث علي خامنئي أمام حشد من أنصاره. وأضاف: «نطالب بطرد القوات الأجنبية من العراق»."
    q0, q1 = text.index("«") + 1, text.index("»")
    quote = {"speaker": "e1", "text": text[q0:q1], "start": q0, "end": q1, "direct": True, "cue": "أضاف"}
    doc = doc_with(text, ["علي خامنئي", "العراق"], quotes=[quote])
    assert doc.text == text
    assert [e["type"] for e in doc.events] == ["REQUEST"]  # nobody was expelled (yet)
    ev = doc.events[0]
    assert ev["source"] == ent_id(doc, "علي خامنئي") == ev["speaker"]
    assert ev["action"] == "SANCTION" and ev["quoted"] is True


def test_demand_as_circumstantial_participle() -> None:
    doc = doc_with("وانتقد خامنئي التواجد الأمريكي في المنطقة، مطالباً الأميركيين بمغادرة العراق فوراً.",
                   ["خامنئي", "العراق"])
    types = [e["type"] for e in doc.events]
    assert types == ["ACCUSE", "REQUEST"]
    req = doc.events[1]
    assert req["source"] == ent_id(doc, "خامنئي") and req["source_inferred"] is True
    assert req["target_text"] == "الأميركيين"
    assert req["action"] == "RETREAT"


def test_need_to_withdraw_is_a_request() -> None:
    doc = doc_with("وشدد خامنئي على ضرورة انسحاب القوات الأمريكية من العراق.", ["خامنئي", "العراق"])
    assert [e["type"] for e in doc.events] == ["REQUEST"]
    assert doc.events[0]["action"] == "RETREAT" and doc.events[0]["source"] == ent_id(doc, "خامنئي")


def test_rejected_withdrawal_is_a_reject_not_a_retreat() -> None:
    doc = doc_with("رفضت الحكومة العراقية انسحاب القوات الأمريكية قبل نهاية العام.", ["الحكومة العراقية"])
    assert [e["type"] for e in doc.events] == ["REJECT"]
    ev = doc.events[0]
    assert ev["source"] == ent_id(doc, "الحكومة العراقية") and ev["action"] == "RETREAT"


def test_negated_visit() -> None:
    doc = doc_with("لم يزر عراقجي دمشق منذ عام 2011.", ["عراقجي", "دمشق"])
    ev = only(doc, "CONSULT")
    assert ev["negated"] is True
    assert ev["source"] == ent_id(doc, "عراقجي") and ev["target"] == ent_id(doc, "دمشق")


def test_denied_meeting_is_negated() -> None:
    doc = doc_with("ونفى المتحدث أن يكون الوزير قد التقى بالسفير الأمريكي في بيروت.", ["بيروت"])
    ev = only(doc, "CONSULT")
    assert ev["negated"] is True
    assert ev["source_text"] == "الوزير" and ev["target_text"] == "السفير الأمريكي"
    assert ev["target_code"] == "USA"


def test_future_visit_is_not_an_event_yet() -> None:
    doc = doc_with("وسيزور عراقجي بغداد الأسبوع المقبل.", ["عراقجي", "بغداد"])
    assert candidates(doc) == []


# --------------------------------------------------------------------------
# support, protest, threat, sanction


def test_praise_is_support() -> None:
    doc = doc_with("أشاد اللواء محمد باقري بدور الحشد الشعبي في حفظ الأمن.", ["محمد باقري", "الحشد الشعبي"])
    ev = only(doc, "SUPPORT")
    assert (ev["mode"], ev["cameo"]) == ("praise", "05")
    assert ev["source"] == ent_id(doc, "محمد باقري")
    assert ev["target"] == ent_id(doc, "الحشد الشعبي")


def test_protest_in_basra() -> None:
    doc = doc_with("تظاهر المئات في البصرة احتجاجا على انقطاع الكهرباء.", ["البصرة"])
    ev = only(doc, "PROTEST")  # "احتجاجا" restates the same protest
    assert (ev["mode"], ev["cameo"]) == ("demonstrate", "14")
    assert ev["location"] == ent_id(doc, "البصرة")
    assert ev["source_text"] == "المئات"
    assert ev["target_text"] == "انقطاع الكهرباء"


def test_sit_in_masdar() -> None:
    doc = doc_with("ونظم طلاب الجامعة اعتصاما أمام مبنى الوزارة في بغداد أمس.", ["بغداد"])
    ev = only(doc, "PROTEST")
    assert ev["mode"] == "sit-in"
    assert ev["source_text"] == "طلاب الجامعة"


def test_threat_with_vow_and_threat_of_attack() -> None:
    doc = doc_with("توعدت حركة النجباء الولايات المتحدة برد قاس.", ["حركة النجباء", "الولايات المتحدة"])
    ev = only(doc, "THREATEN")
    assert ev["source"] == ent_id(doc, "حركة النجباء")
    assert ev["target"] == ent_id(doc, "الولايات المتحدة")
    doc = doc_with("هدد الحرس الثوري بضرب القواعد الأمريكية في المنطقة.", ["الحرس الثوري"])
    assert [e["type"] for e in doc.events] == ["THREATEN"]  # the strike has not happened
    assert doc.events[0]["action"] == "ASSAULT"
    assert doc.events[0]["target_text"] == "القواعد الأمريكية"


def test_sanctions_imposed() -> None:
    doc = doc_with("فرضت وزارة الخزانة الأمريكية عقوبات على شركات إيرانية أمس.", ["وزارة الخزانة الأمريكية"])
    ev = only(doc, "SANCTION")
    assert (ev["mode"], ev["cameo"]) == ("sanctions", "16")
    assert ev["source"] == ent_id(doc, "وزارة الخزانة الأمريكية")
    assert ev["target_text"] == "شركات إيرانية" and ev["target_code"] == "IRN"


def test_plain_statement_is_no_event() -> None:
    doc = doc_with("قال الوزير إن الأمن مستتب في البلاد، وأكد أن الوضع مستقر.", [])
    assert candidates(doc) == []


def test_record_has_the_json_contract() -> None:
    doc = doc_with("التقى عراقجي بالسوداني في بغداد.", ["عراقجي", "بغداد"])
    ev = doc.events[0]
    for key in ("type", "cameo", "mode", "source", "target", "location", "date", "negated", "trigger",
                "sentence", "start", "end", "trigger_start", "trigger_end", "quoted"):
        assert key in ev
    assert not any(k.startswith("_") for k in ev)
    json.dumps(doc.to_dict(), ensure_ascii=False)


def test_default_pipeline_runs_events_last() -> None:
    p = Pipeline()
    assert p.names[-1] == "events"
    doc = p("أجرى وزير الخارجية الإيراني زيارة إلى بغداد التقى خلالها رئيس الوزراء العراقي.")
    assert any(e["type"] == "CONSULT" for e in candidates(doc))


def test_speed_well_under_two_milliseconds_per_article() -> None:
    body = ("وقال مصدر أمني إن مسلحين مجهولين هاجموا دورية للشرطة في بغداد أمس، مما أدى إلى مقتل شرطيين. "
            "وأشاد الوزير بجهود القوات الأمنية، مطالباً بمحاسبة المسؤولين عن الهجوم. "
            "وفي البصرة تظاهر المئات احتجاجا على انقطاع الكهرباء، فيما دعا المحافظ إلى الهدوء. ") * 6
    doc = TEXT(Document(raw_text=body))
    EXTRACTOR(doc)
    n = 200
    t0 = time.perf_counter()
    for _ in range(n):
        EXTRACTOR(doc)
    per_doc = (time.perf_counter() - t0) / n
    assert doc.events
    # a guard against pathological slowness only (typically ~2 ms); speed is measured by bench/events_speed.py
    assert per_doc < 0.02, f"{per_doc * 1000:.2f} ms per article"  # ~120 words x 18 sentences


# --------------------------------------------------------------------------
# marsad eval events


def _write_gsr(d: Path) -> None:
    d.mkdir()
    rows = {
        "assault": [
            ("A-1", "yes", "فجر انتحاري نفسه في سوق مزدحم ببغداد أمس فقتل عشرة أشخاص."),
            ("A-2", "yes", "وهاجم مسلحون دورية للجيش شمال المدينة أمس وقتلوا جنديين."),
            ("A-3", "easy no", "وقال الوزير إن الحكومة ستواصل الإصلاحات الاقتصادية."),
            ("A-4", "difficult no", "وبحث المجلس قضية الرواتب في جلسته الأخيرة."),
            ("A-5", "ambiguous", "وتحدث المسؤول عن الوضع الأمني."),
        ],
        "protest": [
            ("P-1", "yes", "تظاهر آلاف الطلاب أمس أمام البرلمان احتجاجا على رفع الرسوم."),
            ("P-2", "easy no", "وافتتح الرئيس معرضا للكتاب في العاصمة."),
            ("P-3", "easy no", "وتظاهر الموظفون أمس أمام الوزارة للمطالبة بالرواتب."),
        ],
    }
    spans = {
        "assault": [{"source": "A-1", "source_gold": "انتحاري", "target_gold": "", "verb_gold": "فجر"},
                    {"source": "A-2", "source_gold": "مسلحون", "target_gold": "دورية", "verb_gold": "هاجم"}],
        "protest": [{"source": "P-1", "source_gold": "الطلاب", "target_gold": "", "verb_gold": "تظاهر"}],
    }
    for name, items in rows.items():
        with open(d / f"{name}_gsr.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["", "accept", "event_type", "id", "label", "reject", "text", "total"])
            for n, (sid, label, text) in enumerate(items):
                w.writerow([n, 3 if label == "yes" else 0, name.upper(), sid, label, 0 if label == "yes" else 3, text, 3])
        (d / f"{name}_spans.json").write_text(json.dumps(spans[name], ensure_ascii=False), encoding="utf-8")


def _marsad(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], capture_output=True, text=True, check=False)


def test_eval_events_on_a_tiny_gsr(tmp_path: Path) -> None:
    data = tmp_path / "gsr"
    _write_gsr(data)
    r = _marsad("eval", "events", "--data", str(data), "--json")
    assert r.returncode == 0, r.stderr
    res = json.loads(r.stdout)
    a = res["types"]["ASSAULT"]["all"]
    assert (a["gold_positive"], a["gold_negative"]) == (2, 2)  # the ambiguous sentence is left out
    assert (a["tp"], a["fp"], a["fn"]) == (2, 0, 0)
    assert a["precision"] == a["recall"] == a["f1"] == 1.0
    assert a["source"]["gold"] == 2 and a["source"]["overlap"] == 2 and a["source"]["agree"] == 1.0
    assert a["target"]["gold"] == 1 and a["target"]["overlap"] == 1
    p = res["types"]["PROTEST"]["all"]
    assert (p["tp"], p["fp"], p["fn"]) == (1, 1, 0)  # P-3 is a protest the (made-up) gold denies
    assert p["fp_by_label"] == {"easy no": 1} and a["fp_by_label"] == {}
    assert p["precision"] == 0.5 and p["recall"] == 1.0 and abs(p["f1"] - 0.6667) < 1e-3
    assert p["source"]["overlap"] == 1
    r = _marsad("eval", "events", "--data", str(data))
    assert r.returncode == 0, r.stderr
    assert "ASSAULT" in r.stdout and "PROTEST" in r.stdout and "F1" in r.stdout


def test_eval_events_missing_data_is_a_clear_error(tmp_path: Path) -> None:
    r = _marsad("eval", "events", "--data", str(tmp_path / "nowhere"))
    assert r.returncode == 2
    assert "arabic_event_gsr" in r.stderr or "gsr.csv" in r.stderr


@pytest.mark.skipif(not GSR.is_dir(), reason="OEDA Arabic event GSR not available")
def test_eval_events_reads_the_real_gsr() -> None:
    from marsad.commands.eval_events import evaluate

    res = evaluate(GSR, limit=40)
    for etype in ("ASSAULT", "PROTEST"):
        d = res["types"][etype]["all"]
        assert d["gold_positive"] + d["gold_negative"] > 0
        assert 0.0 <= d["f1"] <= 1.0


# --------------------------------------------------------------------------
# attribution: role phrases, partners, unattributed candidates, one event per act


def test_role_phrase_resolves_to_the_person_named_after_it() -> None:
    doc = doc_with("وندد المتحدث باسم الحرس الثوري محمد باقري بالقصف.", ["محمد باقري", "الحرس الثوري"])
    assert only(doc, "ACCUSE")["source"] == ent_id(doc, "محمد باقري")


def test_person_with_another_role_is_not_taken_for_a_role_phrase() -> None:
    doc = TEXT(Document(raw_text="التقى الرئيس وزير الخارجية عباس عراقجي في بغداد.", published="2024-01-10"))
    s = doc.text.index("عباس عراقجي")
    doc.entities = [{"id": "e1", "type": "PER", "name": "عباس عراقجي", "roles": ["وزير الخارجية"],
                     "mentions": [{"start": s, "end": s + 11, "text": "عباس عراقجي"}], "actor_code": "IRNGOV"}]
    doc.quotes = []
    ev = only(EXTRACTOR(doc), "CONSULT")
    assert ev["source"] is None and ev["source_text"] == "الرئيس" and ev["target"] == "e1"
    assert ev not in doc.events and ev in doc.meta["unattributed_events"]


def test_title_and_surname_resolve_to_the_full_name() -> None:
    doc = doc_with("وصل محمد باقري إلى بغداد. وأشاد اللواء باقري بجهود الحكومة العراقية.",
                   ["محمد باقري", "بغداد", "الحكومة العراقية"])
    assert only(doc, "SUPPORT")["source"] == ent_id(doc, "محمد باقري")


def test_role_of_an_organization_body_falls_back_to_the_organization() -> None:
    doc = doc_with("ورحب المكتب الإعلامي لحركة النجباء بقرار الحكومة العراقية.", ["حركة النجباء", "الحكومة العراقية"])
    assert only(doc, "SUPPORT")["source"] == ent_id(doc, "حركة النجباء")


def test_light_verb_subject_and_coordinated_counterpart() -> None:
    doc = doc_with("عقد محمد باقري ونظيره العراقي عبد اللطيف رشيد، اليوم الأحد، اجتماعا في بغداد.",
                   ["محمد باقري", "عبد اللطيف رشيد", "بغداد"])
    ev = only(doc, "CONSULT")
    assert ev["source"] == ent_id(doc, "محمد باقري") and ev["target"] == ent_id(doc, "عبد اللطيف رشيد")


def test_counterpart_by_nationality() -> None:
    doc = doc_with("ورحب عبد اللطيف رشيد بالمبادرة في دمشق. وعقد عباس عراقجي جلسة مباحثات مع نظيره العراقي.",
                   ["عبد اللطيف رشيد", "دمشق", "عباس عراقجي"])
    ev = only(doc, "CONSULT")
    assert ev["source"] == ent_id(doc, "عباس عراقجي") and ev["target"] == ent_id(doc, "عبد اللطيف رشيد")


def test_agent_of_a_relative_light_verb_gives_the_country() -> None:
    doc = doc_with("ونددت الولايات المتحدة بالتصعيد. ويأتي ذلك بعد يومين من غارات شنتها طائرات مسيرة أمريكية "
                   "على مواقع الحشد الشعبي.", ["الولايات المتحدة", "الحشد الشعبي"])
    ev = only(doc, "ASSAULT")
    assert ev["source"] == ent_id(doc, "الولايات المتحدة") and ev["target"] == ent_id(doc, "الحشد الشعبي")


def test_second_demand_verb_keeps_the_explicit_subject() -> None:
    doc = doc_with("من جهته، أكد عباس عراقجي أن بلاده مستعدة للحوار، وطالب الجانب الأمريكي بسحب قواته.",
                   ["عباس عراقجي"])
    ev = only(doc, "REQUEST")
    assert ev["source"] == ent_id(doc, "عباس عراقجي") and ev["target_text"] == "الجانب الأمريكي"


def test_unattributed_diplomatic_event_goes_to_meta_material_one_stays() -> None:
    doc = doc_with("وعقد اجتماع أمني في بغداد. وهاجم مسلحون دورية للجيش في كركوك.", ["بغداد", "كركوك"])
    assert [e["type"] for e in doc.events] == ["ASSAULT"]  # unidentified gunmen: still news
    assert [e["type"] for e in doc.meta["unattributed_events"]] == ["CONSULT"]  # a meeting of nobody


def test_one_event_per_act_in_a_document() -> None:
    doc = doc_with("عباس عراقجي ينتقد الحكومة العراقية\nانتقد عباس عراقجي الحكومة العراقية أمس. "
                   "وانتقد عباس عراقجي أيضا سياسات الحشد الشعبي.",
                   ["عباس عراقجي", "الحكومة العراقية", "الحشد الشعبي"])
    accuse = [e for e in doc.events if e["type"] == "ACCUSE"]
    assert len(accuse) == 2  # the headline restates the lead; the second criticism is another act


def test_meeting_frame_takes_the_main_clause_subject_as_host() -> None:
    doc = doc_with("أكد الرئيس العراقي عبد اللطيف رشيد، خلال استقبال محمد باقري، أن العلاقات بين البلدين متينة.",
                   ["عبد اللطيف رشيد", "محمد باقري"])
    ev = only(doc, "CONSULT")
    assert ev["source"] == ent_id(doc, "عبد اللطيف رشيد") and ev["target"] == ent_id(doc, "محمد باقري")


def test_meeting_frame_before_the_verb_and_a_pronoun_on_the_masdar() -> None:
    doc = doc_with("وخلال لقائه محمد شياع السوداني في بغداد، أشاد عباس عراقجي بدور الحكومة العراقية.",
                   ["محمد شياع السوداني", "بغداد", "عباس عراقجي", "الحكومة العراقية"])
    ev = only(doc, "CONSULT")
    assert ev["source"] == ent_id(doc, "عباس عراقجي") and ev["target"] == ent_id(doc, "محمد شياع السوداني")


def test_meeting_frame_with_two_guests_is_one_meeting_with_each() -> None:
    doc = doc_with("وهنأ علي خامنئي خلال استقبال محمد شياع السوداني وعبد اللطيف رشيد الشعب العراقي بالعيد.",
                   ["علي خامنئي", "محمد شياع السوداني", "عبد اللطيف رشيد"])
    got = sorted((e["source"], e["target"]) for e in candidates(doc) if e["type"] == "CONSULT")
    src = ent_id(doc, "علي خامنئي")
    assert got == sorted([(src, ent_id(doc, "محمد شياع السوداني")), (src, ent_id(doc, "عبد اللطيف رشيد"))])


def test_reciprocal_subject_takes_the_two_parties_of_the_last_meeting() -> None:
    doc = doc_with("التقى عباس عراقجي مع محمد شياع السوداني في بغداد. واتفق الجانبان على تشكيل لجنة اقتصادية مشتركة.",
                   ["عباس عراقجي", "محمد شياع السوداني", "بغداد"])
    ev = only(doc, "AGREE")
    assert ev["source"] == ent_id(doc, "عباس عراقجي") and ev["target"] == ent_id(doc, "محمد شياع السوداني")


def test_reciprocal_subject_without_a_meeting_stays_unnamed() -> None:
    doc = doc_with("واتفق الطرفان على تشكيل لجنة اقتصادية مشتركة في بغداد.", ["بغداد"])
    assert all(e.get("source") is None for e in candidates(doc) if e["type"] == "AGREE")


def test_meeting_after_a_background_word_is_reported_when_a_clause_says_it_took_place() -> None:
    doc = doc_with("وأكد عباس عراقجي، عقب لقاء جمعه مع محمد شياع السوداني، أن العلاقات بين البلدين متينة.",
                   ["عباس عراقجي", "محمد شياع السوداني"])
    ev = only(doc, "CONSULT")
    assert ev["source"] == ent_id(doc, "عباس عراقجي") and ev["target"] == ent_id(doc, "محمد شياع السوداني")


def test_meeting_frame_after_a_fronted_adverb_takes_the_verb_subject() -> None:
    doc = doc_with("من جهته، أكد الرئيس عبد اللطيف رشيد، خلال لقائه رئيس الوزراء محمد شياع السوداني في بغداد، "
                   "أن الحكومة العراقية ماضية في الإصلاح.",
                   ["عبد اللطيف رشيد", "محمد شياع السوداني", "بغداد", "الحكومة العراقية"])
    ev = only(doc, "CONSULT")
    assert ev["source"] == ent_id(doc, "عبد اللطيف رشيد") and ev["target"] == ent_id(doc, "محمد شياع السوداني")


def test_visit_phrase_after_an_arrival_takes_the_arriving_subject() -> None:
    doc = doc_with("وصل عباس عراقجي، صباح اليوم، إلى بغداد في زيارة رسمية إلى العراق تستغرق يومين.",
                   ["عباس عراقجي", "بغداد", "العراق"])
    got = [e for e in candidates(doc) if e["type"] == "CONSULT"]
    assert got and all(e["source"] == ent_id(doc, "عباس عراقجي") for e in got)
    assert {e["target"] for e in got} & {ent_id(doc, "بغداد"), ent_id(doc, "العراق")}


def test_kana_fi_istiqbalihi_names_the_host_after_and_the_guest_before() -> None:
    doc = doc_with("وصل عباس عراقجي إلى بغداد في زيارة رسمية. وكان في استقباله لدى وصوله إلى مطار بغداد "
                   "رئيس الوزراء محمد شياع السوداني.",
                   ["عباس عراقجي", "بغداد", "مطار بغداد", "محمد شياع السوداني"])
    host = [e for e in candidates(doc) if e["type"] == "CONSULT" and e["source"] == ent_id(doc, "محمد شياع السوداني")]
    assert len(host) == 1 and host[0]["target"] == ent_id(doc, "عباس عراقجي")


def test_conjunction_on_a_verb_starting_with_al_is_no_article() -> None:
    doc = doc_with("والتقى عباس عراقجي في بغداد محمد شياع السوداني.", ["عباس عراقجي", "بغداد", "محمد شياع السوداني"])
    ev = only(doc, "CONSULT")
    assert ev["source"] == ent_id(doc, "عباس عراقجي") and ev["trigger"] == "والتقى"


# --------------------------------------------------------------------------
# reports, not references (OEDA precision rules)


def reported(doc: Document, etype: str) -> list[dict]:
    return [e for e in doc.events if e["type"] == etype and not e["negated"]]


def test_background_noun_read_through_clitic_and_possessive() -> None:
    doc = doc_with("واعتقلت الشرطة رجلا لتورطه في اختطاف صحافيين في بغداد.", ["بغداد"])
    assert reported(doc, "ASSAULT") == []
    assert reported(doc, "COERCE")


def test_background_noun_with_adjectives_before_the_trigger() -> None:
    doc = doc_with("وتواصلت التحقيقات القضائية والأمنية في التفجير الذي استهدف دورية في بيروت.", ["بيروت"])
    assert reported(doc, "ASSAULT") == []


def test_generic_any_attack_is_no_event() -> None:
    doc = doc_with("وقال الوزير إن بلاده تدين أي اعتداء على المدنيين في كركوك.", ["كركوك"])
    assert reported(doc, "ASSAULT") == []


def test_warning_against_an_attack_is_no_event() -> None:
    doc = doc_with("ونقلت الإذاعة عن النائبة تحذيرها من حدوث اغتيال سياسي آخر في بغداد.", ["بغداد"])
    assert reported(doc, "ASSAULT") == []


def test_coordinated_nouns_share_the_status_of_the_first() -> None:
    doc = doc_with("وتمنى أن يضع العام الجديد حدا لمسلسل الاغتيالات والتفجيرات في بيروت.", ["بيروت"])
    assert reported(doc, "ASSAULT") == []
    doc = doc_with("وتتهم المنظمة الميليشيات بارتكاب أعمال قتل واغتصاب في البصرة أمس.", ["البصرة"])
    assert reported(doc, "ASSAULT") == []


def test_attack_dated_to_an_earlier_year_is_history() -> None:
    doc = doc_with("وفي يوليو 2005 فجر انتحاريون أنفسهم في محطات المترو.", [], published="2008-03-02")
    assert reported(doc, "ASSAULT") == []
    doc = doc_with("وفجر انتحاري نفسه أمس في سوق ببغداد.", ["بغداد"], published="2008-03-02")
    assert reported(doc, "ASSAULT")


def test_a_span_since_a_year_is_not_history() -> None:
    doc = doc_with("واعتقلت القوات الأمريكية منذ عام 2005 مئات المشتبه بهم في كركوك.", ["كركوك"],
                   published="2008-03-02")
    assert reported(doc, "COERCE")


def test_signing_an_agreement_is_agree() -> None:
    doc = doc_with("ووقع عباس عراقجي مع عبد اللطيف رشيد اتفاقية للتعاون الأمني في بغداد.",
                   ["عباس عراقجي", "عبد اللطيف رشيد", "بغداد"])
    ev = only(doc, "AGREE")
    assert ev["mode"] == "sign" and ev["cameo"] == "05"
    assert ev["source"] == ent_id(doc, "عباس عراقجي")
    assert not [e for e in candidates(doc) if e["type"] == "SUPPORT"]


def test_walkout_in_protest_is_a_protest_not_a_retreat() -> None:
    doc = doc_with("انسحب وزراء الحشد الشعبي من جلسة الحكومة العراقية اليوم احتجاجا على قرار الحكومة العراقية.",
                   ["الحشد الشعبي", "الحكومة العراقية"])
    ev = only(doc, "PROTEST")
    assert ev["mode"] == "boycott" and ev["cameo"] == "14"
    assert not [e for e in candidates(doc) if e["type"] == "RETREAT"]


def test_in_protest_after_another_act_is_its_motive() -> None:
    doc = doc_with("واستدعت الحكومة العراقية سفيرها في دمشق اليوم احتجاجا على تصريحات المسؤولين.",
                   ["الحكومة العراقية", "دمشق"])
    assert not [e for e in candidates(doc) if e["type"] == "PROTEST"]
    assert [e for e in candidates(doc) if e["type"] == "SANCTION"]


def test_demand_after_a_place_phrase_keeps_the_subject() -> None:
    doc = doc_with("وانتقد محمد شياع السوداني الوزارة، وطالب الحكومة العراقية في بغداد بالتدخل الفوري.",
                   ["محمد شياع السوداني", "الحكومة العراقية", "بغداد"])
    ev = only(doc, "REQUEST")
    assert ev["source"] == ent_id(doc, "محمد شياع السوداني")
    assert ev["target"] == ent_id(doc, "الحكومة العراقية")


def test_what_known_protesters_do_elaborates_the_protest() -> None:
    doc = doc_with("وتظاهر مئات الطلاب أمس في البصرة. ورشق المتظاهرون قوات الأمن بالحجارة وقطعوا الطريق الرئيسي.",
                   ["البصرة"])
    protests = reported(doc, "PROTEST")
    assert len(protests) == 1 and protests[0]["trigger"] == "وتظاهر"


# --------------------------------------------------------------------------
# the report filter (marsad/models/events_filter.*)


def test_report_filter_keeps_an_incident_report_without_a_named_actor() -> None:
    doc = doc_with("قتل خمسة أشخاص وأصيب عشرة آخرون في انفجار سيارة مفخخة في سوق شعبي ببغداد أمس.", ["بغداد"])
    ev = reported(doc, "ASSAULT")
    assert ev and ev[0]["source"] is None and ev[0]["report_score"] >= 0.5


def test_report_filter_moves_an_actorless_mention_to_meta() -> None:
    text = "وقالت الشرطة إنها تحتجز عشرين شابا شاركوا في الهجوم على المعسكر."
    doc = doc_with(text, [])
    assert reported(doc, "ASSAULT") == []
    loose = [e for e in doc.meta.get("unattributed_events", []) if e["type"] == "ASSAULT"]
    assert loose and loose[0]["report_score"] < 0.5


def test_report_filter_leaves_events_with_an_actor_alone() -> None:
    doc = doc_with("وقال الكاتب إن الحرس الثوري اغتال المعارض في مقهى بدمشق.", ["الحرس الثوري", "دمشق"])
    ev = reported(doc, "ASSAULT")
    assert ev and ev[0]["source"] == ent_id(doc, "الحرس الثوري") and "report_score" not in ev[0]


def test_report_filter_keeps_finite_verb_reports_of_unnamed_actors() -> None:
    # the ASSAULT model judges every event without a named source (scope "unnamed"),
    # finite verbs too; a plain one-line report stays
    for text in ("وفجر انتحاري نفسه أمس في سوق ببغداد.",
                 "واختطف مسلحون مجهولون صحافيا أمام منزله في البصرة مساء الخميس."):
        doc = doc_with(text, ["بغداد", "البصرة"])
        ev = reported(doc, "ASSAULT")
        assert ev and ev[0]["trigger_kind"] == "v" and ev[0]["report_score"] >= 0.5


def test_report_filter_judges_events_the_rules_could_not_attribute() -> None:
    # no actor phrase, target, victims or place entity: without the filter's
    # judgement this goes to meta["unattributed_events"]
    text = "وانفجرت سيارة مفخخة صباح أمس قرب سوق شعبي وأسفرت عن إصابة 17 شخصا بجروح."
    doc = doc_with(text, [])
    ev = reported(doc, "ASSAULT")
    assert ev and ev[0]["source_text"] is None and ev[0]["report_score"] >= 0.5
    doc = TEXT(Document(raw_text=text, published="2024-01-10"))
    EventExtractor(report_filter=False)(doc)
    assert not [e for e in doc.events if e["type"] == "ASSAULT"]


def test_report_filter_scope_and_features() -> None:
    from marsad.extract.events import FILTER_SCOPES, ReportFilter, report_features

    f = ReportFilter()
    assert set(f.scopes) == {"ASSAULT", "PROTEST"}
    assert all(scope in FILTER_SCOPES and scope != "all" for scope, _un in f.scopes.values())
    ev = {"type": "ASSAULT", "trigger": "هجوم", "trigger_kind": "n", "mode": "bombing", "cameo": "18",
          "sentence": "وقع هجوم أمس.", "start": 0, "end": 13, "trigger_start": 4, "negated": False}
    feats = report_features(ev)
    assert {"kind=n", "mode=bombing", "cameo=18", "unattributed"} <= set(feats)
    assert not any(k.startswith("len=") for k in feats)  # the GSR's sentence cuts are no article's
    named = dict(ev, source="e1", source_text="الحرس الثوري")
    assert not f.judged(named)  # a named source is the rules' own report


def test_report_filter_can_be_turned_off() -> None:
    text = "وقالت الشرطة إنها تحتجز عشرين شابا شاركوا في الهجوم على المعسكر."
    doc = TEXT(Document(raw_text=text, published="2024-01-10"))
    EventExtractor(report_filter=False)(doc)
    assert [e for e in doc.events if e["type"] == "ASSAULT"]


def test_report_filter_features_hold_words_not_sentences() -> None:
    data = json.loads((Path(__file__).resolve().parents[1] / "marsad" / "models" / "events_filter.json")
                      .read_text(encoding="utf-8"))
    assert set(data["types"]) == {"ASSAULT", "PROTEST"}
    for m in data["types"].values():
        assert 0 < m["threshold"] < 1
        assert all(" " not in f for f in m["weights"])  # single words and flags only


def test_report_features_words_are_clitic_stripped_and_optional() -> None:
    from marsad.extract.events import report_features

    text = "وانفجرت عبوة ناسفة بالقرب من دورية للشرطة في المدينة."
    ev = {"type": "ASSAULT", "trigger": "وانفجرت", "trigger_kind": "v", "sentence": text, "start": 0,
          "end": len(text), "trigger_start": 0, "negated": False}
    plain = report_features(ev)
    assert not any(k.startswith("w=") for k in plain)
    feats = report_features(ev, words=True)
    assert set(plain) < set(feats)
    words = {k[2:] for k in feats if k.startswith("w=")}
    # folded, the article and one proclitic off: "وانفجرت" -> "انفجرت", "للشرطة" -> "شرطه"
    assert {"انفجرت", "عبوه", "ناسفه", "قرب", "دوريه", "شرطه", "مدينه"} <= words
    assert not any(" " in w or w.startswith("ال") for w in words)


def test_report_filter_reads_word_weights_only_when_the_model_says_so(tmp_path) -> None:
    from marsad.extract.events import ReportFilter

    text = "وتظاهر مئات العمال أمام مقر الشركة."
    ev = {"type": "PROTEST", "trigger": "وتظاهر", "trigger_kind": "v", "sentence": text, "start": 0,
          "end": len(text), "trigger_start": 0, "negated": False}
    model = {"types": {"PROTEST": {"scope": "actorless", "bias": 0.0, "threshold": 0.5,
                                   "weights": {"kind=v": 0.2, "w=عمال": 2.0}}}}
    path = tmp_path / "m.json"
    path.write_text(json.dumps(model, ensure_ascii=False), encoding="utf-8")
    without = ReportFilter(path).score(ev)
    model["types"]["PROTEST"]["words"] = True
    path.write_text(json.dumps(model, ensure_ascii=False), encoding="utf-8")
    with_words = ReportFilter(path).score(ev)
    assert without == pytest.approx(1 / (1 + 2.718281828 ** -0.2), abs=1e-4)
    assert with_words == pytest.approx(1 / (1 + 2.718281828 ** -2.2), abs=1e-4)


def test_train_events_filter_folds_the_word_scale_into_the_weights() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    import train_events_filter as T

    def ev(text: str) -> dict:
        return {"type": "ASSAULT", "trigger": text.split()[0], "trigger_kind": "v", "sentence": text, "start": 0,
                "end": len(text), "trigger_start": 0, "negated": False, "source": None,
                "location": "e1", "cameo": "18"}

    reports = ["وانفجرت قنبلة في سوق المدينة أمس وأصيب ثلاثة أشخاص.", "وهاجم مسلحون نقطة تفتيش ليلا وقتل جنديان."]
    mentions = ["وهاجم الكاتب في مقاله سياسة الحكومة.", "وانفجرت الأزمة بين الحزبين في البرلمان."]
    rows = [(f"r{k}", True, [ev(reports[k % 2])]) for k in range(20)]
    rows += [(f"m{k}", False, [ev(mentions[k % 2])]) for k in range(20)]
    m = T.train(rows, Cs=(1.0,), scopes=("unnamed",), unattributed=(False,), words=(0.5,), log=lambda *_: None)
    assert m["words"] is True and m["word_scale"] == 0.5 and m["cv_f1"] == 1.0
    assert m["weights"].get("w=سوق", 0) > 0 and m["weights"].get("w=حكومه", 0) < 0
    plain = T.train(rows, Cs=(1.0,), scopes=("unnamed",), unattributed=(False,), words=(0.0,), log=lambda *_: None)
    assert "words" not in plain and not any(k.startswith("w=") for k in plain["weights"])


def test_nuclear_test_is_no_bombing() -> None:
    for text in ("وقالت الوكالة إن كوريا الشمالية فجرت قنبلتها النووية الأولى في موقع جبلي أمس.",
                 "وأجرت الدولة أمس تفجيرا نوويا تحت الأرض في صحراء الجنوب."):
        doc = doc_with(text, [])
        assert not [e for e in candidates(doc) if e["type"] == "ASSAULT"], text


def test_no_occurrence_of_an_attack_is_negated() -> None:
    doc = doc_with("وقال المسؤولون إن الاعتقالات ساهمت في عدم حدوث هجوم كبير في البصرة منذ عام 2005.", ["البصرة"])
    assert reported(doc, "ASSAULT") == []
    ev = [e for e in candidates(doc) if e["type"] == "ASSAULT"]
    assert ev and all(e["negated"] for e in ev)


def test_earlier_attacks_named_by_an_adjective_are_background() -> None:
    for text in ("وكانت الحركة التي نفذت عمليات انتحارية سابقة في البصرة وراء التفجير.",
                 "وقال المحققون إن الهجوم السابق على المعسكر استخدم فيه الأسلوب نفسه."):
        doc = doc_with(text, ["البصرة"])
        assert not [e for e in candidates(doc) if e["type"] == "ASSAULT" and e["trigger"].startswith(("عمليات", "الهجوم"))], text
    # "في وقت سابق" is a time, not an adjective of the attack
    doc = doc_with("وشن مسلحون هجوما على نقطة للشرطة في البصرة في وقت سابق أمس.", ["البصرة"])
    assert [e for e in candidates(doc) if e["type"] == "ASSAULT"]


def test_exposure_verb_reads_its_complement_over_a_long_patient() -> None:
    # "تعرض X لـ<masdar>": the noun is what X suffered, not a purpose, also when X is
    # a long phrase with commas in it
    for text, victim in (("وتعرضت دورية تابعة للجيش لإطلاق نار قرب الحدود أمس.", "دورية تابعة للجيش"),
                         ("وتعرض قيادي في الحركة، هو نائب وزير النقل، للخطف في البصرة الثلاثاء.", "قيادي")):
        doc = doc_with(text, ["البصرة"])
        ev = [e for e in candidates(doc) if e["type"] == "ASSAULT"]
        assert ev and ev[0]["target_text"].startswith(victim), (text, candidates(doc))
    # a purpose is still a purpose
    doc = doc_with("ووصل فريق من الخبراء إلى البصرة لتفجير الألغام المتبقية.", ["البصرة"])
    assert not [e for e in candidates(doc) if e["type"] == "ASSAULT"]


def test_definite_background_noun_ends_the_subject_of_a_verb() -> None:
    # "اللجنة" is a background word ("لجنة التحقيق في الاغتيال") but, definite, it ends
    # the subject of the verb after it
    doc = doc_with("وقال إن موظف اللجنة خطف من منزله في البصرة أمس على يد مسلحين.", ["البصرة"])
    ev = only(doc, "ASSAULT")
    assert ev["target_text"] == "موظف اللجنة" and ev["source_text"] == "مسلحين"
    # an indefinite head takes the verbal noun as its genitive: still background
    doc = doc_with("وأحالت الشرطة قضية خطف الشابين في البصرة إلى المحكمة.", ["البصرة"])
    assert not [e for e in candidates(doc) if e["type"] == "ASSAULT"]


def test_agent_phrase_after_a_verb_and_its_patient() -> None:
    # "برصاص X" names the shooter; the noun phrase right after the verb is the victim
    doc = doc_with("وقتل شاب برصاص القوات الأمريكية قرب مطار بغداد أمس.", ["القوات الأمريكية", "مطار بغداد"])
    ev = only(doc, "ASSAULT")
    assert ev["source"] == ent_id(doc, "القوات الأمريكية") and ev["target_text"] == "شاب"
    doc = doc_with("وخطف موظف في البلدية من منزله مساء أمس على يد عشرة مسلحين.", [])
    ev = only(doc, "ASSAULT")
    assert ev["source_text"] == "عشرة مسلحين" and ev["target_text"].startswith("موظف")
    # an agent phrase of a noun further on is not the verb's: the subject stays
    doc = doc_with("وأدان عراقجي أي اعتداء على المدنيين في البصرة من قبل القوات الأمريكية.",
                   ["عراقجي", "البصرة", "القوات الأمريكية"])
    ev = only(doc, "ACCUSE")
    assert ev["source"] == ent_id(doc, "عراقجي")
    # "بواسطة" may be an instrument of an active verb
    doc = doc_with("وقصف الحرس الثوري مواقع في كركوك بواسطة الطائرات المسيرة أمس.", ["الحرس الثوري", "كركوك"])
    ev = only(doc, "ASSAULT")
    assert ev["source"] == ent_id(doc, "الحرس الثوري")


def test_protests_that_break_out_are_no_explosion() -> None:
    doc = doc_with("وانفجرت الاحتجاجات في البصرة مساء الجمعة احتجاجا على انقطاع الكهرباء.", ["البصرة"])
    assert not [e for e in candidates(doc) if e["type"] == "ASSAULT"]
    assert [e for e in candidates(doc) if e["type"] == "PROTEST" and e["trigger"] == "الاحتجاجات"]


def test_a_light_verb_in_the_future_announces_no_attack() -> None:
    for text in ("وقال الخبير إن الولايات المتحدة سوف توجه ضربة عسكرية لإيران خلال الأشهر المقبلة.",
                 "وأعلن الحرس الثوري أن قواته ستشن هجمات جديدة على القواعد الأمريكية."):
        doc = doc_with(text, ["الولايات المتحدة", "الحرس الثوري"])
        assert not [e for e in candidates(doc) if e["type"] == "ASSAULT"], text
    doc = doc_with("وشن الحرس الثوري أمس هجمات على القواعد الأمريكية في كركوك.", ["الحرس الثوري", "كركوك"])
    assert reported(doc, "ASSAULT")


def test_official_protest_and_a_ruled_out_attack_are_no_events() -> None:
    doc = doc_with("وقال السفير إن بلاده لن تقدم احتجاجا رسميا على ما جرى في البصرة.", ["البصرة"])
    assert not [e for e in candidates(doc) if e["type"] == "PROTEST"]
    # "استبعد" (ruled out) governs an act that has not happened
    doc = doc_with("واستبعد عراقجي شن هجوم على بغداد في الوقت الحاضر.", ["عراقجي", "بغداد"])
    assert not [e for e in candidates(doc) if e["type"] in ("ASSAULT", "ACCUSE")]


def test_organizer_of_a_protest_is_its_source() -> None:
    doc = doc_with("وشارك المئات أمس في الاحتجاجات التي دعت إليها حركة النجباء أمام مبنى المحافظة في البصرة.",
                   ["حركة النجباء", "البصرة"])
    ev = only(doc, "PROTEST")
    assert ev["source"] == ent_id(doc, "حركة النجباء")
    assert not [e for e in candidates(doc) if e["type"] == "REQUEST"]  # "دعت إليها" is the organizing


def test_the_caller_of_a_protest_is_its_source() -> None:
    doc = doc_with("ونظم مئات العمال، بدعوة من حركة النجباء، اعتصاما أمام مبنى المحافظة في البصرة.",
                   ["حركة النجباء", "البصرة"])
    ev = only(doc, "PROTEST")
    assert ev["source"] == ent_id(doc, "حركة النجباء")


def test_a_crowd_or_the_members_of_a_group_act_for_the_group() -> None:
    doc = doc_with("وتجمع المئات من أنصار حركة النجباء أمام مبنى المحافظة في البصرة أمس.",
                   ["حركة النجباء", "البصرة"])
    assert only(doc, "PROTEST")["source"] == ent_id(doc, "حركة النجباء")
    doc = doc_with("وهاجم مسلحون من حركة النجباء مطار بغداد أمس.", ["حركة النجباء", "مطار بغداد"])
    assert only(doc, "ASSAULT")["source"] == ent_id(doc, "حركة النجباء")


def test_forces_deploying_is_mobilization_by_their_body() -> None:
    doc = doc_with("وانتشرت قوات من الحشد الشعبي في محيط مطار بغداد أمس.", ["الحشد الشعبي", "مطار بغداد"])
    assert only(doc, "MOBILIZE")["source"] == ent_id(doc, "الحشد الشعبي")
    doc = doc_with("وانتشر الخبر في بغداد بسرعة أمس.", ["بغداد"])
    assert not [e for e in candidates(doc) if e["type"] == "MOBILIZE"]  # news spreading is no deployment


def test_the_two_ministers_are_the_last_two_people_named() -> None:
    doc = doc_with("وكان عباس عراقجي قد بحث، في اتصال هاتفي الأسبوع الماضي مع عبد اللطيف رشيد، "
                   "تنسيق الموقفين، واتفق الوزيران على رفض أي إجراءات أحادية.",
                   ["عباس عراقجي", "عبد اللطيف رشيد"])
    ev = only(doc, "AGREE")
    assert ev["source"] == ent_id(doc, "عباس عراقجي") and ev["target"] == ent_id(doc, "عبد اللطيف رشيد")
    # a time word is no actor
    assert all(e.get("source_text") != "الأسبوع" for e in candidates(doc))


def test_a_role_with_its_place_is_the_person_holding_the_role() -> None:
    doc = doc_with("وقال المحافظ محمد باقري إن الوضع هادئ. وطالب محافظ البصرة الحكومة العراقية بإرسال تعزيزات.",
                   ["محمد باقري", "البصرة", "الحكومة العراقية"])
    doc.entities[[e["name"] for e in doc.entities].index("محمد باقري")]["roles"] = ["المحافظ"]
    doc = EXTRACTOR(doc)
    ev = only(doc, "REQUEST")
    assert ev["source"] == ent_id(doc, "محمد باقري")


def test_a_place_does_not_stage_a_protest() -> None:
    doc = doc_with("وشهدت البصرة أمس مسيرة احتجاجية للمطالبة بالكهرباء.", ["البصرة"])
    assert all(e.get("source") != ent_id(doc, "البصرة") for e in candidates(doc) if e["type"] == "PROTEST")


def test_dispersal_read_over_a_fronted_time_adverb() -> None:
    doc = doc_with("فرقت الحكومة العراقية، مساء أمس السبت، مئات المحتجين أمام مبنى المحافظة في البصرة.",
                   ["الحكومة العراقية", "البصرة"])
    ev = only(doc, "COERCE")
    assert ev["source"] == ent_id(doc, "الحكومة العراقية")


def test_verbal_noun_spelled_like_a_verb_after_a_light_verb_takes_its_subject() -> None:
    doc = doc_with("وأعلنت الحكومة العراقية فرض حظر للتجوال في كركوك حتى إشعار آخر.", ["الحكومة العراقية", "كركوك"])
    ev = only(doc, "COERCE")
    assert ev["mode"] == "curfew" and ev["source"] == ent_id(doc, "الحكومة العراقية")


def test_congratulated_with_hamza_is_support_here_is_not() -> None:
    doc = doc_with("بدوره هنأ عباس عراقجي خلال اللقاء بإجراء الانتخابات بنجاح.", ["عباس عراقجي"])
    ev = only(doc, "SUPPORT")
    assert ev["source"] == ent_id(doc, "عباس عراقجي")
    doc = doc_with("وقال الوزير هنا في بغداد إن الوضع مستقر.", ["بغداد"])
    assert not [e for e in candidates(doc) if e["type"] == "SUPPORT"]


def test_message_of_congratulation_from_a_sender_to_an_addressee() -> None:
    doc = doc_with("ونقل عراقجي رسالة تهنئة من مسعود بزشكيان إلى عبد اللطيف رشيد بمناسبة العيد.",
                   ["عراقجي", "مسعود بزشكيان", "عبد اللطيف رشيد"])
    ev = only(doc, "SUPPORT")
    assert ev["source"] == ent_id(doc, "مسعود بزشكيان")
    assert ev["target"] == ent_id(doc, "عبد اللطيف رشيد")


def test_nationality_adjective_takes_the_named_state_actor_when_the_country_is_not_named() -> None:
    doc = doc_with("وتوعدت حركة النجباء القوات الأمريكية بالرد. وقتل خمسة في غارة أمريكية على موقع للحشد الشعبي أمس.",
                   ["حركة النجباء", "القوات الأمريكية", "الحشد الشعبي"])
    ev = [e for e in reported(doc, "ASSAULT")]
    assert ev and ev[0]["source"] == ent_id(doc, "القوات الأمريكية") and ev[0]["source_code"] == "USA"


def test_in_protest_adverbial_takes_the_subject_of_its_own_sentence() -> None:
    doc = doc_with("والتقى عباس عراقجي السفير في بغداد. وجاب عشرات من أنصار حركة النجباء شوارع البصرة مساء اليوم، "
                   "رافعين رايات الحركة، احتجاجا على قرار الحكومة.", ["عباس عراقجي", "حركة النجباء", "بغداد", "البصرة"])
    ev = only(doc, "PROTEST")
    assert ev["source"] == ent_id(doc, "حركة النجباء") and not ev["source_inferred"]


def test_dual_of_a_derived_verb_is_a_verb() -> None:
    doc = doc_with("وقال مسؤول إن جنديين اختطفا من منزليهما في كركوك على يد مسلحين أمس.", ["كركوك"])
    ev = reported(doc, "ASSAULT")
    assert ev and ev[0]["mode"] == "abduct" and ev[0]["source_text"] == "مسلحين"


def test_coordinated_verb_looking_noun_after_an_unreported_one() -> None:
    doc = doc_with("وقالت المصادر إن التحقيق في قضية خطف الشابين وقتلهما في بيروت بات قريبا من نهايته.", ["بيروت"])
    assert reported(doc, "ASSAULT") == []


def test_host_after_a_time_adverbial_and_the_pronoun_guest_told_before() -> None:
    doc = doc_with("ووصل عباس عراقجي إلى بغداد صباح اليوم. واستقبله لدى وصوله عبد اللطيف رشيد في القصر الرئاسي.",
                   ["عباس عراقجي", "عبد اللطيف رشيد", "بغداد"])
    hosts = [e for e in reported(doc, "CONSULT") if e["trigger"] == "واستقبله"]
    assert hosts and hosts[0]["source"] == ent_id(doc, "عبد اللطيف رشيد")
    assert hosts[0]["target"] == ent_id(doc, "عباس عراقجي")


def test_talks_between_two_parties() -> None:
    doc = doc_with("وجرت أمس في بغداد محادثات بين عباس عراقجي وعبد اللطيف رشيد حول الملفات الأمنية.",
                   ["عباس عراقجي", "عبد اللطيف رشيد", "بغداد"])
    ev = only(doc, "CONSULT")
    assert ev["source"] == ent_id(doc, "عباس عراقجي") and ev["target"] == ent_id(doc, "عبد اللطيف رشيد")


def test_subject_after_an_adverb_is_no_prepositional_phrase() -> None:
    doc = doc_with("واستقبل عباس عراقجي وفدا من حركة النجباء في بغداد. وقال مصدر إن الوزير سيلتقي لاحقا. "
                   "وأضاف المصدر أن عراقجي قرر أن يجتمع مساء بوفد إسرائيلي في دمشق.",
                   ["عباس عراقجي", "عراقجي", "حركة النجباء", "بغداد", "دمشق"])
    meets = [e for e in reported(doc, "CONSULT") if e["trigger"] == "يجتمع"]
    assert not meets or meets[0]["source_text"] != "بوفد إسرائيلي"


def test_possessed_fighters_of_the_announcing_group_are_the_group() -> None:
    doc = doc_with("وأعلنت حركة النجباء أن مقاتليها استهدفوا دبابة أمريكية قرب كركوك أمس.", ["حركة النجباء", "كركوك"])
    ev = only(doc, "ASSAULT")
    assert ev["source"] == ent_id(doc, "حركة النجباء")


def test_clause_describing_a_light_verb_object_takes_the_light_verb_subject() -> None:
    doc = doc_with("وأعلن الحرس الثوري أن قواته نفذت ثلاث ضربات استهدفت مواقع للمسلحين قرب كركوك فجر اليوم.",
                   ["الحرس الثوري", "كركوك"])
    ev = reported(doc, "ASSAULT")
    assert ev and ev[0]["source"] == ent_id(doc, "الحرس الثوري")


def test_signing_over_a_comma_adverb_and_its_restatement() -> None:
    doc = doc_with("وقّع العراق والولايات المتحدة، اليوم الاثنين، في بغداد اتفاقية للتعاون الأمني. "
                   "ووقع الاتفاقية عن الجانب العراقي عبد اللطيف رشيد.",
                   ["العراق", "الولايات المتحدة", "بغداد", "عبد اللطيف رشيد"])
    ev = only(doc, "AGREE")
    assert ev["source"] == ent_id(doc, "العراق") and ev["mode"] == "sign"


def test_object_first_signing_takes_the_subject_after_the_object() -> None:
    doc = doc_with("ووقع الاتفاقية عن الجانب العراقي عبد اللطيف رشيد في بغداد أمس.", ["عبد اللطيف رشيد", "بغداد"])
    ev = only(doc, "AGREE")
    assert ev["source"] == ent_id(doc, "عبد اللطيف رشيد")


def test_talks_of_two_named_parties_are_reported() -> None:
    doc = doc_with("وتناولت محادثات محمد باقري مع عبد اللطيف رشيد الملفات الأمنية.", ["محمد باقري", "عبد اللطيف رشيد"])
    ev = only(doc, "CONSULT")
    assert ev["source"] == ent_id(doc, "محمد باقري") and ev["target"] == ent_id(doc, "عبد اللطيف رشيد")


def test_talks_with_two_coordinated_guests_are_one_meeting_with_each() -> None:
    doc = doc_with("وتناولت محادثات محمد باقري مع عبد اللطيف رشيد ورئيس هيئة الحشد الشعبي قاسم سليماني الملفات الأمنية.",
                   ["محمد باقري", "عبد اللطيف رشيد", "الحشد الشعبي", "قاسم سليماني"])
    targets = {e["target"] for e in reported(doc, "CONSULT")}
    assert targets == {ent_id(doc, "عبد اللطيف رشيد"), ent_id(doc, "قاسم سليماني")}


def test_event_of_a_quote_cue_takes_the_quote_speaker_as_source() -> None:
    # "ودعت في بيان الحكومة العراقية إلى …": the subject is carried from the clause
    # before; the quote component resolved it, and the REQUEST of the same verb agrees
    text = "ورحب الحشد الشعبي بالقرار، ودعت في بيان الحكومة العراقية إلى إخراج القوات الأمريكية من العراق."
    pre = TEXT(Document(raw_text=text, published="2024-01-10"))
    cue = pre.text.index("ودعت")
    content = pre.text.index("إلى إخراج")
    names = ["الحشد الشعبي", "الحكومة العراقية", "القوات الأمريكية", "العراق"]
    hashd = f"e{sorted(names, key=len, reverse=True).index('الحشد الشعبي') + 1}"  # doc_with's ids
    quote = {"speaker": hashd, "text": pre.text[content:-1], "start": content, "end": len(pre.text) - 1,
             "direct": False, "cue": "ودعت", "cue_start": cue, "cue_end": cue + 4, "attribution": "carried"}
    doc = doc_with(text, names, quotes=[quote])
    req = only(doc, "REQUEST")
    assert req["source"] == ent_id(doc, "الحشد الشعبي")
    assert req["target"] != req["source"]


def test_idh_clause_spells_out_the_report() -> None:
    # "إذ" explains what the main clause sums up: its acts are reports, unlike فيما/بينما
    doc = Pipeline()(Document(raw_text="وأثارت التوقيفات انتقادات حقوقية، إذ ندد المركز الوطني لحقوق الإنسان "
                                       "بتوقيف النقابيين، وطالب الحكومة بالإفراج الفوري عن الموقوفين.",
                              published="2025-03-05"))
    names = {e["id"]: e["name"] for e in doc.entities}
    got = {(e["type"], names.get(e["source"])) for e in doc.events}
    assert ("REQUEST", "المركز الوطني لحقوق الإنسان") in got, got


def test_counted_people_after_a_conjoined_verb_are_its_victims() -> None:
    """"… واعتقلت 23 شخصا": the counted people are whom the forces arrested, and the
    subject of the clause's first verb goes on (also one no trigger lists, "توغلت وحدات
    من الجيش …": units of the army, so the army); "قتل 20 شخصا" alone has no agent."""
    pipe = Pipeline()

    def coerce(text: str) -> list[tuple[str | None, str | None]]:
        d = pipe(text).to_dict()
        names = {e["id"]: e["name"] for e in d["entities"]}
        return [(names.get(e["source"]), e.get("target_text")) for e in d["events"] if e["type"] == "COERCE"]

    assert coerce("وفرقت الشرطة التركية مساء أمس تجمعا لأنصار الحزب، واعتقلت 23 شخصا بينهم صحافيان.") \
        == [("الشرطة التركية", "23 شخصا")]
    got = coerce("توغلت وحدات من الجيش الإسرائيلي، فجر اليوم السبت، في قرية صيدا الحانوت، وداهمت عددا "
                 "من المنازل واعتقلت سبعة شبان.")
    assert got and all(src == "الجيش الإسرائيلي" for src, _ in got)
    got = coerce("وقالت جمعية حقوق الإنسان إن الشرطة التركية فرقت مساء أمس تجمعا لأنصار الحزب، "
                 "واعتقلت 23 شخصا بينهم صحافيان.")
    assert [src for src, _ in got] == ["الشرطة التركية"]


def test_a_body_named_by_its_head_noun_alone_is_the_body_named_before() -> None:
    """"المديرية نشرت تعزيزات" after "مديرية الأمن العام": the head noun with the article
    refers back to the last organization named with it; "الإدارة" (the management) does not."""
    d = Pipeline()("وقال المتحدث باسم مديرية الأمن العام إن الوضع هادئ. وأضاف أن المديرية نشرت "
                   "تعزيزات أمنية في محيط المبنى.").to_dict()
    names = {e["id"]: e["name"] for e in d["entities"]}
    assert [(e["type"], names.get(e["source"])) for e in d["events"]] == [("MOBILIZE", "مديرية الأمن العام")]


def test_nawwah_that_is_noting_not_praise() -> None:
    """"ونوه فلان إلى أن …" notes a fact; "نوه بدور الجيش" praises (SUPPORT)."""
    pipe = Pipeline()
    assert not [e for e in pipe("ونوه الوزير يوسف بن علي إلى أن الوفد سيزور مقديشو.").events
                if e["type"] == "SUPPORT"]
    assert [e["type"] for e in pipe("ونوه الوزير يوسف بن علي بدور الجيش في حماية الحدود.").events] == ["SUPPORT"]


def test_clashes_between_two_forces_have_both_as_parties() -> None:
    """"اشتباكات بين X وY": clashes, like talks, are between two parties (a trigger whose
    target marker is بين); a unit affiliated to a body fights for it."""
    d = Pipeline()("اندلعت اشتباكات بين الجيش السوداني وقوات الدعم السريع في الفاشر.").to_dict()
    names = {e["id"]: e["name"] for e in d["entities"]}
    assert [(names.get(e["source"]), names.get(e["target"])) for e in d["events"] if e["type"] == "ASSAULT"] \
        == [("الجيش السوداني", "قوات الدعم السريع")]
    d = Pipeline()("اندلعت اشتباكات مسلحة بين قوة تابعة لجهاز الردع ومسلحين من اللواء 444 قتال.").to_dict()
    names = {e["id"]: e["name"] for e in d["entities"]}
    assert [names.get(e["target"]) for e in d["events"] if e["type"] == "ASSAULT"] \
        == ["جهاز الردع لمكافحة الجريمة المنظمة والإرهاب"]


def test_a_verb_finds_its_object_phrase_past_the_subject_and_a_time_phrase() -> None:
    """Verb-subject-object order and a time phrase in commas put words between a verb and
    the object its trigger entry asks for: "أوقفت الشرطة السورية خمسة أشخاص" is an
    arrest by the police, "أرسلت، الشهر الماضي، شحنة" a delivery by the sender.  A
    verb with no such object ("أوقفت الشرطة السورية السير") is no arrest."""
    read = type_and_source

    assert read("أوقفت الشرطة السورية خمسة أشخاص في ريف السويداء.") == [("COERCE", "الشرطة السورية")]
    assert read("أعلنت وزارة الداخلية السورية أنها أوقفت، أمس السبت، خمسة أشخاص في ريف السويداء.") \
        == [("COERCE", "وزارة الداخلية السورية")]
    assert read("وكانت مصر قد أرسلت، الشهر الماضي، شحنة جديدة من الأسلحة إلى الجيش الصومالي.") \
        == [("AID", "مصر")]
    assert read("أوقفت الشرطة السورية السير في ريف السويداء.") == []


def test_a_light_verb_takes_a_verbal_noun_with_its_possessive_and_adjective() -> None:
    """"أعلنت الحكومة العراقية رفضها القاطع للقرار": after a light verb and its subject,
    "رفضها" is the verbal noun (their rejection), not the verb "he rejected it" with
    "القاطع" as its subject; with no light verb, "رفضها الوزير" stays a verb."""
    read = type_and_source

    assert read("أعلنت الحكومة العراقية رفضها القاطع للقرار.") == [("REJECT", "الحكومة العراقية")]
    assert read("وأعلنت الحكومة العراقية دعمها الكامل للمبادرة.") == [("SUPPORT", "الحكومة العراقية")]
    assert read("رفضها الوزير العراقي فؤاد حسين.") == [("REJECT", "فؤاد حسين")]


def test_a_conjoined_appeal_keeps_the_first_verbs_subject_and_its_object_is_the_addressee() -> None:
    """"أعربت البعثة عن قلقها، وحثت الأطراف على …": the mission urges the parties (a
    demand's "على" complement marks the phrase before it as the addressee); with
    agreement ("ووافق الوزير على") the phrase before على stays the subject."""
    d = Pipeline()("من جهتها، أعربت بعثة الأمم المتحدة للدعم في ليبيا عن قلقها البالغ، وحثت الأطراف "
                   "على حماية المدنيين.").to_dict()
    names = {e["id"]: e["name"] for e in d["entities"]}
    assert [(e["type"], names.get(e["source"]), e.get("target_text")) for e in d["events"]] \
        == [("REQUEST", "بعثة الأمم المتحدة للدعم في ليبيا", "الأطراف")]
    d = Pipeline()("وكان الرئيس التونسي قيس سعيد قد التقى الوفد، ووافق الوزير على الاقتراح.").to_dict()
    assert not [e for e in d["events"] if e["type"] == "AGREE" and e.get("target_text") == "الوزير"]


def test_holding_responsible_names_the_accused_between_subject_and_then_phrase() -> None:
    """"حملت الوزارة قوات الدعم السريع المسؤولية": the verb's object stands between its
    subject and "المسؤولية"; the ministry accuses the forces."""
    d = Pipeline()("وحملت وزارة الصحة السودانية قوات الدعم السريع المسؤولية الكاملة عن استهداف المدنيين.").to_dict()
    names = {e["id"]: e["name"] for e in d["entities"]}
    assert [(e["type"], names.get(e["source"]), names.get(e["target"])) for e in d["events"]] \
        == [("ACCUSE", "وزارة الصحة السودانية", "قوات الدعم السريع")]


def test_a_target_is_read_across_an_aside_in_commas() -> None:
    """A time or place aside between the verb and its object ("استقبل، أمس الثلاثاء في
    قصر بغداد، وزير الخارجية …"), or the circumstance holding the partner ("بحث، في
    اتصال هاتفي … مع نظيره …"), does not hide the target."""
    def read(text: str) -> list[tuple[str, str | None, str | None]]:
        return type_and_source(text, target=True)

    assert read("استقبل الرئيس العراقي عبد اللطيف رشيد، أمس الثلاثاء في قصر بغداد، وزير الخارجية الإيراني "
                "عباس عراقجي.") == [("CONSULT", "عبد اللطيف رشيد", "عباس عراقجي")]
    assert read("وكان الرئيس العراقي عبد اللطيف رشيد قد استقبل، أمس الثلاثاء، وزير الخارجية الإيراني "
                "عباس عراقجي.") == [("CONSULT", "عبد اللطيف رشيد", "عباس عراقجي")]
    assert read("وبحث وزير الخارجية العراقي فؤاد حسين، في اتصال هاتفي الأسبوع الماضي مع نظيره الإيراني "
                "عباس عراقجي، تنسيق المواقف.") == [("CONSULT", "فؤاد حسين", "عباس عراقجي")]


def test_a_conjoined_verb_before_a_bare_preposition_keeps_the_subject() -> None:
    """"وأشاد بجهود الأجهزة": "بجهود" is ب + جهود (a bare ب on a word with no article),
    no subject; the conjoined verb keeps the sentence's speaker.  Without و ("في خطوة
    تنذر بتصعيد") nothing is carried over."""
    d = Pipeline()("بدوره، دعا عضو اللجنة المركزية لحركة فتح ماجد حمدان جميع الفصائل إلى تغليب لغة الحوار، "
                   "وأشاد بجهود الأجهزة الأمنية الفلسطينية في حفظ الأمن.").to_dict()
    names = {e["id"]: e["name"] for e in d["entities"]}
    assert [(e["type"], names.get(e["source"])) for e in d["events"] if e["type"] == "SUPPORT"] \
        == [("SUPPORT", "ماجد حمدان")]
    d = Pipeline()("أعلنت الجزائر استدعاء سفيرها لدى كينيا، في خطوة تنذر بتصعيد جديد.").to_dict()
    assert not [e for e in d["events"] if e["type"] == "THREATEN"]


def test_a_stance_verb_gives_its_subject_as_the_source_of_the_stance_noun() -> None:
    """"أعرب X عن دعمه/تضامن المجلس"، "وجه X الشكر إلى": the verbal noun after a stance
    verb (and عن) is the subject's own act; "أعرب خلاله عن" carries the sentence's
    subject.  A noun further on ("عن قلقه من الهجوم") is no stance."""
    read = type_and_source

    assert read("وأعرب الرئيس التركي رجب طيب أردوغان عن دعمه للحكومة السورية.") \
        == [("SUPPORT", "رجب طيب أردوغان")]
    assert read("خليجيا، أعرب الأمين العام لمجلس التعاون خالد عبدالرحمن المطيري عن تضامن المجلس الكامل "
                "مع الكويت.") == [("SUPPORT", "خالد عبدالرحمن المطيري")]
    assert read("ووجه الرئيس العراقي عبد اللطيف رشيد الشكر إلى القوات الأمنية.") == [("SUPPORT", "عبد اللطيف رشيد")]
    assert ("SUPPORT", "عمرو سامح الشافعي") in read(
        "وفي القاهرة، أجرى وزير الخارجية المصري عمرو سامح الشافعي اتصالا هاتفيا بنظيره السعودي، أعرب خلاله "
        "عن دعم مصر الكامل لمسار جدة.")
    assert read("وأعرب الرئيس التركي رجب طيب أردوغان عن قلقه من الهجوم على القاعدة.") == []


def test_a_protest_that_answers_a_call_has_the_caller_as_source() -> None:
    """"واصل آلاف المعلمين إضرابهم، استجابة لدعوة نقابة المعلمين" (also "تلبية لدعوة",
    "لدعوة أطلقها X"): the body whose call the strikers answer stages the strike."""
    d = Pipeline()("واصل آلاف المعلمين في المدارس الحكومية الأردنية، اليوم الأربعاء، إضرابهم عن العمل لليوم "
                   "الثالث على التوالي، استجابة لدعوة نقابة المعلمين الأردنيين، للمطالبة بتطبيق علاوة "
                   "المهنة.").to_dict()
    names = {e["id"]: e["name"] for e in d["entities"]}
    assert [(e["type"], names.get(e["source"])) for e in d["events"]] == [("PROTEST", "نقابة المعلمين الأردنيين")]


@pytest.mark.parametrize("text, etype", [
    ("وزع برنامج الأغذية العالمي حصصا غذائية على 120 ألف شخص في دارفور.", "AID"),
    ("وسلمت الولايات المتحدة القوات المسلحة الأردنية منظومات مراقبة حرارية.", "AID"),
    ("وأعلنت الحكومة العراقية تعليق جميع الرحلات الجوية إلى بيروت.", "SANCTION"),
    ("وأوقفت الشرطة العراقية أربعة شبان في البصرة.", "COERCE"),
    ("وأرسلت وزارة الداخلية العراقية مئتي عنصر إضافي إلى البصرة.", "MOBILIZE"),
])
def test_common_news_wordings_of_aid_sanctions_arrests_and_deployments(text: str, etype: str) -> None:
    """Everyday news wordings the lexicon lists: distributing and handing over aid,
    suspending flights, detaining young men, sending personnel."""
    assert etype in [e["type"] for e in Pipeline()(text).events]


def test_a_bare_title_with_a_nationality_is_the_one_person_of_that_country_with_the_title() -> None:
    """"ورفض الوزير الإيراني …" after "وزير الخارجية الإيراني مجيد طاهري": the Iranian
    minister named before, not Iran."""
    d = Pipeline()("وكان وزير الخارجية الإيراني مجيد طاهري قد وصل صباح اليوم إلى مسقط. ورفض الوزير الإيراني "
                   "مطالب واشنطن بتفكيك منشأة فوردو.").to_dict()
    names = {e["id"]: e["name"] for e in d["entities"]}
    assert [names.get(e["source"]) for e in d["events"] if e["type"] == "REJECT"] == ["مجيد طاهري"]


def test_the_subject_of_a_pluperfect_is_the_name_before_qad_however_long_its_role() -> None:
    """"وكان كبير مستشاري الرئيس الأمريكي للشؤون الأفريقية مسعد بولس قد أجرى اتصالا":
    the one named right before قد in a clause opened by كان acts; so does a name after
    a rank between commas ("، العقيد أمادو عبد الرحمن، قد اتهم")."""
    read = type_and_source

    assert read("وكان كبير مستشاري الرئيس الأمريكي للشؤون الأفريقية مسعد بولس قد أجرى أمس اتصالا هاتفيا مع "
                "رئيس الوزراء القطري.") == [("CONSULT", "مسعد بولس")]
    assert read("وكان الناطق باسم المجلس الوطني لحماية الوطن في النيجر، العقيد أمادو عبد الرحمن، قد اتهم "
                "الجزائر بتسهيل تنقل مقاتلين.") == [("ACCUSE", "أمادو عبد الرحمن")]


def test_a_stance_verb_after_its_subject_takes_the_noun_with_its_possessive() -> None:
    """"المجلس الوزاري الخليجي يجدد رفضه …": the renewed rejection is the council's,
    not "he rejected it"."""
    d = Pipeline()("المجلس الوزاري الخليجي يجدد رفضه للاحتلال الإيراني للجزر الثلاث.").to_dict()
    names = {e["id"]: e["name"] for e in d["entities"]}
    assert [(e["type"], names.get(e["source"])) for e in d["events"]] == [("REJECT", "المجلس الوزاري الخليجي")]


def test_a_title_held_for_a_place_is_held_by_the_name_after_it() -> None:
    """"وانتقد النائب عن محافظة البصرة عدي عواد …": the title's phrase stops at عن, and
    the member of parliament named after the place criticizes."""
    d = Pipeline()("وانتقد النائب عن محافظة البصرة عدي عواد قرار الحكومة.").to_dict()
    names = {e["id"]: e["name"] for e in d["entities"]}
    assert [(e["type"], names.get(e["source"])) for e in d["events"]] == [("ACCUSE", "عدي عواد")]


def test_two_coordinated_parties_before_qad_the_first_acts() -> None:
    """"وكانت كينشاسا والحركة قد وقعتا …": the first of the coordinated parties is the
    source; a place inside the subject's phrase ("البنك المركزي في عدن قد أمهل") is not."""
    pipe = Pipeline()
    d = pipe("وكانت كينشاسا والحركة قد وقعتا في الدوحة إعلان مبادئ.").to_dict()
    names = {e["id"]: e["name"] for e in d["entities"]}
    assert [(e["type"], names.get(e["source"])) for e in d["events"]] == [("AGREE", "كينشاسا")]
    d = pipe("وكان البنك المركزي اليمني في عدن قد أمهل ستة بنوك تجارية ستين يوما.").to_dict()
    names = {e["id"]: e["name"] for e in d["entities"]}
    assert "عدن" not in [names.get(e["source"]) for e in d["events"]]


def test_a_scheduled_meeting_and_an_abstention_are_no_events() -> None:
    """"ومن المقرر/المنتظر أن يلتقي …" announces a meeting that has not taken place;
    "امتنعت روسيا عن التصويت" abstains, it rejects nothing ("امتنعت عن تسليم" does)."""
    pipe = Pipeline()
    for text in ("ومن المقرر أن يلتقي وزير الخارجية الإيراني عباس عراقجي اليوم ولي العهد البحريني.",
                 "ومن المنتظر أن يلتقي وزير الخارجية الإيراني عباس عراقجي اليوم ولي العهد البحريني.",
                 "وامتنعت روسيا والصين عن التصويت على القرار."):
        assert pipe(text).events == [], text
    assert [e["type"] for e in pipe("وامتنعت روسيا عن تسليم المتهمين.").events] == ["REJECT"]


def test_a_present_tense_report_inside_reported_speech_and_a_manner_phrase() -> None:
    """"إن "الجزائر ترفض بشكل قاطع هذه الادعاءات"": a named subject opening a reported
    clause makes the present tense a report (not a description of a noun); "بشكل قاطع"
    is the manner, neither the object nor a boycott (قاطع)."""
    d = Pipeline()("وقالت الوزارة في بيان إن \"الجزائر ترفض بشكل قاطع هذه الادعاءات التي لا أساس لها "
                   "من الصحة\".")
    names = {e["id"]: e["name"] for e in d.entities}
    assert [(e["type"], names.get(e["source"]), e.get("target_text")) for e in d.events] \
        == [("REJECT", "الجزائر", None)]
    assert not [e for e in d.meta.get("unattributed_events", []) if e["type"] == "PROTEST"]
    # a headline in the present tense stays out (it restates the body's report)
    assert Pipeline()("الجزائر ترفض بشكل قاطع هذه الادعاءات").events == []


def test_closing_a_border_crossing_or_airspace_is_a_sanction_also_when_decided() -> None:
    """"أعلنت الوزارة إغلاق معبر طورخم"، "أغلقت الجزائر مجالها الجوي"، "قررت السلطات
    إغلاق معبر …": reducing relations by closing the border; the name that begins with
    the then-word ("معبر عين قزام") is the object, never the subject."""
    read = type_and_source

    assert read("وبالتزامن، أعلنت وزارة الداخلية الباكستانية إغلاق معبر طورخم أمام الشاحنات.") \
        == [("SANCTION", "وزارة الداخلية الباكستانية")]
    assert read("وأغلقت الجزائر مجالها الجوي أمام الطائرات المغربية.") == [("SANCTION", "الجزائر")]
    assert read("وقررت الحكومة العراقية سحب سفيرها من أنقرة.") == [("SANCTION", "الحكومة العراقية")]
    assert not [src for _t, src in read("الجزائر تستدعي سفيرها لدى النيجر وتغلق معبر عين قزام") if src == "معبر عين قزام"]


def test_an_attack_by_a_weapon_affiliated_to_a_body_and_an_agent_after_the_instrument() -> None:
    """"هجوم بطائرات مسيرة شنته قوات الدعم السريع": the relative clause after the
    instrument names the attacker; "قصفت طائرة مسيرة تابعة لقوات الدفاع الوطني": a
    weapon affiliated to a body attacks for it (an adjective may come before تابعة)."""
    def read(text: str) -> list[tuple[str, str | None]]:
        return [(t, src) for t, src in type_and_source(text) if t == "ASSAULT"]

    assert read("وجاءت القمة بعد يومين من هجوم بطائرات مسيرة شنته قوات الدعم السريع على مخيم أبو شوك "
                "للنازحين قرب الفاشر، قتل فيه 23 مدنيا.") == [("ASSAULT", "قوات الدعم السريع")]
    got = read("وقصفت طائرة مسيرة تابعة لقوات الدفاع الوطني الإثيوبية سوقا شعبية.")
    assert got and got[0][1] is not None and got[0][1].startswith("قوات الدفاع الوطني")


def test_a_decision_verb_takes_the_verbal_noun_after_it_and_anchors_nothing_further() -> None:
    """"قررت الحكومة العراقية سحب سفيرها": the decided act is the subject's (the noun
    reading of سحب, not the verb); a noun further on ("قرر مجلس الأمن تشكيل لجنة لتحديد
    المسؤولين عن الهجمات") is no act of the one who decided."""
    pipe = Pipeline()
    d = pipe("وقررت الحكومة العراقية سحب سفيرها من أنقرة.").to_dict()
    assert [(e["type"], e["source_text"]) for e in d["events"]] == [("SANCTION", "الحكومة العراقية")]
    d = pipe("قرر مجلس الأمن الدولي بالإجماع تشكيل لجنة خبراء لتحديد المسؤولين عن الهجمات الكيميائية.")
    assert d.events == []


def test_an_attack_claimed_later_in_the_sentence_has_the_claimant_as_source() -> None:
    """"هجوم … تبنته "المقاومة الإسلامية في العراق"" (a name in quotation marks) and
    "… هجوم انتحاري استهدف قافلة …، وتبنته حركة الشباب": who claimed the attack made it."""
    pipe = Pipeline()

    def sources(text: str) -> list[str | None]:
        d = pipe(text).to_dict()
        names = {e["id"]: e["name"] for e in d["entities"]}
        return [names.get(e["source"]) for e in d["events"] if e["type"] == "ASSAULT"]

    assert "المقاومة الإسلامية في العراق" in sources(
        "وكانت قاعدة عين الأسد الجوية قد تعرضت، الخميس الماضي، لهجوم بطائرتين مسيرتين تبنته "
        "\"المقاومة الإسلامية في العراق\"، من دون أن يسفر عن إصابات.")
    assert any(s and s.startswith("حركة الشباب") for s in sources(  # (the dictionary's full name)
        "ووقع أمس هجوم انتحاري استهدف قافلة عسكرية قرب مقديشو وأسفر عن مقتل سبعة جنود، وتبنته حركة الشباب."))


def test_his_country_is_the_speakers_country() -> None:
    """"وأوضح المسؤول الإيراني أن بلاده وافقت …": "بلاده" is the country of the one
    who speaks (here told by his nationality), named in the document."""
    d = Pipeline()("وقالت إيران إنها مستعدة للحوار. وأوضح المسؤول الإيراني أن بلاده وافقت، في خطوة وصفها "
                   "بأنها «بادرة حسن نية»، على تزويد الوكالة الدولية للطاقة الذرية بتقرير مفصل.").to_dict()
    names = {e["id"]: e["name"] for e in d["entities"]}
    assert [(e["type"], names.get(e["source"])) for e in d["events"] if e["type"] == "AGREE"] == [("AGREE", "إيران")]


# --------------------------------------------------------------------------
# sixth session: light verbs with a ب-complement, claims, charges, requirements


def test_a_light_verb_with_a_ba_complement_gives_its_subject_to_the_act() -> None:
    # "رد X بقصف"، "اكتفى X بإدانة": the verb's subject does what the noun names
    assert ("ASSAULT", "الجيش الأردني") in type_and_source("ورد الجيش الأردني بقصف مواقع المهربين على الحدود الشمالية.")
    assert ("ACCUSE", "وزارة الخارجية الفرنسية") in type_and_source(
        "واكتفت وزارة الخارجية الفرنسية بإدانة الهجوم في بيان مقتضب.")
    # with its own subject, the light verb's noun takes its genitive as the object
    assert ("ACCUSE", "خالد سعيد", "الحكومة الليبية") in type_and_source(
        "ورد رئيس حزب الأمة خالد سعيد باتهام الحكومة الليبية بتزوير الانتخابات.", target=True)
    # "ردوا على هجوم": an attack answered is another's, not the subject's
    got = type_and_source("وقالت حركة الشباب إن مقاتليها ردوا على هجوم بدأته القوات الحكومية.")
    assert ("ASSAULT", "حركة الشباب المجاهدين") not in got and ("ASSAULT", "حركة الشباب") not in got


def test_an_event_noun_in_the_genitive_is_no_actor() -> None:
    # "قامت الوزارة بإدانة الهجوم": the attack is what is condemned, not who condemns
    got = type_and_source("وقامت وزارة الخارجية المصرية بإدانة الهجوم على الكنيسة.", target=True)
    assert ("ACCUSE", "وزارة الخارجية المصرية", None) in got


def test_a_claim_of_responsibility_reports_the_attack_by_the_claimant() -> None:
    assert ("ASSAULT", "كتائب عز الدين القسام") in type_and_source(
        "وأعلنت كتائب القسام مسؤوليتها عن تفجير عبوة ناسفة بدورية إسرائيلية شرق خان يونس.")
    got = type_and_source("وتبنت جماعة أنصار الإسلام المسؤولية عن الهجوم على الحاجز العسكري.")
    assert [t for t, _s in got] == ["ASSAULT"] and got[0][1] is not None
    # no claim: "لم تعلن أي جهة مسؤوليتها عن الهجوم" tells no attack of anyone's
    assert type_and_source("ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن.") == []
    # blame is an accusation, the attack inside it is not re-reported by the blamer
    got = type_and_source("وحمل الجيش السوداني قوات الدعم السريع المسؤولية عن قصف السوق.")
    assert ("ACCUSE", "الجيش السوداني") in got and ("ASSAULT", "الجيش السوداني") not in got


def test_pressing_charges_is_an_accusation_of_the_charged() -> None:
    got = type_and_source("ووجهت النيابة العامة المصرية تهمة نشر أخبار كاذبة إلى الصحفي محمد سعيد.", target=True)
    assert ("ACCUSE", "النيابة العامة المصرية", "محمد سعيد") in got


def test_stopping_a_named_person_is_an_arrest_stopping_work_is_not() -> None:
    assert ("COERCE", "السلطات التونسية") in type_and_source("وأوقفت السلطات التونسية الناشط السياسي أحمد صواب.")
    # suspending from work (عن العمل among the five words after the verb: not_near's window)
    assert type_and_source("وأوقفت الوزارة سامي العلي عن العمل لمدة شهر.") == []


def test_hosting_is_a_consultation_when_an_actor_or_a_meeting_is_hosted() -> None:
    assert ("CONSULT", "قطر") in type_and_source(
        "استضافت دولة قطر، اليوم الثلاثاء، جولة جديدة من المفاوضات بين الحكومة والمعارضة.")
    assert ("CONSULT", "إيمانويل ماكرون") in type_and_source(
        "واستضاف الرئيس الفرنسي إيمانويل ماكرون الرئيس اللبناني جوزيف عون في قصر الإليزيه.")
    assert type_and_source("وتستضيف تشاد أكثر من مليون لاجئ سوداني منذ اندلاع الحرب.") == []


def test_a_currency_falling_back_is_no_concession() -> None:
    from marsad.pipeline import Pipeline as _P

    d = _P()("وتراجع الريال الإيراني إلى مستوى قياسي جديد أمام الدولار.")
    assert not [e for e in d.events + d.meta.get("unattributed_events", []) if e["type"] == "CONCEDE"]
    assert ("CONCEDE", "حكومة الوحدة الوطنية") in type_and_source(
        "وتراجعت حكومة الوحدة الوطنية عن قرار رفع أسعار الوقود بعد احتجاجات واسعة.")


# --------------------------------------------------------------------------
# seventh session: source attachment


def test_an_event_noun_inside_the_subject_name_does_not_stop_the_light_verb_search() -> None:
    # "الدعم" in "قوات الدعم السريع" carries the article, not a preposition: the search
    # for the light verb reads past it (a ب/ل-prefixed noun is another complement)
    assert ("ASSAULT", "قوات الدعم السريع") in type_and_source(
        "ونفذت قوات الدعم السريع، مساء أمس، هجوما بالطائرات المسيرة على مدينة كوستي.")
    # a ب-complement with the article is still the light verb's action
    doc = doc_with("ورد الحرس الثوري بالقصف على مواقع في كركوك.", ["الحرس الثوري", "كركوك"])
    assert only(doc, "ASSAULT")["source"] == ent_id(doc, "الحرس الثوري")


def test_coordinated_subjects_of_a_reciprocal_act_are_each_others_target() -> None:
    # an act done "with" someone (وقع مع، تفاوض مع، اجتمع مع): the second subject is the target
    assert ("AGREE", "تونس", "الجزائر") in type_and_source(
        "ووقعت تونس والجزائر، أمس، اتفاقية لتنظيم الصيد البحري في المياه المشتركة.", target=True)
    got = type_and_source("وتفاوضت حماس وإسرائيل عبر وسطاء قطريين حول تبادل الأسرى.", target=True)
    assert ("CONSULT", "حماس", "إسرائيل") in got
    # never an actor as its own target (the signed memorandum's own AGREE reading is no actor)
    assert all(s != t for _, s, t in got)


def test_a_name_coordinated_with_the_subject_is_no_object() -> None:
    got = type_and_source("وأدانت السعودية والإمارات الهجوم على الناقلة.", target=True)
    assert ("ACCUSE", "السعودية", None) in got


def test_sending_or_giving_aid_as_the_action_of_a_light_verb() -> None:
    # the verbal noun "إرسال/تقديم مساعدات" is the aid; the ب-verb's subject gives it
    assert ("AID", "الإمارات", "ليبيا") in type_and_source("وسارعت الإمارات بإرسال طائرة مساعدات إلى ليبيا.", target=True)
    assert ("AID", "جمعية الهلال الأحمر القطري") in type_and_source(
        "وقامت جمعية الهلال الأحمر القطري بتقديم مساعدات غذائية للنازحين.")


def test_entering_or_waging_a_strike_is_a_protest() -> None:
    assert ("PROTEST", "نقابة الأطباء") in type_and_source("ودخلت نقابة الأطباء في إضراب مفتوح عن العمل.")
    assert ("PROTEST", "الاتحاد العام التونسي للشغل") in type_and_source(
        "وخاض الاتحاد العام التونسي للشغل إضرابا عاما أمس.")
    # entering a town is no protest, and no light verb for the clashes around it
    assert type_and_source("ودخلت القوات الإسرائيلية مدينة جنين وسط اشتباكات.") == []


def test_a_prepositional_aside_between_subject_and_object_is_read_over() -> None:
    # "حذر X، خلال مؤتمر صحفي، Y من مغبة": the then-phrase and the object lie past the aside
    assert ("THREATEN", "بدر عبد العاطي", "إسرائيل") in type_and_source(
        "وحذر بدر عبد العاطي، خلال مؤتمر صحفي مشترك، إسرائيل من مغبة اقتحام رفح.", target=True)
    assert ("ACCUSE", "الحكومة السودانية", "قوات الدعم السريع") in type_and_source(
        "وحملت الحكومة السودانية، في بيان، قوات الدعم السريع المسؤولية عن قصف السوق.", target=True)
    # a plain warning about something is no threat
    assert type_and_source("وحذر بدر عبد العاطي، في بيان، من أن الوضع في رفح ينذر بكارثة.") == []


def test_an_aside_opened_by_an_attached_preposition_is_read_over() -> None:
    # "، بالتنسيق مع …،": the aside's preposition is a proclitic
    assert ("AID", "الهلال الأحمر المصري") in type_and_source(
        "وأرسل الهلال الأحمر المصري، بالتنسيق مع وزارة الصحة، قافلة مساعدات طبية إلى مدينة العريش.")


def test_a_verbal_noun_with_a_body_in_the_genitive_and_a_person_after_it() -> None:
    # masdar + agent genitive + accusative patient: "إيقاف وحدات الشرطة يوم الأحد الناشط فلان"
    got = type_and_source("وتزامن ذلك مع اعتقال عناصر الحرس الثوري يوم الأحد الماضي الناشطة نرجس محمدي في طهران.",
                          target=True)
    assert ("COERCE", "الحرس الثوري الإيراني", "نرجس محمدي") in got
    # "إيقاف" is an arrest only of a person: stopping units or work is not
    assert type_and_source("وقررت وزارة الداخلية إيقاف وحدات من الحرس الوطني عن العمل.") == []


def test_a_conjoined_verb_with_no_overt_subject_shares_the_first_verbs_subject() -> None:
    got = type_and_source("وانتقدت وزارة الخارجية الأردنية قرار الحكومة الإسرائيلية، ورفضت في بيان أي تغيير "
                          "في الوضع القائم.")
    assert ("REJECT", "وزارة الخارجية الأردنية") in got
    got = type_and_source("وأدانت وزارة الخارجية الأردنية الاقتحام، ورفضت ما وصفته بالاستفزاز المتعمد.")
    assert ("REJECT", "وزارة الخارجية الأردنية") in got


def test_a_light_verb_after_a_pronoun_complementizer_takes_the_speakers_subject() -> None:
    # "أعلن X أنه نفذ، أمس، غارة": the pronoun subject is the one who announces
    got = type_and_source("وأعلن الجيش الأمريكي أنه نفذ، مساء أمس، غارة جوية على مواقع لتنظيم داعش في الرقة.")
    assert ("ASSAULT", "الجيش الأمريكي") in got


def test_a_dual_light_verb_after_two_coordinated_names() -> None:
    # "وكان X وY قد عقدا اجتماعا": the first name acts, the second is the partner
    got = type_and_source("وكان سامح شكري وعلي الصادق قد عقدا، يوم أمس، اجتماعا في القاهرة.", target=True)
    assert ("CONSULT", "سامح شكري", "علي الصادق") in got


def test_in_coordination_with_is_the_manner_of_another_act() -> None:
    got = type_and_source("وأعلنت القيادة المركزية الأمريكية أنها نفذت، مساء أمس، غارة جوية بالتنسيق مع "
                          "الحكومة العراقية على مواقع لتنظيم داعش.")
    assert ("ASSAULT", "القيادة المركزية الأمريكية") in got
    assert "COOPERATE" not in [t for t, _ in got]


def test_a_phone_call_after_fi_frames_the_clause() -> None:
    # "أكد X في اتصال هاتفي مع Y": the call is an event of the clause's subject
    got = type_and_source("وأكد سامح شكري في اتصال هاتفي مع نظيره السوداني علي الصادق دعم بلاده لاستقرار السودان.",
                          target=True)
    assert ("CONSULT", "سامح شكري", "علي الصادق") in got
    # a talks verb already reports the call: one event
    got = type_and_source("وبحث سامح شكري في اتصال هاتفي مع علي الصادق تطورات الأزمة.")
    assert [t for t, _ in got].count("CONSULT") == 1


def test_a_masculine_plural_after_a_feminine_head_is_the_object_not_an_adjective() -> None:
    # "وطالبت الهيئة المسؤولين": الهيئة alone refers back to the body named before
    got = type_and_source("وأصدرت هيئة علماء اليمن بيانا أمس. وطالبت الهيئة المسؤولين بالإفراج عن المعتقلين.")
    assert ("REQUEST", "هيئة علماء اليمن") in got


def test_a_participle_takes_the_subject_of_its_own_main_verb() -> None:
    # "رفضت الحكومة …، واعتبر المكتب أن …، متوعدا": the nearest main verb is the speech
    # verb; its subject threatens, not the one of the event told before it
    got = type_and_source("رفضت الحكومة الإسرائيلية مخرجات المؤتمر، واعتبر مكتب رئيس الوزراء الإسرائيلي في بيان "
                          "أن الاتفاق خطأ، متوعدا بالرد القاسي.")
    assert ("THREATEN", "مكتب رئيس الوزراء الإسرائيلي") in got
    # a feminine participle does not agree with a masculine speech verb: the earlier subject
    got = type_and_source("رفضت الحكومة الإسرائيلية مخرجات المؤتمر، وقال الوزير يوسف كاتس إن القرار خطأ، "
                          "متوعدة بالرد القاسي.")
    assert ("THREATEN", "الحكومة الإسرائيلية") in got


def test_a_present_verb_with_mundhu_is_ongoing_background() -> None:
    # "تطالب X منذ سنوات"، "يفرض X حصارا منذ أشهر": habitual or ongoing, no new event
    got = type_and_source("وتطالب نقابة المعلمين منذ سنوات بزيادة الأجور.")
    assert "REQUEST" not in [t for t, _ in got]
    got = type_and_source("ويفرض التحالف العربي حصارا على ميناء الحديدة منذ أشهر.")
    assert "COERCE" not in [t for t, _ in got]
    # the past tense with منذ tells an act that happened
    got = type_and_source("وطالبت نقابة المعلمين اليوم بزيادة الأجور المجمدة منذ سنوات.")
    assert ("REQUEST", "نقابة المعلمين") in got


def test_the_bare_forces_refer_back_to_the_force_named_last() -> None:
    # "القوات اعتقلت" after "قوات من الشرطة الاتحادية": the named force arrests
    got = type_and_source("وانتشرت قوات من الشرطة الاتحادية في محيط المبنى. وذكر مصدر أمني أن القوات اعتقلت "
                          "أربعة محتجين.")
    assert ("COERCE", "الشرطة الاتحادية") in got


def test_a_present_verb_with_a_future_time_word_is_a_plan() -> None:
    # "تدخل النقابة في إضراب … الأحد المقبل": an intention, not an event
    got = type_and_source("وتدخل نقابة المعلمين في إضراب مفتوح الأحد المقبل.")
    assert "PROTEST" not in [t for t, _ in got]
    # the same verb with a present time word reports the strike
    got = type_and_source("وتدخل نقابة المعلمين اليوم في إضراب مفتوح.")
    assert ("PROTEST", "نقابة المعلمين") in got


def test_a_headline_with_two_names_and_a_dual_present_verb_gives_the_reciprocal_act() -> None:
    # "X وY توقعان اتفاقية": both parties, one the source and the other the target
    got = type_and_source("مصر والأردن توقعان اتفاقية للتعاون في مجال الطاقة\n\nوتأتي الاتفاقية في إطار "
                          "تعزيز العلاقات بين البلدين.", target=True)
    assert ("AGREE", "مصر", "الأردن") in got
    # the headline sums up an act the body tells of the two ministers: one event
    got = type_and_source("مصر والأردن توقعان اتفاقية للتعاون في مجال الطاقة\n\nووقع وزير الطاقة المصري "
                          "محمود عصمت اليوم في عمان اتفاقية للتعاون مع نظيره الأردني.")
    assert [t for t, _ in got].count("AGREE") == 1
    # in the body a dual present after two names is mostly a state
    got = type_and_source("وقال الوزير إن العلاقات جيدة. ويذكر أن مصر والأردن تتقاسمان خبرات طويلة.")
    assert "COOPERATE" not in [t for t, _ in got]


def test_an_exchange_of_accusations_is_no_cooperation() -> None:
    got = type_and_source("وتبادلت حركة حماس والحكومة الإسرائيلية الاتهامات بعرقلة المفاوضات.")
    assert "COOPERATE" not in [t for t, _ in got]


def test_an_unnamed_unit_with_a_nationality_is_that_states_force() -> None:
    # "قوة إسرائيلية": Israel's force; its object is no genitive of it ("| بلدة بيتا")
    got = type_and_source("وقالت إسرائيل إنها سترد. وداهمت قوة إسرائيلية بلدة بيتا جنوب نابلس، واعتقلت ثلاثة شبان.",
                          target=True)
    assert ("COERCE", "إسرائيل", "بيتا") in got


def test_a_conjoined_verb_shares_the_subject_after_a_fronted_place_phrase() -> None:
    # "وفي ريف X، توغلت قوة إسرائيلية …، واعتقلت": the unit of the first verb arrests
    got = type_and_source("أعلن الجيش الإسرائيلي أمس عن عملية. وفي ريف القنيطرة، توغلت قوة إسرائيلية مؤلفة من "
                          "ست آليات، صباح اليوم، في قرية جباتا الخشب، واعتقلت ثلاثة رعاة.")
    assert ("COERCE", "الجيش الإسرائيلي") in got
