"""The first-run setup dialog as a keyboard user meets it: a refusal puts the cursor in the
field it is about (the engine's refusals name no field)."""

from __future__ import annotations

import pytest
from conftest import PASSWORD

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
