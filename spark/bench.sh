#!/usr/bin/env bash
# The Spark backend's benchmark and large recovery (docs/benchmarks.md): not part of CI.
#   bash spark/bench.sh                                   # 100,000 decision-makers, T=10, J=5, K=5, R=200, estimate
#   bash spark/bench.sh --people 20000 --draws 100 --evals 5   # per-evaluation times only
# Builds the Spark module when needed (as ./mixlogit --engine spark does), then runs SparkBenchmark on local[2].
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -f "$root/spark/target/spark-classpath.txt" ]; then
  (cd "$root" && mvn -B -ntp -q -pl spark -am package -DskipTests)
fi
args=("$@")
if [ ${#args[@]} -eq 0 ]; then
  args=(--estimate)
fi
# the JVM options are the launcher's (Spark on Java 17)
opens=""
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
    java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done
# shellcheck disable=SC2086
exec java -Xmx${MIXLOGIT_BENCH_HEAP:-12g} -XX:+IgnoreUnrecognizedVMOptions $opens \
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true \
  -Dlog4j2.configurationFile="$root/spark/conf/log4j2.properties" \
  -cp "$root/spark/target/mixlogit-spark.jar:$(cat "$root/spark/target/spark-classpath.txt")" \
  org.mixlogit.spark.SparkBenchmark "${args[@]}"
