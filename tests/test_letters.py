"""The agenda of incoming and outgoing letters, their numbering, the lembar disposisi, and the
letters that SOP steps produce."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect, select, text

from sopdesk.catalog import bundled_catalog_dir, load_catalog
from sopdesk.catalog.waktu import parse_waktu
from sopdesk.engine import cases, dispositions, letters
from sopdesk.engine.cases import OutputValue, StepInput
from sopdesk.engine.letter_settings import (
    LetterSettings,
    change_letter_settings,
    check_pattern,
    load_letter_settings,
)
from sopdesk.engine.queries import case_detail, inbox_page
from sopdesk.errors import Conflict, FieldError, PermissionRefused, UserError
from sopdesk.store.backup import BackupSettings, load_settings, save_settings
from sopdesk.store.db import DB_FILE
from sopdesk.store.models import AuditEvent, Disposition, IncomingLetter, OutgoingLetter

WITA = timezone(timedelta(hours=8))


def snapshot(ws) -> dict:
    """Every row of every table (log-in events aside: a refused action may follow a log-in)."""
    with ws.db.engine.connect() as con:  # SQLite or PostgreSQL alike
        tables = sorted(inspect(con).get_table_names())
        data = {t: [tuple(r) for r in con.execute(text(f'SELECT * FROM "{t}" ORDER BY 1'))]  # noqa: S608
                for t in tables}
    data["audit_event"] = [r for r in data["audit_event"] if r[3] not in ("login", "login_failed")]
    return data


def audit_actions(ws) -> list[str]:
    with ws.db.reading() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def incoming(**fields) -> letters.IncomingForm:
    base = {"sender": "LSM Bengkel APPeK", "subject": "Permohonan data DPT per kelurahan"}
    return letters.IncomingForm(**(base | fields))


def seed_settings(ws, admin, **fields) -> LetterSettings:
    return change_letter_settings(ws, admin, **fields)


# --- incoming letters ---------------------------------------------------------------------------

def test_incoming_agenda_numbers_run_per_year_and_restart(ws, staff, clock):
    staf = staff["Staf"]
    assert letters.register_incoming(ws, staf, incoming()) == ("SM/2026/0001", None)
    assert letters.register_incoming(ws, staf, incoming(subject="Undangan rapat")) == ("SM/2026/0002", None)
    clock.now = datetime(2027, 1, 4, 8, 0, tzinfo=WITA).astimezone(timezone.utc)
    assert letters.register_incoming(ws, staf, incoming(subject="Surat tahun baru"))[0] == "SM/2027/0001"
    # the office's year, not UTC's: 1 January 07:00 WITA is still 31 December in UTC
    received = datetime(2027, 1, 1, 7, 0, tzinfo=WITA)
    assert letters.register_incoming(ws, staf, incoming(subject="Malam tahun baru",
                                                        received_at=received))[0] == "SM/2027/0002"
    rows = letters.incoming_page(ws, year=2027)
    assert [r.agenda for r in rows] == ["SM/2027/0001", "SM/2027/0002"]
    assert letters.incoming_total(ws) == 4 and letters.incoming_total(ws, year=2026) == 2


@pytest.mark.both_stores
def test_each_column_of_the_registers_sorts_by_its_own_key_on_both_stores(ws, staff, clock):
    """incoming_page/outgoing_page `order`: one key per column, the agenda number (the
    registration order) breaking ties, empty values last going up; a rahasia perihal sorts
    as "(rahasia)" whoever reads, so the order tells nothing of it."""
    staf = staff["Staf"]
    for sender, subject, sifat in (("dinas b", "Undangan", "biasa"), ("Bawaslu", "Zonasi TPS", "rahasia"),
                                   ("camat", "Data DPT", "segera"), ("bawaslu", "Anggaran", "biasa")):
        letters.register_incoming(ws, staf, incoming(sender=sender, subject=subject, sifat=sifat))
        clock.advance(minutes=5)

    def agendas(**how) -> list[int]:
        return [int(row.agenda[-4:]) for row in letters.incoming_page(ws, **how)]

    assert agendas() == agendas(order="agenda") == [1, 2, 3, 4]
    assert agendas(descending=True) == [4, 3, 2, 1]
    assert agendas(order="sender") == [2, 4, 3, 1]  # whatever the case of the text; ties by agenda
    assert agendas(order="sender", descending=True) == [1, 3, 4, 2]
    assert agendas(order="subject") == [2, 4, 3, 1]  # "(rahasia)" first, then Anggaran, Data, Undangan
    assert agendas(order="received", descending=True) == [4, 3, 2, 1]
    assert agendas(order="sifat") == [1, 4, 2, 3]
    assert agendas(order="number") == [1, 2, 3, 4]  # no numbers: the agenda order
    with pytest.raises(ValueError, match="order"):
        letters.incoming_page(ws, order="warna")
    for recipient in ("Kecamatan", "bawaslu", "Arsip"):
        letters.register_outgoing(ws, staf, letters.OutgoingForm(recipient=recipient, subject="Data"))
    assert [row.recipient for row in letters.outgoing_page(ws, order="recipient")] == ["Arsip", "bawaslu",
                                                                                         "Kecamatan"]
    # no case: the registration order, reversed with the rest
    assert [row.recipient for row in letters.outgoing_page(ws, order="case", descending=True)] == [
        "Arsip", "bawaslu", "Kecamatan"]
    assert set(letters.INCOMING_ORDERS) >= {"agenda", "dispositions"} and "id" in letters.OUTGOING_ORDERS


def test_a_request_letter_starts_pelayanan_publik_at_the_letter_entry(ws, staff, tmp_path):
    scan = tmp_path / "surat permohonan.pdf"
    scan.write_bytes(b"%PDF-1.4 surat permohonan informasi")
    agenda, number = letters.register_incoming(ws, staff["Help Desk"], incoming(
        number="12/BA/III/2026", letter_date=date(2026, 2, 27), classification="PP.01", sifat="segera",
        starts="permohonan_informasi", scan=scan))
    assert agenda == "SM/2026/0001" and number == "PP/2026/0001"
    detail = case_detail(ws, number)
    assert detail["entry"] == "surat"
    assert detail["title"] == "Permohonan informasi: Permohonan data DPT per kelurahan"
    assert detail["requester"] == "LSM Bengkel APPeK"
    # the registration is step 5 ("Menerima Surat Masuk"): done by the clerk, the case waits at 6
    assert [(i["step"], i["status"], i["role"]) for i in detail["items"]] == [
        (5, "done", "Help Desk"), (6, "open", "Komisioner")]
    five = detail["items"][0]
    assert (five["completed_by"], five["note"]) == ("help.desk", "Dicatat di agenda surat masuk nomor SM/2026/0001")
    assert [(c["item"], c["present"]) for c in five["checks"]] == [("Surat Masuk", True), ("Disposisi Surat", False)]
    assert detail["history"][0]["detail"]["surat_masuk"] == "SM/2026/0001"
    assert [row.case_number for row in inbox_page(ws, ["Help Desk"])] == []
    assert [row.case_number for row in inbox_page(ws, ["Komisioner"])] == [number]
    (row,) = letters.incoming_page(ws)
    assert (row.number, row.letter_date, row.sifat, row.case_number, row.scan, row.registered_by) == (
        "12/BA/III/2026", date(2026, 2, 27), "segera", number, "surat permohonan.pdf", "help.desk")
    assert audit_actions(ws)[-3:] == ["case_started", "letter_in_registered", "step_completed"]


def test_a_clerk_who_may_not_work_the_letter_entry_leaves_it_open(ws, staff):
    """Staf keeps the agenda but not the Help Desk lane: PP 5 waits for the Help Desk, as before."""
    _agenda, number = letters.register_incoming(ws, staff["Staf"], incoming(starts="permohonan_informasi"))
    assert [(i["step"], i["status"]) for i in case_detail(ws, number)["items"]] == [(5, "open")]
    assert [row.case_number for row in inbox_page(ws, ["Help Desk"])] == [number]
    assert audit_actions(ws)[-2:] == ["case_started", "letter_in_registered"]


def test_the_entry_step_is_done_by_the_registrar_only_for_a_plain_step_of_a_clerks_lane(ws):
    from sopdesk.engine.users import ActingUser

    catalog = ws.catalog
    clerk = ActingUser(1, "help.desk", False, frozenset({"Help Desk"}), frozenset({"Help Desk"}))
    staf = ActingUser(2, "staf", False, frozenset({"Staf"}), frozenset({"Staf"}))
    both = ActingUser(3, "ketua", False, frozenset({"Ketua", "Komisioner", "Staf"}), frozenset({"Ketua", "Staf"}))
    pp, paw = catalog.sop("PP"), catalog.sop("PAW")
    assert letters.entry_step_done_by_registrar(pp, pp.entry("surat").kegiatan, clerk)
    assert not letters.entry_step_done_by_registrar(pp, pp.entry("surat").kegiatan, staf)  # not her lane
    assert not letters.entry_step_done_by_registrar(paw, paw.entry(None).kegiatan, both)  # the Ketua's disposition


def test_a_paw_proposal_starts_paw_step_1_and_its_deadline_counts_from_receipt(ws, staff, clock):
    received = clock.now - timedelta(days=2)  # arrived on Saturday, registered on Monday
    agenda, number = letters.register_incoming(ws, staff["Staf"], incoming(
        sender="Pimpinan DPRD Provinsi NTT", subject="Usulan PAW a.n. Yakobus Lana", number="170/DPRD/III/2026",
        starts="usulan_paw", received_at=received))
    assert number == "PAW/2026/0001"
    detail = case_detail(ws, number)
    assert [(i["step"], i["role"]) for i in detail["items"]] == [(1, "Komisioner")]  # the clerk hands it over
    assert detail["title"] == "Usulan PAW a.n. Yakobus Lana"  # not "Usulan PAW: Usulan PAW a.n. ..."
    assert detail["requester"] == "Pimpinan DPRD Provinsi NTT"
    (deadline,) = [d for d in detail["deadlines"] if d["kode"] == "jawaban_dprd"]
    assert deadline["due_at"] == ws.calendar.due(received, parse_waktu("5 Hari"))
    assert [row.case_number for row in inbox_page(ws, ["Komisioner"])] == [number]


def test_a_paw_title_names_the_proposal_once(ws, staff):
    _agenda, number = letters.register_incoming(ws, staff["Staf"], incoming(
        sender="Pimpinan DPRD Provinsi NTT", subject="Penggantian antarwaktu a.n. Yakobus Lana", starts="usulan_paw"))
    assert case_detail(ws, number)["title"] == "Usulan PAW: Penggantian antarwaktu a.n. Yakobus Lana"


def test_a_letter_may_join_an_existing_case(ws, staff):
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data", entry="surat")
    assert letters.register_incoming(ws, staff["Kasubag"], incoming(case=number.lower())) == ("SM/2026/0001", number)
    with pytest.raises(UserError, match="tidak ada"):
        letters.register_incoming(ws, staff["Kasubag"], incoming(case="PP/2026/0099"))


@pytest.mark.parametrize(("fields", "field"), [
    ({"sender": "  "}, "sender"),
    ({"subject": ""}, "subject"),
    ({"subject": "x" * 1001}, "subject"),
    ({"sifat": "sangat rahasia"}, "sifat"),
    ({"starts": "pengaduan"}, "starts"),
    ({"starts": "usulan_paw", "case": "PP/2026/0001"}, "case"),
    ({"letter_date": date(2026, 3, 3)}, "letter_date"),  # dated after it arrived
    ({"received_at": datetime(2026, 3, 2, 9, 0)}, "received_at"),  # naive
    ({"received_at": datetime(2026, 3, 9, 9, 0, tzinfo=WITA)}, "received_at"),  # not yet
])
def test_a_wrong_field_is_named_and_nothing_is_recorded(ws, staff, fields, field):
    before = snapshot(ws)
    with pytest.raises(FieldError) as refused:
        letters.register_incoming(ws, staff["Staf"], incoming(**fields))
    assert refused.value.field == field
    assert snapshot(ws) == before


def test_the_same_letter_twice_is_refused(ws, staff):
    letters.register_incoming(ws, staff["Staf"], incoming(number="12/BA/III/2026"))
    before = snapshot(ws)
    with pytest.raises(Conflict, match="SM/2026/0001"):
        letters.register_incoming(ws, staff["Staf"], incoming(number="12/ba/iii/2026", sender="lsm bengkel appek"))
    assert snapshot(ws) == before
    # the same number from another sender is another letter
    assert letters.register_incoming(ws, staff["Staf"], incoming(number="12/BA/III/2026", sender="Bawaslu"))[0] \
        == "SM/2026/0002"


@pytest.mark.parametrize("role", ["Komisioner", "Ketua", "Sekretaris", "Pokja PAW", "Peserta"])
def test_only_the_agenda_clerks_register_letters(ws, staff, role):
    before = snapshot(ws)
    with pytest.raises(PermissionRefused, match="Help Desk / Staf / Kasubag"):
        letters.register_incoming(ws, staff[role], incoming(starts="permohonan_informasi"))
    with pytest.raises(PermissionRefused):
        letters.register_outgoing(ws, staff[role], letters.OutgoingForm(recipient="Bawaslu", subject="Data"))
    assert snapshot(ws) == before


# --- numbering ----------------------------------------------------------------------------------

def test_the_pattern_gives_the_seeds_numbers():
    kupang = LetterSettings(office_code="5371/KPU-Kot")
    assert kupang.render(66, "HK.03.1-Kpt", date(2020, 7, 21)) == "66/HK.03.1-Kpt/5371/KPU-Kot/VII/2020"
    ntt = LetterSettings(pattern="{seq}/{klasifikasi}/{kode_kantor}/{tahun}", office_code="53")
    assert ntt.render(19, "HK.03.1", date(2021, 5, 3)) == "19/HK.03.1/53/2021"
    banten = LetterSettings(pattern="{seq:02d}/{klasifikasi}/{kode_kantor}/{bulan_romawi}/{tahun}",
                            office_code="36/Sek-Prov")
    assert banten.render(4, "ORT.06/03.1", date(2021, 1, 15)) == "04/ORT.06/03.1/36/Sek-Prov/I/2021"
    assert banten.sequence_of("04/ORT.06/03.1/36/Sek-Prov/I/2021", 2021) == 4
    assert banten.sequence_of("04/ORT.06/03.1/36/Sek-Prov/I/2021", 2022) is None
    assert banten.sequence_of("nomor lain", 2021) is None


def test_months_are_roman_and_an_unset_value_leaves_no_empty_segment():
    office = LetterSettings(office_code="5371")
    months = [office.render(1, "PP.01", date(2026, m, 1)).split("/")[3] for m in range(1, 13)]
    assert months == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    assert LetterSettings().render(7, "", date(2026, 11, 23)) == "7/XI/2026"
    assert LetterSettings(office_code="5371").render(7, None, date(2026, 3, 2)) == "7/5371/III/2026"


@pytest.mark.parametrize(("pattern", "message"), [
    ("{seq}/{klasifikasi}/{bulan_romawi}", "{tahun}"),
    ("{klasifikasi}/{tahun}", "{seq}"),
    ("{seq}/{kantor}/{tahun}", "tidak dikenal"),
    ("{seq.__class__}/{tahun}", "tidak dikenal"),
    ("{seq!r}/{tahun}", "tidak dikenal"),
    ("{seq:>{tahun}}/{tahun}", "tidak sah"),
    ("{seq/{tahun}", "tidak sah"),
    ("", "wajib"),
])
def test_a_pattern_that_cannot_number_uniquely_is_refused(pattern, message):
    with pytest.raises(UserError, match=message.replace("{", r"\{").replace("}", r"\}")):
        check_pattern(pattern)


def test_outgoing_numbers_follow_the_pattern_restart_each_year_and_continue_after_a_written_number(ws, admin, staff):
    seed_settings(ws, admin, office_code="5371/KPU-Kot", default_classification="PP.01")
    staf = staff["Staf"]

    def out(**fields) -> letters.Registered:
        return letters.register_outgoing(ws, staf, letters.OutgoingForm(**({"recipient": "Bawaslu Kota Kupang",
                                                                            "subject": "Data DPT"} | fields)))

    assert letters.next_outgoing_number(ws, "HK.03.1-Kpt", date(2026, 7, 21)) == "1/HK.03.1-Kpt/5371/KPU-Kot/VII/2026"
    assert out(classification="HK.03.1-Kpt", letter_date=date(2026, 7, 21)).number \
        == "1/HK.03.1-Kpt/5371/KPU-Kot/VII/2026"
    assert out(classification="PP.01", letter_date=date(2026, 12, 30)).number == "2/PP.01/5371/KPU-Kot/XII/2026"
    assert out(classification="PP.01", letter_date=date(2027, 1, 4)).number == "1/PP.01/5371/KPU-Kot/I/2027"
    # a number written by hand in the pattern's shape: the sequence continues after it
    written = out(number="65/HK.03.1-Kpt/5371/KPU-Kot/VII/2026", letter_date=date(2026, 7, 21))
    assert written.number == "65/HK.03.1-Kpt/5371/KPU-Kot/VII/2026"
    assert out(classification="HK.03.1-Kpt", letter_date=date(2026, 7, 21)).number \
        == "66/HK.03.1-Kpt/5371/KPU-Kot/VII/2026"
    assert out(number="B-12/Sekjen/2026").number == "B-12/Sekjen/2026"  # any other shape is kept as written
    rows = letters.outgoing_page(ws, year=2026)
    assert [(r.number, r.automatic) for r in rows] == [
        ("1/HK.03.1-Kpt/5371/KPU-Kot/VII/2026", True), ("2/PP.01/5371/KPU-Kot/XII/2026", True),
        ("65/HK.03.1-Kpt/5371/KPU-Kot/VII/2026", False), ("66/HK.03.1-Kpt/5371/KPU-Kot/VII/2026", True),
        ("B-12/Sekjen/2026", False)]
    assert letters.outgoing_total(ws) == 6 and letters.outgoing_total(ws, search="sekjen") == 1


def test_a_duplicate_outgoing_number_is_refused_and_nothing_is_recorded(ws, staff):
    form = letters.OutgoingForm(recipient="Bawaslu", subject="Data", number="012/PP.01/5371/III/2026")
    letters.register_outgoing(ws, staff["Staf"], form)
    before = snapshot(ws)
    for number in ("012/PP.01/5371/III/2026", "012/pp.01/5371/iii/2026", " 012/PP.01/5371/III/2026 "):
        form.number = number
        with pytest.raises(Conflict, match="sudah dipakai"):
            letters.register_outgoing(ws, staff["Kasubag"], form)
    assert snapshot(ws) == before


def test_numbers_are_never_reused(ws, admin, staff):
    seed_settings(ws, admin, office_code="5371")
    taken: list[str] = []

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(year=st.sampled_from([2025, 2026, 2027]), month=st.integers(1, 12),
           written=st.one_of(st.none(), st.integers(1, 60)), code=st.sampled_from(["PP.01", "HK.03.1", ""]))
    def run(year: int, month: int, written: int | None, code: str) -> None:
        when = date(year, month, 1)
        number = f"{written}/{code}/5371/{'I'}/{year}".replace("//", "/") if written else None
        try:
            done = letters.register_outgoing(ws, staff["Staf"], letters.OutgoingForm(
                recipient="Bawaslu", subject="Data", classification=code, number=number, letter_date=when,
                dispatch=False))
        except Conflict:
            assert number is not None and number.lower() in {t.lower() for t in taken}
            return
        taken.append(done.number)

    run()
    assert len(taken) == len({t.lower() for t in taken})
    with ws.db.reading() as session:
        for year in (2025, 2026, 2027):
            seqs = list(session.scalars(select(OutgoingLetter.seq).where(OutgoingLetter.year == year,
                                                                          OutgoingLetter.seq.isnot(None))
                                        .order_by(OutgoingLetter.id)))
            assert seqs == sorted(set(seqs))  # increasing: never handed out twice


def test_settings_are_for_administrators_and_keep_the_backup_settings(ws, admin, staff):
    save_settings(ws.data_dir, BackupSettings(keep=3))
    before = snapshot(ws)
    with pytest.raises(PermissionRefused, match="administrator"):
        change_letter_settings(ws, staff["Kasubag"], office_code="5371")
    with pytest.raises(UserError, match="tahun"):
        change_letter_settings(ws, admin, pattern="{seq}/{klasifikasi}")
    with pytest.raises(UserError, match="SOP 'XYZ'"):
        change_letter_settings(ws, admin, sop_classification={"XYZ": "HK.01"})
    assert snapshot(ws) == before
    assert load_letter_settings(ws.data_dir) == LetterSettings()

    change_letter_settings(ws, admin, pattern="{seq:03d}/{klasifikasi}/{kode_kantor}/{bulan_romawi}/{tahun}",
                           office_code="5371", default_classification="PP.01",
                           sop_classification={"paw": "HK.03.1"})
    loaded = load_letter_settings(ws.data_dir)
    assert (loaded.pattern, loaded.office_code, loaded.sop_classification) == (
        "{seq:03d}/{klasifikasi}/{kode_kantor}/{bulan_romawi}/{tahun}", "5371", {"PAW": "HK.03.1"})
    assert load_settings(ws.data_dir).keep == 3  # the backup key survived
    save_settings(ws.data_dir, BackupSettings(keep=5))
    assert load_letter_settings(ws.data_dir) == loaded  # and the other way round
    raw = json.loads((ws.data_dir / "pengaturan.json").read_text(encoding="utf-8"))
    assert set(raw) == {"backup", "surat"}
    assert audit_actions(ws)[-1] == "letter_settings_changed"
    assert letters.next_outgoing_number(ws, "PP.01", date(2026, 3, 2)) == "001/PP.01/5371/III/2026"


# --- letters produced by SOP steps --------------------------------------------------------------

def drive(ws, staff, number: str, choices: dict[int, str], until: int) -> None:
    """Complete waiting steps with nothing recorded until the case waits at `until`."""
    actors = {"Komisioner": staff["Komisioner"], "Kasubag": staff["Kasubag"], "Sekretaris": staff["Sekretaris"],
              "Help Desk": staff["Help Desk"], "Staf": staff["Staf"], "Kabag": staff["Kabag"],
              "Pokja PAW": staff["Pokja PAW"]}
    for _ in range(30):
        detail = case_detail(ws, number)
        (item,) = [i for i in detail["items"] if i["status"] == "open"]
        if item["step"] == until:
            return
        cases.complete(ws, actors[item["role"]], number, StepInput(choice=choices.get(item["step"])))
    raise AssertionError("the case did not reach the step")


def paw_case(ws, staff, title: str = "Usulan PAW a.n. Yakobus Lana") -> str:
    _agenda, number = letters.register_incoming(ws, staff["Staf"], incoming(
        sender="Pimpinan DPRD Provinsi NTT", subject=title, starts="usulan_paw"))
    return number


def test_a_step_that_sends_a_letter_numbers_and_registers_it_and_enters_it_for_dispatch(ws, admin, staff):
    seed_settings(ws, admin, office_code="53", sop_classification={"PAW": "HK.03.1"})
    number = paw_case(ws, staff)
    drive(ws, staff, number, {2: "Tidak"}, until=3)
    done = cases.complete(ws, staff["Komisioner"], number, StepInput())
    assert done.notices == ("Surat Jawaban PAW: surat keluar nomor 1/HK.03.1/53/III/2026 dicatat di agenda "
                            "surat keluar", "buku ekspedisi nomor 1: 1/HK.03.1/53/III/2026")
    (letter,) = letters.outgoing_page(ws)
    assert (letter.number, letter.recipient, letter.case_number, letter.step_no, letter.classification) == (
        "1/HK.03.1/53/III/2026", "Pimpinan DPRD Provinsi NTT", number, 3, "HK.03.1")
    documents = case_detail(ws, number)["documents"]
    assert [(d["name"], d["number"], d["step"]) for d in documents] == [
        ("Surat Jawaban PAW", "1/HK.03.1/53/III/2026", 3)]
    from sopdesk.engine.expedition import expedition_page

    (entry,) = expedition_page(ws)
    assert (entry.letter_number, entry.destination, entry.case_number, entry.pending) == (
        "1/HK.03.1/53/III/2026", "Pimpinan DPRD Provinsi NTT", number, True)
    assert audit_actions(ws)[-3:] == ["step_completed", "letter_out_registered", "expedition_added"]


HOOK_CHILD = """
import json, sys
from pathlib import Path
from sopdesk.engine import cases  # the one engine module this program imports itself
ws = cases.Workspace.open(Path(sys.argv[1]))
loaded = sorted(m for m in sys.modules if m.startswith("sopdesk.engine.letter"))
done = cases.complete(ws, cases.Actor(int(sys.argv[2]), sys.argv[3]), sys.argv[4], cases.StepInput())
ws.close()
print(json.dumps({"loaded_before": loaded, "notices": list(done.notices)}))
"""


def test_a_program_that_imports_only_cases_still_registers_a_steps_letter(ws, staff, tmp_path):
    """engine.hooks names the letter registers' reaction itself: completing a step through
    cases.complete in a fresh interpreter that never imported engine.letters still numbers
    the step's letter and enters it in the buku ekspedisi (no reliance on import order)."""
    import subprocess
    import sys

    number = paw_case(ws, staff)
    drive(ws, staff, number, {2: "Tidak"}, until=3)
    actor = staff["Komisioner"]
    child = subprocess.run([sys.executable, "-c", HOOK_CHILD, str(ws.data_dir), str(actor.user_id), actor.username,
                            number], capture_output=True, text=True, timeout=120,
                           cwd=Path(__file__).resolve().parents[1], check=False)
    assert child.returncode == 0, child.stderr
    result = json.loads(child.stdout.strip().splitlines()[-1])
    assert result["loaded_before"] == []  # nothing of the letter registers was imported beforehand
    assert len(result["notices"]) == 2, result
    assert result["notices"][0].startswith("Surat Jawaban PAW: surat keluar nomor ")
    assert result["notices"][1].startswith("buku ekspedisi nomor 1: ")
    (letter,) = letters.outgoing_page(ws)
    assert (letter.case_number, letter.step_no) == (number, 3)


def test_a_number_the_user_wrote_is_registered_and_a_number_of_another_letter_refused(ws, staff):
    first, second = paw_case(ws, staff, "Usulan PAW a.n. A"), paw_case(ws, staff, "Usulan PAW a.n. B")
    for number in (first, second):
        drive(ws, staff, number, {2: "Tidak"}, until=3)
    written = StepInput(outputs={"Surat Jawaban PAW": OutputValue("270/PY.02.1-SD/53/Prov/III/2026",
                                                                  date(2026, 3, 2))})
    done = cases.complete(ws, staff["Komisioner"], first, written)
    assert "270/PY.02.1-SD/53/Prov/III/2026" in done.notices[0]
    (letter,) = letters.outgoing_page(ws)
    assert (letter.number, letter.automatic, letter.letter_date) == (
        "270/PY.02.1-SD/53/Prov/III/2026", False, date(2026, 3, 2))
    before = snapshot(ws)
    with pytest.raises(Conflict, match=f"sudah dipakai.*{first}"):
        cases.complete(ws, staff["Komisioner"], second, written)
    assert snapshot(ws) == before  # the whole completion was refused


def test_a_letter_assigned_at_one_step_and_sent_at_the_next_is_one_letter(ws, staff):
    _agenda, number = letters.register_incoming(ws, staff["Help Desk"], incoming(starts="permohonan_informasi"))
    drive(ws, staff, number, {9: "Ya"}, until=12)
    done = cases.complete(ws, staff["Sekretaris"], number, StepInput(outputs={"Surat Balasan": OutputValue(
        date=date(2026, 3, 2))}))  # recorded without a number: it is numbered
    assert "1/III/2026" in done.notices[0]
    done = cases.complete(ws, staff["Kasubag"], number, StepInput())
    assert done.notices == ("Surat Balasan: surat keluar nomor 1/III/2026 (sudah tercatat)",)
    assert letters.outgoing_total(ws) == 1
    from sopdesk.engine.expedition import expedition_total

    assert expedition_total(ws) == 1


def test_a_step_that_hands_over_data_without_a_letter_gets_an_expedition_entry(ws, staff):
    _agenda, number = letters.register_incoming(ws, staff["Help Desk"], incoming(starts="permohonan_informasi"))
    drive(ws, staff, number, {9: "Tidak"}, until=11)
    done = cases.complete(ws, staff["Kasubag"], number, StepInput(outputs={"1": OutputValue("DB-7/2026")}))
    assert done.notices[0].startswith("buku ekspedisi nomor 1")
    assert letters.outgoing_total(ws) == 0
    from sopdesk.engine.expedition import expedition_page

    (entry,) = expedition_page(ws)
    assert (entry.letter_number, entry.destination) == ("DB-7/2026", "LSM Bengkel APPeK")
    assert entry.subject.startswith("Data Baku sesuai disposisi - Permohonan informasi")


def test_a_letter_recorded_by_hand_for_a_case_is_the_one_its_step_sends(ws, staff):
    number = paw_case(ws, staff)
    drive(ws, staff, number, {2: "Tidak"}, until=3)
    with pytest.raises(UserError, match="belum melalui kegiatan 9"):
        letters.register_outgoing(ws, staff["Staf"], letters.OutgoingForm(
            recipient="DPRD", subject="Jawaban", case=number, step=9))
    with pytest.raises(FieldError, match="bersama nomor kasus"):
        letters.register_outgoing(ws, staff["Staf"], letters.OutgoingForm(recipient="DPRD", subject="J", step=3))
    letters.register_outgoing(ws, staff["Staf"], letters.OutgoingForm(
        recipient="Pimpinan DPRD Provinsi NTT", subject="Jawaban usulan PAW", number="5/HK.03.1/53/III/2026",
        case=number))
    done = cases.complete(ws, staff["Komisioner"], number, StepInput(outputs={"1": OutputValue(
        "5/HK.03.1/53/III/2026")}))
    assert done.notices == ("Surat Jawaban PAW: surat keluar nomor 5/HK.03.1/53/III/2026 (sudah tercatat)",)
    assert letters.outgoing_total(ws) == 1
    (row,) = letters.outgoing_page(ws)
    assert row.step_no == 3


def test_the_bundled_outputs_declare_the_kinds_their_names_used_to_give():
    """Issue #13: the kind is in the file; the bundled files say what the name rules gave (so
    migration 0005 keeps the cases pinned to stored revisions behaving the same)."""
    kinds = {(sop.kode, str(o)): o.jenis for sop in load_catalog([bundled_catalog_dir()]).sops.values()
             for step in sop.kegiatan for o in step.output}
    assert kinds[("PAW", "Surat Jawaban PAW")] == "surat_keluar" and kinds[("PAW", "SK Pokja PAW")] == "surat_keluar"
    assert kinds[("RAKOR", "Nota Dinas")] == "surat_keluar"
    assert kinds[("RAKOR", "Surat undangan dan peserta")] == "surat_keluar"
    assert kinds[("PAW", "Tanda Terima Surat Keluar")] == "ekspedisi"
    assert kinds[("PP", "Pengarsipan ekspedisi")] == "ekspedisi"
    assert kinds[("PAW", "Disposisi Tindak lanjut Surat Usulan PAW dari Pimpinan DPRD Provinsi")] == "dokumen"
    assert kinds[("PP", "Dispoisi Surat")] == "dokumen"
    derived = migration_0005().output_kind
    assert {key: derived(key[1]) for key in kinds} == kinds


def migration_0005():
    import importlib.util

    from sopdesk.store import migrations

    path = Path(migrations.__file__).parent / "versions" / "0005_catalog_import.py"
    spec = importlib.util.spec_from_file_location("migration_0005", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- lembar disposisi -----------------------------------------------------------------------------

def pp_at_disposition(ws, staff) -> tuple[str, str]:
    agenda, number = letters.register_incoming(ws, staff["Help Desk"], incoming(starts="permohonan_informasi"))
    return agenda, number  # the registration did step 5: the case waits at 6


def test_a_disposition_to_the_next_steps_unit_moves_the_case_there(ws, staff):
    agenda, number = pp_at_disposition(ws, staff)
    done = dispositions.dispose(ws, staff["Komisioner"], agenda, ["subbag_hukum", "hukum_pengawasan"],
                                "Siapkan data DPT sesuai permohonan")
    assert (done.case_number, done.routed_step, done.routed_role) == (number, 7, "Kasubag")
    detail = case_detail(ws, number)
    six = [i for i in detail["items"] if i["step"] == 6][0]
    assert (six["status"], six["completed_by"], six["note"]) == ("done", "komisioner",
                                                                 "Siapkan data DPT sesuai permohonan")
    assert [(c["item"], c["present"]) for c in six["checks"]] == [("Surat Masuk", True), ("Lembar Disposisi", True)]
    assert [(d["name"], d["number"]) for d in detail["documents"]] == [("Disposisi Surat", agenda)]
    assert [i["step"] for i in detail["items"] if i["status"] == "open"] == [7]
    assert [row.case_number for row in inbox_page(ws, ["Kasubag"])] == [number]
    (sheet,) = dispositions.dispositions_of(ws, agenda)
    assert (sheet["surat_masuk"], sheet["case"], sheet["routed_step"], sheet["from"]) == (agenda, number, 7,
                                                                                          "komisioner")
    assert [(u["kode"], u["peran"], u["routed"]) for u in sheet["units"]] == [
        ("subbag_hukum", "Kasubag", True), ("hukum_pengawasan", "Komisioner", False)]
    assert dispositions.dispositions_of(ws, number) == [sheet]
    assert letters.incoming_page(ws)[0].dispositions == 1
    assert audit_actions(ws)[-2:] == ["step_completed", "disposition_recorded"]


def test_a_disposition_to_a_unit_the_sop_does_not_route_to_is_refused_with_nothing_changed(ws, staff):
    agenda, number = pp_at_disposition(ws, staff)
    before = snapshot(ws)
    with pytest.raises(UserError) as refused:
        dispositions.dispose(ws, staff["Komisioner"], agenda, ["sekretariat"], "Tindak lanjuti")
    message = str(refused.value)
    assert "kegiatan berikutnya (7) dikerjakan oleh Kasubag, bukan oleh Sekretaris" in message
    # the units by the names the desk shows, and no command-line flag in the desk's dialog (Xvfb)
    assert "Sub Bagian Hukum" in message and "subbag_hukum" not in message
    assert "--no-route" not in message and "tanpa meneruskan kasus" in message
    assert snapshot(ws) == before
    # recorded without moving the case, on request
    done = dispositions.dispose(ws, staff["Komisioner"], agenda, ["sekretariat"], "Untuk diketahui", route=False)
    assert done.routed_step is None and done.message == f"kasus {number} tidak diteruskan"
    assert [i["step"] for i in case_detail(ws, number)["items"] if i["status"] == "open"] == [6]


def test_a_disposition_elsewhere_is_only_recorded(ws, staff):
    agenda, number = letters.register_incoming(ws, staff["Staf"], incoming(starts="permohonan_informasi"))
    done = dispositions.dispose(ws, staff["Ketua"], agenda, ["subbag_hukum"], "Segera proses")
    assert done.routed_step is None and "bukan kegiatan disposisi" in done.message  # still at step 5
    plain, _ = letters.register_incoming(ws, staff["Staf"], incoming(sender="Bawaslu", subject="Undangan"))
    done = dispositions.dispose(ws, staff["Sekretaris"], plain, ["subbag_umum_logistik"], "Hadiri")
    assert (done.case_number, done.routed_step) == (None, None)
    with ws.db.reading() as session:
        assert len(session.scalars(select(Disposition)).all()) == 2
    assert [i["status"] for i in case_detail(ws, number)["items"]] == ["open"]


def test_a_disposition_on_a_case_number_and_a_decision_exit(ws, staff):
    number = paw_case(ws, staff)
    done = dispositions.dispose(ws, staff["Komisioner"], number, ["teknis"], "Jadwalkan rapat pleno besok")
    assert (done.routed_step, done.routed_role) == (2, "Komisioner")
    with ws.db.reading() as session:
        letter = session.scalars(select(IncomingLetter)).one()
        row = session.scalars(select(Disposition)).one()
        assert row.incoming_letter_id == letter.id  # the case's letter is on the sheet


@pytest.mark.parametrize("role", ["Staf", "Kasubag", "Help Desk", "Kabag"])
def test_only_the_leadership_disposes(ws, staff, role):
    agenda, _number = pp_at_disposition(ws, staff)
    before = snapshot(ws)
    with pytest.raises(PermissionRefused, match="Ketua / Komisioner / Sekretaris"):
        dispositions.dispose(ws, staff[role], agenda, ["subbag_hukum"], "Tindak lanjuti")
    assert snapshot(ws) == before


def test_moving_a_case_needs_the_waiting_steps_role_too(ws, staff):
    agenda, _number = pp_at_disposition(ws, staff)  # step 6 is the commissioners'
    before = snapshot(ws)
    with pytest.raises(PermissionRefused, match="perlu peran Komisioner"):
        dispositions.dispose(ws, staff["Sekretaris"], agenda, ["subbag_hukum"], "Tindak lanjuti")
    with pytest.raises(UserError, match="Unit 'subbag_tidak_ada'"):
        dispositions.dispose(ws, staff["Komisioner"], agenda, ["subbag_tidak_ada"], "Tindak lanjuti")
    with pytest.raises(UserError, match="Isi disposisi wajib"):
        dispositions.dispose(ws, staff["Komisioner"], agenda, ["subbag_hukum"], "  ")
    with pytest.raises(UserError, match="tidak ada"):
        dispositions.dispose(ws, staff["Komisioner"], "SM/2026/0042", ["subbag_hukum"], "Tindak lanjuti")
    assert snapshot(ws) == before
    assert dispositions.is_disposition_step(ws.catalog.sop("PP"), 6)
    assert not dispositions.is_disposition_step(ws.catalog.sop("PP"), 7)  # Kasubag "sesuai ... disposisi"


# --- the command line -----------------------------------------------------------------------------

@pytest.fixture
def cli_log(tmp_path, monkeypatch):
    """The CLI's log file goes to a temporary folder and its handler is closed afterwards."""
    import logging

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    logger = logging.getLogger("sopdesk")
    handlers = list(logger.handlers)
    yield
    for handler in logger.handlers[:]:
        if handler not in handlers:
            logger.removeHandler(handler)
            handler.close()


def test_letters_through_the_command_line(ws, staff, admin, monkeypatch, capsys, tmp_path, cli_log):
    """The command line runs on the real clock: numbers and dates below follow today."""
    from conftest import PASSWORD

    from sopdesk.cli.main import main

    monkeypatch.setenv("SOPDESK_PASSWORD", PASSWORD)
    data = str(ws.data_dir)
    today = datetime.now(WITA).date()
    year = today.year

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--data-dir", data, *argv])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, err = run("letter", "settings", "--as", "admin", "--office-code", "5371",
                         "--classification", "PP.01", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["kode_kantor"] == "5371"
    assert run("letter", "settings", "--as", "staf", "--office-code", "1")[0] == 1  # changing: an administrator

    scan = tmp_path / "surat.pdf"
    scan.write_bytes(b"%PDF-1.4 surat")
    code, out, err = run("letter", "in", "--as", "help.desk", "--sender", "Pos Kupang", "--subject", "Data DPT",
                         "--number", "12/PK/III/2026", "--date", "2026-02-27", "--sifat", "segera",
                         "--starts", "permohonan_informasi", "--scan", str(scan), "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {"agenda": f"SM/{year}/0001", "case": f"PP/{year}/0001"}
    code, out, err = run("letter", "in", "--as", "komisioner", "--sender", "X", "--subject", "Y")
    assert code == 1 and "tidak boleh mencatat surat masuk" in err and out == ""
    code, _out, err = run("letter", "in", "--as", "staf", "--sender", "X", "--subject", "Y", "--sifat", "kilat")
    assert code == 1 and "sifat" in err

    code, out, _err = run("case", "show", f"PP/{year}/0001", "--as", "staf", "--json")
    assert [(i["step"], i["status"]) for i in json.loads(out)["items"]] == [(5, "done"), (6, "open")]
    code, out, err = run("letter", "dispose", f"SM/{year}/0001", "--as", "komisioner", "--to", "sekretariat",
                         "--instruction", "Proses")
    assert code == 1 and "bukan oleh Sekretaris" in err
    code, out, err = run("letter", "dispose", f"SM/{year}/0001", "--as", "komisioner", "--to", "subbag_hukum",
                         "hukum_pengawasan", "--instruction", "Siapkan data")
    assert (code, err) == (0, "")
    assert "diteruskan ke kegiatan 7 (Kasubag)" in out
    code, out, _err = run("letter", "show", f"SM/{year}/0001", "--as", "staf")
    assert "Sub Bagian Hukum (diteruskan)" in out and "Divisi Hukum dan Pengawasan" in out

    code, out, err = run("letter", "out", "--as", "staf", "--recipient", "Pos Kupang", "--subject", "Jawaban",
                         "--case", f"PP/{year}/0001", "--step", "6", "--date", "2026-03-02", "--json")
    assert (code, err) == (0, "")
    sent = json.loads(out)
    assert sent["number"] == "1/PP.01/5371/III/2026" and sent["expedition_id"] == 1
    code, out, err = run("letter", "out", "--as", "staf", "--recipient", "A", "--subject", "B",
                         "--number", "1/pp.01/5371/III/2026")
    assert code == 1 and "sudah dipakai" in err

    code, out, _err = run("letter", "list", "--as", "staf", "--json")
    listed = json.loads(out)
    assert [r["agenda"] for r in listed["masuk"]] == [f"SM/{year}/0001"]
    assert listed["masuk"][0]["dispositions"] == 1 and listed["masuk"][0]["scan"] == "surat.pdf"
    assert [(r["number"], r["case_number"], r["step_no"]) for r in listed["keluar"]] == [
        ("1/PP.01/5371/III/2026", f"PP/{year}/0001", 6)]
    code, out, _err = run("letter", "list", "--as", "staf", "--out")
    assert "Agenda surat masuk" not in out and "1/PP.01/5371/III/2026" in out
    code, out, _err = run("letter", "units", "--json")
    assert {"kode": "subbag_hukum", "nama": "Sub Bagian Hukum", "peran": "Kasubag",
            "organisasi": "ORG-BANTEN"} in json.loads(out)

    code, out, _err = run("expedition", "list", "--as", "staf", "--pending", "--json")
    assert [(e["id"], e["letter_number"], e["destination"]) for e in json.loads(out)] == [
        (1, "1/PP.01/5371/III/2026", "Pos Kupang")]
    code, out, err = run("expedition", "received", "1", "--as", "help.desk", "--signed-by", "Maria")
    assert code == 1 and "Staf / Kasubag" in err
    code, out, err = run("expedition", "received", "1", "--as", "staf", "--date", today.isoformat(),
                         "--signed-by", "Maria Ndun", "--scan", str(scan))
    assert (code, err) == (0, "")
    assert f"diterima {today:%d-%m-%Y}" in out
    code, out, _err = run("expedition", "list", "--as", "staf", "--pending", "--json")
    assert json.loads(out) == []
    code, out, _err = run("expedition", "list", "--as", "staf", "--from", today.isoformat(), "--to", today.isoformat())
    assert "Maria Ndun" in out and "1 entri ekspedisi" in out


# --- an office that upgrades -----------------------------------------------------------------------

def test_an_office_database_of_schema_0001_gets_the_registers_on_upgrade(tmp_path):
    import shutil
    from pathlib import Path

    from sopdesk.engine.workspace import Workspace
    from sopdesk.store.migrate import current_revision

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copyfile(Path(__file__).parent / "fixtures" / "schema_0001.sqlite3", data_dir / DB_FILE)
    ws = Workspace.open(data_dir)
    try:
        assert current_revision(ws.db) >= "0002"
        assert list((data_dir / "cadangan").glob("sebelum-migrasi-0001-*.sqlite3"))
        rina = ws.login("rina", "fixture-sandi-123")
        year = ws.calendar.local(ws.clock()).year
        agenda, number = letters.register_incoming(ws, rina, incoming(starts="permohonan_informasi"))
        assert agenda == f"SM/{year}/0001"
        assert case_detail(ws, number)["items"][0]["step"] == 5
        assert letters.register_outgoing(ws, rina, letters.OutgoingForm(
            recipient="Bawaslu", subject="Data", classification="PP.01")).expedition_id == 1
    finally:
        ws.close()


# --- corrections and voids ------------------------------------------------------------------------

def audit_events(ws, action: str) -> list[tuple[str, dict]]:
    """(username, detail) of every event of `action`, oldest first."""
    from sopdesk.store.models import User

    with ws.db.reading() as session:
        rows = session.execute(select(User.username, AuditEvent.detail).join(User, User.id == AuditEvent.user_id)
                               .where(AuditEvent.action == action).order_by(AuditEvent.id)).all()
    return [(name, json.loads(detail)) for name, detail in rows]


def test_the_registrar_or_an_administrator_corrects_an_incoming_letter_and_the_audit_keeps_old_and_new(
        ws, admin, staff):
    from sopdesk.engine import corrections
    from sopdesk.engine.corrections import IncomingCorrection

    agenda, _ = letters.register_incoming(ws, staff["Help Desk"], incoming(number="12/PK/III/2026",
                                                                           letter_date=date(2026, 2, 27)))
    before = snapshot(ws)
    for other in ("Staf", "Kasubag", "Komisioner", "Ketua"):  # a clerk of the agenda too, but not its registrar
        with pytest.raises(PermissionRefused, match=r"hanya pencatatnya \(help.desk\) atau administrator"):
            corrections.correct_incoming(ws, staff[other], agenda, IncomingCorrection(sender="Pos Kupang"),
                                         "Salah ketik")
    with pytest.raises(FieldError, match="Alasan wajib diisi"):
        corrections.correct_incoming(ws, staff["Help Desk"], agenda, IncomingCorrection(sender="X"), "  ")
    with pytest.raises(FieldError, match="sifat"):
        corrections.correct_incoming(ws, staff["Help Desk"], agenda, IncomingCorrection(sifat="kilat"), "Salah")
    with pytest.raises(UserError, match="Tidak ada yang diubah"):
        corrections.correct_incoming(ws, staff["Help Desk"], agenda,
                                     IncomingCorrection(sender="LSM Bengkel APPeK"), "Sama")
    assert snapshot(ws) == before

    done = corrections.correct_incoming(ws, staff["Help Desk"], agenda, IncomingCorrection(
        sender="LSM Bengkel APPeK NTT", subject="Permohonan data DPT per desa", sifat="segera"),
        "Pengirim dan perihal salah ketik")
    assert done.changes == {"sender": ["LSM Bengkel APPeK", "LSM Bengkel APPeK NTT"],
                            "subject": ["Permohonan data DPT per kelurahan", "Permohonan data DPT per desa"],
                            "sifat": ["biasa", "segera"]}
    corrections.correct_incoming(ws, admin, agenda, IncomingCorrection(letter_date=date(2026, 2, 26),
                                                                       number=""), "Tanggal pada surat 26")
    row = letters.incoming_page(ws)[0]
    assert (row.agenda, row.sender, row.subject, row.sifat, row.letter_date, row.number, row.void) == (
        agenda, "LSM Bengkel APPeK NTT", "Permohonan data DPT per desa", "segera", date(2026, 2, 26), None, False)
    events = audit_events(ws, "letter_in_corrected")
    assert [(who, d["agenda"], d["reason"]) for who, d in events] == [
        ("help.desk", agenda, "Pengirim dan perihal salah ketik"), ("admin", agenda, "Tanggal pada surat 26")]
    assert events[1][1]["changes"] == {"letter_date": ["2026-02-27", "2026-02-26"], "number": ["12/PK/III/2026", None]}


def test_a_void_incoming_letter_keeps_its_number_prints_as_void_and_cannot_be_disposed(ws, admin, staff):
    from sopdesk.engine import corrections
    from sopdesk.engine.corrections import IncomingCorrection

    first, _ = letters.register_incoming(ws, staff["Staf"], incoming(subject="Undangan rapat"))
    second, case_no = letters.register_incoming(ws, staff["Staf"], incoming(starts="permohonan_informasi"))
    assert (first, second) == ("SM/2026/0001", "SM/2026/0002")
    before = snapshot(ws)
    with pytest.raises(PermissionRefused, match="tidak boleh membatalkan surat masuk SM/2026/0002"):
        corrections.void_incoming(ws, staff["Help Desk"], second, "Surat ganda")
    with pytest.raises(FieldError, match="Alasan wajib diisi"):
        corrections.void_incoming(ws, staff["Staf"], second, "")
    assert snapshot(ws) == before

    done = corrections.void_incoming(ws, staff["Staf"], second, "Surat yang sama dicatat dua kali")
    assert done.notices == (f"kasus {case_no} dari surat ini tetap berjalan; batalkan kasusnya bila perlu",)
    third, _ = letters.register_incoming(ws, staff["Staf"], incoming(subject="Data pemilih pemula"))
    assert third == "SM/2026/0003"  # the void number is not given again
    rows = {row.agenda: row for row in letters.incoming_page(ws)}
    assert [(a, r.void_reason) for a, r in rows.items()] == [
        ("SM/2026/0001", None), ("SM/2026/0002", "Surat yang sama dicatat dua kali"), ("SM/2026/0003", None)]

    after_void = snapshot(ws)
    with pytest.raises(Conflict, match=r"Surat masuk SM/2026/0002 sudah dibatalkan \(alasan: Surat yang sama "
                                       r"dicatat dua kali\); tidak dapat didisposisi"):
        dispositions.dispose(ws, staff["Ketua"], second, ["sekretariat"], "Tindak lanjuti")
    with pytest.raises(Conflict, match="tidak dapat didisposisi"):
        dispositions.dispose(ws, staff["Komisioner"], second, ["sekretariat"], "Tindak lanjuti", route=False)
    with pytest.raises(Conflict, match="tidak dapat dikoreksi"):
        corrections.correct_incoming(ws, admin, second, IncomingCorrection(subject="X"), "Koreksi")
    with pytest.raises(Conflict, match="tidak dapat dibatalkan lagi"):
        corrections.void_incoming(ws, admin, second, "Lagi")
    assert snapshot(ws) == after_void
    ((who, detail),) = audit_events(ws, "letter_in_voided")
    assert (who, detail["agenda"], detail["reason"]) == ("staf", second, "Surat yang sama dicatat dua kali")


def test_a_void_outgoing_letter_keeps_its_number_and_is_no_longer_dispatched(ws, admin, staff):
    from sopdesk.engine import corrections
    from sopdesk.engine.corrections import OutgoingCorrection
    from sopdesk.engine.expedition import expedition_page, mark_received

    seed_settings(ws, admin, office_code="5371", default_classification="PP.01")

    def out(actor, **fields) -> letters.Registered:
        return letters.register_outgoing(ws, actor, letters.OutgoingForm(
            **({"recipient": "Bawaslu Kota Kupang", "subject": "Data DPT", "classification": "PP.01"} | fields)))

    first = out(staff["Staf"])
    second = out(staff["Kasubag"], recipient="Pos Kupang", subject="Jadwal tahapan")
    with pytest.raises(PermissionRefused, match=r"hanya pencatatnya \(kasubag\)"):
        corrections.void_outgoing(ws, staff["Staf"], second.number, "Tidak jadi dikirim")
    # a correction of the number follows into the buku ekspedisi
    corrections.correct_outgoing(ws, staff["Kasubag"], second.number,
                                 OutgoingCorrection(number="2a/PP.01/5371/III/2026", recipient="Harian Pos Kupang"),
                                 "Nomor dan tujuan salah")
    entry = {r.id: r for r in expedition_page(ws)}[second.expedition_id]
    assert (entry.letter_number, entry.destination) == ("2a/PP.01/5371/III/2026", "Harian Pos Kupang")
    with pytest.raises(FieldError, match="sudah dipakai"):
        corrections.correct_outgoing(ws, admin, first.number, OutgoingCorrection(number="2a/PP.01/5371/III/2026"),
                                     "Ganda")

    done = corrections.void_outgoing(ws, staff["Staf"], first.number, "Surat ditarik sebelum dikirim")
    assert done.notices == (f"ekspedisi nomor {first.expedition_id} ikut dibatalkan",)
    third = out(staff["Staf"])
    assert (first.number, third.number) == ("1/PP.01/5371/III/2026", "3/PP.01/5371/III/2026")
    with pytest.raises(Conflict, match="kini dibatalkan; nomornya tidak dipakai lagi"):
        out(staff["Staf"], number=first.number)
    rows = {r.number: r for r in letters.outgoing_page(ws)}
    assert rows[first.number].void_reason == "Surat ditarik sebelum dikirim" and not rows[third.number].void
    book = {r.id: r for r in expedition_page(ws)}
    assert book[first.expedition_id].void and not book[first.expedition_id].pending
    assert [r.id for r in expedition_page(ws, pending=True)] == [second.expedition_id, third.expedition_id]
    with pytest.raises(Conflict, match=f"Ekspedisi nomor {first.expedition_id} sudah dibatalkan"):
        mark_received(ws, staff["Staf"], first.expedition_id, date(2026, 3, 2), "Yanti Bria")
    actions = audit_actions(ws)
    assert actions.count("letter_out_corrected") == 1 and actions[-4:-2] == ["letter_out_voided", "expedition_voided"]
    ((_, detail),) = audit_events(ws, "letter_out_corrected")
    assert detail["changes"] == {"number": ["2/PP.01/5371/III/2026", "2a/PP.01/5371/III/2026"],
                                 "recipient": ["Pos Kupang", "Harian Pos Kupang"]}


def test_corrections_and_voids_through_the_command_line(ws, staff, admin, monkeypatch, capsys, cli_log):
    """The command line runs on the real clock: numbers below follow today's year."""
    from conftest import PASSWORD

    from sopdesk.cli.main import main

    monkeypatch.setenv("SOPDESK_PASSWORD", PASSWORD)
    data = str(ws.data_dir)
    year = datetime.now(WITA).year

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--data-dir", data, *argv])
        out, err = capsys.readouterr()
        return code, out, err

    assert run("letter", "in", "--as", "help.desk", "--sender", "Pos Kupang", "--subject", "Data DPT")[0] == 0
    agenda = f"SM/{year}/0001"
    code, out, err = run("letter", "correct", agenda, "--as", "staf", "--subject", "Data DPB", "--reason", "Salah")
    assert code == 1 and "hanya pencatatnya (help.desk) atau administrator" in err and out == ""
    code, out, err = run("letter", "correct", agenda, "--as", "help.desk", "--recipient", "X", "--reason", "Salah")
    assert code == 1 and "Opsi --recipient tidak berlaku untuk surat masuk" in err
    assert run("letter", "correct", agenda, "--as", "help.desk", "--subject", "Data DPB")[0] == 2  # --reason needed
    code, out, err = run("letter", "correct", agenda, "--as", "help.desk", "--subject", "Data DPB",
                         "--sifat", "segera", "--reason", "Perihal salah ketik")
    assert (code, err) == (0, "")
    assert out.strip() == f"Surat masuk {agenda} dikoreksi: perihal Data DPT -> Data DPB; sifat biasa -> segera"
    code, out, err = run("letter", "void", agenda, "--as", "help.desk", "--reason", "Surat ganda")
    assert (code, err) == (0, "") and f"Surat masuk {agenda} dibatalkan (alasan: Surat ganda)" in out
    assert "BATAL: Surat ganda" in run("letter", "list", "--as", "staf", "--in")[1]
    assert "BATAL: Surat ganda" in run("letter", "show", agenda, "--as", "staf")[1]
    code, out, err = run("letter", "dispose", agenda, "--as", "ketua", "--to", "sekretariat", "--instruction", "X")
    assert code == 1 and "sudah dibatalkan (alasan: Surat ganda); tidak dapat didisposisi" in err

    code, out, _ = run("letter", "out", "--as", "staf", "--recipient", "Bawaslu", "--subject", "Data", "--json")
    first = json.loads(out)
    code, out, err = run("letter", "void", first["number"], "--as", "staf", "--reason", "Ditarik")
    assert (code, err) == (0, "") and f"ekspedisi nomor {first['expedition_id']} ikut dibatalkan" in out
    assert "BATAL: surat keluar" in run("expedition", "list", "--as", "staf")[1]
    code, out, _ = run("letter", "out", "--as", "staf", "--recipient", "Bawaslu", "--subject", "Data", "--json")
    second = json.loads(out)
    assert second["number"] != first["number"]
    entry = str(second["expedition_id"])
    code, out, err = run("expedition", "correct", entry, "--as", "staf", "--recipient-name", "Yanti Bria",
                         "--reason", "Nama penerima lupa dicatat")
    assert (code, err) == (0, "")
    assert out.strip() == f"Ekspedisi nomor {entry} dikoreksi: nama penerima (kosong) -> Yanti Bria"
    code, out, err = run("expedition", "void", entry, "--as", "kasubag", "--reason", "Salah")
    assert code == 1 and "hanya pencatatnya (staf)" in err
    code, out, err = run("expedition", "void", entry, "--as", "admin", "--reason", "Dikirim ulang", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {"label": f"ekspedisi nomor {entry}", "reason": "Dikirim ulang", "notices": []}
    assert "tidak dapat dicatat diterima" in run("expedition", "received", entry, "--as", "staf",
                                                  "--signed-by", "Yanti")[2]


def test_a_letter_voided_for_a_wrong_entry_is_registered_again_under_the_next_agenda_number(ws, staff):
    from sopdesk.engine import corrections

    form = incoming(number="12/PK/III/2026", sender="Pos Kupang")
    first, _ = letters.register_incoming(ws, staff["Staf"], form)
    with pytest.raises(Conflict, match="sudah dicatat sebagai SM/2026/0001"):
        letters.register_incoming(ws, staff["Staf"], form)
    corrections.void_incoming(ws, staff["Staf"], first, "Perihal dan lampiran salah; dicatat ulang")
    again, _ = letters.register_incoming(ws, staff["Staf"], form)
    assert again == "SM/2026/0002"
    with pytest.raises(Conflict, match="sudah dicatat sebagai SM/2026/0002"):
        letters.register_incoming(ws, staff["Staf"], form)
