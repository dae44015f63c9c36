#!/usr/bin/env bash
# Backup, verify and restore of an H2 database through the product's adapter, in MB/s beside cp of the same bytes:
#   bench/dbadmin-bench.sh            # BENCH_MB=1024 (a 1 GB database)
#   BENCH_MB=128 bench/dbadmin-bench.sh
# Needs the modules compiled (./mvnw -B -q -pl batch -am compile). Prints one line: dbadmin database_mb=… ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${BENCH_MB:-1024}
[[ $mb =~ ^[0-9]+$ ]] || { echo "BENCH_MB must be a number: $mb" >&2; exit 2; }
version=$(sed -n 's:.*<version.h2>\(.*\)</version.h2>.*:\1:p' pom.xml)
jar="$HOME/.m2/repository/com/h2database/h2/$version/h2-$version.jar"
[[ -f $jar ]] || ./mvnw -B -q dependency:get -Dartifact="com.h2database:h2:$version" >/dev/null
[[ -d batch/target/classes ]] || ./mvnw -B -q -pl batch -am compile
exec java -Xmx1g -cp "domain/target/classes:batch/target/classes:$jar" bench/DbAdminBench.java "$mb"
