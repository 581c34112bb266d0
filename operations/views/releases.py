"""Supplier releases: what they deliver, their test plan, go/no-go, going live."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_tables2 import RequestConfig

from beheer.history import history_entries
from beheer.uploads import UploadRefused
from operations import access, selectors, services
from operations.filters import ReleaseFilter
from operations.forms import (
    CancelForm,
    DecisionForm,
    DocumentForm,
    GoLiveForm,
    ImpactForm,
    ReleaseForm,
    TestItemForm,
    TestResultForm,
)
from operations.models import Release, ReleaseDocument, ReleaseImpact, TestItem
from operations.tables import ReleaseTable
from operations.views import edit, form_page, is_filtered

MANAGERS_ONLY = _("Managers and the application management team manage releases.")


def releases(request):
    release_filter = ReleaseFilter(
        request.GET or None, queryset=selectors.releases_listed().order_by("-planned_date", "-id")
    )
    table = ReleaseTable(release_filter.qs)
    RequestConfig(request, paginate={"per_page": 25}).configure(table)
    return render(
        request,
        "operations/releases.html",
        {
            "filter": release_filter,
            "table": table,
            "is_filtered": is_filtered(request),
            "can_manage": access.can_manage(request.user),
        },
    )


def calendar(request):
    today = timezone.localdate()
    return render(
        request,
        "operations/calendar.html",
        {"months": selectors.release_calendar(today=today), "today": today},
    )


def release_create(request):
    access.require(access.can_manage(request.user), MANAGERS_ONLY)
    initial = {}
    if request.GET.get("component", "").isdecimal():
        initial["component"] = request.GET["component"]
    form = ReleaseForm(request.POST or None, initial=initial)
    saved, page = edit(
        request, form, None, title=_("New release"), cancel_url=reverse("operations:releases")
    )
    return redirect(saved) if saved else page


def _release(pk) -> Release:
    return get_object_or_404(
        Release.objects.select_related("component", "component__supplier", "decided_by"), pk=pk
    )


def _managed(request, pk) -> Release:
    access.require(access.can_manage(request.user), MANAGERS_ONLY)
    return _release(pk)


def release_detail(request, pk):
    release = _release(pk)
    items = list(release.test_items.select_related("tester", "service_process", "change_request"))
    for item in items:
        item.may_record = not release.is_closed and access.can_record_test(request.user, item)
    can_manage = access.can_manage(request.user)
    return render(
        request,
        "operations/release_detail.html",
        {
            "release": release,
            "wishes": list(selectors.requests_listed(release.change_requests.all())),
            "impacts": list(release.impacts.select_related("service_process")),
            "items": items,
            "passed": sum(1 for i in items if i.result == TestItem.Result.PASSED),
            "failed": sum(1 for i in items if i.result == TestItem.Result.FAILED),
            "document": ReleaseDocument.objects.filter(release=release)
            .only("pk", "filename", "size", "uploaded_at")
            .first(),
            "can_manage": can_manage,
            "can_change": can_manage and not release.is_closed,
            "history": history_entries(release) if can_manage else None,
            "today": timezone.localdate(),
        },
    )


def release_edit(request, pk):
    release = _managed(request, pk)
    form = ReleaseForm(request.POST or None, instance=release)
    saved, page = edit(
        request, form, release, title=_("Edit release"), cancel_url=release.get_absolute_url()
    )
    return redirect(saved) if saved else page


def _refused(request, release, error: ValidationError):
    messages.error(request, " ".join(error.messages))
    return redirect(release)


@require_POST
def release_start_test(request, pk):
    release = _managed(request, pk)
    try:
        services.release_start_test(release=release, user=request.user)
    except ValidationError as error:
        return _refused(request, release, error)
    messages.success(request, _("The test has started; its wishes are in test."))
    return redirect(release)


def release_decide(request, pk):
    release = _managed(request, pk)
    form = DecisionForm(
        request.POST or None,
        initial={"decision": release.decision, "decision_note": release.decision_note},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.release_decide(
                release=release,
                decision=form.cleaned_data["decision"],
                note=form.cleaned_data["decision_note"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The go/no-go decision has been recorded."))
            return redirect(release)
    return form_page(
        request,
        form,
        title=_("Go or no go"),
        cancel_url=release.get_absolute_url(),
        intro=str(release),
        submit_label=_("Record the decision"),
    )


def release_go_live(request, pk):
    release = _managed(request, pk)
    form = GoLiveForm(request.POST or None, initial={"actual_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.release_go_live(
                release=release, on=form.cleaned_data["actual_date"], user=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The release is live; the wishes it delivers are in production.")
            )
            return redirect(release)
    return form_page(
        request,
        form,
        title=_("The release goes live"),
        cancel_url=release.get_absolute_url(),
        intro=str(release),
        submit_label=_("Record that it is live"),
    )


def release_cancel(request, pk):
    release = _managed(request, pk)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.release_cancel(
                release=release, note=form.cleaned_data["note"], user=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The release has been cancelled; its wishes are to be planned again.")
            )
            return redirect(release)
    return form_page(
        request,
        form,
        title=_("Cancel the release"),
        cancel_url=release.get_absolute_url(),
        intro=str(release),
        submit_label=_("Cancel the release"),
    )


# What a browser is told a release notes file is; anything else is a download of bytes.
CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/plain; charset=utf-8",
}


def release_document(request, pk):
    """The release notes file, always as a download: a file a supplier sent is
    never shown as a page of this application."""
    document = ReleaseDocument.objects.filter(release=pk).first()
    if document is None:
        raise Http404
    extension = "." + document.filename.rsplit(".", 1)[-1].lower()
    response = HttpResponse(
        bytes(document.content),
        content_type=CONTENT_TYPES.get(extension, "application/octet-stream"),
    )
    response["Content-Disposition"] = content_disposition_header(True, document.filename)
    return response


def release_document_upload(request, pk):
    release = _managed(request, pk)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.release_document_save(
                release=release, upload=form.cleaned_data["file"], user=request.user
            )
        except UploadRefused as refused:
            form.add_error("file", refused.message)
        else:
            messages.success(request, _("The release notes file has been saved."))
            return redirect(release)
    return form_page(
        request,
        form,
        title=_("Upload the release notes"),
        cancel_url=release.get_absolute_url(),
        intro=_("A new file replaces the one the release has."),
        submit_label=_("Upload"),
        multipart=True,
    )


def impact_create(request, pk):
    release = _managed(request, pk)
    form = ImpactForm(request.POST or None, release=release)
    saved, page = edit(
        request,
        form,
        None,
        title=_("Impact on a service process"),
        cancel_url=release.get_absolute_url(),
        intro=str(release),
    )
    return redirect(reverse("operations:release", args=[release.pk]) + "#impact") if saved else page


def impact_edit(request, pk):
    impact = get_object_or_404(ReleaseImpact.objects.select_related("release"), pk=pk)
    access.require(access.can_manage(request.user), MANAGERS_ONLY)
    form = ImpactForm(request.POST or None, instance=impact, release=impact.release)
    saved, page = edit(
        request,
        form,
        impact,
        title=_("Impact on a service process"),
        cancel_url=impact.release.get_absolute_url(),
    )
    if saved:
        return redirect(reverse("operations:release", args=[impact.release_id]) + "#impact")
    return page


@require_POST
def impact_delete(request, pk):
    impact = get_object_or_404(ReleaseImpact, pk=pk)
    access.require(access.can_manage(request.user), MANAGERS_ONLY)
    impact.delete()
    messages.success(request, _("The impact has been removed."))
    return redirect(reverse("operations:release", args=[impact.release_id]) + "#impact")


def test_item_create(request, pk):
    release = _managed(request, pk)
    if release.is_closed:
        return _refused(request, release, ValidationError(_("This release is live or cancelled.")))
    form = TestItemForm(request.POST or None, release=release)
    saved, page = edit(
        request,
        form,
        None,
        title=_("Add a test item"),
        cancel_url=release.get_absolute_url(),
        intro=str(release),
    )
    if saved:
        services.test_item_assigned(item=saved, by=request.user)
    return redirect(reverse("operations:release", args=[release.pk]) + "#tests") if saved else page


def test_item_edit(request, pk):
    item = get_object_or_404(TestItem.objects.select_related("release"), pk=pk)
    access.require(access.can_manage(request.user), MANAGERS_ONLY)
    form = TestItemForm(request.POST or None, instance=item, release=item.release)
    saved, page = edit(
        request, form, item, title=_("Edit test item"), cancel_url=item.get_absolute_url()
    )
    if saved:
        services.test_item_assigned(item=saved, by=request.user)
    return redirect(saved.get_absolute_url()) if saved else page


def test_result(request, pk):
    item = get_object_or_404(
        TestItem.objects.select_related("release", "release__component", "tester"), pk=pk
    )
    access.require(
        access.can_record_test(request.user, item),
        _("The key user the item is assigned to records its result."),
    )
    form = TestResultForm(request.POST or None, initial={"result": item.result})
    if request.method == "POST" and form.is_valid():
        try:
            services.test_result_record(
                item=item,
                result=form.cleaned_data["result"],
                note=form.cleaned_data["note"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The result of “%(item)s” has been saved.") % {"item": item.title}
            )
            return redirect(item.get_absolute_url())
    return form_page(
        request,
        form,
        title=_("Record the test result"),
        cancel_url=item.get_absolute_url(),
        intro=f"{item.release} · {item.title}",
        item=item,
        submit_label=_("Save the result"),
    )
