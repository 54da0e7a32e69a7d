package org.mixlogit.stata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ado-files, the help files and the plugin agree: every entry point and local an ado names exists in the
 * plugin and the other way round, each command's options are its help file's, the post-estimation ados read only
 * what jmixlogit stores in e(), and the package lists every file.
 */
class AdoConsistencyTest {
    private static final String ADO = read("stata/jmixlogit.ado");
    private static final String POST = read("stata/_jmixlogit_post.ado");
    private static final String PREDICT = read("stata/jmixlogit_p.ado");

    private static String read(String path) {
        try {
            return new String(Files.readAllBytes(Paths.get(path)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> all(Pattern p, String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    @DisplayName("every javacall entry point of the ados is a public static int method(String[]) of the plugin")
    void entryPoints() throws Exception {
        Pattern javacall = Pattern.compile("javacall org\\.mixlogit\\.stata\\.JMixlogit (\\w+)");
        Set<String> called = all(javacall, ADO);
        called.addAll(all(javacall, POST));
        assertEquals(new TreeSet<>(Arrays.asList(JMixlogit.ENTRY_POINTS)), called);
        for (String name : called) {
            Method m = JMixlogit.class.getMethod(name, String[].class);
            assertTrue(Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers()), name);
            assertEquals(int.class, m.getReturnType(), name);
        }
    }

    @Test
    @DisplayName("jmixlogit.ado sets the locals the estimation reads, and reads back those the plugin sets")
    void estimationLocals() {
        Set<String> set = all(Pattern.compile("(?m)^\\s*local (jm_\\w+)"), ADO);
        assertEquals(new TreeSet<>(PluginOptions.LOCALS), set);
        Set<String> used = all(Pattern.compile("`(?:macval\\()?(jm_\\w+)\\)?'"), ADO);
        used.removeAll(set);
        Set<String> fromPlugin = new TreeSet<>(PluginEstimation.RESULT_LOCALS);
        fromPlugin.add("jm_version");
        fromPlugin.addAll(OptionWords.RESULT_LOCALS);
        fromPlugin.removeAll(set);
        assertEquals(fromPlugin, used);
        assertTrue(set.containsAll(OptionWords.LOCALS), "the ado sets the option words before javacall options");
        assertTrue(ADO.contains("local jm_bname \"`b'\"") && ADO.contains("local jm_Vname \"`V'\"")
                && ADO.contains("ereturn post `b' `V'"), "Java writes b and V into the tempnames the ado posts");
        assertTrue(!ADO.contains("scalar(jm_") && !ADO.contains("scalar drop"), "no scalar round-trip");
    }

    @Test
    @DisplayName("_jmixlogit_post.ado sets the locals post-estimation reads, and reads back those the plugin sets")
    void postLocals() {
        Set<String> set = all(Pattern.compile("(?m)^\\s*local (jm_\\w+)"), POST);
        assertEquals(new TreeSet<>(PostOptions.LOCALS), set);
        Set<String> used = all(Pattern.compile("`(jm_\\w+)'"), POST);
        used.removeAll(set);
        Set<String> fromPlugin = new TreeSet<>(PluginPost.RESULT_LOCALS);
        fromPlugin.add("jm_version");
        assertEquals(fromPlugin, used);
        assertTrue(!POST.contains("scalar(jm_") && !POST.contains("scalar drop"), "no scalar round-trip");
        // every statistic's tempname is in jm_mnames, as the tests' InStata.MATRIX_NAMES
        for (String pair : InStata.MATRIX_NAMES.split(" (?=[a-zA-Z])")) {
            String stat = pair.split(" ")[0];
            assertTrue(Pattern.compile("local jm_mnames \"[^\"]*\\b" + stat + " `m\\w+'").matcher(POST).find(), stat);
        }
    }

    @Test
    @DisplayName("post-estimation reads only what jmixlogit stores in e(), and e(predict) names jmixlogit_p")
    void eReturns() {
        Set<String> stored = all(Pattern.compile("ereturn (?:local|scalar) (\\w+)"), ADO);
        stored.addAll(Arrays.asList("b", "V", "sample"));
        for (String ado : new String[] {POST, PREDICT, read("stata/jmixlogit_diversion.ado"),
            read("stata/jmixlogit_elasticities.ado"), read("stata/jmixlogit_wtp.ado")}) {
            Set<String> read = all(Pattern.compile("\\be\\((\\w+)\\)"), ado);
            read.removeAll(stored);
            assertEquals(new TreeSet<>(), read, "e() items read but never stored by jmixlogit.ado");
        }
        assertTrue(ADO.contains("ereturn local predict \"jmixlogit_p\""));
        assertTrue(ADO.contains("ereturn local saved `\"`macval(jm_saved)'\"'")
                && ADO.contains("ereturn local spec_json `\"`macval(jm_spec_json)'\"'")
                && ADO.contains("ereturn local options_json `\"`macval(jm_options_json)'\"'"),
                "JSON kept in compound quotes, not expanded again");
    }

    @ParameterizedTest(name = "e({0}) is stored from the plugin's local {1}")
    @CsvSource({"estimator, jm_method", "gmm_criterion, jm_gmm_criterion", "J, jm_J", "J_df, jm_J_df", "J_p, jm_J_p",
        "W_cond, jm_W_cond", "weighting, jm_weighting_used", "instruments, jm_instrument_names"})
    void msmResults(String item, String local) {
        assertTrue(Pattern.compile("ereturn (?:scalar|local) " + item + " (?:= `" + local + "'|\"`" + local + "'\")")
                .matcher(ADO).find(), "e(" + item + ") from " + local);
        assertTrue(PluginEstimation.RESULT_LOCALS.contains(local), local);
    }

    @Test
    @DisplayName("estimator(msm): the ado marks out the instrument variables and passes them to javacall")
    void msmInstruments() {
        assertTrue(Pattern.compile("markout `touse'[^\\n]*`instvars'").matcher(ADO).find(), "markout instvars");
        assertTrue(Pattern.compile("javacall org\\.mixlogit\\.stata\\.JMixlogit estimate [^\\n]*(?:///\\s*\\n[^\\n]*)*"
                + "`instextra' if `touse'").matcher(ADO).find(), "javacall lists the instrument variables");
        assertTrue(Pattern.compile("javacall org\\.mixlogit\\.stata\\.JMixlogit options[^\\n]*\\n(?:[^\\n]*\\n){0,3}"
                + "[^\\n]*if \\(\"`jm_instvars'\" != \"\"\\)").matcher(ADO).find(),
                "the instrument variables the plugin found are unabbreviated and marked out");
    }

    @Test
    @DisplayName("jmixlogit.sthlp documents every e() item jmixlogit.ado stores")
    void storedResultsDocumented() {
        String help = read("stata/jmixlogit.sthlp");
        for (String item : all(Pattern.compile("ereturn (?:local|scalar) (\\w+)"), ADO)) {
            assertTrue(help.contains("{cmd:e(" + item + ")}"), "e(" + item + ") is not in jmixlogit.sthlp");
        }
    }

    @Test
    @DisplayName("predict's statistics are the plugin's")
    void predictStatistics() {
        Set<String> statistics = all(Pattern.compile("local statistic \"(\\w+)\""), PREDICT);
        assertEquals(new TreeSet<>(PluginPost.STATISTICS), statistics);
    }

    @ParameterizedTest(name = "{0}.ado has the options of {1}.sthlp, with the same abbreviations")
    @CsvSource({"jmixlogit, jmixlogit", "jmixlogit_p, jmixlogit_postestimation",
        "jmixlogit_diversion, jmixlogit_diversion", "jmixlogit_elasticities, jmixlogit_elasticities",
        "jmixlogit_wtp, jmixlogit_wtp",
        "jmixlogit_cov, jmixlogit_cov"})
    void options(String ado, String help) {
        assertEquals(helpOptions(read("stata/" + help + ".sthlp")), adoOptions(read("stata/" + ado + ".ado")));
    }

    @Test
    @DisplayName("the wrappers pass _jmixlogit_post only options it declares")
    void wrappers() {
        Set<String> declared = adoOptions(POST);
        for (String ado : new String[] {"jmixlogit_p", "jmixlogit_diversion", "jmixlogit_elasticities",
            "jmixlogit_wtp"}) {
            String text = read("stata/" + ado + ".ado");
            Matcher call = Pattern.compile("_jmixlogit_post \\w+ `if' `in', ([^\\n]*(?:///\\s*\\n[^\\n]*)*)")
                    .matcher(text);
            assertTrue(call.find(), ado);
            for (String passed : all(Pattern.compile("\\b([a-z]+)\\("), call.group(1))) {
                assertTrue(declared.stream().anyMatch(d -> d.replace(":", "").equals(passed)), ado + " passes "
                        + passed + "(), which _jmixlogit_post does not declare: " + declared);
            }
        }
    }

    @Test
    @DisplayName("the package lists every ado and help file")
    void packageFiles() throws IOException {
        Set<String> files = new TreeSet<>();
        try (java.util.stream.Stream<java.nio.file.Path> s = Files.list(Paths.get("stata"))) {
            s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".ado") || f.endsWith(".sthlp"))
                    .forEach(files::add);
        }
        Set<String> listed = all(Pattern.compile("(?m)^f (\\S+\\.(?:ado|sthlp))$"), read("stata/jmixlogit.pkg"));
        assertEquals(files, listed);
    }

    /** The options of an ado's syntax command, as "abbrev:rest" or "word" when it cannot be abbreviated. */
    private static Set<String> adoOptions(String ado) {
        StringBuilder command = new StringBuilder();
        boolean inSyntax = false;
        for (String line : ado.split("\\R")) {
            inSyntax |= line.trim().startsWith("syntax ");
            if (inSyntax) {
                command.append(line.replace("///", " "));
                if (!line.trim().endsWith("///")) {
                    break;
                }
            }
        }
        String options = command.substring(command.indexOf(",") + 1);
        Set<String> out = new TreeSet<>();
        Matcher option = Pattern.compile("\\b(no)?([A-Z]+)([a-z]*)(?=\\(|\\s|\\]|$)").matcher(options);
        while (option.find()) {
            String abbrev = (option.group(1) == null ? "" : "no") + option.group(2).toLowerCase(java.util.Locale.ROOT);
            String rest = option.group(3);
            out.add(rest.isEmpty() ? abbrev : abbrev + ":" + rest);
        }
        return out;
    }

    private static Set<String> helpOptions(String help) {
        Set<String> out = all(Pattern.compile("\\{synopt:\\{opt ([a-z]+(?::[a-z]+)?)"), help);
        out.addAll(all(Pattern.compile("\\{p2coldent:\\* \\{opt ([a-z]+(?::[a-z]+)?)"), help));
        return out;
    }
}
