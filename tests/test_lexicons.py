"""The shipped lexicons load, validate and mean what they should."""
from __future__ import annotations

import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest

from marsad.lexicons import loader
from marsad.lexicons.loader import (
    SECTORS,
    ActorIndex,
    LexiconError,
    actor_index,
    load_actors,
    load_nationalities,
    load_titles,
    parse_code,
    read_actor_file,
)
from marsad.text.normalize import fold

ROOT = Path(__file__).resolve().parent.parent

#: Folded forms deliberately shared by two entries' *strong* names.  Keep this
#: list short and say why; everything else is a bug.
DUPLICATE_ALLOWLIST: dict[str, str] = {}

# ------------------------------------------------------------------ loading


def test_all_lexicons_load_quickly():
    for f in (loader._load_actors, loader._load_titles, loader._load_nationalities, loader.country_codes):
        f.cache_clear()
    t0 = time.perf_counter()
    actors, titles, nats = loader.load_all()
    elapsed = time.perf_counter() - t0
    assert actors and titles.titles and nats
    assert elapsed < 3, f"loading all lexicons took {elapsed:.2f}s"  # a guard, not a benchmark


def test_size_and_types():
    actors = load_actors()
    assert len(actors) >= 500
    by_type = defaultdict(int)
    for e in actors:
        by_type[e.type] += 1
    assert by_type["PER"] >= 300
    assert by_type["ORG"] >= 200
    assert by_type["LOC"] >= 400


def test_every_entry_is_well_formed():
    code_re = re.compile(r"^(?:[A-Z]{3}){1,5}$")
    for e in load_actors():
        where = f"{e.source}: {e.name}"
        assert e.name_en.strip(), where
        assert e.type in ("PER", "ORG", "LOC"), where
        assert code_re.match(e.code), where
        assert parse_code(e.code) == (e.country, e.sector), where
        assert e.sector is None or e.sector in SECTORS, where
        for r in e.roles:
            assert r.role.strip(), where
            if r.from_year and r.to_year:
                assert r.from_year <= r.to_year, where
        # a variant is a name form, never a title in front of it
        titles = load_titles()
        for v in e.variants:
            first = v.split()[0]
            entry = titles.lookup(first)
            assert entry is None or entry.kind not in ("honorific", "rank", "religious", "epithet"), (
                f"{where}: variant {v!r} starts with the title {first!r}"
            )


def test_people_have_roles_and_state_codes():
    for e in load_actors():
        if e.type == "PER":
            assert e.roles or e.sector in ("BUS", "REL", "OPP"), f"{e.name} has no role"


def test_no_unintended_duplicates():
    """Two entries may not share a folded strong name form (weak forms may)."""
    owners: dict[str, list] = defaultdict(list)
    for e in load_actors():
        for k in e.keys():
            owners[k].append(e)
    dupes = {
        k: [f"{e.name} [{e.code}] ({Path(e.source).name})" for e in v]
        for k, v in owners.items()
        if len(v) > 1 and k not in DUPLICATE_ALLOWLIST
    }
    assert not dupes, "duplicate folded names:\n" + "\n".join(f"  {k}: {v}" for k, v in sorted(dupes.items()))


def test_frame_terms_are_not_actors():
    """Loaded labels built from a common noun are frames only; a loaded *name*
    of a state or an alliance's conventional name is also an actor
    (tests/gold/README.md)."""
    idx = actor_index()
    for term in ("مليشيات المرتزقة", "النظام السوري", "جيش الاحتلال", "قوات الاحتلال", "العدوان الأمريكي"):
        assert idx.lookup(term) is None, term
    assert idx.lookup("الكيان الصهيوني").code == "ISR"
    assert idx.lookup("محور المقاومة").type == "ORG"


def test_generated_files_are_up_to_date():
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_countries.py"), "--check"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr


# ------------------------------------------------------------------ resolution


def test_khamenei_spellings_resolve_to_one_entry():
    idx = actor_index()
    forms = ["الخامنئي", "خامنئي", "علي خامنئي", "علي الخامنئي", "الخامئني", "خامنه‌ای", "خامنئى"]
    found = {f: idx.lookup(f) for f in forms}
    assert all(found.values()), {f: e for f, e in found.items() if e is None}
    assert len({id(e) for e in found.values()}) == 1
    e = found["خامنئي"]
    assert e.code == "IRNGOV" and e.name_en == "Ali Khamenei"
    assert fold("الخامنئي") in e.keys() and fold("خامنئي") in e.keys()


@pytest.mark.parametrize(
    "name, code",
    [
        ("أميركا", "USA"),
        ("أمريكا", "USA"),
        ("الولايات المتحدة", "USA"),
        ("الولايات المتحدة الأمريكية", "USA"),
        ("ايران", "IRN"),
        ("الجمهورية الإسلامية الإيرانية", "IRN"),
        ("سورية", "SYR"),
        ("سوريا", "SYR"),
        ("المملكة العربية السعودية", "SAU"),
        ("الإمارات", "ARE"),
        ("فلسطين", "PSE"),
        ("بغداد", "IRQ"),
        ("عين الأسد", "IRQ"),
        ("مطار بغداد", "IRQ"),
        ("مضيق هرمز", "PGS"),
        ("محمد باقري", "IRNMIL"),
        ("باقري", "IRNMIL"),
        ("شمخاني", "IRNGOV"),
        ("قاسم سليماني", "IRNMIL"),
        ("فالح الفياض", "IRQMIL"),
        ("الحشد الشعبي", "IRQMIL"),
        ("هيئة الحشد الشعبي", "IRQMIL"),
        ("حزب الله", "LBNREB"),
        ("كتائب حزب الله", "IRQREB"),
        ("حماس", "PSEREB"),
        ("الحوثيون", "YEMREB"),
        ("الحرس الثوري", "IRNMIL"),
        ("داعش", "IMGMOSISI"),
        ("الناتو", "IGOWSTNAT"),
        ("الأمم المتحدة", "IGOUNO"),
        ("مجلس النواب العراقي", "IRQLEG"),
        ("البرلمان العراقي", "IRQLEG"),
        ("الحكومة العراقية", "IRQGOV"),
        ("القوات الأمريكية", "USAMIL"),
        ("القوات الاميركية", "USAMIL"),
        ("وكالة ارنا", "IRNMED"),
        ("سانا", "SYRMED"),
        ("ستولتنبيرغ", "IGOWSTNAT"),
        ("وزير الدفاع", None),  # a role, not an actor
    ],
)
def test_lookup(name, code):
    e = actor_index().lookup(name)
    assert (e.code if e else None) == code


def test_weak_variants_are_candidates_only():
    idx = actor_index()
    assert idx.lookup("الأسد") is None  # "the lion", and several Assads
    cands = {e.name_en for e in idx.candidates("الأسد", weak=True)}
    assert {"Bashar al-Assad", "Hafez al-Assad"} <= cands
    assert idx.lookup("رئيسي") is None  # also the adjective "main"
    assert idx.candidates("رئيسي", weak=True)[0].name_en == "Ebrahim Raisi"


def test_role_years():
    e = actor_index().lookup("محمد باقري")
    r = e.role_at(2020)
    assert r is not None and r.role_en == "Chief of Staff of the Armed Forces of Iran"
    assert e.role_at(2010) is None


# ------------------------------------------------------------------ user files


def test_user_tsv_overrides_shipped_entry(tmp_path):
    tsv = tmp_path / "mine.tsv"
    tsv.write_text(
        "name\tname_en\ttype\tcode\tvariants\n"
        "محمد باقري\tMohammad Hossein Bagheri (custom)\tPER\tIRNGOV\tباقري|اللواء باقري المعدل\n"
        "# a comment line\n"
        "\n"
        "جماعة تجريبية\tTest Group\tORG\tIRQREB\t\n",
        encoding="utf-8",
    )
    actors = load_actors([tsv])
    bagheri = [e for e in actors if fold(e.name) == fold("محمد باقري")]
    assert len(bagheri) == 1 and bagheri[0].code == "IRNGOV"
    assert actors[-1].name == "جماعة تجريبية"  # user entries come last
    idx = actor_index([tsv])
    assert idx.lookup("باقري").name_en == "Mohammad Hossein Bagheri (custom)"
    assert idx.lookup("جماعه تجريبيه").code == "IRQREB"
    # the shipped index is untouched
    assert actor_index().lookup("باقري").code == "IRNMIL"


def test_user_yaml_wins_on_a_shared_variant(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text(
        "- name: خامنئي الابن\n  name_en: Someone Else\n  type: PER\n  code: IRNREL\n  variants: [خامنئي]\n",
        encoding="utf-8",
    )
    idx = ActorIndex(load_actors([f]))
    assert idx.lookup("خامنئي").name_en == "Someone Else"
    assert {e.name_en for e in idx.candidates("خامنئي")} == {"Someone Else", "Ali Khamenei"}


@pytest.mark.parametrize(
    "body, message",
    [
        ("- name: س\n  name_en: X\n  type: PERSON\n  code: IRNGOV\n", "unknown type"),
        ("- name: س\n  type: PER\n  code: IRNGOV\n", "missing 'name_en'"),
        ("- name: س\n  name_en: X\n  type: PER\n  code: IRN-GOV\n", "malformed code"),
        ("- name: س\n  name_en: X\n  type: PER\n  code: XYZGOV\n", "neither a country code"),
        ("- name: س\n  name_en: X\n  type: PER\n  code: IRNXXX\n", "not a role code"),
        ("- name: س\n  name_en: X\n  type: PER\n  code: IRNGOV\n  country: IRQ\n", "disagrees with code"),
        ("- name: س\n  name_en: X\n  type: PER\n  code: IRNGOV\n  varaints: [a]\n", "unknown keys"),
        ("- name: س\n  name_en: X\n  type: PER\n  code: IRNGOV\n  roles: [{role: r, from: 2020, to: 2010}]\n", "ends"),
        ("- name: س\n  name_en: X\n  type: PER\n  code: IRNGOV\n  roles: [{role: r, from: twenty}]\n", "year"),
        ("- name_en: X\n  type: PER\n  code: IRNGOV\n", "missing 'name'"),
    ],
)
def test_bad_entries_raise_clear_errors(tmp_path, body, message):
    f = tmp_path / "bad.yaml"
    f.write_text("- name: صحيح\n  name_en: Fine\n  type: ORG\n  code: IRQGOV\n" + body, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        read_actor_file(f)
    text = str(info.value)
    assert message in text
    assert str(f) in text and "entry 2" in text


def test_bad_tsv_row_names_file_and_line(tmp_path):
    f = tmp_path / "bad.tsv"
    f.write_text("محمد\tMohammad\tPER\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad\.tsv: line 1"):
        read_actor_file(f)


def test_missing_user_file_is_an_error(tmp_path):
    with pytest.raises(LexiconError, match="no such actor file"):
        load_actors([tmp_path / "absent.yaml"])


# ------------------------------------------------------------------ codes


@pytest.mark.parametrize(
    "code, expected",
    [
        ("IRNGOV", ("IRN", "GOV")),
        ("IRNGOVMIL", ("IRN", "GOV")),
        ("IRQ", ("IRQ", None)),
        ("IGOUNO", (None, "IGO")),
        ("IGOUNOIAE", (None, "IGO")),
        ("IGOEECLEG", (None, "LEG")),
        ("IMGMOSALQ", (None, "REB")),
        ("NGOAMN", (None, "NGO")),
        ("MEA", ("MEA", None)),
    ],
)
def test_parse_code(code, expected):
    assert parse_code(code) == expected


# ------------------------------------------------------------------ titles and nationalities


def test_titles():
    t = load_titles()
    for form in ("اللواء", "العميد", "الفريق", "العقيد", "الشيخ", "السيد", "الدكتور", "آية الله", "حجة الإسلام", "الحاج", "المهندس", "الشهيد"):
        assert form in t.titles, form
    assert t.lookup("الشهيد").kind == "epithet" and t.lookup("الشهيد").stance == "positive"
    assert t.lookup("اللواء").sector == "MIL"
    for head in ("رئيس", "وزير", "أمين عام", "مستشار", "قائد", "نائب", "سفير", "مبعوث", "المتحدث باسم", "مدير", "محافظ", "المرشد الأعلى", "ملك", "أمير", "ولي العهد"):
        assert head in t.heads, head
    assert t.lookup("وزير الدفاع").sector == "GOV"
    assert t.lookup("رئيس الأركان").sector == "MIL"
    assert t.lookup("سفير").sector == "GOV"
    assert t.lookup("المتحدث باسم").sector == "inherit"
    expected = {
        "القوات المسلحة": "MIL", "الجيش": "MIL", "الأركان": "MIL", "الحرس": "MIL",
        "الحكومة": "GOV", "الوزراء": "GOV", "الخارجية": "GOV", "البرلمان": "LEG",
        "مجلس النواب": "LEG", "الشرطة": "COP", "الأمن الداخلي": "COP", "المخابرات": "SPY",
        "الاستخبارات": "SPY", "القضاء": "JUD", "المحكمة": "JUD", "حزب": "PTY", "حركة": "REB",
        "كتائب": "REB", "فصائل": "REB", "مليشيات": "REB",
    }
    for word, sector in expected.items():
        assert t.sectors.get(word) == sector, word
    # folded lookups: hamza and ta marbuta do not matter
    assert t.lookup("الاركان").sector == "MIL"
    assert t.lookup("اية الله").kind == "religious"


@pytest.mark.parametrize(
    "form, code",
    [
        ("الإيرانية", "IRN"), ("الايراني", "IRN"), ("إيرانيون", "IRN"), ("الإيرانيين", "IRN"),
        ("الأمريكية", "USA"), ("الأميركي", "USA"), ("الأمريكان", "USA"), ("أميركيين", "USA"),
        ("السعودي", "SAU"), ("الإماراتية", "ARE"), ("البريطاني", "GBR"), ("الإنجليز", "GBR"),
        ("الروسي", "RUS"), ("الروس", "RUS"), ("الصينية", "CHN"), ("الفرنسي", "FRA"),
        ("الألمانية", "DEU"), ("الألمان", "DEU"), ("التركي", "TUR"), ("الأتراك", "TUR"),
        ("اللبناني", "LBN"), ("الفلسطينيين", "PSE"), ("الإسرائيلي", "ISR"), ("اليمني", "YEM"),
        ("العراقيين", "IRQ"), ("السورية", "SYR"), ("الأفغانية", "AFG"), ("الباكستانية", "PAK"),
        ("الكوري الشمالي", "PRK"), ("الخليجية", "PGS"), ("الأوروبي", "EUR"),
    ],
)
def test_nationalities(form, code):
    assert load_nationalities()[form] == code


def test_nationality_lookup_folds_keys():
    n = load_nationalities()
    assert "الايرانيه" in n and n.get("الایرانیة") == "IRN"
    assert n.get("كردي") is None  # an ethnicity, not a state


# ------------------------------------------------------------------ places


@pytest.mark.parametrize(
    "form, code",
    [
        ("طنجة", "MAR"), ("مدينة فاس", "MAR"), ("سبتة", "ESP"), ("مليليه", "ESP"), ("فنيدق", "MAR"),
        ("قسنطينة", "DZA"), ("جربة", "TUN"), ("مصراتة", "LBY"), ("نواذيبو", "MRT"), ("أغاديز", "NER"),
        ("تيغراي", "ETH"), ("أرض الصومال", "SOM"), ("الفاشر", "SDN"), ("جرابلس", "SYR"),
        ("حقل الرميلة", "IRQ"), ("الأحساء", "SAU"), ("ميناء تشابهار", "IRN"), ("نهر الفرات", "MEA"),
        ("دجلة", "MEA"), ("البحر الأسود", "EEU"), ("جزيرة لامبيدوزا", "ITA"), ("كريت", "GRC"),
        ("مضيق البوسفور", "TUR"), ("أوتاوا", "CAN"),
    ],
)
def test_places_resolve(form, code):
    e = actor_index().lookup(form)
    assert e is not None and e.type == "LOC" and e.code == code, (form, e)


@pytest.mark.parametrize(
    "form",
    # place names that are also common words (or fold to one) are weak only
    ["فاس", "العيون", "الداخلة", "وجدة", "الخبر", "العين", "الباب", "القصير", "سيول", "النيل",
     "الأطلسي", "أكرا", "سبها", "عرعر", "دوما", "مطروح", "الكفرة", "بورصة", "عمران", "الزاوية"],
)
def test_place_forms_that_are_common_words_are_weak(form):
    idx = actor_index()
    assert idx.lookup(form) is None, form
    assert any(e.type == "LOC" for e in idx.candidates(form, weak=True)), form


def test_place_variants_do_not_fold_into_common_phrases():
    idx = actor_index()
    for phrase in ("جبل على", "المدينة الحديثة", "مدينة حديثة", "بورنو"):
        assert idx.lookup(phrase) is None, phrase
