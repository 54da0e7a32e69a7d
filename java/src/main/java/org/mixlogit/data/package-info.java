/**
 * Choice data in long format: one row per alternative per choice situation, grouped by decision-maker
 * and situation into flat arrays with offset indices (ragged choice sets, unbalanced panels, no padding). The
 * grouped order is canonical (decision-makers by id, situations by id, rows by alternative label), so results do
 * not depend on the order of the input rows; a decision-maker's ordinal in that order keys its draws, and
 * {@code ChoiceData.slice} cuts shards of whole decision-makers that keep their ordinals.
 *
 * <p>Depends only on the root exception types. Must not depend on {@code spec}, {@code simulation} or any
 * front end.
 */
package org.mixlogit.data;
