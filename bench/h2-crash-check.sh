#!/usr/bin/env bash
# Before raising version.h2: does that H2 come back usable after kill -9 under concurrent writers?
#   bench/h2-crash-check.sh [H2 version, default the project's] [rounds, default 30]
# Exit 0 when every round could lock (odd rounds) or update (even rounds) every row again; 1 (with the stuck stack) on a hang.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-$(sed -n 's:.*<version.h2>\(.*\)</version.h2>.*:\1:p' pom.xml)}
rounds=${2:-30}
[[ $version =~ ^[0-9]+(\.[0-9]+)*$ ]] || { echo "not an H2 version: $version" >&2; exit 2; }
[[ $rounds =~ ^[0-9]+$ ]] || { echo "rounds must be a number: $rounds" >&2; exit 2; }
jar="$HOME/.m2/repository/com/h2database/h2/$version/h2-$version.jar"
[[ -f $jar ]] || ./mvnw -B -q dependency:get -Dartifact="com.h2database:h2:$version" >/dev/null
exec java -cp "$jar" -Dh2-crash-check.source=bench/H2CrashCheck.java bench/H2CrashCheck.java "$rounds"
