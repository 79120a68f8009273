"""The lembar disposisi dialog: the leadership forwards an incoming letter to units of the
organisation directory with an instruction, and may move the letter's case on."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sopdesk.engine import dispositions, letter_views, queries
from sopdesk.engine.letter_agenda import parse_agenda_number
from sopdesk.engine.units import unit_directory
from sopdesk.errors import UserError
from sopdesk.gui.context import GuiContext
from sopdesk.gui.letters.common import SIFAT, CommandDialog, letters_tr
from sopdesk.gui.letters.unsaved import KeptTyping, restored_note


class DispositionDialog(CommandDialog[dispositions.Disposed]):
    """Lembar disposisi on one incoming letter: units of the organisation directory (tick
    boxes) and the instruction; dispositions.dispose moves the case when the SOP allows."""

    def __init__(self, ctx: GuiContext, agenda: str, parent: QWidget | None = None):
        """`agenda`: a letter ("SM/2026/0001") or a case with no letter ("PP/2026/0001", from
        the step form of its disposition step)."""
        super().__init__(ctx, parent)
        self.agenda = agenda
        case_number: str | None
        self.case_number: str | None = None
        if parse_agenda_number(agenda) is None:  # a case: the Ketua's step form
            self.setWindowTitle(self.tr("Disposisi kasus {0}").format(agenda))
            case_number = self.case_number = agenda  # the step form asks only at a disposition step
            lines = [queries.case_detail(ctx.ws, agenda, ctx.actor)["title"], self._case_state(agenda)]
            by_letter = letter_views.letter_of_case(ctx.ws, agenda)
            if by_letter is not None:  # its segera / rahasia, as the letters' list marks it
                lines.append(self.tr("Surat {0} dari {1}").format(by_letter.agenda, by_letter.sender)
                             + _urgency(by_letter.sifat))
        else:
            self.setWindowTitle(self.tr("Disposisi surat {0}").format(agenda))
            letter = letter_views.letter_to_dispose(ctx.ws, agenda)
            case_number = self.case_number = letter.case_number
            # Xvfb: the Ketua disposing a segera letter was not told so here
            lines = [self.tr("{0} dari {1}").format(agenda, letter.sender) + _urgency(letter.sifat), letter.subject]
            if case_number:
                lines.append(self._case_state(case_number))
        summary = QLabel()
        summary.setObjectName("letterSummary")
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setText("\n".join(lines))

        self.units: dict[str, QCheckBox] = {}
        self.unit_columns: list[list[QCheckBox]] = []  # the arrow keys move along these (eventFilter)
        units_box = QGroupBox(self.tr("&Diteruskan kepada"))  # Alt+D: to the first unit
        columns = QHBoxLayout(units_box)
        directory = unit_directory(ctx.ws.catalog.organisations.values())
        for title, places in ((self.tr("Anggota KPU / Divisi"), directory.divisions),
                              (self.tr("Sekretariat"), directory.secretariat)):
            column = QVBoxLayout()
            self.unit_columns.append([])
            heading = QLabel(f"<b>{title}</b>")
            column.addWidget(heading)
            for place in places:
                unit, depth = place.unit, place.depth
                box = QCheckBox(unit.nama)
                box.setObjectName(f"unit_{unit.kode}")
                box.setToolTip(self.tr("Dikerjakan oleh peran {0}").format(unit.peran))
                row_layout = QHBoxLayout()
                row_layout.setContentsMargins(18 * depth, 0, 0, 0)
                row_layout.addWidget(box)
                column.addLayout(row_layout)
                self.units[unit.kode] = box
                self.unit_columns[-1].append(box)
                box.installEventFilter(self)
            column.addStretch(1)
            columns.addLayout(column, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(units_box)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumHeight(300)

        self.instruction = QPlainTextEdit()
        self.instruction.setObjectName("instruction")
        self.instruction.setTabChangesFocus(True)
        self.instruction.setPlaceholderText(self.tr("mis. Mohon disiapkan data yang diminta dan dijawab sesuai SOP"))
        self.instruction.setFixedHeight(80)
        self.route = QCheckBox(self.tr("Teruskan kasus sesuai SOP bila kasus menunggu disposisi"))
        self.route.setChecked(True)
        self.route.setEnabled(case_number is not None)
        self.restored = restored_note(self.tr("Isian yang belum disimpan saat lembar ini ditutup dipulihkan."))
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.restored)
        layout.addWidget(scroll, 1)
        label = QLabel(self.tr("&Isi disposisi *"))  # Alt+I: back to the instruction
        label.setBuddy(self.instruction)
        layout.addWidget(label)
        layout.addWidget(self.instruction)
        layout.addWidget(self.route)
        self._finish(layout, self.tr("Simpan disposisi"), self.tr("Batal"))
        self.resize(980, 660)
        self.instruction.setFocus()  # the one thing always typed; then Shift+Tab to the units, Space ticks
        # Esc, Batal or the window's close lost the instruction and the ticked units (Xvfb, the
        # Ketua by keyboard): kept for the session per letter, as in the step form
        self.kept = KeptTyping(ctx, f"disposisi {agenda}", {"instruction": self.instruction, **self.units},
                               self.restored)
        if self.kept.restore():
            self.instruction.moveCursor(QTextCursor.MoveOperation.End)

    def done(self, result: int) -> None:
        """Closed: saved, what was typed is forgotten; not saved, it is kept for the session."""
        self.kept.closed(result)
        super().done(result)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Up and Down go to the unit above or below in the same column, Left and Right to the
        other column at the same line. Qt's own arrow keys went by the boxes' geometry: Up from
        an indented sub-bagian skipped lines, Left went to the previous unit of the list."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) \
                or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        moves = {Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1), Qt.Key.Key_Left: (-1, 0),
                 Qt.Key.Key_Right: (1, 0)}
        move = moves.get(Qt.Key(event.key()))
        place = next(((c, r) for c, boxes in enumerate(self.unit_columns) for r, box in enumerate(boxes)
                      if box is watched), None)
        if move is None or place is None:
            return False
        column = min(max(place[0] + move[0], 0), len(self.unit_columns) - 1)
        boxes = self.unit_columns[column]
        if boxes:
            boxes[min(max(place[1] + move[1], 0), len(boxes) - 1)].setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def _case_state(self, number: str) -> str:
        try:
            waiting = letter_views.waiting_step(self.ctx.ws, number, self.ctx.actor)
        except UserError:
            return self.tr("Kasus {0}").format(number)
        if waiting is None:
            return self.tr("Kasus {0} tidak berjalan lagi").format(number)
        return self.tr("Kasus {0} menunggu di kegiatan {1} ({2})").format(number, waiting.step, waiting.role)

    def chosen(self) -> list[str]:
        return [kode for kode, box in self.units.items() if box.isChecked()]

    def submit(self) -> None:
        ws, actor, agenda, chosen = self.ctx.ws, self.ctx.actor, self.agenda, self.chosen()
        instruction, route = self.instruction.toPlainText(), self.route.isChecked() and self.route.isEnabled()
        # no unit ticked: the cursor to the first unit (it stayed in the instruction, where Space
        # typed a blank instead of ticking, and the units were a long Shift+Tab away)
        first_unit = next(iter(self.units.values()), self.instruction)
        self._run(lambda: dispositions.dispose(ws, actor, agenda, chosen, instruction, route=route),
                  {"instruction": self.instruction, "units": first_unit})


def _urgency(sifat: str) -> str:
    """' · SEGERA' or ' · RAHASIA' after a letter's name; nothing for a biasa letter."""
    return "" if sifat == "biasa" else f" · {letters_tr(SIFAT.get(sifat, sifat)).upper()}"
