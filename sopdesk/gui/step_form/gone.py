"""An open step form told, within seconds, that another desk has acted on its step.

The inbox under the form refreshes when another desk changes the office (gui.desk_changes);
it then asks the open form whether its step still waits (engine.step_gone). When it does
not, a red line above the form says who did what and when, and the buttons that would save
are disabled; what was typed stays in view (to copy, or to compare), Batal closes. Before,
the Kasubag typed on and learned it only from the refusal at Selesai (Xvfb, two processes
on one office)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout

from sopdesk.engine import step_gone
from sopdesk.gui.messages import ERROR_COLOR

if TYPE_CHECKING:
    from sopdesk.gui.step_form.dialog import StepFormDialog


def check_still_waiting(form: StepFormDialog) -> bool:
    """Whether the form's step still waits; when not, the form says so (once) and cannot save."""
    if form.step is None or form.item is None:
        return True
    if form.findChild(QLabel, "goneBanner") is not None:  # said already
        return False
    said = step_gone.acted_on_elsewhere(form.ws, form.case_number, form.step.no, form.item["since"])
    if said is None:
        return True
    banner = QLabel(QCoreApplication.translate(
        "StepFormDialog", "{0}. Isian formulir ini tidak dapat disimpan lagi; tutup dengan Batal.").format(said))
    banner.setObjectName("goneBanner")
    banner.setWordWrap(True)
    banner.setStyleSheet(f"QLabel#goneBanner {{ background: {ERROR_COLOR}; color: white; font-weight: bold; "
                         "padding: 6px; }")
    layout = form.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(0, banner)
    dispose = getattr(form.buttons, "dispose_button", None)
    for button in (form.finish_button, form.draft_button, form.return_button, dispose):
        if button is not None:
            button.setEnabled(False)
    return False
