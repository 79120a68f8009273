"""Drafts of the step form: saved on the waiting work item, restored, cleared on completion."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sopdesk.engine import cases
from sopdesk.engine.cases import OutputValue, StepInput
from sopdesk.engine.drafts import load_draft, save_draft
from sopdesk.errors import Conflict, PermissionRefused, UserError
from sopdesk.store.models import AuditEvent, WorkItem


def pp_case_at_step_8(ws, staff) -> str:
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data DPT", entry="surat",
                              requester="Maria Lende")
    cases.complete(ws, staff["Help Desk"], number, StepInput())  # 5 -> 6
    cases.complete(ws, staff["Komisioner"], number, StepInput())  # 6 -> 7
    cases.complete(ws, staff["Kasubag"], number, StepInput())  # 7 -> 8
    return number


def audit_count(ws, action: str) -> int:
    with ws.db.reading() as session:
        return session.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.action == action))


def open_draft_text(ws, number: str) -> str | None:
    with ws.db.reading() as session:
        case = cases.get_case(session, number)
        return next(i.draft for i in case.items if i.status == "open")


def test_round_trip_keeps_every_field_including_dates(ws, staff, tmp_path):
    number = pp_case_at_step_8(ws, staff)
    scan = tmp_path / "surat masuk.pdf"
    scan.write_bytes(b"%PDF-1.4 surat")
    data = StepInput(
        present=["surat masuk"],  # case-insensitive, stored by its catalog name
        files={"2": scan},  # by position
        outputs={"Hasil Identifikasi": OutputValue("005/PPID/III/2026", date(2026, 3, 2), scan)},
        note="Perihal: permintaan salinan DPT",
    )
    save_draft(ws, staff["Kasubag"], number, data, step=8)

    loaded = load_draft(ws, number)
    assert loaded == StepInput(
        present=["Surat Masuk"],
        files={"Disposisi Surat": scan},
        outputs={"Hasil Identifikasi": OutputValue("005/PPID/III/2026", date(2026, 3, 2), scan)},
        choice=None,
        note="Perihal: permintaan salinan DPT",
    )
    assert isinstance(loaded.outputs["Hasil Identifikasi"].date, date)
    assert audit_count(ws, "draft_saved") == 1

    # a second save replaces the first
    save_draft(ws, staff["Kasubag"], number, StepInput(note="diganti"))
    assert load_draft(ws, number) == StepInput(note="diganti")
    assert audit_count(ws, "draft_saved") == 2


def test_choice_of_a_decision_step_is_kept(ws, staff):
    number = pp_case_at_step_8(ws, staff)
    cases.complete(ws, staff["Kasubag"], number, StepInput())  # 8 -> 9 (decision)
    save_draft(ws, staff["Kasubag"], number, StepInput(choice="ya", note="dijawab tertulis"))
    assert load_draft(ws, number) == StepInput(choice="Ya", note="dijawab tertulis")


def test_no_draft_gives_none(ws, staff):
    number = pp_case_at_step_8(ws, staff)
    assert load_draft(ws, number) is None


def test_refused_for_a_user_without_the_role_and_nothing_changes(ws, staff):
    number = pp_case_at_step_8(ws, staff)
    before = audit_count(ws, "draft_saved")
    with pytest.raises(PermissionRefused, match="perlu peran Kasubag"):
        save_draft(ws, staff["Help Desk"], number, StepInput(note="bukan tugas saya"))
    assert open_draft_text(ws, number) is None
    assert audit_count(ws, "draft_saved") == before


def test_refused_for_the_wrong_step_or_unknown_item(ws, staff):
    number = pp_case_at_step_8(ws, staff)
    with pytest.raises(Conflict):
        save_draft(ws, staff["Kasubag"], number, StepInput(note="x"), step=9)
    with pytest.raises(UserError, match="Kelengkapan"):
        save_draft(ws, staff["Kasubag"], number, StepInput(present=["Kopi"]))
    with pytest.raises(UserError, match="bukan keputusan"):
        save_draft(ws, staff["Kasubag"], number, StepInput(choice="Ya"))
    assert open_draft_text(ws, number) is None


def test_draft_cleared_after_completion(ws, staff):
    number = pp_case_at_step_8(ws, staff)
    save_draft(ws, staff["Kasubag"], number, StepInput(present=["Surat Masuk"], note="sementara"))
    assert json.loads(open_draft_text(ws, number))["note"] == "sementara"
    cases.complete(ws, staff["Kasubag"], number, StepInput(present=["Surat Masuk"]))
    with ws.db.reading() as session:
        drafts = session.scalars(select(WorkItem.draft).where(WorkItem.draft.is_not(None))).all()
    assert drafts == []
    assert load_draft(ws, number) is None  # the new waiting step (9) has none


def test_unreadable_draft_is_ignored(ws, staff):
    number = pp_case_at_step_8(ws, staff)
    with ws.db.transaction() as session:
        case = cases.get_case(session, number)
        next(i for i in case.items if i.status == "open").draft = "{not json"
    assert load_draft(ws, number) is None


def test_paths_are_stored_as_text(ws, staff):
    number = pp_case_at_step_8(ws, staff)
    save_draft(ws, staff["Kasubag"], number, StepInput(files={"1": Path("/tmp/a b.pdf")}))
    stored = json.loads(open_draft_text(ws, number))
    assert stored["files"] == {"Surat Masuk": "/tmp/a b.pdf"}
