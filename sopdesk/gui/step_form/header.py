"""The top of the step form, the context read before anything else: the case (number, title,
requester, SOP), who returned the case to this step and why, or that nothing waits."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from sopdesk.catalog import Sop
from sopdesk.engine.revisits import ReturnInfo
from sopdesk.gui.step_form.common import wrapped
from sopdesk.textfmt import waktu_lokal

translate = QCoreApplication.translate  # the texts keep their context "StepFormDialog"


class CaseHeader(QWidget):
    """The case's number and title, its requester and its SOP (with the revision)."""

    def __init__(self, detail: dict[str, Any], sop: Sop, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        number = QLabel(detail["number"])
        number.setObjectName("caseNumber")
        number.setStyleSheet("font-size: 15pt; font-weight: bold")
        number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(number)
        title = wrapped(detail["title"], "font-size: 11pt; font-weight: bold", selectable=True)
        title.setObjectName("caseTitle")
        layout.addWidget(title)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(translate("StepFormDialog", "Pemohon:"), wrapped(detail["requester"] or "–", selectable=True))
        sop_text = translate("StepFormDialog", "{kode} — {nama} (revisi {revisi})").format(
            kode=sop.kode, nama=sop.nama, revisi=sop.revisi)
        form.addRow(translate("StepFormDialog", "SOP:"), wrapped(sop_text))
        layout.addLayout(form)


def return_banner(info: ReturnInfo, tz: tzinfo) -> QLabel:
    """Who sent the case back to this step, when and why: read before anything else."""
    text = translate("StepFormDialog",
                     "Dikembalikan oleh {name} ({role}) pada {when} dari kegiatan {step}: {reason}").format(
        name=info.by, role=info.role, when=waktu_lokal(info.at, tz), step=info.from_step, reason=info.reason)
    banner = wrapped(text, "background: #fff3e0; border: 1px solid #e65100; border-radius: 4px; "
                           "padding: 8px; color: #4e2600; font-weight: bold", selectable=True)
    banner.setObjectName("returnBanner")
    banner.setAccessibleName(text)
    return banner


def nothing_waiting(status: str) -> QLabel:
    """A case that is done or cancelled: no step to fill in."""
    state = {"done": translate("StepFormDialog", "sudah selesai"),
             "cancelled": translate("StepFormDialog", "dibatalkan")}.get(status, status)
    label = wrapped(translate("StepFormDialog", "Kasus ini {state}; tidak ada kegiatan yang menunggu.").format(
        state=state), "font-weight: bold")
    label.setObjectName("nothingWaiting")
    return label
