"""Whatever an administrator puts in a catalog file, the loader answers with a document or
with CatalogError naming the file - never with a crash."""

from __future__ import annotations

import copy
import re

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sopdesk.catalog import CatalogError, Organisasi, Sop, bundled_catalog_dir
from sopdesk.catalog.loader import build_document, parse_document

FILES = ["pelayanan_publik_kupang.yaml", "paw_dprd_ntt.yaml", "organisasi_banten.yaml"]
TEXTS = {name: (bundled_catalog_dir() / name).read_text(encoding="utf-8") for name in FILES}


class _CatalogLoader(yaml.SafeLoader):
    """Only true/false are booleans (as FORMAT.md says), so `no:` stays a string key."""


_CatalogLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_CatalogLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)

BASES = {name: yaml.load(text, Loader=_CatalogLoader) for name, text in TEXTS.items()}  # noqa: S506
PP = BASES["pelayanan_publik_kupang.yaml"]
HUGE_INT = "<10**5000>"  # stands for an integer with more digits than Python will print

FUZZ = settings(max_examples=300, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _outcome_is_clean(call) -> None:
    """The call returns a document or raises CatalogError whose problems all name x.yaml."""
    try:
        document = call()
    except CatalogError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert str(problem).startswith("x.yaml"), str(problem)
    else:
        assert isinstance(document, Sop | Organisasi)


# --- (a) any text -----------------------------------------------------------------------

YAML_BITS = st.sampled_from(
    ["\n", " ", "  ", "- ", ": ", "a", "no", "kegiatan", "jenis: sop", "[", "]", "{", "}",
     ",", "&x ", "*x", "!!", "!!int ", "!!binary ", "!!timestamp ", "? ", "|", ">", "#",
     "'", '"', "\t", "%YAML 1.1\n", "---\n", "...\n", "1", "2020-13-45", "2020-02-30",
     "0x", "1e999", ".nan", "~", "null", "true", "Yes", "\\", "\x00", "\ufeff", "é"]
)
YAMLISH = st.lists(YAML_BITS, max_size=40).map("".join)
INSERTED = st.tuples(st.sampled_from(FILES), st.integers(min_value=0), st.text(max_size=30))


def _insert(args: tuple[str, int, str]) -> str:
    name, at, piece = args
    text = TEXTS[name]
    at %= len(text) + 1
    return text[:at] + piece + text[at:]


@FUZZ
@given(text=st.one_of(st.text(), YAMLISH, INSERTED.map(_insert)))
@example(text="jenis: sop\nkode: PP\nrevisi: " + "9" * 5000)  # a huge number
@example(text="tanggal_pengesahan: 2020-02-30")  # a date that does not exist
@example(text="revisi: !!int satu")  # an explicit tag the value does not fit
@example(text="a: &a [1, 1]\nb: [*a, *a]")
@example(text="[" * 10_000)
def test_any_text_gives_a_document_or_catalog_error(text):
    _outcome_is_clean(lambda: parse_document(text, "x.yaml"))


# --- (b) structured mutations of valid documents ----------------------------------------

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-2, max_value=1000),
    st.just(HUGE_INT),  # see _real
    st.floats(),
    st.text(max_size=20),
    st.integers(min_value=3000, max_value=300_000).map(lambda n: "x" * n),  # huge string
    st.dates(),
    st.sampled_from(["selesai", "mulai", "sop", "organisasi", "-", "5 Menit", "0 menit",
                     "help_desk", "kasubag", "paling_cepat", "WIB", "", " "]),
)
VALUES = st.one_of(
    SCALARS,
    st.lists(SCALARS, max_size=4),
    st.dictionaries(st.one_of(st.text(max_size=12), st.sampled_from(["no", "kode", "lanjut"])),
                    SCALARS, max_size=4),
)
MUTATION = st.tuples(
    st.lists(st.integers(min_value=0, max_value=1000), min_size=1, max_size=6),  # the path
    st.sampled_from(["hapus", "ganti"]),
    VALUES,
)


def _real(value):
    """Replace the HUGE_INT token (kept short so that a failing example prints readably)."""
    if value == HUGE_INT:
        return 10**5000
    if isinstance(value, list):
        return [_real(v) for v in value]
    if isinstance(value, dict):
        return {_real(k): _real(v) for k, v in value.items()}
    return value


def _apply(data, path: list[int], action: str, value):
    """Walk `path` (indices into keys/items, modulo their number) and delete or replace
    what is there; returns the (possibly new) document."""
    parent, key, node = None, None, data
    for index in path:
        if isinstance(node, dict) and node:
            step = list(node)[index % len(node)]
        elif isinstance(node, list) and node:
            step = index % len(node)
        else:
            break
        parent, key, node = node, step, node[step]
    if parent is None:
        return value if action == "ganti" else {}
    if action == "hapus":
        del parent[key]
    else:
        parent[key] = value
    return data


def _path_to(name: str, *keys) -> list[int]:
    """The index path of a place in a base document (for explicit examples)."""
    node, path = BASES[name], []
    for key in keys:
        path.append(list(node).index(key) if isinstance(node, dict) else key)
        node = node[key]
    return path


STEP_NO = _path_to("pelayanan_publik_kupang.yaml", "kegiatan", 2, "no")
ENTRY_KODE = _path_to("pelayanan_publik_kupang.yaml", "entri", 0, "kode")
IDENTITAS = _path_to("pelayanan_publik_kupang.yaml", "identitas")


@FUZZ
@given(base=st.sampled_from(FILES), mutations=st.lists(MUTATION, min_size=1, max_size=3))
@example(base="pelayanan_publik_kupang.yaml", mutations=[(STEP_NO, "ganti", HUGE_INT)])
@example(base="pelayanan_publik_kupang.yaml", mutations=[(ENTRY_KODE, "ganti", HUGE_INT)])
@example(base="pelayanan_publik_kupang.yaml", mutations=[(IDENTITAS, "ganti", {HUGE_INT: 1})])
@example(base="pelayanan_publik_kupang.yaml", mutations=[([], "ganti", [1, 2])])
def test_mutated_document_gives_a_document_or_catalog_error(base, mutations):
    data = copy.deepcopy(BASES[base])
    for path, action, value in mutations:
        data = _apply(data, path, action, _real(value))
    _outcome_is_clean(lambda: build_document(data, "x.yaml"))


def test_unmutated_bases_are_valid():
    # the property above starts from valid documents
    for name, data in BASES.items():
        assert build_document(copy.deepcopy(data), name).kode
    assert PP["kegiatan"][2]["no"] == 3
