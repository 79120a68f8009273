"""Laporan kinerja: for one SOP and a period, per step: how many visits were completed, the
median and 90th-percentile actual duration against the mutu baku, the share on time, the
late cases; and a bar chart of the median and P90 as a percentage of the standard.

The numbers come from the engine (sopdesk.engine.performance_data, which says how a visit
counts and how the store computes a year of them); this module lays them out. The late
cases are listed as table rows, the most late first, LATE_SHOWN per step with the count of
the others.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Group, Line, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table

from sopdesk.catalog.schema import Sop
from sopdesk.engine.performance_data import LATE_SHOWN as LATE_SHOWN  # the tests read it here
from sopdesk.engine.performance_data import StepStats, step_stats_between
from sopdesk.engine.sop_history import load_sop
from sopdesk.engine.workspace import Workspace
from sopdesk.reports.base import (
    INK,
    Letterhead,
    Printout,
    Styles,
    day_range,
    late_by,
    periode,
    table_style,
    text,
)
from sopdesk.reports.fonts import BOLD, REGULAR
from sopdesk.textfmt import durasi

MEDIAN_FILL = colors.HexColor("#4a78b0")
P90_FILL = colors.HexColor("#b9cbe3")
STANDARD_LINE = colors.HexColor("#c0392b")
AXIS_TITLE_Y = "Persen dari mutu baku (%)"
AXIS_TITLE_X = "Kegiatan (nomor)"


def step_stats(ws: Workspace, sop: Sop, start: date, end: date) -> list[StepStats]:
    """Per step of `sop` (all its revisions' cases), the visits completed from `start` to `end`
    (inclusive, office time)."""
    return step_stats_between(ws, sop, *day_range(start, end, ws.calendar.tz))


def _share(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def _dur(value: timedelta | None) -> str:
    return "-" if value is None else durasi(value)


def chart(stats: list[StepStats], width: float, height: float = 72 * mm) -> Drawing:
    """Grouped bars: median and P90 of each step as % of its standard, a dashed line at 100 %."""
    drawn = [s for s in stats if s.count and s.standard]
    drawing = Drawing(width, height)
    # not ReportLab's Helvetica: every font of the PDF is embedded (types-reportlab lacks these two)
    drawing.initialFontName = REGULAR  # type: ignore[attr-defined]
    drawing.initialFontSize = 7  # type: ignore[attr-defined]
    left, bottom, top_room = 48, 34, 24
    plot_w, plot_h = width - left - 10, height - bottom - top_room
    values_m = [s.percent(s.median) or 0 for s in drawn]
    values_p = [s.percent(s.p90) or 0 for s in drawn]
    peak = max([*values_m, *values_p, 100.0])
    top = min(max(150.0, peak * 1.1), 400.0)
    top = math.ceil(top / 50) * 50
    bars = VerticalBarChart()
    bars.x, bars.y, bars.width, bars.height = left, bottom, plot_w, plot_h  # type: ignore[assignment]  # stubs: int
    bars.data = [[min(v, top) for v in values_m] or [0], [min(v, top) for v in values_p] or [0]]
    bars.categoryAxis.categoryNames = [str(s.step) for s in drawn] or ["-"]
    bars.categoryAxis.labels.fontName = REGULAR
    bars.categoryAxis.labels.fontSize = 7
    bars.valueAxis.valueMin = 0
    bars.valueAxis.valueMax = top
    bars.valueAxis.valueStep = 50 if top <= 200 else 100
    bars.valueAxis.labels.fontName = REGULAR
    bars.valueAxis.labels.fontSize = 7
    bars.valueAxis.labelTextFormat = "%d%%"
    bars.bars[0].fillColor = MEDIAN_FILL
    bars.bars[1].fillColor = P90_FILL
    bars.bars.strokeColor = INK
    bars.bars.strokeWidth = 0.3
    bars.groupSpacing = 6
    bars.barSpacing = 1
    drawing.add(bars)
    # values above the top of the axis: the bar is cut, its value written over it
    count = max(len(drawn), 1)
    group_w = plot_w / count
    for i, (m, p) in enumerate(zip(values_m, values_p, strict=True)):
        for j, value in enumerate((m, p)):
            if value > top:
                x = left + i * group_w + group_w / 2 + (j - 0.5) * group_w * 0.3
                drawing.add(String(x, bottom + plot_h + 2, f"{value:.0f}%", fontName=BOLD, fontSize=6,
                                   textAnchor="middle", fillColor=INK))
    y100 = bottom + plot_h * 100 / top
    drawing.add(Line(left, y100, left + plot_w, y100, strokeColor=STANDARD_LINE, strokeWidth=1,
                     strokeDashArray=[4, 2]))
    title_y = String(0, 0, AXIS_TITLE_Y, fontName=REGULAR, fontSize=7, textAnchor="middle", fillColor=INK)
    rotated = Group(title_y)
    rotated.transform = (0, 1, -1, 0, 10, bottom + plot_h / 2)
    drawing.add(rotated)
    drawing.add(String(left + plot_w / 2, 8, AXIS_TITLE_X, fontName=REGULAR, fontSize=7, textAnchor="middle",
                       fillColor=INK))
    legend = Legend()
    legend.x, legend.y = left, height - 6  # type: ignore[assignment]  # types-reportlab: int; floats work
    legend.fontName, legend.fontSize = REGULAR, 7
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 90
    legend.dx = legend.dy = 7
    legend.colorNamePairs = [(MEDIAN_FILL, "Median durasi"), (P90_FILL, "Persentil ke-90 (P90)")]
    drawing.add(legend)
    key_x = left + 2 * legend.deltax + 10
    drawing.add(Line(key_x, height - 9.5, key_x + 16, height - 9.5, strokeColor=STANDARD_LINE, strokeWidth=1,
                     strokeDashArray=[4, 2]))
    drawing.add(String(key_x + 20, height - 12, "Mutu baku (100%)", fontName=REGULAR, fontSize=7, fillColor=INK))
    if not drawn:
        drawing.add(String(left + plot_w / 2, bottom + plot_h / 2, "Tidak ada data untuk digambar",
                           fontName=REGULAR, fontSize=8, textAnchor="middle", fillColor=INK))
    return drawing


def render_performance(ws: Workspace, kode: str, start: date, end: date, path: Path | str,
                       paper: str | None = None) -> Path:
    """Laporan kinerja of SOP `kode` for the visits completed from `start` to `end`
    (inclusive, office time). Returns the PDF's path."""
    sop = load_sop(ws, kode)
    stats = step_stats(ws, sop, start, end)
    styles = Styles()
    head = Letterhead.of(ws)
    printout = Printout(path, paper, head, f"Laporan Kinerja SOP {sop.kode} {periode(start, end)}")
    width, _ = printout.frame_size("portrait")
    header = ["No", "Kegiatan", "Pelaksana", "Mutu baku", "Jumlah", "Median", "P90", "Tepat\nwaktu", "Ter-\nlambat",
              "Dikem-\nbalikan"]
    fractions = [0.04, 0.25, 0.11, 0.09, 0.075, 0.1, 0.1, 0.075, 0.08, 0.08]
    rows: list[list] = [[text(h, styles.head_cell) for h in header]]
    for s in stats:
        rows.append([
            text(s.step, styles.cell_right), text(s.kegiatan, styles.cell), text(s.pelaksana, styles.cell),
            text(s.waktu, styles.cell), text(s.count, styles.cell_right), text(_dur(s.median), styles.cell),
            text(_dur(s.p90), styles.cell), text(_share(s.on_time_share), styles.cell_right),
            text(s.late_count, styles.cell_right), text(s.returned, styles.cell_right),
        ])
    total = sum(s.count for s in stats)
    on_time = sum(s.on_time for s in stats)
    judged = sum(s.with_standard for s in stats)
    late = sum(s.late_count for s in stats)  # every late visit; `late` lists only LATE_SHOWN
    returned = sum(s.returned for s in stats)
    rows.append(["", text("Jumlah", styles.cell_bold), "", "",
                 text(total, styles.cell_bold), "", "", text(_share(on_time / judged if judged else None),
                                                             styles.cell_bold),
                 text(late, styles.cell_bold), text(returned, styles.cell_bold)])
    extra: list[tuple[Any, ...]] = [("BACKGROUND", (0, -1), (-1, -1), "#eeeeee"),
                                    ("ALIGN", (4, -1), (-1, -1), "RIGHT")]
    if not total and not returned:
        rows.insert(1, [text("Tidak ada data: tidak ada kegiatan SOP ini yang diselesaikan pada periode ini.",
                             styles.cell_center)] + [""] * (len(header) - 1))
        extra.append(("SPAN", (0, 1), (-1, 1)))
    table = Table(rows, colWidths=[f * width for f in fractions], repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(*extra))
    story = [
        text("LAPORAN KINERJA TERHADAP MUTU BAKU", styles.title),
        text(f"SOP {sop.kode} revisi {sop.revisi}: {sop.nama}\nPeriode {periode(start, end)}", styles.subtitle),
        table,
        text("Jumlah: kegiatan yang diselesaikan dalam periode. Median dan P90: durasi nyata dari kegiatan "
             "diterima sampai diselesaikan. Tepat waktu: diselesaikan sebelum batas waktu menurut mutu baku dan "
             "kalender hari kerja kantor (kegiatan tanpa standar waktu tidak dinilai). Dikembalikan: kunjungan "
             "yang dikembalikan ke kegiatan sebelumnya.", styles.note.clone("note_after", spaceBefore=2 * mm)),
        Spacer(1, 3 * mm),
        KeepTogether([text("Median dan P90 durasi terhadap mutu baku per kegiatan", styles.heading),
                      chart(stats, width),
                      text("Kegiatan tanpa standar waktu atau tanpa kegiatan selesai tidak digambar.", styles.note)]),
    ]
    story.append(text("Kasus terlambat per kegiatan", styles.heading))
    story.append(late_table(stats, styles, width))
    return printout.build(story)


def late_table(stats: list[StepStats], styles: Styles, width: float):  # noqa: ANN201 - a Flowable
    """The late cases as table rows: per step the most late first, LATE_SHOWN of them, then a
    row counting the others (a year's late visits would fill hundreds of pages)."""
    late_steps = [s for s in stats if s.late_count]
    if not late_steps:
        return text("Tidak ada kasus yang terlambat pada periode ini.", styles.body)
    rows: list[list] = [[text(h, styles.head_cell) for h in ("No", "Kegiatan", "Nomor kasus", "Terlambat")]]
    extra: list[tuple] = []
    for s in late_steps:
        first = len(rows)
        for number, delay in s.late:
            rows.append(["", "", text(number, styles.cell), text(late_by(delay), styles.cell)])
        rows[first][0] = text(s.step, styles.cell_right)
        rows[first][1] = text(f"{s.kegiatan} ({s.late_count} kasus terlambat; mutu baku {s.waktu})", styles.cell)
        if s.late_count > len(s.late):
            rest = s.late_count - len(s.late)
            rows.append(["", "", text(f"dan {_ribuan(rest)} kasus terlambat lainnya", styles.note), ""])
            extra.append(("SPAN", (2, len(rows) - 1), (3, len(rows) - 1)))
        extra.append(("SPAN", (0, first), (0, len(rows) - 1)))
        extra.append(("SPAN", (1, first), (1, len(rows) - 1)))
    table = Table(rows, colWidths=[f * width for f in (0.06, 0.5, 0.26, 0.18)], repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(("VALIGN", (0, 1), (1, -1), "TOP"), *extra))
    return table


def _ribuan(value: int) -> str:
    return f"{value:,}".replace(",", ".")  # 7.342: Indonesian thousands
