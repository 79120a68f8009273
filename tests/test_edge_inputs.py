"""Inputs that used to reach the user as internal errors."""

from pathlib import Path

import pytest

from sopdesk.catalog import validate_paths
from sopdesk.engine import cases
from sopdesk.errors import UserError


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_validating_an_endless_device_stops_at_the_size_limit():
    [problem] = validate_paths([Path("/dev/zero")])
    assert "terlalu besar" in str(problem)


def test_text_with_a_lone_surrogate_is_refused_and_nothing_is_stored(ws, staff):
    with pytest.raises(UserError, match="karakter yang tidak sah"):
        cases.start_case(ws, staff["Sekretaris"], "TKS", "Pleno \udc80 mingguan")
    assert cases.start_case(ws, staff["Sekretaris"], "TKS", "Pleno mingguan") == "TKS/2026/0001"


def test_attachment_store_is_private_to_the_user(ws, staff, tmp_path):
    scan = tmp_path / "surat.pdf"
    scan.write_bytes(b"%PDF-1.4 surat")
    number = cases.start_case(ws, staff["Sekretaris"], "TKS", "Pleno mingguan")
    cases.complete(ws, staff["Sekretaris"], number, cases.StepInput(files={"1": scan}))
    [stored] = [p for p in ws.attachments_dir.rglob("*") if p.is_file()]
    assert ws.attachments_dir.stat().st_mode & 0o777 == 0o700
    assert stored.parent.stat().st_mode & 0o777 == 0o700
    assert stored.stat().st_mode & 0o777 == 0o600
