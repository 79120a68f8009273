"""The help-desk page driven like a user at the desk: keys only, offscreen."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLineEdit, QPlainTextEdit
from sqlalchemy import func, select

from sopdesk.engine.queries import case_detail, inbox_page, visitors_between
from sopdesk.engine.visitors import VisitorForm, register_visitor
from sopdesk.gui.context import GuiContext
from sopdesk.gui.enter_presses import enter_presses_buttons
from sopdesk.gui.helpdesk import HelpDeskPage, VisitorTableModel, registration_form, visitor_list
from sopdesk.gui.printing import PeriodDialog
from sopdesk.store.models import Case, Visitor


class InputCounter(QObject):
    """Counts what reaches the application: key presses, and any mouse use at all."""

    MOUSE = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
             QEvent.Type.Wheel}

    def __init__(self):
        super().__init__()
        self.keys = 0
        self.mouse = 0

    def eventFilter(self, watched, event):  # noqa: ANN001, ANN201, N802 - Qt API
        if event.type() in self.MOUSE:
            self.mouse += 1
        return False


class Desk:
    """A user at the keyboard: every key goes to whatever widget has the focus."""

    def __init__(self, qtbot, page: HelpDeskPage):
        self.qtbot = qtbot
        self.page = page
        self.counter = InputCounter()
        QApplication.instance().installEventFilter(self.counter)

    def close(self) -> None:
        QApplication.instance().removeEventFilter(self.counter)

    @property
    def focus(self):  # noqa: ANN201 - a QWidget
        return QApplication.focusWidget()

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focus, text)
        self.counter.keys += len(text)

    def press(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:  # noqa: ANN001
        for _ in range(times):
            self.qtbot.keyClick(self.focus, key, modifier)
            self.counter.keys += 1

    def tab_to(self, key: str, limit: int = 15) -> int:
        """Press Tab until the form field `key` has the focus; return how many presses."""
        target = self.page.fields[key]
        for presses in range(limit + 1):
            if self.focus is target:
                return presses
            self.press(Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reached {key}; focus is on {self.focus.objectName()!r}")


@pytest.fixture
def ctx(ws, staff):
    return GuiContext(ws, staff["Help Desk"])


@pytest.fixture
def page(qtbot, ctx):
    widget = HelpDeskPage(ctx)
    qtbot.addWidget(widget)
    enter_presses_buttons(widget)  # as the main window does for all its pages
    widget.resize(1300, 800)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget.fields["name"])
    return widget


@pytest.fixture
def desk(qtbot, page):
    user = Desk(qtbot, page)
    yield user
    user.close()


def counts(ws) -> tuple[int, int]:
    with ws.db.reading() as session:
        return session.scalar(select(func.count(Visitor.id))), session.scalar(select(func.count(Case.id)))


def today(ws, clock):
    return visitors_between(ws, clock.now - timedelta(hours=12), clock.now + timedelta(hours=12))


def test_information_request_by_keyboard_alone_starts_a_case_with_the_help_desk_steps_done(
        qtbot, ws, clock, ctx, page, desk):
    changed = []
    ctx.data_changed.connect(lambda: changed.append(True))
    assert page.visitor_list.empty_text() == "Belum ada tamu hari ini"
    assert not page.registration.info_fields_visible()

    desk.type("Maria Ndun")
    assert desk.tab_to("id_number") == 1
    desk.type("5371014501900001")
    desk.press(Qt.Key.Key_Tab)
    desk.type("Universitas Nusa Cendana")
    assert desk.tab_to("purpose") == 5  # Pekerjaan, Alamat, Telepon, E-mail left empty
    desk.type("P")  # keyboard search in the choice list: Permohonan informasi publik
    assert page.fields["purpose"].currentData() == "permohonan_informasi"
    assert page.registration.info_fields_visible()
    assert desk.tab_to("info_requested") == 2  # through Uraian keperluan
    desk.type("Data DPT per kelurahan 2024")
    desk.press(Qt.Key.Key_Tab)
    assert desk.focus is page.fields["directed_to"]  # whom the requester is directed to (step 2)
    desk.type("S")  # keyboard search in the choice list: Sekretaris
    assert page.registration.value("directed_to") == "Sekretaris"
    desk.press(Qt.Key.Key_Return)

    # the engine recorded the visitor and started a PP case; the registration did steps 1 and 2
    (visitor,) = today(ws, clock)
    assert (visitor.name, visitor.id_number, visitor.institution, visitor.purpose) == (
        "Maria Ndun", "5371014501900001", "Universitas Nusa Cendana", "permohonan_informasi")
    assert visitor.info_requested == "Data DPT per kelurahan 2024"
    detail = case_detail(ws, "PP/2026/0001")
    assert detail["requester"] == "Maria Ndun"
    assert [(i["step"], i["status"], i["completed_by"]) for i in detail["items"]] == [
        (1, "done", "help.desk"), (2, "done", "help.desk"), (3, "open", None)]
    assert detail["items"][1]["note"] == "Pemohon diarahkan kepada Sekretaris"
    assert inbox_page(ws, ["Help Desk"]) == []  # no forms left at the desk to turn late
    # the desk sees it and is ready for the next visitor
    assert page.status_text() == ("Tamu Maria Ndun tercatat; kasus PP/2026/0001 dimulai, diteruskan ke "
                                  "kegiatan 3 (Komisioner)")
    assert all(page.registration.value(k) in ("", None) for k in page.fields)
    assert not page.registration.info_fields_visible()
    assert QApplication.focusWidget() is page.fields["name"]
    assert changed == [True]
    # today's list shows the new row
    model = page.visitor_list.model
    assert model.rowCount() == 1
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row == ["09:00", "Maria Ndun", "Universitas Nusa Cendana", "Permohonan informasi publik",
                   "PP/2026/0001"]
    assert page.visitor_list.list_title.text() == "Tamu hari ini (1)"
    # keyboard only: no mouse event at all, and about as many keys as characters typed
    typed = len("Maria Ndun" "5371014501900001" "Universitas Nusa Cendana" "P" "Data DPT per kelurahan 2024"
                "S")
    assert desk.counter.mouse == 0
    assert desk.counter.keys - typed == 11  # 1 + 1 + 5 + 2 + 1 Tabs, and Enter


def test_a_registration_on_the_worker_is_sent_once_and_the_buttons_wait_for_it(qtbot, ws, clock, ctx, page, desk):
    from test_gui_step_form import HeldWorker  # the window's worker, holding the command until released

    ctx.worker = worker = HeldWorker()
    desk.type("Yohanes Manafe")
    desk.tab_to("purpose")
    desk.type("B")  # Bertamu / bertemu pejabat
    desk.press(Qt.Key.Key_Return)
    assert len(worker.jobs) == 1 and counts(ws) == (0, 0)  # running, not done
    form = page.registration
    assert not form.save_button.isEnabled() and not form.clear_button.isEnabled()
    desk.press(Qt.Key.Key_Return)  # Enter again while it runs: no second visitor
    assert len(worker.jobs) == 1
    worker.release()
    assert counts(ws) == (1, 0)
    assert page.status_text() == "Tamu Yohanes Manafe tercatat"
    assert form.save_button.isEnabled() and form.value("name") == ""
    assert page.visitor_list.model.rowCount() == 1  # the list heard of it


def test_guest_by_keyboard_hides_information_fields_and_saves_with_enter(qtbot, ws, clock, page, desk):
    desk.type("Yohanes Manafe")
    desk.tab_to("purpose")
    desk.type("B")  # Bertamu / bertemu pejabat
    assert page.fields["purpose"].currentData() == "bertamu"
    assert not page.registration.info_fields_visible()
    for key in ("info_requested", "info_use", "obtain_method", "delivery_method"):
        assert not page.fields[key].isVisibleTo(page)
    desk.press(Qt.Key.Key_Tab)
    assert desk.focus is page.fields["purpose_text"]
    desk.type("Bertemu Sekretaris")
    desk.press(Qt.Key.Key_Return)  # a new line in a multi-line field, not a save
    assert counts(ws) == (0, 0)
    desk.press(Qt.Key.Key_Tab)
    assert desk.focus is page.registration.save_button  # the hidden information fields are skipped
    desk.press(Qt.Key.Key_Return)
    (visitor,) = today(ws, clock)
    assert (visitor.name, visitor.purpose, visitor.case_id) == ("Yohanes Manafe", "bertamu", None)
    assert visitor.purpose_text == "Bertemu Sekretaris"
    assert page.status_text() == "Tamu Yohanes Manafe tercatat"
    assert desk.focus is page.fields["name"]
    assert desk.counter.mouse == 0


def test_tab_goes_top_to_bottom_through_every_field(qtbot, page, desk):
    seen = [desk.focus.objectName()]
    while desk.focus is not page.registration.save_button and len(seen) < 20:
        if desk.focus is page.fields["purpose"]:
            desk.type("P")  # an information request: its fields join the chain, in form order
        desk.press(Qt.Key.Key_Tab)
        seen.append(desk.focus.objectName())
    assert seen == ["name", "id_number", "institution", "occupation", "address", "phone", "email", "purpose",
                    "purpose_text", "info_requested", "directed_to", "info_use", "obtain_method",
                    "delivery_method",
                    "saveButton"]
    desk.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert desk.focus is page.fields["delivery_method"]


def test_enter_in_any_single_line_field_saves(qtbot, ws, clock, page, desk):
    page.fields["purpose"].setCurrentIndex(page.fields["purpose"].findData("konsultasi"))
    desk.type("Siti Hidayat")
    desk.tab_to("phone")
    desk.type("0812 3456 7890")
    desk.press(Qt.Key.Key_Enter)  # the keypad's Enter too
    (visitor,) = today(ws, clock)
    assert (visitor.name, visitor.phone, visitor.purpose) == ("Siti Hidayat", "0812 3456 7890", "konsultasi")


def test_bad_email_is_shown_next_to_the_field_and_nothing_is_recorded(qtbot, ws, page, desk):
    desk.type("Benyamin Lado")
    desk.tab_to("email")
    desk.type("benyamin@undana")
    desk.tab_to("purpose")
    desk.type("P")
    desk.tab_to("info_requested")
    desk.type("Salinan SK penetapan")
    desk.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert counts(ws) == (0, 0)
    email = page.fields["email"]
    assert page.registration.field_error("email") == "Alamat e-mail tidak sah (contoh: nama@contoh.id)"
    error_label = page.registration.errors["email"]
    assert error_label.isVisible()
    # the message sits right under the E-mail field, and the field is outlined
    below = email.mapTo(page, email.rect().bottomLeft())
    label_at = error_label.mapTo(page, error_label.rect().topLeft())
    assert abs(label_at.x() - below.x()) <= 4 and 0 <= label_at.y() - below.y() <= 8
    assert email.property("invalid") is True
    assert email.parentWidget().property("invalid") is True  # the outline round the field
    assert QApplication.focusWidget() is email
    assert [k for k in page.fields if page.registration.field_error(k)] == ["email"]
    assert page.status_text() == "Tamu belum tercatat: perbaiki isian yang ditandai merah."
    # nothing typed is lost
    assert page.registration.value("name") == "Benyamin Lado"
    assert email.text() == "benyamin@undana"
    assert page.registration.value("purpose") == "permohonan_informasi"
    assert page.registration.value("info_requested") == "Salinan SK penetapan"

    # correcting the field removes the mark; Enter then saves
    desk.type(".ac.id")
    assert page.registration.field_error("email") is None and email.property("invalid") is False
    desk.press(Qt.Key.Key_Return)
    assert counts(ws) == (1, 1)
    assert page.status_text().endswith("kasus PP/2026/0001 dimulai, diteruskan ke kegiatan 3 (Komisioner)")


def test_every_wrong_field_is_marked_at_once(qtbot, ws, page, desk):
    """Seen registering a queue on X: a wrong NIK and a wrong e-mail took two Enters, the second
    field marked only after the first was put right. Every wrong field is marked at once; the
    cursor goes to the first of them."""
    desk.type("Budi Santoso")
    desk.tab_to("id_number")
    desk.type("5371-ABC!")
    desk.tab_to("phone")
    desk.type("08x12")
    desk.tab_to("email")
    desk.type("budi@")
    desk.tab_to("purpose")
    desk.type("K")  # Konsultasi
    desk.press(Qt.Key.Key_Return)
    assert [k for k in page.fields if page.registration.field_error(k)] == ["id_number", "phone", "email"]
    assert page.registration.field_error("phone") == "Nomor telepon hanya berisi angka (boleh diawali +), 6-20 digit"
    assert desk.focus is page.fields["id_number"]
    assert counts(ws) == (0, 0)


def test_missing_required_fields_are_named_in_order(qtbot, ws, page, desk):
    desk.press(Qt.Key.Key_Return)
    assert page.registration.field_error("name") == "Nama wajib diisi"
    assert desk.focus is page.fields["name"]
    desk.type("Yakobus Ruku")
    desk.press(Qt.Key.Key_Return)
    assert page.registration.field_error("name") is None
    assert page.registration.field_error("purpose")
    assert desk.focus is page.fields["purpose"]
    desk.type("P")
    desk.press(Qt.Key.Key_Return)
    assert page.registration.field_error("info_requested") == ("Rincian informasi yang dibutuhkan wajib diisi untuk "
                                                  "permohonan informasi publik")  # the door's label
    assert desk.focus is page.fields["info_requested"]
    assert counts(ws) == (0, 0)


def test_email_delivery_without_email_marks_the_email_field(qtbot, ws, page, desk):
    desk.type("Maria Ndun")
    desk.tab_to("purpose")
    desk.type("P")
    desk.tab_to("info_requested")
    desk.type("Data DPT")
    desk.tab_to("delivery_method")
    desk.type("E")  # E-mail
    assert page.registration.value("delivery_method") == "email"
    desk.press(Qt.Key.Key_Return)
    assert page.registration.field_error("email") == "Isi alamat e-mail bila salinan dikirim lewat e-mail"
    assert desk.focus is page.fields["email"]
    assert counts(ws) == (0, 0)


def test_engine_refusal_is_shown_and_the_form_is_kept(qtbot, ws, make_user, monkeypatch):
    shown = []
    monkeypatch.setattr(registration_form, "show_error", lambda parent, exc, title=None: shown.append(str(exc)))
    page = HelpDeskPage(GuiContext(ws, make_user("kasubag", "Kasubag")))
    qtbot.addWidget(page)
    page.fields["name"].setText("Maria Ndun")
    page.fields["purpose"].setCurrentIndex(page.fields["purpose"].findData("bertamu"))
    assert page.save() is False
    assert len(shown) == 1 and shown[0]
    assert counts(ws) == (0, 0)
    assert page.registration.value("name") == "Maria Ndun" and page.registration.value("purpose") == "bertamu"
    assert page.status_text() == "Tamu belum tercatat."


def test_returning_visitor_is_offered_and_fills_the_identity_fields(qtbot, ws, staff, clock, page, desk):
    register_visitor(ws, staff["Help Desk"], VisitorForm(
        name="Maria Ndun", purpose="bertamu", id_number="5371014501900001",
        institution="Universitas Nusa Cendana", occupation="Dosen", address="Jl. Adisucipto, Penfui",
        phone="0812 3456 7890", email="maria.ndun@undana.ac.id"))
    register_visitor(ws, staff["Help Desk"], VisitorForm(name="Marthen Lopo", purpose="bertamu"))
    clock.advance(days=3)

    desk.type("mari")
    qtbot.waitUntil(lambda: page.suggestion_texts() != [])
    assert page.suggestion_texts() == ["Maria Ndun · NIK 5371014501900001 · Universitas Nusa Cendana · 0812 3456 7890"]
    assert desk.focus is page.fields["name"]  # typing goes on in Nama
    desk.press(Qt.Key.Key_Down)
    desk.press(Qt.Key.Key_Return)  # takes the suggestion, does not save
    assert counts(ws) == (2, 0)
    assert page.suggestion_texts() == []
    assert {k: page.registration.value(k) for k in ("name", "id_number", "institution", "occupation", "address",
                                        "phone", "email")} == {
        "name": "Maria Ndun", "id_number": "5371014501900001", "institution": "Universitas Nusa Cendana",
        "occupation": "Dosen", "address": "Jl. Adisucipto, Penfui", "phone": "0812 3456 7890",
        "email": "maria.ndun@undana.ac.id"}
    assert desk.focus is page.fields["purpose"]  # next: what the visit is for
    desk.type("B")
    desk.press(Qt.Key.Key_Return)
    assert counts(ws) == (3, 0)
    assert desk.counter.mouse == 0


def test_returning_visitor_by_id_number_and_escape_closes_the_offer(qtbot, ws, staff, page, desk):
    register_visitor(ws, staff["Help Desk"], VisitorForm(
        name="Maria Ndun", purpose="bertamu", id_number="5371014501900001", institution="Undana"))
    desk.press(Qt.Key.Key_Tab)
    desk.type("537101")
    qtbot.waitUntil(lambda: page.suggestion_texts() != [])
    assert page.suggestion_texts()[0].startswith("Maria Ndun · NIK 5371014501900001")
    desk.press(Qt.Key.Key_Escape)
    assert page.suggestion_texts() == []
    assert page.registration.value("id_number") == "537101" and page.registration.value("name") == ""


def test_todays_list_search_and_ranges(qtbot, ws, staff, clock, page):
    hd = staff["Help Desk"]
    register_visitor(ws, hd, VisitorForm(name="Lama Sekali", purpose="bertamu", institution="Bawaslu"))
    clock.advance(days=5)
    register_visitor(ws, hd, VisitorForm(name="Maria Ndun", purpose="permohonan_informasi",
                                         institution="Undana", info_requested="DPT"))
    clock.advance(minutes=30)
    register_visitor(ws, hd, VisitorForm(name="Yohanes Manafe", purpose="bertamu", institution="Bawaslu"))
    page.refresh()
    model = page.visitor_list.model
    names = [model.index(r, VisitorTableModel.NAME).data() for r in range(model.rowCount())]
    assert names == ["Yohanes Manafe", "Maria Ndun"]  # today only, newest first
    assert page.visitor_list.model.index(0, VisitorTableModel.TIME).data() == "09:30"

    page.visitor_list.search_box.setText("bawaslu")
    qtbot.waitUntil(lambda: page.visitor_list.model.rowCount() == 1)
    assert page.visitor_list.model.index(0, VisitorTableModel.NAME).data() == "Yohanes Manafe"
    page.visitor_list.range_combo.setCurrentIndex(page.visitor_list.range_combo.findData("7"))
    assert [model.index(r, VisitorTableModel.NAME).data() for r in range(model.rowCount())] == [
        "Yohanes Manafe", "Lama Sekali"]
    assert page.visitor_list.model.index(1, VisitorTableModel.TIME).data() == "02-03-2026 09:00"
    page.visitor_list.search_box.setText("PP/2026")
    page.refresh()
    assert model.rowCount() == 1 and model.index(0, VisitorTableModel.CASE).data() == "PP/2026/0001"
    page.visitor_list.search_box.setText("tidak ada")
    page.refresh()
    assert page.visitor_list.empty_text() == "Tidak ada tamu yang cocok dengan \u201ctidak ada\u201d"


def test_today_follows_the_office_time_zone(qtbot, ws, staff, clock, page):
    clock.advance(hours=-9, minutes=-30)  # 23:30 WITA on Sunday 1 March (15:30 UTC)
    register_visitor(ws, staff["Help Desk"], VisitorForm(name="Malam Minggu", purpose="bertamu"))
    clock.advance(minutes=45)  # 00:15 WITA Monday, still Sunday in UTC
    register_visitor(ws, staff["Help Desk"], VisitorForm(name="Pagi Senin", purpose="bertamu"))
    page.refresh()
    assert page.visitor_list.model.rowCount() == 1
    assert [page.visitor_list.model.index(0, c).data() for c in (0, 1)] == ["00:15", "Pagi Senin"]


def test_visitor_model_passes_the_model_tester(qtmodeltester, ws, staff, clock, page):
    qtmodeltester.check(page.visitor_list.model)  # empty
    for name in ("Maria Ndun", "Yohanes Manafe", "Siti Hidayat"):
        clock.advance(minutes=5)
        register_visitor(ws, staff["Help Desk"], VisitorForm(name=name, purpose="bertamu"))
    page.refresh()
    assert page.visitor_list.model.rowCount() == 3
    qtmodeltester.check(page.visitor_list.model)


def test_widgets_are_what_the_desk_expects(page):
    assert isinstance(page.fields["name"], QLineEdit)
    assert isinstance(page.fields["purpose"], QComboBox)
    assert isinstance(page.fields["info_requested"], QPlainTextEdit)
    purposes = [page.fields["purpose"].itemText(i) for i in range(page.fields["purpose"].count())]
    assert purposes == ["Permohonan informasi publik", "Bertamu / bertemu pejabat", "Pengaduan", "Konsultasi",
                        "Lainnya"]
    assert page.fields["purpose"].currentIndex() == -1  # a purpose is chosen, never assumed


# --- #9 point 5: the help desk by keyboard -------------------------------------------------------

def desk_window(qtbot, ws, actor):  # noqa: ANN001, ANN201 - the main window, shown
    from sopdesk.gui.main_window import MainWindow

    window = MainWindow(GuiContext(ws, actor))
    window.backup_on_exit = False
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_ctrl_2_and_the_navigation_put_the_cursor_in_nama_every_time(qtbot, ws, staff):
    window = desk_window(qtbot, ws, staff["Help Desk"])
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.page("helpdesk")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.fields["name"])
    qtbot.keyClicks(QApplication.focusWidget(), "Maria")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.fields["id_number"]
    # away and back by keyboard: the cursor is in Nama again, its text selected to type over
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.page("inbox")
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is page
    assert QApplication.focusWidget() is page.fields["name"]
    # and by a click on the navigation: typing then goes into Nama, on this screen
    window.nav.setCurrentRow(0)
    rect = window.nav.visualItemRect(window.nav.item(1))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is page
    assert QApplication.focusWidget() is page.fields["name"]
    qtbot.keyClicks(QApplication.focusWidget(), "Ndun")
    assert page.fields["name"].text() == "Ndun"  # typed over the selected "Maria"
    assert window.stack.currentWidget() is page


def test_typing_after_a_click_on_the_navigation_does_not_jump_to_another_screen(qtbot, ws, staff):
    window = desk_window(qtbot, ws, staff["Help Desk"])
    rect = window.nav.visualItemRect(window.nav.item(2))  # Kasus (its search box takes the typing)
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.nav.currentRow() == 2
    for letter in "KPMS":  # Kotak Masuk, Katalog SOP, Pengaturan, Meja Layanan, Surat & Ekspedisi
        qtbot.keyClicks(QApplication.focusWidget() or window.nav, letter)
        assert window.nav.currentRow() == 2
    window.nav.setFocus()  # nor when the navigation itself has the keyboard
    qtbot.keyClicks(window.nav, "KPMS")
    assert window.nav.currentRow() == 2
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)  # the arrows still move through the screens
    assert window.nav.currentRow() == 3


def test_tab_leaves_the_visitor_list(qtbot, ws, staff, clock, page, desk):
    for name in ("Maria Ndun", "Yohanes Manafe"):
        register_visitor(ws, staff["Help Desk"], VisitorForm(name=name, purpose="bertamu"))
    page.refresh()
    page.table.setFocus(Qt.FocusReason.TabFocusReason)
    page.table.selectRow(0)
    assert desk.focus is page.table
    desk.press(Qt.Key.Key_Tab)
    assert desk.focus is not page.table  # not the next cell of the row
    desk.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert desk.focus is page.table
    desk.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert desk.focus is page.visitor_list.range_combo


def test_ctrl_p_prints_the_receipt_of_the_visitor_just_registered_and_says_where_it_went(
        qtbot, ws, clock, page, desk, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QDialog, QFileDialog

    assert "Ctrl+P" in page.receipt_button.text() and "Ctrl+P" in page.receipt_button.toolTip()
    desk.type("Maria Ndun")
    desk.tab_to("purpose")
    desk.type("P")
    desk.tab_to("info_requested")
    desk.type("Data DPT")
    desk.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (visitor,) = today(ws, clock)
    assert desk.focus is page.fields["name"]

    target = tmp_path / "arsip" / "tanda bukti Maria.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    desk.press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    previews = [d for d in page.findChildren(QDialog) if hasattr(d, "save_pdf")]
    assert len(previews) == 1  # the receipt of the visitor just registered, in the print preview
    assert previews[0].default_name == f"tanda-bukti-{visitor.id}.pdf"
    assert "pratinjau" in page.status_text()
    previews[0].save_pdf()
    assert target.read_bytes().startswith(b"%PDF")
    assert page.status_text() == f"Tanda bukti disimpan sebagai PDF di {target}"
    assert page.visitor_list.receipt_path == target
    previews[0].printed.emit(1)
    assert page.status_text() == "Tanda bukti dikirim ke printer (1 lembar)"
    previews[0].reject()
    assert page.status_text() == "Tanda bukti dikirim ke printer (1 lembar)"  # what it did stays said
    assert desk.counter.mouse == 0

    # Xvfb: a preview closed with Esc left "... simpan sebagai PDF atau cetak dari sana" while the
    # next visitor was typed; it says the receipt was neither printed nor saved
    desk.press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "pratinjau cetak" in page.status_text())
    again = [d for d in page.findChildren(QDialog) if hasattr(d, "save_pdf") and d.isVisible()]
    assert len(again) == 1
    QTest.keyClick(again[0], Qt.Key.Key_Escape)
    assert page.status_text() == ("Pratinjau tanda bukti ditutup; tanda bukti belum dicetak atau disimpan "
                                  "(Ctrl+P untuk membukanya lagi).")


def test_a_receipt_written_straight_to_a_file_names_the_file(qtbot, ws, staff, page, monkeypatch, tmp_path):
    register_visitor(ws, staff["Help Desk"], VisitorForm(name="Maria Ndun", purpose="permohonan_informasi",
                                                         info_requested="Data DPT"))
    page.refresh()
    page.table.selectRow(0)
    written = tmp_path / "tanda-bukti.pdf"

    def straight(parent, worker, name, render, on_finished=None):  # noqa: ANN001, ANN202 - no preview
        on_finished(render(written))

    monkeypatch.setattr(visitor_list, "print_pdf", straight)
    page.visitor_list.print_receipt()
    assert written.exists()
    assert page.status_text() == f"Tanda bukti disimpan sebagai PDF di {written}"


# --- #9 cosmetic: the visitor list's columns ---------------------------------------------------------

def test_name_and_institution_keep_a_readable_width_in_semua(qtbot, ws, staff, clock, page):
    clock.advance(days=-2)
    for day in range(3):  # three days: "Semua" shows the date with the time
        register_visitor(ws, staff["Help Desk"], VisitorForm(
            name=f"Maria Magdalena Ndun Lerik {day}", purpose="permohonan_informasi",
            institution="Fakultas Ilmu Sosial dan Ilmu Politik Universitas Nusa Cendana",
            info_requested="Data DPT"))
        clock.advance(days=1 if day < 2 else 0)
    page.resize(1024 - 220, 700)  # the page beside the navigation on a 1024x768 screen
    page.visitor_list.range_combo.setCurrentIndex(page.visitor_list.range_combo.findData("all"))
    qtbot.waitUntil(lambda: page.visitor_list.model.rowCount() == 3)
    header = page.table.horizontalHeader()
    model = page.visitor_list.model
    three_chars = page.table.fontMetrics().horizontalAdvance("Mar…") + 12

    def fitted() -> None:  # the resize reaches the list's viewport, then its columns: waited for, not 50 ms
        # beside the form, two lines a row: Nama over Instansi, the date over the time
        assert model.compact and page.table.isColumnHidden(VisitorTableModel.INSTITUTION)
        assert header.sectionSize(VisitorTableModel.NAME) >= visitor_list.NAME_MIN > three_chars
        assert header.sectionSize(VisitorTableModel.PURPOSE) >= visitor_list.PURPOSE_MIN
        # the date-and-time column still shows its whole text
        lines = model.index(0, VisitorTableModel.TIME).data().split("\n")
        assert len(lines) == 2
        assert header.sectionSize(VisitorTableModel.TIME) >= max(map(page.table.fontMetrics().horizontalAdvance, lines))

    qtbot.waitUntil(fitted, timeout=10_000)
    name = header.sectionSize(VisitorTableModel.NAME)
    assert model.index(0, VisitorTableModel.NAME).data().split("\n") == [
        "Maria Magdalena Ndun Lerik 2", "Fakultas Ilmu Sosial dan Ilmu Politik Universitas Nusa Cendana"]
    # on a wide page, five columns on one line, Nama and Instansi sharing the room left
    page.resize(1600, 700)
    qtbot.waitUntil(lambda: not model.compact)
    qtbot.waitUntil(lambda: header.sectionSize(VisitorTableModel.NAME) > name)
    assert header.sectionSize(VisitorTableModel.INSTITUTION) >= visitor_list.INSTITUTION_MIN


# --- #9 cosmetic: full NIK and phone numbers only for the Help Desk and administrators ---------------

def test_other_roles_see_the_suggestions_masked_and_nothing_masked_is_filled_in(qtbot, ws, staff):
    register_visitor(ws, staff["Help Desk"], VisitorForm(
        name="Maria Ndun", purpose="bertamu", id_number="5371014501900001", institution="Undana",
        phone="081234567890"))
    page = HelpDeskPage(GuiContext(ws, staff["Kasubag"]))
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitExposed(page)
    page.fields["name"].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.fields["name"])
    qtbot.keyClicks(page.fields["name"], "Maria")
    qtbot.waitUntil(lambda: page.suggestion_texts() != [])
    assert page.suggestion_texts() == ["Maria Ndun · NIK ************0001 · Undana · ********7890"]
    qtbot.keyClick(page.fields["name"], Qt.Key.Key_Down)
    qtbot.keyClick(page.fields["name"], Qt.Key.Key_Return)
    assert (page.registration.value("name"), page.registration.value("institution")) == ("Maria Ndun", "Undana")
    assert (page.registration.value("id_number"), page.registration.value("phone")) == ("", "")


# --- a busy morning (Xvfb, keyboard only): phone numbers, the office day, searches ------------------


def test_a_returning_visitor_is_found_by_the_phone_number_typed_in_telepon(qtbot, ws, staff, page):
    register_visitor(ws, staff["Help Desk"], VisitorForm(
        name="Marselina Tefa", purpose="pengaduan", institution="Perorangan", address="Oesapa Barat RT 05",
        phone="0812-3790-5521", email="marselina@gmail.com"))
    phone = page.fields["phone"]
    phone.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(phone, "0812 3790")  # as the visitor says it, not as it was stored
    qtbot.waitUntil(lambda: page.suggestion_texts() != [])
    assert page.suggestion_texts() == ["Marselina Tefa · Perorangan · 0812-3790-5521"]
    assert QApplication.focusWidget() is phone  # typing goes on in the field
    qtbot.keyClick(phone, Qt.Key.Key_Down)
    qtbot.keyClick(phone, Qt.Key.Key_Return)  # fills the identity, does not save
    values = {key: page.registration.value(key) for key in ("name", "institution", "address", "phone", "email")}
    assert values == {"name": "Marselina Tefa", "institution": "Perorangan", "address": "Oesapa Barat RT 05",
                      "phone": "0812-3790-5521", "email": "marselina@gmail.com"}
    assert QApplication.focusWidget() is page.fields["purpose"]
    hint = page.registration.findChild(type(page.registration.status), "hint").text()
    assert "nama, NIK atau telepon" in hint
    assert "↓\u00a0memilih" in hint  # at 1024x768 the arrow ended a line and "memilih" began the next


def test_the_buku_tamu_period_ends_on_the_office_day_not_the_pcs(qtbot, ws, staff, clock, page, monkeypatch):
    clock.now = datetime(2026, 12, 3, 18, 30, tzinfo=timezone.utc)  # 4 December, 02.30 WITA
    asked: list[tuple[date, date]] = []

    def answered(dialog: PeriodDialog) -> int:
        asked.append(dialog.dates())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(PeriodDialog, "exec", answered)
    ranges = page.visitor_list.range_combo
    for key in ("today", "7", "all"):  # the days the list shows: "Tamu hari ini" prints today's book
        ranges.setCurrentIndex(ranges.findData(key))
        page.visitor_list.print_register()
    assert asked == [(date(2026, 12, 4), date(2026, 12, 4)), (date(2026, 11, 28), date(2026, 12, 4)),
                     (date(2026, 12, 1), date(2026, 12, 4))]


def test_a_long_entry_shows_its_start_once_the_clerk_tabs_on(qtbot, page, desk):
    institution = page.fields["institution"]
    desk.press(Qt.Key.Key_Tab, times=2)
    long_name = "Fakultas Hukum Universitas Nusa Cendana (Pusat Kajian Demokrasi dan Pemilu)"
    desk.type(long_name)
    assert institution.cursorPosition() == len(long_name)
    # the window losing the focus (a dialog, another program) leaves the cursor where typing goes on
    QApplication.sendEvent(institution, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.ActiveWindowFocusReason))
    assert institution.cursorPosition() == len(long_name)
    desk.press(Qt.Key.Key_Tab)  # on to Pekerjaan: Instansi reads "Fakultas Hukum ...", not "...dan Pemilu)"
    assert desk.focus is page.fields["occupation"]
    assert institution.cursorPosition() == 0 and institution.text() == long_name
    desk.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # back: all selected, as Tab does
    assert institution.selectedText() == long_name


def test_ctrl_p_after_a_registration_prints_the_new_visitor_even_while_the_list_was_searched(
        qtbot, ws, staff, page, desk):
    earlier, _ = register_visitor(ws, staff["Help Desk"], VisitorForm(name="Kristina Fanggidae", purpose="bertamu"))
    page.visitor_list.focus_search()
    desk.type("Kristina")
    desk.press(Qt.Key.Key_Down)  # her row chosen, to check her visit
    assert page.visitor_list.selected_visitor() == earlier
    page.focus_first_field()

    desk.type("Benediktus Kase")
    desk.tab_to("purpose")
    desk.type("B")
    desk.press(Qt.Key.Key_Return)
    with ws.db.reading() as session:
        newest = session.scalar(select(func.max(Visitor.id)))
    assert newest != earlier
    assert page.visitor_list.search_box.text() == ""  # the search that hid him is cleared
    assert page.visitor_list.selected_visitor() == newest  # Ctrl+P: his tanda bukti, not Kristina's
    assert desk.focus is page.fields["name"]


def test_ctrl_p_pressed_while_the_new_visitor_is_saved_prints_the_new_visitor(qtbot, ws, staff, ctx, page, desk,
                                                                              monkeypatch):
    from test_gui_step_form import HeldWorker  # the window's worker, holding the command until released

    earlier, _ = register_visitor(ws, staff["Help Desk"], VisitorForm(name="Kristina Fanggidae", purpose="bertamu"))
    page.refresh()
    page.visitor_list.select_visitor(earlier)
    printed: list[int | None] = []
    chosen = page.visitor_list.selected_visitor
    monkeypatch.setattr(page.visitor_list, "print_receipt", lambda: printed.append(chosen()))
    ctx.worker = worker = HeldWorker()
    desk.type("Simon Petrus Bani")
    desk.tab_to("purpose")
    desk.type("B")
    desk.press(Qt.Key.Key_Return)  # saving (a slow disk, a server across the LAN) ...
    desk.press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # ... and Ctrl+P at once
    qtbot.wait(150)
    assert printed == []  # not Kristina's tanda bukti for Simon
    worker.release()
    with ws.db.reading() as session:
        newest = session.scalar(select(func.max(Visitor.id)))
    qtbot.waitUntil(lambda: printed == [newest])
    assert newest != earlier
