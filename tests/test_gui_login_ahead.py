"""The login dialog starts Argon2 when typing pauses (issue #15): a click on Masuk then takes
that answer instead of verifying again, only for exactly the name and password verified; a
wrong password is refused, counted and audited as at any login; nothing is kept once the
dialog is closed."""

from __future__ import annotations

import pytest
from conftest import PASSWORD
from sqlalchemy import select, text
from test_login_speed import CountingHasher

from sopdesk import password_ahead
from sopdesk.engine import users
from sopdesk.gui.login import LoginDialog
from sopdesk.store.models import User


@pytest.fixture(autouse=True)
def _nothing_left():
    yield
    password_ahead.forget()


def _dialog(qtbot, ws) -> LoginDialog:  # noqa: ANN001
    dialog = LoginDialog(ws, "KPU Kota Kupang")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _typed_and_paused(qtbot, dialog: LoginDialog, username: str, password: str) -> None:  # noqa: ANN001
    dialog.username.setText(username)
    dialog.password.setText(password)
    qtbot.waitUntil(lambda: not dialog._pause.isActive() and not password_ahead.busy(), timeout=5000)


def test_masuk_after_a_pause_takes_the_answer_verified_meanwhile(qtbot, ws, admin, monkeypatch):
    hasher = CountingHasher(users._hasher)
    monkeypatch.setattr(users, "_hasher", hasher)
    dialog = _dialog(qtbot, ws)
    _typed_and_paused(qtbot, dialog, "admin", PASSWORD)
    assert len(password_ahead._pending) == 1  # verified while nobody clicked
    dialog._submit()
    assert dialog.actor is not None and dialog.actor.username == "admin"
    assert hasher.verified == 0  # the login did not run Argon2 itself
    assert password_ahead._pending == {}


def test_a_wrong_password_verified_ahead_is_refused_counted_and_audited(qtbot, ws, admin, monkeypatch):
    hasher = CountingHasher(users._hasher)
    monkeypatch.setattr(users, "_hasher", hasher)
    dialog = _dialog(qtbot, ws)
    _typed_and_paused(qtbot, dialog, "admin", "bukan-sandinya")
    dialog._submit()
    assert dialog.actor is None and "salah" in dialog.error.text()
    assert hasher.verified == 0
    with ws.db.reading() as session:
        assert session.scalar(select(User.failed_logins).where(User.username == "admin")) == 1
        assert session.execute(text("SELECT action FROM audit_event ORDER BY id DESC LIMIT 1")).scalar_one() \
            == "login_failed"


def test_an_answer_for_what_was_typed_before_is_not_used(qtbot, ws, admin):
    dialog = _dialog(qtbot, ws)
    _typed_and_paused(qtbot, dialog, "admin", PASSWORD)  # the right password verified ahead...
    dialog._pause.stop()
    dialog.password.blockSignals(True)  # ...then changed, and Masuk at once: no pause, no new answer
    dialog.password.setText("bukan-sandinya")
    dialog.password.blockSignals(False)
    dialog._submit()
    assert dialog.actor is None and "salah" in dialog.error.text()
    with ws.db.reading() as session:
        assert session.scalar(select(User.failed_logins).where(User.username == "admin")) == 1


def test_closing_the_dialog_keeps_no_typed_password(qtbot, ws, admin):
    dialog = _dialog(qtbot, ws)
    _typed_and_paused(qtbot, dialog, "admin", "setengah-sandi")
    assert password_ahead._pending
    dialog.reject()
    assert password_ahead._pending == {}


def test_nothing_is_started_for_an_unknown_user_or_before_the_office_is_open(qtbot, ws, admin):
    dialog = _dialog(qtbot, ws)
    _typed_and_paused(qtbot, dialog, "tidak.ada", PASSWORD)
    assert password_ahead._pending == {}
    early = _dialog(qtbot, None)
    _typed_and_paused(qtbot, early, "admin", PASSWORD)
    assert password_ahead._pending == {}


def test_what_was_typed_before_the_office_opened_is_verified_once_it_is(qtbot, ws, admin):
    dialog = _dialog(qtbot, None)
    _typed_and_paused(qtbot, dialog, "admin", PASSWORD)
    assert password_ahead._pending == {}
    dialog.set_workspace(ws, "KPU Kota Kupang")
    qtbot.waitUntil(lambda: not dialog._pause.isActive() and not password_ahead.busy(), timeout=5000)
    assert len(password_ahead._pending) == 1


def test_the_refusal_goes_once_the_password_is_typed_again(qtbot, ws, admin):
    """Xvfb: "Nama pengguna atau kata sandi salah" stayed under the password typed anew."""
    dialog = _dialog(qtbot, ws)
    dialog.username.setText("admin")
    dialog.password.setText("bukan-sandinya")
    dialog._submit()
    assert dialog.error.isVisibleTo(dialog) and "salah" in dialog.error.text()
    assert dialog.password.text() == ""  # cleared for the next try, the refusal still shown
    qtbot.keyClicks(dialog.password, "s")
    assert not dialog.error.isVisibleTo(dialog)
    waiting = LoginDialog(None, "KPU Kota Kupang")  # Masuk before the office is open
    qtbot.addWidget(waiting)
    waiting.username.setText("admin")
    waiting.password.setText(PASSWORD)
    waiting._submit()
    waiting.password.setText(PASSWORD + "!")
    assert not waiting.error.isHidden() and waiting.error.text() == "Memuat data kantor…"  # stays while it opens
