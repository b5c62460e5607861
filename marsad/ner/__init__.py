"""Statistical named-entity tagging (PERS, ORG, LOC, MISC) for Arabic news.

* :mod:`marsad.ner.crf`: :class:`~marsad.ner.crf.NerTagger`, the shipped CRF model
  (``NerTagger.load()``, ``tag(tokens)``, ``tag_many(sentences)``, ``tag_doc(doc)``).
* :mod:`marsad.ner.features`: the token features and the model's word table.
* :mod:`marsad.ner.conll`: reading CoNLL gold files. :mod:`marsad.ner.scoring`:
  exact-span P/R/F1 (conlleval semantics).
* :mod:`marsad.ner.train`: the training recipe (development time only; ``marsad train ner``).

``marsad eval ner FILE`` scores the tagger on a CoNLL file. The model files, their
training data and their license are described in ``marsad/models/LICENSE-DATA.md``.
"""
