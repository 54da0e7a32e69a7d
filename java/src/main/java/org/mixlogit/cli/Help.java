package org.mixlogit.cli;

/** The help texts. */
final class Help {
    static final String MAIN = String.join("\n",
            "mixlogit: mixed (random-coefficients) logit estimation",
            "",
            "Usage:",
            "  ./mixlogit example [--threads T] [--json OUT] [--quiet]",
            "      Estimate the Electricity example (six independent normal coefficients, panel, 100 Halton",
            "      draws) on the bundled data and print the results table.",
            "  ./mixlogit estimate --data FILE.csv --choice COL --group COL [options]   (see estimate --help)",
            "  ./mixlogit bench [--draws R] [--evals N] [--cache-bytes B]",
            "      Time one log-likelihood + gradient evaluation of the example model.",
            "",
            "Exit codes: 0 converged, 1 not converged, 2 bad command line, 3 bad data or model.",
            "");

    static final String ESTIMATE = String.join("\n",
            "Usage: ./mixlogit estimate --data FILE.csv --choice COL --group COL [options]",
            "",
            "Data (long format: one row per alternative per choice situation):",
            "  --data FILE.csv        CSV file with a header row",
            "  --choice COL           0/1 column, 1 for the chosen alternative",
            "  --group COL            choice-situation id column",
            "  --id COL               decision-maker id column: a panel, one draw of beta per decision-maker",
            "  --weights COL          weight column, constant within each decision-maker",
            "",
            "Model (or --spec FILE.json, the shared JSON specification):",
            "  --fixed a,b            attributes with fixed coefficients",
            "  --random pf=n,cl=ln    random coefficients: n normal, ln lognormal, t triangular, u uniform,",
            "                         cn censored normal at 0, tn truncated normal at 0",
            "  --correlated a,b       correlated (normal-based) random coefficients, lower Cholesky factor",
            "  --heterogeneity cl=income+age   characteristics shifting a random coefficient's mean",
            "",
            "Integration and estimation:",
            "  --draws TYPE           halton (default), shalton (scrambled Halton), mlhs, sobol, random,",
            "                         gh (Gauss-Hermite product rule), sparse (Heiss-Winschel sparse grid)",
            "  --R N                  draws per decision-maker (default 100); for gh the points per dimension,",
            "                         for sparse the accuracy level",
            "  --seed S               seed of the draws and of the extra starts",
            "  --burn B               sequence elements skipped (default 100 for halton, else 0)",
            "  --starts K             K starts: the default plus K-1 seeded perturbations (default 1)",
            "  --optimizer NAME       bfgs (default), lbfgs, bhhh",
            "  --max-iterations N     default 1000",
            "  --vce TYPE             hessian (default), opg, robust, cluster (by decision-maker) or",
            "                         cluster:COL (a column constant within decision-makers)",
            "  --level L              confidence level in percent (default 95)",
            "  --threads T            worker threads (default: all processors)",
            "",
            "Output:",
            "  --json OUT             also write the results as JSON",
            "  --quiet                no progress lines on standard error",
            "");

    private Help() {
    }
}
