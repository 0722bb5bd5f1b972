package io.celerykit.assertj;

import io.celerykit.app.ResultTrees;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.ListAssert;
import org.assertj.core.api.SoftAssertionsProvider;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.error.ShouldNotBeNull;

/**
 * Checks a {@link ResultSet} or a {@link GroupResult}. Obtain one with {@link
 * CeleryAssertions#assertThat(ResultSet)}.
 *
 * <p>The checks read the members' current states and never wait; {@link #joinedValues()} waits, as
 * {@link ResultSet#join()} does, and in deterministic mode drives the worker on the virtual clock.
 * Failure messages show the set, what was expected, the members at fault and the tree.
 */
public class ResultSetAssert extends AbstractAssert<ResultSetAssert, ResultSet> {

  /** The soft assertions this assert belongs to, or null; navigated asserts join them. */
  SoftAssertionsProvider softly;

  /**
   * Creates an assert on a result set; prefer {@link CeleryAssertions#assertThat(ResultSet)}.
   *
   * @param actual the set, may be null (every check then fails)
   */
  public ResultSetAssert(ResultSet actual) {
    super(actual, ResultSetAssert.class);
  }

  /**
   * Verifies that the set has this many members.
   *
   * @param expected the number of members
   * @return this assert
   */
  public ResultSetAssert hasSize(int expected) {
    isNotNull();
    if (actual.size() != expected) {
      throwAssertionError(SetMessages.shouldHaveSize(actual, expected));
    }
    return myself;
  }

  /**
   * Verifies that every member succeeded ({@code successful()}); true for an empty set.
   *
   * @return this assert
   */
  public ResultSetAssert allSuccessful() {
    return noMember(member -> !successful(member), SetMessages::shouldAllBeSuccessful);
  }

  /**
   * Verifies how many members succeeded ({@code completed_count()}).
   *
   * @param expected the number of SUCCESS members
   * @return this assert
   */
  public ResultSetAssert hasCompletedCount(int expected) {
    isNotNull();
    int completed = actual.completedCount();
    if (completed != expected) {
      throwAssertionError(SetMessages.shouldHaveCompletedCount(actual, expected, completed));
    }
    return myself;
  }

  /**
   * Verifies that some member failed ({@code failed()}).
   *
   * @return this assert
   */
  public ResultSetAssert anyFailed() {
    isNotNull();
    if (!actual.failed()) {
      throwAssertionError(SetMessages.shouldHaveAFailedMember(actual));
    }
    return myself;
  }

  /**
   * Verifies that no member failed.
   *
   * @return this assert
   */
  public ResultSetAssert noneFailed() {
    return noMember(ResultSetAssert::failed, SetMessages::shouldHaveNoFailedMember);
  }

  /**
   * Verifies that some member is not ready yet ({@code waiting()}).
   *
   * @return this assert
   */
  public ResultSetAssert isWaiting() {
    isNotNull();
    if (!actual.waiting()) {
      throwAssertionError(ResultMessages.shouldBeWaiting(actual));
    }
    return myself;
  }

  /**
   * Verifies that every member is ready ({@code ready()}): SUCCESS, FAILURE or REVOKED.
   *
   * @return this assert
   */
  public ResultSetAssert isReady() {
    return noMember(member -> !member.ready(), ResultMessages::shouldBeReady);
  }

  /**
   * Verifies that the set is a {@link GroupResult} with this id.
   *
   * @param expected the group id
   * @return this assert
   */
  public ResultSetAssert hasId(String expected) {
    Objects.requireNonNull(expected, "expected id");
    isNotNull();
    if (!(actual instanceof GroupResult group)) {
      throwAssertionError(SetMessages.shouldBeAGroup(actual, expected));
    } else if (!group.id().equals(expected)) {
      throwAssertionError(SetMessages.shouldHaveGroupId(group, expected));
    }
    return myself;
  }

  /**
   * Returns an assert on the member at an index. Fails when there is no such member or it is a
   * nested set.
   *
   * @param index the member's index, from 0
   * @return an assert on the member
   */
  public final AsyncResultAssert<Object> member(int index) {
    ResultSet set = requireActual();
    if (set == null) {
      return Navigation.result(softly, null, description("member " + index));
    }
    List<ResultBase> members = set.results();
    AsyncResult<Object> member = null;
    if (index < 0 || index >= members.size()) {
      Navigation.failed(
          softly, assertionError(SetMessages.shouldHaveMemberAt(set, index, members.size())));
    } else if (members.get(index) instanceof AsyncResult<?> task) {
      member = widen(task);
    } else {
      Navigation.failed(
          softly,
          assertionError(SetMessages.shouldHaveTaskMemberAt(set, index, members.get(index))));
    }
    return Navigation.result(softly, member, description("member " + index));
  }

  /**
   * Joins the set with the default options ({@link ResultSet#join()}) and returns an assert on the
   * values in member order. In deterministic mode joining drives the worker on the virtual clock.
   * Fails when joining raises (a member failed or was revoked, or can never complete).
   *
   * @return an assert on the joined values
   */
  public final ListAssert<Object> joinedValues() {
    ResultSet set = requireActual();
    List<Object> values = null;
    if (set != null) {
      try {
        values = set.join();
      } catch (RuntimeException | Error raised) {
        Navigation.failed(
            softly,
            Navigation.withCause(assertionError(SetMessages.shouldJoin(set, raised)), raised));
      }
    }
    return Navigation.list(softly, values, description("joined values"));
  }

  private ResultSet requireActual() {
    if (actual == null) {
      Navigation.failed(softly, assertionError(ShouldNotBeNull.shouldNotBeNull()));
    }
    return actual;
  }

  private String description(String what) {
    return Navigation.description(
        this, what + (actual == null ? "" : " of " + Describe.setName(actual)));
  }

  /** Fails with the message listing the members that break the property, unless none does. */
  private ResultSetAssert noMember(
      Predicate<ResultBase> breaks,
      BiFunction<ResultSet, List<String>, ErrorMessageFactory> message) {
    isNotNull();
    List<String> breaking = new ArrayList<>();
    for (ResultBase member : actual) {
      if (breaks.test(member)) {
        breaking.add(ResultTrees.describe(member));
      }
    }
    if (!breaking.isEmpty()) {
      throwAssertionError(message.apply(actual, breaking));
    }
    return myself;
  }

  private static boolean successful(ResultBase member) {
    return member instanceof AsyncResult<?> task
        ? task.successful()
        : ((ResultSet) member).successful();
  }

  private static boolean failed(ResultBase member) {
    return member instanceof AsyncResult<?> task ? task.failed() : ((ResultSet) member).failed();
  }

  @SuppressWarnings("unchecked")
  private static AsyncResult<Object> widen(AsyncResult<?> result) {
    return (AsyncResult<Object>) result;
  }
}
