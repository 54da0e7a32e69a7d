package org.mixlogit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The lists of codes the README and the R help show are the engine's vocabulary. */
class DocumentedVocabularyTest {
    private static final Vocabulary VOCABULARY = Vocabulary.engine();

    private static String read(String path) {
        try {
            return new String(Files.readAllBytes(Paths.get(path)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> randomDistributions() {
        List<String> out = new ArrayList<>();
        for (String code : VOCABULARY.codes("distributions")) {
            if (VOCABULARY.entry("distributions", code).get("random").asBoolean()) {
                out.add(code);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "README: ./mixlogit estimate --{0} lists the vocabulary''s {1}")
    @CsvSource({"draws, draws", "optimizer, optimizers", "vce, vce", "method, methods", "weighting, weighting"})
    void commandLineSynopsis(String option, String list) {
        Matcher m = Pattern.compile("\\[--" + option + " ([^\\]\\s\\[]+(?:\\[:COL\\])?[^\\]\\s]*)\\]")
                .matcher(read("../README.md"));
        assertTrue(m.find(), "--" + option + " in the README's synopsis");
        Set<String> shown = new TreeSet<>(Arrays.asList(m.group(1).replace("[:COL]", "").split("\\|")));
        assertEquals(new TreeSet<>(VOCABULARY.codes(list)), shown);
    }

    @Test
    @DisplayName("README: the R section's distribution codes are the vocabulary's random distributions")
    void readmeDistributionCodes() {
        Matcher m = Pattern.compile("Distribution codes: ([^;]*);").matcher(read("../README.md"));
        assertTrue(m.find());
        Set<String> shown = new TreeSet<>();
        Matcher code = Pattern.compile("`(\\w+)`").matcher(m.group(1));
        while (code.find()) {
            shown.add(code.group(1));
        }
        assertEquals(new TreeSet<>(randomDistributions()), shown);
    }

    @Test
    @DisplayName("mixlogit.Rd: draws, optimizer and vce show every code; Details describe every distribution")
    void rHelp() {
        String rd = read("../r-package/man/mixlogit.Rd");
        checkItem(rd, "draws", VOCABULARY.codes("draws"));
        checkItem(rd, "optimizer", VOCABULARY.codes("optimizers"));
        checkItem(rd, "vce", VOCABULARY.codes("vce"));
        for (String code : randomDistributions()) {
            assertTrue(rd.contains("\\item{\\code{\"" + code + "\"}"), "Details describe \"" + code + "\"");
        }
    }

    private static void checkItem(String rd, String argument, List<String> codes) {
        int start = rd.indexOf("\\item{" + argument + "}{");
        assertTrue(start >= 0, argument);
        int end = rd.indexOf("\\item{", start + 1);
        String item = rd.substring(start, end);
        for (String code : codes) {
            assertTrue(item.contains("\\code{\"" + code + "\"}"), argument + " does not show \"" + code + "\"");
        }
    }
}
