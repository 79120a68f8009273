"""How the step ends, in the step form: the decision's choice (each with where it leads and
whether it makes the case rahasia), the event a waiting step waits for, and the note. Each box
has its inline error label, shown when the step's input check names its field."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QGroupBox, QPlainTextEdit, QRadioButton, QVBoxLayout, QWidget

from sopdesk.catalog import END, Sop
from sopdesk.catalog.schema import Keputusan
from sopdesk.gui.messages import error_label
from sopdesk.gui.step_form.common import GREY, wrapped

translate = QCoreApplication.translate  # the texts keep their context "StepFormDialog"


class DecisionBox(QGroupBox):
    """"Keputusan": the question and one radio button per choice (`choice_buttons`, by label)."""

    def __init__(self, sop: Sop, keputusan: Keputusan, parent: QWidget | None = None):
        super().__init__(translate("StepFormDialog", "Keputusan"), parent)
        self.setObjectName("decisionBox")
        self.labels = [pilihan.label for pilihan in keputusan.pilihan]
        self.choice_group = QButtonGroup(self)
        self.choice_buttons: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped(keputusan.pertanyaan, "font-weight: bold", selectable=True))
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row, pilihan in enumerate(keputusan.pilihan):
            button = QRadioButton(pilihan.label)
            button.setObjectName(f"choice_{row + 1}")
            self.choice_group.addButton(button, row)
            self.choice_buttons[pilihan.label] = button
            if pilihan.lanjut == END:
                where = translate("StepFormDialog", "→ kasus selesai")
            else:
                where = translate("StepFormDialog", "→ lanjut ke kegiatan {no}: {text}").format(
                    no=pilihan.lanjut, text=sop.step(int(pilihan.lanjut)).kegiatan)
            if pilihan.rahasia:  # issue #13: said before it is chosen, not found out afterwards
                where += translate("StepFormDialog", "; kasus menjadi rahasia (perihalnya disembunyikan dari peran di "
                                                     "luar alurnya)")
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            route = wrapped(where, f"color: {GREY}")
            route.setObjectName(f"choiceRoute_{row + 1}")
            grid.addWidget(route, row, 1)
        layout.addLayout(grid)
        self.choice_error = error_label("choiceError")
        layout.addWidget(self.choice_error)
        self.choice_group.buttonToggled.connect(lambda *_: self.choice_error.hide())

    def choice(self) -> str | None:
        checked = self.choice_group.checkedButton()
        return checked.text() if checked else None

    def show_missing(self) -> None:
        """No choice made: say which ones there are; the first one gets the focus, unless the
        cursor is on a choice already (moved there with the arrows, which do not choose): a
        Space then picks the one in view, not the first (seen on X: "Ya" chosen for "Tidak")."""
        self.choice_error.setText(translate("StepFormDialog", "Pilih salah satu jawaban: {labels}.").format(
            labels=" / ".join(self.labels)))
        self.choice_error.show()
        if not any(button.hasFocus() for button in self.choice_buttons.values()):
            next(iter(self.choice_buttons.values())).setFocus()


class WaitBox(QGroupBox):
    """"Menunggu": the event the step waits for, and how to record it."""

    def __init__(self, event: str, parent: QWidget | None = None):
        super().__init__(translate("StepFormDialog", "Menunggu"), parent)
        layout = QVBoxLayout(self)
        label = wrapped(translate("StepFormDialog", "Menunggu: {event} — catat peristiwanya").format(event=event),
                        "font-weight: bold")
        label.setObjectName("waitLabel")
        layout.addWidget(label)
        layout.addWidget(wrapped(translate("StepFormDialog", "Kegiatan ini selesai ketika peristiwa yang ditunggu "
                                                             "terjadi: tulis di Catatan apa yang terjadi dan kapan, "
                                                             "atau isi Output-nya."),
                                 f"color: {GREY}"))


class NoteBox(QGroupBox):
    """"Catatan": the note (on a waiting step, the event that happened) and its error."""

    def __init__(self, waiting_for: str | None, parent: QWidget | None = None):
        super().__init__(translate("StepFormDialog", "Catatan"), parent)
        self.waiting_for = waiting_for
        layout = QVBoxLayout(self)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMinimumHeight(90)
        self.note_edit.setPlaceholderText(translate("StepFormDialog", "Catatan untuk kegiatan ini (boleh kosong)")
                                          if not waiting_for else
                                          translate("StepFormDialog", "Peristiwa yang ditunggu: apa, kapan, nomor "
                                                                      "putusan …"))
        layout.addWidget(self.note_edit)
        self.note_error = error_label("noteError")
        layout.addWidget(self.note_error)
        self.note_edit.textChanged.connect(self.note_error.hide)

    def note(self) -> str | None:
        return self.note_edit.toPlainText().strip() or None

    def show_missing(self) -> None:
        """A waiting step completed without the event: ask for it; the note gets the focus."""
        self.note_error.setText(translate("StepFormDialog", "Catat peristiwa yang ditunggu ({event}) di Catatan, atau "
                                                            "isi Output-nya.").format(event=self.waiting_for))
        self.note_error.show()
        self.note_edit.setFocus()
