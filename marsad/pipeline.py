"""The pipeline: an ordered list of components over one :class:`Document`.

A component is any callable ``component(doc) -> doc`` with a ``name``.  The
default pipeline is built from :data:`DEFAULT_COMPONENTS`; extractors that
later layers add (entities, quotes, events, dates, frames) register here, and
``Pipeline(exclude=[...])`` turns any of them off — ``marsad ingest
--no-extract`` uses that to store documents as fast as they can be read.
"""
from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from typing import Protocol

from marsad.document import Document


class Component(Protocol):
    name: str

    def __call__(self, doc: Document) -> Document: ...


def _text_components() -> list[Component]:
    from marsad.text.clean import Cleaner
    from marsad.text.normalize_component import Normalizer
    from marsad.text.segment import Segmenter

    return [Cleaner(), Normalizer(), Segmenter()]


def _extractor_components(options: dict | None = None) -> list[Component]:
    """Extractors, in dependency order (:data:`marsad.extract.EXTRACTORS`)."""
    from marsad.extract import default_extractors

    return default_extractors(**(options or {}))


#: names of the components that read and prepare text (always on)
TEXT_STEPS = ("clean", "normalize", "segment")


#: the article :meth:`Pipeline.load` runs: a dateline, an agency, a title and a person,
#: an organization and places, a reported and a direct quote, actions with and without
#: a named actor (so that every extractor, the events report filter included, reads its data)
_WARM_UP = ("بغداد، 5 آذار 2024 (رويترز) - قال وزير الخارجية العراقي فؤاد حسين إن الحكومة "
            "ترفض الهجوم على السفارة الأمريكية، وأضاف: «لن نقبل بذلك». واستقبل الرئيس "
            "وفدا من الأمم المتحدة في أربيل أمس الأربعاء، وطالب بوقف الغارات وانسحاب القوات. "
            "وتظاهر مئات أمام المبنى، وقصفت طائرات مسيرة مواقع قرب المدينة.")


class Pipeline:
    """Run components in order over documents.

    >>> from marsad.pipeline import Pipeline
    >>> doc = Pipeline()("قال الرئيس إن الاجتماع كان مثمرا.")
    >>> doc.sentences[0].start
    0
    """

    def __init__(
        self,
        components: Iterable[Component] | None = None,
        exclude: Iterable[str] = (),
        extract: bool = True,
        options: dict | None = None,
    ) -> None:
        """``options`` go to the extractors that accept them, e.g.
        ``{"actors_files": ("my_actors.tsv",)}`` for the entity extractor."""
        if components is None:
            components = _text_components() + (_extractor_components(options) if extract else [])
        skip = set(exclude)
        self.components: list[Component] = [c for c in components if c.name not in skip]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    def add(self, component: Component, before: str | None = None) -> None:
        """Insert a component (e.g. a user's own extractor)."""
        if before is None:
            self.components.append(component)
            return
        idx = self.names.index(before)
        self.components.insert(idx, component)

    def __call__(self, doc: Document | str) -> Document:
        if isinstance(doc, str):
            doc = Document(raw_text=doc)
        with young_gc(GC_YOUNG):
            for comp in self.components:
                doc = comp(doc)
        return doc

    def load(self) -> Pipeline:
        """Load every lexicon and model now, by running a short built-in article through
        the components; returns the pipeline.

        Components load most of their data on first use, so without this the first
        document pays about half a second of loading, and a broken user lexicon fails
        on the first document rather than before any is read.  The command-line tools
        call it once after building their pipeline; the output for any document is the
        same either way (what it fills are memo caches of pure functions).
        """
        self(Document(raw_text=_WARM_UP))
        return self

    def pipe(self, docs: Iterable[Document | str], on_error: Callable[[Document, Exception], None] | None = None,
             batch_size: int = 16):
        """Process many documents, in order; one failing document does not stop the rest.

        Documents go through in batches of ``batch_size``: each component runs
        over the batch, and one that has a ``prepare_batch(docs)`` method gets
        the batch first (the entity component tags all its documents at once,
        which is faster than one at a time and gives the same tags).  The
        output is the same as calling the pipeline on each document.
        """
        batch: list[Document] = []
        # the collector's threshold stays raised from the first document to the last
        # (restored when the generator ends or is closed): set per batch, restoring the
        # default between batches made the collector run at every batch boundary
        with young_gc(GC_YOUNG):
            for doc in docs:
                batch.append(Document(raw_text=doc) if isinstance(doc, str) else doc)
                if len(batch) >= max(1, batch_size):
                    yield from self._run_batch(batch, on_error)
                    batch = []
            if batch:
                yield from self._run_batch(batch, on_error)

    def run_batch(self, batch: list[Document]) -> list[tuple[Document, Exception | None]]:
        """Every document of ``batch`` with the error that stopped it (None when it went
        through), in order: :meth:`pipe` for one batch, for callers that report the
        failures themselves (the workers of ``marsad ingest -j``)."""
        with young_gc(GC_YOUNG):
            failed = self._run_components(batch)
        return [(doc, failed.get(i)) for i, doc in enumerate(batch)]

    def _run_batch(self, batch: list[Document], on_error: Callable[[Document, Exception], None] | None):
        failed = self._run_components(batch)  # inside pipe's young_gc
        for i, doc in enumerate(batch):
            if i not in failed:
                yield doc
            elif on_error is None:
                raise failed[i]  # after the documents before it, as one at a time
            else:
                on_error(doc, failed[i])

    def _run_components(self, batch: list[Document]) -> dict[int, Exception]:
        """Every component over the batch (in place); the documents that failed, by index."""
        live = list(range(len(batch)))
        failed: dict[int, Exception] = {}
        for comp in self.components:
            prepare = getattr(comp, "prepare_batch", None)
            if prepare is not None and len(live) > 1:
                try:
                    prepare([batch[i] for i in live])
                except Exception:  # noqa: BLE001 - the component then works per document
                    pass
            still = []
            for i in live:
                try:
                    batch[i] = comp(batch[i])
                except Exception as exc:  # noqa: BLE001 - reported per document
                    failed[i] = exc
                    continue
                still.append(i)
            live = still
        return failed


#: the young-generation threshold of Python's garbage collector while a
#: pipeline runs (Python's default is 700 allocations).  Extraction allocates
#: many short-lived objects and makes almost no reference cycles (5 cyclic
#: objects in 1,500 news articles), so the default's frequent collections
#: (tens a document) are pure overhead: about 0.5 ms a document, 8% of the
#: run time.  Collections still happen, every GC_YOUNG allocations (net of the
#: objects freed); over 6,000 articles 10,000 meant 154 collections (0.57 s)
#: and 50,000 means 24 (0.33 s), for about 30,000 more live objects.
GC_YOUNG = 50_000


@contextmanager
def young_gc(threshold: int = GC_YOUNG):
    """Raise the collector's young-generation threshold to ``threshold`` inside the block,
    restored after it (left alone when the collector is off or already collects less often).

    Hold it around a whole run, not each batch: restoring Python's default of 700
    between batches made the collector run at every batch boundary, over the
    batch's documents still alive (about 1 ms a batch of eight documents)."""
    old = raise_young_threshold(threshold)
    if old is None:
        yield
        return
    try:
        yield
    finally:
        gc.set_threshold(*old)


def raise_young_threshold(threshold: int = GC_YOUNG) -> tuple[int, ...] | None:
    """Raise the collector's young-generation threshold to ``threshold``; the thresholds
    before, or None when left alone (the collector off, or already collecting less
    often).  For a process that only runs pipelines (:func:`young_gc` otherwise)."""
    old = gc.get_threshold()
    if not gc.isenabled() or old[0] == 0 or old[0] >= threshold:
        return None
    gc.set_threshold(threshold, *old[1:])
    return old
