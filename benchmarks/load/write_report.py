#!/usr/bin/env python3
"""Puts the load-run figures into docs/benchmarks.md between <!-- load:begin --> and <!-- load:end -->."""
import datetime
import json
import platform
import re
import subprocess
import sys

results_path, doc_path, quick = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
lines = [l.rstrip("\n") for l in open(results_path, encoding="utf-8") if l.strip()]

def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=20).stdout.strip()
    except Exception:
        return "?"

cpu = sh("lscpu | sed -n 's/^Model name: *//p'") or platform.processor()
mem = sh("free -g | awk '/Mem:/ {print $2}'")
osname = sh(". /etc/os-release; echo $PRETTY_NAME")
pgver = sh("/usr/lib/postgresql/15/bin/postgres --version")
machine = f"{cpu}, {sh('nproc')} cores, {mem} GiB RAM, {osname}, .NET SDK {sh('dotnet --version')}, {pgver}"

rows = []
for line in lines:
    m = re.match(r"^(screening-api|raw-insert|two-instances|outage|nothing-lost|cds-hooks) c=(\d+) (\{.*\})(.*)$", line)
    if m:
        d = json.loads(m.group(3))
        rows.append(f"| {m.group(1)} | {m.group(2)} | {d['rps']:.0f} | {d['p50_ms']:.1f} | {d['p99_ms']:.1f} | {d['requests']} | {json.dumps(d['statuses'])} | {d['socket_errors']} |{m.group(4).strip()} |")

soak = []
for line in lines:
    m = re.match(r"^soak minute=(\d+) rss_kb=(\d+) (\{.*\})(?: pg_statements_over_50ms=(\d+))?$", line)
    if m:
        d = json.loads(m.group(3))
        soak.append(f"| {m.group(1)} | {int(m.group(2)) // 1024} | {d['rps']:.0f} | {d['p50_ms']:.1f} | {d['p99_ms']:.1f} | {d['max_ms']:.0f} | {m.group(4) or '?'} | {json.dumps(d['statuses'])} |")

other = [l for l in lines if not re.match(r"^(screening-api|raw-insert|two-instances|outage|nothing-lost|cds-hooks) c=|^soak minute=", l)]
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
section = [
    "<!-- load:begin -->",
    "## Load and resilience (benchmarks/run.sh%s)" % (" --quick" if quick else ""),
    "",
    f"Measured {now} on {machine}. Repeat with `benchmarks/run.sh` (full) or `benchmarks/run.sh --quick`.",
    "PostgreSQL runs with `synchronous_commit = on`; every 201 of the screening API is a fully recorded, hash-chained decision-log entry.",
    "",
    "| run | connections | requests/s | p50 ms | p99 ms | requests | statuses | socket errors | notes |",
    "|---|---|---|---|---|---|---|---|---|",
    *rows,
    "",
]
if soak:
    section += ["Soak, 10 minutes at a fixed pace per connection aimed at half the measured maximum:", "", "| minute | working set MiB | requests/s | p50 ms | p99 ms | max ms | PostgreSQL statements > 50 ms | statuses |", "|---|---|---|---|---|---|---|---|", *soak, ""]
section += ["Checks:", "", *("- " + l for l in other), "<!-- load:end -->"]
text = "\n".join(section)

try:
    doc = open(doc_path, encoding="utf-8").read()
except FileNotFoundError:
    doc = "# Benchmarks\n"
if "<!-- load:begin -->" in doc:
    doc = re.sub(r"<!-- load:begin -->.*?<!-- load:end -->", lambda _: text, doc, flags=re.S)
else:
    doc = doc.rstrip("\n") + "\n\n" + text + "\n"
open(doc_path, "w", encoding="utf-8").write(doc)
