"""Where everything of a swimlane diagram goes: Qt-free geometry shared by the screen
(sopdesk.gui.swimlane) and the printed SOP (sopdesk.reports.flowchart).

The table follows the Permenpan RB 35/2012 flow table: No, Kegiatan, one column per
pelaksana, the three Mutu Baku columns (Kelengkapan, Waktu, Output) and Keterangan, with one
row per step. The step's symbol sits in its lane cell; arrows run only inside the lane
columns: vertically inside a lane between consecutive rows, or along the gutters between the
symbols (between two lanes, or at the outer edges of the first and last lane) for long jumps
and return loops. Row heights come from the measured height of the wrapped text, through a
`measure(kind, content, width) -> height` callback, so the drawing code and the layout agree.

This module places the table, the rows, the symbols and the terminators; the shapes and their
geometry are in catalog.swimlane_geometry, the arrows' routes and labels in
catalog.swimlane_routing (re-exported here for the screen and the printed SOP).
"""

from __future__ import annotations

from collections.abc import Sequence

from sopdesk.catalog.schema import END, Entri, Sop
from sopdesk.catalog.swimlane_geometry import (
    CHANNEL,
    CLEAR,
    DECISION_H,
    DECISION_W,
    LANE_W,
    OUTLINE,
    PAD,
    PROCESS_H,
    SYMBOL_W,
    TERM_GAP,
    TERM_H,
    TERM_W,
    TRACK,
    WIDTHS,
    ZONE_PAD,
    Arrow,
    Box,
    Cell,
    Content,
    LabelSize,
    Layout,
    Measure,
    Symbol,
    Terminator,
    boxes_overlap,
    grow_box,
    segments_cross,
    segments_overlap,
    simplify_path,
)
from sopdesk.catalog.swimlane_routing import Router, place_labels

# the diagram's shapes and geometry live in catalog.swimlane_geometry; the screen and the
# printed SOP take them from here, with the layout
__all__ = [
    "CHANNEL", "CLEAR", "DECISION_W", "OUTLINE", "PAD", "TRACK", "Arrow", "Box", "Cell", "Content",
    "Layout", "Symbol", "Terminator", "boxes_overlap", "compute_layout", "grow_box", "lane_key",
    "segments_cross", "segments_overlap", "simplify_path",
]


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

    entries: dict[int, list[Entri]] = {}
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
    router = Router(sop, symbols, terminators, channel_in, channel_out, lanes_x, len(lane_keys), lane_w)
    router.obstacles += [c.box for c in companions]  # arrows and labels keep off a joint step's copies
    shown = {**symbols, **{-(i + 1): c for i, c in enumerate(companions)}}
    arrows = place_labels(router.route_all(), shown, terminators, lane_area,
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
