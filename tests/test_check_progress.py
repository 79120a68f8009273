"""The long checks tell how far they have read (engine.record_check.Tally): the start-up check
(integrity.verify_whole_chain), `sopdesk check` and a restore's checks of the backup
(restore_checks.check_chain) call a progress callback with (events and rows read, in all),
every record_check.TICK rows, rising to (total, total) at the end; a callback that raises
integrity.CheckStopped stops the start-up check where it is, holding nothing."""

from __future__ import annotations

import pytest

from sopdesk.engine import backups, cases, integrity, record_check, tamper

pytestmark = pytest.mark.both_stores


@pytest.fixture
def office(ws, admin, staff, monkeypatch):  # noqa: ANN001, ANN201
    for n in range(3):
        cases.start_case(ws, staff["Sekretaris"], "TKS", f"Pleno mingguan {n}")
    monkeypatch.setattr(record_check, "TICK", 3)  # many calls from a small office
    return ws


def _rises_to_the_end(calls: list[tuple[int, int]]) -> None:
    assert len(calls) > 5
    done = [d for d, _t in calls]
    assert done == sorted(done)
    assert all(0 < d <= t for d, t in calls)
    assert calls[-1][0] == calls[-1][1]


def test_the_start_up_check_reports_its_progress_to_the_end(office):
    calls: list[tuple[int, int]] = []
    assert integrity.verify_whole_chain(office, progress=lambda d, t: calls.append((d, t))) == []
    _rises_to_the_end(calls)


def test_the_full_check_reports_its_progress_to_the_end(office):
    calls: list[tuple[int, int]] = []
    assert integrity.check(office, progress=lambda d, t: calls.append((d, t))).ok
    _rises_to_the_end(calls)


@pytest.mark.parametrize("where", ["chain", "records"])
def test_a_progress_that_raises_check_stopped_stops_the_check_and_holds_nothing(office, where):
    events = integrity.Report()
    integrity.check_audit_chain(office, events)
    chain_calls = events.checked["audit_events"] // record_check.TICK
    stop_at = 2 if where == "chain" else chain_calls + 3  # while the events, or the records, are read
    calls: list[tuple[int, int]] = []

    def stop(done: int, total: int) -> None:
        calls.append((done, total))
        if len(calls) == stop_at:
            raise integrity.CheckStopped

    with pytest.raises(integrity.CheckStopped):
        integrity.verify_whole_chain(office, progress=stop)
    assert len(calls) == stop_at
    assert tamper.read_hold(office.data_dir) is None


def test_a_restore_reports_how_far_its_checks_of_the_backup_have_read(office, admin):
    archive = backups.backup(office, admin)
    calls: list[tuple[int, int]] = []
    stages: list[str] = []
    backups.restore_backup(office, admin, archive, stage=stages.append,
                           progress=lambda d, t: calls.append((d, t)))
    _rises_to_the_end(calls)
    assert stages.index("verify_chain") < stages.index("set_aside")
