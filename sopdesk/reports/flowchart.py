"""The flow table of an SOP on paper (Permenpan RB 35/2012): No, Kegiatan, one column per
pelaksana, Kelengkapan, Waktu, Output, Keterangan; the five symbols drawn as vectors.

The geometry comes from the Qt-free swimlane layout (sopdesk.catalog.swimlane_layout: rows,
lane columns, symbols, routed arrows), measured with the PDF fonts. The rows are then cut
into pages (a row never splits, the header repeats on every page). An arrow whose two ends
land on different pages is replaced by a pair of lettered off-page connectors: a pentagon
"A" in a band under the last row of the source's page and a pentagon "A" in a band above
the first row of the target's page, each with its own short arrow routed around the
symbols of that page.

The measures and the planned chart's classes live in flowchart_model, the connector routing
in flowchart_connectors and the drawing in flowchart_draw; this module plans: it lays the
table out at the printed scale and cuts it into pages.
"""

from __future__ import annotations

from sopdesk.catalog.schema import Sop
from sopdesk.catalog.swimlane_layout import Arrow, Layout, compute_layout
from sopdesk.reports.flowchart_connectors import connect
from sopdesk.reports.flowchart_draw import FlowchartPage
from sopdesk.reports.flowchart_model import (
    FONT_PT,
    HEADERS,
    LEGEND,
    LEGEND_INFERRED,
    Connector,
    Flowchart,
    FlowPage,
    Typesetter,
    band_height,
    connector_size,
)

__all__ = ["Connector", "FlowPage", "Flowchart", "FlowchartPage", "Typesetter", "plan"]


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
    connect(chart)
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
