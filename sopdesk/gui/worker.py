"""One background worker for long work (demo data, PDFs, backups): the window never
freezes, results come back through signals, the window shows that something runs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot


class _Runner(QObject):
    done = Signal(object, object)  # (job id, result)
    failed = Signal(object, object)  # (job id, exception)

    @Slot(object, object)
    def run(self, job: object, call: Callable[[], Any]) -> None:
        try:
            result = call()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread to show
            self.failed.emit(job, exc)
        else:
            self.done.emit(job, result)


class Worker(QObject):
    """Runs one job at a time on its own thread; `busy_changed` drives a progress indicator."""

    _start = Signal(object, object)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._thread = QThread(self)
        self._thread.setObjectName("sopdesk-worker")
        self._runner = _Runner()
        self._runner.moveToThread(self._thread)
        self._start.connect(self._runner.run)
        self._runner.done.connect(self._finished)
        self._runner.failed.connect(self._failed)
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[BaseException], None]]] = {}
        self._next = 0
        self._thread.start()

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def submit(self, call: Callable[[], Any], on_done: Callable[[Any], None],
               on_error: Callable[[BaseException], None]) -> None:
        self._next += 1
        self._callbacks[self._next] = (on_done, on_error)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        self._start.emit(self._next, call)

    def _pop(self, job: int) -> tuple[Callable[[Any], None], Callable[[BaseException], None]]:
        callbacks = self._callbacks.pop(job)
        if not self._callbacks:
            self.busy_changed.emit(False)
        return callbacks

    @Slot(object, object)
    def _finished(self, job: int, result: Any) -> None:
        self._pop(job)[0](result)

    @Slot(object, object)
    def _failed(self, job: int, exc: BaseException) -> None:
        self._pop(job)[1](exc)

    def stop(self, wait: bool = True) -> None:
        """End the thread after its current job; `wait=False` returns at once (`finished_all`
        then says when the thread is done: keep this object until then)."""
        self._thread.quit()
        if wait:
            self._thread.wait()

    @property
    def finished_all(self) -> bool:
        """The thread has ended (after stop) or was never busy: the worker can be deleted."""
        return self._thread.isFinished() or not self._thread.isRunning()
