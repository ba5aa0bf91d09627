#!/usr/bin/env bash
# Sourced by benchmarks/run.sh and benchmarks/allocation.sh: the throwaway PostgreSQL 15 cluster both measure against,
# the app run as in production against it, and the sign-in for a token. Each function reads the caller's variables:
# pgbin, pgport, work (a folder the postgres user can enter), root, webdll, demo_password; and log().

# Creates the cluster in $work/pg with the settings of a write-heavy server in service, starts it, and creates the
# app's two roles and its database. Settings given as arguments (lines of postgresql.conf) are added to the common
# ones; run.sh adds pg_stat_statements and slow-statement logging.
bench_pg_start() {
  log "starting PostgreSQL 15 on port $pgport"
  mkdir -p "$work/pg"
  chown postgres:postgres "$work/pg"
  runuser -u postgres -- "$pgbin/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 >/dev/null
  cat >>"$work/pg/data/postgresql.conf" <<CONF
port = $pgport
listen_addresses = '127.0.0.1'
unix_socket_directories = '$work/pg'
max_connections = 400
shared_buffers = 1GB
synchronous_commit = on
fsync = on
# A write-heavy server gets room for WAL between checkpoints (the default 1 GB filled in about a minute under load,
# and each checkpoint's writes stalled both the app and the baseline).
max_wal_size = 8GB
checkpoint_timeout = 15min
# A fresh cluster has no WAL segments to recycle yet, so it creates one every 16 MB of WAL; zero-filling each (16 MB
# written and flushed) stalled every commit for a few hundred milliseconds. A server in service recycles segments.
wal_init_zero = off
CONF
  local setting
  for setting in "$@"; do printf '%s\n' "$setting" >>"$work/pg/data/postgresql.conf"; done
  bench_pg_ctl start
  psql_admin -d postgres -c "CREATE ROLE kcds_owner LOGIN PASSWORD 'bench-owner'" \
    -c "CREATE ROLE kcds_app LOGIN PASSWORD 'bench-app'" \
    -c "CREATE DATABASE ketaminecds OWNER kcds_owner"
}

# bench_pg_ctl start|stop|kill: start and wait, stop after the clients (fast), or stop at once (on exit).
bench_pg_ctl() {
  case "$1" in
    start) runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w start >/dev/null ;;
    stop) runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null ;;
    kill) runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true ;;
  esac
}

psql_admin() { "$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

# bench_app_start PORT NAME [VAR=value ...]: the app (Release build, Production configuration, PostgreSQL) in the
# background, logging to $work/NAME.log; extra settings as environment assignments. Sets bench_app_pid; returns once
# /health/ready answers, or exits with the log's tail.
bench_app_start() {
  local port=$1 name=$2
  shift 2
  # Outside Development the app serves its API over HTTPS only: as a clinic runs it, behind the TLS proxy, whose
  # forwarded scheme the clients send themselves (X-Forwarded-Proto: https, from 127.0.0.1, the one trusted proxy), so
  # that the figures are the app's and not TLS's.
  env ASPNETCORE_ENVIRONMENT=Production AllowedHosts="127.0.0.1;localhost" \
    ForwardedHeaders__Enabled=true ForwardedHeaders__KnownProxies=127.0.0.1 \
    Database__Provider=postgres \
    Database__AppRole=kcds_app \
    ConnectionStrings__KetamineCdsMigrations="Host=127.0.0.1;Port=$pgport;Database=ketaminecds;Username=kcds_owner;Password=bench-owner" \
    ConnectionStrings__KetamineCds="Host=127.0.0.1;Port=$pgport;Database=ketaminecds;Username=kcds_app;Password=bench-app;Maximum Pool Size=120" \
    DemoAccounts__Enabled=true DemoAccounts__Password="$demo_password" \
    RateLimiting__ApiPerMinute=100000000 RateLimiting__SignInPerMinute=1000 \
    Logging__LogLevel__Default=Warning \
    "$@" \
    dotnet "$webdll" --urls "http://127.0.0.1:$port" --contentRoot "$root/src/KetamineCds.Web" >"$work/$name.log" 2>&1 &
  bench_app_pid=$!
  local _
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null && return 0
    sleep 0.5
  done
  log "$name did not become ready"; tail -50 "$work/$name.log" >&2; exit 1
}

# bench_token PORT EMAIL: a bearer token for a demo account of the app on PORT.
bench_token() {
  curl -fsS -H 'Content-Type: application/json' -H 'X-Forwarded-Proto: https' \
    -d "{\"email\":\"$2\",\"password\":\"$demo_password\"}" \
    "http://127.0.0.1:$1/api/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'
}
