"""The actor network of a stored corpus, as a networkx graph.

Nodes are corpus-wide actors (``actors.id``) with the attributes ``label``,
``name``, ``name_en``, ``type``, ``actor_code``, ``country`` and ``documents``
(empty strings, never None, so that GraphML and GEXF open in Gephi and
Cytoscape).  Edges, in one :class:`networkx.MultiDiGraph`, each with ``kind``:

* ``event``: source actor -> target actor of PLOVER events, one edge per
  (source, target, event type, date); ``weight`` = unique events, i.e. stories
  that report it (an event told by five outlets counts once, see
  :func:`marsad.corpus.stories.story_events`); ``type``, ``cameo``, ``date``,
  ``doc_id``/``story_id`` (its earliest report), ``doc_ids``/``story_ids``
  (space-separated), ``reports`` (event records merged), ``sentence``.
* ``comention``: two actors named in the same document; stored once (lower
  id -> higher id) with ``directed`` = false: read it as undirected;
  ``weight`` = documents, ``stories``, ``date`` (first) and ``last_date``.
* ``quote``: speaker -> an actor mentioned inside the span of one of their
  quotes; ``weight`` = quotes (the same quote text in one story counts once),
  ``documents``, ``date``, ``last_date``.

Every edge has ``label`` (the event type, "comention" or "quote") and
``directed``.  In GEXF the event type is ``event_type`` (GEXF's own edge
``type`` says directed/undirected; every edge is written directed so that
networkx reads the file back, co-mentions keeping ``directed`` = false).  Dates are the event's date, else the document's
``published`` date; undated edges have ``date`` "".
"""
from __future__ import annotations

import json
from collections import defaultdict
from typing import IO, TYPE_CHECKING, Any, Iterable

from marsad.corpus.store import date_range
from marsad.corpus.stories import ensure_schema, story_events
from marsad.text.normalize import fold

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

    from marsad.corpus.store import Store

KINDS = ("event", "comention", "quote")
FORMATS = ("graphml", "gexf", "json")


def parse_types(values: Iterable[str] | None) -> tuple[set[str], set[str] | None]:
    """``--type`` values (comma-separated allowed) -> (edge kinds, event types or None = all)."""
    kinds: set[str] = set()
    event_types: set[str] = set()
    for value in values or []:
        for v in value.split(","):
            v = v.strip()
            if not v:
                continue
            low = v.lower()
            if low in ("comention", "co-mention", "comentions"):
                kinds.add("comention")
            elif low in ("quote", "quotes"):
                kinds.add("quote")
            elif low in ("event", "events"):
                kinds.add("event")
            else:
                kinds.add("event")
                event_types.add(v.upper())
    if not kinds:
        return set(KINDS), None
    return kinds, (event_types or None)


def _in(column: str, ids: list[int]) -> str:
    return f"{column} IN ({','.join(str(int(i)) for i in ids)})"


def build_network(
    store: "Store",
    *,
    actor_ids: list[int] | None = None,
    kinds: Iterable[str] = KINDS,
    event_types: Iterable[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    include_negated: bool = False,
) -> "nx.MultiDiGraph":
    """The actor network; ``actor_ids`` keeps the edges that touch one of those actors.

    ``since``/``until`` (YYYY-MM-DD, or a prefix such as 2024-03 for ``until``)
    filter on the edge's date (events: the event date, else the document's
    date; co-mentions and quotes: the document's date).
    """
    import networkx as nx

    ensure_schema(store.db)
    kinds = set(kinds)
    types = {t.upper() for t in event_types} if event_types else None
    G = nx.MultiDiGraph(name="Marsad actor network")
    edge_no = 0

    def add_edge(u: int, v: int, **attrs: Any) -> None:
        nonlocal edge_no
        edge_no += 1
        G.add_edge(int(u), int(v), key=f"e{edge_no}", **attrs)

    if "event" in kinds:
        grouped: dict[tuple[int, int, str, str], list[dict[str, Any]]] = defaultdict(list)
        for ev in story_events(store, actor_ids=actor_ids, since=since, until=until, include_negated=include_negated):
            if ev["source_actor_id"] is None or ev["target_actor_id"] is None:
                continue
            if types is not None and ev["type"].upper() not in types:
                continue
            grouped[(ev["source_actor_id"], ev["target_actor_id"], ev["type"], ev["when"] or "")].append(ev)
        for (u, v, etype, when), evs in sorted(grouped.items(), key=lambda kv: (kv[0][3], kv[0][0], kv[0][1], kv[0][2])):
            first = evs[0]
            docs = sorted({d for e in evs for d in e["documents"]})
            add_edge(
                u, v, kind="event", label=etype, type=etype, cameo=first["cameo"] or "", date=when,
                weight=len(evs), reports=sum(e["reports"] for e in evs),
                doc_id=first["doc_id"], doc_ids=" ".join(docs),
                story_id=int(first["story_id"] or 0),
                story_ids=" ".join(str(e["story_id"]) for e in evs if e["story_id"] is not None),
                sentence=first["sentence"] or "", directed=True,
            )

    date_where, date_args = _date_filter("d.published", since, until)
    if "comention" in kinds:
        where = ["a.actor_id IS NOT NULL", "b.actor_id IS NOT NULL", date_where]
        if actor_ids:
            where.append(f"({_in('a.actor_id', actor_ids)} OR {_in('b.actor_id', actor_ids)})")
        rows = store.db.execute(
            f"""SELECT a.actor_id, b.actor_id, count(DISTINCT a.doc_id), count(DISTINCT coalesce(sd.story_id, d.id)),
                       min(d.published), max(d.published)
                FROM entities a JOIN entities b ON b.doc_id = a.doc_id AND b.actor_id > a.actor_id
                JOIN documents d ON d.id = a.doc_id
                LEFT JOIN story_documents sd ON sd.doc_id = a.doc_id
                WHERE {' AND '.join(where)}
                GROUP BY a.actor_id, b.actor_id""",
            date_args,
        ).fetchall()
        for u, v, ndocs, nstories, first, last in rows:
            add_edge(u, v, kind="comention", label="comention", type="comention", weight=int(ndocs),
                     stories=int(nstories), date=first or "", last_date=last or "", directed=False)

    if "quote" in kinds:
        where = ["q.actor_id IS NOT NULL", "e.actor_id IS NOT NULL", "e.actor_id != q.actor_id",
                 "q.start IS NOT NULL", "q.end IS NOT NULL", date_where]
        if actor_ids:
            where.append(f"({_in('q.actor_id', actor_ids)} OR {_in('e.actor_id', actor_ids)})")
        rows = store.db.execute(
            f"""SELECT DISTINCT q.actor_id, e.actor_id, q.doc_id, q.idx, q.text, sd.story_id, d.published
                FROM quotes q JOIN mentions m ON m.doc_id = q.doc_id AND m.start >= q.start AND m.end <= q.end
                JOIN entities e ON e.doc_id = m.doc_id AND e.ent_id = m.ent_id
                JOIN documents d ON d.id = q.doc_id
                LEFT JOIN story_documents sd ON sd.doc_id = q.doc_id
                WHERE {' AND '.join(where)}""",
            date_args,
        ).fetchall()
        agg: dict[tuple[int, int], dict[str, Any]] = {}
        for u, v, doc_id, _idx, text, story_id, published in rows:
            a = agg.setdefault((u, v), {"quotes": set(), "docs": set(), "dates": []})
            a["quotes"].add((story_id if story_id is not None else doc_id, fold(text or "")))
            a["docs"].add(doc_id)
            if published:
                a["dates"].append(published)
        for (u, v), a in sorted(agg.items()):
            add_edge(u, v, kind="quote", label="quote", type="quote", weight=len(a["quotes"]),
                     documents=len(a["docs"]), date=min(a["dates"], default=""),
                     last_date=max(a["dates"], default=""), directed=True)

    _add_nodes(store, G)
    return G


def _date_filter(column: str, since: str | None, until: str | None) -> tuple[str, list[str]]:
    clauses, args = date_range(column, since, until)
    return " AND ".join(["1", *clauses]), args


def _add_nodes(store: "Store", G: "nx.MultiDiGraph") -> None:
    ids = sorted(G.nodes)
    for k in range(0, len(ids), 500):
        part = ids[k:k + 500]
        for r in store.db.execute(
            f"""SELECT a.id, a.name, a.name_en, a.type, a.actor_code, a.country,
                       (SELECT count(DISTINCT e.doc_id) FROM entities e WHERE e.actor_id = a.id)
                FROM actors a WHERE {_in('a.id', part)}"""
        ):
            G.add_node(int(r[0]), label=r[2] or r[1] or "", name=r[1] or "", name_en=r[2] or "",
                       type=r[3] or "", actor_code=r[4] or "", country=r[5] or "", documents=int(r[6]))
    for n, data in G.nodes(data=True):  # an actor row that went missing: still no None anywhere
        if "name" not in data:
            data.update(label=str(n), name=str(n), name_en="", type="", actor_code="", country="", documents=0)


def write_network(G: "nx.MultiDiGraph", fmt: str, out: IO[bytes]) -> None:
    """Write the graph as GraphML, GEXF 1.2 or node-link JSON (UTF-8 bytes)."""
    import networkx as nx

    if fmt == "graphml":
        nx.write_graphml(G, out, encoding="utf-8", prettyprint=True, infer_numeric_types=True)
    elif fmt == "gexf":
        H = nx.MultiDiGraph(name=G.graph.get("name", ""))
        H.add_nodes_from(G.nodes(data=True))
        for u, v, key, data in G.edges(keys=True, data=True):
            d = dict(data)
            # in GEXF, an edge's "type" says whether it is directed; the event type travels as event_type
            # (all "directed": networkx refuses mixed GEXF graphs; co-mentions keep directed=false)
            d["event_type"] = d.pop("type")
            d["type"] = "directed"
            H.add_edge(u, v, key=key, **d)
        nx.write_gexf(H, out, encoding="utf-8", prettyprint=True)
    elif fmt == "json":
        data = nx.node_link_data(G, edges="edges")
        out.write(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
        out.write(b"\n")
    else:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
