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
from sopdesk.errors import UserError


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


def _indexes(ws: Workspace) -> list[tuple[str, str, str]]:
    with ws.db.connect() as conn:
        return [(row[0], row[1], row[2]) for row in conn.execute(
            text("SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"))]


@pytest.mark.sqlite_only("the indexes are built again after the insert on SQLite only")
def test_the_indexes_are_back_as_they_were_and_used(ws, monkeypatch):
    """The secondary indexes are left out while the cases are inserted and built again at the
    end from their SQL as stored (a failed demo leaves them as they were: the test below)."""
    before = _indexes(ws)
    assert ("work_item", "ix_work_item_inbox") in [(table, name) for table, name, _sql in before]
    monkeypatch.setattr(demo, "FLUSH_EVERY", 40)
    demo.build_demo(ws, cases=100, seed=3)
    assert _indexes(ws) == before
    with ws.db.connect() as conn:
        plan = " ".join(str(row[-1]) for row in conn.execute(text(
            "EXPLAIN QUERY PLAN SELECT id FROM work_item WHERE status = 'open' AND role = 'Kasubag' ORDER BY due_at")))
        assert "ix_work_item_inbox" in plan
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"  # every index holds every row


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
def test_a_failed_demo_leaves_no_case_and_the_search_trigger_and_indexes_in_place(ws, monkeypatch):
    before, indexes = _triggers(ws), _indexes(ws)

    def broken(*_args: object) -> str:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(demo, "seal_batch", broken)
    with pytest.raises(RuntimeError):
        demo.build_demo(ws, cases=30, seed=3, apart=False)
    assert _triggers(ws) == before
    assert _indexes(ws) == indexes
    assert queries.cases_total(ws) == 0


def _office(ws: Workspace) -> list[tuple[object, ...]]:
    """Every case, step, guest and case's audit event as stored."""
    with ws.db.connect() as conn:
        return [tuple(row) for query in (
            "SELECT id, number, title, status, started_at, closed_at FROM case_file ORDER BY id",
            "SELECT id, case_id, step_no, status, created_at, completed_at, assignee_id FROM work_item ORDER BY id",
            "SELECT id, name, id_number, case_id FROM visitor ORDER BY id",
            "SELECT kode, year, last FROM case_sequence ORDER BY kode, year",
            # (the hashes differ: the chain begins with the users' set-up, whose password hashes are salted)
            "SELECT id, at, action, case_id, work_item_id, detail, sealed FROM audit_event "
            "WHERE case_id IS NOT NULL ORDER BY id",
        ) for row in conn.execute(text(query))]


@pytest.mark.sqlite_only("two offices side by side; the worker on PostgreSQL: tests/test_demo_postgres.py")
def test_cases_made_in_a_worker_process_give_the_same_office(tmp_path, ws, clock, monkeypatch):
    """The worker (engine.demo_pipe) runs the same generation: row for row, seal for seal."""
    monkeypatch.setattr(demo, "FLUSH_EVERY", 70)  # several batches handed over
    other = Workspace.open(tmp_path / "apart", clock=clock)
    try:
        demo.build_demo(ws, cases=300, seed=5, apart=False)
        seen: list[tuple[int, int]] = []
        demo.build_demo(other, cases=300, seed=5, apart=True, progress=lambda done, total: seen.append((done, total)))
        assert seen == [(70, 300), (140, 300), (210, 300), (280, 300), (300, 300)]
        assert _office(other) == _office(ws)
        report = integrity.check(other)
        assert report.ok, [finding.message for finding in report.findings]
    finally:
        other.close()


def test_a_failing_worker_process_is_a_clear_error_and_leaves_no_case(ws, monkeypatch):
    real = demo._prepare_office

    def without_kasubag(*args: object) -> dict[str, int]:
        users = real(*args)  # type: ignore[arg-type]
        del users["Kasubag"]  # the worker's walk finds no user for the role
        return users

    monkeypatch.setattr(demo, "_prepare_office", without_kasubag)
    monkeypatch.setattr(demo, "FLUSH_EVERY", 50)
    with pytest.raises(UserError, match="Pembuatan data contoh gagal: KeyError: 'Kasubag'"):
        demo.build_demo(ws, cases=200, seed=3)  # several batches: made apart by default
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



@pytest.mark.sqlite_only("the case list's trigram groups are SQLite's")
def test_the_demo_fills_the_trigram_groups_its_cases_need(ws):
    """The demo leaves the trigram insert trigger out and fills the groups once at the end. Each
    case's number, title and requester have every three-letter piece in its SOP's group and its
    title's group, as the trigger writes them, so a broad search sorted by SOP or title skips no
    group that holds the word (a missing piece would hide the group's cases); the trigger is back."""
    before = dict(_triggers(ws))
    assert "case_trigram_insert" in before
    demo.build_demo(ws, cases=60, seed=5)
    assert dict(_triggers(ws)) == before
    with ws.db.connect() as conn:
        have = {(row[0], row[1]) for row in conn.execute(text("SELECT grp, trigram FROM case_trigram"))}
        cases = list(conn.execute(text("SELECT sop_kode, lower(number), lower(title), lower(requester) "
                                       "FROM case_file")))
    assert len(cases) == 60
    for sop, *texts in cases:
        title = texts[1]
        for group in (f"s{sop}", f"t{title[:3]}"):
            for piece in texts:
                for n in range(len(piece or "") - 2):
                    assert (group, piece[n:n + 3]) in have, (group, piece)
