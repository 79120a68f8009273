"""A wrong value in an office's own SOP file is shown with its line, as the administrator's editor
numbers it (Xvfb, h3: "kegiatan 2, waktu: waktu 'dua hari' tidak dikenali" in a file of 120 lines,
and no line to go to)."""

from __future__ import annotations

from pathlib import Path

from sopdesk.catalog.problem_lines import problem_line

SEED = Path(__file__).parents[1] / "sop_catalog" / "tata_kerja_serang.yaml"


def _broken(tmp_path: Path) -> tuple[Path, int, int]:
    text = SEED.read_text(encoding="utf-8").replace("kode: TKS", "kode: TKRUSAK", 1)
    text = text.replace('waktu: "2 Hari kerja"', 'waktu: "dua hari"', 1)
    lines = text.splitlines()
    waktu = next(n for n, line in enumerate(lines, 1) if 'waktu: "dua hari"' in line)
    step_2 = next(n for n, line in enumerate(lines, 1) if line.strip() == "- no: 2")
    path = tmp_path / "tata_kerja_rusak.yaml"
    path.write_text(text, encoding="utf-8")
    return path, waktu, step_2


def test_the_line_of_a_steps_field_and_of_a_missing_field(tmp_path):
    path, waktu, step_2 = _broken(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert problem_line(text, "kegiatan 2", "waktu") == waktu
    assert problem_line(text, "kegiatan 2", "tidak_ada") == step_2  # the deepest part found: the step
    assert problem_line(text, "kegiatan #2", "waktu") == waktu
    nama = next(n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith("nama_sop:"))
    assert problem_line(text, "", "identitas.nama_sop") == nama
    assert problem_line("kode: [", "", "kode") is None
    assert problem_line(text, "kegiatan 99", "waktu") is not None  # the list itself, at least


def test_tambah_sop_quotes_the_wrong_line(qtbot, ws, admin, tmp_path):
    from sopdesk.gui.catalog_admin import AddSopDialog
    from sopdesk.gui.context import GuiContext

    path, waktu, _step_2 = _broken(tmp_path)
    dialog = AddSopDialog(GuiContext(ws, admin), paths=[path])
    qtbot.addWidget(dialog)
    shown = dialog.report.toPlainText()
    assert "kegiatan 2, waktu" in shown
    assert f"{waktu:>4} |     waktu: \"dua hari\"" in shown
