"""The shapes of a swimlane diagram and the plane geometry of its orthogonal arrows: Qt-free
values shared by the layout (catalog.swimlane_layout), its arrow routing
(catalog.swimlane_routing), the screen (gui.swimlane) and the printed SOP (reports.flowchart).
Scene units are pixels at 100 %."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

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


def path_length(points: Sequence[Point]) -> float:
    return sum(abs(a[0] - b[0]) + abs(a[1] - b[1]) for a, b in pairwise(points))


def grow_box(box: Box, by: float = OUTLINE) -> Box:
    return Box(box.x - by, box.y - by, box.w + 2 * by, box.h + 2 * by)


def boxes_overlap(a: Box, b: Box) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom
