"""The buku ekspedisi and the lembar disposisi, read back with pypdf as a reader of the paper
would check them: the rows of the range and no others, the header on every page, a 10,000-row
book on the number of pages its row height gives, the ticked units and the instruction."""

from __future__ import annotations

import io
import logging
import math
import re
import sys
from datetime import date, datetime, timedelta, timezone

import pypdf
import pytest
from conftest import PASSWORD, WITA
from sqlalchemy import insert

from sopdesk.cli.main import main
from sopdesk.engine import dispositions, letters
from sopdesk.engine.expedition import mark_received
from sopdesk.errors import NotFound, UserError
from sopdesk.reports.base import Letterhead, Printout
from sopdesk.reports.disposition import EMPTY, TICKED, render_disposition_sheet
from sopdesk.reports.expedition import HEADER, HEADER_HEIGHT, ROW_HEIGHT, render_expedition_book
from sopdesk.store.models import Expedition


def flat(value: str) -> str:
    return " ".join(value.split())


def pages_text(path) -> list[str]:  # noqa: ANN001
    return [flat(page.extract_text()) for page in pypdf.PdfReader(path).pages]


def at(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=WITA).astimezone(timezone.utc)


def send(ws, actor, subject: str, **fields) -> letters.Registered:
    return letters.register_outgoing(ws, actor, letters.OutgoingForm(
        recipient=fields.pop("recipient", "Bawaslu Kota Kupang"), subject=subject, classification="PP.01", **fields))


def bulk_entries(ws, user_id: int, count: int, first: datetime, step: timedelta) -> None:
    """`count` short one-line entries EKS-00001... written straight into the table."""
    rows = [{"sent_at": first + i * step, "letter_number": f"EKS-{i + 1:05d}", "subject": f"Data pemilih {i + 1}",
             "destination": "Bawaslu Kota Kupang", "recorded_by": user_id} for i in range(count)]
    with ws.db.transaction() as session:
        session.execute(insert(Expedition), rows)


def numbers_on(text: str) -> list[str]:
    return re.findall(r"EKS-\d{5}", text)


# --- buku ekspedisi ------------------------------------------------------------------------------------

def test_the_book_has_every_entry_sent_in_the_range_and_none_outside(ws, staff, clock, tmp_path):
    staf = staff["Staf"]
    sent = {}
    for name, moment in [("before", at(28, 23, 50, month=2)),       # the evening before the range
                         ("first", at(1, 0, 5)), ("middle", at(2, 9)), ("late", at(15, 16)),
                         ("last", at(31, 23, 30)),                  # the last evening of the range
                         ("after", at(1, 0, 10, month=4))]:         # just after it (office time)
        clock.now = moment
        sent[name] = send(ws, staf, f"Surat {name}", recipient_name="Ketua Bawaslu" if name == "middle" else None)
    clock.now = at(1, 10, month=4)
    mark_received(ws, staff["Kasubag"], sent["middle"].expedition_id, date(2026, 3, 3), "Yanti Bria")

    path = render_expedition_book(ws, date(2026, 3, 1), date(2026, 3, 31), tmp_path / "buku.pdf")
    text = " ".join(pages_text(path))
    for name in ("first", "middle", "late", "last"):
        assert sent[name].number in text and f"Surat {name}" in text
    for name in ("before", "after"):
        assert sent[name].number not in text and f"Surat {name}" not in text
    assert "BUKU EKSPEDISI" in text and "1 Maret 2026 s.d. 31 Maret 2026" in text
    assert "4 entri: 1 sudah diterima, 3 belum diterima" in text
    assert "Yanti Bria" in text and "3 Maret 2026" in text   # who signed, and when
    assert text.index("Surat first") < text.index("Surat middle") < text.index("Surat late") < text.index("Surat last")

    pending = render_expedition_book(ws, date(2026, 3, 1), date(2026, 3, 31), tmp_path / "belum.pdf",
                                     pending_only=True)
    text = " ".join(pages_text(pending))
    assert "Surat middle" not in text and all(f"Surat {n}" in text for n in ("first", "late", "last"))
    assert "hanya yang belum diterima" in text


def test_the_header_row_repeats_on_every_page(ws, admin, tmp_path):
    bulk_entries(ws, admin.user_id, 40, at(2, 8), timedelta(minutes=20))
    path = render_expedition_book(ws, date(2026, 3, 1), date(2026, 3, 31), tmp_path / "buku.pdf", paper="F4")
    pages = pages_text(path)
    assert len(pages) >= 3
    for number, page in enumerate(pages, 1):
        assert all(word in page for word in ("No", "Nomor surat", "Perihal", "Tujuan", "Tanda tangan")), number
        assert "Tanggal kirim" in page and "Nama penerima" in page and "Tanggal terima" in page
        assert f"Halaman {number} dari {len(pages)}" in page
    assert "BUKU EKSPEDISI" in pages[0] and "BUKU EKSPEDISI" not in pages[1]  # the title once, the header always
    found = [n for page in pages for n in numbers_on(page)]
    assert found == [f"EKS-{i:05d}" for i in range(1, 41)]  # each row once, in order, none split


def test_an_empty_range_prints_one_page_that_says_so(ws, admin, tmp_path):
    text = pages_text(render_expedition_book(ws, date(2026, 3, 1), date(2026, 3, 31), tmp_path / "kosong.pdf"))
    assert len(text) == 1 and "Tidak ada surat atau dokumen yang dikirim pada periode ini" in text[0]
    with pytest.raises(UserError, match="sebelum tanggal awal"):
        render_expedition_book(ws, date(2026, 3, 31), date(2026, 3, 1), tmp_path / "salah.pdf")


def test_a_book_of_ten_thousand_rows_prints_on_the_pages_its_rows_need(ws, admin, tmp_path):
    count = 10_000
    bulk_entries(ws, admin.user_id, count, at(1, 7), timedelta(days=29) / count)
    path = render_expedition_book(ws, date(2026, 3, 1), date(2026, 3, 31), tmp_path / "besar.pdf")
    reader = pypdf.PdfReader(path)
    first, second = (flat(reader.pages[i].extract_text()) for i in (0, 1))
    # every row is one line high here, so a full page holds what the frame's height gives
    printout = Printout(tmp_path / "x.pdf", "A4", Letterhead.of(ws), "x", first="landscape")
    _, frame_height = printout.frame_size("landscape")
    per_page = math.floor((frame_height - HEADER_HEIGHT) / ROW_HEIGHT)
    assert len(numbers_on(second)) == per_page
    on_first = len(numbers_on(first))
    assert 0 < on_first < per_page  # the title and the summary take room on the first page
    assert numbers_on(first)[0] == "EKS-00001" and numbers_on(second)[0] == f"EKS-{on_first + 1:05d}"
    expected = 1 + math.ceil((count - on_first) / per_page)
    assert len(reader.pages) == expected
    last = flat(reader.pages[-1].extract_text())
    assert numbers_on(last)[-1] == "EKS-10000" and f"Halaman {expected} dari {expected}" in last
    assert "10000 entri" in first


def test_the_book_has_the_columns_of_the_paper_book_and_embeds_its_fonts(ws, admin, tmp_path):
    assert HEADER == ("No", "Tanggal kirim", "Nomor surat", "Perihal", "Tujuan", "Nama penerima",
                      "Ditandatangani oleh", "Tanda tangan", "Tanggal terima")
    assert ROW_HEIGHT >= 30  # points: a signature fits in its box
    bulk_entries(ws, admin.user_id, 3, at(2, 8), timedelta(hours=1))
    path = render_expedition_book(ws, date(2026, 3, 1), date(2026, 3, 31), tmp_path / "buku.pdf")
    found = {}
    for page in pypdf.PdfReader(path).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            found[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert found and all("DejaVu" in name and embedded for name, embedded in found.items()), found


# --- lembar disposisi -------------------------------------------------------------------------------------

def test_the_disposition_sheet_ticks_the_chosen_units_and_prints_the_instruction(ws, staff, clock, tmp_path):
    agenda, number = letters.register_incoming(ws, staff["Staf"], letters.IncomingForm(  # the case stays at 5
        sender="LSM Bengkel APPeK", subject="Permohonan data DPT per kelurahan", number="12/BA/III/2026",
        letter_date=date(2026, 2, 27), sifat="segera", starts="permohonan_informasi"))
    clock.advance(hours=1)
    dispositions.dispose(ws, staff["Ketua"], agenda, ["teknis", "data_informasi"], "Siapkan data DPT per kelurahan")
    path = render_disposition_sheet(ws, agenda, tmp_path / "disposisi.pdf")
    (text,) = pages_text(path)
    assert "LEMBAR DISPOSISI" in text and agenda in text and "12/BA/III/2026" in text
    assert "27 Februari 2026" in text and "2 Maret 2026 pukul 09.00 WITA" in text   # dated, received
    assert "LSM Bengkel APPeK" in text and "Permohonan data DPT per kelurahan" in text and number in text
    assert f"{TICKED} Segera" in text and f"{EMPTY} Biasa" in text and f"{EMPTY} Rahasia" in text
    assert f"{TICKED} Divisi Teknis Penyelenggaraan" in text and f"{TICKED} Divisi Data dan Informasi" in text
    assert f"{EMPTY} Divisi Hukum dan Pengawasan" in text and f"{EMPTY} Sub Bagian Hukum" in text
    assert text.count(TICKED) == 3  # the sifat and the two units
    assert "Siapkan data DPT per kelurahan" in text
    assert "ketua (Ketua)" in text and "2 Maret 2026 pukul 10.00 WITA" in text  # from whom (name, role), when
    assert "Pemberi disposisi" in text


def test_a_letter_without_disposition_prints_a_blank_sheet_to_fill_by_hand(ws, staff, tmp_path):
    agenda, _ = letters.register_incoming(ws, staff["Staf"], letters.IncomingForm(sender="Bawaslu", subject="Undangan"))
    (text,) = pages_text(render_disposition_sheet(ws, agenda, tmp_path / "kosong.pdf"))
    assert text.count(TICKED) == 1 and f"{TICKED} Biasa" in text  # only the letter's sifat
    assert text.count(EMPTY) >= 17 + 2
    assert "Belum ada disposisi" in text
    with pytest.raises(NotFound):
        render_disposition_sheet(ws, "SM/2026/0099", tmp_path / "x.pdf")


def test_two_dispositions_each_get_their_block_and_a_routed_unit_is_marked(ws, staff, clock, tmp_path):
    agenda, number = letters.register_incoming(ws, staff["Help Desk"], letters.IncomingForm(
        sender="LSM Bengkel APPeK", subject="Permohonan data", starts="permohonan_informasi"))  # 5 done: at 6
    dispositions.dispose(ws, staff["Komisioner"], agenda, ["subbag_hukum"], "Siapkan jawaban")
    dispositions.dispose(ws, staff["Ketua"], agenda, ["sekretariat"], "Pantau tenggat")
    text = " ".join(pages_text(render_disposition_sheet(ws, agenda, tmp_path / "dua.pdf")))
    assert "Disposisi 1 dari 2" in text and "Disposisi 2 dari 2" in text
    assert f"{TICKED} Sub Bagian Hukum (kasus diteruskan)" in text
    assert f"Kasus {number} diteruskan ke kegiatan 7 (Kasubag)" in text
    assert "Siapkan jawaban" in text and "Pantau tenggat" in text


# --- the command line ----------------------------------------------------------------------------------

@pytest.fixture
def cli(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOPDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("SOPDESK_PASSWORD", PASSWORD)
    monkeypatch.delenv("SOPDESK_DB", raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    logger = logging.getLogger("sopdesk")
    handlers = list(logger.handlers)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    yield run
    for handler in logger.handlers[:]:
        if handler not in handlers:
            logger.removeHandler(handler)
            handler.close()


def test_report_expedition_and_disposition_commands(cli, tmp_path):
    assert cli("setup", "--office", "KPU Kota Kupang", "--timezone", "WITA", "--admin", "admin")[0] == 0
    code, out, _ = cli("letter", "out", "--as", "admin", "--recipient", "Bawaslu Kota Kupang", "--subject",
                       "Data DPT", "--classification", "PP.01")
    assert code == 0
    number = re.search(r"nomor (\S+);", out).group(1)
    code, out, _ = cli("letter", "in", "--as", "admin", "--sender", "DPRD", "--subject", "Undangan rapat")
    agenda = re.search(r"SM/\d{4}/\d{4}", out).group(0)
    assert cli("letter", "dispose", agenda, "--as", "admin", "--to", "teknis", "--instruction", "Hadiri")[0] == 0
    # the office's day may differ from this machine's: a range around today holds it
    since, until = (date.today() - timedelta(days=1)).isoformat(), (date.today() + timedelta(days=1)).isoformat()
    code, out, err = cli("report", "expedition", "--as", "admin", "--from", since, "--to", until,
                         "-o", str(tmp_path / "buku.pdf"))
    assert (code, err) == (0, "") and out.startswith("PDF ditulis: ")
    assert number in " ".join(pages_text(tmp_path / "buku.pdf"))
    code, _, err = cli("report", "expedition", "--as", "admin", "--from", since, "--to", until, "--pending",
                       "--paper", "f4", "-o", str(tmp_path / "belum.pdf"))
    assert (code, err) == (0, "") and "hanya yang belum diterima" in pages_text(tmp_path / "belum.pdf")[0]
    code, _, err = cli("report", "disposition", "--as", "admin", agenda, "-o", str(tmp_path / "disposisi.pdf"))
    assert (code, err) == (0, "")
    assert f"{TICKED} Divisi Teknis Penyelenggaraan" in pages_text(tmp_path / "disposisi.pdf")[0]
    code, _, err = cli("report", "disposition", "--as", "admin", "SM/2026/0999", "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and "tidak ada" in err
    code, _, err = cli("report", "expedition", "--as", "admin", "--from", "2026-03-31", "--to", "2026-03-01",
                       "-o", str(tmp_path / "x"))
    assert code == 1 and "sebelum tanggal awal" in err
    assert cli("report", "expedition", "--as", "admin", "--from", "2026-03-01", "-o", str(tmp_path / "x.pdf"))[0] == 2


# --- corrections and voids on paper ---------------------------------------------------------------------

def test_the_signer_has_a_column_of_its_own_and_a_void_entry_prints_as_batal(ws, staff, clock, tmp_path):
    from sopdesk.engine import corrections

    first = send(ws, staff["Staf"], "Data DPT", recipient_name="Ketua Bawaslu")
    second = send(ws, staff["Staf"], "Jadwal tahapan", recipient="Pos Kupang")
    third = send(ws, staff["Staf"], "Data pemilih pemula")
    mark_received(ws, staff["Kasubag"], first.expedition_id, date(2026, 3, 2), "Yanti Bria")
    corrections.void_expedition(ws, staff["Staf"], second.expedition_id, "Diantar bersama surat lain")
    path = render_expedition_book(ws, date(2026, 3, 1), date(2026, 3, 31), tmp_path / "buku.pdf")
    (page,) = pages_text(path)
    assert "Ditandatangani oleh" in page
    # the intended recipient and the one who signed, both printed, in their own columns
    assert "Ketua Bawaslu Yanti Bria 2 Maret 2026" in page
    assert "BATAL: Diantar bersama surat lain" in page and second.number in page  # the line and its number stay
    assert page.index(first.number) < page.index(second.number) < page.index(third.number)
    assert "3 entri: 1 sudah diterima, 1 belum diterima, 1 dibatalkan" in page
    pending = pages_text(render_expedition_book(ws, date(2026, 3, 1), date(2026, 3, 31), tmp_path / "belum.pdf",
                                                pending_only=True))[0]
    assert third.number in pending and second.number not in pending


def test_the_disposition_sheet_of_a_void_letter_prints_batal_with_the_reason(ws, staff, tmp_path):
    from sopdesk.engine import corrections

    agenda, _ = letters.register_incoming(ws, staff["Staf"], letters.IncomingForm(sender="Pos Kupang",
                                                                                 subject="Undangan rapat"))
    dispositions.dispose(ws, staff["Ketua"], agenda, ["sekretariat"], "Hadiri dan laporkan")
    corrections.void_incoming(ws, staff["Staf"], agenda, "Surat yang sama dicatat dua kali")
    text = " ".join(pages_text(render_disposition_sheet(ws, agenda, tmp_path / "disposisi.pdf")))
    assert f"Surat masuk nomor agenda {agenda} BATAL Dibatalkan" in text
    assert "Alasan: Surat yang sama dicatat dua kali" in text
    assert "Hadiri dan laporkan" in text  # what was disposed before the void stays on the sheet
    assert "Surat ini dibatalkan: tidak dapat didisposisi." in text

    blank, _ = letters.register_incoming(ws, staff["Staf"], letters.IncomingForm(sender="X", subject="Y"))
    corrections.void_incoming(ws, staff["Staf"], blank, "Salah catat")
    text = " ".join(pages_text(render_disposition_sheet(ws, blank, tmp_path / "kosong.pdf")))
    assert "BATAL" in text and "Alasan: Salah catat" in text
    assert "diisi dengan tangan" not in text and "Pemberi disposisi" not in text  # no blank sheet to fill in


def test_every_page_after_the_first_says_which_letter_the_sheet_belongs_to(ws, staff, clock, tmp_path):
    """A lembar disposisi of several dispositions runs over pages; a loose second sheet printed
    only the footer's agenda number: it now repeats the agenda number, the letter's number and
    its perihal under the letterhead."""
    agenda, _ = letters.register_incoming(ws, staff["Staf"], letters.IncomingForm(
        sender="LSM Bengkel APPeK", subject="Permohonan data DPT per kelurahan", number="12/BA/III/2026"))
    for n in range(4):
        clock.advance(hours=1)
        dispositions.dispose(ws, staff["Ketua"], agenda, ["teknis", "data_informasi"], f"Petunjuk nomor {n + 1}")
    pages = pages_text(render_disposition_sheet(ws, agenda, tmp_path / "panjang.pdf"))
    assert len(pages) >= 2
    assert "lanjutan" not in pages[0]
    for page in pages[1:]:
        assert f"Lembar disposisi (lanjutan) · Nomor agenda {agenda}" in page
        assert "Nomor surat 12/BA/III/2026" in page and "Perihal: Permohonan data DPT per kelurahan" in page


def test_a_disposition_follows_on_the_same_page_when_it_fits_and_is_never_split(ws, staff, clock, tmp_path):
    """Four dispositions took three pages, the first half empty: the signature took a band of its
    own under each disposition. It now stands beside the instruction; each disposition is still
    whole on one page."""
    agenda, _ = letters.register_incoming(ws, staff["Staf"], letters.IncomingForm(
        sender="LSM Bengkel APPeK", subject="Permohonan data DPT per kelurahan", number="12/BA/III/2026"))
    for n in range(4):
        clock.advance(hours=1)
        dispositions.dispose(ws, staff["Ketua"], agenda, ["teknis"], f"Petunjuk nomor {n + 1}: segera tindak lanjuti "
                             "dan laporkan hasilnya kepada pimpinan paling lambat tiga hari kerja")
    pages = pages_text(render_disposition_sheet(ws, agenda, tmp_path / "empat.pdf"))
    assert len(pages) == 2
    assert "Disposisi 1 dari 4" in pages[0] and "Disposisi 2 dari 4" in pages[0]
    for n in range(1, 5):
        (page,) = [page for page in pages if f"Disposisi {n} dari 4" in page]
        block = page[page.index(f"Disposisi {n} dari 4"):]
        assert f"Petunjuk nomor {n}" in block and "Pemberi disposisi" in block and "Tindak lanjut" in block
