package io.celerykit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.EagerResult;
import io.celerykit.result.TaskState;
import io.celerykit.wire.EncodeException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calls and return values that Celery's JSON serializer cannot hold. */
class UnencodableCallsTest {

  /** Something JSON has no form for. */
  private record Invoice(String number) {}

  /**
   * Celery's {@code apply_async} serializes the message body with the JSON task serializer
   * (kombu.serialization.dumps raises EncodeError): the call fails at send, and nothing is sent.
   */
  @Test
  void anArgumentJsonCannotHoldIsRefusedAtSendAsCelerysEncodeError() {
    try (InMemoryCelery app = InMemoryCelery.create()) {
      Task<String> render = app.task("invoices.render", (Object invoice) -> "pdf");

      assertThatThrownBy(() -> render.delay(new Invoice("INV-1")))
          .isInstanceOf(EncodeException.class)
          .hasMessageContaining("Invoice");
      assertThat(app.journal().events()).isEmpty();
      assertThat(app.worker().runUntilIdle()).isZero();
    }
  }

  /** With the OBJECT serializer (Celery's pickle) any Java value may be passed. */
  @Test
  void anyArgumentIsSentWithTheObjectSerializer() {
    try (InMemoryCelery app =
        InMemoryCelery.create(CeleryConfig.defaults().resultSerializer(ResultSerializer.OBJECT))) {
      Task<String> render = app.task("invoices.render", (Invoice invoice) -> invoice.number());

      assertThat(render.delay(new Invoice("INV-1")).get()).isEqualTo("INV-1");
    }
  }

  /**
   * An eager task whose return value cannot be stored ends as FAILURE, as Celery's tracer
   * (celery/app/trace.py, build_tracer) catches the EncodeError of storing it.
   */
  @Test
  void anEagerTaskReturningAValueJsonCannotHoldFailsWhenItsResultIsStored() {
    try (InMemoryCelery app =
        InMemoryCelery.create(
            CeleryConfig.defaults().taskAlwaysEager(true).taskStoreEagerResult(true))) {
      Task<Object> cyclic =
          app.task(
              "tasks.cyclic",
              () -> {
                List<Object> self = new ArrayList<>();
                self.add(self);
                return self;
              });

      EagerResult<Object> result = (EagerResult<Object>) cyclic.delay();

      assertThat(result.state()).isEqualTo(TaskState.FAILURE);
      assertThat(result.result()).isInstanceOf(EncodeException.class);
      assertThat(app.backend().getTaskMeta(result.id()).state()).isEqualTo(TaskState.FAILURE);
    }
  }
}
