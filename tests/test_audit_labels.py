"""The case history says what happened in words: every audit action the program records has
its Indonesian label in the core (engine.audit.ACTION_LABELS), and the case view, the lembar
kendali kasus and the GUI's translation list use it."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf

from sopdesk.engine import dispositions, letters
from sopdesk.engine.audit import ACTION_LABELS, action_label

SOURCES = Path(__file__).resolve().parents[1] / "sopdesk"
RECORDED = (
    re.compile(r'action="([a-z_]+)"'),  # audit.record(..., action="...")
    re.compile(r'"([a-z_]+)" if \w+ else "([a-z_]+)"'),  # action="a" if active else "b"
    re.compile(r'_record\(ws, actor, "([a-z_]+)"'),  # reports.visitors
)


def recorded_actions() -> set[str]:
    found: set[str] = set()
    for path in SOURCES.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for line in source.splitlines():
            if "action=" not in line and "_record(" not in line:
                continue
            for pattern in RECORDED:
                for match in pattern.finditer(line):
                    found.update(group for group in match.groups() if group)
    return found - {"append", "extend", "version", "store_true"}  # argparse's actions


def test_every_action_the_program_records_has_words():
    actions = recorded_actions()
    assert {"letter_in_registered", "disposition_recorded", "user_deactivated", "report_receipt"} <= actions
    assert sorted(actions - set(ACTION_LABELS)) == []
    assert action_label("letter_in_registered") == "Surat masuk dicatat"
    assert action_label("disposition_recorded") == "Disposisi dicatat"
    assert action_label("something_new") == "Something new"  # a newer program's action: still words


def test_the_gui_shows_the_cores_words_to_lupdate():
    from sopdesk.gui.cases_page import ACTION_WORDS

    assert tuple(ACTION_LABELS.values()) == ACTION_WORDS


def letter_case(ws, staff) -> str:
    agenda, number = letters.register_incoming(ws, staff["Help Desk"], letters.IncomingForm(
        sender="LSM Bengkel APPeK", subject="Permohonan data DPT", starts="permohonan_informasi"))  # 5 done: at 6
    dispositions.dispose(ws, staff["Komisioner"], agenda, ["subbag_hukum"], "Siapkan data DPT")
    return number


def test_the_case_view_history_is_in_words(qtbot, ws, staff):
    from sopdesk.gui.cases_page import CaseView
    from sopdesk.gui.context import GuiContext

    number = letter_case(ws, staff)
    view = CaseView(GuiContext(ws, staff["Kasubag"]), number)
    qtbot.addWidget(view)
    shown = [view.history.item(row, 2).text() for row in range(view.history.rowCount())]
    assert "Surat masuk dicatat" in shown and "Disposisi dicatat" in shown and "Kasus dimulai" in shown
    assert not [text for text in shown if "_" in text]


def test_the_case_sheet_has_the_history_in_words(ws, staff, tmp_path):
    from sopdesk.reports import render_case_sheet

    number = letter_case(ws, staff)
    path = render_case_sheet(ws, number, tmp_path / "kendali.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages)
    assert "Riwayat" in text
    for words in ("Kasus dimulai", "Surat masuk dicatat", "Kegiatan selesai", "Disposisi dicatat"):
        assert words in text
    assert "Siapkan data DPT" in text
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", text)  # no code such as letter_in_registered
