"""The step form, split by responsibility: the dialog that composes it (`dialog`), its
sections as small widgets (`header`, `step_box`, `deadlines`, `inputs`, `decision`,
`buttons`, `local_draft`), what was typed and kept (`kept_input`), the file slot the letters'
dialogs use too (`file_slot`), the return dialog (`return_dialog`) and what a closed form did,
for the status bar (`outcome`). Importers take the public names from here."""

from sopdesk.gui.step_form.dialog import StepFormDialog
from sopdesk.gui.step_form.file_slot import FileSlot
from sopdesk.gui.step_form.outcome import outcome
from sopdesk.gui.step_form.return_dialog import ReturnDialog

__all__ = ["FileSlot", "ReturnDialog", "StepFormDialog", "outcome"]
