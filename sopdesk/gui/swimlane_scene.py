"""Drawing an SOP's flow table into a QGraphicsScene: the cells, the texts, the five
flowchart symbols, the arrows and their labels, and the progress marks; kept apart from the
view (sopdesk.gui.swimlane), which zooms, scrolls, freezes panes and answers clicks.

Every item of the scene says what it is in its data: KIND ("process", "decision",
"terminator", "arrow", "label", "text", "cell", ...), STEP (the step number it belongs to)
and CELL (the cell rect of a text item), which the tests use and the click handling relies on.
Text is measured with the same text items that are drawn, so a row is always tall enough."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainterPath, QPen, QPolygonF, QTextOption
from PySide6.QtWidgets import (
    QAbstractGraphicsShapeItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
)

from sopdesk.catalog.schema import Sop
from sopdesk.catalog.swimlane_layout import OUTLINE, PAD, Arrow, Box, Content, Layout, Symbol, Terminator
from sopdesk.gui.markers import QT_TRANSLATE_NOOP

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


T_KEGIATAN = QT_TRANSLATE_NOOP("SwimlaneView", "Kegiatan {no} — {pelaksana}")
T_MULAI = QT_TRANSLATE_NOOP("SwimlaneView", "Mulai")
T_MULAI_ENTRI = QT_TRANSLATE_NOOP("SwimlaneView", "Mulai: {entri}")
T_PELAKSANA_DISIMPULKAN = QT_TRANSLATE_NOOP("SwimlaneView", "Pelaksana disimpulkan: {alasan}")
T_SELESAI = QT_TRANSLATE_NOOP("SwimlaneView", "Selesai")
T_MENUNGGU = QT_TRANSLATE_NOOP("SwimlaneView", "menunggu")


def _translate(text: str) -> str:
    return QCoreApplication.translate("SwimlaneView", text)


def tag(item: QGraphicsItem, kind: str, step: int = 0) -> QGraphicsItem:
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


def step_among(items: list[QGraphicsItem]) -> int | None:
    """The step of the topmost item that belongs to one. Every item, children included, is
    tagged with its STEP, so the parents are never asked: in PySide6 6.11, parentItem() on a
    top-level item hands the item's ownership to Python, which then deletes it a second time
    after scene.clear() (the segmentation fault on switching SOPs after a click)."""
    for item in items:
        no = item.data(STEP)
        if no:
            return int(no)
    return None


class SceneDrawing:
    """The drawn items of one SOP on `scene`, by step: symbols, their numbers, the row
    highlights and the arrows (for the progress marks, the selection and the clicks)."""

    def __init__(self, scene: QGraphicsScene, font: QFont):
        self.scene = scene
        self.body = QFont(font)
        self.body.setPointSizeF(9)
        self.bold = QFont(self.body)
        self.bold.setBold(True)
        self.small = QFont(self.body)
        self.small.setPointSizeF(7.5)
        self.sop: Sop | None = None
        self.measured: dict[tuple[str, Content, float], QGraphicsTextItem] = {}
        self.symbols: dict[int, QAbstractGraphicsShapeItem] = {}
        self.numbers: dict[int, QGraphicsSimpleTextItem] = {}
        self.rows: dict[int, QGraphicsRectItem] = {}
        self.arrows: list[QGraphicsPathItem] = []

    def clear(self) -> None:
        """Drop every Python reference to the items, then the items: a wrapper that outlives
        its item is a dangling pointer, and one that Python came to own (see step_among) would
        delete the item a second time."""
        self.symbols.clear()
        self.numbers.clear()
        self.rows.clear()
        self.arrows.clear()
        self.measured.clear()
        self.sop = None
        self.scene.clear()

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
        item.setFont(self.bold if kind == "header" else self.body)
        item.setDefaultTextColor(INK)
        if isinstance(content, tuple):
            doc.setIndentWidth(11)
            rows = "".join(f"<li>{escape(text)}</li>" for text in content)
            item.setHtml(f'<ul style="margin-top:0; margin-bottom:0; margin-left:0; -qt-list-indent:1">{rows}</ul>')
        else:
            item.setPlainText(content)
        item.setTextWidth(width)
        return item

    def measure(self, kind: str, content: Content, width: float) -> float:
        key = (kind, content, width)
        if key not in self.measured:
            self.measured[key] = self._text_item(kind, content, width)
        return self.measured[key].boundingRect().height()

    def _place_text(self, kind: str, content: Content, box: Box, step: int | None, centre: bool = False) -> None:
        width = box.w - 2 * PAD
        item = self.measured.pop((kind, content, width), None) or self._text_item(kind, content, width)
        height = item.boundingRect().height()
        y = box.y + (box.h - height) / 2 if centre else box.y + PAD
        item.setPos(box.x + PAD, y)
        tag(item, "text", step or 0)
        item.setData(CELL, _box_rect(box))
        item.setZValue(1)
        self.scene.addItem(item)

    # ------------------------------------------------------------------ drawing
    def draw(self, sop: Sop, layout: Layout, legend: str) -> None:
        """Draw the whole table of `sop` at `layout`'s geometry (text measured by `measure`)."""
        self.sop = sop
        scene = self.scene
        tag(scene.addRect(QRectF(0, 0, layout.width, layout.height), QPen(Qt.PenStyle.NoPen),
                           QBrush(Qt.GlobalColor.white)), "background").setZValue(-2)
        grid = QPen(GRID, 1)
        for cell in layout.header:
            tag(scene.addRect(_box_rect(cell.box), grid, QBrush(HEADER_BG)), "header")
            self._place_text("header", cell.content, cell.box, None, centre=True)
        for no, row in layout.rows.items():
            for key, column in layout.columns.items():
                lane_index = layout.lane_keys.index(key) if key in layout.lane_keys else -1
                brush = LANE_BG[lane_index % 2] if lane_index >= 0 else LANE_BG[0]
                rect = scene.addRect(QRectF(column.x, row.y, column.w, row.h), grid, QBrush(brush))
                tag(rect, "cell", no)
                rect.setZValue(-1)
            highlight = scene.addRect(QRectF(row.x + 1, row.y + 1, row.w - 2, row.h - 2), QPen(Qt.PenStyle.NoPen))
            tag(highlight, "row")
            highlight.setZValue(5)
            highlight.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self.rows[no] = highlight
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

    def _draw_symbol(self, sop: Sop, symbol: Symbol) -> None:
        scene = self.scene
        rect = _box_rect(symbol.box)
        if symbol.kind == "decision":
            item: QAbstractGraphicsShapeItem = scene.addPolygon(_diamond(rect), QPen(INK, 1.4),
                                                                QBrush(Qt.GlobalColor.white))
        else:
            item = scene.addRect(rect, QPen(INK, 1.4), QBrush(Qt.GlobalColor.white))
        tag(item, symbol.kind, symbol.step)
        item.setZValue(3)
        step = sop.step(symbol.step)
        lane = sop.lane(step.pelaksana).nama
        if symbol.inferred:
            tip = _translate(T_PELAKSANA_DISIMPULKAN).format(alasan=step.alasan_pelaksana or "-")
            pen = QPen(INFERRED_PEN, 1, Qt.PenStyle.DashLine)
            outline: QGraphicsItem
            if symbol.kind == "decision":
                outline = scene.addPolygon(_diamond(rect.adjusted(-OUTLINE, -OUTLINE, OUTLINE, OUTLINE)), pen)
            else:
                outline = scene.addRect(rect.adjusted(-OUTLINE + 1, -OUTLINE + 1, OUTLINE - 1, OUTLINE - 1), pen)
            tag(outline, "inferred", symbol.step)
            outline.setToolTip(tip)
            outline.setZValue(2)
        else:
            tip = _translate(T_KEGIATAN).format(no=symbol.step, pelaksana=lane)
        item.setToolTip(tip)
        item.setCursor(Qt.CursorShape.PointingHandCursor)
        number = QGraphicsSimpleTextItem(str(symbol.step), item)
        number.setFont(self.bold)
        tag(number, "number", symbol.step)
        self.numbers[symbol.step] = number
        if symbol.wait:
            waiting = QGraphicsSimpleTextItem(_translate(T_MENUNGGU), item)
            waiting.setFont(self.small)
            tag(waiting, "wait", symbol.step)
            br = waiting.boundingRect()
            waiting.setPos(rect.center().x() - br.width() / 2, rect.center().y() + 1)
        self.symbols[symbol.step] = item

    def _draw_companion(self, companion: Symbol) -> None:
        """A joint step's symbol in a further lane: the same shape and number, dashed."""
        scene = self.scene
        pen = QPen(INK, 1.1, Qt.PenStyle.DashLine)
        rect = _box_rect(companion.box)
        item: QGraphicsItem
        if companion.kind == "decision":
            item = scene.addPolygon(_diamond(rect), pen, QBrush(Qt.GlobalColor.white))
        else:
            item = scene.addRect(rect, pen, QBrush(Qt.GlobalColor.white))
        tag(item, "joint", companion.step)
        item.setZValue(3)
        number = QGraphicsSimpleTextItem(str(companion.step), item)
        number.setFont(self.bold)
        br = number.boundingRect()
        number.setPos(rect.center().x() - br.width() / 2, rect.center().y() - br.height() / 2)

    def _centre_number(self, no: int) -> None:
        number = self.numbers[no]
        rect = self.symbols[no].boundingRect()
        br = number.boundingRect()
        wait = self.sop is not None and self.sop.step(no).is_wait
        y = rect.center().y() - br.height() - 1 if wait else rect.center().y() - br.height() / 2
        number.setPos(rect.center().x() - br.width() / 2, y)

    def _draw_terminator(self, term: Terminator) -> None:
        rect = _box_rect(term.box)
        path = QPainterPath()
        path.addRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        item = self.scene.addPath(path, QPen(INK, 1.4), QBrush(Qt.GlobalColor.white))
        tag(item, "terminator", term.step)
        item.setData(LABEL, term.kind)
        item.setZValue(3)
        text = QGraphicsSimpleTextItem(_translate(T_MULAI) if term.kind == "start" else _translate(T_SELESAI), item)
        text.setFont(self.small)
        tag(text, "terminator-text", term.step)
        br = text.boundingRect()
        text.setPos(rect.center().x() - br.width() / 2, rect.center().y() - br.height() / 2)
        if term.entry:
            item.setToolTip(_translate(T_MULAI_ENTRI).format(entri=term.entry))

    def _draw_arrow(self, arrow: Arrow, layout: Layout) -> None:
        path = QPainterPath(QPointF(*arrow.points[0]))
        for point in arrow.points[1:]:
            path.lineTo(QPointF(*point))
        item = self.scene.addPath(path, QPen(INK, 1.2))
        tag(item, "arrow")
        item.setData(SOURCE, arrow.source)
        item.setData(TARGET, arrow.target)
        item.setZValue(2)
        (x1, y1), (x2, y2) = arrow.points[-2], arrow.points[-1]
        dx, dy = (x2 > x1) - (x2 < x1), (y2 > y1) - (y2 < y1)
        tip, length, half = QPointF(x2, y2), 8.0, 3.5
        base = QPointF(x2 - dx * length, y2 - dy * length)
        head = QGraphicsPolygonItem(QPolygonF([tip, base + QPointF(-dy * half, dx * half),
                                               base + QPointF(dy * half, -dx * half)]), item)
        tag(head, "arrowhead")
        self.arrows.append(item)
        if arrow.label and arrow.label_box:
            self._draw_label(arrow)

    def _draw_label(self, arrow: Arrow) -> None:
        assert arrow.label is not None and arrow.label_box is not None, "drawn only for a labelled arrow"
        box = self.scene.addRect(_box_rect(arrow.label_box), QPen(Qt.PenStyle.NoPen),
                                 QBrush(QColor(255, 255, 255, 225)))
        tag(box, "label")
        box.setData(SOURCE, arrow.source)
        box.setData(TARGET, arrow.target)
        box.setData(LABEL, arrow.label)
        box.setZValue(4)
        text = QGraphicsSimpleTextItem(arrow.label, box)
        text.setFont(self.small)
        tag(text, "label-text")
        text.setPos(arrow.label_box.x + 2, arrow.label_box.y + 1)

    def label_size(self, text: str) -> tuple[float, float]:
        metrics = QFontMetricsF(self.small)
        return metrics.horizontalAdvance(text) + 4, metrics.height() + 2

    # ------------------------------------------------------------------ progress
    def apply_progress(self, done: set[int], current: int | None, path: list[tuple[int, int]]) -> None:
        """Completed steps green with ✓, the current one amber with ▶, the edges taken blue."""
        if self.sop is None:
            return
        for no, item in self.symbols.items():
            if no == current:
                item.setBrush(QBrush(CURRENT_BG))
                item.setPen(QPen(CURRENT_PEN, 3))
                mark = "▶ "
            elif no in done:
                item.setBrush(QBrush(DONE_BG))
                item.setPen(QPen(INK, 1.4))
                mark = "✓ "
            else:
                item.setBrush(QBrush(Qt.GlobalColor.white))
                item.setPen(QPen(INK, 1.4))
                mark = ""
            self.numbers[no].setText(f"{mark}{no}")
            self._centre_number(no)
            item.setData(LABEL, "current" if mark == "▶ " else "done" if mark else "")
        taken = set(path)
        for arrow in self.arrows:
            edge = (arrow.data(SOURCE), arrow.data(TARGET))
            on_path = edge in taken
            colour = PATH_PEN if on_path else INK
            arrow.setPen(QPen(colour, 3 if on_path else 1.2))
            arrow.setZValue(2.5 if on_path else 2)
            for head in arrow.childItems():
                if isinstance(head, QGraphicsPolygonItem):  # its arrowhead, its only child
                    head.setBrush(QBrush(colour))
                    head.setPen(QPen(colour, 1))
