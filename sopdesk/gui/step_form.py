"""The step form: one waiting step of a case, filled in and completed, returned or saved
as a draft.

Shows the kegiatan with its mutu baku (waktu, due time in the office's zone) and
keterangan, the case-level deadlines, a checklist of the kelengkapan (each with an
optional scan), the outputs (document number, date, file), the decision or the awaited
event, and a note. Every action goes through the engine (`cases.complete`,
`cases.return_to`, `drafts.save_draft`); a refusal is shown and the form keeps what was
typed. A step the case was returned to shows who returned it, when and why, and starts from
its last visit's values, its files still attached (`revisits`); a draft of the visit wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sopdesk.catalog import END, Kegiatan, Sop
from sopdesk.engine import cases, drafts, local_drafts, queries, revisits
from sopdesk.engine.cases import KeptFile, OutputValue, StepInput
from sopdesk.errors import StoreUnreachable
from sopdesk.gui.context import GuiContext
from sopdesk.gui.date_field import DateField
from sopdesk.gui.i18n import duration
from sopdesk.gui.messages import ERROR_COLOR, error_label, show_error
from sopdesk.textfmt import waktu_lokal

RED = ERROR_COLOR
GREEN = "#1b5e20"
GREY = "#5f6368"
EMPTY_DATE = QDate(2000, 1, 1)
FILE_NAME_WIDTH = 200
SHORT_STEP = 64  # characters of a step's text in the return dialog's list


def _wrapped(text: str = "", style: str | None = None, selectable: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if style:
        label.setStyleSheet(style)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label



class FileSlot(QWidget):
    """"Lampirkan…" button, the chosen file's name, and "Hapus" to remove it. It may also
    hold a file attached at the step's last visit (a returned step): that one stays attached
    as it is, without choosing it again."""

    changed = Signal()

    def __init__(self, what: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._what = what
        self._path: Path | None = None
        self._kept: KeptFile | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.attach_button = QPushButton(self.tr("Lampirkan…"))
        self.attach_button.setAutoDefault(False)
        self.attach_button.setToolTip(self.tr("Pilih berkas (pindaian) untuk: {what}").format(what=what))
        self.attach_button.clicked.connect(self.choose)
        self.name_label = QLabel()
        self.name_label.setFixedWidth(FILE_NAME_WIDTH)
        self.remove_button = QPushButton(self.tr("Hapus"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.setToolTip(self.tr("Lepaskan berkas yang dilampirkan"))
        self.remove_button.clicked.connect(lambda: self.set_path(None))
        policy = self.remove_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # rows stay aligned with and without a file
        self.remove_button.setSizePolicy(policy)
        layout.addWidget(self.attach_button)
        layout.addWidget(self.name_label)
        layout.addWidget(self.remove_button)
        layout.addStretch(1)
        self.set_path(None)

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def kept(self) -> KeptFile | None:
        """The file of the last visit still attached (None once a new file is chosen)."""
        return self._kept

    def set_path(self, path: Path | None) -> None:
        self._path = Path(path) if path else None
        self._kept = None
        self._show()

    def set_kept(self, kept: KeptFile | None) -> None:
        self._path = None
        self._kept = kept
        self._show()

    def _show(self) -> None:
        metrics = self.name_label.fontMetrics()
        if self._path is not None:
            self.name_label.setText(metrics.elidedText(self._path.name, Qt.TextElideMode.ElideMiddle,
                                                       FILE_NAME_WIDTH))
            self.name_label.setStyleSheet("")
            self.name_label.setToolTip(str(self._path))
        elif self._kept is not None:
            suffix = self.tr(" (terlampir)")
            name = metrics.elidedText(self._kept.name, Qt.TextElideMode.ElideMiddle,
                                      FILE_NAME_WIDTH - metrics.horizontalAdvance(suffix))
            self.name_label.setText(name + suffix)
            self.name_label.setStyleSheet(f"color: {GREEN}")
            self.name_label.setToolTip(self.tr("{name}: sudah dilampirkan pada kunjungan sebelumnya; tetap "
                                               "terlampir tanpa diunggah lagi").format(name=self._kept.name))
        else:
            self.name_label.setText(self.tr("belum ada berkas"))
            self.name_label.setStyleSheet(f"color: {GREY}")
            self.name_label.setToolTip("")
        self.remove_button.setVisible(self._path is not None or self._kept is not None)
        self.changed.emit()

    def choose(self) -> None:
        start = str(self._path.parent) if self._path else str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih berkas untuk: {what}").format(what=self._what), start,
            self.tr("Dokumen dan pindaian (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.odt);;"
                    "Semua berkas (*)"),
        )
        if chosen:
            self.set_path(Path(chosen))


@dataclass
class KelengkapanRow:
    name: str
    check: QCheckBox
    file: FileSlot


@dataclass
class OutputRow:
    name: str
    number: QLineEdit
    date_check: QCheckBox
    date: QDateEdit
    file: FileSlot

    def value(self) -> OutputValue | None:
        """The output's value, or None when nothing of it was filled in."""
        number = self.number.text().strip() or None
        day = self.date.date().toPython() if self.date_check.isChecked() else None
        if number is None and day is None and self.file.path is None and self.file.kept is None:
            return None
        return OutputValue(number=number, date=day, file=self.file.path, kept=self.file.kept)


class ReturnDialog(QDialog):
    """Asks for the earlier step to return to and the (required) reason."""

    def __init__(self, steps: list[tuple[int, str]], preselect: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kembalikan ke kegiatan sebelumnya"))
        layout = QVBoxLayout(self)
        layout.addWidget(_wrapped(self.tr("Kasus akan dikembalikan ke kegiatan yang dipilih; pelaksananya "
                                          "mengerjakannya lagi. Alasan pengembalian dicatat.")))
        form = QFormLayout()
        self.step_combo = QComboBox()
        self.step_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.step_combo.setMinimumContentsLength(40)
        for no, text in steps:
            full = self.tr("Kegiatan {no}: {text}").format(no=no, text=text)
            short = full if len(full) <= SHORT_STEP else full[:SHORT_STEP - 1].rstrip() + "…"
            self.step_combo.addItem(short, no)
            self.step_combo.setItemData(self.step_combo.count() - 1, full, Qt.ItemDataRole.ToolTipRole)
        if preselect is not None and self.step_combo.findData(preselect) >= 0:
            self.step_combo.setCurrentIndex(self.step_combo.findData(preselect))
        form.addRow(self.tr("Kembali ke"), self.step_combo)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(self.tr("Mengapa kegiatan ini dikembalikan?"))
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setMinimumHeight(90)
        form.addRow(self.tr("Alasan (wajib)"), self.reason_edit)
        layout.addLayout(form)
        self.error_label = error_label("returnError")
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("Kembalikan"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 300)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        if self.selected_step() is not None:  # the step is chosen already: the reason is what to type
            self.reason_edit.setFocus()

    def selected_step(self) -> int | None:
        return self.step_combo.currentData()

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def accept(self) -> None:
        if self.selected_step() is None:
            self.error_label.setText(self.tr("Pilih kegiatan tujuan."))
        elif not self.reason():
            self.error_label.setText(self.tr("Alasan pengembalian wajib diisi."))
            self.reason_edit.setFocus()
        else:
            super().accept()
            return
        self.error_label.show()


class StepFormDialog(QDialog):
    """The form of the step a case waits at. After `accept()`, `completed` holds the
    engine's result of a completion (None after a return)."""

    def __init__(self, ctx: GuiContext, case_number: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.ws = ctx.ws
        self.completed: cases.Completed | None = None
        self.returned_to: int | None = None
        self.detail = queries.case_detail(self.ws, case_number, ctx.actor)
        self.case_number = self.detail["number"]
        with self.ws.db.reading() as session:
            case = cases.get_case(session, self.case_number)
            self.sop: Sop = self.ws.sop_of_revision(session, case.sop_revision_id)
        self.item = next((i for i in self.detail["items"] if i["status"] == "open"), None)
        self.step: Kegiatan | None = self.sop.step(self.item["step"]) if self.item else None
        self.returned = revisits.return_info(self.ws, self.case_number) if self.item else None
        self.kelengkapan_rows: dict[str, KelengkapanRow] = {}
        self.output_rows: dict[str, OutputRow] = {}
        self.choice_buttons: dict[str, QRadioButton] = {}
        self.choice_group = QButtonGroup(self)
        self.note_edit: QPlainTextEdit | None = None
        # issue #13: the lane whose turn it is (a joint step has several), an outside party's
        # "on behalf" tick, an administrator's reason to end a binding wait early
        self.lane, self.next_lane = self._lanes_now()
        self.on_behalf_check: QCheckBox | None = None
        self.override_edit: QLineEdit | None = None

        if self.step is None:
            self.setWindowTitle(self.tr("Kasus {number}").format(number=self.case_number))
        else:
            self.setWindowTitle(self.tr("Kegiatan {no} — {number}").format(no=self.step.no, number=self.case_number))
        self._build()
        self.resize(900, 700)
        # never narrower than the rows of fields (wrapped texts adapt; fields do not)
        margins = self.scroll.verticalScrollBar().sizeHint().width() + 40
        self.setMinimumSize(max(640, self.scroll.widget().minimumSizeHint().width() + margins), 480)
        if self.step is not None:
            self._restore_draft()
            self._offer_local_draft()

    # --- building ------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        body = QWidget()
        body.setObjectName("stepFormBody")
        self.body_layout = QVBoxLayout(body)
        self.body_layout.addWidget(self._header())
        if self.returned is not None:
            self.body_layout.addWidget(self._return_banner())
        if self.step is None:
            self.body_layout.addWidget(self._nothing_waiting())
        else:
            self.body_layout.addWidget(self._step_box())
            if self.detail["deadlines"]:
                self.deadlines_box = self._deadlines_box()
                self.body_layout.addWidget(self.deadlines_box)
            self.body_layout.addWidget(self._kelengkapan_box())
            self.body_layout.addWidget(self._output_box())
            if self.lane is not None and (self.lane.eksternal or self.next_lane is not None):
                self.body_layout.addWidget(self._lane_box())
            if self.step.keputusan is not None and self.next_lane is None:
                self.body_layout.addWidget(self._decision_box())
            if self.step.menunggu:
                self.body_layout.addWidget(self._wait_box())
            self.body_layout.addWidget(self._note_box())
        self.body_layout.addStretch(1)
        self.scroll.setWidget(body)
        outer.addWidget(self.scroll, 1)
        outer.addLayout(self._buttons())

    def _header(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 4)
        number = QLabel(self.case_number)
        number.setObjectName("caseNumber")
        number.setStyleSheet("font-size: 15pt; font-weight: bold")
        number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(number)
        title = _wrapped(self.detail["title"], "font-size: 11pt; font-weight: bold", selectable=True)
        title.setObjectName("caseTitle")
        layout.addWidget(title)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Pemohon:"), _wrapped(self.detail["requester"] or "–", selectable=True))
        sop_text = self.tr("{kode} — {nama} (revisi {revisi})").format(
            kode=self.sop.kode, nama=self.sop.nama, revisi=self.sop.revisi)
        form.addRow(self.tr("SOP:"), _wrapped(sop_text))
        layout.addLayout(form)
        return box

    def _return_banner(self) -> QLabel:
        """Who sent the case back to this step, when and why: read before anything else."""
        info = self.returned
        text = self.tr("Dikembalikan oleh {name} ({role}) pada {when} dari kegiatan {step}: {reason}").format(
            name=info.by, role=info.role, when=waktu_lokal(info.at, self.ws.calendar.tz),
            step=info.from_step, reason=info.reason)
        banner = _wrapped(text, "background: #fff3e0; border: 1px solid #e65100; border-radius: 4px; "
                                "padding: 8px; color: #4e2600; font-weight: bold", selectable=True)
        banner.setObjectName("returnBanner")
        banner.setAccessibleName(text)
        return banner

    def _nothing_waiting(self) -> QWidget:
        state = {"done": self.tr("sudah selesai"), "cancelled": self.tr("dibatalkan")}.get(
            self.detail["status"], self.detail["status"])
        label = _wrapped(self.tr("Kasus ini {state}; tidak ada kegiatan yang menunggu.").format(state=state),
                         "font-weight: bold")
        label.setObjectName("nothingWaiting")
        return label

    def _step_box(self) -> QGroupBox:
        step, item = self.step, self.item
        box = QGroupBox(self.tr("Kegiatan yang menunggu"))
        layout = QVBoxLayout(box)
        heading = _wrapped(self.tr("Kegiatan {no}: {text}").format(no=step.no, text=step.kegiatan),
                           "font-size: 11pt; font-weight: bold", selectable=True)
        heading.setObjectName("stepHeading")
        layout.addWidget(heading)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        lane = self.lane or self.sop.lane(step.pelaksana)  # a joint step: the lane whose turn it is
        form.addRow(self.tr("Pelaksana:"), _wrapped(self.tr("{lane} (peran {role})").format(
            lane=lane.nama, role=lane.peran)))
        waktu = step.waktu if step.waktu_baku.has_standard else self.tr("{waktu} (tanpa standar waktu)").format(
            waktu=step.waktu)
        form.addRow(self.tr("Waktu:"), _wrapped(waktu))
        tz = self.ws.calendar.tz
        form.addRow(self.tr("Masuk:"), QLabel(waktu_lokal(item["since"], tz)))
        self.due_label = _wrapped()
        self.due_label.setObjectName("dueLabel")
        now = self.ws.clock()
        due = item["due_at"]
        if due is None:
            self.due_label.setText(self.tr("tidak ada"))
        elif due < now:
            self.due_label.setText(self.tr("{when} — {late}").format(when=waktu_lokal(due, tz),
                                                                      late=duration(due - now)))
            self.due_label.setStyleSheet(f"color: {RED}; font-weight: bold")
        else:
            self.due_label.setText(self.tr("{when} (sisa {left})").format(when=waktu_lokal(due, tz),
                                                                           left=duration(due - now)))
        form.addRow(self.tr("Batas waktu:"), self.due_label)
        if item["not_before"] is not None:
            wait = _wrapped(self.tr("{when} — belum boleh diselesaikan sebelumnya").format(
                when=waktu_lokal(item["not_before"], tz)))
            if item["not_before"] > now:
                wait.setStyleSheet("font-weight: bold")
            form.addRow(self.tr("Masa tunggu sampai:"), wait)
            if item["not_before"] > now and self.ctx.is_admin:
                self.override_edit = QLineEdit()
                self.override_edit.setObjectName("overrideReason")
                self.override_edit.setPlaceholderText(self.tr("wajib diisi untuk menyelesaikan lebih awal"))
                form.addRow(self.tr("Alasan melewati masa tunggu (administrator):"), self.override_edit)
        if item["assignee"]:
            form.addRow(self.tr("Dikerjakan oleh:"), QLabel(item["assignee"]))
        if step.keterangan:
            form.addRow(self.tr("Keterangan:"), _wrapped(step.keterangan, selectable=True))
        layout.addLayout(form)
        if item["role"] not in self.ctx.roles:
            hint = _wrapped(self.tr("Anda tidak memegang peran {role}; kegiatan ini dikerjakan oleh pemegang "
                                    "peran tersebut.").format(role=item["role"]), f"color: {RED}")
            hint.setObjectName("roleHint")
            layout.addWidget(hint)
        return box

    def _lanes_now(self):  # noqa: ANN202 - (Pelaksana | None, Pelaksana | None)
        """The lane working the step now and, on a joint step, the lane after it."""
        if self.step is None:
            return None, None
        lanes = [self.sop.lane(kode) for kode in self.step.lanes]
        index = next((i for i, lane in enumerate(lanes) if lane.peran == self.item["role"]), 0)
        return lanes[index], (lanes[index + 1] if index + 1 < len(lanes) else None)

    def _lane_box(self) -> QGroupBox:
        """An outside party's step (recorded on its behalf) or a joint step's earlier lane."""
        box = QGroupBox(self.tr("Pelaksana"))
        box.setObjectName("laneBox")
        layout = QVBoxLayout(box)
        if self.lane.eksternal:
            layout.addWidget(_wrapped(self.tr("{lane} adalah pihak di luar kantor; kegiatan ini dicatat atas "
                                              "namanya oleh petugas.").format(lane=self.lane.nama)))
            self.on_behalf_check = QCheckBox(self.tr("Dicatat atas nama {lane} (mis. diserahkan oleh {lower})")
                                             .format(lane=self.lane.nama, lower=self.lane.nama.lower()))
            self.on_behalf_check.setObjectName("onBehalf")
            layout.addWidget(self.on_behalf_check)
        if self.next_lane is not None:
            names = " → ".join(self.sop.lane(k).nama for k in self.step.lanes)
            layout.addWidget(_wrapped(self.tr("Kegiatan bersama ({names}): {lane} menyetujui lebih dulu, lalu "
                                              "kegiatan ini menunggu {next}.").format(
                names=names, lane=self.lane.nama, next=self.next_lane.nama)))
        return box

    def _deadlines_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Tenggat kasus"))
        layout = QVBoxLayout(box)
        tz = self.ws.calendar.tz
        now = self.ws.clock()
        rules = {t.kode: t for t in self.sop.tenggat}
        for deadline in self.detail["deadlines"]:
            rule = rules.get(deadline["kode"])
            due, met = deadline["due_at"], deadline["met_at"]
            style = ""
            if due is None:
                anchor = (self.tr("kasus dimulai") if rule is None or rule.sejak == "mulai"
                          else self.tr("kegiatan {no} selesai").format(no=rule.sejak))
                state = self.tr("belum berjalan (dihitung sejak {anchor}; {waktu})").format(
                    anchor=anchor, waktu=rule.waktu if rule else "")
                style = f"color: {GREY}"
            elif deadline["kind"] == "paling_cepat":
                state = self.tr("tidak sebelum {when}").format(when=waktu_lokal(due, tz))
                if due <= now:
                    state += self.tr(" — masa tunggu sudah berakhir")
            else:
                state = self.tr("paling lambat {when}").format(when=waktu_lokal(due, tz))
                if met is not None and deadline.get("late_days"):  # issue #13
                    state += self.tr(" — terlambat {days} hari ({when})").format(
                        days=deadline["late_days"], when=waktu_lokal(met, tz))
                    style = f"color: {RED}"
                elif met is not None:
                    state += self.tr(" — terpenuhi {when}").format(when=waktu_lokal(met, tz))
                    style = f"color: {GREEN}"
                elif due < now:
                    state += " — " + duration(due - now)  # negative: "terlambat ..."
                    style = f"color: {RED}; font-weight: bold"
            if deadline.get("extensions"):
                state += self.tr(" (diperpanjang {n} kali)").format(n=deadline["extensions"])
            label = _wrapped(self.tr("{name}: {state}").format(name=deadline["name"], state=state), style)
            label.setObjectName(f"deadline_{deadline['kode']}")
            layout.addWidget(label)
            ext = rule.perpanjangan if rule is not None else None
            if ext and due is not None and met is None and deadline.get("extensions", 0) < ext.paling_banyak:
                extend = QPushButton(self.tr("Perpanjang tenggat…"))  # issue #13: as the SOP allows
                extend.setAutoDefault(False)  # else the dialog's default: Enter in any field opened it
                extend.setObjectName(f"extend_{deadline['kode']}")
                extend.clicked.connect(lambda _=False, r=rule: self.extend_deadline(r))
                layout.addWidget(extend, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def extend_deadline(self, rule) -> None:  # noqa: ANN001 - a Tenggat
        from sopdesk.gui.deadline_dialog import ExtendDeadlineDialog

        dialog = ExtendDeadlineDialog(self.ctx, self.case_number, rule, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.detail = queries.case_detail(self.ws, self.case_number, self.ctx.actor)
        fresh = self._deadlines_box()
        self.body_layout.replaceWidget(self.deadlines_box, fresh)
        self.deadlines_box.deleteLater()
        self.deadlines_box = fresh

    def _kelengkapan_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Kelengkapan"))
        if not self.step.kelengkapan:
            layout = QVBoxLayout(box)
            layout.addWidget(_wrapped(self.tr("Tidak ada kelengkapan untuk kegiatan ini."), f"color: {GREY}"))
            return box
        grid = QGridLayout(box)
        grid.setColumnStretch(0, 1)
        grid.addWidget(_wrapped(self.tr("Centang yang tersedia; lampirkan pindaiannya bila ada."),
                                f"color: {GREY}"), 0, 0, 1, 2)
        for row, name in enumerate(self.step.kelengkapan, start=1):
            check = QCheckBox(name)
            check.setObjectName(f"kelengkapan_{row}")
            slot = FileSlot(name)
            slot.setObjectName(f"kelengkapanFile_{row}")
            slot.changed.connect(lambda check=check, slot=slot: self._file_chosen(check, slot))
            grid.addWidget(check, row, 0, Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(slot, row, 1)
            self.kelengkapan_rows[name] = KelengkapanRow(name, check, slot)
        return box

    @staticmethod
    def _file_chosen(check: QCheckBox, slot: FileSlot) -> None:
        if slot.path is not None:  # a scan of an item means the item is at hand
            check.setChecked(True)

    def _output_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Output"))
        if not self.step.output:
            layout = QVBoxLayout(box)
            layout.addWidget(_wrapped(self.tr("Kegiatan ini tidak menghasilkan dokumen."), f"color: {GREY}"))
            return box
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        row = 0
        for index, name in enumerate(self.step.output, start=1):
            if index > 1:
                line = QFrame()
                line.setFrameShape(QFrame.Shape.HLine)
                line.setFrameShadow(QFrame.Shadow.Sunken)
                grid.addWidget(line, row, 0, 1, 4)
                row += 1
            title = _wrapped(self.tr("{index}. {name}").format(index=index, name=name), "font-weight: bold")
            grid.addWidget(title, row, 0, 1, 4)
            row += 1
            number = QLineEdit()
            number.setObjectName(f"outputNumber_{index}")
            number.setPlaceholderText(self.tr("mis. 123/PP.01-SD/5371/2026"))
            number.setMaxLength(200)
            number_label = QLabel(self.tr("Nomor dokumen"))
            number_label.setBuddy(number)
            date_check = QCheckBox(self.tr("Tanggal"))
            date_check.setObjectName(f"outputDateSet_{index}")
            date_check.setToolTip(self.tr("Centang untuk mengisi tanggal dokumen"))
            date_edit = DateField()
            date_edit.setObjectName(f"outputDate_{index}")
            date_edit.setDisplayFormat("dd-MM-yyyy")
            date_edit.setCalendarPopup(True)
            date_edit.setMinimumDate(EMPTY_DATE)
            date_edit.setSpecialValueText(self.tr("kosong"))
            date_edit.setMinimumWidth(120)
            date_check.toggled.connect(lambda on, edit=date_edit: self._date_toggled(edit, on))
            self._date_toggled(date_edit, False)
            dates = QHBoxLayout()
            dates.addWidget(date_check)
            dates.addWidget(date_edit)
            grid.addWidget(number_label, row, 0)
            grid.addWidget(number, row, 1)
            grid.addLayout(dates, row, 2)
            row += 1
            slot = FileSlot(name)
            slot.setObjectName(f"outputFile_{index}")
            grid.addWidget(QLabel(self.tr("Berkas")), row, 0)
            grid.addWidget(slot, row, 1, 1, 3, Qt.AlignmentFlag.AlignLeft)
            row += 1
            self.output_rows[name] = OutputRow(name, number, date_check, date_edit, slot)
        return box

    def _date_toggled(self, edit: QDateEdit, on: bool) -> None:
        edit.setEnabled(on)
        if not on:
            edit.setDate(EMPTY_DATE)  # shows "kosong"
        elif edit.date() == EMPTY_DATE:
            edit.setDate(QDate(self.ws.calendar.local(self.ws.clock()).date()))

    def _decision_box(self) -> QGroupBox:
        keputusan = self.step.keputusan
        box = QGroupBox(self.tr("Keputusan"))
        box.setObjectName("decisionBox")
        layout = QVBoxLayout(box)
        layout.addWidget(_wrapped(keputusan.pertanyaan, "font-weight: bold", selectable=True))
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row, pilihan in enumerate(keputusan.pilihan):
            button = QRadioButton(pilihan.label)
            button.setObjectName(f"choice_{row + 1}")
            self.choice_group.addButton(button, row)
            self.choice_buttons[pilihan.label] = button
            if pilihan.lanjut == END:
                where = self.tr("→ kasus selesai")
            else:
                where = self.tr("→ lanjut ke kegiatan {no}: {text}").format(
                    no=pilihan.lanjut, text=self.sop.step(pilihan.lanjut).kegiatan)
            if pilihan.rahasia:  # issue #13: said before it is chosen, not found out afterwards
                where += self.tr("; kasus menjadi rahasia (perihalnya disembunyikan dari peran di luar alurnya)")
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            route = _wrapped(where, f"color: {GREY}")
            route.setObjectName(f"choiceRoute_{row + 1}")
            grid.addWidget(route, row, 1)
        layout.addLayout(grid)
        self.choice_error = error_label("choiceError")
        layout.addWidget(self.choice_error)
        self.choice_group.buttonToggled.connect(lambda *_: self.choice_error.hide())
        return box

    def _wait_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Menunggu"))
        layout = QVBoxLayout(box)
        label = _wrapped(self.tr("Menunggu: {event} — catat peristiwanya").format(event=self.step.menunggu),
                         "font-weight: bold")
        label.setObjectName("waitLabel")
        layout.addWidget(label)
        layout.addWidget(_wrapped(self.tr("Kegiatan ini selesai ketika peristiwa yang ditunggu terjadi: tulis "
                                          "di Catatan apa yang terjadi dan kapan, atau isi Output-nya."),
                                  f"color: {GREY}"))
        return box

    def _note_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Catatan"))
        layout = QVBoxLayout(box)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMinimumHeight(90)
        self.note_edit.setPlaceholderText(self.tr("Catatan untuk kegiatan ini (boleh kosong)")
                                          if not self.step.menunggu else
                                          self.tr("Peristiwa yang ditunggu: apa, kapan, nomor putusan …"))
        layout.addWidget(self.note_edit)
        self.note_error = error_label("noteError")
        layout.addWidget(self.note_error)
        self.note_edit.textChanged.connect(self.note_error.hide)
        return box

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.return_button = QPushButton(self.tr("Kembalikan…"))
        self.draft_button = QPushButton(self.tr("Simpan draf"))
        self.cancel_button = QPushButton(self.tr("Batal") if self.step else self.tr("Tutup"))
        self.finish_button = QPushButton(self.tr("Selesai"))
        for button in (self.return_button, self.draft_button, self.cancel_button, self.finish_button):
            button.setAutoDefault(False)  # Enter in a field must not complete the step
        self.return_button.setToolTip(self.tr("Kembalikan kasus ke kegiatan yang sudah dilalui, dengan alasan"))
        self.draft_button.setToolTip(self.tr("Simpan isian untuk dilanjutkan nanti"))
        self.finish_button.setToolTip(self.tr("Selesaikan kegiatan ini dan teruskan kasus (Ctrl+Enter)"))
        self.finish_button.setStyleSheet("font-weight: bold")
        self.status_label = _wrapped(style=f"color: {GREY}")
        self.status_label.setObjectName("statusLabel")
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self.return_button)
        row.addWidget(self.draft_button)
        row.addWidget(self.status_label, 1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.finish_button)
        self.cancel_button.clicked.connect(self.reject)
        if self.step is None:
            for button in (self.return_button, self.draft_button, self.finish_button):
                button.hide()
            return row
        self.return_button.clicked.connect(self.return_step)
        self.draft_button.clicked.connect(self.save_draft)
        self.finish_button.clicked.connect(self.finish)
        if not self._visited_steps():
            self.return_button.setEnabled(False)
            self.return_button.setToolTip(self.tr("Belum ada kegiatan yang dilalui untuk tujuan pengembalian"))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.finish)
        return row

    # --- reading and filling the form ------------------------------------------------------
    def form_data(self) -> StepInput:
        """What the form holds now, as the engine takes it."""
        checked = self.choice_group.checkedButton()
        return StepInput(
            present=[r.name for r in self.kelengkapan_rows.values() if r.check.isChecked()],
            files={r.name: r.file.path for r in self.kelengkapan_rows.values() if r.file.path},
            kept={r.name: r.file.kept for r in self.kelengkapan_rows.values() if r.file.kept},
            outputs={name: value for name, row in self.output_rows.items() if (value := row.value())},
            choice=checked.text() if checked else None,
            note=(self.note_edit.toPlainText().strip() or None) if self.note_edit else None,
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
        for name, row in self.output_rows.items():
            value = data.outputs.get(name) or OutputValue()
            row.number.setText(value.number or "")
            row.date_check.setChecked(value.date is not None)
            if value.date is not None:
                row.date.setDate(QDate(value.date))
            if value.file is not None:
                row.file.set_path(value.file)
            else:
                row.file.set_kept(value.kept)
        if data.choice in self.choice_buttons:
            self.choice_buttons[data.choice].setChecked(True)
        if self.note_edit is not None:
            self.note_edit.setPlainText(data.note or "")

    def _restore_draft(self) -> None:
        """A draft of this visit first; else, for a returned step, its last visit's values."""
        draft = drafts.load_draft(self.ws, self.case_number)
        if draft is not None:
            self.fill(draft)
            self.status_label.setText(self.tr("Draf yang tersimpan dipulihkan."))
            return
        last = revisits.last_visit_of(self.ws, self.case_number, self.step.no) if self.returned else None
        if last is not None:
            self.fill(last.data)
            self.status_label.setText(self.tr("Isian kunjungan sebelumnya ({when}) dimuat; periksa lalu "
                                              "selesaikan.").format(when=waktu_lokal(last.completed_at,
                                                                                     self.ws.calendar.tz)))

    # --- the form kept on this PC while the server was unreachable ------------------------------
    def _offer_local_draft(self) -> None:
        """A form kept on this PC (the server was unreachable) is offered above the fields."""
        kept = local_drafts.load(self.ws.data_dir, self.case_number, self.step.no, self.ctx.actor.username)
        if kept is None:
            return
        local = self.ws.calendar.local(kept.saved_at)
        bar = QFrame()
        bar.setObjectName("localDraftBar")
        bar.setStyleSheet("QFrame#localDraftBar { background: #fff4ce; border: 1px solid #c9a400; }")
        row = QHBoxLayout(bar)
        row.addWidget(_wrapped(self.tr("Isian yang disimpan di PC ini saat server basis data tidak terjangkau "
                                       "(pukul {time} {zone}) masih ada.").format(
            time=local.strftime("%H:%M"), zone=local.tzname())), 1)
        use = QPushButton(self.tr("Pakai isian itu"))
        drop = QPushButton(self.tr("Buang"))
        for button in (use, drop):
            button.setAutoDefault(False)
            row.addWidget(button)

        def use_it() -> None:
            self.fill(kept.data)
            bar.hide()
            self.status_label.setText(self.tr("Isian dari PC ini dimuat; periksa lalu selesaikan."))

        def drop_it() -> None:
            local_drafts.discard(self.ws.data_dir, self.case_number, self.step.no, self.ctx.actor.username)
            bar.hide()

        use.clicked.connect(use_it)
        drop.clicked.connect(drop_it)
        self.local_draft_bar = bar
        self.body_layout.insertWidget(1, bar)

    def _keep_locally(self) -> None:
        try:
            local_drafts.save(self.ws.data_dir, self.case_number, self.step.no, self.ctx.actor.username,
                              self.form_data(), self.ws.clock())
        except OSError as exc:
            self.status_label.setText(self.tr("Server basis data tidak terjangkau, dan isian tidak dapat disimpan "
                                              "di PC ini ({error}); jangan tutup formulir ini.").format(error=exc))
        else:
            self.status_label.setText(self.tr("Server basis data tidak terjangkau; isian disimpan di PC ini dan "
                                              "ditawarkan lagi saat formulir ini dibuka."))
        self.status_label.setStyleSheet(f"color: {RED}")

    def _act(self, action, *args, **kwargs):  # noqa: ANN001, ANN202
        """run_action, but with the server unreachable the form is first kept on this PC."""
        try:
            return True, action(*args, **kwargs)
        except StoreUnreachable as exc:
            self._keep_locally()
            show_error(self, exc)
            return False, None
        except Exception as exc:  # noqa: BLE001 - shown to the user, bugs logged
            show_error(self, exc)
            return False, None

    def _visited_steps(self) -> list[tuple[int, str]]:
        done = sorted({i["step"] for i in self.detail["items"] if i["status"] == "done"})
        return [(no, self.sop.step(no).kegiatan) for no in done]

    # --- actions --------------------------------------------------------------------------
    def _validate(self, data: StepInput) -> bool:
        """The checks the form can make before asking the engine; shows the message inline."""
        self.note_error.hide()
        if self.step.keputusan is not None and self.next_lane is None:  # a joint step's earlier lane: no choice
            self.choice_error.hide()
            if not data.choice:
                labels = " / ".join(p.label for p in self.step.keputusan.pilihan)
                self.choice_error.setText(self.tr("Pilih salah satu jawaban: {labels}.").format(labels=labels))
                self.choice_error.show()
                self.scroll.ensureWidgetVisible(self.choice_error)
                next(iter(self.choice_buttons.values())).setFocus()
                return False
        if self.step.menunggu and not data.note and not data.outputs:
            self.note_error.setText(self.tr("Catat peristiwa yang ditunggu ({event}) di Catatan, atau isi "
                                            "Output-nya.").format(event=self.step.menunggu))
            self.note_error.show()
            self.scroll.ensureWidgetVisible(self.note_error)
            self.note_edit.setFocus()
            return False
        return True

    def finish(self) -> None:
        """Selesai: validate, then complete the step through the engine."""
        data = self.form_data()
        if not self._validate(data):
            return
        ok, result = self._act(cases.complete, self.ws, self.ctx.actor, self.case_number, data,
                                step=self.step.no)
        if not ok:
            return  # the refusal was shown; everything typed stays
        self.completed = result
        local_drafts.discard(self.ws.data_dir, self.case_number, self.step.no, self.ctx.actor.username)
        self.ctx.data_changed.emit()
        if result.warnings:
            QMessageBox.information(self, self.tr("Kegiatan diselesaikan"),
                                    self.tr("Kegiatan diselesaikan dengan catatan:\n{warnings}").format(
                                        warnings="\n".join(result.warnings)))
        self.accept()

    def save_draft(self) -> None:
        ok, _ = self._act(drafts.save_draft, self.ws, self.ctx.actor, self.case_number,
                           self.form_data(), step=self.step.no)
        if ok:
            local: datetime = self.ws.calendar.local(self.ws.clock())
            self.status_label.setText(self.tr("Draf disimpan pukul {time} {zone}.").format(
                time=local.strftime("%H:%M"), zone=local.tzname()))
            self.ctx.data_changed.emit()

    def ask_return(self) -> tuple[int, str] | None:
        """The step to return to and the reason, from a small dialog (None if cancelled)."""
        steps = self._visited_steps()
        done = [i for i in self.detail["items"] if i["status"] == "done"]
        dialog = ReturnDialog(steps, done[-1]["step"] if done else None, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.selected_step(), dialog.reason()

    def return_step(self) -> None:
        """Kembalikan…: send the case back to an earlier step with a reason."""
        answer = self.ask_return()
        if answer is None:
            return
        to_step, reason = answer
        ok, _ = self._act(cases.return_to, self.ws, self.ctx.actor, self.case_number, to_step, reason)
        if ok:
            self.returned_to = to_step
            self.ctx.data_changed.emit()
            self.accept()

