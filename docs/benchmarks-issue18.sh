#!/usr/bin/env bash
# Re-measures issue 18's figures (docs/benchmarks.md, "Issue 18"). Run on a quiet machine: the wall-clock figures
# are meaningless under load; the "CPU ns" columns (process CPU time per term) are much less sensitive to it.
#   bash docs/benchmarks-issue18.sh            # kernel figures, whole estimations (about 2 minutes when quiet)
#   bash docs/benchmarks-issue18.sh --scale    # also N = 100,000 (several minutes and about 2 GB)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
echo "== load: $(uptime)"
echo "== kernel, synthetic panel (continuous attributes), N = 10,000, R = 200"
./mixlogit bench --synthetic 10000 --R 200 --evals 7 --no-estimation
echo "== kernel, Electricity (attribute levels), R = 500"
./mixlogit bench --draws 500
echo "== whole estimation, synthetic N = 10,000, R = 200 (wall and peak memory of the whole process)"
/usr/bin/time -f "wall %e s, user %U s, peak RSS %M KB" ./mixlogit bench --synthetic 10000 --R 200 --evals 1
echo "== whole estimation, Electricity R = 500, five runs"
for i in 1 2 3 4 5; do
  /usr/bin/time -f "wall %e s, user %U s, peak RSS %M KB" ./mixlogit estimate \
    --data java/src/main/resources/org/mixlogit/io/electricity_long.csv --choice choice --group chid --id id \
    --random pf=n,cl=n,loc=n,wk=n,tod=n,seas=n --R 500 --quiet --integration-check 0 --threads 2 2>&1 \
    | grep -E "Converged after|wall"
done
if [ "${1:-}" = "--scale" ]; then
  echo "== scale: N = 100,000, R = 200"
  /usr/bin/time -f "wall %e s, user %U s, peak RSS %M KB" ./mixlogit bench --synthetic 100000 --R 200 --evals 1
fi
