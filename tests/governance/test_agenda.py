"""The agenda proposed from the data, per kind of forum, and how the chair takes it."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from beheer.models import Component, Department, Person, Role, Supplier
from governance import services
from governance.models import Action, AgendaItem, Forum
from kpi.models import Kpi, Measurement
from matrix.models import Activity, ReviewRound
from matrix.services import version_adopt
from maturity.models import Assessment
from tests.beheer import makers


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _today():
    return timezone.localdate()


def _keys(proposal):
    return [item.key for item in proposal]


def _item(proposal, key):
    return next(item for item in proposal if item.key == key)


def _plan(forum, days=0):
    return services.meeting_plan(forum=forum, date=_today() + timedelta(days=days))


def _kpi(name, value, *, target=70, months_ago=0, **fields):
    kpi = Kpi.objects.create(name=name, unit="%", target=Decimal(target), tolerance=5, **fields)
    if value is not None:
        day = (_today() - timedelta(days=30 * months_ago)).replace(day=1)
        Measurement.objects.create(kpi=kpi, date=day, value=Decimal(value))
    return kpi


def test_every_agenda_opens_and_closes_and_refers_to_the_previous_meeting(forum):
    first = _plan(forum, days=-28)
    assert _keys(services.agenda_proposal(meeting=first))[0] == "opening"
    assert "previous" not in _keys(services.agenda_proposal(meeting=first))

    second = _plan(forum)
    proposal = services.agenda_proposal(meeting=second)

    assert _keys(proposal)[0] == "opening" and _keys(proposal)[-1] == "closing"
    previous = _item(proposal, "previous")
    assert f"{first.date:%d-%m-%Y}" in previous.title
    assert previous.link == first.get_absolute_url()


def test_the_forums_open_actions_are_listed_the_overdue_first(forum, people):
    meeting = _plan(forum)
    other = Forum.objects.get(kind=Forum.Kind.STUURGROEP)
    for title, due, status, of_forum in [
        ("Later te doen", 20, Action.Status.OPEN, forum),
        ("Te laat", -5, Action.Status.IN_PROGRESS, forum),
        ("Al gedaan", -5, Action.Status.DONE, forum),
        ("Van een ander overleg", -5, Action.Status.OPEN, other),
    ]:
        Action.objects.create(
            title=title,
            owner=people.key_user,
            due_date=_today() + timedelta(days=due),
            status=status,
            forum=of_forum,
            done_on=_today() if status == Action.Status.DONE else None,
        )

    actions = _item(services.agenda_proposal(meeting=meeting), "actions")

    assert actions.title == "Action list: 2 open actions, 1 overdue"
    lines = actions.description.splitlines()
    assert lines[0].startswith("- Te laat (Key User")
    assert lines[1].startswith("- Later te doen")
    assert len(lines) == 2


def test_without_open_actions_there_is_no_action_item(forum):
    assert "actions" not in _keys(services.agenda_proposal(meeting=_plan(forum)))


def test_a_beheeroverleg_gets_risks_broken_rows_kpis_reviews_and_mutations(forum):
    broken = Activity.objects.create(title="Taak zonder eigenaar", theme="Beheer", order=999)
    off_track = _kpi("Reparaties online", 40)
    stale = _kpi("Actuele artikelen", 90, months_ago=6)
    on_track = _kpi("Beschikbaarheid", 99)
    ReviewRound.objects.create(name="Review vierde kwartaal", deadline=_today())
    leaver = makers.person("Vera Vertrek", leaving_date=_today() + timedelta(days=10))
    makers.assign(leaver, Role.objects.get(name="Functioneel beheer"))

    proposal = services.agenda_proposal(meeting=_plan(forum))

    assert _keys(proposal)[-6:-1] == ["risks", "matrix", "kpis", "reviews", "mutations"]
    matrix = _item(proposal, "matrix")
    assert f"- {broken.title}: no A, no R" in matrix.description
    assert matrix.link == "/beheermatrix/?invalid=1"
    kpis = _item(proposal, "kpis")
    assert kpis.title == "KPIs: 2 off track or without recent data"
    assert f"{off_track.name}: Off track" in kpis.description
    assert f"{stale.name}: No recent data" in kpis.description
    assert on_track.name not in kpis.description
    assert "Review vierde kwartaal" in _item(proposal, "reviews").description
    assert "Vera Vertrek" in _item(proposal, "mutations").description
    # The standing roles have nobody yet: vacant roles are knowledge risks.
    assert "Roles without a holder" in _item(proposal, "risks").description


def test_a_beheeroverleg_with_nothing_wrong_gets_no_data_items(forum, people):
    for role in Role.objects.all():
        makers.assign(people.manager, role)
        makers.assign(people.mt, role, kind="deputy")
    Kpi.objects.all().delete()

    keys = _keys(services.agenda_proposal(meeting=_plan(forum)))

    assert not {"matrix", "kpis", "reviews", "mutations"} & set(keys)


def test_a_steering_group_gets_the_maturity_results_published_since_its_last_meeting(db):
    forum = Forum.objects.get(kind=Forum.Kind.STUURGROEP)
    wonen = Department.objects.create(name="Wonen")
    earlier = Assessment.objects.create(
        department=wonen,
        name="Voorjaar",
        period_start=_today() - timedelta(days=200),
        period_end=_today() - timedelta(days=150),
        is_published=True,
    )
    # Published long before the forum last met: discussed then.
    earlier.history.update(history_date=timezone.now() - timedelta(days=100))
    _plan(forum, days=-30)
    later = Assessment.objects.create(
        department=wonen,
        name="Najaar",
        period_start=_today() - timedelta(days=60),
        period_end=_today() - timedelta(days=10),
    )
    later.is_published = True
    later.save()

    proposal = services.agenda_proposal(meeting=_plan(forum))

    maturity = [item for item in proposal if item.kind == AgendaItem.Kind.MATURITY]
    assert [item.key for item in maturity] == [f"maturity:{later.pk}"]
    assert maturity[0].link == f"/volwassenheid/{later.pk}/resultaten/"


def test_a_steering_group_gets_factor_progress_and_the_adopted_matrix_version(db, personas):
    forum = Forum.objects.get(kind=Forum.Kind.STUURGROEP)
    meeting = _plan(forum)

    before = services.agenda_proposal(meeting=meeting)
    assert _item(before, "matrix_version").title == "Management matrix: adopt a first version"
    assert _item(before, "factors").title.startswith("Success factors: 0 of 12 present")

    version = version_adopt(adopted_on=_today(), note="Door het MT", user=personas.mt)
    after = _item(services.agenda_proposal(meeting=meeting), "matrix_version")

    assert str(version) in after.title and after.description == "Door het MT"
    assert after.link == version.get_absolute_url()


def test_a_supplier_meeting_gets_the_sla_notes_and_each_component_of_the_supplier(db):
    supplier = Supplier.objects.create(name="KlantLink", sla_notes="P1 binnen 4 uur opgelost.")
    crm = Component.objects.get(name="Klantvolgsysteem")
    crm.supplier = supplier
    crm.work_agreements = "Wijzigingen via de CRM-beheerder."
    crm.save()
    _kpi("Zoeksnelheid", 10, component=crm)
    forum = Forum.objects.get(kind=Forum.Kind.SUPPLIER)
    forum.supplier = supplier
    forum.save()

    proposal = services.agenda_proposal(meeting=_plan(forum))

    sla = _item(proposal, f"supplier:{supplier.pk}")
    assert sla.description == "P1 binnen 4 uur opgelost."
    component = _item(proposal, f"component:{crm.pk}")
    assert "- Wijzigingen via de CRM-beheerder." in component.description
    assert "- Zoeksnelheid: Off track" in component.description
    # Only the supplier's components: not every component of the register.
    assert [k for k in _keys(proposal) if k.startswith("component:")] == [f"component:{crm.pk}"]


def test_a_customer_forum_gets_the_standing_items_only(db):
    forum = Forum.objects.get(kind=Forum.Kind.KLANTENFORUM)
    Activity.objects.create(title="Kapotte taak", theme="Beheer")

    assert _keys(services.agenda_proposal(meeting=_plan(forum))) == ["opening", "closing"]


def test_accepting_puts_the_chosen_items_on_the_agenda_in_order(forum):
    Activity.objects.create(title="Kapotte taak", theme="Beheer")
    meeting = _plan(forum)
    services.agenda_item_add(meeting=meeting, title="Eerder toegevoegd punt")
    proposal = services.agenda_proposal(meeting=meeting)

    services.agenda_accept(
        meeting=meeting, proposal=proposal, keys={"opening", "matrix", "closing", "verzonnen"}
    )

    items = list(meeting.items.all())
    assert [item.key or item.title for item in items] == [
        "opening",
        "Eerder toegevoegd punt",
        "matrix",
        "closing",
    ]
    assert [item.order for item in items] == [1, 2, 3, 4]
    assert "Kapotte taak" in items[2].description


def test_proposing_again_adds_only_what_is_new(forum):
    meeting = _plan(forum)
    services.agenda_accept(
        meeting=meeting,
        proposal=services.agenda_proposal(meeting=meeting),
        keys={"opening", "closing", "risks"},
    )
    Activity.objects.create(title="Nieuw probleem", theme="Beheer")
    proposal = services.agenda_proposal(meeting=meeting)

    services.agenda_accept(meeting=meeting, proposal=proposal, keys=set(_keys(proposal)))

    keys = [item.key for item in meeting.items.all()]
    assert keys.count("opening") == 1 and keys.count("risks") == 1
    assert keys[0] == "opening" and keys[-1] == "closing" and "matrix" in keys


def test_free_items_go_before_any_other_business_and_move_up_and_down(forum):
    meeting = _plan(forum)
    services.agenda_accept(
        meeting=meeting,
        proposal=services.agenda_proposal(meeting=meeting),
        keys={"opening", "closing"},
    )
    first = services.agenda_item_add(meeting=meeting, title="Eerste")
    second = services.agenda_item_add(meeting=meeting, title="Tweede")

    assert [i.title for i in meeting.items.all()][1:3] == ["Eerste", "Tweede"]
    services.agenda_item_move(item=second, up=True)
    assert [i.title for i in meeting.items.all()][1:3] == ["Tweede", "Eerste"]
    services.agenda_item_move(item=meeting.items.first(), up=True)  # the first stays first
    services.agenda_item_remove(item=first)
    assert [i.order for i in meeting.items.all()] == [1, 2, 3]


def test_people_of_the_register_are_unchanged_by_proposing(forum):
    """Proposing reads the other modules; it writes nothing there."""
    before = (Person.objects.count(), Kpi.objects.count(), Activity.objects.count())

    services.agenda_proposal(meeting=_plan(forum))

    assert (Person.objects.count(), Kpi.objects.count(), Activity.objects.count()) == before
