#!/usr/bin/env bash
# Builds the benchmarks jar and runs the suite; results and report.md land in benchmarks/target/benchmark-results/.
#   benchmarks/run.sh quick            # minutes: a subset of the JMH matrix, small footprint/GC sizes
#   benchmarks/run.sh full             # the whole matrix of issue 5, ~4 GB GC run (about an hour on 2 cores;
#                                      # the estimate is printed when it starts)
#   benchmarks/run.sh quick --only hitratio,footprint
#   benchmarks/run.sh quick --only jmh --huge-pages --out target/benchmark-results-huge-pages
#                                      # every contender's memory on transparent huge pages: the heap
#                                      # (-XX:+UseTransparentHugePages) and malloc (GLIBC_TUNABLES, glibc >= 2.35)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
./mvnw -B -q -pl benchmarks -am package -DskipTests
cd benchmarks
# Off-heap contenders allocate with malloc: glibc only asks for huge pages when told so before the JVM starts.
console=target/suite-console.log
for arg in "$@"; do
    if [ "$arg" = "--huge-pages" ]; then
        console=target/suite-console-huge-pages.log
        export GLIBC_TUNABLES="glibc.malloc.hugetlb=1${GLIBC_TUNABLES:+:$GLIBC_TUNABLES}"
    fi
done
# The console (with each fork's setup/teardown residency lines) is kept next to the jar.
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    -jar target/arena-cache-benchmarks.jar "${1:-quick}" "${@:2}" 2>&1 | tee "$console"
