"""The English translation: complete, faithful to the placeholders, not stale against the GUI
sources, compiled into the committed .qm, and actually shown by the widgets."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sopdesk.engine.visitors import DELIVERY_METHODS, OBTAIN_METHODS, PURPOSES
from sopdesk.gui.context import GuiContext
from sopdesk.gui.i18n import install_translator

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "sopdesk_en.ts"
QM = ROOT / "resources" / "translations" / "sopdesk_en.qm"
GUI = ROOT / "sopdesk" / "gui"
PLACEHOLDER = re.compile(r"\{[^}]*\}|%\d")
ACCELERATOR = re.compile(r"&(?!&)")
LEADING_SYMBOL = re.compile(r"^[^\w\s(“\"'*&]+")  # ⚠ ▶ ✓ → … kept at the start


def ts_messages() -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation> element) for every message of the .ts."""
    root = ET.parse(TS).getroot()
    return [(context.findtext("name"), message.findtext("source"), message.find("translation"))
            for context in root.iter("context") for message in context.iter("message")]


def literal_tr_calls(path: Path) -> list[tuple[str, str, int]]:
    """(context, text, line) of every tr / translate / QT_TRANSLATE_NOOP / _t call with literal
    strings in a GUI module; self.tr in class X translates under context "X", X.tr as well, and
    _t under the module's CONTEXT."""
    found: list[tuple[str, str, int]] = []

    def literal(args: list[ast.expr], index: int) -> str | None:
        if len(args) > index and isinstance(args[index], ast.Constant) and isinstance(args[index].value, str):
            return args[index].value
        return None

    def visit(node: ast.AST, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call):
                func = child.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
                if name == "tr" and (text := literal(child.args, 0)) is not None:
                    context = cls
                    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                            and func.value.id != "self":
                        context = func.value.id
                    assert context, f"{path.name}:{child.lineno}: tr() outside a class"
                    found.append((context, text, child.lineno))
                elif name in ("translate", "QT_TRANSLATE_NOOP"):
                    context, text = literal(child.args, 0), literal(child.args, 1)
                    if context is not None and text is not None:
                        found.append((context, text, child.lineno))
                elif name == "_t" and module_context and (text := literal(child.args, 0)) is not None:
                    found.append((module_context, text, child.lineno))  # the module's translate helper
            visit(child, cls)

    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    # a module's _t(text) helper translates under its CONTEXT = "..." (lupdate cannot see those calls)
    module_context = next((node.value.value for node in tree.body if isinstance(node, ast.Assign)
                           and [getattr(t, "id", None) for t in node.targets] == ["CONTEXT"]
                           and isinstance(node.value, ast.Constant)), None)
    visit(tree, None)
    return found


# --- (a) complete and faithful ---------------------------------------------------------------
def test_every_message_is_translated_with_the_same_placeholders():
    messages = ts_messages()
    assert len(messages) > 300
    problems = []
    for context, source, translation in messages:
        where = f"{context}: {source!r}"
        if translation is None or translation.get("type") is not None:
            problems.append(f"{where} is {translation.get('type') if translation is not None else 'missing'}")
            continue
        text = translation.text or ""
        if not text.strip():
            problems.append(f"{where} has an empty translation")
            continue
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{where}: placeholders differ in {text!r}")
        if len(ACCELERATOR.findall(source)) != len(ACCELERATOR.findall(text)):
            problems.append(f"{where}: keyboard accelerator lost or doubled in {text!r}")
        lead = LEADING_SYMBOL.match(source)
        if lead and not text.startswith(lead.group()):
            problems.append(f"{where}: leading {lead.group()!r} lost in {text!r}")
        if source.rstrip().endswith("…") != text.rstrip().endswith("…"):
            problems.append(f"{where}: trailing … differs in {text!r}")
    assert not problems, "\n".join(problems)


def test_accelerators_of_the_registration_form_stay_distinct():
    """One Alt+letter per field of the help desk page, as in Indonesian."""
    letters = [ACCELERATOR.split(translation.text, 1)[1][0].lower()
               for context, source, translation in ts_messages()
               if context == "HelpDeskPage" and ACCELERATOR.search(source)]
    assert len(letters) >= 15
    assert len(set(letters)) == len(letters), letters


# --- (b) not stale ----------------------------------------------------------------------------
def test_every_literal_gui_string_is_in_the_translation_source():
    known = {(context, source) for context, source, _ in ts_messages()}
    missing = [f"{path.name}:{line} [{context}] {text!r}"
               for path in sorted(GUI.rglob("*.py"))
               for context, text, line in literal_tr_calls(path)
               if (context, text) not in known]
    assert not missing, "run build_scripts/update_translations.sh:\n" + "\n".join(missing)


def test_choice_labels_translated_through_variables_are_in_the_translation_source():
    """gui/helpdesk translates the engine's choice labels with self.tr(variable); its
    QT_TRANSLATE_NOOP markers must follow the engine's dictionaries."""
    known = {(context, source) for context, source, _ in ts_messages()}
    expected = [("VisitorTableModel", text) for text in PURPOSES.values()]
    expected += [("HelpDeskPage", text)
                 for choices in (PURPOSES, OBTAIN_METHODS, DELIVERY_METHODS) for text in choices.values()]
    assert [pair for pair in expected if pair not in known] == []


# --- (c) the committed .qm ------------------------------------------------------------------
def test_committed_qm_is_built_from_the_current_ts(tmp_path):
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    tool = str(lrelease) if lrelease.exists() else shutil.which("pyside6-lrelease")
    if tool is None:
        pytest.skip("pyside6-lrelease is not installed")
    built = tmp_path / "sopdesk_en.qm"
    subprocess.run([tool, str(TS), "-qm", str(built)], check=True, capture_output=True, timeout=120)
    assert built.read_bytes() == QM.read_bytes(), "run build_scripts/update_translations.sh"


# --- (d) the widgets speak English ------------------------------------------------------------
@pytest.fixture
def english(qapp: QApplication):
    translator = install_translator(qapp, "en")
    assert translator is not None, "sopdesk_en.qm did not load"
    yield translator
    qapp.removeTranslator(translator)


def navigation(window) -> list[str]:  # noqa: ANN001
    return [window.nav.item(row).text() for row in range(window.nav.count())]


def test_main_window_is_english_with_the_translator(qtbot, ws, admin, english):
    from sopdesk.gui.main_window import MainWindow

    window = MainWindow(GuiContext(ws, admin))
    qtbot.addWidget(window)
    labels = navigation(window)
    assert labels[0].startswith("Inbox")  # with the count: "Inbox (0)"
    assert labels[1:] == ["Help desk", "Cases", "Letters & Dispatch", "SOP catalog", "Settings"]
    assert f"admin as {window.ctx.role}" in window.windowTitle()
    # strings that reach tr() through variables (QT_TRANSLATE_NOOP markers) are English too
    helpdesk = window.page("helpdesk")
    purpose = helpdesk.fields["purpose"]
    assert [purpose.itemText(i) for i in range(purpose.count())] == [
        "Public information request", "Visit / meet an official", "Complaint", "Consultation", "Other"]
    delivery = helpdesk.fields["delivery_method"]
    assert "Collect in person" in [delivery.itemText(i) for i in range(delivery.count())]
    # column headers translated by a shared base model under the subclass's context
    for key, first in (("cases", "Case number"), ("inbox", "Case number")):
        model = window.page(key).model
        assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == first
    letters = window.page("letters")
    assert [letters.tabs.tabText(i) for i in range(letters.tabs.count())] == [
        "Incoming letters", "Outgoing letters", "Dispatch book"]
    header = letters.incoming_model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    assert header == "Agenda number"


def test_durations_in_the_inbox_follow_the_language(qtbot, ws, staff, clock, english):
    from sopdesk.engine import cases
    from sopdesk.gui.inbox_page import InboxPage

    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data", entry="tamu")
    for role in ("Help Desk", "Help Desk", "Komisioner"):
        cases.complete(ws, staff[role], number, cases.StepInput())
    clock.advance(minutes=50)  # step 4 has 30 minutes
    page = InboxPage(GuiContext(ws, staff["Kasubag"]))
    qtbot.addWidget(page)
    assert page.model.index(0, 5).data() == "⚠ overdue by 20 min"
    english.parent().removeTranslator(english)
    page.model.refresh()
    assert page.model.index(0, 5).data() == "⚠ terlambat 20 menit"


def test_main_window_is_indonesian_without_the_translator(qtbot, ws, admin):
    from sopdesk.gui.main_window import MainWindow

    window = MainWindow(GuiContext(ws, admin))
    qtbot.addWidget(window)
    labels = navigation(window)
    assert labels[0].startswith("Kotak Masuk")
    assert labels[1:] == ["Meja Layanan", "Kasus", "Surat & Ekspedisi", "Katalog SOP", "Pengaturan"]
    purpose = window.page("helpdesk").fields["purpose"]
    assert purpose.itemText(0) == "Permohonan informasi publik"


def test_a_void_letter_says_void_in_english(qtbot, ws, staff, english):
    """The void mark reaches QCoreApplication.translate through letters_page._t, which lupdate
    does not follow: without its markers the English list said BATAL."""
    from sopdesk.engine import corrections, letters
    from sopdesk.gui.letters import LettersPage
    from sopdesk.gui.worker import Worker

    kept, _ = letters.register_incoming(ws, staff["Staf"], letters.IncomingForm(sender="LSM", subject="Undangan"))
    void, _ = letters.register_incoming(ws, staff["Staf"], letters.IncomingForm(sender="LSM", subject="Ganda"))
    corrections.void_incoming(ws, staff["Staf"], void, "Dicatat dua kali")
    worker = Worker()
    page = LettersPage(GuiContext(ws, staff["Staf"]), worker)
    qtbot.addWidget(page)
    worker.stop()
    model = page.incoming_model
    rows = {model.index(row, 0).data(): row for row in range(model.rowCount())}
    assert model.index(rows[void], 5).data() == "VOID"
    assert model.index(rows[void], 4).data(Qt.ItemDataRole.ToolTipRole) == "VOID: Dicatat dua kali"
    assert model.index(rows[kept], 5).data() == "ordinary"


def test_the_fields_named_after_a_correction_follow_the_core():
    from sopdesk.engine.corrections import FIELD_LABELS
    from sopdesk.gui.letters.common import FIELD_WORDS

    assert sorted(set(FIELD_WORDS)) == sorted(set(FIELD_LABELS.values()))


def test_correcting_and_voiding_a_letter_speak_english(qtbot, ws, staff, english, monkeypatch):
    """The sifat choices of the correction dialog and the status after a correction or a void
    were Indonesian in the English window (raw codes, the core's label and field names)."""
    from PySide6.QtWidgets import QPushButton

    from sopdesk.engine import letters
    from sopdesk.gui.correction_dialog import CorrectionDialog, VoidDialog
    from sopdesk.gui.letters import LettersPage
    from sopdesk.gui.worker import Worker

    agenda, _ = letters.register_incoming(ws, staff["Staf"], letters.IncomingForm(sender="LSM", subject="Undangan"))
    worker = Worker()
    page = LettersPage(GuiContext(ws, staff["Staf"]), worker)
    qtbot.addWidget(page)
    worker.stop()
    page.incoming_table.selectRow(0)
    seen = {}

    def correcting(dialog: CorrectionDialog) -> int:
        sifat = dialog.sifat
        seen["sifat"] = [sifat.itemText(i) for i in range(sifat.count())]
        dialog.fields["sender"].clear()
        qtbot.keyClicks(dialog.fields["sender"], "LSM Bengkel APPeK")
        sifat.setCurrentIndex(sifat.findData("segera"))
        qtbot.keyClicks(dialog.reason, "Salah ketik")
        dialog.submit()
        return dialog.result()

    monkeypatch.setattr(CorrectionDialog, "exec", correcting)
    page.findChild(QPushButton, "incomingCorrect").click()
    assert seen["sifat"] == ["ordinary", "urgent", "confidential"]
    assert page.status.text() == f"Incoming letter {agenda} corrected (sender, priority)"

    def voiding(dialog: VoidDialog) -> int:
        qtbot.keyClicks(dialog.reason, "Dicatat dua kali")
        dialog.submit()
        return dialog.result()

    monkeypatch.setattr(VoidDialog, "exec", voiding)
    page.incoming_table.selectRow(0)
    page.findChild(QPushButton, "incomingVoid").click()
    assert page.status.text() == f"Incoming letter {agenda} voided; its number is not used again"
