#!/usr/bin/env bash
# Benchmarks against the real server: ./bench.sh failback   (BENCH_USERS=20000,200000,1000000 for several sizes;
# BENCH_JOB='{"partitions":2,"itemCount":1000}' tunes the failback job the same way the API does)
set -euo pipefail
cd "$(dirname "$0")"
what=${1:-}
[[ $what == failback ]] || { echo "usage: ./bench.sh failback   (BENCH_USERS, default 20000; BENCH_PORT, default 8280)" >&2; exit 2; }

port=${BENCH_PORT:-8280}
data=$(mktemp -d "${TMPDIR:-/tmp}/failback-bench.XXXXXX")
FAILBACK_PORT=$port FAILBACK_DATA=$data FAILBACK_DEMO_USERS=10 FAILBACK_NODE=bench ./run.sh -Dfailback.test-hooks=true > "$data/run.log" 2>&1 &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

for _ in $(seq 1 300); do
  curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$data/run.log" >&2; echo "the server did not start" >&2; exit 1; }
  sleep 1
done
java bench/FailbackBench.java "http://127.0.0.1:$port" "$data/credentials.properties" "${BENCH_USERS:-20000}" "${BENCH_JOB:-}"
