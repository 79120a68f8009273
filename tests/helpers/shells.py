"""A Shell for GUI tests, closed afterwards like a person closes its windows (no backup on exit)
and kept until the closed windows' workers have ended."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtWidgets import QMessageBox


def open_shell(qtbot: Any, ws: Any, monkeypatch: Any, **options: Any) -> Iterator[Any]:
    """For a fixture: `yield from open_shell(qtbot, ws, monkeypatch)`."""
    from sopdesk.gui.app import Shell

    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)  # never modal here
    shell = Shell(ws, **options)
    yield shell
    for window in list(shell.windows):
        window.backup_on_exit = False
        window.close()
    qtbot.waitUntil(lambda: not shell.closing, timeout=60_000)
    shell.close()
