"""Contracts and service levels, with suppliers and towards the departments."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beheer.history import history_entries
from operations import access, selectors, services
from operations.forms import ContractForm, ServiceLevelForm
from operations.models import Contract, ServiceLevel
from operations.views import edit

MANAGERS_ONLY = _(
    "Managers and the application management team manage contracts and service levels."
)


def contracts(request):
    today = timezone.localdate()
    rows = selectors.contract_rows(today=today)
    return render(
        request,
        "operations/contracts.html",
        {
            "suppliers": [r for r in rows if r.contract.kind == Contract.Kind.SUPPLIER],
            "internal": [r for r in rows if r.contract.kind == Contract.Kind.INTERNAL],
            "warning_days": services.NOTICE_WARNING_DAYS,
            "can_manage": access.can_manage(request.user),
            "today": today,
        },
    )


def catalogue(request):
    """The beheerteam's service catalogue: the levels of the internal agreements."""
    agreements = selectors.contract_rows(
        Contract.objects.filter(kind=Contract.Kind.INTERNAL), today=timezone.localdate()
    )
    levels = selectors.level_rows(
        ServiceLevel.objects.filter(contract__kind=Contract.Kind.INTERNAL)
    )
    by_contract: dict[int, list] = {}
    for row in levels:
        by_contract.setdefault(row.level.contract_id, []).append(row)
    return render(
        request,
        "operations/catalogue.html",
        {
            "agreements": [(row, by_contract.get(row.contract.pk, [])) for row in agreements],
            "can_manage": access.can_manage(request.user),
        },
    )


def contract_create(request):
    access.require(access.can_manage(request.user), MANAGERS_ONLY)
    initial = {"kind": request.GET.get("soort") or Contract.Kind.SUPPLIER}
    form = ContractForm(request.POST or None, initial=initial)
    saved, page = edit(
        request, form, None, title=_("New contract"), cancel_url=reverse("operations:contracts")
    )
    return redirect(saved) if saved else page


def contract_detail(request, pk):
    contract = get_object_or_404(
        Contract.objects.select_related("supplier").prefetch_related("components", "departments"),
        pk=pk,
    )
    can_manage = access.can_manage(request.user)
    return render(
        request,
        "operations/contract_detail.html",
        {
            "row": selectors.contract_row(contract, today=timezone.localdate()),
            "contract": contract,
            "levels": selectors.level_rows(contract.service_levels.all()),
            "warning_days": services.NOTICE_WARNING_DAYS,
            "can_manage": can_manage,
            "history": history_entries(contract) if can_manage else None,
        },
    )


def contract_edit(request, pk):
    access.require(access.can_manage(request.user), MANAGERS_ONLY)
    contract = get_object_or_404(Contract, pk=pk)
    form = ContractForm(request.POST or None, instance=contract)
    saved, page = edit(
        request, form, contract, title=_("Edit contract"), cancel_url=contract.get_absolute_url()
    )
    return redirect(saved) if saved else page


def level_create(request, pk):
    access.require(access.can_manage(request.user), MANAGERS_ONLY)
    contract = get_object_or_404(Contract, pk=pk)
    form = ServiceLevelForm(
        request.POST or None,
        contract=contract,
        initial={"order": contract.service_levels.count() + 1},
    )
    saved, page = edit(
        request,
        form,
        None,
        title=_("New service level"),
        cancel_url=contract.get_absolute_url(),
        intro=str(contract),
    )
    return redirect(saved.get_absolute_url()) if saved else page


def level_edit(request, pk):
    access.require(access.can_manage(request.user), MANAGERS_ONLY)
    level = get_object_or_404(ServiceLevel.objects.select_related("contract"), pk=pk)
    form = ServiceLevelForm(request.POST or None, instance=level, contract=level.contract)
    saved, page = edit(
        request,
        form,
        level,
        title=_("Edit service level"),
        cancel_url=level.get_absolute_url(),
    )
    return redirect(saved.get_absolute_url()) if saved else page


@require_POST
def level_delete(request, pk):
    access.require(access.can_manage(request.user), MANAGERS_ONLY)
    level = get_object_or_404(ServiceLevel, pk=pk)
    level.delete()
    messages.success(request, _("The service level has been removed."))
    return redirect(reverse("operations:contract", args=[level.contract_id]) + "#levels")
