package org.mixlogit.stata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Behaviour that lives only in the ado-files, which cannot run here, checked by reading them for the pattern
 * Stata needs (see the README for what stays unverified in real Stata).
 */
class AdoPatternsTest {
    private static final String ADO = read("stata/jmixlogit.ado");
    private static final String POST = read("stata/_jmixlogit_post.ado");

    private static String read(String path) {
        try {
            return new String(Files.readAllBytes(Paths.get(path)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each "program define" with its body, from every ado-file. */
    private static List<String[]> programs() throws IOException {
        List<String[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Paths.get("stata"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".ado"))::iterator) {
                Matcher m = Pattern.compile("(?ms)^program define (\\w+)([^\\n]*)\\n(.*?)^end\\b").matcher(read(
                        f.toString()));
                while (m.find()) {
                    out.add(new String[] {f.getFileName() + ":" + m.group(1), m.group(2), m.group(3)});
                }
            }
        }
        return out;
    }

    @Test
    @DisplayName("every program that sorts (sort, by, egen ..., by()) is sortpreserve; no unstable sort anywhere")
    void sortpreserve() throws IOException {
        Pattern sorts = Pattern.compile("(?m)^\\s*(?:quietly\\s+)?(?:sort|gsort|bysort|by\\s[^:]*:)|egen[^\\n]*by\\(");
        int sorting = 0;
        for (String[] p : programs()) {
            if (sorts.matcher(p[2]).find()) {
                sorting++;
                assertTrue(p[1].contains("sortpreserve"), p[0] + " sorts the data but is not sortpreserve");
            }
            assertFalse(Pattern.compile("(?m)bysort|^\\s*(?:quietly\\s+)?sort\\s(?![^\\n]*stable)").matcher(p[2])
                    .find(), p[0] + ": bysort or sort without stable (ties in random order)");
        }
        assertTrue(sorting >= 3, "the estimation, its variation check and post-estimation sort");
    }

    @Test
    @DisplayName("pweights imply vce(robust); vce(oim) or vce(opg) with them is error 198")
    void pweights() {
        assertTrue(Pattern.compile("if \\(\"`weight'\" == \"pweight\"\\) \\{\\s*\\n\\s*if \\(\"`vcetype'\" == \"\"\\)"
                + " local vcetype \"robust\"").matcher(ADO).find());
        assertTrue(ADO.contains("not allowed with pweights"));
    }

    @Test
    @DisplayName("vce(): abbreviations, unabbreviated string-capable cluster variable, robust and cluster() words")
    void vce() {
        assertTrue(ADO.contains("substr(\"robust\", 1,") && ADO.contains("substr(\"cluster\", 1,"));
        assertTrue(ADO.contains("unab clustvar : `clustvar', max(1)"));
        assertTrue(Pattern.compile("markout `touse'[^\\n]*`clustvar', strok").matcher(ADO).find());
        assertTrue(ADO.contains("ereturn scalar N_clust = `jm_N_clust'"));
        assertTrue(ADO.contains("ereturn local vcetype \"Robust\""));
    }

    @Test
    @DisplayName("results are posted, then e(cmd) last; MSM and MSS store e(ll_sim), never e(ll)")
    void posting() {
        int post = ADO.indexOf("ereturn post `b' `V'");
        int cmd = ADO.indexOf("ereturn local cmd \"jmixlogit\"");
        assertTrue(post > 0 && cmd > post);
        Matcher after = Pattern.compile("ereturn (?:local|scalar|matrix) \\w+").matcher(ADO.substring(cmd + 10));
        assertFalse(after.find(), "nothing is stored after e(cmd)");
        Matcher msm = Pattern.compile("if \\(inlist\\(\"`jm_method'\", \"msm\", \"mss\"\\)\\) \\{([^}]*)\\}")
                .matcher(ADO);
        assertTrue(msm.find() && msm.group(1).contains("ll_sim") && !msm.group(1).contains("scalar ll ="));
        assertTrue(ADO.contains("_get_diopts diopts, `options'") && ADO.contains("ereturn display, level(`level')"
                + " `diopts'"), "display options through _get_diopts");
        assertTrue(ADO.contains("local N = r(sum)"), "e(N) is the sum of fweights");
    }

    @Test
    @DisplayName("jmixlogit_cov reads no data (b and V only): it works after estimates use, where e(sample) is empty (was 2000)")
    void covNeedsNoData() {
        assertTrue(POST.contains("javacall org.mixlogit.stata.JMixlogit cov, jars(jmixlogit.jar)"), "no varlist, no if");
        int guard = POST.indexOf("if (\"`task'\" != \"cov\") {\n        marksample touse, novarlist");
        int noData = POST.indexOf("if (r(N) == 0) error 2000");
        assertTrue(guard > 0 && noData > guard, "the sample is marked, and required, for the other tasks only");
        assertFalse(read("stata/jmixlogit_cov.ado").contains("e(sample)"), "jmixlogit_cov restricts to nothing");
    }

    @Test
    @DisplayName("predict: the fit warning is read from r() before count replaces r(), so every new variable gets the note")
    void fitWarningNote() {
        String predict = read("stata/jmixlogit_p.ado");
        int loop = predict.indexOf("foreach v of local targets {\n        if (`\"`warning'\"' != \"\")");
        assertTrue(loop > 0, "the note reads a local");
        int kept = predict.indexOf("local warning `\"`r(fit_warning)'\"'");
        assertTrue(kept > 0 && kept < loop, "r(fit_warning) kept before the loop");
        int call = predict.indexOf("_jmixlogit_post predict");
        String between = predict.substring(call, kept);
        assertFalse(Pattern.compile("(?m)^\\s*(?:quietly\\s+)?(?:count|summarize|tabulate)\\b").matcher(between).find(),
                "no r-class command between the post-estimation call and reading r(fit_warning)");
    }

    @Test
    @DisplayName("198: the dependent variable among the fixed or the random variables (it was a separation error 459)")
    void dependentVariableOnTheRight() {
        assertTrue(ADO.contains("local rhs `fixed' `allrandom'\n    local indep : list depvar & rhs"), "depvar checked"
                + " against every explanatory variable");
    }

    @Test
    @DisplayName("459 for groups with several chosen alternatives hints at group() numbered within id()")
    void groupWithinId() {
        Matcher check = Pattern.compile("capture assert `chosen' == 1 if `touse'\\s*\\n\\s*if \\(_rc\\) \\{(.*?)"
                + "exit 459", Pattern.DOTALL).matcher(ADO);
        assertTrue(check.find(), "the one-chosen check");
        assertTrue(check.group(1).contains("count if `chosen' > 1 & `touse'")
                && check.group(1).contains("egen long newvar = group(`id' `group')"), check.group(1));
    }

    @Test
    @DisplayName("casewise deletion at estimation (altwise keeps the rest) and whole situations in post-estimation")
    void choiceSets() {
        assertTrue(ADO.contains("egen byte `cut' = max(`ifin' & !`touse'), by(`group')"));
        assertTrue(POST.contains("egen byte `cut' = max(`missingcut' | (`esample' & !`inrange')), by(`e(group)')"));
        assertTrue(POST.contains("local jm_estdata = (r(N) == 0 & \"`otherdata'\" == \"\")"),
                "the fingerprint is checked exactly when the rows are e(sample)");
    }

    @Test
    @DisplayName("nclasses(): lclogit2's option words, membership marked out and passed, e(P) and friends posted")
    void latentClasses() {
        assertTrue(ADO.contains("NCLasses(numlist ascending integer >=1) MEMbership(varlist numeric)"
                + " COMmon(varlist numeric)"), "lclogit2's abbreviations nclasses() and membership(); a numlist");
        assertTrue(ADO.contains("local jm_nclasses \"`nclasses'\""), "the expanded numlist goes to the plugin");
        assertTrue(Pattern.compile("markout `touse'[^\\n]*`membership'").matcher(ADO).find(), "markout membership");
        assertTrue(Pattern.compile("javacall org\\.mixlogit\\.stata\\.JMixlogit estimate [^\\n]*(?:///\\s*\\n[^\\n]*)*"
                + "`membership'").matcher(ADO).find(), "javacall reads the membership variables");
        for (String m : LatentClassOutput.MATRICES) {
            String tempname = m.equals("selection") ? "S" : m;
            assertTrue(ADO.contains("ereturn matrix " + m + " = `" + tempname + "'"), "e(" + m + ")");
            assertTrue(Pattern.compile("local jm_lcnames \"[^\"]*\\b" + m + " `" + tempname + "'").matcher(ADO)
                    .find(), m + " in jm_lcnames");
            assertTrue(Pattern.compile("(?m)^\\s*tempname [^\\n]*\\b" + tempname + "\\b").matcher(ADO).find(),
                    tempname + " is a tempname");
        }
        assertTrue(Pattern.compile("if \\(\"`nclasses'\" != \"\"\\) \\{[^}]*ereturn scalar nclasses[^}]*\\}")
                .matcher(ADO).find(), "the latent class results are posted only with nclasses()");
        assertTrue(Pattern.compile("if \\(`: word count `nclasses'' > 1\\) \\{\\s*ereturn local nclasses_list"
                + " \"`nclasses'\"\\s*ereturn matrix selection = `S'\\s*\\}").matcher(ADO).find(),
                "e(selection) only after a range of classes");
        assertTrue(ADO.contains("capture confirm matrix e(selection)") && ADO.contains("matlist e(selection)"),
                "the replay shows the selection table");
        assertTrue(Pattern.compile("(?m)^\\s*tempname [^\\n]*\\bO\\b").matcher(ADO).find()
                && ADO.contains("local jm_optname \"`O'\"")
                && ADO.contains("if (`jm_n_optima' > 0) ereturn matrix optima = `O'")
                && ADO.contains("matlist e(optima)"), "the distinct optima are posted and shown");
        assertTrue(POST.contains("markout `touse' `e(group)' `e(id)' `e(fixed)' `e(random)' `e(ln)' `e(membership)'")
                && POST.contains("local vars `vars' `e(membership)'"), "post-estimation reads the membership data");
        String predict = read("stata/jmixlogit_p.ado");
        assertTrue(predict.contains("local targets `targets' `varlist'`c'")
                && predict.contains("confirm new variable `varlist'`c'"), "posterior makes stub1, stub2, ...");
        assertTrue(predict.contains("if (`class' > 0 & \"`posterior'\" == \"\") local statistic \"classpr\""));
    }

    @Test
    @DisplayName("no scalar round-trip, no wildcard scalar drop, threads and matrix limits passed from c()")
    void limits() {
        assertFalse(ADO.contains("scalar drop") || POST.contains("scalar drop"));
        assertTrue(ADO.contains("local jm_maxthreads \"`c(processors)'\"") && ADO.contains(
                "local jm_maxdim \"`c(max_matdim)'\"") && ADO.contains("local jm_macrolen \"`c(macrolen)'\""));
    }

    @Test
    @DisplayName("the package: Distribution-Date, author, Java 11, the jar and the example data as ancillary file")
    void pkg() {
        String pkg = read("stata/jmixlogit.pkg");
        assertTrue(Pattern.compile("(?m)^d Distribution-Date: \\d{8}$").matcher(pkg).find());
        assertTrue(pkg.contains("d Author:") && pkg.contains("Java 11 or newer"));
        assertTrue(pkg.contains("\nf jmixlogit.jar\n") && pkg.contains("\na electricity_long.csv"));
        assertTrue(read("stata/jmixlogit.sthlp").contains("Java 11 or newer"));
        assertEquals(read("../java/src/main/resources/org/mixlogit/io/electricity_long.csv").length(),
                Files.exists(Paths.get("stata/electricity_long.csv"))
                        ? read("stata/electricity_long.csv").length()
                        : read("../java/src/main/resources/org/mixlogit/io/electricity_long.csv").length(),
                "the build copies the example data next to the ado-files");
    }
}
