"""Reads an iCalendar file on stdin with Python's `icalendar` and prints
what the tests compare (UG-17), in the same shape as read.mjs."""

import datetime
import json
import sys

import icalendar


def utc(value):
    if value is None:
        return None
    dt = value.dt
    if not isinstance(dt, datetime.datetime):
        return dt.isoformat()
    if dt.tzinfo is None:
        raise SystemExit(f"floating time {dt}: every time must name its zone")
    return dt.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    cal = icalendar.Calendar.from_ical(sys.stdin.read())
    events = []
    for v in cal.walk("VEVENT"):
        attendees = v.get("ATTENDEE", [])
        if not isinstance(attendees, list):
            attendees = [attendees]
        events.append(
            {
                "uid": str(v.get("UID")),
                "sequence": int(v.get("SEQUENCE", 0)),
                "status": str(v.get("STATUS")) if v.get("STATUS") else None,
                "summary": str(v.get("SUMMARY")),
                "start": utc(v.get("DTSTART")),
                "end": utc(v.get("DTEND")),
                "last_modified": utc(v.get("LAST-MODIFIED")),
                "attendees": [
                    {"email": str(a).split(":", 1)[-1], "partstat": a.params.get("PARTSTAT")}
                    for a in attendees
                ],
            }
        )
    name = cal.get("X-WR-CALNAME") or cal.get("NAME")
    method = cal.get("METHOD")
    print(json.dumps({"method": str(method) if method else None, "name": str(name) if name else None, "events": events}))


main()
