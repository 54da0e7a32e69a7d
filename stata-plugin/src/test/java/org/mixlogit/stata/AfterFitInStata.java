package org.mixlogit.stata;

import com.stata.sfi.StataSimulator;

import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture of post-estimation tests after the plain fit of {@link FittedInStata#estimate()} (made once for
 * all of them: the fit is immutable and the same in each): before each test the data loaded again (with region) and
 * the estimation sample marked, as _jmixlogit_post.ado finds them.
 */
abstract class AfterFitInStata {
    /** The fit whose e() the post-estimation calls restore. */
    protected static final FittedInStata fit = FittedInStata.estimate();
    /** The data as loaded (columns of {@link ElectricityInStata#COLUMNS}). */
    protected double[][] data;

    @BeforeEach
    void loadSample() {
        data = FittedInStata.load();
        StataSimulator.setIfCondition(FittedInStata.sample(data));
    }
}
