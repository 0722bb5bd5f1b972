/**
 * The in-memory Celery app ({@link io.celerykit.app.InMemoryCelery}): clock, backend and control in
 * one object.
 */
package io.celerykit.app;
