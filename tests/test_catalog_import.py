"""Issue #13: an office brings its own SOP. Through the command line: an SOP that is not one of
the five (tests/fixtures/catalog/sop_layanan_arsip.yaml) is added with `catalog add`, started
from the front doors it declares (a visitor purpose, a kind of incoming letter) by a registrar
role of the office's own ("Petugas TU"), its outputs do what their declared kinds say, and a
broken file beside it stops nothing. Clashes and revisions are refused, SOPs are switched off
and on, and only administrators may do any of it."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
import yaml
from helpers.cli_env import cli_runner, own_log_handlers, set_cli_environment
from sqlalchemy import select

from sopdesk.catalog import CatalogError
from sopdesk.catalog.yaml_reader import NoAliasLoader as CatalogLoader  # "no" is a key, not a boolean
from sopdesk.engine import accounts, catalog_admin
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import PermissionRefused
from sopdesk.store.models import AuditEvent, SopRevision

PASSWORD = "sandi-kantor-123"
FIXTURE = Path(__file__).parent / "fixtures" / "catalog" / "sop_layanan_arsip.yaml"
ARS = re.compile(r"\bARS/\d{4}/\d{4}\b")
BROKEN = "jenis: sop\nkode: DRAF\nkegiatan: [\n"  # a draft left half-written
pytestmark = pytest.mark.both_stores  # the CLI tests run on SQLite and on PostgreSQL


@pytest.fixture
def env(tmp_path, monkeypatch, db_url):
    data = set_cli_environment(monkeypatch, tmp_path, PASSWORD)
    with own_log_handlers():
        yield data


@pytest.fixture
def run(env, capsys):
    return cli_runner(capsys)


@pytest.fixture
def office(env, run):
    """An office with its administrator, a Kasubag and a Help Desk clerk (roles the bundled
    catalog knows); the archive's own roles come with its SOP."""
    ws = Workspace.open(env)
    try:
        admin = ws.setup("KPU Kabupaten Sumba Timur", "WITA", "admin", PASSWORD)
        accounts.add_user(ws, admin, "kasubag", PASSWORD, ["Kasubag"])
        accounts.add_user(ws, admin, "desk", PASSWORD, ["Help Desk"])
    finally:
        ws.close()
    return run


def ok(result: tuple[int, str, str]) -> str:
    code, out, err = result
    assert code == 0, err
    return out


def refused(result: tuple[int, str, str], *fragments: str) -> str:
    code, _out, err = result
    assert code == 1 and "Traceback" not in err
    for fragment in fragments:
        assert fragment in err, err
    return err


def variant(tmp_path: Path, name: str, **changes) -> Path:
    """A copy of the fixture with top-level keys or identity fields changed."""
    data = yaml.load(FIXTURE.read_text(encoding="utf-8"), Loader=CatalogLoader)  # noqa: S506 - safe
    for key, value in changes.items():
        if key in data["identitas"]:
            data["identitas"][key] = value
        else:
            data[key] = value
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def add_archive(run) -> None:
    preview = ok(run("catalog", "add", FIXTURE, "--dry-run", "--as", "admin"))
    assert "2. [Kasubag KUL] Memeriksa permohonan" in preview and "lanjut: Ya: 3, Tidak: 4" in preview
    assert "belum ditambahkan" in preview
    out = ok(run("catalog", "add", FIXTURE, "--as", "admin"))
    assert "SOP baru ARS revisi 1: Layanan Peminjaman Arsip" in out
    assert "peran baru" in out and "Arsiparis" in out and "Petugas TU" in out
    ok(run("user", "add", "tu", "--role", "Petugas TU", "--as", "admin"))
    ok(run("user", "add", "arsip", "--role", "Arsiparis", "--as", "admin"))


# --- the whole path ------------------------------------------------------------------------------

def test_an_office_sop_is_added_and_started_from_its_front_doors_beside_a_broken_file(office, env):
    add_archive(office)
    assert (env / "sop_catalog" / FIXTURE.name).read_text(encoding="utf-8") == FIXTURE.read_text(encoding="utf-8")
    (env / "sop_catalog" / "draf.yaml").write_text(BROKEN, encoding="utf-8")

    code, out, err = office("catalog", "doors")
    assert code == 0
    warnings = [line for line in err.splitlines() if "draf.yaml" in line]
    assert len(warnings) == 1 and "berkas tidak dipakai" in warnings[0] and "YAML tidak valid" in warnings[0]
    assert re.search(r"peminjaman_arsip\s+Peminjaman arsip\s+SOP ARS entri tamu", out)
    assert re.search(r"permohonan_arsip\s+Permohonan peminjaman arsip\s+SOP ARS entri surat", out)
    assert re.search(r"permohonan_informasi\s+Permohonan informasi publik\s+SOP PP entri tamu", out)

    # the visitor door: the Petugas TU keeps this SOP's desk; the registration does step 1
    out = ok(office("visitor", "register", "--name", "Budi Ratu", "--purpose", "peminjaman_arsip",
                    "--info", "SK penetapan DPT 2019", "--as", "tu"))
    visitor_case = ARS.search(out).group(0)
    shown = json.loads(ok(office("case", "show", visitor_case, "--json", "--as", "tu")))
    assert shown["title"] == "Peminjaman arsip: SK penetapan DPT 2019"
    assert [(i["step"], i["status"]) for i in shown["items"]] == [(1, "done"), (2, "open")]

    # the letter door: refused for the Petugas TU until the office says who registers letters
    letter = ("letter", "in", "--sender", "Universitas Kristen Wira Wacana", "--subject",
              "Peminjaman arsip Pemilu 2019", "--starts", "permohonan_arsip", "--as", "tu")
    refused(office(*letter), "tidak boleh mencatat surat masuk", "Help Desk / Staf / Kasubag")
    ok(office("letter", "settings", "--registrar-role", "Petugas TU", "--registrar-role", "Help Desk",
              "--as", "admin"))
    out = ok(office(*letter))
    letter_case = ARS.search(out).group(0)
    assert "SM/2026/0001" in out and "menunggu di kegiatan 2 (Kasubag)" in out
    assert "kasus PP" not in out

    # outputs do what their declared kinds say, whatever their names
    ok(office("case", "complete", letter_case, "--choice", "Ya", "--as", "kasubag"))
    out = ok(office("case", "complete", letter_case, "--as", "arsip"))  # kind ekspedisi: "Bukti serah arsip"
    assert "buku ekspedisi nomor 1" in out
    ok(office("case", "complete", visitor_case, "--choice", "Tidak", "--as", "kasubag"))
    lists = json.loads(ok(office("letter", "list", "--json", "--as", "admin")))
    assert lists["keluar"] == []  # "Surat permohonan asli dari peminjam" (dokumen) is no outgoing letter
    out = ok(office("case", "complete", visitor_case, "--output-date",  # step 4: kind surat_keluar
                    "Jawaban atas permohonan arsip=2026-12-02", "--as", "admin"))
    assert "Jawaban atas permohonan arsip: surat keluar nomor" in out
    [outgoing] = json.loads(ok(office("letter", "list", "--json", "--as", "admin")))["keluar"]
    assert outgoing["case_number"] == visitor_case

    # the broken draft never stopped anything, and `check` names it too
    code, _out, err = office("check")
    assert code == 0 and "draf.yaml: berkas tidak dipakai" in err


# --- what is refused -------------------------------------------------------------------------------

def test_a_kode_of_another_sop_or_of_a_register_is_refused(office, tmp_path, env):
    err = refused(office("catalog", "add", variant(tmp_path, "pp.yaml", kode="PP", revisi=9), "--as", "admin"),
                  "pp.yaml: kode: kode PP sudah dipakai oleh SOP lain")
    assert "Pelayanan Publik" in err
    refused(office("catalog", "add", variant(tmp_path, "sm.yaml", kode="SM"), "--as", "admin"),
            "sm.yaml: kode: kode SM sudah dipakai untuk nomor agenda surat masuk")
    clash = yaml.load(FIXTURE.read_text(encoding="utf-8"), Loader=CatalogLoader)["entri"]  # noqa: S506
    clash[0]["pintu"]["kode"] = "permohonan_informasi"
    refused(office("catalog", "add", variant(tmp_path, "pintu.yaml", entri=clash), "--as", "admin"),
            "entri tamu, pintu.kode: keperluan tamu 'permohonan_informasi' sudah memulai SOP PP")
    assert not (env / "sop_catalog").exists() or list((env / "sop_catalog").iterdir()) == []
    # nothing was installed: every command still runs without warnings
    code, _out, err = office("catalog", "list")
    assert code == 0 and err == ""


def test_a_new_revision_must_raise_revisi_and_cases_stay_pinned(office, tmp_path):
    add_archive(office)
    case = ARS.search(ok(office("case", "start", "ARS", "--entry", "tamu", "--title", "Pinjam arsip",
                                "--as", "tu"))).group(0)
    ok(office("catalog", "add", FIXTURE, "--as", "admin"))  # the same content again: nothing to do
    changed = variant(tmp_path, FIXTURE.name, nama_sop="Layanan Peminjaman dan Penyerahan Arsip")
    refused(office("catalog", "add", changed, "--as", "admin"),
            "SOP ARS revisi 1 sudah tersimpan dengan isi lain; naikkan nomor revisi")
    raised = variant(tmp_path, FIXTURE.name, nama_sop="Layanan Peminjaman dan Penyerahan Arsip", revisi=2)
    out = ok(office("catalog", "add", raised, "--as", "admin"))
    assert "revisi baru 2 dari SOP ARS (terpasang: revisi 1)" in out
    lower = variant(tmp_path, "lama.yaml", revisi=1, nama_sop="Layanan Arsip lama")
    refused(office("catalog", "add", lower, "--as", "admin"), "lama.yaml: revisi: SOP ARS revisi 1 sudah tersimpan")
    assert json.loads(ok(office("case", "show", case, "--json", "--as", "tu")))["revisi"] == 1
    new = ARS.search(ok(office("case", "start", "ARS", "--entry", "tamu", "--title", "Pinjam lagi",
                               "--as", "tu"))).group(0)
    assert json.loads(ok(office("case", "show", new, "--json", "--as", "tu")))["revisi"] == 2


def test_only_an_administrator_adds_or_switches_sops(office, env, clock):
    add_archive(office)
    refused(office("catalog", "add", FIXTURE, "--as", "kasubag"), "Hanya administrator")
    refused(office("catalog", "disable", "PP", "--as", "kasubag"), "Hanya administrator")
    ws = Workspace.open(env, clock=clock)
    try:
        kasubag = ws.login("kasubag", PASSWORD)
        with pytest.raises(PermissionRefused):
            catalog_admin.add_sops(ws, kasubag, [FIXTURE])
        with pytest.raises(PermissionRefused):
            catalog_admin.enable_sop(ws, kasubag, "ARS")
        with pytest.raises(CatalogError):  # an administrator gets the problems, not an install
            catalog_admin.add_sops(ws, ws.login("admin", PASSWORD), [env / "tidak-ada.yaml"])
    finally:
        ws.close()


def test_a_switched_off_sop_starts_nothing_and_its_cases_can_be_finished(office, env):
    add_archive(office)
    running = ARS.search(ok(office("visitor", "register", "--name", "Ani", "--purpose", "peminjaman_arsip",
                                   "--info", "Arsip 2014", "--as", "tu"))).group(0)
    ok(office("catalog", "disable", "ARS", "--reason", "Layanan arsip pindah ke kabupaten", "--as", "admin"))
    ok(office("catalog", "disable", "PP", "--as", "admin"))  # a bundled SOP, too
    refused(office("visitor", "register", "--name", "Ina", "--purpose", "peminjaman_arsip", "--info", "x",
                   "--as", "tu"), "Pilih keperluan")
    refused(office("case", "start", "ARS", "--title", "Baru", "--as", "tu"), "SOP ARS", "dinonaktifkan")
    refused(office("letter", "in", "--sender", "Pos Kupang", "--subject", "Data DPT", "--starts",
                   "permohonan_informasi", "--as", "desk"), "Surat dapat memulai")
    assert "[SOP nonaktif]" in ok(office("catalog", "doors"))
    ok(office("case", "complete", running, "--choice", "Ya", "--as", "kasubag"))  # the running case goes on
    assert json.loads(ok(office("case", "show", running, "--json", "--as", "tu")))["status"] == "open"
    ok(office("catalog", "enable", "ARS", "--as", "admin"))
    ok(office("visitor", "register", "--name", "Ina", "--purpose", "peminjaman_arsip", "--info", "x", "--as", "tu"))

    ws = Workspace.open(env)
    try:
        with ws.db.reading() as session:
            actions = [(a, json.loads(d).get("sop")) for a, d in session.execute(
                select(AuditEvent.action, AuditEvent.detail)
                .where(AuditEvent.action.in_(["catalog_added", "sop_disabled", "sop_enabled"]))
                .order_by(AuditEvent.id))]
            assert session.scalar(select(SopRevision.id).where(SopRevision.kode == "ARS")) is not None
    finally:
        ws.close()
    assert actions == [("catalog_added", "ARS"), ("sop_disabled", "ARS"), ("sop_disabled", "PP"),
                       ("sop_enabled", "ARS")]


# --- an older office database ------------------------------------------------------------------

def test_migration_0005_gives_the_stored_revisions_their_kinds_and_doors(tmp_path):
    """The cases pinned to a revision stored before issue #13 keep their letters: the stored
    content gets the kinds the names used to give, and PP/PAW their front doors."""
    fixture = Path(__file__).parent / "fixtures" / "schema_0004.sqlite3"
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copyfile(fixture, data_dir / "sopdesk.sqlite3")
    Workspace.open(data_dir).close()
    with closing(sqlite3.connect(data_dir / "sopdesk.sqlite3")) as conn:
        rows = {kode: json.loads(content) for kode, content in
                conn.execute("SELECT kode, content FROM sop_revision WHERE revisi = 1")}
    outputs = {o["nama"]: o["jenis"] for step in rows["PP"]["kegiatan"] for o in step["output"]}
    assert outputs["Surat Balasan"] == "surat_keluar" and outputs["Pengarsipan ekspedisi"] == "ekspedisi"
    assert outputs["Dispoisi Surat"] == "dokumen"
    doors = {e["kode"]: e["pintu"] for e in rows["PP"]["entri"]}
    assert doors["tamu"]["kode"] == "permohonan_informasi" and doors["surat"]["jenis"] == "surat"
    assert rows["PAW"]["entri"][0]["pintu"]["kode"] == "usulan_paw"


# --- the desktop: Katalog SOP -> Tambah SOP… ----------------------------------------------------

def test_tambah_sop_checks_previews_installs_and_switches_in_the_catalog_page(qtbot, ws, admin, make_user,
                                                                              monkeypatch, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QPushButton

    from sopdesk.gui.catalog_admin import AddSopDialog, catalog_banner
    from sopdesk.gui.catalog_page import CatalogPage
    from sopdesk.gui.context import GuiContext

    (ws.data_dir / "sop_catalog").mkdir(exist_ok=True)
    (ws.data_dir / "sop_catalog" / "draf.yaml").write_text(BROKEN, encoding="utf-8")
    ws.reload_catalog()  # the broken draft is left out, with one line in the banner
    ctx = GuiContext(ws, admin)
    banner = catalog_banner(ctx)
    assert not banner.isHidden() and banner.text().count("draf.yaml: berkas tidak dipakai") == 1

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    page = CatalogPage(ctx)
    qtbot.addWidget(page)
    assert page.add_button.isVisibleTo(page) and page.switch_button.isVisibleTo(page)

    # a file whose kode is taken: the dialog says why, previews it, and offers no install
    dialog = AddSopDialog(ctx, page, paths=[variant(tmp_path, "pp.yaml", kode="PP", revisi=9)])
    qtbot.addWidget(dialog)
    assert "kode PP sudah dipakai oleh SOP lain" in dialog.report.toPlainText()
    assert not dialog.install_button.isEnabled()

    seen = {}

    def click_install(dialog: AddSopDialog) -> int:
        seen["text"] = dialog.report.toPlainText()
        seen["preview"] = dialog.preview.sop.kode if dialog.preview.sop else None
        seen["enabled"] = dialog.install_button.isEnabled()
        qtbot.mouseClick(dialog.install_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(FIXTURE)], "")))
    monkeypatch.setattr(AddSopDialog, "exec", click_install)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert "SOP baru ARS revisi 1: Layanan Peminjaman Arsip" in seen["text"]
    assert seen["preview"] == "ARS" and seen["enabled"]
    assert "ARS" in ws.catalog.sops and (ws.data_dir / "sop_catalog" / FIXTURE.name).exists()
    assert page.select("ARS") and page.sop_title.text().startswith("ARS — Layanan Peminjaman Arsip")
    assert warnings == []

    # switched off from the page: the list says so, and the button switches it on again
    asked: list[list[str]] = []

    def give_reason(dialog: QInputDialog) -> int:
        asked.append(sorted(b.text() for b in dialog.findChildren(QPushButton)))
        dialog.setTextValue("tidak dipakai")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QInputDialog, "exec", give_reason)
    qtbot.mouseClick(page.switch_button, Qt.MouseButton.LeftButton)
    assert asked == [["Batal", "Nonaktifkan"]]  # Xvfb (h3): it said "OK"
    assert "ARS" in ws.disabled_sops()
    assert page.select("ARS") and page.list.currentItem().text(0).endswith("(nonaktif)")
    assert page.switch_button.text() == "Aktifkan"
    qtbot.mouseClick(page.switch_button, Qt.MouseButton.LeftButton)
    assert "ARS" not in ws.disabled_sops()

    # not an administrator: no buttons, and the engine refuses the install when forced
    clerk = make_user("clerk", "Kasubag")
    clerk_ctx = GuiContext(ws, clerk)
    clerk_page = CatalogPage(clerk_ctx)
    qtbot.addWidget(clerk_page)
    assert not clerk_page.add_button.isVisibleTo(clerk_page)
    forced = AddSopDialog(clerk_ctx, clerk_page, paths=[variant(tmp_path, "ars2.yaml", revisi=2)])
    qtbot.addWidget(forced)
    forced.install()
    assert warnings and "Hanya administrator" in warnings[-1]
    assert ws.catalog.sops["ARS"].revisi == 1


# --- the catalog as a whole, on loading --------------------------------------------------------

def test_conflicting_office_files_are_left_out_with_one_warning_each(tmp_path):
    from sopdesk.catalog import bundled_catalog_dir, load_catalog

    office = tmp_path / "sop_catalog"
    office.mkdir()
    variant(office, "agenda.yaml", kode="SM")
    doors = yaml.load(FIXTURE.read_text(encoding="utf-8"), Loader=CatalogLoader)["entri"]  # noqa: S506
    doors[1]["pintu"]["kode"] = "usulan_paw"
    variant(office, "pintu.yaml", kode="ARSIP", entri=doors)
    (office / "draf.yaml").write_text(BROKEN, encoding="utf-8")
    shutil.copyfile(FIXTURE, office / "arsip.yaml")
    catalog = load_catalog([bundled_catalog_dir(), office], tolerant=True)
    assert sorted(p.file for p in catalog.left_out) == ["agenda.yaml", "draf.yaml", "pintu.yaml"]
    [pintu] = [str(p) for p in catalog.left_out if p.file == "pintu.yaml"]
    assert "keperluan tamu 'peminjaman_arsip' sudah memulai SOP ARS (arsip.yaml)" in pintu  # the first problem
    assert "(dan 1 masalah lain" in pintu  # its letter door is PAW's
    assert "ARS" in catalog.sops and "SM" not in catalog.sops and "ARSIP" not in catalog.sops
    assert catalog.door("surat", "usulan_paw")[0].kode == "PAW"
    with pytest.raises(CatalogError):
        load_catalog([bundled_catalog_dir(), office])  # strict, as `catalog validate` wants it


def test_the_help_desk_offers_the_visitor_doors_of_the_installed_catalog(qtbot, ws, admin, make_user):
    from sopdesk.gui.context import GuiContext
    from sopdesk.gui.helpdesk import HelpDeskPage
    from sopdesk.store.models import Case

    catalog_admin.add_sops(ws, admin, [FIXTURE])
    ctx = GuiContext(ws, make_user("tu", "Petugas TU"))
    page = HelpDeskPage(ctx)
    qtbot.addWidget(page)
    combo = page.fields["purpose"]
    codes = [combo.itemData(i) for i in range(combo.count())]
    assert codes == ["peminjaman_arsip", "permohonan_informasi", "bertamu", "pengaduan", "konsultasi", "lainnya"]
    page.fields["name"].setText("Budi Ratu")
    combo.setCurrentIndex(codes.index("peminjaman_arsip"))
    assert page.fields["info_requested"].isVisibleTo(page)  # a door: what is asked titles the case
    page.fields["info_requested"].setPlainText("SK penetapan DPT 2019")
    assert page.save()
    with ws.db.reading() as session:
        [(number, title)] = session.execute(select(Case.number, Case.title).where(Case.sop_kode == "ARS")).all()
    assert title == "Peminjaman arsip: SK penetapan DPT 2019" and number in page.status_text()

    catalog_admin.disable_sop(ws, admin, "ARS")
    switched = HelpDeskPage(ctx)
    qtbot.addWidget(switched)
    combo = switched.fields["purpose"]
    assert "peminjaman_arsip" not in [combo.itemData(i) for i in range(combo.count())]


def test_an_sop_added_on_one_desk_is_installed_on_the_other_desks(ws, admin, data_dir, db_url, tmp_path, clock):
    """Several desks share one database, each with its own data folder: the SOP one desk added
    is used on the others too, and written into their office folder once."""
    from sopdesk.store.db import DB_FILE

    catalog_admin.add_sops(ws, admin, [FIXTURE])
    other_dir = tmp_path / "meja-2"
    other_dir.mkdir(mode=0o700)
    url = db_url or f"sqlite:///{data_dir / DB_FILE}"
    for _ in range(2):  # the first start writes the copy, the second reads it as a file
        other = Workspace.open(other_dir, url=url, clock=clock)
        try:
            assert other.catalog.left_out == []
            sop = other.catalog.sop("ARS")
            assert sop.model_dump_json() == ws.catalog.sop("ARS").model_dump_json()
            assert other.catalog.door("surat", "permohonan_arsip")[0].kode == "ARS"
        finally:
            other.close()
    copy = other_dir / "sop_catalog" / "ars_rev1.yaml"
    assert copy.read_text(encoding="utf-8").startswith("# SOP ARS revisi 1: dipasang di meja lain")


def test_the_desk_of_an_office_door_sees_full_identity_numbers(ws, admin, make_user):
    """The clerks who keep the buku tamu for an office SOP's door (Petugas TU) see what the
    Help Desk sees; other roles see NIK masked."""
    from sopdesk.engine import visitor_lookup, visitors

    catalog_admin.add_sops(ws, admin, [FIXTURE])
    tu, kasubag = make_user("tu", "Petugas TU"), make_user("kasubag", "Kasubag")
    visitors.register_visitor(ws, tu, visitors.VisitorForm(
        name="Budi Ratu", purpose="peminjaman_arsip", id_number="5311012345678901", info_requested="SK 2019"))
    [full] = visitor_lookup.find_returning_visitors(ws, tu, "Budi")
    [masked] = visitor_lookup.find_returning_visitors(ws, kasubag, "Budi")
    assert full["id_number"] == "5311012345678901"
    assert masked["id_number"] != "5311012345678901" and masked["id_number"].endswith("8901")
