"""Several counts in one query: a page that shows many numbers pays one round
trip to the database for them, not one per number.

    counts(people=Person.objects.filter(is_active=True), roles=Role.objects.all())
    -> {"people": 480, "roles": 111}

Each count is COUNT(*) of a plain (filtered) queryset; they are joined with
UNION ALL, which every supported database runs as one statement.
"""

from django.db.models import CharField, Count, QuerySet, Value


def counts(**querysets: QuerySet) -> dict[str, int]:
    parts = [
        queryset.order_by()
        .annotate(counted=Value(name, output_field=CharField()))
        .values("counted")  # a constant: no GROUP BY, one row even for no records
        .annotate(number=Count("pk"))
        .values_list("counted", "number")
        for name, queryset in querysets.items()
    ]
    first, *others = parts
    found = dict(first.union(*others, all=True) if others else first)
    return {name: found.get(name, 0) for name in querysets}
