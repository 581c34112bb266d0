"""Success factors, KPIs, measurements and channel statistics."""

from datetime import timedelta
from functools import partial

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beheer import uploads as beheer_uploads
from beheer.cache import cached
from beheer.history import edit_conflict, form_version, history_entries
from beheer.models import ServiceProcess
from beheer.xlsx import xlsx_response
from kpi import access, services, uploads
from kpi import render as render_kpi
from kpi.excel import kpi_workbook, upload_template_workbook
from kpi.filters import KpiFilter
from kpi.forms import (
    ChannelForm,
    FactorForm,
    FactorReviewForm,
    KpiForm,
    MeasurementForm,
    MonthVolumesForm,
    UploadForm,
)
from kpi.models import (
    Channel,
    Kpi,
    Measurement,
    SuccessFactor,
)


def dashboard(request):
    today = timezone.localdate()
    # Every KPI's row, the same for every viewer: built once per change of the
    # KPIs or the register (owners' names, who has left).
    overview = cached(
        "kpi-overview",
        partial(render_kpi.overview, today=today),
        scopes=("kpi", "register"),
    )
    kpi_filter = KpiFilter(request.GET, request=request, departments=overview.departments)
    active = kpi_filter.active if request.GET else {}
    can_edit = access.can_edit(request.user)
    # access.owned_kpi_ids, read from the rows instead of another query.
    owns_kpis = any(row.owner_user_id == request.user.pk for row in overview.rows)
    # The page's content depends on the filters and the viewer's rights; "only
    # my KPIs" also on who asks, so with that filter the key holds the viewer.
    content = cached(
        "kpi-overview-content",
        partial(
            _overview_content,
            overview=overview,
            kpi_filter=kpi_filter,
            can_edit=can_edit,
            owns_kpis=owns_kpis,
            today=today,
        ),
        # "governance": the factors' overdue actions, shown above the KPIs.
        scopes=("kpi", "register", "governance"),
        vary=(
            sorted(active.items()),
            request.user.pk if active.get("mijn") else None,
            can_edit,
            owns_kpis,
        ),
    )
    by_pk = {row.pk: row for row in overview.rows}
    return render(
        request,
        "kpi/dashboard.html",
        {"content": content["html"], "rows": [by_pk[pk] for pk in content["shown"]]},
    )


def _overview_content(*, overview, kpi_filter, can_edit, owns_kpis, today) -> dict:
    """The overview's content: the factors' progress, the filters, the KPIs
    they show, as HTML; and the keys of those KPIs."""
    rows = overview.rows
    if kpi_filter.active:
        shown = set(kpi_filter.qs.values_list("pk", flat=True))
        rows = [row for row in rows if row.pk in shown]
    html = render_to_string(
        "kpi/_dashboard.html",
        {
            "progress": cached(
                "kpi-overview-progress",
                partial(_progress_html, today=today),
                scopes=("kpi", "governance"),  # the overdue actions: the action register
            ),
            "filter": kpi_filter,
            "owns_kpis": owns_kpis,
            "rows": rows,
            "rows_html": mark_safe("".join(row.html for row in rows)),  # noqa: S308 - escaped
            "status_counts": services.status_counts(rows),
            "can_edit": can_edit,
            "can_upload": can_edit or owns_kpis,
        },
    )
    return {"html": html, "shown": [row.pk for row in rows]}


def _progress_html(*, today) -> str:
    """The overview's card per theme of success factors."""
    return render_to_string(
        "kpi/_dashboard_progress.html", {"checklist": services.factor_progress(today=today)}
    )


def factors(request):
    """The checklist: every factor's latest status by theme, and overdue actions."""
    today = timezone.localdate()
    # The same for every reader; owners' names come from the register.
    content = cached(
        "kpi-factors",
        partial(_factors_html, today=today),
        # The factors' actions come from the action register.
        scopes=("kpi", "register", "governance"),
    )
    return render(request, "kpi/factors.html", {"content": content})


def _factors_html(*, today) -> str:
    return render_to_string(
        "kpi/_factors.html",
        {"checklist": services.factor_checklist(today=today), "today": today},
    )


def factor_detail(request, pk):
    factor = get_object_or_404(SuccessFactor, pk=pk)
    can_edit = access.can_edit(request.user)
    latest = factor.reviews.first()
    form = None
    if can_edit:
        # A new review starts from the previous one: usually only the status moves.
        initial = {"date": timezone.localdate()}
        if latest:
            initial.update(owner=latest.owner_id, evidence=latest.evidence, status=latest.status)
        form = FactorReviewForm(request.POST or None, initial=initial)
    if request.method == "POST":
        access.require(can_edit)
        if form.is_valid():
            services.factor_review_record(factor=factor, user=request.user, **form.cleaned_data)
            messages.success(request, _("The review has been recorded."))
            return redirect("kpi:factor", pk=pk)
    return render(
        request,
        "kpi/factor_detail.html",
        {
            "factor": factor,
            "explanation": factor.text("explanation"),
            "reviews": factor.reviews.select_related("owner", "recorded_by"),
            "latest": latest,
            "kpis": factor.kpis.all(),
            "history": history_entries(factor),
            "form": form,
            "can_edit": can_edit,
            "today": timezone.localdate(),
        },
    )


def _edit(request, form, obj, *, title, cancel_url=None):
    """Save `form` (a ModelForm of `obj`, or of a new object when `obj` is None)
    and return (the saved object, None); or (None, the form page again)."""
    posted = request.method == "POST" and form.is_valid()
    conflicts = edit_conflict(request, obj, form) if posted and obj is not None else None
    if posted and conflicts is None:
        instance = form.save()
        saved = _("%(object)s has been added.") if obj is None else _("%(object)s has been saved.")
        messages.success(request, saved % {"object": instance})
        return instance, None
    return None, render(
        request,
        "kpi/form.html",
        {
            "form": form,
            "title": title,
            "cancel_url": cancel_url,
            "seen_version": (
                form_version(request, obj, shown_current=conflicts is not None)
                if obj is not None
                else None
            ),
            "conflicts": conflicts,
            "object": obj,
        },
    )


def factor_edit(request, pk):
    access.require(access.can_edit(request.user))
    factor = get_object_or_404(SuccessFactor, pk=pk)
    form = FactorForm(request.POST or None, instance=factor)
    saved, page = _edit(
        request,
        form,
        factor,
        title=_("Edit success factor"),
        cancel_url=factor.get_absolute_url(),
    )
    return redirect(saved.get_absolute_url()) if saved else page


def kpi_create(request):
    access.require(access.can_edit(request.user))
    form = KpiForm(request.POST or None, initial={"factors": request.GET.getlist("factor")})
    saved, page = _edit(
        request,
        form,
        None,
        title=_("New KPI"),
    )
    if saved:
        services.kpi_source_changed(saved)
        return redirect(saved.get_absolute_url())
    return page


def kpi_edit(request, pk):
    access.require(access.can_edit(request.user))
    kpi = get_object_or_404(Kpi, pk=pk)
    form = KpiForm(request.POST or None, instance=kpi)
    saved, page = _edit(
        request,
        form,
        kpi,
        title=_("Edit KPI"),
        cancel_url=kpi.get_absolute_url(),
    )
    if saved:
        services.kpi_source_changed(saved)
        return redirect(saved.get_absolute_url())
    return page


def kpi_detail(request, pk):
    rows = services.kpi_rows(
        today=timezone.localdate(),
        kpis=Kpi.objects.filter(pk=pk).select_related(
            "department", "component", "channel", "service_process"
        ),
    )
    if not rows:
        raise Http404
    row = rows[0]
    kpi = row.kpi
    can_measure = access.can_measure(request.user, kpi)
    form = MeasurementForm(request.POST or None, initial={"date": timezone.localdate()})
    if request.method == "POST":
        access.require(can_measure)
        if form.is_valid():
            _measurement, created = services.measurement_record(
                kpi=kpi, user=request.user, **form.cleaned_data
            )
            messages.success(
                request,
                _("The measurement has been added.")
                if created
                else _("The measurement of that date has been replaced."),
            )
            return redirect("kpi:kpi", pk=pk)
    measurements = list(kpi.measurements.order_by("date"))
    return render(
        request,
        "kpi/kpi_detail.html",
        {
            "kpi": kpi,
            "row": row,
            "smart_parts": [services.SMART_PARTS[gap] for gap in row.gaps],
            "factors": kpi.factors.all(),
            "measurements": measurements[::-1],
            "chart": {
                "labels": [m.date.isoformat() for m in measurements],
                "values": [float(m.value) for m in measurements],
                "target": float(kpi.target) if kpi.target is not None else None,
                "unit": kpi.unit,
            },
            "form": form if can_measure else None,
            "can_delete": access.can_remove_measurements(request.user, kpi),
            "can_edit": access.can_edit(request.user),
            "history": history_entries(kpi),
        },
    )


def kpi_delete(request, pk):
    access.require(access.can_edit(request.user))
    kpi = get_object_or_404(Kpi, pk=pk)
    if request.method == "POST":
        kpi.delete()
        messages.success(request, _("%(object)s has been deleted.") % {"object": kpi})
        return redirect("kpi:dashboard")
    return render(
        request,
        "kpi/kpi_confirm_delete.html",
        {"kpi": kpi, "measurement_count": kpi.measurements.count()},
    )


@require_POST
def measurement_delete(request, pk):
    measurement = get_object_or_404(Measurement.objects.select_related("kpi__owner"), pk=pk)
    access.require(access.can_delete_measurement(request.user, measurement))
    measurement.delete()
    messages.success(request, _("The measurement has been deleted."))
    return redirect("kpi:kpi", pk=measurement.kpi_id)


# --- Uploads ---------------------------------------------------------------------


# The two upload flows of this app, as beheer.uploads keeps them between preview
# and confirmation (and as the files to fill in are named).
MEASUREMENTS, VOLUMES = "measurements", "volumes"


def _pending_kind(kind: str) -> str:
    return f"kpi-{kind}"


def _confirmation(kind: str, pending, plan) -> dict:
    """What the preview page needs to offer the confirmation."""
    return {
        "pending": pending,
        "fingerprint": plan.fingerprint(),
        "confirm_url": reverse("kpi:upload-confirm", args=[kind, pending.pk]),
    }


def _measurement_plan(request, file, kpi):
    allowed = None if access.can_edit(request.user) else access.owned_kpi_ids(request.user)
    return uploads.measurement_plan(file, kpi=kpi, allowed_kpis=allowed)


def measurements_upload(request):
    access.require(access.can_upload_measurements(request.user))
    kpi = None
    if request.GET.get("kpi", "").isdecimal():
        kpi = get_object_or_404(Kpi, pk=request.GET["kpi"])
    form = UploadForm(request.POST or None, request.FILES or None)
    context = {"form": form, "kpi": kpi}
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        plan = _measurement_plan(request, file, kpi)
        context["plan"] = plan
        if not plan.errors and plan.has_changes:
            pending = beheer_uploads.pending_keep(
                file,
                kind=_pending_kind(MEASUREMENTS),
                user=request.user,
                subject_id=kpi.pk if kpi else None,
            )
            context.update(_confirmation(MEASUREMENTS, pending, plan))
    return render(request, "kpi/upload_measurements.html", context)


def upload_template(request, kind):
    """An empty file to fill in: the headings, and a row per KPI or channel for
    last month, so the upload's columns and names are right the first time."""
    if kind not in (MEASUREMENTS, VOLUMES):
        raise Http404
    last_month = (timezone.localdate().replace(day=1) - timedelta(days=1)).replace(day=1)
    if kind == VOLUMES:
        access.require(access.can_edit(request.user))
        headings = ["maand", "kanaal", "proces", "aantal"]
        rows = [(f"{last_month:%Y-%m}", c.name, "", None) for c in Channel.objects.all()]
    else:
        access.require(access.can_upload_measurements(request.user))
        kpis = Kpi.objects.filter(source=Kpi.Source.MANUAL)
        if not access.can_edit(request.user):
            kpis = kpis.filter(pk__in=access.owned_kpi_ids(request.user))
        headings = ["kpi", "datum", "waarde", "bron", "toelichting"]
        rows = [
            (k.name, f"{services.period_start(last_month, k.frequency):%Y-%m-%d}", None, "", "")
            for k in kpis
        ]
    return xlsx_response(
        upload_template_workbook(headings, rows), f"{kind}-{last_month:%Y-%m}.xlsx"
    )


def volumes_upload(request):
    access.require(access.can_edit(request.user))
    form = UploadForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        plan = uploads.volume_plan(file)
        context["plan"] = plan
        if not plan.errors and plan.has_changes:
            pending = beheer_uploads.pending_keep(
                file, kind=_pending_kind(VOLUMES), user=request.user
            )
            context.update(_confirmation(VOLUMES, pending, plan))
    return render(request, "kpi/upload_volumes.html", context)


@require_POST
def upload_confirm(request, kind, pk):
    if kind not in (MEASUREMENTS, VOLUMES):
        raise Http404
    pending = beheer_uploads.pending_get(pk, kind=_pending_kind(kind), user=request.user)
    content = beheer_uploads.pending_file(pending)
    if kind == VOLUMES:
        access.require(access.can_edit(request.user))
        plan = uploads.volume_plan(content)
        template, context = "kpi/upload_volumes.html", {}
    else:
        access.require(access.can_upload_measurements(request.user))
        kpi = Kpi.objects.filter(pk=pending.subject_id).first() if pending.subject_id else None
        plan = _measurement_plan(request, content, kpi)
        template, context = "kpi/upload_measurements.html", {"kpi": kpi}
    if plan.errors or plan.fingerprint() != request.POST.get("fingerprint"):
        messages.warning(
            request, _("The data has changed since the preview. Check the changes again.")
        )
        return render(
            request,
            template,
            {
                **context,
                "form": UploadForm(),
                "plan": plan,
                **(_confirmation(kind, pending, plan) if not plan.errors else {}),
            },
        )
    try:
        with transaction.atomic():
            if kind == VOLUMES:
                count = uploads.volume_apply(plan)
            else:
                count = uploads.measurement_apply(plan, user=request.user)
    except IntegrityError:
        messages.error(
            request,
            _(
                "Someone added the same data while you confirmed; nothing has been saved. "
                "Upload the file again."
            ),
        )
        return redirect("kpi:volumes-upload" if kind == VOLUMES else "kpi:upload")
    pending.delete()
    messages.success(request, _("Saved: %(count)s rows.") % {"count": count})
    if kind == VOLUMES:
        return redirect("kpi:channels")
    if pending.subject_id:
        return redirect("kpi:kpi", pk=pending.subject_id)
    return redirect("kpi:dashboard")


# --- Channels ---------------------------------------------------------------------


def channels(request):
    processes = list(ServiceProcess.objects.filter(contact_volumes__isnull=False).distinct())
    process = None
    if request.GET.get("proces", "").isdecimal():
        process = next((p for p in processes if p.pk == int(request.GET["proces"])), None)
    can_edit = access.can_edit(request.user)
    # Figures, chart and table: the same for every reader of the same process,
    # apart from the editors' links.
    content = cached(
        "kpi-channels",
        partial(_channels_html, process=process, can_edit=can_edit),
        scopes=("kpi", "register"),
        vary=(process.pk if process else None, can_edit),
    )
    return render(
        request,
        "kpi/channels.html",
        {"content": content, "processes": processes, "process": process, "can_edit": can_edit},
    )


def _channels_html(*, process, can_edit) -> str:
    mix = services.channel_mix(service_process=process)
    return render_to_string(
        "kpi/_channels.html",
        {
            "mix": mix,
            "chart": mix.chart_data(),
            "table_rows": render_kpi.channel_rows_html(mix),
            "can_edit": can_edit,
            "channel_kpis": Kpi.objects.exclude(
                source__in=[Kpi.Source.MANUAL, Kpi.Source.CHANGE_LEAD_TIME]
            ),
        },
    )


def channel_create(request):
    access.require(access.can_edit(request.user))
    form = ChannelForm(request.POST or None)
    saved, page = _edit(
        request,
        form,
        None,
        title=_("New channel"),
    )
    if not saved:
        return page
    services.recompute_channel_kpis()  # a digital channel counts in the digital share
    return redirect("kpi:channels")


def channel_edit(request, pk):
    access.require(access.can_edit(request.user))
    channel = get_object_or_404(Channel, pk=pk)
    form = ChannelForm(request.POST or None, instance=channel)
    saved, page = _edit(
        request,
        form,
        channel,
        title=_("Edit channel"),
    )
    if not saved:
        return page
    services.recompute_channel_kpis()  # e.g. a channel now counted as digital
    return redirect("kpi:channels")


def volumes_month(request):
    """Enter one month's contacts per channel by hand."""
    access.require(access.can_edit(request.user))
    channel_list = list(Channel.objects.all())
    form = MonthVolumesForm(request.POST or None, channels=channel_list)
    if request.method == "POST" and form.is_valid():
        month = form.cleaned_data["month"]
        services.month_volumes_save(month=month, volumes=form.volumes())
        messages.success(
            request, _("The contacts of %(month)s have been saved.") % {"month": f"{month:%Y-%m}"}
        )
        return redirect("kpi:channels")
    return render(
        request,
        "kpi/form.html",
        {
            "form": form,
            "title": _("Enter the contacts of a month"),
            "intro": _(
                "The total number of contacts per channel in the month. A channel left "
                "empty keeps the figure it has."
            ),
        },
    )


def export(request):
    today = timezone.localdate()
    workbook = kpi_workbook(
        checklist=services.factor_checklist(today=today),
        rows=services.kpi_rows(
            today=today,
            kpis=Kpi.objects.prefetch_related(
                Prefetch("factors", queryset=SuccessFactor.objects.order_by("order"))
            ),
        ),
        today=today,
    )
    return xlsx_response(workbook, f"kpi-{today.isoformat()}.xlsx")
