"""`sopdesk report`: the printed records (PDF). Each needs a login (every printout shows office
data) and is written only where it may go: never into sopdesk's own folders, never over a
file that is not a PDF. The PDF library is imported by the command that prints."""

from __future__ import annotations

from argparse import Namespace
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sopdesk.cli.parsing import Commands, Parents, Parser, noun, positive_int
from sopdesk.cli.session import reading
from sopdesk.cli.values import day

if TYPE_CHECKING:
    from sopdesk.engine.users import Actor
    from sopdesk.engine.workspace import Workspace

Render = Callable[["Workspace", "Actor"], Path]  # writes the PDF, returns its path


def add_parsers(sub: Commands, parents: Parents) -> None:
    reports = noun(sub, "report", "cetak PDF: SOP, lembar kendali, buku tamu, tanda bukti, kinerja, "
                   "buku ekspedisi, lembar disposisi")
    pdf = Parser(add_help=False, parents=[parents.acting])  # every printout shows office data: a login
    pdf.add_argument("-o", "--output", required=True, type=Path, metavar="FILE", help="berkas PDF yang ditulis")
    pdf.add_argument("--paper", default="A4", type=str.upper, choices=["A4", "F4"],
                     help="ukuran kertas: A4 atau F4 (215 x 330 mm); bawaan A4")
    period = Parser(add_help=False)
    period.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD", help="tanggal awal")
    period.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD", help="tanggal akhir (ikut)")
    p = reports.add_parser("sop", parents=[pdf], help="SOP: halaman identitas dan bagan alir")
    p.add_argument("sop_id", metavar="SOP", help="kode SOP (mis. PP)")
    p.add_argument("--revisi", type=positive_int, help="revisi tersimpan (bawaan: revisi katalog)")
    p.set_defaults(func=report_sop)
    p = reports.add_parser("case", parents=[pdf], help="lembar kendali kasus")
    p.add_argument("case_no", metavar="NOMOR_KASUS", help="nomor kasus (mis. PP/2026/0001)")
    p.set_defaults(func=report_case)
    p = reports.add_parser("visitors", parents=[pdf, period],
                           help="buku tamu / register permohonan informasi (data pribadi: Help Desk atau admin)")
    p.set_defaults(func=report_visitors)
    p = reports.add_parser("receipt", parents=[pdf],
                           help="tanda bukti permohonan untuk satu tamu (Help Desk atau admin)")
    p.add_argument("visitor_id", metavar="NOMOR_TAMU", type=positive_int,
                   help="nomor tamu (ditampilkan saat tamu dicatat)")
    p.set_defaults(func=report_receipt)
    p = reports.add_parser("performance", parents=[pdf, period], help="laporan kinerja terhadap mutu baku")
    p.add_argument("sop_id", metavar="SOP", help="kode SOP (mis. PP)")
    p.set_defaults(func=report_performance)
    p = reports.add_parser("expedition", parents=[pdf, period], help="buku ekspedisi untuk rentang tanggal kirim")
    p.add_argument("--pending", action="store_true", help="hanya yang belum diterima")
    p.set_defaults(func=report_expedition)
    p = reports.add_parser("disposition", parents=[pdf], help="lembar disposisi satu surat masuk")
    p.add_argument("agenda", metavar="SM/TAHUN/NOMOR", help="nomor agenda surat masuk")
    p.set_defaults(func=report_disposition)


def _report(args: Namespace, render: Render) -> int:
    """Check where the PDF goes, log in, write one PDF, say where it is."""
    from sopdesk.engine.desk_connection import database_file
    from sopdesk.reports.target import check_pdf_target, protected_folders

    try:
        database = database_file(args.db, args.data_dir)
    except Exception:  # noqa: BLE001 - a wrong URL is reported by the workspace below
        database = None
    check_pdf_target(args.output, protected_folders(args.data_dir, database))
    with reading(args) as (ws, reader):
        path = render(ws, reader)
    print(f"PDF ditulis: {path}")
    return 0


def _period(args: Namespace) -> tuple[date, date]:
    return day(args.date_from, "--from"), day(args.date_to, "--to")


def report_sop(args: Namespace) -> int:
    from sopdesk.reports import render_sop

    return _report(args, lambda ws, _actor: render_sop(ws, args.sop_id, args.output, args.paper,
                                                       revisi=args.revisi))


def report_case(args: Namespace) -> int:
    from sopdesk.reports import render_case_sheet

    return _report(args, lambda ws, actor: render_case_sheet(ws, args.case_no, args.output, args.paper,
                                                             viewer=actor))


def report_visitors(args: Namespace) -> int:
    from sopdesk.reports import render_visitor_register

    start, end = _period(args)
    return _report(args, lambda ws, actor: render_visitor_register(ws, actor, start, end, args.output, args.paper))


def report_receipt(args: Namespace) -> int:
    from sopdesk.reports import render_receipt

    return _report(args, lambda ws, actor: render_receipt(ws, actor, args.visitor_id, args.output, args.paper))


def report_performance(args: Namespace) -> int:
    from sopdesk.reports import render_performance

    start, end = _period(args)
    return _report(args, lambda ws, _actor: render_performance(ws, args.sop_id, start, end, args.output,
                                                               args.paper))


def report_expedition(args: Namespace) -> int:
    from sopdesk.reports.expedition import render_expedition_book

    start, end = _period(args)
    return _report(args, lambda ws, actor: render_expedition_book(ws, start, end, args.output, args.paper,
                                                                  pending_only=args.pending, viewer=actor))


def report_disposition(args: Namespace) -> int:
    from sopdesk.reports.disposition import render_disposition_sheet

    return _report(args, lambda ws, actor: render_disposition_sheet(ws, args.agenda, args.output, args.paper,
                                                                    viewer=actor))
