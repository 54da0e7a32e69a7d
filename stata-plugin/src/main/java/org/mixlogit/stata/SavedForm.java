package org.mixlogit.stata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.MixlogitException;
import org.mixlogit.io.JsonValue;
import org.mixlogit.io.JsonWriter;

/**
 * The engine's saved form of a fit ({@code mixlogit-result/1}, docs/result-schema.md) kept in Stata's e().
 *
 * <p>Stata keeps it as one line of compact JSON in {@code e(saved)}, with every backquote and dollar sign written
 * as the JSON escapes {@code \u0060} and {@code \u0024} (the same text to a JSON reader), so that no macro expansion
 * can touch it. A local macro holds at most c(macrolen) characters (1,081,511 in Stata/BE and IC, 4,227,143 in SE
 * and MP; the ado-file passes the value in {@code jm_macrolen}); a longer saved form (a model with well over a
 * hundred parameters) is written instead to a file in c(tmpdir) ({@code jm_tmpdir}) named by its SHA-256, whose
 * path goes in {@code e(saved_file)}. Such a fit is lost with the temporary directory (at the latest when Stata
 * exits); post-estimation says so.
 */
final class SavedForm {
    /** Room left in a macro for the ado-file's own quoting. */
    private static final int MARGIN = 1000;

    private SavedForm() {
    }

    /** One line of compact JSON, backquotes and dollar signs escaped. */
    static String forStata(String json) {
        try {
            return escaped(JsonWriter.compact().value(JsonValue.parse(json)).finish());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The engine wrote JSON that does not parse: " + e.getOriginalMessage(), e);
        }
    }

    /** Compact JSON with its backquotes and dollar signs escaped (the same text to a JSON reader). */
    private static String escaped(String compact) {
        return compact.replace("`", "\\u0060").replace("$", "\\u0024");
    }

    /**
     * Sets local {@code jm_saved} to the saved form ({@code compactJson}, one line of compact JSON as
     * {@link org.mixlogit.bridge.BridgeFit#compactJson()} writes it), or, when it is longer than a macro can hold,
     * writes the file and sets {@code jm_saved_file} to its path (the other local is then "").
     */
    static void store(StataSession stata, String compactJson) {
        String text = escaped(compactJson);
        long limit = macroLength(stata);
        if (text.length() <= limit - MARGIN) {
            stata.setLocal("jm_saved", text);
            stata.setLocal("jm_saved_file", "");
            return;
        }
        String dir = stata.local("jm_tmpdir").trim();
        Path file = Paths.get(dir.isEmpty() ? System.getProperty("java.io.tmpdir") : dir,
                "jmixlogit_" + sha256(text).substring(0, 20) + ".json");
        try {
            Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MixlogitException("The saved form of the fit (" + text.length() + " characters, more than a"
                    + " Stata macro holds: " + limit + ") could not be written to " + file + ": " + e.getMessage()
                    + ". Free space in c(tmpdir) or set it to a writable directory.");
        }
        stata.setLocal("jm_saved", "");
        stata.setLocal("jm_saved_file", file.toString());
    }

    /** The saved form from local {@code jm_saved}, or from the file named in {@code jm_saved_file}. */
    static String restore(StataSession stata) {
        String text = stata.local("jm_saved").trim();
        if (!text.isEmpty()) {
            return text;
        }
        String file = stata.local("jm_saved_file").trim();
        if (file.isEmpty()) {
            throw new InvalidSpecificationException("e(saved) is empty: these results come from an older jmixlogit"
                    + " or were changed; re-run jmixlogit.");
        }
        try {
            return new String(Files.readAllBytes(Paths.get(file)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidSpecificationException("The saved form of the fit was kept in " + file + " (too long"
                    + " for a Stata macro), which cannot be read now (" + e.getMessage() + "): temporary files go"
                    + " when Stata exits. Re-run jmixlogit.");
        }
    }

    private static long macroLength(StataSession stata) {
        try {
            double d = Double.parseDouble(stata.local("jm_macrolen").trim());
            return d >= 1 ? (long) d : Long.MAX_VALUE;
        } catch (NumberFormatException e) {
            return 1_081_511L;
        }
    }

    private static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder();
            for (byte x : d) {
                b.append(String.format("%02x", x));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
