"""Demo data for the maturity self-assessment: the default model (restored when
an emptied database is filled again); for two departments, two published rounds
each; and one open round of the key user's own department, which the key user
has started, so the questionnaire can be tried at once after `make run`; and a
yearly recurring round of one department.

Respondents are the people of the department assessed who may answer. Their
answers differ as real ones do: each department has its own profile per level
and axis, each respondent leans a little optimistic or pessimistic, and on a
few statements the respondents split into two camps, so disagreement shows
where it should and not everywhere.
"""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from guardian.shortcuts import assign_perm

from beheer.models import Department
from maturity.model_texts import ensure_default_model
from maturity.models import (
    Answer,
    Assessment,
    AssessmentSchedule,
    Axis,
    Dimension,
    Level,
    Response,
    Statement,
)
from maturity.selectors import invitable_people

VALUES = ("not", "partly", "largely", "fully")
# How far along a department is: per axis and level, the share of the
# statements that hold there (1: all of them, so that level is reached).
PUBLISHED_ROUNDS = [
    (
        "Klantcontactcentrum",
        "Voorjaar 2026",
        date(2026, 3, 1),
        date(2026, 4, 30),
        {
            Axis.FOCUS: {2: 1.0, 3: 0.4, 4: 0.1, 5: 0.0},
            Axis.DRIVE: {2: 1.0, 3: 0.3, 4: 0.0, 5: 0.0},
        },
    ),
    (
        "Klantcontactcentrum",
        "Najaar 2026",
        date(2026, 9, 1),
        date(2026, 10, 31),
        {
            Axis.FOCUS: {2: 1.0, 3: 1.0, 4: 0.5, 5: 0.1},
            Axis.DRIVE: {2: 1.0, 3: 1.0, 4: 0.3, 5: 0.0},
        },
    ),
    (
        "Wonen",
        "Voorjaar 2026",
        date(2026, 3, 1),
        date(2026, 4, 30),
        {
            Axis.FOCUS: {2: 0.7, 3: 0.2, 4: 0.0, 5: 0.0},
            Axis.DRIVE: {2: 1.0, 3: 0.4, 4: 0.0, 5: 0.0},
        },
    ),
    (
        "Wonen",
        "Najaar 2026",
        date(2026, 9, 1),
        date(2026, 10, 31),
        {
            Axis.FOCUS: {2: 1.0, 3: 0.5, 4: 0.1, 5: 0.0},
            Axis.DRIVE: {2: 1.0, 3: 1.0, 4: 0.3, 5: 0.0},
        },
    ),
]
# The open round: the key user's own department, answering now.
OPEN_ROUND = (
    "Vastgoed & Onderhoud",
    "Nulmeting",
    {
        Axis.FOCUS: {2: 0.8, 3: 0.2, 4: 0.0, 5: 0.0},
        Axis.DRIVE: {2: 0.6, 3: 0.1, 4: 0.0, 5: 0.0},
    },
)
SCHEDULED_DEPARTMENT = "Wonen"  # the department with a yearly recurring round
KEY_USER = "keyuser"
KEY_USER_ANSWERED = 15  # the first dimension and three of the second
CONTESTED = 3  # statements per round on which respondents split into two camps


def load(*, scale: int = 1) -> dict[str, int]:
    created = ensure_default_model(Level, Dimension, Statement)
    today = timezone.localdate()
    statements = list(Statement.objects.all())
    people_by_department: dict[int, list] = {}
    for person in invitable_people(today=today):
        people_by_department.setdefault(person.department_id, []).append(person)
    rounds = 0
    for department_name, name, start, end, profile in PUBLISHED_ROUNDS:
        department = Department.objects.filter(name=department_name).first()
        if department is None:
            continue
        published = timezone.make_aware(datetime.combine(end + timedelta(days=10), time(10)))
        assessment, new = Assessment.objects.get_or_create(
            department=department,
            name=name,
            defaults={
                "period_start": start,
                "period_end": end,
                "answer_by": end - timedelta(days=7),
                "is_open": False,
                "is_published": True,
                "results_published_at": published,
            },
        )
        if not new:
            continue
        rounds += 1
        chance = random.Random(f"{department_name}{name}")  # the same demo every time
        respondents = [p.user for p in people_by_department.get(department.pk, [])]
        truths = _truths(statements, profile, chance)
        _respond(assessment, respondents, truths, chance, submitted=published)
    rounds += _open_round(today, statements, people_by_department)
    return {
        "model created": int(created),
        "assessment rounds created": rounds,
        "recurring assessments": _yearly_schedule(today),
    }


def _yearly_schedule(today: date) -> int:
    """Wonen assesses itself every year in September (its autumn round), so the
    plan shows on the index after `make run`; the next start lies ahead, so the
    demo's first daily run opens nothing."""
    department = Department.objects.filter(name=SCHEDULED_DEPARTMENT).first()
    if department is None or AssessmentSchedule.objects.filter(department=department).exists():
        return 0
    september = date(today.year, 9, 1)
    AssessmentSchedule.objects.create(
        department=department,
        name="Jaarlijkse zelfevaluatie",
        every_months=12,
        answer_days=28,
        next_date=september if september > today else september.replace(year=today.year + 1),
    )
    return 1


def _open_round(today, statements, people_by_department) -> int:
    department_name, name, profile = OPEN_ROUND
    department = Department.objects.filter(name=department_name).first()
    if department is None:
        return 0
    assessment, new = Assessment.objects.get_or_create(
        department=department,
        name=name,
        defaults={
            "period_start": today - timedelta(days=10),
            "period_end": today + timedelta(days=30),
            # Within the week: on keyuser's Mijn werk it comes first, before the
            # release test due in ten days.
            "answer_by": today + timedelta(days=7),
            "is_open": True,
            "is_published": False,
        },
    )
    if not new:
        return 0
    chance = random.Random(f"{department_name}{name}")
    people = people_by_department.get(department.pk, [])
    others = [p.user for p in people if p.user.username != KEY_USER]
    submitted = timezone.make_aware(datetime.combine(today - timedelta(days=2), time(15)))
    truths = _truths(statements, profile, chance)
    _respond(assessment, others, truths, chance, submitted=submitted)
    key_user = next((p.user for p in people if p.user.username == KEY_USER), None)
    if key_user is not None:
        # Started, not finished: the questionnaire resumes at the first open statement.
        assign_perm("maturity.respond_assessment", key_user, assessment)
        response = Response.objects.create(assessment=assessment, respondent=key_user)
        answers = _answers(truths, chance, bias=0.0, contested=set())
        started = [
            Answer(response=response, statement=statement, value=value)
            for statement, value in list(answers.items())[:KEY_USER_ANSWERED]
        ]
        started[1].comment = "Geldt voor het reparatieproces, nog niet voor planmatig onderhoud."
        _bulk_answers(started)
    return 1


def _respond(assessment, users, truths, chance, *, submitted) -> None:
    """Invite `users` and let each submit answers after the department's state."""
    # Opinions differ on what is partly there: the levels above the first step.
    contested = set(chance.sample(sorted(s.pk for s in truths if s.level >= 3), CONTESTED))
    answers = []
    for user in users:
        assign_perm("maturity.respond_assessment", user, assessment)
        response = Response.objects.create(
            assessment=assessment, respondent=user, submitted_at=submitted
        )
        bias = chance.choice((-0.4, 0.0, 0.0, 0.4))  # pessimist, realist, optimist
        given = _answers(truths, chance, bias=bias, contested=contested)
        answers += [
            Answer(response=response, statement=statement, value=value)
            for statement, value in given.items()
        ]
    _bulk_answers(answers)


def _truths(statements, profile, chance) -> dict:
    """The department's state of each statement, 0 (not) to 3 (fully): what
    holds is close to "fully", the rest lies somewhere between "not" and
    "largely"."""
    return {
        statement: (
            2.95
            if chance.random() < profile[statement.axis][statement.level]
            else chance.uniform(0.4, 2.1)
        )
        for statement in statements
    }


def _answers(truths: dict, chance, *, bias: float, contested: set) -> dict:
    """One respondent's answers: the state of each statement shifted by the
    respondent's bias and a little noise; on a contested statement, a step and
    a half up or down."""
    found = {}
    for statement, truth in truths.items():
        if chance.random() < 0.03:
            found[statement] = "dont_know"
            continue
        given = truth + bias + chance.gauss(0, 0.35)
        if statement.pk in contested:
            given += chance.choice((-1.5, 1.5))
        found[statement] = VALUES[max(0, min(3, round(given)))]
    return found


def _bulk_answers(answers) -> None:
    for answer in answers:
        answer.score = Answer.SCORES[answer.value]
    Answer.objects.bulk_create(answers, batch_size=1000)
