/**
 * The in-memory Celery app ({@link io.celerykit.app.InMemoryCelery}): clock, backend and control in
 * one object; the record of the tasks it sent ({@link io.celerykit.app.SentTask}) and their
 * verification ({@link io.celerykit.app.CeleryVerification}, {@link
 * io.celerykit.app.CeleryMatchers}); Python failures to script ({@link
 * io.celerykit.app.PythonException}).
 */
package io.celerykit.app;
