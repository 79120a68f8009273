"""Where everything of a swimlane diagram goes: Qt-free geometry shared by the screen
(sopdesk.gui.swimlane) and the printed SOP (sopdesk.reports.flowchart).

The table follows the Permenpan RB 35/2012 flow table: No, Kegiatan, one column per
pelaksana, the three Mutu Baku columns (Kelengkapan, Waktu, Output) and Keterangan, with one
row per step. The step's symbol sits in its lane cell; arrows run only inside the lane
columns: vertically inside a lane between consecutive rows, or along the gutters between the
symbols (between two lanes, or at the outer edges of the first and last lane) for long jumps
and return loops. Row heights come from the measured height of the wrapped text, through a
`measure(kind, content, width) -> height` callback, so the drawing code and the layout agree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from sopdesk.catalog.schema import END, Sop

Point = tuple[float, float]
Segment = tuple[Point, Point]
Content = str | tuple[str, ...]
Measure = Callable[[str, Content, float], float]
LabelSize = Callable[[str], tuple[float, float]]

# column widths (scene units = pixels at 100 %)
WIDTHS = {"no": 36.0, "kegiatan": 230.0, "kelengkapan": 150.0, "waktu": 96.0, "output": 150.0,
          "keterangan": 210.0}
LANE_W = 100.0
PAD = 4.0                    # space between a cell border and its text item
SYMBOL_W = 64.0
PROCESS_H = 40.0
DECISION_W = 68.0
DECISION_H = 52.0
TERM_W = 60.0
TERM_H = 24.0
CHANNEL = 16.0               # free band above / below a symbol for horizontal arrow runs
TERM_GAP = 16.0              # room for the arrow between a terminator and its step
ZONE_PAD = 8.0
TRACK = 7.0                  # distance between parallel arrows in one gutter
CLEAR = 4.0                  # minimum distance between a gutter track and a symbol
OUTLINE = 5.0                # the dashed outline of an inferred lane, around the symbol


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def hit_by(self, seg: Segment) -> bool:
        """True when an axis-parallel segment enters the inside of the box (touching the
        border, as an arrow does at a port, is not a hit)."""
        (x1, y1), (x2, y2) = seg
        lo_x, hi_x = sorted((x1, x2))
        lo_y, hi_y = sorted((y1, y2))
        eps = 0.5
        return lo_x < self.right - eps and hi_x > self.x + eps and lo_y < self.bottom - eps and hi_y > self.y + eps


@dataclass(frozen=True)
class Cell:
    box: Box
    kind: str                # "header", "number", "text" or "list"
    content: Content
    column: str
    step: int | None = None


@dataclass(frozen=True)
class Symbol:
    step: int
    kind: str                # "process" or "decision"
    box: Box
    lane: str
    wait: bool
    inferred: bool


@dataclass(frozen=True)
class Terminator:
    kind: str                # "start" or "end"
    box: Box
    step: int                # the step it starts or ends
    entry: str | None = None  # the entry's name, for a start


@dataclass(frozen=True)
class Arrow:
    source: int | str        # step number, or "mulai:<entry kode>"
    target: int | str        # step number or "selesai"
    label: str | None
    points: tuple[Point, ...]
    label_box: Box | None = None      # where the choice label (Ya / Tidak) goes

    @property
    def segments(self) -> list[Segment]:
        return list(pairwise(self.points))


@dataclass
class Layout:
    width: float
    height: float
    columns: dict[str, Box]
    header: list[Cell]
    rows: dict[int, Box]
    cells: list[Cell]
    symbols: dict[int, Symbol]
    terminators: list[Terminator]
    arrows: list[Arrow]
    lane_area: Box
    legend: Box
    lane_keys: list[str] = field(default_factory=list)
    # issue #13: a joint step's symbol repeated in each further lane (pelaksana_bersama)
    companions: list[Symbol] = field(default_factory=list)


def lane_key(kode: str) -> str:
    return f"lane:{kode}"


def _bullets(items: Sequence[str]) -> Content:
    return tuple(items) if items else "-"


def compute_layout(sop: Sop, measure: Measure, headers: dict[str, str], legend: str = "",
                   label_size: LabelSize | None = None) -> Layout:
    """Place the header, the rows, the symbols and route the arrows of one SOP.

    `headers` holds the (translated) titles: no, kegiatan, pelaksana, mutu_baku,
    kelengkapan, waktu, output, keterangan. `label_size(text) -> (w, h)` sizes the choice
    labels of decision exits."""
    lane_keys = [lane_key(p.kode) for p in sop.pelaksana]
    order = ["no", "kegiatan", *lane_keys, "kelengkapan", "waktu", "output", "keterangan"]
    lane_w = _lane_width(sop, measure)
    xs: dict[str, tuple[float, float]] = {}
    x = 0.0
    for key in order:
        w = lane_w if key.startswith("lane:") else WIDTHS[key]
        xs[key] = (x, w)
        x += w
    width = x

    # header: two rows; No, Kegiatan and Keterangan span both
    lanes_x, lanes_w = xs[lane_keys[0]][0], len(lane_keys) * lane_w
    mutu_x = xs["kelengkapan"][0]
    mutu_w = WIDTHS["kelengkapan"] + WIDTHS["waktu"] + WIDTHS["output"]

    def hgt(text: str, w: float) -> float:
        return measure("header", text, w - 2 * PAD) + 2 * PAD

    top_h = max(hgt(headers["pelaksana"], lanes_w), hgt(headers["mutu_baku"], mutu_w))
    second = [(k, sop.lane(k[5:]).nama) for k in lane_keys]
    second += [(k, headers[k]) for k in ("kelengkapan", "waktu", "output")]
    sub_h = max(hgt(text, xs[k][1]) for k, text in second)
    span_h = max(hgt(headers[k], xs[k][1]) for k in ("no", "kegiatan", "keterangan"))
    if span_h > top_h + sub_h:
        sub_h = span_h - top_h
    header_h = top_h + sub_h
    header = [Cell(Box(xs[k][0], 0, xs[k][1], header_h), "header", headers[k], k)
              for k in ("no", "kegiatan", "keterangan")]
    header.append(Cell(Box(lanes_x, 0, lanes_w, top_h), "header", headers["pelaksana"], "pelaksana"))
    header.append(Cell(Box(mutu_x, 0, mutu_w, top_h), "header", headers["mutu_baku"], "mutu_baku"))
    header += [Cell(Box(xs[k][0], top_h, xs[k][1], sub_h), "header", text, k) for k, text in second]

    entries: dict[int, list] = {}
    for entri in sop.entri:
        entries.setdefault(entri.kegiatan, []).append(entri)
    ends = {k.no for k in sop.kegiatan if any(t == END for _, t in sop.exits(k.no))}

    rows: dict[int, Box] = {}
    cells: list[Cell] = []
    symbols: dict[int, Symbol] = {}
    companions: list[Symbol] = []
    terminators: list[Terminator] = []
    channel_in: dict[int, float] = {}
    channel_out: dict[int, float] = {}
    y = header_h
    for step in sop.kegiatan:
        # a decision's question is part of the step (issue #13): "Ya" on the chart means this
        question = f"\nKeputusan: {step.keputusan.pertanyaan}" if step.keputusan is not None else ""
        texts: list[tuple[str, str, Content]] = [
            ("no", "number", str(step.no)),
            ("kegiatan", "text", step.kegiatan + question),
            ("kelengkapan", "list", _bullets(step.kelengkapan)),
            ("waktu", "text", step.waktu),
            ("output", "list", _bullets(step.output)),
        ]
        if step.keterangan:
            texts.append(("keterangan", "text", step.keterangan))
        text_h = max(measure(kind, content, xs[key][1] - 2 * PAD) for key, kind, content in texts)
        decision = step.is_decision
        sym_h = DECISION_H if decision else PROCESS_H
        sym_w = DECISION_W if decision else SYMBOL_W
        starts = entries.get(step.no, [])
        zone_h = 2 * ZONE_PAD + 2 * CHANNEL + sym_h
        if starts:
            zone_h += TERM_H + TERM_GAP - CHANNEL / 2
        if step.no in ends:
            zone_h += TERM_H + TERM_GAP - CHANNEL / 2
        row_h = max(zone_h, text_h + 2 * PAD)
        row = Box(0, y, width, row_h)
        rows[step.no] = row
        for key, kind, content in texts:
            cells.append(Cell(Box(xs[key][0], y, xs[key][1], row_h), kind, content, key, step.no))
        lane_x, _ = xs[lane_key(step.pelaksana)]
        cx = lane_x + lane_w / 2
        zy = y + (row_h - zone_h) / 2 + ZONE_PAD
        if starts:
            terminators.append(Terminator("start", Box(cx - TERM_W / 2, zy, TERM_W, TERM_H), step.no,
                                          " / ".join(e.nama for e in starts)))
            zy += TERM_H + TERM_GAP - CHANNEL / 2
        channel_in[step.no] = zy + CHANNEL / 2
        box = Box(cx - sym_w / 2, zy + CHANNEL, sym_w, sym_h)
        symbols[step.no] = Symbol(step.no, "decision" if decision else "process", box, step.pelaksana,
                                  step.is_wait, step.pelaksana_disimpulkan)
        for kode in step.pelaksana_bersama:
            joint_x = xs[lane_key(kode)][0] + lane_w / 2
            companions.append(Symbol(step.no, symbols[step.no].kind, Box(joint_x - sym_w / 2, box.y, sym_w, sym_h),
                                     kode, step.is_wait, False))
        channel_out[step.no] = box.bottom + CHANNEL / 2
        if step.no in ends:
            ty = box.bottom + TERM_GAP + CHANNEL / 2
            terminators.append(Terminator("end", Box(cx - TERM_W / 2, ty, TERM_W, TERM_H), step.no))
        y += row_h

    lane_area = Box(lanes_x, header_h, lanes_w, y - header_h)
    router = _Router(sop, symbols, terminators, channel_in, channel_out, lanes_x, len(lane_keys), lane_w)
    router.obstacles += [c.box for c in companions]  # arrows and labels keep off a joint step's copies
    shown = {**symbols, **{-(i + 1): c for i, c in enumerate(companions)}}
    arrows = _place_labels(router.route_all(), shown, terminators, lane_area,
                           label_size or (lambda text: (7.0 * len(text) + 4, 14.0)))
    legend_h = measure("text", legend, width - 2 * PAD) + 2 * PAD if legend else 0.0
    legend_box = Box(0, y + 8, width, legend_h)
    columns = {k: Box(xs[k][0], 0, xs[k][1], y) for k in order}
    return Layout(width, legend_box.bottom, columns, header, rows, cells, symbols, terminators, arrows,
                  lane_area, legend_box, lane_keys, companions)


def _lane_width(sop: Sop, measure: Measure) -> float:
    """LANE_W, or wider when a word of a lane heading would not fit on one line."""
    one_line = measure("header", "Ag", 1000.0)
    words = {word for lane in sop.pelaksana for word in lane.nama.split()}
    width = LANE_W
    while width < 2 * LANE_W and any(measure("header", w, width - 2 * PAD) > one_line + 0.5 for w in words):
        width += 8
    return width


# --------------------------------------------------------------------------- routing

def simplify_path(points: Sequence[Point]) -> tuple[Point, ...]:
    out: list[Point] = []
    for p in points:
        if out and abs(out[-1][0] - p[0]) < 0.01 and abs(out[-1][1] - p[1]) < 0.01:
            continue
        if len(out) >= 2:
            a, b = out[-2], out[-1]
            if (abs(a[0] - b[0]) < 0.01 and abs(b[0] - p[0]) < 0.01) or (
                    abs(a[1] - b[1]) < 0.01 and abs(b[1] - p[1]) < 0.01):
                out[-1] = p
                continue
        out.append(p)
    return tuple(out)


def segments_overlap(s: Segment, t: Segment, tolerance: float = 0.5) -> float:
    """Length two collinear segments share (0 when they are not on one line)."""
    (ax1, ay1), (ax2, ay2) = s
    (bx1, by1), (bx2, by2) = t
    if abs(ay1 - ay2) < 0.01 and abs(by1 - by2) < 0.01 and abs(ay1 - by1) < tolerance:
        lo, hi = max(min(ax1, ax2), min(bx1, bx2)), min(max(ax1, ax2), max(bx1, bx2))
        return max(0.0, hi - lo)
    if abs(ax1 - ax2) < 0.01 and abs(bx1 - bx2) < 0.01 and abs(ax1 - bx1) < tolerance:
        lo, hi = max(min(ay1, ay2), min(by1, by2)), min(max(ay1, ay2), max(by1, by2))
        return max(0.0, hi - lo)
    return 0.0


def segments_cross(s: Segment, t: Segment) -> bool:
    (ax1, ay1), (ax2, ay2) = s
    (bx1, by1), (bx2, by2) = t
    s_h, t_h = abs(ay1 - ay2) < 0.01, abs(by1 - by2) < 0.01
    if s_h == t_h:
        return False
    if not s_h:
        (ax1, ay1), (ax2, ay2), (bx1, by1), (bx2, by2) = (bx1, by1), (bx2, by2), (ax1, ay1), (ax2, ay2)
    # now s is horizontal (y = ay1), t vertical (x = bx1)
    return (min(ax1, ax2) < bx1 < max(ax1, ax2)) and (min(by1, by2) < ay1 < max(by1, by2))


def _length(points: Sequence[Point]) -> float:
    return sum(abs(a[0] - b[0]) + abs(a[1] - b[1]) for a, b in pairwise(points))


class _Router:
    """Greedy orthogonal routing: each arrow takes the cheapest of a set of candidate
    polylines (direct, or along any gutter track), scored by symbol hits, overlaps with arrows
    already placed, crossings, bends and length."""

    def __init__(self, sop: Sop, symbols: dict[int, Symbol], terminators: list[Terminator],
                 channel_in: dict[int, float], channel_out: dict[int, float], lanes_x: float, n_lanes: int,
                 lane_w: float):
        self.sop = sop
        self.symbols = symbols
        self.terminators = terminators
        self.channel_in = channel_in
        self.channel_out = channel_out
        self.row_index = {k.no: i for i, k in enumerate(sop.kegiatan)}
        self.obstacles = [s.box for s in symbols.values()] + [t.box for t in terminators]
        self.placed: list[tuple[int | str, Segment]] = []   # (target, segment)
        self.used_ports: set[tuple[int, str]] = set()
        self.arrows: list[Arrow] = []
        # gutters: index g lies left of lane g (g = n_lanes: right of the last lane)
        self.gutters: list[list[float]] = []
        for g in range(n_lanes + 1):
            boundary = lanes_x + g * lane_w
            half = (lane_w - DECISION_W) / 2 - CLEAR
            lo = boundary - half if g > 0 else boundary + CLEAR + 1
            hi = boundary + half if g < n_lanes else boundary - CLEAR - 1
            if 0 < g < n_lanes:     # between two lanes: keep off the grid line at the boundary
                offsets = [TRACK / 2 + i * TRACK for i in range(int((half - TRACK / 2) // TRACK) + 1)]
                tracks = [boundary + sign * o for o in offsets for sign in (-1, 1)]
            else:                   # outer edge: nearest the symbol first, away from the column border
                inner = hi if g == 0 else lo
                count = int((hi - lo) // TRACK) + 1
                tracks = [inner + (i * TRACK if g else -i * TRACK) for i in range(count)]
            self.gutters.append(tracks)

    # ports --------------------------------------------------------------------------
    def _port(self, no: int, side: str) -> Point:
        b = self.symbols[no].box
        return {"bottom": (b.cx, b.bottom), "top": (b.cx, b.y), "left": (b.x, b.cy), "right": (b.right, b.cy)}[side]

    def route_all(self) -> list[Arrow]:
        ends = {t.step: t for t in self.terminators if t.kind == "end"}
        for t in self.terminators:
            if t.kind == "start":
                sym = self.symbols[t.step].box
                entry_kode = [e.kode for e in self.sop.entri if e.kegiatan == t.step]
                self._add(Arrow(f"mulai:{'/'.join(entry_kode)}", t.step, None,
                                ((sym.cx, t.box.bottom), (sym.cx, sym.y))))
        flows: list[tuple[int, str | None, int]] = []
        for step in self.sop.kegiatan:
            for label, target in self.sop.exits(step.no):
                if target == END:
                    self._route_end(step.no, label, ends[step.no])
                else:
                    flows.append((step.no, label, int(target)))

        def priority(flow: tuple[int, str | None, int]) -> tuple[int, int]:
            a, _, b = flow
            span = self.row_index[b] - self.row_index[a]
            return (0 if span == 1 else 1 if span <= 0 else 2, abs(span))   # loops before jumps

        for a, label, b in sorted(flows, key=priority):
            self._route_flow(a, label, b)
        return self.arrows

    def _add(self, arrow: Arrow) -> None:
        self.arrows.append(arrow)
        for seg in arrow.segments:
            self.placed.append((arrow.target, seg))

    def _route_end(self, no: int, label: str | None, term: Terminator) -> None:
        sym = self.symbols[no]
        if (no, "bottom") not in self.used_ports:
            self.used_ports.add((no, "bottom"))
            pts = ((sym.box.cx, sym.box.bottom), (sym.box.cx, term.box.y))
            self._add(Arrow(no, END, label, pts))
            return
        side = "right" if (no, "right") not in self.used_ports else "left"
        self.used_ports.add((no, side))
        sx, sy = self._port(no, side)
        out = sx + (8 if side == "right" else -8)
        tx = term.box.right if side == "right" else term.box.x
        pts = ((sx, sy), (out, sy), (out, term.box.cy), (tx, term.box.cy))
        self._add(Arrow(no, END, label, pts))

    def _route_flow(self, a: int, label: str | None, b: int) -> None:
        sa = self.symbols[a]
        decision = sa.kind == "decision"
        starts = ["bottom"] if not decision else []
        if decision:
            starts = [s for s in ("bottom", "right", "left") if (a, s) not in self.used_ports]
        elif (a, "bottom") in self.used_ports:     # a process with two routes: should not happen
            starts = [s for s in ("right", "left") if (a, s) not in self.used_ports] or ["bottom"]
        best: tuple[float, tuple[Point, ...], str, str] | None = None
        for start in starts:
            for points, end, track in self._candidates(a, start, b):
                score = self._score(points, b) + track     # keep off the symbols: middle tracks first
                if start == "left" and label:
                    score += 3     # labels read better on the right
                if best is None or score < best[0]:
                    best = (score, points, start, end)
        assert best is not None
        _, points, start, end = best
        self.used_ports.add((a, start))
        if end in ("left", "right"):
            self.used_ports.add((b, end))
        self._add(Arrow(a, b, label, points))

    def _candidates(self, a: int, start: str, b: int):
        sa, sb = self.symbols[a].box, self.symbols[b].box
        p0 = self._port(a, start)
        adjacent = self.row_index[b] == self.row_index[a] + 1
        y_in = self.channel_in[b]
        top = (sb.cx, sb.y)
        if adjacent:
            if start == "bottom":
                yield simplify_path([p0, (p0[0], y_in), (sb.cx, y_in), top]), "top", 0
            elif (start == "right" and sb.cx > sa.right) or (start == "left" and sb.cx < sa.x):
                yield simplify_path([p0, (sb.cx, p0[1]), top]), "top", 0
        ends = ["top"] + [s for s in ("left", "right") if (b, s) not in self.used_ports and b != a]
        for tracks in self.gutters:
            for rank, gx in enumerate(tracks):
                if start == "bottom":
                    head = [p0, (p0[0], self.channel_out[a]), (gx, self.channel_out[a])]
                elif (start == "right" and gx > sa.right) or (start == "left" and gx < sa.x):
                    head = [p0, (gx, p0[1])]
                else:
                    continue
                for end in ends:
                    if end == "top":
                        tail = [(gx, y_in), (sb.cx, y_in), top]
                    elif (end == "right" and gx > sb.right) or (end == "left" and gx < sb.x):
                        tail = [(gx, sb.cy), self._port(b, end)]
                    else:
                        continue
                    yield simplify_path(head + tail), end, rank

    def _score(self, points: tuple[Point, ...], target: int | str) -> float:
        score = _length(points) / 20 + 4 * (len(points) - 2)
        for seg in pairwise(points):
            for box in self.obstacles:
                if box.hit_by(seg):
                    score += 10000
            for other_target, other in self.placed:
                over = segments_overlap(seg, other)
                if over > 0.5:
                    score += 1 if other_target == target else 500 + over
                elif segments_cross(seg, other):
                    score += 25
        return score


def _diamond_hit(symbol: Symbol, box: Box) -> bool:
    """Does a box overlap the diamond drawn inside symbol.box? The point of the box closest to
    the centre decides, since |dx|/a + |dy|/b grows with |dx| and |dy| separately."""
    b = symbol.box
    dx = abs(min(max(b.cx, box.x), box.right) - b.cx)
    dy = abs(min(max(b.cy, box.y), box.bottom) - b.cy)
    return dx / (b.w / 2 + OUTLINE) + dy / (b.h / 2 + OUTLINE) < 1


def grow_box(box: Box, by: float = OUTLINE) -> Box:
    return Box(box.x - by, box.y - by, box.w + 2 * by, box.h + 2 * by)


def boxes_overlap(a: Box, b: Box) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def _label_spots(points: tuple[Point, ...], w: float, h: float):
    """Candidate boxes beside the first two segments of an arrow, nearest the source first."""
    for (x1, y1), (x2, y2) in list(pairwise(points))[:2]:
        if abs(y1 - y2) < 0.01:          # horizontal: above, then below, near the start and further on
            for shift in (2.0, OUTLINE + 3, 2 * OUTLINE + 6):
                x = x1 + shift if x2 > x1 else x1 - shift - w
                yield Box(x, y1 - h - 1, w, h)
                yield Box(x, y1 + 1, w, h)
        else:                            # vertical: right, then left
            for shift in (2.0, OUTLINE + 3, 16.0, 32.0, 48.0):
                y = y1 + shift if y2 > y1 else y1 - shift - h
                yield Box(x1 + 2, y, w, h)
                yield Box(x1 - 2 - w, y, w, h)


def _place_labels(arrows: list[Arrow], symbols: dict[int, Symbol], terminators: list[Terminator],
                  area: Box, size: LabelSize) -> list[Arrow]:
    """Put each choice label next to its arrow, where it covers no symbol, no line and no other
    label, inside the lane columns."""
    placed: list[Box] = []
    segments = [seg for arrow in arrows for seg in arrow.segments]
    out = []
    for arrow in arrows:
        if not arrow.label:
            out.append(arrow)
            continue
        w, h = size(arrow.label)
        best: tuple[float, Box] | None = None
        for rank, spot in enumerate(_label_spots(arrow.points, w, h)):
            if spot.x < area.x + 1 or spot.right > area.right - 1:
                continue
            score = rank
            score += sum(100 for s in symbols.values() if _diamond_hit(s, spot) if s.kind == "decision")
            score += sum(100 for s in symbols.values() if s.kind != "decision" and boxes_overlap(grow_box(s.box), spot))
            score += sum(100 for t in terminators if boxes_overlap(t.box, spot))
            score += sum(100 for other in placed if boxes_overlap(other, spot))
            score += sum(50 for seg in segments if grow_box(spot, 1).hit_by(seg))
            if best is None or score < best[0]:
                best = (score, spot)
        if best is None:     # no room at all: at the start, clipped to the lanes
            x0, y0 = arrow.points[0]
            best = (0, Box(max(area.x + 1, min(x0 + 2, area.right - w - 1)), y0 + 1, w, h))
        placed.append(best[1])
        out.append(Arrow(arrow.source, arrow.target, arrow.label, arrow.points, best[1]))
    return out

