"""Maturity self-assessments: rounds, invitations, the questionnaire and results."""

from functools import partial
from typing import NamedTuple

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from beheer.cache import cached
from beheer.history import edit_conflict, form_version
from beheer.xlsx import xlsx_response
from governance import access as governance_access
from governance import selectors as governance_selectors
from governance import services as governance_services
from governance.models import Action
from maturity import access, selectors, services
from maturity.excel import results_workbook
from maturity.filters import CompareFilter
from maturity.forms import (
    AssessmentForm,
    InviteForm,
    NextStepActionForm,
    ReopenForm,
    dimension_form_class,
)
from maturity.models import (
    Assessment,
    AssessmentSchedule,
    Dimension,
    Level,
    Response,
    Statement,
)
from maturity.picture import model_picture


def index(request):
    manage = access.can_manage(request.user)
    form = AssessmentForm(request.POST or None) if manage else None
    if request.method == "POST":
        access.require(form is not None)
        if form.is_valid():
            assessment = form.save(commit=False)
            assessment.created_by = request.user
            assessment.save()
            messages.success(request, _("The assessment has been created; invite respondents."))
            return redirect("maturity:assessment", pk=assessment.pk)
    return render(
        request,
        "maturity/index.html",
        {
            "assessments": access.visible_assessments(request.user),
            "invited": access.invited_ids(request.user),
            "form": form,
            # Only managers plan rounds; the plan is no one else's business.
            "schedules": (
                AssessmentSchedule.objects.select_related("department") if manage else None
            ),
        },
    )


def _assessment_for(request, pk) -> Assessment:
    assessment = get_object_or_404(Assessment.objects.select_related("department"), pk=pk)
    user = request.user
    access.require(
        access.can_manage(user)
        or access.is_invited(user, assessment)
        or access.can_see_results(user, assessment)
    )
    return assessment


def _resume_url(assessment, progress) -> str:
    """Where a respondent carries on: the first statement without an answer, or
    the check-answers page once every statement has one."""
    first = progress.first_unanswered
    if first is None:
        return reverse("maturity:submit", args=[assessment.pk])
    url = reverse("maturity:questionnaire", args=[assessment.pk, first.dimension.key])
    return f"{url}#stelling-{first.pk}"


def assessment_detail(request, pk):
    assessment = _assessment_for(request, pk)
    user = request.user
    manage = access.can_manage(user)
    context = {
        "assessment": assessment,
        "manage": manage,
        "is_invited": access.is_invited(user, assessment),
        "can_see_results": access.can_see_results(user, assessment),
    }
    if manage:
        search = request.GET.get("zoek", "").strip()
        candidates = selectors.invitable_people(today=timezone.localdate())
        invited = selectors.respondents(assessment=assessment)
        invited_users = {r.user.pk for r in invited}
        candidates = candidates.exclude(user__in=invited_users)
        if search:
            candidates = candidates.filter(name__icontains=search)
        invite_form = InviteForm(
            request.POST or None,
            candidates=candidates,
            first_department=assessment.department.name,
        )
        if request.method == "POST" and invite_form.is_valid():
            count = services.assessment_invite(
                assessment=assessment, people=invite_form.cleaned_data["people"]
            )
            messages.success(
                request,
                ngettext(
                    "%(count)s person has been invited.",
                    "%(count)s people have been invited.",
                    count,
                )
                % {"count": count},
            )
            return redirect("maturity:assessment", pk=pk)
        waiting = [r for r in invited if not r.has_submitted]
        context |= {
            "invite_form": invite_form,
            "search": search,
            "respondents": invited,
            "waiting": waiting,
            "reminder": _reminder_text(request, assessment) if waiting else "",
            "reminder_emails": "; ".join(r.email for r in waiting if r.email),
        }
    else:
        access.require(request.method != "POST")
    if context["is_invited"]:
        own = services.response_find(assessment=assessment, user=user)
        progress = selectors.progress(response=own)
        context |= {
            "own_response": own,
            "progress": progress,
            "resume_url": _resume_url(assessment, progress),
        }
    return render(request, "maturity/assessment.html", context)


def _reminder_text(request, assessment) -> str:
    """A reminder the manager copies into a mail (sending comes later)."""
    return render_to_string(
        "maturity/reminder.txt",
        {
            "assessment": assessment,
            "url": request.build_absolute_uri(reverse("maturity:assessment", args=[assessment.pk])),
            "sender": request.user.get_full_name() or request.user.get_username(),
        },
    ).strip()


class RoundForm(AssessmentForm):
    """The details of an existing round; its department stays as it is."""

    class Meta(AssessmentForm.Meta):
        fields = ["name", "period_start", "period_end", "answer_by", "threshold"]


def assessment_edit(request, pk):
    access.require(access.can_manage(request.user))
    assessment = get_object_or_404(Assessment.objects.select_related("department"), pk=pk)
    form = RoundForm(request.POST or None, instance=assessment)
    posted = request.method == "POST" and form.is_valid()
    conflicts = edit_conflict(request, assessment, form) if posted else None
    if posted and conflicts is None:
        form.save()
        messages.success(request, _("The round has been saved."))
        return redirect("maturity:assessment", pk=pk)
    return render(
        request,
        "maturity/assessment_form.html",
        {
            "assessment": assessment,
            "form": form,
            "seen_version": form_version(request, assessment, shown_current=conflicts is not None),
            "conflicts": conflicts,
        },
    )


def _questionnaire_access(request, pk) -> Assessment:
    assessment = get_object_or_404(Assessment.objects.select_related("department"), pk=pk)
    access.require(access.is_invited(request.user, assessment))
    return assessment


def questionnaire(request, pk, dimension):
    """One page of the questionnaire: the statements of one dimension. Each
    answer is saved as it is given (`answer`, through htmx); the page's own
    save button does the same for all of them without JavaScript."""
    assessment = _questionnaire_access(request, pk)
    dimensions = list(Dimension.objects.all())
    current = next((d for d in dimensions if d.key == dimension), None)
    if current is None:
        raise Http404
    # Reading a page creates nothing: the response is made by the first save.
    response = services.response_find(assessment=assessment, user=request.user)
    submitted = response is not None and response.submitted_at is not None
    read_only = submitted or not assessment.is_open
    statements = list(Statement.objects.filter(dimension=current))
    answers = (
        {a.statement_id: a for a in response.answers.filter(statement__dimension=current)}
        if response
        else {}
    )
    FormClass, initial = dimension_form_class(statements, answers)
    form = FormClass(request.POST or None, initial=initial)
    index = dimensions.index(current)
    if request.method == "POST":
        access.require(not read_only)
        if form.is_valid():
            services.answers_save(
                response=services.response_for(assessment=assessment, user=request.user),
                values={s: form.cleaned_data[f"s{s.pk}"] for s in statements},
                comments={s: form.cleaned_data[f"c{s.pk}"] for s in statements},
            )
            if "previous" in request.POST and index > 0:
                target = dimensions[index - 1].key
            elif index + 1 < len(dimensions) and "finish" not in request.POST:
                target = dimensions[index + 1].key
            else:
                return redirect("maturity:submit", pk=pk)
            return redirect("maturity:questionnaire", pk=pk, dimension=target)
    progress = selectors.progress(response=response, dimensions=dimensions)
    levels = _levels_by_number()
    return render(
        request,
        "maturity/questionnaire.html",
        {
            "assessment": assessment,
            "dimension": current,
            "dimensions": dimensions,
            "form": form,
            "rows": [
                (s, form[f"s{s.pk}"], form[f"c{s.pk}"], answers.get(s.pk), levels.get(s.level))
                for s in statements
            ],
            "read_only": read_only,
            "position": index + 1,
            "progress": progress,
            "levels": levels,
            "is_last": index + 1 == len(dimensions),
        },
    )


def _levels_by_number() -> dict[int, Level]:
    return {level.number: level for level in Level.objects.all()}


@require_POST
def answer(request, pk, statement_pk):
    """Save one statement's answer and comment as given (the questionnaire's
    autosave, through htmx): returns the statement's saved state, and the
    progress out of band. The first save creates the response."""
    assessment = _questionnaire_access(request, pk)
    statement = get_object_or_404(Statement.objects.select_related("dimension"), pk=statement_pk)
    access.require(assessment.is_open)
    FormClass, _initial = dimension_form_class([statement], {})
    form = FormClass(request.POST)
    if not form.is_valid():
        return render(
            request,
            "maturity/_save_state.html",
            {"statement": statement, "errors": form.errors},
            status=422,
        )
    saved = services.answer_save(
        assessment=assessment,
        user=request.user,
        statement=statement,
        value=form.cleaned_data[f"s{statement.pk}"],
        comment=form.cleaned_data[f"c{statement.pk}"],
    )
    if not request.htmx:
        # Only the script posts here; without it the page's own form saves.
        url = reverse("maturity:questionnaire", args=[pk, statement.dimension.key])
        return redirect(f"{url}#stelling-{statement.pk}")
    response = services.response_find(assessment=assessment, user=request.user)
    return render(
        request,
        "maturity/_save_state.html",
        {
            "statement": statement,
            "answer": saved,
            "saved_at": timezone.localtime(),
            "progress": selectors.progress(response=response),
            "assessment": assessment,
            "oob": True,
        },
    )


def submit(request, pk):
    """Check your answers, then submit: per dimension what is answered, and
    every statement still without an answer, with a link to it."""
    assessment = _questionnaire_access(request, pk)
    response = services.response_find(assessment=assessment, user=request.user)
    missing = services.unanswered(response)
    submitted = response is not None and response.submitted_at is not None
    if request.method == "POST" and not submitted and assessment.is_open:
        if missing:
            messages.error(
                request, _("Answer every statement first (“don't know” is an answer too).")
            )
        else:
            services.response_submit(response=response)
            messages.success(request, _("Thank you: your answers have been submitted."))
            return redirect("maturity:assessment", pk=pk)
    dimensions = list(Dimension.objects.all())
    missing_by_dimension = {d.pk: [] for d in dimensions}
    for statement in missing:
        missing_by_dimension.setdefault(statement.dimension_id, []).append(statement)
    progress = selectors.progress(response=response, dimensions=dimensions)
    return render(
        request,
        "maturity/submit.html",
        {
            "assessment": assessment,
            "response": response,
            "missing": missing,
            "summary": [
                (row, missing_by_dimension.get(row.dimension.pk, [])) for row in progress.dimensions
            ],
            "progress": progress,
            "levels": _levels_by_number(),
        },
    )


def reopen(request, pk, response_pk):
    """Reopen a submission. In a published round the results change with it,
    so the manager confirms what happens to the publication first."""
    access.require(access.can_manage(request.user))
    response = get_object_or_404(
        Response.objects.select_related("assessment", "respondent"),
        pk=response_pk,
        assessment_id=pk,
    )
    assessment = response.assessment
    if not assessment.is_published:
        if request.method != "POST":
            return redirect("maturity:assessment", pk=pk)
        services.response_reopen(response=response)
        messages.success(request, _("The answers can be changed again."))
        return redirect("maturity:assessment", pk=pk)
    form = ReopenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        choice = form.cleaned_data["publication"]
        services.response_reopen(response=response, publication=choice)
        if choice == services.Reopen.WITHDRAW:
            messages.success(
                request,
                _("The answers can be changed again; the results are no longer published."),
            )
        else:
            messages.success(
                request,
                _(
                    "The answers can be changed again; the published results say they "
                    "have changed since publication."
                ),
            )
        return redirect("maturity:assessment", pk=pk)
    return render(
        request,
        "maturity/reopen.html",
        {"assessment": assessment, "response": response, "form": form},
    )


@require_POST
def publish(request, pk):
    access.require(access.can_manage(request.user))
    assessment = get_object_or_404(Assessment, pk=pk)
    services.assessment_publish(assessment=assessment, publish=request.POST.get("publish") == "1")
    return redirect("maturity:results", pk=pk)


class _Round(NamedTuple):
    pk: int
    name: str
    is_published: bool


def _previous_round(user, earlier: list[_Round]) -> _Round | None:
    """The latest of the department's `earlier` rounds whose results `user` may see.

    Readers who see only published results compare with the latest published
    round; an unpublished round in between is skipped, not even named."""
    manage = access.can_manage(user)
    return next(
        (
            round_
            for round_ in earlier
            if (manage or round_.is_published) and access.can_see_results(user, round_)
        ),
        None,
    )


def _earlier_rounds(assessment) -> list[_Round]:
    """The department's earlier rounds, the latest first (maturity data only)."""
    earlier = Assessment.objects.filter(
        department=assessment.department_id, period_end__lt=assessment.period_end
    ).order_by("-period_end")
    return [_Round(*values) for values in earlier.values_list("pk", "name", "is_published")]


def results(request, pk):
    assessment = _assessment_for(request, pk)
    user = request.user
    if not access.can_see_results(user, assessment):
        # An invited respondent before publication: tell them when, not "no access".
        return render(request, "maturity/not_published.html", {"assessment": assessment})
    manage = access.can_manage(user)
    # The same for every viewer with the same rights (the checks above run on
    # every request): computed once per change of the maturity data, which
    # holds the answers, the submissions, the publication and the model's texts,
    # or of the register, which names the department.
    body = cached(
        "maturity-results",
        partial(_results_body, assessment, manage),
        scopes=("maturity", "register"),
        vary=(assessment.pk, manage),
    )
    reads_actions = governance_access.reads_everything(user)
    return render(
        request,
        "maturity/results.html",
        {
            "assessment": assessment,
            "body": body,
            "previous": _previous_round(user, body["earlier"]),
            "json_url": reverse("maturity:results-json", args=[pk]),
            "manage": manage,
            "actions": (governance_selectors.actions_about(assessment) if reads_actions else None),
        },
    )


def _results_body(assessment, manage: bool) -> dict:
    """The parts of the results page that follow from the maturity data alone:
    the scores as HTML, and the earlier rounds to compare with."""
    scored = services.assessment_score(assessment=assessment)
    position = scored.position
    levels = _levels_by_number()
    context = {
        "results": scored,
        "assessment": assessment,
        "levels": levels,
        "overall": levels.get(scored.overall_level),
        "position": position,
        "position_words": services.position_words(position),
        "ahead_name": services.AXIS_NAMES[position.ahead.axis] if position.ahead else "",
        "behind_name": services.AXIS_NAMES[position.behind.axis] if position.behind else "",
        "picture": model_picture(position, levels),
        "disagreement_from": services.DISAGREEMENT_SHOWN_FROM,
        "manage": manage,
    }
    return {
        "respondents": scored.respondents,
        "overall_level": scored.overall_level,
        "disagreement_from": services.DISAGREEMENT_SHOWN_FROM,
        "earlier": _earlier_rounds(assessment),
        **{
            part: render_to_string(f"maturity/_results_parts.html#{part}", context)
            for part in ("overall", "model", "dimensions")
        },
    }


def _results_data(assessment_pk: int) -> dict:
    """The results as the radar chart reads them: the same for every viewer."""

    def compute():
        scored = services.assessment_score(assessment=Assessment.objects.get(pk=assessment_pk))
        position = scored.position
        return {
            "respondents": scored.respondents,
            "overall_level": scored.overall_level,
            "position": {
                "focus": float(position.focus.value),
                "drive": float(position.drive.value),
                "level": position.level,
            },
            "dimensions": [
                {
                    "key": d.dimension.key,
                    "name": d.dimension.text("name"),
                    "level": d.level,
                    "score": float(sum(s.average or 0 for s in d.statements) / len(d.statements))
                    if d.statements
                    else 0.0,
                    "statements": [
                        {
                            "id": s.statement.pk,
                            "level": s.statement.level,
                            "axis": s.statement.axis,
                            "text": s.statement.text("text"),
                            "aggregate": float(s.average) if s.average is not None else None,
                            "score": float(s.score) if s.score is not None else None,
                            "disagreement": (
                                float(s.disagreement) if s.disagreement is not None else None
                            ),
                            "answers": s.answers,
                            "met": s.met,
                        }
                        for s in d.statements
                    ],
                }
                for d in scored.dimensions
            ],
        }

    return cached("maturity-results-data", compute, scopes=("maturity",), vary=(assessment_pk,))


def results_json(request, pk):
    assessment = _assessment_for(request, pk)
    access.require(access.can_see_results(request.user, assessment))
    data = {
        "assessment": {
            "id": assessment.pk,
            "name": assessment.name,
            "department": assessment.department.name,
        },
        **_results_data(assessment.pk),
    }
    previous = _previous_round(request.user, _cached_earlier(assessment))
    if previous is not None:
        data["previous"] = {
            "name": previous.name,
            "dimensions": {d["key"]: d["level"] for d in _results_data(previous.pk)["dimensions"]},
        }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def _cached_earlier(assessment) -> list[_Round]:
    return cached(
        "maturity-earlier-rounds",
        partial(_earlier_rounds, assessment),
        scopes=("maturity",),
        vary=(assessment.pk,),
    )


def results_xlsx(request, pk):
    assessment = _assessment_for(request, pk)
    access.require(access.can_see_results(request.user, assessment))
    previous = _previous_round(request.user, _cached_earlier(assessment))
    rounds = [assessment] + (
        [Assessment.objects.select_related("department").get(pk=previous.pk)] if previous else []
    )
    scored = services.assessment_scores(assessments=rounds)
    workbook = results_workbook(
        scored[assessment.pk],
        previous=scored[previous.pk] if previous else None,
        levels=_levels_by_number(),
    )
    return xlsx_response(workbook, f"volwassenheid-{assessment.pk}.xlsx")


def action_create(request, pk, statement_pk):
    """Turn a next step of the results into an action of the one register."""
    access.require(access.can_manage(request.user))
    assessment = get_object_or_404(Assessment.objects.select_related("department"), pk=pk)
    statement = get_object_or_404(Statement.objects.select_related("dimension"), pk=statement_pk)
    form = NextStepActionForm(request.POST or None, initial={"title": statement.text("text")[:300]})
    if request.method == "POST" and form.is_valid():
        governance_services.action_create(
            source=Action.Source.MATURITY,
            title=form.cleaned_data["title"],
            owner=form.cleaned_data["owner"],
            due_date=form.cleaned_data["due_date"],
            concerns=[assessment, statement],
            user=request.user,
        )
        messages.success(request, _("The action has been added to the action register."))
        return redirect(reverse("maturity:results", args=[pk]) + "#actions-about-heading")
    return render(
        request,
        "maturity/action_form.html",
        {"assessment": assessment, "statement": statement, "form": form},
    )


def compare(request):
    """Departments side by side (their latest round), and one department over time."""
    visible = sorted(access.with_visible_results(request.user), key=lambda a: a.period_end)
    departments = sorted({a.department for a in visible}, key=lambda d: d.name)
    compare_filter = CompareFilter(
        request.GET,
        queryset=Assessment.objects.filter(pk__in=[a.pk for a in visible]).order_by("period_end"),
        departments=departments,
    )
    latest: dict[int, Assessment] = {}
    for assessment in visible:
        latest[assessment.department_id] = assessment
    over_time = list(compare_filter.qs) if compare_filter.department_id else []
    scored = _levels([*latest.values(), *over_time])
    dimensions = list(Dimension.objects.all())
    return render(
        request,
        "maturity/compare.html",
        {
            "side_by_side": _comparison(list(latest.values()), scored, dimensions),
            "over_time": _comparison(over_time, scored, dimensions),
            "filter": compare_filter,
        },
    )


def _comparison(assessments, scored, dimensions) -> dict:
    """A table of levels: a column per assessment, a row per dimension."""
    return {
        "assessments": assessments,
        "rows": [
            (dimension, [scored[a.pk]["levels"].get(dimension.key) for a in assessments])
            for dimension in dimensions
        ],
        "overall": [scored[a.pk]["overall_level"] for a in assessments],
    }


def _levels(assessments) -> dict[int, dict]:
    """Per assessment its level per dimension key and its overall level."""

    def compute():
        scores = services.assessment_scores(assessments=assessments)
        return {
            pk: {
                "levels": {d.dimension.key: d.level for d in result.dimensions},
                "overall_level": result.overall_level,
            }
            for pk, result in scores.items()
        }

    if not assessments:
        return {}
    # Keyed by the assessments shown, which follow from the viewer's rights.
    return cached(
        "maturity-levels",
        compute,
        scopes=("maturity",),
        vary=tuple(sorted({a.pk for a in assessments})),
    )


@require_POST
def toggle_open(request, pk):
    """Close a round for answers (or open it again), without publishing anything."""
    access.require(access.can_manage(request.user))
    assessment = get_object_or_404(Assessment, pk=pk)
    assessment.is_open = request.POST.get("open") == "1"
    assessment.save(update_fields=["is_open"])
    return redirect("maturity:assessment", pk=pk)
