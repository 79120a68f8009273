"""The step form: one waiting step of a case, filled in and completed, returned or saved
as a draft. This module composes the sections (header, return banner, step, deadlines,
kelengkapan, outputs, lane, decision, wait, note, buttons: one small widget each in this
package), reads them into the engine's StepInput and fills them back, and runs the actions.

Every action goes through the engine (`cases.complete`, `cases.return_to`,
`drafts.save_draft`) as a gui.operation on the window's worker: the buttons are disabled and
the form cannot be closed while it runs; a refusal is shown and the form keeps what was typed;
with the server unreachable the form is first kept on this PC (`local_drafts`). Before
completing, the engine's own input check (`engine.step_input.check_step_input`) runs here, and
its field ("choice" / "note") gets the form's message next to it. A step the case was returned
to shows who returned it, when and why, and starts from its last visit's values, its files still
attached (`revisits`); a draft of the visit wins. Closed without saving (Batal, Esc), the form
keeps what was typed for the session (`GuiContext.unsaved_forms`) and brings it back when the
same visit of the step is opened again, before any draft."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sopdesk.catalog import Kegiatan, Sop
from sopdesk.catalog.schema import Pelaksana, Tenggat
from sopdesk.engine import cases, drafts, queries, revisits
from sopdesk.engine.dispositions import Disposed, is_disposition_step
from sopdesk.engine.registers import disposer_roles
from sopdesk.engine.step_input import CHOICE, NOTE, OutputValue, StepInput, check_step_input, lanes_now
from sopdesk.errors import FieldError, StoreUnreachable
from sopdesk.gui.context import GuiContext
from sopdesk.gui.enter_presses import enter_presses_buttons
from sopdesk.gui.operation import Operation, running, show_failure
from sopdesk.gui.step_form.buttons import StepButtons
from sopdesk.gui.step_form.deadlines import DeadlinesBox
from sopdesk.gui.step_form.decision import DecisionBox, NoteBox, WaitBox
from sopdesk.gui.step_form.gone import check_still_waiting
from sopdesk.gui.step_form.header import CaseHeader, nothing_waiting, return_banner
from sopdesk.gui.step_form.inputs import KelengkapanBox, KelengkapanRow, OutputBox, OutputRow
from sopdesk.gui.step_form.kept_input import KeptInput
from sopdesk.gui.step_form.return_dialog import ReturnDialog
from sopdesk.gui.step_form.step_box import LaneBox, StepBox


class StepFormDialog(QDialog):
    """The form of the step a case waits at. After `accept()`, `completed` holds the
    engine's result of a completion (None after a return)."""

    def __init__(self, ctx: GuiContext, case_number: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.ws = ctx.ws
        self.completed: cases.Completed | None = None
        ctx.elsewhere_changed.connect(self._elsewhere_changed)  # Qt disconnects it when the form goes
        self._keyboard_shown = False  # the form has been active once (_show_keyboard)
        self.returned_to: int | None = None
        self._return_typed: tuple[int | None, str] | None = None  # Kembalikan… closed with a reason typed
        # Perpanjang tenggat… closed with something typed: its reason and notice, by rule
        self._extend_typed: dict[str, tuple[str, str]] = {}
        self.disposed: Disposed | None = None  # a lembar disposisi made from this form (Disposisi…)
        self.detail: dict[str, Any] = queries.case_detail(self.ws, case_number, ctx.actor)
        self.case_number: str = self.detail["number"]
        self.sop: Sop = cases.case_sop(self.ws, self.case_number)
        open_items = (i for i in self.detail["items"] if i["status"] == "open")
        self.item: dict[str, Any] | None = next(open_items, None)
        self.step: Kegiatan | None = self.sop.step(self.item["step"]) if self.item else None
        self.returned = revisits.return_info(self.ws, self.case_number) if self.item else None
        self.kelengkapan_rows: dict[str, KelengkapanRow] = {}
        self.output_rows: dict[str, OutputRow] = {}
        self.decision: DecisionBox | None = None
        self.note_box: NoteBox | None = None
        # issue #13: the lane whose turn it is (a joint step has several), an outside party's
        # "on behalf" tick, an administrator's reason to end a binding wait early
        self.lane: Pelaksana | None = None
        self.next_lane: Pelaksana | None = None
        if self.step is not None and self.item is not None:
            self.lane, self.next_lane = lanes_now(self.sop, self.step.no, self.item["role"])
        self.on_behalf_check: QCheckBox | None = None
        self.override_edit: QLineEdit | None = None
        self.kept = KeptInput(self)  # drafts, the typing kept at Batal, the form kept on this PC

        if self.step is None:
            self.setWindowTitle(self.tr("Kasus {number}").format(number=self.case_number))
        else:
            title = self.tr("Kegiatan {no} — {number}").format(no=self.step.no, number=self.case_number)
            self.setWindowTitle(title)
        self._build()
        self.resize(900, 700)
        # never narrower than the rows of fields (wrapped texts adapt; fields do not)
        margins = self.scroll_area.verticalScrollBar().sizeHint().width() + 40
        self.setMinimumSize(max(640, self.body.minimumSizeHint().width() + margins), 480)
        if self.step is not None:
            self.kept.restore(self.step)
            self._focus_first_field()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """Once active, the focus is drawn where it is: Qt draws a check box's focus only after a
        Tab (and forgets it when the window is activated), so the Kasubag opening a form by Enter
        saw no cursor at all when a kelengkapan tick came first (Xvfb)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            QTimer.singleShot(0, self, self._show_keyboard)

    def _show_keyboard(self) -> None:
        """The focus drawn; and a first field filled again (a draft, the typing kept at Esc) keeps
        its text with the cursor at its end: QDialog gives the field a Tab's focus when shown, which
        selected it all, and the next key typed replaced it (Xvfb, as the Kasubag)."""
        self.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
        field = QApplication.focusWidget()
        first_time = not self._keyboard_shown
        if first_time and isinstance(field, QLineEdit) and field.selectedText() == field.text():
            field.deselect()
            field.end(False)
        self._keyboard_shown = True

    def _focus_first_field(self) -> None:
        """The cursor in the first thing a clerk fills (a kelengkapan tick, a document number, a
        choice, the note): opened from the inbox by Enter, the form had no focus at all under X,
        so typing went nowhere. Never the administrator's early-end reason nor a button."""
        widget: QWidget | None = self.body.nextInFocusChain()
        while widget is not None and widget is not self.body:
            if self._fills_first(widget):
                # not scrolled to: the case's header stays in view
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            widget = widget.nextInFocusChain()

    def _fills_first(self, widget: QWidget) -> bool:
        """Whether the cursor may start in `widget`: a field of the form's body that Tab reaches,
        not the administrator's early-end reason."""
        inputs = (QLineEdit, QPlainTextEdit, QCheckBox, QRadioButton, QComboBox)
        return (isinstance(widget, inputs) and widget is not self.override_edit
                and self.body.isAncestorOf(widget) and widget.isEnabled() and widget.isVisibleTo(self)
                and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus))

    # --- building ------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.body = QWidget()
        self.body.setObjectName("stepFormBody")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.addWidget(CaseHeader(self.detail, self.sop))
        if self.returned is not None:
            self.body_layout.addWidget(return_banner(self.returned, self.ws.calendar.tz))
        if self.step is None or self.item is None:
            self.body_layout.addWidget(nothing_waiting(self.detail["status"]))
        else:
            self._build_sections(self.step, self.item)
        self.body_layout.addStretch(1)
        self.scroll_area.setWidget(self.body)
        outer.addWidget(self.scroll_area, 1)
        self.buttons = StepButtons(self.step is not None)
        outer.addWidget(self.buttons)
        enter_presses_buttons(self)  # no button is auto-default: Enter on a focused one did nothing
        self.status_label = self.buttons.status_label
        self.return_button, self.draft_button = self.buttons.return_button, self.buttons.draft_button
        self.cancel_button, self.finish_button = self.buttons.cancel_button, self.buttons.finish_button
        self.cancel_button.clicked.connect(self.reject)
        if self.step is None:
            return
        self.return_button.clicked.connect(self.return_step)
        self.draft_button.clicked.connect(self.save_draft)
        self.finish_button.clicked.connect(self.finish)
        if not self._visited_steps():
            self.buttons.no_return()
        disposers = disposer_roles(self.ws)
        if is_disposition_step(self.sop, self.step.no, disposers) and (
                self.ctx.is_admin or set(self.ctx.roles) & set(disposers)):
            # the Ketua at "Memberikan disposisi": a lembar disposisi, not a document number typed in
            self.buttons.add_dispose().clicked.connect(self.dispose)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.finish)

    def _build_sections(self, step: Kegiatan, item: dict[str, Any]) -> None:
        step_box = StepBox(self.ctx, self.sop, step, item, self.lane)
        self.override_edit = step_box.override_edit
        self.body_layout.addWidget(step_box)
        if self.detail["deadlines"]:
            self.deadlines_box = self._deadlines_box()
            self.body_layout.addWidget(self.deadlines_box)
        kelengkapan = KelengkapanBox(step.kelengkapan)
        self.kelengkapan_rows = kelengkapan.rows
        self.body_layout.addWidget(kelengkapan)
        outputs = OutputBox(self.ws, step.output)
        self.output_rows = outputs.rows
        self.body_layout.addWidget(outputs)
        if self.lane is not None and (self.lane.eksternal or self.next_lane is not None):
            lane_box = LaneBox(self.sop, step, self.lane, self.next_lane)
            self.on_behalf_check = lane_box.on_behalf_check
            self.body_layout.addWidget(lane_box)
        if step.keputusan is not None and self.next_lane is None:
            self.decision = DecisionBox(self.sop, step.keputusan)
            self.body_layout.addWidget(self.decision)
        if step.menunggu:
            self.body_layout.addWidget(WaitBox(step.menunggu))
        self.note_box = NoteBox(step.menunggu)
        self.body_layout.addWidget(self.note_box)

    def _deadlines_box(self) -> DeadlinesBox:
        box = DeadlinesBox(self.ctx, self.sop, self.detail["deadlines"])
        box.extend_requested.connect(self.extend_deadline)
        return box

    @property
    def choice_buttons(self) -> dict[str, QRadioButton]:
        return self.decision.choice_buttons if self.decision is not None else {}

    @property
    def note_edit(self) -> QPlainTextEdit | None:
        return self.note_box.note_edit if self.note_box is not None else None

    def extend_deadline(self, rule: Tenggat) -> None:
        from sopdesk.gui.deadline_dialog import ExtendDeadlineDialog

        due = next((d["due_at"] for d in self.detail["deadlines"] if d["kode"] == rule.kode), None)
        dialog = ExtendDeadlineDialog(self.ctx, self.case_number, rule, self, due=due)
        reason, notice = self._extend_typed.pop(rule.kode, ("", ""))  # Tutup/Esc kept what was typed
        dialog.reason.setPlainText(reason)
        dialog.notice.setText(notice)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            if dialog.reason.toPlainText().strip() or dialog.notice.text().strip():
                self._extend_typed[rule.kode] = (dialog.reason.toPlainText(), dialog.notice.text())
            return
        self.detail = queries.case_detail(self.ws, self.case_number, self.ctx.actor)
        fresh = self._deadlines_box()
        focus = QApplication.focusWidget()
        old, self.deadlines_box = self.deadlines_box, fresh
        self.body_layout.replaceWidget(old, fresh)
        old.deleteLater()
        if focus is None or old.isAncestorOf(focus):
            # the button pressed went with the old box: under X the keyboard went nowhere after an
            # extension, and what the Kasubag typed next was lost; the first field takes it
            self._focus_first_field()

    # --- reading and filling the form ------------------------------------------------------
    def form_data(self) -> StepInput:
        """What the form holds now, as the engine takes it."""
        rows = self.kelengkapan_rows.values()
        return StepInput(
            present=[r.name for r in rows if r.check.isChecked()],
            files={r.name: path for r in rows if (path := r.file.path)},
            kept={r.name: kept for r in rows if (kept := r.file.kept)},
            outputs={name: value for name, row in self.output_rows.items() if (value := row.value())},
            choice=self.decision.choice() if self.decision is not None else None,
            note=self.note_box.note() if self.note_box is not None else None,
            on_behalf=bool(self.on_behalf_check and self.on_behalf_check.isChecked()),
            override_reason=(self.override_edit.text().strip() or None) if self.override_edit else None,
        )

    def fill(self, data: StepInput) -> None:
        for name, row in self.kelengkapan_rows.items():
            row.check.setChecked(name in data.present or name in data.files or name in data.kept)
            if name in data.files:
                row.file.set_path(data.files[name])
            else:
                row.file.set_kept(data.kept.get(name))
        for name, output in self.output_rows.items():
            output.set_value(data.outputs.get(name) or OutputValue())
        if data.choice in self.choice_buttons:
            self.choice_buttons[data.choice].setChecked(True)
        if self.note_box is not None:
            self.note_box.note_edit.setPlainText(data.note or "")

    def _run(self, call: Any, step: Kegiatan) -> Operation[Any]:
        """An engine command of this form: the buttons disabled while it runs; a refusal shown;
        with the server unreachable the form is first kept on this PC."""
        def refused(exc: BaseException) -> None:
            if isinstance(exc, StoreUnreachable):
                self.kept.keep_locally(step)
            show_failure(self, exc)

        return Operation(self, self.ctx, call).disabling(*self.buttons.all()).failure(refused)

    def _visited_steps(self) -> list[tuple[int, str]]:
        """The steps the case may go back to, each led by whose desk it goes to (Xvfb: "Kegiatan
        3: Memberikan disposisi lisan kepada Sekretaris atau K…" did not say who gets it back)."""
        done = sorted({i["step"] for i in self.detail["items"] if i["status"] == "done"})
        return [(no, f"{' & '.join(self.sop.roles_of(no))} — {self.sop.step(no).kegiatan}")
                for no in done]

    # --- actions --------------------------------------------------------------------------
    def _validate(self, step: Kegiatan, item: dict[str, Any], data: StepInput) -> bool:
        """The engine's input check, before asking the engine; its field gets the form's
        message inline (a check the form has no place for is left to the engine's refusal)."""
        if self.note_box is not None:
            self.note_box.note_error.hide()
        if self.decision is not None:
            self.decision.choice_error.hide()
        try:
            check_step_input(self.sop, step.no, item["role"], data)
        except FieldError as exc:
            if exc.field == CHOICE and self.decision is not None and not data.choice:
                self.decision.show_missing()
                self.scroll_area.ensureWidgetVisible(self.decision.choice_error)
                return False
            if exc.field == NOTE and self.note_box is not None:
                self.note_box.show_missing()
                self.scroll_area.ensureWidgetVisible(self.note_box.note_error)
                return False
        except Exception:  # noqa: BLE001, S110 - not the form's to say: the engine's refusal will
            pass
        return True

    def finish(self) -> None:
        """Selesai: check, then complete the step through the engine."""
        step, item = self.step, self.item
        if step is None or item is None or running(self):
            return
        data = self.form_data()
        if not self._validate(step, item, data):
            return
        ws, actor, number = self.ws, self.ctx.actor, self.case_number
        self._run(lambda: cases.complete(ws, actor, number, data, step=step.no), step) \
            .success(lambda result: self._completed(step, result)).run()

    def _completed(self, step: Kegiatan, result: cases.Completed) -> None:
        self.completed = result
        self.kept.forget_unsaved()
        self.kept.discard_local(step)
        if result.warnings:
            QMessageBox.information(self, self.tr("Kegiatan diselesaikan"),
                                    self.tr("Kegiatan diselesaikan dengan catatan:\n{warnings}").format(
                                        warnings="\n".join(result.warnings)))
        self.accept()

    def save_draft(self) -> None:
        step = self.step
        if step is None:
            return
        ws, actor, number, data = self.ws, self.ctx.actor, self.case_number, self.form_data()
        self._run(lambda: drafts.save_draft(ws, actor, number, data, step=step.no), step) \
            .success(lambda _result: self._draft_saved()).run()

    def _draft_saved(self) -> None:
        self.kept.draft_saved()
        local = self.ws.calendar.local(self.ws.clock())
        self.status_label.setText(self.tr("Draf disimpan pukul {time} {zone}.").format(
            time=local.strftime("%H:%M"), zone=local.tzname()))

    def ask_return(self) -> tuple[int, str] | None:
        """The step to return to and the reason, from a small dialog (None if cancelled)."""
        steps = self._visited_steps()
        done = [i for i in self.detail["items"] if i["status"] == "done"]
        typed = self._return_typed
        dialog = ReturnDialog(steps, typed[0] if typed else (done[-1]["step"] if done else None), self)
        if typed:  # Batal/Esc keeps the reason for the next Kembalikan… of this form (Xvfb: it was lost)
            dialog.reason_edit.setPlainText(typed[1])
            dialog.reason_edit.moveCursor(QTextCursor.MoveOperation.End)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            text = dialog.reason_edit.toPlainText()
            self._return_typed = (dialog.selected_step(), text) if text.strip() else None
            return None
        self._return_typed = None
        selected = dialog.selected_step()
        return None if selected is None else (selected, dialog.reason())

    def return_step(self) -> None:
        """Kembalikan…: send the case back to an earlier step with a reason."""
        step = self.step
        if step is None or running(self):
            return
        answer = self.ask_return()
        if answer is None:
            return
        to_step, reason = answer
        ws, actor, number = self.ws, self.ctx.actor, self.case_number
        self._run(lambda: cases.return_to(ws, actor, number, to_step, reason), step) \
            .success(lambda _result: self._returned(to_step)).run()

    def dispose(self) -> None:
        """Disposisi…: the lembar disposisi of this case (units, instruction); when it moves the
        case on, the form closes as after Selesai."""
        from sopdesk.gui.letters.disposition_dialog import DispositionDialog  # the letters' own dialog

        if running(self):
            return
        dialog = DispositionDialog(self.ctx, self.case_number, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_value is None:
            return
        self.disposed = dialog.result_value
        self.kept.forget_unsaved()
        if self.disposed.routed_step is not None:
            self.accept()
        else:  # recorded, the case stays here (not the step's turn): the form says so
            self.status_label.setText(self.tr("Disposisi nomor {0} dicatat; {1}").format(
                self.disposed.disposition_id, self.disposed.message))

    def _returned(self, to_step: int) -> None:
        self.returned_to = to_step
        self.kept.forget_unsaved()
        self.accept()

    def _elsewhere_changed(self) -> None:
        """Another desk changed the office: a form on screen says so if that was its step
        (step_form.gone); a closed one, or a lost server (the window's banner), asks nothing."""
        if not self.isVisible():
            return
        try:
            check_still_waiting(self)
        except StoreUnreachable:
            return

    def reject(self) -> None:
        """Batal, Esc or the window's close button; not while a command runs (its result
        would have no form to land in). What was typed is kept for this session."""
        if running(self):
            return
        self.kept.keep_unsaved()
        super().reject()
