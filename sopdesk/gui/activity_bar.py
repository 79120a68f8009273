"""The busy bar at the right of the main window's status bar, with what it is busy with:
background work (the day's backup, the start-up check, the worker's job) shows while it runs,
labelled by the newest named piece of work (the worker's generic "Sedang memproses…" only when
nothing more precise runs), filled to its percent when it says how far it is, else a moving
bar. A bar alone said nothing of what the program was doing."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

WORKER = "worker"  # the window's worker: its own label is the least precise


class ActivityBar:
    """The bar and its label, added to `status_bar` as permanent widgets."""

    def __init__(self, status_bar: QStatusBar):
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self.label = QLabel()
        self.label.hide()
        self._activities: dict[str, str] = {}
        self._percents: dict[str, int] = {}  # of the activities that say how far they are
        status_bar.addPermanentWidget(self.label)
        status_bar.addPermanentWidget(self.busy)

    def set(self, key: str, text: str | None, percent: int | None = None) -> None:
        """Show (text) or end (None) the piece of work `key`, `percent` done when it says."""
        self._activities.pop(key, None)
        self._percents.pop(key, None)
        if text:
            self._activities[key] = text
            if percent is not None:
                self._percents[key] = max(0, min(100, percent))
        named = [name for name in self._activities if name != WORKER]
        shown = named[-1] if named else (WORKER if WORKER in self._activities else "")
        label = self._activities.get(shown, "")
        if shown in self._percents:
            self.busy.setRange(0, 100)
            self.busy.setValue(self._percents[shown])
        else:
            self.busy.setRange(0, 0)
        self.label.setText(label)
        self.busy.setToolTip(label)
        self.label.setVisible(bool(label))
        self.busy.setVisible(bool(label))
