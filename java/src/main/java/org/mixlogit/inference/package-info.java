/**
 * Inference after estimation: covariance matrices (Hessian, OPG, robust sandwich, cluster-robust) and
 * delta-method standard errors of derived quantities.
 *
 * <p>Works on plain arrays (parameters, Hessian, per-decision-maker scores); depends on Commons Math linear
 * algebra and the spec package, never on the simulation or a front end.
 */
package org.mixlogit.inference;
