"""The tanda bukti's two copies say whose they are: lembar 1 speaks to the applicant, lembar 2
is the desk's own archive copy (it repeated "Simpan tanda bukti ini…", addressed to the
applicant, on the sheet the office keeps)."""

from __future__ import annotations

import pypdf
import pytest

from sopdesk.engine.visitors import VisitorForm, register_visitor
from sopdesk.reports import render_receipt

TO_APPLICANT = "Simpan tanda bukti ini"


def halves(path) -> tuple[str, str]:
    """The page's text before and after "Lembar 2"."""
    [page] = pypdf.PdfReader(path).pages
    text = " ".join(page.extract_text().split())
    first, _, second = text.partition("Lembar 2")
    assert second, text
    return first, "Lembar 2" + second


@pytest.mark.parametrize("purpose", ["permohonan_informasi", "bertamu"])
def test_lembar_2_is_the_offices_copy_and_says_so(ws, staff, tmp_path, purpose):
    extra = {"info_requested": "Salinan BA Pleno", "obtain_method": "salinan_cetak",
             "delivery_method": "langsung", "info_use": "Penelitian"} if purpose == "permohonan_informasi" else {}
    visitor_id, case_no = register_visitor(ws, staff["Help Desk"], VisitorForm(
        name="Maria Manafe", purpose=purpose, id_number="5371010000000007", institution="Undana", **extra))
    applicant, office = halves(render_receipt(ws, staff["Help Desk"], visitor_id, tmp_path / "bukti.pdf"))
    assert ("Lembar 1: untuk pemohon" if purpose == "permohonan_informasi" else "Lembar 1: untuk tamu") in applicant
    assert "Lembar 2: arsip kantor (Help Desk)" in office
    assert "Arsip Help Desk" in office and "Simpan bersama buku tamu" in office
    assert "Arsip Help Desk" not in applicant
    assert TO_APPLICANT not in office and "Terima kasih atas kunjungan Anda" not in office
    if purpose == "permohonan_informasi":
        assert TO_APPLICANT in applicant
        assert "Desk Layanan Informasi Publik" in office and "tercatatnya identitas dan tujuan pemohon" in office
        assert case_no and case_no in office  # the same fields on both copies
    else:
        assert "Terima kasih atas kunjungan Anda" in applicant
        # a visitor, not an applicant; a visit starts no case, so no "Nomor kasus: -" either
        assert "pemohon" not in (applicant + office).lower()
        assert "Tamu" in applicant and "Nomor kasus" not in applicant + office


def test_the_receipt_answers_the_two_questions_of_form_b_on_their_own_lines(ws, staff, tmp_path):
    # "E-mail" stood under "Cara memperoleh informasi", read as a second way of obtaining it
    visitor_id, _ = register_visitor(ws, staff["Help Desk"], VisitorForm(
        name="Agustina Lenggu", purpose="permohonan_informasi", info_requested="Data partisipasi pemilih",
        obtain_method="salinan_elektronik", delivery_method="email", email="agustina@contoh.id"))
    applicant, _ = halves(render_receipt(ws, staff["Help Desk"], visitor_id, tmp_path / "bukti.pdf"))
    assert "Cara memperoleh informasi : Mendapatkan salinan informasi (softcopy)" in applicant
    assert "Cara mendapatkan salinan : E-mail" in applicant
