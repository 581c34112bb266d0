"""Wishes: submit, follow, triage, plan, and the backlog (list, board, Excel)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_tables2 import RequestConfig

from beheer.history import history_entries
from beheer.models import Component, OrganisationSettings
from beheer.xlsx import xlsx_response
from operations import access, selectors, services
from operations.excel import backlog_workbook
from operations.filters import OPEN, ChangeRequestFilter
from operations.forms import (
    ACCEPT,
    MORE_INFORMATION,
    CommentForm,
    PlanForm,
    PriorityForm,
    RequestForm,
    StatusForm,
    TriageForm,
)
from operations.models import ChangeRequest
from operations.tables import ChangeRequestTable
from operations.views import edit, form_page, is_filtered


def _filtered(request):
    queryset = selectors.backlog_order(selectors.requests_listed())
    # Without a choice of their own (also on page 2), people see what is still open.
    data = request.GET.copy()
    data.setdefault("status", OPEN)
    return ChangeRequestFilter(data, queryset=queryset, user=request.user)


def requests(request):
    """The backlog: every wish, sortable and filterable; per component through the filter."""
    request_filter = _filtered(request)
    table = ChangeRequestTable(request_filter.qs)
    RequestConfig(request, paginate={"per_page": 25}).configure(table)
    counts = selectors.request_counts_by_component()
    chosen = (
        request_filter.form.cleaned_data.get("component") if request_filter.is_valid() else None
    )
    return render(
        request,
        "operations/requests.html",
        {
            "filter": request_filter,
            "table": table,
            "is_filtered": is_filtered(request),
            "export_query": request.GET.urlencode(),
            "components": [
                (component, counts.get(component.pk, {})) for component in Component.objects.all()
            ],
            "chosen": chosen,
            "can_triage": access.can_triage_any(request.user),
        },
    )


def requests_xlsx(request):
    today = timezone.localdate()
    wishes = list(_filtered(request).qs)
    workbook = backlog_workbook(
        wishes,
        organisation=OrganisationSettings.for_request(request).name,
        today=today,
        filtered=is_filtered(request),
        base_url=request.build_absolute_uri("/").rstrip("/"),
    )
    return xlsx_response(workbook, f"wensen-{today.isoformat()}.xlsx")


def board(request):
    """The wishes by status, as columns of cards."""
    components = list(Component.objects.all())
    component = None
    if request.GET.get("component", "").isdecimal():
        component = next((c for c in components if c.pk == int(request.GET["component"])), None)
    wishes = ChangeRequest.objects.all()
    if component is not None:
        wishes = wishes.filter(component=component)
    return render(
        request,
        "operations/board.html",
        {
            "columns": selectors.board(wishes=wishes, today=timezone.localdate()),
            "components": components,
            "component": component,
            "recent_days": selectors.BOARD_RECENT_DAYS,
        },
    )


def request_create(request):
    initial = {}
    if request.GET.get("component", "").isdecimal():
        initial["component"] = request.GET["component"]
    form = RequestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        wish = services.request_submit(user=request.user, **form.cleaned_data)
        messages.success(
            request,
            _(
                "Your wish has been submitted as #%(number)s. The owner of %(component)s "
                "will judge it; you can follow it here."
            )
            % {"number": wish.pk, "component": wish.component},
        )
        return redirect(wish)
    return form_page(
        request,
        form,
        title=_("Submit a wish"),
        cancel_url=reverse("operations:requests"),
        intro=_(
            "Describe what should change and why: the problem it solves and for whom. "
            "The component's owner judges it, sets its priority and plans it."
        ),
        submit_label=_("Submit the wish"),
    )


def _wish(pk) -> ChangeRequest:
    return get_object_or_404(selectors.requests_listed(), pk=pk)


def request_detail(request, pk):
    wish = _wish(pk)
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.request_comment(
            change_request=wish, text=form.cleaned_data["text"], user=request.user
        )
        messages.success(request, _("Your addition has been saved."))
        return redirect(reverse("operations:request", args=[wish.pk]) + "#comments")
    can_triage = access.can_triage(request.user, wish)
    status_form = StatusForm(change_request=wish) if can_triage else None
    return render(
        request,
        "operations/request_detail.html",
        {
            "wish": wish,
            "comment_form": form,
            "steps": list(wish.status_changes.select_related("changed_by")),
            "comments": list(wish.comments.select_related("author")),
            "test_items": list(wish.test_items.select_related("release", "tester")),
            "can_triage": can_triage,
            "can_edit": access.can_edit_request(request.user, wish),
            "is_submitter": access.is_submitter(request.user, wish),
            "priority_form": PriorityForm(initial={"priority": wish.priority})
            if can_triage and wish.is_open
            else None,
            "can_plan": can_triage and wish.status in (wish.Status.IN_REVIEW, wish.Status.PLANNED),
            "can_move": status_form is not None and status_form.has_moves,
            "history": history_entries(wish) if can_triage else None,
        },
    )


def request_edit(request, pk):
    wish = _wish(pk)
    access.require(
        access.can_edit_request(request.user, wish),
        _("The submitter changes a wish until it is handled; after that its owner does."),
    )
    form = RequestForm(request.POST or None, instance=wish)
    saved, page = edit(
        request, form, wish, title=_("Edit the wish"), cancel_url=wish.get_absolute_url()
    )
    if saved:
        services.request_edited(change_request=saved, changed=form.changed_data)
        return redirect(saved)
    return page


def _triaged(request, pk) -> ChangeRequest:
    wish = _wish(pk)
    access.require(
        access.can_triage(request.user, wish),
        _("The component's owner and the application management team judge and plan its wishes."),
    )
    return wish


def request_triage(request, pk):
    wish = _triaged(request, pk)
    if wish.status != wish.Status.SUBMITTED:
        messages.info(request, _("This wish has been judged already."))
        return redirect(wish)
    form = TriageForm(request.POST or None, initial={"priority": wish.priority})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == ACCEPT:
                services.request_accept(
                    change_request=wish,
                    user=request.user,
                    priority=data["priority"],
                    note=data["note"],
                )
                messages.success(request, _("The wish has been accepted. Plan it next."))
            elif data["decision"] == MORE_INFORMATION:
                services.request_ask_information(
                    change_request=wish, user=request.user, question=data["note"]
                )
                messages.success(request, _("Your question has been added to the wish."))
            else:
                services.request_reject(change_request=wish, user=request.user, reason=data["note"])
                messages.success(request, _("The wish has been rejected."))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(wish)
    return form_page(
        request,
        form,
        title=_("Judge the wish"),
        cancel_url=wish.get_absolute_url(),
        wish=wish,
        intro=str(wish),
        submit_label=_("Save the judgement"),
        explain_priority=True,
    )


def request_plan(request, pk):
    wish = _triaged(request, pk)
    if wish.status not in (wish.Status.IN_REVIEW, wish.Status.PLANNED):
        messages.info(request, _("Accept the wish before planning it."))
        return redirect(wish)
    initial = {
        "plan": wish.plan or ChangeRequest.Plan.RELEASE,
        "release": wish.release_id,
        "planned_for": wish.planned_for,
    }
    form = PlanForm(request.POST or None, change_request=wish, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.request_plan(
                change_request=wish,
                user=request.user,
                release=data["release"],
                planned_for=data["planned_for"],
                note=data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The wish has been planned."))
            return redirect(wish)
    return form_page(
        request,
        form,
        title=_("Plan the wish"),
        cancel_url=wish.get_absolute_url(),
        wish=wish,
        intro=str(wish),
        submit_label=_("Plan it"),
        new_release_url=reverse("operations:release-create") + f"?component={wish.component_id}"
        if access.can_manage(request.user)
        else None,
    )


def request_status(request, pk):
    wish = _triaged(request, pk)
    form = StatusForm(request.POST or None, change_request=wish)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_set_status(
                change_request=wish,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The status of the wish has been changed."))
            return redirect(wish)
    return form_page(
        request,
        form,
        title=_("Change the status"),
        cancel_url=wish.get_absolute_url(),
        wish=wish,
        intro=str(wish),
        submit_label=_("Change the status"),
    )


@require_POST
def request_priority(request, pk):
    wish = _triaged(request, pk)
    form = PriorityForm(request.POST)
    if form.is_valid():
        services.request_prioritise(change_request=wish, priority=form.cleaned_data["priority"])
        messages.success(request, _("The priority has been saved."))
    return redirect(wish)
