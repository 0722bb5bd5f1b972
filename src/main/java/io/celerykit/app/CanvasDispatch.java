package io.celerykit.app;

import io.celerykit.internal.Checks;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultBase;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Sends canvas elements through {@link Celery#applyCanvas} of the app their signatures (or their
 * groups) belong to, and checks, before anything is sent, that the result is of the kind the caller
 * asked for: a task's {@link AsyncResult} or a {@link GroupResult}. Internal.
 */
final class CanvasDispatch {
  private CanvasDispatch() {}

  /** Sends an element on its app; returns its result. */
  static ResultBase apply(CanvasElement element, List<?> args) {
    Checks.requireNonNull(args, "args (use List.of() for none)");
    return appOf(element).applyCanvas(element, args);
  }

  /**
   * Sends a chain or chord whose result must be a single task's ({@code delay} / {@code
   * applyAsync()}), failing before anything is sent when it would be a group's.
   */
  @SuppressWarnings("unchecked")
  static <T> AsyncResult<T> applyForTaskResult(CanvasElement element, Object[] args) {
    Checks.requireNonNull(args, "args");
    CanvasElement last = last(element);
    if (last instanceof Group) {
      throw new IllegalStateException(
          describe(element)
              + " ends with the group "
              + last
              + ", so its result is a GroupResult, not an AsyncResult; call applyAsyncForGroup()"
              + " or delayForGroup(...)");
    }
    return (AsyncResult<T>) apply(element, Arrays.asList(args));
  }

  /**
   * Sends a chain or chord whose result must be a group's ({@code applyAsyncForGroup} / {@code
   * delayForGroup}), failing before anything is sent when it would be a single task's.
   */
  static GroupResult applyForGroupResult(CanvasElement element, Object[] args) {
    Checks.requireNonNull(args, "args");
    CanvasElement last = last(element);
    if (!(last instanceof Group)) {
      throw new IllegalStateException(
          describe(element)
              + " ends with "
              + last
              + ", a task, so its result is an AsyncResult, not a GroupResult; call applyAsync()"
              + " or delay(...)");
    }
    return (GroupResult) apply(element, Arrays.asList(args));
  }

  /** Names a chain or a chord in an error message. */
  private static String describe(CanvasElement element) {
    return (element instanceof Chord ? "the chord " : "the chain ") + element;
  }

  /** The element whose result is the element's: a chain's last step's, a chord's body's. */
  static CanvasElement last(CanvasElement element) {
    CanvasElement e = element;
    while (true) {
      if (e instanceof Chain c) {
        e = c.tasks().get(c.tasks().size() - 1);
      } else if (e instanceof Chord c) {
        e = c.body();
      } else {
        return e;
      }
    }
  }

  /**
   * Finds the app of the canvas: its signatures' and its groups' ({@code Canvas.group(app, ...)});
   * they must all be the same one.
   */
  static Celery appOf(CanvasElement root) {
    Celery found = null;
    Deque<CanvasElement> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      CanvasElement e = todo.pop();
      Celery app = null;
      if (e instanceof Signature s) {
        app = s.app();
      } else if (e instanceof Group g) {
        app = g.app();
        g.tasks().forEach(todo::push);
      } else if (e instanceof Chain c) {
        c.tasks().forEach(todo::push);
      } else if (e instanceof Chord c) {
        todo.push(c.body());
        todo.push(c.header());
      }
      if (app == null || app == found) {
        continue;
      }
      if (found != null) {
        throw new IllegalArgumentException(
            "the canvas mixes signatures of two apps ("
                + found
                + " and "
                + app
                + "); make every signature from tasks of the same app");
      }
      found = app;
    }
    if (found == null) {
      throw new IllegalArgumentException(
          root
              + " holds no task signature, so it has no app to send to; give the group its app:"
              + " Canvas.group(app, List.of()), as Celery's group([], app=app)");
    }
    return found;
  }
}
