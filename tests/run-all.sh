#!/usr/bin/env bash
# Runs every test of the project: the Java engine's unit and reference tests (Maven).
# Later front ends (Stata plugin, R package) add their suites here.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp verify
