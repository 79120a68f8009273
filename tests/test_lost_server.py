"""A lost database server: a real PostgreSQL cluster switched off in the middle of a session
(pg_ctl stop -m fast) and started again. The engine says one sentence (StoreUnreachable, never
an internal error) and works again after the restart; the window shows one banner, the step
form keeps what was typed on this PC, and everything comes back by itself.
(The CLI's sentence: tests/test_connection.py.)"""

from __future__ import annotations

import pytest
from helpers.pg_cluster import DESK_PASSWORD, Cluster
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QMessageBox, QPushButton

from sopdesk.engine import cases, letters, local_drafts, queries
from sopdesk.engine.cases import StepInput
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import StoreUnreachable
from sopdesk.gui.context import GuiContext
from sopdesk.gui.main_window import MainWindow
from sopdesk.gui.step_form import StepFormDialog


@pytest.fixture(scope="module")
def cluster():
    server = Cluster()
    yield server
    server.close()


@pytest.fixture
def ws(cluster, data_dir, clock, monkeypatch, request):
    """The office on the cluster (overrides the SQLite workspace of conftest)."""
    monkeypatch.setenv("SOPDESK_DB_PASSWORD", DESK_PASSWORD)
    name = "kantor_" + request.node.name.removeprefix("test_")[:40]
    workspace = Workspace.open(data_dir, cluster.new_database(name), clock=clock)
    yield workspace
    workspace.close()


@pytest.fixture
def switched_off(cluster):
    """Call it to switch the server off; it is on again after the test whatever happens."""
    yield cluster.stop
    cluster.start()


def case_at_step_6(ws, staff) -> str:
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan salinan DPT", entry="surat",
                              requester="Maria Lende")
    cases.complete(ws, staff["Help Desk"], number, StepInput(), step=5)
    return number


def test_engine_says_the_server_is_unreachable_and_works_again_after_restart(cluster, ws, staff, switched_off):
    number = case_at_step_6(ws, staff)
    switched_off()
    with pytest.raises(StoreUnreachable) as lost:
        queries.case_detail(ws, number)
    assert str(lost.value).startswith("Server basis data tidak terjangkau")
    with pytest.raises(StoreUnreachable):
        cases.complete(ws, staff["Komisioner"], number, StepInput(note="x"), step=6)
    with pytest.raises(StoreUnreachable):
        ws.db.ping()
    with pytest.raises(StoreUnreachable):  # a raw Core read (Database.connect), no longer bypassing it
        queries.cases_total(ws)
    with pytest.raises(StoreUnreachable):
        letters.incoming_total(ws)
    cluster.start()
    # the same workspace, its pool holding connections of the old server: replaced unnoticed
    done = cases.complete(ws, staff["Komisioner"], number, StepInput(note="sesudah server hidup lagi"), step=6)
    assert done.next_step == 7


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def visible_button(dialog, text: str) -> QPushButton:
    found = [b for b in dialog.findChildren(QPushButton) if b.text() == text and b.isVisible()]
    assert len(found) == 1, [b.text() for b in dialog.findChildren(QPushButton)]
    return found[0]


def test_window_shows_a_banner_keeps_the_form_on_this_pc_and_recovers(qtbot, cluster, ws, staff, switched_off,
                                                                       monkeypatch, data_dir):
    dialogs: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: dialogs.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: dialogs.append(text))
    monkeypatch.setattr(MainWindow, "RETRY_MS", 200)
    number = case_at_step_6(ws, staff)
    komisioner = staff["Komisioner"]
    window = MainWindow(GuiContext(ws, komisioner))
    qtbot.addWidget(window)
    window.show()
    banner = window.server_banner
    assert not banner.isVisible()

    form = StepFormDialog(window.ctx, number, window)
    qtbot.addWidget(form)
    form.show()
    click(qtbot, form.kelengkapan_rows["Surat Masuk"].check)
    qtbot.keyClicks(form.output_rows["Disposisi Surat"].number, "045/PP.01/5371/III/2026")
    qtbot.keyClicks(form.note_edit, "Segera diproses, salinan DPT kelurahan Oebobo")

    switched_off()
    click(qtbot, visible_button(form, "Selesai"))

    qtbot.waitUntil(banner.isVisible, timeout=5_000)
    assert banner.text() == "Server basis data tidak terjangkau; mencoba lagi..."
    assert form.isVisible()  # nothing lost: the form stays with what was typed ...
    assert form.note_edit.toPlainText() == "Segera diproses, salinan DPT kelurahan Oebobo"
    status = form.findChild(type(form.status_label), "statusLabel").text()
    assert "isian disimpan di PC ini" in status
    kept = local_drafts.load(data_dir, number, 6, komisioner.username)  # ... and is kept on this PC
    assert kept is not None and kept.data.note == "Segera diproses, salinan DPT kelurahan Oebobo"
    window.refresh_counts()  # the minute tick while the server is off: still the banner, no error
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # a screen not built yet
    assert window.nav.currentRow() == 0  # it cannot be built now: the window stays where it was
    qtbot.wait(700)  # a few probes fail: the banner stays
    assert banner.isVisible()
    assert dialogs == []  # no dialog, no internal error
    form.reject()  # the clerk closes the form (or sopdesk) while the server is off

    cluster.start()
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=15_000)
    assert "tersambung kembali" in window.statusBar().currentMessage()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.nav.currentRow() == 3  # with the server back the screen opens
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)

    same_session = StepFormDialog(window.ctx, number, window)  # this session kept the typing itself
    qtbot.addWidget(same_session)
    same_session.show()
    assert same_session.note_edit.toPlainText() == "Segera diproses, salinan DPT kelurahan Oebobo"
    assert not same_session.findChild(QFrame, "localDraftBar").isVisible()  # the same typing: not offered twice
    same_session.reject()
    window.ctx.unsaved_forms.clear()  # as at the next start of sopdesk: only the copy on this PC is left

    again = StepFormDialog(window.ctx, number, window)
    qtbot.addWidget(again)
    again.show()
    bar = again.findChild(QFrame, "localDraftBar")
    assert bar is not None and bar.isVisible()
    assert again.note_edit.toPlainText() == ""  # offered, not forced
    click(qtbot, visible_button(again, "Pakai isian itu"))
    assert not bar.isVisible()
    assert again.note_edit.toPlainText() == "Segera diproses, salinan DPT kelurahan Oebobo"
    assert again.kelengkapan_rows["Surat Masuk"].check.isChecked()
    assert again.output_rows["Disposisi Surat"].number.text() == "045/PP.01/5371/III/2026"
    click(qtbot, visible_button(again, "Selesai"))
    qtbot.waitUntil(lambda: again.completed is not None, timeout=15_000)  # completed on the window's worker
    assert again.completed.next_step == 7
    assert local_drafts.load(data_dir, number, 6, komisioner.username) is None
    assert dialogs == []
    window.close()
