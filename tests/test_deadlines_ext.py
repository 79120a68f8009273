"""Case deadlines that say what the law says (issue #13): an extension by the days the SOP
declares (the extended date is the one that counts), a wait that applies only on one route of
a decision, a binding wait that refuses early completion (an administrator may override with a
reason), and case deadlines that show in the inbox, count as late, print, and say
"terlambat N hari". Driven through the command line on an SOP that is not one of the five."""

from __future__ import annotations

import json
from datetime import timedelta

import pypdf
import pytest
from helpers import ppid_office
from helpers.ppid_office import complete, ok, refused, show, start

from sopdesk.engine import cases, deadlines
from sopdesk.engine.cases import StepInput
from sopdesk.engine.queries import case_detail
from sopdesk.errors import Conflict, PermissionRefused
from sopdesk.textfmt import waktu_lokal

ppid = ppid_office.ppid  # the fixture: an office with the PPID SOP, driven through the CLI
pytestmark = pytest.mark.both_stores  # the store-using tests run on SQLite and PostgreSQL


def deadline(detail: dict, kode: str) -> dict:
    (row,) = [d for d in detail["deadlines"] if d["kode"] == kode]
    return row


def to_step_6(run, number: str) -> None:  # noqa: ANN001
    complete(run, number, "petugas", "--atas-nama")  # 1: Pemohon hands the form in
    complete(run, number, "petugas")                 # 2: register
    complete(run, number, "petugas", "--choice", "Tidak")  # 3: not exempt -> 6


def test_extension_counts_the_extended_date_and_the_first_date_is_no_longer_late(ppid):
    run, clock, data = ppid
    number = start(run)
    first = deadline(show(run, number), "jawaban")
    to_step_6(run, number)
    complete(run, number, "petugas", "--choice", "Ya")  # waits at 7 (no standard time of its own)
    code, out, err = run("case", "extend", number, "--as", "petugas", "--reason",
                         "Data DPT per kecamatan masih direkap KPU Provinsi",
                         "--notice-number", "045/PP.08/5304/III/2026")
    assert (code, err) == (0, "")
    assert "diperpanjang (ke-1)" in out and "Surat Pemberitahuan Perpanjangan Waktu 045/PP.08" in out

    detail = show(run, number)
    extended = deadline(detail, "jawaban")
    assert extended["extensions"] == 1
    assert extended["first_due_at"] == first["due_at"]
    assert extended["due_at"] > first["due_at"]
    # 7 working days after the first date: at least 9 calendar days later (a weekend between)
    assert (json_dt(extended["due_at"]) - json_dt(first["due_at"])) >= timedelta(days=9)
    assert [d["name"] for d in detail["documents"]] == ["Surat Pemberitahuan Perpanjangan Waktu"]
    assert detail["history"][-1]["action"] == "deadline_extended"
    assert detail["history"][-1]["detail"]["reason"].startswith("Data DPT")

    # after the first date but before the extended one: nothing is late
    clock.now = json_dt(first["due_at"]) + timedelta(hours=1)
    overdue = json.loads(ok(run("inbox", "--as", "petugas", "--overdue", "--json")))
    assert overdue["items"] == []
    assert overdue["counts"]["Petugas PPID"]["overdue"] == 0
    text = ok(run("case", "show", number, "--as", "petugas"))
    assert "diperpanjang 1 kali" in text and "TERLAMBAT" not in text

    # once only, as the SOP says; a reason is required; only the step's role (or an admin)
    refused(run("case", "extend", number, "--as", "petugas", "--reason", "lagi"),
            "sudah diperpanjang 1 kali", "paling banyak 1 kali")
    refused(run("case", "extend", number, "--as", "staf", "--reason", "x"), "perlu peran Petugas PPID")
    refused(run("case", "extend", number, "--as", "petugas", "--reason", "  "), "lasan perpanjangan wajib diisi")


def json_dt(text: str):  # noqa: ANN201 - a datetime
    from datetime import datetime

    return datetime.fromisoformat(text)


def test_a_case_deadline_shows_in_the_inbox_marked_and_counts_as_overdue(ppid):
    run, clock, _ = ppid
    number = start(run)
    to_step_6(run, number)
    complete(run, number, "petugas", "--choice", "Ya")  # 6: a clarification is needed -> 7
    # step 7 (the requester's clarification) has no standard time: the case deadline shows
    inbox = json.loads(ok(run("inbox", "--as", "petugas", "--json")))
    (row,) = [r for r in inbox["items"] if r["case_number"] == number]
    assert row["due_at"] is None and row["due_is_case"] is True
    assert row["nearest_due"] == row["case_due_at"]
    text = ok(run("inbox", "--as", "petugas"))
    assert "(kasus)" in text and "tanpa batas" not in text

    clock.now = json_dt(row["case_due_at"]) + timedelta(minutes=5)
    overdue = json.loads(ok(run("inbox", "--as", "petugas", "--overdue", "--json")))
    assert [r["case_number"] for r in overdue["items"]] == [number]
    assert overdue["items"][0]["state"] == "terlambat"
    assert overdue["counts"]["Petugas PPID"] == {"open": 1, "overdue": 1}
    assert "!! TERLAMBAT" in ok(run("inbox", "--as", "petugas"))


def test_a_deadline_met_late_says_terlambat_n_hari_on_screen_and_on_the_case_sheet(ppid, tmp_path):
    run, clock, _ = ppid
    number = start(run)
    due = json_dt(deadline(show(run, number), "jawaban")["due_at"])
    to_step_6(run, number)
    complete(run, number, "petugas", "--choice", "Tidak")  # 6 -> 8
    clock.now = due + timedelta(days=11, hours=3)
    complete(run, number, "petugas")  # 8: the information handed over, 12 days (begun) late
    text = ok(run("case", "show", number, "--as", "petugas"))
    assert "terlambat 12 hari" in text
    assert "terpenuhi" not in text.split("Tenggat:")[1]
    assert deadline(show(run, number), "jawaban")["late_days"] == 12
    pdf = tmp_path / "lembar.pdf"
    ok(run("report", "case", number, "--as", "petugas", "-o", str(pdf)))
    sheet = "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert "terlambat 12 hari" in sheet


def test_the_clarification_wait_applies_only_when_the_decision_says_so(ppid):
    run, clock, _ = ppid
    without = start(run, "Tanpa klarifikasi")
    to_step_6(run, without)
    complete(run, without, "petugas", "--choice", "Tidak")  # 6: no clarification -> 8
    assert [d["kode"] for d in show(run, without)["deadlines"]] == ["jawaban"]
    assert "kasus selesai" in complete(run, without, "petugas")  # 8 at once: no wait

    number = start(run, "Dengan klarifikasi")
    to_step_6(run, number)
    complete(run, number, "petugas", "--choice", "Ya")  # 6 -> 7; the wait starts now
    decided = clock.now
    wait = deadline(show(run, number), "tunggu_klarifikasi")
    assert wait["kind"] == "paling_cepat"
    complete(run, number, "petugas", "--atas-nama", "--note", "Pemohon memperjelas periode data")  # 7
    (item,) = [i for i in show(run, number)["items"] if i["status"] == "open"]
    assert item["step"] == 8 and item["not_before"] == wait["due_at"]
    ends = waktu_lokal(json_dt(wait["due_at"]), clock.now.tzinfo)[:10]

    line = refused(run("case", "complete", number, "--as", "petugas"), "belum boleh diselesaikan",
                   "Masa tunggu klarifikasi pemohon")
    assert json_dt(wait["due_at"]).astimezone(ppid_office.WITA).strftime("%d-%m-%Y") in line
    refused(run("case", "complete", number, "--as", "petugas", "--lewati-tunggu", "pemohon mendesak"),
            "Hanya administrator")
    out = complete(run, number, "admin", "--lewati-tunggu", "Pemohon hadir dan menerima langsung")
    assert "kasus selesai" in out and "oleh administrator" in out
    history = show(run, number)["history"]
    assert history[-1]["detail"]["wait_overridden"] == "Pemohon hadir dan menerima langsung"
    assert decided < json_dt(wait["due_at"]) and ends


# --- the bundled SOPs, through the engine --------------------------------------------------------

@pytest.fixture
def actors(staff, make_user):
    made = dict(staff)

    def actor(role: str):  # noqa: ANN202
        if role not in made:
            made[role] = make_user("peran" + str(len(made)), role)
        return made[role]

    return actor


def _drive(ws, actors, number: str, steps: dict[int, StepInput]) -> None:  # noqa: ANN001
    sop = ws.catalog.sops[case_detail(ws, number)["sop"]]
    for no, data in steps.items():
        cases.complete(ws, actors(sop.role_of(no)), number, data, step=no)


def test_paw_wait_only_on_the_clarification_branch_and_the_reply_can_meet_five_days(ws, actors, clock):
    number = cases.start_case(ws, actors("Komisioner"), "PAW", "Usulan PAW a.n. Maria Lay")
    _drive(ws, actors, number, {1: StepInput(), 2: StepInput(choice="Ya"), 8: StepInput()})
    clock.advance(hours=5)
    klarifikasi = clock.now
    _drive(ws, actors, number, {9: StepInput()})
    assert [d["kode"] for d in case_detail(ws, number)["deadlines"]] == ["jawaban_dprd"]  # no wait yet
    clock.advance(hours=3)
    _drive(ws, actors, number, {10: StepInput(choice="Ya"), 11: StepInput()})  # no refusal at 10
    detail = case_detail(ws, number)
    reply, wait = (deadline(detail, k) for k in ("jawaban_dprd", "tunggu_klarifikasi"))
    assert reply["met_at"] == clock.now and reply["late_days"] == 0  # the Ya path meets 5 days
    assert wait["due_at"] == klarifikasi + timedelta(days=14)
    _drive(ws, actors, number, {12: StepInput(note="Putusan berkekuatan hukum tetap diterima")})
    with pytest.raises(Conflict, match="berakhir 16-03-2026"):
        cases.complete(ws, actors("Komisioner"), number, StepInput(), step=13)
    with pytest.raises(PermissionRefused, match="Hanya administrator"):
        cases.complete(ws, actors("Komisioner"), number, StepInput(override_reason="segera"), step=13)
    clock.now = wait["due_at"]
    assert cases.complete(ws, actors("Komisioner"), number, StepInput(), step=13).next_step == 14

    other = cases.start_case(ws, actors("Komisioner"), "PAW", "Usulan PAW a.n. Paulus Tefa")
    _drive(ws, actors, other, {1: StepInput(), 2: StepInput(choice="Ya"), 8: StepInput(), 9: StepInput(),
                               10: StepInput(choice="Tidak")})
    assert [d["kode"] for d in case_detail(ws, other)["deadlines"]] == ["jawaban_dprd"]


def test_pp_information_request_is_due_in_ten_working_days_extendable_once_by_seven(ws, actors, clock):
    number = cases.start_case(ws, actors("Help Desk"), "PP", "Permohonan data DPT", entry="surat")
    row = deadline(case_detail(ws, number), "jawaban_permohonan")
    assert row["due_at"] == ws.calendar.add_working_days(clock.now, 10)
    done = deadlines.extend(ws, actors("Help Desk"), number, None, "Data masih dihimpun",
                            notice_number="12/PP/III/2026")
    assert done.due_at == ws.calendar.add_working_days(row["due_at"], 7)
    assert done.notice == "Surat Pemberitahuan Perpanjangan Waktu"
    with pytest.raises(Exception, match="paling banyak 1 kali"):
        deadlines.extend(ws, actors("Help Desk"), number, "jawaban_permohonan", "lagi")


def test_the_printed_sop_lists_its_case_deadlines(ws, tmp_path):
    from sopdesk.reports import render_sop

    pdf = render_sop(ws, "PP", tmp_path / "pp.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(pdf).pages)
    assert "Tenggat kasus SOP PP" in text
    assert "10 Hari Kerja sejak kasus dimulai" in text
    assert "satu kali" in text and "7 Hari Kerja" in text
    pdf = render_sop(ws, "PAW", tmp_path / "paw.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(pdf).pages)
    assert "Hanya bila keputusan kegiatan 10 = Ya" in text


# --- the step form ------------------------------------------------------------------------------

def test_the_step_form_extends_a_deadline_with_a_reason(qtbot, tmp_path, clock, monkeypatch):
    import shutil

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QPushButton

    from sopdesk.engine.accounts import add_user
    from sopdesk.engine.workspace import Workspace
    from sopdesk.gui.context import GuiContext
    from sopdesk.gui.deadline_dialog import ExtendDeadlineDialog
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
        first = deadline(case_detail(ws, number), "jawaban")["due_at"]
        form = StepFormDialog(GuiContext(ws, petugas), number)
        qtbot.addWidget(form)
        form.show()
        reasons = iter(["", "Data DPT masih direkap KPU Provinsi"])

        def answer(dialog: ExtendDeadlineDialog) -> int:
            for reason in reasons:  # an empty reason first: refused in the dialog, nothing written
                dialog.reason.setPlainText(reason)
                dialog.notice.setText("045/PP.08/5304/III/2026")
                dialog.submit()
                if dialog.extended is None:
                    assert dialog.error.text() == "Tuliskan alasan perpanjangan."
                    assert deadline(case_detail(ws, number), "jawaban")["extensions"] == 0
                    continue
                return dialog.result()
            return 0

        monkeypatch.setattr(ExtendDeadlineDialog, "exec", answer)
        qtbot.mouseClick(form.findChild(QPushButton, "extend_jawaban"), Qt.MouseButton.LeftButton)
        row = deadline(case_detail(ws, number), "jawaban")
        assert row["extensions"] == 1 and row["first_due_at"] == first
        assert row["due_at"] == ws.calendar.add_working_days(first, 7)
        shown = form.deadlines_box.findChild(QLabel, "deadline_jawaban").text()
        assert "diperpanjang 1 kali" in shown
        assert form.deadlines_box.findChild(QPushButton, "extend_jawaban") is None  # once only
    finally:
        ws.close()
