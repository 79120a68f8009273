"""A returned step keeps its history: who returned it, when and why (return_info), the last
visit's values (last_visit_of), completing it again with the files already attached, and
the reason in `case show`."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from sopdesk.cli.main import main
from sopdesk.engine import cases, drafts, revisits
from sopdesk.engine.accounts import add_user
from sopdesk.engine.cases import KeptFile, OutputValue, StepInput
from sopdesk.engine.queries import case_detail
from sopdesk.errors import UserError
from sopdesk.store.models import Attachment, ChecklistEntry, Document, WorkItem
from tests.conftest import PASSWORD

REASON = "Identifikasi belum mencakup data DPT per kelurahan"


@pytest.fixture
def yosef(ws, admin):
    """A Kasubag with a full name (the banner names the person, not the login)."""
    add_user(ws, admin, "yosef", PASSWORD, ["Kasubag"], full_name="Yosef Tefa")
    return ws.login("yosef", PASSWORD)


def scan(tmp_path, name: str, content: bytes) -> object:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def pp_case_at_8(ws, staff) -> str:
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan salinan DPT", entry="surat",
                              requester="Maria Lende")
    cases.complete(ws, staff["Help Desk"], number, StepInput())  # 5 -> 6
    cases.complete(ws, staff["Komisioner"], number, StepInput())  # 6 -> 7
    cases.complete(ws, staff["Kasubag"], number, StepInput())  # 7 -> 8
    return number


def step8_done_then_returned(ws, staff, yosef, clock, tmp_path) -> str:
    """Step 8 completed with ticks, a scan, an output (number, date, file) and a note;
    step 9 returns it to 8 with a reason."""
    number = pp_case_at_8(ws, staff)
    cases.complete(ws, yosef, number, StepInput(
        present=["Surat Masuk"],
        files={"Disposisi Surat": scan(tmp_path, "disposisi.pdf", b"%PDF disposisi")},
        outputs={"Hasil Identifikasi": OutputValue(number="HI/005/III/2026", date=date(2026, 3, 2),
                                                   file=scan(tmp_path, "identifikasi.pdf", b"%PDF hasil"))},
        note="Perihal: salinan DPT Kelurahan Oebobo"), step=8)
    clock.advance(minutes=30)
    cases.return_to(ws, yosef, number, 8, REASON)
    return number


def attachments(ws) -> int:
    with ws.db.reading() as session:
        return session.scalar(select(func.count(Attachment.id)))


# --- the read side --------------------------------------------------------------------------

def test_return_info_names_who_when_from_where_and_why(ws, staff, yosef, clock, tmp_path):
    number = step8_done_then_returned(ws, staff, yosef, clock, tmp_path)
    info = revisits.return_info(ws, number)
    assert info is not None
    assert (info.from_step, info.to_step, info.username, info.full_name, info.role, info.reason) == (
        9, 8, "yosef", "Yosef Tefa", "Kasubag", REASON)
    assert info.at == clock()
    assert info.by == "Yosef Tefa"


def test_last_visit_gives_ticks_numbers_dates_files_and_note(ws, staff, yosef, clock, tmp_path):
    number = step8_done_then_returned(ws, staff, yosef, clock, tmp_path)
    last = revisits.last_visit_of(ws, number)
    assert last is not None and last.step_no == 8 and last.completed_by == "Yosef Tefa"
    data = last.data
    assert sorted(data.present) == ["Disposisi Surat", "Surat Masuk"]
    assert list(data.kept) == ["Disposisi Surat"] and data.kept["Disposisi Surat"].name == "disposisi.pdf"
    output = data.outputs["Hasil Identifikasi"]
    assert (output.number, output.date, output.kept.name) == ("HI/005/III/2026", date(2026, 3, 2),
                                                              "identifikasi.pdf")
    assert data.note == "Perihal: salinan DPT Kelurahan Oebobo"
    assert data.files == {} and output.file is None  # nothing to upload again


def test_a_first_visit_has_no_return_and_no_last_visit(ws, staff):
    number = pp_case_at_8(ws, staff)
    assert revisits.return_info(ws, number) is None
    assert revisits.last_visit_of(ws, number) is None


def test_a_step_reached_normally_after_a_return_is_not_a_return(ws, staff, yosef, clock, tmp_path):
    number = step8_done_then_returned(ws, staff, yosef, clock, tmp_path)
    cases.complete(ws, yosef, number, StepInput(), step=8)
    assert revisits.return_info(ws, number) is None  # waits at 9, reached by completing 8


def test_decision_of_the_last_visit_is_carried(ws, staff, yosef, clock, tmp_path):
    number = pp_case_at_8(ws, staff)
    cases.complete(ws, yosef, number, StepInput(), step=8)
    cases.complete(ws, yosef, number, StepInput(choice="Tidak", note="tanpa surat balasan"), step=9)
    waiting = next(i for i in case_detail(ws, number)["items"] if i["status"] == "open")
    actor = next(a for role, a in staff.items() if role == waiting["role"])
    cases.return_to(ws, actor, number, 9, "Pemohon meminta surat balasan")
    last = revisits.last_visit_of(ws, number)
    assert (last.step_no, last.data.choice, last.data.note) == (9, "Tidak", "tanpa surat balasan")
    assert revisits.return_info(ws, number).from_step == waiting["step"]


# --- completing the reopened step -----------------------------------------------------------

def test_reopened_step_completes_with_the_files_already_attached(ws, staff, yosef, clock, tmp_path):
    number = step8_done_then_returned(ws, staff, yosef, clock, tmp_path)
    before = attachments(ws)
    data = revisits.last_visit_of(ws, number).data
    data.note = "Ditambah data DPT per kelurahan"
    done = cases.complete(ws, yosef, number, data, step=8)
    assert done.next_step == 9
    assert attachments(ws) == before  # linked again, not uploaded again
    with ws.db.reading() as session:
        first, second = session.scalars(select(WorkItem.id).where(WorkItem.step_no == 8, WorkItem.status == "done")
                                        .order_by(WorkItem.id)).all()

        def checks(item):
            return {c.item: (c.present, c.attachment_id) for c in
                    session.scalars(select(ChecklistEntry).where(ChecklistEntry.work_item_id == item))}

        def documents(item):
            return [(d.name, d.number, d.doc_date, d.attachment_id) for d in
                    session.scalars(select(Document).where(Document.work_item_id == item))]

        assert checks(second) == checks(first)
        assert checks(second)["Disposisi Surat"][1] is not None
        assert documents(second) == documents(first)
        assert documents(second)[0][3] is not None


def test_a_file_of_another_case_cannot_be_carried_over(ws, staff, yosef, clock, tmp_path):
    number = step8_done_then_returned(ws, staff, yosef, clock, tmp_path)
    other = pp_case_at_8(ws, staff)
    foreign = revisits.last_visit_of(ws, number).data.kept["Disposisi Surat"]
    with pytest.raises(UserError, match="bukan lampiran kunjungan sebelumnya"):
        cases.complete(ws, yosef, other, StepInput(kept={"Disposisi Surat": foreign}), step=8)
    with pytest.raises(UserError, match="bukan lampiran kunjungan sebelumnya"):
        cases.complete(ws, yosef, other, StepInput(outputs={
            "Hasil Identifikasi": OutputValue(kept=KeptFile(foreign.attachment_id))}), step=8)
    assert next(i["step"] for i in case_detail(ws, other)["items"] if i["status"] == "open") == 8


def test_a_draft_keeps_the_carried_files(ws, staff, yosef, clock, tmp_path):
    number = step8_done_then_returned(ws, staff, yosef, clock, tmp_path)
    data = revisits.last_visit_of(ws, number).data
    drafts.save_draft(ws, yosef, number, data, step=8)
    restored = drafts.load_draft(ws, number)
    assert restored.kept == data.kept
    assert restored.outputs["Hasil Identifikasi"].kept == data.outputs["Hasil Identifikasi"].kept
    cases.complete(ws, yosef, number, restored, step=8)


# --- case show ------------------------------------------------------------------------------

def test_case_show_prints_the_return_reason(ws, staff, yosef, clock, tmp_path, data_dir, capsys, monkeypatch):
    number = step8_done_then_returned(ws, staff, yosef, clock, tmp_path)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("SOPDESK_PASSWORD", PASSWORD)
    assert main(["--data-dir", str(data_dir), "case", "show", number, "--as", "yosef"]) == 0
    out = capsys.readouterr().out
    assert (f"Dikembalikan oleh Yosef Tefa (Kasubag) pada 02-03-2026 09:30 WITA dari kegiatan 9: {REASON}"
            in out), out
    assert main(["--data-dir", str(data_dir), "case", "show", number, "--as", "yosef", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)["return_info"]
    assert shown == {"from_step": 9, "to_step": 8, "by": "yosef", "by_name": "Yosef Tefa", "role": "Kasubag",
                     "at": clock().isoformat(), "reason": REASON}
