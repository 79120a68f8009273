"""The step form of a case with an extendable case deadline opens in its first field: the
'Perpanjang tenggat…' button was the first widget of the form, so it had the focus and Enter
opened the extension dialog; Tab still reaches the button, after the fields."""

from __future__ import annotations

import shutil

from helpers import ppid_office

from sopdesk.engine import cases


def test_the_step_form_does_not_open_on_the_extend_button(qtbot, tmp_path, clock):
    from PySide6.QtWidgets import QPushButton

    from sopdesk.engine.accounts import add_user
    from sopdesk.engine.workspace import Workspace
    from sopdesk.gui.context import GuiContext
    from sopdesk.gui.step_form import StepFormDialog

    data = tmp_path / "data"
    (data / "sop_catalog").mkdir(parents=True)
    shutil.copy(ppid_office.FIXTURE, data / "sop_catalog" / ppid_office.FIXTURE.name)
    ws = Workspace.open(data, clock=clock)
    try:
        admin = ws.setup("KPU Kabupaten Belu", "WITA", "admin", ppid_office.PASSWORD)
        add_user(ws, admin, "petugas", ppid_office.PASSWORD, ["Petugas PPID"])
        petugas = ws.login("petugas", ppid_office.PASSWORD)
        number = cases.start_case(ws, petugas, "PPID", "Permohonan salinan DPT")
        form = StepFormDialog(GuiContext(ws, petugas), number)
        qtbot.addWidget(form)
        form.show()
        qtbot.waitUntil(lambda: form.focusWidget() is not None, timeout=2_000)
        extend = form.findChild(QPushButton, "extend_jawaban")
        assert extend is not None and extend.isVisible()
        assert form.focusWidget() is not extend
        assert form.body_layout.indexOf(form.deadlines_box) < form.body_layout.indexOf(form.note_edit.parentWidget())
        seen = []
        for _ in range(60):  # Tab through the form: the button comes, after the fields
            form.focusNextChild()
            seen.append(form.focusWidget())
            if form.focusWidget() is extend:
                break
        assert extend in seen and form.note_edit in seen[: seen.index(extend)]
    finally:
        ws.close()
