"""An SOP drawn as the Permenpan RB 35/2012 flow table: a swimlane per pelaksana, the five
flowchart symbols, and the Mutu Baku and Keterangan columns beside.

Geometry comes from sopdesk.catalog.swimlane_layout (Qt-free), the drawing from
sopdesk.gui.swimlane_scene (which also says what each item's data means); this module is the
view: zoom and fit, scrolling with frozen header and columns (swimlane_panes), the selection,
the progress marks' state and the clicks on a step.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView, QWidget

from sopdesk.catalog.schema import Sop
from sopdesk.catalog.swimlane_layout import Layout, compute_layout
from sopdesk.gui.swimlane_panes import FrozenPane, pane_geometries
from sopdesk.gui.swimlane_scene import (  # noqa: F401 - the item data keys and colours, for the tests
    CELL,
    CURRENT_BG,
    DONE_BG,
    KIND,
    LABEL,
    SELECT_PEN,
    SOURCE,
    STEP,
    TARGET,
    SceneDrawing,
    step_among,
)

MIN_ZOOM, MAX_ZOOM = 0.2, 4.0
MIN_TEXT_PX = 8.0          # "fit" never shows the smallest text of the diagram below this height


class SwimlaneView(QGraphicsView):
    """Shows one Sop. Emits step_clicked(no) when a step's symbol or row is clicked."""

    step_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setBackgroundBrush(QColor("#eeeeee"))
        self.setAccessibleName(self.tr("Diagram alir SOP"))
        self._drawing = SceneDrawing(self.scene(), self.font())
        self._sop: Sop | None = None
        self._layout: Layout | None = None
        self._done: set[int] = set()
        self._current: int | None = None
        self._path: list[tuple[int, int]] = []
        self._selected: int | None = None
        self._fit: str | None = None      # "width", "readable" or None (the user's zoom)
        self._press: QPoint | None = None
        self._unshown = False             # an SOP set while hidden: its first showing starts at the left
        self._frozen_right: float | None = None   # scene x where the frozen left columns end
        # created last: corner over left over top over the main viewport
        self.panes = {name: FrozenPane(self, f"swimlane_{name}_pane", self._pane_clicked)
                      for name in ("top", "left", "corner")}

    # ------------------------------------------------------------------ public API
    @property
    def sop(self) -> Sop | None:
        return self._sop

    @property
    def layout_data(self) -> Layout | None:
        """The computed geometry of the diagram (None before set_sop)."""
        return self._layout

    def set_sop(self, sop: Sop | None) -> None:
        """Draw `sop` (None clears the view). Progress marks and the selection are reset."""
        scene = self.scene()
        self._done, self._current, self._path, self._selected = set(), None, [], None
        self._drawing.clear()
        self._sop = sop
        self._layout = None
        if sop is None:
            scene.setSceneRect(QRectF(0, 0, 10, 10))
            self._sync_panes()
            return
        headers = {
            "no": self.tr("No"), "kegiatan": self.tr("Kegiatan"), "pelaksana": self.tr("Pelaksana"),
            "mutu_baku": self.tr("Mutu Baku"), "kelengkapan": self.tr("Kelengkapan"), "waktu": self.tr("Waktu"),
            "output": self.tr("Output"), "keterangan": self.tr("Keterangan"),
        }
        legend = self.tr(
            "Simbol: kapsul = mulai/selesai, persegi = kegiatan, belah ketupat = keputusan. "
            "Garis putus-putus di sekeliling simbol: pelaksana disimpulkan (arahkan kursor ke simbol "
            "untuk alasannya). ✓ = sudah selesai, ▶ = sedang dikerjakan.")
        drawing = self._drawing
        layout = compute_layout(sop, drawing.measure, headers, legend, drawing.label_size)
        self._layout = layout
        drawing.draw(sop, layout, legend)
        drawing.measured.clear()
        scene.setSceneRect(QRectF(-10, -10, layout.width + 20, layout.height + 20))
        self._drawing.apply_progress(self._done, self._current, self._path)
        self._fit = "readable"
        self._unshown = not self.isVisible()
        self._refit()
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())
        self._sync_panes()

    def set_progress(self, done: set[int], current: int | None, path: list[tuple[int, int]]) -> None:
        """Mark completed steps (green, ✓), the current step (amber, bold border, ▶) and the
        edges taken so far (thick blue). Empty arguments clear the marks."""
        self._done = set(done or ())
        self._current = current
        self._path = [(edge[0], edge[1]) for edge in (path or ())]
        self._drawing.apply_progress(self._done, self._current, self._path)

    def select_step(self, no: int | None) -> None:
        """Outline the row of step `no` and scroll to it (None clears)."""
        rows = self._drawing.rows
        if self._selected in rows:
            rows[self._selected].setPen(QPen(Qt.PenStyle.NoPen))
        self._selected = no if no is not None and no in rows else None
        if self._selected is not None:
            rows[self._selected].setPen(QPen(SELECT_PEN, 2.5))
            self.reveal(self._drawing.symbols[self._selected].sceneBoundingRect())

    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_in(self) -> None:
        self._zoom_by(1.25)

    def zoom_out(self) -> None:
        self._zoom_by(0.8)

    def fit_to_window(self) -> None:
        """Scale to the width of the view, never below a readable size: the whole table when
        it fits so, else No, Kegiatan and the lanes (Mutu Baku and Keterangan scroll), else
        the smallest readable zoom (the lanes scroll beside the frozen No/Kegiatan columns).
        Keeps fitting on resize until the user zooms. A new SOP starts fitted the same way,
        but never above 100 %."""
        self._fit = "width"
        self._refit()

    def min_fit_zoom(self) -> float:
        """The zoom at which the smallest text of the diagram is MIN_TEXT_PX high."""
        return MIN_TEXT_PX / self._text_px(self._drawing.small)

    def lanes_width(self) -> int:
        """The viewport width that shows No, Kegiatan and every lane at the smallest readable
        zoom (0 before set_sop); in a narrower view "fit" leaves lanes to the scroll bar."""
        if self._layout is None:
            return 0
        lanes = self._layout.lane_area.right + 10 - self.sceneRect().left()
        return math.ceil(lanes * self.min_fit_zoom()) + 2

    def text_px(self) -> float:
        """The on-screen pixel size of the smallest text of the diagram at the current zoom."""
        return self._text_px(self._drawing.small) * self.zoom()

    def reveal(self, rect: QRectF, margin: int = 30) -> None:
        """Scroll so that a scene rect is in the part of the viewport the frozen panes leave
        free (ensureVisible would count the covered edges as visible)."""
        if self._layout is None:
            return
        free = self.viewport().rect()
        top, left = self.panes["top"], self.panes["left"]
        free.setTop(0 if top.isHidden() else top.height())
        in_left_columns = self._frozen_right is not None and rect.right() <= self._frozen_right
        if not in_left_columns and not left.isHidden():
            free.setLeft(left.width())
        target = self.mapFromScene(rect).boundingRect()
        for bar, lo, hi, free_lo, free_hi, skip in (
            (self.horizontalScrollBar(), target.left(), target.right(), free.left(), free.right(), in_left_columns),
            (self.verticalScrollBar(), target.top(), target.bottom(), free.top(), free.bottom(), False),
        ):
            if skip:
                continue
            if hi + margin > free_hi:
                bar.setValue(bar.value() + min(hi + margin - free_hi, lo - margin - free_lo))
            elif lo - margin < free_lo:
                bar.setValue(bar.value() + lo - margin - free_lo)

    def symbol_item(self, no: int) -> QGraphicsItem:
        return self._drawing.symbols[no]

    # ------------------------------------------------------------------ events
    def wheelEvent(self, event) -> None:  # noqa: ANN001
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self._zoom_by(1.15 ** steps)
            event.accept()
            return
        super().wheelEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: ANN001
        self._press = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: ANN001
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        pos = event.position().toPoint()
        if press is None or event.button() != Qt.MouseButton.LeftButton or (pos - press).manhattanLength() > 4:
            return
        no = self.step_at(pos)
        if no is not None:
            self.select_step(no)
            self.step_clicked.emit(no)

    def resizeEvent(self, event) -> None:  # noqa: ANN001
        super().resizeEvent(event)
        if self._fit:
            self._refit()
        self._sync_panes()

    def showEvent(self, event) -> None:  # noqa: ANN001
        """A view given its SOP before it was shown (Tambah SOP…'s preview, Katalog SOP's Diagram
        alir tab) opened scrolled: showing re-centres on the middle of the hidden view, past the
        fit's left and top edges, so the first lane's heading read "af Umum" and step 1 was cut
        off. The fit starts at the top left again (a step selected meanwhile is scrolled to)."""
        super().showEvent(event)
        if self._unshown and self._fit:
            self._refit()
            self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())  # and at the top
            if self._selected is not None:
                self.reveal(self._drawing.symbols[self._selected].sceneBoundingRect())
        self._unshown = False

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self._sync_panes()

    def step_at(self, view_pos: QPoint) -> int | None:
        """The step whose symbol or row is at a viewport position."""
        return step_among(self.items(view_pos))

    # ------------------------------------------------------------------ zoom helpers
    def _zoom_by(self, factor: float) -> None:
        self._fit = None
        target = min(MAX_ZOOM, max(MIN_ZOOM, self.zoom() * factor))
        self.scale(target / self.zoom(), target / self.zoom())
        self._sync_panes()

    def _refit(self) -> None:
        if self._layout is None:
            return
        scene = self.sceneRect()
        available = self.viewport().width() - 2
        if scene.width() <= 0 or available <= 0:
            return
        readable = self.min_fit_zoom()
        whole = available / scene.width()
        lanes = available / (self._layout.lane_area.right + 10 - scene.left())
        z = whole if whole >= readable else max(readable, lanes)
        z = min(1.0 if self._fit == "readable" else MAX_ZOOM, z)
        top = self.mapToScene(0, 0).y()
        self.setTransform(QTransform.fromScale(z, z))
        # the row at the top stays there (Qt keeps the centre: a wider view scrolled step 1 away)
        self.verticalScrollBar().setValue(round(top * z))
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
        self._sync_panes()

    def _text_px(self, font: QFont) -> float:
        return font.pointSizeF() * self.logicalDpiY() / 72 if font.pointSizeF() > 0 else float(font.pixelSize())

    # ------------------------------------------------------------------ frozen panes
    def _sync_panes(self) -> None:
        panes = getattr(self, "panes", None)
        if panes is None:
            return
        if self._layout is None:
            self._frozen_right = None
            for pane in panes.values():
                pane.hide()
            return
        layout = self._layout
        edges = (layout.columns["kegiatan"].right, layout.columns["no"].right)
        where, self._frozen_right = pane_geometries(self, layout.lane_area.y, edges, layout.lane_area.bottom)
        panes["top"].follow(where["top"], horizontal=True, vertical=False)
        panes["left"].follow(where["left"], horizontal=False, vertical=True)
        panes["corner"].follow(where["corner"], horizontal=False, vertical=False)

    def _pane_clicked(self, pane: QGraphicsView, pos: QPoint) -> None:
        no = step_among(pane.items(pos))
        if no is not None:
            self.select_step(no)
            self.step_clicked.emit(no)

