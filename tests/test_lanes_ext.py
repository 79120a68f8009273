"""Lanes beyond the office's own (issue #13): a party outside the office (the requester)
whose steps the desk records on its behalf, and a step worked jointly by two lanes (Kabag,
then Sekretaris); both shown in the swimlane, with the decision's question."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from helpers import ppid_office
from helpers.ppid_office import complete, ok, refused, show, start
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QMessageBox

from sopdesk.catalog import load_file
from sopdesk.engine import cases
from sopdesk.engine.cases import StepInput
from sopdesk.engine.queries import case_detail
from sopdesk.engine.step_input import check_step_input
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import FieldError, PermissionRefused, UserError
from sopdesk.gui.context import GuiContext
from sopdesk.gui.step_form import StepFormDialog
from sopdesk.reports.flowchart import plan

ppid = ppid_office.ppid  # the fixture: an office with the PPID SOP, driven through the CLI
pytestmark = pytest.mark.both_stores  # the store-using tests run on SQLite and PostgreSQL


def test_the_requesters_step_is_recorded_on_its_behalf_with_who_recorded_it(ppid, tmp_path):
    run, _clock, _data = ppid
    number = start(run)
    refused(run("case", "complete", number, "--as", "petugas"),
            "dikerjakan oleh Pemohon, pihak di luar kantor", "--atas-nama")
    complete(run, number, "petugas", "--atas-nama", "--check", "Kartu identitas")
    detail = show(run, number)
    first = detail["items"][0]
    assert (first["status"], first["on_behalf"], first["completed_by"]) == ("done", "Pemohon", "petugas")
    assert detail["history"][-1]["detail"]["on_behalf"] == "Pemohon"
    assert "(atas nama Pemohon, dicatat oleh petugas)" in ok(run("case", "show", number, "--as", "petugas"))
    refused(run("case", "complete", number, "--as", "petugas", "--atas-nama"), "bukan pihak luar")
    assert detail["items"][1]["on_behalf"] is None
    pdf = tmp_path / "kendali.pdf"
    ok(run("report", "case", number, "--as", "petugas", "-o", str(pdf)))
    import pypdf

    sheet = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(pdf).pages)
    assert "atas nama Pemohon" in sheet


def test_a_joint_step_waits_for_the_kabag_then_for_the_sekretaris(ppid):
    run, _clock, _data = ppid
    number = start(run)
    complete(run, number, "petugas", "--atas-nama")
    complete(run, number, "petugas")
    complete(run, number, "petugas", "--choice", "Ya")  # -> 4, worked by Kabag and Sekretaris
    assert [i["case_number"] for i in json.loads(ok(run("inbox", "--as", "sekretaris", "--json")))["items"]] == []
    refused(run("case", "complete", number, "--as", "sekretaris"), "perlu peran Kabag")

    out = complete(run, number, "kabag", "--output", "1=BA-01/2026", "--note", "Setuju dikecualikan")
    assert out.strip() == f"Kegiatan 4 kasus {number} disetujui; menunggu Sekretaris"
    assert json.loads(ok(run("inbox", "--as", "kabag", "--json")))["items"] == []
    (waiting,) = json.loads(ok(run("inbox", "--as", "sekretaris", "--json")))["items"]
    assert (waiting["case_number"], waiting["step_no"], waiting["role"]) == (number, 4, "Sekretaris")
    refused(run("case", "complete", number, "--as", "kabag"), "perlu peran Sekretaris")

    assert "lanjut ke kegiatan 5" in complete(run, number, "sekretaris")
    steps = [(i["step"], i["role"], i["completed_by"]) for i in show(run, number)["items"] if i["step"] == 4]
    assert steps == [(4, "Kabag", "kabag"), (4, "Sekretaris", "sekretaris")]
    actions = [e["action"] for e in show(run, number)["history"] if e["step"] == 4]
    assert actions == ["step_confirmed", "step_completed"]


def test_a_joint_steps_earlier_lane_gives_no_choice_the_last_lane_may():
    """engine.step_input: the lane that confirms a joint step first records no choice (the
    engine refuses it on the field 'choice'); the last lane goes on to the step's route."""
    sop = load_file(Path(__file__).parent / "fixtures" / "catalog" / "sop_ppid_informasi.yaml")
    with pytest.raises(FieldError, match="tanpa pilihan") as wrong:
        check_step_input(sop, 4, "Kabag", StepInput(choice="Ya"))
    assert wrong.value.field == "choice"
    first = check_step_input(sop, 4, "Kabag", StepInput())
    assert (first.lane.peran, first.following.peran, first.target) == ("Kabag", "Sekretaris", 4)
    last = check_step_input(sop, 4, "Sekretaris", StepInput())
    assert (last.lane.peran, last.following, last.target) == ("Sekretaris", None, 5)


@pytest.fixture
def actors(staff, make_user):
    made = dict(staff)

    def actor(role: str):  # noqa: ANN202
        if role not in made:
            made[role] = make_user("peran" + str(len(made)), role)
        return made[role]

    return actor


def test_rakor_approval_is_given_by_kabag_then_decided_by_sekretaris(ws, actors):
    number = cases.start_case(ws, actors("Ketua"), "RAKOR", "Rakor evaluasi Pemilu 2024")
    for no, role in ((1, "Ketua"), (2, "Sekretaris"), (3, "Kasubag")):
        cases.complete(ws, actors(role), number, StepInput(), step=no)
    with pytest.raises(UserError, match="pilihan diisi oleh SEKRETARIS"):
        cases.complete(ws, actors("Kabag"), number, StepInput(choice="Ya"))
    done = cases.complete(ws, actors("Kabag"), number, StepInput(note="TOR sesuai"))
    assert (done.confirmed, done.next_step, done.next_role) == (True, 4, "Sekretaris")
    with pytest.raises(PermissionRefused):
        cases.complete(ws, actors("Kabag"), number, StepInput(choice="Ya"))
    done = cases.complete(ws, actors("Sekretaris"), number, StepInput(choice="Tidak"))
    assert done.next_step == 3  # not approved: back to the drafts, Kabag first again next time
    cases.complete(ws, actors("Kasubag"), number, StepInput())
    assert [i["role"] for i in case_detail(ws, number)["items"] if i["status"] == "open"] == ["Kabag"]


def test_the_swimlane_shows_a_joint_step_in_both_lanes_and_the_decision_question(ws):
    rakor = ws.catalog.sop("RAKOR")
    layout = plan(rakor, 800, 540).layout
    (companion,) = layout.companions
    assert (companion.step, companion.lane, companion.kind) == (4, "sekretaris", "decision")
    kabag, sekretaris = layout.columns["lane:kabag"], layout.columns["lane:sekretaris"]
    assert kabag.x <= layout.symbols[4].box.cx <= kabag.right
    assert sekretaris.x <= companion.box.cx <= sekretaris.right
    assert companion.box.y == layout.symbols[4].box.y
    (cell,) = [c for c in layout.cells if c.step == 4 and c.column == "kegiatan"]
    assert cell.content.endswith("\nKeputusan: Apakah Draft TOR dan SK Panitia disetujui?")
    (plain,) = [c for c in layout.cells if c.step == 3 and c.column == "kegiatan"]
    assert "Keputusan" not in plain.content


# --- the step form ------------------------------------------------------------------------------

@pytest.fixture
def ppid_ws(tmp_path, clock):
    data = tmp_path / "data"
    (data / "sop_catalog").mkdir(parents=True)
    shutil.copy(ppid_office.FIXTURE, data / "sop_catalog" / ppid_office.FIXTURE.name)
    workspace = Workspace.open(data, clock=clock)
    yield workspace
    workspace.close()


def test_step_form_has_the_on_behalf_tick_and_shows_the_question(qtbot, ppid_ws, monkeypatch):
    from sopdesk.engine.accounts import add_user

    ws = ppid_ws
    admin = ws.setup("KPU Kabupaten Belu", "WITA", "admin", ppid_office.PASSWORD)
    add_user(ws, admin, "petugas", ppid_office.PASSWORD, ["Petugas PPID"])
    petugas = ws.login("petugas", ppid_office.PASSWORD)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *args: shown.append(text))
    number = cases.start_case(ws, petugas, "PPID", "Permohonan salinan DPT", requester="Yohanes Bere")

    dialog = StepFormDialog(GuiContext(ws, petugas), number)
    qtbot.addWidget(dialog)
    dialog.show()
    tick = dialog.findChild(QCheckBox, "onBehalf")
    assert tick is not None and tick.isVisible() and "atas nama Pemohon" in tick.text()
    assert dialog.form_data().on_behalf is False
    qtbot.mouseClick(tick, Qt.MouseButton.LeftButton, pos=QPoint(6, tick.height() // 2))  # on the box
    assert dialog.form_data().on_behalf is True
    dialog.finish()
    assert shown == []
    assert case_detail(ws, number)["items"][0]["on_behalf"] == "Pemohon"

    cases.complete(ws, petugas, number, StepInput())  # 2 -> 3, the decision
    dialog = StepFormDialog(GuiContext(ws, petugas), number)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.findChild(QCheckBox, "onBehalf") is None  # the office's own lane
    box = dialog.findChild(QGroupBox, "decisionBox")
    texts = [label.text() for label in box.findChildren(QLabel)]
    assert "Apakah informasi yang dimohon termasuk informasi yang dikecualikan?" in texts


def test_a_front_door_records_an_outside_partys_entry_step_on_its_behalf(tmp_path, clock):
    """An office whose requester lane is outside the office (PP's Help Desk column marked
    `eksternal`, the desk recording it): the visitor's registration and a request letter's
    registration still do the entry steps, on the requester's behalf."""
    from sopdesk.engine import letters
    from sopdesk.engine.accounts import add_user
    from sopdesk.engine.visitors import VisitorForm, register_visitor

    data = tmp_path / "data"
    (data / "sop_catalog").mkdir(parents=True)
    bundled = Workspace.open(tmp_path / "bundled", clock=clock)
    try:
        text = bundled.catalog.sources["PP"].read_text(encoding="utf-8")
        revisi = bundled.catalog.sops["PP"].revisi
    finally:
        bundled.close()
    lane = '    nama: "Help Desk"\n    peran: "Help Desk"\n'
    assert text.count(lane) == 1
    text = text.replace(lane, lane + "    eksternal: true\n")
    text = text.replace(f"\nrevisi: {revisi}\n", f"\nrevisi: {revisi + 1}\n")
    (data / "sop_catalog" / "pp_kantor.yaml").write_text(text, encoding="utf-8")
    ws = Workspace.open(data, clock=clock)
    try:
        assert ws.catalog.sops["PP"].lane("help_desk").eksternal
        admin = ws.setup("KPU Kota Kupang", "WITA", "admin", ppid_office.PASSWORD)
        add_user(ws, admin, "help.desk", ppid_office.PASSWORD, ["Help Desk"])
        desk = ws.login("help.desk", ppid_office.PASSWORD)
        _, number = register_visitor(ws, desk, VisitorForm(name="Maria Ndun", purpose="permohonan_informasi",
                                                           info_requested="Data DPT 2024"))
        done = [i for i in case_detail(ws, number)["items"] if i["status"] == "done"]
        assert [(i["step"], i["on_behalf"]) for i in done] == [(1, "Help Desk"), (2, "Help Desk")]
        _, number = letters.register_incoming(ws, desk, letters.IncomingForm(
            sender="LSM Bengkel APPeK", subject="Permohonan data DPT", starts="permohonan_informasi"))
        (done,) = [i for i in case_detail(ws, number)["items"] if i["status"] == "done"]
        assert (done["step"], done["on_behalf"], done["completed_by"]) == (5, "Help Desk", "help.desk")
    finally:
        ws.close()


def test_the_inbox_window_shows_the_case_deadline_marked_and_late_in_red(qtbot, ppid_ws, clock):
    """The desktop inbox: a step with no time of its own shows its case's deadline, marked
    "(kasus)", and turns late when that deadline passes (issue #13)."""
    from PySide6.QtGui import QBrush

    from sopdesk.engine.accounts import add_user
    from sopdesk.gui.inbox_model import LATE
    from sopdesk.gui.inbox_page import InboxPage

    ws = ppid_ws
    admin = ws.setup("KPU Kabupaten Belu", "WITA", "admin", ppid_office.PASSWORD)
    add_user(ws, admin, "petugas", ppid_office.PASSWORD, ["Petugas PPID"])
    petugas = ws.login("petugas", ppid_office.PASSWORD)
    number = cases.start_case(ws, petugas, "PPID", "Permohonan salinan DPT")
    for data in (StepInput(on_behalf=True), StepInput(), StepInput(choice="Tidak"), StepInput(choice="Ya")):
        cases.complete(ws, petugas, number, data)  # waits at 7: the requester's clarification, no time
    due = next(d for d in case_detail(ws, number)["deadlines"] if d["kode"] == "jawaban")["due_at"]

    page = InboxPage(GuiContext(ws, petugas))
    qtbot.addWidget(page)
    page.show()
    model = page.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    shown = model.data(model.index(0, 4))
    assert shown.endswith("(kasus)") and shown.startswith(due.astimezone(ppid_office.WITA).strftime("%d-%m-%Y"))
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None

    clock.now = due + timedelta(minutes=1)
    model.refresh()
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.now() == clock.now)
    brush = model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    assert isinstance(brush, QBrush) and brush.color() == QBrush(LATE).color()
