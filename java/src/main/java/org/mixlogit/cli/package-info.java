/**
 * The command-line tool ({@code ./mixlogit}): option parsing, the example job, estimation from a CSV file, and
 * the benchmark. The only engine package besides {@code bench} that prints or sets an exit code.
 *
 * <p>Depends on the engine packages, and on {@code bridge} only for its {@code Vocabulary} (the lists of codes and
 * the defaults its help shows and {@code ./mixlogit vocabulary} prints).
 */
package org.mixlogit.cli;
