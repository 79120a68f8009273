"""Permissions are enforced by the engine itself: a refused action raises and changes
nothing; accounts, log-in lockout and the hash-chained audit log."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from sopdesk.engine import accounts, cases
from sopdesk.engine.audit import GENESIS, event_hash
from sopdesk.engine.cases import StepInput
from sopdesk.engine.queries import case_detail
from sopdesk.engine.users import LOCKOUT, MAX_FAILED_LOGINS
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import Conflict, NotFound, PermissionRefused, UserError
from sopdesk.store.models import AuditEvent, Case, User

PASSWORD = "rahasia-123"  # the conftest users' password


def audit_count(ws: Workspace) -> int:
    with ws.db.reading() as session:
        return session.scalar(select(func.count(AuditEvent.id)))


def last_event(ws: Workspace) -> AuditEvent:
    with ws.db.reading() as session:
        return session.scalar(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1))


def case_id(ws: Workspace, number: str) -> int:
    with ws.db.reading() as session:
        return session.scalar(select(Case.id).where(Case.number == number))


def snapshot(ws: Workspace, number: str) -> tuple[dict, int]:
    return case_detail(ws, number), audit_count(ws)


ACTIONS = {
    "complete": lambda ws, who, n: cases.complete(ws, who, n, StepInput(note="selesai")),
    "claim": lambda ws, who, n: cases.claim(ws, who, n),
    "release": lambda ws, who, n: cases.release(ws, who, n),
    "assign": lambda ws, who, n: cases.assign(ws, who, n, "help.desk"),
    "return_to": lambda ws, who, n: cases.return_to(ws, who, n, 1, "Data pemohon keliru"),
    "cancel": lambda ws, who, n: cases.cancel(ws, who, n, "Pemohon tidak datang lagi"),
}


@pytest.fixture
def at_step_2(ws, staff) -> str:
    """A help-desk case waiting at step 2 (Help Desk), step 1 done (so a return is possible)."""
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data DPT", entry="tamu")
    cases.complete(ws, staff["Help Desk"], number, StepInput())
    return number


# --- the step's role ------------------------------------------------------------------------

@pytest.mark.parametrize("action", list(ACTIONS))
def test_user_without_the_steps_role_is_refused_and_nothing_changes(ws, staff, at_step_2,
                                                                    action):
    before = snapshot(ws, at_step_2)
    with pytest.raises(PermissionRefused, match="Help Desk"):
        ACTIONS[action](ws, staff["Kasubag"], at_step_2)
    assert snapshot(ws, at_step_2) == before
    # the same action by the step's role is accepted (the refusal was about the role)
    ACTIONS[action](ws, staff["Help Desk"], at_step_2)
    assert audit_count(ws) == before[1] + 1


@pytest.mark.parametrize("action", list(ACTIONS))
def test_deactivated_user_is_refused_and_nothing_changes(ws, admin, staff, at_step_2, action):
    accounts.set_active(ws, admin, "help.desk", False)
    before = snapshot(ws, at_step_2)
    with pytest.raises(PermissionRefused, match="tidak aktif"):
        ACTIONS[action](ws, staff["Help Desk"], at_step_2)
    assert snapshot(ws, at_step_2) == before


def test_deactivated_user_cannot_log_in_or_start_a_case_until_reactivated(ws, admin, staff):
    accounts.set_active(ws, admin, "help.desk", False)
    with pytest.raises(PermissionRefused, match="dinonaktifkan"):
        ws.login("help.desk", PASSWORD)
    with pytest.raises(PermissionRefused):
        cases.start_case(ws, staff["Help Desk"], "PP", "Tamu", entry="tamu")
    accounts.set_active(ws, admin, "help.desk", True)
    actor = ws.login("help.desk", PASSWORD)
    assert cases.start_case(ws, actor, "PP", "Tamu", entry="tamu") == "PP/2026/0001"


def test_starting_a_case_at_an_entry_of_another_role_is_refused(ws, staff):
    count = audit_count(ws)
    with pytest.raises(PermissionRefused, match="Help Desk"):
        cases.start_case(ws, staff["Kasubag"], "PP", "Tamu", entry="tamu")
    assert audit_count(ws) == count
    with pytest.raises(NotFound):
        case_detail(ws, "PP/2026/0001")
    # the refused start did not use up a case number
    assert cases.start_case(ws, staff["Help Desk"], "PP", "Tamu", entry="tamu") == "PP/2026/0001"


# --- administration -------------------------------------------------------------------------

def test_non_admin_cannot_administer_accounts(ws, staff):
    sekretaris = staff["Sekretaris"]
    count = audit_count(ws)
    with pytest.raises(PermissionRefused, match="administrator"):
        accounts.add_user(ws, sekretaris, "baru", PASSWORD, ["Staf"])
    with pytest.raises(PermissionRefused, match="administrator"):
        accounts.set_roles(ws, sekretaris, "kasubag", ["Kasubag", "Sekretaris"])
    with pytest.raises(PermissionRefused, match="administrator"):
        accounts.reset_password(ws, sekretaris, "kasubag", "kata-sandi-baru")
    with pytest.raises(PermissionRefused, match="administrator"):
        accounts.set_active(ws, sekretaris, "kasubag", False)
    assert audit_count(ws) == count
    with pytest.raises(UserError, match="salah"):
        ws.login("baru", PASSWORD)
    assert accounts.user_roles(ws, staff["Kasubag"]) == ["Kasubag"]
    with pytest.raises(UserError, match="salah"):
        ws.login("kasubag", "kata-sandi-baru")
    assert ws.login("kasubag", PASSWORD).username == "kasubag"


def test_admin_can_act_on_any_step(ws, admin, staff):
    number = cases.start_case(ws, admin, "PP", "Surat permohonan", entry="surat")
    cases.claim(ws, staff["Help Desk"], number)
    # admin completes even a step another user has claimed, and every role's step after it
    route = []
    for _ in range(10):
        detail = case_detail(ws, number)
        if detail["status"] == "done":
            break
        (current,) = [i for i in detail["items"] if i["status"] == "open"]
        route.append(current["step"])
        choice = "Tidak" if current["step"] == 9 else None
        cases.complete(ws, admin, number, StepInput(choice=choice))
    assert route == [5, 6, 7, 8, 9, 10, 11]
    detail = case_detail(ws, number)
    assert detail["status"] == "done"
    assert {i["completed_by"] for i in detail["items"]} == {"admin"}
    assert {i["role"] for i in detail["items"]} == {"Help Desk", "Komisioner", "Kasubag",
                                                    "Sekretaris"}


# --- claims and assignment ------------------------------------------------------------------

def test_claim_blocks_another_user_of_the_same_role_until_released(ws, make_user):
    first = make_user("desk.satu", "Help Desk")
    second = make_user("desk.dua", "Help Desk")
    number = cases.start_case(ws, first, "PP", "Tamu", entry="tamu")
    cases.claim(ws, first, number)
    before = snapshot(ws, number)
    assert before[0]["items"][0]["assignee"] == "desk.satu"
    with pytest.raises(Conflict, match="desk.satu"):
        cases.complete(ws, second, number, StepInput())
    with pytest.raises(Conflict, match="desk.satu"):
        cases.claim(ws, second, number)
    with pytest.raises(Conflict, match="desk.satu"):
        cases.release(ws, second, number)
    assert snapshot(ws, number) == before

    cases.release(ws, first, number)
    assert case_detail(ws, number)["items"][0]["assignee"] is None
    done = cases.complete(ws, second, number, StepInput())
    assert done.next_step == 2
    assert case_detail(ws, number)["items"][0]["completed_by"] == "desk.dua"


def test_assign_to_a_user_without_the_role_is_refused(ws, admin, staff, make_user):
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Tamu", entry="tamu")
    before = snapshot(ws, number)
    with pytest.raises(UserError, match="Help Desk"):
        cases.assign(ws, staff["Help Desk"], number, "kasubag")
    with pytest.raises(NotFound):
        cases.assign(ws, staff["Help Desk"], number, "tidak.ada")
    make_user("desk.cuti", "Help Desk")
    accounts.set_active(ws, admin, "desk.cuti", False)
    before = snapshot(ws, number)
    with pytest.raises(UserError, match="tidak aktif"):
        cases.assign(ws, staff["Help Desk"], number, "desk.cuti")
    assert snapshot(ws, number) == before

    colleague = make_user("desk.dua", "Help Desk")
    cases.assign(ws, staff["Help Desk"], number, "desk.dua")
    assert case_detail(ws, number)["items"][0]["assignee"] == "desk.dua"
    # now assigned: the assigner may no longer complete it, the assignee may
    with pytest.raises(Conflict):
        cases.complete(ws, staff["Help Desk"], number, StepInput())
    assert cases.complete(ws, colleague, number, StepInput()).next_step == 2


def test_user_with_several_roles_can_act_in_each(ws, make_user):
    multi = make_user("serba.bisa", "Help Desk", "Komisioner", "Kasubag")
    number = cases.start_case(ws, multi, "PP", "Tamu", entry="tamu")
    for step in (1, 2, 3, 4):
        cases.complete(ws, multi, number, StepInput(), step=step)
    detail = case_detail(ws, number)
    assert detail["status"] == "done"
    assert [(i["role"], i["completed_by"]) for i in detail["items"]] == [
        ("Help Desk", "serba.bisa"), ("Help Desk", "serba.bisa"),
        ("Komisioner", "serba.bisa"), ("Kasubag", "serba.bisa")]
    # but not in a role it does not hold
    other = cases.start_case(ws, multi, "PP", "Surat", entry="surat")
    drive = [5, 6, 7, 8]
    for step in drive:
        cases.complete(ws, multi, other, StepInput(), step=step)
    cases.complete(ws, multi, other, StepInput(choice="Ya"), step=9)
    with pytest.raises(PermissionRefused, match="Sekretaris"):
        cases.complete(ws, multi, other, StepInput(), step=12)


# --- login ----------------------------------------------------------------------------------

def test_wrong_password_is_refused_with_a_clear_message(ws, staff):
    with pytest.raises(UserError, match="Nama pengguna atau kata sandi salah"):
        ws.login("kasubag", "bukan-sandinya")
    with pytest.raises(UserError, match="Nama pengguna atau kata sandi salah"):
        ws.login("tidak.ada", PASSWORD)
    assert ws.login("kasubag", PASSWORD).username == "kasubag"


def test_failed_logins_lock_the_account_until_the_lockout_passes(ws, staff, clock):
    assert MAX_FAILED_LOGINS == 5
    for _ in range(4):
        with pytest.raises(UserError, match="salah"):
            ws.login("kasubag", "bukan-sandinya")
    assert ws.login("kasubag", PASSWORD).username == "kasubag"  # four failures: not locked

    for _ in range(5):
        with pytest.raises(UserError, match="salah"):
            ws.login("kasubag", "bukan-sandinya")
    with pytest.raises(PermissionRefused, match="dikunci"):
        ws.login("kasubag", PASSWORD)
    clock.advance(seconds=LOCKOUT.total_seconds() - 30)
    with pytest.raises(PermissionRefused, match="dikunci"):
        ws.login("kasubag", PASSWORD)
    clock.advance(seconds=31)
    assert ws.login("kasubag", PASSWORD).username == "kasubag"
    # another user was never affected
    assert ws.login("sekretaris", PASSWORD).username == "sekretaris"


def test_lockout_is_per_account(ws, staff):
    for _ in range(5):
        with pytest.raises(UserError):
            ws.login("kasubag", "bukan-sandinya")
    with pytest.raises(PermissionRefused):
        ws.login("kasubag", PASSWORD)
    assert ws.login("staf", PASSWORD).username == "staf"


# --- audit ----------------------------------------------------------------------------------

def test_every_successful_action_writes_exactly_one_audit_event(ws, staff, make_user, admin):
    hd = staff["Help Desk"]
    colleague = make_user("desk.dua", "Help Desk")

    def expect(action: str, actor, run, number: str | None, step: int | None) -> None:
        count = audit_count(ws)
        run()
        assert audit_count(ws) == count + 1, action
        event = last_event(ws)
        assert (event.action, event.user_id, event.step_no) == (action, actor.user_id, step)
        assert event.case_id == (case_id(ws, number) if number else None)

    count = audit_count(ws)
    number = cases.start_case(ws, hd, "PP", "Tamu", entry="tamu")
    assert audit_count(ws) == count + 1
    event = last_event(ws)
    assert (event.action, event.user_id, event.case_id, event.step_no) == (
        "case_started", hd.user_id, case_id(ws, number), 1)
    expect("claimed", hd, lambda: cases.claim(ws, hd, number), number, 1)
    expect("released", hd, lambda: cases.release(ws, hd, number), number, 1)
    expect("assigned", hd, lambda: cases.assign(ws, hd, number, "desk.dua"), number, 1)
    expect("step_completed", colleague,
           lambda: cases.complete(ws, colleague, number, StepInput()), number, 1)
    expect("step_returned", hd,
           lambda: cases.return_to(ws, hd, number, 1, "Identitas keliru"), number, 2)
    expect("case_cancelled", hd,
           lambda: cases.cancel(ws, hd, number, "Pemohon pergi"), number, 1)
    expect("user_added", admin,
           lambda: accounts.add_user(ws, admin, "staf.baru", PASSWORD, ["Staf"]), None, None)
    expect("roles_changed", admin,
           lambda: accounts.set_roles(ws, admin, "staf.baru", ["Staf", "Kasubag"]), None, None)
    expect("password_reset", admin,
           lambda: accounts.reset_password(ws, admin, "staf.baru", "sandi-baru-99"), None, None)
    expect("user_deactivated", admin,
           lambda: accounts.set_active(ws, admin, "staf.baru", False), None, None)

    history = case_detail(ws, number)["history"]
    assert [(h["action"], h["user"], h["step"]) for h in history] == [
        ("case_started", "help.desk", 1), ("claimed", "help.desk", 1),
        ("released", "help.desk", 1), ("assigned", "help.desk", 1),
        ("step_completed", "desk.dua", 1), ("step_returned", "help.desk", 2),
        ("case_cancelled", "help.desk", 1)]
    assert history[5]["detail"]["reason"] == "Identitas keliru"


def test_audit_events_form_an_unbroken_hash_chain(ws, staff):
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Tamu", entry="tamu")
    cases.complete(ws, staff["Help Desk"], number, StepInput())
    with pytest.raises(PermissionRefused):
        cases.complete(ws, staff["Kasubag"], number, StepInput())
    with pytest.raises(UserError):
        ws.login("kasubag", "salah-sandi")
    cases.complete(ws, staff["Help Desk"], number, StepInput())
    with ws.db.reading() as session:
        events = list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))
        users = dict(session.execute(select(User.id, User.username)).all())
    assert len(events) > 15
    assert events[0].prev_hash == GENESIS
    for previous, event in zip(events, events[1:], strict=False):
        assert event.prev_hash == previous.hash
    for event in events:
        assert event.hash == event_hash(event.prev_hash, event.at, event.user_id, event.action,
                                        event.case_id, event.work_item_id, event.step_no,
                                        event.detail, event.sealed)
    assert len({e.hash for e in events}) == len(events)
    tail = [(e.action, users.get(e.user_id)) for e in events[-3:]]
    assert tail == [("step_completed", "help.desk"), ("login_failed", None),
                    ("step_completed", "help.desk")]


# --- the messages a user reads start with a capital letter ----------------------------------------

USER_ERRORS = {"UserError", "PermissionRefused", "NotFound", "Conflict", "FieldError", "ArgumentError"}
# A message may start with a field's description (what / label / flag): the UserError constructor
# capitalises it. Never with a user name or a value, which are case-sensitive.
DESCRIPTIONS = {"what", "label", "flag"}


def _message_starts(root):  # noqa: ANN001, ANN202 - yields (place, first text of a user-error message)
    import ast

    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in USER_ERRORS or not node.args:
                continue
            message = node.args[1] if name == "FieldError" and len(node.args) > 1 else node.args[0]
            while isinstance(message, ast.BinOp):
                message = message.left
            if isinstance(message, ast.JoinedStr) and message.values:
                message = message.values[0]
                if isinstance(message, ast.FormattedValue):
                    start = message.value
                    ok = isinstance(start, ast.Name) and start.id in DESCRIPTIONS or "upper" in ast.unparse(start) \
                        or "capitalize" in ast.unparse(start)
                    yield f"{path.name}:{node.lineno}", "X" if ok else "{" + ast.unparse(start) + "}"
                    continue
            if isinstance(message, ast.Constant) and isinstance(message.value, str):
                yield f"{path.name}:{node.lineno}", message.value


def test_user_error_messages_in_the_source_start_with_a_capital_letter():
    from pathlib import Path

    import sopdesk

    package = Path(sopdesk.__file__).parent
    starts = [item for part in ("engine", "catalog", "store", "cli", "reports")
              for item in _message_starts(package / part)]
    assert len(starts) > 100  # the scan sees the messages
    wrong = [f"{place}: {text[:40]!r}" for place, text in starts if not text[:1].isupper()]
    assert wrong == []


def test_common_refusals_read_as_sentences(ws, admin, staff, at_step_2, clock):
    """The refusals a user meets in a day, through the engine, start with a capital letter and
    never with a (case-sensitive) user name."""
    refusals = [
        lambda: cases.complete(ws, staff["Kasubag"], at_step_2, StepInput()),
        lambda: cases.claim(ws, staff["Staf"], at_step_2),
        lambda: cases.complete(ws, staff["Help Desk"], at_step_2, StepInput(), step=7),
        lambda: cases.complete(ws, staff["Help Desk"], at_step_2, StepInput(present=["Kopi"])),
        lambda: cases.assign(ws, staff["Help Desk"], at_step_2, "kasubag"),
        lambda: cases.cancel(ws, staff["Help Desk"], at_step_2, " "),
        lambda: cases.start_case(ws, staff["Help Desk"], "PP", "", entry="tamu"),
        lambda: cases.start_case(ws, staff["Help Desk"], "PP", "Tamu", entry="pintu"),
        lambda: case_detail(ws, "PP/2026/0999"),
        lambda: accounts.add_user(ws, staff["Sekretaris"], "baru", PASSWORD, ["Staf"]),
        lambda: accounts.add_user(ws, admin, "baru", "pendek", ["Staf"]),
        lambda: accounts.add_user(ws, admin, "Baru Sekali", PASSWORD, ["Staf"]),
        lambda: accounts.add_user(ws, admin, "baru", PASSWORD, ["Bendahara"]),
        lambda: accounts.add_user(ws, admin, "kasubag", PASSWORD, ["Staf"]),
        lambda: accounts.set_active(ws, admin, "admin", False),
    ]
    for refuse in refusals:
        with pytest.raises(UserError) as refused:
            refuse()
        message = str(refused.value)
        assert message[:1].isupper(), message
        assert not message.startswith(("kasubag", "staf", "sekretaris", "help.desk", "admin")), message
    accounts.set_active(ws, admin, "help.desk", False)
    with pytest.raises(PermissionRefused) as refused:
        cases.claim(ws, staff["Help Desk"], at_step_2)
    assert str(refused.value) == "Pengguna help.desk tidak aktif"
    with pytest.raises(UserError, match="^Nama pengguna atau kata sandi salah$"):
        ws.login("nobody", PASSWORD)


def test_a_message_composed_from_a_label_is_capitalised():
    assert str(UserError("judul kasus wajib diisi")) == "Judul kasus wajib diisi"
    assert str(NotFound("PP/2026/0001 tidak ada")) == "PP/2026/0001 tidak ada"
    assert str(UserError("")) == ""


def test_the_command_line_prints_errors_as_sentences(ws, staff, monkeypatch, capsys, tmp_path):
    from sopdesk.cli.main import main

    monkeypatch.setenv("SOPDESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    for argv in (["case", "start", "PP", "--title", " ", "--entry", "tamu", "--as", "help.desk"],
                 ["case", "claim", "PP/2026/0001", "--as", "kasubag"],
                 ["holiday", "add", "2026-13-01", "Libur", "--as", "admin"]):
        code = main(["--data-dir", str(ws.data_dir), *argv])
        err = capsys.readouterr().err
        assert code != 0 and err.startswith("sopdesk: ") and err[len("sopdesk: ")].isupper(), err
