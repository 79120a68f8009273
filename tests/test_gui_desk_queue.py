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


def test_the_obtain_choices_show_what_tells_them_apart_at_1024_and_a_letter_picks_one(
        qtbot, page, desk):  # noqa: F811
    # Xvfb 1024x768: "Mendapatkan salinan informasi (har" for both copies; the two copies differed only there
    page.resize(800, 700)
    desk.type("Maria Ndun")
    desk.tab_to("purpose")
    desk.type("P")
    combo = page.fields["obtain_method"]
    desk.tab_to("obtain_method")
    room = combo.width() - 30  # the arrow's side
    texts = [combo.itemText(i) for i in range(1, combo.count())]
    assert all(combo.fontMetrics().horizontalAdvance(text) <= room for text in texts if "copy" in text), texts
    desk.type("S")
    assert combo.currentData() == "salinan_elektronik"
    assert combo.itemData(combo.currentIndex(), Qt.ItemDataRole.ToolTipRole) == \
        "Mendapatkan salinan informasi (softcopy)"  # the form's own wording, as on the receipt


def test_the_red_status_goes_once_every_marked_field_is_put_right(qtbot, page, desk):  # noqa: F811
    # Xvfb: "perbaiki isian yang ditandai merah" stayed under a form with nothing red left
    desk.type("Agustina Lay")
    desk.tab_to("phone")
    desk.type("0812-34x")
    desk.press(Qt.Key.Key_Tab)
    desk.type("agustina@")
    desk.press(Qt.Key.Key_Return)
    form = page.registration
    assert form.field_error("phone") and form.field_error("email")
    assert "ditandai merah" in form.status_text()
    assert desk.focus is page.fields["phone"]
    desk.press(Qt.Key.Key_Backspace)
    assert form.field_error("phone") is None
    assert "ditandai merah" in form.status_text()  # the e-mail is still wrong
    desk.press(Qt.Key.Key_Tab)
    desk.type("timorexpress.com")
    assert form.field_error("purpose") and "ditandai merah" in form.status_text()  # none chosen yet
    desk.press(Qt.Key.Key_Tab)
    desk.type("P")
    assert form.status_text() == ""


def test_the_purpose_list_shows_its_focus_after_a_returning_visitor_is_picked(
        qtbot, ws, staff, page, desk):  # noqa: F811
    # Xvfb: after Enter on the offer the cursor was in Keperluan but the list had no focus frame
    register_visitor(ws, staff["Help Desk"], VisitorForm(name="Yosef Manafe", purpose="bertamu"))
    window = page.window()
    window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, False)  # as after a click
    desk.type("Yos")
    qtbot.waitUntil(lambda: page.suggestion_texts() != [])
    desk.press(Qt.Key.Key_Down)
    desk.press(Qt.Key.Key_Return)
    assert desk.focus is page.fields["purpose"]
    assert window.testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)  # the style draws the frame


def test_down_from_the_search_goes_to_the_rows_found_with_the_first_chosen(
        qtbot, ws, staff, page, desk):  # noqa: F811
    # Xvfb: ↓ in Cari did nothing; Tab reached the list with no row chosen and Ctrl+P refused
    for name in ("Yosef Manafe", "Ratna Djami", "Yosef Ratu"):
        register_visitor(ws, staff["Help Desk"], VisitorForm(name=name, purpose="bertamu"))
    page.refresh()
    lister = page.visitor_list
    lister.table.clearSelection()
    desk.press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert desk.focus is lister.search_box
    desk.type("yosef")
    desk.press(Qt.Key.Key_Down)  # before the search's pause ended: the rows of "yosef"
    assert desk.focus is lister.table
    assert lister.model.rowCount() == 2
    assert lister.selected_visitor() == lister.model.visitor_id(0)  # what Ctrl+P prints
    desk.press(Qt.Key.Key_Down)
    assert lister.selected_visitor() == lister.model.visitor_id(1)
    desk.press(Qt.Key.Key_Up, times=2)  # ↑ from the first row: back to the search, to type on
    assert desk.focus is lister.search_box and lister.search_box.selectedText() == "yosef"
    lister.search_box.setText("tidak ada")
    lister.refresh()
    lister.search_box.setFocus()
    desk.press(Qt.Key.Key_Down)  # nothing found: the cursor stays where the search is typed
    assert desk.focus is lister.search_box


def test_every_placeholder_of_the_form_is_whole_at_1024(qtbot, page):  # noqa: F811
    # Xvfb 1024x768: "NIK 16 angka, atau nomor paspor / k…"
    page.resize(800, 700)  # the page beside the navigation on a 1024x768 screen
    qtbot.wait(20)
    for key in ("name", "id_number", "phone", "email"):
        field = page.fields[key]
        room = field.width() - 12  # the frame and the text margins
        assert field.fontMetrics().horizontalAdvance(field.placeholderText()) <= room, key


def test_the_guide_tells_the_desks_keys_as_the_form_takes_them(qtbot, page, desk):  # noqa: F811
    # the guide said Enter moved to the next field and saved in the last; Enter saves from any
    from sopdesk.gui.guide import guide_text

    desk_part = guide_text().split("## 4. Meja Layanan")[1].split("\n## ")[0]
    assert "**Tab** berpindah ke kolom berikutnya" in desk_part
    assert "**Enter** menyimpan dari kolom mana pun" in desk_part
    desk.type("Frans Tefa")
    desk.press(Qt.Key.Key_Tab)
    assert desk.focus is page.fields["id_number"]  # Tab: the next field
    desk.press(Qt.Key.Key_Return)  # Enter in a field that is not the last: saves (here: refused, no purpose)
    assert page.registration.field_error("purpose")


def test_alt_b_opens_the_buku_tamu_from_the_form(qtbot, page, desk, monkeypatch):  # noqa: F811
    # the day's report took Ctrl+F and four Tabs to reach its button; Alt+B from any field of the form
    from PySide6.QtTest import QTest

    from sopdesk.gui.printing import PeriodDialog

    asked: list[str] = []
    monkeypatch.setattr(PeriodDialog, "exec", lambda dialog: asked.append(dialog.windowTitle()) or 0)
    desk.type("Yakobus")
    QTest.keyClick(page.windowHandle(), Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # as the window gets it
    qtbot.waitUntil(lambda: asked == ["Buku tamu"])  # a mnemonic clicks as if animated
    assert page.registration.value("name") == "Yakobus"  # nothing typed is lost


def test_enter_on_a_visitor_row_opens_their_tanda_bukti(qtbot, ws, staff, page, desk, monkeypatch):  # noqa: F811
    # Xvfb: Ctrl+F, the name, Down to the row, Enter: nothing happened
    visitor_id, _ = register_visitor(ws, staff["Help Desk"], VisitorForm(name="Agustina Lenggu", purpose="bertamu"))
    page.refresh()
    printed: list[int | None] = []
    monkeypatch.setattr(page.visitor_list, "print_receipt",
                        lambda: printed.append(page.visitor_list.selected_visitor()))
    page.visitor_list.focus_search()
    desk.type("Agustina")
    desk.press(Qt.Key.Key_Down)
    assert desk.focus is page.table
    desk.press(Qt.Key.Key_Return)
    assert printed == [visitor_id]
