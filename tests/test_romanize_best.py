"""The romanizer's best-only path gives the library's own top spelling."""
import pytest

NAMES = [
    "محمد باقري", "عبد الله بن عبد العزيز آل سعود", "عبدالرحمن السديس", "أبو بكر البغدادي",
    "سيف الدين", "مروان الأغبري", "آزاد مستو", "فالح الفياض", "حسن روحاني", "جواد ظريف",
    "محمد جواد ظريف", "أحمد سالم ولد الشيخ", "نور الدين بن علي", "ليلى", "إب", "بغداد",
    "الرياض", "جدة", "نابلس", "عين العرب", "كفر نبل", "تل أبيب", "مزار شريف", "هرات",
    "غلام رضا", "پژمان", "كوفي عنان", "دونالد ترامب", "أنطونيو غوتيريش", "سامر الحموي",
    "محمد بن سلمان بن عبد العزيز", "عبد الفتاح السيسي", "خليفة حفتر", "وليد", "Barack Obama",
    "", "   ", "١٢٣", "محمد الـمحمد", "قصي عبد الرزاق الحسيني الزبيدي",
]


def test_best_spelling_equals_transliterate() -> None:
    pytest.importorskip("arabic_name_romanizer")
    from marsad.extract.entities import _romanizer
    from marsad.extract.romanize_best import _library, best_spelling

    tr = _romanizer()
    assert _library() is not None  # the installed version is the mirrored one: the fast path runs
    for name in NAMES:
        assert best_spelling(tr, name) == tr.transliterate(name), name


def test_best_spelling_leaves_other_settings_to_the_library() -> None:
    pytest.importorskip("arabic_name_romanizer")
    from arabic_name_romanizer import Transliterator

    from marsad.extract.romanize_best import best_spelling

    tr = Transliterator(auto_load_model=False, role_aware_lookup=True)
    for name in NAMES[:10]:
        assert best_spelling(tr, name) == tr.transliterate(name), name
