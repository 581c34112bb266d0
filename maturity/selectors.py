"""Reading maturity rounds: who may be invited, who has answered, how far a
respondent is. Each function runs a fixed number of queries."""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Count, Q

from beheer import groups
from beheer.models import Person
from maturity.models import Answer, Assessment, Dimension, Response, Statement


def invitable_people(*, today: date):
    """The people whose login may answer a questionnaire: an active account in
    an application group (or a beheerder's superuser account), of a person who
    is active and has not left. Ordered by department, then name."""
    may_answer = Q(user__groups__name__in=groups.ALL) | Q(user__is_superuser=True)
    return (
        Person.objects.filter(user__isnull=False, user__is_active=True, is_active=True)
        .filter(Q(leaving_date__isnull=True) | Q(leaving_date__gte=today))
        .filter(pk__in=Person.objects.filter(may_answer).values("pk"))
        .select_related("department", "user")
        .order_by("department__name", "name")
    )


@dataclass(frozen=True)
class Respondent:
    user: object
    person: Person | None
    response: Response | None
    answered: int

    @property
    def name(self) -> str:
        if self.person is not None:
            return self.person.name
        return self.user.get_full_name() or self.user.get_username()

    @property
    def email(self) -> str:
        return (self.person.email if self.person else "") or self.user.email

    @property
    def has_submitted(self) -> bool:
        return self.response is not None and self.response.submitted_at is not None


def respondents(*, assessment: Assessment) -> list[Respondent]:
    """The invited, with their person, response and number of answers; two
    queries, however many respondents."""
    invited = list(
        get_user_model()
        .objects.filter(assessmentuserobjectpermission__content_object=assessment)
        .select_related("person", "person__department")
        .distinct()
    )
    responses = {
        r.respondent_id: r
        for r in Response.objects.filter(assessment=assessment).annotate(
            answered=Count("answers", filter=~Q(answers__value=""))
        )
    }
    found = []
    for user in invited:
        response = responses.get(user.pk)
        person = getattr(user, "person", None)
        found.append(Respondent(user, person, response, response.answered if response else 0))
    return sorted(found, key=lambda r: r.name.lower())


@dataclass(frozen=True)
class DimensionProgress:
    dimension: Dimension
    answered: int
    total: int

    @property
    def is_complete(self) -> bool:
        return self.answered >= self.total


@dataclass(frozen=True)
class Progress:
    dimensions: list[DimensionProgress]
    first_unanswered: Statement | None

    @property
    def answered(self) -> int:
        return sum(d.answered for d in self.dimensions)

    @property
    def total(self) -> int:
        return sum(d.total for d in self.dimensions)

    @property
    def is_complete(self) -> bool:
        return self.answered >= self.total


def progress(*, response: Response | None, dimensions: list[Dimension] | None = None) -> Progress:
    """How far a respondent is, overall and per dimension, and the first
    statement still without an answer (where to resume). Two queries, three
    without `dimensions`."""
    if dimensions is None:
        dimensions = list(Dimension.objects.all())
    answered = (
        set(
            Answer.objects.filter(response=response)
            .exclude(value="")
            .values_list("statement_id", flat=True)
        )
        if response is not None
        else set()
    )
    statements = Statement.objects.only("pk", "dimension_id", "level", "order").order_by(
        "dimension__order", "dimension_id", "level", "order", "id"
    )
    per_dimension: dict[int, list[int]] = {d.pk: [0, 0] for d in dimensions}
    first = None
    by_id = {d.pk: d for d in dimensions}
    for statement in statements:
        counts = per_dimension.setdefault(statement.dimension_id, [0, 0])
        counts[1] += 1
        if statement.pk in answered:
            counts[0] += 1
        elif first is None:
            first = statement
            if statement.dimension_id in by_id:
                first.dimension = by_id[statement.dimension_id]
    return Progress(
        [DimensionProgress(d, *per_dimension[d.pk]) for d in dimensions],
        first,
    )
