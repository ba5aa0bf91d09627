#!/usr/bin/env bash
# Runs every test of the solution. Sets up what the tests need on a fresh Debian 12 machine first:
# PostgreSQL 15 server binaries (the tests start their own throwaway clusters), Debian's Chromium for the
# browser tests and its fonts (fonts-noto-cjk for the Chinese print, fonts-dejavu-extra for the condensed print face), and the npm packages the browser tests inject (axe-core).
# Ends with one line of totals over all test projects, read from the test results: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

need_apt=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || need_apt+=(postgresql-15)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# The Chinese print embeds a CJK font; without one Chromium draws boxes (the browser tests check the PDF's font).
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || need_apt+=(fonts-noto-cjk)
command -v runuser >/dev/null || need_apt+=(util-linux)
command -v pdftotext >/dev/null || need_apt+=(poppler-utils)
# The CDS Hooks first-call test runs the documented key and token commands (docs/cds-hooks.md).
command -v openssl >/dev/null || need_apt+=(openssl)
command -v python3 >/dev/null || need_apt+=(python3)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "scripts/test.sh: missing ${need_apt[*]}; run as root or install them with apt-get" >&2
    exit 1
  fi
  echo "Installing ${need_apt[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" fonts-dejavu-core >/dev/null
fi
id postgres >/dev/null 2>&1 || { echo "scripts/test.sh: no postgres user after installing postgresql-15" >&2; exit 1; }

# Browser tests inject axe-core from npm.
if [ -f tests/KetamineCds.IntegrationTests/package.json ]; then
  (cd tests/KetamineCds.IntegrationTests && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export KETAMINECDS_CHROMIUM=/usr/bin/chromium
export KETAMINECDS_PG_BIN=/usr/lib/postgresql/15/bin
# In CI a missing PostgreSQL or Chromium fails the tests; it is never a skip.
export KETAMINECDS_REQUIRE_INFRASTRUCTURE=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
# Hundreds of in-process test hosts each watch their configuration files: without this, Linux's default of 128
# inotify instances per user runs out when two test runs share a machine (500s and IOExceptions, not test failures).
export DOTNET_hostBuilder__reloadConfigOnChange=false
if [ "$(id -u)" -eq 0 ] && [ "$(cat /proc/sys/fs/inotify/max_user_instances 2>/dev/null || echo 1024)" -lt 1024 ]; then
  sysctl -q -w fs.inotify.max_user_instances=1024 2>/dev/null || true
fi
export DOTNET_NOLOGO=1

results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"

status=0
dotnet test KetamineCds.sln --configuration Release \
  --logger "trx" --results-directory "$results" \
  -- RunConfiguration.TreatNoTestsAsError=false || status=$?

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); p=${p:-0}
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=${f:-0}
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters"); e=${e:-0}
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); t=${t:-0}
  x=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters"); x=${x:-0}
  passed=$((passed + p)); failed=$((failed + f + e)); skipped=$((skipped + t - x))
done
if [ "$files" -eq 0 ] && [ "$status" -ne 0 ]; then
  failed=$((failed + 1))
  echo "The test run did not produce results (build failure?)." >&2
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # dotnet test failed without a failing test (a crashed test host, for example): count it as a failure.
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
