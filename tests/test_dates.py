"""Dates: the publication date from datelines, date expressions, dates of spans.

Every sentence here was written for these tests.  The seed articles are read
in place from ``../shared/seeds`` and their tests skip when it is absent.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from marsad.document import Document
from marsad.extract.dates import DateExtractor, date_for_span, find_expressions, hijri_to_gregorian
from marsad.pipeline import Pipeline
from marsad.text.normalize import normalize

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
EXAMPLES = REPO / "examples"

_TEXT = Pipeline(extract=False)
_DATES = DateExtractor()


def run(text: str, published: str | None = None) -> Document:
    doc = _TEXT(Document(raw_text=text, published=published))
    return _DATES(doc)


def dates_of(text: str, published: str | None) -> list[tuple[str, str | None]]:
    return [(d["text"], d["date"]) for d in run(text, published).meta["dates"]]


def only(text: str, published: str | None) -> dict:
    found = run(text, published).meta["dates"]
    assert len(found) == 1, found
    return found[0]


BODY = "وقال مصدر مطلع إن المحادثات تناولت الأوضاع الأمنية على الحدود وسبل تعزيز التعاون بين الجانبين."


def article(dateline: str, body: str = BODY, title: str = "وزير الخارجية يصل إلى العاصمة في زيارة رسمية") -> str:
    return f"{title}\n\n{dateline}\n\n{body}\n"


# --------------------------------------------------------------------------
# the publication date


@pytest.mark.parametrize(
    "dateline, expected",
    [
        # Gregorian month, Eastern Arabic digits, weekday and clock time
        ("الخميس ١٨ يناير ٢٠٢٤ - ٠٩:٣٠ بتوقيت غرينتش", "2024-01-18"),
        # Iraqi: Syriac month with its Gregorian twin, place before the date
        ("بغداد - 3 كانون الثاني/يناير 2024", "2024-01-03"),
        ("الموصل - 9 تشرين الأول / أكتوبر 2022", "2022-10-09"),
        # Levantine, in parentheses after the place
        ("دمشق (22 نيسان 2022)", "2022-04-22"),
        ("(11 آذار 2021)", "2021-03-11"),
        ("بيروت 30 أيلول 2019", "2019-09-30"),
        ("عمّان - 1 شباط 2023", "2023-02-01"),
        # Egyptian spellings
        ("القاهرة في 5 يونيه 2020", "2020-06-05"),
        ("الإسكندرية - 17 يوليه 2018", "2018-07-17"),
        # Maghreb (Algeria, Tunisia) and Morocco
        ("الجزائر - 12 فيفري 2021", "2021-02-12"),
        ("تونس 3 جانفي 2020", "2020-01-03"),
        ("الجزائر 20 جويلية 2019", "2019-07-20"),
        ("الرباط - 14 غشت 2017", "2017-08-14"),
        # numeric dates
        ("2023/12/05", "2023-12-05"),
        ("05-12-2023", "2023-12-05"),
        ("تاريخ النشر: 07/03/2022 - 10:45", "2022-03-07"),
        # Hijri, converted with hijridate (Umm al-Qura)
        ("15 جمادى الأولى 1445 هـ", "2023-11-29"),
        ("مكة المكرمة 1 رمضان 1444هـ", "2023-03-23"),
        # agency style: Hijri date with its Gregorian equivalent
        ("الرياض 12 رجب 1445 هـ الموافق 24 يناير 2024 م واس", "2024-01-24"),
        ("صنعاء - الأحد 3 صفر 1446هـ الموافق 8 أغسطس 2024م", "2024-08-08"),
    ],
)
def test_publication_date_from_dateline(dateline: str, expected: str) -> None:
    doc = run(article(dateline))
    assert doc.published == expected
    s, e = doc.meta["published_span"]
    assert doc.text[s:e] and doc.text[s:e] in dateline


def test_dateline_opening_the_first_paragraph() -> None:
    text = (
        "اشتباكات في محيط المطار\n"
        "بغداد - 3 كانون الثاني/يناير 2024 - قال مسؤول أمني إن اشتباكات اندلعت قرب المطار الدولي.\n"
        "وأضاف أن القوات أعادت السيطرة على الموقف.\n"
    )
    doc = run(text)
    assert doc.published == "2024-01-03"
    s, e = doc.meta["published_span"]
    assert doc.text[s:e] == "3 كانون الثاني/يناير 2024"


@pytest.mark.parametrize(
    "first_line, expected",
    [
        # a comma after the place and the agency in brackets before the dash
        ("الجزائر، 12 جويلية 2025 (واج) - أعلنت وزارة الداخلية توقيف ثلاثة أشخاص.", "2025-07-12"),
        ("نيامي، الخميس 4 ديسمبر/كانون الأول 2025 (رويترز) - قال الجيش إن الهجوم فشل.", "2025-12-04"),
        # "في" before the date, the era letter on the year and the agency after it
        ("الرباط في 5 رمضان 1446هـ الموافق 5 مارس 2025م (ومع) - وقع البلدان اتفاقا.", "2025-03-05"),
        ("مسقط في 3 يناير 2026 (العمانية) - وقعت سلطنة عمان مذكرات تفاهم.", "2026-01-03"),
    ],
)
def test_dateline_with_a_comma_or_fi_and_an_agency_in_brackets(first_line: str, expected: str) -> None:
    doc = run(f"{first_line}\n\n{BODY}\n")
    assert doc.published == expected


def test_a_date_closed_by_a_comma_in_a_sentence_is_no_dateline() -> None:
    assert run("وأعلن الجيش، الأحد 9 نوفمبر 2025، أنه قتل عشرة مسلحين.\n").published is None


def test_dateline_beats_a_body_date() -> None:
    body = "وكان الطرفان قد التقيا في 11 آذار 2021 في جولة سابقة لم تسفر عن نتائج."
    assert run(article("دمشق (22 نيسان 2022)", body)).published == "2022-04-22"


def test_body_date_is_not_the_publication_date() -> None:
    text = (
        "الحلف يبحث تعزيز مهمته التدريبية\n"
        "بحث مسؤولون في الحلف مع نظرائهم سبل تطوير المهمة التدريبية.\n"
        "وخلال الاجتماع الذي عقد يوم الخميس (11 آذار 2021)، جرى التركيز على الحوار السياسي.\n"
        "لقد وافقته المنية صباح يوم السبت 2-10-1436هـ\n"
    )
    doc = run(text)
    assert doc.published is None
    assert "published_span" not in doc.meta
    # the body dates are still date expressions
    assert ("يوم الخميس (11 آذار 2021)", "2021-03-11") in [(d["text"], d["date"]) for d in doc.meta["dates"]]


def test_metadata_date_is_kept() -> None:
    doc = run(article("بغداد - 3 كانون الثاني/يناير 2024"), published="2024-01-04")
    assert doc.published == "2024-01-04"
    assert "published_span" not in doc.meta  # the dateline disagrees: no span claimed
    doc = run(article("بغداد - 3 كانون الثاني/يناير 2024"), published="2024-01-03")
    assert doc.meta["published_span"]


def test_no_date_at_all() -> None:
    doc = run(article("", body=BODY))
    assert doc.published is None
    assert doc.meta["dates"] == []


def test_spellings_fold_in_the_month_table() -> None:
    # hamza-less and ى/ي variants come from the match form, not from extra entries
    assert run(article("بيروت 2 ايار 2019")).published == "2019-05-02"
    assert run(article("15 جمادي الاولي 1445 هـ")).published == "2023-11-29"
    assert run(article("الكويت 9 ذي القعدة 1445هـ")).published == hijri_to_gregorian(1445, 11, 9).isoformat()


# --------------------------------------------------------------------------
# relative dates, resolved against the publication date

SAT = "2017-11-25"  # a Saturday


@pytest.mark.parametrize(
    "sentence, text, expected",
    [
        ("وتفقد القائد مواقع القوات يوم أمس الجمعة في ريف المدينة.", "يوم أمس الجمعة", "2017-11-24"),
        ("وأعلنت الوزارة أمس أن الحدود ستفتح.", "أمس", "2017-11-24"),
        ("وتعقد اللجنة اجتماعها اليوم في مقر البرلمان.", "اليوم", "2017-11-25"),
        ("ويصل الوفد غدا إلى العاصمة.", "غدا", "2017-11-26"),
        ("وكانت الاشتباكات قد اندلعت أول من أمس في الحي القديم.", "أول من أمس", "2017-11-23"),
        ("والتقى رئيس الأركان نظيره يوم الأربعاء الفائت في العاصمة.", "يوم الأربعاء الفائت", "2017-11-22"),
        ("وكانت الحكومة قد أقرت الخطة الأربعاء الماضي.", "الأربعاء الماضي", "2017-11-22"),
        ("ومن المقرر أن يصوت البرلمان الخميس المقبل على القانون.", "الخميس المقبل", "2017-11-30"),
        ("وخرج آلاف المحتجين إلى الشوارع الجمعة رفضا للقرار.", "الجمعة", "2017-11-24"),
        ("وقال المتحدث السبت إن القوات انسحبت.", "السبت", "2017-11-25"),
        ("وزار الوزير طهران الشهر الماضي في أول زيارة له.", "الشهر الماضي", "2017-10"),
        ("وكانت الحكومة قد أعلنت الأسبوع الماضي عن خطة جديدة.", "الأسبوع الماضي", "2017-11"),
        ("وشهدت المدينة العام الماضي موجة من الاحتجاجات.", "العام الماضي", "2016"),
        ("وتجري الانتخابات العام المقبل وفق القانون الجديد.", "العام المقبل", "2018"),
        ("واستهدفت غارة جوية قبل يومين مستودعا للأسلحة.", "قبل يومين", "2017-11-23"),
        ("وأعلن الجيش قبل ثلاثة أيام بدء العملية.", "قبل ثلاثة أيام", "2017-11-22"),
        ("وبدأت المفاوضات مطلع الشهر الجاري في العاصمة.", "مطلع الشهر الجاري", "2017-11"),
        ("وأعلنت الشركة نتائجها مساء اليوم السبت.", "مساء اليوم السبت", "2017-11-25"),
    ],
)
def test_relative_dates(sentence: str, text: str, expected: str) -> None:
    d = only(sentence, SAT)
    assert d["text"] == text
    assert d["date"] == expected
    assert d["relative"] is True


def test_relative_dates_need_a_publication_date() -> None:
    d = only("وأعلنت الوزارة أمس أن الحدود ستفتح.", None)
    assert d["date"] is None and d["relative"] is True


def test_relative_dates_resolve_against_the_dateline() -> None:
    text = article("بغداد - 3 كانون الثاني/يناير 2024", "وأعلنت القوات المشتركة يوم أمس الثلاثاء اعتقال خلية مسلحة.")
    doc = run(text)
    assert doc.published == "2024-01-03"
    assert ("يوم أمس الثلاثاء", "2024-01-02") in [(d["text"], d["date"]) for d in doc.meta["dates"]]


def test_weekday_in_brackets_after_a_relative_day() -> None:
    assert dates_of("وتعود التدريبات بعد غد (الثلاثاء) في الملعب الرئيسي.", "2015-08-09") == [
        ("بعد غد (الثلاثاء)", "2015-08-11")
    ]


# --------------------------------------------------------------------------
# absolute dates in the body

IRAQI = "وكان رئيس الوزراء قد التقى السفير في 3 كانون الثاني /يناير لبحث الملف الأمني."


def test_iraqi_day_month_without_year_takes_the_publication_year() -> None:
    d = only(IRAQI, "2024-01-05")
    assert d["text"] == "3 كانون الثاني /يناير"
    assert d["date"] == "2024-01-03" and d["relative"] is True


def test_year_inference_never_lands_after_publication() -> None:
    # the most recent such date not after publication: last January
    assert only(IRAQI, "2023-12-20")["date"] == "2023-01-03"
    assert only(IRAQI, "2024-01-03")["date"] == "2024-01-03"
    assert only(IRAQI, None)["date"] is None


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("ووقعت الحادثة في ١٤ شباط ٢٠٢٤ قرب الحدود.", "2024-02-14"),  # Eastern digits
        ("وأقيم الحفل يوم الخميس 21 شوال 1436هـ في القاعة الكبرى.", "2015-08-06"),  # Hijri
        ("وصدر القرار بتاريخ 21/10/1436هـ عن المجلس.", "2015-08-06"),  # numeric Hijri
        ("ويبدأ التسجيل في 1436/11/8هـ لجميع الطلاب.", hijri_to_gregorian(1436, 11, 8).isoformat()),
        ("وأعلنت النتائج في 2023/12/05 على موقع الوزارة.", "2023-12-05"),
        ("وانتهت المهلة في 05-12-2023 دون اتفاق.", "2023-12-05"),
        ("وتسلم مهامه في السادس من آب (أغسطس) 2015 رسميا.", "2015-08-06"),
        ("وحصل ذلك في 20 يوليو تموز 2012 في المدينة.", "2012-07-20"),
        ("وكانت الجولة الأولى في أيلول/سبتمبر 2020 قد فشلت.", "2020-09"),
        ("وأطلق المشروع في عام 2015 بتمويل حكومي.", "2015"),
    ],
)
def test_absolute_dates(sentence: str, expected: str) -> None:
    d = only(sentence, "2024-03-01")
    assert d["date"] == expected
    assert d["relative"] is False


def test_hijri_date_with_gregorian_twin_is_one_expression() -> None:
    found = dates_of("ويقام المعرض يوم الأربعاء 27 شوال 1436هـ الموافق 12 أغسطس 2015م في جدة.", None)
    assert found == [("يوم الأربعاء 27 شوال 1436هـ الموافق 12 أغسطس 2015م", "2015-08-12")]


@pytest.mark.parametrize(
    "sentence, published, expected",
    [
        ("وتراجعت الأرباح خلال شهر يونيو الماضي بنسبة كبيرة.", "2015-08-09", "2015-06"),
        ("ويرفع البنك الفائدة في سبتمبر المقبل وفق التوقعات.", "2015-08-09", "2015-09"),
        ("ويتواصل المعسكر حتى يوم 29 أغسطس الحالي في المدينة.", "2015-08-09", "2015-08-29"),
        ("وتجري المباراة في الثالث من سبتمبر المقبل على الملعب.", "2015-08-09", "2015-09-03"),
        ("وتأمل الأطراف في التوصل إلى اتفاق قبل حلول شهر رمضان.", "2024-01-28", "2024-03"),
    ],
)
def test_month_with_direction(sentence: str, published: str, expected: str) -> None:
    assert only(sentence, published)["date"] == expected


# --------------------------------------------------------------------------
# no false dates


@pytest.mark.parametrize(
    "sentence",
    [
        "وتنطلق الدورة الـ 13 للمهرجان بمشاركة واسعة.",
        "وحكمت المحكمة عليه بالسجن لمدة 6 سنوات.",
        "وارتفع المؤشر بنسبة 3.5 في المئة خلال التداولات.",
        "وفاز الفريق بنتيجة 3-1 على منافسه.",
        "وقال المستشار في اليوم الثاني من زيارته إن العلاقات متطورة.",
        "وذكر موقع عين اليوم أن الحادث وقع قرب الطريق.",
        "ومارس الضغط على الحكومة لتغيير موقفها.",
        "واستقبل رجب طيب أردوغان الوفد في القصر.",
        "وقال رمضان عبد الله إن الحركة مستعدة.",
        "وينتج الحقل نحو مليون برميل في اليوم.",
        "وأعلن حزب الغد مقاطعة الانتخابات.",
        "ولم يحضر الاجتماع سوى 120 شخصا من أصل 2000 مدعو.",
        "وأكد كلا الاثنين أن الاتفاق صامد.",
        "واتصل على الرقم 0555-123-4567 للاستفسار.",
    ],
)
def test_no_false_dates(sentence: str) -> None:
    assert run(sentence, SAT).meta["dates"] == []


def test_before_another_event_is_not_a_relative_date() -> None:
    # "two days before the elections" is relative to the elections, not to publication
    assert dates_of("وأغلقت الحدود قبل يومين من الانتخابات.", SAT) == []


# --------------------------------------------------------------------------
# dateparser as an oracle for the forms it does parse


@pytest.mark.parametrize(
    "sentence, fragment",
    [
        ("وأعلنت النتائج في 05 ديسمبر 2023 رسميا.", "05 ديسمبر 2023"),
        ("وأعلنت النتائج في 2023/12/05 رسميا.", "2023/12/05"),
        ("وأعلنت النتائج في 05-12-2023 رسميا.", "05-12-2023"),
        ("وأعلنت النتائج في 5 يونيه 2020 رسميا.", "5 يونيه 2020"),
        ("وأعلنت النتائج أمس رسميا.", "أمس"),
        ("وأعلنت النتائج قبل يومين رسميا.", "قبل يومين"),
    ],
)
def test_agrees_with_dateparser(sentence: str, fragment: str) -> None:
    dateparser = pytest.importorskip("dateparser")
    from datetime import datetime

    base = datetime(2024, 3, 1)
    expected = dateparser.parse(
        fragment, languages=["ar"], settings={"PREFER_DATES_FROM": "past", "RELATIVE_BASE": base}
    )
    assert expected is not None
    assert only(sentence, "2024-03-01")["date"] == expected.date().isoformat()


# --------------------------------------------------------------------------
# offsets


def test_spans_point_into_the_display_text() -> None:
    # diacritics and tatweel are dropped from the match form; spans still index text
    text = "وَقَالَ الـــمتحدث يَوْمَ أَمْسِ الجُمُعَة إن الهجوم وقع في ١١ آذار ٢٠٢١."
    doc = run(text, SAT)
    got = [(doc.text[d["start"]:d["end"]], d["text"]) for d in doc.meta["dates"]]
    assert got == [("يَوْمَ أَمْسِ الجُمُعَة", "يَوْمَ أَمْسِ الجُمُعَة"), ("١١ آذار ٢٠٢١", "١١ آذار ٢٠٢١")]
    assert [d["date"] for d in doc.meta["dates"]] == ["2017-11-24", "2021-03-11"]


def test_scanning_every_position_finds_the_same_expressions() -> None:
    # the word-start shortcut must not lose expressions a full scan finds
    text = normalize(
        "بغداد - 3 كانون الثاني/يناير 2024 - ال16 من ديسمبر1903 وفي 1436/1437هـ، "
        "ووصل أمس الجمعة، وينبع26 شوال 1436هـ الموافق 011 اغسطس 2015 م واس"
    )
    full = [(x.start, x.end) for x in find_expressions(text, range(len(text)))]
    assert [(x.start, x.end) for x in find_expressions(text)] == full
    assert len(full) >= 5


def test_token_shortcut_matches_a_full_scan() -> None:
    # the component reads candidate starts off the segmenter's tokens
    text = (
        "بغداد - 3 كانون الثاني/يناير 2024\nوقال المتحدث أمس (الجمعة) إن الاجتماع المقبل يعقد "
        "الخميس المقبل، بعد أن تأجل منذ 6 سنوات وفي 1436/1437هـ ثم في الـ16 من شوال 1436هـ."
    )
    doc = run(text, SAT)
    full = find_expressions(doc.norm, range(len(doc.norm)))
    got = [(d["start"], d["end"]) for d in doc.meta["dates"]]
    assert got == [doc.norm_span_to_text(x.start, x.end) for x in full]
    assert len(got) == 6


# --------------------------------------------------------------------------
# date_for_span


def _span(doc: Document, word: str) -> tuple[int, int]:
    s = doc.text.index(word)
    return s, s + len(word)


def test_date_for_span_takes_the_nearest_in_the_sentence() -> None:
    doc = run("وقال الوزير أمس إن القوات المنتشرة في المدينة ستنسحب الأسبوع المقبل. وأكد المتحدث الالتزام بالاتفاق.", SAT)
    assert date_for_span(doc, *_span(doc, "وقال")) == "2017-11-24"
    assert date_for_span(doc, *_span(doc, "ستنسحب")) == "2017-12"
    assert date_for_span(doc, *_span(doc, "وأكد")) is None  # another sentence: no fallback here


def test_date_for_span_prefers_the_same_clause() -> None:
    doc = run("أكد الوزير يوم 3 آذار 2024 أن الاتفاق سيوقع في العاصمة، وذلك الخميس.", SAT)
    # "الخميس" is nearer to "سيوقع" in characters, but across the comma
    assert date_for_span(doc, *_span(doc, "سيوقع")) == "2024-03-03"
    assert date_for_span(doc, *_span(doc, "وذلك")) == "2017-11-23"


def test_date_for_span_without_the_component() -> None:
    doc = _TEXT(Document(raw_text="واستهدفت غارة مستودعا للأسلحة يوم أمس الجمعة.", published=SAT))
    assert date_for_span(doc, *_span(doc, "واستهدفت")) == "2017-11-24"


# --------------------------------------------------------------------------
# pipeline, seeds, examples, cost


def test_registered_as_default_extractor() -> None:
    from marsad.extract import EXTRACTORS

    assert ("marsad.extract.dates", "DateExtractor") in EXTRACTORS
    assert DateExtractor.name == "dates"


def _seed(prefix: str) -> Path:
    files = sorted(SEEDS.glob(prefix + "_*.txt")) if SEEDS.is_dir() else []
    if not files:
        pytest.skip(f"seed {prefix} not available")
    return files[0]


def test_seed_001_dateline() -> None:
    doc = run(_seed("001").read_text(encoding="utf-8"))
    assert doc.published == "2023-12-05"
    s, e = doc.meta["published_span"]
    assert normalize(doc.text[s:e]).endswith("05 ديسمبر 2023")


def test_seed_003_relative_dates() -> None:
    doc = run(_seed("003").read_text(encoding="utf-8"), published=SAT)
    found = {d["text"]: d["date"] for d in doc.meta["dates"]}
    assert found["يوم أمس الجمعة"] == "2017-11-24"
    assert found["يوم الأربعاء الفائت"] == "2017-11-22"


def test_seed_004_body_date_is_not_published() -> None:
    doc = run(_seed("004").read_text(encoding="utf-8"))
    assert doc.published is None
    assert "2021-03-11" in [d["date"] for d in doc.meta["dates"]]


def test_examples_have_their_dateline_date() -> None:
    files = sorted(EXAMPLES.glob("*.txt"))
    if not files:
        pytest.skip("no examples yet")
    for path in files:
        doc = run(path.read_text(encoding="utf-8"))
        assert doc.published, path.name
        s, e = doc.meta["published_span"]
        head = doc.text[: doc.text.find("\n", e) if "\n" in doc.text[e:] else len(doc.text)]
        assert head.count("\n") <= 4, path.name  # found on a line near the top


def test_cost_per_article_is_small() -> None:
    body = "\n".join([BODY, "وقال المتحدث أمس الجمعة إن الاجتماع المقبل يعقد في 3 كانون الثاني/يناير 2024."] * 8)
    docs = [_TEXT(Document(raw_text=article("بغداد - 5 كانون الثاني/يناير 2024", body))) for _ in range(50)]
    _DATES(docs[0])
    t0 = time.perf_counter()
    for d in docs:
        _DATES(d)
    per_doc = (time.perf_counter() - t0) / len(docs)
    assert per_doc < 0.005  # generous: measured ~0.1 ms on SaudiNewsNet


def test_dateline_with_fi_and_an_agency_credit_after_a_dash() -> None:
    import marsad

    text = "عنوان الخبر\n\nبيروت في 24 آذار 2026 - الوكالة الوطنية للإعلام\n\nقال الوزير إن الوضع هادئ."
    assert marsad.extract(text).published == "2026-03-24"
    # a date inside a sentence is no date line
    text = "عنوان الخبر\n\nوقال الوزير في 24 آذار 2026 إن الاتفاق انتهى.\n\nوأضاف أن الوضع هادئ."
    assert marsad.extract(text).published is None
