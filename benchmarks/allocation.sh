#!/usr/bin/env bash
# Measures the bytes the app allocates per created screening (POST /api/v1/screenings answered 201), for the current
# checkout, the way benchmarks/run.sh runs the app: Release build, Production configuration, its own throwaway
# PostgreSQL 15 cluster, the same request bodies (benchmarks/load/make_bodies.py valid 2000).
#
#   benchmarks/allocation.sh [REQUESTS] [CONNECTIONS]     default 20000 requests at 16 connections, 2 rounds
#
# Method: the runtime's own count of the bytes the app has allocated (GC.GetTotalAllocatedBytes, which the System.Runtime
# meter reports as dotnet.gc.heap.total_allocated), read inside the app by a startup hook
# (benchmarks/KetamineCds.AllocationProbe, loaded with DOTNET_STARTUP_HOOKS; the app does not reference it) that appends
# the cumulative count to a file four times a second. After a warm-up (wrk, WARM seconds at 32 connections, as run.sh
# warms up) the app is left idle until the decision log stops growing; the count is read; a client sends exactly
# REQUESTS POSTs over CONNECTIONS keep-alive connections and reads every response; the app is left idle again and the
# count read again; ROUNDS times. Each round's bytes (the difference of the two counts, both read while the app is
# idle), divided by the screenings it created (201 responses, checked against the rows added to the decision log), is
# that round's figure; the last line is over all rounds. The idle allocation (the app with no request, per second,
# measured over 10 s before the rounds) is printed apart and not subtracted.
# (Until 2026-11-29 the count was read with `dotnet-counters collect` as one increment a second; in runs of 20,000
# requests it lost its samples after about 80 s, reporting 0 B/s while the app was loaded. A cumulative count read
# at idle points cannot lose a round's bytes.)
#
# Env: ALLOC_PG_PORT (26432), ALLOC_APP_PORT (26080), WARM (60 s, as run.sh's first warm-up), ROUNDS (2), KETAMINECDS_PG_BIN.
# The last line reads: bytes allocated per created screening: N
set -euo pipefail
requests=${1:-20000}
connections=${2:-16}
warm=${WARM:-60}
rounds=${ROUNDS:-2}
cd "$(dirname "$0")/.."
root=$(pwd)
here="$root/benchmarks"
. "$here/lib/server.sh"
pgbin=${KETAMINECDS_PG_BIN:-/usr/lib/postgresql/15/bin}
pgport=${ALLOC_PG_PORT:-26432}
appport=${ALLOC_APP_PORT:-26080}

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
for p in "$pgport" "$appport"; do
  if ss -ltn | awk '{print $4}' | grep -q ":$p\$"; then log "port $p is in use; set ALLOC_PG_PORT / ALLOC_APP_PORT"; exit 1; fi
done
command -v wrk >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null; }

work=$(mktemp -d /tmp/kcds-alloc.XXXXXX)
chmod 755 "$work"
apppid=""
cleanup() {
  [ -n "$apppid" ] && kill "$apppid" 2>/dev/null || true
  bench_pg_ctl kill
  [ "${KEEP_ALLOC_WORK:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT

log "building (Release) at $(git rev-parse --short HEAD)"
dotnet build -c Release -v q -nologo src/KetamineCds.Web/KetamineCds.Web.csproj >/dev/null
dotnet build -c Release -v q -nologo benchmarks/KetamineCds.AllocationProbe/KetamineCds.AllocationProbe.csproj >/dev/null
webdll="$root/src/KetamineCds.Web/bin/Release/net10.0/KetamineCds.Web.dll"
probedll="$root/benchmarks/KetamineCds.AllocationProbe/bin/Release/net10.0/KetamineCds.AllocationProbe.dll"

bench_pg_start

log "starting the app (Production, PostgreSQL) on port $appport"
demo_password="Bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')!A1"
# DATAS (Server GC's dynamic heap count, on by default since .NET 9) makes the count unreliable: the runtime sums it over
# the heaps active at the moment, so it stalls or drops when a heap is decommissioned (fixed upstream in dotnet/runtime
# PR 131069, not in the 10.0 runtime here). With the heap count fixed it only grows; what the app allocates is the same.
bench_app_start "$appport" app DOTNET_STARTUP_HOOKS="$probedll" KETAMINECDS_ALLOCATION_PROBE="$work/allocated.txt" \
  DOTNET_GCDynamicAdaptationMode=0
apppid=$bench_app_pid
token=$(bench_token "$appport" psychiatrist@demo.local)
python3 "$here/load/make_bodies.py" valid 2000 >"$work/valid.jsonl"

# allocated: the app's cumulative count of bytes allocated, from a reading taken after this call (the probe writes
# four a second, so waiting 0.6 s makes the last line a fresh one).
allocated() {
  sleep 0.6
  tail -n 1 "$work/allocated.txt" | cut -d' ' -f2
}
[ -s "$work/allocated.txt" ] || { log "the allocation probe wrote nothing (is DOTNET_STARTUP_HOOKS honoured?)"; exit 1; }

log "warm-up: wrk ${warm}s at 32 connections"
BODIES="$work/valid.jsonl" TOKEN="$token" TARGET_PATH=/api/v1/screenings \
  wrk -t2 -c32 -d"${warm}"s --timeout 10s -s "$here/load/screening.lua" "http://127.0.0.1:$appport" | grep '^RESULT ' >&2

log_count() { psql_admin -d ketaminecds -c "SELECT count(*) FROM \"DecisionLogEntries\" WHERE \"EntryType\" = 'screening'"; }
settle() { # waits until the decision log has not grown for 2 s, then 3 s more, so that the app is idle
  local previous current
  previous=$(log_count)
  for _ in $(seq 1 60); do
    sleep 2
    current=$(log_count)
    [ "$current" = "$previous" ] && break
    previous=$current
  done
  sleep 3
}
settle

# A fixed number of POSTs over keep-alive connections; every response is read and counted by status.
send() { python3 "$here/load/send_fixed.py" "http://127.0.0.1:$appport/api/v1/screenings" "$work/valid.jsonl" "$token" "$requests" "$connections"; }

idle_from=$(allocated)
sleep 10
idle_per_second=$(( ($(allocated) - idle_from) / 10 ))
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
created_counts=()
allocated_counts=()
round_seconds=()
for round in $(seq 1 "$rounds"); do
  before=$(log_count)
  from=$(allocated)
  started=$(date +%s)
  log "round $round: $requests POSTs at $connections connections"
  r=$(send)
  settle
  to=$(allocated)
  round_seconds+=("$(( $(date +%s) - started ))")
  after=$(log_count)
  created=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["statuses"].get("201", 0))' "$r")
  log "round $round: $r; decision log rows added: $((after - before))"
  [ "$created" = "$((after - before))" ] || log "MISMATCH round $round: 201 responses $created, log rows added $((after - before))"
  created_counts+=("$created")
  allocated_counts+=("$((to - from))")
done
load=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$idle_per_second" "$load_start / $load" "${#created_counts[@]}" "${created_counts[@]}" "${allocated_counts[@]}" "${round_seconds[@]}" <<'PY'
import sys
idle, load, rounds = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
rest = [int(n) for n in sys.argv[4:]]
created, allocated, seconds = rest[:rounds], rest[rounds:2 * rounds], rest[2 * rounds:]
for n, (c, b, s) in enumerate(zip(created, allocated, seconds), 1):
    print("round %d: %d bytes allocated in %d s for %d created screenings: %.0f bytes per screening (idle allocation over as long: %d bytes, %.2f%%, not subtracted)"
          % (n, b, s, c, b / c, idle * s, 100.0 * idle * s / b))
print("idle allocation: %d bytes/s; load average (1, 5, 15 min) at the start / end of the rounds: %s" % (idle, load))
print("bytes allocated per created screening: %d" % round(sum(allocated) / sum(created)))
PY
