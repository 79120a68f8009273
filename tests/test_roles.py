"""The role model: a role may include another (catalog `peran_termasuk`: Ketua includes
Komisioner), resolved by users.effective_roles for every check, inbox and role list. The Ketua
works the "Ketua & Anggota KPU" lanes; a Komisioner does not get the Ketua's own lanes."""

from __future__ import annotations

import json

import pytest
import yaml

from sopdesk.catalog import CatalogError, bundled_catalog_dir, load_catalog
from sopdesk.catalog.loader import build_document
from sopdesk.engine import accounts, cases, dispositions, letters
from sopdesk.engine.cases import StepInput
from sopdesk.engine.queries import case_detail, inbox_counts, inbox_page, inbox_total, users_with_role
from sopdesk.engine.users import effective_roles, roles_including
from sopdesk.errors import PermissionRefused


def open_steps(ws, number: str) -> list[int]:
    return [i["step"] for i in case_detail(ws, number)["items"] if i["status"] == "open"]


def pp_letter_at_step_6(ws, staff) -> tuple[str, str]:
    form = letters.IncomingForm(sender="Pos Kupang", subject="Permohonan data DPT", number="12/PK/III/2026",
                                letter_date=None, sifat="biasa", starts="permohonan_informasi")
    agenda, number = letters.register_incoming(ws, staff["Help Desk"], form)  # the registration does step 5
    assert open_steps(ws, number) == [6]
    return agenda, number


def pp_visitor_at_step_3(ws, staff) -> str:
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data DPT", entry="tamu")
    cases.complete(ws, staff["Help Desk"], number, StepInput())  # 1 -> 2
    cases.complete(ws, staff["Help Desk"], number, StepInput())  # 2 -> 3
    assert open_steps(ws, number) == [3]
    return number


# --- the catalog ---------------------------------------------------------------------------------

def test_the_bundled_catalog_says_the_ketua_includes_komisioner():
    catalog = load_catalog([bundled_catalog_dir()])
    assert catalog.role_includes == {"Ketua": frozenset({"Komisioner"})}
    assert effective_roles({"Ketua"}, catalog.role_includes) == {"Ketua", "Komisioner"}
    assert effective_roles({"Komisioner"}, catalog.role_includes) == {"Komisioner"}
    assert roles_including("Komisioner", catalog.roles, catalog.role_includes) == {"Ketua", "Komisioner"}
    assert roles_including("Ketua", catalog.roles, catalog.role_includes) == {"Ketua"}


# Who the seeds name in each lane: the Ketua works every lane naming the Ketua or the Anggota
# KPU / Komisioner; a Komisioner works those of the Anggota only, never a Ketua-only lane.
@pytest.mark.parametrize("kode", ["PP", "PAW", "RAKOR", "TKS"])
def test_every_lane_naming_the_ketua_or_the_anggota_is_workable_by_them(kode):
    catalog = load_catalog([bundled_catalog_dir()])
    ketua = effective_roles({"Ketua"}, catalog.role_includes)
    komisioner = effective_roles({"Komisioner"}, catalog.role_includes)
    for lane in catalog.sop(kode).pelaksana:
        name = lane.nama.lower()
        if "ketua" in name:
            assert lane.peran in ketua, lane.nama
        if "anggota" in name or "komisioner" in name:
            assert lane.peran in komisioner and lane.peran in ketua, lane.nama
        if name == "ketua":
            assert lane.peran not in komisioner, lane.nama


def org(**extra) -> dict:
    path = bundled_catalog_dir() / "organisasi_banten.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(extra)
    return data


@pytest.mark.parametrize(("rules", "message"), [
    ([{"peran": "Ketua", "termasuk": ["Ketua"]}],
     "peran_termasuk Ketua, termasuk: peran tidak boleh termasuk dirinya sendiri (langsung)"),
    ([{"peran": "Ketua", "termasuk": ["Komisioner"]}, {"peran": "Komisioner", "termasuk": ["Ketua"]}],
     "peran_termasuk Komisioner, termasuk: peran tidak boleh termasuk dirinya sendiri (melalui peran lain)"),
    ([{"peran": "Ketua", "termasuk": ["Komisioner"]}, {"peran": "Ketua", "termasuk": ["Sekretaris"]}],
     "peran_termasuk Ketua, peran: peran ganda"),
    ([{"peran": "Ketua", "termasuk": []}], "peran_termasuk Ketua, termasuk: minimal 1 butir"),
    ([{"peran": "Ketua", "termsuk": ["Komisioner"]}], "peran_termasuk Ketua, termsuk: kunci tidak dikenal"),
])
def test_a_wrong_role_inclusion_is_named(rules, message):
    with pytest.raises(CatalogError) as refused:
        build_document(org(peran_termasuk=rules), "org.yaml")
    assert message in str(refused.value)


def test_inclusions_are_resolved_through_other_roles():
    includes = {"Ketua": ["Komisioner"], "Komisioner": ["Peserta"]}
    assert effective_roles(["Ketua"], includes) == {"Ketua", "Komisioner", "Peserta"}
    assert roles_including("Peserta", includes, includes) == {"Ketua", "Komisioner", "Peserta"}


# --- the engine ----------------------------------------------------------------------------------

def test_the_ketua_disposes_the_pp_letter_and_the_case_moves(ws, staff):
    agenda, number = pp_letter_at_step_6(ws, staff)
    done = dispositions.dispose(ws, staff["Ketua"], agenda, ["subbag_hukum"], "Siapkan data DPT")
    assert (done.case_number, done.routed_step, done.routed_role) == (number, 7, "Kasubag")
    six = [i for i in case_detail(ws, number)["items"] if i["step"] == 6][0]
    assert (six["status"], six["completed_by"]) == ("done", "ketua")
    assert open_steps(ws, number) == [7]
    (sheet,) = dispositions.dispositions_of(ws, agenda)
    assert (sheet["from"], sheet["routed_step"]) == ("ketua", 7)


def test_the_ketua_claims_and_completes_pp_steps_3_and_6(ws, staff):
    number = pp_visitor_at_step_3(ws, staff)
    cases.claim(ws, staff["Ketua"], number)
    cases.complete(ws, staff["Ketua"], number, StepInput(note="Kasubag Hukum menyiapkan datanya"))
    assert open_steps(ws, number) == [4]
    _agenda, letter_case = pp_letter_at_step_6(ws, staff)
    cases.complete(ws, staff["Ketua"], letter_case, StepInput(note="Proses"), step=6)
    assert open_steps(ws, letter_case) == [7]
    completed = {(i["step"], i["completed_by"]) for c in (number, letter_case)
                 for i in case_detail(ws, c)["items"] if i["status"] == "done"}
    assert {(3, "ketua"), (6, "ketua")} <= completed


def test_the_ketua_returns_and_takes_assignments_of_the_komisioner_lane(ws, staff):
    number = pp_visitor_at_step_3(ws, staff)
    cases.assign(ws, staff["Komisioner"], number, "ketua")
    assert case_detail(ws, number)["items"][-1]["assignee"] == "ketua"
    cases.return_to(ws, staff["Ketua"], number, 2, "Tujuan permohonan belum jelas")
    assert open_steps(ws, number) == [2]


def test_the_ketua_works_paw_step_1(ws, staff):
    form = letters.IncomingForm(sender="Pimpinan DPRD Provinsi NTT", subject="Usulan PAW a.n. Yakobus Lana",
                                starts="usulan_paw")
    _agenda, number = letters.register_incoming(ws, staff["Staf"], form)
    assert open_steps(ws, number) == [1]
    cases.complete(ws, staff["Ketua"], number, StepInput())
    assert open_steps(ws, number) == [2]


def test_the_ketuas_inbox_lists_the_komisioner_lane(ws, staff):
    visitor_case = pp_visitor_at_step_3(ws, staff)
    _agenda, letter_case = pp_letter_at_step_6(ws, staff)
    roles = accounts.user_roles(ws, staff["Ketua"])
    assert roles == ["Ketua", "Komisioner"]
    assert {(r.case_number, r.step_no) for r in inbox_page(ws, roles)} == {(visitor_case, 3), (letter_case, 6)}
    assert inbox_total(ws, roles) == 2
    assert inbox_counts(ws, roles, ws.clock()) == {"Ketua": (0, 0), "Komisioner": (2, 0)}
    assert users_with_role(ws, "Komisioner") == [("ketua", "ketua"), ("komisioner", "komisioner")]


def test_a_komisioner_does_not_get_the_ketuas_own_lane(ws, staff):
    number = cases.start_case(ws, staff["Ketua"], "RAKOR", "Rakor persiapan Pilkada")
    assert open_steps(ws, number) == [1]  # RAKOR step 1 is the "KETUA" lane
    assert accounts.user_roles(ws, staff["Komisioner"]) == ["Komisioner"]
    assert inbox_page(ws, accounts.user_roles(ws, staff["Komisioner"])) == []
    with pytest.raises(PermissionRefused) as refused:
        cases.complete(ws, staff["Komisioner"], number, StepInput())
    assert str(refused.value) == ("Pengguna komisioner tidak boleh menyelesaikan kegiatan ini: perlu peran Ketua "
                                  "(peran komisioner: Komisioner)")
    with pytest.raises(PermissionRefused):
        cases.start_case(ws, staff["Komisioner"], "RAKOR", "Rakor lain")
    assert users_with_role(ws, "Ketua") == [("ketua", "ketua")]
    cases.complete(ws, staff["Ketua"], number, StepInput())
    assert open_steps(ws, number) == [2]


def test_a_refusal_names_the_included_roles(ws, staff):
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Tamu", entry="tamu")
    with pytest.raises(PermissionRefused) as refused:
        cases.claim(ws, staff["Ketua"], number)
    assert "(peran ketua: Ketua (termasuk Komisioner))" in str(refused.value)


# --- the command line ----------------------------------------------------------------------------

def test_letter_dispose_as_ketua_on_the_command_line(ws, staff, monkeypatch, capsys, tmp_path):
    from conftest import PASSWORD

    from sopdesk.cli.main import main

    monkeypatch.setenv("SOPDESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(ws.data_dir), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, err = run("letter", "in", "--as", "help.desk", "--sender", "Pos Kupang", "--subject", "Data DPT",
                         "--starts", "permohonan_informasi", "--json")
    assert (code, err) == (0, "")
    agenda, number = json.loads(out)["agenda"], json.loads(out)["case"]
    # the registration was step 5 ("Menerima Surat Masuk"): nothing is left in the Help Desk inbox
    code, out, err = run("inbox", "--as", "help.desk", "--json")
    assert (code, err, json.loads(out)["items"]) == (0, "", [])
    code, out, err = run("case", "show", number, "--as", "help.desk", "--json")
    shown = json.loads(out)
    assert [(i["step"], i["status"]) for i in shown["items"]] == [(5, "done"), (6, "open")]
    assert [(e["action"], e["step"], e["user"]) for e in shown["history"]
            if e["action"] == "step_completed"] == [("step_completed", 5, "help.desk")]
    code, out, err = run("inbox", "--as", "ketua", "--json")
    assert (code, err) == (0, "")
    listed = json.loads(out)
    assert listed["counts"]["Komisioner"]["open"] == 1
    assert [(i["case_number"], i["step_no"]) for i in listed["items"]] == [(number, 6)]
    code, out, err = run("letter", "dispose", agenda, "--as", "ketua", "--to", "subbag_hukum",
                         "--instruction", "Siapkan data DPT")
    assert (code, err) == (0, ""), err
    assert "kegiatan 7" in out
    assert open_steps(ws, number) == [7]


# --- the window ----------------------------------------------------------------------------------

def test_the_ketuas_window_has_a_komisioner_button_and_inbox(qtbot, ws, staff):
    from PySide6.QtCore import Qt

    from sopdesk.gui.context import GuiContext
    from sopdesk.gui.inbox_page import InboxPage
    from sopdesk.gui.main_window import MainWindow

    number = pp_visitor_at_step_3(ws, staff)
    window = MainWindow(GuiContext(ws, staff["Ketua"]))
    qtbot.addWidget(window)
    buttons = {b.property("role"): b for b in window.role_buttons.buttons()}
    assert list(buttons) == ["Ketua", "Komisioner"]
    assert buttons["Komisioner"].text() == "Komisioner (1)"
    # the only work waits in the Komisioner lane: the window starts there
    assert window.ctx.role == "Komisioner" and buttons["Komisioner"].isChecked()
    assert window.nav.item(0).text() == "Kotak Masuk (1)"
    qtbot.mouseClick(buttons["Ketua"], Qt.MouseButton.LeftButton)
    assert window.nav.item(0).text() == "Kotak Masuk (0)"
    qtbot.mouseClick(buttons["Komisioner"], Qt.MouseButton.LeftButton)
    assert window.ctx.role == "Komisioner"
    page = InboxPage(window.ctx)
    qtbot.addWidget(page)
    model = page.table.model()
    assert model.rowCount() == 1
    shown = " ".join(str(model.index(0, c).data()) for c in range(model.columnCount()))
    assert number in shown


def test_the_window_starts_at_the_held_role_when_it_has_work(qtbot, ws, staff):
    from sopdesk.gui.context import GuiContext

    pp_visitor_at_step_3(ws, staff)
    assert GuiContext(ws, staff["Ketua"]).role == "Komisioner"
    cases.start_case(ws, staff["Ketua"], "RAKOR", "Rakor persiapan Pilkada")
    assert GuiContext(ws, staff["Ketua"]).role == "Ketua"
    assert GuiContext(ws, staff["Kasubag"]).role == "Kasubag"  # nothing waits: the first role


def test_letter_in_on_the_command_line_says_where_the_case_waits(ws, staff, monkeypatch, capsys, tmp_path):
    from conftest import PASSWORD

    from sopdesk.cli.main import main

    monkeypatch.setenv("SOPDESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    code = main(["--data-dir", str(ws.data_dir), "letter", "in", "--as", "help.desk", "--sender", "Pos Kupang",
                 "--subject", "Data DPT", "--starts", "permohonan_informasi"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out.strip().endswith("menunggu di kegiatan 6 (Komisioner)")
    assert "; kasus PP/" in out
