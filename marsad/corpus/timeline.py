"""An actor's timeline: their events (as source or target) and quotes, by date.

Events are the unique events of :func:`marsad.corpus.stories.story_events`
(one per story, however many outlets report it); quotes are the actor's own,
with the same quote text in one story listed once.  Each item is dated by the
event's date, else the document's ``published`` date; undated items come last.

:func:`plot_timeline` draws the items on a PNG with matplotlib (Agg backend,
no display needed).  Labels on the plot are English (``name_en``, else the
actor code, else "actor ID") and event types: matplotlib neither joins nor
orders Arabic letters, and without an Arabic font they render as boxes.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from marsad.corpus.store import date_range
from marsad.corpus.stories import ensure_schema, story_events
from marsad.text.normalize import fold

if TYPE_CHECKING:  # pragma: no cover
    from marsad.corpus.store import Store

#: items on a plot up to which each point is labelled with the actors
MAX_LABELS = 40


def _actors(store: "Store", ids: set[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {
        int(r[0]): {"id": int(r[0]), "name": r[1], "name_en": r[2], "actor_code": r[3], "type": r[4]}
        for r in store.db.execute(
            f"SELECT id, name, name_en, actor_code, type FROM actors WHERE id IN ({marks})", sorted(ids))
    }


def english_label(actor: dict[str, Any] | None) -> str:
    """A plot-safe (Latin) label for an actor."""
    if not actor:
        return "?"
    return actor.get("name_en") or actor.get("actor_code") or f"actor {actor['id']}"


def actor_timeline(
    store: "Store",
    actor_ids: list[int],
    with_ids: list[int] | None = None,
    *,
    since: str | None = None,
    until: str | None = None,
    quotes: bool = True,
) -> list[dict[str, Any]]:
    """The timeline items of the actor (any of ``actor_ids``: one actor may have been found under several ids).

    With ``with_ids``, only events between the two (either direction) and
    quotes by one of them that mention the other inside the quote.
    """
    ensure_schema(store.db)
    me = set(actor_ids)
    other = set(with_ids or [])
    items: list[dict[str, Any]] = []
    for ev in story_events(store, actor_ids=sorted(me), since=since, until=until, include_negated=True):
        s, t = ev["source_actor_id"], ev["target_actor_id"]
        if other and not ((s in me and t in other) or (s in other and t in me)):
            continue
        items.append({
            "kind": "event", "date": ev["when"], "type": ev["type"], "cameo": ev["cameo"], "mode": ev["mode"],
            "source_actor_id": s, "target_actor_id": t, "role": "source" if s in me else "target",
            "negated": ev["negated"], "trigger": ev["trigger"], "text": ev["sentence"] or "",
            "doc_id": ev["doc_id"], "story_id": ev["story_id"], "documents": ev["documents"],
            "published": ev["published"], "source": ev["source"],
        })
    if quotes:
        items.extend(_quotes(store, me, other, since, until))
    ids = {i for it in items for i in (it.get("source_actor_id"), it.get("target_actor_id"),
                                        it.get("speaker_id"), *it.get("about_ids", [])) if i is not None}
    actors = _actors(store, ids)
    for it in items:
        if it["kind"] == "event":
            it["source_actor"] = actors.get(it["source_actor_id"])
            it["target_actor"] = actors.get(it["target_actor_id"])
        else:
            it["speaker"] = actors.get(it["speaker_id"])
            it["about"] = [actors[i] for i in it["about_ids"] if i in actors]
    items.sort(key=lambda it: (it["date"] is None, it["date"] or "", it["kind"], it.get("type") or ""))
    return items


def _quotes(store: "Store", me: set[int], other: set[int], since: str | None, until: str | None) -> list[dict[str, Any]]:
    speakers = me | other if other else me
    marks = ",".join("?" * len(speakers))
    where = [f"q.actor_id IN ({marks})"]
    args: list[Any] = sorted(speakers)
    clauses, params = date_range("d.published", since, until)
    where.extend(clauses)
    args.extend(params)
    rows = store.db.execute(
        f"""SELECT q.doc_id, q.idx, q.actor_id, q.text, q.start, q.end, q.direct, q.cue, d.published, d.source,
                   sd.story_id, d.rowid
            FROM quotes q JOIN documents d ON d.id = q.doc_id
            LEFT JOIN story_documents sd ON sd.doc_id = q.doc_id
            WHERE {' AND '.join(where)}
            ORDER BY d.published IS NULL, d.published, d.rowid, q.idx""",
        args,
    ).fetchall()
    out: list[dict[str, Any]] = []
    seen: dict[tuple[Any, int, str], dict[str, Any]] = {}
    for r in rows:
        about = _about(store, r["doc_id"], r["start"], r["end"], exclude=r["actor_id"])
        if other:
            mine = r["actor_id"] in me
            if not ((mine and about & other) or (not mine and about & me)):
                continue
        key = (r["story_id"] if r["story_id"] is not None else r["doc_id"], r["actor_id"], fold(r["text"] or ""))
        if key in seen:
            if r["doc_id"] not in seen[key]["documents"]:
                seen[key]["documents"].append(r["doc_id"])
            continue
        item = {
            "kind": "quote", "date": r["published"], "type": "QUOTE", "speaker_id": r["actor_id"],
            "about_ids": sorted(about), "text": r["text"] or "", "direct": None if r["direct"] is None else bool(r["direct"]),
            "cue": r["cue"], "doc_id": r["doc_id"], "story_id": r["story_id"], "documents": [r["doc_id"]],
            "published": r["published"], "source": r["source"],
        }
        seen[key] = item
        out.append(item)
    return out


def _about(store: "Store", doc_id: str, start: int | None, end: int | None, exclude: int) -> set[int]:
    """Actors mentioned inside a quote's span."""
    if start is None or end is None:
        return set()
    return {
        int(r[0]) for r in store.db.execute(
            """SELECT DISTINCT e.actor_id FROM mentions m JOIN entities e ON e.doc_id = m.doc_id AND e.ent_id = m.ent_id
               WHERE m.doc_id = ? AND m.start >= ? AND m.end <= ? AND e.actor_id IS NOT NULL""",
            (doc_id, start, end))
        if r[0] != exclude
    }


def plot_timeline(items: list[dict[str, Any]], path: str, title: str) -> int:
    """Draw the dated items on a PNG: one row per event type (and quotes); returns the items drawn."""
    import matplotlib

    matplotlib.use("Agg")
    from datetime import date

    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    dated = []
    for it in items:
        try:
            dated.append((date.fromisoformat((it["date"] or "")[:10]), it))
        except ValueError:
            continue
    lanes = sorted({it["type"] for _, it in dated if it["kind"] == "event"})
    if any(it["kind"] == "quote" for _, it in dated):
        lanes.append("QUOTE")
    lane_y = {name: i for i, name in enumerate(reversed(lanes))}
    fig, ax = plt.subplots(figsize=(11, 1.6 + 0.55 * max(len(lanes), 1)))
    colors = {"source": "#c0392b", "target": "#2471a3", "quote": "#7d3c98"}
    if not dated:
        ax.text(0.5, 0.5, "no dated events or quotes", ha="center", va="center", transform=ax.transAxes)
        ax.set_yticks([])
    else:
        few = len(dated) <= MAX_LABELS  # beyond that, points only: labels would cover each other
        groups: dict[tuple[str, bool], tuple[list[float], list[int]]] = {}
        per_day: dict[tuple[Any, str], int] = {}
        for d, it in dated:
            lane = "QUOTE" if it["kind"] == "quote" else it["type"]
            y = lane_y[lane]
            role = "quote" if it["kind"] == "quote" else it["role"]
            xs, ys = groups.setdefault((role, bool(it.get("negated"))), ([], []))
            xs.append(mdates.date2num(d))
            ys.append(y)
            if not few:
                continue
            k = per_day.get((d, lane), 0)
            per_day[(d, lane)] = k + 1
            if it["kind"] == "event":
                label = f"{english_label(it.get('source_actor'))} > {english_label(it.get('target_actor'))}"
            else:
                about = ", ".join(english_label(a) for a in it.get("about") or [])
                label = f"{english_label(it.get('speaker'))}" + (f" on {about}" if about else "")
            ax.annotate(label[:48], (mdates.date2num(d), y), xytext=(6, 6 + 11 * (k % 3)),
                        textcoords="offset points", fontsize=7)
        for (role, negated), (xs, ys) in groups.items():
            ax.scatter(xs, ys, s=70 if few else 18, color=colors[role], zorder=3,
                       marker="x" if negated else "o", alpha=0.9 if few else 0.35)
        ax.set_yticks(list(lane_y.values()), list(lane_y.keys()))
        ax.set_ylim(-0.7, len(lanes) - 0.3)
        lo, hi = min(d for d, _ in dated), max(d for d, _ in dated)
        pad = max((hi - lo).days * 0.08, 1)
        ax.set_xlim(mdates.date2num(lo) - pad, mdates.date2num(hi) + max(pad * 3, (hi - lo).days * 0.3 + 2))
        loc = mdates.AutoDateLocator(maxticks=10)
        ax.xaxis.set_major_locator(loc)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))
        ax.grid(axis="x", color="#dddddd", zorder=0)
        from matplotlib.lines import Line2D

        handles = [Line2D([], [], marker="o", ls="", color=colors["source"], label="actor is source"),
                   Line2D([], [], marker="o", ls="", color=colors["target"], label="actor is target"),
                   Line2D([], [], marker="o", ls="", color=colors["quote"], label="quote"),
                   Line2D([], [], marker="x", ls="", color="#555555", label="negated")]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=7, frameon=False)
    if dated and not few:
        title += f" ({len(dated)} items)"
    ax.set_title(title, fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return len(dated)
