package io.celerykit.app;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Matchers for verifying sent tasks, as Mockito's {@code ArgumentMatchers}: argument matchers to
 * mix with plain values in {@code withArgs(...)} and {@code withKwargs(...)}, and {@link
 * #task(String)} to describe a send for {@code sentInOrder(...)}.
 *
 * <pre>{@code
 * import static io.celerykit.app.CeleryMatchers.*;
 *
 * app.verify().sent("invoices.render").withArgs(any(), eq(3)).once();
 * app.verify().sent("invoices.render").withArgs(argThat(String.class, id -> id.startsWith("INV"))).atLeastOnce();
 * app.verify().sentInOrder(task("invoices.render").withArgs("INV-1"), task("invoices.mail"));
 * }</pre>
 *
 * <p>Unlike Mockito's, these matchers are plain objects: they need no static state and may be kept
 * in variables and nested in lists and maps.
 */
public final class CeleryMatchers {
  private CeleryMatchers() {}

  /**
   * Matches any value, null included.
   *
   * @return the matcher, described as {@code <any>}
   */
  public static ValueMatcher any() {
    return Any.INSTANCE;
  }

  /**
   * Matches a value equal to this one; whole numbers compare by value ({@code 5} matches {@code
   * 5L}), as they are once Celery's JSON has carried them. A plain value in {@code withArgs} means
   * the same.
   *
   * @param expected the value, may be null
   * @return the matcher, described as Python's repr of the value
   */
  public static ValueMatcher eq(Object expected) {
    return new DescribedMatcher(
        value -> ArgMatch.matches(expected, value), () -> ArgMatch.describe(expected));
  }

  /**
   * Matches a value of a type (not null).
   *
   * @param type the type, e.g. {@code String.class}
   * @return the matcher, described as {@code <any String>}
   */
  public static ValueMatcher isA(Class<?> type) {
    Objects.requireNonNull(type, "type");
    return new DescribedMatcher(
        value -> type.isInstance(value), () -> "<any " + type.getSimpleName() + ">");
  }

  /**
   * Matches a value the predicate accepts (null included: the predicate decides).
   *
   * @param predicate the test
   * @return the matcher, described as {@code <matching a predicate>} (see {@link
   *     ValueMatcher#describedAs})
   */
  public static ValueMatcher argThat(Predicate<Object> predicate) {
    Objects.requireNonNull(predicate, "predicate");
    return new DescribedMatcher(value -> predicate.test(value), () -> "<matching a predicate>");
  }

  /**
   * Matches a value of a type that the predicate accepts; a value of another type (or null) does
   * not match, and the predicate never sees it.
   *
   * <pre>{@code
   * withArgs(argThat(String.class, id -> id.startsWith("INV-")))
   * }</pre>
   *
   * @param <T> the type
   * @param type the type the value must have
   * @param predicate the test
   * @return the matcher, described as {@code <String matching a predicate>}
   */
  public static <T> ValueMatcher argThat(Class<T> type, Predicate<? super T> predicate) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(predicate, "predicate");
    return new DescribedMatcher(
        value -> type.isInstance(value) && predicate.test(type.cast(value)),
        () -> "<" + type.getSimpleName() + " matching a predicate>");
  }

  /**
   * Starts the description of a send of a task name, any arguments, for {@code sentInOrder(...)} or
   * {@link SentTasks#matching(SentTaskPattern)}.
   *
   * @param name the task name, e.g. {@code invoices.render}
   * @return the pattern
   */
  public static SentTaskPattern task(String name) {
    return SentTaskPattern.named(name);
  }

  private enum Any implements ValueMatcher {
    INSTANCE;

    @Override
    public boolean matches(Object value) {
      return true;
    }

    @Override
    public String describe() {
      return "<any>";
    }
  }
}
