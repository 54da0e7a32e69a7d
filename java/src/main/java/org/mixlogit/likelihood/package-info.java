/**
 * The simulated log-likelihood of the mixed logit and its exact analytic gradient, per decision-maker and in
 * total, multithreaded over decision-makers with results independent of the thread count.
 *
 * <p>Depends on {@code data}, {@code spec} and {@code integration}; must not depend on estimation, I/O or any
 * front end.
 */
package org.mixlogit.likelihood;
