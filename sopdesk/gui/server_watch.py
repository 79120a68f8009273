"""Noticing a lost database server, and noticing it is back.

Any screen that meets StoreUnreachable (through `messages.show_error`, or a form that handles it
itself) reports it here instead of showing a dialog; the main window shows one banner and asks
`probe()` every few seconds whether the server answers again. The probe runs on a thread of its
own: a dropped network makes a connection attempt wait for its timeout, and the window must stay
usable meanwhile (typing in a form goes on).
"""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QObject, Signal

from sopdesk.errors import StoreUnreachable


class ServerWatch(QObject):
    lost = Signal()  # a screen met StoreUnreachable
    answered = Signal(bool)  # the result of a probe: True, the server answers again

    def __init__(self) -> None:
        super().__init__()
        self._probing = threading.Lock()
        self._windows: dict[int, tuple] = {}  # the windows that show the banner, and their slots

    def attach(self, window: QObject, on_lost, on_answered) -> None:  # noqa: ANN001 - slots
        if id(window) in self._windows:
            return
        self._windows[id(window)] = (on_lost, on_answered)
        self.lost.connect(on_lost)
        self.answered.connect(on_answered)

    def detach(self, window: QObject) -> None:
        """Once the window closes (closing twice is harmless)."""
        slots = self._windows.pop(id(window), None)
        if slots is not None:
            self.lost.disconnect(slots[0])
            self.answered.disconnect(slots[1])

    def report_lost(self) -> bool:
        """Tell the windows; False when no window shows the banner (the caller says it itself)."""
        if not self._windows:
            return False
        self.lost.emit()
        return True

    def probe(self, db) -> None:  # noqa: ANN001 - store.db.Database
        """Try one query on a thread; `answered` says how it went. One probe at a time."""
        if not self._probing.acquire(blocking=False):
            return

        def run() -> None:
            try:
                db.ping()
                ok = True
            except StoreUnreachable:
                ok = False
            except Exception:  # noqa: BLE001 - any other failure: still not usable, try later
                ok = False
            finally:
                self._probing.release()
            self.answered.emit(ok)

        threading.Thread(target=run, name="sopdesk-server-probe", daemon=True).start()


_watch: ServerWatch | None = None


def watch() -> ServerWatch:
    """The one watch of the program (created on first use, in the GUI thread)."""
    global _watch
    if _watch is None:
        _watch = ServerWatch()
    return _watch


def install_excepthook() -> None:
    """A StoreUnreachable that escapes a Qt slot or override (a screen built, a table sorted while
    the server is away) goes to the banner instead of a traceback on stderr. Installed once, by
    the first main window; every other exception goes on to the hook that was there."""
    previous = sys.excepthook
    if getattr(previous, "sopdesk_server_watch", False):
        return

    def hook(kind, value, trace) -> None:  # noqa: ANN001
        if isinstance(value, StoreUnreachable) and watch().report_lost():
            return
        previous(kind, value, trace)

    setattr(hook, "sopdesk_server_watch", True)  # noqa: B010 - a mark on a function, unknown to mypy
    sys.excepthook = hook
