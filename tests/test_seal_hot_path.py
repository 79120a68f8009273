"""The hot path of every action (issue #15): the rows a transaction changed are read back for
their seals on the raw cursor, and a completion reads its case through the ORM only when a
deadline or the route needs it."""

from __future__ import annotations

import pytest
from sqlalchemy import event, select

from sopdesk.engine import cases, deadlines, seal
from sopdesk.engine.cases import StepInput
from sopdesk.store.models import Case

pytestmark = pytest.mark.both_stores


@pytest.fixture
def actors(staff, make_user):
    made = dict(staff)

    def actor(role: str):  # noqa: ANN202
        if role not in made:
            made[role] = make_user("peran" + str(len(made)), role)
        return made[role]

    return actor


def test_the_keyed_readback_gives_the_digests_the_check_computes(ws, actors):
    number = cases.start_case(ws, actors("Komisioner"), "PAW", "Usulan PAW a.n. Maria Lay")
    cases.complete(ws, actors("Komisioner"), number, StepInput(), step=1)
    with ws.db.connect() as conn:
        for name in seal.tables():
            streamed = dict(seal.row_digests(conn, name))
            keys = sorted(streamed, key=str)
            for count in {len(keys), min(len(keys), 3)}:  # padded IN lists of several widths
                wanted = keys[:count]
                assert dict(seal.row_digests(conn, name, wanted)) == {k: streamed[k] for k in wanted}, name
            if keys and isinstance(keys[0], int):
                missing = max(keys) + 1000
                assert dict(seal.row_digests(conn, name, [keys[0], missing])) == {keys[0]: streamed[keys[0]]}


def test_a_completion_loads_its_case_only_when_a_deadline_concerns_the_step(ws, actors):
    sop = ws.catalog.sop("PAW")
    assert not deadlines.concerns(sop, 1, None) and deadlines.concerns(sop, 9, None)
    number = cases.start_case(ws, actors("Komisioner"), "PAW", "Usulan PAW a.n. Paulus Tefa")
    loaded: list[int] = []

    def on_load(target, _context):  # noqa: ANN001
        loaded.append(target.id)

    event.listen(Case, "load", on_load)
    try:
        cases.complete(ws, actors("Komisioner"), number, StepInput(), step=1)
        assert loaded == []
        cases.complete(ws, actors("Komisioner"), number, StepInput(choice="Ya"), step=2)
        cases.complete(ws, actors(sop.role_of(8)), number, StepInput(), step=8)
        loaded.clear()
        cases.complete(ws, actors(sop.role_of(9)), number, StepInput(), step=9)  # starts the DPRD's reply time
        assert loaded
    finally:
        event.remove(Case, "load", on_load)


def test_sealed_names_are_the_columns_the_digest_takes(ws, actors):
    number = cases.start_case(ws, actors("Komisioner"), "PAW", "Usulan PAW a.n. Yohanes Manafe")
    with ws.db.connect() as conn:
        case_id, *values = conn.execute(
            select(seal.tables()["case_file"].c.id,
                   *(seal.tables()["case_file"].c[name] for name in seal.sealed_names("case_file")))
            .where(seal.tables()["case_file"].c.number == number)).one()
        assert seal.digest("case_file", seal.sealed_names("case_file"), values) == \
            dict(seal.row_digests(conn, "case_file", [case_id]))[case_id]
