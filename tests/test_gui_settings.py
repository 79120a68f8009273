"""Pengaturan: administrators manage users; others are not offered what they may not do."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from sopdesk.engine import accounts
from sopdesk.gui.context import GuiContext
from sopdesk.gui.enter_presses import enter_presses_buttons
from sopdesk.gui.settings_page import AddUserDialog, SettingsPage
from sopdesk.gui.worker import Worker


@pytest.fixture
def worker():
    thread = Worker()
    yield thread
    thread.stop()


def test_admin_adds_a_user_with_roles_through_the_dialog(qtbot, ws, admin, worker):
    ctx = GuiContext(ws, admin)
    page = SettingsPage(ctx, worker)
    qtbot.addWidget(page)
    dialog = AddUserDialog(ctx, page)
    qtbot.addWidget(dialog)
    assert sorted(b.text() for b in dialog.buttons.buttons()) == ["Batal", "Tambah"]  # Xvfb: it said "OK"
    qtbot.keyClicks(dialog.username, "rina")
    qtbot.keyClicks(dialog.password, "pendek")
    qtbot.keyClicks(dialog.repeat, "pendek")
    dialog._submit()
    assert "Kata sandi minimal 8 karakter" in dialog.error.text()
    dialog.password.setText("sandi-rina-1")
    dialog.repeat.setText("sandi-rina-l")  # a typo in the second: no account with a password nobody knows
    dialog._submit()
    assert "Kedua kata sandi tidak sama" in dialog.error.text()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "rina" not in [user.username for user in accounts.list_users(ws)]
    dialog.repeat.setText("sandi-rina-1")
    dialog._submit()
    assert "peran" in dialog.error.text()  # no role ticked yet
    for row in range(dialog.roles.count()):
        if dialog.roles.item(row).text() == "Help Desk":
            dialog.roles.item(row).setCheckState(Qt.CheckState.Checked)
    dialog._submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    page._load_users()
    names = [page.users.item(r, 0).text() for r in range(page.users.rowCount())]
    assert "rina" in names
    assert page.users.item(names.index("admin"), 2).text() == "administrator"
    assert ws.login("rina", "sandi-rina-1").username == "rina"


def test_non_admin_is_not_offered_user_management(qtbot, ws, staff, worker):
    page = SettingsPage(GuiContext(ws, staff["Kasubag"]), worker)
    qtbot.addWidget(page)
    assert not hasattr(page, "users")
    assert page.findChild(QLabel, "adminOnly") is not None


def test_try_demo_button_asks_the_window_for_the_separate_demo_office(qtbot, ws, admin, worker):
    from PySide6.QtCore import Signal
    from PySide6.QtWidgets import QMainWindow

    class Window(QMainWindow):
        demo_requested = Signal()

    window = Window()
    qtbot.addWidget(window)
    page = SettingsPage(GuiContext(ws, admin), worker)
    window.setCentralWidget(page)
    assert page.demo_button.text() == "Coba dengan data contoh"
    with qtbot.waitSignal(window.demo_requested, timeout=1000):
        qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)


def test_admin_edits_the_office_profile_in_pengaturan(qtbot, ws, admin, worker, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from sopdesk.engine import office

    logo = tmp_path / "logo-kpu.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 16)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(logo), ""))
    ctx = GuiContext(ws, admin)
    changes = []
    ctx.data_changed.connect(lambda: changes.append(1))
    page = SettingsPage(ctx, worker)
    qtbot.addWidget(page)
    assert page.office_name.text() == "KPU Kota Kupang"
    page.office_name.clear()
    qtbot.keyClicks(page.office_name, "KPU Provinsi NTT")
    qtbot.keyClicks(page.office_address, "Jl. El Tari No. 3, Kupang")
    page.office_timezone.setCurrentIndex(page.office_timezone.findData("WIB"))
    pick = next(b for b in page.findChildren(QPushButton) if b.text() == "Pilih logo…")
    qtbot.mouseClick(pick, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.save_office_button, Qt.MouseButton.LeftButton)
    assert page.office_note.text() == "Profil kantor disimpan." and changes
    saved = office.profile(ws)
    assert (saved.name, saved.address, saved.timezone) == ("KPU Provinsi NTT", "Jl. El Tari No. 3, Kupang", "WIB")
    assert saved.logo == ws.data_dir / "logo.png" and page.office_logo.text() == str(saved.logo)
    # an empty name is refused with the engine's message; nothing changes
    shown = []
    monkeypatch.setattr("sopdesk.gui.messages.QMessageBox.warning", lambda *args: shown.append(args[2]))
    page.office_name.clear()
    qtbot.mouseClick(page.save_office_button, Qt.MouseButton.LeftButton)
    assert shown and "Nama kantor wajib diisi" in shown[0]
    assert office.profile(ws).name == "KPU Provinsi NTT"


def test_non_admin_sees_the_office_profile_but_cannot_edit_it(qtbot, ws, staff, worker):
    page = SettingsPage(GuiContext(ws, staff["Kasubag"]), worker)
    qtbot.addWidget(page)
    assert not hasattr(page, "office_name") and not hasattr(page, "save_office_button")
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert "KPU Kota Kupang" in texts


def test_the_user_list_still_fills_its_width_after_a_user_is_added(qtbot, ws, admin, worker):
    """Seen at 1024x768: after 'Tambah pengguna…' the list's columns shrank to their contents
    and left the right part of the table empty (resizing to contents undid the stretch of the
    last column); the Status column still reaches the right edge."""
    from sopdesk.engine.accounts import add_user

    page = SettingsPage(GuiContext(ws, admin), worker)
    qtbot.addWidget(page)
    page.resize(1000, 1400)
    page.show()
    qtbot.waitExposed(page)
    add_user(ws, admin, "maria.kasubag", "sandi-maria-1", ["Kasubag"])
    page._load_users()
    header = page.users.horizontalHeader()
    last = header.count() - 1
    assert page.users.rowCount() == 2
    assert header.sectionPosition(last) + header.sectionSize(last) >= page.users.viewport().width() - 1
    assert header.sectionSize(0) >= header.fontMetrics().horizontalAdvance("maria.kasubag")


def test_the_focus_comes_back_to_periksa_data_and_buat_cadangan(qtbot, ws, admin, worker):
    """Seen on X in Pengaturan: after "Periksa data" (pressed from the keyboard) the focus sat
    in the user list: the button, disabled while the worker checked, had handed it on. It comes
    back to the button pressed, for the check and for "Buat cadangan sekarang"."""
    page = SettingsPage(GuiContext(ws, admin), worker)
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    for button, said in ((page.backup_box.check_button, "data utuh"), (page.backup_box.backup_now, "Cadangan dibuat")):
        button.setFocus()
        qtbot.keyClick(button, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda said=said: said in page.backup_box.backup_note.text(), timeout=60_000)
        assert button.isEnabled() and button.hasFocus()


def test_the_user_list_names_an_administrator_in_indonesian(qtbot, ws, admin, worker):
    """Seen on the first start: the Peran column said "admin" (English) for the administrator."""
    page = SettingsPage(GuiContext(ws, admin), worker)
    qtbot.addWidget(page)
    roles = [page.users.item(row, 2).text() for row in range(page.users.rowCount())]
    assert "administrator" in roles and "admin" not in roles


def test_periksa_data_tells_how_far_it_has_read(qtbot, ws, admin, worker, monkeypatch):
    """Periksa data reads the whole office (most of a minute at 100,000 cases): the note under
    the buttons says how far, then what was found."""
    from sopdesk.engine import record_check

    monkeypatch.setattr(record_check, "TICK", 3)  # many calls from a small office
    page = SettingsPage(GuiContext(ws, admin), worker)
    qtbot.addWidget(page)
    notes: list[str] = []
    page.backup_box.backup_note.setText = lambda text: (notes.append(text), QLabel.setText(  # type: ignore[method-assign]
        page.backup_box.backup_note, text))[1]
    qtbot.mouseClick(page.backup_box.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "data utuh" in page.backup_box.backup_note.text(), timeout=60_000)
    percents = [n for n in notes if n.startswith("Sedang memeriksa data…") and n.endswith("%")]
    assert percents and percents[-1].endswith("100%")
    assert "data utuh" in notes[-1]


def test_first_start_ctrl6_puts_the_keyboard_on_adding_a_user(qtbot, ws, admin, worker):
    """Seen on Xvfb (session 18): after setup the administrator's next step, Tambah pengguna…,
    was some 20 Tabs down the page. With the administrator alone in the office, Ctrl+6 (the
    page's focus_first_field) shows the Pengguna box and puts the keyboard on the button."""
    page = SettingsPage(GuiContext(ws, admin), worker)
    qtbot.addWidget(page)
    page.resize(780, 600)  # shorter than the page: it scrolls, as at 1024x768
    page.show()
    qtbot.waitExposed(page)
    assert page.users.rowCount() == 1
    page.focus_first_field()
    qtbot.waitUntil(lambda: page.add_user_button.hasFocus())
    button = page.add_user_button
    top = button.mapTo(page.scroller.viewport(), button.rect().topLeft()).y()
    assert top >= 0 and top + button.height() <= page.scroller.viewport().height()


def test_with_other_users_ctrl6_leaves_the_keyboard_where_it_was(qtbot, ws, admin, staff, worker):
    page = SettingsPage(GuiContext(ws, admin), worker)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert page.users.rowCount() > 1
    page.focus_first_field()
    assert not page.add_user_button.hasFocus()
    assert page.scroller.verticalScrollBar().value() == 0


def test_tab_goes_from_the_time_zone_to_pilih_logo(qtbot, ws, admin, worker):
    """The logo's path box takes no typing: no Tab stop in the office profile either."""
    page = SettingsPage(GuiContext(ws, admin), worker)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.office_timezone.setFocus()
    qtbot.waitUntil(page.office_timezone.hasFocus)
    page.focusNextChild()
    assert isinstance(page.focusWidget(), QPushButton)
    assert page.focusWidget().text() == "Pilih logo…"


def test_enter_on_tambah_pengguna_opens_the_dialog_at_the_first_start(qtbot, ws, admin, worker, monkeypatch):
    """Xvfb: Ctrl+6 put the keyboard on Tambah pengguna… and Enter did nothing (a page is not a
    dialog); Enter presses the focused button on the page, as Space does."""
    opened: list[bool] = []
    monkeypatch.setattr(AddUserDialog, "exec", lambda self: opened.append(True) or 0)
    page = _admin_page(qtbot, ws, admin, worker)
    enter_presses_buttons(page)  # as the main window does for all its pages
    page.focus_first_field()
    qtbot.waitUntil(lambda: page.add_user_button.hasFocus())
    qtbot.keyClick(page.add_user_button, Qt.Key.Key_Return)
    assert opened == [True]
    qtbot.keyClick(page.add_user_button, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert opened == [True, True]


def test_tab_leaves_the_user_list_instead_of_walking_its_cells(qtbot, ws, admin, staff, worker):
    """Xvfb: Shift+Tab from Tambah pengguna… went through the list's every cell (4 a user)."""
    page = _admin_page(qtbot, ws, admin, worker)
    page.users.setFocus()
    qtbot.waitUntil(page.users.hasFocus)
    qtbot.keyClick(page.users, Qt.Key.Key_Tab)
    assert page.add_user_button.hasFocus()
    qtbot.keyClick(page.add_user_button, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert page.users.hasFocus()
    qtbot.keyClick(page.users, Qt.Key.Key_Down)  # the arrows still move in it
    assert page.users.currentRow() >= 0


def test_aktifkan_and_atur_ulang_with_no_user_chosen_say_so(qtbot, ws, admin, staff, worker, monkeypatch):
    """Xvfb: with no row chosen, Aktifkan / nonaktifkan and Atur ulang kata sandi… did nothing."""
    told: list[str] = []
    page = SettingsPage(GuiContext(ws, admin), worker)
    qtbot.addWidget(page)
    monkeypatch.setattr(page, "_tell", told.append)
    page.users.clearSelection()
    for text in ("Aktifkan / nonaktifkan", "Atur ulang kata sandi…"):
        next(b for b in page.findChildren(QPushButton) if b.text() == text).click()
    assert told == ["Pilih dulu seorang pengguna di daftar."] * 2


def _admin_page(qtbot, ws, admin, worker) -> SettingsPage:  # noqa: ANN001
    """The administrator's Pengaturan, shown."""
    page = SettingsPage(GuiContext(ws, admin), worker)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def _hash_of(ws, username: str) -> str:  # noqa: ANN001
    from sqlalchemy import select

    from sopdesk.store.models import User

    with ws.db.reading() as session:
        return session.scalar(select(User.password_hash).where(User.username == username))


def test_atur_ulang_kata_sandi_asks_the_new_password_twice(qtbot, ws, admin, staff, worker, monkeypatch):
    """It asked once (a QInputDialog): a typo set a password nobody knew. Now typed twice as in
    Tambah pengguna; a mismatch is refused under the fields and changes nothing."""
    from argon2 import PasswordHasher

    from sopdesk.gui.user_dialogs import ResetPasswordDialog

    name = staff["Kasubag"].username
    before = _hash_of(ws, name)
    opened: list[ResetPasswordDialog] = []
    told: list[str] = []

    def typed(dialog: ResetPasswordDialog) -> int:
        opened.append(dialog)
        qtbot.keyClicks(dialog.password, "sandi-baru-1")
        qtbot.keyClicks(dialog.repeat, "sandi-baru-l")  # a typo in the second
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        assert "Kedua kata sandi tidak sama" in dialog.error.text()
        assert dialog.repeat.selectedText() == "sandi-baru-l"  # selected, to type again
        assert _hash_of(ws, name) == before
        dialog.repeat.setText("sandi-baru-1")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(ResetPasswordDialog, "exec", typed)
    page = _admin_page(qtbot, ws, admin, worker)
    monkeypatch.setattr(page, "_tell", told.append)
    page.users.selectRow(next(r for r in range(page.users.rowCount()) if page.users.item(r, 0).text() == name))
    next(b for b in page.findChildren(QPushButton) if b.text() == "Atur ulang kata sandi…").click()
    assert len(opened) == 1
    assert sorted(b.text() for b in opened[0].buttons.buttons()) == ["Batal", "Ganti kata sandi"]
    assert told == [f"Kata sandi {name} diganti."]
    assert PasswordHasher().verify(_hash_of(ws, name), "sandi-baru-1")


def test_atur_ulang_refuses_a_short_password_under_the_fields(qtbot, ws, admin, staff):
    from sopdesk.gui.user_dialogs import ResetPasswordDialog

    name = staff["Kasubag"].username
    before = _hash_of(ws, name)
    dialog = ResetPasswordDialog(GuiContext(ws, admin), name)
    qtbot.addWidget(dialog)
    dialog.password.setText("pendek")
    dialog.repeat.setText("pendek")
    dialog._submit()
    assert "Kata sandi minimal 8 karakter" in dialog.error.text()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert _hash_of(ws, name) == before


def test_the_account_dialogs_open_with_the_cursor_in_their_first_field(qtbot, ws, admin, staff):
    """Xvfb: Atur ulang kata sandi opened with the keyboard on its OK button: the password typed
    went nowhere, and Tab then Enter pressed Batal."""
    from sopdesk.gui.user_dialogs import ResetPasswordDialog

    ctx = GuiContext(ws, admin)
    reset, add = ResetPasswordDialog(ctx, staff["Staf"].username), AddUserDialog(ctx)
    for dialog, first in ((reset, reset.password), (add, add.username)):
        qtbot.addWidget(dialog)
        with qtbot.waitActive(dialog):
            dialog.show()
            dialog.activateWindow()
        qtbot.waitUntil(lambda dialog=dialog, first=first: dialog.focusWidget() is first)
        qtbot.keyClick(first, Qt.Key.Key_Tab)
        assert dialog.focusWidget() is not dialog.buttons.buttons()[0]  # the next field, not a button


def test_the_password_fields_show_a_whole_password(qtbot, ws, admin, staff):
    """Xvfb at 1024x768: Atur ulang kata sandi opened at its size hint, its fields about 120 px
    wide: a 16-character password scrolled out of its field while typed."""
    from sopdesk.gui.user_dialogs import ResetPasswordDialog

    dialog = ResetPasswordDialog(GuiContext(ws, admin), staff["Staf"].username)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.password.setText("sandi-kantor-2026")
    needed = dialog.password.fontMetrics().horizontalAdvance("\u25cf" * 20)
    assert dialog.password.width() >= needed and dialog.repeat.width() >= needed


def test_a_guessable_password_is_refused_for_a_new_user(qtbot, ws, admin, worker):
    """Xvfb (h3): the engine took any eight characters; "12345678" for the Kasubag is refused now."""
    ctx = GuiContext(ws, admin)
    page = SettingsPage(ctx, worker)
    qtbot.addWidget(page)
    dialog = AddUserDialog(ctx, page)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "kasubag.umum")
    qtbot.keyClicks(dialog.password, "12345678")
    qtbot.keyClicks(dialog.repeat, "12345678")
    dialog.roles.item(0).setCheckState(Qt.CheckState.Checked)
    dialog._submit()
    qtbot.waitUntil(lambda: "mudah ditebak" in dialog.error.text())
    assert "kasubag.umum" not in [user.username for user in accounts.list_users(ws)]


def test_a_disabled_user_is_told_who_can_enable_the_account_again(qtbot, ws, admin, worker):
    """Xvfb (h3): the help desk whose account was disabled read only "Akun desk dinonaktifkan",
    with no word of what to do."""
    from sopdesk.gui.login import LoginDialog

    accounts.add_user(ws, admin, "desk", "desk-kupang-01", ["Help Desk"])
    accounts.set_active(ws, admin, "desk", False)
    dialog = LoginDialog(ws, "KPU Kabupaten Kupang")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "desk")
    qtbot.keyClicks(dialog.password, "desk-kupang-01")
    dialog._submit()
    assert "dinonaktifkan" in dialog.error.text() and "administrator" in dialog.error.text()


def test_a_refused_new_user_puts_the_cursor_where_the_mistake_is(qtbot, ws, admin, worker):
    """Xvfb (h3): after "Kata sandi terlalu mudah ditebak" the keyboard stayed in the role list
    (Shift+Tab then typed the new password into Nama lengkap); without a role the GUI was told
    to use "--role", the command line's option."""
    ctx = GuiContext(ws, admin)
    page = SettingsPage(ctx, worker)
    qtbot.addWidget(page)
    dialog = AddUserDialog(ctx, page)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    qtbot.keyClicks(dialog.username, "desk")
    qtbot.keyClicks(dialog.password, "abcd1234")
    qtbot.keyClicks(dialog.repeat, "abcd1234")
    dialog.roles.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.roles.setFocus()
    dialog._submit()
    qtbot.waitUntil(lambda: "mudah ditebak" in dialog.error.text())
    qtbot.waitUntil(dialog.password.hasFocus)
    assert dialog.password.selectedText() == "abcd1234"  # typing again replaces it
    dialog.password.setText("alor-desk-01")
    dialog.repeat.setText("alor-desk-01")
    dialog.roles.item(0).setCheckState(Qt.CheckState.Unchecked)
    dialog._submit()
    qtbot.waitUntil(lambda: "peran" in dialog.error.text())
    assert "--role" not in dialog.error.text()
    qtbot.waitUntil(dialog.roles.hasFocus)


def test_an_administrator_changes_a_users_roles(qtbot, ws, admin, make_user, worker, monkeypatch):
    """Xvfb (h3): the roles chosen in Tambah pengguna could not be changed on the desktop."""
    from sopdesk.gui import settings_page
    from sopdesk.gui.user_dialogs import RolesDialog

    make_user("maria", "Kasubag")
    page = SettingsPage(GuiContext(ws, admin), worker)
    qtbot.addWidget(page)
    row = next(r for r in range(page.users.rowCount()) if page.users.item(r, 0).text() == "maria")
    page.users.selectRow(row)
    seen: list[RolesDialog] = []

    def tick_staf(dialog: RolesDialog) -> int:
        seen.append(dialog)
        ticked = {dialog.roles.item(i).text() for i in range(dialog.roles.count())
                  if dialog.roles.item(i).checkState() == Qt.CheckState.Checked}
        assert ticked == {"Kasubag"}  # the roles the account has
        for i in range(dialog.roles.count()):
            item = dialog.roles.item(i)
            item.setCheckState(Qt.CheckState.Unchecked)
        dialog._submit()  # none ticked: refused beside the list, nothing changed
        qtbot.waitUntil(lambda: "sedikitnya satu peran" in dialog.error.text())
        for i in range(dialog.roles.count()):
            item = dialog.roles.item(i)
            if item.text() in ("Kasubag", "Staf"):
                item.setCheckState(Qt.CheckState.Checked)
        dialog._submit()
        qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted)
        return dialog.result()

    monkeypatch.setattr(settings_page.RolesDialog, "exec", tick_staf)
    page.findChild(QPushButton, "changeRoles").click()
    assert seen
    assert next(u.roles for u in accounts.list_users(ws) if u.username == "maria") == ("Kasubag", "Staf")
    assert page.users.item(row, 2).text() == "Kasubag, Staf"  # the list shows it at once
