package org.mixlogit.stata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * jmixlogit.ado, jmixlogit.sthlp and the plugin agree: every entry point and local the ado names exists in the
 * plugin and the other way round, and the ado's options are the help file's.
 */
class AdoConsistencyTest {
    private static final String ADO = read("stata/jmixlogit.ado");
    private static final String HELP = read("stata/jmixlogit.sthlp");

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
    @DisplayName("every javacall entry point of the ado is a public static int method(String[]) of the plugin")
    void entryPoints() throws Exception {
        Set<String> called = all(Pattern.compile("javacall org\\.mixlogit\\.stata\\.JMixlogit (\\w+)"), ADO);
        assertEquals(new TreeSet<>(java.util.Arrays.asList(JMixlogit.ENTRY_POINTS)), called);
        for (String name : called) {
            Method m = JMixlogit.class.getMethod(name, String[].class);
            assertTrue(Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers()), name);
            assertEquals(int.class, m.getReturnType(), name);
        }
    }

    @Test
    @DisplayName("the locals the ado sets are the ones the plugin reads, and the ones it reads back are set")
    void locals() {
        Set<String> set = all(Pattern.compile("local (jm_\\w+)"), ADO);
        assertEquals(new TreeSet<>(PluginOptions.LOCALS), set);
        Set<String> used = all(Pattern.compile("`(jm_\\w+)'"), ADO);
        used.removeAll(set);
        Set<String> fromPlugin = new TreeSet<>(PluginEstimation.RESULT_LOCALS);
        fromPlugin.add("jm_version");
        assertEquals(fromPlugin, used);
        assertTrue(ADO.contains("scalar(" + PluginEstimation.B_PREFIX) && ADO.contains("scalar("
                + PluginEstimation.V_PREFIX), "the ado assembles b and V from the plugin's scalars");
    }

    @Test
    @DisplayName("the ado's options are the help file's, with the same abbreviations")
    void options() {
        StringBuilder command = new StringBuilder();
        boolean inSyntax = false;
        for (String line : ADO.split("\\R")) {
            inSyntax |= line.trim().startsWith("syntax varlist");
            if (inSyntax) {
                command.append(line.replace("///", " "));
                if (!line.trim().endsWith("///")) {
                    break;
                }
            }
        }
        String options = command.substring(command.indexOf(",") + 1);
        Set<String> ado = new TreeSet<>();
        Matcher option = Pattern.compile("\\b([A-Z]+)([a-z]*)(?=\\(|\\s|\\]|$)").matcher(options);
        while (option.find()) {
            String abbrev = option.group(1).toLowerCase(java.util.Locale.ROOT);
            String rest = option.group(2);
            ado.add(rest.isEmpty() || abbrev.length() == (abbrev + rest).length() ? abbrev : abbrev + ":" + rest);
        }
        Set<String> help = all(Pattern.compile("\\{p?2?c?o?l?d?e?n?t?:?\\*? ?\\{opt ([a-z]+(?::[a-z]+)?)"), HELP);
        help.addAll(all(Pattern.compile("\\{synopt:\\{opt ([a-z]+(?::[a-z]+)?)"), HELP));
        help.addAll(all(Pattern.compile("\\{p2coldent:\\* \\{opt ([a-z]+(?::[a-z]+)?)"), HELP));
        assertEquals(ado, help);
    }
}
