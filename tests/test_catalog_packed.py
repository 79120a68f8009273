"""The cached catalog keeps its SOPs packed (issue #15): a command that only needs the roles and
the revisions (opening an office whose catalog is stored, `inbox --as`) reads them without
importing pydantic; the SOPs, unpacked at their first use, are the ones that were cached."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

from sopdesk.catalog import Catalog, bundled_catalog_dir, load_catalog
from sopdesk.catalog.problems import Problem

CHILD = """
import pickle, sys
catalog = pickle.load(open(sys.argv[1], "rb"))
light = (sorted(catalog.roles), sorted((k, sorted(v)) for k, v in catalog.role_includes.items()),
         sorted(catalog.revisions.items()), [str(p) for p in catalog.left_out], sorted(catalog.sources),
         [catalog.step_texts(digest) for _revisi, digest in sorted(catalog.revisions.values())])
print(repr(light))
print("pydantic" in sys.modules, "sopdesk.catalog.schema" in sys.modules)
sops = catalog.sops
print("pydantic" in sys.modules, sorted((k, s.revisi, s.stored_sha256) for k, s in sops.items()))
print(sorted(catalog.organisations))
"""


def _light(catalog: Catalog) -> tuple:
    return (sorted(catalog.roles), sorted((k, sorted(v)) for k, v in catalog.role_includes.items()),
            sorted(catalog.revisions.items()), [str(p) for p in catalog.left_out], sorted(catalog.sources),
            [catalog.step_texts(digest) for _revisi, digest in sorted(catalog.revisions.values())])


def test_an_unpickled_catalog_answers_roles_and_revisions_without_pydantic(tmp_path: Path):
    catalog = load_catalog([bundled_catalog_dir()])
    catalog.left_out.append(Problem("rusak.yaml", "", "", "berkas tidak dipakai"))
    path = tmp_path / "katalog.pickle"
    path.write_bytes(pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL))
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True,
                          timeout=120, check=True)
    light, before, after, organisations = done.stdout.splitlines()
    assert light == repr(_light(catalog))
    assert before == "False False"  # nothing of the SOP models imported for the light answers
    sops = sorted((k, s.revisi, s.stored_sha256) for k, s in catalog.sops.items())
    assert after == f"True {sops}"  # unpacked at the first use of the SOPs
    assert organisations == repr(sorted(catalog.organisations))


def test_an_unpacked_catalog_is_the_cached_one_and_follows_its_changes():
    catalog = load_catalog([bundled_catalog_dir()])
    again = pickle.loads(pickle.dumps(catalog))
    assert again.revisions == catalog.revisions and again.roles == catalog.roles
    assert again.role_includes == catalog.role_includes
    sop = catalog.sops["PP"]
    texts = {step.no: step.kegiatan for step in sop.kegiatan}
    assert again.step_texts(sop.stored_sha256) == texts == catalog.step_texts(sop.stored_sha256)
    assert again.step_texts("0" * 64) is None and catalog.step_texts("0" * 64) is None
    assert {k: s.model_dump() for k, s in again.sops.items()} == {k: s.model_dump() for k, s in catalog.sops.items()}
    # once unpacked, the answers come from the SOPs themselves: a change shows
    removed = sorted(again.sops)[0]
    del again.sops[removed]
    assert removed not in again.revisions
    twice = pickle.loads(pickle.dumps(again))  # packed again with the change
    assert removed not in twice.revisions and removed not in twice.sops


def test_the_catalog_package_imports_no_pydantic_for_the_catalog_itself():
    script = ("import sys\nfrom sopdesk.catalog import Catalog, Problem, CatalogError, bundled_catalog_dir\n"
              "from sopdesk.catalog.cache import catalog_key\ncatalog_key([bundled_catalog_dir()])\n"
              "print('pydantic' in sys.modules)\nfrom sopdesk.catalog import Sop\nprint('pydantic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.split() == ["False", "True"]
