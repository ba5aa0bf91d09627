#!/usr/bin/env python3
"""Re-verifies a KetamineCds decision-log export (JSON Lines) offline, without the app or its database.

Usage: python3 scripts/verify-decision-log.py decision-log-<time>.jsonl [--complete] [--head SEQUENCE:HASH]

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
`headHash`, so a log rewritten and re-hashed throughout is caught too. With --complete it also counts the entries up to
that one, as the app's check from a checkpoint does: the export must hold exactly entries 1 to SEQUENCE (as many numbered
up to it as its number, the lowest 1), else an entry there was deleted, inserted or moved (`count-before-checkpoint`).
Without --complete (a filtered export leaves entries out by design) they are not counted, and a note says so.

An entry whose content no longer gives its hash where it is stored may give it at another place: the place after the
entry its previousHash names (found by its hash, itself placed the same way when it is not where it was recorded
either). Then it was moved, its content unchanged, and is named `moved` ("stored at S, belongs at P") instead of
`content-changed`, as the app's verification names it; a swap of two entries is two of these. An entry edited as well
as moved holds nowhere and stays `content-changed`. Placing them reads the file again, only when such entries were found.

Each failure is printed as `FAIL: [kind] ...`, kind being the app's name for it (missing, content-changed, link-broken,
out-of-order, moved, count-before-checkpoint, checkpoint-differs, checkpoint-log-ends-before), so the script's findings
and the app's Verify page can be compared line by line.

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


def entries_of(lines):
    """(sequence, entry) of each non-blank line, in file order; a line that is not an entry is an error."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            sequence = int(entry["sequence"])
        except (ValueError, KeyError, TypeError) as error:
            raise ValueError("line %d is not an entry: %s" % (number, error))
        yield sequence, entry


def hash_at(entry, sequence):
    """The hash an entry's content gives at another place in the chain (its sequence is hashed with it)."""
    return entry_hash(dict(entry, sequence=sequence))


# How many times the file is read again, at most, to follow the links of moved entries back to an entry in its place.
LOCATE_ROUNDS = 4


def locate_moved(reread, changed):
    """Of the entries stored at `changed` (sequence -> entry; their hash no longer holds there), those whose hash holds at
    another place: the place their link leads to (after the entry their previous hash names, itself placed the same way
    when it is not where it was recorded either), confirmed by their own hash computed at that place. As the app's
    EfDecisionLog.LocateMovedAsync: stored place -> recorded place. `reread` gives the file's lines again."""
    by_hash = {}
    for sequence in sorted(changed):
        by_hash.setdefault(changed[sequence].get("hash"), (sequence, changed[sequence]))
    unplaced = list(changed.values())
    for _ in range(LOCATE_ROUNDS):
        named = {e.get("previousHash") for e in unplaced} - {GENESIS} - set(by_hash)
        if not named:
            break
        found = [(s, e) for s, e in entries_of(reread()) if e.get("hash") in named]
        for sequence, entry in found:
            by_hash.setdefault(entry.get("hash"), (sequence, entry))
        unplaced = [e for s, e in found if hash_at(e, s) != e.get("hash")]

    places = {}

    def place_of(sequence, entry, depth):
        if sequence in places:
            return places[sequence]
        place = None
        if hash_at(entry, sequence) == entry.get("hash"):
            place = sequence
        elif entry.get("previousHash") == GENESIS:
            place = 1
        elif depth < 8 and entry.get("previousHash") in by_hash:
            previous_sequence, previous = by_hash[entry.get("previousHash")]
            if previous_sequence != sequence:
                previous_place = place_of(previous_sequence, previous, depth + 1)
                place = previous_place + 1 if previous_place is not None else None
        places[sequence] = place
        return place

    moved = {}
    for sequence, entry in changed.items():
        place = place_of(sequence, entry, 0)
        if place is not None and place != sequence and place > 0 and hash_at(entry, place) == entry.get("hash"):
            moved[sequence] = place
    return moved


def verify(lines, complete=False, head=None, reread=None):
    """Returns (findings, notes, counts): findings are failures, each (sequence, kind, text), in chain order; notes are
    what could not be checked. `reread` gives the lines again (to place moved entries); by default `lines` itself, which
    must then be a list or a file that can seek."""
    if reread is None:
        def reread():
            if hasattr(lines, "seek"):
                lines.seek(0)
            return lines
    findings, notes = [], []
    previous = None
    hashes = {}
    changed = {}
    entries = 0
    links = 0
    up_to_head, lowest = 0, None
    for sequence, entry in entries_of(lines):
        entries += 1
        if head is not None and sequence <= head[0]:
            up_to_head += 1
            lowest = sequence if lowest is None else min(lowest, sequence)
        if previous is None:
            if complete and sequence > 1:
                findings.append((sequence, "missing", "entries 1-%d missing: the export starts at entry %d" % (sequence - 1, sequence)))
            elif complete and sequence < 1:
                findings.append((sequence, "out-of-order", "entry %d: numbered below 1, the first entry's number" % sequence))
            if sequence == 1 and entry.get("previousHash") != GENESIS:
                findings.append((sequence, "link-broken", "entry 1: previous hash is not the genesis value"))
        else:
            prev_sequence, prev_hash = previous
            if sequence <= prev_sequence:
                findings.append((sequence, "out-of-order", "entry %d follows entry %d: out of order or repeated" % (sequence, prev_sequence)))
            elif sequence == prev_sequence + 1:
                links += 1
                if entry.get("previousHash") != prev_hash:
                    findings.append((sequence, "link-broken", "entry %d does not join entry %d (its previous hash is not that entry's hash)" % (sequence, prev_sequence)))
            elif complete:
                findings.append((sequence, "missing", "entries %d-%d missing (%d is followed by %d)" % (prev_sequence + 1, sequence - 1, prev_sequence, sequence)))
            else:
                notes.append("entries %d-%d are not in this export (filtered); the link from %d to %d is not checked" % (prev_sequence + 1, sequence - 1, prev_sequence, sequence))
        if entry_hash(entry) != entry.get("hash"):
            findings.append((sequence, "content-changed", entry))
            changed[sequence] = entry
        hashes[sequence] = entry.get("hash")
        previous = (sequence, entry.get("hash"))

    moved = locate_moved(reread, changed) if changed else {}
    for index, (sequence, kind, detail) in enumerate(findings):
        if kind != "content-changed":
            continue
        if sequence in moved:
            findings[index] = (sequence, "moved", "entry %d (%s): stored at %d, belongs at %d: its hash holds there, and its link names the entry before that place (moved; its content was not changed)"
                               % (sequence, detail.get("id"), sequence, moved[sequence]))
        else:
            findings[index] = (sequence, kind, "entry %d (%s): content does not match its hash (changed after it was recorded)" % (sequence, detail.get("id")))

    if head is not None:
        sequence, expected = head
        if complete and (up_to_head != sequence or lowest != 1):
            findings.append((sequence, "count-before-checkpoint",
                             "the checkpoint named by --head vouches for entries 1-%d, but the export holds %d entries numbered up to it, the lowest %s: an entry there was deleted, inserted or moved"
                             % (sequence, up_to_head, "~" if lowest is None else lowest)))
        elif not complete:
            notes.append("the entries before the one --head names are not counted: without --complete the export may be filtered")
        if sequence not in hashes:
            if complete and sequence > max(hashes, default=0):
                findings.append((sequence, "checkpoint-log-ends-before", "entry %d (named by --head) is not in this export: the log ends at entry %d, before it" % (sequence, max(hashes, default=0))))
            else:
                findings.append((sequence, "checkpoint-differs", "entry %d (named by --head) is not in this export" % sequence))
        elif hashes[sequence] != expected:
            findings.append((sequence, "checkpoint-differs", "entry %d: hash differs from the one given by --head (the log up to it was rewritten)" % sequence))
    return [(kind, text) for _, kind, text in findings], notes, (entries, links)


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
    for kind, text in findings:
        print("FAIL: [%s] %s" % (kind, text))
    print("%d entries checked, %d links between consecutive entries checked: %s"
          % (entries, links, "all hold" if not findings else "%d finding(s)" % len(findings)))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
