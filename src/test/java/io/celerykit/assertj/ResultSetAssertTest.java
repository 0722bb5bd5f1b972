package io.celerykit.assertj;

import static io.celerykit.assertj.CeleryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.Task;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultSetAssertTest {

  private static final String NL = System.lineSeparator();

  private final InMemoryCelery app = InMemoryCelery.create();
  private final Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
  private final Task<Integer> boom =
      app.task(
          "tasks.boom",
          () -> {
            throw new IllegalStateException("kaboom");
          });

  private final AsyncResult<Object> one = app.seed().succeeded("one", 1);
  private final AsyncResult<Object> two = app.seed().succeeded("two", 2);
  private final AsyncResult<Object> broken =
      app.seed().failed("broken", new IllegalStateException("boom"));
  private final AsyncResult<Object> waiting = app.seed().pending("waiting");

  @Test
  void aGroupOfSuccessfulMembersPassesTheMemberChecks() {
    GroupResult group = app.seed().group("g-ok", one, two);

    assertThat(group)
        .hasSize(2)
        .hasId("g-ok")
        .allSuccessful()
        .hasCompletedCount(2)
        .noneFailed()
        .isReady();
  }

  @Test
  void hasSizeFailsWithBothSizes() {
    ResultSet set = new ResultSet(List.of(one, two), app);

    assertThatThrownBy(() -> assertThat(set).hasSize(3))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting result set:" + NL + "  <ResultSet: [one, two]>")
        .hasMessageContaining("to have 3 members" + NL + "but it has 2");
  }

  @Test
  void allSuccessfulFailsListingTheMembersThatWereNot() {
    GroupResult group = app.seed().group("g-mixed", one, broken, waiting);

    assertThatThrownBy(() -> assertThat(group).allSuccessful())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expecting every member of result set:" + NL + "  <GroupResult: g-mixed")
        .hasMessageContaining(
            "but these were not:"
                + NL
                + "  broken FAILURE RemoteTaskException: java.lang.IllegalStateException: boom")
        .hasMessageContaining("  waiting PENDING")
        .hasMessageContaining("result tree:" + NL + "  group g-mixed (3 members)");
  }

  @Test
  void hasCompletedCountFailsWithBothCounts() {
    GroupResult group = app.seed().group("g-count", one, broken);

    assertThat(group).hasCompletedCount(1);
    assertThatThrownBy(() -> assertThat(group).hasCompletedCount(2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have 2 successful members" + NL + "but it has 1");
  }

  @Test
  void anyFailedPassesWhenOneMemberFailed() {
    assertThat(app.seed().group("g-any", one, broken)).anyFailed();
  }

  @Test
  void anyFailedFailsWhenNoMemberFailed() {
    GroupResult group = app.seed().group("g-none", one, waiting);

    assertThatThrownBy(() -> assertThat(group).anyFailed())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting some member of result set:")
        .hasMessageContaining("to have failed" + NL + "but none has");
  }

  @Test
  void noneFailedFailsListingTheFailedMembers() {
    GroupResult group = app.seed().group("g-failed", one, broken);

    assertThatThrownBy(() -> assertThat(group).noneFailed())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting no member of result set:")
        .hasMessageContaining(
            "but these have:"
                + NL
                + "  broken FAILURE RemoteTaskException: java.lang.IllegalStateException: boom");
  }

  @Test
  void aSetWithAPendingMemberIsWaitingAndNotReady() {
    GroupResult group = app.seed().group("g-wait", one, waiting);

    assertThat(group).isWaiting();
    assertThatThrownBy(() -> assertThat(group).isReady())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be ready (every member SUCCESS, FAILURE or REVOKED)")
        .hasMessageContaining("but these members were not:" + NL + "  waiting PENDING");
  }

  @Test
  void isWaitingFailsWhenEveryMemberIsReady() {
    GroupResult group = app.seed().group("g-done", one, broken);

    assertThatThrownBy(() -> assertThat(group).isWaiting())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be waiting (some member not ready yet)")
        .hasMessageContaining("but every member was ready");
  }

  @Test
  void hasIdFailsForAnotherGroupId() {
    GroupResult group = app.seed().group("g-real", one);

    assertThatThrownBy(() -> assertThat(group).hasId("g-other"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have id:" + NL + "  g-other" + NL + "but had:" + NL + "  g-real");
  }

  @Test
  void hasIdFailsForAPlainResultSet() {
    ResultSet set = new ResultSet(List.of(one), app);

    assertThatThrownBy(() -> assertThat(set).hasId("g-1"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but it is a plain ResultSet, which has no id");
  }

  @Test
  void memberNavigatesToTheMemberAtAnIndex() {
    GroupResult group = app.seed().group("g-nav", one, broken);

    assertThat(group).member(0).isSuccessful().hasResult(1);
    assertThat(group)
        .member(1)
        .failedWith(IllegalStateException.class)
        .hasMessageEndingWith(": boom");
  }

  @Test
  void memberChecksAreDescribedWithTheIndexAndTheSet() {
    GroupResult group = app.seed().group("g-desc", one);

    assertThatThrownBy(() -> assertThat(group).member(0).hasResult(2))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("[member 0 of group g-desc] ");
  }

  @Test
  void memberFailsForAnIndexOutOfRange() {
    GroupResult group = app.seed().group("g-range", one);

    assertThatThrownBy(() -> assertThat(group).member(1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have a member at index 1" + NL + "but it has 1 members");
  }

  @Test
  void memberFailsForANestedSet() {
    GroupResult inner = app.seed().group("g-inner", one);
    GroupResult outer = new GroupResult("g-outer", List.of(inner, two), app);

    assertThatThrownBy(() -> assertThat(outer).member(0))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting member 0 of result set:")
        .hasMessageContaining("to be a task result (AsyncResult)")
        .hasMessageContaining("<GroupResult: g-inner [one]>");
  }

  @Test
  void aLargeSetIsNamedByItsFirstMembers() {
    List<AsyncResult<Object>> members = new java.util.ArrayList<>();
    for (int i = 0; i < 25; i++) {
      members.add(app.seed().succeeded("m" + i, i));
    }
    ResultSet set = new ResultSet(members, app);

    assertThatThrownBy(() -> assertThat(set).hasSize(3))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("<ResultSet: [m0, m1, m2,")
        .hasMessageContaining("m19, ... (5 more)]>")
        .hasMessageContaining("but it has 25");
    assertThatThrownBy(() -> assertThat(set).member(0).hasResult(1))
        .hasMessageStartingWith("[member 0 of the result set] ");
  }

  @Test
  void joinedValuesJoinsTheMembersByRunningTheWorker() {
    GroupResult group = new GroupResult("g-join", List.of(add.delay(1, 2), add.delay(3, 4)), app);
    assertThat(group).isWaiting().hasCompletedCount(0);

    assertThat(group).joinedValues().containsExactly(3, 7);

    assertThat(group).allSuccessful().isReady();
  }

  @Test
  void joinedValuesFailsWithTheFirstFailureAndTheTree() {
    GroupResult group = new GroupResult("g-boom", List.of(add.delay(1, 2), boom.delay()), app);

    assertThatThrownBy(() -> assertThat(group).joinedValues())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to join (every member's value)")
        // the worker stored the failure through the JSON serializer: its remote form
        .hasMessageContaining(
            "but joining raised:"
                + NL
                + "  RemoteTaskException: java.lang.IllegalStateException: kaboom")
        .hasMessageContaining("result tree:" + NL + "  group g-boom (2 members)")
        .hasCauseInstanceOf(RemoteTaskException.class);
  }

  @Test
  void joinedValuesChecksAreDescribed() {
    GroupResult group = new GroupResult("g-vals", List.of(add.delay(1, 2)), app);

    assertThatThrownBy(() -> assertThat(group).joinedValues().containsExactly(4))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("[joined values of group g-vals] ");
  }

  @Test
  void aNullSetFailsEveryCheck() {
    ResultSet none = null;

    assertThatThrownBy(() -> assertThat(none).hasSize(0))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
    assertThatThrownBy(() -> assertThat(none).joinedValues())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
  }
}
