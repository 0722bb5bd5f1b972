/**
 * Provides a Java port of Celery's {@code celery.utils.graph} module: {@link
 * io.celerykit.graph.DependencyGraph} (Python {@code DependencyGraph}) and {@link
 * io.celerykit.graph.GraphFormatter} (Python {@code GraphFormatter}), used to render result trees
 * as Graphviz DOT text. The package depends on nothing but the JDK.
 */
package io.celerykit.graph;
