/**
 * Model specification: which coefficients are fixed or random, their distributions, the correlated block,
 * zero-mean error components, observed heterogeneity, and the resulting parameter vector layout.
 *
 * <p>Immutable values validated at construction. Depends only on the root exception types, {@code math} and
 * Commons Math; must not depend on {@code integration}, {@code data}, {@code simulation} or any front end.
 */
package org.mixlogit.spec;
