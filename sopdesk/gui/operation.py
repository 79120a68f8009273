"""The one way a screen changes data: an engine command run on the window's worker thread,
its refusal shown in place, its result handed to the screen, the change announced once.

Modelled on Anki's `CollectionOp` (aqt/operations): the window never freezes while the store
writes (a busy PostgreSQL server, a large office), no screen writes its own try/except around
an engine call, and every list that shows data refreshes on `GuiContext.data_changed`, which
only this module emits after a command.

    Operation(self, self.ctx, lambda: letters.register_incoming(ws, actor, form)) \\
        .inline(self.error, {"number": self.number_edit}) \\
        .disabling(self.save_button) \\
        .success(self._saved) \\
        .run()

Rules the callers keep:
- `call` runs on the worker thread: it takes every value it needs from the widgets *before*
  (build the form data first, capture it in the lambda) and never touches a widget.
- While it runs, the widgets given to `disabling` are disabled (a second click or Enter does
  nothing) and `running(parent)` is true; `run()` refuses (returns False) a second operation
  from the same parent while one runs. The keyboard focus, if it was on a disabled widget,
  goes back to it afterwards.
- Success: the change is announced first (`data_changed`, unless `quiet()`), then the success
  callback runs with the result, so it sees the refreshed lists (to select a new row).
- Failure: the failure callback if given (it may call `show_failure` itself), else
  `show_failure`: a refusal in the inline label with the field named by a `FieldError`
  focused, a bug or a refusal without a label through `messages.show_error` (a bug logged,
  the "internal error" text; a lost server to the main window's banner).
- No worker (a screen built alone, without a main window, as many tests do): the command runs
  at once on the GUI thread and the callbacks have run when `run()` returns.
- The worker runs one job at a time: a command started during a printout or a backup waits
  for it (the status bar says the window is busy).
- Tests wait with `tests/helpers/ops.py: wait_for_ops(qtbot)` (until `pending()` is 0), or
  `settle_ops()` where there is no qtbot (inside a patched `exec`).

The store allows it: a SQLite file is opened with SQLAlchemy's QueuePool and
`check_same_thread=False`, PostgreSQL through its pool; each transaction takes its own pooled
connection, so the worker's write and the GUI thread's reads never share one
(tests/test_gui_operation.py runs commands on the worker on both stores). Two writes from the
two threads are serialised as two desks' are (the write lock, the audit anchor's file lock).
Not so an in-memory SQLite database (one connection per thread: two databases), which no
office uses."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from sopdesk.errors import StoreUnreachable
from sopdesk.gui.messages import error_text, is_refusal, show_error

if TYPE_CHECKING:
    from sopdesk.gui.context import GuiContext
    from sopdesk.gui.worker import Worker

log = logging.getLogger("sopdesk.gui")

T = TypeVar("T")

_running: list[Operation[Any]] = []  # started and not finished: keeps them alive, tests wait on it


def pending() -> int:
    """How many operations have started and not finished (tests wait until 0). One left on the
    worker of a window that closed meanwhile never finishes and is not counted."""
    _running[:] = [op for op in _running if not op.abandoned()]
    return len(_running)


def hold(widget: QWidget) -> Callable[[], None]:
    """Disable `widget` while a job that is no Operation runs on the worker (a backup, a data
    check); the function returned enables it again and gives it back the focus it had (a
    focused button disabled hands the focus to the next widget: in Pengaturan, the user list)."""
    had_focus = widget.hasFocus()
    widget.setEnabled(False)

    def release() -> None:
        if _alive(widget):
            widget.setEnabled(True)
            if had_focus:
                widget.setFocus()

    return release


def running(parent: QObject) -> bool:
    """An operation started from `parent` has not finished yet."""
    return any(op.parent is parent for op in _running)


def _alive(obj: QObject | None) -> bool:
    return obj is not None and shiboken6.isValid(obj)


def show_failure(parent: QWidget | None, exc: BaseException, label: QLabel | None = None,
                 fields: Mapping[str, QWidget] | None = None, title: str | None = None) -> None:
    """Show why a command failed, in place when the screen has an error label: a refusal's
    text there (the field a `FieldError` names focused); a bug, a lost server or a screen
    without a label through `show_error` (a dialog; the banner for a lost server)."""
    if label is None or not is_refusal(exc) or isinstance(exc, StoreUnreachable):
        show_error(parent, exc, title)
        return
    label.setText(error_text(exc))
    label.show()
    widget = (fields or {}).get(getattr(exc, "field", ""))
    if widget is not None:
        widget.setFocus()


class Operation(Generic[T]):
    """One engine command from one screen; configure with the chained methods, then `run()`."""

    def __init__(self, parent: QWidget, ctx: GuiContext, call: Callable[[], T]):
        self.parent = parent
        self.ctx = ctx
        self._call = call
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._label: QLabel | None = None
        self._fields: Mapping[str, QWidget] = {}
        self._title: str | None = None
        self._announce = True
        self._disabling: tuple[QWidget, ...] = ()
        self._disabled: list[QWidget] = []
        self._focus: QWidget | None = None
        self._worker: Worker | None = None

    # --- configuration -------------------------------------------------------------------------
    def success(self, callback: Callable[[T], None]) -> Operation[T]:
        """Called on the GUI thread with the command's result, after the announcement."""
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Operation[T]:
        """Called instead of `show_failure` with the exception (on the GUI thread)."""
        self._on_failure = callback
        return self

    def inline(self, label: QLabel, fields: Mapping[str, QWidget] | None = None) -> Operation[T]:
        """Refusals go to `label` (hidden when the command starts); `fields` maps a
        `FieldError.field` to the widget that gets the focus."""
        self._label = label
        self._fields = fields or {}
        return self

    def titled(self, title: str) -> Operation[T]:
        """The title of the error dialog (default: "Tidak dapat dilakukan")."""
        self._title = title
        return self

    def disabling(self, *widgets: QWidget) -> Operation[T]:
        """Widgets disabled while the command runs (buttons that would submit it again)."""
        self._disabling = widgets
        return self

    def quiet(self) -> Operation[T]:
        """Nothing other screens show changed: no `data_changed` (e.g. a draft kept aside)."""
        self._announce = False
        return self

    # --- running -------------------------------------------------------------------------------
    def run(self) -> bool:
        """Start the command; False (nothing started) while one from the same parent runs."""
        if running(self.parent):
            return False
        if self._label is not None:
            self._label.hide()
        worker = self._worker = self.ctx.worker
        _running.append(self)
        if worker is None:
            try:
                result = self._call()
            except Exception as exc:  # noqa: BLE001 - shown to the user, bugs logged
                self._failed(exc)
            else:
                self._done(result)
            return True
        self._focus = QApplication.focusWidget()
        for widget in self._disabling:
            if widget.isEnabled():
                widget.setEnabled(False)
                self._disabled.append(widget)
        worker.submit(self._call, self._done, self._failed)
        return True

    def abandoned(self) -> bool:
        """Its worker's thread ended before it ran (the window closed): it will never finish."""
        worker = self._worker
        return worker is not None and (not _alive(worker) or worker.finished_all)

    def _finish(self) -> bool:
        """Undo what running changed on screen; False when the screen is gone meanwhile."""
        if self in _running:
            _running.remove(self)
        for widget in self._disabled:
            if _alive(widget):
                widget.setEnabled(True)
        focus = self._focus
        if focus is not None and _alive(focus) and any(
                focus is widget or widget.isAncestorOf(focus) for widget in self._disabled if _alive(widget)):
            focus.setFocus()
        return _alive(self.parent)

    def _done(self, result: T) -> None:
        shown = self._finish()
        if self._announce and _alive(self.ctx):
            self.ctx.data_changed.emit()
        if shown and self._on_success is not None:
            self._on_success(result)

    def _failed(self, exc: BaseException) -> None:
        if not self._finish():
            log.info("an operation failed after its screen closed", exc_info=exc)
            return
        if self._on_failure is not None:
            self._on_failure(exc)
        else:
            show_failure(self.parent, exc, self._label, self._fields, self._title)
