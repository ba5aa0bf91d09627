#!/usr/bin/env bash
# Runs every load, resilience and scale harness against a throwaway PostgreSQL 15 cluster that it starts itself,
# and writes the figures into docs/benchmarks.md (between the "load" markers) with the machine, date and commands.
#
#   benchmarks/run.sh           everything (about 35 minutes: throughput, two instances, outage, bad input,
#                               10-minute soak, engine micro-benchmarks, 1,000,000-entry scale run)
#   benchmarks/run.sh --quick   a subset in under 5 minutes (short throughput runs, outage, bad input)
#   benchmarks/run.sh --serve   only starts PostgreSQL, the app and the baseline, prints how to reach them and waits
#                               (for profiling with wrk, dotnet-counters, dotnet-trace and pg_stat_statements)
#
# The last line reads: screening-api/raw-insert throughput ratio: X.XX (p99 Y ms)
set -euo pipefail
quick=0
serve=0
[ "${1:-}" = "--quick" ] && quick=1
[ "${1:-}" = "--serve" ] && serve=1
cd "$(dirname "$0")/.."
root=$(pwd)
here="$root/benchmarks"
. "$here/lib/server.sh"

pgbin=${KETAMINECDS_PG_BIN:-/usr/lib/postgresql/15/bin}
pkgs=()
[ -x "$pgbin/initdb" ] || pkgs+=(postgresql-15)
command -v wrk >/dev/null || pkgs+=(wrk)
command -v nginx >/dev/null || pkgs+=(nginx)
command -v curl >/dev/null || pkgs+=(curl)
if [ ${#pkgs[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
fi

work=$(mktemp -d /tmp/kcds-bench.XXXXXX)
chmod 755 "$work"
pgport=${BENCH_PG_PORT:-25432}
app1=${BENCH_APP1_PORT:-25080}
app2=${BENCH_APP2_PORT:-25081}
lb=${BENCH_LB_PORT:-25088}
raw=${BENCH_RAW_PORT:-25090}
pids=()
results="$work/results.txt"
: >"$results"

# Kernel writeback like a database server's: by default Linux lets dirty page cache grow to 10% of RAM (2.4 GB here)
# and writes it out in bursts (every 30 s, or when the threshold is crossed); a WAL flush (fdatasync) issued during
# such a burst waited 100-430 ms behind it, and every commit with it. That was the tail of the throughput runs' p99
# (docs/benchmarks.md). Start background writeback at 8 MB instead, for this run; the old values come back on exit.
old_dirty_bytes=""
if [ -w /proc/sys/vm/dirty_background_bytes ]; then
  old_dirty_bytes=$(cat /proc/sys/vm/dirty_background_bytes)
  old_dirty_ratio=$(cat /proc/sys/vm/dirty_background_ratio)
  echo $((8 * 1024 * 1024)) >/proc/sys/vm/dirty_background_bytes
fi
restore_writeback() {
  [ -n "$old_dirty_bytes" ] || return 0
  if [ "$old_dirty_bytes" != 0 ]; then echo "$old_dirty_bytes" >/proc/sys/vm/dirty_background_bytes
  else echo "$old_dirty_ratio" >/proc/sys/vm/dirty_background_ratio; fi
}

cleanup() {
  restore_writeback || true
  for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  bench_pg_ctl kill
  [ "${KEEP_BENCH_WORK:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
record() { printf '%s\n' "$*" | tee -a "$results"; }
json_field() { python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(eval("d"+sys.argv[2]))' "$1" "$2"; }

log "building (Release)"
dotnet build -c Release -v q -nologo src/KetamineCds.Web/KetamineCds.Web.csproj >/dev/null
dotnet build -c Release -v q -nologo benchmarks/KetamineCds.RawInsertBaseline/KetamineCds.RawInsertBaseline.csproj >/dev/null
dotnet build -c Release -v q -nologo benchmarks/KetamineCds.LoadClient/KetamineCds.LoadClient.csproj >/dev/null
webdll="$root/src/KetamineCds.Web/bin/Release/net10.0/KetamineCds.Web.dll"
rawdll="$root/benchmarks/KetamineCds.RawInsertBaseline/bin/Release/net10.0/KetamineCds.RawInsertBaseline.dll"
clientdll="$root/benchmarks/KetamineCds.LoadClient/bin/Release/net10.0/KetamineCds.LoadClient.dll"

# ---------------------------------------------------------------- PostgreSQL
# Statements (COMMIT included) slower than 50 ms are logged, without their parameters, and counted per run.
bench_pg_start "shared_preload_libraries = 'pg_stat_statements'" "log_min_duration_statement = 50" "log_parameter_max_length = 0"
psql_admin -d postgres -c "CREATE DATABASE baseline OWNER kcds_owner"
psql_admin -d ketaminecds -c "CREATE EXTENSION pg_stat_statements"

demo_password="Bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')!A1"
start_app() { # port name
  bench_app_start "$1" "$2" CdsHooks__Clients__0__Issuer=https://bench-ehr.example CdsHooks__Clients__0__JwksPath="$work/bench-ehr.jwks.json"
  pids+=("$bench_app_pid")
}

# The CDS Hooks scenario's EHR: a key pair the app trusts (its JWKS) and the load client signs with.
dotnet "$clientdll" --make-cds-hooks-key "$work"
# Real prefetch bundles: the patient-view samples (FHIR sample bundles of a chart each), one request per line, moved
# to now as SampleDates.MovedTo does for the tests and SendSamples: a reading (a date-time with its offset) by the time
# since 2026-11-28T09:15-05:00, so the morning's blood pressure is 35 minutes old and never in the future (which the
# service does not read); a date alone by the days to today's UTC date.
python3 - "$root"/samples/cds-hooks/requests/patient-view-*.json >"$work/hooks.jsonl" <<'PY'
import datetime, json, re, sys
now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
shift = now - datetime.datetime(2026, 11, 28, 9, 15, tzinfo=datetime.timezone(datetime.timedelta(hours=-5)))
days = datetime.timedelta(days=(now.date() - datetime.date(2026, 11, 28)).days)
def reading(m):
    at = datetime.datetime.fromisoformat(m.group().replace("Z", "+00:00")) + shift
    return at.strftime("%Y-%m-%dT%H:%M:%S") + ("Z" if m.group().endswith("Z") else at.strftime("%z")[:3] + ":" + at.strftime("%z")[3:])
for name in sys.argv[1:]:
    text = re.sub(r'(?<=")\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})(?=")', reading, open(name).read())
    text = re.sub(r'(?<=")\d{4}-\d{2}-\d{2}(?=")', lambda m: (datetime.date.fromisoformat(m.group()) + days).isoformat(), text)
    print(json.dumps(json.loads(text), separators=(",", ":")))
PY
log "starting the app (instance 1) and the raw-insert baseline"
start_app "$app1" app1
ConnectionStrings__Baseline="Host=127.0.0.1;Port=$pgport;Database=baseline;Username=kcds_owner;Password=bench-owner;Maximum Pool Size=120" \
  Baseline__PaddingBytes=${BENCH_PADDING_BYTES:-6000} \
  dotnet "$rawdll" --urls "http://127.0.0.1:$raw" >"$work/raw.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do curl -fsS -o /dev/null "http://127.0.0.1:$raw/raw/count" 2>/dev/null && break; sleep 0.5; done

token=$(bench_token "$app1" psychiatrist@demo.local)
auditor_token=$(bench_token "$app1" auditor@demo.local)
export TOKEN="$token"

python3 "$here/load/make_bodies.py" valid 2000 >"$work/valid.jsonl"
python3 "$here/load/make_bodies.py" malformed 10500 >"$work/malformed.jsonl"

if [ $serve = 1 ]; then
  cat >"$work/serve.env" <<ENV
export TOKEN=$token
export AUDITOR_TOKEN=$auditor_token
export BODIES=$work/valid.jsonl
export APP=http://127.0.0.1:$app1
export RAW=http://127.0.0.1:$raw
export PGURL="host=127.0.0.1 port=$pgport user=postgres dbname=ketaminecds"
export APP_PID=${pids[0]}
ENV
  log "serving; source $work/serve.env, then for example:"
  log "  TARGET_PATH=/api/v1/screenings wrk -t2 -c32 -d20s --latency -s $here/load/screening.lua \$APP"
  log "  psql \"\$PGURL\" -c 'SELECT calls, mean_exec_time, query FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 10'"
  log "stop with Ctrl-C (or kill $$)"
  echo "$work/serve.env"
  trap "exit 0" TERM INT
  while true; do sleep 1; done
fi

log_count() { psql_admin -d ketaminecds -c "SELECT count(*) FROM \"DecisionLogEntries\" WHERE \"EntryType\" = 'screening'"; }
# The count once the requests a finished load left in flight have committed (wrk stops at its deadline without waiting
# for them): taken before a measured run, so that the warm-up's last entries are not counted as the run's.
settled_log_count() {
  local previous current
  previous=$(log_count)
  for _ in $(seq 1 40); do
    sleep 0.25
    current=$(log_count)
    [ "$current" = "$previous" ] && { echo "$current"; return; }
    previous=$current
  done
  echo "$current"
}
hook_answer_count() { psql_admin -d ketaminecds -c "SELECT count(*) FROM \"DecisionLogEntries\" WHERE \"EntryType\" = 'hook-answer'"; }
verify() { curl -fsS -H 'X-Forwarded-Proto: https' -H "Authorization: Bearer $auditor_token" "http://127.0.0.1:$app1/api/v1/audit/verify"; }
wrk_run() { # url connections seconds label [extra env...]
  local out
  out=$(BODIES="${BODIES:-$work/valid.jsonl}" wrk -t2 -c"$2" -d"$3"s --timeout 10s --latency -s "$here/load/screening.lua" "$1" | grep '^RESULT ' | sed 's/^RESULT //')
  echo "$out"
}
# The closed-loop client reads every response before it stops, so its 201 count can be compared exactly with the log.
client_run() { # url connections seconds
  dotnet "$clientdll" "$1" "$2" "$3" "${BODIES:-$work/valid.jsonl}" "$TOKEN" | grep '^RESULT ' | sed 's/^RESULT //'
}
# CPU time per request of the app process and of all PostgreSQL processes (from /proc), and the machine's idle
# share, over one run: where a throughput gap comes from on a machine whose cores they share.
ticks() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14+$15}' "/proc/$p/stat"))); done; echo "$t"; }
cpu_start() { cpu_pid=$1; cpu_a=$(ticks "$1"); cpu_p=$(ticks $(pgrep -u postgres postgres)); cpu_s=$(awk '/^cpu /{print $2+$3+$4+$6+$7+$8, $5}' /proc/stat); }
cpu_stop() { # label connections result
  local a p s
  a=$(ticks "$cpu_pid"); p=$(ticks $(pgrep -u postgres postgres)); s=$(awk '/^cpu /{print $2+$3+$4+$6+$7+$8, $5}' /proc/stat)
  python3 - "$3" "$cpu_a" "$a" "$cpu_p" "$p" "$cpu_s" "$s" "$1" "$2" <<'PY' | tee -a "$results"
import json, os, sys
r = json.loads(sys.argv[1]); n = max(1, r["requests"]); hz = os.sysconf("SC_CLK_TCK")
a0, a1, p0, p1 = map(int, sys.argv[2:6]); b0, i0 = map(int, sys.argv[6].split()); b1, i1 = map(int, sys.argv[7].split())
ms = lambda t: 1000.0 * t / hz / n
print("cpu-per-request %s c=%s: app %.3f ms, postgres %.3f ms, whole machine busy %.3f ms; machine idle %.0f%%"
      % (sys.argv[8], sys.argv[9], ms(a1 - a0), ms(p1 - p0), ms(b1 - b0), 100.0 * (i1 - i0) / max(1, (b1 - b0) + (i1 - i0))))
PY
}
# How many statements PostgreSQL has logged as slower than 50 ms so far (differences give a run's count).
slow_statements() { grep -c 'duration: ' "$work/pg/log" || true; }
created() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])["statuses"].get("201",0))' "$1"; }
count_5xx() { python3 -c 'import json,sys; s=json.loads(sys.argv[1])["statuses"]; print(sum(v for k,v in s.items() if k.startswith("5") and not k.startswith("503")))' "$1"; }

duration=$([ $quick = 1 ] && echo 10 || echo 30)
warm=$([ $quick = 1 ] && echo 3 || echo 10)

# ---------------------------------------------------------------- 1+2. Throughput against the limit, nothing lost
declare -A api_rps api_p99 raw_rps raw_p99
# The JIT keeps tiering the app's code up for about a minute under load; the first warm-up is longer so that the
# figures are the steady state's.
first_warm=$([ $quick = 1 ] && echo 20 || echo 60)
log "first warm-up of the app: ${first_warm}s at 32 connections"
TARGET_PATH=/api/v1/screenings wrk_run "http://127.0.0.1:$app1" 32 "$first_warm" >/dev/null
# A server in service reuses its WAL segments (a checkpoint renames old ones for reuse); a fresh cluster creates a new
# one every 16 MB. Checkpoint after the first warm-up so that the measured runs write into recycled segments.
psql_admin -d postgres -c CHECKPOINT
for c in 32 128; do
  log "warm-up ${warm}s at $c connections"
  TARGET_PATH=/api/v1/screenings wrk_run "http://127.0.0.1:$app1" "$c" "$warm" >/dev/null
  TARGET_PATH=/raw TOKEN= wrk_run "http://127.0.0.1:$raw" "$c" "$warm" >/dev/null
  before=$(settled_log_count)
  log "screening API: ${duration}s at $c connections"
  cpu_start "${pids[0]}"
  slow=$(slow_statements)
  r=$(TARGET_PATH=/api/v1/screenings wrk_run "http://127.0.0.1:$app1" "$c" "$duration")
  cpu_stop "screening-api" "$c" "$r"
  slow=$(($(slow_statements) - slow))
  after=$(log_count)
  in_flight=$((after - before - $(created "$r")))
  record "screening-api c=$c $r log_entries_added=$((after - before)) in_flight_at_stop=$in_flight pg_statements_over_50ms=$slow"
  api_rps[$c]=$(json_field "$r" '["rps"]'); api_p99[$c]=$(json_field "$r" '["p99_ms"]')
  [ "$c" = 32 ] && api32=$r
  # wrk drops the responses in flight at its deadline: the log may hold up to one more entry per connection, never fewer.
  { [ "$in_flight" -ge 0 ] && [ "$in_flight" -le "$c" ]; } || record "MISMATCH c=$c: 201 responses $(created "$r") vs log entries $((after - before))"
  log "raw-insert baseline: ${duration}s at $c connections"
  cpu_start "${pids[1]}"
  slow=$(slow_statements)
  r=$(TARGET_PATH=/raw TOKEN= wrk_run "http://127.0.0.1:$raw" "$c" "$duration")
  cpu_stop "raw-insert" "$c" "$r"
  record "raw-insert c=$c $r pg_statements_over_50ms=$(($(slow_statements) - slow))"
  raw_rps[$c]=$(json_field "$r" '["rps"]'); raw_p99[$c]=$(json_field "$r" '["p99_ms"]')
done
before=$(settled_log_count)
r=$(client_run "http://127.0.0.1:$app1/api/v1/screenings" 32 "$duration")
after=$(log_count)
record "nothing-lost c=32 $r log_entries_added=$((after - before))"
[ "$(created "$r")" = "$((after - before))" ] && record "nothing lost: 201 responses = log entries = $((after - before))" \
  || record "MISMATCH nothing-lost: 201 responses $(created "$r") != log entries $((after - before))"
record "verify after throughput: $(verify)"

# ---------------------------------------------------------------- CDS Hooks: patient-view with real prefetch bundles
# Each call carries a new ES384 client JWT (validated, its jti inserted), reads the FHIR, records its answer in the
# decision log, stores the prefill and the card, and answers the card. Target: p99 <= 100 ms at 16 concurrent calls.
hooks_url="http://127.0.0.1:$app1/cds-services/ketamine-screening-patient-view"
log "CDS Hooks warm-up ${warm}s, then ${duration}s at 16 concurrent calls"
CDS_HOOKS_KEY="$work/bench-ehr.private.jwk.json" CDS_HOOKS_ISSUER=https://bench-ehr.example BODIES="$work/hooks.jsonl" TOKEN= client_run "$hooks_url" 16 "$warm" >/dev/null
before=$(hook_answer_count)
r=$(CDS_HOOKS_KEY="$work/bench-ehr.private.jwk.json" CDS_HOOKS_ISSUER=https://bench-ehr.example BODIES="$work/hooks.jsonl" TOKEN= client_run "$hooks_url" 16 "$duration")
after=$(hook_answer_count)
record "cds-hooks c=16 $r hook_answers_recorded=$((after - before))"
[ "$(json_field "$r" '["statuses"].get("200",0)')" = "$((after - before))" ] || record "MISMATCH cds-hooks: 200 responses $(json_field "$r" '["statuses"].get("200",0)') != hook answers recorded $((after - before))"
record "cds-hooks patient-view p99 at 16 concurrent calls: $(json_field "$r" '["p99_ms"]') ms (target <= 100 ms)"

# ---------------------------------------------------------------- 3. Two instances behind nginx
log "two app instances behind nginx"
start_app "$app2" app2
cat >"$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx-body;
  proxy_temp_path $work/nginx-proxy;
  fastcgi_temp_path $work/nginx-fastcgi;
  uwsgi_temp_path $work/nginx-uwsgi;
  scgi_temp_path $work/nginx-scgi;
  upstream app { server 127.0.0.1:$app1; server 127.0.0.1:$app2; keepalive 256; }
  server {
    listen 127.0.0.1:$lb;
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
    }
  }
}
CONF
nginx -c "$work/nginx.conf"
log "warm-up of the second instance through nginx: $((first_warm / 2))s"
TARGET_PATH=/api/v1/screenings wrk_run "http://127.0.0.1:$lb" 64 "$((first_warm / 2))" >/dev/null
before=$(settled_log_count)
r=$(client_run "http://127.0.0.1:$lb/api/v1/screenings" 64 "$duration")
after=$(log_count)
record "two-instances c=64 $r log_entries_added=$((after - before))"
[ "$(created "$r")" = "$((after - before))" ] || record "MISMATCH two instances: 201 responses $(created "$r") != log entries $((after - before))"
record "verify after two instances: $(verify)"

# ---------------------------------------------------------------- 4. Database outage
outage_run=$([ $quick = 1 ] && echo 30 || echo 40)
log "database outage: ${outage_run}s run, PostgreSQL stopped for 10s after 10s"
before=$(settled_log_count)
# The app log from here to the end of the outage is what an operator reads while the database is down (check_app_log.py).
outage_log_from=$(stat -c %s "$work/app1.log")
( client_run "http://127.0.0.1:$app1/api/v1/screenings" 32 "$outage_run" >"$work/outage.json" ) &
wrkpid=$!
sleep 10
bench_pg_ctl stop
down_at=$(date +%s.%N)
sleep 10
bench_pg_ctl start
up_at=$(date +%s.%N)
recovered=""
body=$(head -n 1 "$work/valid.jsonl")
for _ in $(seq 1 200); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Forwarded-Proto: https' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$app1/api/v1/screenings" || true)
  if [ "$code" = 201 ]; then recovered=$(date +%s.%N); break; fi
  sleep 0.1
done
wait "$wrkpid"
r=$(cat "$work/outage.json")
after=$(log_count)
probe=$([ -n "$recovered" ] && echo 1 || echo 0)
record "outage c=32 $r log_entries_added=$((after - before)) probe_created=$probe"
record "outage recovery seconds after database start: $(python3 -c "print(round($recovered - $up_at, 2) if '$recovered' else 'never')")"
# Every 201 must have its entry. A request whose commit was under way when the database stopped is answered 503 "could
# not be confirmed as saved" (the client counts it as 503-unconfirmed): its entry may exist. Nothing else may.
shown=$(( $(created "$r") + probe )); stored=$((after - before))
unconfirmed=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["statuses"].get("503-unconfirmed",0))' "$r")
if [ "$stored" = "$shown" ]; then
  record "outage: 201 responses = log entries = $stored"
elif [ "$stored" -gt "$shown" ] && [ $((stored - shown)) -le "$unconfirmed" ]; then
  record "outage: every 201 has its entry; $((stored - shown)) entries more than 201s, within the $unconfirmed requests answered 503 'could not be confirmed as saved' (their commit was under way when the database stopped)"
else
  record "MISMATCH outage: 201 responses $shown, log entries $stored, unconfirmed 503s $unconfirmed"
fi
record "outage 5xx other than 503: $(count_5xx "$r")"
# No response may carry a stack trace; the log holds one line per refusal, the stack once per outage, and nothing else
# with a stack (an unexpected exception) anywhere so far. The console logger writes from a queue: give it a moment.
record "outage: responses with a stack trace: $(json_field "$r" '["stack_traces_in_bodies"]')"
sleep 1
python3 "$here/load/check_app_log.py" "$work/app1.log" "$outage_log_from" "$(stat -c %s "$work/app1.log")" | tee -a "$results"
record "verify after outage: $(verify)"

# ---------------------------------------------------------------- 5. Bad input at volume
log "bad input: $(wc -l <"$work/malformed.jsonl") malformed requests"
before=$(settled_log_count)
python3 - "$work/malformed.jsonl" "http://127.0.0.1:$app1/api/v1/screenings" "$token" <<'PY' | tee -a "$results"
import json, sys, urllib.request, urllib.error, collections, concurrent.futures
path, url, token = sys.argv[1], sys.argv[2], sys.argv[3]
bodies = [line.rstrip("\n") for line in open(path, encoding="utf-8", errors="surrogatepass")]
def send(body):
    req = urllib.request.Request(url, data=body.encode("utf-8", "surrogatepass"), method="POST",
        headers={"Content-Type": "application/json", "Authorization": "Bearer " + token, "X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except Exception as e:
        return "error:" + type(e).__name__, b""
codes = collections.Counter(); traces = 0
with concurrent.futures.ThreadPoolExecutor(16) as pool:
    for status, body in pool.map(send, bodies):
        codes[str(status)] += 1
        if b"   at " in body or b"Exception" in body:
            traces += 1
print("bad-input requests=%d statuses=%s stack_traces_in_bodies=%d" % (len(bodies), dict(codes), traces))
PY
after=$(log_count)
record "bad-input log_entries_added=$((after - before))"

# ---------------------------------------------------------------- 6. Soak
if [ $quick = 0 ]; then
  half=$(python3 -c "print(max(1, int(${api_rps[32]} / 2)))")
  # wrk waits PACE_MS after each response, so a connection's cycle is the pace plus the response time: take the
  # response time at full load (p50 at 32 connections) off the interval that gives half the maximum.
  api_p50=$(json_field "$api32" '["p50_ms"]')
  pace=$(python3 -c "print(max(1, int(32 * 1000 / $half - $api_p50)))")
  log "soak: 10 minutes at about $half requests/s (32 connections, ${pace} ms between requests each)"
  apppid=${pids[0]}
  for minute in $(seq 1 10); do
    slow=$(slow_statements)
    r=$(PACE_MS=$pace TARGET_PATH=/api/v1/screenings wrk_run "http://127.0.0.1:$app1" 32 60)
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$apppid/status")
    record "soak minute=$minute rss_kb=$rss $r pg_statements_over_50ms=$(($(slow_statements) - slow))"
  done
  record "verify after soak: $(verify)"
  # Minute 1 is the warm-up; the working set and p99 of minutes 2-10 are compared with minute 2's.
  python3 - "$results" <<'PY' | tee -a "$results"
import json, re, sys
rows = []
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"^soak minute=(\d+) rss_kb=(\d+) (\{.*\})( .*)?$", line.strip())
    if m:
        rows.append((int(m.group(1)), int(m.group(2)), json.loads(m.group(3))))
after = [r for r in rows if r[0] >= 2]
if after:
    base_rss, base_p99 = after[0][1], after[0][2]["p99_ms"]
    drift = max(abs(r[1] - base_rss) / base_rss for r in after) * 100
    p99s = [r[2]["p99_ms"] for r in after]
    errors = sum(v for r in rows for k, v in r[2]["statuses"].items() if k != "201") + sum(r[2]["socket_errors"] for r in rows)
    print("soak working set: minute 2 %d MiB, largest change over minutes 2-10 %.1f%% (target within 10%%): %s"
          % (base_rss // 1024, drift, "met" if drift <= 10 else "NOT met"))
    print("soak p99: minute 2 %.1f ms, minutes 2-10 from %.1f to %.1f ms, last minute %.1f ms; non-201 responses and socket errors: %d"
          % (base_p99, min(p99s), max(p99s), p99s[-1], errors))
PY
fi

# ---------------------------------------------------------------- 7. Scale and the engine (full run only)
if [ $quick = 0 ]; then
  log "stopping the load-test apps before the scale run"
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  pids=()
  log "decision log at 1,000,000 screenings (the harness starts its own PostgreSQL cluster)"
  dotnet run -c Release --project "$here/KetamineCds.DecisionLogBenchmarks" -- 1000000 >"$work/scale.txt" 2>&1 || record "scale run failed"
  grep -v '^  loaded ' "$work/scale.txt" | tail -n 30 | sed 's/^/scale: /' | tee -a "$results" >&2
  log "screening engine micro-benchmarks (BenchmarkDotNet)"
  (cd "$root" && dotnet run -c Release --project benchmarks/KetamineCds.Benchmarks -- --filter '*' >"$work/engine.txt" 2>&1) || true
  grep -E '^\|' "$work/engine.txt" | tail -n 5 | tee -a "$results" >&2 || true
fi

# ---------------------------------------------------------------- summary into docs/benchmarks.md
ratio=$(python3 -c "print('%.2f' % (${api_rps[32]} / ${raw_rps[32]}))")
python3 "$here/load/write_report.py" "$results" "$root/docs/benchmarks.md" "$quick"
echo "screening-api/raw-insert throughput ratio: $ratio (p99 ${api_p99[32]} ms)"
