"""Confidential cases and letters (issue #13): the perihal of a case on a rahasia route, or of a
rahasia letter, is shown only to the people on its chain and to administrators; everyone else
reads "(rahasia)" in the inbox, the case view and list, the letter agenda and the prints."""

from __future__ import annotations

import json

import pypdf
import pytest
from helpers import ppid_office
from helpers.ppid_office import complete, ok, show, start

from sopdesk.engine import queries
from sopdesk.engine.rahasia import MASK
from sopdesk.engine.workspace import Workspace

ppid = ppid_office.ppid  # the fixture: an office with the PPID SOP, driven through the CLI
pytestmark = pytest.mark.both_stores  # the store-using tests run on SQLite and PostgreSQL
TITLE = "Permohonan salinan data pemilih disabilitas Desa Tulamalae"


def secret_case(run) -> str:  # noqa: ANN001
    number = start(run, TITLE)
    complete(run, number, "petugas", "--atas-nama")
    complete(run, number, "petugas")
    complete(run, number, "petugas", "--choice", "Ya")  # exempt information: the rahasia route
    return number


def pdf_text(path) -> str:  # noqa: ANN001
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages)


def test_a_case_on_a_rahasia_route_shows_its_perihal_only_on_its_chain(ppid, tmp_path):
    run, _clock, data = ppid
    number = secret_case(run)
    plain = start(run, "Permohonan jadwal rapat pleno terbuka")

    for outsider in ("staf", "komisioner"):
        detail = show(run, number, outsider)
        assert detail["rahasia"] is True and detail["title"] == MASK
        started = next(e for e in detail["history"] if e["action"] == "case_started")
        assert started["detail"]["title"] == MASK
        assert TITLE not in ok(run("case", "show", number, "--as", outsider))
        assert show(run, plain, outsider)["title"] == "Permohonan jadwal rapat pleno terbuka"
    for insider in ("petugas", "kabag", "admin"):  # worked it, waits for it, administrator
        assert show(run, number, insider)["title"] == TITLE

    # the inbox: the Kabag sees what waits for him; a user looking at the Kabag's inbox does not
    (mine,) = json.loads(ok(run("inbox", "--as", "kabag", "--json")))["items"]
    assert (mine["case_number"], mine["title"], mine["rahasia"]) == (number, TITLE, True)
    (other,) = json.loads(ok(run("inbox", "--as", "staf", "--role", "Kabag", "--json")))["items"]
    assert other["title"] == MASK

    # the case sheet
    pdf = tmp_path / "kendali.pdf"
    ok(run("report", "case", number, "--as", "staf", "-o", str(pdf)))
    assert MASK in pdf_text(pdf) and "Tulamalae" not in pdf_text(pdf)
    ok(run("report", "case", number, "--as", "kabag", "-o", str(pdf)))
    assert "Tulamalae" in pdf_text(pdf)

    # the case list (GUI's Kasus page) reads the same engine function
    ws = Workspace.open(data)
    try:
        staf, kabag = ws.login("staf", ppid_office.PASSWORD), ws.login("kabag", ppid_office.PASSWORD)
        rows = {r.number: r.title for r in queries.cases_page(ws, viewer=staf)}
        assert rows[number] == MASK and rows[plain] == "Permohonan jadwal rapat pleno terbuka"
        assert {r.number: r.title for r in queries.cases_page(ws, viewer=kabag)}[number] == TITLE
        assert queries.case_detail(ws, number)["title"] == MASK  # nobody signed in: masked

        # a search by a word of the perihal does not reveal the case off its chain; its number
        # and requester still find it, and on its chain the perihal is searchable
        for word in ("Tulamalae", "disabilitas"):  # the trigram index and (short words aside) LIKE
            assert [r.number for r in queries.cases_page(ws, search=word, viewer=staf)] == []
            assert queries.cases_total(ws, search=word, viewer=staf) == 0
            assert [r.number for r in queries.cases_page(ws, search=word, viewer=kabag)] == [number]
            assert queries.cases_total(ws, search=word, viewer=kabag) == 1
        admin = ws.login("admin", ppid_office.PASSWORD)
        assert [r.number for r in queries.cases_page(ws, search="Tulamalae", viewer=admin)] == [number]
        by_number = queries.cases_page(ws, search=number, viewer=staf)
        assert [(r.number, r.title) for r in by_number] == [(number, MASK)]
        assert [r.number for r in queries.cases_page(ws, search="pleno", viewer=staf)] == [plain]
    finally:
        ws.close()


def test_a_rahasia_letter_shows_its_perihal_only_to_its_registrar_its_disposition_and_admins(ppid, tmp_path):
    run, _clock, _data = ppid
    subject = "Laporan dugaan pelanggaran kode etik anggota PPK Atambua Selatan"
    ok(run("letter", "in", "--as", "help.desk", "--sender", "Bawaslu Kabupaten Belu", "--subject", subject,
           "--number", "099/PM.00/K.NT-04/III/2026", "--sifat", "rahasia"))
    ok(run("letter", "in", "--as", "help.desk", "--sender", "Dinas Dukcapil", "--subject", "Data penduduk"))

    def agenda(who: str) -> dict:
        rows = json.loads(ok(run("letter", "list", "--as", who, "--json")))["masuk"]
        return {r["sender"]: r["subject"] for r in rows}

    assert agenda("staf") == {"Bawaslu Kabupaten Belu": MASK, "Dinas Dukcapil": "Data penduduk"}
    assert agenda("help.desk")["Bawaslu Kabupaten Belu"] == subject  # registered it
    assert agenda("admin")["Bawaslu Kabupaten Belu"] == subject
    assert agenda("kasubag")["Bawaslu Kabupaten Belu"] == MASK
    shown = json.loads(ok(run("letter", "show", "SM/2026/0001", "--as", "staf", "--json")))
    assert shown["surat"]["subject"] == MASK
    assert subject not in ok(run("letter", "list", "--as", "staf"))

    # disposed to the Sub Bagian Hukum (Kasubag): the Kasubag is on its chain now
    ok(run("letter", "dispose", "SM/2026/0001", "--as", "komisioner", "--to", "subbag_hukum",
           "--instruction", "Telaah dan siapkan jawaban"))
    assert agenda("kasubag")["Bawaslu Kabupaten Belu"] == subject
    assert agenda("staf")["Bawaslu Kabupaten Belu"] == MASK
    pdf = tmp_path / "disposisi.pdf"
    ok(run("report", "disposition", "SM/2026/0001", "--as", "staf", "-o", str(pdf)))
    assert MASK in pdf_text(pdf) and "kode etik" not in pdf_text(pdf)


def test_the_letter_and_the_expedition_line_of_a_confidential_case_are_masked_off_its_chain(ppid):
    run, _clock, _data = ppid
    number = secret_case(run)
    complete(run, number, "kabag")
    complete(run, number, "sekretaris")
    out = complete(run, number, "petugas")  # 5: the refusal letter and its receipt
    assert "kasus selesai" in out

    def outgoing(who: str) -> list[str]:
        return [r["subject"] for r in json.loads(ok(run("letter", "list", "--as", who, "--json")))["keluar"]]

    def book(who: str) -> list[str]:
        return [r["subject"] for r in json.loads(ok(run("expedition", "list", "--as", who, "--json")))]

    (subject,) = outgoing("petugas")
    assert "Surat Penolakan" in subject and "Tulamalae" in subject
    assert outgoing("staf") == [MASK] and outgoing("admin") == [subject]
    (line,) = book("sekretaris")
    assert "Tulamalae" in line
    assert book("staf") == [MASK]


def test_the_roles_that_dispose_letters_read_a_rahasia_letter_before_disposing_it(ppid, tmp_path):
    # the Ketua's agenda read "(rahasia)" while the Disposisi dialog showed the subject: the lead
    # decided the Ketua must read what they dispose; off the chain, other roles still see the mask
    run, _clock, _data = ppid
    subject = "Laporan dugaan pelanggaran kode etik anggota PPK Atambua Selatan"
    ok(run("letter", "in", "--as", "help.desk", "--sender", "Bawaslu Kabupaten Belu", "--subject", subject,
           "--sifat", "rahasia"))

    def agenda(who: str) -> str:
        return json.loads(ok(run("letter", "list", "--as", who, "--json")))["masuk"][0]["subject"]

    def shown(who: str) -> str:
        return json.loads(ok(run("letter", "show", "SM/2026/0001", "--as", who, "--json")))["surat"]["subject"]

    assert agenda("komisioner") == subject and shown("komisioner") == subject  # a disposer: before disposing
    for other in ("staf", "kasubag"):
        assert agenda(other) == MASK and shown(other) == MASK
    pdf = tmp_path / "disposisi.pdf"
    ok(run("report", "disposition", "SM/2026/0001", "--as", "komisioner", "-o", str(pdf)))
    assert "kode etik" in pdf_text(pdf)


def test_a_word_of_a_hidden_perihal_does_not_find_the_letter(ppid):
    """A search must not tell a reader off the chain whether a rahasia perihal holds a word (the
    agenda would show its "(rahasia)" line): for them the perihal is not searched, while the
    number and the sender still find the letter; a disposer or an administrator searches it."""
    run, _clock, _data = ppid
    ok(run("letter", "in", "--as", "help.desk", "--sender", "Bawaslu Kabupaten Belu", "--subject",
           "Laporan dugaan pelanggaran kode etik anggota PPK Atambua Selatan", "--sifat", "rahasia"))
    ok(run("letter", "in", "--as", "help.desk", "--sender", "Dinas Dukcapil", "--subject",
           "Undangan rapat koordinasi kode wilayah"))

    def found(who: str, search: str) -> list[str]:
        rows = json.loads(ok(run("letter", "list", "--in", "--as", who, "--json", "--search", search)))["masuk"]
        return [row["sender"] for row in rows]

    assert found("staf", "kode") == ["Dinas Dukcapil"]
    assert found("staf", "Atambua") == []
    assert found("staf", "Bawaslu") == ["Bawaslu Kabupaten Belu"]  # the sender still finds it, masked
    assert sorted(found("komisioner", "kode")) == ["Bawaslu Kabupaten Belu", "Dinas Dukcapil"]
    assert found("admin", "Atambua") == ["Bawaslu Kabupaten Belu"]


def test_a_word_of_a_confidential_case_letter_does_not_find_it_off_the_chain(ppid):
    run, _clock, data = ppid
    number = secret_case(run)
    complete(run, number, "kabag")
    complete(run, number, "sekretaris")
    complete(run, number, "petugas")  # 5: the refusal letter and its receipt

    def found(who: str) -> list[str]:
        rows = json.loads(ok(run("letter", "list", "--out", "--as", who, "--json", "--search", "Tulamalae")))
        return [row["number"] for row in rows["keluar"]]

    assert found("staf") == []
    (letter,) = found("admin")
    assert found("petugas") == []  # on the chain, but the perihal is searched only by who reads them all
    from sqlalchemy import select

    from sopdesk.engine import letters
    from sopdesk.engine.users import Actor
    from sopdesk.store.models import User

    ws = Workspace.open(data)  # the count the agenda's title shows agrees with its page
    try:
        with ws.db.reading() as session:
            ids = {name: user_id for name, user_id in session.execute(select(User.username, User.id))}
        staf, admin = Actor(ids["staf"], "staf"), Actor(ids["admin"], "admin")
        assert letters.outgoing_total(ws, search="Tulamalae", viewer=staf) == 0
        assert letters.outgoing_total(ws, search="Tulamalae", viewer=admin) == 1
        assert letters.outgoing_total(ws, search=letter, viewer=staf) == 1  # by its number
    finally:
        ws.close()
