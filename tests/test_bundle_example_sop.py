"""The bundle's folder holds an example of an office's own SOP, and BACA-SAYA.txt tells how to
bring one in: an administrator with the installed program alone (no README, no FORMAT.md in
view) was told nothing about adding the office's SOPs. Checked on the files build_bundle.py
writes, without building the bundle."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def written(tmp_path: Path) -> Path:
    sys.path.insert(0, str(ROOT / "build_scripts"))
    try:
        import build_bundle
    finally:
        sys.path.remove(str(ROOT / "build_scripts"))
    build_bundle.write_readme(tmp_path, "9.9.9")
    return tmp_path


def test_the_folder_has_an_example_sop_and_the_readme_tells_how_to_add_it(tmp_path):
    folder = written(tmp_path)
    text = (folder / "BACA-SAYA.txt").read_text(encoding="utf-8")
    assert "SOP KANTOR SENDIRI" in text and "contoh-sop-kantor.yaml" in text
    assert "Tambah SOP…" in text and "Mulai kasus…" in text and "catalog validate" in text
    assert (folder / "contoh-sop-kantor.yaml").is_file()


def test_the_example_installs_beside_the_bundled_catalog_with_two_lanes_and_a_decision(tmp_path, ws, admin):
    from sopdesk.engine import catalog_admin

    path = written(tmp_path) / "contoh-sop-kantor.yaml"
    [checked] = catalog_admin.check_files(ws, [path])
    assert checked.ok, checked.problems
    sop = checked.passed
    assert len(sop.pelaksana) == 2 and any(step.keputusan for step in sop.kegiatan)
    assert "# " in path.read_text(encoding="utf-8").splitlines()[0]  # its instructions, as comments
