package org.mixlogit.stata;

import java.util.HashMap;
import java.util.Map;

import com.stata.sfi.StataSimulator;

import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture of tests that run jmixlogit's estimation: before each test the Electricity data in the in-memory
 * Stata, the first {@link FittedInStata#PEOPLE} respondents marked as the sample, and the locals of a small model
 * (cl normal; pf, loc, wk, tod and seas fixed; R = 20; one thread), which a test changes before {@link #run()}.
 */
abstract class SmallFitInStata {
    /** The data as loaded (columns of {@link ElectricityInStata#COLUMNS}). */
    protected double[][] data;
    /** The jm_* locals of the next {@link #run()}. */
    protected final Map<String, String> locals = new HashMap<>();

    @BeforeEach
    void loadSmallFit() {
        data = ElectricityInStata.load();
        StataSimulator.setIfCondition(FittedInStata.sample(data));
        locals.putAll(FittedInStata.smallModel());
    }

    /** javacall ... estimate with {@link #locals}: the return code. */
    protected int run() {
        ElectricityInStata.locals(locals);
        return JMixlogit.estimate(new String[0]);
    }
}
