"""Sentences and tokens on Arabic news text."""
from marsad.text.segment import clitic_forms, sentences, split_article, tokenize


def _texts(text: str) -> list[str]:
    return [text[s.start:s.end] for s in sentences(text)]


def test_sentence_ends() -> None:
    text = "وصل الوزير إلى بغداد. وعقد اجتماعا مع نظيره! هل ينجح الاتفاق؟ لا أحد يعرف"
    assert _texts(text) == ["وصل الوزير إلى بغداد.", "وعقد اجتماعا مع نظيره!", "هل ينجح الاتفاق؟", "لا أحد يعرف"]


def test_comma_does_not_split_a_sentence() -> None:
    text = "وقال، إن الأمن مستتب جيدا في البلاد، وإن الحكومة مستمرة."
    assert len(sentences(text)) == 1


def test_no_split_inside_quotes() -> None:
    text = "وقال باقري إن “عمر المجموعات انتهى. والنصر قريب” في كلمته. ثم غادر."
    assert _texts(text) == ["وقال باقري إن “عمر المجموعات انتهى. والنصر قريب” في كلمته.", "ثم غادر."]


def test_decimal_point_and_newline() -> None:
    text = "ارتفع المؤشر 3.5 بالمئة\nوتراجع الدينار"
    assert _texts(text) == ["ارتفع المؤشر 3.5 بالمئة", "وتراجع الدينار"]


def test_closing_quote_stays_with_sentence() -> None:
    assert _texts("قال: “انتهى الأمر.” وغادر.") == ["قال: “انتهى الأمر.”", "وغادر."]


def test_tokens_have_offsets_and_forms() -> None:
    text = "والحكومة العراقية تسعى للانسحاب"
    toks = tokenize(text)
    assert [t.text for t in toks] == ["والحكومة", "العراقية", "تسعى", "للانسحاب"]
    assert all(text[t.start:t.end] == t.text for t in toks)
    assert toks[0].prefix == "وال" and toks[0].bare == "حكومه"
    assert toks[3].prefix == "لل" and toks[3].bare == "انسحاب"
    assert toks[2].bare == "تسعي"  # no article: unchanged apart from normalization


def test_article_split_keeps_short_words() -> None:
    assert split_article("الله") == ("", "الله")  # a stem needs three letters
    assert split_article("الاسد") == ("ال", "اسد")
    assert split_article("بالعراق") == ("بال", "عراق")


def test_clitic_forms_offer_all_splits() -> None:
    forms = dict((stem, pre) for pre, stem in clitic_forms("وبغداد"))
    assert forms["غداد"] == "وب" and forms["بغداد"] == "و"
    forms = dict((stem, pre) for pre, stem in clitic_forms("والعراق"))
    assert forms["العراق"] == "و" and forms["عراق"] == "وال"
    assert clitic_forms("وزير")[0] == ("", "وزير")  # unsplit form first


def test_tokens_carry_sentence_index() -> None:
    toks = tokenize("زار الوزير طهران. ثم عاد.")
    assert [t.sentence for t in toks if t.text == "عاد"] == [1]


def test_grammatical_tatweel_token() -> None:
    toks = tokenize("الدورة الـ 13")
    assert [t.text for t in toks] == ["الدورة", "الـ", "13"]
