"""Parse the Mutu Baku "Waktu" column into a structured duration.

The SOPs write durations as free text: "5 Menit", "1 Jam", "60 menit", "2 Hari kerja",
"1 Hari", "-", "Sesuai dengan jadwal pelaksanaan Raker/Rakor" and
"1 Hari setelah pelaksanaan Rakor/Raker". A plain "Hari" is a calendar day, as written;
"Hari Kerja" counts working days only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache


class Satuan(StrEnum):
    MENIT = "menit"
    JAM = "jam"
    HARI = "hari"
    HARI_KERJA = "hari_kerja"
    TANPA_STANDAR = "tanpa_standar"  # "-", "sesuai jadwal": no standard time


@dataclass(frozen=True)
class Waktu:
    teks: str
    satuan: Satuan
    jumlah: int = 0
    acuan: str | None = None  # "setelah pelaksanaan Rakor/Raker": counted from that event

    @property
    def has_standard(self) -> bool:
        return self.satuan is not Satuan.TANPA_STANDAR

    @property
    def minutes(self) -> int | None:
        """The standard in minutes for minute/hour units (None for days or no standard)."""
        if self.satuan is Satuan.MENIT:
            return self.jumlah
        if self.satuan is Satuan.JAM:
            return self.jumlah * 60
        return None

    def label(self) -> str:
        if not self.has_standard:
            return "Tanpa standar waktu"
        unit = {
            Satuan.MENIT: "menit",
            Satuan.JAM: "jam",
            Satuan.HARI: "hari",
            Satuan.HARI_KERJA: "hari kerja",
        }[self.satuan]
        return f"{self.jumlah} {unit}"


_NUMBER_UNIT = re.compile(
    r"^\s*(?P<n>\d{1,4})\s*(?P<unit>menit|jam|hari\s+kerja|hari)\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_NO_STANDARD = re.compile(r"^\s*(-|–|sesuai\b.*|menyesuaikan\b.*)\s*$", re.IGNORECASE)


def parse_waktu(text: str) -> Waktu:
    """Parse a waktu text; raise ValueError (Indonesian message) if it is not understood."""
    if not isinstance(text, str):
        raise ValueError("waktu harus berupa teks, misalnya '5 Menit' atau '2 Hari Kerja'")
    return _parse_text(text)


@lru_cache(maxsize=1024)  # a catalog has a few dozen distinct texts; a Waktu is immutable
def _parse_text(text: str) -> Waktu:
    clean = " ".join(text.split())
    if not clean or _NO_STANDARD.match(clean):
        return Waktu(teks=clean or "-", satuan=Satuan.TANPA_STANDAR)
    match = _NUMBER_UNIT.match(clean)
    if not match:
        raise ValueError(
            f"waktu {clean!r} tidak dikenali; tulis misalnya '5 Menit', '1 Jam', '1 Hari', "
            "'2 Hari Kerja', '-' atau 'Sesuai jadwal'"
        )
    jumlah = int(match["n"])
    if jumlah <= 0:
        raise ValueError(f"waktu {clean!r}: jumlah harus lebih dari 0")
    unit = " ".join(match["unit"].lower().split())
    satuan = {
        "menit": Satuan.MENIT,
        "jam": Satuan.JAM,
        "hari": Satuan.HARI,
        "hari kerja": Satuan.HARI_KERJA,
    }[unit]
    rest = match["rest"].strip()
    acuan = None
    if rest:
        if not rest.lower().startswith("setelah"):
            raise ValueError(
                f"waktu {clean!r}: teks setelah satuan harus diawali 'setelah ...' "
                "(misalnya '1 Hari setelah pelaksanaan Rakor/Raker')"
            )
        acuan = rest
    return Waktu(teks=clean, satuan=satuan, jumlah=jumlah, acuan=acuan)
