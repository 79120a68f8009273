"""The paper of the window's printouts: this PC's A4 or F4 (Pengaturan), used by every print
from the window (print_pdf), shown in the preview and remembered; the CLI still names its own."""

import io

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog

from sopdesk import reports
from sopdesk.engine import cases, visitors
from sopdesk.errors import UserError
from sopdesk.gui import printing
from sopdesk.gui.cases_page import CaseView
from sopdesk.gui.context import GuiContext
from sopdesk.gui.print_preview import paper_name
from sopdesk.gui.settings_page import SettingsPage
from sopdesk.reports.base import using_paper

A4_MM = (210, 297)
F4_MM = (215, 330)


def page_mm(data: bytes) -> list[tuple[int, int]]:
    """Each page's size in mm, short side first."""
    sizes = []
    for page in PdfReader(io.BytesIO(data)).pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        sizes.append(tuple(sorted((round(width * 25.4 / 72), round(height * 25.4 / 72)))))
    return sizes


@pytest.fixture
def f4():
    printing.save_paper("F4")
    yield
    printing.save_paper("A4")  # the tests share one settings file


def test_a_printout_naming_no_paper_is_on_the_paper_of_using_paper(ws, staff, tmp_path):
    number = cases.start_case(ws, staff["Sekretaris"], "TKS", "Pleno mingguan")
    plain = reports.render_case_sheet(ws, number, tmp_path / "a4.pdf")
    with using_paper("F4"):
        folio = reports.render_case_sheet(ws, number, tmp_path / "f4.pdf")
        named = reports.render_case_sheet(ws, number, tmp_path / "named.pdf", "A4")  # the CLI's --paper wins
    assert set(page_mm(plain.read_bytes())) == {A4_MM}
    assert set(page_mm(folio.read_bytes())) == {F4_MM}
    assert set(page_mm(named.read_bytes())) == {A4_MM}


def test_an_unknown_paper_is_refused():
    with pytest.raises(Exception, match="Ukuran kertas"), using_paper("Letter"):
        pass


def test_the_window_prints_on_the_paper_chosen_and_the_preview_says_so(qtbot, ws, staff, f4):
    number = cases.start_case(ws, staff["Sekretaris"], "TKS", "Pleno mingguan")
    view = CaseView(GuiContext(ws, staff["Sekretaris"]), number)
    qtbot.addWidget(view)
    view.print_button.click()  # no worker: rendered at once
    [dialog] = [d for d in view.findChildren(QDialog) if d.isVisible() and hasattr(d, "pages")]
    assert set(page_mm(dialog.pages.data)) == {F4_MM}
    assert dialog.paper_label.text() == "Kertas F4"
    dialog.close()


def test_the_help_desk_receipt_follows_the_paper_too(qtbot, ws, staff, f4):
    from sopdesk.gui.helpdesk import HelpDeskPage

    form = visitors.VisitorForm(name="Maria Ndun", purpose="permohonan_informasi", id_number="5371012345678901",
                                info_requested="Data DPT")
    visitors.register_visitor(ws, staff["Help Desk"], form)
    page = HelpDeskPage(GuiContext(ws, staff["Help Desk"]))
    qtbot.addWidget(page)
    page.table.selectRow(0)
    page.receipt_button.click()
    [dialog] = [d for d in page.findChildren(QDialog) if d.isVisible() and hasattr(d, "pages")]
    assert set(page_mm(dialog.pages.data)) == {F4_MM} and dialog.paper_label.text() == "Kertas F4"
    dialog.close()


def test_pengaturan_chooses_and_remembers_the_paper(qtbot, ws, staff):
    page = SettingsPage(GuiContext(ws, staff["Help Desk"]), None)  # any user: the paper is this PC's
    qtbot.addWidget(page)
    assert page.paper.currentData() == "A4"
    try:
        page.paper.setCurrentIndex(page.paper.findData("F4"))
        assert printing.saved_paper() == "F4"
        again = SettingsPage(GuiContext(ws, staff["Help Desk"]), None)
        qtbot.addWidget(again)
        assert again.paper.currentData() == "F4"
    finally:
        printing.save_paper("A4")


def test_the_preview_names_the_paper_of_its_pages():
    assert paper_name(595.3, 841.9) == "A4"
    assert paper_name(935.4, 609.4) == "F4"  # landscape
    assert paper_name(612, 792) == "216 × 279 mm"


def test_the_paper_changed_in_the_preview_renders_again_and_is_remembered(qtbot, ws, staff):
    number = cases.start_case(ws, staff["Sekretaris"], "TKS", "Pleno mingguan")
    view = CaseView(GuiContext(ws, staff["Sekretaris"]), number)
    qtbot.addWidget(view)
    try:
        dialog = printing.print_pdf(view, None, "lembar-kendali",
                                    lambda path: reports.render_case_sheet(ws, number, path))
        assert set(page_mm(dialog.pages.data)) == {A4_MM} and dialog.paper_choice.currentData() == "A4"
        dialog.paper_choice.setCurrentIndex(dialog.paper_choice.findData("F4"))  # no worker: at once
        assert set(page_mm(dialog.pages.data)) == {F4_MM}
        assert len(dialog.views) == dialog.page_count() and dialog.print_button.isEnabled()
        assert printing.saved_paper() == "F4"  # the next printout too
        dialog.close()
    finally:
        printing.save_paper("A4")


def test_a_failed_rendering_on_the_other_paper_keeps_the_printout_shown(qtbot, ws, staff, monkeypatch):
    number = cases.start_case(ws, staff["Sekretaris"], "TKS", "Pleno mingguan")
    view = CaseView(GuiContext(ws, staff["Sekretaris"]), number)
    qtbot.addWidget(view)
    shown = []
    monkeypatch.setattr(printing, "show_error", lambda parent, exc: shown.append(str(exc)))
    calls = []

    def render(path):
        calls.append(path)
        if len(calls) > 1:
            raise UserError("Disk penuh")
        return reports.render_case_sheet(ws, number, path)

    try:
        dialog = printing.print_pdf(view, None, "lembar-kendali", render)
        dialog.paper_choice.setCurrentIndex(dialog.paper_choice.findData("F4"))
        assert shown == ["Disk penuh"] and set(page_mm(dialog.pages.data)) == {A4_MM}
        assert dialog.paper_choice.currentData() == "A4" and dialog.paper_choice.isEnabled()
        assert printing.saved_paper() == "A4"
        dialog.close()
    finally:
        printing.save_paper("A4")
