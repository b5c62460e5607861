"""The actor network: typed, dated, directed event edges weighted once per story; co-mentions; quotes."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from marsad.corpus.network import build_network, parse_types, write_network
from marsad.corpus.stories import assign_stories
from test_stories import build_corpus, late_duplicate


@pytest.fixture()
def corpus(tmp_path: Path):
    store, docs = build_corpus(tmp_path / "n.db")
    store.add(late_duplicate())
    assign_stories(store)
    yield store, docs
    store.close()


def ids(store) -> dict[str, int]:
    return {r[0]: r[1] for r in store.db.execute("SELECT name_en, id FROM actors")}


def edges(G, kind: str, **attrs):
    return [(u, v, d) for u, v, d in G.edges(data=True)
            if d["kind"] == kind and all(d.get(k) == val for k, val in attrs.items())]


def test_event_edge_is_directed_typed_dated_and_weighted_once_per_story(corpus) -> None:
    store, docs = corpus
    a = ids(store)
    G = build_network(store)
    assault = edges(G, "event", type="ASSAULT")
    assert len(assault) == 1
    u, v, d = assault[0]
    assert (u, v) == (a["Israeli Defense Forces"], a["Hezbollah"])  # source -> target
    assert d["date"] == "2024-05-01" and d["cameo"] == "19"
    assert d["weight"] == 1 and d["reports"] == 3  # three outlets, one event
    assert d["doc_id"] == docs["strike_a"].id and len(d["doc_ids"].split()) == 3 and d["story_id"] > 0
    threat = edges(G, "event", type="THREATEN")
    assert [(u, v) for u, v, _ in threat] == [(a["Hezbollah"], a["Israeli Defense Forces"])]
    # co-mention: once per pair, weight = documents; quote: speaker -> actor named inside the quote
    co = {(u, v): d["weight"] for u, v, d in edges(G, "comention")}
    pair = tuple(sorted((a["Israeli Defense Forces"], a["Hezbollah"])))
    assert co[pair] == 4 and all(not d["directed"] for _, _, d in edges(G, "comention"))
    quote = edges(G, "quote")
    assert [(u, v) for u, v, _ in quote] == [(a["Israeli Defense Forces"], a["Lebanon"])]
    assert quote[0][2]["weight"] == 1 and quote[0][2]["documents"] == 3  # one quote told three times
    node = G.nodes[a["Hezbollah"]]
    assert node["name"] == "حزب الله" and node["actor_code"] == "LBNREB" and node["country"] == "LBN"


def test_filters(corpus) -> None:
    store, _ = corpus
    a = ids(store)
    G = build_network(store, actor_ids=[a["Morocco"]])
    assert set(G.nodes) == {a["Morocco"], a["Mauritania"]}
    kinds, types = parse_types(["assault"])
    G = build_network(store, kinds=kinds, event_types=types)
    assert {d["type"] for _, _, d in G.edges(data=True)} == {"ASSAULT"}
    kinds, types = parse_types(["comention,quote"])
    assert kinds == {"comention", "quote"} and types is None
    G = build_network(store, kinds=kinds)
    assert {d["kind"] for _, _, d in G.edges(data=True)} == {"comention", "quote"}
    G = build_network(store, since="2024-05-01", kinds={"event"})
    assert {d["type"] for _, _, d in G.edges(data=True)} == {"ASSAULT", "AGREE"}
    G = build_network(store, until="2024-04", kinds={"event"})
    assert {d["type"] for _, _, d in G.edges(data=True)} == {"THREATEN"}


def test_writers_round_trip_without_none(corpus) -> None:
    store, _ = corpus
    G = build_network(store)
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        buf = io.BytesIO()
        write_network(G, fmt, buf)
        assert b"None" not in buf.getvalue()
        buf.seek(0)
        H = read(buf)
        assert H.number_of_nodes() == G.number_of_nodes() and H.number_of_edges() == G.number_of_edges()
    buf = io.BytesIO()
    write_network(G, "json", buf)
    data = json.loads(buf.getvalue())
    assert len(data["nodes"]) == G.number_of_nodes() and len(data["edges"]) == G.number_of_edges()


def marsad(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], capture_output=True, text=True)


def test_cli_graphml_parses_and_actor_filter(corpus, tmp_path: Path) -> None:
    store, _ = corpus
    a = ids(store)
    out = tmp_path / "net.graphml"
    r = marsad("network", "--db", store.path, "--format", "graphml", "-o", str(out))
    assert r.returncode == 0, r.stderr
    G = nx.read_graphml(out)
    assert G.is_directed()
    found = [(u, v, d) for u, v, d in G.edges(data=True) if d.get("type") == "ASSAULT"]
    assert [(u, v) for u, v, _ in found] == [(str(a["Israeli Defense Forces"]), str(a["Hezbollah"]))]
    assert found[0][2]["weight"] == 1 and found[0][2]["date"] == "2024-05-01"
    assert G.nodes[str(a["Hezbollah"])]["name_en"] == "Hezbollah"
    # --actor by any spelling; JSON on stdout
    r = marsad("network", "--db", store.path, "--actor", "المغرب", "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert {n["name_en"] for n in data["nodes"]} == {"Morocco", "Mauritania"}
    assert {e["type"] for e in data["edges"]} == {"AGREE", "comention"}
    r = marsad("network", "--db", store.path, "--type", "THREATEN", "--format", "gexf")
    assert r.returncode == 0 and nx.read_gexf(io.BytesIO(r.stdout.encode("utf-8"))).number_of_edges() == 1
    assert marsad("network", "--db", store.path, "--actor", "لا أحد بهذا الاسم").returncode == 1
