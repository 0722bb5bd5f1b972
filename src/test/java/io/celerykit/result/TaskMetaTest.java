package io.celerykit.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.Fixtures.KeyError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link TaskMeta}: what a backend stores for a task. */
class TaskMetaTest {

  @Test
  void rejectsNullOrBlankTaskIdNamingIt() {
    assertThatThrownBy(() -> TaskMeta.builder(null, TaskState.SUCCESS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("task id")
        .hasMessageContaining("got null");
    assertThatThrownBy(() -> TaskMeta.success("  ", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got \"  \"");
    assertThatThrownBy(() -> TaskMeta.pending(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got \"\"");
  }

  @Test
  void rejectsMissingStateAndFailureWithoutException() {
    assertThatThrownBy(() -> TaskMeta.builder("t", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("state");
    assertThatThrownBy(() -> TaskMeta.failure("t", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("exception");
  }

  @Test
  void rejectsNegativeRetriesNamingThem() {
    assertThatThrownBy(() -> TaskMeta.builder("t", TaskState.RETRY).retries(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void shortcutsBuildCelerysMetas() {
    assertThat(TaskMeta.pending("t").state()).isEqualTo(TaskState.PENDING);
    assertThat(TaskMeta.pending("t").result()).isNull();
    assertThat(TaskMeta.pending("t").isReady()).isFalse();
    assertThat(TaskMeta.success("t", 1).result()).isEqualTo(1);
    assertThat(TaskMeta.success("t", 1).isReady()).isTrue();
    KeyError e = new KeyError("k");
    assertThat(TaskMeta.failure("t", e).result()).isSameAs(e);
    assertThat(TaskMeta.failure("t", e).state()).isEqualTo(TaskState.FAILURE);
  }

  @Test
  void toBuilderKeepsEveryField() {
    TaskMeta meta =
        TaskMeta.builder("t", TaskState.SUCCESS)
            .result(1)
            .traceback("tb")
            .children(List.of(ResultTuple.of("c", null)))
            .dateDone(Instant.parse("2026-01-01T00:00:01Z"))
            .extended("tasks.add", List.of(1, 2), Map.of("k", "v"), "worker@host", "celery")
            .retries(2)
            .groupId("g")
            .parentId("p")
            .build();
    TaskMeta copy = meta.toBuilder().build();
    assertThat(copy).isEqualTo(meta).hasSameHashCodeAs(meta);
    assertThat(copy.groupId()).isEqualTo("g");
    assertThat(copy.parentId()).isEqualTo("p");
    assertThat(meta.toBuilder().result(2).build()).isNotEqualTo(meta);
  }

  @Test
  void collectionsAreCopiedAndUnmodifiable() {
    List<Object> args = new ArrayList<>(List.of(1));
    List<ResultTuple> children = new ArrayList<>(List.of(ResultTuple.of("c", null)));
    TaskMeta meta =
        TaskMeta.builder("t", TaskState.SUCCESS)
            .children(children)
            .extended("n", args, Map.of(), "w", "q")
            .build();
    args.add(2);
    children.clear();
    assertThat(meta.args()).containsExactly(1);
    assertThat(meta.children()).hasSize(1);
    assertThatThrownBy(() -> meta.args().add(3)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> meta.children().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toStringReadsLikeCelerysMetaDict() {
    assertThat(TaskMeta.success("t", 42).toString())
        .isEqualTo("TaskMeta{status=SUCCESS, result=42, date_done=null, task_id=t}");
  }
}
