"""What one refresh of the main window reads: the inbox counts once, shared by the role bar,
the navigation's "Kotak Masuk (n)" and Kotak Masuk's own summary (each read them on its own, ~5
ms of the GUI thread apiece on the office of 100,000 cases), and never the office profile, read
for the window title only when a change touched it (an administrator's edit here or at another
desk). Counted with a SQLAlchemy listener on every statement executed, so that a second read
cannot come back unnoticed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event
from test_gui_desk_changes import window_of
from test_gui_inbox import waiting_at_kasubag

from sopdesk.engine import commits
from sopdesk.engine import office as office_profile
from sopdesk.engine.changes import changes_since
from sopdesk.engine.workspace import Workspace


@contextmanager
def statements(ws: Workspace) -> Iterator[list[str]]:
    """The SQL of every statement executed through SQLAlchemy inside the block."""
    seen: list[str] = []

    def executed(_conn, _cursor, statement, *_args) -> None:  # noqa: ANN001
        seen.append(" ".join(statement.split()))

    event.listen(ws.db.engine, "before_cursor_execute", executed)
    try:
        yield seen
    finally:
        event.remove(ws.db.engine, "before_cursor_execute", executed)


def counts_reads(seen: list[str]) -> int:
    return sum(1 for sql in seen if "FROM work_item" in sql and "GROUP BY work_item.role" in sql)


def office_reads(seen: list[str]) -> int:
    return sum(1 for sql in seen if "FROM office" in sql)


def test_a_refresh_after_a_change_reads_the_counts_once_and_not_the_office(qtbot, ws, staff, clock):
    waiting_at_kasubag(ws, staff, 2, clock)
    window = window_of(qtbot, ws, staff["Kasubag"])
    inbox = window.page("inbox")
    with statements(ws) as seen:
        window.ctx.data_changed.emit()  # what an action of this desk emits once done
    assert counts_reads(seen) == 1, seen
    assert office_reads(seen) == 0, seen
    assert window.nav.item(0).text() == "Kotak Masuk (2)"
    assert inbox.summary.text().startswith("2 pekerjaan ditampilkan dari 2")

    clock.advance(hours=2)  # both waiting items late now: the counts are read again
    with statements(ws) as seen:
        window.reload_page()  # F5
    assert counts_reads(seen) == 1 and office_reads(seen) == 0, seen
    assert window.nav.item(0).text() == "Kotak Masuk (2) ⚠"
    assert inbox.summary.text().endswith("· 2 terlambat")


def test_the_clock_ticks_of_the_window_and_of_kotak_masuk_share_one_read(qtbot, ws, staff, clock):
    waiting_at_kasubag(ws, staff, 1, clock, minutes=10)
    window = window_of(qtbot, ws, staff["Kasubag"])
    inbox = window.page("inbox")
    clock.advance(minutes=25)  # the item (30 minutes) turns late 5 minutes from here
    with statements(ws) as seen:
        window.clock_timer.timeout.emit()
        inbox.clock_timer.timeout.emit()
    assert counts_reads(seen) == 1 and office_reads(seen) == 0, seen
    clock.advance(minutes=6)
    with statements(ws) as seen:
        window.clock_timer.timeout.emit()
        inbox.clock_timer.timeout.emit()
    assert counts_reads(seen) == 1, seen
    assert window.nav.item(0).text() == "Kotak Masuk (1) ⚠"
    assert inbox.summary.text().endswith("· 1 terlambat")


def test_a_change_written_without_a_signal_is_counted_at_the_next_refresh(qtbot, ws, staff, clock):
    """The engine's commit counter: a write of this process (a test, a printout's job) makes the
    next refresh read again, although nothing said the data changed."""
    window = window_of(qtbot, ws, staff["Kasubag"])
    inbox = window.page("inbox")
    assert window.nav.item(0).text() == "Kotak Masuk (0)"
    before = commits.committed(ws)
    waiting_at_kasubag(ws, staff, 1, clock, minutes=0)
    assert commits.committed(ws) > before
    inbox.refresh()
    window.refresh_counts()
    assert window.nav.item(0).text() == "Kotak Masuk (1)"
    assert inbox.summary.text().startswith("1 pekerjaan ditampilkan dari 1")


def test_the_title_names_the_office_again_after_an_administrator_renamed_it(qtbot, ws, admin, staff, clock):
    window = window_of(qtbot, ws, staff["Kasubag"])
    old = office_profile.profile(ws).name
    assert f" — {old} — kasubag" in window.windowTitle()
    # in Pengaturan on this desk: the operation emits data_changed once saved
    office_profile.update_profile(ws, admin, name="KPU Kabupaten Kupang")
    window.ctx.data_changed.emit()
    assert " — KPU Kabupaten Kupang — kasubag sebagai " in window.windowTitle()
    # at another desk: the window hears of it at its next look
    office_profile.update_profile(ws, admin, name="KPU Kota Kupang Baru")
    assert window.desk_changes.look()
    assert " — KPU Kota Kupang Baru — kasubag sebagai " in window.windowTitle()
    waiting_at_kasubag(ws, staff, 1, clock)  # a change elsewhere that leaves the profile alone
    with statements(ws) as seen:
        assert window.desk_changes.look()
    assert office_reads(seen) == 0, seen
    assert window.nav.item(0).text() == "Kotak Masuk (1)"


@pytest.mark.both_stores
def test_changes_since_says_what_kind_of_change_moved_the_counter(ws, admin):
    first = changes_since(ws, 0)
    assert first.position > 0 and "setup" in first.actions and first.touch_office()
    assert changes_since(ws, first.position).actions == frozenset()
    assert changes_since(ws, first.position).position == first.position
    office_profile.update_profile(ws, admin, name="KPU Kabupaten Kupang")
    after = changes_since(ws, first.position)
    assert after.position > first.position and after.actions == {"office_updated"} and after.touch_office()
    assert changes_since(ws, after.position + 1000).position == after.position  # a restore went back
