package org.mixlogit.msm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a method-of-simulated-moments estimate adds to an estimation result: the criterion value, Hansen's J test
 * of the over-identifying restrictions (NaN statistic and p-value when exactly identified or one-step), the
 * weighting, the instruments and the condition number of the final weighting matrix, and the first step that
 * produced the optimal instruments. Immutable.
 */
public final class GmmDiagnostics {
    private final double objective;
    private final double j;
    private final int degreesOfFreedom;
    private final double pValue;
    private final Weighting weighting;
    private final List<String> instruments;
    private final List<String> dropped;
    private final String instrumentSource;
    private final double conditionNumber;
    private final String firstStep;
    private final double[] moments;

    public GmmDiagnostics(double objective, double j, int degreesOfFreedom, double pValue, Weighting weighting,
            List<String> instruments, List<String> dropped, String instrumentSource, double conditionNumber,
            String firstStep, double[] moments) {
        this.objective = objective;
        this.j = j;
        this.degreesOfFreedom = degreesOfFreedom;
        this.pValue = pValue;
        this.weighting = weighting;
        this.instruments = Collections.unmodifiableList(new ArrayList<>(instruments));
        this.dropped = Collections.unmodifiableList(new ArrayList<>(dropped));
        this.instrumentSource = instrumentSource;
        this.conditionNumber = conditionNumber;
        this.firstStep = firstStep;
        this.moments = moments.clone();
    }

    /** The minimized criterion c g'Wg. */
    public double objective() {
        return objective;
    }

    /** Hansen's J = g' Var(g)^-1 g at the two-step estimate; NaN when exactly identified or one-step. */
    public double hansenJ() {
        return j;
    }

    /** Over-identifying restrictions: instruments minus parameters. */
    public int degreesOfFreedom() {
        return degreesOfFreedom;
    }

    /** P(chi2(df) &gt; J); NaN when J is. */
    public double pValue() {
        return pValue;
    }

    public Weighting weighting() {
        return weighting;
    }

    public int instrumentCount() {
        return instruments.size();
    }

    public List<String> instruments() {
        return instruments;
    }

    /** Default candidates left out because they carried nothing new. */
    public List<String> droppedInstruments() {
        return dropped;
    }

    /** Where the instruments come from, in words. */
    public String instrumentSource() {
        return instrumentSource;
    }

    /** Condition number (largest / smallest eigenvalue) of the final weighting matrix. */
    public double weightingConditionNumber() {
        return conditionNumber;
    }

    /** The first step in words (how the optimal instruments' parameters were found), or "none". */
    public String firstStep() {
        return firstStep;
    }

    /** The moments g at the estimate (a copy). */
    public double[] moments() {
        return moments.clone();
    }
}
