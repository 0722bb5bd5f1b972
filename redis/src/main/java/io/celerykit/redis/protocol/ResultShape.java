package io.celerykit.redis.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The structure of the result Celery's {@code apply_async} returns, as plain values: an {@code
 * AsyncResult} ({@link Task}) or a {@code GroupResult} ({@link Group}), each with the {@code
 * parent} it was given while the canvas was frozen (a chain's result leads back to its first step,
 * a chord's body result to the header's group). The engine turns it into its result objects.
 *
 * <pre>{@code
 * // chain(add.s(2, 2), mul.s(8)).apply_async()
 * ResultShape r = publication.result();   // Task[id=<mul>, parent=Task[id=<add>, parent=null]]
 * }</pre>
 */
public sealed interface ResultShape permits ResultShape.Task, ResultShape.Group {

  /**
   * Returns the id: the task id, or the group id.
   *
   * @return the id
   */
  String id();

  /**
   * Returns the parent, or null.
   *
   * @return the parent
   */
  ResultShape parent();

  /**
   * Returns Celery's {@code as_tuple()}: {@code ((id, parent_tuple), None)} for a task, {@code
   * ((id, parent_tuple), [member tuples])} for a group, as JSON-able lists (what {@code
   * GroupResult.save} stores under {@code result}).
   *
   * @return the nested lists
   */
  List<Object> asTuple();

  /**
   * An {@code AsyncResult}.
   *
   * @param id the task id
   * @param parent the parent, or null
   * @param ignored whether the task was sent with {@code ignore_result} ({@code result.ignored})
   */
  record Task(String id, ResultShape parent, boolean ignored) implements ResultShape {
    /**
     * Checks the id.
     *
     * @param id the task id
     * @param parent the parent
     * @param ignored the flag
     */
    public Task {
      Objects.requireNonNull(id, "id");
    }

    /**
     * Returns {@code AsyncResult.as_tuple()}: {@code ((id, parent_tuple), None)}.
     *
     * @return the nested lists
     */
    @Override
    public List<Object> asTuple() {
      return Collections.unmodifiableList(Arrays.asList(head(id, parent), null));
    }
  }

  /**
   * A {@code GroupResult}.
   *
   * @param id the group id
   * @param results the members' results, in order
   * @param parent the parent, or null
   */
  record Group(String id, List<ResultShape> results, ResultShape parent) implements ResultShape {
    /**
     * Copies the members.
     *
     * @param id the group id
     * @param results the members
     * @param parent the parent
     */
    public Group {
      Objects.requireNonNull(id, "id");
      results = List.copyOf(results);
    }

    /**
     * Returns {@code GroupResult.as_tuple()}: {@code ((id, parent_tuple), [member tuples])}.
     *
     * @return the nested lists
     */
    @Override
    public List<Object> asTuple() {
      List<Object> members = new ArrayList<>(results.size());
      for (ResultShape r : results) {
        members.add(r.asTuple());
      }
      return List.of(head(id, parent), Collections.unmodifiableList(members));
    }
  }

  private static List<Object> head(String id, ResultShape parent) {
    return Collections.unmodifiableList(
        Arrays.asList(id, parent == null ? null : parent.asTuple()));
  }
}
