/**
 * Quasi-Newton minimizers with line search: BFGS and L-BFGS with a strong-Wolfe line search, and BHHH using the
 * per-observation scores. All minimize; the likelihood estimators pass the negative log-likelihood.
 *
 * <p>Self-contained numerical code: depends only on the root exception types and Commons Math linear algebra;
 * must not depend on data, spec, likelihood or any front end.
 */
package org.mixlogit.optim;
