"""Timelines: an actor's events and quotes by date; the plot is a real PNG."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.corpus.stories import assign_stories
from marsad.corpus.timeline import actor_timeline, plot_timeline
from test_stories import build_corpus, late_duplicate


@pytest.fixture()
def corpus(tmp_path: Path):
    store, docs = build_corpus(tmp_path / "t.db")
    store.add(late_duplicate())
    assign_stories(store)
    yield store, docs
    store.close()


def test_events_and_quotes_in_date_order(corpus) -> None:
    store, docs = corpus
    israel = store.find_actors("الجيش الإسرائيلي")
    items = actor_timeline(store, israel)
    assert [(it["date"], it["type"]) for it in items] == [
        ("2024-04-20", "THREATEN"), ("2024-05-01", "ASSAULT"), ("2024-05-01", "QUOTE")]
    threat, assault, quote = items
    assert threat["role"] == "target" and threat["source_actor"]["name_en"] == "Hezbollah"
    assert assault["role"] == "source" and len(assault["documents"]) == 3  # once, though told three times
    assert "غارات" in assault["text"]
    assert quote["text"].startswith("الغارات جاءت") and [a["name_en"] for a in quote["about"]] == ["Lebanon"]
    # --with: only what involves both
    hez = store.find_actors("Hezbollah")
    assert [it["type"] for it in actor_timeline(store, israel, hez)] == ["THREATEN", "ASSAULT"]
    assert [it["type"] for it in actor_timeline(store, israel, store.find_actors("Lebanon"))] == ["QUOTE"]
    assert actor_timeline(store, israel, store.find_actors("Morocco")) == []


def test_plot_is_a_png(corpus, tmp_path: Path) -> None:
    store, _ = corpus
    out = tmp_path / "t.png"
    assert plot_timeline(actor_timeline(store, store.find_actors("ISRMIL")), str(out), "Israeli Defense Forces") == 3
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 1024
    empty = tmp_path / "e.png"
    plot_timeline([], str(empty), "nothing")
    assert empty.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def marsad(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], capture_output=True, text=True)


def test_cli_timeline_text_json_plot(corpus, tmp_path: Path) -> None:
    store, _ = corpus
    png = tmp_path / "timeline.png"
    r = marsad("timeline", "حزب", "الله", "--db", store.path, "--plot", str(png))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("حزب الله (Hezbollah): 2 events")
    dated = [ln[:10] for ln in lines[1:] if ln[:4].isdigit()]
    assert dated == sorted(dated) == ["2024-04-20", "2024-05-01"]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 1024
    r = marsad("timeline", "Hezbollah", "--with", "Israeli Defense Forces", "--db", store.path, "--format", "json")
    assert r.returncode == 0, r.stderr
    assert [json.loads(x)["type"] for x in r.stdout.splitlines()] == ["THREATEN", "ASSAULT"]
    assert marsad("timeline", "Nobody", "--db", store.path).returncode == 1
