"""Drawing one page of the planned flowchart (flowchart.plan) on the PDF canvas: the table grid
and header, the five symbols as vectors, the arrows, the labels, the off-page connectors and
the legend, all in scene units scaled to the frame."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from sopdesk.catalog.swimlane_layout import OUTLINE, PAD, Box, Content, grow_box
from sopdesk.reports.base import GRID, HEADER_BG, INK
from sopdesk.reports.flowchart_model import Connector, Flowchart, Point
from sopdesk.reports.fonts import BOLD, REGULAR


class FlowchartPage(Flowable):
    """One page of the flow table, header included, drawn at the chart's scale."""

    def __init__(self, chart: Flowchart, index: int):
        super().__init__()
        self.chart = chart
        self.page = chart.pages[index]
        page = self.page
        self.offset = chart.header_h + (chart.band if page.band_top else 0) - page.top
        self.table_h = page.bottom + self.offset + (chart.band if page.band_bottom else 0)
        self.scene_h = self.table_h + (chart.legend_h if page.legend else 0)
        self.fit = 1.0

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        w, h = self.chart.layout.width * self.chart.scale, self.scene_h * self.chart.scale
        self.fit = min(1.0, avail_w / w, avail_h / h)
        return w * self.fit, h * self.fit

    # scene (y down, page-local after `offset`) -> canvas (y up)
    def _y(self, y: float) -> float:
        return self.scene_h - (y + self.offset)

    def draw(self) -> None:
        c: Canvas = self.canv
        c.saveState()
        c.scale(self.chart.scale * self.fit, self.chart.scale * self.fit)
        self._grid(c)
        for arrow in self.page.arrows:
            self._arrow(c, arrow.points)
        for conn in self.page.connectors:
            self._arrow(c, conn.points)
        layout = self.chart.layout
        steps = set(self.page.steps)
        for no in self.page.steps:
            self._symbol(c, layout.symbols[no])
        for companion in layout.companions:  # a joint step shown in its other lanes too (issue #13)
            if companion.step in steps:
                self._companion(c, companion)
        for term in layout.terminators:
            if term.step in steps:
                self._terminator(c, term)
        for arrow in self.page.arrows:
            if arrow.label and arrow.label_box:
                self._label(c, arrow.label, arrow.label_box)
        for conn in self.page.connectors:
            self._connector(c, conn)
            if conn.label and conn.label_box:
                self._label(c, conn.label, conn.label_box)
        if self.page.legend:
            self._legend(c)
        c.restoreState()

    def _rect(self, c: Canvas, box: Box, fill=None, stroke=GRID, width: float = 0.9) -> None:  # noqa: ANN001
        c.setStrokeColor(stroke)
        c.setLineWidth(width)
        if fill is not None:
            c.setFillColor(fill)
        c.rect(box.x, self._y(box.bottom), box.w, box.h, stroke=1, fill=fill is not None)

    def _text(self, c: Canvas, kind: str, content: Content, box: Box, centre: bool = False) -> None:
        t = self.chart.type
        lines = t.layout_lines(kind, content, box.w - 2 * PAD)
        height = t.measure(kind, content, box.w - 2 * PAD)
        top = box.y + ((box.h - height) / 2 if centre else PAD)
        c.setFillColor(INK)
        for row, x, line, bold in lines:
            baseline = top + row * t.leading + t.size * 0.95
            c.setFont(BOLD if bold else REGULAR, t.size)
            if centre or kind == "number":
                c.drawCentredString(box.cx, self._y(baseline), line)
            else:
                c.drawString(box.x + PAD + x, self._y(baseline), line)

    def _grid(self, c: Canvas) -> None:
        layout = self.chart.layout
        page = self.page
        for cell in layout.header:
            box = Box(cell.box.x, cell.box.y - self.offset, cell.box.w, cell.box.h)
            self._rect(c, box, HEADER_BG)
            self._text(c, "header", cell.content, box, centre=True)
        bands = []
        if page.band_top:
            bands.append(page.top - self.chart.band)
        if page.band_bottom:
            bands.append(page.bottom)
        for y in bands:
            for column in layout.columns.values():
                self._rect(c, Box(column.x, y, column.w, self.chart.band))
        steps = set(page.steps)
        for no in page.steps:
            row = layout.rows[no]
            for column in layout.columns.values():
                self._rect(c, Box(column.x, row.y, column.w, row.h))
        for cell in layout.cells:
            if cell.step in steps:
                self._text(c, cell.kind, cell.content, cell.box)
        c.setStrokeColor(INK)
        c.setLineWidth(1.3)
        c.rect(0, self._y(self.table_h - self.offset), layout.width, self.table_h, stroke=1, fill=0)

    def _arrow(self, c: Canvas, points: Sequence[Point]) -> None:
        c.setStrokeColor(INK)
        c.setFillColor(INK)
        c.setLineWidth(1.1)
        path = c.beginPath()
        path.moveTo(points[0][0], self._y(points[0][1]))
        for x, y in points[1:]:
            path.lineTo(x, self._y(y))
        c.drawPath(path, stroke=1, fill=0)
        (x1, y1), (x2, y2) = points[-2], points[-1]
        dx, dy = (x2 > x1) - (x2 < x1), (y2 > y1) - (y2 < y1)
        length, half = 7.0, 3.0
        bx, by = x2 - dx * length, y2 - dy * length
        tri = c.beginPath()
        tri.moveTo(x2, self._y(y2))
        tri.lineTo(bx - dy * half, self._y(by + dx * half))
        tri.lineTo(bx + dy * half, self._y(by - dx * half))
        tri.close()
        c.drawPath(tri, stroke=0, fill=1)

    def _symbol(self, c: Canvas, symbol) -> None:  # noqa: ANN001 - a layout Symbol
        box = symbol.box
        c.setFillColorRGB(1, 1, 1)
        c.setStrokeColor(INK)
        c.setLineWidth(1.3)
        if symbol.kind == "decision":
            self._polygon(c, _diamond(box), fill=True)
        else:
            c.rect(box.x, self._y(box.bottom), box.w, box.h, stroke=1, fill=1)
        if symbol.inferred:
            c.saveState()
            c.setDash(3, 2)
            c.setLineWidth(0.8)
            c.setStrokeColor(GRID)
            grown = grow_box(box, OUTLINE - 1)
            if symbol.kind == "decision":
                self._polygon(c, _diamond(grow_box(box, OUTLINE)), fill=False)
            else:
                c.rect(grown.x, self._y(grown.bottom), grown.w, grown.h, stroke=1, fill=0)
            c.restoreState()
        room = box.w * (0.5 if symbol.kind == "decision" else 0.85)
        size = _fit(str(symbol.step), BOLD, self.chart.type.size * 1.1, room, box.h * 0.42)
        c.setFillColor(INK)
        c.setFont(BOLD, size)
        if symbol.wait:
            c.drawCentredString(box.cx, self._y(box.cy - 1.5), str(symbol.step))
            small = _fit("menunggu", REGULAR, self.chart.type.size * 0.85, box.w - 6, box.h * 0.4)
            c.setFont(REGULAR, small)
            c.drawCentredString(box.cx, self._y(box.cy + small + 0.5), "menunggu")
        else:
            c.drawCentredString(box.cx, self._y(box.cy + size * 0.36), str(symbol.step))

    def _companion(self, c: Canvas, companion) -> None:  # noqa: ANN001 - a layout Symbol
        """The symbol of a joint step in a further lane: the same shape and number, dashed (no
        link line: the routes of the first lane's symbol may leave by its side)."""
        c.saveState()
        c.setDash(4, 2)
        c.setStrokeColor(INK)
        c.setLineWidth(1.0)
        box = companion.box
        c.setFillColorRGB(1, 1, 1)
        if companion.kind == "decision":
            self._polygon(c, _diamond(box), fill=True)
        else:
            c.rect(box.x, self._y(box.bottom), box.w, box.h, stroke=1, fill=1)
        c.restoreState()
        size = _fit(str(companion.step), BOLD, self.chart.type.size * 1.1, box.w * 0.5, box.h * 0.42)
        c.setFillColor(INK)
        c.setFont(BOLD, size)
        c.drawCentredString(box.cx, self._y(box.cy + size * 0.36), str(companion.step))

    def _polygon(self, c: Canvas, points: list[Point], fill: bool) -> None:
        path = c.beginPath()
        path.moveTo(points[0][0], self._y(points[0][1]))
        for x, y in points[1:]:
            path.lineTo(x, self._y(y))
        path.close()
        c.drawPath(path, stroke=1, fill=1 if fill else 0)

    def _terminator(self, c: Canvas, term) -> None:  # noqa: ANN001 - a layout Terminator
        box = term.box
        c.setFillColorRGB(1, 1, 1)
        c.setStrokeColor(INK)
        c.setLineWidth(1.3)
        c.roundRect(box.x, self._y(box.bottom), box.w, box.h, box.h / 2, stroke=1, fill=1)
        word = "Mulai" if term.kind == "start" else "Selesai"
        size = _fit(word, REGULAR, self.chart.type.size * 0.95, box.w - box.h * 0.6, box.h * 0.75)
        c.setFillColor(INK)
        c.setFont(REGULAR, size)
        c.drawCentredString(box.cx, self._y(box.cy + size * 0.36), word)

    def _label(self, c: Canvas, label: str, box: Box) -> None:
        c.setFillColorRGB(1, 1, 1)
        c.rect(box.x, self._y(box.bottom), box.w, box.h, stroke=0, fill=1)
        c.setFillColor(INK)
        size = self.chart.type.size
        c.setFont(REGULAR, size)
        c.drawString(box.x + 2, self._y(box.bottom - (box.h - size) / 2 - size * 0.2), label)

    def _connector(self, c: Canvas, conn: Connector) -> None:
        box = conn.box
        shoulder = box.y + box.h * 0.62
        points = [(box.x, box.y), (box.right, box.y), (box.right, shoulder), (box.cx, box.bottom),
                  (box.x, shoulder)]
        c.setFillColorRGB(1, 1, 1)
        c.setStrokeColor(INK)
        c.setLineWidth(1.3)
        self._polygon(c, points, fill=True)
        size = _fit(conn.letter, BOLD, self.chart.type.size * 1.1, box.w - 4, box.h * 0.5)
        c.setFillColor(INK)
        c.setFont(BOLD, size)
        c.drawCentredString(box.cx, self._y(box.y + box.h * 0.33 + size * 0.36), conn.letter)

    def _legend(self, c: Canvas) -> None:
        t = self.chart.type
        c.setFillColor(INK)
        c.setFont(REGULAR, t.size)
        y = self.table_h + 6
        for line in t.wrap(self.chart.legend_text, self.chart.layout.width):
            y += t.leading
            c.drawString(0, self.scene_h - y + t.leading * 0.25, line)


def _fit(word: str, font: str, size: float, width: float, height: float) -> float:
    """`size`, or smaller so that `word` fits `width` and its capitals fit `height`."""
    wide = stringWidth(word, font, size)
    if wide > width:
        size *= width / wide
    return min(size, height / 0.73)


def _diamond(box: Box) -> list[Point]:
    return [(box.cx, box.y), (box.right, box.cy), (box.cx, box.bottom), (box.x, box.cy)]
