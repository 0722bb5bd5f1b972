package io.celerykit.result;

/**
 * One item of {@link AsyncResult#collect(boolean, GetOptions)}: a result of the tree and its value,
 * as Celery's {@code (result, value)} tuples.
 *
 * @param result the result
 * @param value its value (for a group, the list of its members' values)
 */
public record CollectedValue(ResultBase result, Object value) {}
