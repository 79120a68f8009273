"""Frozen panes of the swimlane diagram: the header row (No, Kegiatan, the lane names, Mutu
Baku, Keterangan) and the No/Kegiatan columns stay in view while the diagram is scrolled or
zoomed, as in a spreadsheet with frozen rows and columns.

Each pane is a small QGraphicsView on the same scene, laid over an edge of the main view's
viewport, with the main view's transform and, along the axis it follows, the main view's
scroll value. The scene is drawn once; the panes only look at it from a fixed place, so a
click, a tooltip or a selection outline in a pane is the same item as in the main view.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtWidgets import QFrame, QGraphicsView


class FrozenPane(QGraphicsView):
    """One fixed window on the scene of `main` (a SwimlaneView), drawn over its viewport.
    A click on a step emits through `on_click(view_pos_in_main)`; the wheel scrolls or zooms
    the main view."""

    def __init__(self, main: QGraphicsView, name: str, on_click: Callable[[QGraphicsView, QPoint], None]):
        super().__init__(main.scene(), main)
        self._main = main
        self._on_click = on_click
        self._press: QPoint | None = None
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHints(main.renderHints())
        self.setBackgroundBrush(main.backgroundBrush())
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.hide()

    def follow(self, geometry: QRect, horizontal: bool, vertical: bool) -> None:
        """Cover `geometry` (in the main view's coordinates) and show the scene as the main
        view shows it there: same transform, same scroll value along the followed axes, the
        scene's top/left edge along the others."""
        main = self._main
        self.setSceneRect(main.sceneRect())
        self.setTransform(main.transform())
        self.setGeometry(geometry)
        self.setVisible(geometry.width() > 0 and geometry.height() > 0)
        for follows, mine, theirs in ((horizontal, self.horizontalScrollBar(), main.horizontalScrollBar()),
                                      (vertical, self.verticalScrollBar(), main.verticalScrollBar())):
            mine.setValue(theirs.value() if follows else mine.minimum())
        self.raise_()

    def mousePressEvent(self, event) -> None:  # noqa: ANN001
        self._press = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: ANN001
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        pos = event.position().toPoint()
        if press is not None and event.button() == Qt.MouseButton.LeftButton and (pos - press).manhattanLength() <= 4:
            self._on_click(self, pos)

    def wheelEvent(self, event) -> None:  # noqa: ANN001
        self._main.wheelEvent(event)


MAX_SHARE = 0.5     # a frozen pane never takes more than this share of the viewport


def pane_geometries(main: QGraphicsView, header_bottom: float, left_edges: Sequence[float],
                    rows_bottom: float) -> tuple[dict[str, QRect], float | None]:
    """Where the three panes go over `main`'s viewport: "top" (the header row, the whole
    width), "left" (the frozen columns, down to the last row) and "corner" (their header
    cells), and the scene x where the frozen columns end. The frozen columns end at the
    first of `left_edges` (right edges, widest first: Kegiatan, then No) whose columns take
    at most MAX_SHARE of the viewport; when none does, or the header row alone would take
    more, that pane is left out (an empty rect), so that a large zoom still shows the lanes."""
    viewport = main.viewport().geometry()
    scene = main.sceneRect()
    zoom = main.transform().m11()
    top_h = math.ceil((header_bottom - scene.top()) * zoom) + 1
    if top_h > viewport.height() * MAX_SHARE:
        top_h = 0
    frozen = next((edge for edge in left_edges
                   if math.ceil((edge - scene.left()) * zoom) + 1 <= viewport.width() * MAX_SHARE), None)
    left_w = math.ceil((frozen - scene.left()) * zoom) + 1 if frozen is not None else 0
    last_row = main.mapFromScene(QPointF(scene.left(), rows_bottom)).y() + 1
    left_h = max(0, min(viewport.height(), last_row)) if left_w else 0
    return {
        "top": QRect(viewport.x(), viewport.y(), viewport.width(), top_h),
        "left": QRect(viewport.x(), viewport.y(), left_w, left_h),
        "corner": QRect(viewport.x(), viewport.y(), left_w, top_h),
    }, frozen
