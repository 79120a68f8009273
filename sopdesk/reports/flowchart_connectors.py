"""Off-page connectors of the printed flowchart: an arrow whose two ends land on different
pages becomes a pair of lettered pentagons, one in a band under the last row of the source's
page and one in a band above the first row of the target's page, each with its own short arrow
routed along the gutter tracks around the symbols of that page (`connect`)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from sopdesk.catalog.swimlane_layout import (
    CHANNEL,
    CLEAR,
    DECISION_W,
    OUTLINE,
    TRACK,
    Arrow,
    Box,
    Layout,
    boxes_overlap,
    grow_box,
    segments_cross,
    segments_overlap,
    simplify_path,
)
from sopdesk.reports.flowchart_model import HIT, JOGS, Connector, Flowchart, FlowPage, Point


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
        for obstacle in self.obstacles:
            if boxes_overlap(grow_box(conn, 2), obstacle):
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


def connect(chart: Flowchart) -> None:
    """Give every page its arrows and, for each arrow between two pages, its pair of connectors."""
    layout = chart.layout
    page_of = {no: i for i, page in enumerate(chart.pages) for no in page.steps}

    def page_of_arrow(arrow: Arrow) -> tuple[int, int]:
        steps = [end for end in (arrow.source, arrow.target) if isinstance(end, int)]  # a terminator: its step
        return page_of[steps[0]], page_of[steps[-1]]

    crossing: list[tuple[Arrow, int, int]] = []  # (arrow, its source step, its target step)
    for arrow in layout.arrows:
        a, b = page_of_arrow(arrow)
        if a == b:
            chart.pages[a].arrows.append(arrow)
        else:  # a start or end terminator is drawn on its step's page: both ends are steps
            assert isinstance(arrow.source, int) and isinstance(arrow.target, int)
            crossing.append((arrow, arrow.source, arrow.target))
    order = {k.no: i for i, k in enumerate(chart.sop.kegiatan)}
    crossing.sort(key=lambda c: (order[c[1]], order[c[2]]))
    routers = [_PageRouter(chart, page) for page in chart.pages]
    # route the targets' side first (they have the least room: the page's top rows), then sources
    pending = [(arrow, source, target, _letter(i)) for i, (arrow, source, target) in enumerate(crossing)]
    incoming = {}
    for arrow, _, target, letter in pending:
        lane = chart.sop.step(target).pelaksana
        incoming[letter] = routers[page_of[target]].incoming(arrow, letter, lane)

    def bottom_first(item: tuple[Arrow, int, int, str]) -> tuple[int, bool]:
        arrow, source = item[0], item[1]
        sym = layout.symbols[source].box
        return order[source], abs(arrow.points[0][1] - sym.bottom) > 0.01

    for arrow, source, target, letter in sorted(pending, key=bottom_first):   # a straight drop takes the centre slot
        lane = chart.sop.step(source).pelaksana
        chart.pages[page_of[source]].connectors.append(routers[page_of[source]].outgoing(arrow, letter, lane))
        chart.pages[page_of[target]].connectors.append(incoming[letter])
