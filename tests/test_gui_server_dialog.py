"""The first start's "Server kantor…" dialog as it opens at 1024x768: on Xvfb its two fields were
squashed to half a line and its wrapped note cut at the top and bottom (the dialog took the
least height, which is the least at a narrower width than its own)."""

from __future__ import annotations

from sopdesk.gui.server_settings import ServerDialog


def test_the_server_dialog_opens_tall_enough_for_its_fields_and_note(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("SOPDESK_CONFIG_DIR", str(tmp_path / "cfg"))
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    box = dialog.box
    for field in (box.url, box.password):
        assert field.height() >= field.sizeHint().height(), field.objectName()
    assert box.note.height() >= box.note.heightForWidth(box.note.width())
    assert box.current.height() >= box.current.heightForWidth(box.current.width())
    dialog.reject()
