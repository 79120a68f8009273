"""Waiting for GUI operations (sopdesk.gui.operation) in tests: a command runs on the main
window's worker thread, so a test that clicks "Simpan" waits for it before looking."""

from __future__ import annotations

import time

from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from sopdesk.gui import operation


def wait_for_ops(qtbot: QtBot, timeout: int = 30_000) -> None:
    """Until every started operation has finished and its callbacks have run."""
    qtbot.waitUntil(lambda: operation.pending() == 0, timeout=timeout)


def settle_ops(timeout: int = 30_000) -> bool:
    """The same without a qtbot (inside a patched `exec`, say): True when all finished."""
    deadline = time.monotonic() + timeout / 1000
    while operation.pending():
        if time.monotonic() > deadline:
            return False
        QTest.qWait(10)  # the event loop runs: the worker's result comes back
    return True
