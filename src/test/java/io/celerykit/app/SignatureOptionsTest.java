package io.celerykit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.AsyncResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code sig.set(task_id=...)} changes one option and keeps the others, as Celery's {@code
 * Signature.set} ({@code self.options.update(options)}, celery/canvas.py).
 */
class SignatureOptionsTest {
  private final InMemoryCelery app = InMemoryCelery.create();
  private final Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

  @Test
  void setWithAFunctionChangesOneOptionAndKeepsTheOthers() {
    Signature later = add.s(2, 2).set(o -> o.countdown(Duration.ofSeconds(10)).queue("slow"));

    Signature named = later.set(o -> o.taskId("t1"));

    assertThat(named.options().taskId()).isEqualTo("t1");
    assertThat(named.options().countdown()).isEqualTo(Duration.ofSeconds(10));
    assertThat(named.options().queue()).isEqualTo("slow");
    assertThat(later.options().taskId()).isNull();
  }

  @Test
  void taskIdShorthandSendsUnderTheChosenIdKeepingTheOtherOptions() {
    Signature sig = add.s(2, 2).set(o -> o.countdown(Duration.ofSeconds(5))).taskId("t1");

    AsyncResult<Object> r = sig.delay();

    assertThat(r.id()).isEqualTo("t1");
    assertThat(app.worker().runDue()).isZero();
    assertThat(r.get(Duration.ofSeconds(10))).isEqualTo(4);
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void setWithApplyOptionsStillReplacesThemAll() {
    Signature sig = add.s(2, 2).set(o -> o.queue("slow"));

    assertThat(sig.set(ApplyOptions.defaults().taskId("t1")).options().queue()).isNull();
  }

  @Test
  void badTaskIdsAndFunctionsAreRefusedNamingWhatIsWrong() {
    Signature sig = add.s(2, 2);

    assertThatThrownBy(() -> sig.taskId(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("task_id");
    assertThatThrownBy(() -> sig.set(o -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("options");
    assertThatThrownBy(() -> sig.set((java.util.function.UnaryOperator<ApplyOptions>) null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
