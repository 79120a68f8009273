"""`sopdesk inbox --as` does as little as showing the inbox needs (issue #15): its login is a
login to read (engine.viewer), which writes nothing when the password is right."""

from __future__ import annotations

import pytest
from conftest import PASSWORD


def _audit_events(ws) -> list[tuple[str, int | None]]:  # noqa: ANN001 - the ws fixture's Workspace
    from sqlalchemy import select

    from sopdesk.store.models import AuditEvent

    with ws.db.reading() as session:
        return list(session.execute(select(AuditEvent.action, AuditEvent.user_id).order_by(AuditEvent.id)))


@pytest.mark.both_stores
def test_inbox_is_a_login_to_read_and_a_wrong_password_is_still_counted(ws, admin, monkeypatch, capsys):
    from sopdesk.cli.main import main

    url = ["--db", ws.db.url_with_password] if ws.db.dialect == "postgresql" else []
    before = _audit_events(ws)
    monkeypatch.setenv("SOPDESK_PASSWORD", PASSWORD)
    assert main([*url, "--data-dir", str(ws.data_dir), "inbox", "--as", "admin"]) == 0
    assert _audit_events(ws) == before  # shown, nothing written (as `case show`)
    monkeypatch.setenv("SOPDESK_PASSWORD", "salah")
    assert main([*url, "--data-dir", str(ws.data_dir), "inbox", "--as", "admin"]) == 1
    assert "kata sandi salah" in capsys.readouterr().err.lower()
    assert _audit_events(ws) == [*before, ("login_failed", None)]
