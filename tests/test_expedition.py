"""The buku ekspedisi: entries made by dispatching letters and step outputs, receipts recorded."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import inspect, select, text

from sopdesk.engine import cases, letters
from sopdesk.engine.cases import OutputValue, StepInput
from sopdesk.engine.expedition import expedition_page, expedition_total, mark_received
from sopdesk.engine.queries import case_detail
from sopdesk.errors import Conflict, FieldError, NotFound, PermissionRefused, UserError
from sopdesk.store.models import Attachment, AuditEvent, Expedition

WITA = timezone(timedelta(hours=8))


def snapshot(ws) -> dict:
    """Every row of every table (log-in events aside)."""
    with ws.db.engine.connect() as con:  # SQLite or PostgreSQL alike
        tables = sorted(inspect(con).get_table_names())
        data = {t: [tuple(r) for r in con.execute(text(f'SELECT * FROM "{t}" ORDER BY 1'))]  # noqa: S608
                for t in tables}
    data["audit_event"] = [r for r in data["audit_event"] if r[3] not in ("login", "login_failed")]
    return data


def send(ws, actor, recipient: str = "Bawaslu Kota Kupang", subject: str = "Data DPT", **fields) -> letters.Registered:
    return letters.register_outgoing(ws, actor, letters.OutgoingForm(recipient=recipient, subject=subject,
                                                                     classification="PP.01", **fields))


def test_every_letter_sent_is_in_the_book_until_its_receipt_comes_back(ws, staff, clock, tmp_path):
    staf = staff["Staf"]
    first = send(ws, staf, recipient_name="Ketua Bawaslu")
    clock.advance(days=1)
    second = send(ws, staf, recipient="Pos Kupang", subject="Jadwal tahapan")
    not_sent = send(ws, staf, recipient="Arsip", subject="Salinan", dispatch=False)
    assert not_sent.expedition_id is None
    assert expedition_total(ws) == 2 and expedition_total(ws, pending=True) == 2
    rows = expedition_page(ws)
    assert [(r.id, r.letter_number, r.destination, r.recipient_name, r.pending) for r in rows] == [
        (first.expedition_id, first.number, "Bawaslu Kota Kupang", "Ketua Bawaslu", True),
        (second.expedition_id, second.number, "Pos Kupang", None, True)]

    receipt = tmp_path / "tanda terima.jpg"
    receipt.write_bytes(b"\xff\xd8 pindaian tanda terima yang ditandatangani")
    clock.advance(hours=3)
    done = mark_received(ws, staff["Kasubag"], first.expedition_id, date(2026, 3, 3), "  Yanti   Bria ",
                         scan=receipt)
    assert (done.signed_by, done.received_at) == ("Yanti Bria", datetime(2026, 3, 3, tzinfo=WITA))
    (row,) = [r for r in expedition_page(ws) if r.id == first.expedition_id]
    assert (row.signed_by, row.receipt_file, row.pending) == ("Yanti Bria", "tanda terima.jpg", False)
    assert [r.id for r in expedition_page(ws, pending=True)] == [second.expedition_id]
    with ws.db.reading() as session:
        stored = session.scalars(select(Attachment)).one()
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert stored.sha256 == hashlib.sha256(receipt.read_bytes()).hexdigest()
    assert (ws.attachments_dir / stored.stored_name).read_bytes() == receipt.read_bytes()
    assert event.action == "expedition_received"


def test_a_receipt_is_recorded_once_and_only_when_it_can_be_true(ws, staff, clock):
    entry = send(ws, staff["Staf"]).expedition_id
    clock.advance(days=1)
    before = snapshot(ws)
    staf = staff["Staf"]
    with pytest.raises(UserError, match="sebelum tanggal kirim"):
        mark_received(ws, staf, entry, date(2026, 3, 1), "Yanti")
    with pytest.raises(UserError, match="belum terjadi"):
        mark_received(ws, staf, entry, date(2026, 3, 4), "Yanti")
    with pytest.raises(FieldError, match="penanda tangan wajib"):
        mark_received(ws, staf, entry, date(2026, 3, 3), " ")
    with pytest.raises(NotFound):
        mark_received(ws, staf, 999, date(2026, 3, 3), "Yanti")
    with pytest.raises(NotFound):
        mark_received(ws, staf, -1, date(2026, 3, 3), "Yanti")
    with pytest.raises(UserError, match="tidak ditemukan"):
        mark_received(ws, staf, entry, date(2026, 3, 3), "Yanti", scan=ws.data_dir / "tidak-ada.pdf")
    assert snapshot(ws) == before
    mark_received(ws, staf, entry, date(2026, 3, 2), "Yanti")  # the day it was sent
    before = snapshot(ws)
    with pytest.raises(Conflict, match="sudah diterima pada 02-03-2026"):
        mark_received(ws, staf, entry, date(2026, 3, 3), "Orang Lain")
    assert snapshot(ws) == before


@pytest.mark.parametrize("role", ["Help Desk", "Komisioner", "Ketua", "Sekretaris", "Kabag"])
def test_only_the_keepers_of_the_book_record_receipts(ws, staff, admin, role):
    entry = send(ws, staff["Staf"]).expedition_id
    before = snapshot(ws)
    with pytest.raises(PermissionRefused, match="Staf / Kasubag"):
        mark_received(ws, staff[role], entry, date(2026, 3, 2), "Yanti")
    assert snapshot(ws) == before
    mark_received(ws, admin, entry, date(2026, 3, 2), "Yanti")  # an administrator may


def test_the_book_is_filtered_by_office_days_and_paged_by_sql(ws, staff, clock):
    ids = []
    for day in range(5):  # Monday 2 March .. Friday 6 March, 09:00 WITA
        ids.append(send(ws, staff["Staf"], subject=f"Surat hari {day}").expedition_id)
        clock.advance(days=1)
    # 23:30 WITA on Friday 6 March is still the 6th in the office (15:30 UTC)
    clock.now = datetime(2026, 3, 6, 23, 30, tzinfo=WITA).astimezone(timezone.utc)
    late = send(ws, staff["Staf"], subject="Surat malam").expedition_id
    assert [r.id for r in expedition_page(ws, start=date(2026, 3, 3), end=date(2026, 3, 4))] == ids[1:3]
    assert [r.id for r in expedition_page(ws, start=date(2026, 3, 6))] == [ids[4], late]
    assert [r.id for r in expedition_page(ws, end=date(2026, 3, 2))] == ids[:1]
    assert expedition_total(ws, start=date(2026, 3, 6), end=date(2026, 3, 6)) == 2
    assert [r.id for r in expedition_page(ws, limit=2, offset=1)] == ids[1:3]
    assert [r.id for r in expedition_page(ws, limit=2, descending=True)] == [late, ids[4]]
    assert [r.id for r in expedition_page(ws, search="malam")] == [late]


def paw_at(ws, staff, step: int, choices: dict[int, str]) -> str:
    _agenda, number = letters.register_incoming(ws, staff["Staf"], letters.IncomingForm(
        sender="Pimpinan DPRD Provinsi NTT", subject="Usulan PAW a.n. Yakobus Lana", starts="usulan_paw"))
    roles = {"Komisioner": "Komisioner", "Pokja PAW": "Pokja PAW", "Sekretaris": "Sekretaris"}
    for _ in range(20):
        (item,) = [i for i in case_detail(ws, number)["items"] if i["status"] == "open"]
        if item["step"] == step:
            return number
        cases.complete(ws, staff[roles[item["role"]]], number, StepInput(choice=choices.get(item["step"])))
    raise AssertionError


def test_a_letter_and_its_receipt_output_make_one_entry(ws, staff):
    number = paw_at(ws, staff, 3, {2: "Tidak"})
    cases.complete(ws, staff["Komisioner"], number, StepInput(outputs={"Tanda Terima Surat Keluar": OutputValue(
        date=date(2026, 3, 2))}))
    (entry,) = expedition_page(ws)
    assert entry.case_number == number and entry.destination == "Pimpinan DPRD Provinsi NTT"
    (letter,) = letters.outgoing_page(ws)
    assert entry.letter_number == letter.number
    with ws.db.reading() as session:
        row = session.scalars(select(Expedition)).one()
        assert row.outgoing_letter_id == letter.id and row.work_item_id is not None


def test_an_expedition_output_without_a_letter_makes_an_entry_for_what_the_step_hands_over(ws, staff):
    number = cases.start_case(ws, staff["Ketua"], "RAKOR", "Rakor persiapan Pemilihan 2026")
    for _ in range(20):
        (item,) = [i for i in case_detail(ws, number)["items"] if i["status"] == "open"]
        if item["step"] == 9:
            break
        decides = item["step"] == 4 and item["role"] == "Sekretaris"  # Kabag approves first (joint step)
        cases.complete(ws, staff[item["role"]], number, StepInput(choice="Ya" if decides else None))
    before = expedition_total(ws)
    done = cases.complete(ws, staff["Panitia Kegiatan"], number, StepInput())
    assert done.notices and done.notices[0].startswith("buku ekspedisi")
    (entry,) = expedition_page(ws)[before:]
    assert (entry.subject, entry.destination, entry.letter_number) == (
        "laporan pelaksanaan Kegiatan - Rakor persiapan Pemilihan 2026", None, None)


def test_a_refused_completion_leaves_no_entry(ws, staff, clock):
    first = paw_at(ws, staff, 3, {2: "Tidak"})
    second = paw_at(ws, staff, 3, {2: "Tidak"})
    written = StepInput(outputs={"1": OutputValue("9/HK.03.1/53/III/2026")})
    cases.complete(ws, staff["Komisioner"], first, written)
    total = expedition_total(ws)
    with pytest.raises(Conflict):
        cases.complete(ws, staff["Komisioner"], second, written)
    assert expedition_total(ws) == total
    assert [i["status"] for i in case_detail(ws, second)["items"]][-1] == "open"


def test_an_entry_is_corrected_or_voided_by_its_recorder_or_an_administrator_only(ws, admin, staff, clock):
    from sopdesk.engine import corrections
    from sopdesk.engine.corrections import ExpeditionCorrection

    first = send(ws, staff["Staf"], recipient_name="Ketua Bawaslu")
    second = send(ws, staff["Staf"], recipient="Pos Kupang", subject="Jadwal tahapan")
    before = snapshot(ws)
    for other in ("Kasubag", "Help Desk", "Ketua"):  # Kasubag keeps the book too, but did not write this line
        with pytest.raises(PermissionRefused, match=r"hanya pencatatnya \(staf\) atau administrator"):
            corrections.void_expedition(ws, staff[other], first.expedition_id, "Salah catat")
        with pytest.raises(PermissionRefused, match="tidak boleh mengoreksi ekspedisi nomor"):
            corrections.correct_expedition(ws, staff[other], first.expedition_id,
                                           ExpeditionCorrection(destination="X"), "Salah catat")
    with pytest.raises(FieldError, match="belum diterima"):  # who signed comes with the receipt
        corrections.correct_expedition(ws, staff["Staf"], first.expedition_id,
                                       ExpeditionCorrection(signed_by="Yanti"), "Salah")
    with pytest.raises(NotFound):
        corrections.void_expedition(ws, admin, 999, "Tidak ada")
    assert snapshot(ws) == before

    corrections.correct_expedition(ws, staff["Staf"], first.expedition_id,
                                   ExpeditionCorrection(recipient_name="Ketua Bawaslu Kota Kupang"), "Nama lengkap")
    mark_received(ws, staff["Kasubag"], first.expedition_id, date(2026, 3, 2), "Yanti Bria")
    corrections.correct_expedition(ws, admin, first.expedition_id, ExpeditionCorrection(signed_by="Yanti Bria, S.H."),
                                   "Gelar penanda tangan")
    done = corrections.void_expedition(ws, staff["Staf"], second.expedition_id, "Diantar bersama surat lain")
    assert done.label == f"ekspedisi nomor {second.expedition_id}"
    rows = {r.id: r for r in expedition_page(ws)}
    assert (rows[first.expedition_id].recipient_name, rows[first.expedition_id].signed_by) == (
        "Ketua Bawaslu Kota Kupang", "Yanti Bria, S.H.")
    assert rows[second.expedition_id].void_reason == "Diantar bersama surat lain"
    assert expedition_total(ws, pending=True) == 0  # a void entry waits for no receipt
    with pytest.raises(Conflict, match="sudah dibatalkan .* tidak dapat dicatat diterima"):
        mark_received(ws, staff["Staf"], second.expedition_id, date(2026, 3, 2), "Yanti Bria")
    with ws.db.reading() as session:
        events = [(a, d) for a, d in session.execute(select(AuditEvent.action, AuditEvent.detail)
                                                    .where(AuditEvent.action.in_(["expedition_corrected",
                                                                                  "expedition_voided"]))
                                                    .order_by(AuditEvent.id))]
    assert [(a, json.loads(d).get("changes"), json.loads(d)["reason"]) for a, d in events] == [
        ("expedition_corrected", {"recipient_name": ["Ketua Bawaslu", "Ketua Bawaslu Kota Kupang"]}, "Nama lengkap"),
        ("expedition_corrected", {"signed_by": ["Yanti Bria", "Yanti Bria, S.H."]}, "Gelar penanda tangan"),
        ("expedition_voided", None, "Diantar bersama surat lain")]
