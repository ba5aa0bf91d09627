#!/usr/bin/env bash
# Prints the design measures issue 11 asks for, from the working tree:
#  1. non-blank lines of the Domain outside the rule classes (src/KetamineCds.Domain/Rules/<Topic>/) and the
#     principles, file by file and in total;
#  2. each history field's footprint: the source files outside its rules, the migrations and the tests that name
#     its property (PascalCase, as C# code names it). Rule content counts as the rules': the rule classes, the
#     indications they share (Rules/Indications.cs) and the released versions' rule lists (Rules/RuleSetCatalog.cs,
#     where a rule class may share a field's name).
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
echo
echo "== Field footprint outside rules, migrations and tests (files naming the property)"
props=$(grep -oP '^\s*public (required )?[^ ]+\?? \K[A-Z][A-Za-z0-9]*(?= \{ get; init; \})' "$domain/Screening/PatientHistory.cs")
worst=0
for p in $props; do
  n=$(grep -rlw --include='*.cs' --include='*.cshtml' "$p" src |
    grep -v -E '/obj/|/bin/|/Migrations/|/Rules/[A-Z][A-Za-z]*/|/Rules/Indications.cs|/Rules/RuleSetCatalog.cs' | wc -l)
  [ "$n" -gt "$worst" ] && worst=$n
  printf '%3d  %s\n' "$n" "$p"
done | sort -rn | head -${FOOTPRINT_TOP:-60}
echo "(files per field: $(for p in $props; do grep -rlw --include='*.cs' --include='*.cshtml' "$p" src |
  grep -v -E '/obj/|/bin/|/Migrations/|/Rules/[A-Z][A-Za-z]*/|/Rules/Indications.cs|/Rules/RuleSetCatalog.cs' | wc -l; done | sort -n | uniq -c | awk '{printf "%s%s fields in %s files", (NR>1?"; ":""), $1, $2}'))"

