package io.celerykit.result;

/**
 * One step of {@link AsyncResult#iterdeps(boolean)}: a result of the tree and the result it was
 * reached from, as Celery's {@code (parent, node)} tuples. Named as {@link CollectedValue} is: the
 * node is {@code result()}.
 *
 * @param parent the result this one is a child of, or null for the root
 * @param result the result
 */
public record ResultEdge(ResultBase parent, ResultBase result) {}
