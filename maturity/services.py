"""Scoring a maturity assessment (the TOPdesk model's rules, see DESIGN.md), and
the writes of a round: invitations, answers, submission, reopening, publication.

Per statement the respondents' answers (0-1, "don't know" left out) are
averaged; the statement is met when the average reaches the threshold. A
dimension is at level L when every statement of levels 2..L is met, so a met
higher level above an unmet lower one does not count; level 1 is the floor.
The overall level is the weakest dimension's. Disagreement (the standard
deviation of the answers) shows where respondents differ.

The same cumulative rule over the statements of one axis places the department
on that axis; since every statement informs exactly one axis, the overall
level is always the lower of the two axis levels (see `model_position`).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.shortcuts import assign_perm

from beheer import data_versions
from maturity.models import Answer, Assessment, Axis, Dimension, Response, Statement

LEVELS = range(2, 6)
HIGHEST = 5
# Disagreement is shown from here: the answers' standard deviation on the 0-1
# scale, so 0 is unanimous and 0.5 the widest split. One "partly" among four
# "fully" stays below it (0.27); two camps a step or more apart reach it.
DISAGREEMENT_SHOWN_FROM = Decimal("0.30")
SCORE_VALUES = {score: value for value, score in Answer.SCORES.items() if score is not None}


def score_shown(average: Decimal | None) -> Decimal | None:
    """A score as the pages show it: two decimals, rounded down, so that a shown
    score at the threshold (itself two decimals) is always met: 0.749 shows
    as 0.74, not as a 0.75 that is not met."""
    if average is None:
        return None
    return average.quantize(Decimal("0.01"), rounding=ROUND_FLOOR)


@dataclass(frozen=True)
class Aggregate:
    average: Decimal | None
    disagreement: Decimal | None
    answers: int
    # (answer value, how many gave it), the most common first; "don't know" left out.
    distribution: tuple = ()


@dataclass(frozen=True)
class StatementResult:
    statement: Statement
    average: Decimal | None
    disagreement: Decimal | None
    answers: int
    met: bool
    distribution: tuple = ()

    @property
    def score(self) -> Decimal | None:
        return score_shown(self.average)

    @property
    def disagreement_matters(self) -> bool:
        return self.disagreement is not None and self.disagreement >= DISAGREEMENT_SHOWN_FROM

    @property
    def distribution_labels(self) -> list[tuple[str, int]]:
        labels = dict(Answer.Value.choices)
        return [(labels[value], count) for value, count in self.distribution]


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
        """The statements respondents disagree on most, only where it matters."""
        shown = [s for s in self.statements if s.disagreement_matters]
        return sorted(shown, key=lambda s: s.disagreement, reverse=True)[:count]


@dataclass
class AssessmentResults:
    assessment: Assessment
    respondents: int
    dimensions: list[DimensionResult]

    @property
    def overall_level(self) -> int:
        return min((d.level for d in self.dimensions), default=1)

    @property
    def position(self) -> "ModelPosition":
        return model_position([s for d in self.dimensions for s in d.statements])


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


# --- The model's two axes ----------------------------------------------------------


@dataclass(frozen=True)
class AxisPosition:
    axis: str
    level: int  # the cumulative level over this axis' statements
    progress: Decimal  # the share of the next level's statements on this axis that is met

    @property
    def value(self) -> Decimal:
        """Where the department stands on the axis, from 1.00 to 5.00."""
        return min(Decimal(self.level) + self.progress, Decimal(HIGHEST))


@dataclass(frozen=True)
class ModelPosition:
    focus: AxisPosition  # inward (1) to outward (5)
    drive: AxisPosition  # cost-driven (1) to value-driven (5)

    @property
    def level(self) -> int:
        """The overall level: the lagging axis decides, as the weakest dimension does."""
        return min(self.focus.level, self.drive.level)

    @property
    def ahead(self) -> AxisPosition | None:
        """The axis that runs ahead of the other by a level or more, if one does."""
        if self.focus.level == self.drive.level:
            return None
        return self.focus if self.focus.level > self.drive.level else self.drive

    @property
    def behind(self) -> AxisPosition | None:
        ahead = self.ahead
        if ahead is None:
            return None
        return self.drive if ahead is self.focus else self.focus


def axis_position(results: list[StatementResult], axis: str) -> AxisPosition:
    """The department's place on one axis, from the statements that inform it:
    their cumulative level, plus the share of the next level's statements met
    (so 2.33 is level 2 with a third of level 3 met). The share is below 1 by
    construction: were all of the next level met, the level would be higher."""
    on_axis = [r for r in results if r.statement.axis == axis]
    level = dimension_level(on_axis)
    next_level = [r for r in on_axis if r.statement.level == level + 1]
    progress = Decimal(0)
    if level < HIGHEST and next_level:
        progress = (Decimal(sum(r.met for r in next_level)) / len(next_level)).quantize(
            Decimal("0.01"), rounding=ROUND_FLOOR
        )
    return AxisPosition(axis, level, progress)


def model_position(results: list[StatementResult]) -> ModelPosition:
    return ModelPosition(axis_position(results, Axis.FOCUS), axis_position(results, Axis.DRIVE))


# How far along an axis is, in words, by its level (1-5).
FOCUS_WORDS = {
    1: _("inward-looking"),
    2: _("mostly inward-looking"),
    3: _("starting to look outward"),
    4: _("outward-looking"),
    5: _("fully outward-looking"),
}
DRIVE_WORDS = {
    1: _("steered on cost"),
    2: _("mostly cost-driven"),
    3: _("starting to steer on value"),
    4: _("steered on value"),
    5: _("creating value as a business partner"),
}
AXIS_NAMES = {
    Axis.FOCUS: _("inward to outward"),
    Axis.DRIVE: _("cost to value"),
}


def position_words(position: ModelPosition) -> str:
    """Where the department stands, in words: "mostly inward-looking, starting
    to steer on value"."""
    focus = str(FOCUS_WORDS[position.focus.level])
    return f"{focus[:1].upper()}{focus[1:]}, {DRIVE_WORDS[position.drive.level]}"


# --- Aggregating the answers --------------------------------------------------------


def _aggregate(by_score: dict[Decimal, int]) -> Aggregate:
    """The average, disagreement and distribution of one statement's answers,
    exactly, from how many respondents gave each score."""
    answers = sum(by_score.values())
    total = sum(score * count for score, count in by_score.items())
    mean = total / answers
    variance = sum(count * (score - mean) ** 2 for score, count in by_score.items()) / answers
    distribution = tuple(
        (SCORE_VALUES[score], count)
        for score, count in sorted(by_score.items(), key=lambda item: (-item[1], -item[0]))
    )
    return Aggregate(
        mean.quantize(Decimal("0.001")),
        variance.sqrt().quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
        answers,
        distribution,
    )


def _aggregates(assessment_ids) -> tuple[dict[int, dict[int, Aggregate]], dict[int, int]]:
    """Per assessment and statement the aggregate of the submitted answers; and
    per assessment the number of submitted responses. Two queries.

    The database counts the answers per statement and score (a handful of
    rows per statement, however many respondents); the average, disagreement
    and distribution follow from those counts, exactly, in Decimal."""
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
        aggregates[assessment_id][statement_id] = _aggregate(by_score)
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
                        disagreement=aggregate.disagreement if aggregate else None,
                        answers=aggregate.answers if aggregate else 0,
                        met=statement_met(aggregate, assessment.threshold),
                        distribution=aggregate.distribution if aggregate else (),
                    )
                )
            results.append(DimensionResult(dimension, dimension_level(statements), statements))
        scored[assessment.pk] = AssessmentResults(
            assessment, respondents.get(assessment.pk, 0), results
        )
    return scored


# --- Running a round ------------------------------------------------------------------


@transaction.atomic
def assessment_invite(*, assessment: Assessment, people) -> int:
    """Invite people (beheer.Person) through their login, each told by message;
    returns how many. Who may be invited is `selectors.invitable_people`'s rule.
    A fixed number of queries, however many people: the logins, the rights to
    answer in one insert, one message to all of them."""
    from notifications.services import notify_many  # notifications reads this app

    people = list(people)
    for person in people:
        if person.user_id is None:
            raise ValueError(f"{person} has no login to answer with")
    users = list(get_user_model().objects.filter(pk__in={p.user_id for p in people}))
    # In bulk (who was invited before keeps their one row); a bulk insert sends
    # no signals, so the cached results of who may answer are told here.
    if users:
        assign_perm("maturity.respond_assessment", users, assessment)
        data_versions.changed("users")
    notify_many(
        users,
        "questionnaire-invitation",
        subject=_("Please fill in the questionnaire: %(name)s"),
        text=_(
            "You are invited to the maturity self-assessment “%(name)s” of %(department)s. "
            "Please answer by %(answer_by)s."
        ),
        url=reverse("maturity:assessment", args=[assessment.pk]),
        key=f"questionnaire-invitation:{assessment.pk}",
        params={
            "name": assessment.name,
            "department": str(assessment.department),
            "answer_by": (
                assessment.answer_by.strftime("%d-%m-%Y") if assessment.answer_by else "—"
            ),
        },
    )
    return len(people)


@transaction.atomic
def assessment_publish(*, assessment: Assessment, publish: bool) -> None:
    """Publish the results (closing the round for answers) or withdraw them
    (opening it again). Publishing again confirms any change since."""
    assessment.is_published = publish
    assessment.is_open = not publish
    assessment.results_published_at = timezone.now() if publish else None
    assessment.changed_since_publication = None
    assessment.save(
        update_fields=[
            "is_published",
            "is_open",
            "results_published_at",
            "changed_since_publication",
        ]
    )


def response_find(*, assessment: Assessment, user) -> Response | None:
    """The user's response if they have saved anything; reading never creates one."""
    return Response.objects.filter(assessment=assessment, respondent=user).first()


def response_for(*, assessment: Assessment, user) -> Response:
    """The user's response, created on their first save."""
    return Response.objects.get_or_create(assessment=assessment, respondent=user)[0]


class ResponseSubmitted(PermissionDenied):
    """The response has been submitted: its answers are read-only (a 403 when
    it reaches a view: a submission between page and save)."""


def _save_one(response: Response, statement: Statement, answer, value: str, comment: str):
    """Write one statement's answer; an empty value and comment remove it. Returns
    the answer (None when removed)."""
    if not value and not comment:
        if answer is not None:
            answer.delete()
        return None
    if answer is None:
        answer = Answer(response=response, statement=statement)
    if (answer.value, answer.comment) != (value, comment):
        answer.value, answer.comment = value, comment
        answer.save()
    return answer


@transaction.atomic
def answers_save(*, response: Response, values: dict, comments: dict) -> None:
    """Save the answers of a page ({statement: value}); an empty value keeps a
    comment but no answer, and with no comment either nothing is kept."""
    response = Response.objects.select_for_update().get(pk=response.pk)
    if response.submitted_at is not None:
        raise ResponseSubmitted(str(response))
    existing = {a.statement_id: a for a in response.answers.all()}
    for statement, value in values.items():
        _save_one(
            response, statement, existing.get(statement.pk), value, comments.get(statement, "")
        )


@transaction.atomic
def answer_save(
    *, assessment: Assessment, user, statement: Statement, value: str, comment: str
) -> Answer | None:
    """Save one statement's answer and comment as they are given (the
    questionnaire's autosave). The response is made by the first save."""
    response = response_for(assessment=assessment, user=user)
    response = Response.objects.select_for_update().get(pk=response.pk)
    if response.submitted_at is not None:
        raise ResponseSubmitted(str(response))
    answer = response.answers.filter(statement=statement).first()
    return _save_one(response, statement, answer, value, comment)


def unanswered(response: Response | None) -> list[Statement]:
    answered = (
        set(response.answers.exclude(value="").values_list("statement_id", flat=True))
        if response
        else set()
    )
    return [s for s in Statement.objects.select_related("dimension") if s.pk not in answered]


def response_submit(*, response: Response) -> None:
    if unanswered(response):
        raise ValueError("not every statement has been answered")
    response.submitted_at = timezone.now()
    response.save(update_fields=["submitted_at"])


class Reopen:
    """What to do with published results when a response is reopened."""

    WITHDRAW = "withdraw"  # take the results offline until they are published again
    MARK_CHANGED = "mark_changed"  # keep them online, saying they changed since
    CHOICES = (WITHDRAW, MARK_CHANGED)


class PublicationChoiceNeeded(Exception):
    """A response of a published round is reopened without saying what happens
    to the published results."""


@transaction.atomic
def response_reopen(*, response: Response, publication: str | None = None) -> None:
    """Let the respondent change their answers again: the submission leaves the
    results and the round opens for answers. In a published round the results
    change with it, so the caller must choose: withdraw the publication or mark
    the results as changed since publication. Never silently."""
    assessment = Assessment.objects.select_for_update().get(pk=response.assessment_id)
    if assessment.is_published and publication not in Reopen.CHOICES:
        raise PublicationChoiceNeeded(str(assessment))
    response.submitted_at = None
    response.save(update_fields=["submitted_at"])
    assessment.is_open = True
    changed = ["is_open"]
    if assessment.is_published and publication == Reopen.WITHDRAW:
        assessment.is_published, assessment.results_published_at = False, None
        changed += ["is_published", "results_published_at"]
    elif assessment.is_published:
        assessment.changed_since_publication = timezone.now()
        changed.append("changed_since_publication")
    assessment.save(update_fields=changed)
