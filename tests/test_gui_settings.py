"""Pengaturan: administrators manage users; others are not offered what they may not do."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from sopdesk.gui.context import GuiContext
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
    qtbot.keyClicks(dialog.username, "rina")
    qtbot.keyClicks(dialog.password, "pendek")
    dialog._submit()
    assert "kata sandi minimal 8 karakter" in dialog.error.text()
    dialog.password.setText("sandi-rina-1")
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
    assert page.users.item(names.index("admin"), 2).text() == "admin"
    assert ws.login("rina", "sandi-rina-1").username == "rina"


def test_non_admin_is_not_offered_user_management(qtbot, ws, staff, worker):
    page = SettingsPage(GuiContext(ws, staff["Kasubag"]), worker)
    qtbot.addWidget(page)
    assert not hasattr(page, "users")
    assert page.findChild(QLabel, "adminOnly") is not None


def test_demo_data_runs_on_the_worker_thread_and_reports_back(qtbot, tmp_path, clock, worker):
    from sopdesk.engine.demo import build_demo
    from sopdesk.engine.workspace import Workspace

    ws = Workspace.open(tmp_path / "demo", clock=clock)
    build_demo(ws, cases=5, seed=3)
    admin = ws.login("admin", "sopdesk-demo")
    page = SettingsPage(GuiContext(ws, admin), worker)
    qtbot.addWidget(page)
    with qtbot.waitSignal(worker.busy_changed, timeout=60_000, check_params_cb=lambda busy: not busy):
        page.demo_button.click()
        assert not page.demo_button.isEnabled()
    assert "kasus contoh dibuat" in page.demo_note.text()
    assert page.demo_button.isEnabled()
    ws.close()
