package io.celerykit.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.app.InMemoryCelery;
import java.util.List;
import org.junit.jupiter.api.Test;

/** asTuple and toResult of plain chains (one pass) and of chains through a group (tree walk). */
class ResultTupleChainTest {

  private final InMemoryCelery app = InMemoryCelery.create();

  @Test
  void plainChainRoundTrips() {
    AsyncResult<Object> c2 =
        new AsyncResult<>("c2", app, new AsyncResult<>("c1", app, new AsyncResult<>("c0", app)));
    ResultTuple tuple = c2.asTuple();
    assertThat(tuple.toString()).isEqualTo("(('c2', (('c1', (('c0', None), None)), None)), None)");

    ResultBase back = ResultTuple.toResult(tuple, app);
    assertThat(back).isInstanceOf(AsyncResult.class).isEqualTo(c2);
    assertThat(((AsyncResult<?>) back).asList()).containsExactly("c2", "c1", "c0");
    assertThat(((AsyncResult<?>) back).asTuple()).isEqualTo(tuple);
  }

  @Test
  void chainThroughAGroupRoundTrips() {
    AsyncResult<Object> c0 = new AsyncResult<>("c0", app);
    GroupResult g =
        new GroupResult(
            "g", List.of(new AsyncResult<>("m1", app), new AsyncResult<>("m2", app)), c0, app);
    AsyncResult<Object> c2 = new AsyncResult<>("c2", app, new AsyncResult<>("c1", app, g));
    ResultTuple tuple = c2.asTuple();
    assertThat(tuple.toString())
        .isEqualTo(
            "(('c2', (('c1', (('g', (('c0', None), None)), [(('m1', None), None), (('m2', None),"
                + " None)])), None)), None)");

    AsyncResult<?> back = (AsyncResult<?>) ResultTuple.toResult(tuple, app);
    assertThat(back.asTuple()).isEqualTo(tuple);
    assertThat(back.parent().parent()).isInstanceOf(GroupResult.class);
    GroupResult group = (GroupResult) back.parent().parent();
    assertThat(group.id()).isEqualTo("g");
    assertThat(group.parent()).isEqualTo(c0);
    assertThat(group.results()).extracting(Object::toString).containsExactly("m1", "m2");
  }

  @Test
  void singleResultHasNoParent() {
    ResultTuple tuple = new AsyncResult<>("only", app).asTuple();
    assertThat(tuple).isEqualTo(ResultTuple.of("only", null));
    AsyncResult<?> back = (AsyncResult<?>) ResultTuple.toResult(tuple, app);
    assertThat(back.id()).isEqualTo("only");
    assertThat(back.parent()).isNull();
  }
}
