"""Who holds which role: assigning, ending and leaving, and the role card."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beheer import services
from beheer.access import require_register_editor
from beheer.forms import AssignmentForm, LeaveForm
from beheer.history import edit_conflict, form_version
from beheer.models import Assignment, OrganisationSettings, Person, Role
from matrix.models import Responsibility
from operations.selectors import guides_for, person_training


def _assign(request, *, person=None, role=None):
    require_register_editor(request)
    back = person or role
    form = AssignmentForm(request.POST or None, person=person, role=role)
    if request.method == "POST" and form.is_valid():
        assignment = form.save()
        services.register_changed(model=Assignment)
        messages.success(
            request,
            _("%(person)s is now %(kind)s of %(role)s.")
            % {
                "person": assignment.person.name,
                "kind": assignment.get_kind_display().lower(),
                "role": assignment.role.name,
            },
        )
        return redirect(back)
    return render(
        request,
        "beheer/assignment_form.html",
        {"form": form, "back": back, "person": person, "role": role},
    )


def person_assign(request, pk):
    return _assign(request, person=get_object_or_404(Person, pk=pk))


def role_assign(request, pk):
    return _assign(request, role=get_object_or_404(Role, pk=pk))


def assignment_update(request, pk):
    require_register_editor(request)
    assignment = get_object_or_404(Assignment.objects.select_related("person", "role"), pk=pk)
    form = AssignmentForm(request.POST or None, instance=assignment)
    conflicts = None
    if request.method == "POST" and form.is_valid():
        conflicts = edit_conflict(request, assignment, form)
        if conflicts is None:
            form.save()
            services.register_changed(model=Assignment)
            messages.success(request, _("The assignment has been saved."))
            return redirect(assignment.role)
    return render(
        request,
        "beheer/assignment_form.html",
        {
            "form": form,
            "assignment": assignment,
            "back": assignment.role,
            "seen_version": form_version(request, assignment, shown_current=conflicts is not None),
            "conflicts": conflicts,
        },
    )


@require_POST
def assignment_delete(request, pk):
    require_register_editor(request)
    assignment = get_object_or_404(Assignment.objects.select_related("person", "role"), pk=pk)
    back = assignment.person if request.POST.get("back") == "person" else assignment.role
    assignment.delete()
    services.register_changed(model=Assignment)
    messages.success(
        request,
        _("%(person)s no longer has the role %(role)s.")
        % {"person": assignment.person.name, "role": assignment.role.name},
    )
    return redirect(back)


def person_leave(request, pk):
    """Record a leaving date: preview what becomes vacant, then confirm."""
    require_register_editor(request)
    person = get_object_or_404(Person, pk=pk)
    form = LeaveForm(request.POST or request.GET or None)
    consequences = None
    if form.is_bound and form.is_valid():
        leaving_date = form.cleaned_data["leaving_date"]
        if request.method == "POST" and "confirm" in request.POST:
            consequences = services.person_leave(person=person, leaving_date=leaving_date)
            vacant = [c.role.name for c in consequences if c.becomes_vacant]
            no_deputy = [c.role.name for c in consequences if c.loses_deputy]
            messages.success(
                request,
                _("%(person)s leaves on %(date)s; %(count)s assignments end then.")
                % {
                    "person": person.name,
                    "date": leaving_date.strftime("%d-%m-%Y"),
                    "count": len(consequences),
                },
            )
            if vacant:
                messages.warning(request, _("Vacant from then on: %s") % ", ".join(vacant))
            if no_deputy:
                messages.warning(
                    request, _("Without a deputy from then on: %s") % ", ".join(no_deputy)
                )
            return redirect(person)
        consequences = services.person_leave_consequences(person=person, leaving_date=leaving_date)
    return render(
        request,
        "beheer/person_leave.html",
        {"person": person, "form": form, "consequences": consequences},
    )


CARD_TASKS = 6


def person_card(request, pk):
    """The one-page quick reference card (QRC) of a person: their roles, their
    training, and per component its goal, tips and work agreements; it also
    serves a new colleague without roles."""
    person = get_object_or_404(Person.objects.select_related("department", "supplier"), pk=pk)
    today = timezone.localdate()
    mine = list(
        Assignment.objects.current(today)
        .filter(person=person)
        .select_related("role", "role__component", "role__service_process")
        .order_by("kind", "role__name")
    )
    role_ids = [a.role_id for a in mine]
    colleagues = (
        Assignment.objects.current(today)
        .filter(role_id__in=role_ids)
        .exclude(person=person)
        .select_related("person")
        .order_by("kind", "person__name")
    )
    others_by_role = {}
    for assignment in colleagues:
        others_by_role.setdefault(assignment.role_id, []).append(assignment)
    components = {a.role.component for a in mine if a.role.component_id}
    training = person_training(person=person, roles=[a.role for a in mine], today=today)
    # The quick references of the components of their roles and training; a new
    # colleague without either gets every component's.
    components |= {a.session.course.component for a in training.attended}
    components |= {course.component for course in training.missing}
    components.discard(None)
    tasks_by_role: dict[int, list] = {}
    for cell in (
        Responsibility.objects.filter(role_id__in=role_ids, code__in=["R", "A"])
        .select_related("activity")
        .order_by("activity__order", "activity__id")
    ):
        tasks_by_role.setdefault(cell.role_id, []).append(cell)
    cards = [
        {
            # The card must fit one page: the first tasks, and how many more.
            "tasks": tasks_by_role.get(a.role_id, [])[:CARD_TASKS],
            "more_tasks": max(0, len(tasks_by_role.get(a.role_id, [])) - CARD_TASKS),
            "assignment": a,
            "role": a.role,
            "holders": [
                o for o in others_by_role.get(a.role_id, []) if o.kind == Assignment.Kind.HOLDER
            ],
            "deputies": [
                o for o in others_by_role.get(a.role_id, []) if o.kind == Assignment.Kind.DEPUTY
            ],
        }
        for a in mine
    ]
    return render(
        request,
        "beheer/person_card.html",
        {
            "person": person,
            "cards": cards,
            "components": _card_components(components),
            "training": training,
            "today": today,
            "organisation": OrganisationSettings.load(),
        },
    )


def _card_components(components) -> list[tuple]:
    """(component, its quick reference or None) for the card; for someone
    without roles or training, every component that has a quick reference."""
    guides = {guide.component_id: guide for guide in guides_for(components)}
    if not components:
        components = [guide.component for guide in guides.values()]
    return [(c, guides.get(c.pk)) for c in sorted(components, key=lambda c: c.name)]
