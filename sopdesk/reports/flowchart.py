"""The flow table of an SOP on paper (Permenpan RB 35/2012): No, Kegiatan, one column per
pelaksana, Kelengkapan, Waktu, Output, Keterangan; the five symbols drawn as vectors.

The geometry comes from the Qt-free swimlane layout (sopdesk.catalog.swimlane_layout: rows,
lane columns, symbols, routed arrows), measured with the PDF fonts. The rows are then cut
into pages (a row never splits, the header repeats on every page). An arrow whose two ends
land on different pages is replaced by a pair of lettered off-page connectors: a pentagon
"A" in a band under the last row of the source's page and a pentagon "A" in a band above
the first row of the target's page, each with its own short arrow routed around the
symbols of that page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from sopdesk.catalog.schema import Sop
from sopdesk.catalog.swimlane_layout import (
    CHANNEL,
    CLEAR,
    DECISION_W,
    OUTLINE,
    PAD,
    TRACK,
    Arrow,
    Box,
    Content,
    Layout,
    boxes_overlap,
    compute_layout,
    grow_box,
    segments_cross,
    segments_overlap,
    simplify_path,
)
from sopdesk.reports.base import GRID, HEADER_BG, INK
from sopdesk.reports.fonts import BOLD, REGULAR, register_fonts

Point = tuple[float, float]

FONT_PT = 6.8                # the printed size of the table text
HEADERS = {"no": "No", "kegiatan": "Kegiatan", "pelaksana": "Pelaksana", "mutu_baku": "Mutu Baku",
           "kelengkapan": "Kelengkapan", "waktu": "Waktu", "output": "Output", "keterangan": "Keterangan"}
LEGEND = ("Simbol: oval = mulai/selesai; persegi panjang = kegiatan; belah ketupat = keputusan (keluar "
          "\u201cYa\u201d / \u201cTidak\u201d); panah = arus kegiatan; segi lima berhuruf = penghubung "
          "antarhalaman (lanjut pada segi lima berhuruf sama di halaman lain).")
LEGEND_INFERRED = (" Simbol bergaris putus-putus: pelaksana disimpulkan dari bunyi kegiatan karena tanda "
                   "bagan alir pada sumber hilang.")

# off-page connector bands (scene units, like the layout)
JOGS = (6.0, 11.0, 16.0)     # levels for the horizontal run inside a band, from its inner edge


def connector_size(font_size: float) -> float:
    """Width = height of an off-page connector: room for its letter at any scale."""
    return max(22.0, font_size * 1.9)


def band_height(font_size: float) -> float:
    return connector_size(font_size) + JOGS[-1] + 12
HIT = 10000.0


# --- text measured and drawn the same way ---------------------------------------------------------

class Typesetter:
    """Wraps and measures cell text in scene units at `size` (the layout's units)."""

    def __init__(self, size: float):
        register_fonts()
        self.size = size
        self.leading = size * 1.2
        self.bullet = "\u2022"
        self.indent = stringWidth(self.bullet + " ", REGULAR, size)

    def font(self, kind: str) -> str:
        return BOLD if kind == "header" else REGULAR

    def wrap(self, text: str, width: float, font: str = REGULAR, size: float | None = None) -> list[str]:
        size = size or self.size
        width = max(width, size)
        lines: list[str] = []
        for paragraph in str(text).split("\n"):
            line = ""
            for word in paragraph.split():
                while stringWidth(word, font, size) > width:  # longer than the column: break it
                    if line:
                        lines.append(line)
                        line = ""
                    head, word = self._break(word, width, font, size)
                    lines.append(head)
                candidate = f"{line} {word}" if line else word
                if stringWidth(candidate, font, size) <= width:
                    line = candidate
                else:
                    lines.append(line)
                    line = word
            lines.append(line)
        return lines

    @staticmethod
    def _break(word: str, width: float, font: str, size: float) -> tuple[str, str]:
        """The longest head of `word` that fits: after a '/' or '-' if there is one, else
        hyphenated."""
        for cut in range(len(word) - 1, 1, -1):
            if word[cut - 1] in "/-" and stringWidth(word[:cut], font, size) <= width:
                return word[:cut], word[cut:]
        cut = len(word) - 1
        while cut > 1 and stringWidth(word[:cut] + "-", font, size) > width:
            cut -= 1
        return word[:cut] + "-", word[cut:]

    def layout_lines(self, kind: str, content: Content, width: float) -> list[tuple[int, float, str, bool]]:
        """(row, x offset, text, bold) of every piece of a cell's content; a list item's bullet
        shares the row of the item's first line."""
        if isinstance(content, tuple):
            out = []
            row = 0
            for item in content:
                out.append((row, 0.0, self.bullet, False))
                for line in self.wrap(item, width - self.indent):
                    out.append((row, self.indent, line, False))
                    row += 1
            return out
        font = self.font(kind)
        return [(i, 0.0, line, kind == "header") for i, line in enumerate(self.wrap(content, width, font))]

    def measure(self, kind: str, content: Content, width: float) -> float:
        lines = self.layout_lines(kind, content, width)
        return (max(row for row, *_ in lines) + 1) * self.leading if lines else 0.0

    def label_size(self, text: str) -> tuple[float, float]:
        return stringWidth(text, REGULAR, self.size) + 4, self.size * 1.2 + 2


# --- pages ----------------------------------------------------------------------------------------

@dataclass
class Connector:
    letter: str
    box: Box                  # global layout coordinates (inside a band)
    points: tuple[Point, ...]  # its arrow on this page
    incoming: bool
    label: str | None = None
    label_box: Box | None = None


@dataclass
class FlowPage:
    steps: list[int]
    top: float                # global y of the first row
    bottom: float             # global y under the last row
    band_top: bool
    band_bottom: bool
    arrows: list[Arrow] = field(default_factory=list)
    connectors: list[Connector] = field(default_factory=list)
    legend: bool = False


@dataclass
class Flowchart:
    sop: Sop
    layout: Layout
    scale: float
    type: Typesetter
    header_h: float
    legend_text: str
    legend_h: float
    pages: list[FlowPage]
    band: float               # height of a connector band
    conn: float               # width = height of a connector

    @property
    def letters(self) -> list[str]:
        return [c.letter for page in self.pages for c in page.connectors]


def _flows(layout: Layout) -> list[Arrow]:
    return [a for a in layout.arrows if isinstance(a.source, int) and isinstance(a.target, int)]


def plan(sop: Sop, width: float, height: float) -> Flowchart:
    """Lay out the flow table of `sop` for frames of width x height points."""
    lanes = len(sop.pelaksana)
    scale = width / (36 + 230 + 150 + 96 + 150 + 210 + 100 * lanes)
    layout: Layout | None = None
    for _ in range(5):
        typeset = Typesetter(FONT_PT / scale)
        layout = compute_layout(sop, typeset.measure, HEADERS, "", typeset.label_size)
        new = width / layout.width
        if abs(new - scale) < 1e-4:
            break
        scale = new
    assert layout is not None
    header_h = max(cell.box.bottom for cell in layout.header)
    legend = LEGEND + (LEGEND_INFERRED if any(k.pelaksana_disimpulkan for k in sop.kegiatan) else "")
    legend_h = len(typeset.wrap(legend, layout.width)) * typeset.leading + 8
    band = band_height(typeset.size)
    pages = _paginate(sop, layout, header_h, height / scale, legend_h, band)
    chart = Flowchart(sop, layout, scale, typeset, header_h, legend, legend_h, pages, band,
                      connector_size(typeset.size))
    _connect(chart)
    return chart


def _paginate(sop: Sop, layout: Layout, header_h: float, room: float, legend_h: float,
              band: float) -> list[FlowPage]:
    order = [k.no for k in sop.kegiatan]
    flows = [(a.source, a.target) for a in _flows(layout)]

    def bands(first: int, last: int) -> tuple[bool, bool]:
        steps = set(order[first:last + 1])
        return (any(t in steps and s not in steps for s, t in flows),
                any(s in steps and t not in steps for s, t in flows))

    def need(first: int, last: int) -> float:
        top, bottom = bands(first, last)
        rows = layout.rows[order[last]].bottom - layout.rows[order[first]].y
        return header_h + rows + band * (top + bottom) + (legend_h if last == len(order) - 1 else 0)

    ranges = []
    first = 0
    while first < len(order):
        last = first
        for j in range(first + 1, len(order)):
            if layout.rows[order[j]].bottom - layout.rows[order[first]].y + header_h > room:
                break
            if need(first, j) <= room:
                last = j
        ranges.append((first, last))
        first = last + 1
    pages = []
    for first, last in ranges:
        top, bottom = bands(first, last)
        steps = order[first:last + 1]
        pages.append(FlowPage(steps, layout.rows[steps[0]].y, layout.rows[steps[-1]].bottom, top, bottom,
                              legend=last == len(order) - 1))
    return pages


# --- routing the connector arrows -----------------------------------------------------------------






def _gutters(layout: Layout) -> list[float]:
    """The x of every gutter track (as the layout's router uses them), best first per gutter."""
    lanes = layout.lane_keys
    lane_w = layout.columns[lanes[0]].w
    x0 = layout.lane_area.x
    tracks: list[float] = []
    for g in range(len(lanes) + 1):
        boundary = x0 + g * lane_w
        half = (lane_w - DECISION_W) / 2 - CLEAR
        if 0 < g < len(lanes):
            offsets = [TRACK / 2 + i * TRACK for i in range(int((half - TRACK / 2) // TRACK) + 1)]
            tracks += [boundary + sign * o for o in offsets for sign in (-1, 1)]
        elif g == 0:
            inner = boundary + half
            tracks += [inner - i * TRACK for i in range(int((half - CLEAR - 1) // TRACK) + 1)]
        else:
            inner = boundary - half
            tracks += [inner + i * TRACK for i in range(int((half - CLEAR - 1) // TRACK) + 1)]
    return tracks


class _PageRouter:
    def __init__(self, chart: Flowchart, page: FlowPage):
        layout = chart.layout
        self.chart = chart
        self.page = page
        steps = set(page.steps)
        self.obstacles = [layout.symbols[no].box for no in steps]
        self.obstacles += [t.box for t in layout.terminators if t.step in steps]
        self.segments = [seg for a in page.arrows for seg in pairwise(a.points)]
        self.labels = [a.label_box for a in page.arrows if a.label_box is not None]
        self.tracks = _gutters(layout)
        self.lane_w = layout.columns[layout.lane_keys[0]].w
        self.area = layout.lane_area
        self.used_ports = {p for a in page.arrows for p in (a.points[0], a.points[-1])}
        self.conn = chart.conn
        self.band = chart.band

    def slots(self, lane: str) -> list[float]:
        col = self.chart.layout.columns[f"lane:{lane}"]
        out = [col.cx]
        k = 1
        slot = self.conn + 8
        while k * slot + self.conn / 2 + 3 <= col.w / 2:
            out += [col.cx + k * slot, col.cx - k * slot]
            k += 1
        return out

    def score(self, points: Sequence[Point], conn: Box) -> float:
        total = sum(abs(a[0] - b[0]) + abs(a[1] - b[1]) for a, b in pairwise(points)) / 20
        total += 4 * (len(points) - 2)
        for seg in pairwise(points):
            for box in self.obstacles:
                if box.hit_by(seg):
                    total += HIT
            for other in self.segments:
                over = segments_overlap(seg, other, tolerance=1)
                if over > 0.5:
                    total += 500 + over
                elif segments_cross(seg, other):
                    total += 25
        for other in self.obstacles:
            if boxes_overlap(grow_box(conn, 2), other):
                total += HIT
        return total

    def place(self, points: tuple[Point, ...], conn: Box, letter: str, incoming: bool,
              label: str | None = None) -> Connector:
        self.segments += list(pairwise(points))
        self.obstacles.append(conn)
        connector = Connector(letter, conn, points, incoming, label)
        if label:
            connector.label_box = self._label(label, points)[1]
            self.labels.append(connector.label_box)
        return connector

    def _label(self, label: str, points: tuple[Point, ...]) -> tuple[float, Box]:
        """Where the choice label of an arrow goes (beside its first two segments, on nothing
        drawn), and how bad that spot is."""
        segments = self.segments + [seg for seg in pairwise(points) if seg not in self.segments]
        w, h = self.chart.type.label_size(label)
        best: tuple[float, Box] | None = None
        rank = 0
        for (x1, y1), (x2, y2) in list(pairwise(points))[:2]:
            if abs(y1 - y2) < 0.01:
                spots = []
                for shift in (2.0, OUTLINE + 3, 2 * OUTLINE + 6):
                    x = x1 + shift if x2 > x1 else x1 - shift - w
                    spots += [Box(x, y1 - h - 1, w, h), Box(x, y1 + 1, w, h)]
            else:
                spots = []
                for shift in (2.0, OUTLINE + 3, 16.0, 32.0, 48.0, 64.0, 80.0):
                    y = y1 + shift if y2 > y1 else y1 - shift - h
                    spots += [Box(x1 + 2, y, w, h), Box(x1 - 2 - w, y, w, h)]
            for spot in spots:
                rank += 1
                if spot.x < self.area.x + 1 or spot.right > self.area.right - 1:
                    continue
                score = rank + sum(100 for b in self.obstacles if boxes_overlap(grow_box(b, 2), spot))
                score += sum(100 for b in self.labels if boxes_overlap(b, spot))
                score += sum(50 for seg in segments if grow_box(spot, 1).hit_by(seg))
                if best is None or score < best[0]:
                    best = (score, spot)
        if best is None:
            x0, y0 = points[0]
            return 1000.0, Box(x0 + 2, y0 + 1, w, h)
        return best

    # outgoing: source symbol -> connector in the bottom band
    def outgoing(self, arrow: Arrow, letter: str, lane: str) -> Connector:
        symbol = self.chart.layout.symbols[int(arrow.source)]
        sym = symbol.box
        band = self.page.bottom
        conn_top = band + JOGS[-1] + 6
        ports = [arrow.points[0]]
        if symbol.kind == "decision":   # off the page the exit may leave by any free corner
            ports += [p for p in ((sym.cx, sym.bottom), (sym.right, sym.cy), (sym.x, sym.cy))
                      if p not in self.used_ports and p != arrow.points[0]]
        heads: list[tuple[list[Point], float]] = []
        for p0 in ports:
            if abs(p0[1] - sym.bottom) < 0.01:
                heads.append(([p0], 0.0))
                channel = sym.bottom + CHANNEL / 2
                heads += [([p0, (p0[0], channel), (gx, channel)], 0.0) for gx in self.tracks]
            else:
                right = p0[0] >= sym.right - 0.01
                cost = 0.0 if right or not arrow.label else 3.0   # labels read better on the right
                heads += [([p0, (gx, p0[1])], cost) for gx in self.tracks
                          if (gx > sym.right + 2 if right else gx < sym.x - 2)]
        connector = self._best_out(heads, band, conn_top, letter, lane, arrow.label)
        self.used_ports.add(connector.points[0])
        return connector

    def _best_out(self, heads: list[tuple[list[Point], float]], band: float, conn_top: float, letter: str,
                  lane: str, label: str | None) -> Connector:
        candidates: list[tuple[float, tuple[Point, ...], Box]] = []
        for lanes_cost, lanes in ((0, [lane]), (30, [k[5:] for k in self.chart.layout.lane_keys])):
            for si, sx in enumerate(s for ln in lanes for s in self.slots(ln)):
                conn = Box(sx - self.conn / 2, conn_top, self.conn, self.conn)
                for head, cost in heads:
                    hx = head[-1][0]
                    tails = [[(sx, conn_top)]] if abs(hx - sx) < 0.01 else [
                        [(hx, band + jog), (sx, band + jog), (sx, conn_top)] for jog in JOGS]
                    for tail in tails:
                        points = simplify_path(head + tail)
                        candidates.append((self.score(points, conn) + lanes_cost + si + cost, points, conn))
            if min(c[0] for c in candidates) < HIT:
                break
        candidates.sort(key=lambda c: c[0])
        best = candidates[0]
        if label:   # the route whose label finds a clean spot: a label must not hide a line
            best = min(candidates[:24], key=lambda c: c[0] + self._label(label, c[1])[0])
        return self.place(best[1], best[2], letter, False, label)

    # incoming: connector in the top band -> target symbol
    def incoming(self, arrow: Arrow, letter: str, lane: str) -> Connector:
        target = self.chart.layout.symbols[int(arrow.target)].box
        band = self.page.top - self.band
        conn_top = band + 6
        conn_bottom = conn_top + self.conn
        channel = target.y - CHANNEL / 2
        ends: list[tuple[list[Point], float]] = []   # (route from a track gx down to the port, gx)
        for gx in self.tracks:
            ends.append(([(gx, channel), (target.cx, channel), (target.cx, target.y)], gx))
            for side, x in (("right", target.right), ("left", target.x)):
                if (x, target.cy) in self.used_ports:
                    continue
                if (side == "right" and gx > x + 2) or (side == "left" and gx < x - 2):
                    ends.append(([(gx, target.cy), (x, target.cy)], gx))
        best: tuple[float, tuple[Point, ...], Box] | None = None
        for lanes_cost, lanes in ((0, [lane]), (30, [k[5:] for k in self.chart.layout.lane_keys])):
            for si, sx in enumerate(s for ln in lanes for s in self.slots(ln)):
                conn = Box(sx - self.conn / 2, conn_top, self.conn, self.conn)
                routes = [[(sx, conn_bottom), (sx, channel), (target.cx, channel), (target.cx, target.y)]]
                for tail, gx in ends:
                    for jog in JOGS:
                        y = self.page.top - jog
                        routes.append([(sx, conn_bottom), (sx, y), (gx, y), *tail])
                for route in routes:
                    points = simplify_path(route)
                    score = self.score(points, conn) + lanes_cost + si
                    if best is None or score < best[0]:
                        best = (score, points, conn)
            if best is not None and best[0] < HIT:
                break
        assert best is not None
        return self.place(best[1], best[2], letter, True)


def _letter(index: int) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return letters[index] if index < 26 else f"{letters[index % 26]}{index // 26}"


def _connect(chart: Flowchart) -> None:
    layout = chart.layout
    page_of = {no: i for i, page in enumerate(chart.pages) for no in page.steps}

    def page_of_arrow(arrow: Arrow) -> tuple[int, int]:
        source = arrow.source if isinstance(arrow.source, int) else arrow.target
        target = arrow.target if isinstance(arrow.target, int) else arrow.source
        return page_of[source], page_of[target]

    crossing: list[Arrow] = []
    for arrow in layout.arrows:
        a, b = page_of_arrow(arrow)
        if a == b:
            chart.pages[a].arrows.append(arrow)
        else:
            crossing.append(arrow)
    order = {k.no: i for i, k in enumerate(chart.sop.kegiatan)}
    crossing.sort(key=lambda arr: (order[arr.source], order[arr.target]))
    routers = [_PageRouter(chart, page) for page in chart.pages]
    # route the targets' side first (they have the least room: the page's top rows), then sources
    pending = [(arrow, _letter(i)) for i, arrow in enumerate(crossing)]
    incoming = {}
    for arrow, letter in pending:
        lane = chart.sop.step(arrow.target).pelaksana
        incoming[letter] = routers[page_of[arrow.target]].incoming(arrow, letter, lane)
    def bottom_first(item: tuple[Arrow, str]) -> tuple[int, bool]:
        arrow = item[0]
        sym = layout.symbols[int(arrow.source)].box
        return order[arrow.source], abs(arrow.points[0][1] - sym.bottom) > 0.01

    for arrow, letter in sorted(pending, key=bottom_first):   # a straight drop takes the centre slot
        lane = chart.sop.step(arrow.source).pelaksana
        chart.pages[page_of[arrow.source]].connectors.append(
            routers[page_of[arrow.source]].outgoing(arrow, letter, lane))
        chart.pages[page_of[arrow.target]].connectors.append(incoming[letter])


# --- drawing --------------------------------------------------------------------------------------

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
