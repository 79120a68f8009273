"""Keys typed right after Masuk reach the new window instead of being dropped.

The password check and the main window's build take most of a second after Enter. Keys typed
meanwhile are sent by the X server to the login dialog's window (it had the keyboard when
they were typed); by the time Qt reads them the dialog is closed and its X window gone, and
Qt drops key events for a window it does not know. The Help Desk clerk who pressed Enter and
typed the visitor's name at once found Nama empty (seen on Xvfb: a name typed within ~0.4 s
of Enter, on a busy machine ~1 s, was lost whole). `TypeAhead`, for a moment after the
login, readdresses such key events to the new window, where they go to its keyboard focus
(Meja Layanan: Nama).

X11 (xcb) only: other platforms' events pass untouched. Only key events for a window that is
not one of the program's visible windows are changed, i.e. those Qt would drop."""

from __future__ import annotations

import ctypes

from PySide6.QtCore import QAbstractNativeEventFilter, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

XCB_EVENT = b"xcb_generic_event_t"
XCB_KEYS = (2, 3)  # XCB_KEY_PRESS, XCB_KEY_RELEASE (response_type without the sent-event bit)
EVENT_WINDOW_OFFSET = 12  # xcb_key_press_event_t: type, detail, sequence, time, root, then `event`


class TypeAhead(QObject):
    """Installed when the main window opens after a login; removed `HOLD_MS` later."""

    HOLD_MS = 2_000

    def __init__(self, window: QWidget, parent: QObject | None = None):
        super().__init__(parent)
        self.window_id = int(window.winId())
        self.native = _Readdress(self)
        app = QGuiApplication.instance()
        if app is not None:
            app.installNativeEventFilter(self.native)
        self.timer = QTimer(self, singleShot=True, interval=self.HOLD_MS)  # gone with this object
        self.timer.timeout.connect(self.stop)
        self.timer.start()

    def readdress(self, event_type: bytes, address: int) -> None:
        """A key event for a window Qt no longer has goes to the main window."""
        if bytes(event_type) != XCB_EVENT or not address:
            return
        if ctypes.c_uint8.from_address(address).value & 0x7F not in XCB_KEYS:
            return
        target = ctypes.c_uint32.from_address(address + EVENT_WINDOW_OFFSET)
        if target.value == self.window_id or target.value in _visible_window_ids():
            return
        target.value = self.window_id

    def stop(self) -> None:
        app = QGuiApplication.instance()
        if app is not None:
            app.removeNativeEventFilter(self.native)
        self.deleteLater()


class _Readdress(QAbstractNativeEventFilter):
    def __init__(self, owner: TypeAhead):
        super().__init__()
        self.owner = owner

    def nativeEventFilter(self, event_type, message) -> tuple[bool, int]:  # noqa: ANN001, N802 - Qt API
        self.owner.readdress(event_type, int(message))
        return False, 0  # Qt handles the event (readdressed or not)


def _visible_window_ids() -> set[int]:
    return {int(window.winId()) for window in QGuiApplication.allWindows() if window.isVisible()}
