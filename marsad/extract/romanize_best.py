"""The best spelling only, from arabic-name-romanizer's dictionary-and-rules path.

``Transliterator.transliterate(name)`` (``top_k=1``) builds every combination
of up to five spellings per name unit (up to 625 for a four-part name), sorts
them and keeps the first.  Scores are products of non-negative per-unit
scores, and a float product never decreases when a factor grows, so the
combination of each unit's best spelling (the first one ``combine_units``
yields) is the top of that sorted list, ties included.  :func:`best_spelling`
computes that one combination and ranks it with the whole-name dictionary
spellings exactly as the library does, for the same answer at a fraction of
the cost.

It follows version 0.2 of the library with no model (``auto_load_model=False``,
how :func:`marsad.extract.entities._romanizer` builds it) and the default
options; any other setting, version or unusual case goes to the library's own
``transliterate``.  ``tests/test_entities.py`` checks both agree.
"""
from __future__ import annotations

import math
from functools import lru_cache


@lru_cache(maxsize=1)
def _library():
    """The library's helpers when its version is the one mirrored here, else None."""
    try:
        import arabic_name_romanizer
        from arabic_name_romanizer import api
    except ImportError:  # pragma: no cover - optional at run time
        return None
    if not str(getattr(arabic_name_romanizer, "__version__", "")).startswith("0.2."):
        return None
    need = ("script_of", "normalize_persian", "normalize_arabic", "has_arabic", "full_key",
            "split_units", "unit_roles", "dictionary_scores")
    if not all(hasattr(api, n) for n in need):
        return None
    return api


def _fast_ok(tr) -> bool:
    """The Transliterator is set up the way this module mirrors."""
    return (getattr(tr, "model", None) is None and getattr(tr, "persian_model", None) is None
            and not getattr(tr, "role_aware_lookup", True) and not getattr(tr, "model_below_trust", True)
            and getattr(tr, "use_rules_fallback", False) is True
            and getattr(tr, "max_per_unit", 0) >= 1 and getattr(tr, "max_combinations", 0) >= 1
            and hasattr(tr, "_resolve_units") and hasattr(tr, "user") and hasattr(tr, "index"))


_UNIT_MEMO_MAX = 100_000


def _unit_best(tr) -> dict:
    """Each name unit's best spelling, memoized on the transliterator: ``(unit, role,
    script) -> Scored`` (None when the unit has no spelling).

    With no model (what :func:`_fast_ok` checks) the library resolves each unit on its
    own, from its fixed dictionaries or its rules, so a unit's answer never changes;
    units repeat across names (محمد, عبد الله), and resolving one costs more than the
    rest of a name's work.
    """
    memo = getattr(tr, "_marsad_unit_best", None)
    if memo is None:
        memo = {}
        tr._marsad_unit_best = memo
    return memo


def best_spelling(tr, text: str) -> str:
    """``tr.transliterate(text)`` (one best spelling, no country or role hint)."""
    api = _library()
    if api is None or not _fast_ok(tr) or not isinstance(text, str):
        return tr.transliterate(text)
    script = api.script_of(text, None)
    norm = api.normalize_persian(text) if script == "persian" else api.normalize_arabic(text)
    if not api.has_arabic(norm):
        return tr.transliterate(text)  # passthrough
    key = api.full_key(norm)
    if tr.user.lookup_full(key, None, script):
        return tr.transliterate(text)  # the user's dictionary spells the whole name
    units = api.split_units(norm)
    dict_hit = tr.index.lookup_full(key, None, script) if tr.index else []
    if dict_hit and dict_hit[0].count >= tr.trust_threshold:
        return tr.transliterate(text)  # the whole name is attested: no combinations to build
    roles = api.unit_roles(len(units), None)
    pairs = [(u, r, script) for u, r in zip(units, roles)]
    # the first combination of combine_units: each unit's first best-scored spelling
    best = _unit_best(tr)
    todo = sorted({p[:2] for p in pairs if p not in best})
    if todo:
        unit_lists = tr._resolve_units(todo, None, 1, script)
        if len(best) >= _UNIT_MEMO_MAX:
            best.clear()
        for p in todo:
            lst = unit_lists[p]
            best[(*p, script)] = sorted(lst, key=lambda s: -s.score)[0] if lst else None
    parts = [best[p] for p in pairs]
    if not parts or any(p is None for p in parts):
        return tr.transliterate(text)  # no combination at all
    comb_text = " ".join(p.text for p in parts)
    comb_score = math.prod(p.score for p in parts)
    if not comb_text:
        return tr.transliterate(text)
    # ranking of _finalize: the first candidate with text in a stable sort by score,
    # whole-name dictionary spellings before the combinations
    best_text, best_score = None, None
    if dict_hit:
        for s in api.dictionary_scores(dict_hit, "dictionary", tr.trust_threshold):
            if s.text and (best_score is None or s.score > best_score):
                best_text, best_score = s.text, s.score
    if best_score is None or comb_score > best_score:
        best_text = comb_text
    return best_text
