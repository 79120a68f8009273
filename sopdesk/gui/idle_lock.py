"""Lock the window after a period without keyboard or mouse input: the screen is hidden
until the same user types the password again (or another user signs out this one)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from sopdesk.errors import UserError
from sopdesk.gui.context import GuiContext
from sopdesk.gui.messages import ERROR_STYLE

SETTINGS_KEY = "security/idle_minutes"
DEFAULT_MINUTES = 10
INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}


def idle_minutes() -> int:
    try:
        stored = QSettings().value(SETTINGS_KEY, DEFAULT_MINUTES)
        value = int(stored) if isinstance(stored, (int, str)) else DEFAULT_MINUTES
    except (TypeError, ValueError):
        return DEFAULT_MINUTES
    return max(0, min(value, 240))


def save_idle_minutes(minutes: int) -> None:
    QSettings().setValue(SETTINGS_KEY, int(minutes))


class UnlockDialog(QDialog):
    SIGN_OUT = 2  # the result when the user chose "Ganti pengguna": another user signs in

    def __init__(self, ctx: GuiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("sopdesk terkunci"))
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        info = QLabel(self.tr("Layar dikunci karena tidak ada kegiatan. Masukkan kata sandi {0} untuk "
                              "melanjutkan.").format(ctx.actor.username))
        info.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Buka kunci"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Keluar dari sopdesk"))
        self.switch_button = buttons.addButton(self.tr("Ganti pengguna"), QDialogButtonBox.ButtonRole.ActionRole)
        self.switch_button.clicked.connect(lambda: self.done(self.SIGN_OUT))
        buttons.accepted.connect(self._unlock)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _unlock(self) -> None:
        try:
            self.ctx.ws.login(self.ctx.actor.username, self.password.text())  # counts failures, locks out
        except UserError as exc:
            self.error.setText(str(exc))
            self.password.clear()
            return
        self.accept()


class IdleLock(QObject):
    """Watches the application's input; after `minutes` without any, hides the window's
    content and asks for the password."""

    locked = Signal()
    unlocked = Signal()

    def __init__(self, window: QMainWindow, ctx: GuiContext, minutes: int | None = None):
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.is_locked = False
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.lock)
        self.set_minutes(idle_minutes() if minutes is None else minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        if minutes > 0:
            self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in INPUT_EVENTS and not self.is_locked and self.minutes > 0:
            self.timer.start(self.minutes * 60_000)
        return False

    def lock(self) -> None:
        if self.is_locked:
            return
        self.is_locked = True
        for widget in self._hidden():
            widget.hide()
        self.locked.emit()
        dialog = UnlockDialog(self.ctx, self.window)
        result = dialog.exec()
        if result == QDialog.DialogCode.Accepted:
            for widget in self._hidden():
                widget.show()
            self.is_locked = False
            self.set_minutes(self.minutes)
            self.unlocked.emit()
        elif result == UnlockDialog.SIGN_OUT and hasattr(self.window, "sign_out"):
            self.window.sign_out()  # back to the login dialog; the program keeps running
        else:
            self.window.close()

    def _hidden(self) -> list[QWidget]:
        shown = [self.window.centralWidget(), *self.window.findChildren(QWidget, "roleBar")]
        return [widget for widget in shown if widget is not None]
