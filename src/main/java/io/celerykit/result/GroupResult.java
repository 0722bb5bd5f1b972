package io.celerykit.result;

import io.celerykit.internal.Checks;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ResultSet} with an id, as Celery's {@code celery.result.GroupResult}: what {@code
 * group(...)} returns. It can be saved to the backend and restored by id, and serializes as {@code
 * ((id, parent), [members])}.
 *
 * <pre>{@code
 * group.save();
 * GroupResult again = GroupResult.restore(group.id(), app);
 * }</pre>
 */
public class GroupResult extends ResultSet {

  private final String id;
  private final ResultBase parent;

  /**
   * Creates a group result, as {@code GroupResult(id, results, parent=parent, app=app)}.
   *
   * @param id the group id, not blank
   * @param results the members
   * @param parent the parent result, or null
   * @param app the app, or null to use the first member's
   */
  public GroupResult(
      String id, List<? extends ResultBase> results, ResultBase parent, CeleryApp app) {
    super(results, app);
    this.id = Checks.requireId(id, "GroupResult id");
    this.parent = parent;
  }

  /**
   * Creates a group result without parent.
   *
   * @param id the group id
   * @param results the members
   * @param app the app
   */
  public GroupResult(String id, List<? extends ResultBase> results, CeleryApp app) {
    this(id, results, null, app);
  }

  /**
   * Returns the group id ({@code id}).
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /** {@inheritDoc} */
  @Override
  public ResultBase parent() {
    return parent;
  }

  /**
   * Saves the group to the app's backend for later {@link #restore} ({@code save()}).
   *
   * @return this group
   */
  public GroupResult save() {
    return save(backend());
  }

  /**
   * Saves the group to a backend ({@code save(backend)}).
   *
   * @param backend the backend
   * @return this group
   */
  public GroupResult save(ResultBackend backend) {
    Objects.requireNonNull(backend, "backend").saveGroup(id, asTuple());
    return this;
  }

  /** Removes the saved group from the app's backend ({@code delete()}). */
  public void delete() {
    delete(backend());
  }

  /**
   * Removes the saved group from a backend ({@code delete(backend)}).
   *
   * @param backend the backend
   */
  public void delete(ResultBackend backend) {
    Objects.requireNonNull(backend, "backend").deleteGroup(id);
  }

  /**
   * Restores a saved group ({@code GroupResult.restore(id, app=app)}).
   *
   * @param id the group id
   * @param app the app whose backend holds it
   * @return the group
   * @throws GroupNotFoundException when no group was saved under the id
   */
  public static GroupResult restore(String id, CeleryApp app) {
    Objects.requireNonNull(app, "app");
    return restore(id, app.backend(), app);
  }

  /**
   * Restores a saved group from a backend ({@code GroupResult.restore(id, backend, app)}).
   *
   * @param id the group id
   * @param backend the backend
   * @param app the app the restored results belong to
   * @return the group
   * @throws GroupNotFoundException when no group was saved under the id
   * @throws IllegalStateException when a task's tuple, not a group's, is saved under the id
   */
  public static GroupResult restore(String id, ResultBackend backend, CeleryApp app) {
    Checks.requireId(id, "group id");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(app, "app");
    ResultTuple tuple =
        backend
            .restoreGroup(id)
            .orElseThrow(
                () ->
                    new GroupNotFoundException(
                        "no group was saved under id "
                            + id
                            + " (never saved, deleted, or expired); call save() on the"
                            + " GroupResult first"));
    if (!(ResultTuple.toResult(tuple, app) instanceof GroupResult group)) {
      throw new IllegalStateException(
          "the backend holds the tuple of task "
              + tuple.id()
              + " under group id "
              + id
              + ", not a group's tuple; save a GroupResult (or a group's tuple) to restore one");
    }
    return group;
  }

  /**
   * Returns the group's serialized form ({@code as_tuple()}): {@code ((id, parent), [members])}.
   *
   * @return the tuple
   */
  public ResultTuple asTuple() {
    return ResultTuples.of(this);
  }

  /**
   * Compares id, members and parent ({@code GroupResult.__eq__}).
   *
   * @param o the other object
   * @return true when equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof GroupResult other
        && other.id.equals(id)
        && other.results().equals(results())
        && Objects.equals(other.parent, parent);
  }

  /**
   * Returns the hash of the id.
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /**
   * Returns the group id, as Celery's {@code str(group_result)}.
   *
   * @return the id
   */
  @Override
  public String toString() {
    return id;
  }

  /**
   * Returns Celery's {@code repr}: {@code <GroupResult: id [m1, m2]>}.
   *
   * @return the text
   */
  public String repr() {
    StringBuilder sb = new StringBuilder("<GroupResult: ").append(id).append(" [");
    appendIds(sb);
    return sb.append("]>").toString();
  }
}
