"""Cleaning keeps what a reader needs and drops what the site added.

The Arabic snippets below are written for these tests in the style of news
sites; nothing is copied from the seeds or the evaluation corpus (those are
read in place, and their tests skip when they are absent).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from marsad.document import Document, content_id
from marsad.text.clean import BoilerplateRules, Cleaner, clean_text, default_rules
from marsad.text.normalize import normalize

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "eval" / "news_corpus" / "saudinewsnet" / "jsonl"

P1 = "وصل وزير الخارجية العراقي إلى طهران اليوم الأحد في زيارة رسمية تستغرق يومين يلتقي خلالها كبار المسؤولين."
P2 = "وبحث الوزير مع نظيره الإيراني ملفات التعاون الاقتصادي والأمني وأمن الحدود بين البلدين."
P3 = "وقال المتحدث باسم الخارجية إن الزيارة تأتي في إطار التشاور المستمر بين بغداد وطهران."


def lines(text: str) -> list[str]:
    return [x for x in text.split("\n") if x]


def key(line: str) -> str:
    return " ".join(re.sub(r"[^\w\s]|_", " ", normalize(line)).split())


# --- boilerplate lines ------------------------------------------------------


def test_read_also_and_its_headline_dropped_next_paragraph_kept():
    raw = f"{P1}\n\nاقرأ أيضا:\nالبرلمان العراقي يصوت على قانون الموازنة العامة الجديد\n\n{P2}\n"
    assert lines(clean_text(raw)) == [P1, P2]


def test_read_also_spelling_variants_and_same_line_headline():
    for header in ("إقرأ أيضاً:", "اقرا ايضا", "اقرأ أيضًا -"):
        raw = f"{P1}\n{header}\nمجلس الوزراء يقر خطة لدعم المزارعين في الجنوب\n{P2}"
        assert lines(clean_text(raw)) == [P1, P2], header
    raw = f"{P1}\nاقرأ أيضاً: مجلس الوزراء يقر خطة لدعم المزارعين\n{P2}"
    assert lines(clean_text(raw)) == [P1, P2]


def test_read_also_never_takes_a_sentence():
    # the "linked headline" slot holds a real paragraph: it stays
    raw = f"{P1}\nاقرأ أيضا:\n{P3}\n{P2}"
    assert lines(clean_text(raw)) == [P1, P3, P2]


def test_most_read_with_section_words_dropped():
    raw = f"{P1}\n{P2}\n\nالأكثر قراءة الأخبار العراق\nأهم الأخبار العراق\nعناوين مختارة\n"
    assert lines(clean_text(raw)) == [P1, P2]
    assert lines(clean_text(f"{P1}\nالأكثر قراءة\n{P2}")) == [P1, P2]


def test_end_markers_dropped():
    for marker in ("/انتهى/", "// انتهى //", "(انتهى)", "انتهى/ ع.ح", "انتهى", "// يتبع //"):
        assert lines(clean_text(f"{P1}\n{P2}\n{marker}\n")) == [P1, P2], marker


def test_share_menu_social_and_copyright_lines_dropped():
    junk = [
        "شارك على فيسبوك",
        "شارك الخبر",
        "تويتر",
        "واتساب",
        "فيسبوك تويتر واتساب تلغرام",
        "طباعة",
        "حجم الخط",
        "تابعونا",
        "تابعونا على تويتر",
        "جميع الحقوق محفوظة © 2024",
        "© وكالة الأنباء 2024",
        "(تصوير: أحمد الكعبي)",
        "editor@example-news.com",
    ]
    raw = P1 + "\n" + "\n".join(junk) + "\n" + P2
    assert lines(clean_text(raw)) == [P1, P2]


def test_menu_and_related_lists_dropped():
    raw = (
        f"{P1}\n{P2}\n"
        "أقسام\nسياسة\nاقتصاد\n\n"
        "أخبار متعلقة\n"
        "وزير الخارجية يصل إلى أنقرة في جولة إقليمية\n"
        "البرلمان يستضيف وزير المالية لمناقشة الموازنة\n"
    )
    assert lines(clean_text(raw)) == [P1, P2]


def test_boilerplate_word_inside_a_sentence_is_kept():
    kept = [
        "وقال رئيس التحرير إن الأكثر قراءة هذا الأسبوع كانت تقارير الانتخابات البرلمانية.",
        "شارك على مدى يومين أكثر من مئتي باحث في المؤتمر الدولي للطاقة.",
        "وأضاف أن الاجتماع انتهى دون التوصل إلى اتفاق نهائي بشأن الملف.",
        "وأعادت دار النشر طباعة روايتين للكاتب الراحل.",
        "آخر الأخبار الواردة من الموصل تشير إلى انسحاب المسلحين.",
        "أهم الأخبار في الجلسة كان إقرار الموازنة:",
        "أقسام الطوارئ في مستشفيات البصرة تستقبل المصابين",
        "تكبير",
        "اقرأ",
    ]
    raw = "\n".join(kept)
    assert lines(clean_text(raw)) == kept


def test_quote_cue_sentences_are_never_dropped():
    raw = "\n".join(["وقال", "وقال الوزير:", "قال إن التعاون مستمر", P3])
    assert lines(clean_text(raw)) == ["وقال", "وقال الوزير:", "قال إن التعاون مستمر", P3]


def test_glued_tag_list_cut_from_last_line_only_after_a_sentence_end():
    raw = f"{P1}\nوأكد المحافظ أن فرق الدفاع المدني باشرت الحادث فورا. سمات الدفاع المدني حريق جدة"
    assert clean_text(raw).endswith("باشرت الحادث فورا.")
    # "سمات" as an ordinary word stays
    raw2 = f"{P1}\nوالصبر من سمات القائد الناجح"
    assert clean_text(raw2).endswith("من سمات القائد الناجح")


# --- repeated headline / lead -----------------------------------------------


def test_headline_repeated_in_persian_letters_dropped_one_copy_kept():
    head = "لاريجاني: التعاون الأمني مع العراق يخدم استقرار المنطقة"
    persian = "لاریجانی: التعاون الأمنی مع العراق یخدم استقرار المنطقة"
    out = clean_text(f"{head}\n\n\n{persian}\n\n{P1}\n\n{P2}")
    assert lines(out) == [head, P1, P2]
    # the kept copy is the first one, whichever script it is in
    out = clean_text(f"{persian}\n{head}\n{P1}")
    assert lines(out) == [persian, P1]


def test_headline_repeat_differing_in_diacritics_and_punctuation_dropped():
    head = "العراق وإيران يبحثان تعزيز التعاون الحدودي"
    variant = "العراقُ وإيرانُ يبحثان تعزيزَ التعاونِ الحدودي!"
    assert lines(clean_text(f"{head}\n{variant}\n{P1}")) == [head, P1]


def test_short_repeated_lines_are_not_treated_as_repeats():
    # a refrain or a section label may repeat on purpose
    raw = f"دهشة\nكان المشهد مهيبا في الساحة.\nدهشة\n{P1}"
    assert lines(clean_text(raw)) == ["دهشة", "كان المشهد مهيبا في الساحة.", "دهشة", P1]


def test_teaser_followed_by_full_paragraph_gives_one_copy():
    full = (
        "أعلن المتحدث باسم الحكومة أن مجلس الوزراء وافق على خطة لإعادة إعمار المناطق "
        "المتضررة من السيول في محافظات الجنوب بكلفة تقدر بمليار دولار."
    )
    teaser = "أعلن المتحدث باسم الحكومة أن مجلس الوزراء وافق على خطة لإعادة إعمار المناطق..."
    head = "الحكومة تقر خطة لإعادة إعمار مناطق السيول"
    caption = "صورة من اجتماع مجلس الوزراء في العاصمة"
    assert lines(clean_text(f"{head}\n{teaser}\n{full}\n{P2}")) == [head, full, P2]
    # a caption between the teaser and the full paragraph, and a "…" ellipsis
    teaser2 = teaser[:-3] + "…"
    assert lines(clean_text(f"{head}\n\n{teaser2}\n{caption}\n{full}")) == [head, caption, full]


def test_line_ending_in_ellipsis_that_is_not_a_teaser_is_kept():
    raw = f"{P1}\nوالسؤال الذي يطرح نفسه الآن: إلى أين تتجه الأمور بين البلدين...\n{P2}"
    assert len(lines(clean_text(raw))) == 3


# --- artefacts and whitespace -----------------------------------------------


def test_markdown_heading_marker_removed_heading_text_kept():
    raw = f"## الرئيس يستقبل وفدا برلمانيا عراقيا\n\n{P1}"
    assert lines(clean_text(raw)) == ["الرئيس يستقبل وفدا برلمانيا عراقيا", P1]
    assert clean_text("### عنوان فرعي للتقرير") == "عنوان فرعي للتقرير"


def test_markdown_bold_removed_but_verse_separator_kept():
    assert clean_text("أكد **الوزير** أن الخطة جاهزة") == "أكد الوزير أن الخطة جاهزة"
    assert clean_text("** ولعل اللافت أن الاجتماع تأجل") == "ولعل اللافت أن الاجتماع تأجل"
    verse = "إذا الشعبُ يومًا أراد الحياة ** فلا بدّ أن يستجيب القدر"
    assert clean_text(verse) == verse


def test_empty_brackets_removed_real_brackets_kept():
    raw = "وقال إن الأمن مستتب بفضل جهود القوات [] المسلحة ()."
    assert clean_text(raw) == "وقال إن الأمن مستتب بفضل جهود القوات المسلحة."
    real = "ما تعرض له النبي الأكرم (ص) من مؤامرات (في الرد على عملية الاغتيال) يتكرر."
    assert clean_text(real) == real
    assert clean_text("تعليقات ()") == ""


def test_blank_lines_collapsed_and_lines_trimmed():
    raw = f"\ufeff\n\n  {P1}   \r\n\r\n\r\n\n\t{P2}\u200f\n\n\n"
    assert clean_text(raw) == f"{P1}\n\n{P2}"
    assert clean_text(f"{P1}\n{P2}") == f"{P1}\n{P2}"  # no blank line is invented
    assert clean_text("") == ""
    assert clean_text("\n \n") == ""


def test_spelling_is_never_rewritten():
    raw = "أكد شمخانی أن الأمن فی المنطقة یتطلب انسحاب القوات الأجنبیة.\nالـــرئيس يستقبل ٣ وفود"
    assert clean_text(raw) == raw


def test_punctuation_only_lines_dropped():
    assert lines(clean_text(f"{P1}\n* * *\n{P2}\n...")) == [P1, P2]


# --- interface --------------------------------------------------------------


def test_cleaner_component_sets_text_title_and_id():
    raw = f"## العراق وإيران يبحثان تعزيز التعاون\n\n{P1}\n/انتهى/\n"
    doc = Cleaner()(Document(raw_text=raw))
    assert doc.text == f"العراق وإيران يبحثان تعزيز التعاون\n\n{P1}"
    assert doc.title == "العراق وإيران يبحثان تعزيز التعاون"
    assert doc.id == content_id(doc.text)
    assert Cleaner.name == "clean"
    doc2 = Cleaner()(Document(raw_text=raw, title="عنوان من البيانات"))
    assert doc2.title == "عنوان من البيانات"
    assert doc2.id == doc.id


def test_title_argument_keeps_first_copy_in_text():
    head = "العراق وإيران يبحثان تعزيز التعاون الحدودي"
    assert lines(clean_text(f"{head}\n{P1}", title=head)) == [head, P1]


def test_custom_rules_from_yaml():
    rules = BoilerplateRules.from_yaml(
        "exact_lines: [إعلان]\nline_prefixes: [برعاية]\n"
        "line_prefixes_with_next:\n  - {prefix: روابط, max_lines: 2}\n"
    )
    raw = f"{P1}\nإعلان\nبرعاية شركة الاتصالات\nروابط\nعنوان أول\nعنوان ثان\n{P2}\n/انتهى/"
    # /انتهى/ is not in these rules: it stays
    assert lines(clean_text(raw, rules=rules)) == [P1, P2, "/انتهى/"]
    assert default_rules().is_boilerplate("اقرأ أيضاً:")
    assert not default_rules().is_boilerplate(P3)


# --- real articles ----------------------------------------------------------

QUOTE_CUE = re.compile(r"(قال|أكد|اكد|أضاف|اضاف|أوضح|اوضح|تابع|أشار|اشار)")


def _dropped(raw: str, cleaned: str) -> list[tuple[str, str]]:
    """(raw line, previous non-empty raw line) for raw lines whose key is not
    among the cleaned lines' keys."""
    kept = {key(x) for x in cleaned.split("\n")}
    out = []
    prev = ""
    for x in raw.split("\n"):
        if not x.strip():
            continue
        if key(x) and key(x) not in kept:
            out.append((x.strip(), prev))
        prev = x.strip()
    return out


def _seed_files() -> list[Path]:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not files:
        pytest.skip("seed articles not available")
    return files


def test_seeds_boilerplate_gone_and_no_sentence_lost():
    for f in _seed_files():
        raw = f.read_text("utf-8")
        cleaned = clean_text(raw)
        out_lines = [x.strip() for x in cleaned.split("\n")]
        for marker in ("/انتهى/", "الأكثر قراءة", "عناوين مختارة", "أخبار متعلقة", "أقسام"):
            assert not any(x == marker or x.startswith(marker + " ") for x in out_lines), (f.name, marker)
        assert "##" not in cleaned and "[]" not in cleaned, f.name
        kept_keys = [key(x) for x in out_lines if x]
        rules = default_rules()
        for line, prev in _dropped(raw, cleaned):
            k = key(line)
            duplicate = any(kk.startswith(k) for kk in kept_keys)
            # the headline a dropped "اقرأ أيضا:" line links to
            linked = key(prev) in rules.lists
            assert len(k.split()) < 8 or duplicate or linked, (f.name, line)
            if QUOTE_CUE.search(line):
                assert duplicate, (f.name, line)


def test_seed_002_persian_headline_duplicate_gone():
    files = [f for f in _seed_files() if f.name.startswith("002")]
    if not files:
        pytest.skip("seed 002 not available")
    raw = files[0].read_text("utf-8")
    first = next(x.strip() for x in raw.split("\n") if x.strip())
    cleaned = clean_text(raw)
    keys = [key(x) for x in cleaned.split("\n")]
    assert keys.count(key(first)) == 1
    assert cleaned.split("\n")[0] == first  # the first copy is the one kept
    assert "ی" not in cleaned.split("\n\n")[0]


def test_seed_003_teaser_gives_one_copy_of_the_lead():
    files = [f for f in _seed_files() if f.name.startswith("003")]
    if not files:
        pytest.skip("seed 003 not available")
    raw = files[0].read_text("utf-8")
    teaser = next(x.strip() for x in raw.split("\n") if x.strip().endswith("..."))
    cleaned = clean_text(raw)
    assert teaser not in cleaned.split("\n")
    stem = teaser[:-3]
    assert cleaned.count(stem) == 1


def test_corpus_only_short_lines_or_known_footers_dropped():
    files = sorted(CORPUS.glob("*.jsonl")) if CORPUS.is_dir() else []
    if not files:
        pytest.skip("SaudiNewsNet corpus not available")
    rules = default_rules()
    n = dropped_total = 0
    for f in files[:2]:
        for rec in map(json.loads, f.open(encoding="utf-8")):
            raw = rec.get("content") or ""
            cleaned = clean_text(raw)
            n += 1
            assert "// انتهى //" not in cleaned
            kept_keys = [key(x) for x in cleaned.split("\n") if x.strip()]
            for line, _prev in _dropped(raw, cleaned):
                dropped_total += 1
                k = key(line)
                trimmed = [kk for kk in kept_keys if k.startswith(kk + " ")]
                if trimmed:  # a tag list cut from the end of the last line
                    assert len(k.split()) - len(trimmed[0].split()) <= 21, line
                    continue
                # every dropped line is short, or a glued link list of a footer
                assert len(k.split()) <= rules.max_words or rules.glued.match(k), line
    assert n > 500 and dropped_total > 100


# --- the miner ----------------------------------------------------------------


def test_miner_reports_lines_recurring_across_articles(tmp_path, monkeypatch):
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(
        "mine_boilerplate", Path(__file__).resolve().parents[1] / "tools" / "mine_boilerplate.py"
    )
    miner = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "mine_boilerplate", miner)
    spec.loader.exec_module(miner)
    bodies = [P1, P2, P3]
    with (tmp_path / "a.jsonl").open("w", encoding="utf-8") as fh:
        for i in range(12):
            body = f"{bodies[i % 3]} رقم {i}\n// انتهى //\n1{i % 10}:2{i % 10} ت م"
            fh.write(json.dumps({"source": "wire" if i % 2 else "daily", "content": body}, ensure_ascii=False) + "\n")
    lines_, prefixes, _suffixes, outlets, n = miner.mine(miner.iter_articles([tmp_path / "a.jsonl"], []))
    assert n == 12 and outlets == {"wire": 6, "daily": 6}
    report = miner.rank(lines_, 8, 99, 0.5, outlets, 10)
    keys = {r["key"]: r for r in report}
    assert keys["انتهي"]["docs"] == 12 and keys["انتهي"]["n_outlets"] == 2
    assert keys["0 0 ت م"]["tail_share"] == 1.0  # digits masked: all timestamps count together
    assert not any(k.startswith("وصل") for k in keys)  # in 4 articles only: under --min-docs


def test_read_also_headline_ending_in_question_mark_is_dropped() -> None:
    raw = ("وصل الوفد إلى العاصمة صباح اليوم.\n\nاقرأ أيضا:\nهل يقترب موعد القمة بين البلدين؟\n\n"
           "وقال المتحدث إن المحادثات ستستمر.")
    out = clean_text(raw)
    assert "هل يقترب موعد القمة" not in out
    assert "وقال المتحدث إن المحادثات ستستمر." in out
