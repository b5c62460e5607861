"""Batched processing (Pipeline.pipe, NerTagger.tag_docs) gives what one document at a time gives."""
from __future__ import annotations

from pathlib import Path

import pytest

from marsad.document import Document
from marsad.pipeline import Pipeline

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
HAVE_MODEL = (Path(__file__).resolve().parents[1] / "marsad" / "models" / "ner.crfsuite").exists()

TEXTS = [
    "قال وزير الخارجية الإيراني محمد جواد ظريف إن طهران لن تقبل الشروط. وأضاف ظريف أن الاتفاق النووي ما زال قائما.",
    "وأعلنت وزارة الخارجية الإيرانية أن الأمم المتحدة لم ترد على الطلب.",
    "",
    "بغداد",
    "التقى اللواء محمد باقري رئيس هيئة الأركان العامة للقوات المسلحة الإيرانية في بغداد، "
    "وبحث معه الأوضاع في سوريا والعراق، والتعاون العسكري بين البلدين، ومكافحة الإرهاب، "
    "وأمن الحدود المشتركة، وتبادل الخبرات، والتدريب، وقضايا إقليمية أخرى تهم الجانبين.",
    "وصل وزير الخارجية إلى القاهرة قادما من العراق ثم توجه إلى فرنسا. وكان ظريف قد التقى في فيينا نظيره الروسي سيرغي لافروف.",
]


def _texts() -> list[str]:
    files = sorted(EXAMPLES.glob("*.txt"))[:8]
    return TEXTS + [f.read_text(encoding="utf-8") for f in files]


@pytest.mark.skipif(not HAVE_MODEL, reason="no NER model")
def test_tag_docs_equals_tag_doc() -> None:
    from marsad.ner.crf import NerTagger

    tagger = NerTagger.load()
    text = Pipeline(extract=False)
    docs = [text(Document(raw_text=t)) for t in _texts()]
    one = [tagger.tag_doc(d) for d in docs]
    for k in (2, 3, len(docs)):
        got = []
        for i in range(0, len(docs), k):
            got.extend(tagger.tag_docs(docs[i:i + k]))
        assert got == one


def test_pipe_equals_one_at_a_time() -> None:
    pipe = Pipeline()
    one = [pipe(Document(raw_text=t)).to_dict() for t in _texts()]
    for batch_size in (1, 3, 8):
        got = [d.to_dict() for d in pipe.pipe((Document(raw_text=t) for t in _texts()), batch_size=batch_size)]
        assert got == one
    assert [d.to_dict() for d in pipe.pipe(_texts())] == one  # strings are documents too


class _FailOn:
    name = "fail"

    def __init__(self, word: str) -> None:
        self.word = word

    def __call__(self, doc: Document) -> Document:
        if self.word in doc.text:
            raise ValueError("boom")
        return doc


def test_pipe_reports_a_failing_document_and_goes_on() -> None:
    pipe = Pipeline()
    pipe.add(_FailOn("بغداد"), before="entities")
    texts = ["قال الوزير إن الاجتماع كان مثمرا.", "وصل الوفد إلى بغداد.", "وأعلنت وزارة الخارجية أن الأمم المتحدة لم ترد."]
    errors: list[str] = []
    got = list(pipe.pipe(texts, on_error=lambda d, e: errors.append(d.text)))
    assert [d.text for d in got] == [texts[0], texts[2]]
    assert errors == [texts[1]]
    assert got[1].entities  # the documents after it are processed in full
    # without on_error the error is raised after the documents before it
    seen = []
    with pytest.raises(ValueError):
        for d in pipe.pipe(texts):
            seen.append(d.text)
    assert seen == [texts[0]]


def test_gc_threshold_restored() -> None:
    import gc

    from marsad import pipeline as pl

    before = gc.get_threshold()
    pipe = Pipeline()
    pipe("قال الوزير إن الاجتماع كان مثمرا.")
    list(pipe.pipe(["وصل الوفد إلى بغداد.", "قال الوزير إن الاجتماع كان مثمرا."]))
    assert gc.get_threshold() == before
    seen = []
    with pl.young_gc(pl.GC_YOUNG):
        seen.append(gc.get_threshold()[0])
        with pl.young_gc(pl.GC_YOUNG):  # nested: left as is
            seen.append(gc.get_threshold()[0])
    assert seen == [max(before[0], pl.GC_YOUNG)] * 2 or before[0] == 0
    assert gc.get_threshold() == before


def test_pipe_holds_the_gc_threshold_for_the_whole_run() -> None:
    """Between the batches of one ``pipe`` run the collector keeps the raised threshold
    (restoring the default at each batch boundary made it collect there every time); the
    default comes back when the run ends, and when a caller stops early."""
    import gc

    from marsad import pipeline as pl

    before = gc.get_threshold()
    if not gc.isenabled() or before[0] == 0 or before[0] >= pl.GC_YOUNG:
        return  # nothing to raise in this interpreter
    texts = ["وصل الوفد إلى بغداد.", "قال الوزير إن الاجتماع كان مثمرا.", "التقى الرئيس بالسفير."]
    pipe = Pipeline()
    seen = [gc.get_threshold()[0] for _ in pipe.pipe(texts, batch_size=1)]
    assert seen == [pl.GC_YOUNG] * 3
    assert gc.get_threshold() == before
    run = pipe.pipe(texts, batch_size=1)
    next(run)
    assert gc.get_threshold()[0] == pl.GC_YOUNG
    run.close()
    assert gc.get_threshold() == before


def test_run_batch_pairs_each_document_with_its_error() -> None:
    """``run_batch`` (what the ``marsad ingest -j`` workers call) keeps every document in
    order with the error that stopped it, and runs the others in full."""
    pipe = Pipeline()
    pipe.add(_FailOn("بغداد"), before="entities")
    texts = ["قال الوزير إن الاجتماع كان مثمرا.", "وصل الوفد إلى بغداد.", "وأعلنت وزارة الخارجية أن الأمم المتحدة لم ترد."]
    got = pipe.run_batch([Document(raw_text=t) for t in texts])
    assert [d.text for d, _ in got] == texts
    assert [type(e).__name__ if e else None for _, e in got] == [None, "ValueError", None]
    assert got[2][0].entities
