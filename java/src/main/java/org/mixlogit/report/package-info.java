/**
 * Results as text and JSON: the fixed-width table the command-line tool prints and the JSON document every front
 * end can read. Depends on estimation; nothing in the engine depends on it.
 */
package org.mixlogit.report;
