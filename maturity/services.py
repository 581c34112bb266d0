"""Scoring a maturity assessment (the TOPdesk model's rules, see DESIGN.md).

Per statement the respondents' answers (0-1, "don't know" left out) are
averaged; the statement is met when the average reaches the threshold. A
dimension is at level L when every statement of levels 2..L is met, so a met
higher level above an unmet lower one does not count; level 1 is the floor.
The overall level is the weakest dimension's. The spread (highest minus lowest
answer) shows where respondents disagree.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Avg, Count, Max, Min
from django.utils import timezone
from guardian.shortcuts import assign_perm

from maturity.models import Answer, Assessment, Dimension, Response, Statement

LEVELS = range(2, 6)


@dataclass(frozen=True)
class Aggregate:
    average: Decimal | None
    spread: Decimal | None
    answers: int


@dataclass(frozen=True)
class StatementResult:
    statement: Statement
    average: Decimal | None
    spread: Decimal | None
    answers: int
    met: bool


@dataclass
class DimensionResult:
    dimension: Dimension
    level: int
    statements: list[StatementResult] = field(default_factory=list)

    @property
    def next_steps(self) -> list[StatementResult]:
        """The unmet statements of the next level up."""
        return [s for s in self.statements if s.statement.level == self.level + 1 and not s.met]

    def disagreements(self, count: int = 3) -> list[StatementResult]:
        spread = [s for s in self.statements if s.spread]
        return sorted(spread, key=lambda s: s.spread, reverse=True)[:count]


@dataclass
class AssessmentResults:
    assessment: Assessment
    respondents: int
    dimensions: list[DimensionResult]

    @property
    def overall_level(self) -> int:
        return min((d.level for d in self.dimensions), default=1)


def statement_met(aggregate: Aggregate | None, threshold: Decimal) -> bool:
    """Met when the average reaches the threshold (a tie counts); no answers: not met."""
    return (
        aggregate is not None and aggregate.average is not None and (aggregate.average >= threshold)
    )


def dimension_level(results: list[StatementResult]) -> int:
    """The highest level whose statements, and those of every level below, are met."""
    level = 1
    for candidate in LEVELS:
        if all(r.met for r in results if r.statement.level == candidate):
            level = candidate
        else:
            break
    return level


def statement_aggregates(assessment: Assessment) -> tuple[dict[int, Aggregate], int]:
    """Per statement the average and spread of the submitted answers, computed in
    the database in one query; and the number of submitted responses."""
    rows = (
        Answer.objects.filter(
            response__assessment=assessment,
            response__submitted_at__isnull=False,
            score__isnull=False,
        )
        .values("statement")
        .annotate(average=Avg("score"), low=Min("score"), high=Max("score"), answers=Count("id"))
    )
    aggregates = {
        row["statement"]: Aggregate(
            Decimal(str(row["average"])).quantize(Decimal("0.001")),
            Decimal(str(row["high"])) - Decimal(str(row["low"])),
            row["answers"],
        )
        for row in rows
    }
    respondents = assessment.responses.filter(submitted_at__isnull=False).count()
    return aggregates, respondents


def assessment_score(*, assessment: Assessment) -> AssessmentResults:
    aggregates, respondents = statement_aggregates(assessment)
    dimensions = []
    statements = Statement.objects.select_related("dimension")
    by_dimension: dict[int, list[Statement]] = {}
    for statement in statements:
        by_dimension.setdefault(statement.dimension_id, []).append(statement)
    for dimension in Dimension.objects.all():
        results = []
        for statement in by_dimension.get(dimension.pk, []):
            aggregate = aggregates.get(statement.pk)
            results.append(
                StatementResult(
                    statement=statement,
                    average=aggregate.average if aggregate else None,
                    spread=aggregate.spread if aggregate else None,
                    answers=aggregate.answers if aggregate else 0,
                    met=statement_met(aggregate, assessment.threshold),
                )
            )
        dimensions.append(DimensionResult(dimension, dimension_level(results), results))
    return AssessmentResults(assessment, respondents, dimensions)


def assessment_invite(*, assessment: Assessment, users) -> None:
    for user in users:
        assign_perm("maturity.respond_assessment", user, assessment)


def response_find(*, assessment: Assessment, user) -> Response | None:
    """The user's response if they have saved anything; reading never creates one."""
    return Response.objects.filter(assessment=assessment, respondent=user).first()


def response_for(*, assessment: Assessment, user) -> Response:
    """The user's response, created on their first save."""
    return Response.objects.get_or_create(assessment=assessment, respondent=user)[0]


@transaction.atomic
def answers_save(*, response: Response, values: dict, comments: dict) -> None:
    """Save the answers given so far ({statement: value}); an empty value clears."""
    if response.submitted_at is not None:
        raise ValueError("submitted responses are read-only")
    existing = {a.statement_id: a for a in response.answers.select_for_update()}
    for statement, value in values.items():
        answer = existing.get(statement.pk)
        comment = comments.get(statement, "")
        if not value:
            if answer:
                answer.delete()
            continue
        if answer is None:
            answer = Answer(response=response, statement=statement)
        if (answer.value, answer.comment) != (value, comment):
            answer.value, answer.comment = value, comment
            answer.save()


def unanswered(response: Response | None) -> list[Statement]:
    answered = set(response.answers.values_list("statement_id", flat=True)) if response else set()
    return [s for s in Statement.objects.select_related("dimension") if s.pk not in answered]


def response_submit(*, response: Response) -> None:
    if unanswered(response):
        raise ValueError("not every statement has been answered")
    response.submitted_at = timezone.now()
    response.save(update_fields=["submitted_at"])


def response_reopen(*, response: Response) -> None:
    response.submitted_at = None
    response.save(update_fields=["submitted_at"])
