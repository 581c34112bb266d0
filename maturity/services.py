"""Scoring a maturity assessment (the TOPdesk model's rules, see DESIGN.md).

Per statement the respondents' answers (0-1, "don't know" left out) are
averaged; the statement is met when the average reaches the threshold. A
dimension is at level L when every statement of levels 2..L is met, so a met
higher level above an unmet lower one does not count; level 1 is the floor.
The overall level is the weakest dimension's. The spread (highest minus lowest
answer) shows where respondents disagree.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Count
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


def _aggregates(assessment_ids) -> tuple[dict[int, dict[int, Aggregate]], dict[int, int]]:
    """Per assessment and statement the average and spread of the submitted
    answers; and per assessment the number of submitted responses. Two queries.

    The database counts the answers per statement and score (a handful of
    rows per statement, however many respondents); the average and spread
    follow from those counts, exactly, in Decimal."""
    submitted = list(
        Response.objects.filter(
            assessment__in=assessment_ids, submitted_at__isnull=False
        ).values_list("pk", "assessment_id")
    )
    respondents = defaultdict(int)
    for _pk, assessment_id in submitted:
        respondents[assessment_id] += 1
    if len(assessment_ids) == 1:
        # One round (the results page): its responses by key, so the database
        # reads their answers through the index instead of every answer of
        # every round, and needs no join to tell the rounds apart.
        (only,) = assessment_ids
        by_statement = (
            Answer.objects.filter(response__in=[pk for pk, _a in submitted], score__isnull=False)
            .values_list("statement", "score")
            .annotate(answers=Count("*"))
            .order_by()
        )
        counts = ((only, *row) for row in by_statement)
    else:
        counts = (
            Answer.objects.filter(
                response__assessment__in=assessment_ids,
                response__submitted_at__isnull=False,
                score__isnull=False,
            )
            .values_list("response__assessment", "statement", "score")
            .annotate(answers=Count("*"))
            .order_by()
        )
    tallies: dict[tuple[int, int], dict[Decimal, int]] = defaultdict(dict)
    for assessment_id, statement_id, score, answers in counts:
        tallies[assessment_id, statement_id][score] = answers
    aggregates: dict[int, dict[int, Aggregate]] = defaultdict(dict)
    for (assessment_id, statement_id), by_score in tallies.items():
        answers = sum(by_score.values())
        total = sum(score * count for score, count in by_score.items())
        aggregates[assessment_id][statement_id] = Aggregate(
            (total / answers).quantize(Decimal("0.001")),
            max(by_score) - min(by_score),
            answers,
        )
    return aggregates, respondents


def assessment_score(*, assessment: Assessment) -> AssessmentResults:
    return assessment_scores(assessments=[assessment])[assessment.pk]


def assessment_scores(*, assessments) -> dict[int, AssessmentResults]:
    """The results of each assessment, by id; four queries however many."""
    assessments = list(assessments)
    aggregates, respondents = _aggregates([a.pk for a in assessments])
    dimensions = list(Dimension.objects.all())
    by_id = {dimension.pk: dimension for dimension in dimensions}
    by_dimension: dict[int, list[Statement]] = {}
    for statement in Statement.objects.all():
        statement.dimension = by_id[statement.dimension_id]  # as select_related, no join
        by_dimension.setdefault(statement.dimension_id, []).append(statement)
    scored = {}
    for assessment in assessments:
        found = aggregates.get(assessment.pk, {})
        results = []
        for dimension in dimensions:
            statements = []
            for statement in by_dimension.get(dimension.pk, []):
                aggregate = found.get(statement.pk)
                statements.append(
                    StatementResult(
                        statement=statement,
                        average=aggregate.average if aggregate else None,
                        spread=aggregate.spread if aggregate else None,
                        answers=aggregate.answers if aggregate else 0,
                        met=statement_met(aggregate, assessment.threshold),
                    )
                )
            results.append(DimensionResult(dimension, dimension_level(statements), statements))
        scored[assessment.pk] = AssessmentResults(
            assessment, respondents.get(assessment.pk, 0), results
        )
    return scored


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
