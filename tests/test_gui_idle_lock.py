"""The window locks after the idle period and opens again only with the user's password."""

from conftest import PASSWORD
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog

from sopdesk.gui import idle_lock
from sopdesk.gui.context import GuiContext
from sopdesk.gui.main_window import MainWindow


def make_window(qtbot, ws, actor) -> MainWindow:  # noqa: ANN001
    window = MainWindow(GuiContext(ws, actor))
    qtbot.addWidget(window)
    window.show()
    return window


def test_idle_timer_follows_the_setting_and_restarts_on_input(qtbot, ws, admin):
    window = make_window(qtbot, ws, admin)
    lock = window.idle_lock
    lock.set_minutes(3)
    assert lock.timer.isActive() and lock.timer.interval() == 180_000
    lock.timer.start(50_000)  # pretend time went by
    event = QMouseEvent(QEvent.Type.MouseMove, QPointF(5, 5), QPointF(5, 5), Qt.MouseButton.NoButton,
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.nav.viewport(), event)
    assert lock.timer.remainingTime() > 170_000
    lock.set_minutes(0)
    assert not lock.timer.isActive()


def test_locked_window_hides_its_content_until_the_right_password(qtbot, ws, admin, monkeypatch):
    window = make_window(qtbot, ws, admin)
    seen = {}

    def answer(dialog):  # noqa: ANN001, ANN202 - stands in for the user at the modal dialog
        seen["hidden"] = not window.centralWidget().isVisible()
        dialog.password.setText("salah-sekali")
        dialog._unlock()
        seen["error"] = dialog.error.text()
        dialog.password.setText(PASSWORD)
        dialog._unlock()
        return dialog.result()

    monkeypatch.setattr(idle_lock.UnlockDialog, "exec", answer)
    window.idle_lock.lock()
    assert seen["hidden"]
    assert "salah" in seen["error"]
    assert window.centralWidget().isVisible() and not window.idle_lock.is_locked


def test_leaving_the_lock_closes_the_window(qtbot, ws, admin, monkeypatch):
    window = make_window(qtbot, ws, admin)
    monkeypatch.setattr(idle_lock.UnlockDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    window.idle_lock.lock()
    assert not window.isVisible()
