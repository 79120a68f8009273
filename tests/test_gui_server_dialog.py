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


def test_a_servers_ip_address_is_enough(qtbot, tmp_path, monkeypatch):
    """Xvfb (h3): an administrator typed the server's IP address, "192.168.1.10", and read only
    "Alamat basis data tidak sah: '192.168.1.10'". The bare address is tried as the office
    server's usual database; a wrong address says what one looks like."""
    from sopdesk.engine import desk_connection
    from sopdesk.errors import UserError

    monkeypatch.setenv("SOPDESK_CONFIG_DIR", str(tmp_path / "cfg"))
    tried: list[str] = []

    def connect(url, password):  # noqa: ANN001, ANN202
        tried.append(url)
        raise UserError(f"Alamat basis data tidak sah: {url!r}" if "!" in url else "Server tidak menjawab")

    monkeypatch.setattr(desk_connection, "connect", connect)
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    box = dialog.box
    qtbot.keyClicks(box.url, "192.168.1.10")
    box.save()
    qtbot.waitUntil(lambda: box.error.isVisibleTo(box))
    assert tried == ["postgresql+psycopg://sopdesk@192.168.1.10/sopdesk"]
    assert box.url.text() == tried[0]  # the address tried is the one shown
    box.url.setText("server kpu!")
    box.save()
    qtbot.waitUntil(lambda: "192.168.1.10" in box.error.text())
    assert "postgresql+psycopg://" in box.error.text()
    dialog.reject()
