"""Normalization rules: one match form, offsets back into the display text."""
import pytest

from marsad.text.normalize import fold, normalize, normalize_with_map


@pytest.mark.parametrize(
    "a, b",
    [
        ("شمخانی", "شمخاني"),  # Persian ya
        ("کبیرة", "كبيرة"),  # Persian kaf and ya
        ("الأسد", "الاسد"),  # hamza on alef
        ("إيران", "ايران"),
        ("آية الله", "اية الله"),
        ("تتجرأ", "تتجرا"),
        ("مسؤول", "مسوول"),  # hamza on waw
        ("رئيس", "رييس"),  # hamza on ya
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("الحكومة", "الحكومه"),  # ta marbuta
        ("يَقُولُ", "يقول"),  # diacritics
        ("الـــرئيس", "الرئيس"),  # stretching tatweel
        ("٢٠٢٣", "2023"),  # Eastern Arabic digits
        ("۱۴۰۲", "1402"),  # Persian digits
        ("“المثالي”", '"المثالي"'),
        ("«فوراً»", '"فورا"'),
        ("IRNA", "irna"),
        ("پزشکیان", "بزشكيان"),  # Persian letters Arabic lacks
        ("چابهار", "جابهار"),
        ("گلپایگانی", "كلبايكاني"),
    ],
)
def test_variants_share_one_match_form(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


def test_grammatical_tatweel_is_kept() -> None:
    # the tatweel gluing a clitic to a number or a quote marks a word boundary
    assert normalize("الدورة الـ 13") == "الدوره الـ 13"
    assert normalize("بـ”المثالي”") == 'بـ"المثالي"'


def test_nbsp_and_invisible_marks() -> None:
    assert normalize("علي\u00a0خامنئي") == "علي خامنيي"
    assert normalize("بغداد\u200f") == "بغداد"
    assert normalize("\ufeffطهران") == "طهران"


def test_offsets_map_back_to_display_text() -> None:
    text = "قالَ اللواءُ محمد باقري إنّ الـــقوات"
    norm, mapping = normalize_with_map(text)
    assert mapping, "characters were removed, so the map is not the identity"
    i = norm.index("باقري")
    start, end = mapping[i], mapping[i + len("باقري") - 1] + 1
    assert text[start:end] == "باقري"
    j = norm.index("القوات")
    assert text[mapping[j]:mapping[j + 5] + 1] == "الـــقوات"


def test_identity_map_when_nothing_removed() -> None:
    norm, mapping = normalize_with_map("إيران والعراق")
    assert mapping == [] and len(norm) == len("إيران والعراق")


def test_presentation_forms_expand() -> None:
    norm, mapping = normalize_with_map("ﻻ")
    assert norm == "لا" and mapping == [0, 0]


def test_fold_collapses_space() -> None:
    assert fold("  علي   الخامنئي ") == "علي الخامنيي"
