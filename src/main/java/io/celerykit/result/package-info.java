/**
 * Celery's result API ({@code celery.result}): {@link io.celerykit.result.AsyncResult}, {@link
 * io.celerykit.result.EagerResult}, {@link io.celerykit.result.ResultSet}, {@link
 * io.celerykit.result.GroupResult}, {@link io.celerykit.result.ResultBase}, {@link
 * io.celerykit.result.ResultTuple} ({@code as_tuple}/{@code result_from_tuple}), the task states
 * and exceptions, and the backend SPI ({@link io.celerykit.result.ResultBackend}, {@link
 * io.celerykit.result.TaskMeta}).
 */
package io.celerykit.result;
