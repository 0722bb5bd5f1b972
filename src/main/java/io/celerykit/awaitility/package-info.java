/** Awaitility conditions ({@link io.celerykit.awaitility.CeleryConditions}) for threaded mode. */
package io.celerykit.awaitility;
