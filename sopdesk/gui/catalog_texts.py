"""What the Katalog SOP page reads out of a document, as HTML: an SOP's or an organisation's
identity block and the details of one step of an SOP. Pure text, apart from the page's
widgets; translated under the page's context ("CatalogPage")."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication

from sopdesk.catalog.schema import END, Organisasi, Sop
from sopdesk.gui.markers import QT_TRANSLATE_NOOP
from sopdesk.textfmt import tanggal

CONTEXT = "CatalogPage"  # the page's translation context: the .ts keys on it

# lupdate does not look inside f-strings: the _t() calls of the step details (step_html) reach
# the translation source through these markers.
_TR_IN_FSTRINGS = (
    QT_TRANSLATE_NOOP("CatalogPage", "Kegiatan {no}"),
    QT_TRANSLATE_NOOP("CatalogPage", "peran"),
    QT_TRANSLATE_NOOP("CatalogPage", "Pelaksana"),
    QT_TRANSLATE_NOOP("CatalogPage", "Mulai"),
    QT_TRANSLATE_NOOP("CatalogPage", "Menunggu"),
    QT_TRANSLATE_NOOP("CatalogPage", "Kelengkapan"),
    QT_TRANSLATE_NOOP("CatalogPage", "Waktu"),
    QT_TRANSLATE_NOOP("CatalogPage", "Output"),
    QT_TRANSLATE_NOOP("CatalogPage", "Keterangan"),
    QT_TRANSLATE_NOOP("CatalogPage", "Keputusan"),
    QT_TRANSLATE_NOOP("CatalogPage", "selesai"),
    QT_TRANSLATE_NOOP("CatalogPage", "Rute"),
)


def _items(values: list[str]) -> str:
    if not values:
        return "<p><i>-</i></p>"
    return "<ol style='margin-top:2px'>" + "".join(f"<li>{escape(v)}</li>" for v in values) + "</ol>"


def _bullets(values: list[str]) -> str:
    if not values:
        return "-"
    return "<ul style='margin-top:0'>" + "".join(f"<li>{escape(v)}</li>" for v in values) + "</ul>"


def _date(value: date | None) -> str:
    return tanggal(value) if value else "-"


def _t(text: str) -> str:
    """`text` translated under the page's context (a marked string: see _TR_IN_FSTRINGS)."""
    return QCoreApplication.translate(CONTEXT, text)


def identity_html(doc: Sop | Organisasi) -> str:
    """The identity block of an SOP or an organisation document, as HTML tables."""
    ident = doc.identitas
    disahkan = escape(ident.disahkan_oleh.jabatan)
    if ident.disahkan_oleh.nama:
        disahkan += f"<br/>{escape(ident.disahkan_oleh.nama)}"
    fields = [
        (QCoreApplication.translate("CatalogPage", "Nomor SOP"), escape(ident.nomor_sop) or "-"),
        (QCoreApplication.translate("CatalogPage", "Tanggal Pembuatan"), _date(ident.tanggal_pembuatan)),
        (QCoreApplication.translate("CatalogPage", "Tanggal Revisi"), _date(ident.tanggal_revisi)),
        (QCoreApplication.translate("CatalogPage", "Tanggal Efektif"), _date(ident.tanggal_efektif)),
        (QCoreApplication.translate("CatalogPage", "Tanggal Pengesahan"), _date(ident.tanggal_pengesahan)),
        (QCoreApplication.translate("CatalogPage", "Disahkan oleh"), disahkan),
        (QCoreApplication.translate("CatalogPage", "Nama SOP"), escape(ident.nama_sop)),
        (QCoreApplication.translate("CatalogPage", "Instansi"), escape(ident.instansi)),
        (QCoreApplication.translate("CatalogPage", "Unit"), escape(ident.unit or "-")),
    ]
    if ident.keputusan:
        decree = QCoreApplication.translate("CatalogPage", "Ditetapkan dengan keputusan")
        fields.append((decree, escape(ident.keputusan)))
    fields.append((QCoreApplication.translate("CatalogPage", "Revisi katalog"), str(doc.revisi)))
    rows = "".join(f"<tr><td width='30%'><b>{k}</b></td><td>{v}</td></tr>" for k, v in fields)
    boxes = [
        (QCoreApplication.translate("CatalogPage", "Dasar Hukum"), doc.dasar_hukum),
        (QCoreApplication.translate("CatalogPage", "Kualifikasi Pelaksana"), doc.kualifikasi_pelaksana),
        (QCoreApplication.translate("CatalogPage", "Keterkaitan"), doc.keterkaitan),
        (QCoreApplication.translate("CatalogPage", "Peralatan/Perlengkapan"), doc.peralatan_perlengkapan),
        (QCoreApplication.translate("CatalogPage", "Peringatan"), doc.peringatan),
        (QCoreApplication.translate("CatalogPage", "Pencatatan dan Pendataan"), doc.pencatatan_pendataan),
    ]
    cells = [f"<td width='50%' valign='top'><b>{escape(t)}</b>{_items(v)}</td>" for t, v in boxes]
    grid = "".join(f"<tr>{cells[i]}{cells[i + 1]}</tr>" for i in range(0, len(cells), 2))
    table = "border='1' cellspacing='0' cellpadding='6' width='100%' style='border-collapse: collapse'"
    return f"<table {table}>{rows}</table><br/><table {table}>{grid}</table>"


def step_html(sop: Sop, no: int) -> str:
    """Everything about step `no` of `sop` for the side panel: pelaksana, start, wait,
    kelengkapan, time, output, keterangan, decision and routes."""
    step = sop.step(no)
    lane = sop.lane(step.pelaksana)
    parts = [f"<h3>{escape(_t('Kegiatan {no}').format(no=no))}</h3><p>{escape(step.kegiatan)}</p>"]
    pelaksana = f"{escape(lane.nama)} ({escape(_t('peran'))}: {escape(lane.peran)})"
    for kode in step.pelaksana_bersama:  # issue #13: a joint step, confirmed lane by lane
        other = sop.lane(kode)
        pelaksana += "<br/>" + escape(QCoreApplication.translate("CatalogPage", "lalu {lane} (peran: {role})").format(
            lane=other.nama, role=other.peran))
    if lane.eksternal:
        outside = QCoreApplication.translate("CatalogPage", "Pihak di luar kantor: dicatat atas namanya.")
        pelaksana += f"<br/><i>{escape(outside)}</i>"
    if step.pelaksana_disimpulkan:
        inferred = QCoreApplication.translate("CatalogPage", "Pelaksana disimpulkan: {alasan}")
        pelaksana += "<br/><i>{}</i>".format(escape(inferred.format(alasan=step.alasan_pelaksana or "-")))
    else:
        listed = QCoreApplication.translate("CatalogPage", "Pelaksana tercantum pada SOP.")
        pelaksana += f"<br/><i>{escape(listed)}</i>"
    parts.append(f"<p><b>{escape(_t('Pelaksana'))}</b><br/>{pelaksana}</p>")
    starts = [e.nama for e in sop.entri if e.kegiatan == no]
    if starts:
        parts.append(f"<p><b>{escape(_t('Mulai'))}</b><br/>{escape('; '.join(starts))}</p>")
    if step.menunggu:
        parts.append(f"<p><b>{escape(_t('Menunggu'))}</b><br/>{escape(step.menunggu)}</p>")
    parts.append(f"<p><b>{escape(_t('Kelengkapan'))}</b></p>{_bullets(step.kelengkapan)}")
    parts.append(f"<p><b>{escape(_t('Waktu'))}</b><br/>{escape(step.waktu)}</p>")
    parts.append(f"<p><b>{escape(_t('Output'))}</b></p>{_bullets(step.output)}")
    parts.append(f"<p><b>{escape(_t('Keterangan'))}</b><br/>"
                 f"{escape(step.keterangan or '-').replace(chr(10), '<br/>')}</p>")
    if step.keputusan:
        parts.append(f"<p><b>{escape(_t('Keputusan'))}</b><br/>{escape(step.keputusan.pertanyaan)}</p>")
    routes = []
    for label, target in sop.exits(no):
        prefix = f"{escape(label)}: " if label else ""
        if target == END:
            routes.append(f"<li>{prefix}{escape(_t('selesai'))}</li>")
        else:
            text = QCoreApplication.translate("CatalogPage", "ke kegiatan {no} ({pelaksana})").format(
                no=target, pelaksana=sop.lane(sop.step(int(target)).pelaksana).nama)
            routes.append(f"<li>{prefix}{escape(text)}</li>")
    parts.append(f"<p><b>{escape(_t('Rute'))}</b></p><ul style='margin-top:0'>{''.join(routes)}</ul>")
    return "".join(parts)
