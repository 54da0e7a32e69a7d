/**
 * Reading choice data from CSV (and the model specification from JSON), plus the bundled example data.
 *
 * <p>Depends on {@code data}, {@code spec} and the root exception types; never on {@code simulation}, estimation
 * or any front end.
 */
package org.mixlogit.io;
