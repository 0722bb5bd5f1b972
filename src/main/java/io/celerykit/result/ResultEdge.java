package io.celerykit.result;

/**
 * One step of {@link AsyncResult#iterdeps(boolean)}: a node of the result tree and the node it was
 * reached from, as Celery's {@code (parent, node)} tuples.
 *
 * @param parent the node this one is a child of, or null for the root
 * @param node the node
 */
public record ResultEdge(ResultBase parent, ResultBase node) {}
