"""A change made at another desk (or by `sopdesk case complete` from the command line) shows
in Kotak Masuk and its count within seconds: the Ketua's completion of a returned step left
the Kasubag's list as it was for up to a minute (Xvfb, /tmp/h4/s/25_cli_change.png)."""

from __future__ import annotations

from test_gui_inbox import waiting_at_kasubag

from sopdesk.gui.context import GuiContext
from sopdesk.gui.desk_changes import DeskChanges


def window_of(qtbot, ws, actor):  # noqa: ANN001, ANN201
    from sopdesk.gui.main_window import MainWindow

    window = MainWindow(GuiContext(ws, actor))
    qtbot.addWidget(window)
    window.backup_on_exit = False
    window.show()
    qtbot.waitExposed(window)
    return window


def test_another_desks_completion_shows_at_the_next_look(qtbot, ws, staff, clock):
    waiting_at_kasubag(ws, staff, 1, clock)
    window = window_of(qtbot, ws, staff["Kasubag"])
    inbox = window.page("inbox")
    assert inbox.model.total == 1 and window.nav.item(0).text() == "Kotak Masuk (1)"
    assert not window.desk_changes.look()  # nothing changed: nothing reloaded
    assert window.desk_changes.timer.isActive()
    assert window.desk_changes.timer.interval() <= 5_000

    waiting_at_kasubag(ws, staff, 2, clock)  # the engine, as another process: no data_changed here
    assert inbox.model.total == 1  # not yet looked
    with qtbot.waitSignal(window.ctx.elsewhere_changed, timeout=1000):  # an open step form asks
        assert window.desk_changes.look()
    assert inbox.model.total == 3
    assert window.nav.item(0).text() == "Kotak Masuk (3)"


def test_this_desks_own_change_is_not_reloaded_twice(qtbot, ws, staff, clock):
    waiting_at_kasubag(ws, staff, 1, clock)
    window = window_of(qtbot, ws, staff["Kasubag"])
    waiting_at_kasubag(ws, staff, 1, clock)
    window.ctx.data_changed.emit()  # as an Operation of this window says after its change
    assert not window.desk_changes.look()


def test_a_hidden_window_asks_nothing(qtbot, ws, staff, clock):
    window = window_of(qtbot, ws, staff["Kasubag"])
    window.hide()
    waiting_at_kasubag(ws, staff, 1, clock)
    reloads = []
    watch = DeskChanges(window, ws, lambda: reloads.append(1), lambda: None)
    waiting_at_kasubag(ws, staff, 1, clock)
    assert not watch.look() and not reloads
    window.show()
    assert watch.look() and reloads == [1]


def test_the_letters_follow_and_the_catalog_is_not_rebuilt(qtbot, ws, staff, clock):
    """The registers refresh in place; Katalog SOP, which only rebuilds (its diagram back at
    the top), waits for F5."""
    from sopdesk.engine import letters

    window = window_of(qtbot, ws, staff["Kasubag"])
    window.go_to(window.PAGES.index("letters"))
    page = window.page("letters")
    letters.register_incoming(ws, staff["Staf"], letters.IncomingForm(sender="Bawaslu", subject="Undangan"))
    assert page.incoming_model.total == 0
    assert window.desk_changes.look()
    assert page.incoming_model.total == 1

    window.go_to(window.PAGES.index("catalog"))
    catalog = window.page("catalog")
    rebuilt = []
    catalog.reload = lambda: rebuilt.append(1)
    waiting_at_kasubag(ws, staff, 1, clock)
    assert window.desk_changes.look()
    assert not rebuilt
    assert window.nav.item(0).text() == "Kotak Masuk (1)"


def test_a_server_lost_is_reported_not_raised(qtbot, ws, staff, clock, monkeypatch):
    from sopdesk.engine import backups
    from sopdesk.errors import StoreUnreachable

    window = window_of(qtbot, ws, staff["Kasubag"])

    def unreachable(_ws):  # noqa: ANN001, ANN202
        raise StoreUnreachable("server tidak terjangkau")

    monkeypatch.setattr(backups, "audit_position", unreachable)
    lost, reloads = [], []
    watch = DeskChanges(window, ws, lambda: reloads.append(1), lambda: lost.append(1))  # built while lost
    assert watch.position is None
    assert not watch.look() and lost == [1] and not reloads
    monkeypatch.undo()
    assert watch.look() and reloads == [1]  # back: what changed meanwhile is shown


def test_a_register_read_further_down_stays_there(qtbot, ws, staff, clock):
    """The letters refresh at every change of another desk: the list the clerk scrolled down
    must not jump back to its selected line each time."""
    from sopdesk.engine import letters

    for n in range(60):
        letters.register_incoming(ws, staff["Staf"], letters.IncomingForm(sender=f"Pengirim {n}",
                                                                          subject=f"Perihal {n}"))
    window = window_of(qtbot, ws, staff["Kasubag"])
    window.go_to(window.PAGES.index("letters"))
    page = window.page("letters")
    table = page.incoming_table
    qtbot.waitUntil(lambda: table.verticalScrollBar().maximum() > 0)
    table.selectRow(0)
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum())
    scrolled = table.verticalScrollBar().value()
    letters.register_incoming(ws, staff["Staf"], letters.IncomingForm(sender="Bawaslu", subject="Undangan"))
    assert window.desk_changes.look()
    assert page.incoming_model.total == 61
    assert table.verticalScrollBar().value() >= scrolled - table.rowHeight(0)  # one new line above, at most
    assert page.selected_letter() is not None
