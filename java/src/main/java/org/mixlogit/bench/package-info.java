/**
 * Benchmark commands (not tests): timings recorded in docs/benchmarks.md. May depend on every engine package;
 * nothing depends on it. The only place besides the command-line tool that prints.
 */
package org.mixlogit.bench;
