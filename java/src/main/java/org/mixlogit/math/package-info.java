/**
 * Special functions the other packages share: the standard normal distribution function, density and quantile,
 * accurate in both tails.
 *
 * <p>Depends only on Commons Math; every other package may use it, and it must depend on none of them.
 */
package org.mixlogit.math;
