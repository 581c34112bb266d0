"""What a new user sees right after `make run`: an adopted matrix with changes
since, and factor reviews that read like a year of real reviews."""

from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from governance.models import Action
from kpi.models import FactorReview
from matrix.models import MatrixVersion
from matrix.selectors import matrix_snapshot, snapshot_diff


def test_the_demo_has_an_adopted_matrix_with_changes_since_and_varied_reviews(db):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=StringIO())

    [version] = MatrixVersion.objects.all()
    assert (timezone.localdate() - version.adopted_on).days > 90
    diff = snapshot_diff(version.snapshot, matrix_snapshot())
    assert [a["title"] for a in diff.added_activities] == ["Releasekalender bijhouden"]
    assert [(c["old"], c["new"]) for c in diff.changed_cells] == [("I", "C")]
    evidence = set(FactorReview.objects.values_list("evidence", flat=True))
    steps = set(
        Action.objects.filter(source=Action.Source.FACTOR_REVIEW).values_list("title", flat=True)
    )
    assert len(evidence) >= 10 and len(steps) >= 8

    call_command("loaddemo", allow_public_demo_passwords=True, stdout=StringIO())
    assert MatrixVersion.objects.count() == 1  # loading again adopts nothing twice
