"""What was typed in a step form, kept so that nothing typed is lost: as a draft in the
database (Simpan draf, `drafts`), for the session when the form was closed without saving
(Batal, Esc: `GuiContext.unsaved_forms`), and on this PC when the database server could not be
reached (`local_drafts`, offered above the fields by a LocalDraftBar).

A step the case was returned to starts from its last visit's values (`revisits`); a draft of
the visit wins, and the session's typing wins over both. The dialog (step_form.dialog) owns
one KeptInput and calls it as it opens, closes and saves."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout

from sopdesk.catalog import Kegiatan
from sopdesk.engine import drafts, local_drafts, revisits
from sopdesk.engine.step_input import StepInput
from sopdesk.gui.context import GuiContext
from sopdesk.gui.step_form.common import RED
from sopdesk.gui.step_form.local_draft import LocalDraftBar
from sopdesk.textfmt import waktu_lokal

translate = QCoreApplication.translate  # the texts keep their context "StepFormDialog"


class KeptForm(Protocol):
    """What KeptInput needs of the step form (step_form.dialog)."""

    ctx: GuiContext
    case_number: str
    step: Kegiatan | None
    item: dict[str, Any] | None
    returned: Any
    status_label: QLabel
    body_layout: QVBoxLayout

    def form_data(self) -> StepInput: ...

    def fill(self, data: StepInput) -> None: ...


class KeptInput:
    """The kept typing of one open form. `baseline` is the form as opened (after a draft or
    the last visit's values): closing a form that still holds it keeps nothing."""

    def __init__(self, form: KeptForm):
        self.form = form
        self.ws = form.ctx.ws
        self.baseline = StepInput()
        self.local_draft_bar: LocalDraftBar | None = None

    def restore(self, step: Kegiatan) -> None:
        """Opening the form: a draft or the last visit's values, the offer of a form kept on
        this PC, then the typing kept at the session's last Batal."""
        self._restore_draft(step)
        self._offer_local_draft(step)
        self.baseline = self.form.form_data()
        self._restore_unsaved()

    def _say(self, text: str) -> None:
        self.form.status_label.setText(text)

    # --- the draft in the database, or the last visit of a returned step --------------------------
    def _restore_draft(self, step: Kegiatan) -> None:
        """A draft of this visit first; else, for a returned step, its last visit's values."""
        form = self.form
        draft = drafts.load_draft(self.ws, form.case_number)
        if draft is not None:
            form.fill(draft)
            self._say(translate("StepFormDialog", "Draf yang tersimpan dipulihkan."))
            return
        last = revisits.last_visit_of(self.ws, form.case_number, step.no) if form.returned else None
        if last is not None:
            form.fill(last.data)
            when = waktu_lokal(last.completed_at, self.ws.calendar.tz)
            self._say(translate("StepFormDialog", "Isian kunjungan sebelumnya ({when}) dimuat; periksa lalu "
                                                  "selesaikan.").format(when=when))

    def draft_saved(self) -> None:
        """Simpan draf done: what the form holds is kept in the database now."""
        self.baseline = self.form.form_data()
        self.forget_unsaved()

    # --- what was typed when the form was closed without saving ------------------------------------
    def _unsaved_key(self) -> tuple[str, int, Any] | None:
        """This visit of the step (a return opens a new visit: the old typing is not offered)."""
        form = self.form
        if form.step is None or form.item is None:
            return None
        return (form.case_number, form.step.no, form.item["since"])

    def _restore_unsaved(self) -> None:
        """Batal, Esc or the close button keep what was typed for this session (GuiContext.
        unsaved_forms); opening the form again brings it back, before any draft."""
        key = self._unsaved_key()
        kept = self.form.ctx.unsaved_forms.get(key) if key is not None else None
        if kept is not None:
            self.form.fill(kept)
            self._say(translate("StepFormDialog", "Isian yang belum disimpan saat formulir ditutup dipulihkan."))

    def keep_unsaved(self) -> None:
        """The form closes without saving: what was typed, if anything, kept for the session."""
        key = self._unsaved_key()
        if key is None:
            return
        data = self.form.form_data()
        if data != self.baseline:
            self.form.ctx.unsaved_forms[key] = data
        else:
            self.form.ctx.unsaved_forms.pop(key, None)

    def forget_unsaved(self) -> None:
        key = self._unsaved_key()
        if key is not None:
            self.form.ctx.unsaved_forms.pop(key, None)

    # --- the form kept on this PC while the server was unreachable ----------------------------------
    def _offer_local_draft(self, step: Kegiatan) -> None:
        """A form kept on this PC (the server was unreachable) is offered above the fields."""
        form, data_dir = self.form, self.ws.data_dir
        number, username = form.case_number, form.ctx.actor.username
        kept = local_drafts.load(data_dir, number, step.no, username)
        if kept is None:
            return
        bar = LocalDraftBar(self.ws.calendar.local(kept.saved_at))

        def use_it() -> None:
            form.fill(kept.data)
            self._say(translate("StepFormDialog", "Isian dari PC ini dimuat; periksa lalu selesaikan."))

        bar.use.connect(use_it)
        bar.drop.connect(lambda: local_drafts.discard(data_dir, number, step.no, username))
        self.local_draft_bar = bar
        form.body_layout.insertWidget(1, bar)
        key = self._unsaved_key()
        if key is not None and form.ctx.unsaved_forms.get(key) == kept.data:
            # this session kept the same typing (_restore_unsaved brings it back): one offer, not two
            bar.hide()

    def keep_locally(self, step: Kegiatan) -> None:
        """The server could not be reached: the form kept on this PC, and the form says so."""
        form = self.form
        try:
            local_drafts.save(self.ws.data_dir, form.case_number, step.no, form.ctx.actor.username,
                              form.form_data(), self.ws.clock())
        except OSError as exc:
            self._say(translate("StepFormDialog", "Server basis data tidak terjangkau, dan isian tidak dapat "
                                                  "disimpan di PC ini ({error}); jangan tutup formulir ini.")
                      .format(error=exc))
        else:
            self._say(translate("StepFormDialog", "Server basis data tidak terjangkau; isian disimpan di PC ini "
                                                  "dan ditawarkan lagi saat formulir ini dibuka."))
        form.status_label.setStyleSheet(f"color: {RED}")

    def discard_local(self, step: Kegiatan) -> None:
        """The step completed: the form kept on this PC is of no use any more."""
        local_drafts.discard(self.ws.data_dir, self.form.case_number, step.no, self.form.ctx.actor.username)
