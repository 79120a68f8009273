"""The swimlane view (Permenpan RB 35/2012 flow table) and the catalog page, offscreen."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTreeWidgetItemIterator
from shiboken6 import Shiboken

from sopdesk.catalog import Catalog
from sopdesk.catalog.schema import END, Sop
from sopdesk.catalog.swimlane_layout import compute_layout
from sopdesk.engine import cases
from sopdesk.gui.cases_page import CaseView
from sopdesk.gui.catalog_page import CatalogPage
from sopdesk.gui.context import GuiContext
from sopdesk.gui.swimlane import CELL, CURRENT_BG, DONE_BG, KIND, LABEL, SOURCE, STEP, TARGET, SwimlaneView

KODES = ["PAW", "PP", "RAKOR", "TKS"]


@pytest.fixture
def view(qtbot):
    widget = SwimlaneView()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    return widget


def of_kind(view: SwimlaneView, kind: str) -> list:
    return [item for item in view.scene().items() if item.data(KIND) == kind]


def polyline(item) -> list[QPointF]:  # noqa: ANN001 - an arrow's QGraphicsPathItem
    path = item.path()
    return [QPointF(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())]


def segment_touches(a: QPointF, b: QPointF, rect: QRectF) -> bool:
    return (min(a.x(), b.x()) <= rect.right() and max(a.x(), b.x()) >= rect.left()
            and min(a.y(), b.y()) <= rect.bottom() and max(a.y(), b.y()) >= rect.top())


@pytest.mark.parametrize("kode", KODES)
def test_one_symbol_per_step_of_the_right_kind(view, ws, kode):
    sop = ws.catalog.sops[kode]
    view.set_sop(sop)
    processes = sorted(i.data(STEP) for i in of_kind(view, "process"))
    decisions = sorted(i.data(STEP) for i in of_kind(view, "decision"))
    assert processes == sorted(k.no for k in sop.kegiatan if not k.is_decision)
    assert decisions == sorted(k.no for k in sop.kegiatan if k.is_decision)
    terminators = of_kind(view, "terminator")
    starts = sorted(t.data(STEP) for t in terminators if t.data(LABEL) == "start")
    ends = sorted(t.data(STEP) for t in terminators if t.data(LABEL) == "end")
    assert starts == sorted({e.kegiatan for e in sop.entri})
    assert ends == [k.no for k in sop.kegiatan if any(t == END for _, t in sop.exits(k.no))]
    waits = sorted(i.data(STEP) for i in of_kind(view, "wait"))
    assert waits == [k.no for k in sop.kegiatan if k.is_wait]


@pytest.mark.parametrize("kode", KODES)
def test_arrows_follow_the_exits_and_decisions_are_labelled(view, ws, kode):
    sop = ws.catalog.sops[kode]
    view.set_sop(sop)
    arrows = of_kind(view, "arrow")
    flows = sorted((a.data(SOURCE), a.data(TARGET)) for a in arrows if isinstance(a.data(SOURCE), int)
                   and a.data(TARGET) != END)
    to_end = sorted(a.data(SOURCE) for a in arrows if a.data(TARGET) == END)
    from_start = sorted(a.data(TARGET) for a in arrows if str(a.data(SOURCE)).startswith("mulai:"))
    exits = [(k.no, target) for k in sop.kegiatan for _, target in sop.exits(k.no)]
    assert flows == sorted((a, b) for a, b in exits if b != END)
    assert to_end == sorted(a for a, b in exits if b == END)
    assert from_start == sorted({e.kegiatan for e in sop.entri})
    assert len(arrows) == len(exits) + len(sop.entri)
    labels = of_kind(view, "label")
    for step in sop.kegiatan:
        if step.is_decision:
            mine = {(lab.data(TARGET), lab.data(LABEL)) for lab in labels if lab.data(SOURCE) == step.no}
            assert mine == {(p.lanjut, p.label) for p in step.keputusan.pilihan}
            assert {label for _, label in mine} == {"Ya", "Tidak"}


@pytest.mark.parametrize("kode", KODES)
def test_arrows_stay_in_the_lanes_and_never_cross_the_kegiatan_text(view, ws, kode):
    view.set_sop(ws.catalog.sops[kode])
    layout = view.layout_data
    kegiatan = layout.columns["kegiatan"]
    kegiatan_rect = QRectF(kegiatan.x, kegiatan.y, kegiatan.w, kegiatan.h)
    lanes = layout.lane_area
    for arrow in of_kind(view, "arrow"):
        points = polyline(arrow)
        assert len(points) >= 2
        for a, b in zip(points, points[1:], strict=False):
            assert a.x() == pytest.approx(b.x()) or a.y() == pytest.approx(b.y()), "orthogonal segments only"
            assert not segment_touches(a, b, kegiatan_rect)
        for p in points:
            assert lanes.x < p.x() < lanes.right and lanes.y < p.y() < lanes.bottom
    for label in of_kind(view, "label"):
        assert not label.sceneBoundingRect().intersects(kegiatan_rect)


@pytest.mark.parametrize("kode", KODES)
def test_no_text_is_clipped(view, ws, kode):
    sop = ws.catalog.sops[kode]
    view.set_sop(sop)
    texts = of_kind(view, "text")
    shown = [t.toPlainText() for t in texts]
    full = [step.kegiatan + (f"\nKeputusan: {step.keputusan.pertanyaan}" if step.keputusan else "")
            for step in sop.kegiatan]  # a decision's question under its text (issue #13)
    assert all(any(text == s for s in shown) for text in full)   # full text, never cut
    for text in texts:
        cell = text.data(CELL)
        box = text.sceneBoundingRect()
        assert box.height() <= cell.height()
        assert cell.top() <= box.top() and box.bottom() <= cell.bottom() + 0.01
        assert cell.left() <= box.left() and box.right() <= cell.right() + 0.01
    for row_no, row in view.layout_data.rows.items():
        symbol = view.symbol_item(row_no).sceneBoundingRect()
        assert row.y <= symbol.top() and symbol.bottom() <= row.bottom


def unusual_sop(ws) -> Sop:  # noqa: ANN001 - the Workspace fixture
    """PP with a return loop from a process, a forward jump, a three-way decision with an end,
    and a decision that loops on itself."""
    data = ws.catalog.sops["PP"].model_dump(mode="json")
    steps = {s["no"]: s for s in data["kegiatan"]}
    steps[4]["lanjut"] = 2
    steps[1]["lanjut"] = 5
    steps[9]["keputusan"]["pilihan"].append({"label": "Tunda", "lanjut": "selesai"})
    steps[11]["lanjut"] = None
    steps[11]["keputusan"] = {"pertanyaan": "Data lengkap?", "pilihan": [{"label": "Tidak", "lanjut": 11},
                                                                        {"label": "Ya", "lanjut": "selesai"}]}
    return Sop.model_validate(data)


@pytest.mark.parametrize("kode", [*KODES, "unusual"])
def test_routes_never_run_through_symbols_and_labels_sit_clear(ws, kode):
    sop = unusual_sop(ws) if kode == "unusual" else ws.catalog.sops[kode]

    def measure(kind: str, content, width: float) -> float:  # noqa: ANN001
        text = " ".join(content) if isinstance(content, tuple) else content
        return 16.0 * (1 + int(len(text) * 6.5 // max(width, 1)))

    layout = compute_layout(sop, measure, {k: k for k in ("no", "kegiatan", "pelaksana", "mutu_baku", "kelengkapan",
                                                          "waktu", "output", "keterangan")})
    obstacles = [s.box for s in layout.symbols.values()] + [t.box for t in layout.terminators]
    rectangles = [s.box for s in layout.symbols.values() if s.kind != "decision"] + [t.box for t in layout.terminators]
    diamonds = [s.box for s in layout.symbols.values() if s.kind == "decision"]

    def covers_diamond(spot, d) -> bool:  # noqa: ANN001 - layout Boxes
        dx = abs(min(max(d.cx, spot.x), spot.right) - d.cx)
        dy = abs(min(max(d.cy, spot.y), spot.bottom) - d.cy)
        return dx / (d.w / 2) + dy / (d.h / 2) < 1

    exits = [(k.no, label, target) for k in sop.kegiatan for label, target in sop.exits(k.no)]
    flows = [(a.source, a.label, a.target) for a in layout.arrows if isinstance(a.source, int)]
    assert sorted(flows, key=str) == sorted(exits, key=str)
    for arrow in layout.arrows:
        for segment in arrow.segments:
            assert not any(box.hit_by(segment) for box in obstacles), (arrow, segment)
        for x, _ in arrow.points:
            assert layout.lane_area.x < x < layout.lane_area.right
        if arrow.label:
            spot = arrow.label_box
            assert layout.lane_area.x < spot.x and spot.right < layout.lane_area.right
            assert not any(spot.x < b.right and b.x < spot.right and spot.y < b.bottom and b.y < spot.bottom
                           for b in rectangles)
            assert not any(covers_diamond(spot, d) for d in diamonds)
    for term in layout.terminators:
        row = layout.rows[term.step]
        assert row.y <= term.box.y and term.box.bottom <= row.bottom


def test_unusual_routes_draw_in_the_view(view, ws):
    sop = unusual_sop(ws)
    view.set_sop(sop)
    arrows = of_kind(view, "arrow")
    assert len(arrows) == sum(len(sop.exits(k.no)) for k in sop.kegiatan) + len(sop.entri)
    assert {lab.data(LABEL) for lab in of_kind(view, "label") if lab.data(SOURCE) == 9} == {"Ya", "Tidak", "Tunda"}


def test_inferred_lanes_are_dashed_with_the_reason_as_tooltip(view, ws):
    sop = ws.catalog.sops["PP"]
    view.set_sop(sop)
    outlined = sorted(i.data(STEP) for i in of_kind(view, "inferred"))
    assert outlined == [k.no for k in sop.kegiatan if k.pelaksana_disimpulkan]
    assert view.symbol_item(9).toolTip() == f"Pelaksana disimpulkan: {sop.step(9).alasan_pelaksana}"
    assert not view.symbol_item(1).toolTip().startswith("Pelaksana disimpulkan")


def test_progress_marks_done_current_and_taken_edges(view, ws):
    view.set_sop(ws.catalog.sops["PP"])
    view.set_progress({1, 2}, 3, [(1, 2), (2, 3)])
    numbers = {i.data(STEP): i.text() for i in of_kind(view, "number")}
    assert numbers[1] == "✓ 1" and numbers[2] == "✓ 2" and numbers[3] == "▶ 3" and numbers[4] == "4"
    assert view.symbol_item(1).brush().color() == DONE_BG
    assert view.symbol_item(3).brush().color() == CURRENT_BG
    assert view.symbol_item(3).pen().widthF() > view.symbol_item(4).pen().widthF()
    widths = {(a.data(SOURCE), a.data(TARGET)): a.pen().widthF() for a in of_kind(view, "arrow")}
    assert widths[(1, 2)] > widths[(3, 4)] and widths[(2, 3)] > widths[(3, 4)]
    view.set_progress(set(), None, [])
    assert {i.text() for i in of_kind(view, "number")} == {str(k.no) for k in ws.catalog.sops["PP"].kegiatan}
    assert len({a.pen().widthF() for a in of_kind(view, "arrow")}) == 1


def test_clicking_a_symbol_or_a_row_emits_its_step(view, ws, qtbot):
    view.set_sop(ws.catalog.sops["PAW"])
    view.show()
    qtbot.waitExposed(view)
    for no in (1, 10, 12):
        symbol = view.symbol_item(no)
        view.ensureVisible(symbol)
        pos = view.mapFromScene(symbol.sceneBoundingRect().center())
        with qtbot.waitSignal(view.step_clicked, timeout=1000) as blocker:
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        assert blocker.args == [no]
    kegiatan = next(t for t in of_kind(view, "text") if t.data(STEP) == 13 and t.data(CELL).x() > 0)
    view.ensureVisible(kegiatan)
    pos = view.mapFromScene(kegiatan.sceneBoundingRect().center())
    with qtbot.waitSignal(view.step_clicked, timeout=1000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [13]


def test_zoom_buttons_fit_and_ctrl_wheel_change_the_transform(view, ws):
    view.set_sop(ws.catalog.sops["RAKOR"])
    view.show()
    start = view.zoom()
    view.zoom_in()
    assert view.zoom() == pytest.approx(start * 1.25)
    view.zoom_out()
    assert view.zoom() == pytest.approx(start)
    view.fit_to_window()   # RAKOR's whole table would be too small to read at 1200 px: its lanes fit
    lanes_width = view.layout_data.lane_area.right + 10 - view.sceneRect().left()
    assert lanes_width * view.zoom() <= view.viewport().width()
    assert lanes_width * view.zoom() > view.viewport().width() - 10
    before = view.zoom()
    centre = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(centre, view.viewport().mapToGlobal(centre), QPoint(), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom() > before


@pytest.fixture
def page(qtbot, ws, admin):
    widget = CatalogPage(GuiContext(ws, admin))
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    return widget


def item_for(page: CatalogPage, kode: str):
    return next(item for item in page.document_items() if item.text(0).startswith(f"{kode} — "))


def test_catalog_lists_the_sops_and_the_organisation(page):
    texts = [item.text(0) for item in page.document_items()]
    assert [t.split(" — ")[0] for t in texts] == ["PAW", "PP", "RAKOR", "TKS", "ORG-BANTEN"]
    assert "PP — Pelayanan Publik di Lingkungan Komisi Pemilihan Umum Kota Kupang" in texts
    assert page.stack.currentWidget() is page.empty
    assert "Pilih sebuah SOP" in page.empty.text()


def test_selecting_an_sop_shows_its_identity_diagram_and_step_details(page, qtbot):
    page.list.setCurrentItem(item_for(page, "PP"))
    identity = page.identity.toPlainText()
    for expected in ("04", "Pelayanan Publik", "21 April 2020", "Deky Ballo", "Bagian Hukum", "Dasar Hukum",
                     "Pencatatan dan Pendataan", "Undang-Undang Nomor 14 Tahun 2008"):
        assert expected in identity
    assert page.swimlane.sop.kode == "PP"
    assert [a.text() for a in page.zoom_actions] == ["Perbesar", "Perkecil", "Sesuaikan lebar"]
    page.sop_tabs.setCurrentWidget(page.diagram_tab)
    qtbot.waitExposed(page.swimlane)
    before = page.swimlane.zoom()
    page.zoom_actions[0].trigger()
    assert page.swimlane.zoom() > before
    page.swimlane.step_clicked.emit(9)
    detail = page.step_detail.toPlainText()
    assert "Berkonsultasi dengan Divisi yang dituju" in detail
    assert "Pelaksana disimpulkan: Keterangan menyebut Kasubag" in detail
    assert "Ya: ke kegiatan 12" in detail and "Tidak: ke kegiatan 10" in detail
    assert "1 jam" in detail


def test_selecting_the_organisation_shows_divisions_and_units_with_duties(page, ws):
    page.list.setCurrentItem(item_for(page, "ORG-BANTEN"))
    tree = page.org_tree
    divisions = tree.topLevelItem(0)
    assert divisions.childCount() == 7
    assert (divisions.child(0).text(1), divisions.child(0).text(2)) == ("Komisioner", "Ketua")
    found = {}
    iterator = QTreeWidgetItemIterator(tree)
    while iterator.value():
        item = iterator.value()
        found.setdefault(item.text(0), item)
        iterator += 1
    hukum = found["Sub Bagian Hukum"]
    unit = next(u for u in ws.catalog.organisations["ORG-BANTEN"].unit_sekretariat if u.kode == "subbag_hukum")
    duties = [hukum.child(i).text(0) for i in range(hukum.childCount())]
    assert duties == [f"{n}. {duty}" for n, duty in enumerate(unit.uraian_tugas, start=1)]
    assert hukum.text(1) == "Kasubag"
    assert hukum.parent().text(0) == "Bagian Hukum, Teknis, dan Hubungan Partisipasi Masyarakat"
    assert "04/ORT.06/03.1/36/Sek-Prov/I/2021" in page.org_identity.toPlainText()


def test_an_empty_catalog_says_how_to_add_sops(page, ws, monkeypatch):
    monkeypatch.setattr(ws, "catalog", Catalog())
    page.reload()
    assert page.document_items() == []
    assert page.stack.currentWidget() is page.empty
    # the example an administrator has beside the installed program (FORMAT.md is inside it, in English)
    assert "contoh-sop-kantor.yaml" in page.empty.text() and "Tambah SOP" in page.empty.text()
    assert "FORMAT.md" not in page.empty.text() and "sop_catalog" in page.empty.text()


def owned_by_python(view: SwimlaneView) -> list:
    """Scene items whose Python wrapper would delete them: Qt owns every one of them, and a
    wrapper that owns an item deletes it again after scene.clear() (a segmentation fault)."""
    return [item.data(KIND) for item in view.scene().items() if Shiboken.ownedByPython(item)]


def click_step(qtbot, view: SwimlaneView, no: int, where: str = "symbol") -> None:  # noqa: ANN001
    if where == "symbol":
        target = view.symbol_item(no).sceneBoundingRect()
    else:   # the step's Kegiatan text cell
        target = next(t for t in of_kind(view, "text") if t.data(STEP) == no and t.data(CELL).x() > 0).data(CELL)
    view.ensureVisible(target, 5, 5)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(target.center()))


def test_switching_sops_after_clicking_steps_many_times_never_crashes(page, qtbot):
    for round_no in range(12):
        for kode, steps in (("PAW", (1, 7, 12)), ("PP", (2, 9, 13)), ("PAW", (3,))):
            item = item_for(page, kode)
            qtbot.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton,
                             pos=page.list.visualItemRect(item).center())
            assert page.swimlane.sop.kode == kode
            page.sop_tabs.setCurrentWidget(page.diagram_tab)
            qtbot.waitExposed(page.swimlane)
            for no in steps:
                click_step(qtbot, page.swimlane, no, "symbol" if round_no % 2 else "text")
                assert page.step_detail.toPlainText().startswith(f"Kegiatan {no}")
                assert owned_by_python(page.swimlane) == []
            page.sop_tabs.setCurrentWidget(page.identity)
    gc.collect()
    assert page.swimlane.sop.kode == "PAW"


def test_case_view_swimlane_survives_clicks_reloads_and_closing(qtbot, ws, staff):
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data DPT", entry="tamu",
                              requester="Maria Ndun")
    cases.complete(ws, staff["Help Desk"], number, cases.StepInput())
    view = CaseView(GuiContext(ws, staff["Kasubag"]), number)
    view.show()
    view.tabs.setCurrentIndex(1)
    swimlane = view.tabs.currentWidget()
    assert isinstance(swimlane, SwimlaneView)
    qtbot.waitExposed(swimlane)
    for _ in range(10):
        for no in (1, 2, 5, 9):
            click_step(qtbot, swimlane, no)
            assert owned_by_python(swimlane) == []
        view.reload()
    assert swimlane.symbol_item(1).data(LABEL) == "done"
    view.close()
    view.deleteLater()
    qtbot.wait(10)
    del view, swimlane
    gc.collect()


def smallest_text_px(view: SwimlaneView) -> float:
    """The on-screen height of the smallest font drawn in the diagram, at the current zoom."""
    sizes = [item.font().pointSizeF() for item in view.scene().items() if hasattr(item, "font")]
    return min(sizes) * view.logicalDpiY() / 72 * view.zoom()


def kinds_at(widget, pos: QPoint) -> set[str]:  # noqa: ANN001 - a QGraphicsView
    return {item.data(KIND) for item in widget.items(pos)}


def pane_under(view: SwimlaneView, pos: QPoint):  # noqa: ANN001
    """The widget a user's click at `pos` (viewport coordinates) lands on."""
    child = view.childAt(view.viewport().mapTo(view, pos))
    return child.parentWidget() if child is not None and child is not view.viewport() else view


@pytest.mark.parametrize("kode", ["PAW", "PP"])
def test_header_row_and_no_kegiatan_columns_stay_in_view_when_scrolled_and_zoomed(view, ws, qtbot, kode):
    sop = ws.catalog.sops[kode]
    view.set_sop(sop)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    layout = view.layout_data
    header_h = layout.lane_area.y
    left_w = layout.columns["kegiatan"].right
    for zoom in (None, "in", "in", "out", "out", "out"):
        if zoom:
            view.zoom_in() if zoom == "in" else view.zoom_out()
        hbar, vbar = view.horizontalScrollBar(), view.verticalScrollBar()
        assert hbar.maximum() > 0 and vbar.maximum() > 0
        hbar.setValue(hbar.maximum() * 2 // 3)
        vbar.setValue(vbar.maximum() // 2)
        z = view.zoom()
        top, left, corner = view.panes["top"], view.panes["left"], view.panes["corner"]
        # the header row covers the top of the viewport, scrolled along with the lanes
        assert top.isVisible() and top.geometry().topLeft() == view.viewport().geometry().topLeft()
        assert top.height() == pytest.approx((header_h + 10) * z, abs=2)
        below_corner = QPoint(corner.width() + 20, top.height() // 2)
        assert pane_under(view, below_corner) is top and "header" in kinds_at(top, below_corner)
        assert top.mapToScene(below_corner).x() == pytest.approx(view.mapToScene(below_corner).x(), abs=0.5)
        # No and Kegiatan of the rows on screen stay at the left, level with their rows (only
        # No when both would take more than half of the viewport)
        frozen = "kegiatan" if (left_w + 10) * z + 1 <= view.viewport().width() / 2 else "no"
        assert left.isVisible() and left.width() == pytest.approx((layout.columns[frozen].right + 10) * z, abs=2)
        middle = QPoint(int((layout.columns[frozen].x + 10) * z) + 10, view.viewport().height() // 2)
        assert pane_under(view, middle) is left
        row_no = next(no for no, row in layout.rows.items() if row.y <= view.mapToScene(middle).y() < row.bottom)
        texts = [i for i in left.items(middle) if i.data(KIND) == "cell" or i.data(KIND) == "text"]
        assert {i.data(STEP) for i in texts} == {row_no}
        assert left.mapToScene(middle).y() == pytest.approx(view.mapToScene(middle).y(), abs=0.5)
        # and their header cells in the corner
        corner_point = QPoint(int(20 * z), top.height() // 2)
        headers = [i for i in corner.items(corner_point) if i.data(KIND) == "text"]
        assert pane_under(view, corner_point) is corner and [h.toPlainText() for h in headers] == ["No"]
        # a click on a frozen Kegiatan cell selects its step
        with qtbot.waitSignal(view.step_clicked, timeout=1000) as blocker:
            qtbot.mouseClick(left.viewport(), Qt.MouseButton.LeftButton, pos=middle)
        assert blocker.args == [row_no]
    vbar.setValue(vbar.maximum())      # below the last row the legend is not covered
    assert view.panes["left"].height() < view.viewport().height()


def test_frozen_panes_never_hide_the_lanes_at_a_large_zoom(view, ws, qtbot):
    view.set_sop(ws.catalog.sops["PAW"])
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    seen = set()
    for _ in range(12):
        view.zoom_in()
        left, top = view.panes["left"], view.panes["top"]
        assert left.width() <= view.viewport().width() / 2 and top.height() <= view.viewport().height() / 2
        seen.add((left.isVisible(), top.isVisible()))
    assert view.zoom() == pytest.approx(4.0)     # at 400 %: only No stays frozen, the header scrolls
    assert view.panes["left"].width() == pytest.approx((view.layout_data.columns["no"].right + 10) * 4, abs=2)
    assert not view.panes["top"].isVisible() and (True, True) in seen
    view.fit_to_window()
    assert view.panes["left"].isVisible() and view.panes["top"].isVisible()


@pytest.mark.parametrize("width", [520, 800, 1100, 2600])
def test_fit_never_makes_text_smaller_than_readable(view, ws, qtbot, width):
    view.set_sop(ws.catalog.sops["PAW"])
    view.resize(width, 600)
    view.show()
    qtbot.waitExposed(view)
    view.zoom_out()
    view.zoom_out()
    view.fit_to_window()
    assert smallest_text_px(view) >= 8 - 0.01
    assert view.zoom() >= view.min_fit_zoom() - 1e-9
    scene = view.sceneRect()
    lanes = view.layout_data.lane_area.right + 10 - scene.left()
    if scene.width() * view.min_fit_zoom() <= view.viewport().width():       # the whole table fits readably
        assert scene.width() * view.zoom() == pytest.approx(view.viewport().width() - 2, abs=1)
    elif lanes * view.min_fit_zoom() <= view.viewport().width():             # the lanes fit, text columns scroll
        assert lanes * view.zoom() == pytest.approx(view.viewport().width() - 2, abs=1)
        assert view.horizontalScrollBar().maximum() > 0
    else:                                                                    # readable, the lanes scroll
        assert view.zoom() == pytest.approx(view.min_fit_zoom())
    view.set_sop(ws.catalog.sops["PP"])     # a new SOP starts fitted, readable too
    assert smallest_text_px(view) >= 8 - 0.01


def test_selecting_a_step_scrolls_it_clear_of_the_frozen_panes(view, ws, qtbot):
    view.set_sop(ws.catalog.sops["PAW"])
    view.resize(600, 450)
    view.show()
    qtbot.waitExposed(view)
    for no in (12, 1, 7, 2):
        view.select_step(no)
        symbol = view.mapFromScene(view.symbol_item(no).sceneBoundingRect()).boundingRect()
        assert symbol.left() >= view.panes["left"].width() and symbol.top() >= view.panes["top"].height()
        assert view.viewport().rect().contains(symbol)


@pytest.mark.parametrize("width", [790, 1130])
def test_the_diagram_keeps_most_of_the_width_beside_the_step_details(page, qtbot, width):
    page.resize(width, 680)
    page.list.setCurrentItem(item_for(page, "PP"))
    page.sop_tabs.setCurrentWidget(page.diagram_tab)
    qtbot.waitExposed(page.swimlane)
    diagram, detail = page.diagram_splitter.sizes()
    assert diagram >= 2 * detail and 160 <= detail <= 280
    page.diagram_splitter.splitterMoved.emit(150, 1)     # the user's own split is kept
    page.diagram_splitter.setSizes([150, diagram + detail - 150])
    page.resize(width + 100, 680)
    qtbot.wait(10)
    assert page.diagram_splitter.sizes()[1] > 300


def test_the_wheel_over_a_frozen_pane_scrolls_and_zooms_the_diagram(view, ws, qtbot):
    view.set_sop(ws.catalog.sops["PAW"])
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    left = view.panes["left"]
    spot = QPointF(20, 300)

    def wheel(modifiers: Qt.KeyboardModifier, dy: int) -> None:
        event = QWheelEvent(spot, left.viewport().mapToGlobal(spot), QPoint(), QPoint(0, dy), Qt.MouseButton.NoButton,
                            modifiers, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(left.viewport(), event)

    before = view.verticalScrollBar().value()
    wheel(Qt.KeyboardModifier.NoModifier, -360)
    assert view.verticalScrollBar().value() > before
    assert left.mapToScene(spot.toPoint()).y() == pytest.approx(view.mapToScene(spot.toPoint()).y(), abs=0.5)
    zoom = view.zoom()
    wheel(Qt.KeyboardModifier.ControlModifier, 120)
    assert view.zoom() > zoom and left.transform().m11() == pytest.approx(view.zoom())


def test_alt_d_and_alt_i_switch_between_diagram_and_identity_by_keyboard(page, qtbot):
    page.list.setCurrentItem(item_for(page, "PP"))
    with qtbot.waitActive(page):
        page.activateWindow()
    page.list.setFocus()
    QTest.keyClick(page.list, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert page.sop_tabs.currentWidget() is page.diagram_tab
    QTest.keyClick(page.list, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert page.sop_tabs.currentWidget() is page.identity
