"""Routing through the engine: every path of every bundled SOP to its end, decisions, wait
steps, returns, cancellation, case numbers, due times, case deadlines, SOP revisions and
attachments."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from sopdesk.catalog import END, Sop, bundled_catalog_dir, load_catalog
from sopdesk.engine import cases
from sopdesk.engine.cases import OutputValue, StepInput
from sopdesk.engine.queries import case_detail
from sopdesk.engine.step_input import check_step_input
from sopdesk.engine.users import Actor
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import Conflict, FieldError, UserError

WITA = timezone(timedelta(hours=8))


# --- the paths of the catalog -------------------------------------------------------------

@dataclass(frozen=True)
class Route:
    kode: str
    entry: str
    steps: tuple[int, ...]
    choices: tuple[tuple[int, str], ...]  # (decision step, label) in the order taken

    @property
    def id(self) -> str:
        return "-".join([self.kode, self.entry, *(f"{no}:{label}" for no, label in self.choices)])


def enumerate_routes(sop: Sop) -> list[Route]:
    """Every route from every entry to the end, taking each decision choice; a choice that
    loops back is taken at most once per route."""
    routes: list[Route] = []
    limit = 4 * len(sop.kegiatan)

    def walk(entry: str, step: int, steps: list[int], choices: list[tuple[int, str]]) -> None:
        steps = [*steps, step]
        assert len(steps) <= limit, f"{sop.kode}: route without end {steps}"
        for label, target in sop.exits(step):
            taken = choices
            if label is not None:
                if (step, label) in choices:
                    continue
                taken = [*choices, (step, label)]
            if target == END:
                routes.append(Route(sop.kode, entry, tuple(steps), tuple(taken)))
            else:
                walk(entry, target, steps, taken)

    for entri in sop.entri:
        walk(entri.kode, entri.kegiatan, [], [])
    return routes


BUNDLED = load_catalog([bundled_catalog_dir()])
ROUTES = [route for kode in sorted(BUNDLED.sops) for route in enumerate_routes(BUNDLED.sops[kode])]


# --- helpers ------------------------------------------------------------------------------

@pytest.fixture
def actors(staff, make_user):
    """One single-role user per role; a role the catalog adds later gets its own user."""
    made = dict(staff)

    def actor(role: str) -> Actor:
        if role not in made:
            made[role] = make_user("peran" + str(len(made)), role)
        return made[role]

    return actor


def open_steps(ws: Workspace, number: str) -> list[int]:
    return [i["step"] for i in case_detail(ws, number)["items"] if i["status"] == "open"]


def drive_to(ws: Workspace, actor, number: str, target: int,
             choices: dict[int, str] | None = None) -> None:
    """Complete steps (as the step's role) until the case waits at `target`."""
    sop = ws.catalog.sops[case_detail(ws, number)["sop"]]
    choices = choices or {}
    for _ in range(50):
        (step,) = open_steps(ws, number)
        if step == target:
            return
        kegiatan = sop.step(step)
        cases.complete(ws, actor(sop.role_of(step)), number,
                       StepInput(choice=choices.get(step),
                                 note="Peristiwa terjadi" if kegiatan.is_wait else None))
    raise AssertionError(f"case {number} never reached step {target}")


def item(ws: Workspace, number: str, step: int, status: str = "open") -> dict:
    found = [i for i in case_detail(ws, number)["items"]
             if i["step"] == step and i["status"] == status]
    assert len(found) == 1, found
    return found[0]


def deadline(ws: Workspace, number: str, kode: str) -> dict:
    (row,) = [d for d in case_detail(ws, number)["deadlines"] if d["kode"] == kode]
    return row


# --- every path ---------------------------------------------------------------------------

def test_enumerated_routes_cover_every_step_and_choice_of_every_bundled_sop(ws):
    assert set(ws.catalog.sops) == set(BUNDLED.sops) >= {"PP", "PAW", "RAKOR", "TKS"}
    for kode, sop in ws.catalog.sops.items():
        routes = [r for r in ROUTES if r.kode == kode]
        assert {no for r in routes for no in r.steps} == {k.no for k in sop.kegiatan}
        assert {c for r in routes for c in r.choices} == {
            (k.no, p.label) for k in sop.kegiatan if k.keputusan for p in k.keputusan.pilihan
        }
        assert {r.entry for r in routes} == {e.kode for e in sop.entri}
    routes = {r.id: r.steps for r in ROUTES}
    assert {name: routes.get(name) for name in AS_WRITTEN} == AS_WRITTEN


# the routes as the flowcharts of the four SOPs draw them
AS_WRITTEN = {
    "PP-tamu": (1, 2, 3, 4),
    "PP-surat-9:Ya": (5, 6, 7, 8, 9, 12, 13),
    "PP-surat-9:Tidak": (5, 6, 7, 8, 9, 10, 11),
    "PAW-usulan_dprd-2:Tidak": (1, 2, 3, 4, 5, 6, 7),
    "PAW-usulan_dprd-2:Ya-10:Ya": (1, 2, 8, 9, 10, 11, 12, 13, 14),
    "PAW-usulan_dprd-2:Ya-10:Tidak": (1, 2, 8, 9, 10, 3, 4, 5, 6, 7),
    "RAKOR-mulai-4:Ya": (1, 2, 3, 4, 5, 6, 7, 8, 9),
    "RAKOR-mulai-4:Tidak-4:Ya": (1, 2, 3, 4, 3, 4, 5, 6, 7, 8, 9),
    "TKS-pleno": (1, 2, 3, 4),
}


@pytest.mark.parametrize("route", ROUTES, ids=[r.id for r in ROUTES])
def test_every_route_runs_to_its_end(ws, actors, clock, route: Route):
    sop = ws.catalog.sops[route.kode]
    first = route.steps[0]
    number = cases.start_case(ws, actors(sop.role_of(first)), route.kode,
                              f"Uji alur {route.id}", entry=route.entry)
    choices = list(route.choices)
    for index, no in enumerate(route.steps):
        current = item(ws, number, no)
        assert open_steps(ws, number) == [no]
        assert current["role"] == sop.role_of(no)
        kegiatan = sop.step(no)
        choice = None
        if kegiatan.is_decision:
            decided_at, choice = choices.pop(0)
            assert decided_at == no
        note = "Putusan berkekuatan hukum tetap diterima" if kegiatan.is_wait else None
        if current["not_before"] is not None and clock.now < current["not_before"]:
            clock.now = current["not_before"]  # a binding wait (PAW 13 on the Ya branch) is waited out
        for lane in kegiatan.pelaksana_bersama:  # a joint step: the earlier lane confirms first
            cases.complete(ws, actors(sop.role_of(no)), number, StepInput(), step=no)
            assert item(ws, number, no)["role"] == sop.lane(lane).peran
        done = cases.complete(ws, actors(sop.roles_of(no)[-1]), number,
                              StepInput(choice=choice, note=note), step=no)
        expected_next = route.steps[index + 1] if index + 1 < len(route.steps) else None
        assert done.next_step == expected_next
        assert done.choice == choice
    assert choices == []

    detail = case_detail(ws, number)
    visits = [(no, role) for no in route.steps for role in sop.roles_of(no)]  # a joint step: each lane
    assert [i["step"] for i in detail["items"]] == [no for no, _ in visits]
    assert {i["status"] for i in detail["items"]} == {"done"}
    assert [(i["step"], i["choice"]) for i in detail["items"] if i["choice"]] == list(route.choices)
    assert [i["completed_by"] for i in detail["items"]] == [actors(role).username for _, role in visits]
    assert detail["status"] == "done"
    assert detail["closed_at"] is not None
    assert detail["entry"] == route.entry
    with pytest.raises(Conflict, match="sudah selesai"):
        cases.complete(ws, actors(sop.role_of(route.steps[-1])), number, StepInput())


# --- decisions ----------------------------------------------------------------------------

def test_decision_without_choice_is_refused_listing_the_choices(ws, actors):
    number = cases.start_case(ws, actors("Help Desk"), "PP", "Surat permohonan", entry="surat")
    drive_to(ws, actors, number, 9)
    before = case_detail(ws, number)
    with pytest.raises(UserError) as refused:
        cases.complete(ws, actors("Kasubag"), number, StepInput())
    assert "keputusan" in str(refused.value)
    assert "Ya" in str(refused.value) and "Tidak" in str(refused.value)
    assert case_detail(ws, number) == before


def test_wrong_choice_label_is_refused(ws, actors):
    number = cases.start_case(ws, actors("Help Desk"), "PP", "Surat permohonan", entry="surat")
    drive_to(ws, actors, number, 9)
    before = case_detail(ws, number)
    with pytest.raises(UserError) as refused:
        cases.complete(ws, actors("Kasubag"), number, StepInput(choice="Mungkin"))
    assert "Mungkin" in str(refused.value)
    assert "Ya" in str(refused.value) and "Tidak" in str(refused.value)
    assert case_detail(ws, number) == before


def test_choice_is_matched_without_regard_to_case(ws, actors):
    number = cases.start_case(ws, actors("Help Desk"), "PP", "Surat permohonan", entry="surat")
    drive_to(ws, actors, number, 9)
    done = cases.complete(ws, actors("Kasubag"), number, StepInput(choice="tidak"))
    assert done.next_step == 10
    assert item(ws, number, 9, "done")["choice"] == "Tidak"


def test_a_reaction_registered_with_the_hooks_runs_in_the_completions_transaction(ws, actors):
    """engine.hooks: a registered reaction sees the completed step and the next work item in
    the completion's transaction; its notices come back in Completed; its refusal refuses all."""
    from sopdesk.engine import hooks

    seen = []

    def react(ws, session, user, case, item, sop, data, next_item, now):  # noqa: ANN001, ANN202, PLR0913
        seen.append((case.number, item.step_no, item.status, next_item.step_no if next_item else None))
        if data.note == "tolak":
            raise UserError("Ditolak oleh reaksi")
        return [f"probe: kegiatan {item.step_no}"]

    hooks.register(hooks.Reaction("probe", lambda ws, sop, step_no, data: step_no == 1, react))
    try:
        number = cases.start_case(ws, actors("Help Desk"), "PP", "Tamu minta data", entry="tamu")
        before = case_detail(ws, number)
        with pytest.raises(UserError, match="Ditolak oleh reaksi"):
            cases.complete(ws, actors("Help Desk"), number, StepInput(note="tolak"))
        assert case_detail(ws, number) == before  # the whole completion was refused
        done = cases.complete(ws, actors("Help Desk"), number, StepInput())
        assert done.notices == ("probe: kegiatan 1",)
        assert seen[-1] == (number, 1, "done", 2)
        assert cases.complete(ws, actors("Help Desk"), number, StepInput()).notices == ()  # step 2: not wanted
    finally:
        hooks.unregister("probe")
    assert [r.name for r in hooks.reactions()] == ["letters"]


def test_the_sop_a_case_runs_on_is_read_without_a_session(ws, actors):
    number = cases.start_case(ws, actors("Help Desk"), "PP", "Tamu minta data", entry="tamu")
    assert cases.case_sop(ws, number) == ws.catalog.sops["PP"]
    assert cases.case_sop(ws, number.lower()).kode == "PP"
    with pytest.raises(UserError, match="tidak ada"):
        cases.case_sop(ws, "PP/2026/9999")


def test_choice_on_a_step_that_is_no_decision_is_refused(ws, actors):
    number = cases.start_case(ws, actors("Help Desk"), "PP", "Surat permohonan", entry="surat")
    before = case_detail(ws, number)
    with pytest.raises(UserError, match="bukan keputusan"):
        cases.complete(ws, actors("Help Desk"), number, StepInput(choice="Ya"))
    assert case_detail(ws, number) == before


# --- waiting ------------------------------------------------------------------------------

def test_wait_step_needs_the_awaited_event_recorded(ws, actors):
    first = cases.start_case(ws, actors("Komisioner"), "PAW", "Usulan PAW a.n. A")
    second = cases.start_case(ws, actors("Komisioner"), "PAW", "Usulan PAW a.n. B")
    for number in (first, second):
        drive_to(ws, actors, number, 12, {2: "Ya", 10: "Ya"})
    assert ws.catalog.sops["PAW"].step(12).is_wait
    before = case_detail(ws, first)
    with pytest.raises(UserError, match="menunggu"):
        cases.complete(ws, actors("Pokja PAW"), first, StepInput())
    with pytest.raises(UserError, match="menunggu"):
        cases.complete(ws, actors("Pokja PAW"), first, StepInput(note="   "))
    assert case_detail(ws, first) == before

    done = cases.complete(ws, actors("Pokja PAW"), first,
                          StepInput(note="Putusan MA berkekuatan hukum tetap diterima"))
    assert done.next_step == 13
    assert item(ws, first, 12, "done")["note"] == "Putusan MA berkekuatan hukum tetap diterima"

    done = cases.complete(ws, actors("Pokja PAW"), second, StepInput(
        outputs={"1": OutputValue(number="12/PUU/2026", date=date(2026, 3, 2))}))
    assert done.next_step == 13
    (document,) = [d for d in case_detail(ws, second)["documents"] if d["number"] == "12/PUU/2026"]
    assert document["name"] == "Putusan yang berkekuatan hukum tetap"


def test_step_input_checks_name_the_field_without_a_database():
    """engine.step_input.check_step_input: the checks the step form makes before submitting and
    cases.complete makes again, as one pure function raising FieldError('choice' | 'note')."""
    pp, paw = BUNDLED.sops["PP"], BUNDLED.sops["PAW"]
    decision, role = 9, pp.role_of(9)
    with pytest.raises(FieldError, match="keputusan") as refused:
        check_step_input(pp, decision, role, StepInput())
    assert refused.value.field == "choice"
    with pytest.raises(FieldError, match="Mungkin") as refused:
        check_step_input(pp, decision, role, StepInput(choice="Mungkin"))
    assert refused.value.field == "choice"
    route = check_step_input(pp, decision, role, StepInput(choice="tidak"))
    assert (route.choice, route.target, route.following) == ("Tidak", 10, None)
    with pytest.raises(FieldError, match="bukan keputusan") as refused:
        check_step_input(pp, 1, pp.role_of(1), StepInput(choice="Ya"))
    assert refused.value.field == "choice"
    for data in (StepInput(), StepInput(note="   ")):
        with pytest.raises(FieldError, match="menunggu") as refused:
            check_step_input(paw, 12, paw.role_of(12), data)
        assert refused.value.field == "note"
    assert check_step_input(paw, 12, paw.role_of(12), StepInput(note="Putusan diterima")).target == 13
    assert check_step_input(paw, 12, paw.role_of(12), StepInput(outputs={"1": OutputValue()})).target == 13


# --- return and cancel --------------------------------------------------------------------

def test_return_to_an_earlier_step_opens_a_new_work_item_there(ws, actors, clock):
    number = cases.start_case(ws, actors("Help Desk"), "PP", "Tamu minta data", entry="tamu")
    drive_to(ws, actors, number, 3)
    clock.advance(minutes=7)
    assert cases.return_to(ws, actors("Komisioner"), number, 1,
                           "Identitas pemohon belum lengkap") == 1
    detail = case_detail(ws, number)
    assert [(i["step"], i["status"]) for i in detail["items"]] == [
        (1, "done"), (2, "done"), (3, "returned"), (1, "open")]
    returned = detail["items"][2]
    assert returned["return_to"] == 1
    assert returned["note"] == "Identitas pemohon belum lengkap"
    reopened = detail["items"][3]
    assert reopened["role"] == "Help Desk"
    assert reopened["since"] == clock.now
    assert reopened["due_at"] == clock.now + timedelta(minutes=3)
    assert detail["status"] == "open"
    # the case goes on from there to its end
    drive_to(ws, actors, number, 4)
    cases.complete(ws, actors("Kasubag"), number, StepInput())
    detail = case_detail(ws, number)
    assert [i["step"] for i in detail["items"]] == [1, 2, 3, 1, 2, 3, 4]
    assert detail["status"] == "done"


@pytest.mark.parametrize(("to_step", "reason", "message"), [
    (4, "Belum dikerjakan", "sudah dilalui"),
    (3, "Kegiatan yang sedang berjalan", "sudah dilalui"),
    (12, "Kegiatan jalur lain", "sudah dilalui"),
    (1, "", "wajib diisi"),
    (1, "   ", "wajib diisi"),
])
def test_return_to_is_refused_for_unvisited_step_or_without_reason(ws, actors, to_step, reason,
                                                                   message):
    number = cases.start_case(ws, actors("Help Desk"), "PP", "Tamu minta data", entry="tamu")
    drive_to(ws, actors, number, 3)
    before = case_detail(ws, number)
    with pytest.raises(UserError, match=message):
        cases.return_to(ws, actors("Komisioner"), number, to_step, reason)
    assert case_detail(ws, number) == before


def test_cancel_needs_a_reason_and_closes_the_case(ws, actors, clock):
    number = cases.start_case(ws, actors("Help Desk"), "PP", "Tamu minta data", entry="tamu")
    drive_to(ws, actors, number, 2)
    before = case_detail(ws, number)
    for reason in ("", "  "):
        with pytest.raises(UserError, match="Alasan"):
            cases.cancel(ws, actors("Help Desk"), number, reason)
    assert case_detail(ws, number) == before

    clock.advance(minutes=4)
    cases.cancel(ws, actors("Help Desk"), number, "Pemohon menarik permohonannya")
    detail = case_detail(ws, number)
    assert detail["status"] == "cancelled"
    assert detail["close_reason"] == "Pemohon menarik permohonannya"
    assert detail["closed_at"] == clock.now
    assert [(i["step"], i["status"]) for i in detail["items"]] == [(1, "done"), (2, "cancelled")]
    assert open_steps(ws, number) == []
    with pytest.raises(Conflict, match="dibatalkan"):
        cases.complete(ws, actors("Help Desk"), number, StepInput())
    with pytest.raises(Conflict, match="dibatalkan"):
        cases.cancel(ws, actors("Help Desk"), number, "Sekali lagi")


# --- numbers ------------------------------------------------------------------------------

def test_case_numbers_run_per_sop_and_year_and_restart_in_a_new_year(ws, actors, clock):
    hd, sek = actors("Help Desk"), actors("Sekretaris")
    assert cases.start_case(ws, hd, "PP", "Satu", entry="tamu") == "PP/2026/0001"
    assert cases.start_case(ws, hd, "PP", "Dua", entry="surat") == "PP/2026/0002"
    assert cases.start_case(ws, sek, "TKS", "Pleno") == "TKS/2026/0001"
    assert cases.start_case(ws, hd, "pp", "Tiga", entry="tamu") == "PP/2026/0003"
    # 31 December, 23:30 in the office (WITA) is still 2026
    clock.now = datetime(2026, 12, 31, 23, 30, tzinfo=WITA).astimezone(timezone.utc)
    assert cases.start_case(ws, hd, "PP", "Empat", entry="tamu") == "PP/2026/0004"
    # 1 January, 00:30 WITA is 2027 in the office although still 2026 in UTC
    clock.now = datetime(2027, 1, 1, 0, 30, tzinfo=WITA).astimezone(timezone.utc)
    assert clock.now.year == 2026
    assert cases.start_case(ws, hd, "PP", "Lima", entry="tamu") == "PP/2027/0001"
    assert cases.start_case(ws, hd, "PP", "Enam", entry="tamu") == "PP/2027/0002"
    assert cases.start_case(ws, sek, "TKS", "Pleno 2027") == "TKS/2027/0001"
    assert case_detail(ws, "pp/2026/0001")["title"] == "Satu"


# --- due times ----------------------------------------------------------------------------

def test_minute_standard_is_due_that_many_minutes_after_arrival(ws, actors, clock):
    started = clock.now
    number = cases.start_case(ws, actors("Help Desk"), "PP", "Tamu", entry="tamu")
    assert ws.catalog.sops["PP"].step(1).waktu == "3 menit"
    assert item(ws, number, 1)["due_at"] == started + timedelta(minutes=3)
    clock.advance(minutes=2)
    cases.complete(ws, actors("Help Desk"), number, StepInput())
    second = item(ws, number, 2)
    assert second["since"] == clock.now
    assert second["due_at"] == clock.now + timedelta(minutes=10)  # "10 menit"


def test_working_day_started_friday_afternoon_is_due_monday_same_time(ws, actors, clock):
    friday = datetime(2026, 3, 6, 15, 30, tzinfo=WITA)
    assert friday.strftime("%A") == "Friday"
    clock.now = friday.astimezone(timezone.utc)
    number = cases.start_case(ws, actors("Sekretaris"), "TKS", "Tindak lanjut pleno")
    assert ws.catalog.sops["TKS"].step(1).waktu == "1 Hari Kerja"
    assert item(ws, number, 1)["due_at"] == datetime(2026, 3, 9, 15, 30, tzinfo=WITA)


# --- case deadlines -----------------------------------------------------------------------

@pytest.mark.parametrize(("choices", "meeting_step"), [
    ({2: "Tidak"}, 3),
    ({2: "Ya", 10: "Ya"}, 11),
], ids=["met-by-step-3", "met-by-step-11"])
def test_paw_reply_deadline_is_five_days_after_start_and_met_by_the_reply(ws, actors, clock,
                                                                          choices, meeting_step):
    started = clock.now
    number = cases.start_case(ws, actors("Komisioner"), "PAW", "Usulan PAW a.n. Yosef Bria")
    reply = deadline(ws, number, "jawaban_dprd")
    assert reply["kind"] == "paling_lambat"
    assert reply["due_at"] == started + timedelta(days=5)
    assert reply["met_at"] is None
    drive_to(ws, actors, number, meeting_step, choices)
    assert deadline(ws, number, "jawaban_dprd")["met_at"] is None
    clock.advance(hours=30)
    cases.complete(ws, actors("Komisioner"), number, StepInput())
    reply = deadline(ws, number, "jawaban_dprd")
    assert reply["met_at"] == clock.now
    assert reply["due_at"] == started + timedelta(days=5)


# PAW's 14-day clarification wait: tests/test_deadlines_ext.py (conditional, binding)


# --- revisions ----------------------------------------------------------------------------

OLD_STEP_2 = ("Menyampaikan permohonan informasi yang dibutuhkan secara langsung kepada Ketua, "
              "Sekretaris, atau divisi yang dituju")
NEW_STEP_2 = "Mengantar pemohon ke ruang Ketua atau Sekretaris (revisi 2)"


def write_pp_revision(ws: Workspace, data_dir: Path, revisi: int, step_2: str,
                      step_3: str | None = None) -> Path:
    """The office's copy of PP with a changed step 2; `revisi` 1 = the bundled number, 2 = one
    above it."""
    text = ws.catalog.sources["PP"].read_text(encoding="utf-8")
    bundled = ws.catalog.sops["PP"].revisi  # revisi 2 since issue #13; the office's copy goes above it
    assert text.count(f"\nrevisi: {bundled}\n") == 1 and text.count(OLD_STEP_2) == 1
    text = text.replace(f"\nrevisi: {bundled}\n", f"\nrevisi: {bundled + revisi - 1}\n").replace(OLD_STEP_2, step_2)
    if step_3 is not None:
        old_3 = "Memberikan disposisi lisan kepada Sekretaris atau Kasubag yang dituju"
        assert text.count(old_3) == 1
        text = text.replace(old_3, step_3)
    folder = data_dir / "sop_catalog"
    folder.mkdir(exist_ok=True)
    path = folder / "pelayanan_publik_kupang_revisi.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_case_stays_pinned_to_the_revision_it_started_with(ws, actors, data_dir, clock):
    hd = actors("Help Desk")
    bundled = ws.catalog.sops["PP"].revisi
    old = cases.start_case(ws, hd, "PP", "Sebelum revisi", entry="tamu")
    cases.complete(ws, hd, old, StepInput())
    assert item(ws, old, 2)["kegiatan"] == OLD_STEP_2

    write_pp_revision(ws, data_dir, 2, NEW_STEP_2)
    reopened = Workspace.open(data_dir, clock=clock)
    try:
        assert reopened.catalog.sops["PP"].revisi == bundled + 1
        detail = case_detail(reopened, old)
        assert detail["revisi"] == bundled
        assert [i["kegiatan"] for i in detail["items"]][1] == OLD_STEP_2
        cases.complete(reopened, hd, old, StepInput())  # the old case goes on under its revisi
        detail = case_detail(reopened, old)
        assert detail["revisi"] == bundled
        assert [i["kegiatan"] for i in detail["items"]][1] == OLD_STEP_2

        new = cases.start_case(reopened, hd, "PP", "Sesudah revisi", entry="tamu")
        assert new == "PP/2026/0002"
        cases.complete(reopened, hd, new, StepInput())
        detail = case_detail(reopened, new)
        assert detail["revisi"] == bundled + 1
        assert [i["kegiatan"] for i in detail["items"]][1] == NEW_STEP_2
    finally:
        reopened.close()


def test_changed_content_without_a_new_revisi_is_left_out_and_the_stored_one_stays(ws, data_dir, clock):
    path = write_pp_revision(ws, data_dir, 2, NEW_STEP_2)
    Workspace.open(data_dir, clock=clock).close()  # revisi 2 is now stored
    write_pp_revision(ws, data_dir, 2, NEW_STEP_2,
                      step_3="Memberikan disposisi tertulis kepada Kasubag yang dituju")
    reopened = Workspace.open(data_dir, clock=clock)  # the office keeps working (issue #13)
    try:
        [warning] = reopened.catalog.left_out
        assert warning.file == path.name and "naikkan nomor revisi" in str(warning)
        pp = reopened.catalog.sop("PP")  # the stored content of that revisi, not the edited file
        assert pp.step(2).kegiatan == NEW_STEP_2
        assert pp.step(3).kegiatan == "Memberikan disposisi lisan kepada Sekretaris atau Kasubag yang dituju"
    finally:
        reopened.close()


def test_a_copy_with_changed_content_under_the_same_revisi_is_left_out(ws, data_dir, clock):
    path = write_pp_revision(ws, data_dir, 1, NEW_STEP_2)
    reopened = Workspace.open(data_dir, clock=clock)
    try:
        [warning] = reopened.catalog.left_out
        assert warning.file == path.name and "sudah dipakai" in str(warning)
        assert reopened.catalog.sop("PP").step(2).kegiatan == OLD_STEP_2
    finally:
        reopened.close()


# --- attachments --------------------------------------------------------------------------

def test_files_are_stored_by_sha256_and_the_document_number_is_shown(ws, actors, tmp_path):
    hd = actors("Help Desk")
    number = cases.start_case(ws, hd, "PP", "Surat permohonan data DPT", entry="surat")
    scan = tmp_path / "Surat Masuk.PDF"
    scan.write_bytes(b"%PDF-1.4 surat masuk permohonan data DPT")
    letter = tmp_path / "disposisi.pdf"
    letter.write_bytes(b"%PDF-1.4 lembar disposisi")
    cases.complete(ws, hd, number, StepInput(
        files={"1": scan},
        outputs={"1": OutputValue(number="005/PP.01/5371/III/2026", date=date(2026, 3, 2),
                                  file=letter)}))
    stored = {p.name: p for p in ws.attachments_dir.rglob("*") if p.is_file()}
    for original in (scan, letter):
        digest = hashlib.sha256(original.read_bytes()).hexdigest()
        (name,) = [n for n in stored if n.startswith(digest)]
        assert stored[name].read_bytes() == original.read_bytes()
    assert len(stored) == 2

    detail = case_detail(ws, number)
    (document,) = detail["documents"]
    assert document["name"] == "Dispoisi Surat"
    assert document["number"] == "005/PP.01/5371/III/2026"
    assert document["date"] == date(2026, 3, 2)
    assert document["file"] == "disposisi.pdf"
    assert document["sha256"] == hashlib.sha256(letter.read_bytes()).hexdigest()
    checks = item(ws, number, 5, "done")["checks"]
    assert [(c["item"], c["present"], c["attachment"] is not None) for c in checks] == [
        ("Surat Masuk", True, True), ("Disposisi Surat", False, False)]


def test_missing_attachment_file_is_refused_and_nothing_is_recorded(ws, actors, tmp_path):
    hd = actors("Help Desk")
    number = cases.start_case(ws, hd, "PP", "Surat permohonan", entry="surat")
    before = case_detail(ws, number)
    with pytest.raises(UserError, match="tidak ditemukan"):
        cases.complete(ws, hd, number, StepInput(files={"1": tmp_path / "tidak-ada.pdf"}))
    assert case_detail(ws, number) == before
