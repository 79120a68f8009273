"""Printed records (ReportLab, Qt-free): the SOP itself, the lembar kendali kasus, the buku
tamu / register permohonan informasi, the tanda bukti permohonan and the laporan kinerja.

Each `render_*` function writes one PDF and returns its path; it opens its own database
sessions, so the GUI runs it on its worker thread."""

from sopdesk.reports.case_sheet import render_case_sheet
from sopdesk.reports.performance import render_performance
from sopdesk.reports.sop import render_sop
from sopdesk.reports.visitors import render_receipt, render_visitor_register

__all__ = ["render_case_sheet", "render_performance", "render_receipt", "render_sop", "render_visitor_register"]
