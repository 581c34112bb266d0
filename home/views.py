"""The first screen (Mijn werk) and the overviews of the managers and the MT."""

from django.shortcuts import render
from django.utils import timezone

from home import access, selectors


def my_work(request):
    today = timezone.localdate()
    items = selectors.work_of(request.user, today=today)
    return render(
        request,
        "home/my_work.html",
        {
            "items": items,
            "overdue": sum(1 for item in items if item.overdue),
            "has_person": bool(items) or selectors.has_person(request.user),
            "today": today,
        },
    )


def overview(request):
    access.require(access.can_see_overview(request.user))
    today = timezone.localdate()
    return render(
        request,
        "home/overview.html",
        {
            "attention": selectors.attention(today=today),
            "cards": selectors.overview_cards(today=today),
            "group_rows": selectors.cached_group_rows(),
            "today": today,
        },
    )


def mt_overview(request):
    access.require(access.can_see_mt_overview(request.user))
    today = timezone.localdate()
    return render(request, "home/mt_overview.html", {**selectors.mt_overview(today=today)})


def work_count(request):
    """The header badge: how many things the viewer has to do (the same cached
    list Mijn werk shows, so badge and page agree). Fetched by htmx once the page
    is drawn, so no page pays for gathering every app's work before it shows."""
    items = selectors.work_of(request.user, today=timezone.localdate())
    return render(request, "home/_work_count.html", {"count": len(items)})
