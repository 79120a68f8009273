"""An open step form told, within seconds, that another desk has acted on its step.

When another desk (or the CLI) changes the office, the window's watch (gui.desk_changes)
emits `GuiContext.elsewhere_changed`; a form on screen, wherever it was opened from (Kotak
Masuk, a case record in Kasus), then asks whether its step still waits (engine.step_gone). When it does
not, a red line above the form says who did what and when, and the buttons that would save
are disabled; what was typed stays in view (to copy, or to compare), Batal closes. Before,
the Kasubag typed on and learned it only from the refusal at Selesai (Xvfb, two processes
on one office)."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout

from sopdesk.engine import step_gone
from sopdesk.gui.messages import ERROR_COLOR


class OpenForm(Protocol):
    """What the check needs of the step form (step_form.dialog, which calls it)."""

    ws: Any
    case_number: str
    step: Any
    item: dict[str, Any] | None
    buttons: Any
    finish_button: QPushButton
    draft_button: QPushButton
    return_button: QPushButton


def check_still_waiting(form: OpenForm) -> bool:
    """Whether the form's step still waits; when not, the form says so (once) and cannot save."""
    if form.step is None or form.item is None:
        return True
    if isinstance(form, QDialog) and form.findChild(QLabel, "goneBanner") is not None:  # said already
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
    assert isinstance(form, QDialog)
    layout = form.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(0, banner)
    dispose = getattr(form.buttons, "dispose_button", None)
    for button in (form.finish_button, form.draft_button, form.return_button, dispose):
        if button is not None:
            button.setEnabled(False)
    return False
