#!/usr/bin/env bash
# CPU per created screening, A/B between checkouts on a shared (noisy) machine (docs/benchmarks.md, 2026-11-30).
#
#   benchmarks/cpu-ab.sh ROUNDS REQUESTS CONNECTIONS label=/path/to/checkout [label=/path/to/checkout ...]
#   e.g. benchmarks/cpu-ab.sh 6 5000 16 old=/work/old main=/work/main     (each checkout built in Release first)
#
# Starts one PostgreSQL 15 cluster (pg_stat_statements), one database and one app per label (Production, configured
# as benchmarks/lib/server.sh does), warms each with wrk (WARM seconds at 32 connections), then alternates rounds:
# exactly REQUESTS POSTs per app per round (benchmarks/load/send_fixed.py, every response read). Per round and label it
# prints the app's CPU time (utime+stime from /proc/PID/stat) per 201, the cluster's (postmaster with its reaped
# children, plus live children), and pg_stat_statements' statements and execution time per 201. CPU time per request
# survives other processes' load far better than requests per second; take the median of rounds 2 onwards.
# Env: WARM (60), H105_PG_PORT (25260), H105_APP_PORT (25250, +1 per label), H105_WORK (results folder),
# EXTRA_ENV / EXTRA_ENV_<label> (more VAR=value for all apps / one app), SERVE=1 (start, warm and wait, for profiling).
set -euo pipefail
rounds=$1; requests=$2; conns=$3; shift 3
pgbin=/usr/lib/postgresql/15/bin
pgport=${H105_PG_PORT:-25260}
baseport=${H105_APP_PORT:-25250}
warm=${WARM:-60}
here=$(cd "$(dirname "$0")" && pwd)
work=${H105_WORK:-$(mktemp -d /tmp/kcds-cpu-ab.XXXXXX)}
mkdir -p "$work"; chmod 755 "$work"
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
apps=(); labels=(); roots=()
# The cluster as run.sh and allocation.sh start it (benchmarks/lib/server.sh), with pg_stat_statements.
# shellcheck source=lib/server.sh
source "$here/lib/server.sh"
cleanup() { for p in "${apps[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; bench_pg_ctl kill; }
trap cleanup EXIT
bench_pg_start "shared_preload_libraries = 'pg_stat_statements'" "pg_stat_statements.track = all"
psql_admin -d postgres -c "CREATE EXTENSION pg_stat_statements"
demo_password="Bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')!A1"
i=0
for spec in "$@"; do
  label=${spec%%=*}; root=${spec#*=}; root=${root%%=*}; port=$((baseport + i)); db="k_$label"
  psql_admin -d postgres -c "CREATE DATABASE $db OWNER kcds_owner"
  env ASPNETCORE_ENVIRONMENT=Production AllowedHosts="127.0.0.1;localhost" \
    ForwardedHeaders__Enabled=true ForwardedHeaders__KnownProxies=127.0.0.1 \
    Database__Provider=postgres Database__AppRole=kcds_app \
    ConnectionStrings__KetamineCdsMigrations="Host=127.0.0.1;Port=$pgport;Database=$db;Username=kcds_owner;Password=bench-owner" \
    ConnectionStrings__KetamineCds="Host=127.0.0.1;Port=$pgport;Database=$db;Username=kcds_app;Password=bench-app;Maximum Pool Size=120" \
    DemoAccounts__Enabled=true DemoAccounts__Password="$demo_password" \
    RateLimiting__ApiPerMinute=100000000 RateLimiting__SignInPerMinute=1000 Logging__LogLevel__Default=Warning \
    ${EXTRA_ENV:-} $(eval echo \${EXTRA_ENV_$label:-}) \
    dotnet "$root/src/KetamineCds.Web/bin/Release/net10.0/KetamineCds.Web.dll" --urls "http://127.0.0.1:$port" --contentRoot "$root/src/KetamineCds.Web" >"$work/$label.log" 2>&1 &
  apps+=($!); labels+=("$label"); roots+=("$root")
  i=$((i + 1))
done
i=0
for label in "${labels[@]}"; do
  port=$((baseport + i))
  for _ in $(seq 1 240); do curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null && break; sleep 0.5; done
  curl -fsS -H 'Content-Type: application/json' -H 'X-Forwarded-Proto: https' -d "{\"email\":\"psychiatrist@demo.local\",\"password\":\"$demo_password\"}" \
    "http://127.0.0.1:$port/api/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])' >"$work/$label.token"
  echo "${apps[$i]}" >"$work/$label.pid"
  i=$((i + 1))
done
python3 "$here/load/make_bodies.py" valid 2000 >"$work/valid.jsonl"
pm=$(head -1 "$work/pg/data/postmaster.pid")
app_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
pg_ticks() { local t; t=$(awk '{print $14+$15+$16+$17}' "/proc/$pm/stat"); for c in $(pgrep -P "$pm"); do t=$((t + $(awk '{print $14+$15}' "/proc/$c/stat" 2>/dev/null || echo 0))); done; echo "$t"; }
send() { python3 "$here/load/send_fixed.py" "$1" "$work/valid.jsonl" "$2" "$3" "$4"; }
i=0
for label in "${labels[@]}"; do
  port=$((baseport + i))
  log "warm-up $label: wrk ${warm}s at 32"
  BODIES="$work/valid.jsonl" TOKEN=$(cat "$work/$label.token") TARGET_PATH=/api/v1/screenings wrk -t2 -c32 -d"${warm}"s --timeout 10s -s "$here/load/screening.lua" "http://127.0.0.1:$port" | grep '^RESULT ' >&2
  i=$((i + 1))
done
[ -n "${SERVE:-}" ] && { log "serving; work=$work"; echo "$work" > "$work/serving"; while true; do sleep 5; done; }
sleep 3
for r in $(seq 1 "$rounds"); do
  i=0
  for label in "${labels[@]}"; do
    port=$((baseport + i)); pid=${apps[$i]}; db="k_$label"
    psql_admin -d postgres -c "SELECT pg_stat_statements_reset()" >/dev/null
    sleep 1.2; g0=$(awk '/^allocated/{print $2}' "${ALLOC_PROBE_DIR:-/nonexistent}/gc.$label.txt" 2>/dev/null || echo 0)
    a0=$(app_ticks "$pid"); p0=$(pg_ticks); t0=$(date +%s.%N); la=$(cut -d' ' -f1 /proc/loadavg)
    res=$(send "http://127.0.0.1:$port/api/v1/screenings" "$(cat "$work/$label.token")" "$requests" "$conns")
    sleep 1
    a1=$(app_ticks "$pid"); p1=$(pg_ticks); t1=$(date +%s.%N)
    sleep 1.2; g1=$(awk '/^allocated/{print $2}' "${ALLOC_PROBE_DIR:-/nonexistent}/gc.$label.txt" 2>/dev/null || echo 0)
    stmts=$(psql_admin -d postgres -c "SELECT coalesce(sum(s.calls),0)||' '||round(coalesce(sum(s.total_exec_time),0)::numeric,1) FROM pg_stat_statements s JOIN pg_database d ON d.oid=s.dbid WHERE d.datname='$db'")
    psql_admin -d postgres -c "SELECT s.calls, round(s.total_exec_time::numeric,1), round(s.mean_exec_time::numeric,4), s.rows, left(regexp_replace(s.query,'\s+',' ','g'),160) FROM pg_stat_statements s JOIN pg_database d ON d.oid=s.dbid WHERE d.datname='$db' ORDER BY s.calls DESC, s.total_exec_time DESC" >"$work/stmts.$label.$r.txt"
    python3 - "$label" "$r" "$res" "$a0" "$a1" "$p0" "$p1" "$t0" "$t1" "$stmts" "$la" "$g0" "$g1" <<'PY' | tee -a "$work/results.txt"
import json, os, sys
label, r, res, a0, a1, p0, p1, t0, t1, stmts, la, g0, g1 = sys.argv[1:]
d = json.loads(res); n = d["statuses"].get("201", 0); hz = os.sysconf("SC_CLK_TCK")
calls, ms = stmts.split()
print("%s round=%s created=%d statuses=%s app_cpu_ms=%.3f pg_cpu_ms=%.3f stmts=%.2f stmt_exec_ms=%.3f wall_s=%.1f load=%s alloc_B=%.0f"
      % (label, r, n, d["statuses"], 1000.0*(int(a1)-int(a0))/hz/max(1,n), 1000.0*(int(p1)-int(p0))/hz/max(1,n), int(calls)/max(1,n), float(ms)/max(1,n), float(t1)-float(t0), la, (int(g1)-int(g0))/max(1,n)))
PY
    i=$((i + 1))
  done
done
log "done: $work/results.txt"
