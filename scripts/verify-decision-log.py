#!/usr/bin/env python3
"""Re-verifies a KetamineCds decision-log export (JSON Lines) offline, without the app or its database.

Usage: python3 scripts/verify-decision-log.py decision-log.jsonl [--complete] [--head SEQUENCE:HASH]

The export is GET /api/v1/audit/export.jsonl (or Audit > "Export as JSON Lines (lossless)"): one object per log entry,
in sequence order, with every field the chain hashes, exactly as stored, its `hash` and its `previousHash`.

For every entry it recomputes the hash (the format of ChainHash.Compute, "ketaminecds/decision-log/v1": the fields of
ChainHash.DecisionFields, the list the export writes too, in its order, each as
`name=LENGTH:VALUE\\n`, LENGTH in UTF-16 code units, a null as `name=~\\n`; `hookOrigin` and `submissionId` only when
present; SHA-256 of the UTF-8 bytes) and compares it with the stored one. Because each hash covers the previous hash,
an entry whose hash holds also vouches for the link it claims. Where two consecutive sequence numbers are both in the
file, it checks that they join (the later one's previousHash is the earlier one's hash).

A filtered export (a period, a patient, a clinician) leaves other entries out: gaps in its sequence numbers are
expected and are reported, not counted as failures. With --complete (an unfiltered export of the whole log) the file
must start at entry 1 with the genesis previous hash and have no gap: a missing number is a failure.
--head SEQUENCE:HASH compares one entry's hash with a value from elsewhere, e.g. a signed checkpoint's `sequence` and
`headHash`, so a log rewritten and re-hashed throughout is caught too.

Exit status: 0 when everything checked holds, 1 when something does not, 2 when the file cannot be read.
"""
import hashlib
import json
import sys

TAG = "ketaminecds/decision-log/v1\n"
GENESIS = "0" * 64
# ChainHash.DecisionFields, re-stated here so that this script needs nothing but the file: a field added there makes
# the export carry it, and this check fail on entries that have it until it is added here too.
FIELDS = [
    ("sequence", "sequence"),
    ("id", "id"),
    ("type", "type"),
    ("recordedAt", "recordedAt"),
    ("actorUserId", "actorUserId"),
    ("actorEmail", "actorEmail"),
    ("actorRole", "actorRole"),
    ("correlationId", "correlationId"),
    ("patientReference", "patientReference"),
    ("overall", "overall"),
    ("ruleSetVersion", "ruleSetVersion"),
    ("ruleSetDigest", "ruleSetDigest"),
    ("relatesToId", "relatesToId"),
    ("correctionReason", "correctionReason"),
    ("inputJson", "inputJson"),
    ("historyJson", "historyJson"),
    ("assessmentJson", "assessmentJson"),
]


def utf16_length(text):
    """The length .NET's string.Length gives: UTF-16 code units (a character beyond U+FFFF counts twice)."""
    return len(text.encode("utf-16-le")) // 2


def field(name, value):
    if value is None:
        return name + "=~\n"
    return "%s=%d:%s\n" % (name, utf16_length(value), value)


def entry_hash(entry):
    parts = [TAG]
    for name, key in FIELDS:
        value = entry.get(key)
        if key == "sequence":
            value = str(value)
        parts.append(field(name, value))
    if entry.get("hookOrigin") is not None:
        parts.append(field("hookOrigin", entry["hookOrigin"]))
    if entry.get("submissionId") is not None:
        parts.append(field("submissionId", entry["submissionId"]))
    parts.append(field("previousHash", entry.get("previousHash")))
    return hashlib.sha256("".join(parts).encode("utf-8")).hexdigest()


def verify(lines, complete=False, head=None):
    """Returns (findings, notes, counts): findings are failures, notes are what could not be checked."""
    findings, notes = [], []
    previous = None
    hashes = {}
    entries = 0
    links = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            sequence = int(entry["sequence"])
        except (ValueError, KeyError, TypeError) as error:
            raise ValueError("line %d is not an entry: %s" % (number, error))
        entries += 1
        if entry_hash(entry) != entry.get("hash"):
            findings.append("entry %d (%s): content does not match its hash (changed after it was recorded)" % (sequence, entry.get("id")))
        hashes[sequence] = entry.get("hash")
        if previous is None:
            if complete and sequence != 1:
                findings.append("entries 1-%d missing: the export starts at entry %d" % (sequence - 1, sequence))
            if sequence == 1 and entry.get("previousHash") != GENESIS:
                findings.append("entry 1: previous hash is not the genesis value")
        else:
            prev_sequence, prev_hash = previous
            if sequence <= prev_sequence:
                findings.append("entry %d follows entry %d: out of order or repeated" % (sequence, prev_sequence))
            elif sequence == prev_sequence + 1:
                links += 1
                if entry.get("previousHash") != prev_hash:
                    findings.append("entry %d does not join entry %d (its previous hash is not that entry's hash)" % (sequence, prev_sequence))
            elif complete:
                findings.append("entries %d-%d missing (%d is followed by %d)" % (prev_sequence + 1, sequence - 1, prev_sequence, sequence))
            else:
                notes.append("entries %d-%d are not in this export (filtered); the link from %d to %d is not checked" % (prev_sequence + 1, sequence - 1, prev_sequence, sequence))
        previous = (sequence, entry.get("hash"))
    if head is not None:
        sequence, expected = head
        if sequence not in hashes:
            findings.append("entry %d (named by --head) is not in this export" % sequence)
        elif hashes[sequence] != expected:
            findings.append("entry %d: hash differs from the one given by --head (the log up to it was rewritten)" % sequence)
    return findings, notes, (entries, links)


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    complete = "--complete" in argv
    head = None
    if "--head" in argv:
        index = argv.index("--head")
        try:
            sequence, expected = argv[index + 1].split(":", 1)
            head = (int(sequence), expected.strip().lower())
        except (IndexError, ValueError):
            print("--head takes SEQUENCE:HASH", file=sys.stderr)
            return 2
        args = [a for a in args if a != argv[index + 1]]
    if len(args) != 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    try:
        with open(args[0], encoding="utf-8") as f:
            findings, notes, (entries, links) = verify(f, complete, head)
    except (OSError, ValueError) as error:
        print("cannot read the export: %s" % error, file=sys.stderr)
        return 2
    for note in notes:
        print("note: " + note)
    for finding in findings:
        print("FAIL: " + finding)
    print("%d entries checked, %d links between consecutive entries checked: %s"
          % (entries, links, "all hold" if not findings else "%d finding(s)" % len(findings)))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
