"""The pages of daily management, driven as a user does."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from beheer.history import current_version
from beheer.models import Department, Person, Role, Supplier
from kpi.models import Kpi, Measurement
from operations import selectors, services
from operations.models import (
    ChangeRequest,
    ComponentGuide,
    Contract,
    Course,
    Release,
    ReleaseDocument,
    ServiceLevel,
    TrainingAttendance,
)
from tests.beheer import makers
from tests.operations.conftest import accepted


@pytest.fixture
def manager(client_as):
    client = client_as("manager")
    client.cookies["django_language"] = "en"
    return client


def _submit(component, user, title, **fields):
    return services.request_submit(
        component=component, title=title, description="Omschrijving", user=user, **fields
    )


def _listed(client, query=""):
    response = client.get(reverse("operations:requests") + query)
    return [row.record.title for row in response.context["table"].paginated_rows]


def test_submitting_a_wish_records_who_and_sends_them_to_follow_it(client_as, crm, personas):
    client = client_as("key_user")

    response = client.post(
        reverse("operations:request-create"),
        {
            "component": crm.pk,
            "title": "Zoeken op postcode",
            "description": "Postcode en huisnummer samen.",
            "reason": "Klanten noemen eerst hun adres.",
            "urgency": "normal",
        },
    )

    wish = ChangeRequest.objects.get()
    assert response.url == wish.get_absolute_url()
    assert (wish.submitted_by, wish.status) == (personas.key_user, "submitted")
    assert wish.status_changes.get().changed_by == personas.key_user
    assert _listed(client, "?mine=on") == ["Zoeken op postcode"]


def test_the_backlog_shows_the_open_wishes_most_important_first(manager, crm, portal, personas):
    could = _submit(crm, personas.mt, "Kan")
    must = _submit(crm, personas.mt, "Moet")
    new = _submit(portal, personas.mt, "Nieuw")
    done = _submit(crm, personas.mt, "Klaar")
    for wish, priority in ((could, 3), (must, 1), (done, 1)):
        accepted(wish, personas.manager, priority)
    services.request_plan(change_request=done, user=personas.manager)
    services.request_set_status(change_request=done, status="in_production", user=personas.manager)

    # Submitted (to judge) first, then by priority; what is in production only on request.
    assert _listed(manager) == [new.title, must.title, could.title]
    assert _listed(manager, f"?component={crm.pk}") == ["Moet", "Kan"]
    assert _listed(manager, "?status=in_production") == ["Klaar"]
    assert _listed(manager, "?status=waiting") == ["Nieuw"]
    assert _listed(manager, "?status=&priority=none") == ["Nieuw"]
    # Without a priority last, whichever way the column is sorted.
    assert _listed(manager, "?status=&sort=-priority") == ["Kan", "Moet", "Klaar", "Nieuw"]
    assert _listed(manager, "?status=&sort=priority") == ["Moet", "Klaar", "Kan", "Nieuw"]
    assert _listed(manager, f"?status=&q=%23{must.pk}") == ["Moet"]


def test_the_backlog_downloads_for_the_steering_group_without_live_formulas(manager, crm, personas):
    wish = _submit(crm, personas.mt, '=HYPERLINK("http://x")', reason="+31 6 1234")
    accepted(wish, personas.manager, 1)

    response = manager.get(reverse("operations:requests-xlsx") + f"?component={crm.pk}")

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if row[0] == "No.")
    assert rows[header][:5] == ("No.", "Component", "Wish", "Status", "Priority")
    data = rows[header + 1]
    assert data[2] == '=HYPERLINK("http://x")' and data[4] == "Must have"
    title_cell = sheet.cell(row=header + 2, column=3)
    assert title_cell.data_type == "s" and title_cell.quotePrefix
    assert response["Content-Disposition"].startswith('attachment; filename="wensen-')


def test_the_board_shows_a_column_per_status_and_only_recent_finished_wishes(
    manager, crm, personas
):
    _submit(crm, personas.mt, "Nieuw")
    old = _submit(crm, personas.mt, "Lang geleden afgewezen")
    services.request_reject(change_request=old, user=personas.manager, reason="Nee")
    ChangeRequest.objects.filter(pk=old.pk).update(
        status_changed_at=timezone.now() - timedelta(days=90)
    )
    recent = _submit(crm, personas.mt, "Net afgewezen")
    services.request_reject(change_request=recent, user=personas.manager, reason="Nee")

    columns = {c.status: c for c in manager.get(reverse("operations:board")).context["columns"]}

    assert list(columns) == [s for s, _label in ChangeRequest.Status.choices]
    assert [w.title for w in columns["submitted"].cards] == ["Nieuw"]
    assert [w.title for w in columns["rejected"].cards] == ["Net afgewezen"]


def test_the_board_caps_a_column_and_links_to_the_rest(manager, crm, personas, monkeypatch):
    monkeypatch.setattr(selectors, "BOARD_CARDS", 2)
    for number in range(3):
        _submit(crm, personas.mt, f"Wens {number}")

    [submitted] = [
        c
        for c in manager.get(reverse("operations:board")).context["columns"]
        if c.status == "submitted"
    ]

    assert (len(submitted.cards), submitted.total, submitted.more) == (2, 3, 1)


def test_an_edit_made_meanwhile_is_not_overwritten(client_as, wish, crm):
    url = reverse("operations:request-edit", args=[wish.pk])
    client = client_as("key_user")
    seen = current_version(wish)
    data = {"component": crm.pk, "title": "Mijn titel", "description": "x", "urgency": "high"}
    client_as("manager").post(url, {**data, "title": "Titel van de manager", "seen_version": seen})

    response = client.post(url, {**data, "seen_version": seen})

    assert response.status_code == 200 and response.context["conflicts"]
    wish.refresh_from_db()
    assert wish.title == "Titel van de manager"


def test_a_rejection_without_a_reason_is_refused_in_the_form(client_as, wish, owner_of_crm):
    response = client_as("owner").post(
        reverse("operations:request-triage", args=[wish.pk]), {"decision": "reject", "note": ""}
    )

    assert response.status_code == 200 and "note" in response.context["form"].errors
    wish.refresh_from_db()
    assert wish.status == "submitted"


def test_the_plan_form_offers_the_coming_releases_of_the_component(
    manager, wish, release, personas, portal
):
    accepted(wish, personas.manager)
    Release.objects.create(component=portal, version="2.0", planned_date=timezone.localdate())
    live = Release.objects.create(
        component=release.component, version="8.2", planned_date=timezone.localdate(), status="live"
    )
    url = reverse("operations:request-plan", args=[wish.pk])

    offered = list(manager.get(url).context["form"].fields["release"].queryset)
    assert offered == [release] and live not in offered

    response = manager.post(url, {"plan": "release", "release": release.pk})

    assert response.status_code == 302
    wish.refresh_from_db()
    assert (wish.status, wish.release) == ("planned", release)


def test_release_notes_are_kept_within_the_cap_and_always_downloaded(manager, release, settings):
    url = reverse("operations:release-document-upload", args=[release.pk])
    settings.UPLOAD_MAX_BYTES = 1000

    too_big = manager.post(url, {"file": SimpleUploadedFile("notes.pdf", b"%PDF" + b"x" * 2000)})
    script = manager.post(url, {"file": SimpleUploadedFile("notes.html", b"<script>")})
    fine = manager.post(url, {"file": SimpleUploadedFile("Release 8.3.pdf", b"%PDF-1.7 notes")})

    assert "larger than" in str(too_big.context["form"].errors["file"])
    assert script.context["form"].errors["file"]
    assert fine.status_code == 302
    assert ReleaseDocument.objects.get().size == len(b"%PDF-1.7 notes")
    download = manager.get(reverse("operations:release-document", args=[release.pk]))
    assert download.content == b"%PDF-1.7 notes"
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")


def test_a_service_level_shows_the_kpis_latest_value_against_the_agreement(manager, db):
    kpi = Kpi.objects.create(name="Beschikbaarheid klantportaal", unit="%")
    Measurement.objects.create(
        kpi=kpi, date=timezone.localdate().replace(day=1), value=Decimal("99.1")
    )
    contract = Contract.objects.create(
        name="Portaal", supplier=Supplier.objects.create(name="PortaalWerk B.V.")
    )
    ServiceLevel.objects.create(
        contract=contract,
        name="Beschikbaarheid",
        kind="availability",
        agreed_value=Decimal("99.5"),
        unit="%",
        kpi=kpi,
    )
    ServiceLevel.objects.create(
        contract=contract, name="P1 reactie", kind="response", agreed_value=1, unit="uur"
    )

    levels = manager.get(contract.get_absolute_url()).context["levels"]

    assert [(row.measured and row.measured.value, row.met) for row in levels] == [
        (Decimal("99.1"), False),
        (None, None),
    ]


def test_the_role_card_lists_training_and_the_components_goal_and_tips(client_as, crm):
    ComponentGuide.objects.create(
        component=crm,
        goal="Alles wat een klant bespreekt op één plek.",
        tips="Zoek eerst.\nSla op.",
    )
    person = makers.person("Yusuf Demir")
    makers.assign(person, Role.objects.get(name="Eigenaar Klantvolgsysteem"))
    basic = Course.objects.get(name="Basistraining Klantvolgsysteem")
    advanced = Course.objects.get(name="Verdiepingstraining Klantvolgsysteem")
    services.session_plan(
        course=advanced, date=timezone.localdate() + timedelta(days=20), participants=[person]
    )

    page = client_as("key_user").get(reverse("beheer:person-card", args=[person.pk]))

    html = page.content.decode()
    assert "Alles wat een klant bespreekt op één plek." in html and "<li>Sla op.</li>" in html
    assert [c.name for c in page.context["training"].missing] == [basic.name]
    assert [a.session.course for a in page.context["training"].coming] == [advanced]
    assert "data-missing-training" in html


def test_the_role_card_serves_a_new_colleague_without_roles(client_as, crm, portal):
    for component in (crm, portal):
        ComponentGuide.objects.create(component=component, goal=f"Doel van {component}")
    newcomer = Person.objects.create(name="Nieuwe Collega")

    page = client_as("mt").get(reverse("beheer:person-card", args=[newcomer.pk]))

    assert [c for c, _guide in page.context["components"]] == [crm, portal]
    assert "Doel van Website en Portal" in page.content.decode()


def test_recording_who_came_to_a_session(manager, db):
    course = Course.objects.get(name="Key-usertraining")
    anna, bas, cor = (makers.person(n) for n in ("Anna", "Bas", "Cor"))
    session = services.session_plan(
        course=course, date=timezone.localdate() + timedelta(days=3), participants=[anna, bas]
    )
    url = session.get_absolute_url()

    manager.post(url, {f"attended_{anna.pk}": "1", f"attended_{bas.pk}": "0", "add": [cor.pk]})

    attended = dict(
        TrainingAttendance.objects.filter(session=session).values_list("person__name", "attended")
    )
    # Added to a session still to come: registered, not yet attended.
    assert attended == {"Anna": True, "Bas": False, "Cor": None}


def test_the_calendar_puts_each_release_in_the_month_it_goes_or_went_live(manager, crm, portal):
    today = timezone.localdate().replace(day=15)
    went = Release.objects.create(
        component=crm,
        version="8.1",
        planned_date=today - timedelta(days=70),  # late: counts by the day it went live
        actual_date=today - timedelta(days=35),
        status="live",
    )
    coming = Release.objects.create(
        component=portal, version="2.0", planned_date=today + timedelta(days=60)
    )
    Release.objects.create(component=crm, version="9.0", planned_date=today + timedelta(days=900))

    months = manager.get(reverse("operations:calendar")).context["months"]

    listed = {m.month: [r.version for r in m.releases] for m in months if m.releases}
    assert listed == {
        went.actual_date.replace(day=1): ["8.1"],
        coming.planned_date.replace(day=1): ["2.0"],
    }
    assert len(months) == 13  # three months back, this one, nine ahead


def test_the_service_catalogue_lists_the_internal_agreements_only(manager, db):
    internal = Contract.objects.create(
        name="Dienstverlening beheerteam", kind="internal", support_hours="ma-vr 8-17"
    )
    internal.departments.add(Department.objects.create(name="Klantcontact"))
    ServiceLevel.objects.create(
        contract=internal,
        name="Reactie op een gebruikersvraag",
        kind="response",
        agreed_value=4,
        unit="uur",
    )
    Contract.objects.create(
        name="Support CRM", supplier=Supplier.objects.create(name="KlantLink B.V.")
    )

    html = manager.get(reverse("operations:catalogue")).content.decode()

    assert "Dienstverlening beheerteam" in html and "ma-vr 8-17" in html
    assert "For Klantcontact" in html
    assert "Reactie op een gebruikersvraag" in html
    assert "Support CRM" not in html
