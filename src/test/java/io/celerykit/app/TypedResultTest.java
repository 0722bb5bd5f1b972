package io.celerykit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The untyped sendTask trusts the caller's T; the typed one checks the stored value, as a client of
 * Celery's JSON backend must (celery/backends/base.py, Backend.decode: JSON gives dicts, lists,
 * numbers and strings).
 */
class TypedResultTest {

  private final InMemoryCelery app = InMemoryCelery.create();

  @Test
  void aValueOfTheTypeAskedForIsReturned() {
    app.stub("invoices.render").returns("pdf");

    AsyncResult<String> r = app.sendTask("invoices.render", String.class, "INV-1");

    assertThat(r.get()).isEqualTo("pdf");
    assertThat(r.outcome()).isEqualTo(new Outcome.Success<>(r.state(), "pdf"));
    app.verify().sent("invoices.render").withArgs("INV-1").once();
  }

  @Test
  void aValueOfAnotherTypeFailsNamingTheTaskAndBothTypes() {
    app.stub("invoices.render").returns(Map.of("pages", 3));

    AsyncResult<String> r = app.sendTask("invoices.render", String.class, "INV-1");

    assertThatThrownBy(r::get)
        .isInstanceOf(ResultTypeException.class)
        .hasMessageContaining("task invoices.render[" + r.id() + "]")
        .hasMessageContaining("java.util.LinkedHashMap ({'pages': 3})")
        .hasMessageContaining("not the java.lang.String the caller asked for")
        .hasMessageContaining("reads objects back as Map");
    assertThatThrownBy(r::outcome).isInstanceOf(ResultTypeException.class);
  }

  @Test
  void theUntypedFormFailsOnlyWhereTheValueIsUsed() {
    app.stub("invoices.render").returns(Map.of("pages", 3));
    AsyncResult<String> r = app.sendTask("invoices.render", "INV-1");

    Object value = r.get(); // no check here: T is erased
    assertThat(value).isInstanceOf(Map.class);
  }

  @Test
  void aWholeNumberReadBackAsIntegerIsGivenAsLong() {
    app.stub("invoices.count").returns(5L);

    assertThat(app.sendTask("invoices.count", Long.class).get()).isEqualTo(5L);
  }

  @Test
  void optionsAndEagerSendsAreCheckedToo() {
    app.stub("invoices.render").returns("pdf");
    InMemoryCelery eager = InMemoryCelery.create(CeleryConfig.defaults().taskAlwaysEager(true));
    eager.stub("invoices.render").returns(7);

    AsyncResult<String> queued =
        app.sendTask(
            "invoices.render",
            String.class,
            List.of(),
            Map.of(),
            ApplyOptions.defaults().queue("pdf"));
    AsyncResult<String> wrong = eager.sendTask("invoices.render", String.class);

    assertThat(queued.get()).isEqualTo("pdf");
    app.verify().sent("invoices.render").withOptions(o -> o.queue("pdf")).once();
    assertThatThrownBy(wrong::get)
        .isInstanceOf(ResultTypeException.class)
        .hasMessageContaining("java.lang.Integer (7)");
  }

  @Test
  void aResultReadByIdCanBeTypedToo() {
    app.seed().succeeded("r-1", 42);

    assertThat(app.asyncResult("r-1", Integer.class).get()).isEqualTo(42);
    assertThatThrownBy(() -> app.asyncResult("r-1", String.class).get())
        .isInstanceOf(ResultTypeException.class)
        .hasMessageContaining("task [r-1]");
    assertThatThrownBy(() -> app.sendTask("x", (Class<String>) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("String.class");
  }

  @Test
  void theTypedResultKeepsTheSendsIgnoredFlag() {
    app.stub("t").returns(1);
    AsyncResult<Integer> r =
        app.sendTask(
            "t", Integer.class, List.of(), Map.of(), ApplyOptions.defaults().ignoreResult(true));

    assertThat(r.ignored()).isTrue();
    assertThat(r.get()).isNull();
  }
}
