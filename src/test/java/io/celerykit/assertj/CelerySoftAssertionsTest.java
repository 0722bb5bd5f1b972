package io.celerykit.assertj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.Task;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.SoftAssertionsProvider;
import org.junit.jupiter.api.Test;

class CelerySoftAssertionsTest {

  private final InMemoryCelery app = InMemoryCelery.create();
  private final Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
  private final AsyncResult<Object> a = app.seed().succeeded("a", 1);
  private final AsyncResult<Object> b =
      app.seed()
          .failed("b", new IllegalStateException("boom"), "Traceback: IllegalStateException: boom");
  private final AsyncResult<Object> root = app.seed().children(a, b).succeeded("root", 0);
  private final CelerySoftAssertions softly = new CelerySoftAssertions();

  private List<String> collectedMessages() {
    return softly.errorsCollected().stream().map(Throwable::getMessage).toList();
  }

  @Test
  void failedChecksOnEveryCeleryTypeAreCollectedAndReportedTogether() {
    GroupResult group = app.seed().group("g-1", a, b);

    softly.assertThat(b).isSuccessful();
    softly.assertThat(group).allSuccessful();
    softly.assertThat(TaskState.PENDING).isReady();
    softly.assertThat(app.journal()).hasEventFor("a", "task-succeeded");
    softly.assertThatTree(root).hasDepth(5);

    assertThat(softly.errorsCollected()).hasSize(5);
    assertThatThrownBy(softly::assertAll)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Multiple Failures (5 failures)")
        .hasMessageContaining(
            "FAILURE (RemoteTaskException: java.lang.IllegalStateException: boom)")
        .hasMessageContaining("Expecting every member of result set:")
        .hasMessageContaining("to be a ready state")
        .hasMessageContaining("to contain an event of type:")
        .hasMessageContaining("to have depth 5");
  }

  @Test
  void passingSoftChecksReportNothing() {
    softly.assertThat(a).isSuccessful().hasResult(1).hasNoParent();
    softly.assertThat(app.seed().group("g-2", a)).allSuccessful().hasId("g-2");
    softly.assertThat(TaskState.FAILURE).propagates();
    softly.assertThatTree(root).hasNodeCount(3);

    assertThat(softly.errorsCollected()).isEmpty();
    assertThatCode(softly::assertAll).doesNotThrowAnyException();
  }

  @Test
  void checksChainedAfterAFailedOneStillRun() {
    softly.assertThat(b).isSuccessful().hasResult(3).hasTraceback();

    assertThat(collectedMessages())
        .hasSize(2)
        .satisfiesExactly(
            first -> assertThat(first).contains("to be in state:"),
            second -> assertThat(second).contains("to have result:"));
  }

  @Test
  void navigatedAssertsAreSoftToo() {
    softly.assertThat(root).child(0).hasResult(99);
    softly.assertThat(root).value().isEqualTo("nope");
    softly.assertThat(app.seed().group("g-3", a)).member(0).isPending();
    softly.assertThatTree(root).node("b").isSuccessful();

    assertThat(collectedMessages())
        .hasSize(4)
        .satisfiesExactly(
            m -> assertThat(m).startsWith("[child 0 of result root] ").contains("to have result:"),
            m -> assertThat(m).startsWith("[value of result root] "),
            m -> assertThat(m).startsWith("[member 0 of group g-3] "),
            m -> assertThat(m).startsWith("[node b of the tree under root] "));
  }

  @Test
  void aNavigationThatFindsNothingIsCollectedAndItsChecksReportOnNull() {
    softly.assertThat(root).child(7).isSuccessful();
    softly.assertThatTree(root).node("zz").hasResult(1);

    assertThat(collectedMessages())
        .satisfiesExactly(
            m -> assertThat(m).contains("to have a child at index 7"),
            m -> assertThat(m).contains("[child 7 of result root]").contains("not to be null"),
            m -> assertThat(m).contains("to contain a task result with id:"),
            m ->
                assertThat(m)
                    .contains("[node zz of the tree under root]")
                    .contains("not to be null"));
  }

  @Test
  void failedWithOfAnotherTypeIsCollectedAndChecksRunOnTheStoredException() {
    softly.assertThat(b).failedWith(IllegalArgumentException.class).hasMessageEndingWith(": boom");
    softly.assertThat(b).failedWith(IllegalArgumentException.class).hasMessage("bam");

    assertThat(collectedMessages())
        .satisfiesExactly(
            m -> assertThat(m).contains("but failed with:"),
            m -> assertThat(m).contains("but failed with:"),
            m -> assertThat(m).contains("[exception of result b]").contains("\"bam\""));
  }

  @Test
  void waitingNavigationsAreSoft() {
    app.stub("tasks.slow").returns("late").takes(Duration.ofHours(1));
    AsyncResult<String> slow = app.sendTask("tasks.slow");

    softly.assertThat(add.delay(2, 3)).succeedsWithin(Duration.ofSeconds(1)).isEqualTo(6);
    softly.assertThat(slow).succeedsWithin(Duration.ofSeconds(1)).isEqualTo("late");
    softly.assertThat(add.delay(1, 1)).failsWithin(Duration.ofSeconds(1));

    assertThat(collectedMessages())
        .satisfiesExactly(
            m -> assertThat(m).contains("expected: 6"),
            m -> assertThat(m).contains("to succeed within:").contains("not ready in time"),
            m -> assertThat(m).contains("expected: \"late\"").contains("but was: null"),
            m -> assertThat(m).contains("to fail within:").contains("but it succeeded with:"));
  }

  @Test
  void joinedAndCollectedValuesAreSoft() {
    GroupResult group = new GroupResult("g-4", List.of(add.delay(1, 2), add.delay(3, 4)), app);

    softly.assertThat(group).joinedValues().containsExactly(3, 8);
    softly.assertThatTree(root).collectedValues().containsExactly(0, 1);
    softly.assertThatTree(root).leaves().hasSize(3);

    assertThat(collectedMessages())
        .satisfiesExactly(
            m -> assertThat(m).startsWith("[joined values of group g-4] "),
            m ->
                assertThat(m)
                    .contains("but collecting raised:")
                    .contains("IllegalStateException: boom"),
            m -> assertThat(m).contains("[collected values of the tree under root]"),
            m -> assertThat(m).startsWith("[leaves of the tree under root]"));
  }

  @Test
  void assertSoftlyReportsEveryErrorAtTheEnd() {
    assertThatThrownBy(
            () ->
                SoftAssertionsProvider.assertSoftly(
                    CelerySoftAssertions.class,
                    s -> {
                      s.assertThat(a).hasFailed();
                      s.assertThat(b).hasFailed();
                      s.assertThat(b).isRevoked();
                    }))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Multiple Failures (2 failures)")
        .hasMessageContaining("to be in state:")
        .hasMessageContaining("REVOKED");
  }

  @Test
  void assertJsOwnSoftAssertionsRemainAvailable() {
    softly.assertThat("text").isEqualTo("other");
    softly.assertThat(List.of(1, 2)).containsExactly(2, 1);

    assertThat(softly.errorsCollected()).hasSize(2);
  }
}
