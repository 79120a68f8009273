"""`QT_TRANSLATE_NOOP` as mypy should see it: PySide's stub says it returns `object`, but it
returns its text, and the marked strings are used as `str` (column headers, labels that are
translated later). Import it from here; lupdate still finds the calls by their name."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - Qt's name
        """The marker lupdate reads; returns its text."""
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

__all__ = ["QT_TRANSLATE_NOOP"]
