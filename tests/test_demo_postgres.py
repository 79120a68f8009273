"""The demo office on a PostgreSQL server: its rows are written with their own ids, so the
server's sequences must follow them, or the first login afterwards fails (found by running
tests/benchmark_core.py --db on a server); its seals, made from the values written rather than
read back (engine.demo_rows), are the ones the server's rows give. Written in several batches,
made in a worker process (engine.demo_pipe) as a 100,000-case demo is."""

from __future__ import annotations

from sopdesk.engine import cases, demo, integrity
from sopdesk.engine.demo import build_demo, demo_password
from sopdesk.engine.workspace import Workspace


def test_after_a_demo_on_postgresql_users_sign_in_and_start_cases(pg_url, tmp_path, monkeypatch):
    monkeypatch.setattr(demo, "FLUSH_EVERY", 15)  # three batches: made apart
    ws = Workspace.open(tmp_path / "data", pg_url)
    try:
        build_demo(ws, cases=40, seed=1)
        report = integrity.check(ws)
        assert report.ok, [finding.message for finding in report.findings]
        assert report.checked["audit_events"] > 40
        actor = ws.login("help.desk", demo_password())  # writes an audit event
        number = cases.start_case(ws, actor, "PP", "Permohonan salinan DPT", entry="surat", requester="Maria")
        assert number.startswith("PP/")
    finally:
        ws.close()
