"""Lembar disposisi of one incoming letter: the letter (agenda number, number and date,
sender, perihal, sifat, when it was received) and each disposition written on it: from whom,
to which units (every unit of the organisation directory with a tick box, the chosen ones
ticked), the instruction, when, and room for the signature. A letter without a disposition
prints a blank sheet for the leadership to fill in by hand (all boxes empty). A void letter
(sopdesk.engine.corrections) prints BATAL with its reason under the title, and no blank sheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table
from reportlab.platypus.flowables import Flowable

from sopdesk.engine.disposition_sheet import sheet_letter
from sopdesk.engine.dispositions import dispositions_of
from sopdesk.engine.letter_agenda import SIFAT
from sopdesk.engine.units import unit_directory
from sopdesk.engine.users import Actor
from sopdesk.engine.workspace import Workspace
from sopdesk.reports.base import (
    GRID,
    Letterhead,
    Printout,
    Styles,
    esc,
    markup,
    table_style,
    tanggal_jam,
    text,
)
from sopdesk.textfmt import tanggal

TICKED = "\u2611"  # ☑
EMPTY = "\u2610"  # ☐
INSTRUCTION_MIN_H = 45 * mm  # the instruction box of a blank sheet: room to write by hand
SIGN_H = 16 * mm
SIGN_W = 62 * mm  # the signature's column, at the right of the instruction
PADDINGS = ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")
INDENT = 11  # points per level of the organisation
HANG = 10.5  # the width of a tick box and its space


def _directory(ws: Workspace) -> tuple[list[tuple[str, str, int]], list[tuple[str, str, int]]]:
    """(kode, nama, depth) of the divisions and of the secretariat units, in the order of
    the organisation documents (engine.units); depth is how far a unit sits below another."""
    units = unit_directory(ws.catalog.organisations.values())
    return ([(p.unit.kode, p.unit.nama, p.depth) for p in units.divisions],
            [(p.unit.kode, p.unit.nama, p.depth) for p in units.secretariat])


@dataclass(frozen=True)
class _Sheet:
    """One disposition written on the letter, as its block prints it."""

    at: datetime
    giver: str  # full name
    roles: tuple[str, ...]  # the giver's disposing roles
    instruction: str
    routed: tuple[int, str] | None  # (step, role) the case was sent to
    units: dict[str, tuple[str, bool]]  # unit kode -> (nama, the case was routed to it)


def _box(ticked: bool, name: str, routed: bool) -> str:
    label = f"<b>{esc(name)}</b>" if ticked else esc(name)
    if routed:
        label += " <i>(kasus diteruskan)</i>"
    return f"{TICKED if ticked else EMPTY} {label}"


def _beside(instruction: Flowable, signs: Table, width: float) -> Table:
    """The instruction with the giver's signature at its right, in one row of the sheet: under
    the table, the signature took a band of its own as tall as a third of a disposition, and a
    page half empty after the first disposition could not take the next one (Xvfb, 4
    dispositions on 3 pages)."""
    beside = Table([[instruction, signs]], colWidths=[width - SIGN_W, SIGN_W])
    beside.setStyle(table_style(("LINEBEFORE", (1, 0), (1, 0), 0.5, GRID), header_rows=0, grid=False))
    return beside


def _unit_style(base: ParagraphStyle, depth: int) -> ParagraphStyle:
    """A tick-box line: indented by the unit's depth, a wrapped name hangs under its text."""
    return ParagraphStyle(f"unit{depth}", parent=base, leftIndent=depth * INDENT + HANG, firstLineIndent=-HANG)


def render_disposition_sheet(ws: Workspace, letter_agenda_number: str, path: Path | str,
                             paper: str | None = None, viewer: Actor | None = None) -> Path:
    """The lembar disposisi of the incoming letter `letter_agenda_number` (SM/2026/0001).
    Returns the PDF's path. A rahasia letter's perihal, and what its dispositions instruct, are
    printed only for a `viewer` on its chain (issue #13)."""
    tz = ws.calendar.tz
    letter = sheet_letter(ws, letter_agenda_number, viewer)
    agenda, case_no, scan = letter.agenda, letter.case_number, letter.scan
    dispositions: list[_Sheet] = [_Sheet(
        at=d["at"], giver="-" if d["from"] is None else d["from"], roles=letter.giver_roles.get(d["id"], ()),
        instruction=d["instruction"],
        routed=(d["routed_step"], d["routed_role"]) if d["routed_step"] is not None else None,
        units={u["kode"]: (u["nama"], u["routed"]) for u in d["units"]},
    ) for d in dispositions_of(ws, agenda, viewer)]

    styles = Styles()
    head = Letterhead.of(ws)
    running = (f"Lembar disposisi (lanjutan) \u00b7 Nomor agenda {agenda} \u00b7 Nomor surat {letter.number or '-'}"
               f" \u00b7 Perihal: {letter.subject}")  # a loose second sheet says which letter it is
    printout = Printout(path, paper, head, f"Lembar Disposisi {agenda}", running_head=running)
    width, _ = printout.frame_size("portrait")
    label_w = 30 * mm
    value_w = width / 2 - label_w

    sifat = "&nbsp;&nbsp;&nbsp;".join(
        f"{TICKED} <b>{s.capitalize()}</b>" if s == letter.sifat else f"{EMPTY} {s.capitalize()}" for s in SIFAT)
    letter_rows: list[list[Flowable | str]] = [
        [text("Nomor agenda", styles.cell_bold), text(agenda, styles.cell_bold),
         text("Diterima", styles.cell_bold), text(tanggal_jam(letter.received_at, tz), styles.cell)],
        [text("Nomor surat", styles.cell_bold), text(letter.number, styles.cell),
         text("Tanggal surat", styles.cell_bold),
         text(tanggal(letter.letter_date) if letter.letter_date else "-", styles.cell)],
        [text("Asal surat", styles.cell_bold), text(letter.sender, styles.cell), "", ""],
        [text("Perihal", styles.cell_bold), text(letter.subject, styles.cell), "", ""],
        [text("Sifat", styles.cell_bold), markup(sifat, styles.cell), "", ""],
        [text("Kode klasifikasi", styles.cell_bold), text(letter.classification, styles.cell),
         text("Kasus", styles.cell_bold), text(case_no or "-", styles.cell)],
    ]
    letter_table = Table(letter_rows, colWidths=[label_w, value_w, label_w, value_w], hAlign="LEFT")
    letter_table.setStyle(table_style(*[("SPAN", (1, r), (3, r)) for r in (2, 3, 4)], header_rows=0))

    divisions, secretariat = _directory(ws)
    story = [text("LEMBAR DISPOSISI", styles.title),
             text(f"Surat masuk nomor agenda {agenda}" + (f" \u00b7 pindaian: {scan}" if scan else ""),
                  styles.subtitle),
             letter_table]
    if letter.void_reason:
        by = f" oleh {esc(letter.voided_by)}" if letter.voided_by else ""
        voided = tanggal_jam(letter.voided_at, tz) if letter.voided_at is not None else None
        style = ParagraphStyle("void", parent=styles.body, leading=18, spaceAfter=6)
        story.insert(2, markup(f'<font color="#b00020" size="14"><b>BATAL</b></font> &nbsp;'
                               f"Dibatalkan {esc(voided)}{by}. "
                               f"Alasan: {esc(letter.void_reason)}", style))
    blank = not dispositions
    sheets: list[_Sheet | None] = [*dispositions] or [None]  # a blank sheet to fill by hand
    for number, sheet in enumerate(sheets, 1):
        chosen = sheet.units if sheet else {}
        known = {kode for kode, _, _ in divisions + secretariat}
        others = [(kode, nama, 0) for kode, (nama, _) in chosen.items() if kode not in known]  # left the directory

        def column(title: str, units: list[tuple[str, str, int]],
                   chosen: dict[str, tuple[str, bool]] = chosen) -> list[Flowable]:
            lines: list[Flowable] = [markup(f"<b>{esc(title)}</b>", styles.cell)]
            for kode, nama, depth in units:
                ticked = kode in chosen
                lines.append(markup(_box(ticked, nama, ticked and chosen[kode][1]), _unit_style(styles.cell, depth)))
            return lines

        left = column("Anggota KPU / Divisi", divisions)
        right = column("Sekretariat", secretariat + others)
        units_table = Table([[left, right]], colWidths=[(width - label_w) / 2] * 2, hAlign="LEFT")
        units_table.setStyle(table_style(("LEFTPADDING", (0, 0), (-1, -1), 0), header_rows=0, grid=False))

        if sheet:
            giver = sheet.giver + (f" ({' / '.join(sheet.roles)})" if sheet.roles else "")
            when = tanggal_jam(sheet.at, tz)
            follow = "Disposisi dicatat; kasus tidak berpindah kegiatan" if case_no else "-"
            if sheet.routed:
                step, role = sheet.routed
                follow = f"Kasus {case_no or ''} diteruskan ke kegiatan {step} ({role})".replace("  ", " ")
            instruction: Flowable = text(sheet.instruction, styles.body)
        else:
            giver, when, follow = "", "", ""
            instruction = Spacer(1, INSTRUCTION_MIN_H)
        signed = tanggal(sheet.at.astimezone(tz).date()) if sheet else "..........................."
        signs = Table([[text(f"{signed}\nPemberi disposisi,", styles.cell_center)], [""],
                       [text(f"( {sheet.giver if sheet else '.' * 40} )", styles.cell_center)]],
                      colWidths=[SIGN_W], rowHeights=[None, SIGN_H, None])
        signs.setStyle(table_style(header_rows=0, grid=False))
        rows: list[list[Flowable | str]] = [
            [text("Dari", styles.cell_bold), text(giver, styles.cell) if giver else "",
             text("Tanggal", styles.cell_bold), text(when, styles.cell) if when else ""],
            [text("Diteruskan kepada", styles.cell_bold), units_table, "", ""],
            [text("Isi disposisi", styles.cell_bold), _beside(instruction, signs, width - label_w), "", ""],
        ]
        if sheet:
            rows.append([text("Tindak lanjut", styles.cell_bold), text(follow, styles.cell), "", ""])
        table = Table(rows, colWidths=[label_w, value_w, label_w, value_w], hAlign="LEFT")
        table.setStyle(table_style(*[("SPAN", (1, r), (3, r)) for r in range(1, len(rows))],
                                   *[(side, (1, 2), (3, 2), 0) for side in PADDINGS], header_rows=0))
        heading = "Disposisi" if blank else f"Disposisi {number} dari {len(dispositions)}"
        # each disposition whole on a page (never split), the next on the same page when it fits
        story.append(KeepTogether([text(heading, styles.heading), table]))
    if letter.void_reason:
        story = [part for part in story if not isinstance(part, KeepTogether)] if blank else story
        story.append(text("Surat ini dibatalkan: tidak dapat didisposisi.", styles.note))
    elif blank:
        story.append(text("Belum ada disposisi yang dicatat untuk surat ini; lembar ini diisi dengan tangan "
                          "lalu dicatat di sopdesk.", styles.note))
    return printout.build(story)
