"""The command line end to end, as a user runs it."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
if not SEEDS.exists():
    SEEDS = Path("/work/shared/seeds")


def marsad(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "news"
    d.mkdir()
    (d / "one.txt").write_text("زيارة وزير الدفاع إلى أنقرة\n\nوصل وزير الدفاع السوري إلى أنقرة اليوم في زيارة رسمية.\n\nاقرأ أيضا:\nعنوان خبر آخر لا علاقة له\n\nوقال الوزير إن المحادثات كانت مثمرة.", encoding="utf-8")
    (d / "two.txt").write_text("حماس ترحب بالوساطة المصرية\n\nرحبت حركة حماس بالوساطة المصرية وقالت إنها تدرس المقترح.", encoding="utf-8")
    (d / "empty.txt").write_text("   \n", encoding="utf-8")
    return d


def test_extract_json_contract(corpus: Path) -> None:
    r = marsad("extract", str(corpus / "one.txt"), "--format", "json")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().split("\n")
    assert len(lines) == 1
    doc = json.loads(lines[0])
    for key in ("id", "path", "title", "source", "url", "published", "language", "text",
                "entities", "quotes", "events", "frames"):
        assert key in doc
    assert doc["title"] == "زيارة وزير الدفاع إلى أنقرة"
    assert "عنوان خبر آخر" not in doc["text"]  # "read also" + its headline are dropped
    assert "وقال الوزير إن المحادثات كانت مثمرة." in doc["text"]
    assert len(doc["id"]) == 16


def test_extract_text_format(corpus: Path) -> None:
    r = marsad("extract", str(corpus / "two.txt"))
    assert r.returncode == 0
    assert r.stdout.startswith("# حماس ترحب بالوساطة المصرية")


def test_ingest_reports_counts_and_bad_files(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    r = marsad("ingest", str(corpus), "--db", db, "-q")
    assert r.returncode == 1  # one file failed
    assert r.stdout.strip().endswith("2 new, 0 already present, 1 failed")
    assert "empty.txt" in r.stderr
    r = marsad("ingest", str(corpus / "one.txt"), str(corpus / "two.txt"), "--db", db, "-q")
    assert r.returncode == 0
    assert r.stdout.strip() == "0 new, 2 already present, 0 failed"
    r = marsad("search", "انقرة", "--db", db)
    assert "زيارة وزير الدفاع إلى أنقرة" in r.stdout


def test_search_without_db(tmp_path: Path) -> None:
    r = marsad("search", "بغداد", "--db", str(tmp_path / "none.db"))
    assert r.returncode == 2 and "none.db" in r.stderr


@pytest.mark.skipif(not SEEDS.exists(), reason="seed articles not available")
def test_ingest_seeds_and_find_khamenei_spellings(tmp_path: Path) -> None:
    db = str(tmp_path / "seeds.db")
    r = marsad("ingest", str(SEEDS), "--db", db, "-q")
    assert r.returncode == 0, r.stderr
    results = {}
    for q in ("الخامنئی", "الخامنئي", "خامنئي"):
        out = marsad("search", q, "--db", db, "--format", "json").stdout
        results[q] = {json.loads(x)["id"] for x in out.strip().split("\n") if x}
    assert results["الخامنئی"] == results["الخامنئي"] == results["خامنئي"]
    assert len(results["خامنئي"]) >= 2  # two seeds name him, spelled differently


@pytest.mark.parametrize("name, body, message", [
    ("cp1256.tsv", "خالد الفالح\tKhalid al-Falih\tPER\tSAUGOV\n".encode("cp1256"), "not UTF-8 text"),
    ("typo.tsv", "خالد الفالح\tKhalid al-Falih\tPERSON\tSAUGOV\n".encode("utf-8"), "unknown type"),
    ("utf16.yaml", "- name: خالد الفالح\n  type: PER\n".encode("utf-16"), "not UTF-8 text"),
])
def test_bad_user_actor_file_is_one_clear_line(corpus: Path, tmp_path: Path, name: str, body: bytes,
                                               message: str) -> None:
    """A user dictionary in the wrong encoding or with a bad row stops the command before any
    document is read, with one line that names the file (no traceback)."""
    bad = tmp_path / name
    bad.write_bytes(body)
    for cmd in (["extract", str(corpus / "one.txt")], ["ingest", str(corpus), "--db", str(tmp_path / "m.db")]):
        r = marsad(*cmd, "--actors", str(bad))
        assert r.returncode != 0
        assert "Traceback" not in r.stderr
        assert str(bad) in r.stderr and message in r.stderr
        assert r.stdout == ""
