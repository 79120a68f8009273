"""An SOP drawn as the Permenpan RB 35/2012 flow table: a swimlane per pelaksana, the five
flowchart symbols, and the Mutu Baku and Keterangan columns beside.

Geometry comes from sopdesk.catalog.swimlane_layout (Qt-free); this module measures text with
the same text items it draws, so a row is always tall enough for its text. Every item of the
scene says what it is in its data: KIND ("process", "decision", "terminator", "arrow",
"label", "text", "cell", ...), STEP (the step number it belongs to) and CELL (the cell rect
of a text item), which the tests use and the click handling relies on.
"""

from __future__ import annotations

import math
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTextOption,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QWidget,
)

from sopdesk.catalog.schema import Sop
from sopdesk.catalog.swimlane_layout import OUTLINE, PAD, Box, Content, Layout, compute_layout
from sopdesk.gui.swimlane_panes import FrozenPane, pane_geometries

KIND, STEP, CELL, SOURCE, TARGET, LABEL = range(6)

INK = QColor("#202020")
GRID = QColor("#9a9a9a")
HEADER_BG = QColor("#e6ecf4")
LANE_BG = (QColor("#ffffff"), QColor("#f6f8fb"))
DONE_BG = QColor("#c8e6c9")
CURRENT_BG = QColor("#ffe082")
CURRENT_PEN = QColor("#8a5a00")
PATH_PEN = QColor("#1565c0")
SELECT_PEN = QColor("#1e88e5")
INFERRED_PEN = QColor("#8c8c8c")

MIN_ZOOM, MAX_ZOOM = 0.2, 4.0
MIN_TEXT_PX = 8.0          # "fit" never shows the smallest text of the diagram below this height


T_KEGIATAN = QT_TRANSLATE_NOOP("SwimlaneView", "Kegiatan {no} — {pelaksana}")
T_MULAI = QT_TRANSLATE_NOOP("SwimlaneView", "Mulai")
T_MULAI_ENTRI = QT_TRANSLATE_NOOP("SwimlaneView", "Mulai: {entri}")
T_PELAKSANA_DISIMPULKAN = QT_TRANSLATE_NOOP("SwimlaneView", "Pelaksana disimpulkan: {alasan}")
T_SELESAI = QT_TRANSLATE_NOOP("SwimlaneView", "Selesai")
T_MENUNGGU = QT_TRANSLATE_NOOP("SwimlaneView", "menunggu")


def _translate(text: str) -> str:
    return QCoreApplication.translate("SwimlaneView", text)


def _tag(item: QGraphicsItem, kind: str, step: int = 0) -> QGraphicsItem:
    """Every item gets KIND and STEP (0 = no step), so an unset data key is never read and
    None is never stored (PySide6 6.12, excluded in pyproject, mishandled both)."""
    item.setData(KIND, kind)
    item.setData(STEP, step)
    return item


def _diamond(rect: QRectF) -> QPolygonF:
    c = rect.center()
    return QPolygonF([QPointF(c.x(), rect.top()), QPointF(rect.right(), c.y()), QPointF(c.x(), rect.bottom()),
                      QPointF(rect.left(), c.y())])


def _box_rect(box: Box) -> QRectF:
    return QRectF(box.x, box.y, box.w, box.h)


def _step_among(items: list[QGraphicsItem]) -> int | None:
    """The step of the topmost item that belongs to one. Every item, children included, is
    tagged with its STEP, so the parents are never asked: in PySide6 6.11, parentItem() on a
    top-level item hands the item's ownership to Python, which then deletes it a second time
    after scene.clear() (the segmentation fault on switching SOPs after a click)."""
    for item in items:
        no = item.data(STEP)
        if no:
            return int(no)
    return None


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
        self._body = QFont(self.font())
        self._body.setPointSizeF(9)
        self._bold = QFont(self._body)
        self._bold.setBold(True)
        self._small = QFont(self._body)
        self._small.setPointSizeF(7.5)
        self._sop: Sop | None = None
        self._layout: Layout | None = None
        self._measured: dict[tuple[str, Content, float], QGraphicsTextItem] = {}
        self._symbols: dict[int, QGraphicsItem] = {}
        self._numbers: dict[int, QGraphicsSimpleTextItem] = {}
        self._rows: dict[int, QGraphicsRectItem] = {}
        self._arrows: list[QGraphicsPathItem] = []
        self._done: set[int] = set()
        self._current: int | None = None
        self._path: list[tuple[int, int]] = []
        self._selected: int | None = None
        self._fit: str | None = None      # "width", "readable" or None (the user's zoom)
        self._press: QPoint | None = None
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
        # Drop every Python reference to the old items before Qt deletes them: a wrapper that
        # outlives its item is a dangling pointer, and one that Python came to own (see
        # step_at) would delete the item a second time.
        self._symbols.clear()
        self._numbers.clear()
        self._rows.clear()
        self._arrows.clear()
        self._done, self._current, self._path, self._selected = set(), None, [], None
        scene.clear()
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
        self._measured.clear()
        layout = compute_layout(sop, self._measure, headers, legend, self._label_size)
        self._layout = layout
        self._draw(sop, layout, legend)
        self._measured.clear()
        scene.setSceneRect(QRectF(-10, -10, layout.width + 20, layout.height + 20))
        self._apply_progress()
        self._fit = "readable"
        self._refit()
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())
        self._sync_panes()

    def set_progress(self, done: set[int], current: int | None, path: list[tuple[int, int]]) -> None:
        """Mark completed steps (green, ✓), the current step (amber, bold border, ▶) and the
        edges taken so far (thick blue). Empty arguments clear the marks."""
        self._done = set(done or ())
        self._current = current
        self._path = [tuple(edge) for edge in (path or ())]
        self._apply_progress()

    def select_step(self, no: int | None) -> None:
        """Outline the row of step `no` and scroll to it (None clears)."""
        if self._selected in self._rows:
            self._rows[self._selected].setPen(QPen(Qt.PenStyle.NoPen))
        self._selected = no if no in self._rows else None
        if self._selected is not None:
            self._rows[self._selected].setPen(QPen(SELECT_PEN, 2.5))
            self.reveal(self._symbols[self._selected].sceneBoundingRect())

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
        return MIN_TEXT_PX / self._text_px(self._small)

    def lanes_width(self) -> int:
        """The viewport width that shows No, Kegiatan and every lane at the smallest readable
        zoom (0 before set_sop); in a narrower view "fit" leaves lanes to the scroll bar."""
        if self._layout is None:
            return 0
        lanes = self._layout.lane_area.right + 10 - self.sceneRect().left()
        return math.ceil(lanes * self.min_fit_zoom()) + 2

    def text_px(self) -> float:
        """The on-screen pixel size of the smallest text of the diagram at the current zoom."""
        return self._text_px(self._small) * self.zoom()

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
        return self._symbols[no]

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

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self._sync_panes()

    def step_at(self, view_pos: QPoint) -> int | None:
        """The step whose symbol or row is at a viewport position."""
        return _step_among(self.items(view_pos))

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
        self.setTransform(QTransform.fromScale(z, z))
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
        no = _step_among(pane.items(pos))
        if no is not None:
            self.select_step(no)
            self.step_clicked.emit(no)

    # ------------------------------------------------------------------ text
    def _text_item(self, kind: str, content: Content, width: float) -> QGraphicsTextItem:
        item = QGraphicsTextItem()
        doc = item.document()
        doc.setDocumentMargin(2)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        if kind in ("header", "number"):
            option.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        doc.setDefaultTextOption(option)
        item.setFont(self._bold if kind == "header" else self._body)
        item.setDefaultTextColor(INK)
        if isinstance(content, tuple):
            doc.setIndentWidth(11)
            rows = "".join(f"<li>{escape(text)}</li>" for text in content)
            item.setHtml(f'<ul style="margin-top:0; margin-bottom:0; margin-left:0; -qt-list-indent:1">{rows}</ul>')
        else:
            item.setPlainText(content)
        item.setTextWidth(width)
        return item

    def _measure(self, kind: str, content: Content, width: float) -> float:
        key = (kind, content, width)
        if key not in self._measured:
            self._measured[key] = self._text_item(kind, content, width)
        return self._measured[key].boundingRect().height()

    def _place_text(self, kind: str, content: Content, box: Box, step: int | None, centre: bool = False) -> None:
        width = box.w - 2 * PAD
        item = self._measured.pop((kind, content, width), None) or self._text_item(kind, content, width)
        height = item.boundingRect().height()
        y = box.y + (box.h - height) / 2 if centre else box.y + PAD
        item.setPos(box.x + PAD, y)
        _tag(item, "text", step or 0)
        item.setData(CELL, _box_rect(box))
        item.setZValue(1)
        self.scene().addItem(item)

    # ------------------------------------------------------------------ drawing
    def _draw(self, sop: Sop, layout: Layout, legend: str) -> None:
        scene = self.scene()
        _tag(scene.addRect(QRectF(0, 0, layout.width, layout.height), QPen(Qt.PenStyle.NoPen),
                           QBrush(Qt.GlobalColor.white)), "background").setZValue(-2)
        grid = QPen(GRID, 1)
        for cell in layout.header:
            _tag(scene.addRect(_box_rect(cell.box), grid, QBrush(HEADER_BG)), "header")
            self._place_text("header", cell.content, cell.box, None, centre=True)
        for no, row in layout.rows.items():
            for key, column in layout.columns.items():
                lane_index = layout.lane_keys.index(key) if key in layout.lane_keys else -1
                brush = LANE_BG[lane_index % 2] if lane_index >= 0 else LANE_BG[0]
                cell = scene.addRect(QRectF(column.x, row.y, column.w, row.h), grid, QBrush(brush))
                _tag(cell, "cell", no)
                cell.setZValue(-1)
            highlight = scene.addRect(QRectF(row.x + 1, row.y + 1, row.w - 2, row.h - 2), QPen(Qt.PenStyle.NoPen))
            _tag(highlight, "row")
            highlight.setZValue(5)
            highlight.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self._rows[no] = highlight
        for cell in layout.cells:
            self._place_text(cell.kind, cell.content, cell.box, cell.step)
        for arrow in layout.arrows:
            self._draw_arrow(arrow, layout)
        for symbol in layout.symbols.values():
            self._draw_symbol(sop, symbol)
        for companion in layout.companions:  # a joint step in its further lanes (issue #13)
            self._draw_companion(companion)
        for term in layout.terminators:
            self._draw_terminator(term)
        if legend:
            self._place_text("text", legend, layout.legend, None)

    def _draw_symbol(self, sop: Sop, symbol) -> None:  # noqa: ANN001 - a layout Symbol
        scene = self.scene()
        rect = _box_rect(symbol.box)
        if symbol.kind == "decision":
            item: QGraphicsItem = scene.addPolygon(_diamond(rect), QPen(INK, 1.4), QBrush(Qt.GlobalColor.white))
        else:
            item = scene.addRect(rect, QPen(INK, 1.4), QBrush(Qt.GlobalColor.white))
        _tag(item, symbol.kind, symbol.step)
        item.setZValue(3)
        step = sop.step(symbol.step)
        lane = sop.lane(step.pelaksana).nama
        if symbol.inferred:
            tip = _translate(T_PELAKSANA_DISIMPULKAN).format(alasan=step.alasan_pelaksana or "-")
            pen = QPen(INFERRED_PEN, 1, Qt.PenStyle.DashLine)
            if symbol.kind == "decision":
                outline = scene.addPolygon(_diamond(rect.adjusted(-OUTLINE, -OUTLINE, OUTLINE, OUTLINE)), pen)
            else:
                outline = scene.addRect(rect.adjusted(-OUTLINE + 1, -OUTLINE + 1, OUTLINE - 1, OUTLINE - 1), pen)
            _tag(outline, "inferred", symbol.step)
            outline.setToolTip(tip)
            outline.setZValue(2)
        else:
            tip = _translate(T_KEGIATAN).format(no=symbol.step, pelaksana=lane)
        item.setToolTip(tip)
        item.setCursor(Qt.CursorShape.PointingHandCursor)
        number = QGraphicsSimpleTextItem(str(symbol.step), item)
        number.setFont(self._bold)
        _tag(number, "number", symbol.step)
        self._numbers[symbol.step] = number
        if symbol.wait:
            waiting = QGraphicsSimpleTextItem(_translate(T_MENUNGGU), item)
            waiting.setFont(self._small)
            _tag(waiting, "wait", symbol.step)
            br = waiting.boundingRect()
            waiting.setPos(rect.center().x() - br.width() / 2, rect.center().y() + 1)
        self._symbols[symbol.step] = item

    def _draw_companion(self, companion) -> None:  # noqa: ANN001 - a layout Symbol
        """A joint step's symbol in a further lane: the same shape and number, dashed."""
        scene = self.scene()
        pen = QPen(INK, 1.1, Qt.PenStyle.DashLine)
        rect = _box_rect(companion.box)
        item: QGraphicsItem
        if companion.kind == "decision":
            item = scene.addPolygon(_diamond(rect), pen, QBrush(Qt.GlobalColor.white))
        else:
            item = scene.addRect(rect, pen, QBrush(Qt.GlobalColor.white))
        _tag(item, "joint", companion.step)
        item.setZValue(3)
        number = QGraphicsSimpleTextItem(str(companion.step), item)
        number.setFont(self._bold)
        br = number.boundingRect()
        number.setPos(rect.center().x() - br.width() / 2, rect.center().y() - br.height() / 2)

    def _centre_number(self, no: int) -> None:
        number = self._numbers[no]
        rect = self._symbols[no].boundingRect()
        br = number.boundingRect()
        wait = self._sop is not None and self._sop.step(no).is_wait
        y = rect.center().y() - br.height() - 1 if wait else rect.center().y() - br.height() / 2
        number.setPos(rect.center().x() - br.width() / 2, y)

    def _draw_terminator(self, term) -> None:  # noqa: ANN001 - a layout Terminator
        rect = _box_rect(term.box)
        path = QPainterPath()
        path.addRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        item = self.scene().addPath(path, QPen(INK, 1.4), QBrush(Qt.GlobalColor.white))
        _tag(item, "terminator", term.step)
        item.setData(LABEL, term.kind)
        item.setZValue(3)
        text = QGraphicsSimpleTextItem(_translate(T_MULAI) if term.kind == "start" else _translate(T_SELESAI), item)
        text.setFont(self._small)
        _tag(text, "terminator-text", term.step)
        br = text.boundingRect()
        text.setPos(rect.center().x() - br.width() / 2, rect.center().y() - br.height() / 2)
        if term.entry:
            item.setToolTip(_translate(T_MULAI_ENTRI).format(entri=term.entry))

    def _draw_arrow(self, arrow, layout: Layout) -> None:  # noqa: ANN001 - a layout Arrow
        path = QPainterPath(QPointF(*arrow.points[0]))
        for point in arrow.points[1:]:
            path.lineTo(QPointF(*point))
        item = self.scene().addPath(path, QPen(INK, 1.2))
        _tag(item, "arrow")
        item.setData(SOURCE, arrow.source)
        item.setData(TARGET, arrow.target)
        item.setZValue(2)
        (x1, y1), (x2, y2) = arrow.points[-2], arrow.points[-1]
        dx, dy = (x2 > x1) - (x2 < x1), (y2 > y1) - (y2 < y1)
        tip, length, half = QPointF(x2, y2), 8.0, 3.5
        base = QPointF(x2 - dx * length, y2 - dy * length)
        head = QGraphicsPolygonItem(QPolygonF([tip, base + QPointF(-dy * half, dx * half),
                                               base + QPointF(dy * half, -dx * half)]), item)
        _tag(head, "arrowhead")
        self._arrows.append(item)
        if arrow.label and arrow.label_box:
            self._draw_label(arrow)

    def _draw_label(self, arrow) -> None:  # noqa: ANN001 - a layout Arrow
        box = self.scene().addRect(_box_rect(arrow.label_box), QPen(Qt.PenStyle.NoPen),
                                   QBrush(QColor(255, 255, 255, 225)))
        _tag(box, "label")
        box.setData(SOURCE, arrow.source)
        box.setData(TARGET, arrow.target)
        box.setData(LABEL, arrow.label)
        box.setZValue(4)
        text = QGraphicsSimpleTextItem(arrow.label, box)
        text.setFont(self._small)
        _tag(text, "label-text")
        text.setPos(arrow.label_box.x + 2, arrow.label_box.y + 1)

    def _label_size(self, text: str) -> tuple[float, float]:
        metrics = QFontMetricsF(self._small)
        return metrics.horizontalAdvance(text) + 4, metrics.height() + 2

    # ------------------------------------------------------------------ progress
    def _apply_progress(self) -> None:
        if self._sop is None:
            return
        for no, item in self._symbols.items():
            if no == self._current:
                item.setBrush(QBrush(CURRENT_BG))
                item.setPen(QPen(CURRENT_PEN, 3))
                mark = "▶ "
            elif no in self._done:
                item.setBrush(QBrush(DONE_BG))
                item.setPen(QPen(INK, 1.4))
                mark = "✓ "
            else:
                item.setBrush(QBrush(Qt.GlobalColor.white))
                item.setPen(QPen(INK, 1.4))
                mark = ""
            self._numbers[no].setText(f"{mark}{no}")
            self._centre_number(no)
            item.setData(LABEL, "current" if mark == "▶ " else "done" if mark else "")
        taken = set(self._path)
        for arrow in self._arrows:
            edge = (arrow.data(SOURCE), arrow.data(TARGET))
            on_path = edge in taken
            colour = PATH_PEN if on_path else INK
            arrow.setPen(QPen(colour, 3 if on_path else 1.2))
            arrow.setZValue(2.5 if on_path else 2)
            for head in arrow.childItems():
                head.setBrush(QBrush(colour))
                head.setPen(QPen(colour, 1))
