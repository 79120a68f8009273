"""The waiting step itself, as the SOP and the case have it: the kegiatan, its lane, its mutu
baku (waktu, the due time in the office's zone, a binding wait), who works it, the keterangan,
and a hint when the user does not hold its role. On a joint step or an outside party's step,
the lane box says whose turn it is and offers the "on behalf" tick."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from sopdesk.catalog import Kegiatan, Sop
from sopdesk.catalog.schema import Pelaksana
from sopdesk.gui.context import GuiContext
from sopdesk.gui.i18n import duration
from sopdesk.gui.markers import LATE_STYLE, late_by
from sopdesk.gui.step_form.common import RED, wrapped
from sopdesk.textfmt import waktu_lokal

translate = QCoreApplication.translate  # the texts keep their context "StepFormDialog"


class StepBox(QGroupBox):
    """"Kegiatan yang menunggu". `override_edit`: an administrator's reason to end a binding
    wait early (None when there is no wait to end)."""

    def __init__(self, ctx: GuiContext, sop: Sop, step: Kegiatan, item: dict[str, Any],
                 lane: Pelaksana | None, parent: QWidget | None = None):
        super().__init__(translate("StepFormDialog", "Kegiatan yang menunggu"), parent)
        self.override_edit: QLineEdit | None = None
        layout = QVBoxLayout(self)
        heading = wrapped(translate("StepFormDialog", "Kegiatan {no}: {text}").format(no=step.no, text=step.kegiatan),
                          "font-size: 11pt; font-weight: bold", selectable=True)
        heading.setObjectName("stepHeading")
        layout.addWidget(heading)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        lane = lane or sop.lane(step.pelaksana)  # a joint step: the lane whose turn it is
        form.addRow(translate("StepFormDialog", "Pelaksana:"), wrapped(translate(
            "StepFormDialog", "{lane} (peran {role})").format(lane=lane.nama, role=lane.peran)))
        waktu = step.waktu if step.waktu_baku.has_standard else translate(
            "StepFormDialog", "{waktu} (tanpa standar waktu)").format(waktu=step.waktu)
        form.addRow(translate("StepFormDialog", "Waktu:"), wrapped(waktu))
        ws = ctx.ws
        tz = ws.calendar.tz
        form.addRow(translate("StepFormDialog", "Masuk:"), QLabel(waktu_lokal(item["since"], tz)))
        self.due_label = wrapped()
        self.due_label.setObjectName("dueLabel")
        now = ws.clock()
        due = item["due_at"]
        if due is None:
            self.due_label.setText(translate("StepFormDialog", "tidak ada"))
        elif late := late_by(due, now):
            self.due_label.setText(translate("StepFormDialog", "{when} — {late}").format(
                when=waktu_lokal(due, tz), late=late))
            self.due_label.setStyleSheet(LATE_STYLE)
        else:
            self.due_label.setText(translate("StepFormDialog", "{when} (sisa {left})").format(
                when=waktu_lokal(due, tz), left=duration(due - now)))
        form.addRow(translate("StepFormDialog", "Batas waktu:"), self.due_label)
        if item["not_before"] is not None:
            wait = wrapped(translate("StepFormDialog", "{when} — belum boleh diselesaikan sebelumnya").format(
                when=waktu_lokal(item["not_before"], tz)))
            if item["not_before"] > now:
                wait.setStyleSheet("font-weight: bold")
            form.addRow(translate("StepFormDialog", "Masa tunggu sampai:"), wait)
            if item["not_before"] > now and ctx.is_admin:
                self.override_edit = QLineEdit()
                self.override_edit.setObjectName("overrideReason")
                self.override_edit.setPlaceholderText(translate("StepFormDialog",
                                                                "wajib diisi untuk menyelesaikan lebih awal"))
                form.addRow(translate("StepFormDialog", "Alasan melewati masa tunggu (administrator):"),
                            self.override_edit)
        if item["assignee"]:
            form.addRow(translate("StepFormDialog", "Dikerjakan oleh:"), QLabel(item["assignee"]))
        if step.keterangan:
            form.addRow(translate("StepFormDialog", "Keterangan:"), wrapped(step.keterangan, selectable=True))
        layout.addLayout(form)
        if item["role"] not in ctx.roles:
            hint = wrapped(translate("StepFormDialog", "Anda tidak memegang peran {role}; kegiatan ini dikerjakan "
                                                       "oleh pemegang peran tersebut.").format(role=item["role"]),
                           f"color: {RED}")
            hint.setObjectName("roleHint")
            layout.addWidget(hint)


class LaneBox(QGroupBox):
    """An outside party's step (recorded on its behalf: `on_behalf_check`) or a joint step's
    earlier lane (it confirms; the next lane decides)."""

    def __init__(self, sop: Sop, step: Kegiatan, lane: Pelaksana, next_lane: Pelaksana | None,
                 parent: QWidget | None = None):
        super().__init__(translate("StepFormDialog", "Pelaksana"), parent)
        self.setObjectName("laneBox")
        self.on_behalf_check: QCheckBox | None = None
        layout = QVBoxLayout(self)
        if lane.eksternal:
            layout.addWidget(wrapped(translate("StepFormDialog", "{lane} adalah pihak di luar kantor; kegiatan ini "
                                                                 "dicatat atas namanya oleh petugas.").format(
                lane=lane.nama)))
            self.on_behalf_check = QCheckBox(translate(
                "StepFormDialog", "Dicatat atas nama {lane} (mis. diserahkan oleh {lower})").format(
                lane=lane.nama, lower=lane.nama.lower()))
            self.on_behalf_check.setObjectName("onBehalf")
            layout.addWidget(self.on_behalf_check)
        if next_lane is not None:
            names = " → ".join(sop.lane(k).nama for k in step.lanes)
            layout.addWidget(wrapped(translate("StepFormDialog", "Kegiatan bersama ({names}): {lane} menyetujui lebih "
                                                                 "dulu, lalu kegiatan ini menunggu {next}.").format(
                names=names, lane=lane.nama, next=next_lane.nama)))
