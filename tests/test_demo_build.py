"""`sopdesk demo` (issue #15): written in batches with its progress shown, and what it writes is
an office like any other: the audit chain and every sealed record check out, the cases are
found, counted and searched. Its seals are made from the values written (engine.demo_rows),
so `check` comparing every record with them is what proves them; on SQLite the case search index
is built once at the end, its insert trigger put back as it was."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import text

from sopdesk.cli.main import main
from sopdesk.engine import demo, integrity, queries
from sopdesk.engine.workspace import Workspace


def test_the_demo_reports_its_progress_and_checks_out(ws, monkeypatch):
    monkeypatch.setattr(demo, "FLUSH_EVERY", 60)  # several batches from a small office
    seen: list[tuple[int, int]] = []
    summary = demo.build_demo(ws, cases=250, seed=2, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(60, 250), (120, 250), (180, 250), (240, 250), (250, 250)]
    total = queries.cases_total(ws)
    assert summary.startswith(f"{total} kasus contoh dibuat")
    assert 200 < total <= 250  # starts in the future (after now) are left out
    report = integrity.check(ws)
    assert report.ok, [finding.message for finding in report.findings]
    assert report.checked["audit_events"] > total  # every case started and walked, chained across batches
    assert report.checked["records"] > 5 * total  # every sealed row compared with its seal
    row = queries.cases_page(ws, limit=1)[0]
    assert queries.cases_page(ws, search=row.title[5:25], limit=500)  # found through the search index


def test_the_demo_command_shows_progress_on_stderr(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(demo, "FLUSH_EVERY", 40)
    monkeypatch.delenv("SOPDESK_DB", raising=False)
    assert main(["--data-dir", str(tmp_path / "contoh"), "demo", "--cases", "120", "--seed", "4"]) == 0
    out, err = capsys.readouterr()
    assert "kasus contoh dibuat" in out
    lines = [line for line in err.splitlines() if line.startswith("Membuat data contoh:")]
    assert lines[0] == "Membuat data contoh: 40 dari 120 kasus (33%)"
    assert lines[-1] == "Membuat data contoh: 120 dari 120 kasus (100%)"
    ws = Workspace.open(tmp_path / "contoh")
    try:
        assert queries.cases_total(ws) > 90
    finally:
        ws.close()


@pytest.mark.parametrize("cases", [1, 2])
def test_a_tiny_demo_still_ends_with_one_report(ws, cases):
    seen: list[tuple[int, int]] = []
    demo.build_demo(ws, cases=cases, seed=1, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(cases, cases)]


def _triggers(ws: Workspace) -> list[tuple[str, str]]:
    with ws.db.connect() as conn:
        return [(row[0], row[1]) for row in conn.execute(
            text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"))]


def _indexed(ws: Workspace) -> int:
    """Cases the search index finds by a word every demo title holds one of."""
    with ws.db.connect() as conn:
        found = conn.execute(text("SELECT count(*) FROM case_search WHERE case_search MATCH "
                                  "'Rapat OR Permohonan OR Usulan OR Pleno'")).scalar()
    return int(found or 0)


@pytest.mark.sqlite_only("the FTS5 search table and its triggers are SQLite's")
def test_the_search_trigger_is_back_as_it_was_and_later_cases_are_found(ws):
    before = _triggers(ws)
    assert "case_search_insert" in dict(before)
    demo.build_demo(ws, cases=80, seed=3)
    assert _triggers(ws) == before
    assert _indexed(ws) == queries.cases_total(ws)  # every demo case, indexed once at the end
    demo.build_demo(ws, cases=5, seed=4)  # a second demo into the same office
    assert _indexed(ws) == queries.cases_total(ws)
    assert integrity.check(ws).ok


@pytest.mark.sqlite_only("the FTS5 search table and its triggers are SQLite's")
def test_a_failed_demo_leaves_no_case_and_the_search_trigger_in_place(ws, monkeypatch):
    before = _triggers(ws)

    def broken(*_args: object) -> str:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(demo, "_seal_cases", broken)
    with pytest.raises(RuntimeError):
        demo.build_demo(ws, cases=30, seed=3)
    assert _triggers(ws) == before
    assert queries.cases_total(ws) == 0


WITA = timezone(timedelta(hours=8))


@pytest.mark.parametrize("moment", [
    datetime(2026, 12, 3, 8, 20, tzinfo=WITA),   # a Thursday just after opening (was empty: first steps only)
    datetime(2026, 12, 7, 7, 0, tzinfo=WITA),    # a Monday before opening
    datetime(2026, 12, 5, 12, 0, tzinfo=WITA),   # a Saturday
    datetime(2026, 12, 24, 23, 59, tzinfo=WITA),  # the eve of a holiday, late
])
def test_a_small_demo_has_kasubag_work_at_any_hour(ws, clock, moment):
    clock.now = moment.astimezone(timezone.utc)
    demo.build_demo(ws, cases=60, seed=7)
    kasubag = ws.login("kasubag", demo.demo_password())
    assert queries.inbox_total(ws, ["Kasubag"], kasubag.user_id) > 0
