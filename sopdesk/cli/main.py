"""Entry point: parse arguments, open the workspace, run one command, report errors as one
clear line (a bug's traceback goes to the log file, never to the user)."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from sopdesk import __version__
from sopdesk.cli.argparse_id import indonesian
from sopdesk.errors import UserError

# Nothing heavy at the top: `sopdesk --version` answers before SQLAlchemy, pydantic or the
# catalog are imported, and each command imports what it needs (tests/test_start_speed.py).
log = logging.getLogger("sopdesk")
GLOBAL_OPTIONS_WITH_VALUE = ("--db", "--data-dir")


class ArgumentError(UserError):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: ANN201 - argparse's hook
        raise ArgumentError(f"Perintah {self.prog}: {indonesian(message)}")


MAX_COUNT = 1_000_000_000


MAX_SEARCH_CHARS = 200  # SQLite refuses LIKE patterns over 50,000 bytes ("pattern too complex")


def _search_text(text: str) -> str:
    """A --search text: what a person types into a search box, not a document."""
    if len(text) > MAX_SEARCH_CHARS:
        raise argparse.ArgumentTypeError(f"teks pencarian terlalu panjang ({len(text)} karakter; maksimal "
                                         f"{MAX_SEARCH_CHARS})")
    return text


def _positive_int(text: str) -> int:
    if not text.strip().isascii():  # int() reads "٣" as 3 and fails on "²": digits 0-9 only
        raise argparse.ArgumentTypeError(f"bukan bilangan bulat (angka 0-9): {text[:40]!r}")
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"bukan bilangan bulat: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"harus 0 atau lebih: {text!r}")
    if value > MAX_COUNT:  # SQLite integers stop at 2**63
        raise argparse.ArgumentTypeError(f"terlalu besar (maksimal {MAX_COUNT}): {text[:40]!r}")
    return value


def _check_text(argv: list[str]) -> None:
    """Bytes that are not UTF-8 arrive as lone surrogates (U+DC80-U+DCFF): no record may hold them."""
    for arg in argv:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            shown = arg.encode("utf-8", "backslashreplace").decode("ascii", "backslashreplace")
            raise ArgumentError(f"Argumen '{shown[:80]}' bukan teks UTF-8 yang sah") from None


def build_parser() -> argparse.ArgumentParser:
    from sopdesk.cli import commands as c

    parser = _Parser(prog="sopdesk", description="SOP kantor KPU sebagai alur kerja luring.")
    parser.add_argument("--version", action="version", version=f"sopdesk {__version__}")
    parser.add_argument("--db", metavar="URL", help="alamat basis data SQLAlchemy "
                        "(bawaan: berkas SQLite di folder data; juga SOPDESK_DB)")
    parser.add_argument("--data-dir", metavar="DIR", type=Path,
                        help="folder data (basis data, lampiran, cadangan; juga SOPDESK_DATA_DIR)")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    acting = _Parser(add_help=False)
    acting.add_argument("--as", dest="actor", metavar="USER", required=True,
                        help="pengguna yang bertindak (kata sandi dari SOPDESK_PASSWORD atau ditanya)")
    listing = _Parser(add_help=False)
    listing.add_argument("--json", action="store_true", help="keluaran JSON")

    p = sub.add_parser("gui", help="buka aplikasi desktop (bawaan)")
    p.add_argument("--smoke-test", action="store_true",
                   help="uji mulai (mis. paket baru di PC kantor): buka jendela utama pada kantor contoh, "
                        "tunggu Kotak Masuk tampil, lalu keluar dengan kode 0")
    p.set_defaults(func=c.gui)

    p = sub.add_parser("setup", help="penyiapan pertama: kantor dan administrator")
    p.add_argument("--office", required=True, help="nama kantor")
    p.add_argument("--timezone", required=True, choices=["WIB", "WITA", "WIT"])
    p.add_argument("--admin", required=True, help="nama pengguna administrator")
    p.add_argument("--address", help="alamat kantor (kop surat)")
    p.set_defaults(func=c.setup)

    p = sub.add_parser("connect", help="hubungkan meja ini ke server basis data kantor (disimpan per PC)")
    p.add_argument("url", nargs="?", metavar="URL",
                   help="mis. postgresql+psycopg://sopdesk@server/sopdesk (tanpa kata sandi: kata sandi "
                   "ditanya atau dari SOPDESK_DB_PASSWORD); tanpa URL: tampilkan basis data meja ini")
    p.add_argument("--local", action="store_true", help="kembali ke berkas SQLite di folder data")
    p.add_argument("--no-check", action="store_true", help="simpan tanpa mencoba koneksinya")
    p.set_defaults(func=c.connect, needs_db=False)

    cat = sub.add_parser("catalog", help="katalog SOP").add_subparsers(
        dest="catalog_command", required=True, parser_class=_Parser)
    p = cat.add_parser("list", parents=[listing], help="daftar SOP")
    p.set_defaults(func=c.catalog_list, needs_db=False)
    p = cat.add_parser("show", parents=[listing], help="isi satu SOP")
    p.add_argument("sop_id")
    p.set_defaults(func=c.catalog_show, needs_db=False)
    p = cat.add_parser("validate", help="periksa berkas katalog")
    p.add_argument("paths", nargs="+", type=Path)
    p.set_defaults(func=c.catalog_validate, needs_db=False)
    # issue #13: the office's own SOPs
    from sopdesk.cli import catalog_commands as cc

    p = cat.add_parser("add", parents=[acting, listing],
                       help="tambah SOP ke katalog kantor (admin): diperiksa terhadap katalog terpasang")
    p.add_argument("paths", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="hanya periksa, jangan pasang")
    p.set_defaults(func=cc.catalog_add)
    p = cat.add_parser("disable", parents=[acting],
                       help="nonaktifkan SOP (admin): tidak ada kasus baru; kasus berjalan tetap dapat diselesaikan")
    p.add_argument("sop_id")
    p.add_argument("--reason", help="alasan (dicatat di log audit)")
    p.set_defaults(func=cc.catalog_disable)
    p = cat.add_parser("enable", parents=[acting], help="aktifkan kembali SOP yang nonaktif (admin)")
    p.add_argument("sop_id")
    p.set_defaults(func=cc.catalog_enable)
    p = cat.add_parser("doors", parents=[listing],
                       help="keperluan tamu dan jenis surat masuk yang memulai kasus, menurut katalog")
    p.set_defaults(func=cc.catalog_doors)

    users = sub.add_parser("user", help="akun pengguna").add_subparsers(
        dest="user_command", required=True, parser_class=_Parser)
    p = users.add_parser("add", parents=[acting], help="tambah pengguna (admin)")
    p.add_argument("username")
    p.add_argument("--role", action="append", default=[], help="peran (boleh berulang)")
    p.add_argument("--full-name")
    p.add_argument("--admin", action="store_true", help="jadikan administrator")
    p.set_defaults(func=c.user_add)
    p = users.add_parser("list", parents=[acting, listing], help="daftar pengguna")
    p.set_defaults(func=c.user_list)

    vis = sub.add_parser("visitor", help="meja layanan: tamu dan pemohon").add_subparsers(
        dest="visitor_command", required=True, parser_class=_Parser)
    p = vis.add_parser("register", parents=[acting, listing], help="catat tamu/pemohon")
    p.add_argument("--name", required=True)
    p.add_argument("--purpose", required=True,
                   help="keperluan: yang memulai kasus menurut katalog (permohonan_informasi ...; "
                   "lihat 'sopdesk catalog doors') | bertamu | pengaduan | konsultasi | lainnya")
    for flag in ("id-number", "institution", "occupation", "address", "phone", "email",
                 "purpose-text", "info", "info-use", "obtain", "delivery", "directed-to"):
        p.add_argument(f"--{flag}")
    p.set_defaults(func=c.visitor_register)
    p = vis.add_parser("list", parents=[acting, listing], help="tamu pada satu tanggal")
    p.add_argument("--date", help="YYYY-MM-DD (bawaan: hari ini)")
    p.add_argument("--search", type=_search_text)
    p.set_defaults(func=c.visitor_list)

    case = sub.add_parser("case", help="kasus").add_subparsers(
        dest="case_command", required=True, parser_class=_Parser)
    p = case.add_parser("start", parents=[acting, listing], help="mulai kasus")
    p.add_argument("sop_id")
    p.add_argument("--entry")
    p.add_argument("--title", required=True)
    p.add_argument("--requester")
    p.set_defaults(func=c.case_start)
    p = case.add_parser("show", parents=[acting, listing], help="rincian kasus")
    p.add_argument("case_no")
    p.set_defaults(func=c.case_show)
    p = case.add_parser("complete", parents=[acting, listing], help="selesaikan kegiatan")
    p.add_argument("case_no")
    p.add_argument("--step", type=int)
    p.add_argument("--check", action="append", default=[], metavar="ITEM",
                   help="kelengkapan yang ada (teks atau nomor urut)")
    p.add_argument("--attach", action="append", default=[], metavar="ITEM=FILE",
                   help="pindaian untuk satu kelengkapan")
    p.add_argument("--output", action="append", default=[], metavar="NAME=NOMOR",
                   help="output dengan nomor dokumennya (NAME: teks atau nomor urut)")
    p.add_argument("--output-date", action="append", default=[], metavar="NAME=YYYY-MM-DD")
    p.add_argument("--output-file", action="append", default=[], metavar="NAME=FILE")
    p.add_argument("--choice", help="pilihan keputusan (mis. Ya / Tidak)")
    p.add_argument("--note")
    p.add_argument("--atas-nama", dest="on_behalf", action="store_true",
                   help="kegiatan pihak luar (mis. Pemohon): dicatat atas namanya")
    p.add_argument("--lewati-tunggu", dest="override_reason", metavar="ALASAN",
                   help="administrator: selesaikan sebelum masa tunggu berakhir, dengan alasan")
    p.set_defaults(func=c.case_complete)
    p = case.add_parser("extend", parents=[acting, listing],
                        help="perpanjang tenggat kasus (sesuai SOP, dengan alasan dan surat pemberitahuan)")
    p.add_argument("case_no")
    p.add_argument("--tenggat", metavar="KODE", help="kode tenggat (bawaan: satu-satunya yang dapat diperpanjang)")
    p.add_argument("--reason", required=True, help="alasan perpanjangan")
    p.add_argument("--notice-number", metavar="NOMOR", help="nomor surat pemberitahuan perpanjangan")
    p.set_defaults(func=c.case_extend)
    p = case.add_parser("return", parents=[acting], help="kembalikan ke kegiatan sebelumnya")
    p.add_argument("case_no")
    p.add_argument("--to", type=int, required=True)
    p.add_argument("--reason", required=True)
    p.set_defaults(func=c.case_return)
    p = case.add_parser("cancel", parents=[acting], help="batalkan kasus")
    p.add_argument("case_no")
    p.add_argument("--reason", required=True)
    p.set_defaults(func=c.case_cancel)
    for name, text in (("claim", "ambil kegiatan"), ("release", "lepas kegiatan")):
        p = case.add_parser(name, parents=[acting], help=text)
        p.add_argument("case_no")
        p.set_defaults(func=getattr(c, f"case_{name}"))
    p = case.add_parser("assign", parents=[acting], help="alihkan kegiatan ke pengguna lain")
    p.add_argument("case_no")
    p.add_argument("--to", required=True, metavar="USER")
    p.set_defaults(func=c.case_assign)

    p = sub.add_parser("inbox", parents=[acting, listing], help="kotak masuk")
    p.add_argument("--role", action="append", help="peran (bawaan: semua peran pengguna)")
    p.add_argument("--mine", action="store_true", help="hanya yang diambil/dialihkan ke saya")
    p.add_argument("--overdue", action="store_true", help="hanya yang terlambat")
    p.add_argument("--sop")
    p.add_argument("--search", type=_search_text)
    p.add_argument("--sort", default="due", choices=["due", "since", "case", "sop", "step", "title"])
    p.add_argument("--desc", action="store_true")
    p.add_argument("--limit", type=_positive_int, default=50)
    p.add_argument("--offset", type=_positive_int, default=0)
    p.set_defaults(func=c.inbox)

    hol = sub.add_parser("holiday", help="hari libur kantor (di luar libur nasional)").add_subparsers(
        dest="holiday_command", required=True, parser_class=_Parser)
    p = hol.add_parser("add", parents=[acting], help="tambah hari libur kantor (admin)")
    p.add_argument("date", help="YYYY-MM-DD")
    p.add_argument("name", help="keterangan, mis. 'HUT Kota Kupang'")
    p.set_defaults(func=c.holiday_add)
    p = hol.add_parser("list", parents=[acting, listing], help="hari libur (nasional, cuti bersama, kantor)")
    p.add_argument("--year", type=int)
    p.set_defaults(func=c.holiday_list)

    _letter_parsers(sub, acting, listing)

    p = sub.add_parser("demo", help="isi data contoh yang realistis")
    p.add_argument("--cases", type=_positive_int, default=500)
    p.add_argument("--seed", type=int, default=1)
    p.set_defaults(func=c.demo)

    reports = sub.add_parser("report", help="cetak PDF: SOP, lembar kendali, buku tamu, tanda bukti, kinerja, "
                             "buku ekspedisi, lembar disposisi"
                             ).add_subparsers(dest="report_command", required=True, parser_class=_Parser)
    pdf = _Parser(add_help=False, parents=[acting])  # every printout shows office data: a login
    pdf.add_argument("-o", "--output", required=True, type=Path, metavar="FILE", help="berkas PDF yang ditulis")
    pdf.add_argument("--paper", default="A4", type=str.upper, choices=["A4", "F4"],
                     help="ukuran kertas: A4 atau F4 (215 x 330 mm); bawaan A4")
    period = _Parser(add_help=False)
    period.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD", help="tanggal awal")
    period.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD", help="tanggal akhir (ikut)")
    p = reports.add_parser("sop", parents=[pdf], help="SOP: halaman identitas dan bagan alir")
    p.add_argument("sop_id")
    p.add_argument("--revisi", type=_positive_int, help="revisi tersimpan (bawaan: revisi katalog)")
    p.set_defaults(func=c.report_sop)
    p = reports.add_parser("case", parents=[pdf], help="lembar kendali kasus")
    p.add_argument("case_no")
    p.set_defaults(func=c.report_case)
    p = reports.add_parser("visitors", parents=[pdf, period],
                           help="buku tamu / register permohonan informasi (data pribadi: Help Desk atau admin)")
    p.set_defaults(func=c.report_visitors)
    p = reports.add_parser("receipt", parents=[pdf],
                           help="tanda bukti permohonan untuk satu tamu (Help Desk atau admin)")
    p.add_argument("visitor_id", type=_positive_int)
    p.set_defaults(func=c.report_receipt)
    p = reports.add_parser("performance", parents=[pdf, period], help="laporan kinerja terhadap mutu baku")
    p.add_argument("sop_id")
    p.set_defaults(func=c.report_performance)
    p = reports.add_parser("expedition", parents=[pdf, period], help="buku ekspedisi untuk rentang tanggal kirim")
    p.add_argument("--pending", action="store_true", help="hanya yang belum diterima")
    p.set_defaults(func=c.report_expedition)
    p = reports.add_parser("disposition", parents=[pdf], help="lembar disposisi satu surat masuk")
    p.add_argument("agenda", metavar="SM/TAHUN/NOMOR", help="nomor agenda surat masuk")
    p.set_defaults(func=c.report_disposition)

    p = sub.add_parser("backup", parents=[acting], help="buat cadangan: basis data, lampiran, manifest (admin)")
    p.add_argument("-o", "--output", metavar="FILE_OR_DIR", type=Path,
                   help="folder tujuan atau nama berkas .zip (bawaan: folder cadangan di pengaturan)")
    p.set_defaults(func=c.backup)
    p = sub.add_parser("restore", help="pulihkan data dari berkas cadangan (admin)")
    p.add_argument("file", type=Path, help="berkas sopdesk-cadangan-*.zip")
    p.add_argument("--as", dest="actor", metavar="USER",
                   help="administrator yang bertindak (wajib bila basis data sekarang berisi data; "
                        "bila basis data sekarang rusak: administrator di cadangan itu)")
    p.add_argument("--yes", action="store_true", help="tanpa pertanyaan konfirmasi")
    p.add_argument("--kantor-lain", dest="other_office", action="store_true",
                   help="izinkan cadangan kantor lain (tetap harus mengetik nama kantornya)")
    p.set_defaults(func=c.restore)
    p = sub.add_parser("transfer", parents=[acting],
                       help="pindahkan seluruh data kantor ke basis data lain yang kosong (admin)")
    p.add_argument("--to", dest="target", required=True, metavar="URL",
                   help="basis data tujuan yang kosong: postgresql+psycopg://PENGGUNA@SERVER/NAMA, "
                        "atau sqlite:////FOLDER/sopdesk.sqlite3 (lampiran ke FOLDER/lampiran)")
    p.set_defaults(func=c.transfer)
    p = sub.add_parser("check", parents=[listing],
                       help="periksa keutuhan basis data, lampiran, catatan dan rantai audit")
    p.add_argument("--acknowledge", action="store_true",
                   help="administrator: temuan perubahan di luar sopdesk sudah dilihat (dicatat di log "
                        "audit); tindakan diizinkan lagi")
    p.add_argument("--as", dest="actor", metavar="USER", help="administrator untuk --acknowledge")
    p.set_defaults(func=c.check)
    return parser


def _letter_parsers(sub, acting: argparse.ArgumentParser, listing: argparse.ArgumentParser) -> None:  # noqa: ANN001
    """letter in/out/list/show/dispose/units/settings/correct/void and expedition
    list/received/correct/void."""
    from sopdesk.cli import commands as c

    paging = _Parser(add_help=False)
    paging.add_argument("--search", type=_search_text)
    paging.add_argument("--limit", type=_positive_int, default=500)
    paging.add_argument("--offset", type=_positive_int, default=0)

    letter = sub.add_parser("letter", help="agenda surat masuk dan surat keluar, disposisi").add_subparsers(
        dest="letter_command", required=True, parser_class=_Parser)
    p = letter.add_parser("in", parents=[acting, listing], help="catat surat masuk")
    p.add_argument("--sender", required=True, help="pengirim")
    p.add_argument("--subject", required=True, help="perihal")
    p.add_argument("--number", help="nomor surat")
    p.add_argument("--date", help="tanggal surat YYYY-MM-DD")
    p.add_argument("--received", help="waktu diterima YYYY-MM-DD[THH:MM] waktu kantor (bawaan: sekarang)")
    p.add_argument("--classification", help="kode klasifikasi")
    p.add_argument("--sifat", default="biasa", help="biasa | segera | rahasia")
    p.add_argument("--starts", help="memulai kasus: jenis surat menurut katalog (permohonan_informasi, "
                   "usulan_paw ...; lihat 'sopdesk catalog doors')")
    p.add_argument("--case", help="kasus yang sudah ada tempat surat ini masuk")
    p.add_argument("--scan", type=Path, help="pindaian surat")
    p.set_defaults(func=c.letter_in)
    p = letter.add_parser("out", parents=[acting, listing], help="catat surat keluar (diberi nomor)")
    p.add_argument("--recipient", required=True, help="tujuan surat")
    p.add_argument("--subject", required=True, help="perihal")
    p.add_argument("--classification", help="kode klasifikasi (bawaan: dari pengaturan)")
    p.add_argument("--number", help="nomor yang sudah ditulis (bawaan: nomor berikutnya menurut pola)")
    p.add_argument("--date", help="tanggal surat YYYY-MM-DD (bawaan: hari ini)")
    p.add_argument("--case", help="kasus yang menghasilkan surat ini")
    p.add_argument("--step", type=_positive_int, help="kegiatan kasus yang menghasilkan surat ini")
    p.add_argument("--recipient-name", help="nama penerima (buku ekspedisi)")
    p.add_argument("--no-expedition", action="store_true", help="jangan catat di buku ekspedisi")
    p.set_defaults(func=c.letter_out)
    p = letter.add_parser("list", parents=[acting, listing, paging], help="agenda surat")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--in", dest="incoming", action="store_true", help="hanya surat masuk")
    which.add_argument("--out", dest="outgoing", action="store_true", help="hanya surat keluar")
    p.add_argument("--year", type=_positive_int)
    p.set_defaults(func=c.letter_list)
    p = letter.add_parser("show", parents=[acting, listing], help="surat masuk atau kasus dengan lembar disposisinya")
    p.add_argument("target", metavar="SM/TAHUN/NOMOR|KASUS")
    p.set_defaults(func=c.letter_show)
    p = letter.add_parser("dispose", parents=[acting, listing], help="lembar disposisi")
    p.add_argument("target", metavar="SM/TAHUN/NOMOR|KASUS")
    p.add_argument("--to", nargs="+", action="extend", required=True, metavar="UNIT_KODE",
                   help="unit tujuan (kode di direktori organisasi; lihat 'letter units')")
    p.add_argument("--instruction", required=True, help="isi disposisi")
    p.add_argument("--choice", help="pilihan, bila kegiatan disposisinya keputusan")
    p.add_argument("--no-route", action="store_true", help="catat saja, jangan teruskan kasus")
    p.set_defaults(func=c.letter_dispose)
    p = letter.add_parser("units", parents=[listing], help="unit tujuan disposisi (direktori organisasi)")
    p.set_defaults(func=c.letter_units, needs_db=False)
    p = letter.add_parser("settings", parents=[acting, listing], help="pola nomor surat keluar (ubah: admin)")
    p.add_argument("--pattern", help="mis. '{seq}/{klasifikasi}/{kode_kantor}/{bulan_romawi}/{tahun}'")
    p.add_argument("--office-code", help="kode kantor, mis. 5371 atau '5371/KPU-Kot'")
    p.add_argument("--classification", help="klasifikasi bawaan surat keluar dari kegiatan SOP")
    p.add_argument("--sop-classification", action="append", default=[], metavar="SOP=KODE",
                   help="klasifikasi untuk surat dari satu SOP (kosong: hapus)")
    for flag, duty in (("registrar", "mencatat surat masuk dan keluar"), ("disposer", "membuat disposisi"),
                       ("expedition", "mencatat tanda terima ekspedisi")):
        p.add_argument(f"--{flag}-role", action="append", default=[], metavar="PERAN",
                       help=f"peran yang boleh {duty} (boleh berulang; menggantikan daftar sekarang)")
    p.set_defaults(func=c.letter_settings)
    p = letter.add_parser("correct", parents=[acting, listing],
                          help="koreksi surat masuk (SM/TAHUN/NOMOR) atau surat keluar (nomornya); oleh pencatat/admin")
    p.add_argument("target", metavar="SM/TAHUN/NOMOR|NOMOR_SURAT_KELUAR")
    p.add_argument("--reason", required=True, help="alasan koreksi (wajib)")
    p.add_argument("--sender", help="pengirim (surat masuk)")
    p.add_argument("--recipient", help="tujuan (surat keluar)")
    p.add_argument("--subject", help="perihal")
    p.add_argument("--number", help="nomor surat")
    p.add_argument("--date", help="tanggal surat YYYY-MM-DD")
    p.add_argument("--sifat", help="biasa | segera | rahasia (surat masuk)")
    p.add_argument("--classification", help="kode klasifikasi")
    p.set_defaults(func=c.letter_correct)
    p = letter.add_parser("void", parents=[acting, listing],
                          help="batalkan surat (nomornya tetap terpakai); oleh pencatat/admin")
    p.add_argument("target", metavar="SM/TAHUN/NOMOR|NOMOR_SURAT_KELUAR")
    p.add_argument("--reason", required=True, help="alasan pembatalan (wajib)")
    p.set_defaults(func=c.letter_void)

    exp = sub.add_parser("expedition", help="buku ekspedisi").add_subparsers(
        dest="expedition_command", required=True, parser_class=_Parser)
    p = exp.add_parser("list", parents=[acting, listing, paging], help="isi buku ekspedisi")
    p.add_argument("--from", dest="start", help="dikirim sejak YYYY-MM-DD")
    p.add_argument("--to", dest="end", help="dikirim sampai YYYY-MM-DD")
    p.add_argument("--pending", action="store_true", help="hanya yang belum diterima")
    p.set_defaults(func=c.expedition_list)
    p = exp.add_parser("received", parents=[acting], help="catat tanda terima yang sudah ditandatangani")
    p.add_argument("id", type=_positive_int, help="nomor ekspedisi")
    p.add_argument("--date", help="diterima YYYY-MM-DD[THH:MM] waktu kantor (bawaan: sekarang)")
    p.add_argument("--signed-by", required=True, help="nama yang menandatangani")
    p.add_argument("--scan", type=Path, help="pindaian tanda terima yang ditandatangani")
    p.set_defaults(func=c.expedition_received)
    p = exp.add_parser("correct", parents=[acting, listing], help="koreksi entri buku ekspedisi; oleh pencatat/admin")
    p.add_argument("id", type=_positive_int, help="nomor ekspedisi")
    p.add_argument("--reason", required=True, help="alasan koreksi (wajib)")
    p.add_argument("--number", help="nomor surat")
    p.add_argument("--subject", help="perihal")
    p.add_argument("--destination", help="tujuan")
    p.add_argument("--recipient-name", help="nama penerima")
    p.add_argument("--signed-by", help="yang menandatangani tanda terima (entri yang sudah diterima)")
    p.set_defaults(func=c.expedition_correct)
    p = exp.add_parser("void", parents=[acting, listing], help="batalkan entri buku ekspedisi; oleh pencatat/admin")
    p.add_argument("id", type=_positive_int, help="nomor ekspedisi")
    p.add_argument("--reason", required=True, help="alasan pembatalan (wajib)")
    p.set_defaults(func=c.expedition_void)


def wants_version(argv: list[str]) -> bool:
    """`--version` among the global options (before any command): answered without building
    the parser, which imports every command's module."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--version":
            return True
        elif arg in GLOBAL_OPTIONS_WITH_VALUE:
            skip = True
        elif not arg.startswith(tuple(f"{option}=" for option in GLOBAL_OPTIONS_WITH_VALUE)):
            return False
    return False


def gui_request(argv: list[str]) -> tuple[str | None, str | None] | None:
    """(--data-dir, --db) when the command line asks for the desktop program and nothing else
    (`sopdesk`, `sopdesk --data-dir DIR gui`): started without building the parser, which
    imports every command's module. None otherwise (the parser handles it, --help included)."""
    values: dict[str, str | None] = dict.fromkeys(GLOBAL_OPTIONS_WITH_VALUE)
    args = list(argv)
    if args and args[-1] == "gui":
        args.pop()
    while args:
        arg = args.pop(0)
        option, equals, value = arg.partition("=")
        if option not in values:
            return None
        if not equals:
            if not args or args[0].startswith("-") or args[0] == "gui":
                return None
            value = args.pop(0)
        values[option] = value
    return values["--data-dir"], values["--db"]


def _setup_logging() -> Path:
    from sopdesk.logfile import private_log_handler
    from sopdesk.paths import default_log_dir

    for handler in list(log.handlers):  # main() may run several times in one process (tests)
        log.removeHandler(handler)
        handler.close()
    handler, path = private_log_handler(default_log_dir())  # 0700 folder, 0600 file, redacted
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def _catalog_problems(exc: Exception) -> list | None:
    """The problems of a CatalogError, or None; the catalog module is only looked at when a
    command imported it (no catalog error can come from a command that did not)."""
    catalog = sys.modules.get("sopdesk.catalog.loader")
    if catalog is not None and isinstance(exc, catalog.CatalogError):
        return exc.problems
    return None


# SQLite's primary result codes for a file that is no database / a damaged one
_SQLITE_NOTADB, _SQLITE_CORRUPT = 26, 11


def _unreadable_database(exc: Exception) -> str | None:
    """The message for a --db / data file that is not a SQLite database or is damaged beyond
    opening (SQLITE_NOTADB, SQLITE_CORRUPT), else None. SQLAlchemy is only looked at when a
    command imported it."""
    sa_exc = sys.modules.get("sqlalchemy.exc")
    if sa_exc is None or not isinstance(exc, sa_exc.DatabaseError):
        return None
    code = getattr(exc.orig, "sqlite_errorcode", None)
    text = str(exc.orig).lower()
    if (code is not None and code & 0xFF == _SQLITE_NOTADB) or "file is not a database" in text:
        return ("Berkas basis data bukan basis data SQLite sopdesk (atau rusak berat): periksa --db / "
                "--data-dir, atau pulihkan dari cadangan ('sopdesk restore')")
    if (code is not None and code & 0xFF == _SQLITE_CORRUPT) or "malformed" in text:
        return ("Basis data rusak dan tidak dapat dibaca: jalankan 'sopdesk check', lalu pulihkan dari "
                "cadangan yang utuh ('sopdesk restore')")
    return None


def _desktop(data_dir: str | None, url: str | None) -> int:
    from sopdesk.paths import default_data_dir

    try:
        from sopdesk.gui.start import run
    except ImportError as exc:
        raise UserError(f"Antarmuka desktop tidak dapat dimuat ({exc})") from None
    return run(Path(data_dir) if data_dir else default_data_dir(), url)


def main(argv: list[str] | None = None) -> int:
    """Run one command with a private umask (a backstop: whatever a library writes, PDFs or
    SQLite's -wal/-shm, is 0600), restored afterwards for a caller that runs several."""
    import os

    from sopdesk.private_files import restrict_umask

    old_umask = restrict_umask()
    try:
        return _main(argv)
    finally:
        os.umask(old_umask)


def _main(argv: list[str] | None) -> int:
    if wants_version(sys.argv[1:] if argv is None else argv):
        print(f"sopdesk {__version__}")
        return 0
    log_file = _setup_logging()
    try:
        _check_text(sys.argv[1:] if argv is None else argv)
        desktop = gui_request(sys.argv[1:] if argv is None else argv)
        if desktop is not None:
            return _desktop(*desktop)
        args = build_parser().parse_args(argv)
        if args.command is None:
            from sopdesk.cli import commands

            args.func = commands.gui
        if not args.data_dir:
            from sopdesk.paths import default_data_dir

            args.data_dir = default_data_dir()
        return args.func(args) or 0
    except UserError as exc:
        print(f"sopdesk: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, ArgumentError) else 1
    except BrokenPipeError:  # the output was piped into `head` or a closed pager: not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("sopdesk: Dibatalkan", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug (or a broken catalog): log the traceback, tell the user where it is
        problems = _catalog_problems(exc)
        if problems is not None:
            for problem in problems:
                print(f"sopdesk: {problem}", file=sys.stderr)
            return 1
        unreadable = _unreadable_database(exc)
        if unreadable is not None:
            log.error("basis data tidak terbaca: %s", unreadable)
            print(f"sopdesk: {unreadable}", file=sys.stderr)
            return 1
        log.exception("unexpected error")
        print(f"sopdesk: Terjadi kesalahan internal; rinciannya dicatat di {log_file}",
              file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
