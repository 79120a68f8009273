"""The arrows of a swimlane diagram: greedy orthogonal routing between the placed symbols and
terminators (along a lane, or along the gutters between lanes for long jumps and return
loops), then a spot for each choice label (Ya / Tidak) where it covers nothing. Split from
catalog.swimlane_layout, which places the table, the rows and the symbols and calls this."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from sopdesk.catalog.schema import END, Sop
from sopdesk.catalog.swimlane_geometry import (
    CLEAR,
    DECISION_W,
    OUTLINE,
    TRACK,
    Arrow,
    Box,
    LabelSize,
    Point,
    Segment,
    Symbol,
    Terminator,
    boxes_overlap,
    grow_box,
    path_length,
    segments_cross,
    segments_overlap,
    simplify_path,
)


class Router:
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
            pts: tuple[Point, ...] = ((sym.box.cx, sym.box.bottom), (sym.box.cx, term.box.y))
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

    def _candidates(self, a: int, start: str, b: int) -> Iterator[tuple[tuple[Point, ...], str, int]]:
        """(points, the side of b it enters, its gutter track's rank) of every route a -> b."""
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
        score = path_length(points) / 20 + 4 * (len(points) - 2)
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


def _label_spots(points: tuple[Point, ...], w: float, h: float) -> Iterator[Box]:
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


def place_labels(arrows: list[Arrow], symbols: dict[int, Symbol], terminators: list[Terminator],
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
