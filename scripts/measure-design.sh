#!/usr/bin/env bash
# Prints the design measures issue 11 asks for, from the working tree:
#  1. non-blank lines of the Domain outside the rule classes (src/KetamineCds.Domain/Rules/<Topic>/) and the
#     principles, file by file and in total;
#  2. each history field's footprint: the source files outside its rules, the migrations and the tests that name
#     its property (PascalCase, as C# code names it). Rule content counts as the rules': the rule classes, the
#     indications they share (Rules/Indications.cs) and the released versions' rule lists (Rules/RuleSetCatalog.cs,
#     where a rule class may share a field's name). A line that is only a comment is not counted; the measure is by
#     word, so an enumeration, section or class that shares a field's name counts as naming it. Fields named in more
#     than 3 files are listed with their files.
set -euo pipefail
cd "$(dirname "$0")/.."
domain=src/KetamineCds.Domain
echo "== Domain outside the rule classes and principles (non-blank lines)"
files=$(find "$domain" -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' -not -path "$domain/Principles/*" |
  grep -v -E "^$domain/Rules/[A-Z][A-Za-z]*/" | sort)
conditions=$(find "$domain/Rules/Conditions" -name '*.cs' | sort)
total=0
for f in $files $conditions; do
  n=$(grep -cv '^\s*$' "$f" || true)
  total=$((total + n))
  printf '%5d  %s\n' "$n" "${f#$domain/}"
done
echo "total: $total"
# The same total split three ways: the catalogue's declarations (each field's entry and property, the choice
# enumerations), the released rule sets (the version lists and the indications they share) and the rest (the engine,
# conditions, decision policy, field and rule machinery).
split() { local n=0 f; for f in "$@"; do n=$((n + $(grep -cv '^\s*$' "$f" || true))); done; echo $n; }
declarations=$(split "$domain/Screening/Fields.cs" "$domain/Screening/PatientHistory.cs" $(grep -l '^public enum' "$domain"/Screening/*.cs))
releases=$(split "$domain/Rules/RuleSetCatalog.cs" "$domain/Rules/Indications.cs")
echo "of which: catalogue declarations $declarations, released rule sets $releases, engine and machinery $((total - declarations - releases))"
echo
echo "== Field footprint outside rules, migrations and tests (files naming the property)"
# A line that is only a comment (//, ///, *, @* ... *@) does not count: a doc comment's example names no dependency.
code_files_naming() { grep -rlP --include='*.cs' --include='*.cshtml' "^(?!\s*(//|\*|@\*)).*\b$1\b" src |
  grep -v -E '/obj/|/bin/|/Migrations/|/Rules/[A-Z][A-Za-z]*/|/Rules/Indications.cs|/Rules/RuleSetCatalog.cs'; }
props=$(grep -oP '^\s*public (required )?[^ ]+\?? \K[A-Z][A-Za-z0-9]*(?= \{ get; init; \})' "$domain/Screening/PatientHistory.cs")
for p in $props; do
  printf '%3d  %s\n' "$(code_files_naming "$p" | wc -l)" "$p"
done | sort -rn | head -${FOOTPRINT_TOP:-60}
echo "(files per field: $(for p in $props; do code_files_naming "$p" | wc -l; done | sort -n | uniq -c |
  awk '{printf "%s%s fields in %s files", (NR>1?"; ":""), $1, $2}'))"
echo
echo "== Fields named in more than 3 files, and where"
for p in $props; do
  files=$(code_files_naming "$p")
  [ "$(echo "$files" | grep -c .)" -gt 3 ] && echo "$p: $(echo "$files" | sed 's#^src/KetamineCds\.##' | tr '\n' ' ')"
done
exit 0
