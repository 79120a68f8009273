"""The office profile changes only through the engine (administrators, audited), and the
demo office is a separate data directory that never touches the office's own database."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from sopdesk.engine import integrity, office
from sopdesk.errors import PermissionRefused, UserError
from sopdesk.store.models import AuditEvent, Case

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def events(ws, action: str) -> list[AuditEvent]:
    with ws.db.reading() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_administrator_edits_the_office_profile_and_the_audit_log_says_what_changed(ws, admin, tmp_path):
    logo = tmp_path / "Logo KPU.PNG"
    logo.write_bytes(PNG)
    changed = office.update_profile(ws, admin, name="  KPU Kabupaten Kupang ", address="Jl. Timor Raya No. 5",
                                    timezone="WIT", logo=logo)
    assert changed == ["address", "logo", "name", "timezone"]
    profile = office.profile(ws)
    assert profile.name == "KPU Kabupaten Kupang" and profile.address == "Jl. Timor Raya No. 5"
    assert profile.timezone == "WIT" and ws.calendar.tz_name == "WIT"  # due times follow the new zone
    assert profile.logo == ws.data_dir / "logo.png" and profile.logo.read_bytes() == PNG
    [event] = events(ws, "office_updated")
    assert event.user_id == admin.user_id
    assert integrity.check(ws).ok  # the audit chain still holds
    # the same values again: nothing changes, nothing is written
    assert office.update_profile(ws, admin, name="KPU Kabupaten Kupang", timezone="WIT") == []
    assert len(events(ws, "office_updated")) == 1
    assert office.update_profile(ws, admin, address="", remove_logo=True) == ["address", "logo"]
    assert office.profile(ws).address is None and office.profile(ws).logo is None


def test_office_profile_is_refused_to_others_and_to_bad_input(ws, admin, make_user, tmp_path):
    kasubag = make_user("yosef", "Kasubag")
    with pytest.raises(PermissionRefused, match="administrator"):
        office.update_profile(ws, kasubag, name="KPU Lain")
    with pytest.raises(UserError, match="Nama kantor wajib"):
        office.update_profile(ws, admin, name="   ")
    with pytest.raises(UserError, match="WIB, WITA atau WIT"):
        office.update_profile(ws, admin, timezone="UTC")
    fake = tmp_path / "logo.png"
    fake.write_text("bukan gambar")
    with pytest.raises(UserError, match="bukan gambar PNG"):
        office.update_profile(ws, admin, logo=fake)
    with pytest.raises(UserError, match="PNG atau JPG"):
        office.update_profile(ws, admin, logo=tmp_path / "logo.gif")
    assert office.profile(ws).name == "KPU Kota Kupang" and not events(ws, "office_updated")


def test_demo_office_is_built_in_its_own_directory_whatever_the_db_setting(ws, admin, data_dir, monkeypatch):
    monkeypatch.setenv("SOPDESK_DB", f"sqlite:///{data_dir / 'sopdesk.sqlite3'}")  # must not be followed
    demo_ws, demo_admin = office.open_demo_office(data_dir, cases=3, seed=2)
    try:
        assert demo_ws.data_dir == data_dir / "contoh" == office.demo_dir(data_dir)
        assert str(data_dir / "contoh") in demo_ws.db.url
        assert demo_admin.username == "admin"
        with demo_ws.db.reading() as session:
            assert session.scalar(select(func.count(Case.id))) >= 3
    finally:
        demo_ws.close()
    with ws.db.reading() as session:
        assert session.scalar(select(func.count(Case.id))) == 0
    assert office.profile(ws).name == "KPU Kota Kupang"
    # opened again: the same demo office, not built twice
    again, _ = office.open_demo_office(data_dir, cases=3, seed=2)
    try:
        with again.db.reading() as session:
            assert session.scalar(select(func.count(Case.id))) == 3
    finally:
        again.close()
