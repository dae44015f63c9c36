#!/usr/bin/env bash
# Benchmarks against the real server: ./bench.sh failback   (BENCH_USERS=20000,200000,1000000 for several sizes;
# BENCH_JOB='{"partitions":2,"itemCount":1000}' tunes the failback job the same way the API does);
# ./bench.sh chat   (BENCH_CLIENTS=64 loopback clients posting to the demo chat pool for BENCH_SECONDS=20);
# ./bench.sh clients   (BENCH_CLIENTS=64 loopback clients on both pools of a pair while a failback of BENCH_USERS=80000
# users runs, at most BENCH_SECONDS=120)
set -euo pipefail
cd "$(dirname "$0")"
what=${1:-}
[[ $what == failback || $what == chat || $what == clients ]] || {
  echo "usage: ./bench.sh failback|chat|clients   (failback: BENCH_USERS, default 20000; chat: BENCH_CLIENTS, BENCH_SECONDS; clients: BENCH_USERS, default 80000, BENCH_CLIENTS, BENCH_SECONDS; BENCH_PORT, default 8280)" >&2
  exit 2
}

port=${BENCH_PORT:-8280}
data=$(mktemp -d "${TMPDIR:-/tmp}/failback-bench.XXXXXX")
server=
cleanup() {
  if [[ -n $server ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT

# The baselines run in the server, beside the job, from the test library (it-tests/src/main/java): the test EAR is the
# product EAR with that library added to its web module. The product EAR itself has no benchmark code.
echo "Building the product and the test library..."
./mvnw -B -q -DskipTests -Dspotless.check.skip=true -Dwildfly.provisioning.overwrite-provisioned-server=true install -pl it-tests -am >&2
test_ear="$data/pool-failback-test.ear"
(
  cd "$data"
  cp "$OLDPWD/ear/target/pool-failback.ear" "$test_ear"
  jar xf "$test_ear" web.war
  mkdir -p WEB-INF/lib
  cp "$OLDPWD/it-tests/target/failback-test-hooks.jar" WEB-INF/lib/
  jar uf web.war WEB-INF/lib/failback-test-hooks.jar
  jar uf "$test_ear" web.war
  rm -rf WEB-INF web.war
)
# standalone.sh forwards a TERM to the server's JVM only when it runs it in the background: without this the cleanup
# stopped the script and left the server running on the port.
LAUNCH_JBOSS_IN_BACKGROUND=1 FAILBACK_EAR=$test_ear FAILBACK_PORT=$port FAILBACK_DATA=$data FAILBACK_DEMO_USERS=10 FAILBACK_NODE=bench ./run.sh > "$data/run.log" 2>&1 &
server=$!

for _ in $(seq 1 300); do
  curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$data/run.log" >&2; echo "the server did not start" >&2; exit 1; }
  sleep 1
done
if [[ $what == chat ]]; then
  java bench/ChatBench.java "http://127.0.0.1:$port" "$data/credentials.properties" "${BENCH_CLIENTS:-64}" "${BENCH_SECONDS:-20}"
elif [[ $what == clients ]]; then
  java bench/ClientsBench.java "http://127.0.0.1:$port" "$data/credentials.properties" "${BENCH_USERS:-80000}" "${BENCH_CLIENTS:-64}" "${BENCH_SECONDS:-120}"
else
  java bench/FailbackBench.java "http://127.0.0.1:$port" "$data/credentials.properties" "${BENCH_USERS:-20000}" "${BENCH_JOB:-}"
fi
