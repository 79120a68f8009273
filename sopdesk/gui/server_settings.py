"""Pengaturan > Server basis data: point this desk at the office's PostgreSQL server, or back to
the SQLite file of this PC. The same service as `sopdesk connect` (`engine.desk_connection`):
the connection is tried (on the worker: a server that does not answer takes seconds) before it
is stored for this PC; the password goes to the 0600 password file, never into the address.
The new database is used from the next start of sopdesk."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sopdesk.engine import desk_connection
from sopdesk.errors import UserError
from sopdesk.gui.messages import error_label, show_error
from sopdesk.gui.worker import Worker

EXAMPLE_URL = "postgresql+psycopg://sopdesk@server/sopdesk"
# a server's name or IP address, with a port or not: what an administrator types first
BARE_HOST = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?$")


def server_url(typed: str) -> str:
    """The database address for what was typed: a whole address as it is; a bare server name or
    IP address ("192.168.1.10", "server-kpu:5433") as the office server's usual database, that of
    README (user sopdesk, database sopdesk). On Xvfb an administrator typed the server's IP and
    read only "Alamat basis data tidak sah"."""
    text = typed.strip()
    if BARE_HOST.match(text):
        return f"postgresql+psycopg://sopdesk@{text}/sopdesk"
    return text


class ServerBox(QGroupBox):
    def __init__(self, worker, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.setTitle(self.tr("Server basis data"))
        self.setObjectName("serverBox")
        self.worker = worker
        self.current = QLabel()
        self.current.setObjectName("serverCurrent")
        self.current.setWordWrap(True)
        self.url = QLineEdit()
        self.url.setObjectName("serverUrl")
        self.url.setPlaceholderText(self.tr("IP server (mis. 192.168.1.10) atau {0}").format(EXAMPLE_URL))
        self.password = QLineEdit()
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.save_button = QPushButton(self.tr("Uji dan simpan"))
        self.save_button.clicked.connect(self.save)
        self.local_button = QPushButton(self.tr("Pakai berkas di PC ini"))
        self.local_button.clicked.connect(self.use_local)
        self.error = error_label("serverError")
        self.note = QLabel(self.tr("Untuk beberapa meja: alamat server PostgreSQL kantor, tanpa kata sandi "
                                   "(kata sandi diisi di bawah dan disimpan terpisah, hanya untuk pengguna "
                                   "PC ini). Berlaku setelah sopdesk dibuka ulang."))
        self.note.setObjectName("serverNote")
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Alamat server"), self.url)
        form.addRow(self.tr("Kata sandi basis data"), self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.local_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.note)
        self._show_current()

    def _show_current(self) -> None:
        try:
            now = desk_connection.current()
        except UserError as exc:
            self.current.setText(str(exc))
            return
        self.current.setText(self.tr("Meja ini memakai: {0}").format(
            now.url or self.tr("berkas SQLite di PC ini")))

    def save(self) -> None:
        url = server_url(self.url.text())
        self.error.hide()
        if not url:
            self.error.setText(self.tr("Isi alamat server, mis. 192.168.1.10 atau {0}").format(EXAMPLE_URL))
            self.error.show()
            self.url.setFocus()
            return
        if url != self.url.text().strip():
            self.url.setText(url)  # the address really tried, and stored when it answers
        password = self.password.text() or None
        self.save_button.setEnabled(False)
        self.note.setText(self.tr("Mencoba koneksi ke server…"))

        def done(now) -> None:  # noqa: ANN001
            self.save_button.setEnabled(True)
            self.password.clear()
            self._show_current()
            self.note.setText(self.tr("Tersimpan untuk PC ini: {0}. Berlaku setelah sopdesk dibuka ulang.").format(
                now.url))

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.note.setText("")
            if isinstance(exc, UserError):  # StoreUnreachable too: about the server being tried
                text = str(exc)
                if "tidak sah" in text:  # what the address should look like, not only that it is wrong
                    text = self.tr("{0}. Tulis IP server (mis. 192.168.1.10) atau alamat lengkap seperti "
                                   "{1}").format(text, EXAMPLE_URL)
                self.error.setText(text)
                self.error.show()
                self.url.setFocus()
            else:
                show_error(self, exc)

        self.worker.submit(lambda: desk_connection.connect(url, password), done, failed)

    def use_local(self) -> None:
        self.error.hide()
        try:
            desk_connection.disconnect()
        except OSError as exc:
            show_error(self, exc)
            return
        self._show_current()
        self.note.setText(self.tr("Meja ini memakai berkas SQLite di PC ini setelah sopdesk dibuka ulang."))


class ServerDialog(QDialog):
    """The same box from the first-start set-up: a new desk of an office that already works on
    a server is pointed at it instead of setting up a second office."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Server basis data kantor"))
        self.worker = Worker(self)
        self.box = ServerBox(self.worker)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(close)
        # tall enough for its wrapped note at that width: resize(560, 0) took the least height,
        # which is the least at a narrower width (Xvfb: the fields squashed, the note cut)
        self.resize(560, self.heightForWidth(560))

    def done(self, result: int) -> None:
        self.worker.stop()
        super().done(result)
