"""Maturity self-assessments: rounds, invitations, the questionnaire and results."""

from functools import partial
from typing import NamedTuple

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beheer.cache import cached
from beheer.xlsx import xlsx_response
from maturity import access, services
from maturity.excel import results_workbook
from maturity.filters import CompareFilter
from maturity.forms import AssessmentForm, InviteForm, dimension_form_class
from maturity.models import Assessment, Dimension, Response, Statement


def index(request):
    form = AssessmentForm(request.POST or None) if access.can_manage(request.user) else None
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


def assessment_detail(request, pk):
    assessment = _assessment_for(request, pk)
    user = request.user
    manage = access.can_manage(user)
    invite_form = InviteForm(request.POST or None) if manage else None
    if request.method == "POST":
        access.require(manage)
        if invite_form.is_valid():
            services.assessment_invite(
                assessment=assessment, users=invite_form.cleaned_data["respondents"]
            )
            messages.success(request, _("The respondents have been invited."))
            return redirect("maturity:assessment", pk=pk)
    invited = (
        get_user_model()
        .objects.filter(assessmentuserobjectpermission__content_object=assessment)
        .order_by("first_name", "username")
    )
    responses = {r.respondent_id: r for r in assessment.responses.all()}
    own = responses.get(user.pk)
    return render(
        request,
        "maturity/assessment.html",
        {
            "assessment": assessment,
            "manage": manage,
            "invite_form": invite_form,
            "invited": [(u, responses.get(u.pk)) for u in invited] if manage else [],
            "own_response": own,
            "is_invited": access.is_invited(user, assessment),
            "can_see_results": access.can_see_results(user, assessment),
            "first_dimension": Dimension.objects.first(),
        },
    )


def questionnaire(request, pk, dimension):
    """One page of the questionnaire: the statements of one dimension."""
    assessment = get_object_or_404(Assessment.objects.select_related("department"), pk=pk)
    access.require(access.is_invited(request.user, assessment))
    dimensions = list(Dimension.objects.all())
    current = next((d for d in dimensions if d.key == dimension), None)
    if current is None:
        raise Http404
    # Reading a page creates nothing: the response is made by the first save.
    response = services.response_find(assessment=assessment, user=request.user)
    submitted = response is not None and response.submitted_at is not None
    read_only = submitted or not assessment.is_open
    statements = list(Statement.objects.filter(dimension=current))
    answers = {a.statement_id: a for a in response.answers.all()} if response else {}
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
    return render(
        request,
        "maturity/questionnaire.html",
        {
            "assessment": assessment,
            "dimension": current,
            "dimensions": dimensions,
            "form": form,
            "rows": [(s, form[f"s{s.pk}"], form[f"c{s.pk}"]) for s in statements],
            "read_only": read_only,
            "position": index + 1,
            "answered": len(answers),
            "total": Statement.objects.count(),
            "is_last": index + 1 == len(dimensions),
        },
    )


def submit(request, pk):
    assessment = get_object_or_404(Assessment, pk=pk)
    access.require(access.is_invited(request.user, assessment))
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
    return render(
        request,
        "maturity/submit.html",
        {"assessment": assessment, "response": response, "missing": missing},
    )


@require_POST
def reopen(request, pk, response_pk):
    access.require(access.can_manage(request.user))
    response = get_object_or_404(Response, pk=response_pk, assessment_id=pk)
    services.response_reopen(response=response)
    messages.success(request, _("The answers can be changed again."))
    return redirect("maturity:assessment", pk=pk)


@require_POST
def publish(request, pk):
    access.require(access.can_manage(request.user))
    assessment = get_object_or_404(Assessment, pk=pk)
    assessment.is_published = request.POST.get("publish") == "1"
    assessment.is_open = not assessment.is_published
    assessment.save(update_fields=["is_published", "is_open"])
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
    access.require(access.can_see_results(request.user, assessment))
    # The same for every viewer who may see the results (the check above runs
    # on every request): computed once per change of the maturity data, which
    # holds the answers, the submissions, the publication and the model's texts.
    body = cached(
        "maturity-results",
        partial(_results_body, assessment),
        scopes=("maturity",),
        vary=(assessment.pk,),
    )
    return render(
        request,
        "maturity/results.html",
        {
            "assessment": assessment,
            "body": body,
            "position": body["position"],
            "previous": _previous_round(request.user, body["earlier"]),
            "json_url": reverse("maturity:results-json", args=[pk]),
            "manage": access.can_manage(request.user),
        },
    )


def _results_body(assessment) -> dict:
    """The parts of the results page that follow from the maturity data alone:
    the scores as HTML, and the earlier rounds to compare with."""
    scored = services.assessment_score(assessment=assessment)
    levels = [d.level for d in scored.dimensions] or [1]
    # Position on the model's two axes (inward to outward focus, cost to value
    # driven) grows with the level: 0 % at level 1, 100 % at level 5.
    position = round((sum(levels) / len(levels) - 1) / 4 * 100)
    context = {
        "results": scored,
        "position": position,
        "dot_x": 10 + position,
        "dot_y": 110 - position,
    }
    return {
        "respondents": scored.respondents,
        "position": position,
        "earlier": _earlier_rounds(assessment),
        **{
            part: render_to_string(f"maturity/_results_parts.html#{part}", context)
            for part in ("overall", "quadrant", "dimensions")
        },
    }


def _results_data(assessment_pk: int) -> dict:
    """The results as the radar chart reads them: the same for every viewer."""

    def compute():
        scored = services.assessment_score(assessment=Assessment.objects.get(pk=assessment_pk))
        return {
            "respondents": scored.respondents,
            "overall_level": scored.overall_level,
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
                            "text": s.statement.text("text"),
                            "aggregate": float(s.average) if s.average is not None else None,
                            "spread": float(s.spread) if s.spread is not None else None,
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
    earlier = cached(
        "maturity-earlier-rounds",
        partial(_earlier_rounds, assessment),
        scopes=("maturity",),
        vary=(assessment.pk,),
    )
    previous = _previous_round(request.user, earlier)
    if previous is not None:
        data["previous"] = {
            "name": previous.name,
            "dimensions": {d["key"]: d["level"] for d in _results_data(previous.pk)["dimensions"]},
        }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def results_xlsx(request, pk):
    assessment = _assessment_for(request, pk)
    access.require(access.can_see_results(request.user, assessment))
    workbook = results_workbook(services.assessment_score(assessment=assessment))
    return xlsx_response(workbook, f"volwassenheid-{assessment.pk}.xlsx")


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
