"""The help desk's registration form (buku tamu + PPID Form Model B): the fields (their rows
and inline errors: `field_rows`; which fields, in what order: `visitor_fields`), the status line,
and saving through the engine (engine.visitors). Keyboard: Enter in a single-line field or a
choice list saves (Ctrl+Enter in the multi-line fields); Enter on a button presses it. The
returning-visitor lookup (`lookup`) is attached to Nama, Nomor identitas and Telepon/HP; a
picked person fills the identity fields. The texts keep the translation context "HelpDeskPage"
of the page this form was part of."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sopdesk.catalog.registry import PLAIN_PURPOSES
from sopdesk.engine import queries, visitors
from sopdesk.engine.visitor_form import DELIVERY_METHODS, OBTAIN_METHODS, VisitorForm, validate
from sopdesk.engine.visitor_lookup import IDENTITY_FIELDS, MASKED_FIELDS
from sopdesk.errors import FieldError
from sopdesk.gui.context import GuiContext
from sopdesk.gui.enter_presses import ENTER_KEYS
from sopdesk.gui.helpdesk.field_rows import Field, FieldRows
from sopdesk.gui.helpdesk.lookup import ReturningVisitorLookup
from sopdesk.gui.helpdesk.style import restyle
from sopdesk.gui.helpdesk.visitor_fields import (
    FIELD_ORDER,
    INFO_FIELDS,
    LOOKUP_FIELDS,
    OBTAIN_CHOICES,
    other_field_errors,
)
from sopdesk.gui.messages import show_error
from sopdesk.gui.operation import Operation

__all__ = ["Field", "RegistrationForm"]

log = logging.getLogger("sopdesk.gui")
translate = QCoreApplication.translate  # the texts keep their context "HelpDeskPage"

# the ways of leaving a line for another field (not the window losing the focus)
LEFT_FOR_ANOTHER_FIELD = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
    Qt.FocusReason.MouseFocusReason,
)


class RegistrationForm(QScrollArea):
    """The form (in its own scroll area, the page's left side). Signal: `registered(visitor_id,
    case_number)` after a registration (the case number is "" when no case was started), after
    the operation announced the change (`ctx.data_changed`)."""

    registered = Signal(int, str)

    def __init__(self, ctx: GuiContext, lookup: ReturningVisitorLookup, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.lookup = lookup
        self.rows = FieldRows(self)
        self.fields = self.rows.fields
        self.errors = self.rows.errors
        self._build()
        for field in self.fields.values():
            field.installEventFilter(self)  # Enter saves; a line left shows its start
        self.rows.error_cleared.connect(self._error_cleared)
        for key in LOOKUP_FIELDS:
            lookup.attach(self.line(key))
        lookup.picked.connect(self._fill_identity)
        self.verticalScrollBar().valueChanged.connect(lookup.hide_list)
        self.purpose_combo().currentIndexChanged.connect(self._purpose_changed)
        self._purpose_changed()

    def line(self, key: str) -> QLineEdit:
        field = self.fields[key]
        assert isinstance(field, QLineEdit), key
        return field

    def purpose_combo(self) -> QComboBox:
        field = self.fields["purpose"]
        assert isinstance(field, QComboBox)
        return field

    def focus_first_field(self) -> None:
        name = self.line("name")
        name.setFocus(Qt.FocusReason.ShortcutFocusReason)
        name.selectAll()

    def tab_chain(self) -> list[QWidget]:
        """The form's widgets in Tab order: the fields top to bottom, then the two buttons."""
        return [*(self.fields[k] for k in FIELD_ORDER), self.save_button, self.clear_button]

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        form_widget = QWidget()
        form_widget.setObjectName("registrationForm")
        outer = QVBoxLayout(form_widget)
        outer.setContentsMargins(4, 4, 12, 4)
        title = QLabel(translate("HelpDeskPage", "Pendaftaran tamu / pemohon informasi"))
        title.setObjectName("sectionTitle")
        outer.addWidget(title)
        self._add_identity_rows()
        self._add_request_rows()
        outer.addLayout(self.rows.layout)
        outer.addLayout(self._buttons())
        outer.addWidget(self._status_line())
        hint = QLabel(translate(
            "HelpDeskPage",
            "* wajib diisi. Enter menyimpan (Ctrl+Enter di kolom uraian); saat mengetik nama, NIK "
            "atau telepon, tamu lama ditawarkan: ↓\u00a0memilih, Enter mengisi, Esc menutup."))
        hint.setObjectName("hint")  # the no-break space keeps the arrow with its word
        hint.setWordWrap(True)
        outer.addWidget(hint)
        outer.addStretch(1)

        self.setObjectName("formScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(form_widget)
        self.setMinimumWidth(400)  # with the visitor list beside it, the page fits 1024x768

    def _add_identity_rows(self) -> None:
        """Who the visitor is, and why they came (the buku tamu's columns)."""
        rows = self.rows
        rows.add_line("name", translate("HelpDeskPage", "&Nama *"),
                      translate("HelpDeskPage", "Nama lengkap sesuai identitas"))
        # the placeholder is short enough to show whole at 1024x768
        rows.add_line("id_number", translate("HelpDeskPage", "Nomor &identitas (NIK)"),
                      translate("HelpDeskPage", "NIK 16 angka, atau no. paspor"))
        rows.add_line("institution", translate("HelpDeskPage", "Ins&tansi/Lembaga"))
        rows.add_line("occupation", translate("HelpDeskPage", "&Pekerjaan"))
        rows.add_line("address", translate("HelpDeskPage", "&Alamat"))
        rows.add_line("phone", translate("HelpDeskPage", "Telepon/&HP"),
                      translate("HelpDeskPage", "contoh: 0812 3456 7890"))
        rows.add_line("email", translate("HelpDeskPage", "&E-mail"),
                      translate("HelpDeskPage", "contoh: nama@contoh.id"))
        # the purposes that start a case come from the installed catalog (issue #13)
        rows.add_combo("purpose", translate("HelpDeskPage", "&Keperluan *"), visitors.purposes(self.ctx.ws),
                       translate("HelpDeskPage", "Pilih keperluan…"))
        rows.add_text("purpose_text", translate("HelpDeskPage", "&Uraian keperluan"), 2)

    def _add_request_rows(self) -> None:
        """The information request's own fields (PPID Form Model B), shown for a purpose that
        starts a case."""
        rows = self.rows
        not_chosen = translate("HelpDeskPage", "— belum dipilih —")
        rows.add_text("info_requested", translate("HelpDeskPage", "&Rincian informasi yang dibutuhkan *"), 3)
        directed_to = rows.add_combo(
            "directed_to", translate("HelpDeskPage", "&Diarahkan kepada"),
            {target: target for target in visitors.direction_targets(self.ctx.ws)},
            none_label=not_chosen, translate_labels=False)
        directed_to.setToolTip(translate(
            "HelpDeskPage",
            "Pemohon diarahkan kepada Ketua, Sekretaris atau divisi yang dituju (kegiatan 2 SOP "
            "Pelayanan Publik, dicatat selesai bersama registrasi)"))
        rows.add_text("info_use", translate("HelpDeskPage", "Tu&juan penggunaan informasi"), 2)
        rows.add_combo("obtain_method", translate("HelpDeskPage", "Cara &memperoleh informasi"), OBTAIN_CHOICES,
                       none_label=not_chosen, tooltips=OBTAIN_METHODS)
        rows.add_combo("delivery_method", translate("HelpDeskPage", "Cara mendapatkan &salinan"),
                       DELIVERY_METHODS, none_label=not_chosen)

    def _buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        self.save_button = QPushButton(translate("HelpDeskPage", "Simpan (Enter)"))
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self.save)
        self.clear_button = QPushButton(translate("HelpDeskPage", "K&osongkan formulir"))
        self.clear_button.clicked.connect(self._clear_clicked)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        return buttons

    def _status_line(self) -> QLabel:
        """The line under the buttons: what was done (green) or what went wrong (red)."""
        self.status = QLabel()
        self.status.setObjectName("statusLine")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setMargin(4)
        self.status.hide()
        return self.status

    # --- the form's values ------------------------------------------------------------------

    def form(self) -> VisitorForm:
        """What the form holds now, as the engine takes it (information-request fields only
        for an information request)."""
        values: dict[str, Any] = {key: self.value(key) for key in self.fields}
        if values["purpose"] in PLAIN_PURPOSES or not values["purpose"]:  # no case: no request fields
            values.update(dict.fromkeys(INFO_FIELDS))
        values["purpose"] = values["purpose"] or ""
        return VisitorForm(**values)

    def value(self, key: str) -> str | None:
        """What one field holds (a choice list: the chosen code, None when none is)."""
        field = self.fields[key]
        if isinstance(field, QComboBox):
            data: str | None = field.currentData()
            return data
        if isinstance(field, QPlainTextEdit):
            return field.toPlainText()
        return field.text()

    def clear_form(self) -> None:
        """Empty every field and error; the purpose goes back to "not chosen"."""
        self.lookup.hide_list()
        for field in self.fields.values():
            if isinstance(field, QComboBox):
                field.setCurrentIndex(-1 if field.placeholderText() else 0)
            else:
                field.clear()
        self._clear_errors()

    def _clear_clicked(self) -> None:
        self.clear_form()
        self.set_status(None)
        self.line("name").setFocus()

    def _purpose_changed(self) -> None:
        purpose = self.purpose_combo().currentData()
        shown = bool(purpose) and purpose not in PLAIN_PURPOSES  # a front door: it starts a case
        for key in INFO_FIELDS:
            self.rows.set_row_visible(key, shown)

    def info_fields_visible(self) -> bool:
        return self.fields["info_requested"].isVisibleTo(self)

    def _fill_identity(self, match: dict[str, Any]) -> None:
        """A returning visitor picked in the lookup: their identity fields, never a masked one."""
        for key in IDENTITY_FIELDS:
            if match.get("masked") and key in MASKED_FIELDS:
                continue  # shown masked to recognise the person; never written into the form
            self.line(key).setText(match.get(key) or "")
            self.line(key).setCursorPosition(0)  # a long institution shows its start, not its end
        self._focus_from_keys(self.fields["purpose"])
        self.set_status(translate("HelpDeskPage", "Data tamu lama diisikan: periksa, lalu pilih keperluan."))

    # --- saving -----------------------------------------------------------------------------

    def save(self) -> bool:
        """Check, then register through the engine (a gui.operation: on the window's worker,
        Simpan and Kosongkan disabled meanwhile) and report. True when the visitor was recorded;
        with the window's worker, when the registration started (the status line says the rest)."""
        self.lookup.hide_list()
        self._clear_errors()
        form = self.form()
        offered = visitors.purposes(self.ctx.ws)
        try:
            data = validate(form, offered)
        except FieldError:
            self._show_field_errors(other_field_errors(form, offered))
            return False
        except Exception as exc:  # noqa: BLE001 - refusals shown to the user, bugs logged by show_error
            self._refused(exc)
            return False
        ws, actor, name = self.ctx.ws, self.ctx.actor, data["name"] or ""
        outcome: list[bool] = []

        def registered(result: tuple[int, str | None]) -> None:
            outcome.append(True)
            self._registered(name, *result)

        def refused(exc: BaseException) -> None:
            outcome.append(False)
            self._refused(exc)

        operation = Operation(self, self.ctx, lambda: visitors.register_visitor(ws, actor, form))
        operation.disabling(self.save_button, self.clear_button).success(registered).failure(refused)
        started = operation.run()
        return started and (outcome[0] if outcome else True)

    def _refused(self, exc: BaseException) -> None:
        """A wrong field is marked where it is; any other refusal (or a bug) in a dialog."""
        if isinstance(exc, FieldError):
            self._show_field_errors([exc])
            return
        self.set_status(translate("HelpDeskPage", "Tamu belum tercatat."), error=True)
        show_error(self, exc, translate("HelpDeskPage", "Tamu tidak dapat dicatat"))

    def _registered(self, name: str, visitor_id: int, number: str | None) -> None:
        """Say what the registration did (the case it started, where that case went), and
        empty the form for the next visitor."""
        if number:
            text = translate("HelpDeskPage", "Tamu {name} tercatat; kasus {case} dimulai").format(
                name=name, case=number)
            waiting = self._waiting_step(number)
            if waiting is not None:  # the registration did the desk's steps: say where the case went
                text += translate("HelpDeskPage", ", diteruskan ke kegiatan {step} ({role})").format(
                    step=waiting[0], role=waiting[1])
        else:
            text = translate("HelpDeskPage", "Tamu {name} tercatat").format(name=name)
        self.clear_form()
        self.set_status(text)
        self.line("name").setFocus()
        self.registered.emit(visitor_id, number or "")

    def _waiting_step(self, number: str) -> tuple[int, str] | None:
        """The step and role a case waits for (None if it cannot be read: only a message)."""
        try:
            items = queries.case_detail(self.ctx.ws, number, self.ctx.actor)["items"]
        except Exception:  # the registration is saved; the extra words are not worth an error
            log.exception("reading case %s after registration failed", number)
            return None
        return next(((i["step"], i["role"]) for i in items if i["status"] == "open"), None)

    def _show_field_errors(self, errors: list[FieldError]) -> None:
        """Each wrong field marked where it is; the cursor to the first of them (form order).
        The engine's own (first) error on no field of the form: in a dialog."""
        def shown(exc: FieldError) -> bool:
            return exc.field in self.fields and self.fields[exc.field].isEnabled()

        if not errors:
            return
        if not shown(errors[0]):
            show_error(self, errors[0], translate("HelpDeskPage", "Tamu tidak dapat dicatat"))
            return
        errors = [exc for exc in errors if shown(exc)]
        for exc in errors:
            message = str(exc)
            if isinstance(self.fields[exc.field], QComboBox):
                # the engine names its codes; the desk sees a list
                message = translate("HelpDeskPage",
                                    "Pilih salah satu dari daftar (ketik huruf awalnya atau tekan ↓).")
            self._set_error(exc.field, message)
        self.set_status(translate("HelpDeskPage", "Tamu belum tercatat: perbaiki isian yang ditandai merah."),
                        error=True)
        first = min((exc.field for exc in errors), key=FIELD_ORDER.index)
        self._focus_from_keys(self.fields[first])
        self.ensureWidgetVisible(self.rows.rows[first])

    def _focus_from_keys(self, field: Field) -> None:
        """For a key pressed: the focus shown as after Tab (Xvfb: a choice list had no frame),
        and a line's cursor at its end, to correct it (a shortcut focus reason would select the
        text, to be typed over)."""
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(field, QLineEdit):
            field.end(False)  # left for another field, it was shown from its start
        self.window().setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)

    def _set_error(self, key: str, message: str | None) -> None:
        self.rows.set_error(key, message)

    def _clear_errors(self) -> None:
        self.rows.clear_errors()

    def _error_cleared(self) -> None:
        """"perbaiki isian yang ditandai merah" goes once nothing is red any more."""
        if self.status.property("state") == "error" and not self.rows.any_error():
            self.set_status(None)

    def field_error(self, key: str) -> str | None:
        """The error shown next to a field, if any."""
        return self.rows.field_error(key)

    def set_status(self, text: str | None, error: bool = False) -> None:
        """The line under the buttons: what was done (green) or what went wrong (red)."""
        self.status.setText(text or "")
        self.status.setVisible(bool(text))
        self.status.setProperty("state", "error" if error else "ok")
        restyle(self.status)

    def status_text(self) -> str:
        return self.status.text() if self.status.isVisibleTo(self) else ""

    # --- keyboard ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
                and watched in self.fields.values()):
            return self._field_key(watched, event)
        if (isinstance(event, QFocusEvent) and event.type() == QEvent.Type.FocusOut
                and isinstance(watched, QLineEdit) and event.reason() in LEFT_FOR_ANOTHER_FIELD):
            # a line left for another field shows its start ("Fakultas Hukum ...", not "ukum
            # Universitas ..."); not when the window lost the focus
            watched.setCursorPosition(0)
        return super().eventFilter(watched, event)

    def _field_key(self, field: QObject, event: QKeyEvent) -> bool:
        if event.key() not in ENTER_KEYS:
            return False
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if isinstance(field, QPlainTextEdit) and not control:
            return False  # a new line
        self.save()
        return True
