/**
 * The one door from R (rJava) and Stata (javacall) into the engine: static methods and a result handle that take
 * and return only int, double, String, their arrays, and the shared JSON formats. Never prints.
 *
 * <p>Depends on every engine package; nothing in the engine depends on it.
 */
package org.mixlogit.bridge;
