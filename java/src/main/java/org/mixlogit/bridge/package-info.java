/**
 * The one door from R (rJava) and Stata (javacall) into the engine: static methods and a result handle that take
 * and return only int, double, String, their arrays, and the shared JSON formats. Never prints. Its
 * {@link org.mixlogit.bridge.Vocabulary} is the engine's list of the words every front end accepts (distribution
 * codes, draw types, optimizers, covariance types, methods, weightings) and of the option defaults.
 *
 * <p>Depends on every engine package; nothing in the engine depends on it (the command-line tool reads the
 * vocabulary).
 */
package org.mixlogit.bridge;
