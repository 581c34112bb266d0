"""What an auditor asks of a review round: nothing silently dropped on closing,
a report that reads the same later, and owners who can answer 200 items
without 200 clicks."""

import re
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from beheer.models import Person, Role
from matrix.models import MutationTick, ReviewAnswer, ReviewRound
from matrix.mutations import mutations_list
from matrix.summary import open_right_change_count
from tests.beheer import makers
from tests.beheer.makers import days
from tests.personas import ALL_PERSONAS


@pytest.fixture
def review(rights, personas):
    """A round over the owner persona's component, where Pim holds two rights
    (one through each role) and Olga owns the component."""
    pim = makers.person("Pim")
    makers.assign(pim, rights["roles"]["Medewerker"])
    makers.assign(pim, rights["roles"]["Beheerder"])
    owner_role = Role.objects.create(
        name="Eigenaar eigen onderdeel", kind=Role.Kind.OWNER, component=rights["own"]
    )
    olga = makers.person("Olga Owner", user=personas.owner)
    makers.assign(olga, owner_role)
    round_ = ReviewRound.objects.create(name="Najaar", deadline=days(14))
    round_.components.set([rights["own"], rights["other"]])
    return {"round": round_, "pim": pim, "olga": olga, **rights}


def _answer(client, review, right, decision, comment="", person=None):
    return client.post(
        reverse("matrix:review-answer", args=[review["round"].pk]),
        {
            "person": (person or review["pim"]).pk,
            "right": right.pk,
            "decision": decision,
            "comment": comment,
        },
    )


def _keep(client, review, **which):
    """Ask to keep, then confirm exactly what the confirmation listed."""
    url = reverse("matrix:review-keep", args=[review["round"].pk])
    page = client.get(url, which)
    listed = re.findall(r'name="item" value="([^"]+)"', page.content.decode())
    return client.post(url, {**which, "item": listed})


def _close(client, review):
    return client.post(reverse("matrix:review-close", args=[review["round"].pk]))


def test_closing_asks_first_and_shows_the_open_items_per_component(client_as, review):
    _answer(client_as("owner"), review, review["view"], "revoke")

    page = client_as("manager").get(reverse("matrix:review-close", args=[review["round"].pk]))

    html = page.content.decode()
    assert page.status_code == 200
    assert f'data-component="{review["own"].pk}">1<' in html  # "Gebruikers beheren"
    assert "niet beoordeeld" in html
    review["round"].refresh_from_db()
    assert review["round"].is_open  # asking closes nothing


def test_unanswered_items_are_recorded_as_not_reviewed_and_followed_up(client_as, review):
    manager = client_as("manager")
    _answer(client_as("owner"), review, review["view"], "revoke", "Geen klantcontact")

    _close(manager, review)

    answers = {a.right.name: a for a in ReviewAnswer.objects.select_related("right")}
    assert answers["Gebruikers beheren"].decision == "not_reviewed"
    assert answers["Gebruikers beheren"].answered_by is None
    assert answers["Dossier inzien"].decision == "revoke"
    [entry] = [e for e in mutations_list(since=days(-30)) if e.reason == "review"]
    by_right = {m.right.name: m for m in entry.mutations}
    assert by_right["Gebruikers beheren"].action == MutationTick.Action.FOLLOW_UP
    assert "niet beoordeeld — navragen" in str(by_right["Gebruikers beheren"].note)
    assert by_right["Dossier inzien"].action == MutationTick.Action.REVOKE
    page = manager.get(reverse("matrix:mutations")).content.decode()
    assert "niet beoordeeld — navragen" in page
    # The dashboard's count follows the list's rule for both kinds of outcome.
    assert open_right_change_count(since=days(-30), today=days(0)) == sum(
        e.open_count for e in mutations_list(since=days(-30))
    )


def test_ticking_off_a_follow_up_settles_it(client_as, review):
    manager = client_as("manager")
    _close(manager, review)
    occasion = f"review:{review['round'].pk}"

    response = manager.post(
        reverse("matrix:mutation-tick"),
        {
            "person": review["pim"].pk,
            "right": review["admin"].pk,
            "action": "follow_up",
            "occasion": occasion,
            "since": days(-30).isoformat(),
            "done": "on",
        },
    )

    assert response.status_code == 302
    [entry] = [e for e in mutations_list(since=days(-30)) if e.reason == "review"]
    assert entry.open_count == 1  # "Dossier inzien" is still open
    assert open_right_change_count(since=days(-30), today=days(0)) == sum(
        e.open_count for e in mutations_list(since=days(-30))
    )


def test_an_owner_cannot_answer_not_reviewed(client_as, review):
    _answer(client_as("owner"), review, review["view"], "not_reviewed")

    assert not ReviewAnswer.objects.exists()


def test_a_closed_round_reads_the_same_after_the_register_changes(client_as, review):
    ans = makers.person("Ans")
    makers.assign(ans, review["roles"]["Medewerker"])
    _answer(client_as("owner"), review, review["view"], "revoke")
    _answer(client_as("owner"), review, review["view"], "keep", person=ans)
    _close(client_as("manager"), review)
    # A year later: Pim renamed and out of every role, the right and the component
    # renamed, Olga gone, and Ans (whom the round also reviewed) deleted.
    review["pim"].name = "Pim de Vries"
    review["pim"].save()
    review["pim"].assignments.all().delete()
    review["olga"].assignments.all().delete()
    review["view"].name = "Klantdossier lezen"
    review["view"].save()
    review["own"].name = "Nieuw onderdeel"
    review["own"].save()
    Person.objects.get(name="Ans").delete()

    html = client_as("mt").get(review["round"].get_absolute_url()).content.decode()
    report = _rows(_report(client_as("mt"), review).worksheets[1])

    assert "Olga Owner" in html  # the owner at closing, not "—"
    assert "Dossier inzien" in html and "Klantdossier lezen" not in html
    assert ">Pim<" in html and "Pim de Vries" not in html
    assert "Medewerker" in html and "Beheerder" in html  # the roles held at closing
    assert "niet beoordeeld" in html
    assert "Eigen onderdeel" in html and "Nieuw onderdeel" not in html
    assert "<td>Ans</td>" in html  # named, no longer a link to a page that is gone
    assert {(row["Onderdeel"], row["Persoon"], row["Recht"]) for row in report} == {
        ("Eigen onderdeel", "Ans", "Dossier inzien"),
        ("Eigen onderdeel", "Pim", "Dossier inzien"),
        ("Eigen onderdeel", "Pim", "Gebruikers beheren"),
    }


def test_an_owner_keeps_everything_remaining_of_one_person_after_confirming(client_as, review):
    owner = client_as("owner")
    _answer(owner, review, review["view"], "revoke", "Weg ermee")
    url = reverse("matrix:review-keep", args=[review["round"].pk])

    confirmation = owner.get(url, {"person": review["pim"].pk})

    assert [i.right.name for i in confirmation.context["items"]] == ["Gebruikers beheren"]
    assert ReviewAnswer.objects.count() == 1  # nothing saved before confirming
    _keep(owner, review, person=review["pim"].pk)
    decisions = dict(ReviewAnswer.objects.values_list("right__name", "decision"))
    assert decisions == {"Dossier inzien": "revoke", "Gebruikers beheren": "keep"}
    kept = ReviewAnswer.objects.get(right=review["admin"])
    assert kept.answered_by.username == "owner"
    assert kept.history.count() == 1  # in the audit trail like any answer


def test_keeping_one_right_for_everyone_remaining(client_as, review):
    ans = makers.person("Ans")
    makers.assign(ans, review["roles"]["Medewerker"])
    owner = client_as("owner")
    _answer(owner, review, review["view"], "change", person=ans)

    _keep(owner, review, right=review["view"].pk)

    decisions = dict(
        ReviewAnswer.objects.filter(right=review["view"]).values_list("person__name", "decision")
    )
    assert decisions == {"Ans": "change", "Pim": "keep"}  # Ans's answer stands
    assert not ReviewAnswer.objects.filter(right=review["admin"]).exists()


def test_keeping_at_once_never_reaches_another_owners_component(client_as, review):
    makers.assign(review["pim"], Role.objects.create(name="Rapporteur", kind="functional"))
    from matrix.models import Grant

    Grant.objects.create(role=Role.objects.get(name="Rapporteur"), right=review["elsewhere"])

    pim = review["pim"].pk
    forged = [f"{pim}:{review['elsewhere'].pk}", f"{pim}:{review['admin'].pk}"]

    client_as("owner").post(
        reverse("matrix:review-keep", args=[review["round"].pk]), {"person": pim, "item": forged}
    )

    assert set(ReviewAnswer.objects.values_list("right__component", flat=True)) == {
        review["own"].pk
    }


def test_keeping_at_once_needs_one_person_or_one_right(client_as, review):
    url = reverse("matrix:review-keep", args=[review["round"].pk])
    both = {"person": review["pim"].pk, "right": review["view"].pk}

    response = client_as("owner").post(url, both)

    assert response.status_code == 302
    assert not ReviewAnswer.objects.exists()


def _report(client, review):
    response = client.get(reverse("matrix:review-report", args=[review["round"].pk]))
    assert response.status_code == 200
    workbook = load_workbook(BytesIO(response.content))
    return workbook


def _rows(sheet):
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if row[0] == "Onderdeel")
    return [dict(zip(rows[header], row, strict=False)) for row in rows[header + 1 :]]


def test_the_report_shows_scope_answers_not_reviewed_and_tick_dates(client_as, review):
    manager = client_as("manager")
    _answer(client_as("owner"), review, review["view"], "revoke", "Geen klantcontact")
    _close(manager, review)
    manager.post(
        reverse("matrix:mutation-tick"),
        {
            "person": review["pim"].pk,
            "right": review["view"].pk,
            "action": "revoke",
            "occasion": f"review:{review['round'].pk}",
            "since": days(-30).isoformat(),
            "done": "on",
        },
    )

    workbook = _report(manager, review)

    summary = {row[0]: row[1] for row in workbook.worksheets[0].iter_rows(values_only=True)}
    assert summary["Niet beoordeeld"] == 1 and summary["Intrekken"] == 1
    assert summary["Gesloten door"] == "Manager"
    items = {row["Recht"]: row for row in _rows(workbook.worksheets[1])}
    revoked, open_ = items["Dossier inzien"], items["Gebruikers beheren"]
    assert (revoked["Uitkomst"], revoked["Toelichting"]) == ("Intrekken", "Geen klantcontact")
    assert revoked["Beantwoord door"] == "Owner" and revoked["Beantwoord op"] is not None
    assert revoked["Afgevinkt op de mutatielijst"] is not None
    assert revoked["Afgevinkt door"] == "Manager"
    assert open_["Uitkomst"] == "Niet beoordeeld" and open_["Beantwoord door"] in ("", None)
    assert open_["Via"] == "Beheerder"
    owners = _rows_after(workbook.worksheets[0], "Onderdeel")
    assert owners["Eigen onderdeel"][1] == "Olga Owner"


def _rows_after(sheet, first_header):
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if row[0] == first_header)
    return {row[0]: row for row in rows[header + 1 :] if row[0]}


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_who_may_close_keep_at_once_and_download_the_report(client_as, review, persona):
    client = client_as(persona)
    keep_url = reverse("matrix:review-keep", args=[review["round"].pk])
    close_url = reverse("matrix:review-close", args=[review["round"].pk])

    report = client.get(reverse("matrix:review-report", args=[review["round"].pk])).status_code
    confirm_keep = client.get(keep_url, {"person": review["pim"].pk}).status_code
    listed = [f"{review['pim'].pk}:{review['view'].pk}", f"{review['pim'].pk}:{review['admin'].pk}"]
    keep = client.post(keep_url, {"person": review["pim"].pk, "item": listed}).status_code
    confirm_close = client.get(close_url).status_code
    close = client.post(close_url).status_code

    writes_keep = persona in {"beheerder", "manager", "owner"}
    closes = persona in {"beheerder", "manager"}
    if persona == "anonymous":
        assert {report, confirm_keep, keep, confirm_close, close} == {302}
    elif persona == "outsider":
        assert {report, confirm_keep, keep, confirm_close, close} == {403}
    else:
        assert report == 200
        assert (confirm_keep, keep) == ((200, 302) if writes_keep else (403, 403))
        assert (confirm_close, close) == ((200, 302) if closes else (403, 403))
    assert ReviewAnswer.objects.filter(decision="keep").exists() == writes_keep
    review["round"].refresh_from_db()
    assert review["round"].is_open != closes


def test_the_mutations_workbook_says_what_to_follow_up(client_as, review):
    manager = client_as("manager")
    _close(manager, review)

    response = manager.get(reverse("matrix:mutations-xlsx"))

    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    follow_up = [row for row in rows if "Gebruikers beheren" in row]
    assert follow_up and "Najaar: niet beoordeeld — navragen" in follow_up[0][1]
    assert follow_up[0][5] == "Navragen"


@pytest.mark.django_db
def test_a_rounds_pages_and_report_take_the_same_queries_at_twice_the_size(client):
    from django.core.management import call_command
    from django.db import connection
    from django.http import HttpRequest
    from django.test.utils import CaptureQueriesContext

    from beheer.models import Component
    from matrix.reviews import review_close

    def counts():
        ReviewRound.objects.all().delete()
        open_round = ReviewRound.objects.create(name="Open", deadline=days(14))
        closed_round = ReviewRound.objects.create(name="Dicht", deadline=days(14))
        for round_ in (open_round, closed_round):
            round_.components.set(Component.objects.all())
        review_close(review=closed_round, by=None)
        result = []
        for url in (
            open_round.get_absolute_url(),
            closed_round.get_absolute_url(),
            reverse("matrix:review-close", args=[open_round.pk]),
            reverse("matrix:review-report", args=[closed_round.pk]),
            reverse("matrix:review-keep", args=[open_round.pk])
            + "?right="
            + str(closed_round.answers.first().right_id),
        ):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            result.append(len(queries))
        return result, closed_round.answers.count()

    call_command("loaddemo", allow_public_demo_passwords=True, scale=1, stdout=None)
    client.login(request=HttpRequest(), username="manager", password="beheer-demo")
    small, small_items = counts()
    call_command("loaddemo", allow_public_demo_passwords=True, scale=3, stdout=None)
    large, large_items = counts()

    assert large_items >= 2 * small_items
    assert large == small


def test_the_list_of_rounds_counts_what_was_not_reviewed(client_as, review):
    _answer(client_as("owner"), review, review["view"], "keep")
    _close(client_as("manager"), review)

    page = client_as("mt").get(reverse("matrix:reviews")).content.decode()

    assert "1 niet beoordeeld" in page


@pytest.mark.django_db
def test_the_demo_has_a_closed_round_whose_outcomes_wait_on_the_mutations_list():
    from django.core.management import call_command

    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)

    [review] = ReviewRound.objects.filter(closed_at__isnull=False)
    decisions = set(review.answers.values_list("decision", flat=True))
    assert decisions == {"keep", "revoke", "change", "not_reviewed"}
    owners = [name for entry in review.components_at_close for name, _deputy in entry["owners"]]
    assert "Ingrid Bakker" in owners  # the owner at closing
    entries = [e for e in mutations_list(since=days(-30)) if e.reason == "review"]
    actions = [m.action for e in entries for m in e.mutations]
    assert actions.count("follow_up") == 3
    assert sum(1 for e in entries for m in e.mutations if m.tick) == 1  # the revoke, done


def test_keeping_never_saves_an_item_the_confirmation_did_not_show(client_as, review):
    owner = client_as("owner")
    url = reverse("matrix:review-keep", args=[review["round"].pk])
    page = owner.get(url, {"right": review["view"].pk}).content.decode()
    listed = re.findall(r'name="item" value="([^"]+)"', page)
    # Meanwhile Ans is given the role, and so the right under review.
    ans = makers.person("Ans")
    makers.assign(ans, review["roles"]["Medewerker"])

    owner.post(url, {"right": review["view"].pk, "item": listed})

    kept = set(ReviewAnswer.objects.values_list("person__name", flat=True))
    assert kept == {"Pim"}  # Ans still waits for an answer of her own


def test_keeping_in_a_closed_round_saves_nothing(client_as, review):
    _close(client_as("manager"), review)
    listed = [f"{review['pim'].pk}:{review['view'].pk}"]

    response = client_as("owner").post(
        reverse("matrix:review-keep", args=[review["round"].pk]),
        {"person": review["pim"].pk, "item": listed},
    )

    assert response.status_code == 302
    assert not ReviewAnswer.objects.filter(decision="keep").exists()


def test_closing_leaves_the_owners_answers_in_their_name_in_the_audit_trail(client_as, review):
    _answer(client_as("owner"), review, review["view"], "revoke")

    _close(client_as("manager"), review)

    answer = ReviewAnswer.objects.get(right=review["view"])
    assert [h.history_user.username for h in answer.history.all()] == ["owner"]
    assert answer.person_name == "Pim"  # the copy at closing is there all the same


def test_a_deputy_owner_is_marked_on_the_closed_round(client_as, review):
    dirk = makers.person("Dirk Deputy")
    makers.assign(dirk, Role.objects.get(name="Eigenaar eigen onderdeel"), kind="deputy")

    _close(client_as("manager"), review)

    html = client_as("mt").get(review["round"].get_absolute_url()).content.decode()
    assert "Dirk Deputy (vervanger)" in html
    assert "Olga Owner (vervanger)" not in html and "Olga Owner" in html


def test_the_report_shows_tick_dates_only_to_readers_of_the_mutations_list(client_as, review):
    _close(client_as("manager"), review)

    headers = {
        persona: [c.value for c in _report(client_as(persona), review).worksheets[1][5]]
        for persona in ("key_user", "mt")
    }

    assert "Afgevinkt op de mutatielijst" not in headers["key_user"]
    assert "Afgevinkt op de mutatielijst" in headers["mt"]
