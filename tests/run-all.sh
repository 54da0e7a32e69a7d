#!/usr/bin/env bash
# Runs every test of the project:
#   1. the Java engine's and the Stata plugin's tests (Maven; the build also refreshes the engine jars that the R
#      package loads from r-package/inst/java, and stata-plugin/stata/jmixlogit.jar, checked free of com/stata),
#      then the command-line launcher's choice of Java options (tests/launcher.sh);
#   2. the R package: its self-contained source package (r-package/tools/source-package.sh: the jars and their Java
#      sources), R CMD check --no-manual on it (which runs its testthat tests, those skipped on CRAN included); any
#      ERROR or WARNING fails;
#   3. its installation (tests/r-install.sh): configure's messages in a clone without Maven or a JDK, and the source
#      package installed into a fresh library with neither mvn nor javac on the PATH, then a smoke fit.
# R, rJava and testthat (and generics and lmtest, which some tests use) come from Debian's packages; as root they
# are installed when missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

echo "== Java engine and Stata plugin (mvn verify)"
mvn -B -ntp verify

echo "== the command-line launcher's Java options"
bash "$root/tests/launcher.sh"

echo "== R package"
debian_packages="r-base-core r-cran-rjava r-cran-testthat r-cran-lmtest r-cran-generics"
# Whether R has all the named packages.
r_has() {
  command -v Rscript >/dev/null 2>&1 &&
    Rscript -e 'for (p in commandArgs(TRUE)) suppressMessages(library(p, character.only = TRUE))' "$@" \
      >/dev/null 2>&1
}
if ! r_has rJava testthat generics lmtest; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing R and its packages for the tests from Debian's packages: $debian_packages"
    apt-get update -q || true
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $debian_packages ||
      r_has rJava testthat
  elif r_has rJava testthat; then
    echo "Note: R lacks generics or lmtest; the tests that need them are skipped."
  else
    echo "R with rJava and testthat is needed for the R package's tests. Install them with:" >&2
    echo "  sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends $debian_packages'" >&2
    exit 1
  fi
fi
check_dir="$(mktemp -d)"
trap 'rm -rf "$check_dir"' EXIT
tarball="$(bash "$root/r-package/tools/source-package.sh" "$check_dir")"
(
  cd "$check_dir"
  NOT_CRAN=true _R_CHECK_FORCE_SUGGESTS_=false MIXLOGIT_THREADS=2 R CMD check --no-manual "$tarball" || true
)
log="$check_dir/mixlogit.Rcheck/00check.log"
if [ ! -f "$log" ] || grep -qE "^\* .*\.\.\. (ERROR|WARNING)|^Status: .*(ERROR|WARNING)" "$log"; then
  echo "R CMD check reported errors or warnings:" >&2
  [ -f "$log" ] && cat "$log" >&2
  for f in "$check_dir"/mixlogit.Rcheck/tests/*.Rout.fail; do [ -f "$f" ] && tail -50 "$f" >&2; done
  exit 1
fi
grep -E "^Status:" "$log"

echo "== R package installation"
bash "$root/tests/r-install.sh" "$tarball"
echo "All tests passed."
