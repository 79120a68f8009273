"""`sopdesk inbox` prints its rows in columns that stay in line: the time left ("terlambat 1 hari
15 jam", "terlambat 17 jam 46 menit") and a case deadline's time ("02-12-2026 11:00 WITA
(kasus)") were wider than their fixed columns and pushed the rest of their line out of line, and
a step's text cut at 48 characters ended in half a word. Found by reading the inbox of a demo
office as a Kasubag."""

from __future__ import annotations

from sopdesk.cli.commands.inbox import STEP_TEXT, _columns, _cut

TABLE = [
    ("PP/2026/0130", "  4. Menindak lanjuti", "02-12-2026 11:00 WITA", "terlambat 1 hari 15 jam", "-", "!! TERLAMBAT"),
    ("TKS/2026/0065", "  3. Rapat", "03-12-2026 09:13 WITA (kasus)", "17 jam 46 menit", "kasubag", ""),
    ("PP/2026/0131", " 12. Balasan", "", "tanpa batas", "-", ""),
]


def test_each_column_starts_at_the_same_place_on_every_line():
    lines = _columns([tuple(cells) for cells in TABLE])
    starts: list[set[int]] = [set() for _ in TABLE[0]]
    for line, cells in zip(lines, TABLE, strict=True):
        at = 0
        for column, cell in enumerate(cells):
            if cell:
                at = line.index(cell, at)
                starts[column].add(at)
            at += len(cell)
    assert all(len(found) == 1 for found in starts), lines
    assert all(line == line.rstrip() for line in lines)
    assert _columns([]) == []


def test_a_cut_step_text_says_it_was_cut():
    long = "Menindak lanjuti surat permohonan tersebut sesuai arahan pimpinan"
    assert len(_cut(long, STEP_TEXT)) == STEP_TEXT and _cut(long, STEP_TEXT).endswith("...")
    assert _cut(long[:STEP_TEXT], STEP_TEXT) == long[:STEP_TEXT]  # fits: as it is
    assert _cut("Rapat", STEP_TEXT) == "Rapat"
