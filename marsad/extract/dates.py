"""Dates: the article's publication date and every date expression in it.

:class:`DateExtractor` (pipeline name ``"dates"``) does two things:

1. **Publication date.**  When the reader left ``doc.published`` empty, it is
   read from the text's dateline or date line, in every common form:
   Gregorian months ("٠٥ ديسمبر ٢٠٢٣", Egyptian "يونيه/يوليه", Maghreb
   "جانفي/فيفري/أفريل/جوان/جويلية/أوت"), Levantine/Iraqi (Syriac) months
   ("11 آذار 2021", "3 كانون الثاني/يناير 2024"), Hijri dates ("25 شوال 1436
   هـ الموافق 10 أغسطس 2015 م"), numeric dates ("2023/12/05", "05-12-2023",
   "21/10/1436هـ"), Eastern Arabic digits, a weekday and a clock time around
   them ("الثلاثاء ٠٥ ديسمبر ٢٠٢٣ - ٠٥:١٤ بتوقيت غرينتش").  Only a date *line*
   counts: a line that is mostly a date (a place, a weekday, a time, an agency
   tag around it) near the top, or a dateline opening one of the first three
   lines ("بغداد - 3 كانون الثاني/يناير 2024 - ...").  A date inside a body
   sentence is about some event, never the publication date; with no date
   line the publication date stays ``None``.  The result goes to
   ``doc.published`` ("YYYY-MM-DD") and its span to
   ``doc.meta["published_span"]``.

2. **Date expressions.**  ``doc.meta["dates"]`` lists every date expression
   as ``{"start", "end", "text", "date", "relative"}`` (offsets into
   ``doc.text``).  ``date`` is "YYYY-MM-DD", "YYYY-MM", "YYYY" or ``None``
   (not resolvable); ``relative`` is true when the value was computed from the
   publication date: deictic words ("اليوم", "يوم أمس الجمعة", "غدا",
   "الأربعاء الفائت", "الخميس المقبل", "الشهر الماضي", "العام الماضي",
   "قبل يومين", "مطلع الشهر الجاري", a weekday alone) and absolute dates
   without a year ("3 كانون الثاني/يناير": the most recent such date not
   after publication).  Resolution rules: a weekday alone is the most recent
   such day on or before publication, with الماضي/الفائت the one strictly
   before, with المقبل/القادم the one strictly after; "أمس/اليوم/غدا" with a
   weekday is the day of that name nearest the deictic day; a week ("الأسبوع
   الماضي") gives the month of the day a week away; a month named without a
   year or direction ("قبل حلول شهر رمضان") is its occurrence nearest
   publication; a Hijri month without a day is dated by its 15th;
   "قبل/منذ N أيام/أسابيع/أشهر/سنوات" counts back ("قبل أيام" has no date);
   "قبل يومين من الانتخابات" is relative to another event and not listed.

:func:`date_for_span` gives other extractors (events) the date of a span:
the nearest resolved date expression in the same sentence, preferring one in
the same clause, else ``None``.

Everything is matched on ``doc.norm`` (digits already Western, hamza/alef
folded, ة→ه, ى→ي) with one precompiled regular expression, tried only where
a word that can begin a date starts (read off the segmenter's tokens: no
second scan of the text), and parsed with this module's own month table
(``lexicons/dates.yaml``).  dateparser was
tried first: with ``languages=['ar']`` it returns ``None`` for the Syriac,
Maghreb and Hijri months and for a dateline with a clock time, and costs
0.5–100 ms a call, so it is not on the hot path (the tests use it as an
oracle for the forms it does parse).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from marsad.document import Document
from marsad.text.normalize import fold, normalize_with_map

LEXICON = Path(__file__).resolve().parents[1] / "lexicons" / "dates.yaml"

_GREG_RANGE = (1800, 2100)
_HIJRI_RANGE = (1343, 1500)  # what hijridate (Umm al-Qura) converts


# --------------------------------------------------------------------------
# lexicon and the candidate regex


@dataclass(frozen=True)
class _Lexicon:
    months: dict[str, tuple[str, int]]  # folded name -> ("g"|"h", month)
    ambiguous: frozenset[str]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, tuple[str, int | None]]  # word -> (unit, count or None for plural)
    direction: dict[str, str]
    today_blockers: frozenset[str]
    regex: re.Pattern[str]
    starts: frozenset[str]  # words an expression can begin with
    dayparts: frozenset[str]
    pub_cue: re.Pattern[str]


def _alt(words) -> str:
    """A regex alternation of folded words, longest first, spaces flexible."""
    uniq = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", " +") for w in uniq) + ")"


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    with open(LEXICON, encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)

    months: dict[str, tuple[str, int]] = {}
    for cal, table in data["months"].items():
        for num, names in table.items():
            for name in names:
                months[fold(name)] = ("h" if cal == "hijri" else "g", int(num))
    weekdays = {fold(w): int(k) for k, ws in data["weekdays"].items() for w in ws}
    ordinals = {fold(w): int(k) for k, ws in data["ordinals"].items() for w in ws}
    numbers = {fold(w): int(k) for k, ws in data["numbers"].items() for w in ws}
    units: dict[str, tuple[str, int | None]] = {}
    for unit, forms in data["units"].items():
        for w in forms.get("one", []):
            units[fold(w)] = (unit, 1)
        for w in forms.get("two", []):
            units[fold(w)] = (unit, 2)
        for w in forms.get("many", []):
            units[fold(w)] = (unit, None)
    direction = {fold(w): d for d, ws in data["direction"].items() for w in ws}

    month_alt = _alt(months)
    wd_alt = _alt(weekdays)
    dir_alt = _alt(direction)
    daypart_alt = _alt(fold(w) for w in data["day_parts"])
    period_alt = _alt(fold(w) for w in data["period_parts"])
    ycue_alt = _alt(fold(w) for w in data["year_cues"])
    # ordinals: "الثالث" also as "للثالث" (after الموافق ل-)
    ord_words = [fold(w) for w in ordinals]
    ord_al = _alt(w[2:] for w in ord_words if w.startswith("ال"))
    ord_other = _alt(w for w in ord_words if not w.startswith("ال"))
    num_alt = _alt(numbers)
    unit_alt = _alt(units)

    def month(tag: str) -> str:
        # "كانون الثاني/يناير", "مايو (أيار)", "آب - أغسطس"
        return (
            rf"(?P<{tag}1>{month_alt})(?![^\W\d_])"
            rf"(?:(?: *[/(\-–] *| +)(?P<{tag}2>{month_alt})(?![^\W\d_])(?: *\))?)?"
        )

    era = r"(?: *(?P<{0}>هـ|ه|م|هجريه|هجري|ميلاديه|ميلادي)(?![^\W\d_]))?"
    wd_prefix = (
        rf"(?:(?:{daypart_alt} +){{0,2}}(?P<awd>{wd_alt}) *[،,(]? *(?:الموافق +)?)?"
    )
    day = rf"(?:(?:الـ? *)?(?P<day>0?[0-3]?\d)|(?P<ord>(?:ال|لل){ord_al}|{ord_other}))"
    abs_dm = (
        rf"{day} *(?:من +)?(?:شهر +)?{month('am')}"
        rf"(?: *[،,]? *(?P<ay>\d{{4}})(?!\d){era.format('aera')}| +(?P<adir>{dir_alt})(?!\w))?"
    )
    numeric = (
        r"(?<![\d/.:\-])(?:(?P<ny>\d{4}) *(?P<ns>[/\-.]) *(?P<nm>\d{1,2}) *(?P=ns) *(?P<nd>\d{1,2})"
        r"|(?P<nd2>\d{1,2}) *(?P<ns2>[/\-.]) *(?P<nm2>\d{1,2}) *(?P=ns2) *(?P<ny2>\d{4}))"
        + era.format("nera")
        + r"(?![\w/]|[.\-]\d)"
    )
    month_expr = (
        rf"(?:(?P<mpp>{period_alt}) +)?(?:(?P<msh>شهر) +)?{month('mm')}"
        rf"(?: *[،,]? *(?P<my>\d{{4}})(?!\d){era.format('mera')}| +(?P<mdir>{dir_alt})(?!\w))?"
    )
    year_expr = (
        rf"(?:(?P<ycue>{ycue_alt}) +(?:ال)?(?P<y1>\d{{4}})(?!\d){era.format('yera1')}"
        r"|(?P<y2>\d{4}) *(?P<yera2>هـ|ه|م|هجريه|هجري|ميلاديه|ميلادي)(?![^\W\d_]))"
    )
    relday = (
        rf"(?P<rdp>(?:{daypart_alt} +){{0,2}})"
        r"(?P<rd>امس +الاول|اول +امس|اول +من +امس|امس|البارحه +الاولي|البارحه|اليوم|غدا|الغد|بعد +غد)(?!\w)"
        rf"(?: *[،,(«\"]? *(?P<rwd>{wd_alt})(?!\w)(?: *[)»\"])?)?"
    )
    weekday = (
        rf"(?P<wdp>(?:{daypart_alt} +){{0,2}})(?P<wd>{wd_alt})(?!\w)"
        rf"(?: +(?P<wdir>{dir_alt})(?!\w))?"
    )
    period = (
        rf"(?:(?P<ppp>{period_alt}) +)?(?:(?P<pthis>هذا|هذه) +)?"
        r"(?:[وف]?ب?ال|[وف]?لل)(?P<unit>اسبوع|شهر|عام|سنه)(?!\w)"
        rf"(?: +(?P<pdir>{dir_alt})(?!\w))?"
    )
    ago = (
        r"(?P<ago>قبل|منذ) +(?:(?:نحو|حوالي|قرابه|زهاء) +)?"
        rf"(?:(?P<an>\d{{1,3}}|{num_alt}) +)?(?P<au>{unit_alt})(?!\w)"
    )
    pattern = (
        # a word start (a glued و/ف outside the date), or a number glued to a word ("ينبع26")
        r"(?:(?<!\w)[وف]?|(?<=[^\W\d_])(?=\d))(?:"
        rf"(?P<abs>{wd_prefix}(?:{abs_dm}|{numeric}))"
        rf"|(?P<rel>{relday})"
        rf"|(?P<wk>{weekday})"
        rf"|(?P<per>{period})"
        rf"|(?P<mon>{month_expr})"
        rf"|(?P<yr>{year_expr})"
        rf"|(?P<ag>{ago})"
        r")"
    )
    cue = re.compile(_alt(fold(w) for w in data["published_cues"]))

    # the first word of every expression, so only those positions are tried
    firsts = {"شهر", "هذا", "هذه", "قبل", "منذ", "الـ", "ال", "امس", "اول", "البارحه", "اليوم", "غدا", "الغد", "بعد"}
    words = [*months, *weekdays, *ordinals, *(fold(w) for w in data["day_parts"]),
             *(fold(w) for w in data["period_parts"]), *(fold(w) for w in data["year_cues"])]
    firsts.update(w.split()[0] for w in words)
    firsts.update("لل" + w[2:] for w in list(firsts) if w.startswith("ال"))
    for unit in ("اسبوع", "شهر", "عام", "سنه"):
        firsts.update(("ال" + unit, "بال" + unit, "لل" + unit))
    firsts.update([p + w for w in list(firsts) for p in ("و", "ف")])
    return _Lexicon(
        months=months,
        ambiguous=frozenset(fold(w) for w in data["ambiguous_months"]),
        weekdays=weekdays,
        ordinals=ordinals,
        numbers=numbers,
        units=units,
        direction=direction,
        today_blockers=frozenset(fold(w) for w in data["today_blockers"]),
        regex=re.compile(pattern),
        starts=frozenset(firsts),
        dayparts=frozenset(fold(w) for w in data["day_parts"]) - {"يوم"},
        pub_cue=cue,
    )


# --------------------------------------------------------------------------
# calendar helpers


@lru_cache(maxsize=1)
def weekday_names() -> frozenset[str]:
    """The weekday names of the dates lexicon, in match form ("الخميس")."""
    return frozenset(_lexicon().weekdays)


@lru_cache(maxsize=1)
def period_phrase_words() -> tuple[frozenset[str], frozenset[str]]:
    """The period nouns ("عام", "شهر", bare match forms) and the direction words
    after them ("الماضي", "المقبل", "الجاري"), for "العام الماضي", "الشهر المقبل"."""
    lex = _lexicon()
    return frozenset(w for w, (_, count) in lex.units.items() if count == 1), frozenset(lex.direction)


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """Umm al-Qura conversion (hijridate), ``None`` outside its range (1343–1500 AH).

    Day 30 of a month that Umm al-Qura counts as 29 days (the local sighting
    differed) becomes the day after the 29th."""
    if not (_HIJRI_RANGE[0] <= year <= _HIJRI_RANGE[1]) or not (1 <= month <= 12) or not (1 <= day <= 30):
        return None
    from hijridate import Hijri

    try:
        return Hijri(year, month, day).to_gregorian()
    except ValueError:
        if day == 30:
            try:
                return Hijri(year, month, 29).to_gregorian() + timedelta(days=1)
            except ValueError:
                return None
        return None
    except OverflowError:
        return None


def _to_hijri(d: date) -> tuple[int, int, int] | None:
    from hijridate import Gregorian

    try:
        h = Gregorian(d.year, d.month, d.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return h.year, h.month, h.day


def _gdate(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _year_for(month: int, day: int, pub: Any, direction: str | None) -> int:
    """The year of a day-and-month without a year, from the publication date."""
    if direction == "current":
        return pub.year
    if direction == "future":
        y = pub.year if (month, day) > (pub.month, pub.day) else pub.year + 1
        return y
    if direction == "past":  # "21 يوليو الماضي": a month before this one
        return pub.year if month < pub.month or (month == pub.month and day < pub.day) else pub.year - 1
    # no year given: the most recent such date not after publication
    return pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1


def _nearest_weekday(anchor: date, wd: int) -> date:
    """The day with weekday ``wd`` nearest ``anchor`` (ties go to the past)."""
    back = (anchor.weekday() - wd) % 7
    return anchor - timedelta(days=back) if back <= 3 else anchor + timedelta(days=7 - back)


# --------------------------------------------------------------------------
# expressions


@dataclass(slots=True)
class DateExpr:
    """One date expression in ``doc.norm`` coordinates, parsed but unresolved."""

    start: int
    end: int
    kind: str  # abs | month | year | relday | weekday | period | ago
    cal: str = "g"  # g (Gregorian) | h (Hijri)
    year: int | None = None
    month: int | None = None
    day: int | None = None
    direction: str | None = None  # past | future | current
    offset: int = 0  # relday: days from publication
    weekday: int | None = None
    unit: str | None = None
    count: int | None = None
    other: "DateExpr | None" = None  # the other calendar's twin ("الموافق"), a fallback

    @property
    def explicit(self) -> bool:
        """A full day-precision date that needs no publication date."""
        if self.kind != "abs":
            return False
        value, relative = self.resolve(None)
        return value is not None and not relative

    def resolve(self, pub: date | None) -> tuple[str | None, bool]:
        """(value, relative) of this expression given the publication date."""
        value, rel = self._resolve(pub)
        if value is None and self.other is not None:
            return self.other.resolve(pub)
        return value, rel

    def _resolve(self, pub: date | None) -> tuple[str | None, bool]:
        k = self.kind
        if k == "abs":
            return self._resolve_abs(pub)
        if k == "month":
            return self._resolve_month(pub)
        if k == "year":
            if self.year is None:
                return None, False
            if self.cal == "h":
                g = hijri_to_gregorian(self.year, 6, 15)
                return (f"{g.year:04d}" if g else None), False
            return f"{self.year:04d}", False
        if pub is None:
            return None, True
        if k == "relday":
            anchor = pub + timedelta(days=self.offset)
            if self.weekday is not None:
                anchor = _nearest_weekday(anchor, self.weekday)
            return anchor.isoformat(), True
        if k == "weekday":
            wd = self.weekday if self.weekday is not None else pub.weekday()
            if self.direction == "past":
                back = (pub.weekday() - wd) % 7 or 7
                return (pub - timedelta(days=back)).isoformat(), True
            if self.direction == "future":
                fwd = (wd - pub.weekday()) % 7 or 7
                return (pub + timedelta(days=fwd)).isoformat(), True
            if self.direction == "current":
                return _nearest_weekday(pub, wd).isoformat(), True
            back = (pub.weekday() - wd) % 7
            return (pub - timedelta(days=back)).isoformat(), True
        if k == "period":
            step = {"past": -1, "future": 1}.get(self.direction or "", 0)
            if self.unit == "year":
                return f"{pub.year + step:04d}", True
            if self.unit == "month":
                return _ym(*_add_months(pub.year, pub.month, step)), True
            if self.unit == "week":
                d = pub + timedelta(days=7 * step)
                return _ym(d.year, d.month), True
            return None, True
        if k == "ago":
            n = self.count
            if self.unit == "hour":
                return pub.isoformat(), True
            if n is None:
                return None, True
            if self.unit == "day":
                return (pub - timedelta(days=n)).isoformat(), True
            if self.unit == "week":
                return (pub - timedelta(days=7 * n)).isoformat(), True
            if self.unit == "month":
                return _ym(*_add_months(pub.year, pub.month, -n)), True
            if self.unit == "year":
                return f"{pub.year - n:04d}", True
        return None, True

    def _resolve_abs(self, pub: date | None) -> tuple[str | None, bool]:
        m, d = self.month, self.day
        if m is None or d is None or not (1 <= m <= 12) or not (1 <= d <= 31):
            return None, False
        if self.cal == "h":
            if self.year is not None:
                g = hijri_to_gregorian(self.year, m, d)
                return (g.isoformat() if g else None), False
            if pub is None:
                return None, True
            h = _to_hijri(pub)
            if h is None:
                return None, True
            hy = _year_for(m, d, _HDate(h), self.direction)
            g = hijri_to_gregorian(hy, m, d)
            return (g.isoformat() if g else None), True
        if self.year is not None:
            g = _gdate(self.year, m, d)
            return (g.isoformat() if g else None), False
        if pub is None:
            return None, True
        y = _year_for(m, d, pub, self.direction)
        g = _gdate(y, m, d) if y else None
        return (g.isoformat() if g else None), True

    def _resolve_month(self, pub: date | None) -> tuple[str | None, bool]:
        m = self.month
        if m is None:
            return None, False
        if self.year is not None:
            if self.cal == "h":
                g = hijri_to_gregorian(self.year, m, 15)
                return (_ym(g.year, g.month) if g else None), False
            return _ym(self.year, m), False
        if pub is None:
            return None, True
        if self.cal == "h":
            h = _to_hijri(pub)
            if h is None:
                return None, True
            if self.direction is None:
                near = [(abs((g - pub).days), g) for hy in (h[0] - 1, h[0], h[0] + 1)
                        if (g := hijri_to_gregorian(hy, m, 15)) is not None]
                g = min(near)[1] if near else None
            else:
                g = hijri_to_gregorian(_month_year(m, h[0], h[1], self.direction), m, 15)
            return (_ym(g.year, g.month) if g else None), True
        if self.direction is None:  # "قبل حلول شهر رمضان": the nearest such month
            best = min((abs((date(y, m, 15) - pub).days), y) for y in (pub.year - 1, pub.year, pub.year + 1))
            return _ym(best[1], m), True
        return _ym(_month_year(m, pub.year, pub.month, self.direction), m), True


class _HDate:
    """(year, month, day) of a Hijri date with the attributes _year_for reads."""

    __slots__ = ("year", "month", "day")

    def __init__(self, h: tuple[int, int, int]) -> None:
        self.year, self.month, self.day = h


def _month_year(month: int, year: int, cur: int, direction: str | None) -> int:
    """Year of a month named without a year ("يونيو الماضي", "شهر رمضان")."""
    if direction == "past":
        return year if month < cur else year - 1
    if direction == "future":
        return year if month > cur else year + 1
    if direction == "current":
        return year
    return year if month <= cur else year - 1


def _year_ok(y: int, cal: str) -> bool:
    lo, hi = _HIJRI_RANGE if cal == "h" else _GREG_RANGE
    return lo <= y <= hi


def _cal_of_year(y: int, era: str | None, month_cal: str | None = None) -> str:
    """Which calendar a year belongs to: its era mark, its month, else its size."""
    if era:
        return "h" if era[0] == "ه" else "g"
    if month_cal:
        return month_cal
    return "h" if 1300 <= y <= 1500 else "g"


_KINDS = ("abs", "rel", "wk", "per", "mon", "yr", "ag")
_PERIOD_UNITS = {"اسبوع": "week", "شهر": "month", "عام": "year", "سنه": "year"}
_THIS_DAY_IN_HISTORY = re.compile(r"مثل +هذا *$")
_FROM = re.compile(r" +من(?!\w)")
_WORD_AFTER = re.compile(r" *([^\W\d_]+)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ «\"]*$")


def _parse(m: re.Match[str], norm: str, lex: _Lexicon) -> DateExpr | None:
    g = m.groupdict()
    e = m.end()
    # the span starts at the date itself: a glued و/ف stays outside it
    kind = next(k for k in _KINDS if g[k] is not None)
    start = m.start(kind)
    if g["abs"] is not None:
        return _parse_abs(g, start, e, norm, lex)
    if g["rel"] is not None:
        return _parse_relday(g, start, e, norm, lex)
    if g["wk"] is not None:
        return _parse_weekday(g, start, e, norm, lex)
    if g["per"] is not None:
        if not (g["pthis"] or g["pdir"]):
            return None
        unit = _PERIOD_UNITS[g["unit"]]
        return DateExpr(start, e, "period", unit=unit, direction=lex.direction.get(g["pdir"] or "", "current"))
    if g["mon"] is not None:
        return _parse_month(g, start, e, lex)
    if g["yr"] is not None:
        y = int(g["y1"] or g["y2"])
        era = g["yera1"] or g["yera2"]
        cal = _cal_of_year(y, era)
        if not _year_ok(y, cal):
            return None
        return DateExpr(start, e, "year", cal=cal, year=y)
    if g["ag"] is not None:
        if _FROM.match(norm, e):
            return None  # "قبل يومين من الانتخابات": relative to another event
        unit, count = lex.units[_spaces(g["au"])]
        if g["an"]:
            n = int(g["an"]) if g["an"].isdigit() else lex.numbers.get(g["an"])
            if n is None:
                return None
            if count == 2:  # "قبل يومين" never has a number; "3 يومين" is noise
                return None
            count = n
        # "قبل أيام" (count None) stays a date expression without a date
        return DateExpr(start, e, "ago", unit=unit, count=count)
    return None


def _spaces(s: str) -> str:
    return " ".join(s.split())


def _month_of(g: dict[str, str | None], tag: str, lex: _Lexicon) -> tuple[str, int, str] | None:
    """(calendar, month, name) of a matched month; "كانون الثاني/يناير" agree."""
    n1 = g[tag + "1"]
    if n1 is None:
        return None
    cal, num = lex.months[_spaces(n1)]
    n2 = g[tag + "2"]
    if n2 is not None:
        cal2, num2 = lex.months[_spaces(n2)]
        if cal == "g" and cal2 == "g" and num2 != num:
            return None  # "مارس - أبريل": a range, not one month
    return cal, num, _spaces(n1)


def _parse_abs(g: dict[str, str | None], s: int, e: int, norm: str, lex: _Lexicon) -> DateExpr | None:
    wd = lex.weekdays.get(g["awd"]) if g["awd"] else None
    if g["ny"] is not None or g["nd2"] is not None:
        expr = _parse_numeric(g, s, e)
        if expr is not None:
            expr.weekday = wd
        return expr
    mo = _month_of(g, "am", lex)
    if mo is None:
        return None
    cal, month, _ = mo
    if g["day"] is not None:
        day = int(g["day"])
    else:
        word = g["ord"] or ""
        if word.startswith("لل"):
            word = "ا" + word[1:]
        day = lex.ordinals.get(_spaces(word), 0)
    if not 1 <= day <= (30 if cal == "h" else 31):
        return None
    year = None
    if g["ay"] is not None:
        year = int(g["ay"])
        era = g["aera"]
        if era and (era[0] == "ه") != (cal == "h"):
            return None
        if not _year_ok(year, cal):
            return None
    direction = lex.direction.get(g["adir"]) if g["adir"] else None
    if g["awd"] and "(" in g["abs"] and ")" not in g["abs"] and norm.startswith(")", e):
        e += 1  # "يوم الخميس (11 آذار 2021)"
    return DateExpr(s, e, "abs", cal=cal, year=year, month=month, day=day, direction=direction, weekday=wd)


def _parse_numeric(g: dict[str, str | None], s: int, e: int) -> DateExpr | None:
    if g["ny"] is not None:
        y, mth, d = int(g["ny"]), int(g["nm"]), int(g["nd"])
    else:
        y, mth, d = int(g["ny2"]), int(g["nm2"]), int(g["nd2"])
    if not (1 <= mth <= 12 and 1 <= d <= 31):
        return None
    cal = _cal_of_year(y, g["nera"])
    if not _year_ok(y, cal) or (cal == "g" and y < 1900):
        return None
    return DateExpr(s, e, "abs", cal=cal, year=y, month=mth, day=d)


def _parse_month(g: dict[str, str | None], s: int, e: int, lex: _Lexicon) -> DateExpr | None:
    mo = _month_of(g, "mm", lex)
    if mo is None:
        return None
    cal, month, name = mo
    year = None
    if g["my"] is not None:
        year = int(g["my"])
        era = g["mera"]
        if era and (era[0] == "ه") != (cal == "h"):
            return None
        if not _year_ok(year, cal):
            return None
    elif not (g["msh"] or g["mdir"] or g["mm2"] or (g["mpp"] and name not in lex.ambiguous)):
        return None  # a bare month name: "مارس" the verb, "رمضان" the name
    direction = lex.direction.get(g["mdir"]) if g["mdir"] else None
    return DateExpr(s, e, "month", cal=cal, year=year, month=month, direction=direction)


_REL_OFFSETS = {"امس": -1, "البارحه": -1, "امس الاول": -2, "اول امس": -2, "اول من امس": -2,
                "البارحه الاولي": -2, "اليوم": 0, "غدا": 1, "الغد": 1, "بعد غد": 2}


def _parse_relday(g: dict[str, str | None], s: int, e: int, norm: str, lex: _Lexicon) -> DateExpr | None:
    rd = _spaces(g["rd"] or "")
    parts = (g["rdp"] or "").split()
    if rd == "الغد" and not parts:
        return None  # "الغد" alone is "the future" (or a party's name)
    wd = lex.weekdays.get(g["rwd"]) if g["rwd"] else None
    if rd == "اليوم":
        prev = _WORD_BEFORE.search(norm, max(0, s - 30), s)
        word = prev.group(1) if prev else ""
        if word in lex.today_blockers or (word[:1] in ("و", "ب", "ل") and word[1:] in lex.today_blockers):
            return None  # "عين اليوم" (an outlet), "صحيفة اليوم"
        if _THIS_DAY_IN_HISTORY.search(norm, max(0, s - 15), s):
            return None  # "في مثل هذا اليوم": an anniversary
        if s > 0 and norm[s - 1] in "«\"" and norm[e:e + 1] in "»\"":
            return None  # «اليوم»: the newspaper
        if wd is None:
            nxt = _WORD_AFTER.match(norm, e)
            if nxt and nxt.group(1).startswith("ال"):
                return None  # "اليوم الثاني من زيارته", "اليوم الوطني"
            if not parts and word == "في":
                return None  # "مليون برميل في اليوم": per day
    return DateExpr(s, e, "relday", offset=_REL_OFFSETS[rd], weekday=wd)


def _parse_weekday(g: dict[str, str | None], s: int, e: int, norm: str, lex: _Lexicon) -> DateExpr | None:
    wd = lex.weekdays[g["wd"]]
    direction = lex.direction.get(g["wdir"]) if g["wdir"] else None
    if wd == 0 and not g["wdp"] and not direction:
        # "الاثنين" is also "the two": alone it must stand between commas
        before = norm[max(0, s - 2):s].strip()
        after = norm[e:e + 2].strip()
        if not (before.endswith(("،", ",", "(")) or after.startswith(("،", ",", ".", ")"))):
            return None
    return DateExpr(s, e, "weekday", weekday=wd, direction=direction)


_MERGE_GAP = re.compile(r" *[،,(]? *(?:الموافق|ويوافق|الموافقه|يوافق) *")


_WORDS = re.compile(r"\w+")
_PRESENTATION = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFF]")


def _word_starts(norm: str, lex: _Lexicon):
    """Offsets of the words of ``norm`` that may begin a date expression."""
    starts = lex.starts
    for m in _WORDS.finditer(norm):
        w = m.group()
        if w in starts:
            yield m.start()
        elif w[0].isdigit():
            yield m.start()
        else:  # "ينبع26", "ال16", "ديسمبر1903": a number glued to a word
            for i, ch in enumerate(w):
                if ch.isdigit():
                    if w[:i].rstrip("ـ") in starts:
                        yield m.start()
                    yield m.start() + i
                    break


def _token_starts(doc: Document, nmap: list[int], lex: _Lexicon):
    """The same from the segmenter's tokens (already built: no second scan)."""
    from bisect import bisect_left

    starts = lex.starts
    # the few tokens that may begin a date, picked in one comprehension (most begin none)
    for tok in [t for t in doc.tokens if t.norm in starts or t.norm[:1].isdigit()]:
        n = tok.norm
        if n in starts:
            yield bisect_left(nmap, tok.start) if nmap else tok.start
        elif n[:1].isdigit():
            pos = bisect_left(nmap, tok.start) if nmap else tok.start
            yield pos
            if len(n) > 4:  # "1436/1437": the second number may start a year
                for i, ch in enumerate(n):
                    if ch in "/.,:":
                        yield pos + i + 1


def find_expressions(norm: str, starts=None) -> list[DateExpr]:
    """Every date expression of a match-form text, in order, unresolved.

    ``starts`` are the offsets where an expression may begin (ascending); by
    default every word that can begin one.  Only there is the regex tried.
    """
    lex = _lexicon()
    out: list[DateExpr] = []
    match = lex.regex.match
    done = -1
    for pos in (_word_starts(norm, lex) if starts is None else starts):
        if pos < done:
            continue
        m = match(norm, pos)
        if m is None:
            continue
        expr = _parse(m, norm, lex)
        if expr is None:
            continue
        done = m.end()
        # "25 شوال 1436 هـ الموافق 10 أغسطس 2015 م": one date, two calendars
        if out and expr.kind == "abs" and out[-1].kind == "abs" and out[-1].cal != expr.cal:
            prev = out[-1]
            gap = _MERGE_GAP.fullmatch(norm, prev.end, expr.start)
            if gap:
                greg, hij = (expr, prev) if expr.cal == "g" else (prev, expr)
                out[-1] = DateExpr(prev.start, expr.end, "abs", cal="g", year=greg.year, month=greg.month,
                                   day=greg.day, direction=greg.direction, weekday=prev.weekday, other=hij)
                continue
        out.append(expr)
    return out


# --------------------------------------------------------------------------
# the publication date

_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?: *(?:ص|م|صباحا|مساء|am|pm)(?![^\W\d_]))?")
_ZONE = re.compile(r"(?:بتوقيت|توقيت|ت +غ)(?: +[^\W\d_]+){0,2}|\b(?:gmt|utc|ksa)\b(?: *[+\-]\d+)?")
_PARENS = re.compile(r"\([^()\n]{0,40}\)|\[[^\[\]\n]{0,40}\]")
_LETTERS = re.compile(r"[^\W\d_]+")
_AGENCY = frozenset(fold(w) for w in (
    "واس", "قنا", "وام", "كونا", "بنا", "سانا", "إرنا", "ارنا", "واع", "رويترز", "أ ف ب", "اف ب", "د ب أ",
    "أ ش أ", "يو بي آي", "الأناضول", "معا", "وفا", "سبأ", "الشرق", "رويترز",
))
#: words a place name or agency tag never holds: the line is a sentence
_FUNCTION_WORDS = frozenset(fold(w) for w in (
    "لقد", "قد", "من", "إلى", "على", "عن", "أن", "إن", "أنه", "التي", "الذي", "حيث", "كان", "وكان",
    "تم", "مع", "هذا", "هذه", "منذ", "حتى", "بعد", "قبل", "خلال", "ما", "لا", "لم", "لن", "وفي", "أو", "ثم",
    "حتي", "الى", "علي", "يوم",
))
_DATELINE_SEP = re.compile(r"(?:[-–—:(|/]|(?:^|\s)في)\s*$")
#: "باماكو، 9 نوفمبر 2025 (أ ف ب) - …": a comma after the place, when the date is closed
#: by the agency in brackets or a dash (not by a comma: "وقال الوزير، 9 نوفمبر، إن …")
_COMMA_BEFORE = re.compile(r"[،,]\s*$")
_CLOSED_AFTER = re.compile(r"\s*(?:م|هـ)?\s*[(\-–—]")
_IN_BEFORE = re.compile(r"(?:^|\s)في\s*$")
_CREDIT_AFTER = re.compile(r"\s*[-–—|]\s*(.*)$")
#: what may stand between a date and the dash of its line: the era letter of "2026م" and
#: the agency in brackets ("مسقط في 3 يناير 2026م (العمانية) - …")
_DATE_TAIL = re.compile(r"^\s*(?:م|هـ|ه)?(?![^\W\d_])\s*(?:\([^()\n]{0,40}\))?")
_AFTER_SEP = re.compile(r"\s*(?:$|[-–—:(|،,])")

#: the first lines of an article where a date line counts
DATE_LINE_WITHIN = 10
#: dateline (place - date - body) only on one of the first lines
DATELINE_WITHIN = 3


def _line_bounds(norm: str, s: int, e: int) -> tuple[int, int]:
    ls = norm.rfind("\n", 0, s) + 1
    le = norm.find("\n", e)
    return ls, (len(norm) if le < 0 else le)


def _pub_tier(norm: str, expr: DateExpr, line_no: int, lex: _Lexicon) -> int:
    """0 = not a publication date; 2 = a date line; 1 = a dateline opening a line."""
    ls, le = _line_bounds(norm, expr.start, expr.end)
    if norm[expr.start:expr.end].split(None, 1)[0] in lex.dayparts:
        return 0  # "صباح يوم السبت 2-10-1436هـ": a narrated time, not a dateline
    before, after = norm[ls:expr.start], norm[expr.end:le]
    cue = bool(lex.pub_cue.search(before))
    if line_no < DATE_LINE_WITHIN or cue:
        # "بيروت في 24 آذار 2026 - الوكالة الوطنية للإعلام": "في" before the date and a
        # credit after a dash belong to the date line
        head = _IN_BEFORE.sub(" ", before)
        credit = _CREDIT_AFTER.match(_DATE_TAIL.sub("", after, count=1))
        tail = " " if credit and len(_LETTERS.findall(credit.group(1))) <= 5 else after
        rest = lex.pub_cue.sub(" ", head + " " + tail)
        rest = _PARENS.sub(" ", _ZONE.sub(" ", _TIME.sub(" ", rest)))
        words = [w for w in _LETTERS.findall(rest) if w not in _AGENCY and w not in ("م", "هـ", "ه")]
        if len(words) <= 3 and not _FUNCTION_WORDS.intersection(words):
            return 2
    if line_no < DATELINE_WITHIN:
        pre_words = _LETTERS.findall(before)
        if len(pre_words) <= 3 and not _FUNCTION_WORDS.intersection(pre_words) and (
            not pre_words or (_DATELINE_SEP.search(before) and _AFTER_SEP.match(after))
            or (_COMMA_BEFORE.search(before) and _CLOSED_AFTER.match(after))
        ):
            return 1
    return 0


def find_published(norm: str, exprs: list[DateExpr]) -> DateExpr | None:
    """The expression that dates the article: on a date line near the top."""
    lex = _lexicon()
    best: tuple[int, int] | None = None
    found: DateExpr | None = None
    line_starts: list[int] | None = None
    for expr in exprs:
        if not expr.explicit:
            continue
        if line_starts is None:
            line_starts = [0] + [i + 1 for i, ch in enumerate(norm) if ch == "\n"]
        line_no = _nonblank_index(norm, line_starts, expr.start)
        tier = _pub_tier(norm, expr, line_no, lex)
        if tier and (best is None or (tier, -expr.start) > best):
            best, found = (tier, -expr.start), expr
    return found


def _nonblank_index(norm: str, starts: list[int], offset: int) -> int:
    """How many non-blank lines come before the line holding ``offset``."""
    n = 0
    for i, ls in enumerate(starts):
        le = starts[i + 1] - 1 if i + 1 < len(starts) else len(norm)
        if ls <= offset <= le:
            return n
        if norm[ls:le].strip():
            n += 1
    return n


def _pub_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


# --------------------------------------------------------------------------
# the component


def _norm_of(doc: Document) -> tuple[str, list[int]]:
    if doc.norm or not doc.text:
        return doc.norm, doc.norm_map
    return normalize_with_map(doc.text)


def _to_text(norm_map: list[int], text_len: int, s: int, e: int) -> tuple[int, int]:
    if not norm_map:
        return s, e
    ts = norm_map[s] if s < len(norm_map) else text_len
    te = norm_map[e - 1] + 1 if 0 < e <= len(norm_map) else ts
    return ts, te


def date_expressions(doc: Document, pub: date | None = None) -> list[dict[str, Any]]:
    """``doc.meta["dates"]`` entries for ``doc`` (resolved against ``pub``)."""
    norm, nmap = _norm_of(doc)
    pub = pub if pub is not None else _pub_date(doc.published)
    return _entries(doc, find_expressions(norm), nmap, pub)


def _entries(doc: Document, exprs: list[DateExpr], nmap: list[int], pub: date | None) -> list[dict[str, Any]]:
    out = []
    n = len(doc.text)
    for x in exprs:
        s, e = _to_text(nmap, n, x.start, x.end)
        value, rel = x.resolve(pub)
        out.append({"start": s, "end": e, "text": doc.text[s:e], "date": value, "relative": rel})
    return out


class DateExtractor:
    """Pipeline component: the publication date and every date expression."""

    name = "dates"
    OPTIONS = ()

    def __call__(self, doc: Document) -> Document:
        norm, nmap = _norm_of(doc)
        lex = _lexicon()
        # the segmenter's tokens skip presentation forms ("ﺍﻟﺴﺒﺖ"): scan words then
        use_tokens = bool(doc.tokens) and norm is doc.norm and not _PRESENTATION.search(doc.text)
        exprs = find_expressions(norm, _token_starts(doc, nmap, lex) if use_tokens else None) if norm else []
        pub = _pub_date(doc.published)
        published = find_published(norm, exprs) if exprs else None
        if published is not None:
            value = published.resolve(None)[0]
            if pub is None and value is not None:
                doc.published = value
                pub = _pub_date(value)
            if value is not None and pub is not None and value == pub.isoformat():
                doc.meta["published_span"] = _to_text(nmap, len(doc.text), published.start, published.end)
        doc.meta["dates"] = _entries(doc, exprs, nmap, pub)
        return doc


# --------------------------------------------------------------------------
# dates of spans (for the events extractor)

_CLAUSE = re.compile(r"[،,؛;:]")


def date_for_span(doc: Document, start: int, end: int) -> str | None:
    """The date of ``[start, end)``: the nearest resolved date expression in the
    same sentence, preferring one in the same clause; ``None`` when the sentence
    has none (callers fall back to the publication date themselves)."""
    dates = doc.meta.get("dates")
    if dates is None:
        dates = date_expressions(doc)
    sent = doc.sentence_of(start)
    if sent is None:
        if doc.sentences:
            return None
        lo, hi = 0, len(doc.text)
    else:
        lo, hi = sent.start, sent.end
    cands = [d for d in dates if d["date"] is not None and d["start"] >= lo and d["end"] <= hi]
    if not cands:
        return None
    text = doc.text

    def clause(a: int, b: int) -> tuple[int, int]:
        # clause = stretch between separators inside the sentence
        left = max((m.end() for m in _CLAUSE.finditer(text, lo, a)), default=lo)
        nxt = _CLAUSE.search(text, b, hi)
        return left, (nxt.start() if nxt else hi)

    c0 = clause(start, end)

    def key(d: dict[str, Any]) -> tuple[int, int, int]:
        same = c0[0] <= d["start"] and d["end"] <= c0[1]
        if d["end"] <= start:
            dist = start - d["end"]
        elif d["start"] >= end:
            dist = d["start"] - end
        else:
            dist = 0
        return (0 if same else 1, dist, -len(d["date"]))

    return min(cands, key=key)["date"]


__all__ = [
    "DateExpr",
    "DateExtractor",
    "date_expressions",
    "date_for_span",
    "find_expressions",
    "find_published",
    "hijri_to_gregorian",
]
