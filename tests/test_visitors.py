"""Help-desk registration: an information request starts a Pelayanan Publik case, a guest
does not; a wrong form field is named; only the Help Desk role may register."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from sopdesk.engine import cases, visitors
from sopdesk.engine.cases import StepInput
from sopdesk.engine.queries import case_detail, inbox_page, visitors_between
from sopdesk.engine.visitors import VisitorForm, register_visitor
from sopdesk.errors import FieldError, PermissionRefused, UserError
from sopdesk.store.models import AuditEvent, Case, Visitor


def counts(ws) -> tuple[int, int, int]:
    with ws.db.reading() as session:
        return tuple(session.scalar(select(func.count(m.id))) for m in (Visitor, Case, AuditEvent))


def request(**changes) -> VisitorForm:
    form = dict(name="Maria Ndun", purpose="permohonan_informasi", id_number="5371014501900001",
                institution="Universitas Nusa Cendana", phone="+62 812-3456-7890",
                email="maria.ndun@undana.ac.id", info_requested="Data DPT per kelurahan 2024",
                info_use="Penelitian skripsi", obtain_method="salinan_elektronik",
                delivery_method="email")
    form.update(changes)
    return VisitorForm(**form)


def test_information_request_starts_a_pp_case_with_the_help_desk_steps_done(ws, staff, clock):
    visitor_id, number = register_visitor(ws, staff["Help Desk"],
                                          request(directed_to="Sekretaris KPU Kota Kupang"))
    assert number == "PP/2026/0001"
    detail = case_detail(ws, number)
    assert detail["sop"] == "PP"
    assert detail["entry"] == "tamu"
    assert detail["requester"] == "Maria Ndun"
    assert "Data DPT per kelurahan 2024" in detail["title"]
    assert detail["status"] == "open"
    assert detail["started_by"] == "help.desk"
    # steps 1 (registration) and 2 (directing the requester) are done by the clerk, now;
    # the case waits at step 3, in the Ketua & Anggota KPU lane
    assert [(i["step"], i["status"], i["completed_by"], i["completed_at"]) for i in detail["items"]] == [
        (1, "done", "help.desk", clock.now), (2, "done", "help.desk", clock.now), (3, "open", None, None)]
    assert detail["items"][0]["note"] == f"Tercatat di buku tamu no. {visitor_id}"
    assert detail["items"][1]["note"] == "Pemohon diarahkan kepada Sekretaris KPU Kota Kupang"
    assert detail["items"][2]["role"] == "Komisioner"
    # step 2's output is recorded, dated today, as the step form would
    assert [(d["name"], d["date"], d["step"]) for d in detail["documents"]] == [
        ("Pemohon bertemu secara langsung dengan Ketua atau sekretaris KPU Kota Kupang",
         ws.calendar.local(clock.now).date(), 2)]
    actions = [(e["action"], e["step"], e["user"]) for e in detail["history"]]
    assert actions == [("case_started", 1, "help.desk"), ("visitor_registered", None, "help.desk"),
                       ("step_completed", 1, "help.desk"), ("step_completed", 2, "help.desk")]
    # nothing new in the help desk's inbox; the request waits for the Ketua & Anggota KPU
    assert inbox_page(ws, ["Help Desk"]) == []
    rows = inbox_page(ws, ["Komisioner"])
    assert [(r.case_number, r.step_no, r.requester) for r in rows] == [(number, 3, "Maria Ndun")]
    # and the visitor is recorded, linked to it, with the cleaned values
    (visitor,) = visitors_between(ws, clock.now - timedelta(hours=1), clock.now + timedelta(hours=1))
    assert visitor.id == visitor_id
    assert visitor.name == "Maria Ndun"
    assert visitor.purpose == "permohonan_informasi"
    with ws.db.reading() as session:
        assert session.get(Visitor, visitor_id).case_id == session.scalar(
            select(Case.id).where(Case.number == number))
    # the case runs on like any other
    cases.complete(ws, staff["Komisioner"], number, StepInput(outputs={"1": cases.OutputValue(number="-")}))
    assert [i["step"] for i in case_detail(ws, number)["items"]] == [1, 2, 3, 4]


def test_registration_steps_of_the_help_desk_entry(ws):
    with ws.db.reading() as session:
        _, sop = ws.current_revision(session, "PP")
    assert visitors.registration_steps(sop, sop.entry("tamu").kegiatan) == [1, 2]


def test_a_registration_refused_by_its_steps_keeps_nothing(ws, staff, monkeypatch):
    """The help-desk steps are part of the registration's transaction: if completing them
    fails, neither the visitor nor the case is kept."""
    before = counts(ws)

    def refuse(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise UserError("kegiatan tidak dapat diselesaikan")

    monkeypatch.setattr(visitors, "complete", refuse)
    with pytest.raises(UserError):
        register_visitor(ws, staff["Help Desk"], request())
    assert counts(ws) == before


def test_guest_visit_starts_no_case(ws, staff, clock):
    before = counts(ws)
    visitor_id, number = register_visitor(
        ws, staff["Help Desk"],
        VisitorForm(name="Yohanes Manafe", purpose="bertamu", purpose_text="Bertemu Sekretaris"))
    assert number is None
    visitor_count, case_count, audit_count = counts(ws)
    assert (visitor_count, case_count) == (before[0] + 1, before[1])
    assert audit_count == before[2] + 1
    (visitor,) = visitors_between(ws, clock.now - timedelta(hours=1), clock.now + timedelta(hours=1))
    assert (visitor.id, visitor.purpose, visitor.case_id) == (visitor_id, "bertamu", None)
    assert inbox_page(ws, ["Help Desk"]) == []


def test_second_request_gets_the_next_case_number(ws, staff):
    _, first = register_visitor(ws, staff["Help Desk"], request())
    _, second = register_visitor(ws, staff["Help Desk"], request(name="Siti Hidayat"))
    assert (first, second) == ("PP/2026/0001", "PP/2026/0002")
    assert case_detail(ws, second)["requester"] == "Siti Hidayat"


WRONG_FIELDS = {
    "empty-name": ({"name": ""}, "name"),
    "blank-name": ({"name": "   "}, "name"),
    "long-name": ({"name": "x" * 201}, "name"),
    "email-without-domain": ({"email": "maria.ndun@undana"}, "email"),
    "email-with-space": ({"email": "maria ndun@undana.ac.id"}, "email"),
    "phone-words": ({"phone": "telepon saya"}, "phone"),
    "phone-too-short": ({"phone": "12"}, "phone"),
    "id-number-with-dash": ({"id_number": "5371-0145"}, "id_number"),
    "id-number-too-short": ({"id_number": "123"}, "id_number"),
    "info-requested-missing": ({"info_requested": None}, "info_requested"),
    "info-requested-blank": ({"info_requested": "   "}, "info_requested"),
    "unknown-purpose": ({"purpose": "jalan-jalan"}, "purpose"),
    "empty-purpose": ({"purpose": ""}, "purpose"),
    "unknown-obtain-method": ({"obtain_method": "telepati"}, "obtain_method"),
    "unknown-delivery-method": ({"delivery_method": "merpati"}, "delivery_method"),
    "email-delivery-without-email": ({"delivery_method": "email", "email": None}, "email"),
}


@pytest.mark.parametrize(("changes", "field"), list(WRONG_FIELDS.values()), ids=list(WRONG_FIELDS))
def test_wrong_field_is_named_and_nothing_is_recorded(ws, staff, changes, field):
    before = counts(ws)
    with pytest.raises(FieldError) as refused:
        register_visitor(ws, staff["Help Desk"], request(**changes))
    assert refused.value.field == field
    assert str(refused.value)
    assert counts(ws) == before


def test_values_are_cleaned(ws, staff, clock):
    register_visitor(ws, staff["Help Desk"], request(
        name="  Maria   Ndun ", id_number="5371 0145 0190 0001", institution="   "))
    (visitor,) = visitors_between(ws, clock.now - timedelta(hours=1), clock.now + timedelta(hours=1))
    assert visitor.name == "Maria Ndun"
    assert visitor.id_number == "5371014501900001"
    assert visitor.institution is None


def test_purposes_other_than_information_need_no_details(ws, staff):
    for purpose in sorted(set(visitors.PURPOSES) - {"permohonan_informasi"}):
        _, number = register_visitor(ws, staff["Help Desk"],
                                     VisitorForm(name="Rudi Kolo", purpose=purpose))
        assert number is None


@pytest.mark.parametrize("role", ["Kasubag", "Sekretaris", "Komisioner"])
def test_user_without_help_desk_role_is_refused(ws, staff, role):
    before = counts(ws)
    for form in (request(), VisitorForm(name="Yohanes Manafe", purpose="bertamu")):
        with pytest.raises(PermissionRefused, match="Help Desk"):
            register_visitor(ws, staff[role], form)
    assert counts(ws) == before


def test_suggestions_show_full_nik_and_phone_only_to_the_help_desk_and_administrators(ws, staff, admin):
    from sopdesk.engine.visitor_lookup import find_returning_visitors

    register_visitor(ws, staff["Help Desk"], request())
    full = find_returning_visitors(ws, staff["Help Desk"], "Maria")
    assert [(p["id_number"], p["phone"], p["masked"]) for p in full] == [
        ("5371014501900001", "+62 812-3456-7890", False)]
    assert find_returning_visitors(ws, admin, "Maria") == full
    for role in ("Kasubag", "Ketua", "Sekretaris"):
        (person,) = find_returning_visitors(ws, staff[role], "Maria")
        assert (person["id_number"], person["phone"], person["masked"]) == (
            "************0001", "*************7890", True)
        assert (person["name"], person["institution"]) == ("Maria Ndun", "Universitas Nusa Cendana")
    # a search by the full number still finds the person, but does not show it
    (person,) = find_returning_visitors(ws, staff["Kasubag"], "5371014501900001")
    assert person["id_number"] == "************0001"


def test_a_phone_number_is_found_however_its_spaces_and_dashes_were_typed(ws, staff, clock):
    """The desk types the number as the visitor says it; it was stored as typed the first time."""
    from sopdesk.engine.visitor_lookup import find_returning_visitors, visitors_page

    register_visitor(ws, staff["Help Desk"], request())  # phone "+62 812-3456-7890"
    register_visitor(ws, staff["Help Desk"], VisitorForm(name="Marselina Tefa", purpose="bertamu",
                                                         phone="0812-3790-5521"))
    for typed in ("0812 3790", "081237905521", "3790-55", "0812-3790-5521"):
        assert [p["name"] for p in find_returning_visitors(ws, staff["Help Desk"], typed)] == ["Marselina Tefa"]
    assert [p["name"] for p in find_returning_visitors(ws, staff["Help Desk"], "812 3456")] == ["Maria Ndun"]
    assert find_returning_visitors(ws, staff["Help Desk"], "0812 9999") == []
    day = clock().replace(hour=0, minute=0)
    assert [row.name for row in visitors_page(ws, day - timedelta(days=1), None, "3790 5521")] == ["Marselina Tefa"]


def test_a_name_that_starts_with_what_is_typed_is_offered_first(ws, staff, clock):
    """"Ma" offered Hendrikus Mau and Imanuel Suryadi, who came later, above Maria Tefa."""
    from sopdesk.engine.visitor_lookup import find_returning_visitors

    for name in ("Maria Tefa", "Imanuel Suryadi", "Hendrikus Mau", "Marselina Tefa"):
        register_visitor(ws, staff["Help Desk"], VisitorForm(name=name, purpose="bertamu"))
        clock.advance(minutes=10)
    offered = [p["name"] for p in find_returning_visitors(ws, staff["Help Desk"], "ma")]
    assert offered == ["Marselina Tefa", "Maria Tefa", "Hendrikus Mau", "Imanuel Suryadi"]
    assert [p["name"] for p in find_returning_visitors(ws, staff["Help Desk"], "tefa")] == [
        "Marselina Tefa", "Maria Tefa"]  # a surname: newest first
