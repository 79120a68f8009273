"""The hot path of every action (issue #15): the rows a transaction changed are read back for
their seals on the raw cursor, and a completion reads its case's deadlines only when a deadline
concerns the step."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sopdesk.engine import cases, deadlines, integrity, seal
from sopdesk.engine.cases import StepInput
from sopdesk.store.models import Case

pytestmark = pytest.mark.both_stores


@pytest.fixture
def actors(staff, make_user):
    made = dict(staff)

    def actor(role: str):  # noqa: ANN202
        if role not in made:
            made[role] = make_user("peran" + str(len(made)), role)
        return made[role]

    return actor


def test_the_keyed_readback_gives_the_digests_the_check_computes(ws, actors):
    number = cases.start_case(ws, actors("Komisioner"), "PAW", "Usulan PAW a.n. Maria Lay")
    cases.complete(ws, actors("Komisioner"), number, StepInput(), step=1)
    with ws.db.connect() as conn:
        for name in seal.tables():
            streamed = dict(seal.row_digests(conn, name))
            keys = sorted(streamed, key=str)
            for count in {len(keys), min(len(keys), 3)}:  # padded IN lists of several widths
                wanted = keys[:count]
                assert dict(seal.row_digests(conn, name, wanted)) == {k: streamed[k] for k in wanted}, name
            if keys and isinstance(keys[0], int):
                missing = max(keys) + 1000
                assert dict(seal.row_digests(conn, name, [keys[0], missing])) == {keys[0]: streamed[keys[0]]}


def test_a_completion_reads_its_deadlines_only_when_a_deadline_concerns_the_step(ws, actors, monkeypatch):
    sop = ws.catalog.sop("PAW")
    assert not deadlines.concerns(sop, 1, None) and deadlines.concerns(sop, 9, None)
    number = cases.start_case(ws, actors("Komisioner"), "PAW", "Usulan PAW a.n. Paulus Tefa")
    read: list[int] = []
    view = deadlines.CaseView

    def counted(tx, case_id):  # noqa: ANN001, ANN202
        read.append(case_id)
        return view(tx, case_id)

    monkeypatch.setattr(deadlines, "CaseView", counted)
    cases.complete(ws, actors("Komisioner"), number, StepInput(), step=1)
    assert read == []
    cases.complete(ws, actors("Komisioner"), number, StepInput(choice="Ya"), step=2)
    cases.complete(ws, actors(sop.role_of(8)), number, StepInput(), step=8)
    read.clear()
    cases.complete(ws, actors(sop.role_of(9)), number, StepInput(), step=9)  # starts the DPRD's reply time
    assert read
    with ws.db.reading() as session:
        case = session.scalar(select(Case).where(Case.number == number))
        started = [d for d in case.deadlines if d.due_at is not None]
        assert started, "step 9 started a deadline"


def test_a_paw_case_walked_to_its_end_on_the_direct_path_passes_the_check(ws, actors):
    """Start, deadlines, waits, letters and the buku ekspedisi written with prepared statements
    (store.direct): every row they wrote is sealed with its event, the check finds nothing."""
    sop = ws.catalog.sop("PAW")
    number = cases.start_case(ws, actors(sop.role_of(1)), "PAW", "Usulan PAW a.n. Maria Lake",
                              requester="Pimpinan DPRD")
    step, choices, notices = 1, {2: "Ya", 10: "Ya"}, []
    while step is not None:
        if step == 13:
            ws.clock.advance(days=15)  # PAW's 14-day wait holds step 13
        kegiatan = sop.step(step)
        done = cases.complete(ws, actors(sop.role_of(step)), number, StepInput(
            present=list(kegiatan.kelengkapan), choice=choices.get(step), note="dicatat"), step=step)
        notices += done.notices
        step = done.next_step
    assert any("surat keluar nomor" in n for n in notices) and any("buku ekspedisi" in n for n in notices)
    report = integrity.check(ws)
    assert report.ok, report.as_dict()


def test_sealed_names_are_the_columns_the_digest_takes(ws, actors):
    number = cases.start_case(ws, actors("Komisioner"), "PAW", "Usulan PAW a.n. Yohanes Manafe")
    with ws.db.connect() as conn:
        case_id, *values = conn.execute(
            select(seal.tables()["case_file"].c.id,
                   *(seal.tables()["case_file"].c[name] for name in seal.sealed_names("case_file")))
            .where(seal.tables()["case_file"].c.number == number)).one()
        assert seal.digest("case_file", seal.sealed_names("case_file"), values) == \
            dict(seal.row_digests(conn, "case_file", [case_id]))[case_id]


def test_the_seal_goes_on_the_newest_event_even_one_written_after_record(ws, actors):
    """_finish seals the event `record` wrote last without reading it back; an event appended
    after it some other way in the same transaction is the newest, and it is the one sealed
    (the chain stays whole, the check finds nothing)."""
    from sopdesk.engine import audit
    from sopdesk.store.models import AuditEvent

    number = cases.start_case(ws, actors("Komisioner"), "PAW", "Usulan PAW a.n. Yakobus Nenabu")
    with ws.db.transaction() as session:
        case = session.scalar(select(Case).where(Case.number == number))
        case.title = "Usulan PAW a.n. Yakobus Nenabu (diperbaiki)"
        first = audit.record(session, at=ws.clock(), user_id=None, action="office_updated", case_id=case.id)
        at = ws.clock()
        session.add(AuditEvent(at=at, user_id=None, action="office_updated", case_id=None, work_item_id=None,
                               step_no=None, detail="{}", prev_hash=first,
                               hash=audit.event_hash(first, at, None, "office_updated", None, None, None, "{}")))
        session.flush()
    with ws.db.reading() as session:
        newest, before = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(2)).all()
    assert before.sealed is None and before.hash == first
    assert '"case_file"' in newest.sealed and newest.prev_hash == first
    assert newest.hash == audit.stored_hash(newest)
    report = integrity.check(ws)
    assert report.ok, [f.message for f in report.findings]


def test_a_start_and_the_completions_make_no_orm_deadlines(ws, actors):
    """A case's deadlines on the hot path are plain rows (deadlines.DeadlineRow), read and
    written with prepared statements; what they hold reads back through the ORM."""
    from sqlalchemy import event

    from sopdesk.store.models import CaseDeadline

    made: list[object] = []
    listener = lambda target, args, kwargs: made.append(target)  # noqa: E731
    event.listen(CaseDeadline, "init", listener)
    try:
        sop = ws.catalog.sop("PAW")
        number = cases.start_case(ws, actors("Komisioner"), "PAW", "Usulan PAW a.n. Mikael Bria")
        for step, choice in ((1, None), (2, "Ya"), (8, None), (9, None), (10, "Ya")):
            cases.complete(ws, actors(sop.role_of(step)), number, StepInput(choice=choice, note="uji"), step=step)
    finally:
        event.remove(CaseDeadline, "init", listener)
    assert made == []
    with ws.db.reading() as session:
        case = session.scalar(select(Case).where(Case.number == number))
        kinds = {d.kode: (d.kind, d.due_at is not None) for d in case.deadlines}
    assert kinds and all(has_due for _, has_due in kinds.values())
    report = integrity.check(ws)
    assert report.ok, [f.message for f in report.findings]


def test_a_step_whose_letter_is_registered_opens_no_orm_session(ws, actors, clock, monkeypatch):
    """PAW step 11 numbers its Surat Jawaban and enters it in the buku ekspedisi with prepared
    statements on the completion's transaction: no ORM session is opened for it."""
    from sopdesk.store.direct import DirectTx

    sop = ws.catalog.sop("PAW")
    number = cases.start_case(ws, actors("Komisioner"), "PAW", "Usulan PAW a.n. Agustinus Lake")
    for step, choice in ((1, None), (2, "Ya"), (8, None), (9, None), (10, "Ya")):
        cases.complete(ws, actors(sop.role_of(step)), number, StepInput(choice=choice, note="uji"), step=step)
    opened: list[object] = []
    real = DirectTx.session
    monkeypatch.setattr(DirectTx, "session", lambda self: (opened.append(self), real(self))[1])
    done = cases.complete(ws, actors(sop.role_of(11)), number, StepInput(note="uji"), step=11)
    assert any("surat keluar nomor" in notice for notice in done.notices)
    assert any("buku ekspedisi nomor" in notice for notice in done.notices)
    assert opened == []
    report = integrity.check(ws)
    assert report.ok, [f.message for f in report.findings]
