/**
 * The command-line tool ({@code ./mixlogit}): option parsing, the example job, estimation from a CSV file, and
 * the benchmark. The only engine package besides {@code bench} that prints or sets an exit code.
 */
package org.mixlogit.cli;
