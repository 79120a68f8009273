"""The administrator's account dialogs of Pengaturan: Tambah pengguna, Atur ulang kata sandi and
Ubah peran.
Both end in a new password typed twice, refused under the fields when the two differ (a typo
made a password nobody knew, found only at the next login); PasswordDialog is that part, the
two dialogs add what else they ask. Out of settings_page.py, which was near its size limit.

The shared texts keep the context "AddUserDialog" they had (their translations stay)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sopdesk.engine import accounts
from sopdesk.engine.users import check_password, check_username
from sopdesk.errors import UserError
from sopdesk.gui.context import GuiContext
from sopdesk.gui.messages import ERROR_STYLE
from sopdesk.gui.operation import Operation, show_failure

translate = QCoreApplication.translate


class PasswordDialog(QDialog):
    """A form (`self.form`, the subclass fills it, calling `password_rows`, then `lay_out`), the
    refusal line under it, and the two buttons. OK checks the password typed twice, then runs
    the engine's command that the subclass's `change(password)` gives, reading its other fields."""

    change: Callable[[str], Callable[[], object]]  # the new password -> the engine's command to run

    def __init__(self, ctx: GuiContext, title: str, accept_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setMinimumWidth(400)  # at its size hint the password fields showed about 12 dots (Xvfb)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()  # typed twice, as at the first start: a typo is not the new password
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.form = QFormLayout()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(accept_text)  # says what it does, not "OK"
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("AddUserDialog", "Batal"))
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

    def lay_out(self) -> None:
        """The form, the refusal line and the buttons, in that order; called once the subclass
        has filled the form. Laid out earlier, the buttons came first in the Tab order and had
        the keyboard as the dialog opened: typing went nowhere (Xvfb)."""
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def password_rows(self, label: str) -> None:
        self.form.addRow(label, self.password)
        self.form.addRow(translate("AddUserDialog", "Ulangi kata sandi*"), self.repeat)

    def typed_twice(self) -> str | None:
        """The new password; None when the second differs, said under the fields with the second
        selected for typing again (nothing is changed)."""
        if self.password.text() != self.repeat.text():
            self.error.setText(translate("AddUserDialog", "Kedua kata sandi tidak sama."))
            self.repeat.setFocus()
            self.repeat.selectAll()
            return None
        return self.password.text()

    def _submit(self) -> None:
        """OK: nothing changes unless both passwords agree; the engine's refusal (a short
        password...) is shown under the fields."""
        password = self.typed_twice()
        if password is None:
            return
        Operation(self, self.ctx, self.change(password)).inline(self.error).disabling(self.buttons).quiet() \
            .success(lambda _: self.accept()).failure(self._refused).run()

    def _refused(self, exc: BaseException) -> None:
        """The refusal under the fields and the cursor in the field it is about (the engine's
        refusals name none): after "Kata sandi terlalu mudah ditebak" the keyboard stayed in the
        role list, and Shift+Tab typed the new password into Nama lengkap (Xvfb, h3)."""
        show_failure(self, exc, self.error)
        wrong = self.wrong_field()
        if wrong is not None and self.error.isVisible():
            wrong.setFocus()
            if isinstance(wrong, QLineEdit):
                wrong.selectAll()

    def wrong_field(self) -> QWidget | None:
        """The field a refusal is about, checked in the engine's order."""
        try:
            check_password(self.password.text())
        except UserError:
            return self.password
        return None


class AddUserDialog(PasswordDialog):
    """A small form: username, full name, password, roles."""

    def __init__(self, ctx: GuiContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Tambah pengguna"), self.tr("Tambah"), parent)
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.roles = role_list(sorted(ctx.ws.catalog.roles), set())
        self.form.addRow(self.tr("Nama pengguna*"), self.username)
        self.form.addRow(self.tr("Nama lengkap"), self.full_name)
        self.password_rows(self.tr("Kata sandi*"))
        self.form.addRow(self.tr("Peran*"), self.roles)
        self.lay_out()

    def wrong_field(self) -> QWidget | None:
        try:
            check_username(self.username.text())
        except UserError:
            return self.username
        wrong = super().wrong_field()
        if wrong is None and not any(self.roles.item(i).checkState() == Qt.CheckState.Checked
                                     for i in range(self.roles.count())):
            return self.roles
        return wrong

    def change(self, password: str) -> Callable[[], object]:
        roles = checked_roles(self.roles)
        ws, actor = self.ctx.ws, self.ctx.actor
        username, full_name = self.username.text(), self.full_name.text() or None
        # the page reloads its own list when the dialog is accepted; no other screen lists accounts
        return lambda: accounts.add_user(ws, actor, username, password, roles, full_name=full_name)


class ResetPasswordDialog(PasswordDialog):
    """Atur ulang kata sandi of one account: the new password, twice."""

    def __init__(self, ctx: GuiContext, username: str, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Atur ulang kata sandi"), self.tr("Ganti kata sandi"), parent)
        self.username = username
        self.form.addRow(self.tr("Pengguna"), QLabel(username))
        self.password_rows(self.tr("Kata sandi baru*"))
        self.lay_out()

    def change(self, password: str) -> Callable[[], object]:
        ws, actor, name = self.ctx.ws, self.ctx.actor, self.username
        return lambda: accounts.reset_password(ws, actor, name, password)


def role_list(roles: list[str], checked: set[str]) -> QListWidget:
    """The catalog's roles, each with a check box (`checked` ticked)."""
    widget = QListWidget()
    for role in roles:
        item = QListWidgetItem(role)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if role in checked else Qt.CheckState.Unchecked)
        widget.addItem(item)
    return widget


def checked_roles(widget: QListWidget) -> list[str]:
    items = (widget.item(i) for i in range(widget.count()))
    return [item.text() for item in items if item is not None and item.checkState() == Qt.CheckState.Checked]


class RolesDialog(QDialog):
    """Ubah peran… of one account: its roles ticked; Simpan gives it the ones ticked.

    Before it, the roles chosen in Tambah pengguna could not be changed on the desktop: a Kasubag
    who also took over the Staf's lane, or a help desk moved to the Sekretariat, needed a new
    account (Xvfb, h3)."""

    def __init__(self, ctx: GuiContext, username: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.username = username
        self.setWindowTitle(self.tr("Ubah peran {0}").format(username))
        self.setMinimumWidth(400)
        held = next((set(u.roles) for u in accounts.list_users(ctx.ws) if u.username == username), set())
        self.roles = role_list(sorted(ctx.ws.catalog.roles | held), held)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Pengguna"), QLabel(username))
        form.addRow(self.tr("Peran*"), self.roles)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Simpan peran"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("AddUserDialog", "Batal"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.roles.setFocus()

    def _submit(self) -> None:
        ws, actor, name, roles = self.ctx.ws, self.ctx.actor, self.username, checked_roles(self.roles)
        Operation(self, self.ctx, lambda: accounts.set_roles(ws, actor, name, roles)).inline(self.error) \
            .disabling(self.buttons).success(lambda _: self.accept()).run()
