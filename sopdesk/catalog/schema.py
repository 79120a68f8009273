"""The SOP catalog model: the paper SOP form (Permenpan RB 35/2012) as validated data.

Keys mirror the form's Indonesian headings so that an administrator who knows the paper
form can read and write the files (see sop_catalog/FORMAT.md).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    field_validator,
)

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
    # defer_build: the validators and serializers are built when a file is first validated,
    # not at import: a command that reads the cached catalog (pickled, already validated)
    # never builds them (issue #15).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


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
    # issue #13 (lanes): a party outside the office (Pemohon): no user holds it; users of
    # `peran` record its steps on its behalf
    eksternal: bool = False


# --- issue #13 (catalog import): front doors and output kinds ------------------------------

DOOR_KINDS = ("tamu", "surat")  # a visitor's purpose at the help desk, a kind of incoming letter
OUTPUT_KINDS = ("dokumen", "formulir", "surat_keluar", "ekspedisi")
DOKUMEN = "dokumen"


class Pintu(_Strict):
    """What starts a case at an entry besides a manual start: a visitor purpose chosen at the
    help desk (`tamu`) or a kind of incoming letter chosen when it is registered (`surat`)."""

    jenis: Literal["tamu", "surat"]
    kode: Kode  # the purpose / letter kind, unique per jenis in the installed catalog
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
    judul: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)] | None = None

    @property
    def title_prefix(self) -> str:
        """The started case's title begins with this ("Permohonan informasi: ...")."""
        return f"{self.judul or self.label}: "


class Keluaran(str):
    """An output of a step. The object *is* its name (documents, the step form, the drafts and
    the prints go by name), and it carries its kind, declared in the file:
    dokumen (kept with the case), formulir (a form filled in), surat_keluar (a letter
    numbered in the outgoing agenda and dispatched), ekspedisi (the dispatch record: a line
    of the buku ekspedisi for what the step hands over)."""

    jenis: str

    def __new__(cls, nama: str, jenis: str = DOKUMEN) -> Keluaran:
        self = super().__new__(cls, nama)
        self.jenis = jenis
        return self

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]  # typeshed: str's is (str,); a copy keeps its kind
        return str(self), self.jenis


def _keluaran(value: Any) -> Keluaran:
    """A plain text is a dokumen; a mapping names its kind: {nama: ..., jenis: surat_keluar}."""
    if isinstance(value, Keluaran):
        return value
    if isinstance(value, str):
        nama, jenis = value, DOKUMEN
    elif isinstance(value, dict):
        unknown = sorted(str(k) for k in value if k not in ("nama", "jenis"))
        if unknown:
            raise ValueError(f"kunci tidak dikenal: {', '.join(unknown)} (yang diterima: nama, jenis)")
        given, jenis = value.get("nama"), value.get("jenis", DOKUMEN)
        if not isinstance(given, str):
            raise ValueError("nama output wajib diisi (teks)")
        nama = given
        if jenis not in OUTPUT_KINDS:
            raise ValueError(f"jenis output {jenis!r} tidak dikenal; yang diterima: {', '.join(OUTPUT_KINDS)}")
    else:
        raise ValueError("output harus berupa teks atau pemetaan nama/jenis")
    nama = nama.strip()
    if not nama:
        raise ValueError("nama output tidak boleh kosong")
    if len(nama) > 2000:
        raise ValueError("nama output terlalu panjang (maksimal 2000 karakter)")
    return Keluaran(nama, jenis)


OutputItem = Annotated[
    Any,
    PlainValidator(_keluaran),
    PlainSerializer(lambda k: {"nama": str(k), "jenis": k.jenis}, return_type=dict),
]


class Entri(_Strict):
    kode: Kode
    nama: Item
    kegiatan: StepNo
    pintu: Pintu | None = None  # issue #13: front door; None = started by hand only


# --- end of issue #13 (catalog import) block -----------------------------------------------


def _check_waktu(value: str) -> str:
    parse_waktu(value)
    return value


# --- issue #13 (deadlines): conditional and extendable case deadlines ---------------------

class BerlakuJika(_Strict):
    """A deadline that applies only when a decision step chose a given route."""

    kegiatan: StepNo  # the decision step
    pilihan: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]


class Perpanjangan(_Strict):
    """How a 'paling lambat' deadline may be extended: by `waktu` each time, at most
    `paling_banyak` times, each with a reason and (when named) the written notice as output."""

    waktu: Item
    paling_banyak: Annotated[int, Field(ge=1, le=10)] = 1
    output: Item | None = None  # the notice, e.g. "Surat Pemberitahuan Perpanjangan Waktu"

    _waktu_ok = field_validator("waktu")(_check_waktu)

    @property
    def waktu_baku(self) -> Waktu:
        return parse_waktu(self.waktu)


class Tenggat(_Strict):
    kode: Kode
    nama: Item
    jenis: Literal["paling_lambat", "paling_cepat"]
    waktu: Item
    sejak: StepNo | Literal["mulai"]
    kegiatan: Annotated[list[StepNo], Field(min_length=1)]
    dasar: Text | None = None
    berlaku_jika: BerlakuJika | None = None  # issue #13: None = applies to every case
    perpanjangan: Perpanjangan | None = None  # issue #13: only for paling_lambat

    _waktu_ok = field_validator("waktu")(_check_waktu)

    @property
    def waktu_baku(self) -> Waktu:
        return parse_waktu(self.waktu)


class Pilihan(_Strict):
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
    lanjut: Target
    rahasia: bool = False  # issue #13: this route marks the case confidential


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
    output: list[OutputItem] = []  # Keluaran: str with .jenis (issue #13)
    keterangan: Text | None = None
    lanjut: Target | None = None
    keputusan: Keputusan | None = None
    menunggu: Item | None = None
    # issue #13 (lanes): further lanes that work the step with `pelaksana`, in order: each
    # confirms in turn, the last one completes it (persetujuan berjenjang)
    pelaksana_bersama: Annotated[list[Kode], Field(max_length=5)] = []

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

    @property
    def lanes(self) -> list[str]:
        """Every lane that works the step, in the order they confirm it."""
        return [self.pelaksana, *self.pelaksana_bersama]


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
    def stored_json(self) -> str:
        """The SOP as stored in sop_revision.content (computed once, and kept with the
        catalog in the user cache: the serializer is then never built on a command's path)."""
        return self.model_dump_json()

    @cached_property
    def stored_sha256(self) -> str:
        return hashlib.sha256(self.stored_json.encode()).hexdigest()

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

    def roles_of(self, no: int) -> list[str]:
        """The roles of every lane of a step, in order (one unless the step is joint)."""
        return [self.lane(kode).peran for kode in self.step(no).lanes]

    def entry(self, kode: str | None) -> Entri:
        if kode is None:
            return self.entri[0]
        for entri in self.entri:
            if entri.kode == kode:
                return entri
        raise KeyError(kode)

    def exits(self, no: int) -> list[tuple[str | None, int | str]]:
        """The routes out of a step: (choice label or None, target step or 'selesai')."""
        return _exits(self.step(no), self.kegiatan)

    @property
    def roles(self) -> set[str]:
        return {p.peran for p in self.pelaksana}


class _Loose(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)


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
    jenis: Any = None
    berlaku_jika: Any = None
    perpanjangan: Any = None


class _FlowStep(_Loose):
    no: StepNo
    pelaksana: str
    pelaksana_disimpulkan: Any = False
    alasan_pelaksana: Any = None
    lanjut: Target | None = None
    keputusan: Keputusan | None = None
    menunggu: Any = None
    pelaksana_bersama: Any = []


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

    def exits(self, no: int) -> list[tuple[str | None, int | str]]:
        """As Sop.exits."""
        return _exits(self.step(no), self.kegiatan)


def _exits(step: Kegiatan | _FlowStep, kegiatan: Sequence[Kegiatan | _FlowStep]) -> list[tuple[str | None, int | str]]:
    """The routes out of `step` of a flow whose steps are `kegiatan` (Sop.exits)."""
    if step.keputusan is not None:
        return [(p.label, p.lanjut) for p in step.keputusan.pilihan]
    if step.lanjut is not None:
        return [(None, step.lanjut)]
    numbers = [k.no for k in kegiatan]
    index = numbers.index(step.no)
    return [(None, numbers[index + 1] if index + 1 < len(numbers) else END)]


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
