#!/usr/bin/env bash
# The command-line launcher's choice of Java options (./mixlogit; its comments give the reasons and
# docs/benchmarks.md the measurements): for each kind of run, the Java command it prints with
# MIXLOGIT_PRINT_COMMAND=1 must have, or must not have ("!"), each named option. Needs the engine built (the
# launcher builds it when stale) and a few seconds.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

# check NAME "OPTIONS FOR JAVA_TOOL_OPTIONS|MIXLOGIT_JAVA_OPTS" EXPECTATIONS... -- LAUNCHER ARGUMENTS...
# An expectation is a whole argument of the Java command; "!" before it: the command must not have it.
check() {
  local name="$1" tool="${2%%|*}" opts="${2#*|}"
  shift 2
  local expectations=()
  while [ "$1" != "--" ]; do expectations+=("$1"); shift; done
  shift
  local out
  if ! out="$(env JAVA_TOOL_OPTIONS="$tool" MIXLOGIT_JAVA_OPTS="$opts" MIXLOGIT_PRINT_COMMAND=1 "$root/mixlogit" \
      "$@" 2>"$work/err")"; then
    echo "launcher: FAILED: $name: the launcher failed:" >&2
    cat "$work/err" >&2
    failures=$((failures + 1))
    return
  fi
  for e in "${expectations[@]}"; do
    if [ "${e:0:1}" = "!" ]; then
      if grep -qxF -- "${e:1}" <<<"$out"; then
        echo "launcher: FAILED: $name: the command has ${e:1}" >&2
        failures=$((failures + 1))
      fi
    elif ! grep -qxF -- "$e" <<<"$out"; then
      echo "launcher: FAILED: $name: the command lacks $e" >&2
      failures=$((failures + 1))
    fi
  done
}

electricity="$root/java/src/main/resources/org/mixlogit/io/electricity_long.csv"
# 9 MiB in 100,000 lines: not small, and 100,000 x 100 draws is below the Vector API kernel's 250,000,000
mid="$work/mid.csv"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "%094d\n", i }' > "$mid"
# 300 MiB (sparse): taken to reach the kernel's size without being read
big="$work/big.csv"
truncate -s 300M "$big"
jit_threshold=-XX:Tier4BackEdgeThreshold=5000000
jit_inline=-XX:InlineSmallCode=500
module=--add-modules=jdk.incubator.vector
young=-XX:MaxNewSize=256m
memkb="$(awk '/^MemTotal:/ {print $2}' /proc/meminfo 2>/dev/null || echo 0)"
young_expected="$young"
if [ "$memkb" -lt 4194304 ]; then young_expected="!$young"; fi
# the module only where this Java has it (Java 17 or later, listed in its release file)
release="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/release"
has_module=0
if grep -q '^MODULES=.*jdk\.incubator\.vector' "$release" 2>/dev/null \
    && [ "$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")" -ge 17 ]; then
  has_module=1
fi
arch_jit=1
case "$(uname -m)" in x86_64|amd64|aarch64|arm64) ;; *) arch_jit=0 ;; esac
[ "$arch_jit" = 1 ] || { echo "launcher: no C2 JIT settings on $(uname -m); checks skipped"; exit 0; }

check "the example" "|" -XX:+UseSerialGC "$jit_threshold" "$jit_inline" "$young_expected" "!$module" \
  -- example
check "small data" "|" -XX:+UseSerialGC "$jit_threshold" "$jit_inline" "!$module" \
  -- estimate --data "$electricity" --choice choice --group chid
check "a collector of the user's" "|-XX:+UseG1GC" "!-XX:+UseSerialGC" "!$young" -XX:+UseG1GC \
  -- estimate --data "$electricity"
check "a heap of the user's" "|-Xmx2g" "!$young" -Xmx2g -- example
check "a collector in JAVA_TOOL_OPTIONS" "-XX:+UseParallelGC|" "!-XX:+UseSerialGC" "!$young" "$jit_inline" \
  -- example
check "--data=FILE" "|" -XX:+UseSerialGC -- estimate --data="$electricity"
check "the user's inlining limit" "|-XX:InlineSmallCode=2500" "!$jit_inline" -XX:InlineSmallCode=2500 \
  "$jit_threshold" -- example
check "the user's on-stack replacement" "|-XX:-UseOnStackReplacement" "!$jit_threshold" "$jit_inline" \
  -- example
check "mid-size data below the kernel's size" "|" "!-XX:+UseSerialGC" "$jit_threshold" "$jit_inline" \
  "$young_expected" "!$module" -- estimate --data "$mid" --R 200
check "large data (file over 256 MiB), -Dmixlogit.vector=false" "|-Dmixlogit.vector=false" "!$module" \
  "$jit_threshold" "$jit_inline" -- estimate --data "$big"
if [ "$has_module" = 1 ]; then
  check "mid-size data that reach the kernel's size (--R 3000)" "|" "$module" "!$jit_threshold" "!$jit_inline" \
    -- estimate --data "$mid" --R 3000
  check "mid-size data that reach it (--R=3000)" "|" "$module" "!$jit_inline" -- estimate --data="$mid" --R=3000
  check "large data (file over 256 MiB)" "|" "$module" "!$jit_threshold" "!$jit_inline" "!-XX:+UseSerialGC" \
    -- estimate --data "$big"
  check "small data with -Dmixlogit.vector=true" "|-Dmixlogit.vector=true" "$module" "!$jit_inline" -- example
  check "the module in JAVA_TOOL_OPTIONS" "--add-modules=jdk.incubator.vector|" "!$jit_threshold" "!$jit_inline" \
    -- example
else
  echo "launcher: this Java has no jdk.incubator.vector module; its checks skipped"
fi
if [ "$failures" -gt 0 ]; then
  echo "launcher: $failures check(s) failed" >&2
  exit 1
fi
echo "launcher: all checks passed"
