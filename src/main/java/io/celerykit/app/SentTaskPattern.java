package io.celerykit.app;

import io.celerykit.internal.Checks;
import io.celerykit.internal.PythonRepr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Describes the sends a verification looks for: a task name, and optionally its arguments, keyword
 * arguments, {@code apply_async} options and any condition of the test's. Start one with {@link
 * CeleryMatchers#task(String)}; every method returns a new pattern. Arguments are plain values
 * (compared for equality; whole numbers by value) or {@link ValueMatcher}s from {@link
 * CeleryMatchers}. Immutable.
 *
 * <pre>{@code
 * SentTaskPattern render = task("invoices.render").withArgs("INV-1").withOptions(o -> o.queue("pdf"));
 * app.sentTasks().matching(render);
 * }</pre>
 */
public final class SentTaskPattern implements Predicate<SentTask> {

  /** A condition of the test's on a whole send, with its description. */
  private record Condition(String description, Predicate<? super SentTask> test) {}

  private final String name;
  private final List<Object> args;
  private final Map<String, Object> kwargs;
  private final ApplyOptions options;
  private final List<Condition> conditions;

  private SentTaskPattern(
      String name,
      List<Object> args,
      Map<String, Object> kwargs,
      ApplyOptions options,
      List<Condition> conditions) {
    this.name = name;
    this.args = args;
    this.kwargs = kwargs;
    this.options = options;
    this.conditions = conditions;
  }

  /**
   * Starts a pattern: sends of this task name, with any arguments and options.
   *
   * @param name the task name
   * @return the pattern
   * @throws IllegalArgumentException when the name is blank
   */
  public static SentTaskPattern named(String name) {
    Checks.requireNonBlank(name, "task name (such as \"invoices.render\")");
    return new SentTaskPattern(name, null, null, null, List.of());
  }

  /**
   * Returns the task name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Expects exactly these positional arguments: values, or matchers such as {@link
   * CeleryMatchers#any()}; no arguments means a call without positional arguments.
   *
   * @param expected the arguments, in order
   * @return the new pattern
   */
  public SentTaskPattern withArgs(Object... expected) {
    Checks.requireNonNull(expected, "args (pass no arguments for a call without any)");
    List<Object> copy = Collections.unmodifiableList(new ArrayList<>(Arrays.asList(expected)));
    return new SentTaskPattern(name, copy, kwargs, options, conditions);
  }

  /**
   * Accepts any positional arguments again (the default).
   *
   * @return the new pattern
   */
  public SentTaskPattern withAnyArgs() {
    return new SentTaskPattern(name, null, kwargs, options, conditions);
  }

  /**
   * Expects exactly these keyword arguments (no other key), whose values may be matchers.
   *
   * @param expected the keyword arguments
   * @return the new pattern
   */
  public SentTaskPattern withKwargs(Map<String, ?> expected) {
    Checks.requireNonNull(expected, "kwargs (use Map.of() for a call without any)");
    Map<String, Object> copy = Collections.unmodifiableMap(new LinkedHashMap<>(expected));
    return new SentTaskPattern(name, args, copy, options, conditions);
  }

  /**
   * Expects the {@code apply_async} options that {@code expected} sets on {@link
   * ApplyOptions#defaults()}, and says nothing of the others: a partial match. The queue is
   * compared with the queue the task went to (the app's default queue when the call named none);
   * headers with the sent ones, each expected header present and equal (others allowed); links by
   * their text.
   *
   * <pre>{@code
   * task("invoices.render").withOptions(o -> o.queue("pdf").countdown(Duration.ofSeconds(10)))
   * }</pre>
   *
   * @param expected sets the expected options
   * @return the new pattern
   */
  public SentTaskPattern withOptions(UnaryOperator<ApplyOptions> expected) {
    Checks.requireNonNull(expected, "options (such as o -> o.queue(\"pdf\"))");
    ApplyOptions want =
        Checks.requireNonNull(
            expected.apply(ApplyOptions.defaults()),
            "the options the function returned (return o.queue(...), not null)");
    return new SentTaskPattern(name, args, kwargs, want, conditions);
  }

  /**
   * Adds a condition of the test's on the whole send (its id, parent, group, time, options ...).
   *
   * @param description what the condition says, shown in failure reports
   * @param condition the condition
   * @return the new pattern
   */
  public SentTaskPattern matching(String description, Predicate<? super SentTask> condition) {
    Checks.requireNonBlank(description, "description");
    Checks.requireNonNull(condition, "condition");
    List<Condition> more = new ArrayList<>(conditions);
    more.add(new Condition(description, condition));
    return new SentTaskPattern(name, args, kwargs, options, List.copyOf(more));
  }

  /**
   * Adds a condition of the test's on the whole send, described as {@code a condition}.
   *
   * @param condition the condition
   * @return the new pattern
   */
  public SentTaskPattern matching(Predicate<? super SentTask> condition) {
    return matching("a condition", condition);
  }

  /**
   * Tells whether a send matches every part of the pattern.
   *
   * @param sent the send
   * @return true when it matches
   */
  @Override
  public boolean test(SentTask sent) {
    return sent != null && name.equals(sent.name()) && matchesApartFromName(sent);
  }

  /** Whether everything but the name matches. */
  boolean matchesApartFromName(SentTask sent) {
    return argumentsMatch(sent) && optionDifferences(sent).isEmpty() && conditionsHold(sent);
  }

  /** Whether the positional and keyword arguments match. */
  boolean argumentsMatch(SentTask sent) {
    return (args == null || ArgMatch.listMatches(args, sent.args()))
        && (kwargs == null || ArgMatch.mapMatches(kwargs, sent.kwargs()));
  }

  /** Whether the pattern says anything of the arguments. */
  boolean constrainsArguments() {
    return args != null || kwargs != null;
  }

  private boolean conditionsHold(SentTask sent) {
    for (Condition c : conditions) {
      if (!c.test().test(sent)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Lists how a send differs from the pattern, one line each: the name, each argument, keyword,
   * option and condition that does not match.
   */
  List<String> differences(SentTask sent) {
    List<String> out = new ArrayList<>();
    if (!name.equals(sent.name())) {
      out.add(
          "name: expected " + PythonRepr.repr(name) + " but was " + PythonRepr.repr(sent.name()));
    }
    if (args != null) {
      argumentDifferences(sent.args(), out);
    }
    if (kwargs != null) {
      keywordDifferences(sent.kwargs(), out);
    }
    out.addAll(optionDifferences(sent));
    for (Condition c : conditions) {
      if (!c.test().test(sent)) {
        out.add("not " + c.description());
      }
    }
    return out;
  }

  private void argumentDifferences(List<Object> sent, List<String> out) {
    if (sent.size() != args.size()) {
      out.add(
          "args: expected "
              + args.size()
              + (args.size() == 1 ? " argument " : " arguments ")
              + describeArgs()
              + " but "
              + sent.size()
              + (sent.size() == 1 ? " was" : " were")
              + " sent: "
              + PythonRepr.tuple(sent));
      return;
    }
    for (int i = 0; i < args.size(); i++) {
      if (!ArgMatch.matches(args.get(i), sent.get(i))) {
        out.add(
            "args["
                + i
                + "]: expected "
                + ArgMatch.describe(args.get(i))
                + " but was "
                + PythonRepr.repr(sent.get(i)));
      }
    }
  }

  private void keywordDifferences(Map<String, Object> sent, List<String> out) {
    for (Map.Entry<String, Object> e : kwargs.entrySet()) {
      if (!sent.containsKey(e.getKey())) {
        out.add(
            "kwargs: expected "
                + e.getKey()
                + "="
                + ArgMatch.describe(e.getValue())
                + " but it was not sent");
      } else if (!ArgMatch.matches(e.getValue(), sent.get(e.getKey()))) {
        out.add(
            "kwargs["
                + PythonRepr.repr(e.getKey())
                + "]: expected "
                + ArgMatch.describe(e.getValue())
                + " but was "
                + PythonRepr.repr(sent.get(e.getKey())));
      }
    }
    for (Map.Entry<String, Object> e : sent.entrySet()) {
      if (!kwargs.containsKey(e.getKey())) {
        out.add(
            "kwargs: "
                + e.getKey()
                + "="
                + PythonRepr.repr(e.getValue())
                + " was sent but not expected");
      }
    }
  }

  /** The options that differ: only those the pattern sets. */
  List<String> optionDifferences(SentTask sent) {
    if (options == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    ApplyOptions have = sent.options();
    differ(out, "task_id", options.taskId(), sent.taskId());
    differ(out, "queue", options.queue(), sent.queue());
    differ(out, "countdown", options.countdown(), have.countdown());
    differ(out, "eta", options.eta(), have.eta());
    differ(out, "expires", options.expiresIn(), have.expiresIn());
    differ(out, "expires", options.expiresAt(), have.expiresAt());
    differ(out, "ignore_result", options.ignoreResult(), have.ignoreResult());
    for (Map.Entry<String, Object> h : options.headers().entrySet()) {
      Object got = have.headers().get(h.getKey());
      if (!have.headers().containsKey(h.getKey()) || !ArgMatch.matches(h.getValue(), got)) {
        out.add(
            "headers["
                + PythonRepr.repr(h.getKey())
                + "]: expected "
                + ArgMatch.describe(h.getValue())
                + " but was "
                + (have.headers().containsKey(h.getKey()) ? PythonRepr.repr(got) : "not sent"));
      }
    }
    if (!options.link().isEmpty() && !options.link().toString().equals(have.link().toString())) {
      out.add("link: expected " + options.link() + " but was " + have.link());
    }
    if (!options.linkError().isEmpty()
        && !options.linkError().toString().equals(have.linkError().toString())) {
      out.add("link_error: expected " + options.linkError() + " but was " + have.linkError());
    }
    return out;
  }

  private static void differ(List<String> out, String keyword, Object expected, Object actual) {
    if (expected == null || Objects.equals(expected, actual)) {
      return;
    }
    out.add(keyword + ": expected " + optionText(expected) + " but was " + optionText(actual));
  }

  private static String optionText(Object value) {
    if (value == null) {
      return "not set";
    }
    if (value instanceof java.time.Duration d) {
      return SentTaskText.seconds(d);
    }
    return value instanceof String || value instanceof Boolean
        ? PythonRepr.repr(value)
        : String.valueOf(value);
  }

  private String describeArgs() {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < args.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(ArgMatch.describe(args.get(i)));
    }
    return sb.append(args.size() == 1 ? ",)" : ")").toString();
  }

  /**
   * Describes the pattern as a call: {@code invoices.render('INV-1', <any>)}, {@code
   * invoices.render(*any*)} when the arguments are free, then the expected options and conditions.
   *
   * @return the text
   */
  public String describe() {
    StringBuilder sb = new StringBuilder(name).append('(');
    String sep = "";
    if (args == null) {
      sb.append("*any*");
      sep = ", ";
    } else {
      for (Object arg : args) {
        sb.append(sep).append(ArgMatch.describe(arg));
        sep = ", ";
      }
    }
    if (kwargs != null) {
      for (Map.Entry<String, Object> e : kwargs.entrySet()) {
        sb.append(sep).append(e.getKey()).append('=').append(ArgMatch.describe(e.getValue()));
        sep = ", ";
      }
    }
    sb.append(')');
    if (options != null) {
      List<String> set = SentTaskText.describe(options);
      if (options.taskId() != null) {
        set.add(0, "task_id=" + PythonRepr.repr(options.taskId()));
      }
      if (!set.isEmpty()) {
        sb.append(" with ").append(String.join(", ", set));
      }
    }
    for (Condition c : conditions) {
      sb.append(" and ").append(c.description());
    }
    return sb.toString();
  }

  /**
   * Describes the pattern, as {@link #describe()}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return describe();
  }
}
