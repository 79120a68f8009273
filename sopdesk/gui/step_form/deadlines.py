"""The case's deadlines (tenggat kasus) in the step form: each one's state (not started yet,
a binding wait, a due time, met on time or late, extended) and, where the SOP allows it, a
"Perpanjang tenggat…" button. The box is rebuilt after an extension (`extend_requested`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGroupBox, QPushButton, QVBoxLayout, QWidget

from sopdesk.catalog import Sop
from sopdesk.catalog.schema import Tenggat
from sopdesk.gui.context import GuiContext
from sopdesk.gui.markers import LATE_STYLE, late_by, met_late
from sopdesk.gui.step_form.common import GREEN, GREY, RED, wrapped
from sopdesk.textfmt import waktu_lokal

translate = QCoreApplication.translate  # the texts keep their context "StepFormDialog"


class DeadlinesBox(QGroupBox):
    """"Tenggat kasus". Signal: `extend_requested(rule)`, the SOP's Tenggat to extend."""

    extend_requested = Signal(object)

    def __init__(self, ctx: GuiContext, sop: Sop, deadlines: list[dict[str, Any]], parent: QWidget | None = None):
        super().__init__(translate("StepFormDialog", "Tenggat kasus"), parent)
        layout = QVBoxLayout(self)
        tz = ctx.ws.calendar.tz
        now = ctx.ws.clock()
        rules = {t.kode: t for t in sop.tenggat}
        for deadline in deadlines:
            rule = rules.get(deadline["kode"])
            due, met = deadline["due_at"], deadline["met_at"]
            style = ""
            if due is None:
                anchor = (translate("StepFormDialog", "kasus dimulai") if rule is None or rule.sejak == "mulai"
                          else translate("StepFormDialog", "kegiatan {no} selesai").format(no=rule.sejak))
                state = translate("StepFormDialog", "belum berjalan (dihitung sejak {anchor}; {waktu})").format(
                    anchor=anchor, waktu=rule.waktu if rule else "")
                style = f"color: {GREY}"
            elif deadline["kind"] == "paling_cepat":
                state = translate("StepFormDialog", "tidak sebelum {when}").format(when=waktu_lokal(due, tz))
                if due <= now:
                    state += translate("StepFormDialog", " — masa tunggu sudah berakhir")
            else:
                state = translate("StepFormDialog", "paling lambat {when}").format(when=waktu_lokal(due, tz))
                if met is not None and deadline.get("late_days"):  # issue #13
                    state += " — " + met_late(deadline["late_days"], waktu_lokal(met, tz))
                    style = f"color: {RED}"
                elif met is not None:
                    state += translate("StepFormDialog", " — terpenuhi {when}").format(when=waktu_lokal(met, tz))
                    style = f"color: {GREEN}"
                elif late := late_by(due, now):
                    state += " — " + late
                    style = LATE_STYLE
            if deadline.get("extensions"):
                state += translate("StepFormDialog", " (diperpanjang {n} kali)").format(n=deadline["extensions"])
            label = wrapped(translate("StepFormDialog", "{name}: {state}").format(name=deadline["name"], state=state),
                            style)
            label.setObjectName(f"deadline_{deadline['kode']}")
            layout.addWidget(label)
            ext = rule.perpanjangan if rule is not None else None
            if ext and due is not None and met is None and deadline.get("extensions", 0) < ext.paling_banyak:
                extend = QPushButton(translate("StepFormDialog", "Perpanjang tenggat…"))  # issue #13: as the SOP allows
                extend.setAutoDefault(False)  # else the dialog's default: Enter in any field opened it
                extend.setObjectName(f"extend_{deadline['kode']}")
                extend.clicked.connect(lambda _=False, r=rule: self._extend(r))
                layout.addWidget(extend, 0, Qt.AlignmentFlag.AlignLeft)

    def _extend(self, rule: Tenggat) -> None:
        self.extend_requested.emit(rule)
