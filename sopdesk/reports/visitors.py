"""Buku tamu / register permohonan informasi for a date range, and the tanda bukti
permohonan (receipt) for one visitor. Both carry personal data: only the help desk (the
role of the Pelayanan Publik help-desk entry) or an administrator may print them, every
printout is in the audit log, and ID numbers are masked but for their last four characters.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import HRFlowable, KeepTogether, Spacer, Table
from reportlab.platypus.flowables import Flowable

from sopdesk.engine.users import Actor
from sopdesk.engine.visitor_form import DELIVERY_METHODS, OBTAIN_METHODS
from sopdesk.engine.visitor_report import (
    VisitorEntry,
    may_print,
    record_printout,
    visitor_entry,
    visitor_register,
)
from sopdesk.engine.visitors import purpose_label
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import UserError
from sopdesk.reports.base import (
    CELL_PADDING,
    GRID,
    Letterhead,
    Printout,
    Styles,
    address_lines,
    day_range,
    esc,
    markup,
    mask_id,
    moment,
    periode,
    table_style,
    tanggal_jam,
    text,
)
from sopdesk.textfmt import tanggal

ANSWER_DAYS = 10  # UU 14/2008 pasal 22 (7): jawaban paling lambat 10 hari kerja
OBTAIN_FRACTION = 0.125  # the buku tamu's Cara Memperoleh column, of the landscape frame's width


def _contact(v: VisitorEntry, style: ParagraphStyle, width: float) -> str:
    """Address, telephone and e-mail; the e-mail broken at '@' or '.' where the column is narrow."""
    parts = [esc(v.address)] if v.address else []
    parts += [f"Telp. {esc(v.phone)}"] if v.phone else []
    parts += [address_lines(v.email, style, width)] if v.email else []
    return "<br/>".join(parts) or "-"


def _request(v: VisitorEntry) -> str:
    parts = []
    if v.info_requested:
        parts.append(esc(v.info_requested))
    if v.info_use:
        parts.append(f"<i>Tujuan: {esc(v.info_use)}</i>")
    if v.purpose_text:
        parts.append(esc(v.purpose_text))
    return "<br/>".join(parts) or "-"


def _method(v: VisitorEntry) -> str:
    parts = [OBTAIN_METHODS.get(v.obtain_method, v.obtain_method)] if v.obtain_method else []
    if v.delivery_method:
        parts.append(DELIVERY_METHODS.get(v.delivery_method, v.delivery_method))
    return "<br/>".join(esc(p) for p in parts) or "-"


def render_visitor_register(ws: Workspace, actor: Actor, start: date, end: date, path: Path | str,
                            paper: str | None = None) -> Path:
    """Buku tamu / register permohonan informasi of the visitors registered from `start` to
    `end` (inclusive, office time), landscape. NIK masked. Returns the PDF's path."""
    username = may_print(ws, actor, "mencetak buku tamu (berisi data pribadi)")
    tz = ws.calendar.tz
    register = visitor_register(ws, *day_range(start, end, tz))
    rows, counts = register.entries, register.counts

    styles = Styles()
    head = Letterhead.of(ws)
    printout = Printout(path, paper, head, f"Buku Tamu / Register Permohonan Informasi {periode(start, end)}",
                        first="landscape")
    width, _ = printout.frame_size("landscape")
    header = ["No", f"Waktu ({ws.calendar.tz_name})", "Nama / Instansi", "Nomor Identitas", "Alamat / Kontak",
              "Keperluan", "Informasi yang Diminta", "Cara Memperoleh", "Nomor Kasus", "Petugas"]
    # Cara Memperoleh holds "Mendapatkan salinan informasi (softcopy)" in two lines and the delivery in
    # a third (at 0.1 it took four and a fifth: eight visitors a page); Waktu, Alamat, Informasi and
    # Petugas give it the room their texts do not use (Nomor Kasus keeps "PP/2026/0001" whole on A4)
    fractions = [0.03, 0.07, 0.14, 0.095, 0.14, 0.085, 0.16, OBTAIN_FRACTION, 0.085, 0.07]
    data: list[list[Flowable | str]] = [[text(h, styles.head_cell) for h in header]]
    contact_width = fractions[header.index("Alamat / Kontak")] * width - 2 * CELL_PADDING
    for i, v in enumerate(rows, 1):
        who = f"<b>{esc(v.name)}</b>"
        if v.institution:
            who += f"<br/>{esc(v.institution)}"
        if v.occupation:
            who += f"<br/>{esc(v.occupation)}"
        data.append([
            text(i, styles.cell_right), text(moment(v.registered_at, tz), styles.cell), markup(who, styles.cell),
            text(mask_id(v.id_number), styles.cell), markup(_contact(v, styles.cell, contact_width), styles.cell),
            text(purpose_label(ws, v.purpose), styles.cell), markup(_request(v), styles.cell),
            markup(_method(v), styles.cell), text(v.case_number or "-", styles.cell), text(v.clerk, styles.cell),
        ])
    extra = []
    if not rows:
        data.append([text("Tidak ada data: tidak ada tamu atau pemohon yang tercatat pada periode ini.",
                          styles.cell_center), *[""] * (len(header) - 1)])
        extra.append(("SPAN", (0, 1), (-1, 1)))
    table = Table(data, colWidths=[f * width for f in fractions], repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(*extra))
    total = sum(counts.values())
    summary = "; ".join(f"{purpose_label(ws, k)}: {n}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    lines = f"<b>Jumlah: {total} tamu/pemohon</b>" + (f" ({esc(summary)})" if summary else "")
    story = [
        text("BUKU TAMU / REGISTER PERMOHONAN INFORMASI", styles.title),
        text(f"Periode {periode(start, end)}", styles.subtitle),
        table, Spacer(1, 3 * mm), markup(lines, styles.body),
        text("Nomor identitas (NIK) disamarkan kecuali empat angka terakhir untuk melindungi data pribadi.",
             styles.note),
    ]
    result = printout.build(story)
    record_printout(ws, actor, action="report_visitors", start=start.isoformat(), end=end.isoformat(),
                    rows=len(rows), by=username)
    return result


def render_receipt(ws: Workspace, actor: Actor, visitor_id: int, path: Path | str, paper: str | None = None) -> Path:
    """Tanda bukti permohonan (or kunjungan) for one registered visitor, with the case
    number and the date by which the answer is due. Returns the PDF's path."""
    username = may_print(ws, actor, "mencetak tanda bukti (berisi data pribadi)")
    try:
        visitor_id = int(visitor_id)
    except (TypeError, ValueError):
        raise UserError(f"Nomor tamu {visitor_id!r} tidak sah (harus angka)") from None
    v = visitor_entry(ws, visitor_id)
    tz = ws.calendar.tz
    styles = Styles()
    head = Letterhead.of(ws)
    request = v.purpose == "permohonan_informasi"
    title = "TANDA BUKTI PERMOHONAN INFORMASI PUBLIK" if request else "TANDA BUKTI KUNJUNGAN"
    printout = Printout(path, paper, head, f"{title.title()} nomor {v.id}")
    width, _ = printout.frame_size("portrait")
    def rows() -> list[tuple[str, Flowable]]:   # fresh paragraphs for each copy
        fields: list[tuple[str, Flowable]] = [
            ("Nomor pendaftaran", text(v.id, styles.cell_bold)),
            ("Tanggal", text(tanggal_jam(v.registered_at, tz), styles.cell)),
            ("Nama", text(v.name, styles.cell_bold)),
            ("Nomor identitas", text(mask_id(v.id_number), styles.cell)),
            ("Instansi / pekerjaan", text(" / ".join(p for p in (v.institution, v.occupation) if p), styles.cell)),
            ("Alamat", text(v.address, styles.cell)),
            ("Telepon / e-mail", text(" / ".join(p for p in (v.phone, v.email) if p), styles.cell)),
            ("Keperluan", text(purpose_label(ws, v.purpose), styles.cell)),
        ]
        if request or v.info_requested:
            fields += [
                ("Informasi yang diminta", text(v.info_requested, styles.cell)),
                ("Tujuan penggunaan", text(v.info_use, styles.cell)),
                # the two questions of PPID Form Model B, each on its line: "E-mail" under "Cara
                # memperoleh informasi" read as a second way of obtaining it
                ("Cara memperoleh informasi",
                 text(OBTAIN_METHODS.get(v.obtain_method, v.obtain_method) if v.obtain_method else "-", styles.cell)),
                ("Cara mendapatkan salinan",
                 text(DELIVERY_METHODS.get(v.delivery_method, v.delivery_method) if v.delivery_method else "-",
                      styles.cell)),
            ]
        elif v.purpose_text:
            fields.append(("Uraian keperluan", text(v.purpose_text, styles.cell)))
        if request or v.case_number:  # a visit starts no case: no "Nomor kasus: -" to puzzle over
            fields.append(("Nomor kasus", text(v.case_number or "-", styles.cell_bold)))
        if request:
            due = ws.calendar.add_working_days(v.registered_at, ANSWER_DAYS)
            fields.append(("Jawaban paling lambat",
                           text(f"{tanggal(due.astimezone(tz).date())} ({ANSWER_DAYS} hari kerja; dapat "
                                "diperpanjang 7 hari kerja dengan pemberitahuan tertulis, UU 14/2008 pasal 22)",
                                styles.cell)))
        return fields

    # lembar 1 speaks to the applicant; lembar 2 stays at the desk, in the words of the SOP
    # Pelayanan Publik (seed 001: registration at the "Desk Layanan Informasi Publik" leaves
    # "tercatatnya identitas dan tujuan dari pemohon"), so it tells the clerk what it is for
    note = ("Simpan tanda bukti ini. Sebutkan nomor kasus bila menanyakan perkembangan permohonan Anda."
            if request else "Terima kasih atas kunjungan Anda.")
    office_note = ("Arsip Help Desk: bukti registrasi permohonan di Desk Layanan Informasi Publik (tercatatnya "
                   "identitas dan tujuan pemohon). Simpan bersama buku tamu; jawaban kepada pemohon dipantau "
                   "melalui nomor kasus sampai batas waktu di atas."
                   if request else
                   "Arsip Help Desk: bukti kunjungan yang tercatat di buku tamu. Simpan bersama buku tamu.")
    signed = tanggal(v.registered_at.astimezone(tz).date())
    # a guest or a consultation is a visitor (tamu), not an applicant (pemohon): lembar 1 and the
    # signature said "pemohon" on the tanda bukti kunjungan of someone who asked for nothing
    visitor = "Pemohon" if request else "Tamu"

    def copy(label: str, note: str) -> KeepTogether:
        table = Table([[text(k, styles.cell), text(":", styles.cell), value] for k, value in rows()],
                      colWidths=[48 * mm, 4 * mm, width - 52 * mm], hAlign="LEFT")
        table.setStyle(table_style(("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                                   header_rows=0, grid=False))
        signs = Table([[text(visitor, styles.cell_center), text(f"{signed}\nPetugas", styles.cell_center)],
                       ["", ""],
                       [text(f"( {v.name} )", styles.cell_center), text(f"( {v.clerk} )", styles.cell_center)]],
                      colWidths=[width / 2, width / 2], rowHeights=[None, 14 * mm, None])
        signs.setStyle(table_style(header_rows=0, grid=False))
        return KeepTogether([text(title, styles.title), text(label, styles.subtitle), table, Spacer(1, 2 * mm),
                             text(note, styles.note), Spacer(1, 2 * mm), signs])

    cut = HRFlowable(width="100%", thickness=0.6, color=GRID, dash=[3, 3], spaceBefore=5 * mm, spaceAfter=5 * mm)
    story = [copy(f"Lembar 1: untuk {visitor.lower()}", note), cut,
             copy("Lembar 2: arsip kantor (Help Desk)", office_note)]
    result = printout.build(story)
    record_printout(ws, actor, action="report_receipt", visitor_id=v.id, by=username)
    return result
