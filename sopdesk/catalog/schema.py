"""The SOP catalog model: the paper SOP form (Permenpan RB 35/2012) as validated data.

Keys mirror the form's Indonesian headings so that an administrator who knows the paper
form can read and write the files (see sop_catalog/FORMAT.md).
"""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from sopdesk.catalog.waktu import Waktu, parse_waktu

END = "selesai"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]
Item = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Kode = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z][a-z0-9_]{0,39}$")
]
SopKode = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Z][A-Z0-9-]{0,19}$")
]
StepNo = Annotated[int, Field(ge=1, le=999)]
Target = StepNo | Literal["selesai"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DisahkanOleh(_Strict):
    jabatan: Text
    nama: Item | None = None


class Identitas(_Strict):
    instansi: Text
    unit: Item | None = None
    nomor_sop: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] = ""
    keputusan: Item | None = None
    tanggal_pembuatan: date | None = None
    tanggal_revisi: date | None = None
    tanggal_efektif: date | None = None
    tanggal_pengesahan: date | None = None
    disahkan_oleh: DisahkanOleh
    nama_sop: Text
    zona_waktu: Literal["WIB", "WITA", "WIT"]
    alamat: Item | None = None
    telepon: Item | None = None


class Pelaksana(_Strict):
    kode: Kode
    nama: Item
    peran: Item


class Entri(_Strict):
    kode: Kode
    nama: Item
    kegiatan: StepNo


def _check_waktu(value: str) -> str:
    parse_waktu(value)
    return value


class Tenggat(_Strict):
    kode: Kode
    nama: Item
    jenis: Literal["paling_lambat", "paling_cepat"]
    waktu: Item
    sejak: StepNo | Literal["mulai"]
    kegiatan: Annotated[list[StepNo], Field(min_length=1)]
    dasar: Text | None = None

    _waktu_ok = field_validator("waktu")(_check_waktu)

    @property
    def waktu_baku(self) -> Waktu:
        return parse_waktu(self.waktu)


class Pilihan(_Strict):
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
    lanjut: Target


class Keputusan(_Strict):
    pertanyaan: Text
    pilihan: Annotated[list[Pilihan], Field(min_length=2, max_length=10)]


class Kegiatan(_Strict):
    no: StepNo
    kegiatan: Text
    pelaksana: Kode
    pelaksana_disimpulkan: bool = False
    alasan_pelaksana: Text | None = None
    kelengkapan: list[Item] = []
    waktu: Item
    output: list[Item] = []
    keterangan: Text | None = None
    lanjut: Target | None = None
    keputusan: Keputusan | None = None
    menunggu: Item | None = None

    _waktu_ok = field_validator("waktu")(_check_waktu)

    @property
    def waktu_baku(self) -> Waktu:
        return parse_waktu(self.waktu)

    @property
    def is_decision(self) -> bool:
        return self.keputusan is not None

    @property
    def is_wait(self) -> bool:
        return self.menunggu is not None


class _Document(_Strict):
    kode: SopKode
    revisi: Annotated[int, Field(ge=1, le=100000)]
    identitas: Identitas
    dasar_hukum: list[Item] = []
    kualifikasi_pelaksana: list[Item] = []
    keterkaitan: list[Item] = []
    peralatan_perlengkapan: list[Item] = []
    peringatan: list[Item] = []
    pencatatan_pendataan: list[Item] = []

    @property
    def nama(self) -> str:
        return self.identitas.nama_sop


class Sop(_Document):
    model_config = ConfigDict(extra="forbid", frozen=True, ignored_types=(cached_property,))

    jenis: Literal["sop"]
    pelaksana: Annotated[list[Pelaksana], Field(min_length=1, max_length=30)]
    entri: Annotated[list[Entri], Field(min_length=1, max_length=20)]
    tenggat: list[Tenggat] = []
    kegiatan: Annotated[list[Kegiatan], Field(min_length=1, max_length=500)]

    @cached_property
    def _steps(self) -> dict[int, Kegiatan]:
        return {k.no: k for k in self.kegiatan}

    @cached_property
    def _lanes(self) -> dict[str, Pelaksana]:
        return {p.kode: p for p in self.pelaksana}

    def step(self, no: int) -> Kegiatan:
        return self._steps[no]

    def has_step(self, no: int) -> bool:
        return no in self._steps

    def lane(self, kode: str) -> Pelaksana:
        return self._lanes[kode]

    def role_of(self, no: int) -> str:
        return self.lane(self.step(no).pelaksana).peran

    def entry(self, kode: str | None) -> Entri:
        if kode is None:
            return self.entri[0]
        for entri in self.entri:
            if entri.kode == kode:
                return entri
        raise KeyError(kode)

    def exits(self, no: int) -> list[tuple[str | None, int | str]]:
        """The routes out of a step: (choice label or None, target step or 'selesai')."""
        step = self.step(no)
        if step.keputusan is not None:
            return [(p.label, p.lanjut) for p in step.keputusan.pilihan]
        if step.lanjut is not None:
            return [(None, step.lanjut)]
        numbers = [k.no for k in self.kegiatan]
        index = numbers.index(no)
        return [(None, numbers[index + 1] if index + 1 < len(numbers) else END)]

    @property
    def roles(self) -> set[str]:
        return {p.peran for p in self.pelaksana}


class _Loose(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class _FlowLane(_Loose):
    kode: str
    peran: Any = None


class _FlowEntry(_Loose):
    kode: str
    kegiatan: StepNo


class _FlowTenggat(_Loose):
    kode: str
    sejak: StepNo | Literal["mulai"]
    kegiatan: list[StepNo]


class _FlowStep(_Loose):
    no: StepNo
    pelaksana: str
    pelaksana_disimpulkan: Any = False
    alasan_pelaksana: Any = None
    lanjut: Target | None = None
    keputusan: Keputusan | None = None
    menunggu: Any = None


class FlowView(_Loose):
    """Only the routing part of an SOP file, read leniently: lets the route checks run (and
    report) even when other fields of the file are invalid."""

    model_config = ConfigDict(extra="ignore", frozen=True, ignored_types=(cached_property,))

    pelaksana: list[_FlowLane]
    entri: list[_FlowEntry]
    tenggat: list[_FlowTenggat] = []
    kegiatan: Annotated[list[_FlowStep], Field(min_length=1)]

    @cached_property
    def _steps(self) -> dict[int, _FlowStep]:
        return {k.no: k for k in self.kegiatan}

    def step(self, no: int) -> _FlowStep:
        return self._steps[no]

    exits = Sop.exits


class Unit(_Strict):
    kode: Kode
    nama: Item
    keterangan: Item | None = None
    induk: Kode | None = None
    peran: Item
    uraian_tugas: list[Item] = []


class PeranTermasuk(_Strict):
    """A role that includes other roles: whoever holds `peran` also works the lanes of every
    role in `termasuk` (the Ketua is one of the Anggota KPU, so Ketua includes Komisioner)."""

    peran: Item
    termasuk: Annotated[list[Item], Field(min_length=1, max_length=30)]
    dasar: Text | None = None


class Organisasi(_Document):
    jenis: Literal["organisasi"]
    divisi: list[Unit] = []
    unit_sekretariat: list[Unit] = []
    peran_termasuk: list[PeranTermasuk] = []

    @property
    def units(self) -> list[Unit]:
        return [*self.divisi, *self.unit_sekretariat]

    @property
    def roles(self) -> set[str]:
        named = {p.peran for p in self.peran_termasuk} | {r for p in self.peran_termasuk for r in p.termasuk}
        return {u.peran for u in self.units} | named
