"""Window sizes that fit the screen they are on.

Office PCs often have 1366x768 or even 1024x768 screens. A window or dialog larger than the
screen hides its buttons below the task bar, so every top-level window is sized from the
screen's available geometry (the screen minus task bars), and a remembered geometry is only
used again when it still lies on a screen and fits it (a laptop moved from a large monitor
back to its own screen must not open half outside).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# the title bar and borders a window manager adds around the client area (estimate; the
# real frame is known only once the window is shown)
FRAME = QSize(16, 40)
GEOMETRY_KEY = "window/geometry"


def available(widget: QWidget | None = None) -> QRect:
    """The available geometry of the screen the widget is on (or the primary screen)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fitted_rect(area: QRect, preferred: QSize) -> QRect:
    """The client rectangle of a window of at most `preferred` size, centred in `area` with
    room for the window frame."""
    width = max(200, min(preferred.width(), area.width() - FRAME.width()))
    height = max(200, min(preferred.height(), area.height() - FRAME.height()))
    rect = QRect(0, 0, width, height)
    rect.moveCenter(area.center())
    rect.moveTop(max(area.top() + FRAME.height() - 8, rect.top()))
    return rect


def fits(rect: QRect, areas: list[QRect]) -> bool:
    """True when the window rectangle lies inside one of the available screen areas (a few
    pixels of frame outside allowed)."""
    for area in areas:
        loose = area.adjusted(-FRAME.width(), -FRAME.height(), FRAME.width(), FRAME.width())
        if loose.contains(rect) and rect.width() <= area.width() and rect.height() <= area.height():
            return True
    return False


def fit_to_screen(widget: QWidget, preferred: QSize) -> None:
    """Size and centre a top-level widget on its screen, never larger than the screen."""
    widget.setGeometry(fitted_rect(available(widget), preferred))


def restore_window(widget: QWidget, preferred: QSize, key: str = GEOMETRY_KEY) -> bool:
    """Restore the geometry saved under `key` when it still fits a screen; otherwise fit
    the preferred size to the screen. Returns whether the saved geometry was used."""
    saved = QSettings().value(key)
    if isinstance(saved, QByteArray | bytes) and widget.restoreGeometry(QByteArray(saved)):
        areas = [screen.availableGeometry() for screen in QGuiApplication.screens()]
        if widget.isMaximized() or fits(widget.geometry(), areas):
            return True
        widget.setWindowState(widget.windowState() & ~Qt.WindowState.WindowMaximized)
    fit_to_screen(widget, preferred)
    return False


def save_window(widget: QWidget, key: str = GEOMETRY_KEY) -> None:
    QSettings().setValue(key, widget.saveGeometry())
