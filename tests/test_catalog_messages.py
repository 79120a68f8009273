"""What an administrator reads about a catalog file typed by hand (Tambah SOP…, `catalog
validate`): the common YAML mistakes in Indonesian, with what to look at, instead of PyYAML's
English ("expected <block end>, but found '<block mapping start>'"), and a step's unknown lane
with the lanes there are."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sopdesk.catalog import CatalogError, bundled_catalog_dir, load_file

TKS_FILE = "tata_kerja_serang.yaml"


def _problem(tmp_path: Path, text: str) -> str:
    path = tmp_path / "rusak.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_file(path)
    return "\n".join(str(problem) for problem in caught.value.problems)


@pytest.mark.parametrize(("text", "said"), [
    ("a:\n  b: 1\n c: 2\n", "baris 3, kolom 2: YAML tidak valid: susunan baris tidak sejajar: periksa spasi "
                            "di awal baris ini dan baris sebelumnya"),
    ("a: 'belum ditutup\nb: 2\n", "tanda kutip tidak ditutup (dibuka di baris 1)"),
    ("a: [1, 2\nb: 3\n", "tanda kurung siku [ tidak ditutup (dibuka di baris 1)"),
    ("a: {x: 1\n", "tanda kurung kurawal { tidak ditutup (dibuka di baris 1)"),
    ("nama: Rapat: pleno\n", "titik dua (:) tidak pada tempatnya"),
    ("a:\n\t- x\n", "ada karakter tab: gunakan spasi"),
])
def test_common_yaml_mistakes_are_said_in_indonesian_with_what_to_look_at(tmp_path, text, said):
    problem = _problem(tmp_path, text)
    assert said in problem
    assert "expected" not in problem and "found" not in problem and "while" not in problem


def test_a_yaml_mistake_not_known_keeps_pyyamls_words(tmp_path):
    from sopdesk.catalog.yaml_reader import yaml_mistake

    mark = yaml.Mark("x", 0, 0, 0, None, None)
    assert yaml_mistake(yaml.MarkedYAMLError(problem="something new", problem_mark=mark)) == "something new"


def test_a_step_of_an_unknown_lane_names_the_lanes_there_are(tmp_path):
    from sopdesk.catalog.yaml_reader import NoAliasLoader

    data = yaml.load((bundled_catalog_dir() / TKS_FILE).read_text(encoding="utf-8"), Loader=NoAliasLoader)  # noqa: S506
    lanes = sorted(p["kode"] for p in data["pelaksana"])
    data["kegiatan"][0]["pelaksana"] = "kasubbag_typo"
    problem = _problem(tmp_path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert f"pelaksana 'kasubbag_typo' tidak ada di daftar pelaksana (pilihan: {', '.join(lanes)})" in problem


def test_a_key_that_is_not_text_is_said_in_indonesian():
    from sopdesk.catalog.loader import build_document

    with pytest.raises(CatalogError) as caught:
        build_document({"jenis": "sop", 1: "x"}, "f.yaml")
    said = [str(p) for p in caught.value.problems if p.field == "1"]
    assert said == ["f.yaml: 1: nama kunci harus berupa teks (bukan angka, true/false atau kosong)"]


def test_the_values_a_field_takes_are_listed_in_indonesian(tmp_path):
    text = (bundled_catalog_dir() / TKS_FILE).read_text(encoding="utf-8")
    assert "zona_waktu: WIB" in text
    problem = _problem(tmp_path, text.replace("zona_waktu: WIB", "zona_waktu: WITT", 1))
    assert "identitas.zona_waktu: nilai tidak sah; yang diterima: 'WIB', 'WITA' atau 'WIT'" in problem


def test_an_unknown_key_points_to_the_example_file_the_program_folder_holds(tmp_path):
    """FORMAT.md is in English and inside the bundle's _internal folder; the installed program's
    folder holds contoh-sop-kantor.yaml (build_scripts/build_bundle.py)."""
    text = (bundled_catalog_dir() / TKS_FILE).read_text(encoding="utf-8")
    problem = _problem(tmp_path, text.replace("  zona_waktu: WIB", "  zona_waktu: WIB\n  zona_waktuu: WIB", 1))
    assert "kunci tidak dikenal (periksa ejaan; contoh berkas yang benar: contoh-sop-kantor.yaml di folder program)" \
        in problem
