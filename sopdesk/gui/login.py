"""The first-run set-up (office profile + administrator) and the login dialog.

The login dialog is the first thing a user sees: this module imports no engine module at its
top, so that the dialog shows before SQLAlchemy, the catalog and the other screens are loaded
(sopdesk.gui.start loads them while the password is typed)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sopdesk.errors import UserError
from sopdesk.gui.messages import error_label

log = logging.getLogger("sopdesk.gui")

if TYPE_CHECKING:
    from sopdesk.engine.users import Actor
    from sopdesk.engine.workspace import Workspace


def fill_timezones(combo: QComboBox) -> None:
    """The three zones, each with the regions it covers: a new administrator chooses by region,
    not by an abbreviation (the setup dialog and Pengaturan)."""
    zones = (
        ("WIB", QCoreApplication.translate(
            "SetupDialog", "WIB (UTC+7): Sumatra, Jawa, Kalimantan Barat dan Tengah")),
        ("WITA", QCoreApplication.translate(
            "SetupDialog", "WITA (UTC+8): Bali, NTB, NTT, Sulawesi, Kalimantan Selatan, Timur dan Utara")),
        ("WIT", QCoreApplication.translate("SetupDialog", "WIT (UTC+9): Maluku dan Papua")),
    )
    for code, label in zones:
        combo.addItem(label, code)


class SetupDialog(QDialog):
    """First start: the office profile (for the letterhead) and the administrator account,
    or "Coba dengan data contoh" to try the program on a separate demo office first."""

    DEMO = 2  # the dialog's result when the user chose to try the demo office
    ERROR_AT = 2  # the refusal's place in the dialog's layout when it is about no field: after intro, form

    def __init__(self, ws: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = ws
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Penyiapan sopdesk"))
        intro = QLabel(self.tr("Selamat datang. Isi profil kantor (dicetak di kop surat; zona waktunya "
                               "menentukan tenggat) dan buat akun administrator, yang nanti menambah "
                               "pengguna lain di Pengaturan. Kolom bertanda * wajib diisi. Langkah ini "
                               "hanya sekali."))
        intro.setWordWrap(True)
        self.office = QLineEdit()
        self.office.setPlaceholderText(self.tr("mis. KPU Kota Kupang"))
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("dicetak di kop surat, mis. Jl. Timor Raya No. 5, Oelamasi"))
        self.timezone = QComboBox()
        fill_timezones(self.timezone)
        self.logo = QLineEdit()
        self.logo.setPlaceholderText(self.tr("boleh kosong; gambar PNG atau JPG"))
        self.logo.setReadOnly(True)
        # shows the chosen file, takes no typing: no Tab stop (on Xvfb a Tab went into it for nothing)
        self.logo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.logo_button = pick = QPushButton(self.tr("Pilih &logo…"))
        pick.clicked.connect(self._pick_logo)
        self.logo_row = logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo)
        logo_row.addWidget(pick)
        self.admin = QLineEdit("admin")
        self.admin.setToolTip(self.tr("Nama untuk masuk ke sopdesk: huruf kecil, angka, titik, - atau _, "
                                      "diawali huruf"))
        self.full_name = QLineEdit()
        self.full_name.setPlaceholderText(self.tr("boleh kosong, mis. Yohanes Benu"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        # the rule before the first refusal, not after it (Xvfb: "12345678" was taken, "abc" refused
        # only once Siapkan was pressed)
        self.password.setPlaceholderText(self.tr("minimal 8 karakter, campuran huruf dan angka"))
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.form = form = QFormLayout()
        form.addRow(self.tr("&Nama kantor*"), self.office)
        form.addRow(self.tr("&Alamat"), self.address)
        form.addRow(self.tr("&Zona waktu*"), self.timezone)
        form.addRow(self.tr("Logo kop surat"), logo_row)
        form.addRow(self.tr("Nama &pengguna admin*"), self.admin)
        form.addRow(self.tr("Nama l&engkap"), self.full_name)
        form.addRow(self.tr("&Kata sandi*"), self.password)
        form.addRow(self.tr("&Ulangi kata sandi*"), self.repeat)
        self.error = error_label()
        for typed in (self.office, self.address, self.admin, self.full_name, self.password, self.repeat):
            typed.textChanged.connect(self.error.hide)  # Xvfb: "Nama kantor wajib diisi" under a typed name
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Siapkan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.demo_button = buttons.addButton(self.tr("Coba dengan data contoh"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.demo_button.setObjectName("tryDemo")
        self.demo_button.setToolTip(self.tr("Buka kantor contoh yang terpisah berisi kasus latihan; "
                                            "data kantor ini tidak diubah."))
        self.demo_button.clicked.connect(lambda: self.done(self.DEMO))
        self.server_button = buttons.addButton(self.tr("Server kantor…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.server_button.setObjectName("connectServer")
        self.server_button.setToolTip(self.tr("Kantor ini sudah memakai server basis data: hubungkan PC ini ke "
                                              "server itu, tanpa menyiapkan kantor baru."))
        self.server_button.clicked.connect(self._connect_server)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.cancel)
        self.outer = layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)  # a refusal about no field: right under the form (ERROR_AT)
        layout.addWidget(buttons)
        self.resize(520, 0)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)

    def typed(self) -> bool:
        """Whether anything was typed that leaving would lose."""
        return any(field.text().strip() for field in (self.office, self.address, self.full_name, self.password,
                                                      self.repeat, self.logo)) or self.admin.text() != "admin"

    def cancel(self) -> None:
        """Batal or Esc: asked first once something was typed (Xvfb, h3: one Esc too many closed the
        program and the office's name, address and both passwords were gone)."""
        if self.typed():
            # its own words on both buttons: "Batal" here (keep filling in) read like the set-up's
            # own Batal (close it)
            ask = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(),
                              self.tr("Tutup penyiapan? Yang sudah diisi tidak disimpan dan sopdesk ditutup."),
                              parent=self)
            close = ask.addButton(self.tr("Tutup penyiapan"), QMessageBox.ButtonRole.DestructiveRole)
            ask.setDefaultButton(ask.addButton(self.tr("Lanjutkan mengisi"), QMessageBox.ButtonRole.RejectRole))
            ask.exec()
            if ask.clickedButton() is not close:
                return
        self.reject()

    def _connect_server(self) -> None:
        from sopdesk.gui.server_settings import ServerDialog

        ServerDialog(self).exec()

    def _pick_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Logo kop surat"), "",
                                              self.tr("Gambar (*.png *.jpg *.jpeg)"))
        if path:
            self.logo.setText(path)

    def _submit(self) -> None:
        if self.password.text() != self.repeat.text():
            self._show(self.tr("Kedua kata sandi tidak sama."), self.repeat)
            self.repeat.setFocus()
            return
        try:
            if self.actor is None:  # not again when only the logo failed
                self.actor = self.ws.setup(self.office.text(), self.timezone.currentData(), self.admin.text(),
                                           self.password.text(), address=self.address.text().strip() or None,
                                           full_name=self.full_name.text().strip() or None)
        except UserError as exc:
            wrong = self._wrong_field()
            self._show(str(exc), wrong)
            if wrong is not None:
                wrong.setFocus()
                wrong.selectAll()
            return
        if self.logo.text():
            from sopdesk.engine import office as office_profile

            try:
                office_profile.update_profile(self.ws, self.actor, logo=self.logo.text())
            except UserError as exc:  # the office is set up; the logo can be chosen again in Pengaturan
                self._show(self.tr("{0}. Logo dapat dipilih lagi di Pengaturan.").format(exc), self.logo_button)
                self.logo.clear()
                return
        self.accept()

    def _show(self, text: str, field: QWidget | None = None) -> None:
        """The refusal in a row of its own right under the field it is about (under the form when
        it is about none): at the bottom of the form, "Nama kantor wajib diisi" stood eight rows
        below the office's name (Xvfb, h3)."""
        self._place_error(field)
        self.error.setText(text)
        self.error.show()
        # as tall as the refusal needs, no taller: a two-line refusal between two fields was cut
        # to one and a half lines (Xvfb, 1024x768); a shorter one after it left the rows spread
        self.outer.activate()
        needed = self.outer.totalHeightForWidth(self.width())
        if needed > 0:
            self.resize(self.width(), needed)

    def _place_error(self, field: QWidget | None) -> None:
        row = self._form_row(self.error)
        if row >= 0:
            self.form.takeRow(row)  # the label itself is kept
        else:
            self.outer.removeWidget(self.error)
        row = self._form_row(field) if field is not None else -1
        if row < 0:
            self.outer.insertWidget(self.ERROR_AT, self.error)
        else:
            self.form.insertRow(row + 1, self.error)

    def _form_row(self, widget: QWidget | None) -> int:
        """The form's row holding `widget` (in its field or in the field's row layout), or -1."""
        for row in range(self.form.rowCount()):
            for role in (QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole):
                item = self.form.itemAt(row, role)
                if item is None:
                    continue
                inner = item.layout()
                if item.widget() is widget or (inner is not None and widget is not None
                                               and inner.indexOf(widget) >= 0):
                    return row
        return -1

    def _wrong_field(self) -> QLineEdit | None:
        """The field a refusal of the setup is about, checked in the engine's order (its
        refusals name no field): on X the cursor stayed in "Ulangi kata sandi" under a wrong
        user name."""
        from sopdesk.engine.users import check_password, check_username  # not at the top: see above

        name = self.office.text().strip()
        if not name or len(name) > 200:
            return self.office
        for field, check in ((self.admin, check_username), (self.password, check_password)):
            try:
                check(field.text())
            except UserError:
                return field
        return None


class LoginDialog(QDialog):
    """User name and password. At start-up it shows before the office's workspace is open
    (`ws` None, the office name remembered from the last start): a click on Masuk before
    `set_workspace` signs in as soon as the workspace is there.

    When typing pauses (PAUSE_MS), Argon2 starts verifying what was typed on a thread
    (accounts.check_ahead): the person's move to Enter or Masuk then overlaps the 0.25 s of
    CPU a password check costs, and the login takes that answer if name and password are still
    exactly the same (issue #15). Nothing is shown or decided before the click: the login
    itself refuses, counts and audits a wrong password as always."""

    signed_in = Signal()  # the password was accepted; the dialog closes right after (gui.app opens the window first)

    PAUSE_MS = 200

    def __init__(self, ws: Workspace | None, office_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = ws
        self.actor: Actor | None = None
        self._waiting = False  # Masuk was clicked before the workspace was open
        self._pause = QTimer(self, singleShot=True, interval=self.PAUSE_MS)
        self._pause.timeout.connect(self._check_ahead)
        self.setWindowTitle(self.tr("Masuk — sopdesk"))
        self.heading = heading = QLabel(office_name)
        heading.setStyleSheet("font-size: 14pt; font-weight: bold")
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Nama pengguna"), self.username)
        form.addRow(self.tr("Kata sandi"), self.password)
        self.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Masuk"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Keluar"))
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        for field in (self.username, self.password):
            field.textChanged.connect(self._pause.start)
            field.textChanged.connect(self._typed_again)
        self.finished.connect(self._forget_ahead)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(380, 0)

    def set_workspace(self, ws: Workspace, office_name: str | None = None) -> None:
        """The workspace is open (and the office's name known): sign in now if Masuk was
        clicked meanwhile."""
        self.ws = ws
        if office_name:
            self.heading.setText(office_name)
        if self._waiting:
            self._waiting = False
            self.error.hide()
            self._submit()
        elif self.username.text() and self.password.text():
            self._pause.start()  # typed while the office was opening: verified ahead now

    def _typed_again(self) -> None:
        """A refusal goes once the name or password is typed again (Xvfb: "Nama pengguna atau kata
        sandi salah" stayed under the new password); "Memuat data kantor…" stays while it loads."""
        if not self._waiting:
            self.error.hide()

    def _check_ahead(self) -> None:
        """Typing paused: Argon2 on what was typed (one verification at a time: while one runs,
        asked again after the next pause). A failure only loses the head start."""
        if self.ws is None or not self.username.text() or not self.password.text():
            return
        from sopdesk.engine.accounts import check_ahead  # not at the top: see the module's docstring

        try:
            if not check_ahead(self.ws, self.username.text(), self.password.text()):
                from sopdesk import password_ahead

                if password_ahead.busy():
                    self._pause.start()
        except Exception:  # noqa: BLE001 - the login reads and says what is wrong
            log.debug("checking the password ahead failed", exc_info=True)

    @staticmethod
    def _forget_ahead() -> None:
        from sopdesk import password_ahead

        password_ahead.forget()  # no typed password kept once the dialog is closed

    def _submit(self) -> None:
        self._pause.stop()
        if self.ws is None:
            self._waiting = True
            self.error.setText(self.tr("Memuat data kantor…"))
            self.error.show()
            return
        try:
            self.actor = self.ws.login(self.username.text(), self.password.text())
        except UserError as exc:
            self.password.clear()  # before the refusal is shown: typing again hides it (_typed_again)
            self.error.setText(str(exc))
            self.error.show()
            self.password.setFocus()
            return
        self.signed_in.emit()
        self.accept()
