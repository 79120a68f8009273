"""Office-added holidays move due times, and only an administrator adds them."""

from datetime import date

import pytest

from sopdesk.cli.main import main
from sopdesk.engine import accounts, cases, queries
from sopdesk.errors import PermissionRefused


def test_office_holiday_is_skipped_by_working_day_due_times(ws, admin, staff, clock):
    # Friday 6 March 2026 is an ordinary working day until the office closes on it.
    accounts.add_office_holiday(ws, admin, date(2026, 3, 6), "HUT Kota Kupang")
    clock.advance(days=3)  # Thursday 5 March, 09:00 WITA
    number = cases.start_case(ws, staff["Sekretaris"], "TKS", "Pleno mingguan")
    [item] = queries.case_detail(ws, number)["items"]
    due = ws.calendar.local(item["due_at"])
    assert (due.date(), due.hour) == (date(2026, 3, 9), 9)  # Monday, not Friday
    assert ws.calendar.holiday_name(date(2026, 3, 6)) == "HUT Kota Kupang"


def test_only_an_administrator_adds_office_holidays(ws, staff):
    with pytest.raises(PermissionRefused):
        accounts.add_office_holiday(ws, staff["Kasubag"], date(2026, 3, 6), "Libur")


def test_cli_lists_national_joint_and_office_holidays(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOPDESK_DATA_DIR", str(tmp_path / "d"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("SOPDESK_PASSWORD", "rahasia-123")
    assert main(["setup", "--office", "KPU Kota Serang", "--timezone", "WIB", "--admin", "admin"]) == 0
    assert main(["holiday", "add", "2026-12-10", "HUT Kota Serang", "--as", "admin"]) == 0
    capsys.readouterr()
    assert main(["holiday", "list", "--as", "admin", "--year", "2026"]) == 0
    out = capsys.readouterr().out
    assert "10 Desember 2026     HUT Kota Serang" in out
    assert "24 Desember 2026     Cuti Bersama Hari Raya Natal" in out
    assert "17 Agustus 2026      Hari Kemerdekaan Republik Indonesia" in out
