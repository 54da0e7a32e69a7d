package org.mixlogit.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.mixlogit.bench.MonteCarloStudy;
import org.mixlogit.integration.DrawType;

/** {@code mixlogit montecarlo}: the MSLE versus MSM simulation-bias study (see {@link MonteCarloStudy}). */
final class MonteCarloCommand {
    static final Set<String> OPTIONS = new HashSet<>(Arrays.asList("replications", "R", "people", "panel-people",
            "situations", "designs", "draws", "seed", "threads", "out", "mss", "mss-is"));
    static final Set<String> FLAGS = new HashSet<>(Arrays.asList("help"));

    private MonteCarloCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options o = Options.parse(args, OPTIONS, FLAGS);
        if (o.flag("help")) {
            out.print(Help.MONTECARLO);
            return 0;
        }
        new CommandFiles().output("out", o.get("out", null)).check();
        int replications = o.integer("replications", 30, 2);
        List<String> rs = o.has("R") ? o.list("R") : Arrays.asList("10", "25", "100", "500");
        if (rs.isEmpty()) {
            throw new UsageException("--R is empty: give the draw counts to compare, such as 10,25,100,500.");
        }
        int[] draws = new int[rs.size()];
        for (int i = 0; i < draws.length; i++) {
            try {
                draws[i] = Integer.parseInt(rs.get(i));
            } catch (NumberFormatException e) {
                throw new UsageException("--R takes whole numbers such as 10,25,100,500; got '" + rs.get(i) + "'.");
            }
            if (draws[i] < 1) {
                throw new UsageException("--R values must be at least 1; got " + draws[i] + ".");
            }
        }
        List<MonteCarloStudy.Design> designs = new ArrayList<>();
        List<String> chosen = o.has("designs") ? o.list("designs") : Arrays.asList("cross-section", "panel");
        if (chosen.isEmpty()) {
            throw new UsageException("--designs is empty: give cross-section, panel or both (cross-section,panel).");
        }
        for (String d : chosen) {
            if (d.equals("cross-section") || d.equals("cross")) {
                designs.add(new MonteCarloStudy.Design("cross-section", o.integer("people", 1000, 10), 1));
            } else if (d.equals("panel")) {
                designs.add(new MonteCarloStudy.Design("panel", o.integer("panel-people", 300, 10),
                        o.integer("situations", 5, 2)));
            } else {
                throw new UsageException("--designs takes cross-section and/or panel; got '" + d + "'.");
            }
        }
        DrawType type = DrawType.fromCode(o.get("draws", "random"));
        List<String> ms = new ArrayList<>();
        if (o.has("mss")) {
            ms.addAll(o.list("mss"));
        } else {
            for (String r : Arrays.asList("10", "25", "100")) {
                if (rs.contains(r)) {
                    ms.add(r); // the default: MSS at those of 10, 25 and 100 that are among --R
                }
            }
        }
        if (ms.size() == 1 && ms.get(0).equals("none")) {
            ms = new ArrayList<>();
        }
        int[] scoreDraws = new int[ms.size()];
        for (int i = 0; i < scoreDraws.length; i++) {
            try {
                scoreDraws[i] = Integer.parseInt(ms.get(i));
            } catch (NumberFormatException e) {
                throw new UsageException("--mss takes draw counts among --R, such as 10,25,100, or none; got '"
                        + ms.get(i) + "'.");
            }
            if (!rs.contains(ms.get(i))) {
                throw new UsageException("--mss " + scoreDraws[i] + " is not among the draw counts --R " + rs + ".");
            }
        }
        int[] importanceDraws = new int[0];
        if (o.has("mss-is")) {
            List<String> is = o.list("mss-is");
            importanceDraws = new int[is.size()];
            for (int i = 0; i < importanceDraws.length; i++) {
                try {
                    importanceDraws[i] = Integer.parseInt(is.get(i));
                } catch (NumberFormatException e) {
                    throw new UsageException("--mss-is takes draw counts among --R, such as 10,25,100; got '"
                            + is.get(i) + "'.");
                }
                if (!rs.contains(is.get(i))) {
                    throw new UsageException("--mss-is " + importanceDraws[i] + " is not among the draw counts --R "
                            + rs + ".");
                }
            }
        }
        String table = MonteCarloStudy.run(designs, draws, scoreDraws, importanceDraws, replications, type,
                o.longValue("seed", 1L), o.threads(), err);
        out.print(table);
        if (o.has("out")) {
            CommandFiles.write("out", o.get("out", ""), table);
        }
        return 0;
    }
}
