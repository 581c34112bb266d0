"""Time an upload of 10,000 contact-volume rows: the preview and the confirmation.

Run inside Django (bench/run.py calls it with the bench database):
    python bench/kpi_bench.py
The file is a CSV such as a telephony or web-statistics export gives: channel,
month, service process, contacts. A user waits for the check (preview) and
then for the confirmation, which checks the file again and writes it; the
target is on both together.
"""

import os
import sys
import time
from datetime import date
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beheer.settings")

import django  # noqa: E402

django.setup()

from beheer.models import ServiceProcess  # noqa: E402
from kpi.models import Channel, ContactVolume, Kpi  # noqa: E402
from kpi.uploads import volume_apply, volume_plan  # noqa: E402

ROWS = 10_000
TARGET_SECONDS = 10.0


def _csv() -> bytes:
    channels = [c.name for c in Channel.objects.all()]
    processes = ["", *ServiceProcess.objects.values_list("name", flat=True)]
    lines = ["maand;kanaal;proces;aantal"]
    month = 0
    while len(lines) <= ROWS:
        day = date(2015 + month // 12, month % 12 + 1, 1)
        for process in processes:
            for channel in channels:
                lines.append(f"{day:%Y-%m};{channel};{process};{(month * 7 + len(lines)) % 5000}")
        month += 1
    return "\n".join(lines[: ROWS + 1]).encode()


def main() -> int:
    content = _csv()
    started = time.perf_counter()
    preview = volume_plan(BytesIO(content))
    checked = time.perf_counter()
    plan = volume_plan(BytesIO(content))
    written = volume_apply(plan)
    done = time.perf_counter()
    if preview.errors or plan.errors:
        print(f"upload errors: {[str(e) for e in plan.errors[:3]]}")
        return 1
    total = done - started
    print(
        f"\nvolume upload: {ROWS} rows ({written} written, "
        f"{Kpi.objects.exclude(source='manual').count()} channel KPIs recomputed, "
        f"{ContactVolume.objects.count()} volumes in the database)\n"
        f"  preview {checked - started:.2f} s, confirmation {done - checked:.2f} s, "
        f"together {total:.2f} s (target < {TARGET_SECONDS:.0f} s: "
        f"{'met' if total < TARGET_SECONDS else 'MISSED'})"
    )
    return 0 if total < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
