/**
 * Quasi-Newton minimizers with line search: BFGS and L-BFGS with a strong-Wolfe line search, and BHHH using the
 * outer product of the per-observation scores (reduced by the objective). All minimize; the likelihood estimators pass the negative log-likelihood.
 *
 * <p>Self-contained numerical code: depends only on the root exception types and Commons Math linear algebra;
 * must not depend on data, spec, simulation or any front end.
 */
package org.mixlogit.optim;
