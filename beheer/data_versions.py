"""Data versions per scope, and the one place that connects every invalidation.

A cached result (beheer.cache) is keyed by the versions of the scopes it is
computed from. Every change to a model of a scope raises that scope's version
once its transaction has committed, so:
- a write in one area (a KPI) leaves another area's cached results (the
  matrix) alone, and writes of different areas never wait for a shared row;
- raising the version after the commit holds no lock during a long
  transaction (a large upload), and readers that see the new version see the
  new data: nothing computed from old data is ever stored under it.

Models are named by label, so `beheer` imports no feature app. Bulk writes
(bulk_create, bulk_update, QuerySet.update/delete) send no signals: the
service that makes them calls `changed(scope)` itself. A test checks that
every model of the project belongs to a scope or is listed as unversioned.
"""

from contextvars import ContextVar
from functools import partial

from django.apps import apps
from django.db import transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save

SCOPES: dict[str, tuple[str, ...]] = {
    "register": (
        "beheer.OrganisationSettings",
        "beheer.Supplier",
        "beheer.Department",
        "beheer.Component",
        "beheer.ServiceProcess",
        "beheer.Role",
        "beheer.Person",
        "beheer.Assignment",
    ),
    "matrix": ("matrix.Activity", "matrix.Responsibility", "matrix.MatrixVersion"),
    "rights": (
        "matrix.Right",
        "matrix.Grant",
        "matrix.MutationTick",
        "matrix.ReviewRound",
        "matrix.ReviewAnswer",
        "matrix.ReviewSchedule",
    ),
    "maturity": (
        "maturity.Level",
        "maturity.Dimension",
        "maturity.Statement",
        "maturity.Assessment",
        "maturity.Response",
        "maturity.Answer",
        "maturity.AssessmentSchedule",
    ),
    "kpi": (
        "kpi.SuccessFactor",
        "kpi.FactorReview",
        "kpi.Kpi",
        "kpi.Measurement",
        "kpi.Channel",
        "kpi.ContactVolume",
    ),
    "governance": (
        "governance.Forum",
        "governance.Meeting",
        "governance.Attendance",
        "governance.AgendaItem",
        "governance.Decision",
        "governance.Action",
        "governance.MeetingAmendment",
    ),
    "operations": (
        "operations.ChangeRequest",
        "operations.StatusChange",
        "operations.Comment",
        "operations.Release",
        "operations.ReleaseDocument",
        "operations.ReleaseImpact",
        "operations.TestItem",
        "operations.Contract",
        "operations.ServiceLevel",
        "operations.Course",
        "operations.TrainingSession",
        "operations.TrainingAttendance",
        "operations.ComponentGuide",
    ),
    # Who may do what: accounts, groups and the per-object grants.
    "users": (
        "auth.User",
        "auth.Group",
        "beheer.ComponentUserObjectPermission",
        "beheer.ComponentGroupObjectPermission",
        "maturity.AssessmentUserObjectPermission",
        "maturity.AssessmentGroupObjectPermission",
    ),
}

# Models whose changes no cached result depends on (transient or bookkeeping).
UNVERSIONED = {
    "beheer.DataVersion",
    "beheer.PendingUpload",
    "notifications.Message",
    "notifications.Preference",
}


# The versions as this request read them: one query for all scopes, however many
# cached results a page uses (see VersionsPerRequest). None outside a request.
_request_versions: ContextVar[dict | None] = ContextVar("request_versions", default=None)


class VersionsPerRequest:
    """Middleware: each request reads the versions once, at its first use."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_versions.set({})
        try:
            return self.get_response(request)
        finally:
            _request_versions.reset(token)


def changed(scope: str) -> None:
    """Raise `scope`'s version when the current transaction commits (at once
    outside a transaction), once however many records the transaction wrote."""
    memo = _request_versions.get()
    if memo:
        memo.clear()  # this request wrote: read the versions again when asked
    connection = transaction.get_connection()
    if not connection.in_atomic_block or _never_commits(connection):
        _raise(scope)
        return
    bump = _BUMPS[scope]
    if not any(entry[1] is bump for entry in connection.run_on_commit):
        # robust: a failing bump must not turn the user's saved change into an error.
        transaction.on_commit(bump, robust=True)


def _never_commits(connection) -> bool:
    """Inside a test case's transaction, which is rolled back, never committed:
    raise at once, as a commit would have."""
    return connection.atomic_blocks[0]._from_testcase


def _raise(scope: str) -> None:
    from beheer.models import DataVersion

    if not DataVersion.objects.filter(scope=scope).update(version=F("version") + 1):
        DataVersion.objects.get_or_create(scope=scope, defaults={"version": 1})


_BUMPS = {scope: partial(_raise, scope) for scope in SCOPES}


def has_pending_changes() -> bool:
    """Whether the current transaction wrote data whose version is not raised yet:
    a result computed now must not be stored under the old version (it might
    be rolled back, and it is not what others see)."""
    connection = transaction.get_connection()
    bumps = set(_BUMPS.values())
    return any(entry[1] in bumps for entry in connection.run_on_commit)


def versions(scopes) -> dict[str, int]:
    from beheer.models import DataVersion

    memo = _request_versions.get()
    if memo is None:  # outside a request: read what is asked
        found = dict(DataVersion.objects.filter(scope__in=scopes).values_list("scope", "version"))
        return {scope: found.get(scope, 0) for scope in scopes}
    if not memo:
        memo.update(DataVersion.objects.values_list("scope", "version"))
        memo.setdefault("_read", 1)  # not empty even when no scope has a row yet
    return {scope: memo.get(scope, 0) for scope in scopes}


def scope_of(model) -> str | None:
    label = model._meta.label
    return next((scope for scope, labels in SCOPES.items() if label in labels), None)


def _on_change(scope, sender, **kwargs):
    changed(scope)


def _on_m2m_change(scope, sender, action, **kwargs):
    if action.startswith("post_"):
        changed(scope)


_receivers = {}


def connect() -> None:
    """Raise a scope's version on every save and delete of its models, and on
    changes of their many-to-many relations (a user's groups, a KPI's factors)."""
    for scope, labels in SCOPES.items():
        receiver = _receivers.setdefault(scope, partial(_on_change, scope))
        m2m_receiver = _receivers.setdefault(f"{scope}-m2m", partial(_on_m2m_change, scope))
        for label in labels:
            model = apps.get_model(label)
            for signal in (post_save, post_delete):
                signal.connect(receiver, sender=model, dispatch_uid=f"version-{label}-{signal}")
            for field in model._meta.many_to_many:
                m2m_changed.connect(
                    m2m_receiver,
                    sender=field.remote_field.through,
                    dispatch_uid=f"version-{label}-{field.name}",
                )
