#!/usr/bin/env python3
"""What an operator reading the app's console log (run.sh's app1.log) finds after the database outage.

usage: check_app_log.py LOG OUTAGE_FROM_BYTE OUTAGE_TO_BYTE

The outage's refusals are expected: KetamineCds.Web.Security.DatabaseOutageLog writes one Warning line for each request
the database turned away (event 1) or whose commit it left unconfirmed (event 2), and the exception with its stack
once, with the first of an outage (docs/operations.md). Anything else with a stack trace, or at fail/crit, anywhere in
the log so far, is an unexpected exception and is named. Prints lines for run.sh's results.
"""
import re
import sys

HEADER = re.compile(r"^(trce|dbug|info|warn|fail|crit): (\S+?)\[(-?\d+)\]\s*$")
STACK_FRAME = re.compile(r"^\s+at \S")
OUTAGE_CATEGORY = "KetamineCds.Web.Security.DatabaseOutageLog"


def records(text):
    """(level, category, event id, lines) for each record of the console logger's simple format."""
    current = None
    for line in text.splitlines():
        header = HEADER.match(line)
        if header:
            if current:
                yield current
            current = (header.group(1), header.group(2), int(header.group(3)), [])
        elif current:
            current[3].append(line)
        # lines before the first record (none in practice) belong to no record
    if current:
        yield current


def has_stack(record):
    return any(STACK_FRAME.match(line) for line in record[3])


def is_refusal(record):
    return record[1] == OUTAGE_CATEGORY and record[2] in (1, 2) and record[0] == "warn"


def main(path, start, end):
    data = open(path, "rb").read()
    whole = data.decode("utf-8", "replace")
    outage = data[start:end].decode("utf-8", "replace")

    refusals = [r for r in records(outage) if is_refusal(r)]
    with_stack = sum(1 for r in refusals if has_stack(r))
    print("outage: app log: %d refusals logged (one line each), %d of them with the exception's stack (expected 1: the first of the outage)"
          % (len(refusals), with_stack))
    if with_stack > 1:
        print("MISMATCH outage: the database's refusal was logged with its stack %d times (expected once per outage)" % with_stack)
    if not refusals:
        print("MISMATCH outage: no refusal was logged while the database was down")

    unexpected = [r for r in records(whole) if not is_refusal(r) and (has_stack(r) or r[0] in ("fail", "crit"))]
    if unexpected:
        first = unexpected[0]
        print("UNEXPECTED app log: %d records with a stack trace or at fail/crit that are not the outage's refusals; the first: %s: %s[%d] %s"
              % (len(unexpected), first[0], first[1], first[2], (first[3][0].strip() if first[3] else "")))
    else:
        print("app log: no stack trace and no fail/crit record other than the outage's one refusal with its stack")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
