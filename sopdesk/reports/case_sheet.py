"""Lembar kendali kasus: one case on paper. Every step it visited (in order, returns
included): who, when it arrived and left, the actual duration against the mutu baku, the
kelengkapan present or missing, the outputs with their numbers, decisions, returns with
their reasons; the case-level deadlines; and the case's history from the audit log, each
event in words (engine.audit.ACTION_LABELS), never as its code."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from sopdesk.engine.audit import action_label
from sopdesk.engine.case_record import HistoryEvent, Output, Visit, case_record
from sopdesk.engine.deadlines import late_days
from sopdesk.engine.users import Actor
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import UserError
from sopdesk.reports.base import (
    Letterhead,
    Printout,
    Styles,
    esc,
    late_by,
    markup,
    moment,
    table_style,
    tanggal_jam,
    text,
)
from sopdesk.textfmt import durasi, tanggal

STATUS = {"open": "berjalan", "done": "selesai", "cancelled": "dibatalkan"}


def _state(item: Visit, now: datetime) -> tuple[str, bool]:
    """What the sheet says about the time of a visit, and whether it was late."""
    if item.status == "returned":
        return f"Dikembalikan ke kegiatan {item.return_to}", False
    if item.status == "cancelled":
        return "Dibatalkan", False
    end = item.completed_at or now
    if item.due_at is None:
        state = "Tanpa standar waktu"
        late = False
    elif end > item.due_at:
        state, late = f"Terlambat {late_by(end - item.due_at)}", True
    else:
        state, late = "Tepat waktu", False
    if item.status == "open" and not late:
        state = "Menunggu" + ("" if item.due_at is None else "; batas belum lewat")
    elif item.status == "open":
        state = f"Menunggu; {state.lower()}"
    return state, late


def _two_lines(value: datetime, tz: tzinfo) -> str:
    """23-11-2026<br/>14:31 (a date never breaks inside a narrow column)."""
    return moment(value, tz).replace(" ", "<br/>", 1)


def _details(item: Visit, documents: tuple[Output, ...]) -> list[str]:
    lines = []
    if item.checks:
        marks = [f"\u2713 {esc(c.item)}" if c.present else f"\u2717 {esc(c.item)} <i>(tidak ada)</i>"
                 for c in item.checks]
        lines.append("<b>Kelengkapan:</b> " + "; ".join(marks))
    if documents:
        outs = []
        for d in documents:
            out = f"{esc(d.name)} nomor <b>{esc(d.number)}</b>" if d.number else f"{esc(d.name)} (tanpa nomor)"
            if d.doc_date:
                out += f", tanggal {tanggal(d.doc_date)}"
            if d.file_name is not None:
                out += f", berkas {esc(d.file_name)}"
            outs.append(out)
        lines.append("<b>Output:</b>")
        lines += [f"\u2022 {out}" for out in outs]
    if item.choice:
        lines.append(f"<b>Keputusan:</b> {esc(item.choice)}")
    if item.status == "returned":
        lines.append(f"<b>Dikembalikan ke kegiatan {item.return_to}. Alasan:</b> {esc(item.note)}")
    elif item.status == "cancelled":
        lines.append(f"<b>Dibatalkan. Alasan:</b> {esc(item.note)}")
    elif item.note:
        lines.append(f"<b>Catatan:</b> {esc(item.note)}")
    return lines


def render_case_sheet(ws: Workspace, number: str, path: Path | str, paper: str | None = None,
                      viewer: Actor | None = None) -> Path:
    """The lembar kendali of case `number` (e.g. PP/2026/0001). Returns the PDF's path. A
    confidential case's title reads "(rahasia)" unless `viewer` is on its chain (issue #13)."""
    if not str(number or "").strip():
        raise UserError("Nomor kasus wajib diisi")
    now = ws.clock()
    tz = ws.calendar.tz
    case = case_record(ws, number, viewer)
    sop, items, deadlines, history = case.sop, case.visits, case.deadlines, case.history
    styles = Styles()
    head = Letterhead.of(ws)
    printout = Printout(path, paper, head, f"Lembar Kendali Kasus {case.number}")
    width, _ = printout.frame_size("portrait")
    try:
        entry = sop.entry(case.entry).nama
    except KeyError:
        entry = case.entry
    status = STATUS.get(case.status, case.status)
    if case.close_reason:
        status += f" ({case.close_reason})"
    span = (case.closed_at or now) - case.started_at
    starter = "-" if case.started_by is None else case.started_by
    info = [
        ("Nomor kasus", text(case.number, styles.cell_bold)),
        ("SOP", text(f"{sop.kode} revisi {sop.revisi}: {sop.nama}", styles.cell)),
        ("Judul", text(case.title, styles.cell)),
        ("Pemohon", text(case.requester, styles.cell)),
        ("Masuk melalui", text(entry, styles.cell)),
        ("Status", text(status, styles.cell)),
        ("Dimulai", text(f"{tanggal_jam(case.started_at, tz)} oleh {starter}", styles.cell)),
        ("Selesai / ditutup", text(tanggal_jam(case.closed_at, tz) if case.closed_at else "-", styles.cell)),
        ("Lama proses", text(durasi(span) + ("" if case.closed_at else " (masih berjalan)"), styles.cell)),
    ]
    info_table = Table([[text(k, styles.cell_bold), v] for k, v in info], colWidths=[34 * mm, width - 34 * mm],
                       hAlign="LEFT")
    info_table.setStyle(table_style(header_rows=0))

    header = ["No", "Kegiatan", "Pelaksana", "Masuk", "Keluar", "Durasi", "Mutu baku", "Ketepatan"]
    fractions = [0.04, 0.32, 0.12, 0.1, 0.1, 0.085, 0.105, 0.13]
    rows: list[list[Flowable | str]] = [[text(h, styles.head_cell) for h in header]]
    late_rows = []
    counts = {"late": 0, "on_time": 0, "returned": 0}
    for i, item in enumerate(items, 1):
        try:
            step = sop.step(item.step_no)
            kegiatan, waktu = step.kegiatan, step.waktu
        except KeyError:
            kegiatan, waktu = "-", "-"
        state, late = _state(item, now)
        if late:
            late_rows.append(i)
            counts["late"] += 1
        elif item.status == "done" and item.due_at is not None:
            counts["on_time"] += 1
        counts["returned"] += item.status == "returned"
        detail = "<br/>".join([f"<b>{item.step_no}. {esc(kegiatan)}</b>", *_details(item, item.outputs)])
        who = f"{esc(item.role)}<br/>" + (esc(item.worker) if item.claimed else "<i>belum diambil</i>")
        end = item.completed_at
        spent: timedelta = (end or now) - item.created_at
        mutu = esc(waktu) + (f"<br/>batas<br/>{_two_lines(item.due_at, tz)}" if item.due_at else "")
        rows.append([
            text(i, styles.cell_right), markup(detail, styles.cell), markup(who, styles.cell),
            markup(_two_lines(item.created_at, tz), styles.cell),
            markup(_two_lines(end, tz) if end else "<i>belum</i>", styles.cell),
            text(durasi(spent), styles.cell), markup(mutu, styles.cell),
            text(state, styles.cell_bold if late else styles.cell),
        ])
    steps_table = Table(rows, colWidths=[f * width for f in fractions], repeatRows=1, hAlign="LEFT")
    steps_table.setStyle(table_style(*[("BACKGROUND", (-1, r), (-1, r), "#f3d6d6") for r in late_rows]))

    story = [
        text("LEMBAR KENDALI KASUS", styles.title),
        text(f"Waktu dalam {ws.calendar.tz_name}; durasi dihitung dari kegiatan diterima sampai diselesaikan",
             styles.subtitle),
        info_table,
        text("Kegiatan yang dilalui", styles.heading),
        steps_table,
        Spacer(1, 2 * mm),
        markup(f"<b>{len(items)} kunjungan kegiatan</b>: {counts['on_time']} tepat waktu, {counts['late']} "
               f"terlambat, {counts['returned']} dikembalikan.", styles.body),
    ]
    if deadlines:
        data = [[text(h, styles.head_cell) for h in ("Tenggat kasus", "Jenis", "Batas", "Terpenuhi", "Keadaan")]]
        for d in deadlines:
            if d.kind == "paling_cepat":
                kind = "paling cepat (masa tunggu)"
                state = "-" if d.due_at is None else ("berakhir" if now >= d.due_at else "masih berjalan")
            else:
                kind = "paling lambat"
                if d.due_at is None:
                    state = "belum berjalan"
                elif d.met_at is not None:
                    state = "terpenuhi tepat waktu" if d.met_at <= d.due_at else (
                        f"terlambat {late_days(d.due_at, d.met_at)} hari")
                else:
                    state = "terlewati" if now > d.due_at else "belum terpenuhi"
                if d.extensions:  # issue #13: the extended date is the one that counts
                    state += f"; diperpanjang {d.extensions} kali (semula {moment(d.first_due_at, tz)})"
            data.append([text(d.name, styles.cell), text(kind, styles.cell), text(moment(d.due_at, tz), styles.cell),
                         text(moment(d.met_at, tz), styles.cell), text(state, styles.cell)])
        table = Table(data, colWidths=[w * width for w in (0.42, 0.16, 0.13, 0.13, 0.16)], repeatRows=1,
                      hAlign="LEFT")
        table.setStyle(table_style())
        story += [text("Tenggat kasus", styles.heading), table]
    if history:  # the perihal in it is masked for a reader off the chain (engine.case_record)
        story += [text("Riwayat", styles.heading), _history_table(history, tz, width, styles)]
    story += [Spacer(1, 3 * mm),
              text(f"Jangkar rantai audit saat dicetak: peristiwa #{case.chain_count}, ujung "
                   f"{case.chain_head[:16] or '-'} (bandingkan dengan 'sopdesk check')", styles.body)]
    return printout.build(story)


def _history_note(action: str, detail: dict[str, Any]) -> str:
    """The one line the history says beside an event (a reason, a choice, a letter)."""
    if action == "step_returned":
        return f"ke kegiatan {detail.get('to')}: {detail.get('reason') or ''}".rstrip(": ")
    if action == "assigned":
        return f"kepada {detail.get('to')}"
    note = detail.get("reason") or detail.get("note") or ""
    if action == "step_completed" and detail.get("choice"):
        note = f"pilihan: {detail['choice']}" + (f"; {note}" if note else "")
    if detail.get("on_behalf"):  # an outside party's step, recorded by this user (issue #13)
        note = f"atas nama {detail['on_behalf']}" + (f"; {note}" if note else "")
    if detail.get("wait_overridden"):
        note = f"sebelum masa tunggu berakhir: {detail['wait_overridden']}"
    letter = detail.get("agenda") or detail.get("surat_masuk")
    if letter and action.startswith(("letter_in", "disposition", "case_started")):
        note = f"{letter}" + (f"; {note}" if note else "")
    return note


def _history_table(history: tuple[HistoryEvent, ...], tz: tzinfo, width: float, styles: Styles) -> Table:
    header = ("Waktu", "Oleh", "Peristiwa", "Kegiatan", "Keterangan")
    rows: list[list[Flowable | str]] = [[text(h, styles.head_cell) for h in header]]
    for event in history:
        at, full_name, username, action, step_no = (event.at, event.full_name, event.username, event.action,
                                                    event.step_no)
        rows.append([markup(_two_lines(at, tz), styles.cell), text(full_name or username or "-", styles.cell),
                     text(action_label(action), styles.cell), text(step_no or "", styles.cell),
                     text(_history_note(action, event.detail), styles.cell)])
    table = Table(rows, colWidths=[w * width for w in (0.13, 0.16, 0.22, 0.10, 0.39)], repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style())
    return table
