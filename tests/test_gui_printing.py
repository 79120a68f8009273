"""Print actions of the screens: the PDF is written (on the worker) and handed to the viewer."""

from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog

from sopdesk.engine import cases, visitors
from sopdesk.gui import printing
from sopdesk.gui.cases_page import CaseView
from sopdesk.gui.catalog_page import CatalogPage
from sopdesk.gui.context import GuiContext
from sopdesk.gui.helpdesk_page import HelpDeskPage
from sopdesk.gui.worker import Worker


@pytest.fixture
def printed(monkeypatch, tmp_path):
    """Answers the save dialog with a file in tmp_path; collects what the viewer was asked to open."""
    opened = []
    target = tmp_path / "keluaran.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    return opened


def text_of(path: str) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_print_sop_from_the_catalog_runs_on_the_worker(qtbot, ws, admin, printed):
    ctx = GuiContext(ws, admin)
    ctx.worker = Worker()
    page = CatalogPage(ctx)
    qtbot.addWidget(page)
    page.select("PP")
    with qtbot.waitSignal(ctx.worker.busy_changed, timeout=60_000, check_params_cb=lambda busy: not busy):
        page.print_sop_button.click()
    ctx.worker.stop()
    assert printed and "Pelayanan Publik" in text_of(printed[0])


def test_print_case_control_sheet_from_the_case_view(qtbot, ws, staff, printed):
    number = cases.start_case(ws, staff["Sekretaris"], "TKS", "Pleno mingguan")
    cases.complete(ws, staff["Sekretaris"], number, cases.StepInput(note="Nota dinas dibuat"))
    view = CaseView(GuiContext(ws, staff["Sekretaris"]), number)
    qtbot.addWidget(view)
    view.print_button.click()  # no worker: rendered at once
    assert number in text_of(printed[0])


def test_print_receipt_and_register_from_the_help_desk(qtbot, ws, staff, printed, monkeypatch):
    form = visitors.VisitorForm(name="Maria Ndun", purpose="permohonan_informasi", id_number="5371012345678901",
                                info_requested="Data DPT")
    visitors.register_visitor(ws, staff["Help Desk"], form)
    page = HelpDeskPage(GuiContext(ws, staff["Help Desk"]))
    qtbot.addWidget(page)
    page.table.selectRow(0)
    page.receipt_button.click()
    receipt = text_of(printed[-1])
    assert "Maria Ndun" in receipt and "5371012345678901" not in receipt and "8901" in receipt
    monkeypatch.setattr(printing.PeriodDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(printing.PeriodDialog, "dates", lambda self: (date(2026, 3, 1), date(2026, 3, 31)))
    page.register_button.click()
    assert "Maria Ndun" in text_of(printed[-1])
