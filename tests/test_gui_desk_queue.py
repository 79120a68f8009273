"""The help desk registering a queue of visitors by keyboard on Xvfb at 1024x768: the offer of a
returning visitor was as narrow as the Nama field (~240 px), so every line was cut after the
name and two Marias could not be told apart; a picked visitor's long institution showed its end
("…n Ilmu Politik Universitas Nusa Cendana") instead of its start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_gui_helpdesk import ctx, desk, page  # noqa: F401 - the page at the desk and its keyboard

from sopdesk.engine.visitors import VisitorForm, register_visitor

INSTITUTION = "Fakultas Ilmu Sosial dan Ilmu Politik Universitas Nusa Cendana"


def test_the_offer_is_wide_enough_to_tell_two_marias_apart_and_the_pick_shows_the_start(
        qtbot, ws, staff, clock, page, desk):  # noqa: F811
    for n, nik in enumerate(("5371014501900001", "5371024501900002")):
        register_visitor(ws, staff["Help Desk"], VisitorForm(
            name="Maria Magdalena Ndun Lerik", purpose="bertamu", id_number=nik,
            institution=INSTITUTION if n == 1 else "Bawaslu Kota Kupang"))  # newest first
    clock.advance(days=1)
    page.resize(800, 700)  # the page beside the navigation on a 1024x768 screen
    qtbot.wait(20)
    name = page.fields["name"]
    assert name.width() < 300
    desk.type("Maria")
    qtbot.waitUntil(lambda: len(page.suggestion_texts()) == 2)
    offer = page.lookup
    metrics = offer.fontMetrics()
    widest = max(metrics.horizontalAdvance(text) for text in page.suggestion_texts())
    assert offer.width() > name.width()
    assert offer.viewport().width() >= min(widest, page.width() - offer.x() - 40)  # whole lines, or the page's edge
    assert offer.x() + offer.width() <= page.width()
    desk.press(Qt.Key.Key_Down)
    desk.press(Qt.Key.Key_Return)
    institution = page.fields["institution"]
    assert institution.text() == INSTITUTION
    assert institution.cursorPosition() == 0  # its start in view


def test_enter_on_the_print_buttons_presses_them(qtbot, ws, staff, page, desk, monkeypatch):  # noqa: F811
    # Xvfb: Tab reached "Cetak buku tamu…" and Enter did nothing (a page is not a dialog)
    pressed: list[str] = []
    monkeypatch.setattr(page.visitor_list, "print_register", lambda: pressed.append("register"))
    monkeypatch.setattr(page.visitor_list, "print_receipt", lambda: pressed.append("receipt"))
    for button, name in ((page.register_button, "register"), (page.receipt_button, "receipt")):
        button.clicked.disconnect()
        button.clicked.connect(getattr(page.visitor_list, f"print_{name}"))
        button.setFocus()
        qtbot.waitUntil(button.hasFocus)
        desk.press(Qt.Key.Key_Return)
        assert pressed[-1] == name
    assert pressed == ["register", "receipt"]
