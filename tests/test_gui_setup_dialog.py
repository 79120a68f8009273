"""The first-run setup dialog as a keyboard user meets it: a refusal puts the cursor in the
field it is about (the engine's refusals name no field)."""

from __future__ import annotations

import pytest
from conftest import PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from sopdesk.gui.login import SetupDialog


@pytest.mark.parametrize(("office", "admin", "password", "wrong"), [
    ("", "admin", PASSWORD, "office"),
    ("KPU Kabupaten Belu", "ad min", PASSWORD, "admin"),
    ("KPU Kabupaten Belu", "admin", "pendek", "password"),
])
def test_a_refused_setup_puts_the_cursor_in_the_wrong_field(qtbot, ws, office, admin, password, wrong):
    """Seen on X: under "Nama pengguna 'ad min' tidak sah" the cursor stayed in "Ulangi kata
    sandi", the last field typed."""
    dialog = SetupDialog(ws)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.office.setText(office)
    dialog.admin.setText(admin)
    dialog.password.setText(password)
    dialog.repeat.setText(password)
    dialog.repeat.setFocus()
    dialog._submit()
    assert dialog.error.isVisibleTo(dialog) and dialog.result() != dialog.DialogCode.Accepted
    assert dialog.focusWidget() is getattr(dialog, wrong)
    assert not ws.is_set_up()


def test_tab_skips_the_read_only_logo_path(qtbot, ws):
    """Seen on Xvfb (session 18): from Zona waktu a Tab went into the logo's path, a read-only
    box that takes no typing; the next Tab reached Pilih logo…. Now one Tab reaches the button,
    the next the administrator's name."""
    dialog = SetupDialog(ws)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.timezone.setFocus()
    qtbot.waitUntil(dialog.timezone.hasFocus)
    dialog.focusNextChild()
    assert dialog.focusWidget() is dialog.logo_button
    dialog.focusNextChild()
    assert dialog.focusWidget() is dialog.admin


def test_the_refusal_goes_once_the_field_is_typed_again(qtbot, ws):
    """Xvfb: "Nama kantor wajib diisi" stayed under the office name just typed."""
    dialog = SetupDialog(ws)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog._submit()
    assert dialog.error.isVisibleTo(dialog)
    qtbot.waitUntil(dialog.office.hasFocus)
    qtbot.keyClicks(dialog.office, "KPU Kota Kupang")
    assert not dialog.error.isVisibleTo(dialog)
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText(PASSWORD + "x")
    dialog._submit()
    assert "tidak sama" in dialog.error.text() and dialog.error.isVisibleTo(dialog)  # said, as before


@pytest.mark.parametrize("weak", ["12345678", "abcdefgh", "password", "aaaaaaaaaa", "87654321"])
def test_a_guessable_password_is_refused_at_the_first_start(qtbot, ws, weak):
    """Xvfb (h3, session 23): the administrator of a new office typed "12345678" twice and the
    office was set up with it. Now it is refused with the reason, the cursor in the password,
    and nothing typed elsewhere is lost."""
    dialog = SetupDialog(ws)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    qtbot.keyClicks(dialog.office, "KPU Kabupaten Kupang")
    qtbot.keyClicks(dialog.full_name, "Yohanes Benu")
    qtbot.keyClicks(dialog.password, weak)
    qtbot.keyClicks(dialog.repeat, weak)
    dialog._submit()
    assert not ws.is_set_up()
    assert "mudah ditebak" in dialog.error.text() and dialog.error.isVisibleTo(dialog)
    assert dialog.focusWidget() is dialog.password
    assert (dialog.office.text(), dialog.full_name.text()) == ("KPU Kabupaten Kupang", "Yohanes Benu")


def test_every_field_says_what_it_wants_before_a_refusal(qtbot, ws):
    """Xvfb: a first start showed bare fields, "WIB (UTC+7)" without the regions, and the password
    rule only once a short password had been refused."""
    dialog = SetupDialog(ws)
    qtbot.addWidget(dialog)
    assert "minimal 8 karakter" in dialog.password.placeholderText()
    assert "wajib diisi" in dialog.findChildren(QLabel)[0].text()
    regions = [dialog.timezone.itemText(i) for i in range(dialog.timezone.count())]
    assert "NTT" in regions[1] and "Papua" in regions[2] and dialog.timezone.itemData(1) == "WITA"
    for field in (dialog.office, dialog.address, dialog.logo, dialog.full_name):
        assert field.placeholderText()


@pytest.mark.parametrize(("office", "password", "repeat", "field"), [
    ("", PASSWORD, PASSWORD, "office"),
    ("KPU Kabupaten Kupang", "12345678", "12345678", "password"),
    ("KPU Kabupaten Kupang", PASSWORD, PASSWORD + "x", "repeat"),
])
def test_the_refusal_stands_right_under_the_field_it_is_about(qtbot, ws, office, password, repeat, field):
    """Xvfb (h3, 1024x768): "Nama kantor wajib diisi" stood at the bottom of the dialog, eight rows
    under the office's name."""
    dialog = SetupDialog(ws)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.office.setText(office)
    dialog.password.setText(password)
    dialog.repeat.setText(repeat)
    dialog._submit()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    wrong = getattr(dialog, field)
    qtbot.waitUntil(lambda: 0 <= dialog.error.geometry().top() - wrong.geometry().bottom() <= 12)
    assert dialog.error.geometry().left() <= wrong.geometry().left()  # across the form, not squeezed


def test_a_long_refusal_is_shown_whole(qtbot, ws):
    """Xvfb (h3, 1024x768): the two-line "Kata sandi terlalu mudah ditebak…" under the password
    was cut to one and a half lines; the dialog grows to show it whole."""
    dialog = SetupDialog(ws)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.office.setText("KPU Kabupaten Alor")
    dialog.password.setText("abcdefgh")
    dialog.repeat.setText("abcdefgh")
    dialog._submit()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    needed = dialog.error.heightForWidth(dialog.error.width())
    qtbot.waitUntil(lambda: dialog.error.height() >= needed)
    assert dialog.error.geometry().bottom() < dialog.repeat.geometry().top()


def test_alt_and_a_letter_reaches_each_field(qtbot, ws):
    """Xvfb (h3): Alt+S for Siapkan typed an "s" into the office's name; no field or button of
    the first start had a mnemonic."""
    dialog = SetupDialog(ws)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    for key, field in ((Qt.Key.Key_K, dialog.password), (Qt.Key.Key_U, dialog.repeat),
                       (Qt.Key.Key_P, dialog.admin), (Qt.Key.Key_N, dialog.office)):
        qtbot.keyClick(dialog.focusWidget(), key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(field.hasFocus)
    assert dialog.office.text() == ""  # nothing typed by the way


def test_one_esc_too_many_does_not_lose_what_was_typed(qtbot, ws, monkeypatch):
    """Xvfb (h3): Esc in the first start closed it (and the program) at once; the office's name,
    address and both passwords were gone. Now it asks first, once something was typed."""
    from PySide6.QtWidgets import QMessageBox

    answers = ["Lanjutkan mengisi", "Tutup penyiapan"]
    asked: list[list[str]] = []

    def exec_(box: QMessageBox) -> int:
        asked.append(sorted(button.text() for button in box.buttons()))
        next(button for button in box.buttons() if button.text() == answers[0]).click()
        answers.pop(0)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    dialog = SetupDialog(ws)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    qtbot.keyClicks(dialog.office, "KPU Kabupaten Kupang")
    qtbot.keyClick(dialog.office, Qt.Key.Key_Escape)
    assert asked == [["Lanjutkan mengisi", "Tutup penyiapan"]]  # not a second "Batal"
    assert dialog.isVisible() and dialog.office.text() == "KPU Kabupaten Kupang"
    qtbot.keyClick(dialog.office, Qt.Key.Key_Escape)
    assert len(asked) == 2 and dialog.result() == dialog.DialogCode.Rejected and not dialog.isVisible()


def test_esc_on_an_untouched_setup_closes_it_without_a_question(qtbot, ws, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "exec", lambda *a: pytest.fail("asked"))
    dialog = SetupDialog(ws)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    qtbot.keyClick(dialog.office, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
