/**
 * The Stata plugin behind {@code jmixlogit.ado}: javacall entry points ({@link org.mixlogit.stata.JMixlogit}),
 * reading the marked sample, calling the engine through {@code org.mixlogit.bridge}, and returning matrices,
 * locals and Stata return codes. Only {@link org.mixlogit.stata.SfiSession} touches Stata's {@code com.stata.sfi}
 * API, which Stata provides at run time and a stand-in provides at compile and test time.
 */
package org.mixlogit.stata;
