package io.celerykit.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.graph.DependencyGraph;
import io.celerykit.result.Fixtures.KeyError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Behaviours of Celery's {@code celery/result.py} that celerykit once got wrong, and Celery's
 * one-line forms; each test cites the Celery function it follows.
 */
class CelerySemanticsTest {

  private final InMemoryCelery app = InMemoryCelery.create();

  private AsyncResult<Object> succeeded(String id, Object value) {
    app.backend().store(TaskMeta.success(id, value));
    return app.asyncResult(id);
  }

  @Nested
  class Behaviours {

    @Test
    void graphIsComputedOnceAsCelerysCachedProperty() {
      // celery/result.py: `@cached_property def graph(self): return self.build_graph()`.
      AsyncResult<Object> r = succeeded("root", 1);
      DependencyGraph<ResultBase> first = r.graph();
      assertThat(r.graph()).isSameAs(first);
      assertThat(first.size()).isEqualTo(1);
    }

    @Test
    void aSetThatWouldContainItselfIsRefusedAtAdd() {
      // celery/result.py, ResultSet.supports_native_join reads `self.results[0]`: a set holding
      // itself would ask itself again forever (a StackOverflowError in Java).
      ResultSet set = new ResultSet(List.of(), app);
      assertThatThrownBy(() -> set.add(set))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("contains itself");
      assertThat(set.size()).isZero();
      assertThat(set.supportsNativeJoin()).isFalse();
    }

    @Test
    void aSetThatHoldsThisSetDeeperIsRefusedAtAddAndUpdate() {
      ResultSet outer = new ResultSet(List.of(), app);
      ResultSet middle = new ResultSet(List.of(outer), app);
      ResultSet inner = new ResultSet(List.of(middle), app);
      assertThatThrownBy(() -> outer.add(inner))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("contains this set");
      assertThatThrownBy(() -> outer.update(List.of(succeeded("ok", 1), middle)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(outer.results()).containsExactly(succeeded("ok", 1));
    }
  }

  @Nested
  class OneLineForms {

    @Test
    void joinNativeWithoutArgumentsJoinsWithCelerysDefaults() {
      // celery/result.py: ResultSet.join_native(timeout=None, propagate=True, interval=0.5, ...).
      ResultSet set = app.resultSet(List.of(succeeded("a", 1), succeeded("b", 2)));
      assertThat(set.joinNative()).containsExactly(1, 2);
    }

    @Test
    void maybeReraiseWithoutArgumentsReRaisesAsMaybeThrow() {
      // celery/result.py: `maybe_reraise = maybe_throw`, with propagate=True, callback=None.
      KeyError boom = new KeyError("boom");
      app.backend().store(TaskMeta.failure("bad", boom));
      AsyncResult<Object> bad = app.asyncResult("bad");
      assertThatThrownBy(bad::maybeReraise).isSameAs(boom);
      assertThat(succeeded("ok", 5).maybeReraise()).isEqualTo(5);
      ResultSet set = app.resultSet(List.of(succeeded("fine", 1), bad));
      assertThatThrownBy(set::maybeReraise).isSameAs(boom);
    }

    @Test
    void buildGraphWithoutFormatterUsesCelerysFormatter() {
      // celery/result.py, AsyncResult.build_graph(intermediate=False, formatter=None).
      AsyncResult<Object> r = succeeded("root", 1);
      assertThat(r.buildGraph(false).toDot()).isEqualTo(r.buildGraph(false, null).toDot());
      assertThat(r.buildGraph(true).toDot()).contains("\"root\"");
    }

    @Test
    void appResultSetMakesASetOfTheApp() {
      // Celery: app.ResultSet([...]), beside app.AsyncResult and app.GroupResult.
      ResultSet set = app.resultSet(List.of(succeeded("a", 1)));
      assertThat(set.app()).isSameAs(app);
      assertThat(set.join()).containsExactly(1);
    }

    @Test
    void thenTakesAPlainConsumerForResultsAndSetsAlike() {
      // celery/result.py: AsyncResult.then(callback) and ResultSet.then(callback), where the
      // callback is called with the result once it is ready.
      List<ResultBase> called = new ArrayList<>();
      AsyncResult<Object> r = succeeded("a", 1);
      ResultSet set = app.resultSet(List.of(r));
      CompletableFuture<Void> onResult = r.then(called::add);
      CompletableFuture<Void> onSet = set.then(called::add);
      assertThat(onResult).isCompleted();
      assertThat(onSet).isCompleted();
      assertThat(called).containsExactly(r, set);
    }

    @Test
    void thenWithAConsumerWaitsUntilTheResultIsStored() {
      List<Object> values = new ArrayList<>();
      AsyncResult<Object> r = app.asyncResult("later");
      CompletableFuture<Void> then = r.then(done -> values.add(((AsyncResult<?>) done).result()));
      assertThat(then).isNotDone();
      app.backend().store(TaskMeta.success("later", "v"));
      assertThat(then).isCompleted();
      assertThat(values).containsExactly("v");
    }

    @Test
    void toResultAcceptsATupleAndItsJsonListForm() {
      // celery/result.py, result_from_tuple(r, app): `if not isinstance(r, ResultBase)` it unpacks
      // a tuple or a list alike.
      ResultTuple tuple = ResultTuple.of("c2", ResultTuple.of("c1", null));
      ResultBase fromTuple = ResultTuple.toResult((Object) tuple, app);
      List<Object> json =
          Arrays.asList(Arrays.asList("c2", Arrays.asList(Arrays.asList("c1", null), null)), null);
      ResultBase fromList = ResultTuple.toResult(json, app);
      assertThat(fromTuple).isEqualTo(app.asyncResult("c2"));
      assertThat(fromList).isEqualTo(fromTuple);
      assertThat(fromList.parent()).isEqualTo(app.asyncResult("c1"));
      assertThatThrownBy(() -> ResultTuple.toResult(List.of("only-one"), app))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("malformed result tuple");
    }

    @Test
    void storeResultAndMarkAsFailureBuildTheMetaInOneCall() {
      // celery/backends/base.py: store_result(task_id, result, state, traceback=None) and
      // mark_as_failure(task_id, exc, traceback=None); a ready state gets date_done.
      app.clock().advance(java.time.Duration.ofSeconds(3));
      app.backend().storeResult("ok", 4, TaskState.SUCCESS);
      KeyError boom = new KeyError("boom");
      app.backend().markAsFailure("bad", boom, "Traceback ...");
      AsyncResult<Object> ok = app.asyncResult("ok");
      AsyncResult<Object> bad = app.asyncResult("bad");
      assertThat(ok.get()).isEqualTo(4);
      assertThat(ok.dateDone()).isEqualTo(app.clock().instant());
      assertThat(bad.result()).isSameAs(boom);
      assertThat(bad.traceback()).isEqualTo("Traceback ...");
      assertThat(bad.dateDone()).isEqualTo(app.clock().instant());
    }

    @Test
    void collectAndIterdepsNameTheirPairsAlike() {
      // celery/result.py: collect() yields (result, value), iterdeps() yields (parent, node).
      AsyncResult<Object> r = succeeded("root", 1);
      assertThat(r.iterdeps().map(ResultEdge::result)).containsExactly(r);
      assertThat(r.collect().map(CollectedValue::result)).containsExactly(r);
    }
  }
}
