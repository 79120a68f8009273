"""The SOP itself as Permenpan RB 35/2012 prints it: the identity page (header block and the
six boxes), then the flowchart pages (see sopdesk.reports.flowchart)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Image, KeepInFrame, NextPageTemplate, PageBreak, Paragraph, Spacer, Table

from sopdesk.catalog.schema import Sop
from sopdesk.engine.sop_history import load_sop
from sopdesk.engine.workspace import Workspace
from sopdesk.reports.base import HEADER_BG, Letterhead, Printout, Styles, esc, markup, table_style, text
from sopdesk.reports.flowchart import FlowchartPage, plan
from sopdesk.reports.fonts import REGULAR
from sopdesk.textfmt import tanggal

BOXES = (
    (("Dasar Hukum", "dasar_hukum"), ("Kualifikasi Pelaksana", "kualifikasi_pelaksana")),
    (("Keterkaitan", "keterkaitan"), ("Peralatan/Perlengkapan", "peralatan_perlengkapan")),
    (("Peringatan", "peringatan"), ("Pencatatan dan Pendataan", "pencatatan_pendataan")),
)
CAPTION_H = 14.0
MIN_SHRINK = 0.82   # the identity page shrinks to fit one page down to this scale, no further


def _date(value) -> str:  # noqa: ANN001 - a date or None
    return tanggal(value) if value else "-"


def _numbered(items: list[str], styles: Styles) -> list[Paragraph]:
    if not items:
        return [text("-", styles.cell)]
    style = styles.cell.clone("numbered", leftIndent=11, bulletIndent=0, spaceAfter=1.5, bulletFontName=REGULAR,
                              bulletFontSize=styles.cell.fontSize)
    return [Paragraph(esc(item), style, bulletText=f"{i}.") for i, item in enumerate(items, 1)]


def identity_page(sop: Sop, printout: Printout, styles: Styles, orientation: str = "landscape") -> list:
    width, height = printout.frame_size(orientation)
    ident = sop.identitas
    left_w = width * 0.42
    logo = printout.decor.logo
    left: list = []
    if logo is not None:
        w, h = logo.getSize()
        scale = min(20 * mm / h, 30 * mm / w)
        left += [Image(printout.head.logo, w * scale, h * scale), Spacer(1, 2 * mm)]
    big = styles.title.clone("instansi", fontSize=11, leading=14)
    left.append(text(ident.instansi.upper(), big))
    if ident.unit:
        left.append(text(ident.unit.upper(), styles.head_cell))
    signer = esc(ident.disahkan_oleh.jabatan) + "<br/><br/><br/><br/>"
    name = ident.disahkan_oleh.nama
    signer += f"<b>{esc(name)}</b>" if name else "(" + "." * 36 + ")"
    nomor = esc(ident.nomor_sop or "-")
    if ident.keputusan:
        nomor += f"<br/>Keputusan Nomor {esc(ident.keputusan)}"
    rows = [
        ("Nomor SOP", markup(nomor, styles.cell)),
        ("Tanggal Pembuatan", text(_date(ident.tanggal_pembuatan), styles.cell)),
        ("Tanggal Revisi", text(_date(ident.tanggal_revisi), styles.cell)),
        ("Tanggal Efektif", text(_date(ident.tanggal_efektif), styles.cell)),
        ("Tanggal Pengesahan", text(_date(ident.tanggal_pengesahan), styles.cell)),
        ("Disahkan oleh", markup(signer, styles.cell_center)),
        ("Nama SOP", text(ident.nama_sop.upper(), styles.cell_bold)),
    ]
    data = [[left if i == 0 else "", text(label, styles.cell_bold), value] for i, (label, value) in enumerate(rows)]
    label_w = 38 * mm
    header = Table(data, colWidths=[left_w, label_w, width - left_w - label_w], hAlign="LEFT")
    header.setStyle(table_style(("SPAN", (0, 0), (0, -1)), ("VALIGN", (0, 0), (0, -1), "MIDDLE"),
                                ("ALIGN", (0, 0), (0, -1), "CENTER"), header_rows=0))
    cells: list[list[Paragraph | list[Paragraph]]] = []
    for pair in BOXES:
        cells.append([text(f"{title}:", styles.cell_bold) for title, _ in pair])
        cells.append([_numbered(list(getattr(sop, field)), styles) for _, field in pair])
    boxes = Table(cells, colWidths=[width / 2, width / 2], hAlign="LEFT", splitInRow=1)
    boxes.setStyle(table_style(*[("BACKGROUND", (0, r), (-1, r), HEADER_BG) for r in range(0, 6, 2)],
                               header_rows=0))
    title = styles.title.clone("sop_title", spaceAfter=2 * mm)
    content = [text("STANDAR OPERASIONAL PROSEDUR", title), header, Spacer(1, 3 * mm), boxes]
    needed = sum(f.wrap(width, height)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in content)
    if needed <= height / MIN_SHRINK:   # one page, as on the paper form, at a readable size
        return [KeepInFrame(width, height, content, mode="shrink")]
    return content                      # very long boxes (a dozen laws): continued on the next page


def _deadline_row(rule, styles: Styles) -> list:  # noqa: ANN001 - a Tenggat
    """One case deadline in words, as sop_catalog/FORMAT.md declares it (issue #13)."""
    steps = ", ".join(str(n) for n in rule.kegiatan)
    if rule.jenis == "paling_lambat":
        kind, rule_text = "Paling lambat", f"terpenuhi oleh kegiatan {steps} (yang pertama selesai)"
    else:
        kind, rule_text = "Paling cepat (masa tunggu)", f"kegiatan {steps} tidak boleh diselesaikan sebelumnya"
    since = "kasus dimulai" if rule.sejak == "mulai" else f"kegiatan {rule.sejak} selesai"
    extra = []
    if rule.berlaku_jika is not None:
        extra.append(f"Hanya bila keputusan kegiatan {rule.berlaku_jika.kegiatan} = {rule.berlaku_jika.pilihan}")
    if rule.perpanjangan is not None:
        ext = rule.perpanjangan
        times = "satu kali" if ext.paling_banyak == 1 else f"paling banyak {ext.paling_banyak} kali"
        extra.append(f"Dapat diperpanjang {times}, masing-masing {ext.waktu}, dengan alasan"
                     + (f" dan {ext.output}" if ext.output else ""))
    return [text(rule.nama, styles.cell), text(kind, styles.cell), text(f"{rule.waktu} sejak {since}", styles.cell),
            text(rule_text, styles.cell), text("; ".join(extra) or "-", styles.cell),
            text(rule.dasar or "-", styles.cell)]


def deadlines_table(sop: Sop, styles: Styles, width: float) -> list:
    """The SOP's case-level deadlines (tenggat): the keterangan rules the flow table cannot
    draw, printed after the flowchart."""
    head = ["Tenggat kasus", "Jenis", "Waktu", "Ketentuan", "Berlaku / perpanjangan", "Dasar"]
    rows = [[text(h, styles.head_cell) for h in head]] + [_deadline_row(r, styles) for r in sop.tenggat]
    fractions = (0.17, 0.11, 0.15, 0.18, 0.21, 0.18)
    table = Table(rows, colWidths=[width * f for f in fractions], repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style())
    return [text(f"Tenggat kasus SOP {sop.kode}: {sop.nama}", styles.heading), table]


def render_sop(ws: Workspace, kode: str, path: Path | str, paper: str | None = None, revisi: int | None = None) -> Path:
    """The SOP `kode` (the catalog's revision, or a stored `revisi`): identity page and
    flowchart pages, landscape, on A4 or F4. Returns the PDF's path."""
    sop = load_sop(ws, kode, revisi)
    styles = Styles()
    head = Letterhead.of(ws, fallback_name=sop.identitas.instansi)
    printout = Printout(path, paper, head, f"SOP {sop.kode} revisi {sop.revisi}: {sop.nama}", first="landscape")
    story = identity_page(sop, printout, styles)
    width, height = printout.frame_size("landscape")
    chart = plan(sop, width, height - CAPTION_H)
    caption = styles.cell_bold.clone("caption", fontSize=8, leading=10, spaceAfter=CAPTION_H - 10)
    for index in range(len(chart.pages)):
        story += [PageBreak(),
                  text(f"Prosedur SOP {sop.identitas.nomor_sop or sop.kode}: {sop.nama} "
                       f"(bagan alir {index + 1}/{len(chart.pages)})", caption),
                  FlowchartPage(chart, index)]
    if sop.tenggat:
        story += [PageBreak(), *deadlines_table(sop, styles, width)]
    story.insert(0, NextPageTemplate("landscape"))
    return printout.build(story)
