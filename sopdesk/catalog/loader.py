"""Read catalog files: YAML -> validated Sop / Organisasi, with every problem named.

Every problem is reported with the file, the place (step number, lane, entry) and the
field, all at once, so that an administrator can fix a file in one pass.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from sopdesk.catalog.problems import MAX_FILE_BYTES, CatalogError, Problem
from sopdesk.catalog.schema import END, FlowView, Organisasi, Sop

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

Document = Sop | Organisasi


def read_text(path: Path) -> str:
    """The file's text; at most MAX_FILE_BYTES are read (a device or a pipe that never ends,
    such as /dev/zero, reports size 0)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise CatalogError([Problem(str(path), "", "", "berkas tidak ditemukan")]) from None
    except IsADirectoryError:
        raise CatalogError([Problem(str(path), "", "", "ini folder, bukan berkas")]) from None
    except OSError as exc:
        raise CatalogError([Problem(str(path)[:200], "", "", f"tidak dapat dibaca: {exc.strerror}")]) from None
    if len(data) > MAX_FILE_BYTES:
        raise CatalogError([Problem(path.name, "", "", f"berkas terlalu besar (lebih dari {MAX_FILE_BYTES} byte)")])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogError([Problem(path.name, "", "", f"bukan teks UTF-8 (byte ke-{exc.start})")]) from None


def load_file(path: Path | str) -> Document:
    path = Path(path)
    return parse_document(read_text(path), path.name)


def parse_document(text: str, name: str) -> Document:
    import yaml  # only when a file is read: a command on the cached catalog never parses YAML

    from sopdesk.catalog.yaml_reader import NoAliasLoader, yaml_mistake

    try:
        data = yaml.load(text, Loader=NoAliasLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"baris {mark.line + 1}, kolom {mark.column + 1}" if mark else ""
        raise CatalogError([Problem(name, where, "", f"YAML tidak valid: {yaml_mistake(exc)}")]) from None
    except Exception as exc:  # noqa: BLE001 - PyYAML's constructors raise ValueError etc.
        # e.g. a date that does not exist (2020-02-30) or a 5000-digit number
        raise CatalogError([Problem(name, "", "", f"nilai tidak dapat dibaca: {exc}")]) from None
    return build_document(data, name)


def build_document(data: Any, name: str) -> Document:
    if not isinstance(data, dict):
        raise CatalogError([Problem(name, "", "", "isi berkas harus berupa pemetaan kunci: nilai")])
    jenis = data.get("jenis")
    models: dict[str, type[Sop] | type[Organisasi]] = {"sop": Sop, "organisasi": Organisasi}
    model = models.get(jenis) if isinstance(jenis, str) else None
    if model is None:
        raise CatalogError([Problem(name, "", "jenis", "harus 'sop' atau 'organisasi'")])
    try:
        document = model.model_validate(data)
    except ValidationError as exc:
        problems = _schema_problems(exc, data, name)
        if model is Sop:  # report route problems in the same pass, where routes are readable
            try:
                flow = FlowView.model_validate(data)
            except ValidationError:
                pass
            else:
                problems += [p for p in check_flow(flow, name) if p not in problems]
        raise CatalogError(problems) from None
    if isinstance(document, Sop):
        problems = check_flow(document, name)
        if problems:
            raise CatalogError(problems)
    else:
        problems = check_organisation(document, name)
        if problems:
            raise CatalogError(problems)
    return document


_LIST_LABELS = {"kegiatan": "no", "pelaksana": "kode", "entri": "kode", "tenggat": "kode",
                "peran_termasuk": "peran"}


def _schema_problems(exc: ValidationError, data: dict[str, Any], name: str) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = list(error["loc"])
        where, rest = _where(loc, data)
        message = _message(error)
        problems.append(Problem(name, where, ".".join(str(p) for p in rest), message))
    return problems


def _where(loc: list[str | int], data: dict[str, Any]) -> tuple[str, list[str | int]]:
    """Turn ('kegiatan', 2, 'waktu') into ('kegiatan 3', ['waktu']) using the step's own no."""
    if len(loc) >= 2 and loc[0] in _LIST_LABELS and isinstance(loc[1], int):
        key = _LIST_LABELS[loc[0]]
        items = data.get(loc[0])
        label = f"#{loc[1] + 1}"
        if isinstance(items, list) and loc[1] < len(items) and isinstance(items[loc[1]], dict):
            own = items[loc[1]].get(key)
            if isinstance(own, str) and len(own) <= 60:
                label = own
            elif isinstance(own, int) and not isinstance(own, bool) and abs(own) < 10**9:
                label = str(own)
        return f"{loc[0]} {label}", loc[2:]
    return "", loc


_MESSAGES = {
    "missing": "wajib diisi",
    "extra_forbidden": "kunci tidak dikenal (periksa ejaan; contoh berkas yang benar: contoh-sop-kantor.yaml "
                       "di folder program)",
    "string_type": "harus berupa teks",
    "int_type": "harus berupa bilangan bulat",
    "int_parsing": "harus berupa bilangan bulat",
    "int_from_float": "harus berupa bilangan bulat",
    "bool_type": "harus true atau false",
    "bool_parsing": "harus true atau false",
    "list_type": "harus berupa daftar (butir-butir diawali '-')",
    "dict_type": "harus berupa pemetaan kunci: nilai",
    "model_type": "harus berupa pemetaan kunci: nilai",
    "model_attributes_type": "harus berupa pemetaan kunci: nilai",
    "date_type": "tanggal tidak sah (format YYYY-MM-DD)",
    "date_parsing": "tanggal tidak sah (format YYYY-MM-DD)",
    "date_from_datetime_parsing": "tanggal tidak sah (format YYYY-MM-DD)",
    "date_from_datetime_inexact": "tanggal tidak boleh memuat jam",
    "string_too_short": "tidak boleh kosong",
    "invalid_key": "nama kunci harus berupa teks (bukan angka, true/false atau kosong)",
}


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx = error.get("ctx", {})
    if kind in _MESSAGES:
        return _MESSAGES[kind]
    if kind == "value_error":
        return str(ctx["error"])
    if kind == "literal_error":
        return f"nilai tidak sah; yang diterima: {str(ctx['expected']).replace(' or ', ' atau ')}"
    if kind == "string_pattern_mismatch":
        return f"format tidak sah (pola {ctx['pattern']})"
    if kind == "string_too_long":
        return f"terlalu panjang (maksimal {ctx['max_length']} karakter)"
    if kind == "too_short":
        return f"minimal {ctx['min_length']} butir"
    if kind == "too_long":
        return f"maksimal {ctx['max_length']} butir"
    if kind in ("greater_than_equal", "greater_than"):
        return f"harus paling kecil {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"harus paling besar {ctx.get('le', ctx.get('lt'))}"
    if kind == "frozen_set_type" or kind.endswith("_type"):
        return "jenis nilai salah"
    return error["msg"]


def check_flow(sop: Sop | FlowView, name: str) -> list[Problem]:
    """Semantic checks of a validated SOP: lanes, targets, reachability, an end."""
    problems: list[Problem] = []

    def add(where: str, field: str, message: str) -> None:
        problems.append(Problem(name, where, field, message))

    for label, codes in (
        ("pelaksana", [p.kode for p in sop.pelaksana]),
        ("entri", [e.kode for e in sop.entri]),
        ("tenggat", [t.kode for t in sop.tenggat]),
    ):
        for code in sorted({c for c in codes if codes.count(c) > 1}):
            add(f"{label} {code}", "kode", "kode ganda")
    numbers = [k.no for k in sop.kegiatan]
    for no in sorted({n for n in numbers if numbers.count(n) > 1}):
        add(f"kegiatan {no}", "no", "nomor kegiatan ganda")
    if numbers != sorted(numbers):
        add("", "kegiatan", "kegiatan harus urut menurut nomor")
    if problems:
        return problems  # the graph checks below assume unique numbers

    lanes = {p.kode for p in sop.pelaksana}
    steps = set(numbers)
    for step in sop.kegiatan:
        where = f"kegiatan {step.no}"
        if step.pelaksana not in lanes:
            add(where, "pelaksana", f"pelaksana {step.pelaksana!r} tidak ada di daftar pelaksana "
                                    f"(pilihan: {', '.join(sorted(lanes)) or '-'})")
        if step.lanjut is not None and step.keputusan is not None:
            add(where, "lanjut", "isi 'lanjut' atau 'keputusan', tidak keduanya")
        if step.keputusan is not None and step.menunggu is not None:
            add(where, "menunggu", "kegiatan menunggu tidak dapat sekaligus keputusan")
        if step.pelaksana_disimpulkan and not step.alasan_pelaksana:
            add(where, "alasan_pelaksana", "pelaksana disimpulkan: tuliskan alasannya")
        if step.keputusan is not None:
            labels = [p.label.lower() for p in step.keputusan.pilihan]
            if len(set(labels)) != len(labels):
                add(where, "keputusan.pilihan", "label pilihan ganda")
        for choice, target in sop.exits(step.no) if step.pelaksana in lanes else []:
            field = f"keputusan.pilihan {choice}" if choice else "lanjut"
            if target != END and target not in steps:
                add(where, field, f"menuju kegiatan {target} yang tidak ada")
            elif target == step.no:
                add(where, field, "tidak boleh menuju dirinya sendiri")
    problems += _check_deadlines_and_lanes(sop, name, lanes, steps)  # issue #13
    for entri in sop.entri:
        if entri.kegiatan not in steps:
            add(f"entri {entri.kode}", "kegiatan", f"kegiatan {entri.kegiatan} tidak ada")
    for tenggat in sop.tenggat:
        if tenggat.sejak != "mulai" and tenggat.sejak not in steps:
            add(f"tenggat {tenggat.kode}", "sejak", f"kegiatan {tenggat.sejak} tidak ada")
        for no in tenggat.kegiatan:
            if no not in steps:
                add(f"tenggat {tenggat.kode}", "kegiatan", f"kegiatan {no} tidak ada")
    if problems:
        return problems

    reachable = _reachable(sop, [e.kegiatan for e in sop.entri])
    for no in numbers:
        if no not in reachable:
            add(f"kegiatan {no}", "", "tidak dapat dicapai dari entri mana pun")
    ending = _can_end(sop)
    if not ending:
        add("", "kegiatan", "tidak ada kegiatan yang berakhir ('lanjut: selesai')")
    else:
        for no in numbers:
            if no in reachable and no not in ending:
                add(f"kegiatan {no}", "lanjut", "dari kegiatan ini alur tidak pernah selesai")
    return problems


def _check_deadlines_and_lanes(sop: Sop | FlowView, name: str, lanes: set[str],
                               steps: set[int]) -> list[Problem]:
    """Issue #13: joint lanes of a step, conditional and extendable deadlines."""
    problems: list[Problem] = []
    lane_roles = {p.kode: p.peran for p in sop.pelaksana if isinstance(p.peran, str)}
    for step in sop.kegiatan:
        joint = step.pelaksana_bersama if isinstance(step.pelaksana_bersama, list) else []
        for kode in joint:
            if kode not in lanes:
                problems.append(Problem(name, f"kegiatan {step.no}", "pelaksana_bersama",
                                        f"pelaksana {kode!r} tidak ada di daftar pelaksana "
                                        f"(pilihan: {', '.join(sorted(lanes)) or '-'})"))
            elif kode == step.pelaksana or joint.count(kode) > 1:
                problems.append(Problem(name, f"kegiatan {step.no}", "pelaksana_bersama",
                                        f"pelaksana {kode!r} disebut lebih dari sekali"))
        roles = [lane_roles.get(k) for k in [step.pelaksana, *joint] if k in lane_roles]
        if joint and len(set(roles)) != len(roles):
            problems.append(Problem(name, f"kegiatan {step.no}", "pelaksana_bersama",
                                    "pelaksana bersama harus berperan berbeda (giliran menurut peran)"))
    for tenggat in sop.tenggat:
        where = f"tenggat {tenggat.kode}"
        if tenggat.perpanjangan is not None and tenggat.jenis == "paling_cepat":
            problems.append(Problem(name, where, "perpanjangan",
                                    "hanya tenggat paling_lambat yang dapat diperpanjang"))
        rule = tenggat.berlaku_jika
        if rule is None:
            continue
        no = getattr(rule, "kegiatan", None)
        if no is None and isinstance(rule, dict):
            no = rule.get("kegiatan")
        label = getattr(rule, "pilihan", None) or (rule.get("pilihan") if isinstance(rule, dict) else None)
        if no not in steps:
            problems.append(Problem(name, where, "berlaku_jika.kegiatan", f"kegiatan {no} tidak ada"))
            continue
        decision = sop.step(no).keputusan
        if decision is None:
            problems.append(Problem(name, where, "berlaku_jika.kegiatan",
                                    f"kegiatan {no} bukan keputusan"))
        elif str(label).lower() not in [p.label.lower() for p in decision.pilihan]:
            labels = " / ".join(p.label for p in decision.pilihan)
            problems.append(Problem(name, where, "berlaku_jika.pilihan",
                                    f"pilihan {label!r} tidak ada pada kegiatan {no} (pilihan: {labels})"))
    return problems


def _reachable(sop: Sop | FlowView, starts: list[int]) -> set[int]:
    seen: set[int] = set()
    stack = list(starts)
    while stack:
        no = stack.pop()
        if no in seen:
            continue
        seen.add(no)
        stack.extend(t for _, t in sop.exits(no) if isinstance(t, int))  # not END
    return seen


def _can_end(sop: Sop | FlowView) -> set[int]:
    """Steps from which some route reaches the end."""
    ending = {k.no for k in sop.kegiatan if any(t == END for _, t in sop.exits(k.no))}
    changed = True
    while changed:
        changed = False
        for step in sop.kegiatan:
            if step.no not in ending and any(t in ending for _, t in sop.exits(step.no)):
                ending.add(step.no)
                changed = True
    return ending


def check_organisation(org: Organisasi, name: str) -> list[Problem]:
    problems = []
    codes = [u.kode for u in org.units]
    for code in sorted({c for c in codes if codes.count(c) > 1}):
        problems.append(Problem(name, f"unit {code}", "kode", "kode ganda"))
    for unit in org.units:
        if unit.induk is not None and unit.induk not in codes:
            problems.append(
                Problem(name, f"unit {unit.kode}", "induk", f"unit induk {unit.induk!r} tidak ada")
            )
    return problems + _check_role_includes(org, name)


def _check_role_includes(org: Organisasi, name: str) -> list[Problem]:
    """`peran_termasuk`: each role once, never including itself, directly or in a circle."""
    problems = []
    rules = org.peran_termasuk
    roles = [r.peran for r in rules]
    for role in sorted({r for r in roles if roles.count(r) > 1}):
        problems.append(Problem(name, f"peran_termasuk {role}", "peran",
                                "peran ganda; gabungkan daftar termasuk-nya"))
    direct = {r.peran: set(r.termasuk) for r in rules}
    for rule in rules:
        seen: set[str] = set()
        stack = list(rule.termasuk)
        while stack:
            role = stack.pop()
            if role not in seen:
                seen.add(role)
                stack.extend(direct.get(role, ()))
        if rule.peran in seen:
            how = "langsung" if rule.peran in rule.termasuk else "melalui peran lain"
            problems.append(Problem(name, f"peran_termasuk {rule.peran}", "termasuk",
                                    f"peran tidak boleh termasuk dirinya sendiri ({how})"))
    return problems
