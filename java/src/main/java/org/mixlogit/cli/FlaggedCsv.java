package org.mixlogit.cli;

/**
 * Writes the CSV outputs; after a doubtful fit (not converged, not certified) every file gets a last column
 * {@code fit_warning} holding the warning on every row, so that the flag travels with the numbers.
 */
final class FlaggedCsv {
    private final String warning;

    FlaggedCsv(String warning) {
        this.warning = warning;
    }

    /** Writes atomically (see {@link CommandFiles#write}); {@code option} names the file in errors. */
    void write(String option, String file, String text) {
        CommandFiles.write(option, file, flagged(text));
    }

    private String flagged(String csv) {
        if (warning.isEmpty()) {
            return csv;
        }
        String quoted = "\"" + warning.replace("\"", "\"\"") + "\"";
        StringBuilder b = new StringBuilder();
        String[] lines = csv.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            b.append(lines[i]).append(',').append(i == 0 ? "fit_warning" : quoted).append('\n');
        }
        return b.toString();
    }
}
