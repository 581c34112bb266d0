"""Courses, sessions and who attended, the training gaps, and the quick references."""

from django.contrib import messages
from django.db.models import Count, Min, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tables2 import RequestConfig

from beheer.history import history_entries
from beheer.models import Component, Role
from operations import access, selectors, services
from operations.forms import CourseForm, GuideForm, SessionAttendanceForm, SessionForm
from operations.models import ComponentGuide, Course, TrainingAttendance, TrainingSession
from operations.tables import CourseTable
from operations.views import edit, form_page

MANAGERS_ONLY = _("Managers and the application management team manage courses and sessions.")


def courses(request):
    today = timezone.localdate()
    queryset = (
        Course.objects.select_related("component")
        .prefetch_related("required_for_roles")
        .annotate(
            session_count=Count("sessions", distinct=True),
            trained_count=Count(
                "sessions__attendances__person",
                filter=Q(sessions__attendances__attended=True),
                distinct=True,
            ),
            next_session=Min("sessions__date", filter=Q(sessions__date__gte=today)),
        )
        .order_by("-is_active", "component__name", "name")
    )
    table = CourseTable(queryset)
    RequestConfig(request, paginate={"per_page": 25}).configure(table)
    return render(
        request,
        "operations/courses.html",
        {
            "table": table,
            "can_manage": access.can_manage(request.user),
            "reads_reports": access.reads_reports(request.user),
        },
    )


def course_create(request):
    access.require(access.can_manage(request.user), MANAGERS_ONLY)
    form = CourseForm(request.POST or None)
    saved, page = edit(
        request, form, None, title=_("New course"), cancel_url=reverse("operations:courses")
    )
    return redirect(saved) if saved else page


def course_detail(request, pk):
    course = get_object_or_404(Course.objects.select_related("component"), pk=pk)
    today = timezone.localdate()
    sessions = list(
        course.sessions.select_related("trainer").annotate(
            registered=Count("attendances"),
            came=Count("attendances", filter=Q(attendances__attended=True)),
        )
    )
    trained = (
        TrainingAttendance.objects.filter(session__course=course, attended=True)
        .select_related("person", "session")
        .order_by("person__name", "session__date")
    )
    people = {}
    for attendance in trained:
        people.setdefault(attendance.person_id, attendance)  # their first time
    roles = list(course.required_for_roles.all())
    kind_roles = (
        [
            role
            for role in Role.objects.filter(kind=course.required_for_kind)
            if course.component_id is None or role.component_id in (None, course.component_id)
        ]
        if course.required_for_kind
        else []
    )
    can_manage = access.can_manage(request.user)
    return render(
        request,
        "operations/course_detail.html",
        {
            "course": course,
            "coming": [s for s in sessions if s.date >= today][::-1],
            "past": [s for s in sessions if s.date < today],
            "trained": list(people.values()),
            "roles": sorted({*roles, *kind_roles}, key=lambda r: r.name),
            "can_manage": can_manage,
            "history": history_entries(course) if can_manage else None,
        },
    )


def course_edit(request, pk):
    access.require(access.can_manage(request.user), MANAGERS_ONLY)
    course = get_object_or_404(Course, pk=pk)
    form = CourseForm(request.POST or None, instance=course)
    saved, page = edit(
        request, form, course, title=_("Edit course"), cancel_url=course.get_absolute_url()
    )
    return redirect(saved) if saved else page


def session_create(request, pk):
    access.require(access.can_manage(request.user), MANAGERS_ONLY)
    course = get_object_or_404(Course, pk=pk)
    form = SessionForm(request.POST or None, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        session = services.session_plan(course=course, **form.cleaned_data)
        messages.success(request, _("%(object)s has been added.") % {"object": session})
        return redirect(session)
    return form_page(
        request,
        form,
        title=_("New session"),
        cancel_url=course.get_absolute_url(),
        intro=str(course),
        submit_label=_("Save the session"),
    )


def session_detail(request, pk):
    session = get_object_or_404(
        TrainingSession.objects.select_related("course", "course__component", "trainer"), pk=pk
    )
    attendances = list(session.attendances.select_related("person"))
    can_manage = access.can_manage(request.user)
    form = None
    if can_manage:
        form = SessionAttendanceForm(request.POST or None, attendances=attendances)
    if request.method == "POST":
        access.require(can_manage, MANAGERS_ONLY)
        if form.is_valid():
            services.attendance_save(
                session=session, attended=form.attended(), add=form.cleaned_data["add"]
            )
            messages.success(request, _("The attendance has been saved."))
            return redirect(session)
    return render(
        request,
        "operations/session_detail.html",
        {
            "session": session,
            "attendances": attendances,
            "form": form,
            "can_manage": can_manage,
            "history": history_entries(session) if can_manage else None,
        },
    )


def session_edit(request, pk):
    access.require(access.can_manage(request.user), MANAGERS_ONLY)
    session = get_object_or_404(TrainingSession.objects.select_related("course"), pk=pk)
    form = SessionForm(request.POST or None, instance=session)
    saved, page = edit(
        request, form, session, title=_("Edit session"), cancel_url=session.get_absolute_url()
    )
    return redirect(saved) if saved else page


def gaps(request):
    """Who holds a role without the training it needs, and who waits for the
    second training (seed 002) longer than the months asked."""
    access.require(
        access.reads_reports(request.user),
        _("The training report is for the application management team and the MT."),
    )
    today = timezone.localdate()
    months = request.GET.get("maanden", "")
    months = (
        int(months)
        if months.isdecimal() and 1 <= int(months) <= 60
        else selectors.DEFAULT_SECOND_AFTER_MONTHS
    )
    return render(
        request,
        "operations/gaps.html",
        {
            "gaps": selectors.training_gaps(today=today),
            "second": selectors.second_training_due(today=today, months=months),
            "months": months,
            "today": today,
        },
    )


def guides(request):
    components = list(Component.objects.select_related("guide"))
    return render(
        request,
        "operations/guides.html",
        {
            # A component without one raises RelatedObjectDoesNotExist, an AttributeError.
            "components": [(c, getattr(c, "guide", None)) for c in components],
            "can_manage": access.can_manage(request.user),
        },
    )


def guide_edit(request, pk):
    access.require(access.can_manage(request.user), MANAGERS_ONLY)
    component = get_object_or_404(Component, pk=pk)
    guide = ComponentGuide.objects.filter(component=component).first()
    form = GuideForm(request.POST or None, instance=guide or ComponentGuide(component=component))
    saved, page = edit(
        request,
        form,
        guide,
        title=_("Quick reference of %(component)s") % {"component": component},
        cancel_url=reverse("operations:guides"),
        intro=_(
            "Shown on the role card of everyone with a role or training for this component: "
            "why the organisation uses it, and the tips for daily use."
        ),
    )
    return redirect("operations:guides") if saved else page
