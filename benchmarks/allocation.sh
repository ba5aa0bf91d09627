#!/usr/bin/env bash
# Measures the bytes the app allocates per created screening (POST /api/v1/screenings answered 201), for the current
# checkout, the way benchmarks/run.sh runs the app: Release build, Production configuration, its own throwaway
# PostgreSQL 15 cluster, the same request bodies (benchmarks/load/make_bodies.py valid 2000).
#
#   benchmarks/allocation.sh [REQUESTS] [CONNECTIONS]     default 20000 requests at 16 connections, 2 rounds
#
# Method: the runtime's own count of the bytes the app has allocated (the System.Runtime meter's
# dotnet.gc.heap.total_allocated, i.e. GC.GetTotalAllocatedBytes), read with `dotnet-counters collect` as one increment
# per second for the whole measurement. After a warm-up (wrk, WARM seconds at 32 connections, as run.sh warms up) the
# app is left idle until the decision log stops growing, and 10 s more; then a client sends exactly REQUESTS POSTs over
# CONNECTIONS keep-alive connections and reads every response; then the app is left idle again; ROUNDS times. Each
# round's bytes (its burst of allocation between idle gaps, see below), divided by the screenings it created (201
# responses, checked against the rows added to the decision log), is that round's figure; the last line is over all
# rounds. The idle allocation (the app with no request, per second) is printed apart and not subtracted.
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
export PATH="$PATH:$HOME/.dotnet/tools"
command -v dotnet-counters >/dev/null || dotnet tool install -g dotnet-counters --version 10.0.750501 >/dev/null
command -v wrk >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null; }

work=$(mktemp -d /tmp/kcds-alloc.XXXXXX)
chmod 755 "$work"
apppid=""
counterspid=""
cleanup() {
  [ -n "$counterspid" ] && kill "$counterspid" 2>/dev/null || true
  [ -n "$apppid" ] && kill "$apppid" 2>/dev/null || true
  bench_pg_ctl kill
  [ "${KEEP_ALLOC_WORK:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT

log "building (Release) at $(git rev-parse --short HEAD)"
dotnet build -c Release -v q -nologo src/KetamineCds.Web/KetamineCds.Web.csproj >/dev/null
webdll="$root/src/KetamineCds.Web/bin/Release/net10.0/KetamineCds.Web.dll"

bench_pg_start

log "starting the app (Production, PostgreSQL) on port $appport"
demo_password="Bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')!A1"
bench_app_start "$appport" app
apppid=$bench_app_pid
token=$(bench_token "$appport" psychiatrist@demo.local)
python3 "$here/load/make_bodies.py" valid 2000 >"$work/valid.jsonl"

log "collecting System.Runtime counters from the app (pid $apppid) once a second"
# dotnet-counters writes its CSV file in blocks of about 10 KB and, stopped by a signal, drops the last block: it
# collects the whole System.Runtime meter, so that a block fills every few seconds, and is stopped only once the file
# holds samples past the last window.
dotnet-counters collect -p "$apppid" --refresh-interval 1 --format csv -o "$work/counters.csv" \
  --counters System.Runtime >"$work/counters.out" 2>&1 &
counterspid=$!
sleep 3

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
send() {
  python3 - "http://127.0.0.1:$appport/api/v1/screenings" "$work/valid.jsonl" "$token" "$requests" "$connections" <<'PY'
import http.client, json, sys, threading, urllib.parse, collections
url, path, token, total, conns = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
u = urllib.parse.urlparse(url)
bodies = [l.rstrip("\n").encode("utf-8") for l in open(path, encoding="utf-8") if l.strip()]
lock = threading.Lock(); counter = [0]; statuses = collections.Counter(); errors = [0]
def worker():
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    while True:
        with lock:
            i = counter[0]
            if i >= total: break
            counter[0] += 1
        body = bodies[i % len(bodies)]
        try:
            c.request("POST", u.path, body, {"Content-Type": "application/json", "Authorization": "Bearer " + token})
            r = c.getresponse(); r.read(); s = str(r.status)
        except Exception:
            s = "error"; c.close(); c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
        with lock: statuses[s] += 1
    c.close()
threads = [threading.Thread(target=worker) for _ in range(conns)]
for t in threads: t.start()
for t in threads: t.join()
print(json.dumps({"requests": total, "statuses": dict(statuses)}))
PY
}

sleep 10
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
created_counts=()
for round in $(seq 1 "$rounds"); do
  before=$(log_count)
  log "round $round: $requests POSTs at $connections connections"
  r=$(send)
  settle
  after=$(log_count)
  created=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["statuses"].get("201", 0))' "$r")
  log "round $round: $r; decision log rows added: $((after - before))"
  [ "$created" = "$((after - before))" ] || log "MISMATCH round $round: 201 responses $created, log rows added $((after - before))"
  created_counts+=("$created")
  sleep 10
done
last_sample() { python3 - "$work/counters.csv" <<'PY'
import datetime, sys
last = 0.0
try:
    for line in open(sys.argv[1], encoding="utf-8"):
        if "total_allocated" in line:
            t = datetime.datetime.strptime(line.split(",")[0], "%m/%d/%Y %H:%M:%S")
            last = (t - datetime.datetime(1970, 1, 1)).total_seconds()
except FileNotFoundError:
    pass
print(int(last))
PY
}
for _ in $(seq 1 120); do
  [ "$(last_sample)" -ge "$(($(date -u +%s) - 2))" ] && break
  sleep 1
done
kill "$counterspid"; wait "$counterspid" 2>/dev/null || true; counterspid=""
load=$(cut -d' ' -f1-3 /proc/loadavg)

# dotnet-counters writes, for each one-second interval, the bytes allocated in it (the difference of the cumulative
# count), stamped with the time it received the sample, which lags on a busy machine. So the windows are not cut by the
# clock: the load phases are the bursts of allocation (samples over 1 MB) between idle gaps of at least 10 s, in order
# the warm-up, then each round (more than 5 samples under 1 MB end a burst). A burst's bytes are the sum of its samples
# from the one before its first sample over 1 MB to the one after its last (idle at both ends, so nothing of the round
# is cut off); the idle allocation is the median sample outside the bursts.
python3 - "$work/counters.csv" "$load_start / $load" "$rounds" "${created_counts[@]}" <<'PY'
import csv, statistics, sys
path, load, rounds, created = sys.argv[1], sys.argv[2], int(sys.argv[3]), [int(n) for n in sys.argv[4:]]
values = []
with open(path, newline="") as f:
    for rec in csv.DictReader(f):
        if rec.get("Counter Name", "").startswith("dotnet.gc.heap.total_allocated"):
            try:
                values.append(float(rec["Mean/Increment"]))
            except (TypeError, ValueError):
                pass
bursts, start, last = [], None, None
for i, v in enumerate(values):
    if v > 1_000_000:
        if start is not None and i - last > 5:
            bursts.append((start, last)); start = None
        if start is None:
            start = i
        last = i
if start is not None:
    bursts.append((start, last))
if len(bursts) != rounds + 1:
    sys.exit("expected %d bursts of allocation (warm-up and %d rounds), found %d: %s" % (rounds + 1, rounds, len(bursts), bursts))
inside = {i for a, b in bursts for i in range(a, b + 1)}
idle = statistics.median(v for i, v in enumerate(values) if i not in inside)
total_bytes = total_created = 0
for n, ((a, b), c) in enumerate(zip(bursts[1:], created), 1):
    a, b = max(0, a - 1), min(len(values) - 1, b + 1)
    bytes_ = sum(values[a:b + 1])
    total_bytes += bytes_; total_created += c
    print("round %d: %d bytes allocated in %d one-second samples for %d created screenings: %.0f bytes per screening (idle allocation over as long: %.0f bytes, %.2f%%, not subtracted)"
          % (n, bytes_, b - a + 1, c, bytes_ / c, idle * (b - a + 1), 100.0 * idle * (b - a + 1) / bytes_))
print("idle allocation: %.0f bytes/s; load average (1, 5, 15 min) at the start / end of the rounds: %s" % (idle, load))
print("bytes allocated per created screening: %d" % round(total_bytes / total_created))
PY
