/**
 * Reading choice data from CSV (and the model specification from JSON), plus the bundled example data; the
 * engine's JSON is read into {@link org.mixlogit.io.JsonValue} and written by {@link org.mixlogit.io.JsonWriter},
 * both on jackson-core's streaming parser and generator (never databind, whose start-up the front ends' first fit
 * would pay).
 *
 * <p>Depends on {@code data}, {@code spec} and the root exception types; never on {@code simulation}, estimation
 * or any front end.
 */
package org.mixlogit.io;
