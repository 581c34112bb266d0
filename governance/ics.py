"""iCalendar (RFC 5545) for meetings: one event to download, and a feed per
forum that calendars subscribe to. Written here rather than with a library:
the few properties a meeting needs, escaped and folded as the standard asks.

Times go out in UTC (…Z), so no time-zone definition has to travel along; a
meeting without a start time is an all-day event.
"""

from datetime import UTC, datetime, timedelta

from django.http import HttpResponse
from django.utils import timezone

PRODUCT = "-//Beheerorganisatie//Overleg//NL"


def _text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next, after a space; never
    inside a UTF-8 character."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(encoded):
        end = min(start + limit, len(encoded))
        while end < len(encoded) and (encoded[end] & 0xC0) == 0x80:
            end -= 1  # back off a continuation byte
        parts.append(encoded[start:end].decode())
        start, limit = end, 74  # the leading space counts
    return "\r\n ".join(parts)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(meeting, *, url: str, host: str, description: str = "") -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:meeting-{meeting.pk}@{host}",
        f"DTSTAMP:{_utc(timezone.now())}",
        f"SEQUENCE:{meeting.sequence}",
    ]
    if meeting.start_time is not None:
        start = timezone.make_aware(datetime.combine(meeting.date, meeting.start_time))
        end = start + timedelta(minutes=meeting.duration)
        lines += [f"DTSTART:{_utc(start)}", f"DTEND:{_utc(end)}"]
    else:
        lines += [
            f"DTSTART;VALUE=DATE:{meeting.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{meeting.date + timedelta(days=1):%Y%m%d}",
        ]
    lines.append(f"SUMMARY:{_text(str(meeting.forum))}")
    if meeting.place:
        lines.append(f"LOCATION:{_text(meeting.place)}")
    text = "\n".join(part for part in (description, meeting.link) if part)
    if text:
        lines.append(f"DESCRIPTION:{_text(text)}")
    lines += [f"URL:{url}", "STATUS:CONFIRMED", "END:VEVENT"]
    return lines


def calendar_response(events: list[list[str]], *, filename: str, name: str = "") -> HttpResponse:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT}", "CALSCALE:GREGORIAN"]
    lines.append("METHOD:PUBLISH")
    if name:
        lines.append(f"X-WR-CALNAME:{_text(name)}")
    for event in events:
        lines += event
    lines.append("END:VCALENDAR")
    body = "".join(_fold(line) + "\r\n" for line in lines)
    response = HttpResponse(body.encode(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
