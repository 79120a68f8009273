"""The bundled SOP catalog, and how a broken catalog file is reported to the administrator:
every problem names the file, the place (step, lane) and the field."""

from __future__ import annotations

import copy
import logging
import re
from pathlib import Path

import pytest
import yaml

from sopdesk.catalog import (
    CatalogError,
    Satuan,
    bundled_catalog_dir,
    load_catalog,
    load_file,
    validate_paths,
)
from sopdesk.cli.main import main

REPO = Path(__file__).resolve().parents[1]
SEEDS = Path("/work/shared/seeds")
PP_FILE = "pelayanan_publik_kupang.yaml"
TKS_FILE = "tata_kerja_serang.yaml"


class _CatalogLoader(yaml.SafeLoader):
    """Reads a catalog file the way FORMAT.md describes: only true/false are booleans, so
    the step key `no` stays the string "no"."""


_CatalogLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_CatalogLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def bundled_data(file_name: str) -> dict:
    text = (bundled_catalog_dir() / file_name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_CatalogLoader)  # noqa: S506 - a SafeLoader subclass


def step(data: dict, no: int) -> dict:
    return next(k for k in data["kegiatan"] if k["no"] == no)


def write(folder: Path, name: str, data: dict) -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    return [str(p) for p in validate_paths([path])]


def assert_reported(problems: list[str], file: str, where: str, field: str = "",
                    words: str = "") -> str:
    """One problem starts with `file: where[, field]:` and mentions `words`."""
    place = f"{where}, {field}" if where and field else (where or field)
    prefix = f"{file}: {place}: "
    hits = [p for p in problems if p.startswith(prefix) and words in p]
    assert hits, f"no problem {prefix!r}...{words!r} in:\n" + "\n".join(problems)
    return hits[0]


@pytest.fixture(scope="module")
def catalog():
    return load_catalog([bundled_catalog_dir()])


@pytest.fixture
def pp() -> dict:
    return bundled_data(PP_FILE)


# --- the bundled catalog ----------------------------------------------------------------


def test_bundled_catalog_loads(catalog):
    assert set(catalog.sops) == {"PP", "PAW", "RAKOR", "TKS"}
    assert set(catalog.organisations) == {"ORG-BANTEN"}
    assert validate_paths([bundled_catalog_dir()]) == []


def test_pp_pelayanan_publik(catalog):
    sop = catalog.sop("PP")
    assert sop.identitas.zona_waktu == "WITA"
    assert len(sop.kegiatan) == 13
    assert [p.nama for p in sop.pelaksana] == [
        "Help Desk", "Ketua & Anggota KPU", "Sekretaris", "Kasubag"]
    assert len(sop.dasar_hukum) == 10
    assert [(e.kode, e.kegiatan) for e in sop.entri] == [("tamu", 1), ("surat", 5)]
    assert sop.step(9).is_decision
    assert sop.exits(9) == [("Ya", 12), ("Tidak", 10)]
    # the two branches of the letter both end; the visitor path ends at step 4
    assert sop.exits(4) == [(None, "selesai")]
    assert sop.exits(11) == [(None, "selesai")]
    assert sop.exits(13) == [(None, "selesai")]


def test_paw(catalog):
    sop = catalog.sop("PAW")
    assert len(sop.kegiatan) == 14
    assert len(sop.pelaksana) == 6
    assert sop.exits(2) == [("Ya", 8), ("Tidak", 3)]
    assert sop.step(12).is_wait
    assert sop.step(12).waktu_baku.satuan is Satuan.TANPA_STANDAR
    deadlines = {t.kode: t for t in sop.tenggat}
    assert len(sop.tenggat) == 2
    jawaban, tunggu = deadlines["jawaban_dprd"], deadlines["tunggu_klarifikasi"]
    assert (jawaban.jenis, jawaban.sejak, jawaban.waktu_baku.jumlah) == ("paling_lambat", "mulai", 5)
    assert jawaban.kegiatan == [3, 11, 13]
    assert (tunggu.jenis, tunggu.sejak, tunggu.waktu_baku.jumlah) == ("paling_cepat", 9, 14)
    assert tunggu.waktu_baku.satuan is Satuan.HARI


def test_rakor(catalog):
    sop = catalog.sop("RAKOR")
    assert len(sop.kegiatan) == 9
    assert len(sop.pelaksana) == 8
    assert sop.exits(4) == [("Ya", 5), ("Tidak", 3)]
    assert sop.step(9).waktu_baku.acuan == "setelah pelaksanaan Rakor/Raker"


def test_tks_times_are_working_days(catalog):
    sop = catalog.sop("TKS")
    assert len(sop.kegiatan) == 4
    assert [p.nama for p in sop.pelaksana] == [
        "Komisioner", "Sekretaris", "Subbag dilingkungan KPU"]
    assert {k.waktu_baku.satuan for k in sop.kegiatan} == {Satuan.HARI_KERJA}
    assert all("hari kerja" in k.waktu.lower() for k in sop.kegiatan)


def test_org_banten(catalog):
    org = catalog.organisations["ORG-BANTEN"]
    assert org.identitas.zona_waktu == "WIB"
    assert len(org.divisi) == 7
    assert len(org.unit_sekretariat) == 10
    for unit in org.units:
        assert unit.uraian_tugas, f"{unit.nama} has no uraian tugas"
    codes = {u.kode for u in org.units}
    assert all(u.induk is None or u.induk in codes for u in org.units)


@pytest.mark.parametrize("kode", ["PP", "PAW", "RAKOR", "TKS"])
def test_every_inferred_lane_carries_a_reason(catalog, kode):
    sop = catalog.sop(kode)
    inferred = [k for k in sop.kegiatan if k.pelaksana_disimpulkan]
    assert inferred  # the seeds lost the flowchart marks: some lanes are inferred
    for k in inferred:
        assert k.alasan_pelaksana and len(k.alasan_pelaksana) > 20, f"{kode} kegiatan {k.no}"


@pytest.mark.parametrize("kode", ["PP", "PAW", "RAKOR", "TKS"])
def test_every_step_can_be_reached_from_an_entry(catalog, kode):
    sop = catalog.sop(kode)
    seen, stack = set(), [e.kegiatan for e in sop.entri]
    while stack:
        no = stack.pop()
        if no not in seen:
            seen.add(no)
            stack.extend(t for _, t in sop.exits(no) if t != "selesai")
    assert seen == {k.no for k in sop.kegiatan}


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


SEED_OF = {"RAKOR": "000_", "PP": "001_", "PAW": "002_", "ORG-BANTEN": "003_", "TKS": "004_"}


def _seed_text(kode: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip("seed documents not available")
    [path] = SEEDS.glob(SEED_OF[kode] + "*.txt")
    return _norm(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("kode", ["PP", "PAW", "RAKOR", "TKS"])
def test_sop_text_is_transcribed_from_its_seed(catalog, kode):
    seed = _seed_text(kode)
    sop = catalog.sop(kode)
    for k in sop.kegiatan:
        assert _norm(k.kegiatan) in seed, f"{kode} kegiatan {k.no}"
    for item in sop.dasar_hukum:
        assert _norm(item) in seed, item
    for lane in sop.pelaksana:
        assert _norm(lane.nama) in seed, lane.nama


def test_org_units_are_transcribed_from_the_seed(catalog):
    seed = _seed_text("ORG-BANTEN")
    for unit in catalog.organisations["ORG-BANTEN"].units:
        assert _norm(unit.nama) in seed, unit.nama


def test_unquoted_no_key_and_yes_no_labels_load(tmp_path):
    path = tmp_path / "mini.yaml"
    path.write_text(
        """\
jenis: sop
kode: MINI
revisi: 1
identitas:
  instansi: KPU Kota Contoh
  disahkan_oleh:
    jabatan: Ketua
  nama_sop: Contoh
  zona_waktu: WIB
pelaksana:
  - kode: staf
    nama: Off
    peran: Staf
entri:
  - kode: mulai
    nama: Mulai
    kegiatan: 1
kegiatan:
  - no: 1
    kegiatan: Memeriksa
    pelaksana: staf
    waktu: 5 menit
    keputusan:
      pertanyaan: Lengkap?
      pilihan:
        - label: Yes
          lanjut: 2
        - label: No
          lanjut: selesai
  - no: 2
    kegiatan: Mengarsipkan
    pelaksana: staf
    waktu: 1 Hari
""",
        encoding="utf-8",
    )
    sop = load_file(path)
    assert [k.no for k in sop.kegiatan] == [1, 2]
    assert sop.exits(1) == [("Yes", 2), ("No", "selesai")]
    assert sop.exits(2) == [(None, "selesai")]
    assert sop.pelaksana[0].nama == "Off"
    assert validate_paths([path]) == []


# --- problems in one file ---------------------------------------------------------------


def test_unknown_lane(tmp_path, pp):
    step(pp, 3)["pelaksana"] = "bendahara"
    problems = problems_of(write(tmp_path, "bad.yaml", pp))
    assert_reported(problems, "bad.yaml", "kegiatan 3", "pelaksana", "'bendahara'")


def test_lanjut_to_a_missing_step(tmp_path, pp):
    step(pp, 4)["lanjut"] = 99
    problems = problems_of(write(tmp_path, "bad.yaml", pp))
    assert_reported(problems, "bad.yaml", "kegiatan 4", "lanjut", "99")


def test_decision_choice_to_a_missing_step(tmp_path, pp):
    step(pp, 9)["keputusan"]["pilihan"][1]["lanjut"] = 77
    problems = problems_of(write(tmp_path, "bad.yaml", pp))
    assert_reported(problems, "bad.yaml", "kegiatan 9", "keputusan.pilihan Tidak", "77")


def test_entry_to_a_missing_step(tmp_path, pp):
    pp["entri"][1]["kegiatan"] = 50
    problems = problems_of(write(tmp_path, "bad.yaml", pp))
    assert_reported(problems, "bad.yaml", "entri surat", "kegiatan", "50")


def test_unreachable_step(tmp_path, pp):
    step(pp, 2)["lanjut"] = 4  # nothing leads to step 3 any more
    problems = problems_of(write(tmp_path, "bad.yaml", pp))
    assert_reported(problems, "bad.yaml", "kegiatan 3", "", "tidak dapat dicapai")
    assert len(problems) == 1


def test_no_end_at_all(tmp_path):
    data = bundled_data(TKS_FILE)
    step(data, 4)["lanjut"] = 1  # a loop: nothing reaches "selesai"
    problems = problems_of(write(tmp_path, "loop.yaml", data))
    assert_reported(problems, "loop.yaml", "", "kegiatan", "selesai")


def test_loop_that_never_ends(tmp_path, pp):
    step(pp, 13)["lanjut"] = 12  # the reply-letter branch loops 12 -> 13 -> 12
    problems = problems_of(write(tmp_path, "bad.yaml", pp))
    assert_reported(problems, "bad.yaml", "kegiatan 12", "lanjut", "tidak pernah selesai")
    assert_reported(problems, "bad.yaml", "kegiatan 13", "lanjut", "tidak pernah selesai")


def test_duplicate_step_numbers(tmp_path, pp):
    step(pp, 5)["no"] = 4
    problems = problems_of(write(tmp_path, "bad.yaml", pp))
    assert_reported(problems, "bad.yaml", "kegiatan 4", "no", "ganda")


def test_bad_waktu_text(tmp_path, pp):
    step(pp, 2)["waktu"] = "sepuluh menit"
    problems = problems_of(write(tmp_path, "bad.yaml", pp))
    assert_reported(problems, "bad.yaml", "kegiatan 2", "waktu", "'sepuluh menit'")


def test_missing_required_key(tmp_path, pp):
    del step(pp, 6)["kegiatan"]
    problems = problems_of(write(tmp_path, "bad.yaml", pp))
    assert_reported(problems, "bad.yaml", "kegiatan 6", "kegiatan", "wajib diisi")


def test_missing_identity_key(tmp_path, pp):
    del pp["identitas"]["zona_waktu"]
    problems = problems_of(write(tmp_path, "bad.yaml", pp))
    assert_reported(problems, "bad.yaml", "", "identitas.zona_waktu", "wajib diisi")


def test_unknown_key_typo(tmp_path, pp):
    step(pp, 7)["keterangn"] = step(pp, 7).pop("keterangan")
    problems = problems_of(write(tmp_path, "bad.yaml", pp))
    assert_reported(problems, "bad.yaml", "kegiatan 7", "keterangn", "kunci tidak dikenal")


def test_wrong_type(tmp_path, pp):
    step(pp, 8)["kegiatan"] = 12345
    problems = problems_of(write(tmp_path, "bad.yaml", pp))
    assert_reported(problems, "bad.yaml", "kegiatan 8", "kegiatan")


def test_bad_yaml_syntax_reports_the_line(tmp_path):
    lines = (bundled_catalog_dir() / TKS_FILE).read_text(encoding="utf-8").splitlines()
    line_no = next(i for i, line in enumerate(lines, 1) if line.startswith("  zona_waktu:"))
    lines[line_no - 1] = "  zona_waktu: WIB: WITA"
    path = tmp_path / "rusak.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    [problem] = problems_of(path)
    assert problem.startswith(f"rusak.yaml: baris {line_no},")
    assert "YAML tidak valid" in problem


def test_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "latin.yaml"
    text = (bundled_catalog_dir() / TKS_FILE).read_text(encoding="utf-8")
    path.write_bytes(text.replace("Sekretaris", "Sékretaris").encode("latin-1"))
    [problem] = problems_of(path)
    assert problem.startswith("latin.yaml: ")
    assert "UTF-8" in problem


def test_yaml_alias_bomb_is_refused(tmp_path):
    lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 10):
        prev = chr(ord("a") + i - 1)
        name = chr(ord("a") + i)
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 10)}]")
    path = tmp_path / "bom.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [problem] = problems_of(path)
    assert problem.startswith("bom.yaml: baris 2,")
    assert "alias" in problem


def test_even_a_single_alias_is_refused(tmp_path, pp):
    text = yaml.safe_dump(pp, allow_unicode=True, sort_keys=False)
    text = text.replace("kualifikasi_pelaksana:", "x_anchor: &jam '1 jam'\nkualifikasi_pelaksana:")
    text = text.replace("waktu: 10 menit", "waktu: *jam", 1)
    path = tmp_path / "alias.yaml"
    path.write_text(text, encoding="utf-8")
    [problem] = problems_of(path)
    assert problem.startswith("alias.yaml: baris ")
    assert "alias" in problem


def test_file_over_two_megabytes(tmp_path):
    text = (bundled_catalog_dir() / TKS_FILE).read_text(encoding="utf-8")
    path = tmp_path / "besar.yaml"
    path.write_text(text + ("# " + "x" * 98 + "\n") * 21_000, encoding="utf-8")
    assert path.stat().st_size > 2 * 1024 * 1024
    [problem] = problems_of(path)
    assert problem.startswith("besar.yaml: ")
    assert "terlalu besar" in problem


def test_missing_file(tmp_path):
    [problem] = problems_of(tmp_path / "tidak_ada.yaml")
    assert "tidak_ada.yaml" in problem
    assert "tidak ditemukan" in problem


def test_invalid_date_is_reported_not_crashed(tmp_path):
    lines = (bundled_catalog_dir() / TKS_FILE).read_text(encoding="utf-8").splitlines()
    line_no = next(i for i, line in enumerate(lines, 1)
                   if line.startswith("  tanggal_pengesahan:"))
    lines[line_no - 1] = "  tanggal_pengesahan: 2020-02-30"  # no 30 February
    path = tmp_path / "tanggal.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    [problem] = problems_of(path)
    assert problem.startswith("tanggal.yaml: ")
    assert f"baris {line_no}" in problem or "tanggal_pengesahan" in problem


def test_several_schema_problems_are_all_reported_at_once(tmp_path, pp):
    step(pp, 2)["waktu"] = "sepuluh menit"
    del step(pp, 6)["kegiatan"]
    step(pp, 7)["keterangn"] = step(pp, 7).pop("keterangan")
    step(pp, 8)["kegiatan"] = 12345
    del pp["identitas"]["zona_waktu"]
    problems = problems_of(write(tmp_path, "banyak.yaml", pp))
    assert_reported(problems, "banyak.yaml", "kegiatan 2", "waktu")
    assert_reported(problems, "banyak.yaml", "kegiatan 6", "kegiatan", "wajib diisi")
    assert_reported(problems, "banyak.yaml", "kegiatan 7", "keterangn")
    assert_reported(problems, "banyak.yaml", "kegiatan 8", "kegiatan")
    assert_reported(problems, "banyak.yaml", "", "identitas.zona_waktu")


def test_several_flow_problems_are_all_reported_at_once(tmp_path, pp):
    step(pp, 3)["pelaksana"] = "bendahara"
    step(pp, 4)["lanjut"] = 99
    step(pp, 9)["keputusan"]["pilihan"][1]["lanjut"] = 77
    step(pp, 11)["pelaksana"] = "satpam"
    problems = problems_of(write(tmp_path, "banyak.yaml", pp))
    assert_reported(problems, "banyak.yaml", "kegiatan 3", "pelaksana", "'bendahara'")
    assert_reported(problems, "banyak.yaml", "kegiatan 4", "lanjut", "99")
    assert_reported(problems, "banyak.yaml", "kegiatan 9", "keputusan.pilihan Tidak", "77")
    assert_reported(problems, "banyak.yaml", "kegiatan 11", "pelaksana", "'satpam'")


def test_independent_problems_of_every_kind_are_reported_in_one_pass(tmp_path, pp):
    # a misspelt waktu and an unknown lane are unrelated: fixing the file should take one
    # pass, so both must be named at once (loader.py: "all at once")
    step(pp, 2)["waktu"] = "sepuluh menit"
    step(pp, 3)["pelaksana"] = "bendahara"
    problems = problems_of(write(tmp_path, "banyak.yaml", pp))
    assert_reported(problems, "banyak.yaml", "kegiatan 2", "waktu")
    assert_reported(problems, "banyak.yaml", "kegiatan 3", "pelaksana", "'bendahara'")


def test_problems_of_several_files_are_all_reported(tmp_path, pp):
    step(pp, 3)["pelaksana"] = "bendahara"
    write(tmp_path, "satu.yaml", pp)
    tks = bundled_data(TKS_FILE)
    step(tks, 2)["waktu"] = "dua minggu"
    write(tmp_path, "dua.yaml", tks)
    problems = [str(p) for p in validate_paths([tmp_path])]
    assert_reported(problems, "satu.yaml", "kegiatan 3", "pelaksana")
    assert_reported(problems, "dua.yaml", "kegiatan 2", "waktu", "'dua minggu'")


# --- several files: kode and revisi -----------------------------------------------------


def test_same_kode_and_revisi_twice_is_refused(tmp_path, pp):
    write(tmp_path, "a.yaml", pp)
    write(tmp_path, "b.yaml", pp)
    [problem] = [str(p) for p in validate_paths([tmp_path])]
    assert problem.startswith("b.yaml: kode: ")
    assert "PP" in problem and f"revisi {pp['revisi']}" in problem and "a.yaml" in problem


def test_office_copy_with_the_same_revisi_as_the_bundled_one_is_refused(tmp_path, pp):
    office = tmp_path / "sop_catalog"
    office.mkdir()
    write(office, "pp_kantor.yaml", pp)
    with pytest.raises(CatalogError) as info:
        load_catalog([bundled_catalog_dir(), office])
    assert any(p.file == "pp_kantor.yaml" and PP_FILE in p.message
               for p in info.value.problems)


@pytest.mark.parametrize("office_first", [False, True])
def test_higher_revisi_wins(tmp_path, pp, office_first):
    office = tmp_path / "sop_catalog"
    office.mkdir()
    bundled = pp["revisi"]
    pp["revisi"] = bundled + 1
    pp["identitas"]["nama_sop"] = "Pelayanan Publik (revisi kantor)"
    write(office, "pp_rev2.yaml", pp)
    folders = [office, bundled_catalog_dir()] if office_first else [bundled_catalog_dir(), office]
    catalog = load_catalog(folders)
    sop = catalog.sop("PP")
    assert sop.revisi == bundled + 1
    assert sop.nama == "Pelayanan Publik (revisi kantor)"
    assert catalog.sources["PP"].name == "pp_rev2.yaml"
    assert catalog.sources["PAW"].name == "paw_dprd_ntt.yaml"  # the other SOPs are untouched


def test_lower_revisi_does_not_replace_a_higher_one(tmp_path, pp):
    newer, older = copy.deepcopy(pp), copy.deepcopy(pp)
    newer["revisi"], older["revisi"] = 3, 2
    older["identitas"]["nama_sop"] = "lama"
    first, second = tmp_path / "1", tmp_path / "2"
    first.mkdir()
    second.mkdir()
    write(first, "pp3.yaml", newer)
    write(second, "pp2.yaml", older)
    assert load_catalog([first, second]).sop("PP").revisi == 3
    assert load_catalog([second, first]).sop("PP").revisi == 3


# --- the command line -------------------------------------------------------------------


@pytest.fixture
def cli(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))  # log file
    monkeypatch.setenv("SOPDESK_DATA_DIR", str(tmp_path / "data"))
    logger = logging.getLogger("sopdesk")
    before = list(logger.handlers)
    yield main
    for handler in logger.handlers[:]:
        if handler not in before:
            logger.removeHandler(handler)
            handler.close()


def test_cli_validate_reports_problems_on_stderr(cli, tmp_path, pp, capsys):
    step(pp, 3)["pelaksana"] = "bendahara"
    step(pp, 2)["waktu"] = "sepuluh menit"
    bad = write(tmp_path, "rusak_pp.yaml", pp)
    code = cli(["catalog", "validate", str(bad)])
    out, err = capsys.readouterr()
    assert code != 0
    assert "rusak_pp.yaml" in err
    assert "kegiatan 2" in err or "kegiatan 3" in err
    assert "sah" not in out


def test_cli_validate_invalid_date_names_the_file(cli, tmp_path, capsys):
    text = (bundled_catalog_dir() / TKS_FILE).read_text(encoding="utf-8")
    bad = tmp_path / "tanggal.yaml"
    bad.write_text(text.replace("tanggal_pengesahan: 2020-04-08",
                                "tanggal_pengesahan: 2020-04-31"), encoding="utf-8")
    code = cli(["catalog", "validate", str(bad)])
    err = capsys.readouterr().err
    assert code == 1
    assert "tanggal.yaml" in err
    assert "kesalahan internal" not in err


def test_cli_validate_bundled_folder(cli, monkeypatch, capsys):
    monkeypatch.chdir(REPO)
    code = cli(["catalog", "validate", "sop_catalog"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert err == ""
    assert "sah" in out
