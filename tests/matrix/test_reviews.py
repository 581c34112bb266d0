import pytest
from django.urls import reverse

from matrix.models import ReviewAnswer, ReviewRound
from matrix.mutations import mutations_list
from matrix.reviews import review_items
from tests.beheer import makers
from tests.beheer.makers import days
from tests.personas import ALL_PERSONAS


@pytest.fixture
def review(rights):
    """A round over the owner persona's component, where Pim holds two rights."""
    pim = makers.person("Pim")
    makers.assign(pim, rights["roles"]["Medewerker"])
    makers.assign(pim, rights["roles"]["Beheerder"])
    round_ = ReviewRound.objects.create(name="Najaar", deadline=days(14))
    round_.components.set([rights["own"], rights["other"]])
    return {"round": round_, "pim": pim, **rights}


def _answer(client, review, right, decision, comment=""):
    return client.post(
        reverse("matrix:review-answer", args=[review["round"].pk]),
        {"person": review["pim"].pk, "right": right.pk, "decision": decision, "comment": comment},
    )


def test_the_round_lists_every_holder_of_every_right_per_component(review):
    progress = {p.component.name: p for p in review_items(review["round"])}

    own = progress["Eigen onderdeel"]
    assert [(i.right.name, i.person.name) for i in own.items] == [
        ("Dossier inzien", "Pim"),
        ("Gebruikers beheren", "Pim"),
    ]
    assert (own.answered, own.total) == (0, 2)
    assert progress["Ander onderdeel"].total == 0  # nobody holds "Rapporten"


def test_an_owner_answers_for_their_component_only(client_as, review):
    client = client_as("owner")

    assert _answer(client, review, review["view"], "revoke", "Niet meer nodig").status_code == 302
    other = _answer(client, review, review["elsewhere"], "keep")

    assert other.status_code == 403
    answer = ReviewAnswer.objects.get()
    assert (answer.decision, answer.comment, answer.right) == (
        "revoke",
        "Niet meer nodig",
        review["view"],
    )


def test_closing_puts_revokes_and_changes_on_the_mutations_list(client_as, review):
    owner, manager = client_as("owner"), client_as("manager")
    _answer(owner, review, review["view"], "revoke", "Geen klantcontact meer")
    _answer(owner, review, review["admin"], "keep")
    assert not [e for e in mutations_list(since=days(-30)) if e.reason == "review"]

    manager.post(reverse("matrix:review-close", args=[review["round"].pk]))

    [entry] = [e for e in mutations_list(since=days(-30)) if e.reason == "review"]
    assert entry.person == review["pim"]
    assert [(m.action, m.right.name) for m in entry.mutations] == [("revoke", "Dossier inzien")]
    assert "Geen klantcontact meer" in entry.mutations[0].note
    page = manager.get(reverse("matrix:mutations")).content.decode()
    assert "Geen klantcontact meer" in page


def test_a_closed_round_takes_no_answers_and_stays_readable(client_as, review):
    client_as("manager").post(reverse("matrix:review-close", args=[review["round"].pk]))

    _answer(client_as("owner"), review, review["view"], "revoke")

    # Closing recorded both of Pim's items as not reviewed; the late answer changed nothing.
    assert set(ReviewAnswer.objects.values_list("decision", flat=True)) == {"not_reviewed"}
    page = client_as("mt").get(review["round"].get_absolute_url()).content.decode()
    assert "gesloten op" in page


def test_an_overdue_round_highlights_open_components(client_as, review):
    ReviewRound.objects.filter(pk=review["round"].pk).update(deadline=days(-1))

    page = client_as("mt").get(review["round"].get_absolute_url()).content.decode()

    assert "te laat" in page


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_who_may_start_and_read_rounds(client_as, rights, persona):
    client = client_as(persona)
    read = client.get(reverse("matrix:reviews")).status_code
    start = client.post(
        reverse("matrix:reviews"),
        {"name": "Voorjaar", "deadline": days(10).isoformat(), "components": [rights["own"].pk]},
    ).status_code

    if persona == "anonymous":
        assert (read, start) == (302, 302)
    elif persona == "outsider":
        assert (read, start) == (403, 403)
    elif persona in {"beheerder", "manager"}:
        assert (read, start) == (200, 302)
    else:
        assert (read, start) == (200, 403)
    assert ReviewRound.objects.exists() == (persona in {"beheerder", "manager"})


def test_a_deadline_in_the_past_is_refused(client_as, rights):
    response = client_as("manager").post(
        reverse("matrix:reviews"),
        {"name": "Te laat", "deadline": days(-1).isoformat(), "components": [rights["own"].pk]},
    )

    assert response.status_code == 200
    assert not ReviewRound.objects.exists()


def test_a_forged_item_for_someone_without_the_right_is_refused(client_as, review):
    stranger = makers.person("Zonder recht")

    response = client_as("owner").post(
        reverse("matrix:review-answer", args=[review["round"].pk]),
        {"person": stranger.pk, "right": review["view"].pk, "decision": "revoke"},
    )

    assert response.status_code == 403
    assert not ReviewAnswer.objects.exists()


def test_an_answer_given_meanwhile_is_not_overwritten(client_as, review, personas):
    ReviewAnswer.objects.create(
        round=review["round"],
        person=review["pim"],
        right=review["view"],
        decision="keep",
        answered_by=personas.manager,
    )

    # The owner's page showed no answer yet ("seen" empty).
    _answer(client_as("owner"), review, review["view"], "revoke")

    assert ReviewAnswer.objects.get().decision == "keep"


def test_a_closed_round_keeps_showing_what_was_answered(client_as, review):
    _answer(client_as("owner"), review, review["view"], "revoke", "Weg ermee")
    client_as("manager").post(reverse("matrix:review-close", args=[review["round"].pk]))
    review["pim"].assignments.all().delete()  # Pim has since left every role
    review["round"].refresh_from_db()

    progress = {p.component.name: p for p in review_items(review["round"])}

    own = progress["Eigen onderdeel"]
    assert [(i.right.name, i.person.name, i.answer.decision) for i in own.items] == [
        ("Dossier inzien", "Pim", "revoke"),
        ("Gebruikers beheren", "Pim", "not_reviewed"),  # nobody answered it
    ]


def test_a_change_decided_in_a_review_becomes_an_action_for_the_managers(client_as, review):
    import html
    import re

    from governance.models import Action

    _answer(client_as("owner"), review, review["view"], "change", "Alleen inzien")
    _answer(client_as("owner"), review, review["admin"], "keep")
    url = reverse("matrix:review", args=[review["round"].pk])

    as_owner = client_as("owner").get(url).content.decode()
    as_manager = client_as("manager").get(url).content.decode()
    [link] = re.findall(r'<a href="([^"]*)" class="plan-action"', as_manager)
    form = client_as("manager").get(html.unescape(link)).context["form"]
    client_as("manager").post(
        html.unescape(link),
        {
            "title": form["title"].value(),
            "component": form["component"].value(),
            "owner": makers.person("Mila Manager").pk,
            "due_date": days(21).isoformat(),
        },
    )

    assert 'class="plan-action"' not in as_owner  # one link: not for the kept right
    action = Action.objects.get()
    assert action.source == Action.Source.ACCESS_REVIEW
    assert action.component == review["own"]
    assert "Dossier inzien" in action.title and "Pim" in action.title


def test_starting_a_round_asks_the_owners_of_its_components(client_as, rights, personas):
    from beheer.models import Role
    from notifications.models import Message

    owner_role = Role.objects.create(
        name="Eigenaar eigen onderdeel", kind=Role.Kind.OWNER, component=rights["own"]
    )
    makers.assign(makers.person("Olga Owner", user=personas.owner), owner_role)

    client_as("manager").post(
        reverse("matrix:reviews"),
        {"name": "Voorjaar", "deadline": days(14).isoformat(), "components": [rights["own"].pk]},
    )

    review = ReviewRound.objects.get(name="Voorjaar")
    [message] = Message.objects.all()
    assert message.recipient == personas.owner
    assert message.url == review.get_absolute_url() and "Voorjaar" in message.subject
