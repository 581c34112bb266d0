"""The KPI overview, the factor list and the channel figures are built once for
every reader (and cached): a change shows at once, filters stay each viewer's own."""

import re
from datetime import date, timedelta
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from beheer.models import Department, Person
from kpi.models import Channel, ContactVolume, Kpi, Measurement, SuccessFactor
from kpi.services import factor_checklist, factor_progress, factor_review_record


def _row(page, kpi) -> str:
    return re.search(rf'<tr data-kpi="{kpi.pk}">.*?</tr>', page.content.decode()).group(0)


def test_a_new_measurement_shows_at_once(client_as, kpi):
    reader = client_as("mt")
    assert 'data-status="no_data"' in _row(reader.get(reverse("kpi:dashboard")), kpi)

    client_as("key_user").post(
        reverse("kpi:kpi", args=[kpi.pk]), {"date": timezone.localdate(), "value": "90"}
    )

    row = _row(reader.get(reverse("kpi:dashboard")), kpi)
    assert 'data-status="on_track"' in row and "90 %" in row


def test_an_owner_who_leaves_is_flagged_at_once(client_as, kpi, owner_person):
    reader = client_as("mt")
    assert "is vertrokken" not in _row(reader.get(reverse("kpi:dashboard")), kpi)

    owner_person.leaving_date = timezone.localdate()
    owner_person.save()

    assert "is vertrokken" in _row(reader.get(reverse("kpi:dashboard")), kpi)


def test_only_my_kpis_is_each_owners_own_list(client_as, personas, kpi):
    theirs = Kpi.objects.create(
        name="Van de onderdeeleigenaar",
        owner=Person.objects.create(name="Olga Jansen", user=personas.owner),
    )
    url = reverse("kpi:dashboard")

    mine = client_as("key_user").get(url, {"mijn": "1"}).context["rows"]
    others = client_as("owner").get(url, {"mijn": "1"}).context["rows"]
    everything = client_as("key_user").get(url).context["rows"]

    assert [r.pk for r in mine] == [kpi.pk]
    assert [r.pk for r in others] == [theirs.pk]
    assert {r.pk for r in everything} == {kpi.pk, theirs.pk}


def test_only_my_kpis_means_nothing_to_someone_who_owns_none(client_as, kpi):
    rows = client_as("mt").get(reverse("kpi:dashboard"), {"mijn": "1"}).context["rows"]
    assert rows == []


def test_the_filters_combine_and_count_what_they_show(client_as, kpi):
    wonen = Department.objects.create(name="Wonen")
    Kpi.objects.create(name="Wonen, afdeling", department=wonen)
    personal = Kpi.objects.create(name="Wonen, persoonlijk", department=wonen, level="personal")
    client = client_as("mt")

    page = client.get(reverse("kpi:dashboard"), {"afdeling": wonen.pk, "niveau": "personal"})

    assert [r.pk for r in page.context["rows"]] == [personal.pk]
    assert 'data-count="no_data">1<' in page.content.decode()
    assert f'<option value="{wonen.pk}" selected>Wonen</option>' in page.content.decode()


def test_unknown_filter_values_are_ignored(client_as, kpi):
    client = client_as("mt")
    for query in ({"afdeling": "x"}, {"afdeling": "999999"}, {"niveau": "boss"}):
        page = client.get(reverse("kpi:dashboard"), query)
        assert [r.pk for r in page.context["rows"]] == [kpi.pk], query
        assert "Alles tonen" not in page.content.decode()


def test_sparkline_coordinates_keep_a_decimal_point_in_dutch(client_as, kpi):
    """Dutch number formatting writes 2,5; in SVG that breaks the line."""
    for month, value in ((9, "41.5"), (10, "55"), (11, "64.25")):
        Measurement.objects.create(kpi=kpi, date=date(2026, month, 1), value=Decimal(value))

    svg = re.search(r"<svg class=\"sparkline\".*?</svg>", _row(client_as("mt").get("/kpi/"), kpi))

    target = re.search(r'<line x1="0" x2="100" y1="([^"]+)" y2="([^"]+)"', svg.group(0))
    assert target and target.group(1) == target.group(2)
    assert re.fullmatch(r"\d+\.\d", target.group(1))
    points = re.search(r'points="([^"]+)"', svg.group(0)).group(1).split()
    assert len(points) == 3 and all(re.fullmatch(r"\d+\.\d,\d+\.\d", p) for p in points)
    assert "64,25 %" in _row(client_as("mt").get("/kpi/"), kpi)  # values for people: Dutch


def test_a_review_shows_on_the_factor_list_at_once(client_as):
    factor = SuccessFactor.objects.get(key="strategie")
    reader = client_as("mt")
    assert "Strategie schrijven" not in reader.get(reverse("kpi:factors")).content.decode()

    owner = Person.objects.create(name="Fatima El Amrani")
    factor_review_record(
        factor=factor,
        user=None,
        date=date(2026, 10, 1),
        status="developing",
        owner=owner,
        next_action="Strategie schrijven",  # an action in the register
        due_date=date(2027, 1, 1),
    )
    assert "Strategie schrijven" in reader.get(reverse("kpi:factors")).content.decode()

    owner.name = "Fatima El Amrani-de Vries"  # a register change
    owner.save()
    assert "El Amrani-de Vries" in reader.get(reverse("kpi:factors")).content.decode()


def test_channel_figures_follow_the_volumes_and_links_follow_the_reader(client_as):
    phone = Channel.objects.get(name="Telefoon")
    ContactVolume.objects.create(channel=phone, month=date(2026, 9, 1), contacts=600)
    edit_link = reverse("kpi:channel-edit", args=[phone.pk])

    editor_page = client_as("manager").get(reverse("kpi:channels")).content.decode()
    reader = client_as("mt")
    reader_page = reader.get(reverse("kpi:channels")).content.decode()

    assert edit_link in editor_page and edit_link not in reader_page
    assert '<td class="number">600</td>' in reader_page
    ContactVolume.objects.create(channel=phone, month=date(2026, 10, 1), contacts=432)
    assert '<th scope="row">2026-10</th>' in reader.get(reverse("kpi:channels")).content.decode()


def test_a_login_linked_to_an_owner_gets_only_my_kpis_at_once(client_as, personas, kpi):
    other = Person.objects.create(name="Olga Jansen")
    Kpi.objects.create(name="Van Olga", owner=other)
    owner = client_as("owner")
    assert 'name="mijn"' not in owner.get(reverse("kpi:dashboard")).content.decode()

    other.user = personas.owner
    other.save()

    page = owner.get(reverse("kpi:dashboard"))
    assert 'name="mijn"' in page.content.decode()
    assert "Metingen uploaden" in page.content.decode()


def test_the_overview_progress_is_the_factor_lists(client_as, db):
    """The overview reads the factors more lightly than the factor list; the
    figures are the same: latest review per factor, overdue actions."""
    yesterday = timezone.localdate() - timedelta(days=1)
    reviews = [
        ("strategie", date(2026, 6, 1), "developing", "Schrijven", date(2026, 9, 1)),
        ("strategie", date(2026, 11, 1), "anchored", "", None),  # the latest counts
        ("architectuur", date(2026, 6, 1), "developing", "Opstellen", yesterday),
        ("kanaalsturing", date(2026, 6, 1), "present", "", None),
    ]
    for key, day, status, action, due in reviews:
        factor_review_record(
            factor=SuccessFactor.objects.get(key=key),
            user=None,
            date=day,
            status=status,
            next_action=action,
            due_date=due,
        )
    today = timezone.localdate()

    light, full = factor_progress(today=today), factor_checklist(today=today)

    assert [(t.theme, t.percent) for t in light.themes] == [
        (t.theme, t.percent) for t in full.themes
    ]
    # Actions live in the register: a later review does not close an earlier one's.
    assert len(light.overdue) == len(full.overdue) == 2
    page = client_as("mt").get(reverse("kpi:dashboard")).content.decode()
    for theme in full.themes:
        assert f'data-progress="{theme.theme}">{theme.percent}%' in page
    assert "2 acties zijn over tijd" in page
