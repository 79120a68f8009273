"""The filters of Surat & Ekspedisi that each user finds again at the next session: the Ketua
ticked "Hanya yang belum didisposisi" every morning (the agenda opened with every letter), and
the same for the year of each agenda, "Hanya yang belum diterima" and the register last open.
Kept per user and office (app_settings.user_settings); the search and the dates are not: a
search is for the moment, and the expedition's dates follow today."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QComboBox, QTabWidget

from sopdesk.gui.app_settings import user_settings
from sopdesk.gui.context import GuiContext

CHECKS = ("undisposed", "addressed", "pending")  # the page's check boxes, by attribute name
YEARS = ("incoming_year", "outgoing_year")  # its year choosers ("Semua tahun": 0)


class LettersPage(Protocol):
    """What is read of gui.letters.page.LettersPage (imported, it would be an import circle)."""

    ctx: GuiContext
    tabs: QTabWidget
    undisposed: QCheckBox
    addressed: QCheckBox
    pending: QCheckBox
    incoming_year: QComboBox
    outgoing_year: QComboBox


def keep_filters(page: LettersPage) -> None:
    """Set the page's filters as this user left them, before its first reload, and save each
    change as it is made."""
    settings = user_settings(page.ctx.ws.data_dir, page.ctx.actor.username, "letters")
    settings.setParent(page.tabs)  # lives as long as the page; what it is given is written to disk by Qt
    for name in CHECKS:
        box: QCheckBox = getattr(page, name)
        box.blockSignals(True)  # the page reloads once, when built
        box.setChecked(bool(settings.value(name, False, type=bool)))
        box.blockSignals(False)
        box.toggled.connect(lambda on, name=name: settings.setValue(name, bool(on)))
    for name in YEARS:
        combo: QComboBox = getattr(page, name)
        index = combo.findData(_number(settings, name) or None)
        combo.blockSignals(True)
        combo.setCurrentIndex(max(index, 0))  # a year no longer listed: all years
        combo.blockSignals(False)
        combo.currentIndexChanged.connect(
            lambda _index, combo=combo, name=name: settings.setValue(name, combo.currentData() or 0))
    tab = _number(settings, "tab")
    page.tabs.setCurrentIndex(tab if 0 <= tab < page.tabs.count() else 0)
    page.tabs.currentChanged.connect(lambda index: settings.setValue("tab", index))


def _number(settings: QSettings, name: str) -> int:
    value = settings.value(name, 0, type=int)
    return value if isinstance(value, int) else 0
