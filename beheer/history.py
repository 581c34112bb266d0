"""The change history shown on detail pages: who changed what, when, old -> new."""

from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

CHANGE_TYPES = {"+": _("created"), "~": _("changed"), "-": _("deleted")}


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    when: datetime
    who: str
    action: str
    changes: list[FieldChange]


def _display(field: models.Field, value, related_names: dict) -> str:
    if value in (None, ""):
        return "—"
    if field.is_relation:
        return related_names.get((field.name, value), f"#{value}")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    return str(value)


def history_entries(obj: models.Model, *, limit: int = 30) -> list[HistoryEntry]:
    """The latest `limit` changes of `obj`, newest first, in a fixed number of queries."""
    records = list(obj.history.select_related("history_user").order_by("-history_id")[: limit + 1])
    model_fields = {f.name: f for f in obj._meta.concrete_fields}

    pairs = []
    for index, record in enumerate(records[:limit]):
        older = records[index + 1] if index + 1 < len(records) else None
        delta = record.diff_against(older) if older is not None else None
        pairs.append((record, delta.changes if delta else []))

    # Names of related objects the changes refer to: one query per related model.
    wanted: dict[models.Field, set] = {}
    for _record, changes in pairs:
        for change in changes:
            field = model_fields.get(change.field)
            if field is not None and field.is_relation:
                wanted.setdefault(field, set()).update(
                    v for v in (change.old, change.new) if v is not None
                )
    related_names = {}
    for field, ids in wanted.items():
        for pk, name in ((o.pk, str(o)) for o in field.related_model.objects.filter(pk__in=ids)):
            related_names[(field.name, pk)] = name

    entries = []
    for record, changes in pairs:
        user = record.history_user
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=(user.get_full_name() or user.get_username()) if user else str(_("system")),
                action=str(CHANGE_TYPES.get(record.history_type, record.history_type)),
                changes=[
                    FieldChange(
                        str(model_fields[c.field].verbose_name),
                        _display(model_fields[c.field], c.old, related_names),
                        _display(model_fields[c.field], c.new, related_names),
                    )
                    for c in changes
                    if c.field in model_fields
                ],
            )
        )
    return entries


def current_version(obj: models.Model) -> str:
    """The version an edit form is based on: the id of the record's newest history
    record, or "0" for one without history yet (e.g. made by a data migration),
    so that its first edit is guarded too."""
    latest = obj.history.order_by("-history_id").values_list("history_id", flat=True).first()
    return str(latest or 0)


def form_version(request, obj: models.Model, *, shown_current: bool = False) -> str:
    """The version an edit form carries when it is (re)displayed.

    A form shown again after a post (invalid input, a refused save) keeps the
    version it was posted with, so a change someone made meanwhile is still
    caught on the next save. Only a fresh form, or one that has just shown the
    user the values saved now (`shown_current`), carries the current version.
    """
    posted = request.POST.get("seen_version") if request.method == "POST" else None
    if posted and not shown_current:
        return posted
    return current_version(obj)


def edit_conflict(request, obj: models.Model, form) -> list[tuple] | None:
    """Refuse a posted edit of `obj` that could overwrite someone else's change.

    The one guard of every edit form. A post must carry the version it was
    based on (a post without it cannot be checked, so it is refused too) and
    that version must still be current. On a refusal the error is added to
    `form` and the differences are returned as (label, saved now, your input),
    so the user compares and then saves again knowingly; None means save.
    """
    seen = request.POST.get("seen_version", "")
    if seen == current_version(obj):
        return None
    what = obj._meta.verbose_name
    if not seen:
        message = gettext(
            "This form was sent without the version of the %(what)s it was based on, so "
            "it cannot be checked against changes by others. Nothing has been saved: "
            "check the values below, then save again."
        )
    else:
        message = gettext(
            "Someone else changed this %(what)s after you opened it. Your changes have "
            "not been saved: compare them with the current values below, then save again."
        )
    form.add_error(None, message % {"what": what})
    current = type(obj)._default_manager.get(pk=obj.pk)
    cleaned = getattr(form, "cleaned_data", {})
    return [
        (form[name].label, _display_value(current, name), cleaned.get(name))
        for name in form.fields
        if name in cleaned
        and _comparable(getattr(current, name, None)) != _comparable(cleaned[name])
    ]


def _comparable(value):
    """Many-to-many values compare as sets of primary keys."""
    if hasattr(value, "all"):
        value = value.all()
    if hasattr(value, "__iter__") and not isinstance(value, str):
        return {getattr(item, "pk", item) for item in value}
    return value


def _display_value(obj, name):
    value = getattr(obj, name, None)
    if hasattr(value, "all"):
        return ", ".join(str(item) for item in value.all())
    return value
