package io.celerykit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The backend contract's saved groups: they restore as saved, delete, and live apart from task
 * metas. Part of {@link ResultBackendContract}.
 */
// The JUnit annotations on the public tests belong to a `requires static` module.
@SuppressWarnings("exports")
public abstract class GroupContract extends BackendContractSupport {

  /** Creates the piece; subclasses are JUnit test classes that say how to make the backend. */
  protected GroupContract() {}

  /** Creates the piece nested in a whole contract, over its backend and hooks. */
  GroupContract(BackendContractSupport owner) {
    super(owner);
  }

  /** A saved group restores as the same tuple, and is gone once deleted. */
  @Test
  public void savedGroupRestoresAndDeletes() {
    String groupId = id("group");
    ResultTuple parent = ResultTuple.of(id("header"), null);
    ResultTuple tuple =
        ResultTuple.group(
            groupId,
            parent,
            List.of(
                ResultTuple.of(id("m0"), null),
                ResultTuple.of(id("m1"), ResultTuple.of(id("m1-parent"), null)),
                ResultTuple.group(id("inner"), null, List.of(ResultTuple.of(id("i0"), null)))));
    backend().saveGroup(groupId, tuple);
    assertThat(backend().restoreGroup(groupId)).contains(tuple);
    backend().saveGroup(groupId, ResultTuple.group(groupId, null, List.of()));
    assertThat(backend().restoreGroup(groupId))
        .contains(ResultTuple.group(groupId, null, List.of()));
    backend().deleteGroup(groupId);
    assertThat(backend().restoreGroup(groupId)).isEmpty();
  }

  /** Restoring a group nobody saved gives nothing; deleting it does nothing. */
  @Test
  public void unknownGroupRestoresEmpty() {
    Optional<ResultTuple> restored = backend().restoreGroup(id("no-such-group"));
    assertThat(restored).isEmpty();
    backend().deleteGroup(id("no-such-group"));
    assertThat(backend().restoreGroup(id("no-such-group"))).isEmpty();
  }

  /** Groups and task metas live apart: a group id is not a task id. */
  @Test
  public void groupsAndTasksAreKeptApart() {
    String id = id("shared-id");
    backend().saveGroup(id, ResultTuple.group(id, null, List.of(ResultTuple.of(id("m"), null))));
    assertThat(backend().exists(id)).isFalse();
    assertThat(backend().getTaskMeta(id).state()).isEqualTo(TaskState.PENDING);
    backend().store(success(id, 1));
    backend().forget(id);
    assertThat(backend().restoreGroup(id)).isPresent();
  }
}
