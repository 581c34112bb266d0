"""Wishes, releases, contracts and training: one module per part, the shared
form page here."""

from django.contrib import messages
from django.shortcuts import render
from django.utils.translation import gettext as _

from beheer.history import edit_conflict, form_version


def form_page(request, form, *, title, obj=None, cancel_url=None, conflicts=None, **extra):
    return render(
        request,
        "operations/form.html",
        {
            "form": form,
            "title": title,
            "object": obj,
            "cancel_url": cancel_url,
            "conflicts": conflicts,
            "seen_version": (
                form_version(request, obj, shown_current=conflicts is not None)
                if obj is not None and hasattr(obj, "history")
                else None
            ),
            **extra,
        },
    )


def edit(request, form, obj, *, title, cancel_url, **extra):
    """Save the ModelForm of `obj` (a new one when None) unless someone changed
    it since the form was opened; (saved object, None) or (None, the form page)."""
    posted = request.method == "POST" and form.is_valid()
    conflicts = edit_conflict(request, obj, form) if posted and obj is not None else None
    if posted and conflicts is None:
        instance = form.save()
        saved = _("%(object)s has been added.") if obj is None else _("%(object)s has been saved.")
        messages.success(request, saved % {"object": instance})
        return instance, None
    return None, form_page(
        request, form, title=title, obj=obj, cancel_url=cancel_url, conflicts=conflicts, **extra
    )


def is_filtered(request) -> bool:
    return any(v for k, v in request.GET.items() if k not in ("sort", "page"))
