#!/usr/bin/env bash
# Re-measures issue 18's figures (docs/benchmarks.md, "Issue 18"). Run on a quiet machine: the wall-clock figures
# are meaningless under load; the "CPU ns" columns (process CPU time per term) are much less sensitive to it.
#   bash docs/benchmarks-issue18.sh            # kernel figures, whole estimations (about 2 minutes when quiet)
#   bash docs/benchmarks-issue18.sh --scale    # also N = 100,000 (several minutes and about 2 GB)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
echo "== load: $(uptime)"
echo "== kernel, synthetic panel (continuous attributes), N = 10,000, R = 200: the Vector API kernel"
MIXLOGIT_JAVA_OPTS=-Dmixlogit.vector=true ./mixlogit bench --synthetic 10000 --R 200 --evals 7 --no-estimation
echo "== the same with the portable kernel (what R and Stata run by default; the same bits)"
MIXLOGIT_JAVA_OPTS=-Dmixlogit.vector=false ./mixlogit bench --synthetic 10000 --R 200 --evals 7 --no-estimation
echo "== kernel, Electricity (attribute levels), R = 500"
./mixlogit bench --draws 500
echo "== whole estimation, synthetic N = 10,000, R = 200 (wall and peak memory of the whole process)"
/usr/bin/time -f "wall %e s, user %U s, peak RSS %M KB" ./mixlogit bench --synthetic 10000 --R 200 --evals 1
# The synthetic panel of N decision-makers written as CSV, then estimated from the file as a peer reads it (R = 200,
# two threads); a second argument is passed to Java through MIXLOGIT_JAVA_OPTS (e.g. a heap size).
synthetic_from_csv() {
  local file="${TMPDIR:-/tmp}/synthetic-$1.csv"
  ./mixlogit bench --synthetic "$1" --write "$file"
  /usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M KB" env MIXLOGIT_JAVA_OPTS="${2:-}" ./mixlogit \
    estimate --data "$file" --choice choice --group chid --id id --random x1=n,x2=n,x3=n,x4=n,x5=n --R 200 --quiet \
    --integration-check 0 --threads 2
}
echo "== whole estimation from the CSV file, synthetic N = 10,000, R = 200 (as a peer reads it)"
synthetic_from_csv 10000
echo "== whole estimation, Electricity R = 500, five runs"
for i in 1 2 3 4 5; do
  /usr/bin/time -f "wall %e s, user %U s, peak RSS %M KB" ./mixlogit estimate \
    --data java/src/main/resources/org/mixlogit/io/electricity_long.csv --choice choice --group chid --id id \
    --random pf=n,cl=n,loc=n,wk=n,tod=n,seas=n --R 500 --quiet --integration-check 0 --threads 2 2>&1 \
    | grep -E "Converged after|wall"
done
echo "== Electricity R = 500: the launcher's JIT settings against others, six alternating rounds (session 8)"
# One run of each configuration per round, so that a change of the machine's speed hits all alike; per configuration
# the median wall time, the range and the mean user time. Java's defaults are given explicitly where the launcher
# would otherwise add its own.
jit_configurations=(
  "-XX:Tier4BackEdgeThreshold=40000 -XX:InlineSmallCode=2500"
  "-XX:-UseOnStackReplacement -XX:InlineSmallCode=2500"
  "-XX:-UseOnStackReplacement"
  ""
)
for round in 1 2 3 4 5 6; do
  for c in "${!jit_configurations[@]}"; do
    MIXLOGIT_JAVA_OPTS="${jit_configurations[$c]}" /usr/bin/time -f "$c %e %U" ./mixlogit estimate \
      --data java/src/main/resources/org/mixlogit/io/electricity_long.csv --choice choice --group chid --id id \
      --random pf=n,cl=n,loc=n,wk=n,tod=n,seas=n --R 500 --quiet --integration-check 0 --threads 2 2>&1 >/dev/null \
      | tail -1
  done
done | sort -k1,1n -k2,2n | awk -v names="Java's JIT defaults|session 7 (no on-stack replacement)|no on-stack replacement, InlineSmallCode=500|the launcher's (both settings)" '
  BEGIN { split(names, label, "|") }
  { k = $1 + 1; n[k]++; w[k, n[k]] = $2; u[k] += $3 }
  END { for (k = 1; k <= 4; k++) { m = n[k]; med = (m % 2) ? w[k, (m + 1) / 2] : (w[k, m / 2] + w[k, m / 2 + 1]) / 2
    printf "%-45s wall median %.2f s (%.2f-%.2f), user mean %.2f s\n", label[k], med, w[k, 1], w[k, m], u[k] / m } }'
echo "== Electricity R = 500, where the time goes (session 6: MIXLOGIT_TIMING, stages and CPU by thread)"
MIXLOGIT_TIMING=1 ./mixlogit estimate --data java/src/main/resources/org/mixlogit/io/electricity_long.csv \
  --choice choice --group chid --id id --random pf=n,cl=n,loc=n,wk=n,tod=n,seas=n --R 500 --quiet \
  --integration-check 0 --threads 2 2>&1 | grep -E "^\[timing\]" | grep -vE "iteration ([2-9]|1[23]),"
echo "== the same with the integration check (the estimate command's default), five runs"
for i in 1 2 3 4 5; do
  /usr/bin/time -f "wall %e s, user %U s, sys %S s" ./mixlogit estimate \
    --data java/src/main/resources/org/mixlogit/io/electricity_long.csv --choice choice --group chid --id id \
    --random pf=n,cl=n,loc=n,wk=n,tod=n,seas=n --R 500 --quiet --threads 2 2>&1 | grep -E "Converged after|wall"
done
echo "== Electricity R = 500, C1 only against the default tiers (through the launcher, two runs each)"
for opts in "" "-XX:TieredStopAtLevel=1" "" "-XX:TieredStopAtLevel=1"; do
  echo "MIXLOGIT_JAVA_OPTS='$opts'"
  MIXLOGIT_JAVA_OPTS="$opts" /usr/bin/time -f "wall %e s, user %U s, sys %S s" ./mixlogit estimate \
    --data java/src/main/resources/org/mixlogit/io/electricity_long.csv --choice choice --group chid --id id \
    --random pf=n,cl=n,loc=n,wk=n,tod=n,seas=n --R 500 --quiet --integration-check 0 --threads 2 2>&1 \
    | grep -E "Converged after|wall"
done
echo "== Electricity, six correlated normal coefficients (27 parameters), R = 500: the exact Hessian's use"
/usr/bin/time -f "wall %e s, user %U s, sys %S s" ./mixlogit estimate \
  --data java/src/main/resources/org/mixlogit/io/electricity_long.csv --choice choice --group chid --id id \
  --random pf=n,cl=n,loc=n,wk=n,tod=n,seas=n --correlated pf,cl,loc,wk,tod,seas --R 500 --quiet \
  --integration-check 0 --threads 2 2>&1 | grep -E "Converged after|wall"
echo "== R against the command line: the same fit, in alternating rounds (package in /tmp/rlib-bench)"
# Each round: the command line's whole process (--integration-check 0, as R's default) and R's first fit in a fresh
# session (system.time of mixlogit(), which excludes Java's start), CPU (user + sys) and wall; then per round the
# ratio R / command line, and their medians. The first fit after an installation makes the class-sharing archive
# in the background (r-package/R/class-sharing.R): it is waited for before the rounds.
mkdir -p /tmp/rlib-bench && R CMD INSTALL -l /tmp/rlib-bench r-package >/dev/null 2>&1
Rscript -e '.libPaths(c("/tmp/rlib-bench", .libPaths())); suppressPackageStartupMessages(library(mixlogit));
  d <- electricity_data(); m <- mixlogit(choice ~ pf + cl, d[d$id <= 20, ], group = "chid", id = "id", R = 10);
  jars <- mixlogit:::engine_jars(system.file("java", package = "mixlogit"));
  f <- mixlogit:::class_sharing_files(mixlogit:::class_sharing_key(jars, mixlogit:::rjava_boot_path()));
  for (i in 1:240) if (file.exists(f$java) || file.exists(f$failure)) break else Sys.sleep(0.5);
  cat("class-sharing archive:", file.exists(f$java), "\n")'
# and the launcher's own archive, which its first run after a build makes
./mixlogit example >/dev/null 2>&1
for round in 1 2 3 4 5 6 7 8 9 10; do
  /usr/bin/time -f "$round cli %U %S %e" ./mixlogit estimate \
    --data java/src/main/resources/org/mixlogit/io/electricity_long.csv --choice choice --group chid --id id \
    --random pf=n,cl=n,loc=n,wk=n,tod=n,seas=n --R 500 --quiet --integration-check 0 --threads 2 2>&1 >/dev/null \
    | tail -1
  Rscript -e '.libPaths(c("/tmp/rlib-bench", .libPaths())); suppressPackageStartupMessages(library(mixlogit));
    d <- electricity_data(); t <- system.time(m <- mixlogit(choice ~ pf + cl + loc + wk + tod + seas, d,
    group = "chid", id = "id", rpar = c(pf = "n", cl = "n", loc = "n", wk = "n", tod = "n", seas = "n"), R = 500,
    threads = 2)); cat(commandArgs(TRUE)[1], "R", t[1], t[2], t[3], "\n")' "$round"
done | awk '{ cpu[$1, $2] = $3 + $4; wall[$1, $2] = $5; n = ($1 > n ? $1 : n) }
  END { for (i = 1; i <= n; i++) { rc[i] = cpu[i, "R"] / cpu[i, "cli"]; rw[i] = wall[i, "R"] / wall[i, "cli"]
          printf "round %d: command line %.2f s CPU, %.2f s wall; R %.2f s CPU, %.2f s wall\n", i, cpu[i, "cli"],
            wall[i, "cli"], cpu[i, "R"], wall[i, "R"] }
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) { if (rc[j] < rc[i]) { t = rc[i]; rc[i] = rc[j]; rc[j] = t }
          if (rw[j] < rw[i]) { t = rw[i]; rw[i] = rw[j]; rw[j] = t } }
        m = (n % 2) ? (n + 1) / 2 : n / 2
        printf "R over the command line, median of the rounds: CPU x %.3f, wall x %.3f\n",
          (n % 2) ? rc[m] : (rc[m] + rc[m + 1]) / 2, (n % 2) ? rw[m] : (rw[m] + rw[m + 1]) / 2 }'
echo "== Stata: the plugin's Java side against the engine alone (in-memory Stata), cold then warm"
mvn -B -ntp -q -o -pl stata-plugin -am test-compile -DskipTests >/dev/null
cp="stata-plugin/target/test-classes:stata-plugin/target/classes:stata-plugin/sfi-stub/target/classes"
cp="$cp:java/target/mixlogit-core.jar:java/target/lib/*"
java -cp "$cp" org.mixlogit.stata.PluginOverheadBenchmark plugin 3
java -cp "$cp" org.mixlogit.stata.PluginOverheadBenchmark engine 3
echo "== Stata with the launcher's JIT settings and the parallel collector through JAVA_TOOL_OPTIONS (help jmixlogit, Speed): cold fits"
JAVA_TOOL_OPTIONS="-XX:Tier4BackEdgeThreshold=5000000 -XX:InlineSmallCode=500 -XX:+UseParallelGC" \
  java -cp "$cp" org.mixlogit.stata.PluginOverheadBenchmark plugin 0 2>&1 | grep -v "Picked up"
JAVA_TOOL_OPTIONS="-XX:Tier4BackEdgeThreshold=5000000 -XX:InlineSmallCode=500 -XX:+UseParallelGC" \
  java -cp "$cp" org.mixlogit.stata.PluginOverheadBenchmark engine 0 2>&1 | grep -v "Picked up"
if [ "${1:-}" = "--scale" ]; then
  echo "== scale: N = 100,000, R = 200, whole estimation from the CSV file (5 million rows)"
  synthetic_from_csv 100000
  # N = 1,000,000 (50 million rows): one evaluation of the in-memory panel with a 20 GB heap, then the whole
  # estimation from the CSV file (about 2.5 GB) with a 12 GB heap (session 6: 10 min 45 s, 7.9 GB peak).
  /usr/bin/time -f "wall %e s, user %U s, peak RSS %M KB" env MIXLOGIT_JAVA_OPTS=-Xmx20g \
    ./mixlogit bench --synthetic 1000000 --R 200 --evals 1 --no-estimation --threads 2
  echo "== scale: N = 1,000,000, R = 200, whole estimation from the CSV file (50 million rows)"
  synthetic_from_csv 1000000 -Xmx12g
fi
