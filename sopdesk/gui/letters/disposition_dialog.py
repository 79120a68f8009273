"""The lembar disposisi dialog: the leadership forwards an incoming letter to units of the
organisation directory with an instruction, and may move the letter's case on."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
from sopdesk.gui.letters.common import CommandDialog


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
        else:
            self.setWindowTitle(self.tr("Disposisi surat {0}").format(agenda))
            letter = letter_views.letter_to_dispose(ctx.ws, agenda)
            case_number = self.case_number = letter.case_number
            lines = [self.tr("{0} dari {1}").format(agenda, letter.sender), letter.subject]
            if case_number:
                lines.append(self._case_state(case_number))
        summary = QLabel()
        summary.setObjectName("letterSummary")
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setText("\n".join(lines))

        self.units: dict[str, QCheckBox] = {}
        units_box = QGroupBox(self.tr("Diteruskan kepada"))
        columns = QHBoxLayout(units_box)
        directory = unit_directory(ctx.ws.catalog.organisations.values())
        for title, places in ((self.tr("Anggota KPU / Divisi"), directory.divisions),
                              (self.tr("Sekretariat"), directory.secretariat)):
            column = QVBoxLayout()
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
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(scroll, 1)
        layout.addWidget(QLabel(self.tr("Isi disposisi *")))
        layout.addWidget(self.instruction)
        layout.addWidget(self.route)
        self._finish(layout, self.tr("Simpan disposisi"), self.tr("Batal"))
        self.resize(980, 660)
        self.instruction.setFocus()  # the one thing always typed; then Shift+Tab to the units, Space ticks

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
