"""Pengaturan's Profil kantor box: the office profile printed on every letterhead, edited by
administrators through the engine, read-only for the others.

The box follows a change of the profile (GuiContext.office_changed, gui.desk_changes): an
administrator who renamed the office on one computer found the old name still in Pengaturan
on the other, and "Simpan profil kantor" there wrote the old name back over the new one. Now
fields not edited here take the stored profile; fields edited here are kept, and their save
is refused with a note beside the button until the administrator chooses: Muat ulang (the
stored profile, their edits dropped) or Simpan profil kantor once more (their edits over it).
Split from settings_page.py, which was near its size limit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from sopdesk.engine import office as office_profile
from sopdesk.errors import StoreUnreachable
from sopdesk.gui.context import GuiContext
from sopdesk.gui.login import fill_timezones
from sopdesk.gui.operation import Operation

Profile = office_profile.OfficeProfile


class OfficeBox(QGroupBox):
    """The profile: a form for administrators, labels for the others; both follow other desks."""

    def __init__(self, ctx: GuiContext, parent: QWidget | None = None):
        super().__init__(self.tr("Profil kantor"), parent)
        self.ctx = ctx
        form = QFormLayout(self)
        office = self.loaded = office_profile.profile(ctx.ws)  # what the fields show, as stored then
        self.editable = ctx.is_admin and office is not None
        self.told: Profile | None = None  # a stored profile the administrator was told differs
        if self.editable and office is not None:
            self._office_form(form, office)
        else:
            self.labels = [_wrapped(""), _wrapped(""), QLabel(), _wrapped("")]
            for title, label in zip((self.tr("Nama kantor"), self.tr("Alamat"), self.tr("Zona waktu"),
                                     self.tr("Logo kop surat")), self.labels, strict=True):
                form.addRow(title, label)
            self._show_labels(office)
        form.addRow(self.tr("Basis data"), _wrapped(ctx.ws.db.url))
        form.addRow(self.tr("Folder data"), _wrapped(str(ctx.ws.data_dir)))
        ctx.office_changed.connect(self.follow)  # only a change of the profile: no read at every other change

    def _office_form(self, form: QFormLayout, office: Profile) -> None:
        self.office_name = QLineEdit()
        self.office_name.setObjectName("officeName")
        self.office_address = QLineEdit()
        self.office_address.setObjectName("officeAddress")
        self.office_timezone = QComboBox()
        fill_timezones(self.office_timezone)
        self.office_logo = QLineEdit()
        self.office_logo.setReadOnly(True)
        self.office_logo.setPlaceholderText(self.tr("belum ada"))
        # shows the file, takes no typing: no Tab stop between Zona waktu and Pilih logo… (as in the
        # setup dialog); a long path reads whole in its tooltip
        self.office_logo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.office_logo.textChanged.connect(self.office_logo.setToolTip)
        self._new_logo: str | None = None
        self._remove_logo = False
        pick = QPushButton(self.tr("Pilih logo…"))
        pick.clicked.connect(self._pick_logo)
        remove = QPushButton(self.tr("Hapus logo"))
        remove.clicked.connect(self._clear_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.office_logo, 1)
        logo_row.addWidget(pick)
        logo_row.addWidget(remove)
        self.save_office_button = QPushButton(self.tr("Simpan profil kantor"))
        self.save_office_button.clicked.connect(self.save_office)
        self.reload_button = QPushButton(self.tr("Muat ulang"))
        self.reload_button.setObjectName("officeReload")
        self.reload_button.clicked.connect(self.reload)
        self.reload_button.hide()
        self.office_note = QLabel()
        self.office_note.setObjectName("officeNote")
        self.office_note.setWordWrap(True)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_office_button)
        save_row.addWidget(self.reload_button)
        save_row.addWidget(self.office_note, 1)
        form.addRow(self.tr("Nama kantor*"), self.office_name)
        form.addRow(self.tr("Alamat"), self.office_address)
        form.addRow(self.tr("Zona waktu*"), self.office_timezone)
        form.addRow(self.tr("Logo kop surat"), logo_row)
        form.addRow("", save_row)
        self._fill(office)

    # --- what is shown --------------------------------------------------------------------------
    def _fill(self, office: Profile) -> None:
        """The fields as `office` has them; nothing edited here any more."""
        self.loaded, self.told = office, None
        self.office_name.setText(office.name)
        self.office_address.setText(office.address or "")
        self.office_timezone.setCurrentIndex(max(0, self.office_timezone.findData(office.timezone)))
        self.office_logo.setText(str(office.logo) if office.logo else "")
        self._new_logo, self._remove_logo = None, False
        self.reload_button.hide()

    def _show_labels(self, office: Profile | None) -> None:
        self.loaded = office
        name, address, timezone, logo = self.labels
        name.setText(office.name if office else "—")
        address.setText((office.address or "—") if office else "—")
        timezone.setText(office.timezone if office else "—")
        logo.setText((office.logo.name if office.logo else self.tr("belum ada")) if office else "—")

    def edited(self) -> bool:
        """Whether the form differs from the profile it was filled with."""
        loaded = self.loaded
        if not self.editable or loaded is None:
            return False
        return (self.office_name.text() != loaded.name or self.office_address.text() != (loaded.address or "")
                or self.office_timezone.currentData() != loaded.timezone
                or self._new_logo is not None or self._remove_logo)

    # --- another desk's change ------------------------------------------------------------------
    def follow(self) -> None:
        """A change touched the office profile (another desk, the command line, a restore): the
        profile again, when it differs from what is shown; edits made here are never replaced."""
        try:
            stored = office_profile.profile(self.ctx.ws)
        except StoreUnreachable:  # the window shows its banner; the next change looks again
            return
        if stored is None or stored == self.loaded or stored == self.told:
            return
        if not self.editable:
            self._show_labels(stored)
        elif not self.edited():
            self._fill(stored)
            self.office_note.setText(self.tr("Profil kantor diubah di komputer lain; isian di sini diperbarui."))
        else:
            self._conflict(stored)

    def _conflict(self, stored: Profile) -> None:
        self.told = stored
        self.office_note.setText(self.tr(
            "Profil kantor telah diubah di komputer lain sejak dibuka di sini; nama kantor kini “{0}”. Tekan "
            "Muat ulang untuk memakai profil itu (isian Anda dibuang), atau Simpan profil kantor sekali "
            "lagi untuk menimpanya dengan isian Anda.").format(stored.name))
        self.reload_button.show()

    def reload(self) -> None:
        """Muat ulang: the stored profile in the fields, what was typed here dropped."""
        stored = office_profile.profile(self.ctx.ws)
        if stored is not None:
            self._fill(stored)
            self.office_note.setText(self.tr("Profil kantor dimuat ulang."))

    # --- editing ----------------------------------------------------------------------------------
    def _pick_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Logo kop surat"), "",
                                              self.tr("Gambar (*.png *.jpg *.jpeg)"))
        if path:
            self._new_logo, self._remove_logo = path, False
            self.office_logo.setText(path)

    def _clear_logo(self) -> None:
        self._new_logo, self._remove_logo = None, True
        self.office_logo.clear()

    def save_office(self) -> None:
        """Save what is typed, unless the stored profile changed since the fields were filled
        and the administrator has not yet been told (then: refused, said beside the button)."""
        ws, actor = self.ctx.ws, self.ctx.actor
        stored = office_profile.profile(ws)
        if stored is not None and stored != self.loaded and stored != self.told:
            if self.edited():
                self._conflict(stored)
            else:  # nothing typed here: the other desk's profile is shown, not written back
                self._fill(stored)
                self.office_note.setText(self.tr("Profil kantor diubah di komputer lain; isian di sini "
                                                 "diperbarui. Tidak ada yang disimpan."))
            return
        name, address = self.office_name.text(), self.office_address.text()
        timezone, logo, remove_logo = self.office_timezone.currentData(), self._new_logo, self._remove_logo
        # announced: the window title shows the office name
        Operation(self, self.ctx, lambda: office_profile.update_profile(
            ws, actor, name=name, address=address, timezone=timezone, logo=logo, remove_logo=remove_logo)) \
            .disabling(self.save_office_button).success(self._office_saved).run()

    def _office_saved(self, changed: list[str]) -> None:
        office = office_profile.profile(self.ctx.ws)
        if office is not None:
            self._fill(office)
        self.office_note.setText(self.tr("Profil kantor disimpan.") if changed else self.tr("Tidak ada perubahan."))


def _wrapped(text: str) -> QLabel:
    """A label that wraps (long paths and addresses must not widen the page)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
