package org.mixlogit.stata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.stata.sfi.StataSimulator;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A Stata session's first jmixlogit in a fresh JVM (version, options, estimate, then predict) loads no class of
 * Jackson's databind, whose start-up costs about 0.4 s of CPU: every JSON of that path goes through jackson-core's
 * streaming parser and generator. The session runs in a child JVM with class loading logged.
 */
class DatabindFreeSessionTest {
    @Test
    @DisplayName("version, options, estimate and predict in a fresh JVM: jackson-core loaded, databind not")
    void noDatabind() throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(List.of(java, "-Xlog:class+load=info", "-cp",
                System.getProperty("java.class.path"), FirstSession.class.getName()));
        Path log = Files.createTempFile("jmixlogit-classes", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertEquals(0, p.waitFor(), () -> tail(log));
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            assertTrue(lines.contains("first session: ok"), () -> tail(log));
            assertTrue(lines.stream().anyMatch(l -> l.contains("com.fasterxml.jackson.core.JsonParser ")),
                    "the class-load log must show jackson-core");
            List<String> databind = lines.stream().filter(l -> l.contains("com.fasterxml.jackson.databind"))
                    .collect(Collectors.toList());
            assertTrue(databind.isEmpty(), databind.size() + " databind classes, the first: " + databind.stream()
                    .limit(5).collect(Collectors.joining("\n")));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The child JVM: the entry points in the order of a session's first fit and prediction. */
    static final class FirstSession {
        private FirstSession() {
        }

        public static void main(String[] args) {
            check("version", JMixlogit.version(new String[0]));
            ElectricityInStata.load();
            ElectricityInStata.locals(FittedInStata.smallModel());
            check("options", JMixlogit.options(new String[0]));
            FittedInStata fit = FittedInStata.estimate();
            double[][] data = FittedInStata.load();
            StataSimulator.setIfCondition(FittedInStata.sample(data));
            FittedInStata.newVariable("p", data[0].length);
            Map<String, String> locals = new HashMap<>();
            locals.put("jm_statistic", "pr");
            locals.put("jm_newvar", "p");
            locals.put("jm_depvar", "");
            fit.install(locals);
            check("predict", JMixlogit.predict(new String[0]));
            System.out.println("first session: ok");
        }

        private static void check(String entry, int rc) {
            if (rc != 0) {
                throw new IllegalStateException(entry + ": return code " + rc + ", " + StataSimulator.errorOutput());
            }
        }
    }
}
