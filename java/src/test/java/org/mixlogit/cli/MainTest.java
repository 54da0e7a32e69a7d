package org.mixlogit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line tool: the example job, estimation from a CSV file, and its error messages and exit codes. */
class MainTest extends CliTestBase {

    @Test
    @DisplayName("example: the Electricity mixed logit, LL -3952.4877, progress on standard error, exit 0")
    void example() {
        assertEquals(0, run("example", "--threads", "2"));
        assertTrue(out().contains("Log likelihood = -3952.4877"), out());
        assertTrue(err().contains("iteration"), err());
    }

    @Test
    @DisplayName("estimate --method msm: plain logit by MSM equals ML (LL -4958.6491); instrument columns and errors")
    void estimateByMsm(@TempDir Path dir) throws Exception {
        Path csv = CliTestData.electricityCsv(dir);
        Path json = dir.resolve("msm.json");
        int code = run("estimate", "--data", csv.toString(), "--choice", "choice", "--group", "chid", "--id", "id",
                "--fixed", "pf,cl,loc,wk,tod,seas", "--method", "msm", "--json", json.toString(), "--quiet",
                "--threads", "2");
        assertEquals(0, code, err());
        assertTrue(out().contains("Conditional logit, method of moments"), out());
        assertTrue(out().contains("Log likelihood = -4958.6491"), out());
        assertTrue(out().contains("Covariance: GMM sandwich"), out());
        String text = new String(Files.readAllBytes(json), StandardCharsets.UTF_8);
        assertTrue(text.contains("\"estimator\" : \"MSM\"") && text.contains("\"df\" : 0"), text);
        out.reset();
        code = run("estimate", "--data", csv.toString(), "--choice", "choice", "--group", "chid", "--id", "id",
                "--fixed", "pf,cl,loc", "--method", "msm", "--instruments", "pf,cl,loc,wk", "--weighting",
                "two-step", "--quiet", "--threads", "2", "--integration-check", "0");
        assertEquals(0, code, err());
        assertTrue(out().contains("Hansen's J (df 1)"), out());
        assertTrue(out().contains("Instruments: pf, cl, loc, wk."), out());
        assertEquals(2, run("estimate", "--data", csv.toString(), "--choice", "choice", "--group", "chid",
                "--fixed", "pf", "--instruments", "pf"));
        assertTrue(err().contains("--instruments is an option of the method of simulated moments: add --method"
                + " msm"), err());
        assertEquals(3, run("estimate", "--data", csv.toString(), "--choice", "choice", "--group", "chid",
                "--id", "id", "--fixed", "pf,cl", "--method", "msm", "--instruments", "pf", "--quiet"));
        assertTrue(err().contains("under-identified: 1 instrument(s) (pf) for 2 parameters (pf, cl)"), err());
    }

    @Test
    @DisplayName("estimate from a CSV file with --json")
    void estimateFromFile(@TempDir Path dir) throws Exception {
        Path csv = CliTestData.electricityCsv(dir);
        Path json = dir.resolve("out.json");
        int code = run("estimate", "--data", csv.toString(), "--choice", "choice", "--group", "chid", "--id", "id",
                "--fixed", "pf,cl,loc,wk,tod,seas", "--json", json.toString(), "--quiet", "--threads", "2");
        assertEquals(0, code, err());
        assertTrue(out().contains("Log likelihood = -4958.6491"), out());
        assertTrue(new String(Files.readAllBytes(json), StandardCharsets.UTF_8).contains("\"loglik\" : -4958.649"));
        assertEquals("", err());
    }

    @Test
    @DisplayName("an exponential price and a correlated normal-lognormal block from the command line")
    void exponentialAndLognormalBlock(@TempDir Path dir) throws Exception {
        Path csv = CliTestData.electricityCsv(dir);
        Path json = dir.resolve("fit.json");
        int code = run("estimate", "--data", csv.toString(), "--choice", "choice", "--group", "chid", "--id", "id",
                "--fixed", "cl,tod,seas", "--random", "pf=e,loc=n,wk=ln", "--correlated", "loc,wk", "--R", "20",
                "--json", json.toString(), "--quiet", "--threads", "2");
        assertEquals(0, code, err() + out());
        for (String name : new String[] {"sd.pf", "chol.wk:loc", "mean(pf)", "median(pf)", "cov(log(wk),loc)",
            "cor(log(wk),loc)", "mean(wk)"}) {
            assertTrue(out().contains(name), name + " missing from " + out());
        }
        assertTrue(!out().contains("abs(sd.pf)"), "the exponential's scale keeps its sign: " + out());
        String saved = new String(Files.readAllBytes(json), StandardCharsets.UTF_8);
        assertTrue(saved.contains("\"distribution\" : \"e\"") && saved.contains("\"distribution\" : \"ln\""),
                saved);
    }

    @Test
    @DisplayName("bad options are named, with exit code 2; bad data or model with exit code 3")
    void errors(@TempDir Path dir) throws Exception {
        assertEquals(2, run("estimate", "--data", "x.csv", "--choise", "y"));
        assertTrue(err().contains("--choise"), err());
        err.reset();
        assertEquals(2, run("estimate", "--data", "x.csv", "--choice", "c", "--group", "g", "--random", "pf"));
        assertTrue(err().contains("name=distribution"), err());
        err.reset();
        assertEquals(2, run("estimate", "--data", "x.csv", "--choice", "c", "--group", "g", "--fixed", "a",
                "--R", "many"));
        assertTrue(err().contains("--R"), err());
        err.reset();
        Path csv = dir.resolve("d.csv");
        Files.write(csv, "g,c,x\n1,1,2\n1,0,3\n2,0,1\n2,0,5\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(3, run("estimate", "--data", csv.toString(), "--choice", "c", "--group", "g", "--fixed", "x"));
        assertTrue(err().contains("situation 2") && err().contains("no chosen alternative"), err());
        err.reset();
        assertEquals(3, run("estimate", "--data", csv.toString(), "--choice", "c", "--group", "g", "--random",
                "x=weibull"));
        assertTrue(err().contains("weibull"), err());
        err.reset();
        assertEquals(2, run("frobnicate"));
        assertEquals(0, run("estimate", "--help"));
        assertTrue(out().contains("--correlated"));
    }

    @Test
    @DisplayName("vocabulary prints the engine's lists as JSON; estimate --help shows every code and default of it")
    void vocabulary() throws Exception {
        assertEquals(0, run("vocabulary"));
        com.fasterxml.jackson.databind.JsonNode v = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out());
        assertEquals(org.mixlogit.bridge.Vocabulary.FORMAT, v.get("format").asText());
        out.reset();
        assertEquals(0, run("estimate", "--help"));
        String help = out().replaceAll("\\s+", " ");
        org.mixlogit.bridge.Vocabulary vocabulary = org.mixlogit.bridge.Vocabulary.engine();
        for (String list : new String[] {"draws", "optimizers", "vce", "methods", "weighting"}) {
            for (String code : vocabulary.codes(list)) {
                assertTrue(help.matches("(?s).*[ ,:(]" + java.util.regex.Pattern.quote(code) + "[ ,;:)].*"),
                        list + " " + code + " is not in the help");
            }
        }
        for (org.mixlogit.spec.Distribution d : org.mixlogit.spec.Distribution.values()) {
            if (d.isRandom()) {
                assertTrue(help.contains(d.code() + " " + d.label()), d.code());
            }
        }
        assertTrue(help.contains("(default " + vocabulary.defaultValue("R").asText() + ")"), help);
        assertTrue(help.contains(vocabulary.defaultValue("draws").asText() + " (default)"), help);
        assertTrue(help.contains("default " + vocabulary.defaultValue("maxIterations").asText()), help);
        assertTrue(help.contains("(default " + vocabulary.defaultValue("seed").asText() + ")"), help);
    }

    @Test
    @DisplayName("estimate without options uses the vocabulary's defaults (draws, R, seed, optimizer, vce, level)")
    void estimateDefaults(@TempDir Path dir) throws Exception {
        Path csv = CliTestData.electricityCsv(dir);
        Path json = dir.resolve("defaults.json");
        assertEquals(0, run("estimate", "--data", csv.toString(), "--choice", "choice", "--group", "chid", "--id",
                "id", "--fixed", "pf,loc", "--random", "cl=n", "--json", json.toString(), "--quiet", "--threads", "2",
                "--integration-check", "0"), err());
        com.fasterxml.jackson.databind.JsonNode r = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.toFile());
        org.mixlogit.bridge.Vocabulary v = org.mixlogit.bridge.Vocabulary.engine();
        assertEquals(v.defaultValue("draws").asText(), r.get("integration").get("type").asText());
        assertEquals(v.defaultValue("R").asInt(), r.get("integration").get("size").asInt());
        assertEquals(v.defaultValue("seed").asLong(), r.get("integration").get("seed").asLong());
        assertEquals(v.defaultValue("optimizer").asText(), r.get("optimizer").asText());
        assertEquals(v.defaultValue("vce").asText(), r.get("vce").asText());
        assertEquals(v.defaultValue("level").asDouble(), r.get("level").asDouble(), 0.0);
        assertEquals("MSLE", r.get("estimator").asText());
    }

    @Test
    @DisplayName("quadrature options: --points for gh/agh, --level for sparse and sparse-gh; misuse is named")
    void quadratureOptions(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("fishing.csv");
        StringBuilder b = new StringBuilder("id,choice,price,catch\n");
        java.util.Random random = new java.util.Random(4);
        for (int n = 1; n <= 150; n++) {
            int pick = random.nextInt(3);
            for (int j = 0; j < 3; j++) {
                b.append(n).append(',').append(j == pick ? 1 : 0).append(',').append(random.nextDouble() * 3)
                        .append(',').append(random.nextGaussian()).append('\n');
            }
        }
        Files.write(csv, b.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(0, run("estimate", "--data", csv.toString(), "--choice", "choice", "--group", "id", "--random",
                "price=n", "--fixed", "catch", "--draws", "gh", "--points", "12", "--quiet", "--threads", "1"), err());
        assertTrue(out().contains("gh, 12 points per dimension"), out());
        assertEquals(0, run("estimate", "--data", csv.toString(), "--choice", "choice", "--group", "id", "--random",
                "price=n", "--fixed", "catch", "--draws", "sparse", "--level", "6", "--quiet", "--threads", "1"),
                err());
        assertTrue(out().contains("sparse, level 6 (nested Genz-Keister"), out());
        assertEquals(0, run("estimate", "--data", csv.toString(), "--choice", "choice", "--group", "id", "--random",
                "price=n", "--fixed", "catch", "--draws", "sparse-gh", "--level", "6", "--quiet", "--threads", "1"),
                err());
        assertTrue(out().contains("sparse-gh, level 6 (Gauss-Hermite"), out());
        assertEquals(2, run("estimate", "--data", csv.toString(), "--choice", "choice", "--group", "id", "--random",
                "price=n", "--draws", "halton", "--points", "12"));
        assertTrue(err().contains("--points is for --draws gh or agh"), err());
    }

    @Test
    @DisplayName("post-estimation from --json: diversion sums to one, WTP is the coefficient ratio, errors named")
    void postEstimationFromJson(@TempDir Path dir) throws Exception {
        Path csv = CliTestData.electricityCsv(dir);
        Path json = dir.resolve("fit.json");
        assertEquals(0, run("estimate", "--data", csv.toString(), "--choice", "choice", "--group", "chid", "--id",
                "id", "--alt", "alt", "--fixed", "pf,cl,loc,wk,tod,seas", "--json", json.toString(), "--quiet",
                "--threads", "2"), err());
        Path table = dir.resolve("diversion.csv");
        out.reset();
        assertEquals(0, run("diversion", "--from", json.toString(), "--type", "removal", "--csv", table.toString(),
                "--threads", "2"), err());
        assertTrue(out().contains("Product-removal (second-choice) diversion ratios"), out());
        java.util.List<String> lines = Files.readAllLines(table);
        assertEquals("market,alternative,other,estimate,stderr,lower,upper,kr_sd,kr_lower,kr_upper,simulation_error",
                lines.get(0));
        assertEquals(13, lines.size());
        double[] sums = new double[5];
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            sums[Integer.parseInt(f[1])] += Double.parseDouble(f[3]);
            assertTrue(Double.parseDouble(f[4]) > 0, "a delta-method standard error: " + line);
            assertEquals("NA", f[10], "no simulation error without random coefficients");
        }
        for (int j = 1; j <= 4; j++) {
            assertEquals(1.0, sums[j], 1e-12);
        }
        out.reset();
        assertEquals(0, run("wtp", "--from", json.toString(), "--attribute", "cl", "--cost", "pf"), err());
        assertTrue(out().contains("mean -0.17321"), out());
        assertEquals(2, run("elasticities", "--from", json.toString()));
        assertTrue(err().contains("--attribute"), err());
        assertEquals(3, run("elasticities", "--from", json.toString(), "--attribute", "price"));
        assertTrue(err().contains("'price' is not an attribute of the model"), err());
        assertEquals(2, run("shares", "--from", dir.resolve("none.json").toString()));
        assertTrue(err().contains("no such file"), err());
    }
}
