"""The user's messages (Berichten), their e-mail settings, and the beheerders'
log of what was sent."""

from django.contrib import messages as flash
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_tables2 import RequestConfig

from beheer import groups
from beheer.access import group_names, in_any_group
from notifications import selectors
from notifications.filters import SentFilter
from notifications.forms import PreferenceForm
from notifications.models import Message, Preference, Topic
from notifications.tables import SentTable


def _can_see_sent(user) -> bool:
    return in_any_group(user, groups.BEHEERDERS)


def _render(request, template, context):
    return render(request, template, {**context, "can_see_sent": _can_see_sent(request.user)})


INBOX_LIMIT = 300


def inbox(request):
    """The user's messages, newest first; all of them, with each day's signals
    about the register folded into one entry, or those of one topic."""
    topic = request.GET.get("topic", "")
    if topic not in Topic.values:
        topic = ""
    page = list(selectors.inbox(request.user, topic=topic)[:INBOX_LIMIT])
    return _render(
        request,
        "notifications/inbox.html",
        {
            "entries": page if topic else selectors.bundled(page),
            "topic": topic,
            "topics": selectors.topic_counts(request.user),
            "unread": selectors.unread_count(request.user),
        },
    )


def unread_badge(request):
    """The header's count of unread messages, fetched once the page is drawn
    (like the Mijn werk badge), so no page waits for it."""
    count = selectors.unread_count(request.user)
    return render(request, "notifications/_unread_count.html", {"count": count})


@require_POST
def mark_read(request, pk):
    message = get_object_or_404(Message, pk=pk, recipient=request.user)
    if message.read_at is None:
        message.read_at = timezone.now()
        message.save(update_fields=["read_at"])
    # "Open" marks read and follows the link; only to a path of this site.
    if request.POST.get("open") and url_has_allowed_host_and_scheme(
        message.url, allowed_hosts={request.get_host()}
    ):
        return redirect(message.url or "notifications:inbox")
    return redirect("notifications:inbox")


@require_POST
def mark_all_read(request):
    """All of one's unread messages, or those listed (a day's signals about the
    register, as shown: not one that arrived after the page was drawn)."""
    unread = Message.objects.filter(recipient=request.user, read_at__isnull=True)
    if "pk" in request.POST:
        unread = unread.filter(pk__in=[pk for pk in request.POST.getlist("pk") if pk.isdigit()])
    count = unread.update(read_at=timezone.now())
    flash.success(
        request,
        ngettext("%(count)s message marked as read.", "%(count)s messages marked as read.", count)
        % {"count": count},
    )
    return redirect("notifications:inbox")


def preference_edit(request):
    preference = Preference.objects.filter(user=request.user).first() or Preference(
        user=request.user
    )
    form = PreferenceForm(
        request.POST or None,
        instance=preference,
        # The register's signals go to the Managers group (beheer.reminders).
        receives_register_signals=groups.MANAGERS in group_names(request.user),
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        flash.success(request, _("Your e-mail settings have been saved."))
        return redirect("notifications:settings")
    return _render(
        request, "notifications/settings.html", {"form": form, "email": request.user.email}
    )


def sent(request):
    if not _can_see_sent(request.user):
        raise PermissionDenied(_("Only application administrators see the sent messages."))
    filtered = SentFilter(request.GET, queryset=selectors.sent_log())
    table = SentTable(filtered.qs)
    RequestConfig(request, paginate={"per_page": 50}).configure(table)
    failed = Message.objects.filter(status=Message.Status.FAILED).count()
    return _render(
        request,
        "notifications/sent.html",
        {
            "table": table,
            "filter": filtered,
            "is_filtered": bool(filtered.form.changed_data),
            "failed": failed,
        },
    )
