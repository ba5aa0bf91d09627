#!/usr/bin/env bash
# Prints the design measures issue 11 asks for, from the working tree (or, with --at REV, the Domain's lines at an earlier
# commit, to compare with the issue's own baseline):
#  1. the lines of the Domain outside the rule classes (src/KetamineCds.Domain/Rules/<Topic>/) and the principles, file
#     by file and in total, in two units: non-blank lines, and code lines (non-blank lines that are not only a comment,
#     as cloc counts "code"; the issue's "about 1,790" is this unit: `--at 2224258` gives 1,789);
#  2. each history field's footprint: the source files outside its rules, the migrations and the tests that name
#     its property (PascalCase, as C# code names it). Rule content counts as the rules': the rule classes, the
#     indications they share (Rules/Indications.cs) and the released versions' rule lists (Rules/RuleSetCatalog.cs,
#     where a rule class may share a field's name). A line that is only a comment is not counted; the measure is by
#     word, so an enumeration, section or class that shares a field's name counts as naming it. Fields named in more
#     than 3 files are listed with their files. Translations are not counted: every field also has its Chinese label
#     and help in src/KetamineCds.Web/Resources/Localization/ClinicalText.zh-Hans.resx (keys Field.<wireName>.*,
#     camelCase), so a plain field is the 2 files printed here plus that one entry (docs/contributing.md; QA121 F12).
set -euo pipefail
cd "$(dirname "$0")/.."
at=""
if [ "${1:-}" = "--at" ]; then
  at=$(git rev-parse --verify "${2:?--at needs a commit}^{commit}")
  tree=$(mktemp -d)
  trap 'rm -rf "$tree"' EXIT
  git archive "$at" src/KetamineCds.Domain | tar -x -C "$tree"
  cd "$tree"
fi
domain=src/KetamineCds.Domain
nonblank() { grep -cv '^\s*$' "$1" || true; }
# A comment-only line: //, ///, or a line of a /* ... */ block (starting with /* or *).
code() { grep -v '^\s*$' "$1" | grep -cvE '^\s*(//|/\*|\*)' || true; }
echo "== Domain outside the rule classes and principles${at:+ at ${at:0:7}} (non-blank lines, code lines)"
files=$(find "$domain" -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' -not -path "$domain/Principles/*" |
  grep -v -E "^$domain/Rules/[A-Z][A-Za-z]*/" | sort)
conditions=$(find "$domain/Rules/Conditions" -name '*.cs' | sort)
total=0
total_code=0
for f in $files $conditions; do
  n=$(nonblank "$f")
  c=$(code "$f")
  total=$((total + n))
  total_code=$((total_code + c))
  printf '%5d %5d  %s\n' "$n" "$c" "${f#$domain/}"
done
echo "total: $total non-blank lines, $total_code code lines"
[ -n "$at" ] && exit 0
# The same totals split three ways: the catalogue's declarations (each field's entry and property, the choice
# enumerations), the released rule sets (the version lists and the indications they share) and the rest (the engine,
# conditions, decision policy, field and rule machinery).
split() { local unit=$1 n=0 f; shift; for f in "$@"; do n=$((n + $($unit "$f"))); done; echo $n; }
declaration_files="$domain/Screening/Fields.cs $domain/Screening/PatientHistory.cs $(grep -l '^public enum' "$domain"/Screening/*.cs | tr '\n' ' ')"
release_files="$domain/Rules/RuleSetCatalog.cs $domain/Rules/Indications.cs"
for unit in nonblank code; do
  # shellcheck disable=SC2086
  declarations=$(split $unit $declaration_files)
  # shellcheck disable=SC2086
  releases=$(split $unit $release_files)
  all=$([ $unit = nonblank ] && echo $total || echo $total_code)
  echo "of which ($([ $unit = nonblank ] && echo non-blank || echo code) lines): catalogue declarations $declarations, released rule sets $releases, engine and machinery $((all - declarations - releases))"
done
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
