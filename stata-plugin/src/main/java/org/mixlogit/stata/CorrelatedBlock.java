package org.mixlogit.stata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.io.JsonValue;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.ModelSpec;

/**
 * The covariance matrix, standard deviations and correlations of the correlated random coefficients (corr), with
 * their delta-method standard errors, as the engine reports them among the derived quantities of the saved form
 * ({@code cov(x,y)}, {@code sd(x)}, {@code cor(x,y)}, of the underlying normals: {@code log(x)} for a lognormal
 * member). What Hole's mixlcov computes with nlcom. Matrices are K x K row-major (symmetric; the correlation's
 * diagonal is 1 with standard error 0), the standard deviations 1 x K; NaN where the engine has no value.
 */
final class CorrelatedBlock {
    /** The members, by attribute, in the block's order. */
    final List<String> members = new ArrayList<>();
    /** Whether each member is lognormal (its row is that of log(x)). */
    final List<Boolean> lognormal = new ArrayList<>();
    final double[] cov;
    final double[] covSe;
    final double[] sd;
    final double[] sdSe;
    final double[] corr;
    final double[] corrSe;

    CorrelatedBlock(String savedJson, ModelSpec spec) {
        List<String> underlying = new ArrayList<>();
        for (String a : spec.correlated()) {
            for (CoefficientSpec c : spec.coefficients()) {
                if (c.attribute().equals(a)) {
                    members.add(a);
                    String u = c.distribution().transform().underlyingName(a);
                    underlying.add(u);
                    lognormal.add(!u.equals(a));
                }
            }
        }
        if (members.isEmpty()) {
            throw new InvalidSpecificationException("jmixlogit_cov needs correlated random coefficients: the model"
                    + " was estimated without corr, so its random coefficients are independent (their standard"
                    + " deviations are the SD equation of e(b)).");
        }
        Map<String, double[]> derived = derived(savedJson);
        int k = members.size();
        cov = new double[k * k];
        covSe = new double[k * k];
        corr = new double[k * k];
        corrSe = new double[k * k];
        sd = new double[k];
        sdSe = new double[k];
        for (int a = 0; a < k; a++) {
            double[] s = lookup(derived, "sd(" + underlying.get(a) + ")");
            sd[a] = s[0];
            sdSe[a] = s[1];
            for (int c = 0; c <= a; c++) {
                double[] v = lookup(derived, "cov(" + underlying.get(a) + "," + underlying.get(c) + ")");
                double[] r = a == c ? new double[] {1, 0}
                        : lookup(derived, "cor(" + underlying.get(a) + "," + underlying.get(c) + ")");
                for (int[] at : new int[][] {{a, c}, {c, a}}) {
                    cov[at[0] * k + at[1]] = v[0];
                    covSe[at[0] * k + at[1]] = v[1];
                    corr[at[0] * k + at[1]] = r[0];
                    corrSe[at[0] * k + at[1]] = r[1];
                }
            }
        }
    }

    private static double[] lookup(Map<String, double[]> derived, String name) {
        double[] v = derived.get(name);
        return v != null ? v : new double[] {Double.NaN, Double.NaN};
    }

    /** name to {estimate, stderr} of the saved form's derived quantities (null stderr: NaN). */
    private static Map<String, double[]> derived(String savedJson) {
        JsonValue root;
        try {
            root = JsonValue.parse(savedJson);
        } catch (JsonProcessingException e) {
            throw new InvalidSpecificationException("The saved form of the fit is not JSON: " + e.getOriginalMessage());
        }
        Map<String, double[]> out = new HashMap<>();
        JsonValue d = root.get("derived");
        if (d != null && d.isArray()) {
            for (JsonValue q : d) {
                out.put(q.path("name").asText(), new double[] {number(q.get("estimate")), number(q.get("stderr"))});
            }
        }
        return out;
    }

    private static double number(JsonValue n) {
        return n != null && n.isNumber() ? n.asDouble() : Double.NaN;
    }
}
