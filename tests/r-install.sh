#!/usr/bin/env bash
# Installation tests of the R package, run by tests/run-all.sh after R CMD check (about 20 s):
#   1. in a clone without the engine jars, configure (the first step of R CMD INSTALL r-package) stops at install
#      time with a message naming what is missing: Maven, a JDK, or both;
#   2. the self-contained source package (built by r-package/tools/source-package.sh) installs into a fresh library
#      with neither mvn nor javac on the PATH, builds nothing, and estimates the Electricity conditional logit.
# Usage: bash tests/r-install.sh path/to/mixlogit_<version>.tar.gz
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ $# -ne 1 ] || [ ! -f "$1" ]; then
  echo "usage: bash tests/r-install.sh path/to/mixlogit_<version>.tar.gz" >&2
  exit 2
fi
tarball="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() {
  echo "r-install: FAILED: $*" >&2
  exit 1
}

# A directory of symbolic links to every program on the PATH except the named ones (the first of a name wins), to
# use as the whole PATH of a command that must do without them.
path_without() {
  local bin dir file name
  local -a dirs files
  local -A taken=()
  bin="$(mktemp -d "$work/bin.XXXX")"
  for name in "$@"; do taken[$name]=1; done
  IFS=: read -r -a dirs <<<"$PATH"
  for dir in "${dirs[@]}"; do
    [ -d "$dir" ] || continue
    files=()
    for file in "$dir"/*; do
      name="${file##*/}"
      if [ -z "${taken[$name]:-}" ] && [ -f "$file" ] && [ -x "$file" ]; then
        taken[$name]=1
        files+=("$file")
      fi
    done
    if [ ${#files[@]} -gt 0 ]; then
      ln -s "${files[@]}" "$bin/"
    fi
  done
  for name in "$@"; do
    if PATH="$bin" command -v "$name" >/dev/null 2>&1; then
      fail "could not hide $name from the PATH"
    fi
  done
  echo "$bin"
}

# A Java runtime without a compiler: a java that runs the real one, with no javac beside it.
jre="$(cd "$work" && pwd -P)/jre"
mkdir -p "$jre/bin"
printf '#!/bin/sh\nexec "%s" "$@"\n' "$(command -v java)" >"$jre/bin/java"
chmod +x "$jre/bin/java"
no_mvn="$(path_without mvn mvnDebug)"                       # a JDK, but no Maven
no_mvn_no_jdk="$jre/bin:$(path_without mvn mvnDebug javac java)"  # a Java runtime only
no_jdk="$jre/bin:$(path_without javac java)"                 # Maven and a Java runtime

echo "== configure in a clone without the engine jars, Maven or a JDK"
clone="$work/clone"
mkdir -p "$clone/java/src/main/java" "$clone/r-package"
cp "$root/pom.xml" "$clone/pom.xml"
cp "$root/r-package/configure" "$clone/r-package/configure"

# Runs configure in the fake clone with the given PATH and JAVA_HOME ("" for none); it must fail saying $3.
expect_configure_failure() {
  local out
  if out="$(cd "$clone/r-package" && env -u JAVA_HOME ${2:+JAVA_HOME="$2"} PATH="$1" sh ./configure 2>&1)"; then
    fail "configure succeeded in a clone without jars ($3 expected). Its output: $out"
  fi
  if ! grep -qF "$3" <<<"$out"; then
    fail "configure's message does not say \"$3\". Its output: $out"
  fi
  echo "   refused: ...$3..."
}
expect_configure_failure "$no_mvn" "" "building them from this clone needs Maven (no mvn on the PATH)."
expect_configure_failure "$no_mvn_no_jdk" "" \
  "needs Maven (no mvn on the PATH) and a JDK 11 or newer (no javac beside $jre/bin/java, the java on the PATH"
expect_configure_failure "$no_jdk" "" "needs a JDK 11 or newer (no javac beside $jre/bin/java"
expect_configure_failure "$no_mvn" "$jre" "needs Maven (no mvn on the PATH) and a JDK 11 or newer (no javac in JAVA_HOME=$jre"

echo "== the self-contained source package, installed with a Java runtime only (no mvn, no javac)"
lib="$work/lib"
mkdir -p "$lib"
if ! PATH="$no_mvn_no_jdk" R CMD INSTALL -l "$lib" "$tarball" >"$work/install.log" 2>&1; then
  cat "$work/install.log" >&2
  fail "R CMD INSTALL of $(basename "$tarball") without mvn and javac"
fi
grep -qF "using the engine jars shipped in inst/java" "$work/install.log" ||
  { cat "$work/install.log" >&2; fail "configure did not use the shipped jars"; }
! grep -qF "building the engine jars" "$work/install.log" ||
  { cat "$work/install.log" >&2; fail "configure tried to build the jars"; }
# (no class-sharing archive: a background maker would outlive this test's directory; test-class-sharing.R tests it)
PATH="$no_mvn_no_jdk" R_USER_CACHE_DIR="$work/cache" Rscript --vanilla - "$lib" <<'EOF'
options(mixlogit.class_sharing = FALSE)
lib <- commandArgs(trailingOnly = TRUE)[1]
library(mixlogit, lib.loc = lib)
stopifnot(normalizePath(dirname(find.package("mixlogit"))) == normalizePath(lib))
m <- mixlogit(choice ~ pf + cl + loc + wk + tod + seas, electricity_data(), group = "chid", id = "id",
              threads = 2)
ll <- as.numeric(logLik(m))
# mlogit's Electricity conditional logit: log-likelihood -4958.6 (Croissant, Exercise 3); the engine's -4958.649119.
if (!isTRUE(m$converged) || abs(ll + 4958.649119) > 1e-5) {
  stop(sprintf("smoke fit: converged %s, log-likelihood %.6f (expected -4958.649119)", m$converged, ll))
}
cat(sprintf("   smoke fit from %s: log-likelihood %.6f\n", lib, ll))
EOF
echo "R package installation tests passed."
