#!/usr/bin/env python3
"""`liaison agenda --format ics` read by a maintained iCalendar library (`icalendar` from
PyPI): the file parses, and every item of the JSON agenda is there as one all-day event
on its due day, with its rule and what is owed in the summary, its ids, and a UID that is
the same in a second run. Also checked with the library's own reading of the raw lines:
CRLF ends, nothing longer than 75 octets.

    python3 cli/tests/agenda_ics.py BINARY DATASET AS_OF

Exits 1 on any failure.
"""

import datetime
import json
import os
import subprocess
import sys

import icalendar


def run(binary, *args, env=None):
    done = subprocess.run([binary, *args], capture_output=True, env=env, check=False)
    if done.returncode != 0:
        sys.exit(f"agenda_ics: {' '.join(args)} exited {done.returncode}: {done.stderr.decode()}")
    return done.stdout


def main():
    binary, dataset, as_of = sys.argv[1:4]
    agenda = json.loads(run(binary, "agenda", dataset, "--as-of", as_of, "--format", "json"))
    raw = run(binary, "agenda", dataset, "--as-of", as_of, "--format", "ics")
    problems = []

    lines = raw.split(b"\r\n")
    if lines[-1] != b"":
        problems.append("the file does not end with CRLF")
    if any(b"\n" in line or b"\r" in line for line in lines):
        problems.append("a line ends without CRLF")
    long = [len(line) for line in lines if len(line) > 75]
    if long:
        problems.append(f"{len(long)} lines longer than 75 octets")

    calendar = icalendar.Calendar.from_ical(raw)
    if str(calendar.get("VERSION")) != "2.0":
        problems.append(f"VERSION {calendar.get('VERSION')}")
    events = list(calendar.walk("VEVENT"))
    items = agenda["items"]
    if len(events) != len(items):
        problems.append(f"{len(events)} events for {len(items)} items")
    uids = set()
    for event, item in zip(events, items):
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        due = datetime.date.fromisoformat(item["due"])
        if isinstance(start, datetime.datetime) or start != due:
            problems.append(f"{item['subject']}: DTSTART {start!r}, due {due}")
        if end != due + datetime.timedelta(days=1):
            problems.append(f"{item['subject']}: DTEND {end!r}")
        summary = str(event.get("SUMMARY"))
        if summary != f"{item['rule']}: {item['owed_zh']}":
            problems.append(f"{item['subject']}: SUMMARY {summary!r}")
        description = str(event.get("DESCRIPTION"))
        for key in ("owed", "unit", "subject", "code"):
            if item[key] not in description:
                problems.append(f"{item['subject']}: {key} not in DESCRIPTION")
        if str(event.get("X-LIAISON-SUBJECT")) != item["subject"]:
            problems.append(f"{item['subject']}: X-LIAISON-SUBJECT")
        if not isinstance(event.decoded("DTSTAMP"), datetime.datetime):
            problems.append(f"{item['subject']}: DTSTAMP")
        uids.add(str(event.get("UID")))
    if len(uids) != len(events):
        problems.append("UIDs are not unique")

    again = run(
        binary, "agenda", dataset, "--as-of", as_of, "--format", "ics",
        env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"},
    )
    again_uids = {str(e.get("UID")) for e in icalendar.Calendar.from_ical(again).walk("VEVENT")}
    if again_uids != uids:
        problems.append("UIDs differ between runs")

    if problems:
        print("agenda_ics: FAILED", *problems, sep="\n  ", file=sys.stderr)
        sys.exit(1)
    print(f"agenda_ics: {len(events)} events, one per item on its due day, read by icalendar {icalendar.__version__}")


if __name__ == "__main__":
    main()
