"""Where SQLite and PostgreSQL differ by default, sopdesk answers the same on both: these tests
run on each store (`both_stores`) and expect one answer."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from sopdesk.engine import cases, letters, visitors
from sopdesk.engine.queries import cases_page, inbox_page
from sopdesk.errors import UserError
from sopdesk.store.db import Database, make_engine

pytestmark = pytest.mark.both_stores


def test_cases_without_a_requester_sort_after_the_named_ones_both_ways(ws, staff):
    # SQLite puts NULL first in ascending order, PostgreSQL last: the Kasus list must not
    # change its order when the office moves to a server
    desk = staff["Help Desk"]
    cases.start_case(ws, desk, "PP", "Permohonan tanpa nama pemohon", entry="surat")
    cases.start_case(ws, desk, "PP", "Permohonan data DPT", entry="surat", requester="Maria Ndun")
    cases.start_case(ws, desk, "PP", "Permohonan salinan SK", entry="surat", requester="Agus Bria")
    up = [row.requester for row in cases_page(ws, sort="requester", descending=False)]
    down = [row.requester for row in cases_page(ws, sort="requester", descending=True)]
    assert up == ["Agus Bria", "Maria Ndun", None]
    assert down == ["Maria Ndun", "Agus Bria", None]


def test_text_sorts_ignore_letter_case(ws, staff):
    # SQLite compares bytes ("Z" before "a"); a server sorts by its locale: sort by the
    # lower-cased text on both, as a reader of the list expects
    desk = staff["Help Desk"]
    for title in ("undangan rapat pleno", "Permohonan data DPT", "Usulan PAW"):
        cases.start_case(ws, desk, "PP", title, entry="surat")
    titles = [row.title for row in cases_page(ws, sort="title", descending=False)]
    assert titles == ["Permohonan data DPT", "undangan rapat pleno", "Usulan PAW"]
    inbox = [row.title for row in inbox_page(ws, ["Help Desk", "Kasubag", "Komisioner"], sort="title")]
    assert inbox == ["Permohonan data DPT", "undangan rapat pleno", "Usulan PAW"]


@pytest.mark.parametrize("search, found", [
    ("100%", ["Pengadaan 100% kotak suara"]),  # % is no wildcard
    ("PP_01", ["Arsip PP_01"]),  # nor _
    ("C:\\arsip", ["Salinan dari C:\\arsip"]),  # a backslash is a character on both stores
])
def test_the_search_box_matches_its_text_literally_on_every_list(ws, staff, search, found):
    desk = staff["Help Desk"]
    for title in ("Pengadaan 100% kotak suara", "Pengadaan 100 kursi", "Arsip PP_01", "Arsip PP.01",
                  "Salinan dari C:\\arsip", "Salinan dari C:arsip"):
        cases.start_case(ws, desk, "PP", title, entry="surat")
        letters.register_incoming(ws, desk, letters.IncomingForm(sender="KPU Provinsi NTT", subject=title))
    assert [row.title for row in cases_page(ws, search=search)] == found
    assert [row.title for row in inbox_page(ws, ["Help Desk", "Kasubag", "Komisioner"], search=search)] == found
    assert [row.subject for row in letters.incoming_page(ws, search=search)] == found


def _rows(ws) -> dict[str, int]:
    with ws.db.connect() as conn:
        return {table: conn.execute(text(f'SELECT count(*) FROM "{table}"')).scalar()  # noqa: S608
                for table in ("case_file", "work_item", "incoming_letter", "visitor")}


@pytest.mark.parametrize("action, message", [
    (lambda ws, who: cases.start_case(ws, who, "PP", "Permohonan\x00 data", entry="surat"), "Judul kasus berisi"),
    (lambda ws, who: letters.register_incoming(ws, who, letters.IncomingForm(sender="KPU\x00 NTT", subject="Data")),
     "Pengirim berisi"),
    (lambda ws, who: visitors.register_visitor(ws, who, visitors.VisitorForm(
        name="Maria\x00 Ndun", purpose="permohonan_informasi", info_requested="Data DPT")), "Nama berisi"),
])
def test_a_pasted_nul_character_is_refused_alike_and_nothing_is_stored(ws, staff, action, message):
    # PostgreSQL cannot hold a NUL in text (the driver raised an internal error); SQLite stored
    # it, and such an office could then not be moved to a server
    before = _rows(ws)
    with pytest.raises(UserError, match=f"^{message} karakter NUL"):
        action(ws, staff["Help Desk"])
    assert _rows(ws) == before


def test_a_nul_in_a_login_or_a_search_is_no_internal_error(ws, staff):
    with pytest.raises(UserError, match="^Nama pengguna atau kata sandi salah$"):
        ws.login("help\x00.desk", "rahasia-123")
    cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data DPT", entry="surat")
    assert [row.title for row in cases_page(ws, search="DPT\x00")] == ["Permohonan data DPT"]
    assert inbox_page(ws, ["Help Desk"], search="\x00DPT")[0].title == "Permohonan data DPT"


def test_any_other_nul_reaching_the_server_is_one_clear_sentence(pg_url):
    # a path without its own text cleaning: the store's error handling still explains it
    db = Database(make_engine(pg_url))
    try:
        with pytest.raises(UserError, match="^Teks berisi karakter NUL"), db.transaction() as session:
            session.execute(text("SELECT :value"), {"value": "a\x00b"}).all()
    finally:
        db.dispose()


def test_the_migrations_build_exactly_the_models_schema_on_an_empty_database(store, request, tmp_path):
    # the PostgreSQL runs of the other tests start from a migrated template: this one migrates
    # an empty server database, and compares the result with the models, as on SQLite
    from alembic.migration import MigrationContext

    from sopdesk.store.migrate import head_revision, prepare
    from sopdesk.store.models import Base
    from sopdesk.store.text_search import schema_differences  # leaves out what the models cannot describe

    url = request.getfixturevalue("pg_url") if store == "postgresql" else f"sqlite:///{tmp_path / 'x.sqlite3'}"
    db = Database(make_engine(url))
    try:
        prepare(db, tmp_path / "cadangan")
        with db.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == head_revision()
            assert schema_differences(conn, Base.metadata) == []
    finally:
        db.dispose()
