"""gui.operation: an engine command on the worker thread (both stores), its refusal in place,
its result to the screen, one announcement; no double submit; a screen without a worker."""

from __future__ import annotations

import threading

import pytest
from helpers.ops import wait_for_ops
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget

from sopdesk.engine import cases, queries
from sopdesk.errors import FieldError, UserError
from sopdesk.gui import operation
from sopdesk.gui.context import GuiContext
from sopdesk.gui.messages import error_label
from sopdesk.gui.operation import Operation
from sopdesk.gui.worker import Worker


class Form(QWidget):
    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.edit = QLineEdit()
        self.button = QPushButton("Simpan")
        self.error = error_label()
        for widget in (self.edit, self.button, self.error):
            layout.addWidget(widget)


@pytest.fixture
def ctx(qtbot, ws, staff):
    ctx = GuiContext(ws, staff["Help Desk"])
    ctx.worker = Worker()
    yield ctx
    wait_for_ops(qtbot)
    ctx.worker.stop()


@pytest.fixture
def form(qtbot):
    form = Form()
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


@pytest.mark.parametrize("store", ["sqlite", "postgresql"], indirect=True)
def test_a_command_runs_on_the_worker_and_the_screen_gets_its_result(qtbot, ctx, form, ws):
    threads, results, announced = [], [], []
    ctx.data_changed.connect(lambda: announced.append(results[:]))
    release = threading.Event()

    def start() -> str:
        threads.append(threading.current_thread())
        release.wait(10)
        return cases.start_case(ws, ctx.actor, "PP", "Permohonan lewat operasi", entry="tamu")

    form.button.setFocus()
    assert Operation(form, ctx, start).disabling(form.button).success(results.append).run()
    assert operation.running(form) and not form.button.isEnabled()
    assert not Operation(form, ctx, start).run()  # no double submit
    release.set()
    wait_for_ops(qtbot)
    assert threads and threads[0] is not threading.main_thread()
    assert len(results) == 1 and queries.case_detail(ws, results[0], ctx.actor)["items"]
    assert announced == [[]]  # once, before the screen's callback
    assert form.button.isEnabled() and form.button.hasFocus()
    assert not operation.running(form)


def test_a_refusal_is_shown_in_place_with_its_field_focused(qtbot, ctx, form, monkeypatch):
    boxes = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: boxes.append(a))
    announced = []
    ctx.data_changed.connect(lambda: announced.append(1))

    def refuse() -> None:
        raise FieldError("nama", "Nama wajib diisi")

    form.button.setFocus()
    Operation(form, ctx, refuse).inline(form.error, {"nama": form.edit}).disabling(form.button).run()
    wait_for_ops(qtbot)
    assert form.error.isVisible() and form.error.text() == "Nama wajib diisi"
    assert form.edit.hasFocus()
    assert not boxes and not announced
    Operation(form, ctx, lambda: None).inline(form.error).run()
    assert form.error.isHidden()  # hidden when the next command starts
    wait_for_ops(qtbot)


def test_a_bug_is_logged_and_shown_as_an_internal_error(qtbot, ctx, form, monkeypatch, caplog):
    boxes = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: boxes.append(a[1:]))

    def broken() -> None:
        raise ZeroDivisionError("oops")

    Operation(form, ctx, broken).inline(form.error).titled("Judul").run()
    wait_for_ops(qtbot)
    assert boxes and boxes[0][0] == "Judul" and "kesalahan internal" in boxes[0][1]
    assert form.error.isHidden()
    assert "ZeroDivisionError" in caplog.text


def test_a_failure_callback_replaces_the_usual_display(qtbot, ctx, form):
    seen = []
    Operation(form, ctx, lambda: (_ for _ in ()).throw(UserError("Tidak boleh"))).failure(seen.append).run()
    wait_for_ops(qtbot)
    assert [str(exc) for exc in seen] == ["Tidak boleh"]


def test_a_screen_closed_meanwhile_is_left_alone_and_the_change_still_announced(qtbot, ctx, ws):
    form = Form()
    release = threading.Event()
    announced, called = [], []
    ctx.data_changed.connect(lambda: announced.append(1))
    Operation(form, ctx, lambda: release.wait(10)).disabling(form.button).success(called.append).run()
    form.deleteLater()
    qtbot.waitUntil(lambda: not operation.shiboken6.isValid(form), timeout=5_000)
    release.set()
    wait_for_ops(qtbot)
    assert announced == [1] and called == []


def test_without_a_worker_the_command_runs_at_once(ws, staff, form):
    ctx = GuiContext(ws, staff["Help Desk"])
    results, announced = [], []
    ctx.data_changed.connect(lambda: announced.append(1))
    Operation(form, ctx, lambda: 42).quiet().success(results.append).run()
    assert results == [42] and announced == [] and operation.pending() == 0


def test_an_operation_left_on_a_stopped_worker_is_not_waited_for(qtbot, ws, staff, form):
    ctx = GuiContext(ws, staff["Help Desk"])
    ctx.worker = Worker()
    release = threading.Event()
    Operation(form, ctx, lambda: release.wait(10)).run()
    Operation(QWidget(), ctx, lambda: None).run()  # queued behind the first: never runs
    ctx.worker.stop(wait=False)  # the window closed
    release.set()
    qtbot.waitUntil(lambda: ctx.worker.finished_all, timeout=10_000)
    wait_for_ops(qtbot, timeout=5_000)
    assert operation.pending() == 0


def test_a_dialog_stays_while_its_command_runs_and_closes_when_done(qtbot, ctx, ws, staff, monkeypatch):
    """Esc (or Tutup) during the command does not close the dialog: the change would still be made."""
    from sopdesk.engine import corrections, letters
    from sopdesk.engine.letter_agenda import incoming_page
    from sopdesk.gui.correction_dialog import VoidDialog

    letters.register_incoming(ws, staff["Help Desk"], letters.IncomingForm(sender="LSM", subject="Permohonan data"))
    [row] = incoming_page(ws, viewer=staff["Help Desk"])
    release = threading.Event()
    real = corrections.void_incoming

    def slow_void(*args):  # noqa: ANN002, ANN202
        release.wait(10)
        return real(*args)

    monkeypatch.setattr(corrections, "void_incoming", slow_void)
    dialog = VoidDialog(ctx, row)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reason.setText("Salah catat")
    dialog.submit()
    assert operation.running(dialog) and not dialog.ok_button.isEnabled()
    dialog.reject()
    assert dialog.isVisible()
    release.set()
    wait_for_ops(qtbot)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.result_value is not None
