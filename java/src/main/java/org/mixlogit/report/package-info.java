/**
 * Results as text and JSON: the fixed-width table the command-line tool prints and the JSON document every front
 * end can read. Depends on estimation, postestimation (a saved result read back as a fitted model) and io (the specification
 * JSON); nothing in the engine depends on it.
 */
package org.mixlogit.report;
