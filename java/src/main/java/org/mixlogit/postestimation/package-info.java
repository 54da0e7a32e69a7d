/**
 * Post-estimation economics on a fitted model: choice probabilities (unconditional and conditional on each
 * decision-maker's choices) and predicted shares by alternative and market; own and cross elasticities; diversion
 * ratios after Conlon and Mortimer (2020), marginal and product-removal, with their decomposition into
 * situation-level diversions and weights; conditional coefficients and willingness to pay. Every aggregate comes
 * with delta-method standard errors, optional Krinsky-Robb intervals, and the spread over independent draw sets.
 *
 * <p>Depends on data, spec, integration, math, simulation, inference and estimation (a fitted model is built from
 * an estimation result); front ends depend on it.
 */
package org.mixlogit.postestimation;
