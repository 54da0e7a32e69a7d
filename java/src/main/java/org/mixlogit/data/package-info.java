/**
 * Choice data in long format: one row per alternative per choice situation, grouped by decision-maker
 * and situation into flat arrays with offset indices (ragged choice sets, unbalanced panels, no padding).
 *
 * <p>Depends only on the root exception types. Must not depend on {@code spec}, {@code likelihood} or any
 * front end.
 */
package org.mixlogit.data;
