"""The Mutu Baku "Waktu" texts: every text of the bundled catalog is understood, bad texts
are refused with an Indonesian message that quotes what the administrator wrote."""

from __future__ import annotations

import re

import pytest

from sopdesk.catalog import Satuan, bundled_catalog_dir, load_catalog, parse_waktu


def _catalog_waktu_texts() -> list[str]:
    catalog = load_catalog([bundled_catalog_dir()])
    texts: set[str] = set()
    for sop in catalog.sops.values():
        texts |= {step.waktu for step in sop.kegiatan}
        texts |= {tenggat.waktu for tenggat in sop.tenggat}
    return sorted(texts)


CATALOG_TEXTS = _catalog_waktu_texts()


def _unit_from_wording(text: str) -> Satuan:
    """An independent reading of the text, word by word (not the parser's regex)."""
    words = text.lower().split()
    if text.strip() == "-" or words[0] == "sesuai":
        return Satuan.TANPA_STANDAR
    if words[1] == "menit":
        return Satuan.MENIT
    if words[1] == "jam":
        return Satuan.JAM
    if words[1] == "hari" and len(words) > 2 and words[2] == "kerja":
        return Satuan.HARI_KERJA
    if words[1] == "hari":
        return Satuan.HARI
    raise AssertionError(f"unexpected waktu text in the catalog: {text!r}")


def test_catalog_has_the_known_kinds_of_waktu():
    # the bundled SOPs use minutes, hours, calendar days, working days and "no standard"
    units = {parse_waktu(text).satuan for text in CATALOG_TEXTS}
    assert units == set(Satuan)


@pytest.mark.parametrize("text", CATALOG_TEXTS)
def test_every_catalog_waktu_parses_to_the_unit_it_names(text):
    waktu = parse_waktu(text)
    expected = _unit_from_wording(text)
    assert waktu.satuan is expected
    if expected is Satuan.TANPA_STANDAR:
        assert not waktu.has_standard
        assert waktu.minutes is None
    else:
        assert waktu.has_standard
        assert waktu.jumlah == int(text.split()[0])
        assert waktu.jumlah > 0


@pytest.mark.parametrize(
    ("text", "satuan", "jumlah", "minutes"),
    [
        ("5 Menit", Satuan.MENIT, 5, 5),
        ("3 menit", Satuan.MENIT, 3, 3),
        ("60 menit", Satuan.MENIT, 60, 60),
        ("1 Jam", Satuan.JAM, 1, 60),
        ("1 jam", Satuan.JAM, 1, 60),
        ("2 Jam", Satuan.JAM, 2, 120),
        ("2 Hari kerja", Satuan.HARI_KERJA, 2, None),
        ("5 Hari Kerja", Satuan.HARI_KERJA, 5, None),
        ("1 Hari", Satuan.HARI, 1, None),
        ("14 Hari", Satuan.HARI, 14, None),
    ],
)
def test_number_and_unit(text, satuan, jumlah, minutes):
    waktu = parse_waktu(text)
    assert (waktu.satuan, waktu.jumlah, waktu.minutes) == (satuan, jumlah, minutes)
    assert waktu.acuan is None


def test_one_hour_equals_sixty_minutes():
    assert parse_waktu("1 Jam").minutes == parse_waktu("60 menit").minutes == 60


@pytest.mark.parametrize("text", ["-", "Sesuai dengan jadwal pelaksanaan Raker/Rakor"])
def test_no_standard_time(text):
    waktu = parse_waktu(text)
    assert waktu.satuan is Satuan.TANPA_STANDAR
    assert not waktu.has_standard
    assert waktu.label() == "Tanpa standar waktu"


def test_days_counted_from_an_event():
    waktu = parse_waktu("1 Hari setelah pelaksanaan Rakor/Raker")
    assert (waktu.satuan, waktu.jumlah) == (Satuan.HARI, 1)
    assert waktu.acuan == "setelah pelaksanaan Rakor/Raker"


def test_spacing_and_case_do_not_matter():
    waktu = parse_waktu("  2   hari\tKERJA ")
    assert (waktu.satuan, waktu.jumlah) == (Satuan.HARI_KERJA, 2)
    assert waktu.teks == "2 hari KERJA"


@pytest.mark.parametrize(
    ("text", "label"),
    [("2 Hari kerja", "2 hari kerja"), ("1 Jam", "1 jam"), ("5 Menit", "5 menit"),
     ("1 Hari", "1 hari")],
)
def test_label_shown_to_the_user(text, label):
    assert parse_waktu(text).label() == label


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("lima menit", r"tidak dikenali"),
        ("0 menit", r"lebih dari 0"),
        ("3 minggu", r"tidak dikenali"),
        ("5 Menit kemudian", r"diawali 'setelah"),
    ],
)
def test_bad_text_is_refused_with_an_indonesian_message(text, hint):
    with pytest.raises(ValueError) as info:
        parse_waktu(text)
    message = str(info.value)
    assert repr(text) in message  # quotes what the administrator wrote
    assert re.search(hint, message)
    # Indonesian, with an example of what is accepted
    assert re.search(r"\b(waktu|harus|misalnya|tidak)\b", message)


def test_bad_text_message_gives_examples():
    with pytest.raises(ValueError, match=r"misalnya '5 Menit'.*'2 Hari Kerja'"):
        parse_waktu("tiga jam")


@pytest.mark.parametrize("value", [5, None, 1.5, ["5 Menit"], {"jam": 1}])
def test_non_text_is_refused(value):
    with pytest.raises(ValueError, match="waktu harus berupa teks"):
        parse_waktu(value)
