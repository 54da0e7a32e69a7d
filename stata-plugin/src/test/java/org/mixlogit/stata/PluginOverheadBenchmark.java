package org.mixlogit.stata;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.stata.sfi.StataSimulator;

import org.mixlogit.data.ChoiceData;
import org.mixlogit.data.ChoiceDataBuilder;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.estimation.MsleEstimator;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.ModelSpec;

/**
 * A benchmark (not a test): the Java-side cost of the Stata plugin over the engine for the same fit. Electricity,
 * six normal coefficients, panel, R = 500, two threads: {@code plugin} runs {@link JMixlogit#estimate} on the
 * in-memory Stata, whose dataset is loaded before the clock starts (reading the variables, estimating, posting b, V
 * and the e() locals, printing the iteration log),
 * {@code engine} builds the same {@link ChoiceData} from the same columns and runs {@link MsleEstimator}. Each
 * kind runs first in its own JVM (cold, as a Stata session's first fit) and then {@code rounds} more times in
 * turn (warm); the process CPU time of each run is printed. Usage (after {@code mvn -o -q -pl stata-plugin -am
 * test-compile}):
 * <pre>
 *   java -cp "$(cat stata-plugin/target/test-classpath.txt)" org.mixlogit.stata.PluginOverheadBenchmark plugin 5
 *   java -cp "$(cat stata-plugin/target/test-classpath.txt)" org.mixlogit.stata.PluginOverheadBenchmark engine 5
 * </pre>
 * (docs/benchmarks-issue18.sh builds the class path.)
 */
public final class PluginOverheadBenchmark {
    private static final String[] RANDOM = {"pf", "cl", "loc", "wk", "tod", "seas"};

    private PluginOverheadBenchmark() {
    }

    public static void main(String[] args) {
        String first = args.length > 0 ? args[0] : "plugin";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double[][] data = ElectricityInStata.columns();
        report(first + " (cold)", first, data);
        String other = first.equals("plugin") ? "engine" : "plugin";
        for (int i = 0; i < rounds; i++) {
            report(first + " (warm)", first, data);
            report(other + " (warm)", other, data);
        }
    }

    private static void report(String label, String kind, double[][] data) {
        if (kind.equals("plugin")) {
            // Stata's dataset in memory, as after import delimited: not part of the plugin's cost
            ElectricityInStata.load();
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        double logLik = kind.equals("plugin") ? plugin() : engine(data);
        System.out.printf(Locale.ROOT, "%-15s cpu %6.3f s  wall %6.3f s  log-likelihood %.6f%n", label,
                (os.getProcessCpuTime() - cpu) / 1e9, (System.nanoTime() - wall) / 1e9, logLik);
    }

    private static double plugin() {
        Map<String, String> locals = new HashMap<>();
        locals.put("jm_depvar", "choice");
        locals.put("jm_random", String.join(" ", RANDOM));
        locals.put("jm_group", "chid");
        locals.put("jm_id", "id");
        locals.put("jm_nrep", "500");
        locals.put("jm_threads", "2");
        ElectricityInStata.locals(locals);
        int rc = JMixlogit.estimate(new String[0]);
        if (rc != 0) {
            throw new IllegalStateException("plugin rc " + rc + ": " + StataSimulator.errorOutput());
        }
        return Double.parseDouble(StataSimulator.local("jm_ll"));
    }

    private static double engine(double[][] data) {
        int n = data[0].length;
        long[] situation = new long[n];
        long[] person = new long[n];
        for (int i = 0; i < n; i++) {
            situation[i] = (long) data[9][i];
            person[i] = (long) data[1][i];
        }
        ChoiceDataBuilder b = ChoiceData.builder().situations(situation).decisionMakers(person).chosen(data[0]);
        ModelSpec.Builder spec = ModelSpec.builder();
        for (int k = 0; k < RANDOM.length; k++) {
            b.attribute(RANDOM[k], data[3 + k].clone());
            spec.random(RANDOM[k], Distribution.NORMAL);
        }
        EstimationResult r = new MsleEstimator(EstimatorConfig.defaults().withThreads(2)
                .withIntegration(IntegrationConfig.of(DrawType.HALTON, 500))).estimate(b.build(), spec.build());
        return r.logLikelihood();
    }
}
