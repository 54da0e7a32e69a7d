#!/usr/bin/env bash
# Runs every test of the project:
#   1. the Java engine's and the Stata plugin's tests (Maven; the build also refreshes the engine jars that the R
#      package loads from r-package/inst/java, and stata-plugin/stata/jmixlogit.jar, checked free of com/stata);
#   2. the R package: R CMD build, then R CMD check --no-manual (which runs its testthat tests); any ERROR or
#      WARNING fails.
# R, rJava and testthat come from Debian's packages; as root they are installed when missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

echo "== Java engine and Stata plugin (mvn verify)"
mvn -B -ntp verify

echo "== R package"
r_ready() {
  command -v Rscript >/dev/null 2>&1 &&
    Rscript -e 'suppressMessages({library(rJava); library(testthat)})' >/dev/null 2>&1
}
if ! r_ready; then
  install="apt-get update && apt-get install -y --no-install-recommends r-base-core r-cran-rjava r-cran-testthat"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing R, rJava and testthat from Debian's packages"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      r-base-core r-cran-rjava r-cran-testthat
  else
    echo "R with rJava and testthat is needed for the R package's tests. Install them with:" >&2
    echo "  sudo sh -c '$install'" >&2
    exit 1
  fi
fi
check_dir="$(mktemp -d)"
trap 'rm -rf "$check_dir"' EXIT
(
  cd "$check_dir"
  R CMD build --no-build-vignettes "$root/r-package"
  _R_CHECK_FORCE_SUGGESTS_=false MIXLOGIT_THREADS=2 R CMD check --no-manual mixlogit_*.tar.gz || true
)
log="$check_dir/mixlogit.Rcheck/00check.log"
if [ ! -f "$log" ] || grep -qE "^\* .*\.\.\. (ERROR|WARNING)|^Status: .*(ERROR|WARNING)" "$log"; then
  echo "R CMD check reported errors or warnings:" >&2
  [ -f "$log" ] && cat "$log" >&2
  for f in "$check_dir"/mixlogit.Rcheck/tests/*.Rout.fail; do [ -f "$f" ] && tail -50 "$f" >&2; done
  exit 1
fi
grep -E "^Status:" "$log"
echo "All tests passed."
