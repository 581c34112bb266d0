"""Demo data for the beheermatrix: the default matrix, codes for the key users of
the demo's service processes, and for `--scale N` N-1 further copies of the
default tasks, so that scale 6 gives about 150 tasks × 40 roles; one
half-yearly access review planned over the main components, and last spring's
review closed with its outcomes."""

from datetime import date, timedelta

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from beheer.defaults import COMPONENTS
from beheer.models import Component, Role
from matrix.defaults import ACTIVITIES, KEY_USER, ensure_default_matrix, ensure_default_rights
from matrix.models import (
    Activity,
    Grant,
    MutationTick,
    Responsibility,
    ReviewAnswer,
    ReviewRound,
    ReviewSchedule,
    Right,
)
from notifications.reminders import add_months

# What a process key user does in the default tasks.
PROCESS_KEY_USER_CODES = {
    "Selfserviceprocessen ontwerpen en aanpassen": "C",
    "Updates testen (acceptatietest)": "R",
    "Kennisbankartikelen schrijven": "C",
    "Wensen verzamelen en prioriteren": "C",
}


def _round_of(name: str) -> int:
    """The demo round a name belongs to: "Key user X (3)" -> 3, "Key user X" -> 1."""
    if name.endswith(")") and " (" in name:
        number = name.rsplit(" (", 1)[1][:-1]
        if number.isdigit():
            return int(number)
    return 1


def load(*, scale: int = 1) -> dict[str, int]:
    ensure_default_matrix(Activity, Responsibility, Role, Component)
    ensure_default_rights(Right, Grant, Role, Component)
    roles = {role.name: role for role in Role.objects.all()}
    components = {component.name: component for component in Component.objects.all()}
    activities = {a.title: a for a in Activity.objects.all()}
    existing = set(Responsibility.objects.values_list("activity_id", "role_id"))
    new_codes = []

    def add(activity, role, code):
        if role is not None and (activity.pk, role.pk) not in existing:
            existing.add((activity.pk, role.pk))
            new_codes.append(Responsibility(activity=activity, role=role, code=code))

    process_key_users = [
        r for r in roles.values() if r.kind == Role.Kind.KEY_USER and r.service_process_id
    ]
    created = 0
    for round_number in range(1, scale + 1):
        suffix = "" if round_number == 1 else f" ({round_number})"
        round_key_users = [r for r in process_key_users if _round_of(r.name) == round_number]
        for order, (theme, title, component, codes) in enumerate(ACTIVITIES, start=1):
            activity = activities.get(title + suffix)
            if activity is None:
                if round_number == 1:
                    continue  # the organisation deleted a default task
                activity = Activity.objects.create(
                    title=title + suffix,
                    theme=theme,
                    component=components.get(component),
                    order=round_number * 1000 + order * 10,
                )
                activities[activity.title] = activity
                created += 1
                for role_name, code in codes.items():
                    if role_name != KEY_USER:
                        add(activity, roles.get(role_name), code)
                    elif round_key_users:
                        add(activity, round_key_users[0], code)
            for key_user in round_key_users:
                if title in PROCESS_KEY_USER_CODES:
                    add(activity, key_user, PROCESS_KEY_USER_CODES[title])
    bulk_create_with_history(new_codes, Responsibility, batch_size=500)
    adopted = _adopted_months_ago(roles, components)
    return {
        "tasks created": created,
        "codes created": len(new_codes),
        "versions": adopted,
        "recurring reviews": _review_schedule(),
        "closed reviews": _closed_review(),
    }


def _review_schedule() -> int:
    """A half-yearly access review over the four main components, its next round
    early next quarter, so the plan shows on the reviews page after `make run`
    and nothing starts on the demo's first daily run."""
    if ReviewSchedule.objects.exists():
        return 0
    today = timezone.localdate()
    quarter_start = date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    schedule = ReviewSchedule.objects.create(
        name="Halfjaarlijkse toegangsreview",
        every_months=6,
        answer_days=21,
        next_date=add_months(quarter_start, 3),
    )
    schedule.components.set(
        Component.objects.filter(name__in=[name for name, _kind, _text in COMPONENTS])
    )
    return 1


def _closed_review() -> int:
    """Last spring's access review of the customer tracking system, closed with
    its outcomes: mostly kept, one revoke (carried out since), one change, and a
    few items nobody answered, which wait on the mutations list to be followed
    up; so the review's report and the mutations list show something right
    after `make run`."""
    from django.contrib.auth import get_user_model

    from matrix.reviews import review_close, review_items

    crm = Component.objects.filter(kind=Component.Kind.CRM).order_by("pk").first()
    if crm is None or ReviewRound.objects.exists():
        return 0
    users = {
        u.username: u for u in get_user_model().objects.filter(username__in=["eigenaar", "manager"])
    }
    owner, manager = users.get("eigenaar"), users.get("manager")
    started = timezone.now() - timedelta(days=190)
    review = ReviewRound.objects.create(
        name="Toegangsreview voorjaar", deadline=timezone.localdate(started) + timedelta(days=21)
    )
    review.components.set([crm])
    items = [item for progress in review_items(review) for item in progress.items]
    outcomes = {
        0: ("revoke", "Werkt sinds maart niet meer aan de klantcontacten."),
        1: ("change", "Alleen nog inzien, niet wijzigen."),
    }
    answers = []
    for index, item in enumerate(items[: max(0, len(items) - 3)]):
        decision, comment = outcomes.get(index, ("keep", ""))
        answers.append(
            ReviewAnswer(
                round=review,
                person=item.person,
                right=item.right,
                decision=decision,
                comment=comment,
                answered_by=owner,
            )
        )
    bulk_create_with_history(answers, ReviewAnswer, batch_size=500, default_user=owner)
    review_close(review=review, by=manager)
    closed = started + timedelta(days=24)
    ReviewRound.objects.filter(pk=review.pk).update(started_at=started, closed_at=closed)
    ReviewAnswer.objects.filter(round=review).update(answered_at=started + timedelta(days=9))
    revoked = answers[0] if answers else None
    if revoked is not None:
        tick = MutationTick.objects.create(
            person=revoked.person,
            right=revoked.right,
            action=MutationTick.Action.REVOKE,
            occasion=f"review:{review.pk}",
            ticked_by=manager,
        )
        MutationTick.objects.filter(pk=tick.pk).update(ticked_at=closed + timedelta(days=2))
    return 1


def _adopted_months_ago(roles, components) -> int:
    """The MT adopted the matrix some months ago; the beheerteam has changed it
    since (a task added, a responsibility moved), so that "vastgesteld op …"
    and the comparison show something right after `make run`."""
    from datetime import datetime, time, timedelta

    from django.utils import timezone

    from matrix.models import MatrixVersion
    from matrix.services import version_adopt

    if MatrixVersion.objects.exists():
        return 0
    version = version_adopt(
        adopted_on=timezone.localdate() - timedelta(days=130),
        note="Vastgesteld in het MT-overleg; de rol van de key users bij releases is "
        "verduidelijkt.",
        user=None,
    )
    # Recorded then, as the MT adopted it (the snapshot is the matrix as loaded above).
    recorded = datetime.combine(
        version.adopted_on, time(10), tzinfo=timezone.get_current_timezone()
    )
    MatrixVersion.objects.filter(pk=version.pk).update(created_at=recorded)
    release_calendar = Activity.objects.create(
        title="Releasekalender bijhouden",
        theme="Releases en updates",
        component=components.get("Klantvolgsysteem"),
        order=990,
    )
    for role_name, code in (("Leveranciersmanagement", "A"), ("Functioneel beheer", "R")):
        if role_name in roles:
            Responsibility.objects.create(
                activity=release_calendar, role=roles[role_name], code=code
            )
    # Functioneel beheer now helps write knowledge-base articles, no longer only hears of them.
    moved = Responsibility.objects.filter(
        activity__title="Kennisbankartikelen schrijven", role__name="Functioneel beheer", code="I"
    ).first()
    if moved is not None:
        moved.code = "C"
        moved.save()
    return 1
